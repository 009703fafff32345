"""Stage 1, ingest: raw bytes -> decoded, normalized text (or a rejection with a reason).

Decoding trusts a byte-order mark, then strict UTF-8. Otherwise the common legacy encodings (GB18030,
Big5, Shift_JIS, cp949/EUC-KR, EUC-JP, cp1252, ISO-8859-15) and charset-normalizer's guesses are each
decoded strictly and scored for plausibility, and the most plausible reading wins: charset detectors
misread short CJK texts (GBK <-> Big5, Korean as EUC-JP) and confuse the Latin code pages, and a blind
fallback would publish mojibake.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata

import charset_normalizer

from .characters import NON_ASCII, REMOVED_CHARS, WIDE, char_class, unify_newlines
from .detect import language_letters, language_of
from .plausibility import plausibility
from .records import DecodedText, Rejection, Removal, SourceFile
from .thresholds import CLEANING

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Magic numbers of binary formats that get saved as .txt by mistake, named for the report.
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest(source: SourceFile) -> DecodedText | Rejection:
    """Decode one file, or say why it cannot be an article."""
    digest = sha256_hex(source.data)

    def reject(reason: str) -> Rejection:
        return Rejection(source.path, digest, reason)

    if not source.data:
        return reject("empty file (0 bytes)")
    binary_kind = _binary_kind(source.data)
    if binary_kind:
        return reject(f"binary file: looks like {binary_kind}, not text")
    decoded = decode(source.data)
    if decoded is None:
        return reject(
            "not readable as text: no encoding (UTF-8/16/32, GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR, cp1252, "
            "ISO-8859-15 or the detector's guesses) decodes it without errors into plausible prose"
        )
    raw_text, encoding = decoded
    text, removals = normalize_text(raw_text)
    if not text.strip():
        return reject("whitespace only: the file holds no text")
    visible = text_weight(text)
    if visible < CLEANING.min_article_weight:
        return reject(
            f"too short to be an article: {visible} characters of text, at least {CLEANING.min_article_weight} needed"
        )
    return DecodedText(source.path, digest, text, encoding, tuple(removals))


_WIDE = re.compile(f"[{char_class(WIDE)}]")
_SPACE = re.compile(r"\s")


def text_weight(text: str) -> int:
    """Visible characters, wide (CJK) ones counted twice."""
    return len(text) - _SPACE.subn("", text)[1] + _WIDE.subn("", text)[1]  # counts, not lists of characters


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text legitimately holds NUL bytes
    head = data[: CLEANING.binary_sniff_bytes]
    if head.count(b"\x00") > len(head) // CLEANING.binary_nul_per_bytes + 1:
        return "binary data (NUL bytes), or UTF-16 text saved without its byte-order mark"
    return None


# Encodings always weighed against the detector's answers, commonest first: on a tie (the same text, as
# cp1252 and ISO-8859-15 give for a file that holds neither € nor œ) the earlier one wins. Supersets stand
# for their base: GB18030 reads GBK and GB2312, cp932 Shift_JIS, cp949 EUC-KR, Big5-HKSCS Big5. The
# Windows code pages of Central Europe and the Baltics come before the ISO ones the detector ranks first
# (ISO-8859-16 writes Romanian's ş as ș: equally Romanian, but not what a cp1250 file holds); ISO-8859-2
# follows cp1250, whose ą and ľ are its š and ž (the detector may not propose it at all: the language's
# letters tell the two readings apart). Those of the other alphabets (Cyrillic, Greek, Hebrew, Arabic) too:
# the detector may propose none for a short page that opens with a direction mark, and their readings of
# one file tie letter by letter, for the language to tell apart.
COMMON_ENCODINGS = ("gb18030", "big5", "cp932", "cp949", "euc_jp", "big5hkscs", "cp1252", "iso-8859-15", "cp1250",
                    "iso-8859-2", "cp1257", "cp1251", "cp1253", "cp1255", "cp1256")


def decode(data: bytes) -> tuple[str, str] | None:
    """The text and the encoding it was read with, or None if no encoding reads it sanely."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is not None:
                return text, f"{encoding} (BOM)"
            repaired = _repaired(data[len(bom) :], encoding, declared=True)
            return (repaired[0], f"{encoding} (BOM, {_invalid(repaired[1])})") if repaired else None
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    repaired = _repaired(data, "utf-8")
    if repaired:
        return repaired[0], f"utf-8 ({_invalid(repaired[1])})"
    # Detectors confuse the CJK legacy encodings on short texts (Korean read as EUC-JP, Big5 as GBK), and
    # the single-byte Latin code pages with each other: every candidate that decodes strictly is scored
    # for plausibility, and the most plausible reading wins.
    detected = [match.encoding for match in charset_normalizer.from_bytes(data)]
    candidates = list(dict.fromkeys([*COMMON_ENCODINGS, *detected]))
    readings: dict[str, tuple[float, str]] = {}  # text -> (plausibility, encoding), the earliest encoding
    for encoding in candidates:
        text = _strict(data, encoding)
        if text is not None and text not in readings:
            readings[text] = (plausibility(text, encoding), encoding)
    plausible = [(score, text, encoding) for text, (score, encoding) in readings.items()
                 if score >= CLEANING.min_plausibility]
    if not plausible:
        return None
    best = max(score for score, _, _ in plausible)
    contenders = [reading for reading in plausible if math.isclose(reading[0], best, abs_tol=CLEANING.plausibility_tie)]
    _, text, encoding = contenders[0] if len(contenders) == 1 else _likeliest_language(contenders)
    return text, encoding


