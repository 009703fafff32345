"""Web addresses that the inputs give (a source line in an article, a curated original_url): whether a
browser can open one, before a page links it or a citation quotes it; and the shape of an e-mail address."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# A space, a control character, or what no address holds unescaped and an attribute or a page would read
# as its own ('"', "<", ">", a backslash, a backquote).
_NOT_IN_AN_ADDRESS = re.compile(r"[\s\x00-\x1f\x7f\"<>\\`]")
EMAIL_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MAX_ADDRESS_CHARS = 2048  # what browsers and servers take; a longer "address" in a scrape is a trap


def is_web_address(url: str) -> bool:
    """An http(s) address a browser can open: a host, a port if any that is a number, escapes of two hex
    digits, no space, no longer than browsers take, and no user name before the host (in
    "https://bank.example@other.example/" the host is the second: a spoof, never a source's address). Text
    from an article or a curated file ("http://[::1", "http://%zz/") is checked before a page links it or a
    citation quotes it."""
    if len(url) > MAX_ADDRESS_CHARS:
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (read for the error it raises on a port that is not a number)
    except ValueError:  # an unclosed IPv6 bracket, a port out of range
        return False
    return (parts.scheme in ("http", "https") and bool(parts.hostname) and "@" not in parts.netloc
            and not _BAD_ESCAPE.search(url) and not _NOT_IN_AN_ADDRESS.search(url))
