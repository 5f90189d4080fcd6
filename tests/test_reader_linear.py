"""Hostile lines read in time linear in their length (no regular expression can backtrack).

Each case is read at two sizes, eight times apart, timing the processor time of
this process alone (so other work on the machine does not count). Linear work
takes about eight times as long on the larger; the patterns these cases once
broke took a square or worse (minutes at the sizes below). The bound leaves
room for the smaller input fitting the processor's caches better.
"""

from __future__ import annotations

import time

import pytest

from plancheck.document import Document
from plancheck.readers import ReadOptions, read_document
from plancheck.readers.markdown import parse

SIZE_RATIO = 8
BASE = 25_000
# Linear work scales by 8, quadratic by 64: a bound of 24 tells them apart.
MAX_TIME_RATIO = 24


def _table(columns: int) -> str:
    return ("| " + " | ".join(["a"] * columns) + " |\n|" + "---|" * columns + "\n| "
            + " | ".join(["1"] * columns) + " |\n")


HOSTILE_LINES = {
    "a line of hashes": lambda n: "#" * (n * 2),
    "a table of many columns": lambda n: _table(n // 8),
    "an image opener and brackets": lambda n: "!" + "[" * n,
    "an ATX heading": lambda n: "# " + "a #  " * (n // 2),
    "a table rule": lambda n: "|" + "-" * n + " x",
    "link openers without a close": lambda n: "[a](" * (n // 4),
    "emphasis marks without a close": lambda n: "_a " * (n // 3),
    "spaces before a heading mark": lambda n: "# " + " " * n + "x",
    "footnote openers": lambda n: "[^" * (n // 2),
    "a long list of links": lambda n: "\n".join(f"- [Item {i}](#item-{i})" for i in range(n // 24)),
}


def _seconds(text: str, markdown: bool) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        parse(text, Document(path="plan.md", format="markdown"), markdown=markdown)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("markdown", [True, False], ids=["markdown", "text"])
@pytest.mark.parametrize("case", HOSTILE_LINES)
def test_hostile_markdown_lines_read_in_linear_time(case, markdown):
    small, large = (HOSTILE_LINES[case](n) for n in (BASE, BASE * SIZE_RATIO))
    ratio = _seconds(large, markdown) / max(_seconds(small, markdown), 1e-5)
    assert ratio < MAX_TIME_RATIO, f"{case}: {SIZE_RATIO}x the text took {ratio:.0f}x the time"


def test_the_fuzzed_markdown_lines_at_full_size_are_read(tmp_path):
    for name, text in {"hashes.md": "#" * 3_000_000, "table.md": _table(100_000),
                       "images.md": "!" + "[" * 100_000, "heading.md": "# " + "a #" * 70_000,
                       "rule.md": "|" + "-" * 100_000 + " x\n\nThe plan."}.items():
        path = tmp_path / name
        path.write_text(text)
        assert read_document(path, ReadOptions(pages="estimate", max_bytes=10**8)).blocks


def test_a_web_page_with_one_ten_megabyte_line_is_read(tmp_path):
    path = tmp_path / "plan.html"
    path.write_text("<html><body><h1>Plan</h1><p>" + "word " * 2_100_000 + "</p><p>End of the plan.</p>"
                    "</body></html>")
    document = read_document(path, ReadOptions(pages="estimate", max_bytes=10**8))
    assert [b.text for b in document.blocks][::2] == ["Plan", "End of the plan."]
    assert len(document.blocks[1].text) > 10_000_000
