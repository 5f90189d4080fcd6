"""Turn corpus Markdown plans into Word and PDF, as a council officer would save them.

The same plan in .md, .docx and .pdf should get the same statuses, except where
the format itself differs (page counts, accessibility). ``formats.yaml`` lists
the documents built this way.

Word documents use real structure, not look-alikes: ``#`` headings become
Heading 1-3 styles, ``-`` and ``1.`` items become List Bullet and List Number
paragraphs, pipe tables become Word tables (header row in bold), ``---`` becomes
a page break, and ``[^n]`` footnotes become real Word footnotes (a footnotes
part written as XML, since python-docx cannot make one), so a reader meets the
footnote where Word keeps it. Each line of a plain paragraph stays its own
paragraph, as contents lines and running footers are typed in Word. PDFs are
made from the Word file by LibreOffice in a throw-away directory.

Run ``python tests/corpus/formats.py OUT_DIR`` to build every listed document.
Generated files are never committed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import yaml
from docx.enum.text import WD_BREAK
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docx_fixtures import (  # noqa: E402  (the shared Word helpers live beside the tests)
    NS, _add_content_types, _add_relationships, notes_part, rewrite)
from pdf_fixtures import soffice  # noqa: E402

CORPUS = Path(__file__).resolve().parent
LISTING = CORPUS / "formats.yaml"

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
BLOCK_QUOTE = re.compile(r"^ {0,3}(?:> ?){1,8}")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
PAGE_BREAK = re.compile(r"^\s*(-{3,}|\*{3,})\s*$")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]]+)\]:\s*(.*)$")
HEADING_ID = re.compile(r"\s*\{#([\w-]+)\}\s*$")
INLINE = re.compile(r"(~~[^~]+~~|\*\*[^*]+\*\*|\*[^*]+\*|\[\^[^\]]+\]|\[[^\]]+\]\([^)]*\))")


@dataclass
class Footnotes:
    """Footnote labels in order of first reference, and their text."""

    numbers: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def number(self, label: str) -> int:
        return self.numbers.setdefault(label, len(self.numbers) + 1)


def blocks(markdown: str) -> list[tuple[str, object]]:
    """Split Markdown into (kind, content) blocks: heading, bullet, number, table, break, lines."""
    result: list[tuple[str, object]] = []
    # A block quote is written as the text it quotes, as the Markdown reader reads it.
    lines = [BLOCK_QUOTE.sub("", line) for line in markdown.splitlines()]
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif PAGE_BREAK.match(line):
            result.append(("break", None))
            index += 1
        elif heading := HEADING.match(line):
            result.append(("heading", (len(heading.group(1)), heading.group(2).strip())))
            index += 1
        elif TABLE_ROW.match(line):
            rows = []
            while index < len(lines) and TABLE_ROW.match(lines[index]):
                if not TABLE_RULE.match(lines[index]):
                    rows.append([cell.strip() for cell in lines[index].strip().strip("|").split("|")])
                index += 1
            result.append(("table", rows))
        elif bullet := BULLET.match(line):
            result.append(("bullet", bullet.group(1)))
            index += 1
        elif numbered := NUMBERED.match(line):
            result.append(("number", numbered.group(1)))
            index += 1
        else:
            result.append(("line", line.strip()))
            index += 1
    return result


EMPHASIS = re.compile(r"\*{1,2}([^*]+)\*{1,2}")


def split_footnotes(markdown: str) -> tuple[str, dict[str, str]]:
    """The text without footnote definitions, and the definitions by label."""
    kept, definitions = [], {}
    for line in markdown.splitlines():
        if match := FOOTNOTE_DEFINITION.match(line.strip()):
            definitions[match.group(1)] = match.group(2).strip()
        else:
            kept.append(line)
    return "\n".join(kept), definitions


def add_inline(paragraph, text: str, footnotes: Footnotes, bold: bool = False) -> None:
    """Add ``text`` to ``paragraph`` with bold, italic, link text and footnote references."""
    for piece in INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("[^"):
            add_footnote_reference(paragraph, footnotes.number(piece[2:-1]))
        elif piece.startswith("~~"):
            paragraph.add_run(piece[2:-2]).font.strike = True
        elif piece.startswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            run = paragraph.add_run(piece[1:-1])
            run.italic = True
            run.bold = bold or None
        elif piece.startswith("[") and "](#" in piece:
            # "(#)", a link to the page itself, is Word's link to the top of the document.
            add_internal_link(paragraph, piece[1:piece.index("](#")], piece[piece.index("](#") + 3:-1] or "_top")
        elif piece.startswith("[") and "](" in piece:
            add_link(paragraph, piece[1:piece.index("](")], piece[piece.index("](") + 2:-1])
        else:
            paragraph.add_run(piece).bold = bold or None


def add_internal_link(paragraph, text: str, anchor: str) -> None:
    """A link to a bookmark in the document, as Word writes one: "On this page" lists are made of them."""
    w = NS["w"]
    paragraph._p.append(etree.fromstring(
        f'<w:hyperlink xmlns:w="{w}" w:anchor="{escape(anchor)}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:hyperlink>'))


def add_link(paragraph, text: str, target: str) -> None:
    """A link to a web page, as Word writes one: "Related pages" lists are made of them."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    w, r = NS["w"], "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rel = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(etree.fromstring(
        f'<w:hyperlink xmlns:w="{w}" xmlns:r="{r}" r:id="{rel}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
        f'</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:hyperlink>'))


