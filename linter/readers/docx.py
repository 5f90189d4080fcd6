"""Word (.docx) reader.

The package is opened through :mod:`.safezip`, so nothing here ever sees an
unchecked zip or an XML part parsed unsafely. Everything is read by walking
the XML directly: styles (through their base-style chains) and the core
properties the way python-docx reads them, without the time importing it
takes; the text because python-docx's ``Paragraph.text`` drops tracked
insertions, content controls and text boxes, which a check of a draft must
see.

The page each block falls on comes from the page breaks Word saved with its
layout, from a LibreOffice rendering, or from an estimate on the document's
own page size and type, as ``ReadOptions.pages`` asks.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import weakref
from bisect import bisect_right
from collections import Counter
from datetime import datetime, timedelta, timezone
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..document import (BODY, CONTENTS, COVER, ENDNOTE, FOOTER, FOOTNOTE, HEADER, HEADING, LIST_ITEM, NAVIGATION,
                        PAGE_NUMBER, PARAGRAPH, RUNNING_FOOTER, RUNNING_HEADER, TABLE, TEXTBOX, Block,
                        Comment, Document, Image, Link, Metadata, Revision, Table, assign_sections, is_blank_row,
                        count_words)
from ..errors import ReadError
from ..pages import PageGeometry, estimate_pages
from .furniture import (attach_plain_notes, contents_entry, is_page_number, is_placeholder, link_item_furniture,
                        mark_contents_titles, numbered_title)
from .safezip import MAIN_PART, Package, open_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


W_BODY, W_P, W_R, W_T, W_TBL, W_TR, W_TC = map(_w, ("body", "p", "r", "t", "tbl", "tr", "tc"))
W_PPR, W_RPR, W_TCPR, W_TRPR, W_TBLPR = map(_w, ("pPr", "rPr", "tcPr", "trPr", "tblPr"))
W_SDT, W_SDTPR, W_SDTENDPR, W_SDTCONTENT = map(_w, ("sdt", "sdtPr", "sdtEndPr", "sdtContent"))
W_CUSTOMXML, W_SMARTTAG = _w("customXml"), _w("smartTag")
W_TAB, W_PTAB, W_BR, W_CR, W_NOBREAKHYPHEN = map(_w, ("tab", "ptab", "br", "cr", "noBreakHyphen"))
W_LAST_RENDERED = _w("lastRenderedPageBreak")
W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO = map(_w, ("ins", "del", "moveFrom", "moveTo"))
W_STRIKE, W_DSTRIKE = map(_w, ("strike", "dstrike"))
W_DELTEXT, W_DELINSTRTEXT, W_INSTRTEXT = map(_w, ("delText", "delInstrText", "instrText"))
W_HYPERLINK, W_FLDSIMPLE, W_FLDCHAR = map(_w, ("hyperlink", "fldSimple", "fldChar"))
W_BOOKMARK_START = _w("bookmarkStart")
W_COMMENT_RANGE_START, W_COMMENT_RANGE_END = _w("commentRangeStart"), _w("commentRangeEnd")
W_COMMENT_REFERENCE, W_COMMENT = _w("commentReference"), _w("comment")
W_FOOTNOTE_REFERENCE, W_ENDNOTE_REFERENCE = _w("footnoteReference"), _w("endnoteReference")
W_FOOTNOTE, W_ENDNOTE = _w("footnote"), _w("endnote")
W_DRAWING, W_TXBX_CONTENT = _w("drawing"), _w("txbxContent")
W_PSTYLE, W_RSTYLE, W_NUMPR, W_NUMID = map(_w, ("pStyle", "rStyle", "numPr", "numId"))
W_OUTLINELVL, W_PAGE_BREAK_BEFORE = _w("outlineLvl"), _w("pageBreakBefore")
W_B, W_VANISH, W_SZ, W_LANG, W_SPACING = map(_w, ("b", "vanish", "sz", "lang", "spacing"))
W_TBLHEADER, W_GRIDSPAN, W_VMERGE, W_HMERGE = map(_w, ("tblHeader", "gridSpan", "vMerge", "hMerge"))
W_SECTPR, W_SECTPRCHANGE, W_PGSZ, W_PGMAR = map(_w, ("sectPr", "sectPrChange", "pgSz", "pgMar"))
W_DOCDEFAULTS = _w("docDefaults")
W_STYLE, W_STYLEID, W_BASEDON, W_DEFAULT = map(_w, ("style", "styleId", "basedOn", "default"))
W_VAL, W_TYPE, W_ID, W_NAME = map(_w, ("val", "type", "id", "name"))
W_AUTHOR, W_DATE, W_ANCHOR, W_INSTR = map(_w, ("author", "date", "anchor", "instr"))
W_FLDCHARTYPE = _w("fldCharType")
R_ID = f"{{{R}}}id"
WP_INLINE, WP_ANCHOR, WP_DOCPR = f"{{{WP}}}inline", f"{{{WP}}}anchor", f"{{{WP}}}docPr"
A_GRAPHICDATA = f"{{{A}}}graphic/{{{A}}}graphicData"
A_DECORATIVE = f"{{{A}}}extLst/{{{A}}}ext/{{{ADEC}}}decorative"
PIC_PIC = f"{{{PIC}}}pic"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice",
                                        f"{{{MC}}}Fallback")
V_SHAPE, V_IMAGEDATA = f"{{{V}}}shape", f"{{{V}}}imagedata"
M_T = f"{{{M}}}t"
W14_PARAID = f"{{{W14}}}paraId"

# Containers whose children belong to the surrounding flow (content controls,
# custom XML); their properties hold no text of the document.
_WRAPPERS = {W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_SMARTTAG}
_SKIPPED = {W_PPR, W_RPR, W_TCPR, W_TRPR, W_TBLPR, W_SDTPR, W_SDTENDPR, W_SECTPR, W_DELTEXT,
            W_DELINSTRTEXT, MC_FALLBACK}
_MARKERS = {W_BOOKMARK_START, W_COMMENT_RANGE_START, W_COMMENT_RANGE_END}
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
# Where a note reference stood in a paragraph's text, until its offset is taken.
_NOTE_MARK = "\ue000"
# Contents entries and titles by style: Word's "toc 1" and "TOC Heading", LibreOffice's "Contents 1".
_CONTENTS_STYLE = re.compile(r"(?:toc|contents)\s?(?:\d|heading)", re.IGNORECASE)
_TOC_PAGE = re.compile(r"\s(?:\d{1,4}|[ivxlc]{1,6})$", re.IGNORECASE)
# Building blocks (w:docPartGallery) that are furniture: a cover page, a contents list.
_GALLERY_FURNITURE = {"cover pages": COVER, "table of contents": CONTENTS}
W_DOCPARTOBJ, W_DOCPARTGALLERY = _w("docPartObj"), _w("docPartGallery")
_IMAGE_URIS = ("/picture", "/chart", "/diagram", "/chartex")
_GROUP_URI = "/wordprocessingGroup"
_NO_PAGE_SECTIONS = {"continuous", "nextColumn"}

_HEADING_NAME = re.compile(r"heading ([1-9])")
# strptime's own patterns for %Y, %m, %d, %H, %M and %S, in python-docx's formats
# "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y-%m" and "%Y", tried in that order.
_W3CDTF = re.compile(r"(\d\d\d\d)(?:-(1[0-2]|0[1-9]|[1-9])(?:-(3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])"
                     r"(?:T(2[0-3]|[0-1]\d|\d):([0-5]\d|\d):(6[0-1]|[0-5]\d|\d))?)?)?", re.IGNORECASE)
_UTC_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)")
_FIELD_TOKEN = re.compile(r'"[^"]*"|\S+')
BOLD_HEADING_MAX_WORDS = 16  # up to 15 words, as in Markdown
MAX_GRID_SPAN = 63  # Word's own limit on table columns
# Layout matching: how much of a block's text identifies it on a rendered
# page, and how far ahead of the last match to look.
PROBE_CHARS = 40
SHORT_PROBE_CHARS = 12
MATCH_WINDOW = 30_000


def read(path: Path, options, fmt: str) -> Document:
    """Read a .docx file into a Document (the reader interface of plancheck.readers)."""
    package = open_package(path)
    rels = _relationships(package, MAIN_PART)
    styles = styles_of(package, rels)
    root = package.xml(MAIN_PART)
    body = root.find(W_BODY) if root is not None else None
    if body is None:
        raise ReadError("is damaged: its main text part has no body")

    context = _Context(styles)
    main = _Story(context, rels, BODY, box_part=TEXTBOX, section_types=_section_types(body))
    main.read_blocks(body)
    notes = _read_notes(package, rels, context, "footnotes", W_FOOTNOTE, FOOTNOTE)
    notes += _read_notes(package, rels, context, "endnotes", W_ENDNOTE, ENDNOTE)
    context.attach_notes()
    mark_contents_titles(main.blocks)
    attach_plain_notes(main.blocks)
    comments = _read_comments(package, rels, context)

    document = Document(path=str(path), format=fmt, blocks=main.blocks + notes,
                        headers_footers=_read_headers_footers(package, rels, context),
                        links=context.links, comments=comments, revisions=context.revisions,
                        images=context.images, bookmarks=context.bookmarks)
    _number_lines(document.blocks)
    _number_lines(document.headers_footers)
    _assign_pages(document, main, path, options, _page_geometry(body, styles))
    assign_sections(document.blocks)
    context.place_notes()
    context.place_annotations()
    context.forget_stories()
    document.metadata = _metadata(package, styles)
    package.close()
    return document


# ---------------------------------------------------------------- package parts

@dataclass(frozen=True)
class _Rel:
    kind: str
    target: str
    external: bool


def _relationships(package: Package, part: str) -> dict[str, _Rel]:
    """The relationships of ``part`` ("" for the package itself), by id."""
    folder, name = posixpath.split(part)
    root = package.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
    rels: dict[str, _Rel] = {}
    if root is None:
        return rels
    for rel in root.iter(f"{{{PACKAGE_RELS}}}Relationship"):
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target", "")
        if not external:
            target = target[1:] if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
        # Transitional and Strict documents differ only in the base of the type URI.
        rels[rel.get("Id", "")] = _Rel(rel.get("Type", "").rsplit("/", 1)[-1], target, external)
    return rels


def styles_of(package: Package, rels: dict[str, _Rel]) -> "StyleSheet":
    """The style sheet of the main document part, whose relationships are ``rels``."""
    name = _target(rels, "styles")
    return StyleSheet(package.xml(name) if name else None)


def _targets(rels: dict[str, _Rel], kind: str) -> list[str]:
    return sorted(rel.target for rel in rels.values() if rel.kind == kind and not rel.external)


def _target(rels: dict[str, _Rel], kind: str) -> str | None:
    found = _targets(rels, kind)
    return found[0] if found else None


# ---------------------------------------------------------------- small helpers

def _clean(text: str) -> str:
    """Collapse runs of spaces and tabs, keep line breaks, drop blank lines."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _val(parent, tag: str) -> str | None:
    """The w:val of ``parent``'s child ``tag``, or None."""
    if parent is None:
        return None
    child = parent.find(tag)
    return None if child is None else child.get(W_VAL)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _on(element) -> bool:
    """Whether an OOXML on/off element (w:b, w:tblHeader...) is on."""
    return element.get(W_VAL, "true").lower() not in ("0", "false", "off")


