"""Rule packs: the requirements of one regime, as data.

A pack is a YAML (or JSON) file validated against ``schemas/pack.schema.json``;
each rule's ``params`` are validated against its check type's own schema.
Built-in packs live in ``rules/`` and ship inside the package; ``--rules``
takes a built-in name or a path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__
from .cache import (PYTHON, add_programs, program, prune, read_code, read_entry, sha256_hex, split_programs,
                    user_cache_dir, write_code, write_entry)
from .checks import CHECK_TYPES, module_for
from .errors import ConfigError
from .terms import FLAGS as TERM_FLAGS
from .terms import TermSet, add_sources, anchors, code_digest, pattern_source, term_set, word_starts

# Packs checked when neither --rules nor configuration names any.
DEFAULT_PACKS = ("productivity-plan-2024", "publication")


@dataclass
class Theme:
    """One of a regime's themes: the words that name it in a heading and the vocabulary of its text."""

    name: str
    prompt_id: int
    headings: TermSet
    vocabulary: TermSet
    exclude: TermSet
    # Heading words the theme shares with what it excludes ("waste" names wasteful spend and refuse).
    shared_words: TermSet | None = None


@dataclass
class Rule:
    """One requirement of a pack: its check type, parameters and plain-English wording."""

    id: str
    title: str
    category: str
    severity: str
    weight: float
    check: str
    params: dict
    guidance: str
    passes: str = ""
    reference: str = ""
    why: str = ""
    pack: str = ""
    partial: str = ""
    fails: str = ""
    notes: str = ""
    examples: dict = field(default_factory=dict)
    # The fix in one line, for the short view; the guidance's first sentence when not given.
    fix: str = ""

    @property
    def one_line_fix(self) -> str:
        if self.fix:
            return " ".join(self.fix.split())
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", " ".join(self.guidance.split()), maxsplit=1)[0]
        return first


@dataclass
class Pack:
    """A rule pack: a regime's requirements, the concepts its rules share and the letter's prompts."""

    id: str
    title: str
    path: str
    source: str = ""
    description: str = ""
    categories: dict[str, str] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    concepts: dict[str, TermSet] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    prompts: list[str] = field(default_factory=list)
    placeholders: TermSet = field(default_factory=lambda: TermSet("placeholders", ()))
    facts: list[str] = field(default_factory=list)
    # Labels of a document-control table ("Approved by", "Status"): its rows speak of the document itself.
    document_control: TermSet | None = None
    # A concept that a sentence about the document itself satisfies without naming it ("this plan").
    document_reference: TermSet | None = None
    # Words too general to make a sentence specific ("services", "residents", "improve").
    generic_words: frozenset = frozenset()
    # Named services, systems and tools: a sentence naming one says something specific.
    specific_terms: TermSet | None = None

    def concept(self, spec) -> TermSet:
        """A concept by name, or an inline list of terms and ``$concept`` names."""
        key = _frozen(spec)
        cache = self.__dict__.setdefault("_concept_cache", {})
        if key not in cache:
            cache[key] = term_set(spec, self.concepts)
        return cache[key]

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _frozen(spec):
    """A key equal for equal specs and different for different ones, as their JSON with sorted keys
    would be, but quicker to make: checks ask for their concepts on every run."""
    if isinstance(spec, str):
        return spec
    if isinstance(spec, list):
        return ("list", *map(_frozen, spec))
    if isinstance(spec, dict) and all(isinstance(name, str) for name in spec):
        return ("dict", *sorted((name, _frozen(value)) for name, value in spec.items()))
    return ("json", json.dumps(spec, sort_keys=True))


def builtin_dir() -> Path:
    from . import rulepacks  # the package of rules/; its folder is cheaper to find than importlib.resources

    return Path(rulepacks.__file__).parent


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


@lru_cache(maxsize=1)
def pack_schema() -> dict:
    from importlib import resources

    schema = json.loads(resources.files("plancheck.schemas").joinpath("pack.schema.json").read_text("utf-8"))
    schema["properties"]["rules"]["items"]["properties"]["check"]["enum"] = sorted(CHECK_TYPES)
    return schema


def _json_path(parts) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _validate(instance, schema, where: str, prefix=()) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: (list(e.absolute_path), e.message))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        raise ConfigError(f"{where}: at {_json_path(list(prefix) + list(error.absolute_path))}: {error.message}")


def resolve(name_or_path: str) -> Path:
    """The file of a pack named on the command line or in configuration."""
    candidate = Path(name_or_path)
    if candidate.suffix.lower() in (".yaml", ".yml", ".json") or candidate.exists():
        if not candidate.is_file():
            raise ConfigError(f"{name_or_path}: rule pack not found")
        return candidate
    builtin = builtin_dir() / f"{name_or_path}.yaml"
    if builtin.is_file():
        return builtin
    raise ConfigError(f"{name_or_path}: no such rule pack; built-in packs are "
                      f"{', '.join(builtin_names())}, or give the path of a .yaml file")


