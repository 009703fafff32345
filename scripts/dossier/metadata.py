"""Stage 5, metadata: who, what, when for each article.

What the text states is extracted from the page's own datelines, bylines, masthead and copyright lines
(the signals are in `datelines`, each named and tested; dates are read by dateparser in the article's
language). The curated YAML (`seeds/articles.yml`) is optional for every article: it supplies an English
title and summary where a maintainer wrote them, and corrects the automation for one article (its
headline, its publisher, author, date, original) where the text is silent or read wrongly. Every value
records whether it came from the text or from curation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from .chinese import convert
from .curation import check_date, load_yaml, validate
from .datelines import (
    LIMITS,
    bio_name,
    byline_name,
    date_order,
    dateline,
    has_cjk,
    is_prose,
    is_rights_line,
    lead_byline,
    names_agree,
    native_form,
    opens_with_byline_marker,
    outlet_name,
    person_name,
    plain_word,
    rights_holder,
    script_of,
    segments_keeping_colons,
    sign_off_name,
    site_name,
    source_name,
    title_case,
)
from .detect import detect_language
from .records import BLOG_POST, NEWS_ARTICLE, Article, CleanText, Field, Normalized, Translation

_OPTIONAL_TEXT = {"type": ["string", "null"], "minLength": 1}
_LINES = {"type": "array", "items": {"type": "string", "minLength": 1, "pattern": r"\S"}, "uniqueItems": True}
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}  # and a calendar date (load_curation)
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["articles"],
    "properties": {
        "articles": {
            "type": ["object", "null"],
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "title": {"type": "string", "minLength": 1, "pattern": r"\S"},
                    "title_en": {"type": "string", "minLength": 1},
                    "summary_en": {"type": "string", "minLength": 1},
                    "publisher": _OPTIONAL_TEXT,
                    "author": _OPTIONAL_TEXT,
                    "published": _DATE,
                    "retrieved": _DATE,
                    "kind": {"enum": [NEWS_ARTICLE, BLOG_POST]},
                    "original_url": {"type": ["string", "null"], "pattern": r"^https?://\S+$"},
                    "translated_from": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["language"],
                        "properties": {
                            "language": {"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
                            "title": _OPTIONAL_TEXT,
                            "publisher": _OPTIONAL_TEXT,
                            "author": _OPTIONAL_TEXT,
                            "url": {"type": ["string", "null"], "pattern": r"^https?://\S+$"},
                            "published": _DATE,
                            "translator": _OPTIONAL_TEXT,
                            "machine": {"type": "boolean"},
                        },
                    },
                    "drop_lines": _LINES,
                    "keep_lines": _LINES,
                },
            },
        }
    },
}


def load_curation(path: Path, source_names: set[str]) -> dict[str, dict]:
    """Curated metadata by source file name, validated; an entry for a file that is not there fails,
    and so does a line a maintainer asks both to drop and to keep."""
    document = load_yaml(path)
    validate(document, SCHEMA)
    entries = document.data["articles"] or {}
    for name, entry in entries.items():
        if name not in source_names:
            raise document.error(["articles", name], "no such file under seeds/articles/")
        for field_path in (["published"], ["retrieved"], ["translated_from", "published"]):
            check_date(document, ["articles", name, *field_path])
        dropped = {line.strip() for line in entry.get("drop_lines", ())}
        for index, line in enumerate(entry.get("keep_lines", ())):
            if line.strip() in dropped:
                raise document.error(["articles", name, "keep_lines", index],
                                     f"also listed under drop_lines: {line.strip()!r}")
    return entries


# A file directly in seeds/articles/ whose name is already a slug and ends in .txt: its id is the slug.
_PLAIN_NAME = re.compile(r"seeds/articles/([a-z0-9_]+(?:-[a-z0-9_]+)*)\.txt")
_SLUG_MAX_CHARS = 48  # with the hash, an id stays well within a file name's 255 bytes


def article_id(source_file: str) -> str:
    """The article's id (its URL), from its file's path alone, so that adding, removing or renaming
    another file never changes it. A plain name keeps its slug (seeds/articles/000_8c560dd54438cdbd.txt
    → 000_8c560dd54438cdbd). Any other path (another extension, capitals, spaces, accents, another
    script, a subfolder) gives a slug of its name, letters of every script kept and Latin accents
    dropped, then `--` and 8 hex digits of the path's SHA-256 (中文.txt → 中文--1b2c3d4e): a plain slug
    never holds `--`, so no two files can claim one id."""
    plain = _PLAIN_NAME.fullmatch(source_file)
    if plain:
        return plain.group(1)
    stem = unicodedata.normalize("NFC", PurePosixPath(source_file).stem)
    slug = re.sub(r"-+", "-", "".join(_slug_char(ch) for ch in stem.casefold())).strip("-")
    digest = hashlib.sha256(source_file.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug[:_SLUG_MAX_CHARS].strip('-') or 'article'}--{digest}"


def _slug_char(ch: str) -> str:
    """A letter, digit or mark as it stands (a Latin letter without its accent: Ü → u); anything else a
    hyphen."""
    base = unicodedata.normalize("NFKD", ch)[0]
    if base.isascii():
        return base if base.isalnum() or base == "_" else "-"
    return ch if unicodedata.category(ch)[0] in "LNM" else "-"


@dataclass(frozen=True)
class Extracted:
    """What the text states about itself; None where it does not."""

    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    original_url: str | None = None
    original_title_language: str | None = None


@dataclass(frozen=True)
class PageLine:
    """One line of the page as the clean stage left it: the headline, a block of the article, or a
    line it removed (bylines, datelines, mastheads, copyright lines are among those)."""

    number: int
    text: str
    kind: str  # "title" | "block" | "removed"

    @property
    def prose(self) -> bool:
        return self.kind == "block" and is_prose(self.text)


@dataclass(frozen=True)
class Page:
    """Where a page states facts about itself: the head (everything up to the article's second
    paragraph of prose after the headline), the masthead (the first lines, before the headline) and
    the foot (everything after the last paragraph of prose)."""

    lines: tuple[PageLine, ...]
    head: tuple[PageLine, ...]
    masthead: tuple[PageLine, ...]
    foot: tuple[PageLine, ...]
    tail: tuple[PageLine, ...] = ()  # the page's last lines when they are not all foot (a notice kept as text)


def page_lines(clean: CleanText) -> tuple[PageLine, ...]:
    """Blocks and removed lines in line order, with the headline where it stood. A clean stage that
    leaves bylines in the blocks is read the same way as one that removes them."""
    lines = [PageLine(r.line, r.text.strip(), "removed") for r in clean.removed_lines if r.text.strip()]
    lines += [PageLine(b.line, b.text.strip(), "block") for b in clean.blocks if b.text.strip()]
    if clean.title and clean.title_line:
        lines.append(PageLine(clean.title_line, clean.title.strip(), "title"))
    elif clean.title:  # a headline of unknown place (a clean stage that records none) may be a masthead
        lines.append(PageLine(0, clean.title.strip(), "removed"))
    order = {"title": 0, "removed": 1, "block": 2}
    return tuple(sorted(lines, key=lambda line: (line.number, order[line.kind])))


def page(clean: CleanText) -> Page:
    """The clean text's lines, divided into the zones where pages state facts about themselves."""
    lines = page_lines(clean)
    title = next((n for n, line in enumerate(lines) if line.kind == "title"), -1)
    head_end, prose = len(lines), 0
    for n in range(title + 1, len(lines)):
        if n - title > LIMITS.head_max_lines:
            head_end = n
            break
        if lines[n].prose:
            prose += 1
            if prose >= LIMITS.head_prose_blocks:
                head_end = n
                break
    if title >= 0:
        top = lines[:title]
    else:
        first_prose = next((n for n, line in enumerate(lines) if line.prose), len(lines))
        top = lines[:first_prose]
    # a copyright line long enough to read as prose does not end the article
    last_prose = max((n for n, line in enumerate(lines) if line.prose and not is_rights_line(line.text)),
                     default=-1)
    foot_start = max(last_prose + 1, head_end)
    tail_start = max(min(foot_start, len(lines) - LIMITS.foot_tail_lines), head_end)
    head = tuple(line for line in lines[:head_end] if line.kind != "title")
    return Page(lines, head, tuple(top[: LIMITS.site_lines]), lines[foot_start:], lines[tail_start:foot_start])


