"""Read and check documents: the pipeline between the command line and the reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

from .engine import DocumentReport, Settings, check_document
from .errors import ReadError
from .readers import ReadOptions, read_document


@dataclass
class Outcome:
    reports: list[DocumentReport] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)


def check_file(path: str, packs, settings: Settings, options: ReadOptions):
    """One file's report, or an error entry naming the file and the cause."""
    try:
        document = read_document(path, options)
    except ReadError as error:
        return {"path": path, "message": str(error)}
    return check_document(document, packs, settings)


def check_files(paths: list[str], packs, settings: Settings, options: ReadOptions) -> Outcome:
    outcome = Outcome()
    for path in paths:
        result = check_file(path, packs, settings, options)
        if isinstance(result, dict):
            outcome.errors.append(result)
        else:
            outcome.reports.append(result)
    return outcome
