"""Shared fixtures: where the shared material is, the built-in pack, and a way
to check a plan written inline as Markdown through the real reader and engine.

Tests that need ``../shared`` (the spec and the corpus) skip with a visible
reason when it is absent, so a fresh clone still passes its own tests. With
``PLANCHECK_NO_SKIPS=1`` (set by ``.ci/run``) a skip is a failure instead: CI
has everything, so a skip there means a test silently stopped testing.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from plancheck.engine import Settings, check_document
from plancheck.packs import load_pack
from plancheck.readers import ReadOptions, read_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
PACK = "productivity-plan-2024"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("PLANCHECK_NO_SKIPS") == "1" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped where nothing may skip (PLANCHECK_NO_SKIPS=1): {report.longrepr}"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "requirements.md").is_file():
        pytest.skip(f"needs the shared material at {SHARED} (requirements.md and corpus/), which is absent")
    return SHARED


@pytest.fixture(scope="session")
def corpus_dir(shared_dir) -> Path:
    corpus = shared_dir / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"needs the corpus at {corpus}, which is absent")
    return corpus


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def pack():
    return load_pack(PACK)


@pytest.fixture
def check_md(tmp_path, pack):
    """check_md(text, *select) -> DocumentReport for ``text`` read as a .md file.

    ``text`` is dedented; ``select`` (rule IDs or prefixes) isolates rules,
    as ``--select`` does. ``name`` changes the file name (``plan.txt`` reads
    it as plain text).
    """
    def run(text: str, *select: str, name: str = "plan.md", settings: Settings | None = None):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        document = read_document(path, ReadOptions(pages="estimate"))
        return check_document(document, [pack], settings or Settings(select=tuple(select)))
    return run

