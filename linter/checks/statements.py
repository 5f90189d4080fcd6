"""statements: the document says certain things, each in one sentence.

What it does
    Each entry of ``find`` is a statement the document should make, written
    as alternatives: lists of concepts that must all appear in one of the
    council's own sentences. The check passes when every statement is found
    (or any, with ``pass_when: any``), is partial when only some are, or
    when one of the weaker ``partial`` statements is found, and fails
    otherwise. Sentences containing an ``exclude`` concept never count, nor
    do sentences that copy the regime's own instructions.

Why
    Requirements such as "members endorsed the plan" or "the plan is
    published on the website" are statements, and the words around them
    matter: performance "reported to Cabinet" is not endorsement of the
    plan, and a website link is not publication of the plan. A list item is
    read together with the sentence that introduces its list ("Key dates for
    this plan:"), and a sentence with the footnotes it cites, as a reader
    would.

    A statement's words must be asserted: "we have not yet agreed KPIs",
    "the plan has not been considered by members" and "no decision has been
    taken" make no statement (see :mod:`plancheck.clauses`). With
    ``facts_only`` a hedged statement ("the plan should be approved by
    Cabinet") does not count either, nor one on a condition said after it
    ("we will publish this plan on our website if the Government decides
    to publish the plans of all councils"). A document-control table ("Approved by
    | Cabinet", "Date | 9 July 2024") is a statement about the document
    itself: it satisfies the pack's ``document_reference`` concept without
    naming the plan.

Parameters
    ``find`` (list of ``{label, any: [[concept, ...], ...], exclude}``);
    ``partial`` (same form); ``exclude`` (concept); ``facts_only``
    (hedged statements do not count, nor weaker ones an open question leaves
    open, default false); ``route`` (alternatives like ``any``'s: a plain
    condition whose words make one is the council's own way to the thing, not
    a doubt, "If Cabinet agrees the plan, it will be published on our
    website"); ``window`` (a
    statement may run over this many sentences of one paragraph, default 1:
    "We will track the plan through eight measures. All eight go to Cabinet
    each quarter."); ``undated_is_pending`` (a statement whose date is
    still a blank, "approved by Cabinet on [date tbc]", is not made yet: it
    can be only the weaker ``partial``); ``too_late`` (a concept, such as
    submission: a statement the sentence dates after the date it gives this,
    "submitted on 19 July and will go to Cabinet for approval on 29 July",
    is not made); ``denied`` (alternatives like
    ``any``'s whose first concept, negated, denies what the rule asks for:
    "we have not yet agreed KPIs for this plan" makes the rest count only in
    part, and a mere mention of the missing thing count for nothing; so
    does a note asking for it, "[Performance team to add KPIs for the plan]");
    an alternative may be ``{concepts: [...], unless: statement}``, whose
    denial a statement in ``find``'s form outweighs when the plan makes it:
    "we have not yet set targets" denies nothing of measures already given
    with their values); ``weaker_after_denial`` (a denial leaves the weaker
    ``partial`` statements standing when a sentence in the denial's paragraph
    or the next makes one: "we have not yet decided how progress on the plan
    will be reported" beside the council's usual quarterly performance report
    is partial); a statement's
    ``ahead_names`` (a concept: a statement made only of what is still to
    come must name one of these, "Members will be asked to agree the plan"
    naming no meeting that will), a statement's ``others_deciding`` (a
    concept: a decision whose agent, "approved by …" or "agreed between …",
    is one of these is theirs, whoever else the sentence names, and so is a decision
    delegated to one of them ("delegated authority to the Chief Executive to approve the final
    version"): "Because the
    timetable did not allow the plan to be taken to Cabinet, it was approved
    by the Chief Executive under delegated powers"), a statement's ``decides``
    (``{verb, thing}``: a ``verb`` in a relative clause with no object of its own decides
    the noun the clause describes, so it makes the statement only where that noun is the ``thing``:
    "the programmes that our Cabinet agreed in 2022" is no decision on the plan) and ``back``
    (``{here: [concept, ...], there: [[concept, ...], ...]}``) lets
    a sentence that points elsewhere in
    the plan make it ("progress against the measures above will be reported
    to Cabinet"): one asserting every ``here`` concept makes the statement
    when another of the council's own sentences asserts one of ``there``'s
    alternatives ("potholes are now fixed within 28 days in 87% of cases, up
    from 64%"); ``pass_when``
    (``all`` or ``any``); ``fact`` (``{name, parts: {key: concept}, near:
    concept}``: record each part from the sentence that passed, the first
    part the one the statement is about, each later one the match nearest
    ``near``'s, or else the first part's: a decision's date is the one given
    in the clause of the word of deciding, in the sentence's own words before
    those it refers back to, and never one that bounds a time, "for
    submission by 19 July 2024").

Example
    ``find: [{label: members endorsed the plan, any: [[member-body,
    endorse, plan-reference]]}]`` passes "Cabinet endorsed this plan on
    10 July 2024" and ignores "performance is reported to Cabinet".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..analysis import (DECISION_BACK, LABEL, PARAGRAPH_NUMBER, RESOLUTION, evidence_for,
                        has_blank_date, notes_asking_for_what_lacks)
from ..clauses import CLAUSE_EDGE, COMMITTED, DECIDED, Committed, asserted, lacked, only_ahead, only_new_ones, without
from ..document import TABLE, count_words
from ..messages import register
from ..terms import MONTHS
from . import CONCEPT, FAIL, PARTIAL, PASS, Outcome

STATEMENT = {
    "type": "object",
    "properties": {
        "label": {"type": "string"},
        "any": {"type": "array", "minItems": 1,
                "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}}},
        "exclude": {"$ref": "#/$defs/concept"},
        "ahead_names": {"$ref": "#/$defs/concept"},
        "others_deciding": {"$ref": "#/$defs/concept"},
        "decides": {"type": "object", "properties": {"verb": {"$ref": "#/$defs/concept"},
                                                     "thing": {"$ref": "#/$defs/concept"}},
                    "required": ["verb", "thing"], "additionalProperties": False},
        "back": {"type": "object", "properties": {
            "here": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}},
            "there": {"type": "array", "minItems": 1,
                      "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}}}},
            "required": ["here", "there"], "additionalProperties": False},
    },
    "required": ["label", "any"],
    "additionalProperties": False,
}

PARAMS = {
    "type": "object",
    "$defs": {"concept": CONCEPT,
              "statement": STATEMENT},
    "properties": {
        "find": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/statement"}},
        "partial": {"type": "array", "items": {"$ref": "#/$defs/statement"}},
        "exclude": {"$ref": "#/$defs/concept"},
        "pass_when": {"enum": ["all", "any"]},
        "facts_only": {"type": "boolean"},
        "route": {"type": "array", "minItems": 1,
                  "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}}},
        "window": {"type": "integer", "minimum": 1, "maximum": 3},
        "undated_is_pending": {"type": "boolean"},
        "too_late": {"$ref": "#/$defs/concept"},
        "denied": {"type": "array", "minItems": 1, "items": {"oneOf": [
            {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}},
            {"type": "object", "properties": {
                "concepts": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concept"}},
                "unless": {"$ref": "#/$defs/statement"}},
             "required": ["concepts", "unless"], "additionalProperties": False}]}},
        "weaker_after_denial": {"type": "boolean"},
        "fact": {"type": "object", "properties": {
            "name": {"type": "string"},
            "parts": {"type": "object", "additionalProperties": {"$ref": "#/$defs/concept"}},
            "near": {"$ref": "#/$defs/concept"}},
            "required": ["name", "parts"], "additionalProperties": False},
    },
    "required": ["find"],
    "additionalProperties": False,
}


register({
    "statements.found": "found: {labels}.",
    "statements.some": "found {labels}, but not {missing}.",
    "statements.weaker": "only {label}; not {missing}.",
    "statements.none": "not found: {missing}.",
    "statements.denied": "the plan says these are not in place yet (“{quote}”); it gives only {labels}.",
    "statements.denied-only": "the plan says these are not in place yet (“{quote}”).",
})


def find_statement(analysis, pack, statement: dict, exclude=None, facts_only: bool = False, window: int = 1,
                   undated_pending: bool = False, too_late=None, weaker=(), stronger=()):
    """The first of the council's own sentences that makes ``statement``, or None."""
    return next(find_statements(analysis, pack, statement, exclude, facts_only, window, undated_pending, too_late,
                                weaker, stronger), None)


