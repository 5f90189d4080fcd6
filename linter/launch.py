"""The program's entry point (``plancheck``, ``python -m plancheck``): the file's work first.

Reading the command line properly needs plancheck.cli, and importing it
(click, the rule packs, the checks they name) takes about a tenth of a
second: as long as reading a short plan. So the command line is first looked
at here, with little more than the standard library, and when it names one
file to check, the work on it starts at once, beside the import:

- a Word file whose pages are laid out: LibreOffice is started on it (a
  :class:`plancheck.readers.convert.EarlyRendering`), which takes most of
  such a run;
- any other file plancheck reads itself (PDF, Word with estimated pages,
  Markdown, text, HTML): it is read in a limited child process, as a file of
  a folder is (an :class:`EarlyRead`), and the document comes back to be
  checked here.

This is a guess, and plancheck.cli has the last word: once the command line,
the configuration and the files are known, the early work is kept only if it
is what the run would have done itself (the same file, the same page mode;
see :func:`plancheck.runner.start_rendering` and
:func:`plancheck.runner.check_tasks`); otherwise it is stopped at once. A
guess that is wrong costs work started and thrown away; one that is never
made costs nothing.
"""

from __future__ import annotations

import os
import sys

# plancheck's options that take a value (the next argument, or after "="), and those that do not.
# tests/test_launch.py checks both against the command's own options.
VALUED = {"--config", "--rules", "--format", "--output", "-o", "--fail-under", "--pages", "--select",
          "--ignore", "--jobs", "-j", "--explain", "--explain-check", "--color", "--stdin-filename"}
FLAGS = {"--failures", "--full", "-q", "--verbose", "-v", "--force-exclude", "--debug"}
# Options that end the run before any file is checked, or read the files otherwise.
NO_RENDERING = {"--help", "-h", "--version", "--list-rules", "--explain", "--explain-check", "--outline",
                "--stdin-filename"}
WORD_SUFFIXES = (".docx", ".docm", ".doc", ".odt")
# What is read early when it is not laid out: the formats plancheck reads without LibreOffice.
READ_SUFFIXES = (".pdf", ".docx", ".docm", ".md", ".markdown", ".txt", ".text", ".html", ".htm")


def guess(args: list[str]) -> tuple[str, str] | None:
    """(file, page mode) when ``args`` check one Word file whose pages may be laid out; else None."""
    if args[:1] == ["annotate"]:
        return None
    paths: list[str] = []
    pages = "auto"
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            paths.extend(args[index:])
            break
        if not arg.startswith("-") or arg == "-":
            paths.append(arg)
            continue
        name, equals, value = arg.partition("=")
        if name in NO_RENDERING:
            return None
        if name in VALUED:
            if not equals:
                if index >= len(args):
                    return None
                value = args[index]
                index += 1
            if name == "--pages":
                pages = value
        elif name not in FLAGS or equals:
            return None  # something click reads otherwise (short options run together, say)
    if len(paths) != 1 or pages not in ("auto", "layout", "estimate") or not os.path.isfile(paths[0]):
        return None
    return paths[0], pages


def renders(path: str, pages: str) -> bool:
    """Whether the file is laid out by LibreOffice (when it is installed) in page mode ``pages``."""
    return path.lower().endswith(WORD_SUFFIXES) and pages != "estimate"


class EarlyRead:
    """A file read in a limited child process (see :mod:`plancheck.isolate`), started before the run
    is ready to check it; :meth:`close` stops it, whatever happened meanwhile, and may be called again.

    The child is started first thing, and imports the readers itself.
    """

    def __init__(self, path: str, pages: str):
        from . import isolate

        self.path, self.pages = path, pages
        self.scratch = isolate.Scratch()
        try:
            self.child: isolate.Child | None = isolate.Child(self.scratch, _read, path, pages)
        except BaseException:
            self.scratch.remove()
            raise

    def reads(self, path: str, options) -> bool:
        """Whether this is the reading of ``path`` with ``options`` (--debug aside, which only
        decides what is shown of an error)."""
        from dataclasses import replace

        from .readers import ReadOptions

        return (os.path.realpath(path) == os.path.realpath(self.path)
                and replace(options, debug=False) == ReadOptions(pages=self.pages))

    def document(self, path, options):
        """The document read (as :func:`plancheck.readers.read_document` returns it), or the error
        reading it raised. The caller's time limit covers the wait."""
        from . import cache, isolate

        child = self.child
        while not (isolate.wait([child], None) and child.read_some()):
            pass
        self.child = None
        document, programs = child.result()
        cache.adopt_programs(programs)
        return document

    def close(self) -> None:
        if self.child is not None:
            self.child.kill()
            self.child = None
        if self.scratch is not None:
            self.scratch.remove()
            self.scratch = None


def _read(path: str, pages: str):
    """In the child: the document, and the patterns reading it compiled that the pattern cache
    lacks, for the run to remember (see plancheck.cache)."""
    from . import cache

    cache.warm_patterns_once()
    from .readers import ReadOptions, _read_document

    document = _read_document(path, ReadOptions(pages=pages))
    return document, cache.new_programs()


def start_early(args: list[str]):
    """The rendering or the reading of the file ``args`` check alone, started now; None when there
    is none to start, or it could not start (the run then does whatever it would have done)."""
    wanted = guess(args)
    if wanted is None or not hasattr(os, "fork"):  # without fork, nothing runs beside the import
        return None
    path, pages = wanted
    try:
        # Their patterns compiled afresh: reading the pattern cache first would take longer.
        if renders(path, pages):
            from .readers import convert

            if convert.soffice_path() is not None:
                return convert.EarlyRendering(path, pages)
        if path.lower().endswith(READ_SUFFIXES):
            return EarlyRead(path, pages)
    except Exception:  # noqa: BLE001  whatever went wrong, the run proper meets it and says so
        pass
    return None


def run() -> None:
    """Start LibreOffice if the command line asks for it, then run plancheck.cli.

    While LibreOffice starts and plancheck.cli is imported, a Ctrl-C or a
    TERM waits (a fraction of a second): an import stopped half-way fails in
    ways that do not say "interrupted". Then the early LibreOffice is stopped
    and plancheck exits 130 (143), as plancheck.cli does later in the run.
    """
    if guess(sys.argv[1:]) is None:
        from .cli import run as run_command

        run_command()
        return
    import signal

    received: list[int] = []

    def hold(signum, frame):
        received.append(signum)

    def terminate(signum, frame):
        raise SystemExit(143)

    previous = signal.signal(signal.SIGINT, hold)
    signal.signal(signal.SIGTERM, hold)
    early = None
    try:
        early = start_early(sys.argv[1:])
        from .cli import run as run_command
    except BaseException:
        if early is not None:
            early.close()
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
        # Until plancheck.cli puts its own in place: a TERM still stops the early LibreOffice.
        signal.signal(signal.SIGTERM, terminate)
    if received:
        if early is not None:
            early.close()
        if received[0] == signal.SIGINT:
            print("plancheck: interrupted", file=sys.stderr)
            sys.exit(130)
        sys.exit(143)
    run_command(early)
