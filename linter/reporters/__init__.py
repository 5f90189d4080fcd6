"""Reporters: one module per output format, each turning results into text.

A reporter never reads files or judges: it gets the finished
:class:`~plancheck.engine.DocumentReport` objects and the read errors, and
returns what to print. Each module exposes ``render(run) -> str``. The helpers
below are what several formats share: which results to annotate, at what
level, where, and in which words.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "markdown": "markdown",
    "csv": "csv_report",
    "html": "html",
}
# Annotation levels, most serious first (SARIF's names; GitHub says "notice" for "note").
LEVELS = ("error", "warning", "note")
SEVERITY_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@dataclass
class Run:
    """Everything one invocation produced, as the reporters see it."""

    reports: list = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    packs: list = field(default_factory=list)
    color: bool = False
    verbose: bool = False
    width: int = 80
    # The text format's short view: only what failed or was partly met.
    short: bool = False


def render(fmt: str, run: Run) -> str:
    return importlib.import_module(f".{FORMATS[fmt]}", __name__).render(run)


def status_word(result) -> str:
    if result.waived is not None:
        return "waived"
    return result.status


def findings(report) -> list:
    """The results worth an annotation: checks that failed or were only partly met, waived or not."""
    return [r for r in report.results if r.status in ("fail", "partial")]


def blockers(report) -> list[str]:
    """IDs of the error-severity checks that failed the verdict."""
    return [r.rule.id for r in report.results if r.blocks_verdict]


def below_threshold(report) -> bool:
    return report.fail_under is not None and report.score < report.fail_under


def short_reasons(report) -> str:
    """The reasons for a verdict in a table cell's room: failed check IDs, then the threshold missed."""
    reasons = blockers(report)
    if below_threshold(report):
        reasons.append(f"score below {report.fail_under:g}")
    return ", ".join(reasons) or "-"


def level(result) -> str:
    """The annotation level: the check's severity, one step lower when only partly met.

    Only a failed check can block the verdict, so a partial one is never
    shown as an error.
    """
    base = LEVELS.index(SEVERITY_LEVELS[result.severity])
    return LEVELS[min(base + (result.status == "partial"), len(LEVELS) - 1)]


def start_line(result) -> int:
    """The 1-based line of the first evidence (a block number for binary formats), or 1."""
    return max(1, result.evidence[0].line) if result.evidence else 1


def describe(result) -> str:
    """The result's message, where its first evidence is and what it says, and any waiver."""
    from .text import where  # here, not at the top: the text reporter imports this module

    text = result.message
    if result.evidence:
        evidence = result.evidence[0]
        place = where(evidence)
        text += f" ({place}: \u201c{evidence.quote}\u201d)" if place else f" (\u201c{evidence.quote}\u201d)"
    if result.waived is not None:
        text += f" Waived: {result.waived}"
    return text


def relative_path(path: str) -> str | None:
    """A file as CI systems want it: relative to the working directory (the checkout), with ``/``.

    None for a file outside the working directory.
    """
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return None


SUMMARY_HEADER = ("File", "Score", "Verdict", "Why")


def summary_rows(run) -> list[tuple[str, str, str, str]]:
    """(file, score, verdict, why it failed) for each document, then each file that could not be read."""
    rows = [(r.path, f"{r.score:g}", r.verdict.upper(), short_reasons(r)) for r in run.reports]
    rows += [(e["path"], "-", "ERROR", e["message"]) for e in run.errors]
    return rows
