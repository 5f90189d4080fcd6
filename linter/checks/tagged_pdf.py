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

Example
    A plan saved with "Print to PDF" fails with "Not tagged"; in Word,
    File › Save As › PDF with "Document structure tags for accessibility"
    ticked, and a title set in File › Info, passes.
"""

from __future__ import annotations

from ..analysis import Evidence, quote
from . import FAIL, PASS, SKIP, Outcome
from .places import format_name

PARAMS = {"type": "object", "additionalProperties": False}


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    if document.format != "pdf":
        return Outcome(SKIP, f"Not applicable: {format_name(document)} is not a PDF.")
    title = (document.metadata.title or "").strip()
    evidence = [Evidence(page=None, page_exact=False, section="document properties",
                         quote=quote(f"tagged: {'yes' if document.tagged else 'no'}; title: "
                                     f"{('“' + title + '”') if title else '(none)'}"),
                         location="document properties")]
    problems, missing = [], []
    if not document.tagged:
        problems.append("not tagged (no /MarkInfo /Marked or no /StructTreeRoot)")
        missing.append("export the PDF with tags (Word: Options › Document structure tags for accessibility)")
    if not title:
        problems.append("no /Title")
        missing.append("set the title in the source document's properties before exporting")
    if problems:
        message = "; ".join(problems)
        return Outcome(FAIL, message[0].upper() + message[1:] + ".", evidence, missing)
    return Outcome(PASS, f"Tagged, with the title “{title}”.", evidence)
