"""Rule packs: the requirements of one regime, as data.

A pack is a YAML (or JSON) file validated against ``schemas/pack.schema.json``;
each rule's ``params`` are validated against its check type's own schema.
Built-in packs live in ``rules/`` and ship inside the package; ``--rules``
takes a built-in name or a path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .checks import CHECK_TYPES, module_for
from .errors import ConfigError
from .terms import TermSet, term_set

# Packs checked when neither --rules nor configuration names any.
DEFAULT_PACKS = ("productivity-plan-2024", "publication")


@dataclass
class Theme:
    name: str
    prompt_id: int
    headings: TermSet
    vocabulary: TermSet
    exclude: TermSet


@dataclass
class Rule:
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


@dataclass
class Pack:
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
    section_breaks: TermSet = field(default_factory=lambda: TermSet("section-breaks", ()))
    facts: list[str] = field(default_factory=list)

    def concept(self, spec) -> TermSet:
        """A concept by name, or an inline list of terms and ``$concept`` names."""
        key = json.dumps(spec, sort_keys=True)
        cache = self.__dict__.setdefault("_concept_cache", {})
        if key not in cache:
            cache[key] = term_set(spec, self.concepts)
        return cache[key]

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def builtin_dir() -> Path:
    return Path(str(resources.files("plancheck.rulepacks")))


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


@lru_cache(maxsize=1)
def pack_schema() -> dict:
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
    """Load a pack and validate it against the schemas, built-in or not."""
    return _load(str(resolve(name_or_path)), validate=True)


@lru_cache(maxsize=16)
def _load(path: str, validate: bool = True) -> Pack:
    import yaml

    where = path
    try:
        text = Path(path).read_text("utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = json.loads(text) if path.endswith(".json") else yaml.load(text, Loader=loader)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{where}: cannot be read ({error})") from None
    except (yaml.YAMLError, json.JSONDecodeError) as error:
        raise ConfigError(f"{where}: is not valid YAML/JSON ({str(error).splitlines()[0]})") from None
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
    pack.section_breaks = term_set(data.get("section_breaks", []), pack.concepts, "section-breaks")
    for name, theme in data.get("themes", {}).items():
        pack.prompts.append(theme["prompt"])
        pack.themes[name] = Theme(name, len(pack.prompts) - 1,
                                  pack.concept(theme.get("headings", [])),
                                  pack.concept(theme.get("vocabulary", [])),
                                  pack.concept(theme.get("exclude", [])))
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
        module = module_for(item["check"])
        params = item.get("params", {})
        if validate:
            _validate(params, module.PARAMS, where, at + ("params",))
        if item["check"] == "theme" and params["theme"] not in pack.themes:
            raise ConfigError(f"{where}: at {_json_path(at + ('params', 'theme'))}: "
                              f"unknown theme {params['theme']!r}")
        _check_concepts(pack, params, where, at + ("params",))
        if params.get("prompt"):
            pack.prompts.append(params["prompt"])
        severity = item["severity"]
        pack.rules.append(Rule(id=item["id"], title=item["title"], category=item["category"],
                               severity=severity, weight=item.get("weight", weights.get(severity, 1)),
                               check=item["check"], params=params, guidance=item["guidance"],
                               passes=item.get("passes", ""), reference=item.get("reference", ""),
                               why=item.get("why", ""), pack=pack.id))
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

