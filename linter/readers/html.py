"""Web-page reader: a plan published as HTML.

Only the page's own content is read. Site navigation, the site header and
footer, scripts, forms, hidden elements and cookie banners are left out, and
when the page marks its main content (``<main>``, ``role="main"``, or a single
``<article>``) nothing outside it is read. Headings come from h1-h6 (and
``role="heading"``), so they are exact; a web page has no pages, so the count
is estimated for A4 at 11 pt.

An in-page contents list (a ``nav`` whose links all point into the page, or
list items that are each one link to a heading of the page) is read and
flagged as contents. Footnotes (a raised or marked link such as
``<sup><a href="#fn1">1</a></sup>`` to a numbered note, as pandoc and Word's
"Save as Web Page" write them) are attached to the citing block; the notes
leave the body and follow it as footnote blocks.

Blocks are cited by source line ("line 40"). libxml2 records lines only up to
65,535; anything further down a file is cited as line 65,535.
"""

from __future__ import annotations

import codecs
import copy
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.etree
import lxml.html

from ..document import (CONTENTS, FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document, Image,
                        Link, Metadata, Table, assign_sections, count_words, is_blank_row)
from ..errors import ReadError, one_line
from ..pages import estimate_pages
from .furniture import (attach_plain_notes, contents_entry, is_placeholder, link_item_furniture,
                        mark_contents_titles)

META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")

HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form header hgroup hr legend li main menu nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()) | frozenset(HEADINGS)
LIST_TAGS = frozenset({"ul", "ol", "menu"})
# What ends the text of a list item rather than joining it: nested lists, tables, headings.
LIST_ITEM_BREAKS = LIST_TAGS | {"dl", "li", "table"} | frozenset(HEADINGS)

SKIP_TAGS = frozenset({"head", "script", "style", "noscript", "template", "nav", "label", "button",
                       "input", "select", "textarea", "iframe", "object", "embed", "canvas", "svg",
                       "math", "video", "audio", "map",
                       # Struck through: text its author has crossed out, as a tracked deletion is.
                       "del", "s", "strike"})
SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
# A <header> or <footer> inside one of these belongs to it; elsewhere it is the site's.
LANDMARK_SCOPES = frozenset({"article", "aside", "main", "nav", "section"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all",
                          re.IGNORECASE)
COOKIE_BANNER = re.compile(r"cookie|gdpr|consent[-_]?(?:banner|bar|notice|popup|modal)",
                           re.IGNORECASE)
COOKIE_CONTAINERS = frozenset({"div", "section", "aside", "dialog", "form"})
SKIP_LINK_TEXT = re.compile(r"\s*skip\b", re.IGNORECASE)
# A note reference: "1", "[1]", "(ii)", "*", set in a link to the note.
NOTE_REFERENCE_TEXT = re.compile(r"[\[(]?(?:\d{1,3}|[ivx]{1,5}|[*†‡§])[\])]?")
NOTE_REFERENCE_NAMES = re.compile(r"foot|endnote|noteref", re.IGNORECASE)
NOTE_TARGET = re.compile(r"#_?(?:ftn|edn|fn|footnote|endnote|note)[-_:]?\w{0,20}$", re.IGNORECASE)
NOTE_CONTAINERS = frozenset({"li", "p", "div", "aside", "section", "dd", "td"})
MAX_NOTE_ELEMENTS = 40
NOTE_BACKLINK = re.compile(r"^[\s↩︎⤴^↑]*$")
_NOTE_OPEN, _NOTE_CLOSE = "\ue001", "\ue002"
_NOTE_SPAN = re.compile(f"{_NOTE_OPEN}(\\d{{1,6}}){_NOTE_CLOSE}")
# Word's "Save as Web Page" writes list items as paragraphs and the bullet as a span.
WORD_LIST_CLASS = re.compile(r"\bMsoListParagraph", re.IGNORECASE)
WORD_BULLET_STYLE = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)


