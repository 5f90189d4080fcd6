"""The web-page reader, on hand-written HTML files."""

from __future__ import annotations

import pytest

from plancheck.document import HEADING, LIST_ITEM, PARAGRAPH, TABLE
from plancheck.errors import ReadError
from plancheck.readers import ReadOptions, read_document


def page(body: str, head: str = "<title>Plan</title>", lang: str = "en-GB") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n{head}\n</head>\n'
            f"<body>\n{body}\n</body>\n</html>\n")


def read(tmp_path, html: str | bytes, name: str = "plan.html", pages: str = "estimate"):
    path = tmp_path / name
    if isinstance(html, str):
        path.write_text(html, encoding="utf-8")
    else:
        path.write_bytes(html)
    return read_document(path, ReadOptions(pages=pages))


def texts(document, kind=None):
    return [b.text for b in document.blocks if kind is None or b.kind == kind]


def test_headings_have_levels_sources_and_section_paths(tmp_path):
    document = read(tmp_path, page("""
<h1>Productivity plan 2024</h1>
<p>Introduction.</p>
<h2>Theme one: <em>transformation</em></h2>
<p>How we changed.</p>
<h3>Adult social care</h3>
<p>Reablement first.</p>
<h2>Theme two</h2>
<div role="heading" aria-level="3">Data and technology</div>
<p>New systems.</p>"""))
    headings = document.headings()
    assert [(h.text, h.level) for h in headings] == [
        ("Productivity plan 2024", 1), ("Theme one: transformation", 2), ("Adult social care", 3),
        ("Theme two", 2), ("Data and technology", 3)]
    assert {h.heading_source for h in headings} == {"html"}
    by_text = {b.text: b for b in document.blocks}
    assert by_text["Reablement first."].section == (
        "Productivity plan 2024", "Theme one: transformation", "Adult social care")
    assert by_text["New systems."].section == ("Productivity plan 2024", "Theme two", "Data and technology")
    assert by_text["Introduction."].kind == PARAGRAPH


def test_blocks_are_cited_by_source_line(tmp_path):
    document = read(tmp_path, "<html><body>\n<h1>Plan</h1>\n\n<p>First\nparagraph.</p>\n"
                              "<ul>\n<li>Item</li>\n</ul>\n</body></html>")
    assert [(b.text, b.line, b.location) for b in document.blocks] == [
        ("Plan", 2, "line 2"), ("First paragraph.", 4, "line 4"), ("Item", 7, "line 7")]


def test_page_furniture_is_left_out(tmp_path):
    document = read(tmp_path, page("""
<a class="skip-link" href="#content">Skip to main content</a>
<a href="#nav">Skip navigation</a>
<div id="cookie-banner"><p>We use cookies on this site.</p><button>Accept all cookies</button></div>
<header><a href="/">Northbrook District Council</a>
  <form role="search"><label>Search</label><input></form></header>
<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li>Council</li></ol></nav>
<div role="navigation"><a href="/a-z">A to Z</a></div>
<div role="banner">Site banner</div>
<h1>Our productivity plan</h1>
<section><header><p>Published 12 July 2024</p></header><p>Section text.</p>
<footer><p>Section footer note.</p></footer></section>
<p>Visible text.</p>
<p hidden>Hidden by attribute.</p>
<p aria-hidden="true">Hidden from screen readers.</p>
<div style="color: red; display : none">Hidden by style.</div>
<script>document.write("<p>Written by script</p>");</script>
<style>p { color: blue; }</style>
<noscript><p>Turn on JavaScript.</p></noscript>
<template><p>Template text.</p></template>
<aside role="complementary"><h2>Related pages</h2><p>Council tax</p></aside>
<form action="/feedback"><h2>Was this page useful?</h2><p>Tell us.</p></form>
<dialog><p>Closed dialog.</p></dialog>
<footer><p>© Northbrook District Council</p></footer>
<div role="contentinfo">Contact us</div>"""))
    assert texts(document) == ["Our productivity plan", "Published 12 July 2024", "Section text.",
                               "Section footer note.", "Visible text."]
    assert [link.target for link in document.links] == []


