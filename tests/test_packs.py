"""Built-in rule packs are loaded without schema validation at run time, so validate them here."""

import pytest

from plancheck.errors import ConfigError
from plancheck.packs import builtin_names, load_pack, validate_pack


@pytest.mark.parametrize("name", builtin_names())
def test_every_builtin_pack_is_valid_against_the_schemas(name):
    pack = validate_pack(name)
    assert pack.rules, f"{name} has no rules"
    for rule in pack.rules:
        assert rule.category in pack.categories
        assert rule.guidance.strip()


def test_a_user_pack_is_validated_when_loaded(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\ntitle: Broken\ncategories: [{id: a, title: A}]\n"
        "rules:\n  - {id: x.y, title: T, category: a, severity: fatal, check: page-range, guidance: G}\n")
    with pytest.raises(ConfigError) as raised:
        load_pack(str(broken))
    assert "$.rules[0].severity" in str(raised.value)
    assert str(broken) in str(raised.value)
