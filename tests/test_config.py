"""Configuration: discovery, every key, precedence of the command line, validation, exclude globs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from cli_helpers import SELECTED, WAIVER, plancheck, write_project

from plancheck import config as configuration
from plancheck.packs import builtin_dir

PYPROJECT = '[project]\nname = "plans"\n\n[tool.plancheck]\n'


def statuses(result) -> dict[str, str]:
    """Check ID to status, for the one document of a JSON report."""
    document, = json.loads(result.stdout)["documents"]
    return {check["id"]: check["status"] for check in document["checks"]}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository root with drafts and no configuration yet; cwd is a folder two levels below it."""
    write_project(tmp_path, config=None)
    below = tmp_path / "work" / "deeper"
    below.mkdir(parents=True)
    monkeypatch.chdir(below)
    return tmp_path


def weak(repo) -> str:
    return str(repo / "plans" / "weak.md")


def strong(repo) -> str:
    return str(repo / "plans" / "strong.md")


# --- discovery ------------------------------------------------------------------------------------

def test_pyproject_table_found_by_walking_up(repo):
    (repo / "pyproject.toml").write_text(PYPROJECT + 'select = ["metrics.kpis"]\n', encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--format", "json"))
    assert found["metrics.kpis"] == "fail"
    assert found["governance.member-endorsement"] == "skip"


def test_dot_plancheck_toml_found_by_walking_up(repo):
    (repo / ".plancheck.toml").write_text('ignore = ["metrics."]\n', encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--format", "json"))
    assert found["metrics.kpis"] == "skip"
    assert found["governance.member-endorsement"] == "fail"


def test_dot_plancheck_toml_wins_over_pyproject_in_the_same_folder(repo):
    (repo / "pyproject.toml").write_text(PYPROJECT + 'select = ["metrics.kpis"]\n', encoding="utf-8")
    (repo / ".plancheck.toml").write_text('select = ["governance.member-endorsement"]\n', encoding="utf-8")
    assert configuration.discover(Path.cwd()) == repo / ".plancheck.toml"
    found = statuses(plancheck(weak(repo), "--format", "json"))
    assert (found["metrics.kpis"], found["governance.member-endorsement"]) == ("skip", "fail")


def test_pyproject_without_a_plancheck_table_is_passed_over(repo):
    (repo / ".plancheck.toml").write_text('select = ["metrics.kpis"]\n', encoding="utf-8")
    (repo / "work" / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    assert configuration.discover(Path.cwd()) == repo / ".plancheck.toml"


def test_the_nearest_file_to_the_document_wins(repo):
    (repo / ".plancheck.toml").write_text('select = ["metrics.kpis"]\n', encoding="utf-8")
    (repo / "plans" / ".plancheck.toml").write_text('select = ["governance."]\n', encoding="utf-8")
    # The working directory's own configuration is not the document's.
    (repo / "work" / "deeper" / ".plancheck.toml").write_text('select = ["metrics."]\n', encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--format", "json"))
    assert (found["metrics.kpis"], found["governance.member-endorsement"]) == ("skip", "fail")


def test_no_configuration_anywhere_runs_every_check(repo):
    assert configuration.discover(Path.cwd()) is None
    found = statuses(plancheck(weak(repo), "--format", "json"))
    assert found["metrics.kpis"] == "fail" and "skip" not in {found[i] for i in SELECTED}


def test_config_option_names_the_file(repo, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (repo / ".plancheck.toml").write_text('select = ["metrics.kpis"]\n', encoding="utf-8")
    named = elsewhere / "pyproject.toml"
    named.write_text(PYPROJECT + 'select = ["governance.member-endorsement"]\n', encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--config", named, "--format", "json"))
    assert (found["metrics.kpis"], found["governance.member-endorsement"]) == ("skip", "fail")
    other = elsewhere / "ci.toml"
    other.write_text('select = ["metrics.kpis"]\n', encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--config", other, "--format", "json"))
    assert (found["metrics.kpis"], found["governance.member-endorsement"]) == ("fail", "skip")


def test_config_option_naming_a_pyproject_without_the_table_is_an_error(repo):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    result = plancheck(weak(repo), "--config", repo / "pyproject.toml")
    assert result.exit_code == 2
    assert "has no [tool.plancheck] table" in result.stderr


def test_config_option_naming_a_missing_file_is_an_error(repo):
    result = plancheck(weak(repo), "--config", "missing.toml")
    assert result.exit_code == 2 and "missing.toml: cannot be read" in result.stderr


# --- keys -----------------------------------------------------------------------------------------

def test_ignore_reports_status_skip(repo):
    (repo / ".plancheck.toml").write_text('ignore = ["question.", "governance.member-endorsement"]\n',
                                          encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--format", "json"))
    assert found["governance.member-endorsement"] == "skip"
    assert {status for rule_id, status in found.items() if rule_id.startswith("question.")} == {"skip"}
    assert found["metrics.kpis"] == "fail"


def test_severity_override_changes_what_fails_the_verdict(repo):
    (repo / ".plancheck.toml").write_text(
        'select = ["governance.member-endorsement"]\n[severity]\n"governance.member-endorsement" = "warning"\n',
        encoding="utf-8")
    result = plancheck(weak(repo), "--format", "json")
    assert result.exit_code == 0
    check, = [c for c in json.loads(result.stdout)["documents"][0]["checks"]
              if c["id"] == "governance.member-endorsement"]
    assert (check["status"], check["severity"]) == ("fail", "warning")


def test_fail_under_from_configuration_and_the_command_line_replacing_it(repo):
    (repo / ".plancheck.toml").write_text('select = ["metrics.kpis", "governance.publication"]\n'
                                          'fail-under = 90\n', encoding="utf-8")
    (repo / "plans" / "kpis.md").write_text(
        "# Plan\n\nOur key performance indicator is cost per transaction, target £3.00 by 2026.\n",
        encoding="utf-8")
    kpis = str(repo / "plans" / "kpis.md")
    result = plancheck(kpis, "--format", "json")
    document, = json.loads(result.stdout)["documents"]
    assert document["score"] < 90 and document["verdict"] == "fail" and result.exit_code == 1
    assert plancheck(kpis, "--fail-under", "10").exit_code == 0


def test_command_line_select_replaces_the_configuration(repo):
    (repo / ".plancheck.toml").write_text('select = ["metrics.kpis"]\nignore = ["governance."]\n',
                                          encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--select", "governance.", "--ignore", "metrics.kpis",
                               "--format", "json"))
    assert (found["governance.member-endorsement"], found["metrics.kpis"]) == ("fail", "skip")


def test_pages_mode_from_configuration(repo):
    (repo / ".plancheck.toml").write_text('pages = "layout"\nselect = ["length.pages"]\n', encoding="utf-8")
    # Markdown has no layout to render: asking for one adds a note; --pages estimate replaces the mode.
    layout, = json.loads(plancheck(weak(repo), "--format", "json").stdout)["documents"]
    estimate, = json.loads(plancheck(weak(repo), "--pages", "estimate", "--format", "json").stdout)["documents"]
    assert layout["notes"] and not estimate["notes"]


def test_rules_paths_are_relative_to_the_configuration_file(repo):
    packs = repo / "packs"
    packs.mkdir()
    shutil.copy(builtin_dir() / "productivity-plan-2024.yaml", packs / "ours.yaml")
    (repo / ".plancheck.toml").write_text('rules = ["packs/ours.yaml"]\nselect = ["metrics.kpis"]\n',
                                          encoding="utf-8")
    result = plancheck(weak(repo), "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [pack["id"] for pack in report["ruleset"]] == ["productivity-plan-2024"]
    assert plancheck("--list-rules").stdout.startswith("Productivity plan 2024")


def test_waived_check_does_not_fail_the_verdict(repo):
    (repo / ".plancheck.toml").write_text(
        f'select = ["governance.member-endorsement"]\n[waive]\n"governance.member-endorsement" = "{WAIVER}"\n',
        encoding="utf-8")
    result = plancheck(weak(repo))
    assert result.exit_code == 0
    assert f"Waived: {WAIVER}" in result.stdout and "Verdict: PASS" in result.stdout


def test_waivers_in_pyproject(repo):
    (repo / "pyproject.toml").write_text(
        PYPROJECT + 'select = ["governance.member-endorsement"]\n\n[tool.plancheck.waive]\n'
        f'"governance.member-endorsement" = "{WAIVER}"\n', encoding="utf-8")
    assert plancheck(weak(repo)).exit_code == 0


# --- validation -----------------------------------------------------------------------------------

@pytest.mark.parametrize("body, named", [
    ("fail_under = 50\n", "$: unknown key 'fail_under'; did you mean 'fail-under'?"),
    ("fail-under = 150\n", "$.fail-under"),
    ('fail-under = "high"\n', "$.fail-under"),
    ('select = "metrics.kpis"\n', "$.select"),
    ('pages = "exact"\n', "$.pages"),
    ('rules = []\n', "$.rules"),
    ('exclude = [""]\n', "$.exclude"),
    ('[severity]\n"metrics.kpis" = "fatal"\n', "$.severity"),
    ('[waive]\n"metrics.kpis" = ""\n', "$.waive"),
    ('select = ["metrics.kpi"]\n', "$.select: unknown check ID 'metrics.kpi'; did you mean metrics.kpis"),
    ('ignore = ["questions."]\n', "$.ignore: unknown check ID 'questions.'"),
    ('[severity]\n"metrics.kpi" = "info"\n', "$.severity: unknown check ID 'metrics.kpi'"),
    ('[waive]\n"governance." = "prefixes are not waivable"\n', "$.waive: 'governance.' is not valid; expected a check ID such as"),
    ('select = [\n', "is not valid TOML"),
    ('rules = ["no-such-pack"]\n', "no-such-pack: no such rule pack"),
])
def test_invalid_configuration_is_exit_2_naming_the_key(repo, body, named):
    (repo / ".plancheck.toml").write_text(body, encoding="utf-8")
    result = plancheck(weak(repo))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("plancheck: ")
    assert named in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_errors_in_pyproject_name_the_table(repo):
    (repo / "pyproject.toml").write_text(PYPROJECT + "fail-under = -1\n", encoding="utf-8")
    result = plancheck(weak(repo))
    assert result.exit_code == 2
    assert "pyproject.toml [tool.plancheck]: at $.fail-under:" in result.stderr


def test_unknown_ids_on_the_command_line_are_errors_too(repo):
    result = plancheck(weak(repo), "--ignore", "theme.transformaton")
    assert result.exit_code == 2
    assert "--ignore: unknown check ID 'theme.transformaton'; did you mean theme.transformation" in result.stderr


def test_configuration_replaced_by_the_command_line_is_not_validated(repo):
    # --select replaces the configuration's select, so its IDs are not in effect.
    (repo / ".plancheck.toml").write_text('select = ["metrics.kpi"]\n', encoding="utf-8")
    assert plancheck(weak(repo), "--select", "metrics.kpis").exit_code == 1


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(configuration.schema())


# --- exclude --------------------------------------------------------------------------------------

@pytest.mark.parametrize("glob, path, excluded", [
    ("*.txt", "plans/a.txt", True),
    ("*.txt", "plans/a.md", False),
    ("archive", "plans/archive/2023/a.md", True),
    ("archive/", "archive/a.md", True),
    ("plans/old", "plans/old/a.md", True),
    ("plans/old", "other/plans/old/a.md", False),
    ("plans/*.txt", "plans/a.txt", True),
    ("plans/*.txt", "other/plans/a.txt", False),
    ("**/templates/*", "a/b/templates/t.md", True),
    ("**/templates/*", "templates/t.md", True),
    ("./plans/a.md", "plans/a.md", True),
    ("~$*", "plans/~$a.docx", True),
])
def test_exclude_globs(tmp_path, glob, path, excluded):
    config = configuration.Config(path=tmp_path / ".plancheck.toml", exclude=(glob,))
    assert config.excludes(str(tmp_path / path)) is excluded


def test_exclude_is_relative_to_the_configuration_file_and_with_force_exclude_applies_to_named_files(repo):
    (repo / ".plancheck.toml").write_text('exclude = ["plans/weak.md"]\nselect = ["metrics.kpis"]\n',
                                          encoding="utf-8")
    # Named explicitly, a file is checked: the user asked for it.
    assert plancheck(weak(repo)).exit_code == 1
    result = plancheck(weak(repo), "--force-exclude")
    assert result.exit_code == 0
    assert "no plans to check" in result.stderr
    both = plancheck(weak(repo), strong(repo), "--format", "json", "--force-exclude")
    assert [d["path"] for d in json.loads(both.stdout)["documents"]] == [strong(repo)]
    assert both.exit_code == 0
    (repo / ".plancheck.toml").write_text('exclude = ["plans/weak.md"]\nforce-exclude = true\n', encoding="utf-8")
    assert "no plans to check" in plancheck(weak(repo)).stderr


# --- each file's own configuration, named in every report -----------------------------------------

def test_configuration_is_found_from_the_file_not_the_working_directory(tmp_path, monkeypatch):
    project = tmp_path / "cfg"
    write_project(project, config=None)
    (project / "pyproject.toml").write_text(PYPROJECT + 'select = ["metrics.kpis"]\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = plancheck(str(project / "plans" / "weak.md"), "--format", "json")
    found = statuses(result)
    assert (found["metrics.kpis"], found["governance.member-endorsement"]) == ("fail", "skip")
    assert json.loads(result.stdout)["documents"][0]["configuration"] == str(project / "pyproject.toml")


def test_files_in_two_projects_are_each_checked_with_their_own_configuration(tmp_path, monkeypatch):
    for name, select in (("north", "metrics.kpis"), ("south", "governance.member-endorsement")):
        write_project(tmp_path / name, config=f'select = ["{select}"]\n')
    monkeypatch.chdir(tmp_path)
    result = plancheck("north/plans/weak.md", "south/plans/weak.md", "--format", "json")
    documents = json.loads(result.stdout)["documents"]
    assert [(d["path"], d["configuration"]) for d in documents] == [
        ("north/plans/weak.md", "north/.plancheck.toml"), ("south/plans/weak.md", "south/.plancheck.toml")]
    ran = [[c["id"] for c in d["checks"] if c["status"] != "skip"] for d in documents]
    assert ran == [["metrics.kpis"], ["governance.member-endorsement"]]


def test_discovery_stops_at_the_repository_root(tmp_path, monkeypatch):
    (tmp_path / ".plancheck.toml").write_text('select = ["metrics.kpis"]\n', encoding="utf-8")
    repository = tmp_path / "repository"
    write_project(repository, config=None)
    (repository / ".git").mkdir()
    monkeypatch.chdir(repository)
    assert configuration.discover(repository / "plans") is None
    result = plancheck("plans/weak.md", "--format", "json")
    assert json.loads(result.stdout)["documents"][0]["configuration"] is None
    found = statuses(result)
    assert (found["metrics.kpis"], found["governance.member-endorsement"]) == ("fail", "fail")


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_every_report_names_the_configuration_or_says_there_is_none(repo, output_format):
    with_none = plancheck(weak(repo), "--format", output_format).stdout
    (repo / ".plancheck.toml").write_text('select = ["metrics.kpis"]\n', encoding="utf-8")
    with_file = plancheck(weak(repo), "--format", output_format).stdout
    if output_format == "text":
        assert "Configuration: no configuration file (built-in defaults)" in with_none.splitlines()[:4]
        assert f"Configuration: {repo / '.plancheck.toml'}" in with_file.splitlines()[:4]
    elif output_format == "json":
        assert json.loads(with_none)["documents"][0]["configuration"] is None
        assert json.loads(with_file)["documents"][0]["configuration"] == str(repo / ".plancheck.toml")
    else:
        properties = [json.loads(out)["runs"][0]["artifacts"][0]["properties"] for out in (with_none, with_file)]
        assert [p["configuration"] for p in properties] == [None, str(repo / ".plancheck.toml")]


def test_the_readme_table_pasted_into_dot_plancheck_toml_works(repo):
    (repo / ".plancheck.toml").write_text('[tool.plancheck]\nselect = ["metrics.kpis"]\n\n'
                                          '[tool.plancheck.waive]\n"metrics.kpis" = "Added at Cabinet"\n',
                                          encoding="utf-8")
    found = statuses(plancheck(weak(repo), "--format", "json"))
    assert (found["metrics.kpis"], found["governance.member-endorsement"]) == ("fail", "skip")
    assert plancheck(weak(repo)).exit_code == 0


@pytest.mark.parametrize("body, says", [
    ('[severity]\n"question." = "error"\n', "'question.' is not valid; expected a check ID such as \"question.edi\""),
    ('[waive]\n"Metrics.KPIs" = "x"\n', "'Metrics.KPIs' is not valid; expected a check ID"),
    ('[waive]\n"metrics.kpis" = "   "\n', "expected a reason in words, not blank"),
    ('pages = "exact"\n', "'exact' is not one of 'auto', 'layout', 'estimate'"),
    ('exclude = [""]\n', "an empty value is not allowed"),
    ('select = "metrics.kpis"\n', "'metrics.kpis' is not valid; expected a list in square brackets, such as"),
    ('fail-under = "high"\n', "'high' is not valid; expected a number, such as 60"),
    ('force-exclude = "yes"\n', "'yes' is not valid; expected true or false"),
    ('rules = []\n', "an empty list is not allowed; name at least one"),
    ('selct = ["metrics."]\n', "unknown key 'selct'; did you mean 'select'?"),
])
def test_configuration_errors_say_what_a_valid_value_looks_like_never_a_pattern(repo, body, says):
    (repo / ".plancheck.toml").write_text(body, encoding="utf-8")
    result = plancheck(weak(repo))
    assert result.exit_code == 2
    assert says in result.stderr, result.stderr
    assert "^" not in result.stderr and "does not match" not in result.stderr and "\\S" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_documents_of_several_projects_are_reported_in_the_order_given(tmp_path, monkeypatch):
    for name in ("north", "south"):
        write_project(tmp_path / name, config='select = ["metrics.kpis"]\n')
    monkeypatch.chdir(tmp_path)
    given = ["./south/plans/weak.md", "north/plans/strong.md", "./south/plans/strong.md", "north/plans/weak.md"]
    result = plancheck(*given, "--format", "json", "--jobs", "1")
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == [path.removeprefix("./") for path in given]
