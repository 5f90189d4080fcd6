"""``plancheck annotate``: a copy of a Word plan with each finding as a Word comment where it applies.

The copy is the original package with comments added and nothing else
changed: every part other than the main text, its relationships, the content
types and the comments part is copied byte for byte, and in the main text
only comment markers are inserted (a run is split in two where a comment
starts or ends inside it, keeping its formatting). The original is only read.

Where a comment goes: on the quoted words of the finding's first evidence
(the reader's "paragraph 12" names the paragraph, the quote the words in it);
a thin or partial section's evidence is its heading; a finding with no
evidence in the text (something missing altogether) goes on the document's
title, or its first paragraph when it has none.
"""

from __future__ import annotations

import re
import zipfile
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from .checks import FAIL, PARTIAL
from .document import BODY, HEADING
from .engine import DocumentReport, Settings, check_document
from .errors import InternalError, ReadError
from .readers import ReadOptions, read_document
from .readers import docx as word
from .readers.safezip import MAIN_PART, open_package

AUTHOR, INITIALS = "plancheck", "PC"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
TYPES_PART = "[Content_Types].xml"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
W_COMMENTS, W_ANNOTATION_REF = word._w("comments"), word._w("annotationRef")
W_INITIALS = word._w("initials")
# Check types whose evidence lists separate problems (each long sentence, each
# placeholder, each image without a description): each gets its own comment,
# as a reviewer would leave one per problem. Other checks' evidence supports a
# single finding, which gets a single comment.
ONE_COMMENT_PER_PROBLEM = {"drafting-text", "links", "heading-structure", "alt-text", "table-structure",
                           "sentence-length"}
# Enough to show every problem of a real draft without burying the text.
MOST_COMMENTS_PER_CHECK = 20
STATUS_WORDS = {FAIL: "not met", PARTIAL: "partly met"}
# Where a quote is not the text itself ("32 words: ...", table rows joined
# with " | ", quotes cut with "…"), its longest piece identifies the words.
# (A record's quote joins its rows with "; ": "Version: 1.2 FINAL; Author: Head of Strategy …", each value a cell.)
QUOTE_SEPARATORS = re.compile(r"…|\s\|\s|: |; |[“”]")
SHORTEST_PIECE = 8
# Word, LibreOffice and the readers differ in quotes and dashes; compare them folded.
FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
REFUSED_FORMATS = {
    ".doc": "a Word 97-2003 document",
    ".odt": "an OpenDocument text file",
    ".pdf": "a PDF",
}


class AnnotateError(Exception):
    """A file that cannot be annotated, with the reason in plain English."""


@dataclass
class WrittenComment:
    rule: str
    status: str
    severity: str
    anchor: str          # where the comment sits: "paragraph 12", or "title (missing from the text)"
    quote: str           # the words it is attached to
    text: str
    evidence: str = ""   # the finding's own quote, where it has one

    def as_dict(self) -> dict:
        return {"rule": self.rule, "status": self.status, "severity": self.severity,
                "anchor": self.anchor, "quote": self.quote, "evidence": self.evidence, "text": self.text}


@dataclass
class Annotation:
    source: str
    output: str
    report: DocumentReport
    comments: list[WrittenComment] = field(default_factory=list)


def default_output(path: str) -> str:
    source = Path(path)
    return str(source.with_name(f"{source.stem}.plancheck{source.suffix}"))


def refuse_unless_word(path: str) -> None:
    suffix = Path(path).suffix.lower()
    if suffix in REFUSED_FORMATS:
        raise AnnotateError(f"is {REFUSED_FORMATS[suffix]}; annotate adds Word comments to .docx files only. "
                            "Open it in Word or LibreOffice and save it as .docx first")
    if suffix not in (".docx", ".docm"):
        raise AnnotateError("is not a Word .docx file; annotate adds Word comments to .docx files only")


def annotate(path: str, output: str | None, packs, settings: Settings | None = None,
             options: ReadOptions | None = None) -> Annotation:
    """Check ``path`` and write the commented copy to ``output`` (default ``NAME.plancheck.docx``)."""
    refuse_unless_word(path)
    output = output or default_output(path)
    if Path(output).resolve() == Path(path).resolve():
        raise AnnotateError("would be overwritten by its own copy; give another name with -o")
    document = read_document(path, options)
    report = check_document(document, packs, settings)
    package = _Copy(Path(path))
    comments = []
    for result, evidence in _comments_wanted(report):
        anchor = package.place(report, evidence)
        text = comment_text(result, evidence, anchor)
        package.add_comment(anchor, text)
        comments.append(WrittenComment(result.rule.id, result.status, result.severity, anchor.label,
                                       anchor.words, "\n".join(text), evidence.quote if evidence else ""))
    package.save(Path(output))
    return Annotation(path, output, report, comments)


