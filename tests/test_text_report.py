"""The text report, run through the command line: the answer first, a short view, honest wrapping and colour."""

from __future__ import annotations

import json
import re

import docx
import pytest
from cli_helpers import plancheck, write_project
from conftest import ROOT

WEAK_EXAMPLE = ROOT / "examples" / "weak-draft-productivity-plan.md"
ANYSHIRE = ROOT / "examples" / "anyshire-productivity-plan-2024.docx"
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def visible(text: str) -> str:
    return ESCAPE.sub("", text)


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_project(tmp_path, config=None)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def failing_four_page_plan(folder) -> str:
    """The compliant example with its endorsement taken out: four pages, one required item failed."""
    document = docx.Document(ANYSHIRE)
    for paragraph in document.paragraphs:
        if "endorsed by Cabinet" in paragraph.text:
            paragraph._element.getparent().remove(paragraph._element)
    path = folder / "unendorsed.docx"
    document.save(path)
    return str(path)


# --- the answer first ------------------------------------------------------------------------------

def test_the_first_12_lines_hold_the_score_the_verdict_and_every_failed_required_item():
    result = plancheck(WEAK_EXAMPLE, "--pages", "estimate")
    assert result.exit_code == 1
    top = "\n".join(result.stdout.splitlines()[:12])
    assert re.search(r"^Score [0-9.]+ / 100\. Verdict: FAIL, because:$", top, re.M)
    failed = re.findall(r"\[([a-z.-]+)\]", top)
    assert failed == ["length.pages", "theme.barriers", "metrics.kpis", "governance.member-endorsement",
                      "publish.placeholders"]
    # A required item found on a page says which; the rest were not found anywhere.
    assert "No drafting text or unanswered questions [publish.placeholders], page 1 (est.)" in \
        " ".join(top.split())


def test_a_threshold_missed_is_a_reason_at_the_top(project):
    # Endorsement passes and publication (a warning) fails: no required item fails, the score is low.
    args = ("plans/strong.md", "--select", "governance.member-endorsement", "--select", "governance.publication")
    score = json.loads(plancheck(*args, "--format", "json").stdout)["documents"][0]["score"]
    assert 0 < score < 100
    lines = plancheck(*args, "--fail-under", "100").stdout.splitlines()
    assert lines[3:6] == ["", f"Score {score:g} / 100. Verdict: FAIL, because:",
                          f"  ✗ Score {score:g} below the 100 required"]


# --- the short view --------------------------------------------------------------------------------

def test_the_short_view_of_a_failing_four_page_plan_is_under_30_lines(tmp_path):
    plan = failing_four_page_plan(tmp_path)
    result = plancheck(plan, "--failures", "--pages", "estimate")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert "4 pages" in lines[1]
    assert len(lines) < 30, result.stdout
    head = next(i for i, line in enumerate(lines) if line.startswith("  ✗ Endorsed by elected members"))
    assert lines[head + 1].strip() == "[governance.member-endorsement]"
    assert lines[head + 2].strip().startswith("Say who endorsed the plan and when")
    # Only what failed or was partly met: no passed check, no checklist.
    assert "✓" not in result.stdout and "points" not in result.stdout


def test_the_short_view_lists_each_open_item_with_one_line_of_fix():
    result = plancheck(WEAK_EXAMPLE, "-q", "--pages", "estimate")
    lines = result.stdout.splitlines()
    heads = [i for i, line in enumerate(lines) if re.match(r"  [✗~] ", line)]
    assert len(heads) >= 10
    for index in heads:
        following = lines[index + 1:index + 3]
        fix_lines = [line for line in following if line.startswith("      ") and not line.strip().startswith("[")
                     and "page" not in line.split()[0]]
        assert fix_lines, lines[index:index + 3]
    assert re.search(r"^\d+ questions to consider \(info\)", result.stdout, re.M)


def test_full_gives_the_checklist_back(tmp_path):
    plan = failing_four_page_plan(tmp_path)
    result = plancheck(plan, "--failures", "--full", "--pages", "estimate")
    assert "✓" in result.stdout and "points" in result.stdout


# --- skips say why, and where a setting came from ---------------------------------------------------

def test_every_skip_has_its_reason_in_the_text(project):
    result = plancheck("plans/strong.md", "--select", "publish.", "--select", "governance.")
    lines = result.stdout.splitlines()
    comments = next(i for i, line in enumerate(lines) if "[publish.comments, error]" in line)
    assert lines[comments].startswith("  - ")
    assert lines[comments + 1].strip() == "Not checked: comments are not read from a Markdown file."
    for index, line in enumerate(lines):
        if line.startswith("  - "):
            assert lines[index + 1].startswith("      ") and lines[index + 1].strip(), line