def _flag(parent, tag: str) -> bool | None:
    """The on/off value of ``parent``'s child ``tag``, or None when it is not set."""
    if parent is None:
        return None
    child = parent.find(tag)
    return None if child is None else _on(child)


def _numbered(ppr) -> bool | None:
    """Whether paragraph properties number the paragraph; None if they don't say."""
    numpr = ppr.find(W_NUMPR) if ppr is not None else None
    num_id = _val(numpr, W_NUMID)
    return None if num_id is None else num_id != "0"


def _chosen(alternate):
    """The branch of mc:AlternateContent to read: Choice, else Fallback."""
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)


def _unwrap(container):
    """Children of ``container``, looking through content controls and alternates."""
    for child in container:
        tag = child.tag
        if tag in _WRAPPERS:
            yield from _unwrap(child)
        elif tag == MC_ALTERNATE:
            branch = _chosen(child)
            if branch is not None:
                yield from _unwrap(branch)
        elif tag not in _SKIPPED:
            yield child


def _plain_text(element) -> str:
    """Visible text of ``element``'s paragraphs, one line each (deleted text excluded)."""
    return _clean("\n".join("".join(t.text or "" for t in p.iter(W_T))
                            for p in element.iter(W_P)))


def _hyperlink_field(instruction: str) -> tuple[str, bool] | None:
    """(target, internal) of a HYPERLINK field code, or None for any other field."""
    tokens = _FIELD_TOKEN.findall(instruction)
    if not tokens or tokens[0].upper() != "HYPERLINK":
        return None
    url = anchor = ""
    position = 1
    while position < len(tokens):
        token = tokens[position]
        if token.lower() in ("\\l", "\\o", "\\t"):  # switches that take an argument
            if token.lower() == "\\l" and position + 1 < len(tokens):
                anchor = tokens[position + 1].strip('"')
            position += 2
            continue
        if not token.startswith("\\") and not url:
            url = token.strip('"')
        position += 1
    if anchor:
        return f"{url}#{anchor}", not url
    return url, False


# ---------------------------------------------------------------- styles

@dataclass(frozen=True)
class ParagraphStyle:
    """What a paragraph style (with its base styles) says about its paragraphs."""

    name: str | None = None
    heading: tuple[int, str] | None = None  # (level, "style" or "outline")
    # Based on a heading style, whether or not it is still a heading ("TOC
    # Heading" opts out with outline level 9): bold is its design, not an imposter.
    heading_family: bool = False
    numbered: bool = False
    list_named: bool = False
    bold: bool = False
    page_break_before: bool = False


def _first(chain, getter):
    """The first value ``getter`` gives that is not None, nearest style first."""
    for style in chain:
        value = getter(style)
        if value is not None:
            return value
    return None