def decode(data: bytes) -> str:
    """The page's text: BOM first, then its own ``<meta charset>``, then UTF-8, then Windows-1252."""
    from . import unicode_encoding

    encoding = unicode_encoding(data)
    if encoding:
        codec, bom = encoding
        return data[bom:].decode(codec, errors="replace")
    for codec in (_declared_encoding(data[:4096]), "utf-8"):
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # pages often declare UTF-8 but were saved from Word as Windows-1252
    return data.decode("cp1252", errors="replace")


def _declared_encoding(head: bytes) -> str | None:
    match = META_CHARSET.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # As browsers do: Latin-1 and ASCII labels mean Windows-1252, and a UTF-16
    # label on bytes without a BOM cannot be true.
    if name in ("iso8859-1", "ascii"):
        return "cp1252"
    if name.startswith("utf-16"):
        return "utf-8"
    return name


def _clean(text: str, preserve: bool = False) -> str:
    """Whitespace collapsed as a browser shows it; ``preserve`` keeps the lines of a <pre>."""
    if preserve:
        return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return " ".join(text.split())


def _role(element) -> str:
    return (element.get("role") or "").strip().lower().partition(" ")[0]


def _hidden(element) -> bool:
    return (element.get("hidden") is not None
            or (element.get("aria-hidden") or "").strip().lower() == "true"
            or bool(HIDDEN_STYLE.search(element.get("style") or "")))


def _contains_h1(element) -> bool:
    return element.find(".//h1") is not None


def _names(element) -> str:
    """The element's id and classes, for recognising furniture by what the site calls it."""
    return f"{element.get('id') or ''} {element.get('class') or ''}"


def _skipped(element, tag: str) -> bool:
    """Whether an element is page furniture rather than the plan's own content."""
    if _contents_nav(element, tag):
        return False
    if tag in SKIP_TAGS or _hidden(element):
        return True
    role = _role(element)
    if role in SKIP_ROLES or (tag == "aside" and role == "complementary"):
        return True
    if tag in ("header", "footer"):
        return not any(a.tag in LANDMARK_SCOPES or _role(a) == "main" for a in element.iterancestors())
    if tag == "dialog" and element.get("open") is None:
        return True
    if WORD_BULLET_STYLE.search(element.get("style") or ""):
        return True
    if tag == "a" and (element.get("href") or "").startswith("#"):
        # "Skip to main content": a keyboard shortcut past the site header, not content.
        return bool(SKIP_LINK_TEXT.match(element.text_content()) or "skip" in _names(element).lower())
    if tag == "form" or (tag in COOKIE_CONTAINERS and COOKIE_BANNER.search(_names(element))):
        # ASP.NET pages wrap the whole page, h1 and all, in one <form>; keep that one.
        return not _contains_h1(element)
    return False


def _contents_nav(element, tag: str) -> bool:
    """A navigation block whose links all lead into the page itself: the plan's contents list."""
    if tag != "nav" and _role(element) != "navigation":
        return False
    if _hidden(element):
        return False
    targets = [a.get("href") or "" for a in element.iter("a")]
    return bool(targets) and all(target.startswith("#") and len(target) > 1 for target in targets)


def _replace_with_text(element, text: str) -> None:
    """Take ``element`` out of the tree, leaving ``text`` (and its tail) where it stood."""
    parent = element.getparent()
    if parent is None:
        return
    following = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + following
    else:
        parent.text = (parent.text or "") + following
    parent.remove(element)


def _is_note_reference(anchor) -> bool:
    href = anchor.get("href") or ""
    if not href.startswith("#") or not NOTE_REFERENCE_TEXT.fullmatch(_clean(anchor.text_content())):
        return False
    if _role(anchor) == "doc-noteref" or NOTE_TARGET.match(href):
        return True
    parent = anchor.getparent()
    raised = (parent is not None and parent.tag == "sup") or anchor.find(".//sup") is not None
    named = any(NOTE_REFERENCE_NAMES.search(_names(e)) for e in anchor.iter() if isinstance(e.tag, str))
    return raised or named


