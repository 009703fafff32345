"""The clean stage's signals: is a line of a flattened web page the article's own text, or furniture?

A scrape without HTML still has the page's shape: a head (site name, navigation, breadcrumbs, the
headline, a byline and dateline, a share bar), a dense run of prose lines, and a tail (tags, related
links, comments, newsletter and cookie notices, copyright). Each signal below is a named function of one
line (its shape: length, ending, separators, digits, brackets; its words: a small universal vocabulary
from `seeds/cleaning.yml` and per-language stopwords), or of a line and its neighbours (a caption above
a photo credit, the headlines under a "related" header). `article_location.locate_article` combines
them, the way jusText classifies paragraphs: the article is the run from the first to the last good
prose line, the headline the most headline-like line above it; what stands outside is furniture, and
inside it only what a signal names. Every threshold is in `thresholds.CleaningThresholds`.
"""

from __future__ import annotations

import re
from typing import Literal

from .bylines import is_cjk_byline, name_at_outlet
from .characters import DIGIT, HAN, HANGUL, SUBHEADING_MARKS, char_class, without_leading_symbols
from .cleaning_vocabulary import CleaningVocabulary
from .date_shape import DATELINE_PARTS, YEAR_SPAN, has_full_date
from .line_shape import is_spaced, stopword_density, weight, words
from .menus import NAV_SEPARATORS
from .meta_vocabulary import VOCABULARY
from .name_lines import HANDLE_LINE, is_role_phrase, name_line
from .outlets import is_source_line
from .person_names import unmarked_name
from .places import is_place
from .sentences import FULL_STOP_END, ends_like_question, ends_like_sentence, ends_sentences_unmarked
from .thresholds import CLEANING, CleaningThresholds
from .web_addresses import EMAIL_ADDRESS

# What a plain-text line is labelled when it is furniture: the signal that recognized it, or its place
# on the page (the article runs from its first to its last good prose line, under its headline).
FurnitureLabel = Literal[
    # one line on its own evidence (article_location.line_signal)
    "page_chrome", "advertising", "related_teaser", "related_list", "share_bar", "navigation", "byline",
    "dateline", "photo_credit", "image_file_name", "label", "tag_list", "counter", "keyword_stuffing",
    # a line by its neighbours or its place
    "caption", "shared_with_other_pages", "before_headline", "before_article", "notice", "after_article",
    "repeated_title", "curated_drop", "comments", "author_bio",
]

Labels = dict[int, FurnitureLabel]  # a page's line index -> what the line is

_IMAGE_FILE = re.compile(r"[\w.~-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)", re.IGNORECASE)
_BRACKETED = re.compile(r"^[\[【［〔〖(（<《「][^\]】］〕〗)）>》」]*[\]】］〕〗)）>》」]$")
_LEADING_TAG = re.compile(r"^(?:▍\s*)?[\[【［〔〖(（]([^\]】］〕〗)）]{1,12})[\]】］〕〗)）]\s*\S")
_TRAILING_PARENTHESIS = re.compile(r"[(（]([^()（）]{1,40})[)）][.。]?$")
_HASHTAG = re.compile(r"(?:^|\s)#\S+")
_PERSON_NAME = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*)(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|da|do|dos|van|von|del|di|le|la))+$"
)
_CJK_NAME = re.compile(f"^[{char_class(HAN)}]{{2,4}}$|^[{char_class(HANGUL)}]{{2,4}}$")
_SUBHEADING_MARK = re.compile(f"^[{SUBHEADING_MARKS}]")
_CJK_COMMA = re.compile("[、，]")
_YEAR_HEADING = re.compile(r"(?:19|20)\d{2}\s*[:：]\s*\D+$")  # "2015: Nabız sensörü", not "2041 lượt xem"
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]\s+\D")  # "1. Google Health": a numbered item or subheading, no count
_PAGER_ARROW = re.compile(r"^[«‹<←]|[»›>→]$")  # at a pager's ends: "« Previous 1 2 Next »", not "Phase 1 → Phase 2"


