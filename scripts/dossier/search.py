"""The site's search: a chunked static index, built here, read by a small worker in the browser.

Material for MkDocs' search downloads and parses one lunr index of the whole site before the first
result (33 MB at 5,000 articles). This index is cut into files instead, and the browser fetches only
what a query needs:

- `search/dossier/manifest.json`: the first term of each chunk, the number of pages of each kind, the
  Traditional -> Simplified table of the corpus' characters; a few kilobytes, loaded with the page.
- `search/dossier/c/<n>.bin`: the terms, sorted, cut into chunks of about 16 KB; each term with its
  postings (page, weight). A query reads the one chunk each of its terms falls in.
- `search/dossier/f/<page>.json`: a page's URL, title and the start of its text: fetched for the
  results shown, to draw them.

The worker (templates/assets/search-worker.js.j2) answers Material's search UI in its own message
protocol, so the look is Material's. Index and query are analysed alike (the worker gets the same
tables from `analysis_config()`):

- text is NFKC-normalized; a token is a run of CJK characters (Han, kana, hangul) or a run of letters,
  marks and digits;
- a word is lower-cased and its accents folded (`infirmières` -> `infirmieres`); it is indexed as it
  is, by its stem in the language of the text around it (lang attributes; `stemming.py`: the stems
  the browser computes too), and by the parts of a CamelCase word (`PillPack` -> `pill`, `pack`);
- a CJK run is indexed by its characters and its overlapping bigrams, each character in its
  Simplified form: either script finds both, and a word inside a longer run is found (关爱 in 亚马逊关爱);
- each name of a profile is one key (`=amazon care`, `=亚马逊`) that leads to the profile and to the
  articles that link it: a query that is a company's name finds its profile first, then the articles
  that mention it, in any language.

Weights are BM25's, with the title and names counting more; a page contributes at most
`MAX_TOKENS` tokens, so that one huge article cannot swamp the index or the build.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import posixpath
import re
import shutil
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import material
import regex
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .chinese import TRADITIONAL, convert, simplify_chars
from .stemming import LANGUAGES, stemmer

# --- analysis (the worker implements the same, from the same tables) ----------------------------------

# CJK: Hangul Jamo, kana, Hangul compatibility Jamo, kana extensions, CJK Extension A, unified ideographs,
# Hangul syllables, compatibility ideographs, and the supplementary ideograph planes.
CJK_RANGES = ((0x1100, 0x11FF), (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
              (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
# Letters no decomposition takes apart, folded by hand (the same table goes to the worker).
FOLD = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i",
        "ħ": "h", "ŧ": "t", "ŋ": "n"}
MAX_TERM = 40  # characters of a term; longer words are cut (query words alike)
MAX_TOKENS = 20_000  # tokens (words, CJK characters) one page contributes to the index
EXCERPT_CHARS = 1_200  # characters of a page's text kept to draw its result
CHUNK_BYTES = 16_384  # target size of an index chunk
FIELD_WEIGHTS = {"title": 6.0, "names": 5.0, "title_en": 4.0, "heading": 2.0, "summary": 2.0, "text": 1.0}
BM25_K1, BM25_B = 1.2, 0.75
MAX_WEIGHT = BM25_K1 + 1  # BM25's term weight never reaches it; weights are stored as 1..255 of it


def _class(ranges) -> str:
    return "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)


_CJK = _class(CJK_RANGES)
TOKEN = regex.compile(rf"([{_CJK}]+)|((?:(?![{_CJK}])[\p{{L}}\p{{M}}\p{{N}}])+)")
_HAN = regex.compile(rf"[{_class(HAN_RANGES)}]")
_MARKS = regex.compile(r"\p{Mn}+")
_FOLD_TABLE = str.maketrans(FOLD)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _cut(term: str) -> str:
    return term[:MAX_TERM]


@lru_cache(maxsize=1 << 18)
def fold(word: str) -> str:
    """Lower case, accents removed: what a word is indexed and looked up as."""
    return _MARKS.sub("", unicodedata.normalize("NFD", word.lower())).translate(_FOLD_TABLE)


@lru_cache(maxsize=1 << 18)
def word_terms(word: str, language: str | None) -> tuple[str, ...]:
    """The terms one word of text is indexed by: itself, its stem, its CamelCase parts."""
    surface = _cut(fold(word))
    terms = [surface]
    stem = stemmer(language)
    if stem:
        stemmed = _cut(fold(stem(word.lower())))
        if stemmed and stemmed != surface:
            terms.append(stemmed)
    parts = _CAMEL.split(word)
    if len(parts) > 1:
        terms += [p for p in (_cut(fold(part)) for part in parts) if p and p != surface]
    return tuple(dict.fromkeys(terms))


def cjk_terms(chars: str) -> list[str]:
    """A CJK run (already Simplified): its characters and overlapping bigrams."""
    terms = list(chars)
    terms += [chars[i:i + 2] for i in range(len(chars) - 1)]
    return terms


def name_key(name: str) -> str:
    """A name as one key: its words folded, CJK in Simplified form, words apart by one space and CJK
    runs joined to their neighbours (伯克希尔·哈撒韦 and 伯克希尔哈撒韦 are one key)."""
    key = ""
    previous_word = False
    for match in TOKEN.finditer(unicodedata.normalize("NFKC", name)):
        cjk, word = match.groups()
        if word:
            key += (" " if previous_word else "") + fold(word)
        else:
            key += simplify_chars(cjk)
        previous_word = bool(word)
    return key[:2 * MAX_TERM]


def analysis_config() -> dict:
    """The analysis tables, for the worker: it must cut and fold a query exactly as the index was."""
    return {
        "cjk": [[lo, hi] for lo, hi in CJK_RANGES],
        "han": [[lo, hi] for lo, hi in HAN_RANGES],
        "fold": FOLD,
        "maxTerm": MAX_TERM,
        "stem": list(LANGUAGES),
    }


# --- pages -> documents ------------------------------------------------------------------------------

ARTICLE, PROFILE, LISTING = "article", "profile", "listing"
_KIND_ORDER = {ARTICLE: 0, PROFILE: 1, LISTING: 2}

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<", re.S)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
          "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "text", "title"}
_SKIP_TAGS = {"script", "style", "template", "noscript", "button"}
# Page furniture that is not what the page is about: permalinks, the citation box, provenance notes,
# the cleaning report (which never shows removed text anyway), script switches.
_SKIP_CLASSES = {"headerlink", "cite-box", "paragraph-link", "source-link", "provenance", "sha256",
                 "script-switch", "removal-report", "conversion-note"}
_FIELD_CLASSES = {"title-en": "title_en", "summary-en": "summary", "entity-names": "names"}
_NO_EXCERPT_CLASSES = {"article-meta"}  # indexed (an author's name finds the article), not quoted


@dataclass
class Document:
    """What one page gives the index."""

    url: str  # site-root relative, as MkDocs names it ("articles/x/")
    title: str
    kind: str
    excerpt: str
    length: int  # tokens counted (capped)
    terms: Counter = field(default_factory=Counter)  # term -> field-weighted frequency
    links: Counter = field(default_factory=Counter)  # profile URL -> entity links to it (articles)
    names: tuple[str, ...] = ()  # name keys (profiles)
    han: frozenset = frozenset()  # the Han characters seen (for the worker's Simplified table)


def page_kind(url: str) -> str:
    parts = url.strip("/").split("/")
    if parts[0] == "articles" and len(parts) >= 2:
        return ARTICLE
    if parts[0] == "entities" and len(parts) == 2:
        return PROFILE
    return LISTING


def _attributes(text: str) -> dict[str, str]:
    attrs = {}
    for match in _ATTR.finditer(text):
        name, *values = match.groups()
        attrs[name.lower()] = html.unescape(next((v for v in values if v is not None), ""))
    return attrs


class _Analyzer:
    """Accumulates one page's terms as its text streams by, within the token budget."""

    def __init__(self):
        self.terms: Counter = Counter()
        self.tokens = 0
        self.han: set[str] = set()

    def add(self, text: str, language: str | None, weight: float) -> None:
        if self.tokens >= MAX_TOKENS:
            return
        for match in TOKEN.finditer(unicodedata.normalize("NFKC", text)):
            cjk, word = match.groups()
            if word:
                self.tokens += 1
                for term in word_terms(word, language):
                    self.terms[term] += weight
            else:
                room = MAX_TOKENS - self.tokens
                cjk = cjk[:room]
                self.tokens += len(cjk)
                self.han.update(_HAN.findall(cjk))
                for term in cjk_terms(simplify_chars(cjk)):
                    self.terms[term] += weight
            if self.tokens >= MAX_TOKENS:
                return


