"""The short form of the seeded fuzz run (tests/fuzz.py): a few hundred mutated plans through the
real command line, in two batches, with nothing in the contract broken."""

from __future__ import annotations

import fuzz


def test_a_seeded_fuzz_run_keeps_the_contract():
    summary = fuzz.run(count=300, seed=2024, batch=150, jobs=2, timeout=300)
    assert summary.inputs == 300
    assert summary.problems == []
    # The run exercised both sides of the contract: reports and refusals.
    assert summary.outcomes["error"] >= 30 and summary.outcomes["pass"] + summary.outcomes["fail"] >= 100
    assert set(summary.mutators) == {"flip", "splice", "truncate", "word_xml", "pdf_tokens", "text_mutation"}


def test_every_input_can_be_made_again_alone():
    plans = fuzz.seeds()
    assert fuzz.make_input(2024, 17, plans) == fuzz.make_input(2024, 17, plans)
    assert fuzz.make_input(2024, 17, plans) != fuzz.make_input(2024, 18, plans)
