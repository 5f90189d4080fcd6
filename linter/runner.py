"""Read and check documents: the pipeline between the command line and the reporters.

:func:`collect` turns the paths given (files and folders) into the list of
files to check; :func:`check_each` checks them, each in a limited child
process, and hands back each report as soon as it is ready, in the order the
files were given; :func:`check_files` collects them.
"""

from __future__ import annotations

import os
import time
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from . import isolate
from .document import Document
from .engine import DocumentReport, Settings, check_document
from .errors import InternalError, ReadError
from .readers import TOO_MUCH_MEMORY, ReadOptions, internal_error, read_document, time_limit_error

if TYPE_CHECKING:
    from .config import Resolver
    from .libreoffice import EarlyRendering


@dataclass
class Outcome:
    """What a run produced: the reports of the files it checked and the errors of those it could not."""

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
        except MemoryError:
            raise ReadError("needs too much memory to check; it may be damaged") from None
        except Exception as error:  # a fault in plancheck itself must not stop the other files
            raise internal_error(error, "checked") from None
    except ReadError as error:
        return {"path": path, "message": str(error)}
    except InternalError as error:
        entry = {"path": path, "message": str(error)}
        if options.debug:
            entry["traceback"] = error.details
        return entry


WORD_SUFFIXES = (".docx", ".docm", ".doc", ".odt")


def _check_in_child(path: str, packs, settings: Settings, options: ReadOptions):
    """Read and check one file in a limited child; what goes back to the parent is kept small."""
    result = check_file(path, packs, settings, options)
    if isinstance(result, DocumentReport):
        # The parent has the packs, and reporters need only the document's summary, not its text:
        # sending less keeps both the pipe and the parent's memory small however many files there are.
        result.packs = []
        for item in result.results:
            item.rule = (item.rule.pack, item.rule.id)
        document = result.document
        result.document = Document(path=document.path, format=document.format, metadata=document.metadata,
                                   pages=document.pages, pages_method=document.pages_method,
                                   tagged=document.tagged, notes=document.notes)
    return result


class Task(NamedTuple):
    """One file to check, and what to check it against."""

    path: str
    packs: list
    settings: Settings
    options: ReadOptions


def _prepare_children(tasks: list[Task]) -> None:
    """Do here, once, what every child would otherwise do again: each inherits it when forked.

    That is importing the readers the files need and compiling the packs' term patterns.
    """
    import importlib

    from .packs import compile_patterns
    from .readers import READER_MODULES, SUFFIX_FORMATS

    formats = {SUFFIX_FORMATS.get(os.path.splitext(task.path)[1].lower()) for task in tasks}
    for module in sorted({READER_MODULES[fmt] for fmt in formats if fmt in READER_MODULES}):
        importlib.import_module(f".readers.{module}", __package__)
    for pack in {id(pack): pack for task in tasks for pack in task.packs}.values():
        compile_patterns(pack)


def check_each(paths: list[str], packs, settings: Settings, options: ReadOptions, jobs: int = 1,
               advance: Callable[[], None] = lambda: None) -> Iterator:
    """Each file's report (or error entry), in the order given, as soon as it and those before are done."""
    return check_tasks([Task(path, packs, settings, options) for path in paths], jobs, advance)


def check_tasks(tasks: list[Task], jobs: int = 1, advance: Callable[[], None] = lambda: None,
                early: EarlyRendering | None = None) -> Iterator:
    """Each task's report (or error entry), in order, as soon as it and those before are done.

    Every file is read and checked in a child process of its own (see
    :mod:`plancheck.isolate`), ``jobs`` at a time, and stopped at its
    ``options.time_limit``; when pages are laid out, one LibreOffice process
    renders the run's Word files meanwhile (see
    :func:`plancheck.readers.convert.render_all`). Stopping the iteration
    early (an interrupt, or closing it) kills every child and LibreOffice
    and removes every temporary file. ``advance`` is called as each file
    finishes, in whatever order.

    Reports carry a summary of their document (path, format, pages, notes),
    not its text. ``early`` is the rendering :func:`start_rendering` started
    for a task checked alone.
    """
    if not isolate.available():
        for task in tasks:
            result = check_file(*task)
            advance()
            yield result
        return
    if len(tasks) == 1:
        # One file: checked in this process, within the same limits (forking would cost more than reading).
        try:
            result = _check_alone(tasks[0], rendered=bool(_renderings(tasks, None)), early=early)
        except RuntimeError:  # not the main thread, so no timer: a child after all
            pass
        else:
            advance()
            yield result
            return
    if len(tasks) > 1:
        _prepare_children(tasks)
    scratch = isolate.Scratch()
    running: dict[isolate.Child, int] = {}
    renderer = None
    try:
        renderings = _renderings(tasks, scratch)
        if renderings:
            (scratch.path / "rendered").mkdir()
            from .readers import convert

            renderer = isolate.Child(scratch, convert.render_all,
                                     [(tasks[index].path, base, tasks[index].options.pages)
                                      for index, base in renderings.items()],
                                     max(task.options.layout_timeout for task in tasks), limit_memory=False)
        finished: dict[int, object] = {}
        waiting, next_out = 0, 0
        # Results finished out of order wait for those before them; bound how many, so memory stays flat.
        window = max(32, 8 * jobs)
        while next_out < len(tasks):
            while waiting < len(tasks) and len(running) < jobs and waiting < next_out + window:
                path, packs, settings, options = tasks[waiting]
                options = replace(options, rendering=renderings.get(waiting))
                running[isolate.Child(scratch, _check_in_child, path, packs, settings, options)] = waiting
                waiting += 1
            now = time.monotonic()
            deadlines = [child.started + tasks[index].options.time_limit - now for child, index in running.items()]
            listening = list(running) + ([renderer] if renderer is not None else [])
            for child in isolate.wait(listening, max(min(deadlines), 0) if deadlines else None):
                if child is renderer:
                    if renderer.read_some():
                        renderer = _close_renderer(renderer, renderings)
                elif child.read_some():
                    index = running.pop(child)
                    finished[index] = _result(child, tasks[index].path)
                    advance()
            now = time.monotonic()
            for child, index in list(running.items()):
                limit = tasks[index].options.time_limit
                if now - child.started >= limit:
                    del running[child]
                    child.kill()
                    finished[index] = {"path": tasks[index].path,
                                       "message": str(time_limit_error(limit, "read and check"))}
                    advance()
            while next_out in finished:
                yield _with_packs(finished.pop(next_out), tasks[next_out].packs)
                next_out += 1
    finally:
        for child in running:
            child.kill()
        if renderer is not None:
            renderer.kill()
        scratch.remove()


