"""GitHub Actions workflow commands: an annotation for each check that did not pass.

``::error``, ``::warning`` or ``::notice``, at the level
:func:`~plancheck.reporters.level` gives, with the file, the line of the first
evidence and the check as its title; a waived check is a notice that gives
the reason. A file that could not be read is an error annotation. A score
below the threshold, which no check's annotation shows, is an error
annotation on the file. Each document ends with a plain line giving its
score, verdict and the reasons for a fail.

Chosen when ``GITHUB_ACTIONS`` is set and no ``--format`` is given; the
command line then also appends the Markdown report to
``GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from . import below_threshold, describe, findings, level, relative_path, start_line

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """Escape a message so that nothing in it can end the command or start another."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def annotation(report, result) -> str:
    title = f"{result.rule.id}: {result.rule.title}"
    name = COMMANDS[level(result)]
    if result.waived is not None:
        name, title = "notice", f"Waived {title}"
    return command(name, describe(result), file=relative_path(report.path) or report.path,
                   line=start_line(result), title=title)


def render(run) -> str:
    lines = []
    for report in run.reports:
        lines += [annotation(report, result) for result in findings(report)]
        if below_threshold(report):
            lines.append(command("error", report.reasons[-1], file=relative_path(report.path) or report.path,
                                 line=1, title="Score below the threshold"))
        verdict = f"{report.path}: score {report.score:g} / 100, verdict {report.verdict.upper()}"
        if report.reasons:
            verdict += ": " + "; ".join(report.reasons)
        lines.append(escape_data(verdict))
    lines += [command("error", error["message"], file=relative_path(error["path"]) or error["path"],
                      title="plancheck could not read this file") for error in run.errors]
    return "\n".join(lines) + "\n"
