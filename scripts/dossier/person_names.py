"""The shape of a person's name, per script: Latin-script names of two to six capitalized words (particles
inside: "Ruiz de la Torre"), caseless scripts' names of a few words, Chinese, Japanese and Korean names of
their usual lengths (`person_name`), and the wider shape a name takes after an explicit byline marker
(`marked_name`: "文｜動脈網"). Never a role, an outlet, a word of the page's chrome."""

from __future__ import annotations

import re
from functools import cache

from .characters import CAPITALS_UNUSED, CJK, HAN, HANGUL, HIRAGANA, WORD, char_class, unicode_script
from .chinese import TRADITIONAL, convert
from .line_shape import any_languages_stopwords
from .meta_lines import CJK_CHAR, URL_OR_EMAIL, is_role
from .meta_vocabulary import VOCABULARY
from .thresholds import META_LINES

_HAN = char_class(HAN)
_LATIN_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:[-'’][^\W\d_]+)*\.?$")
_KOREAN_NAME = re.compile(f"[{char_class(HANGUL)}]+")  # 김민준
_TRANSLITERATED_NAME = re.compile(f"[{_HAN}]+(?:[·・][{_HAN}]+)+")  # 拉里·埃里森
_CHINESE_NAME = re.compile(f"[{_HAN}]+")  # 叶知秋, 韓璐
_JAPANESE_NAME_PART = re.compile(f"[{_HAN}][{_HAN}{char_class(HIRAGANA)}]*")  # 佐藤, 健太, 山田さくら
_INITIAL_AND_NAME = re.compile(r"(?=[A-ZА-ЯЁӨҮ]\.[A-ZА-ЯЁӨҮ])[^\W\d_]\.[^\W\d_]{2,}")  # Б.Сарнай
_NO_NAME_WORDS = frozenset(VOCABULARY.role_words + VOCABULARY.not_name_words)  # (tested for every word of a line)
_MARKED_CJK_NAME = re.compile(f"[{char_class(CJK)}·・]+")  # 動脈網, 拉里·埃里森


def _caseless_word(word: str) -> bool:
    """A word of letters (and the marks written on them) of a script without capitals: Hebrew, Arabic,
    the Indic scripts, Thai, Georgian (נועה, محمد, सुमन, செந்தில்குமார்); an initial may end in a full stop
    ("க.")."""
    letters = word.removesuffix(".")
    return bool(WORD.fullmatch(letters)) and not CJK_CHAR.search(letters) and not any(
        ch.isupper() or (ch.islower() and unicode_script(ch) not in CAPITALS_UNUSED) for ch in letters)


def person_name(text: str) -> bool:
    """Shaped like one person's name: 2-6 capitalized words (particles allowed inside), or a Chinese,
    Japanese or Korean name of the usual length. Never an outlet ("The …", "…網"), a role, a handle."""
    text = text.strip()
    if not text or URL_OR_EMAIL.search(text) or any(ch.isdigit() for ch in text):
        return False
    if CJK_CHAR.search(text):
        return _cjk_person(text)
    if _INITIAL_AND_NAME.fullmatch(text):
        return True  # "Б.Сарнай": the father's initial run on to the name, as Mongolian writes it
    words = text.split()
    low, high = META_LINES.latin_name_words
    if not low <= len(words) <= high or len(text) > META_LINES.latin_name_max_chars:
        return False
    if text.isupper() or words[0].casefold() in VOCABULARY.articles:
        return False
    if any(word.casefold().strip(".") in _NO_NAME_WORDS for word in words):
        return False
    for n, word in enumerate(words):
        if not _LATIN_WORD.match(word) and word != "&":
            return False
        if word[0].isupper():
            continue
        if 0 < n < len(words) - 1 and word.casefold() in VOCABULARY.name_particles:
            continue
        return False
    return True


def _cjk_person(text: str) -> bool:
    if is_role(text) or text.endswith(VOCABULARY.outlet_endings):
        return False
    parts = text.split()
    compact = "".join(parts)
    if _KOREAN_NAME.fullmatch(compact):
        low, high = META_LINES.hangul_name_chars
        return len(parts) == 1 and low <= len(compact) <= high
    if _TRANSLITERATED_NAME.fullmatch(compact):
        return len(parts) == 1 and len(compact) <= META_LINES.transliterated_name_max_chars
    if _CHINESE_NAME.fullmatch(compact) and len(parts) == 1:
        low, high = META_LINES.han_name_chars
        return low <= len(compact) <= high
    two_parts = META_LINES.japanese_name_parts  # family and given name, apart or run together
    if len(parts) <= two_parts and all(_JAPANESE_NAME_PART.fullmatch(part) for part in parts):
        low, high = META_LINES.japanese_name_chars
        return low <= len(compact) <= high and (
            len(parts) == two_parts or len(compact) <= META_LINES.han_name_chars[1]
        )
    return False


def _caseless_name(text: str) -> bool:
    """In a script without capitals (Hebrew, Arabic, the Indic scripts), where a name has no shape of its
    own, a few words none of which is a function word or a role ("ثنا ملک", not "के बारे में", "about")."""
    words = text.split()
    low, high = META_LINES.latin_name_words
    function_words = any_languages_stopwords()
    return low <= len(words) <= high and all(_caseless_word(word) and not is_role(word) and word not in function_words
                                             for word in words)


def person_name_in_any_case(text: str) -> bool:
    """A person's name, or one in capitals as a wire's byline sets it ("By JOHN SMITH")."""
    return person_name(text) or (text.isupper() and person_name(text.title()))


def marked_name(text: str) -> bool:
    """What may follow an explicit byline marker: a person's name, or (in CJK) any short name, since
    the marker already says it is the writer ("文｜動脈網" names an agency as the author); in a script
    without capitals (Hebrew, Arabic), where a name has no shape of its own, a few words."""
    text = text.strip()
    if person_name_in_any_case(text) or _caseless_name(text):
        return True
    compact = text.replace(" ", "")
    low, high = META_LINES.marked_cjk_name_chars
    return (
        bool(_MARKED_CJK_NAME.fullmatch(compact))
        and low <= len(compact) <= high
        and not is_role(compact)
    )


def unmarked_name(name: str) -> bool:
    """Whether a name that no byline marks (a line beside a dateline, a part of one) may be a person's: a
    name of Han characters alone only where it opens with a common Chinese surname, in two or three
    characters (four after a compound surname): "张伟", "欧阳娜娜", never a section's word ("健康", "科技",
    "健康频道") or a Japanese one ("経済"), unless set apart in two ("佐藤 健太"); a Korean one likewise
    (`_korean_unmarked`). Other names as they are."""
    compact = "".join(name.split())
    if _KOREAN_NAME.fullmatch(compact):
        return _korean_unmarked(compact)
    if not _CHINESE_NAME.fullmatch(compact) or len(name.split()) == META_LINES.japanese_name_parts:
        return True  # (a family name apart from the given name, as Japanese pages set it: "佐藤 健太")
    singles, compounds = _surnames()
    if compact[:2] in compounds:
        return len(compact) <= META_LINES.han_name_chars[1]
    return compact[0] in singles and len(compact) < META_LINES.han_name_chars[1]


def _korean_unmarked(name: str) -> bool:
    """A Korean name no marker names: three syllables after a common surname ("김민준"), four after a compound
    one ("남궁민수"); never a section's word of the same letters ("기업분석", "정치")."""
    if name[:2] in VOCABULARY.korean_compound_surnames:
        return len(name) == META_LINES.korean_unmarked_name_chars + 1
    return name[0] in VOCABULARY.korean_surnames and len(name) == META_LINES.korean_unmarked_name_chars


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """The common Chinese surnames, single and compound, in Simplified and Traditional characters."""
    singles = VOCABULARY.chinese_surnames
    compounds = VOCABULARY.chinese_compound_surnames
    return (frozenset(singles + convert(singles, TRADITIONAL)),
            frozenset(compounds) | {convert(surname, TRADITIONAL) for surname in compounds})
