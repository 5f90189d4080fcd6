"""Helpers the publication checks share: where an item is, and which formats a check reads.

Not a check type. Comments, revisions, links and images carry a page,
section and location of their own; :func:`evidence_at` turns one into
:class:`~plancheck.analysis.Evidence` with the same form as the evidence of a
block, so every report points at a page, a section and a quote.
"""

from __future__ import annotations

from ..analysis import Evidence, quote
from ..document import Document
from ..readers import FORMAT_NAMES, READER_MODULES

EXACT_METHODS = ("pdf", "rendered-breaks", "layout")

# The formats a document can have, named as the readers name them.
DOCUMENT_FORMATS = sorted(set(READER_MODULES))

FORMATS_SCHEMA = {"type": "array", "items": {"enum": DOCUMENT_FORMATS}, "uniqueItems": True}


def format_name(document: Document) -> str:
    return FORMAT_NAMES.get(document.format, f"a {document.format} file")


def block_at(document: Document, location: str):
    """The block cited as ``location`` ("paragraph 12", "page 2, block 3"), or None."""
    if not location:
        return None
    for block in list(document.blocks) + list(document.headers_footers):
        if block.location == location:
            return block
    return None


def block_near(document: Document, item):
    """The block an annotation sits in: by its location, else the last block starting at or before its line."""
    block = block_at(document, getattr(item, "location", ""))
    if block is not None:
        return block
    line = getattr(item, "line", None)
    candidates = [b for b in document.blocks if line is not None and b.line <= line]
    return max(candidates, key=lambda b: b.line) if candidates else None


def evidence_at(document: Document, item, text: str, limit: int = 200) -> Evidence:
    """Evidence for an annotation (comment, revision, link, image) from its own place.

    Where the reader gave the item no page or section, those of the block it
    sits in are used.
    """
    block = block_near(document, item)
    page = item.page if item.page is not None else (block.page if block is not None else None)
    section = tuple(getattr(item, "section", ()) or ()) or (block.section if block is not None else ())
    if block is not None and block.page == page:
        exact = block.page_exact
    else:
        exact = page is not None and document.pages_method in EXACT_METHODS
    return Evidence(page=page, page_exact=exact, section=" › ".join(section[-2:]),
                    quote=quote(text, limit=limit), location=getattr(item, "location", ""),
                    line=getattr(item, "line", 1))


def first_words(text: str, count: int = 12) -> str:
    """The start of ``text``: its first ``count`` words, with "…" when there is more."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