def _likeliest_language(readings: list[tuple[float, str, str]]) -> tuple[float, str, str]:
    """Of readings (plausibility, text, encoding, in preference order) equally plausible letter by
    letter, one in the language fastText is surest of (Hebrew read in Cyrillic letters is hardly
    Russian), and of those the one most in that language's letters beyond ASCII, as CLDR writes it
    (ğ ı ş for Turkish). The code pages of one script differ by a few letters, each plausible alone
    (Turkish ğ ı ş are ð ý þ in cp1252, Czech ě ř are ì ø, Latvian ā ī are â î), and only the language
    tells them apart: fastText's confidence between two readings of one language is noise. The
    preferred one of equals, and when nothing says it is wrong: its language writes no such letters
    (English) or cannot be told, and no other reading is mostly in its own language's letters."""
    guesses = [language_of(text) for _, text, _ in readings]
    surest = max((guess for guess in guesses if guess), key=lambda guess: guess[1], default=None)

    def share(text: str, guess: tuple[str, float] | None) -> float:
        """How much of the reading's letters beyond ASCII the surest language writes (-1: the reading is
        in another language, or its language has no such letters, or cannot be told)."""
        letters = language_letters(guess[0]) if guess and surest and guess[0] == surest[0] else frozenset()
        found = [ch for ch in NON_ASCII.findall(text) if ch.isalpha()]
        return sum(ch in letters for ch in found) / len(found) if letters and found else -1.0

    shares = [share(text, guess) for (_, text, _), guess in zip(readings, guesses, strict=True)]
    best = max(range(len(readings)), key=lambda n: (shares[n], -n))
    if shares[0] < 0 and shares[best] < CLEANING.language_letters_share:
        return readings[0]  # nothing says the preferred reading is wrong
    return readings[best]


def _repaired(data: bytes, encoding: str, *, declared: bool = False) -> tuple[str, int] | None:
    """`data` read as `encoding` though a few of its byte sequences are invalid (a stray Latin-1 letter
    in a UTF-8 file, a character cut in two at its end, a lone surrogate), and how many were: each read as
    the cp1252 letter it is inside a Latin word, dropped otherwise. None when they are not few: more than a
    handful (a tenth of the valid characters beyond ASCII, in a file rich in them: a paragraph pasted in
    cp1252 into a German UTF-8 article), or, unless a byte-order mark `declared` the encoding, too many next
    to the valid characters beyond ASCII (the file is in another encoding). Stops at the first one too
    many, so a file in another encoding costs one pass per allowed error, no more."""
    parts: list[str] = []
    position = invalid = valid = 0
    replaced = data.decode(encoding, errors="replace")
    valid_beyond_ascii = NON_ASCII.subn("", replaced)[1] - replaced.count("\ufffd")
    allowed = max(CLEANING.max_invalid_sequences, min(valid_beyond_ascii // CLEANING.valid_per_allowed_invalid,
                                                      CLEANING.max_invalid_sequences_long))
    while True:
        try:
            parts.append(data[position:].decode(encoding))
            valid += NON_ASCII.subn("", parts[-1])[1]
            break
        except UnicodeDecodeError as error:
            invalid += 1
            if invalid > allowed:
                return None
            start, end = position + error.start, position + error.end
            parts.append(data[position:start].decode(encoding))
            valid += NON_ASCII.subn("", parts[-1])[1]
            parts.append(_stray(data[start:end], parts[-1][-1:], data[end : end + 1]))
            position = end
    enough = declared or valid >= CLEANING.valid_per_invalid_sequence * invalid
    return ("".join(parts), invalid) if enough else None


def _stray(sequence: bytes, before: str, after: bytes) -> str:
    """An invalid byte sequence as the cp1252 letter it is when it is one byte that reads as one and stands
    beside an ASCII letter ("M\xfcnchen": München), else nothing (a byte of a broken CJK character)."""
    letter = sequence.decode("cp1252", errors="ignore") if len(sequence) == 1 else ""
    beside_a_letter = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
    return letter if letter.isalpha() and beside_a_letter else ""


def _invalid(count: int) -> str:
    return f"{count} invalid byte sequence{'s' if count > 1 else ''} repaired"


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


def normalize_text(text: str) -> tuple[str, list[Removal]]:
    """Unify newlines, compose Unicode (NFC) and remove control characters (bidirectional ones included),
    recording where."""
    text = unicodedata.normalize("NFC", unify_newlines(text))
    removals: list[Removal] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = REMOVED_CHARS.findall(line)
        if found:
            removals.append(Removal("control_characters", number, number, len(found)))
            lines[number - 1] = REMOVED_CHARS.sub("", line)
    return "\n".join(lines), removals
