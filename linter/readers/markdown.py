"""Markdown and plain-text reader.

Markdown headings (``#`` and underlined) are taken as they are. Plain text, and
Markdown written without heading marks, gets its headings the way a reader
would see them: a line standing alone between blank lines, short, with no
closing full stop, or numbered like "1.", "2.)" or "Theme One:". Those are
recorded with ``heading_source="line"`` because they are inferred.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..document import (HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document, Image, Link,
                        Table, assign_sections, count_words)
from ..pages import estimate_pages

ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
BULLET = re.compile(r"^\s*(?:[-*+•▪◦–]|\d{1,3}[.)])\s+")
BULLET_ONLY_SYMBOL = re.compile(r"^\s*[-*+•▪◦–]\s+")
NUMBERED_HEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S"
    r"|(?:theme|section|part|chapter|priority)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE)
SUBNUMBER = re.compile(r"^\d{1,2}\.\d{1,2}")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*([^)\s]*)[^)]*\)")
MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*([^)\s]*)[^)]*\)")
BARE_URL = re.compile(r"(?<![(<\[])\bhttps?://[^\s)>\]]+")
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*:?\s*$")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)

SENTENCE_BREAK = re.compile(r"[a-z0-9)][.!?]\s+[A-Z]")

MAX_HEADING_WORDS = 25


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Word's "Plain Text" saves it."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def inline_text(text: str) -> str:
    """Markdown inline markup reduced to what a reader sees."""
    text = MD_IMAGE.sub(lambda m: m.group(1), text)
    text = MD_LINK.sub(lambda m: m.group(1), text)
    for _ in range(2):
        text = EMPHASIS.sub(lambda m: m.group(2), text)
    return re.sub(r"\s+", " ", text).strip()


def _looks_like_heading(lines: list[str], next_is_body: bool | None) -> bool:
    """A paragraph of one short line with no closing full stop reads as a heading."""
    if len(lines) != 1:
        return False
    line = lines[0].strip()
    if not line or BULLET_ONLY_SYMBOL.match(line) or TABLE_ROW.match(line):
        return False
    words = count_words(line)
    if words == 0 or words > MAX_HEADING_WORDS:
        return False
    if NUMBERED_HEADING.match(line):
        # "1. How we transformed services." is still a heading when text follows it.
        return not line.endswith(".") or (next_is_body and len(SENTENCE_BREAK.findall(line)) == 0)
    if line.endswith("?"):
        # A question standing alone is a heading only when something answers it.
        return next_is_body is not None
    if line[-1] in ".;,:-" or SENTENCE_BREAK.search(line):
        return False
    return words <= 15 or bool(next_is_body)


class _Builder:
    def __init__(self, document: Document):
        self.document = document
        self.blocks = document.blocks

    def add(self, kind: str, text: str, line: int, **extra) -> Block | None:
        raw = text
        text = inline_text(text)
        if not text and kind != TABLE:
            return None
        self._collect_inline(raw, line)
        block = Block(kind=kind, text=text, line=line, location=f"line {line}", **extra)
        self.blocks.append(block)
        return block

    def _collect_inline(self, raw: str, line: int) -> None:
        for match in MD_IMAGE.finditer(raw):
            alt = match.group(1).strip()
            self.document.images.append(Image(alt=alt or None, location=f"line {line}", line=line))
        for match in MD_LINK.finditer(raw):
            self.document.links.append(Link(text=inline_text(match.group(1)), target=match.group(2),
                                            internal=match.group(2).startswith("#"),
                                            location=f"line {line}", line=line))
        for match in BARE_URL.finditer(MD_LINK.sub("", MD_IMAGE.sub("", raw))):
            self.document.links.append(Link(text=match.group(0), target=match.group(0),
                                            location=f"line {line}", line=line))


def _paragraphs(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Split into runs of non-blank lines, each with its 1-based first line number."""
    runs, current, start = [], [], 0
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            runs.append((start, current))
            current = []
    if current:
        runs.append((start, current))
    return runs


def _split_markdown_headings(runs):
    """Pull ATX and setext headings out of paragraph runs so they stand alone."""
    for start, lines in runs:
        pending: list[str] = []
        pending_start = start
        for offset, line in enumerate(lines):
            number = start + offset
            if ATX_HEADING.match(line):
                if pending:
                    yield pending_start, pending, None
                yield number, [line], "atx"
                pending, pending_start = [], number + 1
            elif (SETEXT_UNDERLINE.match(line) and len(pending) == 1 and
                  not BULLET.match(pending[0]) and not TABLE_ROW.match(pending[0])):
                yield pending_start, pending, "setext-" + ("1" if line.strip()[0] == "=" else "2")
                pending, pending_start = [], number + 1
            else:
                if not pending:
                    pending_start = number
                pending.append(line)
        if pending:
            yield pending_start, pending, None


