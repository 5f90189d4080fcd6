"""The short cuts of plancheck.terms give what the term patterns give, always.

A term list's anchors (plancheck.terms.anchors) let a text that holds none of
them go unsearched, and while a document is checked (plancheck.terms.remembering)
what a term list found in a text is remembered. Neither may change a result:
these tests compare both with the patterns searched directly, on the corpus's
sentences and on texts made to sit at the edges (hyphens, apostrophes,
wildcards, case, characters outside ASCII). A term list's word starts
(plancheck.terms.word_starts) let an analysis search only the sentences with a
word that begins with one (Analysis.holding): every match begins such a word.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from plancheck import terms
from plancheck.analysis import Analysis, split_sentences
from plancheck.packs import builtin_names, load_pack
from plancheck.readers import ReadOptions, read_document
from plancheck.terms import TermSet, anchors, remembering, word_starts

CORPUS = Path(__file__).resolve().parent / "corpus"


def direct(concept: TermSet, text: str) -> list[tuple[int, int]]:
    """The spans of ``concept`` in ``text``, from its patterns alone."""
    pattern, blocked = terms._compile(concept.terms), terms._compile(concept.unless)
    if pattern is None:
        return []
    # Every "unless" match hides what it covers, those that overlap another included.
    hidden, match = [], blocked.search(text) if blocked else None
    while match is not None:
        hidden.append(match.span())
        match = blocked.search(text, match.start() + 1)
    return [m.span() for m in pattern.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e in hidden)]


def concepts() -> list[TermSet]:
    found = {}
    for name in builtin_names():
        pack = load_pack(name)
        for concept in [*pack.concepts.values(), pack.placeholders, pack.document_control, pack.specific_terms]:
            if concept is not None:
                found[(concept.terms, concept.unless)] = concept
    return list(found.values())


def texts() -> list[str]:
    sentences = []
    for path in sorted(CORPUS.glob("*/*.md"))[:60]:
        for line in path.read_text("utf-8").splitlines():
            sentences += split_sentences(line)
    return sentences


EDGES = ["We run e-learning, e learning and eLearning.", "Rose from 12 to 15; fell by a third; 72% against 58%.",
         "Costs of 3 million pounds, 4 Billion GBP, 5 PER CENT, 6percent.", "Row | 61 | 50", "2024-07-16, 3rd SEPT 2024",
         "HR to Confirm; Kelby's draft plan; every Spring; [XX]%; ??; ??%; (to follow); <<insert>>", "Eleven, TWELVE.",
         "Results in Q?; {{name}}; ###; ____ times; \u25a2\u25a2 systems; \u220e\u220e; [\u2022]", "Q3 and Q4?",
         "Target of 8, baseline 61, from 28 days to 21, now: 74 (9 days)", "Northmoor Council, 1999/00", "The Council’s plan and the council's plan.",
         "Transformation, TRANSFORMING and transform.", "EDI, edi and Edi champions.",
         "A \u212aelvin sign, a long \u017fhared ſervice, İstanbul.", "agency staff (not the Environment Agency)",
         "", "£3.2m saved; 4.5% of the staff budget; 12 champions", "cabinet-member Cabinet Member"]


def test_a_text_holding_no_anchor_has_no_match():
    sample = texts() + EDGES
    for concept in concepts() + [TermSet(token, (token,)) for token in terms.BUILT_INS]:
        found = anchors(concept.terms)
        for text in sample:
            spans = direct(concept, text)
            if found is not None and text.isascii() and not any(a in text.lower() for a in found):
                assert spans == [], (concept.name, text)
            assert [m.span() for m in concept.finditer(text)] == spans, (concept.name, text)
            assert concept.matches(text) == bool(spans), (concept.name, text)


def test_a_match_begins_a_word_with_a_word_start():
    sample = texts() + EDGES
    for concept in concepts():
        starts = word_starts(concept.terms)
        if starts is None:
            continue
        for text in sample:
            if not text.isascii():
                continue
            for start, _ in direct(concept, text):
                word = re.match(r"\w*", text[start:]).group(0).lower()
                assert start == 0 or not re.match(r"\w", text[start - 1]), (concept.name, text)
                assert word.startswith(starts), (concept.name, text, word)


def test_word_starts_of_term_syntax():
    assert word_starts(("e-learning", "agency staff", "agency*", "=EDI", "council’s plan")) == ("agency", "council", "e")
    assert word_starts(("transform*", "co-operat*", "A&E")) == ("a", "co", "transform")
    assert word_starts(("@percent", "staff")) is None
    assert word_starts(("£",)) is None
    assert word_starts(("-led",)) is None


def test_sentences_holding_a_concept_are_those_it_occurs_in():
    paths = sorted(CORPUS.glob("*/*.md"))[:40] + [Path(__file__).resolve().parents[1] / "examples" / "weak-draft-productivity-plan.md"]
    for name in builtin_names():
        pack = load_pack(name)
        for path in paths:
            document = read_document(path, ReadOptions(pages="estimate"))
            analysis, asked = Analysis.of(document, pack=pack), Analysis.of(document, pack=pack)
            for concept in concepts():
                assert analysis.holding(concept) == {s.index for s in asked.sentences if asked.has(concept, s)}, \
                    (path.name, concept.name)


def test_anchors_of_term_syntax():
    assert anchors(("e-learning",)) == ("learning",)
    assert anchors(("transform*", "council’s plan")) == ("council", "transform")
    assert anchors(("=EDI", "equality diversity")) == ("diversity", "edi")
    # A text holding "staffing" holds "staff" too: one anchor is enough.
    assert anchors(("staff", "staffing costs")) == ("staff",)
    # A built-in token's matches hold one of its own anchors: "%" or "per" for a percentage.
    assert {"%", "staff"} <= set(anchors(("@percent", "staff")))
    assert "council" in anchors(("@named-council",))
    # "£" matches no ASCII character, whatever the case: no ASCII text holds the term. The Kelvin
    # sign matches a "k": a term of it has no anchor.
    assert anchors(("£",)) == ()
    assert anchors(("£XXm", "staff")) == ("staff",)
    assert anchors(("\u212a",)) is None


def test_remembered_results_are_the_results():
    rng = random.Random(7)
    sample = texts() + EDGES
    cases = [(rng.choice(concepts()), rng.choice(sample)) for _ in range(3000)]
    plain = [(c.matches(t), [m.span() for m in c.finditer(t)], c.search(t) and c.search(t).span())
             for c, t in cases]
    with remembering():
        first = [(c.matches(t), [m.span() for m in c.finditer(t)], c.search(t) and c.search(t).span())
                 for c, t in cases]
        with remembering():  # nested: the same memory
            again = [(c.matches(t), [m.span() for m in c.finditer(t)], c.search(t) and c.search(t).span())
                     for c, t in cases]
    assert plain == first == again
    assert terms._memo.get() is None  # forgotten once the document is checked


def test_anchors_of_patterns():
    anchors_of = terms._pattern_anchors
    assert anchors_of(r"(?:each|every)\s+day") == {"day"}
    assert anchors_of(r"ab(?:cd|ef)+") in ({"ab"}, {"cd", "ef"})
    assert anchors_of(r"\d+%|£\d+") == {"%"}  # "£" in no ASCII text: its branch needs nothing there
    assert anchors_of(r"£\d+") == frozenset()
    assert anchors_of(r"x?\d") == set("0123456789")
    assert anchors_of(r"\w+") is None
    assert anchors_of("(?-i:Council)s?") == {"council"}


@pytest.mark.parametrize("text", EDGES)
def test_finditer_is_the_same_lazy_or_remembered(text):
    concept = TermSet("t", ("e-learning", "council’s", "transform*", "=EDI", "agency staff", "shared"),
                      ("environment agency",))
    lazy = [m.span() for m in concept.finditer(text)]
    with remembering():
        assert [m.span() for m in concept.finditer(text)] == lazy
        assert [m.span() for m in concept.finditer(text)] == lazy