def _name_level(name: str | None) -> int | None:
    """The heading level a style's name gives ("Heading 2" is 2, "Title" is 1), or None."""
    # python-docx reports built-in styles by their UI names, whatever Word's language.
    name = (name or "").lower()
    match = _HEADING_NAME.fullmatch(name)
    if match:
        return int(match.group(1))
    return 1 if name == "title" else None


def _style_heading(chain) -> tuple[int, str] | None:
    """(level, source) of the nearest style in ``chain`` that says whether it is a heading."""
    for style in chain:
        level = _name_level(style.name)
        if level is not None:
            return level, "style"
        outline = _int(_val(style.element.find(W_PPR), W_OUTLINELVL))
        if outline is not None:
            # Outline level 9 is "body text": a style can opt out of its base's heading.
            return (outline + 1, "outline") if outline < 9 else None
    return None


# Word's internal names of built-in styles that python-docx, and so plancheck, report by their UI names.
_UI_STYLE_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
                   **{f"heading {level}": f"Heading {level}" for level in range(1, 10)}}
_ON_VALUES, _OFF_VALUES = ("1", "true", "on"), ("0", "false", "off")
# A font size (w:sz) given as a length instead of half-points: English Metric Units per unit.
_EMUS_PER_UNIT = {"mm": 36000, "cm": 360000, "in": 914400, "pt": 12700, "pc": 152400, "pi": 152400}
_EMUS_PER_POINT = 12700


class _Style:
    """One w:style: the properties of it that plancheck reads, as python-docx would report them."""

    def __init__(self, element, sheet: "StyleSheet"):
        self.element = element
        # Weak, as the sheet holds its styles: a cycle would keep the lxml tree until the garbage collector came round.
        self._sheet = weakref.ref(sheet)
        self.style_id = element.get(W_STYLEID)
        self.type = element.get(W_TYPE) or "paragraph"
        name = _val(element, W_NAME)
        self.name = _UI_STYLE_NAMES.get(name, name) if name is not None else None
        self.default = element.get(W_DEFAULT) in _ON_VALUES

    @property
    def base_style(self) -> "_Style | None":
        based_on = _val(self.element, W_BASEDON)
        sheet = self._sheet()
        return sheet.first_with_id(based_on) if based_on is not None and sheet is not None else None

    @property
    def bold(self) -> bool | None:
        return _flag(self.element.find(W_RPR), W_B)

    @property
    def font_size(self) -> float | None:
        """The font size in points, or None when the style does not set a readable one."""
        value = _val(self.element.find(W_RPR), W_SZ)
        if value is None:
            return None
        try:
            if any(letter in value for letter in "mnp"):
                return round(float(value[:-2]) * _EMUS_PER_UNIT[value[-2:]]) / _EMUS_PER_POINT
            return int(value) / 2
        except (ValueError, KeyError):
            return None

    @property
    def page_break_before(self) -> bool | None:
        return _flag(self.element.find(W_PPR), W_PAGE_BREAK_BEFORE)


class StyleSheet:
    """The document's styles, resolved through their base-style chains.

    Read with lxml directly, as python-docx would read them (the tests hold
    the two to the same answers), without the cost of importing python-docx.
    """

    def __init__(self, root):
        self._styles: list[_Style] = []
        self._by_id = {}
        self._default = None
        self._doc_defaults = None
        if root is not None and root.tag == _w("styles"):
            self._styles = [_Style(element, self) for element in root.iterchildren(W_STYLE)]
            self._by_id = {style.style_id: style for style in self._styles}
            # The last default wins, as the specification says.
            defaults = [s for s in self._styles if s.type == "paragraph" and s.default]
            self._default = defaults[-1] if defaults else None
            self._doc_defaults = root.find(W_DOCDEFAULTS)
        self._paragraphs: dict[str | None, ParagraphStyle] = {}
        self._character_bold: dict[str, bool | None] = {}

    def first_with_id(self, style_id: str) -> _Style | None:
        """The first style with ``style_id``, the one a w:basedOn names."""
        return next((style for style in self._styles if style.style_id == style_id), None)

    def paragraph(self, style_id: str | None) -> ParagraphStyle:
        """The resolved paragraph style ``style_id`` (the default style if unknown)."""
        if style_id not in self._paragraphs:
            style = self._by_id.get(style_id)
            if style is None or style.type != "paragraph":
                style = self._default
            self._paragraphs[style_id] = self._resolve(style)
        return self._paragraphs[style_id]

    def character_bold(self, style_id: str) -> bool | None:
        """Whether character style ``style_id`` makes text bold; None if it doesn't say."""
        if style_id not in self._character_bold:
            style = self._by_id.get(style_id)
            bold = None
            if style is not None and style.type == "character":
                bold = _first(self._chain(style), lambda s: s.bold)
            self._character_bold[style_id] = bold
        return self._character_bold[style_id]

    def font_size(self) -> float:
        """Body text size in points: the default paragraph style, else the defaults."""
        size = _first(self._chain(self._default), lambda s: s.font_size)
        if size is not None:
            return size
        half_points = _int(_val(self._default_properties("rPr"), W_SZ))
        return half_points / 2 if half_points else 10.0  # OOXML's own default

    def spacing(self, name: str) -> str | None:
        """An attribute of w:spacing for body text (line, lineRule, before, after)."""
        elements = [s.element.find(f"{W_PPR}/{W_SPACING}") for s in self._chain(self._default)]
        defaults = self._default_properties("pPr")
        elements.append(defaults.find(W_SPACING) if defaults is not None else None)
        for element in elements:
            if element is not None and element.get(_w(name)) is not None:
                return element.get(_w(name))
        return None

    def language(self) -> str | None:
        """The language body text is marked as, from Normal or the document defaults."""
        for style in self._chain(self._default):
            language = _val(style.element.find(W_RPR), W_LANG)
            if language:
                return language
        return _val(self._default_properties("rPr"), W_LANG) or None

    def _default_properties(self, kind: str):
        """w:docDefaults' w:rPr or w:pPr (kind "rPr"/"pPr"), or None."""
        if self._doc_defaults is None:
            return None
        return self._doc_defaults.find(f"{_w(kind + 'Default')}/{_w(kind)}")

    def _resolve(self, style) -> ParagraphStyle:
        if style is None:
            return ParagraphStyle()
        chain = self._chain(style)
        return ParagraphStyle(
            name=style.name,
            heading=_style_heading(chain),
            heading_family=any(_name_level(s.name) is not None for s in chain),
            numbered=bool(_first(chain, lambda s: _numbered(s.element.find(W_PPR)))),
            list_named=any("list" in (s.name or "").lower() for s in chain),
            bold=bool(_first(chain, lambda s: s.bold)),
            page_break_before=bool(_first(chain, lambda s: s.page_break_before)),
        )

    @staticmethod
    def _chain(style) -> list:
        """``style`` and the styles it is based on, nearest first (cycles cut)."""
        chain, seen = [], set()
        while style is not None and style.style_id not in seen:
            if chain and style.type != chain[0].type:
                break  # a damaged chain; another type's properties don't apply
            seen.add(style.style_id)
            chain.append(style)
            style = style.base_style
        return chain


