"""figure: a percentage is given for a subject, such as agency staff spend.

What it does
    Looks for a percentage tied to the subject: in the same clause of a
    sentence, with the subject the nearest of the named subjects on the side
    the sentence puts its subjects (so "agency 4% and consultants 2%" and "4%
    on agency staff and 2% on consultants" give each its own figure), or in
    the subject's row of a table. A percentage that describes a change
    ("down by 12%") or an aim ("to 3% by 2026", a "Target" column) is not
    what is spent now. Where several years are given, the figure for the most recent year
    is the answer, and it is recorded as the rule's fact.

Why
    Figure questions want a figure. "Agency use is strictly controlled" shows
    the subject is known but does not answer "what percentage of the staff
    budget".

Parameters
    ``prompt`` (the question as the regime words it, so that a copy of it is
    never taken for an answer); ``subject`` (concept); ``others`` (concepts of neighbouring subjects that
    compete for the same figures); ``exclude`` (sentences about something
    else, e.g. a consultancy's study, skipped unless ``denominator`` appears);
    ``denominator`` (concept such as "staff budget"); ``mention`` (concept
    that counts as discussing the subject, default the subject); ``fact``
    (name of the fact to record).

Example
    "Agency staff were 4.1% of the staff budget in 2023/24 (5.0% in 2022/23)"
    passes with fact 4.1; "Agency use is restricted" is partial.
"""

from __future__ import annotations

import re

from ..analysis import evidence_for
from ..document import TABLE
from ..terms import term_set
from . import CONCEPT, FAIL, PARTIAL, PASS, Outcome

PARAMS = {
    "type": "object",
    "$defs": {"concept": CONCEPT},
    "properties": {
        "prompt": {"type": "string"},
        "subject": {"$ref": "#/$defs/concept"},
        "others": {"type": "array", "items": {"$ref": "#/$defs/concept"}},
        "exclude": {"$ref": "#/$defs/concept"},
        "denominator": {"$ref": "#/$defs/concept"},
        "mention": {"$ref": "#/$defs/concept"},
        "fact": {"type": "string"},
    },
    "required": ["subject", "fact"],
    "additionalProperties": False,
}

PERCENT = term_set(["@percent"])
YEAR = term_set(["@year"])
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CHANGE_WORDS = {"by", "reduced", "reduction", "increased", "increase", "decreased", "decrease", "fallen",
                "fell", "risen", "rose", "rise", "down", "up", "cut", "cuts", "saving", "savings",
                "growth", "grew", "dropped", "drop", "lower", "higher"}
PRONOUN = re.compile(r"\b(?:it|this|they|which)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"\s*(?:;|:|\s[–—-]\s|,\s+(?:and|but|while|whereas|although)\b)\s*")
TARGET_BEFORE = re.compile(r"\b(?:aim|aims|aiming|target|targets|ambition|goal|will|plan to|plans to|intend\w*|"
                           r"expect\w*|forecast\w*)\b", re.IGNORECASE)
TARGET_AFTER = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:\w+\s+)?(?:19|20)\d\d")
TARGET_COLUMN = re.compile(r"target|aim|forecast|budget|plan|goal", re.IGNORECASE)
HEDGES = {"around", "about", "approximately", "approx", "over", "almost", "nearly", "some", "just",
          "only", "c", "circa", "a", "of", "than", "more", "less"}


