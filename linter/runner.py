"""Read and check documents: the pipeline between the command line and the reporters.

:func:`collect` turns the paths given (files and folders) into the list of
files to check; :func:`check_files` checks them, in worker processes when
there are several files and more than one job, and returns the reports in
the order the files were given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from .engine import DocumentReport, Settings, check_document
from .errors import InternalError, ReadError
from .readers import ReadOptions, internal_error, read_document

if TYPE_CHECKING:
    from .config import Resolver


@dataclass
class Outcome:
    reports: list[DocumentReport] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)


# Folders never worth walking into, whatever the configuration; hidden ones (.git, .venv) are skipped by their dot.
SKIPPED_FOLDERS = {"node_modules", "__pycache__"}


def _hidden(name: str) -> bool:
    """Hidden files and folders (``.git``, ``.venv``) and Word's lock files (``~$plan.docx``)."""
    return name.startswith((".", "~$"))


def _same_file_key(path: str) -> str:
    """What makes two paths the same file: the real path, so a file reached again through a
    symlinked folder, ``./`` or ``..`` is checked once."""
    return os.path.realpath(path)


def collect(paths: list[str], resolver: "Resolver | None" = None, force_exclude: bool = False) -> list[str]:
    """The files to check: named files as given, folders walked in sorted order.

    A folder walk takes the files that match the ``include`` globs of the
    configuration that applies there and none of its ``exclude`` globs, and
    passes over hidden files and folders and Word's lock files. A file named
    explicitly is checked whatever its name, unless ``force_exclude`` (or the
    configuration's ``force-exclude``) applies the exclusions to it too, as
    the pre-commit hook does. A named path that does not exist is kept, to be
    reported as unreadable. ``-`` (standard input) is kept as it is.
    """
    from .config import Resolver

    resolver = resolver or Resolver()
    found: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            if path != "-":
                config = resolver.for_file(path)
                if (force_exclude or config.force_exclude) and config.excludes(path):
                    continue
            found.append(path)
            continue
        for folder, subfolders, names in os.walk(path):
            config = resolver.for_folder(folder)
            subfolders[:] = sorted(name for name in subfolders
                                   if not _hidden(name) and name not in SKIPPED_FOLDERS
                                   and not config.excludes(os.path.join(folder, name)))
            for name in sorted(names):
                file = os.path.join(folder, name)
                if not _hidden(name) and config.includes(file) and not config.excludes(file):
                    found.append(file)
    unique: dict[str, str] = {}
    for path in found:
        unique.setdefault(path if path == "-" else _same_file_key(path), path)
    return list(unique.values())


def check_file(path: str, packs, settings: Settings, options: ReadOptions):
    """One file's report, or an error entry naming the file and the cause.

    An internal error's entry carries its traceback as ``traceback`` when
    ``options.debug`` is set.
    """
    try:
        document = read_document(path, options)
        try:
            return check_document(document, packs, settings)
        except Exception as error:  # a fault in plancheck itself must not stop the other files
            raise internal_error(error, "checked") from None
    except ReadError as error:
        return {"path": path, "message": str(error)}
    except InternalError as error:
        entry = {"path": path, "message": str(error)}
        if options.debug:
            entry["traceback"] = error.details
        return entry


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
