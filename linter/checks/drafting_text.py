"""drafting-text: no drafting text is left anywhere in the document.

What it does
    Searches every part a reader will see, headings and tables included, for
    text that belongs to a draft:

    * the pack's ``placeholders`` terms ("TBC", "[insert", "lorem ipsum",
      "not for circulation", "=DRAFT" in capitals, template instructions
      such as "delete this text" or "guidance:");
    * template fields: a square-bracketed name such as "[Council name]" or
      "[insert figure]", and mail-merge style fields ("<<Date>>",
      "{{ name }}", "«Name»"); brackets holding no words ("[1]", "[…]")
      and the ``bracket_allow`` words ("[sic]") are not fields;
    * masked figures: "£XXm", "£X.Xm", "XX%", "20XX", or "XX" standing alone;
    * in running headers and footers and in the document's title, the
      ``margin_terms`` too (e.g. "draft" in any case), since a footer saying
      "Draft v3" is a draft marking wherever it is;
    * a question or theme statement copied from the regime (the pack's
      ``prompts``) with nothing of the council's own under it: for a copied
      heading, nothing before the next heading of the same or a higher level;
      for a copied paragraph (or a run of them, as a list of questions),
      nothing before the next heading or the next copied question; for a
      table row, nothing in the row's other cells (or, when the question
      fills the row, in the row below).
      Text that is itself drafting ("TBC") is not an answer.

    Each finding is reported once per place, with its page, section and a
    quote around it (in a table, its own row: "Digital take-up | [TBC] |
    [TBC]").

Why
    "[insert figure]", a "TBC" or a "DRAFT" footer on the council's website
    tells residents the plan was published unfinished, and a question with
    nothing under it is an unanswered question in public.

Parameters
    ``terms`` (concept; default the pack's ``placeholders``);
    ``margin_terms`` (concept searched in headers, footers and the title);
    ``template_fields`` (default true); ``bracket_allow`` (words that may
    stand in square brackets, default ``sic``, ``redacted``);
    ``masked_figures`` (default true); ``unanswered_questions`` (default
    true); ``min_answer_words`` (own words that count as an answer,
    default 1).

Example
    "Savings of £XXm are expected [insert figure]" on page 2 fails with
    “£XXm” and “[insert figure]” quoted; a heading "What governance
    structures do you use to ensure accountability of spend?" followed only
    by "TBC" fails as an unanswered question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analysis import Evidence, evidence_for, quote
from ..document import ENDNOTE, FOOTNOTE, HEADING, TABLE, count_words
from ..messages import part, plural, register
from . import CONCEPT, FAIL, PASS, Outcome

register({
    "drafting.none": "No drafting text, template fields or unanswered questions found.",
    "drafting.found": "{text}{questions}",
    "drafting.text": "Drafting text left in {places}: {listing}.{space}",
    "drafting.questions": "{questions} copied from the letter with no answer under {them}: {listing}.",
    "drafting.more": "{shown} and {more} more",
})

PARAMS = {
    "type": "object",
    "$defs": {"concept": CONCEPT},
    "properties": {
        "terms": {"$ref": "#/$defs/concept"},
        "margin_terms": {"$ref": "#/$defs/concept"},
        "template_fields": {"type": "boolean"},
        "bracket_allow": {"type": "array", "items": {"type": "string"}},
        "masked_figures": {"type": "boolean"},
        "unanswered_questions": {"type": "boolean"},
        "min_answer_words": {"type": "integer", "minimum": 1},
    },
    "additionalProperties": False,
}

SQUARE_FIELD = re.compile(r"\[([^\[\]\n]{1,80})\]")
MERGE_FIELD = re.compile(r"<<\s*[^<>\n]{1,60}?\s*>>|«[^«»\n]{1,60}»|\{\{[^{}\n]{1,60}\}\}")
MASKED_FIGURE = re.compile(
    r"(?<![\w£$€])(?:[£$€]\s?[Xx]+(?:[.,][Xx]+)*(?:\s?(?:bn|m|k|million|billion))?"
    r"|[Xx]+(?:\.[Xx]+)?\s?%|(?:19|20)[Xx]{2}|X{2,}(?:[/.-]X+)*)(?![\w%])")
DEFAULT_BRACKET_ALLOW = ("sic", "redacted")
NOT_ANSWERS = (FOOTNOTE, ENDNOTE)
LISTED = 6


@dataclass
class Finding:
    kind: str
    text: str
    evidence: Evidence

    def label(self) -> str:
        where = f"page {self.evidence.page}" if self.evidence.page is not None else self.evidence.location
        return f"“{quote(self.text, limit=60)}” ({where})" if where else f"“{quote(self.text, limit=60)}”"


class Detector:
    """All the kinds of drafting text a rule looks for, as spans of a text."""

    def __init__(self, params, pack):
        self.terms = pack.concept(params["terms"]) if "terms" in params else pack.placeholders
        self.margin_terms = pack.concept(params["margin_terms"]) if "margin_terms" in params else None
        self.fields = params.get("template_fields", True)
        self.masked = params.get("masked_figures", True)
        self.allow = {w.lower() for w in params.get("bracket_allow", DEFAULT_BRACKET_ALLOW)}

    def spans(self, text: str, margin: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, kind) of drafting text in ``text``, overlaps merged, in order."""
        found = [(m.start(), m.end(), "placeholder") for m in self.terms.finditer(text)]
        if margin and self.margin_terms is not None:
            found += [(m.start(), m.end(), "draft marking") for m in self.margin_terms.finditer(text)]
        if self.fields:
            found += [(m.start(), m.end(), "template field") for m in SQUARE_FIELD.finditer(text)
                      if self._is_field(m.group(1))]
            found += [(m.start(), m.end(), "template field") for m in MERGE_FIELD.finditer(text)]
        if self.masked:
            found += [(m.start(), m.end(), "masked figure") for m in MASKED_FIGURE.finditer(text)]
        kept: list[tuple[int, int, str]] = []
        for start, end, kind in sorted(found, key=lambda s: (s[0], -s[1])):
            # Overlapping finds, or finds with only spaces between them, are one piece of drafting.
            if kept and (start < kept[-1][1] or not text[kept[-1][1]:start].strip()):
                if end > kept[-1][1]:
                    kept[-1] = (kept[-1][0], end, kept[-1][2])
                continue
            kept.append((start, end, kind))
        return kept

    def _is_field(self, inside: str) -> bool:
        letters = sum(c.isalpha() for c in inside)
        return letters >= 2 and inside.strip().lower() not in self.allow

    def own_words(self, text: str) -> int:
        """Words of ``text`` left once drafting text is taken out."""
        for start, end, _ in reversed(self.spans(text)):
            text = text[:start] + " " + text[end:]
        return count_words(text)


