"""``plancheck annotate``: findings as Word comments in a copy of the plan.

The draft is the weak example plan as Word would hold it (the Markdown
example's headings and paragraphs), with what a real draft carries and the
copy must keep: a reviewer's comment, a tracked insertion and deletion, a
picture, a header and a footer, and a sentence in mixed bold and plain runs.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import pdf_fixtures
from cli_helpers import plancheck
from plancheck.annotate import AUTHOR, INITIALS, ONE_COMMENT_PER_PROBLEM, STATUS_WORDS, annotate
from plancheck.document import BODY, HEADING, LIST_ITEM, TABLE
from plancheck.readers import ReadOptions
from plancheck.engine import check_document
from plancheck.packs import DEFAULT_PACKS, load_pack
from plancheck.readers import read_document
from publication_fixtures import add_comment, add_picture, add_tracked_change

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# Page layout is not what these tests are about, and LibreOffice would lay out every file.
ESTIMATE = ReadOptions(pages="estimate")
CORPUS_PLANS = sorted((Path(__file__).resolve().parent / "corpus" / "dev").glob("*.md"))
# Plans whose layout the comment anchoring does not handle yet; strict, so each is noticed once fixed.
ANCHORING_NOT_YET_RIGHT: dict[str, str] = {}
CORPUS = [pytest.param(plan, marks=pytest.mark.xfail(strict=True, reason=ANCHORING_NOT_YET_RIGHT[plan.stem]))
          if plan.stem in ANCHORING_NOT_YET_RIGHT else plan for plan in CORPUS_PLANS]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLAIN_TABLE = [["Measure", "2023/24"], ["Consultants as a share of the staff budget", "£XXm to be confirmed"]]
MIXED = ("We always look for value for money. ", "Agency use is kept under review.")

needs_soffice = pytest.mark.skipif(pdf_fixtures.soffice() is None,
                                   reason="LibreOffice (soffice) is not installed: the copy cannot be opened")


def weak_docx(path: Path) -> Path:
    document = docx.Document()
    text = (EXAMPLES / "weak-draft-productivity-plan.md").read_text("utf-8")
    for block in text.split("\n\n"):
        block = " ".join(block.split())
        if block.startswith("## "):
            document.add_heading(block[3:], 2)
        elif block.startswith("# "):
            document.add_heading(block[2:], 1)
        elif block == " ".join(MIXED):
            paragraph = document.add_paragraph(MIXED[0])
            paragraph.add_run(MIXED[1]).bold = True
        elif block:
            document.add_paragraph(block)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, PLAIN_TABLE):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.sections[0].header.paragraphs[0].text = "Anyshire District Council"
    document.sections[0].footer.paragraphs[0].text = "Productivity plan 2024, page"
    add_picture(document, None, caption="Our spending on agency staff by year.")
    add_comment(document, "Jo Bloggs", "Please check this figure", on="We always look for value")
    add_tracked_change(document, "Jo Bloggs", "and it is popular", "and old", on="Digital is important")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def packs():
    return [load_pack(name) for name in DEFAULT_PACKS]


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    """(draft, copy, digest of the draft before, result of the command) for the weak plan."""
    folder = tmp_path_factory.mktemp("annotate")
    draft = weak_docx(folder / "draft.docx")
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    result = plancheck("annotate", draft, "--format", "json", "--pages", "estimate")
    return draft, folder / "draft.plancheck.docx", before, result


def written(result) -> list[dict]:
    return json.loads(result.stdout)["documents"][0]["comments"]


def ranges(path: Path) -> dict[str, str]:
    """The text each comment covers in the main text, by comment id."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    open_ranges, covered = set(), {}
    for element in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
        number = element.get(f"{W}id")
        if element.tag == f"{W}commentRangeStart":
            open_ranges.add(number)
            covered[number] = ""
        elif element.tag == f"{W}commentRangeEnd":
            open_ranges.discard(number)
        else:
            for number in open_ranges:
                covered[number] += element.text or ""
    return covered


