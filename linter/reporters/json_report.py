"""JSON: the whole result, for machines. Validated by ``schemas/report.schema.json``."""

from __future__ import annotations

import json

from .. import __version__


def result_dict(result) -> dict:
    item = {
        "id": result.rule.id,
        "title": result.rule.title,
        "category": result.rule.category,
        "severity": result.severity,
        "status": result.status,
        "weight": result.weight,
        "points": result.points,
        "message": result.message,
        "evidence": [e.as_dict() for e in result.evidence],
    }
    if result.status != "pass" and result.status != "skip":
        item["missing"] = result.missing
        item["guidance"] = result.rule.guidance
    if result.waived is not None:
        item["waived"] = result.waived
    return item


def document_dict(report) -> dict:
    return {
        "path": report.path,
        "format": report.document.format,
        "configuration": report.configuration,
        "score": report.score,
        "verdict": report.verdict,
        "reasons": report.reasons,
        "threshold": report.fail_under,
        "facts": report.facts,
        "notes": report.document.notes,
        "checks": [result_dict(r) for r in report.results],
    }


def payload(run) -> dict:
    return {
        "tool": {"name": "plancheck", "version": __version__},
        "ruleset": [{"id": p.id, "title": p.title} for p in run.packs],
        "documents": [document_dict(r) for r in run.reports],
        "errors": run.errors,
    }


def render(run) -> str:
    return json.dumps(payload(run), indent=2, ensure_ascii=False) + "\n"
