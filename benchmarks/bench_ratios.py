"""Where users wait, as ratios: plancheck against the tools it is built on, side by side.

Each row times a whole plancheck command in a fresh process (interpreter
start-up included, the default text report written to a file) and divides it
by the bare tool doing the least that any checker of that file must do, run
on the same machine at the same moment:

- a 4-page .docx, ``--pages estimate``, against ``python -c "import docx; docx.Document(f)"``;
- a 4-page .pdf against pdfminer.six's ``extract_text`` of it;
- a 4-page .docx laid out by LibreOffice (the default) against a bare
  ``soffice --headless --convert-to pdf`` of it;
- a folder of 19 Word plans, ``--pages layout --jobs 2``, against a loop of
  one bare conversion per file;
- a 300-page plan against a 4-page one, both ``--pages estimate``: linear
  means at most 75 times as long;
- peak memory checking 96 files against 12, ``--jobs 1``: flat means at most
  1.1 times as much;
- peak memory of the 4-page .docx in estimate mode, in MB.

Every measurement is repeated (``--runs``, 5 by default; 3 for the folder
and memory rows, which take longest) in rounds, each round running every
command once, plancheck and its baseline one after the other in alternating
order, so that a busy moment on the machine falls on both. The figures are
medians; a ratio is the median of plancheck over the median of its
baseline, and beside it is the same ratio of processor time (user and
system, children included), which a busy machine moves less. The table
printed at the end is the one kept in benchmarks/README.md.

    .venv/bin/python benchmarks/bench_ratios.py [--runs N]

The inputs are plan-like documents made by ``bench_read.py``'s generator in
a temporary folder, and plancheck's cache (``$XDG_CACHE_HOME``) is one of its
own there, filled by the warm-up. Peak memory is the ``ru_maxrss`` that ``os.wait4``
reports, which covers a process and the children it waited for; so that
this process's own size never leaks into it (see bench_read.py), the
inputs are made in a separate process and this one imports only the
standard library. POSIX only. Rows that need LibreOffice say so and are
skipped when ``soffice`` is not installed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

RUNS = 5
SLOW_RUNS = 3
FOLDER_PLANS = 19
MEMORY_FILES = (12, 96)
LONG_PLAN_PAGES, SHORT_PLAN_PAGES = 300, 4
CONVERT_TIMEOUT = 600
# As an installed program runs: with its compiled bytecode (pip writes it at install; the warm-up
# writes it for an editable install), whatever this shell says.
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


# ---------------------------------------------------------------- inputs (made in a child process)

def write_inputs(folder: Path) -> dict:
    """Write every input into ``folder``; return where they are, or why LibreOffice's are missing."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_read import TITLE, plan, write_docx, write_pdf

    from plancheck.errors import ReadError
    from plancheck.readers.convert import soffice_path

    short, long = folder / "plan-4-pages.docx", folder / "plan-300-pages.docx"
    write_docx(plan(SHORT_PLAN_PAGES), short)
    write_docx(plan(LONG_PLAN_PAGES), long)
    plans = folder / "plans"
    plans.mkdir()
    councils = ["Northbrook", "Eastmoor", "Westvale", "Southgate", "Ashby", "Brackenfield", "Castleton",
                "Dunmore", "Elmstead", "Fairhaven", "Greystone", "Hollowell", "Ironbridge", "Kingsmere",
                "Longford", "Millbrook", "Newhaven", "Oakridge", "Redcliffe"]
    for number, council in enumerate(councils[:FOLDER_PLANS]):
        items = plan(3 + number % 4)  # three to six pages
        items[0] = ("heading", 1, TITLE.replace("Northbrook", council))
        write_docx(items, plans / f"{number + 1:02d}-{council.lower()}.docx")
    samples = sorted(plans.iterdir())
    for count in MEMORY_FILES:
        many = folder / f"{count}-files"
        many.mkdir()
        for index in range(count):
            shutil.copyfile(samples[index % len(samples)], many / f"plan-{index + 1:03d}.docx")
    inputs = {"short": str(short), "long": str(long), "plans": str(plans),
              **{f"files-{count}": str(folder / f"{count}-files") for count in MEMORY_FILES},
              "pdf": None, "soffice": soffice_path(), "missing": None}
    if inputs["soffice"] is None:
        inputs["missing"] = "LibreOffice (soffice) is not installed"
        return inputs
    try:
        write_pdf(short, short.with_suffix(".pdf"))
        inputs["pdf"] = str(short.with_suffix(".pdf"))
    except ReadError as error:
        inputs["missing"] = f"LibreOffice could not make the PDF: {error}"
    return inputs


def make_inputs(folder: Path) -> dict:
    made = subprocess.run([sys.executable, __file__, "--write-inputs", str(folder)],
                          capture_output=True, text=True)
    if made.returncode:
        sys.exit(f"could not write the inputs:\n{made.stderr}")
    return json.loads(made.stdout)


# ---------------------------------------------------------------- running and measuring

@dataclass
class Sample:
    seconds: float
    cpu_seconds: float  # user and system time, the command's and its children's
    megabytes: float