def test_a_page_wrapped_in_one_form_is_still_read(tmp_path):
    # ASP.NET WebForms puts the whole page, heading and all, inside <form>.
    document = read(tmp_path, page('<form id="aspnetForm"><h1>Plan</h1><p>Body text.</p></form>'))
    assert texts(document) == ["Plan", "Body text."]


@pytest.mark.parametrize("wrapper", [
    '<main>{}</main>',
    '<div role="main">{}</div>',
    '<article>{}</article>',
])
def test_only_the_main_content_is_read(tmp_path, wrapper):
    body = ('<div class="masthead"><p>Northbrook District Council</p></div>'
            + wrapper.format("<h1>Plan</h1><p>The plan itself.</p>")
            + '<div class="related"><p>You might also like</p></div>')
    document = read(tmp_path, page(body))
    assert texts(document) == ["Plan", "The plan itself."]


def test_with_several_articles_the_whole_body_is_read(tmp_path):
    document = read(tmp_path, page("<p>Intro</p><article><p>One</p></article><article><p>Two</p></article>"))
    assert texts(document) == ["Intro", "One", "Two"]


def test_bookmarks_come_from_the_whole_page(tmp_path):
    document = read(tmp_path, page('<div id="top"><a name="legacy"></a></div>'
                                   '<main id="content"><h2 id="theme-1">Theme 1</h2><p>Text</p></main>'))
    assert document.bookmarks == {"top", "legacy", "content", "theme-1"}


def test_lists_nest_and_keep_their_paragraphs_together(tmp_path):
    document = read(tmp_path, page("""
<p>We will:</p>
<ul>
  <li>merge the contact centres</li>
  <li><p>move to one finance system</p><p>by April 2025</p>
    <ol><li>procure</li><li>migrate</li></ol>
    then retire the old one</li>
</ul>
<p class="MsoListParagraphCxSpFirst"><span style="mso-list:Ignore">·&nbsp;&nbsp;</span>Saved from Word
</p>"""))
    items = [(b.text, b.level) for b in document.blocks if b.kind == LIST_ITEM]
    assert items == [("merge the contact centres", 1), ("move to one finance system by April 2025", 1),
                     ("procure", 2), ("migrate", 2), ("then retire the old one", 1),
                     ("Saved from Word", 1)]
    assert document.blocks[0].kind == PARAGRAPH


def test_tables_record_header_rows_merged_cells_and_nesting(tmp_path):
    document = read(tmp_path, page("""
<table>
  <caption>Agency and consultant spend</caption>
  <tr><th>Measure</th><th>2023/24</th></tr>
  <tr><td>Agency staff</td><td>4.1%</td></tr>
</table>
<table>
  <thead><tr><td>Service</td><td>Saving</td></tr></thead>
  <tbody><tr><td colspan="2">Total to follow</td></tr></tbody>
</table>
<table>
  <tr><td>Plain</td><td rowspan="2">data</td></tr>
  <tr><td><table><tr><td>inner</td><td>cells</td></tr></table></td></tr>
</table>"""))
    assert texts(document, PARAGRAPH) == ["Agency and consultant spend"]
    first, second, third = [b.table for b in document.blocks if b.kind == TABLE]
    assert first.rows == [["Measure", "2023/24"], ["Agency staff", "4.1%"]]
    assert (first.header_row, first.merged_cells, first.nested) == (True, False, False)
    assert document.blocks[1].text == "Measure | 2023/24\nAgency staff | 4.1%"
    assert (second.header_row, second.merged_cells, second.nested) == (True, True, False)
    # Spanned cells keep the grid: a column span leaves the columns it covers empty, a row span
    # repeats its cell in the rows it covers, so every value stays under its column's heading.
    assert second.rows == [["Service", "Saving"], ["Total to follow", ""]]
    assert third.rows == [["Plain", "data"], ["inner cells", "data"]]
    assert (third.header_row, third.merged_cells, third.nested) == (False, True, True)


