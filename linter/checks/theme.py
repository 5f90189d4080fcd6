"""theme: the document answers one of the regime's themes in its own words.

What it does
    Finds the part of the document that deals with a theme, first by its
    heading and then, where no heading names it, by its content, and weighs
    how much of the council's own text answers it.

    A heading belongs to a theme when it reproduces the theme's statement
    (in any voice: "How you have…", "How we have…") or contains one of the
    theme's ``headings`` terms. Its section runs on, through sub-headings and
    same-level headings that belong to no other theme, until the next
    heading of another theme, one of the pack's ``section_breaks`` ("Next
    steps", "Conclusion"), or a heading whose text does not use the theme's
    vocabulary. Text that merely repeats the regime's
    prompts, and drafting filler such as "TBC", is not counted.

    Without a heading, sentences using the theme's ``vocabulary`` (and none
    of its ``exclude`` terms) are counted across the whole document.

Why
    A reviewer wants each theme answered with substance. A heading with
    nothing under it, or the letter's own question pasted in, is not an
    answer.

Parameters
    ``theme`` (name of a theme in the pack); ``pass_words`` (own words under
    the heading for a pass, default 120); ``content_sentences`` (on-theme
    sentences needed to pass without a heading, default 5).

Example
    A section headed "Technology and data" with 300 words of the council's
    plans passes; the same heading over "TBC" fails; three sentences about
    "digital" services scattered through other sections are partial.
"""

from __future__ import annotations

from ..analysis import evidence_for
from ..document import HEADING
from . import FAIL, PARTIAL, PASS, Outcome

PARAMS = {
    "type": "object",
    "properties": {
        "theme": {"type": "string"},
        "pass_words": {"type": "integer", "minimum": 1},
        "content_sentences": {"type": "integer", "minimum": 1},
    },
    "required": ["theme"],
    "additionalProperties": False,
}

PROMPT_HEADING = 0.5


def heading_themes(analysis, pack) -> dict[int, set[str]]:
    """Block index of each heading → the themes it belongs to (worked out once)."""
    cached = analysis.cache.get("heading_themes")
    if cached is not None:
        return cached
    found: dict[int, set[str]] = {}
    for index, block in enumerate(analysis.document.blocks):
        if block.kind != HEADING:
            continue
        similarity = {name: analysis.prompts.similarity(block.text, theme.prompt_id)
                      for name, theme in pack.themes.items()}
        best = max(similarity, key=similarity.get, default=None)
        if best is not None and similarity[best] >= PROMPT_HEADING:
            found[index] = {best}
            continue
        named = {name for name, theme in pack.themes.items() if theme.headings.matches(block.text)}
        if named:
            found[index] = named
    analysis.cache["heading_themes"] = found
    return found


def _on_theme(analysis, theme, heading: int, level: int) -> bool:
    """Whether the text under a same-level heading that names no theme still speaks of ``theme``."""
    blocks = analysis.document.blocks
    for index in range(heading + 1, len(blocks)):
        if blocks[index].kind == HEADING and (blocks[index].level or 1) <= level:
            return False
        for sentence in analysis.block_sentences.get(index, []):
            if sentence.own and analysis.has(theme.vocabulary, sentence) and \
                    not analysis.has(theme.exclude, sentence):
                return True
    return False


def theme_sections(analysis, pack, theme: str) -> list[tuple[int, int]]:
    """(heading index, end index) for each part of the document headed by ``theme``."""
    blocks = analysis.document.blocks
    owners = heading_themes(analysis, pack)
    sections = []
    for start, names in sorted(owners.items()):
        if theme not in names:
            continue
        level = blocks[start].level or 1
        end = start + 1
        while end < len(blocks):
            block = blocks[end]
            if block.kind == HEADING and (block.level or 1) <= level:
                other_theme = end in owners and theme not in owners[end]
                breaks = end not in owners and pack.section_breaks.matches(block.text)
                off_theme = end not in owners and not _on_theme(analysis, pack.themes[theme], end, level)
                if other_theme or breaks or off_theme or (block.level or 1) < level:
                    break
            end += 1
        if sections and start < sections[-1][1]:
            continue  # a sub-heading of the same theme inside a section already taken
        sections.append((start, end))
    return sections


def check(analysis, params, pack) -> Outcome:
    theme = pack.themes[params["theme"]]
    pass_words = params.get("pass_words", 120)
    blocks = analysis.document.blocks
    sections = theme_sections(analysis, pack, params["theme"])
    own, words = [], 0
    for start, end in sections:
        for index in range(start + 1, end):
            if blocks[index].kind == HEADING:
                continue
            for sentence in analysis.block_sentences.get(index, []):
                if sentence.own:
                    own.append(sentence)
                    words += sentence.words
    headings = [blocks[start] for start, _ in sections]
    if headings and words >= pass_words:
        evidence = [evidence_for(s.block, s.text) for s in own[:2]] + [evidence_for(headings[0])]
        return Outcome(PASS, f"Answered under \"{headings[0].text}\" ({words} words of the council's own text).",
                       evidence)
    by_content = [s for s in analysis.own_sentences()
                  if theme.vocabulary.matches(s.text) and not theme.exclude.matches(s.text)]
    if not headings and len(by_content) >= params.get("content_sentences", 5) and \
            sum(s.words for s in by_content) >= pass_words:
        return Outcome(PASS, f"No heading names this theme, but {len(by_content)} sentences answer it; "
                             "a heading would help reviewers find it.",
                       [evidence_for(s.block, s.text) for s in by_content[:3]])
    if headings and words:
        return Outcome(PARTIAL, f"A heading (\"{headings[0].text}\") with a thin answer: "
                                f"{words} words of the council's own text; about {pass_words} are expected.",
                       [evidence_for(headings[0])] + [evidence_for(s.block, s.text) for s in own[:2]],
                       missing=["more of the council's own account under the heading"])
    if by_content:
        evidence = [evidence_for(s.block, s.text) for s in by_content[:3]]
        return Outcome(PARTIAL, f"Only a passing mention: {len(by_content)} sentence"
                                f"{'s' if len(by_content) != 1 else ''} touch this theme and no heading names it.",
                       evidence, missing=["a section that answers this theme"])
    if headings:
        copied = analysis.prompts.is_prompt(headings[0].text)
        why = ("the letter's wording is copied in as a heading with no answer under it" if copied
               else f"the heading \"{headings[0].text}\" has no answer under it")
        return Outcome(FAIL, why[0].upper() + why[1:] + ".", [evidence_for(headings[0])],
                       missing=["the council's own answer to this theme"])
    prompts = [s for s in analysis.sentences if s.prompt and
               analysis.prompts.similarity(s.text, theme.prompt_id) >= PROMPT_HEADING]
    if prompts:
        return Outcome(FAIL, "Only the letter's wording of this theme appears; there is no answer.",
                       [evidence_for(prompts[0].block, prompts[0].text)],
                       missing=["the council's own answer to this theme"])
    return Outcome(FAIL, "This theme is not addressed.", [], missing=["a section that answers this theme"])
