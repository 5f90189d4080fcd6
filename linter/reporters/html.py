"""HTML: one self-contained page, for one plan or a whole folder of them.

The page makes no network request: its styles and its one small script (the
table sorting) are inline, it uses the reader's own fonts, and a
Content-Security-Policy forbids anything else, so it opens from an email
attachment or a shared folder as it is.

One plan: the verdict and its reasons first, the score as a number and a
bar, a bar per category, a page map (on which page each of the first rule
pack's required and warning checks found its evidence) and the checklist,
each check a collapsible section with its evidence and how to fix it.

Several plans: a summary (how many pass, the requirements most often
missed, the median and range of each figure), a coverage matrix (plans by
checks, with the first pack's facts as columns; every column sorts with a
button), then each plan's section as above, linked from its row.

Accessible as the publication pack asks of a plan: a language, real
headings, header cells, status words and symbols beside every colour, text
contrast of at least 4.5:1, and sorting with the keyboard (the sort controls
are buttons, and a live region says how the table is sorted).
"""

from __future__ import annotations

from html import escape
from statistics import median

from ..checks.page_range import describe_count
from ..engine import BASE_FACTS
from . import status_word
from .text import where

SYMBOLS = {"pass": "✓", "partial": "◐", "fail": "✗", "skip": "–", "waived": "≈"}
STATUS_LABELS = {"pass": "met", "partial": "partly met", "fail": "not met", "skip": "skipped", "waived": "waived"}
# Ascending order of a status column: what needs attention first.
STATUS_ORDER = {"fail": 0, "partial": 1, "waived": 2, "pass": 3, "skip": 4}
MATRIX_SEVERITIES = ("error", "warning")
MOST_MISSED = 5
LANGUAGE = "en-GB"

STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #b1b4b6; --link: #1d4f91;
  --pass-bg: #dcefe1; --pass-ink: #0b3d1c; --partial-bg: #fff0c2; --partial-ink: #4d3800;
  --fail-bg: #fadcda; --fail-ink: #6e110c; --skip-bg: #ececec; --skip-ink: #333333; --bar: #1d70b8; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink);
  background: #ffffff; margin: 0; line-height: 1.5; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
main.folder { max-width: 110rem; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; overflow-wrap: anywhere; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.5rem; }
a { color: var(--link); }
a:focus, button:focus, summary:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
.verdict { border: 3px solid; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; }
.verdict h2, .verdict h3 { margin: 0 0 0.25rem; font-size: 1.5rem; }
.verdict.pass { border-color: var(--pass-ink); background: var(--pass-bg); color: var(--pass-ink); }
.verdict.fail { border-color: var(--fail-ink); background: var(--fail-bg); color: var(--fail-ink); }
.verdict ul { margin: 0.25rem 0 0; }
.score { display: flex; align-items: center; gap: 1rem; margin: 0.5rem 0 0; }
.score strong { font-size: 1.25rem; white-space: nowrap; }
.bar { flex: 1; height: 0.9rem; background: #f3f2f1; border: 1px solid #505a5f; border-radius: 3px;
  min-width: 6rem; }
.bar span { display: block; height: 100%; background: var(--bar); }
.categories { list-style: none; padding: 0; margin: 0; max-width: 48rem; }
.categories li { display: grid; grid-template-columns: 16rem 1fr 7rem; gap: 0.75rem; align-items: center;
  padding: 0.2rem 0; }