def test_layout_tables_are_read_as_paragraphs(tmp_path):
    document = read(tmp_path, page("""
<table role="presentation"><tr>
  <td><p>Left column text.</p></td><td><p>Right column text.</p></td></tr></table>
<table><tr><td><h2>Theme one</h2><p>Answer.</p></td></tr></table>"""))
    assert [(b.kind, b.text) for b in document.blocks] == [
        (PARAGRAPH, "Left column text."), (PARAGRAPH, "Right column text."),
        (HEADING, "Theme one"), (PARAGRAPH, "Answer.")]


def test_pre_keeps_its_lines_and_blockquote_is_marked(tmp_path):
    document = read(tmp_path, page("<blockquote><p>We must do more.</p></blockquote>\n"
                                   "<pre>Year  Saving\n2024  £1.2m\n</pre>"))
    quote, pre = document.blocks
    assert (quote.text, quote.style) == ("We must do more.", "blockquote")
    assert (pre.text, pre.style) == ("Year  Saving\n2024  £1.2m", "pre")


def test_links_are_internal_or_external_and_carry_their_section(tmp_path):
    document = read(tmp_path, page("""
<h1>Plan</h1>
<p>See the <a href="https://www.gov.uk/letter">minister's letter</a> and <a href="#barriers">barriers</a>.</p>
<h2 id="barriers">Barriers</h2>
<p><a href="/report.pdf"><img src="r.png" alt="Annual report"></a>
   <a href="/contact" aria-label="Contact the council"></a></p>"""))
    assert [(l.text, l.target, l.internal, l.section) for l in document.links] == [
        ("minister's letter", "https://www.gov.uk/letter", False, ("Plan",)),
        ("barriers", "#barriers", True, ("Plan",)),
        ("Annual report", "/report.pdf", False, ("Plan", "Barriers")),
        ("Contact the council", "/contact", False, ("Plan", "Barriers"))]
    assert document.links[0].line == 10
    assert all(link.page == 1 for link in document.links)
    assert "barriers" in document.bookmarks


def test_images_report_alt_text_and_decoration(tmp_path):
    document = read(tmp_path, page("""
<h1>Plan</h1>
<p>Savings chart:</p>
<img src="chart.png" alt="Savings rose from £1m to £3m" title="Savings">
<img src="rule.png" alt="">
<img src="logo.png">
<img src="spacer.gif" role="presentation">
<img src="hidden.png" alt="never shown" hidden>"""))
    assert [(i.alt, i.decorative, i.title) for i in document.images] == [
        ("Savings rose from £1m to £3m", False, "Savings"), ("", True, None),
        (None, False, None), (None, True, None)]
    assert all(i.section == ("Plan",) and i.location.startswith("line ") for i in document.images)


def test_metadata_comes_from_the_head(tmp_path):
    head = ('<title> Productivity plan 2024 | Northbrook </title>\n'
            '<meta name="author" content="Chief Executive\'s Office">\n'
            '<meta name="generator" content="Drupal 10 (https://www.drupal.org)">\n'
            '<meta property="og:title" content="Social title">')
    metadata = read(tmp_path, page("<p>Text</p>", head=head, lang="en")).metadata
    assert metadata.title == "Productivity plan 2024 | Northbrook"
    assert metadata.language == "en"
    assert metadata.author == "Chief Executive's Office"
    assert metadata.application == "Drupal 10 (https://www.drupal.org)"


def test_og_title_stands_in_for_a_missing_title(tmp_path):
    metadata = read(tmp_path, page("<h1>Heading is not the title</h1>",
                                   head='<meta property="og:title" content="Productivity plan">')).metadata
    assert metadata.title == "Productivity plan"
    assert read(tmp_path, page("<h1>Heading</h1>", head=""), name="b.html").metadata.title is None


