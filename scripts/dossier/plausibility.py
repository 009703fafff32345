"""How plausibly a decoding of a file reads as prose: the score ingest weighs candidate encodings by.

Script consistency decides it: mojibake puts letters of one script inside words of another, rare
ideographs where everyday ones stand, and symbols inside words; prose does not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Literal

from .characters import (
    ARABIC,
    CJK_PUNCTUATION,
    CONTROL_CHARS,
    CYRILLIC,
    GREEK,
    HALFWIDTH_KANA,
    HAN,
    HANGUL,
    HEBREW,
    IDEOGRAPHIC_MARKS,
    KANA,
    LATIN,
    NON_ASCII,
    THAI,
    Ranges,
    char_class,
)
from .thresholds import CLEANING

# The writing system of a letter; "" for anything that is not a letter.
Script = Literal["", "latin", "greek", "cyrillic", "hebrew", "arabic", "thai", "hangul", "cjk", "halfwidth kana",
                 "other"]


def _double_byte_range(encoding: str, leads: range, trails: range | list[int]) -> set[str]:
    chars: set[str] = set()
    for lead in leads:
        for trail in trails:
            chars.update(bytes((lead, trail)).decode(encoding, errors="ignore"))
    return chars


@dataclass(frozen=True)
class _Tiers:
    """Everyday characters of each CJK writing system: the national standards' own "level 1" blocks, GB
    2312 (3,755 Simplified), Big5 (5,401 Traditional), JIS X 0208 (2,965 Japanese), and KS X 1001's 2,350
    Hangul syllables; frequent ones: the commonest ideographs and syllables as charset-normalizer ranks
    them (Chinese in both scripts, Japanese, Korean). Mojibake yields rarer characters, or another
    system's."""

    frequent_zh: frozenset[str]
    everyday_zh: frozenset[str]
    frequent_ja: frozenset[str]
    everyday_ja: frozenset[str]
    frequent_ko: frozenset[str]
    hangul: frozenset[str]


