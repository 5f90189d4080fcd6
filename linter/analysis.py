"""What the checks share about one document, worked out once.

Sentences in reading order, each knowing its block, whether it merely
reproduces the regime's own wording (a *prompt*, such as a theme statement or
question pasted in from the letter), and whether it is drafting filler (TBC,
"[insert figure]"). Checks look for answers only in the council's own
sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .document import ENDNOTE, FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document, count_words
from .clauses import asserted, clauses
from .grids import unfold
from .sections import Section, assign_themes, build_sections, heading_themes, theme_paragraphs
from .terms import TermSet

# A sentence ends at a full stop (perhaps closing a quotation, parenthesis or drafting note) before
# a capital, a figure or an opening bracket: "…reported.] The Council's report…".
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]?(?:>>|»)?\s+(?=[\"“‘(£A-Z0-9•\[«]|<<)")
ABBREVIATION_END = re.compile(r"(?:\b(?:e\.g|i\.e|vs|no|approx|incl|Cllr|Mr|Mrs|Ms|Dr|St)\.|\b[A-Z]\.)$",
                              re.IGNORECASE)
TOKEN = re.compile(r"[a-z0-9£%]+")
# Who is speaking changes between the letter ("you", "your") and a plan ("we",
# "the council"), so pronouns are folded before texts are compared.
PERSON_WORDS = {"you": "P", "your": "P", "yours": "P", "we": "P", "our": "P", "ours": "P", "us": "P",
                "they": "P", "their": "P", "its": "P", "it": "P", "council": "P", "councils": "P",
                "authority": "P", "organisation": "P", "the": None, "a": None, "an": None,
                "has": "have", "had": "have", "is": "are", "was": "are", "were": "are"}
SHINGLE = 3
# Words that carry grammar, not content: what a question turned into a statement adds without answering
# it ("How do you measure productivity?" / "We measure productivity in a number of ways").
GRAMMAR_WORDS = frozenset({"P", "in", "of", "and", "or", "to", "for", "on", "at", "by", "with", "from", "as", "that",
                           "this", "these", "those", "there", "are", "be", "been", "have", "do", "does", "did",
                           "how", "what", "which", "who", "when", "where", "why", "will", "would", "can", "could",
                           "may", "all", "any", "some", "each", "also", "so", "not", "no", "its", "into", "about"})
# Of a question, the words of its own a restatement may add and still be only the question.
OWN_WORDS_OF_A_RESTATEMENT = 2
# Where a statement says its answer is, which adds nothing to the answer itself: "How we measure
# productivity in our organisation is set out below", "… is described in section 4", "… as follows".
POINTS_TO_ITS_ANSWER = re.compile(r"\b(?:(?:is|are|will\s+be)\s+)?(?:set\s+out|described|shown|given|explained|"
                                  r"detailed|summarised|summarized|outlined|listed|covered)\s+"
                                  r"(?:below|above|overleaf|later|earlier|in\s+(?:the\s+)?(?:following|next|"
                                  r"table|section|paragraph|part|appendix|annex)\w*(?:\s+(?:below|above|\d{1,2}"
                                  r"(?:\.\d+)*|[A-Z]))?)\b|\bas\s+follows\b", re.IGNORECASE)
# Words that say something was or will be done, where the regime's words say it must be.
TENSE_WORDS = frozenset({"will", "was", "were", "been", "has", "had", "shall"})
INSTRUCTION_WORDS = frozenset({"must", "should"})
# A sentence that opens (perhaps after a short clause: "Once approved, it ...") with a word
# pointing back to the sentence before it.
# (The short clause may go without its comma: "After submission it will be published on our website.")
REFERS_BACK = re.compile(r"(?:[^,.;]{0,40},\s*|(?:after|once|following|when|before|until|from|on|at)\s+[^,.;]{0,30}?\s+)?"
                         r"(?:it|this|these|they|its|their|a\s+copy|the\s+document)\b",
                         re.IGNORECASE)
BACK_REFERENCES = 2
# A decision written without its maker, as decision records and minutes word them: "To approve the
# plan for submission", "That the plan be approved".
RESOLUTION = re.compile(r"(?:resolved\W+)?(?:\(?[a-z0-9]{1,3}\)\s*)?(?:to\s+(?:approve|agree|endorse|adopt|sign\s+off|note|"
                        r"receive|consider)|that\s+the\b[^.]{0,120}\bbe\s+"
                        r"(?:approved|agreed|endorsed|adopted|noted|received))\b", re.IGNORECASE)
# A heading over what a meeting decided: "Extract from the minutes of Cabinet, 16 July 2024".
MEETING_RECORD = re.compile(r"\b(?:minutes?|meeting|decisions?\s+of|resolutions?)\b", re.IGNORECASE)
MINUTES_TITLE = re.compile(r"\bminutes\s+of\s+(?:the\s+)?(?:meeting\s+of\s+)?", re.IGNORECASE)
# The field of a record that says who decided.
DECIDED_BY = re.compile(r"\b(?:decision[\s-]+maker|decision\s+taken\s+by|decided\s+by|decision\s+by)\b", re.IGNORECASE)
# "The Chief Executive approved it, in consultation with the Leader": "it" is what the sentence
# before named.
OBJECT_PRONOUN = re.compile(r"\b(?:approv(?:e|ed|es|ing)|agree[sd]?|endors(?:e|ed|es|ing)|adopt(?:ed|s)?|sign(?:ed|s)?|"
                            r"consider(?:ed|s)?|note[sd]?|publish(?:ed|es|ing)?|upload(?:ed|s|ing)?|"
                            r"submit(?:ted|s|ting)?|"
                            r"present(?:ed|s)?|review(?:ed|s)?|discuss(?:ed|es)?|"
                            # What is put, placed or posted somewhere: "We will put it on the Council's website".
                            r"put(?:s|ting)?|plac(?:e|ed|es|ing)|post(?:ed|s|ing)?|shar(?:e|ed|es|ing)|"
                            r"mak(?:e|es|ing)|made|circulat(?:e|ed|es|ing)|tak(?:e|es|ing)|took)"
                            r"\s+(?:it|them|its\s+(?:content|contents|"
                            r"text|wording|final\s+version|submission|publication))\b", re.IGNORECASE)
# A decision named by what it points back to: "The plan was approved under that delegation on 15 July",
# "The Chief Executive approved it on 12 July, having consulted them" (those the delegation named).
DECISION_BACK = re.compile(r"\b(?:that|this|the\s+same|those|these)\s+(?:delegations?|decisions?|meetings?|"
                           r"delegated\s+(?:authority|powers?|decision))\b|"
                           r"\b(?:on|under)\s+(?:that|this|the\s+same)\s+(?:basis|authority|arrangements?)\b|"
                           r"\b(?:having|after)\s+consult(?:ed|ing)\s+(?:(?:both|each|all)\s+of\s+)?(?:them|him|her)\b",
                           re.IGNORECASE)
# Things a decision is taken on, which "it" may stand for.
DOCUMENT_NOUN = re.compile(r"\b(?:plan|budget|strategy|report|policy|framework|programme|document|review|"
                           r"proposals?|business\s+case|statement)s?\b", re.IGNORECASE)
# A paragraph this long that ends a sentence is running text, not a contents entry.
PROSE_WORDS = 12
SENTENCE_CLOSE = re.compile(r"[.!?][\"”’)]?\s*$")
PRONOUN_OPENING = re.compile(r"(?:[^,.;]{0,40},\s*)?(?:it|they)\b", re.IGNORECASE)
RUN_IN_QUESTION_WORDS = 30
# A paragraph's own title, run in before its text: "Invest to save." "Capital investment."
RUN_IN_TITLE = re.compile(r"[A-Z][\w’'-]*(?:,?[ /&-]+[\w’'-]+){0,4}\.")
WH_TITLE = re.compile(r"(?:what|where|how|why|who|when|which)\b", re.IGNORECASE)
# A title that names with a clause may run a little longer: "Where the savings potential is greatest."
RUN_IN_CLAUSE_TITLE = re.compile(r"(?:what|where|how|why|who|when|which)(?:[ /&-]+[\w’'-]+){1,6}\.", re.IGNORECASE)
# A minute's title, naming the meeting, its date and the minute: "Full Council, 16 July 2024, Minute 19."
MEETING_TITLE = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:[A-Z&][\w’'-]*|and|of|for))*,\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+"
                           r"\d{4}(?:,?\s+(?:[Mm]inute|[Ii]tem|[Aa]genda\s+item)\s+[\w./]+)?\.")
# A heading that opens with its meeting: "Cabinet, 3 July 2024 - Productivity Plan".
MEETING_HEADING = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:[A-Z&][\w’'-]*|and|of|for))*,\s+\d{1,2}(?:st|nd|rd|th)?\s+"
                             r"[A-Z][a-z]+\s+\d{4}\b")
# Words of its own a sentence needs beyond the copied wording to count as an answer.
OWN_WORDS_FOR_AN_ANSWER = 5
# A capitalised word within a sentence: a name, unless the regime's own words hold it.
NAME_WORD = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
QUOTE_LIMIT = 200


DRAFTING_NOTE = re.compile(r"(?:<<|«|‹)[^<>«»‹›]*(?:>>|»|›)|\[[^\[\]]*\]"
                           r"|(?:⟨⟨?|⟦|\{\{|【)[^⟨⟩⟦⟧{}【】]*(?:⟩⟩?|⟧|\}\}|】)", re.DOTALL)
# (Its mark may carry the date or the reviewer's name: "Comment [PW, 3 July]:"; typed by hand, its
# author and date go in round brackets: "Comment (PB, Policy):", "Comment (Finance):".)
REVIEW_COMMENT = re.compile(r"\s*\**(?:Comment|Reviewer(?:'s)?\s+comment)\s*(?:\[[A-Za-z]{1,4}\d{0,3}(?:\s*[,;]\s*[^\[\]]{1,30})?\]"
                            r"|\([A-Za-z][^()]{0,39}\))\s*\**:", re.IGNORECASE)
# The brackets a note to the drafter is typed in, which a sentence never ends inside.
NOTE_BRACKETS = (("[", "]"), ("<<", ">>"), ("⟨", "⟩"), ("⟦", "⟧"), ("{{", "}}"), ("【", "】"))
NOTES_HEADING = re.compile(r"\b(?:notes?|guidance|instructions?|delete[sd]?|deletion|suggested|prompts?)\b",
                           re.IGNORECASE)
QUESTION_NUMBER = re.compile(r"(?:Q|Question\s*)?\d{1,3}(?:\.\d{1,3})*[a-z]?[.):]?", re.IGNORECASE)
# A sentence that is all an aside: "(added by RT - not one of the Minister's headline questions)".
ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
LEADING_LABEL = re.compile(r"[^:;.\[\]<>]{1,60}:\s+(?=\S)")


# What may come before a note: a list's mark or a paragraph's number.
NOTE_LEAD = re.compile(r"[\s>*_#•·\-–—(]*(?:\d+(?:\.\d+)*[.)]?\s+)?")


def drafting_notes(pack, text: str) -> str:
    """The sentence's notes to the plan's authors: all of it when a note opens it ("Note from JM: add
    how …", or after a field's label, "Monitoring: [to add]"), else its blanks ("Effects will be measured
    through [Performance team: add measures]"), not the council's own words around them."""
    spans = [m.span() for m in pack.placeholders.finditer(text)]
    lead = NOTE_LEAD.match(text).end()
    label = LEADING_LABEL.match(text, lead)
    if spans and spans[0][0] <= (label.end() if label else lead):
        return text
    return " … ".join(text[start:end] for start, end in spans)


# A note asking for more of what the text gives concedes that some is there: "[add the other workstreams
# when agreed]", "[further KPIs to follow]".
MORE_OF = re.compile(r"\b(?:other|more|further|remaining|additional|extra|rest\s+of)\b", re.IGNORECASE)


def notes_asking_for_what_lacks(pack, text: str) -> str:
    """The sentence's notes to the authors (see drafting_notes) where they ask for something the plan
    lacks, not for more of what it gives; else ""."""
    notes = drafting_notes(pack, text)
    return "" if MORE_OF.search(notes) else notes


ENUMERATOR = re.compile(r"\(?(?:[A-Za-z]?\d{1,3}(?:\.\d{1,3})*|[A-Za-z])\)?\.?|"
                        # Or a part of the document named with its number: "THEME 3. Your plans to reduce …".
                        r"(?:theme|section|part|question|chapter|annex|appendix)\s+(?:\d{1,3}(?:\.\d{1,3})*|[A-Z])\.",
                        re.IGNORECASE)


# A change tracked in the text itself, as a draft shows it once printed or saved as text:
# "[inserted: in 2023/24]" is the text, "[deleted: 7.2%]" is not; likewise CriticMarkup's
# "{++in 2023/24++}", "{--7.2%--}", "{~~7.2%~>6.8%~~}" and its comments "{>>check this<<}".
TRACKED_INSERTION = re.compile(r"\[(?:inserted|added)\s*:\s*([^\[\]]*)\]|\{\+\+(.*?)\+\+\}|\{~~.*?~>(.*?)~~\}",
                               re.IGNORECASE)
TRACKED_DELETION = re.compile(r"\s*(?:\[(?:deleted|removed)\s*:\s*[^\[\]]*\]|\{--.*?--\}|\{>>.*?<<\})", re.IGNORECASE)


def settle_changes(text: str) -> str:
    """The sentence with the changes tracked in its text made: insertions kept, deletions gone."""
    if "[" not in text and "{" not in text:
        return text
    text = TRACKED_INSERTION.sub(lambda m: next(g for g in m.groups() if g is not None), text)
    return TRACKED_DELETION.sub("", text).strip()


def split_sentences(text: str) -> list[str]:
    """Split a block's text into sentences, keeping "e.g." and initials intact."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        candidate = text[start:match.end()].strip()
        if ABBREVIATION_END.search(candidate) or ENUMERATOR.fullmatch(candidate):
            continue  # "e.g." goes on; "9." and "A4." number the sentence that follows
        if any(candidate.count(opening) > candidate.count(closing) for opening, closing in NOTE_BRACKETS + (("(", ")"),)):
            continue  # a note to the drafter runs on: "[HR to add: time spent. Use the report.]", "(Use LG Inform? Check.)"
        if candidate:
            pieces.append(candidate)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _stem(token: str) -> str:
    if len(token) > 5:
        for suffix in ("ing", "ed", "es", "e", "s"):
            if token.endswith(suffix):
                return token[:-len(suffix)]
    return token


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """Words folded so that "How we have transformed" and "How you have transformed" compare equal.

    Remembered: every pack's prompt index folds the same sentences, each more than once.
    """
    folded = []
    for token in TOKEN.findall(text.lower()):
        replacement = PERSON_WORDS.get(token, token)
        if replacement is not None:
            folded.append(_stem(replacement))
    return tuple(folded)


def shingles(words, size: int = SHINGLE) -> set[tuple[str, ...]]:
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1 << 16)
def asks_word(word: str, asked: frozenset[str]) -> bool:
    """Whether a folded word is one of a question's, in another form: "logged" of "log", "costs" of "cost".
    (Remembered: every sentence near a question is compared with its words.)"""
    return word in asked or any(len(a) >= 3 and (word.startswith(a) or a.startswith(word) and len(word) >= 3)
                                for a in asked)


# A question asked for a yes or a no opens with its verb: "Are these barriers consistent …?". ("Are there
# opportunities …?" asks which there are, and "if so, how useful …" asks how.)
POLAR_QUESTION = re.compile(r"^\W*(?:are|is|was|were|do|does|did|can|could|have|has|had|will|would|should|shall)\b"
                            r"(?!\s+there\b)", re.IGNORECASE)
WH_WORD = re.compile(r"\b(?:how|what|which|where|when|why|who|whom)\b", re.IGNORECASE)


def _polar(prompt: str) -> bool:
    """Whether every question of the prompt asks for a yes or a no."""
    questions = [re.split(r"[.!]\s+", q)[-1] for q in re.split(r"(?<=\?)", prompt) if "?" in q]
    return bool(questions) and all(POLAR_QUESTION.match(q) and not WH_WORD.search(q) for q in questions)


def _unnumbered_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a text, without the number a question opens with: "4.4 What would you need to
    remove them?" copies the letter as much as the question alone does. (A numbered heading keeps its
    number: "4. Reducing wasteful spend" is the plan's own section, not the letter's words.)"""
    return tokens(PARAGRAPH_NUMBER.sub("", text, count=1) if "?" in text else text)


class PromptIndex:
    """The regime's own wording, to recognise it when a draft copies it."""

    def __init__(self, prompts: list[str], threshold: float = 0.6):
        self.threshold = threshold
        self.by_prompt = [shingles(tokens(p)) for p in prompts]
        words = [set(TOKEN.findall(p.lower())) for p in prompts]
        # Only an instruction ("the plan must be uploaded") can be turned into a statement that it was.
        self.tenses = [TENSE_WORDS & w if w & INSTRUCTION_WORDS else None for w in words]
        self.all = set().union(*self.by_prompt) if self.by_prompt else set()
        self.words = set().union(*words) if words else set()
        # A question's words, for a statement that only turns it round (see restated).
        # (A yes-or-no question is answered by its statement: "These barriers are broadly consistent across our
        # services" answers "Are these barriers consistent across multiple services?".)
        self.question_words = [frozenset(tokens(p)) if "?" in p and not _polar(p) else frozenset() for p in prompts]

    def overlap(self, text: str) -> float:
        """Share of the text's word triples that appear in the prompts."""
        own = shingles(_unnumbered_tokens(text))
        if not own:
            return 0.0
        return len(own & self.all) / len(own)

    def similarity(self, text: str, prompt_index: int) -> float:
        own = shingles(_unnumbered_tokens(text))
        if not own:
            return 0.0
        return len(own & self.by_prompt[prompt_index]) / len(own)

    def asks_others(self, text: str, prompt_index: int, share: float = 0.8) -> bool:
        """Whether the text also copies another of the regime's questions, one the prompt at
        ``prompt_index`` does not hold: the letter's workforce questions pasted as one paragraph ask
        the percentages as well as the value for money."""
        own = shingles(_unnumbered_tokens(text))
        mine = self.by_prompt[prompt_index]
        return any(n != prompt_index and other and len(other & own) >= share * len(other)
                   and len(other & mine) < share * len(other)
                   for n, other in enumerate(self.by_prompt))

    def is_prompt(self, text: str) -> bool:
        """Mostly the regime's words, with too little of the writer's own left over to be an answer.

        "We have transformed the way we design and deliver services" is a
        prompt; the same words followed by "by merging eleven departments
        into four" are an answer that echoes it.
        """
        # A label that says whose words follow is no answer either: "Theme 4 of the Minister's letter:
        # the barriers preventing progress that the Government can help to reduce or remove."
        label = LETTER_LABEL.match(text)
        if label and self.is_prompt(text[label.end():]):
            return True
        words = _unnumbered_tokens(text)
        if len(words) < SHINGLE or self.overlap(text) < self.threshold:
            return False
        covered = [False] * len(words)
        for start in range(len(words) - SHINGLE + 1):
            if tuple(words[start:start + SHINGLE]) in self.all:
                covered[start:start + SHINGLE] = [True] * SHINGLE
        if covered.count(False) >= max(OWN_WORDS_FOR_AN_ANSWER, len(words) // 4) or self.says_it_is_done(text):
            return False
        # A name of the writer's own is an answer, however few its words: "We log and report the time and
        # money spent on EDI-related activity in Oracle HR."
        names = self.names_of_its_own(text)
        return not any(not seen and word in names for word, seen in zip(words, covered))

    def names_of_its_own(self, text: str) -> set[str]:
        """The folded words of the names a text uses that the regime's words do not ("Oracle HR")."""
        return set(tokens(" ".join({word.lower() for word in NAME_WORD.findall(text)} - self.words)))

    def restated(self, text: str, prompt_index: int) -> bool:
        """Whether a statement is the regime's question turned into a statement, adding next to nothing
        ("We measure productivity in our organisation in a number of ways", of "How do you measure
        productivity in your organisation?").

        Whether what it adds answers the question is for the caller: "We measure productivity through
        unit costs" adds two words, and they are the answer.
        """
        if text.rstrip().endswith("?"):
            return False
        asked = self.question_words[prompt_index]
        words = [w for w in tokens(POINTS_TO_ITS_ANSWER.sub(" ", text)) if w not in GRAMMAR_WORDS]
        shared = [w for w in words if asks_word(w, asked)]
        own = [w for w in words if not asks_word(w, asked)]
        return len(shared) >= 2 and len(own) <= OWN_WORDS_OF_A_RESTATEMENT and not any(w[0].isdigit() for w in own)

    def says_it_is_done(self, text: str) -> bool:
        """The regime's instruction turned into the council's own statement of what it did or will do.

        "The plan must also be uploaded to your website so that residents can see it" is the
        letter; "The plan will be uploaded to our website so that residents can see it" is the
        council saying it will, in the same words but another tense.
        """
        if text.rstrip().endswith("?"):
            return False
        tenses = TENSE_WORDS.intersection(TOKEN.findall(text.lower()))
        if not tenses:
            return False
        own = shingles(tokens(text))
        echoed = [n for n, prompt in enumerate(self.by_prompt) if own & prompt]
        return bool(echoed) and all(self.tenses[n] is not None and tenses - self.tenses[n] for n in echoed)


@dataclass
class Sentence:
    """A sentence of a block, and what the analysis knows of it."""

    text: str
    block: Block
    block_index: int
    index: int = 0
    prompt: bool = False
    placeholder: bool = False
    furniture: bool = False
    # Said of the document itself, as a document-control table's rows are ("Approved by | Cabinet").
    about_document: bool = False
    # Notes (footnotes, endnotes) the sentence cites: they belong to what it says.
    notes: tuple[str, ...] = ()
    # A note that a sentence cites: read there, with its sentence, not again on its own.
    cited_note: bool = False

    @property
    def own(self) -> bool:
        """The council's own words: not a copied prompt, drafting filler, page furniture or a cited note."""
        return not self.prompt and not self.placeholder and not self.furniture and not self.cited_note

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def read_with_notes(self) -> str:
        """The sentence as a reader takes it in: with the notes it cites."""
        return " ".join((self.text,) + self.notes) if self.notes else self.text


@dataclass
class Evidence:
    """Where a finding is: page, section path and a short quote."""

    page: int | None
    page_exact: bool
    section: str
    quote: str
    location: str = ""
    line: int = 1

    def as_dict(self) -> dict:
        return {"page": self.page, "page_exact": self.page_exact, "section": self.section,
                "quote": self.quote, "location": self.location, "line": self.line}


def _squeezed_position(text: str, position: int) -> int:
    """Where ``position`` of ``text`` goes in ``text`` with each run of white space made one space
    and the ends stripped (so a span found in the original still points at its words): a
    character keeps its place among the words; white space goes to the character after its run."""
    if position < len(text) and text[position].isspace():
        position += 1
    before = text[:position]
    words = before.split()
    squeezed = len(" ".join(words)) + (1 if words and before[-1].isspace() else 0)
    return min(squeezed, len(" ".join(text.split())))


def _cut(text: str, start: int, end: int) -> str:
    """``text[start:end]`` moved inwards to whole words, with "…" where text was left out."""
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, end)
        start = space + 1 if space != -1 else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start > 0 else "") + text[start:end].strip(" ,;:") + ("…" if end < len(text) else "")


