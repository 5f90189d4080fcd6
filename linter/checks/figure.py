"""figure: a percentage is given for a subject, such as agency staff spend.

What it does
    Looks for a percentage tied to the subject: in the same clause of a
    sentence, with the subject the nearest of the named subjects on the side
    the sentence puts its subjects (so "agency 4% and consultants 2%" and "4%
    on agency staff and 2% on consultants" give each its own figure), or in
    the subject's row (or column) of a table. A percentage that describes a
    change ("down by 12%", "from 6%") or an aim ("to 3% by 2026", a "Target"
    column) is not what is spent now. Where several years are given, the
    figure for the most recent year is the answer, and it is recorded as the
    rule's fact.

    Two other answers count. A share worked out from two amounts in one
    sentence, the subject's and the ``denominator``'s ("agency staff cost
    £1.2m against a pay bill of £24m" is 5.0%), is the fact, and the message
    says it was worked out. An explicit nil ("we do not use consultants",
    "no spend on agency staff", "Consultants | nil") is the fact 0 and passes:
    an exact "none" answers the question. A vague size ("negligible") is only
    a mention: partial, with no fact.

Why
    Figure questions want a figure. "Agency use is strictly controlled" shows
    the subject is known but does not answer "what percentage of the staff
    budget".

Parameters
    ``prompt`` (the question as the regime words it, so that a copy of it is
    never taken for an answer); ``subject`` (concept); ``others`` (concepts of neighbouring subjects that
    compete for the same figures); ``exclude`` (sentences about something
    else, e.g. a consultancy's study, skipped unless ``denominator`` appears);
    ``denominator`` (concept such as "staff budget"); ``named_base`` (the
    base as the question names it, to choose between two wholes a table
    gives: "Total staff budget" for agency staff, "Total pay bill" for
    facility time); ``mention`` (concept
    that counts as discussing the subject, default the subject);
    ``discussed_with`` (concept: a mention discusses the subject only in a
    sentence that also says this, such as what is spent or used: "we lost
    four planners to consultancies" names consultants but not their use;
    default any sentence); ``fact`` (name of the fact to record).

Example
    "Agency staff were 4.1% of the staff budget in 2023/24 (5.0% in 2022/23)"
    passes with fact 4.1; "Agency use is restricted" is partial.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from ..analysis import PARAGRAPH_NUMBER, asks, evidence_for
from ..clauses import CLAUSE_EDGE, clauses, instructed
from ..document import HEADING, LIST_ITEM, TABLE
from ..figures import MONEY, NUMBER_WORD, TARGET_COLUMN, YEAR, money, nil_stated, word_number, year_in, year_key
from ..messages import register
from ..terms import term_set
from . import CONCEPT, FAIL, PARTIAL, PASS, Outcome

register({
    "figure.given": "given as {value}{when}.",
    "figure.worked-out": "worked out as {value} from the two amounts given ({part} of {whole}).",
    "figure.nil": "stated as none, so the share is 0%.",
    "figure.vague": "described only as “{word}”: no percentage is given.",
    "figure.mentioned": "discussed, but no percentage is given.",
    "figure.absent": "not addressed.",
})

PARAMS = {
    "type": "object",
    "$defs": {"concept": CONCEPT},
    "properties": {
        "prompt": {"type": "string"},
        "subject": {"$ref": "#/$defs/concept"},
        "others": {"type": "array", "items": {"$ref": "#/$defs/concept"}},
        "exclude": {"$ref": "#/$defs/concept"},
        "denominator": {"$ref": "#/$defs/concept"},
        "named_base": {"$ref": "#/$defs/concept"},
        "mention": {"$ref": "#/$defs/concept"},
        "discussed_with": {"$ref": "#/$defs/concept"},
        "fact": {"type": "string"},
    },
    "required": ["subject", "fact"],
    "additionalProperties": False,
}

PERCENT = term_set(["@percent"])
# A label's unit of money: "Agency staff (£000)", "£'000", "Spend, £m", "£ thousands".
MONEY_UNIT = re.compile(r"£\s?('?000s?|’000s?|k|m|million|thousands?|bn)?(?=\)|\s*$|,|\s)", re.IGNORECASE)
UNIT_SCALE = {"000": 1e3, "000s": 1e3, "k": 1e3, "thousand": 1e3, "thousands": 1e3, "m": 1e6, "million": 1e6,
              "bn": 1e9}
BARE_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?")
# The parts of a sentence a comma, semicolon, colon or dash sets apart.
SENTENCE_PARTS = re.compile(r"(?:[,;:]|\s[–—-])\s+")
SHARE_IN_WORDS = re.compile(r"\b(?:per\s?cent|percent|half|quarters?|thirds?|fifths?|tenths?|twentieths?|"
                            r"fiftieths?|hundredths?|thousandths?)\b", re.IGNORECASE)
AMOUNT_YEAR = re.compile(r"£\s?\d[\d,.]*\s?(?:bn|billion|m|million|k|thousand)?\s+(?:in|for|during)\s+(?:the\s+)?"
                         r"(?:year\s+)?((?:19|20)\d\d(?:\s?[/–-]\s?(?:19|20)?\d\d)?)\b", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CHANGE_WORDS = {"by", "reduced", "reduction", "increased", "increase", "decreased", "decrease", "fallen",
                "fell", "risen", "rose", "rise", "down", "up", "cut", "cuts", "saving", "savings",
                "growth", "grew", "dropped", "drop", "lower", "higher",
                # a comparison of rates, not a share of the budget: "an agency premium of about 35%"
                "premium", "premiums", "uplift", "markup", "mark"}
BOUND_BEFORE = re.compile(r"\b(?:under|below|less\s+than|fewer\s+than|up\s+to|at\s+most|no\s+more\s+than|"
                          r"not\s+more\s+than|a\s+maximum\s+of|within)\s*$", re.IGNORECASE)
NEARLY_BOUND = re.compile(r"\b(?:just|slightly|fractionally|a\s+little)\s+(?:under|below|less\s+than)\s*$",
                          re.IGNORECASE)
BARE_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
NIL_CELL = re.compile(r"^\s*(?:nil|none|zero|-|–)\s*$", re.IGNORECASE)
DASH_CELL = re.compile(r"\s*[-–—]\s*")
IN_PERCENT = re.compile(r"%|per\s?cent|percent", re.IGNORECASE)
# What a share is said to be of: "% of", "Share of", "Proportion of".
SHARE_MARK = re.compile(r"%|per\s?cent|percent|\bshare\b|\bproportion\b|\bpercentage\b", re.IGNORECASE)
MAKE_UP = {"made", "make", "makes", "making", "take", "takes", "took", "taken", "add", "adds", "added"}
# ("That" only as the subject of its verb: "…; that is 0.4% of the staff budget".)
PRONOUN = re.compile(r"\b(?:it|this|they|which|that(?=\s+(?:is|was|were|are|comes?|came|equals?|equalled|represents?|"
                     r"represented|amounts?|amounted)\b))\b", re.IGNORECASE)
TARGET_BEFORE = re.compile(r"\b(?:aim|aims|aiming|target|targets|ambition|goal|will|plan to|plans to|intend\w*|"
                           r"expect\w*|forecast\w*)\b", re.IGNORECASE)
PLANNED_AMOUNT = re.compile(r"\b(?:budgeted|estimated?|provisional|projected|projection)\b", re.IGNORECASE)
TARGET_AFTER = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:\w+\s+)?(?:19|20)\d\d")
# Where a table sets what was spent beside what is budgeted ("2023/24 outturn | 2024/25 budget"),
# the budget column is a plan. Alone, "budget" names the base: "Share of staff budget 2023/24".
ACTUAL_COLUMN = re.compile(r"\b(?:outturn|actuals?|spent|spend to date)\b", re.IGNORECASE)
PLANNED_COLUMN = re.compile(r"\b(?:budget(?:ed)?|plan(?:ned)?|estimated?|provisional)\b", re.IGNORECASE)
# A clause that goes on with its verb, its subject left out: "…, and made up 0.6% of the budget".
ELIDED_SUBJECT = re.compile(r"\s*(?:\w+ly\s+)?(?:made|makes|took|takes|accounted|accounts|represented|represents|"
                            r"amounted|amounts|cost|costs|came\s+to|comes\s+to|equalled|equals|was|were)\b",
                            re.IGNORECASE)
# Between a year and the figure it labels: "2022/23 5.0%", "2023/24: 4.2%".
YEAR_LABEL_GAP = re.compile(r"\s*[:–—-]?\s*")
# The same again for another year, its verb and subject left out: "…, and in 2023/24 0.8 per cent",
# "…; 2023/24 4.2%".
ANOTHER_YEAR = re.compile(r"(?:and\s+)?(?:(?:in|for|during)\s+)?(?:19|20)\d\d(?:\s?[/-]\s?\d\d(?:\d\d)?)?,?\s+"
                          r"(?:it\s+was\s+|just\s+|only\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)|"
                          # Or the figure first: "…; 1.6% in 2023/24", "12.6% (2022/23); 10.9% (2023/24)".
                          r"(?:and\s+)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s*(?:\s(?:in|for|during)\s+|\(\s*)"
                          r"(?:19|20)\d\d(?:\s?[/-]\s?\d\d(?:\d\d)?)?(?:\s*\))?",
                          re.IGNORECASE)
# Between two subjects that share one figure: "agency workers and consultants", "agency & consultancy".
JOINED_SUBJECTS = re.compile(r"[\w-]+\s+(?:[\w-]+\s+){0,2}?(?:and|&|plus)\s*", re.IGNORECASE)
# "…% of the Council's net revenue budget": a base named after the figure.
BASE = re.compile(r"\s*of\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:council['’]s\s+)?(?:[\w/’'-]+\s+){0,4}?"
                  r"(?:budget|spend|spending|expenditure|costs?|bill|total)\b", re.IGNORECASE)
HEADCOUNT_BASE = re.compile(r"\s*of\s+(?:the\s+|our\s+|its\s+|their\s+|all\s+)?(?:council['’]s\s+)?"
                            r"(?:(?!(?:costs?|spend\w*|budget|pay\w*|bill|expenditure|money)\b)[\w’'-]+\s+){0,4}?"
                            r"(?:posts|roles|vacancies|positions|employees|workforce|headcount|FTEs?|jobs|people|"
                            r"workers|staff|hours|days)\b(?!\s+(?:budget|costs?|spend|spending|pay|bill|expenditure))",
                            re.IGNORECASE)
CURRENT_BEFORE = re.compile(r"\b(?:now|currently|at present|presently|today)(?:\s+(?:at|stands\s+at|is|was))?\s*[:,]?\s*$",
                            re.IGNORECASE)
CURRENT_AFTER = re.compile(r"\s*(?:now|today|currently|at\s+present)\b", re.IGNORECASE)
PERCENT_END = re.compile(r"(?:%|per\s?cent|percent)\s*$", re.IGNORECASE)
PERCENT_IN_WORDS = re.compile(rf"\b((?:{NUMBER_WORD})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
                              r"(\s+and\s+(?:a\s+half|a\s+quarter|three\s+quarters))?"
                              r"\s+(?:per\s?cent|percent)\b", re.IGNORECASE)
WORD_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}
# Digits given after a share in words only say it exactly: "just under one per cent (0.9%)", "one
# twentieth of one per cent of the pay bill (0.05%)"; and a share of one per cent is not one per cent.
EXACT_AFTER = re.compile(r"[^.;()]{0,40}?\(\s*\d|\s*[,–—-]\s*\d")
PART_OF = re.compile(r"\bof\s+$")
# "One in every twenty pounds", "one pound in every thousand".
# (The number's second word only where it is one: "one pound in every eight we spent", "ten by March 2026".)
FRACTION = re.compile(r"\b(?:one|a|1)(?:\s+(?:pound|penny))?\s+in\s+(?:every\s+)?"
                      rf"(\d{{1,3}}|(?:{NUMBER_WORD}|hundred|thousand)(?:[\s-](?:one|two|three|four|five|six|seven|"
                      r"eight|nine|pounds?))?)\b", re.IGNORECASE)
# A line that opens with its figure, its subject left to what stands over it: "0.04% of the paybill".
MONEY_FIRST = re.compile(r"^\W*£\s?\d")
FIGURE_FIRST = re.compile(r"^\W*(?:(?:about|around|approximately|roughly|just|some|under|nearly|almost)\s+)?"
                          r"(?:£\s?)?\d", re.IGNORECASE)
# "6p in every £1 of our staff budget", "7 pence in the pound": pence are per cent; "5p in every £100 of
# pay" is a hundredth of that.
PENCE_IN_POUND = re.compile(r"\b(\d{1,2}(?:\.\d)?)\s?(?:p|pence)\s+(?:in|of|out\s+of)\s+(?:every|each|the|a)\s+"
                            r"(?:£\s?(1|10|100|1,?000)\b(?!\s?(?:m|bn|k)\b|[.,]\d)(?:\.00)?|pound\b)", re.IGNORECASE)
# "one fifth of one per cent", "two tenths of a per cent".
ORDINAL_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "tenth": 10, "tenths": 10, "twentieth": 20, "twentieths": 20, "fiftieth": 50,
                 "hundredth": 100, "hundredths": 100}
PART_OF_PERCENT = re.compile(r"\b(one|a|two|three|four)\s+(" + "|".join(ORDINAL_PARTS) + r")\s+of\s+(?:one|a|1)\s+"
                             r"(?:per\s?cent|percent|%)", re.IGNORECASE)
VAGUE = re.compile(r"\b(?:negligible|minimal|minimum|very\s+small|small|low|limited|insignificant|de\s+minimis)\b",
                   re.IGNORECASE)
HEDGES = {"around", "about", "approximately", "approx", "over", "almost", "nearly", "some", "just",
          "only", "c", "circa", "a", "of", "than", "more", "less"}


def percent_in_words(match: re.Match) -> float | None:
    whole = word_number(match.group(1))
    if whole is None:
        return None
    fraction = match.group(2).split()[-1].lower() if match.group(2) else None
    return float(whole) + WORD_FRACTIONS.get(fraction, 0.0)


def is_change(text: str, start: int) -> bool:
    """Whether the words before a percentage make it a change rather than a share."""
    words = re.findall(r"[a-z]+", text[max(0, start - 40):start].lower())
    while words and words[-1] in HEDGES:
        words.pop()
    if len(words) >= 2 and words[-1] == "up" and words[-2] in MAKE_UP:
        return False  # "made up 4.9% of the staff budget" is a share, not a rise
    return bool(words) and words[-1] in CHANGE_WORDS


def is_bound(clause: str, start: int) -> bool:
    """Whether a percentage is only a limit ("well under 1%", "below 5%"), not the figure."""
    before = clause[max(0, start - 30):start]
    # "just under 0.1%" is the figure, rounded; "well under 1%" only a limit.
    return bool(BOUND_BEFORE.search(before)) and not NEARLY_BOUND.search(before)


# The figure a change goes to: "to 3% by 2026".
AIMED_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)?", re.IGNORECASE)


def is_starting_point(clause: str, match) -> bool:
    """Whether a percentage is where a change started: "from 6% to 4.7%"."""
    return _change_from(clause, match) is not None


def _change_from(clause: str, match) -> re.Match | None:
    """The figure a change goes to from this one ("from 6% to 4.7%"), or None."""
    before = clause[max(0, match.start() - 6):match.start()].lower()
    change = re.match(r"[^%]{0,40}?\bto\s+(?=\d)", clause[match.end():])
    if not (before.rstrip().endswith("from") and change):
        return None
    return AIMED_FIGURE.match(clause, match.end() + change.end())


def starts_an_aimed_change(clause: str, match) -> bool:
    """Whether a percentage is where a change still aimed at starts, and so today's figure: "We aim to
    reduce agency spend from 4.2% of the staff budget in 2023/24 to 3% by 2026"."""
    aim = _change_from(clause, match)
    return aim is not None and is_target(clause, aim.start(), aim.end())


