"""The engine: run a document through one or more rule packs and score it.

Score = points earned / points available × 100, where a pass earns the rule's
weight, a partial half of it and a fail nothing; skipped rules leave the
total. The verdict fails when any error-severity rule fails (unless waived)
or the score is below ``fail_under``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .analysis import Analysis, Evidence
from .checks import FAIL, PARTIAL, PASS, SKIP, Outcome, module_for
from .document import Document
from .packs import Pack, Rule

POINTS = {PASS: 1.0, PARTIAL: 0.5, FAIL: 0.0}
BASE_FACTS = ("pages", "pages_method", "words")


@dataclass
class Settings:
    """What configuration changes about a run: selection, severities, waivers, threshold."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    waive: dict[str, str] = field(default_factory=dict)
    fail_under: float | None = None


def matches(rule_id: str, patterns) -> bool:
    """A rule matches an ID exactly or a prefix ending in "." or "-" (``question.``)."""
    return any(rule_id == p or (p.endswith((".", "-")) and rule_id.startswith(p)) or
               rule_id.startswith(p + ".") for p in patterns)


@dataclass
class CheckResult:
    rule: Rule
    status: str
    severity: str
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    waived: str | None = None

    @property
    def weight(self) -> float:
        return 0.0 if self.status == SKIP else self.rule.weight

    @property
    def points(self) -> float:
        return self.rule.weight * POINTS.get(self.status, 0.0)

    @property
    def blocks_verdict(self) -> bool:
        return self.status == FAIL and self.severity == "error" and self.waived is None


@dataclass
class DocumentReport:
    document: Document
    packs: list[Pack]
    results: list[CheckResult]
    facts: dict
    score: float
    verdict: str

    @property
    def path(self) -> str:
        return self.document.path

    def by_category(self):
        """(pack, category id, category title, results) in pack order."""
        for pack in self.packs:
            for category, title in pack.categories.items():
                rows = [r for r in self.results if r.rule.pack == pack.id and r.rule.category == category]
                if rows:
                    yield pack, category, title, rows


def score_of(results: list[CheckResult]) -> float:
    total = sum(r.weight for r in results)
    earned = sum(r.points for r in results)
    return round(100.0 * earned / total, 1) if total else 100.0


def run_rule(rule: Rule, analysis: Analysis, pack: Pack) -> Outcome:
    return module_for(rule.check).check(analysis, rule.params, pack)


def check_document(document: Document, packs: list[Pack], settings: Settings | None = None) -> DocumentReport:
    settings = settings or Settings()
    facts = {"pages": document.pages, "pages_method": document.pages_method, "words": document.words}
    for pack in packs:
        for name in pack.facts:
            facts.setdefault(name, None)
    results = []
    for pack in packs:
        analysis = Analysis.of(document, pack.prompts, pack.placeholders)
        for rule in pack.rules:
            severity = settings.severity.get(rule.id, rule.severity)
            selected = not settings.select or matches(rule.id, settings.select)
            if not selected or matches(rule.id, settings.ignore):
                results.append(CheckResult(rule, SKIP, severity, "Turned off by configuration."))
                continue
            outcome = run_rule(rule, analysis, pack)
            for name, value in outcome.facts.items():
                if value is not None or facts.get(name) is None:
                    facts[name] = value
            results.append(CheckResult(rule, outcome.status, severity, outcome.message, outcome.evidence,
                                       outcome.missing, settings.waive.get(rule.id)))
    score = score_of(results)
    failed = any(r.blocks_verdict for r in results)
    below = settings.fail_under is not None and score < settings.fail_under
    return DocumentReport(document, packs, results, facts, score, "fail" if failed or below else "pass")
