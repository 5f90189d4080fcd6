"""The Word reader reads styles and core properties with lxml; python-docx is the reference.

Each test builds documents whose styles and properties python-docx reads
without complaint, then holds the reader's answers to python-docx's own.
"""

from __future__ import annotations

import random

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt
from lxml import etree

import docx_fixtures as fx
from plancheck.readers.docx import StyleSheet, _metadata, _w3cdtf
from plancheck.readers.safezip import open_package

TYPES = {WD_STYLE_TYPE.PARAGRAPH: "paragraph", WD_STYLE_TYPE.CHARACTER: "character",
         WD_STYLE_TYPE.TABLE: "table", WD_STYLE_TYPE.LIST: "numbering"}


def styles_xml(path):
    package = open_package(path)
    return package.xml("word/styles.xml")


def tricky_document(tmp_path):
    """Python-docx's template plus styles that exercise base chains, sizes and flags."""
    document = docx.Document()
    styles = document.styles
    styles["Normal"].font.size = Pt(11.5)
    heading = styles.add_style("Council Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = styles["Heading 2"]
    heading.font.size = Pt(15.5)
    quiet = styles.add_style("Quiet Heading", WD_STYLE_TYPE.PARAGRAPH)
    quiet.base_style = heading
    quiet.font.bold = False
    quiet.paragraph_format.page_break_before = True
    emphasis = styles.add_style("Loud", WD_STYLE_TYPE.CHARACTER)
    emphasis.font.bold = True
    softer = styles.add_style("Loud Child", WD_STYLE_TYPE.CHARACTER)
    softer.base_style = emphasis
    list_style = styles.add_style("Numbered Para", WD_STYLE_TYPE.PARAGRAPH)
    list_style.base_style = styles["List Number"]
    path = fx.save(document, tmp_path / "styles.docx")

    def edit(members):
        root = etree.fromstring(members["word/styles.xml"])
        w = fx.w
        # Sizes written as lengths, a style based on itself, one based on a missing style,
        # and one based on a style of another type.
        extra = f"""<w:styles {fx.DECLARATIONS}>
          <w:style w:type="paragraph" w:styleId="Measured"><w:name w:val="Measured"/>
            <w:rPr><w:sz w:val="11.5pt"/><w:b w:val="on"/></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="Metric"><w:name w:val="Metric"/>
            <w:rPr><w:sz w:val="4.2mm"/></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/>
            <w:basedOn w:val="Loop"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="Orphan"><w:name w:val="heading 3"/>
            <w:basedOn w:val="NoSuchStyle"/></w:style>
          <w:style w:type="paragraph" w:styleId="Crossed"><w:name w:val="Crossed"/>
            <w:basedOn w:val="Loud"/></w:style>
          <w:style w:type="paragraph" w:styleId="Unbroken"><w:name w:val="Unbroken"/>
            <w:pPr><w:pageBreakBefore w:val="false"/></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Nameless"><w:basedOn w:val="Heading1"/></w:style>
        </w:styles>"""
        for style in etree.fromstring(extra).iterchildren(w("style")):
            root.append(style)
        members["word/styles.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)

    return fx.rewrite(path, tmp_path / "tricky.docx", edit)


def reference_chain(style):
    chain, seen = [], set()
    while style is not None and style.style_id not in seen:
        if chain and style.type != chain[0].type:
            break
        seen.add(style.style_id)
        chain.append(style)
        style = getattr(style, "base_style", None)
    return chain


def test_each_style_reads_as_python_docx_reads_it(tmp_path):
    path = tricky_document(tmp_path)
    reference = docx.Document(str(path)).styles
    sheet = StyleSheet(styles_xml(path))
    mine = {style.style_id: style for style in sheet._styles}
    assert len(mine) == len(reference) > 150
    for style in reference:
        ours = mine[style.style_id]
        assert (ours.name, ours.type) == (style.name, TYPES[style.type]), style.style_id
        base = getattr(style, "base_style", None)
        assert (ours.base_style.style_id if ours.base_style else None) == (base.style_id if base else None)
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            size = style.font.size
            assert ours.font_size == (size.pt if size is not None else None), style.style_id
            assert ours.bold == style.font.bold, style.style_id
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.TABLE):
            assert ours.page_break_before == style.paragraph_format.page_break_before, style.style_id
    assert mine["Measured"].font_size == 11.5 and mine["Measured"].bold is True
    assert mine["Metric"].font_size == pytest.approx(11.9, abs=0.01)
    assert mine["Orphan"].name == "Heading 3"  # Word's internal name, reported as python-docx does


def test_resolved_paragraph_styles_follow_python_docxs_chains(tmp_path):
    path = tricky_document(tmp_path)
    reference = docx.Document(str(path)).styles
    sheet = StyleSheet(styles_xml(path))
    default = reference.default(WD_STYLE_TYPE.PARAGRAPH)
    assert sheet._default.style_id == default.style_id
    for style in reference:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        chain = reference_chain(style)
        resolved = sheet.paragraph(style.style_id)
        assert resolved.name == style.name
        assert resolved.bold == bool(next((s.font.bold for s in chain if s.font.bold is not None), None))
        breaks = next((s.paragraph_format.page_break_before for s in chain
                       if s.paragraph_format.page_break_before is not None), None)
        assert resolved.page_break_before == bool(breaks), style.style_id
        assert resolved.heading_family == any(
            (s.name or "").lower().startswith("heading ") or (s.name or "").lower() == "title"
            for s in chain), style.style_id
    assert sheet.paragraph("QuietHeading").heading == (2, "style")
    assert sheet.paragraph("QuietHeading").bold is False
    assert sheet.paragraph("QuietHeading").page_break_before is True
    assert sheet.paragraph("Crossed").name == "Crossed"  # a chain into a character style stops there
    assert sheet.paragraph("Loop").bold is False
    assert sheet.paragraph("NoSuchStyle").name == default.name
    for character in ("Loud", "LoudChild"):
        assert sheet.character_bold(character) is True
    assert sheet.font_size() == reference["Normal"].font.size.pt == 11.5


def test_core_properties_read_as_python_docx_reads_them(tmp_path):
    document = docx.Document()
    properties = document.core_properties
    properties.title = "Productivity plan 2024"
    properties.author = "Policy team"
    properties.last_modified_by = "Anytown Borough Council"
    properties.language = "en-GB"
    path = fx.save(document, tmp_path / "plan.docx")
    dates = ["2024-04-16T10:14:55Z", "2024-04-16T10:14:55+05:30", "2024-04-16T10:14:55-08:00",
             "2024-04-16", "2024-04", "2024", "16 April 2024", "", "2024-04-16T10:14:55+5:30"]
    for index, (created, modified) in enumerate(zip(dates, reversed(dates))):
        def edit(members):
            root = etree.fromstring(members["docProps/core.xml"])
            for tag, text in (("created", created), ("modified", modified)):
                element = root.find(f"{{http://purl.org/dc/terms/}}{tag}")
                element.text = text or None
            members["docProps/core.xml"] = etree.tostring(root)

        variant = fx.rewrite(path, tmp_path / f"dated-{index}.docx", edit)
        expected = docx.Document(str(variant)).core_properties
        package = open_package(variant)
        metadata = _metadata(package, StyleSheet(package.xml("word/styles.xml")))
        assert (metadata.title, metadata.author, metadata.last_modified_by, metadata.language) == (
            expected.title, expected.author, expected.last_modified_by, expected.language)
        for ours, name in ((metadata.created, "created"), (metadata.modified, "modified")):
            try:
                theirs = getattr(expected, name)
            except TypeError:  # python-docx on an empty date element
                theirs = None
            assert ours == (theirs.isoformat() if theirs else None), (created, modified)
    assert _w3cdtf("2024-04-16T10:14:55+05:30") == "2024-04-16T04:44:55+00:00"
    assert _w3cdtf("not a date") is None


def test_a_style_without_a_type_is_a_paragraph_style_where_python_docx_fails():
    root = etree.fromstring(f"""<w:styles {fx.DECLARATIONS}>
      <w:style w:styleId="Untyped"><w:name w:val="heading 2"/></w:style></w:styles>""")
    assert StyleSheet(root).paragraph("Untyped").heading == (2, "style")


def test_property_dates_parse_as_python_docx_parses_them():
    from docx.oxml.coreprops import CT_CoreProperties

    generator = random.Random(16042024)
    alphabet = "0123456789-T:+Z t"
    cases = ["2024-04-16T10:14:55Z", "2024-4-6", "2024-04-16t1:2:3", "2024-02-30", "2024-13",
             "2024-04- 5", "2024-04-16T10:14:61", "2024-04-16T10:14:55-0800", "2024-111", "٢٠٢٤-04-16"]
    cases += ["2024-" + "".join(generator.choice(alphabet) for _ in range(generator.randint(1, 20)))
              for _ in range(3000)]
    for text in cases:
        try:
            expected = CT_CoreProperties._parse_W3CDTF_to_datetime(text).isoformat()
        except ValueError:
            expected = None
        assert _w3cdtf(text) == expected, text