def quote(text: str, focus: int | None = None, limit: int = QUOTE_LIMIT,
          span: tuple[int, int] | None = None) -> str:
    """At most ``limit`` characters of ``text``, never cut inside a word.

    A long text is quoted from its start, unless that would leave out what
    matters: ``span`` (start, end), the words that matched, which are then
    shown with some of what comes before them; or ``focus``, a position to
    show.
    """
    # White space squeezed: str.split splits where str.isspace says.
    squeezed = " ".join(text.split())
    if len(squeezed) <= limit:
        return squeezed
    if span is not None:
        first = _squeezed_position(text, max(0, min(span[0], len(text))))
        last = _squeezed_position(text, max(0, min(span[1], len(text))))
    elif focus is not None:
        first = last = _squeezed_position(text, max(0, min(focus, len(text))))
    else:
        first = last = 0
    room = limit - 2
    if last <= room * 2 // 3:
        # The match and what follows it fit from the start: quote from there.
        return _cut(squeezed, 0, room + 1)
    # Some context before the match, then the match, as far as the room allows.
    start = max(0, min(max(first - limit // 4, last - room), first, len(squeezed) - room))
    return _cut(squeezed, start, start + room)


def evidence_for(block: Block, text: str | None = None, focus: int | None = None,
                 span: tuple[int, int] | None = None) -> Evidence:
    """Evidence quoting ``text`` (the block's text by default), around ``focus`` or the matched ``span``."""
    return Evidence(page=block.page, page_exact=block.page_exact,
                    section=" › ".join(block.section[-2:]) if block.section else "",
                    quote=quote(text if text is not None else block.text, focus, span=span),
                    location=block.location, line=block.line)


# Page furniture, in any format: contents lines with dot leaders and a page
# number ("Barriers and our asks ....... 4"), and page-number lines ("Page 3 of 4").
TOC_LINE = re.compile(r"^\S.{0,150}?(?:\.{3,}|…+|(?:\s\.){3,}|_{3,}|\t)\s*\d{1,3}\s*$")
PAGE_MARK = re.compile(r"\bpage\s+\d{1,3}(?:\s+of\s+\d{1,3})?\b|^\W*\d{1,3}\W*$", re.IGNORECASE)
CONTENTS_HEADING = re.compile(r"^\W*(?:table\s+of\s+)?contents\W*$", re.IGNORECASE)
RUNNING_LINE_WORDS = 14
# A line drawn with characters, as a plain-text export sets a header apart: "-----", "=====", "_____".
RULE_LINE = re.compile(r"[-–—_=*·]{5,}")
NOTE_PARTS = (FOOTNOTE, ENDNOTE)
DIGITS = re.compile(r"\d+")
# Specifics: figures, dates, acronyms and names are what separate an answer from a generality.
# Figures, in digits or words ("twelve weeks"; not "one", too often a pronoun).
FIGURE_MARK = re.compile(r"\d|£|%|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                         r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                         r"eighty|ninety|hundred|thousand|dozen)\b", re.IGNORECASE)
def asks(text: str) -> bool:
    """Whether a sentence is a question, whatever closes it: "… for more than a year?**", "(… ?)"."""
    return text.rstrip(" )]”\"'*_").endswith("?")


# A label saying whose words follow: "Theme 4 of the Minister's letter:".
LETTER_LABEL = re.compile(r"^\W*[^:.]{0,60}\b(?:letter|minister|theme\s+\d|the\s+government\s+asks?)\b[^:.]{0,40}:\s*",
                          re.IGNORECASE)
# A title line: short, and with no verb of its own ("Westmere County Council – Productivity Plan 2024").
TITLE_LINE_WORDS = 12
VERB_LIKE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|sets|set\s+out|shows|"
                       r"describes|explains|\w+ed\s+(?:by|to|on|in))\b", re.IGNORECASE)
# Words in a line that introduces copied questions: "Questions from the letter:".
PROMPT_LEAD_IN_WORDS = 8
# A reply that opens by denying what it was asked ("No: …", "We have not …").
NEGATIVE_REPLY = re.compile(r"\W*(?:no|not|none|never|nil|we\s+(?:have|do|did|are|will)\s+not|we\s+(?:haven|don|didn|aren|won)[’']t)\b",
                            re.IGNORECASE)
# A stretch of time in the letter's words: "over the next two years", "the last fourteen years".
TIME_SPAN = re.compile(r"\b(?:next|last|past|coming|previous|recent)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|"
                       r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|few)\s+(?:years?|months?)\b",
                       re.IGNORECASE)
# A pointer to a part of the document ("see section 3", "paragraphs 4.2 to 4.5", "Appendix B"): its number
# or letter is no figure and no name. (A statute's sections run to three digits: "the Section 151 Officer",
# "Section 106 agreements" are specific.)
CROSS_REFERENCE = re.compile(r"\b(?:sections?|paragraphs?|paras?|pages?|appendix|appendices|annex(?:es)?|chapters?|"
                             r"parts?|tables?|questions?)\s+(?:\d{1,2}(?:\.\d+)*[a-z]?|[A-Z])\b"
                             r"(?:\s*(?:,|and|or|to|-|–)\s*(?:\d{1,2}(?:\.\d+)*[a-z]?|[A-Z])\b)*", re.IGNORECASE)
# A paragraph lettered or numbered by hand as an item: "(a) …", "b) …", "(iii) …", "2) …".
ENUMERATED_PARAGRAPH = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+\S", re.IGNORECASE)
# A paragraph number with a dot ("4.4 ", "3. ", "A2.1 ") or a bracketed letter ("(b) "): never a figure in
# the text. ("12 EDI champions …" opens with a count, not a number of its paragraph.)
DOTTED_NUMBER = re.compile(r"^\s*(?:\d+\.\d+(?:\.\d+)*\.?|\d+\.|[A-Za-z]\d+(?:\.\d+)*\.?|\(?[a-z]\))\s+")
PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[A-Za-z]\d+(?:\.\d+)*|\(?[a-z]\))[.):]?\s+")
# The path of a web address, after its site: "thornleigh.gov.uk/productivity" names a page, and says
# nothing of productivity. (The site stays: that the plan is on a website is said by it.)
WEB_PATH = re.compile(r"(?<=[a-z0-9])(\.(?:gov|org|co|ac|nhs|police)\.uk|\.(?:com|org|net|uk|gov|info))"
                      r"/[^\s)\]>\"',;]*[^\s)\]>\"',;.]", re.IGNORECASE)
