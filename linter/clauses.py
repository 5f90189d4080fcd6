"""What a sentence asserts: clause boundaries, negation and hedging.

"We have not yet agreed KPIs", "the plan has not been considered by
members" and "no decision has been taken" use the very words an answer
would use. A reviewer reads the negation; so does plancheck, in one place
that every check shares. A cue ("not", "no", "yet to", "without", "never",
"n't") negates what follows it in its own clause, for a few words: the
scope ends at punctuation or a conjunction that starts a new clause, as in
NegEx-style scoping. Hedges ("should", "could", "may") make a statement a
possibility rather than a fact; checks that need a fact (a plan *was*
endorsed) ask for hedges too.

This is grammar, not a regime's vocabulary, so it lives in code; the words
a regime cares about stay in its rule pack.
"""

from __future__ import annotations

import re

# A cue opens a negated scope over the words after it.
NEGATION_CUE = re.compile(
    r"\b(?:not|no|never|none|nor|neither|without|cannot|unable\s+to|yet\s+to|"
    r"\w+n[’']t)\b",
    re.IGNORECASE)
# Cue words that do not negate or hedge what follows. A control is a rule, not a possibility:
# "spending over £25,000 must be approved by a director".
NOT_A_CUE = re.compile(
    r"\b(?:not\s+only|no\s+doubt|no\s+later\s+than|no\s+more\s+than|no\s+less\s+than|not\s+least|"
    r"no\s+fewer\s+than|without\s+doubt|not\s+just|no\s+exception|"
    r"must\s+(?:first\s+|also\s+)?be\s+(?:approved|agreed|signed|authori[sz]ed|cleared|justified|reviewed|checked))\b",
    re.IGNORECASE)
HEDGE_CUE = re.compile(
    # ("May" with a capital is the month: "since May a web chat assistant has answered…".)
    r"\b(?:should|could|would|(?-i:may)|might|must|needs?\s+to|hope\s+to|hoped|hopes\s+to|intend\s+to\s+seek|seek\s+to|"
    r"seeking|aim\s+to\s+have|if|whether|unless|subject\s+to|"
    # A plan since changed: "The plan was originally timetabled for approval by Cabinet on 9 July".
    r"(?:originally|initially|first)\s+(?:timetabled|scheduled|planned|due|intended|expected|meant)|"
    # A recommendation made, in the past: "The report recommended that Cabinet approve the plan" proposed a
    # decision. ("Cabinet is recommended to approve" names the meeting that will take it.)
    r"(?<!\bis\s)(?<!\bare\s)recommended\s+(?:that|to))\b",
    re.IGNORECASE)
# Scope ends here: punctuation (not the comma of "£20,000"), or a word that starts another clause.
SCOPE_END = re.compile(
    r",(?!\d)|[;:()\[\]–—]|[.!?](?=\s)|\s-\s|\b(?:but|although|though|however|whereas|while|which|who|so|because|"
    r"and\s+(?:it|this|we|they|the)|once|after|when)\b",
    re.IGNORECASE)
SCOPE_WORDS = 7
RULE_EXCEPTION = re.compile(r"\bwithout\b", re.IGNORECASE)
WORD = re.compile(r"[\w’'£%.-]+")
_BREAKS = r";|\s[–—-]\s|,\s+(?:and|but|while|whereas|although)\b"
CLAUSE_BREAK = re.compile(rf"\s*(?::|{_BREAKS})\s*")
CLAUSE_BREAK_KEEPING_LABELS = re.compile(rf"\s*(?:{_BREAKS})\s*")
# Two dashes round a few words are a parenthesis, as brackets are: "just over 4% of the workforce budget –
# 4.2% in 2023/24 – was spent on agency cover".
DASH_ASIDE = re.compile(r"\s[–—]\s(?:[^\s–—;:()]+\s){0,5}[^\s–—;:()]+\s[–—]\s")


