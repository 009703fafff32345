"""How to cite an article: a plain-text and a BibTeX (biblatex) citation, per kind of source.

The citation names the source a reader would look up: a news article or a blog post as its publisher
published it; a translation as a translation (its language, its translator and publisher where known,
or a machine translation) of an original (title, publisher, date and address where known). Addresses
lose their tracking parameters. The access date stays the same from build to build: the curated
`retrieved` date, or else the day the source file was first committed to the repository; without
either, the citation says that it has none. Text from the inputs is data: BibTeX specials are escaped.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from .people import people
from .records import BLOG_POST, Article, Rendition, Translation

# The dossier page's address is only known where the site is served: the citation carries the path
# from the site root, and a script (docs/assets/dossier.js) writes the full address in at load time, over
# the last placeholder (the one after every field: a cited title holding the same words keeps them).
PAGE_ADDRESS = "{dossier page}"

# Query parameters that identify a campaign, a click or a referrer, never the page itself.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
    "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "_ga", "_gl", "wt_mc", "s_cid",
    "cmpid", "ocid", "icid", "spm", "source", "ref", "ref_src", "ref_url", "referrer", "share_source",
})


def strip_tracking(url: str) -> str:
    """`url` without its tracking parameters; every other parameter kept as written, in its order."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL one can take apart (a malformed IPv6 host): left as it is
        return url
    kept = [item for item in parts.query.split("&") if item and not _tracking(item.split("=", 1)[0])]
    return urlunsplit(parts._replace(query="&".join(kept)))


def _tracking(key: str) -> bool:
    name = unquote_plus(key).casefold()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def first_commit_dates(project: Path, source_files: Iterable[str]) -> dict[str, str]:
    """The day ("YYYY-MM-DD") each of `source_files` (paths relative to `project`) was first committed,
    followed through renames, from one `git log` over the history; files without a commit, or outside
    a git repository (or without git), are left out."""
    wanted = set(source_files)
    try:
        log = subprocess.run(
            ["git", "-C", str(project), "log", "--relative", "-M", "--diff-filter=AR", "--name-status", "-z",
             "--format=%x01%cs"],
            capture_output=True, check=True, timeout=120,
        ).stdout.decode("utf-8", "surrogateescape")
    except (OSError, subprocess.SubprocessError):
        return {}
    added: dict[str, str] = {}
    for date, changes in reversed(_commits(log)):  # oldest first: a rename carries the first date on
        for status, paths in changes:
            if status == "R":
                added[paths[1]] = added.pop(paths[0], date)
            else:
                added[paths[0]] = date
    return {path: date for path, date in added.items() if path in wanted}


def _commits(log: str) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """`git log --name-status -z --format=%x01%cs` as [(date, [(status letter, paths)])], newest first."""
    commits: list[tuple[str, list[tuple[str, list[str]]]]] = []
    tokens = iter(log.split("\0"))
    for raw in tokens:
        token = raw.strip("\n")
        if token.startswith("\x01"):
            commits.append((token[1:], []))
        elif token and commits:
            status = token[0]
            paths = [next(tokens), next(tokens)] if status in "RC" else [next(tokens)]
            commits[-1][1].append((status, paths))
    return commits


CitationKind = Literal["news article", "blog post", "translation", "machine translation"]


@dataclass(frozen=True)
class Citation:
    kind: CitationKind
    text: str
    bibtex: str


def citation(article: Article, rendition: Rendition, url: str, first_commit: str | None,
             language_name: Callable[[str], str]) -> Citation:
    """How to cite `article` as shown on its page at `url` (site-root relative): the source, and this
    copy of it in the dossier. `first_commit` is the day its file was first committed, if it was."""
    translation = article.translated_from
    kind = article.kind if translation is None else "machine translation" if translation.machine else "translation"
    accessed = article.retrieved or first_commit
    author = (translation.author if translation else None) or article.author.value
    title = _text(article.clean.title)
    original_url = (translation.url if translation else None) or article.original_url.value
    original_url = strip_tracking(original_url) if original_url else None
    where = f"{url}, script converted" if rendition.converted else url

    sentences: list[str | None] = [_text(author), _quoted(title) + _english(article.title_en, title)]
    if translation is None:
        sentences.append(_list(_kind_label(article.kind).capitalize(), article.publisher.value,
                               article.published.value or "n.d."))
        sentences.append(original_url)
    else:
        sentences.append(_translation(translation, article, language_name))
        original = _list(_quoted(translation.title) if translation.title else None, _kind_label(article.kind),
                         translation.publisher, translation.published or "n.d.", original_url)
        sentences.append(f"Original ({language_name(translation.language)}): {original}")
    sentences.append(_accessed(article.retrieved, first_commit))
    sentences.append(f"In: Big Tech in Health, {PAGE_ADDRESS} ({where})")
    text = " ".join(_sentence(s) for s in sentences if s)

    fields = {
        "author": _bibtex_name(author),
        "title": bibtex_escape(title),
        "journal" if article.kind != BLOG_POST else "organization": bibtex_escape(article.publisher.value),
        "date": bibtex_escape(article.published.value),
        "url": None,
        "urldate": None,
        "language": bibtex_escape(article.language),
    }
    said: list[str | None] = [f"English title: {article.title_en}" if _english(article.title_en, title) else None]
    if translation is None:
        fields["url"] = _bibtex_url(original_url)
    else:
        fields.update({
            "translator": bibtex_escape(translation.translator),
            "origlanguage": bibtex_escape(translation.language),
            "origtitle": bibtex_escape(translation.title),
            "origpublisher": bibtex_escape(translation.publisher),
            "origdate": bibtex_escape(translation.published),
        })
        said.append(_translation(translation, article, language_name))
    notes = [bibtex_escape(_sentence(note)) for note in said if note]
    if translation is not None and original_url:
        notes.append(_sentence(f"Original: \\url{{{_url_in_text(original_url)}}}"))
    if fields["url"] and accessed:
        fields["urldate"] = bibtex_escape(accessed)
    else:
        notes.append(bibtex_escape(_sentence(_accessed(article.retrieved, first_commit))))
    notes.append(f"In: Big Tech in Health, \\url{{{PAGE_ADDRESS}}}.")
    fields["note"] = " ".join(notes)
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
    entry_type = "online" if article.kind == BLOG_POST else "article"
    return Citation(kind, text, f"@{entry_type}{{bth-{article.id},\n{body}\n}}")


