"""Build the example plans in this folder.

    .venv/bin/python examples/make_examples.py

writes ``anyshire-productivity-plan-2024.docx`` (a compliant four-page plan
for a fictional council, with Word heading styles, a KPI table and its title
and language set in the document properties) and, when LibreOffice is
installed, ``anyshire-productivity-plan-2024.pdf`` converted from it. The weak
draft ``weak-draft-productivity-plan.md`` is written by hand and not made here.

Anyshire District Council, its towns, people and figures are invented. The
text is written for these examples; it follows the shape of the Minister's
letter of 16 April 2024, not any real council's plan.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
DOCX_NAME = "anyshire-productivity-plan-2024.docx"
PDF_NAME = "anyshire-productivity-plan-2024.pdf"
TITLE = "Anyshire District Council: Productivity Plan 2024"
# A tagged PDF (headings, reading order and language for screen readers), with the
# document title shown in the window title bar.
PDF_FILTER = ('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
              '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"}}')

# (style, text). "H1"/"H2" are Word's Heading 1/2, "P" a paragraph, "B" a
# bulleted list item, and "TABLE" a list of rows whose first row is the header.
PLAN: list[tuple[str, object]] = [
    ("TITLE", TITLE),
    ("P", "Anyshire District Council serves 121,000 residents across the market towns of Eastbridge, "
          "Harrowfield and Stoke Amble and 38 parishes. We employ 560 staff, and our net revenue budget for "
          "2024/25 is £18.6m. This plan sets out what we have changed since 2019 and what we will do next. "
          "It also says how residents can hold us to it, and what we need from government."),
    ("P", "Like every council, we have had to do more with less. Our core spending power fell by 21% in real "
          "terms between 2010/11 and 2023/24, while demand for homelessness support doubled. We have balanced "
          "every budget without using general reserves, but the gap for 2025/26 is £1.9m. The choices in "
          "this plan are how we intend to close it without cutting the services residents value most."),
    ("H1", "About this plan"),
    ("P", "This plan was endorsed by Cabinet on 9 July 2024, after the Overview and Scrutiny Committee "
          "reviewed a draft on 2 July 2024. It will be submitted to the Government by 19 July 2024. "
          "The plan will be published on the council's website in the week it is submitted, with the "
          "Cabinet report. Progress against this plan will be reported to Cabinet quarterly, and the plan "
          "will be refreshed every year alongside the medium term financial plan."),

    ("H1", "1. Transforming how we design and deliver services"),
    ("H2", "What we have changed since 2019"),
    ("P", "In 2020 we replaced eleven service departments with four directorates and one customer services "
          "team. This removed 31 management posts and saves £1.4m a year. Staff now work to one operating "
          "model: a first point of contact resolves simple requests, specialist teams take complex cases, "
          "and business support is shared."),
    ("P", "We have also changed how we recruit and keep staff. Our grow-our-own scheme has brought in 46 "
          "apprentices since 2021, and 31 of them are still with us. Hybrid working let us give up two of "
          "our four office buildings, saving £410,000 a year in running costs."),
    ("P", "We measure productivity through unit costs, such as cost per transaction and cost per household. "
          "Every year we benchmark them against our nearest statistical neighbours and the Oflog measures. "
          "Services with high unit costs are reviewed first."),
    ("P", "The changes have improved services:"),
    ("B", "We redesigned the housing options service around early contact. Households in temporary "
          "accommodation fell from 96 in March 2022 to 61 in March 2024."),
    ("B", "We moved benefit claims online with automatic checks, so the average time to process a new claim "
          "fell from 24 days to 9 days."),
    ("B", "We introduced route optimisation for refuse and recycling rounds. It took one vehicle off the road "
          "and saves £180,000 a year, and collection reliability improved to 99.7%."),
    ("P", "Prevention pays. Our home adaptations and falls prevention service, run with the NHS, helped "
          "412 residents in 2023/24. The local hospital trust estimates that it avoided 57 hospital "
          "admissions, worth about £260,000 to the health system."),
    ("P", "We also listen to residents. Our residents' survey had 2,300 replies in 2023, and 68% were "
          "satisfied with the way the council runs things, up from 61% in 2021."),
    ("H2", "Our plans for 2024 to 2026"),
    ("P", "Over the next two years our transformation programme will redesign planning and building "
          "control. It will also move licensing online and merge our two leisure contracts. Each project has a baseline and a target. We will measure the effect through the "
          "indicators at the end of this plan."),
    ("P", "We estimate that the service with the greatest potential for savings is planning and building "
          "control. End-to-end digital case handling could save £350,000 a year by 2026/27."),
    ("P", "Capital spending has a clear role. We invested £2.1m of capital in solar panels and a new heating "
          "system at Eastbridge Leisure Centre, which cut its energy bill by 38%. Our £6m town centre "
          "regeneration scheme in Harrowfield is bringing empty shops back into use."),
    ("P", "We also support locally-led reform. Integrating our housing, benefits and debt advice teams with "
          "the county council's early help service would make services more sustainable and resilient. "
          "Residents would be helped once, and earlier, instead of by three teams in turn."),

    ("H1", "2. Using technology and data to make better decisions"),
    ("P", "Our digital strategy for 2023 to 2026 has three aims: online services, data that staff trust, and "
          "systems that talk to each other. Today 71% of customer transactions start online, up from 42% in "
          "2019."),
    ("P", "To improve data quality, we created a small data team in 2023. It cleanses the address gazetteer "
          "and council tax records every month. It also publishes open data on spending, planning and "
          "waste on our data portal, so residents can see how services are performing."),
    ("P", "Legacy systems are a real barrier. Our revenues and housing systems are more than fifteen years "
          "old, cannot share data without manual exports, and cost £240,000 a year to support. We will "
          "replace the housing system in 2025 with a cloud platform that connects to our customer portal."),
    ("P", "We share data every week with Anyshire Police and the county council through the community "
          "safety partnership. Every month we share data with the NHS to identify residents at risk of "
          "falls. This sharing is useful: it has helped target joint patrols on anti-social behaviour hot "
          "spots and reach older residents before a crisis."),
    ("P", "Good data now drives decisions. Every director has a live dashboard of demand, cost and "
          "performance for their services, and Cabinet members see the same figures. Budget decisions are "
          "made on evidence rather than on last year's spending. We also protect the data we hold: all "
          "staff complete cyber security training every year, and we met the Cyber Assessment Framework "
          "baseline in 2024."),
    ("P", "We are using new technology where it improves workflows. Robotic process automation now handles "
          "12,000 council tax changes a year. We are piloting AI to summarise planning consultation "
          "responses, and predictive analytics to flag households at risk of homelessness."),

    ("H1", "3. Reducing wasteful spend"),
    ("P", "We look for wasteful spend in three ways. A spend control panel reviews every non-contract "
          "purchase over £5,000. Every contract over £100,000 is reviewed each year, and we benchmark unit "
          "costs. Savings are tracked monthly by the Corporate Leadership Team and reported to Cabinet each "
          "quarter."),
    ("P", "Procurement is a large part of this work. Since 2022 we have bought through regional frameworks "
          "wherever they offer better value, and we have cut our number of suppliers by a third. Contracts "
          "are no longer renewed automatically: every renewal starts by asking whether the service is still "
          "needed."),
    ("P", "Our governance for accountability of spend is clear. Budget holders sign off spend within their "
          "budgets and the spend control panel approves exceptions. The Audit and Governance Committee "
          "reviews the controls each year."),
    ("P", "Invest to save works for us. We invested £450,000 in LED street lighting in 2021, which now saves "
          "£160,000 a year, a payback of under three years."),
    ("P", "We share a revenues and benefits service and an internal audit team with Westmoor District "
          "Council. This saves each council about £300,000 a year and makes both teams more resilient. "
          "We also share the cost of external training with neighbouring councils. An annual training plan "
          "agreed with the county council means that we and our upper-tier authority do not both buy the "
          "same courses."),
    ("P", "We are not part of a combined authority or a devolution deal. We are working with the county "
          "council and the other districts on a proposed county deal, and would welcome devolved funding "
          "for housing and skills."),
    ("H2", "Agency staff, consultants and facility time"),
    ("P", "Agency staff cost 3.8% of our total staff budget in 2023/24, down from 4.6% in 2022/23. "
          "Consultants cost 1.1% of the staff budget in 2023/24. Any agency or consultancy engagement over "
          "twelve weeks needs a director's approval and a value for money review. Four agency workers and "
          "no consultants have been in place for over a year. We plan to fill those four roles with "
          "permanent staff by March 2025."),
    ("P", "Trade union facility time cost 0.09% of our paybill in 2023/24, and we publish the figure every "
          "year."),
    ("H2", "Equality, diversity and inclusion"),
    ("P", "In 2023/24 we spent £4,800 on external EDI training, and staff spent about 260 hours on internal "
          "e-learning. We have 9 EDI champions, who give up to two hours a month to the role. EDI training "
          "time and cost are logged in our learning system and reported to the Employment Committee each "
          "year. We assess the effectiveness of training through the annual staff survey."),

    ("H1", "4. Barriers the Government could help remove"),
    ("P", "The biggest barrier to productivity is uncertainty. One-year finance settlements and late grant "
          "allocations stop us planning beyond twelve months. We also spend time bidding for small pots "
          "of money, time that could be spent on services."),
    ("P", "The barriers to improving services are consistent across services. Housing, planning and "
          "environmental health all face the same recruitment difficulties, and national systems that do "
          "not share data with councils."),
    ("P", "Recruitment is a particular constraint on productivity. Some of our planning and environmental "
          "health posts have been empty for over a year. There are too few qualified staff in the "
          "country. Filling the gaps with agency staff costs us up to half as much "
          "again. The market for temporary accommodation is another barrier. Nightly-paid rooms in "
          "Eastbridge now cost £65 a night, and we recover less than half of that through housing benefit."),
    ("P", "The market could help too. Software suppliers charge each council to connect its systems, and "
          "each council negotiates alone. National contracts with open data standards would cut those costs "
          "for every council."),
    ("P", "We ask the Government to:"),
    ("B", "provide multi-year settlements, and complete the fair funding review, so we can plan for three "
          "years;"),
    ("B", "replace competitive bidding with allocations based on need, and remove ringfencing of small "
          "grants;"),
    ("B", "allow planning fees to cover the full cost of the service;"),
    ("B", "fund temporary accommodation properly through the housing benefit subsidy, which has not "
          "changed since 2011; and"),
    ("B", "give councils access to national data, such as DWP records, to identify residents who need help "
          "earlier."),

    ("H1", "Measuring progress: our key performance indicators"),
    ("P", "We will track this plan through these indicators, each with a target for March 2026. They will "
          "also appear on the performance pages of our website."),
    ("TABLE", [
        ["Indicator", "2022/23", "2023/24", "Target 2025/26"],
        ["Customer transactions started online", "63%", "71%", "80%"],
        ["Average days to process a new benefit claim", "15", "9", "8"],
        ["Households in temporary accommodation", "78", "61", "50"],
        ["Agency staff as a share of the staff budget", "4.6%", "3.8%", "3.0%"],
        ["Savings delivered in the year", "£0.9m", "£1.2m", "£1.5m"],
        ["Staff sickness days per employee", "9.1", "8.4", "7.5"],
    ]),
    ("P", "With our partners in the NHS and Anyshire Police, we will also report shared measures, such as "
          "falls prevented and anti-social behaviour incidents."),
]


def set_font(style, name: str, size: float, bold: bool | None = None) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    # East Asian and complex-script fonts too, or LibreOffice falls back to the template's.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def set_language(document, tag: str) -> None:
    """The default language of the text (w:lang in the document defaults)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def build_docx(path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25.4))

    styles = document.styles
    set_font(styles["Normal"], "Calibri", 11)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    styles["Normal"].paragraph_format.line_spacing = 1.08
    set_font(styles["Title"], "Calibri", 20, bold=True)
    set_font(styles["Heading 1"], "Calibri", 14, bold=True)
    set_font(styles["Heading 2"], "Calibri", 12, bold=True)
    for name in ("Heading 1", "Heading 2"):
        styles[name].paragraph_format.space_before = Pt(10)
        styles[name].paragraph_format.space_after = Pt(4)
    styles["Title"].paragraph_format.space_after = Pt(8)
    set_language(document, "en-GB")

    for kind, content in PLAN:
        if kind == "TITLE":
            document.add_paragraph(content, style="Title")
        elif kind == "H1":
            document.add_heading(content, level=1)
        elif kind == "H2":
            document.add_heading(content, level=2)
        elif kind == "P":
            document.add_paragraph(content)
        elif kind == "B":
            paragraph = document.add_paragraph(content, style="List Bullet")
            paragraph.paragraph_format.space_after = Pt(2)
        elif kind == "TABLE":
            rows = content
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            # Repeat the header row if the table breaks across pages (and mark it as a header).
            header = table.rows[0]._tr.get_or_add_trPr()
            header.append(header.makeelement(qn("w:tblHeader"), {}))
        else:
            raise ValueError(kind)
    properties = document.core_properties
    properties.title = TITLE
    properties.language = "en-GB"
    properties.author = "Anyshire District Council"
    properties.subject = "Productivity plan 2024 (fictional example for plancheck)"
    properties.comments = ""
    stamp = dt.datetime(2024, 7, 9, 12, 0, 0)
    properties.created = properties.modified = stamp
    properties.last_modified_by = "Anyshire District Council"
    properties.revision = 1
    document.save(path)


def build_pdf(docx_path: Path, pdf_path: Path) -> bool:
    """Convert with LibreOffice, in a throw-away profile. False when it is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice not found: the PDF was not rebuilt", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory(prefix="plancheck-examples-") as work:
        work_dir = Path(work)
        command = [soffice, f"-env:UserInstallation=file://{work_dir / 'profile'}", "--headless",
                   "--norestore", "--convert-to", PDF_FILTER, "--outdir", str(work_dir), str(docx_path)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=180, env=dict(os.environ, HOME=str(work_dir)))
        shutil.copyfile(work_dir / (docx_path.stem + ".pdf"), pdf_path)
    return True


def main() -> int:
    docx_path = HERE / DOCX_NAME
    build_docx(docx_path)
    print(f"wrote {docx_path.relative_to(HERE.parent)}")
    if build_pdf(docx_path, HERE / PDF_NAME):
        print(f"wrote {(HERE / PDF_NAME).relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