def clauses(text: str, labels: bool = False) -> list[tuple[int, str]]:
    """(offset, clause) pieces of a sentence split at semicolons, colons, dashes and ", and",
    but not inside parentheses, nor at two dashes round a few words.

    With ``labels`` a colon does not split: "Agency: 3.9%" is one clause, a label and its value.
    """
    pieces, start = [], 0
    asides = [aside.span() for aside in DASH_ASIDE.finditer(text)]
    for match in (CLAUSE_BREAK_KEEPING_LABELS if labels else CLAUSE_BREAK).finditer(text):
        if text.count("(", 0, match.start()) > text.count(")", 0, match.start()):
            continue  # "(89%; target 92%)" is one aside, not two clauses
        if any(begin <= match.start() and match.end() <= end for begin, end in asides):
            continue
        pieces.append((start, text[start:match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return pieces


# A second predicate joined by "and" with no comma: "It was circulated to councillors and will be
# considered by Cabinet after it has been submitted", "Cabinet noted the plan and asked for an update".
PREDICATE_AND = re.compile(
    r"\s+and\s+(?=(?:will|was|were|is|are|has|have|had|would|then|also|later|that)\b|[a-z]+ed\b)")


# Where one clause of a sentence ends and another begins, subordinate clauses included, for what each
# says of its own: "commented on by scrutiny on 2 July, and approved by the Executive on 10 July", "asked to
# approve it on 18 July before it is submitted on 19 July".
CLAUSE_EDGE = re.compile(r";|:\s|\s[–—-]\s|,\s+(?:and|but|which|while|whereas|although)\b|"
                         r"\s(?:before|after|once|until|when)\b|"
                         r"\s+and\s+(?=(?:will|was|were|is|are|has|have|had|then|later)\b|[a-z]+ed\b)")


def predicates(text: str) -> list[str]:
    """The clauses of a sentence, split also where "and" joins a second predicate to the first.

    A colon does not split: what follows it says what came before it is about ("decisions members
    have taken: the Corporate Plan and the budget").
    """
    return [piece for _, clause in clauses(text, labels=True) for piece in PREDICATE_AND.split(clause)
            if piece.strip()]


def without(text: str, concept) -> str:
    """The sentence with every clause that mentions ``concept`` left out: what it says of anything else.

    "The plan was circulated to all councillors and will be considered by Cabinet after it has been
    submitted" still says the plan was circulated, whatever the second clause says of afterwards.
    """
    kept, dropped = [], None
    for piece in predicates(text):
        if concept.matches(piece):
            dropped = piece
            continue
        # "The Policy and Resources Committee has delegated authority for corporate policy, and it approved this
        # plan": the "it" of a clause kept is the subject of the clause left out before it.
        pronoun = PRONOUN_SUBJECT.match(piece)
        auxiliaries = list(AUXILIARY.finditer(dropped)) if pronoun and dropped else []
        # (The subject of the clause's last verb, after any opening phrase: "under our committee system, the
        # Policy and Resources Committee has …".)
        subject = re.split(r"[,:;]", dropped[:auxiliaries[-1].start()])[-1].strip() if auxiliaries else ""
        if subject and not concept.matches(subject):
            piece = f"{subject} {piece[pronoun.end():]}"
        kept.append(piece)
        dropped = None
    return " ".join(kept)


# A clause whose subject is a pronoun, and the first auxiliary of a clause, which ends its subject.
PRONOUN_SUBJECT = re.compile(r"^\W*(?:and\s+|but\s+)?(?:it|they)\s+(?=\w)", re.IGNORECASE)
AUXILIARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|does|did)\b")


def _in_scope(text: str, position: int, cue: re.Pattern, words: int) -> re.Match | None:
    """The cue whose scope covers ``position``, if one does."""
    window = text[max(0, position - 120):position]
    offset = max(0, position - 120)
    for match in reversed(list(cue.finditer(window))):
        if NOT_A_CUE.match(text, offset + match.start()):
            continue
        between = window[match.end():]
        if SCOPE_END.search(between):
            return None
        if len(WORD.findall(between)) <= words:
            return match
        return None
    return None


def governed_by(text: str, position: int, cue, words: int = SCOPE_WORDS) -> bool:
    """Whether the word at ``position`` falls in the scope of ``cue`` (a pattern or a pack's term list),
    as a negation's scope is worked out: "we have looked at AI tools" puts "AI" under "looked at"."""
    return _in_scope(text, position, cue, words) is not None


# A subject its own predicate denies, a few words on in its clause: "Publication of the plan on our
# website is not planned", "Approval has not been sought". So is one who has not seen or decided: "the
# Leader has not yet seen it".
DENIED_BY_PREDICATE = re.compile(
    r"(?:[\w’'£%.-]+\s+){0,8}?(?:is|are|was|were|has|have|had|will)\s+(?:not|never)\s+(?:yet\s+|currently\s+|"
    r"been\s+|be\s+)*(?:planned|expected|intended|proposed|possible|given|sought|made|taken|happening|"
    r"going\s+ahead|scheduled|envisaged|anticipated|seen|read|considered|discussed|reviewed|approved|"
    r"endorsed|signed)\b", re.IGNORECASE)


def negated(text: str, position: int) -> bool:
    """Whether the word at ``position`` falls in the scope of a negation ("have not yet agreed"), or is
    the subject its predicate denies ("Publication of the plan is not planned").

    Two negations make a rule: in "no contract is let without the consent of the Board" the consent
    is required, not denied.
    """
    cue = _in_scope(text, position, NEGATION_CUE, SCOPE_WORDS)
    if cue is None:
        rest = text[position:position + 160]
        end = SCOPE_END.search(rest)
        return DENIED_BY_PREDICATE.match(re.sub(r"^[\w’'-]*\s*", "", rest[:end.start() if end else len(rest)])) \
            is not None
    # (The cue's place is in the window that _in_scope searched, which starts 120 characters back.)
    if cue.group(0).lower() == "without":
        return _in_scope(text, max(0, position - 120) + cue.start(), NEGATION_CUE, SCOPE_WORDS) is None
    # "No contract … is signed without": what the rule governs is not denied either.
    rest = text[position:position + 160]
    end = SCOPE_END.search(rest)
    return not RULE_EXCEPTION.search(rest[:end.start() if end else len(rest)])


# How far a negation reaches to deny a thing the plan should have: "we have not yet been able to put a value on".
DENIAL_WORDS = 4


# Denied of its subject, in the passive: "Baselines and targets for these measures have not yet been
# agreed", "KPIs are still to be set".
# And in the future: "Progress on the actions in this plan will not be reported separately".
PASSIVE_DENIAL = re.compile(r"(?:\s+(?!(?:has|have|had|is|are|was|were|will)\b)[\w’'-]+){0,6}?\s+"
                            r"(?:has|have|had|is|are|was|were|will)\s+"
                            r"(?:not\s+(?:yet\s+)?(?:been\s+|be\s+)?|(?:still\s+|yet\s+)?to\s+be\s+|yet\s+to\s+be\s+)"
                            r"(?:agreed|set|decided|finalised|finalized|confirmed|established|defined|developed|"
                            r"identified|chosen|selected|in\s+place|available|ready|reported|monitored|tracked|"
                            r"produced|created)\b", re.IGNORECASE)


# A making refused: "We have decided not to create a separate set of indicators or targets for this plan".
NOT_TO_MAKE = re.compile(r"\b(?:not|never)\s+to\s+(?:create|set|develop|produce|agree|adopt|introduce|draw\s+up|"
                         r"establish|define|devise|publish)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)


# A having or making denied, of a set the thing would come in: "We do not yet have a joint set of productivity
# indicators for this plan", "We have not yet agreed a set of key performance indicators", or of the frame it
# would run in: "We have not set a separate timetable for reporting on the actions in this plan" (the set's or
# frame's words put the thing further from "not" than a denial reaches).
NOT_HAVE_A_SET = re.compile(r"\b(?:not|n[’']t)\s+(?:yet\s+)?(?:have|hold|got|agreed|set|settled|developed|defined|"
                            r"identified|established|finalised|finalized|adopted|chosen|selected|drawn\s+up|produced)\s+"
                            r"(?:(?:a|an|any|the|our)\s+)?"
                            r"(?:[\w-]+\s+){0,2}?(?:(?:set|list|suite|basket|framework|range)\s+of|"
                            r"(?:timetable|schedule|cycle|process|arrangements?|mechanism)\s+(?:for|of))\s+"
                            r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# A denial of new ones only: "We have not set new KPIs for this plan. Instead we will track it with six
# measures already in our Council Plan" denies no measures.
ONLY_NEW_ONES = re.compile(r"\b(?:new|additional|extra|further)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def lacked(text: str, start: int, end: int) -> bool:
    """Whether the thing named at ``start``:``end`` is one the sentence says the plan lacks: negated
    at once ("We have not yet agreed KPIs"), denied of its subject ("Targets have not yet been set"),
    refused ("We have decided not to create a separate set of indicators") or missing from a set
    ("We do not yet have a joint set of productivity indicators"). A denial of new ones only ("We have
    not set new KPIs for this plan") lacks nothing."""
    return (governed_by(text, start, NEGATION_CUE, DENIAL_WORDS)
            or PASSIVE_DENIAL.match(text, end) is not None
            or NOT_TO_MAKE.search(text, max(0, start - 80), start) is not None
            or NOT_HAVE_A_SET.search(text, max(0, start - 80), start) is not None) \
        and not only_new_ones(text, start)


def only_new_ones(text: str, start: int) -> bool:
    return ONLY_NEW_ONES.search(text, max(0, start - 30), start) is not None


# An open question runs to the end of its clause: "we need to agree whether this goes to Cabinet or is
# signed off by the Leader" decides neither; nor do the options still being weighed ("Options, including a
# six-monthly report to Cabinet, will be considered in the autumn").
# So does a question reported: "Councillor Ellery asked how progress against the plan would be monitored".
OPEN_QUESTION = re.compile(r"\bwhether\b|\boptions?\b[\s,]{0,3}(?:including|include|includes|such\s+as|are|being)\b|"
                           r"\b(?:asked|asking|queried|enquired|inquired|wondered)\s+(?:how|what|when|who|which|why|if)\b",
                           re.IGNORECASE)
OPEN_QUESTION_WORDS = 16


# Reported speech: "The Director advised that the plan would then be published" reports a "will"; its
# "would" is a tense, not a possibility.
REPORTED_THAT = re.compile(r"\b(?:said|advised|confirmed|explained|reported|stated|told(?:\s+\w+){0,3}?|"
                           r"informed(?:\s+\w+){0,3}?|assured(?:\s+\w+){0,3}?|noted|agreed|announced)"
                           r"\s+that\s+(?:[^.;:]{0,240}?)$", re.IGNORECASE)


def hedged(text: str, position: int, plain_conditions: bool = False, route=None) -> bool:
    """Whether the word at ``position`` is only a possibility ("should be approved", "if agreed", "will be
    published only if …"), or one of the choices an open question leaves open ("whether … or is signed
    off by the Leader"). ``route`` is as for :func:`conditional`."""
    cue = _in_scope(text, position, HEDGE_CUE, 4)
    if cue is not None and cue.group(0).lower() == "would":
        at = max(0, position - 120) + cue.start()
        if REPORTED_THAT.search(text, max(0, at - 300), at):
            cue = None
    return cue is not None or left_open(text, position) or conditional(text, position, plain_conditions, route)


# A condition after what it governs, to the end of the clause: "We will publish this plan on the council's
# website only if the Government decides to publish the plans of all councils".
CONDITION_AFTER = re.compile(r"\b(?:only\s+(?:if|when|once|after)|if\s+and\s+when|provided\s+that|providing\s+that|"
                             r"on\s+condition\s+that)\b", re.IGNORECASE)
# For what the council says it has done or will do, a plain "if" too, where a clause of its own follows: "We
# will publish this plan on our website if the Government decides to publish the plans of all councils" (not
# "to see if we are on track", "even if"). An answer to a question may hang on a condition and still tell
# the reader something ("we will extend the assistant to housing if the pilot succeeds").
PLAIN_CONDITION_AFTER = re.compile(
    r"(?<!\bsee\s)(?<!\bcheck\s)(?<!\bknow\s)(?<!\bask\s)(?<!\beven\s)(?<!\bas\s)"
    r"\bif\s+(?:the|we|it|members|councillors|cabinet|council|government|ministers?|they|there)\s", re.IGNORECASE)
# ("Unless" after its clause makes an exception to a rule, not a condition: "every request goes to the panel
# unless a framework covers it".)
CONDITION_REACH = 160
SENTENCE_STOP = re.compile(r"[.;:!?]\s")


# A sentence that opens with its condition, up to the word in question: "If Cabinet asks for changes at that
# meeting, the final wording will be agreed by the Leader".
FRONTED_CONDITION = re.compile(r"(?:^|[.!?:]\s+)(?:If|Unless|Should)\b[^.!?]*,[^.!?]*$")


def conditional(text: str, position: int, plain: bool = False, route=None) -> bool:
    """Whether a condition said after the word at ``position``, in its clause, governs it (with ``plain``,
    a plain "if" too, or one that opens the sentence). A plain condition for which ``route`` (a test of
    the condition's words) holds is the council's own way to the thing, not a doubt about it: "If the
    decision is not called in, the plan will be … published on the council's website"."""
    rest = text[position:position + CONDITION_REACH]
    end = SENTENCE_STOP.search(rest)
    end = end.start() if end else len(rest)
    if CONDITION_AFTER.search(rest, 0, end) is not None:
        return True
    if not plain:
        return False
    after = PLAIN_CONDITION_AFTER.search(rest, 0, end)
    if after is not None and not (route and route(_condition(rest[after.start():end]))):
        return True
    fronted = FRONTED_CONDITION.search(text, max(0, position - CONDITION_REACH), position)
    return fronted is not None and not (route and route(_condition(fronted.group(0))))


def _condition(text: str) -> str:
    """A condition's own words, from its "if" to the comma that ends it."""
    text = text[re.search(r"\b(?:if|unless|should)\b", text, re.IGNORECASE).start():]
    return text.split(",", 1)[0]


def left_open(text: str, position: int) -> bool:
    """Whether the word at ``position`` is one of the choices an open question leaves open ("whether …",
    "Options, including a six-monthly report to Cabinet, will be considered")."""
    return _in_scope(text, position, OPEN_QUESTION, OPEN_QUESTION_WORDS) is not None


# ``facts_only`` for a weaker statement: not left open, though it may be a condition. "Subject to Cabinet
# approval" still says Cabinet will see the plan; "options, including a report to Cabinet, will be
# considered" says nothing is settled.
DECIDED = "decided"


class Committed:
    """``facts_only`` for what the council states it did or will do: not hedged, and not hanging on any
    condition said after it, save a plain one for which ``route`` (a test of the condition's words) holds,
    the council's own way to the thing: "If Cabinet agrees the plan on 9 July, it will be published on our
    website"."""

    def __init__(self, route=None):
        self.route = route


# With no such way: every condition is a doubt.
COMMITTED = Committed()


# What the letter asked of councils, in reported speech: "The Minister's letter asks councils to make
# sure … and that the plan is uploaded to the council's website." What it governs is the instruction,
# not the council's statement, until the council speaks for itself ("…; we will publish ours in July",
# ", and we", ", Cabinet approved").
INSTRUCTION_CUE = re.compile(
    r"\b(?:letter|minister|ministers|government|department|dluhc|mhclg|guidance|secretary\s+of\s+state)(?:['’]s)?"
    r"\s+(?:\w+\s+){0,3}?(?:asks?|asked|asking|requires?|required|requiring|expects?|expected|wants?|wanted|"
    r"requests?|requested|calls?\s+for|called\s+for|instructs?|instructed|suggests?|suggested|invites?|invited|"
    r"encourages?|encouraged)\b|"
    # Or further on, in a participle's clause: "The Minister wrote to chief executives on 16 April 2024 setting
    # out four themes and asking that plans be … endorsed by members".
    r"\b(?:letter|minister|government|department|secretary\s+of\s+state)\b[^.;]{0,120}?"
    r"\b(?:asking|requiring|requesting|calling\s+for|instructing)\b", re.IGNORECASE)
INSTRUCTION_END = re.compile(
    r"[;.!?]|\s[–—]\s|,\s+(?:and\s+|but\s+|so\s+)?(?!that\b)(?:we|our|the\s+council|this\s+council|cabinet|"
    r"members|councillors|the\s+leader|it\s+was|(?:this|the|our)\s+(?:productivity\s+)?plan\s+(?:was|has|will|is))\b",
    re.IGNORECASE)


def instructed(text: str, position: int) -> bool:
    """Whether the word at ``position`` is part of what the letter is reported to have asked."""
    return any(not _ends_before(text, cue.end(), position) for cue in INSTRUCTION_CUE.finditer(text, 0, position))


def _ends_before(text: str, start: int, position: int) -> bool:
    # The end of the instruction may run on over the word itself: in "In line with the Minister's request,
    # the plan will be published", "the plan" is the council's own, after the instruction ended at the comma.
    end = INSTRUCTION_END.search(text, start)
    return end is not None and end.start() < position


def asserted(text: str, position: int, facts_only: bool | str = False, instructions: bool = True) -> bool:
    """Whether the text asserts the word at ``position``: not negated, not what the letter is reported
    to have asked (unless ``instructions`` is false: a sentence read only for what "it" refers to, "The
    Government asked every council to write a productivity plan. We have published it here."), and
    with ``facts_only`` not hedged (with ``DECIDED``, not left open; with ``COMMITTED``, not on a condition
    either)."""
    return not negated(text, position) and not (instructions and instructed(text, position)) and \
        not (facts_only and (left_open(text, position) if facts_only == DECIDED
                             else hedged(text, position, isinstance(facts_only, Committed),
                                         getattr(facts_only, "route", None))))


# A sentence about what is yet to come ("we will", "by March 2026", "our target is"), and one that says
# what has happened ("we have", "was", "since 2021", "we merged").
AHEAD = re.compile(r"\b(?:will|shall|going\s+to|plans?\s+to|aims?\s+to|intends?\s+to|expects?\s+to|targets?|"
                   r"by\s+(?:(?:the\s+end\s+of\s+)?(?:january|february|march|april|may|june|july|august|september|"
                   r"october|november|december)\s+)?20\d\d)\b", re.IGNORECASE)
BEHIND = re.compile(r"\b(?:has|have|had|was|were|did|since|already|ago|previously|so\s+far|to\s+date|last\s+year|"
                    r"(?:we|it|they|this|the\s+council)\s+\w+ed)\b|\b\w+[’']ve\b", re.IGNORECASE)


def only_ahead(text: str) -> bool:
    """Whether a sentence says only what is yet to come: "In 2025 we will bring our depots into one"."""
    return AHEAD.search(text) is not None and BEHIND.search(text) is None
