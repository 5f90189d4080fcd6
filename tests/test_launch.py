"""plancheck.launch: LibreOffice started on a lone Word file before the command line is read properly,
kept only when it is the rendering the run wants."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from cli_helpers import STRONG, as_word

from plancheck import cli, launch


def test_the_launcher_knows_every_option_of_the_command():
    valued = {name for param in cli.main.params if isinstance(param, click.Option) and not param.is_flag
              for name in param.opts + param.secondary_opts}
    flags = {name for param in cli.main.params if isinstance(param, click.Option) and param.is_flag
             for name in param.opts + param.secondary_opts}
    assert valued == launch.VALUED
    assert flags - {"--list-rules", "--outline", "--version", "--help", "-h"} == launch.FLAGS


@pytest.mark.parametrize("args, wanted", [
    (["plan.docx"], ("plan.docx", "auto")),
    (["--pages", "layout", "plan.docx", "-q"], ("plan.docx", "layout")),
    (["--format=json", "-o", "report.json", "plan.DOCX"], ("plan.DOCX", "auto")),
    (["--", "plan.docx"], ("plan.docx", "auto")),
    (["plan.docx", "--pages", "estimate"], None),
    (["plan.docx", "other.docx"], None),
    (["plan.md"], None),
    (["missing.docx"], None),
    (["plans"], None),
    (["annotate", "plan.docx"], None),
    (["--help", "plan.docx"], None),
    (["--outline", "plan.docx"], None),
    (["-qv", "plan.docx"], None),          # short options run together: left to click
    (["plan.docx", "--unknown"], None),
    (["plan.docx", "--pages"], None),
])
def test_which_command_lines_start_libreoffice_early(tmp_path, monkeypatch, args, wanted):
    monkeypatch.chdir(tmp_path)
    for name in ("plan.docx", "plan.DOCX", "other.docx", "plan.md"):
        (tmp_path / name).write_bytes(b"PK")
    (tmp_path / "plans").mkdir()
    assert launch.guess(args) == wanted


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def run_with_early_start(args: list[str]):
    """The command as plancheck.launch runs it: the early rendering offered to cli.main."""
    early = launch.start_early(args)
    assert early is not None and early.rendering.office is not None
    cli._offered.append(early)
    cli._started.append(early)
    try:
        result = CliRunner().invoke(cli.main, args)
    finally:
        cli._offered.clear()
        while cli._started:
            cli._started.pop().close()
    return early, result


@needs_soffice
def test_the_early_rendering_is_the_one_the_run_uses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.docx").write_bytes(as_word(STRONG))
    early, result = run_with_early_start(["plan.docx", "--format", "json"])
    facts = json.loads(result.output)["documents"][0]["facts"]
    assert facts["pages_method"] == "layout"
    assert early._closed and early.rendering.office.process.poll() is not None
    assert not early.scratch.path.exists()


@needs_soffice
def test_an_early_rendering_the_configuration_rules_out_is_stopped_before_the_check(tmp_path, monkeypatch):
    from plancheck import runner

    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.docx").write_bytes(as_word(STRONG))
    (tmp_path / ".plancheck.toml").write_text('pages = "estimate"\n', encoding="utf-8")
    stopped_before = []
    check_tasks = runner.check_tasks

    def checking(*args, **kwargs):
        stopped_before.append(cli._offered == [] and all(item._closed for item in launched))
        return check_tasks(*args, **kwargs)

    monkeypatch.setattr(runner, "check_tasks", checking)
    launched = []
    start_early = launch.start_early
    monkeypatch.setattr(launch, "start_early", lambda args: launched.append(start_early(args)) or launched[-1])
    early, result = run_with_early_start(["plan.docx", "--format", "json"])
    facts = json.loads(result.output)["documents"][0]["facts"]
    assert facts["pages_method"] == "estimate"
    assert stopped_before == [True]
    assert early.rendering.office.process.poll() is not None and not early.scratch.path.exists()


# Sends the signal to the program itself the moment the named step begins, so that the test
# does not depend on when a signal sent from outside happens to land.
SIGNAL_AT = """
import os, signal, sys
import click
from plancheck import launch

stop, step = int(sys.argv[1]), sys.argv[2]
sys.argv = ["plancheck", *sys.argv[3:]]

def at_once(original):
    def step_with_signal(*args, **kwargs):
        os.kill(os.getpid(), stop)
        return original(*args, **kwargs)
    return step_with_signal

if step == "import":
    launch.start_early = at_once(launch.start_early)
else:
    from plancheck import quick

    # A plain command line is read by plancheck.quick, any other by click.
    quick.params = at_once(quick.params)
    click.Command.make_context = at_once(click.Command.make_context)
launch.run()
"""


@pytest.mark.parametrize("stop, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("step, args", [
    ("import", ["plan.md"]),                     # held while plancheck.cli is imported
    ("command line", ["plan.md"]),               # while the command line is read
    ("command line", ["annotate", "plan.docx"]),  # the annotate command's own
])
def test_a_stop_at_any_step_of_the_run_ends_it_as_stopped_not_as_a_failed_plan(tmp_path, stop, code, step, args):
    (tmp_path / "plan.md").write_text(STRONG, encoding="utf-8")
    (tmp_path / "plan.docx").write_bytes(as_word(STRONG))
    result = subprocess.run([sys.executable, "-c", SIGNAL_AT, str(int(stop)), step, *args], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
    assert ("plancheck: interrupted" in result.stderr) == (stop == signal.SIGINT)
    assert result.stdout == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.docx", "plan.md"]
