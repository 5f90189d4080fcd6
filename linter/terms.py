"""Term lists from rule packs, compiled to safe regular expressions.

A term is a word or phrase matched case-insensitively on word boundaries:
``transform*`` takes any ending, ``*4`` between words stands for one to four
words, a space matches any run of white space and a hyphen is optional
(``e-learning`` finds "e learning" and "elearning"). A term
starting with ``=`` is matched case-sensitively (``=EDI``). Built-in tokens
match figures: ``@percent``, ``@money``, ``@count``, ``@year``, ``@date``, ``@recurring``, ``@named-plan``, ``@bracketed``, ``@blank-figure``, ``@drafting-instruction``, ``@named-council``, ``@cell-number``, ``@value``, ``@email``.

Patterns are alternations of literals with no nested repetition, so matching
stays linear in the length of the text: pack authors never write raw regular
expressions.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .cache import compiled, sha256_hex

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")

PERCENT = r"(?<![\d.])\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)"
BUILT_INS = {
    "@percent": PERCENT,
    "@money": r"£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|billion|m|million|k|thousand)\b)?"
              r"|\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion)\s(?:pounds|GBP)\b",
    "@year": r"\b(?:19|20)\d\d(?:\s?[/-]\s?\d\d(?:\d\d)?)?\b",
    "@date": rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s(?:{MONTHS})\b(?:\s(?:19|20)\d\d)?"
             rf"|\b(?:{MONTHS})\s(?:19|20)\d\d\b|\b20\d\d-\d\d-\d\d\b"
             # "10/07/2024", "10.07.2024": day, month and year in figures (the year in full: "2.3.12" is a
             # paragraph's number).
             r"|\b(?:0?[1-9]|[12]\d|3[01])(?:/(?:0?[1-9]|1[0-2])/|\.(?:0?[1-9]|1[0-2])\.)20\d\d\b",
    # A plan named by its owner: "the London Borough of Mortgrove's plan", "Kelby's productivity plan".
    "@named-plan": r"(?-i:\b[A-Z][\w-]*['’]s)\s+(?:(?:draft|final|productivity)\s+)*plan\b",
    # A month or a season that comes round again: "each January", "every summer", "every April and October".
    "@recurring": rf"\b(?:each|every)\s+(?:{MONTHS}|spring|summer|autumn|winter)\b",
    # A bracketed note to the drafter: "[to be completed]", "[Digital team to complete]", "[tbc]".
    # A number given as a value: "(9 days; target 8)", "baseline 61", "from 28 days to 21", "now: 74".
    # (A range of numbers, "sections 2 to 5", is a reference: "to" after a number is no value's.)
    "@value": r"(?:\btarget(?:\s+of)?|\bbaseline(?:\s+of)?|\bcurrently|\bnow|\bfrom|(?<!\d\s)\bto|:|\()\s*"
              r"(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\b",
    # A figure that moved, said of the past: "rose from 188 in 2021/22 to 246", "fell from 38 days to 9",
    # "72% … against 58% in 2020/21", "cut by a fifth", "fell by more than half".
    "@measured-change": r"\bfrom\s+£?\s?\d[\d,.]*(?:\s?(?:%|per\s?cent\b|[a-z]+))?(?:\s+(?:in|at|on)\s+\S{2,12})?"
                        r"\s+to\s+£?\s?\d"
                        r"|\b(?:fell|dropped|rose|grew|increased|decreased|reduced|cut|improved|lowered|shortened|"
                        r"halved|doubled)\b[^.;:]{0,60}?\bby\s+(?:(?:more|less)\s+than\s+|over\s+|about\s+|around\s+|"
                        r"nearly\s+|almost\s+|roughly\s+)?(?:\d[\d,.]*\s?(?:%|per\s?cent\b|[a-z]+)|(?:a|one|two|three)\s+"
                        r"(?:half|third|quarter|fifth|tenth|thirds|quarters|fifths)\b|half\b)"
                        r"|\d[\d,.]*\s?(?:%|per\s?cent\b)[^.;]{0,80}?\b(?:against|compared\s+(?:with|to)|up\s+from|"
                        r"down\s+from)\s+\d[\d,.]*\s?(?:%|per\s?cent\b)",
    # A number standing alone in a table cell ("Households in temporary accommodation | 61 | 50").
    "@cell-number": r"(?<=\| )\d[\d,]*(?:\.\d+)?(?= \||$)",
    # (Letters needed: "[1]" is a reference, not a blank.)
    # Also "<<Digital team to complete>>", "«insert»" and "(to follow)", "(HR to confirm)".
    "@bracketed": r"\[(?=[^\[\]]*?[A-Za-z]{2})(?!\^)[^\[\]]{2,300}\]"
                  r"|(?:<<|«|‹)[^<>«»‹›]{2,300}(?:>>|»|›)"
                  r"|\((?:to follow|tbc|tba|tbd|to be \w+|[A-Za-z ]{0,30}\bto (?:confirm|complete|add|follow|"
                  r"update|insert|provide)\b[^()]{0,40})\)"
                  # Brackets of other shapes around a note: "⟨⟨ Digital & ICT to supply ⟩⟩", "⟦to follow⟧",
                  # "{{ Finance to add }}".
                  r"|(?:⟨⟨?|⟦|\{\{|【|〈〈?)[^⟨⟩⟦⟧{}【】〈〉]{2,300}(?:⟩⟩?|⟧|\}\}|】|〉〉?)",
    # A drafting instruction to a team: "HR to confirm", "Finance to add", "Digital team to complete".
    "@drafting-instruction": r"(?-i:\b(?:[A-Z]{2,}\d*|(?:Finance|Digital|Procurement|Policy|Performance|Comms)"
                             r"|[A-Z][a-z]+\s+team))\s+to\s+(?:confirm|complete|add|provide|insert|update|check|write)\b"
                             # and what else it asks them: "Finance to confirm, and whether the backlog team
                             # counts as consultancy or agency".
                             r"(?:,?\s+and\s+(?:whether|if|how|what|which|when|who)\b[^.!?]*)?"
                             # Whoever is named at the head of a note, after a dash or a bracket, and a verb
                             # only drafting takes: "— Performance and Intelligence to draft", "⟨⟨ Digital &
                             # ICT to supply", "— Legal Services to confirm". ("We ask the Government to
                             # confirm" has its own subject.)
                             r"|(?-i:(?:^|(?<=[—–:;(\[⟨«<-]\s)|(?<=[—–:;(\[⟨«<]))(?:[A-Z][\w'’]*|&)"
                             r"(?:\s+(?:[A-Z&][\w'’&]*|and|of|the|team|office|officer|services?))*)"
                             r"\s+to\s+(?:confirm|complete|add|provide|insert|supply|populate|draft|write|fill\s+in|"
                             r"finalise|finalize)\b(?:,?\s+and\s+(?:whether|if|how|what|which|when|who)\b[^.!?]*)?"
                             # A note telling the drafter what to do: "Note: do not mention the pilot yet".
                             r"|(?-i:\b(?:Note|NOTE|NB|N\.B\.))\s*[:—–-]\s*(?:do\s+not|don't|delete|check|keep|remove|"
                             r"add|confirm|avoid|cut|replace|make\s+sure|insert|update|expand|shorten)\b[^.!?]*",
    # Another council by name: "Northmoor Council", "Dunstow District Council".
    "@named-council": r"(?-i:\b(?!(?:The|This|That|Our|Your|Each|Every|Any|Full|District|Borough|County|City)\s)"
                      r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\s+(?:(?:District|Borough|County|City|Metropolitan "
                      r"Borough)\s+)?Council)\b",
    # A figure left blank: "£X.Xm", "XX%", "??%", "£[TBC]".
    "@blank-figure": r"£\s?(?:\[\s*)?(?:X[X.,]*|TBC|TBA)(?:\s*\])?(?:m|k|bn)?(?!\w)"
                     r"|(?<!\w)(?:X{1,3}(?:\.X{1,2})?|\?{1,3})\s?%|(?<![\w?])\?{2,}(?![\w?])"
                     # "[X]%", "[X.X]": a blank in brackets (a capital X: "[x]" is a ticked box).
                     r"|(?-i:\[\s*X{1,3}(?:\.X{1,2})?\s*\])"
                     # A letter in brackets as an amount or a share: "£[x]k", "[y]%".
                     r"|£\s?\[\s*[A-Za-z]{1,2}\s*\](?:m|k|bn)?|\[\s*[A-Za-z]{1,2}\s*\]\s?%"
                     # Hashes and question marks where the digits go: "##.#%", "£##m", "£?.?m", "Q?".
                     r"|#{1,3}(?:[.,]#{1,3})?\s?%|£\s?#[#.,]*(?:m|k|bn)?|£\s?\?[?.,]*(?:m|k|bn)?|(?-i:\bQ\?)"
                     # A rule to write on, and boxes to fill: "________ times a month", "▢▢ systems", "[•]".
                     r"|_{3,}|[▢□∎◻☐]|■{2,}|\[\s*[•▢□■∎◻☐]+\s*\]"
                     # A table cell holding only empty brackets: "Number of EDI Champions | [ ]".
                     r"|(?:(?<=\| )|^)\[\s*\](?= \||$)",
    # An e-mail address, which names a mailbox, not a web page: "chiefexecutive@ambleforth.gov.uk".
    # (Starting where a word starts, so that a long run of letters is not tried from every one of them.)
    "@email": r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    # (Not the number of a part of the document: "see section 3", "page 4", "Appendix 2".)
    "@count": r"(?<!section )(?<!sections )(?<!paragraph )(?<!para )(?<!page )(?<!pages )(?<!appendix )"
              r"(?<!annex )(?<!chapter )(?<!part )(?<!table )(?<!question )"
              rf"(?<![\d.,£/-])\b(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\b(?![.,/]\d)"
              rf"(?!\s?(?:%|per\s?cent|percent|st\b|nd\b|rd\b|th\b|(?:{MONTHS})\b))"
              # Counts in words are counts: "six EDI champions". ("One" is too often a pronoun.)
              r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
              r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
              r"dozen|hundred)\b",
}


# A gap of one to N words inside a term: "*4".
GAP = re.compile(r"\*[1-9]")


def _marks_removed(term: str) -> str:
    """A term's words, without the marks that say where and how it matches ("^", "=")."""
    return term.removeprefix("^").removeprefix("=")