# A word as ``\w`` runs in an ASCII text (see terms.word_starts).
WORD = re.compile(r"[a-z0-9_]+")
ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
CAPITALISED = re.compile(r"(?<=[a-z,;:)]\s)[A-Z][a-z]+")


class Analysis:
    """One document's sentences, sections and their properties, worked out once for a pack."""

    def __init__(self, document: Document, prompts: PromptIndex, pack=None):
        self.document = document
        # The document as its author made it, for checks of its structure (heading levels, tables).
        self.source = document
        self.prompts = prompts
        self.pack = pack
        self.sentences: list[Sentence] = []
        self.block_sentences: dict[int, list[Sentence]] = {}
        self.lead_ins: dict[int, Sentence] = {}
        # Sentence index -> the paragraph's run-in title ("Invest to save."), read as its context.
        self.run_in_titles: dict[int, Sentence] = {}
        # The indexes of sentences that are a paragraph's run-in title: the paragraph's heading.
        self.titles: set[int] = set()
        self.cache: dict = {}
        self.sections, self.section_of = build_sections(document.blocks)

    @classmethod
    def of(cls, document: Document, prompts: list[str] | None = None, placeholders: TermSet | None = None,
           pack=None) -> "Analysis":
        """The analysis of ``document`` for ``pack`` (or, in tests, for bare prompts and placeholders)."""
        if pack is not None:
            prompts = pack.prompts if prompts is None else prompts
            placeholders = pack.placeholders if placeholders is None else placeholders
        # A plan set out as a grid of questions and answers is read as the headings and paragraphs
        # it stands for (see grids); the structure checks read the document as it is, ``source``.
        analysis = cls(unfold(document), PromptIndex(prompts or []), pack)
        analysis.source = document
        document = analysis.document
        furniture = analysis._furniture_blocks()
        cited = {" ".join(note.split()) for block in document.blocks for _, note in block.notes}
        control = getattr(pack, "document_control", None)
        records = _records(document.blocks, control, placeholders) if control is not None else {}
        # The lines over a draft's title ("DRAFT v0.4 - NOT FOR CIRCULATION / Shared with Cabinet members for
        # comment on 28 June 2024") say where the document stands, as a status label does.
        first_heading = next((i for i, b in enumerate(document.blocks) if b.kind == HEADING), 0)
        under_heading = _straight_under_heading(document.blocks)
        for index, block in enumerate(document.blocks):
            about_document = index in records
            if about_document:
                # A document-control table, a sign-off block or a cover line: one statement about
                # the document itself ("Approved by: Cabinet; Date: 9 July 2024").
                # (A route of steps gives each step as a statement of its own.)
                record = records[index]
                texts = record if isinstance(record, list) else [record] if record else []
            elif block.kind == TABLE and block.table is not None:
                texts, asked = [], set()
                for row, text in zip(block.table.rows, block.table.row_texts()):
                    cells = [cell for cell in row if cell]
                    # "How do you measure productivity in your organisation? | TBC | Head of Performance": a
                    # row that opens with the letter's question answers it in its other cells, as a paragraph
                    # that opens with the question does.
                    if len(cells) > 1 and text.startswith(cells[0] + " | ") and \
                            analysis.prompts.is_prompt(cells[0]) and asks(cells[0]):
                        asked.add(len(texts))
                        texts += [cells[0], text[len(cells[0]) + len(" | "):]]
                    else:
                        texts.append(text)
            else:
                texts = [settled for text in split_sentences(block.text) if (settled := settle_changes(text))]
            # "STATUS: Draft for Cabinet. Considered by the Overview and Scrutiny Committee on 2 July 2024":
            # under a document-control label, a sentence that leaves out its subject is about the document.
            label = LABEL.match(block.text) if control is not None and block.kind != HEADING else None
            says_where_it_stands = label is not None and control.matches(label.group(1)) or index < first_heading
            # So does a list item or numbered paragraph set straight under a heading, with no sentence of
            # its own to name a subject: "## 7. Governance" over "- Considered by Cabinet, 11 July 2024" and
            # "- Published on the council's website: wrexley.gov.uk/productivityplan".
            stepwise = not says_where_it_stands and under_heading[index]
            whole_prompt = block.kind == HEADING and analysis.prompts.is_prompt(block.text)
            found = []
            offset = 0
            for text in texts:
                sentence = Sentence(text, block, index, len(analysis.sentences) + len(found))
                sentence.prompt = whole_prompt or analysis.prompts.is_prompt(text)
                sentence.placeholder = bool(placeholders and _is_filler(text, placeholders, block.kind == TABLE))
                sentence.furniture = index in furniture or bool(TOC_LINE.match(text))
                sentence.about_document = about_document or \
                    (says_where_it_stands and ELLIPTICAL_DECISION.match(text) is not None) or \
                    (stepwise and (not found or PARAGRAPH_NUMBER.match(text) is not None)
                     and STEP_ON_THE_DOCUMENT.match(PARAGRAPH_NUMBER.sub("", text, count=1)) is not None)
                sentence.cited_note = block.part in NOTE_PARTS and " ".join(block.text.split()) in cited
                start = block.text.find(text, offset)
                if start >= 0:
                    offset = start + len(text)
                    sentence.notes = tuple(note for at, note in block.notes if start <= at <= offset + 1)
                found.append(sentence)
            for before, note in zip(found, found[1:]):
                # "The Council has strong financial controls. [Finance to add detail.]": a general
                # sentence waiting for its content is part of the draft.
                if note.placeholder and STUB_NOTE.fullmatch(note.text.strip()) and not before.placeholder \
                        and not analysis._specific(before.text):
                    before.placeholder = True
                # "TBC – Performance team. (Possibly use the Oflog explorer and unit costs?)": a question in
                # brackets after a blank is the drafter's, wondering what to put there.
                if before.placeholder and not note.placeholder and note.text.rstrip().endswith("?)") and \
                        ASIDE.fullmatch(note.text.strip()):
                    note.placeholder = True
            if found and found[0].placeholder and block.kind != TABLE and placeholders and \
                    (label := LEADING_LABEL.match(found[0].text)) and placeholders.search(label.group(0).strip(" >*_")):
                # A note under a drafting label runs to the end of its paragraph: "NOTE FOR CLT: this
                # section is currently general. The Minister's questions … are not yet answered".
                for sentence in found:
                    sentence.placeholder = True
            if found and REVIEW_COMMENT.match(block.text):
                # A reviewer's comment printed into the text, as Word prints them ("Comment [JS1]: the
                # minute records 'noted'"), is about the draft, not the council's answer.
                for sentence in found:
                    sentence.placeholder = True
            if found and DRAFTING_NOTE.fullmatch(block.text.strip()):
                # A note to the drafter over several sentences: "<<Digital team: please complete by
                # 5 July. Suggested content – …>>".
                for sentence in found:
                    sentence.placeholder = True
            if block.kind == TABLE and block.table is not None and not about_document:
                for at in asked:
                    analysis.titles.add(found[at].index)
                    analysis.run_in_titles[found[at + 1].index] = found[at]
            analysis.block_sentences[index] = found
            analysis.sentences.extend(found)
        analysis._drafting_sections()
        analysis._prompt_lead_ins()
        analysis._link_lead_ins()
        analysis._title_lines()
        return analysis

    def _title_lines(self) -> None:
        """A line alone that names the plan, with no sentence of its own ("Brantwick Borough Council –
        Productivity Plan 2024 (extract)"), is a title however it is set: a heading in one format, a
        plain paragraph in another, and never an answer."""
        plan = getattr(self.pack, "document_reference", None)
        if plan is None:
            return
        for index, block in enumerate(self.document.blocks):
            sentences = self.block_sentences.get(index, [])
            if block.kind != PARAGRAPH or len(sentences) != 1:
                continue
            text = sentences[0].text.strip(" *_")
            if text and text[-1] not in ".!?:;," and count_words(text) <= TITLE_LINE_WORDS and \
                    plan.matches(text) and not VERB_LIKE.search(text):
                self.titles.add(sentences[0].index)

    def _prompt_lead_ins(self) -> None:
        """A short line that only introduces the letter's questions copied below it ("Questions from
        the letter:", "The Minister asked:") is part of the copy, not the council's answer."""
        blocks = self.document.blocks
        for index, block in enumerate(blocks[:-1]):
            sentences = self.block_sentences.get(index, [])
            if block.kind == HEADING or len(sentences) != 1 or not sentences[0].own or \
                    not sentences[0].text.strip().rstrip("*_ ").endswith(":") or \
                    sentences[0].words > PROMPT_LEAD_IN_WORDS:
                continue
            copied = self.block_sentences.get(index + 1, [])
            if blocks[index + 1].kind != HEADING and copied and all(s.prompt for s in copied):
                sentences[0].prompt = True

    def _drafting_sections(self) -> None:
        """Everything under a heading that is itself drafting ("Officer notes (to be deleted)") is drafting."""
        for section in self.sections:
            if section.heading is None:
                continue
            heading = self.block_sentences.get(section.heading, [])
            title = self.document.blocks[section.heading].text.strip()
            # A heading that says what follows is notes ("Officer notes (to be deleted)", "[Guidance for
            # authors]"); a draft banner ("Draft v0.2 – Finance to complete") leaves the text its own.
            # A note asking for content where it stands ("[Policy team: add a paragraph on capital
            # spending]") marks its own place; the council's text after it is still its own.
            if heading and all(s.placeholder for s in heading) and \
                    ((DRAFTING_NOTE.fullmatch(title) and not STUB_NOTE.fullmatch(title)) or NOTES_HEADING.search(title)):
                for index in section.blocks():
                    for sentence in self.block_sentences.get(index, []):
                        sentence.placeholder = True

    def _furniture_blocks(self) -> set[int]:
        """Blocks that are page furniture: flagged by the reader, a contents list, page numbers,
        or a short line repeated on page after page (a running header or footer)."""
        blocks = self.document.blocks
        found = {i for i, b in enumerate(blocks) if b.furniture}
        for section in self.sections:
            if section.heading is not None and CONTENTS_HEADING.match(section.title):
                found.add(section.heading)
                for index in section.blocks(direct=True):
                    # A contents list ends where running text starts: a web page's "Contents" links
                    # are often followed, with no heading between, by the page's opening paragraphs.
                    if blocks[index].kind == PARAGRAPH and count_words(blocks[index].text) >= PROSE_WORDS \
                            and SENTENCE_CLOSE.search(blocks[index].text):
                        break
                    found.add(index)
        repeats: dict[str, list[int]] = {}
        for index, block in enumerate(blocks):
            words = count_words(block.text)
            # (A grid's answer is a cell's value, however bare: "Number of EDI champions | 9" read as a
            # heading over its answer.)
            answers_a_row = index > 0 and blocks[index - 1].heading_source == "table"
            if words <= RUNNING_LINE_WORDS and PAGE_MARK.search(block.text) and not answers_a_row:
                found.add(index)
            # (A header of two lines may be read as one paragraph, and set between rules on some pages and
            # not others: "LYDGATE DISTRICT COUNCIL | PRODUCTIVITY PLAN 2024 | DRAFT v0.7" over "Cabinet 16
            # July 2024 - Agenda Item 9 - Appendix A", with a line of dashes under it.)
            if words <= 2 * RUNNING_LINE_WORDS and block.kind != TABLE:
                key = " ".join(RULE_LINE.sub(" ", block.text).split()).lower()
                repeats.setdefault(DIGITS.sub("#", key), []).append(index)
        for indexes in repeats.values():
            pages = {blocks[i].page for i in indexes}
            if len(indexes) >= 3 and len(pages) >= 3:
                found.update(indexes)
        return found

    def _link_lead_ins(self) -> None:
        """Give each list item the sentence that introduces its list ("We ask the Government to:"),
        and each table row its table's header row ("Indicator | 2023/24 | Target 2025/26")."""
        lead = None
        heading = None
        for index, block in enumerate(self.document.blocks):
            sentences = self.block_sentences.get(index, [])
            if block.kind == HEADING:
                heading = sentences[0] if sentences else None
            if block.kind == TABLE:
                for sentence in sentences[1:]:
                    self.lead_ins[sentence.index] = sentences[0]
                # The table itself is read with what introduces it, as a list is: the sentence
                # leading into it ("Over the next two years we will:"), or else a heading right above
                # it ("Table 5. What we will do in 2024/25 and 2025/26").
                if sentences and not sentences[0].about_document:
                    if lead is not None:
                        self.lead_ins[sentences[0].index] = lead
                    elif index and self.document.blocks[index - 1].kind == HEADING and \
                            self.block_sentences.get(index - 1):
                        # (A caption's label is its first sentence: "Table 5.")
                        self.run_in_titles[sentences[0].index] = self.block_sentences[index - 1][-1]
                lead = None
            elif block.kind == LIST_ITEM:
                if lead is not None:
                    for sentence in sentences:
                        self.lead_ins[sentence.index] = lead
                elif heading is not None and sentences:
                    # A list with no sentence to introduce it is introduced by its heading: under
                    # "What would help us", "A multi-year settlement." is an ask.
                    self.run_in_titles[sentences[0].index] = heading
                self._link_run_in_title(sentences)
            elif block.kind == HEADING:
                lead = None
            elif lead is not None and ENUMERATED_PARAGRAPH.match(block.text):
                # "We ask Government to:" over "(a) uprate the subsidy;" "(b) give councils …": items
                # lettered by hand as paragraphs are a list, whatever the format made of them.
                for sentence in sentences:
                    self.lead_ins[sentence.index] = lead
            else:
                self._link_run_in_title(sentences)
                last = sentences[-1] if sentences else None
                lead = last if last is not None and last.text.rstrip(" -–").endswith(":") else None
                # A paragraph that only asks stands over the list after it as a heading would: under
                # "Where have you followed invest to save?", "**What percentage of total staff budget …?**"
                # over "a) Agency: …" is what that list answers.
                if sentences and all(asks(sentence.text) for sentence in sentences):
                    heading = sentences[-1]

    def _link_run_in_title(self, sentences: list[Sentence]) -> None:
        """A paragraph that opens with a title of its own ("Invest to save. In 2022 we spent £1.8m…")
        is read with that title, as a section is with its heading."""
        if len(sentences) < 2:
            return
        first = PARAGRAPH_NUMBER.sub("", sentences[0].text.strip(), count=1)
        # So does one that opens with the question it answers: "**Q22. What do you need from
        # government?** Multi-year settlements; …".
        # ("Spending on consultants is minimal." says something: a title only names, though it may name
        # with a clause, "What would help us.")
        if not ((RUN_IN_TITLE.fullmatch(first) and not (VERB_LIKE.search(first) and not WH_TITLE.match(first))) or
                RUN_IN_CLAUSE_TITLE.fullmatch(first) or
                (asks(first) and count_words(first) <= RUN_IN_QUESTION_WORDS) or MEETING_TITLE.fullmatch(first)):
            return
        self.titles.add(sentences[0].index)
        for sentence in sentences[1:]:
            self.run_in_titles[sentence.index] = sentences[0]

    def is_title(self, sentence: Sentence) -> bool:
        """Whether a sentence is a paragraph's run-in title ("4.2 Agency and consultants."): a heading,
        which names what the paragraph answers but is no answer or discussion by itself."""
        return sentence.index in self.titles

    def introduces_table(self, sentence: Sentence) -> bool:
        """Whether a sentence is the caption of the table after it ("The table below shows our spending
        on agency staff and consultants."): it says what the table holds, and the table says it."""
        blocks = self.document.blocks
        following = sentence.block_index + 1
        if following >= len(blocks) or blocks[following].kind != TABLE:
            return False
        own = self.block_sentences.get(sentence.block_index, [])
        return bool(own) and own[-1] is sentence and bool(CAPTION.search(sentence.text))

    def context(self, sentence: Sentence, titles: bool = False) -> list[Sentence]:
        """The sentence, preceded by what it refers back to (see _context); remembered, since the
        statement checks ask it of every sentence for each statement."""
        key = ("context", sentence.index, titles)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._context(sentence, titles)
        return list(found)

    def _context(self, sentence: Sentence, titles: bool = False) -> list[Sentence]:
        """The sentence, preceded by what it refers back to.

        A list item is read with the sentence that introduces its list, and a
        sentence opening with "It", "This" or "They" with the sentence before
        it in the same paragraph ("The plan was endorsed by Cabinet. It will
        be published on our website."). With ``titles``, a sentence of a
        paragraph that opens with a run-in title ("Invest to save. In 2022 we
        spent…") is read with the title too.
        """
        found = [sentence]
        # "This plan answers the letter. Where an answer is still being prepared, the gap is marked.
        # The Executive is asked to endorse it …": the "it" a decision is taken on may be named two
        # sentences back in its paragraph, past a sentence that names no document.
        # A sentence between that names a document of its own ("The budget was set in February") is
        # what "it" means.
        # So may the "It" a sentence opens with: "This plan was approved by the committee on 2 July. Members
        # spoke on the item. It will be published on the Council's website."
        own_opening = PARAGRAPH_NUMBER.sub("", sentence.text, count=1)
        object_pronoun = OBJECT_PRONOUN.search(own_opening) is not None or \
            PRONOUN_OPENING.match(own_opening) is not None
        # Follow the chain back a step or two: "This plan was presented to Cabinet. It will be
        # submitted by 19 July. A copy will be placed on the website."
        for step in range(BACK_REFERENCES):
            current = found[0]
            title = self.run_in_titles.get(current.index) if titles else None
            if title is not None and not (title.placeholder or title.furniture):
                # A title may echo the letter's words ("Invest to save."): it names what follows.
                found.insert(0, title)
                continue
            lead = self.lead_ins.get(current.index)
            opening = PARAGRAPH_NUMBER.sub("", current.text, count=1)
            if lead is not None and current.block.kind == LIST_ITEM and current.index > 0 and \
                    PRONOUN_OPENING.match(opening) and current is self.block_sentences[current.block_index][0]:
                # "1. The plan was considered by the Scrutiny Panel on 4 July. / 2. It will be put to Full
                # Council on 17 July for approval": an item opening with "It" carries the subject of the
                # item before it in its list.
                previous = self.sentences[current.index - 1]
                if previous.block.kind == LIST_ITEM and previous.block_index != current.block_index and \
                        self.lead_ins.get(self.block_sentences[previous.block_index][0].index) is lead:
                    lead = previous
            if lead is None and (REFERS_BACK.match(opening) or OBJECT_PRONOUN.search(opening)
                                 or DECISION_BACK.search(opening)
                                 or (object_pronoun and step > 0 and not DOCUMENT_NOUN.search(current.text))) \
                    and current.index > 0:
                previous = self.sentences[current.index - 1]
                # "This plan sets out … [Route for sign-off TBC.] It will be published …": a drafting
                # note between is stepped over.
                while previous.placeholder and previous.index > 0 and \
                        self.sentences[previous.index - 1].block_index == previous.block_index == current.block_index:
                    previous = self.sentences[previous.index - 1]
                # "9.1 Cabinet approved the plan on 9 July. / 9.2 It will be published on our
                # website.": a paragraph of one section opening with "It" or "They" carries the
                # subject of the one before ("This plan…" names its own).
                follows = previous.block_index == current.block_index or (
                    previous.block.kind == current.block.kind and current.block.kind in (PARAGRAPH, LIST_ITEM)
                    and (PRONOUN_OPENING.match(opening) or DECISION_BACK.search(opening))
                    and self.section_of[previous.block_index] == self.section_of[current.block_index])
                lead = previous if follows else None
            if lead is None and (current is sentence or self.lead_ins.get(sentence.index) is current):
                # A decision, or the item of a list of decisions under "RESOLVED:", is read with the
                # record of who made it.
                lead = self.decision_record(sentence)
                if lead is not None and any(lead is s for s in found):
                    lead = None
            if lead is not None and not lead.own and lead.placeholder and step == 0:
                # "This plan was [approved / endorsed] by [Cabinet] on [date]. It will be published…":
                # the unfinished sentence says nothing, but it still says what "it" is.
                self.cache[("unfinished-antecedent", sentence.index, titles)] = lead
            # A lead-in in the letter's words still says what its list is: "Over the next two years we
            # plan to:" over the council's own plans.
            introduces = lead is not None and lead is self.lead_ins.get(current.index) and lead.prompt and \
                not (lead.placeholder or lead.furniture)
            if lead is None or not (lead.own or introduces):
                break
            found.insert(0, lead)
        return found

    def unfinished_antecedent(self, sentence: Sentence) -> Sentence | None:
        """The drafting sentence that the sentence's "It" or "This" points back to, when its context
        stops there: it lends the sentence only what it refers to, never what it states."""
        self.context(sentence)
        return self.cache.get(("unfinished-antecedent", sentence.index, False))

    def decision_record(self, sentence: Sentence) -> Sentence | None:
        """The record of who decided, for a decision written without its maker ("To approve the
        plan for submission", under a record whose "Decision maker" is a councillor): the nearest
        record before it that names who decided. None for any other sentence."""
        if not RESOLUTION.match(PARAGRAPH_NUMBER.sub("", sentence.text, count=1)):
            return None
        key = ("decision-record", sentence.index)
        if key not in self.cache:
            self.cache[key] = self._decision_record(sentence)
        return self.cache[key]

    def _decision_record(self, sentence: Sentence) -> Sentence | None:
        # Where records and minutes' titles are, found once: a plan of 300 pages has hundreds of "To …".
        places = self.cache.get("decision-places")
        if places is None:
            places = self.cache["decision-places"] = (
                [s.index for s in self.sentences if s.about_document and DECIDED_BY.search(s.text)],
                [s.index for s in self.sentences if MINUTES_TITLE.search(s.text)])
        records, titles = places
        before = bisect_left(records, sentence.index)
        if before:
            return self.sentences[records[before - 1]]
        # A minute whose title names its meeting: "**Full Council, 16 July 2024, Minute 19.** RESOLVED that
        # the plan be approved" was decided by Full Council, whatever the minutes' heading.
        title = self.run_in_titles.get(sentence.index)
        if title is not None and MEETING_TITLE.fullmatch(PARAGRAPH_NUMBER.sub("", title.text.strip(), count=1)):
            return title
        # Minutes: "RESOLVED – That the plan be approved" under "Extract from the minutes of
        # Cabinet, 16 July 2024" was decided by the meeting its heading names.
        section = self.sections[self.section_of[sentence.block_index]]
        while section is not None:
            heading = self.document.blocks[section.heading].text if section.heading is not None else None
            # ("Cabinet, 3 July 2024 - Productivity Plan" over "RESOLVED: (1) That the draft plan be endorsed".)
            if heading is not None and (MEETING_RECORD.search(heading) or MEETING_HEADING.match(heading.strip())):
                return next(iter(self.block_sentences.get(section.heading, [])), None)
            section = self.sections[section.parent] if section.parent is not None else None
        # Or the minutes' own title above the item: "MINUTES OF THE MEETING OF CABINET HELD ON 9 JULY 2024".
        before = bisect_left(titles, sentence.index)
        return self.sentences[titles[before - 1]] if before else None

    def named_before_clause_it(self, concept: TermSet, sentence: Sentence) -> bool:
        """Whether a clause of the sentence that opens with "it" refers to ``concept``, named before it in
        the sentence, negated there or not: "Members have not yet approved the plan; it will go to Cabinet
        on 16 July for approval" says the plan will go to Cabinet."""
        text = sentence.read_with_notes
        named = concept.search(text)
        return named is not None and CLAUSE_IT.search(text, named.end()) is not None

    def whole_of_it(self, sentence: Sentence, text: str, whole: TermSet, amounts) -> str:
        """``text`` (the sentence's) with its "of it" named as the whole the sentence before gives, where
        that sentence names ``whole`` and ``amounts`` finds its amount in it: "The total staff budget for
        2023/24 was £158m. One in every twenty pounds of it went on agency staff." """
        if not OF_IT.search(text) or whole.matches(text):
            return text
        before = self.preceding(sentence, 1)
        named = whole.search(before[0].text) if before else None
        return OF_IT.sub(f"of the {named.group(0)}", text, count=1) if named and amounts(before[0].text) else text

    def preceding(self, sentence: Sentence, count: int) -> list[Sentence]:
        """Up to ``count`` of the council's own sentences just before ``sentence`` in its paragraph."""
        found = []
        for index in range(sentence.index - 1, max(-1, sentence.index - 1 - count), -1):
            before = self.sentences[index]
            if before.block_index != sentence.block_index or not before.own:
                break
            found.append(before)
        return found

    def has(self, concept: TermSet, sentence: Sentence) -> bool:
        """Whether ``concept`` occurs in ``sentence`` (or the notes it cites); remembered, since many rules ask."""
        key = (id(concept), sentence.index)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = concept.matches(self._unnumbered(sentence))
        return found

    def holding(self, concept: TermSet) -> frozenset[int]:
        """The indexes of the sentences that hold ``concept`` (those for which :meth:`has` is true).

        Worked out once per concept, from the words of the document (see _words): a sentence can
        hold it only where one of its words begins with one of the concept's word starts (see
        terms.word_starts), so only those sentences, and any not in ASCII, are searched. Rules
        that look for a concept's company in every passage look only where it is.
        """
        key = ("holding", id(concept))
        found = self.cache.get(key)
        if found is None:
            starts = concept.word_starts
            sentences = self.sentences
            if starts is None:
                candidates = range(len(sentences))
            else:
                words, where, others = self._words()
                candidates = set(others)
                for start in starts:
                    at = bisect_left(words, start)
                    while at < len(words) and words[at].startswith(start):
                        candidates.update(where[words[at]])
                        at += 1
                candidates = sorted(candidates)
            found = self.cache[key] = frozenset(i for i in candidates if self.has(concept, sentences[i]))
        return found

    def _words(self) -> tuple[list[str], dict[str, list[int]], list[int]]:
        """The document's words as :meth:`has` reads its sentences, in lower case and sorted, with the
        indexes of the sentences holding each; and the sentences not in ASCII, which any concept
        may match (see terms.TermSet._cannot_match)."""
        found = self.cache.get("words")
        if found is None:
            where: dict[str, list[int]] = {}
            others = []
            for sentence in self.sentences:
                text = self._unnumbered(sentence)
                if not text.isascii():
                    others.append(sentence.index)
                    continue
                for word in set(WORD.findall(text.lower())):
                    where.setdefault(word, []).append(sentence.index)
            found = self.cache["words"] = (sorted(where), where, others)
        return found

    def _unnumbered(self, sentence: Sentence) -> str:
        """The sentence (with its notes) without a paragraph's number: "4.4 Equality, diversity and
        inclusion is embedded…" holds no count. Worked out once per sentence, not per concept."""
        key = ("unnumbered", sentence.index)
        text = self.cache.get(key)
        if text is None:
            text = self.cache[key] = WEB_PATH.sub(r"\1", DOTTED_NUMBER.sub("", sentence.read_with_notes, count=1))
        return text

    def asserts(self, concept: TermSet, sentence: Sentence, facts_only: bool | str = False,
                instructions: bool = True) -> bool:
        """Whether ``sentence`` uses ``concept`` outside a negation ("we have not yet agreed KPIs"),
        outside what the letter is reported to have asked (unless ``instructions`` is false) and,
        with ``facts_only``, outside a hedge ("it should be approved")."""
        if not self.has(concept, sentence):
            return False
        key = ("asserts", id(concept), sentence.index, facts_only, instructions)
        found = self.cache.get(key)
        if found is None:
            text = sentence.read_with_notes
            found = self.cache[key] = any(asserted(text, m.start(), facts_only, instructions)
                                          for m in concept.finditer(text))
        return found

    def own_sentences(self):
        """The council's own sentences of running text (and its statements about the document)."""
        for sentence in self.sentences:
            if sentence.own and (sentence.block.kind != HEADING or sentence.about_document):
                yield sentence

    # ------------------------------------------------------------ sections

    def section_sentences(self, section: Section, direct: bool = False) -> list[Sentence]:
        """The council's own sentences in a section (headings and furniture left out)."""
        return [s for i in section.blocks(direct) for s in self.block_sentences.get(i, [])
                if s.own and s.block.kind != HEADING]

    def section_at(self, sentence: Sentence) -> Section:
        return self.sections[self.section_of[sentence.block_index]]

    def theme_sections(self, theme: str) -> list[Section]:
        """The sections whose own text answers ``theme`` (in document order)."""
        assigned = self.cache.get("assigned_themes")
        if assigned is None:
            assigned = self.cache["assigned_themes"] = assign_themes(self, self.pack)
        return [self.sections[n] for n, name in sorted(assigned.items()) if name == theme]

    def asks_as_a_heading(self, sentence: Sentence) -> bool:
        """Whether the sentence's paragraph is nothing but questions, introduced by nothing: "How do
        you assess value for money on agency staff and consultants?" set over the answer below it,
        as a heading would be. Like a heading, it names a subject without discussing it."""
        return sentence.index not in self.lead_ins and self.question_paragraph(sentence.block_index)

    def asked_over(self, sentence: Sentence) -> list[Sentence]:
        """The question a heading asks, for an elliptical reply in the first paragraph under it: "How
        often do you share data with other organisations?" over "Weekly with South Thorne Police on
        anti-social behaviour". A reply that opens by denying ("No", "Not yet") is left alone."""
        section = self.sections[self.section_of[sentence.block_index]]
        if section.heading is None or section.heading + 1 != sentence.block_index or \
                sentence.block.kind == TABLE or NEGATIVE_REPLY.match(sentence.text):
            return []
        asked = self.block_sentences.get(section.heading, [])
        return asked if asked and asks(asked[-1].text) else []

    def question_paragraph(self, block_index: int) -> bool:
        """Whether a block is a paragraph of questions and nothing else, but an aside in brackets: "Q4a.
        What do we do to stop problems arising? (added by RT - not one of the headline questions)"."""
        key = ("question-paragraph", block_index)
        if key not in self.cache:  # asked of every block before each one in a section
            sentences = [s for s in self.block_sentences.get(block_index, [])
                         if not QUESTION_NUMBER.fullmatch(s.text.strip())]  # "Q4a." before its question
            self.cache[key] = bool(sentences) and sentences[0].block.kind == PARAGRAPH and \
                asks(sentences[0].text) and all(asks(s.text) or ASIDE.fullmatch(s.text.strip()) for s in sentences)
        return self.cache[key]

    def theme_paragraphs(self, theme: str) -> list[int]:
        """The paragraphs, outside the theme's sections, about ``theme`` throughout (see sections.py)."""
        key = ("theme-paragraphs", theme)
        if key not in self.cache:
            self.cache[key] = theme_paragraphs(self, theme)
        return self.cache[key]

    def named_sections(self, theme: str) -> list[Section]:
        """The sections whose heading names ``theme``, whatever their text says."""
        named = self.cache.get("named_themes")
        if named is None:
            named = self.cache["named_themes"] = heading_themes(self, self.pack)
        return [self.sections[n] for n, name in sorted(named.items()) if name == theme]

    def in_theme(self, sentence: Sentence, theme: str) -> bool:
        """Whether a sentence lies in a section that answers ``theme``."""
        return any(s.number == self.section_of[sentence.block_index] for s in self.theme_sections(theme))

    # ------------------------------------------------------------ substance

    def specific(self, sentence: Sentence) -> bool:
        """Whether a sentence says something specific: a figure, a date, a name, an acronym or a
        named service or system, rather than a generality ("we face many challenges")."""
        key = ("specific", sentence.index)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._specific(sentence.text)
        return found

    def specific_beyond(self, sentence: Sentence, vocabulary: TermSet) -> bool:
        """Whether a sentence is specific for something other than the words of ``vocabulary``: "Our
        procurement practice is sound" names the wasteful-spend theme's own subject and nothing else."""
        if not self.specific(sentence):
            return False
        key = ("specific-beyond", sentence.index, id(vocabulary))
        found = self.cache.get(key)
        if found is None:
            spans = [m.span() for m in vocabulary.finditer(sentence.text)]
            text = sentence.text
            for start, end in reversed(spans):
                text = text[:start] + " " + text[end:]
            found = self.cache[key] = self._specific(text) if spans else True
        return found

    def specific_text(self, text: str) -> bool:
        """Whether a piece of text (an item of a list, say) is specific, as a sentence would be."""
        return self._specific(text)

    def _specific(self, text: str) -> bool:
        pack = self.pack
        # A paragraph's number ("3.1 We will continue…") is not a figure, nor is a stretch of time in the
        # letter's own words ("over the next two years", "the last fourteen years").
        text = CROSS_REFERENCE.sub(" ", TIME_SPAN.sub(" ", PARAGRAPH_NUMBER.sub("", text, count=1)))
        generic = getattr(pack, "generic_words", frozenset())
        if FIGURE_MARK.search(text) or any(a.lower().rstrip("s") not in generic for a in ACRONYM.findall(text)):
            return True
        names = self.own_names
        if any(w.lower() not in generic and w not in names for w in CAPITALISED.findall(text)):
            return True
        terms = getattr(pack, "specific_terms", None)
        return terms is not None and terms.matches(text)

    @property
    def own_names(self) -> frozenset:
        """The council's own name ("Greyholme" of Greyholme District Council): naming oneself is not a
        specific. Taken from the title and from the name most often written before "Council"."""
        names = self.cache.get("own_names")
        if names is None:
            first = next((b.text for b in self.document.blocks if b.kind == HEADING), "")
            titles = " ".join(t for t in (first, self.document.metadata.title or "") if t)
            # (A title in capitals names the council too: "LOWMARSH DISTRICT COUNCIL Productivity Plan 2024".)
            found = set(re.findall(r"\b[A-Z][a-z]+", titles)) | \
                {word.title() for word in re.findall(r"\b[A-Z]{3,}\b", titles)}
            councils = Counter(m.group(1) or m.group(2) for b in self.document.blocks
                               for m in COUNCIL_NAME.finditer(b.text))
            if councils:
                found.add(councils.most_common(1)[0][0])
            names = self.cache["own_names"] = frozenset(found)
        return names


