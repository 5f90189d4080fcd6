"""Text: what people read in a terminal, in plain English, the answer first.

Each document opens with its name, its length, its score and verdict, and
the required items that failed it, each on one line with its page: a reader
who stops there knows whether the plan can go and what to fix first. The
checklist follows, grouped by pack and category, one mark per check (✓ pass,
~ partial, ✗ fail, - skipped, w waived), with the evidence that decided it,
how to fix what did not pass, and why a check was skipped.

The short view (``--failures``, the pre-commit hook's default) keeps the
opening and then lists only what failed or was partly met, required items
first, each with one line of fix; questions to consider (info) are counted,
not listed.

Lines are wrapped to ``Run.width`` counting visible characters only, so colour
codes never shorten a line.
"""

from __future__ import annotations

from ..checks.page_range import describe_count
from . import SUMMARY_HEADER, below_threshold, status_word, summary_rows

MARKS = {"pass": "✓", "partial": "~", "fail": "✗", "skip": "-", "waived": "w"}
COLOURS = {"pass": "32", "partial": "33", "fail": "31", "skip": "2", "waived": "36"}
BOLD, DIM = "1", "2"
SEVERITY_ORDER = ("error", "warning", "info")
# The short view's groups; questions to consider (info) are only counted.
SHORT_HEADINGS = {"error": "Required (a fail fails the plan)", "warning": "Asked for"}
# Where the text under a check starts, and where an evidence line's text starts.
BODY, QUOTE = " " * 6, " " * 8
MIN_WIDTH = 40


class Painter:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled and code and text else text


def where(evidence) -> str:
    parts = []
    if evidence.page is not None:
        parts.append(f"page {evidence.page}" + ("" if evidence.page_exact else " (est.)"))
    if evidence.section:
        parts.append(evidence.section)
    return ", ".join(parts)


