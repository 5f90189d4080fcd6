"""PDF reader: text, headings, lists, links, images and metadata, with pdfminer.six.

A PDF has no paragraphs or headings of its own, only characters placed on
pages. pdfminer's layout analysis groups the characters into lines and text
boxes; this module turns those into blocks:

* a line is a heading when it is short, has no final full stop, and is set
  notably larger than the body text or in bold at body size; heading levels
  rank the distinct heading sizes, largest first;
* a line that starts with a bullet or a number marker is a list item (a
  bullet drawn apart from its text, as Word and LibreOffice do, is first
  joined to the text beside it);
* the other lines of a text box form paragraphs;
* short text repeated in the top or bottom margin of the pages (running
  headers, page numbers) goes to ``headers_footers``, flagged as furniture;
* cells standing side by side in rows and columns (ruled or not) are rebuilt
  as one table, row by row, so a row's label and value stay together;
* a contents line ("Barriers and our asks ........ 4") is flagged as contents;
* a small raised number in a line is a note reference when a note with that
  number starts at the foot of the same page: the note is attached to the
  citing block and kept as a footnote block after the body.

Links come from link annotations, with the text found inside the link's
rectangle; images from the image XObjects drawn, with the alternative text of
the matching ``/Figure`` structure element when the PDF is tagged.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (LAParams, LTChar, LTCurve, LTFigure, LTPage, LTTextBox, LTTextGroup,
                             LTTextLine)
from pdfminer.pdfdocument import (PDFDocument, PDFEncryptionError, PDFNoValidXRef,
                                  PDFPasswordIncorrect)
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psexceptions import PSEOF, PSException, PSSyntaxError
from pdfminer.psparser import PSLiteral
from pdfminer.utils import apply_matrix_pt, decode_text, mult_matrix

from ..document import (CONTENTS, FOOTER, FOOTNOTE, HEADER, HEADING, LIST_ITEM, PAGE_NUMBER, PARAGRAPH,
                        RUNNING_FOOTER, RUNNING_HEADER, TABLE, Block, Document, Image, Link, Metadata,
                        Table, assign_sections, count_words)
from ..errors import ReadError, one_line
from . import raised_in
from .furniture import (attach_plain_notes, contents_entry, ends_with_page_number, is_page_number, is_placeholder,
                        mark_contents_titles, numbered_title)
from .pdf_content import Interpreter

# pdfminer logs every oddity it meets at WARNING; without a handler of its own
# Python would print them to stderr, where only plancheck's one-line errors belong.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

MAX_PAGES = 2000
# pdfminer orders a page's text boxes by grouping them pair by pair, which is
# quadratic; pages with more boxes than this are ordered by position instead.
MAX_GROUPED_BOXES = 300
# Structure trees and name trees are walked with a budget so a hostile file stays linear.
MAX_TREE_NODES = 200_000

HEADING_SIZE_RATIO = 1.15
MAX_HEADING_WORDS = 15
# A page with fewer text characters than this has no usable text layer.
MIN_PAGE_CHARS = 10
# The share of the page height at the top and bottom where running headers and footers sit.
MARGIN_ZONE = 0.1

# Points within which two lines count as sitting on the same baseline.
ROW_TOLERANCE = 2.0
# Tables: the least gap (points) between cells side by side, the most words a
# cell line has before a row of them reads as columns of prose, and the most
# thickness of a drawn line that counts as a ruling line.
MIN_CELL_GAP = 6.0
PROSE_WORDS = 7
RULE_THICKNESS = 2.0
# A page drawn with more ruling lines than this (a chart, a form) is not searched for ruled tables.
MAX_RULES = 2000
# A note reference is a digit set at most this share of the line's size, raised off its baseline.
SUPERSCRIPT_RATIO = 0.8
_NOTE_OPEN, _NOTE_CLOSE = "\ue001", "\ue002"
_NOTE_MARK = re.compile(rf"{_NOTE_OPEN}(\d{{1,3}}){_NOTE_CLOSE}")
_NOTE_START = re.compile(rf"^{_NOTE_OPEN}?(\d{{1,3}}){_NOTE_CLOSE}?\s*(\S.*)$", re.DOTALL)
_BOLD_FONT = re.compile(r"bold|black|heavy", re.IGNORECASE)
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_CID = re.compile(r"\(cid:\d+\)")
# Symbol fonts (Symbol, Wingdings, OpenSymbol) put their bullets in the Private Use Area.
_PRIVATE_USE = re.compile("[\uf000-\uf0ff]")
_BULLETS = "•●▪■◦○‣⁃∙·▸►➢✓✔"
_MARKER_ONLY = re.compile(rf"^(?:[{_BULLETS}\-–—*o]|\(?\d{{1,3}}[.)]|\(?[a-zA-Z][.)])$")
_BULLET_START = re.compile(rf"^(?:[{_BULLETS}]\s*|[-–—*]\s+)")
_NUMBER_START = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z]\))\s+")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?$", re.IGNORECASE)
_LINE_HYPHEN = "\x00"
_HYPHEN_JOIN = re.compile(rf"([^\W\d_]+)-{_LINE_HYPHEN}([^\W\d_]+)")
# A table cell's line break after a line of one word: a space, or a word broken with no hyphen.
_LINE_BREAK = "\x01"
_BREAK_JOIN = re.compile(rf"([^\W\d_]+){_LINE_BREAK}([^\W\d_]+)")
_ONE_WORD = re.compile(r"[^\W\d_]{2,}")
# The most letters of a word broken in a cell that are taken for its end with no other sign of it.
_BROKEN_TAIL = 3
# How close, in ems, a line of one word must come to filling its column to be a word broken there.
_FILLED_CELL = 0.5
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_TEXT_FIXES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u00ad": "",
                             "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                             "\ufb04": "ffl"})
# pdfminer's own exceptions (PDFException derives from PSException) mean a damaged file. Anything
# else raised inside pdfminer is the library failing on the file; raised in plancheck, it is a bug.
_DAMAGE = PSException
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:([Z+-])(\d\d)?'?(\d\d)?)?")


def read(path: Path, options, fmt: str) -> Document:
    """Read a PDF into a Document, or raise ReadError saying why it cannot be read."""
    with path.open("rb") as handle, warnings.catch_warnings():
        # pdfminer warns (on stderr) about permissions and repaired cross-references.
        warnings.simplefilter("ignore")
        pdf = _open(handle)
        return _Reader(pdf, _list_pages(pdf)).read(str(path), fmt)


def _open(handle) -> PDFDocument:
    """Parse the file's cross-reference table, trailer and encryption dictionary."""
    try:
        return PDFDocument(PDFParser(handle), password="")
    except PDFPasswordIncorrect:
        raise ReadError("is encrypted and needs a password to open; save an unprotected copy") from None
    except PDFEncryptionError as error:
        raise ReadError(f"is encrypted in a way plancheck cannot open ({_first_line(error)}); "
                        "save an unprotected copy") from None
    except _DAMAGE as error:
        raise _damaged(_cause(error)) from None
    except Exception as error:
        if raised_in(error, "pdfminer") and not isinstance(error, MemoryError):
            raise _not_parsed() from None
        raise


def _list_pages(pdf: PDFDocument) -> list[PDFPage]:
    """The document's pages in order, refusing files too long to check."""
    pages: list[PDFPage] = []
    try:
        for page in PDFPage.create_pages(pdf):
            pages.append(page)
            if len(pages) > MAX_PAGES:
                raise ReadError(f"is too long to check (more than {MAX_PAGES} pages)")
    except _DAMAGE as error:
        raise _damaged(_cause(error)) from None
    except Exception as error:
        if raised_in(error, "pdfminer") and not isinstance(error, MemoryError):
            raise _not_parsed() from None
        raise
    if not pages:
        raise ReadError("has no pages")
    return pages


def _not_parsed() -> ReadError:
    return ReadError("could not be read by pdfminer.six, the PDF library plancheck uses: it may be damaged "
                     "(export it again from the original document), or, if other PDF readers open it, "
                     "please report it")


def _damaged(cause: str) -> ReadError:
    return ReadError(f"is damaged or truncated: {cause}; export it again from the original document")


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:100]


def _cause(error: Exception) -> str:
    """Say in plain words what pdfminer found wrong with the file's structure."""
    if "No /Root object" in str(error):
        return "its document catalog is missing"
    if isinstance(error, PSEOF):
        return "the file ends unexpectedly"
    if isinstance(error, PDFNoValidXRef):
        return "its table of objects is missing"
    if isinstance(error, PSSyntaxError):
        return "some of its objects are malformed"
    return f"its structure is malformed ({one_line(_first_line(error), 120)})"


@dataclass
class _Line:
    """One line of text as laid out on a page, with the font facts headings are judged by."""

    text: str
    size: float
    bold: bool
    bbox: tuple[float, float, float, float]
    box: int
    marker: str | None = None  # a list marker drawn apart and joined to the line: "•" or "1."


