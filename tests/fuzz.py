"""A seeded fuzz run: mutated plans through the real command line, checked against the contract.

Each input starts from one of a few valid plans (Word, PDF, Markdown, plain
text, HTML) and is mutated either byte by byte or with knowledge of its
structure: Word XML attributes set to odd values, elements dropped or
repeated, parts removed; PDF numbers, names, offsets and stream lengths
changed; text re-encoded, cut or laced with control characters. Input ``i`` of
seed ``s`` depends on nothing else, so any failure can be reproduced alone.

The inputs are checked in batches by ``plancheck FOLDER --format json
--pages estimate`` in a child process, and every batch must:

* end with exit code 0, 1 or 2, within its time limit, without a traceback;
* account for every input once, as a report or as a one-line error in plain
  words (no Python exception names);
* leave every input byte for byte as it was, and nothing in the temporary
  folder.

Run the full form (a few thousand inputs) with::

    .venv/bin/python tests/fuzz.py --count 3000 --seed 1
    .venv/bin/python tests/fuzz.py --count 300 --seed 2 --pages layout   # Word files through LibreOffice

``tests/test_fuzz.py`` runs a short form of it with the other tests.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import docx_fixtures  # noqa: E402
import pdf_fixtures  # noqa: E402
from cli_helpers import STRONG, WEAK  # noqa: E402

# What a user must never see in a message.
PYTHON_WORDS = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\b|Traceback|\bErrno\b|<class ")
ODD_VALUES = ["0", "-1", "1.5", "x", "", "99999999999", "-0", "1e400", "NaN", "\x00", "auto", "true"]
ODD_BYTES = [b"\x00", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\r", b"\x1b", b"%PDF-", b"PK\x03\x04", b"{\\rtf1"]


@dataclass
class Seed:
    kind: str
    suffix: str
    data: bytes


@dataclass
class Summary:
    inputs: int = 0
    batches: int = 0
    seconds: float = 0.0
    outcomes: Counter = field(default_factory=Counter)
    messages: Counter = field(default_factory=Counter)
    mutators: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def seeds() -> list[Seed]:
    """The valid plans every input starts from."""
    word = io.BytesIO()
    docx_fixtures.long_document(400).save(word)
    texts = [pdf_fixtures.Text("Productivity plan 2024", 72, 720, size=18, bold=True)]
    texts += [pdf_fixtures.Text(line[:90], 72, 690 - 16 * index)
              for index, line in enumerate(filter(None, STRONG.splitlines()))]
    pdf = pdf_fixtures.build_pdf([pdf_fixtures.Page(texts=texts), pdf_fixtures.Page(texts=texts[:3])],
                                 title="Productivity plan", lang="en-GB", tagged=True, named={"top": 1},
                                 xmp_title="Productivity plan")
    html = ("<!DOCTYPE html><html lang='en'><head><title>Plan</title></head><body><h1>Productivity plan</h1>"
            + "".join(f"<p>{line}</p>" for line in STRONG.splitlines() if line and not line.startswith("#"))
            + "<table><tr><th>KPI</th><th>Target</th></tr><tr><td>Cost</td><td>£3</td></tr></table>"
            + "<a href='https://example.org/plan'>plan</a></body></html>")
    return [Seed("docx", ".docx", word.getvalue()), Seed("pdf", ".pdf", pdf),
            Seed("markdown", ".md", (STRONG + "\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[link](#x)\n").encode()),
            Seed("text", ".txt", WEAK.encode()), Seed("html", ".html", html.encode())]


# --- byte mutations ---------------------------------------------------------------------------------

def flip(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def splice(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 4096))
    choice = rng.random()
    if choice < 0.4:
        return data[:start] + data[end:]
    if choice < 0.7:
        return data[:start] + data[start:end] * rng.randint(2, 20) + data[end:]
    return data[:start] + rng.choice(ODD_BYTES) * rng.randint(1, 64) + data[start:]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(1, len(data))]


# --- structure-aware mutations ----------------------------------------------------------------------

def word_xml(rng: random.Random, data: bytes) -> bytes:
    """A Word package with one XML part changed: odd attribute values, elements dropped or repeated,
    NUL or unfinished CDATA in the text, or a part removed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml_parts = [name for name in members if name.endswith((".xml", ".rels"))]
    name = rng.choice(xml_parts)
    text = members[name].decode("utf-8", errors="replace")
    choice = rng.random()
    if choice < 0.45:
        attributes = list(re.finditer(r'(\w+:\w+)="([^"]*)"', text))
        for match in rng.sample(attributes, min(len(attributes), rng.randint(1, 8))):
            text = text.replace(match.group(0), f'{match.group(1)}="{rng.choice(ODD_VALUES)}"', 1)
    elif choice < 0.7:
        elements = list(re.finditer(r"<(w:\w+)\b[^>]*/>|<(w:\w+)\b[^>]*>.*?</\2>", text, re.S))
        if elements:
            match = rng.choice(elements)
            replacement = "" if rng.random() < 0.5 else match.group(0) * rng.randint(2, 50)
            text = text[:match.start()] + replacement + text[match.end():]
    elif choice < 0.8:
        text = text.replace("<w:t>", rng.choice(["<w:t>\x00", "<w:t><![CDATA[x", "<w:t>&bogus;", "<w:t>\ufffe"]), 1)
    elif choice < 0.9 and name != "[Content_Types].xml":
        del members[name]
        text = None
    else:
        text = text.replace("w:val=", rng.choice(["w:val=", "w:val2=", "w:type="]))
        text = text.replace('w:type="paragraph"', f'w:type="{rng.choice(["numbering", "x", ""])}"', 1)
    if text is not None:
        members[name] = text.encode("utf-8", errors="surrogatepass")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return out.getvalue()