def _value(match_text: str) -> float:
    return float(NUMBER.search(match_text).group(0))


def is_target(clause: str, start: int, end: int) -> bool:
    """Whether a percentage is an aim ("we aim to cut it to 3% by 2026") rather than what is spent now.

    A measure often gives both, today's figure marked after it: "5.6% now, 4.5% by March 2026",
    "(7.2% today, 5.5% by 2025/26)". Words after a figure are read only up to the next figure.
    """
    after = clause[end:]
    following = PERCENT.search(after)
    after = after[:following.start()] if following else after
    if CURRENT_AFTER.match(after):
        return False
    # Only the figure's own sentence sets its aim: a note read after "we aim to bring it below 5 per cent by
    # 2026[^1]" gives today's figure ("¹ Agency staff made up 6.3 per cent of the staff budget in 2023/24").
    own = max((m.end() for m in SENTENCE_END.finditer(clause, 0, start)), default=0)
    clause, start = clause[own:], start - own
    current = CURRENT_BEFORE.search(clause[:start])
    if current and PERCENT_END.search(clause[:current.start()]):
        current = None  # "5.6% now, 4.5% by 2026": that "now" is the figure before's
    if current:
        # "now 8.3%, which we intend to reduce to 6% by 2026": the aim is the 6%; the 8.3% is today's.
        previous = [m.end() for m in PERCENT.finditer(clause[:start])]
        return bool(TARGET_BEFORE.search(clause[previous[-1] if previous else 0:start]))
    return bool(TARGET_BEFORE.search(clause[:start]) or TARGET_AFTER.search(after))


def owner(position: int, mentions: list[tuple[int, bool]], subject_first: bool) -> bool | None:
    """Whether the figure at ``position`` belongs to our subject (True) or another (False).

    Writers put the subject before its figure ("agency staff 4%, consultants
    2%") or after it ("4% on agency staff, 2% on consultants"); the order of
    the sentence's first subject and first figure says which.
    """
    before = [m for m in mentions if m[0] < position]
    after = [m for m in mentions if m[0] > position]
    if subject_first:
        chosen = max(before, default=None) or min(after, default=None)
    else:
        chosen = min(after, default=None) or max(before, default=None)
    return None if chosen is None else chosen[1]


SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
CHANGED_FROM = re.compile(r"(?:\b(?:down|up|fallen|fell|falling|risen|rose|rising|increased|decreased|reduced)?\s*"
                          r"from|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?)\s+(?:about\s+|around\s+)?$",
                          re.IGNORECASE)


