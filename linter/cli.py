"""Command line: ``plancheck PATH...``, plus ``--list-rules`` and ``--explain ID``.

A PATH is a file or a folder of plans. Settings come from the nearest
configuration file (see :mod:`plancheck.config`); options given on the command
line replace the configuration's value for the same key.

Exit codes: 0 every document passed; 1 at least one failed; 2 a file could not
be read, or an option, configuration or rule pack was invalid; 130 interrupted
(Ctrl-C), 143 terminated.
"""

from __future__ import annotations

import copy
import functools
import gc
import os
import signal
import sys
from contextlib import closing, contextmanager

# Python collects cyclic garbage after every 700 new objects by default. A run makes most of its
# objects to keep them (modules, the rule packs, the document), so collecting that often re-scans
# the same live objects again and again: 10-20 ms of a 4-page run's 200, 150 ms of a 300-page
# one's, for no memory saved (the peak is the same). Every 50,000 objects instead: a short run
# never collects, and cyclic garbage still cannot pile up.
gc.set_threshold(50_000, 10, 10)

from . import __version__, cache

# Before the imports below compile their regular expressions (see plancheck.cache).
cache.warm_patterns_once()

from .errors import ConfigError
from .packs import DEFAULT_PACKS
from .readers import ReadOptions
from .reporters import FORMATS

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
# As shells report a program stopped by SIGINT (Ctrl-C) or SIGTERM.
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
# Fewer files than this finish before a progress bar would help.
PROGRESS_AFTER = 3
# Text is wrapped to the terminal, but no wider than this: longer lines are hard to read.
WIDEST, PIPED_WIDTH = 100, 80


def use_colour(choice: str | None, stream) -> bool:
    """Colour as ruff and grep do: ``always`` even into a pipe or a file, ``auto`` only on a terminal."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def text_width(stream) -> int:
    """The terminal's width (or $COLUMNS) up to WIDEST; 80 when writing into a pipe or a file."""
    import shutil

    on_terminal = hasattr(stream, "isatty") and stream.isatty()
    if not on_terminal and not os.environ.get("COLUMNS"):
        return PIPED_WIDTH
    return min(WIDEST, shutil.get_terminal_size((PIPED_WIDTH, 24)).columns)


def echo(message: str | None = None, nl: bool = True, err: bool = False, color: bool | None = None) -> None:
    """``click.echo``, without importing click where it would do no more than write the text.

    click.echo writes a text to standard output (or error) as it is when the stream is a plain text
    file of an encoding other than ASCII and the text holds no escape sequence for it to remove
    (from a pipe, or with ``color`` False); only otherwise is click needed.
    """
    stream = sys.stderr if err else sys.stdout
    out = ("" if message is None else message) + ("\n" if nl else "")
    if "\033" not in out and _plain_text_stream(stream):
        if out:
            stream.write(out)
        stream.flush()
        return
    import click

    click.echo(message, nl=nl, err=err, color=color)


def _plain_text_stream(stream) -> bool:
    """Whether click would write to ``stream`` as it is (see echo)."""
    import codecs
    import io

    if os.name == "nt" or type(stream) is not io.TextIOWrapper:
        return False
    try:
        return codecs.lookup(stream.encoding).name != "ascii"
    except LookupError:
        return True


def load_packs(names) -> list:
    from .packs import load_pack

    return [load_pack(name) for name in names]


def show_outlines(files, options: ReadOptions) -> int:
    """Print what each file was read as; the exit code is 2 when any could not be read."""
    from .errors import InternalError, ReadError
    from .readers import read_document
    from .reporters.outline import render_outline

    code = EXIT_OK
    for path in files:
        try:
            echo(render_outline(read_document(path, options)), nl=False)
        except (ReadError, InternalError) as error:
            echo(f"{path}: {error}", err=True)
            if options.debug and isinstance(error, InternalError):
                echo(error.details.rstrip(), err=True)
            code = EXIT_ERROR
    return code