def _take_notes(content, root) -> list[str]:
    """Replace each note reference by a mark naming its note; take the notes out of the page.

    Returns the notes' texts; mark ``n`` in the text refers to note ``n``.
    """
    anchors: dict[str, object] = {}
    for element in root.iter():
        if isinstance(element.tag, str):
            for key in (element.get("id"), element.get("name") if element.tag == "a" else None):
                if key:
                    anchors.setdefault(key, element)
    notes: list[str] = []
    number_of: dict[int, int] = {}
    for anchor in [a for a in content.iter("a") if _is_note_reference(a)]:
        target = anchors.get(anchor.get("href")[1:])
        if target is None:
            continue
        container = target if target.tag in NOTE_CONTAINERS else next(
            (a for a in target.iterancestors() if a.tag in NOTE_CONTAINERS), None)
        # A note is small; anything bigger (a whole section with a number in it) is not one.
        if container is None or len(list(itertools.islice(container.iter(), MAX_NOTE_ELEMENTS + 1))) > \
                MAX_NOTE_ELEMENTS or anchor in container.iter() or container.find(".//h1") is not None:
            continue
        if id(container) not in number_of:
            text = _note_text(container, anchor)
            if not text:
                continue
            number_of[id(container)] = len(notes)
            notes.append(text)
            _replace_with_text(container, "")
        parent = anchor.getparent()
        wrapper = parent if parent is not None and parent.tag == "sup" and len(parent) == 1 \
            and not (parent.text or "").strip() else anchor
        _replace_with_text(wrapper, f"{_NOTE_OPEN}{number_of[id(container)]}{_NOTE_CLOSE}")
    return notes


def _note_text(container, reference) -> str:
    """A note's text without its number and its link back to the reference."""
    back = {f"#{reference.get('id')}", f"#{reference.get('name')}"}
    note = copy.deepcopy(container)
    for anchor in list(note.iter("a")):
        if ((anchor.get("href") or "") in back or _role(anchor) == "doc-backlink"
                or NOTE_BACKLINK.match(anchor.text_content())):
            _replace_with_text(anchor, "")
    text = _clean(note.text_content())
    marker = NOTE_REFERENCE_TEXT.match(text)
    if marker and (marker.end() == len(text) or text[marker.end()] == " "):
        text = text[marker.end():].strip()
    return text


def _heading_level(element, tag: str) -> int | None:
    if tag in HEADINGS:
        return HEADINGS[tag]
    if _role(element) == "heading":
        level = (element.get("aria-level") or "").strip()
        return min(max(int(level), 1), 6) if level.isdigit() else 2
    return None


def _is_layout_table(table) -> bool:
    """A table used to lay the page out, not to hold data: its cells are read as paragraphs."""
    if _role(table) in ("presentation", "none"):
        return True
    if table.xpath("boolean(.//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6)"):
        return True
    return not table.xpath("boolean((.//td | .//th)[2])")  # a single cell is a box, not data


def _span(element, name: str) -> int:
    match = re.match(r"\s*(\d+)", element.get(name) or "")
    return int(match.group(1)) if match else 1


def _content_root(root):
    """The element holding the page's own content: <main>, role=main, a lone <article>, or <body>."""
    marked = list(root.iter("main")) + [e for e in root.xpath("//*[@role]") if _role(e) == "main"]
    for element in marked:
        if not _hidden(element):
            return element
    articles = [a for a in root.iter("article") if not _hidden(a)]
    if len(articles) == 1:
        return articles[0]
    body = root.find("body")
    return body if body is not None else root


