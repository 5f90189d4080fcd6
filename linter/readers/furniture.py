"""Lines that are document furniture or drafting placeholders, as every reader sees them.

The readers flag furniture where their format shows it (a Word contents
field, a line repeated in a PDF's margins, an HTML ``nav``); these are the
line-level signs that hold in any format: a contents entry ends in a dot
leader and a page number, a page number stands alone or ends a running
header. Patterns here run on single lines and are linear in their length.
"""

from __future__ import annotations

import re

from ..document import CONTENTS, Block

# Longer lines are prose, whatever they end with.
MAX_FURNITURE_CHARS = 200
_LEADER_CHARS = ".…·_ \u00a0\t"
_ROMAN_AT_END = re.compile(r"(?<![A-Za-z])[ivxlc]{1,6}$", re.IGNORECASE)
_PAGE_ONLY = re.compile(r"page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,3}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s?\d{1,4}\s?[-–—]",
                        re.IGNORECASE)
_PAGE_AT_END = re.compile(r"\bpage\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_CONTENTS_TITLE = re.compile(r"(?:table\s+of\s+)?contents?|in\s+this\s+(?:plan|document)", re.IGNORECASE)
# A template field or masked figure: "[to be completed]", "[tbc]%", "£XXm", "XX%".
_BRACKETED = re.compile(r"\[[^\[\]\n]{1,80}\]")
_MASKED = re.compile(r"[£$€]\s?[Xx]{1,6}(?:m|k|bn)?\b|\b[Xx]{1,6}\s?%")


def contents_entry(line: str) -> str | None:
    """The entry of a contents line ("Barriers and our asks …. 4" gives "Barriers and our asks")."""
    text = line.strip()
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    body = text.rstrip("0123456789")
    if body == text:
        roman = _ROMAN_AT_END.search(text)
        body = text[:roman.start()] if roman else text
    if body == text or len(text) - len(body) > 6:
        return None
    entry = body.rstrip(_LEADER_CHARS)
    leader = body[len(entry):]
    dots = leader.count(".") + leader.count("·") + leader.count("_") + 3 * leader.count("…")
    if not entry.strip() or dots < 3:
        return None
    return entry.strip()


def is_page_number(line: str) -> bool:
    """A line that only numbers the page: "7", "Page 3 of 4", "- 7 -"."""
    text = line.strip()
    return len(text) <= 20 and bool(_PAGE_ONLY.fullmatch(text))


def ends_with_page_number(line: str) -> bool:
    """A running header or footer carrying the page number: "DRAFT – Productivity Plan – Page 3 of 4"."""
    text = line.strip()
    return len(text) <= MAX_FURNITURE_CHARS and bool(_PAGE_AT_END.search(text))


def is_contents_title(text: str) -> bool:
    return len(text) <= 40 and bool(_CONTENTS_TITLE.fullmatch(text.strip().rstrip(":")))


def is_placeholder(text: str) -> bool:
    """Drafting text standing in for content, which is never a heading, whatever its look."""
    return bool(_BRACKETED.search(text) or _MASKED.search(text))


def mark_contents_titles(blocks: list[Block]) -> None:
    """Flag the "Contents" title just above contents entries as contents too."""
    for index, block in enumerate(blocks[:-1]):
        if (block.furniture is None and blocks[index + 1].furniture == CONTENTS
                and is_contents_title(block.text)):
            block.furniture = CONTENTS
