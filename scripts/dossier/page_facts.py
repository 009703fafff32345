"""What a page states about itself: its date, its outlet, its author, its original's address.

The signals are in `datelines`, `bylines` and `outlets` (each named and tested; dates are read by
`text_dates`, with dateparser in the article's language); here they are ranked, on the zones of
`page_layout`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .bylines import byline_name, lead_byline
from .datelines import Dateline, dateline
from .line_shape import tab_title_parts
from .meta_lines import has_cjk, script_of, segments_keeping_colons
from .meta_vocabulary import VOCABULARY
from .outlets import (
    names_agree,
    native_form,
    outlet_name,
    plain_word,
    rights_holder,
    site_name,
    source_name,
    title_case,
)
from .page_authors import FoundDatelines, page_author
from .page_layout import Page, PageLine, first_positions, headline_number, page
from .people import listed
from .person_names import person_name
from .places import without_place
from .records import CleanText
from .text_dates import DateOrder, date_order
from .web_addresses import is_web_address


@dataclass(frozen=True)
class Extracted:
    """What the text states about itself; None where it does not."""

    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    original_url: str | None = None
    original_title_language: str | None = None


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
               for name in [lead_byline(line.text, language) if line.prose
                            else byline_name(line.text, language)
                            or _dateline_byline(found_on.get(line.number), language)] if name]
    holders = _holders(layout.foot)
    publication = _publication(layout.head)  # (a name the page gives as its publication is no author)
    author, author_line = page_author(layout, datelines, bylines,
                                      holders + _holders(layout.tail) + ([publication] if publication else []),
                                      language)
    used = {line.number for line, _ in datelines} | {line.number for line, _ in bylines}
    if author_line is not None:
        used.add(author_line.number)
    publisher = _publisher(layout, datelines, language, used, holders, publication)
    if publisher and author and publisher == author:
        publisher = None
    fields = front_matter_fields(clean)
    return Extracted(
        published=_field_date(fields, _PUBLISHED_FIELDS) or _published(layout, datelines, language, order)
        or _field_date(fields, ("date",)),
        publisher=publisher,
        author=listed(next((v for key in _AUTHOR_FIELDS for v in fields.get(key, ()) if person_name(v)), None)
                      or (author and without_place(author))),
        original_url=next((v for key in _ADDRESS_FIELDS for v in fields.get(key, ()) if is_web_address(v)), None)
        or _original_url(layout),
    )


# The fields of a saved page's metadata block that state its facts, by the names clippers and site
# generators give them.
# A clipper fills "date" with the day it saved the page: the page's own dateline comes before it.
_PUBLISHED_FIELDS = ("published", "pubdate", "publish_date", "published_at", "date_published")
_AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
_ADDRESS_FIELDS = ("source", "url", "canonical", "canonical_url", "original_url", "link")
_FIELD = re.compile(r"([A-Za-z_][\w -]{0,40}?)\s*[:=]\s*(.*)")  # YAML's "title: …", TOML's "title = …"
_ISO_DAY = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)")  # the years the text's own dates are read in


def front_matter_fields(clean: CleanText) -> dict[str, list[str]]:
    """The fields of the page's metadata block (the lines clean removed as front_matter), by lower-case
    name: a field's value, or its list items ("author:" over "- [[Jane Doe]]"), without quotes or the
    wiki-link brackets Obsidian puts around names."""
    fields: dict[str, list[str]] = {}
    key = None
    for line in clean.removed_lines:
        if line.rule != "front_matter":
            continue
        field = _FIELD.fullmatch(line.text)
        item = line.text[2:] if line.text.startswith("- ") else None
        if field:
            key = field.group(1).strip().lower()
            fields[key] = [field.group(2)] if field.group(2).strip() else []
        elif item is not None and key is not None:
            fields[key].append(item)
    return {name: [v.strip().strip("\"'").removeprefix("[[").removesuffix("]]").strip() for v in values]
            for name, values in fields.items()}


def _field_date(fields: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    for value in (v for key in names for v in fields.get(key, ())):
        day = _ISO_DAY.match(value)
        if day:
            try:
                return datetime.date.fromisoformat(day.group()).isoformat()
            except ValueError:
                continue
    return None


def _dateline_byline(found: Dateline | None, language: str) -> str | None:
    """A byline inside a dateline's remainder ("Posted on 14 May 2021 by Jane Doe")."""
    if found is None:
        return None
    return next((name for part in found.parts for name in [byline_name(part, language)] if name), None)