def pdf_tokens(rng: random.Random, data: bytes) -> bytes:
    """A PDF with numbers, names, object markers or stream lengths changed."""
    choice = rng.random()
    if choice < 0.4:
        numbers = list(re.finditer(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])", data))
        for match in rng.sample(numbers, min(len(numbers), rng.randint(1, 10))):
            odd = rng.choice([b"0", b"-1", b"99999999", b"1.5", b"-0.0", b"4294967296", b"1e9"])
            data = data[:match.start()] + odd + data[match.end():]
    elif choice < 0.6:
        names = list(re.finditer(rb"/[A-Za-z]+", data))
        match = rng.choice(names)
        odd = rng.choice([b"/FlateDecode", b"/Foo", b"/Type", b"/Kids", b"/Length", b"/Pages", b"/Annots", b"/"])
        data = data[:match.start()] + odd + data[match.end():]
    elif choice < 0.8:
        marker = rng.choice([b"endobj", b"endstream", b"stream", b"xref", b"trailer", b"obj", b"R"])
        data = data.replace(marker, rng.choice([b"", marker * 2, b" "]), rng.randint(1, 3))
    else:
        start = data.find(b"<<", rng.randrange(len(data)))
        if start >= 0:
            data = data[:start] + rng.choice([b"<<" * 50, b"[" * 200, b"<</Kids [1 0 R]>>", b"(" * 100]) + \
                data[start:]
    return data


