"""theme: the document answers one of the regime's themes in its own words.

What it does
    Uses the analysis's section model: a section answers the theme when its
    own text speaks of the theme more than of any other, whatever its heading
    (a heading that names the theme only tips the balance). The answer is
    then weighed by its specifics, not its length: sentences that name
    services, systems, barriers, asks, figures or dates. Copied prompts,
    drafting filler ("[to be completed]", "£XXm") and page furniture
    (contents lines, running headers) never count.

    * pass: the theme's sections hold at least ``pass_specifics`` specific
      sentences of the council's own, and they are at least ``pass_share``
      of its own sentences there, or, with no such section and none
      headed for the theme, at least ``content_specifics`` specific on-theme
      sentences across the document (a section the plan keeps for the theme,
      answered thinly, is not made up by on-theme words in other sections);
    * partial: only a thin answer, or a passing mention;
    * fail: nothing of the council's own on the theme; a heading over
      nothing, over a placeholder or over the letter's own prompt earns
      nothing, and so does the letter's wording of the theme pasted in
      over nothing but the letter's questions and notes to the authors
      (up to the next heading or the next theme's title), whatever a
      sentence elsewhere says in passing.

Why
    A reviewer wants each theme answered with substance, wherever it is.
    Five concrete asks of government in 80 words answer the barriers theme;
    300 words of "we face many challenges" do not.

Parameters
    ``theme`` (name of a theme in the pack); ``pass_specifics`` (specific
    sentences needed in the theme's sections, default 3); ``pass_share``
    (the share of the sections' own sentences that must be specific,
    default 0.3: three specifics among twenty sentences of general intent
    are a thin answer);
    ``content_specifics`` (specific on-theme sentences needed across the
    document when no section answers it, default 4); ``reports`` (optional:
    ``subjects``, ``figures`` and ``unless``, three concepts): a sentence that
    gives one of the figures the regime asks for under the theme (a subject
    and a figure) and does nothing about it (none of ``unless``) places the
    theme's section but is no specific of its answer;
    ``specific_beyond_vocabulary`` (default false): the theme's own
    vocabulary places a sentence in the theme but does not make it specific
    ("Our procurement practice is sound").

Example
    A section headed "What would help us" listing a multi-year settlement,
    reform of SEND funding and an end to competitive bidding passes the
    barriers theme; the heading "Barriers" over "[to be completed]" fails.
"""

from __future__ import annotations

import re

from ..analysis import evidence_for
from ..document import HEADING
from ..messages import register
from ..sections import on_theme, theme_named
from . import FAIL, PARTIAL, PASS, Outcome

PARAMS = {
    "type": "object",
    "properties": {
        "theme": {"type": "string"},
        "pass_specifics": {"type": "integer", "minimum": 1},
        "content_specifics": {"type": "integer", "minimum": 1},
        "pass_share": {"type": "number", "minimum": 0, "maximum": 1},
        "specific_beyond_vocabulary": {"type": "boolean"},
        "reports": {
            "type": "object",
            "properties": {"subjects": {"type": "string"}, "figures": {"type": "string"},
                           "unless": {"type": "string"}},
            "required": ["subjects", "figures", "unless"],
            "additionalProperties": False,
        },
    },
    "required": ["theme"],
    "additionalProperties": False,
}

register({
    "theme.answered": "answered in {where}: {specifics} specific {sentences} of the council's own{named}.",
    "theme.answered-across": "no one section answers it, but {specifics} specific {sentences} across the plan "
                             "do; a heading would help reviewers find them.",
    "theme.thin": "only a thin answer in {where}: {specifics} specific {sentences} of the council's own, "
                  "where about {needed} are expected.",
    "theme.thin-among-general": "only a thin answer in {where}: {specifics} specific {sentences} among {own} of "
                                "the council's own; the rest say nothing in particular.",
    "theme.answered-in-paragraph": "answered in the paragraph beginning “{opening}…”: {specifics} specific "
                                   "{sentences} of the council's own; a heading would help reviewers find it.",
    "theme.passing-mention": "only a passing mention: {count} {sentences} {touch} this theme, {specifics} of them "
                             "specific, and no section answers it.",
    "theme.heading-over-nothing": "the heading “{heading}” has no answer of the council's own under it{why}.",
    "theme.prompt-only": "only the letter's wording of this theme appears; there is no answer.",
    "theme.prompt-over-drafting": "the letter's wording of this theme (“{prompt}”) is followed by nothing "
                                  "but the letter's words and notes to the authors: the answer is still to be written.",
    "theme.absent": "this theme is not addressed.",
})


def answering_paragraph(analysis, name: str, needed: int, counts):
    """A paragraph that is about the theme throughout and answers it: a section in all but its heading.

    Plans with few headings answer a theme in one paragraph ("10. What would help us: a settlement
    for more than one year; …"). Returns the paragraph's opening words and its specific sentences.
    Specifics are weighed as in a section: a sentence listing four barriers gives more than one.
    """
    for index in analysis.theme_paragraphs(name):
        own = [s for s in analysis.block_sentences[index] if s.own]
        specifics = [s for s in own if counts(s)]
        if sum(weight(analysis, s) for s in specifics) >= needed:
            return " ".join(own[0].text.split()[:6]), specifics
    return None


