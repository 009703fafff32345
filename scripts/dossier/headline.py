"""The headline of a scrape: which line above the article's prose is its headline (`choose_headline`),
for `article_location.locate_article`, once the lines are labelled on their own evidence."""

from __future__ import annotations

import bisect
import re

from . import furniture
from .cleaning_vocabulary import CleaningVocabulary
from .furniture import Labels
from .line_rules import BULLET
from .line_shape import is_spaced, tab_title_parts, weight
from .menus import BREADCRUMB_SEPARATOR, is_spaced_menu
from .sentences import ROUGH_BOUNDARY, ends_like_question
from .thresholds import CLEANING

_SITE_NAME_SEPARATOR = re.compile(r" [–—|-] ")


def choose_headline(kept: list[int], texts: dict[int, str], label: Labels, good: list[int],
                     vocabulary: CleaningVocabulary, language: str | None) -> int | None:
    """The headline: walking up from the first prose line past bylines, datelines, share bars, notices
    and other furniture, the topmost of the headline-shaped lines found before the page's navigation or
    a section label (a standfirst may stand under the headline); failing that, the heaviest
    headline-shaped line above the prose; failing that, a first prose line shaped like a question over
    a byline. Never the site's name (which the footer's notices repeat), and a notice only as the
    nearest line above the byline with no other candidate above it."""
    notices = [i for i in kept if furniture.is_notice(texts[i], vocabulary)]
    notice_lines = set(notices)
    # The notices that repeat the site's name stand at the ends of the page (a cookie banner, the
    # footer); a crafted page of thousands would make checking every candidate against each quadratic.
    edges = CLEANING.edge_notices
    edge_notices = [texts[j] for j in sorted(set(notices[:edges] + notices[-edges:]))]

    position = {i: n for n, i in enumerate(kept)}

    def is_caption(i: int) -> bool:
        """A picture's caption under the standfirst: a prose line above it, the picture's credit under it."""
        n = position[i]
        return 0 < n < len(kept) - 1 and label.get(kept[n + 1]) == "photo_credit" \
            and furniture.is_good_prose(texts[kept[n - 1]], language)

    def is_candidate(i: int) -> bool:
        if i in label or i in notice_lines or is_spaced_menu(texts[i]) or BULLET.match(texts[i]) or is_caption(i):
            return False
        if not furniture.is_headline_shaped(texts[i]):
            return False
        site_name = _SITE_NAME_SEPARATOR.split(texts[i])[0].strip()
        return not any(site_name in notice for notice in edge_notices)

    in_byline_block = _byline_block(kept, label)

    def run_above(opening: int) -> list[int]:
        run: list[int] = []  # bottom up
        bylines = [i for i in kept[:opening] if label.get(i) == "byline"]  # a site's header may print a date
        for i in reversed(kept[:opening]):
            # A dateline set out with separators under the headline ("2 Adar | 23.02.2023 | 07:41") is no
            # menu: walked past. Above a candidate, it is the site's top bar. Under the byline, a row set out
            # as a menu is the article's toolbar ("Share | Tweet | Copy link", "Facebook   Twitter   WhatsApp"),
            # over the standfirst or the prose: walked past too.
            toolbar = i in in_byline_block
            menu = label.get(i) == "navigation" and (bool(run) or not furniture.is_dateline_in_parts(texts[i]))
            if (menu or is_spaced_menu(texts[i])) and not toolbar:
                break
            # The nearest line above the byline and dateline is the headline even when it names a
            # subscription or a newsletter ("Amazon adds a clinic subscription to Prime"); a notice
            # set under the headline has it above, and one under the byline is never the headline.
            nearest_notice = (not run and i in notice_lines and i not in label
                              and furniture.is_headline_shaped(texts[i]) and not (bylines and bylines[0] < i)
                              and not _opens_with_notice_label(texts[i], vocabulary))
            if is_candidate(i) or nearest_notice:
                run.append(i)
            elif run and _NUMBERING_LABEL.fullmatch(texts[i].strip()):
                break  # "Episode 87" over the headline: what stands above it is the show's, the series'
            elif not run and BULLET.match(texts[i]):
                continue  # a summary in bullets under the headline ("• Shares closed at HK$110 …")
            elif i not in label and (run or i not in notice_lines):
                break  # the walk passes notices under the headline, nothing else it cannot name
        if len(run) > 1 and run[0] in notice_lines and not _is_section_label(texts[run[1]], texts[run[0]]):
            run = run[1:]  # a notice under a headline is no headline; under a section's label, it is the headline
        return run[::-1]

    opening = position[good[0]] if good else len(kept)
    run = run_above(opening)
    if not run and good and _is_tagline(kept, texts, label, opening):
        run = run_above(position[good[1]]) if len(good) > 1 else []
    marks = [i for i in kept[:opening] if label.get(i) in ("byline", "dateline")]
    if not run and marks and not any(is_candidate(i) for i in kept[position[marks[-1]] + 1 : opening]):
        # The walk up from the prose stopped at a line it cannot name ("Key points" over a report's first
        # bullets), and no headline stands under the byline: it goes again from the byline and dateline
        # nearest the prose, as a headline stands over them.
        run = run_above(position[marks[-1]])
    # The page's title, as a browser's tab shows it over the page ("Headline - by Author - Site"), names the
    # headline among the lines above the prose: over a standfirst, over the author's own headline.
    # Named so, a line of a headline's size is the headline whatever its shape: it may read as prose ("…
    # dictation machine. Now comes the hard part."), the first prose line among them.
    # It may stand under a first line of prose that is none of the article's (a promotion's sentence above it).
    named_reach = position[good[1]] if len(good) > 1 else opening
    titled = _page_titled([i for i in kept[:opening] if i not in label], texts,
                          [i for i in kept[1 : named_reach + 1] if i not in label])
    if titled is not None:
        return titled
    # A section label over the headline ends the run: what stands above it is the masthead's.
    labelled = [n for n in range(1, len(run)) if _is_kicker(texts[run[n - 1]], texts[run[n]])]
    if labelled:
        run = run[labelled[-1]:]
    # A section label right over a question headline that reads as prose: the question is the headline.
    if run and good and _is_kicker(texts[run[-1]], texts[good[0]]) and _is_question_headline(kept, texts, label,
                                                                                              good[0]):
        return good[0]
    if run:
        return run[0]
    candidates = [i for i in kept[:opening] if is_candidate(i)]
    if candidates:
        return max(candidates, key=lambda i: (weight(texts[i]), -i))
    return good[0] if good and _is_question_headline(kept, texts, label, good[0]) else None


