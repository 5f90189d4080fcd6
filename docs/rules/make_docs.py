"""Write docs/rules/<pack>.md from a rule pack: one section per rule.

    .venv/bin/python docs/rules/make_docs.py                  # every built-in pack
    .venv/bin/python docs/rules/make_docs.py PACK [PACK...]   # a built-in name or a .yaml path
    .venv/bin/python docs/rules/make_docs.py --check          # exit 1 if a page is out of date

Titles, severities, weights, "what passes", "why" and "how to fix" come from
the pack itself, so the page cannot drift from what plancheck prints. What
pass, partial and fail mean comes from ``plancheck.explain``, worked out from
each rule's check type and parameters, as ``plancheck --explain ID`` gives
it. ``NOTES`` adds, for a few productivity-plan rules, the judgement notes
of the specification (what does *not* count). A pack's hand-written
preface, ``<pack id>.preface.md`` beside this script, goes after the pack's
description; the check types' own documentation (``--explain-check``) ends
the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from plancheck.checks import module_for
from plancheck.explain import outcomes
from plancheck.packs import load_pack

HERE = Path(__file__).resolve().parent
DEFAULT = ("productivity-plan-2024", "publication")

# What a careful reviewer does not accept, from the specification's judgement notes.
NOTES = {
    "theme.transformation": "The letter's theme statement pasted in as a heading, or its questions "
                            "pasted in as prompts, is never an answer, in any voice (\"How you have "
                            "transformed...\" or \"How we have transformed...\"). Drafting filler such as "
                            "\"TBC\" is not counted.",
    "theme.technology-data": "As for theme 1: only the council's own words count.",
    "theme.wasteful-spend": "\"Waste\" as refuse collection (bins, recycling, waste services) is not this "
                            "theme; a \"Waste and recycling\" section does not answer it.",
    "theme.barriers": "As for theme 1: only the council's own words count.",
    "metrics.kpis": "The letter's own sentence about metrics and key performance indicators, pasted in, "
                    "does not count. A change (\"reduced by 12%\") is still a figure here.",
    "governance.member-endorsement": "Not endorsement: approval by officers (Chief Executive, leadership "
                                     "team), auditors, consultants or a peer review; performance "
                                     "\"reported to Cabinet\"; members approving another document (the "
                                     "budget, a strategy); the letter's own instruction to seek endorsement. "
                                     "The body and date are recorded as the fact `endorsement`.",
    "governance.publication": "\"Website\" alone is not publication of the plan: a link, the council's "
                              "website in general, or other data published there do not count.",
    "governance.progress-reporting": "Partial when only the council's general performance management is "
                                     "described.",
    "content.partners": "Partial for \"partners\" or \"other agencies\" without naming the services.",
    "question.edi": "\"None\", \"negligible\" or \"statutory minimum only\" are answers. A number of EDI "
                    "champions is recorded as the fact `edi_champions`.",
    "question.agency-spend": "The percentage must be tied to agency staff in the text or in the agency "
                             "row of a table; \"agency\" as a government body (the Environment Agency) is "
                             "not agency staff; a change (\"down by 12%\") is not a share; where several "
                             "years are given the most recent is recorded as `agency_spend_percent`; "
                             "\"per cent\" spelled out counts.",
    "question.consultant-spend": "A consultancy named as the author of a study is not consultancy spend. "
                                 "The most recent year is recorded as `consultant_spend_percent`.",
    "question.facility-time": "\"Negligible\" without a figure is partial. \"Paybill\", \"pay bill\" and "
                              "\"wage bill\" all count; a credit union is not a trade union. Recorded as "
                              "`facility_time_percent`.",
}

SEVERITY_WORDS = {"error": "error (a submission blocker: a fail fails the verdict)",
                  "warning": "warning (the regime asks for it; reviewers will notice)",
                  "info": "info (a question to consider)"}


def anchor(rule_id: str) -> str:
    return rule_id.replace(".", "")


def what_it_checks(rule, pack) -> str:
    params = rule.params
    parts = []
    if rule.check == "theme":
        parts.append(f"The regime's theme: \u201c{pack.prompts[pack.themes[params['theme']].prompt_id].strip()}\u201d")
    elif params.get("prompt"):
        parts.append(f"The question: \u201c{params['prompt'].strip()}\u201d")
    if rule.reference:
        parts.append(f"Source: {rule.reference}.")
    if rule.why:
        parts.append(rule.why)
    return " ".join(parts)


def render(pack) -> str:
    out = [f"# {pack.title}: the rules", "",
           f"<!-- Generated by docs/rules/make_docs.py from {Path(pack.path).name}; edit the pack, then "
           "run the script. -->", ""]
    if pack.description:
        out += [pack.description, ""]
    if pack.source:
        out += [f"Source: {pack.source}.", ""]
    preface = HERE / f"{pack.id}.preface.md"
    if preface.is_file():
        out += [preface.read_text(encoding="utf-8").strip(), ""]
    weights = sorted({(r.severity, r.weight) for r in pack.rules},
                     key=lambda item: ("error", "warning", "info").index(item[0]))
    out += ["Each check ends `pass` (its full weight), `partial` (half), `fail` (nothing) or `skip` "
            "(turned off; it leaves the total). The score is points earned over points available, times "
            "100. The verdict fails when any error-severity check fails, or the score is below "
            "`--fail-under`.", "",
            "| severity | weight |", "|---|---|"]
    out += [f"| {severity} | {weight:g} |" for severity, weight in weights]
    out += ["", f"`plancheck --rules {pack.id} --explain ID` prints one rule; `--list-rules` lists them.", ""]
    if pack.facts:
        out += ["Facts reported in the JSON output (null when not found): " +
                ", ".join(f"`{name}`" for name in pack.facts) + ".", ""]
    out += ["## Contents", ""]
    for category, title in pack.categories.items():
        rules = [r for r in pack.rules if r.category == category]
        if rules:
            out.append(f"- {title}: " + ", ".join(f"[`{r.id}`](#{anchor(r.id)})" for r in rules))
    for category, title in pack.categories.items():
        rules = [r for r in pack.rules if r.category == category]
        if not rules:
            continue
        out += ["", f"## {title}"]
        for rule in rules:
            passed, partial, failed = outcomes(rule, pack)
            out += ["", f"### `{rule.id}`", "",
                    f"**{rule.title}**. Severity: {SEVERITY_WORDS[rule.severity]}; weight {rule.weight:g}; "
                    f"check type `{rule.check}`.", "",
                    f"**What it checks.** {what_it_checks(rule, pack)}", "",
                    f"**Pass.** {passed}", "",
                    f"**Partial.** {partial}", "",
                    f"**Fail.** {failed}", ""]
            if rule.id in NOTES and pack.id == "productivity-plan-2024":
                out += [f"**Judgement notes.** {NOTES[rule.id]}", ""]
            out += [f"**How to fix.** {' '.join(rule.guidance.split())}"]
    out += ["", "## Check types", "",
            "What each check type does, as `plancheck --explain-check TYPE` prints it."]
    for check_type in dict.fromkeys(rule.check for rule in pack.rules):
        out += ["", f"### `{check_type}`", "", "```text",
                (module_for(check_type).__doc__ or "").strip(), "```"]
    return "\n".join(out).rstrip() + "\n"


def target(pack) -> Path:
    return HERE / f"{pack.id}.md"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    names = [a for a in argv if a != "--check"] or list(DEFAULT)
    stale = []
    for name in names:
        pack = load_pack(name)
        text = render(pack)
        path = target(pack)
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print("out of date (run docs/rules/make_docs.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
