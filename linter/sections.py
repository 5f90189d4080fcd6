"""The document's sections, worked out once for every check.

Each heading opens a section that runs, through its sub-headings, to the next
heading of the same or a higher level; text before the first heading is a
section of its own (the preamble). A block belongs to its innermost section,
whose *direct* text is what lies between its heading and its first
sub-heading.

Which theme a section answers is decided by what it says, not by what it is
called: its own sentences are weighed against each theme's vocabulary. A
heading that names a theme decides, unless the text under it says nothing of
that theme and plenty of another; a heading above it that names a theme only
tips the balance. "Doing things differently" full of redesigned
services is theme 1; a heading "Savings" over a review of which service could
save most is not theme 3 merely by its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import lacked
from .document import HEADING, LIST_ITEM, PARAGRAPH, TABLE

# A sub-section with no theme in its own heading inherits its nearest ancestor's.
ANCESTOR_WEIGHT = 2.0
# A section with no theme in its heading answers a theme when its score reaches this: two
# on-theme sentences, or one and a heading above it that names the theme.
ASSIGN_SCORE = 2.0
# How many times the heading's own theme another must score to take its section.
OUTWEIGHED = 2
PROMPT_HEADING = 0.5


@dataclass
class Section:
    """A heading and the blocks under it (the preamble has no heading)."""

    number: int
    heading: int | None  # block index of the heading; None for the preamble
    title: str
    level: int
    start: int  # first block after the heading
    end: int  # block index after the section, sub-sections included
    parent: int | None = None
    children: list[int] = field(default_factory=list)
    direct_end: int = 0  # block index of the first sub-heading, or ``end``

    def blocks(self, direct: bool = False) -> range:
        return range(self.start, self.direct_end if direct else self.end)


def build_sections(blocks) -> tuple[list[Section], list[int]]:
    """(sections in document order, innermost section number of each block)."""
    sections: list[Section] = []
    section_of = [0] * len(blocks)
    first_heading = next((i for i, b in enumerate(blocks) if b.kind == HEADING), len(blocks))
    if first_heading > 0:
        sections.append(Section(0, None, "", 0, 0, first_heading, direct_end=first_heading))
    stack: list[Section] = []
    for index, block in enumerate(blocks):
        if block.kind == HEADING:
            level = block.level or 1
            while stack and stack[-1].level >= level:
                stack.pop()
            section = Section(len(sections), index, block.text.strip(), level, index + 1, len(blocks),
                              parent=stack[-1].number if stack else None)
            if stack:
                stack[-1].children.append(section.number)
            sections.append(section)
            stack.append(section)
        if sections:
            section_of[index] = stack[-1].number if stack else 0
    # A section ends where the next heading of its level or higher begins.
    open_sections: list[Section] = []
    for section in sections:
        if section.heading is None:
            continue
        while open_sections and open_sections[-1].level >= section.level:
            open_sections.pop().end = section.heading
        open_sections.append(section)
    for section in sections:
        children = [sections[c] for c in section.children]
        section.direct_end = children[0].heading if children else section.end
    return sections, section_of


def heading_themes(analysis, pack) -> dict[int, str]:
    """Section number → the theme its heading names (by the theme's words or by its prompt)."""
    named: dict[int, str] = {}
    for section in analysis.sections:
        if section.heading is None:
            continue
        name = theme_named(analysis, pack, section.title)
        if name is not None and not _names_only_what_it_excludes(analysis, pack.themes[name], section):
            named[section.number] = name
    return named


def _names_only_what_it_excludes(analysis, theme, section) -> bool:
    """Whether a heading names the theme only by a word its excluded subject shares, over a section
    about that subject: "3. Reducing waste" over bin rounds and food waste is about refuse, where
    "3. Reducing wasteful spend" over the same text still names the theme (a thin answer to it)."""
    if theme.shared_words is None or not theme.shared_words.matches(section.title):
        return False
    rest = section.title
    for match in reversed(list(theme.shared_words.finditer(section.title))):
        rest = rest[:match.start()] + " " + rest[match.end():]
    return not theme.headings.matches(rest) and _section_filled(analysis, theme, section)


def theme_named(analysis, pack, title: str) -> str | None:
    """The one theme a heading or a paragraph's title names, by the theme's words or by its prompt."""
    similarity = {name: analysis.prompts.similarity(title, theme.prompt_id) for name, theme in pack.themes.items()}
    best = max(similarity, key=similarity.get, default=None)
    if best is not None and similarity[best] >= PROMPT_HEADING:
        return best
    hits = [name for name, theme in pack.themes.items()
            if theme.headings.matches(title) and not theme.exclude.matches(title)]
    return hits[0] if len(hits) == 1 else None


# A sentence that speaks of this many themes at once is an overview ("our response on
# transformation, technology and data, wasteful spend and barriers"), not an answer to any.
OVERVIEW_THEMES = 3


def _touches(analysis, theme, sentence) -> bool:
    # A list item is read with the sentence that introduces its list: "We would ask the Government
    # to:" makes each item an ask.
    lead = analysis.lead_ins.get(sentence.index)
    said = analysis.has(theme.vocabulary, sentence) or (
        lead is not None and lead.block.kind != TABLE and analysis.has(theme.vocabulary, lead))
    # (What the theme excludes is asked only of the few sentences that use its words.)
    return said and not analysis.has(theme.exclude, sentence) and not _filled_by_exclusion(analysis, theme, sentence)


# The share of a section's sentences holding what a theme excludes that makes the section about it.
EXCLUDED_SECTION = 0.5


def _filled_by_exclusion(analysis, theme, sentence) -> bool:
    """Whether the sentence's section, under a heading, is about what the theme excludes: under "3.
    Reducing waste", over bin rounds, food waste and missed collections, "Waste is the service our
    residents notice most" means refuse, and "overtime fell by a third" is the rounds' overtime."""
    section = analysis.section_at(sentence)
    # (Filled first: few sections are, and the named ones are looked up only for those.)
    return section.heading is not None and _section_filled(analysis, theme, section) and \
        section not in analysis.named_sections(theme.name)


def _section_filled(analysis, theme, section) -> bool:
    key = ("excluded-section", id(theme.exclude), section.number)
    filled = analysis.cache.get(key)
    if filled is None:
        own = analysis.section_sentences(section, direct=True)
        filled = analysis.cache[key] = len(own) >= 2 and \
            sum(analysis.has(theme.exclude, s) for s in own) >= EXCLUDED_SECTION * len(own)
    return filled


def on_theme(analysis, theme, sentence) -> bool:
    if not _touches(analysis, theme, sentence):
        return False
    key = ("overview", sentence.index)
    overview = analysis.cache.get(key)
    if overview is None:
        themes = analysis.pack.themes.values()
        overview = analysis.cache[key] = sum(_touches(analysis, t, sentence) for t in themes) >= OVERVIEW_THEMES
    return not overview


def theme_paragraphs(analysis, name: str) -> list[int]:
    """The paragraphs outside every section answering ``theme`` that are about it throughout: a
    section in all but its heading, as plans with few headings write one ("There are four things the
    Government could do … First, … Second, …")."""
    theme = analysis.pack.themes[name]
    seen = {i for section in analysis.theme_sections(name) for i in section.blocks(True)}
    found = []
    for index, sentences in analysis.block_sentences.items():
        if index in seen or not sentences or sentences[0].block.kind not in (PARAGRAPH, LIST_ITEM):
            continue
        own = [s for s in sentences if s.own]
        touching = sum(1 for s in own if on_theme(analysis, theme, s))
        # (Half is enough where the paragraph opens on the theme: "A number of things make further progress
        # harder. Temporary accommodation costs us more each year: …")
        opens_on_it = touching >= 2 and touching * 2 == len(own) and on_theme(analysis, theme, own[0])
        if touching >= 2 and (touching * 2 > len(own) or opens_on_it) or \
                len(own) > TITLED_PARAGRAPH and _title_names(analysis, index, name):
            found.append(index)
    # A short paragraph all on the theme, next after one of its paragraphs, carries on the run: "24. These
    # barriers are felt across the council rather than in one service". After a paragraph whose title
    # names the theme ("28. Barriers. The main barrier …"), so does one that opens on it, as under a
    # heading: "29. The main barrier to better services is recruitment. We have had vacancies …".
    for index in list(found):
        following = index + 1
        titled = _title_names(analysis, index, name)
        while following not in found and following not in seen:
            own = [s for s in analysis.block_sentences.get(following, []) if s.own]
            if not own or own[0].block.kind not in (PARAGRAPH, LIST_ITEM) or \
                    not (all(on_theme(analysis, theme, s) for s in own) or
                         titled and on_theme(analysis, theme, own[0])):
                break
            found.append(following)
            following += 1
    return sorted(found)


# A paragraph's title, the question it opens with ("What is holding us back? First, …") or the
# subject its first words turn to ("On wasteful spend, every request …") names what it is about as a
# heading would, if what follows is more than a sentence or two.
TITLED_PARAGRAPH = 2
OPENING_QUESTION_WORDS = 12
TURNING_TO = re.compile(r"(?:On|Turning\s+(?:now\s+)?to|As\s+for|As\s+regards|As\s+to|Regarding|In\s+terms\s+of|"
                        r"When\s+it\s+comes\s+to|On\s+the\s+(?:subject|question|theme)\s+of)\s+([^,;:.]{3,60}?)[,:]\s")


def _title_names(analysis, index: int, name: str) -> bool:
    """Whether the paragraph's title names the theme ``name``."""
    own = [s for s in analysis.block_sentences.get(index, []) if s.own]
    return bool(own) and bool(title := _title(analysis, own[0])) and \
        theme_named(analysis, analysis.pack, title) == name


def _title(analysis, first) -> str:
    """What the paragraph's opening names as its subject, as a heading would; "" if nothing."""
    from .analysis import asks  # (the analysis imports this module)

    if analysis.is_title(first) or (asks(first.text) and len(first.text.split()) <= OPENING_QUESTION_WORDS):
        return first.text
    turning = TURNING_TO.match(first.text)
    return turning.group(1) if turning else ""


def _heading_decides(analysis, theme, name: str, scores: dict, sentences) -> bool:
    """A heading that names a theme decides, unless the text under it says nothing of that theme
    and plenty of another, or is mostly what the theme excludes (bin rounds under "Reducing waste")."""
    excluded = sum(1 for s in sentences if analysis.has(theme.exclude, s))
    if excluded > scores[name]:
        return False
    rivals = max((score for other, score in scores.items() if other != name), default=0)
    # A sentence that denies the theme says nothing of it: "What holds us back is not data. It is how we are
    # funded." under "Our use of data", over five asks of government.
    said = sum(1 for s in sentences if on_theme(analysis, theme, s) and not _denies(theme, s.text))
    # Nor does it decide where another theme fills the section: "2. Transformation" over a spend control
    # board, standard specifications and contracts cut is theme 3, a saving or two aside.
    if rivals >= max(ASSIGN_SCORE, OUTWEIGHED * said + 1):
        return False
    return said >= 1 or rivals < ASSIGN_SCORE


def _denies(theme, text: str) -> bool:
    """Whether every mention of the theme in the sentence is denied."""
    mentions = list(theme.vocabulary.finditer(text))
    return bool(mentions) and all(lacked(text, m.start(), m.end()) for m in mentions)


def assign_themes(analysis, pack) -> dict[int, str]:
    """Section number → the theme its own text answers, where one stands out."""
    named = heading_themes(analysis, pack)
    assigned: dict[int, str] = {}
    for section in analysis.sections:
        sentences = [s for i in section.blocks(direct=True) for s in analysis.block_sentences.get(i, [])
                     if s.own and s.block.kind != HEADING]
        if not sentences:
            continue
        scores = {name: float(sum(1 for s in sentences if on_theme(analysis, theme, s)))
                  for name, theme in pack.themes.items()}
        own = named.get(section.number)
        if own is not None and _heading_decides(analysis, pack.themes[own], own, scores, sentences):
            assigned[section.number] = own
            continue
        if own is None:
            ancestor = section.parent
            while ancestor is not None and ancestor not in named:
                ancestor = analysis.sections[ancestor].parent
            if ancestor is not None:
                scores[named[ancestor]] += ANCESTOR_WEIGHT
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        if ranked and ranked[0][1] >= ASSIGN_SCORE and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            assigned[section.number] = ranked[0][0]
    return assigned
