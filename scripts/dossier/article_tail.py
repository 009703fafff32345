"""The page's tail after the article: a press release's boilerplate, a finance page's disclosures, readers'
comments, the author's bio.
Each is looked for only once the article's prose has begun, and labelled as article_location labels a
line (furniture.Labels)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from . import furniture
from .bylines import byline_name
from .cleaning_vocabulary import CleaningVocabulary
from .furniture import FurnitureLabel, Labels
from .line_shape import is_spaced, weight
from .name_lines import name_line
from .sentences import ROUGH_BOUNDARY, ends_like_sentence
from .thresholds import CLEANING


def _after_prose_begins(kept: list[int], good: list[int]) -> list[int]:
    """The lines after the first few of the article's prose: where a page's tail (a press release's
    boilerplate, readers' comments) may begin; none while the prose has not begun."""
    begun = CLEANING.tail_after_prose_lines
    return [i for i in kept if i > good[begun - 1]] if len(good) >= begun else []


def label_boilerplate(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                      vocabulary: CleaningVocabulary) -> None:
    """A press release's boilerplate after its article: from its first end line (its end mark, forward-looking
    statements, contacts for the press) or "About <company>" header over a paragraph that opens with that
    name, everything is a notice. Only once the article's prose has begun (two of its lines)."""
    after = _after_prose_begins(kept, good)
    for n, i in enumerate(after):
        # A header, short and no sentence: "O Google anunciou …" opens a Portuguese paragraph, not "About".
        header = (weight(texts[i]) <= CLEANING.about_header_max_weight
                  and not ends_like_sentence(texts[i]))
        name = vocabulary.about_whom(texts[i]) if header else None
        opens_with_name = name is not None and n + 1 < len(after) and _same_name(name, texts[after[n + 1]])
        if vocabulary.is_article_end(texts[i]) or opens_with_name:
            for j in after[n:]:
                label[j] = "notice"
            return


def label_closing_disclosures(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                              vocabulary: CleaningVocabulary) -> None:
    """A finance page's disclosures closing its article ("… owns shares of Amazon. … has a disclosure policy.",
    "Die hier veröffentlichten Analysen … stellen keine Anlageberatung dar"): the article's last paragraphs of
    prose, while each is one, are notices however long they run, with the header over them ("Compliance
    Notice") and all under them. Once the prose has begun, and never all of it."""
    after = _after_prose_begins(kept, good)
    tail = set(after)  # (a list searched for every prose line: quadratic)
    prose = [i for i in good if i in tail]
    closing = 0
    while closing < len(prose) and vocabulary.is_disclosure(texts[prose[-1 - closing]]):
        closing += 1
    if not closing or closing == len(prose):
        return
    start = after.index(prose[-closing])
    above = after[start - 1]
    if above not in label and weight(texts[above]) <= CLEANING.about_header_max_weight \
            and not ends_like_sentence(texts[above]):
        start -= 1  # the disclosures' own header
    for i in after[start:]:
        label.setdefault(i, "notice")


def _same_name(name: str, paragraph: str) -> bool:
    """Whether `paragraph` opens with the name a header names, or with that name without the case ending
    the header gives it ("O tvrtki Microsoftu" over "Microsoft (Nasdaq: MSFT) …"); not with a longer word
    that starts like it ("Brasil" over "Brasileiros …")."""
    if not is_spaced(name):  # a CJK name, run on into the paragraph's first words ("京东健康是…")
        return paragraph.strip().startswith(name)
    named, opening = _first_word(name), _first_word(paragraph)
    return opening == named or (
        len(opening) >= CLEANING.declined_name_min_chars and named.startswith(opening)
        and len(named) - len(opening) <= CLEANING.case_ending_max_chars)


def _first_word(text: str) -> str:
    """The first word, without what follows it ("Microsoft's" → Microsoft, "Example," → Example)."""
    found = _LETTERS.match(text.strip())
    return found.group() if found else ""


_LETTERS = re.compile(r"[^\W\d_]+")


def label_comments(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                   vocabulary: CleaningVocabulary) -> None:
    """Readers' comments under the article, from a comments header on (`_label_section_under`)."""
    _label_section_under(kept, texts, label, good, vocabulary, vocabulary.is_comments_header, "comments")


def label_bio_sections(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                       vocabulary: CleaningVocabulary) -> None:
    """The author's bio under its own header at the article's foot ("Über die Autorin", "About the
    author"), from that header on (`_label_section_under`)."""
    _label_section_under(kept, texts, label, good, vocabulary, vocabulary.is_bio_header, "author_bio",
                         headed_once=True)


def _label_section_under(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                         vocabulary: CleaningVocabulary, is_header: Callable[[str], bool],
                         section: FurnitureLabel, headed_once: bool = False) -> None:
    """A section of the page's tail, from its header on, once the article's prose has begun, when less prose
    follows the header than stands above it (a comment count under the standfirst heads no comments: the
    article's prose follows it). `headed_once`: no other heading over prose follows the header (a book
    review's "About the author" section goes on into "The verdict")."""
    after = _after_prose_begins(kept, good)
    for n, i in enumerate(after):
        if not is_header(texts[i]):
            continue
        below = sum(1 for g in good if g > i)
        if below < len(good) - below and not (headed_once and _heading_over_prose(after[n + 1:], texts, good)):
            for j in after[n:]:  # what the lines say of themselves stands (the footer's copyright notice)
                label.setdefault(j, "notice" if furniture.is_notice(texts[j], vocabulary) else section)
        return


def _heading_over_prose(lines: list[int], texts: dict[int, str], good: list[int]) -> bool:
    """Whether a heading (a line that is no prose and ends no sentence: "The verdict") stands right over a
    prose line among `lines`."""
    prose = set(good)
    return any(i not in prose and not ends_like_sentence(texts[i]) and following in prose
               for i, following in pairwise(lines))


def label_author_bios(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                      vocabulary: CleaningVocabulary, wrapped: set[int]) -> None:
    """The author's bio at the foot of the article ("Dana Whitcomb covers Amazon for Meridian Wire."): the
    last paragraphs the article shows (`wrapped`: the lines that go on in the line under them), each a
    sentence or two that opens with a name a byline on the page gives and a bio's verb (is, covers,
    writes). A reporter seldom names themselves in their own story; an agency named in a byline closes a
    story with other verbs ("Europa Press ha intentado …")."""
    # A byline's name, or the bare name a byline line is ("Elin Sjöberg" over the dateline).
    names = {name for i in kept if label.get(i) == "byline"
             and (name := byline_name(texts[i]) or name_line(texts[i])
                  or (texts[i] if furniture.is_person_name(texts[i]) else None))}
    after = set(_after_prose_begins(kept, good))
    bios: set[int] = set()
    for paragraph in reversed(_paragraphs([i for i in kept if i not in label], wrapped)):
        text = " ".join(texts[i] for i in paragraph)
        if paragraph[0] not in after or not _is_bio_sized(text) or not any(
                vocabulary.opens_with_bio_verb(rest) for name in names if (rest := _after_name(name, text))):
            break
        bios.update(paragraph)
    # A company that bylines its own blog names itself in its text too ("… Google Health said …"): its last
    # paragraph ("Google Health is also working …") is no bio.
    if not any(name in texts[i] for name in names for i in good if i not in bios):
        for i in bios:
            label[i] = "author_bio"


def _paragraphs(lines: list[int], wrapped: set[int]) -> list[list[int]]:
    """The lines by paragraph: a line that goes on in the line right under it (`wrapped`) is one with it."""
    paragraphs: list[list[int]] = []
    for i in lines:
        if paragraphs and paragraphs[-1][-1] in wrapped and paragraphs[-1][-1] + 1 == i:
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
    return paragraphs


_APPOSITIVE = re.compile(r",[^,]{1,60},\s*")  # ", a former nurse, "


def _after_name(name: str, text: str) -> str:
    """What follows `name` at the start of `text`, past an appositive ("Dana Whitcomb, a former nurse, covers"
    → "covers …"); "" unless `text` opens with the whole name (not "Dana Whitcombe")."""
    if not text.startswith(name) or text[len(name) : len(name) + 1] not in (" ", ","):
        return ""
    rest = text[len(name) :].lstrip()
    appositive = _APPOSITIVE.match(rest)
    return rest[appositive.end() :] if appositive else rest


def _is_bio_sized(text: str) -> bool:
    return ends_like_sentence(text) and len(ROUGH_BOUNDARY.findall(text)) <= CLEANING.author_bio_max_sentences