def _term_pattern(term: str) -> tuple[str, bool, bool]:
    """(pattern, case sensitive, needs word boundaries) for one term."""
    term = term.strip()
    if term in BUILT_INS:
        return f"(?:{BUILT_INS[term]})", False, False
    # "^give": only where a sentence or clause opens, as a request does ("Give us a three-year
    # settlement.", "Our ask: give us …"), not "the powers they give us".
    opening = term.startswith("^")
    term = term.removeprefix("^")
    case_sensitive = term.startswith("=")
    if case_sensitive:
        term = term[1:]
    words = []
    for word in term.split():
        if GAP.fullmatch(word):
            # "opened *4 with": one to four words of any kind between ("opened the new hub with").
            words.append(rf"\w+(?:\s+\w+){{0,{int(word[1:]) - 1}}}")
            continue
        wildcard = word.endswith("*")
        word = word.rstrip("*")
        piece = re.sub("['’]", "['’]", re.escape(word).replace(r"\-", "[-\\s]?"))
        words.append(piece + (r"\w*" if wildcard else ""))
    # An acronym's expansion may stand between a term's words: "EDI (equality, diversity and
    # inclusion) champions".
    pattern = r"(?:\s+\([^()]{1,60}\))?\s+".join(words)
    if opening:
        pattern = rf"(?:(?<![\s\S])|(?<=[.!?:;—–]\s)|(?<=[.!?:;—–]\s\s)){pattern}"
    return pattern, case_sensitive, True