def text_mutation(rng: random.Random, data: bytes) -> bytes:
    """Text re-encoded, cut in the middle of a character, laced with control characters or markup."""
    text = data.decode("utf-8", errors="replace")
    choice = rng.random()
    if choice < 0.25:
        codec = rng.choice(["utf-16-le", "utf-16-be", "utf-16", "utf-32", "cp1252", "latin-1"])
        return text.encode(codec, errors="replace")
    if choice < 0.5:
        pieces = ["\x00", "\x0c", "\u202e", "\ufeff", "\r", "\t" * 50, "#" * 7, "|" * 30, "[", "](", "<!--",
                  "```", "---\n", "<h1>", "&#0;", "\ud800", "- " * 20, "\n" * 500, " " * 2000]
        for _ in range(rng.randint(1, 15)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(pieces) + text[at:]
        return text.encode("utf-8", errors="surrogatepass")
    if choice < 0.75:
        return text.encode("utf-8")[:rng.randrange(1, len(text.encode("utf-8")))]
    lines = text.splitlines()
    rng.shuffle(lines)
    return "\n".join(lines * rng.randint(1, 30)).encode("utf-8")


STRUCTURED = {"docx": word_xml, "pdf": pdf_tokens, "markdown": text_mutation, "text": text_mutation,
              "html": text_mutation}
BYTES = [flip, splice, truncate]


def make_input(seed: int, index: int, plans: list[Seed]) -> tuple[str, bytes, str]:
    """(file name, content, mutator) of input ``index`` of run ``seed``."""
    rng = random.Random(f"{seed}/{index}")
    plan = rng.choice(plans)
    data = plan.data
    used = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        mutate = STRUCTURED[plan.kind] if rng.random() < 0.6 else rng.choice(BYTES)
        try:
            data = mutate(rng, data) or data
        except Exception:  # an earlier byte mutation broke the package past reading: mutate bytes instead
            mutate = splice
            data = splice(rng, data)
        used.append(mutate.__name__)
    suffix = plan.suffix
    if rng.random() < 0.05:
        suffix = rng.choice([".docx", ".pdf", ".md", ".txt", ".html", ".DOCX", ""])
    return f"{index:05d}-{plan.kind}{suffix}", data, "+".join(used)


def run(count: int, seed: int = 1, batch: int = 250, jobs: int = 2, timeout: float = 600,
        echo=None, pages: str = "estimate") -> Summary:
    """Fuzz ``count`` inputs; the summary lists every way the contract was broken."""
    plans = seeds()
    summary = Summary()
    started = time.monotonic()
    for first in range(0, count, batch):
        with tempfile.TemporaryDirectory(prefix="plancheck-fuzz-") as folder:
            folder = Path(folder)
            inputs = {}
            for index in range(first, min(count, first + batch)):
                name, data, mutator = make_input(seed, index, plans)
                (folder / name).write_bytes(data)
                inputs[name] = hashlib.sha256(data).hexdigest()
                summary.mutators.update(mutator.split("+"))
            check_batch(folder, inputs, summary, jobs, timeout, pages)
            summary.inputs += len(inputs)
            summary.batches += 1
        if echo:
            echo(f"{summary.inputs} inputs, {len(summary.problems)} problems, "
                 f"{time.monotonic() - started:.0f} s")
    summary.seconds = time.monotonic() - started
    return summary


def check_batch(folder: Path, inputs: dict[str, str], summary: Summary, jobs: int, timeout: float,
                pages: str = "estimate") -> None:
    command = [sys.executable, "-m", "plancheck", str(folder), "--format", "json", "--pages", pages,
               "--jobs", str(jobs), "--config", str(folder / "none.toml")]
    # An empty configuration: every input is a candidate, whatever it is called.
    (folder / "none.toml").write_text('include = ["*"]\nexclude = ["none.toml"]\n', encoding="utf-8")
    # A private temporary folder, so that anything left behind is seen.
    scratch = folder.parent / f"{folder.name}-tmp"
    scratch.mkdir()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "TMPDIR": str(scratch), "NO_COLOR": "1"})
    except subprocess.TimeoutExpired:
        summary.problems.append(f"{folder.name}: the batch did not finish within {timeout:g} s")
        return
    finally:
        left = sorted(path.name for path in scratch.iterdir())
        shutil.rmtree(scratch, ignore_errors=True)
    if left:
        summary.problems.append(f"left in the temporary folder: {', '.join(left[:10])}")
    if done.returncode not in (0, 1, 2):
        summary.problems.append(f"batch exit code {done.returncode}: {done.stderr[-500:]}")
    if "Traceback" in done.stderr or "Traceback" in done.stdout:
        summary.problems.append(f"traceback: {done.stderr[-2000:]}")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        summary.problems.append(f"no JSON report: {done.stdout[:300]!r} {done.stderr[-300:]!r}")
        return
    seen = Counter()
    for document in report["documents"]:
        seen[Path(document["path"]).name] += 1
        summary.outcomes[document["verdict"]] += 1
    for error in report["errors"]:
        name = Path(error["path"]).name
        seen[name] += 1
        message = error["message"]
        summary.outcomes["error"] += 1
        summary.messages[re.sub(r"\(.*", "(…", re.sub(r"\d+", "N", message))[:90]] += 1
        if "\n" in message or "\r" in message:
            summary.problems.append(f"{name}: a message of more than one line: {message!r}")
        if PYTHON_WORDS.search(message):
            summary.problems.append(f"{name}: a message in Python's words: {message!r}")
        if "internal error" in message:
            summary.problems.append(f"{name}: {message}")
    for line in done.stderr.splitlines():
        if line and not line.startswith((str(folder), "plancheck: ")):
            summary.problems.append(f"stray standard error line: {line[:300]!r}")
    for name, digest in inputs.items():
        if seen[name] != 1:
            summary.problems.append(f"{name}: reported {seen[name]} times, not once")
        if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
            summary.problems.append(f"{name}: the input was changed")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pages", default="estimate", choices=["estimate", "auto", "layout"],
                        help="auto or layout sends Word files through LibreOffice: much slower")
    parser.add_argument("--keep", type=Path, help="also write every input into this folder, to reproduce one")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        plans = seeds()
        for index in range(args.count):
            name, data, _ = make_input(args.seed, index, plans)
            (args.keep / name).write_bytes(data)
    summary = run(args.count, args.seed, jobs=args.jobs, echo=lambda line: print(line, file=sys.stderr),
                  pages=args.pages)
    print(f"{summary.inputs} inputs in {summary.batches} batches, {summary.seconds:.0f} s "
          f"({summary.seconds / max(summary.inputs, 1) * 1000:.0f} ms each)")
    print("outcomes: " + ", ".join(f"{key} {value}" for key, value in summary.outcomes.most_common()))
    print("mutators: " + ", ".join(f"{key} {value}" for key, value in summary.mutators.most_common()))
    print("messages:")
    for message, number in summary.messages.most_common(25):
        print(f"  {number:5d}  {message}")
    print(f"problems: {len(summary.problems)}")
    for problem in summary.problems[:50]:
        print(f"  {problem}")
    return 1 if summary.problems else 0


if __name__ == "__main__":
    sys.exit(main())
