"""The engine and the command line: score arithmetic, verdicts, exit codes,
rule packs (invalid ones, and a second regime with no code change),
--list-rules and --explain."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from plancheck.checks import FAIL, PARTIAL, PASS, SKIP
from plancheck.document import PARAGRAPH, Block, Document
from plancheck.engine import CheckResult, Settings, check_document, score_of
from plancheck.errors import ConfigError
from plancheck.packs import load_pack
from plancheck.readers import ReadOptions, read_document

PACK_ID = "productivity-plan-2024"


def cli(*args, cwd):
    """Run plancheck as a user would; returns (exit code, stdout, stderr)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PLANCHECK_CONFIG")}
    env["NO_COLOR"] = "1"
    done = subprocess.run([sys.executable, "-m", "plancheck", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def by_id(report):
    return {r.rule.id: r for r in report.results}


# ---------------------------------------------------------------- score arithmetic

def test_pass_earns_the_weight_partial_half_fail_nothing_and_skip_leaves_the_total(pack):
    rules = {r.id: r for r in pack.rules}
    results = [
        CheckResult(rules["theme.barriers"], PASS, "error", ""),             # 10 of 10
        CheckResult(rules["governance.publication"], PARTIAL, "warning", ""),  # 2 of 4
        CheckResult(rules["content.partners"], FAIL, "info", ""),              # 0 of 1
        CheckResult(rules["theme.transformation"], SKIP, "error", ""),        # leaves the total
    ]
    assert [r.points for r in results] == [10, 2, 0, 0]
    assert [r.weight for r in results] == [10, 4, 1, 0]
    assert score_of(results) == round(100 * 12 / 15, 1) == 80.0


def test_score_of_nothing_to_score_is_100(pack):
    assert score_of([CheckResult(pack.rules[0], SKIP, "error", "")]) == 100.0


def test_the_report_score_is_points_over_weights(check_md):
    report = check_md("""\
        ## Reducing wasteful spend

        Agency use is strictly restricted. We have a new website.
        """)
    results = report.results
    statuses = {r.status for r in results}
    assert {PASS, FAIL} <= statuses or {PARTIAL, FAIL} <= statuses
    for r in results:
        assert r.points == {PASS: r.rule.weight, PARTIAL: r.rule.weight / 2, FAIL: 0, SKIP: 0}[r.status]
    expected = 100 * sum(r.points for r in results) / sum(r.weight for r in results)
    assert report.score == round(expected, 1)


def test_errors_dominate_the_weights_then_warnings_then_info(pack):
    weights = {severity: {r.weight for r in pack.rules if r.severity == severity}
               for severity in ("error", "warning", "info")}
    assert min(weights["error"]) > max(weights["warning"]) > 0
    assert min(weights["warning"]) > max(weights["info"]) > 0


def test_a_skipped_rule_changes_neither_points_nor_total(check_md):
    text = "Agency staff cost 4.1% of the staff budget in 2023/24."
    alone = check_md(text, "question.agency-spend")
    assert alone.score == 100.0
    assert {r.status for r in alone.results if r.rule.id != "question.agency-spend"} == {SKIP}
    with_fail = check_md(text, "question.agency-spend", "question.consultant-spend")
    assert by_id(with_fail)["question.consultant-spend"].status == FAIL
    assert with_fail.score == 50.0  # 4 of 8: both are warnings of weight 4


# ---------------------------------------------------------------- verdict

def test_any_error_severity_fail_fails_the_verdict_whatever_the_score(check_md):
    report = check_md("Agency staff cost 4.1% of the staff budget in 2023/24, against a target of 3%. This plan "
                      "was endorsed by Cabinet on 9 July 2024. The plan will be published on our website.",
                      "question.agency-spend", "governance.", "metrics.kpis", "theme.barriers")
    assert by_id(report)["theme.barriers"].status == FAIL
    assert report.score > 50
    assert report.verdict == "fail"


def test_warning_and_info_fails_do_not_fail_the_verdict(check_md):
    report = check_md("This plan was endorsed by Cabinet on 9 July 2024.",
                      "governance.member-endorsement", "question.edi", "content.partners")
    results = by_id(report)
    assert results["question.edi"].status == FAIL and results["content.partners"].status == FAIL
    assert report.verdict == "pass"


def test_fail_under_fails_a_score_below_it(check_md):
    text = "This plan was endorsed by Cabinet on 9 July 2024."
    select = ("governance.member-endorsement", "question.edi")
    passing = check_md(text, settings=Settings(select=select))
    assert passing.verdict == "pass" and passing.score == round(100 * 10 / 14, 1)
    assert check_md(text, settings=Settings(select=select, fail_under=passing.score)).verdict == "pass"
    assert check_md(text, settings=Settings(select=select, fail_under=passing.score + 1)).verdict == "fail"


def test_a_waived_error_does_not_fail_the_verdict(check_md):
    settings = Settings(select=("theme.barriers",), waive={"theme.barriers": "Barriers sent separately"})
    report = check_md("We are a well-run council.", settings=settings)
    result = by_id(report)["theme.barriers"]
    assert result.status == FAIL and result.waived == "Barriers sent separately"
    assert report.verdict == "pass"


def test_severity_can_be_lowered_by_configuration(check_md):
    settings = Settings(select=("theme.barriers",), severity={"theme.barriers": "warning"})
    report = check_md("We are a well-run council.", settings=settings)
    assert by_id(report)["theme.barriers"].severity == "warning"
    assert report.verdict == "pass"


def test_every_document_reports_every_pack_fact_with_null_when_not_found(check_md, pack):
    report = check_md("We are a well-run council.")
    assert set(pack.facts) <= set(report.facts)
    assert all(report.facts[name] is None for name in
               ("agency_spend_percent", "consultant_spend_percent", "facility_time_percent", "edi_champions",
                "endorsement"))
    assert report.facts["words"] == 5 and report.facts["pages_method"] == "estimate"


# ---------------------------------------------------------------- exit codes

GOOD_BARRIERS = """\
## Barriers to progress

One-year finance settlements and short notice of grant allocations stop us planning beyond twelve
months, and we spend officer time on competitive bids for small funding pots that could be spent on
services. The barriers are the same across housing, planning and environmental health: a national
shortage of qualified officers, and national systems that do not share data with councils. The
Government should provide multi-year settlements, complete the fair funding review, replace competitive
bidding with allocations based on need, allow planning fees to cover the full cost of the service, and
give councils access to DWP data so that we can help residents earlier. Temporary accommodation is a
further barrier because nightly-paid rooms now cost far more than housing benefit subsidy recovers.
"""


def test_exit_0_when_every_document_passes(tmp_path):
    plan = write(tmp_path, "plan.md", GOOD_BARRIERS)
    code, out, _ = cli(plan, "--select", "theme.barriers", "--format", "json", cwd=tmp_path)
    assert code == 0
    assert json.loads(out)["documents"][0]["verdict"] == "pass"


def test_exit_1_when_a_document_fails(tmp_path):
    good = write(tmp_path, "good.md", GOOD_BARRIERS)
    bad = write(tmp_path, "bad.md", "## Barriers\n\nTBC\n")
    code, out, _ = cli(good, bad, "--select", "theme.barriers", "--format", "json", cwd=tmp_path)
    assert code == 1
    assert [d["verdict"] for d in json.loads(out)["documents"]] == ["pass", "fail"]


def test_exit_1_below_fail_under(tmp_path):
    plan = write(tmp_path, "plan.md", GOOD_BARRIERS)
    code, _, _ = cli(plan, "--select", "theme.barriers", "--select", "question.edi", "--fail-under", "90",
                     cwd=tmp_path)
    assert code == 1


def test_ids_may_be_listed_with_commas_as_in_ruff(tmp_path):
    plan = write(tmp_path, "plan.md", GOOD_BARRIERS)
    checks = []
    for args in (("--select", "theme.barriers", "--select", "question.edi", "--ignore", "governance."),
                 ("--select", "theme.barriers, question.edi", "--ignore", "governance.,"),
                 ("--select=theme.barriers,question.edi",)):
        code, out, _ = cli(plan, *args, "--format", "json", cwd=tmp_path)
        document = json.loads(out)["documents"][0]
        checks.append(sorted(check["id"] for check in document["checks"] if check["status"] != "skip"))
    assert checks[0] == checks[1] == checks[2] == ["question.edi", "theme.barriers"]
    code, _, err = cli(plan, "--select", "theme.barriers,question.edj", cwd=tmp_path)
    assert code == 2 and "unknown check ID 'question.edj'" in err


def test_exit_2_when_a_file_cannot_be_read_and_the_others_are_still_checked(tmp_path):
    plan = write(tmp_path, "plan.md", GOOD_BARRIERS)
    missing = tmp_path / "missing.docx"
    code, out, err = cli(missing, plan, "--select", "theme.barriers", "--format", "json", cwd=tmp_path)
    assert code == 2
    report = json.loads(out)
    assert [e["path"] for e in report["errors"]] == [str(missing)]
    assert report["errors"][0]["message"]
    assert [d["path"] for d in report["documents"]] == [str(plan)]
    assert str(missing) in err


def test_exit_2_for_a_file_that_is_not_what_its_extension_says(tmp_path):
    fake = tmp_path / "plan.docx"
    fake.write_text("This is plain text, not a Word document.", encoding="utf-8")
    code, _, err = cli(fake, cwd=tmp_path)
    assert code == 2
    line, = err.strip().splitlines()
    assert "plan.docx" in line and "extension" in line and "Traceback" not in err


def test_exit_2_for_no_files(tmp_path):
    code, _, err = cli(cwd=tmp_path)
    assert code == 2
    assert err.strip()


def test_exit_2_for_an_unknown_option_value(tmp_path):
    plan = write(tmp_path, "plan.md", GOOD_BARRIERS)
    code, _, _ = cli(plan, "--pages", "guess", cwd=tmp_path)
    assert code == 2


# ---------------------------------------------------------------- invalid packs

VALID_RULE = ("  - {id: length.pages, title: Short, category: length, severity: error, check: page-range, "
              "params: {max: 2}, guidance: Cut it.}\n")
PACK_HEAD = "id: tiny\ntitle: Tiny\ncategories: [{id: length, title: Length}]\n"


@pytest.mark.parametrize("body, json_path, words", [
    ("rules:\n  - {id: length.pages, title: Short, category: length, severity: fatal, check: page-range, "
     "guidance: Cut it.}\n", "$.rules[0].severity", ["fatal"]),
    ("rules:\n" + VALID_RULE +
     "  - {id: length.words, title: Words, category: length, severity: warning, check: word-count, "
     "guidance: Cut it.}\n", "$.rules[1].check", ["word-count"]),
    ("concepts:\n  plan: [\"$nothing\", \"plan\"]\nrules:\n" + VALID_RULE, "$.concepts.plan", ["nothing"]),
    ("rules:\n  - {id: content.x, title: X, category: length, severity: info, check: statements, "
     "params: {find: [{label: x, any: [[\"$undefined\"]]}]}, guidance: Say x.}\n",
     "$.rules[0].params.find[0].any[0][0]", ["undefined"]),
    ("rules:\n  - {id: length.pages, title: Short, category: length, severity: error, check: page-range, "
     "params: {max: two}, guidance: Cut it.}\n", "$.rules[0].params.max", []),
    ("rules:\n  - {id: length.pages, title: Short, category: nowhere, severity: error, check: page-range, "
     "guidance: Cut it.}\n", "$.rules[0].category", ["nowhere"]),
    ("rules:\n" + VALID_RULE + VALID_RULE, "$.rules[1].id", ["length.pages"]),
])
def test_an_invalid_pack_exits_2_naming_the_file_and_the_json_path(tmp_path, body, json_path, words):
    broken = write(tmp_path, "broken.yaml", PACK_HEAD + body)
    plan = write(tmp_path, "plan.md", GOOD_BARRIERS)
    code, out, err = cli(plan, "--rules", broken, cwd=tmp_path)
    assert code == 2
    assert str(broken) in err
    assert json_path in err
    for word in words:
        assert word in err
    assert "Traceback" not in err
    with pytest.raises(ConfigError):
        load_pack(str(broken))


def test_a_pack_that_is_not_yaml_exits_2(tmp_path):
    broken = write(tmp_path, "broken.yaml", "id: [unclosed\n")
    code, _, err = cli("--rules", broken, "--list-rules", cwd=tmp_path)
    assert code == 2
    assert str(broken) in err and "Traceback" not in err


def test_an_unknown_pack_name_exits_2(tmp_path):
    code, _, err = cli("--rules", "no-such-pack", "--list-rules", cwd=tmp_path)
    assert code == 2
    assert "no-such-pack" in err


# ---------------------------------------------------------------- --list-rules and --explain

# The 38 rule IDs of ../shared/requirements.md, for when the shared material is absent.
SPEC_IDS = [
    "length.pages", "theme.transformation", "theme.technology-data", "theme.wasteful-spend", "theme.barriers",
    "metrics.kpis", "governance.member-endorsement", "governance.publication", "governance.progress-reporting",
    "content.past-and-future", "content.partners",
    "question.edi", "question.agency-spend", "question.consultant-spend", "question.facility-time",
    "question.agency-consultant-value", "question.organisational-change", "question.measuring-productivity",
    "question.service-improvements", "question.transformation-plans", "question.savings-potential",
    "question.capital-spending", "question.prevention", "question.local-reforms", "question.data-quality",
    "question.legacy-systems", "question.data-sharing", "question.new-technology", "question.waste-approach",
    "question.invest-to-save", "question.spend-governance", "question.shared-services", "question.shared-training",
    "question.devolution", "question.barriers-productivity", "question.barriers-services",
    "question.barriers-consistency", "question.government-asks",
]


def parse_spec_ids(shared_dir):
    """The rule IDs of the spec's two tables (hard requirements and questions)."""
    text = (shared_dir / "requirements.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([a-z]+\.[a-z0-9.-]+)` \|", text, flags=re.MULTILINE)


def spec_ids():
    """Parsed from ../shared/requirements.md when it is there, else the copy above."""
    shared = Path(__file__).resolve().parent.parent.parent / "shared"
    return parse_spec_ids(shared) if (shared / "requirements.md").is_file() else SPEC_IDS


def test_the_copy_of_the_spec_ids_is_current(shared_dir):
    assert parse_spec_ids(shared_dir) == SPEC_IDS


def test_the_pack_has_exactly_the_spec_rule_ids(pack):
    ids = spec_ids()
    assert len(ids) == len(set(ids)) == 38
    assert [r.id for r in pack.rules] and sorted(r.id for r in pack.rules) == sorted(ids)


def test_the_pack_severities_match_the_spec(shared_dir, pack):
    text = (shared_dir / "requirements.md").read_text(encoding="utf-8")
    severities = dict(re.findall(r"^\| `([a-z]+\.[a-z0-9.-]+)` \|(?: [^|]* \|)?? (error|warning|info) \|", text,
                                 flags=re.MULTILINE))
    assert len(severities) == 38
    assert {r.id: r.severity for r in pack.rules} == severities


def test_list_rules_lists_all_38_ids(tmp_path):
    code, out, _ = cli("--rules", PACK_ID, "--list-rules", cwd=tmp_path)
    assert code == 0
    listed = re.findall(r"^\s+([a-z0-9-]+\.[a-z0-9.-]+)\s", out, flags=re.MULTILINE)
    assert len(listed) == 38
    assert sorted(listed) == sorted(spec_ids())


def test_list_rules_shows_severity_and_weight(tmp_path, pack):
    _, out, _ = cli("--rules", PACK_ID, "--list-rules", cwd=tmp_path)
    for rule in pack.rules:
        line = next(l for l in out.splitlines() if l.split() and l.split()[0] == rule.id)
        assert rule.severity in line and f"{rule.weight:g}" in line.split()


def test_explain_a_rule(tmp_path, pack):
    code, out, _ = cli("--rules", PACK_ID, "--explain", "theme.barriers", cwd=tmp_path)
    assert code == 0
    rule = pack.rule("theme.barriers")
    assert "theme.barriers" in out and rule.title in out
    assert "error" in out and "10" in out
    assert rule.guidance.split()[0] in out


def test_explain_an_unknown_rule_exits_2(tmp_path):
    code, out, err = cli("--rules", PACK_ID, "--explain", "theme.nonsense", cwd=tmp_path)
    assert code == 2
    assert "theme.nonsense" in err
    assert out == ""


def test_explain_check_documents_each_check_type(tmp_path):
    for check_type in ("page-range", "theme", "question", "statements", "figure"):
        code, out, _ = cli("--explain-check", check_type, cwd=tmp_path)
        assert code == 0 and out.startswith(f"{check_type}:")


# ---------------------------------------------------------------- a second regime, no code change

LIBRARY_PACK = """\
# A fictional regime: a library service's annual statement to its funders.
id: library-statement-2025
title: Library service annual statement 2025
source: Invented for plancheck's tests
categories:
  - {id: length, title: Length}
  - {id: content, title: Content}
  - {id: figures, title: Figures}
weights: {error: 5, warning: 2, info: 1}
facts: [pages, pages_method, words, book_fund_percent, volunteers]
placeholders: ["TBC"]
concepts:
  book-fund: ["book fund", "stock budget", "book budget"]
  library-budget: ["library budget", "service budget"]
  publish: ["publish*", "display*"]
  branches: ["library", "libraries", "branch*"]
  volunteer-words: ["volunteers", "volunteer helpers"]
  volunteering: ["volunteer*"]
  number-words: ["@count"]
themes:
  reading:
    prompt: "How you have encouraged children to read for pleasure."
    headings: ["reading", "children"]
    vocabulary: ["reading", "read*", "books", "storytime"]
rules:
  - id: length.pages
    title: One to two pages
    category: length
    severity: error
    check: page-range
    params: {min: 1, max: 2}
    guidance: Keep it short.
  - id: theme.reading
    title: Reading for pleasure
    category: content
    severity: error
    check: theme
    params: {theme: reading, pass_specifics: 1}
    guidance: Say how you encouraged children to read.
  - id: content.displayed
    title: Displayed in every branch
    category: content
    severity: warning
    check: statements
    params:
      find: [{label: the statement is displayed in the branches, any: [["$publish", "$branches"]]}]
    guidance: Say where the statement is displayed.
  - id: figures.book-fund
    title: Book fund as a share of the budget
    category: figures
    severity: warning
    check: figure
    params: {subject: "$book-fund", denominator: "$library-budget", fact: book_fund_percent}
    guidance: Give the book fund as a percentage of the library budget.
  - id: figures.volunteers
    title: Volunteers
    category: figures
    severity: info
    check: question
    params:
      topic: "$volunteering"
      answer: [["$volunteering", "$number-words"]]
      count_fact: {name: volunteers, of: "$volunteer-words"}
    guidance: Say how many volunteers help.
"""

LIBRARY_STATEMENT = """\
# Westmoor Libraries: annual statement 2025

## Children's reading

Our summer reading challenge signed up 2,400 children this year, a third more than last year. Every
branch now runs a weekly storytime for under-fives, and we lend books to every primary school in the
district through a schools library service that the schools themselves asked us to keep.

## Money and people

The book fund was 11.5% of the library budget in 2024/25 (10.2% in 2023/24). We have 85 volunteers,
who give about 6,000 hours a year. This statement is displayed in every library.
"""


def test_a_second_pack_works_with_no_code_change(tmp_path):
    pack_file = write(tmp_path, "library.yaml", LIBRARY_PACK)
    plan = write(tmp_path, "statement.md", LIBRARY_STATEMENT)
    code, out, err = cli(plan, "--rules", pack_file, "--format", "json", cwd=tmp_path)
    assert code == 0, err
    report = json.loads(out)
    assert report["ruleset"] == [{"id": "library-statement-2025", "title": "Library service annual statement 2025"}]
    document = report["documents"][0]
    statuses = {c["id"]: c["status"] for c in document["checks"]}
    assert statuses == {"length.pages": "pass", "theme.reading": "pass", "content.displayed": "pass",
                        "figures.book-fund": "pass", "figures.volunteers": "pass"}
    assert document["facts"]["book_fund_percent"] == 11.5
    assert document["facts"]["volunteers"] == 85
    assert document["score"] == 100.0 and document["verdict"] == "pass"
    # weights come from the pack's own severity weights
    assert {c["id"]: c["weight"] for c in document["checks"]}["theme.reading"] == 5


def test_a_second_pack_fails_a_weak_statement_and_lists_its_rules(tmp_path):
    pack_file = write(tmp_path, "library.yaml", LIBRARY_PACK)
    weak = write(tmp_path, "weak.md", "## How you have encouraged children to read for pleasure\n\nTBC\n")
    code, out, _ = cli(weak, "--rules", pack_file, "--format", "json", cwd=tmp_path)
    assert code == 1
    statuses = {c["id"]: c["status"] for c in json.loads(out)["documents"][0]["checks"]}
    assert statuses["theme.reading"] == "fail"
    assert statuses["figures.book-fund"] == "fail"
    code, out, _ = cli("--rules", pack_file, "--list-rules", cwd=tmp_path)
    assert code == 0
    assert re.findall(r"^\s+([a-z]+\.[a-z.-]+)\s", out, flags=re.MULTILINE) == [
        "length.pages", "theme.reading", "content.displayed", "figures.book-fund", "figures.volunteers"]


def test_two_packs_in_one_run(tmp_path, pack):
    pack_file = write(tmp_path, "library.yaml", LIBRARY_PACK)
    library = load_pack(str(pack_file))
    document = read_document(write(tmp_path, "statement.md", LIBRARY_STATEMENT), ReadOptions(pages="estimate"))
    report = check_document(document, [pack, library])
    assert len(report.results) == 38 + 5
    assert {r.rule.pack for r in report.results} == {PACK_ID, "library-statement-2025"}
    assert report.facts["book_fund_percent"] == 11.5
    assert "agency_spend_percent" in report.facts


def test_a_document_built_in_code_is_checked_like_a_read_one(pack):
    blocks = [Block(PARAGRAPH, "This plan was endorsed by Cabinet on 9 July 2024.", page=1, page_exact=True,
                    location="paragraph 1")]
    document = Document(path="plan.docx", format="docx", blocks=blocks, pages=3, pages_method="pdf")
    report = check_document(document, [pack], Settings(select=("governance.member-endorsement", "length.")))
    results = by_id(report)
    assert results["governance.member-endorsement"].status == PASS
    assert results["governance.member-endorsement"].evidence[0].page == 1
    assert results["governance.member-endorsement"].evidence[0].page_exact is True
    assert results["length.pages"].status == PASS


# ---------------------------------------------------------------- the rule documentation

def test_the_rule_docs_are_generated_from_the_current_pack(pack):
    import runpy

    script = Path(__file__).resolve().parent.parent / "docs" / "rules" / "make_docs.py"
    make_docs = runpy.run_path(str(script))
    page = (script.parent / f"{PACK_ID}.md").read_text(encoding="utf-8")
    assert page == make_docs["render"](pack), "docs/rules/productivity-plan-2024.md is stale: run make_docs.py"
    for rule in pack.rules:
        assert f"### `{rule.id}`" in page
        assert " ".join(rule.guidance.split()) in page


def test_a_fault_in_a_check_is_reported_for_that_file_and_the_others_are_still_checked(tmp_path):
    import copy

    from plancheck.engine import Settings
    from plancheck.packs import load_pack
    from plancheck.readers import ReadOptions
    from plancheck.runner import check_files

    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\nWe will publish this plan on the council's website.\n")
    broken = copy.copy(load_pack("productivity-plan-2024"))
    broken.themes = {}  # every theme rule now fails inside its check with a KeyError
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nText.\n")
    outcome = check_files([str(plan), str(other)], [broken], Settings(), ReadOptions(pages="estimate"))
    assert [e["path"] for e in outcome.errors] == [str(plan), str(other)]
    assert all("internal error in plancheck, not a fault in the file" in e["message"] for e in outcome.errors)
    assert not any("KeyError" in e["message"] or "traceback" in e for e in outcome.errors)
    debugged = check_files([str(plan)], [broken], Settings(), ReadOptions(pages="estimate", debug=True))
    assert "KeyError" in debugged.errors[0]["traceback"]
    working = check_files([str(plan)], [load_pack("productivity-plan-2024")], Settings(),
                          ReadOptions(pages="estimate"))
    assert not working.errors and working.reports[0].path == str(plan)