# ---------------------------------------------------------------- reading stories

class _Capture:
    """Text emitted while a span is open: a link, an insertion, a comment's anchor."""

    def __init__(self):
        self.parts: list[str] = []

    def text(self) -> str:
        return _clean("".join(self.parts))


@dataclass
class _Field:
    """A complex field (w:fldChar begin ... separate ... end) being read."""

    index: int
    instruction: list[str] = field(default_factory=list)
    separated: bool = False
    link: tuple[str, bool] | None = None
    capture: _Capture | None = None


@dataclass
class _CommentSpan:
    """Where a comment is anchored: the text it covers, and the block it starts in."""

    capture: _Capture | None = None
    story: _Story | None = None
    index: int = 0


@dataclass
class _Paragraph:
    """One paragraph as read: its visible text and what decides its kind."""

    text: str
    style: ParagraphStyle
    ppr: object
    all_bold: bool


class _Context:
    """What all stories of one document share: styles, collected items, cross-references."""

    def __init__(self, styles: StyleSheet):
        self.styles = styles
        self.links: list[Link] = []
        self.revisions: list[Revision] = []
        self.images: list[Image] = []
        self.bookmarks: set[str] = set()
        self.comment_spans: dict[str, _CommentSpan] = {}
        self.note_references: dict[tuple[str, str], tuple[_Story, int]] = {}
        self.notes: list[tuple[Block, tuple[str, str]]] = []
        # (citing block, offset in its text, note key) for every reference, in reading order
        self.citations: list[tuple[Block, int, tuple[str, str]]] = []
        self.counters: Counter[str] = Counter()
        self._placements: list[tuple[object, _Story, int]] = []

    def place_later(self, item, story: _Story, index: int) -> None:
        """Give ``item`` the page, section and location of block ``index`` of ``story``."""
        self._placements.append((item, story, index))

    def place_annotations(self) -> None:
        """Copy page, section and location to every annotation from its block."""
        for item, story, index in self._placements:
            if not story.blocks:
                item.location = story.part
                continue
            block = story.blocks[min(index, len(story.blocks) - 1)]
            item.page, item.section = block.page, block.section
            item.location, item.line = block.location, block.line

    def forget_stories(self) -> None:
        """Drop the references back to the stories, once nothing more is placed from them.

        Each story refers to this context, so they would be a cycle that kept
        the document's XML until the garbage collector came round: many
        documents later, when a folder of plans is annotated in one process.
        """
        self._placements.clear()
        self.note_references.clear()
        self.comment_spans.clear()

    def attach_notes(self) -> None:
        """Give each citing block the text of the notes it cites, at the references' offsets."""
        texts = {key: block.text for block, key in self.notes}
        for block, offset, key in self.citations:
            if key in texts:
                block.notes.append((offset, texts[key]))

    def place_notes(self) -> None:
        """Put each footnote and endnote on the page and in the section that cites it."""
        for block, key in self.notes:
            reference = self.note_references.get(key)
            if reference is None or not reference[0].blocks:
                continue
            story, index = reference
            cited = story.blocks[min(index, len(story.blocks) - 1)]
            block.page, block.page_exact, block.section = cited.page, cited.page_exact, cited.section