.categories .points { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; max-width: 100%; width: fit-content; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.9rem; }
.matrix { font-size: 0.85rem; }
.matrix td, .matrix tbody th { white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: 0.5rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f2f1; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.s-pass { background: var(--pass-bg); color: var(--pass-ink); }
.s-partial { background: var(--partial-bg); color: var(--partial-ink); }
.s-fail { background: var(--fail-bg); color: var(--fail-ink); }
.s-skip, .s-waived { background: var(--skip-bg); color: var(--skip-ink); }
.status { white-space: nowrap; font-weight: 600; }
th button { font: inherit; font-weight: 600; color: var(--link); background: none; border: 0; padding: 0;
  cursor: pointer; text-align: left; text-decoration: underline; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.matrix th.check { min-width: 7.5rem; }
.pagemap td.found { text-align: center; font-weight: 700; }
details { border: 1px solid var(--line); border-radius: 4px; margin: 0.4rem 0; }
summary { cursor: pointer; padding: 0.4rem 0.6rem; }
details > div { padding: 0 0.9rem 0.6rem; }
blockquote { margin: 0.4rem 0; padding: 0.2rem 0.8rem; border-left: 4px solid var(--line); }
.where { color: var(--muted); font-size: 0.9rem; margin: 0; }
.id { font-family: ui-monospace, Consolas, monospace; font-size: 0.85rem; color: var(--muted); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); border: 0; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
"""

SCRIPT = """
(function () {
  var live = document.getElementById('sort-status');
  function key(cell) {
    var value = cell.getAttribute('data-sort');
    if (value === null) { value = cell.textContent.trim(); }
    var number = parseFloat(value);
    return value === '' ? [2, ''] : isNaN(number) ? [1, value.toLowerCase()] : [0, number];
  }
  function compare(a, b) {
    if (a[0] !== b[0]) { return a[0] - b[0]; }
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('thead th button').forEach(function (button) {
      button.addEventListener('click', function () {
        var header = button.parentNode;
        var column = Array.prototype.indexOf.call(header.parentNode.children, header);
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th[aria-sort]').forEach(function (other) {
          other.removeAttribute('aria-sort');
        });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column]), y = key(b.cells[column]);
          // Cells with nothing in them (a fact not found, a file not read) stay last either way.
          if ((x[0] === 2) !== (y[0] === 2)) { return x[0] === 2 ? 1 : -1; }
          var order = compare(x, y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        if (live) {
          live.textContent = 'Sorted by ' + button.getAttribute('data-name') + ', ' +
            (ascending ? 'ascending' : 'descending') + '.';
        }
      });
    });
  });
}());
"""

POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def render(run) -> str:
    reports = run.reports
    folder = not (len(reports) == 1 and not run.errors)
    if not folder:
        title = f"{reports[0].path}: {reports[0].verdict.upper()}"
        body = [f"<h1>Plan check: {escape(reports[0].path)}</h1>", *plan_section(reports[0], 2)]
    else:
        passed = sum(r.verdict == "pass" for r in reports)
        title = f"{len(reports)} plans: {passed} pass"
        body = [f"<h1>Plan check: {plural(len(reports) + len(run.errors), 'plan')}</h1>",
                *folder_summary(run), *coverage(run)]
        for number, report in enumerate(reports, start=1):
            body += [f'<section id="plan-{number}" aria-labelledby="plan-{number}-title">',
                     f'<h2 id="plan-{number}-title">{escape(report.path)}</h2>',
                     *plan_section(report, 3), '<p><a href="#coverage">Back to the coverage table</a></p>',
                     "</section>"]
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{LANGUAGE}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        f"<title>plancheck: {escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        '<main class="folder">' if folder else "<main>", *body, '<p id="sort-status" class="visually-hidden" aria-live="polite"></p>', "</main>",
        f"<script>{SCRIPT}</script>", "</body>", "</html>", ""])


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def status_cell(status: str, tag: str = "td", extra: str = "") -> str:
    return (f'<{tag} class="status s-{status}"{extra} data-sort="{STATUS_ORDER[status]}">'
            f'<span aria-hidden="true">{SYMBOLS[status]}</span> {STATUS_LABELS[status]}</{tag}>')


def bar(share: float) -> str:
    """A bar filled to ``share`` (0 to 1); decorative, since the number is always beside it."""
    return f'<span class="bar" aria-hidden="true"><span style="width:{max(0.0, min(share, 1.0)) * 100:.1f}%">' \
           "</span></span>"


# ---------------------------------------------------------------- one plan

def plan_section(report, level: int) -> list[str]:
    h, sub = f"h{level}", f"h{level + 1}"
    verdict = report.verdict
    symbol = SYMBOLS["pass" if verdict == "pass" else "fail"]
    lines = [f'<section class="verdict {verdict}" data-verdict="{verdict}">',
             f'<{h}><span aria-hidden="true">{symbol}</span> Verdict: {verdict.upper()}</{h}>']
    if report.reasons:
        lines += ["<p>It fails because:</p>", "<ul>", *(f"<li>{escape(r)}</li>" for r in report.reasons), "</ul>"]
    else:
        lines.append("<p>Every required check is met.</p>")
    lines += [f'<p class="score"><strong>Score {report.score:g} / 100</strong>{bar(report.score / 100)}</p>',
              "</section>", *facts_list(report), f"<{h}>Score by category</{h}>", '<ul class="categories">']
    for _pack, _category, title, rows in report.by_category():
        available = sum(r.weight for r in rows)
        if not available:
            continue
        earned = sum(r.points for r in rows)
        lines.append(f"<li><span>{escape(title)}</span>{bar(earned / available)}"
                     f'<span class="points">{earned:g} / {available:g} points</span></li>')
    lines += ["</ul>", *page_map(report, h), f"<{h}>Checklist</{h}>"]
    for pack, _category, title, rows in report.by_category():
        lines.append(f"<{sub}>{escape(title)} <span class=\"id\">({escape(pack.title)})</span></{sub}>")
        lines += [line for result in rows for line in check_details(result)]
    return lines


def facts_list(report) -> list[str]:
    facts = report.facts
    lines = ['<dl class="facts">',
             f"<dt>Pages</dt><dd>{escape(describe_count(facts.get('pages'), facts.get('pages_method')))}</dd>",
             f"<dt>Words</dt><dd>{facts.get('words') or 0:,}</dd>"]
    for name in fact_names(report.packs):
        if name != "pages":
            lines.append(f"<dt>{escape(fact_label(name))}</dt><dd>{escape(fact_text(facts.get(name)))}</dd>")
    return lines + ["</dl>"]


def check_details(result) -> list[str]:
    status = status_word(result)
    rule = result.rule
    lines = [f'<details class="check" data-status="{status}">',
             f'<summary><span class="status s-{status}"><span aria-hidden="true">{SYMBOLS[status]}</span> '
             f"{STATUS_LABELS[status]}</span> {escape(rule.title)} "
             f'<span class="id">[{escape(rule.id)}, {escape(result.severity)}]</span></summary>', "<div>",
             f"<p>{escape(result.message)}</p>"]
    for evidence in result.evidence:
        place = where(evidence) or evidence.location
        lines.append(f'<blockquote><p class="where">{escape(place)}</p><p>{escape(evidence.quote)}</p></blockquote>')
    if result.missing:
        lines.append(f"<p><strong>Missing:</strong> {escape('; '.join(result.missing))}</p>")
    if result.waived is not None:
        lines.append(f"<p><strong>Waived:</strong> {escape(result.waived)}</p>")
    if status in ("fail", "partial") and rule.guidance.strip():
        lines.append(f"<p><strong>How to fix:</strong> {escape(' '.join(rule.guidance.split()))}</p>")
    return lines + ["</div>", "</details>"]


def page_map(report, h: str) -> list[str]:
    """A row per required or warning check of the first pack, a column per page, a mark where it was found."""
    if not report.packs:
        return []
    first = report.packs[0].id
    rows = [r for r in report.results if r.rule.pack == first and r.severity in MATRIX_SEVERITIES
            and r.status != "skip"]
    found = {r.rule.id: sorted({e.page for e in r.evidence if e.page and e.location != "whole document"})
             for r in rows}
    pages = max([report.facts.get("pages") or 0, *(p for ps in found.values() for p in ps)])
    if not rows or not pages:
        return []
    estimated = report.facts.get("pages_method") == "estimate"
    lines = [f"<{h}>Page map</{h}>",
             "<p>Where each check found its evidence, page by page"
             + (" (pages estimated from the text)" if estimated else "") + ". A check not met shows no mark.</p>",
             '<div class="table-wrap"><table class="pagemap">',
             f"<caption>Evidence by page, {plural(pages, 'page')}</caption>",
             '<thead><tr><th scope="col">Check</th><th scope="col">Status</th>'
             + "".join(f'<th scope="col">Page {p}</th>' for p in range(1, pages + 1)) + "</tr></thead>", "<tbody>"]
    for result in rows:
        status = status_word(result)
        cells = "".join(
            f'<td class="found s-{status}"><span aria-hidden="true">●</span>'
            f'<span class="visually-hidden">found on page {p}</span></td>' if p in found[result.rule.id]
            else "<td></td>" for p in range(1, pages + 1))
        lines.append(f'<tr><th scope="row">{escape(result.rule.title)}</th>{status_cell(status)}{cells}</tr>')
    return lines + ["</tbody></table></div>"]


# ---------------------------------------------------------------- facts

def fact_names(packs) -> list[str]:
    """The first pack's facts, less how pages were counted and words (shown with the page count)."""
    if not packs:
        return ["pages"]
    return [n for n in packs[0].facts if n not in BASE_FACTS or n == "pages"]