def tied_figures(text: str, subject, others, denominator=None) -> list[tuple[float, tuple | None, int]]:
    """Percentages in one sentence that belong to ``subject``: (value, year key, position)."""
    figures = []
    carried = False
    for offset, clause in clauses(text, labels=True):
        mentions = [(m.start(), True) for m in subject.finditer(clause)]
        theirs = [(m.start(), False) for other in others for m in other.finditer(clause)]
        if not mentions and not theirs and carried and (PRONOUN.search(clause) or ELIDED_SUBJECT.match(clause)
                                                        or ANOTHER_YEAR.fullmatch(clause.strip(" .;"))):
            # "...; in 2023/24 it was 4.1%", "Consultants are used rarely, and made up 0.6%": the
            # subject of the clause before, which stands before all of this one ("…; 1.6% in 2023/24")
            mentions = [(-1, True)]
        carried = bool(mentions) and not theirs
        if not mentions or joined(clause, mentions, theirs):
            continue
        mentions += theirs
        # A change's earlier figure is of the same base as the figure it changed to: "7.4% of our net
        # revenue budget in 2023/24, down from 9.1%".
        other_bases = [m.end() for m in PERCENT.finditer(clause)
                       if denominator is not None and other_base(clause[m.end():], denominator)]
        percents = [(m.start(), _value(m.group(0))) for m in PERCENT.finditer(clause)
                    if is_current_share(clause, m, denominator)
                    and not (other_bases and other_bases[0] < m.start() and CHANGED_FROM.search(clause, 0, m.start()))]
        # "Eight per cent of our staff budget went on agency workers", "three and a half per cent …,
        # down from 4.8 per cent" (where digits follow, "just under one per cent (0.9%)", the words only
        # round them).
        percents += [(m.start(), value) for m in PERCENT_IN_WORDS.finditer(clause)
                     if (value := percent_in_words(m)) is not None and is_current_share(clause, m, denominator)
                     and not EXACT_AFTER.match(clause, m.end()) and not PART_OF.search(clause, 0, m.start())]
        # "one fifth of one per cent of our paybill": 0.2%.
        percents += [(m.start(), part_of_percent(m)) for m in PART_OF_PERCENT.finditer(clause)
                     if is_current_share(clause, m, denominator)]
        if denominator is not None and denominator.matches(clause):
            # "One in every twenty pounds of our staff budget went on agency workers": 5%; "6p in every £1".
            # (Not an aim: "down to one pound in every ten by March 2026".)
            percents += [(m.start(), value) for m in FRACTION.finditer(clause)
                         if (value := fraction_value(m)) is not None and is_current_share(clause, m, denominator)]
            percents += [(m.start(), float(m.group(1)) / int((m.group(2) or "1").replace(",", "")))
                         for m in PENCE_IN_POUND.finditer(clause) if is_current_share(clause, m, denominator)]
        if not percents:
            continue
        percents.sort()
        restating = restatements(clause, percents)
        percents = [(start, value) for start, value in percents if start not in restating.values()]
        subject_first = min(mentions)[0] < percents[0][0]
        # (A note is read after the sentence citing it: the years of the citing sentence are not the note's.)
        note_start = max((m.end() for m in SENTENCE_END.finditer(clause, 0, percents[0][0])), default=0)
        years = [(m.start(), year_key(m.group(0))) for m in YEAR.finditer(clause) if m.start() >= note_start]
        years = sorted(years + relative_years(text, offset, clause, note_start))
        # The clause's order of figure and year is set by its first figure, even one that is no share of
        # the base: "7.4% of staff spend in 2023/24, down from 9.1% in 2022/23".
        first_figure = min([percents[0][0]] + [m.start() for m in PERCENT.finditer(clause)])
        # A year standing as the label of the first figure puts each year before its own: "2022/23 5.0%,
        # 2023/24 4.2%".
        labelled = any(m.end() <= first_figure and YEAR_LABEL_GAP.fullmatch(clause, m.end(), first_figure)
                       for m in YEAR.finditer(clause))
        previous_aside = None  # where the last bracketed figure of ours closed
        for start, value in percents:
            aside = in_parentheses(clause, start)
            if start in restating:
                # Whose the round figure was, the exact one is.
                if not owner(restating[start], mentions, subject_first):
                    continue
            elif aside is not None:
                if any(aside <= at < start for at, ours in mentions if not ours):
                    continue  # "agency staff 4% of the staff budget (consultants 1%)"
                # "potholes repaired in 28 days (89%; 92%), agency spend (£9.8m; £7m)": a figure in
                # brackets belongs to the words just before them.
                # Further back when the words before it give the same share in words: "costs about
                # one twentieth of one per cent of the pay bill (0.05%)".
                # And to the same subject as the bracketed figure before it, when only another amount
                # of it comes between: "cost £141,000 in 2022/23 (0.07%) and £152,000 in 2023/24 (0.08%)".
                if not any(0 <= aside - (at + 1) and not re.search(r"[;(]|,(?!\d)", clause[at:aside])
                           and (aside - at <= 60 or (aside - at <= 160 and SHARE_IN_WORDS.search(clause, at, aside)))
                           for at, ours in mentions if ours) and \
                        not (previous_aside is not None and ANOTHER_AMOUNT.fullmatch(clause, previous_aside, aside)
                             and not any(previous_aside <= at < aside for at, _ in mentions)):
                    continue
                close = clause.find(")", start)
                previous_aside = close + 1 if close != -1 else None
            elif not owner(start, mentions, subject_first):
                continue
            relative = RELATIVE_FIGURE.search(clause, max(0, start - 60), start)
            antecedent = ANTECEDENT.search(clause, 0, relative.start()) if relative is not None else None
            last_said = max((m.end() for m in subject.finditer(clause) if m.end() <= antecedent.start(1)),
                            default=None) if antecedent is not None else None
            if antecedent is not None and not CLAUSE_WORD.fullmatch(antecedent.group(1)) and \
                    not any(m.end() == antecedent.end(1) for m in subject.finditer(clause)) and \
                    (last_said is None or NEW_PREDICATE.search(clause, last_said, antecedent.start(1))):
                # "… would reduce turnover, which was 19% last year": the figure is turnover's, the noun
                # before "which", not the agency pay named earlier in the sentence. (After a year, an
                # amount or the subject itself, "which" takes in the clause: "we spent £1.2m on agency
                # staff in 2023/24, which was 4.2% of the staff budget".)
                continue
            figures.append((value, year_of(years, start, first_figure, labelled), offset + start))
    return figures


# A figure given in a relative clause ("turnover, which was 19%"), and the word before its "which": a
# noun that is not the subject, a time or the base is what the clause is about.
RELATIVE_FIGURE = re.compile(r",?\s+which\s+(?:was|is|were|are|stood\s+at|has\s+been|had\s+been|reached|rose\s+to|"
                             r"fell\s+to)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+over\s+|just\s+under\s+)?$",
                             re.IGNORECASE)
# A verb between the subject and that noun puts the noun in a predicate of its own ("agency pay … would help
# us … reduce turnover, which was 19%"); a phrase set beside the subject does not ("£267,000 on agency
# workers, mostly drivers and one planning officer, which was 3.1% of our staff budget").
NEW_PREDICATE = re.compile(r"\b(?:to|would|will|could|should|can|may|must|is|are|was|were|has|have|had)\s+[a-z]",
                           re.IGNORECASE)
ANTECEDENT = re.compile(r"\b([A-Za-z][\w'-]*)\W*$")
# A time or a word for the base or the spending before "which" ("in 2023/24, which", "last year, which"):
# "which" then takes in the whole clause.
CLAUSE_WORD = re.compile(r"years?|months?|quarters?|period|time|budget|bill|paybill|spend|spending|cost|costs",
                         re.IGNORECASE)


# A year named by the one before it: "In 2023/24 we spent £412,000 … (the year before, agency staff were
# 5.6% of the staff budget)" gives 5.6% for 2022/23.
RELATIVE_YEAR = re.compile(r"\b(?:the|a)\s+year\s+(?:before|earlier)\b|"
                           r"\bthe\s+(?:previous|prior|preceding)\s+(?:financial\s+)?year\b", re.IGNORECASE)


# What comes between a round share and the same share exactly, in brackets or between dashes: "around
# four per cent of our staff budget (4.2% in 2023/24)", "just over 4% of the workforce budget – 4.2% in
# 2023/24 –".
RESTATED_BETWEEN = re.compile(r"[^.;:()%£\d]{0,60}?(?:\(\s*|\s[–—]\s+)$")
DECIMALS = re.compile(r"\.(\d+)")
# How far a rounding may stray from the exact figure it rounds.
ROUNDING = 0.5


def restatements(clause: str, percents: list[tuple[int, float]]) -> dict[int, int]:
    """{where an exact share is: where the round share it restates is}, for each share given first in
    round figures or words and then exactly in an aside."""
    shares = sorted(percents + [(m.start(), value) for m in PERCENT_IN_WORDS.finditer(clause)
                                if (value := percent_in_words(m)) is not None])
    ends = {m.start(): m.end() for m in [*PERCENT.finditer(clause), *PERCENT_IN_WORDS.finditer(clause)]}
    # Decimal places of each share in digits; a share in words is a round figure.
    places = {m.start(): len(decimals.group(1)) if (decimals := DECIMALS.search(m.group(0))) else 0
              for m in PERCENT.finditer(clause)}
    found = {}
    for (round_at, round_value), (exact_at, exact_value) in zip(shares, shares[1:]):
        round_end = ends.get(round_at)
        if round_end is None or exact_at <= round_end or abs(round_value - exact_value) > ROUNDING:
            continue
        if round_value != exact_value and round_at in places and places[round_at] >= places.get(exact_at, 0):
            continue  # "1.4% of the staff budget (1.9% in 2022/23)": another figure as exact as the first
        if RESTATED_BETWEEN.fullmatch(clause, round_end, exact_at) and exact_at in dict(percents):
            found[exact_at] = round_at
    return found


def relative_years(text: str, offset: int, clause: str, note_start: int) -> list[tuple[int, tuple]]:
    """(position, year key) of each year the clause names as the one before a year said earlier."""
    found = []
    for match in RELATIVE_YEAR.finditer(clause, note_start):
        # The year said before it, else the one it comes before: "4.6% in the previous year and 3.9% in 2023/24".
        before = list(YEAR.finditer(text[:offset + match.start()]))
        said = before[-1] if before else YEAR.search(text[offset + match.end():])
        if said:
            end, start = year_key(said.group(0))
            found.append((match.start(), (end - 1, start - 1)))
    return found


def is_current_share(clause: str, match, denominator) -> bool:
    """Whether a percentage in the clause is a share of the base as it stands: not a change, an aim,
    a starting point, a limit, or a share of another base."""
    if starts_an_aimed_change(clause, match):
        return not other_base(clause[match.end():], denominator)
    return not is_change(clause, match.start()) and not is_target(clause, match.start(), match.end()) \
        and not is_starting_point(clause, match) and not is_bound(clause, match.start()) \
        and not is_range(clause, match) and not other_base(clause[match.end():], denominator) \
        and not COMPARED_AFTER.match(clause, match.end())


LABEL_DASH = re.compile(r"^(\W*[A-Za-z][A-Za-z’'&/()]*(?:\s+[A-Za-z’'&/()]+){0,5})\s+[–—-]\s+"
                        r"(?=£|\d|(?:nil|none|zero|no|about|around|approximately|roughly|under|over|just)\b)",
                        re.IGNORECASE)


# A difference between two things, not a share: "agency social workers cost about 50% more than permanent
# staff", "a rate 12% higher than the regional average".
COMPARED_AFTER = re.compile(r"\s*(?:more|less|higher|lower|cheaper|dearer|greater|above|below)\b", re.IGNORECASE)


# A range's two ends: "between 5 and 7 per cent", "5 to 7%", "5-7%", "between 5% and 7%".
RANGE_BEFORE = re.compile(r"(\b(?:from|between)\s+)?(?<![\d/.,£-])\d+(?:\.\d+)?\s*(?:%|per\s*cent)?\s*(and|to|-|–)\s*$",
                          re.IGNORECASE)
RANGE_AFTER = re.compile(r"\s*(and|to|-|–)\s*\d", re.IGNORECASE)
OPENS_RANGE = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)


def is_range(clause: str, match) -> bool:
    """Whether a percentage is one end of a range ("has run at between 5 and 7 per cent"): a band, not
    the figure. "From 6% to 4.7%" is a change, whose end is the figure; "4.9% and 5.2%" two figures."""
    before = RANGE_BEFORE.search(clause, max(0, match.start() - 40), match.start())
    if before is not None:
        opener, joiner = (before.group(1) or "").strip().lower(), before.group(2).lower()
        return opener == "between" or (joiner != "and" and opener != "from")
    after = RANGE_AFTER.match(clause, match.end())
    if after is not None:
        opener = OPENS_RANGE.search(clause, max(0, match.start() - 12), match.start())
        opener = opener.group(1).lower() if opener else ""
        return opener == "between" or (after.group(1).lower() != "and" and opener != "from")
    return False


def year_of(years: list[tuple[int, tuple]], start: int, first_figure: int, labelled: bool = False) -> tuple | None:
    """The year a figure is given for. A clause keeps one order: "1.1% in 2022/23 and 0.8% in
    2023/24" puts each year after its figure, "in 2022/23 1.1%, in 2023/24 0.8%" before it, as
    does a year that labels the first figure (``labelled``)."""
    if not years:
        return None
    # Else the order is the one of the year nearest the first figure: "since 2021 …. Agency staff were 2.7%
    # of the staff budget in 2023/24, compared with 4.1% in 2022/23" gives each year after its figure.
    after = not labelled and min(years, key=lambda y: abs(y[0] - first_figure))[0] > first_figure
    side = [y for y in years if (y[0] > start if after else y[0] < start)]
    if side:
        return (min(side) if after else max(side))[1]
    return min(years, key=lambda y: abs(y[0] - start))[1]


