"""Numbers as writers write them: counts in digits or words, amounts of money, percentages.

Shared by the checks that read figures. "Six EDI champions" is a count of 6;
"24/7", years, dates, ordinals and page numbers are never counts. "£1.2m",
"£24 million" and "£850k" are amounts in pounds, so that a share can be
worked out from two of them ("£1.2m against a pay bill of £24m" is 5.0%).
"""

from __future__ import annotations

import re

from .terms import term_set

UNITS = {"zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
NUMBER_WORD = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
               "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
               "eighty|ninety|a\\s+dozen|dozen|a\\s+hundred|one\\s+hundred")
# A count: digits that are not part of a ratio, date, money or percentage, or a number in words.
COUNT = re.compile(
    rf"(?<![\d.,£$/:-])\b(\d{{1,3}}(?:,\d{{3}})*|\d+)\b(?![.,/:]\d|\s?(?:%|per\s?cent|percent)|(?:st|nd|rd|th)\b)"
    rf"|\b((?:{NUMBER_WORD})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)\b",
    re.IGNORECASE)
YEAR_LIKE = re.compile(r"^(?:19|20)\d\d$")
# Words between a number and what it counts ("12 trained EDI champions", "six active champions").
BETWEEN = re.compile(r"^[\s\w&'’-]{0,30}$")
# People who take the role a count is of: "Six members of staff volunteer as EDI champions".
ROLE_LINK = re.compile(r"^\s*(?:[\w'’-]+\s+){1,4}(?:acts?|serve|serves|volunteer|volunteers|work|works|are\s+trained|"
                       r"have\s+been\s+trained)\s+as\s+(?:our\s+|an?\s+)?$", re.IGNORECASE)
NOT_COUNTED_AFTER = re.compile(r"^\s*(?:pages?|wards?|years?|months?|weeks?|days?|hours?|minutes?|times?)\b",
                               re.IGNORECASE)
# What may stand between a subject and its count after it: "EDI champions: 12", "champions is 14".
AFTER_LINK = re.compile(r"^\s*(?:\([^()]{0,20}\)\s*)?[\s:–—|-]*(?:(?:is|are|was|were|stands?\s+at|now|currently|"
                        r"totals?|totalled|of|we\s+have|there\s+are|numbers?|numbered)\s+){0,3}$", re.IGNORECASE)
# A total a few words on, in brackets or after a comma: "EDI champions in every service (14 in total)", "one EDI
# champion in each of our four directorates, four in all".
TOTAL_AFTER = re.compile(r"[^.;()]{0,50}?(?:\(|,)\s*(?:a\s+total\s+of\s+)?(\S+(?:[\s-]\S+)?)\s+"
                         r"(?:in\s+total|in\s+all|altogether)\b", re.IGNORECASE)
MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d+)?)\s?(bn|billion|m|million|k|thousand)?\b", re.IGNORECASE)
SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}


