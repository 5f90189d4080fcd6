"""links: every link goes somewhere and says where.

What it does
    Looks at every link the reader found, and at web addresses typed into
    the text, and reports:

    * links that go nowhere: an empty target, a bare ``#`` or a
      ``javascript:`` address;
    * links to a place in the document (a bookmark, a heading's anchor, a
      named destination) that does not exist;
    * link text that does not say where the link goes: the whole text is one
      of ``vague_text`` ("click here", "here", "read more"...), or it is empty;
    * bare web addresses used as text, linked or not: "https://..." or
      "www..." with a path. A domain alone ("www.example.gov.uk") is short
      enough to read and is allowed unless ``allow_domain_only`` is false.

    In Markdown, a heading's anchor (as GitHub and most site generators
    make it: lower case, punctuation dropped, spaces as hyphens) counts as
    a place a link can go.

Why
    Screen reader users often move through a page by its list of links, out
    of context: "click here" five times tells them nothing (WCAG 2.2, 2.4.4
    Link Purpose). A long address is read out character by character. A
    ``#`` link, typically left when a document was copied from a web page,
    is a dead end for everyone.

Parameters
    ``vague_text`` (list of link texts that say nothing, compared whole,
    ignoring case and punctuation); ``allow_domain_only`` (default true);
    ``check_bookmarks`` (default true).

Example
    "Read our budget [here](#)" fails twice: the link text is "here" and the
    link goes nowhere. "[Our budget 2024/25](https://example.gov.uk/budget)"
    passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analysis import Evidence, evidence_for
from ..messages import part, plural, register
from . import FAIL, PASS, Outcome
from .places import evidence_at

register({
    "links.ok": "{links} checked: each goes somewhere and says where.",
    "links.none": "No links to check.",
    "links.problems": "{problems}.",
    "links.problem": "{links} {what}",
    "links.typed": "{addresses} typed into the text",
})

PARAMS = {
    "type": "object",
    "properties": {
        "vague_text": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "allow_domain_only": {"type": "boolean"},
        "check_bookmarks": {"type": "boolean"},
    },
    "additionalProperties": False,
}

DEFAULT_VAGUE = ("click here", "here", "this link", "link", "read more", "more", "find out more")
URL = re.compile(r"(?:\bhttps?://|(?<![\w@/.])www\.)[^\s<>\"“”]+", re.IGNORECASE)
DOMAIN_ONLY = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)
TRAILING = ".,;:)]}’'\"!?"
ALWAYS_THERE = {"_top", "top"}
# What is wrong, said of one link and of several.
PROBLEMS = {
    "nowhere": ("goes nowhere", "go nowhere"),
    "broken": ("points to a place in the document that does not exist",
               "point to places in the document that do not exist"),
    "vague": ("has text that does not say where it goes", "have text that does not say where they go"),
    "empty-text": ("has no text", "have no text"),
    "bare": ("shows a bare web address as its text", "show bare web addresses as their text"),
}
register({f"links.{kind}.{number}": said for kind, (one, many) in PROBLEMS.items()
          for number, said in (("one", one), ("many", many))})


@dataclass
class Problem:
    kinds: list[str]
    evidence: Evidence


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def heading_anchor(text: str) -> str:
    """A heading's anchor as GitHub-flavoured Markdown makes it."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text.strip().lower()))


def is_bare(text: str, allow_domain_only: bool) -> bool:
    text = text.strip().rstrip(TRAILING)
    if not URL.fullmatch(text):
        return False
    return not (allow_domain_only and DOMAIN_ONLY.match(text))


def _targets(document) -> set[str]:
    names = set(document.bookmarks) | ALWAYS_THERE
    if document.format == "markdown":
        names |= {heading_anchor(b.text) for b in document.headings()}
    return names


def link_problems(link, vague: set[str], allow_domain_only: bool, targets: set[str] | None) -> list[str]:
    """What is wrong with one link, as PROBLEMS keys."""
    kinds = []
    target = link.target.strip()
    if target in ("", "#") or target.lower().startswith("javascript:"):
        kinds.append("nowhere")
    elif targets is not None and target.startswith("#") and target[1:] not in targets:
        kinds.append("broken")
    text = link.text.strip()
    if not text:
        kinds.append("empty-text")
    elif _normal(text) in vague:
        kinds.append("vague")
    elif is_bare(text, allow_domain_only):
        kinds.append("bare")
    return kinds


def _describe(link, kinds: list[str]) -> str:
    target = link.target.strip() or "(no target)"
    words = {"nowhere": "goes nowhere", "broken": "no such place in the document",
             "vague": "text says nothing of where it goes", "empty-text": "no link text",
             "bare": "bare web address"}
    return f"{link.text.strip() or '(no text)'} → {target} ({'; '.join(words[k] for k in kinds)})"


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    vague = {_normal(t) for t in params.get("vague_text", DEFAULT_VAGUE)}
    allow_domain_only = params.get("allow_domain_only", True)
    targets = _targets(document) if params.get("check_bookmarks", True) else None
    problems: list[Problem] = []
    for link in document.links:
        kinds = link_problems(link, vague, allow_domain_only, targets)
        if kinds:
            problems.append(Problem(kinds, evidence_at(document, link, _describe(link, kinds))))
    linked = [link.text for link in document.links]
    for block in document.blocks:
        for match in URL.finditer(block.text):
            url = match.group(0).rstrip(TRAILING)
            if is_bare(url, allow_domain_only) and not any(url in text for text in linked):
                problems.append(Problem(["typed"], evidence_for(block, block.text, span=match.span())))
    if not problems:
        count = len(document.links)
        return Outcome(PASS, "links.ok" if count else "links.none", data={"links": plural(count, "link")})
    counts: dict[str, int] = {}
    for problem in problems:
        for kind in problem.kinds:
            counts[kind] = counts.get(kind, 0) + 1
    found = [part("links.problem", links=plural(n, "link"), what=part(f"links.{k}.{'one' if n == 1 else 'many'}"))
             if k != "typed" else
             part("links.typed", addresses=plural(n, "web address", "web addresses")) for k, n in counts.items()]
    return Outcome(FAIL, "links.problems", [p.evidence for p in problems],
                   [f"fix the {plural(n, 'link')} that {PROBLEMS[k][n != 1]}" if k != "typed" else
                    "make each typed web address a link with text that says where it goes"
                    for k, n in counts.items()], data={"problems": found})
