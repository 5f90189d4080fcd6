"""Term syntax (plancheck.terms) and document analysis (plancheck.analysis):
sentences, prompts copied from the letter, and drafting placeholders."""

from __future__ import annotations

import pytest

from plancheck.analysis import Analysis, PromptIndex, quote, split_sentences, tokens
from plancheck.document import HEADING, PARAGRAPH, Block, Document
from plancheck.terms import TermSet, term_set


def found(terms, text, unless=()):
    return [m.group(0) for m in TermSet("t", tuple(terms), tuple(unless)).finditer(text)]


# ---------------------------------------------------------------- term syntax

def test_plain_term_is_case_insensitive_on_word_boundaries():
    assert found(["cabinet"], "Cabinet agreed; the CABINET met; cabinetry; subcabinet") == ["Cabinet", "CABINET"]


def test_wildcard_takes_any_ending_but_only_at_the_end():
    assert found(["transform*"], "We transformed it, are transforming, a transformation. Untransformed.") == \
        ["transformed", "transforming", "transformation"]
    assert found(["endors*"], "endorse endorsed endorsement") == ["endorse", "endorsed", "endorsement"]


def test_a_numbered_star_between_words_stands_for_one_to_that_many_words():
    text = ("We opened the hub with the police. We opened it with care. We opened with a talk. "
            "We opened the new Ashwick hub with the Trust. We opened a very large new town hub with them.")
    assert found(["opened *4 with"], text) == [
        "opened the hub with", "opened it with", "opened the new Ashwick hub with"]
    assert found(["opened *2 with"], "opened the hub with") == ["opened the hub with"]
    assert found(["opened *2 with"], "opened the new hub with") == []


def test_equals_sign_makes_a_term_case_sensitive():
    assert found(["=EDI"], "EDI, edi and Edi") == ["EDI"]
    # "IT" the department, not "it" the pronoun
    assert found(["=IT"], "It is the IT service; we fund it.") == ["IT"]


def test_a_caret_matches_only_where_a_sentence_or_clause_opens():
    text = ("Give us three-year settlements. Our ask: give districts more. Councils give time — give it back; "
            "give notice. The powers they give us")
    assert found(["^give"], text) == ["Give", "give", "give", "give"]
    assert found(["^=Give"], text) == ["Give"]


def test_non_negates_a_term_and_an_expansion_may_stand_between_its_words():
    assert found(["pay spend", "agency staff"], "Non-pay spend fell; non-agency staff and pay spend rose.") == \
        ["pay spend"]
    assert found(["EDI champion*"], "We have no EDI (equality, diversity and inclusion) champions.") == \
        ["EDI (equality, diversity and inclusion) champions"]


def test_hyphen_is_optional_and_may_be_a_space():
    assert found(["e-learning"], "e-learning, e learning, elearning, E-Learning") == \
        ["e-learning", "e learning", "elearning", "E-Learning"]
    assert found(["invest-to-save"], "our invest to save scheme") == ["invest to save"]


def test_space_matches_any_run_of_white_space():
    assert found(["pay bill"], "the pay  bill, the pay\nbill") == ["pay  bill", "pay\nbill"]
    # ... but "pay bill" is a different term from "paybill"
    assert found(["pay bill"], "our paybill") == []


def test_apostrophe_matches_straight_and_curly():
    assert found(["doesn't work"], "funding doesn't work; it doesn’t work") == ["doesn't work", "doesn’t work"]


def test_unless_hides_matches_inside_a_blocked_phrase():
    terms = ["agency"]
    unless = ["environment agency", "multi-agency"]
    assert found(terms, "The Environment Agency and multi-agency teams", unless) == []
    assert found(terms, "The Environment Agency funds it; agency staff cost 4%", unless) == ["agency"]
    assert found(terms, "The Environment Agency and multi-agency teams") == ["Agency", "agency"]


