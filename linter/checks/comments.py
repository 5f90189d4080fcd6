"""comments: no reviewer's comment is left in the document.

What it does
    Counts the review comments the document still holds. Unresolved
    comments fail the check, listing how many there are, who wrote them and
    the first words of each, with the page and section they are attached to.
    Comments marked resolved ("done") pass only partly: they no longer show
    in the margin, but they are still stored in the file and anyone who opens
    a published .docx can read them in the review pane. The count of
    unresolved comments is recorded as the fact ``comments``.

Why
    A comment such as "check this figure with finance" tells a reader the
    plan was not finished, and may say more than the council meant to
    publish. Word keeps comments in the file until they are deleted.

Parameters
    ``formats`` (the formats whose reader records comments; others are
    skipped, default Word and OpenDocument); ``fact`` (name of the fact,
    default ``comments``); ``words`` (how many words of each comment to
    quote, default 12).

Example
    A .docx with a comment by "Jane Smith" reading "Can we check this figure
    with finance before it goes out?" fails with "1 unresolved comment, by
    Jane Smith" and the evidence "page 2, Savings: Jane Smith: Can we check
    this figure… (on “£4.2m”)".
"""

from __future__ import annotations

from collections import Counter

from ..messages import plural, register
from . import FAIL, PARTIAL, PASS, SKIP, Outcome
from .places import FORMATS_SCHEMA, evidence_at, first_words, format_name

register({
    "comments.not-read": "Not checked: comments are not read from {format}.",
    "comments.open": "{count}, by {authors}; the first: “{first}”.",
    "comments.resolved": "{count} still stored in the file (by {authors}); a published .docx shows them in the "
                         "review pane.",
    "comments.none": "No comments left in the document.",
})

PARAMS = {
    "type": "object",
    "properties": {
        "formats": FORMATS_SCHEMA,
        "fact": {"type": "string"},
        "words": {"type": "integer", "minimum": 1},
    },
    "additionalProperties": False,
}

DEFAULT_FORMATS = ("docx", "doc", "odt")


def describe(comment, words: int) -> str:
    author = comment.author.strip() or "no author"
    text = f"{author}: {first_words(comment.text, words)}"
    if comment.anchor.strip():
        text += f" (on “{first_words(comment.anchor, 8)}”)"
    return text


def by_author(comments) -> str:
    counts = Counter(c.author.strip() or "no author" for c in comments)
    return ", ".join(f"{name} ({count})" if len(counts) > 1 else name for name, count in counts.most_common())


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    fact = params.get("fact", "comments")
    words = params.get("words", 12)
    if document.format not in params.get("formats", DEFAULT_FORMATS):
        return Outcome(SKIP, "comments.not-read", data={"format": format_name(document)})
    open_comments = [c for c in document.comments if not c.resolved]
    resolved = [c for c in document.comments if c.resolved]
    facts = {fact: len(open_comments)}
    if open_comments:
        first = open_comments[0]
        return Outcome(FAIL, "comments.open",
                       [evidence_at(document, c, describe(c, words)) for c in open_comments],
                       [f"act on and delete the comment by {c.author or 'no author'}"
                        + (f" on page {c.page}" if c.page else "") for c in open_comments], facts,
                       data={"count": plural(len(open_comments), "unresolved comment"),
                             "authors": by_author(open_comments), "first": first_words(first.text, words)})
    if resolved:
        return Outcome(PARTIAL, "comments.resolved",
                       [evidence_at(document, c, describe(c, words)) for c in resolved],
                       ["delete the resolved comments"], facts,
                       data={"count": plural(len(resolved), "resolved comment"), "authors": by_author(resolved)})
    return Outcome(PASS, "comments.none", facts=facts)
