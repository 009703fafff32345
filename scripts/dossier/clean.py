"""Stage 2, clean: decoded text -> the article's own blocks, with every removal recorded.

Each heuristic is a named rule, tested on its own. Line rules run first, over the lines still alive;
then the surviving lines are parsed into blocks (Markdown through markdown-it-py with raw HTML off, plain
text by its paragraph shape), where inline rules repair links and drop images that cannot load.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from .cleaning_rules import CleaningVocabulary
from .records import Block, CleanText, DecodedText, Inline, Removal, Repair

# A line that ends like a sentence. Headlines, tags, bylines and buttons do not.
_TERMINAL = tuple(".。!！?？…”\"」』»)）;；:：")
_MAX_TITLE_CHARS = 200
_LONG_LINE = 80  # a line this long reads as prose whatever its ending
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BULLET = re.compile(r"^(?:[•·▪●◦‣]\s*|[-*+]\s+)")
_SENTENCE_END = re.compile(r"[。！？!?]|\. ")
_LIST_SEPARATORS = re.compile(r"[,，|｜、]| [-–—] ")
_URL = re.compile(r"https?://[^\s<>\"'\]\[)(（）【】]+[^\s<>\"'\]\[)(（）【】.,;:!?。，；：！？]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def is_prose(line: str) -> bool:
    """A sentence or a long line: what article bodies are made of."""
    return len(line) >= _LONG_LINE or line.endswith(_TERMINAL)


def looks_like_markdown(text: str) -> bool:
    """Markdown when at least two kinds of its syntax appear: headings, links, images, list markers."""
    signals = [
        re.search(r"^#{1,6} \S", text, re.M),
        re.search(r"\[[^\]\n]*\]\((?:https?://|[\w./-]+)[^)\s]*\)", text),
        re.search(r"!\[[^\]\n]*\]\([^)\s]+\)", text),
        re.search(r"^(?:\*|-|\d+\.)\s{1,4}\S", text, re.M),
        re.search(r"^> \S", text, re.M),
    ]
    return sum(1 for signal in signals if signal) >= 2


@dataclass
class _Lines:
    """The text's lines and which of them are still alive, with the removals made so far."""

    raw: list[str]
    alive: list[bool]
    removals: list[Removal] = field(default_factory=list)

    def live(self) -> list[int]:
        """Indexes of the alive, non-blank lines, in order."""
        return [i for i, line in enumerate(self.raw) if self.alive[i] and line.strip()]

    def text(self, index: int) -> str:
        return self.raw[index].strip()

    def remove(self, rule: str, indexes: list[int]) -> None:
        """Kill the lines, recording one removal per run of adjacent live lines."""
        run: list[int] = []
        live = self.live()
        position = {index: n for n, index in enumerate(live)}
        for index in sorted(set(indexes)):
            if run and position.get(index, -2) != position.get(run[-1], -9) + 1:
                self._record(rule, run)
                run = []
            run.append(index)
        if run:
            self._record(rule, run)
        for index in indexes:
            self.alive[index] = False

    def _record(self, rule: str, run: list[int]) -> None:
        chars = sum(len(self.text(i)) for i in run)
        self.removals.append(Removal(rule, run[0] + 1, run[-1] + 1, chars))


# --- line rules: each takes the lines and the vocabulary, and kills what it recognizes -------------