CP1252 = b"<p>We\x92ll save \xa31.2m \x96 caf\xe9</p>"
UTF8 = "<p>We’ll save £1.2m – café</p>".encode("utf-8")


@pytest.mark.parametrize("data", [
    b"<html><body>" + CP1252,
    b"<html><head><meta charset=windows-1252></head><body>" + CP1252,
    b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'></head>"
    b"<body>" + CP1252,
    # Declared UTF-8, saved as Windows-1252: the bytes win.
    b"<html><head><meta charset='utf-8'></head><body>" + CP1252,
    b"<html><head><meta charset='utf-8'></head><body>" + UTF8,
    b"\xef\xbb\xbf<html><body>" + UTF8,
    "\ufeff<html><body><p>We’ll save £1.2m – café</p></body></html>".encode("utf-16-le"),
])
def test_encodings_are_decoded(tmp_path, data):
    assert texts(read(tmp_path, data)) == ["We’ll save £1.2m – café"]


def test_xhtml_with_an_xml_declaration_is_read(tmp_path):
    document = read(tmp_path, '<?xml version="1.0" encoding="UTF-8"?>\n'
                              '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Plan</h1></body></html>')
    assert texts(document) == ["Plan"]


def test_pathologically_deep_nesting_is_refused(tmp_path):
    depth = 5000
    with pytest.raises(ReadError, match="nested too deeply"):
        read(tmp_path, page("<div>" * depth + "deep" + "</div>" * depth + "<p>after</p>"))


def test_a_page_without_text_is_refused_with_a_javascript_hint(tmp_path):
    with pytest.raises(ReadError, match="JavaScript"):
        read(tmp_path, page('<div id="app"></div><script src="app.js"></script>'))


def test_layout_mode_notes_that_pages_are_estimated(tmp_path):
    document = read(tmp_path, page("<p>Text</p>"), pages="layout")
    assert document.pages_method == "estimate"
    assert any("estimated" in note for note in document.notes)


COUNCIL_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Productivity plan 2024 | Northbrook District Council</title>
<meta name="generator" content="Jadu CXM">
<link rel="stylesheet" href="/site/styles.css">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
</head>
<body class="js-enabled">
<a class="skip-to-content" href="#main-content">Skip to main content</a>
<div class="cookie-notice" id="cookie-notice">
  <p>We use some essential cookies to make this website work. We'd like to set additional cookies
  to understand how you use the site.</p>
  <button>Accept additional cookies</button> <button>Reject additional cookies</button>
</div>
<header class="site-header">
  <a href="/" class="logo"><img src="/logo.svg" alt="Northbrook District Council home page"></a>
  <form class="site-search" action="/search"><label for="q">Search</label><input id="q" name="q">
  <button type="submit">Search</button></form>
</header>
<nav class="primary-nav"><ul><li><a href="/bins">Bins and recycling</a></li>
<li><a href="/council-tax">Council tax</a></li><li><a href="/planning">Planning</a></li></ul></nav>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
<li><a href="/council">Your council</a></li><li>Productivity plan 2024</li></ol></nav>
<main id="main-content">
<h1>Productivity plan 2024</h1>
<p class="lede">This plan answers the Minister for Local Government's letter of 16 April 2024. It was
endorsed by Cabinet on 10 July 2024 and is published on the council's website.</p>