class _Story:
    """Reads one flow of text (the body, a header, the notes) into blocks in reading order.

    Annotations (links, revisions, images, comments) are tied to the index of
    the block being read when they are met, which is the next block if the
    paragraph they sit in turns out to be empty (an image on its own line).
    Page breaks are recorded the same way, as (block index, hard?) events.
    """

    def __init__(self, context: _Context, rels: dict[str, _Rel], part: str,
                 box_part: str | None = None, section_types: list[str] | None = None):
        self.context = context
        self.styles = context.styles
        self.rels = rels
        self.part = part
        self.blocks: list[Block] = []
        self.events: list[tuple[int, bool]] = []
        self.has_rendered_breaks = False
        self._current_part = part
        self._box_part = box_part or part
        self._section_types = section_types or []
        self._section = 0
        self._started = False        # the block being read has visible text already
        self._hard_pending = False   # a hard break has not been followed by text yet
        self._last_heading_level = 0
        self._text: list[str] = []
        self._all_bold: bool | None = None
        self._paragraph_style = ParagraphStyle()
        self._captures: list[_Capture] = []
        self._fields: list[_Field] = []
        self._boxes: list = []
        self._note_keys: list[tuple[str, str]] = []  # references read but not yet placed in a block
        self._handlers = self._handlers_of_class()

    @classmethod
    @cache
    def _handlers_of_class(cls) -> dict:
        """Each element's handler, a function of (story, element).

        Unbound and built once per class (so that a subclass's overrides are
        used): a story holding its own bound methods would be a reference
        cycle, and its lxml tree would outlive the reading until the garbage
        collector came round, many documents later when annotating a folder.
        """
        handlers = {
            W_R: cls._run, W_T: cls._text_node, M_T: cls._text_node,
            W_TAB: _standing_for("\t"), W_PTAB: _standing_for("\t"), W_CR: _standing_for("\n"),
            W_NOBREAKHYPHEN: _standing_for("-"),
            W_BR: cls._break, W_LAST_RENDERED: cls._rendered_break,
            W_INS: _with(cls._insertion, "insert"), W_MOVE_TO: _with(cls._insertion, "move-to"),
            W_DEL: _with(cls._deletion, "delete"), W_MOVE_FROM: _with(cls._deletion, "move-from"),
            W_HYPERLINK: cls._hyperlink, W_FLDSIMPLE: cls._simple_field,
            W_FLDCHAR: cls._field_char, W_INSTRTEXT: cls._instruction,
            W_BOOKMARK_START: cls._bookmark, W_COMMENT_RANGE_START: cls._comment_start,
            W_COMMENT_RANGE_END: cls._comment_end, W_COMMENT_REFERENCE: cls._comment_reference,
            W_FOOTNOTE_REFERENCE: _with(cls._note_reference, "footnote"),
            W_ENDNOTE_REFERENCE: _with(cls._note_reference, "endnote"),
            W_DRAWING: cls._drawing, V_SHAPE: cls._vml_shape, MC_ALTERNATE: cls._alternate,
            W_TXBX_CONTENT: cls._text_box,
        }
        handlers.update(dict.fromkeys(_SKIPPED, _ignore))
        return handlers

    # -- blocks ------------------------------------------------------------

    def read_blocks(self, container) -> None:
        """Read the paragraphs and tables of ``container`` as blocks."""
        for child in _unwrap(container):
            if child.tag == W_P:
                self._paragraph_block(child)
            elif child.tag == W_TBL:
                self._table_block(child)
            elif child.tag in _MARKERS:
                self._handlers[child.tag](self, child)

    def read_note(self, note) -> str:
        """The text of one footnote or endnote, its paragraphs joined."""
        return self._take_marks(self._flow_text(note, None))[0]

    def _paragraph_block(self, p) -> None:
        """Read a paragraph of the flow as a block, then any text boxes anchored in it."""
        self._started = False
        in_contents = self._in_contents_field()
        links_before = len(self.context.links)
        paragraph = self._read_paragraph(p, top_level=True)
        paragraph.text, marks = self._take_marks(paragraph.text)
        if paragraph.text:
            kind, level, source = self._classify(paragraph)
            block = Block(kind=kind, text=paragraph.text, level=level, style=paragraph.style.name,
                          heading_source=source, furniture=_gallery_furniture(p))
            # A list item that is only a link to a bookmark ("On this page") or to another page of the
            # same site ("Related pages") is contents or navigation, as in Markdown.
            linked = link_item_furniture(block.text, self.context.links[links_before:]) \
                if kind == LIST_ITEM else None
            if linked == NAVIGATION:
                block.furniture = NAVIGATION
            if (in_contents or self._in_contents_field() or _CONTENTS_STYLE.fullmatch(paragraph.style.name or "")
                    or contents_entry(block.text) is not None or linked == CONTENTS):
                block.furniture = CONTENTS
            if block.furniture == CONTENTS:
                block.text = _contents_text(p, block.text)
            self._add_block(block)
            self._cite(block, marks)
        self._read_boxes()

    def _table_block(self, tbl) -> None:
        self._started = False
        table = self._read_table(tbl)
        text, marks = self._take_marks("\n".join(row for row in table.row_texts() if row))
        table.rows = [[cell.replace(_NOTE_MARK, "") for cell in row] for row in table.rows]
        if text:
            block = Block(kind=TABLE, text=text, table=table, furniture=_gallery_furniture(tbl))
            self._add_block(block)
            self._cite(block, marks)
        self._read_boxes()

    def _take_marks(self, text: str) -> tuple[str, list[tuple[int, tuple[str, str]]]]:
        """``text`` without note marks, and (offset, note key) for each mark, in order."""
        if _NOTE_MARK not in text:
            return text, []
        parts = text.split(_NOTE_MARK)
        keys, self._note_keys = self._note_keys[:len(parts) - 1], self._note_keys[len(parts) - 1:]
        offsets = [len("".join(parts[:index + 1])) for index in range(len(parts) - 1)]
        return "".join(parts).strip(), list(zip(offsets, keys))

    def _cite(self, block: Block, marks: list[tuple[int, tuple[str, str]]]) -> None:
        self.context.citations.extend((block, min(offset, len(block.text)), key) for offset, key in marks)

    def _in_contents_field(self) -> bool:
        """Whether a contents field (TOC) is open: its result is the contents list."""
        return any("".join(f.instruction).strip().upper().startswith("TOC") for f in self._fields)

    def _add_block(self, block: Block) -> None:
        block.part = self._current_part
        label = {BODY: "table" if block.kind == TABLE else "paragraph",
                 TEXTBOX: "text box"}.get(self._current_part, self._current_part)
        self.context.counters[label] += 1
        block.location = f"{label} {self.context.counters[label]}"
        self.blocks.append(block)

    def _read_boxes(self) -> None:
        """Read the text boxes met in the block just read, as blocks after it."""
        boxes, self._boxes[:] = list(self._boxes), []
        if not boxes:
            return
        outer, self._current_part = self._current_part, self._box_part
        for box in boxes:
            self.read_blocks(box)
        self._current_part = outer

    def _classify(self, paragraph: _Paragraph) -> tuple[str, int | None, str | None]:
        """(kind, level, heading source) of a body or text-box paragraph."""
        # Word's navigation pane and contents list take headings from the body only.
        headings_here = self._current_part == BODY
        heading = self._heading(paragraph) if headings_here else None
        if heading:
            self._last_heading_level = heading[0]
            return HEADING, heading[0], heading[1]
        numbered = _numbered(paragraph.ppr)
        style = paragraph.style
        if (style.numbered or style.list_named) if numbered is None else numbered:
            return LIST_ITEM, None, None
        if headings_here and not style.heading_family and _looks_like_heading(paragraph):
            level = min(self._last_heading_level + 1, 9) if self._last_heading_level else 2
            return HEADING, level, "bold"
        return PARAGRAPH, None, None

    @staticmethod
    def _heading(paragraph: _Paragraph) -> tuple[int, str] | None:
        direct = _int(_val(paragraph.ppr, W_OUTLINELVL))
        if direct is not None:
            return (direct + 1, "outline") if direct < 9 else None
        return paragraph.style.heading

    # -- paragraphs and tables -----------------------------------------------

    def _read_paragraph(self, p, top_level: bool) -> _Paragraph:
        ppr = p.find(W_PPR)
        style = self.styles.paragraph(_val(ppr, W_PSTYLE))
        self._text, self._all_bold, self._paragraph_style = [], None, style
        if top_level and self.blocks:  # Word never starts a document with a blank page
            direct = _flag(ppr, W_PAGE_BREAK_BEFORE)
            if style.page_break_before if direct is None else direct:
                self._page_event(hard=True)
        self._walk(p)
        for capture in self._captures:  # spans crossing paragraphs read as separate lines
            capture.parts.append("\n")
        if top_level and ppr is not None and ppr.find(W_SECTPR) is not None:
            self._section_break()
        return _Paragraph(_clean("".join(self._text)), style, ppr, bool(self._all_bold))

    def _read_table(self, tbl) -> Table:
        table = Table(rows=[])
        above: dict[int, str] = {}  # the text of each grid column's last cell, for vertically merged cells
        rows = [row for row in _unwrap(tbl) if row.tag == W_TR]
        for position, row in enumerate(rows):
            properties = row.find(W_TRPR)
            if position == 0:
                table.header_row = bool(_flag(properties, W_TBLHEADER))
            if properties is not None and properties.find(W_DEL) is not None:
                continue  # a row deleted with changes tracked
            cells: list[str] = []
            for cell in _unwrap(row):
                if cell.tag == W_TC:
                    properties = cell.find(W_TCPR)
                    table.merged_cells |= _is_merged(properties)
                    text = self._flow_text(cell, table)
                    merge = properties.find(W_VMERGE) if properties is not None else None
                    if merge is not None and merge.get(W_VAL) != "restart" and not text:
                        # A cell merged with the one above repeats it, so its row keeps its label.
                        text = above.get(len(cells), "")
                    above[len(cells)] = text
                    span = min(_int(_val(properties, W_GRIDSPAN)) or 1, MAX_GRID_SPAN)
                    # A cell spanning columns is followed by empty cells, keeping values under their headings.
                    cells.extend([text] + [""] * (span - 1))
                elif cell.tag in _MARKERS:
                    self._handlers[cell.tag](self, cell)
            if is_blank_row(cells):
                # An empty row marked to repeat at the top of each page still names no column.
                table.header_row = table.header_row and position > 0
                continue
            table.rows.append(cells)
        return table

    def _flow_text(self, container, table: Table | None) -> str:
        """The text of a table cell or note: its paragraphs and nested tables, flattened."""
        parts = []
        for child in _unwrap(container):
            if child.tag == W_P:
                parts.append(self._read_paragraph(child, top_level=False).text)
            elif child.tag == W_TBL:
                if table is not None:
                    table.nested = True
                parts.extend(self._read_table(child).row_texts())
            elif child.tag in _MARKERS:
                self._handlers[child.tag](self, child)
        return " ".join(part for part in parts if part)

    # -- inline content -----------------------------------------------------------

    def _walk(self, element) -> None:
        handlers = self._handlers
        for child in element:
            handler = handlers.get(child.tag)
            if handler is None:
                self._walk(child)
            else:
                handler(self, child)

    def _emit(self, text: str) -> None:
        if not text:
            return
        self._text.append(text)
        for capture in self._captures:
            capture.parts.append(text)
        if not text.isspace():
            self._started, self._hard_pending = True, False

    def _text_node(self, element) -> None:
        self._emit(element.text or "")

    def _literal(self, text: str, _element) -> None:
        self._emit(text)

    def _text_box(self, element) -> None:
        self._boxes.append(element)

    def _run(self, run) -> None:
        properties = run.find(W_RPR)
        if _flag(properties, W_VANISH):
            return  # hidden text is neither printed nor read aloud
        if _flag(properties, W_STRIKE) or _flag(properties, W_DSTRIKE):
            return  # struck through: crossed out by its author, as a tracked deletion is
        start = len(self._text)
        self._walk(run)
        if self._all_bold is not False and any(not part.isspace() for part in self._text[start:]):
            self._all_bold = self._run_bold(properties)

    def _run_bold(self, properties) -> bool:
        direct = _flag(properties, W_B)
        if direct is not None:
            return direct
        character_style = _val(properties, W_RSTYLE)
        if character_style:
            bold = self.styles.character_bold(character_style)
            if bold is not None:
                return bold
        return self._paragraph_style.bold

    def _open(self) -> _Capture:
        capture = _Capture()
        self._captures.append(capture)
        return capture

    def _close(self, capture: _Capture) -> None:
        if capture in self._captures:
            self._captures.remove(capture)

    def _here(self) -> int:
        """Index of the block being read, which annotations met now belong to."""
        return len(self.blocks)

    def _record(self, collection: list, item) -> None:
        collection.append(item)
        self.context.place_later(item, self, self._here())

    # -- page breaks --------------------------------------------------------------

    def _page_event(self, hard: bool) -> None:
        """Note a page break before the block being read, or after it once it has text."""
        if self._current_part != BODY:
            return  # headers, notes and floating text boxes are outside the page flow
        if not hard:
            self.has_rendered_breaks = True
            if self._hard_pending:
                # Word marks the page it started after a hard break as rendered too.
                self._hard_pending = False
                return
        else:
            self._hard_pending = True
        self.events.append((len(self.blocks) + (1 if self._started else 0), hard))

    def _break(self, element) -> None:
        kind = element.get(W_TYPE)
        if kind == "page":
            self._page_event(hard=True)
        self._emit("\n")

    def _rendered_break(self, _element) -> None:
        self._page_event(hard=False)

    def _section_break(self) -> None:
        """A paragraph ended a section; the next section's type says if a page starts."""
        self._section += 1
        if self._section < len(self._section_types):
            if self._section_types[self._section] not in _NO_PAGE_SECTIONS:
                self._page_event(hard=True)

    # -- tracked changes ----------------------------------------------------------

    def _insertion(self, kind: str, element) -> None:
        capture = self._open()
        self._walk(element)
        self._close(capture)
        self._record(self.context.revisions, Revision(
            kind=kind, text=capture.text(), author=element.get(W_AUTHOR), date=element.get(W_DATE)))

    def _deletion(self, kind: str, element) -> None:
        # Deleted text is recorded but never read as text; moved-from text is
        # read once, where it was moved to.
        text = "".join(node.text or "" for node in element.iter(W_DELTEXT, W_T))
        self._record(self.context.revisions, Revision(
            kind=kind, text=_clean(text), author=element.get(W_AUTHOR), date=element.get(W_DATE)))
        for marker in element.iter(W_COMMENT_RANGE_START, W_COMMENT_RANGE_END):
            self._handlers[marker.tag](self, marker)

    # -- links, fields, bookmarks -----------------------------------------------

    def _hyperlink(self, element) -> None:
        rel = self.rels.get(element.get(R_ID, ""))
        target = rel.target if rel is not None else ""
        anchor = element.get(W_ANCHOR)
        if anchor:
            target = f"{target}#{anchor}"
        self._link_span(element, target, internal=bool(anchor) and rel is None)

    def _link_span(self, element, target: str, internal: bool) -> None:
        capture = self._open()
        self._walk(element)
        self._close(capture)
        self._record(self.context.links, Link(text=capture.text(), target=target, internal=internal))

    def _simple_field(self, element) -> None:
        link = _hyperlink_field(element.get(W_INSTR, ""))
        if link is None:
            self._walk(element)
        else:
            self._link_span(element, *link)

    def _field_char(self, element) -> None:
        kind = element.get(W_FLDCHARTYPE)
        if kind == "begin":
            self._fields.append(_Field(index=self._here()))
        elif not self._fields:
            return
        elif kind == "separate":
            current = self._fields[-1]
            current.separated = True
            current.link = _hyperlink_field("".join(current.instruction))
            if current.link is not None:
                current.capture = self._open()
        elif kind == "end":
            current = self._fields.pop()
            if current.capture is not None:
                self._close(current.capture)
                link = Link(text=current.capture.text(), target=current.link[0],
                            internal=current.link[1])
                self.context.links.append(link)
                self.context.place_later(link, self, current.index)

    def _instruction(self, element) -> None:
        if self._fields and not self._fields[-1].separated:
            self._fields[-1].instruction.append(element.text or "")

    def _bookmark(self, element) -> None:
        name = element.get(W_NAME)
        if name:
            self.context.bookmarks.add(name)

    # -- comments and notes -------------------------------------------------------

    def _comment_start(self, element) -> None:
        span = self.context.comment_spans.setdefault(element.get(W_ID, ""), _CommentSpan())
        if span.capture is None:
            span.capture, span.story, span.index = self._open(), self, self._here()

    def _comment_end(self, element) -> None:
        span = self.context.comment_spans.get(element.get(W_ID, ""))
        if span is not None and span.capture is not None:
            self._close(span.capture)

    def _comment_reference(self, element) -> None:
        span = self.context.comment_spans.setdefault(element.get(W_ID, ""), _CommentSpan())
        if span.story is None:
            span.story, span.index = self, self._here()

    def _note_reference(self, kind: str, element) -> None:
        key = (kind, element.get(W_ID, ""))
        self.context.note_references.setdefault(key, (self, self._here()))
        # A mark, not text: it leaves no trace in links or comments, only an offset.
        self._text.append(_NOTE_MARK)
        self._note_keys.append(key)

    # -- drawings, text boxes -----------------------------------------------------

    def _drawing(self, element) -> None:
        for frame in element:
            if frame.tag in (WP_INLINE, WP_ANCHOR) and _is_picture(frame):
                self._record(self.context.images, _drawing_image(frame))
        self._walk(element)  # shapes can hold text boxes

    def _vml_shape(self, element) -> None:
        if element.find(V_IMAGEDATA) is not None:
            self._record(self.context.images, Image(
                alt=(element.get("alt") or "").strip() or None,
                floating="position:absolute" in element.get("style", "")))
        self._walk(element)

    def _alternate(self, element) -> None:
        # Word saves text boxes twice, as DrawingML (Choice) and VML (Fallback).
        branch = _chosen(element)
        if branch is not None:
            self._walk(branch)


