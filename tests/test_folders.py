"""Folders of plans: what a walk picks up, parallel jobs, unreadable files, the summary and the progress bar."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from cli_helpers import CONFIG, STRONG, WEAK, plancheck

from plancheck.runner import collect


@pytest.fixture
def panel(tmp_path, monkeypatch):
    """A reviewer's folder: plans at two depths, things a walk must pass over, one corrupt .docx."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".plancheck.toml").write_text(CONFIG, encoding="utf-8")
    files = {
        "plans/a-strong.md": STRONG,
        "plans/b-weak.md": WEAK,
        "plans/east/c-strong.txt": STRONG,
        "plans/east/d-weak.md": WEAK,
        "plans/west/e-strong.html": f"<html><body><h1>Plan</h1><p>{STRONG.splitlines()[-1]}</p>"
                                    "<p>Our key performance indicator is cost per transaction, target £3 by 2026.</p>"
                                    "</body></html>",
        "plans/.drafts/hidden.md": WEAK,
        "plans/node_modules/pkg/readme.md": WEAK,
        "plans/.venv/notes.md": WEAK,
        "plans/notes.py": "print('not a plan')",
        "plans/.hidden.md": WEAK,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "plans" / "~$a-strong.docx").write_bytes(b"\x00lock")
    (tmp_path / "plans" / "east" / "broken.docx").write_text("not a zip", encoding="utf-8")
    return tmp_path


CHECKED = ["plans/a-strong.md", "plans/b-weak.md", "plans/east/broken.docx", "plans/east/c-strong.txt",
           "plans/east/d-weak.md", "plans/west/e-strong.html"]


def test_walk_finds_supported_files_in_sorted_order_and_skips_the_rest(panel):
    assert collect(["plans"]) == [os.path.join(*path.split("/")) for path in CHECKED]


def test_walk_keeps_named_files_and_drops_duplicates(panel):
    assert collect(["plans/b-weak.md", "plans/.hidden.md", "plans/b-weak.md", "./plans/b-weak.md"]) == [
        "plans/b-weak.md", "plans/.hidden.md"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_with_one_unreadable_file_reports_the_rest_and_exits_2(panel, jobs):
    result = plancheck("plans", "--jobs", jobs, "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == [p for p in CHECKED if not p.endswith(".docx")]
    assert {d["path"]: d["verdict"] for d in report["documents"]} == {
        "plans/a-strong.md": "pass", "plans/b-weak.md": "fail", "plans/east/c-strong.txt": "pass",
        "plans/east/d-weak.md": "fail", "plans/west/e-strong.html": "pass"}
    error, = report["errors"]
    assert error["path"] == "plans/east/broken.docx" and error["message"]
    assert "plans/east/broken.docx: " in result.stderr


def test_parallel_and_serial_runs_give_the_same_report(panel):
    serial = plancheck("plans", "--jobs", "1", "--format", "json", "--verbose")
    parallel = plancheck("plans", "--jobs", "2", "--format", "json", "--verbose")
    assert serial.stdout == parallel.stdout


def test_text_output_ends_with_a_summary_table(panel):
    result = plancheck("plans", "--jobs", "2")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    table = lines[lines.index("Summary") + 1:]
    assert table[0].split() == ["File", "Score", "Verdict", "Why"]
    rows = {line.split()[0]: line.split()[1:] for line in table[1:] if line.startswith("plans/")}
    assert rows["plans/a-strong.md"] == ["100", "PASS", "-"]
    assert rows["plans/b-weak.md"] == ["0", "FAIL", "metrics.kpis,", "governance.member-endorsement"]
    assert rows["plans/east/broken.docx"][:2] == ["-", "ERROR"]
    assert lines[-1] == "5 documents checked: 3 passed, 2 failed, 1 could not be read."


def test_every_plan_passing_is_exit_0(panel):
    assert plancheck("plans/a-strong.md", "plans/east/c-strong.txt", "--jobs", "2").exit_code == 0


def test_folder_without_plans_is_reported_and_exit_0(panel):
    (panel / "empty").mkdir()
    result = plancheck("empty")
    assert result.exit_code == 0
    assert "no plans to check" in result.stderr


def test_missing_path_is_unreadable(panel):
    result = plancheck("plans/a-strong.md", "no-such-folder")
    assert result.exit_code == 2
    assert "no-such-folder: file not found" in result.stderr


def test_exclude_applies_while_walking(panel):
    (panel / ".plancheck.toml").write_text(CONFIG + 'exclude = ["east", "*.html"]\n', encoding="utf-8")
    result = plancheck("plans", "--format", "json")
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == ["plans/a-strong.md",
                                                                         "plans/b-weak.md"]
    assert result.exit_code == 1


def on_terminal(*args) -> tuple[subprocess.CompletedProcess, bytes]:
    """Run plancheck with standard error on a pseudo-terminal; the finished process and what the terminal showed."""
    command = [sys.executable, "-m", "plancheck", *args]
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    leader, follower = os.openpty()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=follower, env=env, timeout=120)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # Linux reports a terminal closed at the other end as EIO
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    return done, shown


needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")


@needs_pty
def test_progress_bar_on_a_terminal(panel):
    done, shown = on_terminal("plans", "--jobs", "2", "--format", "json")
    assert done.returncode == 2
    assert b"Checking" in shown and b"100%" in shown
    assert len(json.loads(done.stdout)["documents"]) == 5


@needs_pty
def test_no_progress_bar_for_a_few_files(panel):
    done, shown = on_terminal("plans/a-strong.md", "plans/b-weak.md", "plans/east/d-weak.md")
    assert done.returncode == 1
    assert b"Checking" not in shown


def test_no_progress_bar_when_standard_error_is_not_a_terminal(panel):
    piped = subprocess.run([sys.executable, "-m", "plancheck", "plans", "--format", "json"],
                           capture_output=True, timeout=120)
    assert piped.returncode == 2
    assert b"Checking" not in piped.stderr