def remove_html_debris(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """Lines made only of HTML tags (and bullets): markup the scraper flattened, with no text."""
    debris = [
        i for i in lines.live()
        if _TAG.search(lines.text(i)) and not _BULLET.sub("", _TAG.sub("", lines.text(i))).strip()
    ]
    lines.remove("html_debris", debris)


def remove_keyword_stuffing(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """Spam lines: lists of short keywords, not sentences. At the edges of the page, the list shape
    alone is enough; elsewhere the line must be a long list or carry a spam term."""
    live = lines.live()
    edges = set(live[:2] + live[-2:])
    spam = []
    for i in live:
        line = lines.text(i)
        if is_prose(line) and (line.endswith(_TERMINAL) or _SENTENCE_END.search(line)):
            continue  # sentences, however many commas they hold
        items = [item.strip() for item in _LIST_SEPARATORS.split(line) if item.strip()]
        if len(items) < 4 or statistics.median(len(item) for item in items) > 16:
            continue
        if i in edges or len(items) >= 10 or vocabulary.has_spam_term(line):
            spam.append(i)
    lines.remove("keyword_stuffing", spam)


def remove_repeated_body(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """A second copy of the body (scrapers often capture a page's text twice): any run of at least
    three consecutive lines, 200 characters or more, each of which already appeared earlier."""
    seen: set[str] = set()
    run: list[int] = []
    repeats: list[list[int]] = []
    for i in lines.live():
        key = "".join(lines.text(i).split())
        if key in seen:
            run.append(i)
            continue
        seen.add(key)
        if run:
            repeats.append(run)
        run = []
    if run:
        repeats.append(run)
    for run in repeats:
        if len(run) >= 3 and sum(len(lines.text(i)) for i in run) >= 200:
            lines.remove("repeated_body", run)


def remove_page_chrome(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """Page furniture: lines the chrome vocabulary names, and the run of non-prose lines (tags,
    counters, related-article links) that trails the article once chrome has begun."""
    live = lines.live()
    chrome = [i for i in live if vocabulary.is_chrome(lines.text(i))]
    tail: list[int] = []
    for i in reversed(live):
        if i in chrome or not is_prose(lines.text(i)) or _BULLET.match(lines.text(i)):
            tail.append(i)
        else:
            break
    if any(i in chrome for i in tail):
        chrome = sorted(set(chrome) | set(tail))
    lines.remove("page_chrome", chrome)


def remove_repeated_title(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """The headline printed twice at the top of the page: keep the first."""
    head = lines.live()[:6]
    seen: set[str] = set()
    repeated = []
    for i in head:
        line = lines.text(i)
        if line in seen and not is_prose(line):
            repeated.append(i)
        seen.add(line)
    lines.remove("repeated_title", repeated)


def remove_leading_tagline(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """A site's tagline printed above the headline: one sentence, then a headline, then the body."""
    live = lines.live()
    if len(live) < 3:
        return
    first, headline, lede = (lines.text(i) for i in live[:3])
    if (
        first.endswith(_TERMINAL) and len(first) <= 300
        and not headline.endswith(_TERMINAL) and len(headline) <= 150
        and is_prose(lede)
    ):
        lines.remove("leading_tagline", [live[0]])


def remove_embedded_cards(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """Markdown link cards for other articles (`[](url) [## title … site](url)`): a promotion, not text."""
    live = lines.live()
    for n, i in enumerate(live):
        start = re.match(r"\[\]\((\S+?)\)\s*\[#{1,6} ", lines.text(i))
        if not start:
            continue
        closing = f"]({start.group(1)})"
        for j in live[n:]:
            if closing in lines.raw[j] and (j != i or lines.raw[j].count(closing) > 1):
                lines.remove("embedded_card", live[n : live.index(j) + 1])
                break


def remove_image_lines(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """Markdown lines that are only images: the files are not in the scrape, and the site loads
    nothing from other hosts."""
    images = [i for i in lines.live() if re.fullmatch(r"(!\[[^\]]*\]\([^)]*\)\s*)+", lines.text(i))]
    lines.remove("image_link", images)


PLAIN_RULES = (
    remove_html_debris,
    remove_keyword_stuffing,
    remove_repeated_body,
    remove_page_chrome,
    remove_repeated_title,
    remove_leading_tagline,
)
MARKDOWN_RULES = (
    remove_html_debris,
    remove_keyword_stuffing,
    remove_embedded_cards,
    remove_image_lines,
    remove_repeated_body,
    remove_page_chrome,
    remove_repeated_title,
)


def clean(decoded: DecodedText, vocabulary: CleaningVocabulary) -> CleanText:
    markdown = looks_like_markdown(decoded.text)
    raw = decoded.text.split("\n")
    lines = _Lines(raw, [True] * len(raw), list(decoded.removals))
    for rule in MARKDOWN_RULES if markdown else PLAIN_RULES:
        rule(lines, vocabulary)
    if markdown:
        blocks, removals, repairs = markdown_blocks(lines)
    else:
        blocks, removals, repairs = plain_blocks(lines), [], []
    title, blocks = _split_title(blocks)
    kept = len(title) + sum(len(block.text) for block in blocks)
    return CleanText(
        source_file=decoded.source_file,
        sha256=decoded.sha256,
        source_format="markdown" if markdown else "plain",
        title=title,
        blocks=tuple(blocks),
        removals=tuple(sorted(lines.removals + removals, key=lambda r: (r.line_start, r.rule))),
        repairs=tuple(repairs),
        kept_chars=kept,
    )


def _split_title(blocks: list[Block]) -> tuple[str, list[Block]]:
    """The first heading is the title. Failing that, a short first block is; a text that starts
    with a long paragraph keeps it, and is titled by its first sentence."""
    for n, block in enumerate(blocks):
        if block.kind == "heading":
            if n == 0 or block.level == 1:
                return block.text.strip(), blocks[:n] + blocks[n + 1 :]
            break
    if not blocks:
        return "", []
    first = blocks[0].text.strip()
    if len(first) <= _MAX_TITLE_CHARS:
        return first, blocks[1:]
    sentence = re.split(r"(?<=[.。!！?？])\s*", first, maxsplit=1)[0]
    return (sentence if len(sentence) <= 120 else sentence[:119] + "…"), blocks


# --- plain text -------------------------------------------------------------------------------------


def plain_blocks(lines: _Lines) -> list[Block]:
    """One block per line: bullets become list items, short unpunctuated lines between prose become
    subheadings, the first line the title; everything else is a paragraph. Nothing is interpreted as
    markup."""
    live = lines.live()
    texts = [lines.text(i) for i in live]
    blocks = []
    for n, (i, text) in enumerate(zip(live, texts)):
        if n == 0 and len(text) <= _MAX_TITLE_CHARS:
            blocks.append(Block("heading", (Inline(text),), i + 1, level=1))
        elif _BULLET.match(text):
            blocks.append(Block("list_item", tuple(autolink(_BULLET.sub("", text))), i + 1, level=1))
        elif _is_subheading(texts, n):
            blocks.append(Block("heading", (Inline(text),), i + 1, level=2))
        else:
            blocks.append(Block("paragraph", tuple(autolink(text)), i + 1))
    return blocks


def _is_subheading(texts: list[str], n: int) -> bool:
    text = texts[n]
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    limit = 30 if wide > len(text) / 2 else 80
    return (
        len(text) <= limit
        and not is_prose(text)
        and not re.search(r"[,，:：|｜]", text)
        and 0 < n < len(texts) - 1
        and is_prose(texts[n - 1])
        and is_prose(texts[n + 1])
    )


def autolink(text: str) -> list[Inline]:
    """Split text into plain runs and links for the http(s) URLs it spells out."""
    inlines, position = [], 0
    for match in _URL.finditer(text):
        if match.start() > position:
            inlines.append(Inline(text[position : match.start()]))
        inlines.append(Inline(match.group(), href=match.group()))
        position = match.end()
    if position < len(text) or not inlines:
        inlines.append(Inline(text[position:]))
    return inlines


# --- Markdown ---------------------------------------------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def markdown_blocks(lines: _Lines) -> tuple[list[Block], list[Removal], list[Repair]]:
    """Parse the surviving lines as Markdown (raw HTML shown as text, never passed through)."""
    source = "\n".join(line if alive else "" for line, alive in zip(lines.raw, lines.alive))
    tokens = _MARKDOWN.parse(source)
    blocks: list[Block] = []
    removals: list[Removal] = []
    repairs: list[Repair] = []
    containers: list[str] = []  # "bullet_list", "ordered_list", "blockquote"
    heading_level = 0
    for n, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else (blocks[-1].line if blocks else 1)
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            containers.append(token.type.removesuffix("_open"))
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "hr":
            blocks.append(Block("rule", (), line))
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("code", (Inline(token.content.rstrip("\n"), code=True),), line))
        elif token.type == "inline":
            block_line = tokens[n - 1].map[0] + 1 if tokens[n - 1].map else line
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


def _inlines(children, line: int, removals: list[Removal], repairs: list[Repair]) -> tuple[Inline, ...]:
    result: list[Inline] = []
    strong = em = 0
    link: dict | None = None  # the open link: its href and the inlines collected inside it
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
            link = {"href": child.attrGet("href") or "", "parts": []}
        elif kind == "link_close" and link is not None:
            result.extend(_finish_link(link, line, repairs))
            link = None
        elif kind == "image":
            removals.append(Removal("image_link", line, line, len(child.content or "")))
        elif kind in ("text", "code_inline", "softbreak", "hardbreak", "html_inline"):
            text = {"softbreak": " ", "hardbreak": "\n"}.get(kind, child.content)
            inline = Inline(text, strong=strong > 0, em=em > 0, code=kind == "code_inline")
            (link["parts"] if link is not None else result).append(inline)
    return tuple(_merge(result))


def _finish_link(link: dict, line: int, repairs: list[Repair]) -> list[Inline]:
    """A link's text with its href, repaired where the scrape garbled it, dropped where unsafe."""
    href, parts = link["href"], link["parts"]
    text = "".join(part.text for part in parts)
    if not href.startswith(_SAFE_SCHEMES):
        return parts  # a relative file that is not in the scrape, or a scheme we do not follow
    if not text.strip():
        repairs.append(Repair("empty_link_text", line, len(href)))
        return [Inline(href, href=href)]
    if re.match(r"(?:https?://|www\b)", text.strip(), re.I) and re.search(r"\s", text.strip()):
        repairs.append(Repair("garbled_url_text", line, len(text)))
        return [Inline(href, href=href)]
    return [Inline(part.text, href=href, strong=part.strong, em=part.em, code=part.code) for part in parts]


def _merge(inlines: list[Inline]) -> list[Inline]:
    """Join adjacent runs with the same formatting, so blocks stay compact."""
    merged: list[Inline] = []
    for inline in inlines:
        if not inline.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.href, last.strong, last.em, last.code) == (inline.href, inline.strong, inline.em, inline.code):
            merged[-1] = Inline(last.text + inline.text, last.href, last.strong, last.em, last.code)
        else:
            merged.append(inline)
    return merged
