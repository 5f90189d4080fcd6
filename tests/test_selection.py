"""Which files are plans: the default skip list, include and exclude, files named explicitly,
--force-exclude, the same file reached twice, and a document on standard input."""

from __future__ import annotations

import json
import os

import pytest
from cli_helpers import CONFIG, STRONG, WEAK, as_word, plancheck

from plancheck.config import Resolver
from plancheck.runner import collect

NOT_PLANS = ["README.md", "Readme.txt", "CHANGELOG.md", "LICENSE.txt", "LICENCE.md", "CONTRIBUTING.md",
             "CODE_OF_CONDUCT.md", "SECURITY.md", "requirements.txt", "requirements-dev.txt", "docs/README.md",
             ".github/ISSUE_TEMPLATE.md", ".github/workflows/notes.md"]


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A document repository: two plans and the files every repository has."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".plancheck.toml").write_text(CONFIG, encoding="utf-8")
    for name in NOT_PLANS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# Plans\n\nThe council's draft plans.\n", encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "strong.md").write_text(STRONG, encoding="utf-8")
    (tmp_path / "plans" / "WEAK.MD").write_text(WEAK, encoding="utf-8")
    return tmp_path


def walked(*paths, force_exclude=False) -> list[str]:
    return collect(list(paths), Resolver(), force_exclude)


def test_a_walk_skips_the_files_every_repository_has(repository):
    assert walked(".") == [os.path.join(".", "plans", "WEAK.MD"), os.path.join(".", "plans", "strong.md")]
    result = plancheck(".")
    assert result.exit_code == 1
    assert "README" not in result.stdout and "2 documents checked: 1 passed, 1 failed." in result.stdout


def test_a_file_named_explicitly_is_checked_unless_force_exclude(repository):
    assert walked("README.md", "docs/README.md") == ["README.md", "docs/README.md"]
    assert walked("README.md", ".github/ISSUE_TEMPLATE.md", "plans/strong.md", force_exclude=True) == [
        "plans/strong.md"]
    result = plancheck("README.md", "CHANGELOG.md", "--force-exclude")
    assert result.exit_code == 0 and "no plans to check" in result.stderr


def test_extend_exclude_adds_to_the_defaults_and_exclude_replaces_them(repository):
    (repository / ".plancheck.toml").write_text(CONFIG + 'extend-exclude = ["WEAK*"]\n', encoding="utf-8")
    assert walked("plans", ".") == [os.path.join("plans", "strong.md")]
    (repository / ".plancheck.toml").write_text(CONFIG + 'exclude = ["weak*"]\n', encoding="utf-8")
    found = walked(".")
    assert os.path.join(".", "README.md") in found and os.path.join(".", "plans", "strong.md") in found
    assert not any(path.lower().endswith("weak.md") for path in found)


def test_include_chooses_what_a_walk_picks_up(repository):
    (repository / "plans" / "plan.txt").write_text(STRONG, encoding="utf-8")
    (repository / ".plancheck.toml").write_text(CONFIG + 'include = ["*.txt"]\n', encoding="utf-8")
    assert walked("plans") == [os.path.join("plans", "plan.txt")]


def test_exclusions_come_from_each_folders_own_configuration(repository):
    (repository / "plans" / ".plancheck.toml").write_text(CONFIG + 'extend-exclude = ["strong.md"]\n',
                                                          encoding="utf-8")
    assert walked(".") == [os.path.join(".", "plans", "WEAK.MD")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_the_same_file_through_a_symlinked_folder_is_checked_once(repository):
    os.symlink(repository / "plans", repository / "also-plans", target_is_directory=True)
    assert walked("plans/strong.md", "also-plans/strong.md", "./plans/strong.md", "also-plans") == [
        "plans/strong.md", os.path.join("also-plans", "WEAK.MD")]
    result = plancheck("plans", "also-plans", "--format", "json")
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == ["plans/WEAK.MD", "plans/strong.md"]


# --- standard input -------------------------------------------------------------------------------

def test_standard_input_is_named_by_stdin_filename(repository):
    result = plancheck("-", "--stdin-filename", "plans/draft.md", "--format", "json", input=WEAK)
    assert result.exit_code == 1, result.output
    document, = json.loads(result.stdout)["documents"]
    assert (document["path"], document["format"]) == ("plans/draft.md", "markdown")
    assert document["configuration"] == ".plancheck.toml"
    assert sorted(c["id"] for c in document["checks"] if c["status"] != "skip") == [
        "governance.member-endorsement", "metrics.kpis"]


def test_a_word_document_on_standard_input(repository):
    result = plancheck("-", "--stdin-filename", "PLAN.DOCX", "--pages", "estimate", "--format", "json",
                       input=as_word(STRONG))
    assert result.exit_code == 0, result.output
    document, = json.loads(result.stdout)["documents"]
    assert (document["path"], document["format"], document["verdict"]) == ("PLAN.DOCX", "docx", "pass")


def test_standard_input_without_a_name_is_read_by_its_content(repository):
    result = plancheck("-", "--format", "json", input=STRONG)
    document, = json.loads(result.stdout)["documents"]
    assert (document["path"], document["format"], document["verdict"]) == ("-", "text", "pass")


def test_standard_input_named_as_an_excluded_file_is_skipped_with_force_exclude(repository):
    result = plancheck("-", "--stdin-filename", "README.md", "--force-exclude", input=WEAK)
    assert result.exit_code == 0 and "no plans to check" in result.stderr
    assert plancheck("-", "--stdin-filename", "README.md", input=WEAK).exit_code == 1


def test_stdin_filename_without_a_dash_is_an_error(repository):
    result = plancheck("plans/strong.md", "--stdin-filename", "x.md")
    assert result.exit_code == 2 and "give - as the path" in result.stderr
