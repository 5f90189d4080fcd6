"""What plancheck imports to check one Word file, and how long each import takes.

Runs ``python -X importtime -m plancheck FILE --pages estimate --format json``
several times on a 4-page plan (made by bench_read.py's generator) and
prints, for the modules that cost the most, the median of their cumulative
import time, with the median total of every module's own time and the
number of modules imported.

    .venv/bin/python benchmarks/bench_imports.py [--runs N] [--top N]

Import times move with the machine's load; compare runs made one after the
other (benchmarks/README.md keeps one before and one after the start-up work).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

# As an installed program runs: with its compiled bytecode, whatever this shell says.
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def importtimes(command: list[str], runs: int) -> tuple[dict[str, list[int]], dict[str, list[int]], dict[str, int]]:
    own, cumulative, depth = defaultdict(list), defaultdict(list), {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", *command], capture_output=True, text=True,
                              env=ENVIRONMENT)
        for line in done.stderr.splitlines():
            found = LINE.match(line)
            if found:
                name = found[4]
                own[name].append(int(found[1]))
                cumulative[name].append(int(found[2]))
                depth[name] = len(found[3])
    return own, cumulative, depth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plancheck-imports-") as folder:
        plan = Path(folder) / "plan-4-pages.docx"
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_read import plan as make_plan
        from bench_read import write_docx

        write_docx(make_plan(4), plan)
        command = ["-m", "plancheck", str(plan), "--pages", "estimate", "--format", "json"]
        subprocess.run([sys.executable, *command], capture_output=True, env=ENVIRONMENT)  # fill the caches first
        own, cumulative, depth = importtimes(command, options.runs)
    total = sum(statistics.median(times) for times in own.values()) / 1000
    print(f"python -X importtime -m plancheck plan-4-pages.docx --pages estimate --format json, "
          f"medians of {options.runs} runs")
    print(f"{len(own)} modules, {total:.1f} ms in all\n")
    print(f"{'cumulative ms':>13}  module (indented under the module that imported it)")
    ranked = sorted(cumulative, key=lambda name: -statistics.median(cumulative[name]))
    for name in ranked[:options.top]:
        print(f"{statistics.median(cumulative[name]) / 1000:>13.1f}  {' ' * depth[name]}{name}")


if __name__ == "__main__":
    main()