@dataclass
class Command:
    label: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    samples: list[Sample] = field(default_factory=list)
    failure: str | None = None

    def run(self) -> None:
        if self.failure:
            return
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            process = subprocess.Popen(self.argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                       env=ENVIRONMENT)
            try:
                _, status, usage = os.wait4(process.pid, 0)
            except BaseException:
                # A Ctrl-C reached the command too: give it the moment it needs to stop its own
                # children (LibreOffice) before killing it.
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                raise
            seconds = time.perf_counter() - start
            process.returncode = code = os.waitstatus_to_exitcode(status)
            if code not in self.ok_codes:
                err.seek(0)
                lines = err.read().decode("utf-8", "replace").strip().splitlines()
                self.failure = f"exit {code}: {lines[-1] if lines else 'no message'}"
                return
        # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
        megabytes = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        self.samples.append(Sample(seconds, usage.ru_utime + usage.ru_stime, megabytes))

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(s.cpu_seconds for s in self.samples)

    @property
    def megabytes(self) -> float:
        return statistics.median(s.megabytes for s in self.samples)


@dataclass
class Row:
    """One line of the table: plancheck's command over its baseline, measured as time or memory."""

    work: str
    target: str
    subject: Command | None
    baseline: Command | None
    limit: float
    measure: str = "time"          # "time", "memory", or "megabytes" (the subject's own peak)
    slow: bool = False
    skipped: str | None = None

    def commands(self) -> list[Command]:
        return [c for c in (self.subject, self.baseline) if c is not None]

    def value(self) -> float | None:
        if self.skipped or any(c.failure or not c.samples for c in self.commands()):
            return None
        if self.measure == "megabytes":
            return self.subject.megabytes
        if self.measure == "memory":
            return self.subject.megabytes / self.baseline.megabytes
        return self.subject.seconds / self.baseline.seconds

    def why_not(self) -> str:
        if self.skipped:
            return f"skipped: {self.skipped}"
        for command in self.commands():
            if command.failure:
                return f"{command.label} failed ({command.failure})"
        return "not measured"

    def figures(self) -> str:
        """The medians behind the ratio."""
        if self.value() is None:
            return ""
        if self.measure == "megabytes":
            return f"{self.subject.megabytes:.1f} MB; {self.subject.seconds:.2f} s"
        if self.measure == "memory":
            return f"{self.subject.megabytes:.1f} MB ÷ {self.baseline.megabytes:.1f} MB"
        # Processor time moves less than wall time on a busy machine (but gains nothing from --jobs).
        cpu = self.subject.cpu_seconds / self.baseline.cpu_seconds
        return f"{self.subject.seconds:.3f} s ÷ {self.baseline.seconds:.3f} s (processor time {cpu:.2f}×)"


