"""``--format html``: one self-contained, accessible page for one plan or a folder.

The page is checked twice: as markup (structure, self-containment) and in a
real headless Chromium (console, network, what is on the first screen,
sorting with the keyboard, contrast of every piece of text as rendered).
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import browser
from cli_helpers import PARTIAL, STRONG, plancheck

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
needs_browser = pytest.mark.skipif(not browser.available(),
                                   reason="Chromium or the websocket-client package is not installed")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """A one-plan report of the weak draft, and a folder report of five plans and one unreadable file."""
    folder = tmp_path_factory.mktemp("html")
    plans = folder / "plans"
    plans.mkdir()
    shutil.copy(EXAMPLES / "anyshire-productivity-plan-2024.docx", plans / "anyshire.docx")
    shutil.copy(EXAMPLES / "weak-draft-productivity-plan.md", plans / "weak.md")
    (plans / "strong.md").write_text(STRONG, encoding="utf-8")
    (plans / "partial.md").write_text(PARTIAL, encoding="utf-8")
    (plans / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    one = plancheck(plans / "weak.md", "--format", "html", "-o", folder / "one.html", "--pages", "estimate")
    assert one.exit_code == 1, one.stderr
    many = plancheck(plans, "--format", "html", "-o", folder / "folder.html", "--pages", "estimate")
    assert many.exit_code == 2 and "broken.docx" in many.stderr
    return {"one": folder / "one.html", "folder": folder / "folder.html"}


class Outline(HTMLParser):
    """What the markup says: headings, tables and their header cells, attributes that load things."""

    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.lang = None
        self.tables = 0
        self.header_cells = 0
        self.loads: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self.tables += tag == "table"
        self.header_cells += tag == "th"
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            self.links.append(attrs.get("href", ""))
        for name in ("src", "srcset", "data", "poster"):
            if name in attrs:
                self.loads.append(attrs[name])
        if tag == "link":
            self.loads.append(attrs.get("href", ""))


def outline(path: Path) -> Outline:
    parsed = Outline()
    parsed.feed(path.read_text("utf-8"))
    return parsed


@pytest.mark.parametrize("name", ["one", "folder"])
def test_the_page_is_self_contained_with_real_structure(reports, name):
    page = outline(reports[name])
    text = reports[name].read_text("utf-8")
    assert page.lang == "en-GB"
    assert page.loads == [] and "@import" not in text and "url(" not in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:])), page.headings
    assert page.tables and page.header_cells
    assert all(link.startswith("#") and link[1:] in page.ids for link in page.links)


def test_one_plan_says_the_verdict_and_why_before_anything_else(reports):
    text = reports["one"].read_text("utf-8")
    verdict = text.index("Verdict: FAIL")
    assert verdict < text.index("Score by category") < text.index("Page map") < text.index("Checklist")
    assert "Endorsed by elected members before submission" in text[verdict:text.index("Score by category")]
    assert text.count("<details") == text.count("</details>") > 30
    assert "How to fix:" in text


def test_the_folder_summary_counts_passes_and_the_figures(reports):
    text = reports["folder"].read_text("utf-8")
    summary = text[text.index("<h2 id=\"summary-title\">"):text.index("<h2 id=\"coverage\"")]
    assert "1 of 4 plans pass." in summary and "1 file could not be read." in summary
    # The only agency figure in the folder is the compliant example's 3.8%.
    assert re.search(r"Agency spend %</th><td class=\"num\">1 of 4</td><td class=\"num\">3.8</td>", summary)
    assert "Most often missed" in summary


@needs_browser
def test_in_chromium_one_plan_shows_its_verdict_first_without_errors_or_requests(reports):
    with browser.Browser(width=1280, height=800) as chrome:
        url = chrome.open(reports["one"])
        box = chrome.evaluate("(() => { const v = document.querySelector('[data-verdict]');"
                              " const r = v.getBoundingClientRect();"
                              " return {top: r.top, bottom: r.bottom, text: v.innerText}; })()")
        assert 0 <= box["top"] and box["bottom"] <= 800
        assert "Verdict: FAIL" in box["text"] and "It fails because" in box["text"]
        # The checklist's sections open from the keyboard.
        chrome.evaluate("document.querySelector('details.check summary').focus()")
        chrome.press("Enter", 13)
        assert chrome.evaluate("document.querySelector('details.check').open") is True
        assert chrome.problems(url) == {"errors": [], "requests": []}
        assert colour_only(chrome) == []
        assert low_contrast(chrome) == []


@needs_browser
def test_in_chromium_the_folder_table_sorts_from_the_keyboard(reports):
    with browser.Browser(width=1280, height=800) as chrome:
        url = chrome.open(reports["folder"])
        assert chrome.evaluate("document.querySelector('.summary').getBoundingClientRect().top < innerHeight")
        scores = "Array.from(document.querySelectorAll('table.matrix tbody tr')).map(r => r.cells[1].innerText)"
        chrome.evaluate("Array.from(document.querySelectorAll('table.matrix th button'))"
                        ".find(b => b.innerText === 'Score').focus()")
        chrome.press("Enter", 13)
        ascending = chrome.evaluate(scores)
        numbers = [float(s) for s in ascending if s]
        assert numbers == sorted(numbers) and len(numbers) == 4 and ascending[-1] == ""  # the unreadable file
        chrome.press(" ", 32)
        descending = chrome.evaluate(scores)
        assert [float(s) for s in descending[:-1]] == sorted(numbers, reverse=True) and descending[-1] == ""
        assert chrome.evaluate("[...document.querySelectorAll('th[aria-sort]')].map(th => [th.innerText,"
                               " th.getAttribute('aria-sort')])") == [["Score", "descending"]]
        assert chrome.evaluate("document.getElementById('sort-status').textContent") == \
            "Sorted by Score, descending."
        # A check's column sorts its failures first.
        chrome.evaluate("document.querySelector('table.matrix th button[data-name$=\"(metrics.kpis)\"]').click()")
        column = chrome.evaluate("Array.from(document.querySelector('table.matrix thead tr').cells)"
                                 ".findIndex(c => c.innerText.startsWith('metrics.kpis'))")
        statuses = chrome.evaluate("Array.from(document.querySelectorAll('table.matrix tbody tr'))"
                                   f".map(r => r.cells[{column}].innerText)")
        assert statuses[0].endswith("not met") and statuses.index("✓ met") > statuses.index("✗ not met")
        # Each plan's row links to its section.
        target = chrome.evaluate("(() => { const a = document.querySelector('table.matrix tbody a');"
                                 " return [a.innerText, document.querySelector(a.getAttribute('href'))"
                                 ".querySelector('h2').innerText]; })()")
        assert target[0] == target[1]
        assert chrome.problems(url) == {"errors": [], "requests": []}
        assert colour_only(chrome) == []
        assert low_contrast(chrome) == []


CONTRAST = """
(() => {
  function rgb(text) { return text.match(/[\\d.]+/g).map(Number); }
  function luminance(c) {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function background(element) {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) { return c; }
    }
    return [255, 255, 255];
  }
  const low = [];
  for (const element of document.querySelectorAll('body *')) {
    const own = Array.from(element.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || element.closest('.visually-hidden') || !element.getClientRects().length) { continue; }
    const a = luminance(rgb(getComputedStyle(element).color)), b = luminance(background(element));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) { low.push(element.tagName + ' ' + ratio.toFixed(2) + ' ' + element.textContent.slice(0, 40)); }
  }
  return low;
})()
"""


def colour_only(chrome) -> list[str]:
    """Elements coloured by status that say nothing in words (visible or to a screen reader)."""
    return chrome.evaluate("Array.from(document.querySelectorAll('[class*=\"s-\"]'))"
                           ".filter(e => !/[a-z]{2,}/i.test(e.textContent)).map(e => e.outerHTML)")


def low_contrast(chrome) -> list[str]:
    """Visible text whose contrast with the background it is drawn on is below 4.5:1."""
    chrome.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    return chrome.evaluate(CONTRAST)
