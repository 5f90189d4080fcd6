"""The PDF reader, on PDFs written byte by byte and on PDFs LibreOffice makes from Word files."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docx_fixtures import PUBLICATION_NOTE, SIGN_OFF_ROWS, WORKFORCE_ROWS, structured_plan
from pdf_fixtures import (Column, LinkBox, Page, Picture, Text, build_pdf, convert_to_pdf, plan_docx,
                          soffice, text_width)
from plancheck.document import FOOTER, LIST_ITEM, PARAGRAPH, TABLE
from plancheck.errors import ReadError
from plancheck.readers import read_document

BODY = ("The council will review how each service is delivered and compare",
        "its costs with similar councils, setting out the savings it expects.")


def write(tmp_path: Path, data: bytes, name: str = "plan.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read(tmp_path: Path, data: bytes, name: str = "plan.pdf"):
    return read_document(write(tmp_path, data, name))


def kinds(document) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in document.blocks]


def plan_pages() -> list[Page]:
    """Two pages with headings at three sizes, paragraphs, lists and a wrapped heading."""
    first = Column()
    first.line("Productivity plan 2025", size=20, bold=True)
    first.paragraph("This plan sets out how the council will improve productivity over the",
                    "next three years, with savings in every service area.")
    first.paragraph("Transformation", size=15, bold=True)
    first.paragraph("We have changed how we deliver services. Shared back-office work is now cost-",
                    "effective, and produc-", "tivity has risen in every team since the changes.")
    first.paragraph("Adult social care", bold=True)
    first.paragraph(*BODY)
    first.paragraph("\u2022 Shared services with neighbouring councils",
                    "\u2022 Digital self-service for common requests")
    first.paragraph("1. Review agency spend", "2. Publish the results")
    second = Column()
    second.paragraph("Technology and data: a heading long enough", size=15, bold=True)
    second.line("to wrap onto a second line", size=15, bold=True)
    second.paragraph(*BODY)
    second.paragraph("Savings of two million pounds were made in the last year alone.", size=16)
    return [Page(texts=first.texts), Page(texts=second.texts)]


# -- structure -------------------------------------------------------------------------


def test_headings_come_from_font_size_and_weight(tmp_path):
    document = read(tmp_path, build_pdf(plan_pages()))
    assert [(h.text, h.level) for h in document.headings()] == [
        ("Productivity plan 2025", 1), ("Transformation", 2), ("Adult social care", 3),
        ("Technology and data: a heading long enough to wrap onto a second line", 2)]
    assert {h.heading_source for h in document.headings()} == {"font"}
    body = [block for block in document.blocks if block.text == " ".join(BODY)]
    assert [block.section for block in body] == [
        ("Productivity plan 2025", "Transformation", "Adult social care"),
        ("Productivity plan 2025", "Technology and data: a heading long enough to wrap onto a second line")]
    # A sentence in large type is a call-out, not a heading.
    assert (PARAGRAPH, "Savings of two million pounds were made in the last year alone.") in kinds(document)


def test_paragraphs_lists_and_line_breaks(tmp_path):
    document = read(tmp_path, build_pdf(plan_pages()))
    blocks = kinds(document)
    assert (PARAGRAPH, "This plan sets out how the council will improve productivity over the next "
                       "three years, with savings in every service area.") in blocks
    # A hyphen at a line end stays in a compound word and goes from a word the document spells whole.
    assert (PARAGRAPH, "We have changed how we deliver services. Shared back-office work is now "
                       "cost-effective, and productivity has risen in every team since the changes."
            ) in blocks
    lists = [text for kind, text in blocks if kind == LIST_ITEM]
    assert lists == ["Shared services with neighbouring councils", "Digital self-service for common requests",
                     "1. Review agency spend", "2. Publish the results"]


def test_blocks_carry_pages_locations_and_running_line_numbers(tmp_path):
    document = read(tmp_path, build_pdf(plan_pages()))
    assert document.pages == 2 and document.pages_method == "pdf"
    assert [block.line for block in document.blocks] == list(range(1, len(document.blocks) + 1))
    assert all(block.page_exact for block in document.blocks)
    first_on_two = next(block for block in document.blocks if block.page == 2)
    assert first_on_two.location == "page 2, block 1"
    assert first_on_two.text.startswith("Technology and data")
    assert document.blocks[2].location == "page 1, block 3"


def test_bullets_drawn_apart_from_their_text_join_it_in_order(tmp_path):
    column = Column()
    column.line("Savings", size=15, bold=True)
    column.paragraph(*BODY)
    texts = list(column.texts)
    y = column.y
    for number, item in enumerate(["Shared services with neighbours", "Digital self-service for residents",
                                   "Fewer agency staff"], 1):
        y -= 24
        texts.append(Text("\u2022", 72, y))  # the bullet, at the margin
        texts.append(Text(item, 90, y))  # its text, after a tab
    texts.append(Text("A closing paragraph at the margin after the list.", 72, y - 30))
    document = read(tmp_path, build_pdf([Page(texts=texts)]))
    assert kinds(document)[2:] == [(LIST_ITEM, "Shared services with neighbours"),
                                   (LIST_ITEM, "Digital self-service for residents"),
                                   (LIST_ITEM, "Fewer agency staff"),
                                   (PARAGRAPH, "A closing paragraph at the margin after the list.")]


def test_a_heading_numbered_apart_from_its_text_stays_a_heading(tmp_path):
    column = Column()
    column.paragraph(*BODY)
    number = column.line("2.", size=15, bold=True, gap=40)
    heading = Text("Transformation", 100, number.y, 15, bold=True)  # after a tab
    column.paragraph(*BODY)
    document = read(tmp_path, build_pdf([Page(texts=column.texts + [heading])]))
    assert [(h.text, h.level) for h in document.headings()] == [("2. Transformation", 1)]


def test_a_numbered_heading_of_fourteen_words_after_its_number_stays_a_heading(tmp_path):
    # The letter's theme, word for word, after its number.
    title = "2. How we plan to take advantage of technology and make better use of data"
    column = Column()
    column.paragraph(*BODY)
    column.line(title, size=13, bold=True, gap=40)
    column.paragraph(*BODY)
    document = read(tmp_path, build_pdf([Page(texts=column.texts)]))
    assert [h.text for h in document.headings()] == [title]


def test_a_bold_lead_in_is_not_a_heading(tmp_path):
    column = Column()
    column.paragraph(*BODY)
    column.line("Key point: the council will save money across all of its", bold=True, gap=30)
    column.line("services by sharing back-office work with its neighbours.")
    document = read(tmp_path, build_pdf([Page(texts=column.texts)]))
    assert document.headings() == []
    assert kinds(document)[1] == (PARAGRAPH, "Key point: the council will save money across all of its "
                                             "services by sharing back-office work with its neighbours.")


def test_running_footers_and_page_numbers_are_set_apart(tmp_path):
    pages = []
    for number in range(1, 4):
        column = Column()
        column.paragraph(f"Section {number}", size=15, bold=True)
        column.paragraph(*BODY)
        pages.append(Page(texts=column.texts + [Text("Draft productivity plan", 72, 40),
                                                Text(f"Page {number} of 3", 500, 40)]))
    document = read(tmp_path, build_pdf(pages))
    assert [block.text for block in document.headers_footers] == [
        text for number in range(1, 4) for text in ("Draft productivity plan", f"Page {number} of 3")]
    assert {block.part for block in document.headers_footers} == {FOOTER}
    assert document.headers_footers[3].location == "page 2, footer"
    assert all("Draft" not in block.text for block in document.blocks)
    assert [h.text for h in document.headings()] == ["Section 1", "Section 2", "Section 3"]


def test_a_crowded_page_is_read_in_linear_time_and_row_order(tmp_path):
    # Rows far enough apart that pdfminer makes each cell a text box of its own: 500 boxes.
    texts = [Text(f"r{row}c{col}", 40 + col * 55, 740 - row * 14, 8)
             for row in range(50) for col in range(10)]
    data = build_pdf([Page(texts=texts + [Text(BODY[0], 40, 20, 8)])])
    started = time.perf_counter()
    document = read(tmp_path, data)
    assert time.perf_counter() - started < 5  # pdfminer's own grouping of 600 boxes takes far longer
    assert [block.text for block in document.blocks[:3]] == ["r0c0", "r0c1", "r0c2"]


# -- links ---------------------------------------------------------------------------------


def test_links_take_their_target_and_the_text_under_them(tmp_path):
    column = Column()
    column.paragraph("Introduction", size=15, bold=True)
    before, anchor = "Read more on ", "the council website"
    line = column.paragraph(before + anchor + " before the consultation closes.")[0]
    start = line.x + text_width(before, 11)
    web = LinkBox((start, line.y - 3, start + text_width(anchor, 11), line.y + 11),
                  uri="https://example.org/plan")
    contents = column.paragraph("See the savings section.")[0]
    to_page = LinkBox((72, contents.y - 3, 300, contents.y + 11), page=2)
    named = LinkBox((72, 700, 200, 740), name="savings")
    empty = LinkBox((400, 100, 500, 120), uri="https://example.org/empty")
    second = Column()
    second.paragraph("Savings", size=15, bold=True)
    second.paragraph(*BODY)
    data = build_pdf([Page(texts=column.texts, links=[web, to_page, named, empty]),
                      Page(texts=second.texts)], named={"savings": 2})
    document = read(tmp_path, data)
    links = {link.target: link for link in document.links}
    assert links["https://example.org/plan"].text == "the council website"
    assert not links["https://example.org/plan"].internal
    assert links["https://example.org/plan"].page == 1
    assert links["https://example.org/plan"].section == ("Introduction",)
    assert links["https://example.org/plan"].location == "page 1, block 2"
    assert links["#page=2"].internal and links["#page=2"].text == "See the savings section."
    assert links["#savings"].internal and links["#savings"].text == "Introduction"
    assert links["https://example.org/empty"].text == ""
    assert {"savings", "page=1", "page=2"} <= document.bookmarks


# -- metadata and tagging --------------------------------------------------------------------


def test_metadata_comes_from_the_info_dictionary_and_catalog(tmp_path):
    data = build_pdf(plan_pages(), title="Cynllun cynhyrchiant \u2013 2025", author="Policy Team",
                     creator="Microsoft Word", producer="Adobe PDF Library",
                     created="D:20250301120000+01'00'", lang="en-GB")
    metadata = read(tmp_path, data).metadata
    assert metadata.title == "Cynllun cynhyrchiant \u2013 2025"
    assert metadata.language == "en-GB"
    assert metadata.author == "Policy Team"
    assert metadata.application == "Microsoft Word"
    assert metadata.producer == "Adobe PDF Library"
    assert metadata.created == "2025-03-01T12:00:00+01:00"


def test_title_falls_back_to_xmp_and_missing_fields_are_none(tmp_path):
    metadata = read(tmp_path, build_pdf(plan_pages(), xmp_title="Plan from XMP")).metadata
    assert metadata.title == "Plan from XMP"
    assert metadata.language is None and metadata.author is None and metadata.created is None


@pytest.mark.parametrize(("tagged", "marked", "expected"), [
    (True, True, True), (True, False, False), (False, False, False)])
def test_tagged_needs_mark_info_and_a_structure_tree(tmp_path, tagged, marked, expected):
    assert read(tmp_path, build_pdf(plan_pages(), tagged=tagged, marked=marked)).tagged is expected


def test_images_take_alt_text_from_figures_in_tagged_pdfs(tmp_path):
    pictures = [Picture(72, 400, alt="Chart of savings by year"), Picture(200, 400, artifact=True),
                Picture(300, 400)]
    column = Column()
    column.paragraph(*BODY)
    data = build_pdf([Page(texts=column.texts, pictures=pictures)], tagged=True)
    images = read(tmp_path, data).images
    assert [(image.alt, image.decorative) for image in images] == [
        ("Chart of savings by year", False), (None, True), (None, False)]
    assert [image.location for image in images] == [f"page 1, image {n}" for n in range(1, 4)]
    assert images[0].page == 1 and images[0].line == 1


def test_figures_that_mark_no_content_are_paired_with_images_in_order(tmp_path):
    pictures = [Picture(72, 400, alt="Chart of savings", linked=False),
                Picture(72, 200, alt="Map of the district", linked=False)]
    column = Column()
    column.paragraph(*BODY)
    data = build_pdf([Page(texts=column.texts, pictures=pictures)], tagged=True)
    images = read(tmp_path, data).images
    assert [(image.alt, image.decorative) for image in images] == [
        ("Chart of savings", False), ("Map of the district", False)]


def test_images_in_untagged_pdfs_have_no_alt_text(tmp_path):
    column = Column()
    column.paragraph(*BODY)
    data = build_pdf([Page(texts=column.texts, pictures=[Picture(72, 400, alt="ignored")])])
    assert [(image.alt, image.decorative) for image in read(tmp_path, data).images] == [(None, False)]


# -- bad input -------------------------------------------------------------------------------


def test_a_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path):
    document = read(tmp_path, build_pdf(plan_pages(), title="Secret plan", user_password=""))
    assert document.metadata.title == "Secret plan"
    assert document.headings()[0].text == "Productivity plan 2025"


def scanned() -> bytes:
    return build_pdf([Page(pictures=[Picture(0, 0, 612, 792)]) for _ in range(2)])


def truncated() -> bytes:
    data = build_pdf(plan_pages())
    return data[:len(data) // 2]


BAD_PDFS = {
    "encrypted": (lambda: build_pdf(plan_pages(), user_password="secret"),
                  "is encrypted and needs a password to open; save an unprotected copy"),
    "truncated": (truncated, "is damaged or truncated"),
    "garbage": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40, "is damaged or truncated"),
    "scanned": (scanned, "has no text layer (it looks scanned); run OCR on it or export it again "
                         "from the original document"),
    "no-pages": (lambda: build_pdf([]), "has no pages"),
}


@pytest.mark.parametrize("name", sorted(BAD_PDFS))
def test_bad_pdfs_raise_one_line_read_errors(tmp_path, name):
    make, message = BAD_PDFS[name]
    with pytest.raises(ReadError) as caught:
        read(tmp_path, make())
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_too_many_pages_is_refused(tmp_path):
    with pytest.raises(ReadError, match="too long to check"):
        read(tmp_path, build_pdf([Page() for _ in range(2001)]))


def test_a_page_without_text_among_others_is_noted(tmp_path):
    pages = plan_pages() + [Page(pictures=[Picture(0, 0, 612, 792)])] + plan_pages()
    document = read(tmp_path, build_pdf(pages))
    assert document.notes == ["page 3 without a text layer (scanned?) could not be checked"]


def plancheck_command() -> list[str]:
    script = Path(sys.executable).with_name("plancheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plancheck"]


def test_the_command_reports_each_bad_pdf_on_one_line_and_reads_the_rest(tmp_path):
    bad = [write(tmp_path, make(), f"{name}.pdf") for name, (make, _) in sorted(BAD_PDFS.items())]
    good = write(tmp_path, build_pdf(plan_pages()), "good.pdf")
    result = subprocess.run(plancheck_command() + ["--format", "json", str(good), *map(str, bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines):
        assert line.startswith(f"{path}: ")
        assert BAD_PDFS[path.stem][1] in line
    assert str(good) in result.stdout


def test_reading_leaves_the_file_unchanged(tmp_path):
    path = write(tmp_path, build_pdf(plan_pages(), tagged=True))
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    read_document(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


# -- PDFs made by LibreOffice from a Word document ----------------------------------------------

needs_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed; it makes the Word-to-PDF test files")


@pytest.fixture(scope="module")
def office_pdfs(tmp_path_factory):
    """A four-page plan as a tagged and as an untagged PDF."""
    work = tmp_path_factory.mktemp("office")
    return tagged_and_plain(plan_docx(work / "plan.docx", pages=4), work)


def tagged_and_plain(source: Path, work: Path) -> dict[str, Path]:
    return {"tagged": convert_to_pdf(source, work / "tagged", tagged=True),
            "plain": convert_to_pdf(source, work / "plain")}


@needs_libreoffice
@pytest.mark.parametrize("kind", ["tagged", "plain"])
def test_a_word_document_saved_as_pdf(office_pdfs, kind):
    document = read_document(office_pdfs[kind])
    assert document.pages == 4 and document.pages_method == "pdf"
    assert document.tagged is (kind == "tagged")
    assert [(h.text, h.level, h.page) for h in document.headings()] == [
        ("Productivity plan", 1, 1), ("Savings", 2, 1), ("Barriers", 3, 1),
        ("Section 2", 1, 2), ("Section 3", 1, 3), ("Section 4", 1, 4)]
    assert [b.text for b in document.blocks if b.kind == LIST_ITEM] == [
        "Shared back-office services with neighbouring councils",
        "Digital self-service for the most common requests"]
    assert kinds(document)[1][1].startswith("This plan sets out how the council will improve productivity.")
    assert [(link.text, link.target, link.page, link.section) for link in document.links] == [
        ("the council website", "https://example.org/plan", 1, ("Productivity plan", "Savings"))]
    assert document.metadata.title == "Productivity Plan 2025"
    assert document.metadata.author == "Test Council"
    assert document.metadata.language == "en-US"
    assert [b.text for b in document.headers_footers] == ["Draft productivity plan"] * 4
    expected_alt = "Chart of savings by year" if kind == "tagged" else None
    assert [(image.alt, image.page) for image in document.images] == [(expected_alt, 1)]
    assert document.notes == []


@needs_libreoffice
def test_a_truncated_word_pdf_is_damaged(office_pdfs, tmp_path):
    data = office_pdfs["plain"].read_bytes()
    with pytest.raises(ReadError, match="is damaged or truncated"):
        read(tmp_path, data[:len(data) // 2])


@needs_libreoffice
def test_a_four_page_pdf_is_checked_quickly(office_pdfs):
    started = time.perf_counter()
    result = subprocess.run(plancheck_command() + [str(office_pdfs["tagged"])], capture_output=True,
                            text=True, timeout=60)
    elapsed = time.perf_counter() - started
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)
    assert elapsed < 3  # about 0.3 s here; the margin is for slow CI machines


# -- tables, furniture and notes ------------------------------------------------------------------

@pytest.fixture(scope="module")
def structured_pdfs(tmp_path_factory):
    """The structured plan (contents, two tables, a footnote, a running footer) as PDFs."""
    work = tmp_path_factory.mktemp("structured")
    return tagged_and_plain(structured_plan(work / "plan.docx"), work)


@needs_libreoffice
@pytest.mark.parametrize("kind", ["tagged", "plain"])
def test_pdf_tables_are_rebuilt_row_by_row(structured_pdfs, kind):
    document = read_document(structured_pdfs[kind])
    tables = [b for b in document.blocks if b.kind == TABLE]
    assert [t.table.rows for t in tables] == [WORKFORCE_ROWS, SIGN_OFF_ROWS]
    assert [(t.page, t.section[-1]) for t in tables] == [(1, "Workforce"), (2, "Sign-off")]
    assert tables[0].text.splitlines()[1] == "Agency staff | 4.7%"
    # The cells are nowhere else: no loose "4.7%" or "Approved by" paragraphs.
    assert not [b for b in document.blocks if b.kind != TABLE and b.text in ("4.7%", "Approved by", "Cabinet")]
    # The table sits in reading order between the text above and below it.
    texts = [b.text for b in document.blocks]
    workforce = texts.index(tables[0].text)
    assert texts[workforce - 1].startswith("This productivity plan")
    assert texts[workforce + 1].startswith("Figures are taken from the payroll ledger")


@needs_libreoffice
def test_pdf_furniture_is_flagged(structured_pdfs):
    document = read_document(structured_pdfs["plain"])
    assert [(b.text, b.furniture) for b in document.blocks if b.furniture] == [
        ("Contents", "contents"), ("Workforce", "contents"), ("Sign-off", "contents")]
    assert [(b.text, b.part, b.furniture) for b in document.headers_footers] == [
        (f"DRAFT – Productivity Plan – Page {n} of 2", "footer", "running-footer") for n in (1, 2)]
    assert [h.text for h in document.headings() if not h.furniture] == [
        "Anyshire Council Productivity Plan", "Workforce", "Sign-off"]


@needs_libreoffice
def test_pdf_footnotes_are_attached_to_the_citing_sentence(structured_pdfs):
    document = read_document(structured_pdfs["plain"])
    citing = next(b for b in document.blocks if b.text.startswith("This productivity plan"))
    assert citing.text.startswith("This productivity plan sets out")  # the raised "1" is not text
    assert citing.notes == [(len("This productivity plan"), PUBLICATION_NOTE)]
    notes = [b for b in document.blocks if b.part == "footnote"]
    assert [(b.text, b.page, b.section) for b in notes] == [(PUBLICATION_NOTE, 1, citing.section)]
    assert document.blocks[-1] is notes[0]
    assert not [b for b in document.blocks if b.part == "body" and "Published on" in b.text]


def test_an_unruled_pdf_table_with_a_wrapped_cell_and_an_empty_cell_keeps_its_rows(tmp_path):
    column = Column()
    column.paragraph("Workforce figures for the year are set out below.")
    texts = list(column.texts)
    rows = [("Measure", "2023/24", 680), ("Agency staff", "4.7%", 660), ("Trade union facility", "0.1%", 640),
            ("time", None, 627.5), ("Consultants", None, 610), ("Interim managers", "0.9%", 590)]
    for label, value, y in rows:
        texts.append(Text(label, 72, y))
        if value:
            texts.append(Text(value, 300, y))
    texts.append(Text("These figures come from the payroll ledger at the end of the financial year.", 72, 560))
    document = read(tmp_path, build_pdf([Page(texts)]))
    table = next(b for b in document.blocks if b.kind == TABLE)
    assert table.table.rows == [["Measure", "2023/24"], ["Agency staff", "4.7%"],
                                ["Trade union facility time", "0.1%"], ["Consultants", ""],
                                ["Interim managers", "0.9%"]]
    assert [b.kind for b in document.blocks] == [PARAGRAPH, TABLE, PARAGRAPH]


def test_a_page_number_just_below_a_table_is_not_its_last_row(tmp_path):
    column = Column()
    column.paragraph("Workforce figures for the year are set out below.")
    texts = list(column.texts)
    for label, value, y in (("Measure", "2023/24", 680), ("Agency staff", "4.7%", 660), ("Consultants", "0.9%", 640)):
        texts += [Text(label, 72, y), Text(value, 300, y)]
    texts.append(Text("Page 6 of 6", 72, 627.5))
    document = read(tmp_path, build_pdf([Page(texts)]))
    table = next(b for b in document.blocks if b.kind == TABLE)
    assert table.table.rows == [["Measure", "2023/24"], ["Agency staff", "4.7%"], ["Consultants", "0.9%"]]


def test_two_columns_of_prose_are_not_a_table(tmp_path):
    left, right = Column(x=72), Column(x=320)
    for number in range(6):
        left.line(f"Line {number} of the left column runs on about our services here")
        right.line(f"Line {number} of the right column runs on about our budget there")
    document = read(tmp_path, build_pdf([Page(left.texts + right.texts)]))
    assert TABLE not in [b.kind for b in document.blocks]


@needs_libreoffice
def test_a_bold_line_set_close_under_a_ruled_table_is_not_its_last_row(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Our workforce figures for the last two years are below.")
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, [("", "2022/23", "2023/24"), ("Agency staff", "4.1%", "3.9%"),
                                       ("Consultants", "0.8%", "0.6%")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    notes = document.add_paragraph()
    notes.add_run("Notes to the table").bold = True
    notes.paragraph_format.space_before = 0
    document.add_paragraph("Figures are for the financial year and come from the payroll ledger.")
    document.save(tmp_path / "plan.docx")
    read = read_document(convert_to_pdf(tmp_path / "plan.docx", tmp_path / "pdf"))
    tables = [block.table.rows for block in read.blocks if block.kind == TABLE]
    assert tables == [[["", "2022/23", "2023/24"], ["Agency staff", "4.1%", "3.9%"], ["Consultants", "0.8%", "0.6%"]]]
    assert any(block.text == "Notes to the table" for block in read.blocks if block.kind != TABLE)


@needs_libreoffice
def test_two_ruled_tables_with_nothing_between_are_two_tables(tmp_path):
    import docx

    control = [("Document control", ""), ("Version", "1.2 (final)"), ("Approved by", "Cabinet"),
               ("Date of approval", "2 July 2024")]
    versions = [("Version", "Date", "Change"), ("0.1", "20 May 2024", "First draft"),
                ("1.0", "2 July 2024", "Approved by Cabinet")]
    document = docx.Document()
    document.add_paragraph("This plan sets out what we have done and what we will do next.")
    for rows in (control, versions):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, rows):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    document.save(tmp_path / "plan.docx")
    read = read_document(convert_to_pdf(tmp_path / "plan.docx", tmp_path / "pdf"))
    # Drawn as one box, each keeps the borders between its own columns.
    assert [block.table.rows for block in read.blocks if block.kind == TABLE] == \
        [[list(row) for row in control], [list(row) for row in versions]]


@needs_libreoffice
@pytest.mark.parametrize("change", [
    "Comments added",
    # The last cell wraps onto lines of its own, which reach down to the line under the table: that line is
    # still outside the first table's box.
    "Cabinet comments added; finance and HR figures still to be inserted before the final version goes to Cabinet",
])
def test_a_short_line_between_two_ruled_tables_ends_the_first(tmp_path, change):
    import docx

    def grid(document, rows):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, rows):
            for cell, text in zip(row.cells, cells):
                cell.text = text

    versions = [("Version", "Date", "Author", "Change"), ("0.1", "14 May 2024", "Policy team", "First outline"),
                ("0.2", "29 May 2024", "Policy team", change)]
    stages = [("Stage", "Date", "Status"), ("Corporate Management Team", "11 June 2024", "Complete"),
              ("Cabinet approval", "16 July 2024", "Pending")]
    document = docx.Document()
    document.add_paragraph("The versions of this plan, and the route it takes to sign-off, are below.")
    grid(document, versions)
    document.add_paragraph().add_run("Sign-off route").bold = True
    grid(document, stages)
    document.save(tmp_path / "plan.docx")
    read = read_document(convert_to_pdf(tmp_path / "plan.docx", tmp_path / "pdf"))
    assert [block.table.rows for block in read.blocks if block.kind == TABLE] == \
        [[list(row) for row in versions], [list(row) for row in stages]]
    assert any(block.text == "Sign-off route" for block in read.blocks if block.kind != TABLE)


@needs_libreoffice
def test_a_table_whose_rows_break_over_pages_is_read_whole(tmp_path):
    import docx

    words = ("merged teams and removed a tier of management, with savings reported to members each quarter and "
             "checked by the audit committee in its annual review of the programme").split()
    header = ("Area", "What we have done", "What we will do", "How we will measure it")
    rows = [header] + [(f"Service area {number}",
                        "Since 2022 we " + " ".join(words[:12 + number % 9]) + f" ({number} posts).",
                        "By 2026 we will " + " ".join(words[3:20 + number % 7]) + ".",
                        "Cost per case, and " + " ".join(words[5:9 + number % 5]) + ".")
                       for number in range(1, 41)]
    document = docx.Document()
    document.add_heading("Theme 1: how we have transformed the way we design and deliver services to make better "
                         "use of resources", level=2)
    table = document.add_table(rows=len(rows), cols=len(header))
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("The measures are reported to Cabinet each quarter.")
    document.save(tmp_path / "plan.docx")
    read = read_document(convert_to_pdf(tmp_path / "plan.docx", tmp_path / "pdf"))
    assert read.pages >= 3
    tables = [block for block in read.blocks if block.kind == TABLE]
    # One table over three pages and more, its rows whole where a row's cells ran on over a page break, and
    # under the heading set above it.
    assert [table.table.rows for table in tables] == [[list(row) for row in rows]]
    assert read.blocks.index(tables[0]) == 1 and read.blocks[0].text.startswith("Theme 1")


@needs_libreoffice
def test_a_word_broken_without_a_hyphen_in_a_narrow_pdf_table_cell_is_read_whole(tmp_path):
    import docx

    headings = ("Year", "Staff budget (£m)", "Agency spend (£m)", "Agency as % of staff budget",
                "Agency workers at 31 March", "Consultant spend (£m)", "Consultants as % of staff budget")
    document = docx.Document()
    document.add_paragraph("Our workforce figures for the last three years are below.")
    table = document.add_table(rows=2, cols=len(headings))
    table.style = "Table Grid"
    for row, cells in zip(table.rows, [headings, ("2023/24", "212.3", "12.3", "5.8%", "338", "2.5", "1.2%")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(tmp_path / "plan.docx")
    read = read_document(convert_to_pdf(tmp_path / "plan.docx", tmp_path / "pdf"))
    tables = [block.table.rows for block in read.blocks if block.kind == TABLE]
    # LibreOffice breaks "Consultant" and "Consultants" inside their cells; "Staff" over "budget" is a wrap.
    assert tables[0][0] == list(headings)
