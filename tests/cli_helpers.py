"""Drafts and a command-line runner for the CLI, configuration, folder and pre-commit tests.

The drafts are short Markdown plans. Checked with :data:`CONFIG` (member
endorsement and KPIs only, so that the tests do not depend on how the other
checks judge a one-page text), :data:`STRONG` passes, :data:`WEAK` fails
both checks, and :data:`PARTIAL` meets the KPI check only in part.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from plancheck.cli import main

STRONG = """\
# Northshire District Council productivity plan 2024

## How we have transformed our services

Since 2019 we have merged three customer contact teams into one, moved 70% of transactions online and cut
the cost per transaction from £6.10 to £3.40.

## Measuring progress

Our key performance indicators are cost per transaction (target £3.00 by 2026) and the percentage of
transactions completed online (target 80%).

## Governance

This plan was endorsed by Cabinet on 8 July 2024.
"""

WEAK = """\
# Productivity plan

## Theme 1

TBC

## Theme 2

We use computers.
"""

PARTIAL = """\
# Productivity plan

## Governance

The leadership team was consulted on this draft. We saved 20% on printing last year.
"""

SELECTED = ("governance.member-endorsement", "metrics.kpis")
CONFIG = 'select = ["governance.member-endorsement", "metrics.kpis"]\n'
WAIVER = "Cabinet meets 16 July"


def as_word(text: str) -> bytes:
    """A draft written above as Markdown, as a Word document: ``#`` lines become Word headings."""
    import io

    import docx

    draft = docx.Document()
    for line in text.splitlines():
        if line.startswith("#"):
            draft.add_heading(line.lstrip("# "), level=line.count("#"))
        elif line:
            draft.add_paragraph(line)
    data = io.BytesIO()
    draft.save(data)
    return data.getvalue()


def write_project(folder: Path, config: str | None = CONFIG) -> Path:
    """``plans/strong.md`` and ``plans/weak.md`` below ``folder``, and ``config`` as its .plancheck.toml."""
    plans = folder / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    (plans / "strong.md").write_text(STRONG, encoding="utf-8")
    (plans / "weak.md").write_text(WEAK, encoding="utf-8")
    if config is not None:
        (folder / ".plancheck.toml").write_text(config, encoding="utf-8")
    return folder


def plancheck(*args, env: dict | None = None, input: bytes | str | None = None):
    """Run the command line in this process; the result has exit_code, stdout and stderr.

    ``input`` is what standard input holds.

    GitHub's variables are cleared unless given, so that the default format is
    text even when the tests themselves run on GitHub Actions.
    """
    base = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None, "NO_COLOR": "1"}
    return CliRunner().invoke(main, [str(arg) for arg in args], env={**base, **(env or {})}, input=input)
