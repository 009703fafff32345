"""Stage 1, ingest: raw bytes -> decoded, normalized text (or a rejection with a reason).

Decoding trusts a byte-order mark, then strict UTF-8. Otherwise the common legacy encodings (GB18030,
Big5, Shift_JIS, cp949/EUC-KR, EUC-JP, cp1252, ISO-8859-15) and charset-normalizer's guesses are each
decoded strictly and scored for plausibility, and the most plausible reading wins: charset detectors
misread short CJK texts (GBK <-> Big5, Korean as EUC-JP) and confuse the Latin code pages, and a blind
fallback would publish mojibake.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import charset_normalizer

from .characters import CONTROL_CHARS
from .records import DecodedText, Rejection, Removal, SourceFile

# An article shorter than this (after normalization) is not an article but a fragment or a stub.
# Counted in Latin-letter equivalents: a CJK character, carrying about a word, counts as two.
MIN_ARTICLE_CHARS = 200

# Below this share of plausibly decoded bytes, a reading is mojibake (random bytes read as cp850 or
# KOI8-R, Korean read as GB18030 or cp1252, score under 0.6; real prose over 0.85).
MIN_PLAUSIBILITY = 0.7

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
    if visible < MIN_ARTICLE_CHARS:
        return reject(
            f"too short to be an article: {visible} characters of text, at least {MIN_ARTICLE_CHARS} needed"
        )
    return DecodedText(source.path, digest, text, encoding, tuple(removals))


_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
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
    head = data[:8192]
    if head.count(b"\x00") > len(head) // 100 + 1:
        return "binary data (NUL bytes)"
    return None


# Encodings always weighed against the detector's answers, commonest first: on a tie (the same text, as
# cp1252 and ISO-8859-15 give for a file that holds neither € nor œ) the earlier one wins. Supersets stand
# for their base: GB18030 reads GBK and GB2312, cp932 Shift_JIS, cp949 EUC-KR, Big5-HKSCS Big5.
COMMON_ENCODINGS = ("gb18030", "big5", "cp932", "cp949", "euc_jp", "big5hkscs", "cp1252", "iso-8859-15")


def decode(data: bytes) -> tuple[str, str] | None:
    """The text and the encoding it was read with, or None if no encoding reads it sanely."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            return (text, f"{encoding} (BOM)") if text is not None else None
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    # Detectors confuse the CJK legacy encodings on short texts (Korean read as EUC-JP, Big5 as GBK), and
    # the single-byte Latin code pages with each other: every candidate that decodes strictly is scored
    # for plausibility, and the most plausible reading wins.
    detected = [match.encoding for match in charset_normalizer.from_bytes(data)]
    candidates = list(dict.fromkeys([*COMMON_ENCODINGS, *detected]))
    best: tuple[float, int, str, str] | None = None
    for preference, encoding in enumerate(candidates):
        text = _strict(data, encoding)
        if text is None:
            continue
        score = plausibility(text, encoding)
        if score >= MIN_PLAUSIBILITY and (best is None or (score, -preference) > (best[0], best[1])):
            best = (score, -preference, text, encoding)
    return (best[2], best[3]) if best else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


def _double_byte_range(encoding: str, leads: range, trails: range | list[int]) -> set[str]:
    chars = set()
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


