"""The Markdown and plain-text reader: headings in every form councils write, lists, tables, links."""

from __future__ import annotations

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
