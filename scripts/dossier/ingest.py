"""Stage 1, ingest: raw bytes -> decoded, normalized text (or a rejection with a reason).

Decoding trusts a byte-order mark, then strict UTF-8, then charset-normalizer's candidates, each checked
for sanity (strict decode, no control debris, plausible script) before it is believed: charset detectors
misread short Chinese texts (GBK <-> Big5), and a blind fallback would publish mojibake.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import charset_normalizer

from .records import DecodedText, Rejection, Removal, SourceFile

# An article shorter than this (after normalization) is not an article but a fragment or a stub.
# Counted in Latin-letter equivalents: a CJK character, carrying about a word, counts as two.
MIN_ARTICLE_CHARS = 200

# Below this share of plausible characters, a decoding is mojibake (random bytes read as cp437 or
# GB18030 score under 0.5; real prose over 0.9).
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

# C0/C1 controls other than tab and newline, plus stray BOMs and other invisibles that break text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


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
            "not readable as text: no encoding (UTF-8/16/32, GB18030, Big5, Shift_JIS, EUC-KR, cp1252 or the "
            "detector's guesses) decodes it without errors into plausible prose"
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
    return len(text) - len(_SPACE.findall(text)) + len(_WIDE.findall(text))


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


def decode(data: bytes) -> tuple[str, str] | None:
    """The text and the encoding it was read with, or None if no encoding reads it sanely."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            return (text, f"{encoding} (BOM)") if text is not None else None
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    detected = [match.encoding for match in charset_normalizer.from_bytes(data)]
    # Detectors confuse the CJK legacy encodings on short texts, and the single-byte Latin code pages
    # with each other: always weigh the common ones against the detector's answers. On a tie the
    # commoner encoding wins (the order of this list).
    candidates = list(dict.fromkeys(["gb18030", "big5", "cp932", "euc_kr", "cp1252", *detected]))
    best: tuple[float, int, str, str] | None = None
    for preference, encoding in enumerate(candidates):
        text = _strict(data, encoding)
        if text is None:
            continue
        score = plausibility(text)
        if score >= MIN_PLAUSIBILITY and (best is None or (score, -preference) > (best[0], best[1])):
            best = (score, -preference, text, encoding)
    return (best[2], best[3]) if best else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


# Characters real prose in our languages is made of; mojibake leans on rare letters, symbols, rare
# ideographs and half-width kana.
_PLAUSIBLE = re.compile(
    r"[\s0-9A-Za-z.,;:!?'\"()\[\]\-–—…“”‘’«»%&/@#*+=€$£¥"
    r"\u00c0-\u00ffœŒšŠžŽŸ"  # the Western European letters (ü, é, ß, œ)
    r"\u3000-\u303f\uff01-\uff5e"  # CJK punctuation, full-width forms
    r"\u3040-\u30ff\uac00-\ud7af]"  # kana, Hangul
)
_HALF_PLAUSIBLE = re.compile(r"[\u0100-\u017f\u0370-\u03ff\u0400-\u04ff]")  # other European letters
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HAN_INSIDE_LATIN_WORD = re.compile(r"(?<=[A-Za-z])[\u3400-\u9fff\uf900-\ufaff]+(?=[A-Za-z])")


def _double_byte_range(encoding: str, leads: range, trails: range) -> set[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            chars.update(bytes((lead, trail)).decode(encoding, errors="ignore"))
    return chars


# The everyday ideographs, taken from the national standards' own "level 1" blocks: GB 2312 (3,755
# Simplified), Big5 (5,401 Traditional) and JIS X 0208 (2,965 Japanese). Mojibake produces mostly others.
_COMMON_HAN = frozenset(
    _double_byte_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    | _double_byte_range("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    | _double_byte_range("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF))
)


def plausibility(text: str) -> float:
    """How much the text looks like prose (0..1); 0 when it holds control debris."""
    if not text:
        return 0.0
    sample = text[:20000]
    if _CONTROL_CHARS.search(sample.replace("\ufeff", "")):
        return 0.0
    score = len(_PLAUSIBLE.findall(sample)) + 0.5 * len(_HALF_PLAUSIBLE.findall(sample))
    score += sum(1 for ch in _HAN.findall(sample) if ch in _COMMON_HAN)
    # An ideograph wedged inside a Latin word ("f眉r") is a Latin letter read as half of a GBK pair.
    score -= sum(len(run) for run in _HAN_INSIDE_LATIN_WORD.findall(sample))
    return max(score, 0.0) / len(sample)


def normalize_text(text: str) -> tuple[str, list[Removal]]:
    """Unify newlines, compose Unicode (NFC) and remove control characters, recording where."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    removals = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = _CONTROL_CHARS.findall(line)
        if found:
            removals.append(Removal("control_characters", number, number, len(found)))
            lines[number - 1] = _CONTROL_CHARS.sub("", line)
    return "\n".join(lines), removals
