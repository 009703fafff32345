"""Search documents: what one rendered page gives the index (its terms, title, excerpt and links).

The page's HTML is read as a stream of tags and text: page furniture (permalinks, the citation box,
provenance notes, the cleaning report, script switches) is skipped, the title and names weigh more than
the text, and a page contributes at most `MAX_TOKENS` tokens, so that one huge article cannot swamp the
index or the build.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .chinese import simplify_chars
from .search_text import CJK_RUN, HAN_CHAR, TOKEN, WORD, cjk_terms, name_key, word_terms

MAX_TOKENS = 20_000  # tokens (words, CJK characters) one page contributes to the index
EXCERPT_CHARS = 1_200  # characters of a page's text kept to draw its result
RUN_CHARS = 8_192  # characters of text analysed at once


class Kind(StrEnum):
    """What a page is, for ranking: pages are numbered in this order (the worker tells them apart by
    number), and listings rank last unless a query names them."""

    ARTICLE = "article"
    PROFILE = "profile"
    LISTING = "listing"


class Field(StrEnum):
    """The part of a page a text is in; its weight is the term frequency it adds."""

    TITLE = "title"
    NAMES = "names"
    TITLE_EN = "title_en"
    HEADING = "heading"
    SUMMARY = "summary"
    TEXT = "text"


FIELD_WEIGHTS = {Field.TITLE: 6.0, Field.NAMES: 5.0, Field.TITLE_EN: 4.0, Field.HEADING: 2.0,
                 Field.SUMMARY: 2.0, Field.TEXT: 1.0}

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<", re.S)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
          "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "text", "title"}
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_SKIP_TAGS = {"script", "style", "template", "noscript", "button"}
# Page furniture that is not what the page is about: permalinks, the citation box, provenance notes,
# the cleaning report (which never shows removed text anyway), script switches.
_SKIP_CLASSES = {"headerlink", "cite-box", "paragraph-link", "source-link", "provenance", "sha256",
                 "script-switch", "removal-report", "conversion-note"}
_FIELD_CLASSES = {"title-en": Field.TITLE_EN, "summary-en": Field.SUMMARY, "entity-names": Field.NAMES}
_NO_EXCERPT_CLASSES = {"article-meta"}  # indexed (an author's name finds the article), not quoted


@dataclass
class Document:
    """What one page gives the index."""

    url: str  # site-root relative, as MkDocs names it ("articles/x/")
    title: str
    kind: Kind
    excerpt: str
    length: int  # tokens counted (capped)
    terms: Mapping[str, float] = field(default_factory=dict)  # term -> field-weighted frequency
    links: Counter[str] = field(default_factory=Counter)  # profile URL -> entity links to it (articles)
    names: tuple[str, ...] = ()  # name keys (profiles)
    han: frozenset[str] = frozenset()  # the Han characters seen (for the worker's Simplified table)


def page_kind(url: str) -> Kind:
    match url.strip("/").split("/"):
        case ["articles", _, *_]:
            return Kind.ARTICLE
        case ["entities", _]:
            return Kind.PROFILE
    return Kind.LISTING


def _attributes(text: str) -> dict[str, str]:
    attrs = {}
    for match in _ATTR.finditer(text):
        name, *values = match.groups()
        attrs[name.lower()] = html.unescape(next((v for v in values if v is not None), ""))
    return attrs


class _Analyzer:
    """Accumulates one page's terms as its text streams by, within the token budget.

    Text is analysed a run at a time (consecutive text of one language and field, joined by a space,
    which no token spans) and its words counted in C before each distinct one is expanded into terms:
    a page has hundreds of text nodes and repeats its words, and a node at a time in Python was most of
    what indexing a site cost. A run that would cross the token budget is read token by token."""

    def __init__(self) -> None:
        self.counts: dict[float, Counter[str]] = {}  # field weight -> term -> occurrences
        self.tokens = 0
        self.han: set[str] = set()
        self._run: list[str] = []
        self._run_chars = 0
        self._run_key: tuple[str | None, float] = (None, 0.0)

    def add(self, text: str, language: str | None, weight: float) -> None:
        if self.tokens >= MAX_TOKENS:
            return
        if (language, weight) != self._run_key:
            self.flush()
            self._run_key = (language, weight)
        self._run.append(text)
        self._run_chars += len(text)
        if self._run_chars >= RUN_CHARS:
            self.flush()

    def exhausted(self) -> bool:
        """Whether the page has given all the tokens it may. Exact: the text waiting to be analysed is
        analysed first when it could reach the budget (a token is at least a character)."""
        if self.tokens + self._run_chars >= MAX_TOKENS:
            self.flush()
        return self.tokens >= MAX_TOKENS

    def flush(self) -> None:
        """Analyse the text added since the last flush."""
        if not self._run:
            return
        text = unicodedata.normalize("NFKC", " ".join(self._run))
        self._run.clear()
        self._run_chars = 0
        if self.tokens >= MAX_TOKENS:
            return
        language, weight = self._run_key
        counts = self.counts.setdefault(weight, Counter())
        words: list[str] = WORD.findall(text)
        runs: list[str] = CJK_RUN.findall(text)
        tokens = len(words) + sum(map(len, runs))
        if self.tokens + tokens > MAX_TOKENS:
            self._add_tokens(text, language, counts)
            return
        self.tokens += tokens
        for word, n in Counter(words).items():
            for term in word_terms(word, language):
                counts[term] += n
        if runs:
            self.han.update(HAN_CHAR.findall("".join(runs)))
            for run in simplify_chars("\n".join(runs)).split("\n"):  # one character for one: same runs
                counts.update(cjk_terms(run))

    def _add_tokens(self, text: str, language: str | None, counts: Counter[str]) -> None:
        """Token by token, up to the budget."""
        for match in TOKEN.finditer(text):
            cjk, word = match.groups()
            if word:
                self.tokens += 1
                counts.update(word_terms(word, language))
            else:
                cjk = cjk[:MAX_TOKENS - self.tokens]
                self.tokens += len(cjk)
                self.han.update(HAN_CHAR.findall(cjk))
                counts.update(cjk_terms(simplify_chars(cjk)))
            if self.tokens >= MAX_TOKENS:
                return

    @property
    def terms(self) -> dict[str, float]:
        """Term -> field-weighted frequency, of the text flushed."""
        terms: dict[str, float] = {}
        for weight, counts in self.counts.items():
            for term, n in counts.items():
                terms[term] = terms.get(term, 0.0) + weight * n
        return terms


@dataclass(frozen=True)
class _Element:
    """An open element, as it affects the text inside it."""

    tag: str
    skip: bool
    field: Field
    language: str
    quoted: bool  # its text goes into the excerpt


class _Excerpt:
    """The start of a page's text, a block at a time, up to EXCERPT_CHARS."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.chars = 0
        self.block: list[str] = []

    @property
    def full(self) -> bool:
        return self.chars >= EXCERPT_CHARS

    def flush(self) -> None:
        text = " ".join("".join(self.block).split())
        self.block.clear()
        if text and not self.full:
            self.parts.append(text[:EXCERPT_CHARS - self.chars])
            self.chars += len(self.parts[-1]) + 1

    def text(self) -> str:
        return " ".join(self.parts)[:EXCERPT_CHARS]


