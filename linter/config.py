"""Configuration: ``[tool.plancheck]`` in ``pyproject.toml``, or ``.plancheck.toml``.

Each file is checked with its own nearest configuration, found by walking up
from the file's folder and stopping at the root of its repository (a folder
holding ``.git``). In each folder ``.plancheck.toml`` is tried before
``pyproject.toml``, and a ``pyproject.toml`` without a ``[tool.plancheck]``
table is passed over, so a dedicated file wins over a shared one.
``--config PATH`` names one file for every document instead. The table is
validated against ``schemas/config.schema.json``; check IDs are validated
against the rule packs once those are loaded. A command-line option replaces
the configuration's value for the same key.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path

from .engine import Settings, matches
from .errors import ConfigError
from .packs import _json_path

FILE_NAMES = (".plancheck.toml", "pyproject.toml")
# A folder holding one of these is the top of a repository: discovery stops there.
REPOSITORY_MARKERS = (".git", ".hg")
# Keys whose values are ID prefixes as well as IDs; severity and waive take exact IDs.
PREFIX_KEYS = ("select", "ignore")
# What a folder walk picks up: every format plancheck reads.
DEFAULT_INCLUDE = ("*.docx", "*.docm", "*.doc", "*.odt", "*.pdf", "*.md", "*.markdown", "*.txt", "*.text",
                   "*.html", "*.htm")
# Files every repository has that are not plans, and where tooling keeps its own files.
DEFAULT_EXCLUDE = ("README*", "CHANGELOG*", "CHANGES*", "HISTORY*", "LICENSE*", "LICENCE*", "COPYING*",
                   "NOTICE*", "AUTHORS*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", "SUPPORT*",
                   "requirements*.txt", ".github", ".gitlab")


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
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False

    @property
    def root(self) -> Path:
        """The folder that relative pack paths and ``exclude`` globs are taken from."""
        return self.path.parent.resolve() if self.path else Path.cwd()

    @property
    def label(self) -> str | None:
        """The configuration file as reports name it, or None when the built-in defaults apply."""
        return _display(self.path) if self.path else None

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
        """Whether an ``exclude`` or ``extend-exclude`` glob matches ``path`` or a folder it is in.

        Globs are matched case-insensitively against the path relative to
        :attr:`root`, with ``/`` separators. A glob containing ``/`` is
        anchored there and matches the path or a leading folder
        (``drafts/old``, ``plans/*.txt``); one without ``/``, or starting with
        ``**/``, matches at any depth (``*.txt``, ``templates``). ``*`` also
        matches ``/``.
        """
        return _matches_any(self._parts(path), self.exclude + self.extend_exclude)

    def includes(self, path: str) -> bool:
        """Whether a folder walk picks ``path`` up: its name matches an ``include`` glob."""
        return _matches_any(self._parts(path), self.include)

    def _parts(self, path: str) -> tuple[str, ...]:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).parts
        except ValueError:
            return absolute.parts[1:]

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


def _matches_any(parts: tuple[str, ...], globs) -> bool:
    parts = tuple(part.lower() for part in parts)
    for glob in globs:
        anchored = "/" in glob.rstrip("/") and not glob.startswith("**/")
        glob = glob.lower().removeprefix("**/").removeprefix("./").rstrip("/")
        starts = [0] if anchored else range(len(parts))
        if any(fnmatchcase("/".join(parts[i:j]), glob) for i in starts for j in range(i + 1, len(parts) + 1)):
            return True
    return False


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
        import difflib  # imports here keep start-up fast for the usual run, with no mistakes to explain

        close = difflib.get_close_matches(pattern, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see plancheck --list-rules"
        raise ConfigError(f"{where}: unknown check ID {pattern!r}{hint}")


@lru_cache(maxsize=1)
def schema() -> dict:
    from importlib import resources

    return json.loads(resources.files("plancheck.schemas").joinpath("config.schema.json").read_text("utf-8"))


def _table(path: Path) -> dict | None:
    """The plancheck table of a file, or None for a pyproject.toml without one.

    A ``.plancheck.toml`` may hold its keys at the top or, as when the
    README's ``[tool.plancheck]`` block is pasted in, under that table.
    """
    import tomllib

    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(f"{_display(path)}: cannot be read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{_display(path)}: is not valid TOML ({error})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("plancheck")
    if set(data) == {"tool"} and isinstance(data["tool"], dict) and set(data["tool"]) == {"plancheck"}:
        return data["tool"]["plancheck"]
    return data


def discover(start: Path) -> Path | None:
    """The nearest configuration file in ``start`` or a folder above it, up to the repository's root."""
    start = Path(os.path.abspath(start))
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            candidate = folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
        if any((folder / marker).exists() for marker in REPOSITORY_MARKERS):
            return None
    return None


# How a valid value looks, for the schema's patterns: an error never shows a regular expression.
PATTERN_WORDS = {
    "check-id": "a check ID such as \"question.edi\": lower-case words joined by dots or hyphens, "
                "with no dot at the end (a prefix is not allowed here)",
    "reason": "a reason in words, not blank",
}


TYPE_WORDS = {"array": 'a list in square brackets, such as ["question."]', "string": 'text in quotes, such as "auto"',
              "number": "a number, such as 60", "object": "a table of keys and values", "boolean": "true or false"}


def _explain(error) -> str:
    """A schema error in plain words: what is wrong and what a valid value looks like."""
    if error.validator == "pattern":
        kind = next((name for name, words in PATTERN_WORDS.items()
                     if error.schema.get("$comment") == name), None)
        return f"{error.instance!r} is not valid; expected {PATTERN_WORDS.get(kind, 'a different value')}"
    if error.validator == "additionalProperties" and not error.absolute_path:
        import difflib

        unknown = sorted(set(error.instance) - set(schema()["properties"]))
        close = difflib.get_close_matches(unknown[0], list(schema()["properties"]), n=1) if unknown else []
        hint = f"; did you mean {close[0]!r}?" if close else f"; keys are {', '.join(schema()['properties'])}"
        return f"unknown key {unknown[0]!r}{hint}" if unknown else error.message
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(repr, error.validator_value))}"
    if error.validator == "minLength" and error.instance == "":
        return "an empty value is not allowed"
    if error.validator == "minItems":
        return "an empty list is not allowed; name at least one"
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{error.instance!r} is not valid; expected " + " or ".join(TYPE_WORDS.get(w, w) for w in wanted)
    return error.message


