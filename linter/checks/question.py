"""question: one of the regime's questions is answered, not just touched.

What it does
    An answer is a passage (by default a sentence and the one after it, in
    the same paragraph) of the council's own text in which all the concepts of one
    of the ``answer`` alternatives appear together. The question is
    *touched* when its ``topic`` appears anywhere in the council's own text
    (or, given as alternatives, all the concepts of one of them in a sentence and the next).
    Where the document copies the question in as a heading, or as a
    paragraph of its own (a bold "Q4." line), the text under it, up to the
    next heading or copied question, is its answer when it has at least
    ``heading_words`` own words. Answers found in the section of the question's ``theme`` are
    cited first, because that is where a reviewer looks; with
    ``within_theme`` they must come from there when the document has such a
    section (a "challenge" in the introduction is context, in the barriers
    section it is a barrier). ``answer_in_theme`` alternatives count only
    inside the theme's sections: "multi-year settlements would let us plan"
    is an ask in a barriers section and nothing in particular elsewhere.
    A heading that asks the question (in the regime's words, or naming its
    topic in a few words and no theme) over nothing but drafting text fails
    it: the plan says the answer is still to be written.

Why
    Councils answered the letter's questions in prose, in bullet lists and
    in question-and-answer form. Co-occurrence in one passage separates an
    answer ("we share data monthly with the NHS through the care record")
    from a passing word ("data").

Parameters
    ``prompt`` (the question as the regime words it); ``theme`` (the pack
    theme it belongs to); ``topic`` (a concept, or alternatives like ``answer``'s: "agency
    staff" alone is the agency-spend question's subject; the value question is touched only
    where agency staff and how they are judged or cut meet);
    ``answer`` (list of alternatives, each a list of concepts);
    ``heading_words`` (default 25); ``window`` (sentences in a passage,
    default 2); ``within_theme`` (default false); ``specific`` (the passage
    must say something specific, as the analysis judges it, not "we would
    welcome more support": default false); ``estimate`` (the question asks
    what could be, so a hedged answer gives it: "We think this could save
    about £310,000 a year" estimates a saving, a negated one still does not;
    default false); ``count_fact`` (``{name, of: concept}``:
    record the number written just before the concept, e.g. "12 EDI
    champions"; with ``short`` and ``with``, also beside a shorter name in a
    sentence that names ``with``: "EDI training … and 14 champions"); ``denied``
    (``{part: concept, missing: text}``: a part of the answer the question asks for, such as a value put
    on an approach; where a paragraph that answers says it lacks that part, "We have not yet put a value
    on the demand it avoids", the question is answered in part, and ``missing`` says what is lacking);
    ``done`` (the question asks what has been done: a passage whose sentences only say what will be,
    "By April 2026 we will bring our depots into one", does not answer it; default false);
    ``none_answers`` (the question is asked only of councils that have the thing it names, "If you
    have one, …": a sentence of the council's own that denies the topic, "Not applicable. We are not
    part of a combined authority", answers it; default false); ``exclude`` (a concept the question is
    not about: a sentence that holds it, or that stands in a paragraph most of whose sentences do,
    neither answers nor touches the question, as refuse collection does not answer how waste in the
    organisation is found).

Example
    For "how often do you share data with other organisations", the passage
    "We share social care data with the NHS every week" passes; "data
    sharing is important" is partial.
"""

from __future__ import annotations

import re

from ..analysis import (CROSS_REFERENCE, DRAFTING_NOTE, GRAMMAR_WORDS, PARAGRAPH_NUMBER, POINTS_ELSEWHERE,
                        POINTS_TO_ITS_ANSWER, REFERS_BACK, REVIEW_COMMENT, UNFINISHED, VERB_LIKE, asks, asks_word,
                        evidence_for, notes_asking_for_what_lacks, tokens)
from ..clauses import NEGATION_CUE, asserted, clauses, governed_by, lacked, only_ahead
from ..document import HEADING, LIST_ITEM, TABLE
from ..figures import COUNT, TARGET_COLUMN, as_count, count_near, nil_stated, year_in
from ..messages import register
from ..sections import theme_named
from . import CONCEPT, FAIL, PARTIAL, PASS, Outcome

