"""Stage 3, detect: the language of a clean text (BCP 47), and for Chinese its script.

Lingua (the most accurate identifier on short texts) says "Chinese"; the script is decided by
`chinese.dominant_script`, since no language identifier tells Traditional from Simplified.

The language is the body's: the headline is one short line and may be in another language (an English
title above a translated article), and furniture the clean stage missed (a menu, a share bar, a
dateline) is short too. So the sample is made of the text's longest lines, which are its prose, and the
title weighs in only when the body is too short to tell.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import LanguageDetector, LanguageDetectorBuilder

from .characters import CJK, HAN, HANGUL, KANA, char_class
from .chinese import dominant_script
from .records import CleanText, Detected
from .thresholds import DETECTION

_HAN = re.compile(f"[{char_class(HAN)}]")
_KANA = re.compile(f"[{char_class(KANA)}]")
_HANGUL = re.compile(f"[{char_class(HANGUL)}]")
_CJK = re.compile(f"[{char_class(CJK)}]")
_COUNTED_SLICE = 4096  # characters


@cache
def load_detector() -> LanguageDetector:
    # All of Lingua's 75 languages, so tomorrow's article in any of them is named right. Low-accuracy
    # mode (trigram models only) loads in 0.3 s instead of 7.5 s, and on article-length text it is as
    # accurate as the full models (Lingua's published tables).
    builder = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


def prose_sample(text: str, budget: int = DETECTION.sample_chars) -> str:
    """The text's longest lines, up to `budget` characters, in their original order: the prose of an
    article outweighs its headline, its furniture and its captions. One line longer than the budget is
    cut to it."""
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines()) if line.strip()]
    chosen: list[tuple[int, str]] = []
    used = 0
    for n, line in sorted(lines, key=lambda item: (-len(item[1]), item[0])):
        if used >= budget:
            break
        chosen.append((n, line[: budget - used]))
        used += len(chosen[-1][1]) + 1
    return "\n".join(line for _, line in sorted(chosen))


def script_language(sample: str) -> str | None:
    """The language a text's script alone decides: Han with kana is Japanese, Hangul Korean, Han alone
    Chinese. Saves the statistical model its time on the CJK half of the corpus. A CJK character carries
    about a word, so it weighs as two letters against Latin ones (an English name in a Korean sentence
    does not outvote it)."""
    han, kana, hangul = (2 * len(p.findall(sample)) for p in (_HAN, _KANA, _HANGUL))
    letters = _letters(sample) or 1
    if kana / letters > DETECTION.japanese_kana_share:
        return "ja"
    if hangul / letters > DETECTION.korean_hangul_share:
        return "ko"
    if han / letters > DETECTION.chinese_han_share and kana == 0:
        return "zh"
    return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when it cannot be told."""
    sample = prose_sample(text)
    by_script = script_language(sample)
    if by_script:
        return by_script
    language = load_detector().detect_language_of(sample) if sample.strip() else None
    if language is None:
        return "und"
    return language.iso_code_639_1.name.lower()


def _letters(text: str) -> int:
    """Letters, CJK ones counted twice."""
    return sum(1 for ch in text if ch.isalpha()) + _CJK.subn("", text)[1]


def has_letters(text: str, wanted: int) -> bool:
    """Whether `text` holds at least `wanted` letters (CJK ones counted twice), counted a slice at a time
    until there are enough: an article of megabytes is not counted through."""
    found = 0
    for start in range(0, len(text), _COUNTED_SLICE):
        found += _letters(text[start : start + _COUNTED_SLICE])
        if found >= wanted:
            return True
    return wanted <= 0


def detect(clean: CleanText) -> Detected:
    body = "\n".join(block.text for block in clean.blocks)
    # The body decides; the title only helps a body too short to tell on its own.
    text = body if has_letters(body, DETECTION.min_body_letters) else "\n".join([clean.title, body])
    base = detect_language(text)
    language = dominant_script(prose_sample(text, DETECTION.script_sample_chars)) if base == "zh" else base
    return Detected(clean=clean, language=language, base_language=base)
