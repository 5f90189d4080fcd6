"""The examples in examples/ get the verdicts examples/README.md promises.

anyshire-productivity-plan-2024.docx and .pdf are a compliant four-page plan
for a fictional council; weak-draft-productivity-plan.md is the letter's
headings with thin answers and "TBC", and must fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from plancheck.engine import check_document
from plancheck.packs import DEFAULT_PACKS, load_pack
from plancheck.readers import ReadOptions, read_document

DOCX = "anyshire-productivity-plan-2024.docx"
PDF = "anyshire-productivity-plan-2024.pdf"
WEAK = "weak-draft-productivity-plan.md"

HAS_LIBREOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))


@pytest.fixture(scope="module")
def reports(examples_dir, pack):
    found = {}
    for name in (DOCX, PDF, WEAK):
        document = read_document(examples_dir / name, ReadOptions(pages="estimate"))
        found[name] = check_document(document, [pack])
    return found


def results(report):
    return {r.rule.id: r for r in report.results}


def test_the_examples_are_committed(examples_dir):
    for name in (DOCX, PDF, WEAK, "README.md", "make_examples.py"):
        assert (examples_dir / name).is_file(), name


# ---------------------------------------------------------------- the compliant plan

@pytest.mark.parametrize("name", [DOCX, PDF])
def test_the_compliant_plan_passes_every_error_check(reports, name):
    report = reports[name]
    errors = {rule_id: r.status for rule_id, r in results(report).items() if r.severity == "error"}
    assert set(errors.values()) == {"pass"}, errors
    assert report.verdict == "pass"


@pytest.mark.parametrize("name", [DOCX, PDF])
def test_the_compliant_plan_passes_every_warning_and_scores_high(reports, name):
    report = reports[name]
    warnings = {rule_id: r.status for rule_id, r in results(report).items() if r.severity == "warning"}
    assert set(warnings.values()) == {"pass"}, warnings
    assert report.score >= 95


@pytest.mark.parametrize("name", [DOCX, PDF])
def test_the_compliant_plan_answers_most_questions(reports, name):
    questions = [r for rule_id, r in results(reports[name]).items() if rule_id.startswith("question.")]
    assert len(questions) == 27
    assert sum(r.status == "pass" for r in questions) >= 24


@pytest.mark.parametrize("name", [DOCX, PDF])
def test_the_compliant_plan_facts(reports, name):
    facts = reports[name].facts
    assert facts["consultant_spend_percent"] == 1.1
    assert facts["facility_time_percent"] == 0.09
    assert facts["edi_champions"] == 9
    assert facts["endorsement"] == {"body": "Cabinet", "date": "9 July 2024"}
    assert 1700 <= facts["words"] <= 1900


def test_the_compliant_pdf_agency_share_is_the_latest_actual(reports):
    assert reports[PDF].facts["agency_spend_percent"] == 3.8


def test_the_compliant_docx_agency_share_is_the_latest_actual(reports):
    assert reports[DOCX].facts["agency_spend_percent"] == 3.8


def test_the_compliant_docx_is_four_pages_by_estimate(reports):
    assert reports[DOCX].facts["pages"] == 4
    assert reports[DOCX].facts["pages_method"] == "estimate"


@pytest.mark.skipif(not HAS_LIBREOFFICE, reason="needs LibreOffice to lay the document out")
def test_the_compliant_docx_is_four_pages_as_laid_out_by_libreoffice(examples_dir, pack):
    document = read_document(examples_dir / DOCX, ReadOptions(pages="layout"))
    assert (document.pages, document.pages_method) == (4, "layout")
    report = check_document(document, [pack])
    assert results(report)["length.pages"].status == "pass"
    # each theme's evidence is on a real page now
    assert all(e.page_exact for e in results(report)["theme.barriers"].evidence)


def test_the_compliant_pdf_is_four_pages(reports):
    assert (reports[PDF].facts["pages"], reports[PDF].facts["pages_method"]) == (4, "pdf")


def test_the_compliant_docx_is_built_as_the_readme_says(examples_dir):
    import docx

    document = docx.Document(str(examples_dir / DOCX))
    properties = document.core_properties
    assert properties.title == "Anyshire District Council: Productivity Plan 2024"
    assert properties.language == "en-GB"
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[1:5] == ["1. Transforming how we design and deliver services",
                             "2. Using technology and data to make better decisions",
                             "3. Reducing wasteful spend", "4. Barriers the Government could help remove"]
    with zipfile.ZipFile(examples_dir / DOCX) as package:
        assert "word/comments.xml" not in package.namelist()
    text = "\n".join(p.text for p in document.paragraphs)
    assert "This plan was endorsed by Cabinet on 9 July 2024" in text
    assert "Anyshire" in text and "fictional" in (properties.subject or "")


def test_each_theme_is_found_under_its_own_heading(reports):
    found = results(reports[DOCX])
    for rule, heading in [("theme.transformation", "1. Transforming"), ("theme.technology-data", "2. Using"),
                          ("theme.wasteful-spend", "3. Reducing"), ("theme.barriers", "4. Barriers")]:
        assert any(e.section.startswith(heading) for e in found[rule].evidence), rule


# ---------------------------------------------------------------- the weak draft

def test_the_weak_draft_fails(reports):
    report = reports[WEAK]
    assert report.verdict == "fail"
    assert report.score < 30
    found = results(report)
    for rule in ("length.pages", "metrics.kpis", "governance.member-endorsement"):
        assert found[rule].status == "fail", rule
    # the letter's theme statements copied in with a line or "TBC" under them: never a pass
    for rule in ("theme.transformation", "theme.technology-data", "theme.wasteful-spend", "theme.barriers"):
        assert found[rule].status in ("partial", "fail"), rule
    # the letter's instruction and "reported to Cabinet" are not endorsement or publication
    assert found["governance.publication"].status == "fail"
    assert report.facts["endorsement"] is None
    # "XX%" and "TBC" under the pasted figure questions are not figures
    assert report.facts["agency_spend_percent"] is None
    assert report.facts["facility_time_percent"] is None
    assert found["question.facility-time"].status == "fail"


# ---------------------------------------------------------------- through the command line, default packs

def run(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    done = subprocess.run([sys.executable, "-m", "plancheck", *map(str, args), "--format", "json"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return done.returncode, json.loads(done.stdout)


def test_the_readme_commands_give_the_promised_verdicts(examples_dir, tmp_path):
    code, report = run(examples_dir / DOCX, "--pages", "estimate", cwd=tmp_path)
    assert code == 0
    assert [r["id"] for r in report["ruleset"]] == list(DEFAULT_PACKS)
    assert report["documents"][0]["verdict"] == "pass"
    code, report = run(examples_dir / WEAK, cwd=tmp_path)
    assert code == 1 and report["documents"][0]["verdict"] == "fail"


def test_the_compliant_pdf_passes_the_default_packs(examples_dir, tmp_path):
    code, report = run(examples_dir / PDF, cwd=tmp_path)
    assert report["documents"][0]["verdict"] == "pass"
    assert code == 0


def test_the_compliant_docx_passes_every_error_check_of_every_default_pack(examples_dir):
    packs = [load_pack(name) for name in DEFAULT_PACKS]
    report = check_document(read_document(examples_dir / DOCX, ReadOptions(pages="estimate")), packs)
    failed = [r.rule.id for r in report.results if r.severity == "error" and r.status not in ("pass", "skip")]
    assert failed == []
    assert report.verdict == "pass"
