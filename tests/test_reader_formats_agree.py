"""One plan written as text, Markdown, a web page, a Word file and a PDF reads the same.

Placeholders and drafting text in particular ("[to be completed]", "£XXm",
"[tbc]%") must reach the document model as the same text, of the same kind,
in the same section, whatever the format: a check then treats them alike.
"""

from __future__ import annotations

import docx
import pytest

from pdf_fixtures import convert_to_pdf, soffice
from plancheck.document import HEADING
from plancheck.readers import ReadOptions, read_document

TITLE = "Anyshire Productivity Plan"
SECTIONS = [
    ("Digital by default", ["[Digital team to complete]"]),
    ("Every pound counts", ["Savings of £XXm to be confirmed",
                            "Agency staff made up [tbc]% of the staff budget."]),
    ("What would help us", ["[to be completed]"]),
]


def _text() -> str:
    return "\n\n".join([TITLE] + [part for heading, body in SECTIONS for part in [heading, *body]]) + "\n"


def _markdown() -> str:
    return "\n\n".join([f"# {TITLE}"] + [part for heading, body in SECTIONS
                                         for part in [f"## {heading}", *body]]) + "\n"


def _html() -> str:
    body = "".join(f"<h2>{heading}</h2>" + "".join(f"<p>{text}</p>" for text in texts)
                   for heading, texts in SECTIONS)
    return f'<!DOCTYPE html><html lang="en-GB"><head><title>Plan</title></head><body><h1>{TITLE}</h1>{body}</body></html>'


def _docx(path):
    document = docx.Document()
    document.add_heading(TITLE, 1)
    for heading, texts in SECTIONS:
        document.add_heading(heading, 2)
        for text in texts:
            document.add_paragraph(text)
    document.save(path)
    return path


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    work = tmp_path_factory.mktemp("formats")
    (work / "plan.txt").write_text(_text(), encoding="utf-8")
    (work / "plan.md").write_text(_markdown(), encoding="utf-8")
    (work / "plan.html").write_text(_html(), encoding="utf-8")
    source = _docx(work / "plan.docx")
    paths = [work / "plan.txt", work / "plan.md", work / "plan.html", source]
    if soffice() is not None:
        paths.append(convert_to_pdf(source, work / "pdf"))
    return paths


def _read(path):
    document = read_document(path, ReadOptions(pages="estimate"))
    headings = [b.text for b in document.blocks if b.kind == HEADING]
    content = [(b.kind, b.text, b.section[-1]) for b in document.blocks if b.kind != HEADING]
    return headings, content


def test_placeholders_read_the_same_in_every_format(plans):
    assert len(plans) == 5, "LibreOffice is needed to make the PDF form"
    expected = ([TITLE] + [heading for heading, _ in SECTIONS],
                [("paragraph", text, heading) for heading, texts in SECTIONS for text in texts])
    for path in plans:
        assert _read(path) == expected, path.suffix
