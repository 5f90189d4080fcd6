"""What the checks share about one document, worked out once.

Sentences in reading order, each knowing its block, whether it merely
reproduces the regime's own wording (a *prompt*, such as a theme statement or
question pasted in from the letter), and whether it is drafting filler (TBC,
"[insert figure]"). Checks look for answers only in the council's own
sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import HEADING, LIST_ITEM, TABLE, Block, Document, count_words
from .terms import TermSet

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(£A-Z0-9•])")
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
REFERS_BACK = re.compile(r"(?:It|This|These|They|Its|Their)\b")
# Words of its own a sentence needs beyond the copied wording to count as an answer.
OWN_WORDS_FOR_AN_ANSWER = 5
QUOTE_LIMIT = 200


def split_sentences(text: str) -> list[str]:
    """Split a block's text into sentences, keeping "e.g." and initials intact."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        candidate = text[start:match.start()].strip()
        if ABBREVIATION_END.search(candidate):
            continue
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


def tokens(text: str) -> list[str]:
    """Words folded so that "How we have transformed" and "How you have transformed" compare equal."""
    folded = []
    for token in TOKEN.findall(text.lower()):
        replacement = PERSON_WORDS.get(token, token)
        if replacement is not None:
            folded.append(_stem(replacement))
    return folded


def shingles(words: list[str], size: int = SHINGLE) -> set[tuple[str, ...]]:
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


class PromptIndex:
    """The regime's own wording, to recognise it when a draft copies it."""

    def __init__(self, prompts: list[str], threshold: float = 0.6):
        self.threshold = threshold
        self.by_prompt = [shingles(tokens(p)) for p in prompts]
        self.all = set().union(*self.by_prompt) if self.by_prompt else set()

    def overlap(self, text: str) -> float:
        """Share of the text's word triples that appear in the prompts."""
        own = shingles(tokens(text))
        if not own:
            return 0.0
        return len(own & self.all) / len(own)

    def similarity(self, text: str, prompt_index: int) -> float:
        own = shingles(tokens(text))
        if not own:
            return 0.0
        return len(own & self.by_prompt[prompt_index]) / len(own)

    def is_prompt(self, text: str) -> bool:
        """Mostly the regime's words, with too little of the writer's own left over to be an answer.

        "We have transformed the way we design and deliver services" is a
        prompt; the same words followed by "by merging eleven departments
        into four" are an answer that echoes it.
        """
        words = tokens(text)
        if len(words) < SHINGLE or self.overlap(text) < self.threshold:
            return False
        covered = [False] * len(words)
        for start in range(len(words) - SHINGLE + 1):
            if tuple(words[start:start + SHINGLE]) in self.all:
                covered[start:start + SHINGLE] = [True] * SHINGLE
        return covered.count(False) < max(OWN_WORDS_FOR_AN_ANSWER, len(words) // 4)


@dataclass
class Sentence:
    text: str
    block: Block
    block_index: int
    index: int = 0
    prompt: bool = False
    placeholder: bool = False

    @property
    def own(self) -> bool:
        """The council's own words: neither a copied prompt nor drafting filler."""
        return not self.prompt and not self.placeholder

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass
class Evidence:
    page: int | None
    page_exact: bool
    section: str
    quote: str
    location: str = ""
    line: int = 1

    def as_dict(self) -> dict:
        return {"page": self.page, "page_exact": self.page_exact, "section": self.section,
                "quote": self.quote, "location": self.location, "line": self.line}


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` with each run of white space made one space and the ends stripped, and where
    each original position went (so a span found in the original still points at its words)."""
    out: list[str] = []
    where: list[int] = []
    for char in text:
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(char)
        where.append(len(out) - (1 if out and not char.isspace() else 0))
    while out and out[-1] == " ":
        out.pop()
    where.append(len(out))
    return "".join(out), [min(w, len(out)) for w in where]


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
    squeezed, where = _squeezed(text)
    if len(squeezed) <= limit:
        return squeezed
    if span is not None:
        first, last = where[max(0, min(span[0], len(text)))], where[max(0, min(span[1], len(text)))]
    elif focus is not None:
        first = last = where[max(0, min(focus, len(text)))]
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


@dataclass
class Analysis:
    document: Document
    prompts: PromptIndex
    sentences: list[Sentence] = field(default_factory=list)
    block_sentences: dict[int, list[Sentence]] = field(default_factory=dict)
    lead_ins: dict[int, Sentence] = field(default_factory=dict)
    cache: dict = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document, prompts: list[str], placeholders: TermSet | None) -> "Analysis":
        analysis = cls(document, PromptIndex(prompts))
        for index, block in enumerate(document.blocks):
            if block.kind == TABLE and block.table is not None:
                texts = block.table.row_texts()
            else:
                texts = split_sentences(block.text)
            whole_prompt = block.kind == HEADING and analysis.prompts.is_prompt(block.text)
            found = []
            for text in texts:
                sentence = Sentence(text, block, index, len(analysis.sentences) + len(found))
                sentence.prompt = whole_prompt or analysis.prompts.is_prompt(text)
                sentence.placeholder = bool(placeholders and _is_filler(text, placeholders))
                found.append(sentence)
            analysis.block_sentences[index] = found
            analysis.sentences.extend(found)
        analysis._link_lead_ins()
        return analysis

    def _link_lead_ins(self) -> None:
        """Give each list item the sentence that introduces its list ("We ask the Government to:")."""
        lead = None
        for index, block in enumerate(self.document.blocks):
            sentences = self.block_sentences.get(index, [])
            if block.kind == LIST_ITEM:
                if lead is not None:
                    for sentence in sentences:
                        self.lead_ins[sentence.index] = lead
            elif block.kind == HEADING:
                lead = None
            else:
                last = sentences[-1] if sentences else None
                lead = last if last is not None and last.text.rstrip(" -–").endswith(":") else None

    def context(self, sentence: Sentence) -> list[Sentence]:
        """The sentence, preceded by what it refers back to.

        A list item is read with the sentence that introduces its list, and a
        sentence opening with "It", "This" or "They" with the sentence before
        it in the same paragraph ("The plan was endorsed by Cabinet. It will
        be published on our website.").
        """
        lead = self.lead_ins.get(sentence.index)
        if lead is None and REFERS_BACK.match(sentence.text) and sentence.index > 0:
            previous = self.sentences[sentence.index - 1]
            lead = previous if previous.block_index == sentence.block_index else None
        return [lead, sentence] if lead is not None and lead.own else [sentence]

    def has(self, concept: TermSet, sentence: Sentence) -> bool:
        """Whether ``concept`` occurs in ``sentence``; remembered, since many rules ask."""
        key = (id(concept), sentence.index)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = concept.matches(sentence.text)
        return found

    def own_sentences(self):
        for sentence in self.sentences:
            if sentence.own and sentence.block.kind != HEADING:
                yield sentence


def _is_filler(text: str, placeholders: TermSet) -> bool:
    """A sentence is filler when, placeholders removed, almost nothing is left."""
    matches = list(placeholders.finditer(text))
    if not matches:
        return False
    remaining = text
    for match in reversed(matches):
        remaining = remaining[:match.start()] + remaining[match.end():]
    return count_words(remaining) <= 3
