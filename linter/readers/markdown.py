"""Markdown and plain-text reader.

Markdown headings (``#`` and underlined) are taken as they are. Plain text, and
Markdown written without heading marks, gets its headings the way a reader
would see them: a line standing alone between blank lines, short, with no
closing full stop, or numbered like "1.", "2.)" or "Theme One:". Those are
recorded with ``heading_source="line"`` because they are inferred; a line
holding a placeholder ("[to be completed]", "Savings of £XXm") is text, as it
is in a Word or PDF copy of the same plan.

A block quote's ">" marks are dropped and its lines read as any others. Lines
that are each a label and its figures ("Calls answered first time: 79%
(target 85%)") are each an item of a list, not one wrapped paragraph.
Tables are pipe tables, with or without outer pipes, whose rows keep their
cells. Footnotes ("[^1]" and its "[^1]: ..." definition) are attached to the
block citing them and kept as footnote blocks after the body. Contents lines
("Barriers and our asks …. 4"), lists of links to the document's own
headings under a "Contents" title, and lines that only number the page are
flagged as furniture.

Every pattern here is linear in the length of a line: quantifiers are
bounded or cannot overlap, so a hostile line cannot make the reader backtrack.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..document import (BODY, CONTENTS, FOOTNOTE, HEADING, LIST_ITEM, PAGE_NUMBER, PARAGRAPH,
                        RUNNING_FOOTER, TABLE, Block, Document, Image, Link, Table, assign_sections,
                        count_words, is_blank_row)
from ..pages import estimate_pages
from .furniture import (PLAIN_NOTE, contents_entry, ends_with_page_number, is_page_number, is_placeholder,
                        link_item_furniture, mark_contents_titles, note_mark, plain_reference)

# A line that is a label and its figures: "Agency staff as a share of staff budget: 2.9% (target 2.0%)".
FIGURE_LINE = re.compile(r"^\s*[A-Z][^:]{2,80}:\s+\S.*(?:\d|£|%)")
FIGURE_LINE_WORDS = 20
BLOCK_QUOTE = re.compile(r"^ {0,3}(?:> ?){1,8}")
SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ \t]*$")
# (And items lettered by hand, "a) A three-year settlement", "(ii) …", each an item, as a word processor's list.)
BULLET = re.compile(r"^\s*(?:[-*+•▪◦–]|\d{1,3}[.)]|\(?(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\))\s+")
SYMBOL_BULLET = re.compile(r"^\s*[-*+•▪◦]\s+\S")
LETTERED_ITEM = re.compile(r"^\s*\((?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)\s+\S")
BULLET_ONLY_SYMBOL = re.compile(r"^\s*[-*+•▪◦–]\s+")
NUMBERED_HEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S"
    r"|(?:theme|section|part|chapter|priority)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE)
SUBNUMBER = re.compile(r"^\d{1,2}\.\d{1,2}")
NUMBER_PREFIX = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s+")
FIGURE_AFTER = re.compile(r"(?:per\s?cent|percent|pence|million|billion|thousand|of\s+(?:the|our|its)\b)",
                          re.IGNORECASE)
FIGURE = re.compile(r"\d|%|£")
ALIGNED_GAP = re.compile(r"(?:\s{2,}|\t)")
# A date set apart in a column of its own at the end of a line.
# (One run of spaces, matched once: a long run must not be split every way before the date fails.)
DATED_COLUMN = re.compile(r"\S(?:\s{3,}|\t\s*)(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                          r"[a-z]*\.?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*$", re.IGNORECASE)
MAX_ALIGNED_CELL_WORDS = 10
# Dot leaders between a label and its value: "2023/24 ..... 7.6%". (A contents line's page number is
# no amount, so a contents list never reads as a table.)
# (A label that nearly fills its line leaves room for one dot: "Trade union facility time . 0.09%".)
LEADER_GAP = re.compile(r"\s*(?:\.{3,}|…+)\s*|\s+\.{1,2}\s+")
PAGE_NUMBER_CELL = re.compile(r"^\d{1,3}$")
# A line that introduces the rows under it: "Agency staff as a share of the staff budget:", "DOCUMENT CONTROL".
CAPTION_LINE = re.compile(r"^(?:[^.!?]*:|[A-Z][\w&’' -]{0,40}[\w)])$")
AMOUNT = re.compile(r"\d\s?%|£\s?\d|\d\s?(?:per\s?cent|percent)\b", re.IGNORECASE)
# A numbered line ending in a full stop is a heading only when it is short.
MAX_DOTTED_HEADING_WORDS = 8
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
RULE_CELL = re.compile(r":?-+:?")
# Link and image text may not hold brackets, and a target or title may not hold
# parentheses, so every attempt stops at the next bracket or parenthesis.
_LINK_TAIL = r"\]\([ \t]{0,20}([^()\s]{0,2048})(?:[ \t]{1,20}[^()\n]{0,500})?\)"
MD_IMAGE = re.compile(r"!\[([^\[\]\n]{0,1000})" + _LINK_TAIL)
MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,1000})" + _LINK_TAIL)
BARE_URL = re.compile(r"(?<![(<\[])\bhttps?://[^\s)>\]]{1,2048}")
# Emphasised text may not hold its own marks, so a scan stops at the next mark.
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)([^\s*_`](?:[^*_`\n]{0,1000}[^\s*_`])?)\1")
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\[\]\s]{1,100})\]")
FOOTNOTE_DEFINITION = re.compile(r"\[\^([^\[\]\s]{1,100})\]:[ \t]?")
NOTE_MARK = "\ue000"  # stands in for a footnote reference until the block's text is final
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)

SENTENCE_BREAK = re.compile(r"[a-z0-9)][.!?]\s+[A-Z]")

MAX_HEADING_WORDS = 25
# The label of an answer and the answer: "Response: TBC", "Our response: none", "Council answer: 0.04%".
ANSWER_FIELD = re.compile(r"(?:[\w'’]+\s+){0,2}(?:responses?|answers?|reply)\s*:\s*\S", re.IGNORECASE)
BOLD_FIELD = re.compile(r"(\*\*|__)[^*_\n]{1,80}?(?::\1|\1\s*:)\s*\S")


def decode(data: bytes) -> str:
    """UTF-8, UTF-16 or UTF-32 (see :func:`~plancheck.readers.unicode_encoding`), else Windows-1252
    as Word's "Plain Text" saves it."""
    from . import unicode_encoding

    encoding = unicode_encoding(data)
    if encoding:
        codec, bom = encoding
        return data[bom:].decode(codec, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# Struck-through text ("~~We expect savings of £9m.~~") is text its author has crossed out, as a
# deletion tracked in Word is.
STRUCK = re.compile(r"~~(?=\S)[^~\n]{0,2000}?(?<=\S)~~")


def inline_text(text: str) -> str:
    """Markdown inline markup reduced to what a reader sees (struck-through text left out)."""
    text = STRUCK.sub("", text)
    text = MD_IMAGE.sub(lambda m: m.group(1), text)
    text = MD_LINK.sub(lambda m: m.group(1), text)
    for _ in range(2):
        text = EMPHASIS.sub(lambda m: m.group(2), text)
    return " ".join(text.split())


def atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line ("## Barriers ##"), read without a pattern."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    rest = stripped.lstrip("#")
    level = len(stripped) - len(rest)
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    text = rest.strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.rstrip()
    # Pandoc's and kramdown's attributes are no words of the heading: "## Using data {#tech}".
    text = HEADING_ATTRIBUTES.sub("", text)
    return level, text


HEADING_ATTRIBUTES = re.compile(r"\s+\{[#.][^{}]*\}\s*$")


def split_cells(line: str) -> list[str]:
    """The cells of a pipe-table row, outer pipes optional, "\\|" an escaped pipe."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip().replace("\\|", "|") for cell in UNESCAPED_PIPE.split(text)]


def is_table_row(line: str) -> bool:
    """A row written with outer pipes: "| Agency staff | 4.7% |"."""
    text = line.strip()
    return len(text) > 1 and text.startswith("|") and text.endswith("|")


def is_table_rule(line: str) -> bool:
    """The line under a table's header: "|---|:--:|" or "--- | ---"."""
    text = line.strip()
    if "-" not in text or ("|" not in text and not text.startswith(":")):
        return False
    return all(RULE_CELL.fullmatch(cell) for cell in split_cells(text))


def _line_furniture(line: str) -> str | None:
    if contents_entry(line) is not None:
        return CONTENTS
    if is_page_number(line):
        return PAGE_NUMBER
    if ends_with_page_number(line):
        return RUNNING_FOOTER  # where a running line carries the page number, mostly
    return None


def _looks_like_heading(lines: list[str], next_is_body: bool | None) -> bool:
    """A paragraph of one short line with no closing full stop reads as a heading."""
    if len(lines) != 1:
        return False
    line = lines[0].strip()
    if not line or BULLET_ONLY_SYMBOL.match(line) or is_table_row(line):
        return False
    words = count_words(line)
    if words == 0 or words > MAX_HEADING_WORDS or is_placeholder(line):
        return False
    if BOLD_FIELD.match(line) or ANSWER_FIELD.match(line):
        # "**Date of decision:** 15 July 2024" is a field and its value; "Response: TBC" is an answer
        # under its question, however short.
        return False
    if NUMBERED_HEADING.match(line):
        if numbered_item(line) or line.endswith(":"):
            return False  # an item, or the sentence that introduces a list ("5.1 We ask government for:")
        # "1. How we transformed services." is still a heading when text follows it; "4.4 Facility
        # time accounts for 0.1% of the paybill." is a numbered paragraph: a full sentence, a figure.
        if line.endswith("."):
            rest = NUMBER_PREFIX.sub("", line)
            if count_words(rest) > MAX_DOTTED_HEADING_WORDS or FIGURE.search(rest):
                return False
        return not line.endswith(".") or (next_is_body and len(SENTENCE_BREAK.findall(line)) == 0)
    if AMOUNT.search(line):
        return False  # "Facility time (% of pay bill): 0.09%" is a figure given, not a title
    if DATED_COLUMN.search(line):
        return False  # "Councillor Rhian Ostley, Leader of the Council      12 July 2024": a signature and its date
    if line.endswith("?"):
        # A question standing alone is a heading only when something answers it.
        return next_is_body is not None
    if line[-1] in ".;,:-" or SENTENCE_BREAK.search(line) or LIST_CONTINUES.search(line):
        return False
    return words <= 15 or bool(next_is_body)


# An item that runs on into the next: "(b) agree that the plan be published once submitted; and".
LIST_CONTINUES = re.compile(r"[;,]\s*(?:and|or|and/or)\s*$|\s(?:and|or)$", re.IGNORECASE)


# A line in italics and nothing else: "*London Borough of Fallowmead Productivity Plan 2024*".
ITALIC_LINE = re.compile(r"(\*|_)[^\s*_](?:[^*_]*[^\s*_])?\1$")


def bold_line(line: str) -> str | None:
    """The text of a line that is bold and nothing else ("**Reducing waste**", "__Aims__:")."""
    text = line.strip()
    if text.endswith(":"):
        text = text[:-1].rstrip()
    for mark in ("**", "__"):
        if len(text) > 4 and text.startswith(mark) and text.endswith(mark):
            inner = text[2:-2]
            if not inner[0].isspace() and not inner[-1].isspace() and mark not in inner:
                return inner
    return None


class _Builder:
    def __init__(self, document: Document, notes: dict[str, tuple[int, str]], markdown: bool = True):
        self.document = document
        self.markdown = markdown
        self.blocks = document.blocks
        self.notes = notes
        self.cited: list[tuple[Block, str]] = []  # (citing block, note label), in citing order
        self.last_links: list[Link] = []  # the links of the block added last

    def add(self, kind: str, text: str, line: int, **extra) -> Block | None:
        raw = text
        labels: list[str] = []
        text = inline_text(self._mark_references(text, labels))
        if not text.replace(NOTE_MARK, ""):
            return None
        self._collect_inline(raw, line)
        block = Block(kind=kind, line=line, location=f"line {line}", text="", **extra)
        block.text = self._place_notes(block, text, labels)
        self.blocks.append(block)
        return block

    def add_table(self, table: Table, line: int) -> None:
        labels: list[str] = []
        table.rows = [[self._mark_references(cell, labels) for cell in row] for row in table.rows]
        block = Block(kind=TABLE, text="", line=line, location=f"line {line}", table=table)
        block.text = self._place_notes(block, "\n".join(table.row_texts()), labels)
        table.rows = [[cell.replace(NOTE_MARK, "") for cell in row] for row in table.rows]
        self.blocks.append(block)

    def _mark_references(self, text: str, labels: list[str]) -> str:
        """Footnote references replaced by a mark, their labels noted in order."""
        def mark(match: re.Match) -> str:
            if match.group(1) not in self.notes:
                return match.group(0)  # "[^x]" with no definition is text
            labels.append(match.group(1))
            return NOTE_MARK
        return FOOTNOTE_REFERENCE.sub(mark, text)

    def _place_notes(self, block: Block, text: str, labels: list[str]) -> str:
        """``text`` without its note marks, the notes attached to ``block`` at the marks' offsets."""
        parts = text.split(NOTE_MARK)
        offset = 0
        for part, label in zip(parts, labels):
            offset += len(part)
            block.notes.append((offset, self.notes[label][1]))
            self.cited.append((block, label))
        return "".join(parts)

    def _collect_inline(self, raw: str, line: int) -> None:
        known = len(self.document.links)
        self._collect_links_and_images(raw, line)
        self.last_links = self.document.links[known:]

    def _collect_links_and_images(self, raw: str, line: int) -> None:
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

    def add_notes(self) -> None:
        """Each cited note once, as a footnote block after the body, in the section that cites it."""
        placed: set[str] = set()
        for block, label in self.cited:
            if label in placed:
                continue
            placed.add(label)
            line, text = self.notes[label]
            self.blocks.append(Block(kind=PARAGRAPH, text=text, part=FOOTNOTE, line=line,
                                     location=f"footnote {label}", section=block.section))


def _take_plain_footnotes(lines: list[str], markdown: bool) -> dict[str, tuple[int, str]]:
    """Notes written as plain text ("¹ Published on ...") cited earlier in the body ("This plan¹").

    The citations are rewritten as Markdown references, so that the notes are read with the
    sentences that cite them, in plain text as in Markdown; their lines are blanked out of the body.
    """
    notes: dict[str, tuple[int, str]] = {}
    for index, line in enumerate(lines):
        match = PLAIN_NOTE.match(line)
        if not match:
            continue
        reference = plain_reference(note_mark(match), markdown)
        label = f"plain-note-{len(notes) + 1}"
        cited = False
        for earlier in range(index):
            if reference is not None and not PLAIN_NOTE.match(lines[earlier]) and reference.search(lines[earlier]):
                lines[earlier] = reference.sub(f"[^{label}]", lines[earlier])
                cited = True
        if not cited:
            continue
        parts = [match.group("text")]
        lines[index] = ""
        # A note goes on over the lines that follow it, up to a blank line or the next note.
        following = index + 1
        while following < len(lines) and lines[following].strip() and not PLAIN_NOTE.match(lines[following]):
            parts.append(lines[following].strip())
            lines[following] = ""
            following += 1
        notes[label] = (index + 1, " ".join(parts))
    return notes


def _take_footnotes(lines: list[str]) -> dict[str, tuple[int, str]]:
    """Footnote definitions by label, as (line, text); their lines are blanked out of the body."""
    notes: dict[str, tuple[int, str]] = {}
    index = 0
    while index < len(lines):
        match = FOOTNOTE_DEFINITION.match(lines[index])
        if not match:
            index += 1
            continue
        start, parts = index, [lines[index][match.end():]]
        lines[index] = ""
        index += 1
        # A definition goes on over indented lines, and over blank lines followed by indented ones.
        while index < len(lines) and (lines[index].startswith(("    ", "\t")) or (
                not lines[index].strip() and index + 1 < len(lines)
                and lines[index + 1].startswith(("    ", "\t")))):
            parts.append(lines[index].strip())
            lines[index] = ""
            index += 1
        notes.setdefault(match.group(1), (start + 1, inline_text(" ".join(parts))))
    return notes


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
            if atx_heading(line):
                if pending:
                    yield pending_start, pending, None
                yield number, [line], "atx"
                pending, pending_start = [], number + 1
            elif (SETEXT_UNDERLINE.match(line) and len(pending) == 1 and
                  not BULLET.match(pending[0]) and not is_table_row(pending[0])):
                yield pending_start, pending, "setext-" + ("1" if line.strip()[0] == "=" else "2")
                pending, pending_start = [], number + 1
            else:
                if not pending:
                    pending_start = number
                pending.append(line)
        if pending:
            yield pending_start, pending, None


# A line in capitals, short, with no closing full stop: "FACILITY TIME", "OUR WORKFORCE (1 OF 2)".
CAPITALS_LINE = re.compile(r"^\s*(?=[^a-z]*[A-Z]{2})[A-Z0-9 &(),'’/–-]{3,80}$")
CAPITALS_LINE_WORDS = 10


# A rule drawn across a box, of one character, or spaced: "-----", "=====", "- - - - -". ("+-----+" tops a
# grid table.)
BOX_RULE = re.compile(r"^\s*(?:-{3,}|={3,}|_{3,}|\*{3,}|(?:-\s){2,}-|(?:=\s){2,}=)\s*$")


def _drop_box_borders(pieces):
    """In plain text, the rules drawn above and below a box ("-----" over "WORKFORCE AT A GLANCE" and its
    lines, "-----" under them) are its border, not its text, even with a blank line inside the box. (A
    rule under a single line underlines a title: see _split_ruled_titles.)"""
    for start, lines, kind in pieces:
        if kind is None and len(lines) >= 2 and BOX_RULE.match(lines[0]):
            start, lines = start + 1, lines[1:]
        if kind is None and len(lines) >= 3 and BOX_RULE.match(lines[-1]):
            lines = lines[:-1]
        yield start, lines, kind


RULED_TITLE = "ruled"
MAX_RULED_TITLE_WORDS = 40


def _ruled_title(line: str) -> bool:
    """Whether a line drawn between rules, or over one, can be a title: one short line of words, not a
    sentence of text (a box around "The plan was approved by Cabinet on 9 July 2024." is a call-out),
    an item, a table's header row ("Measure    2023/24") or a page's footer over the rule that ends
    the page ("Page 1 of 4")."""
    text = line.strip()
    words = count_words(text)
    if not words or BOX_RULE.match(text) or BULLET_ONLY_SYMBOL.match(text) or "|" in text or \
            ALIGNED_GAP.search(text) or _line_furniture(text) or is_placeholder(text) or \
            SENTENCE_BREAK.search(NUMBER_PREFIX.sub("", text)):
        return False
    capitals = not re.search(r"[a-z]", text)
    if words > (MAX_RULED_TITLE_WORDS if capitals else MAX_HEADING_WORDS):
        return False  # (the letter's wording of a theme, pasted in capitals, is a long title)
    return capitals or bool(NUMBERED_HEADING.match(text)) or not text.endswith((".", ";", ","))


def _split_ruled_titles(runs):
    """In plain text, a line framed by rules ("-----" / "1. TRANSFORMING SERVICES" / "-----") or standing
    alone over one ("OUR APPROACH" / "=====") is a title, the strongest a text file can draw, whatever
    follows it with no blank line between. Its rules are neither its text nor the next paragraph's."""
    for start, lines in runs:
        pending: list[str] = []
        pending_start, alone = start, True
        index = 0
        while index < len(lines):
            line = lines[index]
            framed = BOX_RULE.match(line) and index + 2 < len(lines) and BOX_RULE.match(lines[index + 2]) \
                and _ruled_title(lines[index + 1])
            underlined = BOX_RULE.match(line) and len(pending) == 1 and alone and _ruled_title(pending[0])
            if framed or underlined:
                title_at = start + index + 1 if framed else pending_start
                title = lines[index + 1] if framed else pending[0]
                if framed and pending:
                    yield pending_start, pending, None
                yield title_at, [title], RULED_TITLE
                index += 3 if framed else 1
                pending, pending_start, alone = [], start + index, True
                continue
            if not pending:
                pending_start = start + index
                alone = index == 0 or bool(BOX_RULE.match(lines[index - 1]))
            pending.append(line)
            index += 1
        if pending:
            yield pending_start, pending, None


def _split_capitals_lines(pieces):
    """In plain text, lines in capitals at the top of a run stand alone, as titles do: a slide's
    "OUR WORKFORCE (1 OF 2)" and "FACILITY TIME" over its bullets are a title and a heading, not the
    first words of a paragraph that runs on into the list."""
    for start, lines, kind in pieces:
        leading = 0
        if kind is None:
            while leading < len(lines) - 1 and CAPITALS_LINE.match(lines[leading]) and \
                    count_words(lines[leading]) <= CAPITALS_LINE_WORDS:
                leading += 1
        if leading == 0:
            yield start, lines, kind
            continue
        for offset in range(leading):
            yield start + offset, [lines[offset]], None
        yield start + leading, lines[leading:], None


def _split_furniture(pieces):
    """Contents lines and page-number lines stand alone, whatever they are written next to."""
    for start, lines, kind in pieces:
        if kind or len(lines) > 1 and _table_start(lines) is not None or \
                any(GRID_RULE.match(line) for line in lines[:MAX_GRID_CAPTION + 1]):
            yield start, lines, kind
            continue
        pending, pending_start = [], start
        for offset, line in enumerate(lines):
            furniture = _line_furniture(line)
            if furniture:
                if pending:
                    yield pending_start, pending, None
                yield start + offset, [line], furniture
                pending, pending_start = [], start + offset + 1
            else:
                pending.append(line)
        if pending:
            yield pending_start, pending, None


def _table_start(lines: list[str]) -> int | None:
    """Where a table starts in a run: a header row over a rule, or rows all framed in pipes."""
    for index in range(len(lines) - 1):
        if "|" in lines[index] and is_table_rule(lines[index + 1]) and not is_table_rule(lines[index]):
            return index
    if len(lines) >= 2 and all(is_table_row(line) for line in lines):
        return 0
    return None


def _emit_table(builder: _Builder, start: int, lines: list[str]) -> None:
    ruled = len(lines) > 1 and is_table_rule(lines[1])
    rows = [[inline_text(cell) for cell in split_cells(line)]
            for index, line in enumerate(lines) if not (ruled and index == 1)]
    # Markdown cannot write a table without a header row, so "| | |" over the rule means there is none.
    header = ruled and not is_blank_row(rows[0])
    rows = [row for row in rows if not is_blank_row(row)]
    if not rows:
        return
    width = max(len(row) for row in rows)
    # Short rows are padded so that every value stays under its column's heading.
    builder.add_table(Table(rows=[row + [""] * (width - len(row)) for row in rows], header_row=header),
                      start)


# A grid table's rule: "+--------+------+", "+========+======+" under its header.
GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
MAX_GRID_CAPTION = 2


def _grid_rows(lines: list[str]) -> tuple[list[list[str]], bool] | None:
    """A grid table, framed in rules of "+" and "-" around rows framed in pipes, and whether its first
    row is a header (a rule under one line at the top). Where rules stand between every row, a row may
    run over several lines, its other cells left blank: those lines are one row whose cells wrap. So may
    the header over its rule."""
    if len(lines) < 3 or not GRID_RULE.match(lines[0]) or \
            not all(GRID_RULE.match(line) or is_table_row(line) for line in lines):
        return None
    groups, current = [], []
    for line in lines:
        if GRID_RULE.match(line):
            if current:
                groups.append(current)
            current = []
        else:
            current.append(split_cells(line))
    if current:
        groups.append(current)
    if not groups:
        return None
    rows, header = [], False
    for index, group in enumerate(groups):
        # A header's lines over its rule are one row too ("| Target |" over "| 2025/26 |").
        if (len(groups) >= 3 or index == 0 < len(groups) - 1) and len(group) > 1 and \
                all(any(not cell for cell in line) for line in group[1:]):
            width = max(len(line) for line in group)
            group = [[" ".join(line[i] for line in group if i < len(line) and line[i]) for i in range(width)]]
        header = header or (index == 0 < len(groups) - 1 and len(group) == 1)
        rows += group
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows], header


