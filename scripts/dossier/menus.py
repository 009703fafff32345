"""A row of a page's items: a menu's shape, short items between separators ("Home | Tech | Health", "Inicio ›
Salud"), or set apart by runs of spaces where a scrape flattened the menu ("Startseite   Inland   Ausland"); a share
bar ("Share on Facebook"); a toolbar of controls ("保存 共有 印刷"). Signals of the clean stage (`furniture`), kept
apart as the shapes of a line's parts."""

from __future__ import annotations

import re

from .characters import DIGIT, HAN, KANA, char_class
from .cleaning_vocabulary import CleaningVocabulary
from .line_shape import weight
from .sentences import FULL_STOP_END, ends_like_question, ends_like_sentence
from .thresholds import CLEANING, CleaningThresholds

# Patterns that open with a run (`\s*`, a word) start only where that run starts: tried from each of
# its positions, a long run would be scanned again and again (quadratic). Where a match exists from
# inside a run, one exists from its start, so the matches are the same.
_AT_SPACE_RUN_START = r"(?:(?<!\s)|(?!\s))"
# "/" and "·" only between spaces.
NAV_SEPARATORS = re.compile(_AT_SPACE_RUN_START + r"\s*(?:[|｜›»>＞]|\s[·•・/]\s)\s*")
# A character every separator holds: a line without one (most prose) is not scanned for separators at
# every space, which is most of the clean stage's time on long paragraphs.
_NAV_SEPARATOR_CHAR = re.compile(r"[|｜›»>＞·•・/]")
_ELLIPSIS_END = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_BREADCRUMB_ARROW = re.compile(r"\s[›»>＞]\s")
# Between a breadcrumb's items: an arrow, or a slash, with spaces ("Home > Tech", "Home / Tech").
BREADCRUMB_SEPARATOR = re.compile(r"\s[›»>＞/]\s")
_BREADCRUMB_ARROWS = re.compile(f"{BREADCRUMB_SEPARATOR.pattern}.*{BREADCRUMB_SEPARATOR.pattern}")  # two at least
_GUILLEMETS = re.compile(r"«([^«»]*)»")
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")  # what stands between a menu's items when a scrape flattens it
_SPACE = re.compile(r"[ \t\u3000]+")
_HAN_OR_KANA = re.compile(f"[{char_class(HAN)}{char_class(KANA)}]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # markup a scrape kept as text ("<b>"): its > separates nothing
# A section's number over its heading's words ("01｜从员工福利走向企业市场", "2 | Why it matters").
_NUMBERED_HEADING = re.compile(r"\s*\d{1,2}\s*[|｜/]\s*[^\W\d_][^|｜/]*")  # one separator: no toolbar


def is_navigation(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """A menu, breadcrumb or tag list: short items between separators (| › > / ·), none a sentence."""
    if text.startswith("|") and text.endswith("|"):
        return False  # a table's row, not a menu
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    text = _GUILLEMETS.sub(r"\1", text)  # «…» quotes ("«Google» compra…"): their » is no breadcrumb's
    if not _NAV_SEPARATOR_CHAR.search(text) or not NAV_SEPARATORS.search(text):
        return False
    items = [item for item in NAV_SEPARATORS.split(text) if item.strip()]
    if len(items) < limits.nav_min_items or _NUMBERED_HEADING.fullmatch(text):
        return False
    # A breadcrumb may end in the headline, whole or cut short ("หน้าแรก > เทคโนโลยี > Amazon บุกธุรกิจ…"):
    # its sections before it are short, and set apart by a breadcrumb's arrows or spaced slashes.
    crumbs = items[:-1] if len(items) > limits.nav_min_items and _BREADCRUMB_ARROWS.search(text) else items
    if any(weight(item) > limits.nav_item_max_weight for item in crumbs):
        return False
    if weight(items[-1]) > limits.breadcrumb_headline_max_weight:
        return False  # "Costs > benefits > for most hospitals, the study found, video visits paid for themselves…"
    if crumbs is not items:
        text = _ELLIPSIS_END.sub("", text)  # the headline cut short with an ellipsis: no sentence's end
    if ends_like_sentence(text) and FULL_STOP_END.search(text):
        return False
    # Two items: a line no heavier than one item and its separator, or a breadcrumb's ("Noticias de Oracle >
    # Comunicados de prensa"), its items short whatever the line's weight.
    return (len(items) >= limits.nav_min_items_any_weight
            or weight(text) <= limits.nav_item_max_weight + limits.nav_two_items_slack
            or _BREADCRUMB_ARROW.search(text) is not None)


def is_spaced_menu(text: str, limits: CleaningThresholds = CLEANING) -> bool:
    """Shaped like a menu whose items only runs of spaces (or tabs) set apart: "Startseite   Inland
    Ausland   …", items of a word or two, without digits. A table's row or an address has that shape
    too, so it is no signal on its own: the headline is not looked for above it."""
    unspaced = len(_HAN_OR_KANA.findall(text)) * 2 > len(text)  # Chinese, Japanese: one space parts items
    items = (_SPACE if unspaced else _SPACE_RUN).split(text.strip())  # one item where no run of spaces stands
    least = limits.spaced_menu_min_items_unspaced if unspaced else limits.spaced_menu_min_items
    return len(items) >= least and not any(
        len(item.split()) > limits.spaced_menu_item_max_words or DIGIT.search(item) or ends_like_sentence(item)
        or (unspaced and weight(item) > limits.spaced_menu_item_max_weight) for item in items)


def is_share_bar(text: str, vocabulary: CleaningVocabulary, limits: CleaningThresholds = CLEANING) -> bool:
    """Share buttons: "Share on Facebook", "Auf WhatsApp teilen", "分享 Facebook LINE 複製連結". Never a
    sentence or a question ("Vil Facebook dele dataene?"), nor two names joined as in a phrase ("Facebook
    and Twitter")."""
    heavy = weight(text)
    if heavy > limits.share_bar_button_weight * limits.share_bar_max_buttons:
        return False  # prose: its platforms are not even counted
    platforms = len(vocabulary.share_platform.findall(text))
    if heavy > max(limits.share_bar_max_weight, limits.share_bar_button_weight * platforms):
        return False
    if ends_like_sentence(text) or ends_like_question(text):
        return False
    verbs = len(vocabulary.share_verb.findall(text))
    # Besides the buttons' words, little more than a preposition ("on", "auf", "no") or a font-size
    # widget: not a sentence.
    left = vocabulary.share_verb.sub(" ", vocabulary.share_platform.sub(" ", text))
    if weight(re.sub(r"[\W\d_]+", "", left)) > limits.share_bar_max_other_weight:
        return False
    if verbs:  # with a platform, or a row of buttons alone ("シェア ツイート ブックマーク URLをコピー")
        return platforms >= 1 or verbs >= limits.share_bar_min_verbs_alone
    return platforms >= limits.share_bar_min_platforms and not vocabulary.share_joiner.search(left)


_TOOLBAR_ITEMS = re.compile(r"\s*[|｜·•]\s*|\s+")


def is_toolbar(text: str, vocabulary: CleaningVocabulary, limits: CleaningThresholds = CLEANING) -> bool:
    """A row of the page's controls, each item a control's word on its own ("保存 共有 印刷", "Share · Print ·
    Save", "글자크기 가 가"): chrome, as each of its items is."""
    if weight(text) > limits.share_bar_max_weight:
        return False
    items = [item for item in _TOOLBAR_ITEMS.split(text.strip()) if item]
    return 1 < len(items) <= limits.share_bar_max_buttons and all(vocabulary.is_chrome(item) for item in items)
