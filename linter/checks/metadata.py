"""metadata: the document's properties give it a title and leak nobody's name.

What it does
    Reads the document's properties (Word's File › Info, a PDF's document
    properties, a web page's ``<title>`` and ``<meta>``) and reports:

    * no title, a title left at a default ("Document1", "Untitled",
      "Microsoft Word - plan.docx") or a file name as the title;
    * an author, last-modified-by or company field that names a person:
      an email address, a user name such as "jane.smith", "Smith, Jane",
      or two to four capitalised words none of which is an organisation
      or role word (``not_name_words``: "Council", "Team", "Service",
      "Policy"...). The test is general, not a list of names: "Policy and
      Performance Team" and "Anytown Borough Council" pass, "Jane Smith"
      and "J. R. Smith" do not;
    * a field left at a tool's or a template's default (``default_names``:
      "python-docx", "Microsoft Office User", "Author", "Unknown"...),
      which says how the document was made rather than who publishes it.

    For Markdown, a level-1 heading stands in for a missing title, as site
    generators use it. A plain-text file has no properties: skipped.

Why
    The title is what a browser tab, a search result and a screen reader
    announce for a PDF or a page (WCAG 2.2, 2.4.2 Page Titled). Author
    fields are filled in by Word from whoever set up the computer; published,
    they name an officer who never chose to be named, or show the plan came
    out of a script.

Parameters
    ``fields`` (properties checked for names and defaults, default
    ``author``, ``last_modified_by``, ``company``); ``not_name_words``;
    ``default_names`` (compared whole, ignoring case; a trailing ``*``
    matches any ending); ``default_titles`` (likewise); ``formats``.

Example
    A .docx made with python-docx and never given a title fails with "no
    title; author “python-docx” is a tool's default". Title "Productivity
    plan 2024", author "Anytown Borough Council" passes.
"""

from __future__ import annotations

import fnmatch
import re

from ..analysis import Evidence, quote
from ..document import HEADING
from ..messages import part, register
from . import FAIL, PASS, SKIP, Outcome
from .places import FORMATS_SCHEMA, format_name

register({
    "metadata.no-properties": "Not checked: {format} has no document properties.",
    "metadata.ok": "Titled “{title}”; no personal names or tool defaults in the properties.",
    "metadata.problems": "{problems}.",
    "metadata.no-title": "no title",
    "metadata.default-title": "the title “{title}” is a default or a file name",
    "metadata.default-name": "{field} “{value}” is a tool's or template's default",
    "metadata.personal": "{field} “{value}” looks like {reason}",
})

PARAMS = {
    "type": "object",
    "$defs": {"words": {"type": "array", "items": {"type": "string", "minLength": 1}}},
    "properties": {
        "fields": {"type": "array", "items": {"enum": ["author", "last_modified_by", "company"]}},
        "not_name_words": {"$ref": "#/$defs/words"},
        "default_names": {"$ref": "#/$defs/words"},
        "default_titles": {"$ref": "#/$defs/words"},
        "formats": FORMATS_SCHEMA,
    },
    "additionalProperties": False,
}

DEFAULT_FORMATS = ("docx", "doc", "odt", "pdf", "html", "markdown")
FIELD_NAMES = {"author": "author", "last_modified_by": "last modified by", "company": "company"}
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
USER_NAME = re.compile(r"^[a-z]+[._][a-z]+\d*$")
NAME_WORD = re.compile(r"^(?:Ma?c[A-Z][a-z]+|[A-Z][a-z]*(?:[-'’][A-Z][a-z]+)*)\.?$")
FILE_NAME = re.compile(r"\.(?:docx?|docm|dotx?|pdf|odt|rtf|txt|html?|md)$", re.IGNORECASE)


def _matches(value: str, patterns) -> bool:
    value = " ".join(value.split()).lower()
    return any(fnmatch.fnmatchcase(value, " ".join(p.split()).lower()) for p in patterns)


def personal_name(value: str, not_name_words) -> str | None:
    """Why ``value`` looks like a person's name ("an email address"...), or None."""
    value = " ".join(value.split())
    if EMAIL.match(value):
        return "an email address"
    if USER_NAME.match(value):
        return "a person's user name"
    stop = {w.lower() for w in not_name_words}
    if "," in value:
        surname, _, forenames = value.partition(",")
        words = surname.split() + forenames.split()
    else:
        words = value.split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".") in stop for w in words):
        return None
    if all(NAME_WORD.match(w) for w in words) and sum(len(w.strip(".")) > 1 for w in words) >= 1:
        return "a personal name"
    return None


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    if document.format not in params.get("formats", DEFAULT_FORMATS):
        return Outcome(SKIP, "metadata.no-properties", data={"format": format_name(document)})
    metadata = document.metadata
    problems: list[tuple[dict, str]] = []  # (finding part, what the property holds)
    title = (metadata.title or "").strip()
    if not title and document.format == "markdown":
        title = next((b.text for b in document.blocks if b.kind == HEADING and b.level == 1
                      and b.heading_source == "markdown"), "")
    if not title:
        problems.append((part("metadata.no-title"), "title: (none)"))
    elif _matches(title, params.get("default_titles", ())) or FILE_NAME.search(title):
        problems.append((part("metadata.default-title", title=title), f"title: “{title}”"))
    for field in params.get("fields", list(FIELD_NAMES)):
        value = (getattr(metadata, field) or "").strip()
        if not value:
            continue
        label = FIELD_NAMES[field]
        if _matches(value, params.get("default_names", ())):
            problems.append((part("metadata.default-name", field=label, value=value), f"{label}: “{value}”"))
            continue
        reason = personal_name(value, params.get("not_name_words", ()))
        if reason:
            problems.append((part("metadata.personal", field=label, value=value, reason=reason),
                             f"{label}: “{value}”"))
    if not problems:
        return Outcome(PASS, "metadata.ok", data={"title": title})
    evidence = [Evidence(page=None, page_exact=False, section="document properties", quote=quote(text),
                         location="document properties") for _, text in problems]
    return Outcome(FAIL, "metadata.problems", evidence, [f"fix the document properties: {held}" for _, held in problems],
                   data={"problems": [found for found, _ in problems]})
