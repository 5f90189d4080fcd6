"""How long plancheck takes to read a plan, per file format.

For a 4-page and a 100-page plan in each format (.docx, .pdf, .md, .html,
.txt) this times a whole ``plancheck FILE --pages estimate --format json``
run in a fresh process, interpreter start-up included, best of three, and
records the peak memory of that process. The inputs are generated in a
temporary folder: plan-like text with headings, paragraphs, bullet lists and
a table, sized with plancheck's own page estimate. The PDF is the .docx
converted by LibreOffice, when it is installed.

Run it with the interpreter plancheck is installed in:

    .venv/bin/python benchmarks/bench_read.py

POSIX only: peak memory is the ``ru_maxrss`` that ``os.wait4`` reports for
each plancheck process. Linux and macOS carry a process's peak over into the
program it execs, so a child started from a large parent reports the
parent's peak; the inputs are therefore made in a separate process, and the
process that starts plancheck imports nothing but the standard library.
"""

from __future__ import annotations

import html
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (4, 100)
FORMATS = (".docx", ".pdf", ".md", ".html", ".txt")
RUNS = 3
BUDGET_SECONDS = 0.3  # a 4-page .docx in estimate mode
CONVERT_TIMEOUT = 300.0

TITLE = "Northbrook District Council: Productivity Plan 2024"
SECTIONS = [
    ("How we have transformed the way we design and deliver services",
     ["Since 2019 we have redesigned services around what residents tell us they need rather than "
      "around the structure of the council. A single customer hub now resolves 82 per cent of "
      "enquiries at the first point of contact, and residents no longer explain the same problem "
      "to three different teams.",
      "We moved from six directorates to four service clusters, each with one budget and one set of "
      "outcomes. Removing two tiers of management saved £1.4 million a year and cut the time taken "
      "to agree a change to a service standard from eight weeks to two."],
     ["extend the customer hub to planning and building control by March 2025",
      "measure every service by the cost per resident served",
      "agree a joint prevention plan with the integrated care board and the police"]),
    ("How we will use technology and data",
     ["Eleven line-of-business systems still cannot share data with each other, so officers re-key "
      "the same information. Replacing the revenues and benefits system in 2025 removes four of "
      "them and the manual reconciliation that goes with them.",
      "A monthly performance dashboard shows residents how quickly we answer calls, collect missed "
      "bins and process benefit claims. Every dataset behind it has a named owner, and address data "
      "is checked against the national gazetteer each week."],
     ["pilot an AI assistant that drafts replies to routine planning questions",
      "use predictive analytics to offer help before council tax arrears build up",
      "share hospital discharge data with the NHS every day"]),
    ("Our plans to reduce wasteful spend",
     ["Every contract worth more than £100,000 is reviewed monthly, and a staff suggestions scheme "
      "produced 140 ideas last year. Savings are tracked by finance and reported to the Audit and "
      "Governance Committee each quarter.",
      "Agency spend fell from 6.2 to 4.8 per cent of the staff budget after we created a pool of "
      "permanent relief staff and grew our own planners through apprenticeships. Consultancy above "
      "£25,000 needs a business case approved by the chief executive."],
     ["share internal audit, legal and procurement with two neighbouring districts",
      "review the property estate and release surplus offices",
      "retender the leisure contract on an outcomes basis"]),
    ("Barriers preventing progress",
     ["One-year funding settlements make it hard to commit to invest-to-save schemes that pay back "
      "over three to five years. Separate grant competitions, each with its own bidding and "
      "monitoring, absorbed about 1,200 officer hours last year.",
      "National benefits systems do not share data with councils in real time, and planning fees "
      "are set nationally below the cost of the service."],
     ["multi-year settlements", "one allocation in place of many small grants",
      "real-time access to national data that residents have agreed to share"]),
]
KPI_ROWS = [["Indicator", "2023/24", "Target 2025/26"],
            ["Enquiries resolved at first contact", "82%", "88%"],
            ["Households in temporary accommodation", "41", "30"],
            ["Agency spend, share of staff budget", "4.8%", "3.5%"]]


def plan(pages: int) -> list[tuple]:
    """Plan-like content that plancheck's estimate puts at ``pages`` A4 pages.

    Items are ``("heading", level, text)``, ``("paragraph", text)``,
    ``("bullet", text)`` and ``("table", rows)``.
    """
    from plancheck.pages import estimate_pages

    items: list[tuple] = [("heading", 1, TITLE)]
    number = 0
    while estimate_pages(_blocks(items)) < pages:
        heading, paragraphs, bullets = SECTIONS[number % len(SECTIONS)]
        number += 1
        items.append(("heading", 2, f"{number}. {heading}"))
        items += [("paragraph", text) for text in paragraphs[:1]]
        items += [("bullet", text) for text in bullets]
        items += [("paragraph", text) for text in paragraphs[1:]]
        if number % len(SECTIONS) == 0:
            items.append(("table", KPI_ROWS))
    return items