def _aligned_rows(lines: list[str]) -> list[list[str]] | None:
    """A table typed with spaces: every line splits at runs of spaces into the same number of
    cells, and figures stand in them ("    2022/23    8.1%" over "    2023/24    6.2%")."""
    if len(lines) < 2 or any(BULLET.match(line) for line in lines):
        return None
    leaders = all(LEADER_GAP.search(line) for line in lines) and \
        not all(PAGE_NUMBER_CELL.match(LEADER_GAP.split(line.strip())[-1]) for line in lines)
    if leaders:
        # Labels and values set apart by dot leaders ("Approved by ...... Full Council"): a contents
        # list, whose values are all page numbers, is not one.
        rows = [LEADER_GAP.split(line.strip()) for line in lines]
    else:
        rows = [ALIGNED_GAP.split(line.strip()) for line in lines]
    if len(rows) > 2 and len(rows[0]) == len(rows[1]) - 1 and all(len(r) == len(rows[1]) for r in rows[2:]):
        rows[0] = [""] + rows[0]  # a header row over the values, with nothing over the labels
    width = len(rows[0])
    if width < 2 or width > 8 or any(len(row) != width for row in rows):
        return None
    if any(count_words(cell) > MAX_ALIGNED_CELL_WORDS for row in rows for cell in row):
        return None  # sentences set two spaces apart are prose, not cells
    if not leaders and not all(any(FIGURE.search(cell) or NIL_CELL.fullmatch(cell) for cell in row[1:])
                               for row in rows[1:]):
        return None
    return rows