def _contents_text(p, text: str) -> str:
    """A contents entry without its page number: after a tab (Word's contents) or a dot leader."""
    entry = contents_entry(text)
    if entry is not None:
        return entry
    if p.find(f".//{W_TAB}") is not None:
        return _TOC_PAGE.sub("", text).strip() or text
    return text


def _gallery_furniture(element) -> str | None:
    """"cover" or "contents" for a block inside a cover-page or contents building block."""
    for ancestor in element.iterancestors(W_SDT):
        gallery = ancestor.find(f"{W_SDTPR}/{W_DOCPARTOBJ}/{W_DOCPARTGALLERY}")
        if gallery is not None:
            furniture = _GALLERY_FURNITURE.get((gallery.get(W_VAL) or "").strip().lower())
            if furniture:
                return furniture
    return None


def _ignore(_story, _element) -> None:
    """Handler for elements that hold no text of the document."""


def _standing_for(text: str):
    """Handler for an element that stands for ``text`` (a tab, a line break)."""
    return lambda story, element: story._literal(text, element)


def _with(method, first):
    """Handler calling ``method`` with ``first`` before the element (the kind of a revision or note)."""
    return lambda story, element: method(story, first, element)


def _is_merged(cell_properties) -> bool:
    if cell_properties is None:
        return False
    span = _int(_val(cell_properties, W_GRIDSPAN)) or 1
    return (span > 1 or cell_properties.find(W_VMERGE) is not None
            or cell_properties.find(W_HMERGE) is not None)