def _comments_wanted(report: DocumentReport):
    """(result, evidence or None) for each comment to write, in the order of the report."""
    for result in report.results:
        if result.status not in STATUS_WORDS or result.waived is not None:
            continue
        if result.rule.check in ONE_COMMENT_PER_PROBLEM and result.evidence:
            for evidence in result.evidence[:MOST_COMMENTS_PER_CHECK]:
                yield result, evidence
        else:
            yield result, result.evidence[0] if result.evidence else None


def comment_text(result, evidence, anchor) -> list[str]:
    """The comment's paragraphs: title and status, message, how to fix, rule ID."""
    lines = [f"{result.rule.title}: {STATUS_WORDS[result.status]}", result.message]
    if evidence is not None and result.rule.check in ONE_COMMENT_PER_PROBLEM:
        lines.append(f"Here: {evidence.quote}")
    if evidence is not None and anchor.elsewhere:
        lines.append(f"Found in {evidence.location or 'the document'}: \u201c{evidence.quote}\u201d")
    guidance = " ".join(result.rule.guidance.split())
    if guidance:
        lines.append(f"How to fix: {guidance}")
    lines.append(f"[{result.rule.id}]")
    return lines


@dataclass
class _Anchor:
    paragraph: etree._Element
    label: str
    words: str = ""
    start: tuple | None = None   # (w:t element, offset) of the first quoted character
    end: tuple | None = None     # (w:t element, offset) just after the last one
    elsewhere: bool = False      # the evidence is somewhere a comment cannot go (a header, a footnote)


