"""Character classes shared by every stage: controls, and the CJK scripts.

Each class is declared once here, as code-point ranges; `char_class` turns ranges into the text of a
regular-expression character class, and the search worker's tables are generated from the same ranges
(`search_text.analysis_tables`), so that the Python stages and the browser agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

import regex

Ranges = tuple[tuple[int, int], ...]

HAN: Ranges = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),  # Extension A, unified, compatibility
               (0x20000, 0x3FFFF))  # planes 2 and 3 (Extensions B to I: 𠮷, common in Cantonese)
HIRAGANA: Ranges = ((0x3040, 0x309F),)
KATAKANA: Ranges = ((0x30A0, 0x30FF), (0x31F0, 0x31FF))  # katakana, phonetic extensions
KANA: Ranges = HIRAGANA + KATAKANA
HALFWIDTH_KANA: Ranges = ((0xFF66, 0xFF9F),)  # rare in real Japanese text, frequent in mojibake
# Jamo, compatibility Jamo, Jamo Extended-A, syllables, Jamo Extended-B (old Korean letters)
HANGUL: Ranges = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xD7B0, 0xD7FF))
CJK: Ranges = tuple(sorted(HAN + KANA + HANGUL))
# Characters a terminal or a page draws two columns wide (East Asian Wide and Fullwidth), for widths.
WIDE: Ranges = ((0x1100, 0x115F), (0x2E80, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE30, 0xFE4F),
                (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x20000, 0x3FFFD))


def char_class(ranges: Ranges) -> str:
    """The inside of a regular-expression character class (`[...]`) matching `ranges`."""
    return "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)


# C0/C1 controls other than tab and newline, plus stray BOMs and other invisibles that break text.
CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff"
CONTROL_CHARS = re.compile(f"[{CONTROL}]")
# Bidirectional embeddings, overrides and isolates: an override in a title reverses the text after it,
# beyond the title, on every page that shows it ("gnp.exe" read as "exe.png"). Right-to-left text needs
# none of them (the marks U+200E, U+200F and U+061C are kept).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Characters that draw nothing and say nothing in text: the tag characters (U+E0000-E007F, which may spell out
# hidden words: "network\U000E0049\U000E0067…") and the noncharacters Unicode never assigns.
INVISIBLE_FORMAT = "\ufdd0-\ufdef\U000e0000-\U000e007f\U000ffffe\U000fffff\U0010fffe\U0010ffff"
# What no text keeps: the controls, the bidirectional ones and those invisible characters.
REMOVED_CHARS = re.compile(f"[{CONTROL}{BIDI_CONTROLS}{INVISIBLE_FORMAT}]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")  # what a legacy encoding decides: ASCII reads alike in all of them
DIGIT = re.compile(r"\d")  # a decimal digit of any script


# The characters that end a line or a paragraph, as "\n": old Mac files end lines with CR, text saved
# from Word or a script ends paragraphs with U+2029, a PDF's text its pages with a form feed. A soft line
# break inside a paragraph (Word's vertical tab, U+2028) is a space: the paragraph stays one line. Removed
# as control characters instead, they would join two words or two lines into one. (NEL, U+0085, stays a
# control character: in scraped text it is a cp1252 "…" read as Latin-1 far more often than a line end.)
_LINE_ENDS = str.maketrans({**dict.fromkeys("\r\x0c\x1c\x1d\x1e\u2029", "\n"), **dict.fromkeys("\x0b\u2028", " ")})


def unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_LINE_ENDS)


def plain_text(text: str) -> str:
    """`text` composed (NFC), its newlines unified and its control characters (bidirectional ones
    included) removed: the form every string from any input takes before it reaches a record."""
    return REMOVED_CHARS.sub("", unicodedata.normalize("NFC", unify_newlines(text)))


# A word: letters with the marks written on them (a Devanagari vowel sign, Arabic or Hebrew vowel points:
# "में" is one word, not "म"), and the apostrophes and hyphens inside it ("Здоров’я", "Aujourd'hui").
WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*")


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit of any script (Arabic-Indic ٢٠٢٣, Persian ۲۰۲۳, Devanagari २०२३ …)
    as its ASCII digit, one character for one: dates are read in ASCII, and offsets into the text stay
    true."""
    return text if text.isascii() else text.translate(_digit_table())


@cache  # built when first needed, not when every process imports this module
def _digit_table() -> dict[int, str]:
    return {code: str(unicodedata.digit(chr(code))) for code in range(0x80, 0x10000)
            if unicodedata.category(chr(code)) == "Nd"}


