"""Outline: what a reader found in a document, before any check runs.

For the question "why did plancheck not see my heading?": the format, the
page count and how it was obtained, the words, and every heading with its
level, page and how it was recognised.
"""

from __future__ import annotations

from ..checks.page_range import describe_count

SOURCES = {
    "style": "Word heading style",
    "outline": "Word outline level",
    "bold": "bold line, not a heading style",
    "font": "larger or bold font",
    "markdown": "Markdown heading",
    "html": "HTML heading",
    "line": "short line on its own",
}


def render_outline(document) -> str:
    lines = [f"{document.path}: {document.format}, "
             f"{describe_count(document.pages, document.pages_method)}, {document.words:,} words"]
    lines += [f"  note: {note}" for note in document.notes]
    for heading in document.headings():
        page = f"page {heading.page}" + ("" if heading.page_exact else " (est.)") if heading.page else ""
        how = SOURCES.get(heading.heading_source or "", heading.heading_source or "")
        lines.append(f"  {'  ' * ((heading.level or 1) - 1)}{heading.text}  [{page}; {how}]")
    if not document.headings():
        lines.append("  (no headings found)")
    return "\n".join(lines) + "\n"
