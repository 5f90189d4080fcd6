"""What one rule asks, and what passes, is partial and fails for it: ``--explain ID`` and docs/rules/.

What each outcome means is worked out from the rule's check type and its own
parameters (its page bounds, its word counts, its statements), so that
``plancheck --explain length.pages`` says a length is never partial and
``--explain readability.reading-age`` gives its own threshold, and the
generated rule pages say the same.
"""

from __future__ import annotations

import textwrap

from .checks.theme import PASS_SHARE
from .errors import ConfigError

WIDTH = 80


def _bounds(params: dict) -> str:
    low, high = params.get("min"), params.get("max")
    if low is not None and high is not None:
        return f"{low} to {high} pages"
    return f"at least {low} pages" if low is not None else f"at most {high} pages"


def _content(rule, pack) -> tuple[str, str, str] | None:
    """Outcomes of the content check types (the productivity-plan pack's)."""
    params, passes = rule.params, rule.passes or "The requirement is met."
    if rule.check == "page-range":
        wanted = _bounds(params)
        return (f"{passes.rstrip('.')} ({wanted}).", "Never: the length is within bounds or it is not.",
                f"Outside {wanted}. The message says by how many pages and how they were counted (in the "
                "PDF, from Word's saved layout, laid out by LibreOffice, or estimated from the text).")
    if rule.check == "theme":
        needed = params.get("pass_specifics", 3)
        across = params.get("content_specifics", 4)
        share = round(100 * params.get("pass_share", PASS_SHARE))
        return (f"{passes} The sections whose own text answers the theme, whatever their headings, hold at "
                f"least {needed} specific sentences of the council's own (naming services, systems, "
                f"barriers, asks, figures or dates), and these are at least {share}% of their own sentences; or, with no such section and none headed for the theme, "
                f"at least {across} such sentences on the theme across the plan.",
                "Only a thin answer, or a passing mention.",
                "The theme is absent, or only the regime's own wording or drafting text is there.")
    if rule.check == "statements":
        labels = [s["label"] for s in params["find"]]
        weaker = [s["label"] for s in params.get("partial", [])]
        needed = " and ".join(labels) if params.get("pass_when") != "any" else " or ".join(labels)
        partial = []
        if len(labels) > 1 and params.get("pass_when") != "any":
            partial.append("only some of: " + "; ".join(labels))
        partial += weaker
        return (f"{passes} plancheck looks for: {needed}, each in one of the council's own sentences.",
                ("Found " + "; or ".join(partial) + ".") if partial else "Never.",
                "None of these is found.")
    if rule.check == "figure":
        return (f"{passes} The percentage is recorded as the fact `{params['fact']}`.",
                "The subject is discussed, but no percentage is given.",
                "The subject is not mentioned.")
    if rule.check == "question":
        extra = ""
        if "count_fact" in params:
            extra = f" A number stated is recorded as the fact `{params['count_fact']['name']}`."
        return (f"{passes} The answer is a passage of the council's own text (a sentence and the next) "
                f"that brings the question's concepts together, or text under the question pasted in as a "
                f"heading.{extra}",
                "The subject is touched on, but the question is not answered.",
                "Not addressed, or only the question itself pasted in.")
    return None


