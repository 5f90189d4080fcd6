"""language: the document says what language it is in.

What it does
    Passes when the document's language is set to a language tag such as
    ``en-GB``: for Word, the ``dc:language`` property or, failing that,
    the language of the Normal style or the document defaults; for a PDF,
    the catalog's ``/Lang`` (or its XMP metadata); for a web page, the
    ``lang`` attribute of ``<html>``. Fails when none is set or the value
    is not a language tag. Skipped for formats that cannot carry one
    (Markdown and plain text take the language of the site publishing them).

Why
    Screen readers choose their voice and pronunciation from the document's
    language; without it, English may be read with the rules of whatever
    language the reader's device is set to (WCAG 2.2, 3.1.1 Language of Page).

Parameters
    ``formats`` (formats checked, default Word, OpenDocument, PDF and HTML).

Example
    A PDF exported without a document language fails with "No document
    language set (the PDF's language, set from Word's)"; a Word document whose Normal style is
    English (United Kingdom) passes with "en-GB".
"""

from __future__ import annotations

import re

from ..analysis import Evidence, quote
from ..messages import register
from . import FAIL, PASS, SKIP, Outcome
from .places import FORMATS_SCHEMA, format_name

register({
    "language.not-carried": "Not checked: {format} takes its language from where it is published.",
    "language.none": "No document language set ({where}).",
    "language.not-a-tag": "The document language “{language}” is not a language tag.",
    "language.ok": "Document language: {language}.",
})

PARAMS = {
    "type": "object",
    "properties": {"formats": FORMATS_SCHEMA},
    "additionalProperties": False,
}

DEFAULT_FORMATS = ("docx", "doc", "odt", "pdf", "html")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
WHERE = {"docx": "Word's language property or the Normal style", "doc": "the document's language",
         "odt": "the document's language", "pdf": "the PDF's language, set from Word's", "html": "<html lang>"}


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    if document.format not in params.get("formats", DEFAULT_FORMATS):
        return Outcome(SKIP, "language.not-carried", data={"format": format_name(document)})
    language = (document.metadata.language or "").strip()
    evidence = [Evidence(page=None, page_exact=False, section="document properties",
                         quote=quote(f"language: {language or '(none)'}"), location="document properties")]
    if not language:
        return Outcome(FAIL, "language.none", evidence, missing=["set the document language, e.g. English (United Kingdom), "
                                                       "en-GB"],
                       data={"where": WHERE.get(document.format, "the document's language")})
    if not LANGUAGE_TAG.match(language):
        return Outcome(FAIL, "language.not-a-tag", evidence, missing=["set the document language to a tag such as en-GB"],
                       data={"language": language})
    return Outcome(PASS, "language.ok", evidence, data={"language": language})