<h2 id="transformation">1. How we have transformed the way we design and deliver services</h2>
<p>Since 2019 the council has redesigned its services around what residents tell us they need rather
than around the structure of the organisation. We closed three separate contact points and opened a
single customer hub, which now resolves 82 per cent of enquiries at the first point of contact. Staff
from revenues, benefits, housing and environmental services work side by side, and a resident who
reports a problem no longer has to explain it three times to three different teams.</p>
<p>We moved from a traditional directorate model to four service clusters, each with one budget and one
set of outcomes. The change removed two tiers of management and saved £1.4 million a year. More
importantly, it shortened decision making: a request to change a service standard now takes two weeks
to agree, where it used to take a full committee cycle of six to eight weeks.</p>
<p>Our prevention work has been the biggest single source of better value. The housing options team
now contacts households at risk of homelessness as soon as a landlord serves notice, rather than when
the family arrives at the council offices. Temporary accommodation placements fell from 96 to 41
between 2021 and 2024, avoiding about £780,000 of costs each year.</p>
<p>Over the next two years we will:</p>
<ul>
  <li>extend the customer hub to planning and building control enquiries by March 2025;</li>
  <li>review every service against a common productivity measure, cost per resident served;</li>
  <li>invest £2.1 million of capital in energy improvements to our depots and leisure centres, which
  will cut running costs by about £300,000 a year; and</li>
  <li>agree a joint prevention plan with the integrated care board and the police.</li>
</ul>

<h2 id="technology">2. How we will use technology and data</h2>
<p>Our legacy systems remain the main technical obstacle. The council still runs eleven line-of-business
systems that cannot share data with each other, so officers re-key the same information and residents
receive letters that contradict each other. Replacing the revenues and benefits system in 2025 will
remove four of those systems and the manual reconciliation that goes with them.</p>
<p>We publish a monthly performance dashboard on our website so that residents can see how quickly we
answer calls, collect missed bins and process benefit claims. We are now improving the quality of
the data behind it: every dataset has a named owner, and we check address data against the national
gazetteer each week. We share data with the county council and the NHS every day to plan hospital
discharges, which has cut the average wait for a home adaptation from 14 weeks to 6.</p>
<p>Digital services now handle most routine transactions. Two thirds of council tax direct debits,
85 per cent of garden waste subscriptions and nearly all parking permits are set up online without an
officer's involvement. Each online transaction costs about £0.40 against £6.50 for a telephone call, so
the shift has released the equivalent of fourteen full-time posts, which we have moved to casework for
residents who need more help. We will keep telephone and face-to-face services for those who cannot or
prefer not to use them, and we check every new online form with residents who use assistive technology
before it goes live.</p>
<p>We are testing artificial intelligence carefully and in the open. A pilot uses an AI assistant to
draft replies to routine planning questions, which an officer always checks before sending. A second
pilot uses predictive analytics to identify households likely to fall into council tax arrears so that
we can offer help before enforcement starts. We will report the results of both pilots to Cabinet
before deciding whether to extend them.</p>

<h2 id="wasteful-spend">3. Our plans to reduce wasteful spend</h2>
<p>We identify waste through a rolling programme of service reviews, a monthly review of every contract
worth more than £100,000 and an open suggestions scheme for staff, which produced 140 ideas last year.
Every saving is tracked by the finance team and reported to the Audit and Governance Committee each
quarter.</p>
<table>
  <caption>Spend on agency staff, consultants and facility time</caption>
  <thead><tr><th>Measure</th><th>2022/23</th><th>2023/24</th></tr></thead>
  <tbody>
    <tr><td>Agency staff, share of the total staff budget</td><td>6.2%</td><td>4.8%</td></tr>
    <tr><td>Consultants, share of the total staff budget</td><td>1.9%</td><td>1.1%</td></tr>
    <tr><td>Trade union facility time, share of the paybill</td><td>0.08%</td><td>0.07%</td></tr>
  </tbody>
</table>
<p>Agency spend has fallen because we created a pool of permanent relief staff and grew our own
planners and surveyors through apprenticeships. Only three agency workers have been with us for more
than a year, and each of those posts is now being recruited to permanently. Every consultancy
commission above £25,000 needs a business case approved by the chief executive that shows why the
work cannot be done in-house and how the skills will be passed on to our staff.</p>
<p>We spend very little on equality, diversity and inclusion work beyond our statutory duties. We have
six volunteer EDI champions who give about two hours a month each, and mandatory online training takes
every member of staff forty minutes a year. We check its effectiveness through the annual staff survey.</p>
<p>We share internal audit, legal services and procurement with two neighbouring districts. The shared
legal service alone saves each council about £150,000 a year, and sharing specialist training courses
with the county council has avoided duplicated costs of £40,000.</p>