def _validate(table: dict, where: str) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(table), key=lambda e: (list(e.absolute_path), e.message))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        raise ConfigError(f"{where}: at {_json_path(list(error.absolute_path))}: {_explain(error)}")


def load(path: str | os.PathLike | None = None) -> Config:
    """The configuration named by ``--config``, else the one discovered from the working directory;
    the defaults when there is none."""
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
    _validate(table, config.where)
    config.rules = tuple(table.get("rules", ()))
    config.select = tuple(table.get("select", ()))
    config.ignore = tuple(table.get("ignore", ()))
    config.severity = dict(table.get("severity", {}))
    config.waive = {key: reason.strip() for key, reason in table.get("waive", {}).items()}
    config.fail_under = table.get("fail-under")
    config.pages = table.get("pages")
    config.include = tuple(table.get("include", DEFAULT_INCLUDE))
    config.exclude = tuple(table.get("exclude", DEFAULT_EXCLUDE))
    config.extend_exclude = tuple(table.get("extend-exclude", ()))
    config.force_exclude = table.get("force-exclude", False)
    return config


class Resolver:
    """Each file's configuration: ``--config`` for all when given, else the nearest to the file.

    Folders and files are looked up once per run.
    """

    def __init__(self, named: str | os.PathLike | None = None):
        self._named = load(named) if named is not None else None
        self._by_folder: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}

    def for_folder(self, folder: str | os.PathLike) -> Config:
        if self._named is not None:
            return self._named
        folder = Path(os.path.abspath(folder))
        if folder not in self._by_folder:
            found = discover(folder)
            if found is None:
                self._by_folder[folder] = Config()
            else:
                if found not in self._by_file:
                    self._by_file[found] = load(found)
                self._by_folder[folder] = self._by_file[found]
        return self._by_folder[folder]

    def for_file(self, path: str | os.PathLike) -> Config:
        return self.for_folder(Path(os.path.abspath(path)).parent)