class _LocatingStory(word._Story):
    """The Word reader's own walk of the body, remembering which element each block came from.

    Reusing the reader's walk (rather than a second one) is what makes
    "paragraph 12" in a finding the same paragraph here.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.elements: dict[str, etree._Element] = {}
        self._outer: etree._Element | None = None

    def _paragraph_block(self, p) -> None:
        self._enter(p, super()._paragraph_block)

    def _table_block(self, tbl) -> None:
        self._enter(tbl, super()._table_block)

    def _enter(self, element, read) -> None:
        # Text boxes are read inside the paragraph that anchors them; a comment goes on that paragraph.
        outer = self._outer
        if outer is None:
            self._outer = element
        try:
            read(element)
        finally:
            self._outer = outer

    def _add_block(self, block) -> None:
        super()._add_block(block)
        self.elements[block.location] = self._outer


class _Copy:
    def __init__(self, path: Path):
        checked = open_package(path)
        self.path = path
        self.parts = {name: checked.read(name) for name in checked.names}
        with zipfile.ZipFile(path) as archive:
            self.infos = archive.infolist()
        self.root = checked.xml(MAIN_PART)
        body = self.root.find(word.W_BODY)
        if body is None:
            raise ReadError("is damaged: its main text part has no body")
        self.rels_name = "word/_rels/document.xml.rels"
        self.rels = word._relationships(checked, MAIN_PART)
        styles = word.styles_of(checked, self.rels)
        story = _LocatingStory(word._Context(styles), self.rels, BODY, box_part=word.TEXTBOX,
                               section_types=word._section_types(body))
        story.read_blocks(body)
        story.context.forget_stories()
        self.elements = story.elements
        self.comments_name = word._target(self.rels, "comments")
        self.comments_root = checked.xml(self.comments_name) if self.comments_name else None
        self.rels_root = checked.xml(self.rels_name)
        self.types_root = checked.xml(TYPES_PART)
        if self.types_root is None:
            raise ReadError(f"is damaged: it has no {TYPES_PART} part")
        ids = [int(c.get(word.W_ID)) for c in self._existing_comments() if (c.get(word.W_ID) or "").isdigit()]
        self.next_id = max(ids, default=-1) + 1
        self.new_comments: list[etree._Element] = []
        self.date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _existing_comments(self):
        return [] if self.comments_root is None else self.comments_root.iter(word.W_COMMENT)

    # -- where -----------------------------------------------------------------

    def place(self, report: DocumentReport, evidence) -> _Anchor:
        """Where a comment on ``evidence`` goes, and the words it covers."""
        element = self.elements.get(evidence.location) if evidence is not None else None
        if element is None:
            anchor = self._title_anchor(report)
            anchor.elsewhere = evidence is not None
            return anchor
        label = evidence.location
        if element.tag == word.W_TBL:
            row = _row_quoted(element, evidence.quote, label)
            if row is not None:
                return row
            paragraphs = list(element.iter(word.W_P))
            for paragraph in paragraphs:
                anchor = _quoted(paragraph, evidence.quote, label)
                if anchor.start is not None:
                    return anchor
            element = next((p for p in paragraphs if _text_nodes(p)), paragraphs[0] if paragraphs else None)
            if element is None:
                return self._title_anchor(report)
        return _quoted(element, evidence.quote, label)

    def _title_anchor(self, report: DocumentReport) -> _Anchor:
        body = [b for b in report.document.blocks if b.part == BODY and b.location in self.elements]
        title = next((b for b in body if b.kind == HEADING and (b.level or 1) == 1), None) or \
            next(iter(body), None)
        if title is None:
            raise AnnotateError("has no text to attach comments to")
        element = self.elements[title.location]
        if element.tag == word.W_TBL:
            element = next(element.iter(word.W_P))
        return _Anchor(element, f"{title.location} (the title)" if title.kind == HEADING
                       else f"{title.location} (the first paragraph)", words=title.text[:80])

    # -- what ------------------------------------------------------------------

    def add_comment(self, anchor: _Anchor, paragraphs: list[str]) -> None:
        number = str(self.next_id)
        self.next_id += 1
        comment = etree.Element(word.W_COMMENT, {word.W_ID: number, word.W_AUTHOR: AUTHOR,
                                                 word.W_DATE: self.date, W_INITIALS: INITIALS})
        for index, text in enumerate(paragraphs):
            p = etree.SubElement(comment, word.W_P)
            if index == 0:
                etree.SubElement(etree.SubElement(p, word.W_R), W_ANNOTATION_REF)
            run = etree.SubElement(p, word.W_R)
            t = etree.SubElement(run, word.W_T)
            t.text = text
            t.set(XML_SPACE, "preserve")
        self.new_comments.append(comment)
        _mark(anchor, number)

    # -- writing ---------------------------------------------------------------

    def save(self, output: Path) -> None:
        parts = dict(self.parts)
        parts[MAIN_PART] = _serialise(self.root)
        if self.new_comments:
            name = self.comments_name or "word/comments.xml"
            root = self.comments_root
            if root is None:
                root = etree.Element(W_COMMENTS, nsmap={"w": word.W})
                parts[self.rels_name] = _add_relationship(self.rels_root)
                parts[TYPES_PART] = _add_content_type(self.types_root, name)
            for comment in self.new_comments:
                root.append(comment)
            parts[name] = _serialise(root)
            self.comments_name = name
        names = [info.filename for info in self.infos]
        temporary = output.with_name(output.name + ".part")
        try:
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
                for info in self.infos:
                    archive.writestr(info, parts[info.filename], compress_type=info.compress_type)
                for name in parts:
                    if name not in names:
                        archive.writestr(name, parts[name])
            temporary.replace(output)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise AnnotateError(f"could not be annotated: cannot write {output}: "
                                f"{error.strerror or error}") from None



def _add_relationship(root) -> bytes:
    if root is None:
        root = etree.Element(f"{{{word.PACKAGE_RELS}}}Relationships", nsmap={None: word.PACKAGE_RELS})
    taken = {r.get("Id") for r in root}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(root, f"{{{word.PACKAGE_RELS}}}Relationship",
                     Id=f"rId{number}", Type=COMMENTS_TYPE, Target="comments.xml")
    return _serialise(root)


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_content_type(root, name: str) -> bytes:
    etree.SubElement(root, f"{{{CONTENT_TYPES}}}Override", PartName=f"/{name}",
                     ContentType=COMMENTS_CONTENT_TYPE)
    return _serialise(root)


# ---------------------------------------------------------------- finding the words

def _visible(node) -> bool:
    """A w:t that is read as text: not in a hidden run, not inside a text box of the paragraph."""
    for ancestor in node.iterancestors():
        if ancestor.tag == word.W_TXBX_CONTENT:
            return False
        if ancestor.tag == word.W_R and word._flag(ancestor.find(word.W_RPR), word.W_VANISH):
            return False
        if ancestor.tag == word.W_P:
            return True
    return True


def _text_nodes(paragraph) -> list:
    return [t for t in paragraph.iter(word.W_T) if t.text and _visible(t)]


def _fold(text: str) -> str:
    return text.translate(FOLD).lower()


def _row_quoted(table, quote: str, label: str) -> _Anchor | None:
    """An anchor on the first cell of the row a quote gives whole ("6 | Other | TBC | TBC"), however short
    its cells: a row is found by all of them together, where no one of them says enough."""
    if " | " not in quote:
        return None
    wanted = _fold(" ".join(quote.split()))
    for row in table.iter(word.W_TR):
        cells = [(paragraphs, text) for cell in row.iter(word.W_TC)
                 for paragraphs in [[p for p in cell.iter(word.W_P) if _text_nodes(p)]]
                 for text in [" ".join("".join(t.text for t in _text_nodes(p)) for p in paragraphs).strip()] if text]
        if cells and _fold(" ".join(" | ".join(text for _, text in cells).split())) == wanted:
            first = cells[0][0][0]
            anchor = _quoted(first, "".join(t.text for t in _text_nodes(first)), label)
            if anchor.start is not None:
                return anchor
    return None


def _quoted(paragraph, quote: str, label: str) -> _Anchor:
    """An anchor on the words of ``quote`` in ``paragraph``, or on the whole paragraph."""
    nodes = _text_nodes(paragraph)
    # The paragraph's text, spaces collapsed, with where each character came from.
    chars, origin = [], []
    for node in nodes:
        for offset, char in enumerate(node.text):
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            origin.append((node, offset))
    text = _fold("".join(chars))
    for piece in _pieces(quote):
        found = text.find(piece)
        if found >= 0:
            last = found + len(piece) - 1
            node, offset = origin[last]
            return _Anchor(paragraph, label, "".join(chars[found:last + 1]), origin[found], (node, offset + 1))
    whole = "".join(chars).strip()
    return _Anchor(paragraph, label, whole[:80] + ("…" if len(whole) > 80 else ""))


def _pieces(quote: str) -> list[str]:
    """The quote, then its longer pieces, folded and with spaces collapsed, longest first."""
    folded = _fold(" ".join(quote.split()))
    whole = folded.strip(" .…")
    split = [p.strip(" .") for p in QUOTE_SEPARATORS.split(folded)]
    pieces = sorted(split, key=len, reverse=True)
    # A table row's label cell names the row however short it is ("2021/22 | 9.8 | 1.4").
    label = split[0] if " | " in folded and split else ""
    # The whole quote is the finding's own words however short ("Capital."); a piece must say enough.
    return [p for p in dict.fromkeys([whole, *pieces, label])
            if p and (p == whole or len(p) >= SHORTEST_PIECE or (p == label and len(p) >= 3))]


# ---------------------------------------------------------------- the markers

def _mark(anchor: _Anchor, number: str) -> None:
    """Insert the comment's range and reference into the paragraph; the end first, as splitting moves runs."""
    paragraph = anchor.paragraph
    if anchor.start is None:
        properties = paragraph.find(word.W_PPR)
        start_at = (paragraph, 0 if properties is None else paragraph.index(properties) + 1)
        end_parent, end_index = paragraph, len(paragraph)
    else:
        end_parent, end_index = _boundary(*anchor.end)
        start_at = None
    end = etree.Element(word.W_COMMENT_RANGE_END, {word.W_ID: number})
    end_parent.insert(end_index, end)
    reference = etree.Element(word.W_R)
    etree.SubElement(reference, word.W_COMMENT_REFERENCE, {word.W_ID: number})
    # The reference run sits directly in the paragraph: inside a tracked insertion it would be one.
    outermost = end
    while outermost.getparent() is not paragraph:
        outermost = outermost.getparent()
    outermost.addnext(reference)
    if start_at is None:
        start_at = _boundary(*anchor.start)
    start_at[0].insert(start_at[1], etree.Element(word.W_COMMENT_RANGE_START, {word.W_ID: number}))