# "Hollins Borough Council", "Ashdown City Council": the word that names a council.
# Or the place a council is "of": "London Borough of Fallowmead", "Royal Borough of Kestle".
COUNCIL_NAME = re.compile(r"\b([A-Z][a-z]+)(?:\s+(?:Metropolitan\s+)?(?:Borough|District|County|City|Town))?"
                          r"\s+Council\b|\b(?:London\s+|Royal\s+)?Borough\s+of\s+([A-Z][a-z]+)")


# A clause of its own about "it": "…; it will go to Cabinet", ", but it was discussed".
CLAUSE_IT = re.compile(r"[;,:]\s*(?:and\s+|but\s+|so\s+)?(?:it|this)\s+(?:will|is|was|has|would|goes|went)\b",
                       re.IGNORECASE)
# The whole a part is "of it": the whole the sentence before names.
OF_IT = re.compile(r"\bof\s+it\b", re.IGNORECASE)


# A sentence that says it introduces the table after it ("The table below shows …", "… are set out
# below", "as follows", a closing colon), not one that only holds "below": "We aim to bring agency use
# below 5 per cent" over a table of call figures is no caption.
CAPTION = re.compile(r"\b(?:the|this)\s+table\b|\btable\s+(?:below|that\s+follows)\b|"
                     r"\b(?:set\s+out|shown|given|listed|summarised|summarized)\s+below\b|"
                     r"\bbelow\s+(?:shows?|sets?\s+out|gives?|lists?|summarises?|summarizes?)\b|"
                     r"\b(?:as\s+follows|the\s+following)\b|:\s*$", re.IGNORECASE)


