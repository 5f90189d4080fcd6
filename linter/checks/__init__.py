"""Check types: the small vocabulary rule packs are written in.

Each check type is one module whose docstring is its documentation. A module
exposes ``PARAMS`` (a JSON Schema for the ``params`` of a rule using it) and
``check(analysis, params, pack) -> Outcome``: a pure function of the document
analysis and the rule's parameters. Rule packs name a type by its key in
``CHECK_TYPES``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..analysis import Evidence
from ..messages import render

CHECK_TYPES = {
    "page-range": "page_range",
    "theme": "theme",
    "question": "question",
    "statements": "statements",
    "figure": "figure",
    # Publication readiness (rules/publication.yaml)
    "comments": "comments",
    "tracked-changes": "tracked_changes",
    "drafting-text": "drafting_text",
    "contents": "contents",
    "links": "links",
    "metadata": "metadata",
    "heading-structure": "heading_structure",
    "alt-text": "alt_text",
    "table-structure": "table_structure",
    "language": "language",
    "tagged-pdf": "tagged_pdf",
    "sentence-length": "sentence_length",
    "reading-age": "reading_age",
}

PASS, PARTIAL, FAIL, SKIP = "pass", "partial", "fail", "skip"

# How a check's PARAMS schema accepts a concept: "$name" or an inline list of terms.
CONCEPT = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
MAX_EVIDENCE = 3


@dataclass
class Outcome:
    """What a check found: a status, a finding code with its values, evidence and facts.

    ``finding`` is a code registered in :mod:`plancheck.messages` (such as
    ``theme.thin-answer``) and ``data`` the values its sentence needs; the
    sentence itself is :attr:`message`. Checks never write user-facing prose.
    """

    status: str
    finding: str
    evidence: list[Evidence] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    def __post_init__(self):
        self.evidence = self.evidence[:MAX_EVIDENCE]

    @property
    def message(self) -> str:
        return render(self.finding, self.data)


def module_for(check_type: str):
    """The module implementing a check type (imported on first use)."""
    return importlib.import_module(f".{CHECK_TYPES[check_type]}", __name__)