def start_rendering(paths: list[str], pages: str, offered: EarlyRendering | None = None) -> EarlyRendering | None:
    """For a single Word file whose pages are laid out, its rendering, started now; else None.

    ``offered`` is a rendering started before the command line was read (see
    :mod:`plancheck.launch`): it is the one returned when it is the rendering
    that would be started here; the caller stops it otherwise.
    """
    if len(paths) != 1 or paths[0] == "-" or not isolate.available():
        return None
    if not _renderings([Task(paths[0], [], Settings(), ReadOptions(pages=pages))], None):
        return None
    if offered is not None and offered.renders(paths[0], pages):
        return offered
    from .libreoffice import EarlyRendering

    return EarlyRendering(paths[0], pages)


def _check_alone(task: Task, rendered: bool, early: EarlyRendering | None = None):
    """One task's report (or error entry), checked in this process within a child's limits;
    ``rendered``: laid out by a LibreOffice started first (``early``, or here), which works while
    the file is read."""
    limit = task.options.time_limit
    try:
        with isolate.within_limits(limit, time_limit_error(limit, "read and check")) as scratch:
            if not rendered:
                result = _check_in_child(*task)
            elif early is not None and early.rendering.source == Path(task.path):
                early.rendering.meanwhile.append(lambda: _import_checks(task.packs))
                result = _check_in_child(*task[:3], replace(task.options, rendering=early.rendering))
            else:
                from .readers.convert import Rendering

                (scratch / "render").mkdir()
                rendering = Rendering(Path(task.path), scratch / "render", task.options.pages)
                rendering.meanwhile.append(lambda: _import_checks(task.packs))
                try:
                    result = _check_in_child(*task[:3], replace(task.options, rendering=rendering))
                finally:
                    rendering.close()
    except ReadError as error:
        return {"path": task.path, "message": str(error)}
    except MemoryError:
        return {"path": task.path, "message": TOO_MUCH_MEMORY}
    # Reported exactly as a child's report would be.
    return _with_packs(result, task.packs)


def _import_checks(packs) -> None:
    """Import the modules of the packs' check types, which the check imports as it needs them."""
    from .checks import module_for

    for pack in packs:
        for rule in pack.rules:
            module_for(rule.check)


def _renderings(tasks: list[Task], scratch: isolate.Scratch | None) -> dict[int, str]:
    """For the Word files whose pages are to be laid out: where their renderings will be (None
    as ``scratch``: only which)."""
    wanted = {index for index, task in enumerate(tasks)
              if task.options.pages in ("auto", "layout") and task.path.lower().endswith(WORD_SUFFIXES)}
    if not wanted:
        return {}
    from .readers.convert import soffice_path

    if soffice_path() is None:
        return {}
    folder = scratch.path if scratch is not None else "."
    return {index: os.path.join(folder, "rendered", f"{index:06d}") for index in sorted(wanted)}


def _close_renderer(renderer: isolate.Child, renderings: dict[int, str]) -> None:
    from .readers import convert

    try:
        renderer.result()
    except Exception:  # noqa: BLE001  readers still waiting convert their files themselves
        pass
    for base in renderings.values():
        convert.mark_unrendered(base)
    return None


def _result(child: isolate.Child, path: str):
    try:
        return child.result()
    except isolate.Died as error:
        return {"path": path, "message": f"could not be checked: {error}"}
    except MemoryError:
        return {"path": path, "message": TOO_MUCH_MEMORY}
    except ReadError as error:
        return {"path": path, "message": str(error)}
    except Exception as error:  # a fault in plancheck itself must not stop the other files
        return {"path": path, "message": str(internal_error(error, "checked"))}


def _with_packs(result, packs):
    """A report from a child joined to the parent's packs and rules again (the child sent their keys)."""
    if isinstance(result, DocumentReport):
        result.packs = packs
        rules = {(rule.pack, rule.id): rule for pack in packs for rule in pack.rules}
        for item in result.results:
            if isinstance(item.rule, tuple):
                item.rule = rules[item.rule]
    return result


def check_files(paths: list[str], packs, settings: Settings, options: ReadOptions, jobs: int = 1,
                advance: Callable[[], None] = lambda: None) -> Outcome:
    """Check every file, ``jobs`` at a time; the reports in the order the files were given."""
    outcome = Outcome()
    with closing(check_each(paths, packs, settings, options, jobs, advance)) as results:
        for result in results:
            if isinstance(result, dict):
                outcome.errors.append(result)
            else:
                outcome.reports.append(result)
    return outcome
