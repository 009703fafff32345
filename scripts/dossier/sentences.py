"""Sentence boundaries in any language: the one place that knows how sentences end.

`sentences(text, language)` splits a block's text with pysbd (the Python port of the Pragmatic
Segmenter), which knows each language's abbreviations, ordinals ("am 21. Juli") and sentence marks
(。！？); the pieces join back into the text exactly. It is what every quotation on the site is cut by.

`TERMINALS`, `CLOSERS` and `ROUGH_BOUNDARY` are the sentence marks themselves, for the stages that only
ask whether a line ends like a sentence or count its sentences (cleaning, duplicates, the context of a
mention), where pysbd's cost on every line would dominate the build and an exact boundary changes nothing.

Three repairs follow pysbd's answer, because it still cuts where no sentence can end: after a title
that stands before a name (its Spanish list of such titles is empty: "el Sr. García" was cut), after a
lone letter with a full stop (initials, "p. m.", "z. B."), and before a word in lower case. A closing
mark it cut off its sentence goes back to it ("。”" was cut after the "。"). And a text with no mark
inside it that could end a sentence is one sentence: pysbd is not asked."""

from __future__ import annotations

import re
from functools import cache

import pysbd
import regex
from pysbd.languages import LANGUAGE_CODES

from .characters import CAPITALS_UNUSED, THAI_OR_LAO, unicode_script

# pysbd's languages by their ISO 639-1 code; a BCP 47 tag is looked up by its first subtag. Languages it
# lacks: those ending sentences as English does use its rules; Korean ends them with . ! ? too.
FALLBACK = "en"

# Titles that stand before a name, per language: a full stop after one never ends a sentence.
TITLES = {
    "en": {"mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "capt", "rev"},
    "de": {"dr", "prof", "hr", "fr", "st", "dipl", "ing"},
    "fr": {"m", "mme", "mlle", "mm", "dr", "pr", "me", "mgr", "st", "ste"},
    "es": {"sr", "sra", "srta", "sres", "dr", "dra", "lic", "ing", "prof", "profa", "d", "dña", "sto", "sta"},
    "it": {"sig", "sigra", "dott", "dottssa", "prof", "ing", "avv", "on"},
    "pt": {"sr", "sra", "dr", "dra", "prof", "profa", "eng"},
    "nl": {"dhr", "mevr", "dr", "prof", "ir", "mr"},
}

# What ends a sentence in the scripts the site reads, and what may close after it ("…done.” He"): full stops,
# exclamation and question marks, and the full stops of Devanagari and its kin (danda, double danda), Urdu,
# Armenian, Ethiopic and Burmese, and the Arabic question mark.
TERMINALS = ".。!！?？…।॥۔։።။؟"
# After a sentence's mark, a quotation closes in any of its languages' marks: ” and ’ in English, “ and ‘ in
# German („…“, ‚…‘) and Urdu, « and ‹ in German's »…«, » and › in French, where a space may stand before them.
CLOSERS = "\"'”’“‘»«›‹」』)）"
ONLY_CLOSING = "”’」』)）"  # the closers that never open a quotation
_CLOSING = f"(?:[ \u00a0\u202f]?[{re.escape(CLOSERS)}])*"  # (French sets » apart: "bien. »")
# A full stop followed by a space or the end, or a CJK mark (which needs no space), with its closers.
ROUGH_BOUNDARY = re.compile(f"\\.[{CLOSERS}]*(?=\\s|$)|[{TERMINALS.replace('.', '')}；;][{CLOSERS}]*")

# Punctuation that ends a sentence (and closing quotes or brackets after it); Greek asks with ";" (its
# question mark, U+037E, is a semicolon once composed), after a Greek word.
FULL_STOP_END = re.compile(f"[.。][{re.escape(CLOSERS)}]*$")  # a full stop ends the line (not ! nor ?)
_SENTENCE_END = re.compile(f"[{re.escape(TERMINALS)}]{_CLOSING}$")
_QUESTION_END = re.compile(f"[?？!！؟]{_CLOSING}$")
_GREEK_QUESTION_END = re.compile(f"[\u0370-\u03ff\u1f00-\u1fff];{_CLOSING}$")
_LAST_WORD = re.compile(r"(\w+)\.\s*$")
_LONE_LETTER = re.compile(r"(?:^|[\s(])\w\.\s*$")


# A line a wrap breaks mid-sentence goes on below it: a word split by a hyphen, or the next line opening in
# lower case (not in Georgian, whose writers use no capitals).
_GOES_ON = regex.compile(r"\p{L}-\n\p{Ll}|[\w,;]\n\p{Ll}")


def goes_on_below(text: str, below: str) -> bool:
    """Whether the sentence in `text` goes on in the line `below` ("… and phy-" / "sician assistants")."""
    first_word = below.split(maxsplit=1)[0] if below.strip() else ""
    found = _GOES_ON.search(text[-2:] + "\n" + first_word[:1])
    # A word with a capital inside ("watchOS", "eBay") is a name that opens a sentence, not one going on.
    return (found is not None and first_word == first_word.lower()
            and unicode_script(found.group()[-1]) not in CAPITALS_UNUSED)


def ends_like_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text) or _GREEK_QUESTION_END.search(text))


