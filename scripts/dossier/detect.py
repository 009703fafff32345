"""Stage 3, detect: the language of a clean text (BCP 47), and for Chinese its script.

Lingua (the most accurate identifier on short texts) says "Chinese"; the script is decided by
`chinese.dominant_script`, since no language identifier tells Traditional from Simplified.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import LanguageDetectorBuilder

from .chinese import dominant_script
from .records import CleanText, Detected

_SAMPLE_CHARS = 1500  # enough for a confident answer; keeps detection fast on long articles
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")


@lru_cache(maxsize=1)
def load_detector():
    # All of Lingua's 75 languages, so tomorrow's article in any of them is named right. Low-accuracy
    # mode (trigram models only) loads in 0.3 s instead of 7.5 s, and on article-length text it is as
    # accurate as the full models (Lingua's published tables).
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().with_preloaded_language_models().build()


def script_language(sample: str) -> str | None:
    """The language a text's script alone decides: Han with kana is Japanese, Hangul Korean, Han alone
    Chinese. Saves the statistical model its time on the CJK half of the corpus."""
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    han, kana, hangul = (len(p.findall(sample)) for p in (_HAN, _KANA, _HANGUL))
    if kana / letters > 0.05:
        return "ja"
    if hangul / letters > 0.3:
        return "ko"
    if han / letters > 0.3 and kana == 0:
        return "zh"
    return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when it cannot be told."""
    sample = text[:_SAMPLE_CHARS]
    by_script = script_language(sample)
    if by_script:
        return by_script
    language = load_detector().detect_language_of(sample) if sample.strip() else None
    if language is None:
        return "und"
    return language.iso_code_639_1.name.lower()


def detect(clean: CleanText) -> Detected:
    body = "\n".join([clean.title, *(block.text for block in clean.blocks)])
    base = detect_language(body)
    language = dominant_script(body[: _SAMPLE_CHARS * 2]) if base == "zh" else base
    return Detected(clean=clean, language=language, base_language=base)
