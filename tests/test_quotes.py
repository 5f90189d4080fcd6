"""Quotes show the matched words, whole: cut around a span, never inside a word."""

from __future__ import annotations

import re

import pytest

from plancheck.analysis import QUOTE_LIMIT, quote

LEAD = "We also share the cost of training with our neighbours. " * 3
ANSWER = "We share the training budget with the county council and save about £40,000 a year."
TEXT = LEAD + ANSWER + " Each year we agree who runs which course, so that nothing is duplicated."


def whole_words(quoted: str, text: str) -> bool:
    """Every word of the quote (ellipses aside) is a whole word of ``text``."""
    words = set(re.findall(r"\S+", text))
    inner = quoted.strip("…").strip()
    return all(word in words for word in inner.split())


def test_a_quote_is_cut_around_the_matched_words():
    start = TEXT.index("share the training budget")
    quoted = quote(TEXT, span=(start, start + len("share the training budget")))
    assert "share the training budget" in quoted
    assert quoted.startswith("…") and len(quoted) <= QUOTE_LIMIT
    assert whole_words(quoted, TEXT)


def test_a_match_at_the_end_is_shown_to_its_last_word():
    start = TEXT.index("nothing is duplicated")
    quoted = quote(TEXT, span=(start, len(TEXT)))
    assert quoted.endswith("nothing is duplicated.")


def test_a_match_near_the_start_is_quoted_from_the_start():
    quoted = quote(TEXT, span=(3, 7))
    assert quoted.startswith("We also share") and quoted.endswith("…")


@pytest.mark.parametrize("limit", [40, 61, 97, 150])
@pytest.mark.parametrize("focus", [None, 0, 120, 200])
def test_no_quote_is_cut_inside_a_word(limit, focus):
    quoted = quote(TEXT, focus=focus, limit=limit)
    assert len(quoted) <= limit
    assert whole_words(quoted, TEXT), quoted


def test_white_space_is_squeezed_and_the_span_still_points_at_its_words():
    spaced = "Intro   text\n\n" * 20 + "the   answer  is here"
    start = spaced.index("the   answer")
    quoted = quote(spaced, span=(start, len(spaced)), limit=60)
    assert quoted.endswith("the answer is here") and "  " not in quoted


def test_short_text_is_quoted_whole():
    assert quote("  We cut costs.\n") == "We cut costs."
