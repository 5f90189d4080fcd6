"""Real PDFs for the PDF reader's tests.

Two routes:

* :func:`build_pdf` writes a small PDF byte by byte (standard Helvetica fonts,
  text at chosen sizes, link annotations, images, catalog and info entries,
  optional tagging and optional RC4 password protection), so the tests that
  use it need nothing but Python;
* :func:`plan_docx` and :func:`convert_to_pdf` make a Word document with
  python-docx and turn it into a PDF with LibreOffice, as a council would.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import struct
import subprocess
import zlib
from dataclasses import dataclass, field
from pathlib import Path


class Name(str):
    """A PDF name such as /Page."""


@dataclass(frozen=True)
class Ref:
    number: int


@dataclass
class Stream:
    entries: dict
    data: bytes


@dataclass
class Text:
    """A line of text at (x, y) points from the bottom left of the page."""

    text: str
    x: float
    y: float
    size: float = 11
    bold: bool = False


@dataclass
class LinkBox:
    """A link annotation over ``rect``: to a URI, a named destination, or a page (1-based)."""

    rect: tuple[float, float, float, float]
    uri: str | None = None
    name: str | None = None
    page: int | None = None


@dataclass
class Picture:
    """A small grey image drawn at (x, y), width by height points.

    In a tagged PDF each picture gets a /Figure element with ``alt`` tied to it
    by a marked-content identifier, unless it is an ``artifact``. With
    ``linked=False`` it is drawn as an artifact and its /Figure element marks
    no content, as LibreOffice 7 writes pictures.
    """

    x: float
    y: float
    width: float = 50
    height: float = 50
    alt: str | None = None
    artifact: bool = False
    linked: bool = True


@dataclass
class Page:
    texts: list[Text] = field(default_factory=list)
    links: list[LinkBox] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)


PASSWORD_PADDING = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


class _Encryption:
    """The PDF standard security handler, revision 2 (40-bit RC4), as a writer needs it."""

    permissions = -4  # every permission granted

    def __init__(self, user: str, owner: str, file_id: bytes) -> None:
        def pad(password: str) -> bytes:
            return (password.encode("latin-1") + PASSWORD_PADDING)[:32]

        self.owner_entry = rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
        self.key = hashlib.md5(pad(user) + self.owner_entry + struct.pack("<i", self.permissions)
                               + file_id).digest()[:5]
        self.user_entry = rc4(self.key, PASSWORD_PADDING)

    def dictionary(self) -> dict:
        return {"Filter": Name("Standard"), "V": 1, "R": 2, "O": self.owner_entry,
                "U": self.user_entry, "P": self.permissions}

    def encrypt(self, number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(self.key + number.to_bytes(3, "little") + b"\0\0").digest()[:10]
        return rc4(object_key, data)


def _literal(data: bytes) -> bytes:
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _string_bytes(text: str) -> bytes:
    try:
        return text.encode("ascii")
    except UnicodeEncodeError:
        return b"\xfe\xff" + text.encode("utf-16-be")


def _serialise(value, crypt=None) -> bytes:
    """PDF syntax for a Python value; ``crypt`` encrypts strings of an encrypted object."""
    if value is None:
        return b"null"
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, Name):
        return b"/" + value.encode("ascii")
    if isinstance(value, int):
        return str(value).encode()
    if isinstance(value, float):
        return f"{value:.3f}".encode()
    if isinstance(value, Ref):
        return f"{value.number} 0 R".encode()
    if isinstance(value, (str, bytes)):
        data = _string_bytes(value) if isinstance(value, str) else value
        if crypt:
            return b"<" + crypt(data).hex().encode() + b">"
        if isinstance(value, str) and data.isascii():
            return _literal(data)
        return b"<" + data.hex().encode() + b">"
    if isinstance(value, list):
        return b"[" + b" ".join(_serialise(item, crypt) for item in value) + b"]"
    if isinstance(value, dict):
        return b"<<" + b"".join(b"/" + key.encode() + b" " + _serialise(item, crypt)
                                for key, item in value.items()) + b">>"
    raise TypeError(f"cannot write {value!r} as PDF")


class PDFWriter:
    """Collects numbered objects and writes them with a correct cross-reference table."""

    def __init__(self) -> None:
        self.objects: list[object] = []

    def reserve(self) -> Ref:
        self.objects.append(None)
        return Ref(len(self.objects))

    def add(self, value) -> Ref:
        ref = self.reserve()
        self.set(ref, value)
        return ref

    def set(self, ref: Ref, value) -> None:
        self.objects[ref.number - 1] = value

    def write(self, root: Ref, info: Ref | None = None, encryption: _Encryption | None = None,
              file_id: bytes = b"plancheck-test-id") -> bytes:
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        encrypt_ref = self.add(encryption.dictionary()) if encryption else None
        for number, value in enumerate(self.objects, 1):
            offsets.append(out.tell())
            crypt = None
            if encryption and number != encrypt_ref.number:
                def crypt(data, number=number):
                    return encryption.encrypt(number, data)
            out.write(f"{number} 0 obj\n".encode())
            if isinstance(value, Stream):
                data = crypt(value.data) if crypt else value.data
                out.write(_serialise({**value.entries, "Length": len(data)}, crypt))
                out.write(b"\nstream\n" + data + b"\nendstream")
            else:
                out.write(_serialise(value, crypt))
            out.write(b"\nendobj\n")
        xref = out.tell()
        out.write(f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode())
        for offset in offsets:
            out.write(f"{offset:010d} 00000 n \n".encode())
        trailer = {"Size": len(self.objects) + 1, "Root": root, "ID": [file_id, file_id]}
        if info:
            trailer["Info"] = info
        if encrypt_ref:
            trailer["Encrypt"] = encrypt_ref
        out.write(b"trailer\n" + _serialise(trailer) + f"\nstartxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


class Column:
    """Lays out lines of text down a page, as a word processor would."""

    def __init__(self, x: float = 72, top: float = 740) -> None:
        self.x, self.y = x, top
        self.texts: list[Text] = []

    def line(self, text: str, size: float = 11, bold: bool = False, indent: float = 0,
             gap: float | None = None) -> Text:
        """A line ``gap`` points below the last (1.2 times the size by default)."""
        self.y -= size * 1.2 if gap is None else gap
        self.texts.append(Text(text, self.x + indent, self.y, size, bold))
        return self.texts[-1]

    def paragraph(self, *lines: str, size: float = 11, bold: bool = False, indent: float = 0) -> list[Text]:
        """Lines set close together, after a paragraph's worth of space."""
        first = self.line(lines[0], size, bold, indent, gap=size * 2.4)
        return [first] + [self.line(text, size, bold, indent) for text in lines[1:]]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` is set in Helvetica (or Helvetica-Bold) at ``size`` points."""
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    return sum(widths.get(char, 556) for char in text) * size / 1000


def _show(text: Text) -> bytes:
    font = b"/F2" if text.bold else b"/F1"
    return (b"BT " + font + f" {text.size} Tf {text.x} {text.y} Td ".encode()
            + _literal(text.text.encode("cp1252")) + b" Tj ET\n")


def build_pdf(pages: list[Page], *, title: str | None = None, author: str | None = None,
              creator: str | None = None, producer: str | None = None, created: str | None = None,
              lang: str | None = None, tagged: bool = False, marked: bool = True,
              named: dict[str, int] | None = None, xmp_title: str | None = None,
              user_password: str | None = None, owner_password: str = "owner") -> bytes:
    """A PDF with the given pages (US Letter) and catalog, info and structure entries.

    ``tagged`` adds a structure tree (with one /Figure per non-artifact picture)
    and, when ``marked``, ``/MarkInfo << /Marked true >>``. ``named`` maps
    destination names to page numbers. ``user_password`` (even "") encrypts
    the file with RC4.
    """
    writer = PDFWriter()
    catalog_ref, pages_ref, struct_ref = writer.reserve(), writer.reserve(), writer.reserve()
    regular = writer.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Helvetica"),
                          "Encoding": Name("WinAnsiEncoding")})
    bold = writer.add({"Type": Name("Font"), "Subtype": Name("Type1"),
                       "BaseFont": Name("Helvetica-Bold"), "Encoding": Name("WinAnsiEncoding")})
    image = writer.add(Stream({"Type": Name("XObject"), "Subtype": Name("Image"), "Width": 2,
                               "Height": 2, "ColorSpace": Name("DeviceGray"),
                               "BitsPerComponent": 8}, b"\x40\xc0\xc0\x40"))
    page_refs = [writer.reserve() for _ in pages]
    figures = []
    for page, page_ref in zip(pages, page_refs):
        content = b"".join(_show(text) for text in page.texts)
        mcid = 0
        for picture in page.pictures:
            draw = f"q {picture.width} 0 0 {picture.height} {picture.x} {picture.y} cm /Im1 Do Q\n".encode()
            if tagged and not picture.artifact:
                element = {"Type": Name("StructElem"), "S": Name("Figure"), "P": struct_ref,
                           "Pg": page_ref}
                if picture.alt is not None:
                    element["Alt"] = picture.alt
                if picture.linked:
                    draw = f"/Figure <</MCID {mcid}>> BDC ".encode() + draw + b"EMC\n"
                    element["K"] = mcid
                    mcid += 1
                figures.append(writer.add(element))
            if tagged and (picture.artifact or not picture.linked):
                draw = b"/Artifact BMC " + draw + b"EMC\n"
            content += draw
        annotations = []
        for link in page.links:
            annotation = {"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": list(link.rect),
                          "Border": [0, 0, 0]}
            if link.uri is not None:
                annotation["A"] = {"S": Name("URI"), "URI": link.uri}
            elif link.name is not None:
                annotation["A"] = {"S": Name("GoTo"), "D": link.name}
            else:
                annotation["Dest"] = [page_refs[link.page - 1], Name("Fit")]
            annotations.append(writer.add(annotation))
        entries = {"Type": Name("Page"), "Parent": pages_ref, "MediaBox": [0, 0, 612, 792],
                   "Resources": {"Font": {"F1": regular, "F2": bold}, "XObject": {"Im1": image}},
                   "Contents": writer.add(Stream({}, content))}
        if annotations:
            entries["Annots"] = annotations
        writer.set(page_ref, entries)
    writer.set(pages_ref, {"Type": Name("Pages"), "Kids": page_refs, "Count": len(page_refs)})

    catalog: dict = {"Type": Name("Catalog"), "Pages": pages_ref}
    if lang is not None:
        catalog["Lang"] = lang
    if tagged:
        document = writer.add({"Type": Name("StructElem"), "S": Name("Document"), "P": struct_ref,
                               "K": figures})
        writer.set(struct_ref, {"Type": Name("StructTreeRoot"), "K": [document]})
        catalog["StructTreeRoot"] = struct_ref
        if marked:
            catalog["MarkInfo"] = {"Marked": True}
    else:
        writer.set(struct_ref, {})  # an unused object keeps the numbering simple
    if named:
        catalog["Names"] = {"Dests": {"Names": [item for name, number in sorted(named.items())
                                                for item in (name, [page_refs[number - 1], Name("Fit")])]}}
    if xmp_title is not None:
        xmp = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
               '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
               'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
               '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
               f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xmp_title}</rdf:li></rdf:Alt></dc:title>'
               '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
        catalog["Metadata"] = writer.add(Stream({"Type": Name("Metadata"), "Subtype": Name("XML")},
                                                xmp.encode("utf-8")))
    writer.set(catalog_ref, catalog)

    info = {key: value for key, value in (("Title", title), ("Author", author), ("Creator", creator),
                                          ("Producer", producer), ("CreationDate", created))
            if value is not None}
    info_ref = writer.add(info) if info else None
    file_id = hashlib.md5(b"plancheck").digest()
    encryption = _Encryption(user_password, owner_password, file_id) if user_password is not None else None
    return writer.write(catalog_ref, info_ref, encryption, file_id)


# -- LibreOffice route ---------------------------------------------------------------

TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def png(width: int = 16, height: int = 16) -> bytes:
    """A small grey PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _add_hyperlink(paragraph, text: str, url: str, style_id: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    run_style = OxmlElement("w:rStyle")
    run_style.set(qn("w:val"), style_id)
    properties.append(run_style)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


FILLER = ("The council will review how each service is delivered, compare its costs with "
          "similar councils and set out the savings it expects to make over the next three years.")


def plan_docx(path: Path, pages: int = 2) -> Path:
    """A productivity plan as Word would hold it: title, headings, lists, a link, a picture.

    Each extra page after the first repeats a "Section N" heading with body text
    after a page break.
    """
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.core_properties.title = "Productivity Plan 2025"
    document.core_properties.author = "Test Council"
    # LibreOffice exports a hyperlink as a PDF link only when its text has a character style.
    link_style = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    document.add_heading("Productivity plan", 1)
    document.add_paragraph("This plan sets out how the council will improve productivity. " + FILLER)
    document.add_heading("Savings", 2)
    document.add_paragraph("Shared back-office services with neighbouring councils", style="List Bullet")
    document.add_paragraph("Digital self-service for the most common requests", style="List Bullet")
    paragraph = document.add_paragraph("Read more on ")
    _add_hyperlink(paragraph, "the council website", "https://example.org/plan", link_style.style_id)
    paragraph.add_run(" before the consultation closes.")
    document.add_heading("Barriers", 3)
    document.add_paragraph("Funding rules limit how savings can be reinvested in services.")
    document.add_picture(io.BytesIO(png()))
    document.inline_shapes[0]._inline.docPr.set("descr", "Chart of savings by year")
    for number in range(2, pages + 1):
        document.add_page_break()
        document.add_heading(f"Section {number}", 1)
        for _ in range(3):
            document.add_paragraph(FILLER)
    document.sections[0].footer.paragraphs[0].text = "Draft productivity plan"
    document.save(path)
    return path


def convert_to_pdf(source: Path, out_dir: Path, tagged: bool = False, timeout: float = 120) -> Path:
    """Convert ``source`` to PDF with LibreOffice in its own throw-away profile."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "profile"
    command = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", TAGGED_PDF if tagged else "pdf", "--outdir", str(out_dir), str(source)]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                   check=True, env=dict(os.environ, HOME=str(out_dir)))
    result = out_dir / (source.stem + ".pdf")
    if not result.exists():
        raise RuntimeError(f"LibreOffice did not convert {source}")
    return result
