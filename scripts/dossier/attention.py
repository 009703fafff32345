"""What a maintainer should look at after a build: the "needs attention" list of the build report.

Each check is a named function over the published articles. None of them changes the site: they point a
person at what the automation could not settle (no headline, no date, nothing curated, a kept line that
reads like furniture) and at organisations the articles keep naming that the registry does not know
(candidates for `seeds/entities.yml`, with how often they occur).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

from .characters import HAN, HANGUL, KATAKANA, char_class
from .cleaning_vocabulary import CleaningVocabulary
from .entity_names import match_key
from .line_shape import weight
from .records import Article, ArticleAttention, AttentionItem, file_name
from .registry import Registry
from .sentences import ends_like_sentence
from .thresholds import ATTENTION, CLEANING

AttentionKind = Literal["no_headline", "date_unknown", "not_curated", "furniture_kept", "shared_file_name",
                        "organisation_candidate"]

# What each kind of item means, in the order the report lists them.
KINDS: dict[AttentionKind, str] = {
    "no_headline": "No headline found in the text: the page has no title in the original language.",
    "date_unknown": "No publication date found in the text, and none curated.",
    "not_curated": "No English title or summary curated in seeds/articles.yml.",
    "furniture_kept": "A kept line that reads like page furniture: drop it with drop_lines if it is.",
    "shared_file_name": "Files under one name, in different folders or written in different Unicode forms: what "
                        "seeds/articles.yml and the registry's sources say by that name applies to each of them. "
                        "Rename one to curate it alone.",
    "organisation_candidate": "A name that looks like an organisation, recurs, and is not in the registry.",
}

_ORGANISATION_SUFFIX = (
    r"Inc\.?|Corp\.?|Corporation|Company|GmbH|AG|SE|S\.A\.|SA|Ltd\.?|LLC|plc|Group|Holdings|Health|Healthcare|"
    r"Medical|Pharma|Pharmaceuticals|Bank|Capital|Partners|Labs|Systems|Technologies|Therapeutics|Insurance"
)
_ORGANISATION_PATTERNS = (
    # Capitalized words ending in a corporate word: "Oak Street Health", "Alkuri Global Acquisition Corp".
    re.compile(rf"\b(?:[A-Z][\w&'’.-]*\s+){{0,3}}[A-Z][\w&'’.-]*\s+(?:{_ORGANISATION_SUFFIX})(?![\w])"),
    # Inner capitals: "LinkedIn", "DeepMind", "VillageMD".
    re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]*)+[A-Z]*\b"),
    # Chinese, Japanese and Korean names ending in a corporate or sector word.
    re.compile(f"(?<![的在与與和及])[{char_class(HAN)}]{{2,4}}"
               "(?:公司|集团|集團|控股|银行|銀行|资本|資本|药房|藥房|保险|保險|医院|醫院)"),
    re.compile(f"[{char_class(KATAKANA)}]{{3,}}(?:ホールディングス|ヘルスケア|ファーマ|製薬|グループ)"),
    re.compile(f"[{char_class(HANGUL)}]{{2,8}}(?:헬스케어|제약|바이오|병원|그룹|은행|생명)"),
)


def _item(kind: AttentionKind, article: Article, detail: str = "") -> AttentionItem:
    return AttentionItem(kind, article.clean.source_file, article.id, detail)


def missing_headline(articles: Iterable[Article], vocabulary: CleaningVocabulary) -> list[AttentionItem]:
    return [_item("no_headline", a) for a in articles if not a.clean.title]


def unknown_date(articles: Iterable[Article], vocabulary: CleaningVocabulary) -> list[AttentionItem]:
    return [_item("date_unknown", a) for a in articles if not a.dated]


def missing_curation(articles: Iterable[Article], vocabulary: CleaningVocabulary) -> list[AttentionItem]:
    items = []
    for article in articles:
        curated = (("title_en", article.title_en), ("summary_en", article.summary_en))
        missing = [name for name, value in curated if not value]
        if missing:
            items.append(_item("not_curated", article, ", ".join(missing)))
    return items


def furniture_kept(articles: Iterable[Article], vocabulary: CleaningVocabulary) -> list[AttentionItem]:
    """Kept paragraphs holding notice words (cookies, newsletter, copyright…) or too short to be prose."""
    items = []
    for article in articles:
        for block in article.clean.blocks:
            text = block.text.strip()
            size = weight(text)
            short_label = (block.kind == "paragraph" and size <= ATTENTION.max_short_unended_weight
                           and not ends_like_sentence(text))
            notice = size <= CLEANING.short_line_weight and vocabulary.has_notice_words(text)
            if notice or short_label:
                items.append(_item("furniture_kept", article, f"line {block.line}: {text[:80]}"))
    return items


def organisation_names(text: str) -> list[str]:
    """Names in `text` shaped like organisations' (see _ORGANISATION_PATTERNS)."""
    return [match.group().strip() for pattern in _ORGANISATION_PATTERNS for match in pattern.finditer(text)]


def unlinked_organisation_names(article: Article) -> list[str]:
    """The organisation-shaped names in an article that none of its own links covers."""
    linked = {match_key(mention.surface) for mention in article.mentions}
    telling = [k for k in linked if len(k) >= ATTENTION.min_linked_name_chars]
    text = "\n".join([article.clean.title, *(block.text for block in article.clean.blocks)])
    return [name for name in organisation_names(text)
            if (key := match_key(name)) not in linked and not any(k in key for k in telling)]


def organisation_candidates(found: Iterable[ArticleAttention], registry: Registry) -> list[AttentionItem]:
    """Organisation-shaped names that recur across the corpus and that no registry name covers."""
    known = {match_key(form) for entity in registry.entities for form in entity.surface_forms}
    counts = Counter(name for article in found for name in article.unlinked_names if match_key(name) not in known)
    recurring = [item for item in counts.items() if item[1] >= ATTENTION.min_candidate_count]
    ranked = sorted(recurring, key=lambda kv: (-kv[1], kv[0]))[: ATTENTION.max_candidates]
    return [AttentionItem("organisation_candidate", None, None, name, count) for name, count in ranked]


ARTICLE_CHECKS: tuple[Callable[[Iterable[Article], CleaningVocabulary], list[AttentionItem]], ...] = (
    missing_headline,
    unknown_date,
    missing_curation,
    furniture_kept,
)


def article_attention(article: Article, vocabulary: CleaningVocabulary) -> ArticleAttention:
    """The checks that look at one article alone: they run with the per-article stages (in the worker
    processes, cached with the article)."""
    items = tuple(item for check in ARTICLE_CHECKS for item in check((article,), vocabulary))
    return ArticleAttention(items, tuple(unlinked_organisation_names(article)))


def shared_file_names(articles: Sequence[Article]) -> list[AttentionItem]:
    """Published files that share their name with another in a different folder: the curation and the
    registry's citations name a file by its name alone."""
    by_name: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_name[file_name(article.clean.source_file)].append(article)
    return [_item("shared_file_name", article, ", ".join(o.clean.source_file for o in group if o is not article))
            for group in by_name.values() if len(group) > 1 for article in group]


def needs_attention(found: Sequence[ArticleAttention], registry: Registry | None,
                    articles: Sequence[Article] = ()) -> tuple[AttentionItem, ...]:
    """Every item, kind by kind (in the order of KINDS), articles in corpus order (`found` and `articles`
    are in it)."""
    items = [item for article in found for item in article.items] + shared_file_names(articles)
    if registry is not None:
        items += organisation_candidates(found, registry)
    order: list[str] = list(KINDS)
    return tuple(sorted(items, key=lambda item: order.index(item.kind)))
