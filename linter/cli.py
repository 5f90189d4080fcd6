"""Command line: ``plancheck FILE...``."""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import ReadError
from .readers import ReadOptions, read_document


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--pages", type=click.Choice(["auto", "layout", "estimate"]), default="auto",
              help="How to count pages: auto takes the best method available.")
@click.version_option(__version__, prog_name="plancheck")
def main(files, output_format, pages):
    """Check draft productivity plans (.docx, .pdf, .md, .txt, .html)."""
    options = ReadOptions(pages=pages)
    documents, errors = [], []
    for name in files:
        try:
            documents.append(read_document(name, options))
        except ReadError as error:
            errors.append({"path": name, "message": str(error)})
            click.echo(f"{name}: {error}", err=True)
    if output_format == "json":
        payload = {"documents": [{"path": d.path, "format": d.format,
                                  "facts": {"pages": d.pages, "pages_method": d.pages_method,
                                            "words": d.words},
                                  "headings": [h.text for h in d.headings()]}
                                 for d in documents],
                   "errors": errors}
        click.echo(json.dumps(payload, indent=2))
    else:
        for d in documents:
            click.echo(f"{d.path}: {d.format}, {d.pages} pages ({d.pages_method}), {d.words} words")
            for h in d.headings():
                click.echo(f"  {'  ' * ((h.level or 1) - 1)}{h.text}  (page {h.page})")
    sys.exit(2 if errors else 0)