def test_unless_phrases_that_overlap_each_hide_what_they_cover():
    # "most valuable" is found first; "valuable assets", which overlaps it, still hides "assets".
    unless = ["most valuable", "valuable asset*"]
    assert found(["assets"], "Data is one of our most valuable assets.", unless) == []
    assert found(["assets"], "We sold surplus assets; data is our most valuable resource.", unless) == ["assets"]


def test_term_set_builds_from_concepts_and_lists():
    concepts = {"a": TermSet("a", ("alpha",), ("alpha centauri",))}
    combined = term_set(["$a", "beta"], concepts)
    assert combined.matches("alpha") and combined.matches("beta")
    assert not combined.matches("alpha centauri")
    assert term_set("a", concepts) is concepts["a"]
    with pytest.raises(KeyError):
        term_set(["$missing"], concepts)


@pytest.mark.parametrize("text", ["4.5 per cent", "4.5%", "12 percent", "0.19%", "3 per cent", "20% "])
def test_percent_built_in_matches_figures_in_all_spellings(text):
    assert found(["@percent"], text) == [text.strip()]


def test_percent_built_in_needs_a_number():
    assert found(["@percent"], "a large per cent of the budget; percentages") == []


@pytest.mark.parametrize("text, expected", [
    ("saves £1.4m a year", "£1.4m"),
    ("cost £350 in total", "£350"),
    ("a £ 2bn gap", "£ 2bn"),
    ("about 3 million pounds", "3 million pounds"),
    ("£6,200 on training", "£6,200"),
])
def test_money_built_in(text, expected):
    assert found(["@money"], text) == [expected]


def test_money_built_in_needs_a_currency():
    assert found(["@money"], "1,200 staff and 45 sites") == []


def test_count_built_in_excludes_years_dates_percentages_ordinals_and_money():
    text = "In 2023/24 we had 9 champions and 1,200 staff; on 9 July 2024 it was 4.5%; the 12th; £400; in 2024."
    assert found(["@count"], text) == ["9", "1,200"]


def test_count_built_in_excludes_the_numbers_of_parts_of_the_document():
    text = "See section 3, page 4 and Appendix 2; we have 14 champions in 6 teams."
    assert found(["@count"], text) == ["14", "6"]


def test_count_built_in_keeps_plain_decimals():
    assert found(["@count"], "sickness fell to 8.4 days") == ["8.4"]


def test_year_and_date_built_ins():
    assert found(["@year"], "in 2023/24, 2022-23 and 2024; not 3024") == ["2023/24", "2022-23", "2024"]
    assert found(["@date"], "on 9 July 2024, on 19th July 2024, in July 2024, 2024-07-09") == \
        ["9 July 2024", "19th July 2024", "July 2024", "2024-07-09"]


# ---------------------------------------------------------------- sentences

def test_sentences_split_at_full_stops_question_and_exclamation_marks():
    assert split_sentences("We cut costs. Did it work? Yes! It did.") == \
        ["We cut costs.", "Did it work?", "Yes!", "It did."]


def test_sentences_keep_abbreviations_and_initials_together():
    text = ("We work with partners, e.g. the NHS and police. The plan was agreed by Cllr A. B. Smith on "
            "9 July. It was 4.5 per cent, i.e. less than before. Dr. Jones agreed.")
    assert split_sentences(text) == [
        "We work with partners, e.g. the NHS and police.",
        "The plan was agreed by Cllr A. B. Smith on 9 July.",
        "It was 4.5 per cent, i.e. less than before.",
        "Dr. Jones agreed.",
    ]


def test_sentences_do_not_split_decimals_or_lower_case_continuations():
    assert split_sentences("Agency spend was 4.1% in 2023/24. It fell.") == \
        ["Agency spend was 4.1% in 2023/24.", "It fell."]
    assert split_sentences("See section 3. below for detail.") == ["See section 3. below for detail."]


# ---------------------------------------------------------------- prompts

LETTER_THEME_1 = "How you have transformed the way you design and deliver services to make better use of resources."
LETTER_AGENCY = "What percentage of total staff budget is spent on a) agency and b) consultants?"


@pytest.fixture(scope="module")
def prompts(pack):
    return PromptIndex(pack.prompts)