# A line of a table typed with spaces: its cells with where each starts and ends.
CELL = re.compile(r"\S+(?: \S+)*")
RULE_LINE = re.compile(r"^[\s=+|-]*-{3,}[\s=+|-]*$|^[\s=+|-]*={3,}[\s=+|-]*$|^\s*(?:[-=]\s){2,}[-=]\s*$")
MIN_COLUMN_ROWS = 2


def _spans(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in CELL.finditer(line.expandtabs())]


def _column_rows(lines: list[str]) -> tuple[list[str], list[list[str]], bool] | None:
    """A table typed with spaces, read by where its columns stand, as a reader's eye does: a header
    with nothing over the labels, a ruled line under it, a label or a value wrapped onto the next
    line, a row whose value is a note ("[HR to confirm]") or blank, and a caption line over it all.

    Returns the caption lines, the rows (the header first) and whether the first row is a header,
    or None when the lines are not laid out in columns (prose typed with two spaces after its full
    stops has no column that several lines share).
    """
    rules = [line for line in lines if RULE_LINE.match(line)]
    body = [line for line in lines if not RULE_LINE.match(line) and line.strip()]
    caption = []
    # A line alone over the columns is the table's title: "Table A1: Workforce figures".
    while body and len(_spans(body[0])) == 1 and len(caption) < 2:
        caption.append(body.pop(0).strip())
    spans = [_spans(line) for line in body]
    if len(body) < MIN_COLUMN_ROWS + 1 or any(len(cells) > 8 for cells in spans):
        return None
    # The columns: a ruled line's dashes, else (no ruled line, or one unbroken rule across the whole
    # table) the line with most cells.
    ruled = [_spans(rule) for rule in rules if len(_spans(rule)) >= 2]
    widest = ruled[0] if ruled else max(spans, key=len)
    columns = [(start, end) for start, end, _ in widest]
    if not 2 <= len(columns) <= 8:
        return None

    def column_of(start: int, end: int) -> int:
        overlaps = [min(end, c_end) - max(start, c_start) for c_start, c_end in columns]
        best = max(range(len(columns)), key=lambda i: overlaps[i])
        if overlaps[best] > 0:
            return best
        return min(range(len(columns)), key=lambda i: min(abs(start - columns[i][0]), abs(end - columns[i][1])))

    rows: list[list[str]] = []
    lined_up = 0
    for cells in spans:
        row = [""] * len(columns)
        placed = [column_of(start, end) for start, end, _ in cells]
        for index, (_, _, text) in zip(placed, cells):
            row[index] = f"{row[index]} {text}".strip()
        lined_up += len(cells) >= 2 and len(set(placed)) == len(cells)
        wrapped_label = row[0][:1].islower() and not any(row[1:])
        wrapped_value = not row[0] and not any(FIGURE.search(c) for c in row[1:])
        if rows and rows[-1][0] and (wrapped_label or wrapped_value):
            # A wrapped label ("met without a long-term service") or value ("centrally, see note]").
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], row)]
            continue
        if rows and len(rows) > 1 and rows[-1][0] and not any(rows[-1][1:]) and row[0][:1].islower():
            # A label that wraps before its values: "Trade union facility time (% of" over "pay bill)
            # 0.05%  0.04%", the values on the label's last line.
            rows[-1] = [f"{rows[-1][0]} {row[0]}"] + row[1:]
            continue
        rows.append(row)
    if lined_up < MIN_COLUMN_ROWS + 1:
        return None
    header = not rows[0][0] or not any(AMOUNT.search(c) or NIL_CELL.fullmatch(c) for c in rows[0][1:])
    values = rows[1:] if header else rows
    if any(count_words(cell) > MAX_ALIGNED_CELL_WORDS * 2 for row in rows for cell in row):
        return None
    figured = [row for row in values if any(FIGURE.search(c) or NIL_CELL.fullmatch(c) for c in row[1:] if c)]
    if len(figured) < MIN_COLUMN_ROWS or len(figured) * 2 < len(values):
        return None
    return caption, rows, header