def nil_year(text: str, subject) -> tuple | None:
    """The year of the clause that states a nil ("in 2023/24 we used no consultants at all"), if it
    gives one, or else of a label before it ("Nil in 2023/24: we did not engage any consultants")."""
    pieces = clauses(text)
    for number, (_, clause) in enumerate(pieces):
        if nil_stated(clause, subject):
            years = [year_key(m.group(0)) for m in YEAR.finditer(clause)]
            if not years and number and text[pieces[number][0] - 2:pieces[number][0]].strip() == ":":
                years = [year_key(m.group(0)) for m in YEAR.finditer(pieces[number - 1][1])]
            return max(years) if years else None
    return None


def forecast_nil(text: str, subject) -> bool:
    """Whether the nil is only expected or planned for a year ("We expect no consultancy spend in
    2024/25"): what will be spent is no share of the staff budget, as a target is none. ("We will not use
    consultants", of no year, is the council's way of working.)"""
    return any(nil_stated(clause, subject) and TARGET_BEFORE.search(clause) and YEAR.matches(clause)
               and not SAID_NIL.search(clause) for _, clause in clauses(text))


# A nil said of now or the past, beside any plan: "We do not use consultants and will not".
SAID_NIL = re.compile(r"\b(?:do|does|did|have|has|had)(?:\s+not|n[’']t)\b|\b(?:have|has|had|used|spent)\s+no\b",
                      re.IGNORECASE)


def in_parentheses(clause: str, position: int) -> int | None:
    """Where the parenthesis holding ``position`` opens, if it is in one."""
    opening = clause.rfind("(", 0, position)
    if opening < 0 or ")" in clause[opening:position]:
        return None
    return opening


SCALE_WORDS = {"hundred": 100, "thousand": 1000}


def part_of_percent(match: re.Match) -> float:
    """The percentage a part of one per cent stands for: "one fifth of one per cent" is 0.2."""
    parts = word_number(match.group(1)) or 1
    return round(parts / ORDINAL_PARTS[match.group(2).lower()], 2)


def fraction_value(match: re.Match) -> float | None:
    """The percentage a share in words stands for: "one in every twenty" is 5.0, "one in 25" is 4.0."""
    whole = match.group(1)
    # "twenty-five", or "twenty" of "twenty pounds"
    number = int(whole) if whole[0].isdigit() else \
        word_number(whole) or word_number(whole.split()[0]) or SCALE_WORDS.get(whole.split()[0].lower())
    return round(100.0 / number, 1) if number and number > 1 else None


def joined(clause: str, mentions, theirs) -> bool:
    """Whether the subject shares its figure with another: "agency workers and consultants together took 7.3%"."""
    for start, _ in mentions:
        for other, _ in theirs:
            first, second = sorted((start, other))
            # The words from the first subject to the second: its own word, perhaps a noun, "and".
            if JOINED_SUBJECTS.fullmatch(clause, first, second):
                return True
    return False


def other_base(after: str, denominator) -> bool:
    """Whether a percentage is of another base than the question's: "6.5% of the net revenue budget",
    or a share of people, posts or time, not of money ("41% of our social work posts", "0.18% of total paid
    working hours")."""
    if denominator is not None and HEADCOUNT_BASE.match(after):
        return True
    base = BASE.match(after)
    if base is None or denominator is None:
        return False
    return not denominator.matches(re.split(r"[,.;:()]", after, maxsplit=1)[0])


# A row that says it is the whole of its subject: "Total agency spend", "Consultants, including interim managers".
WHOLE_ROW = re.compile(r"\b(?:total|overall|combined|in\s+all|including|incl\.?)(?!\w)", re.IGNORECASE)


