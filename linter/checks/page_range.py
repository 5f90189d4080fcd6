"""page-range: the document's length in pages is within bounds.

What it does
    Compares the page count the reader obtained with ``min`` and ``max``.

Why
    A length limit is usually the first thing a reviewer sees. The count is
    only as good as its method, so the message always says how it was
    obtained: counted in a PDF, taken from Word's own layout, laid out by
    LibreOffice, or estimated from the amount of text.

Parameters
    ``min`` (integer, optional), ``max`` (integer, optional).

Example
    ``check: page-range`` with ``params: {min: 3, max: 4}`` passes a 4-page
    plan and fails a 6-page one with "2 pages over".
"""

from __future__ import annotations

from ..messages import part, plural, register
from . import FAIL, PASS, Outcome

PARAMS = {
    "type": "object",
    "properties": {"min": {"type": "integer", "minimum": 0}, "max": {"type": "integer", "minimum": 1}},
    "additionalProperties": False,
}

METHOD_WORDS = {
    "pdf": "counted in the PDF",
    "rendered-breaks": "as Word last laid it out",
    "layout": "as laid out by LibreOffice",
    "estimate": "estimated from the amount of text",
}

# The page count is a fact about the whole document, stated in the message;
# no quotation is made up for it and no page is claimed for it.
register({
    "pages.unknown": "The page count could not be obtained.",
    "pages.short": "{counted}: {by} short of the {wanted} asked for.",
    "pages.over": "{counted}: {by} over the {wanted} asked for.{note}",
    "pages.estimate-note": " An estimate can be out by a page; export a PDF to be sure.",
    "pages.ok": "{counted}, within the {wanted} asked for.",
    "pages.between": "{low} to {high} pages",
    "pages.at-least": "at least {low} pages",
    "pages.at-most": "at most {high} pages",
})


def describe_count(pages: int | None, method: str | None) -> str:
    how = METHOD_WORDS.get(method or "", "counted")
    return f"{pages} page{'s' if pages != 1 else ''} ({how})"


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    pages, method = document.pages, document.pages_method
    low, high = params.get("min"), params.get("max")
    wanted = (part("pages.between", low=low, high=high) if low is not None and high is not None
              else part("pages.at-least", low=low) if low is not None else part("pages.at-most", high=high))
    counted = describe_count(pages, method)
    if pages is None:
        return Outcome(FAIL, "pages.unknown", missing=["a document of the length asked for"])
    if low is not None and pages < low:
        return Outcome(FAIL, "pages.short", missing=[f"about {plural(low - pages, 'page')} more"],
                       data={"counted": counted, "by": plural(low - pages, "page"), "wanted": wanted})
    if high is not None and pages > high:
        return Outcome(FAIL, "pages.over", missing=[f"cut about {plural(pages - high, 'page')}"],
                       data={"counted": counted, "by": plural(pages - high, "page"), "wanted": wanted,
                             "note": part("pages.estimate-note") if method == "estimate" else ""})
    return Outcome(PASS, "pages.ok", data={"counted": counted, "wanted": wanted})