# --- one line on its own ------------------------------------------------------------------------------


def is_good_prose(text: str, language: str | None, limits: CleaningThresholds = CLEANING) -> bool:
    """A line of running text: heavy, ending like a sentence (or too long to be anything else), and,
    in a spaced language, as full of stopwords as prose is."""
    heavy = weight(text)
    if not is_spaced(text) and ends_like_sentence(text) and heavy >= limits.good_min_weight_unspaced:
        return True  # CJK news runs in short paragraphs; the sentence ending is the evidence
    if heavy < limits.good_min_weight:
        return False
    # An unended line is prose only when heavy, or, in a script that ends no sentence with a mark, lighter.
    if not ends_like_sentence(text) and heavy < limits.good_unended_weight and (
            heavy < limits.good_unmarked_weight or not ends_sentences_unmarked(text)):
        return False
    density = stopword_density(text, language)
    return density is None or density >= limits.good_min_stopwords


def is_unended_prose(text: str, language: str | None, limits: CleaningThresholds = CLEANING) -> bool:
    """A sentence that lacks only its full stop ("Amazon no ha aclarado si volverá a intentarlo"): a sentence's
    weight and, in a spaced language, its words and stopwords; in an unspaced one, a clause set off by a
    comma ("…も、その動向を注視している")."""
    if weight(text) < limits.good_min_weight_unspaced or ends_like_sentence(text):
        return False
    density = stopword_density(text, language)
    if density is None:
        return not is_spaced(text) and bool(_CJK_COMMA.search(text))
    return len(words(text)) >= limits.unended_sentence_min_words and density >= limits.good_min_stopwords


_TABLE_CELL_SEPARATOR = re.compile(r"\||\t")


def table_cells(text: str) -> int:
    """How many cell separators (| or tab) a line holds: rows of one table hold the same number."""
    return len(_TABLE_CELL_SEPARATOR.findall(text))


