"""plancheck.launch: LibreOffice started on a lone Word file before the command line is read properly,
kept only when it is the rendering the run wants."""

from __future__ import annotations

import json
import shutil

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