@dataclass
class _Piece:
    """A block under construction, with where it sits on its page."""

    block: Block
    bbox: tuple[float, float, float, float]
    size: float = 0.0  # font size, which ranks headings and keeps captions out of paragraphs
    indent: float = 0.0  # left edge of a list item's marker, right of which its lines wrap


@dataclass
class _Drawn:
    """An image drawn on a page, with the marked content it was drawn in."""

    image: Image
    bbox: tuple[float, float, float, float]
    key: tuple[object, int] | None
    artifact: bool


@dataclass
class _Figure:
    """A /Figure structure element: its alternative text and the content it marks."""

    alt: str | None
    keys: list[tuple[object, int]] = field(default_factory=list)


@dataclass
class _Page:
    """What one page yielded: lines of text, images drawn, link annotations."""

    number: int
    height: float
    lines: list[_Line] = field(default_factory=list)
    images: list[_Drawn] = field(default_factory=list)
    links: list[tuple[tuple[float, float], Link]] = field(default_factory=list)
    pieces: list[_Piece] = field(default_factory=list)
    margins: list[_Piece] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    notes: list[_Piece] = field(default_factory=list)
    citing: list[Block] = field(default_factory=list)  # the block citing each of ``notes``


class _LinearGrouping:
    """Layout container that stops pdfminer's quadratic box grouping on crowded pages."""

    def group_textboxes(self, laparams, boxes):
        if len(boxes) <= MAX_GROUPED_BOXES:
            return super().group_textboxes(laparams, boxes)
        return [_RowOrder(boxes)]


class _RowOrder(LTTextGroup):
    """Text boxes in plain top-to-bottom, left-to-right order."""

    def analyze(self, laparams) -> None:
        super().analyze(laparams)
        self._objs.sort(key=lambda box: (-round(box.y1), box.x0))


class _PageLayout(_LinearGrouping, LTPage):
    pass


class _FigureLayout(_LinearGrouping, LTFigure):
    pass


