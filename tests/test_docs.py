"""The documentation cannot drift: every YAML and TOML example in the README and docs/ parses, and
means what it says to plancheck, and every generated page matches its generator."""

from __future__ import annotations

import re
import runpy
import tomllib

import pytest
import yaml
from conftest import ROOT

from plancheck import config as configuration
from plancheck.packs import DEFAULT_PACKS, load_pack

DOCS = sorted(ROOT.joinpath("docs").rglob("*.md")) + [ROOT / "README.md"]
FENCE = re.compile(r"^```(yaml|toml)\n(.*?)^```", re.S | re.M)


def examples(language: str) -> list:
    found = []
    for page in DOCS:
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match.group(1) == language:
                line = text.count("\n", 0, match.start()) + 1
                found.append(pytest.param(match.group(2), id=f"{page.relative_to(ROOT)}:{line}"))
    return found


def test_there_are_examples_to_check():
    assert len(examples("yaml")) >= 4 and len(examples("toml")) >= 5


@pytest.mark.parametrize("block", examples("yaml"))
def test_every_yaml_example_parses_and_a_pack_example_loads(block, tmp_path):
    data = yaml.safe_load(block)
    assert data
    if isinstance(data, dict) and "rules" in data and "id" in data:
        (tmp_path / "pack.yaml").write_text(block, encoding="utf-8")
        assert load_pack(str(tmp_path / "pack.yaml")).rules


@pytest.mark.parametrize("block", examples("toml"))
def test_every_toml_example_is_a_valid_configuration(block, tmp_path):
    data = tomllib.loads(block)
    name = "pyproject.toml" if "tool" in data else ".plancheck.toml"
    (tmp_path / name).write_text(block, encoding="utf-8")
    loaded = configuration.load(tmp_path / name)
    assert loaded.path == tmp_path / name
    # Check IDs are validated against the packs; pack files named in an example need not exist.
    packs = [load_pack(ref) for ref in (loaded.rules or DEFAULT_PACKS) if not ref.endswith(".yaml")]
    loaded.settings(packs)


@pytest.mark.parametrize("example", sorted(ROOT.joinpath("docs", "examples").glob("*.yml")),
                         ids=lambda path: path.name)
def test_the_ci_example_files_parse(example):
    assert yaml.safe_load(example.read_text(encoding="utf-8"))


@pytest.mark.parametrize("pack_id", ["productivity-plan-2024", "publication"])
def test_every_rule_page_is_generated_from_its_current_pack(pack_id):
    script = ROOT / "docs" / "rules" / "make_docs.py"
    make_docs = runpy.run_path(str(script))
    assert pack_id in make_docs["DEFAULT"]
    pack = load_pack(pack_id)
    page = (script.parent / f"{pack_id}.md").read_text(encoding="utf-8")
    assert page == make_docs["render"](pack), f"docs/rules/{pack_id}.md is stale: run docs/rules/make_docs.py"


def test_every_built_in_pack_has_a_generated_page():
    built_in = {path.stem for path in (ROOT / "rules").glob("*.yaml")}
    make_docs = runpy.run_path(str(ROOT / "docs" / "rules" / "make_docs.py"))
    assert set(make_docs["DEFAULT"]) == built_in
    assert all((ROOT / "docs" / "rules" / f"{name}.md").is_file() for name in built_in)
