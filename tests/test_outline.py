"""``--outline`` shows what the readers found, so an author can see why a heading was missed."""

import subprocess
import sys


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "plancheck", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def test_outline_lists_headings_with_level_page_and_source(tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text("# Our plan\n\n## Technology and data\n\nWe moved to the cloud.\n\n**Barriers**\n\nFunding.\n")
    result = run("--outline", plan, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{plan}: markdown, 1 page (estimated")
    assert "  Our plan  [page 1 (est.); Markdown heading]" in lines
    assert "    Technology and data  [page 1 (est.); Markdown heading]" in lines
    assert any("Barriers" in line and "bold line, not a heading style" in line for line in lines)
    assert "Score" not in result.stdout


def test_outline_reports_an_unreadable_file_and_goes_on(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    good = tmp_path / "good.txt"
    good.write_text("Plan\n\nSome text about the plan that is long enough to read as a paragraph of body text.\n")
    result = run("--outline", bad, good, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"{bad}:") and "Traceback" not in result.stderr
    assert f"{good}: text" in result.stdout
