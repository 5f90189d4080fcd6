"""Lines that are document furniture or drafting placeholders, as every reader sees them.

The readers flag furniture where their format shows it (a Word contents
field, a line repeated in a PDF's margins, an HTML ``nav``); these are the
line-level signs that hold in any format: a contents entry ends in a dot
leader and a page number, a page number stands alone or ends a running
header. Patterns here run on single lines and are linear in their length.
"""

from __future__ import annotations

import re

from ..document import BODY, CONTENTS, FOOTNOTE, HEADING, LIST_ITEM, NAVIGATION, PARAGRAPH, Block

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


# A question's or section's number before a short title closed by a full stop: "Q21. Barriers to
# productivity and to better services.", "4.2 Agency and consultants."
_NUMBERED_TITLE = re.compile(r"^\s*(?:[A-Z]{0,2}\d{1,2}(?:\.\d{1,2})*[.):]?)\s+(?P<title>[^\d£%]+)\.$")
NUMBERED_TITLE_WORDS = 8


def numbered_title(text: str) -> bool:
    """Whether a line is a numbered title ending in a full stop, which set in bold is a heading in every
    format, as it is in Markdown: "**Q21. Barriers to productivity and to better services.**"."""
    match = _NUMBERED_TITLE.match(text)
    return match is not None and len(match.group("title").split()) <= NUMBERED_TITLE_WORDS \
        and not re.search(r"[.!?;:]\s", match.group("title"))


def is_contents_title(text: str) -> bool:
    return len(text) <= 40 and bool(_CONTENTS_TITLE.fullmatch(text.strip().rstrip(":")))


# A line that is a note from end to end, however long: "[Policy team: add a paragraph on capital
# spending - the leisure centre rebuild and the depot?]".
_WHOLE_NOTE = re.compile(r"\[[^\[\]]+\]|<<[^<>]+>>|«[^«»]+»")


def is_placeholder(text: str) -> bool:
    """Drafting text standing in for content, which is never a heading, whatever its look."""
    return bool(_BRACKETED.search(text) or _MASKED.search(text) or _WHOLE_NOTE.fullmatch(text.strip()))


def link_item_furniture(text: str, links) -> str | None:
    """What a list item that is only a link is: a contents entry when the link goes to a place in the
    document, the page's navigation when it goes to another page of the same site
    ("/council/equality", "Related pages"); neither is ever an answer. None for any other item."""
    if len(links) != 1 or links[0].text.strip() != text:
        return None
    if links[0].internal:
        return CONTENTS
    if links[0].target.startswith("/") and not links[0].target.startswith("//"):
        return NAVIGATION
    return None


MIN_HEADING_LIST = 3


def _said_as_heading(text: str) -> str:
    # A section's number is no part of its name: "1. Introduction" in a list is the heading "Introduction",
    # and the other way round.
    return " ".join(SECTION_NUMBER.sub("", text).lower().split()).rstrip(".:")


SECTION_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+")


def mark_heading_lists(blocks: list[Block]) -> None:
    """Flag a list of the document's own later headings ("On this page: Introduction; Changing how
    we work; …") as contents, with or without links or page numbers: it names sections, it says
    nothing of its own."""
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and blocks[end].kind == LIST_ITEM and blocks[end].furniture is None:
            end += 1
        if end - index >= MIN_HEADING_LIST:
            later = {_said_as_heading(b.text) for b in blocks[end:] if b.kind == HEADING}
            if all(_said_as_heading(b.text) in later for b in blocks[index:end]):
                for block in blocks[index:end]:
                    block.furniture = CONTENTS
        index = max(end, index + 1)


def mark_contents_titles(blocks: list[Block]) -> None:
    """Flag lists of the document's own headings as contents, and the "Contents" title just above
    contents entries as contents too."""
    mark_heading_lists(blocks)
    for index, block in enumerate(blocks[:-1]):
        if (block.furniture is None and blocks[index + 1].furniture == CONTENTS
                and is_contents_title(block.text)):
            block.furniture = CONTENTS


# A note written as plain text: "¹ Published on the Council's website", "(1) Approved by Cabinet",
# "[2] ...", "* ...". It is a note only where the text before it cites the same mark ("This plan¹").
PLAIN_NOTE = re.compile(r"^[ \t]{0,3}(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|\(\d{1,2}\)|\[\d{1,2}\]|\*{1,3})[ \t]+(?P<text>\S.*)$")
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def note_mark(match: re.Match) -> str:
    return match.group("mark")


def plain_reference(mark: str, markdown: bool = False) -> re.Pattern | None:
    """How the text cites a plain-text note: the mark set against the word before it ("plan¹", "plan(1)")."""
    if mark[0] in SUPERSCRIPTS:
        return re.compile(rf"(?<=\S){re.escape(mark)}(?![{SUPERSCRIPTS}])")
    if mark[0] == "*":
        # In Markdown an asterisk is emphasis.
        return None if markdown else re.compile(rf"(?<=[\w.,;:)’'\"]){re.escape(mark)}(?!\*)")
    return re.compile(rf"(?<=[\w.,;:’'\"])\s?{re.escape(mark)}")


def _drop_first_mark(rows: list[list[str]], reference: re.Pattern) -> None:
    for row in rows:
        for column, cell in enumerate(row):
            found = reference.search(cell)
            if found is not None:
                row[column] = cell[:found.start()] + cell[found.end():]
                return


def attach_plain_notes(blocks: list[Block]) -> None:
    """Notes typed as paragraphs ("¹ Published on the Council's website") join the text that cites them.

    Word and PDF plans often carry notes typed into the body rather than made with the word
    processor's footnotes: each such paragraph, cited earlier by its mark, becomes a footnote of
    the paragraph that cites it, as a real footnote would be.
    """
    for index, block in enumerate(blocks):
        match = PLAIN_NOTE.match(block.text) if block.kind == PARAGRAPH and block.part == BODY else None
        if match is None:
            continue
        reference = plain_reference(note_mark(match))
        citing = next((b for b in blocks[:index]
                       if b.part == BODY and not PLAIN_NOTE.match(b.text) and reference.search(b.text)), None)
        if citing is None:
            continue
        found = reference.search(citing.text)
        citing.text = citing.text[:found.start()] + citing.text[found.end():]
        if citing.table is not None:
            # The cell keeps its value without the mark, as the table's text does: "0.9%¹" is 0.9%.
            _drop_first_mark(citing.table.rows, reference)
        citing.notes.append((found.start(), match.group("text")))
        block.text = match.group("text")
        block.part = FOOTNOTE