def _emit_run(builder: _Builder, start: int, lines: list[str]) -> None:
    """A run of lines: a table, a list (one block per item) or a paragraph."""
    if len(lines) >= 2 and all(TABLE_ROW.match(l) or TABLE_RULE.match(l) for l in lines):
        rows = [[inline_text(c) for c in l.strip().strip("|").split("|")]
                for l in lines if not TABLE_RULE.match(l)]
        header = len(lines) > 1 and bool(TABLE_RULE.match(lines[1]))
        table = Table(rows=rows, header_row=header)
        builder.add(TABLE, "\n".join(table.row_texts()), start, table=table)
        return
    if BULLET.match(lines[0]) and (len(lines) > 1 or BULLET_ONLY_SYMBOL.match(lines[0])
                                   or not NUMBERED_HEADING.match(lines[0].strip())):
        item, item_start = [], start
        for offset, line in enumerate(lines):
            if BULLET.match(line) and item:
                builder.add(LIST_ITEM, " ".join(item), item_start)
                item, item_start = [], start + offset
            item.append(BULLET.sub("", line, count=1) if BULLET.match(line) else line.strip())
        if item:
            builder.add(LIST_ITEM, " ".join(item), item_start)
        return
    builder.add(PARAGRAPH, " ".join(l.strip() for l in lines), start)


def parse(text: str, document: Document, markdown: bool) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = FRONT_MATTER.match(text) if markdown else None
    if front:
        title = re.search(r"^title:\s*['\"]?(.*?)['\"]?\s*$", front.group(1), re.MULTILINE)
        if title:
            document.metadata.title = title.group(1)
        lang = re.search(r"^lang(?:uage)?:\s*['\"]?([\w-]+)", front.group(1), re.MULTILINE)
        if lang:
            document.metadata.language = lang.group(1)
        text = "\n" * front.group(0).count("\n") + text[front.end():]
    if markdown:
        text = HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = text.split("\n")
    builder = _Builder(document)
    pieces = list(_split_markdown_headings(_paragraphs(lines))) if markdown else \
        [(s, l, None) for s, l in _paragraphs(lines)]
    has_marked_headings = any(kind for _, _, kind in pieces)
    for index, (start, run, kind) in enumerate(pieces):
        if kind == "atx":
            match = ATX_HEADING.match(run[0])
            builder.add(HEADING, match.group(2), start, level=len(match.group(1)),
                        heading_source="markdown")
            continue
        if kind and kind.startswith("setext"):
            builder.add(HEADING, run[0], start, level=int(kind[-1]), heading_source="markdown")
            continue
        if markdown and len(run) == 1 and BOLD_LINE.match(run[0]) and count_words(run[0]) <= 15:
            builder.add(HEADING, BOLD_LINE.match(run[0]).group(2), start, level=None,
                        heading_source="bold")
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        # None: nothing follows; False: another short line; True: body text.
        next_is_body = None if following is None else bool(
            following[2] is None and (len(following[1]) > 1 or count_words(following[1][0]) > 15
                                      or BULLET.match(following[1][0])))
        if not has_marked_headings and _looks_like_heading(run, next_is_body):
            level = 3 if SUBNUMBER.match(run[0].strip()) else 2
            builder.add(HEADING, run[0], start, level=level, heading_source="line")
            continue
        _emit_run(builder, start, run)
    _settle_levels(document.blocks)


def _settle_levels(blocks: list[Block]) -> None:
    """Bold-line headings sit one level below the last real heading; a lone top line is the title."""
    last_level = 1
    for block in blocks:
        if block.kind != HEADING:
            continue
        if block.level is None:
            block.level = min(last_level + 1, 6)
        elif block.heading_source != "bold":
            last_level = block.level
    inferred = [b for b in blocks if b.kind == HEADING and b.heading_source == "line"]
    if inferred and blocks and blocks[0] is inferred[0]:
        inferred[0].level = 1


def read(path: Path, options, fmt: str) -> Document:
    document = Document(path=str(path), format=fmt)
    parse(decode(path.read_bytes()), document, markdown=(fmt == "markdown"))
    if not document.blocks:
        from ..errors import ReadError
        raise ReadError("has no text")
    assign_sections(document.blocks)
    document.pages = estimate_pages(document.blocks)
    document.pages_method = "estimate"
    if options.pages == "layout":
        document.notes.append("page layout needs a word-processor file; "
                              "Markdown and text pages are estimated for A4 at 11 pt")
    return document