def _looks_like_heading(paragraph: _Paragraph) -> bool:
    """A short, all-bold line: formatted like a heading but not styled as one."""
    text = paragraph.text
    return (paragraph.all_bold and "\n" not in text and (not text.endswith(".") or numbered_title(text))
            and 0 < count_words(text) < BOLD_HEADING_MAX_WORDS and any(c.isalpha() for c in text)
            and not is_placeholder(text))


def _is_picture(frame) -> bool:
    """Whether a drawing is a picture, chart or diagram (not a shape or text box)."""
    data = frame.find(A_GRAPHICDATA)
    if data is None:
        return False
    uri = data.get("uri", "")
    if uri.endswith(_IMAGE_URIS):
        return True
    return uri.endswith(_GROUP_URI) and data.find(f".//{PIC_PIC}") is not None


def _drawing_image(frame) -> Image:
    properties = frame.find(WP_DOCPR)
    if properties is None:
        return Image(alt=None, floating=frame.tag == WP_ANCHOR)
    decorative = properties.find(A_DECORATIVE)
    return Image(alt=(properties.get("descr") or "").strip() or None,
                 title=(properties.get("title") or "").strip() or None,
                 floating=frame.tag == WP_ANCHOR,
                 decorative=decorative is not None and _on_attribute(decorative))


def _on_attribute(element) -> bool:
    return element.get("val", "1").lower() in ("1", "true", "on")


def _section_types(body) -> list[str]:
    """How each section starts (nextPage, continuous...), in document order."""
    return [_val(section, W_TYPE) or "nextPage" for section in body.iter(W_SECTPR)
            if section.getparent().tag != W_SECTPRCHANGE]


# ---------------------------------------------------------------- other parts

def _read_notes(package: Package, rels: dict[str, _Rel], context: _Context, kind: str,
                tag: str, part: str) -> list[Block]:
    """Footnotes or endnotes as one block each, in note order."""
    name = _target(rels, kind)
    root = package.xml(name) if name else None
    if root is None:
        return []
    story = _Story(context, _relationships(package, name), part)
    number = 0
    for note in root.iter(tag):
        if note.get(W_TYPE) in _NOTE_SEPARATORS:
            continue
        number += 1
        text = story.read_note(note)
        if text:
            block = Block(kind=PARAGRAPH, text=text, part=part, location=f"{part} {number}")
            story.blocks.append(block)
            context.notes.append((block, (part, note.get(W_ID, ""))))
    return story.blocks


def _read_headers_footers(package: Package, rels: dict[str, _Rel], context: _Context) -> list[Block]:
    blocks: list[Block] = []
    for kind, part in (("header", HEADER), ("footer", FOOTER)):
        for name in _targets(rels, kind):
            root = package.xml(name)
            if root is not None:
                story = _Story(context, _relationships(package, name), part)
                story.read_blocks(root)
                for block in story.blocks:
                    block.furniture = (PAGE_NUMBER if is_page_number(block.text)
                                       else RUNNING_HEADER if part == HEADER else RUNNING_FOOTER)
                blocks.extend(story.blocks)
    return blocks


def _read_comments(package: Package, rels: dict[str, _Rel], context: _Context) -> list[Comment]:
    name = _target(rels, "comments")
    root = package.xml(name) if name else None
    if root is None:
        return []
    resolved = _resolved_paragraphs(package, rels)
    comments = []
    for node in root.iter(W_COMMENT):
        paragraphs = node.findall(f".//{W_P}")
        span = context.comment_spans.get(node.get(W_ID, ""))
        comment = Comment(
            author=node.get(W_AUTHOR) or "", text=_plain_text(node), date=node.get(W_DATE),
            anchor=span.capture.text() if span is not None and span.capture is not None else "",
            resolved=bool(paragraphs) and paragraphs[-1].get(W14_PARAID) in resolved)
        if span is not None and span.story is not None:
            context.place_later(comment, span.story, span.index)
        comments.append(comment)
    return comments


def _resolved_paragraphs(package: Package, rels: dict[str, _Rel]) -> set[str]:
    """paraIds of the last paragraphs of comments marked done (commentsExtended.xml)."""
    name = _target(rels, "commentsExtended")
    root = package.xml(name) if name else None
    if root is None:
        return set()
    return {node.get(f"{{{W15}}}paraId") for node in root.iter(f"{{{W15}}}commentEx")
            if node.get(f"{{{W15}}}done") in ("1", "true")}


