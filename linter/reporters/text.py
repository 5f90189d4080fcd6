"""Text: the checklist people read in a terminal, in plain English.

Grouped by pack and category, one mark per check (✓ pass, ~ partial,
✗ fail, - skipped, w waived), with the evidence that decided it, what to add
when it did not pass, points per category, the score and the verdict.
Colour only on a terminal, and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import textwrap

from ..checks.page_range import describe_count
from . import SUMMARY_HEADER, status_word, summary_rows

MARKS = {"pass": "✓", "partial": "~", "fail": "✗", "skip": "-", "waived": "w"}
COLOURS = {"pass": "32", "partial": "33", "fail": "31", "skip": "2", "waived": "36"}
SEVERITY_LABEL = {"error": "error", "warning": "warning", "info": "info"}


class Painter:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled and code else text


def _points(value: float) -> str:
    return f"{value:g}"


def where(evidence) -> str:
    parts = []
    if evidence.page is not None:
        parts.append(f"page {evidence.page}" + ("" if evidence.page_exact else " (est.)"))
    if evidence.section:
        parts.append(evidence.section)
    return ", ".join(parts)


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=max(width, 40), initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [indent]


def render_result(result, paint: Painter, width: int, verbose: bool) -> list[str]:
    status = status_word(result)
    mark = paint(MARKS[status], COLOURS[status])
    head = f"  {mark} {result.rule.title}"
    tag = f"[{result.rule.id}, {SEVERITY_LABEL[result.severity]}]"
    lines = _wrap(f"{head} {paint(tag, '2')}", "", width + (len(head) - len(head)))
    lines[1:] = [("      " + l.strip()) for l in lines[1:]]
    if status == "skip":
        return lines
    lines += _wrap(result.message, "      ", width)
    shown = result.evidence if (verbose or result.status != "pass") else result.evidence[:1]
    for evidence in shown:
        page = f"page {evidence.page}" + ("" if evidence.page_exact else " (est.)") \
            if evidence.page is not None else ""
        # People read the nearest heading; the full trail is in the machine formats.
        heading = evidence.section.split(" › ")[-1]
        if heading and evidence.quote == heading:
            line = f"{page}: the heading \u201c{heading}\u201d"
        else:
            place = ", ".join(part for part in (page, heading) if part)
            line = f"{place}: \u201c{evidence.quote}\u201d" if place else f"\u201c{evidence.quote}\u201d"
        wrapped = _wrap(line, "        ", width)
        lines += ["      · " + wrapped[0].lstrip()] + wrapped[1:]
    if result.waived is not None:
        lines += _wrap(f"Waived: {result.waived}", "      ", width)
    elif result.status in ("fail", "partial"):
        lines += _wrap(f"To fix: {result.rule.guidance}", "      ", width)
    return lines


def render_document(report, paint: Painter, width: int, verbose: bool) -> list[str]:
    document = report.document
    lines = [paint(document.path, "1")]
    lines.append(f"Pages: {describe_count(report.facts.get('pages'), report.facts.get('pages_method'))}; "
                 f"{report.facts.get('words', 0):,} words")
    lines.append(f"Configuration: {report.configuration or 'no configuration file (built-in defaults)'}")
    lines += [f"Note: {note}" for note in document.notes]
    current_pack = None
    for pack, _, title, rows in report.by_category():
        if pack is not current_pack:
            current_pack = pack
            lines += ["", paint(pack.title, "1")]
        earned = sum(r.points for r in rows)
        total = sum(r.weight for r in rows)
        label = f"{title}"
        subtotal = f"{_points(earned)} / {_points(total)} points"
        lines.append("")
        lines.append(paint(label, "1") + " " * max(1, width - len(label) - len(subtotal)) + subtotal)
        for result in rows:
            lines += render_result(result, paint, width, verbose)
    verdict = paint(report.verdict.upper(), COLOURS["pass" if report.verdict == "pass" else "fail"])
    lines.append("")
    lines += _wrap(f"Score {report.score:g} / 100. Verdict: {verdict}", "", width)
    for reason in report.reasons:
        lines += _wrap(f"  {MARKS['fail']} {reason}", "    ", width)
    return lines


def summary_table(rows) -> list[str]:
    """One line per file: file, score, verdict, failed required checks (or why it could not be read)."""
    rows = [SUMMARY_HEADER, *rows]
    width = max(len(row[0]) for row in rows)
    return [f"{file:<{width}}  {score:>5}  {verdict:<7}  {failed}" for file, score, verdict, failed in rows]


def render(run) -> str:
    paint = Painter(run.color)
    out: list[str] = []
    for report in run.reports:
        if out:
            out += ["", "─" * min(run.width, 80), ""]
        out += render_document(report, paint, run.width, run.verbose)
    if len(run.reports) + len(run.errors) > 1:
        out += ["", paint("Summary", "1")] + summary_table(summary_rows(run))
    if len(run.reports) > 1:
        passed = sum(1 for r in run.reports if r.verdict == "pass")
        out += ["", f"{len(run.reports)} documents checked: {passed} passed, {len(run.reports) - passed} failed"
                + (f", {len(run.errors)} could not be read" if run.errors else "") + "."]
    # Nothing at all when every file went to standard error (a missing file, say).
    return "\n".join(out) + "\n" if out else ""