def table_figures(block, subject, others=(), denominator=None) -> list[tuple[float, tuple | None, str]]:
    """Percentages in the subject's row (or column) of a table, with the year of their column (or row).

    The first row is a header when it holds no percentages. A row is the
    subject's when its label cell names the subject and no other subject;
    in a table whose header names the subjects, the subject's column is read
    instead, each row labelled by its first cell ("2023/24").
    """
    rows = [row for row in block.table.rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = rows[0] if not any(PERCENT.search(cell) for cell in rows[0]) else []
    body = rows[1:] if header else rows
    found = []

    def mine(text: str) -> bool:
        return subject.matches(text) and not any(other.matches(text) for other in others)

    columns = [i for i, cell in enumerate(header) if i > 0 and mine(cell)]
    if len(columns) == 1 and not any(other.matches(cell) for other in others for cell in header):
        # Beside the subject's amounts, a column of shares of the base is the subject's too: "Year | Agency
        # spend (£m) | % of pay bill".
        columns += [i for i, cell in enumerate(header) if i > 0 and i not in columns and SHARE_MARK.search(cell)
                    and denominator is not None and denominator.matches(cell)]
    if columns:
        labels = [row[0] if row else "" for row in body]
        planned = planned_beside_actual(labels)
        for row, label in zip(body, labels):
            if TARGET_COLUMN.search(label) or label in planned:
                continue
            year = year_in(label)
            for column in columns:
                cell = row[column] if column < len(row) else ""
                value = cell_percent(cell, bool(IN_PERCENT.search(header[column])),
                                     bool(SHARE_MARK.search(header[column]) or SHARE_MARK.search(label)))
                if value is not None:
                    found.append((value, year,
                                  " | ".join(c for c in (header[column], label, cell) if c)))
        return found
    planned = planned_beside_actual(header)
    # The label is the row's first cell that names the subject ("P6 | Agency spend as % of staff budget").
    labelled = [(row, next((cell for cell in row if cell.strip() and not PERCENT.search(cell) and mine(cell)), None))
                for row in body]
    labelled = [(row, label) for row, label in labelled if label is not None]
    # Of several rows of the subject, the one that says it holds the others is the subject's figure: "Total
    # agency spend (including interims)" over "Agency workers in front-line roles" and "Interim managers".
    if len(labelled) > 1 and any(WHOLE_ROW.search(label) for _, label in labelled):
        labelled = [(row, label) for row, label in labelled if WHOLE_ROW.search(label)]
    for row, label in labelled:
        # A row's values follow its label; what stands before it numbers the row ("15 | Consultants, % of
        # total staff budget | 1.9%").
        label_at = next(i for i, cell in enumerate(row) if cell is label)
        for column, cell in enumerate(row):
            if column <= label_at:
                continue
            heading = header[column] if column < len(header) else ""
            value = cell_percent(cell, bool(IN_PERCENT.search(heading) or IN_PERCENT.search(label)),
                                 bool(SHARE_MARK.search(heading) or SHARE_MARK.search(label)))
            # A base named in the column's heading or the row's own label: "Consultants, % of total
            # council budget" is not the staff budget's share.
            # ("Share of gross expenditure (£33.0m)" beside "Share of staff budget (£13.4m)" too.)
            labels = [heading] + ([label] if IN_PERCENT.search(label) else [])
            # A dash is a nil only in a column of figures: under "RAG" or "Trend" it marks a status not given.
            if value == 0.0 and DASH_CELL.fullmatch(cell) and heading.strip() and not (
                    YEAR.search(heading) or SHARE_MARK.search(heading) or MONEY_UNIT.search(heading)):
                continue
            if TARGET_COLUMN.search(heading) or heading in planned or \
                    any(other_base(SHARE_MARK.split(text, maxsplit=1)[-1], denominator) for text in labels):
                continue
            if value is None and len(list(PERCENT.finditer(cell))) > 1 and YEAR.search(cell):
                # A cell that says its figures as a sentence would, each with its year, is read as one,
                # under its row's label: "Agency staff | 4.2% in 2023/24 (5.0% in 2022/23)".
                found += [(share, year or year_in(heading), " | ".join(c for c in row if c))
                          for share, year, _ in tied_figures(f"{label}: {cell}", subject, others, denominator)]
            elif value is not None:
                found.append((value, year_in(heading), " | ".join(c for c in row if c)))
    return found


def captioned_figures(block, caption: str, marked_only: bool = False) -> list[tuple[float, tuple | None, str]]:
    """The percentages of a table whose introducing sentence names their subject, each with its row's year;
    with ``marked_only``, only cells marked as per cent ("6.4%") in rows of a year."""
    found = []
    # (A column headed as a target or a plan holds no figure of the past: "Target 2025/26".)
    header = block.table.rows[0] if marked_only and block.table.rows else []
    aims = {column for column, heading in enumerate(header) if TARGET_COLUMN.search(heading)}
    for row in block.table.rows:
        label = row[0] if row else ""
        if TARGET_COLUMN.search(label):
            continue
        year = year_in(label)
        for column, cell in enumerate(row[1:], start=1):
            if column in aims:
                continue
            value = cell_percent(cell, bool(IN_PERCENT.search(caption)) and not marked_only)
            # (Told only by a sentence, the table is the subject's shares year by year.)
            if value is not None and not (marked_only and year is None):
                found.append((value, year, " | ".join(c for c in row if c)))
    return found


class _TableRow(NamedTuple):
    """Where a share worked out from a table's amounts is quoted from: the table, and its two rows."""
    block: object
    text: str


def wholes_by_year(text: str) -> dict:
    """The amounts of a sentence stating the whole, by the year each is for ("£7.9m in 2022/23 and
    £8.5m in 2023/24"); one amount with no year is keyed None."""
    amounts = money(text)
    found = {}
    for position, value in amounts:
        after = text[position:position + 30]
        year = YEAR.search(after)
        if year and not money(after[1:year.start()]):
            found[year_key(year.group(0))] = (value, text)
    if not found and len(amounts) == 1:
        found[None] = (amounts[0][1], text)
    return found


BRACKETED = re.compile(r"\([^()]*\)")
# What may stand between two bracketed figures of one subject: its amount for another year.
ANOTHER_AMOUNT = re.compile(r"\s*(?:,\s*)?(?:and|with|against)?\s*£?\d[\d,.]*\s*(?:m|k|bn|million|thousand)?\s*"
                            r"(?:in\s+(?:19|20)\d\d(?:[/-]\d{2,4})?)?\s*", re.IGNORECASE)


def table_worked_out(block, subject, others, denominator, prose_wholes: dict | None = None,
                     named_base=None) -> list[tuple[tuple[float, str, str], tuple | None, str]]:
    """Shares worked out from a table of amounts that gives the whole in a row (or column) of its own.

    "Total staff budget | £71.2m | £74.0m" over "Agency workers | £3.9m | £3.1m": each year's share is
    the subject's amount over the whole's in the same column, as a reviewer would work it out.
    Returns ((share, part, whole), year, row) for each year the table gives both amounts.
    """
    if denominator is None:
        return []
    rows = [row for row in block.table.rows if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        return []

    def amount(cell: str, unit: float | None = None) -> float | None:
        found = money(cell)
        if len(found) == 1 and not PERCENT.search(cell):
            return found[0][1]
        # "Agency staff (£000) | 1,180": a bare number in the unit the row or table gives; "nil" is 0.
        if unit is not None:
            bare = BARE_AMOUNT.fullmatch(cell.strip())
            if bare:
                return float(bare.group(0).replace(",", "")) * unit
            if NIL_CELL.fullmatch(cell.strip()):
                return 0.0
        return None

    def mine(text: str) -> bool:
        return subject.matches(text) and not any(other.matches(text) for other in others) \
            and not denominator.matches(text)

    table_unit = money_unit(rows[0][0]) if rows[0] else None
    for lines in (rows, [list(column) for column in zip(*rows)]):
        header, body = lines[0], lines[1:]

        def unit(line) -> float | None:
            return money_unit(line[0]) or table_unit

        # A first line of amounts is no header: "Total staff budget | £224.0m" heads a table with none.
        if any(amount(cell, unit(header)) is not None for cell in header[1:]):
            header, body = [""] * len(header), lines

        # Only rows of amounts: "Agency workers over a year | 14 | 9" is a count beside them. What a total
        # includes, in brackets, does not make it the subject's row: "Total staff budget (pay, on-costs
        # and agency)".
        wholes = [line for line in body if line and denominator.matches(line[0])
                  and not subject.matches(BRACKETED.sub(" ", line[0]))
                  and any(amount(cell, unit(line)) for cell in line[1:])]
        if len(wholes) > 1 and named_base is not None:
            # "Total staff budget" and "Total pay bill": the one the question names.
            wholes = [line for line in wholes if named_base.matches(line[0])] or wholes
        parts = [line for line in body if line and mine(line[0])
                 and any(amount(cell, unit(line)) is not None for cell in line[1:])]
        if not wholes and len(parts) == 1 and prose_wholes:
            found = _worked_out_with_prose(header, parts[0], prose_wholes, amount, unit)
            if found:
                return found
        if len(wholes) != 1 or len(parts) != 1:
            continue
        whole, part = wholes[0], parts[0]
        found = []
        for column in range(1, min(len(whole), len(part))):
            heading = header[column] if column < len(header) else ""
            if TARGET_COLUMN.search(heading):
                continue
            mine_amount, whole_amount = amount(part[column], unit(part)), amount(whole[column], unit(whole))
            if mine_amount is None or not whole_amount or mine_amount >= whole_amount:
                continue
            found.append(((rounded_share(mine_amount, whole_amount), part[column], whole[column]),
                          year_in(heading),
                          " | ".join(c for c in (heading, part[0], part[column], whole[0], whole[column]) if c)))
        if found:
            return found
    return []


def _worked_out_with_prose(header, part, prose_wholes: dict, amount, unit) -> list:
    """Each year's share of a table row of amounts, over the whole the prose gives for that year
    (or, given once with no year, over the latest year's amount)."""
    columns = []
    for column in range(1, len(part)):
        heading = header[column] if column < len(header) else ""
        year = year_in(heading)
        if year is None or TARGET_COLUMN.search(heading):
            continue
        columns.append((year, column))
    if not columns:
        return []
    if None in prose_wholes:
        latest = max(columns)
        prose_wholes = {latest[0]: prose_wholes[None]}
    found = []
    for key, column in columns:
        if key not in prose_wholes:
            continue
        mine_amount = amount(part[column], unit(part))
        whole_amount, said = prose_wholes[key]
        if mine_amount is None or not whole_amount or mine_amount >= whole_amount:
            continue
        whole_text = next((said[p:p + 12].split(" in ")[0].strip(" ,.;") for p, v in money(said) if v == whole_amount), "")
        found.append(((rounded_share(mine_amount, whole_amount), part[column], whole_text or str(whole_amount)),
                      key, " | ".join(c for c in (header[column], part[0], part[column]) if c) + f" ({said})"))
    return found


def money_unit(label: str) -> float | None:
    """The amount a bare number stands for under a label that gives its unit: "(£000)" is 1,000,
    "£m" a million, "(£)" one pound."""
    match = MONEY_UNIT.search(label)
    if not match:
        return None
    return UNIT_SCALE.get((match.group(1) or "").lower().lstrip("'’"), 1.0)


def planned_beside_actual(headings: list[str]) -> set[str]:
    """The headings of budgeted years, when the same table gives spent ones too."""
    if not any(ACTUAL_COLUMN.search(h) and YEAR.search(h) for h in headings):
        return set()
    return {h for h in headings if PLANNED_COLUMN.search(h) and YEAR.search(h) and not ACTUAL_COLUMN.search(h)}


def cell_percent(cell: str, in_percent: bool, a_share: bool = False) -> float | None:
    """The one percentage in a table cell, or None.

    A cell holding two ("0.8% 0.05%") is two cells run together, and which figure is whose
    cannot be told, so neither is taken. Under a heading that says the column is in per cent
    ("Agency staff (% of staff budget)"), a bare number ("7.4") is a percentage and "nil" is 0;
    so is "nil" where the heading or label says only that it is a share ("Facility time, share of
    paybill | nil"): none is none in any unit.
    """
    found = list(PERCENT.finditer(cell))
    if len(found) == 1:
        return _value(found[0].group(0))
    if not found and in_percent:
        bare = BARE_NUMBER.match(cell)
        if bare:
            return float(bare.group(1))
    if not found and (in_percent or a_share) and NIL_CELL.match(cell):
        return 0.0
    return None


def rounded_share(part: float, whole: float) -> float:
    """The part's share of the whole in per cent. A share under 0.1% (facility time, often) keeps two
    decimals, so that it never reads as a nil."""
    share = 100.0 * part / whole
    return round(share, 1 if share >= 0.1 else 2)


def share_of(part: tuple[int, float], whole: tuple[int, float], text: str) -> tuple[float, str, str]:
    """The share, with the two amounts as the text writes them ("£1.2m", "£24m")."""
    shown = [re.sub(r"\s+", " ", match.group(0)).rstrip(".,;) ") if (match := MONEY.match(text, p)) else ""
             for p, _ in (part, whole)]
    return rounded_share(part[1], whole[1]), shown[0], shown[1]


def worked_out_respectively(text: str, subject, denominator) -> tuple[float, str, str] | None:
    """Amounts paired in order: "£0.90m in 2022/23 and £0.52m in 2023/24, against total staff budgets of
    £29.1m and £30.4m respectively" is 0.52 of 30.4 for the later year, 1.7%; "respectively" may go
    unsaid ("out of staff budgets of £70m and £72m")."""
    part_at = next((m.end() for m in subject.finditer(text)), None)
    whole_at = next((m.start() for m in denominator.finditer(text) if part_at is not None and m.start() > part_at),
                    None)
    if part_at is None or whole_at is None:
        return None
    amounts = money(text)
    parts = [a for a in amounts if part_at <= a[0] < whole_at]
    wholes = [a for a in amounts if a[0] > whole_at]
    years = [year_key(m.group(0)) for m in YEAR.finditer(text[part_at:whole_at])]
    if len(parts) < 2 or len(parts) != len(wholes) or len(years) != len(parts):
        return None
    latest = max(range(len(parts)), key=lambda i: years[i])
    part, whole = parts[latest], wholes[latest]
    if not 0 < part[1] < whole[1]:
        return None
    return share_of(part, whole, text)


def worked_out(text: str, subject, denominator, own_from: int = 0,
               other_subjects=()) -> tuple[float, str, str] | None:
    """A share worked out from the subject's amount and the denominator's in one sentence.

    With ``own_from``, the text before it is the sentences leading up to the subject's ("Our staff
    budget was £41m. … Consultancy, at £0.9m, is much smaller"): they may give only the whole. An
    amount in a clause that names one of ``other_subjects`` and not the subject is the other's: "a) Agency
    staff cost £148,000 … against a total pay bill of £7.4m. b) We do not use consultants" gives
    consultants no share.
    """
    if denominator is None:
        return None
    # "Agency spend fell by £1.7m while the pay bill grew by £14.5m": changes, not the amounts themselves.
    # "The staff budget rose from £219m to £231m": the amount it went to stands, not the one it left (but
    # "we aim to cut it from £2.1m to £1.5m by 2026" still spends £2.1m).
    left_behind = superseded_amounts(text)
    amounts = [a for a in money(text) if not is_change(text, a[0]) and a[0] not in left_behind]
    if len(amounts) < 2:
        return None
    part_spans = [m.span() for m in subject.finditer(text) if m.start() >= own_from]
    part_at = [start for start, _ in part_spans]
    # "agency staff cost £1.2m": the subject's own words are not the denominator's.
    whole_at = [m.start() for m in denominator.finditer(text)
                if not any(s < m.end() and m.start() < e for s, e in part_spans)]
    if not whole_at or not part_at:
        return None
    # The whole is the amount nearest the denominator ("of a £31.4m staff budget", "a pay bill of
    # £24m"); the part is the amount nearest the subject among the others.
    # (The sentences leading up give the whole where they give an amount: "Consultants cost a further £0.31m
    # against the same staff budget" names the whole without its amount.)
    leading = [a for a in amounts if a[0] < own_from]
    # The whole's amount is in the clause that names it, where that gives one: in "£6.3m in 2023/24, down from
    # £7.9m in 2022/23. The total staff budget for 2023/24 was £84.0m." the £7.9m is nearer, and the
    # year before's.
    in_clause = [a for a in leading or amounts
                 if any(_clause_start(text, w) <= a[0] < _clause_end(text, w) for w in whole_at)]
    whole = min(in_clause or leading or amounts, key=lambda a: min(abs(a[0] - w) for w in whole_at))
    # "All spending over £10,000 … must be approved": a threshold is not an amount spent.
    others = [a for a in amounts if a is not whole and a[0] >= own_from
              and not MONEY_BOUND.search(text[max(0, a[0] - 20):a[0]])]
    if not others:
        return None
    part = min(others, key=lambda a: min(abs(a[0] - p) for p in part_at))
    # "Consultants cost us £36,000 in 2022/23 and £0 in 2023/24", "£655,000 in 2022/23; in 2023/24 the figure
    # was £480,000": the latest year's amount, from the subject's clause on.
    opening = _clause_start(text, part_at[0])
    dated = [(year, a) for a in others if a[0] >= opening for year in [amount_year(text, a[0], amounts)] if year]
    if len(dated) > 1 and len({year for year, _ in dated}) > 1:
        part = max(dated, key=lambda pair: pair[0])[1]
        # Each year its own whole: "In 2022/23 we spent £1.9m … against a pay bill of £31.4m; in 2023/24 … £1.5m,
        # against a pay bill of £32.8m".
        start, end = _clause_start(text, part[0]), _clause_end(text, part[0])
        own_whole = [a for a in amounts if a is not part and start <= a[0] < end
                     and any(start <= w < end for w in whole_at)]
        if own_whole and not leading:
            whole = min(own_whole, key=lambda a: min(abs(a[0] - w) for w in whole_at if start <= w < end))
    # A whole given for two years is the part's year's: "Our total staff budget was £36.1m in 2022/23 and
    # £38.4m in 2023/24. … Agency workers cost £2.96m in 2022/23 and £2.42m in 2023/24" gives 2.42 of 38.4.
    # (Only amounts with their years written straight after them, the whole's in one clause with no other
    # subject between: not "agency staff cost £612,000, which is 4.1% of our total staff budget of £14.9m".)
    part_year = year_after(text, part[0])
    whole_year = year_after(text, whole[0])
    if part_year and whole_year and whole_year != part_year:
        clause = range(_clause_start(text, whole[0]), _clause_end(text, whole[0]))
        same_year = [a for a in amounts if a is not part and a[0] in clause and year_after(text, a[0]) == part_year
                     and not any(other.matches(text[min(a[0], whole[0]):max(a[0], whole[0])])
                                 for other in (subject, *other_subjects))]
        if same_year:
            whole = same_year[0]
    # "agency staff cost £13.1m (in 2022/23, £15.8m against a staff budget of £198.0m)": a whole in
    # brackets that give another year is that year's, not the whole of the amount outside them.
    aside = next((span for span in (m.span() for m in BRACKETED.finditer(text))
                  if span[0] <= whole[0] < span[1] and not span[0] <= part[0] < span[1]
                  and YEAR.search(text[span[0]:span[1]])), None)
    if aside is not None:
        start, end = aside
        return worked_out(text[:start] + " " * (end - start) + text[end:], subject, denominator, own_from,
                          other_subjects)
    if whole[1] <= part[1] or whole[1] == 0:
        return None
    clause = text[_clause_start(text, part[0]):_clause_end(text, part[0])]
    if any(other.matches(clause) for other in other_subjects) and not subject.matches(clause):
        return None
    return share_of(part, whole, text)


# An amount a change starts from, and the amount it goes to: "from £219m to £231m".
CHANGE_OF_AMOUNT = re.compile(r"\bfrom\s+(£\s?\d[\d,]*(?:\.\d+)?\s?(?:bn|billion|m|million|k)?)"
                              r"(?:\s+(?:in\s+)?(?:19|20)\d\d(?:/\d\d)?)?\s+to\s+(£\s?\d)", re.IGNORECASE)


def superseded_amounts(text: str) -> set[int]:
    """Where the amounts are that a change in the sentence leaves behind: the one it started from, or, where
    the change is still aimed at, the one it aims for."""
    left = set()
    for change in CHANGE_OF_AMOUNT.finditer(text):
        aimed = TARGET_BEFORE.search(text, _clause_start(text, change.start()), change.start())
        left.add(change.start(2) if aimed else change.start(1))
    return left


# Where one clause of a sentence ends and the next begins, for the years of its amounts.
CLAUSE_BREAK = re.compile(r";|:\s|\.\s")


def _clause_start(text: str, position: int) -> int:
    return max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, position)), default=0)