# Nil answers: "no spend on X", "we do not use X", "X: nil". Grammar; the subject comes from the pack.
NIL_BEFORE = re.compile(r"\b(?:no|zero|nil)\s+(?:(?:spend(?:ing)?|expenditure|use|money|payments?|costs?|"
                        r"external|paid|of|on|the|any|dedicated|designated|formal|separate|specific)\s+){0,4}$|"
                        # "No spend was recorded on agency staff", "no expenditure has been incurred on",
                        # "No money was spent on consultants", "nothing was paid to".
                        r"\b(?:no\s+(?:spend(?:ing)?|expenditure|payments?|costs?|money)|nothing)\s+"
                        r"(?:was|were|is|has\s+been|have\s+been)\s+"
                        r"(?:recorded|made|incurred|needed|required|booked|spent|paid)\s+(?:on|for|to)\s+"
                        # ("Nothing was spent on external consultants in 2023/24.")
                        r"(?:(?:any|external|outside|specialist|such)\s+){0,2}$|"
                        # "We have not found it necessary to appoint EDI champions", "have not needed to use".
                        r"\b(?:have|has|had)\s*(?:not|n[’']t)\s+(?:found\s+it\s+necessary|needed|had\s+(?:any\s+)?need)\s+to\s+"
                        r"(?:use|appoint|engage|employ|commission|pay\s+for|have|buy\s+in)\s+(?:any\s+)?$|"

                        # "We have never run an EDI champions scheme."
                        r"\b(?:do|does|did|have|has|had)\s*(?:not|n[’']t|never)\s+(?:currently\s+|directly\s+)?"
                        r"(?:use[sd]?|employ(?:ed)?|engage[sd]?|spen[dt](?:\s+\w+){0,2}\s+on|have|had|run|"
                        r"commission(?:ed)?|appoint(?:ed)?|designate[sd]?|fund(?:ed)?|pay\s+for|paid\s+for|provide[sd]?|offer(?:ed)?|allow(?:ed)?|"
                        r"grant(?:ed)?)\s+(?:any\s+|an?\s+)?"
                        # "do not have a formal EDI champion role"; but "do not have enough champions" is a count
                        r"(?:(?!(?:many|enough|more|much|sufficient|all|every|further|additional)\b)[a-z-]+\s+){0,2}$|\bno\s+(?:use|spend)\s+(?:was\s+)?made\s+of\s+$|"
                        # A nil said of the base: "no part of our pay bill is spent on", "we do not spend
                        # any of our paybill on", "nothing is spent on".
                        r"\b(?:(?:no|none)\s+(?:(?:part|share|proportion|portion|amount)\s+)?of\s+(?:[\w’'-]+\s+){1,4}|nothing\s+(?:(?:from|of|out\s+of)\s+(?:[\w’'-]+\s+){1,4})?)"
                        r"(?:is|was|has\s+been|goes|went)\s+(?:spent\s+|used\s+|paid\s+)?(?:on|for)\s+$|"
                        r"\b(?:do|does|did)\s*(?:not|n[’']t)\s+spend\s+any\s+(?:of\s+(?:[\w’'-]+\s+){1,4})?on\s+$|"
                        # "The council pays nothing for facility time", "we spent nothing on consultants".
                        r"\b(?:pays?|paid|spends?|spent)\s+nothing\s+(?:at\s+all\s+)?(?:on|for)\s+$|"
                        # A nil said of the people who would take it: "no member of staff has paid time off".
                        r"\bno\s+(?:members?\s+of\s+staff|employees?|staff|officers?|one|colleagues?)\s+"
                        r"(?:has|have|had|is|are|was|were|receives?|received|gets?|takes?|took)\s+(?:any\s+)?(?:paid\s+)?$",
                        re.IGNORECASE)
NIL_AFTER = re.compile(r"^[\w\s’'/]{0,20}?(?::\s*|\s*\|\s*|\s+[–—-]\s+|\s+(?:is|was|were|are)\s+)"
                       r"(?:nil|none|zero|£0(?:\.0+)?(?![.,]\d)|0(?:\.0+)?%)\b|"
                       r"^\s+(?:are|were|is|was|have\s+been|has\s+been)\s+not\s+(?:used|engaged|employed|needed)\b|"
                       # "agency workers are not a cost we have incurred since 2020".
                       r"^\s+(?:are|were|is|was|have\s+not\s+been|has\s+not\s+been)\s*(?:not\s+)?(?:an?\s+)?"
                       r"(?:cost|expense|spend)\s+(?:that\s+|which\s+)?we\s+(?:have\s+|had\s+)?(?:not\s+)?(?:incurred|had)\b|"
                       # "Facility time costs the council nothing."
                       r"^\s+(?:costs?|cost)\s+(?:us\s+|the\s+council\s+)?nothing\b|"
                       # Where the spend is charged, which narrows nothing: "spend on consultants charged to the
                       # staff budget was nil".
                       r"^\s+(?:charged|recharged|paid|met)\s+(?:to|against|from|out\s+of)\s+(?:the|our)\s+"
                       r"[\w\s]{0,30}?\s+(?:is|was|were|are)\s+(?:nil|none|zero|£0(?:\.0+)?(?![.,]\d)|0(?:\.0+)?%)\b",
                       re.IGNORECASE)