# A value that says there is none: "Agency staff    —    —", "Interim managers    £22,000    nil".
NIL_CELL = re.compile(r"[-–—]|nil|none|n/a", re.IGNORECASE)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _emit_box(builder: _Builder, start: int, lines: list[str]) -> None:
    """The lines of a box's one column, read as text: each run between blank lines a paragraph, list or
    table of its own."""
    run: list[str] = []
    for line in lines + [""]:
        if line.strip():
            run.append(line)
        elif run:
            _emit_run(builder, start, run)
            run = []


def _emit_run(builder: _Builder, start: int, lines: list[str]) -> None:
    """A run of lines: a table, a list (one block per item) or a paragraph."""
    table_at = _table_start(lines) if len(lines) >= 2 else None
    if table_at is not None:
        if table_at:
            _emit_run(builder, start, lines[:table_at])
        _emit_table(builder, start + table_at, lines[table_at:])
        return
    # A bulleted list may follow its introduction with no blank line between ("**Related links**" over
    # "- [Council plan](#)"), as CommonMark allows: the list starts at its first bullet.
    # Plain text keeps a run of lines together, since a pasted paragraph may wrap onto a line that
    # starts with a dash or a letter in brackets, unless the line before the items ends in a colon and
    # two or more follow ("2.1 That the Executive:" over "(a) approves the plan …" and "(b) authorises …").
    # So are items set in further than the line over them ("3.1 Greatest potential for savings" over
    # "    - Adult social care - …"): a wrapped line is not indented.
    opening = next((i for i, line in enumerate(lines) if i and
                    (SYMBOL_BULLET.match(line) if builder.markdown else
                     LETTERED_ITEM.match(line) and lines[i - 1].rstrip().endswith(":")
                     or SYMBOL_BULLET.match(line) and _indent(line) > _indent(lines[i - 1]))
                    and not BULLET.match(lines[i - 1])), None) \
        if not BULLET.match(lines[0]) else None
    if opening is not None and not builder.markdown and \
            sum(bool(LETTERED_ITEM.match(line) or SYMBOL_BULLET.match(line)) for line in lines[opening:]) < 2:
        opening = None
    if opening is not None and all(BULLET.match(line) or line.startswith((" ", "\t")) for line in lines[opening:]):
        if not builder.markdown and opening == 1 and _looks_like_heading(lines[:1], True):
            # "3.1 Greatest potential for savings" over its items is their heading, as it would be over a
            # blank line.
            builder.add(HEADING, lines[0].strip(), start, level=3 if SUBNUMBER.match(lines[0].strip()) else 2,
                        heading_source="line")
        else:
            _emit_run(builder, start, lines[:opening])
        _emit_run(builder, start + opening, lines[opening:])
        return
    # A grid table may have its caption over it in the same run ("Table 1: Workforce spend").
    opening = next((i for i, line in enumerate(lines[:MAX_GRID_CAPTION + 1]) if GRID_RULE.match(line)), None)
    grid = _grid_rows(lines[opening:]) if opening is not None else None
    if grid:
        if opening:
            builder.add(PARAGRAPH, " ".join(line.strip() for line in lines[:opening]), start)
        rows, header = grid
        if all(len(row) == 1 for row in rows):
            # A box of one column is a call-out of text, not a table: "| KEY MESSAGES |" over "| - Agency
            # spend - 3.4% of staff budget (2023/24) |" is a title and a list.
            _emit_box(builder, start + opening, [row[0] for row in rows])
            return
        builder.add_table(Table(rows=[row for row in rows if not is_blank_row(row)], header_row=header),
                          start + opening)
        return
    aligned = _aligned_rows(lines)
    if aligned:
        builder.add_table(Table(rows=aligned), start)
        return
    if len(lines) >= 3 and CAPTION_LINE.match(lines[0].strip()):
        # "Agency staff, as a share of the total staff budget:" over the rows it introduces.
        rows = _aligned_rows(lines[1:])
        if rows:
            builder.add(PARAGRAPH, lines[0].strip(), start)
            builder.add_table(Table(rows=rows), start + 1)
            return
    columns = _column_rows(lines) if len(lines) >= MIN_COLUMN_ROWS + 1 else None
    if columns:
        caption, rows, header = columns
        if caption:
            builder.add(PARAGRAPH, " ".join(caption), start)
        builder.add_table(Table(rows=rows, header_row=header), start + len(caption))
        return
    if len(lines) >= 2 and all(FIGURE_LINE.match(line) and count_words(line) <= FIGURE_LINE_WORDS for line in lines):
        # "Calls resolved at first contact: 79% (target 85%)" over "Agency staff as a share of staff
        # budget: 2.9% (target 2.0%)": each line is a measure and its figures, not a wrapped sentence.
        for offset, line in enumerate(lines):
            _add_item(builder, line.strip(), start + offset)
        return
    if BULLET.match(lines[0]) and (len(lines) > 1 or BULLET_ONLY_SYMBOL.match(lines[0])
                                   or not NUMBERED_HEADING.match(lines[0].strip())):
        item, item_start = [], start
        for offset, line in enumerate(lines):
            if BULLET.match(line) and item:
                _add_item(builder, " ".join(item), item_start)
                item, item_start = [], start + offset
            item.append(BULLET.sub("", line, count=1) if BULLET.match(line) else line.strip())
        if item:
            _add_item(builder, " ".join(item), item_start)
        return
    text = " ".join(l.strip() for l in lines)
    if numbered_item(text):
        _add_item(builder, NUMBER_PREFIX.sub("", text, count=1), start)
        return
    builder.add(PARAGRAPH, text, start)


