"""The JSON report (``--format json``) against linter/schemas/report.schema.json,
on real output: the corpus plans, the examples, a file that cannot be read,
skipped and waived checks, and a second pack with facts of its own."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from plancheck.engine import Settings, check_document
from plancheck.readers import ReadOptions, read_document
from plancheck.reporters import Run, render


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("plancheck.schemas").joinpath("report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid(validator, report):
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def run_json(*args, cwd, rules=("productivity-plan-2024",)):
    """Run the CLI for a JSON report; ``rules=()`` uses the default packs."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    packs = [arg for name in rules for arg in ("--rules", name)]
    done = subprocess.run([sys.executable, "-m", "plancheck", *map(str, args), *packs, "--format", "json"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return done.returncode, json.loads(done.stdout)


def test_corpus_reports_are_valid(validator, corpus_dir, tmp_path):
    paths = sorted(corpus_dir.glob("*.txt"))
    code, report = run_json(*paths, cwd=tmp_path)
    assert code == 1
    assert len(report["documents"]) == len(paths) == 3
    assert_valid(validator, report)


def test_reports_with_the_default_packs_are_valid(validator, corpus_dir, examples_dir, tmp_path):
    paths = sorted(corpus_dir.glob("*.txt")) + [examples_dir / "anyshire-productivity-plan-2024.docx",
                                                examples_dir / "weak-draft-productivity-plan.md"]
    _, report = run_json(*paths, "--pages", "estimate", cwd=tmp_path, rules=())
    assert len(report["ruleset"]) > 1
    assert_valid(validator, report)


def test_example_reports_are_valid(validator, examples_dir, tmp_path):
    paths = [examples_dir / "anyshire-productivity-plan-2024.docx", examples_dir / "anyshire-productivity-plan-2024.pdf",
             examples_dir / "weak-draft-productivity-plan.md"]
    code, report = run_json(*paths, "--pages", "estimate", cwd=tmp_path)
    assert code == 1  # the weak draft fails
    assert [d["format"] for d in report["documents"]] == ["docx", "pdf", "markdown"]
    assert_valid(validator, report)


def test_a_report_with_read_errors_is_valid(validator, examples_dir, tmp_path):
    fake = tmp_path / "plan.docx"
    fake.write_text("not a Word document", encoding="utf-8")
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    code, report = run_json(tmp_path / "missing.pdf", fake, empty, examples_dir / "weak-draft-productivity-plan.md",
                            cwd=tmp_path)
    assert code == 2
    assert len(report["errors"]) == 3 and len(report["documents"]) == 1
    assert_valid(validator, report)


def test_a_report_with_only_errors_is_valid(validator, tmp_path):
    code, report = run_json(tmp_path / "missing.md", cwd=tmp_path)
    assert code == 2 and report["documents"] == []
    assert_valid(validator, report)


def test_skipped_and_waived_checks_are_valid(validator, check_md, pack):
    settings = Settings(select=("theme.", "question.agency-spend"), waive={"theme.barriers": "sent separately"})
    report = check_md("## Barriers\n\nTBC\n\n## Next steps\n\nAgency staff cost 4.1% of the staff budget in 2023/24.\n",
                      settings=settings)
    payload = json.loads(render("json", Run(reports=[report], packs=[pack])))
    checks = {c["id"]: c for c in payload["documents"][0]["checks"]}
    assert checks["length.pages"]["status"] == "skip" and checks["length.pages"]["weight"] == 0
    assert checks["theme.barriers"]["waived"] == "sent separately"
    assert checks["theme.barriers"]["status"] == "fail" and checks["theme.barriers"]["guidance"]
    assert payload["documents"][0]["facts"]["agency_spend_percent"] == 4.1
    assert_valid(validator, payload)


def test_a_second_packs_own_facts_are_allowed(validator, tmp_path, pack):
    from plancheck.packs import load_pack

    pack_file = tmp_path / "tiny.yaml"
    pack_file.write_text(
        "id: tiny\ntitle: Tiny\ncategories: [{id: figures, title: Figures}]\nfacts: [book_fund_percent]\n"
        "concepts: {book-fund: [\"book fund\"]}\n"
        "rules:\n  - {id: figures.book-fund, title: Book fund, category: figures, severity: warning, "
        "check: figure, params: {subject: \"$book-fund\", fact: book_fund_percent}, guidance: Give it.}\n",
        encoding="utf-8")
    plan = tmp_path / "plan.md"
    plan.write_text("The book fund was 11% of the budget.\n", encoding="utf-8")
    tiny = load_pack(str(pack_file))
    report = check_document(read_document(plan, ReadOptions(pages="estimate")), [pack, tiny])
    payload = json.loads(render("json", Run(reports=[report], packs=[pack, tiny])))
    assert payload["documents"][0]["facts"]["book_fund_percent"] == 11.0
    assert [r["id"] for r in payload["ruleset"]] == ["productivity-plan-2024", "tiny"]
    assert_valid(validator, payload)


# ---------------------------------------------------------------- the schema rejects what it should

@pytest.fixture(scope="module")
def good(examples_dir, pack):
    """A valid report with passes, partials and fails (the weak draft) and facts found (the compliant plan)."""
    documents = [read_document(examples_dir / name, ReadOptions(pages="estimate"))
                 for name in ("weak-draft-productivity-plan.md", "anyshire-productivity-plan-2024.docx")]
    reports = [check_document(document, [pack]) for document in documents]
    return json.loads(render("json", Run(reports=reports, packs=[pack])))


def broken(good, change):
    report = copy.deepcopy(good)
    change(report)
    return report


def first_check_with_evidence(report):
    return next(c for c in report["documents"][0]["checks"] if c["evidence"])


@pytest.mark.parametrize("change", [
    lambda r: first_check_with_evidence(r)["evidence"][0].update(quote="x" * 201),
    lambda r: r["documents"][0]["checks"][0].update(status="passed"),
    lambda r: r["documents"][0]["checks"][0].update(severity="fatal"),
    lambda r: r["documents"][0]["checks"][0].pop("points"),
    lambda r: r["documents"][0]["facts"].pop("pages_method"),
    lambda r: r["documents"][0]["facts"].update(pages_method="guess"),
    lambda r: r["documents"][1]["facts"].update(endorsement={"body": "Cabinet"}),
    lambda r: r["documents"][1]["facts"].update(facility_time_percent="0.09%"),
    lambda r: r["documents"][0].update(verdict="maybe"),
    lambda r: r["documents"][0].update(score=101),
    lambda r: r.pop("errors"),
    lambda r: r["errors"].append({"path": "x.docx"}),
    lambda r: r["tool"].update(name="other"),
    lambda r: first_check_with_evidence(r)["evidence"][0].pop("page"),
], ids=["long-quote", "status", "severity", "no-points", "no-pages-method", "pages-method", "endorsement-date",
        "percent-as-text", "verdict", "score", "no-errors", "error-message", "tool", "evidence-page"])
def test_the_schema_rejects_a_broken_report(validator, good, change):
    assert_valid(validator, good)
    assert not validator.is_valid(broken(good, change))


def test_a_failed_check_must_say_what_is_missing(validator, good):
    def drop(report):
        failed = next(c for c in report["documents"][0]["checks"] if c["status"] in ("fail", "partial"))
        failed.pop("guidance")
    assert not validator.is_valid(broken(good, drop))
