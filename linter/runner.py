"""Read and check documents: the pipeline between the command line and the reporters.

:func:`collect` turns the paths given (files and folders) into the list of
files to check; :func:`check_files` checks them, in worker processes when
there are several files and more than one job, and returns the reports in
the order the files were given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from .engine import DocumentReport, Settings, check_document
from .errors import ReadError
from .readers import SUPPORTED_SUFFIXES, ReadOptions, read_document

# Folders never worth walking into; hidden ones (.git, .venv) are skipped by their dot.
SKIPPED_FOLDERS = {"node_modules", "__pycache__"}


@dataclass
class Outcome:
    reports: list[DocumentReport] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)


def _walkable(name: str) -> bool:
    return not name.startswith(".") and name not in SKIPPED_FOLDERS


def _candidate(name: str) -> bool:
    """A file a folder walk picks up: a supported type, not hidden, not a Word lock file (``~$plan.docx``)."""
    return name.lower().endswith(SUPPORTED_SUFFIXES) and not name.startswith((".", "~$"))


def collect(paths: list[str], excluded: Callable[[str], bool] = lambda path: False) -> list[str]:
    """The files to check: named files as given, folders walked in sorted order.

    ``excluded`` applies to both, so the configuration's ``exclude`` works the
    same whether a file was named (as pre-commit does) or found in a folder.
    A named path that does not exist is kept, to be reported as unreadable.
    """
    found: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            if not excluded(path):
                found.append(path)
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders
                                   if _walkable(d) and not excluded(os.path.join(folder, d)))
            found += [os.path.join(folder, name) for name in sorted(names)
                      if _candidate(name) and not excluded(os.path.join(folder, name))]
    unique: dict[str, str] = {}
    for path in found:
        unique.setdefault(os.path.normpath(path), path)
    return list(unique.values())


def check_file(path: str, packs, settings: Settings, options: ReadOptions):
    """One file's report, or an error entry naming the file and the cause."""
    try:
        document = read_document(path, options)
    except ReadError as error:
        return {"path": path, "message": str(error)}
    try:
        return check_document(document, packs, settings)
    except Exception as error:  # a fault in plancheck itself must not stop the other files
        return {"path": path, "message": f"could not be checked because of an internal error in plancheck "
                                         f"({type(error).__name__}: {error}); please report it"[:300]}


# What each worker process checks with, set once by _start_worker.
_worker: dict = {}


def _start_worker(pack_paths: list[str], settings: Settings, options: ReadOptions) -> None:
    from .packs import load_pack

    _worker.update(packs=[load_pack(p) for p in pack_paths], settings=settings, options=options)


def _check_in_worker(path: str):
    result = check_file(path, _worker["packs"], _worker["settings"], _worker["options"])
    if isinstance(result, DocumentReport):
        # Packs hold compiled patterns that are slow to unpickle; the parent has its own.
        result.packs = []
    return result


def check_files(paths: list[str], packs, settings: Settings, options: ReadOptions, jobs: int = 1,
                advance: Callable[[], None] = lambda: None) -> Outcome:
    """Check every file, ``jobs`` at a time; ``advance`` is called as each one finishes."""
    results: list = [None] * len(paths)
    if jobs > 1 and len(paths) > 1:
        # Here, not at the top: multiprocessing takes longer to import than a small plan takes to check.
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), initializer=_start_worker,
                                 initargs=([p.path for p in packs], settings, options)) as pool:
            futures = {pool.submit(_check_in_worker, path): index for index, path in enumerate(paths)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                advance()
    else:
        for index, path in enumerate(paths):
            results[index] = check_file(path, packs, settings, options)
            advance()
    outcome = Outcome()
    for result in results:
        if isinstance(result, dict):
            outcome.errors.append(result)
        else:
            result.packs = packs
            outcome.reports.append(result)
    return outcome