def _label_first(table) -> list[list[str]]:
    """A two-column table's rows, each its label first: a timeline puts its dates first ("Date | Step" over
    "16 July 2024 | Cabinet approval"), and each step is the label of its date."""
    rows = [[c for c in row if c.strip()] for row in table.rows]
    pairs = [row for row in rows if len(row) == 2]
    dated_first = [row for row in pairs if DATED.search(row[0]) and not DATED.search(row[1])]
    if pairs and len(dated_first) >= max(2, len(pairs) - 1):
        return [[row[1], row[0]] if len(row) == 2 else row for row in rows]
    return rows


def _is_control_table(table, control: TermSet) -> bool:
    """A two-column table of labels and values, some labels naming document control ("Approved by")."""
    rows = _label_first(table)
    pairs = [row for row in rows if len(row) == 2]
    return len(pairs) >= max(2, len(rows) - 1) and any(control.matches(row[0]) for row in pairs)


# (A column may name whoever took each step with their role: "Name and role", "Name / title".)
STAGE_COLUMNS = re.compile(r"^(?:by|by whom|who|name|owner|decision maker|body|role|"
                           r"names?\s*(?:and|&|/)\s*(?:role|title|position|post))$", re.IGNORECASE)
WHEN_COLUMNS = re.compile(r"^(?:date|when|on)$", re.IGNORECASE)