def test_pronouns_are_folded_so_the_voice_of_a_copy_does_not_matter():
    assert tokens("How we have transformed") == tokens("How you have transformed")
    assert tokens("our plans") == tokens("your plans")


@pytest.mark.parametrize("text", [
    LETTER_THEME_1,
    "How we have transformed the way we design and deliver services to make better use of resources",
    "How the council has transformed the way it designs and delivers services to make better use of resources.",
    "Theme One: How you have transformed the way you design and deliver services",
    LETTER_AGENCY,
    "How do you measure productivity in your organisation?",
    "Questions to consider:",
    "You must ensure that there is member oversight and endorsement of the plan before it is submitted.",
])
def test_the_letters_wording_in_any_voice_is_a_prompt(prompts, text):
    assert prompts.is_prompt(text)


@pytest.mark.parametrize("text", [
    "We have transformed the way we deliver housing services by moving benefit claims online, which cut "
    "processing times from 24 days to 9.",
    "In 2020 we replaced eleven departments with four directorates.",
    "Agency staff cost 3.8% of our total staff budget in 2023/24.",
    "We measure productivity through unit costs benchmarked against our statistical neighbours.",
    "This plan was endorsed by Cabinet on 9 July 2024.",
])
def test_the_councils_own_sentences_are_not_prompts(prompts, text):
    assert not prompts.is_prompt(text)


def test_echoing_the_theme_then_answering_it_is_own_text(prompts):
    assert not prompts.is_prompt("We have transformed the way we design and deliver services to make better use "
                                 "of resources by merging eleven departments into four.")


def test_short_fragments_are_never_prompts(prompts):
    # fewer than three words cannot be judged a copy
    assert not prompts.is_prompt("Barriers")
    assert not prompts.is_prompt("Technology")


def _analysis(pack, *blocks):
    document = Document(path="plan.md", format="markdown", blocks=list(blocks))
    return Analysis.of(document, pack.prompts, pack.placeholders)


def _analysed_with_pack(pack, *blocks):
    """The analysis with the pack's own vocabulary (its names, specifics and document reference)."""
    document = Document(path="plan.md", format="markdown", blocks=list(blocks))
    return Analysis.of(document, pack.prompts, pack.placeholders, pack=pack)


def test_a_copied_heading_is_all_prompt_and_the_answer_below_is_own_text(pack):
    analysis = _analysis(
        pack,
        Block(HEADING, "How we have transformed the way we design and deliver services to make better use "
                       "of resources", level=2),
        Block(PARAGRAPH, "We merged eleven departments into four directorates in 2020. It saves £1.4m a year."),
    )
    heading, *answer = analysis.sentences
    assert heading.prompt and not heading.own
    assert [s.own for s in answer] == [True, True]
    assert [s.text for s in analysis.own_sentences()] == [
        "We merged eleven departments into four directorates in 2020.", "It saves £1.4m a year."]


def test_a_clause_opening_with_it_refers_to_what_its_sentence_named_before(pack):
    analysis = _analysis(pack, Block(PARAGRAPH, "Members have not yet approved the plan; it will go to Cabinet on "
                                                "16 July 2024 for approval. The plan is long. It will go to Cabinet."))
    plan = pack.concept("$plan-reference")
    first, second, third = analysis.sentences
    assert analysis.named_before_clause_it(plan, first)
    assert not analysis.named_before_clause_it(plan, second)
    # "It" opening a sentence is the context's business, not a clause's.
    assert not analysis.named_before_clause_it(plan, third)


def test_of_it_names_the_whole_the_sentence_before_gives_with_its_amount(pack):
    from plancheck.figures import money

    staff_budget = pack.concept("$staff-budget")
    analysis = _analysis(pack, Block(PARAGRAPH, "The total staff budget for 2023/24 was £158m. One in every twenty "
                                                "pounds of it went on agency staff."),
                         Block(PARAGRAPH, "The staff budget is set each February. One in every twenty pounds of it "
                                          "went on agency staff."))
    priced, told_of_it, unpriced, not_told = analysis.sentences
    assert analysis.whole_of_it(told_of_it, told_of_it.text, staff_budget, money) == \
        "One in every twenty pounds of the staff budget went on agency staff."
    # A whole named without its amount is no whole to work a share out from.
    assert analysis.whole_of_it(not_told, not_told.text, staff_budget, money) == not_told.text