# A label and its colon at a line's start ("原标题：", "Original title:").
_OPENING_LABEL = re.compile(r"^[^:：]{1,30}[:：]")


def _opens_with_notice_label(text: str, vocabulary: CleaningVocabulary) -> bool:
    """A notice named by its label before the headline it quotes ("原标题：…", "Original title: …"): a
    repost's or a translation's, never the page's headline."""
    opening = _OPENING_LABEL.match(text)  # the label whole, not a headline's words before its colon
    return opening is not None and vocabulary.notice.compiled.fullmatch(opening.group().strip()) is not None


# A label that numbers what follows it: an episode's, an issue's, a part's word, then its number ("Episode 87",
# "Issue #212", "Part 3"); never a date ("Mar 3") or a counter ("Comments 12").
_NUMBERING_LABEL = re.compile(
    r"(?i:episode|ep\.|issue|part|chapter|vol\.|volume|folge|ausgabe|teil|épisode|numéro|capítulo|episodio|edición"
    r"|edizione|parte|número|numero|aflevering|editie|deel|odcinek|wydanie)\s*(?:(?:#|№|No\.)\s*)?\d{1,4}")


def _page_titled(above: list[int], texts: dict[int, str], candidates: list[int]) -> int | None:
    """The candidate a line above the prose names as the page's title, when that line is a title with the
    site's name after a separator ("China's online doctors get their moment - by Lena Qiao - Far East Pulse"):
    the page's first line, or one under the site's masthead, menu and quotes; or a breadcrumb that ends in it
    ("News Releases / Mayo Clinic selects Google as strategic partner")."""
    named_by: dict[str, list[int]] = {}  # each candidate's text, and where it stands (looked up, not scanned)
    for j in candidates:
        named_by.setdefault(texts[j].strip(), []).append(j)
    for i in above:
        parts = tab_title_parts(texts[i])
        crumbs = BREADCRUMB_SEPARATOR.split(texts[i].strip())
        titles = ([parts[0]] if len(parts) > 1 else []) + ([crumbs[-1]] if len(crumbs) > 1 else [])
        for title in titles:
            standing = named_by.get(title.strip(), [])
            after = bisect.bisect_right(standing, i)
            if after < len(standing) and _is_title_sized(title):
                return standing[after]
    return None