def is_dateline(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """A short line that states when (and maybe where, or by whom) the article was published."""
    if _SUBHEADING_MARK.match(text):
        return False  # "■新規予約は3月10日で停止": a subheading that says a date
    in_parts = bool(DATELINE_PARTS.search(text))
    if weight(text) > (limits.dateline_in_parts_max_weight if in_parts else limits.dateline_max_weight) \
            or not has_full_date(text):
        return False
    # A sentence with a date is prose: a dateline ends with no full stop, unless set out in parts ("… | 10:42 น.",
    # "12.04.2021 · Von Sabine Krämer · Lesezeit: 3 Min.").
    return not (FULL_STOP_END.search(text) and weight(text) > limits.label_max_weight and not in_parts)


def is_relative_dateline(text: str, vocabulary: CleaningVocabulary, limits: CleaningThresholds = CLEANING) -> bool:
    """A short line that stamps the article (or a comment) with a time relative to now: "Updated 3 hours
    ago", "Uppdaterad i dag 09.12", "آخر تحديث: منذ 3 ساعات"; not a sentence that says one."""
    # Every stamp holds a number; a line too heavy for a dateline, or a sentence, needs no search.
    if weight(text) > limits.dateline_max_weight or not DIGIT.search(text) or ends_like_sentence(text):
        return False
    stamp = vocabulary.relative_time.search(text)
    if stamp is None:
        return False
    before, after = text[: stamp.start()].split(), text[stamp.end() :].split()
    # Little else on the line: a marker, a name before it ("Updated", "jdoe"), a mark after it ("[–]", "h"); a
    # subheading says more around it ("Há 5 dias sem luz").
    return (len(before) + len(after) <= limits.relative_dateline_max_other_words
            and len(after) <= limits.relative_dateline_max_words_after)


def is_dateline_in_parts(text: str) -> bool:
    """A dateline set out in parts between bars ("ב' באדר תשפ"ג | 23.02.2023 | 07:41"), its parts dates and
    times: a breadcrumb that ends in a date ("Home | Tech | Health | 23/04/2024") has more parts without one."""
    parts = [part for part in NAV_SEPARATORS.split(text) if part.strip()]
    return is_dateline(text) and sum(1 for part in parts if not DIGIT.search(part)) <= 1


def is_byline(text: str, vocabulary: CleaningVocabulary, limits: CleaningThresholds = CLEANING) -> bool:
    """"By Jane Doe", "Von …", "文｜…", "김민준 기자", "記者陳怡君／綜合報導", a short line with an
    e-mail address, or a handle alone ("@miriamkessler")."""
    if weight(text) > limits.byline_max_weight or ends_like_question(text) or (
            FULL_STOP_END.search(text) and len(text.split()) >= limits.byline_sentence_min_words):
        return False  # "Door Google is nog niet gereageerd." is a sentence, "Reporter: Were you surprised?" a question
    if EMAIL_ADDRESS.search(text) or HANDLE_LINE.fullmatch(text.strip()):
        return True
    marked = without_leading_symbols(text)
    if is_source_line(marked):
        return True  # the outlet's credit, where a byline credits the writer
    found = vocabulary.byline.search(marked)
    if not found:
        # the CJK markers of an author's name, the metadata's own; a name and the outlet after "＝"
        return is_cjk_byline(marked) or name_at_outlet(marked) is not None
    # After a marker that opens the line, what follows it (its pattern reads the name's first letter); after
    # another, what follows the line's first word.
    if found.start() == 0:
        after = marked[found.end() - 1:]
    else:
        first_word_and_rest = marked.split(None, 1)
        after = first_word_and_rest[1] if len(first_word_and_rest) > 1 else ""
    return not _is_phrase(after, limits)


_CLAUSE_END = re.compile(r"[,|·•–—/(;]|\d")


def _is_phrase(text: str, limits: CleaningThresholds) -> bool:
    """Whether the clause `text` opens with is mostly words in lower case (name particles aside): a subheading's
    phrase after a byline's word ("From Google X to an independent company"), not a name."""
    clause = _CLAUSE_END.split(text, maxsplit=1)[0].split()
    lower = [word for word in clause if word[:1].islower() and word.casefold() not in VOCABULARY.name_particles]
    return (len(clause) >= limits.byline_phrase_min_words
            and len(lower) >= limits.byline_phrase_lower_share * len(clause))


def is_credit(text: str, vocabulary: CleaningVocabulary, limits: CleaningThresholds = CLEANING) -> bool:
    """A photo credit ("Foto: dpa", "© Getty Images"), or a caption that carries its credit at the end
    ("…（Apple圖片）", "… (Getty Images)", "…。图片来源：视觉中国")."""
    if weight(text) > limits.caption_max_weight or is_copyright_notice(text, vocabulary):
        return False
    if vocabulary.credit.search(text):
        return True
    trailing = _TRAILING_PARENTHESIS.search(text)
    return bool(trailing and vocabulary.credit_word.search(trailing.group(1)))


def is_bare_credit(text: str, vocabulary: CleaningVocabulary) -> bool:
    """A credit that names only the picture's source ("Foto: dpa", "© Getty Images"), as opposed to a
    caption that carries its credit ("▲ … 图片来源：…", "[사진 설명] … 앱 화면 (사진=카카오헬스케어)"): only a
    bare credit has its caption on the line above."""
    if not vocabulary.credit.match(text) or text.startswith("▲"):
        return False
    trailing_credit = _TRAILING_PARENTHESIS.search(text)  # the credit again, closing the caption
    return not (trailing_credit and trailing_credit.start() > 0 and vocabulary.credit.match(trailing_credit.group(1)))


def is_image_file_name(text: str) -> bool:
    return bool(_IMAGE_FILE.fullmatch(text))


def is_bracketed_label(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """A short label in brackets: 【字号：大 中 小】, ［有料会員限定］, [글로벌], （完）."""
    return weight(text) <= limits.label_max_weight and bool(_BRACKETED.match(text))


def is_tagged_furniture(text: str, vocabulary: CleaningVocabulary) -> bool:
    """A line that opens with a bracketed tag naming it furniture: 【广告】…, [광고] …, 【相關文章】…"""
    tag = _LEADING_TAG.match(text)
    return bool(tag and (vocabulary.advertising.fullmatch(tag.group(1).strip())
                         or vocabulary.related.fullmatch(tag.group(1).strip())))


def is_hashtag_list(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """Hashtags, perhaps after a label ("Tags: #Amazon #Health"); not a sentence with its tags after it
    ("… after the next upgrade cycle. #HealthIT #EHR", "… unter zwei Schlagwörtern: #Fitbit #Datenschutz")."""
    if "#" not in text:
        return False  # most lines: no scan
    tags = list(_HASHTAG.finditer(text))
    if len(tags) < limits.hashtag_list_min_tags or ends_like_sentence(text):
        return False
    before = text[: tags[0].start()].strip()
    return not ends_like_sentence(before) and weight(before) <= limits.label_max_weight


def is_counter(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """Counters and widgets: "收藏0 评论12 字数2,046 分享", "댓글 0", "Comments (27)", "阅读 1.2万 赞 58"; a
    pager's page numbers ("« Previous 1 2 Next »": the arrows at its ends are no labels)."""
    if weight(text) > limits.counter_max_weight or not DIGIT.search(text) or ends_like_sentence(text):
        return False
    if _YEAR_HEADING.match(text) or _LIST_NUMBER.match(text):
        return False  # a slide's or a timeline's heading ("2015: Nabız sensörü"), a numbered item ("1. Google …")
    numbers = re.findall(r"\d[\d.,]*[万萬kK]?", YEAR_SPAN.sub(" ", text))  # "(2008–2012)": a period, no count
    labels = [token for token in re.split(r"[\d.,()（）万萬kK:：\s]+", text.strip("«»‹›<>←→ ")) if token]
    pager = numbers[:2] == ["1", "2"] and numbers == [str(n) for n in range(1, len(numbers) + 1)] and bool(
        _PAGER_ARROW.search(text.strip()))  # "Scenarios 1 and 2" is a subheading
    longest = limits.nav_item_max_weight if pager else limits.counter_label_max_weight  # "Następna"
    # one label may stand without its number (a "share" button among the counters)
    return len(numbers) >= max(1, len(labels) - 1) and all(weight(label) <= longest for label in labels)


def is_advertising(text: str, vocabulary: CleaningVocabulary) -> bool:
    """An ad marker ("Anzeige", "［広告］") or an ad's own line ("PR …", "Sponsored: …")."""
    bare = text.strip("[]【】［］()（） ")
    return bool(vocabulary.advertising.fullmatch(bare) or vocabulary.ad_prefix.match(text))


def is_related_header(text: str, vocabulary: CleaningVocabulary) -> bool:
    """"Related", "Mehr zum Thema", "Lire aussi :", "相关阅读", "관련기사": a list of other articles follows."""
    return bool(vocabulary.related.fullmatch(text.strip("▍■●◆:：[]【】 ")))


def is_related_teaser(text: str, vocabulary: CleaningVocabulary) -> bool:
    """One line pointing to another article: "Leggi anche: …", "Read more: …", "▍推荐阅读：…"."""
    match = vocabulary.related_prefix.match(text.lstrip("▍■●◆ "))
    return bool(match and match.end() < len(text.lstrip("▍■●◆ ")))


def is_notice(text: str, vocabulary: CleaningVocabulary, limits: CleaningThresholds = CLEANING,
              max_weight: int | None = None) -> bool:
    """Cookie, newsletter, subscription, login, comment, copyright and disclaimer notices (no heavier
    than `max_weight`, by default the heaviest a notice is); never a subheading a CJK page marks
    ("■代表取締役のコメント", the chief executive's comment)."""
    limit = limits.notice_max_weight if max_weight is None else max_weight
    return weight(text) <= limit and not _SUBHEADING_MARK.match(text) and vocabulary.has_notice_words(text)


def is_copyright_notice(text: str, vocabulary: CleaningVocabulary) -> bool:
    """A copyright or reprint notice ("© Riproduzione riservata"), as opposed to a photo credit
    ("© Getty Images"): a notice even without its © sign."""
    return is_notice(re.sub(r"©|ⓒ|\(c\)", " ", text, flags=re.IGNORECASE), vocabulary)


def is_keyword_spam(text: str, language: str | None, limits: CleaningThresholds = CLEANING) -> bool:
    """SEO spam: a long run of lower-case keywords with no sentence shape ("comprar medicamentos online
    baratos farmacia 24 horas envío gratis …")."""
    tokens = words(text)
    if len(tokens) < limits.spam_min_words or ends_like_sentence(text) or not is_spaced(text):
        return False
    if not text[:1].islower():
        return False
    density = stopword_density(text, language)
    return density is None or density <= limits.spam_max_stopwords


def is_person_name(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """A bare name ("Javier Ortega", "何清"), perhaps with the person's role ("Danny Reeve, Consumer Tech
    Reporter"): only furniture beside a byline or dateline."""
    if _CJK_NAME.match(text) or name_line(text):
        return unmarked_name(text)  # a CJK name by its surname: "重點摘要" (a summary's heading) is none
    return len(text.split()) <= limits.name_max_words and bool(_PERSON_NAME.match(text)) and not DIGIT.search(text)


def is_headline_shaped(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """Could be a headline: of a headline's length, not ending with a full stop (taglines, captions and
    standfirsts do)."""
    return limits.headline_min_weight <= weight(text) <= limits.headline_max_weight and not FULL_STOP_END.search(text)


def is_related_item(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """A headline in a list of other articles: short and not ending with a full stop."""
    return weight(text) <= limits.related_item_max_weight and not FULL_STOP_END.search(text)


def label_names_beside_bylines(kept: list[int], texts: dict[int, str], label: Labels,
                               vocabulary: CleaningVocabulary, raw: list[str]) -> None:
    """A bare name ("Javier Ortega") above or below a byline or dateline is the author's line; so is one beside
    a dateline set out in parts, labelled a menu ("1:45 PM PDT • April 26, 2023"), or over "Follow"; and a name
    over the writer's role, over the dateline ("Colin Marsh" / "Senior Editor, Wearables")."""
    for n, i in enumerate(kept):
        if i + 1 < len(raw) and vocabulary.is_follow_button(raw[i + 1]) and i not in label \
                and is_person_name(texts[i]):
            label[i] = "byline"  # (the button, removed as chrome, is among the kept lines no more)
            continue
        if label.get(i) not in ("byline", "dateline") and not (
                label.get(i) == "navigation" and is_dateline_in_parts(texts[i])):
            continue
        def beside(offset: int, n: int = n) -> int | None:
            return kept[n + offset] if 0 <= n + offset < len(kept) else None

        for step in (-1, 1):
            neighbour = beside(step)
            if neighbour is not None and neighbour not in label and is_place(texts[neighbour]):
                label[neighbour] = "dateline"  # where it was written, then the name beyond it
                neighbour = beside(2 * step)
            if step < 0 and neighbour is not None and neighbour not in label and is_role_phrase(texts[neighbour]):
                # "Colin Marsh" (or "Marisa Okafor, PharmD") / "Senior Editor, Wearables" / the dateline
                beyond = beside(2 * step)
                if beyond is not None and beyond not in label and is_person_name(texts[beyond]):
                    label[neighbour] = label[beyond] = "byline"
                    continue
            if neighbour is not None and neighbour not in label and is_person_name(texts[neighbour]):
                label[neighbour] = "byline"