def add_bookmark(paragraph, name: str, number: int) -> None:
    """A bookmark around a heading's text, for the "{#name}" of a Markdown heading."""
    w = NS["w"]
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, etree.fromstring(
        f'<w:bookmarkStart xmlns:w="{w}" w:id="{number}" w:name="{escape(name)}"/>'))
    paragraph._p.append(etree.fromstring(f'<w:bookmarkEnd xmlns:w="{w}" w:id="{number}"/>'))


def add_footnote_reference(paragraph, number: int) -> None:
    w = NS["w"]
    paragraph._p.append(etree.fromstring(
        f'<w:r xmlns:w="{w}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{number}"/></w:r>'))


def to_docx(source: Path, target: Path) -> Path:
    """Write the Markdown plan ``source`` as a Word document at ``target``."""
    markdown, definitions = split_footnotes(source.read_text(encoding="utf-8"))
    footnotes = Footnotes()
    document = docx.Document()
    for kind, content in blocks(markdown):
        if kind == "heading":
            level, text = content
            heading = document.add_heading(level=min(level, 3))
            anchor = HEADING_ID.search(text)
            add_inline(heading, HEADING_ID.sub("", text), footnotes)
            if anchor:
                add_bookmark(heading, anchor.group(1), len(document.paragraphs))
        elif kind == "bullet":
            add_inline(document.add_paragraph(style="List Bullet"), content, footnotes)
        elif kind == "number":
            add_inline(document.add_paragraph(style="List Number"), content, footnotes)
        elif kind == "table":
            add_table(document, content, footnotes)
        elif kind == "break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            add_inline(document.add_paragraph(), content, footnotes)
    # A note is written as plain text: its emphasis ("*Early Help Hubs: Value for Money Review*") as words.
    footnotes.texts = {label: EMPHASIS.sub(r"\1", definitions.get(label, "")) for label in footnotes.numbers}
    target.parent.mkdir(parents=True, exist_ok=True)
    if not footnotes.numbers:
        document.save(str(target))
        return target
    with tempfile.TemporaryDirectory() as scratch:
        draft = Path(scratch) / "draft.docx"
        document.save(str(draft))
        add_footnotes_part(draft, target, footnotes)
    return target


def add_table(document, rows: list[list[str]], footnotes: Footnotes) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for row_index, row in enumerate(rows):
        for column, text in enumerate(row):
            cell_paragraph = table.cell(row_index, column).paragraphs[0]
            add_inline(cell_paragraph, text, footnotes, bold=row_index == 0)


def add_footnotes_part(draft: Path, target: Path, footnotes: Footnotes) -> None:
    part = notes_part("footnote", {footnotes.numbers[label]: escape(text)
                                   for label, text in footnotes.texts.items()})

    def edit(members: dict[str, bytes]) -> None:
        members["word/_rels/document.xml.rels"] = _add_relationships(
            members["word/_rels/document.xml.rels"], (part,), {})
        members["[Content_Types].xml"] = _add_content_types(members["[Content_Types].xml"], (part,))
        members[part.name] = part.xml.encode()

    rewrite(draft, target, edit)


# LibreOffice 7.4 stops converting after about 240 files of one command line, silently and with exit
# status 0 (the rest are simply not written), so the files go to it this many at a time.
FILES_PER_RUN = 100


def to_pdfs(sources: list[Path], out_dir: Path, timeout: float = 300) -> list[Path]:
    """Convert Word files to PDF with LibreOffice in a throw-away profile, up to FILES_PER_RUN a run."""
    office = soffice()
    if office is None:
        raise RuntimeError("LibreOffice (soffice) is needed to make the PDF forms of the corpus")
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        profile = Path(scratch) / "profile"
        converted = Path(scratch) / "out"
        for start in range(0, len(sources), FILES_PER_RUN):
            batch = sources[start:start + FILES_PER_RUN]
            command = [office, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", str(converted), *map(str, batch)]
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=timeout, check=True, env=dict(os.environ, HOME=scratch))
            for source in batch:
                made = converted / (source.stem + ".pdf")
                if not made.exists():
                    raise RuntimeError(f"LibreOffice did not convert {source.name}")
                results.append(Path(shutil.move(str(made), out_dir / made.name)))
    return results


def listed_documents() -> list[Path]:
    with LISTING.open(encoding="utf-8") as handle:
        return [CORPUS / name for name in yaml.safe_load(handle)["documents"]]


def build_all(out_dir: Path) -> list[Path]:
    """Word and PDF forms of every document in formats.yaml, written to ``out_dir``."""
    word_files = [to_docx(source, out_dir / (source.stem + ".docx")) for source in listed_documents()]
    return word_files + to_pdfs(word_files, out_dir)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/corpus/formats.py OUT_DIR")
    for made in build_all(Path(sys.argv[1])):
        print(made)