def _stage_rows(table, control: TermSet) -> list[tuple[str, str, str]]:
    """The rows of a sign-off table laid out by stage ("Stage | By | Date" over "Endorsed |
    Executive | 16 July 2024", or with no header), as (stage, by whom, date); empty for any other table."""
    rows = [[c.strip() for c in row] for row in table.rows if any(c.strip() for c in row)]
    if 2 <= len(rows) <= RECORD_ROWS and all(len(row) == 3 and DATED.search(row[2]) and not DATED.search(row[0])
                                             and count_words(row[0]) <= LABEL_WORDS for row in rows) \
            and any(DECIDED_STAGE.match(row[0]) for row in rows):
        # With no header, each row a stage, who and when: "Agreed for submission | Cllr Ruth Ambler, Leader
        # of the Council | 12 July 2024".
        return [(row[0], row[1], row[2]) for row in rows]
    if len(rows) < 3:
        return []
    header = rows[0]
    who = next((i for i, cell in enumerate(header) if i and STAGE_COLUMNS.match(cell)), None)
    when = next((i for i, cell in enumerate(header) if i and WHEN_COLUMNS.match(cell)), None)
    if who is None:
        return []
    stages = [(row[0], row[who] if who < len(row) else "",
               row[when] if when is not None and when < len(row) else "") for row in rows[1:] if row]
    # "Endorsed | Executive": the stage with "by" is a control label ("endorsed by").
    return stages if any(control.matches(f"{stage} by") for stage, _, _ in stages) else []