class _Device(PDFPageAggregator):
    """Layout aggregator that also notes each image drawn and the marked content around it.

    The marked-content identifier (MCID) of an image is what ties it to its
    ``/Figure`` element in a tagged PDF; an image inside ``/Artifact`` marked
    content is meant to be decorative (see :func:`_match_figures`).
    """

    def __init__(self, resources: PDFResourceManager, laparams: LAParams) -> None:
        super().__init__(resources, laparams=laparams)
        self.page_ctm = (1, 0, 0, 1, 0, 0)
        self.images: list[tuple[tuple[float, float, float, float], int | None, bool]] = []
        self._tags: list[tuple[str, int | None]] = []

    def begin_page(self, page, ctm) -> None:
        super().begin_page(page, ctm)
        self.cur_item = _PageLayout(self.cur_item.pageid, self.cur_item.bbox)
        self.page_ctm = ctm
        self._stack = []  # left over if the previous page failed part-way
        self.images = []
        self._tags = []

    def begin_figure(self, name, bbox, matrix) -> None:
        # As pdfminer's own begin_figure, but with a figure that groups its boxes linearly.
        self._stack.append(self.cur_item)
        self.cur_item = _FigureLayout(name, bbox, mult_matrix(matrix, self.ctm))

    def begin_tag(self, tag, props=None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self._tags.append((_name(tag), mcid if isinstance(mcid, int) else None))

    def end_tag(self) -> None:
        if self._tags:
            self._tags.pop()

    def render_image(self, name, stream) -> None:
        super().render_image(name, stream)
        mcid = next((m for _, m in reversed(self._tags) if m is not None), None)
        artifact = any(tag == "Artifact" for tag, _ in self._tags)
        self.images.append((self.cur_item.bbox, mcid, artifact))


class _Reader:
    """Reads one opened PDF: page by page first, then decides what each line is."""

    def __init__(self, pdf: PDFDocument, pdf_pages: list[PDFPage]) -> None:
        self.pdf = pdf
        self.pdf_pages = pdf_pages
        self.page_numbers = {page.pageid: number for number, page in enumerate(pdf_pages, 1)}
        self.sizes: Counter[float] = Counter()
        self.cid_chars = 0
        self.notes: list[str] = []
        self._bold_fonts: dict[str, bool] = {}
        self._elements: dict[int, LTTextLine] = {}  # the current page's lines, for splitting at rules

    def read(self, path: str, fmt: str) -> Document:
        document = Document(path=path, format=fmt, pages=len(self.pdf_pages), pages_method="pdf")
        # Metadata, tagging, destinations and figures are extras: damage there costs only them.
        document.metadata = self._best_effort(self._metadata, Metadata(), "its properties (title, language)")
        document.tagged = self._best_effort(self._tagged, None, "whether it is tagged")
        document.bookmarks = self._best_effort(self._named_destinations, set(), "its named destinations")

        pages = self._read_pages()
        if document.tagged:
            _match_figures([image for page in pages for image in page.images],
                           self._best_effort(self._figures, [], "its figures' alternative text"))
        self._check_text(pages)
        body = self.sizes.most_common(1)[0][0]
        for page in pages:
            page.pieces = _pieces(page.lines, body, _find_tables(page))
        _split_margins(pages)
        for page, following in zip(pages, pages[1:] + [None]):
            _take_notes(page, body, following)
        _join_split_tables(pages)
        _set_heading_levels(pages)
        _mend_broken_words([piece.block for page in pages for piece in page.pieces + page.margins + page.notes])
        for page in pages:
            for index, piece in enumerate(page.pieces, 1):
                document.blocks.append(piece.block)
                piece.block.location = f"page {page.number}, block {index}"
                piece.block.line = len(document.blocks)
            for piece in page.margins:
                document.headers_footers.append(piece.block)
                piece.block.location = f"page {page.number}, {piece.block.part}"
                piece.block.line = max(1, len(document.blocks))
            for piece in page.pieces + page.margins + page.notes:
                piece.block.page, piece.block.page_exact = page.number, True
        mark_contents_titles(document.blocks)
        attach_plain_notes(document.blocks)
        assign_sections(document.blocks)
        for page in pages:
            for number, (piece, citing) in enumerate(zip(page.notes, page.citing), 1):
                piece.block.section = citing.section
                document.blocks.append(piece.block)
                piece.block.location = f"page {page.number}, footnote {number}"
                piece.block.line = len(document.blocks)
        _place(pages, document)
        document.notes.extend(self.notes)
        return document

    def _best_effort(self, read_part, default, what: str):
        """What ``read_part()`` returns; if it fails, ``default`` and a note saying what is missing."""
        try:
            return read_part()
        except MemoryError:  # the whole file is too much, not this part of it
            raise
        except Exception as error:
            if isinstance(error, _DAMAGE) or raised_in(error, "pdfminer"):
                note = f"{what} could not be read: that part of the file is damaged"
            else:
                note = (f"{what} could not be read because of an internal error in plancheck; please report "
                        "it, with the file if you can")
            if note not in self.notes:
                self.notes.append(note)
            return default

    # -- pages -------------------------------------------------------------

    def _read_pages(self) -> list[_Page]:
        resources = PDFResourceManager(caching=True)
        device = _Device(resources, LAParams(all_texts=True))
        interpreter = Interpreter(resources, device)
        pages: list[_Page] = []
        failed: list[int] = []
        for number, pdf_page in enumerate(self.pdf_pages, 1):
            try:
                interpreter.process_page(pdf_page)
            except MemoryError:  # the whole file is too much, not this page
                raise
            except Exception as error:
                # One broken page should not cost the rest of the document.
                if not isinstance(error, _DAMAGE) and not raised_in(error, "pdfminer"):
                    raise
                failed.append(number)
                first_error = _cause(error) if isinstance(error, _DAMAGE) else "the PDF library failed on it"
                continue
            layout = device.get_result()
            page = _Page(number=number, height=layout.height)
            boxes = itertools.count(1)
            self._elements = {}
            text_lines = self._collect_lines(layout, page, boxes)
            _split_at_rules(page, self._elements, boxes)
            self._elements = {}
            _attach_bullets(page.lines)
            for bbox, mcid, artifact in device.images:
                key = (pdf_page.pageid, mcid) if mcid is not None else None
                page.images.append(_Drawn(Image(alt=None, page=number), bbox, key, artifact))
            page.links = self._best_effort(lambda: self._links(pdf_page, number, device.page_ctm, text_lines),
                                           [], "some of its links")
            pages.append(page)
        if not pages:
            raise _damaged(f"no page could be read ({first_error})")
        if failed:
            self.notes.append(f"{_pages(failed)} could not be read; the text there is missing")
        return pages

    def _collect_lines(self, container, page: _Page, boxes: Iterator[int]) -> list[LTTextLine]:
        """Add the text lines of a page or figure to ``page`` in reading order.

        Returns pdfminer's own lines, whose characters link texts are read from.
        """
        text_lines: list[LTTextLine] = []
        for item in container:
            if isinstance(item, LTTextBox):
                box = next(boxes)
                for element in item:
                    if isinstance(element, LTTextLine):
                        line = self._line(element, box)
                        if line is not None:
                            page.lines.append(line)
                            text_lines.append(element)
                            self._elements[id(line)] = element
            elif isinstance(item, LTFigure):
                text_lines.extend(self._collect_lines(item, page, boxes))
            elif isinstance(item, LTCurve) and min(item.width, item.height) <= RULE_THICKNESS:
                page.rules.append(item.bbox)
        return text_lines

    def _line(self, element: LTTextLine, box: int) -> _Line | None:
        """Describe one pdfminer text line: clean text, main font size, all-bold or not."""
        sizes: Counter[float] = Counter()
        letters = bold_letters = 0
        for char in element:
            if not isinstance(char, LTChar):
                continue
            text = char.get_text()
            if text.isspace():
                continue
            if text.startswith("(cid:"):
                self.cid_chars += 1
                continue
            sizes[round(char.size * 2) / 2] += len(text)
            if text.isalpha():
                letters += 1
                bold = self._bold_fonts.get(char.fontname)
                if bold is None:
                    bold = self._bold_fonts[char.fontname] = bool(
                        _BOLD_FONT.search(_SUBSET_PREFIX.sub("", char.fontname)))
                bold_letters += bold
        if not sizes:
            return None
        size = sizes.most_common(1)[0][0]
        text = _clean(_CID.sub("", _marked_text(element, size, element.y0)))
        if not text:
            return None
        self.sizes.update(sizes)
        return _Line(text=text, size=size, bold=letters > 0 and bold_letters == letters,
                     bbox=element.bbox, box=box)

    def _check_text(self, pages: list[_Page]) -> None:
        """Refuse a PDF whose pages carry (almost) no extractable text."""
        chars = Counter()
        for page in pages:
            chars[page.number] = sum(len(line.text.replace(" ", "")) for line in page.lines)
        real = sum(chars.values())
        if self.cid_chars > real:
            raise ReadError("uses fonts that do not say which letters they draw, so its text "
                            "cannot be extracted; export it again from the original document")
        textless = [page.number for page in pages if chars[page.number] < MIN_PAGE_CHARS]
        if len(textless) >= 0.8 * len(pages):
            raise ReadError("has no text layer (it looks scanned); run OCR on it or export it "
                            "again from the original document")
        if textless:
            self.notes.append(f"{_pages(textless)} without a text layer (scanned?) could not be "
                              "checked")

    # -- links ---------------------------------------------------------------

    def _links(self, pdf_page: PDFPage, number: int, ctm, text_lines: list[LTTextLine]):
        """The page's link annotations, each with the text under its rectangle."""
        links = []
        annotations = resolve1(pdf_page.annots)
        if not isinstance(annotations, list):
            return links
        for annotation in annotations:
            annotation = resolve1(annotation)
            if not isinstance(annotation, dict) or _name(annotation.get("Subtype")) != "Link":
                continue
            target = self._link_target(annotation)
            rect = _rect(annotation.get("Rect"), ctm)
            if target is None or rect is None:
                continue
            url, internal = target
            centre = ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
            links.append((centre, Link(text=_text_in(rect, text_lines), target=url, page=number,
                                       internal=internal)))
        return links

    def _link_target(self, annotation: dict) -> tuple[str, bool] | None:
        """(target, internal) of a link annotation, or None for actions that go nowhere."""
        if "Dest" in annotation:
            return self._destination(annotation["Dest"]), True
        action = resolve1(annotation.get("A"))
        if not isinstance(action, dict):
            return None
        kind = _name(action.get("S"))
        if kind == "URI":
            uri = _text(action.get("URI"))
            return (uri, False) if uri else None
        if kind == "GoTo":
            return self._destination(action.get("D")), True
        if kind in ("GoToR", "Launch"):
            spec = resolve1(action.get("F"))
            if isinstance(spec, dict):
                spec = spec.get("UF") or spec.get("F")
            name = _text(spec)
            return (name, False) if name else None
        return None

    def _destination(self, dest) -> str:
        """"#name" for a named destination, "#page=N" for an explicit one."""
        dest = resolve1(dest)
        if isinstance(dest, dict):
            dest = resolve1(dest.get("D"))
        if isinstance(dest, (PSLiteral, bytes, str)):
            return "#" + (_name(dest) if isinstance(dest, PSLiteral) else _text(dest) or "")
        if isinstance(dest, list) and dest:
            page = dest[0]
            if isinstance(page, PDFObjRef) and page.objid in self.page_numbers:
                return f"#page={self.page_numbers[page.objid]}"
            if isinstance(page, int):
                return f"#page={page + 1}"
        return "#page=unknown"

    def _named_destinations(self) -> set[str]:
        """Names that internal links can point at, including each page as "page=N"."""
        names = {f"page={number}" for number in range(1, len(self.pdf_pages) + 1)}
        catalog = self.pdf.catalog
        old_style = resolve1(catalog.get("Dests"))
        if isinstance(old_style, dict):
            names.update(_name(key) if isinstance(key, PSLiteral) else str(key) for key in old_style)
        name_trees = resolve1(catalog.get("Names"))
        tree = name_trees.get("Dests") if isinstance(name_trees, dict) else None
        budget = MAX_TREE_NODES
        stack, seen = [tree], set()
        while stack and budget:
            budget -= 1
            node = stack.pop()
            if isinstance(node, PDFObjRef):
                if node.objid in seen:
                    continue
                seen.add(node.objid)
            node = resolve1(node)
            if not isinstance(node, dict):
                continue
            entries = resolve1(node.get("Names"))
            if isinstance(entries, list):
                names.update(_text(key) or "" for key in entries[0::2])
            kids = resolve1(node.get("Kids"))
            if isinstance(kids, list):
                stack.extend(kids)
        names.discard("")
        return names

    # -- catalog and metadata ---------------------------------------------------

    def _tagged(self) -> bool:
        mark_info = resolve1(self.pdf.catalog.get("MarkInfo"))
        marked = isinstance(mark_info, dict) and resolve1(mark_info.get("Marked")) is True
        return marked and isinstance(resolve1(self.pdf.catalog.get("StructTreeRoot")), dict)

    def _metadata(self) -> Metadata:
        info: dict = {}
        for entry in self.pdf.info:
            entry = resolve1(entry)
            if isinstance(entry, dict):
                info.update(entry)
        metadata = Metadata(
            title=_text(info.get("Title")),
            language=_text(self.pdf.catalog.get("Lang")),
            author=_text(info.get("Author")),
            application=_text(info.get("Creator")),
            producer=_text(info.get("Producer")),
            created=_date(_text(info.get("CreationDate"))),
            modified=_date(_text(info.get("ModDate"))),
        )
        if metadata.title is None or metadata.language is None:
            xmp_title, xmp_language = self._xmp()
            metadata.title = metadata.title or xmp_title
            metadata.language = metadata.language or xmp_language
        return metadata

    def _xmp(self) -> tuple[str | None, str | None]:
        """Title and language from the catalog's XMP metadata stream, best effort."""
        stream = resolve1(self.pdf.catalog.get("Metadata"))
        if not isinstance(stream, PDFStream):
            return None, None
        from lxml import etree

        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
            root = etree.fromstring(stream.get_data().strip(), parser)
        except etree.LxmlError:
            return None, None
        if root is None:
            return None, None
        dc = "{http://purl.org/dc/elements/1.1/}"
        lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
        titles = root.findall(f".//{dc}title//*{{*}}li")
        title = next((t.text for t in titles if t.get(lang_attr) == "x-default"), None) \
            or next((t.text for t in titles if t.text), None)
        language = next((li.text for li in root.findall(f".//{dc}language//*{{*}}li") if li.text),
                        None)
        return _clean(title or "") or None, _clean(language or "") or None

    def _figures(self) -> list[_Figure]:
        """The /Figure elements of the structure tree in document order, best effort."""
        root = resolve1(self.pdf.catalog.get("StructTreeRoot"))
        role_map = resolve1(root.get("RoleMap"))
        role_map = role_map if isinstance(role_map, dict) else {}
        figures: list[_Figure] = []
        # (node, id of the page it is on, the figure it belongs to)
        stack: list[tuple[object, object, _Figure | None]] = [(root.get("K"), None, None)]
        seen: set[int] = set()
        budget = MAX_TREE_NODES
        while stack and budget:
            budget -= 1
            node, page, figure = stack.pop()
            if isinstance(node, PDFObjRef):
                if node.objid in seen:
                    continue
                seen.add(node.objid)
                node = resolve1(node)
            if isinstance(node, int):
                if figure is not None and page is not None:
                    figure.keys.append((page, node))
            elif isinstance(node, list):
                stack.extend((child, page, figure) for child in reversed(node))
            elif isinstance(node, dict):
                pg = node.get("Pg")
                page = pg.objid if isinstance(pg, PDFObjRef) else page
                if "MCID" in node:  # a marked-content reference, possibly on another page
                    stack.append((resolve1(node.get("MCID")), page, figure))
                    continue
                role = _name(node.get("S"))
                if role != "Figure":
                    role = _name(role_map.get(role)) or role
                if role == "Figure" and figure is None:
                    figure = _Figure(alt=_text(node.get("Alt")))
                    figures.append(figure)
                stack.append((node.get("K"), page, figure))
        return figures


# -- from lines to blocks ---------------------------------------------------------


def _attach_bullets(lines: list[_Line]) -> None:
    """Join a bullet or number drawn on its own to the line of text to its right.

    pdfminer often puts list markers in one text box and the item texts in
    another (or some in each), which would scramble the list's order. Boxes
    joined by a marker are therefore merged, at the place of the earlier one,
    and their lines put in top-to-bottom order.
    """
    markers = [line for line in lines if _MARKER_ONLY.match(line.text)]
    if not markers:
        return
    # Index the other lines by vertical band so each marker looks at its neighbours only.
    bands: dict[int, list[_Line]] = {}
    for line in lines:
        if not _MARKER_ONLY.match(line.text):
            bands.setdefault(int((line.bbox[1] + line.bbox[3]) / 2 // 8), []).append(line)
    absorbed: set[int] = set()
    merged_into: dict[int, int] = {}

    def root(box: int) -> int:
        while box in merged_into:
            box = merged_into[box]
        return box

    for marker in markers:
        x0, y0, x1, y1 = marker.bbox
        band = int((y0 + y1) / 2 // 8)
        best, gap = None, 72.0
        for line in bands.get(band - 1, []) + bands.get(band, []) + bands.get(band + 1, []):
            overlap = min(y1, line.bbox[3]) - max(y0, line.bbox[1])
            distance = line.bbox[0] - x1
            if overlap > 0.5 * min(y1 - y0, line.bbox[3] - line.bbox[1]) and -1 <= distance < gap:
                best, gap = line, distance
        if best is None or best.marker:
            continue
        # One character is a bullet of some shape; longer markers are numbers ("1.", "(a)").
        symbol = marker.text if len(marker.text) > 1 else "•"
        best.text = f"{symbol} {best.text}"
        best.marker = symbol
        best.bbox = (min(x0, best.bbox[0]),) + best.bbox[1:]
        absorbed.add(id(marker))
        first, second = sorted((root(marker.box), root(best.box)))
        if first != second:
            merged_into[second] = first  # box numbers follow reading order
    boxes: dict[int, list[_Line]] = {}
    for line in lines:
        if id(line) not in absorbed:
            line.box = root(line.box)
            boxes.setdefault(line.box, []).append(line)
    for box in set(merged_into.values()):
        if box not in merged_into:
            boxes[box].sort(key=lambda line: (-(line.bbox[1] + line.bbox[3]) / 2, line.bbox[0]))
    lines[:] = [line for box in boxes.values() for line in box]


def _pieces(lines: list[_Line], body: float, tables: list[_Piece] | None = None) -> list[_Piece]:
    """Turn a page's lines into headings, list items, paragraphs and tables, box by box.

    A table takes the place of the first of its lines in reading order.
    """
    pieces: list[_Piece] = []
    in_rows = _table_row_lines(lines)
    table_of = {id(line): table for table in tables or [] for line in table.lines}
    placed: set[int] = set()
    start = 0
    while start < len(lines):
        table = table_of.get(id(lines[start]))
        if table is not None:
            if id(table) not in placed:
                placed.add(id(table))
                pieces.append(table)
            start += 1
            continue
        end = start
        while (end < len(lines) and lines[end].box == lines[start].box
               and id(lines[end]) not in table_of):
            end += 1
        pieces.extend(_box_pieces(lines[start:end], body, in_rows))
        start = end
    return _join_hanging_lines(_above_tables_first(pieces))


def _above_tables_first(pieces: list[_Piece]) -> list[_Piece]:
    """A piece set wholly above a table, over the same columns, comes before it, whatever order layout
    analysis gave their lines: a heading of two lines over a table is read before the table."""
    ordered = list(pieces)
    for table in [piece for piece in pieces if isinstance(piece, _TablePiece)]:
        at = ordered.index(table)
        above = [piece for piece in ordered[at + 1:] if piece.bbox[1] >= table.bbox[3] - 1
                 and piece.bbox[0] < table.bbox[2] and piece.bbox[2] > table.bbox[0]]
        if above:
            rest = [piece for piece in ordered[at:] if piece not in above]
            ordered = ordered[:at] + above + rest
    return ordered


def _join_hanging_lines(pieces: list[_Piece]) -> list[_Piece]:
    """A list item's wrapped line that layout analysis put in a box of its own joins its item.

    "5. Legacy housing system. Government support for common data" over "software would lower
    the cost…", hanging right of the marker just below it, is one item, as in the Word file.
    """
    joined: list[_Piece] = []
    for piece in pieces:
        item = joined[-1] if joined else None
        if (item is not None and item.block.kind == LIST_ITEM and piece.block.kind == PARAGRAPH
                and not piece.block.furniture and piece.block.text[:1].islower()
                and abs(piece.size - item.size) <= 1 and piece.bbox[0] > item.indent + 1
                and 0 <= item.bbox[1] - piece.bbox[3] < max(item.size, 1.0)):
            item.block.text = _join([item.block.text, piece.block.text])
            item.bbox = _union([item, piece])
            continue
        joined.append(piece)
    return joined


# -- tables -------------------------------------------------------------------------


@dataclass
class _TablePiece(_Piece):
    lines: list[_Line] = field(default_factory=list)
    columns: list[tuple[float, float]] = field(default_factory=list)


def _split_at_rules(page: _Page, elements: dict[int, LTTextLine], boxes: Iterator[int]) -> None:
    """Cut lines that cross a vertical ruling line: text either side of a drawn cell border is
    two cells, however close the layout analysis set them."""
    vertical = [rule for rule in page.rules if rule[3] - rule[1] > rule[2] - rule[0]]
    if not vertical or len(vertical) > MAX_RULES:
        return
    split: list[_Line] = []
    for line in page.lines:
        x0, y0, x1, y1 = line.bbox
        cuts = sorted({rule[0] for rule in vertical if x0 + 1 < rule[0] < x1 - 1
                       and rule[1] < (y0 + y1) / 2 < rule[3]})
        element = elements.get(id(line))
        if not cuts or element is None:
            split.append(line)
            continue
        groups: list[list] = [[] for _ in range(len(cuts) + 1)]
        place = 0
        for item in element:
            if isinstance(item, LTChar):
                place = bisect.bisect_left(cuts, (item.x0 + item.x1) / 2)
            groups[place].append(item)
        for group in groups:
            chars = [item for item in group if isinstance(item, LTChar)]
            text = _clean(_CID.sub("", _marked_text(group, line.size, element.y0)))
            if text and chars:
                split.append(_Line(text=text, size=line.size, bold=line.bold, box=next(boxes),
                                   bbox=(min(c.x0 for c in chars), y0, max(c.x1 for c in chars), y1)))
    page.lines[:] = split


def _find_tables(page: _Page) -> list[_TablePiece]:
    """Tables on a page: runs of rows whose cells stand side by side in columns.

    A row of cells is two or more lines sharing a baseline, from different text
    boxes, with a clear gap between them, that are not all lines of prose (two
    columns of running text also share baselines). Lines between such rows that
    fall inside one column (a cell that wraps, or a row with empty cells) belong
    to the table too. Ruling lines, where drawn, say where rows and columns end.
    """
    zone = page.height * MARGIN_ZONE
    lines = [line for line in page.lines if line.bbox[1] < page.height - zone and line.bbox[3] > zone]
    rows = _rows(lines)
    flags = [_is_cell_row(row) for row in rows]
    tables: list[_TablePiece] = []
    index = 0
    while index < len(rows):
        if not flags[index]:
            index += 1
            continue
        end = index + 1
        columns = _columns_of(rows[index:end])
        box = _box_of(rows[index], page.rules)

        def in_box(row) -> bool:
            return box is None or all(box[1] - 1 <= (line.bbox[1] + line.bbox[3]) / 2 <= box[3] + 1 for line in row)

        while end < len(rows):
            if not in_box(rows[end]):
                # A table drawn in a box of rules ends at its box: the next table, or a line between
                # two ("Sign-off route" over a table of stages), is none of it.
                break
            if flags[end]:
                columns = _columns_of(rows[end:end + 1], columns)
                end += 1
                continue
            # Rows of one cell stay in the table only when a row of cells follows them.
            # A heading between two tables, set larger than their cells, is not a row of either.
            cell_size = max(line.size for row in rows[index:end] for line in row)
            ahead = end
            while (ahead < len(rows) and not flags[ahead] and _inside_columns(rows[ahead], columns)
                   and max(line.size for line in rows[ahead]) <= cell_size + 0.5 and in_box(rows[ahead])):
                ahead += 1
            if ahead < len(rows) and flags[ahead] and ahead > end:
                end = ahead
            else:
                break
        start = index
        area = None
        if page.rules and len(page.rules) <= MAX_RULES:
            # Inside a ruled table every line is a cell: a heading row spanning the columns too.
            area = _ruled_area(_union([line for row in rows[index:end] for line in row]), page.rules)
            while start > 0 and all(_within(line.bbox, area) for line in rows[start - 1]):
                start -= 1
            while end < len(rows) and all(_within(line.bbox, area) for line in rows[end]):
                end += 1
        # The last cell may wrap onto lines of its own below the last row (a page's number set just
        # below it, "Page 6 of 6", is no part of it; nor, in a ruled table, a line below its rules: a
        # bold "Notes to the table" set close under it).
        while (end < len(rows) and not flags[end] and _inside_columns(rows[end], columns)
               and (area is None or all(_within(line.bbox, area) for line in rows[end]))
               and not all(is_page_number(line.text) or ends_with_page_number(line.text) for line in rows[end])
               and min(line.bbox[1] for line in rows[end - 1]) - max(line.bbox[3] for line in rows[end])
               < 0.5 * max(line.size for line in rows[end])):
            end += 1
        for run in _runs_by_column_rules(rows[start:end], page.rules):
            table = _build_table(run, page.rules)
            if table is not None:
                tables.append(table)
        index = end
    return tables


def _runs_by_column_rules(rows: list[list[_Line]], rules) -> list[list[list[_Line]]]:
    """Rows cut where the rules between their columns move: two tables set with nothing between them
    ("Document control | " over a version history) are drawn as one box of rules, each with its own
    column borders. A row crossed by no inner rule (a title spanning the columns) goes with either."""
    if not rules or len(rules) > MAX_RULES or len(rows) < 2:
        return [rows]
    lines = [line for row in rows for line in row]
    x0, _, x1, _ = _union(lines)
    vertical = [r for r in rules if r[3] - r[1] > r[2] - r[0] and x0 + 1 < r[0] < x1 - 1]

    def borders(row) -> list[float]:
        centre = sum((line.bbox[1] + line.bbox[3]) / 2 for line in row) / len(row)
        return sorted({round(r[0], 1) for r in vertical if r[1] < centre < r[3]})

    def moved(these: list[float], those: list[float]) -> bool:
        # (A border drawn cell by cell may stand a fraction of a point off the one above.)
        near = lambda x, xs: any(abs(x - y) <= 2 for y in xs)  # noqa: E731
        return not (all(near(x, those) for x in these) and all(near(x, these) for x in those))

    runs = [[rows[0]]]
    current = borders(rows[0])
    for row in rows[1:]:
        these = borders(row)
        if current and these and moved(these, current):
            runs.append([])
        current = these or current
        runs[-1].append(row)
    return runs


def _box_of(row: list[_Line], rules) -> tuple[float, float, float, float] | None:
    """The box of rules a table's first row stands in, where column rules run down from it past the rows
    below (rules drawn only under rows enclose none); None for a table not drawn in a box. Only its top
    and bottom are known: the rules it is grown from are those within the text's width."""
    if not rules or len(rules) > MAX_RULES:
        return None
    bbox = _union(row)
    area = _ruled_area(bbox, rules)
    return area if area[1] < bbox[1] - 2 * (bbox[3] - bbox[1]) else None


def _ruled_area(bbox, rules) -> tuple[float, float, float, float]:
    """The area of the ruling lines that touch ``bbox`` and each other, as wide as the table."""
    x0, y0, x1, y1 = bbox
    left, right = x0 - 12, x1 + 12
    candidates = [rule for rule in rules if rule[0] >= left - 24 and rule[2] <= right + 24]
    grown = True
    while grown:
        grown = False
        rest = []
        for rule in candidates:
            if rule[0] <= x1 + 3 and rule[2] >= x0 - 3 and rule[1] <= y1 + 3 and rule[3] >= y0 - 3:
                x0, y0, x1, y1 = min(x0, rule[0]), min(y0, rule[1]), max(x1, rule[2]), max(y1, rule[3])
                grown = True
            else:
                rest.append(rule)
        candidates = rest
    return x0, y0, x1, y1


def _within(bbox, area) -> bool:
    return (area[0] - 1 <= bbox[0] and bbox[2] <= area[2] + 1
            and area[1] - 1 <= (bbox[1] + bbox[3]) / 2 <= area[3] + 1)


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines grouped by the band they sit in, top to bottom; each row left to right."""
    rows: list[list[_Line]] = []
    band: tuple[float, float] | None = None
    for line in sorted(lines, key=lambda line: -(line.bbox[1] + line.bbox[3]) / 2):
        centre = (line.bbox[1] + line.bbox[3]) / 2
        if band is not None and band[0] <= centre <= band[1]:
            rows[-1].append(line)
        else:
            rows.append([line])
            band = (line.bbox[1], line.bbox[3])
    return [sorted(row, key=lambda line: line.bbox[0]) for row in rows]


def _is_cell_row(row: list[_Line]) -> bool:
    if len(row) < 2 or len({line.box for line in row}) < 2:
        return False
    if any(right.bbox[0] - left.bbox[2] < MIN_CELL_GAP for left, right in zip(row, row[1:])):
        return False
    return not all(count_words(line.text) >= PROSE_WORDS for line in row)


def _columns_of(rows: list[list[_Line]], known: list[tuple[float, float]] = ()) -> list[tuple[float, float]]:
    """Column extents: the overlapping horizontal extents of the cells, merged (with ``known`` ones)."""
    spans = sorted([(line.bbox[0], line.bbox[2]) for row in rows if len(row) > 1 for line in row]
                   + list(known))
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1] + 1:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(x0, x1) for x0, x1 in columns]


def _inside_columns(row: list[_Line], columns: list[tuple[float, float]]) -> bool:
    return all(sum(1 for x0, x1 in columns if line.bbox[0] < x1 and line.bbox[2] > x0) == 1
               and count_words(line.text) < 3 * PROSE_WORDS for line in row)


def _build_table(rows: list[list[_Line]], rules) -> _TablePiece | None:
    lines = [line for row in rows for line in row]
    x0, y0, x1, y1 = _union(lines)
    horizontal = sorted({round(r[1], 1) for r in rules if r[2] - r[0] > r[3] - r[1]
                         and r[0] < x1 and r[2] > x0 and y0 - 4 <= r[1] <= y1 + 4}, reverse=True)
    # Borders inside the text's extent divide the columns; the outer ones only close the table.
    inner = sorted({round(r[0], 1) for r in rules if r[3] - r[1] > r[2] - r[0]
                    and r[1] < y1 and r[3] > y0 and x0 + 1 < r[0] < x1 - 1})
    if inner:
        edges = [x0 - 1] + inner + [x1 + 1]
        columns = [(left, right) for left, right in zip(edges, edges[1:])
                   if any(left <= (line.bbox[0] + line.bbox[2]) / 2 < right for line in lines)]
    else:
        columns = _columns_of(rows)
    if len(columns) < 2:
        return None

    def column(line: _Line) -> int:
        centre = (line.bbox[0] + line.bbox[2]) / 2
        for number, (left, right) in enumerate(columns):
            if centre < right:
                return number
        return len(columns) - 1

    grouped: list[list[_Line]] = []
    for row in rows:
        if grouped and _same_table_row(grouped[-1], row, horizontal):
            grouped[-1].extend(row)
        else:
            grouped.append(list(row))
    # Where each column's text must stop: its right edge less the margin its text keeps on the left.
    margins = [min((line.bbox[0] - left for line in lines if column(line) == number), default=0.0)
               for number, (left, _) in enumerate(columns)]
    limits = [right - max(0.0, margin) for (_, right), margin in zip(columns, margins)]
    cells = []
    for row in grouped:
        texts: list[list[_Line]] = [[] for _ in columns]
        for line in sorted(row, key=lambda line: -line.bbox[3]):
            texts[column(line)].append(line)
        cells.append([_cell_lines_text(parts, limits[number]) for number, parts in enumerate(texts)])
    table = Table(rows=cells, header_row=_header_row(grouped))
    block = Block(kind=TABLE, text="\n".join(table.row_texts()), table=table)
    return _TablePiece(block, (x0, y0, x1, y1), size=max(line.size for line in lines), lines=lines,
                       columns=columns)


def _cell_text(parts: list[str]) -> str:
    """The lines of one cell joined as the lines of a paragraph are."""
    return _join(parts) if parts else ""


def _cell_lines_text(lines: list[_Line], limit: float) -> str:
    """The lines of one cell joined, ``limit`` where its column's text must stop.

    A word too long for a narrow cell is broken with no hyphen ("Consultan" over "t spend"): a line of one
    word that reaches the limit, before a line that starts in lower case, may be such a break. It is
    decided with the hyphens, once the whole document's words are known.
    """
    if not lines:
        return ""
    text = lines[0].text
    for line, following in zip(lines, lines[1:]):
        if _ONE_WORD.fullmatch(line.text) and following.text[:1].islower() and \
                line.bbox[2] >= limit - _FILLED_CELL * line.size:
            text += _LINE_BREAK + following.text
        else:
            text = _join([text, following.text])
    return text


def _join_split_tables(pages: list[_Page]) -> None:
    """A table that ends one page and starts the next, with the same columns, is one table.

    The next page's first row is dropped when it repeats the header row. A table over three pages or
    more is one table too: a page that held nothing but its middle passes it on.
    """
    carried = None  # the table a page taken up wholly by its middle passes on
    for page, following in zip(pages, pages[1:]):
        tail, carried = (page.pieces[-1] if page.pieces else carried), None
        if tail is None or not following.pieces:
            continue
        first, second = tail.block, following.pieces[0].block
        if first.kind != TABLE or not first.table.rows:
            continue
        spilled = _spilled_row(following.pieces[0], tail) if isinstance(tail, _TablePiece) and (
            second.kind != TABLE or len(second.table.rows[0]) < len(first.table.rows[0])) else None
        if spilled is not None:
            # Only some cells of the last row ran on over the page break ("a week)." and "out after six
            # months." under two of four columns): layout analysis read them as a table of their own, or
            # as a paragraph. (Its notes go to the end of the row they ran on.)
            first.table.rows[-1] = [_cell_text([a, b]) if a and b else a or b
                                    for a, b in zip(first.table.rows[-1], spilled)]
            first.text = "\n".join(first.table.row_texts())
            first.notes.extend((len(first.text), note) for _, note in second.notes)
            following.pieces.pop(0)
            if not following.pieces:
                carried = tail
            continue
        if second.kind != TABLE or not second.table.rows:
            continue
        if len(first.table.rows[0]) != len(second.table.rows[0]):
            continue
        rows, skipped = second.table.rows, 0
        if rows[0] == first.table.rows[0]:
            rows, skipped = rows[1:], 1
        kept, last, ran_on = len(first.table.rows), list(first.table.rows[-1]), False
        if rows and all(not cell or cell[:1].islower() for cell in rows[0]):
            # The last row's cells ran on over the page break.
            first.table.rows[-1] = [_cell_text([a, b]) if a and b else a or b
                                    for a, b in zip(first.table.rows[-1], rows[0])]
            rows, ran_on = rows[1:], True
        first.table.rows.extend(rows)
        first.text = "\n".join(first.table.row_texts())
        for offset, note in second.notes:
            row, cell, within = _cell_at(second.table, offset)
            if row < skipped:
                continue  # a note on the header row repeated: the first page's header has it
            row = kept + row - skipped - ran_on
            if ran_on and row == kept - 1 and cell < len(last) and last[cell]:
                within += len(last[cell]) + 1  # the cell ran on: its text follows the first page's
            first.notes.append((_offset_at(first.table, row, cell, within), note))
        following.pieces.pop(0)
        if not following.pieces:
            carried = tail


def _cell_at(table: Table, offset: int) -> tuple[int, int, int]:
    """The row, the cell and the place in it of an offset into a table's text (rows joined by row_texts)."""
    for row_number, (row, text) in enumerate(zip(table.rows, table.row_texts())):
        if offset <= len(text):
            for cell_number, cell in enumerate(row):
                if cell and offset <= len(cell):
                    return row_number, cell_number, offset
                if cell:
                    offset -= len(cell) + len(" | ")
        offset -= len(text) + 1
    return len(table.rows) - 1, len(table.rows[-1]) - 1, 0


def _offset_at(table: Table, row: int, cell: int, within: int) -> int:
    """The offset into a table's text of a place in one of its cells."""
    texts = table.row_texts()
    offset = sum(len(text) + 1 for text in texts[:row])
    before = [text for text in table.rows[row][:cell] if text]
    return offset + sum(len(text) + len(" | ") for text in before) + within


def _spilled_row(piece: _Piece, table: _TablePiece) -> list[str] | None:
    """The cells a table's last row ran on with at the top of the next page, each under the column it
    sits in; or None, where the piece is not such a run-on (a cell that opens with a capital starts a
    row of its own)."""
    columns = table.columns
    if not columns or abs(piece.size - table.size) > 1:
        return None
    if isinstance(piece, _TablePiece):
        items = [(line.bbox, line.text) for line in piece.lines]
    elif piece.block.kind == PARAGRAPH and not piece.block.furniture:
        items = [(piece.bbox, piece.block.text)]
    else:
        return None
    texts: list[list[str]] = [[] for _ in columns]
    for bbox, text in sorted(items, key=lambda item: -item[0][3]):
        centre = (bbox[0] + bbox[2]) / 2
        inside = [number for number, (left, right) in enumerate(columns) if left - 1 <= centre <= right + 1]
        # (A paragraph wider than the column, or set in a size of its own, is the page's, not the cell's.)
        if len(inside) != 1 or bbox[0] < columns[inside[0]][0] - 2 or bbox[2] > columns[inside[0]][1] + 2:
            return None
        texts[inside[0]].append(text)
    cells = [_cell_text(parts) for parts in texts]
    return cells if any(cells) and not any(cell[:1].isupper() for cell in cells) else None


def _same_table_row(above: list[_Line], row: list[_Line], horizontal: list[float]) -> bool:
    """Whether ``row`` carries on the cells of the row above (wrapped text) or starts a row."""
    bottom = min(line.bbox[1] for line in above)
    top = max(line.bbox[3] for line in row)
    if horizontal:
        return not any(top - 1 <= rule <= bottom + 1 for rule in horizontal)
    size = max(line.size for line in row)
    return bottom - top < 0.5 * size and len(row) < len(above)


def _header_row(rows: list[list[_Line]]) -> bool:
    """A first row set in bold is the table's header; a PDF says nothing more reliable."""
    if len(rows) < 2:
        return False
    return all(line.bold for line in rows[0])


def _table_row_lines(lines: list[_Line]) -> set[int]:
    """Lines sharing their baseline with a line of another text box: cells of a table row.

    A bold table header ("Indicator", "2023/24") is not a heading.
    """
    boxes_at: dict[int, set[int]] = {}
    for line in lines:
        boxes_at.setdefault(round(line.bbox[1] / ROW_TOLERANCE), set()).add(line.box)
    in_rows = set()
    for line in lines:
        key = round(line.bbox[1] / ROW_TOLERANCE)
        boxes = set().union(*(boxes_at.get(k, set()) for k in (key - 1, key, key + 1)))
        if len(boxes) > 1:
            in_rows.add(id(line))
    return in_rows


def _box_pieces(lines: list[_Line], body: float, in_rows: set[int] = frozenset()) -> list[_Piece]:
    right = max(line.bbox[2] for line in lines)
    width = right - min(line.bbox[0] for line in lines)
    candidates = [_heading_candidate(line, body)
                  and not (id(line) in in_rows and line.size < body * HEADING_SIZE_RATIO)
                  and contents_entry(line.text) is None for line in lines]
    for index, line in enumerate(lines):
        # A bold line at body size that fills the width and runs on is a bold lead-in, not a heading.
        if (candidates[index] and line.size < body * HEADING_SIZE_RATIO and index + 1 < len(lines)
                and not candidates[index + 1] and line.bbox[2] >= right - 0.1 * width):
            candidates[index] = False
    # A heading may wrap: consecutive candidate lines in one style are one heading, if short enough.
    runs: dict[int, int] = {}
    index = 0
    while index < len(lines):
        end = index + 1
        if candidates[index]:
            while (end < len(lines) and candidates[end]
                   and (lines[end].size, lines[end].bold) == (lines[index].size, lines[index].bold)):
                end += 1
            text = _join([line.text for line in lines[index:end]])
            # (A heading's number is no word of it: "2. How we plan to take advantage of technology and
            # make better use of data" is the letter's theme, word for word.)
            if count_words(_NUMBER_START.sub("", text, count=1)) < MAX_HEADING_WORDS and \
                    (not text.endswith(".") or numbered_title(text)):
                runs[index] = end
        index = end

    pieces: list[_Piece] = []
    current: _Piece | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if index in runs:
            run = lines[index:runs[index]]
            pieces.append(_Piece(Block(kind=HEADING, text=_join([item.text for item in run]),
                                       heading_source="font"), _union(run), size=line.size))
            current = None
            index = runs[index]
            continue
        entry = contents_entry(line.text)
        if entry is not None:
            # A list marker is the list's, not the entry's: "1. Foreword .... 2" is "Foreword".
            entry = _BULLET_START.sub("", _NUMBER_START.sub("", entry, count=1), count=1) or entry
            pieces.append(_Piece(Block(kind=PARAGRAPH, text=entry, furniture=CONTENTS), line.bbox, line.size,
                                 line.bbox[0]))
            current = None
            index += 1
            continue
        marker = _BULLET_START.match(line.text)
        if line.marker or marker or _NUMBER_START.match(line.text):
            text = line.text[marker.end():] if marker else line.text
            current = _Piece(Block(kind=LIST_ITEM, text=text), line.bbox, line.size, line.bbox[0])
            pieces.append(current)
        elif current is not None and _continues(current, line, lines[index - 1], right, width):
            current.block.text = _join([current.block.text, line.text])
            current.bbox = _union([current, line])
        else:
            current = _Piece(Block(kind=PARAGRAPH, text=line.text), line.bbox, line.size, line.bbox[0])
            pieces.append(current)
        index += 1
    return pieces


def _heading_candidate(line: _Line, body: float) -> bool:
    # Bulleted lines are list items; numbered ones may be headings ("1. Introduction").
    if len(re.findall(r"[^\W\d_]", line.text)) < 2 or _BULLET_START.match(line.text):
        return False
    return line.size >= body * HEADING_SIZE_RATIO or (line.bold and line.size >= body - 0.5
                                                      and not is_placeholder(line.text))


def _continues(piece: _Piece, line: _Line, previous: _Line, right: float, width: float) -> bool:
    """Whether ``line`` carries on the paragraph or list item above it in the same box."""
    if abs(line.size - piece.size) > 1:
        return False
    if piece.block.kind == LIST_ITEM:
        # Wrapped lines of a list item hang to the right of its marker.
        return line.bbox[0] > piece.indent + 1
    # A short line ending a sentence closes its paragraph.
    return not (previous.bbox[2] < right - 0.15 * width and previous.text.endswith((".", "!", "?", ":")))


def _marked_text(items, size: float, baseline: float) -> str:
    """The line's text with raised small digits (note references) wrapped in marks."""
    parts: list[str] = []
    open_mark = False
    for item in items:
        text = item.get_text()
        raised = (isinstance(item, LTChar) and text.isdigit() and item.size <= size * SUPERSCRIPT_RATIO
                  and item.y0 > baseline + 0.15 * size)
        if raised and not open_mark:
            parts.append(_NOTE_OPEN)
        elif not raised and open_mark:
            parts.append(_NOTE_CLOSE)
        open_mark = raised
        parts.append(text)
    if open_mark:
        parts.append(_NOTE_CLOSE)
    return "".join(parts)


def _take_notes(page: _Page, body: float, following: _Page | None = None) -> None:
    """Attach each note reference to the note with its number at the foot of the page.

    A note is a piece below the body text, in a smaller size than the body,
    starting with the number; it leaves the page's pieces for ``page.notes``.
    A note cited on this page may be set at the foot of the ``following``
    one (LibreOffice moves a note cited in a table row near the foot of a
    page to the next). A raised number with no such note is put back as an
    ordinary digit.
    """
    cited = [piece for piece in page.pieces if _NOTE_OPEN in piece.block.text]
    notes: dict[str, _Piece] = {}
    if cited:
        lowest = min(piece.bbox[1] for piece in cited)
        separators = _note_separators(page, lowest)
        for piece in page.pieces:
            match = _NOTE_START.match(piece.block.text)
            if not match or piece in cited or piece.bbox[3] >= lowest or piece.block.kind == TABLE:
                continue
            if piece.size < body or any(piece.bbox[3] <= rule + 2 for rule in separators):
                notes.setdefault(match.group(1), piece)
        missing = {match.group(1) for piece in cited for match in _NOTE_MARK.finditer(piece.block.text)} - set(notes)
        if missing and following is not None and following.pieces:
            carried = _notes_carried_over(following, body, missing)
            notes.update(carried)
            following.pieces = [piece for piece in following.pieces if piece not in carried.values()]
    for piece in cited:
        block = piece.block
        if block.kind == TABLE:
            block.table.rows = [[_NOTE_MARK.sub(lambda m: m.group(1) if m.group(1) not in notes else "", cell)
                                 for cell in row] for row in block.table.rows]
        parts, offset, text = [], 0, block.text
        for match in _NOTE_MARK.finditer(text):
            parts.append(text[offset:match.start()])
            offset = match.end()
            note = notes.get(match.group(1))
            if note is None:
                parts.append(match.group(1))
            else:
                block.notes.append((len("".join(parts)), _NOTE_START.match(note.block.text).group(2)))
                if note not in page.notes:
                    page.notes.append(note)
                    page.citing.append(block)
        block.text = "".join(parts) + text[offset:]
    for number, note in notes.items():
        note.block.text = _NOTE_START.match(note.block.text).group(2)
        note.block.kind, note.block.part = PARAGRAPH, FOOTNOTE
        note.block.level = note.block.heading_source = None
    page.pieces = [piece for piece in page.pieces if piece not in notes.values()]
    for piece in page.pieces + page.margins:  # a raised digit in a line with no note of its own
        if _NOTE_OPEN in piece.block.text:
            piece.block.text = piece.block.text.replace(_NOTE_OPEN, "").replace(_NOTE_CLOSE, "")


def _note_separators(page: _Page, below: float) -> list[float]:
    """The heights of the short rules Word and LibreOffice draw between the text and the notes."""
    right = max(piece.bbox[2] for piece in page.pieces)
    return [rule[1] for rule in page.rules if rule[2] - rule[0] > rule[3] - rule[1]
            and rule[2] - rule[0] < 0.5 * (right - rule[0]) and rule[1] < below]


def _notes_carried_over(page: _Page, body: float, numbers: set[str]) -> dict[str, _Piece]:
    """The notes numbered ``numbers``, cited on the page before, at the foot of ``page``: under its
    note rule, or smaller than the body, and cited nowhere on it."""
    cited_here = {match.group(1) for piece in page.pieces for match in _NOTE_MARK.finditer(piece.block.text)}
    top = max(piece.bbox[3] for piece in page.pieces)
    separators = _note_separators(page, top)
    found: dict[str, _Piece] = {}
    for piece in page.pieces:
        match = _NOTE_START.match(piece.block.text)
        if not match or piece.block.kind == TABLE or match.group(1) not in numbers or match.group(1) in cited_here:
            continue
        if any(piece.bbox[3] <= rule + 2 for rule in separators) or \
                (piece.size < body and piece.bbox[3] < page.height / 2):
            found.setdefault(match.group(1), piece)
    return found


def _set_heading_levels(pages: list[_Page]) -> None:
    """Number heading levels by rank of size across the document, largest first."""
    sizes = sorted({piece.size for page in pages for piece in page.pieces if piece.block.is_heading},
                   reverse=True)
    rank = {size: level for level, size in enumerate(sizes, 1)}
    for page in pages:
        for piece in page.pieces:
            if piece.block.is_heading:
                piece.block.level = min(rank[piece.size], 6)


def _split_margins(pages: list[_Page]) -> None:
    """Move running headers, footers and page numbers from each page's pieces to its margins.

    Text counts as a running header or footer when it lies in the top or bottom
    margin zone and either is a page number or recurs (digits aside) in the
    margin of another page.
    """
    def zone(page: _Page, piece: _Piece) -> str | None:
        if piece.bbox[1] >= page.height * (1 - MARGIN_ZONE):
            return HEADER
        if piece.bbox[3] <= page.height * MARGIN_ZONE:
            return FOOTER
        return None

    def key(piece: _Piece) -> str:
        # Page numbers vary within a running header; a heading ("Section 2") must repeat exactly.
        text = piece.block.text.lower()
        return text if piece.block.is_heading else re.sub(r"\d+", "#", text)

    pages_with: dict[str, set[int]] = {}
    for page in pages:
        for piece in page.pieces:
            if zone(page, piece):
                pages_with.setdefault(key(piece), set()).add(page.number)
    for page in pages:
        kept = []
        for piece in page.pieces:
            part = zone(page, piece)
            text = piece.block.text
            if part and (len(pages_with[key(piece)]) > 1 or _PAGE_NUMBER.match(text)
                         or ends_with_page_number(text)):
                piece.block.part, piece.block.kind = part, PARAGRAPH
                piece.block.level = piece.block.heading_source = None
                piece.block.furniture = (PAGE_NUMBER if is_page_number(text)
                                         else RUNNING_HEADER if part == HEADER else RUNNING_FOOTER)
                page.margins.append(piece)
            else:
                kept.append(piece)
        page.pieces = kept


def _mend_broken_words(blocks: list[Block]) -> None:
    """Decide, for each word broken across lines at a hyphen, whether the hyphen belongs, and for each
    break in a table cell after a line of one word (see _cell_lines_text), whether it splits a word.

    "self-\\nservice" keeps its hyphen; "produc-\\ntivity" loses it. The
    document's own words decide: the hyphen goes only when the joined word
    appears elsewhere in the document and the hyphenated one does not.
    """
    if not any(_LINE_HYPHEN in block.text or _LINE_BREAK in block.text for block in blocks):
        return
    # (The pieces of a word broken in a cell are no words of the document.)
    vocabulary = {word.lower() for block in blocks
                  for word in _WORDS.findall(_BREAK_JOIN.sub(" ", block.text) if _LINE_BREAK in block.text
                                             else block.text)}

    def mend(match: re.Match) -> str:
        head, tail = match.group(1), match.group(2)
        joined, hyphenated = (head + tail).lower(), f"{head}-{tail}".lower()
        if joined in vocabulary and hyphenated not in vocabulary:
            return head + tail
        return f"{head}-{tail}"

    def mend_break(match: re.Match) -> str:
        # "Consultan" over "cy spend" is "Consultancy spend" where the plan says "consultancy" elsewhere, or
        # where the first piece is no word of the plan and the second only a word's last letters
        # ("Consultan" over "t spend"); "Consultancy" over "spend" stays two words.
        head, tail = match.group(1), match.group(2)
        joined = (head + tail).lower() in vocabulary or \
            len(tail) <= _BROKEN_TAIL and head.lower() not in vocabulary and tail.lower() not in vocabulary
        return head + tail if joined else f"{head} {tail}"

    def fix(text: str) -> str:
        return _BREAK_JOIN.sub(mend_break, _HYPHEN_JOIN.sub(mend, text)).replace(_LINE_HYPHEN, "") \
            .replace(_LINE_BREAK, " ")

    for block in blocks:
        if _LINE_HYPHEN in block.text or _LINE_BREAK in block.text:
            # A note's place moves back with each mended break before it.
            block.notes = [(len(fix(block.text[:offset])), note) for offset, note in block.notes]
            block.text = fix(block.text)
            if block.table is not None:
                block.table.rows = [[fix(cell) for cell in row] for row in block.table.rows]


def _match_figures(drawn: list[_Drawn], figures: list[_Figure]) -> None:
    """Give images the alternative text of their /Figure elements in a tagged PDF.

    An image drawn in marked content that a figure refers to takes that
    figure's text. Some writers (LibreOffice among them) leave figures without
    content references and draw the image as an artifact; then the figures
    left over are paired in order with the images left over, when their
    numbers agree. Any image still unpaired that was drawn as an artifact is
    decorative.
    """
    by_key = {key: figure for figure in figures for key in figure.keys}
    used: set[int] = set()
    rest: list[_Drawn] = []
    for item in drawn:
        figure = by_key.get(item.key) if item.key is not None else None
        if figure is not None:
            item.image.alt = figure.alt
            used.add(id(figure))
        else:
            rest.append(item)
    spare = [figure for figure in figures if id(figure) not in used]
    paired: set[int] = set()
    for candidates in ([item for item in rest if not item.artifact], rest):
        if candidates and len(candidates) == len(spare):
            for item, figure in zip(candidates, spare):
                item.image.alt = figure.alt
            paired = {id(item) for item in candidates}
            break
    for item in rest:
        if id(item) not in paired:
            item.image.decorative = item.artifact


def _place(pages: list[_Page], document: Document) -> None:
    """Give each link and image the page, section and block of the text it sits in or below."""
    previous: Block | None = None
    for page in pages:
        for (x, y), link in page.links:
            anchor = _anchor(page, x, y) or previous
            _locate(link, anchor, page.number)
            document.links.append(link)
        for index, drawn in enumerate(page.images, 1):
            x0, y0, x1, y1 = drawn.bbox
            _locate(drawn.image, _anchor(page, (x0 + x1) / 2, (y0 + y1) / 2) or previous, page.number)
            drawn.image.location = f"page {page.number}, image {index}"
            document.images.append(drawn.image)
        if page.pieces:
            previous = page.pieces[-1].block


def _anchor(page: _Page, x: float, y: float) -> Block | None:
    """The block containing the point, else the nearest block above it, else the first below."""
    above = below = None
    for piece in page.pieces:
        x0, y0, x1, y1 = piece.bbox
        if x0 - 2 <= x <= x1 + 2 and y0 - 2 <= y <= y1 + 2:
            return piece.block
        if y0 >= y and (above is None or y0 < above.bbox[1]):
            above = piece
        elif y1 < y and below is None:
            below = piece
    chosen = above or below
    return chosen.block if chosen else None


def _locate(item, anchor: Block | None, page: int) -> None:
    item.page = page
    if anchor is not None:
        item.section, item.line, item.location = anchor.section, anchor.line, anchor.location
    else:
        item.location = f"page {page}"


# -- small helpers -------------------------------------------------------------------


def _clean(text: str) -> str:
    """Normalise whitespace, ligatures and symbol-font bullets."""
    text = _PRIVATE_USE.sub("•", text.translate(_TEXT_FIXES))
    return " ".join(text.split())


def _join(parts: list[str]) -> str:
    """Join lines of one paragraph, mending words broken at a line end."""
    text = parts[0]
    for part in parts[1:]:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            # Hyphen or broken word? Decided later, once the whole document's words are known.
            text += _LINE_HYPHEN + part
        elif text.endswith(("-", "/")) and len(text) > 1 and text[-2].isalnum() and part[:1].isalnum():
            text += part
        elif text.endswith("–") and len(text) > 1 and text[-2].isdigit() and part[:1].isdigit():
            text += part  # a range broken at its dash: "2022–" over "2024"
        else:
            text += " " + part
    return text


def _union(items) -> tuple[float, float, float, float]:
    boxes = [item.bbox for item in items]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _rect(value, ctm) -> tuple[float, float, float, float] | None:
    """A PDF rectangle in the page's layout coordinates (rotation and offset applied)."""
    value = resolve1(value)
    if not isinstance(value, list) or len(value) != 4:
        return None
    numbers = [resolve1(v) for v in value]
    if not all(isinstance(n, (int, float)) for n in numbers):
        return None
    (ax, ay), (bx, by) = (apply_matrix_pt(ctm, (numbers[0], numbers[1])),
                          apply_matrix_pt(ctm, (numbers[2], numbers[3])))
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _text_in(rect, text_lines: list[LTTextLine]) -> str:
    """The text of the characters whose centres fall inside ``rect``."""
    x0, y0, x1, y1 = rect
    pieces = []
    for line in text_lines:
        if line.x1 < x0 or line.x0 > x1 or line.y1 < y0 or line.y0 > y1:
            continue
        inside = False
        for item in line:
            if isinstance(item, LTChar):
                cx, cy = (item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2
                inside = x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1
                if inside:
                    pieces.append(item.get_text())
            elif inside:
                pieces.append(item.get_text())
        pieces.append(" ")
    return _clean(_CID.sub("", "".join(pieces)))


def _pages(numbers: list) -> str:
    """ "page 3" or "pages 3, 5 and 8"."""
    words = [str(number) for number in numbers]
    if len(words) == 1:
        return f"page {words[0]}"
    return f"pages {', '.join(words[:-1])} and {words[-1]}"


def _name(value) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    return value if isinstance(value, str) else ""


def _text(value) -> str | None:
    """A PDF text string as Python text: UTF-16 or UTF-8 with a byte order mark, else PDFDocEncoding."""
    value = resolve1(value)
    if isinstance(value, bytes):
        if value.startswith(b"\xef\xbb\xbf"):
            value = value[3:].decode("utf-8", "replace")
        elif value.startswith(b"\xff\xfe"):
            value = value[2:].decode("utf-16-le", "replace")
        else:
            value = decode_text(value)
    elif isinstance(value, PSLiteral):
        value = _name(value)
    if not isinstance(value, str):
        return None
    value = _clean(value.replace("\x00", ""))
    return value or None


def _date(value: str | None) -> str | None:
    """A PDF date ("D:20250301120000+01'00'") in ISO 8601 form; other text unchanged."""
    if not value:
        return None
    match = _PDF_DATE.match(value)
    if not match:
        return value
    year, month, day, hour, minute, second, zone, zone_hours, zone_minutes = match.groups()
    text = f"{year}-{month or '01'}-{day or '01'}"
    if hour:
        text += f"T{hour}:{minute or '00'}:{second or '00'}"
        if zone == "Z":
            text += "Z"
        elif zone:
            text += f"{zone}{zone_hours or '00'}:{zone_minutes or '00'}"
    return text