def pointing_back(analysis, pack, back: dict, exclude=None, facts_only: bool = False):
    """The first of the council's own sentences that makes a statement by pointing elsewhere in the plan
    ("the measures above will be reported to Cabinet each quarter"), when the plan says there what the
    statement needs; None when none does, or when what it points to is said nowhere."""
    here = [pack.concept(c) for c in back["here"]]
    there = [[pack.concept(c) for c in conjunction] for conjunction in back["there"]]
    pointing = next((s for s in analysis.own_sentences()
                     if not analysis.is_title(s) and not (exclude and exclude.matches(s.text))
                     and all(analysis.asserts(c, s, facts_only) for c in here)), None)
    if pointing is None:
        return None
    said_there = any(all(analysis.asserts(c, s) for c in conjunction)
                     for s in analysis.own_sentences() if s is not pointing for conjunction in there)
    return pointing if said_there else None


def find_statements(analysis, pack, statement: dict, exclude=None, facts_only: bool | str = False, window: int = 1,
                    undated_pending: bool = False, too_late=None, weaker=(), stronger=(),
                    letter_questions_lend: bool = True):
    """Every one of the council's own sentences that makes ``statement``, in document order.

    A reply under a question heading is read with the question ("Has Cabinet approved the plan?" over
    "Yes, on 9 July 2024"), unless it says in its own words one of the ``weaker`` things only a
    weaker statement says: "Councillors discussed a first draft at a workshop" under "How has the plan
    had member oversight and endorsement?" reports a discussion, and borrows no endorsement. One
    that also says one of the ``stronger`` things only the statement says ("will be approved under
    that delegation on 15 July and submitted to the Department") is no mere report.

    With ``too_late`` (a concept such as submission), a sentence that dates what it states after
    the date it gives that concept does not make it: "submitted on 19 July and will go to Cabinet
    for approval on 29 July"."""
    alternatives = [[pack.concept(c) for c in conjunction] for conjunction in statement["any"]]
    own_exclude = pack.concept(statement["exclude"]) if "exclude" in statement else None
    ahead_names = pack.concept(statement["ahead_names"]) if "ahead_names" in statement else None
    others_deciding = pack.concept(statement["others_deciding"]) if "others_deciding" in statement else None
    decides = (pack.concept(statement["decides"]["verb"]), pack.concept(statement["decides"]["thing"])) \
        if "decides" in statement else None
    implicit = pack.document_reference
    about_the_document = any(implicit in conjunction for conjunction in alternatives)
    for sentence in analysis.own_sentences():
        if exclude and exclude.matches(sentence.text):
            continue
        # A title names; it states nothing ("Cabinet, 16 July 2024 – Item 7 – Appendix A: Wrenbury
        # Council Productivity Plan" over the plan is no decision on it).
        if analysis.is_title(sentence) and not sentence.about_document:
            continue
        # A table's header row labels the columns of the rows under it, which are read with it;
        # alone ("Measure | 2023/24" over rows still blank) it says nothing.
        rows = analysis.block_sentences.get(sentence.block_index, [])
        if sentence.block.kind == TABLE and not sentence.about_document and len(rows) > 1 and rows[0] is sentence:
            continue
        # "Approved by Cabinet on [date tbc]": a decision whose date is still a blank is not yet made.
        if undated_pending and has_blank_date(sentence.read_with_notes):
            continue
        # (A record's rows each say one thing: "Submission: 18 July 2024" then "Publication: 19 July 2024"
        # dates the publication, not a decision, after the submission.)
        if too_late is not None and (any(dated_after(row, too_late) for row in
                                         (record_rows(sentence.text) if sentence.about_document else [sentence.text]))
                                     or dated_after_submission(analysis, pack, sentence, too_late)):
            continue
        # A document-control record is about this document, whatever a job title in it names
        # ("Prepared by | Assistant Chief Executive (Strategy and Performance)"). Elsewhere only the
        # clauses about something excluded go: "It was circulated to all councillors, and will be
        # considered by Cabinet after it has been submitted" still says it was circulated.
        kept = None
        if own_exclude and not sentence.about_document and own_exclude.matches(sentence.text):
            kept = without(sentence.read_with_notes, own_exclude)
            if not kept:
                continue
        if kept is None:
            # "Member sign-off: this draft has been shared with group leaders": the value answers the field.
            kept = weaker_value(sentence.read_with_notes, weaker)
        if kept is None and others_deciding is not None:
            kept = without_others_decisions(sentence.read_with_notes, others_deciding, alternatives)
        if kept is None and decides is not None:
            kept = without_decisions_on_other_things(sentence.read_with_notes, *decides)
        if sentence.about_document:
            # A document-control record says each thing in its own row: "Signed off by | Chief
            # Executive" beside "Shared with | Cabinet" is no Cabinet sign-off.
            rows = record_rows(sentence.read_with_notes)
            # So does each row's: "Member sign-off: this draft has been shared with group leaders for comment" is
            # a sharing, not a sign-off.
            rows = [weaker_value(row, weaker) or row for row in rows]
            # What it says is about the document, so it answers only a statement about the document (one
            # that may name the plan): "0.4 | 21 June 2024 | KPI table added" is a step in the drafting, not a
            # measure with its figures.
            if about_the_document and \
                    any(all(concept is implicit or any(asserted(row, m.start(), facts_only) for m in concept.finditer(row))
                            for concept in conjunction) for conjunction in alternatives for row in rows):
                yield sentence
            continue
        # A sentence read with what it refers back to: that too must not be about something excluded.
        # The record read with a decision names its meeting ("Extract from the minutes of Cabinet"),
        # not what was decided.
        context = analysis.context(sentence)
        record = context[0] if len(context) > 1 and context[0] is analysis.decision_record(sentence) else None
        # (A weaker statement is said in the council's own words: the letter's "How do you monitor progress?",
        # of waste, over "The Panel's savings are tracked in a monthly report" makes no general
        # performance reporting.)
        asked = [s for s in analysis.asked_over(sentence) if letter_questions_lend or not s.prompt]
        if asked and any(_asserts(concept, sentence.read_with_notes, False) for concept in weaker):
            asked = []
        context = [s for s in context + analysis.preceding(sentence, window - 1) + asked
                   if s is sentence or s is record
                   or not any(e.matches(s.text) for e in (exclude, own_exclude) if e)]
        # A sentence that says in its own words only what a weaker statement says borrows from the
        # sentences it points back to only what its "it" stands for (a statement running over the
        # sentences of its window is another matter): in "The Chief Executive approved this
        # plan under urgency powers. Members of Cabinet were sent the final text. The Scrutiny Committee
        # noted it", the committee noted; the approval was another's.
        pointed_to = {id(s) for s in analysis.context(sentence) if s is not sentence and s is not record} \
            if any(_asserts(concept, sentence.read_with_notes, False) for concept in weaker) \
            and not any(_asserts(concept, sentence.read_with_notes, facts_only) for concept in stronger) else set()

        def said(concept) -> bool:
            if sentence.about_document and implicit is not None and concept is implicit:
                return True
            # "Delivery of the nine actions in section 3 will be reported …": a part of this document is of the plan.
            if concept is implicit and OWN_PART.search(sentence.text):
                return True
            if concept is implicit and len(context) == 1 and (draft := analysis.unfinished_antecedent(sentence)) \
                    and implicit.matches(draft.text):
                return True
            if kept is not None and _asserts(concept, kept, facts_only):
                return True
            # A clause that opens with "it" names the plan its sentence named before, negated there or not:
            # "Members have not yet approved the plan; it will go to Cabinet on 16 July for approval".
            if concept is implicit and analysis.named_before_clause_it(concept, sentence):
                return True
            # A sentence that names the thing and denies it borrows it from no sentence before: "It was
            # approved by the Chief Executive on 17 July 2024. Members have not been asked to endorse it."
            if concept is not implicit and kept is None and concept.matches(sentence.read_with_notes) and \
                    not analysis.asserts(concept, sentence, facts_only, instructions=True):
                return False
            # What a sentence refers back to may be named in the letter's words ("The Government asked every
            # council to write a productivity plan. We have published it here."): only its own words assert.
            return any(analysis.asserts(concept, s, facts_only, instructions=s is sentence)
                       for s in context if (kept is None or s is not sentence)
                       and (id(s) not in pointed_to or concept is implicit))

        if any(all(said(c) for c in conjunction) for conjunction in alternatives):
            # "Members will be asked to agree the plan" names no meeting that will.
            if ahead_names is not None and only_ahead(sentence.text) and \
                    not any(ahead_names.matches(s.read_with_notes) for s in context):
                continue
            yield sentence


