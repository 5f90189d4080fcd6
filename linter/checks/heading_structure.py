"""heading-structure: headings are real headings, in order.

What it does
    Looks at how each heading of the body was recognised and reports:

    * no real headings: none marked as headings by a heading style or
      outline level (Word), ``#`` or underlining (Markdown), ``<h1>``-``<h6>``
      (a web page) or a heading tag (a PDF);
    * lines formatted to look like headings without being marked as headings
      (``imposter_sources``: a short all-bold line in Word or Markdown);
    * skipped levels: a heading more than one level below the one before it
      (level 1 then level 3).

    Headings a reader only inferred from the layout (a short line in a
    plain-text file, a line in a larger font in a PDF) are not real
    headings. A plain-text file cannot mark headings at all, so it is
    skipped: check the Word, PDF or web version that will be published. An
    untagged PDF is skipped too: it has no headings because it has no tags,
    which the ``tagged-pdf`` check reports with its fix, so the one cause is
    reported once. In a tagged PDF whose reader gives no heading tags, headings found by font
    size are taken as tagged (the tags themselves are then not verified, nor
    their levels: a rank of font sizes is not a heading level);
    once any heading comes from a tag, a line found only by its font size is
    reported as looking like a heading without being one.

Why
    Screen reader users move through a document by its headings, and Word
    builds the navigation pane, the contents list and a PDF's bookmarks and
    tags from heading styles. Bold text looks like a heading but is none of
    those things (WCAG 2.2, 1.3.1 Info and Relationships; 2.4.6 Headings
    and Labels).

Parameters
    ``real_sources`` (heading sources that are marked headings, default
    ``style``, ``outline``, ``markdown``, ``html``, ``tag``);
    ``imposter_sources`` (default ``bold``); ``skip_formats`` (default
    ``text``).

Example
    A Word plan whose section titles are bold Normal paragraphs fails with
    "4 lines look like headings but use no heading style" and each quoted;
    Heading 1 followed by Heading 3 fails as a skipped level.
"""

from __future__ import annotations

from ..analysis import evidence_for
from ..document import BODY, HEADING
from ..messages import part, plural, register
from . import FAIL, PASS, SKIP, Outcome
from .places import FORMATS_SCHEMA, format_name

register({
    "headings.cannot-mark": "Not checked: {format} cannot mark headings; check the version that will be "
                            "published.",
    "headings.untagged-pdf": "Not checked: an untagged PDF has no headings a screen reader can use; tagging "
                             "it (the tagged-PDF check) fixes both.",
    "headings.none-marked": "no real headings",
    "headings.none-marked-lookalikes": "no real headings: {lines} {verb}",
    "headings.imposters": "{lines} formatted to look like {what} without a {marker}: {quoted}",
    "headings.skipped": "{count}: {pairs}",
    "headings.skipped-pair": "level {above} “{above_text}” then level {below} “{below_text}”",
    "headings.problems": "{problems}.",
    "headings.from-layout": "{headings}, taken from the tagged PDF's layout (its heading tags and levels are "
                            "not read).",
    "headings.ok": "{headings}, {span}, all marked as headings, no level skipped.",
})

PARAMS = {
    "type": "object",
    "$defs": {"sources": {"type": "array", "items": {"type": "string"}}},
    "properties": {
        "real_sources": {"$ref": "#/$defs/sources"},
        "imposter_sources": {"$ref": "#/$defs/sources"},
        "skip_formats": FORMATS_SCHEMA,
    },
    "additionalProperties": False,
}

DEFAULT_REAL = ("style", "outline", "markdown", "html", "tag")
DEFAULT_IMPOSTERS = ("bold",)
LAYOUT_SOURCES = {"font"}


def heading_sources(document, params) -> tuple[set[str], set[str]]:
    """(sources of real headings, sources of imposters) for this document.

    In a tagged PDF whose reader does not say which headings are tagged, the
    layout is trusted; once some headings come from tags, a line that only
    looks like a heading is an imposter.
    """
    real = set(params.get("real_sources", DEFAULT_REAL))
    imposters = set(params.get("imposter_sources", DEFAULT_IMPOSTERS))
    if document.format == "pdf" and document.tagged:
        tags = any(b.heading_source == "tag" for b in document.headings() if b.part == BODY)
        (imposters if tags else real).update(LAYOUT_SOURCES)
    return real, imposters


def _quoted(blocks, limit: int = 4) -> str:
    return ", ".join(f"“{b.text}”" for b in blocks[:limit]) + (" …" if len(blocks) > limit else "")


def check(analysis, params, pack) -> Outcome:
    document = analysis.source
    if document.format in params.get("skip_formats", ("text",)):
        return Outcome(SKIP, "headings.cannot-mark", data={"format": format_name(document)})
    if document.format == "pdf" and not document.tagged:
        # No tags, no headings: one cause, which the tagged-PDF check reports with its fix.
        return Outcome(SKIP, "headings.untagged-pdf")
    real, imposter_sources = heading_sources(document, params)
    headings = [b for b in document.blocks if b.kind == HEADING and b.part == BODY]
    marked = [b for b in headings if b.heading_source in real]
    imposters = [b for b in headings if b.heading_source in imposter_sources]
    problems, evidence, missing = [], [], []
    if not marked:
        inferred = len(headings) - len(imposters)
        problems.append(part("headings.none-marked-lookalikes" if inferred else "headings.none-marked",
                             lines=plural(inferred, "line"),
                             verb="only looks like a heading" if inferred == 1 else "only look like headings"))
        evidence += [evidence_for(b) for b in headings if b.heading_source not in imposter_sources][:1]
        missing.append("mark the section titles with heading styles (Heading 1, Heading 2...)")
    if imposters:
        problems.append(part("headings.imposters", lines=plural(len(imposters), "line"),
                             what="a heading" if len(imposters) == 1 else "headings",
                             marker="heading tag" if document.format == "pdf" else "heading style",
                             quoted=_quoted(imposters)))
        evidence += [evidence_for(b) for b in imposters]
        missing.append("apply a heading style to " + _quoted(imposters, len(imposters)))
    # Levels ranked from font sizes are not the document's own: only marked levels are compared.
    levelled = [b for b in marked if b.heading_source in set(params.get("real_sources", DEFAULT_REAL))]
    skipped = []
    for before, after in zip(levelled, levelled[1:]):
        if (after.level or 1) > (before.level or 1) + 1:
            skipped.append((before, after))
    if skipped:
        problems.append(part("headings.skipped", count=plural(len(skipped), "skipped heading level"),
                             pairs=[part("headings.skipped-pair", above=b.level, above_text=b.text, below=a.level,
                                         below_text=a.text) for b, a in skipped[:3]]))
        evidence += [evidence_for(a, f"level {a.level} after level {b.level}: {a.text}") for b, a in skipped]
        missing += [f"make “{a.text}” level {(b.level or 1) + 1}" for b, a in skipped]
    if problems:
        return Outcome(FAIL, "headings.problems", evidence, missing, data={"problems": problems})
    if len(levelled) < len(marked):
        return Outcome(PASS, "headings.from-layout", [evidence_for(marked[0])],
                       data={"headings": plural(len(marked), "heading")})
    levels = sorted({b.level or 1 for b in marked})
    span = f"level {levels[0]}" if len(levels) == 1 else f"levels {levels[0]}–{levels[-1]}"
    return Outcome(PASS, "headings.ok", [evidence_for(marked[0])],
                   data={"headings": plural(len(marked), "heading"), "span": span})
