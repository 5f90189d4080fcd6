"""Build .docx files for the Word reader's tests.

python-docx makes the documents; what it cannot express (tracked changes, text
boxes, content controls, footnotes, saved page layout) is written as XML into
the body of a python-docx document, and new parts are added to its package.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.shared import Mm
from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
}
DECLARATIONS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."

WORDS = ("council services residents budget savings digital workforce housing care roads "
         "waste libraries partners outcomes programme delivery efficiency review target "
         "investment productivity performance contract procurement assets estate").split()


def w(tag: str) -> str:
    """Clark notation for a WordprocessingML tag."""
    return f"{{{NS['w']}}}{tag}"


@dataclass
class Part:
    """A part to add to a package, with the relationship from the main document to it."""

    name: str            # e.g. "word/footnotes.xml"
    xml: str
    kind: str            # relationship type: "footnotes", or a whole URI
    content_type: str    # e.g. WORD_TYPE + "footnotes+xml"


def run(text: str, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*content: str, style: str | None = None, properties: str = "") -> str:
    """A w:p from runs given as text (plain runs) or as ready-made XML (starting with '<')."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    inner = "".join(item if item.startswith("<") else run(item) for item in content)
    return f"<w:p><w:pPr>{style_xml}{properties}</w:pPr>{inner}</w:p>"


