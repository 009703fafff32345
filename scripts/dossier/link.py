"""Stage 6, link: every mention of a registry entity, in every language and either Chinese script.

Names are found script-insensitively (on the text with every character in its Simplified form, which
has the original's length, so a match's offsets are the original's) and linked on the source's own
characters. One Aho-Corasick automaton holds every name: matching is linear in the text whatever the
registry's size. Longest match first (so "Amazon" inside "Amazon Care" is Amazon Care, アマゾン inside
アマゾン・ファーマシー is Amazon Pharmacy). A name must stand as a word of its script
(`entity_names.stands_alone`: Latin and katakana names must not continue a word, Hangul names must begin
one). Three guards keep common words from linking:

- case: names match case-sensitively ("Haven", not "a safe haven");
- `not_names`: phrases in which one of an entity's names means something else (アマゾン川, 一日一苹果,
  "Prime Minister"), found like names but regardless of case, in a second automaton; the entity's
  names inside such a phrase do not link;
- `context`: an entity whose names are common words elsewhere links only in an article that also
  mentions one of its context entities (or any other entity, for "any"), or that names it by a longer
  name holding a shorter one ("Epic Systems" for "Epic", 小荷健康 for 小荷), which is unambiguous, or by
  a name the registry lists as `unambiguous` (Meta's "Facebook"). Entities let in this way count as
  context for others;
- `given_names`: an entity's names that are also people's first names ("Alexa", "Ada") are a person's
  before a surname or in a user name ("Alexa Ramírez", "Ada_R").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

import ahocorasick

from .chinese import simplify_chars
from .entity_names import fold_case, link_key, match_key, word_end
from .records import Article, Block, Inline, Mention
from .registry import Registry
from .sentences import ROUGH_BOUNDARY
from .thresholds import METADATA

# Where a mention's sentence ends: a sentence mark (`sentences.ROUGH_BOUNDARY`: no pysbd per block), or
# a line break (a line of a code block, a hard break).
_SENTENCE_END = re.compile(f"{ROUGH_BOUNDARY.pattern}|\n")
# What follows a first name in a person's name: a surname, then a word in lower case or a stop ("Alexa
# Ramírez, an analyst", "Ada Le Goff said"), not a name in title case ("Alexa Smart Properties", "Alexa To
# Hospitals"); or a user name's underscore or digits ("Ada_R", "Alexa88").
_PERSON_AFTER_FIRST_NAME = re.compile(
    r" (?:[A-ZÀ-ÖØ-Þ]\.? )?(?:(?:Le|La|De|Du|Da|Di|Del|Van|Von|Ben|El|Al) )?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
    r"(?=[,.;:!?)]|\s+[a-zà-öø-ÿ]|\s*$)|_|\d")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    entity: str
    mistranslation: bool
    needs_context: bool = False  # a name of an entity with `context`, and not one of its full names


class Linker:
    """Finds registry names in text."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._names = ahocorasick.Automaton()
        self._not_names = ahocorasick.Automaton()
        phrases: dict[str, set[str]] = defaultdict(set)
        for entity in registry.entities:
            wrong = {match_key(name) for name in entity.mistranslations}
            keys = {form: link_key(form) for form in entity.surface_forms}
            unambiguous = {keys[name] for name in entity.unambiguous}
            first_names = {keys[name] for name in entity.given_names}
            for form, key in keys.items():
                full = any(other != key and other in key for other in keys.values())
                needs_context = bool(entity.context) and not full and key not in unambiguous
                mistranslation = key in wrong or match_key(form) in wrong
                self._names.add_word(key, (len(key), entity.id, mistranslation, needs_context, key in first_names))
            for phrase in entity.not_names:
                phrases[fold_case(link_key(phrase))].add(entity.id)
        for key, entities in phrases.items():
            self._not_names.add_word(key, (len(key), frozenset(entities)))
        if registry.entities:
            self._names.make_automaton()
        if phrases:
            self._not_names.make_automaton()
        self._has_not_names = bool(phrases)

    def candidates(self, text: str, language: str = "und") -> list[Candidate]:
        """Leftmost-longest, non-overlapping name matches that stand as words (with a case ending of
        `language`, the text's, "Googles": the whole word), outside the phrases in which they mean
        something else."""
        if not self.registry.entities or not text:
            return []
        normalized = simplify_chars(text.replace("\u00a0", " "))
        excluded = self._not_name_spans(text, normalized, language)
        found = []
        for end, (length, entity, wrong, needs_context, first_name) in self._names.iter(normalized):
            start, stop = end - length + 1, end + 1
            if first_name and _PERSON_AFTER_FIRST_NAME.match(text, stop):
                continue
            # A name the registry guards with context is a common word: declined, it is that word ("Havens").
            word_stop = word_end(text, start, stop, language, common_word=needs_context)
            if word_stop is None:
                continue
            if any(s <= start and stop <= e for s, e in excluded.get(entity, ())):
                continue
            stop = word_stop
            found.append(Candidate(start, stop, entity, wrong, needs_context))
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        chosen, covered_to = [], 0
        for candidate in found:
            if candidate.start >= covered_to:
                chosen.append(candidate)
                covered_to = candidate.end
        return chosen

    def _not_name_spans(self, text: str, normalized: str, language: str) -> dict[str, list[tuple[int, int]]]:
        """Where each entity's `not_names` phrases stand in the text (declined too: "Paris Hiltons"), by entity."""
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if not self._has_not_names:
            return spans
        for end, (length, entities) in self._not_names.iter(fold_case(normalized)):
            start, stop = end - length + 1, end + 1
            if word_end(text, start, stop, language) is not None:
                for entity in entities:
                    spans[entity].append((start, stop))
        return spans


