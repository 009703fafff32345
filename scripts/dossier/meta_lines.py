"""The shape of a page's meta lines (bylines, datelines, mastheads, copyright lines), shared by the
modules that read them: how wide a line is, where its parts divide, whether it is prose rather than a
meta line, which writing system it is in.
"""

from __future__ import annotations

import re

from .characters import CJK, char_class, unicode_script
from .meta_vocabulary import VOCABULARY
from .sentences import CLOSERS, TERMINALS
from .thresholds import META_LINES

CJK_CHAR = re.compile(f"[{char_class(CJK)}]")
URL_OR_EMAIL = re.compile(r"https?://|www\.|\S@\S")
# Where a name stops in the text after a byline marker: a separator, a digit (a date, a time), a bracket.
NAME_STOP = re.compile(
    r"\s*(?:[,，、|｜·•–—/／∕(（\[【<＜:：;；]|\s-\s|\u3000|\s{2,}|\s(?=\d)|(?<=[^\W\d_])(?=\d))"
)
_SEPARATORS = re.compile(
    r"\s*(?:[|｜•–—,，、;；/／()（）\[\]【】「」『』<>＜＞«»]|\s[·・-]\s|\u3000|\s{2,})\s*"
)
_COLON_KEEPING_SEPARATORS = re.compile(
    rf"\s*(?:[|｜·•–—,，;；]|\s-\s|\u3000|\s{{2,}})\s*|(?<=[{char_class(CJK)}])\s+(?=[{char_class(CJK)}])"
)
# A line of prose ends like a sentence, or with a colon or semicolon that runs on into a quote or a list.
_PROSE_ENDINGS = tuple(TERMINALS + CLOSERS + ";；:：")


def has_cjk(text: str) -> bool:
    """Whether the text holds Chinese, Japanese or Korean characters."""
    return bool(CJK_CHAR.search(text))


def width(text: str) -> int:
    """Display width: CJK characters count double, so length thresholds hold across scripts."""
    return len(text) + CJK_CHAR.subn("", text)[1]  # a count, not a list of every character


def is_prose(text: str) -> bool:
    """A paragraph of the article: long, or a sentence of some length."""
    text = text.strip()
    if len(text) >= META_LINES.long_prose_chars:  # long already before CJK characters count twice
        return True
    size = width(text)
    return size >= META_LINES.long_prose_chars or (size >= META_LINES.prose_chars and text.endswith(_PROSE_ENDINGS))


def segments(text: str) -> list[str]:
    """A meta line's parts, split on the separators pages put between them (| · – , 　 …)."""
    return [part.strip(" .:：") for part in _SEPARATORS.split(text) if part and part.strip(" .:：-")]


def segments_keeping_colons(text: str) -> list[str]:
    """Like `segments`, but a "label: value" part stays whole; in CJK text a space separates parts
    ("来源：南方快讯 作者：王小明")."""
    return [part.strip() for part in _COLON_KEEPING_SEPARATORS.split(text) if part and part.strip()]


def digit_share(text: str) -> float:
    """The share of the text's non-space characters that are digits."""
    chars = [ch for ch in text if not ch.isspace()]
    return sum(ch.isdigit() for ch in chars) / len(chars) if chars else 0.0


def is_role(text: str) -> bool:
    """A role, a desk or a label ("Staff", "编辑部", "原创"): never a person's or an outlet's name."""
    folded = text.casefold().strip()
    return folded in VOCABULARY.role_words or folded in VOCABULARY.labels


def script_of(text: str) -> str | None:
    """The writing system most of the text's letters belong to: "cjk" (Han, kana, hangul), or the first
    word of the letters' Unicode names ("LATIN", "CYRILLIC", "GREEK", "ARABIC"…); None without letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        key = "cjk" if CJK_CHAR.match(ch) else unicode_script(ch) or "UNKNOWN"
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
