"""The user's cache directory, and compiled regular expressions that survive a run.

plancheck keeps what is slow to rebuild and cheap to check in
``$XDG_CACHE_HOME/plancheck`` (by default ``~/.cache/plancheck``): rule packs
as parsed data, and the compiled programs of their term patterns. Nothing
in it is needed: a missing, read-only or damaged cache only makes a run
slower, and every entry is checked against what it was made from before it
is used.

Entries are JSON, never pickle, so a file someone else wrote into the cache
can at worst be ignored. Each is written to a temporary file beside its
final name and renamed into place, so two runs at once never see half of one.
The code of a pack's programs (about a megabyte for the built-in pack, which
JSON would take several milliseconds to read as base64) is kept as plain bytes
in a file beside its entry (``.bin``), which starts with a token the entry
names: an entry is used only with the code written for it.

A regular expression is compiled in two steps: parsing its source (most of
the time ``re.compile`` takes) and building a matcher from the resulting
program. A compiled pattern pickles as its source and is parsed again, which
saves nothing, so the cache keeps the program and builds the matcher from it
directly. The program is specific to the Python that made it, so it is only
used by the same Python; the matcher's builder also checks the program it is
given and refuses a malformed one, in which case the source is compiled as
usual.

The same goes for every other regular expression a run compiles (those of
plancheck's modules and of the libraries it uses, mostly compiled as they
are imported): :func:`remember_patterns` keeps their programs, for this
version of plancheck installed here and this Python, and :func:`warm_patterns` puts the
patterns built from them into ``re``'s own cache at the next start, where
``re.compile`` finds them. A pattern is looked up there by its source and
flags, so a changed pattern is simply compiled again.
"""

from __future__ import annotations

import os
import re
import sys
from array import array
from binascii import a2b_base64, b2a_base64
from pathlib import Path

try:
    import _sre
    from re import _compiler as _re_compiler
    from re import _parser as _re_parser
except ImportError:  # another Python implementation: compile from source as usual
    _sre = _re_compiler = _re_parser = None

# What Python made a program: only the same one may use it.
PYTHON = f"{sys.implementation.name} {sys.version} {getattr(_sre, 'MAGIC', '')}"

# A program's code is a list of integers of _sre.CODESIZE bytes, kept as their bytes
# in base64: JSON reads one long string much faster than thousands of numbers.
CODE_TYPE = next((kind for kind in "IL" if _sre and array(kind).itemsize == _sre.CODESIZE), None)