def _blocks(items: list[tuple]) -> list:
    from plancheck.document import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Table

    blocks = []
    for item in items:
        if item[0] == "heading":
            blocks.append(Block(kind=HEADING, text=item[2], level=item[1]))
        elif item[0] == "table":
            blocks.append(Block(kind=TABLE, text="", table=Table(rows=item[1])))
        else:
            blocks.append(Block(kind=LIST_ITEM if item[0] == "bullet" else PARAGRAPH, text=item[1]))
    return blocks


def _with_list_ends(items: list[tuple]):
    """The items with an ``("end-list",)`` marker after each run of bullets."""
    for item, following in zip(items, items[1:] + [("end",)]):
        yield item
        if item[0] == "bullet" and following[0] != "bullet":
            yield ("end-list",)


def write_docx(items: list[tuple], path: Path) -> None:
    import docx

    document = docx.Document()
    for item in items:
        if item[0] == "heading":
            document.add_heading(item[2], level=item[1])
        elif item[0] == "paragraph":
            document.add_paragraph(item[1])
        elif item[0] == "bullet":
            document.add_paragraph(item[1], style="List Bullet")
        else:
            rows = item[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]), style="Table Grid")
            for row, cells in zip(table.rows, rows):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
    document.save(path)


def write_markdown(items: list[tuple], path: Path) -> None:
    lines = []
    for item in _with_list_ends(items):
        if item[0] == "end-list":
            lines.append("")
        elif item[0] == "heading":
            lines += ["#" * item[1] + " " + item[2], ""]
        elif item[0] == "paragraph":
            lines += [item[1], ""]
        elif item[0] == "bullet":
            lines.append("- " + item[1])
        else:
            rows = item[1]
            lines += ["", "| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
            lines += ["| " + " | ".join(row) + " |" for row in rows[1:]] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_text(items: list[tuple], path: Path) -> None:
    """Plain text as Word's "Save as Plain Text" writes it: bullets as "•", cells tab-separated."""
    lines = []
    for item in _with_list_ends(items):
        if item[0] == "end-list":
            lines.append("")
        elif item[0] == "heading":
            lines += [item[2], ""]
        elif item[0] == "paragraph":
            lines += [item[1], ""]
        elif item[0] == "bullet":
            lines.append("• " + item[1])
        else:
            lines += [""] + ["\t".join(row) for row in item[1]] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_html(items: list[tuple], path: Path) -> None:
    """A council web page: site header, navigation and footer around the plan in <main>."""
    body, in_list = [], False
    for item in _with_list_ends(items):
        if item[0] == "end-list":
            body.append("</ul>")
            in_list = False
        elif item[0] == "heading":
            body.append(f"<h{item[1]}>{html.escape(item[2])}</h{item[1]}>")
        elif item[0] == "paragraph":
            body.append(f"<p>{html.escape(item[1])}</p>")
        elif item[0] == "bullet":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"  <li>{html.escape(item[1])}</li>")
        else:
            head, *rows = item[1]
            body.append("<table><thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head)
                        + "</tr></thead><tbody>")
            body += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows]
            body.append("</tbody></table>")
    path.write_text(
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head><meta charset="utf-8">\n'
        f"<title>{html.escape(TITLE)}</title></head>\n<body>\n"
        '<header><a href="/">Northbrook District Council</a></header>\n'
        '<nav><ul><li><a href="/bins">Bins</a></li>\n'
        '<li><a href="/council-tax">Council tax</a></li></ul></nav>\n'
        "<main>\n" + "\n".join(body) + "\n</main>\n"
        "<footer><p>© Northbrook District Council</p></footer>\n</body>\n</html>\n",
        encoding="utf-8")


def write_pdf(docx_path: Path, path: Path) -> None:
    from plancheck.readers.convert import converted

    with converted(docx_path, "pdf", CONVERT_TIMEOUT) as pdf:
        shutil.copyfile(pdf, path)