def _holders(lines: tuple[PageLine, ...]) -> list[str]:
    """The copyright holders these lines name, the last line's first (a site's own line ends the page)."""
    return [holder for line in reversed(lines) for holder in [rights_holder(line.text)] if holder]


def _published(layout: Page, datelines: FoundDatelines, language: str,
               order: DateOrder | None = None) -> str | None:
    """The first publication date of the head's datelines, one under the headline first when it is a bare
    date or a byline's (a date above may be the site's today, printed in its header; a date under it
    with other words, a photo's or an event's, is no better); failing that, a bare date in the foot or the
    wire's in its opening; failing those, the date the article's dateline says it was updated ("Updated:
    14 Aug 2020"), the one it gives (not a banner's "We updated our policy on …" above the headline)."""
    headline = headline_number(layout)

    def articles_own(dated: tuple[PageLine, Dateline]) -> bool:
        line, found = dated
        return headline is not None and line.number > headline and (
            not found.parts or any(person_name(part) for part in found.parts))

    for _line, found in sorted(datelines, key=lambda dated: not articles_own(dated)):
        if found.published:
            return found.published.isoformat()
    for line in layout.foot:
        bare = dateline(line.text, language, order)
        if bare and bare.published and not bare.parts:
            return bare.published.isoformat()
    updated = next((date.value.isoformat() for line, found in datelines if articles_own((line, found))
                    for date in found.dates), None)
    return _lead_date(layout, headline, language, order) or updated


# A wire story's or press release's opening, up to its dash: "REDMOND, Wash. — March 4, 2022 — …",
# "BERLIN, 4. März 2022 (dpa) – …" (the last dash within its first characters).
_LEAD_OPENING = re.compile(r"(.{1,100})\s[—–-]{1,2}\s")


def _lead_date(layout: Page, headline: int | None, language: str, order: DateOrder | None) -> str | None:
    """The publication date of the dateline the article's first paragraph opens with, before a dash,
    where no dateline stands on a line of its own."""
    blocks = (line for line in layout.lines if line.kind == "block" and (headline is None or line.number > headline))
    lead = next(blocks, None)
    opening = _LEAD_OPENING.match(lead.text) if lead else None
    found = dateline(opening.group(1), language, order) if opening else None
    return found.published.isoformat() if found and found.published else None


def _publisher(layout: Page, datelines: FoundDatelines, language: str, used: set[int],
               holders: list[str], publication: str | None) -> str | None:
    """The outlet: a source marker on or beside a dateline, or the publication a post names; else a masthead a
    copyright line agrees with (in the masthead's words, less what only one of them adds); else, where no
    copyright line names another, the site a browser tab's title names after the headline; else a masthead the
    footer repeats as one of its parts (never a lone ordinary word: a menu repeats "Health"); else a source
    marker in the foot; else the source a CJK dateline names; else the copyright holder, unless its name is in
    another script than the article and the top masthead names the outlet in the article's own; else a masthead
    alone (a lone ordinary word, "Fermer", only where the page names it again). A copyright line among the
    page's last lines but above some prose (a notice kept as text, a photo credit above the last paragraph)
    counts only where a masthead agrees with it."""
    near_dates = _beside(layout, [line for line, _ in datelines])
    head_source, foot_source = _source(near_dates) or publication, _source(layout.foot)
    if head_source:
        return native_form(head_source, language)
    tab_site = _tab_title_site(layout)
    mastheads = [(line, site) for line in layout.masthead if line.number not in used
                 for site in [site_name(line.text)] if site]
    sites = [*([tab_site] if tab_site else []), *(site for _, site in mastheads)]
    for holder in holders + _holders(layout.tail):
        for site in sites:
            if names_agree(site, holder):
                chosen = holder if _fold_in(holder, site) else site
                return native_form(chosen, language)
    if tab_site and not holders:  # (one a copyright line disagrees with yields to it: "H | Opinion", "© Daily Planet")
        return native_form(tab_site, language)
    masthead = {line.number for line in layout.masthead}
    footer = [line for line in layout.foot + layout.tail if line.number not in masthead]
    dated = [line for line, _ in datelines if line.number not in masthead]  # "Teropong Bisnis - 08/12/2020, 17:05"
    repeated = [site for site in sites if not plain_word(site) and _repeated(site, footer + dated)]
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
    # Alone, a masthead is no control of the page's ("Open in app", "Sign in": the clean stage's chrome).
    alone = [site for line, site in mastheads if line.rule != "page_chrome"]
    for site in alone:
        if not _masthead_like(site) or _NUMBER_WORD.search(site):  # "Skip to content", "Episode 87": no masthead
            continue
        if plain_word(site) and not _mentions(elsewhere, site):
            continue  # a lone ordinary word ("Fermer", "Menu") names an outlet only when the page repeats it
        return native_form(site, language)
    return None