def load_pack(name_or_path: str) -> Pack:
    path = resolve(name_or_path)
    # Built-in packs are validated by the test suite before every release;
    # skipping jsonschema for them keeps start-up fast. Users' packs are
    # always validated.
    trusted = path.resolve().parent == builtin_dir().resolve()
    return _load(str(path), validate=not trusted)


def validate_pack(name_or_path: str) -> Pack:
    """Load a pack and validate it against the schemas, built-in or not, whatever the cache says."""
    return _load(str(resolve(name_or_path)), validate=True, cached=False)


# Bump when what a cache entry holds changes shape.
CACHE_FORMAT = 3
# Every edit of a pack, and every new version of plancheck, makes a new entry; the oldest go.
MAX_CACHED_PACKS = 32


@lru_cache(maxsize=16)
def _load(path: str, validate: bool = True, cached: bool = True) -> Pack:
    """Load a pack, from the cache when it holds this very file for this version of plancheck.

    Parsing YAML and compiling the term patterns are most of plancheck's
    start-up, so both are cached (see :mod:`plancheck.cache`). The entry is
    keyed on the file's content and plancheck's version and checked again
    when read; anything amiss and the pack is read from its file again.
    """
    where = path
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{where}: cannot be read ({error})") from None
    digest = sha256_hex(raw)
    entry_path = _cache_path(digest, validate)
    entry = read_entry(entry_path)
    code_path = entry_path.with_suffix(".bin")
    code = read_code(code_path, entry.get("code")) if cached and _entry_fits(entry, digest, validate) else None
    if code is not None:
        add_programs(entry["programs"], entry["python"], code)
        add_sources(entry.get("sources"), entry.get("terms_code"))
        # Validated when the entry was made; the checks below that need no schema still run.
        return _build(entry["data"], path, validate=False, known_good=True)
    data = _parse(text, path)
    pack = _build(data, path, validate)
    programs, code = split_programs(_programs(pack))
    # The patterns made from these programs need not be remembered with the others (see
    # plancheck.cache.remember_patterns): the entry holds them.
    add_programs(programs, PYTHON, code)
    # The programs' code first: an entry is used only with the code written for it.
    token = write_code(code_path, code)
    if token is not None and write_entry(entry_path, {
            "format": CACHE_FORMAT, "plancheck": __version__, "sha256": digest, "validated": validate,
            "python": PYTHON, "data": data, "programs": programs, "code": token, "sources": _sources(pack),
            "terms_code": code_digest()}):
        prune(entry_path.parent, keep=MAX_CACHED_PACKS)
    return pack


def _cache_path(digest: str, validate: bool) -> Path:
    key = sha256_hex(f"{CACHE_FORMAT}\0{__version__}\0{digest}\0{validate}".encode())
    return user_cache_dir() / "packs" / f"{key}.json"


def _entry_fits(entry: dict | None, digest: str, validate: bool) -> bool:
    """Whether a cache entry was made from this file, by this version, at least as strictly checked."""
    return (entry is not None and entry.get("format") == CACHE_FORMAT
            and entry.get("plancheck") == __version__ and entry.get("sha256") == digest
            and (entry.get("validated") is True or not validate)
            and isinstance(entry.get("data"), dict) and isinstance(entry.get("programs"), list)
            and isinstance(entry.get("python"), str)
            # Made by other code for term patterns (an edited checkout of the same version): its
            # pattern sources would be refused on every run, so the entry is made again.
            and entry.get("terms_code") == code_digest())


def _parse(text: str, where: str) -> dict:
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = json.loads(text) if where.endswith(".json") else yaml.load(text, Loader=loader)
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        raise ConfigError(f"{where}: is not valid YAML/JSON ({str(error).splitlines()[0]})") from None
    return data


def _programs(pack: Pack) -> list:
    """Compiled programs of the patterns the pack's checks are likely to use."""
    sources = set()
    for concept in _term_sets(pack):
        for terms in (concept.terms, concept.unless):
            source = pattern_source(terms)
            if source is not None:
                sources.add(source)
    return [p for p in (program(source, TERM_FLAGS) for source in sorted(sources)) if p is not None]


def _sources(pack: Pack) -> list:
    """(terms, pattern source, anchors, word starts) for the term lists the pack's checks are likely to use."""
    made = {}
    for concept in _term_sets(pack):
        for terms in (concept.terms, concept.unless):
            if terms and terms not in made:
                found, starts = anchors(terms), word_starts(terms)
                # Anchors and word starts are parts of words or signs, so never hold a line break.
                made[terms] = [list(terms), pattern_source(terms), None if found is None else "\n".join(found),
                               None if starts is None else "\n".join(starts)]
    return list(made.values())


def compile_patterns(pack: Pack) -> None:
    """Compile, now, the term patterns the pack's checks are likely to use (they compile on first use)."""
    for concept in _term_sets(pack):
        concept.compile()


