"""Command line: ``plancheck FILE...``, plus ``--list-rules`` and ``--explain ID``.

Exit codes: 0 every document passed; 1 at least one failed; 2 a file could not
be read, or an option, configuration or rule pack was invalid.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .engine import Settings
from .errors import ConfigError
from .packs import DEFAULT_PACKS
from .readers import ReadOptions

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def use_colour(choice: str | None, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def load_packs(names) -> list:
    from .packs import load_pack

    return [load_pack(name) for name in names]


def list_rules(packs) -> str:
    lines = []
    for pack in packs:
        lines.append(f"{pack.title} ({pack.id})")
        width = max(len(r.id) for r in pack.rules)
        for rule in pack.rules:
            lines.append(f"  {rule.id:<{width}}  {rule.severity:<7}  {rule.weight:>4g}  {rule.title}")
        lines.append("")
    return "\n".join(lines)


def explain(packs, rule_id: str) -> str:
    for pack in packs:
        rule = pack.rule(rule_id)
        if rule is None:
            continue
        lines = [f"{rule.id}: {rule.title}",
                 f"Pack: {pack.title} ({pack.id}); category: {pack.categories[rule.category]}; "
                 f"severity: {rule.severity}; weight: {rule.weight:g}"]
        if rule.reference:
            lines += ["", "Requirement", f"  {rule.reference}"]
        if rule.why:
            lines += ["", "Why it matters", f"  {rule.why}"]
        if rule.passes:
            lines += ["", "What passes", f"  {rule.passes}",
                      "  Partial: touched on or incomplete (half the weight). Fail: not there."]
        lines += ["", "How to fix", f"  {rule.guidance.strip()}", "",
                  f"Check type: {rule.check} (plancheck --explain-check {rule.check})"]
        return "\n".join(lines) + "\n"
    known = sorted(r.id for p in packs for r in p.rules)
    close = [k for k in known if rule_id.split(".")[-1] in k][:5]
    hint = f" Did you mean: {', '.join(close)}?" if close else " See plancheck --list-rules."
    raise ConfigError(f"--explain: no rule {rule_id!r}.{hint}")


def explain_check(check_type: str) -> str:
    from .checks import CHECK_TYPES, module_for

    if check_type not in CHECK_TYPES:
        raise ConfigError(f"--explain-check: no check type {check_type!r}; "
                          f"types are {', '.join(sorted(CHECK_TYPES))}")
    return (module_for(check_type).__doc__ or "").strip() + "\n"


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 88})
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--rules", "rule_packs", multiple=True, metavar="NAME|PATH",
              help="Rule pack to check against (repeatable). Default: productivity-plan-2024.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--fail-under", type=click.FloatRange(0, 100), metavar="SCORE",
              help="Fail a document whose score is below SCORE (0-100).")
@click.option("--pages", type=click.Choice(["auto", "layout", "estimate"]), default="auto", show_default=True,
              help="How to count pages: auto takes the best method available.")
@click.option("--select", multiple=True, metavar="ID", help="Run only these checks (IDs or prefixes like question.).")
@click.option("--ignore", multiple=True, metavar="ID", help="Skip these checks (IDs or prefixes).")
@click.option("--list-rules", is_flag=True, help="List the rules (ID, severity, weight, title) and exit.")
@click.option("--explain", "explain_id", metavar="ID", help="Explain one rule and exit.")
@click.option("--explain-check", metavar="TYPE", help="Document one check type and exit.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Colour in text output.")
@click.option("--verbose", "-v", is_flag=True, help="Show all evidence, also for checks that passed.")
@click.version_option(__version__, prog_name="plancheck")
def main(files, rule_packs, output_format, output, fail_under, pages, select, ignore, list_rules: bool,
         explain_id, explain_check: str | None, color, verbose):
    """Check draft productivity plans (.docx, .pdf, .md, .txt, .html) against the
    minister's requirements, and print a scored checklist with evidence."""
    try:
        if explain_check:
            click.echo(globals()["explain_check"](explain_check), nl=False)
            sys.exit(EXIT_OK)
        packs = load_packs(rule_packs or DEFAULT_PACKS)
        if list_rules:
            click.echo(globals()["list_rules"](packs), nl=False)
            sys.exit(EXIT_OK)
        if explain_id:
            click.echo(explain(packs, explain_id), nl=False)
            sys.exit(EXIT_OK)
    except ConfigError as error:
        click.echo(f"plancheck: {error}", err=True)
        sys.exit(EXIT_ERROR)
    if not files:
        click.echo("plancheck: no files given. Try: plancheck draft.docx (or plancheck --help)", err=True)
        sys.exit(EXIT_ERROR)
    from .reporters import Run, render
    from .runner import check_files

    settings = Settings(select=tuple(select), ignore=tuple(ignore), fail_under=fail_under)
    outcome = check_files(list(files), packs, settings, ReadOptions(pages=pages))
    stream = sys.stdout
    run = Run(reports=outcome.reports, errors=outcome.errors, packs=packs,
              color=output is None and output_format == "text" and use_colour(color, stream),
              verbose=verbose)
    text = render(output_format, run)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            click.echo(f"plancheck: cannot write {output}: {error.strerror}", err=True)
            sys.exit(EXIT_ERROR)
    else:
        click.echo(text, nl=False)
    if output_format != "text" or output:
        for error in outcome.errors:
            click.echo(f"{error['path']}: {error['message']}", err=True)
    if outcome.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FAILED if any(r.verdict == "fail" for r in outcome.reports) else EXIT_OK)
