"""Page estimates for documents whose layout nobody has rendered.

The estimate lays the text out line by line on the document's own page: the
usable width gives characters per line (an average glyph is a little under half the
font size wide), the font size and line spacing give the line height, and
paragraph spacing is added between blocks. It is honest rather than exact,
and the report says so (``pages_method = "estimate"``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .document import HEADING, LIST_ITEM, TABLE, Block

POINTS_PER_INCH = 72.0
POINTS_PER_MM = POINTS_PER_INCH / 25.4
# Average advance of a proportional body font (Calibri, Arial) as a share of its size.
AVERAGE_GLYPH_WIDTH = 0.45


@dataclass
class PageGeometry:
    """A page in points. The default is A4 with 2.54 cm margins and 11 pt text."""

    width: float = 210 * POINTS_PER_MM
    height: float = 297 * POINTS_PER_MM
    margin_left: float = 72.0
    margin_right: float = 72.0
    margin_top: float = 72.0
    margin_bottom: float = 72.0
    font_size: float = 11.0
    line_spacing: float = 1.08
    paragraph_space: float = 8.0

    @property
    def usable_width(self) -> float:
        return max(self.width - self.margin_left - self.margin_right, 72.0)

    @property
    def usable_height(self) -> float:
        return max(self.height - self.margin_top - self.margin_bottom, 72.0)


def _heading_size(level: int | None, base: float) -> float:
    return base * {1: 1.6, 2: 1.35, 3: 1.2}.get(level or 1, 1.1)


def _block_height(block: Block, geometry: PageGeometry) -> float:
    size = _heading_size(block.level, geometry.font_size) if block.kind == HEADING else geometry.font_size
    line_height = size * 1.2 * geometry.line_spacing
    chars_per_line = max(int(geometry.usable_width / (size * AVERAGE_GLYPH_WIDTH)), 10)
    if block.kind == TABLE and block.table is not None:
        columns = max((len(r) for r in block.table.rows), default=1) or 1
        cell_chars = max(chars_per_line // columns - 2, 4)
        height = 0.0
        for row in block.table.rows:
            lines = max((math.ceil(len(cell) / cell_chars) for cell in row if cell), default=1)
            height += max(lines, 1) * line_height + 4
        return height + geometry.paragraph_space
    lines = max(math.ceil(len(block.text) / chars_per_line), 1)
    # Word's list styles suppress the space between items of one list.
    space = {HEADING: 2 * geometry.paragraph_space, LIST_ITEM: 0.0}.get(block.kind, geometry.paragraph_space)
    return lines * line_height + space


def estimate_pages(blocks: list[Block], geometry: PageGeometry | None = None,
                   forced_breaks: set[int] | None = None) -> int:
    """Give every block an estimated page and return the page count.

    ``forced_breaks`` holds indexes of blocks that start a new page (hard
    page breaks the author inserted).
    """
    geometry = geometry or PageGeometry()
    forced_breaks = forced_breaks or set()
    page, used = 1, 0.0
    for index, block in enumerate(blocks):
        if index in forced_breaks and used > 0:
            page, used = page + 1, 0.0
        height = _block_height(block, geometry)
        while used + height > geometry.usable_height and used > 0:
            # A block that overflows is split across the page boundary; it is
            # cited on the page where it starts.
            overflow = used + height - geometry.usable_height
            block.page = block.page or page
            page, used, height = page + 1, 0.0, overflow
        if block.page is None:
            block.page = page
        block.page_exact = False
        used += height
    return page if blocks else 0
