"""The Word (.docx) reader: text, structure, annotations, pages and hostile files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

import docx_fixtures as fx
from plancheck.document import (BODY, ENDNOTE, FOOTER, FOOTNOTE, HEADER, LIST_ITEM, PARAGRAPH,
                                TABLE, TEXTBOX)
from plancheck.errors import ReadError
from plancheck.readers import ReadOptions, read_document

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="LibreOffice not installed")
ESTIMATE = ReadOptions(pages="estimate")


def read(path: Path, pages: str = "estimate"):
    return read_document(path, ReadOptions(pages=pages))


def texts(document, kind: str | None = None) -> list[str]:
    return [b.text for b in document.blocks if kind is None or b.kind == kind]


def block(document, text: str):
    return next(b for b in document.blocks if b.text == text)


# ---------------------------------------------------------------- headings and structure

def test_headings_from_styles_follow_base_styles(tmp_path):
    document = docx.Document()
    plan_heading = document.styles.add_style("Plan Heading", WD_STYLE_TYPE.PARAGRAPH)
    plan_heading.base_style = document.styles["Heading 2"]
    document.add_heading("Productivity plan", 0)
    document.add_heading("Our services", 1)
    document.add_paragraph("We run many services.")
    document.add_paragraph("Adult social care", style="Plan Heading")
    document.add_paragraph("Care costs are rising.")
    document.add_heading("Barriers", 3)
    result = read(fx.save(document, tmp_path / "plan.docx"))

    headings = [(h.text, h.level, h.heading_source, h.style) for h in result.headings()]
    assert headings == [("Productivity plan", 1, "style", "Title"),
                        ("Our services", 1, "style", "Heading 1"),
                        ("Adult social care", 2, "style", "Plan Heading"),
                        ("Barriers", 3, "style", "Heading 3")]
    assert block(result, "Care costs are rising.").section == ("Our services", "Adult social care")
    assert block(result, "We run many services.").section == ("Our services",)


def test_outline_levels_make_headings(tmp_path):
    document = docx.Document()
    outlined = document.styles.add_style("Council Section", WD_STYLE_TYPE.PARAGRAPH)
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "0")
    outlined.element.get_or_add_pPr().append(level)
    document.add_paragraph("Finance", style="Council Section")
    direct = document.add_paragraph("Savings to date")
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "1")
    direct._p.get_or_add_pPr().append(level)
    document.add_paragraph("We saved money.")
    result = read(fx.save(document, tmp_path / "plan.docx"))

    assert [(h.text, h.level, h.heading_source) for h in result.headings()] == [
        ("Finance", 1, "outline"), ("Savings to date", 2, "outline")]
    assert block(result, "We saved money.").section == ("Finance", "Savings to date")


def test_a_bold_numbered_title_ending_in_a_full_stop_is_a_heading_as_in_markdown(tmp_path):
    document = docx.Document()
    for text in ("Q21. Barriers to productivity and to better services.", "1. We saved £2m last year.",
                 # A question of fourteen words, bold, is a heading, as a bold line of up to 15 is in Markdown.
                 "What are your plans to improve data quality and make data available to residents?"):
        document.add_paragraph().add_run(text).bold = True
        document.add_paragraph("Text under it, long enough to be the body of the section that it opens.")
    result = read(fx.save(document, tmp_path / "plan.docx"))
    assert [h.text for h in result.headings()] == [
        "Q21. Barriers to productivity and to better services.",
        "What are your plans to improve data quality and make data available to residents?"]


def test_bold_short_lines_are_low_confidence_headings(tmp_path):
    document = docx.Document()

    def bold_line(text):
        document.add_paragraph().add_run(text).bold = True

    bold_line("Overview")
    document.add_paragraph("Text under the overview.")
    document.add_heading("Our plan", 1)
    bold_line("Digital services")
    bold_line("This bold sentence ends with a full stop.")
    bold_line("A bold line that is far too long to be taken for a heading by anyone reading it")
    mixed = document.add_paragraph()
    mixed.add_run("Partly").bold = True
    mixed.add_run(" bold")
    styled = document.styles.add_style("Strong Para", WD_STYLE_TYPE.PARAGRAPH)
    styled.font.bold = True
    document.add_paragraph("Styled bold line", style="Strong Para")
    # Like Word's own "TOC Heading": based on a heading, opted out by outline level 9.
    contents = document.styles.add_style("Contents Heading", WD_STYLE_TYPE.PARAGRAPH)
    contents.base_style = document.styles["Heading 1"]
    body_level = OxmlElement("w:outlineLvl")
    body_level.set(qn("w:val"), "9")
    contents.element.get_or_add_pPr().append(body_level)
    document.add_paragraph("Contents", style="Contents Heading")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("Bold cell").bold = True
    result = read(fx.save(document, tmp_path / "plan.docx"))

    headings = [(h.text, h.level, h.heading_source) for h in result.headings()]
    assert headings == [("Overview", 2, "bold"), ("Our plan", 1, "style"),
                        ("Digital services", 2, "bold"), ("Styled bold line", 2, "bold")]
    assert block(result, "Partly bold").kind == PARAGRAPH
    assert block(result, "This bold sentence ends with a full stop.").kind == PARAGRAPH
    assert block(result, "Bold cell").kind == TABLE
    assert block(result, "Contents").kind == PARAGRAPH


def test_list_items_from_numbering_and_list_styles(tmp_path):
    document = docx.Document()
    document.add_paragraph("Bulleted", style="List Bullet")
    document.add_paragraph("Numbered", style="List Number")
    numbered = document.add_paragraph("Directly numbered")
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", "1")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        numbering.append(element)
    numbered._p.get_or_add_pPr().append(numbering)
    document.add_paragraph("Plain")
    result = read(fx.save(document, tmp_path / "plan.docx"))

    assert texts(result, LIST_ITEM) == ["Bulleted", "Numbered", "Directly numbered"]
    assert texts(result, PARAGRAPH) == ["Plain"]


def test_locations_and_lines_are_ordinals(tmp_path):
    document = docx.Document()
    document.add_heading("Intro", 1)
    document.add_paragraph("")  # empty paragraphs are not blocks
    document.add_paragraph("First")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Cell"
    document.add_paragraph("Second")
    result = read(fx.save(document, tmp_path / "plan.docx"))

    assert [(b.location, b.line) for b in result.blocks] == [
        ("paragraph 1", 1), ("paragraph 2", 2), ("table 1", 3), ("paragraph 3", 4)]


# ---------------------------------------------------------------- text python-docx loses

def test_tracked_insertions_read_and_deletions_excluded(tmp_path):
    body = fx.paragraph(
        "The plan will save ",
        '<w:ins w:id="1" w:author="Ann Lee" w:date="2024-05-01T10:00:00Z">'
        + fx.run("£2 million") + "</w:ins>",
        '<w:del w:id="2" w:author="Bob Cole" w:date="2024-05-02T09:00:00Z">'
        '<w:r><w:delText>£1 million</w:delText></w:r></w:del>',
        " by 2026.")
    body += fx.paragraph('<w:moveFrom w:id="3" w:author="Ann Lee"><w:r><w:delText>Moved words'
                         '</w:delText></w:r></w:moveFrom>', "Staying words")
    body += fx.paragraph('<w:moveTo w:id="4" w:author="Ann Lee">' + fx.run("Moved words")
                         + "</w:moveTo>")
    result = read(fx.build(tmp_path / "plan.docx", body))

    assert texts(result) == ["The plan will save £2 million by 2026.", "Staying words",
                             "Moved words"]
    assert [(r.kind, r.text, r.author) for r in result.revisions] == [
        ("insert", "£2 million", "Ann Lee"), ("delete", "£1 million", "Bob Cole"),
        ("move-from", "Moved words", "Ann Lee"), ("move-to", "Moved words", "Ann Lee")]
    insertion = result.revisions[0]
    assert insertion.date == "2024-05-01T10:00:00Z"
    assert insertion.location == "paragraph 1" and insertion.line == 1


def test_content_controls_at_block_and_run_level(tmp_path):
    body = ('<w:sdt><w:sdtPr><w:alias w:val="Council name"/></w:sdtPr><w:sdtContent>'
            + fx.paragraph("Anytown Borough Council") + "</w:sdtContent></w:sdt>")
    body += fx.paragraph("Approved on ", '<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>'
                         + fx.run("1 July 2024") + "</w:sdtContent></w:sdt>", ".")
    result = read(fx.build(tmp_path / "plan.docx", body))

    assert texts(result) == ["Anytown Borough Council", "Approved on 1 July 2024."]


def test_text_box_read_once_from_alternate_content(tmp_path):
    box = fx.paragraph("Key fact: 40% of spend is on care")
    drawing = ('<w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/><a:graphic>'
               '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               f'<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>'
               '</a:graphicData></a:graphic></wp:anchor></w:drawing>')
    fallback = (f"<w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox>"
                "</v:shape></w:pict>")
    body = fx.paragraph("Before the box.", '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
                        f'{drawing}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback>'
                        '</mc:AlternateContent></w:r>')
    body += fx.paragraph("After the box.")
    result = read(fx.build(tmp_path / "plan.docx", body))

    assert [(b.text, b.part) for b in result.blocks] == [
        ("Before the box.", BODY), ("Key fact: 40% of spend is on care", TEXTBOX),
        ("After the box.", BODY)]
    assert result.images == []  # a text box is not a picture


def test_hidden_text_is_left_out(tmp_path):
    body = fx.paragraph("Shown", '<w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r>')
    result = read(fx.build(tmp_path / "plan.docx", body))
    assert texts(result) == ["Shown"]


def test_struck_through_text_is_left_out_as_crossed_out(tmp_path):
    body = fx.paragraph("Shown.", '<w:r><w:rPr><w:strike/></w:rPr><w:t> The plan will be published.</w:t></w:r>',
                        '<w:r><w:rPr><w:dstrike w:val="1"/></w:rPr><w:t> Twice struck.</w:t></w:r>',
                        '<w:r><w:rPr><w:strike w:val="0"/></w:rPr><w:t> Not struck.</w:t></w:r>')
    result = read(fx.build(tmp_path / "plan.docx", body))
    assert texts(result) == ["Shown. Not struck."]


# ---------------------------------------------------------------- tables

def test_tables_with_header_row_merged_and_nested_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for column, title in enumerate(("Saving", "2024", "2025")):
        table.cell(0, column).text = title
    table.cell(1, 0).text = "Digital"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "£1m over two years"
    table.cell(2, 0).text = "Estates"
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    plain = document.add_table(rows=1, cols=2)
    plain.cell(0, 0).text = "Outer"
    plain.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Inner"
    result = read(fx.save(document, tmp_path / "plan.docx"))

    first, second = [b for b in result.blocks if b.kind == TABLE]
    assert first.table.rows[0] == ["Saving", "2024", "2025"]
    # The spanned column stays, empty, so each value keeps its place under its heading.
    assert first.table.rows[1] == ["Digital", "£1m over two years", ""]
    assert first.table.header_row and first.table.merged_cells and not first.table.nested
    assert first.text == "Saving | 2024 | 2025\nDigital | £1m over two years\nEstates"
    assert second.table.nested and not second.table.header_row and not second.table.merged_cells
    assert "Inner" in second.text
    assert (first.location, second.location) == ("table 1", "table 2")


# ---------------------------------------------------------------- notes, headers, comments

def test_footnotes_and_endnotes_follow_the_body(tmp_path):
    document = docx.Document()
    document.add_heading("Costs", 1)
    body = (fx.paragraph("Costs", style="Heading1")
            + fx.paragraph("Spend rose by 4%", '<w:r><w:footnoteReference w:id="1"/></w:r>', ".")
            + fx.paragraph("See the annex", '<w:r><w:endnoteReference w:id="1"/></w:r>', "."))
    parts = (fx.notes_part("footnote", {1: "Source: budget book 2024."}),
             fx.notes_part("endnote", {1: "Annex A lists every saving."}))
    result = read(fx.build(tmp_path / "plan.docx", body, parts, document=document))

    assert [(b.text, b.part, b.location) for b in result.blocks[-2:]] == [
        ("Source: budget book 2024.", FOOTNOTE, "footnote 1"),
        ("Annex A lists every saving.", ENDNOTE, "endnote 1")]
    footnote = result.blocks[-2]
    assert footnote.section == ("Costs",)
    assert footnote.page == block(result, "Spend rose by 4%.").page == 1
    assert [b.line for b in result.blocks] == [1, 2, 3, 4, 5]


def test_headers_and_footers_are_kept_apart(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "DRAFT - not for publication"
    document.sections[0].footer.paragraphs[0].text = "Anytown Council"
    document.add_paragraph("Body text.")
    result = read(fx.save(document, tmp_path / "plan.docx"))

    assert texts(result) == ["Body text."]
    assert [(b.text, b.part, b.location) for b in result.headers_footers] == [
        ("DRAFT - not for publication", HEADER, "header 1"), ("Anytown Council", FOOTER, "footer 1")]
    assert result.words == 2


def test_comments_with_author_date_and_anchor(tmp_path):
    document = docx.Document()
    document.add_heading("Savings", 1)
    paragraph = document.add_paragraph()
    paragraph.add_run("We will save ")
    anchor = paragraph.add_run("two million pounds")
    paragraph.add_run(" by 2026.")
    document.add_comment(anchor, text="Source for this figure?", author="Priya Shah", initials="PS")
    result = read(fx.save(document, tmp_path / "plan.docx"))

    [comment] = result.comments
    assert (comment.author, comment.text, comment.anchor) == (
        "Priya Shah", "Source for this figure?", "two million pounds")
    assert comment.date and comment.location == "paragraph 2" and comment.section == ("Savings",)
    assert comment.page == 1 and not comment.resolved
    assert texts(result) == ["Savings", "We will save two million pounds by 2026."]


def test_comment_spanning_paragraphs_and_resolved_comments(tmp_path):
    body = fx.paragraph("Intro ", '<w:commentRangeStart w:id="7"/>', "first line")
    body += fx.paragraph("second line", '<w:commentRangeEnd w:id="7"/>',
                         '<w:r><w:commentReference w:id="7"/></w:r>')
    body += fx.paragraph('<w:commentRangeStart w:id="8"/>', "Done",
                         '<w:commentRangeEnd w:id="8"/>')
    w14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    comments = (f"<w:comments {fx.DECLARATIONS} {w14}>"
                '<w:comment w:id="7" w:author="Kim"><w:p w14:paraId="0000000A">'
                + fx.run("Too long") + '</w:p></w:comment>'
                '<w:comment w:id="8" w:author="Lee"><w:p w14:paraId="0000000B">'
                + fx.run("Fixed now") + "</w:p></w:comment></w:comments>")
    extended = ('<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
                '<w15:commentEx w15:paraId="0000000A" w15:done="0"/>'
                '<w15:commentEx w15:paraId="0000000B" w15:done="1"/></w15:commentsEx>')
    parts = (fx.Part("word/comments.xml", comments, "comments", fx.WORD_TYPE + "comments+xml"),
             fx.Part("word/commentsExtended.xml", extended,
                     "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                     fx.WORD_TYPE + "commentsExtended+xml"))
    result = read(fx.build(tmp_path / "plan.docx", body, parts))

    assert [(c.author, c.anchor, c.resolved, c.location) for c in result.comments] == [
        ("Kim", "first line\nsecond line", False, "paragraph 1"),
        ("Lee", "Done", True, "paragraph 3")]


# ---------------------------------------------------------------- links, bookmarks, images

def test_links_and_bookmarks(tmp_path):
    body = fx.paragraph('<w:bookmarkStart w:id="0" w:name="annex_a"/>', "Annex A",
                        '<w:bookmarkEnd w:id="0"/>', style="Heading1")
    body += fx.paragraph("Read ", '<w:hyperlink r:id="rIdLink1">' + fx.run("the guidance")
                         + "</w:hyperlink>", " and ", '<w:hyperlink w:anchor="annex_a">'
                         + fx.run("Annex A") + "</w:hyperlink>", ".")
    body += fx.paragraph(
        "Also ", '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.gov.uk/data" '
        "</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', fx.run("the data"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>', ".")
    result = read(fx.build(tmp_path / "plan.docx", body,
                           links={"rIdLink1": "https://www.gov.uk/guidance"}))

    assert [(link.text, link.target, link.internal, link.location) for link in result.links] == [
        ("the guidance", "https://www.gov.uk/guidance", False, "paragraph 2"),
        ("Annex A", "#annex_a", True, "paragraph 2"),
        ("the data", "https://example.gov.uk/data", False, "paragraph 3")]
    assert "annex_a" in result.bookmarks
    assert texts(result)[1:] == ["Read the guidance and Annex A.", "Also the data."]


def test_images_with_and_without_alt_text(tmp_path):
    document = docx.Document()
    document.add_heading("Charts", 1)
    described = document.add_paragraph().add_run().add_picture(fx.png())
    described._inline.docPr.set("descr", "Bar chart of spend by service")
    described._inline.docPr.set("title", "Spend chart")
    document.add_paragraph("Figure 1: spend by service")
    document.add_paragraph().add_run().add_picture(fx.png())  # no alt text
    floating = document.add_paragraph().add_run().add_picture(fx.png())
    floating._inline.docPr.set("descr", "   ")
    floating._inline.tag = qn("wp:anchor")  # a floating picture
    decorative = document.add_paragraph().add_run().add_picture(fx.png())
    extension_list = OxmlElement("a:extLst")
    extension = OxmlElement("a:ext")
    extension.set("uri", "{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
    flag = extension.makeelement(f"{{{fx.NS['adec']}}}decorative", {"val": "1"})
    extension.append(flag)
    extension_list.append(extension)
    decorative._inline.docPr.append(extension_list)
    document.add_paragraph("End.")
    result = read(fx.save(document, tmp_path / "plan.docx"))

    assert [(i.alt, i.title, i.floating, i.decorative) for i in result.images] == [
        ("Bar chart of spend by service", "Spend chart", False, False),
        (None, None, False, False), (None, None, True, False), (None, None, False, True)]
    assert result.images[0].location == "paragraph 2"  # an image alone cites the next text
    assert result.images[0].section == ("Charts",)


def test_legacy_pictures_and_charts(tmp_path):
    vml = ('<w:r><w:pict><v:shape style="position:absolute;width:40pt" alt="Map of the district">'
           '<v:imagedata r:id="rIdNone"/></v:shape></w:pict></w:r>')
    chart = ('<w:r><w:drawing><wp:inline><wp:docPr id="3" name="Chart 3"/><a:graphic>'
             '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/>'
             "</a:graphic></wp:inline></w:drawing></w:r>")
    result = read(fx.build(tmp_path / "plan.docx", fx.paragraph(vml, chart, "Maps and charts")))
    assert [(i.alt, i.floating) for i in result.images] == [("Map of the district", True),
                                                             (None, False)]


# ---------------------------------------------------------------- metadata

def test_metadata_from_core_and_app_properties(tmp_path):
    document = docx.Document()
    properties = document.core_properties
    properties.title, properties.author = "Productivity plan 2024", "Sam Green"
    properties.last_modified_by, properties.language = "Jo Black", "en-GB"
    document.add_paragraph("Text.")
    draft = fx.save(document, tmp_path / "draft.docx")

    def set_company(members):
        members["docProps/app.xml"] = members["docProps/app.xml"].replace(
            b"<Company/>", b"<Company>Anytown Borough Council</Company>")

    metadata = read(fx.rewrite(draft, tmp_path / "plan.docx", set_company)).metadata
    assert (metadata.title, metadata.author, metadata.last_modified_by, metadata.language) == (
        "Productivity plan 2024", "Sam Green", "Jo Black", "en-GB")
    assert metadata.company == "Anytown Borough Council"
    assert metadata.application == "Microsoft Macintosh Word"  # what python-docx's template says
    assert metadata.created.startswith("20") and metadata.modified.startswith("20")


def test_language_falls_back_to_styles(tmp_path):
    document = docx.Document()
    document.add_paragraph("Text.")
    assert read(fx.save(document, tmp_path / "defaults.docx")).metadata.language == "en-US"
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "cy-GB")
    document.styles["Normal"].element.get_or_add_rPr().append(language)
    assert read(fx.save(document, tmp_path / "normal.docx")).metadata.language == "cy-GB"


# ---------------------------------------------------------------- pages

def _paragraphs(count: int):
    document = docx.Document()
    for number in range(count):
        document.add_paragraph(f"Paragraph {number}")
    return document


def test_rendered_page_breaks_give_exact_pages(tmp_path):
    document = _paragraphs(6)
    # A hard break that Word also marked as rendered must count once.
    document.paragraphs[3].add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    draft = fx.save(document, tmp_path / "draft.docx")
    plan = fx.rendered_breaks(draft, tmp_path / "plan.docx", {2, 4})
    result = read(plan, pages="auto")

    assert result.pages_method == "rendered-breaks"
    assert result.pages == 3
    assert [b.page for b in result.blocks] == [1, 1, 2, 2, 3, 3]
    assert all(b.page_exact for b in result.blocks)


def test_rendered_breaks_ignored_when_asked_to_estimate(tmp_path):
    draft = fx.save(_paragraphs(4), tmp_path / "draft.docx")
    result = read(fx.rendered_breaks(draft, tmp_path / "plan.docx", {1, 2, 3}))
    assert (result.pages, result.pages_method) == (1, "estimate")
    assert not any(b.page_exact for b in result.blocks)


def test_estimate_honours_hard_breaks_and_sections(tmp_path):
    document = _paragraphs(2)
    document.add_page_break()
    document.add_paragraph("After a page break")
    document.add_section(WD_SECTION.CONTINUOUS)
    document.add_paragraph("Same page, new section")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("New page section")
    breaker = document.add_paragraph("Starts a page")
    breaker.paragraph_format.page_break_before = True
    result = read(fx.save(document, tmp_path / "plan.docx"))

    assert [b.page for b in result.blocks] == [1, 1, 2, 2, 3, 4]
    assert (result.pages, result.pages_method) == (4, "estimate")


def test_estimate_uses_the_documents_page_and_type(tmp_path):
    document = fx.long_document(1500)
    plan = read(fx.save(document, tmp_path / "plan.docx"))
    assert plan.pages_method == "estimate" and 3 <= plan.pages <= 5
    pages = [b.page for b in plan.blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == plan.pages

    document.styles["Normal"].font.size = Pt(22)
    bigger = read(fx.save(document, tmp_path / "bigger.docx"))
    assert bigger.pages > plan.pages * 1.5


@needs_libreoffice
def test_layout_counts_rendered_pages(tmp_path):
    plan = fx.save(fx.long_document(1500), tmp_path / "plan.docx")
    result = read(plan, pages="auto")  # no saved layout, so LibreOffice renders it

    assert result.pages_method == "layout" and 3 <= result.pages <= 5
    pages = [b.page for b in result.blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == result.pages
    assert all(b.page_exact for b in result.blocks)
    estimate = read(plan)
    assert abs(estimate.pages - result.pages) <= 1


@needs_libreoffice
def test_layout_mode_ignores_saved_breaks(tmp_path):
    draft = fx.save(_paragraphs(3), tmp_path / "draft.docx")
    plan = fx.rendered_breaks(draft, tmp_path / "plan.docx", {1, 2})
    result = read(plan, pages="layout")
    assert (result.pages, result.pages_method) == (1, "layout")


def test_layout_without_libreoffice_estimates_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_SOFFICE", str(tmp_path / "no-such-soffice"))
    result = read(fx.save(_paragraphs(3), tmp_path / "plan.docx"), pages="layout")
    assert result.pages_method == "estimate" and result.pages == 1
    assert any("LibreOffice is not installed" in note for note in result.notes)


def test_failed_layout_falls_back_to_estimate(tmp_path, monkeypatch):
    failing = tmp_path / "soffice"
    failing.write_text("#!/bin/sh\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setenv("PLANCHECK_SOFFICE", str(failing))
    result = read(fx.save(_paragraphs(3), tmp_path / "plan.docx"), pages="auto")
    assert result.pages_method == "estimate"
    assert any("LibreOffice could not lay the document out" in note for note in result.notes)


# ---------------------------------------------------------------- hostile and broken files

def _error(path: Path) -> str:
    with pytest.raises(ReadError) as caught:
        read_document(path, ESTIMATE)
    return str(caught.value)


def test_truncated_file(tmp_path):
    whole = fx.save(_paragraphs(3), tmp_path / "whole.docx").read_bytes()
    truncated = tmp_path / "plan.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert _error(truncated) == "is not a valid Word document: the file is truncated or corrupt"


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert _error(path) == "is a zip archive but not a Word document"


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    bomb = fx.zip_bomb(tmp_path / "plan.docx")
    assert bomb.stat().st_size < 3 * 1024 * 1024
    assert _error(bomb).startswith("looks like a zip bomb")


def test_too_many_parts(tmp_path):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(2001):
            archive.writestr(f"word/media/image{number}.png", b"")
    assert _error(path).startswith("has too many parts")


def _with_document_xml(tmp_path: Path, document_xml: str) -> Path:
    draft = fx.save(_paragraphs(1), tmp_path / "draft.docx")

    def replace(members):
        members["word/document.xml"] = document_xml.encode()

    return fx.rewrite(draft, tmp_path / "plan.docx", replace)


def test_entities_are_never_expanded(tmp_path):
    declaration = ('<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">'
                   '<!ENTITY big "EXPANDED">]>')
    body = fx.paragraph("Before &big; &secret; after")
    path = _with_document_xml(
        tmp_path, f'<?xml version="1.0"?>{declaration}<w:document {fx.DECLARATIONS}><w:body>{body}'
                  "</w:body></w:document>")
    text = read_document(path, ESTIMATE).text()
    assert "EXPANDED" not in text and "root:" not in text and text.startswith("Before")


def test_billion_laughs_is_refused_quickly(tmp_path):
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    body = fx.paragraph("&lol9;")
    path = _with_document_xml(
        tmp_path, f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
                  f"<w:document {fx.DECLARATIONS}><w:body>{body}</w:body></w:document>")
    assert "could not be parsed" in _error(path)


def test_reading_never_changes_the_input(tmp_path):
    plan = fx.save(fx.long_document(600), tmp_path / "plan.docx")
    before = (plan.read_bytes(), plan.stat().st_mtime_ns)
    modes = ["estimate", "auto"] + (["layout"] if shutil.which("soffice") else [])
    for mode in modes:
        read(plan, pages=mode)
    assert (plan.read_bytes(), plan.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]


def test_command_line_reports_pages_and_method(tmp_path):
    plan = fx.save(fx.long_document(1500), tmp_path / "plan.docx")
    script = Path(sys.executable).with_name("plancheck")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "plancheck"]
    finished = subprocess.run(command + [str(plan), "--format", "json", "--pages", "estimate"],
                              capture_output=True, text=True, timeout=60)
    payload = json.loads(finished.stdout)
    [document] = payload["documents"]
    facts = document.get("facts", document)
    assert facts["pages_method"] == "estimate" and 3 <= facts["pages"] <= 5


def test_a_vertically_merged_label_is_repeated_in_each_row_it_spans(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in enumerate([("Measure", "Share"), ("Agency staff", "4.7% (2023/24)"),
                                          ("", "5.1% (2022/23)")]):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
    table.cell(1, 0).merge(table.cell(2, 0))
    result = read(fx.save(document, tmp_path / "plan.docx"))
    rows = next(b for b in result.blocks if b.kind == TABLE).table.rows
    assert rows == [["Measure", "Share"], ["Agency staff", "4.7% (2023/24)"], ["Agency staff", "5.1% (2022/23)"]]


def test_the_structured_plan_gives_tables_furniture_and_notes(tmp_path):
    document = read(fx.structured_plan(tmp_path / "plan.docx"))
    assert [b.table.rows for b in document.blocks if b.kind == TABLE] == [fx.WORKFORCE_ROWS, fx.SIGN_OFF_ROWS]
    assert next(b for b in document.blocks if b.kind == TABLE).table.header_row
    assert [(b.text, b.furniture) for b in document.blocks if b.furniture] == [
        ("Contents", "contents"), ("Workforce", "contents"), ("Sign-off", "contents")]
    assert [(b.text, b.furniture) for b in document.headers_footers] == [
        ("DRAFT – Productivity Plan – Page 1 of 2", "running-footer")]
    citing = next(b for b in document.blocks if b.text.startswith("This productivity plan"))
    assert citing.text.startswith("This productivity plan sets out")
    assert citing.notes == [(len("This productivity plan"), fx.PUBLICATION_NOTE)]
    assert [(b.text, b.part, b.section) for b in document.blocks if b.part != "body"] == [
        (fx.PUBLICATION_NOTE, "footnote", citing.section)]


def test_contents_building_blocks_cover_pages_and_page_number_footers_are_furniture(tmp_path):
    def gallery(name: str, content: str) -> str:
        return (f'<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="{name}"/><w:docPartUnique/>'
                f"</w:docPartObj></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>")

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "7"
    document.sections[0].header.paragraphs[0].text = "Anyshire Council"
    body = (gallery("Cover Pages", fx.paragraph("Anyshire Council") + fx.paragraph("Productivity Plan 2024")
                    + fx.paragraph("Draft for Cabinet"))
            + gallery("Table of Contents", fx.paragraph("Contents") + fx.paragraph("Introduction\u00a0 .... 2"))
            + fx.paragraph("Introduction", style="Heading1") + fx.paragraph("We will do more with less."))
    result = read(fx.build(tmp_path / "plan.docx", body, document=document))
    assert [(b.text, b.furniture) for b in result.blocks] == [
        ("Anyshire Council", "cover"), ("Productivity Plan 2024", "cover"), ("Draft for Cabinet", "cover"),
        ("Contents", "contents"), ("Introduction", "contents"), ("Introduction", None),
        ("We will do more with less.", None)]
    assert [(b.text, b.furniture) for b in result.headers_footers] == [
        ("Anyshire Council", "running-header"), ("7", "page-number")]


def test_a_list_of_links_to_bookmarks_is_contents(tmp_path):
    # An "On this page" list made of links to the document's bookmarks, whatever the headings say.
    body = fx.paragraph("On this page", style="Heading2")
    for anchor, text in (("changed", "What we changed"), ("asks", "Our asks of government"),
                         ("members", "Who agreed it")):
        body += fx.paragraph(f'<w:hyperlink w:anchor="{anchor}">' + fx.run(text) + "</w:hyperlink>",
                             style="ListBullet")
    body += fx.paragraph('<w:bookmarkStart w:id="1" w:name="changed"/>', "What we have changed",
                         '<w:bookmarkEnd w:id="1"/>', style="Heading2")
    body += fx.paragraph("We merged three contact centres into one in 2021, saving £1.2m a year.")
    # A list item that is a link and says more is the council's own text.
    body += fx.paragraph('<w:hyperlink w:anchor="changed">' + fx.run("Our contact centre") + "</w:hyperlink>",
                         " now answers 80% of calls first time.", style="ListBullet")
    result = read(fx.build(tmp_path / "plan.docx", body))

    assert [b.text for b in result.blocks if b.furniture == "contents"] == [
        "What we changed", "Our asks of government", "Who agreed it"]
    assert any(b.furniture is None and b.text.startswith("Our contact centre") for b in result.blocks)


def test_a_list_of_links_to_other_pages_of_the_site_is_navigation(tmp_path):
    body = fx.paragraph("Related pages", style="Heading2")
    for number, (target, text) in enumerate((("/council/equality", "Equality and diversity at Mortgrove"),
                                             ("/council/pay", "Pay policy statement")), 1):
        body += fx.paragraph(f'<w:hyperlink r:id="rIdLink{number}">' + fx.run(text) + "</w:hyperlink>",
                             style="ListBullet")
    # A link to another site in a list is the council's own item.
    body += fx.paragraph('<w:hyperlink r:id="rIdLink3">' + fx.run("LGA productivity guidance") + "</w:hyperlink>",
                         style="ListBullet")
    result = read(fx.build(tmp_path / "plan.docx", body, links={
        "rIdLink1": "/council/equality", "rIdLink2": "/council/pay", "rIdLink3": "https://www.local.gov.uk/"}))
    assert [(b.text, b.furniture) for b in result.blocks if b.kind == "list-item"] == [
        ("Equality and diversity at Mortgrove", "navigation"), ("Pay policy statement", "navigation"),
        ("LGA productivity guidance", None)]


def test_a_typed_note_cited_in_a_table_cell_leaves_the_cell_its_value(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Share of staff budget", "2023/24"), ("Consultants", "0.9%¹")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph("¹ Excludes the review of our office estate, charged to the capital programme.")
    path = tmp_path / "plan.docx"
    document.save(path)
    read_back = read(path)
    cited = next(b for b in read_back.blocks if b.table is not None)
    # The cell reads as the Markdown form's does, and the note belongs to the table.
    assert cited.table.rows[1] == ["Consultants", "0.9%"]
    assert [note for _, note in cited.notes] == ["Excludes the review of our office estate, charged to the capital programme."]