def document(url: str, content: str, title: str = "", names: Iterable[str] = (),
             language: str = "en") -> Document:
    """A page's search document, from its rendered HTML content (MkDocs' `page.content`)."""
    analyzer = _Analyzer()
    kind = page_kind(url)
    excerpt: list[str] = []
    excerpt_chars = 0
    first_h1: list[str] | None = None
    h1_done = False
    links: Counter = Counter()
    # Element stack: (tag, skip, field, language, quoted in the excerpt)
    stack: list[tuple[str, bool, str, str, bool]] = [("", False, "text", language, True)]
    block: list[str] = []

    def flush():
        nonlocal excerpt_chars
        text = " ".join("".join(block).split())
        block.clear()
        if text and excerpt_chars < EXCERPT_CHARS:
            excerpt.append(text[:EXCERPT_CHARS - excerpt_chars])
            excerpt_chars += len(excerpt[-1]) + 1

    for match in _TAG.finditer(content):
        if analyzer.tokens >= MAX_TOKENS and excerpt_chars >= EXCERPT_CHARS and h1_done:
            break  # the page gave all it may: the rest of a huge page is not even read
        closing, tag, attrs_text, text = match.groups()
        if text is not None or (tag is None and match.group(0) == "<"):
            _, skip, field_, lang, quoted = stack[-1]
            if skip:
                continue
            text = html.unescape(text if text is not None else "<")
            weight = FIELD_WEIGHTS[field_]
            if analyzer.tokens < MAX_TOKENS:
                analyzer.add(text, lang, weight)
            if field_ == "title":
                if first_h1 is not None and not h1_done:
                    first_h1.append(text)
            elif quoted and excerpt_chars < EXCERPT_CHARS:
                block.append(text)
            continue
        if tag is None:  # a comment
            continue
        tag = tag.lower()
        if closing:
            if tag in _BLOCK:
                flush()
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0] == tag:
                    if tag == "h1" and first_h1 is not None:
                        h1_done = True
                    del stack[depth:]
                    break
            continue
        if tag in _BLOCK:
            flush()
        if tag in _VOID or attrs_text.rstrip().endswith("/"):
            continue
        attrs = _attributes(attrs_text)
        _, skip, field_, lang, quoted = stack[-1]
        classes = set(attrs.get("class", "").split())
        quoted = quoted and not classes & _NO_EXCERPT_CLASSES
        skip = skip or tag in _SKIP_TAGS or "data-search-exclude" in attrs or bool(classes & _SKIP_CLASSES)
        lang = attrs.get("lang", lang)
        if tag == "h1":
            field_ = "title"
            if first_h1 is None:
                first_h1 = []
        elif tag in ("h2", "h3", "h4", "h5", "h6"):
            field_ = "heading"
        for name, value in _FIELD_CLASSES.items():
            if name in classes:
                field_ = value
        if tag == "a" and attrs.get("href") and not skip:
            target = _resolve(url, attrs["href"])
            if "entity" in classes:
                links[target] += 1
            # An article's title, where another page links it (a profile's sources, the home page's list),
            # is that article's text, not this page's: "shutdown" should find the article first.
            skip = kind != ARTICLE and page_kind(target) == ARTICLE
        stack.append((tag, skip, field_, lang, quoted))
    flush()
    heading = " ".join("".join(first_h1 or []).split())
    name_keys = tuple(dict.fromkeys(k for k in (name_key(n) for n in names) if k))
    return Document(
        url=url,
        title=heading or title,
        kind=kind,
        excerpt=" ".join(excerpt)[:EXCERPT_CHARS],
        length=max(1, analyzer.tokens),
        terms=analyzer.terms,
        links=links,
        names=name_keys,
        han=frozenset(analyzer.han),
    )


