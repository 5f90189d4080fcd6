"""The labelled corpus under tests/corpus/ is well formed.

These tests read only the corpus and its labels; they never run plancheck. They
guard what the agreement test relies on: every document has labels, every label
uses the IDs, statuses and fact names of the requirements contract, full plans
are labelled on every rule a reviewer reads first, and every class of judgement
has enough cases in both the development and the held-out half.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from corpus.labels import CORPUS, DOCUMENT_SUFFIXES, FOLDERS, documents, labels_path, load

pytestmark = pytest.mark.corpus

CLASSES = {"sections", "substance", "negation", "furniture", "figures", "placeholders"}
STATUSES = {"pass", "partial", "fail"}
FACTS = {"agency_spend_percent", "consultant_spend_percent", "facility_time_percent",
         "edi_champions", "endorsement"}
PERCENT_FACTS = {"agency_spend_percent", "consultant_spend_percent", "facility_time_percent"}

# The check IDs of the requirements contract (../shared/requirements.md), less
# length.pages, which depends on layout rather than on a reviewer's reading.
HARD_RULES = [
    "theme.transformation", "theme.technology-data", "theme.wasteful-spend", "theme.barriers",
    "metrics.kpis", "governance.member-endorsement", "governance.publication",
    "governance.progress-reporting", "content.past-and-future", "content.partners",
]
WARNING_QUESTIONS = ["question.edi", "question.agency-spend", "question.consultant-spend",
                     "question.facility-time"]
INFO_QUESTIONS = [
    "question.agency-consultant-value", "question.organisational-change",
    "question.measuring-productivity", "question.service-improvements",
    "question.transformation-plans", "question.savings-potential", "question.capital-spending",
    "question.prevention", "question.local-reforms", "question.data-quality",
    "question.legacy-systems", "question.data-sharing", "question.new-technology",
    "question.waste-approach", "question.invest-to-save", "question.spend-governance",
    "question.shared-services", "question.shared-training", "question.devolution",
    "question.barriers-productivity", "question.barriers-services",
    "question.barriers-consistency", "question.government-asks",
]
RULES = set(HARD_RULES + WARNING_QUESTIONS + INFO_QUESTIONS)
FULL_PLAN_RULES = HARD_RULES + WARNING_QUESTIONS

FULL_PLAN_WORDS = (1200, 2400)
EXTRACT_WORDS = (150, 600)
MIN_DOCUMENTS = {"dev": 30, "holdout": 14}
MIN_CASES_PER_CLASS = 4


def word_count(document: Path) -> int:
    return len(re.findall(r"\S+", document.read_text(encoding="utf-8")))


ALL_DOCUMENTS = [doc for folder in FOLDERS for doc in documents(folder)]


def test_both_halves_are_big_enough():
    for folder, minimum in MIN_DOCUMENTS.items():
        assert len(documents(folder)) >= minimum, f"{folder} has fewer than {minimum} documents"


def test_every_labels_file_has_its_document():
    for folder in FOLDERS:
        for labels in (CORPUS / folder).glob("*.labels.yaml"):
            stem = labels.name[: -len(".labels.yaml")]
            assert any((CORPUS / folder / f"{stem}{s}").exists() for s in DOCUMENT_SUFFIXES), \
                f"{labels} has no document beside it"


def test_document_names_are_unique_across_halves():
    stems = Counter(doc.stem for doc in ALL_DOCUMENTS)
    assert [s for s, n in stems.items() if n > 1] == []


@pytest.mark.parametrize("document", ALL_DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_labels_follow_the_contract(document: Path):
    assert labels_path(document).exists(), f"{document.name} has no labels file"
    labels = yaml.safe_load(labels_path(document).read_text(encoding="utf-8"))
    assert set(labels) <= {"classes", "statuses", "facts", "why"}

    classes = labels["classes"]
    assert classes and set(classes) <= CLASSES, f"unknown class in {classes}"

    statuses = labels["statuses"]
    assert statuses, "a document must be labelled on at least one rule"
    assert set(statuses) <= RULES, f"unknown rule IDs: {set(statuses) - RULES}"
    assert set(statuses.values()) <= STATUSES

    why = labels.get("why") or {}
    missing_reasons = [rule for rule in statuses if not str(why.get(rule, "")).strip()]
    assert missing_reasons == [], "every status needs the reviewer's reasoning"
    assert set(why) <= RULES | FACTS, f"reasons for unknown labels: {set(why) - RULES - FACTS}"

    facts = labels.get("facts") or {}
    assert set(facts) <= FACTS, f"unknown facts: {set(facts) - FACTS}"
    for name in PERCENT_FACTS & set(facts):
        value = facts[name]
        assert value is None or (isinstance(value, (int, float)) and 0 <= value < 100), name
    if facts.get("edi_champions") is not None:
        assert isinstance(facts["edi_champions"], int) and facts["edi_champions"] >= 0
    endorsement = facts.get("endorsement")
    if endorsement is not None:
        assert set(endorsement) == {"body", "date"} and endorsement["body"]


@pytest.mark.parametrize("document", ALL_DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_length_and_coverage_match_the_kind_of_document(document: Path):
    words = word_count(document)
    statuses = load(document).statuses
    if words >= FULL_PLAN_WORDS[0]:
        assert words <= FULL_PLAN_WORDS[1], f"{words} words is longer than a full plan"
        unlabelled = [rule for rule in FULL_PLAN_RULES if rule not in statuses]
        assert unlabelled == [], f"a full plan must be labelled on {unlabelled}"
    else:
        assert EXTRACT_WORDS[0] <= words <= EXTRACT_WORDS[1], \
            f"{words} words is neither an extract nor a full plan"


def test_figure_questions_and_their_facts_agree():
    """A figure question passes with a figure (or an explicit nil) and is partial without one."""
    pairs = {"question.agency-spend": "agency_spend_percent",
             "question.consultant-spend": "consultant_spend_percent",
             "question.facility-time": "facility_time_percent"}
    for document in ALL_DOCUMENTS:
        labelled = load(document)
        facts = labelled.facts
        for rule, fact in pairs.items():
            status = labelled.statuses.get(rule)
            if status is None or fact not in facts:
                continue
            has_figure = facts[fact] is not None
            assert (status == "pass") == has_figure, f"{document.name}: {rule} {status} with {fact}={facts[fact]}"


def test_endorsement_fact_matches_its_status():
    for document in ALL_DOCUMENTS:
        labelled = load(document)
        facts = labelled.facts
        status = labelled.statuses.get("governance.member-endorsement")
        if status is None or "endorsement" not in facts:
            continue
        assert (status == "pass") == (facts["endorsement"] is not None), document.name


def test_every_class_has_cases_in_both_halves():
    per_folder = {folder: Counter() for folder in FOLDERS}
    for folder in FOLDERS:
        for document in documents(folder):
            per_folder[folder].update(load(document).classes)
    for cls in sorted(CLASSES):
        total = sum(per_folder[folder][cls] for folder in FOLDERS)
        assert total >= MIN_CASES_PER_CLASS, f"{cls} has only {total} cases"
        for folder in FOLDERS:
            assert per_folder[folder][cls] >= 1, f"{cls} has no case in {folder}"