def extract(clean: CleanText, language: str = "und") -> Extracted:
    """What a page states about itself: its date, its outlet, its author, its original's address.

    `language` (BCP 47) restricts date parsing to the article's language; the page's other dates settle
    the day/month order of an ambiguous numeric one (`date_order`). The signals are in `datelines`;
    here they are ranked: an explicit marker ("By", "来源：") beats a position (a name beside a dateline,
    a masthead), and a masthead counts when a copyright line, or the footer, repeats it.
    """
    layout = page(clean)
    order = date_order([line.text for line in layout.lines], language)
    datelines = [(line, found) for line in layout.head if not line.prose
                 for found in [dateline(line.text, language, order)] if found]
    found_on = {line.number: found for line, found in datelines}
    bylines = [(line, name) for line in layout.head
               for name in [lead_byline(line.text) if line.prose
                            else byline_name(line.text) or _dateline_byline(found_on.get(line.number))] if name]
    holders = _holders(layout.foot)
    author, author_line = _author(layout, datelines, bylines, holders + _holders(layout.tail))
    used = {line.number for line, _ in datelines} | {line.number for line, _ in bylines}
    if author_line is not None:
        used.add(author_line.number)
    publisher = _publisher(layout, datelines, language, used, holders)
    if publisher and author and publisher == author:
        publisher = None
    return Extracted(
        published=_published(layout, datelines, language, order),
        publisher=publisher,
        author=author,
        original_url=_original_url(layout),
    )