FLAGS = re.IGNORECASE


def pattern_source(terms: tuple[str, ...]) -> str | None:
    """The regular expression (compiled with ``FLAGS``) that finds any of ``terms``."""
    if not terms:
        return None
    bounded, free = [], []
    for term in terms:
        pattern, case_sensitive, needs_boundaries = _term_pattern(term)
        if case_sensitive:
            pattern = f"(?-i:{pattern})"
        (bounded if needs_boundaries else free).append(pattern)
    # Longer terms first, so that a match is the whole name: "cabinet member" before "cabinet".
    bounded.sort(key=len, reverse=True)
    # "Non-pay spend" is not pay spend, nor "non-agency staff" agency staff: "non-" negates the term.
    parts = free + ([rf"(?<!\w)(?<!\bnon-)(?<!\bnon\s)(?:{'|'.join(bounded)})(?!\w)"] if bounded else [])
    return "|".join(parts)


# Sources and anchors already made from term lists, by an earlier run of this very code (see add_sources).
_sources: dict[tuple[str, ...], str] = {}
_anchor_lists: dict[tuple[str, ...], tuple[str, ...] | None] = {}
_word_start_lists: dict[tuple[str, ...], tuple[str, ...] | None] = {}


@lru_cache(maxsize=1)
def code_digest() -> str | None:
    """A digest of this module's code, which makes the sources: a source made by other code is not used."""
    try:
        return sha256_hex(Path(__file__).read_bytes())
    except OSError:
        return None


