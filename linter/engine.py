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
from .messages import register, render
from .packs import Pack, Rule
from .terms import remembering

POINTS = {PASS: 1.0, PARTIAL: 0.5, FAIL: 0.0}
BASE_FACTS = ("pages", "pages_method", "words")

register({
    "verdict.required-failed": "{title} ({id}) failed",
    "verdict.below-threshold": "score {score} below the {threshold} required",
    "skip.off": "turned off {origin}.",
    "run.nothing-checked": "nothing was checked: {why}",
})
# How a check's own skip message starts; what follows is why, as "nothing was checked" gives it.
SKIP_PREFIXES = ("Not checked: ", "Not applicable: ")


@dataclass
class Settings:
    """What configuration changes about a run: selection, severities, waivers, threshold."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    waive: dict[str, str] = field(default_factory=dict)
    fail_under: float | None = None
    # Where select and ignore came from, as a skip names it: "on the command
    # line" or "by the configuration file .plancheck.toml".
    select_origin: str = "by configuration"
    ignore_origin: str = "by configuration"

    def runs(self, rule_id: str) -> bool:
        """Whether the selection leaves this check on."""
        return (not self.select or matches(rule_id, self.select)) and not matches(rule_id, self.ignore)


def matches(rule_id: str, patterns) -> bool:
    """A rule matches an ID exactly or a prefix ending in "." or "-" (``question.``)."""
    return any(rule_id == p or (p.endswith((".", "-")) and rule_id.startswith(p)) or
               rule_id.startswith(p + ".") for p in patterns)


@dataclass
class CheckResult:
    """One rule's verdict on one document, with its evidence."""

    rule: Rule
    status: str
    severity: str
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    waived: str | None = None
    # Skipped because the selection left it off, rather than by the check itself.
    turned_off: bool = False

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
    """Every rule's result for one document, its facts, score and verdict."""

    document: Document
    packs: list[Pack]
    results: list[CheckResult]
    facts: dict
    score: float
    verdict: str
    # Why the verdict is what it is, in plain English: each failed required
    # check, then the score when it is below the threshold. Empty for a pass.
    reasons: list[str] = field(default_factory=list)
    fail_under: float | None = None
    # The configuration file the document was checked with, as reports name it; None for the defaults.
    configuration: str | None = None

    @property
    def checked(self) -> bool:
        """Whether any check ran; a report of skips only has nothing to say."""
        return any(r.status != SKIP for r in self.results)

    def nothing_checked(self) -> str:
        """Why no check ran, as one line (lower case: it follows the file name)."""
        why = []
        for result in self.results:
            if result.status == SKIP and not result.turned_off:
                text = result.message.rstrip(".")
                for prefix in SKIP_PREFIXES:
                    text = text.removeprefix(prefix)
                why.append(text[:1].lower() + text[1:])
        text = render("run.nothing-checked", {"why": "; ".join(dict.fromkeys(why)) or "every check was turned off"})
        return text[:1].lower() + text[1:]

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
    with remembering():
        return _check_document(document, packs, settings)


def _check_document(document: Document, packs: list[Pack], settings: Settings | None) -> DocumentReport:
    settings = settings or Settings()
    facts = {"pages": document.pages, "pages_method": document.pages_method, "words": document.words}
    for pack in packs:
        for name in pack.facts:
            facts.setdefault(name, None)
    results = []
    for pack in packs:
        analysis = Analysis.of(document, pack=pack)
        for rule in pack.rules:
            severity = settings.severity.get(rule.id, rule.severity)
            if settings.select and not matches(rule.id, settings.select):
                results.append(CheckResult(rule, SKIP, severity, render("skip.off", {"origin": settings.select_origin}),
                                           turned_off=True))
                continue
            if matches(rule.id, settings.ignore):
                results.append(CheckResult(rule, SKIP, severity, render("skip.off", {"origin": settings.ignore_origin}),
                                           turned_off=True))
                continue
            outcome = run_rule(rule, analysis, pack)
            for name, value in outcome.facts.items():
                if value is not None or facts.get(name) is None:
                    facts[name] = value
            results.append(CheckResult(rule, outcome.status, severity, outcome.message, outcome.evidence,
                                       outcome.missing, settings.waive.get(rule.id)))
    score = score_of(results)
    reasons = verdict_reasons(results, score, settings.fail_under)
    return DocumentReport(document, packs, results, facts, score, "fail" if reasons else "pass", reasons,
                          settings.fail_under)


def verdict_reasons(results: list[CheckResult], score: float, fail_under: float | None) -> list[str]:
    """Why a document fails: each failed required check, then a score below the threshold."""
    reasons = [render("verdict.required-failed", {"title": r.rule.title, "id": r.rule.id})
               for r in results if r.blocks_verdict]
    if fail_under is not None and score < fail_under:
        reasons.append(render("verdict.below-threshold", {"score": f"{score:g}", "threshold": f"{fail_under:g}"}))
    return reasons
