"""tracked-changes: every tracked change has been accepted or rejected.

What it does
    Lists the insertions, deletions and moves still recorded as tracked
    changes, with who made them, what they say and where they are. Any one
    fails the check. The count is recorded as the fact ``tracked_changes``.

Why
    Until a change is accepted or rejected both versions stay in the file:
    Word may show the deleted text with "All Markup" or print it, a PDF made
    from the wrong view shows both versions struck through, and a published
    .docx lets anyone read what was taken out.

Parameters
    ``formats`` (formats whose reader records tracked changes, default Word
    and OpenDocument; others are skipped); ``fact`` (default
    ``tracked_changes``).

Example
    A paragraph where "£3.1m" was deleted and "£2.4m" inserted with Track
    Changes on fails with "2 tracked changes not accepted or rejected: 1
    insertion, 1 deletion" and both quoted with their page and section.
"""

from __future__ import annotations

from collections import Counter

from ..messages import part, plural, register
from . import FAIL, PASS, SKIP, Outcome
from .places import FORMATS_SCHEMA, evidence_at, first_words, format_name

register({
    "tracked-changes.not-read": "Not checked: tracked changes are not read from {format}.",
    "tracked-changes.none": "No tracked changes left to accept or reject.",
    "tracked-changes.left": "{count} not accepted or rejected: {kinds}{by}.",
    "tracked-changes.by": ", by {authors}",
})

PARAMS = {
    "type": "object",
    "properties": {"formats": FORMATS_SCHEMA, "fact": {"type": "string"}},
    "additionalProperties": False,
}

DEFAULT_FORMATS = ("docx", "doc", "odt")
KINDS = {"insert": ("insertion", "inserted"), "delete": ("deletion", "deleted"),
         "move-to": ("move", "moved here"), "move-from": ("move", "moved away")}


def describe(revision) -> str:
    verb = KINDS.get(revision.kind, (revision.kind, revision.kind))[1]
    who = f" by {revision.author}" if revision.author else ""
    text = first_words(revision.text, 20) if revision.text.strip() else "(no text: a picture, tab or mark)"
    return f"{verb}{who}: {text}"


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    fact = params.get("fact", "tracked_changes")
    if document.format not in params.get("formats", DEFAULT_FORMATS):
        return Outcome(SKIP, "tracked-changes.not-read", data={"format": format_name(document)})
    revisions = list(document.revisions)
    facts = {fact: len(revisions)}
    if not revisions:
        return Outcome(PASS, "tracked-changes.none", facts=facts)
    kinds = Counter(KINDS.get(r.kind, (r.kind,))[0] for r in revisions)
    authors = sorted({r.author for r in revisions if r.author})
    return Outcome(FAIL, "tracked-changes.left",
                   [evidence_at(document, r, describe(r)) for r in revisions],
                   ["accept or reject every tracked change (Review › Accept › Accept All Changes, "
                    "after reading them)"], facts,
                   data={"count": plural(len(revisions), "tracked change"),
                         "kinds": ", ".join(plural(count, kind) for kind, count in kinds.most_common()),
                         "by": part("tracked-changes.by", authors=", ".join(authors)) if authors else ""})
