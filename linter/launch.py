"""The program's entry point (``plancheck``, ``python -m plancheck``): LibreOffice first.

A Word file checked alone is laid out by LibreOffice, which takes most of the
run, and LibreOffice can only start once the run knows it is wanted. Reading
the command line properly needs plancheck.cli, and importing it (click, the
rule packs, the checks they name) takes about a tenth of a second. So the
command line is first looked at here, with nothing but the standard library
and plancheck's LibreOffice module: when it names one Word file and no option
that rules a rendering out, LibreOffice is started on the file at once (with
plancheck.libreoffice, which imports little), and plancheck.cli is imported
while it works.

This is a guess, and plancheck.cli has the last word: once the command line,
the configuration and the files are known, the early rendering is kept only if
it is the one the run would have started itself (the same file, the same page
mode; see :func:`plancheck.runner.start_rendering`); otherwise it is stopped
at once. A guess that is wrong costs a LibreOffice started and killed; one
that is never made costs nothing.
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
    if len(paths) != 1 or pages not in ("auto", "layout"):
        return None
    path = paths[0]
    if not path.lower().endswith(WORD_SUFFIXES) or not os.path.isfile(path):
        return None
    return path, pages


def start_early(args: list[str]):
    """The rendering of the Word file ``args`` check alone, started now; None when there is none to
    start, or it could not start (the run then does whatever it would have done)."""
    wanted = guess(args)
    if wanted is None or not hasattr(os, "fork"):  # without fork, no rendering runs beside the reading
        return None
    try:
        # Its patterns compiled afresh: reading the pattern cache first would take longer.
        from . import libreoffice

        if libreoffice.soffice_path() is None:
            return None
        return libreoffice.EarlyRendering(*wanted)
    except Exception:  # noqa: BLE001  whatever went wrong, the run proper meets it and says so
        return None


def run() -> None:
    """Start LibreOffice if the command line asks for it, then run plancheck.cli.

    While LibreOffice starts and plancheck.cli is imported, a Ctrl-C or a
    TERM waits (a fraction of a second): an import stopped half-way fails in
    ways that do not say "interrupted". The signals stay held until
    plancheck.cli.run has its own handlers in place, so that none falls
    between the two; one received meanwhile then stops the run at once, with
    exit 130 (143) as later in the run.
    """
    import signal

    from .lazy_methods import install

    install()  # before plancheck's dataclasses are defined
    received: list[int] = []

    def hold(signum, frame):
        received.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    previous_term = signal.signal(signal.SIGTERM, hold)
    early = None
    try:
        early = start_early(sys.argv[1:])
        from .cli import run as run_command
    except BaseException:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous_term)
        if early is not None:
            early.close()
        raise
    # Still held: plancheck.cli.run puts its own handlers in place, then acts on what was received.
    run_command(early, received)