def _resolve(page_url: str, href: str) -> str:
    """A link's target as a site-root relative URL ("entities/x/")."""
    path = href.split("#")[0].split("?")[0]
    joined = posixpath.normpath(posixpath.join(page_url or ".", path))
    return "" if joined == "." else joined.lstrip("/") + ("/" if path.endswith("/") else "")


# --- documents -> index files ------------------------------------------------------------------------


def _varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def _utf16_key(term: str) -> bytes:
    """Sort order of JavaScript's string comparison (UTF-16 code units), which the worker searches by."""
    return term.encode("utf-16-be")


def simplified_map(texts: Iterable[str]) -> dict[str, str]:
    """Character -> Simplified character, for every Han character of `texts` whose form differs, and
    for the Traditional forms of their Simplified ones (a query may be written in either)."""
    chars: set[str] = set()
    for text in texts:
        chars.update(_HAN.findall(text))
    chars |= {t for t in (convert(ch, TRADITIONAL) for ch in chars) if len(t) == 1}
    return {ch: simple for ch in sorted(chars) if (simple := simplify_chars(ch)) != ch}


def read_chunk(data: bytes) -> dict[str, list[tuple[int, int]]]:
    """An index chunk decoded: term -> [(page, weight)] (what the worker reads; for tests and tools)."""
    terms, at = {}, 0

    def varint() -> int:
        nonlocal at
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    while at < len(data):
        length = varint()
        term = data[at:at + length].decode("utf-8")
        at += length
        page, items = 0, []
        for _ in range(varint()):
            page += varint()
            items.append((page, data[at]))
            at += 1
        terms[term] = items
    return terms


