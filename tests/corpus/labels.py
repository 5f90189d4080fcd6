"""Read the labelled corpus: each document with the reviewer's labels.

For the agreement test and the corpus's own checks. ``holdout`` is read only
to report agreement, never to tune (see README.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent
FOLDERS = ("dev", "holdout")
DOCUMENT_SUFFIXES = (".md", ".txt")


@dataclass(frozen=True)
class LabelledDocument:
    path: Path
    folder: str                      # "dev" or "holdout"
    classes: tuple[str, ...]
    statuses: dict[str, str]         # rule ID -> pass | partial | fail
    facts: dict = field(default_factory=dict)   # only the facts the reviewer asserts
    why: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.folder}/{self.path.name}"


def labels_path(document: Path) -> Path:
    return document.with_suffix(".labels.yaml")


def documents(folder: str) -> list[Path]:
    return sorted(path for path in (CORPUS / folder).iterdir()
                  if path.is_file() and path.suffix in DOCUMENT_SUFFIXES)


def load(document: Path) -> LabelledDocument:
    with labels_path(document).open(encoding="utf-8") as handle:
        labels = yaml.safe_load(handle)
    return LabelledDocument(path=document, folder=document.parent.name,
                            classes=tuple(labels["classes"]), statuses=dict(labels["statuses"]),
                            facts=dict(labels.get("facts") or {}), why=dict(labels.get("why") or {}))


def corpus(folder: str) -> list[LabelledDocument]:
    """Every labelled document in ``folder`` ("dev" or "holdout"), in name order."""
    return [load(document) for document in documents(folder)]
