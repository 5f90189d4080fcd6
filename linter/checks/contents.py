"""contents: every entry of the contents list leads to a section that exists.

What it does
    Reads the document's contents list (the blocks a reader marks as
    contents, and dot-leader lines such as "Barriers and our asks ..... 4")
    and looks for a heading that matches each entry: the same words, ignoring
    case, numbering, punctuation and the page number. An entry with no such
    heading fails the check. A document without a contents list passes.

Why
    A contents list is furniture: it is never an answer. But an entry for a
    section that was cut, renamed or never written sends readers looking for
    something that is not there, and tells a reviewer the plan was assembled
    in a hurry. Word's automatic table of contents goes stale the same way
    when it is not updated before saving.

Parameters
    ``match`` (share of an entry's words a heading must hold, default 0.8).

Example
    A contents list with "Barriers and our asks .... 4" in a plan with no
    such heading fails: "1 contents entry has no section: “Barriers and our
    asks”".
"""

from __future__ import annotations

import re

from ..analysis import TOC_LINE, evidence_for
from ..document import CONTENTS, HEADING
from ..messages import plural, register
from . import FAIL, PASS, Outcome

PARAMS = {
    "type": "object",
    "properties": {"match": {"type": "number", "minimum": 0.1, "maximum": 1}},
    "additionalProperties": False,
}

register({
    "contents.none": "no contents list, so nothing to match.",
    "contents.all-found": "every one of the {entries} in the contents list has its section.",
    "contents.missing": "{count} in the contents list {verb} no section: {titles}.",
})

LEADER_AND_PAGE = re.compile(r"(?:\s*(?:\.{2,}|…+|(?:\s\.){2,}|_{2,}|\t))?\s*\d{1,3}\s*$")
NUMBERING = re.compile(r"^\s*(?:(?:section|part|theme)\s+)?(?:\d+(?:\.\d+)*|[A-Z]|[ivx]+)[.):]?\s+", re.IGNORECASE)
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(NUMBERING.sub("", text).lower())


def entry_title(text: str) -> str:
    return NUMBERING.sub("", LEADER_AND_PAGE.sub("", text)).strip(" .")


def check(analysis, params, pack) -> Outcome:
    blocks = analysis.document.blocks
    share = params.get("match", 0.8)
    entries = [(index, block) for index, block in enumerate(blocks)
               if block.kind != HEADING and (block.furniture == CONTENTS or TOC_LINE.match(block.text.strip()))]
    entries = [(index, block) for index, block in entries if words(entry_title(block.text))]
    if not entries:
        return Outcome(PASS, "contents.none")
    headings = [set(words(b.text)) for b in blocks if b.kind == HEADING and b.furniture != CONTENTS]
    missing = []
    for _, block in entries:
        wanted = words(entry_title(block.text))
        if not any(sum(w in heading for w in wanted) >= share * len(wanted) for heading in headings):
            missing.append(block)
    if not missing:
        return Outcome(PASS, "contents.all-found", data={"entries": plural(len(entries), "entry", "entries")})
    return Outcome(FAIL, "contents.missing", [evidence_for(b) for b in missing],
                   missing=[f"a section for “{entry_title(b.text)}”, or remove it from the contents"
                            for b in missing],
                   data={"count": plural(len(missing), "entry", "entries"),
                         "verb": "has" if len(missing) == 1 else "have",
                         "titles": [f"“{entry_title(b.text)}”" for b in missing]})