# A stop said of the whole subject: "Ceased. We no longer engage management consultants." (Not of a part:
# "we no longer use agency staff in adult social care" still uses them elsewhere.)
NO_LONGER_BEFORE = re.compile(r"\bno\s+longer\s+(?:use|engage|employ|commission|hire)\s+(?:any\s+)?"
                              r"(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
# (A colon after it explains the stop, it does not narrow it: "We no longer use consultants at all: our last
# engagement ended in March 2023".)
WHOLE_CLAUSE_AFTER = re.compile(r"^\s*(?:at\s+all\s*)?(?:[.;:!]|$)")

# The ways a nil is said before its subject, each with whether the subject must end its clause: a stop
# is read as a nil only of the whole subject, so anything after it narrows it.
NIL_FORMS_BEFORE = ((NIL_BEFORE, False), (NO_LONGER_BEFORE, True))


# A nil narrowed to some of the subject, whatever form it takes: "for more than a year", "longer than
# 12 months". "Nothing on EDI training beyond the e-learning module that comes free" is still a nil of
# spending.
QUALIFIED = re.compile(r"\b(?:for\s+(?:more|longer|over)|more\s+than\s+(?:a|one|12|twelve)|"
                       r"more\s+than\s+(?:two|three|four|five|six|nine|eighteen|\d+)\s+(?:years?|months?|weeks?)|"
                       r"over\s+(?:a|one|two|three|six|twelve|\d+)\s+(?:years?|months?)|"
                       r"longer\s+than|beyond\s+(?:a|one|two|six|twelve|\d+)\s+(?:years?|months?)|"
                       r"at\s+present\s+in)\b", re.IGNORECASE)


def word_number(text: str) -> int | None:
    words = re.findall(r"[a-z]+", text.lower())
    words = [w for w in words if w != "a"] or words
    if not words or any(w not in UNITS for w in words):
        return None
    if words[-1] == "hundred":
        return 100 * (UNITS[words[0]] if len(words) > 1 else 1)
    return sum(UNITS[w] for w in words)


def as_count(match: re.Match) -> int | None:
    if match.group(1):
        digits = match.group(1).replace(",", "")
        return None if YEAR_LIKE.match(digits) else int(digits)
    return word_number(match.group(2))


def count_near(text: str, start: int, end: int) -> int | None:
    """The count written just before ``text[start:end]`` ("six EDI champions") or just after it
    ("EDI champions: 12"), or the total a few words on ("one in each directorate, four in all"), or None."""
    total = TOTAL_AFTER.match(text, end)
    if total:
        match = COUNT.fullmatch(total.group(1))
        if match:
            return as_count(match)
    before = text[max(0, start - 60):start]
    for match in reversed(list(COUNT.finditer(before))):
        gap = before[match.end():]
        if (BETWEEN.match(gap) or ROLE_LINK.match(gap)) and not COUNT.search(gap):
            value = as_count(match)
            if value is not None:
                return value
        break
    after = text[end:end + 30]
    match = COUNT.search(after)
    if match and AFTER_LINK.match(after[:match.start()]) \
            and not NOT_COUNTED_AFTER.match(after[match.end():]):
        return as_count(match)
    return None


def money(text: str) -> list[tuple[int, float]]:
    """(position, pounds) of each amount of money in ``text``."""
    found = []
    for match in MONEY.finditer(text):
        value = float(match.group(1).replace(",", ""))
        found.append((match.start(), value * SCALE.get((match.group(2) or "").lower(), 1)))
    return found


def nil_stated(text: str, subject) -> bool:
    """Whether the text says there is none of the subject: "we do not use consultants", "no EDI champions".

    "No consultant has been engaged for more than a year" says nothing of how many there are.
    """
    for match in subject.finditer(text):
        before, after = text[max(0, match.start() - 60):match.start()], text[match.end():]
        if QUALIFIED.search(after[:60]):
            continue
        if NIL_AFTER.match(after[:40]):
            return True
        for form, whole_subject_only in NIL_FORMS_BEFORE:
            if form.search(before) and (not whole_subject_only or WHOLE_CLAUSE_AFTER.match(after)):
                return True
    return False


YEAR = term_set(["@year"])
# A column of aims, not of what was spent. "Budget" and "plan" do not make one: "Share of staff budget".
# (In plain words too: "Where we want to be (March 2026)", "Where we aim to be by 2026"; and a deadline:
# "Now | By March 2026".)
TARGET_COLUMN = re.compile(r"\b(?:targets?|aims?|forecasts?|goals?|ambitions?|projected|projections?|"
                           r"(?:want|aim|hope|expect|plan|intend)\s+to\s+(?:be|reach|get|achieve)|aiming|"
                           r"by\s+(?:the\s+end\s+of\s+)?(?:\w+\s+)?(?:19|20)\d\d)\b",
                           re.IGNORECASE)


def year_key(text: str) -> tuple[int, int]:
    """Sort key for "2023/24", "2023-2024" or "2024": the later year first."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    start = numbers[0]
    end = numbers[1] if len(numbers) > 1 else start
    if end < 100:
        end += (start // 100) * 100
    return end, start


def year_in(text: str) -> tuple | None:
    """The year a label or a column's heading names ("Share of staff budget 2023/24"), as year_key."""
    year = YEAR.search(text)
    return year_key(year.group(0)) if year else None