def _publication(rule) -> tuple[str, str, str] | None:
    """Outcomes of the publication check types."""
    params, passes = rule.params, rule.passes or "The requirement is met."
    never = "Never."
    if rule.check == "comments":
        return (f"{passes} No review comment is stored in the file.",
                "Only resolved comments remain: hidden from Word's margin, but still in the file for anyone "
                "who opens it.",
                "Unresolved comments are left in; the message names their authors and quotes the first.")
    if rule.check == "tracked-changes":
        return (f"{passes} No insertion, deletion or move is waiting to be accepted or rejected.", never,
                "Tracked changes are left in; each is quoted with its author.")
    if rule.check == "drafting-text":
        return (f"{passes} No placeholder (\"TBC\", \"[insert figure]\", \"XX%\"), template field, \"draft\" "
                "in a header or title, or question pasted in without an answer.", never,
                "Any of these is found; each is quoted with its page.")
    if rule.check == "contents":
        return (f"{passes} No contents list, or one whose every entry matches a heading (words compared, "
                "numbering and page numbers ignored).", never,
                "A contents entry has no section; each such entry is quoted.")
    if rule.check == "links":
        return (f"{passes} Every link has a target and text that says where it goes.", never,
                "A link goes nowhere or to a bookmark that does not exist, has no text or text such as "
                "\"click here\", or shows a bare web address; or a web address is typed into the text "
                "without a link.")
    if rule.check == "metadata":
        return (f"{passes} The title is set and is not a default or a file name; author, last-modified-by "
                "and company name no person and are not a tool's default.", never,
                "No title, a default title, or a property that names a person or a tool.")
    if rule.check == "heading-structure":
        return (f"{passes} Skipped for a plain-text file, which cannot mark headings, and for an untagged "
                "PDF, whose missing tags the tagged-PDF check reports (one cause, one fix).", never,
                "No real headings, lines formatted to look like headings without being marked as headings, "
                "or a skipped level (level 1 then level 3).")
    if rule.check == "alt-text":
        return (f"{passes} Every image that is not marked decorative has alternative text.",
                "Some alternative text says nothing about the image: a file name, a generic label (\"image "
                "1\") or text a tool generated.",
                "An image has no alternative text.")
    if rule.check == "table-structure":
        return (f"{passes} Skipped for a PDF or plain text, whose table structure is not read.", never,
                "A table has no header row or has merged cells, or is used for layout (one row, one column, "
                "a table inside a table, or cells of long prose).")
    if rule.check == "language":
        return (f"{passes} The document's language is set to a language tag such as en-GB.", never,
                "No language is set, or the value is not a language tag.")
    if rule.check == "tagged-pdf":
        return (f"{passes} Skipped for anything but a PDF.", never,
                "The PDF is not tagged (its catalog lacks /MarkInfo << /Marked true >> or a /StructTreeRoot: "
                "it was printed or exported without \"Document structure tags for accessibility\"), or it "
                "has no /Title in its document information or XMP metadata.")
    if rule.check == "sentence-length":
        limit = params.get("max_words", 25)
        return (f"{passes} No sentence of the running text (paragraphs and list items) is longer than "
                f"{limit} words.", never,
                f"A sentence is longer than {limit} words; the longest are quoted with their length.")
    if rule.check == "reading-age":
        ease = params.get("min_reading_ease", 50)
        basis = params.get("basis", "plancheck's default")
        words = params.get("min_section_words", 100)
        age = (f" and a reading age of {params['max_reading_age']:g} at most"
               if "max_reading_age" in params else "")
        return (f"The body text, and every section of {words} words or more, reaches a Flesch "
                f"reading ease of {ease:g} ({basis}){age}.",
                f"The body text does, but some sections of {words} words or more do not; they are listed "
                "with their scores and their hardest sentence.",
                f"The body text is below a reading ease of {ease:g}{age}; the hardest sections are listed.")
    return None


def outcomes(rule, pack) -> tuple[str, str, str]:
    """(pass, partial, fail) in words for this rule; the rule's own ``partial`` and ``fails`` win."""
    found = _content(rule, pack) or _publication(rule)
    passed, partial, failed = found or (rule.passes or "The requirement is met.", "Partly met.", "Not met.")
    return passed, rule.partial or partial, rule.fails or failed


def explain(packs, rule_id: str) -> str:
    """``--explain ID``: the rule, its source, why it matters, its own outcomes and how to fix it."""
    for pack in packs:
        rule = pack.rule(rule_id)
        if rule is None:
            continue
        passed, partial, failed = outcomes(rule, pack)
        weight = {"error": "a fail fails the verdict", "warning": "lowers the score",
                  "info": "a question to consider; lowers the score"}[rule.severity]
        lines = [f"{rule.id}: {rule.title}",
                 *textwrap.wrap(f"Pack: {pack.title} ({pack.id}); category: {pack.categories[rule.category]}; "
                                f"severity: {rule.severity} ({weight}); weight: {rule.weight:g}", WIDTH)]
        sections = [("Requirement", rule.reference), ("Why it matters", rule.why), ("Pass (full weight)", passed),
                    ("Partial (half the weight)", partial), ("Fail (no points)", failed),
                    ("What does not count", rule.notes), ("How to fix", rule.guidance)]
        for heading, text in sections:
            if text:
                lines += ["", heading, *textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent="  ",
                                                      subsequent_indent="  ", break_on_hyphens=False)]
        for status, text in rule.examples.items():
            lines += ["", f"Example that is {status}"] + [f"  {line}".rstrip() for line in text.splitlines()]
        lines += ["", f"Check type: {rule.check} (plancheck --explain-check {rule.check})"]
        return "\n".join(lines) + "\n"
    known = sorted(r.id for p in packs for r in p.rules)
    close = [k for k in known if rule_id.split(".")[-1] in k][:5]
    hint = f" Did you mean: {', '.join(close)}?" if close else " See plancheck --list-rules."
    raise ConfigError(f"--explain: no rule {rule_id!r}.{hint}")