<h2 id="barriers">4. Barriers preventing progress</h2>
<p>The barriers we face are broadly the same across our services. The most important are:</p>
<ul>
  <li>one-year funding settlements, which make it hard to commit to invest-to-save schemes that pay back
  over three to five years;</li>
  <li>the number of separate grant competitions, each with its own bidding and monitoring
  requirements, which absorbed about 1,200 officer hours last year;</li>
  <li>national systems, such as those for benefits, that do not share data with councils in real time;
  and</li>
  <li>planning fees set nationally below the cost of the service.</li>
</ul>
<p>We ask the Government to provide multi-year settlements, to combine small grants into a single
allocation with one set of reporting requirements, and to give councils real-time access to national
data that residents have already agreed to share.</p>

<h2 id="partners">Working with partners</h2>
<p>Much of what residents need from public services sits across organisational boundaries, so a good
part of our productivity depends on how well we work with others. We are part of the Northbrook Place
Partnership with the integrated care board, the county council, the police and the voluntary sector.
Together we fund a single early help team that supports families before problems reach social care or
the courts. In its first year the team worked with 310 families, and referrals to children's social
care from the areas it covers fell by 18 per cent.</p>
<p>We also work with the police on a joint problem-solving approach to anti-social behaviour. Housing
officers, community safety staff and neighbourhood police officers meet every fortnight to agree which
cases need action and who will lead. Repeat calls about the same addresses have fallen by a quarter,
and officers spend less time passing cases between organisations.</p>
<p>We have not yet agreed a devolution deal. We are taking part in discussions with the other councils
in the county about a combined authority, and we will bring any proposal to full Council before it is
agreed. Our experience of joint working so far suggests that the gains come from shared teams and
shared data, not from new structures on their own.</p>

<h2 id="past-and-future">What we have done and what comes next</h2>
<p>Over the last five years the council has delivered £6.8 million of recurring savings while keeping
its services and increasing resident satisfaction from 61 to 68 per cent. We have done this by
redesigning services, investing in prevention and sharing back-office functions rather than by making
across-the-board cuts. The reserves we have built up give us time to invest, but they cannot fill a
recurring gap.</p>
<p>Our medium-term financial strategy still shows a gap of £2.3 million by 2026/27. The transformation
programme described in this plan is expected to close about £1.6 million of it. The service with the
greatest potential for further savings is waste collection, where new routes and a shared depot with a
neighbouring district could save an estimated £450,000 a year from 2026. We will close the rest of the
gap through income generation and a review of our property estate.</p>

<h2 id="measuring">Measuring progress</h2>
<p>We will track the plan with the following key performance indicators, published quarterly.</p>
<table>
  <tr><th>Indicator</th><th>2023/24</th><th>Target 2025/26</th></tr>
  <tr><td>Enquiries resolved at first contact</td><td>82%</td><td>88%</td></tr>
  <tr><td>Households in temporary accommodation</td><td>41</td><td>30</td></tr>
  <tr><td>Agency spend, share of staff budget</td><td>4.8%</td><td>3.5%</td></tr>