def _boundary(t, offset: int) -> tuple:
    """(parent, index) at which an inserted marker falls just before character ``offset`` of ``t``.

    Splits the run in two when the offset is inside it; both halves keep the
    run's properties, so the text and its look do not change.
    """
    run = t.getparent()
    parent = run.getparent()
    content = [child for child in run if child.tag != word.W_RPR]
    position = content.index(t)
    text = t.text or ""
    if position == 0 and offset == 0:
        return parent, parent.index(run)
    if position == len(content) - 1 and offset >= len(text):
        return parent, parent.index(run) + 1
    tail = etree.Element(run.tag, dict(run.attrib))
    properties = run.find(word.W_RPR)
    if properties is not None:
        tail.append(deepcopy(properties))
    moved = content[position + 1:]
    if offset < len(text):
        rest = etree.SubElement(tail, word.W_T)
        rest.text = text[offset:]
        rest.set(XML_SPACE, "preserve")
        if offset == 0:
            run.remove(t)
        else:
            t.text = text[:offset]
            t.set(XML_SPACE, "preserve")
    for child in moved:
        tail.append(child)
    run.addnext(tail)
    return parent, parent.index(tail)


# ---------------------------------------------------------------- command line

def command():
    """The ``plancheck annotate`` command (built on demand: click and the checks load only when used)."""
    import json
    import sys

    import click

    from . import config as configuration
    from .cli import EXIT_ERROR, EXIT_FAILED, EXIT_OK, load_packs
    from .errors import ConfigError
    from .packs import DEFAULT_PACKS
    from .quick import id_list

    @click.command(name="annotate", context_settings={"help_option_names": ["-h", "--help"],
                                                      "max_content_width": 88})
    @click.argument("paths", nargs=-1, required=True, type=click.Path())
    @click.option("--output", "-o", type=click.Path(dir_okay=False),
                  help="Where to write the copy (one document only). Default: NAME.plancheck.docx "
                       "beside it.")
    @click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                  help="How to list the comments written.")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                  help="Configuration file to use instead of the nearest one.")
    @click.option("--rules", "rule_packs", multiple=True, metavar="NAME|PATH",
                  help="Rule pack to check against (repeatable).")
    @click.option("--select", multiple=True, metavar="ID[,ID…]", callback=id_list,
                  help="Run only these checks (comma-separated IDs or prefixes).")
    @click.option("--ignore", multiple=True, metavar="ID[,ID…]", callback=id_list,
                  help="Skip these checks (comma-separated IDs or prefixes).")
    @click.option("--pages", type=click.Choice(["auto", "layout", "estimate"]),
                  help="How to count pages.  [default: auto]")
    def annotate_command(paths, output, output_format, config_path, rule_packs, select, ignore, pages):
        """Write a copy of each Word plan (.docx) with every finding as a Word comment.

        The copy is NAME.plancheck.docx beside the original, which is never
        changed. Comments are by "plancheck" (initials PC), so Word's Review
        pane can show or delete them all at once.
        """
        if output and len(paths) > 1:
            click.echo("plancheck annotate: -o names one copy; give one document, or leave -o out", err=True)
            sys.exit(EXIT_ERROR)
        try:
            # Each document with its own nearest configuration, as when checking.
            resolver = configuration.Resolver(config_path)
            plans = []
            for path in paths:
                config = resolver.for_file(path)
                packs = load_packs(rule_packs or config.rule_packs() or DEFAULT_PACKS)
                plans.append((path, packs, config.settings(packs, select, ignore, None),
                              ReadOptions(pages=pages or config.pages or "auto")))
        except ConfigError as error:
            click.echo(f"plancheck: {error}", err=True)
            sys.exit(EXIT_ERROR)
        done, errors = [], []
        for path, packs, settings, options in plans:
            try:
                done.append(annotate(path, output, packs, settings, options))
            except (AnnotateError, ReadError, InternalError) as error:
                errors.append({"path": path, "message": str(error)})
            except Exception as error:  # a fault in plancheck must not stop the other files
                errors.append({"path": path, "message": f"could not be annotated because of an internal error "
                                                        f"in plancheck ({type(error).__name__}: {error}); "
                                                        "please report it"[:300]})
        if output_format == "json":
            click.echo(json.dumps({"documents": [_as_json(a) for a in done], "errors": errors}, indent=2,
                                  ensure_ascii=False))
        else:
            click.echo("".join(_as_text(a) for a in done), nl=False)
        for error in errors:
            click.echo(f"{error['path']}: {error['message']}", err=True)
        if errors:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FAILED if any(a.report.verdict == "fail" for a in done) else EXIT_OK)

    return annotate_command


def _as_json(annotation: Annotation) -> dict:
    return {"path": annotation.source, "output": annotation.output, "score": annotation.report.score,
            "verdict": annotation.report.verdict, "comments": [c.as_dict() for c in annotation.comments]}


def _as_text(annotation: Annotation) -> str:
    count = len(annotation.comments)
    lines = [f"{annotation.source}: wrote {annotation.output} with {count} comment{'' if count == 1 else 's'} "
             f"(score {annotation.report.score:g}, verdict {annotation.report.verdict.upper()})"]
    width = max((len(c.anchor) for c in annotation.comments), default=0)
    for comment in annotation.comments:
        lines.append(f"  {comment.anchor:<{width}}  {STATUS_WORDS[comment.status]:<10}  {comment.rule}")
    return "\n".join(lines) + "\n"
