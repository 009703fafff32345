"""Stage 6, link: every mention of a registry entity, in every language and either Chinese script.

Names are found script-insensitively (on the text with every character in its Simplified form, which
has the original's length, so a match's offsets are the original's) and linked on the source's own
characters. One Aho-Corasick automaton holds every name: matching is linear in the text whatever the
registry's size. Longest match first (so "Amazon" inside "Amazon Care" is Amazon Care); names that end
or begin with a Latin letter must stand as whole words; names that are common words elsewhere link only
in articles that mention their context entities.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

import ahocorasick

from .chinese import simplify_chars
from .records import Article, Block, Inline, Mention
from .registry import Registry, match_key

_WORD_CHAR = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_SENTENCE_BOUNDARY = re.compile(r"[。！？!?；;]+[”」』\"]?|\.(?=\s|$)|\n")
_MAX_SENTENCE = 400


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    entity: str
    mistranslation: bool


class Linker:
    """Finds registry names in text."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._automaton = ahocorasick.Automaton()
        for entity in registry.entities:
            wrong = {match_key(name) for name in entity.mistranslations}
            for form in entity.surface_forms:
                key = simplify_chars(match_key(form))
                self._automaton.add_word(key, (len(key), entity.id, key in wrong or match_key(form) in wrong))
        if registry.entities:
            self._automaton.make_automaton()

    def candidates(self, text: str) -> list[Candidate]:
        """Leftmost-longest, non-overlapping name matches that stand as words."""
        if not self.registry.entities or not text:
            return []
        normalized = simplify_chars(text.replace("\u00a0", " "))
        found = []
        for end, (length, entity, wrong) in self._automaton.iter(normalized):
            start, stop = end - length + 1, end + 1
            if _stands_alone(text, start, stop):
                found.append(Candidate(start, stop, entity, wrong))
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        chosen, covered_to = [], 0
        for candidate in found:
            if candidate.start >= covered_to:
                chosen.append(candidate)
                covered_to = candidate.end
        return chosen


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A name that begins or ends with a Latin letter or digit must not continue a word."""
    if _WORD_CHAR.match(text[start]) and start > 0 and _WORD_CHAR.match(text[start - 1]):
        return False
    if _WORD_CHAR.match(text[end - 1]) and end < len(text) and _WORD_CHAR.match(text[end]):
        return False
    return True


def link(article: Article, linker: Linker) -> Article:
    """The article with its mentions recorded and linked in every rendition."""
    renditions = article.normalized.renditions
    found = {r.language: [[linker.candidates(i.text) for i in b.inlines] for b in r.blocks] for r in renditions}
    own = renditions[0]
    allowed = _resolve_context({c.entity for block in found[own.language] for inline in block for c in inline},
                               linker.registry)
    mentions = []
    for number, (block, per_inline) in enumerate(zip(own.blocks, found[own.language]), start=1):
        offset, text, boundaries = 0, block.text, None
        for inline, candidates in zip(block.inlines, per_inline):
            for c in candidates:
                if c.entity in allowed:
                    boundaries = boundaries if boundaries is not None else sentence_ends(text)
                    sentence = sentence_around(text, boundaries, offset + c.start, offset + c.end)
                    mentions.append(Mention(c.entity, number, inline.text[c.start : c.end], sentence, c.mistranslation))
            offset += len(inline.text)
    linked = tuple(
        replace(r, blocks=tuple(_link_block(b, per_inline, allowed) for b, per_inline in zip(r.blocks, found[r.language])))
        for r in renditions
    )
    return replace(article, normalized=replace(article.normalized, renditions=linked), mentions=tuple(mentions))


def _resolve_context(found: set[str], registry: Registry) -> set[str]:
    """Names without context always count; an ambiguous one counts where its context is mentioned."""
    plain = {entity for entity in found if not registry.get(entity).context}
    allowed = set(plain)
    for entity in found - plain:
        context = registry.get(entity).context
        if any(c in plain for c in context) or ("any" in context and plain - {entity}):
            allowed.add(entity)
    return allowed


def _link_block(block: Block, per_inline: list[list[Candidate]], allowed: set[str]) -> Block:
    inlines: list[Inline] = []
    for inline, candidates in zip(block.inlines, per_inline):
        position = 0
        for c in (c for c in candidates if c.entity in allowed):
            if c.start > position:
                inlines.append(replace(inline, text=inline.text[position : c.start]))
            inlines.append(replace(inline, text=inline.text[c.start : c.end], entity=c.entity))
            position = c.end
        if position < len(inline.text):
            inlines.append(replace(inline, text=inline.text[position:]))
    return replace(block, inlines=tuple(inlines))


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (computed once per block, searched per mention)."""
    return [boundary.end() for boundary in _SENTENCE_BOUNDARY.finditer(text)]


def sentence_around(text: str, ends: list[int], start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end), trimmed to a readable length."""
    before = bisect.bisect_right(ends, start) - 1
    begin = ends[before] if before >= 0 and ends[before] <= start else 0
    after = bisect.bisect_left(ends, end)
    stop = ends[after] if after < len(ends) else len(text)
    sentence_start, sentence_end = begin, stop
    if sentence_end - sentence_start > _MAX_SENTENCE:
        sentence_start = max(sentence_start, start - _MAX_SENTENCE // 2)
        sentence_end = min(sentence_end, end + _MAX_SENTENCE // 2)
    sentence = text[sentence_start:sentence_end].strip()
    prefix = "…" if sentence_start > begin else ""
    suffix = "…" if sentence_end < stop else ""
    return f"{prefix}{sentence}{suffix}"
