"""What counts as one occurrence of an entity's name: how names are compared (`match_key`, `fold_case`)
and when a match stands as a word of its script (`stands_alone`). Defined once, since the registry's
validation and the link stage must agree on it."""

from __future__ import annotations

import re
import unicodedata

from .characters import HALFWIDTH_KANA, HANGUL, KANA, Ranges, char_class, unicode_script
from .chinese import SIMPLIFIED, convert, simplify_chars

_HIRAGANA, _KATAKANA, _KATAKANA_EXTENSIONS = KANA  # characters.KANA lists these three blocks, in this order
# Latin letters and digits: ASCII, and the accented letters of Latin-1 Supplement and Latin Extended-A/B.
_LATIN_ACCENTED: Ranges = ((0x00C0, 0x024F),)
_LATIN = re.compile(f"[0-9A-Za-z{char_class(_LATIN_ACCENTED)}]")
# Katakana letters and the length mark ー, full and half width. The middle dots ・ and ･ and the double
# hyphen ゠ separate words and are no letters.
_KATAKANA_LETTER = re.compile(f"[{char_class((_KATAKANA, _KATAKANA_EXTENSIONS, *HALFWIDTH_KANA))}]")
_KATAKANA_SEPARATORS = "゠・"
_HANGUL = re.compile(f"[{char_class(HANGUL)}]")


def match_key(name: str) -> str:
    """How a name is compared: in Simplified script, spacing unified (case is kept: "Haven" is not
    "haven")."""
    return re.sub(r"\s+", " ", convert(name, SIMPLIFIED)).strip()


def link_key(name: str) -> str:
    """The key the linker finds a name by: its match key, then each character in Simplified form, as the
    text it is found in is read. Two names of one link key ("乾隆健康", "干隆健康") are one to the linker."""
    return simplify_chars(match_key(name))


def fold_case(text: str) -> str:
    """`text` in lower case, character by character, so that offsets carry over (how `not_names`
    phrases are compared: "An Apple a Day" is "an apple a day")."""
    lower = text.lower()
    # No character's lower case is shorter than itself, so the same length means none grew; and the
    # capital sigma is the one letter whose lower case depends on its neighbours (final ς). Then the
    # whole text's lower case is its characters' own: the common case, at once.
    if len(lower) == len(text) and "Σ" not in text:
        return lower
    return "".join(_fold_char(ch) for ch in text)


def _fold_char(ch: str) -> str:
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def _is_latin(ch: str) -> bool:
    return bool(_LATIN.match(ch))


def _is_katakana(ch: str) -> bool:
    """A katakana letter or length mark; the middle dot ・ separates words and is not one."""
    return ch not in _KATAKANA_SEPARATORS and bool(_KATAKANA_LETTER.match(ch))


def _is_hangul(ch: str) -> bool:
    return bool(_HANGUL.match(ch))


# Scripts whose words no space sets apart, and those the rules above judge on their own.
_UNSPACED_OR_OWN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN",
                              "LATIN"})


def _is_spaced_letter(ch: str) -> bool:
    """A letter of a script written with spaces between words, other than Latin (Cyrillic, Greek, Arabic …)."""
    return ch.isalpha() and unicode_script(ch).split("-")[0] not in _UNSPACED_OR_OWN  # "KATAKANA-HIRAGANA" ー


# Arabic and Hebrew write a conjunction or a preposition onto the word it governs: "وأمازون" (and Amazon),
# "لجيه بي مورغان" (for JPMorgan), "במיקרוסופט" (at Microsoft), a conjunction before a preposition
# ("وبأمازون", and at Amazon). Not the article: "האמזון", "للأمازون" (the Amazon, the river) name no company.
_PREPOSITIONS = frozenset("بلك" "בלמכ")
_CONJUNCTIONS = frozenset("وف" "וש")


def _after_proclitics(text: str, start: int) -> bool:
    """Whether text[:start] ends in a word's start of a conjunction or a preposition, or of a conjunction
    before a preposition."""
    def word_starts_at(position: int) -> bool:
        return position == 0 or not _is_word_part(text[position - 1])

    if start == 0 or text[start - 1] not in _PREPOSITIONS | _CONJUNCTIONS:
        return False
    return word_starts_at(start - 1) or (
        start >= 2 and text[start - 1] in _PREPOSITIONS and text[start - 2] in _CONJUNCTIONS  # noqa: PLR2004
        and word_starts_at(start - 2))


def _is_word_part(ch: str) -> bool:
    """A letter, or a mark written on one (a Devanagari vowel sign): what continues a word."""
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


