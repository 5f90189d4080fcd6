"""Limits that hold for every document, and a run that stops when asked.

Each document is read and checked in a child process of its own (see
plancheck.isolate): the time limit kills it, its memory is capped, and a
Ctrl-C or TERM stops every child and LibreOffice and removes every temporary
file. A document checked alone is checked in plancheck's own process, within
the same limits.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
import tracemalloc
from pathlib import Path

import docx_fixtures as fx
import pytest
from cli_helpers import STRONG, WEAK, plancheck
from test_libreoffice import processes_mentioning, stop_while_laid_out

from plancheck import isolate
from plancheck.engine import Settings
from plancheck.errors import ReadError
from plancheck.packs import load_pack
from plancheck.readers import ReadOptions, read_document
from plancheck.reporters.json_report import document_dict
from plancheck.runner import check_files

HUNGRY_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange
<00000000> <FFFFFFFF> <0041>
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def one_page_pdf(to_unicode: bytes) -> bytes:
    """A one-page PDF whose font maps its codes to text with the CMap ``to_unicode``."""
    content = b"BT /F1 12 Tf 72 720 Td (Our productivity plan) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode), to_unicode),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


@pytest.fixture
def private(tmp_path):
    (tmp_path / "tmp").mkdir()
    return {"TMPDIR": str(tmp_path / "tmp"), "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}


def test_a_document_that_needs_too_much_memory_is_refused_in_plain_words(tmp_path, monkeypatch):
    monkeypatch.setattr(isolate, "MEMORY_BUDGET", 300 * 1024 * 1024)
    hungry = tmp_path / "hungry.pdf"
    hungry.write_bytes(one_page_pdf(HUNGRY_CMAP))
    with pytest.raises(ReadError, match=r"^needs too much memory to read; it may be damaged$"):
        read_document(hungry)
    modest = tmp_path / "modest.pdf"
    modest.write_bytes(one_page_pdf(HUNGRY_CMAP.replace(b"<00000000> <FFFFFFFF>", b"<00> <FF>")))
    assert read_document(modest).pages == 1
    outcome = check_files([str(hungry), str(modest)], [load_pack("productivity-plan-2024")], Settings(),
                          ReadOptions(), jobs=2)
    assert outcome.errors == [{"path": str(hungry), "message": "needs too much memory to read; it may be damaged"}]
    assert [report.path for report in outcome.reports] == [str(modest)]


def test_a_document_over_the_time_limit_is_stopped_and_the_others_are_still_checked(tmp_path):
    slow = tmp_path / "slow.md"
    slow.write_text("# Plan\n\n" + "\n\n".join(f"Paragraph {n} about the plan and its aims." for n in range(60_000)))
    quick = tmp_path / "quick.md"
    quick.write_text(STRONG)
    outcome = check_files([str(slow), str(quick)], [load_pack("productivity-plan-2024")], Settings(),
                          ReadOptions(pages="estimate", time_limit=0.5), jobs=2)
    assert outcome.errors == [{"path": str(slow), "message": "took longer than 0.5 seconds to read and check; "
                                                             "it may be damaged or unusually complex"}]
    assert [report.path for report in outcome.reports] == [str(quick)]


def word_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        fx.save(fx.long_document(1500, seed=number), folder / f"plan-{number:02d}.docx")
    return folder


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("stop, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_stopping_a_parallel_layout_run_ends_it_at_once_and_leaves_nothing(tmp_path, private, stop, code):
    plans = word_folder(tmp_path / "plans", 6)
    returncode, stderr = stop_while_laid_out([str(plans), "--jobs", "2"], private, stop, wait=2)
    assert returncode == code
    assert "Traceback" not in stderr
    assert processes_mentioning(private["TMPDIR"]) == []
    assert os.listdir(private["TMPDIR"]) == []


def memory_kept_by_a_run(folder: Path, report: Path) -> int:
    """The most memory plancheck itself held at once (bytes) checking ``folder``; children are not counted."""
    tracemalloc.start()
    try:
        # One job: with more, reports that finish early wait (a bounded number) for slower ones before them.
        result = plancheck(folder, "--jobs", "1", "--pages", "estimate", "--output", report)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 1 and report.stat().st_size
    return peak


def test_memory_stays_flat_however_many_files_a_folder_holds(tmp_path):
    def folder(name: str, count: int) -> Path:
        path = tmp_path / name
        path.mkdir()
        for number in range(count):
            (path / f"plan-{number:03d}.md").write_text((STRONG if number % 2 else WEAK) * 4, encoding="utf-8")
        return path

    few = memory_kept_by_a_run(folder("few", 4), tmp_path / "few.txt")
    many = memory_kept_by_a_run(folder("many", 24), tmp_path / "many.txt")
    # What is kept for the summary is a few kilobytes a file at most; a whole report is about a hundred.
    assert many - few < 20 * 8 * 1024, (few, many)


# A file checked alone is checked in plancheck's own process, within the same limits.

def test_a_document_checked_alone_over_the_time_limit_is_stopped_and_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    slow = tmp_path / "slow.md"
    slow.write_text("# Plan\n\n" + "\n\n".join(f"Paragraph {n} about the plan and its aims." for n in range(60_000)))
    outcome = check_files([str(slow)], [load_pack("productivity-plan-2024")], Settings(),
                          ReadOptions(pages="estimate", time_limit=0.5))
    assert outcome.errors == [{"path": str(slow), "message": "took longer than 0.5 seconds to read and check; "
                                                             "it may be damaged or unusually complex"}]
    assert os.listdir(tmp_path) == ["slow.md"]


def test_work_that_catches_the_interruption_is_interrupted_again():
    caught = 0
    with pytest.raises(ReadError, match="^too slow$"):
        with isolate.within_limits(0.2, ReadError("too slow")):
            while True:
                try:
                    time.sleep(0.01)
                except BaseException:  # as a careless reader or a __del__ might
                    caught += 1
                    if caught > 1:
                        raise
    assert caught == 2


def test_a_document_checked_alone_that_needs_too_much_memory_is_refused_and_the_limit_lifted(tmp_path,
                                                                                          monkeypatch):
    import resource

    monkeypatch.setattr(isolate, "MEMORY_BUDGET", 300 * 1024 * 1024)
    hungry = tmp_path / "hungry.pdf"
    hungry.write_bytes(one_page_pdf(HUNGRY_CMAP))
    before = resource.getrlimit(resource.RLIMIT_AS)
    outcome = check_files([str(hungry)], [load_pack("productivity-plan-2024")], Settings(), ReadOptions())
    assert outcome.errors == [{"path": str(hungry), "message": "needs too much memory to read; it may be damaged"}]
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    assert not isolate.inside()


def test_a_document_checked_alone_is_reported_as_a_child_would_report_it(tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text(STRONG, encoding="utf-8")
    packs = [load_pack("productivity-plan-2024")]
    alone = check_files([str(plan)], packs, Settings(), ReadOptions()).reports[0]
    in_child = check_files([str(plan), str(plan) + "-missing"], packs, Settings(), ReadOptions()).reports[0]
    assert document_dict(alone) == document_dict(in_child)
    assert alone.document == in_child.document

