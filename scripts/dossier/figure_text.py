"""Text in the figures (timeline.py, graph.py): estimated widths, wrapped lines and the boxes labels take.

Both figures are drawn at their natural size (never shrunk: a figure wider than the column scrolls
inside its own box), so the font sizes of the figures are the sizes a reader sees. Text widths are
estimated from character counts (East Asian wide characters count double), on the generous side, so
that label boxes computed here contain the rendered text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MIN_LABEL_PX = {1280: 12, 390: 11}  # screen width → the smallest label a reader may be shown there (issue 13)
NARROW_CHAR_EM = 0.6  # estimated advance of a Latin character, in em (generous: Arial/Liberation average ~0.5)
WIDE_CHAR_EM = 1.0  # CJK and other East Asian wide or fullwidth characters
ASCENT_EM, DESCENT_EM = 0.95, 0.3  # how far a text's box reaches above and below its baseline
MIDLINE_EM = 0.35  # from a baseline up to the middle of lower-case letters: where a dot or an edge meets a label
_WIDE = "WF"  # East Asian Width classes drawn two columns wide: Wide and Fullwidth


def text_width(text: str, font_px: float) -> float:
    """Estimated width of `text` at `font_px`: East Asian wide characters at 1 em, others at 0.6 em."""
    return font_px * sum(WIDE_CHAR_EM if unicodedata.east_asian_width(c) in _WIDE else NARROW_CHAR_EM for c in text)


def wrap(text: str, first_width: float, width: float, font_px: float) -> tuple[str, ...]:
    """`text` in lines that fit: the first `first_width` wide, the others `width`. Lines break after a
    space, or inside a word too long for a line of its own (CJK text has no spaces). Each line keeps its
    trailing space, so the lines joined are the text again."""
    lines: list[str] = []
    line = ""
    for word in re.findall(r"\S+\s*|\s+", text):
        limit = first_width if not lines else width
        if line and text_width((line + word).rstrip(), font_px) > limit:
            lines.append(line)
            line, limit = "", width
        for char in word:  # a word longer than a whole line is cut where the line is full
            if line.strip() and text_width((line + char).rstrip(), font_px) > limit:
                lines.append(line)
                line, limit = "", width
            line += char
    return (*lines, line) if line else tuple(lines)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)

    def padded(self, pad: float) -> Box:
        return Box(self.left - pad, self.top - pad, self.right + pad, self.bottom + pad)


def text_box(x: float, baseline: float, width: float, font_px: float, lines: int = 1, line_px: float = 0) -> Box:
    """The box of left-aligned text starting at `x` on `baseline` (and `lines - 1` more lines below)."""
    return Box(x, baseline - ASCENT_EM * font_px, x + width, baseline + (lines - 1) * line_px + DESCENT_EM * font_px)
