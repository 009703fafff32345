"""Outlets: the publisher's name as the page states it, in a masthead, a source line or a copyright line.

- `outlet_name`: the shape of an outlet's name; `title_case`, a name written as a title; `plain_word`, a
  lone ordinary word that names an outlet only where the page repeats it.
- `site_name`: the outlet's name as a masthead line states it; `source_name`, as a source marker does
  ("来源：X"); `rights_holder`, the holder a copyright or reprint line names.
- `native_form`, `names_agree`: one outlet's name in the article's script, and two forms of one name.
"""

from __future__ import annotations

import re

from .characters import CJK, WORD, char_class
from .meta_lines import (
    CJK_CHAR,
    NAME_STOP,
    URL_OR_EMAIL,
    digit_share,
    is_role,
    segments,
    segments_keeping_colons,
    width,
)
from .meta_vocabulary import VOCABULARY
from .sentences import TERMINALS
from .thresholds import META_LINES

_CJK = char_class(CJK)
_MIXED_SCRIPT_NAME = re.compile(f"\\S*[{_CJK}]\\S*(?: [A-Za-z][\\w.&'-]*)+")  # 科技點睇 TechTalk HK
# A full stop may close an abbreviation in a name (Acme Inc.); the other sentence marks, a comma or a
# semicolon at the end make a sentence or a list.
_SENTENCE_ENDS = tuple(TERMINALS.replace(".", "") + ";；,，")
_SENTENCE_INSIDE = re.compile(f"[{re.escape(TERMINALS)},，;；]\\s")


def outlet_name(text: str) -> bool:
    """Shaped like an outlet's name: short, no sentence, no link, no markup, mostly not digits, not the
    menu's "Home"."""
    text = text.strip()
    if not text or URL_OR_EMAIL.search(text) or re.search(r"[<>{}=@#›»\[\]]", text):
        return False
    if re.search(r"[:：]", text) or text.endswith(_SENTENCE_ENDS) or _SENTENCE_INSIDE.search(text):
        return False  # a label ("Suscríbete: …", "来源：…"), a sentence, a list
    if digit_share(text) >= META_LINES.max_digit_share or is_role(text) or text.casefold() in VOCABULARY.home_words:
        return False
    if CJK_CHAR.search(text):
        low, high = META_LINES.cjk_outlet_chars
        return low <= len(text) <= high
    words = text.split()
    return (
        1 <= len(words) <= META_LINES.outlet_max_words
        and len(text) <= META_LINES.outlet_max_chars
        and any(ch.isalpha() for ch in text)
    )


def title_case(text: str) -> bool:
    """Every word that is not a short particle starts with a capital (The Civic Wire, Le Fil Tech; not
    "Skip to content")."""
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    return bool(words) and all(
        not w[0].isalpha() or w[0].isupper() or len(w) <= META_LINES.title_case_short_word_chars
        or w.casefold() in VOCABULARY.articles
        for w in words
    ) and words[0][0].isupper()


_OUTLET_STOP = re.compile(NAME_STOP.pattern + rf"|(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SOURCE_MARKER = re.compile(
    # at the start or after a separator ("图片来源：" is a photo credit), then a colon
    r"(?:^|(?<=[\s|｜·•,，;；(（【\[]))(?:" + "|".join(map(re.escape, VOCABULARY.source_markers)) + r")\s*[:：]\s*",
    re.I,
)


def source_name(text: str) -> str | None:
    """The outlet a source marker names: "2021-12-21 10:05:33 來源：醫訊網" → 醫訊網."""
    for found in _SOURCE_MARKER.finditer(text):
        name = _OUTLET_STOP.split(text[found.end():], maxsplit=1)[0].strip()
        if outlet_name(name):
            return name
    return None


def is_source_line(text: str) -> bool:
    """A short line that a source marker opens, naming the outlet the article comes from ("来源：远见财经",
    "Quelle: Handelsbote"): the outlet's credit, no line of the article."""
    text = text.strip()
    found = _SOURCE_MARKER.match(text)
    return (found is not None and width(text) <= META_LINES.meta_line_max_chars
            and source_name(text) == text[found.end():].strip())