def fact_label(name: str) -> str:
    """'agency_spend_percent' -> 'Agency spend %', 'edi_champions' -> 'EDI champions'."""
    words = [("%" if w == "percent" else w.upper() if len(w) <= 3 and w not in ("per", "of") else w)
             for w in name.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def fact_text(value) -> str:
    if value is None:
        return "not found"
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, "")) or "not found"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def fact_cell(value) -> str:
    """A fact in the coverage table; numbers sort as numbers, and a fact not found sorts last."""
    if value is None:
        return '<td data-sort=""><span aria-hidden="true">–</span><span class="visually-hidden">not found</span></td>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<td class="num" data-sort="{value:g}">{value:g}</td>'
    return f'<td data-sort="{escape(fact_text(value))}">{escape(fact_text(value))}</td>'


# ---------------------------------------------------------------- a folder

def matrix_rules(run) -> list:
    return [rule for pack in run.packs for rule in pack.rules if rule.severity in MATRIX_SEVERITIES]


def folder_summary(run) -> list[str]:
    reports = run.reports
    passed = sum(r.verdict == "pass" for r in reports)
    lines = ['<section class="summary" aria-labelledby="summary-title">', '<h2 id="summary-title">Summary</h2>',
             f"<p><strong>{passed} of {plural(len(reports), 'plan')} pass.</strong>"
             + (f" {plural(len(run.errors), 'file')} could not be read." if run.errors else "") + "</p>"]
    missed = []
    for rule in matrix_rules(run):
        count = sum(1 for r in reports for res in r.results
                    if res.rule.id == rule.id and res.status in ("fail", "partial") and res.waived is None)
        if count:
            missed.append((count, rule))
    missed.sort(key=lambda item: -item[0])
    if missed:
        lines += ["<h3>Most often missed</h3>", "<ol>"]
        lines += [f"<li>{escape(rule.title)} <span class=\"id\">[{escape(rule.id)}]</span>: not met or partly "
                  f"met in {count} of {plural(len(reports), 'plan')}</li>" for count, rule in missed[:MOST_MISSED]]
        lines.append("</ol>")
    figures = []
    for name in fact_names(run.packs):
        values = [r.facts.get(name) for r in reports]
        numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if numbers:
            figures.append((name, numbers))
    if figures:
        lines += ['<div class="table-wrap"><table>', "<caption>Figures across the plans</caption>",
                  '<thead><tr><th scope="col">Figure</th><th scope="col">Plans giving it</th>'
                  '<th scope="col">Median</th><th scope="col">Lowest</th><th scope="col">Highest</th></tr></thead>',
                  "<tbody>"]
        for name, numbers in figures:
            lines.append(f'<tr><th scope="row">{escape(fact_label(name))}</th>'
                         f'<td class="num">{len(numbers)} of {len(reports)}</td>'
                         f'<td class="num">{median(numbers):g}</td><td class="num">{min(numbers):g}</td>'
                         f'<td class="num">{max(numbers):g}</td></tr>')
        lines.append("</tbody></table></div>")
    return lines + ["</section>"]


