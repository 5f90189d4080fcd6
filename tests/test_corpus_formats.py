"""The Word and PDF forms of corpus plans carry the same structure as their Markdown.

formats.py builds them for the format-agreement checks; these tests make sure
what it builds is a faithful document (real heading styles, lists, Word tables,
real footnotes, a PDF LibreOffice laid out), without running plancheck.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from pdfminer.high_level import extract_text

from corpus.formats import (BULLET, FOOTNOTE_DEFINITION, HEADING, NUMBERED, TABLE_ROW, TABLE_RULE,
                            listed_documents, to_docx, to_pdfs)

DOCUMENTS = listed_documents()
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def plain(markdown_text: str) -> str:
    """Markdown inline text as a reader sees it: no emphasis marks, no footnote labels."""
    text = re.sub(r"\[\^[^\]]+\]", "", markdown_text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return text.replace("**", "").replace("*", "").strip()


def markdown_parts(source: Path) -> dict:
    lines = source.read_text(encoding="utf-8").splitlines()
    tables, current = [], []
    for line in lines + [""]:
        if TABLE_ROW.match(line):
            if not TABLE_RULE.match(line):
                current.append([plain(cell) for cell in line.strip().strip("|").split("|")])
        elif current:
            tables.append(current)
            current = []
    return {
        "headings": [plain(m.group(2)) for line in lines if (m := HEADING.match(line))],
        "bullets": sum(1 for line in lines if BULLET.match(line)),
        "numbered": sum(1 for line in lines if NUMBERED.match(line)),
        "tables": tables,
        "footnotes": [m.group(2) for line in lines if (m := FOOTNOTE_DEFINITION.match(line.strip()))],
    }


def test_at_least_four_development_plans_have_word_and_pdf_forms():
    assert len(DOCUMENTS) >= 4
    assert all(doc.parent.name == "dev" and doc.exists() for doc in DOCUMENTS)


@pytest.mark.parametrize("source", DOCUMENTS, ids=lambda p: p.name)
def test_word_form_keeps_headings_lists_tables_and_footnotes(source: Path, tmp_path: Path):
    expected = markdown_parts(source)
    target = to_docx(source, tmp_path / (source.stem + ".docx"))
    document = docx.Document(str(target))

    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == expected["headings"]
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("List Bullet") == expected["bullets"]
    assert styles.count("List Number") == expected["numbered"]

    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert tables == expected["tables"]

    with zipfile.ZipFile(target) as package:
        names = package.namelist()
        body = package.read("word/document.xml").decode()
        notes = etree.fromstring(package.read("word/footnotes.xml")) if "word/footnotes.xml" in names else None
    assert body.count("<w:footnoteReference") == len(expected["footnotes"])
    note_texts = [] if notes is None else [
        "".join(note.itertext()).strip() for note in notes.iter(f"{{{WORD}}}footnote")
        if note.get(f"{{{WORD}}}id") not in ("-1", "0")]
    assert note_texts == expected["footnotes"]


def test_pdf_forms_hold_the_text_and_footnotes(tmp_path: Path):
    word_files = [to_docx(source, tmp_path / (source.stem + ".docx")) for source in DOCUMENTS]
    pdfs = to_pdfs(word_files, tmp_path / "pdf")
    for source, pdf in zip(DOCUMENTS, pdfs):
        text = " ".join(extract_text(str(pdf)).split())
        expected = markdown_parts(source)
        for heading in expected["headings"]:
            assert " ".join(heading.split()) in text, f"{pdf.name} lost the heading {heading!r}"
        for footnote in expected["footnotes"]:
            assert footnote.split(",")[0] in text, f"{pdf.name} lost a footnote"
        for table in expected["tables"]:
            for cell in (cell for row in table for cell in row if cell):
                assert cell in text, f"{pdf.name} lost the table cell {cell!r}"