def _dateline_byline(found) -> str | None:
    """A byline inside a dateline's remainder ("Posted on 14 May 2021 by Jane Doe")."""
    if found is None:
        return None
    return next((name for part in found.parts for name in [byline_name(part)] if name), None)


def _holders(lines: tuple[PageLine, ...]) -> list[str]:
    """The copyright holders these lines name, the last line's first (a site's own line ends the page)."""
    return [holder for line in reversed(lines) for holder in [rights_holder(line.text)] if holder]


def _published(layout: Page, datelines: list, language: str, order: str | None = None) -> str | None:
    """The first publication date of the head's datelines; failing that, a bare date in the foot."""
    for _line, found in datelines:
        if found.published:
            return found.published.isoformat()
    for line in layout.foot:
        found = dateline(line.text, language, order)
        if found and found.published and not found.parts:
            return found.published.isoformat()
    return None


def _author(layout: Page, datelines: list, bylines: list,
            holders: list[str]) -> tuple[str | None, PageLine | None]:
    """A byline's name (a byline inside a dateline among them); else a name standing alone beside a
    dateline (unless the copyright line says it is the outlet's); else a name inside a dateline; else a
    byline in the foot; else the late signals of `_late_author`."""
    if bylines:
        return bylines[0][1], bylines[0][0]
    lines = list(layout.lines)
    position = _first_positions(lines)  # lines.index per dateline: quadratic
    for line, _found in datelines:
        n = position[line]
        for neighbour in (lines[n - 1] if n else None, lines[n + 1] if n + 1 < len(lines) else None):
            if neighbour and neighbour.kind != "title" and not neighbour.prose and person_name(neighbour.text) \
                    and not opens_with_byline_marker(neighbour.text) \
                    and not any(names_agree(neighbour.text, holder) for holder in holders):
                return neighbour.text, neighbour
    for _line, found in datelines:
        for part in found.parts:
            if person_name(part) and not opens_with_byline_marker(part):
                return part, None
    for line in layout.foot:
        name = None if line.prose else byline_name(line.text)
        if name:
            return name, line
    return _late_author(layout)


