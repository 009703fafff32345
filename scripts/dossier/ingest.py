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
MIN_ARTICLE_CHARS = 200

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
        return reject("cannot be decoded as text in any supported encoding without errors")
    raw_text, encoding = decoded
    text, removals = normalize_text(raw_text)
    if not text.strip():
        return reject("whitespace only: the file holds no text")
    visible = len("".join(text.split()))
    if visible < MIN_ARTICLE_CHARS:
        return reject(
            f"too short to be an article: {visible} characters of text, at least {MIN_ARTICLE_CHARS} needed"
        )
    return DecodedText(source.path, digest, text, encoding, tuple(removals))


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
    candidates = []
    for match in charset_normalizer.from_bytes(data):
        candidates.append(match.encoding)
    # Detectors confuse the CJK legacy encodings on short texts: always weigh these against each other.
    candidates += ["gb18030", "big5", "shift_jis", "cp1252"]
    best: tuple[float, str, str] | None = None
    for encoding in dict.fromkeys(candidates):
        text = _strict(data, encoding)
        if text is None:
            continue
        score = plausibility(text)
        if score > 0 and (best is None or score > best[0]):
            best = (score, text, encoding)
    return (best[1], best[2]) if best else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


# Characters that real prose in our languages is made of; mojibake leans on the rest.
_PLAUSIBLE = re.compile(
    r"[\s0-9A-Za-z.,;:!?'\"()\[\]\-–—…“”‘’«»%&/@#*+=€$£¥"
    r"\u00c0-\u017f"  # Latin-1 and Latin Extended-A letters (ü, é, ß, œ)
    r"\u3000-\u303f\uff00-\uffef"  # CJK punctuation, full-width forms
    r"\u3040-\u30ff"  # kana
    r"\u4e00-\u9fff]"  # CJK unified ideographs (the common block)
)


def plausibility(text: str) -> float:
    """Share of the text made of characters real prose uses; 0 when it holds control debris."""
    if not text:
        return 0.0
    sample = text[:20000]
    if _CONTROL_CHARS.search(sample.replace("\ufeff", "")):
        return 0.0
    plausible = len(_PLAUSIBLE.findall(sample))
    return plausible / len(sample)


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
