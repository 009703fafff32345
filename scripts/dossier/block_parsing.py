"""The clean stage's block parsers: the surviving lines of a page -> the article's blocks.

Plain text is read by its paragraph shape and never as markup; Markdown is parsed by markdown-it-py with
raw HTML off, and its inline rules repair links the scrape garbled and drop images that cannot load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .characters import WIDE, char_class, plain_text
from .line_rules import BULLET, Lines, is_prose
from .records import Block, Inline, Removal, Repair
from .sentences import ends_like_sentence
from .thresholds import CLEANING
from .web_addresses import is_web_address

RepairRule = Literal["empty_link_text", "garbled_url_text"]
Container = Literal["bullet_list", "ordered_list", "blockquote"]

_URL = re.compile(r"https?://[^\s<>\"'\]\[)(（）【】]+[^\s<>\"'\]\[)(（）【】.,;:!?。，；：！？]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_WIDE = re.compile(f"[{char_class(WIDE)}]")
_CLAUSE_END = re.compile(r"[:：|｜]$")
_URL_TEXT = re.compile(r"(?:https?://|www\b)", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s")

# What a reader sees of one Markdown line: no heading or quote markers (a list item keeps its bullet, as
# in plain text), images dropped, links as their text, no emphasis marks. Each pattern is linear: no "["
# or "(" inside.
_LINE_MARKERS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)+")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")  # a setext heading's: the line above is the heading
# Inline ("[text](/x)") or by reference ("[text][3]", "[text][]", as html2text and markdownify write them,
# the "[3]: https://…" lines at the page's end): a reference's label is a word, never "[text](/x)" itself.
REFERENCE_LABEL = r"\[[^\[\]\s]{0,40}\](?!\()"
_IMAGE = re.compile(rf"!\[[^\[\]\n]*\](?:\([^()\s]*\)|{REFERENCE_LABEL})")
_LINK = re.compile(rf"\[([^\[\]\n]*)\](?:\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|{REFERENCE_LABEL})")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]*)>")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")


def markdown_shown(line: str) -> str:
    """The text a reader sees of one line of Markdown: "* [Business](/business/)" is "Business",
    "**Read more:** [Headline][12]" is "Read more: Headline", "## More from Business" is "More from
    Business". The clean stage judges a Markdown page's lines by it, as it judges plain text."""
    text = _LINE_MARKERS.sub("", _AUTOLINK.sub(r"\1", _LINK.sub(r"\1", _IMAGE.sub("", line))))
    if line.lstrip().startswith("#"):  # "## Title ##": the closing hashes, apart from the title
        stripped = text.rstrip()
        core = stripped.rstrip("#")
        if core != stripped and (not core or core[-1].isspace()):
            text = core.rstrip()
    return _EMPHASIS.sub("", text)


def markdown_text(line: str) -> str:
    """The text of one line of Markdown as markdown-it reads it: its marks gone, its entities and
    escapes resolved ("# AT&amp;T buys \\*Acme\\*" is "AT&T buys *Acme*")."""
    inline = next((token for token in _MARKDOWN.parse(line) if token.type == "inline"), None)
    children = inline.children or [] if inline else []
    return _resolved("".join(child.content for child in children if child.type in ("text", "code_inline"))).strip()


def _resolved(text: str) -> str:
    """Text markdown-it resolved from references and escapes, in the form every string from the inputs
    takes (`plain_text`), on its line: "&#x202E;" is the override ingest removes, "&#13;" a line end."""
    return plain_text(text).replace("\n", " ")


def fenced_lines(raw: list[str]) -> set[int]:
    """The lines of fenced code blocks, fences included: code is the article's own, whatever it looks
    like ("# Home > Settings" is no headline and no menu). An unclosed fence runs to the end, as in
    CommonMark."""
    inside: set[int] = set()
    opening = ""
    for i, line in enumerate(raw):
        fence = _FENCE.match(line)
        if opening:
            inside.add(i)
            if fence and fence.group(1)[0] == opening[0] and len(fence.group(1)) >= len(opening) \
                    and not line.strip().lstrip(opening[0]):
                opening = ""
        elif fence and not (fence.group(1)[0] == "`" and "`" in line.strip()[len(fence.group(1)):]):
            inside.add(i)  # ("```pip install x``` …" is inline code, no fence)
            opening = fence.group(1)
    return inside


def setext_underlines(raw: list[str], fenced: set[int]) -> dict[int, int]:
    """The underlines of setext headings ("Title" over "=====" is a first-level heading, over "-----" a
    second-level one), by the heading's line: an underline under a line of text, outside code."""
    return {i - 1: i for i, line in enumerate(raw)
            if i and i not in fenced and i - 1 not in fenced and _UNDERLINE.match(line) and raw[i - 1].strip()
            and not _UNDERLINE.match(raw[i - 1]) and not raw[i - 1].lstrip().startswith(("#", ">", "-", "*", "+"))}


# --- plain text -------------------------------------------------------------------------------------