def sentences(count: int, seed: int = 1) -> list[str]:
    """Plausible, varied sentences of 10 to 20 words."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 20))]
        result.append(" ".join(words).capitalize() + ".")
    return result


def a4(document) -> None:
    """Make every section A4 with 2.54 cm margins (python-docx's template is US Letter)."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25.4)
        section.top_margin = section.bottom_margin = Mm(25.4)


def long_document(words: int, headings_every: int = 6, seed: int = 1):
    """An A4 python-docx document of about ``words`` words in headed sections."""
    document = docx.Document()
    a4(document)
    document.add_heading("Productivity plan", 0)
    text = sentences(words // 15 + 1, seed)
    for index in range(0, len(text), 4):
        if index // 4 % headings_every == 0:
            document.add_heading(f"Section {index // 4 // headings_every + 1}", 1)
        document.add_paragraph(" ".join(text[index:index + 4]))
    return document


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def png(width: int = 4, height: int = 4) -> io.BytesIO:
    """A tiny valid PNG image."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return io.BytesIO(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                      + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def rewrite(source: Path, target: Path, edit) -> Path:
    """Copy the package ``source`` to ``target``, passing every member through ``edit``.

    ``edit(members)`` receives a dict of name to bytes and changes it in place.
    """
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    edit(members)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def build(path: Path, body: str, parts: tuple[Part, ...] = (), links: dict[str, str] | None = None,
          document=None) -> Path:
    """A .docx whose body is the WordprocessingML in ``body``.

    ``document`` (a python-docx Document) supplies styles and settings;
    ``parts`` are added to the package; ``links`` maps relationship ids to
    external hyperlink targets.
    """
    draft = path.with_suffix(".draft.docx")
    save(document if document is not None else docx.Document(), draft)

    def edit(members: dict[str, bytes]) -> None:
        members["word/document.xml"] = _replace_body(members["word/document.xml"], body)
        members["word/_rels/document.xml.rels"] = _add_relationships(
            members["word/_rels/document.xml.rels"], parts, links or {})
        members["[Content_Types].xml"] = _add_content_types(members["[Content_Types].xml"], parts)
        for part in parts:
            members[part.name] = part.xml.encode()

    rewrite(draft, path, edit)
    draft.unlink()
    return path


def _replace_body(document_xml: bytes, body_xml: str) -> bytes:
    root = etree.fromstring(document_xml)
    body = root.find(w("body"))
    section = body.find(w("sectPr"))
    for child in list(body):
        if child is not section:
            body.remove(child)
    fragment = etree.fromstring(f"<fragment {DECLARATIONS}>{body_xml}</fragment>")
    for position, child in enumerate(fragment):
        body.insert(position, child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_relationships(rels_xml: bytes, parts, links: dict[str, str]) -> bytes:
    root = etree.fromstring(rels_xml)
    tag = f"{{{PACKAGE_RELS}}}Relationship"
    for number, part in enumerate(parts, start=1):
        kind = part.kind if "://" in part.kind else RELATIONSHIP + part.kind
        etree.SubElement(root, tag, Id=f"rIdTest{number}", Type=kind,
                         Target=part.name.removeprefix("word/"))
    for rel_id, target in links.items():
        etree.SubElement(root, tag, Id=rel_id, Type=RELATIONSHIP + "hyperlink", Target=target,
                         TargetMode="External")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_content_types(types_xml: bytes, parts) -> bytes:
    root = etree.fromstring(types_xml)
    for part in parts:
        etree.SubElement(root, f"{{{CONTENT_TYPES}}}Override", PartName="/" + part.name,
                         ContentType=part.content_type)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def notes_part(kind: str, notes: dict[int, str]) -> Part:
    """A footnotes or endnotes part (kind "footnote"/"endnote") with Word's separator notes."""
    container = f"w:{kind}s"
    separators = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                  f"</w:{kind}>"
                  f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                  f'<w:continuationSeparator/></w:r></w:p></w:{kind}>')
    bodies = "".join(f'<w:{kind} w:id="{number}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + text)}'
                     f'</w:p></w:{kind}>' for number, text in notes.items())
    return Part(f"word/{kind}s.xml", f'<{container} {DECLARATIONS}>{separators}{bodies}</{container}>',
                f"{kind}s", WORD_TYPE + f"{kind}s+xml")


def rendered_breaks(source: Path, target: Path, before_paragraphs: set[int]) -> Path:
    """Copy ``source`` adding Word's saved-layout page breaks before the given body paragraphs."""
    def edit(members: dict[str, bytes]) -> None:
        root = etree.fromstring(members["word/document.xml"])
        for index, p in enumerate(root.find(w("body")).iter(w("p"))):
            first_run = p.find(w("r"))
            if index in before_paragraphs and first_run is not None:
                first_run.insert(0, etree.Element(w("lastRenderedPageBreak")))
        members["word/document.xml"] = etree.tostring(root, xml_declaration=True,
                                                      encoding="UTF-8", standalone=True)

    return rewrite(source, target, edit)


def zip_bomb(path: Path, megabytes: int = 300) -> Path:
    """A package whose one media part inflates to ``megabytes`` of zeros, written streaming."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", f"<w:document {DECLARATIONS}><w:body/></w:document>")
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            block = bytes(1024 * 1024)
            for _ in range(megabytes):
                member.write(block)
    return path


def _cell(text: str, width: int = 4500) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paragraph(text)}</w:tc>'


def table(rows: list[list[str]], ruled: bool = True, header: bool = False) -> str:
    """A w:tbl of plain-text cells; ``ruled`` draws every border, ``header`` repeats the first row."""
    borders = ("<w:tblBorders>" + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                          for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
               + "</w:tblBorders>") if ruled else ""
    grid = "".join('<w:gridCol w:w="4500"/>' for _ in rows[0])
    body = ""
    for index, row in enumerate(rows):
        properties = "<w:trPr><w:tblHeader/></w:trPr>" if header and index == 0 else ""
        body += f"<w:tr>{properties}{''.join(_cell(text) for text in row)}</w:tr>"
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>{borders}</w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def _field(instruction: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            f' {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')


END_FIELD = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
WORKFORCE_ROWS = [["Measure", "Share of staff budget 2023/24"], ["Agency staff", "4.7%"],
                  ["Consultants", "1.2%"], ["Trade union facility time", "0.1%"]]
SIGN_OFF_ROWS = [["Approved by", "Cabinet"], ["Date", "9 July 2024"], ["Status", "Final"]]
PUBLICATION_NOTE = "Published on the Council's website at https://anyshire.gov.uk/plan."
PLAN_FILLER = ("We will keep the use of agency staff and consultants under close review, with every "
               "request approved by a director and reported to the workforce board each month.")


def structured_plan(path: Path) -> Path:
    """A two-page plan with a contents field, a ruled figures table, an unruled sign-off table,
    a footnote, and a running footer with the page number, as a council's Word file has them."""
    document = docx.Document()
    toc_style = document.styles.add_style("toc 1", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    toc_style.base_style = document.styles["Normal"]
    footer = document.sections[0].footer.paragraphs[0]
    footer_xml = (run("DRAFT – Productivity Plan – Page ") + _field("PAGE") + run("1") + END_FIELD
                  + run(" of ") + _field("NUMPAGES") + run("2") + END_FIELD)
    for element in etree.fromstring(f"<x {DECLARATIONS}>{footer_xml}</x>"):
        footer._p.append(element)
    leader = '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs>'
    toc_style_id = toc_style.style_id
    body = (paragraph("Anyshire Council Productivity Plan", style="Heading1")
            + paragraph("Contents", style="TOCHeading")
            + paragraph(_field('TOC \\o "1-3" \\h \\z \\u'), "Workforce", "<w:r><w:tab/></w:r>", "1",
                        style=toc_style_id, properties=leader)
            + paragraph("Sign-off", "<w:r><w:tab/></w:r>", "2", END_FIELD, style=toc_style_id,
                        properties=leader)
            + paragraph("Workforce", style="Heading2")
            + paragraph("This productivity plan",
                        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
                        " sets out how we will use our workforce well. " + PLAN_FILLER)
            + table(WORKFORCE_ROWS, ruled=True, header=True)
            + paragraph("Figures are taken from the payroll ledger at the year end. " + PLAN_FILLER)
            + paragraph('<w:r><w:br w:type="page"/></w:r>')
            + paragraph("Sign-off", style="Heading2")
            + paragraph("The plan was agreed as follows. " + PLAN_FILLER)
            + table(SIGN_OFF_ROWS, ruled=False)
            + paragraph("We will report on progress each year. " + PLAN_FILLER))
    return build(path, body, parts=(notes_part("footnote", {1: PUBLICATION_NOTE}),), document=document)
