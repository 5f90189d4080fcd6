"""plancheck.quick: a plain command line read without click, exactly as click reads it."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from plancheck import cli, quick

from cli_helpers import STRONG


def click_params(args):
    """The parameters click gives the command for ``args``, or None when it refuses them."""
    try:
        with cli.main.make_context("plancheck", list(args)) as context:
            return dict(context.params)
    except (click.exceptions.ClickException, click.exceptions.Exit):
        return None


def test_the_options_read_here_are_the_commands_own():
    options = {name: param for param in cli.main.params if isinstance(param, click.Option)
               for name in param.opts + param.secondary_opts}
    for name, (param, _) in {**quick.VALUED, **quick.FLAGS}.items():
        assert name in options and options[name].name == param
        assert options[name].is_flag == (name in quick.FLAGS)
    assert set(quick.DEFAULTS) == {param.name for param in cli.main.params if param.expose_value}


@pytest.mark.parametrize("args", [
    [], ["plan.md"], ["plan.md", "other.docx", "folder"], ["plan.md", "--pages", "estimate"],
    ["--pages=layout", "plan.md"], ["plan.md", "-o", "report.txt", "--format", "json"],
    ["plan.md", "--output=report.txt", "--format=sarif"], ["plan.md", "-q"], ["plan.md", "--failures", "--full"],
    ["plan.md", "--full", "-q"], ["plan.md", "-v", "--color", "always"], ["plan.md", "--color=never"],
    ["plan.md", "--rules", "publication", "--rules", "x.yaml"], ["plan.md", "--select", "question.",
                                                                  "--ignore", "question.edi"],
    ["plan.md", "--select", "question.edi,theme.", "--ignore", " theme.barriers , "],
    ["plan.md", "--select=question.edi,,theme."], ["plan.md", "--select", ","],
    ["plan.md", "--jobs", "2"], ["plan.md", "-j", "3"], ["plan.md", "--jobs", "02"], ["plan.md", "--jobs", "0"],
    ["plan.md", "--jobs", "x"], ["plan.md", "--debug", "--force-exclude", "--config", "my.toml"],
    ["plan.md", "--pages", "estimate", "--pages", "auto"], ["plan.md", "--pages", "bogus"],
    ["plan.md", "--format", "yaml"], ["plan.md", "--pages"], ["plan.md", "--verbose=yes"],
    ["plan.md", "-qv"], ["plan.md", "-ofile.txt"], ["plan.md", "--", "-odd.md"], ["-"], ["plan.md", "--help"],
    ["plan.md", "--version"], ["plan.md", "--outline"], ["plan.md", "--fail-under", "50"], ["--list-rules"],
    ["plan.md", "--format", "-o"], ["plan.md", "--unknown"], ["plan.md", "--outp", "x"], ["annotate", "plan.docx"],
    ["plan.md", "-o", "folder"], ["plan.md", "--config", "folder"],
])
def test_a_command_line_is_read_as_click_reads_it_or_left_to_click(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    read = quick.params(args)
    if read is not None:
        assert read == click_params(args)
    elif args and args[0] != "annotate":
        # Left to click: it would refuse it, read it otherwise, or do something other than check.
        assert any(arg.startswith("-") and arg not in quick.FLAGS and arg.partition("=")[0] not in quick.VALUED
                   for arg in args) or click_params(args) is None or "-o" in args or "--config" in args


def test_an_unreadable_file_or_shell_completion_is_left_to_click(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("# Plan\n", encoding="utf-8")
    secret.chmod(0)
    try:
        if not os.access(secret, os.R_OK):  # not as root
            assert quick.params(["secret.md"]) is None
    finally:
        secret.chmod(0o644)
    assert quick.params(["secret.md"]) is not None
    monkeypatch.setenv("_PLANCHECK_COMPLETE", "bash_complete")
    assert quick.params(["secret.md"]) is None


@pytest.mark.parametrize("args", [
    ["plan.md"], ["plan.md", "--format", "json"], ["plan.md", "-q", "-o", "report.txt"], ["missing.md"],
    ["plan.md", "--rules", "no-such-pack"], ["plan.md", "--pages", "estimate", "--color", "always"],
])
def test_both_ways_give_the_same_output_and_exit_code(tmp_path, args):
    (tmp_path / "plan.md").write_text(STRONG, encoding="utf-8")
    results = []
    for by_click in (False, True):
        # Any variable of shell completion's form leaves the command line to click (and this one
        # asks click to complete nothing).
        env = {**os.environ, **({"_PLANCHECK_TEST_COMPLETE": "1"} if by_click else {})}
        done = subprocess.run([sys.executable, "-m", "plancheck", *args], cwd=tmp_path, capture_output=True,
                              env=env, timeout=120)
        report = tmp_path / "report.txt"
        results.append((done.returncode, done.stdout, done.stderr, report.read_bytes() if report.exists() else None))
        report.unlink(missing_ok=True)
    assert results[0] == results[1]
    assert results[0][0] in (0, 1, 2)
