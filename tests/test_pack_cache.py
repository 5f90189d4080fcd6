"""The pack cache: used when it fits, rebuilt when stale or damaged, never needed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plancheck import __version__, cache, packs
from plancheck.packs import builtin_dir, load_pack

PACK = """id: cached
title: {title}
categories: [{{id: a, title: A}}]
concepts:
  money: ["budget*", "spend*"]
rules:
  - id: a.money
    title: Money
    category: a
    severity: warning
    check: statements
    params: {{find: [{{label: money, any: [[$money]]}}]}}
    guidance: Say how much.
"""


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test its own cache directory, and packs loaded afresh rather than from memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    packs._load.cache_clear()
    yield
    packs._load.cache_clear()


def write_pack(folder, title="Cached pack"):
    path = folder / "cached.yaml"
    path.write_text(PACK.format(title=title), encoding="utf-8")
    return path


def entries(tmp_path):
    folder = tmp_path / "cache" / "plancheck" / "packs"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def load_afresh(path):
    packs._load.cache_clear()
    return load_pack(str(path))


def test_a_loaded_pack_is_cached_and_the_entry_is_used(tmp_path):
    path = write_pack(tmp_path)
    assert load_afresh(path).title == "Cached pack"
    [entry_path] = entries(tmp_path)
    entry = json.loads(entry_path.read_text("utf-8"))
    assert entry["plancheck"] == __version__ and entry["validated"] is True
    assert entry["data"]["title"] == "Cached pack"
    sources = {program[0] for program in entry["programs"]}
    assert any("budget" in source for source in sources)
    # Change the entry, not the file: what loads shows which was read.
    entry["data"]["title"] = "Read from the cache"
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    assert load_afresh(path).title == "Read from the cache"


def test_a_changed_pack_file_is_read_again(tmp_path):
    path = write_pack(tmp_path)
    load_afresh(path)
    path.write_text(PACK.format(title="Second draft"), encoding="utf-8")
    assert load_afresh(path).title == "Second draft"
    assert len(entries(tmp_path)) == 2


@pytest.mark.parametrize("damage", [
    lambda entry: b"{\"format\": 1, \"data\": {\"id\"",           # cut short
    lambda entry: b"\x00\xff not json at all",
    lambda entry: json.dumps([entry]).encode(),                  # JSON, but not an entry
    lambda entry: json.dumps({**entry, "plancheck": "0.0.1"}).encode(),   # another version's
    lambda entry: json.dumps({**entry, "sha256": "0" * 64}).encode(),     # another file's
    lambda entry: json.dumps({**entry, "data": "title: x"}).encode(),
    lambda entry: json.dumps({**entry, "terms_code": "0" * 64}).encode(),  # made by other term code
])
def test_a_damaged_or_foreign_entry_is_rebuilt_not_trusted(tmp_path, damage):
    path = write_pack(tmp_path)
    load_afresh(path)
    [entry_path] = entries(tmp_path)
    good = json.loads(entry_path.read_text("utf-8"))
    poisoned = {**good, "data": {**good["data"], "title": "Poisoned"}}
    entry_path.write_bytes(damage(poisoned))
    assert load_afresh(path).title == "Cached pack"
    assert json.loads(entry_path.read_text("utf-8")) == good


@pytest.mark.parametrize("damage", [
    lambda code: code[: len(code) // 2],                  # cut short
    lambda code: b"0" * 32 + code[32:],                   # another entry's code
    lambda code: b"",
])
def test_an_entry_without_its_own_programs_code_is_rebuilt(tmp_path, damage):
    path = write_pack(tmp_path)
    load_afresh(path)
    [entry_path] = entries(tmp_path)
    code_path = entry_path.with_suffix(".bin")
    good, code = json.loads(entry_path.read_text("utf-8")), code_path.read_bytes()
    entry_path.write_text(json.dumps({**good, "data": {**good["data"], "title": "Poisoned"}}), encoding="utf-8")
    code_path.write_bytes(damage(code))
    assert load_afresh(path).title == "Cached pack"
    assert json.loads(entry_path.read_text("utf-8")) == good and code_path.read_bytes() == code
    code_path.unlink()
    assert load_afresh(path).title == "Cached pack" and code_path.read_bytes() == code


def test_validating_a_pack_never_relies_on_the_cache(tmp_path):
    path = write_pack(tmp_path)
    load_afresh(path)
    [entry_path] = entries(tmp_path)
    entry = json.loads(entry_path.read_text("utf-8"))
    entry["data"]["rules"][0]["severity"] = "fatal"
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    packs._load.cache_clear()
    assert packs.validate_pack(str(path)).rules[0].severity == "warning"


def test_an_unwritable_or_missing_cache_directory_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache directory would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    path = write_pack(tmp_path)
    assert load_afresh(path).title == "Cached pack"
    assert load_afresh(path).title == "Cached pack"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "made" / "on" / "demand"))
    assert load_afresh(path).title == "Cached pack"
    assert list((tmp_path / "made" / "on" / "demand" / "plancheck" / "packs").glob("*.json"))


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.user_cache_dir() == cache.Path(os.path.expanduser("~")) / ".cache" / "plancheck"


def test_an_entry_is_replaced_whole_never_rewritten_in_place(tmp_path, monkeypatch):
    target = tmp_path / "cache" / "entry.json"
    assert cache.write_entry(target, {"version": 1})
    with open(target, encoding="utf-8") as reader:  # a run reading the old entry meanwhile
        assert cache.write_entry(target, {"version": 2, "padding": "x" * 100_000})
        assert json.loads(reader.read()) == {"version": 1}
    assert cache.read_entry(target)["version"] == 2

    def interrupted(source, destination):
        raise OSError("interrupted")

    monkeypatch.setattr(cache.os, "replace", interrupted)
    assert not cache.write_entry(target, {"version": 3})
    assert cache.read_entry(target)["version"] == 2
    assert sorted(p.name for p in target.parent.iterdir()) == ["entry.json"]


def test_what_json_would_change_is_not_cached(tmp_path):
    target = tmp_path / "entry.json"
    assert not cache.write_entry(target, {"weights": {1: "one"}})
    assert not target.exists()


def test_patterns_built_from_cached_programs_match_as_compiled_ones(corpus_dir):
    builtin = builtin_dir() / "productivity-plan-2024.yaml"
    packs._load(str(builtin), validate=False)
    [entry_path] = [p for p in entries_in_cache() if json.loads(p.read_text("utf-8"))["data"]["id"]
                    == "productivity-plan-2024"]
    entry = json.loads(entry_path.read_text("utf-8"))
    programs = entry["programs"]
    assert len(programs) > 50
    text = "\n".join(p.read_text("utf-8") for p in sorted(corpus_dir.glob("*.txt")))
    cache._programs.clear()
    cache.add_programs(programs, cache.PYTHON, cache.read_code(entry_path.with_suffix(".bin"), entry["code"]))
    assert len(cache._programs) == len(programs)
    for source, flags, *_ in programs:
        built, fresh = cache.compiled(source, flags), re.compile(source, flags)
        assert built is not fresh and built.flags == fresh.flags
        assert [m.span() for m in built.finditer(text)] == [m.span() for m in fresh.finditer(text)]


def entries_in_cache():
    return sorted((cache.user_cache_dir() / "packs").glob("*.json"))


def test_a_damaged_program_falls_back_to_the_source():
    source = r"(?<!\w)(?:council\s+tax)(?!\w)"
    program = cache.program(source, re.IGNORECASE)
    damaged = cache.array(cache.CODE_TYPE, [17, 3, 99, 1]).tobytes()  # not a program _sre accepts
    program[3] = cache.b2a_base64(damaged, newline=False).decode("ascii")
    cache.add_programs([program], cache.PYTHON)
    assert cache.compiled(source, re.IGNORECASE).search("Council  Tax bills").group() == "Council  Tax"
    cache.add_programs([[*program[:3], [], *program[4:]]], "another Python")
    assert cache.compiled(source, re.IGNORECASE).search("council tax").group() == "council tax"



def json_report(plan: Path, cache: Path) -> str:
    """plancheck's JSON report on ``plan``, with its caches in ``cache``."""
    done = subprocess.run([sys.executable, "-m", "plancheck", str(plan), "--format", "json"],
                          capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert done.returncode in (0, 1), done.stderr
    return done.stdout

def test_the_command_gives_the_same_report_with_a_cold_warm_or_damaged_cache(tmp_path, corpus_dir):
    plan = corpus_dir / "plan-leicester-city-2024.txt"

    def run():
        return json_report(plan, tmp_path / "cache")

    cold = run()
    assert len(entries(tmp_path)) == 2
    warm = run()
    for entry in entries(tmp_path):
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    damaged = run()
    assert cold == warm == damaged
    assert all(json.loads(entry.read_text("utf-8")) for entry in entries(tmp_path))


def test_old_entries_are_removed_as_new_ones_are_written(tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "MAX_CACHED_PACKS", 3)
    path = write_pack(tmp_path)
    for draft in range(5):
        path.write_text(PACK.format(title=f"Draft {draft}"), encoding="utf-8")
        os.utime(path)
        assert load_afresh(path).title == f"Draft {draft}"
        # Entries written within one clock tick must still be told apart.
        for entry in entries(tmp_path):
            os.utime(entry, ns=(entry.stat().st_mtime_ns - 10**9,) * 2)
    kept = {json.loads(entry.read_text("utf-8"))["data"]["title"] for entry in entries(tmp_path)}
    assert kept == {"Draft 2", "Draft 3", "Draft 4"}
    # Each with its programs' code, and no code without its entry.
    assert sorted(p.with_suffix(".json") for p in entries(tmp_path)[0].parent.glob("*.bin")) == entries(tmp_path)


def test_a_folder_run_compiles_the_patterns_and_imports_the_readers_before_forking(tmp_path):
    """What the parent prepares, each file's child inherits instead of doing again."""
    import sys

    from plancheck.runner import Task, _prepare_children

    pack = load_afresh(write_pack(tmp_path))
    money = pack.concepts["money"]
    assert "_pattern" not in money.__dict__
    sys.modules.pop("plancheck.readers.html", None)
    _prepare_children([Task(str(tmp_path / name), [pack], None, None) for name in ("a.html", "b.htm")])
    assert "_pattern" in money.__dict__ and money.matches("the budget")
    assert "plancheck.readers.html" in sys.modules


def pattern_entries(tmp_path):
    folder = tmp_path / "cache" / "plancheck" / "patterns"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_every_pattern_a_run_compiled_is_warmed_at_the_next_start_and_matches_as_compiled(tmp_path, corpus_dir):
    plan = corpus_dir / "plan-leicester-city-2024.txt"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    reports = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "plancheck", str(plan), "--format", "json"],
                              capture_output=True, text=True, env=env)
        assert done.returncode in (0, 1), done.stderr
        reports.append(done.stdout)
    [entry] = pattern_entries(tmp_path)
    written = entry.stat().st_mtime_ns
    assert reports[0] == reports[1]
    # Nothing new compiled the second time, so nothing written again.
    assert len(json.loads(entry.read_text("utf-8"))["patterns"]) > 50
    check = ("import json, re, sys\nfrom re import _compiler\nfrom plancheck import cache\n"
             "cache.warm_patterns()\ntext = open(sys.argv[1], encoding='utf-8').read()\n"
             "assert len(cache._warm) > 50\n"
             "assert len(cache._pending) > 50\n"
             "for (kind, source, flags) in cache._warm:\n"
             "    # Built from its program when re first asks for it (and then kept by re).\n"
             "    warm, fresh = re.compile(source, flags), _compiler.compile(source, flags)\n"
             "    assert (kind, source, flags) not in cache._pending and warm is re.compile(source, flags)\n"
             "    sample = text if kind is str else text.encode('utf-8')\n"
             "    assert warm is not fresh and warm.flags == fresh.flags and warm.groupindex == fresh.groupindex\n"
             "    assert [m.span() for m in warm.finditer(sample)] == [m.span() for m in fresh.finditer(sample)]\n")
    done = subprocess.run([sys.executable, "-c", check, str(plan)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert entry.stat().st_mtime_ns == written


def test_a_damaged_pattern_cache_is_ignored_and_written_again(tmp_path, corpus_dir):
    plan = corpus_dir / "plan-leicester-city-2024.txt"

    def run():
        return json_report(plan, tmp_path / "cache")

    cold = run()
    [entry] = pattern_entries(tmp_path)
    patterns = json.loads(entry.read_text("utf-8"))["patterns"]
    # A program _sre refuses, and an item of the wrong shape.
    patterns[0][4] = cache.b2a_base64(cache.array(cache.CODE_TYPE, [17, 3, 99, 1]).tobytes(),
                                      newline=False).decode("ascii")
    patterns[1] = patterns[1][:3]
    entry.write_text(json.dumps({"python": cache.PYTHON, "patterns": patterns}), encoding="utf-8")
    assert run() == cold
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    assert run() == cold
    assert len(json.loads(entry.read_text("utf-8"))["patterns"]) > 50