def _clause_end(text: str, position: int) -> int:
    match = CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)


def amount_year(text: str, position: int, amounts: list[tuple[int, float]]) -> tuple | None:
    """The year an amount is given for, as year_key: written just after it ("£0 in 2023/24"), or else the
    year in its clause between it and the next amount ("£840,000 on agency workers in 2022/23"), or before it
    back to the amount before ("in 2023/24 the figure was £480,000")."""
    year = year_after(text, position)
    if year:
        return year
    start, end = _clause_start(text, position), _clause_end(text, position)
    following = min((a[0] for a in amounts if a[0] > position), default=end)
    match = YEAR.search(text[position:min(end, following)])
    if match:
        return year_key(match.group(0))
    previous = max((a[0] for a in amounts if a[0] < position), default=start)
    found = list(YEAR.finditer(text[max(start, previous):position]))
    return year_key(found[-1].group(0)) if found else None


def shown_year(text: str, shown: str) -> tuple | None:
    """The year of the amount a worked-out share was made from, found by the amount as the text writes it."""
    at = text.find(shown)
    return amount_year(text, at, money(text)) if at >= 0 else None


def year_after(text: str, position: int) -> tuple | None:
    """The year an amount is given for, written just after it ("£0 in 2023/24"), as year_key."""
    match = AMOUNT_YEAR.match(text, position)
    return year_key(match.group(1)) if match else None


def _percent(value: float, decimals: bool = False) -> str:
    # A worked-out share under 0.1% keeps its two decimals in the message as in the fact.
    return (f"{value:.2f}%" if 0 < value < 0.1 else f"{value:.1f}%") if decimals else f"{value:g}%"


# A share given only near its value or as a bound: "a little over one per cent", "roughly 1%",
# "less than one per cent".
APPROXIMATE = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost|some|"
                         r"(?:(?:just|a\s+little|slightly|a\s+bit)\s+)?(?:over|under|above|below|more\s+than|less\s+than))"
                         r"\s+(?:[\d.]+\s*(?:%|per\s*cent)|"
                         r"(?:one|two|three|four|five|six|seven|eight|nine|ten|half)\b[\w\s-]{0,20}?per\s*cent)",
                         re.IGNORECASE)
MONEY_BOUND = re.compile(r"\b(?:over|above|under|below|exceeding|more\s+than|less\s+than|up\s+to|at\s+least)\s*$",
                         re.IGNORECASE)
SPENT = re.compile(r"\b(?:spent|spend|spending|cost|costs|costing|paid)\b", re.IGNORECASE)


def staff_budget_statement(analysis, denominator, subjects) -> str:
    """The one sentence that states the whole (the staff budget, in money) and nothing else's share of it."""
    if denominator is None:
        return ""
    key = ("figure.whole", id(denominator))
    found = analysis.cache.get(key)
    if found is None:
        found = next((s.text for s in analysis.own_sentences() if s.block.kind != TABLE and money(s.text)
                      and _amount_of_whole(s.text, denominator) and not PERCENT.matches(s.text)
                      and not any(subject.matches(s.text) for subject in subjects)), "")
        # Or the whole named with its amount in passing, in another figure's sentence: "11.2% of our
        # total staff budget of £268m".
        found = found or next((whole for s in analysis.own_sentences() if s.block.kind != TABLE
                               for whole in _named_wholes(s.text, denominator)), "")
        # Or a note that gives the base of a table's figures: "[^a]: Base: total staff budget of £7.6m in
        # 2022/23 and £8.0m in 2023/24".
        found = found or next((s.text for s in analysis.sentences if s.cited_note and not s.placeholder
                               and money(s.text) and _amount_of_whole(s.text, denominator)
                               and not PERCENT.matches(s.text)
                               and not any(subject.matches(s.text) for subject in subjects)), "")
        analysis.cache[key] = found
    return found


def _amount_of_whole(text: str, denominator) -> bool:
    """Whether the sentence gives an amount in the clause that names the whole: "Our total staff budget in
    2023/24 was £14.6m", "a £24m pay bill" (not "payroll, accounts payable and democratic services were
    merged in the first year, which released £6.4m")."""
    edges = [m.end() for m in CLAUSE_EDGE.finditer(text)]
    amounts = [(bisect_right(edges, at), at) for at, _ in money(text)]
    # (Not an amount another total holds: "against the staff budget, because our gross expenditure
    # includes £18m of housing benefit payments".)
    return any(bisect_right(edges, match.start()) == clause and
               not (at > match.end() and ANOTHER_TOTAL.search(text, match.end(), at))
               for match in denominator.finditer(text) for clause, at in amounts)


# A total of another kind, standing between a whole named and an amount.
ANOTHER_TOTAL = re.compile(r"\b(?:expenditure|income|spending|turnover|revenue|payments|net\s+budget|"
                           r"gross\s+budget|council\s+tax)\b", re.IGNORECASE)


# (A year may stand between the whole and its amount, as in a label: "Staff budget 2023/24: £11.5m".)
WHOLE_AMOUNT = re.compile(r"(?:,?\s+(?:(?:in|for)\s+)?((?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?))?"
                          r"\s*(?:of|was|is|totalling|totaling|at|:|\()\s*(£\s?\d[\d,]*(?:\.\d+)?\s?(?:bn|billion|m|million|k)?)\b")


def _named_wholes(text: str, denominator):
    """ "total staff budget of £268m" in a sentence, as a statement of the whole of its own."""
    for match in denominator.finditer(text):
        amount = WHOLE_AMOUNT.match(text, match.end())
        if amount:
            year = f" in {amount.group(1)}" if amount.group(1) else ""
            yield f"Our {match.group(0)}{year} was {amount.group(2)}."


def staff_budget_row(analysis, denominator, subjects, year) -> str:
    """The whole from a table row of its own ("Total staff budget | £271m | £286m"), as a sentence:
    the column of ``year`` (a match of YEAR), or else the latest year's."""
    if denominator is None:
        return ""
    wanted = year_key(year.group(0)) if year else None
    key = ("figure.whole-row", id(denominator), tuple(id(subject) for subject in subjects), wanted)
    if key not in analysis.cache:
        analysis.cache[key] = _staff_budget_row(analysis, denominator, subjects, wanted)
    return analysis.cache[key]


def _staff_budget_row(analysis, denominator, subjects, wanted) -> str:
    for block in analysis.document.blocks:
        if block.kind != TABLE or block.table is None:
            continue
        rows = [row for row in block.table.rows if any(cell.strip() for cell in row)]
        if len(rows) < 2:
            continue
        header = rows[0]
        for row in rows[1:]:
            if not row or not denominator.matches(row[0]) or any(subject.matches(row[0]) for subject in subjects):
                continue
            columns = [(found, column) for column in range(1, min(len(row), len(header)))
                       if (found := year_in(header[column])) and not TARGET_COLUMN.search(header[column])
                       and len(money(row[column])) == 1]
            if not columns:
                continue
            chosen = next((column for key, column in columns if key == wanted), None) if wanted else \
                max(columns)[1]
            if chosen is not None:
                return f"{row[0]} {header[chosen]}: {row[chosen]}."
    return ""


SLOT_WORDS = 4
# A sentence whose share points back to the amount before it: "Against a staff budget of £214m,
# that is about 1 per cent", "This was 1.1% of the staff budget".
BACK_REFERENCE = re.compile(r"(?:[^,.;]{0,60},\s*)?(?:that|this|it|which)\s+(?:is|was|represents|represented|"
                            r"equals|equalled|equates|amounts|amounted|comes|came)\b", re.IGNORECASE)