def year_key(text: str) -> tuple[int, int]:
    """Sort key for "2023/24", "2023-2024" or "2024": the later year first."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    start = numbers[0]
    end = numbers[1] if len(numbers) > 1 else start
    if end < 100:
        end += (start // 100) * 100
    return end, start


def is_change(text: str, start: int) -> bool:
    """Whether the words before a percentage make it a change rather than a share."""
    words = re.findall(r"[a-z]+", text[max(0, start - 40):start].lower())
    while words and words[-1] in HEDGES:
        words.pop()
    return bool(words) and words[-1] in CHANGE_WORDS


def _value(match_text: str) -> float:
    return float(NUMBER.search(match_text).group(0))


def is_target(clause: str, start: int, end: int) -> bool:
    """Whether a percentage is an aim ("we aim to cut it to 3% by 2026") rather than what is spent now."""
    return bool(TARGET_BEFORE.search(clause[:start]) or TARGET_AFTER.search(clause[end:]))


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) pieces of a sentence split at semicolons, colons, dashes and ", and"."""
    pieces, start = [], 0
    for match in CLAUSE_BREAK.finditer(text):
        pieces.append((start, text[start:match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return pieces


def owner(position: int, mentions: list[tuple[int, bool]], subject_first: bool) -> bool | None:
    """Whether the figure at ``position`` belongs to our subject (True) or another (False).

    Writers put the subject before its figure ("agency staff 4%, consultants
    2%") or after it ("4% on agency staff, 2% on consultants"); the order of
    the sentence's first subject and first figure says which.
    """
    before = [m for m in mentions if m[0] < position]
    after = [m for m in mentions if m[0] > position]
    if subject_first:
        chosen = max(before, default=None) or min(after, default=None)
    else:
        chosen = min(after, default=None) or max(before, default=None)
    return None if chosen is None else chosen[1]


def tied_figures(text: str, subject, others) -> list[tuple[float, tuple | None, int]]:
    """Percentages in one sentence that belong to ``subject``: (value, year key, position)."""
    figures = []
    carried = False
    for offset, clause in clauses(text):
        mentions = [(m.start(), True) for m in subject.finditer(clause)]
        theirs = [(m.start(), False) for other in others for m in other.finditer(clause)]
        if not mentions and not theirs and carried and PRONOUN.search(clause):
            mentions = [(0, True)]  # "...; in 2023/24 it was 4.1%": "it" is the subject of the clause before
        carried = bool(mentions) and not theirs
        if not mentions:
            continue
        mentions += theirs
        percents = [m for m in PERCENT.finditer(clause)
                    if not is_change(clause, m.start()) and not is_target(clause, m.start(), m.end())]
        if not percents:
            continue
        subject_first = min(mentions)[0] < percents[0].start()
        years = [(m.start(), year_key(m.group(0))) for m in YEAR.finditer(clause)]
        for match in percents:
            if not owner(match.start(), mentions, subject_first):
                continue
            year = min(years, key=lambda y: abs(y[0] - match.start()))[1] if years else None
            figures.append((_value(match.group(0)), year, offset + match.start()))
    return figures


def table_figures(block, subject) -> list[tuple[float, tuple | None, str]]:
    """Percentages in the subject's row of a table, with the year of their column."""
    rows = block.table.rows
    header = rows[0] if rows else []
    found = []
    for row in rows[1:] if len(rows) > 1 else rows:
        if not row or not subject.matches(row[0] if row[0] else " ".join(row)):
            continue
        for column, cell in enumerate(row[1:], 1):
            match = PERCENT.search(cell)
            if match is None:
                continue
            label = header[column] if column < len(header) else ""
            if TARGET_COLUMN.search(label):
                continue
            year = YEAR.search(label)
            found.append((_value(match.group(0)), year_key(year.group(0)) if year else None,
                          " | ".join(row)))
    return found


def check(analysis, params, pack) -> Outcome:
    subject = pack.concept(params["subject"])
    others = [pack.concept(o) for o in params.get("others", [])]
    exclude = pack.concept(params["exclude"]) if "exclude" in params else None
    denominator = pack.concept(params["denominator"]) if "denominator" in params else None
    mention = pack.concept(params["mention"]) if "mention" in params else subject
    fact = params["fact"]
    candidates = []  # (value, year key, order, block, quote text)
    mentions = []
    for order, sentence in enumerate(analysis.own_sentences()):
        text = sentence.text
        if sentence.block.kind == TABLE and sentence.block.table is not None:
            continue
        if exclude and exclude.matches(text) and not (denominator and denominator.matches(text)):
            continue
        if mention.matches(text):
            mentions.append(sentence)
        for value, year, _ in tied_figures(text, subject, others):
            candidates.append((value, year, order, sentence.block, text))
    for order, block in enumerate(analysis.document.blocks):
        if block.kind == TABLE and block.table is not None:
            for value, year, row in table_figures(block, subject):
                candidates.append((value, year, -1, block, row))
    if candidates:
        dated = [c for c in candidates if c[1] is not None]
        chosen = max(dated, key=lambda c: c[1]) if dated else candidates[0]
        value = chosen[0]
        shown = f"{value:g}%"
        when = " for the most recent year given" if len(dated) > 1 else ""
        evidence = [evidence_for(chosen[3], chosen[4])] + \
            [evidence_for(c[3], c[4]) for c in candidates if c is not chosen][:2]
        return Outcome(PASS, f"Given as {shown}{when}.", evidence, facts={fact: value})
    if mentions:
        return Outcome(PARTIAL, "Discussed, but no percentage is given.",
                       [evidence_for(s.block, s.text) for s in mentions[:3]],
                       missing=["the percentage itself"], facts={fact: None})
    return Outcome(FAIL, "Not addressed.", [], missing=["the percentage itself"], facts={fact: None})