# ---------------------------------------------------------------- placeholders

@pytest.mark.parametrize("text", ["TBC", "TBC.", "To be confirmed.", "[insert figure]", "XX%", "£XXm",
                                  "TODO: add figures", "Agency spend: XX%.", "Lorem ipsum dolor sit amet."])
def test_drafting_filler_is_a_placeholder(pack, text):
    analysis = _analysis(pack, Block(PARAGRAPH, text))
    assert all(s.placeholder and not s.own for s in analysis.sentences)


# Blanks come in every typist's marks: a journalist's "TK" (to come), rules to write on, hashes and
# boxes where the digits go, and brackets of any shape around a note.
@pytest.mark.parametrize("text", [
    "TK", "TK — Performance and Intelligence to draft (approx. 100 words).",
    "Headline projects: ___________, ___________ and ___________.",
    "TU facility time: ##.#% of paybill.",
    "[•]",
    "⟨⟨ Digital & ICT to supply — max. 150 words. Please cover the cloud migration and the new CRM. ⟩⟩",
    "⟦to follow from the Data Board's July meeting⟧",
    "{{ Finance to add the savings figure }}",
    "We currently run ▢▢ line-of-business systems, of which ▢ are more than ten years old.",
    "Data shared with other organisations: ________ times a month with ________.",
    "Consultants: £[x]k, i.e. [y]% of staff budget.",
    "Estimated hours saved per worker: ∎∎.",
    "Savings of £?.?m over two years.",
    "Note: do not mention the chatbot pilot until the evaluation is back.",
])
def test_blanks_in_any_typists_marks_are_placeholders(pack, text):
    analysis = _analysis(pack, Block(PARAGRAPH, text))
    assert all(s.placeholder and not s.own for s in analysis.sentences)


@pytest.mark.parametrize("text", [
    # A hash, a rule or a box that is not a blank where a figure or word should be.
    "Housing is our #1 priority, and 61 households were in temporary accommodation in March 2024.",
    "Our developers moved the C# planning portal to the cloud in 2023, cutting hosting costs by £40,000.",
    "The Audit Committee checks progress quarterly, and the Scrutiny Committee to review it each spring.",
    "We ask the Government to confirm a three-year settlement by the autumn of 2024.",
    "Officers from Digital Services supplied the data for 14 dashboards used by managers in 2023/24.",
    "Note: the figures exclude schools and are for 2023/24, when agency staff cost £3.1m.",
    "■ We closed three of our four offices in 2022, saving £300,000 a year.",
])
def test_marks_that_are_not_blanks_leave_the_sentence_standing(pack, text):
    analysis = _analysis(pack, Block(PARAGRAPH, text))
    assert not any(s.placeholder for s in analysis.sentences)


@pytest.mark.parametrize("text", [
    "Agency staff cost 3.8% of the staff budget in 2023/24; the 2024/25 figure is TBC until year end.",
    "We will publish the plan on our website once Cabinet has agreed it.",
    "Tbc is not a word we use.",
])
def test_a_sentence_with_substance_is_not_filler(pack, text):
    analysis = _analysis(pack, Block(PARAGRAPH, text))
    assert not any(s.placeholder for s in analysis.sentences)


def test_placeholder_is_case_sensitive_where_the_pack_says_so(pack):
    # "=XX" is case sensitive: "xx" in a word is not filler, "XX" is
    assert pack.placeholders.matches("XX")
    assert not pack.placeholders.matches("Xx")


# ---------------------------------------------------------------- quotes

def test_quotes_are_at_most_200_characters_and_centred_on_the_focus():
    text = "word " * 100 + "AGENCY 4.1%" + " word" * 100
    short = quote(text, focus=text.index("AGENCY"))
    assert len(short) <= 200 and "AGENCY 4.1%" in short
    assert quote("  a   short\nquote ") == "a short quote"