ENUMERATION = re.compile(r"(?:[;,]\s+(?:and\s+|or\s+)?)")
ITEM_WORDS = 2


def weight(analysis, sentence) -> int:
    """How many specifics a specific sentence gives: one, or each specific item of a list it
    enumerates ("We ask for multi-year settlements, an end to competitive bidding for small pots,
    and local control of planning fees")."""
    if not re.search(r"\b(?:and|or)\b", sentence.text):
        return 1
    parts = [p for p in ENUMERATION.split(sentence.text) if len(p.split()) >= ITEM_WORDS]
    if len(parts) < 3:
        return 1
    return max(1, min(sum(1 for p in parts if analysis.specific_text(p)), 3))


def _where(sections) -> str:
    titles = [f"“{s.title}”" for s in sections if s.title]
    if not titles:
        return "the text before the first heading"
    return "the section " + titles[0] if len(titles) == 1 else "the sections " + ", ".join(titles[:3])


# The share of a theme's sections' own sentences that must be specific for them to answer it.
PASS_SHARE = 0.3

# Drafting notes in this many paragraphs of a theme's sections, twice as many as paragraphs answering it,
# leave it a draft.
DRAFT_BLOCKS = 3


def _sentences(count: int) -> str:
    return "sentence" if count == 1 else "sentences"


def only_reports(analysis, reports, sentence) -> bool:
    """A figure the regime asks for, given and left there: "Agency staff were 3.2% of our staff budget."

    Plans often answer the theme's figure questions in its section; the figures place the section,
    but the theme asks what the council does, and a figure alone says nothing of that.
    """
    if reports is None:
        return False
    subjects, figures, unless = reports
    return analysis.has(subjects, sentence) and analysis.has(figures, sentence) and \
        not analysis.has(unless, sentence)


# The fewest words of a sentence that can say anything of a theme.
REPLY_WORDS = 2


# A title is short.
TITLE_WORDS = 12
# How close to the letter's wording of a theme a sentence must be to be it.
PROMPT_SIMILARITY = 0.5


def prompt_left_blank(analysis, pack, name: str, prompts):
    """The first of ``prompts`` (the letter's wording of the theme, pasted in) over nothing but the
    letter's words and drafting notes, up to the next heading or the next theme's wording; None where
    any of the council's own words follow one."""
    blocks = analysis.document.blocks
    themes = pack.themes.values()
    for prompt in prompts:
        after = []
        for index in range(prompt.block_index + 1, len(blocks)):
            if blocks[index].kind == HEADING:
                break
            sentences = analysis.block_sentences.get(index, [])
            # The next theme's place starts where its wording, or a short title naming it, does: "3.
            # REDUCING WASTEFUL SPEND" in a plain-text plan that draws its headings as numbered lines.
            if any(s.prompt and any(analysis.prompts.similarity(s.text, t.prompt_id) >= PROMPT_SIMILARITY
                                    for t in themes) for s in sentences) or \
                    sentences and sentences[0].words <= TITLE_WORDS and \
                    theme_named(analysis, pack, sentences[0].text) not in (None, name):
                break
            after += sentences
        if after and any(s.placeholder for s in after) and not any(s.own and s.words >= REPLY_WORDS for s in after):
            return prompt
    return None