# Hungarian's cases and postpositions written onto a name ("Amazonnál", "Fitbitnél"); its instrumental
# doubles the name's last consonant ("Amazonnal", "Fitbittel"), which a closed list writes as any consonant and
# -al or -el.
_HUNGARIAN_ENDINGS = ("nál", "nél", "ban", "ben", "ba", "be", "nak", "nek", "hoz", "hez", "höz", "tól", "től",
                      "ról", "ről", "ból", "ből", "ra", "re", "ot", "et", "öt", "on", "en", "ön", "t", "val", "vel",
                      "ért", "ként", "ig", "é",
                      *(consonant + vowel + "l" for consonant in "bdfgklmnprstvz" for vowel in "ae"))
# The case endings a language writes onto a name in Latin letters: the Scandinavian and German genitive
# ("Googles"), West Slavic cases ("Amazonu", "Amazonem", "Amazonie"), Hungarian's, Romanian's article
# ("Amazonului"), Basque's cases. Closed lists: a longer word stays another word ("Amazonas", "Amazonka", the
# river). Not Finnish nor the South Slavic languages, whose declined forms of "Amazon" name the river as often
# as the company ("Amazonin alueella", "rijeka Amazona"); not Dutch, whose loanwords take a plural in -s
# ("Nuances").
CASE_ENDINGS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("sv", "da", "nb", "nn", "no", "de"), ("s",)),
    **dict.fromkeys(("cs", "sk"), ("u", "em", "om", "ovi")),
    "pl": ("a", "u", "owi", "em", "ie"),
    "hu": _HUNGARIAN_ENDINGS,
    "ro": ("ul", "ului", "uri", "urile", "urilor"),
    # Basque's cases after a consonant ("Amazonek", "Amazonen") and after a vowel ("Googleren", "Googlek");
    # not the river's adjective ("Amazoniako").
    "eu": ("ek", "en", "ekin", "era", "etik", "eko", "ean", "entzat", "ren", "ri", "rekin", "ra", "tik", "ko", "k",
           "n"),
}
# The languages that may join one of those endings to a name with a hyphen, where its spelling is foreign
# ("CVS-nél", "Google-ului", "Pharmacy-ra"); Turkish's apostrophe ("Walmart'ın") marks where the name ends, as
# English's does.
HYPHENATED_ENDINGS = frozenset({"hu", "ro", "eu"})
_CONTRACTION = re.compile(r"['’]t(?![^\W\d_])")


def word_end(text: str, start: int, end: int, language: str = "und", common_word: bool = False) -> int | None:
    """Where the word that holds the name text[start:end] ends: at `end` when the name stands alone
    (`stands_alone`), or past one of `language`'s case endings ("Googles", "Amazonu"); None when the name
    runs into another word. A name that is also a `common_word` ("Haven", "Nuance") is that word when
    declined ("Havens"), the name only when a hyphen sets its ending apart as a foreign name's ("Nuance-ului")."""
    base = language.split("-")[0]
    latin = _is_latin(text[end - 1])
    if latin and _CONTRACTION.match(text, end):
        return None  # "Haven't": a verb, its negation written onto it
    if not latin:
        return end if stands_alone(text, start, end) else None
    hyphen = int(base in HYPHENATED_ENDINGS and text[end : end + 1] == "-")
    for ending in CASE_ENDINGS.get(base, ()) if hyphen or not common_word else ():
        stop = end + hyphen + len(ending)
        if text[end + hyphen : stop] == ending and stands_alone(text, start, stop):
            return stop
    return end if stands_alone(text, start, end) else None


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word of its own script, so may be a name there.

    Latin letters and digits: the name must not continue a word on either side ("Amazon" is not in
    "Amazonas", "Haven" is not in "Bremerhaven"). Katakana: the name must not continue a katakana word
    on either side (アマゾン is not in a longer katakana word; the middle dot ・ separates words, so
    アマゾン・ジャパン holds アマゾン). Hangul: the name must begin a word, while its end stays open,
    since Korean attaches particles after a name (카카오는 holds 카카오, 온라인 does not hold 라인).
    The other scripts written with spaces (Cyrillic, Greek, Arabic, Hebrew, Devanagari …): the name stands
    between non-letters ("Амазон" is not in "Амазонка", the river), so a form with a case ending is not
    linked; in Arabic and Hebrew, a conjunction or preposition written onto the name may precede it.
    Chinese characters, and the scripts written without spaces (Thai), have no word
    boundaries: `not_names` and `context` guard those names."""
    first, last = text[start], text[end - 1]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _is_spaced_letter(first) and before and _is_word_part(before) and not _after_proclitics(text, start):
        return False
    if _is_spaced_letter(last) and after and _is_word_part(after):
        return False
    if _is_latin(first) and before and _is_latin(before):
        return False
    if _is_latin(last) and after and _is_latin(after):
        return False
    if _is_katakana(first) and before and _is_katakana(before):
        return False
    if _is_katakana(last) and after and _is_katakana(after):
        return False
    return not (_is_hangul(first) and before and _is_hangul(before))