def formatted_characters(path: Path) -> list[tuple[str, bytes]]:
    """Every character of the main text with its run's formatting: equal when only comments were added."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    found = []
    for t in root.iter(f"{W}t", f"{W}delText"):
        properties = t.getparent().find(f"{W}rPr")
        look = etree.tostring(properties) if properties is not None else b""
        found += [(char, look) for char in t.text or ""]
    return found


def test_the_copy_has_a_comment_for_each_finding_by_plancheck(annotated, packs):
    draft, copy, _, result = annotated
    assert result.exit_code == 1, result.stderr  # the weak plan fails; the copy is still written
    report = check_document(read_document(draft, ESTIMATE), packs)
    expected = []
    for r in report.results:
        if r.status in STATUS_WORDS and r.waived is None:
            expected += [r.rule.id] * (len(r.evidence) if r.rule.check in ONE_COMMENT_PER_PROBLEM and r.evidence
                                       else 1)
    assert [c["rule"] for c in written(result)] == expected
    ours = [c for c in docx.Document(str(copy)).comments if c.author == AUTHOR]
    assert len(ours) == len(expected) and {c.initials for c in ours} == {INITIALS}
    endorsement = next(c.text for c in ours if "[governance.member-endorsement]" in c.text)
    lines = endorsement.splitlines()
    assert lines[0] == "Endorsed by elected members before submission: not met"
    assert lines[1].startswith("Not found") and lines[2].startswith("How to fix: ")
    assert lines[-1] == "[governance.member-endorsement]"


def test_comments_sit_on_the_quoted_words_the_heading_or_the_title(annotated):
    _, copy, _, result = annotated
    covered = ranges(copy)
    ours = {c.comment_id: c for c in docx.Document(str(copy)).comments if c.author == AUTHOR}
    by_rule: dict[str, list[str]] = {}
    for comment_id, comment in ours.items():
        rule = comment.text.splitlines()[-1].strip("[]")
        by_rule.setdefault(rule, []).append(covered[str(comment_id)])
    title = "Anyshire District Council: Productivity Plan 2024 (DRAFT v0.2)"
    # Missing altogether: on the title.
    assert by_rule["governance.member-endorsement"] == [title]
    assert by_rule["metrics.kpis"] == [title]
    # A thin section: on its heading.
    assert by_rule["theme.barriers"] == [
        "4. The barriers preventing progress that the Government can help to reduce or remove"]
    # Evidence with a quote: on the quoted words only, across the bold and plain runs.
    assert by_rule["question.agency-spend"] == [MIXED[1].rstrip(".")]
    assert by_rule["governance.progress-reporting"] == ["Our performance is reported to Cabinet every quarter"]
    # One comment per drafting placeholder, each on its own words.
    assert "XX% – ask HR" in by_rule["publish.placeholders"]
    # A table without a header row: on its first cell.
    assert by_rule["access.tables"] == [PLAIN_TABLE[0][0]]
    for comment in written(result):
        assert comment["quote"]


def test_the_original_is_untouched_and_the_copy_changes_only_comments(annotated):
    draft, copy, before, _ = annotated
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    original, annotated_copy = read_document(draft, ESTIMATE), read_document(copy, ESTIMATE)
    assert [(b.kind, b.text) for b in annotated_copy.blocks] == [(b.kind, b.text) for b in original.blocks]
    assert [(r.kind, r.text, r.author, r.date) for r in annotated_copy.revisions] == \
        [(r.kind, r.text, r.author, r.date) for r in original.revisions]
    assert [b.text for b in annotated_copy.headers_footers] == [b.text for b in original.headers_footers]
    assert [(i.alt, i.page) for i in annotated_copy.images] == [(i.alt, i.page) for i in original.images]
    kept = [(c.author, c.text) for c in annotated_copy.comments if c.author != AUTHOR]
    assert kept == [(c.author, c.text) for c in original.comments] == [("Jo Bloggs", "Please check this figure")]
    assert formatted_characters(copy) == formatted_characters(draft)
    with zipfile.ZipFile(draft) as old, zipfile.ZipFile(copy) as new:
        changed = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels",
                   "[Content_Types].xml"}
        for name in old.namelist():
            if name not in changed:
                assert new.read(name) == old.read(name), name


@needs_soffice
def test_libreoffice_opens_the_copy_and_keeps_the_comments(annotated, tmp_path):
    _, copy, _, result = annotated
    profile = tmp_path / "profile"
    subprocess.run([pdf_fixtures.soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"),
                    str(copy)], check=True, timeout=120, capture_output=True,
                   env=dict(os.environ, HOME=str(tmp_path)))
    saved = docx.Document(str(tmp_path / "out" / copy.name))
    ours = [c for c in saved.comments if c.author == AUTHOR]
    assert len(ours) == len(written(result))
    assert {c.text.splitlines()[-1] for c in ours} == {f"[{c['rule']}]" for c in written(result)}
    assert any(c.author == "Jo Bloggs" for c in saved.comments)


def test_the_compliant_example_gets_a_copy_without_comments(tmp_path):
    source = tmp_path / "plan.docx"
    source.write_bytes((EXAMPLES / "anyshire-productivity-plan-2024.docx").read_bytes())
    result = plancheck("annotate", source, "-o", tmp_path / "reviewed.docx", "--pages", "estimate")
    assert result.exit_code == 0, result.stderr
    assert "with 0 comments" in result.stdout
    assert list(docx.Document(str(tmp_path / "reviewed.docx")).comments) == []


@pytest.mark.parametrize("name, kind", [("plan.doc", "Word 97-2003"), ("plan.odt", "OpenDocument"),
                                        ("plan.pdf", "PDF")])
def test_other_formats_are_refused_with_a_reason(tmp_path, name, kind):
    path = tmp_path / name
    path.write_bytes(b"not read")
    result = plancheck("annotate", path)
    assert result.exit_code == 2
    assert kind in result.stderr and "save it as .docx first" in result.stderr
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == [path]


def test_the_copy_never_replaces_the_original(tmp_path):
    draft = weak_docx(tmp_path / "draft.docx")
    before = draft.read_bytes()
    result = plancheck("annotate", draft, "-o", draft)
    assert result.exit_code == 2 and "overwritten" in result.stderr
    assert draft.read_bytes() == before


def test_a_damaged_file_is_reported_and_the_others_annotated(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    good = weak_docx(tmp_path / "good.docx")
    result = plancheck("annotate", broken, good, "--pages", "estimate", "--select", "governance.")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{broken}: ") and "Traceback" not in result.stderr
    assert (tmp_path / "good.plancheck.docx").exists()


def as_word(markdown: Path, path: Path) -> Path:
    """The plan as Word would hold it: its headings, paragraphs, lists and tables as the reader saw them."""
    document = docx.Document()
    for block in read_document(markdown, ESTIMATE).blocks:
        if block.part != BODY:
            continue
        if block.kind == HEADING:
            document.add_heading(block.text, min(block.level or 1, 9))
        elif block.kind == LIST_ITEM:
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == TABLE and block.table is not None:
            rows = block.table.rows
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            for row, cells in zip(table.rows, rows):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
        else:
            document.add_paragraph(block.text)
    document.save(str(path))
    # python-docx's parts refer to each other, so each document built here would keep its XML until the
    # collector came round: hundreds of plans later, with the test process grown by gigabytes.
    del document
    gc.collect()
    return path


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


@pytest.mark.corpus
@pytest.mark.parametrize("plan", CORPUS, ids=lambda path: path.stem)
def test_each_corpus_plan_gets_its_comments_on_the_words_of_its_evidence(plan, packs, tmp_path):
    draft = as_word(plan, tmp_path / f"{plan.stem}.docx")
    annotation = annotate(str(draft), None, packs, None, ESTIMATE)
    covered = ranges(Path(annotation.output))
    original = read_document(draft, ESTIMATE).blocks
    # The title is the first top-level heading, whatever comes before it (a cookie banner, a
    # letterhead, a draft banner); a plan with no such heading is anchored on its first paragraph.
    body = [b for b in original if b.part == BODY and b.text]
    title = next((b.text for b in body if b.kind == HEADING and (b.level or 1) == 1), body[0].text)
    assert annotation.comments
    for number, comment in enumerate(annotation.comments):
        words = covered[str(number)]
        if comment.anchor.endswith(("(the title)", "(the first paragraph)")):
            assert words == title, comment
        else:
            assert comment.evidence and fold(words) in fold(comment.evidence), comment
    assert [b.text for b in read_document(annotation.output, ESTIMATE).blocks] == [b.text for b in original]


def test_annotating_a_plan_leaves_no_reference_cycle_holding_its_xml(packs, tmp_path):
    # Annotating a folder reads each plan in this process; a cycle through the reader's objects would
    # keep every plan's XML until the collector came round, and memory would grow plan by plan.
    draft = weak_docx(tmp_path / "draft.docx")
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        annotate(str(draft), None, packs, None, ESTIMATE)
        gc.collect()
        held = [type(thing).__name__ for thing in gc.garbage if isinstance(thing, (etree._Element, etree._Document))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert held == []
