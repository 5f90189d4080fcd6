"""sentence-length: sentences are short enough to read in one go.

What it does
    Counts the words of every sentence of running text (paragraphs and
    list items, in the body, text boxes and notes; headings and tables are
    not sentences) and reports those longer than ``max_words``: how many,
    out of how many, and the longest ones with their page and section.
    Sentences are split exactly as every other check splits them. A list
    item is usually a fragment and is then far too short to count; one
    that runs past the limit is a long sentence like any other. The number
    of long sentences is recorded as the fact ``long_sentences``.

Why
    GOV.UK's style guide asks for sentences of about 25 words at most: past
    that, readers lose track of the start by the end, and people reading in
    a second language or with a cognitive impairment most of all.

Parameters
    ``max_words`` (default 25); ``fact`` (default ``long_sentences``).

Example
    A 41-word sentence on page 2 under "Barriers" fails with "3 of 120
    sentences are longer than 25 words; the longest has 41 words" and that
    sentence quoted.
"""

from __future__ import annotations

from ..analysis import evidence_for
from ..document import LIST_ITEM, PARAGRAPH
from ..messages import part, plural, register
from . import FAIL, PASS, SKIP, Outcome

register({
    "sentences.no-text": "No running text to measure.",
    "sentences.ok": "All {sentences} are {limit} words or fewer (the longest has {longest}).",
    "sentences.long": "{count} of {sentences} {verb} longer than {limit} words; the longest has {longest}{where}.",
    "sentences.where": " (page {page})",
})

PARAMS = {
    "type": "object",
    "properties": {"max_words": {"type": "integer", "minimum": 1}, "fact": {"type": "string"}},
    "additionalProperties": False,
}

PROSE = (PARAGRAPH, LIST_ITEM)


def prose_sentences(analysis):
    """Sentences of running text: paragraphs and list items, not headings or tables."""
    return [s for s in analysis.sentences if s.block.kind in PROSE and s.words > 0]


def check(analysis, params, pack) -> Outcome:
    limit = params.get("max_words", 25)
    fact = params.get("fact", "long_sentences")
    sentences = prose_sentences(analysis)
    if not sentences:
        return Outcome(SKIP, "sentences.no-text")
    long = sorted((s for s in sentences if s.words > limit), key=lambda s: -s.words)
    facts = {fact: len(long)}
    if not long:
        longest = max(s.words for s in sentences)
        return Outcome(PASS, "sentences.ok", facts=facts,
                       data={"sentences": plural(len(sentences), "sentence"), "limit": limit, "longest": longest})
    worst = long[0]
    where = f" (page {worst.block.page})" if worst.block.page is not None else ""
    evidence = [evidence_for(s.block, f"{s.words} words: {s.text}") for s in long]
    return Outcome(FAIL, "sentences.long", evidence,
                   [f"split the {worst.words}-word sentence" + where] +
                   [f"shorten {plural(len(long) - 1, 'more sentence')}"] * (len(long) > 1), facts,
                   data={"count": len(long), "sentences": plural(len(sentences), "sentence"),
                         "verb": "is" if len(long) == 1 else "are", "limit": limit, "longest": worst.words,
                         "where": part("sentences.where", page=worst.block.page)
                         if worst.block.page is not None else ""})