@cache
def _tiers() -> _Tiers:
    """Built on first use (0.1 s), so UTF-8 corpora never pay for it."""
    from .chinese import SIMPLIFIED, TRADITIONAL, convert  # OpenCC, needed only for legacy CJK files

    frequencies = _detector_frequencies()
    chinese = "".join(ch for ch in frequencies.get("Chinese", ()) if _script(ch) == "cjk")
    japanese = "".join(ch for ch in frequencies.get("Japanese", ()) if _script(ch) == "cjk")
    return _Tiers(
        frequent_zh=frozenset(chinese + convert(chinese, TRADITIONAL) + convert(chinese, SIMPLIFIED)),
        everyday_zh=frozenset(
            _double_byte_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
            | _double_byte_range("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
        ),
        frequent_ja=frozenset(japanese),
        everyday_ja=frozenset(_double_byte_range("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF))),
        frequent_ko=frozenset(ch for ch in frequencies.get("Korean", ()) if _script(ch) == "hangul"),
        hangul=frozenset(_double_byte_range("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))),
    )


def _detector_frequencies() -> dict[str, list[str]]:
    """charset-normalizer's commonest letters per language: an internal table of the detector, so
    without it there is one tier fewer."""
    try:
        from charset_normalizer.constant import FREQUENCIES
    except ImportError:
        return {}
    return FREQUENCIES


def _char_pattern(*ranges: Ranges) -> re.Pattern[str]:
    return re.compile(f"[{''.join(char_class(chars) for chars in ranges)}]")


# Each script by its letters, in the order they are tried; "cjk" is kana and Han, which Japanese mixes.
_SCRIPTS: tuple[tuple[Script, re.Pattern[str]], ...] = (
    ("latin", _char_pattern(LATIN)),
    ("greek", _char_pattern(GREEK)),
    ("cyrillic", _char_pattern(CYRILLIC)),
    ("hebrew", _char_pattern(HEBREW)),
    ("arabic", _char_pattern(ARABIC)),
    ("thai", _char_pattern(THAI)),
    ("hangul", _char_pattern(HANGUL)),
    ("cjk", _char_pattern(KANA, HAN, IDEOGRAPHIC_MARKS)),
    ("halfwidth kana", _char_pattern(HALFWIDTH_KANA)),
)


@cache
def _script(ch: str) -> Script:
    """The writing system of a letter ("latin", "cjk", "hangul", ...); "" for anything not a letter."""
    if not ch.isalpha():
        return ""
    return next((script for script, letters in _SCRIPTS if letters.match(ch)), "other")


def _char_at(text: str, index: int) -> str:
    """The character at `index`, or "" outside the text."""
    return text[index] if 0 <= index < len(text) else ""


# Punctuation and symbols of everyday Western typography; those that may stand inside a word.
_COMMON_MARKS = frozenset("’‘“”„‚«»‹›–—…•·°€£¥¢§©®™×÷±¡¿¹²³¼½¾،؛؟")  # Arabic comma, semicolon, question mark
_WORD_JOINERS = frozenset("’‘·‐‑")
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")  # left-to-right, right-to-left, Arabic letter mark
_RARE_MARKS = frozenset("¤¦¨´¸¯¬¶\xad")  # Latin-1 symbols that prose hardly uses: where ISO-8859-15 has € œ Ž
# CJK punctuation, full-width forms, circled numbers, the shapes and marks CJK pages use as bullets.
_CJK_MARKS = _char_pattern(CJK_PUNCTUATION)
# ASCII that prose seldom uses (markup, code, line art): half plausible.
_ODD_ASCII = re.compile(r"[^\x80-\U0010ffff\t\n\r 0-9A-Za-z.,;:!?'\"()\[\]\-%&/@#*+=$]")
_ALPHABETS: frozenset[Script] = frozenset({"latin", "greek", "cyrillic", "hebrew", "arabic", "thai"})
# Scripts that write vowels and tones as combining marks on their letters (Thai always, Hebrew and Arabic
# in places): a mark after one of their letters belongs to it.
_MARKED_SCRIPTS: frozenset[Script] = frozenset({"hebrew", "arabic", "thai"})
_ONE_LETTER_WORDS = frozenset("àáèéìíòóùúåį")  # à (fr, it, pt), è (it), é (pt), ó (es), å (no, sv), į (lt)
_KANA = _char_pattern(KANA)
_HAN = _char_pattern(HAN)
_HANGUL = _char_pattern(HANGUL)
# Korean separates its words with spaces: a dozen syllables and ideographs without a break is Chinese read
# as Korean.
_UNSPACED_HANGUL = re.compile(f"[{char_class(HANGUL)}{char_class(HAN)}]{{{CLEANING.unspaced_hangul_min_chars},}}")


def plausibility(text: str, encoding: str | None = None) -> float:
    """How much the text reads as prose (0..1): the share of its bytes (of its characters without an
    `encoding`) that decode into characters plausible where they stand; 0 with control debris.

    Script consistency decides it. A letter of another script wedged inside a word ("f眉r", a Hanja amid
    Hangul), a capital inside a lower-case word ("numÈrique"), a symbol inside a word ("c½ur"), three
    Latin-1 characters in a row ("ÀüÃ¼"), a C1 control, half-width kana, ideographs spaced like words
    (Korean read as GB18030), a dozen Hangul without a space (Chinese read as cp949), Chinese-only
    ideographs amid kana (EUC-JP read as GB18030) are mojibake; everyday ideographs and Hangul syllables,
    accented letters amid ASCII ones, and common typography are prose."""
    # The sample runs to the few-thousandth non-ASCII character: the ASCII the candidates share decides
    # nothing, and a cp1252 file whose first accent comes after pages of English is still judged by it.
    sample_size = CLEANING.plausibility_sample_non_ascii
    positions = [match.start() for match in islice(NON_ASCII.finditer(text), sample_size)]
    sample = text[: positions[-1] + 1] if len(positions) == sample_size else text
    if not sample or CONTROL_CHARS.search(sample.replace("\ufeff", "")):
        return 0.0
    ascii_chars = len(sample) - len(positions)
    score = ascii_chars - 0.5 * len(_ODD_ASCII.findall(sample))
    total = float(ascii_chars)
    if not positions:
        return score / total
    tiers = _tiers()
    kana = len(_KANA.findall(sample))
    if kana * 10 >= kana + len(_HAN.findall(sample)):  # Japanese: its kanji are JIS ones
        frequent, everyday = tiers.frequent_ja, tiers.everyday_ja
    else:
        frequent, everyday = tiers.frequent_zh, tiers.everyday_zh
    unspaced = {i for run in _UNSPACED_HANGUL.finditer(sample) if _HANGUL.search(run.group())
                for i in range(*run.span())}
    widths: dict[str, int] = {}
    last = len(text) - 1
    for i in positions:
        ch = text[i]
        width = widths.get(ch)
        if width is None:
            width = widths[ch] = _width(ch, encoding)
        total += width
        if ch.isspace() or _CJK_MARKS.match(ch):
            score += width
            continue
        prev = text[i - 1] if i else "\n"
        nxt = text[i + 1] if i < last else "\n"
        script = _script(ch)
        if script == "cjk":
            weight = _ideograph(ch, prev, nxt, text, i, frequent, everyday)
        elif script == "hangul":
            weight = 0.0 if i in unspaced or _script(prev) == _script(nxt) == "cjk" else (
                1.0 if ch in tiers.frequent_ko else 0.8 if ch in tiers.hangul else 0.3)
        else:
            weight = _western(ch, script, prev, nxt)
        score += width * weight
    return score / total


def _width(ch: str, encoding: str | None) -> int:
    if encoding is None:
        return 1
    try:
        return len(ch.encode(encoding))
    except (UnicodeEncodeError, LookupError):
        return 1


def _ideograph(ch: str, prev: str, nxt: str, text: str, i: int, frequent: frozenset[str],
               everyday: frozenset[str]) -> float:
    """A Han character or kana between its neighbours."""
    before, after = _script(prev), _script(nxt)
    if before and before == after and before != "cjk":
        return 0.0  # one ideograph inside a word of another script: "f眉r", a Hanja amid Hangul
    if (prev == " " and _script(_char_at(text, i - 2)) == "cjk") or (
        nxt == " " and _script(_char_at(text, i + 2)) == "cjk"
    ):
        return 0.0  # ideographs do not separate words with spaces: a spaced script misread
    if ch in frequent or _KANA.match(ch):
        return 1.0
    return 0.8 if ch in everyday else 0.3


def _is_western(ch: str) -> bool:
    """A non-ASCII character of Western text (accented letter, Latin-1 or typographic mark)."""
    return ch >= "\x80" and not ch.isspace() and _script(ch) in ("latin", "other", "") and not _CJK_MARKS.match(ch)


def _western(ch: str, script: Script, prev: str, nxt: str) -> float:
    """A Latin (or other alphabetic) letter, or a punctuation mark or symbol, between its neighbours."""
    if script in ("latin", "other", "") and _is_western(prev) and _is_western(nxt):
        return 0.0  # Western text sets its accents and marks amid ASCII letters, not three in a row
    before, after = _script(prev), _script(nxt)
    if not script and before in _MARKED_SCRIPTS and unicodedata.category(ch) in ("Mn", "Mc"):
        return 1.0  # a vowel or tone mark on the letter before it
    if ch in _DIRECTION_MARKS:  # a right-to-left page's marks around a date or a Latin name, never inside a word
        return 0.0 if before in _ALPHABETS and after in _ALPHABETS else 1.0
    if not script:
        inside_word = before in _ALPHABETS and after in _ALPHABETS
        if ch in _COMMON_MARKS:
            return 0.0 if inside_word and ch not in _WORD_JOINERS else 1.0
        if inside_word:
            return 0.0  # "c½ur"
        if ch in _RARE_MARKS:
            return 0.3
        category = unicodedata.category(ch)
        if category[0] in "PN":
            return 0.8
        return 0.3 if category[0] == "S" else 0.0
    if before and before == after and before != script:
        return 0.0  # one letter of another script inside a word
    if script in _ALPHABETS:
        if (before in _ALPHABETS and before != script) or (after in _ALPHABETS and after != script):
            return 0.0  # Latin and Cyrillic (or Greek) letters in one word
        if (ch.isupper() and prev.islower()) or (ch.islower() and prev.isupper() and nxt.isupper()):
            return 0.0  # a capital inside a lower-case word ("numÈrique"), a small letter inside a capital one
        if before or after:
            return 1.0
        return 1.0 if ch in _ONE_LETTER_WORDS else 0.5  # à, è; or a stray byte
    return 0.1 if script == "halfwidth kana" else 0.5
