"""Every sentence plancheck says about a finding, in one place.

Checks find things and return typed findings: a status, a finding code such
as ``theme.thin-answer`` and the values the sentence needs. This module turns
a finding into plain English. Wording, plurals and capitals live here, so a
change of tone never touches detection, and detection never decides wording
(as ruff keeps a rule's message apart from its logic). Regime words (theme
names, "the letter") come from the rule pack through the finding's values.
"""

from __future__ import annotations

import string

# finding code -> template; {name} takes a value of the finding. A value that
# is a list is joined as "a, b and c"; a list of parts (see :func:`part`) is
# worded part by part and joined with "; ".
MESSAGES: dict[str, str] = {}


def register(templates: dict[str, str]) -> None:
    """Add a check type's templates (each check module registers its own codes at import)."""
    for code, template in templates.items():
        if code in MESSAGES and MESSAGES[code] != template:
            raise ValueError(f"finding code {code!r} registered twice with different wording")
        MESSAGES[code] = template


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 page', '2 pages', '3 sentences'; ``many`` for irregular plurals."""
    return f"{count:g} {word if count == 1 else (many or word + 's')}"


def join(items) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def part(code: str, **data) -> dict:
    """One clause of a finding with several (``problems=[part(...), part(...)]``), worded when rendered."""
    return {"finding": code, "data": data}


def listing(items, separator: str = ", ") -> dict:
    """Parts (or plain values) worded one by one and joined with ``separator`` instead of "; "."""
    return {"items": list(items), "separator": separator}


def _is_part(value) -> bool:
    return isinstance(value, dict) and set(value) == {"finding", "data"}


def _value(value):
    if isinstance(value, (list, tuple)):
        if value and all(_is_part(v) for v in value):
            return _value(listing(value, "; "))
        return join(value)
    if isinstance(value, dict) and set(value) == {"items", "separator"}:
        return value["separator"].join(str(_value(item)) for item in value["items"])
    if _is_part(value):
        return _phrase(value["finding"], value["data"])
    return value


class _Values(dict):
    def __missing__(self, key):
        raise KeyError(f"a finding's message needs the value {key!r}, which the check did not give")


def _phrase(code: str, data: dict | None) -> str:
    template = MESSAGES.get(code)
    if template is None:
        # Not a registered code: a check still writing its own sentence.
        return code
    values = _Values({k: _value(v) for k, v in (data or {}).items()})
    return string.Formatter().vformat(template, (), values)


def render(code: str, data: dict | None = None) -> str:
    """The plain-English sentence for a finding."""
    return capitalise(_phrase(code, data))
