"""The six classes of judgement a careful reviewer makes (issue: plans never seen).

Each class is a capability, tested with its traps: sections and headings,
substance by specifics, negation and reported action, document furniture and
structured facts, figures however they are written, and placeholders. The
expected statuses were written from the letter and ../shared/requirements.md
before the checks were run on these texts.
"""

from __future__ import annotations

import pytest

from corpus.formats import to_docx, to_pdfs
from plancheck.engine import Settings, check_document
from plancheck.packs import load_pack
from plancheck.readers import ReadOptions, read_document

ENDORSEMENT = "governance.member-endorsement"
PUBLICATION = "governance.publication"
KPIS = "metrics.kpis"
FACILITY_TIME = "question.facility-time"


def status(report, rule_id):
    return next(r for r in report.results if r.rule.id == rule_id).status


def result(report, rule_id):
    return next(r for r in report.results if r.rule.id == rule_id)


def judged_as(check_md, text, rule_id, expected):
    """Whether ``text`` gets ``expected`` for the rule; "not pass" accepts partial or fail."""
    got = status(check_md(text, rule_id), rule_id)
    return got != "pass" if expected == "not pass" else got == expected


# ---------------------------------------------------------------- 1. sections, whatever their headings

THEME_SECTIONS = {
    "theme.transformation": ("Doing things differently", """\
        In 2021 we brought eleven separate contact points into one Customer Services team with a single
        case management system. Average phone waits fell from 9 minutes 40 seconds to under 3 minutes.
        We moved housing options and homelessness prevention into the same locality teams in 2022, and
        repeat presentations fell by 18%. Over the next two years we will redesign planning and building
        control around online applications."""),
    "theme.technology-data": ("Digital by default", """\
        We moved all 640 staff to Microsoft 365 in 2023 and retired 14 on-premises servers. A single
        data warehouse now replaces 40 departmental spreadsheets, and every director sees a monthly
        dashboard of demand and cost. We share housing and hospital-discharge data with the NHS every
        week. A pilot of AI transcription saved social workers about five hours a week each."""),
    "theme.wasteful-spend": ("Every pound counts", """\
        A spend control panel reviews every purchase over £5,000; in 2023/24 it refused or reduced 37
        requests worth £214,000. Every contract over £100,000 is reviewed each year before renewal. We
        stopped printing the residents' magazine and cancelled 120 software licences nobody used. Agency
        staff are approved only by a director, for no more than twelve weeks at a time."""),
    "theme.barriers": ("What would help us", """\
        - A multi-year funding settlement, so we can plan beyond one budget round.
        - Uprating housing benefit subsidy for temporary accommodation, which costs us £420,000 a year.
        - An end to competitive bidding for small funding pots: nine bids cost us £70,000 in 2023/24.
        - Local setting of planning fees, which cover only two thirds of our costs.
        - Common data standards for housing software, so that legacy systems can be replaced."""),
}


@pytest.mark.parametrize("rule_id", list(THEME_SECTIONS))
def test_a_theme_is_answered_by_what_its_section_says_whatever_the_heading(check_md, rule_id):
    heading, body = THEME_SECTIONS[rule_id]
    report = check_md(f"## {heading}\n\n{_dedent(body)}", rule_id)
    assert status(report, rule_id) == "pass"


def test_a_section_named_after_a_service_that_it_changed_answers_theme_one(check_md):
    text = """\
        ## Street lighting

        Street lighting costs us £1.3m a year, most of it in energy. In 2023 we fitted all 14,200 of our
        lanterns with LEDs and equipped them with dimming controls that we set centrally. Energy use fell
        by 58% and night-time faults are now reported by the lanterns themselves. Two electricians were
        redeployed from night patrols to the repairs team, and repairs within five days rose from 64% to 91%.
        """
    rule = "theme.transformation"
    assert status(check_md(text, rule), rule) == "pass"


@pytest.mark.parametrize("notes, expected", [
    (1, "pass"),
    # Mostly still a draft: one paragraph of the council's own among three notes.
    (3, "partial"),
])
def test_a_theme_section_that_is_mostly_drafting_notes_is_a_thin_answer(check_md, notes, expected):
    real = ("Since 2022 our social care records have been shared every night with the Ashby NHS Trust, so that "
            "discharge teams see care packages at once. Waits for a package after hospital fell from nine days "
            "to five. The fire service receives a weekly list of residents with oxygen at home. In 2023 we "
            "moved 410 staff to one cloud email system and closed two server rooms.")
    drafts = ["[Digital team to add the data quality plan.]", "[ICT to list legacy systems and dates.]",
              "[Insight team to describe the AI pilot.]"][:notes]
    text = "## Technology and data\n\n" + real + "\n\n" + "\n\n".join(drafts) + "\n"
    rule = "theme.technology-data"
    assert status(check_md(text, rule), rule) == expected


OPENING_QUESTION_PLAN = """\
    Harrowfield District Council: productivity plan, July 2024

    Since 2020 we have moved every housing and council tax form online, and 71% of requests now arrive
    that way. We closed two of our three customer offices in 2022 and put staff into the library hubs.

    {question} First, a one-year settlement: we cannot commit to a three-year depot replacement when we
    do not know next year's grant. Second, the cap on planning fees, which leaves a £410,000 gap each year
    between what applications cost us and what we may charge. Third, the 38 separate returns on small grants
    that we made to departments in 2023/24. We ask for settlements covering three years from 2025/26,
    planning fees set locally, and a single annual return.

    Progress will be reported to the Overview and Scrutiny Committee every six months.
    """


@pytest.mark.parametrize("question, expected", [
    # A paragraph that opens by asking what holds the council back is about barriers throughout,
    # as a section under that heading would be.
    ("What is holding us back?", "pass"),
    ("What stands in our way?", "pass"),
    # So does a paragraph whose first words turn to the theme.
    ("Turning to what holds us back, there are three things.", "pass"),
    ("As for the barriers government could remove, three stand out.", "pass"),
])
def test_a_paragraph_opening_with_a_question_is_read_with_it_as_with_a_heading(check_md, question, expected):
    rule = "theme.barriers"
    assert status(check_md(OPENING_QUESTION_PLAN.format(question=question), rule), rule) == expected


@pytest.mark.parametrize("opening, expected", [
    ("On wasteful spend, every", "pass"),
    # A subject its first words turn to that is no theme leaves the paragraph to its own words.
    ("On 1 April 2023, every", "partial"),
])
def test_a_paragraph_turning_to_a_theme_is_that_themes_paragraph(check_md, opening, expected):
    text = f"""\
        Harrowfield District Council: productivity plan, July 2024

        Since 2020 we have moved every housing and council tax form online, and 71% of requests now arrive
        that way. We closed two of our three customer offices in 2022 and put staff into the library hubs.

        {opening} request to fill a post or to buy anything above £2,500 has needed the
        Chief Executive's consent. In its first year this stopped or reduced £230,000 of orders. We buy
        energy, insurance and vehicles through the regional purchasing consortium, and since 2021 our
        building control service has been run jointly with Thorsby District Council. A £140,000 loan
        replaced the depot's lighting and heating controls in 2023 and is repaid from the £31,000 a year
        they save.
        """
    rule = "theme.wasteful-spend"
    assert status(check_md(text, rule), rule) == expected


def test_a_question_naming_the_theme_earns_nothing_over_generalities(check_md):
    text = """\
        Harrowfield District Council: productivity plan, July 2024

        Since 2020 we have moved every housing and council tax form online, and 71% of requests now arrive
        that way. We closed two of our three customer offices in 2022 and put staff into the library hubs.

        What is holding us back? Like every council, we face many challenges. The pressures on us are
        considerable and growing. We will keep working with government on all of them.
        """
    rule = "theme.barriers"
    assert status(check_md(text, rule), rule) != "pass"


def test_theme_one_is_known_by_what_its_questions_ask_not_by_its_words(check_md):
    # No "transform", "redesign" or "service": a structure changed, a process rebuilt, figures it moved.
    text = """\
    ## How we run the council now

    Eight years ago we had five departments, each with its own management team. Today there are two
    directorates, and the change removed eleven management posts. In 2022 we rebuilt the way we handle a
    change of address around a single record, and the average time to process one fell from 15 days to 6.
    Complaints answered within ten working days rose from 58% to 90%.
    """
    rule = "theme.transformation"
    assert status(check_md(_dedent(text), rule), rule) == "pass"


@pytest.mark.parametrize("rule_id", list(THEME_SECTIONS))
def test_a_heading_that_names_no_theme_is_a_note_never_half_the_points(check_md, rule_id):
    _, body = THEME_SECTIONS[rule_id]
    report = check_md(f"## Our year in review\n\n{_dedent(body)}", rule_id)
    assert status(report, rule_id) == "pass"
    assert "no heading names the theme" in result(report, rule_id).message


@pytest.mark.parametrize("heading, expected", [
    # Central government in a heading, with its capital, is where the asks and barriers are.
    ("Where Government comes in", "pass"),
    ("Local Government Reorganisation", "fail"),
])
def test_a_heading_naming_central_government_names_the_barriers_theme(check_md, heading, expected):
    text = (f"## {heading}\n\nWe cannot fill planning posts at the pay our grading scheme allows; 63 posts were "
            "vacant at some point in 2023/24.\n")
    rule = "question.barriers-productivity"
    assert status(check_md(text, rule), rule) == expected


def _dedent(text: str) -> str:
    import textwrap
    return textwrap.dedent(text).strip()


@pytest.mark.parametrize("under", ["", "[to be completed]", "TBC",
                                   "How you have transformed the way you design and deliver services to make "
                                   "better use of resources."])
def test_a_heading_naming_the_theme_earns_nothing_over_nothing(check_md, under):
    text = f"## Transforming our services\n\n{under}\n\n## Contact\n\nPlease email the policy team."
    assert status(check_md(text, "theme.transformation"), "theme.transformation") == "fail"


def test_the_letters_questions_pasted_under_a_line_introducing_them_are_no_answer(check_md):
    text = ("## Our services\n\nOur housing prevention team of six officers prevented 412 households from becoming "
            "homeless in 2023/24, and recruitment to planning posts is our main barrier to doing more.\n\n"
            "## 4. The barriers preventing progress that the Government can help to reduce or remove\n\n"
            "*Questions from the letter:*\n\n"
            "- *what are the barriers preventing you from improving productivity further within your organisation?*\n"
            "- *what are the barriers preventing you from improving services further?*\n\n"
            "TBC\n\n## 5. Measuring progress\n\nWe will report to Cabinet every quarter.")
    report = check_md(text, "theme.barriers", "question.barriers-productivity")
    assert status(report, "theme.barriers") == "fail"
    # The plan keeps a section for the barriers: a word on them elsewhere does not answer its questions.
    assert status(report, "question.barriers-productivity") != "pass"


def test_savings_from_redesigning_a_service_are_theme_one_not_theme_three(check_md):
    text = """\
    ## Where the biggest savings are

    Adult social care has the greatest potential for savings. Redesigning home care around reablement
    could save £1.2m a year by 2026/27, and moving to outcome-based home care saves a further £0.7m.
    Our new reablement team has already helped 340 people regain independence since 2022."""
    report = check_md(text, "theme.transformation", "theme.wasteful-spend")
    assert status(report, "theme.wasteful-spend") == "fail"
    assert status(report, "theme.transformation") in ("pass", "partial")


# ---------------------------------------------------------------- 2. substance by specifics, not word counts

@pytest.mark.parametrize("asks, expected", [
    # Requests in the imperative, after the barrier each answers.
    ("- **One-year settlements** stop us planning. Give us three-year settlements.\n"
     "- **Temporary accommodation subsidy** is pegged to 2011 rates. Uprate it.\n", "pass"),
    ("1. **Planning fees.** Let us set planning fees locally.\n"
     "2. **Competitive bidding.** Replace small competitive funds with formula allocations.\n", "pass"),
    # A request made as one, "please" before its verb.
    ("- **Disabled Facilities Grant.** The £30,000 grant limit has not changed since 2008. Please raise and "
     "index it.\n- **Planning fees.** Fees cover about 62 per cent of the cost of an application. Please let "
     "districts set fees locally.\n", "pass"),
    # An ask in a list item asks of the item's barrier, specific in the sentences before it.
    ("- **Temporary accommodation subsidy.** Housing benefit subsidy for temporary accommodation is still capped "
     "at 90% of January 2011 local housing allowance rates. We lost £9.7m in subsidy in 2023/24 as a result. We "
     "ask Government to uprate the cap to current rates.\n", "pass"),
    # A wish in a contraction is a wish.
    ("- **Bidding for funding takes time.** We spent weeks of staff time last year bidding for three government "
     "funds and won one. We'd rather funding was shared out by a formula.\n", "pass"),
    # The same verbs where no request opens the sentence: barriers described, nothing asked.
    ("- One-year settlements stop us planning, and the fees councils set are capped nationally.\n"
     "- Competitive bidding takes weeks of staff time for funds we rarely win.\n", "not pass"),
])
def test_a_request_in_the_imperative_is_an_ask_of_government(check_md, asks, expected):
    text = ("## What holds us back\n\nMost of what slows us down we can tackle ourselves. Some things are out of "
            "our hands.\n\n" + asks)
    assert judged_as(check_md, text, "question.government-asks", expected)


def test_a_paragraph_listing_its_barriers_weighs_each_one(check_md):
    # No heading names the barriers: the paragraph about them throughout answers the theme, and its list of
    # four barriers weighs as it would in a section.
    text = """\
    HOLLINSGATE BOROUGH COUNCIL

    1. Hollinsgate Borough Council is a district council in a two-tier area, serving 72,000 residents. The county
    council provides social care, highways and education. We employ 238 staff and our net revenue budget for
    2024/25 is £11.4m. This plan answers the Minister's letter of 16 April 2024 one question at a time.

    2. Since 2019 we have reduced the corporate management team from nine posts to five and merged environmental
    health, licensing and community safety into a single Regulatory Services team under one manager. Back-office
    support staff now work in one Business Support team, which has allowed us to delete eight posts as people
    left, saving £265,000 a year without redundancies.

    22. The barriers to further progress are the same across most of our services. They are: one-year funding
    settlements, which make it hard to commit to changes that take more than a year to pay back; planning fees
    set nationally below the cost of the service; the time spent bidding for and monitoring small, short-term
    grants; and a shortage of qualified planners and environmental health officers, which drives our agency
    spend. We would ask the Government for a multi-year settlement, for local planning fees, for small grants
    to be paid by formula, and for funded apprenticeship routes into planning and environmental health.

    23. We will track this plan through the following measures, all reported in the quarterly performance
    report: days to validate a planning application (now 4; target 3 by March 2026); share of service requests
    made online (now 58%; target 70%); and households prevented from becoming homeless (296; target 320).

    24. This plan was approved by the Policy and Resources Committee on 27 June 2024.
    """
    rule = "theme.barriers"
    assert status(check_md(text, rule, name="plan.txt"), rule) == "pass"


def test_eighty_words_naming_five_asks_pass_the_barriers_theme(check_md):
    heading, body = THEME_SECTIONS["theme.barriers"]
    text = f"## {heading}\n\n{_dedent(body)}"
    assert 60 <= len(text.split()) <= 100
    assert status(check_md(text, "theme.barriers"), "theme.barriers") == "pass"


GENERALITIES = """\
## Barriers to progress

Like every council in the country, we face many challenges. The financial environment remains
extremely difficult and the pressures on local government have never been greater. Demand for our
services continues to grow while resources continue to shrink, which makes it harder to invest in the
changes that would make us more productive.

We are ambitious for our residents and committed to doing everything we can to improve services.
However, there are a number of barriers which limit how far and how fast we can go. Some are within our
control and we are working hard to address them. Others are outside our control and we would welcome
the support of Government in addressing them.

Uncertainty is a significant issue for the whole sector. It is difficult to plan effectively when the
future is uncertain, and this can lead to short-term decisions that are not always in the best
long-term interests of residents. Greater certainty would allow councils to plan with more confidence.

Capacity is another challenge. Councils have lost many experienced staff in recent years and it is
increasingly difficult to recruit and retain people with the right skills. We look forward to working
with Government to overcome the barriers that we face, so that we can continue to deliver high-quality
services for our communities now and in the future.
"""


def test_three_hundred_words_of_generalities_do_not_answer_the_barriers_theme(check_md):
    report = check_md(GENERALITIES, "theme.barriers", "question.government-asks")
    assert status(report, "theme.barriers") == "partial"
    assert status(report, "question.government-asks") != "pass"


@pytest.mark.parametrize("text, expected", [
    ("We track eight measures, including the average days to process a benefit claim (9 days; target 8).",
     "pass"),
    ("| Indicator | 2023/24 | Target 2025/26 |\n|---|---|---|\n| Households in temporary accommodation | 61 | 50 |",
     "pass"),
    ("We take part in annual benchmarking exercises.", "fail"),
    # A number inside a measure's name is not a value: no baseline, target or figure is given.
    ("We will track six measures:\n\n- the percentage of calls answered within three minutes;\n"
     "- the average days to process a claim.\n\nWe will not set targets until 2025.", "partial"),
    ("Average days to process a claim: from 28 days to 21 by March 2026, our key performance indicator.",
     "pass"),
    ("We saved £1.4m last year.", "partial"),
    ("| Measure | Now (2023/24) | March 2026 |\n|---|---|---|\n| Days to re-let a council home | 41 | 28 |\n",
     "pass"),
    # A header row over rows still blank names nothing.
    ("| Measure | 2023/24 |\n|---|---|\n| Days to re-let a council home | [tbc] |\n", "fail"),
    ("We will agree key performance indicators with Cabinet.", "partial"),
    # A sum to be saved is a figure, not a measure someone tracks.
    ("Our savings targets are £14.2m in 2024/25, £9.8m in 2025/26 and £7.1m in 2026/27.", "partial"),
    # Columns of what is measured, now and where the council wants to be, in plain words.
    ("| What we measure | Now (2023/24) | Where we want to be by 2026 |\n|---|---|---|\n"
     "| Contacts made online | 67% | 80% |\n", "pass"),
    # Measures named by what they count, beside the figures they will move.
    ("We will move 80% of financial assessments online. We will measure these through placement costs, the share "
     "of people independent after reablement and the number of in-house foster placements.", "pass"),
])
def test_a_kpi_is_a_named_measure_not_a_benchmarking_exercise_or_a_lone_figure(check_md, text, expected):
    assert status(check_md(text, KPIS), KPIS) == expected


# ---------------------------------------------------------------- 3. negation, modality, reported action

@pytest.mark.parametrize("text, rule_id", [
    ("We have not yet agreed KPIs for this plan.", KPIS),
    ("The plan has not been considered by members.", ENDORSEMENT),
    ("We will not publish the plan on our website until the panel has reported.", PUBLICATION),
    ("No decision has been taken by Cabinet on the plan.", ENDORSEMENT),
    # Denied by the predicate, after the subject.
    ("Publication of the plan on our website is not planned.", PUBLICATION),
    ("Approval of the plan by Cabinet has not been sought.", ENDORSEMENT),
    ("Sign-off of this plan by the Leader is not expected before submission.", ENDORSEMENT),
])
def test_negated_statements_are_not_answers(check_md, text, rule_id):
    assert status(check_md(text, rule_id), rule_id) == "fail"


MEASURES_TABLE = ("\n\n| Measure | 2023/24 | Target 2026 |\n|---|---|---|\n"
                  "| Days to re-let a council home | 41 | 28 |\n")


@pytest.mark.parametrize("text, expected", [
    # The plan's own word that its indicators are not agreed caps what else it shows at partial ...
    ("We have not yet agreed the indicators we will use to track this plan." + MEASURES_TABLE, "partial"),
    # ... and a mention of the missing indicators earns nothing.
    ("We have not yet agreed the indicators we will use to track this plan. Directors are drawing up a short "
     "set of measures.", "fail"),
    # Said of the indicators, in whatever words say they are missing.
    ("Key performance indicators are not yet in place for this plan.", "fail"),
    ("Metrics for this plan are not yet available; they will follow in the autumn.", "fail"),
    # Measures whose targets are still to come are measures.
    ("We have not yet set targets for the measures in this plan; they will be agreed with the budget."
     + MEASURES_TABLE, "pass"),
    # Measures named, their figures all still to come and said to be, with figures elsewhere in the plan:
    # measures named without any figure.
    ("We saved £1.2m in 2023/24 by merging our contact centres.\n\nWe have chosen a small number of measures, "
     "one for each of the changes described in sections 2 to 5.\n\n| Measure | Baseline | Target |\n|---|---|---|\n"
     "| Average days to process a new housing benefit claim | [TBC] | to be agreed |\n"
     "| Cost of waste collection per household | [TBC] | to be agreed |\n\n"
     "We have not yet set baselines or targets for these measures.", "partial"),
    # ... or said in the passive, of measures whose names hold numbers but give no figure.
    ("We saved £1.2m in 2023/24.\n\nWe will track the following measures: the percentage of Education, Health "
     "and Care Plans completed within 20 weeks; and the number of agency workers in post for more than six "
     "months. Baselines and targets for these measures have not yet been agreed; they will be set in the autumn.",
     "partial"),
    # Indicators the plan will make later it does not have yet ...
    ("Progress will be monitored through our performance framework. We will develop a set of key performance "
     "indicators for this plan over the coming months.", "fail"),
    # ... unless it makes them again and again: a routine, not an absence.
    ("We will agree the indicators for this plan with Cabinet each year." + MEASURES_TABLE, "pass"),
    # Denying only new indicators keeps the ones the plan already has.
    ("We have not set new KPIs for this plan. Instead we will track it with measures already in our Council "
     "Plan." + MEASURES_TABLE, "pass"),
    ("We have not set KPIs for this plan. Instead we will track it with measures already in our Council "
     "Plan." + MEASURES_TABLE, "partial"),
])
def test_a_plan_that_says_it_has_no_kpis_yet_is_believed(check_md, text, expected):
    assert status(check_md(text, KPIS), KPIS) == expected


@pytest.mark.parametrize("text, rule_id, expected", [
    # Two negations make a rule: the consent is required, not denied (and the comma inside "£20,000" ends
    # no scope).
    ("No contract above £20,000 is let without the consent of our Spending Board, which has stopped £2.1m of "
     "spending since 2022.", "question.waste-approach", "pass"),
    # A part of the answer said only in denial: "productivity" is not measured here.
    ("We do not measure productivity as such. Managers look at whether budgets are kept to.",
     "question.measuring-productivity", "partial"),
    ("We look at the cost of each unit of service, such as a home care hour, and set it against similar councils.",
     "question.measuring-productivity", "pass"),
])
def test_negation_reaches_past_an_amount_and_two_negations_make_a_rule(check_md, text, rule_id, expected):
    assert status(check_md(text, rule_id), rule_id) == expected


@pytest.mark.parametrize("text", ["The plan should be approved by Cabinet in due course.",
                                  "If members agree, the plan will be endorsed in September.",
                                  # An open question decides none of its choices.
                                  "We still need to agree whether this plan goes to Cabinet or is signed off "
                                  "by the Leader under delegated powers.",
                                  # A meeting whose date is still to be fixed is not named.
                                  "The draft plan was discussed by the Cabinet at its informal briefing on 2 July "
                                  "2024. It will be brought to members for formal approval before it is "
                                  "submitted; the date is yet to be fixed.",
                                  # Agreeing to what a clause says approves nothing.
                                  "Councillor Oakes asked whether the plan would be published. The Leader agreed "
                                  "that the plan would not be put on the Council's website for the time being."])
def test_a_hedged_endorsement_is_not_an_endorsement(check_md, text):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) != "pass"


@pytest.mark.parametrize("text", [
    "The plan was presented to Cabinet on 9 July 2024.",
    "The productivity plan was reported to the Overview and Scrutiny Committee in July.",
    "The plan was noted by the Policy and Resources Committee on 11 July 2024.",
    "The draft plan was considered by the Executive on 8 July 2024.",
    "The plan was shared with members by email on 16 July 2024.",
    "The plan was circulated to councillors before submission.",
    "Group leaders were briefed on this draft on 1 July 2024.",
    "The draft was instead shared with the leaders of the three political groups on 11 July 2024.",
    # Minutes reporting what members did frame it; a second report named in another clause is apart.
    "We began drafting in May. The minutes record that Cabinet \"noted the draft Productivity Plan and the "
    "timetable for its submission\" and that the quarter four performance report was \"received and noted\".",
    # A resolution to note the plan, made by the meeting the minutes' heading names.
    "## Minutes of the Cabinet, 11 July 2024\n\nRESOLVED: that the draft Productivity Plan be noted.",
    # Approval dated after the submission it gives is too late to endorse the plan before it went.
    "The plan was shared with all councillors on 8 July 2024. It was submitted on 19 July 2024 and will go to "
    "Cabinet for approval on 29 July 2024.",
    # ... wherever the plan gives the date it went.
    "## Minutes of the Cabinet, 11 July 2024\n\nRESOLVED:\n\n1. that the draft Productivity Plan be noted;\n2. that the Director "
    "send the draft to the Department by 19 July 2024;\n3. that a final version of the plan be brought to "
    "Cabinet on 17 September 2024 for approval.\n\nThe draft plan was sent to the Department on 18 July 2024.",
    # An officer's own delegated authority to submit it is no decision of members on it.
    "The plan was presented to Cabinet on 4 July 2024, which noted it. The Chief Executive will submit it to "
    "the Department under her delegated authority.",
])
def test_members_seeing_the_plan_is_partial_endorsement(check_md, text):
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "partial"
    assert "no endorsement is stated" in result(report, ENDORSEMENT).message


@pytest.mark.parametrize("text", [
    "This plan was approved by Cabinet on 9 July 2024.",
    "Full Council agreed the productivity plan on 18 July 2024.",
    "The plan was endorsed by the Leader of the Council on 15 July 2024.",
    "The Resources Committee signed off the plan at its meeting on 10 July 2024.",
    "This plan was signed off by the Portfolio Holder for Resources on 12 July 2024.",
    "Councillor Priya Nandra, Cabinet Member for Finance, approved this plan on 12 July 2024.",
    "The Chief Executive, in consultation with the Leader of the Council, approved the final plan on "
    "16 July 2024 under delegated authority.",
    "Cabinet will be asked to approve the plan at its meeting on 16 July 2024, before submission.",
    # Whether it would be approved was settled, and it was: the open question is only the clause's.
    "Members asked whether it should go to full Council or to Cabinet, but the Leader approved the plan on "
    "12 July 2024.",
    "The plan was submitted on 19 July 2024, after Cabinet approved it on 9 July 2024.",
    "The plan will be submitted by 19 July 2024. Cabinet will be asked to approve it on 16 July 2024.",
    # What was agreed is the plan's content, named by "its".
    "This page is our plan. Cabinet agreed its content and its publication on this website at its meeting on "
    "16 July 2024.",
    # A report "submitted to Cabinet" went to members, not to Government.
    "The report was submitted to the Cabinet meeting of 2 July 2024, which deferred it. Cabinet approved "
    "the plan on 11 July 2024.",
])
def test_members_deciding_on_the_plan_is_endorsement(check_md, text):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == "pass"


@pytest.mark.parametrize("text, body, date", [
    ("Councillor Priya Nandra, Portfolio Holder for Resources, signed off this plan on 12 July 2024.",
     "Portfolio Holder for Resources", "12 July 2024"),
    ("This plan was signed off by Cllr Joe Bell, the Cabinet Member for Finance, on 12 July 2024.",
     "Cabinet Member for Finance", "12 July 2024"),
    ("The plan will be considered for approval by Cabinet on 16 July 2024, before submission on 19 July, and "
     "once approved it will be published.", "Cabinet", "16 July 2024"),
    ("On 5 July 2024 the Cabinet Member for Resources and Reform, Councillor Priya Hallam, approved the plan.",
     "Cabinet Member for Resources and Reform", "5 July 2024"),
    ("The final plan was approved by the Executive Member for Resources on 12 July 2024, under the delegation "
     "agreed by Cabinet, and submitted on 15 July 2024.", "Executive Member for Resources", "12 July 2024"),
    ("Sign-off\n\nApproved by: Strategy and Resources Committee\nDate: 2 July 2024",
     "Strategy and Resources Committee", "2 July 2024"),
    # The office, without the article that opens the sentence.
    ("The Leader of the Council approved this plan on 15 July 2024, after a briefing for all councillors.",
     "Leader of the Council", "15 July 2024"),
    ("The Council's Policy and Resources Committee approved the plan on 4 July 2024.",
     "Policy and Resources Committee", "4 July 2024"),
    # Any committee named after its remit is a body, not a policy or a strategy.
    ("Under our committee system the Policy and Housing Committee resolved to approve this plan on 3 July 2024.",
     "Policy and Housing Committee", "3 July 2024"),
    # A delegated decision: the member it was taken with, on the day it was taken.
    ("On 3 July 2024 Cabinet delegated approval of the final plan to the Director of Resources, in "
     "consultation with the Cabinet Member for Finance.\n\nThe plan was signed off under that delegated "
     "authority on 12 July 2024.", "Cabinet Member for Finance", "12 July 2024"),
    # The decision taken after consulting those the delegation named: its date, not the delegation's.
    ("At its meeting on 25 June 2024 the Policy and Resources Committee considered a draft of this plan and "
     "delegated final approval to the Chief Executive in consultation with the Leader of the Council. The "
     "Chief Executive approved the final version on 12 July 2024, having consulted him.",
     "Leader of the Council", "12 July 2024"),
    # A member's own words: the office they write as, not the meeting they also mention.
    ("As Cabinet Member for Resources, I am pleased to endorse this plan. Cabinet discussed it at a briefing "
     "in June, and I signed it off on 11 July 2024.", "Cabinet Member for Resources", "11 July 2024"),
    # ... or the office they decided as, after the sentence that named their whole title.
    ("I write as Leader of the London Borough of Cranmere. I approved this plan as Leader on 12 July 2024, under "
     "powers the Cabinet delegated to me, after Cabinet members had discussed it.", "Leader", "12 July 2024"),
    # The date of the letter that asked for the plan is not the date of a decision on it.
    ("This plan answers the Minister's letter of 16 April 2024. The Leader of the Council approved it on "
     "15 July 2024, after a briefing for group leaders.", "Leader of the Council", "15 July 2024"),
    # A question heading lends its words to a short reply, not to a reply that says what happened instead.
    ("## How has the plan had member oversight and endorsement?\n\nCouncillors on the Policy and Resources "
     "Committee discussed a first draft at an informal workshop on 19 June 2024. The committee approved the "
     "final plan at its meeting on 9 July 2024.", "committee", "9 July 2024"),
    # A sign-off row naming the member, then the office, then whom they consulted.
    ("| Field | Detail |\n|---|---|\n| Approved by | Councillor Graham Whitlock, Leader of the Council, in "
     "consultation with Cabinet |\n| Date approved | 11 July 2024 |", "Leader of the Council", "11 July 2024"),
    # The date in the clause of the deciding, not of what members did first.
    ("Cabinet considered this plan on 9 July 2024 and recommended it to Full Council, which approved it on "
     "17 July 2024.", "Full Council", "17 July 2024"),
    ("The plan was commented on by the Scrutiny Panel at a workshop on 2 July 2024, and approved by the "
     "Executive on 10 July 2024.", "Executive", "10 July 2024"),
    # A date said first, in a phrase put before the deciding, is another step's.
    ("Following scrutiny by the Overview and Scrutiny Committee on 2 July, Cabinet approved the plan on "
     "9 July 2024.", "Cabinet", "9 July 2024"),
    # A date in figures.
    ("Approval of this plan was given by Cabinet on 10/07/2024.", "Cabinet", "10/07/2024"),
    # ... nor of the submission that follows it.
    ("The plan will go to the meeting of Full Council on 18 July 2024, which will be asked to approve it "
     "before it is submitted to the Ministry on 19 July.", "meeting of Full Council", "18 July 2024"),
    # The sentence's own date, not the one of the sentence it refers back to.
    ("Cabinet discussed a draft of this plan on 9 July 2024. Full Council will be asked to approve it at its "
     "meeting on 18 July 2024, before it is submitted to the Government on 19 July.", "Full Council",
     "18 July 2024"),
    # A deadline, or a date from which something starts, dates no decision.
    ("The Cabinet Member for Resources approved the plan for submission to the Department by 19 July 2024, "
     "with progress reported to scrutiny every six months starting in January 2025.",
     "Cabinet Member for Resources", None),
    ("At its meeting Cabinet approved the plan for submission by the deadline of 19 July 2024.", "Cabinet", None),
    # The body that approved as its second verb, not the member the delegation of changes consults.
    ("Cabinet considered a draft of this plan on 9 July 2024 and approved it, delegating any final drafting "
     "changes to the Chief Executive in consultation with the Leader of the Council.", "Cabinet", "9 July 2024"),
    ("The Scrutiny Committee considered the plan on 2 July 2024 and the Chief Executive approved it on 9 July "
     "2024 in consultation with the Leader of the Council.", "Leader of the Council", "9 July 2024"),
    # A report's cover table gives its meeting and the date in rows of their own.
    ("| | |\n|---|---|\n| Meeting | Cabinet |\n| Date | 15 July 2024 |\n| Report of | Director of Resources |\n\n"
     "1.1 To ask Cabinet to approve the council's Productivity Plan for submission by 19 July 2024.",
     "Cabinet", "15 July 2024"),
    # ... but only with the meeting of the body that decides.
    ("| | |\n|---|---|\n| Meeting | Scrutiny Committee |\n| Date | 2 July 2024 |\n\n"
     "1.1 To ask Cabinet to approve the council's Productivity Plan for submission by 19 July 2024.",
     "Cabinet", None),
])
def test_the_endorsement_fact_is_the_office_and_the_date_of_its_meeting(check_md, text, body, date):
    assert check_md(text, ENDORSEMENT).facts["endorsement"] == {"body": body, "date": date}


@pytest.mark.parametrize("text, date", [
    # A report to a meeting: the meeting's own line dates the decision it asks for.
    ("# Easterby County Council\n\nCABINET - 16 JULY 2024\n\n## Recommendations\n\nThat Cabinet approves the "
     "Productivity Plan at Appendix A for submission to the Department.", "16 JULY 2024"),
    ("| | |\n|---|---|\n| Meeting | Cabinet, 9 July 2024 |\n| Report of | Chief Executive |\n\n"
     "Cabinet is recommended to approve the Productivity Plan for submission.", "9 July 2024"),
    # A line naming another body, a deadline or more than a meeting dates nothing.
    ("Full Council - 18 July 2024\n\nCabinet is recommended to approve the Productivity Plan for submission.",
     None),
    ("Cabinet: plan due with the Department by 19 July 2024\n\nCabinet is recommended to approve the "
     "Productivity Plan for submission.", None),
    ("The Cabinet met on 2 July 2024 to discuss the budget, and no other business was taken at that meeting.\n\n"
     "Cabinet is recommended to approve the Productivity Plan for submission.", None),
])
def test_an_undated_decision_takes_the_date_of_the_meeting_the_document_is_for(check_md, text, date):
    assert check_md(text, ENDORSEMENT).facts["endorsement"] == {"body": "Cabinet", "date": date}


@pytest.mark.parametrize("text", [
    "The plan was endorsed by our external auditors, Grant & Co, in June 2024.",
    "Our performance is reported to Cabinet every quarter.",
    "Cabinet approved the Medium Term Financial Strategy in February; this plan builds on it.",
    "The Audit Committee approved the internal audit plan in June, which includes a review of the contract "
    "rules described in this productivity plan.",
])
def test_endorsement_by_others_or_of_other_things_does_not_count(check_md, text):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) != "pass"


def test_a_title_line_naming_a_meeting_is_no_decision(pack):
    # Word sets a report's title line as a plain paragraph, where Markdown would make it a heading.
    from plancheck.document import PARAGRAPH, Block, Document
    document = Document(path="plan.docx", format="docx", blocks=[
        Block(PARAGRAPH, "Cabinet, 16 July 2024 – Item 7 – Appendix A: Wrenbury Council Productivity Plan"),
        Block(PARAGRAPH, "This plan sets out how the council has become more productive since 2019."),
    ])
    report = check_document(document, [pack])
    assert status(report, ENDORSEMENT) == "fail"


@pytest.mark.parametrize("reply, expected", [
    # What the question asks is what a short reply says...
    ("Yes: Cabinet, at its meeting on 9 July 2024.", "pass"),
    # ... but a reply that reports members only seeing the plan does not borrow the question's endorsement.
    ("Councillors discussed a first draft at an informal workshop on 19 June 2024.", "partial"),
    ("The draft was presented to Cabinet on 9 July 2024.", "partial"),
])
def test_a_question_heading_lends_a_reply_only_what_it_leaves_unsaid(check_md, reply, expected):
    text = ("This plan sets out how the council has become more productive and what it will do next, in the "
            f"order of the questions the Minister asked.\n\n## Has the plan been endorsed by members?\n\n{reply}")
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


# ---------------------------------------------------------------- 4. furniture and structured facts

FURNITURE = """\
# Ashby District Council Productivity Plan 2024

DRAFT – Productivity Plan – Page 1 of 4

## Contents

Transforming our services ........ 2
Technology and data ........ 2
Reducing wasteful spend ........ 3
Barriers and our asks ........ 4

## Transforming our services

In 2022 we merged our revenues and benefits teams into one service; claims are now processed in 9 days
rather than 15.

DRAFT – Productivity Plan – Page 2 of 4

## Reducing wasteful spend

A spend control panel reviews every purchase over £5,000.

DRAFT – Productivity Plan – Page 3 of 4

3
"""


def test_contents_lines_running_headers_and_page_numbers_are_never_evidence(check_md):
    report = check_md(FURNITURE, "theme.barriers", "theme.technology-data")
    # "Barriers and our asks .... 4" is a contents line, not a barriers section.
    assert status(report, "theme.barriers") == "fail"
    assert status(report, "theme.technology-data") == "fail"
    quoted = [e.quote for r in report.results for e in r.evidence]
    assert not any("Page 2 of 4" in q or "........" in q for q in quoted)


FOOTNOTED = """\
## About this plan

This productivity plan[^1] sets out how we will improve services over the next two years.

[^1]: Published on the Council's website at www.example.gov.uk/plan once it has been submitted.
"""

SIGN_OFF = """\
## Document control

| Item | Detail |
|---|---|
| Approved by | Cabinet |
| Date | 9 July 2024 |
| Status | Final |
"""


def test_a_footnote_belongs_to_the_sentence_that_cites_it(check_md):
    assert status(check_md(FOOTNOTED, PUBLICATION), PUBLICATION) == "pass"


@pytest.mark.parametrize("mark, note, name", [
    (mark, note, name) for mark, note in [("¹", "¹"), ("(1)", "(1)"), (" [1]", "[1]"), ("*", "*")]
    for name in ["plan.txt", "plan.md"]
    if not (mark == "*" and name == "plan.md")])  # in Markdown an asterisk is emphasis
def test_a_plain_text_footnote_belongs_to_the_sentence_that_cites_it(check_md, mark, note, name):
    text = f"""\
        Fenmoor District Council: Productivity Plan 2024

        This productivity plan{mark} sets out how we have changed the way we work.

        {note} Published on the Council's website at www.fenmoor.gov.uk/productivity after submission.
        """
    report = check_md(text, PUBLICATION, name=name)
    assert status(report, PUBLICATION) == "pass", result(report, PUBLICATION).message
    # The note is read with its sentence, never as a paragraph of its own.
    assert all("Published on the Council" not in e.quote.split("productivity plan")[0]
               for e in result(report, PUBLICATION).evidence)


def test_a_numbered_line_nobody_cites_is_not_a_footnote(check_md):
    text = """\
        Our priorities:

        (1) Published data on the website for every service.
        """
    assert status(check_md(text, PUBLICATION, name="plan.txt"), PUBLICATION) == "fail"


@pytest.mark.parametrize("text", [
    "Once submitted, a copy will be placed on the council's website.",
    "Our response will appear on the council's website in July.",
    "The final version will be available to residents on our website.",
    "The plan can be found on the council's website.",
    "Residents can view the plan on the council's website.",
    "Following submission, the plan will be uploaded to the Council's internet site.",
    "This document will be posted on the council's corporate site.",
    "We will also publish the plan online.",
    "We will make the plan public on our website once it has been submitted.",
    "The plan will go on the council website after submission.",
    # The letter's own words, turned from what must be done into what will be.
    "The plan will be uploaded to our website so that residents can see it.",
    "Key dates:\n\n- Cabinet approval: 9 July 2024\n- Submission to DLUHC: 19 July 2024\n"
    "- Publication on the council website: 22 July 2024",
    "Status: Final\n\nApproved by: Cabinet, 9 July 2024\n\nPublished: council website, 22 July 2024",
    "The plan was approved on 12 July 2024, and we will place it on the council's website once it is submitted.",
    # A drafting note between a sentence and the one pointing back to it is stepped over.
    "This plan sets out what we have done. [Policy: confirm the sign-off route.] It will be published on the "
    "council's website after submission.",
    # The sentence "It" points back to is still a draft, but it names what "it" is: the plan.
    "This plan was [approved / endorsed] by [Cabinet / the Leader] on [date]. It will be published on our website.",
    "The final version of the plan goes to Cabinet on [TBC] for approval. It will then be placed on the council's "
    "website.",
    # A plan that is itself a page of the council's website.
    "This page is our answer to the Minister. We have published the plan here so that residents can read it.",
    # A plan written as a letter to the Minister.
    "Once you have received it, we will place this letter on the council's website, where residents can read it.",
    # Two councils sharing their staff, each with a website.
    "7.5 Once signed off, the plan will be published on both councils' websites.",
    # The plan named in the letter's words, then published in the council's own.
    "The Government asked every council in England to write a productivity plan. This page is ours, and we have "
    "published it here so that residents can read it.",
    # The letter's ask reported, then the council's own statement after it.
    "The Minister asked councils to publish their plans; we will publish our plan on the council's website in July.",
    # A copy of it.
    "We will place a copy of this plan on the Council's website after it has been submitted.",
    # "It" two sentences on from the plan, past a sentence that names no document.
    "This plan was approved by the Strategy and Finance Committee on 2 July 2024. Members of all three groups "
    "spoke on the item. It will be published on the Council's website after it has been submitted.",
    # The letter's request put first, in a phrase of its own, before the council's statement.
    "In line with the Minister's request, the plan will be published on the Council's website.",
    "The productivity plan will be placed in the public domain via the Council's website.",
    "You can read this plan, and the Cabinet report that agreed it, at www.oakbridge.gov.uk/plans.",
])
def test_publication_of_the_plan_however_it_is_worded(check_md, text):
    assert status(check_md(text, PUBLICATION), PUBLICATION) == "pass"


@pytest.mark.parametrize("text", [
    "The plan must also be uploaded to your website so that residents can see it.",
    "Our Council Plan is available on our website.",
    "The plan reflects what residents told us in our website survey.",
    "The plan should be published on the council's website.",
    "Published data: our website carries all spending over £500.",
    # An unfinished sentence before "It" lends it only what "it" is, never its own claims.
    "Our budget for 2024/25 was set by Full Council on [date] after consultation with residents. It will be "
    "published on our website.",
    # What the letter asked, reported in the council's sentence, is the letter's word, not the council's.
    "The Minister's letter asks councils to make sure there is member oversight and endorsement of their plan "
    "before it is submitted, and that the plan is uploaded to the council's website.",
    # "It" is the document named just before it, not the plan named further back.
    "This plan was endorsed by the Leader on 12 July 2024. Our Medium Term Financial Strategy was refreshed in "
    "June. It will be published on our website.",
])
def test_other_things_online_or_the_letters_instruction_are_not_publication(check_md, text):
    assert status(check_md(text, PUBLICATION), PUBLICATION) == "fail"


@pytest.mark.parametrize("text, expected", [
    # Under a status label, a step taken on the document with its subject left out is about the plan.
    ("STATUS: Draft for Cabinet. Considered by the Overview and Scrutiny Committee on 2 July 2024, whose comments "
     "are reflected below. Not yet approved by Cabinet.", "partial"),
    ("Status: Final. Approved by Cabinet on 9 July 2024.", "pass"),
    ("6.1 The plan was approved by Cabinet on 9 July 2024, as first timetabled in May.", "pass"),
    # Not under a document-control label: whose step it is is not said.
    ("Our Corporate Plan sets our priorities. Considered by the Overview and Scrutiny Committee on 2 July 2024.",
     "fail"),
])
def test_a_status_line_speaks_of_the_document(check_md, text, expected):
    assert status(check_md(text, ENDORSEMENT, name="plan.txt"), ENDORSEMENT) == expected


def test_a_meeting_once_timetabled_to_approve_the_plan_approves_nothing(check_md):
    report = check_md("6.1 The plan was originally timetabled for approval by Cabinet on 9 July 2024. The July "
                      "meeting was stood down, and the Chief Executive submitted the plan under delegated powers.",
                      ENDORSEMENT)
    assert status(report, ENDORSEMENT) != "pass"
    assert report.facts["endorsement"] is None


def test_a_sign_off_table_is_an_endorsement(check_md):
    report = check_md(SIGN_OFF, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"
    assert report.facts["endorsement"] == {"body": "Cabinet", "date": "9 July 2024"}


SIGNATURES = """\
    SIGN-OFF

      Signed:     {name}
                  {office}
      Date:       15 July 2024

      Signed:     Graham Lister
                  Chief Executive
      Date:       15 July 2024
    """


@pytest.mark.parametrize("name, office, expected, body", [
    # A member's signature on the plan signs it off, the office read past the name on the line above.
    ("Councillor Nadia Fenwick", "Leader of the Council", "pass", "Leader of the Council"),
    ("Cllr Tom Ashby", "Portfolio Holder for Resources", "pass", "Portfolio Holder for Resources"),
    # Only officers signed: no member endorsed it.
    ("Priya Shah", "Director of Resources", "fail", None),
])
def test_a_signature_block_is_a_sign_off(check_md, name, office, expected, body):
    report = check_md(SIGNATURES.format(name=name, office=office), ENDORSEMENT, name="plan.txt")
    assert status(report, ENDORSEMENT) == expected
    if body:
        assert report.facts["endorsement"] == {"body": body, "date": "15 July 2024"}


@pytest.mark.parametrize("text", ["The Leader signed up to the LGA's productivity pledge for this plan in May.",
                                  "Cabinet members signed a letter to the Minister about funding; the plan "
                                  "was noted by Cabinet on 9 July 2024."])
def test_signing_something_else_is_no_sign_off_of_the_plan(check_md, text):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) != "pass"


@pytest.mark.parametrize("decided_by, expected", [("Full Council", "pass"), ("Corporate Management Team", "fail")])
def test_a_sign_off_table_laid_out_by_stage_is_an_endorsement(check_md, decided_by, expected):
    text = ("## Sign-off\n\n| Stage | By | Date |\n|---|---|---|\n| Drafted | Policy Officer | 20 June 2024 |\n"
            f"| Approved | {decided_by} | 11 July 2024 |\n| Submitted | Chief Executive | 15 July 2024 |\n")
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == expected
    if expected == "pass":
        assert report.facts["endorsement"] == {"body": "Full Council", "date": "11 July 2024"}


@pytest.mark.parametrize("table, expected", [
    # Labels heading the columns, a decision in each row.
    ("| Approved by | Date |\n|---|---|\n| Cabinet | 10 July 2024 |", "pass"),
    ("| Approval | Date |\n|---|---|\n| Cabinet | 10 July 2024 |", "pass"),
    ("| Decision | Body | Date |\n|---|---|---|\n| Approved | Cabinet | 10 July 2024 |", "pass"),
    ("| Approved by | Date |\n|---|---|\n| Corporate Management Team | 10 July 2024 |", "fail"),
])
def test_a_sign_off_table_with_its_labels_heading_the_columns(check_md, table, expected):
    report = check_md(f"## Sign-off\n\n{table}\n", ENDORSEMENT)
    assert status(report, ENDORSEMENT) == expected
    if expected == "pass":
        assert report.facts["endorsement"] == {"body": "Cabinet", "date": "10 July 2024"}


@pytest.mark.parametrize("maker, expected", [("Cabinet", "pass"), ("Director of Finance", "fail")])
def test_a_decision_record_names_who_made_the_decision_in_a_row_of_its_own(check_md, maker, expected):
    text = ("## Annex D: Decision record\n\n| | |\n|---|---|\n"
            f"| Decision maker | {maker} |\n| Date of decision | 17 July 2024 |\n"
            "| Decision | That the Productivity Plan be approved for submission to the Government |\n")
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == expected
    if expected == "pass":
        assert report.facts["endorsement"] == {"body": "Cabinet", "date": "17 July 2024"}


@pytest.fixture(scope="module")
def pack():
    return load_pack("productivity-plan-2024")


@pytest.fixture(scope="module")
def structured_forms(tmp_path_factory):
    """The footnoted and sign-off texts as Word and PDF files, as an officer would save them."""
    out = tmp_path_factory.mktemp("structured")
    sources = []
    names = ("footnoted", "sign-off", "typed-note", "table-note")
    for name, text in zip(names, (FOOTNOTED, SIGN_OFF, TYPED_NOTE, TABLE_NOTE)):
        path = out / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        sources.append(path)
    words = [to_docx(source, out / f"{source.stem}.docx") for source in sources]
    return dict(zip(names, zip(words, to_pdfs(words, out))))


# A figure given in the note a table row cites, not in the row.
TABLE_NOTE = """\
# Plan

| Workforce | 2023/24 |
|---|---|
| Agency staff, % of staff budget | 5.2% |
| Trade union facility time[^1] | see note |

[^1]: Two recognised unions had 1.4 FTE of paid facility time between them, costing £51,700 against a pay bill of £24.6m.
"""


def test_a_table_rows_note_is_read_with_the_row(check_md):
    report = check_md(TABLE_NOTE, FACILITY_TIME)
    assert status(report, FACILITY_TIME) == "pass"
    assert report.facts["facility_time_percent"] == 0.2


# A note typed into the body rather than made with the word processor's footnotes.
TYPED_NOTE = """\
# Fenmoor District Council: Productivity Plan 2024

This productivity plan¹ sets out how we have changed the way we work since 2019.

¹ Published on the Council's website at www.fenmoor.gov.uk/productivity after submission.
"""


HTML_SIGN_OFF = """<!doctype html><html lang="en"><head><title>Plan</title></head><body><main>
<h2>Document control</h2>
<table><tr><th>Item</th><th>Detail</th></tr><tr><td>Approved by</td><td>Cabinet</td></tr>
<tr><td>Date</td><td>9 July 2024</td></tr><tr><td>Status</td><td>Final</td></tr></table>
</main></body></html>"""


@pytest.mark.parametrize("form", [0, 1], ids=["docx", "pdf"])
@pytest.mark.parametrize("name, rule_id", [("footnoted", PUBLICATION), ("sign-off", ENDORSEMENT),
                                           ("typed-note", PUBLICATION), ("table-note", "question.facility-time")])
def test_footnotes_and_sign_off_tables_count_in_word_and_pdf(structured_forms, pack, name, rule_id, form):
    path = structured_forms[name][form]
    report = check_document(read_document(path, ReadOptions(pages="estimate")), [pack])
    assert status(report, rule_id) == "pass"


def test_a_sign_off_table_counts_in_html(tmp_path, pack):
    path = tmp_path / "plan.html"
    path.write_text(HTML_SIGN_OFF, encoding="utf-8")
    report = check_document(read_document(path, ReadOptions(pages="estimate")), [pack])
    assert status(report, ENDORSEMENT) == "pass"


# A plan set out as a grid: the letter's questions beside the council's answers.
GRID = """\
# Harlow Vale District Council: productivity plan

Our answers to the Minister's letter are set out below.

| The letter asks | Our response |
|---|---|
| How have you transformed the way you design and deliver services? | In 2021 we merged four customer contact points into one team with one case system, and average call waits fell from nine minutes to two. In 2022 we moved housing options into three locality hubs with the NHS, and repeat homelessness fell by 18%. We brought grounds maintenance back in house in 2023, saving £240,000 a year. |
| How do you plan to use technology and data? | In 2023 we moved 14 line-of-business systems to the cloud and closed our server room. A data warehouse built in 2022 feeds a weekly dashboard for every director, and we share discharge data with the Vale NHS Trust every night. Since May 2024 a web chat assistant has answered 9,000 questions about bin days. |
| What proportion of the staff budget is spent on agency staff? | Agency staff cost £612,000 in 2023/24 against a staff budget of £13.6m. Most of it was for two planning officers. |
| What barriers could the Government remove? | |

This plan was approved by the Policy and Resources Committee on 9 July 2024.
"""


def test_a_grid_of_questions_and_answers_is_read_as_headings_and_paragraphs(check_md):
    report = check_md(GRID)
    assert status(report, "theme.transformation") == "pass"
    assert status(report, "theme.technology-data") == "pass"
    assert report.facts["agency_spend_percent"] == 4.5
    # A question left without an answer is a heading over nothing, whatever follows the grid.
    assert status(report, "theme.barriers") == "fail"
    assert status(report, ENDORSEMENT) == "pass"


def test_a_grid_reads_the_same_in_word(tmp_path, pack):
    source = tmp_path / "grid.md"
    source.write_text(GRID, encoding="utf-8")
    word = check_document(read_document(to_docx(source, tmp_path / "grid.docx"), ReadOptions(pages="estimate")), [pack])
    markdown = check_document(read_document(source, ReadOptions(pages="estimate")), [pack])
    assert {r.rule.id: r.status for r in word.results if r.rule.id.startswith(("theme.", "question."))} == \
        {r.rule.id: r.status for r in markdown.results if r.rule.id.startswith(("theme.", "question."))}
    assert word.facts["agency_spend_percent"] == 4.5


def test_a_grid_is_still_a_table_to_the_structure_checks(tmp_path):
    # A cell of long prose makes the grid a layout table to a screen reader, unfolded or not.
    long_answer = " ".join(["We merged four contact points into one team with one case system."] * 6)
    path = tmp_path / "plan.md"
    path.write_text(GRID.replace("In 2021 we merged four customer contact points", long_answer + " In 2021 we merged "
                                 "four customer contact points"), encoding="utf-8")
    report = check_document(read_document(path, ReadOptions(pages="estimate")), [load_pack("publication")],
                            Settings(select=("access.tables",)))
    assert status(report, "access.tables") == "fail"
    assert "layout" in result(report, "access.tables").message


@pytest.mark.parametrize("text, rule_id, expected", [
    # Changes tracked in the text itself: what was inserted is the text, what was deleted is not.
    ("Trade union facility time accounted for 0.07% of the pay bill [inserted: in 2023/24].", FACILITY_TIME, "pass"),
    ("Trade union facility time accounted for 0.07% of the pay bill {++in 2023/24++}.", FACILITY_TIME, "pass"),
    ("[deleted: This plan was approved by Cabinet on 9 July 2024.]\n\nCabinet noted the plan on 9 July 2024.",
     ENDORSEMENT, "partial"),
    ("Cabinet noted the plan on 9 July 2024 {--and approved it for submission--}.", ENDORSEMENT, "partial"),
    # A reviewer's comment printed into the text is about the draft.
    ("Comment [JS1]: This plan was approved by Cabinet on 9 July 2024 according to the minute.", ENDORSEMENT, "fail"),
    # Its mark may carry the reviewer's initials with a date.
    ("*Comment [PW, 3 July]: Agency % and consultancy figures needed from HR/Finance by Friday.*",
     "question.consultant-spend", "fail"),
    # Typed by hand, its author and date go in round brackets.
    ("*Comment (PB, Policy): the letter also asks how we measure productivity. We don't really have an "
     "answer to this at the moment.*", "question.measuring-productivity", "fail"),
    ("> **Comment (Finance):** This plan was approved by Cabinet on 9 July 2024 according to the minute.",
     ENDORSEMENT, "fail"),
    # Round brackets after another word are the council's own text.
    ("Our measures (unit costs and caseloads): we measure productivity by the cost per case in revenues and "
     "benefits, compared each year with our CIPFA nearest neighbours.", "question.measuring-productivity", "pass"),
])
def test_changes_and_comments_tracked_in_the_text(check_md, text, rule_id, expected):
    assert status(check_md(text, rule_id), rule_id) == expected


# ---------------------------------------------------------------- 5. figures wherever and however written

@pytest.mark.parametrize("text, value", [
    ("Agency staff made up 4.9% of the total staff budget in 2023/24.", 4.9),
    ("Agency staff cost 4.9 per cent of the staff budget.", 4.9),
    ("Agency staff cost 4.9 percent of the staff budget.", 4.9),
    ("Agency staff were 4.1% of the staff budget in 2023/24 (5.0% in 2022/23).", 4.1),
    ("Agency spend fell from 6.1% to 4.7% of the staff budget.", 4.7),
    ("| Staff group | Share of staff budget 2023/24 |\n|---|---|\n| Agency staff | 4.7% |\n"
     "| Consultants | 1.1% |", 4.7),
    ("| Year | Agency staff | Consultants |\n|---|---|---|\n| 2022/23 | 5.2% | 1.4% |\n"
     "| 2023/24 | 4.6% | 1.2% |", 4.6),
    ("| Spend | Budget 2023/24 | Plan 2024/25 target |\n|---|---|---|\n| Agency staff | 4.4% | 3.0% |", 4.4),
    # Beside outturn columns, a later budget column is a plan, not what was spent.
    ("| Measure | 2022/23 outturn | 2023/24 outturn | 2024/25 budget |\n|---|---|---|---|\n"
     "| Agency staff, % of staff budget | 12.1 | 10.4 | 8.0 |", 10.4),
    ("| Year | Agency staff (% of staff budget) |\n|---|---|\n| 2023/24 actual | 6.2 |\n| 2024/25 budget | 5.0 |", 6.2),
])
def test_the_agency_share_is_read_however_it_is_written(check_md, text, value):
    report = check_md(text, "question.agency-spend")
    assert status(report, "question.agency-spend") == "pass"
    assert report.facts["agency_spend_percent"] == value


@pytest.mark.parametrize("text, value", [
    # The staff budget said the long way.
    ("Agency staff cost 6.3% of the cost of our staff in 2023/24.", 6.3),
    ("Agency workers accounted for 6.3% of our spend on staff.", 6.3),
    # Another base than the staff budget is not the answer, in prose or in a column heading.
    ("Agency spend was £1.1m, which is 6.5% of the Council's net revenue budget. In the table, agency staff "
     "were 6.1% of the staff budget in 2023/24.", 6.1),
    ("| Spend 2023/24 | % of net revenue budget | % of staff budget |\n|---|---|---|\n| Agency workers | 2.4 | 7.8 |",
     7.8),
    # Today's figure beside an aim for later.
    ("The share of the staff budget spent on agency workers is now 8.3%, which we intend to reduce to 6% by 2026.",
     8.3),
    # A share in words.
    ("One in every twenty pounds of our staff budget in 2023/24 went on agency workers.", 5.0),
    ("Eight per cent of our staff budget went on agency workers last year.", 8.0),
    ("Agency workers took up twelve percent of the staff budget in 2023/24.", 12.0),
    # Words that only round the digits beside them give way to the digits.
    ("Agency workers cost just under five per cent (4.8%) of the staff budget.", 4.8),
    # A share in words with its fraction, beside the year before in digits: the latest year wins.
    ("Agency staff cost us three and a half per cent of our staff budget in 2023/24, down from 4.8 per cent "
     "in 2022/23.", 3.5),
    # A part of one per cent is no "one per cent".
    ("Agency staff cost about one twentieth of one per cent of the staff budget (0.05%).", 0.05),
    # Spend that is not on pay is no staff budget to work a share out from.
    ("Non-pay spend outside contracts fell by £1.6 million in 2023/24. We spent £1.9m on agency staff in 2023/24, "
     "against a pay bill of £38m.", 5.0),
    # The subject left out of the clause that gives its figure.
    ("Agency staff are used only for specialist work, and made up 3.4% of the total staff budget in 2023/24.", 3.4),
])
def test_the_agency_share_is_the_staff_budget_share_of_agency_alone(check_md, text, value):
    assert check_md(text, "question.agency-spend").facts["agency_spend_percent"] == value


@pytest.mark.parametrize("text", [
    "Agency workers and consultants together took 7.3% of the staff budget in 2023/24.",
    "Agency and consultancy spend was 7.3% of the staff budget.",
    "Our spend on agency staff was £1.1m, which is 6.5% of the Council's net revenue budget.",
    "We aim to reduce agency staff to 4% of the staff budget by 2026.",
    "One in every twenty residents uses agency staff services.",
    "Non-pay spend outside contracts fell by £1.6 million in 2023/24. We spent £700,000 on agency staff.",
])
def test_a_figure_shared_with_another_subject_or_of_another_base_is_not_given(check_md, text):
    report = check_md(text, "question.agency-spend")
    assert report.facts["agency_spend_percent"] is None
    assert status(report, "question.agency-spend") == "partial"


def test_a_share_is_worked_out_from_a_staff_budget_given_just_before(check_md):
    report = check_md("Our total staff budget for 2023/24 was £41m. Consultancy, at £0.9m, is much smaller.",
                      "question.consultant-spend")
    assert report.facts["consultant_spend_percent"] == 2.2


def test_a_share_worked_out_from_two_amounts_says_so(check_md):
    report = check_md("In 2023/24 agency staff cost £1.2m against a total pay bill of £24m.", "question.agency-spend")
    outcome = result(report, "question.agency-spend")
    assert outcome.status == "pass" and report.facts["agency_spend_percent"] == 5.0
    assert "worked out" in outcome.message.lower()


@pytest.mark.parametrize("text", ["We do not use consultants.", "The Council does not fund any consultants.", "There was no spend on consultants in 2023/24.",
                                  "The council pays nothing for consultants: all its advice comes from its own staff.",
                                  "In 2023/24 we spent nothing on consultants.",
                                  "Consultants cost the council nothing in 2023/24, as none were engaged.",
                                  "Nothing from our pay bill goes on consultants.",
                                  # The latest year's amount, beside a staff budget given first.
                                  "Our staff budget was £8.4m. Consultants cost us £52,000 in 2022/23 and £0 in "
                                  "2023/24.",
                                  "| Staff group | Share of staff budget |\n|---|---|\n| Consultants | nil |",
                                  # A nil in unusual words: nothing recorded, a cost never incurred, never needed.
                                  "No spend was recorded on consultants in either year.",
                                  "No money was spent on consultants in 2023/24.",
                                  "Nothing was paid to consultants in 2023/24.",
                                  "Nothing was spent on external consultants in 2023/24.",
                                  "Consultants are not a cost we have incurred since 2020.",
                                  "We have not found it necessary to engage consultants.",
                                  # Where the spend is charged narrows nothing.
                                  "Spend on consultants charged to the staff budget was nil in 2023/24."])
def test_an_explicit_nil_is_a_zero_that_answers(check_md, text):
    report = check_md(text, "question.consultant-spend")
    assert status(report, "question.consultant-spend") == "pass"
    assert report.facts["consultant_spend_percent"] == 0


@pytest.mark.parametrize("title, value", [("14. Agency staff.", 2.7), ("14. Consultants.", None)])
def test_a_paragraphs_title_says_whose_amount_it_is(check_md, title, value):
    text = (f"13. Identifying waste. Director approval over £5k; management team vacancy review.\n\n"
            f"{title} £214,000 in 2023/24, mainly planning and environmental health cover. Staff budget for "
            f"2023/24 was £7.9m.\n")
    report = check_md(text, "question.agency-spend")
    assert report.facts["agency_spend_percent"] == value


@pytest.mark.parametrize("text", [
    "Agency workers make up 4% of our workforce.",
    "41% of our children's social work posts were filled by agency workers at some point in 2023/24.",
    "Forty-one per cent of our children's social work posts were filled by agency workers in 2023/24.",
    # A difference between two costs is no share.
    "Agency social workers cost about 50% more than permanent staff.",
])
def test_a_share_of_people_or_posts_is_not_a_share_of_the_staff_budget(check_md, text):
    report = check_md(text, "question.agency-spend")
    assert status(report, "question.agency-spend") == "partial"
    assert report.facts["agency_spend_percent"] is None


@pytest.mark.parametrize("text", ["Our spending on consultants is negligible.",
                                  "Consultants are not a cost pressure for us this year.",
                                  "No consultant has been engaged for more than a year.",
                                  "No consultant has stayed beyond twelve months.",
                                  "Our target is to have no consultant in post over 12 months by March 2025.",
                                  # A nil of one service's is no nil of the council's.
                                  "Spend on consultants in adult social care was nil."])
def test_a_vague_size_or_a_narrowed_nil_is_only_partial(check_md, text):
    report = check_md(text, "question.consultant-spend")
    assert status(report, "question.consultant-spend") == "partial"
    assert report.facts["consultant_spend_percent"] is None


@pytest.mark.parametrize("text, count", [
    ("We have six EDI champions.", 6),
    ("Twelve EDI champions support our staff networks.", 12),
    ("We have no EDI champions.", 0),
    ("We do not have a formal EDI champion role.", 0),
    ("We have no dedicated EDI champions.", 0),
    ("We have not found it necessary to appoint EDI champions in an organisation of 143 people.", 0),
    ("Our 24/7 helpline is run by 3 EDI champions.", 3),
    ("We do not have **EDI (equality, diversity and inclusion) champions**.", 0),
    # A label and its nil set apart by a dash.
    ("- EDI champions – none; equality issues handled through the HR business partner\n- Training – all staff", 0),
])
def test_counts_of_champions_in_words_and_figures(check_md, text, count):
    assert check_md(text, "question.edi").facts["edi_champions"] == count


@pytest.mark.parametrize("text", [
    "We spend nothing on EDI training beyond the induction module our learning platform includes free of charge.",
    "EDI training costs us nothing: the county's course is open to our staff at no charge.",
    "Our equality and diversity training is provided through the council's e-learning system at no external cost.",
])
def test_an_edi_nil_however_said_answers_the_question(check_md, text):
    assert status(check_md(text, "question.edi"), "question.edi") == "pass"


@pytest.mark.parametrize("text, expected", [
    # How the time is recorded, still being settled, is no answer ...
    ("EDI training forms part of our core learning. We are reviewing how we record the time spent on EDI.",
     "partial"),
    # ... how it is recorded, said, is.
    ("EDI training forms part of our core learning. We record the time spent on EDI in our HR system.", "pass"),
])
def test_edi_arrangements_still_being_settled_are_no_answer(check_md, text, expected):
    assert status(check_md(text, "question.edi"), "question.edi") == expected


def test_a_worked_out_share_uses_the_latest_year_of_several(check_md):
    report = check_md("Agency workers cost £0.61m in 2022/23 and £0.47m in 2023/24, against a staff budget of "
                      "£11.8m.", "question.agency-spend")
    assert report.facts["agency_spend_percent"] == 4.0


def test_not_enough_champions_is_not_none(check_md):
    assert check_md("We do not have enough EDI champions: there are four.", "question.edi").facts["edi_champions"] == 4


@pytest.mark.parametrize("text", ["Our EDI champions network has run since 2019.",
                                  "EDI champions are listed on page 4.",
                                  "Our EDI champions cover 24/7 services across 31 wards."])
def test_years_pages_and_rota_hours_are_never_counts(check_md, text):
    assert check_md(text, "question.edi").facts["edi_champions"] is None


# ---------------------------------------------------------------- 6. placeholders earn nothing

PLACEHOLDERS = """\
## Transforming our services

[to be completed]

## Technology and data

[Digital team to complete]

## Reducing wasteful spend

Savings of £XXm to be confirmed.

## Workforce

Agency staff are [tbc]% of the staff budget.
"""
NOTHING_EARNED = ("theme.transformation", "theme.technology-data", "theme.wasteful-spend", "metrics.kpis",
                  "question.agency-spend")


@pytest.mark.parametrize("name", ["plan.md", "plan.txt"])
def test_placeholders_earn_nothing_in_text_formats(check_md, name):
    report = check_md(PLACEHOLDERS, *NOTHING_EARNED, name=name)
    assert {rule: status(report, rule) for rule in NOTHING_EARNED} == dict.fromkeys(NOTHING_EARNED, "fail")


@pytest.mark.parametrize("line", [
    "23. Equality, diversity and inclusion training and networks: [HR to provide - spend, champions, how reported].",
    "Equality, diversity and inclusion training and networks: [HR to provide - spend, champions, how reported].",
])
def test_a_numbered_label_over_a_blank_earns_nothing(check_md, line):
    report = check_md(f"## Our people\n\n{line}\n", "question.edi")
    assert status(report, "question.edi") == "fail"


@pytest.fixture(scope="module")
def placeholder_forms(tmp_path_factory):
    out = tmp_path_factory.mktemp("placeholders")
    source = out / "placeholders.md"
    source.write_text(PLACEHOLDERS, encoding="utf-8")
    word = to_docx(source, out / "placeholders.docx")
    return word, to_pdfs([word], out)[0]


@pytest.mark.parametrize("form", [0, 1], ids=["docx", "pdf"])
def test_placeholders_earn_nothing_in_word_and_pdf(placeholder_forms, pack, form):
    report = check_document(read_document(placeholder_forms[form], ReadOptions(pages="estimate")), [pack])
    assert {rule: status(report, rule) for rule in NOTHING_EARNED} == dict.fromkeys(NOTHING_EARNED, "fail")


@pytest.mark.parametrize("text, expected", [
    ("We always look for value for money. Agency use is kept under review.", "partial"),
    ("Every agency or consultancy engagement over twelve weeks needs a director's approval and a value for "
     "money review; four agency workers have been with us for more than a year.", "pass"),
])
def test_value_for_money_of_agency_spend_needs_a_concrete_answer(check_md, text, expected):
    rule = "question.agency-consultant-value"
    assert status(check_md(text, rule), rule) == expected


# ---------------------------------------------------------------- questions in every form

@pytest.mark.parametrize("heading, text, rule_id", [
    ("Technology and data", "Forty staff in planning and customer services are testing Microsoft Copilot until "
     "December 2024. We will keep it only if it saves at least two hours per person per week.",
     "question.new-technology"),
    ("Technology and data", "We share fly-tipping and anti-social behaviour reports with Fenshire Constabulary every "
     "month, which has helped the police and our enforcement officers target the same hotspots.",
     "question.data-sharing"),
    ("Transforming services", "We are working with the six Brinkmoor districts on a single approach to homelessness "
     "prevention and housing support, with a shared fund from April 2025.", "question.local-reforms"),
    ("What holds us back", "One-year settlements stop us planning. Funding instability affects every one of our "
     "services; the children's market and agency rates affect social care in particular.",
     "question.barriers-consistency"),
])
def test_questions_answered_in_the_councils_own_terms(check_md, heading, text, rule_id):
    assert status(check_md(f"## {heading}\n\n{text}\n", rule_id), rule_id) == "pass"


@pytest.mark.parametrize("text, expected", [
    # "No" answers a yes-or-no question ...
    ("We do not share back-office functions with other councils. We looked at a shared HR and payroll service "
     "with a neighbouring council in 2022, but the payback was more than seven years.", "pass"),
    # ... an openness to sharing does not.
    ("We are open to sharing services with other councils where there is a clear business case.", "partial"),
])
def test_an_explicit_no_answers_whether_functions_are_shared(check_md, text, expected):
    report = check_md(f"## Reducing wasteful spend\n\n{text}\n", "question.shared-services")
    assert status(report, "question.shared-services") == expected


def test_data_shared_with_no_one_named_only_touches_the_question(check_md):
    text = ("## Technology and data\n\n15. We share data with other organisations where it is lawful and useful to "
            "do so, for example with the police and the county council.\n")
    assert status(check_md(text, "question.data-sharing"), "question.data-sharing") == "partial"


def test_a_figure_answers_the_question_over_it_in_the_letters_words_or_close_to_them(check_md):
    # The reply names nothing: the question over it says whose figure it is.
    report = check_md("## Part 3: Reducing wasteful spend\n\n**What do we spend on trade union facility time?**\n\n"
                      "0.16% of the pay bill in 2023/24.\n", FACILITY_TIME)
    assert (status(report, FACILITY_TIME), report.facts["facility_time_percent"]) == ("pass", 0.16)
    # A question that names two subjects leaves the reply's own labels to say which figure is whose.
    report = check_md("## Workforce\n\n**What percentage of total staff budget is spent on a) agency and b) "
                      "consultants?**\n\na) Agency staff: 5.2% of the total staff budget in 2023/24. b) Consultants: "
                      "X.X% (awaiting finance).\n", "question.consultant-spend")
    assert report.facts["consultant_spend_percent"] is None
    assert status(report, "question.consultant-spend") != "pass"


def test_a_question_set_as_a_bold_paragraph_is_answered_by_the_text_after_it(check_md):
    report = check_md("""\
        # Transforming services

        **A4. What are your current plans for transformation over the next two years, and how will you
        measure their effects?**

        Our "Hartsmere Next" programme runs to March 2026 with three projects:

        1. a single customer account (measured by the share of contacts completed online, now 52%);
        2. a review of the leisure trust's contract (measured by subsidy per visit, now £1.84);
        3. a shared building control service with Lowbridge District Council.
        """, "question.transformation-plans")
    outcome = result(report, "question.transformation-plans")
    assert outcome.status == "pass"
    assert any("Hartsmere Next" in e.quote for e in outcome.evidence)


def test_a_copied_question_with_nothing_of_the_councils_after_it_is_no_answer(check_md):
    report = check_md("""\
        # Transforming services

        **A4. What are your current plans for transformation over the next two years, and how will you
        measure their effects?**

        **A5. Which service has greatest potential for savings?**
        """, "question.transformation-plans")
    assert status(report, "question.transformation-plans") != "pass"


@pytest.mark.parametrize("text, expected", [
    # A specific plan for the next two years in the transformation section, whatever it is called.
    ("By March 2026 we will move our revenues and benefits service into a shared service with Eastfield "
     "Borough Council, saving £300,000 a year.", "pass"),
    ("We will continue to look for ways to improve our services in future.", "fail"),
])
def test_transformation_plans_are_specific_plans_in_the_transformation_section(check_md, text, expected):
    report = check_md(f"# Transforming services\n\n{text}\n", "question.transformation-plans")
    assert status(report, "question.transformation-plans") == expected


@pytest.mark.parametrize("text, expected", [
    ("3.1 We recognise that legacy systems can be a barrier and that change needs careful planning.", "partial"),
    ("3.1 Our highways asset system dates from 2006 and cannot export data; its replacement is due in 2025.",
     "pass"),
])
def test_legacy_systems_are_answered_by_naming_one_not_by_a_paragraph_number(check_md, text, expected):
    report = check_md(f"# Technology and data\n\n{text}\n", "question.legacy-systems")
    assert status(report, "question.legacy-systems") == expected


def test_numbered_lines_under_a_title_are_headings_lead_ins_and_items(check_md):
    report = check_md("""\
        # Productivity Plan 2024

        5.0 Barriers and asks

        5.1 We ask government for:

        5.1.1 a multi-year settlement, so that we can plan shared-service investments beyond one year;

        5.1.2 funding for the full running costs of weekly food waste collections, not just the vehicles;

        5.1.3 planning fees that cover the cost of the service, which would close a £420,000 gap.
        """, "question.government-asks")
    outcome = result(report, "question.government-asks")
    assert outcome.status == "pass"
    assert all(e.section.endswith("5.0 Barriers and asks") for e in outcome.evidence)


def test_a_paragraph_about_the_theme_throughout_answers_it_without_a_heading(check_md):
    report = check_md("""\
        Ellerby Council: productivity plan

        8. Since 2021 we have merged our customer services, revenues and housing teams into one contact
        centre, and moved 70% of contacts online. We redesigned adult social care around reablement, and
        admissions to care homes fell by 12%. We transformed our housing options service with a new triage
        model. Our transformation programme will redesign planning and building control by 2026.

        9. We have moved our finance and payroll systems to the cloud, retired 12 servers, and built a data
        warehouse that gives every director a weekly dashboard of demand. A chatbot now answers 40% of
        council tax queries.

        10. What would help us: a settlement for more than one year; the end of small competitive funds, each
        with its own bid and report; and a national solution to the cost of children's residential placements,
        where one placement now costs us up to £9,000 a week. We would also like the Government to fund the new
        burdens it creates, such as weekly food waste collections, in full. Inside the Council the biggest
        barrier is recruitment: we cannot match neighbouring councils' pay for planners and social workers.
        """, "theme.barriers", name="plan.txt")
    outcome = result(report, "theme.barriers")
    assert outcome.status == "pass"
    assert "paragraph beginning" in outcome.message


def test_list_items_are_read_with_the_sentence_that_introduces_them(check_md):
    report = check_md("""\
        ## What stands in the way

        We would ask the Government to:

        - give councils a settlement covering at least three years, so that savings can be planned;
        - let councils set planning fees locally, as the service loses £380,000 a year;
        - replace the 14 separate grants we bid for each year with a single allocation;
        - restore full subsidy on temporary accommodation, capped at 2011 rates and costing us £520,000.
        """, "theme.barriers")
    assert status(report, "theme.barriers") == "pass"


@pytest.mark.parametrize("blank, rule_id", [
    ("<<Digital team: please complete by 5 July. Suggested content – Microsoft 365 roll-out, AI pilots.>>",
     "theme.technology-data"),
    ("Agency staff accounted for ??% of the staff budget in 2023/24.", "question.agency-spend"),
    ("Agency staff accounted for XX% of the staff budget in 2023/24.", "question.agency-spend"),
    ("Consultancy: £[TBC]", "question.consultant-spend"),
    ("Trade union facility time: X.X% of paybill – HR to confirm from the July return.", "question.facility-time"),
    ("Facility time: see the HR return (to follow).", "question.facility-time"),
])
def test_blanks_in_every_form_earn_nothing(check_md, blank, rule_id):
    assert status(check_md(f"## Our plan\n\n{blank}\n", rule_id), rule_id) == "fail"


@pytest.mark.parametrize("blank, rule_id", [
    ("TU facility time: ##.#% of paybill (HR to confirm against the 2017 return).", "question.facility-time"),
    ("Agency staff: ≈ ___ % of the staff budget (figure for 2023/24 once the ledger is closed).",
     "question.agency-spend"),
    ("Consultants: £[x]k, i.e. [y]% of staff budget — awaiting ledger close.", "question.consultant-spend"),
    ("We currently run ▢▢ line-of-business systems, of which ▢ are more than ten years old.",
     "question.legacy-systems"),
    ("Data shared with other organisations: ________ times a month with ________ (NHS? police?). "
     "Benefit: ________.", "question.data-sharing"),
    ("Shared services: TK — Legal Services to confirm the current status of the shared legal arrangement.",
     "question.shared-services"),
    ("Our plans to improve data quality over the next two years are: ⟦to follow from the Data Board's "
     "July meeting⟧.", "question.data-quality"),
])
def test_blanks_in_unusual_marks_earn_nothing(check_md, blank, rule_id):
    assert status(check_md(f"## Our plan\n\n{blank}\n", rule_id), rule_id) == "fail"


def test_a_blank_after_a_figure_leaves_the_figure_standing(check_md):
    rule = "question.agency-spend"
    text = "Agency staff accounted for 4.2% of the staff budget in 2023/24, and consultants for [tbc]."
    assert status(check_md(f"## Our workforce\n\n{text}\n", rule), rule) == "pass"


def test_a_theme_answered_only_in_unusual_blanks_earns_nothing(check_md):
    rule = "theme.technology-data"
    report = check_md("""\
        ## Theme 2: Technology and data

        **How will you use technology and data to improve decision making?**

        ⟨⟨ Digital & ICT to supply — max. 150 words. Please cover the cloud migration and the new CRM. ⟩⟩

        **What barriers do legacy systems create?**

        [•]

        **How often do you share data with other organisations?**

        ________ times a month with ________.

        **Are you using new technology such as predictive analytics or AI to change workflows?**

        TK — Digital & ICT. Note: do not mention the chatbot pilot until the evaluation is back.
        """, rule)
    assert status(report, rule) == "fail"


@pytest.mark.parametrize("text", [
    "Cabinet met to confirm and approve the plan on 9 July 2024.",
    "The Leader was asked to complete the sign-off, and approved the plan on 9 July 2024.",
])
def test_words_of_drafting_in_an_ordinary_sentence_are_not_blanks(check_md, text):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == "pass"


@pytest.mark.parametrize("text, expected", [
    # "To be updated" as the verb of a real sentence is not a blank ...
    ("Our planning system is 15 years old and has to be updated by hand from the building control system.", "pass"),
    # ... but as a note it is.
    ("Legacy systems: to be updated.", "fail"),
])
def test_to_be_done_as_a_verb_is_not_a_drafting_note(check_md, text, expected):
    rule = "question.legacy-systems"
    assert status(check_md(f"## Systems\n\n{text}\n", rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # An ask about when money is settled is an ask ...
    ("We ask for a three-year settlement and for prevention funding to be confirmed at least six months ahead.",
     "pass"),
    # ... and a figure still to come is a blank.
    ("We ask for prevention funding of £XXm, to be confirmed.", "fail"),
])
def test_to_be_confirmed_as_an_ask_about_timing_is_not_a_blank(check_md, text, expected):
    rule = "question.government-asks"
    assert status(check_md(f"## What would help us\n\n{text}\n", rule), rule) == expected


@pytest.mark.parametrize("text, rule_id", [
    ("Value for money on temporary staff: to be completed.", "question.agency-consultant-value"),
    ("Equality, diversity and inclusion: we have [number] EDI champions. [HR to add: time spent on EDI "
     "training in 2023/24. Use the figures from the workforce report.]", "question.edi"),
])
def test_a_label_over_a_blank_and_a_note_over_several_sentences_earn_nothing(check_md, text, rule_id):
    assert status(check_md(f"## Workforce\n\n{text}\n", rule_id), rule_id) == "fail"


def test_a_draft_banner_over_a_section_leaves_its_text_the_councils(check_md):
    report = check_md("""\
        ## Our workforce

        **Draft v0.2 – HR and Finance to complete before CLT on 3 July**

        We do not use consultants. Agency staff accounted for [??]% of the staff budget.
        """, "question.consultant-spend")
    assert status(report, "question.consultant-spend") == "pass"
    assert report.facts["consultant_spend_percent"] == 0


def test_a_nil_that_says_commissioned_is_still_a_nil(check_md):
    report = check_md("We have not commissioned management consultants since 2021 and spent nothing on them "
                      "in 2023/24.", "question.consultant-spend")
    assert report.facts["consultant_spend_percent"] == 0


def test_a_figure_in_brackets_belongs_to_the_words_before_them(check_md):
    report = check_md("We will track: potholes repaired within 28 days (89%; target 92%), agency spend (£9.8m; "
                      "target £7m), and calls answered within two minutes (74%; 85%).", "question.agency-spend")
    assert report.facts["agency_spend_percent"] is None
    report = check_md("Agency staff (4.1% of the staff budget in 2023/24) are used mainly in social work.",
                      "question.agency-spend")
    assert report.facts["agency_spend_percent"] == 4.1


@pytest.mark.parametrize("rule_id, text", [
    ("question.capital-spending", "We have also put capital to work. The £11m rebuild of Fearnley Street depot in 2022 "
                                  "combined three sites into one and released land for 120 homes."),
    ("question.measuring-productivity", "We track the cost of a unit of service wherever one can be defined: the cost "
                                        "per hour of home care and the cost per mile of road resurfaced."),
    ("question.shared-services", "Since 2021 we have shared internal audit, procurement and an emergency planning "
                                 "team with Northmoor Council."),
    ("question.devolution", "Our experience of working with the Mayor of London and the Greater London Authority has "
                            "been mixed: the Mayor's programme funded 38% of our new homes."),
])
def test_the_letters_questions_are_answered_in_the_councils_own_words(check_md, rule_id, text):
    assert status(check_md(f"## Our plan\n\n{text}\n", rule_id), rule_id) == "pass"


@pytest.mark.parametrize("rule_id, text", [
    ("question.capital-spending", "We have a capital programme."),
    ("question.shared-services", "The Council shares its priorities with residents."),
])
def test_a_passing_word_is_not_an_answer(check_md, rule_id, text):
    assert status(check_md(f"## Our plan\n\n{text}\n", rule_id), rule_id) != "pass"


@pytest.mark.parametrize("text, expected", [
    ("The Finance and Performance Scrutiny Panel will see these four figures every quarter.", "pass"),
    ("Progress against these measures will be reported to the Strategy and Resources Committee once a year, "
     "each September.", "pass"),
    ("Our performance is reported to Cabinet every quarter.", "partial"),
])
def test_who_will_see_the_plans_progress_and_how_often(check_md, text, expected):
    assert status(check_md(text, "governance.progress-reporting"), "governance.progress-reporting") == expected


def test_naming_the_government_is_not_touching_what_is_asked_of_it(check_md):
    report = check_md("## Introduction\n\nThis plan responds to the Government's letter of 16 April 2024 and sets "
                      "out our work since 2019.\n", "question.government-asks")
    assert status(report, "question.government-asks") == "fail"


BARRIERS_SECTION = """\
    ## Barriers to productivity

    One-year funding settlements stop us planning ahead. Competitive bidding for small pots wastes officer
    time. Planning fees cover only two thirds of what applications cost us.

    """


@pytest.mark.parametrize("text", [
    "These barriers are common to every council in the county.",
    "They apply equally to housing, planning and social care.",
    "Short-term funding is a problem for every directorate.",
    "The first two are felt in all our services; the third is specific to planning.",
    "The barriers differ by service.",
    # Where the burden falls heaviest, said of services, answers whether it is the same everywhere.
    "These barriers are felt hardest in housing and children's services; our environmental services are held "
    "back more by the difficulty of recruiting HGV drivers.",
    "The first and last of these weigh most heavily on housing and leisure, and the grant rules on our "
    "highways service.",
    "Our social care services face different problems, chiefly the fees charged by a few providers.",
    # How evenly it falls, in any words.
    "The barriers are sharpest in children's services; leisure is held back by funding rather than by rules.",
    "They are not spread evenly: housing feels all three, planning only the last.",
    "These barriers are not felt equally: social care faces all of them, waste almost none.",
    "These pressures sit almost entirely in social care, SEND and transport; our other services have absorbed them.",
    # Every part of the council is every service.
    "Shortages of social workers, occupational therapists and highways engineers affect every part of the "
    "council, not just one service.",
])
def test_saying_how_widely_the_barriers_are_felt_answers_the_consistency_question(check_md, text):
    rule = "question.barriers-consistency"
    assert status(check_md(BARRIERS_SECTION + text, rule), rule) == "pass"


def test_a_plan_without_headings_answers_the_barriers_questions_in_its_barriers_paragraph(check_md):
    report = check_md("""\
        Dear Minister,

        I am pleased to send you our productivity plan. Since 2019 we have merged our two contact centres,
        moved 70% of council tax transactions online and closed three of our five offices. Our family hubs
        opened in 2023 and brought health visitors and early help into one building. We replaced seven
        business support teams with one in 2022, saving £900,000 a year. Our next step is to redesign
        adult social care's front door, which we expect to save £1.2m by 2026.

        We moved our email and files to the cloud in 2022 and replaced 40 spreadsheets with a single data
        warehouse. Our housing data is shared weekly with the NHS through the shared care record.

        There are three things the Government could do that would help us most. First, lift the temporary
        accommodation subsidy from the 2011 Local Housing Allowance rates, which would be worth £4 million a
        year to us. Second, give us a settlement covering at least three years. Third, end funding through
        competitive bidding rounds. These barriers are felt hardest in housing and children's services.

        Yours sincerely,
        """, "question.barriers-consistency", "question.government-asks")
    assert status(report, "question.barriers-consistency") == "pass"
    assert status(report, "question.government-asks") == "pass"


@pytest.mark.parametrize("text", [
    "We work with partners across the county to deliver services.",
    "Demand for temporary accommodation has doubled since 2019.",
    # "Most" of what helps, not of where a barrier falls.
    "A three-year settlement would help us most, and we would use it to plan our housing programme.",
])
def test_other_sentences_in_the_barriers_section_do_not_answer_the_consistency_question(check_md, text):
    rule = "question.barriers-consistency"
    assert status(check_md(BARRIERS_SECTION + text, rule), rule) == "fail"


FACILITY = "question.facility-time"
AGENCY = "question.agency-spend"
CONSULTANTS = "question.consultant-spend"


@pytest.mark.parametrize("asked, answer, expected, value", [
    ("### What proportion of your paybill is spent on trade union facility time?",
     "In 2023/24 it was 0.04% of our paybill, in line with previous years.", "pass", 0.04),
    ("**What proportion of your paybill is spent on trade union facility time?**", "0.04% in 2023/24.", "pass", 0.04),
    ("Q: What proportion of your paybill is spent on trade union facility time?",
     "A: 0.04% of the paybill (2023/24).", "pass", 0.04),
    ("**Q12. What proportion of your paybill is spent on trade union facility time?**",
     "None: no member of staff has paid facility time.", "pass", 0.0),
    ("**Q12. What proportion of your paybill is spent on trade union facility time?**", "Negligible.", "partial", None),
    ("**Q12. What proportion of your paybill is spent on trade union facility time?**", "[HR to confirm]", "fail", None),
])
def test_a_figure_answered_under_a_copy_of_its_question(check_md, asked, answer, expected, value):
    report = check_md(f"# Plan\n\n## Workforce\n\n{asked}\n\n{answer}\n", FACILITY)
    assert status(report, FACILITY) == expected, result(report, FACILITY).message
    assert report.facts["facility_time_percent"] == value


@pytest.mark.parametrize("text, expected", [
    ("Facility time accounted for just under 0.1% of the pay bill.", "pass"),
    ("About 0.04% of pay costs goes on facility time.", "pass"),
    ("Trade union release time was 0.05% of the paybill in 2023/24.", "pass"),
    ("Time off for union representatives amounted to 0.03% of the pay bill.", "pass"),
    ("Facility time is well under 1% of the pay bill.", "partial"),
    ("Union membership among staff is 41%.", "fail"),
])
def test_facility_time_however_it_is_named_and_rounded(check_md, text, expected):
    assert status(check_md(text, FACILITY), FACILITY) == expected


@pytest.mark.parametrize("text, expected", [
    ("The plan was presented to Cabinet on 9 July 2024.", "partial"),
    # Progress reports on the plan, or a sight of it after it has gone, are not oversight before submission.
    ("Progress on the plan will be reported to Cabinet each quarter.", "fail"),
    ("The plan will be shared with members at the September meeting of the Scrutiny Committee.", "fail"),
    ("Cabinet will receive the plan as submitted, for information.", "fail"),
    ("The plan was considered by the Policy and Performance Committee on 2 July.", "partial"),
    # A note asking to confirm what is written leaves the sentence standing, as does a blank date;
    # a blank where the decision-maker should be does not.
    ("This plan will be presented to Cabinet on 23 July 2024 [Democratic Services to confirm date].", "partial"),
    # A blank date is a detail to come: members will still see the plan.
    ("This plan will be presented to Cabinet on [date] [tbc].", "partial"),
    ("This plan was approved by [Cabinet / Council – delete as appropriate] on [date tbc].", "fail"),
    # A sentence pointing back to it takes from it what "it" is, not the decision still to be filled in.
    ("This plan was approved by [Cabinet / Council – delete as appropriate] on [date tbc]. It will be "
     "published on our website.", "fail"),
])
def test_members_seeing_the_plan_before_it_goes(check_md, text, expected):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text", ["Agency staff cost [X]% of the staff budget.",
                                  "Agency staff cost [X.X]% of the staff budget in 2023/24."])
def test_a_blank_figure_in_brackets_earns_nothing(check_md, text):
    assert status(check_md(text, "question.agency-spend"), "question.agency-spend") == "fail"


@pytest.mark.parametrize("text, rule_id, expected", [
    # The note stands where the answer should be: the sentence is unfinished without it.
    ("Looking ahead, the service with the greatest potential for savings is [Finance to confirm – likely "
     "temporary accommodation or leisure].", "question.savings-potential", "fail"),
    ("Our data is shared with [Insight team to confirm partners].", "question.data-sharing", "fail"),
    ("The plan was approved by [Democratic Services to confirm].", ENDORSEMENT, "fail"),
    # A finished sentence with a note to check it still says what it says.
    ("This plan will be presented to Cabinet on 23 July 2024 [Democratic Services to confirm].", ENDORSEMENT,
     "partial"),
])
def test_a_note_standing_where_the_answer_should_be_is_no_answer(check_md, text, rule_id, expected):
    assert status(check_md(text, rule_id), rule_id) == expected


def test_a_sentence_listing_several_specific_asks_counts_for_each(check_md):
    text = """\
        # Plan

        ## What holds us back

        We ask the Government for multi-year settlements, an end to competitive bidding for small pots,
        and local control of planning fees, which cover only 63% of our costs. The temporary
        accommodation subsidy, frozen at 2011 rents, costs us £640,000 a year.
        """
    assert status(check_md(text, "theme.barriers"), "theme.barriers") == "pass"


def test_a_sentence_listing_generalities_counts_once(check_md):
    text = """\
        # Plan

        ## What holds us back

        Funding for local government has not kept pace with demand since 2010. We would welcome more
        flexibility, greater trust in local leaders, and a genuine partnership with government.
        """
    assert status(check_md(text, "theme.barriers"), "theme.barriers") != "pass"


@pytest.mark.parametrize("kept_for_it, expected", [
    ("## Technology and data\n\n[Digital team to complete]\n\n", "fail"),
    ("", "partial"),
])
def test_a_passing_mention_does_not_fill_the_empty_section_kept_for_the_theme(check_md, kept_for_it, expected):
    text = ("# Plan\n\n## Doing things differently\n\nWe merged eleven contact points into one customer team "
            "in 2021, and our new digital portal and data dashboards mean 80% of council tax transactions are online.\n\n"
            + kept_for_it + "## Asks of government\n\nA multi-year settlement.\n")
    assert status(check_md(text, "theme.technology-data"), "theme.technology-data") == expected


@pytest.mark.parametrize("text, expected", [
    ("Invest to save. A £1.9m investment in foster carer recruitment in 2021 has added 46 in-house carers.",
     "pass"),
    ("- **Invest to save.** In 2022 we spent £1.8m on repairing 120 temporary accommodation units.", "pass"),
    # Without its title the same sentence says nothing of invest to save.
    ("A £1.9m investment in foster carer recruitment in 2021 has added 46 in-house carers.", "partial"),
])
def test_a_paragraph_is_read_with_its_run_in_title(check_md, text, expected):
    rule = "question.invest-to-save"
    assert status(check_md(text, rule), rule) == expected


def test_a_list_under_a_heading_is_read_with_the_heading(check_md):
    text = """\
        # Plan

        ## What would help us

        The barriers we face are much the same in every service.

        - **A multi-year settlement.** One-year settlements stop us planning invest-to-save schemes.
        - **An end to competitive bidding.** We made 23 bids in 2023/24 at an officer cost of £310,000.
        """
    rule = "question.government-asks"
    assert status(check_md(text, rule), rule) == "pass"


ACTIONS_TABLE = """\
| Action | Lead | By | Saving a year |
|---|---|---|---|
| Move housing tenancy services online | Director of Housing | June 2025 | £0.6m |
| Merge the three business support teams | Director of Resources | October 2025 | £0.8m |
"""


@pytest.mark.parametrize("introduction, expected", [
    # A table's rows are read with what introduces the table: a heading right above it, or a sentence
    # leading into it, as a list's items are.
    ("### Table 5. What we will do in 2024/25 and 2025/26", "pass"),
    ("Over the next two years we will do the following:", "pass"),
    # A heading or sentence that puts the rows in the past makes them achievements, not plans.
    ("### Table 5. What we did in 2022/23 and 2023/24", "fail"),
    ("We have done the following since 2021:", "fail"),
])
def test_a_table_is_read_with_the_heading_or_sentence_that_introduces_it(check_md, introduction, expected):
    text = f"# Plan\n\n## Transforming our services\n\n{introduction}\n\n{ACTIONS_TABLE}"
    rule = "question.transformation-plans"
    assert status(check_md(text, rule), rule) == expected


def test_signing_the_plan_off_is_endorsement(check_md):
    text = "The Leader of the Council, Councillor Gemma Oyelaran, signed this plan off on 12 July 2024."
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"
    assert report.facts["endorsement"]["date"] == "12 July 2024"


@pytest.mark.parametrize("text, value", [
    ("Consultants accounted for 1.1 per cent of the staff budget in 2022/23 and 0.8 per cent in 2023/24.", 0.8),
    ("In 2022/23 consultants cost 1.1 per cent of the staff budget, and in 2023/24 0.8 per cent.", 0.8),
    ("In 2022/23 consultants cost 1.4 percent of the staff budget; in 2023/24 we used no consultants at all.", 0.0),
    # The year given as a label before the nil.
    ("Nil in 2023/24: we did not engage any consultants. In 2022/23 consultants accounted for 0.3 per cent of the "
     "staff budget.", 0.0),
])
def test_the_most_recent_year_wins_whichever_side_of_the_figure_it_is_written(check_md, text, value):
    rule = "question.consultant-spend"
    report = check_md(text, rule)
    assert status(report, rule) == "pass"
    assert report.facts["consultant_spend_percent"] == value


@pytest.mark.parametrize("second, expected", [
    ("9.2 It will be published on the Council's website after it has been submitted.", "pass"),
    # "This plan" names its own subject: the paragraph before does not lend it one.
    ("9.2 This report will be published on the Council's website.", "fail"),
])
def test_a_numbered_paragraph_opening_with_it_carries_the_subject_of_the_one_before(check_md, second, expected):
    text = f"""\
        # Plan

        ## 9. Approval

        9.1 The Strategy Committee approved this plan on 4 July 2024.

        {second}
        """
    assert status(check_md(text, PUBLICATION), PUBLICATION) == expected


def test_a_table_typed_with_spaces_under_a_sentence_naming_its_subject(check_md):
    text = """\
        Marlcombe District Council

        Agency staff as a share of the total staff budget:

            2021/22    9.8%
            2022/23    8.1%
            2023/24    6.2%

        Most of our agency spend is on planning officers.
        """
    rule = "question.agency-spend"
    report = check_md(text, rule, name="plan.txt")
    assert status(report, rule) == "pass"
    assert report.facts["agency_spend_percent"] == 6.2


@pytest.mark.parametrize("text, expected", [
    # A question copied as a list item asks; it does not answer, whatever its words.
    ("Questions to consider:\n\n- are there any particular barriers from our ageing legacy systems in 2024?", "partial"),
    ("By 2026 we will move all housing applications online and replace our depot.", "fail"),
    ("Our 2006 housing system cannot export data, so we will replace it with a cloud platform by 2026.", "pass"),
    # What the system itself cannot do, however it is said.
    ("The finance system cannot produce commitment reports, so managers keep spreadsheets alongside it.", "pass"),
    ("Our revenues system is unable to send bills by email, so 41,000 are printed and posted each March.", "pass"),
    # What the council cannot do is no barrier from a system.
    ("We cannot afford a new finance system until 2026.", "fail"),
])
def test_legacy_systems_are_answered_by_statements_about_systems(check_md, text, expected):
    rule = "question.legacy-systems"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    ("We are testing artificial intelligence to answer simple questions on our website and to help social "
     "workers write up visits.", "pass"),
    ("We will explore artificial intelligence.", "partial"),
])
def test_new_technology_is_answered_by_what_it_is_used_for(check_md, text, expected):
    rule = "question.new-technology"
    assert status(check_md(text, rule), rule) == expected


def test_capital_spending_named_by_its_source(check_md):
    text = ("We built 96 council homes between 2020 and 2024 using £18m of borrowing and right-to-buy receipts; "
            "40 of them house families who would otherwise be in temporary accommodation.")
    rule = "question.capital-spending"
    assert status(check_md(text, rule), rule) == "pass"


@pytest.mark.parametrize("text, expected", [
    # A note before a sentence leaves the sentence the council's own.
    ("[Policy team to add how progress on this plan will be reported.] The Council's corporate performance "
     "report goes to Cabinet every quarter.", "partial"),
    # A general sentence followed by a request for its content is part of the draft.
    ("The Council monitors its performance. [Policy team to add detail.]", "fail"),
    ("The Council monitors its performance. [Performance: list the reports and how often they go.]", "fail"),
])
def test_a_drafting_note_is_a_sentence_of_its_own(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("maker, expected, body", [
    ("Councillor Anwen Lacey, Cabinet Member for Resources", "pass", "Cabinet Member for Resources"),
    # An officer's decision is no member's endorsement.
    ("Director of Resources", "not pass", None),
])
def test_a_decision_record_names_who_took_a_decision_written_without_its_maker(check_md, maker, expected, body):
    text = f"""\
        RECORD OF A DECISION

        Decision reference:        CMD/2024/118
        Decision maker:            {maker}
        Date of decision:          12 July 2024

        Decision

        1. To approve the Productivity Plan 2024, attached as Appendix A, for submission by 19 July 2024.
        """
    report = check_md(_dedent(text), ENDORSEMENT, name="plan.txt")
    got = status(report, ENDORSEMENT)
    assert got != "pass" if expected == "not pass" else got == expected
    if body:
        assert report.facts["endorsement"] == {"body": body, "date": "12 July 2024"}


@pytest.mark.parametrize("heading, expected", [
    ("Extract from the minutes of Cabinet, 16 July 2024", "pass"),
    # A heading naming no meeting lends the resolution no one who decided.
    ("Recommendations", "fail"),
])
def test_a_resolution_in_minutes_was_decided_by_the_meeting_its_heading_names(check_md, heading, expected):
    text = (f"## {heading}\n\n**RESOLVED** – (1) That the Productivity Plan at Appendix A be approved for "
            "submission by 19 July 2024.\n")
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == expected
    if expected == "pass":
        assert report.facts["endorsement"] == {"body": "Cabinet", "date": "16 July 2024"}


def test_the_resolution_in_minutes_is_the_endorsement_not_the_report_that_brought_it(check_md):
    text = """\
        MINUTES OF THE MEETING OF CABINET HELD ON TUESDAY 9 JULY 2024

        23. PRODUCTIVITY PLAN 2024

        The Leader introduced the report, which presented the Productivity Plan for member oversight and
        endorsement before its submission by 19 July 2024.

        RESOLVED -

        (a) That the Productivity Plan at Appendix A be endorsed for submission.
        """
    report = check_md(_dedent(text), ENDORSEMENT, name="plan.txt")
    assert status(report, ENDORSEMENT) == "pass"
    fact = report.facts["endorsement"]
    assert fact["body"].lower() == "cabinet" and fact["date"].lower() == "9 july 2024"


@pytest.mark.parametrize("note", [
    # A note addressed to whoever drafts, quoted or not, is not the council's plan.
    "> *Note for the Head of Policy: Cabinet will approve this plan on 16 July 2024. Please confirm the date.*",
    "Note to the Leader's office: Cabinet will approve this plan on 16 July 2024.",
    # To a team by its initials, over several sentences: the note runs to the end of its paragraph.
    "NOTE FOR SMT: this section is short. Cabinet will approve this plan on 16 July 2024, if the date holds.",
])
def test_a_note_addressed_to_the_drafters_earns_nothing(check_md, note):
    rule = "governance.member-endorsement"
    assert status(check_md(f"## Governance\n\n{note}\n", rule), rule) == "fail"


@pytest.mark.parametrize("name", ["plan.txt", "plan.md"])
def test_a_long_note_on_a_line_of_its_own_is_no_heading_over_what_follows(check_md, name):
    # A note asking for content marks its own place: the council's text after it is still its own.
    text = ("Technology\n\n"
            "[Policy team: add a paragraph on capital spending - the leisure centre rebuild and the depot, with "
            "the amounts?]\n\n"
            "Adult social care records are held in two systems inherited in 2019, and staff re-key each case "
            "that moves between them; we will move to one system by the end of 2025.\n")
    rule = "question.legacy-systems"
    assert status(check_md(text, rule, name=name), rule) == "pass"


def test_a_strategy_that_will_set_out_how_is_no_answer_yet(check_md):
    text = ("## Technology and data\n\nOur Data Strategy 2024-2027 is being refreshed and will set out how we will "
            "improve the quality and use of our data.\n")
    rule = "question.data-quality"
    assert status(check_md(text, rule), rule) == "partial"


def test_a_share_worked_out_with_the_staff_budget_stated_elsewhere(check_md):
    text = """\
        # Plan

        Our total staff budget for 2023/24 was £19.2m, of which the pay bill for directly employed staff was £17.6m.

        ## Spending

        All spending over £10,000 and every consultancy commission must be approved by the Spend Panel.

        We spent £430,000 on consultants in 2023/24, mostly on the examination of our local plan.
        """
    rule = "question.consultant-spend"
    report = check_md(text, rule)
    assert status(report, rule) == "pass"
    assert report.facts["consultant_spend_percent"] == 2.2
    assert "worked out" in result(report, rule).message.lower()


def test_the_staff_budget_named_with_its_amount_inside_another_figure_is_the_whole(check_md):
    # "…11.2% of our total staff budget of £268m": the whole is stated, in passing, in the agency
    # figure's sentence; a nil for one kind of consultant is not a nil for all of them.
    text = """\
        ## Reducing waste

        In 2023/24 we spent £30.0m on agency staff, which was 11.2% of our total staff budget of £268m. At
        31 March 2024, 71 agency workers had been with us for more than a year. Each is reviewed every quarter.
        We do not use management consultants; we spent £0.9m on specialist technical consultants.
        """
    rule = "question.consultant-spend"
    report = check_md(text, rule)
    assert status(report, rule) == "pass"
    assert report.facts["consultant_spend_percent"] == 0.3


@pytest.mark.parametrize("year, value", [("2023/24", 0.9), ("2022/23", 1.0), ("", 0.9)])
def test_a_share_worked_out_with_the_staff_budget_in_a_table_row(check_md, year, value):
    # The whole in a table row of its own, by year: the amount's own year, or else the latest.
    when = f" in {year}" if year else ""
    text = f"""\
        # Plan

        ## Workforce

        | Workforce measure | 2022/23 | 2023/24 |
        |---|---|---|
        | Agency workers in post more than 12 months | 72 | 49 |
        | Total staff budget (excluding schools) | £271m | £286m |

        Consultancy cost £2.6m{when}, mostly on the business case for a new finance system.
        """
    rule = "question.consultant-spend"
    report = check_md(text, rule)
    assert status(report, rule) == "pass"
    assert report.facts["consultant_spend_percent"] == value


@pytest.mark.parametrize("name, table", [
    ("plan.md", "| Spend | 2022/23 | 2023/24 |\n|---|---|---|\n| Agency workers | £318,000 | £226,000 |\n"
                "| Consultants | £67,000 | £29,000 |"),
    # Typed with spaces, a dash for none.
    ("plan.txt", "                   2022/23     2023/24\n  Agency workers   £318,000    £226,000\n"
                 "  Consultants      —           £29,000"),
])
def test_a_table_of_amounts_is_worked_out_over_the_whole_given_in_prose(check_md, name, table):
    # The whole year by year in a sentence of its own: each year's share over that year's whole.
    text = f"Workforce\n\n{table}\n\nOur total staff budget was £7.9m in 2022/23 and £8.5m in 2023/24.\n"
    report = check_md(text, "question.agency-spend", name=name)
    assert status(report, "question.agency-spend") == "pass"
    assert report.facts["agency_spend_percent"] == 2.7
    assert "worked out" in result(report, "question.agency-spend").message.lower()


@pytest.mark.parametrize("text, value", [
    # A study in another part of the sentence leaves the figure standing.
    ("Consultants cost 0.4 per cent of the staff budget, almost all for a flood risk study.", 0.4),
    # The council's own question, worded its own way, and a figure opening the line under it.
    ("**How much of our staff budget goes on consultants?**\n\n0.6 per cent in 2023/24.", 0.6),
])
def test_consultant_figures_beside_a_study_or_under_the_councils_own_question(check_md, text, value):
    assert check_md(text, CONSULTANTS).facts["consultant_spend_percent"] == value


def test_lines_of_measures_and_figures_in_plain_text_are_read_one_by_one(check_md):
    text = ("Progress will be reported each January on:\n\n"
            "  Calls answered first time: 81% (target 88%)\n"
            "  Agency staff as a share of staff budget: 3.4% (target 2.5%)\n"
            "  Savings delivered: £0.3m (target £1.1m)\n")
    report = check_md(text, AGENCY, name="plan.txt")
    assert report.facts["agency_spend_percent"] == 3.4


def test_a_figure_in_brackets_after_the_same_share_in_words_is_the_figure(check_md):
    text = "Paid time for union duties costs roughly one fiftieth of one per cent of our pay bill (0.02%)."
    report = check_md(text, FACILITY)
    assert report.facts["facility_time_percent"] == 0.02


def test_a_small_worked_out_share_keeps_two_decimals(check_md):
    text = "Trade union facility time cost £48,000 in 2023/24, out of a paybill of £118m."
    report = check_md(text, FACILITY)
    assert report.facts["facility_time_percent"] == 0.04


AMOUNTS_BY_ROW = """\
    The table sets our spending against the total staff budget.

    | | 2022/23 | 2023/24 |
    |---|---|---|
    | Total staff budget | £38.5m | £40.0m |
    | Agency staff | £2.2m | £1.8m |
    | Consultancy | £610,000 | £0.4m |
    """
AMOUNTS_BY_COLUMN = """\
    | Year | Pay bill | Interim and agency workers | Consultants |
    |---|---|---|---|
    | 2022/23 | £61.0m | £3.4m | £0.9m |
    | 2023/24 | £64.0m | £2.9m | £0.7m |
    """
AMOUNTS_IN_A_UNIT = """\
    | £000 | 2022/23 | 2023/24 |
    |---|---|---|
    | Staff budget | 31,200 | 32,000 |
    | Agency workers | 1,650 | 1,440 |
    | Consultants | 40 | nil |
    """
AMOUNTS_IN_A_ROW_UNIT = """\
    | | 2022/23 | 2023/24 |
    |---|---|---|
    | Pay bill (£m) | 52.0 | 55.0 |
    | Agency staff (£m) | 3.1 | 2.2 |
    """
AMOUNTS_AGAINST_ANOTHER_WHOLE = """\
    | | 2023/24 |
    |---|---|
    | Total council spending | £210m |
    | Agency staff | £2.9m |
    """


@pytest.mark.parametrize("text, rule, fact, value", [
    (AMOUNTS_BY_ROW, AGENCY, "agency_spend_percent", 4.5),
    (AMOUNTS_BY_ROW, CONSULTANTS, "consultant_spend_percent", 1.0),
    (AMOUNTS_BY_COLUMN, AGENCY, "agency_spend_percent", 4.5),
    (AMOUNTS_BY_COLUMN, CONSULTANTS, "consultant_spend_percent", 1.1),
    # Bare numbers in the unit the table or the row gives; "nil" is none.
    (AMOUNTS_IN_A_UNIT, AGENCY, "agency_spend_percent", 4.5),
    (AMOUNTS_IN_A_UNIT, CONSULTANTS, "consultant_spend_percent", 0),
    (AMOUNTS_IN_A_ROW_UNIT, AGENCY, "agency_spend_percent", 4.0),
])
def test_a_share_is_worked_out_from_a_table_of_amounts_with_the_whole_in_it(check_md, text, rule, fact, value):
    report = check_md(text, rule)
    assert status(report, rule) == "pass"
    assert report.facts[fact] == value
    assert "worked out" in result(report, rule).message.lower()


def test_a_table_row_of_shares_of_another_base_gives_no_figure(check_md):
    text = ("| | 2023/24 | 2022/23 |\n|---|---|---|\n| Agency staff, % of total staff budget | 5.1% | 5.9% |\n"
            "| Consultants, % of net revenue budget | 0.9% | 1.2% |\n")
    report = check_md(text, CONSULTANTS)
    assert report.facts["consultant_spend_percent"] is None
    assert check_md(text, AGENCY).facts["agency_spend_percent"] == 5.1


def test_a_table_of_amounts_against_another_whole_gives_no_share(check_md):
    report = check_md(AMOUNTS_AGAINST_ANOTHER_WHOLE, AGENCY)
    assert status(report, AGENCY) != "pass"
    assert report.facts["agency_spend_percent"] is None


def test_a_tiny_worked_out_share_is_not_rounded_up_in_the_message(check_md):
    report = check_md("Trade union facility time cost £59,200 in 2023/24, against a pay bill of £74.0m.", FACILITY)
    assert report.facts["facility_time_percent"] == 0.08
    assert "0.08%" in result(report, FACILITY).message


def test_a_numbered_item_read_with_its_title_and_heading_in_every_format(structured_forms_items, pack):
    for path in structured_forms_items:
        report = check_document(read_document(path, ReadOptions(pages="estimate")), [pack])
        assert status(report, "question.barriers-productivity") == "pass", path.suffix


@pytest.fixture(scope="module")
def structured_forms_items(tmp_path_factory):
    """A numbered list of barriers whose items wrap, as Markdown, Word and PDF."""
    out = tmp_path_factory.mktemp("items")
    source = out / "items.md"
    source.write_text(
        "# Plan\n\n## 4. Barriers that the Government can help to remove\n\n"
        "1. **Competitive bidding.** We made nine bids for government funding in 2023/24 at an officer cost of "
        "about £70,000, and allocating funds by formula would save this.\n"
        "2. **Legacy housing system.** Government support for common data standards in housing software would "
        "lower the cost of replacing systems like ours.\n", encoding="utf-8")
    word = to_docx(source, out / "items.docx")
    return [source, word, to_pdfs([word], out)[0]]


def test_a_contents_list_ends_where_running_text_starts(check_md):
    text = """\
        # Our productivity plan

        **Contents**

        1. [Doing things differently](#differently)
        2. [What would help us](#help)

        It is our productivity plan, published here for residents, and the text we sent to the Government.

        Our Executive agreed this plan at its meeting on 15 July 2024 (minute 34).
        """
    report = check_md(text, ENDORSEMENT, PUBLICATION)
    assert status(report, ENDORSEMENT) == "pass"
    assert status(report, PUBLICATION) == "pass"


@pytest.mark.parametrize("rows, expected", [
    ("| Approved by | Cabinet |\n| Date approved | 8 July 2024 |\n"
     "| Prepared by | Assistant Chief Executive (Strategy and Performance) |", "pass"),
    # Each row says one thing: an officer's sign-off beside a Cabinet briefing is no Cabinet sign-off.
    ("| Shared with | Cabinet (informal briefing), 2 July 2024 |\n| Signed off by | Chief Executive, 15 July 2024 |",
     "partial"),
])
def test_a_sign_off_table_is_read_row_by_row(check_md, rows, expected):
    text = "# Plan\n\n## Document control\n\n| Item | Detail |\n|---|---|\n| Status | Final |\n" + rows + "\n"
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


def test_approved_it_refers_to_the_plan_named_just_before(check_md):
    text = ("This plan explains how we have changed the way we work since 2019. The Chief Executive approved it, "
            "in consultation with the Leader of the Council, on 12 July 2024.")
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"
    assert report.facts["endorsement"]["date"] == "12 July 2024"


@pytest.mark.parametrize("text, expected", [
    ("We look for waste in three ways. Every order over £5,000 is checked by the Spending Control Panel, and "
     "two value-for-money audits a year are reported to the Audit Committee.", "pass"),
    ("Waste is collected weekly from every household.", "partial"),
])
def test_how_waste_is_found_answers_the_waste_question(check_md, text, expected):
    rule = "question.waste-approach"
    assert status(check_md(text, rule), rule) == expected


# ---------------------------------------------------------------- reporting on this plan, and the council's usual reports

@pytest.mark.parametrize("text, expected", [
    # A month or a season named with "each" or "every" is a frequency.
    ("The Corporate Scrutiny Committee will look at progress against this plan every April.", "pass"),
    ("Cabinet will receive a progress report on this plan each autumn.", "pass"),
    # "In March" is a date, not a frequency.
    ("Cabinet will receive a progress report on this plan in March 2025.", "partial"),
    # The council's usual reports, even with this plan named, are general performance management.
    ("This plan has no reporting of its own; our normal quarterly performance report to Cabinet carries on.",
     "partial"),
    ("After submission, progress will be followed through the existing corporate performance report, which "
     "Cabinet receives every quarter.", "partial"),
    # Tracking something other than performance or the plan is no arrangement at all.
    ("A weekly vacancy tracker goes to the Senior Leadership Team.", "fail"),
])
def test_reporting_on_this_plan_against_the_councils_usual_reports(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    ("This web page is our productivity plan, as sent to the Government on 17 July 2024; we have put it here "
     "for residents to read.", "pass"),
    ("We sent our plan to the Government in July and have published it here.", "pass"),
    ("Our response is published below for residents.", "fail"),
    ("Residents can read our budget here.", "fail"),
])
def test_a_plan_that_is_the_web_page_itself_is_published(check_md, text, expected):
    assert status(check_md(text, PUBLICATION), PUBLICATION) == expected


@pytest.mark.parametrize("text, expected", [
    # What a clause says of afterwards does not take back what the sentence's other clause says.
    ("The draft went to every councillor on 3 July 2024 and will be discussed by the Executive in "
     "September, after submission.", "partial"),
    ("The Executive noted the plan and asked for a progress report next spring.", "partial"),
    ("Cabinet approved the plan on 8 July 2024, and the budget in February.", "pass"),
    # The only member involvement comes after submission: nothing before it.
    ("The plan will be considered by Cabinet in September, after it has been submitted.", "fail"),
    # Members' decisions on other documents, set out after a colon, are about those documents.
    ("The plan builds on what members have decided: the Corporate Plan, approved by Council in March.", "fail"),
])
def test_an_excluded_clause_leaves_the_rest_of_the_sentence_standing(check_md, text, expected):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # A decision still waiting for its date: members are meant to decide, no meeting is named.
    ("*Subject to approval by the Executive on [date tbc]*", "partial"),
    ("Endorsed by Full Council on [insert date]", "partial"),
    ("This plan is subject to Cabinet approval.", "partial"),
    ("Endorsed by Full Council on 11 July 2024", "pass"),
])
def test_a_decision_whose_date_is_a_blank_is_not_yet_taken(check_md, text, expected):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # A nil said of the base the share would be taken of.
    ("None of our paybill goes on trade union facility time.", 0),
    ("We do not spend any of the council's pay bill on trade union facility time.", 0),
    ("Nothing is spent on facility time: our union representatives act in their own time.", 0),
    ("No part of the staff budget was spent on trade union facility time in 2023/24.", 0),
    # Not a nil: part of it, or a nil narrowed to some.
    ("No part of the facility time budget is left unspent.", None),
])
def test_a_nil_said_of_the_paybill_answers_the_facility_time_question(check_md, text, expected):
    rule = "question.facility-time"
    report = check_md(text, rule)
    assert report.facts["facility_time_percent"] == expected
    assert status(report, rule) == ("pass" if expected == 0 else "partial")


@pytest.mark.parametrize("text", [
    # A slot for the figure, left blank, is no discussion of the subject.
    "Workforce figures: (i) Consultants: £X.Xm (XX% of the staff budget) [Finance to supply]; "
    "(ii) Agency workers: 5.5% of the staff budget in 2023/24.",
    "Consultants: ??% of total staff budget (awaiting the ledger).",
    # A run-in title over drafting text.
    "5.3 **Consultancy.** In 2023/24 consultants cost [Finance to add %] of the staff budget. We expect "
    "this to fall next year.",
    # A table's caption says what the table holds; the table's rows are blanks.
    "Our spending on consultants is set out below.\n\n| Consultants | 2023/24 |\n|---|---|\n"
    "| Spend | £XXm |\n| Share of staff budget | [tbc] |",
])
def test_a_blank_slot_for_a_figure_is_not_a_discussion_of_it(check_md, text):
    rule = "question.consultant-spend"
    assert status(check_md(text, rule), rule) == "fail"


@pytest.mark.parametrize("text, expected", [
    ("Consultants are used only for specialist valuation advice.", "partial"),
    ("Consultants: used only for specialist valuation advice [Finance to confirm].", "partial"),
    ("5.3 **Consultancy.** We use consultants only for specialist valuation advice.", "partial"),
])
def test_a_mention_beside_a_note_still_discusses_the_subject(check_md, text, expected):
    rule = "question.consultant-spend"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    ("6.2 **Equality, diversity and inclusion.** We have [number] EDI champions. We will say here how we "
     "assess training once the new learning system is live.", "fail"),
    ("6.2 **Equality, diversity and inclusion.** We have 14 EDI champions.", "pass"),
])
def test_edi_under_a_run_in_title_needs_its_own_answer(check_md, text, expected):
    assert status(check_md(text, "question.edi"), "question.edi") == expected


@pytest.mark.parametrize("text, value", [
    # "Now" after a figure marks that figure as today's; the next one, with its date, is the aim.
    ("Measures: agency staff as a share of the staff budget, 6.1% now, 4.8% by April 2026.", 6.1),
    ("We will track agency spend as a share of the staff budget (7.2% today, 5.5% by 2025/26).", 7.2),
    # "Now" before a figure still marks that figure.
    ("Agency staff are now 8.3% of the staff budget, which we intend to reduce to 6% by 2026.", 8.3),
])
def test_a_measure_with_its_figure_now_and_its_aim_gives_todays_figure(check_md, text, value):
    report = check_md(text, "question.agency-spend")
    assert report.facts["agency_spend_percent"] == value


def test_a_year_list_with_dot_leaders_under_its_caption_is_a_table(check_md):
    text = """\
        Workforce figures for the Minister's questions.

        Agency workers as a share of the total staff budget:
          2022/23 ..... 6.9%
          2023/24 ..... 6.1%

        Contents
        Our workforce ..... 3
        What would help us ..... 4
        """
    report = check_md(text, "question.agency-spend", name="plan.txt")
    assert report.facts["agency_spend_percent"] == 6.1


@pytest.mark.parametrize("text, value", [
    ("We paid consultants £1.3m in 2023/24. Set against our staff budget, that is 2.4 per cent.", 2.4),
    ("Consultancy fees came to £640,000 last year. This was 1.1% of the total staff budget.", 1.1),
    # The sentence before names another subject: the share is not the consultants'.
    ("Agency workers cost us £3.1m in 2023/24. That is 4.4% of the staff budget.", None),
])
def test_a_share_in_the_next_sentence_belongs_to_the_subject_it_points_back_to(check_md, text, value):
    report = check_md(text, "question.consultant-spend")
    assert report.facts["consultant_spend_percent"] == value


def test_a_document_control_block_with_dot_leaders_is_a_sign_off_record(check_md):
    text = """\
        HALLOWMERE DISTRICT COUNCIL - PRODUCTIVITY PLAN 2024

        RECORD OF DECISION
          Owner ................... Head of Policy
          Endorsed by ............. Cabinet, 2 July 2024
          Adopted by .............. Full Council
          Date adopted ............ 11 July 2024

        CONTENTS
          1. Our services ................ 2
          2. What would help us .......... 3
        """
    report = check_md(text, ENDORSEMENT, name="plan.txt")
    assert status(report, ENDORSEMENT) == "pass"
    # The record's own decision row and its date, not the step before.
    assert report.facts["endorsement"] == {"body": "Full Council", "date": "11 July 2024"}


def test_a_nil_said_of_the_staff_who_would_take_the_time(check_md):
    text = "No employee has paid time off for trade union duties; the union's regional officer represents our staff."
    report = check_md(text, "question.facility-time")
    assert report.facts["facility_time_percent"] == 0


@pytest.mark.parametrize("text, expected", [
    ("Below is Kelby Borough Council's productivity plan as sent to the Ministry in July 2024. It is published "
     "on this page for residents.", "pass"),
    ("Below is Kelby Borough Council's budget for 2024/25. It is published on this page for residents.", "fail"),
])
def test_a_plan_named_by_its_council_is_the_plan(check_md, text, expected):
    assert status(check_md(text, PUBLICATION), PUBLICATION) == expected


SERVICE_IMPROVEMENTS = "question.service-improvements"


@pytest.mark.parametrize("text, expected", [
    ("In 2022 we brought planning and building control into one team with one phone number. "
     "Decision times fell from 14 weeks to 9.", "pass"),
    ("We switched all 9,000 street lights to LED in 2021, and the energy they use fell by more than half.", "pass"),
    ("Since we opened the Westgate hub in 2022, 64% of visitors have had their query resolved on the day, "
     "against 41% in 2021.", "pass"),
    # A change still to come, with the figure it is expected to move: a plan, not an effect.
    ("We will move planning applications online next year, and we expect decision times to fall from "
     "12 weeks to 8.", "not pass"),
    # A figure that moved by itself is the context, not the effect of a change.
    ("Demand for temporary accommodation has doubled since 2019. Services have been reviewed.", "not pass"),
])
def test_a_change_made_and_a_figure_it_moved_answer_the_service_improvements_question(check_md, text, expected):
    assert judged_as(check_md, text, SERVICE_IMPROVEMENTS, expected)


LETTERED_ASKS = """\
    ## What stands in our way

    Temporary accommodation cost us £6.1m more than the subsidy we could claim in 2023/24.

    We ask the Government to:

    {a} give councils a funding settlement covering at least three years;

    {b} let councils set planning fees locally.
    """


@pytest.mark.parametrize("name", ["plan.md", "plan.txt"])
@pytest.mark.parametrize("marks", [("(a)", "(b)"), ("a)", "b)"), ("(i)", "(ii)")])
def test_items_lettered_by_hand_are_read_with_the_sentence_that_introduces_them(check_md, name, marks):
    text = LETTERED_ASKS.format(a=marks[0], b=marks[1])
    rule = "question.government-asks"
    assert status(check_md(text, rule, name=name), rule) == "pass"
    # Without the introduction, items that are not themselves asks ask nothing.
    alone = text.replace("We ask the Government to:", "The year ahead:") \
        .replace("give councils", "we plan").replace("let councils", "we will")
    assert status(check_md(alone, rule, name=name), rule) != "pass"


@pytest.mark.parametrize("rule_id, fact, value", [
    ("question.agency-spend", "agency_spend_percent", 5.0),
    ("question.consultant-spend", "consultant_spend_percent", 1.5),
])
def test_a_share_is_worked_out_from_a_tables_amounts(check_md, rule_id, fact, value):
    text = """\
        Our workforce spending, in pounds:

        | | 2022/23 | 2023/24 | 2025/26 (target) |
        |---|---|---|---|
        | Pay bill | £58.0m | £60.0m | £61.0m |
        | Agency workers | £3.4m | £3.0m | £2.0m |
        | Consultancy | £1.1m | £0.9m | £0.5m |
        | Agency workers over a year | 14 | 9 | 5 |
        """
    report = check_md(text, rule_id)
    outcome = result(report, rule_id)
    assert outcome.status == "pass" and report.facts[fact] == value
    assert "worked out" in outcome.message.lower()


def test_a_list_of_links_to_other_pages_is_navigation_not_an_answer(check_md):
    text = """\
        # Our productivity plan

        We moved 40 services online in 2023.

        **See also**

        - [Equality, diversity and inclusion at Kelby](/council/equality)
        - [Trade union facility time](/council/facility-time)
        """
    report = check_md(text, "question.edi", "question.facility-time")
    assert status(report, "question.edi") == "fail"
    assert status(report, "question.facility-time") == "fail"


@pytest.mark.parametrize("text, expected", [
    # Measures that track the plan are its metrics; an arrangement needs someone to monitor or report.
    ("We will use these five measures to track delivery of this plan.", "fail"),
    ("The Corporate Leadership Team will monitor this plan.", "partial"),
])
def test_measures_tracking_the_plan_are_not_a_reporting_arrangement(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(text, rule), rule) == expected

WORKFORCE_FIGURES = """\
    ## 4. Our people and money

    In 2023/24 agency staff made up 3.2% of our total staff budget and consultants 0.4%.

    Trade union facility time was 0.02% of our pay bill.

    We have two EDI champions and six staff networks.
    """
SPENDING_CONTROLS = """\

    Every purchase over £5,000 now needs the approval of our spending panel, which refused 41 requests
    worth £310,000 in 2023/24. We ended 220 software licences nobody used, saving £58,000 a year.
    Contracts are reviewed six months before they end; we let nine lapse last year.
    """


def test_the_themes_figures_alone_are_not_plans_to_reduce_wasteful_spend(check_md):
    rule = "theme.wasteful-spend"
    assert status(check_md(WORKFORCE_FIGURES, rule), rule) == "partial"
    assert status(check_md(WORKFORCE_FIGURES + SPENDING_CONTROLS, rule), rule) == "pass"


def test_a_figure_acted_on_is_more_than_a_figure_reported(check_md):
    text = WORKFORCE_FIGURES + """\

    We will cut agency spend to 2% of the staff budget by March 2026 by converting long placements into posts.

    Every agency booking beyond twelve weeks needs a director's approval.

    Consultancy is commissioned only with a business case, and fell from £1.1m to £0.4m in two years.
    """
    rule = "theme.wasteful-spend"
    assert status(check_md(text, rule), rule) == "pass"


def test_waste_of_money_in_a_paragraph_of_its_own_answers_the_theme(check_md):
    text = """\
    7. Waste of money in the organisation is tackled in three ways. All spending over £10,000 needs sign-off
    by a director and the Section 151 Officer. Contracts are reviewed six months before they end; in 2023/24
    we let eleven contracts lapse. Spend on hospitality and external venues fell by 70% after the rule came in.

    8. Our bin rounds were redesigned in 2023, and household waste collected fell by 4%.
    """
    rule = "theme.wasteful-spend"
    assert status(check_md(text, rule, name="plan.txt"), rule) == "pass"


def test_refuse_under_the_theme_heading_is_no_part_of_its_answer(check_md):
    text = """\
    ## 3. Reducing wasteful spend

    **Waste.** We are a waste disposal authority. We run eleven household waste recycling centres and manage
    the contracts for the treatment and disposal of 268,000 tonnes of household waste a year. In 2023 we
    retendered the residual waste contract, moving more waste from landfill to energy recovery. Landfill tax
    paid by the council fell from £6.1m in 2021/22 to £3.8m in 2023/24.

    **Controls.** A spend control panel reviews non-essential spend over £5,000.
    """
    rule = "theme.wasteful-spend"
    assert status(check_md(text, rule), rule) == "partial"


@pytest.mark.parametrize("question, reply, rule, expected", [
    # A question asked only of councils that have the thing: saying there is none answers it.
    ("What is your experience of working with an elected mayor, combined authority or devolution deal?",
     "Not applicable. Thrayle is not part of a combined authority, and there is no mayor or devolution deal "
     "covering the county at present.", "question.devolution", "pass"),
    ("If you share external training costs with neighbouring councils, how do you factor out duplication with "
     "your upper-tier council?", "We do not share external training costs with other councils at present.",
     "question.shared-training", "pass"),
    # ... and so does a predicate that denies the thing after naming it.
    ("If you have one, how is your council working with the combined authority?",
     "A combined authority is not in place for our county, and none has been proposed.", "question.devolution", "pass"),
    # A view not yet formed is no "none".
    ("What is your experience of working with an elected mayor, combined authority or devolution deal?",
     "We do not yet have a view on the combined authority.", "question.devolution", "partial"),
    # A question asked of every council is not answered by "none".
    ("How often do you share data with other organisations, and do you find this useful?",
     "We do not share data with other organisations.", "question.data-sharing", "partial"),
])
def test_none_answers_a_question_asked_only_where_there_is_one(check_md, question, reply, rule, expected):
    assert status(check_md(f"## Questions\n\nQ. {question}\n\n{reply}", rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Measures named by what they count are specific: a note asking for more leaves the answer standing.
    ("We measure productivity mainly through unit costs and caseloads, compared each quarter with our "
     "statistical neighbours. [Performance team to add a sentence on the new productivity dashboard]", "pass"),
    # A general sentence waiting for its content is part of the draft.
    ("We measure productivity in a number of ways. [Performance team to add detail]", "not pass"),
])
def test_a_sentence_naming_its_measures_is_no_stub(check_md, text, expected):
    assert judged_as(check_md, text, "question.measuring-productivity", expected)


ORGANISATIONAL_CHANGE = "question.organisational-change"


@pytest.mark.parametrize("text, expected", [
    ("We replaced our eight directorates with three, removing a whole tier of management.", "pass"),
    ("In 2021 the switchboard, the benefits counter and the planning desk were brought into one customer team, "
     "and 43 posts became 31.", "pass"),
    ("We ended the grounds maintenance contract and brought the work in-house, joined with street cleansing.", "pass"),
    ("Our staff are our greatest asset, and we value their commitment to residents.", "not pass"),
])
def test_how_the_organisation_changed_in_any_words(check_md, text, expected):
    assert judged_as(check_md, text, ORGANISATIONAL_CHANGE, expected)


AGENCY_VALUE = "question.agency-consultant-value"


@pytest.mark.parametrize("text, expected", [
    ("Three agency surveyors have now passed a year with us, and we have offered each a permanent contract.", "pass"),
    ("Any agency booking beyond eight weeks needs the agreement of a director; six agency workers have been "
     "in post for over twelve months.", "pass"),
    ("We value the flexibility that agency workers give us.", "not pass"),
    ("[HR to confirm the number of agency workers in post for over twelve months.]", "not pass"),
])
def test_how_long_agency_staff_have_stayed_and_who_agrees_to_them(check_md, text, expected):
    assert judged_as(check_md, text, AGENCY_VALUE, expected)


SPEND_GOVERNANCE = "question.spend-governance"


@pytest.mark.parametrize("text, expected", [
    ("Since 2022 every purchase over £2,000 has needed a second signature from a finance officer.", "pass"),
    ("Non-contract spending above £50,000 goes to a monthly review group chaired by the Section 151 Officer.",
     "pass"),
    ("We are careful with public money.", "not pass"),
])
def test_who_must_agree_to_spending_is_governance_of_spend(check_md, text, expected):
    assert judged_as(check_md, text, SPEND_GOVERNANCE, expected)



@pytest.mark.parametrize("text, count", [
    ("We do not appoint EDI champions; equality is part of every manager's role.", 0),
    ("The council has not designated any EDI champions.", 0),
])
def test_champions_never_appointed_are_none(check_md, text, count):
    assert check_md(text, "question.edi").facts["edi_champions"] == count


def test_the_endorsement_date_is_the_decisions_not_one_borrowed_from_the_sentence_before(check_md):
    text = """\
        # Governance

        We will report progress each quarter from January 2025. This plan will go on our website once
        Cabinet has approved it.

        | Item | Detail |
        |---|---|
        | Status | Draft for approval |
        | To be approved by | Cabinet, 9 July 2024, before submission |
        """
    report = check_md(text, ENDORSEMENT)
    assert report.facts["endorsement"] == {"body": "Cabinet", "date": "9 July 2024"}


@pytest.mark.parametrize("text, value", [
    ("Consultants cost £0.80m in 2022/23 and £0.60m in 2023/24, against staff budgets of £40.0m and £42.0m "
     "respectively.", 1.4),
    ("In 2022/23 and 2023/24 agency staff cost £2.0m and £2.5m, against pay bills of £50m and £52m "
     "respectively.", None),
    # "Respectively" may go unsaid.
    ("Consultancy spend was £3.4m in 2022/23 and £2.9m in 2023/24, out of staff budgets of £70m and £72m.", 4.0),
])
def test_amounts_paired_respectively_give_the_latest_years_share(check_md, text, value):
    report = check_md(text, "question.consultant-spend")
    assert report.facts["consultant_spend_percent"] == value

@pytest.mark.parametrize("heading", ["What is holding us back", "What stands in our way", "What stops us going further",
                                     "What slows us down"])
def test_barriers_with_first_person_asks_under_the_councils_own_heading(check_md, heading):
    text = f"""\
    ## {heading}

    - Our Rural Services Delivery Grant is confirmed one year at a time. We ask that it be built into baseline funding.
    - We still do not know what packaging payments we will receive in 2025. We ask for the amounts by December.
    - Planning fees cover about two thirds of what it costs us to decide applications. We ask to set our own fees.
    """
    assert status(check_md(text, "theme.barriers"), "theme.barriers") == "pass"


def test_generalities_under_a_barriers_heading_are_not_an_answer(check_md):
    text = """\
    ## What is holding us back

    Like all councils we face significant challenges. The funding landscape is complex and demand keeps rising.
    We would welcome greater flexibility and certainty so that we can plan for the long term.
    """
    assert status(check_md(text, "theme.barriers"), "theme.barriers") != "pass"


@pytest.mark.parametrize("text, rule", [
    ("Our building control service has been hosted by Marlow Vale District Council since 2020, for both councils; "
     "it saves us £60,000 a year.", "question.shared-services"),
    ("Since 2019 our revenues service has been run in partnership with the neighbouring district council.",
     "question.shared-services"),
    ("Solar panels on the depot roof cost £210,000 in 2022 and save £38,000 a year in electricity.",
     "question.invest-to-save"),
])
def test_shared_services_and_invest_to_save_in_other_words(check_md, text, rule):
    assert status(check_md(text, rule), rule) == "pass"


@pytest.mark.parametrize("text, expected", [
    ("Each year every team brings a stop list to the budget challenge; in 2023/24 the lists removed £210,000 "
     "of spending, including unused licences and printed papers.", "pass"),
    ("Every service must find one process a year that nobody would miss; last year 41 forms and reports were "
     "stopped.", "pass"),
    ("We keep all spending under review.", "not pass"),
])
def test_a_routine_that_finds_what_to_stop_is_how_waste_is_found(check_md, text, expected):
    rule = "question.waste-approach"
    assert judged_as(check_md, text, rule, expected)



@pytest.mark.parametrize("text, expected", [
    # A paragraph's number is no count of anything.
    ("4.4 Equality, diversity and inclusion is part of everything we do, overseen by our Equality Board.",
     "partial"),
    ("12 EDI champions support our staff networks.", "pass"),
    ("4.4 We have 12 EDI champions.", "pass"),
])
def test_a_paragraph_number_is_never_an_edi_count(check_md, text, expected):
    assert status(check_md(text, "question.edi"), "question.edi") == expected


def test_a_meeting_asked_to_endorse_it_names_the_plan_before(check_md):
    text = "This plan is the council's draft. The Executive is asked to endorse it on 11 July 2024, before submission."
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"
    assert report.facts["endorsement"] == {"body": "Executive", "date": "11 July 2024"}

@pytest.mark.parametrize("ask, expected", [
    ("We would welcome a fairer and more sustainable settlement and greater flexibility in our funding.", "not pass"),
    ("We would welcome changes that bring long-term benefits to our residents.", "not pass"),
    ("We ask the Government for a three-year settlement, so that we can plan beyond one budget.", "pass"),
    ("We ask for housing benefit subsidy on temporary accommodation to be uprated to current rates.", "pass"),
])
def test_a_settlement_or_benefits_named_only_in_general_is_no_specific_ask(check_md, ask, expected):
    text = f"""\
    ## What would help us

    {ask}
    """
    rule = "question.government-asks"
    assert judged_as(check_md, text, rule, expected)


def test_a_service_named_with_the_cost_pressing_on_it_is_a_barrier_to_services(check_md):
    rule = "question.barriers-services"
    barriers = """\
    ## What holds us back

    - **Home to school transport for children with SEND.** Costs have risen by 58% since 2021.
    - **Temporary accommodation.** The subsidy gap was £3.1m this year. We ask for it to be uprated.
    """
    assert status(check_md(barriers, rule), rule) == "pass"
    elsewhere = """\
    ## Doing things differently

    We redesigned home to school transport in 2022; routes now cost £1.2m less a year.
    """
    assert status(check_md(elsewhere, rule), rule) != "pass"


@pytest.mark.parametrize("item, expected", [
    ("We have 41 unfilled posts for social workers and occupational therapists, most lost to the NHS.", "pass"),
    ("Neighbouring boroughs compete with us for the same few qualified planners and building control surveyors.",
     "pass"),
    ("Recruitment remains a challenge.", "not pass"),
])
def test_staff_the_council_cannot_find_or_keep_is_a_barrier_inside_it(check_md, item, expected):
    text = f"""\
    ## What holds us back

    - One-year funding settlements stop us planning ahead.
    - {item}
    """
    rule = "question.barriers-productivity"
    assert judged_as(check_md, text, rule, expected)


def test_the_service_with_most_room_for_savings_and_its_estimate(check_md):
    rule = "question.savings-potential"
    text = "The service with most room for further savings is our leisure estate: closing one pool would save about £400,000 a year."
    assert status(check_md(text, rule), rule) == "pass"
    assert status(check_md("We always look for savings.", rule), rule) != "pass"


@pytest.mark.parametrize("text, expected", [
    ("We think the most savings are to be found in home-to-school transport, where we expect to save about "
     "£1.8m a year by 2026.", "pass"),
    ("Our largest further saving should come from children's placements: about £2m a year.", "pass"),
    # A superlative about something else, beside a saving already made, names no potential.
    ("Our recycling rate is one of the highest in the region, and the new rounds save £620,000 a year.",
     "not pass"),
])
def test_savings_potential_is_a_saving_still_to_be_had_not_any_superlative(check_md, text, expected):
    assert judged_as(check_md, text, "question.savings-potential", expected)


@pytest.mark.parametrize("text, expected", [
    ("This plan answers the letter. Where an answer is still being prepared, the gap is marked. "
     "The Executive is asked to endorse it at its meeting on 11 July 2024, before submission.", "pass"),
    # "It" is the budget named just before, not the plan.
    ("This plan sets out our work. The budget was set in February. Cabinet approved it on 20 February 2024.",
     "fail"),
])
def test_what_it_stands_for_may_be_named_two_sentences_back(check_md, text, expected):
    rule = "governance.member-endorsement"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Naming the theme's own subjects (procurement, agency staff, consultants) is what every plan does.
    ("Our procurement practice is sound, and we secure the best value from every contract we let. We keep our "
     "use of agency staff under close review. Consultants are engaged only where the skills are not available "
     "in house. Our procurement arrangements are designed to secure the best possible outcomes.", "partial"),
    # A control with its threshold, what it stopped, a named partnership: specifics.
    ("A spend control panel reviews every purchase over £5,000; in 2023/24 it refused or cut 37 requests worth "
     "£214,000. All contracts over £25,000 are let through our procurement partnership with Dunstow District "
     "Council. We stopped printing the residents' magazine in 2023.", "pass"),
])
def test_wasteful_spend_is_answered_by_specifics_beyond_its_own_vocabulary(check_md, text, expected):
    rule = "theme.wasteful-spend"
    assert status(check_md(f"## Reducing wasteful spend\n\n{text}\n", rule), rule) == expected


def test_a_nil_for_a_later_year_than_a_table_of_amounts_is_the_answer(check_md):
    text = """\
        ## Our workforce

        | | 2021/22 | 2022/23 | 2023/24 |
        |---|---|---|---|
        | Staff budget | £11.0m | £11.6m | £12.1m |
        | Consultants | £88,000 | £41,000 | nil |

        We did not use any consultants in 2023/24. The earlier figures relate to the review of our leisure contract.
        """
    rule = "question.consultant-spend"
    report = check_md(text, rule)
    assert status(report, rule) == "pass"
    assert report.facts["consultant_spend_percent"] == 0.0


def test_a_table_column_of_another_base_is_not_the_staff_budget_share(check_md):
    text = """\
        ## Agency staff and consultants

        | 2023/24 | Spend | Share of gross expenditure (£33.0m) | Share of staff budget (£13.4m) |
        |---|---|---|---|
        | Agency staff | £1.02m | 3.1% | 7.6% |
        | Consultants | £214,000 | 0.6% | 1.6% |
        """
    report = check_md(text, "question.consultant-spend", "question.agency-spend")
    assert report.facts["consultant_spend_percent"] == 1.6
    assert report.facts["agency_spend_percent"] == 7.6


@pytest.mark.parametrize("reply, expected", [
    # An elliptical reply under a question heading is read with the question it answers ...
    ("Daily with the Department for Work and Pensions on benefits; weekly with South Thorne Police on "
     "anti-social behaviour.", "pass"),
    # ... unless it opens by denying it.
    ("No: the NHS and the police have not yet agreed to it.", "fail"),
])
def test_an_elliptical_reply_is_read_with_the_question_heading_over_it(check_md, reply, expected):
    rule = "content.partners"
    text = f"## Technology and data\n\n### How often do you share data with other organisations?\n\n{reply}\n"
    assert status(check_md(text, rule), rule) == expected


KPI_FIGURES_EARLIER = """\
    # Our services

    Potholes reported online are now fixed within 28 days in 87% of cases, up from 64%.

    # Monitoring

    """


@pytest.mark.parametrize("monitoring, figures, expected", [
    # Measures named by pointing back to where the plan gives them, with their figures.
    ("Progress against the measures above will be reported to Cabinet every quarter.", True, "pass"),
    ("The indicators set out above will go to the Scrutiny Committee twice a year.", True, "pass"),
    ("Cabinet will see the measures in the table each quarter.", True, "pass"),
    # Pointing back to nothing measured: the measures are only mentioned.
    ("Progress against the measures above will be reported to Cabinet every quarter.", False, "partial"),
    # Pointing back, denied: nothing is tracked yet.
    ("We have not yet agreed the measures above with Cabinet.", True, "partial"),
    # "Above" that points nowhere: a target above the average is no measure given elsewhere.
    ("We will keep our collection rate above the national average.", True, "partial"),
])
def test_measures_named_by_pointing_back_to_their_figures(check_md, monitoring, figures, expected):
    text = (KPI_FIGURES_EARLIER if figures else "# Our services\n\nWe mended more roads.\n\n# Monitoring\n\n") \
        + monitoring + "\n"
    assert status(check_md(text, "metrics.kpis"), "metrics.kpis") == expected


@pytest.mark.parametrize("later, value", [
    # A later year's share worked out from its amounts is the most recent year's answer.
    ("In 2023/24 we spent £6.3m on agency workers against a total pay bill of £151m.", 4.2),
    # An amount budgeted or aimed at for a later year is no later answer.
    ("In 2024/25 we have budgeted £6.3m for agency workers against a total pay bill of £151m.", 5.6),
    ("In 2024/25 we expect to spend £6.3m on agency workers against a total pay bill of £151m.", 5.6),
])
def test_a_share_worked_out_for_a_later_year_outweighs_an_older_stated_one(check_md, later, value):
    text = f"Agency staff made up 5.6 per cent of the staff budget in 2022/23. {later}\n"
    report = check_md(text, "question.agency-spend")
    assert status(report, "question.agency-spend") == "pass"
    assert report.facts["agency_spend_percent"] == value


@pytest.mark.parametrize("aim", ["Where we want to be (March 2026)", "Where we aim to be by 2026",
                                 "Target 2025/26"])
def test_a_column_of_aims_in_plain_words_is_no_figure_spent(check_md, aim):
    text = f"""\
        | What we measure | Where we are now (2023/24) | {aim} |
        |---|---|---|
        | Missed bins per 100,000 collections | 52 | 40 |
        | Agency spend as a share of staff budget | 3.6% | 3.0% |
        """
    report = check_md(text, "question.agency-spend")
    assert status(report, "question.agency-spend") == "pass"
    assert report.facts["agency_spend_percent"] == 3.6


@pytest.mark.parametrize("text, expected, value", [
    # A band is no figure: the plan says how much only roughly.
    ("Agency use has run at between 5 and 7 per cent of the staff budget in recent years.", "partial", None),
    ("Agency staff cost 5-7% of the staff budget each year.", "partial", None),
    ("Agency staff cost between 5% and 7% of the staff budget each year.", "partial", None),
    # A change's end is the figure; two years joined by "and" are two figures.
    ("Agency spend fell from 7.2% of the staff budget in 2022/23 to 5.4% in 2023/24.", "pass", 5.4),
    ("Agency staff made up 4.9% of the staff budget in 2022/23 and 5.2% in 2023/24.", "pass", 5.2),
])
def test_a_range_is_no_figure(check_md, text, expected, value):
    report = check_md(text, "question.agency-spend")
    assert status(report, "question.agency-spend") == expected
    assert report.facts["agency_spend_percent"] == value


def test_a_total_that_says_it_includes_the_subject_is_still_the_whole(check_md):
    text = """\
        | £ million | 2022/23 | 2023/24 |
        |---|---|---|
        | Total staff budget (pay, on-costs and agency, excluding schools) | 182.4 | 191.0 |
        | Agency staff | 11.2 | 9.6 |
        """
    report = check_md(text, "question.agency-spend")
    assert report.facts["agency_spend_percent"] == 5.0
    assert "worked out" in result(report, "question.agency-spend").message.lower()


@pytest.mark.parametrize("text, value", [
    # Each year's amount with its share in brackets: the thousands' comma ends no clause, and the
    # second bracket is the same subject's.
    ("Trade union facility time cost £141,000 in 2022/23 (0.07% of the pay bill) and £152,000 in 2023/24 "
     "(0.08% of the pay bill).", 0.08),
    ("Trade union facility time cost £141,000 (0.07% of the pay bill) in 2023/24.", 0.07),
])
def test_bracketed_shares_after_amounts_are_the_subjects(check_md, text, value):
    report = check_md(text, "question.facility-time")
    assert status(report, "question.facility-time") == "pass"
    assert report.facts["facility_time_percent"] == value


def test_a_bracketed_share_after_another_subject_is_not_carried_over(check_md):
    text = ("Trade union facility time cost £141,000 in 2023/24 (0.07% of the pay bill) and agency staff "
            "£2.1m (4.9%).")
    assert check_md(text, "question.facility-time").facts["facility_time_percent"] == 0.07


@pytest.mark.parametrize("text, expected", [
    # Options still being weighed are no arrangement.
    ("We will settle how to report progress against this plan later in the year. Options, including a "
     "six-monthly report to Cabinet and an annual update to scrutiny, will be considered in the autumn.",
     "partial"),
    # Saying there is none yet: nothing, unless the usual performance reporting is said too.
    ("We have not yet decided how progress against the plan will be reported.", "fail"),
    ("We have not yet decided how progress on this plan will be reported. Until then, the Council's quarterly "
     "performance report to Cabinet continues to cover these services.", "partial"),
    ("Progress against this plan will be reported to Cabinet every quarter.", "pass"),
    # Options weighed after the denial are no arrangement, not even in part.
    ("We have not yet decided how progress against the plan will be reported. Options, including a "
     "six-monthly report to Cabinet and an annual update to the Corporate Scrutiny Committee, will be "
     "considered in the autumn once the new Government's intentions for productivity plans are known.", "fail"),
    ("We will consider, once the Government has confirmed what it expects of productivity plans, whether "
     "progress on the actions in section 5 should be reported to the Overview and Scrutiny Committee, and "
     "how often. No decision has yet been taken on this.", "fail"),
    # A note asking for the arrangement says there is none; the usual reporting of another plan, said in
    # another part of the plan, is not this plan's.
    ("## Our plan\n\nThe Corporate Plan 2023-2027 was endorsed by Cabinet in March 2023, and performance "
     "against it is reported to Cabinet every quarter.\n\n## Monitoring\n\nThe plan draws on the Corporate "
     "Plan.\n\n[Policy team: add how progress on the plan will be reported, and how often.]", "fail"),
    ("**Monitoring:** [Add how progress on the plan will be reported]", "fail"),
])
def test_a_reporting_arrangement_still_undecided_is_none(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # A note where the measures should be: none named yet, figures or not.
    ("Each service agrees a small number of output and unit-cost measures with its director every April. "
     "In 2023/24 we answered 61% of calls within a minute. Effects will be measured through "
     "[Performance team: add measures and baselines].", "partial"),
    ("Each service agrees a small number of output and unit-cost measures with its director every April, "
     "and the Corporate Leadership Team reviews them quarterly.\n\n"
     "Customer satisfaction rose from 71% to 78% in 2023/24.\n\n## Measures\n\n"
     "[Performance: KPI table for the plan to be inserted here]", "partial"),
    ("We will track the plan through four measures: calls answered in a minute (61% now, 80% by 2026), "
     "share of transactions online (48%, 70%), sickness days (9.1, 8.0) and savings (£1.3m a year).", "pass"),
])
def test_a_note_asking_for_the_measures_is_no_measures(check_md, text, expected):
    assert status(check_md(text, "metrics.kpis"), "metrics.kpis") == expected



def test_a_thin_section_kept_for_a_theme_is_not_made_up_by_words_elsewhere(check_md):
    text = """\
        ## About this plan

        Decisions on corporate and workforce matters are taken by the Strategy and Finance Committee.

        ## 1. How we have transformed the way we design and deliver services

        We have always prided ourselves on being a lean council that puts residents at the heart of what we do.
        We have developed a strong culture of continuous improvement, and our teams have shown great flexibility.
        We will continue on this journey of transformation and keep looking for opportunities to do things
        differently.

        ## 2. Technology and data

        All staff moved onto Microsoft 365 in 2022 and a new council website went live in March 2024.

        ## 3. Reducing wasteful spend

        By converting agency-covered roles in planning and environmental health into permanent and apprentice
        posts we brought agency spend down to 5.1% in 2023/24.

        Every agency placement is now approved by a director and reviewed after twelve weeks.

        Consultancy is commissioned only after the Spending Review Panel has confirmed that the work cannot be
        done in-house.
        """
    rule = "theme.transformation"
    outcome = result(check_md(text, rule), rule)
    assert outcome.status == "partial"
    assert "thin answer" in outcome.message


def test_a_question_heading_about_wasting_money_is_the_waste_theme(check_md):
    text = """\
        ## How do we avoid wasting money?

        The shared management team reviews every vacancy before it is advertised, and any spending over £5,000
        needs the approval of the Section 151 Officer. The Audit Committee reviews our contracts register each
        year. We spent £62,000 on LED lighting in our offices in 2022 from an invest-to-save budget.
        """
    rule = "theme.wasteful-spend"
    outcome = result(check_md(text, rule), rule)
    assert outcome.status == "pass" and "How do we avoid wasting money?" in outcome.message


@pytest.mark.parametrize("text, expected", [
    ("We fund Citizens Advice to give debt advice to residents who fall behind with council tax. In 2023/24 it "
     "helped 410 households, and their arrears fell by £57,000, which we would otherwise have had to chase "
     "through the courts.", "pass"),
    ("Our early help team works with families before problems start; in 2023/24 it saw 310 families and "
     "referrals to children's social care fell by 12%.", "pass"),
    ("We fund Citizens Advice.", "fail"),
])
def test_prevention_in_plain_words(check_md, text, expected):
    rule = "question.prevention"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # What a combined authority has brought, and where it works best and least, is an assessment.
    ("Being part of the West Fernshire Combined Authority, with its elected Mayor, has brought £41m into the "
     "borough for bus priority and new stations since 2022.", "pass"),
    ("The combined authority works best when the Mayor and the councils agree priorities early.", "pass"),
    # A combined authority named only as a place is no experience of it.
    ("Like every council in the combined authority area we have faced rising demand.", "partial"),
])
def test_experience_of_a_combined_authority(check_md, text, expected):
    rule = "question.devolution"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Capital by another name: what selling property raised, and what it paid for.
    ("We have closed six offices since 2019. Selling the empty offices raised £11.2m, which we have put towards "
     "the new library and learning centre.", "pass"),
    ("We sold our old depot in 2023.", "fail"),
])
def test_capital_raised_by_selling_property(check_md, text, expected):
    rule = "question.capital-spending"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Records joined up across systems is work on the data's quality.
    ("Our biggest data problem is that the same resident appears differently in the council tax, housing and "
     "benefits systems. A single resident record project will match these records by March 2026.", "pass"),
    ("We hold records in many systems.", "fail"),
])
def test_records_matched_across_systems_are_data_quality_work(check_md, text, expected):
    rule = "question.data-quality"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule_id, fact, value", [
    # The clause's first figure sets its order of figure and year, even when it is a share of a base
    # said in other words ("staff spend").
    ("Agency workers made up 7.4% of staff spend in 2023/24, down from 9.1% in 2022/23.",
     "question.agency-spend", "agency_spend_percent", 7.4),
    ("Agency workers made up 7.4% of our net revenue budget in 2023/24, down from 9.1% in 2022/23.",
     "question.agency-spend", "agency_spend_percent", None),
    # A year compared with is of the same base too, and a base may be named as a year's.
    ("Agency staff accounted for 2.4 per cent of the council's total net budget in 2023/24 (£9.8m), compared "
     "with 3.1 per cent in 2022/23.", "question.agency-spend", "agency_spend_percent", None),
    ("The 2023/24 agency figure is also equal to about 3.6 per cent of that year's net revenue budget of £398m.",
     "question.agency-spend", "agency_spend_percent", None),
    # A share worked out for the year of the whole said just before beats an older stated share.
    ("In 2023/24 our total staff budget was £236.4m. We spent £14.2m on agency staff and £2.9m on "
     "consultants. Agency spend in 2022/23 had been 7.6% of the staff budget.",
     "question.agency-spend", "agency_spend_percent", 6.0),
    ("Our total staff budget was £236.4m. We spent £14.2m on agency staff and £2.9m on consultants. "
     "Agency spend in 2022/23 had been 7.6% of the staff budget.",
     "question.agency-spend", "agency_spend_percent", 7.6),
    # A table row that gives the whole beside the part.
    ("| Measure | 2023/24 |\n|---|---|\n| Agency staff, share of staff budget | 3.8% |\n"
     "| Trade union facility time | £420,000 (pay bill £210m) |",
     "question.facility-time", "facility_time_percent", 0.2),
    ("| Measure | 2023/24 |\n|---|---|\n| Trade union facility time | £420,000 (revenue budget £210m) |",
     "question.facility-time", "facility_time_percent", None),
    # A share of the subject's own total is how it breaks down, not its share of the staff budget.
    ("Our total staff budget was £316.0m in 2023/24 and we spent £22.4m on agency workers. Most agency spend is "
     "in children's social care (62% of the 2023/24 total).", "question.agency-spend", "agency_spend_percent", 7.1),
    # "Agency staff cost £9.6m" is the part, not the whole another subject's share is of.
    ("Agency staff cost £9.6m in 2023/24 and consultants £2.1m, both set against a total staff budget of £214m.",
     "question.consultant-spend", "consultant_spend_percent", 1.0),
    # The year nearest the first figure sets the order, not one from a sentence before.
    ("Agency spend has fallen each year since 2021.[^1]\n\n[^1]: Agency staff were 2.7% of the total staff "
     "budget in 2023/24, compared with 4.1% in 2022/23.", "question.agency-spend", "agency_spend_percent", 2.7),
    # "That" as the subject carries the subject of the clause before.
    ("We spent £52,000 on consultants, mostly for advice on our local plan; that is 0.4% of the staff budget.",
     "question.consultant-spend", "consultant_spend_percent", 0.4),
    # A share only near its value gives way to the exact one the same sentence's amounts give.
    ("We spent £1.9 million on consultants in 2023/24; set against the £148 million staff budget that is a little "
     "over one per cent.", "question.consultant-spend", "consultant_spend_percent", 1.3),
])
def test_a_figure_keeps_its_own_year_and_its_whole(check_md, text, rule_id, fact, value):
    assert check_md(text, rule_id).facts[fact] == value


def test_a_worked_out_share_names_its_amounts_as_written(check_md):
    text = "We spent £1.9 million on consultants in 2023/24, against a staff budget of £148 million."
    message = result(check_md(text, "question.consultant-spend"), "question.consultant-spend").message
    assert "£1.9 million of £148 million" in message


@pytest.mark.parametrize("text, expected", [
    # Reported speech turns "will" into "would": a tense, not a possibility.
    ("The Director advised that the Chief Executive would submit the final version under her delegated "
     "powers, and that the plan would then be published on the Council's website.", "pass"),
    ("Members were told that the plan would be published on the Council's website after submission.", "pass"),
    ("It would be good practice for the plan to be published on the Council's website.", "fail"),
    ("The Director advised that the plan could be published on the Council's website.", "fail"),
    # "It" as the object of putting, placing or posting points back to the plan.
    ("I agreed this plan as Leader on 12 July 2024. We will put it on the Council's website alongside our "
     "Corporate Plan.", "pass"),
    ("I agreed this plan as Leader on 12 July 2024. We will place it on the Council's website next week.",
     "pass"),
])
def test_publication_in_reported_speech_and_by_pronoun(check_md, text, expected):
    assert status(check_md(text, "governance.publication"), "governance.publication") == expected


def test_a_records_date_is_from_the_row_of_the_deciding_not_of_an_earlier_step(check_md):
    text = """\
        | Document control | |
        |---|---|
        | Reviewed by: | Corporate Leadership Team, 25 June 2024 |
        | Approved by: | Cabinet |
        | Date of approval: | 17 July 2024 |
        """
    report = check_md(text, ENDORSEMENT)
    assert report.facts["endorsement"] == {"body": "Cabinet", "date": "17 July 2024"}
    assert "Approved by: Cabinet" in result(report, ENDORSEMENT).evidence[0].quote


ANSWERED_ELSEWHERE = """\
    ## Our services

    We invested £12m of borrowing in buying 60 homes for temporary accommodation. Each family housed in one
    of them rather than in bed and breakfast saves us about £14,000 a year, and the homes will pay back the
    borrowing within fourteen years.
"""


@pytest.mark.parametrize("under, expected", [
    # The plan's own place for the answer, left for drafting: the plan says the answer is still to come.
    ("[Finance to add examples]", "fail"),
    ("TBC", "fail"),
    # A start of an answer beside the note is the council's own.
    ("We bought 60 homes to pay back within fourteen years. [Finance to add more examples]", "pass"),
])
def test_a_question_heading_left_for_drafting_is_unanswered_whatever_else_touches_it(check_md, under, expected):
    text = ANSWERED_ELSEWHERE + f"\n    ## Invest to save\n\n    {under}\n"
    assert status(check_md(_dedent(text), "question.invest-to-save"), "question.invest-to-save") == expected


@pytest.mark.parametrize("heading, expected", [
    # A short heading naming the question's topic asks it ...
    ("Preventative approaches and their value", "fail"),
    # ... but a theme's heading that happens to hold its word does not.
    ("Theme 4: Barriers preventing progress", "pass"),
])
def test_a_heading_asks_a_question_by_naming_its_topic_not_by_a_shared_word(check_md, heading, expected):
    text = ("## Our services\n\nOur falls prevention service made 1,650 home visits in 2023/24 and avoided an "
            "estimated 140 hospital admissions, worth £0.9m a year to the NHS and the council.\n\n"
            f"## {heading}\n\n[Public Health team to complete]\n")
    assert status(check_md(text, "question.prevention"), "question.prevention") == expected


@pytest.mark.parametrize("note", ["> Note from JM: section 2.4 covers waste. Check with Finance.",
                                  "Comment from Finance: do we need more here?"])
def test_a_note_from_one_author_to_the_others_is_drafting_text(check_md, note):
    text = ("## 3. Reducing wasteful spend\n\n[Finance to add: spend controls and contract savings]\n\n"
            f"{note}\n")
    assert status(check_md(text, "theme.wasteful-spend"), "theme.wasteful-spend") == "fail"


def test_controls_and_reviews_in_plain_words_answer_the_waste_theme_without_a_heading(check_md):
    text = ("14. We have a strong record of controlling costs. All vacancies are considered by a Vacancy Panel of "
            "two directors before they are advertised, and since 2022 the panel has held back or deleted 19 posts. "
            "A full review of our contracts in 2023 cut the number of suppliers we use by a quarter and saved "
            "£240,000 a year.\n\n"
            "15. In 2022 we spent £310,000 replacing the lighting at the Guildhall; the work saves £64,000 a year "
            "and will have paid for itself within five years.\n")
    assert status(check_md(text, "theme.wasteful-spend", name="plan.txt"), "theme.wasteful-spend") == "pass"



def test_a_short_paragraph_after_a_themes_paragraphs_carries_on_their_run():
    # A plan in numbered paragraphs with no headings: its barriers run from paragraph 19 to 23, and "24. These
    # barriers are felt across the council rather than in one service" carries on the run, a sentence alone.
    from pathlib import Path

    from plancheck.analysis import Analysis
    from plancheck.packs import load_pack
    from plancheck.readers import ReadOptions, read_document

    pack = load_pack("productivity-plan-2024")
    path = next(Path(__file__).parent.glob("corpus/dev/998-*.txt"))
    analysis = Analysis.of(read_document(path, ReadOptions(pages="estimate")), pack=pack)
    run = [analysis.document.blocks[i].text[:3] for i in analysis.theme_paragraphs("barriers")]
    assert "24." in run and "25." not in run


def test_a_row_saying_who_approved_outranks_a_signature(check_md):
    text = """\
        | | |
        |---|---|
        | Status | Final |
        | Approved by | Cabinet |
        | Date of approval | 16 July 2024 |
        | Signed | Cllr Peter Anwell, Leader of the Council |
        """
    assert check_md(text, ENDORSEMENT).facts["endorsement"] == {"body": "Cabinet", "date": "16 July 2024"}


@pytest.mark.parametrize("text, rule_id, expected", [
    # Staff the council loses to better pay are a barrier inside it.
    ("## Where the Government could help\n\n1. **Our own capacity.** We have lost nine planning and building "
     "control posts to the private sector since 2022 and cannot match the pay. *Ask:* fund the planning skills "
     "programme for three more years.", "question.barriers-productivity", "pass"),
    # Records put right and given one identifier are work on data quality.
    ("## Using technology and data\n\n- **Better data.** In 2023 we cleaned up our property records so that every "
     "address in the district has one unique reference in all our systems.", "question.data-quality", "pass"),
])
def test_capacity_lost_and_records_put_right_answer_their_questions(check_md, text, rule_id, expected):
    assert status(check_md(text, rule_id), rule_id) == expected


@pytest.mark.parametrize("text, expected", [
    # A field named by what was asked is answered by its value.
    ("Member sign-off: this draft has been shared with group leaders for comment.", "partial"),
    ("Member sign-off: approved by Cabinet on 16 July 2024.", "pass"),
    # A recommendation made is a decision proposed ...
    ("The report recommended that Cabinet approve the plan for submission. Cabinet amended the recommendation "
     "and noted the plan.", "partial"),
    # ... while a report naming the meeting that is to take it names a decision to come.
    ("Cabinet is recommended to approve the plan for submission at its meeting on 16 July 2024.", "pass"),
])
def test_a_fields_value_and_a_recommendation_made_are_read_for_what_they_say(check_md, text, expected):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # "The year before" names the year before the one said: the worked-out share is the later year's.
    ("In 2023/24 we spent £412,000 on agency staff against a total staff budget of £9.8 million (the year "
     "before, agency staff were 5.6% of the staff budget).", 4.2),
    ("Agency staff were 3.9% of the staff budget in 2023/24, against 4.6% the previous year.", 3.9),
    ("Agency staff were 4.6% of the staff budget in the previous year and 3.9% in 2023/24.", 3.9),
])
def test_the_year_before_is_a_year(check_md, text, expected):
    assert check_md(text, "question.agency-spend").facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, expected", [
    # The letter's ask, in a participle's clause, is no endorsement and gives the fact nothing.
    ("The Minister for Local Government wrote to chief executives on 16 April 2024 setting out four themes "
     "and asking that plans be three to four pages long, be endorsed by members and be published.", "fail"),
    ("The Minister for Local Government wrote to chief executives on 16 April 2024 setting out four themes "
     "and asking that plans be endorsed by members. Cabinet approved this plan on 9 July 2024.", "pass"),
])
def test_the_letters_ask_further_on_in_its_sentence_is_no_endorsement(check_md, text, expected):
    result = check_md(text, "governance.member-endorsement")
    assert status(result, "governance.member-endorsement") == expected
    if expected == "pass":
        assert result.facts["endorsement"] == {"body": "Cabinet", "date": "9 July 2024"}


@pytest.mark.parametrize("text, rule, expected", [
    # A condition after what it governs makes it no statement of fact.
    ("We will publish this plan on the council's website only if the Government decides to publish the plans "
     "of all councils.", "governance.publication", "fail"),
    ("This plan will be placed on our website provided that Cabinet approves it on 16 July 2024.",
     "governance.publication", "fail"),
    ("This plan will be published on our website once it has been submitted.", "governance.publication", "pass"),
    # An exception to a rule is no condition on it.
    ("This plan will be published on our website in July, unless it is exempt information, which it is not.",
     "governance.publication", "pass"),
    # A making refused is a denial: nothing named, nothing to count.
    ("The Minister's letter suggests that plans include metrics and key performance indicators. We have "
     "decided not to create a separate set of indicators or targets for this plan.", "metrics.kpis", "fail"),
    # A reporting refused, in the future: the usual reporting said beside it counts in part.
    ("Progress on the actions in this plan will not be reported separately. The council's performance "
     "continues to be reported to Cabinet each quarter through the corporate performance report.",
     "governance.progress-reporting", "partial"),
])
def test_conditions_refusals_and_suggestions(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, expected", [
    # A list under a heading asking is read with it: the lettered items are the asks.
    ("4. WHAT WOULD HELP\n\n  a) A three-year funding settlement, so we can commit to savings that take more "
     "than a year to pay back.\n  b) Capital funding by formula, not by bidding. Our last three bids cost "
     "around £70,000 in staff time; two failed.\n", "question.government-asks", "pass"),
    # A paragraph that only asks, between a heading and a list, is what the list answers.
    ("**Where have you followed invest to save and what was the result?**\n\n[tbc]\n\n**What percentage of "
     "total staff budget is spent on a) agency and b) consultants?**\n\na) Agency: [XX]% [Finance to "
     "confirm].\nb) Consultants: 1.4% of the total staff budget in 2023/24.\n", "question.invest-to-save",
     "fail"),
])
def test_a_list_is_read_with_what_asks_right_over_it(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, expected", [
    # Systems that do not work together, and their age, however said.
    ("## Technology and data\n\nWe had 140 systems, many of which did not speak to each other.",
     "question.legacy-systems", "pass"),
    ("## Technology and data\n\nWe have replaced the three oldest, including a housing benefits system that dated "
     "from 2003.", "question.legacy-systems", "pass"),
    ("## Technology and data\n\nWe have 140 systems.", "question.legacy-systems", "fail"),
    # Money put into something that saves is invest to save, the saving said next.
    ("## Reducing waste\n\nWe put £700,000 into LED lighting and new boilers in council buildings. It now saves "
     "£105,000 a year.", "question.invest-to-save", "pass"),
    ("## Reducing waste\n\nWe put £700,000 into LED lighting and new boilers in council buildings.",
     "question.invest-to-save", "fail"),
    # "Spending to save", "investing to save": the words of the scheme, however inflected.
    ("## Reducing waste\n\n**Spending to save.** We replaced 14,000 street lights with LEDs for £3.1 million. They "
     "save us about £520,000 a year.", "question.invest-to-save", "pass"),
])
def test_systems_that_do_not_speak_and_money_put_into_savings(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


def test_a_question_set_as_a_paragraph_ends_the_heading_questions_reach(check_md):
    text = ("Q4. Which service could save most, and how much?\n\n[Finance - can you give a figure?]\n\n"
            "Q4a. What do we do to stop problems arising, and what is it worth? (added by RT - not one of the "
            "headline questions)\n\nThe home fire safety visits now include a falls check. In 2023/24 there "
            "were 1,020 referrals, and each fall avoided saves the NHS and us about £12,000.\n")
    rule = "question.savings-potential"
    assert status(check_md(text, rule, name="plan.txt"), rule) != "pass"
    # Without the council's own question between, the text under the heading answers it.
    kept = text.replace("Q4a. What do we do to stop problems arising, and what is it worth? (added by RT - not "
                        "one of the headline questions)\n\n", "")
    assert status(check_md(kept, rule, name="plan.txt"), rule) == "pass"


@pytest.mark.parametrize("text, rule, expected", [
    # A drafting instruction runs on through what else it asks the team.
    ("## Workforce\n\nConsultants: £[XX]k in 2023/24 – Finance to confirm, and whether the planning backlog team "
     "counts as consultancy or agency.", "question.consultant-spend", "fail"),
    ("## Workforce\n\nConsultants: £[XX]k in 2023/24 – Finance to confirm. The planning backlog team is counted "
     "as consultancy.", "question.consultant-spend", "partial"),
    # Reporting asked of someone is an arrangement.
    ("| Indicator | 2023/24 | Target 2025/26 |\n|---|---|---|\n| Contacts resolved at first contact | 79% | 85% |\n\n"
     "I have asked the Chief Executive to report progress against these indicators to Cabinet every six months.",
     "governance.progress-reporting", "pass"),
])
def test_a_note_runs_on_and_reporting_is_asked_of_someone(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("note", [
    "> **Reviewer (HM, Policy):** mention the social care case system here? Check with Digital.",
    "Drafting note: the 2007 case system should go here, with what it costs us to run.",
    "Reviewer comment: this whole part is still empty; say so if it cannot be filled.",
])
def test_a_reviewers_comment_left_in_the_text_is_drafting_text(check_md, note):
    text = ("## Technology and data\n\n### Are older systems holding us back?\n\n[Digital team to complete]\n\n"
            + note + "\n")
    assert status(check_md(text, "theme.technology-data"), "theme.technology-data") == "fail"


@pytest.mark.parametrize("text, rule, expected", [
    # A question reported decides nothing.
    ("Councillor Ellery asked how progress against the plan would be monitored and reported to members.",
     "governance.progress-reporting", "fail"),
    ("Councillor Ellery asked whether Cabinet would approve the plan.", "governance.member-endorsement", "fail"),
    ("Progress against the plan will be monitored and reported to Cabinet every quarter.",
     "governance.progress-reporting", "pass"),
])
def test_a_question_reported_decides_nothing(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, expected", [
    ("In 2022 we joined up our housing options team with the hospital discharge team of Colnewick Teaching "
     "Hospitals NHS Foundation Trust.", "content.partners", "pass"),
    ("With Colnewick Police we run a service for the 150 people who call emergency services most often.",
     "content.partners", "pass"),
    ("Colnewick Police answered 40,000 calls last year.", "content.partners", "fail"),
    ("## Reducing waste\n\n4.6 Shared functions. We share internal audit with two neighbouring counties through "
     "the Midshire Audit Partnership, which has cut its cost by around 15%.", "question.shared-services", "pass"),
])
def test_joint_work_and_sharing_however_said(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Members agreeing a part of the plan that is not the plan: no endorsement of it.
    ("We will agree a set of KPIs for this plan with Cabinet in September.", "fail"),
    ("2.1 That the Committee agrees that progress against the actions in section 5 of the plan is reported to "
     "this Committee every six months, the first report coming to the January 2025 meeting.", "fail"),
    # The plan approved beside it still is.
    ("Cabinet approved the plan on 9 July 2024, and agreed that progress against it be reported every six "
     "months.", "pass"),
])
def test_members_agreeing_a_part_of_the_plan_do_not_endorse_it(check_md, text, expected):
    rule = "governance.member-endorsement"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, fact, expected", [
    # The whole said once elsewhere; the sentence names it in words only, beside a bound.
    ("Our staff budget, which is the same as our total pay bill, was £22.5m in 2023/24.\n\n"
     "Facility time took less than one per cent of our pay bill: it cost £27,000 in 2023/24.",
     "question.facility-time", "facility_time_percent", 0.1),
    # A study in another part of the sentence from the amount leaves the amount standing.
    ("Our staff budget was £22.5m in 2023/24.\n\nWe spent £180,000 on consultants in 2023/24, all of it on "
     "the design of the new car park and the feasibility study for the leisure centre.",
     "question.consultant-spend", "consultant_spend_percent", 0.8),
    # A study consultants wrote, with its cost, is still no consultancy share.
    ("Our staff budget was £22.5m in 2023/24.\n\nA study by consultants costing £50,000 found that we could "
     "save £1m.", "question.consultant-spend", "consultant_spend_percent", None),
])
def test_amounts_worked_out_against_a_whole_said_elsewhere(check_md, text, rule, fact, expected):
    assert check_md(text, rule).facts[fact] == expected


def test_the_letters_date_with_its_sender_between_dates_no_decision(check_md):
    text = ("Brambury Council | Cabinet | 16 July 2024 | Agenda item 9\n\n"
            "1.1 To ask Cabinet to approve the Council's Productivity Plan, prepared in response to the letter "
            "from the Minister for Local Government of 16 April 2024, for submission by 19 July 2024.\n")
    facts = check_md(text, "governance.member-endorsement").facts
    assert facts["endorsement"] == {"body": "Cabinet", "date": "16 July 2024"}


def test_a_share_near_its_value_gives_way_to_its_amount_of_a_whole_said_before_the_list(check_md):
    text = ("**Staff costs.** Last year our staff budget (what we spend on pay) was £156 million.\n\n"
            "- Agency workers took just under five per cent of it, £7.4 million, mostly covering social workers.\n")
    assert check_md(text, "question.agency-spend").facts["agency_spend_percent"] == 4.7
    # Without the amount, the share in words stands.
    alone = text.replace(", £7.4 million", "")
    assert check_md(alone, "question.agency-spend").facts["agency_spend_percent"] == 5.0
    # A share given as a bound ("less than one per cent") gives way to its amount in the same way.
    bound = text + "- Consultants took less than one per cent, about £1.1 million, mainly on one scheme's design.\n"
    assert check_md(bound, "question.consultant-spend").facts["consultant_spend_percent"] == 0.7


@pytest.mark.parametrize("text, expected", [
    # Regulation and legislation in general are a generality, not a named service or system.
    ("## Barriers\n\nRegulation and reporting requirements add to the administrative load. We would welcome "
     "greater flexibility and freedom to make decisions locally.", "partial"),
    ("## Barriers\n\nThe 2011 Local Housing Allowance rates leave us £720,000 short each year. We ask the "
     "Government to uprate the subsidy for temporary accommodation to current rates.", "pass"),
])
def test_regulation_in_general_makes_no_ask_specific(check_md, text, expected):
    assert status(check_md(text, "question.government-asks"), "question.government-asks") == expected


@pytest.mark.parametrize("text, rule, expected", [
    # A sentence that only says members saw the plan borrows from what its "it" points back to only the
    # plan; the approval there was an officer's.
    ("## Sign-off\n\nThe Chief Executive approved the submission of this plan under urgency powers on 17 July "
     "2024. Members of Cabinet were sent the final text for information on the same day. The Overview and "
     "Scrutiny Committee looked at an earlier draft on 27 June and noted it.", ENDORSEMENT, "partial"),
    ("## Sign-off\n\nThe plan was drafted by officers. Cabinet approved it on 9 July 2024.", ENDORSEMENT, "pass"),
    # "It" published, with the plan named two sentences back.
    ("## About this page\n\nEvery council was asked by the Government to write a productivity plan in 2024. "
     "Ours explains how we have changed the way we work. We sent it to the Ministry on 17 July 2024, and we are "
     "publishing it here so that residents can read it.", PUBLICATION, "pass"),
    # "On these pages" is the website only when the plan is put there.
    ("## Next steps\n\nWe will publish the final plan on these pages once it has been sent.", PUBLICATION, "pass"),
    ("## Next steps\n\nThe plan set out on these pages was written by officers.", PUBLICATION, "fail"),
])
def test_what_a_sentence_borrows_from_what_it_points_back_to(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # A column of what will show each change has worked names measures; their baselines still to come
    # leave them partial.
    ("## Our plan\n\n| What we will do | Lead officer | How we will know it has worked |\n|---|---|---|\n"
     "| Move council tax forms to one online account | Revenues Manager | Share of forms received online |\n"
     "| Bring three reception points into one hub | Customer Services Manager | Enquiries resolved at first "
     "contact |\n\nWe have not yet set baselines or targets for these measures.", "partial"),
    # The letter's question asked in a heading names no measure for the figures under it.
    ("## What will we change, and how will we know it has worked?\n\n"
     "We will replace the housing system in 2025 and save £200,000 a year.", "partial"),
])
def test_a_column_of_how_we_will_know_names_measures(check_md, text, expected):
    assert status(check_md(text, KPIS), KPIS) == expected


@pytest.mark.parametrize("text, rule, fact, expected", [
    # A share as a fraction of money, the whole named by "of it" for the sentence before's.
    ("**Staff costs.** The total staff budget for 2023/24 was £158m. One in every twenty pounds of it went on "
     "agency staff, almost all in children's social work.", "question.agency-spend", "agency_spend_percent", 5.0),
    ("## Staff\n\nThe council's net budget for 2023/24 was £158m. One in every twenty pounds of it went on agency "
     "staff.", "question.agency-spend", "agency_spend_percent", None),
    ("## Facility time\n\nFacility time costs us roughly one pound in every thousand of our paybill.",
     "question.facility-time", "facility_time_percent", 0.1),
    # A paragraph number before a year is no fraction.
    ("4.1 In 2023/24 agency staff accounted for 3.2% of our total staff budget and consultants for 0.4%.",
     "question.agency-spend", "agency_spend_percent", 3.2),
    # A question naming three subjects lends none of them to a reply about one.
    ("## Q1. What do we spend on agency staff, consultants and union facility time?\n\nAgency staff made up 9.1% "
     "of the Council's total staff budget in 2023/24.\n\nTrade union facility time: TBC – HR",
     "question.facility-time", "facility_time_percent", None),
    # A nil said with "never".
    ("## Equality\n\nWe do not buy external EDI training, and we have never run an EDI champions scheme.",
     "question.edi", "edi_champions", 0),
    # A stop said of the whole subject is a nil; of a part, or to come, it is not.
    ("## Consultants\n\nCeased. We no longer engage management consultants.", "question.consultant-spend",
     "consultant_spend_percent", 0),
    ("## Consultants\n\n- Consultancy spend 2023/24: nil\n- Last contract ended in January 2023",
     "question.consultant-spend", "consultant_spend_percent", 0),
    ("## Consultants\n\nWe no longer use consultants in adult social care.", "question.consultant-spend",
     "consultant_spend_percent", None),
    # A heading naming the subject alone lends it to a line that opens with the figure of the base...
    ("## Facility time\n\n0.04% of the paybill in 2023/24.", "question.facility-time", "facility_time_percent",
     0.04),
    ("## Agency staff\n\n- 4.1% of the total staff budget in 2023/24\n- 22 agency workers in post for over a year",
     "question.agency-spend", "agency_spend_percent", 4.1),
    # ... not to a line naming a subject of its own, nor to one without the base.
    ("## Temporary staff and outside advice\n\nTrade union facility time accounted for 0.05% of the paybill in "
     "2023/24.", "question.agency-spend", "agency_spend_percent", None),
    ("## Facility time\n\n12% of staff left us in 2023/24.", "question.facility-time", "facility_time_percent",
     None),
    # Pence in the pound are per cent; the year before's pence are not the latest.
    ("Agency workers cost us 6p in every £1 of our staff budget in 2023/24, down from 7p in 2022/23.",
     "question.agency-spend", "agency_spend_percent", 6.0),
    ("Agency staff took 7 pence in the pound of our pay bill last year.", "question.agency-spend",
     "agency_spend_percent", 7.0),
    ("We spend 6p in every £1 of council tax on parks.", "question.agency-spend", "agency_spend_percent", None),
    # A part of one per cent.
    ("Trade union facility time took up one fifth of one per cent of our paybill in 2023/24.",
     "question.facility-time", "facility_time_percent", 0.2),
    # A fraction's number is one word or two only where both are a number's, and an aim is not today's.
    ("In 2023/24 one pound in every eight we spent on staff went on agency workers.\n\nWe will judge ourselves "
     "on these:\n\n- agency share of the staff budget: down to one pound in every ten by March 2026;\n"
     "- calls answered first time: 74% now, 82% by March 2026.", "question.agency-spend", "agency_spend_percent",
     12.5),
    ("Agency share of the staff budget: down to one pound in every ten by March 2026.", "question.agency-spend",
     "agency_spend_percent", None),
    # "Nil" in a row that says it is a share, in whatever unit.
    ("| | 2022/23 | 2023/24 |\n|---|---|---|\n| Agency staff, share of total staff budget | 4.0% | 3.2% |\n"
     "| Trade union facility time, share of paybill | nil | nil |", "question.facility-time",
     "facility_time_percent", 0.0),
    ("| | 2023/24 |\n|---|---|\n| Agency staff, share of total staff budget | 3.2% |\n"
     "| Trade union facility time, hours a week | nil |", "question.facility-time", "facility_time_percent", None),
])
def test_fractions_of_money_and_nils_with_never(check_md, text, rule, fact, expected):
    assert check_md(text, rule).facts[fact] == expected


def test_the_body_of_an_endorsement_is_the_one_that_decided(check_md):
    text = ("## Sign-off\n\nCabinet discussed a draft of this plan on 9 July 2024, and the Leader of the Council, "
            "Councillor Dominic Ashworth, approved the final version on 12 July 2024.")
    assert check_md(text, ENDORSEMENT).facts["endorsement"] == {"body": "Leader of the Council",
                                                                "date": "12 July 2024"}


@pytest.mark.parametrize("text, rule, expected", [
    # An e-mail address names a mailbox, not the website.
    ("## Publication\n\nThis plan is a submission to Government and we have not placed it on the Council's website. "
     "A copy will be made available on request by emailing chiefexecutive@ambleforth.gov.uk.", PUBLICATION, "fail"),
    ("## Publication\n\nA copy of the plan will be placed on www.ambleforth.gov.uk after submission.",
     PUBLICATION, "pass"),
    # "A draft" in the plan's account of itself is the plan.
    ("## How the plan was agreed\n\nCouncillors on the Scrutiny Committee discussed a draft at their meeting on "
     "27 June 2024. The Chief Executive submitted the plan on 18 July 2024.", ENDORSEMENT, "partial"),
])
def test_a_mailbox_is_no_website_and_a_draft_is_the_plan(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Requests, as a noun, are asks.
    ("## What would help\n\nWe have five specific requests of Government:\n\n"
     "1. A funding settlement covering at least three years.\n"
     "2. An update to the temporary accommodation subsidy rates, frozen since 2011, which left us £4.8m short.\n",
     "pass"),
    ("## What would help\n\nWe have had five requests from residents this year about bin collections.", "fail"),
])
def test_requests_of_government_are_asks(check_md, text, expected):
    rule = "question.government-asks"
    assert status(check_md(text, rule), rule) == expected


def test_the_councils_own_name_as_a_london_borough_is_no_specific(tmp_path, pack):
    from plancheck.analysis import Analysis
    path = tmp_path / "plan.md"
    path.write_text("## Barriers\n\nThis is an extract from the plan of the London Borough of Fallowmead.\n\n"
                    "Fallowmead faces many pressures.\n\n"
                    "We believe councils like Fallowmead can lead public service reform.\n", encoding="utf-8")
    analysis = Analysis.of(read_document(path, ReadOptions(pages="estimate")), pack=pack)
    own = [s for s in analysis.own_sentences()]
    assert [analysis.specific(s) for s in own[1:]] == [False, False]


@pytest.mark.parametrize("text, expected", [
    # Measures the plan will be judged by, reported to a named body at a named frequency.
    ("## Next steps\n\nWe will judge whether this is working by a small number of measures, reported to Cabinet "
     "twice a year: the share of transactions completed online (54 per cent, target 70 per cent).", "pass"),
    ("## Next steps\n\nWe will judge whether this is working by a small number of measures.", "fail"),
])
def test_measures_the_plan_is_judged_by_reported_to_a_body(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, expected", [
    # The plan's own sentence for the answer leaves it to a note: that place is still to be written,
    # whatever else the plan touches on.
    ("## 2. Services\n\n2.3 In waste collection we re-routed all rounds in autumn 2023; the change is expected to "
     "save £340,000 a year.\n\n2.11 The service with the greatest potential for further savings is [Finance to "
     "confirm - probably leisure or waste] with an estimated saving of £[XX]k a year.",
     "question.savings-potential", "fail"),
    ("## 3. Waste\n\n3.4 Invest to save: [Finance to list schemes and results].\n\n3.5 In 2022 we invested £2.9m "
     "in LED lighting, which now saves £540,000 a year.", "question.invest-to-save", "fail"),
    # A note beside an answer that is there leaves it standing.
    ("## 3. Waste\n\n3.5 Invest to save: our £2.9m programme of LED lighting saves £540,000 a year [Finance to "
     "check the figure].", "question.invest-to-save", "pass"),
    # A note asking for the answer to be added says the answer is still to be written, where the plan gives
    # none of its own...
    ("## Looking ahead\n\nWe expect further savings from adult social care.\n\n*[Comment – Head of Finance: "
     "need to add which service has the greatest potential for savings, and the estimate.]*",
     "question.savings-potential", "fail"),
    # ... but not where it does.
    ("## Looking ahead\n\nAdult social care has the greatest potential for further savings: we estimate £2.5m a "
     "year by 2026/27.\n\n*[Comment – Head of Finance: need to add the greatest potential for savings in "
     "waste too.]*", "question.savings-potential", "pass"),
])
def test_a_sentence_that_leaves_its_answer_to_a_note_leaves_the_question_unanswered(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


def test_a_note_asking_for_the_answer_is_quoted_as_such(check_md):
    rule = "question.savings-potential"
    report = check_md("## Looking ahead\n\nWe expect further savings from adult social care.\n\n*[Comment – Head of "
                      "Finance: need to add which service has the greatest potential for savings.]*", rule)
    assert result(report, rule).message.startswith("A note asks for this answer to be added (“[Comment – Head of")


@pytest.mark.parametrize("text, expected", [
    # A trial, as a noun, is a use of the technology.
    ("## Technology\n\nOur priorities include a trial of Microsoft Copilot with 150 staff in business support "
     "from September 2024, with time saved measured against a control group.", "pass"),
    ("## Technology\n\nWe are interested in Microsoft Copilot.", "partial"),
])
def test_a_trial_of_a_technology_is_a_use_of_it(check_md, text, expected):
    rule = "question.new-technology"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # A council named as the place it is "of" is another council.
    ("## Sharing\n\nOur legal service and our procurement team are shared with the London Borough of Oldfield "
     "Green, saving each council around £280,000 a year.", "pass"),
    ("## Sharing\n\nOur legal service and our procurement team are shared with the NHS trust.", "fail"),
])
def test_services_shared_with_a_london_borough(check_md, text, expected):
    rule = "question.shared-services"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Where the barriers fall, said in the barriers section, answers whether they are the same across services.
    ("## What holds us back\n\nFour things hold us back: one-year settlements, placement costs, SEND transport and "
     "small grant pots. The first and fourth of these affect everything the Council does; the second and third "
     "fall on our children's and education services.", "pass"),
    ("## What holds us back\n\nThree barriers run through every one of our big services (housing, children's social "
     "care and adult social care): short-term funding, national rules and markets we cannot shape.", "pass"),
    ("## What holds us back\n\nFour things hold us back: one-year settlements, placement costs, SEND transport and "
     "small grant pots.", "fail"),
])
def test_where_the_barriers_fall_answers_whether_they_are_consistent(check_md, text, expected):
    rule = "question.barriers-consistency"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("table, expected", [
    # A sentence that says it introduces the table names whose shares the table holds, year by year.
    ("| Year | Agency spend | Share of total staff budget |\n|---|---|---|\n| 2022/23 | £2.10m | 6.9% |\n"
     "| 2023/24 | £2.01m | 6.4% |", 6.4),
    # A target column holds no figure of the past.
    ("| Year | Share of total staff budget | Target |\n|---|---|---|\n| 2023/24 | 6.4% | 5.0% |", 6.4),
])
def test_a_table_introduced_by_a_sentence_naming_its_subject(check_md, table, expected):
    text = ("3.4.2 Agency staff. The table shows agency spend as a share of the Council's total staff budget over "
            f"the last three years.\n\n{table}\n\nOur total pay bill for the year was £31.0m.")
    assert check_md(text, "question.agency-spend").facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, expected", [
    # A whole in brackets that give another year is that year's.
    ("**Workforce costs.** Our total staff budget (the pay bill) in 2023/24 was £212.4m. In that year:\n\n"
     "- agency staff cost £13.1m (in 2022/23, £15.8m against a staff budget of £198.0m);\n", 6.2),
    # Brackets that give no other year hold the amount's own whole.
    ("## Workforce\n\nAgency staff cost £13.1m (against a staff budget of £212.4m).", 6.2),
])
def test_a_whole_in_brackets_of_another_year_is_that_years(check_md, text, expected):
    assert check_md(text, "question.agency-spend").facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, rule, expected", [
    # A word for the subject in a sentence about something else is no discussion of what it costs.
    ("## Our people\n\nStaff moved onto one set of terms and conditions in April 2022 after two years of "
     "negotiation with the recognised trade unions.", "question.facility-time", "fail"),
    ("## Our people\n\nThe Unison branch secretary is released for one day a week for trade union duties.",
     "question.facility-time", "partial"),
    ("## Our people\n\nConsultants are used only where a business case shows the skills are not in house.",
     "question.consultant-spend", "partial"),
])
def test_a_mention_discusses_a_workforce_cost_only_with_what_is_spent_or_used(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The plan will be made available on the Council's website following submission.", "pass"),
    ("Once submitted, the productivity plan will be uploaded to the council's website.", "pass"),
    ("This plan is available to view on the Council's website.", "pass"),
    ("Following submission the plan will appear on the Council's website.", "pass"),
    ("Residents will be able to read the plan on our website.", "pass"),
    ("The plan is also on our website, with the Cabinet report.", "pass"),
    ("We will share the plan with residents on our website and through our newsletter.", "pass"),
    ("Our productivity plan is published on the Transparency pages of our website.", "pass"),
    # The website as a subject of the plan, or the plan shared with members, is no publication.
    ("The plan sets out how we will improve our website.", "fail"),
    ("We will share the plan with members before it is submitted.", "fail"),
])
def test_publication_said_in_the_ways_councils_say_it(check_md, sentence, expected):
    text = f"## Governance\n\nCabinet approved the plan on 9 July 2024.\n\n{sentence}"
    assert status(check_md(text, PUBLICATION), PUBLICATION) == expected


@pytest.mark.parametrize("text, expected, body, date", [
    ("## Sign-off\n\nThe plan was agreed by Cabinet at its meeting on 9 July"
     " 2024.", "pass", "Cabinet", "9 July 2024"),
    ("## Sign-off\n\nFull Council adopted the plan on 18 July 2024.", "pass", "Full Council", "18 July 2024"),
    ("## Sign-off\n\nThe Executive endorsed this plan on 11 July 2024 for submission to"
     " Government.", "pass", "Executive", "11 July 2024"),
    ("## Sign-off\n\nThe Leader of the Council signed off the plan on 15 July"
     " 2024.", "pass", "Leader of the Council", "15 July 2024"),
    ("## Sign-off\n\nAt its meeting on 16 July 2024, Cabinet approved the Productivity Plan for"
     " submission.", "pass", "Cabinet", "16 July 2024"),
    ("## Sign-off\n\nThe Policy and Resources Committee approved the plan on 10 July"
     " 2024.", "pass", "Policy and Resources Committee", "10 July 2024"),
    ("## Sign-off\n\nThis plan will be considered for approval by Cabinet on 17 July 2024, before it is"
     " submitted.", "pass", "Cabinet", "17 July 2024"),
    ("## Sign-off\n\nApproved by Cabinet, 9 July 2024.", "pass", "Cabinet", "9 July 2024"),
    ("## Sign-off\n\nThe Chief Executive approved the plan on 12 July 2024 in consultation with the"
     " Leader.", "pass", "Leader", "12 July 2024"),
    ("## Sign-off\n\nThe Cabinet Member for Finance approved the plan by an executive decision on 8 July"
     " 2024.", "pass", "Cabinet Member for Finance", "8 July 2024"),
    ("## Sign-off\n\nOn 10 July 2024 the Cabinet resolved to approve the plan and delegate its"
     " submission to the Chief Executive.", "pass", "Cabinet", "10 July 2024"),
    ("## Sign-off\n\nThe plan goes to Full Council for approval on 23 July 2024, before it is"
     " submitted.", "pass", "Full Council", "23 July 2024"),
    ("## Sign-off\n\nThe plan was presented to Cabinet on 9 July 2024.", "partial", None, None),
    ("## Sign-off\n\nMembers of the Scrutiny Committee commented on a draft of the plan on 2 July"
     " 2024.", "partial", None, None),
    ("## Sign-off\n\nGroup leaders were briefed on the plan in June 2024.", "partial", None, None),
    ("## Sign-off\n\nThe plan has not yet been considered by members.", "fail", None, None),
    ("## Sign-off\n\nThis plan was endorsed by members at the Full Council meeting held on 18 July 2024.", "pass",
     "Full Council", "18 July 2024"),
    ("## Sign-off\n\nCabinet considered the draft plan on 2 July 2024. Following comments from members, the final "
     "version was approved by the Leader on 12 July 2024.", "pass", "Leader", "12 July 2024"),
    ("## Sign-off\n\nThe plan was circulated to all councillors on 5 July 2024 and was submitted by the Chief "
     "Executive on 19 July 2024.", "partial", None, None),
])
def test_endorsement_said_in_the_ways_councils_say_it(check_md, text, expected, body, date):
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == expected
    assert report.facts["endorsement"] == ({"body": body, "date": date} if body else None)


# Figures written from the letter and requirements.md before the checker ran on them.
@pytest.mark.parametrize("text, rule, fact, expected", [
    ("## Workforce\n\nIn 2023/24 agency staff accounted for 4.7% of our total staff"
     " budget.", "question.agency-spend", "agency_spend_percent", 4.7),
    ("## Workforce\n\nAgency: 4.7% of the staff budget"
     " (2023/24).", "question.agency-spend", "agency_spend_percent", 4.7),
    ("## Workforce\n\nWe spent £1.2m on agency workers in 2023/24, against a total pay bill of"
     " £24m.", "question.agency-spend", "agency_spend_percent", 5.0),
    ("## Workforce\n\nThe proportion of the staff budget spent on agency staff fell from 4.2% in 2022/23"
     " to 3.1% in 2023/24.", "question.agency-spend", "agency_spend_percent", 3.1),
    ("## Workforce\n\nAgency costs were £2.5m in 2023/24. Our staff budget that year was"
     " £100m.", "question.agency-spend", "agency_spend_percent", 2.5),
    ("## Workforce\n\n| | 2022/23 | 2023/24 |\n|---|---|---|\n| Agency staff (% of staff budget) | 7.1%"
     " | 6.0% |", "question.agency-spend", "agency_spend_percent", 6.0),
    ("## Workforce\n\n| Measure | Value |\n|---|---|\n| Agency spend as a share of the staff budget,"
     " 2023/24 | 6.0% |", "question.agency-spend", "agency_spend_percent", 6.0),
    ("## Workforce\n\nWe did not use any agency staff in"
     " 2023/24.", "question.agency-spend", "agency_spend_percent", 0.0),
    ("## Workforce\n\nAround 4.5 per cent of the council's staff budget goes on agency workers, mainly"
     " in children's social care.", "question.agency-spend", "agency_spend_percent", 4.5),
    ("## Workforce\n\nAgency staff make up three per cent of our pay"
     " bill.", "question.agency-spend", "agency_spend_percent", 3.0),
    ("## Workforce\n\nSpending on agency staff was 8.2% of total staff costs in 2023/24, compared with a"
     " target of 6%.", "question.agency-spend", "agency_spend_percent", 8.2),
    ("## Workforce\n\nOf our £50m staff budget, £1m (2%) was spent on agency staff in"
     " 2023/24.", "question.agency-spend", "agency_spend_percent", 2.0),
    ("## Workforce\n\nAgency spend as a percentage of the total staff budget was 5.5% in 2023/24"
     " (2022/23: 6.3%).", "question.agency-spend", "agency_spend_percent", 5.5),
    ("## Workforce\n\nAgency workers cost us £4.0m last year, which is 4.0% of the £100m we spend on"
     " staff.", "question.agency-spend", "agency_spend_percent", 4.0),
    ("## Workforce\n\nThe percentage of our total staff budget spent on agency staff in 2023/24 was"
     " 7.4%.", "question.agency-spend", "agency_spend_percent", 7.4),
    ("## Workforce\n\nAgency and consultancy spend together was 6.1% of the staff budget in"
     " 2023/24.", "question.agency-spend", "agency_spend_percent", None),
    ("## Workforce\n\nAgency staff: £3.2m (2023/24); total staff budget:"
     " £80m.", "question.agency-spend", "agency_spend_percent", 4.0),
    ("## Workforce\n\nAgency workers made up 9% of our workforce in March"
     " 2024.", "question.agency-spend", "agency_spend_percent", None),
    ("## Workforce\n\nAgency spend was £3.4m in 2022/23 and £2.9m in 2023/24, out of staff budgets of"
     " £70m and £72m.", "question.agency-spend", "agency_spend_percent", 4.0),
    ("## Workforce\n\nSpend on agency staff: 4.8 per cent of staff"
     " costs.", "question.agency-spend", "agency_spend_percent", 4.8),
    ("## Workforce\n\nIn 2023/24, 5.2 per cent of our employee budget went on agency"
     " staff.", "question.agency-spend", "agency_spend_percent", 5.2),
    ("## Workforce\n\n| Category | £m | % of staff budget |\n|---|---|---|\n| Agency staff | 3.1 | 4.2%"
     " |\n| Consultants | 0.5 | 0.7% |", "question.agency-spend", "agency_spend_percent", 4.2),
    ("## Workforce\n\n| Category | £m | % of staff budget |\n|---|---|---|\n| Agency staff | 3.1 | 4.2%"
     " |\n| Consultants | 0.5 | 0.7% |", "question.consultant-spend", "consultant_spend_percent", 0.7),
    ("## Workforce\n\n| | 2023/24 |\n|---|---|\n| Agency staff | £3.0m |\n| Total staff budget | £60m"
     " |", "question.agency-spend", "agency_spend_percent", 5.0),
    ("## Workforce\n\nFacility time cost £24,000 in 2023/24, 0.1% of the pay"
     " bill.", "question.facility-time", "facility_time_percent", 0.1),
    ("## Workforce\n\nTrade union facility time: 0.05% of the paybill"
     " (2023/24).", "question.facility-time", "facility_time_percent", 0.05),
    ("## Workforce\n\nWe spent £48,000 on trade union facility time in 2023/24; our pay bill was"
     " £24m.", "question.facility-time", "facility_time_percent", 0.2),
    ("## Workforce\n\nNo staff have paid facility time; the council has no recognised trade union branch"
     " of its own.", "question.facility-time", "facility_time_percent", 0.0),
    ("## Workforce\n\nConsultancy spend represented 1.1% of the total staff budget in 2023/24, down from"
     " 1.6% the year before.", "question.consultant-spend", "consultant_spend_percent", 1.1),
    ("## Workforce\n\nThe council has not engaged any consultants since"
     " 2022.", "question.consultant-spend", "consultant_spend_percent", 0.0),
])
def test_figures_said_in_the_ways_councils_say_them(check_md, text, rule, fact, expected):
    assert check_md(text, rule).facts[fact] == expected


# Reporting arrangements written from the letter and requirements.md before the checker ran on them.
@pytest.mark.parametrize("text, expected", [
    ("## Monitoring\n\nProgress against this plan will be reported to Cabinet every six months.", "pass"),
    ("## Monitoring\n\nThe Corporate Management Team will monitor delivery of the plan monthly, and the"
     " Overview and Scrutiny Committee will receive an annual update.", "pass"),
    ("## Monitoring\n\nWe will report on the plan's measures to the Resources Committee quarterly, as"
     " part of our performance report.", "pass"),
    ("## Monitoring\n\nOur performance is reported to Cabinet every quarter.", "partial"),
    ("## Monitoring\n\nWe will keep the plan under review.", "partial"),
    ("## Monitoring\n\nWe have not yet decided how progress on the plan will be reported.", "fail"),
    ("## Monitoring\n\nA six-monthly progress report on this plan will go to the Audit and Governance"
     " Committee.", "pass"),
    ("## Monitoring\n\nThe Executive will receive an annual report on progress against the plan,"
     " starting in July 2025.", "pass"),
    ("## Monitoring\n\nThe actions in this plan are part of our Council Plan, which has its own"
     " performance framework.", "partial"),
    ("## Monitoring\n\nUpdates on the plan will be given to Scrutiny twice a year.", "pass"),
])
def test_reporting_arrangements_said_in_the_ways_councils_say_them(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(text, rule), rule) == expected



# Answers to the letter's questions written from the letter before the checker ran on them.
@pytest.mark.parametrize("text, rule, expected", [
    ("## How we work\n\nWe measure productivity through unit costs, such as the cost per "
     "household of waste collection and the cost per benefit claim processed, which we "
     "compare each year with our CIPFA nearest neighbours.",
     "question.measuring-productivity", "pass"),
    ("## How we work\n\nEach service has a small set of output measures, for example planning "
     "applications decided per officer, and we track them monthly against budget.",
     "question.measuring-productivity", "pass"),
    ("## How we work\n\nWe do not yet have a single measure of productivity, but we are "
     "developing one.",
     "question.measuring-productivity", "partial"),
    ("## How we work\n\nWe use LG Inform benchmarking to compare our spend per head and "
     "outcomes with similar councils every year.",
     "question.measuring-productivity", "pass"),
    ("## Looking ahead\n\nAdult social care has the greatest potential for further savings: "
     "we estimate £2.5m a year by 2026/27 from more reablement.",
     "question.savings-potential", "pass"),
    ("## Looking ahead\n\nWe think the biggest opportunity for savings is temporary "
     "accommodation, where buying our own homes could save around £1m a year.",
     "question.savings-potential", "pass"),
    ("## Looking ahead\n\nThe largest further saving is likely to come from our waste "
     "service, where new rounds should save £400,000 a year.",
     "question.savings-potential", "pass"),
    ("## Looking ahead\n\nWe expect further savings from adult social care.",
     "question.savings-potential", "partial"),
    # The letter asks for an estimate, and an estimate may be hedged; a denial is still none.
    ("## What we're doing next\n\nWe will bring the two councils' bin collections together into one set of "
     "rounds. We think this could save about £310,000 a year from 2026/27, more than any other single change.",
     "question.savings-potential", "pass"),
    ("## What we're doing next\n\nWe will bring the two councils' bin collections together into one set of "
     "rounds. We do not think this could save more than any other single change.",
     "question.savings-potential", "partial"),
    ("## Housing\n\nIn 2023/24 we stopped 402 households from becoming homeless, which we reckon saved about "
     "£1.2 million in temporary accommodation costs.", "question.prevention", "pass"),
    # A service set up with a named public service is work alongside it.
    ("## What we have done\n\nSince 2022 we have:\n\n- opened the Ashwick Community Hub with Fenshire Police and "
     "Citizens Advice, so that residents in crisis can see the right organisation in one visit.",
     "content.partners", "pass"),
    # Telephone calls are no call for anything.
    ("## What gets in our way\n\nOur Customer Contact Centre now handles calls for every service, and answers "
     "calls for the county council too.", "question.government-asks", "fail"),
    ("## What gets in our way\n\nWe call for a three-year funding settlement for councils.",
     "question.government-asks", "pass"),
    # A need owned is not yet work on it.
    ("## Using data well\n\nWe recognise that there is more to do to improve the quality and consistency of the "
     "data we hold in our Revenues and Benefits service. Over time we will look to make more of our data available "
     "to residents.", "question.data-quality", "partial"),
    ("## Using data well\n\nWe are improving the quality of the data we hold: since 2023 we have cleaned up "
     "40,000 address records in our Revenues and Benefits service.", "question.data-quality", "pass"),
    # Councils buying together are a local reform.
    ("## Working beyond our borders\n\nWith five neighbouring boroughs we now commission children's placements "
     "through a shared north London framework, which has held weekly fees below inflation for two years.",
     "question.local-reforms", "pass"),
    # A plan that says it has no measures yet, then promises to agree them, names none.
    ("## How we will know\n\nWe do not yet have a set of productivity indicators for this plan. We would rather "
     "take the time to agree measures that mean something than publish a list we later abandon.",
     "metrics.kpis", "fail"),
    # So does one that has not yet made the set, and leaves it to a proposal.
    ("## How we will know\n\nWe have not yet agreed a set of key performance indicators for this plan. Officers "
     "will propose a small set of productivity measures to the Overview and Scrutiny Committee in October 2024.",
     "metrics.kpis", "fail"),
    ("## About this page\n\nThe Government asked every council to write a plan. This page is that plan. We've "
     "published it here so that residents can read exactly what we sent.", "governance.publication", "pass"),
    ("## Barriers\n\nWe propose a pilot in which the council pools health and care budgets "
     "with the ICB, under a single local plan.",
     "question.local-reforms", "pass"),
    ("## Workforce\n\nEvery agency placement over 12 weeks needs director approval, and we "
     "are converting long-term agency social workers to permanent posts.",
     "question.agency-consultant-value", "pass"),
    ("## Workforce\n\nAt 31 March 2024, 14 agency workers had been with us for more than a "
     "year.",
     "question.agency-consultant-value", "pass"),
])
def test_answers_to_the_letters_questions_said_in_the_ways_councils_say_them(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


# Answers on data and technology written from the letter before the checker ran on them.
@pytest.mark.parametrize("text, rule, expected", [
    ("## Data\n\nWe have cleansed our address data against the national gazetteer, and 98% of "
     "records now match.",
     "question.data-quality", "pass"),
    ("## Data\n\nA data quality team checks duplicate and incomplete records in the housing "
     "system every month.",
     "question.data-quality", "pass"),
    ("## Data\n\nWe publish our spending, contracts and performance data as open data on our "
     "website every quarter.",
     "question.data-quality", "pass"),
    ("## Data\n\nWe share safeguarding data with the police every day through the MASH, which "
     "helps us act sooner.",
     "question.data-sharing", "pass"),
    ("## Data\n\nHospital discharge data comes to us from the NHS trust each morning, which "
     "has cut delays.",
     "question.data-sharing", "pass"),
    ("## Data\n\nWe are keen to share more data with partners in future.",
     "question.data-sharing", "partial"),
    ("## Data\n\nOur revenues and benefits system dates from 2006 and its supplier will stop "
     "supporting it in 2026.",
     "question.legacy-systems", "pass"),
    ("## Data\n\nThe housing system is 18 years old and cannot link to our online forms, so "
     "staff re-key 3,000 changes a year.",
     "question.legacy-systems", "pass"),
    ("## Data\n\nSome of our systems are old.",
     "question.legacy-systems", "partial"),
    ("## Data\n\nSince March 2024 a chatbot on our website has answered 12,000 questions "
     "about council tax.",
     "question.new-technology", "pass"),
    ("## Data\n\nForty social workers are trialling an AI tool that writes up case notes "
     "after home visits.",
     "question.new-technology", "pass"),
    ("## Data\n\nWe will explore how AI could help us in future.",
     "question.new-technology", "partial"),
    ("## Data\n\nWe use predictive analytics to identify tenants at risk of falling into rent "
     "arrears.",
     "question.new-technology", "pass"),
])
def test_answers_on_data_and_technology_said_in_the_ways_councils_say_them(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


def test_a_sentence_with_below_in_it_is_no_caption_of_the_table_after_it(check_md):
    text = ("## Workforce\n\nWe aim to bring agency use below 5 per cent.\n\n| Year | Calls answered | Online |\n"
            "|---|---|---|\n| 2022/23 | 81% | 52% |\n| 2023/24 | 88% | 61% |")
    report = check_md(text, "question.agency-spend")
    assert report.facts["agency_spend_percent"] is None
    # It is no caption either for what the sentence discusses: agency use, with an aim and no figure of today.
    assert status(report, "question.agency-spend") == "partial"


# Negation in governance and measures, written from the letter before the checker ran on them.
@pytest.mark.parametrize("text, rule, expected", [
    ("## Next steps\n\nThe plan will not be published until the new Government has confirmed "
     "that plans are still required.",
     "governance.publication", "fail"),
    ("## Next steps\n\nWe have not yet decided whether to publish the plan.",
     "governance.publication", "fail"),
    ("## Next steps\n\nMembers have not yet approved the plan; it will go to Cabinet on 16 "
     "July 2024 for approval before submission.",
     "governance.member-endorsement", "pass"),
    ("## Next steps\n\nThe plan was not considered by Cabinet before submission.",
     "governance.member-endorsement", "fail"),
    ("## Next steps\n\nCabinet has not formally approved the plan, but it was discussed at a "
     "members' briefing on 2 July 2024.",
     "governance.member-endorsement", "partial"),
    ("## Measures\n\nWe have not yet agreed KPIs for this plan.",
     "metrics.kpis", "fail"),
    ("## Measures\n\n| Measure | 2023/24 | Target 2025/26 |\n|---|---|---|\n| Days to process a "
     "new benefit claim | 19 | 15 |\n| Calls answered within 3 minutes | 71% | 85% |",
     "metrics.kpis", "pass"),
    ("## Measures\n\nWe do not plan to report on this plan separately.",
     "governance.progress-reporting", "fail"),
    ("## Next steps\n\nThe plan will be published on the council's website once the Leader "
     "has approved it.",
     "governance.publication", "pass"),
])
def test_negation_in_governance_said_in_the_ways_councils_say_it(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # "The agency spend" is agency staff; "the Agency" referred back to is a named agency.
    ("## Workforce\n\nThe agency spend in 2023/24 was 4.1% of the staff budget.", 4.1),
    ("## Workforce\n\nThe agency bill was 4.1% of the staff budget in 2023/24.", 4.1),
    ("## Partners\n\nWe work with the Environment Agency on flood risk. The Agency's charges rose by 4.1% of our "
     "budget in 2023/24.", None),
])
def test_the_agency_spend_is_agency_staff_and_the_agency_referred_back_to_is_not(check_md, text, expected):
    assert check_md(text, "question.agency-spend").facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, rule, expected", [
    # The question turned into a statement, with nothing added that answers it, touches the question only.
    ("## How we work\n\nWe measure productivity in our organisation in a number of ways.",
     "question.measuring-productivity", "partial"),
    # (In a grid of questions and answers, the answer is read under its question, and one that is the
    # letter's own words turned round is the letter's, as a paragraph would be: nothing of the council's.)
    ("## Our staff\n\n| Question | Response |\n|---|---|\n| How EDI activity is logged and reported | We log and "
     "report the time and money spent on EDI-related activity. |", "question.edi", "fail"),
    ("## Our staff\n\nWe log and report the time and money spent on EDI-related activity.", "question.edi", "fail"),
    ("## How we work\n\nWe have made changes to improve services, and these have had positive effects.",
     "question.service-improvements", "partial"),
    # What is added is the answer: a way of measuring, a named system, a figure, a nil.
    ("## How we work\n\nWe measure productivity through unit costs.", "question.measuring-productivity", "pass"),
    ("## Our staff\n\n| Question | Response |\n|---|---|\n| How EDI activity is logged and reported | We log and "
     "report the time and money spent on EDI-related activity in Oracle HR. |", "question.edi", "pass"),
    ("## Our staff\n\nWe have no EDI champions.", "question.edi", "pass"),
    # A name of the council's own is no copy of the letter's words, however few its words.
    ("## Our staff\n\nWe log and report the time and money spent on EDI-related activity in Oracle HR.",
     "question.edi", "pass"),
    # The question turned round may lead into its answer.
    ("## Waste\n\nInvest to save has worked well. Our £4.9m programme to convert 48,000 streetlights to LED, "
     "completed in 2023, saves £1.3m a year.", "question.invest-to-save", "pass"),
    ("## Looking ahead\n\nWaste collection has the most scope. This is the service where we see the greatest "
     "potential for further savings.", "question.savings-potential", "partial"),
])
def test_a_question_turned_into_a_statement_is_no_answer(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, expected", [
    # Content promised later is a placeholder, in a sentence, after a label, or alone in a cell.
    ("## 1. Transformation\n\nOur current plans for transformation over the next two years, and how we will "
     "measure the effects of those changes, are to follow.", "question.transformation-plans", "fail"),
    ("## 1. Services\n\nCapital spending: to follow from the Capital Programme Manager.",
     "question.capital-spending", "fail"),
    ("## Workforce\n\n| Measure | 2023/24 |\n|---|---|\n| Proportion of paybill spent on trade union facility "
     "time | to follow |", "question.facility-time", "fail"),
    ("## Workforce\n\n| Measure | 2023/24 |\n|---|---|\n| Number of EDI Champions | [ ] |", "question.edi", "fail"),
    # Following a model is no promise.
    ("## 1. Transformation\n\nOver the next two years we will move planning and building control to online "
     "applications and close the Riverside office, a model for other services to follow.",
     "question.transformation-plans", "pass"),
])
def test_content_to_follow_and_an_empty_cell_are_placeholders(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, fact, expected", [
    # Pence in a hundred pounds are a hundredth of pence in the pound.
    ("Facility time cost £4,810 in 2023/24, or about 5p in every £100 of pay.", "question.facility-time",
     "facility_time_percent", 0.05),
    ("Agency workers took 27p in every £10 of our pay bill in 2023/24.", "question.agency-spend",
     "agency_spend_percent", 2.7),
    # Of several rows of the subject, the one that says it holds the others is the subject's figure.
    ("| Share of total staff budget | 2022/23 | 2023/24 |\n|---|---|---|\n"
     "| Agency workers in front-line roles | 4.8% | 4.1% |\n| Interim managers | 2.3% | 1.6% |\n"
     "| Total agency spend (including interims) | 7.1% | 5.7% |\n| Consultants | 1.0% | 0.6% |",
     "question.agency-spend", "agency_spend_percent", 5.7),
    ("| Share of total staff budget | 2022/23 | 2023/24 |\n|---|---|---|\n| Agency staff | 3.9% | 3.8% |\n"
     "| Interim managers | 0.9% | 0.5% |\n| Other consultants | 0.8% | 0.7% |\n"
     "| Consultants, including interim managers | 1.7% | 1.2% |", "question.consultant-spend",
     "consultant_spend_percent", 1.2),
    # A single row of the subject is its figure, whatever the others say.
    ("| Share of total staff budget | 2023/24 |\n|---|---|\n| Agency staff | 3.8% |\n| Total | 4.9% |",
     "question.agency-spend", "agency_spend_percent", 3.8),
])
def test_a_total_row_and_pence_in_a_hundred_pounds(check_md, text, rule, fact, expected):
    assert check_md(text, rule).facts[fact] == expected


@pytest.mark.parametrize("text, expected", [
    # One team serving several councils is a shared service, whatever it is called.
    ("## Working together\n\nWe joined the Moorland Partnership for Environmental Health with two neighbouring "
     "districts in 2022. The partnership runs food safety inspections, pest control and licensing across the "
     "three districts from one team, and the cost to us fell by £75,000 a year.", "pass"),
    # One team of the council's own shares nothing.
    ("## Working together\n\nWe brought licensing and environmental health into one team in 2022, saving "
     "£75,000 a year.", "fail"),
])
def test_one_team_serving_several_councils_is_a_shared_service(check_md, text, expected):
    rule = "question.shared-services"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, expected", [
    # The plan asks the question itself and leaves the answer to a note: its place for the answer is blank,
    # whatever else it touches on.
    ("## Barriers\n\nLike all councils, we face pressures on funding across our services.\n\nAre these barriers "
     "the same across our services? [Policy Officer: check with heads of service and add a line here]",
     "question.barriers-consistency", "fail"),
    ("## Technology\n\nAre there particular barriers from legacy systems? TBC", "question.legacy-systems", "fail"),
    # Another question's blank is not this one's.
    ("## What would help us\n\nAre there particular barriers from legacy systems? TBC\n\nThe barriers fall hardest "
     "on planning and housing: national planning fees cover only two thirds of our costs, and temporary "
     "accommodation subsidy is frozen at 2011 rates.", "question.barriers-services", "pass"),
    # A question inside a note is the note's.
    ("## Our staff\n\nWe have 14 EDI champions.\n\nComment [AK4]: Do we want to say how many EDI champions we "
     "have? Yes, keep.", "question.edi", "pass"),
    ("## How we have changed\n\nIn 2022 we restructured our environment services, bringing street cleansing, "
     "grounds maintenance and parks into one Neighbourhood Services team with a single depot.\n\n> Comment "
     "(Finance): Can we add the £ saving from the Neighbourhood Services restructure? I think it was about £400k.",
     "question.organisational-change", "pass"),
])
def test_a_question_the_plan_asks_itself_and_leaves_to_a_note_is_unanswered(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # "The work", "the scheme": a general word for what the sentence before did.
    ("## Spending well\n\nIn 2022 we spent £240,000 replacing the lighting and heating controls at our offices. "
     "The work is saving around £41,000 a year.", "pass"),
    ("## Spending well\n\nIn 2022 we spent £240,000 replacing the lighting and heating controls at our offices. "
     "Waste collection is saving around £41,000 a year after the new rounds.", "fail"),
])
def test_a_sentence_naming_the_work_before_it_is_read_with_it(check_md, text, expected):
    rule = "question.invest-to-save"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, fact, expected", [
    # What stands before a row's label numbers the row; its values follow the label.
    ("Appendix 2\n\n  15  | Consultants, % of total staff budget          | 2023/24: 1.9%\n"
     "  21  | Trade union facility time, % of paybill       | 0.12 per cent (2023/24)\n",
     "question.consultant-spend", "consultant_spend_percent", 1.9),
    ("Appendix 2\n\n  15  | Consultants, % of total staff budget          | 2023/24: 1.9%\n"
     "  21  | Trade union facility time, % of paybill       | 0.12 per cent (2023/24)\n",
     "question.facility-time", "facility_time_percent", 0.12),
])
def test_a_rows_number_before_its_label_is_no_value(check_md, text, rule, fact, expected):
    assert check_md(text, rule, name="plan.txt").facts[fact] == expected


@pytest.mark.parametrize("text, rule, fact, expected", [
    # A table of amounts whose first row is the whole: no header over it.
    ("## Workforce\n\n| | |\n|---|---|\n| Total staff budget | £224.0m |\n| Agency staff | £11.2m |\n"
     "| Consultants | £1.9m |", "question.consultant-spend", "consultant_spend_percent", 0.8),
    # The whole named again without its amount, the amount said in the paragraph before.
    ("24. The shared staff budget for 2023/24 was £22.8m. Of this, agency workers cost £1.14m, mainly in "
     "planning.\n\n25. Consultants cost a further £0.31m against the same staff budget in 2023/24.",
     "question.consultant-spend", "consultant_spend_percent", 1.4),
])
def test_a_whole_given_first_in_a_table_or_named_again_without_its_amount(check_md, text, rule, fact, expected):
    assert check_md(text, rule).facts[fact] == expected


@pytest.mark.parametrize("text, expected", [
    # The council's own management may receive the reports: who and how often, for this plan's measures.
    ("## Measures\n\nThe Executive Leadership Team will review progress against these measures every quarter.",
     "pass"),
    ("## Measures\n\nA mid-year update against the measures in the appendix will go to the Resources Committee in "
     "November 2024, with an outturn report in June 2025.", "pass"),
    # Without how often, it is only an arrangement in part.
    ("## Measures\n\nThe Executive Leadership Team will review progress on this plan.", "partial"),
])
def test_progress_reported_to_officers_or_at_the_half_year(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # The lines over a draft's title say where the document stands: shared with members, not endorsed.
    ("DRAFT v0.4 - NOT FOR CIRCULATION\nPrepared by the Policy Team for the Leader.\nShared with Cabinet members "
     "for comment on 28 June 2024.\n\n"
     "# Cindersby City Council productivity plan\n\nWe will seek approval before submission.", "partial"),
    # Below the title, a line without its subject says nothing of the plan.
    ("# Cindersby City Council productivity plan\n\nOur approach to housing was shared with Cabinet members in "
     "2023 and has worked well.", "fail"),
])
def test_the_lines_over_a_drafts_title_are_about_the_document(check_md, text, expected):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # A question in brackets after a blank is the drafter's, wondering what to put there.
    ("## Our answers\n\n**Q2. How do we measure productivity?**\n\nTBC – Performance team. (Possibly we measure "
     "productivity through the Oflog explorer, our unit costs against the CIPFA nearest neighbours and the LG "
     "Inform benchmarks each quarter?)", "fail"),
    # After an answer, a question in brackets is the council's aside.
    ("## Our answers\n\n**Q2. How do we measure productivity?**\n\nWe compare our unit costs with our CIPFA nearest "
     "neighbours every year and report them to Cabinet. (Why not every quarter? Because the data comes yearly.)",
     "pass"),
])
def test_a_bracketed_question_after_a_blank_is_the_drafters(check_md, text, expected):
    rule = "question.measuring-productivity"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # Any words for putting the plan on the council's website.
    ("## Publication\n\nOur website will carry the plan once it has been submitted.", "pass"),
    ("## Publication\n\nYou can find this plan on our website.", "pass"),
    ("## Publication\n\nThe plan will be added to the council's website after Cabinet.", "pass"),
    ("## Publication\n\nThe plan will be published on the council's home page.", "pass"),
    # Something else added to the website is not the plan.
    ("## Publication\n\nOur new planning portal has been added to the council's website.", "fail"),
])
def test_the_plan_put_on_the_website_in_other_words(check_md, text, expected):
    assert status(check_md(text, PUBLICATION), PUBLICATION) == expected


@pytest.mark.parametrize("text, expected", [
    # The council deciding as a body is its members in full council.
    ("## Governance\n\nThe plan was formally adopted by the Council on 17 July 2024.", "pass"),
    # Whoever of the council is named decides: an officer's approval is none.
    ("## Governance\n\nThe plan was approved by the Council's Chief Executive on 17 July 2024.", "fail"),
])
def test_the_plan_adopted_by_the_council(check_md, text, expected):
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # Where an aimed change starts is today's figure.
    ("We aim to reduce agency spend from 4.2% of the staff budget in 2023/24 to 3% by 2026.", 4.2),
    # Where a change that happened started is not.
    ("Agency spend fell from 5.1% of the staff budget in 2022/23 to 4.2% in 2023/24.", 4.2),
    # And the aim itself is no figure of today.
    ("We aim to bring agency spend down to 3% of the staff budget by 2026.", None),
])
def test_where_an_aimed_change_starts_is_todays_figure(check_md, text, expected):
    rule = "question.agency-spend"
    assert check_md("## Workforce\n\n" + text, rule).facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, expected", [
    # A round share and the same share exactly, in brackets or between dashes: the exact one is the figure.
    ("Around four per cent of our staff budget (4.2% in 2023/24) goes on agency staff.", 4.2),
    ("Around 4% of our staff budget (4.2% in 2023/24) goes on agency staff.", 4.2),
    ("Just over 4% of the staff budget – 4.2% in 2023/24 – was spent on agency staff.", 4.2),
    # Another figure in the brackets is no restatement: last year's, or another subject's.
    ("Agency staff took 4.2% of the staff budget in 2023/24 (5.1% the year before).", 4.2),
    ("Agency staff cost 4% of the staff budget (consultants 1%).", 4.0),
    # A year that labels its figure stands before each figure.
    ("Agency spend as a percentage of the pay budget: 2022/23 5.0%, 2023/24 4.2%.", 4.2),
    ("Agency spend as a percentage of the pay budget: 2022/23 5.0%; 2023/24 4.2%.", 4.2),
    # A year after its figure stays after it.
    ("Agency staff were 4.2% of the staff budget in 2023/24, compared with 5.0% in 2022/23.", 4.2),
])
def test_a_round_share_restated_exactly_and_years_as_labels(check_md, text, expected):
    rule = "question.agency-spend"
    assert check_md("## Workforce\n\n" + text, rule).facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, expected", [
    ("The plan was approved by Cabinet – on 9 July 2024 – for submission.", {"body": "Cabinet", "date": "9 July 2024"}),
])
def test_two_dashes_round_a_few_words_are_an_aside(check_md, text, expected):
    assert check_md("## Governance\n\n" + text, ENDORSEMENT).facts["endorsement"] == expected


@pytest.mark.parametrize("text, expected", [
    # Where a sentence tells of two decisions, the body and date are one decision's, never one of each.
    ("Cabinet approved the plan on 9 July 2024; Full Council then endorsed it on 18 July 2024.",
     {"body": "Full Council", "date": "18 July 2024"}),
    ("Cabinet endorsed the plan on 9 July 2024 and recommended it to Full Council, which approved it on "
     "18 July 2024.", {"body": "Full Council", "date": "18 July 2024"}),
    ("The plan was agreed by Full Council on 18 July 2024, having been endorsed by Cabinet on 9 July 2024.",
     {"body": "Full Council", "date": "18 July 2024"}),
    ("This plan was approved by the Policy and Resources Committee on 4 July 2024 and endorsed by Full Council "
     "on 16 July 2024.", {"body": "Full Council", "date": "16 July 2024"}),
    # A body and date already one decision stay as they are.
    ("Full Council endorsed the plan on 16 July 2024 following its approval by Cabinet on 9 July 2024.",
     {"body": "Full Council", "date": "16 July 2024"}),
])
def test_the_body_and_date_of_one_decision(check_md, text, expected):
    assert check_md("## Governance\n\n" + text, ENDORSEMENT).facts["endorsement"] == expected


@pytest.mark.parametrize("text, expected", [
    # The plan called by what it is when done.
    ("The full plan will be published on the council's website after Cabinet meets on 16 July.", "pass"),
    ("The complete plan will be available on our website from 26 July.", "pass"),
    # A promise on a condition is no promise.
    ("We will publish this plan on our website if the Government decides to publish the plans of all councils.",
     "fail"),
    # An "if" that asks, not conditions, leaves the promise standing.
    ("The plan will be published on our website so that residents can see if we are on track.", "pass"),
])
def test_the_full_plan_and_a_promise_on_a_condition(check_md, text, expected):
    assert status(check_md("## Publication\n\n" + text, PUBLICATION), PUBLICATION) == expected


def test_an_answer_on_a_condition_still_answers(check_md):
    rule = "question.new-technology"
    text = ("## Technology\n\nWe will extend the AI assistant that drafts replies to housing enquiries to "
            "council tax and benefits if the pilot in housing meets its targets.")
    assert status(check_md(text, rule), rule) == "pass"


@pytest.mark.parametrize("text, expected", [
    # A column headed with a deadline holds aims: "Now | By March 2026".
    ("| What we will check | Now | By March 2026 |\n|---|---|---|\n| Agency share of the staff budget | 6.3% | 4.5% |",
     6.3),
    ("| Measure | 2023/24 | By the end of 2026 |\n|---|---|---|\n| Agency staff, % of staff budget | 6.3% | 4.5% |",
     6.3),
])
def test_a_column_headed_with_a_deadline_holds_aims(check_md, text, expected):
    rule = "question.agency-spend"
    assert check_md("## Measures\n\n" + text, rule).facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, expected", [
    # A sign-off table with no header, each row a stage taken, who and when.
    ("| Agreed for submission | Cllr Ruth Ambler, Leader of the Council | 12 July 2024 |\n|---|---|---|\n"
     "| Agreed for submission | Mark Tennant, Chief Executive | 12 July 2024 |\n"
     "| Cabinet consulted | Informal Cabinet | 2 July 2024 |", "pass"),
    # An action still to take is no stage taken.
    ("| Approve the digital strategy | Cabinet | March 2025 |\n|---|---|---|\n"
     "| Review the savings plan | Cabinet | July 2025 |", "fail"),
])
def test_a_sign_off_table_with_no_header(check_md, text, expected):
    assert status(check_md("## Sign-off\n\n" + text, ENDORSEMENT), ENDORSEMENT) == expected


VERSION_HISTORY = ("## Version history\n\n| Version | Date | Considered by | Outcome |\n|---|---|---|---|\n"
                   "| 0.2 | 24 June 2024 | Overview and Scrutiny Committee | Noted; comments made on the measures |\n")


@pytest.mark.parametrize("text, expected, fact", [
    # A version history's rows are each a step taken on the document.
    (VERSION_HISTORY + "| 1.0 | 16 July 2024 | Cabinet | Approved for submission and publication |", "pass",
     {"body": "Cabinet", "date": "16 July 2024"}),
    (VERSION_HISTORY + "| 1.0 | 16 July 2024 | Cabinet | For decision |", "partial", None),
    # A dash alone is a cell left empty: a draft for Cabinet, approved by no one, is members seeing it.
    ("## Version history\n\n| Version | Date | Status | Approved by |\n|---|---|---|---|\n"
     "| 0.5 | 2 July 2024 | Draft for Cabinet | — |\n| 1.0 | 12 July 2024 | Final | Corporate Leadership Team |",
     "partial", None),
])
def test_a_version_history_says_who_saw_each_version(check_md, text, expected, fact):
    report = check_md(text, ENDORSEMENT)
    assert (status(report, ENDORSEMENT), report.facts["endorsement"]) == (expected, fact)


@pytest.mark.parametrize("text, expected", [
    # A decision still to come names the meeting that will take it: members at large are none.
    ("Members will be asked to agree the plan.", "partial"),
    ("Councillors will be asked to endorse the plan before it is submitted.", "partial"),
    ("Members will be asked to agree the plan at the Full Council meeting on 17 July 2024.", "pass"),
    ("The plan will go to Cabinet members for approval on 16 July 2024.", "pass"),
    ("Elected members will approve this plan at Council on 18 July 2024.", "pass"),
    # A decision taken by members is theirs, meeting named or not.
    ("Members approved the plan on 9 July 2024.", "pass"),
])
def test_a_decision_still_to_come_names_its_meeting(check_md, text, expected):
    assert status(check_md("## Governance\n\n" + text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # What a part of this document sets out is the plan's.
    ("Delivery of the nine actions in section 3 will be reported to the Audit and Standards Committee every six "
     "months, starting in January 2025.", "pass"),
    ("Progress on the measures at Appendix B will be reported to Cabinet each quarter.", "pass"),
    # A section of an Act is no part of the plan.
    ("Delivery of the nine actions under section 106 agreements will be reported to the Planning Committee "
     "every six months.", "not pass"),
])
def test_a_part_of_this_document_is_of_the_plan(check_md, text, expected):
    assert judged_as(check_md, "## Keeping track\n\n" + text, "governance.progress-reporting", expected)


@pytest.mark.parametrize("text, expected, fact", [
    # A clause left out (it names another document) still gives the "it" of the clause after it its subject.
    ("It has not been taken to full Council: under our committee system, the Policy and Resources Committee has "
     "delegated authority for corporate policy, and it approved this plan at its meeting on 10 July 2024.",
     "pass", {"body": "Policy and Resources Committee", "date": "10 July 2024"}),
    # An officer's decision stays an officer's.
    ("The Chief Executive has delegated authority for corporate policy, and it approved this plan on 10 July "
     "2024.", "fail", None),
])
def test_the_it_of_a_clause_kept_is_the_subject_of_the_clause_left_out(check_md, text, expected, fact):
    report = check_md("## Oversight\n\n" + text, ENDORSEMENT)
    assert (status(report, ENDORSEMENT), report.facts["endorsement"]) == (expected, fact)


APPROVAL_ITEMS = ("1. The plan was considered by the Corporate Scrutiny Panel on 4 July 2024, whose comments on the "
                  "barriers section have been reflected.\n2. It will be put to Full Council on 17 July 2024 for "
                  "approval before it is submitted to the Department on 19 July.\n3. Once approved, it will be "
                  "published on the council's website with the Council report.")


@pytest.mark.parametrize("lead", ["", "The route to approval is as follows:\n\n"])
def test_a_list_item_opening_with_it_carries_the_subject_of_the_item_before(check_md, lead):
    report = check_md("## Approval and publication\n\n" + lead + APPROVAL_ITEMS, ENDORSEMENT, PUBLICATION)
    assert (status(report, ENDORSEMENT), status(report, PUBLICATION), report.facts["endorsement"]) == \
        ("pass", "pass", {"body": "Full Council", "date": "17 July 2024"})


ROUTE = ("## Sign-off route\n\n| Stage | Date | Status |\n|---|---|---|\n"
         "| Corporate Management Team | 11 June 2024 | Complete |\n")


@pytest.mark.parametrize("rows, expected, fact", [
    # Each step of a route is a statement of its own: a briefing done says members saw the plan, whatever
    # the blank date of the approval still to come.
    ("| Briefing for Portfolio Holder for Resources (Cllr Maureen Ilsley) | 18 June 2024 | Complete |\n"
     "| Cabinet approval | [date TBC] | Pending |\n| Submission to DLUHC | by 19 July 2024 | Pending |",
     "partial", None),
    # A meeting named to approve the plan is endorsement, as in a sentence.
    ("| Cabinet approval | 16 July 2024 | Pending |\n| Submission to DLUHC | by 19 July 2024 | Pending |",
     "pass", {"body": "Cabinet", "date": "16 July 2024"}),
    # Officers alone, the approval still undated: nothing of members.
    ("| Cabinet approval | [date TBC] | Pending |", "fail", None),
    # A blank date in any words is a blank.
    ("| Cabinet approval | [date to be fixed] | Pending |", "fail", None),
])
def test_a_route_with_a_status_column_is_read_step_by_step(check_md, rows, expected, fact):
    report = check_md(ROUTE + rows, ENDORSEMENT)
    assert (status(report, ENDORSEMENT), report.facts["endorsement"]) == (expected, fact)


VERSIONS = "## Version history\n\n| Version | Date | Author | Notes |\n|---|---|---|---|\n"


@pytest.mark.parametrize("rows, rule, expected", [
    # A version history's notes say who saw each version.
    ("| 0.1 | 24 May 2024 | Policy and Performance | Skeleton built on the four themes |\n"
     "| 0.2 | 19 June 2024 | Policy and Performance | Shared with Cabinet members at informal Cabinet briefing |",
     ENDORSEMENT, "partial"),
    ("| 0.1 | 24 May 2024 | Policy and Performance | Skeleton built on the four themes |\n"
     "| 0.2 | 19 June 2024 | Policy and Performance | Comments from the Corporate Leadership Team added |",
     ENDORSEMENT, "fail"),
    # What it records is a step in the drafting: "KPI table added" is no measure with its figures.
    ("| 0.3 | 17 June 2024 | Finance | Workforce section structure |\n"
     "| 0.4 | 21 June 2024 | Policy Team | KPI table added |", "metrics.kpis", "fail"),
])
def test_a_version_history_with_notes_records_steps_on_the_document(check_md, rows, rule, expected):
    assert status(check_md(VERSIONS + rows, rule), rule) == expected


@pytest.mark.parametrize("text, fact", [
    # A decision taken "on that basis" is the one delegated in the sentence before.
    ("Cabinet considered a draft of this plan on 2 July 2024 and delegated approval of the final version to the "
     "Chief Executive in consultation with the Leader of the Council. The plan was approved on that basis on "
     "12 July 2024.", {"body": "Leader of the Council", "date": "12 July 2024"}),
    # A decision still to take under the delegation is dated at its own meeting, whatever else the sentence
    # reports ("and submitted to the Department") besides.
    ("Cabinet on 19 June 2024 delegated approval of the plan to the Chief Executive in consultation with the "
     "Leader of the Council. The plan will be approved under that delegation on 15 July 2024 and submitted to "
     "the Department on 16 July.", {"body": "Leader of the Council", "date": "15 July 2024"}),
    # A step's label may leave out its "by", in a run of the page's control lines.
    ("**About this page**\n\nOwner: Corporate Policy Team\nApproved: Policy and Resources Committee, 9 July 2024\n"
     "Published: 19 July 2024", {"body": "Policy and Resources Committee", "date": "9 July 2024"}),
])
def test_a_decision_on_that_basis_and_a_label_without_its_by(check_md, text, fact):
    assert check_md("## Governance\n\n" + text, ENDORSEMENT).facts["endorsement"] == fact


@pytest.mark.parametrize("text, expected", [
    # The whole said in another paragraph, where the sentences before name it only in another's share.
    ("## About us\n\nOur total staff budget in 2023/24 was £14.6m, including the harbour.\n\n## Workforce\n\n"
     "In 2023/24 agency staff accounted for 5.6% of our staff budget. We spent £140,000 on consultants in the "
     "same year, most of it on a coastal defence study.", 1.0),
    # An amount in another clause than the whole's name is not the whole.
    ("## About us\n\nBack-office teams such as payroll, accounts payable and democratic services were merged in "
     "the first year, which released £6.4m a year.\n\n## Workforce\n\nAgency staff cost 8.2 per cent of the "
     "total pay bill in 2023/24. We spent £410,000 on consultants in 2023/24.", None),
])
def test_a_whole_said_far_off_is_the_clause_that_gives_its_amount(check_md, text, expected):
    rule = "question.consultant-spend"
    assert check_md(text, rule).facts["consultant_spend_percent"] == expected


@pytest.mark.parametrize("text, expected", [
    # The year before's amount stands nearer the whole's name than the whole's own amount does.
    ("Agency staff cost us £6.3m in 2023/24, down from £7.9m in 2022/23.[^1] Most of it was in children's "
     "social work.\n\n[^1]: The total staff budget for 2023/24 was £84.0m.", 7.5),
    ("Agency staff cost us £6.3m in 2023/24, down from £7.9m in 2022/23. The total staff budget for 2023/24 "
     "was £84.0m.", 7.5),
])
def test_the_whole_is_the_amount_in_the_clause_that_names_it(check_md, text, expected):
    assert check_md("## Workforce\n\n" + text, "question.agency-spend").facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("text, expected", [
    # A size word said of something else does not discuss the figure.
    ("We have good relations with our trade unions and consult them on all significant changes.", "fail"),
    # Said of the amount, it does: a vague size is partial.
    ("Trade union facility time is small.", "partial"),
    ("Facility time takes a significant share of the time of two officers.", "partial"),
])
def test_a_size_discusses_a_figure_only_when_said_of_an_amount(check_md, text, expected):
    assert status(check_md("## Workforce\n\n" + text, "question.facility-time"), "question.facility-time") == expected


def test_an_amount_in_another_subjects_clause_is_that_subjects(check_md):
    text = ("Question 3.4: What percentage of total staff budget is spent on a) agency and b) consultants?\n\n"
            "Answer: a) Agency staff cost £148,000 in 2023/24, against a total pay bill of £7.4m. b) We do not use "
            "consultants.")
    report = check_md(text, "question.agency-spend", "question.consultant-spend")
    assert (report.facts["agency_spend_percent"], report.facts["consultant_spend_percent"]) == (2.0, 0)


@pytest.mark.parametrize("text, expected", [
    # A budget gap still to close is savings needed, not savings to be had.
    ("Our medium-term financial plan shows a gap of £41m over the next three years that we will need to close "
     "through further savings and income.", "fail"),
    # Further savings a service could give, with an estimate, are.
    ("Adult social care offers further savings of around £2m a year through more reablement.", "pass"),
])
def test_a_budget_gap_is_no_savings_potential(check_md, text, expected):
    rule = "question.savings-potential"
    assert status(check_md("## Services\n\n" + text, rule), rule) == expected


@pytest.mark.parametrize("text, expected", [
    # A track record measures nothing.
    ("Productivity is about more than cutting costs. We believe that the council has a strong track record of "
     "productivity.", "partial"),
    ("We track productivity through unit costs, compared each year with our nearest neighbours.", "pass"),
])
def test_a_track_record_measures_nothing(check_md, text, expected):
    rule = "question.measuring-productivity"
    assert status(check_md("## Services\n\n" + text, rule), rule) == expected


@pytest.mark.parametrize("text", [
    # A yes-or-no question is answered by its statement.
    "The barriers are broadly consistent across our services.",
    "Each of our services faces these barriers in some form.",
    # Uneven, in other words.
    "Not every service is affected equally: housing bears the brunt.",
    "These are cross-cutting barriers rather than service-specific ones.",
])
def test_the_consistency_question_answered_in_other_words(check_md, text):
    rule = "question.barriers-consistency"
    head = ("## Barriers\n\nThe biggest barrier is one-year funding settlements, which stop us planning. "
            "We ask the Government for a three-year settlement and an end to competitive bidding.\n\n")
    assert status(check_md(head + text, rule), rule) == "pass"


def test_a_question_asking_which_there_are_is_not_answered_by_its_statement(check_md):
    # "Are there opportunities to use new technology …?" asks which: saying there are answers nothing.
    rule = "question.new-technology"
    text = "## Technology\n\nThere are opportunities to use new technology to improve workflows and systems."
    assert status(check_md(text, rule), rule) != "pass"


def test_a_plan_to_download_from_the_website_is_published(check_md):
    assert status(check_md("## Next steps\n\nThe plan can be downloaded from our website.", PUBLICATION),
                  PUBLICATION) == "pass"


@pytest.mark.parametrize("text, expected", [
    ("Our network of 14 Equality, Diversity and Inclusion Champions meets monthly.", 14),
    ("We spent £8,400 on EDI training and have 14 champions.", 14),
    ("We have EDI champions in every service (14 in total).", 14),
    ("Our EDI champions number fourteen.", 14),
    # Champions of something else are not EDI champions.
    ("We have 14 digital champions.", None),
])
def test_edi_champions_counted_in_other_words(check_md, text, expected):
    rule = "question.edi"
    assert check_md("## Workforce\n\n" + text, rule).facts["edi_champions"] == expected


def test_a_share_column_beside_the_subjects_amounts_is_the_subjects(check_md):
    rule = "question.agency-spend"
    text = ("## Workforce\n\n| Year | Agency spend (£m) | % of pay bill |\n|---|---|---|\n| 2022/23 | 5.1 | 5.0% |\n"
            "| 2023/24 | 4.6 | 4.2% |")
    assert check_md(text, rule).facts["agency_spend_percent"] == 4.2


@pytest.mark.parametrize("text, expected", [
    # Prevention in general, however it is said to pay, names no approach taken.
    ("Prevention is at the heart of our approach. By intervening early we can reduce demand on costly services "
     "and achieve better outcomes for residents.", "partial"),
    ("We will focus on prevention to avoid costs in the future.", "partial"),
    ("Falls prevention work has reduced hospital admissions.", "partial"),
    # An approach with its effect is an answer.
    ("Our homelessness prevention team prevented 412 households becoming homeless in 2023/24.", "pass"),
])
def test_prevention_in_general_is_no_approach(check_md, text, expected):
    rule = "question.prevention"
    assert status(check_md("## Services\n\n" + text, rule), rule) == expected


def test_a_timeline_table_with_its_dates_first(check_md):
    text = ("## Governance\n\n| Date | Step |\n|---|---|\n| 2 July 2024 | Scrutiny comments |\n"
            "| 16 July 2024 | Cabinet approval |\n| 19 July 2024 | Submission |")
    report = check_md(text, ENDORSEMENT)
    assert (status(report, ENDORSEMENT), report.facts["endorsement"]) == \
        ("pass", {"body": "Cabinet", "date": "16 July 2024"})


def test_a_control_on_spending_signed_off_by_a_member_is_no_endorsement(check_md):
    text = ("## Spending wisely\n\nEvery contract over £25,000 is agreed by the Cabinet Member for Finance, and every "
            "post that falls vacant is reviewed by the senior team before it is advertised.")
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == "fail"


def test_a_total_after_a_comma_is_the_count(check_md):
    text = ("## Workforce\n\nThere is one EDI champion in each of our four directorates, four in all, and each has "
            "two hours a month for the role.")
    assert check_md(text, "question.edi").facts["edi_champions"] == 4


def test_a_cover_in_lines_dates_the_meeting_it_is_for(check_md):
    # Plain text runs the cover's lines into one paragraph; its labels in capitals still part them.
    text = ("REPORT TO: Cabinet\nDATE: 16 July 2024\nTITLE: Productivity Plan 2024\nREPORT OF: Director of Finance\n\n"
            "1. RECOMMENDATIONS\n\n1.1 Cabinet is recommended to approve the Productivity Plan at Appendix A for "
            "submission to the Department by 19 July 2024.\n")
    report = check_md(text, ENDORSEMENT, name="report.txt")
    assert report.facts["endorsement"] == {"body": "Cabinet", "date": "16 July 2024"}


ANNEX = ("## Annex B: Workforce figures\n\nThe Minister asked for agency and consultancy spend as a share of the total "
         "staff budget, and for facility time as a share of the pay bill.\n\n"
         "| | 2022/23 | 2023/24 |\n|---|---|---|\n| Total staff budget | £149.8m | £158.6m |\n"
         "| Agency staff spend | £9.0m | £7.3m |\n| Agency staff as % of total staff budget | 6.0% | [calc] |\n"
         "| Consultancy spend | [awaiting ledger recoding] | [awaiting ledger recoding] |\n"
         "| Total pay bill | £128.9m | £131.5m |\n| Trade union facility time (cost) | £252,000 | £263,000 |")


@pytest.mark.parametrize("rule, fact, expected", [
    # The latest year's share left blank beside its amounts is worked out from them.
    ("question.agency-spend", "agency_spend_percent", ("pass", 4.6)),
    # Of two wholes, the one the question names: facility time is a share of the pay bill.
    ("question.facility-time", "facility_time_percent", ("pass", 0.2)),
    # What the letter asked for is no discussion of it, and a row of blanks is a slot left empty.
    ("question.consultant-spend", "consultant_spend_percent", ("fail", None)),
])
def test_a_half_filled_workforce_annex(check_md, rule, fact, expected):
    report = check_md(ANNEX, rule)
    assert (status(report, rule), report.facts[fact]) == expected


@pytest.mark.parametrize("text, expected", [
    # A decision on a condition put first is no decision: the meeting named is the one that will approve.
    ("Cabinet will be asked to approve this plan at its meeting on 16 July 2024, before it is submitted.[^1]\n\n"
     "[^1]: If Cabinet asks for changes at that meeting, the final wording will be agreed by the Leader of the "
     "Council before submission.", {"body": "Cabinet", "date": "16 July 2024"}),
    # A negation ends with its sentence: a note read with the sentence citing it is not negated by it.
    ("This plan is the start of a process, not a finished scorecard.[^1]\n\n[^1]: The plan was endorsed by the "
     "Cabinet on 10 July 2024 (minute CAB 41/24).", {"body": "Cabinet", "date": "10 July 2024"}),
])
def test_a_fronted_condition_and_a_negation_that_ends_with_its_sentence(check_md, text, expected):
    assert check_md("## Governance\n\n" + text, ENDORSEMENT).facts["endorsement"] == expected


@pytest.mark.parametrize("text, expected", [
    # The council's own sign-off as the condition is its way to publication, not a doubt about it.
    ("If the decision is not called in, the plan will be submitted on 16 July 2024 and published on the "
     "council's website by 19 July 2024.", "pass"),
    ("If Cabinet agrees the plan on 9 July 2024, it will be published on our website.", "pass"),
    ("The plan will be published on our website if members approve it on 9 July 2024.", "pass"),
    # A condition outside the council's hands is one.
    ("If the Government agrees, the plan will be published on our website.", "fail"),
    ("We will publish this plan on our website if the Government decides to publish the plans of all councils.",
     "fail"),
    # So is a check by anyone but members.
    ("The plan will be published on our website if the figures are confirmed by the auditors.", "fail"),
])
def test_a_condition_that_is_the_councils_own_sign_off(check_md, text, expected):
    assert status(check_md("## Publication\n\n" + text, PUBLICATION), PUBLICATION) == expected


def test_the_approved_plan_is_the_plan(check_md):
    text = "## Publication\n\nThe approved plan will be published on the council's website by the end of July 2024."
    assert status(check_md(text, PUBLICATION), PUBLICATION) == "pass"
    # … and no decision on it: "Cabinet will monitor the approved plan" approves nothing.
    text = "## Monitoring\n\nCabinet will monitor the approved plan every quarter."
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) != "pass"


@pytest.mark.parametrize("text", [
    # A question copied as a paragraph of its own, over nothing but drafting text, is an answer left to write.
    "## 1. Services\n\nWe want to be more productive.\n\n*How do you measure productivity in your organisation?*\n\n"
    "TBC – Performance team to draft. (Use LG Inform / Oflog explorer? Check with Sam.)",
    # So is a heading, over a note whose brackets hold two sentences.
    "## 1. Services\n\nWe want to be more productive.\n\n### How do you measure productivity in your organisation?\n\n"
    "TBC – Performance team to draft. (Use LG Inform / Oflog explorer? Check with Sam.)",
])
def test_a_copied_question_over_drafting_text_is_left_to_write(check_md, text):
    rule = "question.measuring-productivity"
    assert status(check_md(text, rule), rule) == "fail"


def test_a_bracket_holds_its_sentences_together():
    from plancheck.analysis import split_sentences
    assert split_sentences("TBC – Performance team to draft. (Use LG Inform / Oflog explorer? Check with Sam.) "
                           "Then it goes on.") == \
        ["TBC – Performance team to draft.", "(Use LG Inform / Oflog explorer? Check with Sam.)", "Then it goes on."]


def test_under_a_copy_of_several_questions_the_text_answers_the_one_it_answers(check_md):
    text = ("## 3. Wasteful spend\n\n*What percentage of total staff budget is spent on a) agency and b) consultants? How "
            "do you assess value for money on agency & consultancy spend and what are your plans to reduce use / "
            "costs? How many of those consultants or agency staff have been in place for over a year?*\n\n"
            "| Workforce measure | 2022/23 | 2023/24 |\n|---|---|---|\n"
            "| Agency staff as a % of total staff budget | 6.8% | 5.9% |\n"
            "| Consultants as a % of total staff budget | 1.2% | 1.1% |\n"
            "| Agency workers and consultants in place for over a year | [HR] | [HR] |")
    report = check_md(text, "question.agency-spend", "question.agency-consultant-value")
    assert status(report, "question.agency-spend") == "pass"
    assert status(report, "question.agency-consultant-value") != "pass"


@pytest.mark.parametrize("text, expected", [
    ("We run one safeguarding training programme that the six districts join at cost, so that county and district "
     "staff attend the same courses and neither tier buys them twice.", "pass"),
    # Training twice a year shares nothing.
    ("All managers attend safeguarding training twice a year.", "partial"),
])
def test_shared_training_in_a_two_tier_area(check_md, text, expected):
    rule = "question.shared-training"
    assert status(check_md("## Reducing waste\n\n" + text, rule), rule) == expected


def test_a_record_of_key_dates_is_read_row_by_row(check_md):
    # The publication after the submission is no decision after it.
    text = ("## Governance\n\nThis plan sets out what we have done and what we will do next, in the four themes the "
            "Minister asked for, with the measures we will track.\n\nApproval: Cabinet, 9 July 2024\n"
            "Submission: 18 July 2024\nPublication: 19 July 2024")
    report = check_md(text, ENDORSEMENT)
    assert (status(report, ENDORSEMENT), report.facts["endorsement"]) == \
        ("pass", {"body": "Cabinet", "date": "9 July 2024"})


def test_the_deputy_leader_is_a_member(check_md):
    text = ("## Governance\n\nThis plan sets out what we have done in recent years and what we will do next, under "
            "the four themes the Minister asked for.\n\nThe plan was signed off by the Deputy Leader on 12 July 2024.")
    assert check_md(text, ENDORSEMENT).facts["endorsement"] == {"body": "Deputy Leader", "date": "12 July 2024"}


@pytest.mark.parametrize("lead, expected", [
    ("Agency staff as a share of the total staff budget:", 4.1),
    # A lead-in naming two subjects does not say whose each figure is.
    ("Agency staff and consultants as a share of the total staff budget:", None),
])
def test_a_list_introduced_by_its_subject_gives_the_subjects_figures(check_md, lead, expected):
    text = ("## Workforce\n\nThis plan sets out what we have done in recent years and what we will do next, under "
            f"the four themes the Minister asked for.\n\n{lead}\n\n- 2022/23: 3.8%\n- 2023/24: 4.1%")
    assert check_md(text, "question.agency-spend").facts["agency_spend_percent"] == expected


@pytest.mark.parametrize("second, expected", [
    ("We have not yet put a value on the demand it avoids.", "partial"),
    ("We have not been able to quantify its value.", "partial"),
    # A value the plan does put on it, or a "not" that denies something else, leaves the answer whole.
    ("We estimate it avoided £1.2m of care costs, not counting staff time.", "pass"),
    ("Not every family needs it, but referrals to children's social care fell by 14%.", "pass"),
])
def test_a_question_whose_part_the_plan_says_it_lacks_is_answered_in_part(check_md, second, expected):
    rule = "question.prevention"
    text = ("## Transforming services\n\nThis plan sets out what we have done in recent years and what we will do "
            "next, under the four themes the Minister asked for.\n\nOur Family Help service, our main early help "
            f"approach, worked with 2,050 families in 2023/24 and cut repeat referrals by a fifth. {second}")
    report = check_md(text, rule)
    assert status(report, rule) == expected
    if expected == "partial":
        assert "lacks a value put on these approaches" in result(report, rule).message


@pytest.mark.parametrize("answer, expected", [
    # A pointer to a part of the plan that says nothing of EDI answers nothing, and its number counts nothing.
    ("See section 3.", "fail"),
    ("Yes – please refer to paragraphs 4.2 to 4.5 above.", "fail"),
    # A pointer that names no part, only a direction.
    ("See above.", "fail"),
    ("As below.", "fail"),
    ("We have 14 EDI champions and spend about £9,000 a year on EDI training, logged in our learning system.",
     "pass"),
])
def test_a_pointer_under_a_copied_question_is_no_answer(check_md, answer, expected):
    rule = "question.edi"
    text = ("## Reducing wasteful spend\n\nThis plan sets out what we have done in recent years and what we will do "
            "next, under the four themes the Minister asked for.\n\n**How much time and money do you spend on staff "
            "EDI training, networks and other programmes? How many EDI Champions do you have?**\n\n"
            f"{answer}\n\n**Do you share office functions with other councils?**\n\nNo.")
    assert status(check_md(text, rule), rule) == expected


def test_a_statutory_officer_is_specific_where_a_section_of_the_plan_is_not():
    from plancheck.analysis import CROSS_REFERENCE

    assert CROSS_REFERENCE.sub("", "See section 3 and Appendix B.") == "See  and ."
    assert CROSS_REFERENCE.sub("", "signed by the Section 151 Officer") == "signed by the Section 151 Officer"


def test_the_barriers_preventing_progress_are_no_preventative_approach(check_md):
    rule = "question.prevention"
    text = ("## Barriers\n\nThis plan sets out what we have done in recent years and what we will do next, under the "
            "four themes the Minister asked for.\n\nThe barriers preventing us from improving services further are "
            "set out below.\n\n- One-year settlements, which have cut our reserves by £2.1m since 2021.\n"
            "- Planning fees, which cover 60% of our costs.")
    assert status(check_md(text, rule), rule) == "fail"


@pytest.mark.parametrize("text, expected", [
    ("In 2022 we merged our three directorates into two and deleted 14 management posts, saving £610,000 a year.",
     "pass"),
    # A plan for the years ahead says nothing of how the organisation has changed.
    ("By April 2026 we will bring refuse collection, street cleansing and grounds maintenance into one neighbourhood "
     "team operating from a single depot. We will use routing software to redesign rounds.", "not pass"),
])
def test_what_has_changed_is_not_answered_by_what_will(check_md, text, expected):
    rule = "question.organisational-change"
    assert judged_as(check_md, "## Transforming our services\n\n" + text, rule, expected)


@pytest.mark.parametrize("text, expected", [
    ("Six members of staff volunteer as EDI champions, one in each service area.", 6),
    # A network still to be set up counts none there are now.
    ("We will set up a network of ten EDI champions in 2025.", None),
    ("We have 12 EDI champions and will recruit six more by 2025.", 12),
])
def test_edi_champions_counted_as_a_role_and_not_ahead_of_time(check_md, text, expected):
    report = check_md("## Our people\n\n" + text + " All staff complete a 30-minute EDI module.", "question.edi")
    assert report.facts["edi_champions"] == expected


def test_a_bare_number_under_the_copied_question_counts_the_champions(check_md):
    text = ("## Reducing wasteful spend\n\n**How much time and money do you spend on staff EDI training (internal and "
            "external), networks, and other programmes? How many EDI Champions do you have as an organisation?**\n\n"
            "Twelve. They work in every directorate, and all staff complete a 30-minute EDI module.")
    assert check_md(text, "question.edi").facts["edi_champions"] == 12


def test_a_pronoun_after_a_short_opening_without_its_comma_refers_back(check_md):
    text = ("## Governance\n\nThis plan sets out what we have done in recent years and what we will do next.\n\n"
            "The plan will be submitted by 19 July 2024. After submission it will be published on the council's "
            "website.")
    assert status(check_md(text, PUBLICATION), PUBLICATION) == "pass"


def test_a_recommendation_lettered_in_plain_text_is_the_meetings_decision(check_md):
    text = ("KESTWICK COUNTY COUNCIL\n\nREPORT TO: Executive\nDATE: 9 July 2024\nSUBJECT: Productivity Plan 2024\n\n"
            "1.1 The Minister's letter of 16 April 2024 asked all councils to prepare a productivity plan and to "
            "return it by 19 July 2024. The draft plan is at Appendix 1.\n\n2.1 That the Executive:\n"
            "    (a) approves the Productivity Plan 2024 at Appendix 1 for submission; and\n"
            "    (b) authorises the Director of Finance, in consultation with the Executive Member for Resources, "
            "to make any final factual corrections before submission.\n")
    report = check_md(text, ENDORSEMENT, name="plan.txt")
    assert report.facts["endorsement"] == {"body": "Executive", "date": "9 July 2024"}


@pytest.mark.parametrize("paragraph, expected", [
    ("**Greatest potential for savings.** [Finance to confirm – likely temporary accommodation. Insert estimate £Xm.]",
     "fail"),
    # A start of an answer of the council's own leaves the place filled in part.
    ("**Greatest potential for savings.** Temporary accommodation, where we estimate [Finance to confirm £Xm].",
     "not fail"),
])
def test_a_titled_paragraph_left_to_a_note_is_the_questions_place_left_blank(check_md, paragraph, expected):
    rule = "question.savings-potential"
    text = ("## Transforming services\n\nThis plan sets out what we have done in recent years and what we will do next."
            "\n\n**Prevention.** Our falls response service attended 2,400 calls in 2023/24; we estimate the value of "
            "avoided admissions at £2.1m a year, though only part of that saving falls to the council.\n\n" + paragraph)
    assert (status(check_md(text, rule), rule) == "fail") == (expected == "fail")


@pytest.mark.parametrize("text, fact, expected", [
    # Each year its own amounts, in clauses of their own: the latest year's pair.
    ("In 2022/23 we spent £1.9m on agency workers against a pay bill of £31.4m; in 2023/24 we brought that down to "
     "£1.5m, against a pay bill of £32.8m.", "agency_spend_percent", 4.6),
    # The later year named before its amount, the whole given once.
    ("Agency workers cost us £655,000 in 2022/23; in 2023/24 the figure was £480,000, against a total staff budget "
     "of £10.8m.", "agency_spend_percent", 4.4),
    # An earlier year's share given, the later year's worked out.
    ("We spent £840,000 on agency workers in 2022/23, 6.8 per cent of the staff budget, and £610,000 in 2023/24, "
     "when the staff budget was £12.9m.", "agency_spend_percent", 4.7),
    ("We spent £298,000 on consultants in 2022/23 and £212,000 in 2023/24, against a total staff budget of £14.6m "
     "in the latest year.", "consultant_spend_percent", 1.5),
])
def test_a_share_worked_out_for_the_latest_of_several_years_in_one_sentence(check_md, text, fact, expected):
    rule = "question.agency-spend" if fact.startswith("agency") else "question.consultant-spend"
    report = check_md("## Workforce\n\nThis plan sets out what we have done in recent years and what we will do next."
                      "\n\n" + text, rule)
    assert report.facts[fact] == expected


@pytest.mark.parametrize("text", [
    # A stop explained after a colon is still a stop of the whole subject.
    "We no longer use consultants at all: our last engagement, a review of parking tariffs, ended in March 2023.",
    # A later year's nil outranks an earlier year's amount worked out against a whole said elsewhere.
    "Our total staff budget for 2023/24 was £13.2m.\n\nIn 2022/23 we spent £38,000 on consultants for a one-off "
    "review of car parking charges; we did not use consultants at all in 2023/24.",
])
def test_a_nil_of_consultants_in_other_words(check_md, text):
    report = check_md("## Workforce\n\nThis plan sets out what we have done in recent years and what we will do next."
                      "\n\n" + text, "question.consultant-spend")
    assert (status(report, "question.consultant-spend"), report.facts["consultant_spend_percent"]) == ("pass", 0)


@pytest.mark.parametrize("rule, text", [
    # A frame for reporting not yet set leaves only the usual reporting.
    ("governance.progress-reporting",
     "The council's performance continues to be reported to Cabinet every quarter through the corporate "
     "performance framework. We have not set a separate timetable for reporting on the actions in this plan, "
     "and will return to that question once the Board has given its view."),
    # Data and its quality named apart touch the data quality question.
    ("question.data-quality",
     "Good data is a strategic asset, and we will treat it as such, improving its quality and making more of "
     "it available to residents where it is appropriate to do so."),
    # What will happen to the plan itself is no plan for services.
    ("content.past-and-future",
     "Since 2019 we have merged our contact centres and saved £2.6m a year.\n\n## Next steps\n\n[To be completed "
     "by the Transformation team]\n\n## Governance\n\nOnce it has been approved and submitted, the plan will be "
     "published on our website."),
])
def test_wording_that_answers_only_in_part(check_md, rule, text):
    text = "## Introduction\n\nWestmoor District Council serves 92,000 residents across 40 parishes.\n\n" + text
    assert status(check_md(text, rule), rule) == "partial"


DASHBOARD = ("## Appendix B: Productivity dashboard\n\n"
             "| Measure | Baseline 2022/23 | Latest 2023/24 | Target 2025/26 | RAG |\n|---|---|---|---|---|\n"
             "| Agency staff as % of total staff budget | 5.8% | 4.9% | 4.0% | Amber |\n")


@pytest.mark.parametrize("row, count", [
    # A count in a table row is the latest year's, never the baseline's or the target's.
    ("| Number of EDI champions | 12 | 17 | 20 | Green |", 17),
    ("| Number of EDI champions | 12 | – | 20 | – |", 12),
])
def test_a_count_in_a_dashboard_row_is_the_latest_years(check_md, row, count):
    assert check_md(DASHBOARD + row, "question.edi").facts["edi_champions"] == count


@pytest.mark.parametrize("row, expected", [
    # A dash under "RAG" marks a status not given: no nil of consultants.
    ("| Consultants as % of total staff budget | [Finance to confirm] | [Finance to confirm] | [TBC] | – |",
     ("fail", None)),
    # Under a year, a dash is a nil.
    ("| Consultants as % of total staff budget | 0.4% | – | 0% | Green |", ("pass", 0.0)),
])
def test_a_dash_is_a_nil_only_in_a_column_of_figures(check_md, row, expected):
    rule = "question.consultant-spend"
    report = check_md(DASHBOARD + row, rule)
    assert (status(report, rule), report.facts["consultant_spend_percent"]) == expected


@pytest.mark.parametrize("row, expected", [
    # A size in the subject's row is a size said of its amount, as in a sentence.
    ("| Trade union facility time | negligible | negligible |", "partial"),
    # Another subject's row says nothing of this one.
    ("| Consultants | minimal | minimal |", "fail"),
])
def test_a_size_in_the_subjects_table_row_discusses_it(check_md, row, expected):
    rule = "question.facility-time"
    text = "## Workforce\n\n| | 2022/23 | 2023/24 |\n|---|---|---|\n| Agency staff, % of total staff budget | 5.2% | 4.4% |\n"
    assert status(check_md(text + row, rule), rule) == expected


@pytest.mark.parametrize("text, fact", [
    # The office named by its decision is the body that decided.
    ("The plan was approved as a Leader's key decision on 12 July 2024.", {"body": "Leader", "date": "12 July 2024"}),
    ("I approved this plan as a Leader's key decision on 12 July 2024, after it had been considered by the "
     "Overview and Scrutiny Committee on 8 July.", {"body": "Leader", "date": "12 July 2024"}),
])
def test_a_decision_named_by_its_maker_is_its_makers(check_md, text, fact):
    report = check_md("## Governance\n\n" + text, ENDORSEMENT)
    assert (status(report, ENDORSEMENT), report.facts["endorsement"]) == ("pass", fact)


def test_a_note_giving_the_base_is_the_whole_for_a_table_of_amounts(check_md):
    text = ("## Workforce\n\n| | 2022/23 | 2023/24 |\n|---|---|---|\n| Consultants, £ | £131,000 | £96,000 |\n\n"
            "Figures are from the ledger outturn.[^a]\n\n"
            "[^a]: Base: total staff budget of £7.6m in 2022/23 and £8.0m in 2023/24, from the ledger outturn.")
    rule = "question.consultant-spend"
    report = check_md(text, rule)
    assert (status(report, rule), report.facts["consultant_spend_percent"]) == ("pass", 1.2)


@pytest.mark.parametrize("reply, expected", [
    # A bare reply under a copied question says nothing of what the council does.
    ("Yes.", "fail"),
    ("Yes: our social care case system is fifteen years old and cannot share data with the NHS.", "partial"),
])
def test_a_bare_reply_is_no_answer_to_a_theme(check_md, reply, expected):
    text = ("## 2. How you plan to take advantage of technology and make better use of data\n\n"
            "**Are there particular barriers from legacy systems?**\n\n" + reply + "\n\n"
            "**What are your existing plans to improve the quality of the data you collect?**\n\n"
            "[Digital team to complete]")
    rule = "theme.technology-data"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, expected", [
    # A step set straight under a heading, its subject left out, is a step taken on the plan.
    ("## 7. Governance\n\n- Considered by Cabinet, 11 July 2024\n- Submitted to the Department on 18 July 2024\n"
     "- Published on the council's website: wrexley.gov.uk/productivityplan", PUBLICATION, "pass"),
    ("## 7. Governance\n\n- Considered by Cabinet, 11 July 2024\n- Submitted to the Department on 18 July 2024",
     ENDORSEMENT, "partial"),
    ("## 7. Approval and publication\n\n7.1 Approved by the Executive on 16 July 2024. 7.2 Submitted to DLUHC on "
     "18 July 2024. 7.3 To be published on the council's website following Executive approval.", PUBLICATION, "pass"),
    # A table between the heading and the steps names no subject for them.
    ("## Measures and reporting\n\n| KPI | 2023/24 |\n|---|---|\n| Contacts online | 55% |\n\n"
     "- Six-monthly progress report on this plan to Cabinet\n"
     "- Published on the council's website, pellworth.gov.uk/productivity, after Cabinet agreement",
     PUBLICATION, "pass"),
    # A sentence before the list names its subject: the steps are its.
    ("## Performance\n\nOur quarterly performance report:\n\n- Considered by Cabinet each quarter\n"
     "- Published on the council's website", PUBLICATION, "fail"),
])
def test_a_step_straight_under_a_heading_is_a_step_on_the_plan(check_md, text, rule, expected):
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("text, rule, fact, expected", [
    # A label and its figure set apart by a dash, as by a colon.
    ("- Agency spend - 3.4% of staff budget (2023/24)\n- Channel shift - 62% of contacts online",
     "question.agency-spend", "agency_spend_percent", 3.4),
    ("- Consultants - none used in 2023/24\n- Channel shift - 62% of contacts online",
     "question.consultant-spend", "consultant_spend_percent", 0),
    # A later year's figure after a semicolon is the subject's too, figure first.
    ("- Consultancy – 2.3% of the staff budget in 2022/23; 1.6% in 2023/24. Used for local plan evidence only",
     "question.consultant-spend", "consultant_spend_percent", 1.6),
])
def test_a_label_and_its_figure_set_apart_by_a_dash(check_md, text, rule, fact, expected):
    report = check_md("## Key messages\n\n" + text, rule)
    assert (status(report, rule), report.facts[fact]) == ("pass", expected)


def test_a_cover_line_of_facts_set_apart_by_dots(check_md):
    # The cover's facts on one line: the approval is one of them.
    text = ("# Pellworth Council – Productivity Plan 2024\n\n"
            "**Agreed by Cabinet, 9 July 2024** · Unitary authority · Population 264,000 · Net budget 2024/25 £318m · "
            "3,940 FTE (excluding schools)\n\n## Introduction\n\nThis plan sets out what we have done in recent years "
            "and what we will do next, under the four themes the Minister asked for.")
    report = check_md(text, ENDORSEMENT)
    assert (status(report, ENDORSEMENT), report.facts["endorsement"]) == \
        ("pass", {"body": "Cabinet", "date": "9 July 2024"})


@pytest.mark.parametrize("value, expected", [
    # A record's value that points elsewhere says nothing there.
    ('See "Governance" below', "fail"),
    ("Shared with Cabinet members, 2 July 2024", "partial"),
])
def test_a_record_value_pointing_elsewhere_says_nothing(check_md, value, expected):
    text = ("| Document | Productivity Plan 2024 |\n|---|---|\n| Status | Officer version submitted 18 July 2024 |\n"
            "| Author | Strategic Director (Resources) |\n| Members | " + value + " |\n\n## Governance\n\n"
            "- The plan has not been considered by members.")
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text", [
    # Aiming resources, or an organisation's planned shape, is no target someone tracks.
    "We want to use data more intelligently, to target our resources where they will make the greatest "
    "difference.",
    "We have not yet agreed KPIs for the digital programme and will not do so until the new target operating "
    "model has been approved later in the year.",
])
def test_the_verb_target_and_a_target_operating_model_are_no_measures(check_md, text):
    assert status(check_md("## Digital\n\n" + text, "metrics.kpis"), "metrics.kpis") == "fail"


def test_reported_with_how_often_between_is_a_reporting_arrangement(check_md):
    rule = "governance.progress-reporting"
    text = ("## Governance\n\n- RAG dashboard of this plan reported quarterly to Cabinet and twice a year to "
            "Corporate Scrutiny\n- Published on the council's website")
    assert status(check_md(text, rule), rule) == "pass"


def test_a_contents_entry_in_the_letters_words_asks_nothing(check_md):
    # "Trade union facility time ..... 3" is furniture: what follows it is no answer to the question.
    text = ("## Contents\n\nKey messages ..... 2\n\nTrade union facility time ..... 3\n\n"
            "Channel shift: 62% of contacts online. Agency spend: 3.4% of staff budget in 2023/24.")
    rule = "question.facility-time"
    assert status(check_md(text, rule, name="plan.txt"), rule) == "fail"


def test_a_change_in_amounts_is_no_part_of_a_whole(check_md):
    # The share is the year's amount of the year's pay bill, not the fall of one over the rise of the other.
    text = ("## Workforce spend\n\n| | 2022/23 | 2023/24 |\n|---|---|---|\n| Total pay bill | £281.5m | £296.0m |\n"
            "| Agency staff | £15.9m | £14.2m |\n\nAgency spend fell by £1.7m in 2023/24 while the pay bill grew "
            "by £14.5m, mostly because of the 2023 pay award.")
    assert check_md(text, AGENCY).facts["agency_spend_percent"] == 4.8


@pytest.mark.parametrize("opening, expected", [
    # A short first sentence that says something of its subject is no run-in title over the paragraph.
    ("3.4 Spending on consultants is minimal.", "partial"),
    # One that only names it is.
    ("3.4 Consultants.", "fail"),
])
def test_a_short_statement_is_no_run_in_title(check_md, opening, expected):
    text = (f"## Workforce\n\n{opening} It is not coded separately in our ledger, so we cannot yet give it as a "
            "share of the staff budget; from April 2024 a new cost code will let us report it.")
    assert status(check_md(text, CONSULTANTS), CONSULTANTS) == expected


@pytest.mark.parametrize("text, expected", [
    # One who has not seen or decided is denied with the predicate: members and the plan in one sentence
    # say nothing of members seeing it.
    ("Officers prepared this draft, and the Leader has not yet seen the plan.", "fail"),
    ("This draft has not been considered by members, and the Leader has not yet seen it.", "fail"),
    # Said without the denial, they have.
    ("Officers prepared this draft, and the Leader has seen the plan.", "partial"),
])
def test_a_member_who_has_not_seen_the_plan(check_md, text, expected):
    assert status(check_md("## Governance\n\n" + text, ENDORSEMENT), ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # What its paragraph says the council has, it has: a lack of devolved funding is no "none".
    ("We became a constituent member of the Estuary Combined Authority in May 2024. It is too early for us to "
     "assess the arrangement, and we have not yet received any devolved funding through it.", "partial"),
    # What the combined authority has done for the council is an assessment of it.
    ("We are a constituent member of the Lowe and Tarran Combined Authority, which has no elected mayor. The "
     "combined authority's joint procurement of highways maintenance has reduced our unit costs by around 8 per "
     "cent.", "pass"),
    ("Not applicable. We are not part of a combined authority and have no devolution deal.", "pass"),
])
def test_a_combined_authority_the_council_belongs_to(check_md, text, expected):
    rule = "question.devolution"
    assert status(check_md("## Reducing wasteful spend\n\n" + text, rule), rule) == expected


@pytest.mark.parametrize("answer, expected", [
    # A row that opens with the letter's question answers it only in its other cells.
    ("[Capital team to complete]", "fail"),
    ("TBC", "fail"),
    ("We used £1.8m of prudential borrowing in 2022 to build a recycling bulking station, which has returned "
     "£260,000 a year since it opened.", "pass"),
])
def test_a_question_grid_row_answers_in_its_other_cells(check_md, answer, expected):
    rule = "question.capital-spending"
    text = ("## Theme 1\n\n| Question to consider | Draft response | Lead | Status |\n|---|---|---|---|\n"
            "| What role could capital spending play in transforming existing services or unlocking new "
            f"opportunities? | {answer} | Head of Capital Programme | Not started |\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("whole, amount, expected", [
    # The whole given as a label with its year, as in a box of key figures.
    ("Staff budget 2023/24: £11.5m.", "We spent £150,000 on consultants in 2023/24.", 1.3),
    # An amount labelled with its subject is the subject's, whatever it paid for.
    ("Total staff budget 2023/24: £11.2m.", "Consultants: £96,000 in 2023/24, for the Local Plan viability study.",
     0.9),
    ("Total staff budget 2023/24: £11.2m.", "3.2 Consultants – £96,000 in 2023/24.", 0.9),
    # A nil only expected for a later year is no nil of the year the amount is for.
    ("2.1 Total staff budget 2023/24: £6.0m (158 staff).",
     "2.3 Consultancy: £48,000 in 2023/24, all of it for support at the examination of our Local Plan. We "
     "expect no consultancy spend in 2024/25.", 0.8),
    ("2.1 Total staff budget 2023/24: £6.0m (158 staff).", "We do not use consultants and will not.", 0.0),
])
def test_a_labelled_amount_over_a_labelled_whole(check_md, whole, amount, expected):
    rule = "question.consultant-spend"
    report = check_md(f"## About us\n\n{whole}\n\n## Workforce\n\n{amount}\n", rule)
    assert (status(report, rule), report.facts["consultant_spend_percent"]) == ("pass", expected)


@pytest.mark.parametrize("text", [
    # What a study found is not what consultants cost.
    "A study by consultants found that we could save £96,000 in 2023/24.",
    "Consultants: a study found £96,000 of savings.",
])
def test_a_study_by_consultants_beside_a_labelled_whole(check_md, text):
    rule = "question.consultant-spend"
    report = check_md(f"Total staff budget 2023/24: £11.2m.\n\n{text}\n", rule)
    assert (status(report, rule), report.facts["consultant_spend_percent"]) == ("fail", None)


def test_an_amount_of_another_total_is_not_the_whole(check_md):
    rule = "question.consultant-spend"
    text = """
        We show the figures against the staff budget, because our gross expenditure includes £18m of housing
        benefit payments that pass through our accounts.

        Consultants: £127,000 in 2023/24, against a staff budget of £9.8m.
        """
    report = check_md(text, rule)
    assert report.facts["consultant_spend_percent"] == 1.3


@pytest.mark.parametrize("text, expected", [
    # A bare reply to the council's own question asking how many.
    ("## Section 3\n\n3.1 Time and money on staff EDI training?\nNil external spend. One hour of e-learning "
     "for each new starter, logged in our HR system.\n\n3.2 Number of EDI Champions?\nNone.\n", 0),
    ("## EDI\n\n**How much time and money do you spend on staff EDI training? How many EDI Champions do you "
     "have?**\n\nTwelve.\n", 12),
    # A short name in a section the heading of which names EDI.
    ("## Equality, diversity and inclusion\n\n- Training: a one-hour e-learning module at induction. No "
     "external spend in 2023/24.\n- Champions: seven, one in each service area, since 2019.\n", 7),
    # One of several questions asked together: the reply follows the last of them.
    ("## EDI\n\n### How many EDI Champions do you have as an organisation? How do you log and report the time and "
     "money spent on EDI related activity? How do you assess the effectiveness of that training?\n\nTwelve.\n", 12),
    # A reply that is more than a count is no count.
    ("## EDI\n\n**How many EDI Champions do you have?**\n\nNone yet, though we plan a network in 2025.\n", None),
    # Champions of something else, in a section on something else.
    ("## Digital\n\n- Champions: seven digital champions help colleagues use the new system.\n", None),
])
def test_a_count_of_edi_champions_however_it_is_given(check_md, text, expected):
    assert check_md(text, "question.edi").facts["edi_champions"] == expected


def test_a_nil_narrowed_to_a_length_of_placement_is_no_nil(check_md):
    rule = "question.agency-spend"
    text = """
        **Agency staff.** Minimal. We use agency staff only to cover refuse crews during sickness peaks.

        **Value for money.** Agency rates come from the regional framework. No agency worker has been with us
        more than six months.
        """
    report = check_md(text, rule)
    assert (status(report, rule), report.facts["agency_spend_percent"]) == ("partial", None)


def test_a_plain_text_table_label_that_wraps_before_its_values(check_md):
    rule = FACILITY_TIME
    text = """
        The table below shows our spend on temporary and specialist staff over three years.

                                              2021/22     2022/23     2023/24
        Agency staff (% of staff budget)        5.6%        4.9%        3.7%
        Consultants (% of staff budget)     [Finance to complete - XX%]
        Trade union facility time (% of
        pay bill)                               0.05%       0.04%       0.04%
        """
    report = check_md(text, rule, name="plan.txt")
    assert (status(report, rule), report.facts["facility_time_percent"]) == ("pass", 0.04)


def test_a_plain_text_title_typed_straight_over_its_text(check_md):
    text = """
        Quarley Down District Council
        Productivity Plan 2024 - Annex B: Our workforce in figures

        Total staff budget 2023/24: £11.2m.

        Consultants
        £96,000 in 2023/24, for the Local Plan viability study and a one-off leisure options appraisal. No
        consultant has been engaged for more than a year.

        Equality, diversity and inclusion
        - Training: a one-hour e-learning module at induction and every three years after.
        - Champions: seven, one in each service area, since 2019.
        """
    report = check_md(text, "question.consultant-spend", "question.edi", name="plan.txt")
    assert (report.facts["consultant_spend_percent"], report.facts["edi_champions"]) == (0.9, 7)


@pytest.mark.parametrize("rule", ["theme.barriers", "question.government-asks", "question.barriers-services"])
def test_numbered_paragraphs_after_one_titled_with_the_theme(check_md, rule):
    # No headings: "28. Barriers." titles its paragraph, and the paragraphs after it that open on the
    # theme carry it on, as under a heading.
    text = """
        23. Trade union facility time was 0.08% of the pay bill in 2023/24, down from 0.11% in 2021/22.
        Separately, we offer staff payroll savings with the Heath Credit Union; this is not facility time.

        24. EDI training is the statutory minimum: a one-hour module for all staff, repeated every three years,
        with no external cost. We have not appointed EDI champions and have no plans to. We support three staff
        networks (women, carers, disabled staff), which meet in work time for about an hour a month. Time on
        training and networks is recorded in the HR system but we have not assessed how effective the training
        is.

        25. We do not share office functions with other councils at present. We looked at sharing legal
        services with two neighbours in 2022 but the savings did not justify the set-up costs.

        26. We do not share external training costs with Wessex County Council, and we do not deliver any
        service the county also delivers, so the question of duplication does not arise.

        27. There is no elected mayor, combined authority or devolution deal covering our area.

        28. Barriers. The main barrier to productivity within the council is one-year funding. We cannot fix
        budgets for the digital work in paragraph 10 beyond March 2025.

        29. The main barrier to better services is recruitment. We have had vacancies for planning officers,
        environmental health officers and a building surveyor for most of the last two years. Market
        supplements cost us £64,000 in 2023/24.

        30. These barriers are the same across our services. Uncertain funding and a national shortage of
        professional staff affect every team.

        31. What we need from Government: a multi-year settlement; funded national bursaries for planners and
        environmental health officers; the power to set planning fees locally; and an end to small competitive
        funding pots, which cost us more to bid for than many of them are worth.

        """
    assert status(check_md(text, rule, name="plan.txt"), rule) == "pass"


@pytest.mark.parametrize("row, expected", [
    # A sign-off table by role, name and date: the approving role is the stage, the name who took it.
    ("| Approved by | Councillor Rehana Marr, Leader of the Council | 15 July 2024 |", "pass"),
    ("| Prepared by | Jo Bloggs, Head of Policy | 1 July 2024 |", "fail"),
])
def test_a_sign_off_table_by_role_name_and_date(check_md, row, expected):
    text = f"## 7. Sign-off\n\n| Role | Name | Date |\n|---|---|---|\n{row}\n| Chief Executive | Daniel Okonjo | 15 July 2024 |\n"
    assert status(check_md(text, ENDORSEMENT), ENDORSEMENT) == expected


def test_a_heading_whose_text_denies_its_theme(check_md):
    # "Our use of data" over "What holds us back is not data" and five asks of government answers the
    # barriers theme, not the technology theme.
    text = """
        ## 2. Our use of data

        What holds us back is not data. It is how we are funded. Five things would help most:

        1. **Multi-year settlements.** Three years' notice of core funding so we can sign longer contracts.
        2. **End competitive bidding.** We spent 180 officer days on bids in 2023/24 and won two of seven.
        3. **Planning fees.** Let districts set fees to recover the full cost; we lost £290,000 in 2023/24.
        4. **Moorland fire costs.** A national fund for upland wildfire recovery; the 2023 fire cost us £160,000.
        5. **Extended producer responsibility.** Confirm payments for 2025/26 now, so we can plan rounds.

        These are the same in every service: short-term, uncertain money.
        """
    report = check_md(text, "theme.barriers", "theme.technology-data")
    assert (status(report, "theme.barriers"), status(report, "theme.technology-data")) == ("pass", "partial")


def test_a_size_under_the_subjects_run_in_title(check_md):
    text = ("## Workforce\n\n- **Agency staff.** 3.1% of the staff budget.\n- **Trade union facility time.** "
            "Negligible. One Unison representative takes occasional time off for casework.\n")
    report = check_md(text, FACILITY_TIME)
    assert (status(report, FACILITY_TIME), report.facts["facility_time_percent"]) == ("partial", None)


def test_a_bare_none_under_the_edi_question(check_md):
    rule = "question.edi"
    text = ("## Wasteful spend\n\n**How much time and money do you spend on staff EDI training? How many EDI "
            "Champions do you have?**\n\nNone.\n")
    report = check_md(text, rule)
    assert (status(report, rule), report.facts["edi_champions"]) == ("pass", 0)


@pytest.mark.parametrize("text, expected", [
    # The needs people have are no remedy asked for.
    ("Rising demand. Demand for adult social care and children's social care continues to rise, and the needs "
     "of the people we support are becoming more complex. This places significant pressure on our budgets and "
     "on our workforce, and it limits the capacity we have to invest in transformation.", "fail"),
    ("One-year settlements stop us planning. We need multi-year funding settlements from 2025/26 so that we can "
     "plan our workforce.", "pass"),
])
def test_needs_that_people_have_are_no_ask(check_md, text, expected):
    rule = "question.government-asks"
    assert status(check_md(f"## 4. Barriers\n\n{text}\n", rule), rule) == expected


def test_a_heading_over_text_another_theme_fills(check_md):
    # "2. Transformation" over a spend control board, standard specifications and cut contracts is theme 3.
    text = """
        ## 2. Transformation

        **What have we done?**
        - A Spend Control Board (Chief Executive, Section 151 Officer, Head of HR) meets every Tuesday. Every new
          purchase over £1,000, every agency booking and every vacancy goes to it.
        - No more gold-plating: we buy to a standard specification for furniture, ICT equipment and vehicles. No
          bespoke items without Board approval.
        - Mobile phone contracts cut from 212 to 140 lines (£18,000 a year).
        - Off-site venue hire for meetings stopped in 2023; all meetings use council buildings or Teams (£11,500
          a year).
        - Duplicate and lapsed payments are checked monthly by internal audit; £37,000 was recovered in 2023/24.

        **How do we monitor it?**
        The Board's decisions and savings go to the Audit and Standards Committee each quarter. Savings to date:
        £146,000 a year.

        ## 3. Reducing wasteful spend

        **Which service has the greatest potential for savings?**
        Leisure. Our contract with Pellingham Leisure Trust ends in March 2026. Re-procuring it with energy costs
        shared with the operator could save £350,000 a year.
        """
    report = check_md(text, "theme.transformation", "theme.wasteful-spend")
    assert (status(report, "theme.transformation"), status(report, "theme.wasteful-spend")) == ("partial", "pass")


@pytest.mark.parametrize("note, expected", [
    # A note that sends the reader elsewhere leaves the answer to what it points to.
    ("[See above – Finance to add the capital programme figure for 2024/25 to 2026/27]", "pass"),
    ("[Finance to add the capital programme figure for 2024/25 to 2026/27]", "fail"),
])
def test_a_note_under_the_question_that_points_elsewhere(check_md, note, expected):
    rule = "question.capital-spending"
    text = f"""
        ## Transforming services

        In 2022 we invested £6.8m of capital in the Marine Parade business and skills centre. It is now 80% let,
        and the rent covers the borrowing costs.

        What role could capital spending play in transforming existing services or unlocking new opportunities?

        {note}
        """
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("last, expected", [
    # Opening on the theme, half its sentences on it: the paragraph is about the theme.
    ("We spent £40,000 on temporary staff to clear it.", True),
    # Under half: a barrier mentioned in passing.
    ("We spent £40,000 on temporary staff to clear it. We also opened a second depot in 2023. Our staff "
     "survey response rate rose to 64%.", False),
])
def test_a_paragraph_that_opens_on_a_theme_with_half_its_sentences_on_it(tmp_path, pack, last, expected):
    from plancheck.analysis import Analysis

    path = tmp_path / "plan.md"
    path.write_text(
        "# Productivity plan 2024\n\n## How we have changed\n\nSince 2020 we have moved council tax, bins and "
        "housing repairs onto one online account, and 71% of those transactions are now made online. We closed "
        "two of our three offices in 2022 and merged licensing into environmental health, saving £140,000 a "
        "year. Over the next two years we will move planning onto the same account.\n\n"
        "A number of barriers hold back further progress. One-year funding settlements stop us signing "
        "contracts for more than a year at a time. Our Disabled Facilities Grant for 2024/25 was confirmed in "
        f"late May, two months into the year, so the waiting list grew to 140 households. {last}\n",
        encoding="utf-8")
    analysis = Analysis.of(read_document(path, ReadOptions(pages="estimate")), pack=pack)
    found = [analysis.document.blocks[i].text for i in analysis.theme_paragraphs("barriers")]
    assert any(text.startswith("A number of barriers") for text in found) == expected


@pytest.mark.parametrize("future, expected", [
    ("Over the next two years we will move planning and licensing onto the online account.", "pass"),
    # A future that happens to the council, or one only wished for, is no plan.
    ("Our revenues and benefits system is old and will need replacing in the next few years.", "partial"),
    ("The high-needs deficit in the dedicated schools grant will reach £27m by March 2025.", "partial"),
    ("We want to make better use of data in future.", "partial"),
])
def test_a_future_the_council_plans(check_md, future, expected):
    rule = "content.past-and-future"
    text = ("## How we have changed\n\nSince 2021 we have reduced six directorates to four and removed 31 "
            f"management posts, saving £2.6m a year.\n\n## Next\n\n{future}\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("reply, expected", [
    # The question turned round, with where its answer is and nothing there, is the prompt left in.
    ("How we measure productivity in our organisation is set out below.", "fail"),
    ("Our approach to measuring productivity is described in section 4.", "fail"),
    # The same pointer leading into measures of its own is an answer.
    ("How we measure productivity is set out below. We track the cost per case in revenues and benefits and "
     "the cost per household of waste collection, and compare both each year with our CIPFA nearest neighbours.",
     "pass"),
    # Without the pointer, the restatement still acknowledges the question.
    ("We measure productivity in our organisation in a number of ways.", "partial"),
])
def test_a_restated_question_pointing_to_its_answer_says_nothing_of_it(check_md, reply, expected):
    rule = "question.measuring-productivity"
    text = ("## Theme 1: Transforming services\n\n**How do you measure productivity in your organisation?**\n\n"
            f"{reply}\n\n**What are your current plans for transformation over the next two years?**\n\n"
            "We will review our two leisure centres during 2024/25.\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("mention, expected", [
    # The plan's own name is no word on productivity.
    ("Cabinet noted the Government's requirement for a productivity plan on 4 June 2024.", "fail"),
    ("This productivity plan was prepared by the Section 151 Officer.", "fail"),
    # Productivity itself is.
    ("Productivity in our planning service has risen since 2022.", "partial"),
])
def test_the_name_of_the_plan_says_nothing_of_how_productivity_is_measured(check_md, mention, expected):
    rule = "question.measuring-productivity"
    text = f"## Governance\n\n{mention}\n\n## Services\n\nWe moved garden waste to an online subscription in 2023.\n"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("address", ["thornleigh.gov.uk/productivity", "https://www.thornleigh.gov.uk/council/productivity-plan",
                                     "www.thornleigh.org.uk/how-productive-are-we"])
def test_a_web_address_names_a_page_and_says_nothing_of_its_words(check_md, address):
    text = (f"## Publication\n\nOnce approved by Cabinet on 9 July 2024, the plan will be published at {address}.\n\n"
            "## Services\n\nWe moved garden waste to an online subscription in 2023.\n")
    report = check_md(text, "question.measuring-productivity", PUBLICATION)
    assert status(report, "question.measuring-productivity") == "fail"
    # The site still says where the plan is published.
    assert status(report, PUBLICATION) == "pass"


@pytest.mark.parametrize("text, expected", [
    # The denial is not also what stands meanwhile.
    ("Arrangements for monitoring the plan and reporting progress are to be agreed.", "fail"),
    # What it says in another clause, it says.
    ("Performance against the Council Plan is already reported to Cabinet every quarter, and no separate "
     "reporting on the productivity plan is proposed.", "partial"),
])
def test_a_denial_of_reporting_is_not_also_the_reporting_left_standing(check_md, text, expected):
    rule = "governance.progress-reporting"
    assert status(check_md(f"## Monitoring\n\n{text}\n", rule), rule) == expected


REFUSE_SECTION = ("Waste is the service our residents notice most, and it is also our largest single budget, at "
                  "£6.4m a year. In 2023 we moved to four-day collection rounds and cut the fleet from 22 to 19 "
                  "vehicles. Food waste collections began in 2022, and missed bins fell from 1,900 to 640 a year. "
                  "Garden waste subscriptions rose to 17,900 households.")


@pytest.mark.parametrize("heading, expected", [
    # "Waste" in the heading means what the section says it means: refuse.
    ("3. Reducing waste", "fail"),
    # A heading naming wasteful spend in other words still names the theme, thinly answered.
    ("3. Reducing wasteful spend", "partial"),
])
def test_a_heading_naming_waste_over_refuse_collection_is_about_refuse(check_md, heading, expected):
    rule = "theme.wasteful-spend"
    text = f"# Holmsted District Council: productivity plan (extract)\n\n## {heading}\n\n{REFUSE_SECTION}\n"
    assert status(check_md(text, rule), rule) == expected


def test_spend_controls_beside_refuse_under_reducing_waste_still_count(check_md):
    rule = "theme.wasteful-spend"
    text = ("# Plan\n\n## 3. Reducing waste\n\nA spending control panel has met weekly since November 2023 and "
            "approves all non-essential spend over £1,000; it refused or reduced 41 requests worth £260,000. "
            "We cancelled 120 software licences nobody used and ended three consultancy contracts early. Every "
            "contract over £100,000 is now reviewed a year before renewal. Food waste collections began in 2022.\n")
    assert status(check_md(text, rule), rule) == "pass"


@pytest.mark.parametrize("cell, value", [
    # A cell that says its figures as a sentence, each with its year: the latest year's.
    ("4.2% in 2023/24 (5.0% in 2022/23)", 4.2),
    ("5.0% in 2022/23, falling to 4.2% in 2023/24", 4.2),
    # Two figures run together, with nothing to say whose is which, are neither.
    ("4.2% 0.9%", None),
])
def test_a_grid_cell_giving_its_figures_as_a_sentence(check_md, cell, value):
    rule = "question.agency-spend"
    text = ("| Question | Our response |\n|---|---|\n"
            f"| What percentage of total staff budget is spent on agency staff? | {cell} |\n"
            "| How many EDI Champions do you have as an organisation? | None |\n")
    assert check_md(text, rule).facts["agency_spend_percent"] == value


def test_a_minute_titled_with_its_meeting_was_decided_by_that_meeting(check_md):
    text = ("## Extract from the minutes\n\n"
            "**Scrutiny Management Board, 25 June 2024, Minute 12.** RESOLVED that the draft Plan be noted.\n\n"
            "**Cabinet, 2 July 2024, Minute 34.** RESOLVED to recommend to Full Council that the Productivity Plan "
            "be approved for submission.\n\n"
            "**Full Council, 16 July 2024, Minute 19.** RESOLVED that the Productivity Plan 2024–2026 be approved "
            "and submitted to the Department by 19 July 2024.\n")
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"
    assert report.facts["endorsement"] == {"body": "Full Council", "date": "16 July 2024"}


def test_a_sentence_naming_a_body_and_a_date_is_no_minutes_title(check_md):
    # "Cabinet, 9 July 2024." would title a minute; "Cabinet approved the plan on 9 July 2024." decides.
    report = check_md("## Governance\n\nCabinet approved the plan on 9 July 2024. It will be published on our "
                      "website.\n", ENDORSEMENT)
    assert report.facts["endorsement"] == {"body": "Cabinet", "date": "9 July 2024"}


@pytest.mark.parametrize("sentence, value", [
    # The figure in "X, which was N%" is X's, when X stands in a predicate of its own.
    ("A national approach to agency pay would help us to stabilise our teams and reduce turnover, which was "
     "19% last year.", None),
    # After the subject, a year or a phrase set beside the subject, "which" takes in the spending.
    ("Our spending on agency staff, which was 4.2% of the staff budget in 2023/24, is falling.", 4.2),
    ("In 2023/24 we spent £267,000 on agency workers, mostly drivers and one planning officer, which was 4.2% "
     "of our total staff budget.", 4.2),
    ("We spent £1.2m on agency staff in the year to March 2024, which was 4.2% of the staff budget.", 4.2),
])
def test_a_figure_in_a_relative_clause_is_its_nouns(check_md, sentence, value):
    rule = "question.agency-spend"
    assert check_md(f"## Workforce\n\n{sentence}\n", rule).facts["agency_spend_percent"] == value


# A draft's grid keeps its own tracking columns after the answers: who writes each and how far it has got.
TRACKED_GRID = """\
# Ashby Vale District Council: productivity plan (draft)

| Question | Draft response | Lead | Status |
|---|---|---|---|
| How have you transformed the way you design and deliver services? | In 2022 we merged three contact centres into one Customer Hub with one case system, and average call waits fell from eight minutes to three. In 2023 we brought grounds maintenance back in house, saving £180,000 a year. Online forms now take 56% of missed bin reports. | Head of Customer Services | Complete |
| How do you plan to use technology and data? | TBC | Head of Digital | Not started |
| What proportion of your paybill is spent on trade union facility time? | 0.05% in 2023/24. | HR | Complete |
"""


def test_a_grid_is_read_without_the_columns_that_track_its_drafting(check_md):
    report = check_md(TRACKED_GRID, "theme.transformation", "theme.technology-data", FACILITY_TIME)
    assert status(report, "theme.transformation") == "pass"
    # An answer left "TBC" is a heading over drafting text, not a thin answer in a table's cell.
    assert status(report, "theme.technology-data") == "fail"
    assert report.facts["facility_time_percent"] == 0.05


def test_a_grid_whose_header_names_its_answers_is_read_as_one_whatever_their_length(check_md):
    # Labels that are not questions, answers of a few words, a reference column before them and an
    # owner after: the header ("Our response") says which column answers.
    text = ("## Annex B: workforce questions\n\n"
            "| No | Question | Our response | Owner |\n|---|---|---|---|\n"
            "| B1 | Percentage of total staff budget spent on consultants | 0.8% in 2023/24. | Finance |\n"
            "| B2 | Proportion of paybill spent on trade union facility time | Negligible. Two representatives take "
            "time off as needed. | HR |\n")
    report = check_md(text, CONSULTANTS, FACILITY_TIME)
    assert status(report, CONSULTANTS) == "pass"
    assert report.facts["consultant_spend_percent"] == 0.8
    assert status(report, FACILITY_TIME) == "partial"


def test_an_action_tracker_is_no_grid(tmp_path):
    from plancheck.grids import unfold

    path = tmp_path / "plan.md"
    path.write_text("## Actions\n\n| Action | Owner | Due | RAG |\n|---|---|---|---|\n"
                    "| Roll out mobile working to the repairs operatives | Head of Repairs | March 2025 | Green |\n"
                    "| Move the revenues system to the cloud | Head of Digital | June 2025 | Amber |\n", encoding="utf-8")
    document = read_document(path, ReadOptions(pages="estimate"))
    assert unfold(document) is document


def test_a_heading_naming_the_subject_and_its_base_says_whose_share_a_bare_figure_is(check_md):
    report = check_md("## Workforce\n\n### Consultants as a share of the total staff budget\n\n0.8% in 2023/24.\n\n"
                      "### Agency staff\n\nWe use the regional framework for all agency bookings.\n", CONSULTANTS)
    assert report.facts["consultant_spend_percent"] == 0.8


def test_a_disposal_authoritys_waste_is_refuse_too(check_md):
    # A county disposes of what its districts collect: residual waste, a municipal waste strategy and
    # transfer stations are refuse, however the sentences about them are worded.
    rule = "theme.wasteful-spend"
    text = ("# Plan (extract)\n\n## 3. Reducing waste\n\n"
            "In 2021 we agreed a joint municipal waste strategy with the districts. Reducing that waste, and the "
            "cost of disposing of it, is one of our biggest opportunities. We will open a new transfer station at "
            "Harrowby in 2025, reducing haulage mileage by 9%. We aim to cut residual waste per household from 468 kg "
            "to 420 kg by 2027.\n")
    assert status(check_md(text, rule), rule) == "fail"


def test_barriers_told_as_pressures_with_no_ask_are_a_thin_answer(check_md):
    # No heading, no ask of government: pressures named in general are the theme, thinly answered.
    text = ("Demand for our services has grown year on year. The costs of delivering them have risen sharply, and "
            "the labour market remains tight. The way local government is funded makes it difficult to plan for the "
            "longer term, and the uncertainty this creates affects almost every decision we take. These pressures "
            "affect our ability to invest in new ways of working.\n")
    report = check_md(text, "theme.barriers", "question.government-asks")
    assert status(report, "theme.barriers") == "partial"
    assert status(report, "question.government-asks") == "fail"


@pytest.mark.parametrize("future", [
    # Reporting on the plan is a step on the document, not a plan for services.
    "We will report progress on this plan to the Scrutiny Committee twice a year.",
    "We will keep the plan under review.",
    # Looking forward to something is a wish.
    "We look forward to a constructive conversation about the future of local government.",
])
def test_a_future_about_the_plan_itself_or_only_looked_forward_to_is_no_plan(check_md, future):
    rule = "content.past-and-future"
    text = f"## Our council\n\nSince 2020 we have merged five directorates into three and saved £2.1m a year. {future}\n"
    assert status(check_md(text, rule), rule) == "partial"


@pytest.mark.parametrize("rows, expected", [
    # Hours and cost in the subject's rows discuss it; its share is still not given.
    ("| Trade union facility time – hours | 3,210 | 2,940 |\n| Trade union facility time – cost | £66,000 | £61,000 |\n"
     "| Trade union facility time – % of pay bill | TBC | TBC |\n", "partial"),
    # Blanks are no figures, whatever year they are due for.
    ("| Trade union facility time – % of pay bill | TBC | TBC (due 2024/25) |\n", "fail"),
])
def test_other_figures_in_the_subjects_row_discuss_it(check_md, rows, expected):
    text = f"## Workforce\n\n| Measure | 2022/23 | 2023/24 |\n|---|---|---|\n{rows}"
    assert status(check_md(text, FACILITY_TIME), FACILITY_TIME) == expected


@pytest.mark.parametrize("measuring, expected", [
    # Plans with how their effect will be measured denied: answered in part.
    ("How we will measure these has not yet been decided.", "partial"),
    # Measures named without their targets are still a way of measuring.
    ("We will track the share of contacts handled online; we have not yet set targets for it.", "pass"),
])
def test_transformation_plans_whose_measuring_is_denied_are_answered_in_part(check_md, measuring, expected):
    rule = "question.transformation-plans"
    text = ("## Transforming services\n\nWe will review housing and homelessness services from September 2024, "
            f"and move to a single customer contact centre by April 2026. {measuring}\n")
    assert status(check_md(text, rule), rule) == expected


def test_a_grid_row_asked_and_answered_in_lettered_parts_is_one_question_per_part(check_md):
    text = ("## Our answers on spend\n\n| Question | Our response |\n|---|---|\n"
            "| What percentage of total staff budget is spent on a) agency and b) consultants? | a) Nil. We employ "
            "no agency staff; the last placement ended in March 2023. b) 1.9% of the staff budget in 2023/24, down "
            "from 2.6% in 2022/23. |\n"
            "| How many EDI champions do you have? | We have 12 EDI champions across the council. |\n")
    report = check_md(text, "question.agency-spend", CONSULTANTS)
    assert status(report, "question.agency-spend") == "pass"
    assert status(report, CONSULTANTS) == "pass"
    assert report.facts["agency_spend_percent"] == 0
    assert report.facts["consultant_spend_percent"] == 1.9


@pytest.mark.parametrize("label, answer, expected", [
    # Letters that run from "a" in both: one pair for each part, with the question's own words.
    ("Of the staff budget, what share is spent on (a) agency staff, (b) consultants?", "(a) 3.1%. (b) 0.4%.",
     [("Of the staff budget, what share is spent on agency staff?", "3.1%."),
      ("Of the staff budget, what share is spent on consultants?", "0.4%.")]),
    # An answer not lettered like its question is one answer.
    ("What is spent on a) agency and b) consultants?", "Both are under 2% of the staff budget.", None),
    # Letters that do not start at "a" are no parts.
    ("What is spent on b) agency and c) consultants?", "b) 2%. c) 1%.", None),
])
def test_lettered_parts_of_a_grid_row(label, answer, expected):
    from plancheck.grids import by_letter

    assert by_letter(label, answer) == expected


@pytest.mark.parametrize("future, expected", [
    # The plan's own forward plans left to its authors: the futures said elsewhere count only in part.
    ("Plans for the next two years: TBC.", "partial"),
    ("[Add 2024-26 transformation programme here once the Corporate Plan refresh is agreed]", "partial"),
    # What the council cannot do is a barrier, not a lack in the plan.
    ("We cannot plan a three-year transformation programme on a one-year settlement.", "pass"),
    # A note asking for more of what the plan gives concedes that some is there.
    ("- a review of waste rounds in 2025;\n- [POL: the 2024-26 programme list is still with CLT - add the other "
     "workstreams when agreed]", "pass"),
])
def test_forward_plans_left_to_the_authors_are_missing_from_the_plan(check_md, future, expected):
    rule = "content.past-and-future"
    text = ("## Our council\n\nSince 2020 we have moved 12 services online and reduced our office space by a third. "
            "We will open a new customer hub in the town hall in 2025.\n\n"
            f"## Looking ahead\n\n{future}\n")
    assert status(check_md(text, rule), rule) == expected


def test_a_lack_the_council_cannot_yet_fill_is_still_a_lack(check_md):
    # Only not being able to plan is a barrier; "we cannot agree KPIs" says the plan has none.
    rule = "metrics.kpis"
    text = ("## Measuring progress\n\nWe track the number of households in temporary accommodation, which was 212 "
            "in March 2024. We cannot agree KPIs for this plan until the 2025/26 budget is set in February.\n")
    report = check_md(text, rule)
    assert status(report, rule) != "pass"
    assert "not in place yet" in next(r.message for r in report.results if r.rule.id == rule)


@pytest.mark.parametrize("measuring, expected", [
    # A note to the authors asking how the plans will be measured: the measuring is not written yet.
    ("[Transformation team: add how each workstream will be measured once the KPI set is agreed]", "partial"),
    # A note asking for something else leaves the plans answered.
    ("[Comms team: add a photograph of the new contact centre]", "pass"),
    # So does one asking for more of what the answer gives.
    ("[Transformation team: add how the other workstreams will be measured]", "pass"),
])
def test_transformation_plans_with_a_note_asking_how_they_will_be_measured(check_md, measuring, expected):
    rule = "question.transformation-plans"
    text = ("## Transforming services\n\nWe will review housing and homelessness services from September 2024, "
            f"and move to a single customer contact centre by April 2026.\n\n{measuring}\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("answer, expected", [
    # The letter's wording of the theme over its questions and a note to the authors: still to be written,
    # whatever a sentence elsewhere says of systems.
    ("[Digital team to complete - 300 words max]", "fail"),
    # The council's own words under it are an answer, however thin.
    ("We moved all staff onto Microsoft 365 in 2023 and will replace the revenues system by March 2026.",
     "partial"),
])
def test_the_themes_wording_pasted_over_only_drafting_text_is_no_answer(check_md, answer, expected):
    rule = "theme.technology-data"
    text = ("1. TRANSFORMING SERVICES\n\nSince 2021 we have replaced the housing repairs system and cut repair "
            "times by a third.\n\n"
            "2. How you plan to take advantage of technology and make better use of data to improve decision "
            "making, service design and use of resources.\n\n"
            "- are there particular barriers from legacy systems?\n\n"
            f"{answer}\n\n"
            "3. REDUCING WASTEFUL SPEND\n\nEvery purchase over £10,000 now goes to our Spend Control Board, which "
            "stopped £400,000 of spending in 2023/24.\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("budget, value", [
    # A whole given for two years is the part's year's: 2.42 of 38.4, not of 36.1.
    ("Our total staff budget was £36.1m in 2022/23 and £38.4m in 2023/24.", 6.3),
    ("Our total staff budget was £38.4m in 2023/24 and £36.1m in 2022/23.", 6.3),
    # A whole given for one year only stays the whole.
    ("Our total staff budget was £36.1m.", 6.7),
])
def test_a_whole_given_for_two_years_is_the_parts_years(check_md, budget, value):
    rule = "question.agency-spend"
    text = (f"## Workforce\n\n{budget} Agency workers cost £2.96m in 2022/23 and £2.42m in 2023/24. Most of that "
            "spend is in our housing repairs service.\n")
    assert check_md(text, rule).facts["agency_spend_percent"] == value


@pytest.mark.parametrize("ask, expected", [
    # Naming those the plan is written to makes no ask specific.
    ("We would welcome greater flexibility and freedom to innovate. We look forward to working in partnership "
     "with Government and the Local Government Association to address these barriers, and we would be pleased "
     "to contribute to the work of the Minister's productivity panel.", "partial"),
    # An ask of the Minister that names what it asks for is specific.
    ("We ask the Minister for a three-year funding settlement from 2025/26, and for the housing benefit subsidy "
     "for temporary accommodation to be uprated from its 2011 level.", "pass"),
])
def test_naming_the_minister_or_the_lga_makes_no_ask_specific(check_md, ask, expected):
    rule = "question.government-asks"
    text = ("## Barriers and what government can do\n\nFunding has not kept pace with demand, and the uncertainty "
            f"makes it harder to plan for the longer term.\n\n{ask}\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Legacy told by what the systems are like touches the question, naming no system.
    ("Like many councils, we have inherited systems that are not always as joined up as we would like.", "partial"),
    ("Some of our systems are older and less flexible than we would like.", "partial"),
    # Older residents are no older systems.
    ("We run digital skills sessions for older residents in all our libraries.", "fail"),
])
def test_legacy_systems_told_by_what_they_are_like(check_md, sentence, expected):
    rule = "question.legacy-systems"
    text = ("## Technology and data\n\nWe moved all staff onto Microsoft 365 in 2023 and now publish our "
            f"performance data on an open dashboard each quarter. {sentence}\n")
    assert status(check_md(text, rule), rule) == expected


def test_a_count_in_the_footnote_a_sentence_cites_is_its_count(check_md):
    rule = "question.edi"
    text = ("## Equality, diversity and inclusion\n\nCore EDI training is part of induction and takes half a day. "
            "We support six staff networks and a network of EDI champions[^2].\n\n"
            "[^2]: At 31 March 2024 we had eleven EDI champions, one in each service area.\n")
    assert check_md(text, rule).facts["edi_champions"] == 11


@pytest.mark.parametrize("paragraph, expected", [
    # "Waste" in a paragraph about bins is refuse, not the organisation's waste.
    ("Reducing waste has been one of our priorities since 2021, and we have saved money by reviewing it. Our "
     "household waste service moved to weekly food caddies in 2023. Fly-tipping reports fell by 12% after we "
     "added two enforcement officers.", "fail"),
    # Waste found in the organisation is the answer, refuse beside it or not.
    ("Our spending panel reviews every purchase over £5,000 and stopped £410,000 of spending in 2023/24. "
     "We report what it stopped to Cabinet each quarter.", "pass"),
])
def test_refuse_beside_waste_is_no_answer_to_how_waste_is_found(check_md, paragraph, expected):
    rule = "question.waste-approach"
    text = f"## Reducing wasteful spend\n\n{paragraph}\n"
    assert status(check_md(text, rule), rule) == expected


GENERIC_WASTE = ("We are committed to making every pound count. We keep our spending under close review. "
                 "Our managers understand the importance of value for money. We continue to look for "
                 "efficiencies wherever we can. We will keep challenging ourselves to do better. We believe "
                 "there is always more to do. Our approach is rooted in good financial management. We want "
                 "residents to have confidence in how we spend their money. ")
SPECIFIC_WASTE = ("In 2023/24 our vacancy panel held 21 posts vacant, saving £610,000. Every purchase over "
                  "£2,500 now needs a director's sign-off. We reviewed 57 contracts in 2023 and ended 9 of them. ")


@pytest.mark.parametrize("body, expected", [
    # Three specifics among many sentences of general intent: a thin answer.
    (GENERIC_WASTE + SPECIFIC_WASTE + "We will keep this under review.", "partial"),
    # The same three in a section that is mostly made of them: an answer.
    ("We keep our spending under close review. " + SPECIFIC_WASTE, "pass"),
])
def test_a_few_specifics_among_many_generalities_are_a_thin_answer(check_md, body, expected):
    rule = "theme.wasteful-spend"
    text = f"## Reducing wasteful spend\n\n{body}\n"
    assert status(check_md(text, rule), rule) == expected


SUMMARY_GRID = ("## Supplementary questions\n\n| Question | Our answer |\n|---|---|\n"
        "| Time and money spent on EDI training | About £18,400 on external courses in 2023/24; every new starter "
        "completes two hours of e-learning. |\n"
        "{rows}"
        "| Shared office functions with other councils | We share internal audit and ICT with our neighbouring "
        "district, which saves about £180,000 a year. |\n")


@pytest.mark.parametrize("row, fact, value", [
    # Two years in one cell, each in brackets after its figure: the latest is the answer.
    ("| Agency staff, % of total staff budget | 12.6% (2022/23); 10.9% (2023/24) |\n", "agency_spend_percent", 10.9),
    # A label that says its figure is in per cent makes a bare number one.
    ("| Trade union facility time (% of paybill) | 0.09 |\n", "facility_time_percent", 0.09),
    # A label asking the number is answered by a bare count, a page number though it looks like one.
    ("| Number of EDI champions | 9 |\n", "edi_champions", 9),
    ("| Number of EDI champions | seven |\n", "edi_champions", 7),
])
def test_a_summary_grid_gives_its_figures_as_its_labels_say(check_md, row, fact, value):
    report = check_md(SUMMARY_GRID.format(rows=row), "question.")
    assert report.facts[fact] == value


def test_a_themes_number_before_its_wording_is_no_sentence_of_the_theme_before(check_md):
    # "THEME 3." is no specific sentence of the council's own under theme 2's last question.
    rule = "theme.technology-data"
    text = ("THEME 2. How you plan to take advantage of technology and make better use of data to improve decision "
            "making, service design and use of resources.\n\n"
            "Are there particular barriers from legacy systems?\n\nResponse: [Digital team to complete]\n\n"
            "Are there opportunities to use new technology to improve workflows and systems?\n\n"
            "Response: [Digital team to complete]\n\n"
            "THEME 3. Your plans to reduce wasteful spend within your organisation and systems.\n\n"
            "How do you approach identifying and reducing waste in the organisation?\n\n"
            "Response: A vacancy control panel has been in place since 2023 and all requests to recruit go to it.\n")
    assert status(check_md(text, rule, name="plan.txt"), rule) == "fail"


@pytest.mark.parametrize("answer, expected", [
    # The question asked in the letter's words over "TBC" is the plan's place for the answer: text under a
    # heading that only names the topic does not fill it.
    ("Response: TBC", "fail"),
    ("Response: We track cost per transaction and days lost to sickness for every service, and report both "
     "to Cabinet each quarter.", "pass"),
])
def test_a_blank_place_for_the_answer_is_not_filled_by_a_heading_naming_the_topic(check_md, answer, expected):
    rule = "question.measuring-productivity"
    text = ("ASHBY COUNCIL PRODUCTIVITY PLAN\n\nHow do you measure productivity in your organisation?\n\n"
            f"{answer}\n\n"
            "OUR APPROACH TO PRODUCTIVITY\n\n"
            "We believe that a productive council is one that makes the best possible use of every pound it "
            "spends and every hour its staff work, while keeping the needs of residents at the centre of "
            "everything it does. These principles have guided our work for several years.\n")
    assert status(check_md(text, rule, name="plan.txt"), rule) == expected


@pytest.mark.parametrize("sentence, expected", [
    # The final draft is the plan: members will see it, and no decision on it is stated.
    ("The final draft will be presented to Cabinet on 23 July 2024 for information.", "partial"),
    ("The final draft was approved by Cabinet on 23 July 2024.", "pass"),
    # A draft of another document is not the plan.
    ("The final draft budget will be presented to Cabinet on 23 July 2024.", "fail"),
])
def test_the_final_draft_is_the_plan(check_md, sentence, expected):
    rule = "governance.member-endorsement"
    text = f"## Governance\n\n{sentence} Once finalised the plan will be published on the council's website.\n"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("answer, expected", [
    # Considered, under the question: it touches the question and does not answer it.
    ("We are keen to explore how artificial intelligence and automation could improve workflows and free up "
     "staff time, and we will take a safe and ethical approach to doing so.", "partial"),
    # Done, under the question: an answer.
    ("We use automation to process benefit change forms overnight, and a web chat assistant now answers "
     "questions about bin days and council tax for residents at any hour.", "pass"),
])
def test_technology_only_considered_under_the_question_touches_it(check_md, answer, expected):
    rule = "question.new-technology"
    text = ("# Our plan\n\n## Are there opportunities to use new technology such as predictive analytics and AI?\n\n"
            f"{answer}\n")
    assert status(check_md(text, rule), rule) == expected


def test_a_blank_place_for_the_answer_ends_at_the_next_copied_question(check_md):
    # The answer to the EDI question, after its copy, is no answer in the invest-to-save question's place.
    rule = "question.invest-to-save"
    text = ("ASHBY COUNCIL PRODUCTIVITY PLAN\n\nWhere have you followed invest to save and what was the result?\n\n"
            "Response: TBC\n\n"
            "How much time and money do you spend on staff EDI training (internal and external), networks, and other "
            "programmes? How many EDI Champions do you have as an organisation?\n\n"
            "Response: Our external EDI training cost £18,400 in 2023/24, and we have seven EDI champions.\n\n"
            "Our approach is to invest in our workforce and to change the way we do things where that will deliver "
            "better value.\n")
    report = check_md(text, rule, name="plan.txt")
    assert status(report, rule) == "fail"


@pytest.mark.parametrize("sentence, expected", [
    # One old system, and what it could not do.
    ("Our social care records moved from a 2009 on-premise system to a cloud case management system in March "
     "2024; the old system could not share records with the NHS.", "pass"),
    ("Our old housing system is expensive to run and cannot exchange data with the new customer portal.", "pass"),
])
def test_one_old_system_is_a_legacy_system(check_md, sentence, expected):
    rule = "question.legacy-systems"
    text = f"## Technology and data\n\n{sentence}\n"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("reply, expected", [
    # The letter's question about waste lends "progress" to no statement of the plan's own reporting.
    ("We review every purchase order above £10,000. The Panel's savings are tracked in a monthly report to the "
     "Corporate Leadership Team.", "fail"),
    # General performance reporting in the reply's own words is still the weaker statement.
    ("We review every purchase order above £10,000. Performance against our corporate measures is reported to "
     "Cabinet every quarter.", "partial"),
])
def test_the_letters_question_lends_no_words_to_general_reporting(check_md, reply, expected):
    rule = "governance.progress-reporting"
    text = ("# Plan\n\n### How do you approach identifying and reducing waste in the organisation? How do you "
            f"monitor progress?\n\n{reply}\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("sentences, expected, body", [
    # A sentence that denies the endorsement borrows no approval from the sentence before it.
    ("It was approved by the Chief Executive under officer delegated powers on 17 July 2024. Members have not "
     "been asked to endorse it.", ("partial", "fail"), None),
    # Read with the sentence before, an approval the sentence itself states is still an endorsement.
    ("It was shared with the Leader on 1 July 2024. Cabinet approved it on 9 July 2024.", ("pass",), "Cabinet"),
])
def test_a_denied_endorsement_borrows_no_approval_from_the_sentence_before(check_md, sentences, expected, body):
    rule = "governance.member-endorsement"
    report = check_md(f"## Governance\n\nThis is our productivity plan. {sentences}\n", rule)
    assert status(report, rule) in expected
    assert (report.facts["endorsement"] or {}).get("body") == body


@pytest.mark.parametrize("status_line, expected, body", [
    # The document says what it is: a draft, with a word or two before it, is the plan.
    ("This is a working draft.", "pass", "Cabinet"),
    ("This is a second consultation draft.", "pass", "Cabinet"),
    # Another document's draft is not.
    ("This is a working draft of the budget.", "fail", None),
])
def test_a_draft_named_with_a_word_before_it_is_the_plan(check_md, status_line, expected, body):
    rule = "governance.member-endorsement"
    text = (f"## Status of this document\n\n{status_line} It will be presented to Cabinet on 16 July 2024 for "
            "approval, and will be submitted to the Department after Cabinet has approved it.\n")
    report = check_md(text, rule)
    assert status(report, rule) == expected
    assert (report.facts["endorsement"] or {}).get("body") == body


@pytest.mark.parametrize("sentence, expected", [
    # The documents the plan draws on were agreed; the plan was not.
    ("This plan draws on three documents that members have already agreed.", "fail"),
    # The plan itself agreed, with the documents it draws on in a sentence of their own, is endorsement.
    ("Cabinet agreed this plan on 9 July 2024. It draws on three documents that members had already agreed.",
     "pass"),
])
def test_members_agreeing_the_documents_a_plan_draws_on_is_no_endorsement(check_md, sentence, expected):
    rule = "governance.member-endorsement"
    assert status(check_md(f"## Governance\n\n{sentence}\n", rule), rule) == expected


@pytest.mark.parametrize("meeting, expected", [
    # A meeting still to come, after the day the plan went, named "as submitted": too late.
    ("Full Council on 23 July 2024 will be asked to endorse the plan as submitted.", "partial"),
    # The same meeting before the day it went still endorses it.
    ("Full Council on 16 July 2024 will be asked to endorse the plan as submitted.", "pass"),
])
def test_a_meeting_after_the_submission_is_too_late_whatever_the_sentence_calls_the_plan(check_md, meeting,
                                                                                         expected):
    rule = "governance.member-endorsement"
    text = ("## Governance\n\nCabinet received the plan on 9 July 2024 and noted its contents. The plan was "
            f"submitted to the Department on 19 July 2024.\n\n{meeting}\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("sentence, expected, body", [
    # The decision's agent is an officer: whatever else the sentence names, members did not decide.
    ("Because the timetable did not allow the plan to be taken to a Cabinet meeting before 19 July, it was "
     "approved by the Chief Executive under delegated powers on 12 July 2024.", ("partial", "fail"), None),
    ("Cabinet noted the plan on 3 July 2024 and asked that any further changes be agreed between officers.",
     ("partial",), None),
    # An officer's decision taken with a member is still the member's part in it.
    ("The plan was approved by the Chief Executive in consultation with the Leader on 12 July 2024.",
     ("pass",), "Leader"),
    ("The plan was signed off by the Chief Executive and the Leader on 12 July 2024.", ("pass",), "Leader"),
    # Members who decide are named as the agent as before.
    ("The plan was approved by Cabinet on 12 July 2024.", ("pass",), "Cabinet"),
])
def test_a_decision_whose_agent_is_an_officer_is_the_officers(check_md, sentence, expected, body):
    rule = "governance.member-endorsement"
    report = check_md(f"## Governance\n\n{sentence}\n", rule)
    assert status(report, rule) in expected
    assert (report.facts["endorsement"] or {}).get("body") == body


@pytest.mark.parametrize("sentence, expected", [
    # The plan called by the version that went.
    ("The version submitted on 19 July 2024 is available on the council's website, on the \"Council budget and "
     "performance\" page.", "pass"),
    ("The submitted version can be found on the council's website, under Council and democracy.", "pass"),
    # The council's website in general is not the plan's publication.
    ("Details of council meetings are available on the council's website, on the \"Council budget and "
     "performance\" page.", "fail"),
])
def test_the_version_submitted_is_the_plan(check_md, sentence, expected):
    rule = "governance.publication"
    text = f"## Publication\n\nCabinet approved the plan on 9 July 2024.\n\n{sentence}\n"
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("governance, date", [
    # The decision a delegation hands on is the endorsement, and its date the fact's.
    ("Cabinet on 19 June 2024 delegated approval of the final plan to the Leader of the Council. The plan was "
     "signed off by the Leader of the Council, Councillor Maureen Adeyemi, on 15 July 2024.", "15 July 2024"),
    # In either order.
    ("The plan was signed off by the Leader of the Council on 15 July 2024. Cabinet had on 19 June 2024 "
     "delegated approval of the final plan to the Leader.", "15 July 2024"),
    # A delegation with no decision after it stays the one dated.
    ("Cabinet on 19 June 2024 delegated approval of the final plan to the Leader of the Council.", "19 June 2024"),
])
def test_the_decision_a_delegation_hands_on_dates_the_endorsement(check_md, governance, date):
    rule = "governance.member-endorsement"
    report = check_md(f"## Governance\n\n{governance}\n", rule)
    assert status(report, rule) == "pass"
    assert report.facts["endorsement"]["date"] == date


@pytest.mark.parametrize("title, expected", [
    # A run-in title that names with a clause of a few words is read with its paragraph.
    ("Where the savings potential is greatest.", "pass"),
    # A short title, as before.
    ("Savings potential.", "pass"),
])
def test_a_run_in_title_naming_with_a_clause_is_read_with_its_paragraph(check_md, title, expected):
    rule = "question.savings-potential"
    text = (f"## Changing how we work\n\n**{title}** Our largest single service is waste and recycling collection. "
            "We expect route optimisation and four-day collection rounds to cut its cost by between £300,000 "
            "and £350,000 a year from 2025/26. The pattern was piloted on two rounds in autumn 2023.\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Software bought is spending, not a use of new technology: it names software, and answers nothing.
    ("In 2023/24 the review identified £186,000 of savings, including £42,000 of software that had been bought "
     "twice by different teams.", "partial"),
    # Software doing a task is.
    ("Since March 2024 software reads incoming planning emails and routes them to the right officer, saving "
     "about 900 hours a year.", "pass"),
])
def test_software_bought_is_no_use_of_new_technology(check_md, sentence, expected):
    rule = "question.new-technology"
    text = ("## Technology and data\n\nWe have moved our finance system to the cloud.\n\n"
            f"## Reducing wasteful spend\n\n{sentence}\n")
    assert status(check_md(text, rule), rule) == expected


@pytest.mark.parametrize("sentence, expected", [
    # The means of recording still being developed: EDI touched, not answered.
    ("We support staff networks and provide EDI training as part of induction, and we are developing a way to "
     "record the time staff spend on this activity.", "partial"),
    # Recorded already: an answer.
    ("We support staff networks and provide EDI training as part of induction, and we record the time staff "
     "spend on this activity under its own timesheet code.", "pass"),
])
def test_a_way_of_doing_it_still_being_developed_is_no_answer(check_md, sentence, expected):
    rule = "question.edi"
    assert status(check_md(f"## Our workforce\n\n{sentence}\n", rule), rule) == expected


@pytest.mark.parametrize("amount, expected, fact", [
    # An amount under a million written in millions is an amount, not a nil.
    ("£0.86m", "partial", None),
    ("£0.4 million", "partial", None),
    # None in pounds is a nil.
    ("£0", "pass", 0),
    ("£0.00", "pass", 0),
])
def test_an_amount_under_a_million_is_no_nil(check_md, amount, expected, fact):
    rule = "question.agency-spend"
    report = check_md(f"## Our workforce\n\nAgency spend in 2023/24 was {amount}.\n", rule)
    assert status(report, rule) == expected
    assert report.facts["agency_spend_percent"] == fact


@pytest.mark.parametrize("sentence, expected, fact", [
    # Shares of time are no share of the pay bill.
    ("Trade union facility time took 0.18% of total paid working hours, and 41% of facility time hours were "
     "spent on paid trade union activities.", "partial", None),
    # The pay bill's share beside them is the fact.
    ("Facility time took 0.18% of total paid working hours and cost 0.07% of the pay bill.", "pass", 0.07),
])
def test_a_share_of_hours_is_no_share_of_the_pay_bill(check_md, sentence, expected, fact):
    rule = "question.facility-time"
    report = check_md(f"## Our workforce\n\n{sentence}\n", rule)
    assert status(report, rule) == expected
    assert report.facts["facility_time_percent"] == fact


@pytest.mark.parametrize("opening, expected_date", [
    # The decision came after the meeting it points back to: that meeting's date is not its own.
    ("Following that meeting the plan was approved", None),
    ("The plan was subsequently approved", None),
    # Pointing back with no word of order: the meeting named is the decision's, with its date.
    ("At that meeting the plan was approved", "2 July 2024"),
])
def test_a_decision_after_the_meeting_it_points_back_to_does_not_take_that_meetings_date(
        check_md, opening, expected_date):
    report = check_md(f"""
        # Productivity plan 2024

        ## Governance

        The draft plan was presented to the Corporate Overview and Scrutiny Committee on 2 July 2024.
        {opening} by the Portfolio Holder for Corporate Resources.
        """, "governance.member-endorsement")
    assert status(report, "governance.member-endorsement") == "pass"
    assert report.facts["endorsement"]["body"] == "Portfolio Holder for Corporate Resources"
    assert report.facts["endorsement"]["date"] == expected_date


def test_a_decision_after_the_meeting_takes_its_date_from_the_sign_off_table(check_md):
    report = check_md("""
        # Productivity plan 2024

        ## Governance

        The draft plan was presented to the Corporate Overview and Scrutiny Committee on 2 July 2024. The
        Committee noted it. Following that meeting the plan was approved by the Portfolio Holder for Corporate
        Resources under the delegated decision shown below.

        | | |
        |---|---|
        | Approved by | Councillor Imogen Tate, Portfolio Holder for Corporate Resources |
        | Date approved | 11 July 2024 |
        """, "governance.member-endorsement")
    assert report.facts["endorsement"]["date"] == "11 July 2024"


@pytest.mark.parametrize("citing, expected", [
    # The citing sentence states an aim; the note gives the figure as it stands.
    ("Agency spend has fallen for two years running[^1] and we aim to bring it below 5 per cent of the staff "
     "budget by 2026.", 6.3),
    ("Agency spend has fallen for two years running.[^1]", 6.3),
])
def test_a_note_gives_todays_figure_even_when_the_sentence_citing_it_states_an_aim(check_md, citing, expected):
    report = check_md(f"""
        # Productivity plan 2024

        ## Our workforce

        {citing}

        [^1]: Agency staff made up 7.9 per cent of the total staff budget in 2022/23 and 6.3 per cent in 2023/24.
        """, "question.agency-spend")
    assert status(report, "question.agency-spend") == "pass"
    assert report.facts["agency_spend_percent"] == expected


def test_an_aim_in_the_same_sentence_as_the_figure_is_still_an_aim(check_md):
    report = check_md("""
        # Productivity plan 2024

        ## Our workforce

        Agency spend has fallen, and we aim to bring it below 5 per cent of the staff budget by 2026.
        """, "question.agency-spend")
    assert report.facts["agency_spend_percent"] is None


@pytest.mark.parametrize("sentence, expected", [
    # An earlier year's figure in brackets, as exact as the first: not a restatement of it.
    ("Consultants: £2.0m, 1.4% of the staff budget (1.9% in 2022/23).", 1.4),
    # A round figure restated exactly in brackets: the exact one.
    ("Consultants cost around 4% of the staff budget (4.2% in 2023/24).", 4.2),
    ("Consultants cost just over one per cent of the staff budget (1.2%).", 1.2),
])
def test_a_bracketed_figure_restates_the_one_before_only_when_it_is_more_exact(check_md, sentence, expected):
    report = check_md(f"""
        # Productivity plan 2024

        ## Our workforce

        {sentence}
        """, "question.consultant-spend")
    assert report.facts["consultant_spend_percent"] == expected


@pytest.mark.parametrize("whole_sentence, expected", [
    # The whole changed: the amount it went to is the year's whole.
    ("Over the same period the total staff budget rose from £219m to £231m.", 4.2),
    ("Over the same period the total staff budget rose from £219m in 2022/23 to £231m.", 4.2),
])
def test_a_whole_that_changed_is_the_amount_it_went_to(check_md, whole_sentence, expected):
    report = check_md(f"""
        # Productivity plan 2024

        ## Our workforce

        Agency spend in 2023/24 was £9.8m, down from £11.6m in 2022/23. {whole_sentence}
        """, "question.agency-spend")
    assert report.facts["agency_spend_percent"] == expected


def test_an_amount_still_aimed_at_is_not_the_amount_spent(check_md):
    report = check_md("""
        # Productivity plan 2024

        ## Our workforce

        Our total staff budget for 2023/24 was £40m. We aim to cut agency spend from £2.0m to £1.5m by 2026.
        """, "question.agency-spend")
    assert report.facts["agency_spend_percent"] == 5.0


@pytest.mark.parametrize("number", ["4.4 ", "Q4.4 ", ""])
def test_a_copied_question_is_recognised_whatever_number_it_opens_with(check_md, number):
    # "What would you need to remove them?" is the letter's question in a few words; a number before it
    # is the plan's, and does not make it the council's own words.
    report = check_md(f"""
        # Productivity plan 2024

        ## 4. Barriers

        Short-term, bid-based funding affects every service. In 2023/24 we made 14 bids and won five.

        {number}What would you need to remove them?

        Multi-year settlements from 2025/26. Local setting of planning fees, which cover only 60% of our costs.
        One un-ringfenced capital allocation for districts instead of competitive bidding pots such as the
        Levelling Up Fund.
        """, "question.government-asks")
    assert status(report, "question.government-asks") == "pass"


def test_a_numbered_heading_naming_a_theme_is_not_the_letters_words():
    from plancheck.analysis import PromptIndex
    from plancheck.packs import load_pack

    prompts = PromptIndex(load_pack("productivity-plan-2024").prompts)
    assert prompts.is_prompt("4.4 What would you need to remove them?")
    assert not prompts.is_prompt("4. REDUCING WASTEFUL SPEND")


def test_a_running_header_of_two_lines_between_rules_is_furniture_however_it_is_set(check_md):
    header = ("LYDGATE DISTRICT COUNCIL | PRODUCTIVITY PLAN 2024 | DRAFT v0.7\n"
              "Cabinet 16 July 2024 - Agenda Item 9 - Appendix A\n" + "-" * 70)
    filler = ("Our customer service centre answered 96,000 calls in 2023/24 and now resolves most enquiries at "
              "first contact. ") * 40
    pages = [f"{'-' * 70}\n{header}\n\n{filler}\n\nPage {number} of 3" for number in (1, 2, 3)]
    # The first page's header has no rule above it.
    pages[0] = pages[0][71:]
    report = check_md("\n\n".join(pages), ENDORSEMENT, name="plan.txt")
    # "Cabinet 16 July 2024 - Agenda Item 9" on every page is the report's furniture, not the plan
    # presented to Cabinet.
    assert status(report, ENDORSEMENT) == "fail"


SIGNATURE_LINES = """\
    PRODUCTIVITY PLAN 2024

    Our plan sets out what we have done since 2019 and what we will do over the next two years.

    SIGN-OFF

    Signed off for submission on behalf of the Council:

      {first}       12 July 2024

      Dr Anand Mehra, Chief Executive                       12 July 2024
    """


@pytest.mark.parametrize("first, expected, body", [
    # A member's signature, its date set in a column of its own, under the block's lead-in.
    ("Councillor Rhian Ostley, Leader of the Council", "pass", "Leader of the Council"),
    # Only officers signed: no member endorsed it.
    ("Priya Shah, Director of Resources", "fail", None),
])
def test_signatures_one_to_a_line_under_a_lead_in_are_a_sign_off(check_md, first, expected, body):
    report = check_md(SIGNATURE_LINES.format(first=first), ENDORSEMENT, name="plan.txt")
    assert status(report, ENDORSEMENT) == expected
    assert (report.facts["endorsement"] or {}).get("body") == body
    if body:
        assert report.facts["endorsement"]["date"] == "12 July 2024"


KEPT_SECTION_THIN = """\
# Ormsby Vale Council – Productivity Plan 2024

## 2. Technology and data

**Systems.** We moved revenues and benefits to a cloud system in 2023 and closed our server room in
March 2024. Residents now book bulky waste and pay for parking permits online.

**Using data.** Our housing dashboard, built in Power BI, shows repairs demand by estate each week.
It has cut the time to plan void repairs from ten days to four.

**Records.** Each of our nine main systems has a named data owner, and we check housing
records for duplicates every quarter. Duplicate tenancy records fell from 3.1% to 0.6% in a year.
We publish all spending over £250 and our contracts register on our website each month.

## 3. Reducing wasteful spend

{section}

## 4. Barriers

We ask for a multi-year settlement.
"""


@pytest.mark.parametrize("section, expected", [
    # The plan's own place for the theme holds one control and notes to its authors: a thin answer,
    # which a transparency paragraph in the technology section does not make up.
    ("Since January 2024 every purchase over £10,000 has needed the approval of our Spend Board. "
     "[Finance to add the value of spend stopped in 2023/24.]\n\n"
     "[Procurement to add a paragraph on contract reviews.]\n\n"
     "[HR to add the agency figures.]", "partial"),
    # Answered in its own section, it passes.
    ("Since January 2024 every purchase over £10,000 has needed the approval of our Spend Board, "
     "which stopped £640,000 of spend in its first year. We re-let our cleaning and security "
     "contracts in 2023, saving £210,000 a year. Every vacancy now goes to a panel chaired by the "
     "Chief Executive, which left 14 posts unfilled in 2023/24.", "pass"),
])
def test_a_thin_section_kept_for_the_theme_is_not_made_up_by_a_paragraph_elsewhere(check_md, section, expected):
    report = check_md(KEPT_SECTION_THIN.format(section=section), "theme.wasteful-spend")
    assert status(report, "theme.wasteful-spend") == expected


@pytest.mark.parametrize("text, expected", [
    # What members agreed in 2022 is the programmes the plan is built on, not the plan.
    ("Since 2019 we have saved £96m, and this plan explains how. It is built around the two programmes "
     "that our Cabinet agreed in 2022: Better Together and Every Pound Counts.", "partial"),
    ("This plan follows the priorities which Full Council adopted in February 2023.", "partial"),
    # A relative clause on the plan itself is its endorsement.
    ("This is the plan that Cabinet approved on 9 July 2024.", "pass"),
    ("The draft that members agreed on 9 July 2024 is attached.", "pass"),
])
def test_a_decision_in_a_relative_clause_is_on_the_thing_it_describes(check_md, text, expected):
    report = check_md(f"# Productivity Plan 2024\n\n{text}\n", ENDORSEMENT)
    assert status(report, ENDORSEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # Members noted the plan and left its approval to an officer: the approval is the officer's.
    ("Cabinet noted the draft plan on 26 June 2024 and delegated authority to the Director of Resources "
     "to approve the final version for submission.", "partial"),
    # With a member taking part in the delegated decision, it is still theirs.
    ("Cabinet noted the draft plan on 26 June 2024 and delegated authority to the Director of Resources, "
     "in consultation with the Leader, to approve the final version.", "pass"),
    # Members who endorsed the plan and left only the final wording to an officer endorsed it.
    ("Cabinet endorsed the draft plan on 26 June 2024 and delegated authority to the Director of "
     "Resources to approve the final version for submission.", "pass"),
])
def test_an_approval_delegated_to_an_officer_is_the_officers(check_md, text, expected):
    report = check_md(f"# Productivity Plan 2024\n\n## Governance\n\n{text}\n", ENDORSEMENT)
    assert status(report, ENDORSEMENT) == expected


def test_a_resolution_under_a_heading_that_names_its_meeting_was_that_meetings(check_md):
    text = ("# Productivity Plan 2024\n\nOur plan sets out what we have done and what we will do next.\n\n"
            "## Record of decision\n\n### Executive, 11 July 2024 – Productivity Plan\n\nRESOLVED:\n\n"
            "(1) That the draft Productivity Plan be endorsed.\n\n"
            "(2) That the Chief Executive, in consultation with the Leader, make any final changes before "
            "it is submitted.\n")
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"
    assert report.facts["endorsement"] == {"body": "Executive", "date": "11 July 2024"}


def test_a_lead_in_in_the_letters_words_still_introduces_the_councils_own_list(check_md):
    # "Over the next two years we plan to:" is mostly the letter's wording, but it says what the plans
    # listed under it are.
    text = ("# Productivity Plan 2024\n\n## People\n\nWe merged our two housing teams in 2023.\n\n"
            "Over the next two years we plan to:\n\n"
            "- extend the hospital discharge team to weekends, with Eastvale NHS Foundation Trust;\n"
            "- transfer our four community halls to local trusts on long leases, saving £90,000 a year.\n")
    report = check_md(text, "question.transformation-plans")
    assert status(report, "question.transformation-plans") == "pass"


def test_a_relative_clause_that_names_the_plan_after_its_verb_decides_the_plan(check_md):
    # "that" opens a reported statement here, and what Cabinet approved is named after the verb.
    report = check_md("# Productivity Plan 2024\n\nWe confirm that Cabinet approved this plan on 9 July 2024.\n",
                      ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"


@pytest.mark.parametrize("sentence, expected", [
    # "Systematically" is a way of working, not a system.
    ("We have not yet assessed value for money systematically across all 41 placements.", "fail"),
    ("We replaced our 2009 finance system with a cloud system in March 2024.", "partial"),
])
def test_systematic_work_is_no_system(check_md, sentence, expected):
    text = f"# Productivity Plan 2024\n\n## Our workforce\n\n{sentence}\n"
    report = check_md(text, "theme.technology-data")
    assert status(report, "theme.technology-data") == expected


def test_a_sign_off_table_whose_column_gives_name_and_role_records_the_members_decision(check_md):
    text = ("# Productivity Plan 2024\n\nThis plan was prepared by officers, with comments from Cabinet and "
            "the Scrutiny Board, and was agreed as shown in the sign-off table below.\n\n## Sign-off\n\n"
            "| Stage | Name and role | Date |\n|---|---|---|\n"
            "| Prepared | Head of Policy | 20 June 2024 |\n"
            "| Officer approval | Chief Executive | 1 July 2024 |\n"
            "| Member approval | Councillor Dev Rao, Cabinet Member for Finance – agreed | 10 July 2024 |\n")
    report = check_md(text, ENDORSEMENT)
    assert status(report, ENDORSEMENT) == "pass"
    assert report.facts["endorsement"] == {"body": "Cabinet Member for Finance", "date": "10 July 2024"}