def rules_table(packs) -> str:
    lines = []
    for pack in packs:
        lines.append(f"{pack.title} ({pack.id})")
        width = max(len(r.id) for r in pack.rules)
        for rule in pack.rules:
            lines.append(f"  {rule.id:<{width}}  {rule.severity:<7}  {rule.weight:>4g}  {rule.title}")
        lines.append("")
    return "\n".join(lines)


def check_type_doc(check_type: str) -> str:
    from .checks import CHECK_TYPES, module_for

    if check_type not in CHECK_TYPES:
        raise ConfigError(f"--explain-check: no check type {check_type!r}; "
                          f"types are {', '.join(sorted(CHECK_TYPES))}")
    return (module_for(check_type).__doc__ or "").strip() + "\n"


@contextmanager
def progress(total: int):
    """Yield the function to call as each file finishes: a progress bar on stderr
    when it is a terminal and there are more than a few files."""
    if total <= PROGRESS_AFTER or not sys.stderr.isatty():
        yield lambda: None
        return
    import click

    with click.progressbar(length=total, label="Checking", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def group_by_configuration(files: list[str], resolver, stdin_name: str) -> list:
    """(configuration, files) pairs: each file with the configuration nearest to it, in order of first use."""
    groups: dict[int, tuple] = {}
    for path in files:
        config = resolver.for_file(stdin_name if path == "-" else path)
        groups.setdefault(id(config), (config, []))[1].append(path)
    return list(groups.values())


@contextmanager
def standard_input(wanted: bool, name: str):
    """Yield the path of a private copy of standard input, named like ``name`` so that its
    format is known; the copy and its folder are removed afterwards. Yields None when not wanted."""
    if not wanted:
        yield None
        return
    import shutil
    import tempfile

    from .readers import MAX_FILE_BYTES

    folder = tempfile.mkdtemp(prefix="plancheck-stdin-")
    try:
        copy = os.path.join(folder, os.path.basename(name) if name != "-" else "standard-input")
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        with open(copy, "wb") as handle:
            handle.write(data)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def open_output(path: str):
    """Open the report file before any work, or exit 2 saying why it cannot be written."""
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as error:
        echo(f"plancheck: cannot write {path}: {error.strerror or error}", err=True)
        sys.exit(EXIT_ERROR)


def emit(text: str, destination, color: bool) -> None:
    if destination is None:
        # click would strip colour from a pipe; --color always means colour there too.
        echo(text, nl=False, color=color)
    else:
        destination.write(text)


def summary_only(report):
    """A report reduced to what the closing summary uses: path, score, verdict and why it failed."""
    from .document import Document

    kept = copy.copy(report)
    kept.document = Document(path=report.path, format=report.document.format)
    kept.facts, kept.results = {}, []
    for result in report.results:
        if result.blocks_verdict:
            kept.results.append(copy.copy(result))
            kept.results[-1].evidence = kept.results[-1].missing = []
    return kept


# What the command started and must stop however it ends (a LibreOffice at work, say).
_started: list = []
# A rendering started before the command line was read (see plancheck.launch), until main keeps or stops it.
_offered: list = []


class Stopped(SystemExit):
    """Ctrl-C (SIGINT) or a TERM: the run ends with 130 (143), as shells report a program they
    stopped, once its workers, LibreOffice and temporary files are gone. A SystemExit, so that no
    ``except Exception`` and none of click's handlers takes it for an error: click would say
    "Aborted!" and exit 1, which means a plan failed."""


def stop_on_signals(received: list[int] = ()) -> None:
    """From now on a SIGINT or a TERM raises :class:`Stopped`; one already ``received`` (while
    plancheck.launch held them) raises it at once."""
    def stop(signum, frame):
        raise Stopped(EXIT_INTERRUPTED if signum == signal.SIGINT else EXIT_TERMINATED)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    # Checked after the handlers are in place, so that a signal cannot fall between the two.
    if received:
        stop(received[0], None)


def stops_cleanly(command):
    """What the command started (LibreOffice at work, say) is stopped however the command ends."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        finally:
            while _started:
                _started.pop().close()
    return wrapper


def write(path: str, text: str, mode: str = "w") -> None:
    """Write a report to a file, or exit 2 saying why it could not be written."""
    try:
        with open(path, mode, encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        echo(f"plancheck: cannot write {path}: {error.strerror or error}", err=True)
        sys.exit(EXIT_ERROR)


@stops_cleanly
def check(paths, config_path, rule_packs, output_format, output, fail_under, pages, select, ignore, jobs,
         list_rules: bool, explain_id, explain_check: str | None, color, short: bool, verbose, outline: bool,
         force_exclude: bool, stdin_filename: str | None, debug: bool):
    """Check draft productivity plans (.docx, .pdf, .md, .txt, .html), or folders of
    them, against the minister's requirements, and print a scored checklist with
    evidence.

    plancheck annotate draft.docx writes a copy of a Word plan with the
    findings as Word comments (see plancheck annotate --help)."""
    from . import config as configuration

    try:
        if explain_check:
            echo(check_type_doc(explain_check), nl=False)
            sys.exit(EXIT_OK)
        if list_rules or explain_id:
            # No document: the configuration of the working directory says which packs.
            config = configuration.load(config_path)
            packs = load_packs(rule_packs or config.rule_packs() or DEFAULT_PACKS)
            from .explain import explain

            echo(rules_table(packs) if list_rules else explain(packs, explain_id), nl=False)
            sys.exit(EXIT_OK)
        if not paths:
            echo("plancheck: no files given. Try: plancheck draft.docx (or plancheck --help)", err=True)
            sys.exit(EXIT_ERROR)
        if stdin_filename and "-" not in paths:
            raise ConfigError("--stdin-filename names the document read from standard input; give - as the path")
        resolver = configuration.Resolver(config_path)
        from .runner import collect, start_rendering

        files = collect(list(paths), resolver, force_exclude)
        if "-" in files and stdin_filename:
            named = resolver.for_file(stdin_filename)
            if (force_exclude or named.force_exclude) and named.excludes(stdin_filename):
                files.remove("-")
        if not files:
            echo("plancheck: no plans to check: no supported files, or all excluded by configuration",
                       err=True)
            sys.exit(EXIT_OK)
        stdin_name = stdin_filename or "-"
        groups = group_by_configuration(files, resolver, stdin_name)
        # A Word plan checked alone is laid out by LibreOffice while its rule packs load.
        offered = _offered.pop() if _offered else None
        early = start_rendering(files, pages or groups[0][0].pages or "auto", offered)
        if offered is not None and early is not offered:
            _started.remove(offered)
            offered.close()
        if early is not None and early is not offered:
            _started.append(early)
        plans = [(config, load_packs(rule_packs or config.rule_packs() or DEFAULT_PACKS), group)
                 for config, group in groups]
        plans = [(config, group_packs, config.settings(group_packs, select, ignore, fail_under), group)
                 for config, group_packs, group in plans]
    except ConfigError as error:
        echo(f"plancheck: {error}", err=True)
        sys.exit(EXIT_ERROR)
    from .reporters import Run, render
    from .reporters.text import render_streamed, render_summary
    from .runner import Task, check_tasks

    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    packs = list({pack.id: pack for _, group_packs, _, _ in plans for pack in group_packs}.values())
    run = Run(packs=packs, color=output_format == "text" and use_colour(color, None if output else sys.stdout),
              verbose=verbose, width=text_width(None if output else sys.stdout), short=short)
    # Text is printed document by document as each is checked; the other formats are whole documents.
    streaming = output_format == "text"
    tracebacks = []
    with standard_input("-" in files, stdin_name) as stdin_copy:
        if outline:
            sys.exit(show_outlines([stdin_copy if f == "-" else f for f in files],
                                   ReadOptions(pages=pages or plans[0][0].pages or "auto", debug=debug)))
        plan_of = {path: plan for plan in plans for path in plan[3]}
        tasks = [Task(stdin_copy if path == "-" else path, plan_of[path][1], plan_of[path][2],
                      ReadOptions(pages=pages or plan_of[path][0].pages or "auto", debug=debug))
                 for path in files]
        labels = [plan_of[path][0].label for path in files]
        destination = open_output(output) if output and streaming else None
        interactive = streaming and destination is None and sys.stdout.isatty()
        with progress(0 if interactive else len(tasks)) as advance, \
                closing(check_tasks(tasks, jobs or os.cpu_count() or 1, advance, early)) as results:
            for label, result in zip(labels, results):
                if isinstance(result, dict):
                    if result["path"] == stdin_copy:
                        result["path"] = stdin_name
                    if "traceback" in result:
                        tracebacks.append((result["path"], result.pop("traceback")))
                    run.errors.append(result)
                    continue
                result.configuration = label
                if result.path == stdin_copy:
                    result.document.path = stdin_name
                if not result.checked:
                    # A document none of whose selected checks applies would pass with 100: say so instead.
                    run.errors.append({"path": result.path, "message": result.nothing_checked()})
                elif streaming:
                    emit(render_streamed(result, run, first=not run.reports), destination, run.color)
                    # Only what the summary needs is kept, so memory stays flat however many files there are.
                    run.reports.append(summary_only(result))
                else:
                    run.reports.append(result)
    if streaming:
        emit(render_summary(run), destination, run.color)
        if destination is not None:
            destination.close()
    else:
        text = render(output_format, run)
        if output:
            write(output, text)
        else:
            echo(text, nl=False)
    if output and run.reports:
        from .reporters.text import status_line

        # The report is in the file; the terminal still learns how the run went.
        echo(f"{status_line(run)}. Report written to {output}.", err=True)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and summary:
        # A blank line first: an earlier command of the same step may have left a line unfinished.
        write(summary, "\n" + render("markdown", run), mode="a")
    cache.remember_patterns()
    # Unreadable files go to standard error in every format, one line each.
    for error in run.errors:
        echo(f"{error['path']}: {error['message']}", err=True)
    for path, details in tracebacks:
        echo(f"\n{path}: details of the internal error (--debug):\n{details.rstrip()}", err=True)
    if run.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FAILED if any(r.verdict == "fail" for r in run.reports) else EXIT_OK)


_command = None


def command():
    """The command as click reads it: every option, its help and its checks. Made when first
    needed, with click imported then (see run and :mod:`plancheck.quick`)."""
    global _command
    if _command is not None:
        return _command
    import click

    from .quick import id_list

    class WithSubcommands(click.Command):
        """The checking command, which hands ``plancheck annotate ...`` to its own command.

        Not a click group: a group would take a plan named like a command for
        that command, and ``plancheck draft.docx`` must stay as it is.
        """

        def main(self, args=None, prog_name=None, **extra):
            args = list(sys.argv[1:] if args is None else args)
            if args[:1] == ["annotate"]:
                from .annotate import command

                return command().main(args[1:], prog_name=f"{prog_name or 'plancheck'} annotate", **extra)
            return super().main(args, prog_name=prog_name, **extra)

    @click.command("main", cls=WithSubcommands, context_settings={"help_option_names": ["-h", "--help"],
                                                          "max_content_width": 88})
    @click.argument("paths", nargs=-1, type=click.Path())
    @click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                  help="Configuration file to use instead of the nearest .plancheck.toml or "
                       "pyproject.toml [tool.plancheck].")
    @click.option("--rules", "rule_packs", multiple=True, metavar="NAME|PATH",
                  help=f"Rule pack to check against (repeatable). Default: the configuration's rules, "
                       f"else {', '.join(DEFAULT_PACKS)}.")
    @click.option("--format", "output_format", type=click.Choice(list(FORMATS)),
                  help="Output format. Default: text, or github when GITHUB_ACTIONS is set.")
    @click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file; a one-line summary still goes to the terminal.")
    @click.option("--fail-under", type=click.FloatRange(0, 100), metavar="SCORE",
                  help="Fail a document whose score is below SCORE (0-100).")
    @click.option("--pages", type=click.Choice(["auto", "layout", "estimate"]),
                  help="How to count pages: auto takes the best method available.  [default: auto]")
    @click.option("--select", multiple=True, metavar="ID[,ID…]", callback=id_list,
                  help="Run only these checks (comma-separated IDs or prefixes like question.).")
    @click.option("--ignore", multiple=True, metavar="ID[,ID…]", callback=id_list,
                  help="Skip these checks (comma-separated IDs or prefixes).")
    @click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
                  help="Check N documents in parallel. Default: the number of CPU cores.")
    @click.option("--list-rules", is_flag=True, help="List the rules (ID, severity, weight, title) and exit.")
    @click.option("--explain", "explain_id", metavar="ID", help="Explain one rule and exit.")
    @click.option("--explain-check", metavar="TYPE", help="Document one check type and exit.")
    @click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                  help="Colour in text output: auto (on a terminal, unless NO_COLOR is set), always (also "
                       "into a pipe or --output file) or never.")
    @click.option("--failures/--full", "-q", "short", default=False,
                  help="Text output: only what failed or was partly met, each with one line of fix "
                       "(--failures, -q; the pre-commit hook's default), or the full checklist (--full, the "
                       "default).")
    @click.option("--verbose", "-v", is_flag=True,
                  help="Text output: every piece of evidence for every check. By default a check that "
                       "passed shows only its first quote.")
    @click.option("--outline", is_flag=True,
                  help="Show what was read (format, pages, words, headings) instead of checking.")
    @click.option("--force-exclude", is_flag=True,
                  help="Apply the configuration's exclude globs to files named on the command line too "
                       "(the pre-commit hook does).")
    @click.option("--stdin-filename", metavar="NAME",
                  help="With - as the path: the name of the document read from standard input, for its "
                       "format, configuration and report.")
    @click.option("--debug", is_flag=True, help="Show the details (a traceback) of an internal error.")
    @click.version_option(__version__, prog_name="plancheck")
    @functools.wraps(check)  # its help is check's docstring
    def main(**params):
        return check(**params)

    _command = main
    return _command


def __getattr__(name: str):
    if name == "main":  # the click command, for click's test runner and the tests
        return command()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(early=None, received: list[int] = ()) -> None:
    """The program (``plancheck`` and ``python -m plancheck``, through plancheck.launch): the command
    (read by :mod:`plancheck.quick` when it is a plain one, by click otherwise), then a quick exit. ``early`` is a LibreOffice rendering plancheck.launch started, for main to keep
    or stop; if main never runs (``--help``, a mistyped option), it is stopped here. ``received``
    holds a Ctrl-C or TERM plancheck.launch held back while it imported this module.

    Tearing the interpreter down object by object takes a short run a tenth
    of its time, and a program that is ending need not: once the output is
    flushed and the exit handlers have run, the process just ends.
    """
    if early is not None:
        _offered.append(early)
        _started.append(early)
    try:
        stop_on_signals(received)
        from . import quick

        values = quick.params(sys.argv[1:])
        if values is None:
            command()()  # click's standalone mode always ends in SystemExit
        else:
            quick.invoke(check, values)  # the command line as click would read it, and run it so
        code = EXIT_OK
    except SystemExit as done:
        code = done.code
        if isinstance(done, Stopped) and code == EXIT_INTERRUPTED:
            print("plancheck: interrupted", file=sys.stderr)
    finally:
        _offered.clear()
        # A second Ctrl-C must not cut short the stopping of what the first one stopped.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while _started:
            _started.pop().close()
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    import atexit

    atexit._run_exitfuncs()  # what a normal exit runs first (logging's flush, say)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be written anyway
            pass
    os._exit(code)
