"""Make the README's screenshots from real runs: python docs/images/make_screenshots.py

* ``annotate-page.png``: page 1 of the weak example draft as Word would hold it,
  annotated by ``plancheck annotate``, converted to PDF by LibreOffice (comments
  exported as PDF notes) and rendered by pdftoppm;
* ``annotate-comment.png``: the same copy exported by LibreOffice as XHTML, which
  writes each comment (author, date, text) at its place, cut to one paragraph;
* ``html-one-plan.png``: the first screen of ``--format html`` for that draft;
* ``html-folder.png``: the top of the folder report for the examples and the
  development half of the labelled corpus.

Needs LibreOffice, pdftoppm (poppler-utils), Chromium and the test extra.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402
from test_annotate import weak_docx  # noqa: E402

PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
XHTML = "html:XHTML Writer File:UTF8"
# The paragraph shown with its comments: one quoted sentence, one reviewer's comment left in.
SHOWN_PARAGRAPH = "Agency use is kept under review"


def plancheck(work: Path, *args) -> None:
    # Run in the work folder so that the reports show the short paths a user would type.
    subprocess.run([sys.executable, "-m", "plancheck", *map(str, args)], check=False, cwd=work)


def convert(work: Path, target: str) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(work), str(work / "draft.plancheck.docx")],
                   check=True, env=dict(os.environ, HOME=str(work)), capture_output=True)


def annotated_page(work: Path) -> None:
    weak_docx(work / "draft.docx")
    plancheck(work, "annotate", "draft.docx", "--pages", "estimate")
    convert(work, PDF_WITH_NOTES)
    convert(work, XHTML)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(work / "draft.plancheck.pdf"), str(HERE / "annotate-page")], check=True,
                   capture_output=True)


def html_reports(work: Path) -> None:
    plans = work / "plans"
    plans.mkdir()
    for source in [*sorted((ROOT / "tests" / "corpus" / "dev").glob("*.md")),
                   ROOT / "examples" / "anyshire-productivity-plan-2024.docx",
                   ROOT / "examples" / "weak-draft-productivity-plan.md"]:
        shutil.copy(source, plans / source.name)
    plancheck(work, "draft.docx", "--format", "html", "-o", "one.html", "--pages", "estimate")
    plancheck(work, "plans", "--format", "html", "-o", "folder.html", "--pages", "estimate")
    with browser.Browser(width=1000, height=800) as chrome:
        chrome.open(work / "draft.plancheck.html")
        # The innermost block holding the paragraph (the last in document order).
        chrome.evaluate("Array.from(document.querySelectorAll('p, div')).filter(e => e.textContent.includes("
                        f"{SHOWN_PARAGRAPH!r})).pop().id = 'shown'")
        chrome.screenshot(HERE / "annotate-comment.png", "#shown")
    with browser.Browser(width=1280, height=860) as chrome:
        chrome.open(work / "one.html")
        chrome.screenshot(HERE / "html-one-plan.png")
    with browser.Browser(width=1600, height=900) as chrome:
        chrome.open(work / "folder.html")
        chrome.evaluate("document.getElementById('coverage').scrollIntoView()")
        for _ in range(2):  # highest score first
            chrome.evaluate("Array.from(document.querySelectorAll('table.matrix th button'))"
                            ".find(b => b.innerText === 'Score').click()")
        chrome.screenshot(HERE / "html-folder.png")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        annotated_page(work)
        html_reports(work)
    print("wrote", *sorted(p.name for p in HERE.glob("*.png")))


if __name__ == "__main__":
    main()