# A title typed straight over its text is a few words, well short of the lines under it.
MAX_RUN_TITLE_WORDS = 8
RUN_TITLE_SHARE = 0.6
MIN_TITLED_WORDS = 12


def _titles_its_text(run: list[str]) -> bool:
    """Whether the run's first line is a title over the text that follows it with no blank line between:
    a few words, no stop, well short of the lines under it, over sentences or a list."""
    if len(run) < 2 or not _looks_like_heading(run[:1], True):
        return False
    title, rest = run[0].strip(), [line.strip() for line in run[1:]]
    # (A numbered line over its text is a paragraph's run-in title, which the analysis reads as one.)
    if count_words(title) > MAX_RUN_TITLE_WORDS or title.endswith("?") or NUMBERED_HEADING.match(title) or \
            len(title) > RUN_TITLE_SHARE * max(len(line) for line in rest):
        return False
    text = " ".join(rest)
    return count_words(text) >= MIN_TITLED_WORDS and (text.endswith((".", "!", "?")) or bool(BULLET.match(run[1])))


def numbered_item(line: str) -> bool:
    """A numbered line that continues a sentence, as an item of a list: "5.1.1 a multi-year settlement;"."""
    number = NUMBER_PREFIX.match(line)
    if number is None:
        return False
    rest = line[number.end():].rstrip()
    # "0.09 per cent of the paybill in 2023/24." opens with a figure, not a paragraph number.
    if FIGURE_AFTER.match(rest) or number.group(0).strip().startswith("0"):
        return False
    return bool(rest) and (rest[0].islower() or rest[-1] in ";,")