def _late_author(layout: Page) -> tuple[str | None, PageLine | None]:
    """Where the head and the foot name no one: a byline standing on its own line further down ("Written
    by …" above an author box); a name line over a bio that opens with it; a sign-off after the last
    paragraph."""
    lines = list(layout.lines)
    after_head = lines[lines.index(layout.head[-1]) + 1:] if layout.head else lines
    for line in after_head:
        name = None if line.prose or line.kind == "title" else byline_name(line.text)
        if name:
            return name, line
    last_prose = max((n for n, line in enumerate(lines) if line.prose), default=-1)
    foot = set(layout.foot)  # a tuple searched for every line: quadratic
    for n, line in enumerate(lines[:-1]):  # the bio is the page's last paragraph, not a profile's
        following = lines[n + 1]
        if line.prose or line.kind == "title" or not (n + 1 == last_prose or following in foot):
            continue
        name = bio_name(line.text, following.text)
        if name:
            return name, line
    page_text = "\n".join(line.text for line in lines)
    for line in layout.foot:
        if is_prose(line.text):
            continue  # a caption under the last photo
        name = sign_off_name(line.text, page_text)
        return (name, line) if name else (None, None)
    return None, None


def _publisher(layout: Page, datelines: list, language: str, used: set[int], holders: list[str]) -> str | None:
    """The outlet: a source marker on or beside a dateline; else a masthead a copyright line agrees
    with (in the masthead's words, less what only one of them adds); else a masthead the footer repeats
    as one of its parts (never a lone ordinary word: a menu repeats "Health"); else a source marker in
    the foot; else the source a CJK dateline names; else the copyright holder, unless its name is in
    another script than the article and the top masthead names the outlet in the article's own; else
    a masthead alone (a lone ordinary word, "Fermer", only where the page names it again). A copyright
    line among the page's last lines but above some prose (a notice kept as text, a photo credit above
    the last paragraph) counts only where a masthead agrees with it."""
    near_dates = _beside(layout, [line for line, _ in datelines])
    head_source, foot_source = _source(near_dates), _source(layout.foot)
    if head_source:
        return native_form(head_source, language)
    sites = [site for line in layout.masthead if line.number not in used
             for site in [site_name(line.text)] if site]
    for holder in holders + _holders(layout.tail):
        for site in sites:
            if names_agree(site, holder):
                chosen = holder if _fold_in(holder, site) else site
                return native_form(chosen, language)
    masthead = {line.number for line in layout.masthead}
    footer = [line for line in layout.foot + layout.tail if line.number not in masthead]
    repeated = [site for site in sites if not plain_word(site) and _repeated(site, footer)]
    if repeated:
        return native_form(repeated[0], language)
    if foot_source:
        return native_form(foot_source, language)
    for _line, found in datelines:
        for part in found.parts:
            if has_cjk(part) and outlet_name(part) and not person_name(part) and not byline_name(part):
                return native_form(part, language)
    if holders:
        own_script = script_of(" ".join(line.text for line in layout.lines if line.prose))
        top = sites[0] if sites else ""
        if own_script and script_of(holders[0]) != own_script and script_of(top) == own_script \
                and _masthead_like(top) and not plain_word(top):
            return native_form(top, language)  # the outlet's name in its own script, not its name abroad
        return native_form(holders[0], language)
    elsewhere = [line for line in layout.lines if line.number not in masthead]
    for site in sites:
        if not _masthead_like(site):  # "Skip to content" is no masthead
            continue
        if plain_word(site) and not _mentions(elsewhere, site):
            continue  # a lone ordinary word ("Fermer", "Menu") names an outlet only when the page repeats it
        return native_form(site, language)
    return None


def _masthead_like(site: str) -> bool:
    return has_cjk(site) or title_case(site)


def _repeated(site: str, lines: list[PageLine]) -> bool:
    """Whether one of `lines` (the footer) names the masthead again, as a part of its own."""
    folded = site.casefold()
    return any(folded == part.casefold() for line in lines if not line.prose
               for part in segments_keeping_colons(line.text))


