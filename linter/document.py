"""The document model every reader produces and every check reads.

Readers turn a file into a :class:`Document`; nothing downstream ever looks at
the file again. Blocks are kept in reading order with the page they fall on and
the heading trail above them, so that any verdict can point at a page, a
section and a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list-item"
TABLE = "table"

BODY = "body"
HEADER = "header"
FOOTER = "footer"
FOOTNOTE = "footnote"
ENDNOTE = "endnote"
TEXTBOX = "textbox"

# What a block of document furniture is (``Block.furniture``): navigation and
# page apparatus that a reader skips, never an answer.
CONTENTS = "contents"
RUNNING_HEADER = "running-header"
RUNNING_FOOTER = "running-footer"
PAGE_NUMBER = "page-number"
COVER = "cover"
# Links to other pages listed on their own ("Related pages: - [Equality at Mortgrove](/equality)").
NAVIGATION = "navigation"

_WORD = re.compile(r"[A-Za-z0-9£$€%][\w'’£$€%.,/-]*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass
class Table:
    """A table's cells, row by row, as text."""

    rows: list[list[str]]
    header_row: bool = False
    merged_cells: bool = False
    nested: bool = False

    def row_texts(self) -> list[str]:
        return [" | ".join(cell for cell in row if cell) for row in self.rows]


def is_blank_row(row: list[str]) -> bool:
    """A table row with no text in any cell: a spacer, or Markdown's empty header over a table with no headings.

    Readers leave such rows out, since a PDF cannot show them and they hold no label or value.
    """
    return not any(cell.strip() for cell in row)


@dataclass
class Block:
    """One unit of reading order: a heading, paragraph, list item or table.

    ``location`` is a short human label ("paragraph 12", "line 40") and
    ``line`` a 1-based ordinal that tools needing a line number (SARIF,
    GitHub annotations) can use: the source line for text formats, the block
    number otherwise.

    ``table`` holds a TABLE block's cells row by row, so a row's label and its
    value stay together in every format; ``text`` is the rows joined with
    " | " and newlines.

    ``furniture`` names what a block is when it is document furniture rather
    than content: "contents" (a table-of-contents entry or its title),
    "running-header", "running-footer", "page-number" or "cover". Readers set
    it where the format says so (Word contents fields and styles, lines
    repeated in PDF page margins, HTML ``nav``, dot-leader contents lines in
    text). Contents entries stay in ``Document.blocks``, flagged, so a
    contents line for a section that does not exist can still be found;
    running headers and footers stay in ``Document.headers_footers``.

    ``notes`` ties footnotes and endnotes to the text that cites them:
    (offset in ``text`` where the reference mark stood, the note's text). The
    mark itself is left out of ``text``. Each note is also a block of its own
    in ``Document.blocks``, after the body, with ``part`` FOOTNOTE or ENDNOTE,
    never BODY, so counting a note as body text takes a deliberate choice.
    """

    kind: str
    text: str
    level: int | None = None
    page: int | None = None
    page_exact: bool = False
    section: tuple[str, ...] = ()
    location: str = ""
    line: int = 1
    part: str = BODY
    style: str | None = None
    heading_source: str | None = None
    table: Table | None = None
    furniture: str | None = None
    notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return self.kind == HEADING


@dataclass
class Link:
    """A hyperlink: its text, where it points, and where in the document it sits."""

    text: str
    target: str
    page: int | None = None
    section: tuple[str, ...] = ()
    location: str = ""
    line: int = 1
    internal: bool = False


@dataclass
class Comment:
    """A reviewer's comment and the text it is anchored to."""

    author: str
    text: str
    date: str | None = None
    anchor: str = ""
    page: int | None = None
    section: tuple[str, ...] = ()
    location: str = ""
    line: int = 1
    resolved: bool = False


@dataclass
class Revision:
    """A tracked change; ``kind`` is "insert", "delete", "move-from" or "move-to"."""

    kind: str
    text: str
    author: str | None = None
    date: str | None = None
    page: int | None = None
    section: tuple[str, ...] = ()
    location: str = ""
    line: int = 1


@dataclass
class Image:
    """A picture and what it says about itself (its alternative text, whether it is decorative)."""

    alt: str | None
    title: str | None = None
    floating: bool = False
    decorative: bool = False
    page: int | None = None
    section: tuple[str, ...] = ()
    location: str = ""
    line: int = 1


@dataclass
class Metadata:
    """What a file says about itself: title, language, authors, dates."""

    title: str | None = None
    language: str | None = None
    author: str | None = None
    last_modified_by: str | None = None
    company: str | None = None
    application: str | None = None
    producer: str | None = None
    created: str | None = None
    modified: str | None = None


@dataclass
class Document:
    """A document as a reader hands it on: blocks in reading order, with what surrounds them."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    headers_footers: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    bookmarks: set[str] = field(default_factory=set)
    metadata: Metadata = field(default_factory=Metadata)
    pages: int | None = None
    pages_method: str | None = None
    tagged: bool | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        """Words of the document's own text; headers and footers, kept apart, are not counted."""
        return sum(count_words(b.text) for b in self.blocks)

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING]

    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def assign_sections(blocks: list[Block]) -> None:
    """Fill each block's ``section`` with the trail of headings above it."""
    trail: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind == HEADING:
            level = block.level or 1
            while trail and trail[-1][0] >= level:
                trail.pop()
            trail.append((level, block.text.strip()))
            block.section = tuple(t for _, t in trail)
        else:
            block.section = tuple(t for _, t in trail)
