"""The labelled corpus plans read with the same tables, notes and contents in Markdown, Word and PDF.

corpus/formats.py writes each plan as a Word file (real tables, footnotes) and
LibreOffice lays that out as a PDF, as a council would publish it. Whatever the
form, the reader must give the same rows, each with its own label and values,
the same notes attached to the text citing them, and the same contents entries.
Only the plans that have any of these are built, to keep the test quick.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from corpus.formats import to_docx, to_pdfs
from pdf_fixtures import soffice
from plancheck.readers import ReadOptions, convert, read_document

pytestmark = pytest.mark.corpus

STRUCTURE = re.compile(r"^\|.*\|\s*$|\[\^[^\]]+\]|\.{5,}\s*\d+\s*$", re.MULTILINE)
CORPUS = Path(__file__).parent / "corpus"
SOURCES = [path for half in ("dev", "holdout") for path in sorted((CORPUS / half).glob("*.md"))
           if STRUCTURE.search(path.read_text(encoding="utf-8"))]


LIST_NUMBER = re.compile(r"^\d+[.)]\s+")


@cache  # each Markdown plan is read once, for the count and for its own comparison
def structure(path: Path) -> dict:
    document = read_document(path, ReadOptions(pages="estimate"))
    return {
        "tables": [[[" ".join(cell.split()) for cell in row] for row in block.table.rows]
                   for block in document.blocks if block.kind == "table"],
        "notes": [(block.text[max(0, offset - 20):offset], note)
                  for block in document.blocks for offset, note in block.notes],
        # (A numbered list's numbers are how a format draws it: Markdown and Word keep them out of the
        # text, a PDF prints them.)
        "contents": [LIST_NUMBER.sub("", block.text) for block in document.blocks if block.furniture == "contents"],
    }


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    assert soffice() is not None, "LibreOffice is needed to make the PDF forms"
    work = tmp_path_factory.mktemp("forms")
    word = [to_docx(source, work / (source.stem + ".docx")) for source in SOURCES]
    return dict(zip(SOURCES, zip(word, to_pdfs(word, work / "pdf"))))


def test_enough_plans_have_tables_notes_and_contents():
    found = {kind: sum(1 for path in SOURCES if structure(path)[kind]) for kind in ("tables", "notes", "contents")}
    assert found["tables"] >= 10 and found["notes"] >= 3 and found["contents"] >= 2, found


# What a PDF cannot say: LibreOffice breaks a word too long for a narrow cell with no hyphen
# ("accommodati" / "on"), which reads like two words, as it would to a screen reader.
# What the PDF reader does not get right yet: a cell wrapped over lines can lose its last line, a
# line just below an unruled table can be read as the table's last row, and a note LibreOffice carries
# over to the next page is read there as body text.
# What the PDF form does not carry: LibreOffice drops links to bookmarks the document lacks, so a
# web page's list of in-page links that do not each name a heading is contents in Markdown and Word
# (as a list of the document's own headings is in every form) but not in the PDF.
RELATED_LINKS = ("a web page's list of links to '#' (related pages) is contents in Markdown and Word; LibreOffice "
                 "drops such links from the PDF")
KNOWN_LIMITS = {"63-oxley-kpi-appendix-table": "a word broken without a hyphen in a narrow PDF table cell",
                "102-kingsholm-metropolitan-web-page": "an 'On this page' list of links, one of them to no "
                                                       "heading, is contents in Markdown and Word; the PDF form "
                                                       "has no such links",
                "105-culverden-london-tables-appendix": "the PDF form loses the wrapped last line of a table cell "
                                                        "('... when no council' / 'building is free')",
                "325-lindenmoor-london-numbered-refuse-heading-cabinet-noted": "the PDF form reads the wrapped last "
                                                                              "line of a table cell ('100,000') "
                                                                              "as a row of its own",
                "737-wyecaster-city-web-page-related-links-navigation": "a 'Related pages' list of links to the "
                                                                        "page itself ('#') is contents in Markdown; "
                                                                        "the PDF form has no such links",
                "756-corvingham-unitary-front-matter-contents-document-control-table-cabinet-approved-extract":
                    "a table typed with spaces in an indented block is a table in Markdown; formats.py writes its "
                    "lines as Word paragraphs, which are not read as a table",
                "773-elmhythe-unitary-extract-next-two-years-measures-table-targets-tbc-agency-years-target":
                    "the PDF form loses the wrapped last line of a table cell ('Online services available' / "
                    "'24/7')",
                "791-brockleigh-district-web-page-cabinet-discussed-general-reporting-nil-consultants-thin-tech":
                    "a list of links to the page itself ('#') is contents in Markdown and Word; the PDF form has "
                    "no such links",
                "799-harbridge-city-web-page-kpi-table-quarterly-scrutiny-related-links-footer-extract":
                    "a 'Related links' list of links to the page itself ('#') is contents in Markdown and Word; "
                    "the PDF form has no such links",
                "807-ranscombe-vale-district-workforce-annex-year-rows-worked-consultant-share-footnote-extract":
                    "a word broken without a hyphen in a narrow PDF table cell ('Consultant s')",
                "826-stannerby-unitary-web-page-related-links": "an 'On this page' list of links to headings worded "
                                                                "otherwise is contents in Markdown and Word; the PDF "
                                                                "form has no such links",
                "851-northmoor-county-workforce-annex-two-years-worked-shares-range-footnote-facility-extract":
                    "one note cited in two cells of a table: the PDF form reads the second cell's mark as part of "
                    "its text ('see note2')",
                "858-fallowden-unitary-web-page-generic-digital-cabinet-member-decision-facility-per-head":
                    "the PDF form loses the wrapped last line of a table cell ('Savings from the Spending' / "
                    "'Control Group'), and has no 'On this page' links",
                "886-thornleigh-district-web-page-cabinet-considered-generic-barriers": "an 'On this page' list of "
                                                                                        "links is contents in "
                                                                                        "Markdown and Word; the PDF "
                                                                                        "form has no such links",
                "821-pellingford-london-web-page-you-asked-cabinet-member-decision-worked-agency-negligible-facility":
                    "an 'On this page' list of links is contents in Markdown and Word; the PDF form has no such "
                    "links",
                "846-thornacre-unitary-web-page-savings-not-waste-thin-theme3": "a 'Related pages' list of links "
                                                                                "to the page itself ('#') is "
                                                                                "contents in Markdown and Word; "
                                                                                "the PDF form has no such links",
                "442-wexcombe-metropolitan-web-page-generic-digital-spend-under-people": "a 'Related pages' list "
                                                                                         "of links is contents in "
                                                                                         "Markdown, not contents in "
                                                                                         "the Word form",
                "540-yelverston-district-question-answer-table-portfolio-holder-decision": "the PDF form runs the "
                                                                                           "theme 3 question table, "
                                                                                           "the invest-to-save table "
                                                                                           "and the theme 4 table "
                                                                                           "together as one table",
                "635-ardenwick-metropolitan-finance-director-tables-years-worked-consultants-facility-control-table":
                    "the PDF form reads the wrapped end of a barrier table cell ('months; no long contracts') as a row "
                    "of its own and drops the bold 'Contents' line from the contents",
                "644-sallowfield-district-letter-asks-our-response-table-whole-plan-committee-system-edi-placeholder-worked-agency":
                    "the PDF form splits the whole-plan response table where a row breaks across a page, reading the "
                    "row's carried-over end as a row of its own and the rest as a second table",
                "1000-harlingmoor-unitary-web-page-nil-champions-per-cent":
                    RELATED_LINKS,
                "1021-otterhay-district-web-page-consultant-nil-worked-out-agency":
                    RELATED_LINKS,
                "1049-harnwick-district-web-page-furniture-sidebar-facility-time-worked-out-agency":
                    RELATED_LINKS,
                "1058-ollerby-london-borough-web-page-navigation-furniture-strong-plan":
                    RELATED_LINKS,
                "1073-culverton-city-web-page-own-headings-nil-champions":
                    RELATED_LINKS,
                "905-selsworth-county-web-page-navigation-leader-agreed-agency-years-worked-consultants-no-champions":
                    RELATED_LINKS,
                "929-caldbeck-moor-district-web-page-related-links":
                    RELATED_LINKS,
                "952-fernhallow-metropolitan-web-page-per-cent":
                    RELATED_LINKS,
                "985-kelsham-london-web-page-generic-tech-related-links":
                    RELATED_LINKS,
                "1080-marshford-london-borough-web-page-furniture-short-concrete-asks":
                    RELATED_LINKS + "; the PDF form also loses a table's header row whose first cell is empty",
                "901-kelsborough-metropolitan-leaders-letter-own-headings-combined-authority-cabinet-agreed":
                    "the PDF form loses the wrapped last line of a table cell ('Annual savings from' / "
                    "'Kelsborough Works')",
                "1189-brinkwell-district-web-page-committee-approved-explicit-nils":
                    RELATED_LINKS,
                "1156-tansley-vale-district-web-page-nav-related-links-furniture":
                    RELATED_LINKS,
                "1173-harnford-city-web-page-navigation-footer-executive-considered-vague-agency":
                    RELATED_LINKS,
                "1205-castlebeck-city-web-page-kpis-nav-footer":
                    RELATED_LINKS,
                "1231-tidesworth-county-web-page-own-headings-navigation-furniture":
                    RELATED_LINKS,
                "1187-colbeck-borough-reworded-questions-portfolio-holder-signoff-table-footnotes":
                    "the PDF form loses a table's header row whose first cell is empty ('| | Page |' over the "
                    "contents table)",
                "1178-ravensholme-metropolitan-own-headings-invest-to-save-table-sign-off-table":
                    "the PDF form reads the bold 'Our workforce.' line just below a table as the table's last "
                    "row, with the next table's header row, whose first cell is empty",
                "1094-highgarth-city-own-headings-full-council-short-concrete-asks-kpi-benchmarks":
                    "the PDF form loses the wrapped end of a table cell ('Households in bed' / 'and breakfast "
                    "for more than six weeks')",
                "1278-marlstone-county-web-page-officer-signoff-only-vague-workforce-figures":
                    RELATED_LINKS,
                "1282-thornhurst-borough-web-page-cabinet-considered-headcount-agency-consultant-nil":
                    RELATED_LINKS,
                "1298-harkmoor-unitary-web-page-group-leaders-only-money-figures-against-pay-bill":
                    RELATED_LINKS,
                "1328-kelsbrook-london-web-page-workforce-table-headcount-footer":
                    RELATED_LINKS,
                "1339-brackenmoor-district-web-page-extract-noting-only-sidebar-nil-facility-time":
                    RELATED_LINKS,
                "1351-hebbleside-district-web-page-own-headings-executive-agreed": RELATED_LINKS,
                "1386-corvedale-unitary-web-page-generic-tech-and-barriers-related-links": RELATED_LINKS,
                "1360-tarrowmere-district-web-page-committee-system-nil-facility-time-minimal-agency":
                    "the PDF form loses the wrapped last line of a table cell ('Planning applications decided' / "
                    "'on time')",
                "1400-brindleford-district-faq-doc-control-table-at-end-footnoted-figures":
                    "one note cited in two cells of a table: the PDF form gives the second cell the note after it, "
                    "and each later note moves up one",
                "1432-marrickdale-district-web-page-years-table-nil-consultants-pay-bill-share": RELATED_LINKS,
                "1396-stourleigh-district-web-page-worked-consultant-share-page-furniture-closing-line-executive":
                    RELATED_LINKS,
                "1448-corrowby-district-four-themes-annex-table-na-see-section-kpi-appendix":
                    "the PDF form runs the question table and the KPI table under 'Annex B' together as one table, "
                    "reading the wrapped ends of two cells as rows of their own",
                "1444-stanmere-london-cabinet-report-appendix-refuse-waste-heading-consultants-worked-out":
                    "the PDF form runs two tables with only a blank line between them together as one table",
                "1520-sorrelby-district-strong-kpi-baselines-doc-control-at-end":
                    "the PDF form loses the wrapped last line of a table cell ('... for more than a year (at 31' / "
                    "'March)')",
                "1490-quenford-borough-web-page-own-headings-leader-approves-after-cabinet-notes": RELATED_LINKS,
                "1516-bramleigh-london-web-page-plain-headings-conflicting-asks-edi-nil-leader-approved": RELATED_LINKS,
                "1547-rothwick-borough-cabinet-report-appendix-footers-facility-placeholder":
                    "the PDF form drops the header row of a two-column table whose first header cell is empty "
                    "('| | % of total staff budget |')",
                "1555-brackenhurst-borough-extract-workforce-table-footnotes-per-cent-nil":
                    "one note cited in three cells of a row: the PDF form gives the later cells the notes after it",
                "1576-cleckworth-metropolitan-web-page-cabinet-noted-navigation-furniture": RELATED_LINKS,
                "1538-orlingham-county-web-page-fire-service-vague-barriers-nil-consultants": RELATED_LINKS,
                "1564-merebrook-unitary-web-page-furniture-consultant-nil-per-cent": RELATED_LINKS,
                "1624-kettleby-wolds-district-full-reviewer-comments-waste-heading":
                    "the PDF form loses the wrapped last line of a table cell ('Residual waste per' / "
                    "'household (kg)')",
                "1652-marrowfield-metropolitan-full-web-page-programme-names-scorecard": RELATED_LINKS,
                "1660-thrushcombe-metropolitan-full-web-page-vague-sizes-considered-by-cabinet":
                    RELATED_LINKS + "; and the PDF form reads a table's last row as a table of its own",
                "1736-calderbrook-metropolitan-full-workforce-table-three-years":
                    "the PDF form loses the wrapped last line of a table cell ('Consultancy as % of' / 'pay bill')",
                "1741-culverdale-unitary-extract-gross-expenditure-base-worked-share":
                    "notes cited in the cells of a table's last row: the PDF form reads their marks as digits of the "
                    "cells, and attaches two of the plan's five notes",
                "1724-callowfield-borough-web-page-label-value-figures-related-links": RELATED_LINKS,
                "1728-stranmoor-unitary-own-headings-accordions-minimal-consultancy": RELATED_LINKS,
                "1772-kestlewick-london-borough-full-workforce-table-three-years-fte-facility-time":
                    "the PDF form reads one of the plan's three notes one character longer than the Markdown",
                "1776-brackenmoor-metropolitan-full-draft-placeholders-agency-year-missing":
                    "the PDF form reads a table's first row as a table of its own",
                "1800-hollinsford-city-own-headings-annex-question-table":
                    "the PDF form reads a table of eleven rows as two tables, of two rows and eight",
                "1820-calderbrook-metropolitan-plan-subject-to-cabinet-tbc-targets":
                    "the PDF form loses the wrapped last line of a cell in a table's last row",
                "1964-ashcombe-vale-district-full-question-grid-mixed-answers":
                    "the PDF form reads the end of a table cell carried over a page break as a row of its own",
                "1971-ferrowby-borough-extract-workforce-grid-tbc-with-status":
                    "the PDF form reads a table broken by a page as two tables, a row's cells split between them",
                "1979-brackenholt-london-borough-extract-five-asks-footnotes":
                    "a footnote cited twice: Word gives each citation a note of its own, and the PDF form ties "
                    "the second citation to the next note",
                "1988-brackenholt-borough-full-rich-past-placeholder-future":
                    "the PDF form reads the plan's one table as paragraphs",
                "2024-ashcombe-district-question-grid-see-section-signoff-table":
                    "two tables with only a blank line between them are drawn touching in the PDF form, of the "
                    "same columns, and read as one",
                "2070-langmere-county-grid-format-worked-shares-leader-endorsement":
                    "a word with a hyphen of its own broken at the hyphen in a narrow PDF table cell is read "
                    "joined ('county-' / 'wide' as 'countywide')",
                "2080-fallowmead-london-grid-contents-signoff-table":
                    "the PDF form loses the wrapped last line of a table cell ('… template' / 'for councils, NHS "
                    "and police.')",
                "2123-pellingham-london-borough-procurement-footnote-figures-extract":
                    "a footnote cited twice: Word gives each citation a note of its own, and the PDF form ties "
                    "the second citation to the next note",
                "2142-fellbridge-district-contents-footnotes-blank-cells":
                    "the PDF form reads a two-column table with blank answer cells as three columns, one answer "
                    "('n/a — no consultants engaged in 2023/24') in the third",
                "2144-wrexley-vale-district-qa-notes-summary-table":
                    "two tables with only a blank line between them are drawn touching in the PDF form, of the "
                    "same columns, and read as one",
                "2179-eastwold-unitary-executive-report-grid-appendix":
                    "the PDF form reads a table row carried over a page break as two rows, each cell's text "
                    "split between them",
                "2212-sollerby-metropolitan-plan":
                    "the PDF form reads the document-control table at the foot of the last page as a heading "
                    "over one paragraph: pdfminer groups both its columns, and the footer under it, into one "
                    "text box"}


@pytest.mark.parametrize("source", [
    pytest.param(path, marks=pytest.mark.xfail(reason=KNOWN_LIMITS[path.stem], strict=True))
    if path.stem in KNOWN_LIMITS else path for path in SOURCES], ids=lambda path: path.stem)
def test_word_and_pdf_forms_read_like_the_markdown(forms, source):
    expected = structure(source)
    word, pdf = forms[source]
    assert structure(word) == expected, "Word"
    assert structure(pdf) == expected, "PDF"


def test_page_texts_scanned_from_libreoffice_pdfs_are_what_pdfminer_interprets(forms):
    scanned = 0
    for _, pdf in forms.values():
        interpreted = convert._interpreted_page_texts(pdf)
        try:
            texts = convert._scanned_page_texts(pdf)
        except convert._NotSimple:
            continue
        scanned += 1
        assert texts == interpreted, pdf.name
        assert convert.page_texts(pdf) == interpreted
    # The scan is what LibreOffice's PDFs get, not a rare case.
    assert scanned == len(forms)
