"""Configuration: ``[tool.plancheck]`` in ``pyproject.toml``, or ``.plancheck.toml``.

The file is found by walking up from the working directory. In each folder
``.plancheck.toml`` is tried before ``pyproject.toml``, and a
``pyproject.toml`` without a ``[tool.plancheck]`` table is passed over, so a
dedicated file wins over a shared one. ``--config PATH`` names the file
instead. The table is validated against ``schemas/config.schema.json``; check
IDs are validated against the rule packs once those are loaded. A command-line
option replaces the configuration's value for the same key.
"""

from __future__ import annotations

import difflib
import json
import os
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .engine import Settings, matches
from .errors import ConfigError
from .packs import _json_path, _validate

FILE_NAMES = (".plancheck.toml", "pyproject.toml")
# Keys whose values are ID prefixes as well as IDs; severity and waive take exact IDs.
PREFIX_KEYS = ("select", "ignore")


@dataclass
class Config:
    """One configuration file's settings; every field empty when there is no file."""

    path: Path | None = None
    rules: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    waive: dict[str, str] = field(default_factory=dict)
    fail_under: float | None = None
    pages: str | None = None
    exclude: tuple[str, ...] = ()

    @property
    def root(self) -> Path:
        """The folder that relative pack paths and ``exclude`` globs are taken from."""
        return self.path.parent.resolve() if self.path else Path.cwd()

    @property
    def where(self) -> str:
        """The file and table, as error messages name them."""
        if self.path is None:
            return "configuration"
        name = _display(self.path)
        return f"{name} [tool.plancheck]" if self.path.name == "pyproject.toml" else name

    def rule_packs(self) -> list[str]:
        """``rules`` with pack files found relative to the configuration file; built-in names as they are."""
        return [str(self.root / ref) if (self.root / ref).is_file() else ref for ref in self.rules]

    def excludes(self, path: str) -> bool:
        """Whether an ``exclude`` glob matches ``path`` or a folder it is in.

        Globs are matched against the path relative to :attr:`root`, with
        ``/`` separators. A glob containing ``/`` is anchored there and
        matches the path or a leading folder (``drafts/old``, ``plans/*.txt``);
        one without ``/``, or starting with ``**/``, matches at any depth
        (``*.txt``, ``templates``). ``*`` also matches ``/``.
        """
        if not self.exclude:
            return False
        absolute = Path(os.path.abspath(path))
        try:
            parts = absolute.relative_to(self.root).parts
        except ValueError:
            parts = absolute.parts[1:]
        for glob in self.exclude:
            anchored = "/" in glob.rstrip("/") and not glob.startswith("**/")
            glob = glob.removeprefix("**/").removeprefix("./").rstrip("/")
            starts = [0] if anchored else range(len(parts))
            if any(fnmatch("/".join(parts[i:j]), glob) for i in starts for j in range(i + 1, len(parts) + 1)):
                return True
        return False

    def settings(self, packs, select=(), ignore=(), fail_under: float | None = None) -> Settings:
        """The engine's settings: command-line values where given, else this configuration's.

        Raises ConfigError, naming the option or key, when a check ID in effect
        matches no rule of ``packs``.
        """
        check_ids(select, packs, True, "--select")
        check_ids(ignore, packs, True, "--ignore")
        replaced = {"select": select, "ignore": ignore}
        for key in ("select", "ignore", "severity", "waive"):
            if not replaced.get(key):
                check_ids(getattr(self, key), packs, key in PREFIX_KEYS, f"{self.where}: at {_json_path([key])}")
        in_file = f"by the configuration file {self.where}"
        settings = Settings(select=tuple(select) or self.select, ignore=tuple(ignore) or self.ignore,
                            severity=self.severity, waive=self.waive,
                            fail_under=self.fail_under if fail_under is None else fail_under,
                            select_origin="on the command line" if select else in_file,
                            ignore_origin="on the command line" if ignore else in_file)
        if not any(settings.runs(rule.id) for pack in packs for rule in pack.rules):
            raise ConfigError(self._nothing_left(bool(select), bool(ignore), bool(settings.select)))
        return settings

    def _nothing_left(self, select_given: bool, ignore_given: bool, selecting: bool) -> str:
        """The option error for a selection that leaves no check, naming where each part came from.

        Only an ignore can leave nothing: a select is checked to match some rule.
        """
        keys = ["select"] * selecting + ["ignore"]
        if not (select_given or ignore_given):
            return f"{self.where}: {' and '.join(keys)} leave{'s' * (len(keys) == 1)} no checks to run."
        given = {"select": select_given, "ignore": ignore_given}
        parts = [f"--{key}" if given[key] else f"the {key} of {self.where}" for key in keys]
        return f"{' and '.join(parts)} leave{'s' * (len(parts) == 1)} no checks to run."


def _display(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_ids(patterns, packs, prefixes: bool, where: str) -> None:
    """Raise ConfigError at ``where`` for the first pattern that names no rule of ``packs``."""
    known = [rule.id for pack in packs for rule in pack.rules]
    for pattern in patterns:
        if any(matches(rule_id, [pattern]) for rule_id in known) if prefixes else pattern in known:
            continue
        close = difflib.get_close_matches(pattern, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see plancheck --list-rules"
        raise ConfigError(f"{where}: unknown check ID {pattern!r}{hint}")


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files("plancheck.schemas").joinpath("config.schema.json").read_text("utf-8"))


def _table(path: Path) -> dict | None:
    """The plancheck table of a file, or None for a pyproject.toml without one."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(f"{_display(path)}: cannot be read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{_display(path)}: is not valid TOML ({error})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("plancheck")
    return data


def discover(start: Path) -> Path | None:
    """The nearest configuration file in ``start`` or a folder above it."""
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            candidate = folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def load(path: str | os.PathLike | None = None) -> Config:
    """The configuration named by ``--config``, else the one discovered; empty when there is none."""
    if path is None:
        found = discover(Path.cwd())
        if found is None:
            return Config()
        path = found
    path = Path(path)
    table = _table(path)
    config = Config(path=path)
    if table is None:
        raise ConfigError(f"{_display(path)}: has no [tool.plancheck] table")
    _validate(table, schema(), config.where)
    config.rules = tuple(table.get("rules", ()))
    config.select = tuple(table.get("select", ()))
    config.ignore = tuple(table.get("ignore", ()))
    config.severity = dict(table.get("severity", {}))
    config.waive = {key: reason.strip() for key, reason in table.get("waive", {}).items()}
    config.fail_under = table.get("fail-under")
    config.pages = table.get("pages")
    config.exclude = tuple(table.get("exclude", ()))
    return config
