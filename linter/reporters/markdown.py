"""Markdown: the checklist as tables, for a pull-request comment or a CI job summary.

With several files (or any that could not be read) a summary table comes
first: file, score, verdict and why it failed. Then, per document, its score
and verdict, the reasons for a fail, and one row per check: mark, check, severity,
status (``waived`` for a waived check), points, and the message with its
evidence, what to add, or the waiver's reason; then the skipped checks, with
why each was skipped. Text from the documents is
escaped so that it can neither break a table nor inject HTML.
"""

from __future__ import annotations

from ..checks.page_range import describe_count
from . import SUMMARY_HEADER, describe, status_word, summary_rows
from .text import MARKS


def cell(text) -> str:
    """A value safe inside a table cell."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("\r", "").replace("\n", "<br>"))


def table(header: list[str], rows, align: str) -> list[str]:
    """A Markdown table; ``align`` has a letter per column: ``-`` left, ``c`` centre, ``r`` right."""
    rule = {"-": "---", "c": ":-:", "r": "--:"}
    return (["| " + " | ".join(header) + " |", "|" + "|".join(rule[a] for a in align) + "|"]
            + ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows])


def details(result) -> str:
    text = describe(result)
    if status_word(result) in ("fail", "partial"):
        text += f"\nTo fix: {result.rule.guidance.strip()}"
    return text


def document(report) -> list[str]:
    facts = report.facts
    lines = [f"### {cell(report.path)}: {report.score:g} / 100, **{report.verdict.upper()}**", "",
             cell(f"Pages: {describe_count(facts.get('pages'), facts.get('pages_method'))}; "
                  f"{facts.get('words') or 0:,} words"), ""]
    if report.reasons:
        lines += ["Fails because:", ""] + [f"- {cell(reason)}" for reason in report.reasons] + [""]
    shown = [r for r in report.results if status_word(r) != "skip"]
    rows = [(MARKS[status_word(r)], f"{r.rule.title} ({r.rule.id})", r.severity, status_word(r),
             f"{r.points:g} / {r.weight:g}", details(r)) for r in shown]
    lines += table(["", "Check", "Severity", "Status", "Points", "Details"], rows, "c---r-") + [""]
    # Every skip with its reason; checks skipped for one reason share a line.
    skipped: dict[str, list[str]] = {}
    for result in report.results:
        if status_word(result) == "skip":
            skipped.setdefault(result.message, []).append(result.rule.id)
    if skipped:
        lines += ["Skipped:", ""] + [f"- {cell(message)} ({cell(', '.join(ids))})" for message, ids in skipped.items()]
        lines.append("")
    return lines


def render(run) -> str:
    lines = ["## plancheck", ""]
    rows = summary_rows(run)
    if len(rows) > 1 or run.errors:
        lines += table(list(SUMMARY_HEADER), rows, "-rc-") + [""]
    for report in run.reports:
        lines += document(report)
    return "\n".join(lines).rstrip("\n") + "\n"
