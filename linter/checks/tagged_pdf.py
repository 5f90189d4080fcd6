"""tagged-pdf: a PDF is tagged and has a title.

What it does
    For a PDF, fails when the file is not tagged (it needs both ``/MarkInfo
    << /Marked true >>`` and a ``/StructTreeRoot`` in its catalog) or has no
    ``/Title`` (in its document information or XMP metadata). Any other
    format is skipped: this is about the PDF itself.

Why
    Tags are the PDF's structure: headings, lists, tables, reading order
    and the alternative text of images all live in them, and without tags a
    screen reader gets one stream of text. The title is what the browser tab
    and assistive technology announce instead of the file name (WCAG 2.2
    techniques PDF9, PDF18; PDF/UA).

Parameters
    none.

An untagged PDF has no headings either; the heading check leaves that to
this one, so the cause is reported once, with one fix.

Example
    A plan saved with "Print to PDF" fails as saved without accessibility
    tags; in Word, File › Save As › PDF with "Document structure tags for
    accessibility" ticked, and a title set in File › Info, passes.
"""

from __future__ import annotations

from ..messages import part, register
from . import FAIL, PASS, SKIP, Outcome
from .places import format_name

PARAMS = {"type": "object", "additionalProperties": False}

# One cause, said once and in the words of the program that made the PDF; the
# PDF's own vocabulary (/MarkInfo, /StructTreeRoot) is for --explain-check.
register({
    "tagged-pdf.not-pdf": "Not applicable: {format} is not a PDF.",
    "tagged-pdf.untagged": "The PDF was saved without accessibility tags, so a screen reader gets no headings, "
                           "lists or reading order{untitled}.",
    "tagged-pdf.untitled-clause": ", and it has no title",
    "tagged-pdf.untitled": "The PDF has no title: a browser tab and a screen reader announce its file name "
                           "instead.",
    "tagged-pdf.ok": "Tagged, with the title “{title}”.",
})


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    if document.format != "pdf":
        return Outcome(SKIP, "tagged-pdf.not-pdf", data={"format": format_name(document)})
    title = (document.metadata.title or "").strip()
    if not document.tagged:
        missing = ["save the PDF with “Document structure tags for accessibility” ticked"]
        if not title:
            missing.append("set the title in File › Info before saving")
        return Outcome(FAIL, "tagged-pdf.untagged", missing=missing,
                       data={"untitled": part("tagged-pdf.untitled-clause") if not title else ""})
    if not title:
        return Outcome(FAIL, "tagged-pdf.untitled", missing=["set the title in File › Info before saving"])
    return Outcome(PASS, "tagged-pdf.ok", data={"title": title})
