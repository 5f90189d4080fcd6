"""The verdict always says why: its reasons in every format, and a run that checked nothing is an error."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from cli_helpers import PARTIAL, plancheck, write_project

from plancheck.reporters import FORMATS

# The partial draft meets metrics.kpis in part (score 50) and fails nothing required,
# so with --fail-under 90 the threshold is the only reason it fails.
BELOW = "Score 50 below the 90 required"
THRESHOLD_ONLY = ("plans/partial.md", "--select", "metrics.kpis", "--fail-under", "90")


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_project(tmp_path, config=None)
    (tmp_path / "plans" / "partial.md").write_text(PARTIAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_fail_under_only_failure_gives_its_reason_in_every_format(project, fmt):
    result = plancheck(*THRESHOLD_ONLY, "--format", fmt)
    assert result.exit_code == 1, result.output
    out = result.stdout
    if fmt == "json":
        document, = json.loads(out)["documents"]
        assert (document["verdict"], document["reasons"], document["threshold"]) == ("fail", [BELOW], 90)
    elif fmt == "csv":
        row, = csv.DictReader(io.StringIO(out))
        assert (row["verdict"], row["reasons"], row["threshold"]) == ("fail", BELOW, "90.0")
    elif fmt == "junit":
        suite = ET.fromstring(out).find("testsuite")
        assert suite.get("failures") == "1"
        case, = [c for c in suite.iter("testcase") if c.find("failure") is not None]
        assert case.get("name") == "verdict" and case.find("failure").get("message") == BELOW
        properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
        assert (properties["reasons"], properties["threshold"]) == (BELOW, "90.0")
    elif fmt == "sarif":
        run, = json.loads(out)["runs"]
        verdict, = run["properties"]["verdicts"]
        assert verdict == {"path": "plans/partial.md", "score": 50.0, "verdict": "fail", "threshold": 90,
                           "reasons": [BELOW]}
        assert run["artifacts"][0]["properties"]["reasons"] == [BELOW]
    elif fmt == "github":
        assert "::error file=plans/partial.md,line=1,title=Score below the threshold::" + BELOW in out
        assert f"plans/partial.md: score 50 / 100, verdict FAIL: {BELOW}" in out.splitlines()
    elif fmt == "markdown":
        assert f"- {BELOW}" in out.splitlines()
    elif fmt == "text":
        assert BELOW in out


def test_the_folder_summary_says_why_each_plan_failed(project):
    out = plancheck("plans", "--select", "metrics.kpis", "--select", "governance.member-endorsement",
                    "--fail-under", "90").stdout
    summary = out[out.index("\nSummary\n"):].splitlines()
    assert any(line.startswith("plans/partial.md") and line.endswith("governance.member-endorsement, "
                                                                      "score below 90") for line in summary)
    assert any(line.startswith("plans/strong.md") and line.endswith("PASS     -") for line in summary)


def test_a_failed_required_check_is_a_reason_by_title_and_id(project):
    result = plancheck("plans/weak.md", "--select", "governance.member-endorsement", "--format", "json")
    document, = json.loads(result.stdout)["documents"]
    assert document["reasons"] == ["Endorsed by elected members before submission "
                                   "(governance.member-endorsement) failed"]
    assert document["threshold"] is None


def test_a_passing_plan_has_no_reasons(project):
    result = plancheck("plans/strong.md", "--select", "governance.", "--format", "json")
    assert result.exit_code == 0
    document, = json.loads(result.stdout)["documents"]
    assert document["verdict"] == "pass" and document["reasons"] == []


# --- JUnit follows the verdict ---------------------------------------------------------------------

def test_a_passing_plan_with_failed_warnings_gives_a_junit_file_without_failures(project):
    result = plancheck("plans/strong.md", "--select", "governance.", "--format", "junit")
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "0" and root.findall(".//failure") == []
    warning, = [c for c in root.iter("testcase") if c.get("name").startswith("governance.publication:")]
    assert warning.find("system-out").text.startswith("Not met (warning, does not fail the plan):")
    verdict, = [c for c in root.iter("testcase") if c.get("name") == "verdict"]
    assert len(verdict) == 0


# --- nothing checked -------------------------------------------------------------------------------

def test_a_selection_that_skips_every_check_for_the_format_is_exit_2(project):
    result = plancheck("plans/strong.md", "--select", "publish.comments")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("plans/strong.md: nothing was checked: comments are not read from a "
                             "Markdown file\n")


def test_select_and_ignore_that_cancel_out_are_an_option_error(project):
    result = plancheck("plans/strong.md", "--select", "theme.", "--ignore", "theme.")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "plancheck: --select and --ignore leave no checks to run.\n"


def test_a_selection_from_the_configuration_that_cancels_out_names_the_file(project):
    (project / ".plancheck.toml").write_text('select = ["theme."]\nignore = ["theme."]\n', encoding="utf-8")
    result = plancheck("plans/strong.md")
    assert result.exit_code == 2
    assert result.stderr == "plancheck: .plancheck.toml: select and ignore leave no checks to run.\n"


def test_other_files_are_still_checked_when_one_had_nothing_to_check(project):
    from pdf_fixtures import Page, Text, build_pdf

    page = Page(texts=[Text("Anytown plan", 72, 700, size=20, bold=True),
                       Text("We moved most of our forms online last year.", 72, 660)])
    (project / "plans" / "plan.pdf").write_bytes(build_pdf([page], title="Anytown plan", tagged=True))
    result = plancheck("plans/strong.md", "plans/plan.pdf", "--select", "access.tagged-pdf", "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == ["plans/plan.pdf"]
    assert report["errors"] == [{"path": "plans/strong.md", "message": "nothing was checked: a Markdown file "
                                                                       "is not a PDF"}]