BY_END = re.compile(r"\s+by\s*:?\s*$", re.IGNORECASE)
# A stage of a sign-off, as taken: "Agreed for submission", "Approved". (Not an action still to take: "Approve
# the digital strategy | Cabinet | March 2025".)
DECIDED_STAGE = re.compile(r"^\W*(?:approved|endorsed|agreed|signed\s+off|adopted|ratified)\b", re.IGNORECASE)
# A column heading that names a decision: "Approved by | Date" over "Cabinet | 10 July 2024".
DECISION_COLUMN = re.compile(r"^\W*(?:approv|endors|agreed|signed|sign-off|decision|adopt|ratif)", re.IGNORECASE)
LABEL_WORDS = 4
RECORD_ROWS = 5


def _labelled_columns(table, control: TermSet) -> list[list[tuple[str, str]]]:
    """The rows of a sign-off table whose labels head its columns ("Approved by | Date" over
    "Cabinet | 10 July 2024"), each as (label, value) pairs; empty for any other table."""
    rows = [[c.strip() for c in row] for row in table.rows if any(c.strip() for c in row)]
    if not 2 <= len(rows) <= RECORD_ROWS + 1:
        return []
    header = rows[0]
    if len(header) < 2 or not DECISION_COLUMN.match(header[0]) or not control.matches(header[0]) or \
            any(count_words(label) > LABEL_WORDS or re.search(r"\d", label) for label in header):
        return []
    # Every heading a label ("Date", "Body", "Decision maker"), not a value beside one ("Approved by | Cabinet").
    if not all(control.matches(label) or DATE_LABEL.match(label) or STAGE_COLUMNS.match(label)
               or WHEN_COLUMNS.match(label) for label in header[1:]):
        return []
    return [[(label, value) for label, value in zip(header, row) if label and value] for row in rows[1:]]


# A version history's column headings: "Version | Date | Change | Considered by | Outcome".
VERSION_COLUMN = re.compile(r"^(?:version|issue|draft|version\s+no\.?|version\s+number)$", re.IGNORECASE)
HISTORY_COLUMNS = re.compile(r"^(?:[a-z]+(?:\s+[a-z]+)?\s+(?:by|to|with)|by|who|change[sd]?|changes\s+made|summary|"
                             r"description|details?|comments?|notes?|outcome|result|decision|status|author|reason)$",
                             re.IGNORECASE)
VERSION_ROWS = 10
# What a version history says of each version, where it may say who saw it: "Notes | Shared with Cabinet
# members at an informal briefing".
VERSION_NOTES = re.compile(r"^(?:notes?|comments?|changes?(?:\s+made)?|summary|description|details?)$", re.IGNORECASE)


def _version_history(table) -> list[list[tuple[str, str]]]:
    """The rows of a version history that says who saw each version and with what outcome ("1.0 | 16 July
    2024 | Final | Cabinet | Approved for submission"), each as (label, value) pairs; empty for any other
    table. Each row is one step taken on the document."""
    return _steps(table, VERSION_COLUMN, lambda label: STAGE_COLUMNS.match(label) or WHO_SUFFIX.search(label)
                  or VERSION_NOTES.match(label))


# A route's column headings: "Stage | Date | Status" over "Cabinet approval | 16 July 2024 | Pending".
STEP_COLUMN = re.compile(r"^(?:stage|step|milestone|action|activity|meeting|route|process|governance(?:\s+stage)?|"
                         r"sign[\s-]*off(?:\s+stage)?|approval(?:\s+stage)?)$", re.IGNORECASE)
STATUS_COLUMN = re.compile(r"^(?:status|progress|state|complete[d]?|done|outcome)$", re.IGNORECASE)
# "Considered by", "Reported to", "Shared with": a column of who saw the document.
WHO_SUFFIX = re.compile(r"\s(?:by|to|with)$")


def _route_with_status(table) -> list[list[tuple[str, str]]]:
    """The rows of a table of the steps a document goes through, each with its date and how far it has
    got ("Briefing for Portfolio Holder | 18 June 2024 | Complete", "Cabinet approval | [date TBC] |
    Pending"), each as (label, value) pairs; empty for any other table. Like a version history's
    rows, each is one step taken on the document or still to take, read as the record says it."""
    return _steps(table, STEP_COLUMN, STATUS_COLUMN.match)


def _steps(table, first, needed) -> list[list[tuple[str, str]]]:
    """The rows of a table of steps taken on a document, each as (label, value) pairs: its first column
    headed ``first``, a column of dates, one of ``needed``'s, and every other column one such a table
    has (who, what changed, the outcome, the status); empty for any other table."""
    rows = [[c.strip() for c in row] for row in table.rows if any(c.strip() for c in row)]
    if not 2 <= len(rows) <= VERSION_ROWS + 1:
        return []
    header = rows[0]
    if len(header) < 3 or not first.match(header[0]) or \
            not any(DATE_LABEL.match(label) or WHEN_COLUMNS.match(label) for label in header[1:]) or \
            not any(needed(label) for label in header[1:]) or \
            not all(DATE_LABEL.match(label) or WHEN_COLUMNS.match(label) or HISTORY_COLUMNS.match(label)
                    or needed(label) for label in header[1:]):
        return []
    return [[(label, value) for label, value in zip(header, row) if label and value] for row in rows[1:]]


# "Signed off by: Councillor Patel", "**Decision taken by:** the Director", "Submission to DLUHC: 19 July":
# a label and its value (capitalised words after the first would take in the end of the value before).
LABEL = re.compile(r"(?:^|(?<=\s))\**([A-Z][A-Za-z]*(?:[ /&-]+[a-z][a-z]*|[ /&-]+[A-Z]{2,6}(?=[ /&:*-])){0,4})\**:\**\s+(?=\S)")
COVER_WORDS = 15
# A value or title that points elsewhere, or asks the reader for something: "See "Governance" below", "Refer to
# Annex B", "Please see Q2".
POINTS_ELSEWHERE = re.compile(r"\W*(?:see|refer|please)\b", re.IGNORECASE)
COVER_PARTS = re.compile(r"\s+[·•]\s+")