def _add_item(builder: _Builder, text: str, line: int) -> None:
    block = builder.add(LIST_ITEM, text, line)
    if block is not None:
        block.furniture = link_item_furniture(block.text, builder.last_links) or block.furniture


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
    if markdown:
        # A block quote ("> *Note for the Chief Digital Officer: …*") is read as the text it quotes.
        lines = [BLOCK_QUOTE.sub("", line) for line in lines]
    notes = _take_footnotes(lines) if markdown else {}
    notes.update(_take_plain_footnotes(lines, markdown))
    builder = _Builder(document, notes, markdown)
    pieces = list(_split_markdown_headings(_paragraphs(lines))) if markdown else \
        list(_split_capitals_lines(_drop_box_borders(_split_ruled_titles(_paragraphs(lines)))))
    # A title alone ("# Productivity Plan 2024") over numbered lines ("2.0 Transformation") leaves
    # the lines to be read as headings, as in plain text.
    has_marked_headings = sum(1 for _, _, kind in pieces if kind and kind != RULED_TITLE) > 1
    pieces = list(_split_furniture(pieces))
    for index, (start, run, kind) in enumerate(pieces):
        if kind == "atx":
            level, heading = atx_heading(run[0])
            builder.add(HEADING, heading, start, level=level, heading_source="markdown")
            continue
        if kind and kind.startswith("setext"):
            builder.add(HEADING, run[0], start, level=int(kind[-1]), heading_source="markdown")
            continue
        if kind == RULED_TITLE:
            # Ruled titles are the file's top level: the lines under them that read as headings are
            # their sections ("What we have done" under "1. TRANSFORMING SERVICES").
            builder.add(HEADING, run[0].strip(), start, level=1, heading_source="line")
            continue
        if kind in (CONTENTS, PAGE_NUMBER, RUNNING_FOOTER):
            entry = contents_entry(run[0]) if kind == CONTENTS else run[0]
            builder.add(PARAGRAPH, BULLET.sub("", entry, count=1), start, furniture=kind)
            continue
        bold = bold_line(run[0]) if markdown and len(run) == 1 else None
        if bold and count_words(run[0]) <= 15:
            builder.add(HEADING, bold, start, level=None, heading_source="bold")
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        # None: nothing follows; False: another short line; True: body text.
        next_is_body = None if following is None else bool(
            following[2] is None and (len(following[1]) > 1 or count_words(following[1][0]) > 15
                                      or BULLET.match(following[1][0])))
        if not markdown and not has_marked_headings and index and _titles_its_text(run):
            # "Consultants" over "£96,000 in 2023/24, for the Local Plan viability study. …" with no blank
            # line between: a title line and its text, as over a blank line. (The file's first lines are
            # its title block: "DRAFT v0.4 - NOT FOR CIRCULATION" over who it was shared with.)
            builder.add(HEADING, run[0].strip(), start, level=3 if SUBNUMBER.match(run[0].strip()) else 2,
                        heading_source="line")
            _emit_run(builder, start + 1, run[1:])
            continue
        if not has_marked_headings and _looks_like_heading(run, next_is_body):
            level = 3 if SUBNUMBER.match(run[0].strip()) else 2
            # "## 4. Barriers …" over "*London Borough of Fallowmead Productivity Plan 2024*": a line in
            # italics is a line of text, as it is in Word, and leaves the heading's section whole.
            if not (markdown and len(run) == 1 and ITALIC_LINE.match(run[0].strip())):
                builder.add(HEADING, run[0], start, level=level, heading_source="line")
                continue
        _emit_run(builder, start, run)
    _settle_levels(document.blocks)
    mark_contents_titles(document.blocks)
    assign_sections(document.blocks)
    builder.add_notes()


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
    if not any(block.part == BODY for block in document.blocks):
        from ..errors import ReadError
        raise ReadError("has no text")
    document.pages = estimate_pages(document.blocks)
    document.pages_method = "estimate"
    if options.pages == "layout":
        document.notes.append("page layout needs a word-processor file; "
                              "Markdown and text pages are estimated for A4 at 11 pt")
    return document