def add_sources(made, digest) -> None:
    """Take the (terms, source, anchors, word starts) an earlier run made (the pack cache keeps them), if
    this code made them."""
    if digest is None or digest != code_digest() or not isinstance(made, list):
        return
    for item in made:
        if isinstance(item, list) and len(item) == 4 and isinstance(item[0], list) and isinstance(item[1], str):
            terms, found, starts = tuple(item[0]), item[2], item[3]
            _sources[terms] = item[1]
            # Anchors and word starts, one a line (see _sources in plancheck.packs).
            if found is None or isinstance(found, str):
                _anchor_lists[terms] = None if found is None else tuple(found.split("\n"))
            if starts is None or isinstance(starts, str):
                _word_start_lists[terms] = None if starts is None else tuple(starts.split("\n"))


@lru_cache(maxsize=64)
def _pattern_anchors(source: str) -> frozenset[str] | None:
    """Lower-case strings one of which any match of the regular expression ``source`` (compiled with
    ``FLAGS``) holds, in an ASCII text; None when there is no such set. Read from the expression's
    parse: a run of literal characters that every match takes, or one of the strings every
    alternative of a choice takes. A branch that needs a character no ASCII character matches
    ("£", "▢") takes none: no ASCII text holds it. (The built-in tokens have no words of their
    own to take anchors from; their matches hold a "%", a "£" or a figure.)"""
    from re import _constants as sre, _parser

    def character(code: int):
        char = chr(code)
        if char.isascii():
            return char.lower()
        return "" if _outside_ascii(char) else None  # "": not in an ASCII text

    def one_of(items) -> frozenset[str] | None:
        """The characters a character set (``[...]``) takes, in an ASCII text."""
        found = set()
        for op, value in items:
            if op is sre.LITERAL:
                codes = [value]
            elif op is sre.RANGE and value[1] - value[0] <= 32:
                codes = range(value[0], value[1] + 1)
            elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                codes = [ord(d) for d in "0123456789"]  # all the digits an ASCII text has
            else:
                return None
            for code in codes:
                char = character(code)
                if char is None:
                    return None
                if char:
                    found.add(char)
        return frozenset(found)

    def needs(items) -> frozenset[str] | None:
        """What a sequence needs: the most telling of what its parts need (the longest shortest string)."""
        options: list[frozenset[str]] = []
        run = ""
        for op, value in list(items) + [(None, None)]:
            if op is sre.LITERAL:
                char = character(value)
                if char == "":
                    return frozenset()
                if char is not None:
                    run += char
                    continue
            if run:
                options.append(frozenset([run]))
                run = ""
            if op is sre.SUBPATTERN:
                part = needs(value[-1])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)):
                part = needs(value[2]) if value[0] >= 1 else None
            elif op is getattr(sre, "ATOMIC_GROUP", None):
                part = needs(value)
            elif op is sre.ASSERT:  # what a look-around sees is in the text too
                part = needs(value[1])
            elif op is sre.BRANCH:
                alternatives = [needs(alternative) for alternative in value[1]]
                part = None if any(a is None for a in alternatives) else frozenset().union(*alternatives)
            elif op is sre.IN:
                part = one_of(value)
            else:
                part = None
            if part is not None:
                if not part:
                    return frozenset()  # no ASCII text holds this part
                options.append(part)
        if not options:
            return None
        return max(options, key=lambda option: (min(map(len, option)), -len(option)))

    return needs(_parser.parse(source, FLAGS))


@lru_cache(maxsize=256)
def _outside_ascii(char: str) -> bool:
    """Whether no ASCII character matches ``char``, ignoring case ("£", "é"; not the Kelvin sign, a "k")."""
    return not char.isascii() and not any(re.fullmatch(re.escape(char), chr(code), FLAGS) for code in range(128))