def check(analysis, params, pack) -> Outcome:
    name = params["theme"]
    theme = pack.themes[name]
    needed = params.get("pass_specifics", 3)
    sections = analysis.theme_sections(name)
    named = {s.number for s in analysis.named_sections(name)}
    # A bare reply ("Yes.") under a copied question says nothing of what the council does.
    own = [s for section in sections for s in analysis.section_sentences(section, direct=True)
           if s.words >= REPLY_WORDS]
    reports = tuple(pack.concept(params["reports"][k]) for k in ("subjects", "figures", "unless")) \
        if "reports" in params else None

    beyond = params.get("specific_beyond_vocabulary", False)

    def counts(sentence) -> bool:
        # With ``specific_beyond_vocabulary`` the theme's own words place a sentence in it but do not
        # make it specific: "Our procurement practice is sound" says nothing in particular.
        specific = analysis.specific_beyond(sentence, theme.vocabulary) if beyond else analysis.specific(sentence)
        # What the theme excludes is no part of its answer, in its section or not: bin rounds and
        # recycling centres under "Reducing wasteful spend".
        return specific and not only_reports(analysis, reports, sentence) and not analysis.has(theme.exclude, sentence)

    specific = [s for s in own if counts(s)]
    # Evidence: on-theme specific sentences first, as a reviewer would quote them.
    ranked = sorted(specific, key=lambda s: not on_theme(analysis, theme, s))
    drafting = [s for section in sections for i in section.blocks(direct=True)
                for s in analysis.block_sentences.get(i, []) if s.placeholder]
    # A section that is mostly still a draft, with a paragraph or two of the council's own among the
    # notes, is a thin answer however many sentences those paragraphs have.
    answered_blocks, drafting_blocks = len({s.block_index for s in specific}), len({s.block_index for s in drafting})
    mostly_draft = drafting_blocks >= DRAFT_BLOCKS and drafting_blocks >= 2 * answered_blocks
    # Three specifics among twenty sentences of general intent are a thin answer: a reviewer reads the
    # whole section, and most of it says nothing in particular.
    council = [s for s in own if s.own]
    diluted = len(specific) < params.get("pass_share", PASS_SHARE) * len(council)
    if sum(weight(analysis, s) for s in specific) >= needed and not mostly_draft and not diluted:
        titled = any(s.number in named for s in sections)
        return Outcome(PASS, "theme.answered",
                       [evidence_for(s.block, s.text) for s in ranked[:3]],
                       data={"where": _where(sections), "specifics": len(specific),
                             "sentences": _sentences(len(specific)),
                             "named": "" if titled else "; no heading names the theme, which would help reviewers"})
    # A section the plan keeps for the theme, answered thinly, is its answer: on-theme words in other
    # sections (a website in the technology section, agency posts under waste) do not make it up.
    kept_for_it = own and any(s.number in named for s in sections)
    paragraph = answering_paragraph(analysis, name, needed, counts) if not kept_for_it else None
    if paragraph is not None:
        opening, specifics = paragraph
        return Outcome(PASS, "theme.answered-in-paragraph",
                       [evidence_for(s.block, s.text) for s in specifics[:3]],
                       data={"opening": opening, "specifics": len(specifics), "sentences": _sentences(len(specifics))})
    across = [s for s in analysis.own_sentences() if on_theme(analysis, theme, s)]
    across_specific = [s for s in across if counts(s)]
    if len(across_specific) >= params.get("content_specifics", 4) and not kept_for_it:
        return Outcome(PASS, "theme.answered-across",
                       [evidence_for(s.block, s.text) for s in across_specific[:3]],
                       data={"specifics": len(across_specific), "sentences": _sentences(len(across_specific))})
    if own and diluted and specific:
        return Outcome(PARTIAL, "theme.thin-among-general",
                       [evidence_for(s.block, s.text) for s in ranked[:3]],
                       missing=["more specific content: named services, systems, figures or dates"],
                       data={"where": _where(sections), "specifics": len(specific),
                             "sentences": _sentences(len(specific)), "own": len(council)})
    if own:
        return Outcome(PARTIAL, "theme.thin",
                       [evidence_for(s.block, s.text) for s in (ranked or own)[:3]],
                       missing=["more specific content: named services, systems, figures or dates"],
                       data={"where": _where(sections), "specifics": len(specific),
                             "sentences": _sentences(len(specific)), "needed": needed})
    headings = analysis.named_sections(name)
    prompts = [s for s in analysis.sentences
               if s.prompt and analysis.prompts.similarity(s.text, theme.prompt_id) >= PROMPT_SIMILARITY]
    left_blank = prompt_left_blank(analysis, pack, name, prompts)
    if across and not (headings and not any(analysis.section_sentences(h) for h in headings)) and left_blank is None:
        return Outcome(PARTIAL, "theme.passing-mention",
                       [evidence_for(s.block, s.text) for s in (across_specific or across)[:3]],
                       missing=["a section that answers this theme"],
                       data={"count": len(across), "sentences": _sentences(len(across)),
                             "touch": "touches" if len(across) == 1 else "touch",
                             "specifics": len(across_specific)})
    if headings:
        # The place the plan keeps for this theme is empty: a word on it elsewhere does not answer it.
        heading = analysis.document.blocks[headings[0].heading]
        under = [s for i in headings[0].blocks() for s in analysis.block_sentences.get(i, [])]
        why = (", only drafting text" if any(s.placeholder for s in under) else
               ", only the letter's own wording" if any(s.prompt for s in under) or
               analysis.prompts.is_prompt(heading.text) else "")
        return Outcome(FAIL, "theme.heading-over-nothing", [evidence_for(heading)],
                       missing=["the council's own answer to this theme"],
                       data={"heading": heading.text.strip(), "why": why})
    if left_blank is not None:
        # The letter's wording of the theme, pasted in as its place, over nothing but the letter's questions
        # and notes to the authors: the plan says its answer is still to be written.
        return Outcome(FAIL, "theme.prompt-over-drafting", [evidence_for(left_blank.block, left_blank.text)],
                       missing=["the council's own answer to this theme"], data={"prompt": left_blank.text.strip()})
    if prompts:
        return Outcome(FAIL, "theme.prompt-only", [evidence_for(prompts[0].block, prompts[0].text)],
                       missing=["the council's own answer to this theme"])
    return Outcome(FAIL, "theme.absent", [], missing=["a section that answers this theme"])
