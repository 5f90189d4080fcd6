"""Word and PDF files for the publication pack's tests: one clean plan, and each defect.

:func:`clean_plan` makes a python-docx Document that passes every publication
check: headings in heading styles, short plain sentences, a data table with a
header row, a described picture, a descriptive link, a title, the council as
author and the language set. Each ``add_*`` function adds one defect to such
a document. What python-docx cannot express (tracked changes, a floating
picture, a missing language) is written into its XML with lxml. PDFs are made
from these documents by LibreOffice, tagged or not.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from pdf_fixtures import convert_to_pdf, soffice  # noqa: F401  (soffice: used by the tests)

TITLE = "Anytown productivity plan 2024"
COUNCIL = "Anytown Borough Council"

SECTIONS = {
    "How we have changed our services": [
        "We moved most of our forms online. People can now book, pay and report a problem at any "
        "time of day. Calls to our contact centre fell by a third in two years.",
        "We closed two old offices and moved our staff into one building. This saves us £400,000 a "
        "year in rent and heating. Our care teams now sit with health staff. People get help sooner, "
        "and fewer of them need to move into a care home.",
    ],
    "Using technology and data": [
        "We use data to plan where our teams go each day. Bin crews now follow routes that a computer "
        "plans for them. This cut the fuel we use by a tenth.",
        "We share data with the police and the health service every week. It helps us find families "
        "who need support early, before a crisis. We will add school data next year.",
    ],
    "Cutting waste": [
        "We check every post before we fill it. Last year we spent 4% of our staff budget on agency "
        "staff. We want to bring this down to 3% by 2026.",
        "We buy goods and services with the other councils in our county. Buying together gets us "
        "better prices. It saved £250,000 last year.",
    ],
    "What holds us back": [
        "Funding for one year at a time makes it hard to plan. We ask the Government to agree "
        "funding for three years at a time.",
        "Small pots of money that we must bid for cost us time. We would like one grant that we can "
        "use where it does the most good.",
    ],
}
TABLE = [["Measure", "2023", "Target for 2026"],
         ["Calls to the contact centre", "60,000", "45,000"],
         ["Agency staff share of staff budget", "4%", "3%"]]
ALT_TEXT = "Bar chart: calls to the contact centre fell from 90,000 in 2022 to 60,000 in 2024."
LINK_TEXT = "our budget for 2024 to 2025"
LINK_URL = "https://www.example.gov.uk/budget"


def png(width: int = 8, height: int = 8) -> io.BytesIO:
    """A tiny valid grey PNG (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x90" * width for _ in range(height))
    return io.BytesIO(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                      + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- building blocks

def set_language(document, language: str | None) -> None:
    """Set (or, with None, remove) the language of the document defaults, styles and properties."""
    for element in document.styles.element.iter(qn("w:lang")):
        element.getparent().remove(element)
    document.core_properties.language = language or ""
    if language:
        defaults = document.styles.element.find(qn("w:docDefaults"))
        run_properties = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), language)
        run_properties.append(lang)


def add_hyperlink(paragraph, text: str, target: str, anchor: bool = False) -> None:
    """A hyperlink run: to an external ``target``, or to a bookmark when ``anchor``."""
    link = OxmlElement("w:hyperlink")
    if anchor:
        link.set(qn("w:anchor"), target)
    else:
        link.set(qn("r:id"), paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def mark_header_row(table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def add_table(document, rows, header: bool = True):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, row in zip(rows, table.rows):
        for text, cell in zip(cells, row.cells):
            cell.text = text
    if header:
        mark_header_row(table)
    return table


def add_picture(document, alt: str | None, caption: str = "The chart shows how calls have fallen."):
    """A picture with ``alt`` as its description (None: no description), then a caption under it.

    Returns the picture's wp:docPr element.
    """
    document.add_picture(png(), width=Mm(60))
    properties = document.inline_shapes[-1]._inline.docPr
    document.add_paragraph(caption)
    if alt is not None:
        properties.set("descr", alt)
    return properties


def clean_plan():
    """A short plan that passes every publication check."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    document.core_properties.title = TITLE
    document.core_properties.author = COUNCIL
    document.core_properties.last_modified_by = COUNCIL
    set_language(document, "en-GB")
    link_style = document.styles.add_style("Hyperlink", 2)  # a character style: LibreOffice exports the link
    link_style.font.underline = True
    document.add_heading(TITLE, 1)
    document.add_paragraph("This plan sets out how we will make our services better and spend less. "
                           "Our Cabinet agreed it on 10 July 2024. We will report on it to residents "
                           "every year.")
    for number, (heading, paragraphs) in enumerate(SECTIONS.items()):
        document.add_heading(heading, 2)
        for text in paragraphs:
            document.add_paragraph(text)
        if number == 0:
            add_picture(document, ALT_TEXT)
        if number == 2:
            document.add_paragraph("The table shows what we measure and where we want to be.")
            add_table(document, TABLE)
    paragraph = document.add_paragraph("You can read ")
    add_hyperlink(paragraph, LINK_TEXT, LINK_URL)
    paragraph.add_run(" on our website.")
    document.sections[0].footer.paragraphs[0].text = TITLE
    return document


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


# ---------------------------------------------------------------- defects

def body_paragraph(document, starting: str):
    return next(p for p in document.paragraphs if p.text.startswith(starting))


def add_comment(document, author: str, text: str, on: str = "We closed two old offices"):
    paragraph = body_paragraph(document, on)
    return document.add_comment(paragraph.runs, text=text, author=author, initials="".join(
        w[0] for w in author.split()))


def add_tracked_change(document, author: str, inserted: str, deleted: str,
                       on: str = "We check every post") -> None:
    """An insertion and a deletion, tracked and not accepted, at the end of a paragraph."""
    paragraph = body_paragraph(document, on)
    date = "2024-06-01T10:00:00Z"
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="901" w:author="{author}" w:date="{date}">'
        f'<w:r><w:t xml:space="preserve"> {inserted}</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="902" w:author="{author}" w:date="{date}">'
        f'<w:r><w:delText xml:space="preserve"> {deleted}</w:delText></w:r></w:del>'))


def add_empty_link(document, text: str = "performance dashboard") -> None:
    paragraph = document.add_paragraph("You can follow our progress on our ")
    add_hyperlink(paragraph, text, "#")
    paragraph.add_run(".")


def make_floating(properties) -> None:
    """Turn the inline picture whose wp:docPr is ``properties`` into a floating (anchored) one."""
    inline = properties.getparent()
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="114300" distR="114300" '
        'simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '</wp:anchor>')
    extent = inline.find(qn("wp:extent"))
    anchor.append(extent)
    anchor.append(parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f'<wp:wrapSquare {nsdecls("wp")} wrapText="bothSides"/>'))
    for tag in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        child = inline.find(qn(tag))
        if child is not None:
            anchor.append(child)
    inline.getparent().replace(inline, anchor)


def add_unanswered_question(document, question: str, filler: str = "TBC") -> None:
    document.add_heading(question, 2)
    document.add_paragraph(filler)


def add_bold_heading(document, text: str, paragraph: str = "We pay staff fairly and train them well.") -> None:
    document.add_paragraph().add_run(text).bold = True
    document.add_paragraph(paragraph)


# ---------------------------------------------------------------- PDFs

def to_pdf(source: Path, out_dir: Path, tagged: bool, timeout: float = 120) -> Path:
    """Convert ``source`` to PDF with LibreOffice, in a throw-away profile."""
    return convert_to_pdf(source, out_dir, tagged=tagged, timeout=timeout)