def wrap(segments, width: int, paint: Painter, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Lines of at most ``width`` visible characters from ``segments``, (text, colour) pairs.

    Words are never broken; colour is applied after the line is laid out, so
    escape codes take no room.
    """
    subsequent = indent if subsequent is None else subsequent
    width = max(width, MIN_WIDTH)
    lines: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    used = len(indent)
    for segment in segments:
        text, code = segment[0], segment[1]
        # A third item, True, keeps the segment on one line ("page 2 (est.)").
        for word in [text] if text and segment[2:] == (True,) else text.split():
            if current and used + 1 + len(word) > width:
                lines.append(current)
                current, used = [], len(subsequent)
            used += len(word) + (1 if current else 0)
            current.append((word, code))
    lines.append(current)
    out = []
    for number, words in enumerate(lines):
        runs: list[list[str]] = []
        for word, code in words:
            if runs and runs[-1][1] == code:
                runs[-1][0] += " " + word
            else:
                runs.append([word, code])
        out.append((indent if number == 0 else subsequent) + " ".join(paint(text, code) for text, code in runs))
    return out


def page_of(result) -> str:
    evidence = result.evidence[0] if result.evidence else None
    if evidence is None or evidence.page is None:
        return ""
    return f"page {evidence.page}" + ("" if evidence.page_exact else " (est.)")


def one_line(text: str, width: int) -> str:
    """``text`` cut at a word to fit one line, with an ellipsis when cut."""
    if len(text) <= width:
        return text
    cut = text[:width - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def headline(report, paint: Painter, width: int, short: bool = False) -> list[str]:
    """Score, verdict and each reason for a fail on a line of its own: the report's first answer.

    The short view lists the failed required items with their fixes next, so
    here it gives only the score's reason.
    """
    colour = COLOURS["pass" if report.verdict == "pass" else "fail"]
    lines = wrap([(f"Score {report.score:g} / 100. Verdict:", ""),
                  (report.verdict.upper() + (", because:" if report.reasons and not short else ""), colour)],
                 width, paint)
    for result in report.results:
        if result.blocks_verdict and not short:
            page = page_of(result)
            lines += wrap([(MARKS["fail"], COLOURS["fail"]), (result.rule.title, ""),
                           (f"[{result.rule.id}]" + ("," if page else ""), DIM), (page, DIM, True)],
                          width, paint, "  ", BODY)
    if below_threshold(report):
        lines += wrap([(MARKS["fail"], COLOURS["fail"]), (report.reasons[-1], "")], width, paint, "  ", BODY)
    return lines


def opening(report, paint: Painter, width: int, short: bool = False) -> list[str]:
    facts = report.facts
    lines = [paint(report.document.path, BOLD)]
    lines += wrap([(f"Pages: {describe_count(facts.get('pages'), facts.get('pages_method'))}; "
                    f"{facts.get('words', 0):,} words", "")], width, paint, "", "  ")
    if report.configuration:
        # A path is not broken across lines: it would no longer be one to copy.
        lines.append(f"Configuration: {report.configuration}")
    else:
        lines += wrap([("Configuration: no configuration file (built-in defaults)", "")], width, paint, "", "  ")
    lines.append("")
    lines += headline(report, paint, width, short)
    for note in report.document.notes:
        lines += wrap([(f"Note: {note}", "")], width, paint, "", "  ")
    return lines


def result_head(result, paint: Painter, width: int, short: bool = False) -> list[str]:
    """The check's mark, title and ID; the short view, grouped by severity, gives the page instead."""
    status = status_word(result)
    tag = f"[{result.rule.id}]" if short else f"[{result.rule.id}, {result.severity}]"
    where_found = page_of(result) if short else ""
    return wrap([(MARKS[status], COLOURS[status]), (result.rule.title, ""), (tag + "," * bool(where_found), DIM),
                 (where_found, DIM, True)], width, paint, "  ", BODY)


def evidence_line(evidence) -> str:
    page = f"page {evidence.page}" + ("" if evidence.page_exact else " (est.)") if evidence.page is not None else ""
    # People read the nearest heading; the full trail is in the machine formats.
    heading = evidence.section.split(" › ")[-1]
    if heading and evidence.quote == heading:
        return f"{page}: the heading \u201c{heading}\u201d"
    place = ", ".join(part for part in (page, heading) if part)
    return f"{place}: \u201c{evidence.quote}\u201d" if place else f"\u201c{evidence.quote}\u201d"


def render_result(result, paint: Painter, width: int, verbose: bool) -> list[str]:
    lines = result_head(result, paint, width)
    if result.status == "skip":
        return lines + wrap([(result.message, DIM)], width, paint, BODY)
    lines += wrap([(result.message, "")], width, paint, BODY)
    shown = result.evidence if (verbose or result.status != "pass") else result.evidence[:1]
    for evidence in shown:
        lines += wrap([(evidence_line(evidence), "")], width, paint, BODY + "· ", QUOTE)
    if result.waived is not None:
        lines += wrap([(f"Waived: {result.waived}", "")], width, paint, BODY)
    elif result.status in ("fail", "partial"):
        lines += wrap([(f"To fix: {result.rule.guidance}", "")], width, paint, BODY)
    return lines


def category_line(title: str, rows, paint: Painter, width: int, note: str = "") -> str:
    earned = sum(r.points for r in rows)
    total = sum(r.weight for r in rows)
    right = note or f"{earned:g} / {total:g} points"
    gap = max(1, max(width, MIN_WIDTH) - len(title) - len(right))
    return paint(title, BOLD) + " " * gap + (paint(right, DIM) if note else right)


def checklist(report, paint: Painter, width: int, verbose: bool) -> list[str]:
    lines: list[str] = []
    current_pack = None
    for pack, _, title, rows in report.by_category():
        if pack is not current_pack:
            current_pack = pack
            lines += ["", paint(pack.title, BOLD)]
        lines.append("")
        off = {r.message for r in rows if r.turned_off}
        if len(off) == 1 and all(r.turned_off for r in rows):
            # A whole category turned off is one line, with where that was done.
            lines.append(category_line(title, rows, paint, width, next(iter(off)).rstrip(".")))
            continue
        lines.append(category_line(title, rows, paint, width))
        for result in rows:
            lines += render_result(result, paint, width, verbose)
    return lines


def to_fix(report, paint: Painter, width: int) -> list[str]:
    """The short view's list: what failed or was partly met, required first, one line of fix each."""
    open_items = [r for r in report.results if r.status in ("fail", "partial") and r.waived is None]
    open_items.sort(key=lambda r: (SEVERITY_ORDER.index(r.severity), r.status != "fail"))
    lines = []
    for severity, heading in SHORT_HEADINGS.items():
        listed = [r for r in open_items if r.severity == severity]
        if listed:
            lines += ["", paint(heading, BOLD)]
        for result in listed:
            lines += result_head(result, paint, width, short=True)
            lines.append(BODY + one_line(result.rule.one_line_fix, max(width, MIN_WIDTH) - len(BODY)))
    listed = [r for r in open_items if r.severity != "info"]
    if not listed:
        lines += ["", "Nothing required or asked for is left to fix."]
    considered = len(open_items) - len(listed)
    if considered:
        lines += [""] + wrap([(f"{considered} question{'s' if considered != 1 else ''} to consider (info) "
                               f"not answered or only in part; the full checklist (--full) lists "
                               f"{'them' if considered != 1 else 'it'}.", "")], width, paint)
    return lines


def render_document(report, paint: Painter, width: int, verbose: bool, short: bool = False) -> list[str]:
    lines = opening(report, paint, width, short)
    if short:
        return lines + to_fix(report, paint, width)
    lines += checklist(report, paint, width, verbose)
    colour = COLOURS["pass" if report.verdict == "pass" else "fail"]
    count = len(report.reasons)
    tail = f"({count} reason{'s' if count != 1 else ''}, listed at the top)" if count else ""
    return lines + [""] + wrap([(f"Score {report.score:g} / 100. Verdict:", ""), (report.verdict.upper(), colour),
                                (tail, "")], width, paint)


def summary_table(rows) -> list[str]:
    """One line per file: file, score, verdict, why it failed (or why it could not be read)."""
    rows = [SUMMARY_HEADER, *rows]
    width = max(len(row[0]) for row in rows)
    return [f"{file:<{width}}  {score:>5}  {verdict:<7}  {why}" for file, score, verdict, why in rows]


def counts(run) -> str:
    passed = sum(1 for r in run.reports if r.verdict == "pass")
    return (f"{len(run.reports)} document{'s' if len(run.reports) != 1 else ''} checked: {passed} passed, "
            f"{len(run.reports) - passed} failed" + (f", {len(run.errors)} could not be read" if run.errors else ""))


def status_line(run) -> str:
    """One line for the terminal when the report went to a file."""
    if len(run.reports) == 1 and not run.errors:
        report = run.reports[0]
        line = f"{report.path}: score {report.score:g} / 100, {report.verdict.upper()}"
        if report.reasons:
            line += f" ({len(report.reasons)} reason{'s' if len(report.reasons) != 1 else ''})"
        return line
    return counts(run)


def render_streamed(report, run, first: bool) -> str:
    """One document's part of the report, printable as soon as that document is checked."""
    lines = [] if first else ["", "─" * min(max(run.width, MIN_WIDTH), 80), ""]
    lines += render_document(report, Painter(run.color), run.width, run.verbose, run.short)
    return "\n".join(lines) + "\n"


def render_summary(run) -> str:
    """What follows the documents: the summary table and the counts (reports need only their verdicts)."""
    out: list[str] = []
    if len(run.reports) + len(run.errors) > 1:
        out += ["", Painter(run.color)("Summary", BOLD)] + summary_table(summary_rows(run))
    if len(run.reports) > 1:
        out += ["", counts(run) + "."]
    # Nothing at all when every file went to standard error (a missing file, say).
    return "\n".join(out) + "\n" if out else ""


def render(run) -> str:
    documents = "".join(render_streamed(report, run, index == 0) for index, report in enumerate(run.reports))
    return documents + render_summary(run)
