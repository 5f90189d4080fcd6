"""Bad and odd input, one regression test per class the fuzzing found: messages that are one plain
line, odd but legal values tolerated, text that is not what it first seems, special files, formats
plancheck does not read, and faults in plancheck that must not be blamed on the file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import docx_fixtures as fx
import pytest
from cli_helpers import STRONG, plancheck

from plancheck.errors import ReadError
from plancheck.readers import ReadOptions, read_document

ESTIMATE = ReadOptions(pages="estimate")
# What a user must never see in a message: a Python exception's name, or a second line.
PYTHON_WORDS = re.compile(r"\b[A-Z][a-z]+(?:Error|Exception)\b|Traceback|\bErrno\b")


def refused(path: Path) -> str:
    """The one-line message plancheck gives for a file it cannot read, through the command line."""
    result = plancheck(path)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{path}: ")
    assert not PYTHON_WORDS.search(lines[0]), lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def word_plan(tmp_path_factory) -> Path:
    return fx.save(fx.long_document(300), tmp_path_factory.mktemp("word") / "plan.docx")


def edited(source: Path, target: Path, part: str, change) -> Path:
    def edit(members):
        members[part] = change(members[part].decode("utf-8")).encode("utf-8")
    return fx.rewrite(source, target, edit)


# --- class 5: one plain line; odd but legal values are tolerated -----------------------------------

@pytest.mark.parametrize("name, change", [
    ("size 0", lambda xml: re.sub(r'w:sz w:val="\d+"', 'w:sz w:val="0"', xml)),
    ("size 1.5", lambda xml: re.sub(r'w:sz w:val="\d+"', 'w:sz w:val="1.5"', xml)),
    ("size in words", lambda xml: re.sub(r'w:sz w:val="\d+"', 'w:sz w:val="large"', xml)),
    ("unknown style type", lambda xml: xml.replace('w:type="paragraph"', 'w:type="marginalia"', 3)),
    ("default x", lambda xml: xml.replace('w:default="1"', 'w:default="x"')),
    ("zero line spacing", lambda xml: xml.replace("<w:rPr>", '<w:pPr><w:spacing w:line="0" w:after="1.5"/>'
                                                             "</w:pPr><w:rPr>", 2)),
])
def test_odd_but_legal_style_values_are_tolerated(word_plan, tmp_path, name, change):
    plain = read_document(word_plan, ESTIMATE)
    odd = read_document(edited(word_plan, tmp_path / "odd.docx", "word/styles.xml", change), ESTIMATE)
    assert odd.words == plain.words and [b.text for b in odd.headings()] == [b.text for b in plain.headings()]
    assert odd.pages >= 1


@pytest.mark.parametrize("name, change", [
    ("page width 0", lambda xml: re.sub(r'w:w="\d+"', 'w:w="0"', xml)),
    ("negative page height", lambda xml: re.sub(r'w:h="\d+"', 'w:h="-5"', xml)),
    ("margin wider than the page", lambda xml: re.sub(r'w:left="\d+"', 'w:left="99999999"', xml)),
])
def test_odd_page_geometry_still_gives_an_estimate(word_plan, tmp_path, name, change):
    odd = read_document(edited(word_plan, tmp_path / "odd.docx", "word/document.xml", change), ESTIMATE)
    assert odd.pages >= 1 and odd.pages_method == "estimate"


@pytest.mark.parametrize("name, change", [
    ("NUL in the text", lambda xml: xml.replace("<w:t>", "<w:t>\x00", 1)),
    ("unterminated CDATA", lambda xml: xml.replace("<w:t>", "<w:t><![CDATA[abc", 1)),
])
def test_xml_errors_are_one_plain_line(word_plan, tmp_path, name, change):
    message = refused(edited(word_plan, tmp_path / "plan.docx", "word/document.xml", change))
    assert "word/document.xml could not be parsed" in message


# --- class 6: text that is not what it first seems -------------------------------------------------

def test_a_plan_after_many_blank_lines_is_read(tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_text("\n" * 10_000 + "   \t\n" * 100 + STRONG, encoding="utf-8")
    document = read_document(plan, ESTIMATE)
    assert document.headings()[0].text == "Northshire District Council productivity plan 2024"


def test_a_file_of_white_space_only_is_empty_however_long(tmp_path):
    plan = tmp_path / "plan.md"
    plan.write_bytes(b" \n\t\r" * 10_000)
    assert refused(plan) == f"{plan}: is empty"


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b""), ("utf-16-be", b""), ("utf-32-le", b"\xff\xfe\x00\x00"),
                                        ("utf-32-be", b"\x00\x00\xfe\xff"), ("utf-16-le", b"\xff\xfe")])
def test_utf16_and_utf32_text_is_read_as_text(tmp_path, codec, bom):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(bom + STRONG.replace("£", "GBP ").encode(codec))
    document = read_document(plan, ESTIMATE)
    assert document.format == "text"
    assert "endorsed by Cabinet on 8 July 2024" in document.text()
    assert "\x00" not in document.text()


# --- class 7: special files ------------------------------------------------------------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")


@needs_fifo
def test_a_named_pipe_is_refused_at_once_named_or_in_a_folder(tmp_path):
    (tmp_path / "plans").mkdir()
    os.mkfifo(tmp_path / "plans" / "plan.md")
    (tmp_path / "plans" / "other.md").write_text(STRONG, encoding="utf-8")
    for args in (["plans/plan.md"], ["plans"]):
        # In a child process: a hang must fail the test, not stop the suite.
        done = subprocess.run([sys.executable, "-m", "plancheck", *args, "--jobs", "1"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2, done.stderr
        assert "plans/plan.md: is a named pipe (FIFO), not a file; plancheck reads only ordinary files" in done.stderr
    assert "plans/other.md" in done.stdout


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symbolic_links_that_lead_nowhere_say_so(tmp_path):
    os.symlink(tmp_path / "loop-b.md", tmp_path / "loop-a.md")
    os.symlink(tmp_path / "loop-a.md", tmp_path / "loop-b.md")
    assert "is a symbolic link that leads back to itself (a loop)" in refused(tmp_path / "loop-a.md")
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    assert refused(tmp_path / "dangling.md").endswith("is a symbolic link to a file that does not exist")
    assert refused(tmp_path / "missing.md").endswith(": file not found")


def test_a_folder_named_as_a_file(tmp_path):
    with pytest.raises(ReadError, match="is a folder, not a file"):
        read_document(tmp_path, ESTIMATE)


# --- formats plancheck does not read ---------------------------------------------------------------

RTF = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Calibri;}} \f0\fs22 Productivity plan\par We will publish it.\par}"


@pytest.mark.parametrize("name", ["plan.rtf", "plan.txt", "plan.doc", "plan.md", "plan"])
def test_rtf_is_refused_whatever_its_name_saying_what_to_save_it_as(tmp_path, name):
    plan = tmp_path / name
    plan.write_bytes(RTF)
    message = refused(plan)
    assert "Rich Text Format (RTF), which plancheck does not read" in message
    assert "save it as .docx" in message


@pytest.mark.parametrize("name, content, says", [
    ("plan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "is an image, not a document"),
    ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "is an image, not a document"),
    ("plan.docx", b"\x1f\x8b\x08\x00" + b"\x00" * 64, "is a compressed archive; unpack it"),
    ("plan.ps", b"%!PS-Adobe-3.0\n%%Title: plan\n", "PostScript file"),
    ("plan.ods", b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK",
     "is a spreadsheet, not a text document; save the plan as .docx or .pdf"),
    ("plan.xml", b'<?xml version="1.0"?>\n<w:wordDocument xmlns:w="urn:x">', "Word 2003 XML"),
    ("plan.csv", b"service,saving\nwaste,12%\n", "is a .csv file, which plancheck does not read; save the plan as"),
])
def test_other_formats_plancheck_does_not_read_are_refused(tmp_path, name, content, says):
    plan = tmp_path / name
    plan.write_bytes(content)
    assert says in refused(plan)


def test_a_file_without_an_extension_holding_text_is_read(tmp_path):
    plan = tmp_path / "PLAN"
    plan.write_text(STRONG, encoding="utf-8")
    assert read_document(plan, ESTIMATE).format == "text"


# --- faults in plancheck ---------------------------------------------------------------------------

@pytest.fixture
def faulty_reader(monkeypatch):
    """A fault injected into the Markdown reader: no input triggers one, so one is planted."""
    from plancheck.readers import markdown

    def read(path, options, fmt):
        return None.blocks  # an AttributeError inside plancheck

    monkeypatch.setattr(markdown, "read", read)


def test_a_fault_in_plancheck_is_an_internal_error_not_a_damaged_file(tmp_path, faulty_reader):
    (tmp_path / "plan.md").write_text(STRONG, encoding="utf-8")
    (tmp_path / "other.html").write_text(f"<html><body><p>{STRONG}</p></body></html>", encoding="utf-8")
    result = plancheck(tmp_path / "plan.md", tmp_path / "other.html", "--format", "json", "--jobs", "1")
    assert result.exit_code == 2
    error, = json.loads(result.stdout)["errors"]
    assert error == {"path": str(tmp_path / "plan.md"),
                     "message": "could not be read because of an internal error in plancheck, not a fault in "
                                "the file; please report it (plancheck --debug shows the details)"}
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == [str(tmp_path / "other.html")]
    assert "Traceback" not in result.stderr and "damaged" not in result.stderr


def test_debug_shows_the_traceback_of_an_internal_error(tmp_path, faulty_reader):
    (tmp_path / "plan.md").write_text(STRONG, encoding="utf-8")
    result = plancheck(tmp_path / "plan.md", "--debug", "--format", "json")
    assert result.exit_code == 2
    assert "traceback" not in json.loads(result.stdout)["errors"][0]
    assert "details of the internal error (--debug)" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr and "AttributeError" in result.stderr


# --- a best-effort part that fails says so ---------------------------------------------------------

def test_a_pdf_part_read_on_a_best_effort_basis_adds_a_note_when_it_fails(tmp_path):
    import pdf_fixtures as pf

    page = pf.Page(texts=[pf.Text("Productivity plan", 72, 700, size=18),
                          pf.Text("We will publish this plan on the council's website.", 72, 660)])
    data = pf.build_pdf([page], xmp_title="Productivity plan 2024")
    # An XMP stream in a compression pdfminer does not implement: that part, and only that part, is unreadable.
    broken = data.replace(b"/Subtype /XML", b"/Subtype /XML /Filter /NoSuchDecode", 1)
    assert broken != data
    (tmp_path / "plan.pdf").write_bytes(broken)
    document = read_document(tmp_path / "plan.pdf", ESTIMATE)
    assert "We will publish this plan on the council's website." in document.text()
    assert document.metadata.title is None
    assert "its properties (title, language) could not be read: that part of the file is damaged" in document.notes


@pytest.mark.parametrize("name, damage", [
    # pdfminer meets these with an AssertionError and a ValueError ("negative seek value") of its own.
    ("a doubled trailer keyword", lambda pdf: pdf.replace(b"trailer", b"trailertrailer", 1)),
    ("a negative object offset", lambda pdf: re.sub(rb"\n\d{10} 00000 n", b"\n-1 00000 n", pdf, count=2)),
])
def test_pdfminer_failing_on_a_damaged_pdf_is_said_plainly(tmp_path, name, damage):
    import pdf_fixtures as pf

    page = pf.Page(texts=[pf.Text("Productivity plan", 72, 700, size=18)])
    data = pf.build_pdf([page])
    (tmp_path / "plan.pdf").write_bytes(damage(data))
    assert damage(data) != data
    message = refused(tmp_path / "plan.pdf")
    assert "could not be read by pdfminer.six, the PDF library plancheck uses: it may be damaged" in message
