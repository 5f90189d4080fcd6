"""JUnit XML, for CI test reports (GitLab's ``artifacts:reports:junit``, Jenkins, Azure Pipelines).

One ``testsuite`` per document, one ``testcase`` per check and a last
``verdict`` case. The failures follow the verdict: a failed required
(error-severity) check has a ``failure``, and the ``verdict`` case fails with
the reasons when the document fails, also when only its score is below the
threshold. A warning or a note is not a failure (GitLab and Jenkins would
show a passing plan as broken): its case passes and says what is missing in
``system-out``, as a partial check does. A skipped check is ``skipped`` with
why; a waived check is ``skipped`` with the reason. A file that could not be
read is a suite with one ``error``. Each suite's properties carry the score,
the verdict, the threshold, the reasons and the facts.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from . import describe, status_word

# Characters XML 1.0 cannot hold, which a damaged document can still contain.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    return NOT_XML.sub("", "" if value is None else str(value))


def _element(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: _text(value) for key, value in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _count(suite: ET.Element, tag: str) -> int:
    return len(suite.findall(f"testcase/{tag}"))


def testcase(suite: ET.Element, report, result) -> None:
    case = _element(suite, "testcase", name=f"{result.rule.id}: {result.rule.title}", classname=report.path,
                    file=report.path)
    status = status_word(result)
    if status == "waived":
        _element(case, "skipped", message=f"Waived: {result.waived}")
    elif status == "skip":
        _element(case, "skipped", message=result.message)
    elif result.blocks_verdict:
        _element(case, "failure", f"{describe(result)}\nTo fix: {result.rule.guidance.strip()}",
                 message=result.message, type=result.severity)
    elif status == "fail":
        _element(case, "system-out", f"Not met ({result.severity}, does not fail the plan): {describe(result)}\n"
                                     f"To fix: {result.rule.guidance.strip()}")
    elif status == "partial":
        _element(case, "system-out", f"Partly met: {describe(result)}")


def verdict_case(suite: ET.Element, report) -> None:
    case = _element(suite, "testcase", name="verdict", classname=report.path, file=report.path)
    if report.reasons:
        _element(case, "failure", "\n".join(report.reasons), message="; ".join(report.reasons), type="verdict")


def render(run) -> str:
    root = ET.Element("testsuites", name="plancheck")
    for report in run.reports:
        suite = _element(root, "testsuite", name=report.path)
        properties = _element(suite, "properties")
        for name, value in [("score", report.score), ("verdict", report.verdict),
                            ("threshold", report.fail_under), ("reasons", "; ".join(report.reasons)),
                            *report.facts.items()]:
            _element(properties, "property", name=name, value=value)
        for result in report.results:
            testcase(suite, report, result)
        verdict_case(suite, report)
    for error in run.errors:
        suite = _element(root, "testsuite", name=error["path"])
        case = _element(suite, "testcase", name="read", classname=error["path"], file=error["path"])
        _element(case, "error", error["message"], message=error["message"], type="ReadError")
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root:
        counts = {"tests": len(suite.findall("testcase")), "failures": _count(suite, "failure"),
                  "errors": _count(suite, "error"), "skipped": _count(suite, "skipped")}
        suite.attrib.update({key: str(value) for key, value in counts.items()})
        for key, value in counts.items():
            totals[key] += value
    root.attrib.update({key: str(value) for key, value in totals.items()})
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