@lru_cache(maxsize=4096)
def anchors(terms: tuple[str, ...]) -> tuple[str, ...] | None:
    """Lower-case strings one of which any match of ``terms`` holds (on an ASCII text); None when
    there is no such list (a built-in token, a term with no plain ASCII piece).

    Every word of a term is matched literally, but for its hyphens (optional) and apostrophes (either
    kind) and a wildcard's ending: each piece between them is in every match, in the case of the
    text or another. An ASCII text holds a piece, ignoring case, only where its lower-case form
    holds the piece's lower-case form (the other characters that ignoring case lets match an ASCII
    letter, as the Kelvin sign matches "k", are not ASCII), so a text whose lower-case form holds
    none of a term list's anchors cannot match it, and need not be searched.
    """
    known = _anchor_lists.get(terms, False)
    if known is not False:
        return known
    found = set()
    for term in terms:
        term = term.strip()
        if term in BUILT_INS:
            needed = _pattern_anchors(BUILT_INS[term])
            if needed is None:
                return None
            found.update(needed)
            continue
        pieces = [piece for word in _marks_removed(term).split()
                  for piece in word.rstrip("*").replace("’", "-").replace("'", "-").split("-")]
        if any(_outside_ascii(char) for piece in pieces for char in piece):
            continue  # "£XXm" cannot match an ASCII text: no ASCII character is a "£", whatever its case
        longest = ""
        for piece in pieces:
            if len(piece) > len(longest) and piece.isascii():
                longest = piece
        if not longest:
            return None
        found.add(longest.lower())
    # A text that holds an anchor holds every anchor that starts with it: the shorter one is enough.
    return _shortest_prefixes(found)


# The start of a word of ASCII letters, figures and underscores: what ``\w`` is in an ASCII text.
WORD_START = re.compile(r"[A-Za-z0-9_]+")


@lru_cache(maxsize=4096)
def word_starts(terms: tuple[str, ...]) -> tuple[str, ...] | None:
    """Lower-case strings one of which begins a word (a run of ASCII letters, figures and
    underscores) wherever ``terms`` match in an ASCII text; None when there is no such list (a
    built-in token, a term that does not open with a letter or figure).

    A term's pattern is found only where no word character comes before it, and opens with its first
    word, literally up to its first hyphen, apostrophe or other sign: a match in an ASCII text begins
    a word whose lower-case form starts with that opening's. So the words of a document, sorted,
    say in which sentences a term list can match (see Analysis.holding), without a search of each.
    """
    known = _word_start_lists.get(terms, False)
    if known is not False:
        return known
    found = set()
    for term in terms:
        term = term.strip()
        if term in BUILT_INS:
            return None
        words = _marks_removed(term).split()
        opening = WORD_START.match(words[0].rstrip("*")) if words else None
        if opening is None:
            return None
        found.add(opening.group(0).lower())
    # A word that starts with a longer start starts with a shorter one it begins with: the shorter is enough.
    return _shortest_prefixes(found)


def _shortest_prefixes(found: set[str]) -> tuple[str, ...]:
    """The strings of ``found`` that no shorter one of them begins, in order."""
    kept: list[str] = []
    for text in sorted(found):
        if not kept or not text.startswith(kept[-1]):
            kept.append(text)
    return tuple(kept)


@lru_cache(maxsize=4096)
def _compile(terms: tuple[str, ...]) -> re.Pattern | None:
    source = _sources.get(terms) or pattern_source(terms)
    # The pack cache holds the compiled programs of a pack's patterns (see plancheck.cache).
    return None if source is None else compiled(source, FLAGS)


# While a document is checked (see remembering): whether a term list matches a text, and its matches
# there, by the term lists' identity (see _identity) and the text. Checks ask the same of the same
# sentence many times, through different concepts with the same terms and through each pack's
# analysis. A context variable, so that documents checked in threads at once each have their own.
_memo: ContextVar[dict | None] = ContextVar("plancheck_terms_memo", default=None)


