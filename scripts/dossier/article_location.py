"""Where the article is in a scrape, and which lines around and inside it are furniture (in plain text, or
in what a reader sees of each line of a Markdown page).

Every line is labelled on its own evidence (`line_signal`, from furniture.py's signals), then by its
neighbours (a caption above a photo credit, the headlines under a "related" header, a name beside a
byline) and by its place: the article runs from its first to its last good prose line, under the
headline chosen above it. Labelled lines are removed, each removal named after its label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import groupby

from . import article_bounds, article_tail, furniture
from .cleaning_vocabulary import CleaningVocabulary
from .furniture import FurnitureLabel, Labels
from .headline import choose_headline
from .line_rules import Lines
from .line_shape import is_spaced, stopword_language, weight
from .menus import is_navigation, is_share_bar, is_toolbar
from .sentences import ROUGH_BOUNDARY, ends_like_sentence
from .thresholds import CLEANING
from .wrapping import unlabel_wrapped_prose, wrapped_lines

_MARKDOWN_HEADING = re.compile(r"^ {0,3}#{1,6}\s")

@dataclass(frozen=True)
class LineOverrides:
    """A maintainer's corrections for one article (`drop_lines` / `keep_lines` in seeds/articles.yml):
    exact line texts, stripped."""

    drop: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()


NO_OVERRIDES = LineOverrides()


def line_signal(text: str, vocabulary: CleaningVocabulary, language: str | None) -> FurnitureLabel | None:
    """The furniture a line is on its own evidence, named after the signal that recognized it."""
    checks: tuple[tuple[FurnitureLabel, Callable[[str], bool]], ...] = (
        # A follow button with its plus sign ("+ Follow"); its word alone may head a section ("Folgen").
        ("page_chrome",
         lambda t: vocabulary.is_chrome(t) or (t.startswith(("+", "＋")) and vocabulary.is_follow_button(t))
         or is_toolbar(t, vocabulary)),
        ("advertising",
         lambda t: furniture.is_advertising(t, vocabulary) or furniture.is_tagged_furniture(t, vocabulary)),
        ("related_teaser", lambda t: furniture.is_related_teaser(t, vocabulary)),
        ("related_list", lambda t: furniture.is_related_header(t, vocabulary)),
        ("share_bar", lambda t: is_share_bar(t, vocabulary)),
        ("photo_credit", lambda t: furniture.is_credit(t, vocabulary)),  # before navigation: "Foto: X / AP"
        ("navigation", is_navigation),
        ("byline", lambda t: furniture.is_byline(t, vocabulary)),
        ("dateline", lambda t: furniture.is_dateline(t) or furniture.is_relative_dateline(t, vocabulary)),
        ("image_file_name", furniture.is_image_file_name),
        ("label", furniture.is_bracketed_label),
        ("tag_list", furniture.is_hashtag_list),
        ("counter", furniture.is_counter),
        ("keyword_stuffing", lambda t: furniture.is_keyword_spam(t, language)),
    )
    return next((rule for rule, check in checks if check(text)), None)


def locate_article(lines: Lines, vocabulary: CleaningVocabulary, overrides: LineOverrides = NO_OVERRIDES,
                   shared: frozenset[str] = frozenset(), headline: int | None = None,
                   markdown: bool = False) -> int | None:
    """Classify every kept line of a scrape, kill the furniture (each removal named after its signal)
    and return the index of the headline (None: the page has none); `headline`: the line the page itself
    marks as its headline (Markdown's first heading), taken at its word; `markdown`: the page is Markdown, its
    headings marked as such. The lines a hard-wrapped paragraph goes on below are kept on `lines.wrapped`, for
    the blocks. See furniture.py."""
    kept = lines.kept_nonblank()
    texts = {i: lines.text(i) for i in kept}
    language = stopword_language("\n".join(texts.values()))
    label: Labels = {}
    for i in kept:
        signal = None if i == headline else line_signal(texts[i], vocabulary, language)
        # a reference's access date is no dateline
        if signal and not (signal == "dateline" and article_bounds.REFERENCE.match(texts[i])):
            label[i] = signal
    _unlabel_table_rows(kept, texts, label)
    # The lines a hard-wrapped paragraph (a PDF's text, an e-mail) breaks mid-sentence: judged once.
    wrapped = lines.wrapped = wrapped_lines(kept, texts, language, lines.raw)
    unlabel_wrapped_prose(texts, label, wrapped)
    furniture.label_names_beside_bylines(kept, texts, label, vocabulary, lines.raw)
    groups = _blank_line_groups(lines.raw)
    _label_related_lists(kept, texts, label, groups, language)
    _label_ad_boxes(kept, texts, label, groups)
    article_bounds.label_contents_lists(kept, texts, label)

    @cache  # a line's shape does not change as its neighbours are labelled: judged once
    def is_prose(i: int) -> bool:
        # A notice's words in a short line outweigh its prose shape; a long paragraph that mentions a
        # subscription or a newsletter is still the article's. A wrapped line is prose too, but not over a
        # byline ("von Anna …") or another labelled line.
        prose = furniture.is_good_prose(texts[i], language) or (i in wrapped and i + 1 not in label)
        return prose and not furniture.is_notice(
            texts[i], vocabulary, max_weight=CLEANING.notice_prose_max_weight)

    def good_lines() -> list[int]:
        return [i for i in kept if i not in label and is_prose(i)]

    _label_shared_outside_prose(kept, texts, label, good_lines(), shared)
    good = good_lines()
    article_bounds.unlabel_subheadings_in_brackets(kept, texts, label, good, vocabulary)
    article_bounds.unlabel_lists_of_triangles(kept, texts, label, good, vocabulary)
    # The page's own mark counts when it stands above the prose: a heading further down is a subheading.
    marked = headline is not None and headline in texts and headline not in label and (not good or headline <= good[0])
    chosen = headline if marked else choose_headline(kept, texts, label, good, vocabulary, language)
    title = _first_copy(kept, texts, label, chosen)
    _label_captions(kept, texts, label, title, vocabulary, lines.raw)
    article_tail.label_boilerplate(kept, texts, label, good_lines(), vocabulary)
    article_tail.label_closing_disclosures(kept, texts, label, good_lines(), vocabulary)
    article_tail.label_comments(kept, texts, label, good_lines(), vocabulary)
    article_tail.label_bio_sections(kept, texts, label, good_lines(), vocabulary)
    # The headings a Markdown page marks as such ("## Conclusion"): a last one may close the article.
    headings = {i for i in kept if markdown and _MARKDOWN_HEADING.match(lines.raw[i])}
    article_bounds.label_outside_article(kept, texts, label, title, good_lines(), vocabulary, headings, language)
    article_tail.label_author_bios(kept, texts, label, good_lines(), vocabulary, wrapped)
    if title is not None:
        for i in kept:
            if i != title and _collapsed(texts[i]) == _collapsed(texts[title]):
                label[i] = "repeated_title"
    for i in kept:
        if texts[i] in overrides.drop:
            label[i] = "curated_drop"
        elif texts[i] in overrides.keep and i != title:
            label.pop(i, None)
    by_rule: dict[FurnitureLabel, list[int]] = {}
    for i, rule in label.items():
        by_rule.setdefault(rule, []).append(i)
    for rule, indexes in sorted(by_rule.items()):
        lines.remove(rule, indexes, apart=label.keys() - set(indexes))
    return title


def _collapsed(text: str) -> str:
    """A line with its runs of spaces as one: how two copies of a headline are compared."""
    return " ".join(text.split())


def _first_copy(kept: list[int], texts: dict[int, str], label: Labels, title: int | None) -> int | None:
    """The headline where the page first prints it, a line or two above the line chosen (the page's own
    headline over its standfirst, then the picture's alt text repeating it): what stands between is the
    standfirst, not the masthead."""
    if title is None:
        return None
    position = kept.index(title)
    nearby = kept[max(position - CLEANING.repeated_headline_max_gap, 0) : position]
    copies = [i for i in nearby if i not in label and _collapsed(texts[i]) == _collapsed(texts[title])]
    if not copies:
        return title
    between = [i for i in kept if copies[0] < i < title and i not in label]
    return copies[0] if all(ends_like_sentence(texts[i]) for i in between) else title  # not over a section label


def _label_shared_outside_prose(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                                shared: frozenset[str]) -> None:
    """A line that stands on several pages of the corpus is the site's furniture (its menu, its footer)
    when it stands outside the run of prose; between two prose lines it may be the outlet's recurring
    subheading ("Why it matters"), so it stays."""
    if not shared:
        return
    def outside_prose(i: int) -> bool:
        return not good or i < good[0] or i > good[-1]

    for i in kept:
        if i not in label and texts[i] in shared and outside_prose(i):
            label[i] = "shared_with_other_pages"


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


def _label_ad_boxes(kept: list[int], texts: dict[int, str], label: Labels, group: list[int]) -> None:
    """The paragraph an advertising label opens, set apart by blank lines: the ad's box ("SPONSORED" over "Is
    your pharmacy ready …? Download the playbook …" and "Download now"), when it is a few lines that end in a
    button or a sponsor's line; an article's paragraph run on under the label ends in a sentence."""
    limits = CLEANING
    for _, members in groupby(kept, key=lambda i: group[i]):
        box = list(members)
        last = box[-1]
        if label.get(box[0]) == "advertising" and 1 < len(box) <= limits.ad_box_max_lines + 1 and (
                label.get(last) in ("advertising", "page_chrome")
                or (weight(texts[last]) <= limits.ad_box_button_max_weight and not ends_like_sentence(texts[last]))):
            for i in box[1:]:
                label.setdefault(i, "advertising")


def _unlabel_table_rows(kept: list[int], texts: dict[int, str], label: Labels) -> None:
    """Three or more adjacent lines with the same number of cell separators are a table's rows, not menus,
    counters or datelines (a table is content; whether it stands inside the article is decided by
    position). Two such lines are a byline and a toolbar set out in parts ("박지훈 기자 | 입력 … | 수정 …" over
    "댓글 0 | 글씨크기 | 공유하기"), a byline and a dateline: each stays what it is; so does a byline in a
    table. A dated row is the table's when a row without a date stands in it ("E-Rezept wird Pflicht |
    1. Januar 2024"), not when every row is a dateline ("Published | …" over "Updated | …")."""
    for cells, run in groupby(kept, key=lambda i: furniture.table_cells(texts[i])):
        rows = list(run)
        if not cells or len(rows) < CLEANING.table_min_rows:
            continue
        undated = any(label.get(j) != "dateline" for j in rows)
        for i in rows:
            if label.get(i) in ("navigation", "counter") or (label.get(i) == "dateline" and undated):
                del label[i]


def _label_related_lists(kept: list[int], texts: dict[int, str], label: Labels, group: list[int],
                         language: str | None) -> None:
    """The headlines under a "related" header: the rest of the header's paragraph when it has one,
    else the headline-shaped lines that follow it. The last of those stays when prose follows it and it
    is much shorter than the headlines above, or ends like a sentence (a question): a subheading, not one
    more headline.

    What each header needs is computed once per position, from the end of the page: scanning forward
    from every header took quadratic time on a page of many headers."""
    limits = CLEANING
    headers = [n for n, i in enumerate(kept) if label.get(i) == "related_list"]
    if not headers:
        return
    count = len(kept)
    weights = [weight(texts[i]) for i in kept]
    # Labelling items "related_list" never changes which lines qualify as items, so these hold throughout.
    is_item = [label.get(i) in (None, "related_list") and furniture.is_related_item(texts[i]) for i in kept]
    items_end = [count] * (count + 1)  # the first position from here on that is not an item
    group_end = [count] * (count + 1)  # the first position after this one in another paragraph
    prose_in_group = [False] * (count + 1)  # good prose from here to the end of this paragraph
    # the lightest item from here to its run's last, that one left out (none: infinitely heavy)
    lightest = [float("inf")] * (count + 1)
    for n in reversed(range(count)):
        same_group = n + 1 < count and group[kept[n + 1]] == group[kept[n]]
        group_end[n] = group_end[n + 1] if same_group else n + 1
        prose_in_group[n] = (furniture.is_good_prose(texts[kept[n]], language)
                             or (same_group and prose_in_group[n + 1]))
        items_end[n] = items_end[n + 1] if is_item[n] else n
        if is_item[n] and n + 1 < items_end[n]:
            lightest[n] = min(weights[n], lightest[n + 1])
    labelled = [0] * (count + 1)  # +1 where a run of items starts, -1 where it ends
    for n in headers:
        start = n + 1
        # The header's paragraph, unless the page does not set paragraphs apart with blank lines.
        in_paragraph = group_end[n] > start and not prose_in_group[start]
        end = min(items_end[start], group_end[n]) if in_paragraph else items_end[min(start, count)]
        if not in_paragraph and end - start >= limits.related_items_before_subheading:
            after = end if end < count else None
            # ... or ends like a sentence (a question), as the subheading it leads into does.
            if (after is not None and kept[after] not in label
                    and furniture.is_good_prose(texts[kept[after]], language)
                    and (weights[end - 1] < limits.subheading_share_of_headline * lightest[start]
                         or ends_like_sentence(texts[kept[end - 1]]))):
                end -= 1
        if start < end:
            labelled[start] += 1
            labelled[end] -= 1
    covered = 0
    for n in range(count):
        covered += labelled[n]
        if covered:
            label[kept[n]] = "related_list"


def _label_captions(kept: list[int], texts: dict[int, str], label: Labels, title: int | None,
                    vocabulary: CleaningVocabulary, raw: list[str]) -> None:
    """The line right above a photo credit on the page is its caption, unless it stands right under the
    headline, or under its byline block and long (a standfirst above a picture without a caption). Not a line
    that furniture removed before (a share bar) parts from the credit: that is a paragraph above the footer."""
    limits = CLEANING
    headline = _collapsed(texts[title]) if title is not None else None
    standfirst = next((i for i in kept if title is not None and i > title and i not in label), None)
    for n, i in enumerate(kept[1:], start=1):
        previous, above = kept[n - 1], kept[n - 2] if n > 1 else None
        if label.get(i) != "photo_credit" or previous in label or (
                previous == standfirst and weight(texts[previous]) > limits.standfirst_over_credit_min_weight):
            continue
        if any(raw[between].strip() for between in range(previous + 1, i)):
            continue
        if above is not None and (above == title or _collapsed(texts[above]) == headline):
            continue
        if not furniture.is_bare_credit(texts[i], vocabulary):
            continue  # the credit carries its own caption ("▲ … (사진=…)"): the line above is text
        text = texts[previous]
        sentences = len(ROUGH_BOUNDARY.findall(text))  # in CJK, two sentences are a caption only when short
        several_unspaced_sentences = sentences > 1 and not is_spaced(text)
        longest = limits.caption_max_weight_unspaced if several_unspaced_sentences else limits.caption_max_weight
        if weight(text) <= longest and sentences <= limits.caption_max_sentences:
            label[previous] = "caption"