def _in_text(detector: Detector, block, text: str, margin: bool) -> list[Finding]:
    findings = []
    for start, end, kind in detector.spans(text, margin):
        if block.kind == TABLE:
            # A table's drafting text is quoted in its own row: "Digital take-up in contact centre | [TBC] |
            # [TBC]", not the rows around it run together.
            row_start = text.rfind("\n", 0, start) + 1
            row_end = text.find("\n", end)
            row = text[row_start:row_end if row_end >= 0 else len(text)]
            evidence = evidence_for(block, row, span=(start - row_start, min(end, row_start + len(row)) - row_start))
        else:
            evidence = evidence_for(block, text, span=(start, end))
        if margin and not evidence.section:
            evidence.section = block.part  # "header", "footer": where to look
        findings.append(Finding(kind, text[start:end], evidence))
    return findings


def find_drafting(analysis, detector: Detector) -> list[Finding]:
    document = analysis.document
    findings: list[Finding] = []
    for block in document.blocks:
        findings += _in_text(detector, block, block.text, margin=False)
    seen = set()
    for block in document.headers_footers:
        key = (block.part, " ".join(block.text.split()).lower())
        if key in seen:
            continue  # the same footer on every page is one thing to fix
        seen.add(key)
        findings += _in_text(detector, block, block.text, margin=True)
    title = document.metadata.title or ""
    for start, end, kind in detector.spans(title, margin=True):
        findings.append(Finding(kind, title[start:end],
                                Evidence(page=None, page_exact=False, section="",
                                         quote=quote(f"document title: “{title}”"),
                                         location="document properties")))
    return findings


