"""How long plancheck takes to check a plan, and whether that grows linearly.

Reads and checks Markdown plans of 4, 30, 100 and 300 pages in this process
(best of three, after one warm-up run so that imports and pattern compilation
are not counted), with both built-in packs, and prints seconds and
milliseconds per page: a flat per-page figure shows the checks are linear in
the length of the document. A last row checks a plan with a 200,000-character
line of unbroken text, the input on which a backtracking regular expression
would stall.

Then it times the whole command, interpreter start-up included, on a
four-page plan in estimate page mode against the budget of 0.5 s.

    .venv/bin/python benchmarks/bench_check.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_read import plan, write_docx, write_markdown

from plancheck.engine import check_document
from plancheck.packs import DEFAULT_PACKS, load_pack
from plancheck.readers import ReadOptions, read_document

SIZES = (4, 30, 100, 300)
RUNS = 3
BUDGET_SECONDS = 0.5


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def check_once(path: Path, packs) -> tuple[int, object]:
    document = read_document(path, ReadOptions(pages="estimate"))
    return document.pages, check_document(document, packs)


def main() -> None:
    packs = [load_pack(name) for name in DEFAULT_PACKS]
    with tempfile.TemporaryDirectory(prefix="plancheck-bench-") as work:
        folder = Path(work)
        print(f"{'input':<28}{'pages':>6}{'seconds':>10}{'ms/page':>10}")
        for size in SIZES:
            path = folder / f"plan-{size}.md"
            write_markdown(plan(size), path)
            check_once(path, packs)
            pages, _ = check_once(path, packs)
            seconds = best_of(RUNS, lambda: check_once(path, packs))
            print(f"{f'Markdown, {size} pages':<28}{pages:>6}{seconds:>10.3f}{1000 * seconds / pages:>10.1f}")
        hostile = folder / "hostile.md"
        hostile.write_text("# Plan\n\n" + "a" * 100_000 + " agency " + "1" * 100_000 + "\n")
        seconds = best_of(1, lambda: check_once(hostile, packs))
        print(f"{'one 200,000-character line':<28}{'-':>6}{seconds:>10.3f}{'':>10}")

        docx = folder / "plan-4.docx"
        write_docx(plan(4), docx)
        command = [shutil.which("plancheck") or str(Path(sys.executable).with_name("plancheck")),
                   str(docx), "--pages", "estimate", "--format", "json"]
        wall = best_of(RUNS, lambda: subprocess.run(command, stdout=subprocess.DEVNULL,
                                                    stderr=subprocess.DEVNULL, check=False))
        verdict = "met" if wall < BUDGET_SECONDS else "NOT met"
        print(f"\nwhole command, 4-page .docx, estimate mode: {wall:.3f} s "
              f"(budget {BUDGET_SECONDS} s: {verdict})")


if __name__ == "__main__":
    main()
