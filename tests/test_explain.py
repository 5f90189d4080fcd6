"""--explain ID gives the rule's own pass, partial and fail, as its page in docs/rules/ does."""

from __future__ import annotations

import pytest
from cli_helpers import plancheck

from plancheck.explain import outcomes
from plancheck.packs import DEFAULT_PACKS, load_pack

ALL_RULES = [(pack, rule) for name in DEFAULT_PACKS for pack in [load_pack(name)] for rule in pack.rules]


def section(out: str, heading: str) -> str:
    lines = out.splitlines()
    start = lines.index(heading) + 1
    body = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        body.append(line.strip())
    return " ".join(body)


def test_length_and_reading_age_each_explain_their_own_partial():
    pages = plancheck("--explain", "length.pages")
    reading = plancheck("--explain", "readability.reading-age")
    assert pages.exit_code == reading.exit_code == 0
    assert section(pages.stdout, "Partial (half the weight)") == "Never: the length is within bounds or it is not."
    assert section(reading.stdout, "Partial (half the weight)").startswith(
        "The body text does, but some sections of 100 words or more do not")
    assert "3 to 4 pages" in section(pages.stdout, "Fail (no points)")
    assert "reading ease of 50 (plancheck's default" in section(reading.stdout, "Pass (full weight)")
    for out in (pages.stdout, reading.stdout):
        assert "touched on or incomplete" not in out


@pytest.mark.parametrize("pack, rule", ALL_RULES, ids=[rule.id for _, rule in ALL_RULES])
def test_every_rule_of_the_default_packs_has_outcomes_of_its_own(pack, rule):
    passed, partial, failed = outcomes(rule, pack)
    assert (partial, failed) != ("Partly met.", "Not met."), rule.check
    out = plancheck("--explain", rule.id).stdout
    assert " ".join(failed.split())[:60] in " ".join(out.split())


def test_the_pdf_vocabulary_is_in_explain_and_not_in_the_report():
    out = plancheck("--explain", "access.tagged-pdf").stdout
    assert "/MarkInfo" in out and "/StructTreeRoot" in out
    assert 'File › Save As › PDF › Options › "Document structure tags for accessibility"' in " ".join(out.split())
