"""CSV: the coverage matrix a reviewing panel opens in a spreadsheet.

One row per file: path, format, score, verdict, the required checks that
failed, the read error if it could not be read, the reasons for the verdict
(``; `` between them) and the score threshold, then one column per check
(named by its ID) holding its status (``waived`` for a waived check), one
column per fact, and the waivers with their reasons. Empty cells are facts
not found. Text that a spreadsheet would run as a formula (a file name
starting with ``=``) is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json

from ..engine import BASE_FACTS
from . import blockers, status_word

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(item) -> str | float | int:
    """A value as a spreadsheet should see it: empty for None, JSON for objects, never a formula."""
    if item is None:
        return ""
    if isinstance(item, (dict, list)):
        return json.dumps(item, ensure_ascii=False)
    if isinstance(item, str) and item.startswith(FORMULA_START):
        return "'" + item
    return item


def render(run) -> str:
    check_ids = [rule.id for pack in run.packs for rule in pack.rules]
    fact_names = list(dict.fromkeys([*BASE_FACTS, *(name for pack in run.packs for name in pack.facts)]))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["path", "format", "score", "verdict", "failed_errors", "error", "reasons", "threshold",
                     *check_ids, *fact_names, "waived"])
    for report in run.reports:
        statuses = {r.rule.id: status_word(r) for r in report.results}
        waivers = "; ".join(f"{r.rule.id}: {r.waived}" for r in report.results if r.waived is not None)
        row = [report.path, report.document.format, report.score, report.verdict, " ".join(blockers(report)), "",
               "; ".join(report.reasons), report.fail_under, *(statuses.get(i, "") for i in check_ids), *(report.facts.get(n) for n in fact_names), waivers]
        writer.writerow([cell(item) for item in row])
    for error in run.errors:
        row = [error["path"], "", "", "error", "", error["message"], "", ""] + [""] * (len(check_ids) + len(fact_names) + 1)
        writer.writerow([cell(item) for item in row])
    return out.getvalue()
