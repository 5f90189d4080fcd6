"""question: one of the regime's questions is answered, not just touched.

What it does
    An answer is a passage (by default a sentence and the one after it, in
    the same paragraph) of the council's own text in which all the concepts of one
    of the ``answer`` alternatives appear together. The question is
    *touched* when its ``topic`` appears anywhere in the council's own text.
    Where the document copies the question in as a heading, the text under
    that heading is its answer when it has at least ``heading_words`` own
    words. Answers found in the section of the question's ``theme`` are
    cited first, because that is where a reviewer looks; with
    ``within_theme`` they must come from there when the document has such a
    section (a "challenge" in the introduction is context, in the barriers
    section it is a barrier).

Why
    Councils answered the letter's questions in prose, in bullet lists and
    in question-and-answer form. Co-occurrence in one passage separates an
    answer ("we share data monthly with the NHS through the care record")
    from a passing word ("data").

Parameters
    ``prompt`` (the question as the regime words it); ``theme`` (the pack
    theme it belongs to); ``topic`` (concept);
    ``answer`` (list of alternatives, each a list of concepts);
    ``heading_words`` (default 25); ``window`` (sentences in a passage,
    default 2); ``within_theme`` (default false); ``count_fact`` (``{name, of: concept}``:
    record the number written just before the concept, e.g. "12 EDI
    champions").

Example
    For "how often do you share data with other organisations", the passage
    "We share social care data with the NHS every week" passes; "data
    sharing is important" is partial.
"""

from __future__ import annotations

import re

from ..analysis import evidence_for
from ..document import HEADING
from . import CONCEPT, FAIL, PARTIAL, PASS, Outcome

PARAMS = {
    "type": "object",
    "$defs": {"concept": CONCEPT},
    "properties": {
        "prompt": {"type": "string"},
        "theme": {"type": "string"},
        "topic": {"$ref": "#/$defs/concept"},
        "answer": {"type": "array", "minItems": 1,
                   "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}}},
        "heading_words": {"type": "integer", "minimum": 1},
        "window": {"type": "integer", "minimum": 1, "maximum": 3},
        "within_theme": {"type": "boolean"},
        "count_fact": {"type": "object", "properties": {"name": {"type": "string"},
                                                        "of": {"$ref": "#/$defs/concept"}},
                       "required": ["name", "of"], "additionalProperties": False},
    },
    "required": ["topic", "answer"],
    "additionalProperties": False,
}

COUNT_BEFORE = re.compile(r"(\d[\d,]*)\s+(?:[A-Za-z&-]+\s+){0,3}$")
COUNT_AFTER = re.compile(r"^\W{0,3}(?:[a-z]+\s+){0,2}?(\d[\d,]*)\b")
QUESTION_HEADING = 0.5


def passages(analysis, window: int = 2):
    """Windows of ``window`` consecutive own sentences in one block, as (first sentence, window).

    A list item's window starts with the sentence that introduces the list.
    """
    for sentences in analysis.block_sentences.values():
        own = [s for s in sentences if s.own and s.block.kind != HEADING]
        for index, sentence in enumerate(own):
            yield sentence, analysis.context(sentence)[:-1] + own[index:index + window]


def passage_has(analysis, conjunction, passage) -> bool:
    return all(any(analysis.has(concept, s) for s in passage) for concept in conjunction)


def answered_under_heading(analysis, prompt_id: int, words_needed: int):
    """The heading that copies the question, if enough own text follows it."""
    blocks = analysis.document.blocks
    for position, block in enumerate(blocks):
        if block.kind != HEADING or analysis.prompts.similarity(block.text, prompt_id) < QUESTION_HEADING:
            continue
        own = []
        for later in range(position + 1, len(blocks)):
            if blocks[later].kind == HEADING and (blocks[later].level or 1) <= (block.level or 1):
                break
            own.extend(s for s in analysis.block_sentences.get(later, []) if s.own)
        if sum(s.words for s in own) >= words_needed:
            return block, own
    return None


def count_of(analysis, concept) -> int | None:
    for sentence in analysis.own_sentences():
        for match in concept.finditer(sentence.text):
            # Only the few words before the match matter; a bounded slice keeps this linear.
            before = COUNT_BEFORE.search(sentence.text[max(0, match.start() - 60):match.start()])
            after = COUNT_AFTER.search(sentence.text[match.end():])
            found = before or after
            if found:
                return int(found.group(1).replace(",", ""))
    return None


def check(analysis, params, pack) -> Outcome:
    topic = pack.concept(params["topic"])
    alternatives = [[pack.concept(c) for c in conjunction] for conjunction in params["answer"]]
    facts = {}
    if "count_fact" in params:
        facts[params["count_fact"]["name"]] = count_of(analysis, pack.concept(params["count_fact"]["of"]))
    spans = []
    if params.get("theme") in pack.themes:
        from .theme import theme_sections

        spans = theme_sections(analysis, pack, params["theme"])

    def in_theme(sentence) -> bool:
        return any(start <= sentence.block_index < end for start, end in spans)

    answers, touches = [], []
    for sentence, passage in passages(analysis, params.get("window", 2)):
        if params.get("within_theme") and spans and not in_theme(sentence):
            continue
        if any(passage_has(analysis, conjunction, passage) for conjunction in alternatives):
            answers.append((sentence, " ".join(s.text for s in passage if s is not analysis.lead_ins.get(sentence.index))))
        elif analysis.has(topic, sentence):
            touches.append(sentence)
    answers.sort(key=lambda answer: not in_theme(answer[0]))
    if answers:
        return Outcome(PASS, "Answered.", [evidence_for(s.block, t) for s, t in answers[:3]], facts=facts)
    if params.get("prompt"):
        # The pack lists every rule's prompt among its own, so the analysis already knows it.
        headed = answered_under_heading(analysis, pack.prompts.index(params["prompt"]),
                                        params.get("heading_words", 25))
        if headed:
            heading, own = headed
            return Outcome(PASS, f"Answered under the question heading \"{heading.text}\".",
                           [evidence_for(heading)] + [evidence_for(s.block, s.text) for s in own[:2]],
                           facts=facts)
    if touches:
        return Outcome(PARTIAL, "Touched on, but not answered.",
                       [evidence_for(s.block, s.text) for s in touches[:3]],
                       missing=["a direct answer"], facts=facts)
    return Outcome(FAIL, "Not addressed.", [], missing=["an answer to this question"], facts=facts)
