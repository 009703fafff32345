"""The article's bounds: it runs from its first to its last good prose line, under its headline. Above and
after the run the lines are furniture, but for the few that close the article just after it (a short
sentence, a list, a chronology, a table, a heading over one); inside it, a short label in brackets over prose is
the article's subheading ("【買収の概要】"), and lines opened by a triangle one after another are its list; numbered
lines that repeat its headings are a table of contents.
Labels as article_location labels a line (furniture.Labels)."""

from __future__ import annotations

import re
from itertools import groupby, pairwise

from . import furniture
from .cleaning_vocabulary import CleaningVocabulary
from .furniture import Labels
from .line_shape import is_spaced, weight
from .sentences import ends_like_sentence
from .thresholds import CLEANING

_LIST_ITEM = re.compile(r"^(?:[•·▪●◦‣・]\s*|[-*+]\s+|\d{1,2}[.)]\s+)")
# An entry of a chronology: a year, or a month's word and a year, then a colon or a dash and the event
# ("2018: Kauf von PillPack", "Juli 2022 – Übernahme angekündigt", "2020年3月：…"); not an acronym's
# ("CES 2024: …", "Q3 2024: …"). A list of related headlines dates its items by the day, not the year.
_TIMELINE_ENTRY = re.compile(
    r"^(?:(?-i:[A-ZÀ-Þ]?[a-zß-ÿ]+)\.?\s+)?(?:1[89]|20)\d{2}(?:年(?:\d{1,2}月)?)?\s?(?:[:：]|\s[–—-])\s*\w")
# A table's row, its cells set apart by bars ("매출액 | 7,557 | 8,120 | 8,700"): a figures table may close the article.
_TABLE_ROW = re.compile(r"^[^|｜]*[|｜][^|｜]*[|｜]")
_LETTER = re.compile(r"[^\W\d_]")
_PARTS_OR_SENTENCES = re.compile(r"[/／|｜]|[.。](?:\s|$)")
_SQUARE_BRACKETS = "【［[〔〖"  # a subheading's; round ones hold a remark ("(Fortsetzung folgt)")
# A point of a list: a short label and its colon ("출시일: 2024년 2월 1일"), where a caption is a sentence.
_LABELLED_POINT = re.compile(r"^\s*[^\s:：][^:：]{0,15}[:：]")
# An entry of a table of contents: its number, then the heading it points to ("1 心電図アプリの使い方", "2. Battery").
_CONTENTS_ENTRY = re.compile(r"^\s*\d{1,2}(?:[.)．]\s*|\s+)(\S.*)$")
# A numbered reference to a source ("[3] https://…", "【3】https://…"): the article's own apparatus,
# however much it looks like a dateline (an access date) or stands after the prose.
REFERENCE = re.compile(r"^[\[【［]\d{1,3}[\]】］].*(?:https?://|www\.)")


def _names_a_section(text: str, vocabulary: CleaningVocabulary) -> bool:
    """What a bracketed subheading holds: a few words (two at least where words are spaced), no parts and
    no sentence; not a control's, a byline's or a credit's words ("[음성 듣기]", "[홍길동 기자]")."""
    inside = text[1:-1].strip()
    return (text[0] in _SQUARE_BRACKETS and len(inside) >= CLEANING.bracketed_subheading_min_chars
            and (not is_spaced(inside) or len(inside.split()) >= CLEANING.bracketed_subheading_min_words)
            and _LETTER.search(inside) is not None
            and _PARTS_OR_SENTENCES.search(inside) is None and not vocabulary.is_chrome(inside)
            and not furniture.is_byline(inside, vocabulary) and not furniture.is_credit(inside, vocabulary))


def unlabel_subheadings_in_brackets(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                                    vocabulary: CleaningVocabulary) -> None:
    """A short label in brackets between two of the article's prose lines, over the next, is a subheading
    ("【買収の概要】", "[시장 반응]"), not a kicker or a control: those stand above the article or after it
    ("（完）"). A notice in brackets ("［有料会員限定］") stays one, as do a label of a word or so ("【写真】"), a
    time ("[00:02:30]"), and a byline or a credit set out in parts or sentences ("【張家豪／台北報導】",
    "[삼성전자 제공. 재판매 및 DB 금지]")."""
    if not good:
        return
    following, prose = dict(pairwise(kept)), set(good)
    for i in kept:
        if (label.get(i) == "label" and good[0] < i < good[-1] and following.get(i) in prose
                and _names_a_section(texts[i], vocabulary) and not furniture.is_notice(texts[i], vocabulary)):
            del label[i]