def points_back(analysis, sentence, subject, others, denominator) -> list:
    """The share a sentence gives of the subject named in the sentence before it, in its paragraph."""
    text = sentence.read_with_notes
    if not PERCENT.matches(text) or not BACK_REFERENCE.match(text) or subject.matches(text) or \
            any(other.matches(text) for other in others):
        return []
    before = analysis.preceding(sentence, 1)
    if not before:
        return []
    lead = before[0].text
    joined = f"{lead} {text}"
    return [figure for figure in tied_figures(joined, subject, others, denominator) if figure[2] > len(lead)]


def labelled_parts(text: str) -> list[str]:
    """The parts of a sentence a comma, semicolon, colon or dash sets apart, the first part after a label
    read with it: in "Consultants: £96,000 in 2023/24, for the Local Plan viability study", the amount
    is the label's."""
    parts = SENTENCE_PARTS.split(text)
    label = LABEL.match(text)
    if label and len(parts) > 1:
        parts[1] = f"{parts[0]}: {parts[1]}"
    return parts


def labels_an_amount(text: str, subject) -> bool:
    """Whether the sentence opens with the subject as a label of the amount that follows it: "Consultants:
    £96,000 in 2023/24", "Consultants £96,000 in 2023/24" (a plain-text title run into its line)."""
    text = PARAGRAPH_NUMBER.sub("", text, count=1)
    first = next(subject.finditer(text), None)
    return first is not None and not text[:first.start()].strip() and \
        LABELLED_AMOUNT.match(text, first.end()) is not None


LABELLED_AMOUNT = re.compile(r"\s*[:–—-]?\s*£\s?\d")
LABEL = re.compile(r"[^\W\d][^:.;]{0,60}:\s")


def discusses(analysis, sentence, mention, placeholders, discussed_with=None) -> bool:
    """Whether a sentence discusses the subject, not only names it as a heading, a caption, a blank or
    what the letter asked for.

    A run-in title ("4.2 Agency and consultants.") and a table's caption ("The table below shows our
    spending on consultants") name what follows; a label over a blank figure ("Consultants: £XXm
    ([tbc]%)", "consultants cost [Finance to add %]") is a slot left empty.
    """
    text = sentence.read_with_notes
    if analysis.is_title(sentence) or analysis.introduces_table(sentence) or analysis.asks_as_a_heading(sentence):
        return False
    if discussed_with is not None and not discussed_with.matches(text):
        return False
    for match in mention.finditer(text):
        if instructed(text, match.start()):
            continue  # "The Minister asked for agency and consultancy spend as a share of …": the letter's words
        after = text[match.end():match.end() + 120]
        blank = placeholders.search(after)
        if blank is None or len(WORDS.findall(after[:blank.start()])) > SLOT_WORDS:
            return True
    return False


WORDS = re.compile(r"[A-Za-z]{2,}")
# A figure other than a share: hours, an amount, a count.
OTHER_FIGURE = re.compile(r"^\s*£?\s?\d[\d,]*(?:\.\d+)?\s*(?:k|m|hours?|hrs|days|FTE)?\s*$", re.IGNORECASE)


def run_together(text: str) -> bool:
    """Figures run together with nothing to say whose or which year's each is: "4.2% 0.9%"."""
    return len(list(PERCENT.finditer(text))) > 1 and not WORDS.search(text) and not YEAR.search(text)


def answer_to_question(analysis, pack, prompt: str):
    """The council's own sentences under a copy of ``prompt`` (a heading or a paragraph of its own), if any."""
    from .question import answered_under_heading, answered_under_paragraph

    prompt_id = pack.prompts.index(prompt)
    found = answered_under_heading(analysis, prompt_id, 1) or answered_under_paragraph(analysis, prompt_id, 1)
    return found[1] if found else None


def answer_to_own_question(analysis, subject, others=()):
    """A question naming the subject ("What share of our pay bill goes on trade union facility time?",
    a heading or a paragraph of its own, the council's or close to the letter's words) and the
    sentences of the block after it."""
    blocks = analysis.document.blocks
    for index, block in enumerate(blocks[:-1]):
        asked = [s for s in analysis.block_sentences.get(index, []) if s.own or s.prompt]
        if len(asked) != 1 or not asks(asked[0].text):
            continue
        named = subject.search(asked[0].text)
        if named and any(other.matches(asked[0].text) for other in others):
            continue  # "What share goes on a) agency staff and b) consultants?": the reply's labels decide.
        following = [s for s in analysis.block_sentences.get(index + 1, []) if s.own]
        if named and following and blocks[index + 1].kind != HEADING:
            return named, following
    return None


def worked_out_outcome(worked, fact: str) -> Outcome:
    """The pass for a share worked out from two amounts: ((share, part, whole), where it is said)."""
    (share, part, whole), sentence = worked
    return Outcome(PASS, "figure.worked-out", [evidence_for(sentence.block, sentence.text)],
                   facts={fact: share}, data={"value": _percent(share, decimals=True), "part": part, "whole": whole})


