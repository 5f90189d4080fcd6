"""A table with no headings, or with an empty spacer row, reads the same rows in every format.

Markdown cannot write a table without a header row, so a key-and-value table is
written under "| | |". A PDF shows an empty row as nothing at all, so every reader
leaves out rows with no text in any cell, and an empty header row is no header.
A heading straight after a table, in one of its columns, starts what follows the table.
"""

from __future__ import annotations

import pytest

from corpus.formats import to_docx, to_pdfs
from pdf_fixtures import soffice
from plancheck.document import TABLE
from plancheck.readers import ReadOptions, read_document

ROWS = [["Owner", "Head of Transformation"], ["Review date", "3 March 2025"], ["Version", "2.1 (final)"]]

MARKDOWN = f"""# Record of changes

| | |
|---|---|
| {" | ".join(ROWS[0])} |
| | |
{"".join(f"| {' | '.join(row)} |{chr(10)}" for row in ROWS[1:])}
## Staffing

| Team | Posts |
|---|---|
| Revenues | 14 |
"""

HTML = ("<!DOCTYPE html><html lang='en-GB'><head><title>Record</title></head><body><h1>Record of changes</h1>"
        "<table><thead><tr><th></th><th></th></tr></thead><tbody>"
        + "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" + ("<tr><td> </td><td></td></tr>" if not i else "")
                  for i, (label, value) in enumerate(ROWS))
        + "</tbody></table></body></html>")


def _tables(path):
    document = read_document(path, ReadOptions(pages="estimate"))
    return [block.table for block in document.blocks if block.kind == TABLE]


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    assert soffice() is not None, "LibreOffice is needed to make the PDF form"
    work = tmp_path_factory.mktemp("blank-rows")
    markdown = work / "record.md"
    markdown.write_text(MARKDOWN, encoding="utf-8")
    word = to_docx(markdown, work / "record.docx")
    html = work / "record.html"
    html.write_text(HTML, encoding="utf-8")
    return {"md": markdown, "docx": word, "pdf": to_pdfs([word], work / "pdf")[0], "html": html}


@pytest.mark.parametrize("form", ["md", "docx", "pdf"])
def test_blank_rows_are_left_out_in_every_form(forms, form):
    tables = _tables(forms[form])
    assert [table.rows for table in tables] == [ROWS, [["Team", "Posts"], ["Revenues", "14"]]]


def test_an_empty_header_row_is_no_header_row(forms):
    headingless, staffing = _tables(forms["md"])
    assert (headingless.header_row, staffing.header_row) == (False, True)
    (from_html,) = _tables(forms["html"])
    assert from_html.rows == ROWS and not from_html.header_row