def _metadata(package: Package, styles: StyleSheet) -> Metadata:
    package_rels = _relationships(package, "")
    metadata = Metadata(language=styles.language())
    core_part = _target(package_rels, "core-properties")
    core = package.xml(core_part) if core_part else None
    if core is not None and core.tag == f"{{{CP}}}coreProperties":
        metadata.title = core.findtext(f"{{{DC}}}title") or None
        metadata.author = core.findtext(f"{{{DC}}}creator") or None
        metadata.last_modified_by = core.findtext(f"{{{CP}}}lastModifiedBy") or None
        metadata.language = core.findtext(f"{{{DC}}}language") or metadata.language
        metadata.created = _w3cdtf(core.findtext(f"{{{DCTERMS}}}created"))
        metadata.modified = _w3cdtf(core.findtext(f"{{{DCTERMS}}}modified"))
    name = _target(package_rels, "extended-properties")
    app = package.xml(name) if name else None
    if app is not None:
        metadata.company = (app.findtext(f"{{{EXTENDED}}}Company") or "").strip() or None
        metadata.application = (app.findtext(f"{{{EXTENDED}}}Application") or "").strip() or None
    return metadata


def _w3cdtf(text: str | None) -> str | None:
    """A date in the document properties ("2024-04-16T10:14:55Z", "2024-04") as ISO 8601 in UTC.

    Read as python-docx reads it, with ``strptime`` and its formats (seconds
    at most, an offset only as "+hh:mm"), but matched here with the same
    patterns ``strptime`` uses: importing it costs more than reading the file.
    None when empty or not a date.
    """
    if not text:
        return None
    found = _W3CDTF.match(text[:19])
    if found is None or found.end() != len(text[:19]):
        return None
    year, month, day, *clock = found.groups()
    offset = text[19:]
    try:
        moment = datetime(int(year), int(month or 1), int(day or 1), *(int(part or 0) for part in clock))
    except ValueError:
        return None
    if len(offset) == 6:
        match = _UTC_OFFSET.match(offset)
        if match is None:
            return None
        sign, hours, minutes = match.groups()
        ahead = timedelta(hours=int(hours), minutes=int(minutes))
        moment = moment - ahead if sign == "+" else moment + ahead
    return moment.replace(tzinfo=timezone.utc).isoformat()


def _number_lines(blocks: list[Block]) -> None:
    for number, block in enumerate(blocks, start=1):
        block.line = number


# ---------------------------------------------------------------- pages

def _assign_pages(document: Document, main: _Story, path: Path, options,
                  geometry: PageGeometry) -> None:
    """Set the page count, its method, and each body block's page, as options.pages asks."""
    mode = options.pages
    if mode == "auto" and main.has_rendered_breaks:
        document.pages = _pages_from_breaks(main.blocks, main.events)
        document.pages_method = "rendered-breaks"
        return
    if mode in ("auto", "layout"):
        from . import convert  # here: subprocess and tempfile take longer to import than a short plan to read

        if convert.soffice_path() is None:
            if mode == "layout":
                document.notes.append("pages are estimated: LibreOffice is not installed, so the "
                                      f"layout could not be rendered; {convert.INSTALL_HINT}")
        else:
            try:
                page_texts = convert.layout_page_texts(path, options)
            except ReadError as error:  # LibreOffice failed on the file: the estimate stands
                document.notes.append(f"pages are estimated: LibreOffice could not lay the "
                                      f"document out ({error})")
            except Exception:  # a fault in plancheck or pdfminer: the estimate stands, and the note says why
                document.notes.append("pages are estimated: laying the document out failed because of an "
                                      "internal error; please report it, with the file if you can")
            else:
                _match_layout(main.blocks, page_texts)
                document.pages = max(len(page_texts), 1)
                document.pages_method = "layout"
                return
    forced = {index for index, hard in main.events if hard}
    document.pages = max(estimate_pages(main.blocks, geometry, forced), 1)
    document.pages_method = "estimate"


def _pages_from_breaks(blocks: list[Block], events: list[tuple[int, bool]]) -> int:
    """Pages from the breaks Word saved (rendered and hard); returns the page count."""
    breaks = Counter(index for index, _ in events)
    page = 1
    for index, block in enumerate(blocks):
        page += breaks.get(index, 0)
        block.page, block.page_exact = page, True
    return page + sum(count for index, count in breaks.items() if index >= len(blocks))


def _squash(text: str) -> str:
    """Text reduced for matching against a rendering: no whitespace, ligatures split."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _match_layout(blocks: list[Block], page_texts: list[str]) -> None:
    """Give blocks the rendered page their text is found on, reading forward."""
    pages = [_squash(text) for text in page_texts]
    starts, offset = [], 0
    for text in pages:
        starts.append(offset)
        offset += len(text)
    rendered = "".join(pages)
    cursor, page = 0, 1
    for block in blocks:
        found, end = _find_block(rendered, block, cursor)
        if found < 0:
            block.page, block.page_exact = page, False
            continue
        block.page, block.page_exact = bisect_right(starts, found), True
        # Text boxes float: where they render says nothing of the flow around them.
        if block.part == BODY:
            cursor, page = end, block.page


def _find_block(rendered: str, block: Block, cursor: int) -> tuple[int, int]:
    """(start, end) of ``block`` in the rendering at or after ``cursor``, or (-1, -1).

    The start is found from the block's first characters; the end from its
    last ones, so that the next search begins after the block even when its
    text repeats itself.
    """
    if block.kind == TABLE and block.table is not None:
        squashed = _squash(next((cell for row in block.table.rows for cell in row if cell.strip()), ""))
    else:
        squashed = _squash(block.text)
    for probe in (squashed[:PROBE_CHARS], squashed[:SHORT_PROBE_CHARS]):
        found = rendered.find(probe, cursor, cursor + MATCH_WINDOW) if probe else -1
        if found >= 0:
            break
    else:
        return -1, -1
    tail = squashed[-SHORT_PROBE_CHARS:]
    # Rendering adds list numbers and note marks, so allow a little slack.
    limit = found + len(squashed) + len(squashed) // 10 + SHORT_PROBE_CHARS
    last = rendered.rfind(tail, found, limit)
    return found, (last + len(tail) if last >= 0 else found + len(probe))


def _page_geometry(body, styles: StyleSheet) -> PageGeometry:
    """The page and body text of the document's last section, in points."""
    font_size = styles.font_size()
    line = _int(styles.spacing("line"))
    rule = styles.spacing("lineRule") or "auto"
    if line is None:
        line_spacing = 1.0
    elif rule == "auto":
        line_spacing = line / 240
    else:  # exact or at-least: a height in twentieths of a point
        line_spacing = (line / 20) / (font_size * 1.2)
    space = sum(_int(styles.spacing(name)) or 0 for name in ("before", "after")) / 20
    geometry = PageGeometry(font_size=font_size, line_spacing=line_spacing, paragraph_space=space)
    section = body.find(W_SECTPR)
    if section is None:
        return geometry
    for tag, attribute, name in ((W_PGSZ, "w", "width"), (W_PGSZ, "h", "height"),
                                 (W_PGMAR, "top", "margin_top"), (W_PGMAR, "bottom", "margin_bottom"),
                                 (W_PGMAR, "left", "margin_left"), (W_PGMAR, "right", "margin_right")):
        element = section.find(tag)
        twips = _int(element.get(_w(attribute))) if element is not None else None
        if twips is not None:
            # A negative top or bottom margin is a fixed one; its size is what matters.
            setattr(geometry, name, abs(twips) / 20)
    return geometry