def _translation(translation: Translation, article: Article, language_name: Callable[[str], str]) -> str:
    """Who made the translation and where it appeared, as far as anyone knows."""
    language = language_name(article.language)
    made = f"Machine translation into {language}" if translation.machine else f"{language} translation"
    if translation.translator:
        made += f" by {_text(translation.translator)}"
    if article.publisher.value:
        made += f", published by {_text(article.publisher.value)}"
    elif translation.translator or translation.machine:
        made += ", publisher not stated"
    else:
        made += ", translator and publisher not stated"
    return f"{made}, {article.published.value or 'n.d.'}"


def _accessed(retrieved: str | None, first_commit: str | None) -> str:
    if retrieved:
        return f"Accessed {retrieved}"
    if first_commit:
        return f"Accessed {first_commit} (the day its file was first committed to the dossier)"
    return "Access date not recorded (its file is not committed to the dossier)"


def _kind_label(kind: str) -> str:
    """What a citation says of a source's kind: a blog post says so; a news article goes without saying."""
    return BLOG_POST if kind == BLOG_POST else ""


def _english(title_en: str, title: str) -> str:
    return f" [{_text(title_en)}]" if title_en and _text(title_en) != title else ""


_SPACE = re.compile(r"\s+")
# A title inside quotation marks gets its own quotation marks one level down ("nested" quotes):
# “A “B” C” would read as two quotations. German „…“ becomes ‚…‘, English “…” becomes ‘…’.
_NESTED = str.maketrans({"“": "‘", "”": "’", "„": "‚"})
_TERMINAL = ".?!。？！…"
_CLOSING = "”’\"')]）】」』»"


def _text(value: object) -> str:
    """One line of text: runs of whitespace (newlines included) as one space."""
    return _SPACE.sub(" ", str(value)).strip() if value else ""


def _quoted(title: str) -> str:
    return f"“{_text(title).translate(_NESTED)}”" if title else ""


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSING)[-1:] in _TERMINAL


def _sentence(text: str) -> str:
    """`text` ended by a full stop, unless it already ends with a sentence's punctuation."""
    text = _text(text).rstrip(",;:")
    return text if _ends_sentence(text) else text + "."


def _list(*items: str | None) -> str:
    """The items that are there, comma-separated, each without a trailing comma of its own."""
    return ", ".join(text.rstrip(",;:") for text in map(_text, items) if text)


def bibtex_escape(value: str | None) -> str:
    """BibTeX-safe text: braces and TeX specials escaped, so text from the inputs stays text. A brace is
    written as a command, not as \\{: BibTeX pairs braces whatever stands before them, and one "}" in a
    title would end its field there (and what follows it, "@misc(…)", be read as an entry of its own)."""
    if value is None:
        return ""
    specials = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%",
                "&": r"\&", "#": r"\#",
                "$": r"\$", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
    return "".join(specials.get(ch, ch) for ch in _text(value))


def _bibtex_name(author: str | None) -> str | None:
    """The author as written, each of several people apart ("Marcus Lee and Hannah Brandt"): BibTeX reads
    "Last, First" in a comma and two people in " and ", so a name holding either ("Reuters, Health desk")
    is braced whole, as a corporate author is."""
    if not author:
        return None
    return " and ".join(_bibtex_person(bibtex_escape(person)) for person in people(author))


def _bibtex_person(escaped: str) -> str:
    if "," in escaped or re.search(r"\band\b", escaped, re.IGNORECASE):
        return "{" + escaped + "}"
    return escaped


def _url_in_text(url: str) -> str:
    """An address for \\url inside a field that is typeset (note): there \\url sits in another command's
    argument, where % would start a TeX comment and # a parameter, so both are escaped."""
    return (_bibtex_url(url) or "").replace("%", r"\%").replace("#", r"\#")


def _bibtex_url(url: str | None) -> str | None:
    """An address as biblatex reads it verbatim: braces, backslashes and spaces percent-encoded, so
    they cannot end the field, and carets, so that TeX cannot read "^^7d" as a brace (two carets and two
    hex digits are a character code to TeX, before any command sees them). None of these may stand in an
    address unencoded."""
    if not url:
        return None
    return (url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C").replace(" ", "%20")
            .replace("^", "%5E"))