def _records(blocks, control: TermSet, placeholders: TermSet | None) -> dict[int, str | list[str]]:
    """Statements about the document itself, by block index: document-control tables, runs of
    "Label: value" lines with control labels ("Signed off by: Councillor Patel", "Date: 8 July
    2024"), and short dated cover lines before the running text ("Agreed at Full Council on 11
    July 2024"). A run's statement sits on its first control line; its other control lines give
    "" (read there), and its other lines ("Reasons: ...") are read as usual. Rows whose value is a
    placeholder ("Approved by | [tbc]") say nothing and are left out.
    """
    def keep(label: str, value: str) -> bool:
        # (A dash alone is a cell left empty: "Approved by | —". A value that points elsewhere, "Members |
        # See "Governance" below", says nothing there.)
        return bool(value.strip(" —–-")) and not (placeholders and _is_filler(value, placeholders)) \
            and not POINTS_ELSEWHERE.match(value)

    def controlled(label: str) -> bool:
        # A step's label may leave out its "by": "Approved: Policy and Resources Committee, 9 July 2024".
        return control.matches(label) or control.matches(f"{label} by") or bool(DATE_LABEL.match(label))

    found: dict[int, str] = {}
    run: list[tuple[int, list[tuple[str, str]]]] = []

    def close_run():
        lines = [(index, [pair for pair in items if controlled(pair[0])]) for index, items in run]
        lines = [(index, items) for index, items in lines if items]
        pairs = [pair for _, items in lines for pair in items]
        if len(pairs) >= 2 and any(control.matches(label) for label, _ in pairs):
            found[lines[0][0]] = "; ".join(f"{label}: {value}" for label, value in pairs if keep(label, value))
            found.update({index: "" for index, items in lines[1:] if len(items) == len(dict(run)[index])})
        run.clear()

    for index, block in enumerate(blocks):
        if block.kind == TABLE and block.table is not None:
            close_run()
            records = _labelled_columns(block.table, control) or _version_history(block.table)
            steps = _route_with_status(block.table) if not records else []
            if records:
                # Each row one decision, its cells read together: "Approved by: Cabinet, Date: 10 July 2024".
                found[index] = "; ".join(", ".join(f"{label}: {value}" for label, value in record
                                                   if keep(label, value)) for record in records)
            elif steps:
                # Each step a statement of its own: "Cabinet approval | [date TBC] | Pending" is a decision
                # not yet made, which says nothing of the briefing before it.
                found[index] = [", ".join(f"{label}: {value}" for label, value in step if keep(label, value))
                                for step in steps]
            elif _is_control_table(block.table, control):
                rows = _label_first(block.table)
                # (A label cell may end in its own colon: "Approved by: | Cabinet".)
                found[index] = "; ".join(f"{row[0].rstrip().rstrip(':')}: {row[1]}" for row in rows
                                         if len(row) == 2 and keep(row[0], row[1]))
            else:
                stages = _stage_rows(block.table, control)
                if stages:
                    # ("Role | Name | Date" over "Approved by | Councillor Rehana Marr, Leader | 15 July 2024":
                    # the stage may carry its "by" already.)
                    found[index] = "; ".join(f"{BY_END.sub('', stage)} by: {who}, {when}".rstrip(", ")
                                             for stage, who, when in stages if keep(stage, who))
            continue
        labels = list(LABEL.finditer(block.text))
        if block.kind != HEADING and labels and labels[0].start() == 0:
            ends = [m.start() for m in labels[1:]] + [len(block.text)]
            run.append((index, [(m.group(1), block.text[m.end():end].strip()) for m, end in zip(labels, ends)]))
            continue
        close_run()
    close_run()
    # A signature block's lead-in and the signatures under it, one to a line: "Signed off for submission
    # on behalf of the Council:" over "Councillor Rhian Ostley, Leader of the Council   12 July 2024".
    for index, block in enumerate(blocks):
        lead = block.text.strip()
        if index in found or block.kind != PARAGRAPH or not lead.endswith(":") or not SIGNATURE_LEAD.match(lead) \
                or count_words(lead) > COVER_WORDS:
            continue
        signatures = []
        for after in range(index + 1, len(blocks)):
            line = blocks[after]
            if line.kind != PARAGRAPH or line.furniture or after in found or count_words(line.text) > COVER_WORDS \
                    or not DATED.search(line.text) or SENTENCE_CLOSE.search(line.text):
                break
            signatures.append(after)
        if signatures:
            found[index] = "; ".join(f"{lead[:-1]}: {blocks[after].text.strip()}" for after in signatures)
            found.update({after: "" for after in signatures})
    # (A cover's facts may share one line, set apart by dots: "Agreed by Cabinet, 9 July 2024 ·
    # Unitary authority · Population 264,000".)
    first_text = next((i for i, b in enumerate(blocks) if b.kind in (PARAGRAPH, LIST_ITEM)
                       and max(count_words(part) for part in COVER_PARTS.split(b.text)) > COVER_WORDS), len(blocks))
    for index in range(first_text):
        text = next((part for part in COVER_PARTS.split(settle_changes(blocks[index].text))
                     if control.matches(part) and (DATED.search(part) or DATE_BLANK.search(part))), "")
        if index not in found and text and count_words(text) <= COVER_WORDS:
            found[index] = text
    return found


DATE_LABEL = re.compile(r"^(?:date|dated|on)\b", re.IGNORECASE)
SIGNATURE_LEAD = re.compile(r"^\W*signed(?:\s+off)?\b", re.IGNORECASE)
# A step taken on the document, its subject left out: "Considered by the Overview and Scrutiny Committee".
ELLIPTICAL_DECISION = re.compile(r"^\W*(?:(?:approved|agreed|endorsed|adopted|considered|noted|presented|reported|"
                                 r"signed\s+off|reviewed|scrutinised|scrutinized|discussed|seen)\s+(?:by|to|at)|"
                                 r"(?:shared|discussed)\s+with|circulated\s+to|sent\s+to)\b",
                                 re.IGNORECASE)
DATED = re.compile(r"\b(?:19|20)\d\d\b")
# Or its publication, done or to do: "Published on the council's website", "To be published on …",
# "Publish on council website – week of 22 July 2024".
STEP_ON_THE_DOCUMENT = re.compile(rf"{ELLIPTICAL_DECISION.pattern}|^\W*(?:(?:to|will)\s+be\s+)?publish(?:ed)?\s+"
                                  r"(?:on|at|to|in)\b", re.IGNORECASE)


def _straight_under_heading(blocks) -> list[bool]:
    """For each block, whether it is a list item, or a numbered paragraph, with only such blocks (or tables)
    between it and the heading over it."""
    found, run = [], False
    for block in blocks:
        if block.kind == HEADING:
            found.append(False)
            run = True
            continue
        # (A table between, "Measures and reporting" over a KPI table and then the steps, names no subject.)
        run = run and (block.kind in (LIST_ITEM, TABLE) or PARAGRAPH_NUMBER.match(block.text) is not None)
        found.append(run and block.kind != TABLE)
    return found


# What may be left of a sentence once its placeholder clauses are gone and still be filler: a label
# ("Trade union facility time: [HR to complete]% of the paybill").
FILLER_WORDS = 5


TRAILING_NOTE = re.compile(r"\s*(?:\[[^\[\]]{2,300}\]|<<[^<>]{2,300}>>|«[^«»]{2,300}»|\([^()]{2,80}\))\s*[.;]?\s*$")

# A date said to be still to come: "date is yet to be fixed", "date to be agreed".
_DATE_TO_COME = (r"(?:is\s+|has\s+)?(?:yet\s+to\s+be|still\s+to\s+be|not\s+yet(?:\s+been)?|to\s+be)\s+"
                 r"(?:fixed|set|agreed|confirmed|decided|arranged|finalised|finalized)\b")
DATE_BLANK = re.compile(r"(?:\[|<<|«)\s*(?:(?:insert|add|meeting|cabinet|committee)\s+)?date(?:\s+(?:tbc|tba|to\s+follow|"
                        rf"of\s+meeting|{_DATE_TO_COME}))?\s*(?:\]|>>|»)|"
                        # Or said in words: "the date is yet to be fixed", "at a date to be agreed".
                        rf"\bdate\s+{_DATE_TO_COME}", re.IGNORECASE)
def has_blank_date(text: str) -> bool:
    """Whether a date in the sentence is still a blank ("on [date tbc]"): what it says has not happened yet."""
    return DATE_BLANK.search(text) is not None


# What a note asks for when it asks for content, not a check: "[Finance to add detail]".
CONTENT_VERBS = r"add|complete|insert|provide|write|draft|expand|list|give|describe|explain|quantify|name"
STUB_NOTE = re.compile(rf"(?:\[[^\[\]]*\b(?:{CONTENT_VERBS})\b[^\[\]]*\]|<<[^<>]*\b(?:{CONTENT_VERBS})\b[^<>]*>>)\.?",
                       re.IGNORECASE)
# A sentence that stops at a word no sentence ends on has its answer in the note that follows:
# "the service with the greatest potential for savings is [Finance to confirm]".
UNFINISHED = re.compile(r"\b(?:is|are|was|were|be|been|being|will|would|of|by|to|at|with|from|for|in|on|into|"
                        r"the|a|an|our|their|its|and|or|than|as|about|around|approximately|some|which|that)"
                        r"\s*[£$€]?$", re.IGNORECASE)
CONFIRM_ONLY = re.compile(r"\b(?:confirm|check|verify|tbc)\b", re.IGNORECASE)
ADD_CONTENT = re.compile(rf"\b(?:{CONTENT_VERBS}|detail)\b", re.IGNORECASE)


def _is_filler(text: str, placeholders: TermSet, row: bool = False) -> bool:
    """A sentence is filler when, the clauses holding a placeholder removed, almost nothing is left.

    "Savings of £XXm to be confirmed" is filler; "Agency staff cost 3.8% of
    the staff budget; the 2024/25 figure is TBC" still answers in its first clause.
    """
    spans = [m.span() for m in placeholders.finditer(text)]
    if not spans:
        return False
    original = text
    if not row:
        # A note asking to confirm what the sentence says leaves the sentence standing: "This plan
        # will be presented to Cabinet on 23 July 2024 [Democratic Services to confirm date]". A note
        # asking for content ("[Finance to add detail]") does not.
        trailing = TRAILING_NOTE.search(text)
        if trailing and CONFIRM_ONLY.search(trailing.group(0)) and not ADD_CONTENT.search(trailing.group(0)) \
                and not text[:trailing.start()].rstrip().endswith((":", "–", "-")) \
                and not UNFINISHED.search(text[:trailing.start()]) \
                and any(start >= trailing.start() for start, _ in spans):
            text = text[:trailing.start()]
        # A blank date is a detail still to come, not the statement: "This draft will be presented
        # to Cabinet on [date tbc]" still says where the plan is going.
        blank_date = DATE_BLANK.search(original)
        text = DATE_BLANK.sub(" ", text)
        spans = [m.span() for m in placeholders.finditer(text)]
        if not spans:
            # What is left stands ("Subject to Cabinet approval on [date tbc]"), unless it is only a
            # label over the blank ("Date of Cabinet: [date tbc]").
            left = text.strip(" .*_")
            return count_words(left) <= FILLER_WORDS and (not blank_date or left.endswith(":"))
    if not row:
        # A blank where the sentence's answer should be leaves only the question standing: "Our plans
        # to improve data quality are: ⟦to follow⟧". (Unless the rest already gives a figure.)
        last_start, last_end = spans[-1]
        before = text[:last_start].rstrip(" ≈~(")
        # (A paragraph's number gives no figure: "23. Equality, diversity and inclusion: [HR to provide]".)
        if not text[last_end:].strip(" .;:)]⟩⟧}»>*_") and (before.endswith(":") or UNFINISHED.search(before)) \
                and not re.search(r"\d", PARAGRAPH_NUMBER.sub("", before, count=1)):
            return True
    if row:
        # A table row is filler when its label has only blanks beside it ("Agency staff | [tbc]").
        label, *values = text.split(" | ")
        return placeholders.search(label) is not None or \
            all(not v.strip() or placeholders.search(v) is not None for v in values)
    # "Value for money on temporary staff: to be completed": a label over a blank says nothing.
    label = LEADING_LABEL.match(text)
    # "Note for the Chief Digital Officer: the Leader's office wants this shortened": what follows a
    # drafting label is the note.
    if label and placeholders.search(label.group(0).strip(" >*_")):
        return True
    if label:
        value = text[label.end():]
        kept = [clause for _, clause in clauses(value) if not placeholders.search(clause)]
        if sum(count_words(c) for c in kept) <= FILLER_WORDS and not any(re.search(r"\d", c) for c in kept):
            return True
    # A table row's cells are its clauses: "Agency staff | 5.1% | [tbc]" still gives its baseline.
    left = sum(count_words(clause) for offset, clause in clauses(text.replace(" | ", " ; "))
               if not any(start < offset + len(clause) and offset < end for start, end in spans))
    return left <= FILLER_WORDS
