"""Who wrote the page, as it states it: a byline; a name beside a dateline; a name inside one; a byline in
the foot; a name over a bio that opens with it; a sign-off after the last paragraph (`page_author`, ranked in that
order). The signals are in `bylines` and `datelines`; the zones in `page_layout`."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

from .bylines import byline_name, opens_with_byline_marker
from .datelines import Dateline
from .meta_lines import is_prose, is_role
from .meta_vocabulary import VOCABULARY
from .name_lines import HANDLE_LINE, bio_name, is_role_phrase, name_line, sign_off_name
from .outlets import names_agree, site_name
from .page_layout import Page, PageLine, first_positions, headline_number
from .person_names import person_name, unmarked_name
from .places import is_place
from .thresholds import META_LINES
from .web_addresses import EMAIL_ADDRESS

# The head's datelines, each with the line it stands on.
FoundDatelines = list[tuple[PageLine, Dateline]]
# What the clean stage names as the page's controls and counters ("Follow", "Share", "7 min read"): the walk
# to a writer's name passes them, and none describes the writer.
_CONTROLS = frozenset({"page_chrome", "counter", "share_bar", "navigation"})


def page_author(layout: Page, datelines: FoundDatelines, bylines: list[tuple[PageLine, str]],
                holders: list[str], language: str) -> tuple[str | None, PageLine | None]:
    """A byline's name (a byline inside a dateline among them); else a name standing alone beside a
    dateline, one under the headline first (a name beside the site's today above it is the masthead's),
    unless the copyright line says it is the outlet's; else a name inside a dateline; else a byline in
    the foot; else the late signals of `_late_author`."""
    if bylines:
        return bylines[0][1], bylines[0][0]
    handled = _handle_author(layout.head, {line.number for line, _ in datelines}, holders)
    if handled[0]:
        return handled
    lines = list(layout.lines)
    position = first_positions(lines)  # lines.index per dateline: quadratic
    headline = headline_number(layout)
    for line, _found in sorted(datelines, key=lambda dated: headline is not None and dated[0].number < headline):
        n = position[line]
        for step in (-1, 1):
            # Above the dateline, past the byline block's other lines and buttons: "Laia Ferrer i Puig" /
            # "Barcelona" / the dateline, "Kari Lunde" / "Journalist" / "kari.lunde@…" / the dateline, "Marcus
            # Ellery" / "Columnist" / "Follow" / the dateline; the line beside it when no name stands beyond
            # them, never a place: a city over a dateline ("San Francisco") is where it was written far more
            # often than a writer's name (that a writer named as a city, "Juan Díaz", is lost).
            offset = step
            while step < 0 and -offset <= META_LINES.byline_block_lines and (other := _beside(lines, n, offset)) \
                    and (_is_byline_part(other.text) or other.rule in _CONTROLS
                         or (offset == step and _describes_writer(other, headline))):
                offset += step
            # (a caption under a name that names it again describes the picture's subject, not a writer)
            passed = " ".join(lines[n + k].text for k in range(offset + 1, 0)) if offset < step else ""
            for neighbour in dict.fromkeys(filter(None, (_beside(lines, n, offset), _beside(lines, n, step)))):
                if neighbour.kind == "title" or neighbour.prose:
                    continue
                name = name_line(neighbour.text)
                if name and not opens_with_byline_marker(neighbour.text) and not is_place(name) \
                        and unmarked_name(name) and name not in passed \
                        and not any(names_agree(name, h) for h in holders):
                    return name, neighbour
    sites = [site for line in layout.masthead for site in [site_name(line.text)] if site]
    for _line, found in datelines:
        for part in found.parts:  # (not the outlet's name the masthead gives: "Teropong Bisnis - 08/12/2020")
            outlet = any(names_agree(part, site) for site in sites)
            if person_name(part) and unmarked_name(part) and not opens_with_byline_marker(part) and not outlet:
                return part, None
    for line in layout.foot:
        name = None if line.prose else byline_name(line.text, language)
        if name:
            return name, line
    return _late_author(layout, language)


def _is_byline_part(text: str) -> bool:
    """A line of a byline's block that is not the name: a place, a role (not a picture's label, whose
    credit stands beyond it) or the writer's role in a few words ("Senior Editor, Wearables"), an e-mail
    address, a handle."""
    line = text.strip()
    return (is_place(line) or (is_role(line) and line not in VOCABULARY.picture_words) or is_role_phrase(line)
            or bool(EMAIL_ADDRESS.fullmatch(line) or HANDLE_LINE.fullmatch(line)))


def _describes_writer(line: PageLine, headline: int | None) -> bool:
    """A line under the headline that may describe the writer between their name and the dateline, as
    profiles and answer sites set it ("Miriam Castellanos" / "Chief Medical Information Officer at Riverside
    Valley Health | Internal Medicine" / "Published Mar 3, 2024"): no prose, no name, words enough not to be
    a section's label. Only the line beyond it, if a name alone, makes it one."""
    return (headline is not None and line.number > headline and line.kind != "title" and not line.prose
            and line.rule not in _CONTROLS and len(line.text.split()) >= META_LINES.writer_description_min_words
            and not name_line(line.text))


def _beside(lines: list[PageLine], n: int, offset: int) -> PageLine | None:
    """The line `offset` lines from line `n` (negative: above), if the page has one."""
    return lines[n + offset] if 0 <= n + offset < len(lines) else None


def _handle_author(head: tuple[PageLine, ...], dated: set[int],
                   holders: list[str]) -> tuple[str | None, PageLine | None]:
    """A name over the writer's handle on a line of its own, a handle that spells the name ("Miriam Kessler" /
    "@miriamkessler"), where a byline stands: under the headline (and its standfirst), above the dateline.
    Never the outlet's own name over its handle ("Health Tech" / "@healthtech"), nor an embedded post's
    author in the article ("Tim Cook" / "@tim_cook" under the dateline and the first paragraph)."""
    title = next((n for n, line in enumerate(head) if line.kind == "title"), -1)
    after_title = range(title + 1, len(head))
    dateline = next((n for n in after_title if head[n].number in dated), len(head))
    second_prose = [n for n in after_title if head[n].prose][1:2]  # (the first may be a standfirst)
    for line, below in pairwise(head[title + 1 : min([dateline, *second_prose])]):
        handle = HANDLE_LINE.fullmatch(below.text)
        name = None if line.prose or line.kind == "title" or not handle else name_line(line.text)
        if name and handle and _spells(handle[1], name) and not any(names_agree(name, h) for h in holders):
            return name, line
    return None, None


def _spells(handle: str, name: str) -> bool:
    """Whether a handle is made of the name's first and last words, mostly ("EverettSandoval", "miriam_kessler")."""
    def letters(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalpha())
    words, spelt = name.split(), letters(handle)
    return len(words) > 1 and all(letters(word) in spelt for word in (words[0], words[-1])) and (
        len(letters(words[0] + words[-1])) >= META_LINES.handle_name_min_share * len(spelt))


def _late_author(layout: Page, language: str) -> tuple[str | None, PageLine | None]:
    """Where the head and the foot name no one: a byline standing on its own line further down ("Written
    by …" above an author box); a name line over a bio that opens with it; a sign-off after the last
    paragraph."""
    lines = list(layout.lines)
    after_head = lines[lines.index(layout.head[-1]) + 1:] if layout.head else lines
    for line in after_head:
        name = None if line.prose or line.kind == "title" else byline_name(line.text, language)
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
        return (name, line) if name and not is_place(name) else (None, None)  # "Hong Kong" under it: a place
    return None, None