def _metadata(root) -> Metadata:
    meta: dict[str, str] = {}
    title = ""
    head = root.find("head")
    if head is not None:
        for element in head.iter("meta"):
            key = (element.get("name") or element.get("property") or element.get("http-equiv") or "")
            content = _clean(element.get("content") or "")
            if key and content:
                meta.setdefault(key.strip().lower(), content)
        title_element = head.find("title")
        if title_element is not None:
            title = _clean(title_element.text_content())
    language = _clean(root.get("lang") or root.get("xml:lang") or meta.get("content-language") or "")
    return Metadata(
        title=title or meta.get("og:title"),
        language=language or None,
        author=meta.get("author") or meta.get("dcterms.creator") or meta.get("dc.creator"),
        application=meta.get("generator"),
        created=meta.get("dcterms.created") or meta.get("article:published_time"),
        modified=meta.get("dcterms.modified") or meta.get("article:modified_time"),
    )


def _bold_only(element) -> bool:
    """A short paragraph whose whole text is one <b> or <strong>, with no closing full stop."""
    children = [child for child in element if isinstance(child.tag, str)]
    if (element.text or "").strip() or len(children) != 1 or children[0].tag.lower() not in ("b", "strong"):
        return False
    if (children[0].tail or "").strip():
        return False
    text = _clean(element.text_content())
    return (0 < count_words(text) <= MAX_BOLD_HEADING_WORDS and not text.endswith((".", ":", ";", ","))
            and not is_placeholder(text))


@dataclass
class _Context:
    """An open block: what the text gathered inside it will become."""

    element: object
    kind: str
    level: int | None = None
    style: str | None = None
    joins: bool = False          # block elements inside add to this block instead of starting their own
    preserve: bool = False       # <pre>: keep line breaks
    grid: _TableBuilder | None = None   # the rows and cells of a data table
    cell: bool = False           # one cell of the data table being read
    is_list: bool = False        # <ul>, <ol> or <menu>: the list items inside are one level deeper
    source: str = "html"         # how a heading was recognised: "html", or "bold" for a bold-only paragraph
    furniture: str | None = None  # what the blocks inside are, when they are furniture


@dataclass
class _TableBuilder:
    """A data table's cells in grid order: a cell spanning columns is followed by empty cells,
    and a cell spanning rows is repeated in the rows below, so each value stays under its heading."""

    rows: list[list[str]] = field(default_factory=list)
    header_row: bool = False
    merged_cells: bool = False
    nested: bool = False
    below: dict[int, list] = field(default_factory=dict)  # column: [rows still spanned, text]
    first_row_th: list[bool] = field(default_factory=list)

    def new_row(self) -> None:
        if self.rows:
            self._fill_spanned(self.rows[-1], to_end=True)
        self.rows.append([])

    def add_cell(self, text: str, colspan: int, rowspan: int) -> None:
        row = self.rows[-1]
        self._fill_spanned(row)
        for offset in range(min(colspan, MAX_SPAN)):
            if rowspan > 1:
                self.below[len(row)] = [min(rowspan, MAX_SPAN) - 1, text if offset == 0 else ""]
            row.append(text if offset == 0 else "")

    def finish(self) -> None:
        if self.rows:
            self._fill_spanned(self.rows[-1], to_end=True)

    def _fill_spanned(self, row: list[str], to_end: bool = False) -> None:
        while len(row) in self.below or (to_end and any(column >= len(row) for column in self.below)):
            span = self.below.get(len(row))
            row.append(span[1] if span else "")
            if span:
                span[0] -= 1
                if span[0] == 0:
                    del self.below[len(row) - 1]


@dataclass
class _LinkCapture:
    element: object
    fragments: list[str] = field(default_factory=list)
    image_alts: list[str] = field(default_factory=list)


# How an element is closed once its children have been read.
SKIP, INLINE, JOINED, BLOCK = "skip", "inline", "joined", "block"
MAX_BOLD_HEADING_WORDS = 12
# colspan and rowspan beyond this are taken as this (browsers cap them too: 1000 and 65534).
MAX_SPAN = 1000


