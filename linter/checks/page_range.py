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

from ..analysis import Evidence
from . import FAIL, PASS, Outcome
from .places import plural

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


def describe_count(pages: int | None, method: str | None) -> str:
    how = METHOD_WORDS.get(method or "", "counted")
    return f"{pages} page{'s' if pages != 1 else ''} ({how})"


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    pages, method = document.pages, document.pages_method
    low, high = params.get("min"), params.get("max")
    wanted = (f"{low} to {high} pages" if low is not None and high is not None
              else f"at least {low} pages" if low is not None else f"at most {high} pages")
    counted = describe_count(pages, method)
    evidence = [Evidence(page=pages, page_exact=method != "estimate", section="",
                         quote=f"{counted}, {document.words} words", location="whole document")]
    if pages is None:
        return Outcome(FAIL, "The page count could not be obtained.", evidence,
                       missing=[f"a document of {wanted}"])
    if low is not None and pages < low:
        return Outcome(FAIL, f"{counted}: {plural(low - pages, 'page')} short of the {wanted} asked for.",
                       evidence, missing=[f"about {plural(low - pages, 'page')} more"])
    if high is not None and pages > high:
        note = " An estimate can be out by a page; export a PDF to be sure." if method == "estimate" else ""
        return Outcome(FAIL, f"{counted}: {plural(pages - high, 'page')} over the {wanted} asked for.{note}",
                       evidence, missing=[f"cut about {plural(pages - high, 'page')}"])
    return Outcome(PASS, f"{counted}, within the {wanted} asked for.", evidence)