def _term_sets(pack: Pack):
    """The pack's concepts, and whatever in its rules' params reads as one (a guess; a miss costs only time)."""
    yield from pack.concepts.values()
    yield pack.placeholders
    for extra in (pack.document_control, pack.specific_terms):
        if extra is not None:
            yield extra
    for theme in pack.themes.values():
        yield from (theme.headings, theme.vocabulary, theme.exclude)
        if theme.shared_words is not None:
            yield theme.shared_words

    def in_params(value):
        if isinstance(value, str):
            if value.startswith("$"):
                yield pack.concept(value)
        elif isinstance(value, list):
            if value and all(isinstance(item, str) for item in value):
                yield pack.concept(value)
            else:
                for item in value:
                    yield from in_params(item)
        elif isinstance(value, dict):
            if "terms" in value:
                yield pack.concept(value)
            for item in value.values():
                yield from in_params(item)

    for rule in pack.rules:
        try:
            yield from in_params(rule.params)
        except (KeyError, TypeError, AttributeError):
            continue


def _build(data, path: str, validate: bool, known_good: bool = False) -> Pack:
    """A Pack from a pack file's data; ``known_good`` data passed every check before (it came from the cache)."""
    where = path
    if validate:
        _validate(data, pack_schema(), where)
    pack = Pack(id=data["id"], title=data["title"], path=path, source=data.get("source", ""),
                description=data.get("description", ""),
                categories={c["id"]: c["title"] for c in data.get("categories", [])},
                prompts=list(data.get("prompts", [])), facts=list(data.get("facts", [])))
    try:
        for name, spec in data.get("concepts", {}).items():
            pack.concepts[name] = term_set(spec, pack.concepts, name)
    except KeyError as missing:
        raise ConfigError(f"{where}: at $.concepts.{name}: unknown concept ${missing.args[0]} "
                          "(concepts can only use those defined above them)") from None
    pack.placeholders = term_set(data.get("placeholders", []), pack.concepts, "placeholders")
    if "document_control" in data:
        pack.document_control = term_set(data["document_control"], pack.concepts, "document-control")
    if "document_reference" in data:
        pack.document_reference = pack.concept(data["document_reference"])
    pack.generic_words = frozenset(w.lower() for w in data.get("generic_words", []))
    if "specific_terms" in data:
        pack.specific_terms = term_set(data["specific_terms"], pack.concepts, "specific-terms")
    for name, theme in data.get("themes", {}).items():
        pack.prompts.append(theme["prompt"])
        pack.themes[name] = Theme(name, len(pack.prompts) - 1,
                                  pack.concept(theme.get("headings", [])),
                                  pack.concept(theme.get("vocabulary", [])),
                                  pack.concept(theme.get("exclude", [])),
                                  pack.concept(theme["shared_words"]) if "shared_words" in theme else None)
    weights = data.get("weights", {})
    seen = set()
    for position, item in enumerate(data["rules"]):
        at = ("rules", position)
        if item["id"] in seen:
            raise ConfigError(f"{where}: at {_json_path(at + ('id',))}: duplicate rule id {item['id']}")
        seen.add(item["id"])
        if item["category"] not in pack.categories:
            raise ConfigError(f"{where}: at {_json_path(at + ('category',))}: unknown category "
                              f"{item['category']!r}")
        # Imported here, once, rather than by each child process a folder's files are checked in.
        module = module_for(item["check"])
        params = item.get("params", {})
        if validate:
            _validate(params, module.PARAMS, where, at + ("params",))
        if item["check"] == "theme" and params["theme"] not in pack.themes:
            raise ConfigError(f"{where}: at {_json_path(at + ('params', 'theme'))}: "
                              f"unknown theme {params['theme']!r}")
        if not known_good:
            _check_concepts(pack, params, where, at + ("params",))
        if params.get("prompt"):
            pack.prompts.append(params["prompt"])
        severity = item["severity"]
        pack.rules.append(Rule(id=item["id"], title=item["title"], category=item["category"],
                               severity=severity, weight=item.get("weight", weights.get(severity, 1)),
                               check=item["check"], params=params, guidance=item["guidance"],
                               passes=item.get("passes", ""), reference=item.get("reference", ""),
                               partial=item.get("partial", ""), fails=item.get("fails", ""),
                               notes=item.get("notes", ""), examples=dict(item.get("examples", {})),
                               why=item.get("why", ""), pack=pack.id, fix=item.get("fix", "")))
    return pack


def _check_concepts(pack: Pack, value, where: str, at: tuple) -> None:
    """Every ``$name`` used in params must be a concept the pack defines."""
    if isinstance(value, dict):
        for key, child in value.items():
            _check_concepts(pack, child, where, at + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _check_concepts(pack, child, where, at + (index,))
    elif isinstance(value, str) and value.startswith("$") and value[1:] not in pack.concepts:
        raise ConfigError(f"{where}: at {_json_path(at)}: unknown concept {value}")

