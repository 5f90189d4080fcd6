"""Every output format, produced by one flag on real drafts, to standard output and with --output."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_helpers import PARTIAL, SELECTED, WAIVER, plancheck, write_project

from plancheck.packs import DEFAULT_PACKS, load_pack
from plancheck.reporters import FORMATS
from plancheck.reporters.github import escape_data, escape_property
from plancheck.reporters.markdown import cell

# The OASIS schema, vendored so that SARIF output is always validated.
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
WAIVE = f'\n[waive]\n"governance.member-endorsement" = "{WAIVER}"\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository with a strong and a weak draft, a partly met one and an unreadable .docx; cwd is its root."""
    write_project(tmp_path)
    (tmp_path / "plans" / "partial.md").write_text(PARTIAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def broken(project):
    path = project / "plans" / "broken.docx"
    path.write_text("this is not a zip file", encoding="utf-8")
    return path


def all_rule_ids() -> list[str]:
    return [rule.id for name in DEFAULT_PACKS for rule in load_pack(name).rules]


def run_format(fmt: str, *paths, env=None):
    result = plancheck(*(paths or ("plans",)), "--format", fmt, env=env)
    assert result.exit_code in (1, 2), result.output
    return result


# --- one flag, two destinations -------------------------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_file_holds_what_stdout_would(project, fmt):
    shown = plancheck("plans", "--format", fmt)
    written = plancheck("plans", "--format", fmt, "--output", "report.out")
    assert shown.exit_code == written.exit_code == 1
    assert written.stdout == ""
    assert (project / "report.out").read_text("utf-8") == shown.stdout


def test_output_that_cannot_be_written_is_exit_2(project):
    result = plancheck("plans/strong.md", "--output", "no-such-folder/report.txt")
    assert result.exit_code == 2
    assert "cannot write no-such-folder/report.txt" in result.stderr


def test_unknown_format_is_a_usage_error(project):
    assert plancheck("plans", "--format", "xml").exit_code == 2


# --- SARIF ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator():
    import jsonschema

    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text("utf-8")))