def document(url: str, content: str, title: str = "", names: Iterable[str] = (),
             language: str = "en") -> Document:
    """A page's search document, from its rendered HTML content (MkDocs' `page.content`)."""
    analyzer = _Analyzer()
    kind = page_kind(url)
    excerpt = _Excerpt()
    first_h1: list[str] | None = None
    h1_done = False
    links: Counter[str] = Counter()
    stack = [_Element("", False, Field.TEXT, language, True)]

    for match in _TAG.finditer(content):
        if excerpt.full and h1_done and analyzer.exhausted():
            break  # the page gave all it may: the rest of a huge page is not even read
        closing, tag, attrs_text, text = match.groups()
        if text is not None or (tag is None and match.group(0) == "<"):
            current = stack[-1]
            if current.skip:
                continue
            text = html.unescape(text if text is not None else "<")
            analyzer.add(text, current.language, FIELD_WEIGHTS[current.field])
            if current.field == Field.TITLE:
                if first_h1 is not None and not h1_done:
                    first_h1.append(text)
            elif current.quoted and not excerpt.full:
                excerpt.block.append(text)
            continue
        if tag is None:  # a comment
            continue
        tag = tag.lower()
        if closing:
            if tag in _BLOCK:
                excerpt.flush()
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == tag:
                    if tag == "h1" and first_h1 is not None:
                        h1_done = True
                    del stack[depth:]
                    break
            continue
        if tag in _BLOCK:
            excerpt.flush()
        if tag in _VOID or attrs_text.rstrip().endswith("/"):
            continue
        attrs = _attributes(attrs_text) if attrs_text.strip() else {}
        parent = stack[-1]
        classes = set(attrs.get("class", "").split())
        skip = parent.skip or tag in _SKIP_TAGS or "data-search-exclude" in attrs or bool(classes & _SKIP_CLASSES)
        field_ = parent.field
        if tag == "h1":
            field_ = Field.TITLE
            if first_h1 is None:
                first_h1 = []
        elif tag in _HEADINGS:
            field_ = Field.HEADING
        for name, value in _FIELD_CLASSES.items():
            if name in classes:
                field_ = value
        if tag == "a" and attrs.get("href") and not skip:
            target = _resolve(url, attrs["href"])
            if "entity" in classes:
                links[target] += 1
            # An article's title, where another page links it (a profile's sources, the home page's list),
            # is that article's text, not this page's: "shutdown" should find the article first.
            skip = kind != Kind.ARTICLE and page_kind(target) == Kind.ARTICLE
        stack.append(_Element(tag, skip, field_, attrs.get("lang", parent.language),
                              parent.quoted and not classes & _NO_EXCERPT_CLASSES))
    excerpt.flush()
    analyzer.flush()
    heading = " ".join("".join(first_h1 or []).split())
    name_keys = tuple(dict.fromkeys(k for k in (name_key(n) for n in names) if k))
    return Document(url=url, title=heading or title, kind=kind, excerpt=excerpt.text(),
                    length=max(1, analyzer.tokens), terms=analyzer.terms, links=links, names=name_keys,
                    han=frozenset(analyzer.han))


def _resolve(page_url: str, href: str) -> str:
    """A link's target as a site-root relative URL ("entities/x/")."""
    path = href.split("#")[0].split("?")[0]
    joined = posixpath.normpath(posixpath.join(page_url or ".", path))
    return "" if joined == "." else joined.lstrip("/") + ("/" if path.endswith("/") else "")
