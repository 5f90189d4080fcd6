"""Question-and-answer grids: a plan set out as a table of questions beside the council's answers.

Some councils answer the letter in a table: "The letter asks | Our response" over a row for each
question, its answer a paragraph or more of prose. A reviewer reads such a grid as what it stands
for, each question a heading and each answer the text under it. So does the analysis: it reads the
document with every such grid unfolded into headings and paragraphs, so that a theme answered in a
row has its section, a figure in an answer is read as prose, and an empty answer is a heading over
nothing. (The structure checks still see the table as the author made it: ``Analysis.source``.)

A table is a grid when its answers are prose: most rows end in a cell of some length, and the cells
before it are short labels or questions. So is one whose labels are mostly questions, or whose header
names its last column as the answers ("Our response"), however short its answers. A table of figures, a sign-off table or a list of actions
with leads and dates is none. A draft's grid often keeps its own tracking columns after the answer
("Question | Draft response | Lead | Status"): those columns, named in the header, say who writes the
answer and how far it has got, and the grid is read without them. A row asked in lettered parts
("… on a) agency and b) consultants?") and answered by the same letters is read as one question and
answer for each part.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .document import HEADING, PARAGRAPH, TABLE, Block, Document, count_words

# An answer of this many words is prose, not a value; most of a grid's rows have one.
ANSWER_WORDS = 20
# A question or label beside it is short.
LABEL_WORDS = 45
# A header row names the columns ("The letter asks | Our response").
HEADER_WORDS = 6
GRID_ROWS = 2
DEEPEST_HEADING = 6
# A header over the answers: "Our response", "Draft response", "Lowbeck response", "Answer".
ANSWERS_COLUMN = re.compile(r"^(?:[\w'’]+\s+){0,2}(?:responses?|answers?|replies|reply)$", re.IGNORECASE)
# The columns a draft's grid keeps after its answers, to track who writes them and how far they have got.
TRACKING_COLUMN = re.compile(r"^(?:(?:lead|responsible)(?:\s+(?:officer|service|team|director))?|owners?|"
                             r"(?:rag\s+)?status|rag|progress|due(?:\s+date)?|deadline|target\s+date|"
                             r"timescales?|by\s+when|draft(?:ed)?\s+by|author|contact)$", re.IGNORECASE)


def _cells(row: list[str]) -> list[str]:
    return [cell.strip() for cell in row]


def is_prose_grid(rows: list[list[str]]) -> bool:
    """Whether a table's body rows (header left out) are questions or labels beside prose answers."""
    if len(rows) < GRID_ROWS or any(not 2 <= len(row) <= 3 for row in rows):
        return False
    labels_short = _short_labels(rows)
    prose = sum(1 for row in rows if count_words(row[-1]) >= ANSWER_WORDS and "." in row[-1])
    # Or the labels are questions, whatever their answers' length ("TBC", "None.", a sentence or two).
    asked = sum(1 for row in rows if " ".join(row[:-1]).rstrip().endswith("?"))
    return labels_short and (prose * 3 >= len(rows) * 2 or asked * 3 >= len(rows) * 2)


def _short_labels(rows: list[list[str]]) -> bool:
    return all(len(row) >= 2 and count_words(" ".join(row[:-1])) <= LABEL_WORDS for row in rows)


def _answers_column(header: list[str]) -> bool:
    """Whether the header names its last column as the answers ("Our response", "Lowbeck response")."""
    return bool(ANSWERS_COLUMN.match(header[-1].strip().rstrip(":")))


def _header(row: list[str]) -> bool:
    return all(count_words(cell) <= HEADER_WORDS and not cell.rstrip().endswith((".", "?")) for cell in row)


def unfold(document: Document) -> Document:
    """The document with each question-and-answer grid read as headings and paragraphs; the document
    itself when it has none."""
    blocks, changed, enclosing, resume = [], False, None, False
    for block in document.blocks:
        if block.kind == HEADING:
            enclosing, resume = block, False
        elif resume:
            # What follows the grid is back under the heading the grid stood under, not the last
            # question's: the same heading again, at its level.
            blocks.append(_resumed(enclosing, block))
            resume = False
        rows = [_cells(row) for row in block.table.rows if any(cell.strip() for cell in row)] \
            if block.kind == TABLE and block.table is not None else []
        header = bool(rows) and _header(rows[0])
        kept = _without_tracking(rows) if header else rows
        body = kept[1:] if header else kept
        if not body or not (is_prose_grid(body) or header and _answers_column(kept[0]) and _short_labels(body)):
            blocks.append(block)
            continue
        changed = resume = True
        level = enclosing.level if enclosing is not None and enclosing.level else 1
        blocks.extend(_unfolded(block, rows, body, min(level + 1, DEEPEST_HEADING)))
    return replace(document, blocks=blocks) if changed else document