def _mentions(lines: list[PageLine], name: str) -> bool:
    """Whether one of `lines` names `name` as a name: capitalized as the masthead writes it (or in title
    case where the masthead is in capitals), and not as an item of a menu ("Health | Business")."""
    forms = {name, name.title()} if name.isupper() else {name}
    for line in lines:
        parts = segments_keeping_colons(line.text)
        if len(parts) > 1 and any(part.casefold() == name.casefold() for part in parts):
            continue
        if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", line.text) for form in forms):
            return True
    return False


def _first_positions(lines: list[PageLine]) -> dict[PageLine, int]:
    """Where each line first stands, as list.index says, for all of them at once."""
    return {line: n for n, line in reversed(list(enumerate(lines)))}


def _beside(layout: Page, lines: list[PageLine]) -> tuple[PageLine, ...]:
    """`lines` with their neighbours, in page order (a source line stands next to its dateline; a
    "Source: …" credit under a photo does not)."""
    order = list(layout.lines)
    position = _first_positions(order)  # order.index per line: quadratic
    near = {n + step for line in lines for n in [position[line]] for step in (-1, 0, 1)}
    return tuple(order[n] for n in sorted(near) if 0 <= n < len(order) and order[n].kind != "title")


def _source(lines: tuple[PageLine, ...]) -> str | None:
    """The first outlet a source marker names ("来源：X", "Source: X") that is shaped like a name."""
    for line in lines:
        name = None if line.prose else source_name(line.text)
        if name and (has_cjk(name) or title_case(name)):  # "Source: company reports" is no outlet
            return name
    return None


def _fold_in(inner: str, outer: str) -> bool:
    return inner.casefold() in outer.casefold()


_SOURCE_LINK = re.compile(r"^(?:原文|原文链接|原文鏈接|source|original|quelle|fuente)\s*[:：]\s*(https?://\S+)$", re.I)


def _original_url(layout: Page) -> str | None:
    """The original's address, where the head links it ("原文：https://…")."""
    for line in layout.head:
        source = _SOURCE_LINK.match(line.text)
        if source:
            return source.group(1)
    return None


def _field(curated: dict, key: str, extracted_value) -> Field:
    if curated.get(key) is not None:
        return Field(curated[key], "curated")
    if extracted_value is not None:
        return Field(extracted_value, "text")
    return Field(None, "unknown")


def build_article(normalized: Normalized, curated: dict | None) -> Article:
    """The article: the facts its text states, under whatever a maintainer curated for it (optional)."""
    clean = normalized.detected.clean
    curated = curated or {}
    extracted = extract(clean, normalized.detected.language)
    translated_from = None
    title_language = detect_language(clean.title) if clean.title else "und"
    base = normalized.detected.base_language
    title_in_other_language = title_language not in ("und", base) and len(clean.title) >= 20
    spec = curated.get("translated_from")
    if spec or title_in_other_language:
        spec = dict(spec or {"language": title_language})
        if title_in_other_language and spec["language"] == title_language:
            spec.setdefault("title", clean.title)  # the headline kept in the original's language
        translated_from = Translation(**spec)
    if curated.get("title"):
        normalized = with_title(normalized, curated["title"].strip())
    return Article(
        id=article_id(clean.source_file),
        normalized=normalized,
        title_en=curated.get("title_en") or "",
        summary_en=curated.get("summary_en") or "",
        publisher=_field(curated, "publisher", extracted.publisher),
        author=_field(curated, "author", extracted.author),
        published=_field(curated, "published", extracted.published),
        original_url=_field(curated, "original_url", extracted.original_url),
        translated_from=translated_from,
        kind=curated.get("kind", NEWS_ARTICLE),
        retrieved=curated.get("retrieved"),
    )


def with_title(normalized: Normalized, title: str) -> Normalized:
    """`normalized` under a curated headline: the clean text and the source's own rendition carry it as
    written, a converted rendition (the other Chinese script) carries its OpenCC conversion."""
    clean = replace(normalized.detected.clean, title=title)
    detected = replace(normalized.detected, clean=clean)
    renditions = tuple(
        replace(rendition, title=convert(title, rendition.language) if rendition.converted else title)
        for rendition in normalized.renditions
    )
    return Normalized(detected, renditions)
