"""The command line read without click, when it is a plain one.

Importing click takes about a tenth of a short run's time (its own modules,
and ``uuid``, ``platform``, ``datetime`` and ``gettext``, which plancheck
needs for nothing else). A command line of file names and the everyday
options (``plancheck draft.docx --pages estimate -o report.txt``) is read
here instead, into the very values click would give the command, which then
runs as click would run it. Anything else (help, the version, a value click
would refuse or read otherwise, short options run together, ``--``, standard
input, the annotate command, shell completion) goes to click, as before.

``tests/test_quick.py`` checks that the options here are the command's own
and read as click reads them, and that both ways give the same output and
exit code.
"""

from __future__ import annotations

import errno
import os
import stat
import sys

# Option -> (parameter, kind): "text" takes any value, "path" a click.Path(dir_okay=False),
# "many" adds to a tuple, "ids" adds the comma-separated IDs of its value, a tuple of choices one of them, "count" a whole number of at least 1.
VALUED = {
    "--config": ("config_path", "path"),
    "--rules": ("rule_packs", "many"),
    "--format": ("output_format", "format"),
    "--output": ("output", "path"),
    "-o": ("output", "path"),
    "--pages": ("pages", ("auto", "layout", "estimate")),
    "--select": ("select", "ids"),
    "--ignore": ("ignore", "ids"),
    "--jobs": ("jobs", "count"),
    "-j": ("jobs", "count"),
    "--color": ("color", ("auto", "always", "never")),
}
# Flag -> (parameter, value).
FLAGS = {
    "--failures": ("short", True),
    "-q": ("short", True),
    "--full": ("short", False),
    "--verbose": ("verbose", True),
    "-v": ("verbose", True),
    "--force-exclude": ("force_exclude", True),
    "--debug": ("debug", True),
}
# Every parameter of the command, as click gives it when its option is not on the command line.
DEFAULTS = {
    "paths": (), "config_path": None, "rule_packs": (), "output_format": None, "output": None,
    "fail_under": None, "pages": None, "select": (), "ignore": (), "jobs": None, "list_rules": False,
    "explain_id": None, "explain_check": None, "color": "auto", "short": False, "verbose": False,
    "outline": False, "force_exclude": False, "stdin_filename": None, "debug": False,
}


def params(args: list[str]) -> dict | None:
    """The command's parameters from ``args``, as click would read them; None when click must."""
    if os.name != "posix" or args[:1] == ["annotate"] or _completing():
        return None
    found = dict(DEFAULTS)
    paths: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if not arg.startswith("-"):
            if not _path_as_given(arg, directory_ok=True):
                return None
            paths.append(arg)
            continue
        if arg in FLAGS:
            name, value = FLAGS[arg]
            found[name] = value
            continue
        option, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if option not in VALUED:
            return None
        if not equals:
            if index >= len(args):
                return None
            value = args[index]
            index += 1
        if value.startswith("-"):
            return None
        name, kind = VALUED[option]
        if kind == "many":
            found[name] += (value,)
        elif kind == "ids":
            found[name] += id_list(None, None, (value,))
        elif kind == "path":
            if not _path_as_given(value, directory_ok=False):
                return None
            found[name] = value
        elif kind == "count":
            if not (value.isascii() and value.isdigit() and int(value) >= 1):
                return None
            found[name] = int(value)
        elif kind == "format":
            from .reporters import FORMATS

            if value not in FORMATS:
                return None
            found[name] = value
        elif value in kind:
            found[name] = value
        else:
            return None
    found["paths"] = tuple(paths)
    return found


def id_list(_context, _parameter, values) -> tuple[str, ...]:
    """A repeatable ID option's values, each of which may itself list IDs with commas.

    ``--select question.edi,question.devolution`` is how ruff and
    markdownlint users write a selection; spaces around the commas are allowed.
    """
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _path_as_given(path: str, directory_ok: bool) -> bool:
    """Whether click.Path (readable, ``dir_okay`` as given) would take ``path`` as it is."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return True
    if not directory_ok and stat.S_ISDIR(status.st_mode):
        return False
    return os.access(path, os.R_OK)


def _completing() -> bool:
    """Whether the shell is asking click to complete a command line (``_PLANCHECK_COMPLETE``)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") and value
               for name, value in os.environ.items())


def invoke(command, values: dict) -> None:
    """``command(**values)`` as click's standalone mode runs a command: always ends in SystemExit."""
    try:
        try:
            command(**values)
            sys.exit(0)
        except (EOFError, KeyboardInterrupt):
            from gettext import gettext

            import click

            click.echo(file=sys.stderr)
            click.echo(gettext("Aborted!"), file=sys.stderr)
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise
            from click import utils

            wrapper = getattr(utils, "_PacifyFlushWrapper", None) or utils.PacifyFlushWrapper
            sys.stdout = wrapper(sys.stdout)
            sys.stderr = wrapper(sys.stderr)
        sys.exit(1)
    except (EOFError, KeyboardInterrupt):
        sys.exit(1)
