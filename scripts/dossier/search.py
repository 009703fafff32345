"""Search across languages and scripts: the data the browser-side search needs.

Material's search worker is wrapped (templates/assets/search-worker.js.j2) so that index and query
are segmented alike: CJK runs into overlapping character bigrams, each character in its Simplified
form. This module supplies the wrapper its Traditional -> Simplified table, limited to the characters
the site holds (and their Traditional forms), and the name of the Material worker it wraps.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import material

from .chinese import TRADITIONAL, convert, simplify_chars

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def simplified_map(texts: Iterable[str]) -> dict[str, str]:
    """Character -> Simplified character, for every character of `texts` whose form differs, and for
    the Traditional forms of their Simplified ones (a query may be written in either)."""
    chars: set[str] = set()
    for text in texts:
        chars.update(_CJK.findall(text))
    chars |= {t for t in (convert(ch, TRADITIONAL) for ch in chars) if len(t) == 1}
    return {ch: simple for ch in sorted(chars) if (simple := simplify_chars(ch)) != ch}


def material_worker() -> str:
    """File name of Material's search worker (it carries a content hash that changes by release)."""
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (worker,) = sorted(workers.glob("search.*.min.js"))
    return worker.name
