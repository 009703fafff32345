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
from . import furniture
from .records import Block, CleanText, DecodedText, Inline, Removal, RemovedLine, Repair

# A line that ends like a sentence. Headlines, tags, bylines and buttons do not.
_TERMINAL = tuple(".。!！?？…”\"」』»)）;；:：")
_MAX_TITLE_CHARS = 200
_LONG_LINE = 80  # a line this long reads as prose whatever its ending
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BULLET = re.compile(r"^(?:[•·▪●◦‣]\s*|[-*+]\s+)")
_LIST_ITEM = re.compile(r"^(?:[•·▪●◦‣・]\s*|[-*+]\s+|\d{1,2}[.)]\s+)")
_SENTENCE_END = re.compile(r"[。！？!?]|\. ")
_LIST_SEPARATORS = re.compile(r"[,，|｜、]| [-–—] ")
_URL = re.compile(r"https?://[^\s<>\"'\]\[)(（）【】]+[^\s<>\"'\]\[)(（）【】.,;:!?。，；：！？]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
# markdown-it takes quadratic time on some runs inside one block (unclosed brackets or emphasis marks,
# long lists): a text with a block (lines between blank ones) longer than this is read as plain text,
# so each parse is bounded and the whole stays linear. Real paragraphs and lists are far shorter.
_MAX_MARKDOWN_BLOCK_CHARS = 5000


def is_prose(line: str) -> bool:
    """A sentence or a long line: what article bodies are made of."""
    return len(line) >= _LONG_LINE or line.endswith(_TERMINAL)


def looks_like_markdown(text: str) -> bool:
    """Markdown when at least two kinds of its syntax appear: headings, links, images, list markers."""
    # No "[" inside a link's text or target: each "[" then starts a scan that ends before the next one,
    # so the search is linear (with "[" allowed, `[a](` and a long run of letters took quadratic time).
    signals = [
        re.search(r"^#{1,6} \S", text, re.M),
        re.search(r"\[[^\[\]\n]*\]\([\w./-][^)\s\[]*\)", text),
        re.search(r"!\[[^\[\]\n]*\]\([^)\s\[]+\)", text),
        re.search(r"^(?:\*|-|\d+\.)\s{1,4}\S", text, re.M),
        re.search(r"^> \S", text, re.M),
    ]
    # Lists and quotes alone are common in plain text; Markdown needs a heading, link or image too.
    return sum(1 for signal in signals if signal) >= 2 and any(signals[:3])


@dataclass
class _Lines:
    """The text's lines and which of them are still alive, with the removals made so far."""

    raw: list[str]
    alive: list[bool]
    removals: list[Removal] = field(default_factory=list)
    removed_rule: dict[int, str] = field(default_factory=dict)  # 1-based line -> the rule that took it

    def live(self) -> list[int]:
        """Indexes of the alive, non-blank lines, in order."""
        return [i for i, line in enumerate(self.raw) if self.alive[i] and line.strip()]

    def text(self, index: int) -> str:
        return self.raw[index].strip()

    def remove(self, rule: str, indexes: list[int]) -> None:
        """Kill the lines, recording one removal per run of adjacent live lines."""
        run: list[int] = []
        for index in sorted(set(indexes)):
            if run and not self._next_live(run[-1], index):
                self._record(rule, run)
                run = []
            run.append(index)
        if run:
            self._record(rule, run)
        for index in indexes:
            self.alive[index] = False
            self.removed_rule.setdefault(index + 1, rule)

    def _is_live(self, index: int) -> bool:
        return self.alive[index] and bool(self.raw[index].strip())

    def _next_live(self, earlier: int, later: int) -> bool:
        """Both lines live, and no live line between them. Looks only between the two, so that removing a
        few lines costs what they span, not the whole text."""
        return (self._is_live(earlier) and self._is_live(later)
                and not any(self._is_live(index) for index in range(earlier + 1, later)))

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
    chrome = {i for i in live if vocabulary.is_chrome(lines.text(i))}
    tail: list[int] = []
    for i in reversed(live):
        if i in chrome or not is_prose(lines.text(i)) or _BULLET.match(lines.text(i)):
            tail.append(i)
        else:
            break
    if any(i in chrome for i in tail):
        chrome |= set(tail)
    lines.remove("page_chrome", sorted(chrome))


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


# A link card spans a few lines (its link, heading, teaser, the site's name): its closing is looked for
# only that far, so that many card openings without one cost linear time.
_CARD_MAX_LINES = 8


def remove_embedded_cards(lines: _Lines, vocabulary: CleaningVocabulary) -> None:
    """Markdown link cards for other articles (`[](url) [## title … site](url)`): a promotion, not text."""
    live = lines.live()
    for n, i in enumerate(live):
        start = re.match(r"\[\]\((\S+?)\)\s*\[#{1,6} ", lines.text(i))
        if not start:
            continue
        closing = f"]({start.group(1)})"
        for end in range(n, min(n + _CARD_MAX_LINES, len(live))):
            j = live[end]
            if closing in lines.raw[j] and (j != i or lines.raw[j].count(closing) > 1):
                lines.remove("embedded_card", live[n : end + 1])
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


@dataclass(frozen=True)
class LineOverrides:
    """A maintainer's corrections for one article (`drop_lines` / `keep_lines` in seeds/articles.yml):
    exact line texts, stripped."""

    drop: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()


def clean(decoded: DecodedText, vocabulary: CleaningVocabulary, overrides: LineOverrides = LineOverrides(),
          shared: frozenset[str] = frozenset()) -> CleanText:
    """The article's own text, title and blocks, from a decoded page. `shared` holds the lines that
    stand on several pages of the corpus (furniture.shared_lines); `overrides` a maintainer's
    corrections."""
    markdown = looks_like_markdown(decoded.text) and _longest_block(decoded.text) <= _MAX_MARKDOWN_BLOCK_CHARS
    raw = decoded.text.split("\n")
    lines = _Lines(raw, [True] * len(raw), list(decoded.removals))
    for rule in MARKDOWN_RULES if markdown else PLAIN_RULES:
        rule(lines, vocabulary)
    title_line = 0
    if markdown:
        blocks, removals, repairs = markdown_blocks(lines)
        title, title_line, blocks = _split_title(blocks)
    else:
        title_index = locate_article(lines, vocabulary, overrides, shared)
        title = lines.text(title_index) if title_index is not None else ""
        title_line = title_index + 1 if title_index is not None else 0
        if title_index is not None:
            lines.alive[title_index] = False
        blocks, removals, repairs = plain_blocks(lines), [], []
    kept = len(title) + sum(len(block.text) for block in blocks)
    removed_lines = tuple(
        RemovedLine(number, lines.raw[number - 1].strip(), rule)
        for number, rule in sorted(lines.removed_rule.items())
    )
    return CleanText(
        source_file=decoded.source_file,
        sha256=decoded.sha256,
        source_format="markdown" if markdown else "plain",
        title=title,
        blocks=tuple(blocks),
        removals=tuple(sorted(lines.removals + removals, key=lambda r: (r.line_start, r.rule))),
        repairs=tuple(repairs),
        kept_chars=kept,
        title_line=title_line,
        removed_lines=removed_lines,
    )


def _longest_block(text: str) -> int:
    """Characters of the longest run of lines between blank ones (blank as Markdown has it: spaces and
    tabs only)."""
    longest = current = 0
    for line in text.split("\n"):
        current = 0 if not line.strip(" \t") else current + len(line) + 1
        longest = max(longest, current)
    return longest


def _split_title(blocks: list[Block]) -> tuple[str, int, list[Block]]:
    """Markdown: the first heading is the title. Failing that, a short first block is; a text that
    starts with a long paragraph keeps it, and is titled by its first sentence."""
    for n, block in enumerate(blocks):
        if block.kind == "heading":
            if n == 0 or block.level == 1:
                return block.text.strip(), block.line, blocks[:n] + blocks[n + 1 :]
            break
    if not blocks:
        return "", 0, []
    first = blocks[0].text.strip()
    if len(first) <= _MAX_TITLE_CHARS:
        return first, blocks[0].line, blocks[1:]
    sentence = re.split(r"(?<=[.。!！?？])\s*", first, maxsplit=1)[0]
    return (sentence if len(sentence) <= 120 else sentence[:119] + "…"), blocks[0].line, blocks


# --- plain text: where the article is -------------------------------------------------------------


def line_signal(text: str, vocabulary: CleaningVocabulary, language: str | None) -> str | None:
    """The furniture a line is on its own evidence, named after the signal that recognized it."""
    checks = (
        ("page_chrome", vocabulary.is_chrome),
        ("advertising", lambda t: furniture.is_advertising(t, vocabulary) or furniture.is_tagged_furniture(t, vocabulary)),
        ("related_teaser", lambda t: furniture.is_related_teaser(t, vocabulary)),
        ("related_list", lambda t: furniture.is_related_header(t, vocabulary)),
        ("share_bar", lambda t: furniture.is_share_bar(t, vocabulary)),
        ("navigation", furniture.is_navigation),
        ("byline", lambda t: furniture.is_byline(t, vocabulary)),
        ("dateline", furniture.is_dateline),
        ("photo_credit", lambda t: furniture.is_credit(t, vocabulary)),
        ("image_file_name", furniture.is_image_file_name),
        ("label", furniture.is_bracketed_label),
        ("tag_list", furniture.is_hashtag_list),
        ("counter", furniture.is_counter),
        ("keyword_stuffing", lambda t: furniture.is_keyword_spam(t, language)),
    )
    return next((rule for rule, check in checks if check(text)), None)


def locate_article(lines: _Lines, vocabulary: CleaningVocabulary, overrides: LineOverrides = LineOverrides(),
                   shared: frozenset[str] = frozenset()) -> int | None:
    """Classify every live line of a plain-text scrape, kill the furniture (each removal named after
    its signal) and return the index of the headline (None: the page has none). See furniture.py."""
    live = lines.live()
    texts = {i: lines.text(i) for i in live}
    language = furniture.stopword_language("\n".join(texts.values()))
    label: dict[int, str] = {}
    for i in live:
        signal = line_signal(texts[i], vocabulary, language)
        if signal:
            label[i] = signal
    _unlabel_table_rows(live, texts, label)
    _label_names_beside_bylines(live, texts, label)
    _label_related_lists(live, texts, label, _blank_line_groups(lines.raw), language)

    def good_lines() -> list[int]:
        # A notice's words in a short line outweigh its prose shape; a long paragraph that mentions a
        # subscription or a newsletter is still the article's.
        return [i for i in live if i not in label and furniture.is_good_prose(texts[i], language)
                and not furniture.is_notice(texts[i], vocabulary, max_weight=furniture.THRESHOLDS.notice_prose_max_weight)]

    _label_shared_outside_prose(live, texts, label, good_lines(), shared)
    title = _choose_headline(live, texts, label, good_lines(), vocabulary)
    _label_captions(live, texts, label, title, vocabulary)
    _label_outside_article(live, texts, label, title, good_lines(), vocabulary)
    if title is not None:
        for i in live:
            if i != title and " ".join(texts[i].split()) == " ".join(texts[title].split()):
                label[i] = "repeated_title"
    for i in live:
        if texts[i] in overrides.drop:
            label[i] = "curated_drop"
        elif texts[i] in overrides.keep and i != title:
            label.pop(i, None)
    by_rule: dict[str, list[int]] = {}
    for i, rule in label.items():
        by_rule.setdefault(rule, []).append(i)
    for rule, indexes in sorted(by_rule.items()):
        lines.remove(rule, indexes)
    return title


def _label_shared_outside_prose(live: list[int], texts: dict[int, str], label: dict[int, str], good: list[int],
                                shared: frozenset[str]) -> None:
    """A line that stands on several pages of the corpus is the site's furniture (its menu, its footer)
    when it stands outside the run of prose; between two prose lines it may be the outlet's recurring
    subheading ("Why it matters"), so it stays."""
    if not shared:
        return
    first, last = (good[0], good[-1]) if good else (None, None)
    for i in live:
        if i not in label and texts[i] in shared and (first is None or i < first or i > last):
            label[i] = "shared_with_other_pages"


def _label_outside_article(live: list[int], texts: dict[int, str], label: dict[int, str], title: int | None,
                           good: list[int], vocabulary: CleaningVocabulary) -> None:
    """The article runs from its first to its last good prose line. Above the headline everything is
    furniture; between headline and prose (the standfirst's place) and inside the run, only notices;
    after the run, all but the closing sentences that follow it directly."""
    first_body = next((i for i in good if title is None or i > title), None)
    last_body = good[-1] if good else None
    short = furniture.THRESHOLDS.short_line_weight
    for i in live:
        if i in label or i == title:
            continue
        text = texts[i]
        notice = furniture.is_notice(text, vocabulary)
        if first_body is None or i < first_body:
            if title is not None and i < title:
                label[i] = "before_headline"
            elif title is None and not furniture.ends_like_sentence(text):
                label[i] = "before_article"
            elif notice:
                label[i] = "notice"
        elif last_body is not None and i > last_body:
            label[i] = "notice" if notice else "after_article"
        elif notice and furniture.weight(text) <= short:
            label[i] = "notice"
    if last_body is None:
        return
    tail = [i for i in live if i > last_body]
    if all(label.get(i) == "after_article" for i in tail):
        for i in tail:  # the scrape ends without furniture: a sign-off, or a line cut off mid-sentence
            del label[i]
        return
    for i in tail:
        if label.get(i) != "after_article" or not (furniture.ends_like_sentence(texts[i]) or _LIST_ITEM.match(texts[i])):
            break
        del label[i]  # a short closing sentence, or a list, still belongs to the article


def _blank_line_groups(raw: list[str]) -> list[int]:
    """For each line, the number of the run of non-blank lines it belongs to."""
    groups, number, previous_blank = [], 0, True
    for line in raw:
        blank = not line.strip()
        if not blank and previous_blank:
            number += 1
        groups.append(number)
        previous_blank = blank
    return groups


def _unlabel_table_rows(live: list[int], texts: dict[int, str], label: dict[int, str]) -> None:
    """Adjacent lines with the same number of cell separators are a table's rows, not menus or
    counters (a table is content; whether it stands inside the article is decided by position)."""
    for n, i in enumerate(live):
        cells = furniture.table_cells(texts[i])
        neighbours = live[max(n - 1, 0) : n] + live[n + 1 : n + 2]
        if cells and any(furniture.table_cells(texts[j]) == cells for j in neighbours) \
                and label.get(i) in ("navigation", "counter"):
            del label[i]


def _label_names_beside_bylines(live: list[int], texts: dict[int, str], label: dict[int, str]) -> None:
    """A bare name ("Javier Ortega") above or below a byline or dateline is the author's line."""
    for n, i in enumerate(live):
        if label.get(i) not in ("byline", "dateline"):
            continue
        for neighbour in live[max(n - 1, 0) : n] + live[n + 1 : n + 2]:
            if neighbour not in label and furniture.is_person_name(texts[neighbour]):
                label[neighbour] = "byline"


def _label_related_lists(live: list[int], texts: dict[int, str], label: dict[int, str], group: list[int],
                         language: str | None) -> None:
    """The headlines under a "related" header: the rest of the header's paragraph when it has one,
    else the headline-shaped lines that follow it. The last of those stays when prose follows it and it
    is much shorter than the headlines above: a subheading, not one more headline.

    What each header needs is computed once per position, from the end of the page: scanning forward
    from every header took quadratic time on a page of many headers."""
    limits = furniture.THRESHOLDS
    headers = [n for n, i in enumerate(live) if label.get(i) == "related_list"]
    if not headers:
        return
    count = len(live)
    weights = [furniture.weight(texts[i]) for i in live]
    # Labelling items "related_list" never changes which lines qualify as items, so these hold throughout.
    is_item = [label.get(i) in (None, "related_list") and furniture.is_related_item(texts[i]) for i in live]
    items_end = [count] * (count + 1)  # the first position from here on that is not an item
    group_end = [count] * (count + 1)  # the first position after this one in another paragraph
    prose_in_group = [False] * (count + 1)  # good prose from here to the end of this paragraph
    lightest = [float("inf")] * (count + 1)  # the lightest item from here to its run's last, that one left out
    for n in reversed(range(count)):
        same_group = n + 1 < count and group[live[n + 1]] == group[live[n]]
        group_end[n] = group_end[n + 1] if same_group else n + 1
        prose_in_group[n] = (furniture.is_good_prose(texts[live[n]], language)
                             or same_group and prose_in_group[n + 1])
        items_end[n] = items_end[n + 1] if is_item[n] else n
        if is_item[n] and n + 1 < items_end[n]:
            lightest[n] = min(weights[n], lightest[n + 1])
    labelled = [0] * (count + 1)  # +1 where a run of items starts, -1 where it ends
    for n in headers:
        start = n + 1
        # The header's paragraph, unless the page does not set paragraphs apart with blank lines.
        in_paragraph = group_end[n] > start and not prose_in_group[start]
        end = min(items_end[start], group_end[n]) if in_paragraph else items_end[min(start, count)]
        if not in_paragraph and end - start >= 2:
            after = end if end < count else None
            if (after is not None and live[after] not in label
                    and furniture.is_good_prose(texts[live[after]], language)
                    and weights[end - 1] < limits.subheading_share_of_headline * lightest[start]):
                end -= 1
        if start < end:
            labelled[start] += 1
            labelled[end] -= 1
    covered = 0
    for n in range(count):
        covered += labelled[n]
        if covered:
            label[live[n]] = "related_list"


def _is_kicker(first: str, second: str) -> bool:
    """A section label or kicker above the headline ("SALUTE DIGITALE", "Alphabet-Tochter"): short, and
    much shorter than the line under it."""
    limits = furniture.THRESHOLDS
    return (furniture.weight(first) <= limits.kicker_max_weight
            and furniture.weight(first) < limits.kicker_share_of_headline * furniture.weight(second))


def _is_tagline(live: list[int], texts: dict[int, str], label: dict[int, str], position: int) -> bool:
    """A site's one-sentence tagline at the very top of the page, above the headline: the first line
    that is not furniture, and no longer than a tagline."""
    above = live[:position]
    return all(i in label for i in above) and furniture.weight(texts[live[position]]) <= furniture.THRESHOLDS.tagline_max_weight


def _label_captions(live: list[int], texts: dict[int, str], label: dict[int, str], title: int | None,
                    vocabulary: CleaningVocabulary) -> None:
    """The line above a photo credit is its caption, unless it stands right under the headline (a
    standfirst above a picture without a caption)."""
    limits = furniture.THRESHOLDS
    headline = " ".join(texts[title].split()) if title is not None else None
    for n, i in enumerate(live[1:], start=1):
        previous, above = live[n - 1], live[n - 2] if n >= 2 else None
        if label.get(i) != "photo_credit" or previous in label:
            continue
        if above is not None and (above == title or " ".join(texts[above].split()) == headline):
            continue
        if not furniture.is_bare_credit(texts[i], vocabulary):
            continue  # the credit carries its own caption ("▲ … (사진=…)"): the line above is text
        text = texts[previous]
        if furniture.weight(text) <= limits.caption_max_weight and len(_SENTENCE_END.findall(text)) <= 1:
            label[previous] = "caption"


_EDGE_NOTICES = 10  # at each end of the page: real pages hold a handful in all


def _choose_headline(live: list[int], texts: dict[int, str], label: dict[int, str], good: list[int],
                     vocabulary: CleaningVocabulary) -> int | None:
    """The headline: walking up from the first prose line past bylines, datelines, share bars and
    other furniture, the topmost of the headline-shaped lines found before the page's navigation (a
    standfirst may stand under the headline); failing that, the heaviest headline-shaped line above the
    prose. Never a notice, never the site's name (which the footer's notices repeat)."""
    notices = [i for i in live if furniture.is_notice(texts[i], vocabulary)]
    notice_lines = set(notices)
    # The notices that repeat the site's name stand at the ends of the page (a cookie banner, the
    # footer); a crafted page of thousands would make checking every candidate against each quadratic.
    edge_notices = [texts[j] for j in sorted(set(notices[:_EDGE_NOTICES] + notices[-_EDGE_NOTICES:]))]

    def is_candidate(i: int) -> bool:
        if i in label or i in notice_lines or not furniture.is_headline_shaped(texts[i]):
            return False
        site_name = re.split(r" [–—|-] ", texts[i])[0].strip()
        return not any(site_name in notice for notice in edge_notices)

    def run_above(opening: int) -> list[int]:
        run: list[int] = []  # bottom up
        for i in reversed(live[:opening]):
            if label.get(i) == "navigation":
                break
            if is_candidate(i):
                run.append(i)
            elif i not in label:
                break
        return run[::-1]

    opening = live.index(good[0]) if good else len(live)
    run = run_above(opening)
    if not run and good and _is_tagline(live, texts, label, opening):
        run = run_above(live.index(good[1])) if len(good) > 1 else []
    if len(run) >= 2 and _is_kicker(texts[run[0]], texts[run[1]]):
        run = run[1:]
    if run:
        return run[0]
    candidates = [i for i in live[:opening] if is_candidate(i)]
    return max(candidates, key=lambda i: (furniture.weight(texts[i]), -i)) if candidates else None


# --- plain text -------------------------------------------------------------------------------------


def plain_blocks(lines: _Lines) -> list[Block]:
    """One block per line of the article (the headline is taken out before): bullets become list items,
    short unpunctuated lines between prose become subheadings; everything else is a paragraph. Nothing
    is interpreted as markup."""
    live = lines.live()
    texts = [lines.text(i) for i in live]
    blocks = []
    for n, (i, text) in enumerate(zip(live, texts)):
        if _BULLET.match(text):
            blocks.append(Block("list_item", tuple(autolink(_BULLET.sub("", text))), i + 1, level=1))
        elif _is_subheading(texts, n):
            blocks.append(Block("heading", (Inline(text),), i + 1, level=2))
        else:
            blocks.append(Block("paragraph", tuple(autolink(text)), i + 1))
    return blocks


def _is_subheading(texts: list[str], n: int) -> bool:
    """A short line that does not end like a sentence, between two prose lines."""
    text = texts[n]
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    limit = 30 if wide > len(text) / 2 else 80
    return (
        len(text) <= limit
        and not furniture.ends_like_sentence(text)
        and not re.search(r"[:：|｜]$", text)
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
