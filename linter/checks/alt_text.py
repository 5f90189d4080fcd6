"""alt-text: every image has alternative text.

What it does
    Goes through every picture, chart and diagram, inline or floating (in
    front of or behind the text, or wrapped), and fails when one has no
    alternative text. An empty or blank description counts as none; a
    Word "title" does not stand in for the description, because screen
    readers read the description. Images marked decorative (Word's "Mark as
    decorative", an HTML ``alt=""``, a PDF artifact) need none.

    Alternative text that says nothing is reported as a partial pass: a
    file name ("chart1.png"), a bare "Picture 3" or "Image", or one of the
    ``weak_phrases`` (Word's own "Description automatically generated").

Why
    A screen reader announces an image without alternative text as
    "image", or reads out its file name: a chart of savings by year tells a
    blind resident nothing (WCAG 2.2, 1.1.1 Non-text Content).

Parameters
    ``weak_phrases`` (concept: alternative text containing one of these is
    weak).

Example
    A floating chart on page 3 with an empty description fails with
    "1 image without alternative text" and the evidence "page 3, Savings:
    floating image, no alternative text, beside “Savings by year…”".
"""

from __future__ import annotations

import re

from ..messages import part, plural, register
from . import FAIL, PARTIAL, PASS, Outcome
from .places import block_at, evidence_at, first_words

register({
    "alt-text.missing": "{images} of {total} without alternative text{kinds}{decorative}.{untagged}",
    "alt-text.floating-some": ", {count} of them floating",
    "alt-text.floating-one": " (floating)",
    "alt-text.decorative": " ({images} {verb} none)",
    "alt-text.untagged": " The PDF is not tagged, so no image in it can carry alternative text.",
    "alt-text.weak": "{images} of {total} with alternative text that says nothing about the image{decorative}.",
    "alt-text.no-images": "No images that need alternative text{decorative}.",
    "alt-text.one": "The image has alternative text{decorative}.",
    "alt-text.all": "All {total} images have alternative text{decorative}.",
})

PARAMS = {
    "type": "object",
    "properties": {
        "weak_phrases": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    },
    "additionalProperties": False,
}

FILE_NAME = re.compile(r"^\S+\.(?:png|jpe?g|gif|bmp|svg|emf|wmf|tiff?|webp)$", re.IGNORECASE)
GENERIC = re.compile(r"^(?:image|picture|graphic|photo|chart|figure|diagram|img|logo|icon|shape)"
                     r"(?:\s*\d+)?$", re.IGNORECASE)


def weakness(alt: str, weak_phrases) -> str | None:
    if FILE_NAME.match(alt):
        return "a file name"
    if GENERIC.match(alt):
        return "a generic label"
    if weak_phrases is not None and weak_phrases.matches(alt):
        return "generated, not written"
    return None


def _where(document, image) -> str:
    kind = "floating image" if image.floating else "image"
    block = block_at(document, image.location)
    return f"{kind}, beside “{first_words(block.text, 8)}”" if block is not None else kind


def check(analysis, params, pack) -> Outcome:
    document = analysis.document
    weak_phrases = pack.concept(params["weak_phrases"]) if "weak_phrases" in params else None
    images = [image for image in document.images if not image.decorative]
    missing = [image for image in images if not (image.alt or "").strip()]
    weak = [(image, why) for image in images if (image.alt or "").strip()
            for why in [weakness(image.alt.strip(), weak_phrases)] if why]
    decorative = len(document.images) - len(images)
    note = (part("alt-text.decorative", images=plural(decorative, "decorative image"),
                 verb="needs" if decorative == 1 else "need") if decorative else "")
    if missing:
        floating = sum(1 for image in missing if image.floating)
        kinds = (part("alt-text.floating-some", count=floating) if floating and len(missing) > 1 else
                 part("alt-text.floating-one") if floating else "")
        untagged = part("alt-text.untagged") if document.format == "pdf" and not document.tagged else ""
        return Outcome(FAIL, "alt-text.missing",
                       [evidence_at(document, image, f"{_where(document, image)}: no alternative text")
                        for image in missing] +
                       [evidence_at(document, image, f"{_where(document, image)}: “{image.alt}” is {why}")
                        for image, why in weak],
                       [f"describe the {_where(document, image)}" + (f" on page {image.page}" if image.page else "")
                        for image in missing],
                       data={"images": plural(len(missing), "image"), "total": len(images), "kinds": kinds,
                             "decorative": note, "untagged": untagged})
    if weak:
        return Outcome(PARTIAL, "alt-text.weak",
                       [evidence_at(document, image, f"{_where(document, image)}: “{image.alt}” is {why}")
                        for image, why in weak],
                       [f"rewrite the alternative text “{image.alt}”" for image, _ in weak],
                       data={"images": plural(len(weak), "image"), "total": len(images), "decorative": note})
    if not images:
        return Outcome(PASS, "alt-text.no-images", data={"decorative": note})
    return Outcome(PASS, "alt-text.one" if len(images) == 1 else "alt-text.all",
                   [evidence_at(document, images[0], f"{_where(document, images[0])}: “{images[0].alt}”")],
                   data={"total": len(images), "decorative": note})