class _Reader:
    """Walks the content tree once, without recursion, turning it into blocks in reading order."""

    def __init__(self, document: Document, notes: list[str] | None = None):
        self.document = document
        self.blocks = document.blocks
        self.notes = notes or []
        self.cited: list[tuple[Block, int]] = []  # (citing block, note number), in citing order
        self._contexts: list[_Context] = []
        self._buffer: list[str] = []
        self._buffer_line: int | None = None
        self._last_line = 1
        self._links: list[_LinkCapture] = []
        self._table: _TableBuilder | None = None
        self._list_depth = 0
        # Links and images wait here until the block they sit in is known.
        self._pending: list[Link | Image] = []
        self._placed: list[tuple[Link | Image, int]] = []

    def walk(self, root) -> None:
        self._contexts.append(_Context(root, PARAGRAPH))
        self._text(root.text, root.sourceline)
        stack = [(root, iter(root), (INLINE, None))]
        while stack:
            element, children, closing = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if stack:
                    self._close(element, closing)
                continue
            if not isinstance(child.tag, str):  # a comment or processing instruction
                self._text(child.tail, child.sourceline)
                continue
            closing = self._open(child)
            if closing[0] == SKIP:
                self._text(child.tail, child.sourceline)
            else:
                stack.append((child, iter(child), closing))
        self._flush()
        self._settle(len(self.blocks) - 1)

    def place_inline_items(self) -> None:
        """Give links and images the page and section of the block they sit in."""
        for item, index in self._placed:
            if index >= 0:
                item.page, item.section = self.blocks[index].page, self.blocks[index].section
            elif self.blocks:
                item.page = self.blocks[0].page

    def _open(self, element) -> tuple[str, _LinkCapture | None]:
        tag = element.tag.lower()
        if _skipped(element, tag):
            return SKIP, None
        if tag == "img":
            self._image(element)
            return SKIP, None
        context = self._contexts[-1]
        if tag == "br":
            self._text("\n" if context.preserve else " ")
            return SKIP, None
        action = self._open_block(element, tag, context)
        capture = None
        if tag == "a" and element.get("href") is not None:
            capture = _LinkCapture(element)
            self._links.append(capture)
        self._text(element.text, element.sourceline)
        return action, capture

    def _open_block(self, element, tag: str, context: _Context) -> str:
        if context.grid is not None:
            if tag in ("td", "th"):
                return self._open_cell(element, tag, context.grid)
            if tag == "tr":
                context.grid.new_row()
            if tag in ("tr", "thead", "tbody", "tfoot", "colgroup"):
                return INLINE
        level = _heading_level(element, tag)
        if level is None and tag not in BLOCK_TAGS:
            return INLINE
        breaks_item = context.kind == LIST_ITEM and (level is not None or tag in LIST_ITEM_BREAKS)
        if context.joins and not breaks_item:
            if tag == "table" and self._table is not None:
                self._table.nested = True
            self._text(" ")
            return JOINED
        self._flush()
        style = "blockquote" if context.style == "blockquote" else tag
        if level is not None:
            new = _Context(element, HEADING, level=level, style=tag, joins=True)
        elif tag == "table" and self._table is None and not _is_layout_table(element):
            self._table = _TableBuilder(header_row=element.find("thead") is not None)
            new = _Context(element, TABLE, grid=self._table)
        elif tag == "li" or WORD_LIST_CLASS.search(element.get("class") or ""):
            new = _Context(element, LIST_ITEM, level=max(self._list_depth, 1), style=tag, joins=True)
        elif tag == "p" and _bold_only(element):
            # Like Word's "imposter headings": it looks like a heading but is not marked up as one.
            last = next((b.level for b in reversed(self.blocks) if b.kind == HEADING), 1) or 1
            new = _Context(element, HEADING, level=min(last + 1, 6), style=tag, joins=True, source="bold")
        elif tag in LIST_TAGS:
            self._list_depth += 1
            new = _Context(element, PARAGRAPH, style=style, is_list=True)
        else:
            new = _Context(element, PARAGRAPH, style=style, preserve=tag == "pre" or context.preserve)
        new.furniture = CONTENTS if _contents_nav(element, tag) else context.furniture
        self._contexts.append(new)
        return BLOCK

    def _open_cell(self, element, tag: str, grid: _TableBuilder) -> str:
        if not grid.rows:
            grid.new_row()
        if len(grid.rows) == 1:
            # A first row all of <th> heads the columns; a <th> beginning each row labels its row.
            grid.first_row_th.append(tag == "th")
        if _span(element, "colspan") > 1 or _span(element, "rowspan") > 1:
            grid.merged_cells = True
        self._take_text()  # stray text between cells is not part of any cell
        self._contexts.append(_Context(element, TABLE, joins=True, cell=True))
        return BLOCK

    def _close(self, element, closing: tuple[str, _LinkCapture | None]) -> None:
        action, capture = closing
        if capture is not None:
            self._link(self._links.pop())
        if action == JOINED:
            self._text(" ")
        elif action == BLOCK:
            context = self._contexts[-1]
            if context.cell:
                self._table.add_cell(_clean(self._take_text()[0]), _span(element, "colspan"),
                                     _span(element, "rowspan"))
            elif context.grid is not None:
                self._emit_table(context)
            else:
                self._flush()
            if context.is_list:
                self._list_depth -= 1
            self._contexts.pop()
        self._text(element.tail, element.sourceline)

    def _text(self, text: str | None, line: int | None = None) -> None:
        if not text:
            return
        self._buffer.append(text)
        for capture in self._links:
            capture.fragments.append(text)
        if self._buffer_line is None and line and not text.isspace():
            self._buffer_line = line

    def _take_text(self) -> tuple[str, int | None]:
        """The raw text gathered since the last block ended, and the line it starts on."""
        text, line = "".join(self._buffer), self._buffer_line
        self._buffer.clear()
        self._buffer_line = None
        return text, line

    def _flush(self) -> None:
        """End the text gathered so far as one block of the innermost open kind."""
        context = self._contexts[-1]
        raw, line = self._take_text()
        text = _clean(raw, context.preserve)
        line = line or context.element.sourceline or self._last_line
        if text:
            self._add(Block(kind=context.kind, text=text, level=context.level, style=context.style,
                            heading_source=context.source if context.kind == HEADING else None), line)
        else:
            self._settle(len(self.blocks) - 1)

    def _emit_table(self, context: _Context) -> None:
        self._take_text()  # stray text after the last cell
        grid, self._table = context.grid, None
        grid.finish()
        grid.header_row = grid.header_row or (bool(grid.first_row_th) and all(grid.first_row_th))
        if grid.rows and is_blank_row(grid.rows[0]):
            grid.header_row = False  # empty header cells name no column
        rows = [row for row in grid.rows if not is_blank_row(row)]
        if rows:
            table = Table(rows=rows, header_row=grid.header_row, merged_cells=grid.merged_cells,
                          nested=grid.nested)
            self._add(Block(kind=TABLE, text="\n".join(table.row_texts()), style="table", table=table),
                      context.element.sourceline or self._last_line)
        else:
            self._settle(len(self.blocks) - 1)

    def _add(self, block: Block, line: int) -> None:
        block.line, block.location = line, f"line {line}"
        block.furniture = self._contexts[-1].furniture
        links = [item for item in self._pending if isinstance(item, Link)]
        if block.kind == LIST_ITEM:
            block.furniture = link_item_furniture(block.text, links) or block.furniture
        entry = contents_entry(block.text) if block.kind in (PARAGRAPH, LIST_ITEM) else None
        if entry is not None:
            block.text, block.furniture = entry, CONTENTS
        if _NOTE_OPEN in block.text:
            self._place_notes(block)
        self._last_line = line
        self.blocks.append(block)
        self._settle(len(self.blocks) - 1)

    def _place_notes(self, block: Block) -> None:
        """Take the note marks out of the block's text, attaching their notes at their offsets."""
        parts, offset, text = [], 0, block.text
        for match in _NOTE_SPAN.finditer(text):
            parts.append(text[offset:match.start()])
            offset = match.end()
            number = int(match.group(1))
            block.notes.append((len("".join(parts)), self.notes[number]))
            self.cited.append((block, number))
        block.text = "".join(parts) + text[offset:]
        if block.table is not None:
            block.table.rows = [[_NOTE_SPAN.sub("", cell) for cell in row] for row in block.table.rows]

    def add_notes(self) -> None:
        """Each cited note once, as a footnote block after the body, in the section that cites it."""
        placed: set[int] = set()
        for block, number in self.cited:
            if number not in placed:
                placed.add(number)
                self.blocks.append(Block(kind=PARAGRAPH, text=self.notes[number], part=FOOTNOTE,
                                         line=block.line, location=f"footnote {len(placed)}",
                                         section=block.section))

    def _settle(self, index: int) -> None:
        self._placed.extend((item, index) for item in self._pending)
        self._pending.clear()

    def _link(self, capture: _LinkCapture) -> None:
        element = capture.element
        target = element.get("href").strip()
        text = (_clean(_NOTE_SPAN.sub("", "".join(capture.fragments))) or _clean(element.get("aria-label") or "")
                or _clean(element.get("title") or "") or " ".join(capture.image_alts))
        line = element.sourceline or self._last_line
        link = Link(text=text, target=target, location=f"line {line}", line=line,
                    internal=target.startswith("#"))
        self.document.links.append(link)
        self._pending.append(link)

    def _image(self, element) -> None:
        alt = element.get("alt")
        alt = alt.strip() if alt is not None else None
        line = element.sourceline or self._last_line
        image = Image(alt=alt, title=element.get("title"), location=f"line {line}", line=line,
                      decorative=alt == "" or _role(element) in ("presentation", "none"))
        if alt:
            for capture in self._links:
                capture.image_alts.append(alt)
        self.document.images.append(image)
        self._pending.append(image)