def check(analysis, params, pack) -> Outcome:
    subject = pack.concept(params["subject"])
    others = [pack.concept(o) for o in params.get("others", [])]
    exclude = pack.concept(params["exclude"]) if "exclude" in params else None
    denominator = pack.concept(params["denominator"]) if "denominator" in params else None
    named_base = pack.concept(params["named_base"]) if "named_base" in params else None
    mention = pack.concept(params["mention"]) if "mention" in params else subject
    discussed_with = pack.concept(params["discussed_with"]) if "discussed_with" in params else None
    fact = params["fact"]
    candidates = []  # (value, year key, order, block, quote text)
    mentions, computed, nils = [], [], []
    computed_years = []  # the year of each share worked out from a table, where it has one
    distant = []  # shares worked out with a whole stated in another paragraph
    distant_years = []  # the year of each, where its sentence gives one for the amount
    for order, sentence in enumerate(analysis.own_sentences()):
        text = sentence.read_with_notes  # "…published each year.[^1]" with "¹ In 2023/24 it was 0.03%."
        # "Agency spend - 3.4% of staff budget (2023/24)", "Consultants – none used in 2023/24": a label
        # and its figure, set apart by a dash as by a colon.
        text = LABEL_DASH.sub(r"\1: ", text, count=1)
        if sentence.block.kind == TABLE and sentence.block.table is not None:
            if nil_stated(text, subject):
                nils.append(sentence)
            label, *values = sentence.text.split(" | ")
            # "Trade union facility time | negligible | negligible": a size in the subject's row, as in a sentence.
            # So are its other figures ("Trade union facility time – hours | 3,210 | 2,940"): the subject is
            # discussed, its share not given.
            if values and mention.matches(label) and not any(other.matches(label) for other in others) and \
                    any(VAGUE.search(value) or OTHER_FIGURE.search(value) and not PERCENT.search(value)
                        and not pack.placeholders.matches(value) for value in values):
                mentions.append(sentence)
            if not sentence.notes:
                continue
            # A row's note is prose about the row: "Trade union facility time[^2] | see note", with
            # "² … costing £51,700 against a combined pay bill of £24.6m".
            text = f"{sentence.text.split(' | ')[0]}: {' '.join(sentence.notes)}"
        titled = bare_percent = False
        title = analysis.run_in_titles.get(sentence.index)
        if title is not None and analysis.is_title(title) and not subject.matches(text) and \
                subject.matches(title.text) and not any(other.matches(title.text) for other in others):
            # "14. Agency staff. £214,000 in 2023/24, mainly planning cover.": the paragraph's title
            # says whose amount it is, as a label would.
            text, titled = f"{PARAGRAPH_NUMBER.sub('', title.text, count=1).strip().rstrip('.')}: {text}", True
        elif denominator is not None and FIGURE_FIRST.match(text) and not subject.matches(text) and \
                not any(other.matches(text) for other in others) and \
                (denominator.matches(text) or MONEY_FIRST.match(text) or
                 denominator.matches(analysis.section_at(sentence).title or "") and not run_together(text)):
            # "FACILITY TIME" over "- 0.04% of the paybill (2023/24)": a heading that names the subject
            # alone says whose share of the base its section gives, as a label would, to a line that
            # opens with the figure (or an amount: "Consultants" over "£96,000 in 2023/24, for …") and
            # names no subject of its own ("Trade union facility time
            # accounted for 0.05% of the paybill" under "Temporary staff" is facility time's). A heading
            # that names the base as well says what the figure is a share of: "% of staff budget on
            # consultants" (a grid's row) over "0.8% in 2023/24."
            heading = analysis.section_at(sentence).title
            if heading and subject.matches(heading) and not any(other.matches(heading) for other in others):
                # A bare number under a label that says it is in per cent is a percentage, as in a table's
                # cell: "Trade union facility time (% of paybill)" over "0.09".
                bare_percent = bool(BARE_NUMBER.match(text) and IN_PERCENT.search(heading))
                text, titled = f"{PARAGRAPH_NUMBER.sub('', heading, count=1).strip()}: {text}", True
        elif sentence.block.kind == LIST_ITEM and PERCENT.matches(text) and not subject.matches(text) and \
                not any(other.matches(text) for other in others) and \
                (lead := analysis.lead_ins.get(sentence.index)) is not None and subject.matches(lead.text) and \
                not any(other.matches(lead.text) for other in others):
            # "Agency staff as a share of the total staff budget:" over "- 2023/24: 4.1%": the sentence
            # that introduces a list says whose figures its items give, as a table's caption does.
            text, titled = f"{lead.text.strip().rstrip(':')}: {text}", True
        # "A study by consultants found…" is about something else; "we have not commissioned
        # consultants" is not.
        # ("Consultants cost 0.3 per cent, almost all for a viability study", "We spent £180,000 on
        # consultants, all of it on … a feasibility study": the study is in another part of the sentence
        # from the figure or the amount, which stands.)
        if exclude and exclude.matches(text) and not (denominator and denominator.matches(text)) and \
                not nil_stated(text, subject) and \
                not any(subject.matches(part) and (PERCENT.search(part) or MONEY.search(part))
                        and not exclude.matches(part) for part in labelled_parts(text)):
            continue
        # ("**Trade union facility time.** Negligible.": a size under the subject's run-in title discusses it.)
        if discusses(analysis, sentence, mention, pack.placeholders, discussed_with) or titled and VAGUE.search(text):
            mentions.append(sentence)
        # "One in every twenty pounds of it": the whole the sentence before names.
        said = f"{text}%" if bare_percent else text
        whole_named = said if denominator is None else analysis.whole_of_it(sentence, said, denominator, money)
        for value, year, _ in tied_figures(whole_named, subject, others, denominator) or \
                points_back(analysis, sentence, subject, others, denominator):
            candidates.append((value, year, order, sentence.block, text))
        if subject.matches(text):
            shared = (worked_out_respectively(text, subject, denominator) if denominator else None) or \
                worked_out(text, subject, denominator, other_subjects=others)
            whole_said = ""  # the sentences before that give the whole, when they do
            # (A sentence may name the whole in words only: "Facility time took less than one per cent of
            # our pay bill: it cost £27,000 in 2023/24", the pay bill's amount said elsewhere.)
            named_here = bool(denominator and denominator.matches(text))
            if not shared and money(text):
                leading = " ".join(s.text for s in reversed(analysis.preceding(sentence, 2)))
                if not named_here and leading and denominator and denominator.matches(leading):
                    shared = worked_out(f"{leading} {text}", subject, denominator, own_from=len(leading) + 1,
                                        other_subjects=others)
                    whole_said = leading if shared else ""
                # (Or beside a share given only near its value: "took just under five per cent of it, £7.4
                # million", the amount is the exact part.)
                # (Also where the sentences before name the whole only in another's share: "agency staff
                # accounted for 5.6% of our staff budget. We spent £140,000 on consultants".)
                if not shared and (SPENT.search(text) or titled or APPROXIMATE.search(text) or
                                   labels_an_amount(text, subject)):
                    # "We spent £430,000 on consultants", with "Our total staff budget for 2023/24 was
                    # £19.2m" said once elsewhere: worked out, but only if nothing nearer answers.
                    whole = staff_budget_statement(analysis, denominator, [subject] + others) or \
                        staff_budget_row(analysis, denominator, [subject] + others, YEAR.search(text))
                    far = worked_out(f"{whole} {text}", subject, denominator, own_from=len(whole) + 1,
                                     other_subjects=others) \
                        if whole else None
                    if far:
                        distant.append((far, sentence))
                        distant_years.append(shown_year(text, far[1]))
            if shared:
                computed.append((shared, sentence))
                # The year the amounts are for, where the sentence gives one and speaks of what was spent,
                # not of what is budgeted or aimed at ("In 2024/25 we expect to spend £5m …").
                # Or, where it gives none, the year of the whole said just before: "In 2023/24 our total
                # staff budget was £236.4m. We spent £14.2m on agency staff".
                years = {year_key(m.group(0)) for m in YEAR.finditer(sentence.read_with_notes)} or \
                    {year_key(m.group(0)) for m in YEAR.finditer(whole_said)}
                if len(years) > 1:
                    # Several years: the one the amount worked from is given for.
                    part_year = shown_year(text, shared[1])
                    years = {part_year} if part_year else years
                planned = TARGET_BEFORE.search(text) or PLANNED_AMOUNT.search(text)
                computed_years.append(years.pop() if len(years) == 1 and not planned else None)
            elif nil_stated(text, subject) and not forecast_nil(text, subject):
                nils.append(sentence)
    blocks = analysis.document.blocks
    for index, block in enumerate(blocks):
        if block.kind == TABLE and block.table is not None:
            found = table_figures(block, subject, others, denominator)
            caption = blocks[index - 1].text.strip() if index else ""
            # (Or its last sentence says it introduces the table, and the table's cells say they are per cent.)
            introducing = analysis.block_sentences.get(index - 1, [])
            told = introducing[-1].text if introducing and analysis.introduces_table(introducing[-1]) else ""
            if not found and not caption.endswith(":") and told and subject.matches(told) and \
                    not any(other.matches(told) for other in others):
                found = captioned_figures(block, told, marked_only=True)
            if not found and caption.endswith(":") and subject.matches(caption) and \
                    not any(other.matches(caption) for other in others):
                # "Agency staff as a share of the total staff budget:" over "2023/24 | 6.2%": the
                # sentence that introduces a table says whose figures it holds ("The table shows agency
                # spend as a share of the Council's total staff budget over the last three years.").
                found = captioned_figures(block, caption)
            for value, year, row in found:
                candidates.append((value, year, -1, block, row))
            latest_given = max((year for _, year, _ in found if year is not None), default=None)
            if found and latest_given is not None:
                # A later year's share left blank ("[calc]") beside its amounts is worked out from them: "Agency
                # staff as % of total staff budget | 7.0% | 6.0% | [calc]" under "Agency staff spend | … | £7.3m"
                # and "Total staff budget | … | £158.6m".
                whole = staff_budget_statement(analysis, denominator, [subject] + others)
                later = [worked for worked in table_worked_out(block, subject, others, denominator, wholes_by_year(whole),
                                                               named_base)
                         if worked[1] is not None and worked[1] > latest_given]
                for shared, year, row in sorted(later, key=lambda f: f[1], reverse=True)[:1]:
                    computed.append((shared, _TableRow(block, row)))
                    computed_years.append(year)
            if not found:
                # The whole may be given in prose, year by year, below or above the table of amounts:
                # "Our total staff budget was £7.9m in 2022/23 and £8.5m in 2023/24."
                whole = staff_budget_statement(analysis, denominator, [subject] + others)
                dated = sorted(table_worked_out(block, subject, others, denominator, wholes_by_year(whole), named_base),
                               key=lambda f: f[1] or (0, 0), reverse=True)
                computed.extend((shared, _TableRow(block, row)) for shared, _, row in dated[:1])
                computed_years.extend(year for _, year, _ in dated[:1])
                if not dated:
                    # A row that gives the whole beside the part: "Trade union facility time |
                    # £420,000 (pay bill £210m)".
                    for row in block.table.rows:
                        if row and subject.matches(row[0]) and not any(o.matches(row[0]) for o in others):
                            said = " | ".join(cell for cell in row if cell)
                            shared = worked_out(said, subject, denominator) if denominator else None
                            if shared:
                                computed.append((shared, _TableRow(block, said)))
                                computed_years.append(year_in(said))
    if not (candidates or computed or nils):
        # A question-and-answer plan: "What proportion of your paybill is spent on trade union
        # facility time?" as a heading, then "0.04% in 2023/24." The question names the subject;
        # the council's own wording of it does too ("How much of our staff budget goes on consultants?").
        asked = answer_to_question(analysis, pack, params["prompt"]) if params.get("prompt") else None
        named = subject.search(params["prompt"]) if params.get("prompt") else None
        own_question = answer_to_own_question(analysis, subject, others) if not (asked and named) else None
        if own_question:
            named, asked = own_question
        for sentence in (asked or []) if named else []:
            said = sentence.read_with_notes
            if run_together(said):
                continue
            text = f"{named.group(0)}: {said}"
            found = tied_figures(text, subject, others, denominator)
            for value, year, _ in found:
                candidates.append((value, year, sentence.index, sentence.block, sentence.text))
            if not found and nil_stated(text, subject):
                nils.append(sentence)
            if not found and (mention.matches(said) or VAGUE.search(said) or PERCENT.matches(said)):
                mentions.append(sentence)
    if candidates and nils:
        # "In 2022/23 consultants cost 1.4%; in 2023/24 we used no consultants at all": the nil is
        # the most recent year's answer.
        latest = max((c[1] for c in candidates if c[1] is not None), default=None)
        nil_years = [(year, s) for s in nils if (year := nil_year(s.text, subject)) is not None]
        if latest is not None and nil_years and max(nil_years, key=lambda n: n[0])[0] > latest:
            sentence = max(nil_years, key=lambda n: n[0])[1]
            return Outcome(PASS, "figure.nil", [evidence_for(sentence.block, sentence.text)], facts={fact: 0.0})
    if candidates:
        dated = [c for c in candidates if c[1] is not None]
        chosen = max(dated, key=lambda c: c[1]) if dated else candidates[0]
        # "Agency staff made up 5.6 per cent of the staff budget in 2022/23. In 2023/24 we spent £6.3m on
        # agency workers against a total pay bill of £151m": the share worked out for a later year is the
        # most recent year's answer.
        later = [(year, worked) for worked, year in zip(computed, computed_years)
                 if year is not None and chosen[1] is not None and year > chosen[1]]
        if later:
            return worked_out_outcome(max(later, key=lambda pair: pair[0])[1], fact)
        # "£1.9 million on consultants …; set against the £148 million staff budget that is a little over
        # one per cent": the amounts the sentence gives are exact where its share is only near them.
        # (A candidate keeps the sentence's text as read with its notes; a worked-out share keeps its sentence.)
        # So are they with the whole said in another paragraph: "Last year our staff budget was £156 million."
        # over "- Agency workers took just under five per cent of it, £7.4 million".
        exact = next((worked for worked in computed + distant
                      if getattr(worked[1], "read_with_notes", None) == chosen[4] and APPROXIMATE.search(chosen[4])),
                     None)
        if exact is not None:
            return worked_out_outcome(exact, fact)
        value = chosen[0]
        # The chosen figure first, then other places that give it, each quoted once.
        quoted = {}
        for candidate in [chosen] + candidates:
            quoted.setdefault((id(candidate[3]), candidate[4]), candidate)
        evidence = [evidence_for(c[3], c[4]) for c in list(quoted.values())[:3]]
        return Outcome(PASS, "figure.given", evidence, facts={fact: value},
                       data={"value": _percent(value),
                             "when": " for the most recent year given" if len(dated) > 1 else ""})
    worked_year = computed_years[0] if computed else distant_years[0] if distant else None
    if nils and worked_year is not None:
        # "Consultants | £88,000 | £41,000 | nil" with "We did not use any consultants in 2023/24": the
        # nil of a later year than the last amount is the most recent year's answer.
        nil_years = [(year, s) for s in nils if (year := nil_year(s.text, subject)) is not None]
        if nil_years and max(nil_years, key=lambda n: n[0])[0] > worked_year:
            sentence = max(nil_years, key=lambda n: n[0])[1]
            return Outcome(PASS, "figure.nil", [evidence_for(sentence.block, sentence.text)], facts={fact: 0.0})
    computed = computed or distant
    if computed:
        return worked_out_outcome(computed[0], fact)
    if nils:
        sentence = nils[0]
        return Outcome(PASS, "figure.nil", [evidence_for(sentence.block, sentence.text)], facts={fact: 0.0})
    if mentions:
        vague = next((s for s in mentions if VAGUE.search(s.text)), None)
        shown = [vague] + [s for s in mentions if s is not vague] if vague else mentions
        return Outcome(PARTIAL, "figure.vague" if vague else "figure.mentioned",
                       [evidence_for(s.block, s.text) for s in shown[:3]],
                       missing=["the percentage itself"], facts={fact: None},
                       data={"word": VAGUE.search(vague.text).group(0).lower()} if vague else {})
    return Outcome(FAIL, "figure.absent", [], missing=["the percentage itself"], facts={fact: None})