def _without_tracking(rows: list[list[str]]) -> list[list[str]]:
    """The rows without the tracking columns the header names at their end ("Lead", "Status", "RAG")."""
    width = len(rows[0])
    while width > 2 and TRACKING_COLUMN.match(rows[0][width - 1].strip().rstrip(":")):
        width -= 1
    return rows if width == len(rows[0]) else [row[:width] for row in rows]


def _resumed(enclosing: Block | None, following: Block) -> Block:
    """The heading the grid stood under, again, before what follows it (an untitled one at the top
    level when the grid stood under none)."""
    if enclosing is None:
        return replace(following, kind=HEADING, text="", level=1, table=None, notes=[], heading_source="table")
    return replace(enclosing, location=following.location, line=following.line, page=following.page,
                   page_exact=following.page_exact, heading_source="table")


def _unfolded(block: Block, rows: list[list[str]], body: list[list[str]], level: int) -> list[Block]:
    """Each body row as a heading (its question or label) and a paragraph (its answer), where they
    stand in the table; a note cited in a row goes with its answer."""
    spans, start = [], 0
    for row in rows:
        text = " | ".join(cell for cell in row if cell)
        spans.append((start, start + len(text)))
        start += len(text) + 1
    spans = spans[len(rows) - len(body):]
    found = []
    for row, (row_start, row_end) in zip(body, spans):
        label = ": ".join(cell for cell in row[:-1] if cell)
        notes = [note for at, note in block.notes if row_start <= at <= row_end + 1]
        pairs = by_letter(label, row[-1]) or [(label, row[-1])]
        for index, (question, answer) in enumerate(pairs):
            section = block.section + (question,)
            if question:
                found.append(replace(block, kind=HEADING, text=question, level=level, section=section, table=None,
                                     notes=[], heading_source="table"))
            if answer:
                # A note cited in the row goes with its last answer.
                kept = [(len(answer), note) for note in notes] if index == len(pairs) - 1 else []
                found.append(replace(block, kind=PARAGRAPH, text=answer, level=None, section=section, table=None,
                                     notes=kept, heading_source=None))
    return found


# A part of a question or answer lettered "a)" or "(a)".
PART_LETTER = re.compile(r"(?<![\w(])\(?([a-e])\)(?=\s)")


def _lettered(text: str) -> list[re.Match] | None:
    """The part letters of ``text`` when they run "a", "b", … from the first."""
    found = list(PART_LETTER.finditer(text))
    letters = "".join(m.group(1) for m in found)
    return found if len(found) >= 2 and "abcde".startswith(letters) else None


def by_letter(label: str, answer: str) -> list[tuple[str, str]] | None:
    """A question asked in lettered parts and answered by the same letters, as one question and answer
    for each part: "What percentage of total staff budget is spent on a) agency and b) consultants?"
    beside "a) Nil. We employ no agency staff. b) 1.9% in 2023/24" is the agency question answered
    "Nil", and the consultants question answered "1.9% in 2023/24". Any words before the first
    answer's letter answer the whole question."""
    asked, answered = _lettered(label), _lettered(answer)
    if asked is None or answered is None or len(asked) != len(answered):
        return None
    stem = label[:asked[0].start()].strip()
    ending = "?" if label.rstrip().endswith("?") else ""
    preface = answer[:answered[0].start()].strip()
    pairs = [(label, preface)] if preface else []
    for index, (part, reply) in enumerate(zip(asked, answered)):
        part_end = asked[index + 1].start() if index + 1 < len(asked) else len(label)
        reply_end = answered[index + 1].start() if index + 1 < len(answered) else len(answer)
        # "a) agency and b) consultants?": each part without the words that join it to the next.
        words = re.sub(r"(?:[\s,;]+(?:and|or))?[\s,;?]*$", "", label[part.end():part_end]).strip()
        pairs.append((f"{stem} {words}{ending}".strip(), answer[reply.end():reply_end].strip()))
    return pairs