def _tab_title_site(layout: Page) -> str | None:
    """The site a browser tab's title names after the headline, above it ("I Tried Amazon's New Virtual
    Clinic | by Renata Osei | Quillpost" → Quillpost): the page names itself there, as the masthead's UI
    ("Open in app", "Sign up") never does. None where its last part is no outlet's name, a byline or a
    person ("Headline - by Renata Osei")."""
    headline = next((line.text for line in layout.lines if line.kind == "title"), None)
    for line in layout.lines:
        if line.kind == "title":
            break
        parts = tab_title_parts(line.text)
        if len(parts) > 1 and headline and parts[0] == headline:
            site = parts[-1]
            # Never a page's number ("Page 2"). After the headline alone, a word alone may be its section
            # ("H | Opinion"): the site only where the page names it again; after a section or an author ("H |
            # by Renata Osei | Quillpost"), the last part is the site's.
            section = len(parts) == 2 and plain_word(site) \
                and not _mentions([other for other in layout.lines if other != line], site)  # noqa: PLR2004
            if outlet_name(site) and (has_cjk(site) or title_case(site)) and not any(ch.isdigit() for ch in site) \
                    and not section and not byline_name(site) and not person_name(site):
                return site
    return None


_NUMBER_WORD = re.compile(r"(?<!\w)\d+(?!\w)")


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


def _beside(layout: Page, lines: list[PageLine]) -> tuple[PageLine, ...]:
    """`lines` with their neighbours, in page order (a source line stands next to its dateline; a
    "Source: …" credit under a photo does not)."""
    order = list(layout.lines)
    position = first_positions(order)  # order.index per line: quadratic
    near = {n + step for line in lines for n in [position[line]] for step in (-1, 0, 1)}
    return tuple(order[n] for n in sorted(near) if 0 <= n < len(order) and order[n].kind != "title")


def _source(lines: tuple[PageLine, ...]) -> str | None:
    """The first outlet a source marker names ("来源：X", "Source: X") that is shaped like a name."""
    for line in lines:
        name = None if line.prose else source_name(line.text)
        if name and (has_cjk(name) or title_case(name)):  # "Source: company reports" is no outlet
            return name
    return None


def _publication(head: tuple[PageLine, ...]) -> str | None:
    """The publication a post names after its label, on the same line or the next ("Published in" / "Digital
    Health Notes", as blogging platforms set it)."""
    for n, line in enumerate(head):
        folded = line.text.casefold()
        label = next((label for label in VOCABULARY.publication_labels if folded.startswith(label)), None)
        if label is None or line.prose:
            continue
        following = head[n + 1] if n + 1 < len(head) and not head[n + 1].prose else None
        name = line.text[len(label):].strip(" :：") or (following.text if following else "")
        if outlet_name(name) and title_case(name):
            return name
    return None


def _fold_in(inner: str, outer: str) -> bool:
    return inner.casefold() in outer.casefold()


_SOURCE_LINK = re.compile(r"^(?:原文|原文链接|原文鏈接|source|original|quelle|fuente)\s*[:：]\s*(https?://\S+)$", re.I)


def _original_url(layout: Page) -> str | None:
    """The original's address, where the head links it ("原文：https://…")."""
    for line in layout.head:
        source = _SOURCE_LINK.match(line.text)
        if source and is_web_address(source.group(1)):
            return source.group(1)
    return None