@pytest.mark.parametrize("text, specific", [
    # Every council's own management, named as such, says nothing in particular ...
    ("Waste is identified through the regular challenge that our Corporate Leadership Team provides.", False),
    ("Spending is reviewed by the Senior Management Team and by officers in each directorate.", False),
    # ... but a figure or a named body beside it does.
    ("The Corporate Leadership Team reviews every agency placement over 12 weeks.", True),
    ("Our Spending Assurance Panel reviews every contract extension.", True),
    # A stretch of time in the letter's words is no figure; what happens in it may be.
    ("Over the next two years we will continue to look for opportunities to work differently.", False),
    ("Over the next two years we will close three of our offices.", True),
])
def test_a_councils_own_management_named_is_no_specific(pack, text, specific):
    analysis = _analysed_with_pack(pack, Block(PARAGRAPH, text))
    assert analysis.specific(analysis.sentences[0]) is specific


@pytest.mark.parametrize("text, specific", [
    # The council's own strategy, named as such, and its own name from a title in capitals.
    ("Our Medium Term Financial Strategy sets out how we will close the gap between income and spending.", False),
    ("With the commitment of our members and staff, Lowmarsh will remain a well-run council.", False),
    ("Lowmarsh Leisure Trust runs both pools under a contract to 2031.", True),
])
def test_the_councils_own_name_and_strategy_are_no_specific(pack, text, specific):
    analysis = _analysed_with_pack(pack, Block(HEADING, "LOWMARSH DISTRICT COUNCIL Productivity Plan 2024", level=1),
                                   Block(PARAGRAPH, text))
    assert analysis.specific(analysis.block_sentences[1][0]) is specific


@pytest.mark.parametrize("text, value", [
    ("Days to re-let fell from 41 days to 28.", True),
    ("Target: 28 days by March 2026.", True),
    # A range of sections or pages is a reference, not a value.
    ("One measure for each of the changes described in sections 2 to 5.", False),
    ("See pages 3 to 4.", False),
])
def test_a_value_is_a_figure_not_a_range_of_references(pack, text, value):
    assert pack.concept("$figures").matches(text) is value


@pytest.mark.parametrize("text, title", [
    ("Brantwick Borough Council – Productivity Plan 2024 (extract)", True),
    ("*Westmere County Council: our productivity plan*", True),
    # A sentence about the plan, or one that ends like a sentence, is no title.
    ("This plan sets out how we will measure productivity", False),
    ("Productivity plan approved by Cabinet on 9 July 2024.", False),
])
def test_a_line_alone_naming_the_plan_is_a_title_however_it_is_set(pack, text, title):
    analysis = _analysed_with_pack(pack, Block(PARAGRAPH, text),
                                   Block(PARAGRAPH, "We merged three contact centres in 2021."))
    assert analysis.is_title(analysis.block_sentences[0][0]) is title


@pytest.mark.parametrize("text, prompt", [
    ("Theme 4 of the Minister's letter: the barriers preventing progress that the Government can help to reduce "
     "or remove.", True),
    ("From the letter: the barriers preventing progress that the Government can help to reduce or remove.", True),
    ("Theme 4 of the Minister's letter: we need three-year settlements and an end to competitive bidding.", False),
])
def test_the_letters_words_under_a_label_saying_whose_they_are_are_a_prompt(pack, text, prompt):
    analysis = _analysed_with_pack(pack, Block(PARAGRAPH, text))
    assert analysis.sentences[0].prompt is prompt


def test_a_verb_is_a_whole_word():
    from plancheck.analysis import VERB_LIKE

    # "waste" holds "was", "issues" holds "is": neither is a verb.
    assert VERB_LIKE.search("Brackenholt Borough Council - Productivity Plan 2024 Extract: Reducing waste") is None
    assert VERB_LIKE.search("Productivity Plan 2024: issues and asks") is None
    assert VERB_LIKE.search("This plan was agreed by Cabinet") is not None
