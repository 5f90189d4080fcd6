"""table-structure: tables hold data, with a header row and no merged cells.

What it does
    For each table, reports:

    * no header row (Word: "Repeat as header row at the top of each page";
      HTML: ``<th>`` or ``<thead>``; Markdown: the ``|---|`` rule). A
      header row with nothing in it, such as Markdown's ``| | |`` over a
      table of labels and values, names no column, so it is no header row;
      rows with nothing in any cell are left out in every format;
    * merged or split cells;
    * a table used for layout rather than data: a single row, a single
      column, a table inside another table, or cells of long prose (more
      than ``prose_words`` words in one cell). A layout table is reported as
      that alone, since giving it a header row would not help.

    Skipped for formats whose reader cannot see table structure (a PDF's
    tables are not read; a plain-text file has none): check the source
    document.

Why
    A screen reader reads a data table cell by cell, announcing each cell's
    row and column headers, so the headers must be marked and the grid
    regular. Merged cells break that grid, and a table used to place text
    side by side is read in an order nobody meant (WCAG 2.2, 1.3.1 Info and
    Relationships; 1.3.2 Meaningful Sequence).

Parameters
    ``prose_words`` (default 60); ``skip_formats`` (default ``pdf``,
    ``text``).

Example
    A table of KPIs whose first row is bold but not set to repeat as a header
    row fails with "1 table without a header row" and its first row quoted.
"""

from __future__ import annotations

from ..analysis import evidence_for
from ..document import TABLE, count_words
from ..messages import part, plural, register
from . import FAIL, PASS, SKIP, Outcome
from .places import FORMATS_SCHEMA, format_name

register({
    "tables.not-read": "Not checked: table structure is not read from {format}; check the source document.",
    "tables.none": "No tables.",
    "tables.ok-one": "The table has a header row and no merged cells, and is not used for layout.",
    "tables.ok-all": "All {total} tables have a header row and no merged cells, and none is used for layout.",
    "tables.problems": "{problems} (of {total}).",
    "tables.layout": "{tables} used for layout",
    "tables.with": "{tables} with {problem}",
})

PARAMS = {
    "type": "object",
    "properties": {
        "prose_words": {"type": "integer", "minimum": 1},
        "skip_formats": FORMATS_SCHEMA,
    },
    "additionalProperties": False,
}


def layout_reason(table, prose_words: int) -> str | None:
    rows = [row for row in table.rows if any(cell.strip() for cell in row)]
    if table.nested:
        return "a table inside a table"
    if len(rows) <= 1:
        return "a single row"
    if max((len(row) for row in rows), default=0) <= 1:
        return "a single column"
    if any(count_words(cell) > prose_words for row in rows for cell in row):
        return f"cells of prose (over {prose_words} words)"
    return None


def table_problems(table, prose_words: int) -> list[str]:
    layout = layout_reason(table, prose_words)
    if layout:
        return [f"used for layout ({layout})"]
    problems = []
    if not table.header_row:
        problems.append("no header row")
    if table.merged_cells:
        problems.append("merged cells")
    return problems


def check(analysis, params, pack) -> Outcome:
    document = analysis.source
    if document.format in params.get("skip_formats", ("pdf", "text")):
        return Outcome(SKIP, "tables.not-read", data={"format": format_name(document)})
    prose_words = params.get("prose_words", 60)
    tables = [b for b in document.blocks if b.kind == TABLE and b.table is not None]
    if not tables:
        return Outcome(PASS, "tables.none")
    found = [(block, table_problems(block.table, prose_words)) for block in tables]
    found = [(block, problems) for block, problems in found if problems]
    if not found:
        return Outcome(PASS, "tables.ok-one" if len(tables) == 1 else "tables.ok-all", data={"total": len(tables)})
    counts: dict[str, int] = {}
    for _, problems in found:
        for problem in problems:
            key = problem.split(" (")[0]
            counts[key] = counts.get(key, 0) + 1
    summary = [part("tables.layout", tables=plural(n, "table")) if k.startswith("used") else
               part("tables.with", tables=plural(n, "table"), problem=k) for k, n in counts.items()]
    evidence = [evidence_for(block, f"{', '.join(problems)}: {block.table.row_texts()[0] if block.table.rows else ''}")
                for block, problems in found]
    return Outcome(FAIL, "tables.problems", evidence,
                   [f"{block.location or 'table'}: fix {', '.join(problems)}" for block, problems in found],
                   data={"problems": summary, "total": len(tables)})