def write_inputs(folder: Path) -> dict:
    """Write every input into ``folder``; return a manifest of them, and why the PDFs are missing."""
    from plancheck.errors import ReadError
    from plancheck.readers.convert import soffice_path

    manifest = {"files": [], "pdf_missing": None}
    if soffice_path() is None:
        manifest["pdf_missing"] = "LibreOffice (soffice) is not installed, so no PDF could be made"
    for pages in SIZES:
        items = plan(pages)
        stem = folder / f"plan-{pages}-pages"
        for suffix, writer in ((".docx", write_docx), (".md", write_markdown),
                               (".html", write_html), (".txt", write_text)):
            writer(items, stem.with_suffix(suffix))
            manifest["files"].append([suffix, pages, str(stem.with_suffix(suffix))])
        if manifest["pdf_missing"] is None:
            try:
                write_pdf(stem.with_suffix(".docx"), stem.with_suffix(".pdf"))
            except ReadError as error:
                manifest["pdf_missing"] = f"LibreOffice could not make the PDF: {error}"
                continue
            manifest["files"].append([".pdf", pages, str(stem.with_suffix(".pdf"))])
    return manifest


def make_inputs(folder: Path) -> tuple[dict[tuple[str, int], Path], str | None]:
    """Have a separate process write the inputs, so that this one stays small (see the module notes)."""
    made = subprocess.run([sys.executable, __file__, "--write-inputs", str(folder)],
                          capture_output=True, text=True)
    if made.returncode:
        sys.exit(f"could not write the inputs:\n{made.stderr}")
    manifest = json.loads(made.stdout)
    inputs = {(suffix, pages): Path(name) for suffix, pages, name in manifest["files"]}
    return inputs, manifest["pdf_missing"]


def plancheck_command() -> list[str]:
    script = Path(sys.executable).with_name("plancheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plancheck"]


def run_once(command: list[str]) -> tuple[float, float, str, str]:
    """Run one plancheck process: wall seconds, its own peak memory in MB, stdout, stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    megabytes = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return seconds, megabytes, stdout, stderr


def pages_read(stdout: str) -> int | None:
    """The page count plancheck reported, or None when it read no document."""
    try:
        documents = json.loads(stdout).get("documents") or []
    except (json.JSONDecodeError, AttributeError):
        return None
    if not documents:
        return None
    return (documents[0].get("facts") or {}).get("pages")


def why_unread(stderr: str) -> str:
    """The reason a run read nothing: the last line plancheck wrote to stderr."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    last = lines[-1] if lines else "no output"
    label = "reader not available" if "No module named" in stderr else "could not read"
    return f"{label}: {last}"


def measure(path: Path) -> tuple[int, float, float] | str:
    """(pages, best seconds, peak MB) over RUNS runs, or why the file was not read.

    Whether plancheck exits non-zero says nothing here: a plan that fails its
    checks exits 1. What counts is whether the JSON report holds the document.
    """
    command = plancheck_command() + [str(path), "--pages", "estimate", "--format", "json"]
    times, peaks, pages = [], [], None
    for _ in range(RUNS):
        seconds, megabytes, stdout, stderr = run_once(command)
        pages = pages_read(stdout)
        if pages is None:
            return why_unread(stderr)
        times.append(seconds)
        peaks.append(megabytes)
    return pages, min(times), max(peaks)


def main() -> None:
    if sys.argv[1:2] == ["--write-inputs"]:
        print(json.dumps(write_inputs(Path(sys.argv[2]))))
        return
    version = importlib.metadata.version("plancheck")
    print(f"plancheck {version}, Python {platform.python_version()} on {platform.platform()}")
    print(f"command: {' '.join(plancheck_command())} FILE --pages estimate --format json "
          f"(best of {RUNS}, interpreter start-up included)")
    print("target: pages the input was made to fill; pages: the count plancheck read\n")
    with tempfile.TemporaryDirectory(prefix="plancheck-bench-") as work:
        inputs, pdf_missing = make_inputs(Path(work))
        print(f"{'format':<7} {'target':>6} {'pages':>6} {'seconds':>8} {'peak MB':>8}")
        results = {}
        for suffix in FORMATS:
            for pages in SIZES:
                if (suffix, pages) not in inputs:
                    result = f"skipped: {pdf_missing}"
                else:
                    result = measure(inputs[suffix, pages])
                results[suffix, pages] = result
                if isinstance(result, str):
                    print(f"{suffix:<7} {pages:>6}   {result}")
                else:
                    read_pages, seconds, megabytes = result
                    print(f"{suffix:<7} {pages:>6} {read_pages!s:>6} {seconds:>8.3f} {megabytes:>8.1f}")
    budget = results[".docx", 4]
    if isinstance(budget, str):
        verdict = f"not measured ({budget})"
    else:
        verdict = f"{'met' if budget[1] < BUDGET_SECONDS else 'NOT met'} ({budget[1]:.3f} s)"
    print(f"\nbudget: 4-page .docx in estimate mode under {BUDGET_SECONDS} s: {verdict}")


if __name__ == "__main__":
    main()