</table>
<p>The Cabinet member for resources will receive a progress report every six months, and an updated
plan will be published each July alongside the annual performance report.</p>
<p class="updated">Page last updated: 12 July 2024</p>
</main>
<aside role="complementary" class="related"><h2>Related pages</h2>
<ul><li><a href="/budget">Budget and spending</a></li>
<li><a href="/performance">Performance</a></li></ul></aside>
<footer class="site-footer"><ul><li><a href="/accessibility">Accessibility</a></li>
<li><a href="/privacy">Privacy</a></li></ul><p>© Northbrook District Council 2024</p></footer>
<script src="/site/app.js"></script>
</body>
</html>
"""


def test_a_council_web_page_plan_is_read_as_three_to_five_pages(tmp_path):
    document = read(tmp_path, COUNCIL_PAGE, name="productivity-plan.html")
    assert document.format == "html"
    assert document.pages_method == "estimate"
    assert 3 <= document.pages <= 5
    assert 1300 <= document.words <= 1700
    assert [h.text for h in document.headings()] == [
        "Productivity plan 2024",
        "1. How we have transformed the way we design and deliver services",
        "2. How we will use technology and data",
        "3. Our plans to reduce wasteful spend",
        "4. Barriers preventing progress",
        "Working with partners",
        "What we have done and what comes next",
        "Measuring progress"]
    text = document.text()
    for furniture in ("cookies", "Skip to main content", "Bins and recycling", "Related pages",
                      "Accessibility", "Search"):
        assert furniture not in text
    kinds = [b.kind for b in document.blocks]
    assert kinds.count(LIST_ITEM) == 8 and kinds.count(TABLE) == 2
    agency = next(b for b in document.blocks if b.kind == TABLE)
    assert agency.table.header_row and agency.table.rows[1] == [
        "Agency staff, share of the total staff budget", "6.2%", "4.8%"]
    assert agency.section == ("Productivity plan 2024", "3. Our plans to reduce wasteful spend")
    assert document.blocks[-1].page == document.pages
    assert document.links == [] and document.images == []
    assert document.metadata.title == "Productivity plan 2024 | Northbrook District Council"
    assert {"main-content", "transformation", "barriers"} <= document.bookmarks


def test_a_bold_only_paragraph_is_a_heading_of_lower_confidence(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text(
        "<html lang='en'><head><title>Plan</title></head><body><main><h1>Our plan</h1>"
        "<p><strong>Technology and data</strong></p>"
        "<p>We moved our systems to the cloud. <b>Bold inside a sentence.</b></p>"
        "<p><b>A bold sentence that ends with a full stop.</b></p></main></body></html>", encoding="utf-8")
    document = read_document(page)
    headings = [(h.text, h.level, h.heading_source) for h in document.headings()]
    assert headings == [("Our plan", 1, "html"), ("Technology and data", 2, "bold")]
    assert document.blocks[2].section == ("Our plan", "Technology and data")


def test_figure_and_sign_off_tables_keep_each_rows_label_and_value(tmp_path):
    document = read(tmp_path, page("""<main><h1>Plan</h1>
<table><tr><th>Measure</th><th>Share of staff budget 2023/24</th></tr>
  <tr><td>Agency staff</td><td>4.7%</td></tr>
  <tr><td rowspan="2">Trade union facility time</td><td>0.1%</td></tr>
  <tr><td>0.2% in 2022/23</td></tr></table>
<table><tr><th>Approved by</th><td>Cabinet</td></tr><tr><th>Date</th><td>9 July 2024</td></tr>
  <tr><th>Status</th><td>Final</td></tr></table></main>"""))
    figures, sign_off = [b.table for b in document.blocks if b.kind == TABLE]
    assert figures.header_row and figures.rows == [
        ["Measure", "Share of staff budget 2023/24"], ["Agency staff", "4.7%"],
        ["Trade union facility time", "0.1%"], ["Trade union facility time", "0.2% in 2022/23"]]
    assert not sign_off.header_row
    assert sign_off.rows == [["Approved by", "Cabinet"], ["Date", "9 July 2024"], ["Status", "Final"]]


def test_an_in_page_contents_list_is_read_and_flagged_but_site_navigation_is_not_read(tmp_path):
    document = read(tmp_path, page("""<header><nav><a href="/">Home</a><a href="/council">Council</a></nav></header>
<main><h1>Productivity plan</h1>
<nav aria-label="Contents"><h2>Contents</h2><ol><li><a href="#workforce">Workforce</a></li>
  <li><a href="#barriers">Barriers and our asks</a></li></ol></nav>
