"""The Markdown and plain-text reader: headings in every form councils write, lists, tables, links."""

from __future__ import annotations

import pytest

from plancheck.document import LIST_ITEM, PARAGRAPH, TABLE
from plancheck.readers import ReadOptions, read_document

BODY = ("We rebuilt the customer front door around one assessment team, which now resolves most contacts "
        "on the first call and has cut repeat contact by a third since 2022.")


def read(tmp_path, text: str, name: str = "plan.md", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_document(path, ReadOptions(pages="estimate"))


def headings(document):
    return [(h.text, h.level, h.heading_source) for h in document.headings()]


def test_markdown_headings_atx_and_setext_with_sections(tmp_path):
    document = read(tmp_path, f"Productivity plan\n=================\n\n## Technology and data ##\n\n{BODY}\n\n"
                              f"Barriers\n--------\n\n{BODY}\n")
    assert headings(document) == [("Productivity plan", 1, "markdown"), ("Technology and data", 2, "markdown"),
                                  ("Barriers", 2, "markdown")]
    paragraph = document.blocks[2]
    assert paragraph.kind == PARAGRAPH and paragraph.section == ("Productivity plan", "Technology and data")
    assert paragraph.location == "line 6" and paragraph.line == 6


def test_a_bold_line_in_markdown_is_a_heading_of_lower_confidence(tmp_path):
    document = read(tmp_path, f"# Plan\n\n**Reducing wasteful spend**\n\n{BODY}\n")
    assert headings(document) == [("Plan", 1, "markdown"), ("Reducing wasteful spend", 2, "bold")]


def test_a_line_in_italics_under_a_heading_is_text_and_leaves_the_section_whole(tmp_path):
    document = read(tmp_path, f"## 4. Barriers to progress\n\n*London Borough of Fallowmead Productivity Plan "
                              f"2024*\n\n{BODY}\n")
    assert headings(document) == [("4. Barriers to progress", 2, "markdown")]
    assert all(block.section == ("4. Barriers to progress",) for block in document.blocks[1:])
    # A short plain line over body text is still read as a heading.
    plain = read(tmp_path, f"## 4. Barriers to progress\n\nWhat holds us back\n\n{BODY}\n")
    assert [h[0] for h in headings(plain)] == ["4. Barriers to progress", "What holds us back"]


def test_plain_text_headings_numbered_theme_and_standalone_lines(tmp_path):
    text = (f"Borsetshire Council Productivity Plan\n\nTheme One: Transforming our services\n\n{BODY}\n\n"
            f"2.) Digital and data\n\n{BODY}\n\n3.1 Agency staff\n\n{BODY}\n\n"
            f"What are the barriers that prevent us making progress?\n\n{BODY}\n\n"
            f"Key responsibilities of managers include:\n\n- Monitoring the budget\n- Managing resources\n")
    document = read(tmp_path, text, "plan.txt")
    assert document.format == "text"
    assert headings(document) == [
        ("Borsetshire Council Productivity Plan", 1, "line"),
        ("Theme One: Transforming our services", 2, "line"),
        ("2.) Digital and data", 2, "line"),
        ("3.1 Agency staff", 3, "line"),
        ("What are the barriers that prevent us making progress?", 2, "line"),
    ]
    kinds = [b.kind for b in document.blocks[-3:]]
    assert kinds == [PARAGRAPH, LIST_ITEM, LIST_ITEM]  # a lead-in ending in ":" is not a heading


def test_a_numbered_list_in_one_paragraph_is_a_list_not_headings(tmp_path):
    document = read(tmp_path, "Intro\n\n1. First theme\n2. Second theme\n3. Third theme\n", "plan.txt")
    assert [b.kind for b in document.blocks[1:]] == [LIST_ITEM] * 3
    assert [b.text for b in document.blocks[1:]] == ["First theme", "Second theme", "Third theme"]


def test_pipe_table_links_images_and_bare_urls(tmp_path):
    text = ("# KPIs\n\n| Indicator | 2023/24 |\n|---|---|\n| Agency spend | 4.1% |\n\n"
            "See [our dashboard](https://example.gov.uk/kpi) or [here](#) and https://example.gov.uk/raw.\n\n"
            "![Chart of spend](chart.png) ![](decor.png)\n")
    document = read(tmp_path, text)
    table = next(b for b in document.blocks if b.kind == TABLE)
    assert table.table.header_row and table.table.rows == [["Indicator", "2023/24"], ["Agency spend", "4.1%"]]
    assert [(link.text, link.target) for link in document.links] == [
        ("our dashboard", "https://example.gov.uk/kpi"), ("here", "#"),
        ("https://example.gov.uk/raw.", "https://example.gov.uk/raw.")]
    assert [image.alt for image in document.images] == ["Chart of spend", None]


def test_front_matter_gives_title_and_language_and_is_not_text(tmp_path):
    document = read(tmp_path, f"---\ntitle: Anyshire productivity plan\nlang: en-GB\n---\n\n# Plan\n\n{BODY}\n")
    assert document.metadata.title == "Anyshire productivity plan"
    assert document.metadata.language == "en-GB"
    assert document.blocks[0].text == "Plan" and document.blocks[0].line == 6


def test_windows_1252_text_is_decoded(tmp_path):
    document = read(tmp_path, "Plan\n\nWe saved £1.2m \u2013 a fifth of the council\u2019s target.\n",
                    "plan.txt", encoding="cp1252")
    assert "£1.2m – a fifth of the council’s target." in document.text()


def test_page_estimate_grows_with_the_text(tmp_path):
    short = read(tmp_path, f"# Plan\n\n{BODY}\n", "short.md")
    long = read(tmp_path, "# Plan\n\n" + f"{BODY}\n\n" * 80, "long.md")
    assert (short.pages, short.pages_method) == (1, "estimate")
    assert 3 <= long.pages <= 5
    assert long.blocks[-1].page == long.pages and not long.blocks[-1].page_exact


def test_pipe_tables_without_outer_pipes_keep_each_rows_values(tmp_path):
    text = ("# Workforce\n\nMeasure | Share of staff budget 2023/24\n---|---\nAgency staff | 4.7%\n"
            "Consultants | 1.2%\nTrade union facility time | 0.1%\n\nThe figures come from the ledger.\n")
    for name in ("plan.md", "plan.txt"):
        table = next(b for b in read(tmp_path, text, name).blocks if b.kind == TABLE)
        assert table.table.header_row
        assert table.table.rows == [["Measure", "Share of staff budget 2023/24"], ["Agency staff", "4.7%"],
                                    ["Consultants", "1.2%"], ["Trade union facility time", "0.1%"]]
        assert table.text.splitlines()[3] == "Trade union facility time | 0.1%"


def test_a_sign_off_table_after_a_lead_in_line_keeps_label_and_value_together(tmp_path):
    text = ("# Document control\n\nThis plan was signed off as follows:\n| Approved by | Cabinet |\n"
            "|:--|:--|\n| Date | 9 July 2024 |\n| Status | Final | extra |\n| Owner |\n")
    document = read(tmp_path, text)
    assert [b.kind for b in document.blocks] == ["heading", PARAGRAPH, TABLE]
    rows = document.blocks[2].table.rows
    assert rows == [["Approved by", "Cabinet", ""], ["Date", "9 July 2024", ""],
                    ["Status", "Final", "extra"], ["Owner", "", ""]]
    assert document.blocks[2].line == 4


def test_escaped_pipes_stay_in_their_cell(tmp_path):
    text = "| Measure | Value |\n| --- | --- |\n| Agency \\| interim staff | 4.7% |\n"
    rows = read(tmp_path, text).blocks[0].table.rows
    assert rows[1] == ["Agency | interim staff", "4.7%"]


def test_contents_lines_and_page_numbers_are_flagged_furniture_in_text_and_markdown(tmp_path):
    text = (f"Anyshire Productivity Plan\n\nContents\nIntroduction ........ 2\nBarriers and our asks …. 4\n\n"
            f"Introduction\n\n{BODY}\n\nPage 1 of 4\n\n"
            f"Barriers\n\n{BODY}\nDRAFT – Productivity Plan – Page 3 of 4\n")
    for name in ("plan.txt", "plan.md"):
        document = read(tmp_path, text, name)
        flagged = [(b.text, b.furniture) for b in document.blocks if b.furniture]
        assert flagged == [("Contents", "contents"), ("Introduction", "contents"),
                           ("Barriers and our asks", "contents"), ("Page 1 of 4", "page-number"),
                           ("DRAFT – Productivity Plan – Page 3 of 4", "running-footer")], name
        body = [b for b in document.blocks if b.text == BODY]
        assert len(body) == 2 and not any(b.furniture for b in body)
        assert [h.text for h in document.headings() if not h.furniture][-2:] == ["Introduction", "Barriers"]


def test_a_list_of_links_to_the_documents_own_headings_is_a_contents_list(tmp_path):
    text = (f"# Plan\n\n## Contents\n\n- [Introduction](#introduction)\n- [Barriers](#barriers)\n\n"
            f"## Introduction\n\n- [Our dashboard](https://example.gov.uk/kpi)\n- Read [the survey](#survey) here\n\n"
            f"## Barriers\n\n{BODY}\n")
    document = read(tmp_path, text)
    assert [(b.text, b.furniture) for b in document.blocks if b.furniture] == [
        ("Contents", "contents"), ("Introduction", "contents"), ("Barriers", "contents")]
    assert [b.text for b in document.blocks if b.kind == LIST_ITEM and not b.furniture] == [
        "Our dashboard", "Read the survey here"]


def test_footnotes_are_attached_to_the_sentence_that_cites_them(tmp_path):
    text = ("# Publication\n\nThis productivity plan[^web] will be published in July.[^2]\n\n"
            "| Measure | 2023/24 |\n|---|---|\n| Agency staff[^2] | 4.7% |\n\n"
            "[^web]: Published on the Council's website at\n    https://anyshire.gov.uk/plan.\n"
            "[^2]: Source: payroll, March 2024.\n\nClosing text about the plan and its aims.\n")
    document = read(tmp_path, text)
    paragraph = document.blocks[1]
    assert paragraph.text == "This productivity plan will be published in July."
    assert paragraph.notes == [
        (len("This productivity plan"), "Published on the Council's website at https://anyshire.gov.uk/plan."),
        (len(paragraph.text), "Source: payroll, March 2024.")]
    table = document.blocks[2]
    assert table.table.rows[1] == ["Agency staff", "4.7%"]
    assert table.notes == [(table.text.index(" | 4.7%"), "Source: payroll, March 2024.")]
    # Definitions are not body text: they follow the body as footnote blocks, in the citing section.
    assert [b.text for b in document.blocks if b.part == "body"][-1] == "Closing text about the plan and its aims."
    notes = [b for b in document.blocks if b.part == "footnote"]
    assert [(b.text, b.section, b.line) for b in notes] == [
        ("Published on the Council's website at https://anyshire.gov.uk/plan.", ("Publication",), 9),
        ("Source: payroll, March 2024.", ("Publication",), 11)]
    assert document.blocks[-2:] == notes


def test_placeholder_lines_are_text_not_headings_in_plain_text(tmp_path):
    text = ("Productivity Plan\n\nDigital by default\n\n[Digital team to complete]\n\nEvery pound counts\n\n"
            "Savings of £XXm to be confirmed\n\nAgency staff made up [tbc]% of the staff budget.\n\n"
            "What would help us\n\n[to be completed]\n")
    for name in ("plan.txt", "plan.md"):
        document = read(tmp_path, text, name)
        assert [h.text for h in document.headings()] == [
            "Productivity Plan", "Digital by default", "Every pound counts", "What would help us"]
        assert [(b.kind, b.text, b.section[-1]) for b in document.blocks if b.kind != "heading"] == [
            (PARAGRAPH, "[Digital team to complete]", "Digital by default"),
            (PARAGRAPH, "Savings of £XXm to be confirmed", "Every pound counts"),
            (PARAGRAPH, "Agency staff made up [tbc]% of the staff budget.", "Every pound counts"),
            (PARAGRAPH, "[to be completed]", "What would help us")]


def test_a_list_of_headings_is_contents_whichever_side_carries_the_section_numbers(tmp_path):
    text = ("### Contents\n\n1. Introduction\n2. Technology and data\n3. Reducing wasteful spend\n\n"
            "## 1. Introduction\n\nText.\n\n## 2. Technology and data\n\nText.\n\n"
            "## 3. Reducing wasteful spend\n\nText.\n")
    document = read(tmp_path, text, "plan.md")
    assert [b.text for b in document.blocks if b.furniture == "contents"] == [
        "Contents", "Introduction", "Technology and data", "Reducing wasteful spend"]


def test_a_headings_attributes_are_no_words_of_it(tmp_path):
    document = read(tmp_path, "## Using technology and data {#tech}\n\nText.\n\n## Barriers {.unnumbered}\n", "plan.md")
    assert [h.text for h in document.headings()] == ["Using technology and data", "Barriers"]


def test_a_line_that_runs_on_into_the_next_item_is_not_a_heading(tmp_path):
    text = ("RECOMMENDATIONS\n\nCabinet is recommended to:\n\n"
            "(a) approve the Productivity Plan at Appendix A for submission to the Department;\n\n"
            "(b) agree that the plan be published on the Council's website once submitted; and\n\n"
            "(c) note the progress reports to come\n\nTechnology and data\n\nWe moved to the cloud.\n")
    for name in ("plan.txt", "plan.md"):
        kinds = {b.text: b.kind for b in read(tmp_path, text, name).blocks}
        # (Lettered by hand, it is an item of a list, as a word processor's would be.)
        assert kinds["agree that the plan be published on the Council's website once submitted; and"] \
            == LIST_ITEM
        assert kinds["Technology and data"] == "heading"


def test_a_numbered_sentence_with_a_figure_is_a_paragraph_not_a_heading(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("4. WORKFORCE\n\n4.4 Trade union facility time accounts for 0.1% of the paybill.\n\n"
                    "5. TRANSFORMING SERVICES\n\nWe merged two teams.\n", encoding="utf-8")
    document = read_document(path, ReadOptions(pages="estimate"))
    kinds = {b.text: b.kind for b in document.blocks}
    assert kinds["4.4 Trade union facility time accounts for 0.1% of the paybill."] == "paragraph"
    assert kinds["5. TRANSFORMING SERVICES"] == "heading"


def test_numbered_lines_under_a_lone_title_are_headings_items_and_lead_ins(tmp_path):
    document = read(tmp_path, "# Productivity Plan 2024\n\n5.0 Barriers and asks\n\n5.1 We ask government for:\n\n"
                              "5.1.1 a multi-year settlement;\n\n5.1.2 planning fees set locally.\n\n"
                              "**Date of decision:** 15 July 2024\n")
    assert [h[0] for h in headings(document)] == ["Productivity Plan 2024", "5.0 Barriers and asks"]
    items = [b.text for b in document.blocks if b.kind == LIST_ITEM]
    assert items == ["a multi-year settlement;", "planning fees set locally."]
    assert any(b.kind == PARAGRAPH and b.text.startswith("5.1 We ask government for:") for b in document.blocks)
    assert any(b.kind == PARAGRAPH and "15 July 2024" in b.text for b in document.blocks)


def test_a_section_number_opens_its_sentence(tmp_path):
    from plancheck.analysis import split_sentences
    assert split_sentences("9. We cut costs. A4. What are your plans?") == ["9. We cut costs.", "A4. What are your plans?"]
    # So does a part of the document named with its number.
    assert split_sentences("THEME 3. Your plans to reduce wasteful spend. Section 2. We cut costs.") == \
        ["THEME 3. Your plans to reduce wasteful spend.", "Section 2. We cut costs."]


@pytest.mark.parametrize("answer", ["Response: TBC", "Our response: none", "Answer: [to be completed]"])
def test_a_labelled_answer_under_its_question_is_a_paragraph(tmp_path, answer):
    document = read(tmp_path, f"OUR PLAN\n\nHow do you measure productivity in your organisation?\n\n{answer}\n\n"
                              f"Do you share office functions with other councils?\n\n{BODY}\n", name="plan.txt")
    assert [h[0] for h in headings(document)] == ["OUR PLAN", "How do you measure productivity in your organisation?",
                                                  "Do you share office functions with other councils?"]
    assert any(b.kind == PARAGRAPH and b.text == answer for b in document.blocks)


def test_a_table_typed_with_spaces_is_a_table(tmp_path):
    document = read(tmp_path, "Plan\n\nAgency share:\n\n    2022/23    8.1%\n    2023/24    6.2%\n", "plan.txt")
    tables = [b for b in document.blocks if b.kind == TABLE]
    assert [t.table.rows for t in tables] == [[["2022/23", "8.1%"], ["2023/24", "6.2%"]]]


def test_sentences_set_two_spaces_apart_are_prose_not_a_table(tmp_path):
    text = ("Plan\n\nAgency staff cost us more than we would like in 2023/24, as they did before.  We have 12.\n"
            "Consultants were used for the local plan examination in 2022/23 and in 2023/24.  That cost £430,000.\n")
    document = read(tmp_path, text, "plan.txt")
    assert TABLE not in [b.kind for b in document.blocks]


def test_a_figure_standing_alone_on_a_line_is_not_a_heading(tmp_path):
    document = read(tmp_path, "Plan\n\nWorkforce\n\nFacility time (% of pay bill): 0.09%\n\nWe employ 412 people.\n",
                    "plan.txt")
    assert [b.kind for b in document.blocks if "0.09%" in b.text] == [PARAGRAPH]


def test_a_typed_table_whose_header_has_nothing_over_the_labels(tmp_path):
    text = ("Plan\n\nShares of the staff budget:\n\n"
            "                   2022/23   2023/24\n   Agency staff     7.9%      7.2%\n   Consultants      2.1%      1.7%\n")
    document = read(tmp_path, text, "plan.txt")
    tables = [b.table.rows for b in document.blocks if b.kind == TABLE]
    assert tables == [[["", "2022/23", "2023/24"], ["Agency staff", "7.9%", "7.2%"], ["Consultants", "2.1%", "1.7%"]]]


def test_a_list_of_the_documents_own_headings_is_contents_in_every_form(tmp_path):
    for name, mark in (("plan.md", "## "), ("plan.txt", "")):
        text = ("Plan\n\nIn this plan we cover:\n\n- Doing things differently\n- Digital by default\n"
                f"- What would help us\n\n{mark}Doing things differently\n\n" + BODY +
                f"\n\n{mark}Digital by default\n\n" + BODY + f"\n\n{mark}What would help us\n\n" + BODY +
                # A list that names a heading among other things is the council's own list.
                "\n\n- Doing things differently\n- A shared service\n- Digital by default\n")
        document = read(tmp_path, text, name)
        contents = [b.text for b in document.blocks if b.furniture == "contents"]
        assert contents == ["Doing things differently", "Digital by default", "What would help us"], name


def test_a_table_typed_with_spaces_keeps_its_wrapped_cells_and_notes(tmp_path):
    text = ("Plan\n\n" + BODY + "\n\n"
            "     Table 2: Workforce spend, excluding schools\n"
            "                                          2021/22   2022/23   2023/24\n"
            "  Agency staff (% of total staff budget)     6.8       5.4       4.8\n"
            "  Consultants (% of total staff budget)     [Finance to provide - not held\n"
            "                                             centrally]\n"
            "  Trade union facility time (% of paybill)  0.12      0.10      0.09\n"
            "  EDI champions (number)                    [HR to confirm]\n")
    document = read(tmp_path, text, "plan.txt")
    tables = [b.table for b in document.blocks if b.kind == TABLE]
    assert [t.rows for t in tables] == [[
        ["", "2021/22", "2022/23", "2023/24"],
        ["Agency staff (% of total staff budget)", "6.8", "5.4", "4.8"],
        ["Consultants (% of total staff budget)", "[Finance to provide - not held centrally]", "", ""],
        ["Trade union facility time (% of paybill)", "0.12", "0.10", "0.09"],
        ["EDI champions (number)", "[HR to confirm]", "", ""]]]
    assert tables[0].header_row
    assert any(b.kind == PARAGRAPH and b.text == "Table 2: Workforce spend, excluding schools" for b in document.blocks)


def test_a_ruled_table_typed_with_spaces_joins_a_wrapped_label(tmp_path):
    text = ("Plan\n\n" + BODY + "\n\n"
            "  Measure                                         Baseline 2023/24    Target 2025/26\n"
            "  ----------------------------------------------  ------------------  ------------------\n"
            "  Adult social care: new clients whose need was   58%                 65%\n"
            "  met without a long-term service\n"
            "  Council tax collected in year                   95.6%               96.5%\n"
            "  Agency staff cost as % of staff budget          4.2%                3.0%\n")
    document = read(tmp_path, text, "plan.txt")
    assert [b.table.rows for b in document.blocks if b.kind == TABLE] == [[
        ["Measure", "Baseline 2023/24", "Target 2025/26"],
        ["Adult social care: new clients whose need was met without a long-term service", "58%", "65%"],
        ["Council tax collected in year", "95.6%", "96.5%"],
        ["Agency staff cost as % of staff budget", "4.2%", "3.0%"]]]


def test_a_table_typed_with_spaces_between_unbroken_rules_is_read_by_its_columns(tmp_path):
    text = ("Plan\n\n" + BODY + "\n\n"
            "                                        2021/22    2022/23    2023/24\n"
            "     ----------------------------------------------------------------\n"
            "     Agency staff, % of staff budget       9.2        7.0        6.3\n"
            "     Consultants, % of staff budget        2.1        1.4        1.1\n"
            "     Agency workers in post > 12 months     11          7          4\n"
            "     ----------------------------------------------------------------\n")
    document = read(tmp_path, text, "plan.txt")
    tables = [b.table for b in document.blocks if b.kind == TABLE]
    assert [t.rows for t in tables] == [[
        ["", "2021/22", "2022/23", "2023/24"],
        ["Agency staff, % of staff budget", "9.2", "7.0", "6.3"],
        ["Consultants, % of staff budget", "2.1", "1.4", "1.1"],
        ["Agency workers in post > 12 months", "11", "7", "4"]]]
    assert tables[0].header_row


@pytest.mark.parametrize("name", ["plan.txt", "plan.md"])
def test_a_grid_table_is_read_by_its_pipes(tmp_path, name):
    text = ("Plan\n\n" + BODY + "\n\n"
            "Table 1: Workforce spend\n"
            "+-------------------------------------------+------------+------------+\n"
            "|                                           | 2022/23    | 2023/24    |\n"
            "+-------------------------------------------+------------+------------+\n"
            "| Agency staff (% of staff budget)          | 4.8%       | 3.6%       |\n"
            "| Trade union facility time (% of pay bill) | 0.03%      | 0.03%      |\n"
            "+-------------------------------------------+------------+------------+\n\n"
            "+------------------+-------------------+\n"
            "| Approved by      | Cabinet           |\n"
            "| Date approved    | 10 July 2024      |\n"
            "+------------------+-------------------+\n\n"
            # Rules between every row: a row's lines, its other cells blank, are one row; so is a header's.
            "+------------+---------+----------+\n"
            "| Measure    | 2023/24 | Target   |\n"
            "|            |         | 2025/26  |\n"
            "+============+=========+==========+\n"
            "| Contacts   | 58%     | 70%      |\n"
            "| made online|         |          |\n"
            "+------------+---------+----------+\n"
            "| Staff      | 13%     | 10%      |\n"
            "| turnover   |         |          |\n"
            "+------------+---------+----------+\n")
    document = read(tmp_path, text, name)
    tables = [b.table for b in document.blocks if b.kind == TABLE]
    assert [t.rows for t in tables] == [
        [["", "2022/23", "2023/24"], ["Agency staff (% of staff budget)", "4.8%", "3.6%"],
         ["Trade union facility time (% of pay bill)", "0.03%", "0.03%"]],
        [["Approved by", "Cabinet"], ["Date approved", "10 July 2024"]],
        [["Measure", "2023/24", "Target 2025/26"], ["Contacts made online", "58%", "70%"],
         ["Staff turnover", "13%", "10%"]]]
    assert [t.header_row for t in tables] == [True, False, True]
    assert any(b.kind == PARAGRAPH and b.text == "Table 1: Workforce spend" for b in document.blocks)


def test_a_markdown_list_may_follow_its_introduction_with_no_blank_line(tmp_path):
    text = "Plan\n\n" + BODY + "\n\n**Related links**\n- [Council plan 2023-2027](#)\n- [Scrutiny Committee](#)\n"
    document = read(tmp_path, text)
    assert [(b.kind, b.text) for b in document.blocks[-3:]] == [
        (PARAGRAPH, "Related links"), (LIST_ITEM, "Council plan 2023-2027"), (LIST_ITEM, "Scrutiny Committee")]


def test_items_lettered_by_hand_are_a_list(tmp_path):
    text = ("Plan\n\n" + BODY + "\n\n4. WHAT WOULD HELP\n\n"
            "  a) A three-year funding settlement, so we can commit to savings that\n"
            "     take more than a year to pay back.\n"
            "  b) Planning fees set locally.\n"
            "  (iii) Capital funding by formula, not by bidding.\n")
    document = read(tmp_path, text, "plan.txt")
    assert [b.text for b in document.blocks if b.kind == LIST_ITEM] == [
        "A three-year funding settlement, so we can commit to savings that take more than a year to pay back.",
        "Planning fees set locally.", "Capital funding by formula, not by bidding."]


def test_items_lettered_under_a_line_ending_in_a_colon_are_a_list_of_their_own(tmp_path):
    text = ("Plan\n\n" + BODY + "\n\n2.1 That the Executive:\n"
            "    (a) approves the Productivity Plan 2024 at Appendix 1 for submission; and\n"
            "    (b) authorises the Director of Finance to make final factual corrections.\n")
    document = read(tmp_path, text, "plan.txt")
    assert [(b.kind, b.text) for b in document.blocks[-3:]] == [
        (PARAGRAPH, "2.1 That the Executive:"),
        (LIST_ITEM, "approves the Productivity Plan 2024 at Appendix 1 for submission; and"),
        (LIST_ITEM, "authorises the Director of Finance to make final factual corrections.")]


def test_lines_in_capitals_over_a_plain_text_list_are_headings_not_its_first_words(tmp_path):
    # A slide deck saved as text: a slide's title and a heading in capitals over its bullets.
    text = ("Plan\n\n" + BODY + "\n\nOUR WORKFORCE (2 OF 2)\nFACILITY TIME\n- 0.04% of the paybill (2023/24)\n"
            "- Published each July under the 2017 regulations\n\nAGENCY STAFF\nWe use agency staff mostly in "
            "children's social work.\n")
    document = read(tmp_path, text, "plan.txt")
    assert [(b.kind, b.text) for b in document.blocks[2:]] == [
        ("heading", "OUR WORKFORCE (2 OF 2)"), ("heading", "FACILITY TIME"),
        (LIST_ITEM, "0.04% of the paybill (2023/24)"), (LIST_ITEM, "Published each July under the 2017 regulations"),
        ("heading", "AGENCY STAFF"), (PARAGRAPH, "We use agency staff mostly in children's social work.")]
    # A wrapped line of a sentence that happens to open in capitals is no heading: its run keeps its lines.
    document = read(tmp_path, "Plan\n\n" + BODY + "\n\nWE SPENT £4.1M on agency staff in 2023/24, and\n"
                                                  "we will cut that by a third.\n", "plan.txt")
    assert document.blocks[-1].text == "WE SPENT £4.1M on agency staff in 2023/24, and we will cut that by a third."


def test_a_plain_text_box_drops_its_borders_and_its_dot_leader_lines_are_a_table(tmp_path):
    # A call-out box of a designed plan saved as text: ruled above and below, a title in capitals, and
    # label-value lines set apart by dot leaders, one of them by a single dot.
    text = ("Plan\n\n" + BODY + "\n\n  ------------------------------------------\n  WORKFORCE AT A GLANCE (2023/24)\n"
            "  Agency staff .............. 3.8% of the total staff budget\n"
            "  Consultants ............... 0.7% of the total staff budget\n"
            "  Trade union facility time . 0.09% of the total pay bill\n"
            "  ------------------------------------------\n")
    document = read(tmp_path, text, "plan.txt")
    assert document.blocks[2].kind == "heading" and document.blocks[2].text == "WORKFORCE AT A GLANCE (2023/24)"
    assert document.blocks[3].table.rows == [["Agency staff", "3.8% of the total staff budget"],
                                             ["Consultants", "0.7% of the total staff budget"],
                                             ["Trade union facility time", "0.09% of the total pay bill"]]
    # A grid table's top rule is its own, and a rule under a single line underlines it.
    grid = ("Plan\n\n" + BODY + "\n\n+------------------+---------+\n|                  | 2023/24 |\n"
            "+------------------+---------+\n| Agency staff     | 3.1%    |\n+------------------+---------+\n")
    document = read(tmp_path, grid, "plan.txt")
    assert document.blocks[-1].table.rows == [["", "2023/24"], ["Agency staff", "3.1%"]]


def test_plain_text_items_set_in_under_a_numbered_title_are_a_list_under_a_heading(tmp_path):
    # A wrapped line is not indented; items set in further than the title over them are its list.
    text = ("Plan\n\n" + BODY + "\n\n3.1 Greatest potential for savings\n"
            "    - Adult social care - reablement expansion plus technology-enabled care\n"
            "    - Estimate - £2.4m to £3.1m over 2025/26 and 2026/27\n")
    document = read(tmp_path, text, "plan.txt")
    assert [(b.kind, b.text) for b in document.blocks[2:]] == [
        ("heading", "3.1 Greatest potential for savings"),
        ("list-item", "Adult social care - reablement expansion plus technology-enabled care"),
        ("list-item", "Estimate - £2.4m to £3.1m over 2025/26 and 2026/27")]
    # A paragraph wrapping onto a line that starts with a dash stays one paragraph.
    wrapped = ("Plan\n\n" + BODY + "\n\nWe cut agency use in planning by a third this year\n"
               "- and we will go further next year.\n")
    assert read(tmp_path, wrapped, "plan.txt").blocks[-1].kind == "paragraph"


def test_a_box_of_one_column_is_text_not_a_table(tmp_path):
    # A "key messages" call-out drawn as a grid of one column: a title and a list, read as text.
    text = ("Plan\n\n" + BODY + "\n\n+----------------------------------------------+\n"
            "| KEY MESSAGES                                 |\n|                                              |\n"
            "| - Agency spend - 3.4% of staff budget        |\n| - Consultants - none used in 2023/24         |\n"
            "+----------------------------------------------+\n")
    document = read(tmp_path, text, "plan.txt")
    assert [(b.kind, b.text) for b in document.blocks[2:]] == [
        ("paragraph", "KEY MESSAGES"), ("list-item", "Agency spend - 3.4% of staff budget"),
        ("list-item", "Consultants - none used in 2023/24")]


def test_a_plain_text_box_ruled_with_spaced_dashes_and_a_blank_line_inside(tmp_path):
    # A sign-off box: "- - - -" above and below, a title, a blank line, and rows typed in columns.
    rule = "- " * 30 + "-"
    text = ("Plan\n\n" + BODY + "\n\n" + rule + "\n SIGN-OFF\n\n"
            " Agreed for submission    Cllr Ruth Ambler, Leader of the Council    12 July 2024\n"
            " Agreed for submission    Mark Tennant, Chief Executive              12 July 2024\n"
            " Cabinet consulted        Informal Cabinet                           2 July 2024\n" + rule + "\n")
    document = read(tmp_path, text, "plan.txt")
    assert [(b.kind, b.text) for b in document.blocks[2:3]] == [("heading", "SIGN-OFF")]
    assert document.blocks[3].table.rows[-1] == ["Cabinet consulted", "Informal Cabinet", "2 July 2024"]
    assert len(document.blocks) == 4


def test_struck_through_text_is_left_out_as_crossed_out(tmp_path):
    document = read(tmp_path, "# Plan\n\n~~The plan will be published on the website.~~ *[Deleted: hold for now.]*\n\n"
                              "Kept ~~and struck~~ text, and a tilde~in a word.\n")
    assert [b.text for b in document.blocks] == ["Plan", "[Deleted: hold for now.]", "Kept text, and a tilde~in a word."]


def test_plain_text_titles_framed_by_rules_or_over_one_open_their_sections(tmp_path):
    # "-----" / "1. TRANSFORMING SERVICES" / "-----" with the text straight under it: the title, not a
    # list item that runs on into the rule and the text; the headings under it are its sections.
    rule = "-" * 60
    text = ("BRACKENHOLT COUNCIL\nPRODUCTIVITY PLAN 2024\n\n"
            f"{rule}\n1. TRANSFORMING SERVICES\n{rule}\nWhat we have done\n- Contact centre and one-stop shops merged in "
            "2022, three town-centre offices to one\n- Reablement capacity up 40% since 2021\n\n"
            f"{rule}\n2. HOW YOU PLAN TO TAKE ADVANTAGE OF TECHNOLOGY AND MAKE BETTER "
            f"USE OF DATA TO IMPROVE DECISION MAKING, SERVICE DESIGN AND USE OF RESOURCES.\n{rule}\n"
            "[Digital team to complete]\n\n"
            f"Barriers to productivity\n{'=' * 24}\n{BODY}\n")
    document = read(tmp_path, text, "plan.txt")
    titles = [(text, level) for text, level, _ in headings(document)]
    assert ("1. TRANSFORMING SERVICES", 1) in titles and ("Barriers to productivity", 1) in titles
    assert any(title.startswith("2. HOW YOU PLAN TO TAKE ADVANTAGE OF TECHNOLOGY") and level == 1
               for title, level in titles)
    items = [b for b in document.blocks if b.kind == LIST_ITEM]
    assert [b.text for b in items] == ["Contact centre and one-stop shops merged in 2022, three town-centre "
                                       "offices to one", "Reablement capacity up 40% since 2021"]
    assert items[0].section == ("1. TRANSFORMING SERVICES", "What we have done")
    assert not any("---" in b.text or "===" in b.text for b in document.blocks)
    assert document.blocks[-1].text == BODY and document.blocks[-1].section == ("Barriers to productivity",)


def test_a_ruled_sentence_a_footer_or_a_header_row_is_no_title(tmp_path):
    # A box around a sentence is a call-out; a page's footer over the rule that ends the page, and a
    # table's header over its rule, are what they were.
    rule = "-" * 50
    text = (f"Plan\n\n{BODY}\n\n{rule}\nThe plan was approved by Cabinet on 9 July 2024. It is final.\n{rule}\n\n"
            f"Page 1 of 4\n{rule}\n{BODY}\n\n"
            f"Measure          2023/24\n{rule}\nAgency staff     4.7%\nConsultants      1.2%\n")
    document = read(tmp_path, text, "plan.txt")
    assert [h[0] for h in headings(document)] == ["Plan"]
    assert any(b.kind == PARAGRAPH and b.text.startswith("The plan was approved by Cabinet") for b in document.blocks)
    table = next(b for b in document.blocks if b.kind == TABLE)
    assert table.table.rows[-1] == ["Consultants", "1.2%"]


def test_a_signature_line_with_its_date_in_a_column_of_its_own_is_not_a_heading(tmp_path):
    text = ("SIGN-OFF\n\nSigned off for submission on behalf of the Council:\n\n"
            "  Councillor Rhian Ostley, Leader of the Council       12 July 2024\n\n"
            "  Dr Anand Mehra, Chief Executive                       12/07/2024\n\n"
            "SECTION 3    USING DATA\n\n" + BODY + "\n")
    document = read(tmp_path, text, "plan.txt")
    assert [heading for heading, _, _ in headings(document)] == ["SIGN-OFF", "SECTION 3 USING DATA"]
    assert [b.text for b in document.blocks if b.kind == PARAGRAPH][1:3] == [
        "Councillor Rhian Ostley, Leader of the Council 12 July 2024", "Dr Anand Mehra, Chief Executive 12/07/2024"]