def lookup(directory: Path, term: str) -> list[tuple[int, int]]:
    """The postings of `term` in the index written into `directory` (tests and tools)."""
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    keys = [_utf16_key(first) for first in manifest["chunks"]]
    chunk = max((n for n, key in enumerate(keys) if key <= _utf16_key(term)), default=None)
    if chunk is None:
        return []
    return read_chunk((directory / "c" / f"{chunk}.bin").read_bytes()).get(term, [])


@dataclass(frozen=True)
class IndexStats:
    documents: int
    terms: int
    chunks: int
    bytes: int


def write_index(documents: Iterable[Document], directory: Path) -> IndexStats:
    """Write the index of `documents` into `directory` (replacing what it held). Same documents, same
    bytes: pages are numbered in (kind, URL) order and terms sorted."""
    docs = sorted(documents, key=lambda d: (_KIND_ORDER[d.kind], d.url))
    ids = {d.url: n for n, d in enumerate(docs)}
    average = sum(d.length for d in docs) / len(docs) if docs else 1.0
    postings: dict[str, list[tuple[int, int]]] = {}

    def quantized(tf: float, length: int) -> int:
        weight = tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * length / average))
        return max(1, min(255, round(weight / MAX_WEIGHT * 255)))

    mentions: dict[int, list[tuple[int, int]]] = {}  # profile -> the articles that link it
    for n, doc in enumerate(docs):
        for term, tf in doc.terms.items():
            postings.setdefault(term, []).append((n, quantized(tf, doc.length)))
        if doc.kind == ARTICLE:
            for target, count in doc.links.items():
                if target in ids and docs[ids[target]].kind == PROFILE:
                    mentions.setdefault(ids[target], []).append((n, quantized(count * 2.0, doc.length)))
    # A name's key leads to its profile and, in the same entry (one fetch), to the articles that mention
    # it: pages are numbered articles first, so the worker tells them apart by number.
    for n, doc in enumerate(docs):
        for key in doc.names:
            postings.setdefault("=" + key, []).extend([(n, 255), *mentions.get(n, [])])
    if directory.exists():
        shutil.rmtree(directory)
    (directory / "c").mkdir(parents=True)
    (directory / "f").mkdir()
    digest = hashlib.sha256()
    chunks: list[str] = []
    current = bytearray()
    total = 0

    def close_chunk():
        nonlocal current, total
        if current:
            (directory / "c" / f"{len(chunks) - 1}.bin").write_bytes(bytes(current))
            digest.update(current)
            total += len(current)
            current = bytearray()

    for term in sorted(postings, key=_utf16_key):
        entry = bytearray()
        encoded = term.encode("utf-8")
        _varint(len(encoded), entry)
        entry += encoded
        items = sorted(dict(postings[term]).items())  # one posting per page
        _varint(len(items), entry)
        previous = 0
        for doc_id, weight in items:
            _varint(doc_id - previous, entry)
            entry.append(weight)
            previous = doc_id
        if not chunks or len(current) + len(entry) > CHUNK_BYTES and current:
            close_chunk()
            chunks.append(term)
        current += entry
    close_chunk()
    for n, doc in enumerate(docs):
        fragment = json.dumps({"u": doc.url, "t": doc.title, "x": doc.excerpt}, ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
        (directory / "f" / f"{n}.json").write_bytes(fragment)
        digest.update(fragment)
        total += len(fragment)
    kinds = Counter(d.kind for d in docs)
    han = sorted(set().union(*(d.han for d in docs))) if docs else []
    manifest = {
        "documents": len(docs),
        "articles": kinds[ARTICLE],
        "profiles": kinds[PROFILE],
        # Listing pages (home, profiles index, timeline, …) rank after articles and profiles unless the
        # query names them: the worker needs their titles.
        "listings": {str(ids[d.url]): d.title for d in docs if d.kind == LISTING},
        "chunks": chunks,
        "simplified": simplified_map(han),
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest.update(body.encode("utf-8"))
    manifest["version"] = digest.hexdigest()[:16]
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    (directory / "manifest.json").write_text(text, encoding="utf-8")
    return IndexStats(len(docs), len(postings), len(chunks), total + len(text.encode("utf-8")))


# --- the plugin's side -----------------------------------------------------------------------------------

WORKER = "assets/javascripts/workers/dossier-search.js"  # overrides/main.html points Material at it
STEMMERS = "assets/javascripts/workers/dossier-stemmers.js"  # the dossier worker loads it
ENGINES = ("dossier", "lunr")


class SiteIndex:
    """The search documents of a site's pages, kept across `mkdocs serve` rebuilds: a page MkDocs does
    not render again (under --dirty) keeps its document, one rendered again is analysed again only if
    its content changed, and the index is written from the pages the site has now."""

    def __init__(self):
        self.documents: dict[str, tuple[int, Document]] = {}
        self.names: dict[str, tuple[str, ...]] = {}  # profile URL -> the entity's names

    def add_page(self, page, content: str) -> None:
        """Index a rendered page (unless its front matter says `search: {exclude: true}`), and take it
        out of Material's own index, which would otherwise be built and downloaded as well."""
        settings = page.meta.get("search") or {}
        page.meta["search"] = {**settings, "exclude": True}
        if settings.get("exclude"):
            self.documents.pop(page.url, None)
            return
        names = self.names.get(page.url, ())
        title = html.unescape(str(page.title or ""))  # front matter arrives HTML-escaped
        key = hash((content, title, names))
        known = self.documents.get(page.url)
        if known is None or known[0] != key:
            self.documents[page.url] = (key, document(page.url, content, title, names))

    def write(self, directory: Path, urls: set[str]) -> IndexStats:
        for url in [url for url in self.documents if url not in urls]:  # a page the site no longer has
            del self.documents[url]
        return write_index((doc for _, doc in self.documents.values()), directory)


def corpus_texts(corpus) -> Iterable[str]:
    """Every text the lunr engine's index can hold: article renditions and registry names."""
    for article in corpus.articles:
        for rendition in article.normalized.renditions:
            yield rendition.title
            yield from (block.text for block in rendition.blocks)
    for entity in corpus.registry.entities if corpus.registry else ():
        yield from entity.surface_forms


def _environment(templates: Path) -> Environment:
    return Environment(loader=FileSystemLoader(templates), autoescape=False, undefined=StrictUndefined,
                       keep_trailing_newline=True)


def worker_scripts(engine: str, templates: Path, texts: Iterable[str]) -> dict[str, str]:
    """The search worker Material's UI talks to (the dossier engine's, or the lunr wrapper, which needs
    the texts of the site for its Simplified table), and what it loads, by site path."""
    env = _environment(templates)
    if engine == "lunr":
        return {WORKER: env.get_template("assets/search-worker-lunr.js.j2").render(
            simplified_map=simplified_map(texts), material_worker=material_worker())}
    return {
        WORKER: env.get_template("assets/search-worker.js.j2").render(
            analysis=analysis_config(), stemmers=posixpath.basename(STEMMERS)),
        STEMMERS: env.get_template("assets/search-stemmers.js.j2").render(scripts=_lunr_languages()),
    }


def _lunr_languages() -> str:
    """lunr-languages' stemmer support and the stemmers of LANGUAGES, from Material's vendored copy."""
    directory = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    names = ["lunr.stemmer.support.min.js"] + [f"lunr.{language}.min.js" for language in LANGUAGES if language != "en"]
    return "\n;\n".join((directory / name).read_text(encoding="utf-8").strip() for name in names) + "\n"


def material_worker() -> str:
    """File name of Material's search worker (it carries a content hash that changes by release): the
    dossier worker loads it for lunr's stemmers, the lunr engine wraps it."""
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (worker,) = sorted(workers.glob("search.*.min.js"))
    return worker.name
