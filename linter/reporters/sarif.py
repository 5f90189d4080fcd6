"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One run. ``tool.driver.rules`` holds every check of the packs with its title,
the requirement and the guidance. There is one result per check that failed
or was only partly met, at the level :func:`~plancheck.reporters.level`
gives; a waived check's result carries an external suppression whose
justification is the reason.

GitHub rejects results without a location, so every result names the
document by a URI relative to the working directory and a ``startLine`` of 1
or more: the first evidence's line (its block number for .docx and .pdf,
which have no source lines). Page and section go in the message and the
logical location. Line-hash fingerprints mean nothing for a Word file, so
each result has its own ``partialFingerprints``: a hash of the file and the
check, stable while both keep their names. Each document's score, verdict,
threshold, reasons and facts are the properties of its artifact, and the
run's properties list every document's verdict with its reasons (SARIF has
no place of its own for a verdict); a file that could not be read is a tool
execution notification.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .. import __version__
from . import SEVERITY_LEVELS, describe, findings, level, relative_path, start_line
from .text import where

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/plancheck/"
ROOT = "%SRCROOT%"
FINGERPRINT = "plancheckCheck/v1"


def artifact_location(path: str) -> dict:
    relative = relative_path(path)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": relative, "uriBaseId": ROOT}


def rule_descriptor(rule) -> dict:
    help_text = rule.guidance.strip()
    if rule.passes:
        help_text += f"\n\nWhat passes: {rule.passes.strip()}"
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.replace("-", ".").split(".")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": " ".join(part.strip().rstrip(".") + "." for part in (rule.reference, rule.why)
                                             if part) or rule.title},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": SEVERITY_LEVELS[rule.severity]},
        "properties": {"category": rule.category, "severity": rule.severity, "weight": rule.weight,
                       "pack": rule.pack, "tags": [rule.pack, rule.category]},
    }


def location(report, result, artifact_index: int) -> dict:
    physical = {"artifactLocation": {**artifact_location(report.path), "index": artifact_index},
                "region": {"startLine": start_line(result)}}
    found = {"physicalLocation": physical}
    if result.evidence:
        evidence = result.evidence[0]
        name = evidence.section or (f"page {evidence.page}" if evidence.page is not None else "")
        if name:
            # SARIF lists no kind for a part of a prose document and allows one of
            # the producer's own when none of its list fits.
            found["logicalLocations"] = [{"name": name, "fullyQualifiedName": where(evidence),
                                          "kind": "section"}]
    return found


def result_dict(report, result, rule_index: int, artifact_index: int) -> dict:
    uri = artifact_location(report.path)["uri"]
    item = {
        "ruleId": result.rule.id,
        "ruleIndex": rule_index,
        "level": level(result),
        "message": {"text": f"{result.rule.title}: {describe(result)}"},
        "locations": [location(report, result, artifact_index)],
        "partialFingerprints": {FINGERPRINT: hashlib.sha256(f"{uri}\0{result.rule.id}".encode()).hexdigest()},
        "properties": {"status": result.status, "severity": result.severity},
    }
    if result.evidence:
        evidence = result.evidence[0]
        item["properties"].update(page=evidence.page, pageExact=evidence.page_exact, section=evidence.section)
    if result.waived is not None:
        item["suppressions"] = [{"kind": "external", "justification": result.waived}]
    return item


def verdict_properties(report) -> dict:
    return {"score": report.score, "verdict": report.verdict, "threshold": report.fail_under,
            "reasons": report.reasons}


def payload(run) -> dict:
    rules = [rule for pack in run.packs for rule in pack.rules]
    rule_index = {rule.id: index for index, rule in enumerate(rules)}
    artifacts, results = [], []
    for report in run.reports:
        artifacts.append({"location": artifact_location(report.path), "roles": ["analysisTarget"],
                          "properties": {**verdict_properties(report), "facts": report.facts,
                                         "configuration": report.configuration}})
        results += [result_dict(report, result, rule_index[result.rule.id], len(artifacts) - 1)
                    for result in findings(report)]
    notifications = [{"level": "error", "message": {"text": f"{error['path']}: {error['message']}"},
                      "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error["path"])}}]}
                     for error in run.errors]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "plancheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": [rule_descriptor(r) for r in rules]}},
            "invocations": [{"executionSuccessful": not run.errors,
                             "toolExecutionNotifications": notifications}],
            "originalUriBaseIds": {ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "artifacts": artifacts,
            "results": results,
            "properties": {"verdicts": [{"path": artifact_location(report.path)["uri"], **verdict_properties(report)}
                                        for report in run.reports]},
        }],
    }


def render(run) -> str:
    return json.dumps(payload(run), indent=2, ensure_ascii=False) + "\n"