def plain_blocks(lines: Lines) -> list[Block]:
    """One block per line of the article (the headline is taken out before), the lines of a hard-wrapped
    paragraph (`lines.wrapped`: each goes on in the line under it) joined into one: bullets become list items,
    short unpunctuated lines between prose become subheadings; everything else is a paragraph. Nothing
    is interpreted as markup."""
    kept: list[int] = []  # each block's first line
    texts: list[str] = []
    last = -1  # the line the last block ends on
    for i in lines.kept_nonblank():
        text = lines.text(i)
        if last in lines.wrapped and i == last + 1 and not BULLET.match(text):
            texts[-1] = _joined(texts[-1], text)
        else:
            kept.append(i)
            texts.append(text)
        last = i
    blocks = []
    for n, (i, text) in enumerate(zip(kept, texts, strict=True)):
        if BULLET.match(text):
            blocks.append(Block("list_item", tuple(autolink(BULLET.sub("", text))), i + 1, level=1))
        elif _is_subheading(texts, n):
            blocks.append(Block("heading", (Inline(text),), i + 1, level=2))
        else:
            blocks.append(Block("paragraph", tuple(autolink(text)), i + 1))
    return blocks


def _joined(text: str, below: str) -> str:
    """Two lines of a wrapped paragraph as one: a space between them, none after a hyphen ("Tech-" over
    "Konzerne") or between two characters of a script written without spaces."""
    if text.endswith("-") or (_WIDE.match(text[-1]) and _WIDE.match(below[0])):
        return text + below
    return f"{text} {below}"


def _is_subheading(texts: list[str], n: int) -> bool:
    """A short line that does not end like a sentence, between two prose lines."""
    text = texts[n]
    wide = _WIDE.subn("", text)[1]  # a count, not a list of characters
    limit = CLEANING.subheading_max_chars_wide if wide > len(text) / 2 else CLEANING.subheading_max_chars
    return (
        len(text) <= limit
        and not ends_like_sentence(text)
        and not _CLAUSE_END.search(text)
        and 0 < n < len(texts) - 1
        and is_prose(texts[n - 1])
        and is_prose(texts[n + 1])
    )


def autolink(text: str) -> list[Inline]:
    """Split text into plain runs and links for the http(s) URLs it spells out."""
    inlines: list[Inline] = []
    position = 0
    for match in _URL.finditer(text):
        if not is_web_address(match.group()):
            continue  # "https://example.org:99999/": spelled as an address, not one a reader can open
        if match.start() > position:
            inlines.append(Inline(text[position : match.start()]))
        inlines.append(Inline(match.group(), href=match.group()))
        position = match.end()
    if position < len(text) or not inlines:
        inlines.append(Inline(text[position:]))
    return inlines


# --- Markdown ---------------------------------------------------------------------------------------

# Nesting up to markdown-it's own default preset's limit (CommonMark's preset stops at 20: a forum thread ten
# replies deep); deeper, `parses_whole` reads the page as plain text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "maxNesting": 100})
# The tokens that hold a page's text (a heading's also holds a setext underline); the others open or close
# containers around them.
_TEXT_TOKENS = frozenset({"inline", "heading_open", "fence", "code_block", "hr"})
_HAS_TEXT = re.compile(r"\w")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:")  # "[1]: https://…": a link's target, not text
# ... one whole on its line: the label, the target, perhaps a title in quotes or brackets.
_WHOLE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?[^\s<>]+>?"
                               r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*$""")
# A container is opened by marks before a line's text (">", a bullet, "1.", indentation): each adds at
# most one level of nesting per character, so a line needs this many of them to near markdown-it's limit.
_CONTAINER_MARKS = " >*+-0123456789.)"
_NESTING_MIN_MARKS = 90
_DEFINITION_PART = re.compile(r"""^\s*(?:"[^"]*"|'[^']*'|\([^()]*\)|<?\S+>?)\s*$""")  # its title, or its target
_CONTAINER_OPENS: dict[str, Container] = {
    "bullet_list_open": "bullet_list", "ordered_list_open": "ordered_list", "blockquote_open": "blockquote",
}
_CONTAINER_CLOSES = frozenset({"bullet_list_close", "ordered_list_close", "blockquote_close"})


def parses_whole(text: str) -> bool:
    """Whether markdown-it reads every line of `text` that holds text. It stops reading a container nested
    deeper than its limit (`maxNesting`: a list about fifty levels deep, a quote a hundred) and silently
    drops the rest of it; such a text is read as plain text instead, which loses nothing."""
    lines = text.expandtabs(4).split("\n")
    if all(len(line) - len(line.lstrip(_CONTAINER_MARKS)) < _NESTING_MIN_MARKS for line in lines):
        return True  # no line opens containers that deep: no need to parse it
    read: set[int] = set()
    for token in _MARKDOWN.parse(text):
        if token.map and token.type in _TEXT_TOKENS:
            read.update(range(*token.map))
    in_definition = False  # a reference definition's target or title may stand on the lines after it
    for n, line in enumerate(lines):
        in_definition = bool(_REFERENCE_DEFINITION.match(line) or (in_definition and _DEFINITION_PART.match(line)))
        if n not in read and _HAS_TEXT.search(line) and not in_definition:
            return False
    return True


