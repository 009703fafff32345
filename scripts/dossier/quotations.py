"""The quote stage, after link: what one article says about each entity it names, for the profiles: the
first whole sentences (cut by `sentences`) of its prose paragraphs that name it, in each of its scripts.

It runs with the per-article stages, in the worker processes, and is cached with the article: the
sentence segmenter is the costly part of a profile, and an article's sentences do not change when
another article or a template does."""

from __future__ import annotations

from collections import defaultdict

from .chinese import convert
from .furniture import is_good_prose
from .records import Article, Block, Mention, Quotation
from .sentences import sentences
from .thresholds import QUOTES

QUOTABLE_KINDS = ("paragraph", "list_item", "quote")


def is_quotable(block: Block, language: str) -> bool:
    """A paragraph of running prose: never a heading, a caption or a left-over headline."""
    return block.kind in QUOTABLE_KINDS and is_good_prose(block.text.strip(), language.split("-", 1)[0])


def _quoted(sentence: str) -> str:
    sentence = sentence.strip()
    return sentence if len(sentence) <= QUOTES.max_chars else sentence[:QUOTES.max_chars].rstrip() + "…"


def quotations(article: Article) -> tuple[Quotation, ...]:
    """What one article says about each entity it mentions: the first whole sentences of its prose
    paragraphs that hold a mention, in the article's own script and, for Chinese, in the other one too.
    Only the paragraphs quoted are cut into sentences (the segmenter is the costly part)."""
    scripts = [r.language for r in article.normalized.renditions]
    surfaces: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    mentions: dict[str, list[Mention]] = defaultdict(list)  # each entity's, in the article's order
    for mention in article.mentions:
        surfaces[mention.entity][mention.block].add(mention.surface)
        mentions[mention.entity].append(mention)
    split: dict[int, list[str]] = {}
    found_all = []
    for entity_id, per_block in surfaces.items():
        found: list[tuple[int, str]] = []
        used = 0
        for number, names in sorted(per_block.items()):
            if len(found) >= QUOTES.per_article:
                break
            used += 1
            found += [(number, s) for s in _sentences_of(article, number, split) if any(name in s for name in names)]
        shown = tuple((number, tuple((script, _quoted(s) if n == 0 else convert(_quoted(s), script))
                                     for n, script in enumerate(scripts)))
                      for number, s in found[:QUOTES.per_article])
        named = mentions[entity_id]
        found_all.append(Quotation(
            entity_id, shown, tuple(dict.fromkeys(m.surface for m in named)),
            tuple(dict.fromkeys(m.surface for m in named if m.mistranslation)), len(per_block) - used))
    return tuple(found_all)


def _sentences_of(article: Article, number: int, split: dict[int, list[str]]) -> list[str]:
    """The sentences of block `number` (1-based) when it is prose, else none; each block cut once."""
    if number not in split:
        block = article.normalized.renditions[0].blocks[number - 1]
        split[number] = sentences(block.text, article.language) if is_quotable(block, article.language) else []
    return split[number]