# A decision and who took it: "approved by the Chief Executive", "signed off by", "be agreed between officers".
DECIDED_BY = re.compile(r"\b(?:\w+ed|signed\s+off)\s+(?:by|between)\s+", re.IGNORECASE)
AGENT_WORDS = 6
# A decision left to someone: "delegated authority to the Chief Executive to approve …", and the task
# that follows its agent.
DELEGATED_TO = re.compile(r"\bdelegat(?:e|es|ed|ing)\s+(?:[a-z]+\s+){0,3}?to\s+", re.IGNORECASE)
SENTENCE_STOP = re.compile(r"[;.]\s|[;.]?$")
DELEGATED_TASK = re.compile(r"\bto\s+(?!the\b|a\b|an\b|its\b|our\b|his\b|her\b|their\b)[a-z]+", re.IGNORECASE)


def without_others_decisions(text: str, others, alternatives) -> str | None:
    """The sentence with each decision whose agent is one of ``others`` left out, or None where it has
    none. An agent that also names a part of the statement ("by the Chief Executive and the Leader",
    "by the Chief Executive in consultation with the Leader") is left to the statement."""
    spans = []
    for decided in DECIDED_BY.finditer(text):
        agent = " ".join(re.split(r"[,;:.()]", text[decided.end():], maxsplit=1)[0].split()[:AGENT_WORDS])
        found = others.search(agent)
        if found is not None and found.start() <= len("the ") and \
                not any(concept.search(agent) for conjunction in alternatives for concept in conjunction):
            spans.append((decided.start(), decided.end() + found.end()))
    for delegated in DELEGATED_TO.finditer(text):
        # "… and delegated authority to the Chief Executive to approve the final version": the approval
        # is the officer's, unless a member takes part in it ("…, in consultation with the Leader, to …").
        clause_end = SENTENCE_STOP.search(text, delegated.end(), delegated.end() + 2 * RELATIVE_REACH).start()
        task = DELEGATED_TASK.search(text, delegated.end(), clause_end)
        if task is None:
            continue
        agent = text[delegated.end():task.start()]
        found = others.search(agent)
        if found is not None and found.start() <= len("the ") and \
                not any(concept.search(agent[found.end():]) for conjunction in alternatives for concept in conjunction):
            spans.append((delegated.start(), clause_end))
    return without_spans(text, spans)


def without_spans(text: str, spans) -> str | None:
    """The text with the spans left out (overlapping spans once), or None where there are none."""
    if not spans:
        return None
    kept, last = [], 0
    for start, end in sorted(spans):
        kept.append(text[last:start])
        last = max(last, end)
    return " ".join("".join(kept + [text[last:]]).split())


# A relative clause opening before a decision in it: "the programmes that our Cabinet agreed in 2022".
RELATIVE = re.compile(r"\b(?:that|which)\s+", re.IGNORECASE)
# What may follow a decision that has no object of its own: its clause ends, or says when or by whom.
NO_OBJECT = re.compile(r"\s*(?:$|[,;:.)]|(?:in|on|at|by|last|earlier|this|when|during|before|after|as|for|"
                       r"under|through|following)\b)", re.IGNORECASE)
RELATIVE_WORDS = 6
ANTECEDENT_WORDS = 3
# How far back, in characters, a relative clause and the noun it describes are looked for.
RELATIVE_REACH = 120
CLAUSE_STOP = re.compile(r"[,;:.()]|$")


def without_decisions_on_other_things(text: str, verb, thing) -> str | None:
    """The sentence without the relative clauses that say members decided something else, or None where
    it has none: in "It is built around the three council programmes that our Cabinet agreed in 2022",
    what Cabinet agreed is the programmes, not the plan. A clause on the plan itself ("This is the plan
    that Cabinet approved on 9 July") stays, and so does one that names its own object ("We confirm
    that Cabinet approved the plan")."""
    spans = []
    for decision in verb.finditer(text):
        if not NO_OBJECT.match(text, decision.end()):
            continue
        # The last "that" or "which" a few words before the decision, in its clause.
        opening = max(0, decision.start() - RELATIVE_REACH)
        relative = None
        for found in RELATIVE.finditer(text, opening, decision.start()):
            relative = found
        if relative is None or len(text[relative.end():decision.start()].split()) > RELATIVE_WORDS or \
                CLAUSE_EDGE.search(text, relative.start(), decision.start()):
            continue
        before = text[max(0, relative.start() - RELATIVE_REACH):relative.start()]
        antecedent = " ".join(re.split(r"[,;:.()]", before)[-1].split()[-ANTECEDENT_WORDS:])
        clause_end = CLAUSE_STOP.search(text, decision.end(), decision.end() + RELATIVE_REACH).start()
        # (What the clause says after its verb may still name the plan: "… that Cabinet approved this plan".)
        if not antecedent or thing.search(antecedent) or thing.search(text[relative.start():clause_end]):
            continue
        spans.append((relative.start(), clause_end))
    return without_spans(text, spans)


# What is set out in a part of this document: "the nine actions in section 3", "the measures at Appendix B".
OWN_PART = re.compile(r"\b(?i:in|at|of|under)\s+(?i:sections?|appendix|annex|chapter)\s+(?:\d{1,2}(?:\.\d+)*|[A-Z])\b")


DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_ORDER = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def dated_after(text: str, event) -> bool:
    """Whether the sentence gives ``event`` a date and, after it, a later date for something else:
    "The plan was submitted on 19 July 2024 and will go to Cabinet for approval on 29 July 2024"."""
    mentioned = event.search(text)
    if mentioned is None:
        return False
    dates = _dates(text)
    events = [when for at, when in dates if mentioned.start() < at <= mentioned.end() + 60]
    return bool(events) and any(at > mentioned.end() and when > events[0] for at, when in dates)


def _dates(text: str) -> list[tuple[int, tuple[int, int, int]]]:
    return [(m.start(), (int(m.group(3)), MONTH_ORDER.index(m.group(2)[:3].lower()), int(m.group(1))))
            for m in DAY_MONTH_YEAR.finditer(text)]


def submission_date(analysis, event, members):
    """The last date the plan gives ``event`` anywhere ("The draft plan was sent to the Department
    on 18 July 2024"), or None. A report "submitted to Cabinet" went to members, not to Government."""
    key = ("submission-date", id(event))
    if key not in analysis.cache:
        found = []
        for sentence in analysis.own_sentences():
            text = sentence.read_with_notes
            for mentioned in event.finditer(text):
                if members is not None and members.search(text[mentioned.end():mentioned.end() + 40]):
                    continue
                found.extend(when for at, when in _dates(text) if mentioned.start() < at <= mentioned.end() + 60)
        analysis.cache[key] = max(found, default=None)
    return analysis.cache[key]


# A meeting still to come: "will approve", "be brought to Cabinet … for approval".
STILL_TO_COME = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|is\s+due|are\s+due|is\s+scheduled|are\s+scheduled|"
                           r"be\s+(?:brought|asked|taken|presented|put|considered|submitted|reported)|for\s+approval)\b",
                           re.IGNORECASE)


def dated_after_submission(analysis, pack, sentence, event) -> bool:
    """Whether a meeting still to come falls, by every date the sentence gives, after the date the
    plan went, given elsewhere: "that a final version of the plan be brought to Cabinet on 17
    September 2024 for approval" in a plan sent on 18 July. (A decision already taken is left to
    the sentence that dates both.)"""
    dates = _dates(sentence.text)
    # (The sentence that names the submission without a date of its own, "will be asked to endorse the
    # plan as submitted", is dated by the plan's other sentences.)
    if not dates or not STILL_TO_COME.search(sentence.text) or \
            any(mentioned.start() < at <= mentioned.end() + 60 for mentioned in event.finditer(sentence.text)
                for at, _ in dates):
        return False
    went = submission_date(analysis, event, pack.concept("$member-body"))
    return went is not None and all(when > went for _, when in dates)


def denying_sentence(analysis, pack, denied, made=None):
    """The first of the council's own sentences that denies what the rule asks for: the first concept
    of one of the ``denied`` alternatives negated, the others present ("We have not yet agreed the
    indicators we will use to track this plan"). An alternative with ``unless`` denies nothing when
    ``made`` finds that statement in the plan."""
    if not denied:
        return None
    alternatives = [[pack.concept(c) for c in conjunction] for conjunction in denied
                    if isinstance(conjunction, list)]
    alternatives += [[pack.concept(c) for c in conditional["concepts"]] for conditional in denied
                     if isinstance(conditional, dict) and not (made and made(conditional["unless"]))]
    # A denial followed by a note asking for what is missing is still the council's word on it: "We have
    # not yet settled the measures we will use for this plan. [Performance team to insert 4–5 KPIs]".
    for sentence in analysis.sentences:
        if sentence.prompt or sentence.furniture or sentence.cited_note:
            continue
        text = sentence.read_with_notes
        # A note asking for the missing thing says the plan lacks it: "[Performance team: add how progress
        # on the plan will be reported]". A sentence of the council's own with blanks in it still says
        # something: "We will report progress on this plan to [Cabinet or Scrutiny, tbc]".
        if sentence.placeholder:
            notes = notes_asking_for_what_lacks(pack, text)
            if any(all(c.matches(notes) for c in conjunction) for conjunction in alternatives):
                return sentence
        # Not being able to plan is a barrier, not a lack in the plan: "We cannot plan a three-year
        # transformation programme on a one-year settlement". ("We cannot agree KPIs until the budget is
        # set" still says the plan has none.)
        if CANNOT_PLAN.search(text):
            continue
        for first, *others in alternatives:
            # Denied at once ("have not yet agreed KPIs", "no specific indicators"): "we have not yet set
            # targets for the measures in this plan" has measures, only not their targets.
            if all(o.matches(text) for o in others) and \
                    any(lacked(text, m.start(), m.end())
                        or (STILL_TO_MAKE.search(text, max(0, m.start() - 60), m.start())
                            and not ROUTINE.search(text) and not only_new_ones(text, m.start()))
                        for m in first.finditer(text)):
                return sentence
    return None


CANNOT_PLAN = re.compile(r"\b(?:cannot|can['’]t|can\s+not|unable\s+to|not\s+able\s+to)\s+plan\b", re.IGNORECASE)


