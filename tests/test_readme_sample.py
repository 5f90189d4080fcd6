"""The README's sample output is what plancheck prints: its head and its last line, compared line by line."""

from __future__ import annotations

import re

from cli_helpers import plancheck
from conftest import ROOT

SAMPLE = re.compile(r"^```\n\$ plancheck (?P<args>[^\n]+)\n(?P<output>.*?)^```$", re.S | re.M)


def test_the_readme_sample_is_the_real_output(monkeypatch):
    sample = SAMPLE.search((ROOT / "README.md").read_text("utf-8"))
    assert sample, "the README has no sample run"
    head, _, tail = sample.group("output").partition("...\n")
    monkeypatch.chdir(ROOT)
    # As printed into a pipe (80 columns, no colour), whatever the terminal running the tests.
    result = plancheck(*sample.group("args").split(), env={"COLUMNS": None, "NO_COLOR": "1"})
    assert result.exit_code == 1
    real = result.stdout.splitlines()
    head_lines, tail_lines = head.splitlines(), tail.splitlines()
    assert len(head_lines) >= 12 and tail_lines
    assert real[:len(head_lines)] == head_lines
    assert real[-len(tail_lines):] == tail_lines
