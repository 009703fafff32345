"""The typed records that flow between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Final, Literal

from .characters import plain_text, visible

if TYPE_CHECKING:
    from .parallel import Timings
    from .registry import Registry

# What a block of an article is.
BlockKind = Literal["heading", "paragraph", "list_item", "quote", "rule", "code"]
# Where a metadata value came from: the article text, the curated YAML, or neither (the value is None).
Provenance = Literal["text", "curated", "unknown"]
# The kinds of source an article (for a translation: its original) can be; a citation differs by kind.
ArticleKind = Literal["news article", "blog post"]
NEWS_ARTICLE: Final = "news article"
BLOG_POST: Final = "blog post"
# What became of an input file.
OutcomeStatus = Literal["published", "duplicate", "rejected"]


def file_name(source_file: str) -> str:
    """A source file's name, the last part of its path (forward slashes): what the curation and the
    registry's citations name it by, in the plain form their keys take (composed: a name written on macOS
    is decomposed, "cafe\u0301", and its curated key typed as "café" is the same name)."""
    return plain_text(source_file.rpartition("/")[2])


@dataclass(frozen=True)
class SourceFile:
    """One raw input file, as read from `seeds/articles/`."""

    path: str  # relative to the repository root, with forward slashes
    data: bytes


@dataclass(frozen=True)
class Removal:
    """One thing the pipeline took out of a text: which rule, where (1-based lines), how much."""

    rule: str
    line_start: int
    line_end: int
    chars: int


@dataclass(frozen=True)
class Repair:
    """One thing the pipeline fixed in place, e.g. a garbled URL replaced by its link target."""

    rule: str
    line: int
    chars: int


@dataclass(frozen=True)
class RemovedLine:
    """A line the clean stage took out, kept for the stages that read facts from it (a byline's
    author, a dateline's date) and for the maintainer's attention list. Never shown on the site."""

    line: int  # 1-based, in the decoded text
    text: str  # stripped
    rule: str


@dataclass(frozen=True)
class DecodedText:
    """ingest's output: a file's text, decoded and normalized."""

    source_file: str
    sha256: str
    text: str
    encoding: str
    removals: tuple[Removal, ...] = ()


@dataclass(frozen=True)
class Rejection:
    """A file that will get no page, and why."""

    source_file: str
    sha256: str
    reason: str


@dataclass(frozen=True)
class Inline:
    """A run of text with uniform formatting; `href` makes it a link."""

    text: str
    href: str | None = None
    strong: bool = False
    em: bool = False
    code: bool = False
    entity: str | None = None  # the id of the registry entity this run names, once linked


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of an article. `line` is its first line in the decoded text."""

    kind: BlockKind
    inlines: tuple[Inline, ...]
    line: int
    level: int = 0  # heading level, or list nesting depth
    ordered: bool = False

    @property
    def text(self) -> str:
        return "".join(inline.text for inline in self.inlines)


@dataclass(frozen=True)
class CleanText:
    """clean's output: the article's own blocks, and an account of what was taken out or fixed."""

    source_file: str
    sha256: str
    source_format: Literal["markdown", "plain"]
    title: str
    blocks: tuple[Block, ...]
    removals: tuple[Removal, ...]
    repairs: tuple[Repair, ...]
    kept_chars: int
    title_line: int = 0  # 1-based line of the headline in the decoded text; 0: no headline found
    removed_lines: tuple[RemovedLine, ...] = ()  # in line order
    # How the raw file was read, with what ingest repaired ("utf-16-le (BOM, 1 invalid byte sequence repaired)")
    encoding: str = ""


@dataclass(frozen=True)
class Detected:
    """detect's output: the clean text with its language (BCP 47) and, for Chinese, its script."""

    clean: CleanText
    language: str  # "zh-Hant", "zh-Hans", "de", "fr", "en", ...
    base_language: str  # "zh", "de", ...


@dataclass(frozen=True)
class Rendition:
    """One script's version of an article: the source's own, or an OpenCC conversion."""

    language: str
    title: str
    blocks: tuple[Block, ...]
    converted: bool


@dataclass(frozen=True)
class Normalized:
    """normalize's output: the detected text and its renditions, the source's own first."""

    detected: Detected
    renditions: tuple[Rendition, ...]


@dataclass(frozen=True)
class Field:
    """A metadata value (a name, a date YYYY-MM-DD, an address) and where it came from: the article
    text, the curated YAML, or neither ("unknown", with the value None)."""

    value: str | None
    provenance: Provenance


@dataclass(frozen=True)
class Translation:
    """What an article translates: the original (its language, title, publisher, author, address and
    date), and who translated it (a named translator, or a machine)."""

    language: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # the original's date, YYYY-MM-DD
    translator: str | None = None
    machine: bool = False


@dataclass(frozen=True)
class Mention:
    """One place an article names a registry entity, in the source's own words."""

    entity: str
    block: int  # 1-based position of the block in the article: its anchor is p<block>
    surface: str  # the words as the source writes them
    sentence: str  # the sentence around them, in the original language
    mistranslation: bool = False


@dataclass(frozen=True)
class Quotation:
    """What one article says about one entity (the quote stage, `quotations.py`): the first whole sentences of its
    prose paragraphs that name it, in each of the article's scripts, its own first."""

    entity: str
    sentences: tuple[tuple[int, tuple[tuple[str, str], ...]], ...]  # (block number, ((script, sentence), ...))
    surfaces: tuple[str, ...]
    mistranslated: tuple[str, ...]
    more: int  # further paragraphs that name the entity, beyond those quoted


@dataclass(frozen=True)
class Article:
    """metadata's output: everything render needs to publish one article."""

    id: str
    normalized: Normalized
    title_en: str
    summary_en: str
    publisher: Field
    author: Field
    published: Field
    original_url: Field
    translated_from: Translation | None
    mentions: tuple[Mention, ...] = ()  # filled by the link stage
    kind: ArticleKind = NEWS_ARTICLE
    retrieved: str | None = None  # curated: the day the source was retrieved, YYYY-MM-DD
    # Filled with the per-article stages (sentence segmentation is costly: it runs in the worker
    # processes and is cached with the article); None: not yet cut.
    quotations: tuple[Quotation, ...] | None = None

    @property
    def dated(self) -> str | None:
        """Where a reader places the article in time: its own date, else, for a translation whose own
        date is not known, its original's."""
        if self.published.value:
            return str(self.published.value)
        return self.translated_from.published if self.translated_from else None

    @cached_property  # asked for by every page and data file that lists the article (4 times per build)
    def entities(self) -> tuple[str, ...]:
        return tuple(sorted({mention.entity for mention in self.mentions}))

    @property
    def clean(self) -> CleanText:
        return self.normalized.detected.clean

    @property
    def display_title(self) -> str:
        """What names the article where it is listed: its English title, else its own, else (a page whose
        headline the clean stage could not find) its file's name, its invisible characters written out as the
        build report writes them (an override in it would read "gnp.exe" as "exe.png")."""
        return self.title_en or self.clean.title or f"Untitled ({visible(self.clean.source_file.rsplit('/', 1)[-1])})"

    @property
    def language(self) -> str:
        return self.normalized.detected.language


@dataclass(frozen=True)
class InputOutcome:
    """One line of the build report: what became of one input file."""

    source_file: str
    sha256: str | None  # None for an entry refused unread (a link, a FIFO, a file over the size limit)
    status: OutcomeStatus
    article: str | None = None
    duplicate_of: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class AttentionItem:
    """One entry of the maintainer's "needs attention" list (attention.py)."""

    kind: str  # a key of attention.KINDS
    source_file: str | None  # None for corpus-wide items (an organisation candidate)
    article: str | None
    detail: str = ""
    count: int = 0  # how often an organisation candidate occurs


@dataclass(frozen=True)
class ArticleAttention:
    """What the checks of attention.py found in one article: its items, and the organisation-shaped names
    in it that its own links do not cover (counted across the corpus at the end of the build)."""

    items: tuple[AttentionItem, ...]
    unlinked_names: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """The pipeline's result: the published articles, the fate of every input, and the registry the
    articles were linked against."""

    articles: tuple[Article, ...]
    outcomes: tuple[InputOutcome, ...]
    cleaned: dict[str, CleanText] = field(default_factory=dict)  # by source_file, for the report
    registry: Registry | None = None
    timings: Timings | None = None  # where the build spent its time
    # Each published article's content key, by source_file: the hash of everything it was made from
    # (the pipeline's cache key), on which rendered pages are memoized across `mkdocs serve` rebuilds.
    article_keys: dict[str, str] = field(default_factory=dict)
    attention: tuple[AttentionItem, ...] = ()  # what a maintainer should look at