# Programs loaded from the cache, by (source, flags).
_programs: dict[tuple[str, int], list] = {}


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data`` in hex.

    From CPython's own SHA-256 module where there is one: hashlib loads
    OpenSSL first, which takes longer than everything a run hashes.
    """
    try:
        from _sha256 import sha256
    except ImportError:
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256
    return sha256(data).hexdigest()


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/plancheck``, or ``~/.cache/plancheck`` (which need not exist)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG specification says to ignore a relative path
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "plancheck"


def read_entry(path: Path) -> dict | None:
    """A JSON object from the cache, or None when it is missing or unreadable."""
    import json  # here: plancheck.libreoffice finds the cache folder before LibreOffice starts, without json

    try:
        with open(path, "rb") as handle:
            entry = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    return entry if isinstance(entry, dict) else None


def write_entry(path: Path, entry: dict) -> bool:
    """Write ``entry`` as JSON atomically; False, silently, when the cache cannot be written."""
    import json

    try:
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        if json.loads(text) != entry:  # e.g. a mapping with number keys would come back changed
            return False
    except (TypeError, ValueError):  # something JSON cannot hold: not worth caching
        return False
    return write_atomically(path, text.encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file of this process, so that no reader ever
    sees half of it; False, leaving nothing behind, when it cannot be written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
    return True


def prune(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` most recently written entries in ``folder`` (and their code)."""
    try:
        entries = sorted(folder.glob("*.json"), key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
        for entry in entries[keep:]:
            entry.unlink()
            entry.with_suffix(".bin").unlink(missing_ok=True)  # its programs' code, if it has any
    except OSError:  # another run pruning at the same time, or a folder we may not change
        pass


def program(source: str, flags: int) -> list | None:
    """What ``compiled`` needs to build the pattern without parsing it, as JSON-ready data."""
    if _sre is None:
        return None
    try:
        parsed = _re_parser.parse(source, flags)
        code = array(CODE_TYPE, _re_compiler._code(parsed, flags)).tobytes()
        code = b2a_base64(code, newline=False).decode("ascii")
        state = parsed.state
    except Exception:  # internals of another Python version: just don't cache
        return None
    index_group = [None] * state.groups
    for name, index in state.groupdict.items():
        index_group[index] = name
    return [source, flags, flags | state.flags, code, state.groups - 1, dict(state.groupdict), index_group]


def split_programs(programs: list) -> tuple[list, bytes]:
    """``programs`` with each one's code replaced by where it is, ``[offset, length]``, in one block
    of bytes; and that block. JSON reads a megabyte of base64 in several milliseconds, and the
    block needs no reading at all but of the programs a run builds (see :func:`write_code`)."""
    items, parts, at = [], [], 0
    for item in programs:
        code = a2b_base64(item[3])
        items.append([*item[:3], [at, len(code)], *item[4:]])
        parts.append(code)
        at += len(code)
    return items, b"".join(parts)


def write_code(path: Path, code: bytes) -> str | None:
    """Write the block of ``split_programs`` beside its entry, atomically; the token the entry must
    name for the block to be used with it (None, silently, when it cannot be written)."""
    # The same code, the same token; another's code (or a part of it), another token.
    token = f"{sha256_hex(code)[:32]}:{len(code)}"
    return token if write_atomically(path, token.encode("ascii") + code) else None


def read_code(path: Path, token) -> bytes | None:
    """The block written with ``token`` (see write_code), or None when it is missing or another's:
    two runs writing an entry at once may leave one's entry beside the other's block."""
    if not isinstance(token, str) or not token.isascii():
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    mark = token.encode("ascii")
    length = token.rpartition(":")[2]
    if not data.startswith(mark) or not length.isdigit() or len(data) != len(mark) + int(length):
        return None
    return data[len(mark):]


def add_programs(programs: list, python: str, code: bytes | None = None) -> None:
    """Make cached programs available to ``compiled``, if this Python made them; ``code`` is the
    block that programs whose code is given by where it is there (see split_programs) come from."""
    if python != PYTHON:
        return
    view = memoryview(code) if code is not None else None
    for item in programs:
        if isinstance(item, list) and len(item) == 7:
            where = item[3]
            if isinstance(where, list):
                if view is None or len(where) != 2 or not all(type(n) is int and n >= 0 for n in where) \
                        or where[0] + where[1] > len(view):
                    continue
                item = [*item[:3], view[where[0]:where[0] + where[1]], *item[4:]]
            _programs[item[0], item[1]] = item


def compiled(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)``, from the cached program when there is one."""
    item = _programs.get((source, flags))
    if item is not None:
        try:
            code = array(CODE_TYPE)
            code.frombytes(a2b_base64(item[3]) if isinstance(item[3], str) else item[3])
            pattern = _sre.compile(source, item[2], code.tolist(), item[4], item[5], tuple(item[6]))
        except Exception:  # a damaged or foreign program: compile from the source
            pass
        else:
            if pattern.pattern == source:
                return pattern
    return re.compile(source, flags)


# ---------------------------------------------------------------- every pattern a run compiles

# Entries of ``re``'s cache are (type of source, source, flags); the cache holds at most
# re._MAXCACHE (512) of them and drops the oldest first, so remember fewer than that, but more
# than a run compiles (about 400 for a Word file): a run that compiles more than are remembered
# finds some missing every time, so compiles them and writes the whole entry again every time.
MAX_REMEMBERED_PATTERNS = 480
PATTERNS_FORMAT = 1
MAX_PATTERN_ENTRIES = 8
# The items warm_patterns loaded, by their key in re's cache: nothing to write again for them.
_warm: dict[tuple, list] = {}


def _patterns_path() -> Path:
    from . import __version__

    # Where plancheck is installed too: two checkouts of one version (a developer's) compile
    # different patterns, and sharing one entry, each would write it again on every run.
    here = os.path.dirname(os.path.abspath(__file__))
    key = sha256_hex(f"{PATTERNS_FORMAT}\0{__version__}\0{PYTHON}\0{here}".encode())
    return user_cache_dir() / "patterns" / f"{key[:32]}.json"


def _re_cache() -> dict | None:
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) and _sre is not None else None


class _WarmCache(dict):
    """``re``'s own cache (the one ``re`` looks a pattern up in first), which builds a pattern an
    earlier run compiled from its program when ``re`` first asks for it (see warm_patterns)."""

    __slots__ = ()

    def __missing__(self, key):
        item = _pending.get(key)
        if item is None:
            raise KeyError(key)
        pattern = _built(item, key[1])
        if pattern is None:  # a damaged or foreign item: re compiles the pattern as usual
            del _pending[key], _warm[key]
            raise KeyError(key)
        if len(self) < _room:
            # Kept, as re keeps what it compiles (and drops the oldest once it is full).
            del _pending[key]
            self[key] = pattern
        return pattern


# The cache re looks a pattern up in first, by its name in re: _cache2 (first in first out) from
# Python 3.12, _cache before; and how many patterns re keeps there.
_FIRST_CACHE, _room = ("_cache2", getattr(re, "_MAXCACHE2", 256)) if hasattr(re, "_cache2") \
    else ("_cache", getattr(re, "_MAXCACHE", 512))
# Patterns earlier runs compiled, by their key in re's cache, not yet built (see _WarmCache).
_pending: dict[tuple, list] = {}


def _built(item: list, source) -> re.Pattern | None:
    """The pattern a remembered item describes, or None when the item is not one this Python made."""
    try:
        code = array(CODE_TYPE, a2b_base64(item[4])).tolist()
        pattern = _sre.compile(source, item[3], code, item[5], item[6], tuple(item[7]))
    except Exception:  # a damaged or foreign item
        return None
    return pattern if pattern.pattern == source and pattern.flags == item[3] else None


def _lazy_cache() -> dict | None:
    """re's first cache, made a _WarmCache (with what it held) if it is not one yet; None when this
    Python's re has none that can be (another implementation or version)."""
    cache = getattr(re, _FIRST_CACHE, None)
    if _sre is None or not isinstance(cache, dict):
        return None
    if type(cache) is dict:
        cache = _WarmCache(cache)
        setattr(re, _FIRST_CACHE, cache)
    return cache if isinstance(cache, _WarmCache) else None


_warmed = False


def warm_patterns_once() -> None:
    """:func:`warm_patterns`, unless this process did it already (plancheck.launch may, before plancheck.cli)."""
    global _warmed
    if not _warmed:
        _warmed = True
        warm_patterns()


def warm_patterns() -> None:
    """Make the patterns earlier runs compiled available to ``re``, built from their programs.

    Each is built when ``re`` first looks it up (``re.compile``, ``re.search`` and the like): a run
    uses about half of what earlier runs of every kind compiled, and building the rest would take
    longer than reading them all.
    """
    entry = read_entry(_patterns_path())
    if entry is None or entry.get("python") != PYTHON or not isinstance(entry.get("patterns"), list):
        return
    first = _lazy_cache()
    if first is None:
        return
    for item in entry["patterns"]:
        try:
            kind, source, flags = item[0], item[1], item[2]
            source = source.encode("latin-1") if kind == "bytes" else source
            key = (type(source), source, flags)
        except Exception:  # a damaged or foreign item: that pattern is compiled as usual
            continue
        _warm[key] = item
        if key not in first:
            _pending[key] = item


def remember_patterns() -> None:
    """Keep the programs of the patterns this run compiled, when the cache lacks any of them.

    What earlier runs compiled and this one did not use is kept too (runs of other kinds use it),
    but not a term list's pattern that a pack's cache entry holds (see :func:`compiled`).
    """
    cache = _re_cache()
    if cache is None:
        return
    keys = [key for key in list(cache) if len(key) == 3 and key[0] in (str, bytes) and isinstance(key[2], int)
            and (key[1], key[2]) not in _programs]
    if all(key in _warm for key in keys):
        return
    used = set(keys)
    items = [item for key, item in _warm.items() if key not in used and len(item) == 8]
    for kind, source, flags in keys:
        item = _warm.get((kind, source, flags))
        if item is None:
            made = program(source, flags)
            if made is None:
                continue
            text = source.decode("latin-1") if kind is bytes else source
            item = [kind.__name__, text, flags, *made[2:]]
        items.append(item)
    path = _patterns_path()
    if write_entry(path, {"python": PYTHON, "patterns": items[-MAX_REMEMBERED_PATTERNS:]}):
        prune(path.parent, keep=MAX_PATTERN_ENTRIES)  # those of other versions of plancheck or Python
