"""The pre-commit hook, run for real with ``pre-commit try-repo``, and the CI examples in docs/ci.md."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from cli_helpers import CONFIG, STRONG, WEAK, as_word, plancheck, write_project
from conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"
GITHUB_WORKFLOW = ROOT / "docs" / "examples" / "github-workflow.yml"
GITLAB_JOB = ROOT / "docs" / "examples" / "gitlab-ci.yml"

needs_git = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                               reason="needs git and a git checkout of plancheck")


def pre_commit(*args, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never")
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def git(*args, cwd: Path) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="plancheck tests", GIT_AUTHOR_EMAIL="tests@plancheck.invalid",
               GIT_COMMITTER_NAME="plancheck tests", GIT_COMMITTER_EMAIL="tests@plancheck.invalid")
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def snapshot(destination: Path) -> Path:
    """This repository's working tree (committed, changed and new files, less ignored ones), as one commit.

    try-repo takes a repository's HEAD plus changes to tracked files, so new
    files not yet committed would be missing; a snapshot tests what is on disk.
    """
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    git("init", "-q", cwd=destination)
    git("add", "-A", cwd=destination)
    git("commit", "-q", "-m", "snapshot", cwd=destination)
    return destination


# --- the hook -------------------------------------------------------------------------------------

def test_hook_manifest(tmp_path):
    hook, = yaml.safe_load(HOOKS.read_text("utf-8"))
    assert (hook["id"], hook["entry"], hook["language"], hook["types"]) == ("plancheck", "plancheck", "python",
                                                                           ["file"])
    assert "--failures" in hook["args"]
    assert hook.get("pass_filenames", True)
    assert "--force-exclude" in hook["args"]
    files = re.compile(hook["files"])
    for name in ("plan.docx", "PLAN.DOCX", "plans/plan.pdf", "Plan.PDF", "a.md", "a.markdown", "a.txt", "a.html",
                 "a.htm", "A.HTM", "plan.docm", "old.doc", "plan.odt", "PLAN.ODT"):
        assert files.search(name), name
    for name in ("setup.py", "plan.docx.bak", "image.png", "plan.xlsx", "plan.rtf"):
        assert not files.search(name), name
    # Every format the command line reads, and no other.
    from plancheck.readers import SUPPORTED_SUFFIXES
    assert {suffix for suffix in SUPPORTED_SUFFIXES if files.search(f"x{suffix}")} == set(SUPPORTED_SUFFIXES)
    checked = pre_commit("validate-manifest", str(HOOKS), cwd=ROOT, home=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_configuration_shown_in_the_docs_is_valid(tmp_path):
    block = re.search(r"```yaml\n(repos:\n.*?)```", CI_DOC.read_text("utf-8"), re.S).group(1)
    config = yaml.safe_load(block)
    assert config["repos"][0]["hooks"] == [{"id": "plancheck"}]
    (tmp_path / ".pre-commit-config.yaml").write_text(block, encoding="utf-8")
    checked = pre_commit("validate-config", ".pre-commit-config.yaml", cwd=tmp_path, home=tmp_path / "home")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@needs_git
def test_try_repo_fails_the_weak_draft_and_passes_the_strong_one(tmp_path):
    """pre-commit installs this repository as a hook and runs it on a documents repository."""
    hook_repo = snapshot(tmp_path / "plancheck")
    documents = tmp_path / "documents"
    (documents / "plans").mkdir(parents=True)
    (documents / "plans" / "good.md").write_text(STRONG, encoding="utf-8")
    (documents / "plans" / "bad.md").write_text(WEAK, encoding="utf-8")
    (documents / ".plancheck.toml").write_text(CONFIG, encoding="utf-8")
    (documents / "README.rst").write_text("Not a plan, not passed to the hook.\n", encoding="utf-8")
    git("init", "-q", cwd=documents)
    git("add", "-A", cwd=documents)
    git("commit", "-q", "-m", "drafts", cwd=documents)
    home = tmp_path / "pre-commit-home"

    both = pre_commit("try-repo", str(hook_repo), "plancheck", "--all-files", cwd=documents, home=home)
    out = both.stdout + both.stderr
    assert both.returncode == 1, out
    assert re.search(r"^plancheck\.+Failed$", out, re.M), out
    assert "- exit code: 1" in out
    summary = out[out.index("Summary"):]
    assert re.search(r"^plans/bad\.md +0 +FAIL +metrics\.kpis, governance\.member-endorsement$", summary, re.M)
    assert re.search(r"^plans/good\.md +100 +PASS +-$", summary, re.M)
    assert "README.rst" not in out
    # The hook's default is the short view: what to fix, no checklist of what passed.
    assert "Required (a fail fails the plan)" in out and "✓" not in out

    good = pre_commit("try-repo", str(hook_repo), "plancheck", "--files", "plans/good.md", cwd=documents,
                      home=home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"^plancheck\.+Passed$", good.stdout, re.M), good.stdout


@needs_git
def test_the_installed_hook_passes_a_readme_commit_and_blocks_a_failing_plan_named_in_capitals(tmp_path):
    """Real commits in a documents repository with the hook installed by ``pre-commit install``."""
    hook_repo = snapshot(tmp_path / "plancheck")
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, check=True, capture_output=True,
                              text=True).stdout.strip()
    documents = tmp_path / "documents"
    documents.mkdir()
    git("init", "-q", cwd=documents)
    (documents / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {revision}\n    hooks:\n      - id: plancheck\n",
        encoding="utf-8")
    home = tmp_path / "pre-commit-home"
    installed = pre_commit("install", cwd=documents, home=home)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="plancheck tests", GIT_AUTHOR_EMAIL="tests@plancheck.invalid",
               GIT_COMMITTER_NAME="plancheck tests", GIT_COMMITTER_EMAIL="tests@plancheck.invalid")

    def commit(*names: str) -> subprocess.CompletedProcess:
        subprocess.run(["git", "add", *names], cwd=documents, check=True, capture_output=True)
        return subprocess.run(["git", "commit", "-q", "-m", "update"], cwd=documents, env=env,
                              capture_output=True, text=True, timeout=600)

    (documents / "README.md").write_text("# Plans\n\nDrafts of the council's plans.\n", encoding="utf-8")
    readme = commit("README.md", ".pre-commit-config.yaml")
    assert readme.returncode == 0, readme.stdout + readme.stderr
    assert re.search(r"^plancheck\.+\(no files to check\)Skipped$|^plancheck\.+Passed$",
                     readme.stdout + readme.stderr, re.M), readme.stdout + readme.stderr

    (documents / "PLAN.DOCX").write_bytes(as_word(WEAK))
    (documents / ".plancheck.toml").write_text(CONFIG, encoding="utf-8")
    blocked = commit("PLAN.DOCX", ".plancheck.toml")
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, out
    assert re.search(r"^plancheck\.+Failed$", out, re.M), out
    assert "PLAN.DOCX" in out and "FAIL" in out
    log = subprocess.run(["git", "log", "--format=%s"], cwd=documents, capture_output=True, text=True).stdout
    assert log.split() == ["update"]


# --- CI examples ----------------------------------------------------------------------------------

def fenced_yaml(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


def test_ci_doc_shows_the_example_files_as_they_are():
    blocks = fenced_yaml(CI_DOC.read_text("utf-8"))
    assert GITHUB_WORKFLOW.read_text("utf-8") in blocks
    assert GITLAB_JOB.read_text("utf-8") in blocks


def plancheck_commands(script: str) -> list[list[str]]:
    return [shlex.split(line.strip()) for line in script.splitlines() if line.strip().startswith("plancheck ")]


def test_github_workflow_uploads_sarif_and_gates():
    workflow = yaml.safe_load(GITHUB_WORKFLOW.read_text("utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["plancheck"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    upload, = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["if"] == "always()"
    commands = [(step, command) for step in steps for command in plancheck_commands(step.get("run", ""))]
    (sarif_step, sarif), (gate_step, gate) = commands
    assert sarif[sarif.index("--format") + 1] == "sarif"
    assert sarif[sarif.index("--output") + 1] == upload["with"]["sarif_file"]
    assert sarif_step["continue-on-error"] is True
    assert "continue-on-error" not in gate_step and steps[-1] is gate_step


def test_gitlab_job_reports_junit_and_gates():
    job = yaml.safe_load(GITLAB_JOB.read_text("utf-8"))["plancheck"]
    command, = [c for line in job["script"] for c in plancheck_commands(line)]
    assert command[command.index("--format") + 1] == "junit"
    assert command[command.index("--output") + 1] == job["artifacts"]["reports"]["junit"]
    assert job["artifacts"]["when"] == "always"
    assert "allow_failure" not in job


@pytest.mark.parametrize("path, schema", [(GITHUB_WORKFLOW, "vendor.github-workflows"),
                                          (GITLAB_JOB, "vendor.gitlab-ci")])
def test_ci_examples_match_the_official_schemas(path, schema):
    pytest.importorskip("check_jsonschema", reason="check-jsonschema validates CI files against their schemas")
    checked = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("path", [GITHUB_WORKFLOW, GITLAB_JOB])
def test_plancheck_commands_in_the_ci_examples_run(path, tmp_path, monkeypatch):
    """Each plancheck line of the CI files, run on a repository with a failing plan: it gates and writes its report."""
    write_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    document = yaml.safe_load(path.read_text("utf-8"))
    scripts = [step.get("run", "") for job in document.get("jobs", {}).values() for step in job["steps"]]
    scripts += [line for key, job in document.items() if isinstance(job, dict) for line in job.get("script", [])]
    commands = [command for script in scripts for command in plancheck_commands(script)]
    assert commands
    for command in commands:
        result = plancheck(*command[1:], env={"GITHUB_ACTIONS": "true"} if "jobs" in document else None)
        assert result.exit_code == 1, (command, result.output)
        if "--output" in command:
            written = (tmp_path / command[command.index("--output") + 1]).read_text("utf-8")
            fmt = command[command.index("--format") + 1]
            if fmt == "sarif":
                assert json.loads(written)["runs"][0]["results"]
            else:
                assert int(ET.fromstring(written).get("failures")) > 0
        else:
            assert "::error file=plans/weak.md," in result.stdout
