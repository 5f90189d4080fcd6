"""The short cuts of plancheck.terms give what the term patterns give, always.

A term list's anchors (plancheck.terms.anchors) let a text that holds none of
them go unsearched, and while a document is checked (plancheck.terms.remembering)
what a term list found in a text is remembered. Neither may change a result:
these tests compare both with the patterns searched directly, on the corpus's
sentences and on texts made to sit at the edges (hyphens, apostrophes,
wildcards, case, characters outside ASCII).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from plancheck import terms
from plancheck.analysis import split_sentences
from plancheck.packs import builtin_names, load_pack
from plancheck.terms import TermSet, anchors, remembering

CORPUS = Path(__file__).resolve().parent / "corpus"


def direct(concept: TermSet, text: str) -> list[tuple[int, int]]:
    """The spans of ``concept`` in ``text``, from its patterns alone."""
    pattern, blocked = terms._compile(concept.terms), terms._compile(concept.unless)
    if pattern is None:
        return []
    hidden = [m.span() for m in blocked.finditer(text)] if blocked else []
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


EDGES = ["We run e-learning, e learning and eLearning.", "The Council’s plan and the council's plan.",
         "Transformation, TRANSFORMING and transform.", "EDI, edi and Edi champions.",
         "A \u212aelvin sign, a long \u017fhared ſervice, İstanbul.", "agency staff (not the Environment Agency)",
         "", "£3.2m saved; 4.5% of the staff budget; 12 champions", "cabinet-member Cabinet Member"]


def test_a_text_holding_no_anchor_has_no_match():
    sample = texts() + EDGES
    for concept in concepts():
        found = anchors(concept.terms)
        for text in sample:
            spans = direct(concept, text)
            if found is not None and text.isascii() and not any(a in text.lower() for a in found):
                assert spans == [], (concept.name, text)
            assert [m.span() for m in concept.finditer(text)] == spans, (concept.name, text)
            assert concept.matches(text) == bool(spans), (concept.name, text)


def test_anchors_of_term_syntax():
    assert anchors(("e-learning",)) == ("learning",)
    assert anchors(("transform*", "council’s plan")) == ("council", "transform")
    assert anchors(("=EDI", "equality diversity")) == ("diversity", "edi")
    # A text holding "staffing" holds "staff" too: one anchor is enough.
    assert anchors(("staff", "staffing costs")) == ("staff",)
    assert anchors(("@percent", "staff")) is None
    assert anchors(("£",)) is None


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


@pytest.mark.parametrize("text", EDGES)
def test_finditer_is_the_same_lazy_or_remembered(text):
    concept = TermSet("t", ("e-learning", "council’s", "transform*", "=EDI", "agency staff", "shared"),
                      ("environment agency",))
    lazy = [m.span() for m in concept.finditer(text)]
    with remembering():
        assert [m.span() for m in concept.finditer(text)] == lazy
        assert [m.span() for m in concept.finditer(text)] == lazy
