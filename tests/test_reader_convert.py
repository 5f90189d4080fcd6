"""Word 97-2003 (.doc) and OpenDocument (.odt) files, read through LibreOffice, and what happens without it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import docx
import pytest

from plancheck.readers import read_document

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def cli(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "plancheck", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def word_plan(path):
    document = docx.Document()
    document.add_heading("Technology and data", level=1)
    document.add_paragraph("We moved our case management system to the cloud in 2023 and retired two legacy "
                           "systems, which saved £120,000 a year.")
    document.add_heading("Barriers to progress", level=1)
    document.add_paragraph("One-year funding settlements stop us planning beyond twelve months.")
    document.save(path)
    return path


def convert(source, target_filter, out_dir, profile):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    target_filter, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=180)


@needs_libreoffice
@pytest.mark.parametrize("suffix, target", [(".odt", "odt"), (".doc", "doc:MS Word 97")])
def test_a_converted_file_is_read_with_its_headings(tmp_path, suffix, target):
    source = word_plan(tmp_path / "plan.docx")
    out = tmp_path / "out"
    convert(source, target, out, tmp_path / "profile")
    converted = out / f"plan{suffix}"
    before = converted.read_bytes()
    document = read_document(converted)
    assert document.format == suffix[1:]
    assert [h.text for h in document.headings()] == ["Technology and data", "Barriers to progress"]
    assert document.pages == 1 and document.pages_method in ("layout", "rendered-breaks")
    assert converted.read_bytes() == before


def test_a_legacy_doc_without_libreoffice_says_how_to_convert(tmp_path):
    legacy = tmp_path / "plan.doc"
    legacy.write_bytes(OLE_SIGNATURE + bytes(4096))
    result = cli(legacy, env={"PLANCHECK_SOFFICE": str(tmp_path / "no-soffice-here")}, cwd=tmp_path)
    assert result.returncode == 2
    line, = result.stderr.strip().splitlines()
    assert line.startswith(f"{legacy}: ") and "needs LibreOffice" in line and "save the file as .docx" in line


def test_an_opendocument_file_without_libreoffice_is_named_with_an(tmp_path):
    import zipfile

    odt = tmp_path / "plan.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    result = cli(odt, env={"PLANCHECK_SOFFICE": str(tmp_path / "no-soffice-here")}, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    line, = result.stderr.strip().splitlines()
    assert line == (f"{odt}: is an OpenDocument (.odt) file, which needs LibreOffice to read; install "
                    "LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or save the file as .docx")


def test_a_password_protected_word_file_is_named_as_such(tmp_path):
    # Word stores an encrypted .docx inside an OLE container instead of a zip.
    locked = tmp_path / "plan.docx"
    locked.write_bytes(OLE_SIGNATURE + bytes(4096))
    result = cli(locked, cwd=tmp_path)
    assert result.returncode == 2
    line, = result.stderr.strip().splitlines()
    assert "password-protected" in line and "Traceback" not in result.stderr


def test_page_texts_of_a_pdf_the_scan_cannot_follow_come_from_pdfminer(tmp_path):
    from pdf_fixtures import Page, Text, build_pdf

    from plancheck.readers import convert

    # Text in literal strings, as LibreOffice never writes it.
    pdf = tmp_path / "literal.pdf"
    pdf.write_bytes(build_pdf([Page([Text("Our productivity plan", 72, 700)]), Page([Text("Barriers", 72, 700)])]))
    with pytest.raises(convert._NotSimple):
        convert._scanned_page_texts(pdf)
    assert convert.page_texts(pdf) == convert._interpreted_page_texts(pdf) == ["Our productivity plan", "Barriers"]