def link(article: Article, linker: Linker) -> Article:
    """The article with its mentions recorded and linked in every rendition."""
    renditions = article.normalized.renditions
    found = {r.language: [[linker.candidates(i.text, r.language) for i in b.inlines] for b in r.blocks]
             for r in renditions}
    own = renditions[0]
    allowed = resolve_context((c for block in found[own.language] for inline in block for c in inline),
                              linker.registry)
    mentions = []
    for number, (block, per_inline) in enumerate(zip(own.blocks, found[own.language], strict=True), start=1):
        offset, text, boundaries = 0, block.text, None
        for inline, candidates in zip(block.inlines, per_inline, strict=True):
            for c in candidates:
                if c.entity in allowed:
                    boundaries = boundaries if boundaries is not None else sentence_ends(text)
                    sentence = sentence_around(text, boundaries, offset + c.start, offset + c.end)
                    mentions.append(Mention(c.entity, number, inline.text[c.start : c.end], sentence, c.mistranslation))
            offset += len(inline.text)
    linked = tuple(
        replace(r, blocks=tuple(_link_block(b, per_inline, allowed)
                                for b, per_inline in zip(r.blocks, found[r.language], strict=True)))
        for r in renditions
    )
    return replace(article, normalized=replace(article.normalized, renditions=linked), mentions=tuple(mentions))


def resolve_context(candidates: Iterable[Candidate], registry: Registry) -> set[str]:
    """The entities an article's candidates may link: those named without need of context, then, until
    nothing changes, those whose context entities (or, for "any", some other entity) are let in."""
    candidates = list(candidates)
    allowed = {c.entity for c in candidates if not c.needs_context}
    pending = {c.entity for c in candidates} - allowed
    while pending:
        admitted = {
            entity for entity in pending
            if any(c in allowed for c in registry.get(entity).context)
            or ("any" in registry.get(entity).context and allowed - {entity})
        }
        if not admitted:
            break
        allowed |= admitted
        pending -= admitted
    return allowed


def _link_block(block: Block, per_inline: list[list[Candidate]], allowed: set[str]) -> Block:
    linked = [[c for c in candidates if c.entity in allowed]
              for _, candidates in zip(block.inlines, per_inline, strict=True)]
    if not any(linked) and all(inline.text for inline in block.inlines):
        return block  # most blocks name nothing: kept as they are, not copied
    inlines: list[Inline] = []
    for inline, mentions in zip(block.inlines, linked, strict=True):
        position = 0
        for c in mentions:
            if c.start > position:
                inlines.append(replace(inline, text=inline.text[position : c.start]))
            inlines.append(replace(inline, text=inline.text[c.start : c.end], entity=c.entity))
            position = c.end
        if position < len(inline.text):  # the rest of the run (all of it, kept as it is, if it names nothing)
            inlines.append(inline if position == 0 else replace(inline, text=inline.text[position:]))
    return replace(block, inlines=tuple(inlines))


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (computed once per block, searched per mention)."""
    return [boundary.end() for boundary in _SENTENCE_END.finditer(text)]


def sentence_around(text: str, ends: list[int], start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end), trimmed to a readable length."""
    before = bisect.bisect_right(ends, start) - 1
    begin = ends[before] if before >= 0 and ends[before] <= start else 0
    after = bisect.bisect_left(ends, end)
    stop = ends[after] if after < len(ends) else len(text)
    sentence_start, sentence_end = begin, stop
    window = METADATA.mention_sentence_max_chars
    if sentence_end - sentence_start > window:
        sentence_start = max(sentence_start, start - window // 2)
        sentence_end = min(sentence_end, end + window // 2)
    sentence = text[sentence_start:sentence_end].strip()
    prefix = "…" if sentence_start > begin else ""
    suffix = "…" if sentence_end < stop else ""
    return f"{prefix}{sentence}{suffix}"