# ---------------------------------------------------------------- unanswered questions

def _is_prompt_block(analysis, index: int) -> bool:
    sentences = analysis.block_sentences.get(index, [])
    return bool(sentences) and all(s.prompt for s in sentences)


def _own_answer_words(analysis, index: int) -> int:
    block = analysis.document.blocks[index]
    if block.kind == HEADING or block.part in NOT_ANSWERS:
        return 0
    return sum(s.words for s in analysis.block_sentences.get(index, []) if s.own)


def unanswered_blocks(analysis, min_words: int) -> list[Finding]:
    """Copied headings and paragraphs with none of the council's own text under them."""
    blocks = analysis.document.blocks
    prompt = [_is_prompt_block(analysis, i) and blocks[i].kind != TABLE for i in range(len(blocks))]
    findings = []
    for index, block in enumerate(blocks):
        if not prompt[index] or block.part in NOT_ANSWERS:
            continue
        end = index + 1
        if block.kind == HEADING:
            end = analysis.sections[analysis.section_of[index]].end
        else:
            # Copied paragraphs in a row (a pasted list of questions) share the answer after them.
            while end < len(blocks) and prompt[end] and blocks[end].kind != HEADING:
                end += 1
            while end < len(blocks) and blocks[end].kind != HEADING and not prompt[end]:
                end += 1
        if sum(_own_answer_words(analysis, i) for i in range(index + 1, end)) < min_words:
            findings.append(Finding("unanswered question", block.text, evidence_for(block)))
    return findings


def unanswered_rows(analysis, detector: Detector, min_words: int) -> list[Finding]:
    """Table rows holding a copied question whose answer cells (or the row below) are empty."""
    prompts = analysis.prompts
    findings = []
    for block in analysis.document.blocks:
        if block.kind != TABLE or block.table is None:
            continue
        rows = block.table.rows
        for number, row in enumerate(rows):
            asked = [cell for cell in row if prompts.is_prompt(cell)]
            if not asked:
                continue
            others = [cell for cell in row if cell not in asked]
            answer = sum(detector.own_words(cell) for cell in others)
            if not others and number + 1 < len(rows):
                # A question across the whole row is answered in the row below it.
                below = rows[number + 1]
                if not any(prompts.is_prompt(cell) for cell in below):
                    answer = sum(detector.own_words(cell) for cell in below)
            if answer < min_words:
                findings.append(Finding("unanswered question", asked[0], evidence_for(block, asked[0])))
    return findings


# ---------------------------------------------------------------- the check

def _listing(findings: list[Finding]):
    shown = ", ".join(f.label() for f in findings[:LISTED])
    return part("drafting.more", shown=shown, more=len(findings) - LISTED) if len(findings) > LISTED else shown


def check(analysis, params, pack) -> Outcome:
    detector = Detector(params, pack)
    drafting = find_drafting(analysis, detector)
    questions = []
    if params.get("unanswered_questions", True):
        min_words = params.get("min_answer_words", 1)
        questions = unanswered_blocks(analysis, min_words) + unanswered_rows(analysis, detector, min_words)
    if not drafting and not questions:
        return Outcome(PASS, "drafting.none")
    found = {"text": "", "questions": ""}
    if drafting:
        found["text"] = part("drafting.text", places=plural(len(drafting), "place"), listing=_listing(drafting),
                             space=" " if questions else "")
    if questions:
        found["questions"] = part("drafting.questions", questions=plural(len(questions), "question"),
                                  them="it" if len(questions) == 1 else "them", listing=_listing(questions))
    # Evidence: the first of each kind first, so the report shows the variety of what to fix.
    everything = drafting + questions
    firsts = {}
    for finding in everything:
        firsts.setdefault(finding.kind, finding)
    chosen = {id(f) for f in firsts.values()}
    ordered = list(firsts.values()) + [f for f in everything if id(f) not in chosen]
    missing = [f"remove or complete {f.label()}" for f in drafting] + \
              [f"answer or remove {f.label()}" for f in questions]
    return Outcome(FAIL, "drafting.found", [f.evidence for f in ordered], missing, data=found)