def test_a_check_turned_off_on_the_command_line_says_so(project):
    result = plancheck("plans/strong.md", "--ignore", "question.", "--format", "json")
    check = next(c for c in json.loads(result.stdout)["documents"][0]["checks"] if c["id"] == "question.edi")
    assert check["message"] == "Turned off on the command line."
    text = plancheck("plans/strong.md", "--ignore", "question.").stdout
    assert re.search(r"^Supplementary questions +Turned off on the command line$", text, re.M)


def test_a_check_turned_off_by_the_configuration_names_the_file(project):
    (project / ".plancheck.toml").write_text('ignore = ["question."]\n', encoding="utf-8")
    text = plancheck("plans/strong.md").stdout
    assert re.search(r"^Supplementary questions +Turned off by the configuration file \.plancheck\.toml$",
                     text, re.M)


# --- width and colour ------------------------------------------------------------------------------

@pytest.mark.parametrize("columns", [60, 100, 160])
def test_lines_fit_the_terminal_width_counting_visible_characters(columns, monkeypatch):
    # The file's path is printed whole, as a path must be; run from its folder so that the width
    # tested is the report's, not that of wherever the repository is checked out.
    monkeypatch.chdir(WEAK_EXAMPLE.parent)
    result = plancheck(WEAK_EXAMPLE.name, "--pages", "estimate", "--color", "always", env={"COLUMNS": str(columns)})
    widest = max(len(visible(line)) for line in result.stdout.splitlines())
    assert widest <= min(columns, 100)
    # Colour takes no room: the same text with and without it.
    plain = plancheck(WEAK_EXAMPLE.name, "--pages", "estimate", "--color", "never", env={"COLUMNS": str(columns)})
    assert visible(result.stdout) == plain.stdout
    if columns > 80:
        assert widest > 80


def test_a_rule_id_does_not_wrap_early_because_of_colour_codes():
    result = plancheck(WEAK_EXAMPLE, "--pages", "estimate", "--color", "always", env={"COLUMNS": "100"})
    assert "  \x1b[33m~\x1b[0m Theme 2: technology and data \x1b[2m[theme.technology-data, error]\x1b[0m" in \
        result.stdout.splitlines()


def test_color_always_colours_into_a_pipe_and_a_file(project):
    piped = plancheck("plans/weak.md", "--color", "always")
    assert ESCAPE.search(piped.stdout)
    written = plancheck("plans/weak.md", "--color", "always", "-o", "report.txt")
    assert ESCAPE.search((project / "report.txt").read_text("utf-8"))
    assert not ESCAPE.search(plancheck("plans/weak.md").stdout)
    assert not ESCAPE.search(plancheck("plans/weak.md", "--color", "auto", "-o", "auto.txt").stdout)
    assert not ESCAPE.search((project / "auto.txt").read_text("utf-8"))
    assert written.exit_code == 1


# --- -o, -v, a missing file ------------------------------------------------------------------------

def test_output_file_leaves_a_one_line_status_on_the_terminal(project):
    result = plancheck("plans/weak.md", "-o", "report.txt", "--select", "governance.member-endorsement")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "plans/weak.md: score 0 / 100, FAIL (1 reason). Report written to report.txt.\n"
    several = plancheck("plans", "-o", "report.json", "--format", "json", "--select", "governance.")
    assert several.stderr == "2 documents checked: 1 passed, 1 failed. Report written to report.json.\n"


def test_verbose_shows_every_quote_of_a_passed_check():
    args = (ANYSHIRE, "--select", "theme.transformation", "--pages", "estimate", "--format")
    checks = json.loads(plancheck(*args, "json").stdout)["documents"][0]["checks"]
    evidence, = [c["evidence"] for c in checks if c["id"] == "theme.transformation"]
    assert len(evidence) > 1
    default, verbose = plancheck(*args, "text").stdout, plancheck(*args, "text", "-v").stdout
    assert default.count("      · ") == 1
    assert verbose.count("      · ") == len(evidence)


def test_a_missing_file_prints_nothing_on_stdout(project):
    result = plancheck("plans/missing.docx")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("plans/missing.docx: ")


def test_every_skip_has_a_reason_in_every_format_that_lists_skips(project):
    args = ("plans/strong.md", "--select", "publish.", "--select", "access.", "--format")
    checks = json.loads(plancheck(*args, "json").stdout)["documents"][0]["checks"]
    skips = [c for c in checks if c["status"] == "skip"]
    assert skips and all(c["message"].strip() for c in skips)
    markdown = plancheck(*args, "markdown").stdout
    for check in skips:
        assert any(line.startswith(f"- {check['message']}") and check["id"] in line
                   for line in markdown.splitlines()), check["id"]
    import xml.etree.ElementTree as ET

    for case in ET.fromstring(plancheck(*args, "junit").stdout).iter("testcase"):
        skipped = case.find("skipped")
        if skipped is not None:
            assert skipped.get("message").strip()