@contextmanager
def remembering():
    """Remember what TermSet.matches and TermSet.finditer found until the block ends (one document's
    checks)."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


@dataclass(frozen=True)
class TermSet:
    """Terms that count, and ``unless`` terms whose matches hide them.

    ``agency`` with ``unless: ["environment agency"]`` finds "agency staff" but
    not "the Environment Agency".
    """

    name: str
    terms: tuple[str, ...]
    unless: tuple[str, ...] = ()

    @cached_property
    def _pattern(self) -> re.Pattern | None:
        return _compile(self.terms)

    @cached_property
    def _blocked(self) -> re.Pattern | None:
        return _compile(self.unless)

    @cached_property
    def _anchors(self) -> tuple[str, ...] | None:
        return anchors(self.terms)

    @cached_property
    def word_starts(self) -> tuple[str, ...] | None:
        """See word_starts."""
        return word_starts(self.terms)

    @cached_property
    def _identity(self) -> object:
        return _identity(self.terms, self.unless)

    def compile(self) -> None:
        """Compile the patterns now (they are compiled when a text first needs them)."""
        self._pattern, self._blocked, self._anchors, self._identity  # noqa: B018

    def _cannot_match(self, text: str) -> bool:
        """Whether ``text`` holds none of the anchors (see anchors): it need not be searched, nor the
        pattern compiled (from its program, a good part of a short run) if no text needs it."""
        found = self._anchors
        if found is None or not text.isascii():
            return False
        lowered = _lowered(text)
        return not any(anchor in lowered for anchor in found)

    def finditer(self, text: str):
        """The matches in ``text`` not hidden by an ``unless`` term's, in order."""
        memo = _memo.get()
        if memo is not None:
            key = ("finditer", self._identity, text)
            found = memo.get(key)
            if found is None:
                found = memo[key] = list(self._finditer(text))
            return iter(found)
        return self._finditer(text)

    def _finditer(self, text: str):
        if self._cannot_match(text):
            return
        pattern = self._pattern
        if pattern is None:
            return
        blocked = self._blocked
        spans = None  # found at the first match: most texts have none
        for match in pattern.finditer(text):
            if spans is None:
                spans = _overlapping_spans(blocked, text) if blocked else []
            start, end = match.span()
            if not any(s < end and start < e for s, e in spans):
                yield match

    def search(self, text: str):
        return next(self.finditer(text), None)

    def matches(self, text: str) -> bool:
        memo = _memo.get()
        if memo is not None:
            key = (self._identity, text)
            found = memo.get(key)
            if found is None:
                found = memo[key] = self._matches(text)
            return found
        return self._matches(text)

    def _matches(self, text: str) -> bool:
        if self._cannot_match(text):
            return False
        pattern = self._pattern
        if pattern is None or pattern.search(text) is None:
            return False
        # A match: it counts unless every match is hidden by an ``unless`` term.
        return not self.unless or self.search(text) is not None


def _overlapping_spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Every match of ``pattern``, those that overlap included: "most valuable" and "valuable assets"
    in "our most valuable assets" both hide what they cover."""
    spans = []
    match = pattern.search(text)
    while match is not None:
        spans.append(match.span())
        match = pattern.search(text, match.start() + 1)
    return spans


@lru_cache(maxsize=1024)
def _lowered(text: str) -> str:
    """A text in lower case, once for all the term lists asked of it."""
    return text.lower()


@lru_cache(maxsize=4096)
def _identity(terms: tuple[str, ...], unless: tuple[str, ...]) -> object:
    """One object for each pair of term lists, whatever TermSet holds them: what the memory of
    matches (see remembering) knows a term list by (held in its keys, so never reused)."""
    return object()


def term_set(spec, concepts: dict[str, "TermSet"] | None = None, name: str = "") -> TermSet:
    """Build a TermSet from a pack value: a concept name, a list of terms, or a mapping.

    A string naming a concept in ``concepts`` returns that concept. A list
    may mix plain terms and concept names written ``$name``.
    """
    concepts = concepts or {}
    if isinstance(spec, TermSet):
        return spec
    if isinstance(spec, str):
        if spec in concepts:
            return concepts[spec]
        if spec.startswith("$") and spec[1:] in concepts:
            return concepts[spec[1:]]
        spec = [spec]
    if isinstance(spec, dict):
        base = term_set(spec.get("terms", []), concepts, name)
        unless = term_set(spec.get("unless", []), concepts)
        return TermSet(name or base.name, base.terms, base.unless + unless.terms)
    terms: list[str] = []
    unless: list[str] = []
    for item in spec:
        if isinstance(item, str) and item.startswith("$"):
            concept = concepts.get(item[1:])
            if concept is None:
                raise KeyError(item[1:])
            terms.extend(concept.terms)
            unless.extend(concept.unless)
        else:
            terms.append(item)
    return TermSet(name, tuple(terms), tuple(unless))