def ends_sentences_unmarked(text: str) -> bool:
    """Written mostly in a script whose sentences end with no mark (Thai, Lao: a space sets sentences apart,
    so their prose never ends like one)."""
    return len(THAI_OR_LAO.findall(text)) * 2 > len(text)


def ends_like_question(text: str) -> bool:
    """Ends with a question or exclamation mark, in any script the site reads (Arabic ؟, Greek ;)."""
    return bool(_QUESTION_END.search(text) or _GREEK_QUESTION_END.search(text))


def pysbd_language(language: str) -> str:
    """The pysbd language for a BCP 47 tag: zh-Hans and zh-Hant are zh, de-AT is de."""
    primary = language.split("-", 1)[0].lower()
    return primary if primary in LANGUAGE_CODES else FALLBACK


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False)


def sentences(text: str, language: str) -> list[str]:
    """`text` cut into its sentences, each with the spacing that follows it: "".join(result) == text."""
    if not text.strip():
        return [text] if text else []
    segmenter = _segmenter(pysbd_language(language))
    if _one_sentence(text, segmenter.language_module.Punctuations):
        return [text]
    pieces = _segmented(text, segmenter)
    merged: list[str] = []
    titles = TITLES.get(language.split("-", 1)[0].lower(), set())
    for piece in pieces:
        closing = _closing_marks(merged[-1], piece) if merged else ""
        if closing:
            merged[-1] += closing
        rest = piece[len(closing):]
        if merged and (not rest.strip() or _continues(merged[-1], rest, titles)):
            merged[-1] += rest
        elif rest:
            merged.append(rest)
    return merged


# pysbd's time grows faster than the text: a long text goes through it a window at a time, each window
# starting at the last sentence the one before found whole.
WINDOW = 2000


def _segmented(text: str, segmenter: pysbd.Segmenter) -> list[str]:
    pieces: list[str] = []
    start = 0
    while len(text) - start > WINDOW:
        window = _pieces(text[start : start + WINDOW], _split(text[start : start + WINDOW], segmenter))
        if len(window) == 1:  # no sentence ends inside the window: take it whole
            window.append("")
        pieces += window[:-1]
        start += sum(map(len, window[:-1]))
    return pieces + _pieces(text[start:], _split(text[start:], segmenter))


def _split(text: str, segmenter: pysbd.Segmenter) -> list[str]:
    """pysbd's sentences, as its processor finds them. `Segmenter.segment` would then find each one in
    the text again with a regular expression made for it (a compilation per sentence: a quarter of
    pysbd's time), which `_pieces` does with `str.find`."""
    return list(segmenter.processor(text).process()) if text else []


def _pieces(text: str, segments: list[str]) -> list[str]:
    """pysbd's segments as consecutive slices of `text`, so that nothing is lost or changed."""
    starts = [0]
    position = 0
    for segment in segments:
        found = text.find(segment.strip(), position)
        if found < 0:
            continue
        if found > starts[-1]:
            starts.append(found)
        position = found + len(segment.strip())
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]


def _one_sentence(text: str, marks: list[str]) -> bool:
    """Whether `text` is one sentence before pysbd is asked (its time grows with the characters, marks or
    none; a paragraph of one sentence is common): no line break in it, and none of the marks pysbd ends a
    sentence with in its language (`marks`: for Hindi।, Armenian ։, Urdu ۔ too) but at its end, with their
    closers, nor a closing parenthesis (pysbd cuts before the items of a list such as "1) … 2) …")."""
    body = text.strip()
    if "\n" in body or "\r" in body:
        return False
    inner = body.rstrip("".join(marks) + CLOSERS + " ")
    return ")" not in inner and not any(mark in inner for mark in marks)


def _closing_marks(previous: str, piece: str) -> str:
    """The closing marks pysbd cut off the sentence before `piece`, right after its mark (。” became 。 and
    ”): those `piece` opens with when `previous` ends with a sentence mark, no space between. Only marks
    that never open a quotation: a straight quote or a » may open the next sentence ("。"这是…")."""
    if previous[-1:] not in TERMINALS:
        return ""
    return piece[: len(piece) - len(piece.lstrip(ONLY_CLOSING))]


def _continues(previous: str, piece: str, titles: set[str]) -> bool:
    """Whether pysbd cut inside a sentence between `previous` and `piece`."""
    following = piece.lstrip()
    if following[:1].islower():
        return True
    last = _LAST_WORD.search(previous)
    if last and last.group(1).casefold() in titles:
        return True
    return bool(_LONE_LETTER.search(previous)) and following[:1].isalpha()
