"""An article's id (its URL), from its file's path alone."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePosixPath

from .characters import is_unseen

# A file directly in seeds/articles/ whose name is already a slug and ends in .txt: its id is the slug.
_PLAIN_NAME = re.compile(r"seeds/articles/([a-z0-9_]+(?:-[a-z0-9_]+)*)\.txt")
_SLUG_MAX_CHARS = 48  # with the hash, an id stays well within a file name's 255 bytes


def article_id(source_file: str) -> str:
    """The article's id (its URL), from its file's path alone, so that adding, removing or renaming
    another file never changes it. A plain name keeps its slug (seeds/articles/000_8c560dd54438cdbd.txt
    → 000_8c560dd54438cdbd). Any other path (another extension, capitals, spaces, accents, another
    script, a subfolder) gives a slug of its name, letters of every script kept and Latin accents
    dropped, then `--` and 8 hex digits of the path's SHA-256 (中文.txt → 中文--1b2c3d4e): a plain slug
    never holds `--`, so no two files can claim one id."""
    plain = _PLAIN_NAME.fullmatch(source_file)
    if plain:
        return plain.group(1)
    stem = unicodedata.normalize("NFC", PurePosixPath(source_file).stem)
    slug = re.sub(r"-+", "-", "".join(_slug_char(ch) for ch in stem.casefold())).strip("-")
    digest = hashlib.sha256(source_file.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug[:_SLUG_MAX_CHARS].strip('-') or 'article'}--{digest}"


def _slug_char(ch: str) -> str:
    """A letter, digit or mark as it stands (a Latin letter without its accent: Ü → u); anything else a
    hyphen, as is a character drawn as nothing (a Hangul filler is a letter, a grapheme joiner a mark)."""
    if is_unseen(ch):
        return "-"
    base = unicodedata.normalize("NFKD", ch)[0]
    if base.isascii():
        return base if base.isalnum() or base == "_" else "-"
    return ch if unicodedata.category(ch)[0] in "LNM" else "-"