# What the plan will make later, it does not have yet: "We will develop a set of key performance
# indicators for this plan over the coming months".
STILL_TO_MAKE = re.compile(r"\b(?:will|shall|are\s+going\s+to|plan\s+to|intend\s+to|need\s+to|are\s+still\s+to|"
                           r"have\s+yet\s+to|are\s+yet\s+to)\s+(?:now\s+|also\s+|then\s+|first\s+)?"
                           r"(?:develop|draw\s+up|agree|set|identify|define|establish|design|devise|produce|create|"
                           r"decide|choose|select|work\s+out)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)


# Made again and again is a routine, not an absence: "We will agree the indicators with Cabinet each year".
ROUTINE = re.compile(r"\b(?:each|every)\s+(?:year|quarter|month|spring|summer|autumn|winter)\b|"
                     r"\b(?:annually|yearly|quarterly|monthly)\b", re.IGNORECASE)


def _asserts(concept, text: str, facts_only: bool) -> bool:
    return any(asserted(text, m.start(), facts_only) for m in concept.finditer(text))


def fact_parts(analysis, pack, statement: dict, parts: dict, sentences, near=None) -> dict:
    """The fact's parts, from the sentence that gives most of them ("approved by Cabinet on 9 July").

    The first part is the match nearest the statement's other words ("approved by the Leader of the
    Council", not the Cabinet that delegated the decision), widened to the whole name
    ("Portfolio Holder for Resources"). Each later part is the match nearest the parts found before
    it: a meeting's date is the one given with its body ("by Cabinet on 16 July 2024, before
    submission on 19 July").
    """
    concepts = {key: pack.concept(concept) for key, concept in parts.items()}
    anchors = [pack.concept(c) for conjunction in statement["any"] for c in conjunction]
    best = None
    for sentence in sentences:
        # Read with what it refers back to: "It was approved on 9 July" names its body before.
        text = " ".join(s.read_with_notes for s in analysis.context(sentence))
        if sentence.about_document:
            # (A record says all it says itself: the step before is another step.)
            text = sentence.read_with_notes
            # A record's rows each say one thing: the decision's rows ("Approved by: Full Council",
            # "Date of approval: 18 July 2024"), not another step's ("Recommended by: Cabinet, 9 July").
            body = next(iter(concepts.values()))
            rows = [row for row in record_rows(text) if not body.matches(row)
                    or any(a.matches(row) for a in anchors if a not in concepts.values())]
            # A row saying who approved it outranks a signature: "Approved by: Cabinet" beside "Signed: Cllr
            # Peter Anwell, Leader of the Council" is Cabinet's decision, signed by its Leader.
            if any(APPROVAL_ROW.match(row) and body.matches(row) for row in rows):
                rows = [row for row in rows if not SIGNATURE_ROW.match(row)]
            text = "; ".join(rows) or text
        statement_anchors = [m.start() for a in anchors if a not in concepts.values() for m in a.finditer(text)]
        own_start = len(text) - len(sentence.read_with_notes) if not sentence.about_document else 0
        found, found_at = {}, []
        for key, concept in concepts.items():
            if found_at:
                # A later part (a date) belongs to the deciding, in the sentence's own words where it
                # gives one: "Cabinet discussed a draft on 9 July. Full Council will be asked to approve it
                # on 18 July, before it is submitted on 19 July" is dated 18 July.
                match = widest_near(concept, text, _deciding_at(near, text) or found_at, own_from=own_start,
                                    own_first=True)
            else:
                # The body is the one nearest the deciding where the sentence names it: "Cabinet discussed a
                # draft of this plan on 9 July, and the Leader of the Council … approved the final version".
                match = widest_near(concept, text, _deciding_at(near, text, asserted_only=True) or statement_anchors,
                                    deciding=True, own_from=own_start)
            if match and found_at and match[1] < own_start and AFTER_THE_ONE_BEFORE.search(sentence.read_with_notes):
                # "The Committee noted it on 2 July. Following that meeting the plan was approved by the Portfolio
                # Holder": the decision came after the date it points back to, so that date is not its own.
                match = None
            if match and found_at and sentence.about_document:
                # In a record the body's own row gives its date, or else a row that names no body
                # ("Date adopted: 11 July 2024"), never another body's row.
                match = _in_own_row(concept, text, found_at[0], next(iter(concepts.values())), near)
            # "The Leader of the Council approved it": the office, without the article.
            # ("The Full Council meeting": the body, not its meeting; "a Leader's key decision": the Leader.)
            found[key] = match and (MEETING_TAIL.sub("", LEADING_ARTICLE.sub("", match[0])) if not found_at
                                    else match[0])
            if match:
                found_at.append(match[1])
        if not sentence.about_document and len(concepts) == 2 and near is not None:
            # "endorsed by Cabinet on 9 July 2024 and by Full Council on 18 July 2024": each body its own
            # date, and the last decision taken the plan's.
            last = last_decision(text, own_start, *concepts.values(), near, found_at)
            if last is not None:
                found = dict(zip(concepts, (last[0][0], last[1][0])))
                found_at = [last[0][1], last[1][1]]
        # Most parts first; then most parts from the sentence itself, not the one it points back to:
        # a record's "Cabinet, 16 July 2024" beats "once Cabinet has approved it" whose date is borrowed.
        # "Cabinet delegated approval … on 3 July. The plan was signed off under that delegation on
        # 12 July": the decision taken under the delegation is the endorsement, and its date the fact's.
        # So is a resolution in minutes ("RESOLVED – That the plan be endorsed"), over the report that
        # brought the plan "for member oversight and endorsement".
        taken_under = DECISION_BACK.search(sentence.text) is not None or \
            RESOLUTION.match(PARAGRAPH_NUMBER.sub("", sentence.text, count=1)) is not None
        # A delegation hands the decision on; the decision it hands on, where the plan gives it, is the
        # endorsement: "Cabinet on 19 June 2024 delegated approval of the final plan to the Leader. The plan
        # was signed off by the Leader on 15 July 2024."
        hands_on = DELEGATES.search(sentence.text) is not None
        score = (sum(v is not None for v in found.values()), taken_under, not hands_on,
                 sum(at >= own_start for at in found_at))
        if best is None or score > best[0]:
            best = (score, found)
    if best is None:
        return {key: None for key in parts}
    found = best[1]
    first = next(iter(concepts))
    if found[first]:
        # "Cabinet is asked to approve the plan" in a report headed "CABINET - 16 JULY 2024": the decision
        # is the meeting's, and so is its date.
        for key, concept in concepts.items():
            if key != first and found[key] is None:
                found[key] = meeting_line_part(analysis, found[first], concept)
    return found


# A decision placed after the one the sentence points back to: "Following that meeting", "after that",
# "subsequently".
AFTER_THE_ONE_BEFORE = re.compile(r"\b(?:following|after)\s+(?:that|this|the|its)\b|"
                                  r"\b(?:subsequently|afterwards|later|since\s+then|thereafter)\b", re.IGNORECASE)

# A decision handed to someone else: "delegated approval of the final plan to the Leader".
DELEGATES = re.compile(r"\bdelegat(?:ed|es|ing)\s+(?:the\s+|its\s+|final\s+)*(?:approval|authority|decision|sign[\s-]off)\b"
                       r"(?![^.;]*\bin\s+consultation\s+with\b)", re.IGNORECASE)


# A second agent of the same verb: "endorsed by Cabinet on 9 July and by Full Council on 18 July".
SHARED_VERB = re.compile(r"(?:,|\band|\bthen)\s+(?:then\s+|later\s+|subsequently\s+)?by\s+(?:the\s+)?$", re.IGNORECASE)
# How far before a body the word of its decision may stand ("endorsed by Cabinet on 9 July").
DECIDING_BEFORE_BODY = 40


def last_decision(text: str, own_from: int, body, date, near, found_at=()):
    """The body and date (each as its text and where it starts) of the last of two or more decisions the
    sentence's own words give, each a body deciding on a date of its own; None if it gives fewer, or if
    the body and date ``found_at`` are one of them already.

    (Which of two decisions a reviewer takes varies; a body with another's date is never right.)

    A date is the decision of the last body named before it, when the word of deciding stands between
    them or just before the body: "Cabinet approved the plan on 9 July 2024; Full Council then endorsed
    it on 18 July 2024", "agreed by Full Council on 18 July 2024, having been endorsed by Cabinet on 9
    July 2024". A body that only recommends, notes or will be asked gives no decision.
    """
    deciding = [m.start() for m in near.finditer(text)
                if m.start() >= own_from and asserted(text, m.start(), True)
                and not STILL_TO_COME.search(text, max(own_from, m.start() - 30), m.start())]
    bodies = [m for m in body.finditer(text) if m.start() >= own_from]
    pairs = []
    for at, when in _dates(text):
        if at < own_from or TIME_BOUND.search(text, max(0, at - 30), at):
            continue
        before = [m for m in bodies if m.end() <= at]
        if not before:
            continue
        named = before[-1]
        if any(named.end() <= other < at for other, _ in _dates(text)):
            continue
        if not any(named.start() - DECIDING_BEFORE_BODY <= d < at for d in deciding) and \
                not (deciding and deciding[0] < named.start() and SHARED_VERB.search(text, 0, named.start())):
            continue
        start, end = widest(body, text, named.start(), named.end())
        name = MEETING_TAIL.sub("", LEADING_ARTICLE.sub("", text[start:end].strip()))
        pairs.append((when, (name, start), (date.search(text[at:]).group(0), at)))
    if len({name.lower() for _, (name, _), _ in pairs}) < 2:
        return None
    if len(found_at) == 2 and any(named_at <= found_at[0] < named_at + len(name) and dated_at == found_at[1]
                                  for _, (name, named_at), (_, dated_at) in pairs):
        return None  # the body and date found are one decision already
    _, named, dated = max(pairs, key=lambda pair: pair[0])
    return named, dated


# The labels of a cover table's rows (or a cover's lines) that name the meeting, and its date.
MEETING_LABEL = re.compile(r"(?:name\s+of\s+)?(?:meeting|committee|decision[\s-]*maker)|report\s+to|to", re.IGNORECASE)
DATE_LABEL = re.compile(r"(?:meeting\s+)?date(?:\s+of\s+(?:the\s+)?meeting)?", re.IGNORECASE)
# A line that names a meeting and nothing else: "CABINET - 16 JULY 2024", "Meeting | Cabinet, 9 July 2024",
# "Cabinet 16 July 2024 - Agenda item 7". Longer text is a sentence, whose dates are its own.
MEETING_LINE_WORDS = 12
CAPITALS_LABEL = re.compile(r"(?:^|(?<=\s))([A-Z]{2,}(?:\s+[A-Z]{2,}){0,3}):\s+(?=\S)")
# A cover row naming the meeting names little else: "Meeting | Cabinet", "REPORT TO: Cabinet".
MEETING_VALUE_WORDS = 6


def meeting_line_part(analysis, body: str, concept) -> str | None:
    """``concept``'s match in the first line of the document that names the meeting of ``body`` and
    little else (a title, heading, table row, running header or footer), or None."""
    named = re.compile(rf"(?<![\w-]){re.escape(body)}(?![\w-])", re.IGNORECASE)
    document = analysis.document
    for block in document.blocks + document.headers_footers:
        # A report's cover gives the meeting and its date in rows of their own: "Meeting | Cabinet" over "Date |
        # 15 July 2024", or in lines read as one paragraph, "REPORT TO: Cabinet" over "DATE: 16 July 2024".
        if block.kind == TABLE and block.table:
            rows = [[cell for cell in row if cell.strip()] for row in block.table.rows]
        else:
            # (A cover's labels may be in capitals throughout: "REPORT TO: Cabinet DATE: 16 July 2024".)
            labels = list(CAPITALS_LABEL.finditer(block.text))
            labels = labels if len(labels) >= 2 else list(LABEL.finditer(block.text))
            ends = [m.start() for m in labels[1:]] + [len(block.text)]
            rows = [[m.group(1), block.text[m.end():end].strip()] for m, end in zip(labels, ends)]
        if any(len(row) == 2 and MEETING_LABEL.fullmatch(row[0].strip(" *:")) and named.search(row[1])
               and count_words(row[1]) <= MEETING_VALUE_WORDS for row in rows):
            for row in rows:
                match = concept.search(row[1]) if len(row) == 2 and DATE_LABEL.fullmatch(row[0].strip(" *:")) \
                    else None
                if match:
                    return match.group(0)
        lines = block.table.row_texts() if block.kind == TABLE and block.table else [block.text]
        for line in lines:
            if len(line.split()) > MEETING_LINE_WORDS or not named.search(line):
                continue
            match = concept.search(line)
            if match and not TIME_BOUND.search(line[:match.start()]):
                return match.group(0)
    return None


# A decision record names who decided in a row of its own: "Decision maker: Cabinet" beside
# "Decision: That the plan be approved for submission".
DECISION_MAKER_ROW = re.compile(r"(?:decision[\s-]*maker|decision\s+taken\s+by|decided\s+by|taken\s+by)\s*:", re.IGNORECASE)
DECISION_ROW = re.compile(r"(?:decision|resolution|resolved|decision\s+made|outcome)\s*:", re.IGNORECASE)


def record_rows(text: str) -> list[str]:
    """A record's rows ("Label: value", joined with "; "), each stating a decision read with the row
    that names who made it: "Decision: That the plan be approved, Decision maker: Cabinet"."""
    rows = text.split("; ")
    makers = [row for row in rows if DECISION_MAKER_ROW.match(row)]
    if not makers or not any(DECISION_ROW.match(row) for row in rows):
        return rows
    return [f"{row}, {makers[0]}" if DECISION_ROW.match(row) else row for row in rows if row not in makers]


# A field and its value on one line: "Member sign-off: this draft has been shared with group leaders".
FIELD = re.compile(r"\s*([A-Z][^:.;]{1,40}):\s+(\S.*)", re.DOTALL)


def weaker_value(text: str, weaker) -> str | None:
    """The value of a field ("Label: value") when the value says one of the ``weaker`` things: a field is
    named by what was asked and answered by its value. None otherwise."""
    field = FIELD.match(text)
    if field and any(_asserts(concept, field.group(2), False) for concept in weaker):
        return field.group(2)
    return None
APPROVAL_ROW = re.compile(r"(?:approved|endorsed|agreed|adopted|ratified|signed\s+off)(?:\s+by)?\s*:", re.IGNORECASE)
SIGNATURE_ROW = re.compile(r"(?:signed|signature|signed\s+by)\s*:", re.IGNORECASE)
LEADING_ARTICLE = re.compile(r"^the\s+(?=\S)", re.IGNORECASE)


def _in_own_row(concept, text: str, body_at: int, body, deciding=None) -> tuple[str, int] | None:
    """The concept's first match in the record row holding ``body_at``, or else in a row naming no body,
    one of the deciding first ("Date of approval: 17 July 2024" over "Reviewed by: Leadership Team, 25 June")."""
    start = 0
    rows = []
    for row in text.split("; "):
        rows.append((start, row))
        start += len(row) + 2
    own = [(at, row) for at, row in rows if at <= body_at < at + len(row) + 2]
    others = [(at, row) for at, row in rows if not body.matches(row)]
    if deciding is not None:
        others.sort(key=lambda pair: not deciding.matches(pair[1]))
    for at, row in own + others:
        match = concept.search(row)
        if match:
            return match.group(0), at + match.start()
    return None


NAME_TAIL = re.compile(r"(?:\s+(?:Committee|Sub-Committee|Board|Panel|Forum|Working Group))?(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:and\s+)?[A-Z][\w&’'-]*)*)?")
# A person's name and a comma between a title and the office it introduces:
# "Councillor Priya Nandra, Portfolio Holder for Resources".
APPOSITIVE = re.compile(r"\s+(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]*,\s+(?:the\s+)?")


# The member who decides: "approved by the Leader"; else one who approved ("Cabinet endorsed the plan
# … and delegated minor changes to the Chief Executive in consultation with the Leader"); else the
# member an officer's delegated decision is taken with ("delegated approval to the Chief Executive, in
# consultation with the Leader of the Council").
# (The office may follow its holder's name: "Approved by: Councillor Graham Whitlock, Leader of the Council".)
AGENT_BEFORE = re.compile(r"\b(?:approved|endorsed|agreed|adopted|signed\s+off|ratified)\s+by(?:\s+(?:the\s+)?|"
                          r":?\s+(?:councillor|cllr\.?)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+,\s+(?:the\s+)?)$",
                          re.IGNORECASE)
DECIDED_AFTER = re.compile(r"[\s,]+(?:[a-z]+\s+){0,2}?(?:approved|endorsed|agreed|adopted|signed|ratified)\b"
                           # Or its second verb: "Cabinet considered a draft of this plan on 9 July 2024 and
                           # approved it, delegating final changes to the Chief Executive in consultation with
                           # the Leader" is Cabinet's decision.
                           r"|\s+[^.;,]{0,80}?\band\s+(?:then\s+|later\s+)?(?:approved|endorsed|agreed|adopted|"
                           r"signed|ratified)\b")
CONSULTED_BEFORE = re.compile(r"\bin\s+consultation\s+with\s+(?:the\s+)?$", re.IGNORECASE)
# A member deciding in their own words ("As Leader, I am pleased to endorse this plan … I signed it
# off on 8 July"): the body is the office they write as, not a meeting the sentence also names.
FIRST_PERSON_DECISION = re.compile(r"\b(?:I|I\s+have|I\s+am\s+\w+\s+to)\s+(?:formally\s+)?"
                                   r"(?:endors|approv|agree|sign|adopt)\w*\b")
# "As Leader, I …", "I approved this plan as Leader on 12 July 2024".
WRITING_AS = re.compile(r"\b[Aa]s\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w’'-]*)*)"
                        r"(?=\s*[,;.]|\s+(?:on|in|at|under|after|I)\b)")
PERSON_TITLE = re.compile(r"(?:Councillor|Cllr)\b")
# A person's name of two or three words with no comma after it, tried each way it may end.
UNPUNCTUATED_NAMES = [re.compile(rf"\s+(?:[A-Z][\w’'-]*\s+){{{words}}}") for words in (2, 3)]
OFFICE_THEN_NAME = re.compile(r"(?:\s+[A-Z][\w&’'-]*)*,\s*")
# The words of a committee's name before the word that matched: "Strategy and Resources Committee".
# (Words in capitals throughout are a heading's shouting, not a name: "MINUTES OF THE MEETING OF CABINET".)
# (Nor is a clause's opening word: "That Cabinet approves the plan".)
NAME_HEAD = re.compile(r"(?:(?<=\s)|^)(?:(?!(?:The|This|That|These|Those|Our|Its|Their|When|Once|If|After|Before|Both)\b)"
                       r"[A-Z](?=[\w-]*[a-z])[\w-]*(?<![’']s)\s+(?:(?:and|&)\s+)?)+$")


TIME_BOUND = re.compile(r"\b(?:by|before|until|till|from|starting|beginning|after|ahead\s+of|no\s+later\s+than|"
                        r"deadline(?:\s+of)?)"
                        r"\s+(?:(?:in|on|the)\s+)*$", re.IGNORECASE)
# (Its sender may come between: "the letter from the Minister for Local Government of 16 April 2024".)
LETTER_OF = re.compile(r"\b(?:letter|request|guidance|e-?mail)(?:\s+(?:from|by)\s+[\w'’ ]{1,60}?)?"
                       r"\s+(?:of|dated|sent\s+on)\s+(?:the\s+)?$", re.IGNORECASE)
LETTER_REACH = 100


MEETING_TAIL = re.compile(r"(?<=\w)\s+meeting$|(?<=\w)[’']s$", re.IGNORECASE)
# Members in general, which a meeting or body named beside them names more exactly.
GENERIC_BODY = re.compile(r"(?:(?:all|elected|the)\s+)?(?:members|councillors)", re.IGNORECASE)
GENERIC_BODY_REACH = 80


def _deciding_at(near, text: str, asserted_only: bool = False) -> list[int]:
    """Where the text says the deciding (``near``'s words), asserted there with ``asserted_only``."""
    if near is None:
        return []
    return [m.start() for m in near.finditer(text) if not asserted_only or asserted(text, m.start(), COMMITTED)]


def widest_near(concept, text: str, anchors: list[int], deciding: bool = False,
                own_from: int = 0, own_first: bool = False) -> tuple[str, int] | None:
    """The concept's match nearest the anchors, widened over overlapping matches and a name's tail.
    With ``deciding`` (the concept is who decided), the agent of the decision comes first. With
    ``own_first`` (a later part, a date), a match that bounds a time is none, the sentence's own words
    (from ``own_from``) come before those it refers back to, and the clause of an anchor before others.

    Returns the text matched and where it starts. A person's title followed by their name and their
    office ("Councillor Priya Nandra, Portfolio Holder for Resources") gives the office: that is
    the body that decided.
    """
    if deciding and FIRST_PERSON_DECISION.search(text):
        for writing_as in sorted(WRITING_AS.finditer(text), key=lambda m: m.start() < own_from):
            # "As Leader": an office named without its article is still the office.
            if concept.matches("the " + writing_as.group(1)):
                return writing_as.group(1), writing_as.start(1)
    # The date of the letter that asked for the plan dates no decision on it: "This plan answers the
    # Minister's letter of 16 April 2024. The Leader approved it on 15 July 2024".
    matches = [m for m in concept.finditer(text)
               if not LETTER_OF.search(text, max(0, m.start() - LETTER_REACH), m.start())]
    if own_first:
        # "approves the plan for submission to DLUHC by 19 July 2024", "reported every six months,
        # starting in January 2025": a date that bounds a time dates no decision.
        matches = [m for m in matches if not TIME_BOUND.search(text, max(0, m.start() - 30), m.start())]
        if any(m.start() >= own_from for m in matches):
            matches = [m for m in matches if m.start() >= own_from]
        # "commented on by the Scrutiny Panel on 2 July 2024, and approved by the Executive on 10 July
        # 2024": the date in the clause of the deciding.
        found_edges = list(CLAUSE_EDGE.finditer(text))
        edges = [m.end() for m in found_edges]
        same = [m for m in matches
                if any(bisect_right(edges, m.start()) == bisect_right(edges, a) for a in anchors)]
        if not same:
            # "… asked to approve it before it is submitted to the Ministry on 19 July": a clause of time
            # dates the step it names, not the deciding.
            matches = [m for m in matches if not _in_time_clause(found_edges, edges, m.start())] or matches
        matches = same or matches
    if not matches:
        return None
    # The agent of a decision ("approved by the Executive Member …, under a delegation agreed by
    # Cabinet") is the first body named after "approved by"; otherwise the nearest to the anchors.
    agents = ([m for m in matches if (agent := AGENT_BEFORE.search(text, max(0, m.start() - 70), m.start()))
               and asserted(text, agent.start(), COMMITTED)]
              or [m for m in matches if DECIDED_AFTER.match(text, m.end())]
              or [m for m in matches if CONSULTED_BEFORE.search(text[max(0, m.start() - 40):m.start()])]) \
        if deciding else []

    # A date follows what it dates ("approved the plan on 9 July 2024"); one said before it is often
    # another step's, in a phrase put first ("Following scrutiny on 2 July, Cabinet approved the plan on
    # 9 July 2024"): a later part's distance before its anchor counts double.
    before = 2 if own_first else 1
    chosen = agents[0] if agents else min(matches, key=lambda m: min(
        (m.start() - a if m.start() > a else before * (a - m.start()) + 1 for a in anchors), default=0))
    if deciding and GENERIC_BODY.fullmatch(chosen.group(0).strip()):
        # "endorsed by members at the Full Council meeting held on 18 July": the meeting names them.
        named = [m for m in matches if not GENERIC_BODY.fullmatch(m.group(0).strip())
                 and abs(m.start() - chosen.start()) <= GENERIC_BODY_REACH]
        if named:
            chosen = min(named, key=lambda m: abs(m.start() - chosen.start()))
    start, end = widest(concept, text, chosen.start(), chosen.end())
    appositive = APPOSITIVE.match(text, end)
    office = concept.search(text[appositive.end():appositive.end() + 80]) if appositive else None
    unpunctuated = False
    if office is None and PERSON_TITLE.match(text, start):
        # A signature block's lines run together: "Councillor Nadia Fenwick Leader of the Council".
        for pattern in UNPUNCTUATED_NAMES:
            name = pattern.match(text, end)
            following = concept.search(text[name.end():name.end() + 80]) if name else None
            if following is not None and following.start() == 0:
                appositive, office, unpunctuated = name, following, True
                break
    if office is not None and office.start() == 0:
        start, end = widest(concept, text, appositive.end(), appositive.end() + office.end())
    elif PERSON_TITLE.match(text, start):
        # "the Cabinet Member for Resources, Councillor Priya Hallam, approved": the office before the name.
        offices = [widest(concept, text, m.start(), m.end()) for m in matches if m.end() <= start]
        before = [span for span in offices if OFFICE_THEN_NAME.fullmatch(text, span[1], start)]
        if before:
            start, end = before[-1]
    # (An office read after a name with no comma begins where the name ends.)
    head = NAME_HEAD.search(text, 0, start) if text[start:start + 1].isupper() and not unpunctuated else None
    if head:
        start = head.start()
    return text[start:end].strip(), start


TIME_CLAUSE = re.compile(r"\s(?:before|after|until)$", re.IGNORECASE)


def _in_time_clause(found_edges, edges: list[int], position: int) -> bool:
    at = bisect_right(edges, position)
    return at > 0 and TIME_CLAUSE.search(found_edges[at - 1].group(0)) is not None


def widest(concept, text: str, start: int, end: int) -> tuple[int, int]:
    # "the Leader of the Council" holds a shorter match ("the Leader"): take the longest.
    for offset in range(start, end):
        match = concept.search(text[offset:offset + 80])
        if match is not None and match.start() == 0:
            end = max(end, offset + match.end())
    return start, end + len(NAME_TAIL.match(text, end).group(0))


def stronger_words(pack, params) -> list:
    """The concepts only the ``find`` statements use: what endorsing a plan says ("approved") and members
    only seeing it does not."""
    weaker = {repr(c) for statement in params.get("partial", []) for conjunction in statement["any"]
              for c in conjunction}
    stronger = {repr(c): c for statement in params["find"] for conjunction in statement["any"]
                for c in conjunction if repr(c) not in weaker}
    return [pack.concept(c) for c in stronger.values()] if weaker else []


def weaker_words(pack, params) -> list:
    """The concepts only the weaker ``partial`` statements use: what members seeing a plan says
    ("presented to", "discussed") and endorsing it does not."""
    # A concept may be a name ("$reported-to") or a list of terms: compare them as written.
    stronger = {repr(c) for statement in params["find"] for conjunction in statement["any"] for c in conjunction}
    weaker = {repr(c): c for statement in params.get("partial", []) for conjunction in statement["any"]
              for c in conjunction if repr(c) not in stronger}
    return [pack.concept(c) for c in weaker.values()]


def check(analysis, params, pack) -> Outcome:
    exclude = pack.concept(params["exclude"]) if "exclude" in params else None
    # What the council says it did or will do counts only unhedged and on no condition.
    facts_only = COMMITTED if params.get("facts_only", False) else False
    if facts_only and "route" in params:
        route = [[pack.concept(c) for c in conjunction] for conjunction in params["route"]]
        facts_only = Committed(lambda words: any(all(c.search(words) for c in conjunction) for conjunction in route))
    window = params.get("window", 1)
    pending = params.get("undated_is_pending", False)
    too_late = pack.concept(params["too_late"]) if "too_late" in params else None
    weaker, stronger = weaker_words(pack, params), stronger_words(pack, params)
    found = [(s, find_statement(analysis, pack, s, exclude, facts_only, window, pending, too_late, weaker, stronger)
              or ("back" in s and pointing_back(analysis, pack, s["back"], exclude, facts_only)) or None)
             for s in params["find"]]
    made = [(s, sentence) for s, sentence in found if sentence is not None]
    missing = [s["label"] for s, sentence in found if sentence is None]
    evidence = [evidence_for(sentence.block, sentence.text) for _, sentence in made]
    facts = {}
    if "fact" in params:
        facts[params["fact"]["name"]] = None
        if made:
            statement = made[0][0]
            candidates = list(find_statements(analysis, pack, statement, exclude, facts_only, window, pending,
                                              too_late, weaker, stronger))
            near = pack.concept(params["fact"]["near"]) if "near" in params["fact"] else None
            facts[params["fact"]["name"]] = fact_parts(analysis, pack, statement, params["fact"]["parts"],
                                                                candidates, near)
    enough = bool(made) if params.get("pass_when") == "any" else not missing
    denial = denying_sentence(analysis, pack, params.get("denied"),
                              lambda statement: find_statement(analysis, pack, statement, exclude, facts_only,
                                                               window) is not None)
    if denial is not None:
        # "We have not yet agreed KPIs for this plan": what else the plan says counts only in part, and a
        # mention of the missing thing ("these will be listed in Appendix B") is part of the denial.
        quote = evidence_for(denial.block, denial.text)
        if made:
            return Outcome(PARTIAL, "statements.denied", [quote] + evidence, missing or ["what the plan says it lacks"],
                           facts, data={"quote": denial.text.strip(), "labels": [s["label"] for s, _ in made]})
        # "We have not yet decided how progress on the plan will be reported. Until then, the council's
        # quarterly performance report to Cabinet continues": with weaker_after_denial, the weaker thing is
        # still said.
        # Only said beside the denial, as what stands meanwhile: the Corporate Plan's quarterly report in
        # another part of the plan is not this plan's reporting.
        weaker_outcome = weaker_made(analysis, pack, params, exclude, window, missing, facts,
                                     beside=denial) \
            if params.get("weaker_after_denial") else None
        return weaker_outcome or Outcome(FAIL, "statements.denied-only", [quote], missing, facts,
                                         data={"quote": denial.text.strip()})
    if enough:
        return Outcome(PASS, "statements.found", evidence, facts=facts,
                       data={"labels": [s["label"] for s, _ in made]})
    if made:
        return Outcome(PARTIAL, "statements.some", evidence, missing, facts,
                       data={"labels": [s["label"] for s, _ in made], "missing": missing})
    return weaker_made(analysis, pack, params, exclude, window, missing, facts) or \
        Outcome(FAIL, "statements.none", [], missing, facts, data={"missing": missing})


def weaker_made(analysis, pack, params, exclude, window, missing, facts, beside=None) -> Outcome | None:
    """The partial outcome of the first weaker ``partial`` statement the plan makes, or None; with
    ``beside`` (a denying sentence), the first made in its block or the next. In the denial itself, the
    weaker thing must be said, not denied: "Arrangements for monitoring the plan are to be agreed" has
    nothing meanwhile; "Performance is reported to Cabinet every quarter, and no separate reporting on
    the plan is proposed" has the quarterly report."""
    for statement in params.get("partial", []):
        firsts = [pack.concept(conjunction[0]) for conjunction in statement["any"]]
        sentence = next((s for s in find_statements(analysis, pack, statement, exclude,
                                                    DECIDED if params.get("facts_only") else False, window,
                                                    letter_questions_lend=False)
                         if beside is None or (beside.block_index <= s.block_index <= beside.block_index + 1
                                               and (s.index != beside.index or _said_undenied(firsts, s.text)))),
                        None)
        if sentence is not None:
            return Outcome(PARTIAL, "statements.weaker", [evidence_for(sentence.block, sentence.text)], missing,
                           facts, data={"label": statement["label"], "missing": missing})
    return None


def _said_undenied(concepts, text: str) -> bool:
    return any(not lacked(text, m.start(), m.end()) for concept in concepts for m in concept.finditer(text))
