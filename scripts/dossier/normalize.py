"""Stage 4, normalize: every Chinese article in both scripts.

The source's own rendition keeps its characters exactly (OpenCC has known phrase errors, so the
canonical page is never converted); the other script is an OpenCC conversion, marked as such.
"""

from __future__ import annotations

from dataclasses import replace

from .chinese import convert, other_script
from .records import Block, Detected, Normalized, Rendition


def normalize(detected: Detected) -> Normalized:
    clean = detected.clean
    own = Rendition(detected.language, clean.title, clean.blocks, converted=False)
    if detected.base_language != "zh":
        return Normalized(detected, (own,))
    target = other_script(detected.language)
    other = Rendition(
        language=target,
        title=convert(clean.title, target),
        blocks=tuple(_convert_block(block, target) for block in clean.blocks),
        converted=True,
    )
    return Normalized(detected, (own, other))


def _convert_block(block: Block, target: str) -> Block:
    return replace(block, inlines=tuple(replace(i, text=convert(i.text, target)) for i in block.inlines))
