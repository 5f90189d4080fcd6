"""Reporters: one module per output format, each turning results into text.

A reporter never reads files or judges: it gets the finished
:class:`~plancheck.engine.DocumentReport` objects and the read errors, and
returns what to print. Each module exposes ``render(run) -> str``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = {
    "text": "text",
    "json": "json_report",
}


@dataclass
class Run:
    """Everything one invocation produced, as the reporters see it."""

    reports: list = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    packs: list = field(default_factory=list)
    color: bool = False
    verbose: bool = False
    width: int = 80


def render(fmt: str, run: Run) -> str:
    return importlib.import_module(f".{FORMATS[fmt]}", __name__).render(run)


def status_word(result) -> str:
    if result.waived is not None:
        return "waived"
    return result.status