@lru_cache(maxsize=1)
def _tiers() -> _Tiers:
    """Built on first use (0.1 s), so UTF-8 corpora never pay for it."""
    try:
        from charset_normalizer.constant import FREQUENCIES
    except ImportError:  # an internal table of the detector: without it, one tier fewer
        FREQUENCIES = {}  # noqa: N806
    from .chinese import SIMPLIFIED, TRADITIONAL, convert  # OpenCC, needed only for legacy CJK files

    chinese = "".join(ch for ch in FREQUENCIES.get("Chinese", ()) if _script(ch) == "cjk")
    japanese = "".join(ch for ch in FREQUENCIES.get("Japanese", ()) if _script(ch) == "cjk")
    return _Tiers(
        frequent_zh=frozenset(chinese + convert(chinese, TRADITIONAL) + convert(chinese, SIMPLIFIED)),
        everyday_zh=frozenset(
            _double_byte_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
            | _double_byte_range("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
        ),
        frequent_ja=frozenset(japanese),
        everyday_ja=frozenset(_double_byte_range("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF))),
        frequent_ko=frozenset(ch for ch in FREQUENCIES.get("Korean", ()) if _script(ch) == "hangul"),
        hangul=frozenset(_double_byte_range("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))),
    )


def _script(ch: str) -> str:
    """The writing system of a letter ("latin", "cjk", "hangul", ...); "" for anything not a letter."""
    if not ch.isalpha():
        return ""
    code = ord(ch)
    if code < 0x80 or 0xC0 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x370 <= code <= 0x3FF:
        return "greek"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if (0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF  # kana
            or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF  # Han
            or code in (0x3005, 0x3006, 0x3007)):  # 々 〆 〇
        return "cjk"
    if 0xFF66 <= code <= 0xFF9F:
        return "halfwidth kana"
    return "other"


# Punctuation and symbols of everyday Western typography; those that may stand inside a word.
_COMMON_MARKS = frozenset("’‘“”„‚«»‹›–—…•·°€£¥¢§©®™×÷±¡¿¹²³¼½¾")
_WORD_JOINERS = frozenset("’‘·‐‑")
_RARE_MARKS = frozenset("¤¦¨´¸¯¬¶\xad")  # Latin-1 symbols that prose hardly uses: where ISO-8859-15 has € œ Ž
# CJK punctuation, full-width forms, circled numbers, the shapes and marks CJK pages use as bullets.
_CJK_MARKS = re.compile(
    r"[\u3000-\u303f\u30fb\uff01-\uff65\uffe0-\uffee\u2460-\u24ff\u25a0-\u25ff\u2605\u2606\u203b]"
)
# ASCII that prose seldom uses (markup, code, line art): half plausible.
_ODD_ASCII = re.compile(r"[^\x80-\U0010ffff\t\n\r 0-9A-Za-z.,;:!?'\"()\[\]\-%&/@#*+=$]")
_ALPHABETS = frozenset({"latin", "greek", "cyrillic"})
_ONE_LETTER_WORDS = frozenset("àáèéìíòóùú")  # à (fr, it, pt), è (it), é (pt), ó (es)
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Korean separates its words with spaces: a dozen syllables and ideographs without a break is Chinese read
# as Korean.
_UNSPACED_HANGUL = re.compile(r"[\uac00-\ud7a3\u3400-\u9fff\uf900-\ufaff]{13,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SAMPLE_NON_ASCII = 3000


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
    positions = [match.start() for match in islice(_NON_ASCII.finditer(text), _SAMPLE_NON_ASCII)]
    sample = text[: positions[-1] + 1] if len(positions) == _SAMPLE_NON_ASCII else text
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


def _ideograph(ch: str, prev: str, nxt: str, text: str, i: int, frequent, everyday) -> float:
    """A Han character or kana between its neighbours."""
    before, after = _script(prev), _script(nxt)
    if before and before == after and before != "cjk":
        return 0.0  # one ideograph inside a word of another script: "f眉r", a Hanja amid Hangul
    if (prev == " " and i >= 2 and _script(text[i - 2]) == "cjk") or (
        nxt == " " and i + 2 < len(text) and _script(text[i + 2]) == "cjk"
    ):
        return 0.0  # ideographs do not separate words with spaces: a spaced script misread
    if ch in frequent or "\u3040" <= ch <= "\u30ff":
        return 1.0
    return 0.8 if ch in everyday else 0.3


def _is_western(ch: str) -> bool:
    """A non-ASCII character of Western text (accented letter, Latin-1 or typographic mark)."""
    return ch >= "\x80" and not ch.isspace() and _script(ch) in ("latin", "other", "") and not _CJK_MARKS.match(ch)


def _western(ch: str, script: str, prev: str, nxt: str) -> float:
    """A Latin (or other alphabetic) letter, or a punctuation mark or symbol, between its neighbours."""
    if script in ("latin", "other", "") and _is_western(prev) and _is_western(nxt):
        return 0.0  # Western text sets its accents and marks amid ASCII letters, not three in a row
    before, after = _script(prev), _script(nxt)
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
        if before in _ALPHABETS and before != script or after in _ALPHABETS and after != script:
            return 0.0  # Latin and Cyrillic (or Greek) letters in one word
        if ch.isupper() and prev.islower() or ch.islower() and prev.isupper() and nxt.isupper():
            return 0.0  # a capital inside a lower-case word ("numÈrique"), a small letter inside a capital one
        if before or after:
            return 1.0
        return 1.0 if ch in _ONE_LETTER_WORDS else 0.5  # à, è; or a stray byte
    return 0.1 if script == "halfwidth kana" else 0.5


def normalize_text(text: str) -> tuple[str, list[Removal]]:
    """Unify newlines, compose Unicode (NFC) and remove control characters, recording where."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    removals = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = CONTROL_CHARS.findall(line)
        if found:
            removals.append(Removal("control_characters", number, number, len(found)))
            lines[number - 1] = CONTROL_CHARS.sub("", line)
    return "\n".join(lines), removals