def test_sarif_is_valid_and_every_result_has_a_location_github_accepts(project, broken, sarif_validator):
    sarif = json.loads(run_format("sarif").stdout)
    sarif_validator.validate(sarif)
    run = sarif["runs"][0]
    results = run["results"]
    assert {r["ruleId"] for r in results} == set(SELECTED)
    for result in results:
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert uri.startswith("plans/") and "\\" not in uri, uri
        assert physical["region"]["startLine"] >= 1
        assert len(result["partialFingerprints"]["plancheckCheck/v1"]) == 64
        assert result["message"]["text"]
    fingerprints = [r["partialFingerprints"]["plancheckCheck/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    notification, = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "error" and "plans/broken.docx" in notification["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_rules_carry_title_help_and_level(project):
    driver = json.loads(run_format("sarif").stdout)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "plancheck" and driver["version"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert list(rules) == all_rule_ids()
    pack = load_pack("productivity-plan-2024")
    for source in pack.rules:
        rule = rules[source.id]
        assert rule["shortDescription"]["text"] == source.title
        assert source.guidance.strip() in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                         "info": "note"}[source.severity]
        assert rule["properties"]["weight"] == source.weight


def test_sarif_levels_locations_and_evidence(project):
    results = json.loads(run_format("sarif", "plans/partial.md").stdout)["runs"][0]["results"]
    by_id = {r["ruleId"]: r for r in results}
    assert by_id["governance.member-endorsement"]["level"] == "error"
    # A partly met error check cannot fail the verdict, so it is reported one level lower.
    partial = by_id["metrics.kpis"]
    assert partial["level"] == "warning" and partial["properties"]["status"] == "partial"
    assert partial["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert "page 1 (est.)" in partial["message"]["text"]
    assert "20% on printing" in partial["message"]["text"]
    logical, = partial["locations"][0]["logicalLocations"]
    assert logical["name"] == "Productivity plan › Governance"


def test_sarif_waived_result_is_suppressed_with_the_reason(project, sarif_validator):
    (project / ".plancheck.toml").write_text(
        'select = ["governance.member-endorsement", "metrics.kpis"]' + WAIVE, encoding="utf-8")
    sarif = json.loads(plancheck("plans/weak.md", "--format", "sarif").stdout)
    sarif_validator.validate(sarif)
    waived, = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "governance.member-endorsement"]
    assert waived["suppressions"] == [{"kind": "external", "justification": WAIVER}]


# --- JUnit ----------------------------------------------------------------------------------------

def test_junit_has_a_suite_per_document_and_a_case_per_check(project, broken):
    root = ET.fromstring(run_format("junit").stdout)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert list(suites) == ["plans/partial.md", "plans/strong.md", "plans/weak.md", "plans/broken.docx"]
    rule_count = len(all_rule_ids())
    weak = suites["plans/weak.md"]
    cases = weak.findall("testcase")
    assert len(cases) == rule_count + 1 == int(weak.get("tests"))
    failed = {case.get("name").split(":")[0] for case in cases if case.find("failure") is not None}
    assert failed == {*SELECTED, "verdict"}
    assert int(weak.get("failures")) == 3
    assert int(weak.get("skipped")) == rule_count - 2 == len(weak.findall("testcase/skipped"))
    failure = weak.find("testcase/failure")
    assert failure.get("type") == "error" and "To fix:" in failure.text
    strong = suites["plans/strong.md"]
    assert strong.findall("testcase/failure") == []
    properties = {p.get("name"): p.get("value") for p in strong.iter("property")}
    assert properties["verdict"] == "pass" and properties["score"] == "100.0"
    error = suites["plans/broken.docx"].find("testcase/error")
    assert error is not None and error.get("message")
    # weak: two required checks and its verdict; partial: one required check and its verdict.
    assert int(root.get("errors")) == 1 and int(root.get("failures")) == 5


# --- GitHub ---------------------------------------------------------------------------------------

def test_github_annotations(project):
    lines = run_format("github", "plans/weak.md", "plans/partial.md").stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 3, lines
    assert errors[0].startswith("::error file=plans/weak.md,line=1,title=metrics.kpis%3A ")
    assert any(line.startswith("::warning file=plans/partial.md,line=5,title=metrics.kpis%3A ")
               for line in lines)
    assert any(line.startswith("plans/weak.md: score 0 / 100, verdict FAIL: ") for line in lines)


def test_github_is_the_default_on_github_actions_and_writes_the_job_summary(project):
    summary = project / "summary.md"
    summary.write_text("Earlier step\n", encoding="utf-8")
    result = plancheck("plans", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.stdout.startswith("::")
    written = summary.read_text("utf-8")
    assert written.startswith("Earlier step\n\n## plancheck\n")
    assert "| plans/weak.md | 0 | FAIL | metrics.kpis, governance.member-endorsement |" in written


def test_github_text_format_still_available_on_github_actions(project):
    result = plancheck("plans", "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert not result.stdout.startswith("::") and "Summary" in result.stdout


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a: b, c%") == "a%3A b%2C c%25"


def test_github_waived_check_is_a_notice_with_the_reason(project):
    (project / ".plancheck.toml").write_text('select = ["governance.member-endorsement"]' + WAIVE,
                                            encoding="utf-8")
    result = plancheck("plans/weak.md", "--format", "github")
    assert result.exit_code == 0
    notice, = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert notice.startswith("::notice file=plans/weak.md,line=1,title=Waived governance.member-endorsement%3A")
    assert notice.endswith(f"Waived: {WAIVER}")


# --- Markdown -------------------------------------------------------------------------------------

def test_markdown_checklist_table(project, broken):
    text = run_format("markdown").stdout
    lines = text.splitlines()
    assert lines[0] == "## plancheck"
    assert "| File | Score | Verdict | Why |" in lines
    assert "| plans/strong.md | 100 | PASS | - |" in lines
    assert any(line.startswith("| plans/broken.docx | - | ERROR |") for line in lines)
    assert "### plans/weak.md: 0 / 100, **FAIL**" in lines
    header = lines.index("### plans/weak.md: 0 / 100, **FAIL**") + 9
    assert lines[header] == "|  | Check | Severity | Status | Points | Details |"
    rows = lines[header + 2:header + 4]
    assert all(line.startswith("| ✗ |") and "| error | fail | 0 / 10 |" in line and "To fix:" in line
               for line in rows), rows
    assert "Skipped:" in lines
    assert any(line.startswith("- Turned off by the configuration file") and "length.pages" in line
               for line in lines), lines


def test_markdown_cells_cannot_break_the_table_or_inject_html():
    assert cell("a | b\nc <script>") == "a \\| b<br>c &lt;script&gt;"


# --- CSV ------------------------------------------------------------------------------------------

def test_csv_is_one_row_per_document_with_every_status_and_the_facts(project, broken):
    rows = list(csv.DictReader(io.StringIO(run_format("csv").stdout)))
    assert [row["path"] for row in rows] == ["plans/partial.md", "plans/strong.md", "plans/weak.md",
                                            "plans/broken.docx"]
    columns = list(rows[0])
    assert columns[:6] == ["path", "format", "score", "verdict", "failed_errors", "error"]
    for rule_id in all_rule_ids():
        assert rule_id in columns
    for fact in ("pages", "pages_method", "words", "agency_spend_percent", "endorsement"):
        assert fact in columns
    partial, strong, weak, unreadable = rows
    assert (strong["score"], strong["verdict"], strong["failed_errors"]) == ("100.0", "pass", "")
    assert strong["governance.member-endorsement"] == "pass" and strong["length.pages"] == "skip"
    assert json.loads(strong["endorsement"])["body"] == "Cabinet"
    assert strong["pages_method"] == "estimate" and int(strong["words"]) > 50
    assert weak["verdict"] == "fail" and weak["metrics.kpis"] == "fail"
    assert weak["failed_errors"] == "metrics.kpis governance.member-endorsement"
    assert partial["metrics.kpis"] == "partial"
    assert unreadable["verdict"] == "error" and unreadable["error"] and unreadable["score"] == ""


def test_csv_defuses_spreadsheet_formulas_in_file_names(project, monkeypatch):
    (project / "plans" / "=cmd.md").write_text((project / "plans" / "strong.md").read_text("utf-8"))
    monkeypatch.chdir(project / "plans")
    rows = list(csv.DictReader(io.StringIO(plancheck("=cmd.md", "--format", "csv").stdout)))
    assert rows[0]["path"] == "'=cmd.md"


# --- waivers in every format ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_waived_check_shows_as_waived_with_its_reason_and_passes(project, fmt):
    (project / ".plancheck.toml").write_text('select = ["governance.member-endorsement"]' + WAIVE,
                                            encoding="utf-8")
    result = plancheck("plans/weak.md", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert WAIVER in result.stdout
    if fmt == "json":
        check, = [c for c in json.loads(result.stdout)["documents"][0]["checks"]
                  if c["id"] == "governance.member-endorsement"]
        assert (check["status"], check["waived"]) == ("fail", WAIVER)
    elif fmt == "junit":
        case, = [c for c in ET.fromstring(result.stdout).iter("testcase")
                 if c.get("name").startswith("governance.member-endorsement:")]
        assert case.find("skipped").get("message") == f"Waived: {WAIVER}"
    elif fmt == "csv":
        row, = csv.DictReader(io.StringIO(result.stdout))
        assert row["governance.member-endorsement"] == "waived" and row["verdict"] == "pass"
        assert row["waived"] == f"governance.member-endorsement: {WAIVER}"
    elif fmt == "markdown":
        assert "| error | waived | 0 / 10 |" in result.stdout
    elif fmt == "text":
        assert f"Waived: {WAIVER}" in result.stdout and "Verdict: PASS" in result.stdout