def markdown_blocks(lines: Lines) -> tuple[list[Block], list[Removal], list[Repair]]:
    """Parse the surviving lines as Markdown (raw HTML shown as text, never passed through). The page's
    reference definitions ("[12]: https://…", at its end, where the furniture is) go to the parser too,
    removed or not: they show nothing, and the article's links by reference ("[Journal][12]") need them."""
    source: list[str] = []
    after_text = False  # a definition right after a line of text would be read as more of that text
    for text, kept in zip(lines.raw, lines.kept, strict=True):
        definition = bool(_WHOLE_DEFINITION.match(text)) and (kept or not after_text)
        source.append(text if kept or definition else "")
        after_text = bool(source[-1].strip()) and not definition
    tokens = _MARKDOWN.parse("\n".join(source))
    blocks: list[Block] = []
    removals: list[Removal] = []
    repairs: list[Repair] = []
    containers: list[Container] = []
    heading_level = 0
    for n, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else (blocks[-1].line if blocks else 1)
        if token.type in _CONTAINER_OPENS:
            containers.append(_CONTAINER_OPENS[token.type])
        elif token.type in _CONTAINER_CLOSES:
            containers.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "hr":
            blocks.append(Block("rule", (), line))
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("code", (Inline(token.content.rstrip("\n"), code=True),), line))
        elif token.type == "inline":
            opening = tokens[n - 1].map
            block_line = opening[0] + 1 if opening else line
            inlines = _inlines(token.children or [], block_line, removals, repairs)
            if not "".join(inline.text for inline in inlines).strip():
                continue
            if heading_level:
                blocks.append(Block("heading", inlines, block_line, level=heading_level))
                heading_level = 0
            elif containers and containers[-1] in ("bullet_list", "ordered_list"):
                depth = sum(1 for c in containers if c != "blockquote")
                blocks.append(
                    Block("list_item", inlines, block_line, level=depth, ordered=containers[-1] == "ordered_list")
                )
            elif "blockquote" in containers:
                blocks.append(Block("quote", inlines, block_line))
            else:
                blocks.append(Block("paragraph", inlines, block_line))
    return blocks, removals, repairs


@dataclass
class _OpenLink:
    """A link being read: its target, and the runs of text inside it so far."""

    href: str
    parts: list[Inline] = field(default_factory=list)


def _inlines(children: list[Token], line: int, removals: list[Removal], repairs: list[Repair]) -> tuple[Inline, ...]:
    result: list[Inline] = []
    strong = em = 0
    link: _OpenLink | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind == "link_open":
            link = _OpenLink(str(child.attrGet("href") or ""))
        elif kind == "link_close" and link is not None:
            result.extend(_finish_link(link, line, repairs))
            link = None
        elif kind == "image":
            removals.append(Removal("image_link", line, line, len(child.content or "")))
        elif kind in ("text", "code_inline", "softbreak", "hardbreak", "html_inline"):
            text = {"softbreak": " ", "hardbreak": "\n"}.get(kind) or _resolved(child.content)
            inline = Inline(text, strong=strong > 0, em=em > 0, code=kind == "code_inline")
            (link.parts if link is not None else result).append(inline)
    return tuple(_merge(result))


def _finish_link(link: _OpenLink, line: int, repairs: list[Repair]) -> list[Inline]:
    """A link's text with its href, repaired where the scrape garbled it, dropped where unsafe."""
    href, parts = link.href, link.parts
    text = "".join(part.text for part in parts)
    if not href.startswith(_SAFE_SCHEMES) or (not href.startswith("mailto:") and not is_web_address(href)):
        return parts  # a relative file not in the scrape, a scheme we do not follow, an address no browser opens
    if not text.strip():
        repairs.append(_repair("empty_link_text", line, len(href)))
        return [Inline(href, href=href)]
    if _URL_TEXT.match(text.strip()) and _WHITESPACE.search(text.strip()):
        repairs.append(_repair("garbled_url_text", line, len(text)))
        return [Inline(href, href=href)]
    return [Inline(part.text, href=href, strong=part.strong, em=part.em, code=part.code) for part in parts]


def _merge(inlines: list[Inline]) -> list[Inline]:
    """Join adjacent runs with the same formatting, so blocks stay compact."""
    merged: list[Inline] = []
    for inline in inlines:
        if not inline.text:
            continue
        last = merged[-1] if merged else None
        if last and _formatting(last) == _formatting(inline):
            merged[-1] = Inline(last.text + inline.text, last.href, last.strong, last.em, last.code)
        else:
            merged.append(inline)
    return merged


def _formatting(inline: Inline) -> tuple[str | None, bool, bool, bool]:
    return inline.href, inline.strong, inline.em, inline.code


def _repair(rule: RepairRule, line: int, chars: int) -> Repair:
    return Repair(rule, line, chars)