def _parse(text: str):
    # Without huge_tree libxml2 refuses any text run over 10 MB (one long line of a
    # generated page); the file's size is limited before it gets here.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(XML_DECLARATION.sub("", text, count=1), parser=parser)
    except lxml.etree.ParserError:
        raise ReadError("has no text") from None
    for error in parser.error_log:
        # libxml2 stops at its limits and silently drops the rest of the page; refuse instead.
        if "excessive depth" in error.message.lower():
            limit = re.search(r"\d+", error.message)
            raise ReadError(f"is nested too deeply to read (more than {limit.group(0) if limit else 2048} "
                            "levels of HTML elements); it may be damaged or machine-generated")
        if error.level_name == "FATAL":
            raise ReadError(f"could not be read as a web page: {one_line(error.message)}")
    return root


def read(path: Path, options, fmt: str) -> Document:
    """Read an HTML file into a Document with estimated pages."""
    root = _parse(decode(path.read_bytes()))
    document = Document(path=str(path), format=fmt, metadata=_metadata(root))
    document.bookmarks.update(str(name) for name in root.xpath("//@id | //a/@name"))
    content = _content_root(root)
    reader = _Reader(document, _take_notes(content, root))
    reader.walk(content)
    if not document.blocks:
        hint = ("; the page may build its text with JavaScript, so save it from the browser "
                "or export the plan as .docx or .pdf" if root.find(".//script") is not None else "")
        raise ReadError("has no text" + hint)
    mark_contents_titles(document.blocks)
    attach_plain_notes(document.blocks)
    assign_sections(document.blocks)
    reader.add_notes()
    document.pages = estimate_pages(document.blocks)
    document.pages_method = "estimate"
    reader.place_inline_items()
    if options.pages == "layout":
        document.notes.append("a web page has no page layout; its pages are estimated for A4 at 11 pt")
    return document