def plancheck_command() -> list[str]:
    script = Path(sys.executable).with_name("plancheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "plancheck"]


def rows_for(inputs: dict, work: Path) -> list[Row]:
    # The default (text) report, as a user or a pre-commit hook gets it: it streams a folder's results.
    plancheck = plancheck_command()
    checked = (0, 1)  # a plan that fails its checks exits 1
    python = sys.executable
    soffice = inputs["soffice"]
    # The bare conversion gets a profile of its own, made by a first run, as a user's would be.
    bare = ([soffice, f"-env:UserInstallation=file://{work / 'bare-profile'}", "--headless",
             "--convert-to", "pdf", "--outdir", str(work / "converted")] if soffice else [])
    no_office = None if soffice else inputs["missing"]

    short_estimate = Command("plancheck", plancheck + [inputs["short"], "--pages", "estimate"], checked)
    rows = [
        Row("4-page .docx, `--pages estimate`, end to end, ÷ `python -c \"import docx; docx.Document(f)\"`",
            "≤ 1.5×", short_estimate,
            Command("python-docx", [python, "-c", "import sys, docx; docx.Document(sys.argv[1])",
                                    inputs["short"]]), 1.5),
        Row("4-page .pdf end to end ÷ pdfminer.six `extract_text` on the same file", "≤ 1.2×",
            Command("plancheck", plancheck + [inputs["pdf"] or ""], checked),
            Command("pdfminer.six", [python, "-c", "import sys\nfrom pdfminer.high_level import extract_text\n"
                                     "extract_text(sys.argv[1])", inputs["pdf"] or ""]),
            1.2, skipped=None if inputs["pdf"] else inputs["missing"]),
        Row("4-page .docx, default (LibreOffice layout) ÷ a bare `soffice --headless --convert-to pdf` of it",
            "≤ 1.1×", Command("plancheck", plancheck + [inputs["short"]], checked),
            Command("soffice", bare + [inputs["short"]]), 1.1, skipped=no_office),
        Row(f"a folder of {FOLDER_PLANS} Word plans, layout mode, `--jobs 2`, ÷ a loop of one bare soffice "
            "conversion per file", "≤ 0.4×",
            Command("plancheck", plancheck + [inputs["plans"], "--pages", "layout", "--jobs", "2"], checked),
            Command("soffice loop", ["sh", "-c", 'for f in "$0"/*.docx; do "$@" "$f" || exit; done',
                                     inputs["plans"]] + bare), 0.4, slow=True, skipped=no_office),
        Row(f"{LONG_PLAN_PAGES}-page ÷ {SHORT_PLAN_PAGES}-page check time (`--pages estimate`, end to end)",
            f"linear (≤ {LONG_PLAN_PAGES // SHORT_PLAN_PAGES}×)",
            Command("plancheck 300 pages", plancheck + [inputs["long"], "--pages", "estimate"], checked),
            short_estimate, LONG_PLAN_PAGES / SHORT_PLAN_PAGES),
        Row(f"peak memory, `--jobs 1` over {MEMORY_FILES[0]} → {MEMORY_FILES[1]} files", "flat (≤ 1.1×)",
            Command(f"plancheck {MEMORY_FILES[1]} files", plancheck + [inputs[f"files-{MEMORY_FILES[1]}"],
                                                                       "--pages", "estimate", "--jobs", "1"],
                    checked),
            Command(f"plancheck {MEMORY_FILES[0]} files", plancheck + [inputs[f"files-{MEMORY_FILES[0]}"],
                                                                       "--pages", "estimate", "--jobs", "1"],
                    checked), 1.1, measure="memory", slow=True),
        Row("peak memory, 4-page .docx, estimate mode", "≤ 50 MB", short_estimate, None, 50.0,
            measure="megabytes"),
    ]
    return rows


def measure(rows: list[Row], runs: int, slow_runs: int) -> None:
    """Run every command ``runs`` times (slow rows ``slow_runs``), a round at a time, after a warm-up."""
    commands: list[tuple[Command, bool]] = []
    for row in rows:
        if row.skipped:
            continue
        for command in row.commands():
            if all(command is not known for known, _ in commands):
                commands.append((command, row.slow))
    # The warm-up fills caches both sides rely on: the OS's file cache, plancheck's pack cache,
    # LibreOffice's profiles. It is not counted. The slow rows use the same caches as the others.
    for command, slow in commands:
        if not slow:
            command.run()
            command.samples.clear()
    for round_number in range(runs):
        order = commands if round_number % 2 == 0 else commands[::-1]
        for command, slow in order:
            if not slow or round_number < slow_runs:
                command.run()
        print(f"  round {round_number + 1} of {runs} done", file=sys.stderr, flush=True)


def table(rows: list[Row]) -> str:
    lines = ["| work | measured | medians (wall time, unless MB) | target | met |", "|---|---|---|---|---|"]
    for row in rows:
        value = row.value()
        if value is None:
            lines.append(f"| {row.work} | {row.why_not()} | | {row.target} | – |")
            continue
        shown = f"{value:.1f} MB" if row.measure == "megabytes" else f"{value:.2f}×"
        lines.append(f"| {row.work} | {shown} | {row.figures()} | {row.target} | "
                     f"{'yes' if value <= row.limit else 'NO'} |")
    return "\n".join(lines)


def libreoffice_version(soffice: str | None) -> str:
    if not soffice:
        return "not installed"
    try:
        done = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (done.stdout.strip().splitlines() or ["unknown"])[0]


def main() -> None:
    if sys.argv[1:2] == ["--write-inputs"]:
        print(json.dumps(write_inputs(Path(sys.argv[2]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each command (default {RUNS})")
    parser.add_argument("--slow-runs", type=int, default=SLOW_RUNS,
                        help=f"runs of the folder and memory rows (default {SLOW_RUNS})")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plancheck-ratios-") as folder:
        work = Path(folder)
        print("making the inputs...", file=sys.stderr, flush=True)
        inputs = make_inputs(work)
        # plancheck's cache of its own (parsed packs, compiled patterns, LibreOffice profiles), filled
        # by the warm-up as a user's would be: other plancheck processes on the machine (a test
        # suite, another checkout) share the user's, holding its LibreOffice profiles and rewriting
        # its pattern cache with patterns of their own, which would be measured here as well.
        ENVIRONMENT["XDG_CACHE_HOME"] = str(work / "cache")
        rows = rows_for(inputs, work)
        version = subprocess.run(plancheck_command() + ["--version"], capture_output=True, text=True)
        started = datetime.datetime.now().astimezone()
        load_before = os.getloadavg()[0]
        measure(rows, max(1, options.runs), max(1, min(options.slow_runs, options.runs)))
        # Ratios hold up on a busy machine better than times do, but not entirely: say how busy it was.
        load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
        print(f"{started:%Y-%m-%d %H:%M %Z}; {os.cpu_count()} cores ({load}); {platform.machine()}; "
              f"Python {platform.python_version()}; {version.stdout.strip()}; "
              f"{libreoffice_version(inputs['soffice'])}; medians of {options.runs} runs "
              f"({min(options.slow_runs, options.runs)} for the folder and memory rows)\n")
        print(table(rows))


if __name__ == "__main__":
    main()