def unlabel_lists_of_triangles(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                               vocabulary: CleaningVocabulary) -> None:
    """Lines opened by a triangle one after another inside the article are a list of its points
    ("▲출시일: 2024년 2월 1일", "▲연동 기기: …"), where one such line alone, or one that is a sentence, is a
    photo's caption; none of them credits a picture."""
    def listed(i: int) -> bool:  # a point: a label and its colon, or no sentence (a caption is one)
        text = texts[i]
        return (label.get(i) == "photo_credit" and text.startswith("▲") and not vocabulary.credit.search(text[1:])
                and (_LABELLED_POINT.match(text[1:]) is not None or not ends_like_sentence(text)))

    if not good:
        return
    inside = [i for i in kept if good[0] < i < good[-1]]
    for is_listed, run in groupby(inside, key=listed):
        points = list(run)
        if is_listed and len(points) >= CLEANING.triangle_list_min_lines:
            for i in points:
                del label[i]


def label_outside_article(kept: list[int], texts: dict[int, str], label: Labels, title: int | None,
                           good: list[int], vocabulary: CleaningVocabulary, headings: set[int],
                           language: str | None) -> None:
    """The article runs from its first to its last good prose line. Above the headline everything is
    furniture; between headline and prose (the standfirst's place) and inside the run, only notices (short ones,
    and disclosures of any length);
    after the run, all but the closing sentences that follow it directly (the first of them may lack its
    full stop: "For now, the hospitals say nothing changes for patients")."""
    first_body = next((i for i in good if title is None or i > title), None)
    last_body = good[-1] if good else None
    short = CLEANING.short_line_weight
    for i in kept:
        if i in label or i == title:
            continue
        text = texts[i]
        if last_body is not None and i > last_body and REFERENCE.match(text):
            continue  # the article's references after its prose
        notice = furniture.is_notice(text, vocabulary)
        if first_body is None or i < first_body:
            if title is not None and i < title:
                label[i] = "before_headline"
            elif title is None and not ends_like_sentence(text):
                label[i] = "before_article"
            elif notice:
                label[i] = "notice"
        elif last_body is not None and i > last_body:
            label[i] = "notice" if notice else "after_article"
        elif (notice and weight(text) <= short) or vocabulary.is_disclosure(text):
            label[i] = "notice"  # (a disclosure however long: "When you buy through links on our site, we may …")
    if last_body is None:
        return
    tail = [i for i in kept if i > last_body]
    if all(label.get(i) == "after_article" for i in tail):
        for i in tail:  # the scrape ends without furniture: a sign-off, or a line cut off mid-sentence
            del label[i]
        return
    def closing(i: int) -> bool:
        return label.get(i) == "after_article" and bool(
            ends_like_sentence(texts[i]) or _LIST_ITEM.match(texts[i]) or _TIMELINE_ENTRY.match(texts[i])
            or _TABLE_ROW.match(texts[i]))

    def heads(n: int) -> bool:
        """A heading over what closes the article: one the page marks ("## Conclusion"), or a short line
        over a chronology's or a table's first two entries ("Chronik: Amazons Weg ins Gesundheitsgeschäft",
        "카카오 실적 전망 (단위: 십억원)" over its rows)."""
        entries = CLEANING.chronology_heading_min_entries
        after = tail[n + 1 : n + 1 + entries]
        if not after or not closing(after[0]):
            return False
        return tail[n] in headings or (weight(texts[tail[n]]) <= short and len(after) == entries and any(
            all(entry.match(texts[j]) for j in after) for entry in (_TIMELINE_ENTRY, _TABLE_ROW)))

    unended_kept = False
    for n, i in enumerate(tail):
        # A short closing sentence, a list or a chronology still belongs to the article; so does a last
        # heading over one, and one sentence that lacks its full stop.
        subheading = label.get(i) == "after_article" and heads(n)
        unended = (not unended_kept and label.get(i) == "after_article"
                   and furniture.is_unended_prose(texts[i], language))
        if not (closing(i) or subheading or unended):
            break
        unended_kept = unended_kept or unended
        del label[i]


def label_contents_lists(kept: list[int], texts: dict[int, str], label: Labels) -> None:
    """A table of contents: numbered lines each of whose heading a later line of the page repeats ("1 心電図アプリの
    使い方" over the subheading "心電図アプリの使い方"), two at least: the page's navigation, where the headings
    themselves stay the article's."""
    last: dict[str, int] = {texts[i].strip(): i for i in kept}  # each line's text, at the last line that holds it
    entries = [i for i in kept if i not in label and (entry := _CONTENTS_ENTRY.match(texts[i]))
               and last.get(entry.group(1).strip(), -1) > i]
    if len(entries) >= CLEANING.contents_min_entries:
        for i in entries:
            label[i] = "navigation"