# Scripts whose letters Unicode gives capitals that their writers do not use: Georgian's Mtavruli (since
# Unicode 11) is for titles set all in capitals, never a name's first letter or a sentence's.
CAPITALS_UNUSED = frozenset({"GEORGIAN"})


def unicode_script(ch: str) -> str:
    """A character's script as the first word of its Unicode name ("LATIN", "CYRILLIC", "CJK"); "" for
    one without a name."""
    return unicodedata.name(ch, "").partition(" ")[0]


# A backslash that would read as one of `visible`'s escapes; what shows as nothing, or as a blank.
_ESCAPE_LOOKALIKE = re.compile(r"\\(?=u[0-9a-fA-F]{4})")
_DRAWN_AS_NOTHING = regex.compile(r"[\p{Default_Ignorable_Code_Point}\u2800]")


def visible(name: str) -> str:
    """A file's name as a maintainer must see it: its invisible characters (controls, bidirectional and
    zero-width ones, line separators, any space but the space itself, the characters Unicode says to draw
    as nothing, such as variation selectors and the Hangul fillers, and the braille blank) written out as
    escapes ("\\u202e"), and a backslash doubled where it would read as one of those escapes
    ("note\\u202e.txt" is a name of its own); in a name written decomposed (é as e and a combining accent,
    as macOS saves names), its combining marks too: two files in one folder may be named é.txt in either
    form, and look the same."""
    decomposed = unicodedata.normalize("NFC", name) != name
    return "".join(f"\\u{ord(ch):04x}" if is_unseen(ch) or (decomposed and unicodedata.combining(ch)) else ch
                   for ch in _ESCAPE_LOOKALIKE.sub(r"\\\\", name))


# The marks CJK pages open subheadings and bullets with ("■代表取締役のコメント", "■ LINE株式会社について").
SUBHEADING_MARKS = "■□◆◇●○▶▷★☆◎"

# Pictographs and the marks that dress them ("✍️ Por …", "▪️ …"): symbols a post opens a line with, before its words;
# and the invisible marks of direction a right-to-left page may open a line with (RLM, LRM, ALM).
_LEADING_SYMBOLS = regex.compile(r"^[\p{So}\p{Sk}\uFE0E\uFE0F\u200D\u200E\u200F\u061C\s]+")


def without_leading_symbols(text: str) -> str:
    """`text` without the pictographs it opens with ("✍️ Por Mariana Costa" → "Por Mariana Costa")."""
    return str(_LEADING_SYMBOLS.sub("", text))


def is_unseen(ch: str) -> bool:
    """A character that shows as nothing, or as a space that is not the space."""
    return unicodedata.category(ch) in ("Cc", "Cf") or (ch.isspace() and ch != " ") or bool(_DRAWN_AS_NOTHING.match(ch))


def plain_strings(data: Any) -> Any:
    """`data` (parsed YAML or JSON) with `plain_text` applied to every string, keys included."""
    if isinstance(data, str):
        return plain_text(data)
    if isinstance(data, dict):
        return {plain_strings(key): plain_strings(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain_strings(item) for item in data]
    return data


# Alphabets, for telling a letter's script (ingest's plausibility): Basic Latin, Latin-1 letters and Latin
# Extended-A and B, Latin Extended Additional; Greek and Coptic; Cyrillic and its Supplement; and the
# scripts without capitals that legacy code pages carry (cp1255, cp1256, cp874): Hebrew and its
# presentation forms, Arabic with its Supplement, Extended-A and presentation forms, Thai.
LATIN: Ranges = ((0x0000, 0x007F), (0x00C0, 0x024F), (0x1E00, 0x1EFF))
GREEK: Ranges = ((0x0370, 0x03FF),)
CYRILLIC: Ranges = ((0x0400, 0x052F),)
HEBREW: Ranges = ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))
ARABIC: Ranges = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
THAI: Ranges = ((0x0E00, 0x0E7F),)
LAO: Ranges = ((0x0E80, 0x0EFF),)
# A letter of the scripts that end no sentence with a mark and count years in the Buddhist era.
THAI_OR_LAO = re.compile(f"[{char_class(THAI + LAO)}]")
# Marks that stand among ideographs as letters: 々 (iteration), 〆 (closing), 〇 (zero).
IDEOGRAPHIC_MARKS: Ranges = ((0x3005, 0x3007),)
# Punctuation and symbols of CJK pages: ※, circled numbers, the shapes and stars used as bullets, CJK
# symbols and punctuation, the katakana middle dot, full-width forms.
CJK_PUNCTUATION: Ranges = ((0x203B, 0x203B), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2605, 0x2606),
                           (0x3000, 0x303F), (0x30FB, 0x30FB), (0xFF01, 0xFF65), (0xFFE0, 0xFFEE))