# A copyright line's years, Gregorian or of the Buddhist era (Thai pages: © 2565).
_YEARS = re.compile(r"(?<!\d)(?:19|20|25)\d{2}(?:\s*[-–]\s*(?:19|20|25)\d{2})?(?!\d)")


def is_rights_line(text: str) -> bool:
    """A short line holding a copyright or reprint phrase."""
    folded = text.casefold()
    return width(text) <= META_LINES.meta_line_max_chars and any(m in folded for m in VOCABULARY.rights_markers)


def rights_holder(text: str) -> str | None:
    """Who a copyright line names: "© 2022 Handelsbote Verlag GmbH" → Handelsbote Verlag;
    "저작권자 ⓒ 헬스IT신문 무단전재 및 재배포 금지" → 헬스IT신문. None when it names no one."""
    if not is_rights_line(text):
        return None
    rest = text
    for marker in VOCABULARY.rights_markers:
        rest = re.sub(re.escape(marker), " | ", rest, flags=re.I)
    rest = _YEARS.sub(" | ", rest)
    names = [part for part in (_strip_legal_form(p) for p in segments(rest)) if part]
    names = [name for name in names if outlet_name(name)]
    return names[0] if len(names) == 1 else None


def _strip_legal_form(name: str) -> str:
    name = name.strip(" .,-–。۔")  # ۔: Urdu's full stop
    changed = True
    while changed:
        changed = False
        folded = name.casefold()
        for form in (legal.rstrip(".") for legal in VOCABULARY.legal_forms):
            if folded.endswith(" " + form) or (not form.isascii() and folded.endswith(form) and folded != form):
                name = name[: -len(form)].strip(" .,-–")
                changed = True
                break
    return name


def site_name(text: str) -> str | None:
    """The outlet a masthead line names: its first part ("Handelsbote – Nachrichten aus …" →
    Handelsbote; "匯流科技報　首頁 | 即時 | …" → 匯流科技報), when that is shaped like an outlet's name."""
    text = text.strip()
    if re.search(r"[>›»]", text) or width(text) > META_LINES.meta_line_max_chars:
        return None  # a breadcrumb, or prose
    if len(re.findall(r"[,，、]", text)) >= META_LINES.keyword_list_commas:
        return None  # a keyword list
    first = segments_keeping_colons(text)
    if not first:
        return None
    name = first[0]
    return name if outlet_name(name) else None


def plain_word(name: str) -> bool:
    """A single ordinary word ("Fermer", "Menu", "STARTSEITE"): one word of letters, capitalized at its
    start or throughout. Outlet names that are one word usually show more (TechCrunch, Salutecon.it,
    9to5Mac); a plain one is an outlet only when the page repeats it."""
    name = name.strip()
    return bool(WORD.fullmatch(name)) and not CJK_CHAR.search(name) \
        and (name[1:] == name[1:].lower() or name.isupper())


def native_form(name: str, language: str) -> str:
    """A bilingual masthead in a CJK article ("科技點睇 TechTalk HK") by its name in the article's script."""
    if language.split("-")[0] in ("zh", "ja", "ko") and _MIXED_SCRIPT_NAME.fullmatch(name):
        return name.split(" ")[0]
    return name


def names_agree(a: str, b: str) -> bool:
    """Two forms of one outlet's name: one inside the other, or sharing two words."""
    fa, fb = _fold(a), _fold(b)
    if not fa or not fb:
        return False
    if fa in fb or fb in fa:
        return True
    wa, wb = _name_words(fa), _name_words(fb)
    return len(wa & wb) >= META_LINES.agreeing_words


def _name_words(folded: str) -> set[str]:
    """The words of a folded name that tell it apart: not articles, not the shortest words."""
    return {w for w in folded.split() if len(w) >= META_LINES.name_word_min_chars and w not in VOCABULARY.articles}


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