def sort_header(name: str, label: str | None = None, css: str = "") -> str:
    shown = escape(label or name)
    return (f'<th scope="col"{css}><button type="button" data-name="{escape(name)}">{shown}</button></th>')


def coverage(run) -> list[str]:
    rules = matrix_rules(run)
    facts = fact_names(run.packs)
    lines = ['<section aria-labelledby="coverage">', '<h2 id="coverage" tabindex="-1">Coverage</h2>',
             "<p>One row per plan. Select a column's button to sort by it; select it again to reverse. "
             "Required and warning checks only; each plan's section has them all.</p>",
             '<div class="table-wrap"><table class="matrix sortable">',
             "<caption>Plans by check</caption>", "<thead><tr>", sort_header("Plan"), sort_header("Score"),
             sort_header("Verdict")]
    lines += [sort_header(fact_label(name)) for name in facts]
    lines += [sort_header(f"{rule.title} ({rule.id})", rule.id, ' class="check"') for rule in rules]
    lines += ["</tr></thead>", "<tbody>"]
    for number, report in enumerate(run.reports, start=1):
        statuses = {r.rule.id: status_word(r) for r in report.results}
        verdict = "pass" if report.verdict == "pass" else "fail"
        cells = [f'<th scope="row" data-sort="{escape(report.path)}"><a href="#plan-{number}">'
                 f"{escape(report.path)}</a></th>",
                 f'<td class="num" data-sort="{report.score:g}">{report.score:g}</td>',
                 f'<td class="status s-{verdict}" data-sort="{STATUS_ORDER[verdict]}">'
                 f'<span aria-hidden="true">{SYMBOLS[verdict]}</span> {report.verdict.upper()}</td>']
        cells += [fact_cell(report.facts.get(name)) for name in facts]
        cells += [status_cell(statuses.get(rule.id, "skip")) for rule in rules]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    for error in run.errors:
        lines.append(f'<tr><th scope="row" data-sort="{escape(error["path"])}">{escape(error["path"])}</th>'
                     f'<td data-sort=""></td><td class="status s-fail" data-sort="0">'
                     f'<span aria-hidden="true">!</span> could not be read: {escape(error["message"])}</td>'
                     + '<td data-sort=""></td>' * (len(facts) + len(rules)) + "</tr>")
    return lines + ["</tbody></table></div>", "</section>"]