PARAMS = {
    "type": "object",
    "$defs": {"concept": CONCEPT},
    "properties": {
        "prompt": {"type": "string"},
        "theme": {"type": "string"},
        "topic": {"oneOf": [{"$ref": "#/$defs/concept"},
                            {"type": "array", "minItems": 1,
                             "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}}}]},
        "answer": {"type": "array", "minItems": 1,
                   "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}}},
        "heading_words": {"type": "integer", "minimum": 1},
        "window": {"type": "integer", "minimum": 1, "maximum": 3},
        "within_theme": {"type": "boolean"},
        "answer_in_theme": {"type": "array", "minItems": 1,
                            "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}}},
        "specific": {"type": "boolean"},
        "done": {"type": "boolean"},
        "none_answers": {"type": "boolean"},
        "estimate": {"type": "boolean"},
        "exclude": {"$ref": "#/$defs/concept"},
        "tentative": {"$ref": "#/$defs/concept"},
        "denied": {"type": "object", "properties": {"part": {"$ref": "#/$defs/concept"},
                                                    "missing": {"type": "string"}},
                   "required": ["part", "missing"], "additionalProperties": False},
        "count_fact": {"type": "object", "properties": {"name": {"type": "string"},
                                                        "of": {"$ref": "#/$defs/concept"},
                                                        "short": {"$ref": "#/$defs/concept"},
                                                        "with": {"$ref": "#/$defs/concept"}},
                       "required": ["name", "of"], "additionalProperties": False},
    },
    "required": ["topic", "answer"],
    "additionalProperties": False,
}

QUESTION_HEADING = 0.5
TOPIC_HEADING_WORDS = 6
# "Not applicable to a non-unitary council" under a copied question does not take it up.
# Nor do answers that decline it: "Nothing to report.", "Not yet assessed."
NOT_APPLICABLE = re.compile(r"\W*(?:not\s+applicable|n/a|nothing\s+to\s+report|not\s+(?:yet\s+)?(?:assessed|known|answered|"
                            r"available)|no\s+comment|to\s+follow)\b", re.IGNORECASE)
# A sentence that sums up the one before it: "this kind of joint working", "these changes"; or whose
# subject is what the one before counted: "Neither placement ran for more than a year", "None of them".
POINTS_BACK = re.compile(r"\b(?:this|these|such)\s+(?:kinds?|sorts?|types?)\s+of\b|"
                         r"\b(?:this|that)\s+(?:approach|model|arrangement|way\s+of\s+working)\b|"
                         r"\bthese\s+(?:changes|arrangements|approaches|exchanges)\b|"
                         r"^\W*(?:neither|both|none\s+of\s+(?:them|these|those)|each\s+of\s+(?:them|these|those)|"
                         r"all\s+of\s+(?:them|these|those))\b|"
                         # "In 2022 we spent £240,000 replacing the lighting. The work is saving around £41,000 a
                         # year": a general word for what the sentence before did.
                         r"^\W*(?:the|this|that|these|those)\s+(?:work|works|scheme|schemes|project|projects|"
                         r"investment|investments|upgrade|upgrades|initiative|initiatives)\s+"
                         r"(?:is|are|was|were|has|have|now|will)\b",
                         re.IGNORECASE)

# A word as written, with its capitals: what a restatement adds may name something.
WORD = re.compile(r"[\w£%’'-]+")


register({
    "question.answered": "answered.",
    "question.answered-under-heading": "answered under the question heading “{heading}”.",
    "question.touched": "touched on, but not answered.",
    "question.absent": "not addressed.",
    "question.left-for-drafting": "the plan's place for this answer (“{heading}”) holds only drafting text.",
    "question.asked-for-in-a-note": "a note asks for this answer to be added (“{note}”), and the plan gives none "
                                    "of its own.",
    "question.part-denied": "answered in part: the plan says it lacks {missing} (“{quote}”).",
    "question.none-to-answer": "answered: the question is asked only where there is one, and the plan says "
                               "there is none (“{quote}”).",
})


# What a sentence that only points elsewhere says besides its pointers: "Yes – see section 4.", "Please
# refer to Appendix B above."
POINTER_WORDS = re.compile(r"\b(?:yes|no|please|see|also|refer(?:red)?|to|as|set\s+out|described|covered|answered|"
                           r"in|at|under|above|below|earlier|later|the|this|plan|document)\b|\W", re.IGNORECASE)


# A pointer that names no part, only a direction: "See above.", "As below."
DIRECTION = re.compile(r"\b(?:above|below|earlier|later)\b", re.IGNORECASE)


def only_points_elsewhere(text: str) -> bool:
    """Whether a sentence does nothing but point to another part of the document ("See section 3.", "See
    above.")."""
    pointers = CROSS_REFERENCE.sub(" ", text)
    return (pointers != text or DIRECTION.search(text) is not None) and not POINTER_WORDS.sub("", pointers).strip()


def part_denied(analysis, pack, part, blocks: set[int]):
    """The council's own sentence, in a paragraph that answers the question, that says the plan lacks
    one part of the answer the question asks for: "We have not yet quantified its value"; or a note to
    the authors in the answer's section that asks for that part: "[Policy team: add how we will measure
    the effects]"."""
    for sentence in analysis.own_sentences():
        if sentence.block_index not in blocks:
            continue
        text = sentence.text
        if any(lacked(text, m.start(), m.end()) for m in part.finditer(text)):
            return sentence
    sections = {analysis.section_of[index] for index in blocks}
    return next((s for s in analysis.sentences if s.placeholder and analysis.section_of[s.block_index] in sections
                 and part.search(notes_asking_for_what_lacks(pack, s.read_with_notes))), None)


def passages(analysis, window: int = 2):
    """Windows of ``window`` consecutive own sentences in one block, as (first sentence, window,
    whether the window only asks: see only_asks).

    A list item's window starts with the sentence that introduces the list.
    """
    # Every question rule walks the same windows: work them out once per analysis.
    key = ("question.passages", window)
    found = analysis.cache.get(key)
    if found is None:
        found = analysis.cache[key] = []
        for block_index, sentences in analysis.block_sentences.items():
            own = [s for s in sentences if s.own and s.block.kind != HEADING]
            asked = asked_in_heading(analysis, block_index) if own else []
            analysis.cache.setdefault("question.asked-in-headings", set()).update(s.index for s in asked)
            for index, sentence in enumerate(own):
                # A paragraph's run-in title ("Invest to save.") says which question it answers, and a
                # question the council asks itself in a heading what its short answers are about:
                # "How often do we share data? / Every weekday with the three hospital trusts …".
                before = asked + analysis.context(sentence, titles=True)[:-1]
                # A question the paragraph opens with ("Q22. What do you need from government?
                # Multi-year settlements; …") lends its words as a question heading does, no more.
                analysis.cache["question.asked-in-headings"].update(
                    s.index for s in before if analysis.is_title(s) and asks(s.text))
                if index and POINTS_BACK.search(sentence.text):
                    # "The Council regards this kind of locally-led joint working as the best route":
                    # what "this kind of" names is the sentence before.
                    before.append(own[index - 1])
                    analysis.cache.setdefault("question.referents", {})[sentence.index] = own[index - 1]
                passage = before + own[index:index + window]
                found.append((sentence, passage, only_asks(sentence, passage)))
    return found


def reach(analysis, window: int) -> dict[int, list[int]]:
    """For each sentence's index, the positions in ``passages(analysis, window)`` of the windows that
    read it: in the passage, or in the two-sentence passage of the window's first sentence (where a
    topic of two parts is looked for), or as that sentence."""
    key = ("question.reach", window)
    found = analysis.cache.get(key)
    if found is None:
        found = analysis.cache[key] = {}
        nearby = {s.index: passage for s, passage, _ in passages(analysis, 2)}
        for position, (sentence, passage, _) in enumerate(passages(analysis, window)):
            for read in (passage, nearby.get(sentence.index, ()), (sentence,)):
                for s in read:
                    positions = found.setdefault(s.index, [])
                    if not positions or positions[-1] != position:
                        positions.append(position)
    return found


def within_reach(analysis, window: int, concepts) -> list[int]:
    """The positions of the windows that read a sentence holding one of ``concepts``, in order: the
    only windows in which a rule whose every answer and topic needs one of them can find either."""
    where = reach(analysis, window)
    positions = set()
    for index in set().union(*(analysis.holding(c) for c in concepts)):
        positions.update(where.get(index, ()))
    return sorted(positions)


def asked_in_heading(analysis, block_index: int) -> list:
    """The council's own question heading the section ``block_index`` is directly under, as sentences.

    The letter's questions copied as headings are not the council's own; their answers are read
    by :func:`answered_under_heading`.
    """
    heading = analysis.sections[analysis.section_of[block_index]].heading
    if heading is None or block_index == heading:
        return []
    # Up to the next question the council sets as a paragraph: "Q4a. What do we do to stop problems
    # arising?" under "Q4. Which service could save most?" asks what follows it.
    # (A note to the authors that asks, "[Finance - can you give a figure?]", sets no question.)
    if asked_before(analysis, heading, block_index):
        return []
    asked = [s for s in analysis.block_sentences.get(heading, []) if s.own]
    return asked if asked and asks(asked[-1].text) else []


def asked_before(analysis, heading: int, block_index: int) -> bool:
    """Whether one of the council's own questions, set as a paragraph, stands between the heading and the
    block. Worked out once per section, as the index of the first such paragraph."""
    key = ("question.first-asked", heading)
    if key not in analysis.cache:
        end = analysis.sections[analysis.section_of[heading]].end
        analysis.cache[key] = next((i for i in range(heading + 1, end) if analysis.question_paragraph(i) and
                                    any(s.own for s in analysis.block_sentences.get(i, []))), None)
    first = analysis.cache[key]
    return first is not None and first < block_index


def only_asks(sentence, passage) -> bool:
    """Whether the passage's own sentences (its lead-in and title aside) are all questions."""
    window = passage[next(i for i, s in enumerate(passage) if s is sentence):]
    return all(asks(s.text) for s in window)


def passage_has(analysis, conjunction, passage, tentative=None, estimate: bool = False) -> bool:
    """All the answer's parts are in the passage, and the first, its subject, is asserted somewhere.

    "We do not yet measure productivity" and "we are looking at whether automated tools could
    sort emails" name the subject of an answer without giving one: negated or only wondered
    about, it touches the question.
    """
    if not all(any(analysis.has(concept, s) for s in passage) for concept in conjunction):
        return False
    subject, parts = conjunction[0], conjunction[1:]
    if any(states_a_nil(concept, s.read_with_notes) for concept in parts for s in passage) or \
            any(counts_none(parts, s.read_with_notes) for s in passage):
        return True
    if not any(stated(analysis, subject, s, tentative, estimate) for s in passage):
        return False
    # Each part said somewhere, not only denied or considered: "We do not measure productivity as
    # such. Managers look at budgets"; "AI … we will explore opportunities to use it in casework".
    # A question heading may lend the answer its words ("Do we share our data? / Every weekday with
    # the two hospital trusts"), but the answer must give something of its own: "Preventative
    # approaches and their value? / We work with partners on early help" gives no value.
    asked = analysis.cache.get("question.asked-in-headings", ())
    said = [s for s in passage if s.index not in asked]
    return all(said_in(passage, concept, tentative) for concept in parts) and \
        (len(said) == len(passage) or any(said_in(said, concept, tentative) for concept in parts))


def said_in(sentences, concept, tentative=None) -> bool:
    """Whether one of the sentences says the concept: not denied, nor only considered."""
    return any(asserted(s.read_with_notes, m.start())
               and (tentative is None or not governed_by(s.read_with_notes, m.start(), tentative))
               for s in sentences for m in concept.finditer(s.read_with_notes))


def stated(analysis, subject, sentence, tentative=None, estimate: bool = False) -> bool:
    """Whether the sentence states the subject: not negated, hedged (unless it answers with an
    ``estimate``), or only considered ("we have looked at AI tools for drafting letters", with
    ``tentative`` the pack's words for considering)."""
    # A question the council asks itself in a heading names its answers' subject; its "could" is the
    # question's, not a hedge: "What role could capital spending play? / We have committed £140m …".
    asked = sentence.index in analysis.cache.get("question.asked-in-headings", ())
    if not analysis.asserts(subject, sentence, facts_only=not asked and not estimate):
        return False
    if tentative is None:
        return True
    text = sentence.read_with_notes
    return any(asserted(text, m.start(), True) and not governed_by(text, m.start(), tentative)
               and not only_considers(text, m.start(), tentative) for m in subject.finditer(text))


# What a clause will do, in its verb: "we will consider …", "we intend to explore …".
INTENT = re.compile(r"\b(?:will|shall|would|intend\s+to|plan\s+to|aim\s+to|propose\s+to|expect\s+to)\s+"
                    r"(?:(?:also|then|now|first|further|continue\s+to)\s+)?", re.IGNORECASE)


def only_considers(text: str, position: int, tentative) -> bool:
    """Whether the clause holding ``position`` intends only to consider: in "Looking ahead, we will
    consider a programme of service reviews over the next two years" nothing is planned but that."""
    for start, clause in clauses(text):
        if start <= position <= start + len(clause):
            return any((found := tentative.search(clause[intent.end():intent.end() + 20])) is not None
                       and found.start() == 0 for intent in INTENT.finditer(clause))
    return False


def restates_the_question(analysis, sentence, prompt_id: int, alternatives) -> bool:
    """Whether the sentence is the question turned into a statement, with nothing of an answer added:
    "We measure productivity in our organisation in a number of ways", "We log and report the time
    and money spent on EDI-related activity". It answers nothing, as the question copied would not.

    What it adds is an answer when it holds one of the answer's words ("We measure productivity
    through unit costs") or names something specific.
    """
    # (Remembered: a sentence is read by every window that holds it.)
    key = ("question.restates", sentence.index, prompt_id,
           tuple(id(concept) for conjunction in alternatives for concept in conjunction))
    if key not in analysis.cache:
        analysis.cache[key] = _restates_the_question(analysis, sentence, prompt_id, alternatives)
    return analysis.cache[key]


def _restates_the_question(analysis, sentence, prompt_id: int, alternatives) -> bool:
    if not analysis.prompts.restated(sentence.text, prompt_id) or REFERS_BACK.match(sentence.text) or \
            NEGATION_CUE.search(sentence.text):
        # "This is the service where we see the greatest potential for savings" names the one before it;
        # "We have no EDI champions" answers with a nil.
        return False
    # "Invest to save has worked well. Our £4.9m programme to convert 48,000 streetlights …": the question
    # turned round leads into the answer that follows it.
    following = analysis.sentences[sentence.index + 1] if sentence.index + 1 < len(analysis.sentences) else None
    if following is not None and following.block_index == sentence.block_index and following.own and \
            analysis.specific(following):
        return False
    asked = analysis.prompts.question_words[prompt_id]
    for conjunction in alternatives:
        for concept in conjunction:
            for match in concept.finditer(sentence.text):
                if any(not asks_word(word, asked) and word not in GRAMMAR_WORDS for word in tokens(match.group())):
                    return False
    # The question's own words struck out, each as a word in small letters, so that a name keeps its place
    # in the sentence: "We log and report the time spent … in Oracle HR".
    added = WORD.sub(lambda word: word.group() if any(not asks_word(w, asked) and w not in GRAMMAR_WORDS
                                                      for w in tokens(word.group())) else "x", sentence.text)
    return not analysis.specific_text(added)


def substantial(analysis, own, alternatives, specific: bool, tentative=None) -> bool:
    """Whether the text under a copied question answers it: something specific, or the question's
    parts (said specifically, where the question asks for specifics; done, not only considered: "We are
    keen to explore how AI could improve workflows" touches the question)."""
    # "Kirtlebridge is one of the most diverse boroughs in London" is specific about something else:
    # a specific sentence counts when it holds a part of the answer.
    concepts = [c for conjunction in alternatives for c in conjunction]
    if any(analysis.specific(s) and any(analysis.has(c, s) for c in concepts) for s in own):
        return True
    return not specific and any(passage_has(analysis, conjunction, own, tentative) for conjunction in alternatives)


def completes_the_question(analysis, headed, alternatives, specific: bool, tentative=None) -> bool:
    """Whether a short answer under a copied question gives the question's parts, the question
    naming their subject: "What role could capital spending play? / We have committed £140m to buy
    and build 600 homes for homeless households."  Each part must be said, not denied or
    considered, in the answer itself."""
    heading, own = headed
    asked = [s for s in analysis.sentences if s.block is heading]
    for conjunction in alternatives:
        subject, parts = conjunction[0], conjunction[1:]
        if not parts or not any(analysis.has(subject, s) for s in asked + own):
            continue
        # (A bare nil is as exact as an answer gets, where the question's parts take one: "How many EDI
        # Champions do you have?" over "None.")
        if all(said_in(own, concept, tentative) for concept in parts) and \
                (not specific or says_specifically(analysis, parts, own)) and \
                any(analysis.specific(s) or BARE_NIL.fullmatch(PARAGRAPH_NUMBER.sub("", s.text, count=1).strip())
                    for s in own):
            return True
    return False


def says_specifically(analysis, conjunction, passage) -> bool:
    """Whether a sentence of the passage that holds part of the answer is specific: "Data is one of
    our most valuable assets" beside "we will improve the quality of our data" makes neither specific."""
    referents = analysis.cache.get("question.referents", {})
    for sentence in passage:
        if any(analysis.has(c, sentence) for c in conjunction):
            referent = referents.get(sentence.index)
            if analysis.specific(sentence) or (any(s is referent for s in passage) and analysis.specific(referent)):
                return True
            # A list item is one barrier and its ask: "Housing benefit subsidy for temporary accommodation is
            # still capped at 90% of 2011 rates … We ask Government to uprate the cap" asks of the item's barrier.
            if sentence.block.kind == LIST_ITEM and any(analysis.specific(s) for s in passage
                                                        if s.block_index == sentence.block_index and s is not sentence):
                return True
            if counts_none(conjunction[1:], sentence.read_with_notes):
                return True
    return False


# "None has lasted more than a year", "Neither placement ran for more than a year": a count of nothing
# is an exact answer.
NONE_COUNTED = re.compile(r"\b(?:none|neither|nobody|no\s+one|not\s+one|not\s+a\s+single|"
                          r"no\s+(?:[\w-]+\s+){1,4}(?:has|have|had|is|are|was|were))\b[^.;:]{0,40}$", re.IGNORECASE)


def counts_none(parts, text: str) -> bool:
    """Whether a part of the answer is counted as none: "none has lasted more than a year"."""
    return any(NONE_COUNTED.search(text[max(0, m.start() - 80):m.start()])
               for concept in parts for m in concept.finditer(text))


def states_a_nil(concept, text: str) -> bool:
    """Whether one of the answer's own parts is a nil ("no EDI champions", "none"): a nil the
    question provides for answers it, negation and all."""
    return any(NEGATION_CUE.search(match.group(0)) for match in concept.finditer(text))


def sections_asking(analysis, prompt_id: int, topics=()):
    """The sections whose heading asks the question: in the letter's words, or, given the question's
    topics, by naming a topic in a few words ("New technology, including AI")."""
    for section in analysis.sections:
        if section.heading is None:
            continue
        if analysis.prompts.similarity(section.title, prompt_id) >= QUESTION_HEADING or (
                # A short heading naming the topic, and no theme: "Barriers preventing progress" is the
                # barriers theme's, not the prevention question's.
                topics and len(section.title.split()) <= TOPIC_HEADING_WORDS
                and theme_named(analysis, analysis.pack, section.title) is None
                and any(all(c.matches(section.title) for c in conjunction) for conjunction in topics)):
            yield section


def answer_end(analysis, section) -> int:
    """Where the answer under a question's heading ends: at the next copied question ("**Where have you
    followed invest to save?**" under a heading asking another), or a question of the council's own set
    as a paragraph ("**How do you assess value for money on agency staff?**"), or the section's end."""
    return next((i for i in section.blocks() if i != section.heading and
                 (copies_a_question(analysis, i) or analysis.question_paragraph(i))), section.end)


def answered_under_heading(analysis, prompt_id: int, words_needed: int):
    """The section headed by a copy of the question, if enough of the council's own text follows it."""
    for section in sections_asking(analysis, prompt_id):
        end = answer_end(analysis, section)
        own = [s for s in analysis.section_sentences(section) if s.block_index < end]
        if sum(s.words for s in own) >= words_needed and not NOT_APPLICABLE.match(own[0].text):
            return analysis.document.blocks[section.heading], own
    return None


def left_for_drafting(analysis, prompt_id: int, topics):
    """The heading that asks the question, in the letter's words or by naming its topic ("New
    technology, including AI"), over nothing but drafting text ("[Finance to add examples]", "TBC"), if
    the plan has one; None where any heading asking it has an answer of the council's own."""
    blank = None
    placeholders = analysis.pack.placeholders
    answered_by_topic = False
    for section in sections_asking(analysis, prompt_id, topics):
        end = answer_end(analysis, section)
        sentences = [s for i in section.blocks() if i != section.heading and i < end
                     for s in analysis.block_sentences.get(i, [])]
        if any(s.own for s in sentences):
            # A heading that only names the topic ("Our approach to productivity") may hold text that is no
            # answer: the question asked in the letter's words over "TBC" is still the plan's place for it.
            if analysis.prompts.similarity(section.title, prompt_id) >= QUESTION_HEADING:
                return None
            answered_by_topic = True
        elif blank is None and _drafting_only(sentences, placeholders):
            blank = analysis.document.blocks[section.heading]
    if answered_by_topic and (blank is None or analysis.prompts.similarity(blank.text, prompt_id) < QUESTION_HEADING):
        return None
    # Or a paragraph that copies the question ("*How do you measure productivity in your organisation?*") over
    # nothing but drafting text up to the next heading or question.
    blocks = analysis.document.blocks
    for index, block in enumerate(blocks):
        if blank is not None:
            break
        if block.kind == HEADING or not copies_a_question(analysis, index) or \
                analysis.prompts.similarity(block.text, prompt_id) < QUESTION_HEADING:
            continue
        sentences = []
        for later in range(index + 1, len(blocks)):
            if blocks[later].kind == HEADING or copies_a_question(analysis, later) or analysis.question_paragraph(later):
                break
            sentences += analysis.block_sentences.get(later, [])
        if any(s.own for s in sentences):
            return None
        if _drafting_only(sentences, placeholders):
            blank = block
    # Or a sentence that names the question's topic and leaves its answer to a note: "2.11 The service with
    # the greatest potential for further savings is [Finance to confirm] with an estimated saving of £[XX]k".
    return blank or next((s.block for s in analysis.sentences if s.placeholder and answer_left_to_note(s.text, topics)),
                         None) or titled_left_to_note(analysis, topics) or \
        question_left_to_note(analysis, prompt_id, topics)


# A run-in title names its subject in a few words, and says nothing of it: "Greatest potential for savings."
# ("See Q2 on homelessness prevention." points elsewhere; "Our planning system is old." is a start of an answer.)
TITLE_WORDS = 8


def titled_left_to_note(analysis, topics):
    """A paragraph whose run-in title names the question's topic and whose text is nothing but drafting text:
    "**Greatest potential for savings.** [Finance to confirm – likely temporary accommodation. Insert estimate
    £Xm.]"."""
    placeholders = analysis.pack.placeholders
    for block_index, sentences in analysis.block_sentences.items():
        title = analysis.run_in_titles.get(sentences[-1].index) if sentences else None
        if title is None or title.block_index != block_index or not analysis.is_title(title) or asks(title.text) or \
                title.words > TITLE_WORDS or VERB_LIKE.search(title.text) or POINTS_ELSEWHERE.match(title.text) or \
                not any(all(concept.matches(title.text) for concept in conjunction) for conjunction in topics):
            continue
        rest = [s for s in sentences if s is not title]
        if rest and all(s.placeholder and _words_outside(s.text, placeholders) <= NOTE_WORDS_LEFT for s in rest):
            return analysis.document.blocks[block_index]
    return None


# What a note may leave of its sentence: "[Finance to confirm.]", "Estimate: [£Xm]".
NOTE_WORDS_LEFT = 2


def _words_outside(text: str, placeholders) -> int:
    """The words of a sentence outside its placeholders: "Our revenues and benefits service is shared with [name
    of partner council]" has seven of its own."""
    for match in reversed(list(placeholders.finditer(text))):
        text = text[:match.start()] + " " + text[match.end():]
    return len(re.findall(r"[A-Za-z]{2,}", text))


def _drafting_only(sentences, placeholders) -> bool:
    """Whether the sentences are drafting text and nothing else, the first in a placeholder's own words
    ("TBC – Performance team to draft. (Use LG Inform? Check with Sam.)"). Every sentence drafting text in
    its own words: "Staff complete an equality e-learning module at induction. [HR to add training spend]"
    has a start of an answer."""
    # (A note that sends the reader elsewhere, "[See above – Finance to add the capital programme figure]",
    # leaves the answer to what it points to.)
    return bool(sentences) and all(s.placeholder for s in sentences) and placeholders.matches(sentences[0].text) \
        and not NOTE_POINTING_ELSEWHERE.match(sentences[0].text)


NOTE_POINTING_ELSEWHERE = re.compile(r"\W*see\s+(?:above|below|earlier|later|(?:the\s+)?(?:section|paragraph|part|"
                                     r"page|appendix|annex|question)s?\b)", re.IGNORECASE)


def question_left_to_note(analysis, prompt_id: int, topics):
    """The paragraph in which the plan asks the question itself and leaves the rest to drafting text: "Are
    these barriers the same across our services? [Policy Officer: check with heads of service and add a
    line here]"; or None."""
    prompts, placeholders = analysis.prompts, analysis.pack.placeholders
    for sentence in analysis.sentences:
        # (A question inside a note is the note's: "Comment [AK4]: Do we want to say how many EDI champions?",
        # "Comment (Finance): Can we add the £ saving from the restructure?")
        if sentence.furniture or not asks(sentence.text) or placeholders.matches(sentence.text) or \
                REVIEW_COMMENT.match(sentence.block.text):
            continue
        rest = [s for s in analysis.block_sentences.get(sentence.block_index, []) if s.index > sentence.index]
        if not (rest and all(s.placeholder for s in rest)):
            continue
        # Another of the letter's questions, however near its topic, is not this one: "Are there particular
        # barriers from legacy systems? TBC" asks about legacy systems, not which services the barriers touch.
        similarity = prompts.similarity(sentence.text, prompt_id)
        if any(prompts.similarity(sentence.text, other) > similarity for other in range(len(prompts.by_prompt))):
            continue
        if similarity >= QUESTION_HEADING or \
                any(all(concept.matches(sentence.text) for concept in conjunction) for conjunction in topics):
            return sentence.block
    return None


def asked_for_in_a_note(analysis, topics):
    """A note that asks for the answer to be written in, where the plan gives none of its own: "[Comment –
    Head of Finance: need to add which service has the greatest potential for savings, and the estimate]"."""
    return next((s.block for s in analysis.sentences if s.placeholder and asks_for_the_answer(s.text, topics)), None)


# A note's request that something be written in: "need to add", "Finance to insert", "please complete".
ASKS_TO_ADD = re.compile(r"\b(?:need\s+to\s+add|needs?\s+adding|to\s+add|please\s+add|add\s+in|to\s+insert|"
                         r"please\s+insert|to\s+complete|please\s+complete|to\s+write|to\s+draft|to\s+provide)\b",
                         re.IGNORECASE)


def asks_for_the_answer(text: str, topics) -> bool:
    """Whether a note asks for the question's answer to be written in, naming its topic."""
    note = DRAFTING_NOTE.search(text)
    return note is not None and ASKS_TO_ADD.search(note.group(0)) is not None and \
        any(all(concept.matches(note.group(0)) for concept in conjunction) for conjunction in topics)


def _lacked_marks(text: str, concept) -> list[bool]:
    """For each mention of ``concept`` in the text, whether the text says the plan lacks it."""
    return [lacked(text, m.start(), m.end()) for m in concept.finditer(text)]


def answer_left_to_note(text: str, topics) -> bool:
    """Whether the words before the sentence's first note name the topic and stop where its answer goes."""
    note = DRAFTING_NOTE.search(text)
    if note is None:
        return False
    before = PARAGRAPH_NUMBER.sub("", text[:note.start()], count=1).rstrip()
    return (before.endswith(":") or UNFINISHED.search(before) is not None) and \
        any(all(concept.matches(before) for concept in conjunction) for conjunction in topics)


def answered_under_paragraph(analysis, prompt_id: int, words_needed: int):
    """The answer after a paragraph that copies the question ("**Q4. What are your current plans…?**").

    Question-and-answer plans often set the question as a bold paragraph, not a heading: the
    council's own text after it, up to the next heading or the next copied question, answers it.
    """
    blocks = analysis.document.blocks
    for index, block in enumerate(blocks):
        if block.kind == HEADING or not copies_a_question(analysis, index) or \
                analysis.prompts.similarity(block.text, prompt_id) < QUESTION_HEADING:
            continue
        own = []
        for later in range(index + 1, len(blocks)):
            following = analysis.block_sentences.get(later, [])
            if blocks[later].kind == HEADING or copies_a_question(analysis, later) or \
                    analysis.question_paragraph(later):
                break
            own += [s for s in following if s.own]
        if sum(s.words for s in own) >= words_needed and not NOT_APPLICABLE.match(own[0].text):
            return block, own
    return None


def copies_a_question(analysis, block_index: int) -> bool:
    """A block that is only a copy of the regime's words, with perhaps its number ("A4."). A contents
    entry in those words ("Trade union facility time ..... 3") is furniture, and asks nothing."""
    key = ("question.copies", block_index)
    found = analysis.cache.get(key)
    if found is None:  # asked for every block by every unanswered question
        worded = [s for s in analysis.block_sentences.get(block_index, []) if s.words > 1]
        found = analysis.cache[key] = bool(worded) and all(s.prompt and not s.furniture for s in worded)
    return found


def count_of(analysis, concept, short=None) -> int | None:
    """The number written beside ``concept`` ("12 EDI champions", "six champions"), if any; or, with
    ``short`` (a shorter name and what a sentence must name for it to stand for the concept), beside the
    shorter name in a sentence that names that ("We spent £8,400 on EDI training and have 14 champions")."""
    for sentence in analysis.own_sentences():
        if only_ahead(sentence.text):
            # "We will set up a network of ten EDI champions in 2025" counts none there are now.
            continue
        names = [concept]
        # (Or in a section the heading of which names it: "Champions: seven" under "Equality, diversity and
        # inclusion".)
        if short is not None and (short[1].matches(sentence.text) or
                                  short[1].matches(analysis.section_at(sentence).title or "")):
            names.append(short[0])
        if sentence.block.kind == TABLE and (found := count_in_row(sentence, concept)) is not None:
            return found
        # The notes a sentence cites are read with it: "a network of EDI champions[^2]" over "[^2]: At 31
        # March 2024 we had eleven EDI champions".
        text = sentence.read_with_notes
        for match in (m for name in names for m in name.finditer(text)):
            found = count_near(text, match.start(), match.end())
            if found is not None:
                return found
        if nil_stated(text, concept):
            return 0
    return count_under_own_question(analysis, concept)


# A reply that is a nil and nothing more: "None.", "Nil", "Zero."
BARE_NIL = re.compile(r"(?:none|nil|zero|not\s+any|we\s+have\s+none)[.!]?", re.IGNORECASE)
# How a question asks for a number: "How many EDI Champions do you have?", "Number of EDI Champions?"
ASKS_A_NUMBER = re.compile(r"\b(?:how\s+many|number\s+of)\b", re.IGNORECASE)


def count_under_own_question(analysis, concept) -> int | None:
    """The bare number or nil that replies to a question asking how many of ``concept`` there are, in the
    council's words or the letter's: "3.2 Number of EDI Champions? None." is 0, "**How many EDI Champions
    do you have?** / Twelve." is 12. The question may be one of several asked together, as in a copy of
    the letter's: the reply follows the last of them."""
    sentences = analysis.sentences

    def asks_the_number(question: str) -> bool:
        return any(ASKS_A_NUMBER.search(question[max(0, m.start() - 40):m.start()]) for m in concept.finditer(question))

    for index, reply in enumerate(sentences):
        asked = []
        while index - len(asked) > 0 and sentences[index - len(asked) - 1].text.rstrip().endswith("?"):
            asked.append(sentences[index - len(asked) - 1])
        if not reply.own or reply.placeholder:
            continue
        # A label asks as a question does: "Number of EDI champions | seven", a grid's row read as a heading
        # over its answer.
        if not any(asks_the_number(question.text) for question in asked) and \
                not asks_the_number(analysis.section_at(reply).title or ""):
            continue
        text = PARAGRAPH_NUMBER.sub("", reply.text, count=1).strip()
        if BARE_NIL.fullmatch(text):
            return 0
        match = COUNT.fullmatch(text.rstrip(".").strip())
        if match:
            return as_count(match)
    return None


def count_in_row(sentence, concept) -> int | None:
    """The count in a table row labelled ``concept``, for the latest year its columns give and never
    a target: "Number of EDI champions | 12 | 17 | 20" under "Measure | Baseline 2022/23 | Latest
    2023/24 | Target 2025/26" is 17. None where the row is not the concept's or the table has no
    header over it."""
    cells = sentence.text.split(" | ")
    rows = sentence.block.table.rows if sentence.block.table is not None else []
    if len(cells) < 2 or not rows or not concept.matches(cells[0]) or \
            [cell.strip() for cell in rows[0]] == [cell.strip() for cell in cells]:
        return None
    header = [cell.strip() for cell in rows[0]]
    if len(header) != len(cells):
        return None
    counts = [(year_in(heading), index, as_count(match)) for index, (heading, cell) in
              enumerate(zip(header[1:], cells[1:]), 1)
              if not TARGET_COLUMN.search(heading) and (match := COUNT.fullmatch(cell.strip()))]
    counts = [(year, index, value) for year, index, value in counts if value is not None]
    if not counts:
        return None
    # The latest year's; in columns without years, the rightmost that is no target.
    dated = [count for count in counts if count[0] is not None]
    return max(dated or counts, key=lambda count: (count[0] or (), count[1]))[2]


def check(analysis, params, pack) -> Outcome:
    topic = params["topic"]
    paired = isinstance(topic, list) and all(isinstance(c, list) for c in topic)
    topics = [[pack.concept(c) for c in conjunction] for conjunction in topic] if paired \
        else [[pack.concept(topic)]]
    # A topic of two parts may be said over two sentences: "We always look for value for money.
    # Agency use is kept under review."
    nearby = {s.index: passage for s, passage, _ in passages(analysis, 2)} if paired else {}

    def only_points(sentence) -> bool:
        # "See section 3." and "How we measure productivity is set out below" touch nothing: what they
        # point to, if anything, is read where it is.
        return only_points_elsewhere(sentence.text) or \
            (POINTS_TO_ITS_ANSWER.search(sentence.text) is not None and restates(sentence))

    def touches_topic(sentence) -> bool:
        within = nearby.get(sentence.index, [sentence])
        return any(all(any(analysis.has(c, s) for s in within) for c in conjunction) for conjunction in topics) \
            and not only_points(sentence)

    alternatives = [[pack.concept(c) for c in conjunction] for conjunction in params["answer"]]
    tentative = pack.concept(params["tentative"]) if "tentative" in params else None
    in_theme_alternatives = [[pack.concept(c) for c in conjunction] for conjunction in params.get("answer_in_theme", [])]
    facts = {}
    if "count_fact" in params:
        counted = params["count_fact"]
        short = (pack.concept(counted["short"]), pack.concept(counted["with"])) \
            if "short" in counted and "with" in counted else None
        facts[counted["name"]] = count_of(analysis, pack.concept(counted["of"]), short)
    theme = params.get("theme") if params.get("theme") in pack.themes else None
    theme_blocks = set()
    if theme:
        # The sections that answer the theme, and those the plan keeps for it even where they hold
        # nothing yet: an empty "Barriers" section is where its questions are not answered.
        for section in analysis.theme_sections(theme) + analysis.named_sections(theme):
            theme_blocks.update(section.blocks(direct=True))
        # A plan with few headings answers the theme in a paragraph of its own.
        theme_blocks = theme_blocks or set(analysis.theme_paragraphs(theme))

    def in_theme(sentence) -> bool:
        return sentence.block_index in theme_blocks

    # What the question is not about: "Reducing waste is one of our top priorities", in a paragraph about
    # food caddies and fly-tipping, is refuse, not wasteful spend.
    exclude = pack.concept(params["exclude"]) if "exclude" in params else None

    mostly_excluded = {}  # block index: whether most of the paragraph's own sentences hold ``exclude``

    def excluded(sentence) -> bool:
        if exclude is None:
            return False
        if analysis.has(exclude, sentence):
            return True
        block = sentence.block_index
        if block not in mostly_excluded:  # asked for each sentence of every window the paragraph is in
            paragraph = [s for s in analysis.block_sentences.get(block, []) if s.own]
            mostly_excluded[block] = len(paragraph) > 1 and \
                2 * sum(analysis.has(exclude, s) for s in paragraph) >= len(paragraph)
        return mostly_excluded[block]

    answers, touches = [], []
    window = params.get("window", 2)
    windows = passages(analysis, window)
    asked = analysis.cache.get("question.asked-in-headings", set())
    # A window answers only where its passage holds an answer's first concept, and touches only where
    # the topic's first concept is read with its sentence: the other windows, most of them, add nothing.
    subjects = {id(c[0]): c[0] for c in alternatives + in_theme_alternatives + topics}
    prompt_id = pack.prompts.index(params["prompt"]) if params.get("prompt") else None

    def restates(sentence) -> bool:
        return prompt_id is not None and \
            restates_the_question(analysis, sentence, prompt_id, alternatives + in_theme_alternatives)
    for position in within_reach(analysis, window, subjects.values()):
        sentence, passage, asks = windows[position]
        # A question heading speaks for its answers only when it asks this question: "Where could we
        # save more?" is not about invest to save.
        passage = [s for s in passage if s.index not in asked or touches_topic(s)]
        if excluded(sentence):
            continue
        passage = [s for s in passage if not excluded(s)]
        if params.get("within_theme") and theme_blocks and not in_theme(sentence):
            continue
        usable = alternatives + (in_theme_alternatives if in_theme(sentence) else [])
        if analysis.is_title(sentence):
            # A run-in title ("4.5 Equality, diversity and inclusion.") names the question, as does a
            # question a paragraph opens with; only what follows it, read with it, touches or answers it.
            continue
        if asks:
            # "- are there particular barriers from legacy systems?" asks; it does not answer. A
            # paragraph that only asks stands over its answer as a heading would, and like a heading
            # it touches nothing by itself.
            if touches_topic(sentence) and not analysis.asks_as_a_heading(sentence):
                touches.append(sentence)
            continue
        held = [conjunction for conjunction in usable
                if passage_has(analysis, conjunction, passage, tentative, params.get("estimate", False))]
        # The question turned into a statement may lead into its answer ("Where the greatest savings lie.
        # Waste collection, …"), but is none: another sentence must say something specific or of the answer.
        if held and not any(not restates(s) and (analysis.specific(s) or any(analysis.has(concept, s)
                                                                            for conjunction in held
                                                                            for concept in conjunction))
                            for s in passage):
            held = []
        if held and params.get("done") and not any(not only_ahead(s.text) and any(analysis.has(c, s) for c in conjunction)
                                                   for conjunction in held for s in passage):
            # "We will bring refuse, street cleansing and grounds into one team by April 2026" is a plan; the
            # question asks what has changed.
            held = []
        if held and (not params.get("specific") or any(says_specifically(analysis, c, passage) for c in held)):
            lead = analysis.lead_ins.get(sentence.index)
            answers.append((sentence, " ".join(s.text for s in passage if s is not lead)))
        elif touches_topic(sentence):
            touches.append(sentence)
    answers.sort(key=lambda answer: not in_theme(answer[0]))
    left_blank = left_for_drafting(analysis, prompt_id, topics) if prompt_id is not None else None
    if left_blank is not None:
        # "### Preventative approaches and their value / TBC": the plan's own place for the answer says
        # it is still to be written, whatever other sections touch on.
        return Outcome(FAIL, "question.left-for-drafting", [evidence_for(left_blank)],
                       missing=["an answer to this question"], facts=facts,
                       data={"heading": left_blank.text.strip()})
    if answers:
        evidence = [evidence_for(s.block, t) for s, t in answers[:3]]
        denial = part_denied(analysis, pack, pack.concept(params["denied"]["part"]), {s.block_index for s, _ in answers}) \
            if "denied" in params else None
        if denial is not None:
            # "Our Family Help service supported 2,050 families. We have not yet put a value on the demand it
            # avoids": the approach is there, and the plan says the value the question asks for is not.
            return Outcome(PARTIAL, "question.part-denied", [evidence_for(denial.block, denial.text)] + evidence,
                           missing=[params["denied"]["missing"]], facts=facts,
                           data={"missing": params["denied"]["missing"], "quote": denial.text.strip()})
        return Outcome(PASS, "question.answered", evidence, facts=facts)
    if params.get("none_answers"):
        none = next((s for s in touches if not s.placeholder
                     and any(any(_lacked_marks(s.text, conjunction[0])) for conjunction in topics)), None)
        # "We became a constituent member of the Estuary Combined Authority in May 2024. … we have not yet
        # received any devolved funding through it": what its paragraph says the council has, it has.
        beside = [s for s in analysis.block_sentences.get(none.block_index, []) if s is not none] if none else []
        if any(conjunction[0].matches(s.text) and not any(_lacked_marks(s.text, conjunction[0]))
               for s in beside for conjunction in topics):
            none = None
        if none is not None:
            # "If you have one, …" over "Not applicable. We are not part of a combined authority": none is
            # the whole answer.
            return Outcome(PASS, "question.none-to-answer", [evidence_for(none.block, none.text)], facts=facts,
                           data={"quote": none.text.strip()})
    asked_for = asked_for_in_a_note(analysis, topics) if params.get("prompt") else None
    if asked_for is not None:
        # What the plan touches on is not yet its answer: the note says the answer is still to be written.
        return Outcome(FAIL, "question.asked-for-in-a-note", [evidence_for(asked_for)],
                       missing=["an answer to this question"], facts=facts,
                       data={"note": asked_for.text.strip()})
    if params.get("prompt"):
        # The pack lists every rule's prompt among its own, so the analysis already knows it.
        prompt_id, words_needed = pack.prompts.index(params["prompt"]), params.get("heading_words", 25)
        headed = answered_under_heading(analysis, prompt_id, words_needed) or \
            answered_under_paragraph(analysis, prompt_id, words_needed) or \
            answered_under_heading(analysis, prompt_id, 1) or answered_under_paragraph(analysis, prompt_id, 1)
        # Under a copy of several questions, the text may answer another: "What percentage … is spent on
        # agency and consultants? How do you assess value for money …?" over a table of percentages
        # answers the first. It answers this one only with this one's parts together.
        if headed and analysis.prompts.asks_others(headed[0].text, prompt_id) and \
                not any(passage_has(analysis, conjunction, headed[1]) for conjunction in alternatives):
            touches = [s for s in headed[1] if touches_topic(s)][:1] + touches
            headed = None
        # A few words of the council's own under the copied question ("Temporary accommodation.") touch
        # it; an answer needs more, said with substance.
        if headed and (sum(s.words for s in headed[1]) < words_needed or
                       not substantial(analysis, headed[1], alternatives, params.get("specific", False), tentative)) and \
                not completes_the_question(analysis, headed, alternatives, params.get("specific", False), tentative):
            # "We do not yet have a single measure of productivity; this is an area to develop" under
            # the copied question acknowledges it: an answer says something specific.
            touches = [s for s in headed[1] if not only_points(s)][:1] + touches
        elif headed:
            heading, own = headed
            return Outcome(PASS, "question.answered-under-heading",
                           [evidence_for(heading)] + [evidence_for(s.block, s.text) for s in own[:2]],
                           facts=facts, data={"heading": heading.text.strip()})
    if touches:
        return Outcome(PARTIAL, "question.touched", [evidence_for(s.block, s.text) for s in touches[:3]],
                       missing=["a direct answer"], facts=facts)
    return Outcome(FAIL, "question.absent", [], missing=["an answer to this question"], facts=facts)