<h2>In this plan</h2><ul><li><a href="#workforce">Workforce</a></li></ul>
<h2 id="workforce">Workforce</h2><p>We keep agency staff under review.</p>
<ul><li>See <a href="#workforce">the figures</a> below</li></ul></main>
<footer><p>Page 1 of 1</p></footer>"""))
    assert [(b.text, b.furniture) for b in document.blocks if b.furniture] == [
        ("Contents", "contents"), ("Workforce", "contents"), ("Barriers and our asks", "contents"),
        ("In this plan", "contents"), ("Workforce", "contents")]
    assert texts(document)[-3:] == ["Workforce", "We keep agency staff under review.", "See the figures below"]
    assert "Home" not in texts(document) and "Page 1 of 1" not in texts(document)


def test_pandoc_footnotes_are_attached_to_the_citing_sentence(tmp_path):
    document = read(tmp_path, page("""<h1>Publication</h1>
<p>This productivity plan<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>
will be published.</p>
<table><tr><th>Measure</th><th>2023/24</th></tr><tr><td>Agency staff<sup><a href="#fn2" id="fnref2">2</a></sup></td>
<td>4.7%</td></tr></table>
<section id="footnotes" class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>Published on the Council's website at https://anyshire.gov.uk/plan.<a href="#fnref1"
class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Source: payroll.<a href="#fnref2">↩︎</a></p></li></ol></section>"""))
    paragraph = document.blocks[1]
    assert paragraph.text == "This productivity plan will be published."
    assert paragraph.notes == [(len("This productivity plan"),
                                "Published on the Council's website at https://anyshire.gov.uk/plan.")]
    table = document.blocks[2]
    assert table.table.rows[1] == ["Agency staff", "4.7%"]
    assert table.notes == [(table.text.index(" | 4.7%"), "Source: payroll.")]
    assert [(b.text, b.part, b.section) for b in document.blocks[3:]] == [
        ("Published on the Council's website at https://anyshire.gov.uk/plan.", "footnote", ("Publication",)),
        ("Source: payroll.", "footnote", ("Publication",))]


def test_word_web_page_footnotes_are_attached_to_the_citing_sentence(tmp_path):
    document = read(tmp_path, page("""<div class=WordSection1><h1>Publication</h1>
<p class=MsoNormal>This productivity plan<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"
title=""><span class=MsoFootnoteReference>[1]</span></a> will be published in July.</p></div>
<div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%">
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1'
href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> Published on the
Council's website.</p></div></div>"""))
    assert [(b.text, b.part, b.notes) for b in document.blocks] == [
        ("Publication", "body", []),
        ("This productivity plan will be published in July.", "body",
         [(len("This productivity plan"), "Published on the Council's website.")]),
        ("Published on the Council's website.", "footnote", [])]


def test_a_list_of_links_to_other_pages_of_the_site_is_navigation_as_in_word_and_markdown(tmp_path):
    document = read(tmp_path, page("""<h1>Productivity plan</h1><h2>Related pages</h2>
<ul><li><a href="/council/equality">Equality and diversity at Mortgrove</a></li>
  <li><a href="/council/pay">Pay policy statement</a></li>
  <li><a href="https://www.local.gov.uk/">LGA productivity guidance</a></li>
  <li>Our <a href="/council/pay">pay policy</a> is published each March</li></ul>"""))
    assert [(b.text, b.furniture) for b in document.blocks if b.kind == "list-item"] == [
        ("Equality and diversity at Mortgrove", "navigation"), ("Pay policy statement", "navigation"),
        ("LGA productivity guidance", None), ("Our pay policy is published each March", None)]


def test_struck_through_text_is_left_out_as_crossed_out(tmp_path):
    document = read(tmp_path, "<html><body><h1>Plan</h1><p>Shown. <del>The plan will be published.</del> "
                              "<s>Struck.</s> <strike>Old.</strike> Kept.</p></body></html>")
    assert [b.text for b in document.blocks] == ["Plan", "Shown. Kept."]