def _is_title_sized(title: str) -> bool:
    """A headline's size, not a section's ("Health - The Daily Ledger" names the section "Health")."""
    if is_spaced(title):
        return len(title.split()) >= CLEANING.tab_title_min_words
    return weight(title) >= CLEANING.tab_title_min_weight_unspaced


_TOOLBAR_LABELS = frozenset({"share_bar", "page_chrome", "counter", "navigation", "advertising"})


def _byline_block(kept: list[int], label: Labels) -> set[int]:
    """The lines that stand in a byline's block: over each, past other buttons and counters, a byline or a
    dateline (not a masthead's "by …" far above, over a tagline). One pass down the page."""
    block: set[int] = set()
    inside = False
    for i in kept:
        if inside:
            block.add(i)
        if label.get(i) in ("byline", "dateline"):
            inside = True
        elif label.get(i) not in _TOOLBAR_LABELS:
            inside = False
    return block


def _is_question_headline(kept: list[int], texts: dict[int, str], label: Labels, first_good: int) -> bool:
    """The first prose line is the headline when it is shaped like one (a question: "What went wrong?")
    and a byline or dateline follows within a few lines, as they follow a headline."""
    position = kept.index(first_good)
    following = kept[position + 1 : position + 1 + CLEANING.headline_byline_reach]
    return furniture.is_headline_shaped(texts[first_good]) and ends_like_question(texts[first_good]) and any(
        label.get(i) in ("byline", "dateline") for i in following)


def _is_kicker(first: str, second: str) -> bool:
    """A section label or kicker above the headline ("SALUTE DIGITALE", "Alphabet-Tochter"): short, and
    much shorter than the line under it, when that line is a headline: a standfirst of three sentences
    under a short headline leaves it the headline."""
    limits = CLEANING
    return (weight(first) <= limits.kicker_max_weight
            and weight(first) < limits.kicker_share_of_headline * weight(second)
            and len(ROUGH_BOUNDARY.findall(second)) <= limits.headline_max_sentences)


def _is_section_label(first: str, second: str) -> bool:
    """A kicker of a word or two over the headline ("Aktienanalyse", "SALUTE DIGITALE"): a section's name, where a
    headline of as few words as that is rare ("Amazon closes clinics" over a newsletter's sign-up is one)."""
    return _is_kicker(first, second) and len(first.split()) <= CLEANING.section_label_max_words


def _is_tagline(kept: list[int], texts: dict[int, str], label: Labels, position: int) -> bool:
    """A site's one-sentence tagline at the very top of the page, above the headline: the first line
    that is not furniture, and no longer than a tagline."""
    above = kept[:position]
    return all(i in label for i in above) and weight(texts[kept[position]]) <= CLEANING.tagline_max_weight
