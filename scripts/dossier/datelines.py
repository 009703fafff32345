"""What a page says about itself in its datelines, bylines and copyright lines, in any language.

The signals the metadata stage combines, each a small function tested on its own:

- `find_dates`: the full dates a line states. This module only finds where a date may stand (numerals
  with date separators, or the few words before a year) and asks `dateparser` (200+ locales, restricted
  to the article's language) whether those words are a date: no month name is spelled out here. An
  update marker makes a date a revision; between two dates it belongs to the nearest following one.
- `date_order`: how the page orders day and month in an ambiguous numeric date (09/02/2024): by its
  other numeric dates (a day above 12), by its dates with month names, for English by its spelling
  (`english_order`); else the language's convention holds.
- `dateline`: a line that is a date plus a short remainder (a place, a name, an outlet, a marker word).
- `byline_name`: the person a byline names, by a byline marker before the name ("By", "Von", "Oleh",
  "文｜"…), a role word after it ("기자", "記者"…), or the Japanese "【place＝name】" form;
  `lead_byline`, one in brackets opening a paragraph ("〔記者王小明／台北報導〕…").
- `bio_name`, `sign_off_name`: an author named at the bottom of the page, by a name line over a bio
  that opens with it, or by a name line after the last paragraph.
- `person_name`, `outlet_name`: name shapes, per script; `plain_word`, a lone ordinary word that names
  an outlet only where the page repeats it; `script_of`, the writing system a name is in.
- `rights_holder`: the holder a copyright or reprint line names.
- `site_name`: the outlet's name as a masthead line states it.

Universal vocabulary (byline markers, role words, copyright phrases, update markers) lives in
`VOCABULARY`, every threshold in `LIMITS`: nothing here names a site, a file or one article's phrase.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# --- vocabulary: one place, universal words only ----------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    # Words that open a byline: the name follows. Latin ones are matched as whole words, case-insensitively;
    # a one-character CJK marker (文) needs a separator after it, longer ones (記者) may run into the name.
    byline_prefixes: tuple[str, ...] = (
        "written by", "text by", "words by", "story by", "reporting by", "reported by", "posted by", "by",
        "author", "reporter",
        "von", "text", "autor", "autorin",  # de (autor: also pl, cs, pt, es)
        "par", "texte", "auteur", "autrice",  # fr
        "escrito por", "por", "texto", "autora",  # es, pt
        "a cura di", "di", "autore",  # it
        "geschreven door", "door",  # nl
        "skrivet av", "skrevet af", "skrevet av", "av", "af", "forfatter",  # sv, da, no
        "przez", "autorka", "napisał", "napisała",  # pl
        "napsal", "napsala", "kirjoittanut", "kirjoittaja", "szerző", "írta", "autori",  # cs, fi, hu, ro
        "yazan", "yazar", "muhabir",  # tr
        "oleh", "penulis", "pewarta",  # id, ms
        "tác giả", "viết bởi", "bởi", "bài",  # vi
        "автор", "авторы", "текст",  # ru, uk
        "本报记者", "本報記者", "特约记者", "特約記者", "记者", "記者", "通讯员", "通訊員", "撰文", "撰稿", "作者",
        "执笔", "執筆", "筆者", "取材・文", "文・写真", "文字", "文", "글",
    )
    # Role words that follow a name ("김민준 기자", "佐藤健太 記者").
    byline_suffixes: tuple[str, ...] = ("특파원", "선임기자", "기자", "記者", "记者", "特派員", "特派员", "通讯员", "通訊員")
    # Words that are roles or desks, never a person's name.
    role_words: tuple[str, ...] = (
        "staff", "reporter", "correspondent", "editor", "editors", "newsroom", "desk", "redaktion",
        "rédaction", "redacción", "redazione", "redação", "agencies", "agences", "agencias", "redactie",
        "redaktionen", "redakcja", "redaksi", "redaktör", "muhabir", "editör", "toimitus", "редакция", "корреспондент",
        "biên tập viên", "phóng viên",
        "编辑", "編輯", "责任编辑", "責任編輯", "编辑部", "編輯部", "编集部", "編集部", "记者", "記者", "本报记者",
        "本報記者", "综合报道", "綜合報導", "报道", "報導", "报导", "報道", "整理", "기자", "편집", "에디터", "特派員",
    )
    # Labels beside a dateline that are neither a name nor an outlet ("原创" on a reposted article).
    labels: tuple[str, ...] = ("原创", "原創", "转载", "轉載", "独家", "獨家", "推荐", "推薦", "置顶", "置頂", "头条", "頭條")
    # Words that introduce the source outlet ("来源：X").
    source_markers: tuple[str, ...] = (
        "来源", "來源", "稿源", "出处", "出處", "出典", "출처", "source", "quelle", "fuente", "fonte", "bron",
    )
    # Words that say a date is a publication date (dropped from a dateline's remainder).
    published_markers: tuple[str, ...] = (
        "published", "posted", "publié", "publiée", "publicado", "publicada", "pubblicato", "pubblicata",
        "veröffentlicht", "erschienen", "gepubliceerd", "发表于", "發表於", "发布于", "發佈於", "發布於", "发布时间",
        "發佈時間", "發布時間", "发布", "發佈", "發布", "出版", "时间", "時間", "日期", "公開日", "公開", "掲載",
        "配信", "投稿", "입력", "승인", "등록", "게재", "기사입력", "geplaatst", "publicerad", "publiceret",
        "publisert", "julkaistu", "opublikowano", "publikacja", "zveřejněno", "publicat", "közzétéve",
        "yayınlanma", "yayınlandı", "yayın tarihi", "dipublikasikan", "diterbitkan", "diposting", "опубликовано",
        "публикация", "ngày đăng", "đăng lúc", "đăng", "xuất bản",
    )
    # Small words that stand around a date or a time in a dateline ("à 10h12", "18:42 Uhr", "ore 09:45").
    date_fillers: tuple[str, ...] = (
        "uhr", "h", "ore", "à", "le", "am", "on", "at", "um", "il", "el", "em", "de", "om", "kl", "klo", "saat",
        "pukul", "o", "godz", "в", "lúc", "ngày",
    )
    # Words that say a date is a later revision, not the publication.
    update_markers: tuple[str, ...] = (
        "updated", "update", "modified", "edited", "aktualisiert", "geändert", "mis à jour", "mise à jour",
        "modifié", "actualizado", "actualización", "modificado", "aggiornato", "aggiornamento", "modificato",
        "atualizado", "atualização", "bijgewerkt", "gewijzigd", "更新", "修改", "修订", "修訂", "수정", "업데이트",
        "갱신", "uppdaterad", "opdateret", "oppdatert", "päivitetty", "aktualizacja", "zaktualizowano",
        "aktualizováno", "actualizat", "frissítve", "güncelleme", "güncellendi", "diperbarui", "pembaruan",
        "обновлено", "обновление", "изменено", "cập nhật",
    )
    # Copyright and reprint phrases, longest first where one contains another.
    rights_markers: tuple[str, ...] = (
        "무단전재 및 재배포 금지", "무단 전재 및 재배포 금지", "무단전재-재배포 금지", "무단전재", "무단 전재",
        "재배포 금지", "저작권자", "all rights reserved", "tous droits réservés", "alle rechte vorbehalten",
        "todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
        "riproduzione riservata", "alle rechten voorbehouden", "alla rättigheter förbehållna",
        "alle rettigheder forbeholdes", "alle rettigheter reservert", "kaikki oikeudet pidätetään",
        "wszelkie prawa zastrzeżone", "všechna práva vyhrazena", "minden jog fenntartva", "toate drepturile rezervate",
        "tüm hakları saklıdır", "hak cipta dilindungi undang-undang", "hak cipta", "все права защищены",
        "bản quyền thuộc về", "bản quyền thuộc", "bản quyền", "保留所有权利", "保留所有權利", "版權所有",
        "版权所有", "著作權所有", "著作权所有", "無断転載禁止", "無断転載を禁じます", "copyright", "©", "ⓒ",
        "(c)", "（c）",
    )
    # Legal forms after a publisher's name ("Handelsbote Verlag GmbH").
    legal_forms: tuple[str, ...] = (
        "gmbh & co. kg", "gmbh", "mbh", "ag", "kg", "se", "s.a.", "sa", "s.l.", "sl", "s.p.a.", "spa",
        "s.r.l.", "srl", "sas", "sarl", "ltda.", "ltda", "llc", "l.l.c.", "inc.", "inc", "ltd.", "ltd", "limited",
        "corp.", "corp", "co.", "plc", "b.v.", "n.v.", "股份有限公司", "有限公司", "株式会社", "주식회사", "(주)", "㈜",
    )
    # Lowercase words inside personal names (Ruiz de la Torre, van der Berg, dos Santos) or between two
    # (Anna Schmidt und Peter Müller).
    name_particles: tuple[str, ...] = (
        "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "y",
        "e", "bin", "ibn", "al", "el", "ter", "zu", "af", "av", "and", "und", "et", "&",
    )
    # Articles that open outlet names but never personal ones (The Daily Ledger, Le Fil Tech).
    articles: tuple[str, ...] = (
        "the", "a", "an", "le", "la", "les", "l’", "l'", "der", "die", "das", "el", "los", "las", "il", "lo",
        "gli", "i", "o", "os", "as", "het", "een", "de",
    )
    # Endings of CJK outlet names (网, 報, 新聞, 신문…): a token ending so names an outlet, not a person.
    outlet_endings: tuple[str, ...] = (
        "网", "網", "报", "報", "社", "刊", "志", "誌", "闻", "聞", "台", "通信", "観察", "观察", "观点", "觀點",
        "评论", "評論", "新聞", "新闻", "日报", "日報", "周刊", "週刊", "신문", "일보", "뉴스", "경제", "타임스",
        "방송", "ジャーナル", "ニュース", "タイムズ",
    )


VOCABULARY = Vocabulary()

# --- thresholds: one place --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    date_words_before_year: int = 5  # how far before a year a textual date may start ("25 de enero de 2023")
    dateline_max_words: int = 8  # a dateline's remainder once dates and times are out: a place, a name, a marker
    dateline_max_chars: int = 70
    meta_line_max_chars: int = 140  # bylines, datelines, copyright lines are short
    latin_name_words: tuple[int, int] = (2, 6)
    latin_name_max_chars: int = 50
    han_name_chars: tuple[int, int] = (2, 4)  # Chinese personal names
    japanese_name_chars: tuple[int, int] = (2, 6)
    hangul_name_chars: tuple[int, int] = (2, 4)
    marked_cjk_name_chars: tuple[int, int] = (2, 10)  # after an explicit marker ("文｜動脈網") a wider shape
    outlet_max_chars: int = 40
    outlet_max_words: int = 6
    cjk_outlet_chars: tuple[int, int] = (2, 24)
    head_prose_blocks: int = 2  # the head ends at the second paragraph of prose after the headline
    head_max_lines: int = 24  # never more lines than this after the headline
    site_lines: int = 6  # a masthead is among the first lines of the page
    foot_tail_lines: int = 3  # the page's last lines belong to its foot, whatever stands before them
    prose_chars: int = 60  # a block this long and ending like a sentence, or ...
    long_prose_chars: int = 110  # ... this long whatever its ending, is prose (CJK characters count double)


LIMITS = Limits()

# --- character classes -----------------------------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_CJK = _HAN + _KANA + _HANGUL
_CJK_CHAR = re.compile(f"[{_CJK}]")
_SEPARATORS = re.compile(
    r"\s*(?:[|｜•–—,，、;；/／()（）\[\]【】「」『』<>＜＞«»]|\s[·・-]\s|\u3000|\s{2,})\s*"
)
_TERMINAL = tuple(".。!！?？…\"”」』»)）;；:：")
_URL_OR_EMAIL = re.compile(r"https?://|www\.|\S@\S")


def has_cjk(text: str) -> bool:
    """Whether the text holds Chinese, Japanese or Korean characters."""
    return bool(_CJK_CHAR.search(text))


def width(text: str) -> int:
    """Display width: CJK characters count double, so length thresholds hold across scripts."""
    return len(text) + _CJK_CHAR.subn("", text)[1]  # a count, not a list of every character


def is_prose(text: str) -> bool:
    """A paragraph of the article: long, or a sentence of some length."""
    text = text.strip()
    return width(text) >= LIMITS.long_prose_chars or (
        width(text) >= LIMITS.prose_chars and text.endswith(_TERMINAL)
    )


def segments(text: str) -> list[str]:
    """A meta line's parts, split on the separators pages put between them (| · – , 　 …)."""
    return [part.strip(" .:：") for part in _SEPARATORS.split(text) if part and part.strip(" .:：-")]


# --- dates -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: datetime.date
    update: bool = False  # the text marks it as a revision ("mis à jour le …", "수정 …", "…更新")


_YEAR_FIRST = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})|[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?)(?![\d])"
)
_YEAR_LAST = re.compile(r"(?<![\d.:/-])(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})(?![\d])")
_YEAR = re.compile(r"(?<![\d.,:/-])((?:19|20)\d{2})(?![\d])")
_TIME = re.compile(r"(?<!\d)\d{1,2}\s?[:h時시]\s?\d{2}(?:\s?[:：]\d{2})?(?:\s?[分분])?(?!\d)")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],  # a publication date is a full date
    "PARSERS": ["absolute-time"],  # never "3 days ago"
    "RETURN_AS_TIMEZONE_AWARE": False,
    "RELATIVE_BASE": datetime.datetime(2000, 1, 1),  # same inputs, same output, whatever today is
}


@lru_cache(maxsize=None)
def dateparser_languages(language: str) -> tuple[str, ...]:
    """The dateparser locales for a BCP 47 tag: the tag itself, or its base language, or English."""
    from dateparser.data.languages_info import language_order  # the codes only, no locale loaded

    known = set(language_order)
    for candidate in (language, language.split("-")[0]):
        if candidate in known:
            return (candidate,)
    return ("en",)


@lru_cache(maxsize=None)
def _parser(languages: tuple[str, ...], date_order: str | None):
    from dateparser.date import DateDataParser

    settings = dict(_SETTINGS)
    if date_order:
        settings["DATE_ORDER"] = date_order
    return DateDataParser(languages=list(languages), settings=settings)


def _parse(text: str, language: str, date_order: str | None = None) -> datetime.date | None:
    try:
        found = _parser(dateparser_languages(language), date_order).get_date_data(text).date_obj
    except (ValueError, OverflowError, TypeError):  # dateparser raises on some odd inputs
        return None
    return found.date() if found else None


def _valid(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, language: str = "und", order: str | None = None) -> tuple[FoundDate, ...]:
    """Every full date (day, month, year) the text states, in order.

    Numerals with date separators are read in any script: year first is always year-month-day
    (2021-09-10, 2022.03.31, 2023年1月25日, 2022년 3월 31일); year last with dots is day.month.year;
    with slashes or dashes `order` ("DMY" or "MDY", what the page itself settles, see `date_order`)
    decides, else the language's own order (dateparser's locale). Dates with month names are the few
    words before a year that dateparser, in the article's language, reads as one.
    """
    # Spans already read, kept in order and looked up by bisection: a long text with many dates is read
    # in linear time (each year against every span before it was quadratic).
    found: list[FoundDate] = []
    year_first = list(_YEAR_FIRST.finditer(text))
    for match in year_first:
        year, _sep, month, day, cjk_month, cjk_day = match.groups()
        value = _valid(int(year), int(month or cjk_month), int(day or cjk_day))
        if value:
            found.append(FoundDate(match.start(), match.end(), value))
    numeric = [match.span() for match in year_first]
    first_spans = _Spans(numeric)
    for match in _YEAR_LAST.finditer(text):
        if first_spans.overlaps(match.span()):
            continue
        if match.group(2) == ".":
            value = _parse(match.group(0), language, "DMY")
        elif order in ("DMY", "MDY"):
            first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            day, month = (first, second) if order == "DMY" else (second, first)
            value = _valid(year, month, day) or _valid(year, day, month)  # 25/08 reads one way only
        else:
            value = _parse(match.group(0), language)
        if value:
            found.append(FoundDate(match.start(), match.end(), value))
        numeric.append(match.span())
    taken = _Spans(sorted(numeric))
    words = _Spans([match.span() for match in _WORD.finditer(text)])
    textual_end = 0  # where the last date read from words ends: before the next year
    for match in _YEAR.finditer(text):
        if taken.overlaps(match.span()):
            continue
        floor = max(taken.last_end_before(match.start()), textual_end)
        spanned = _textual_date(text, match, language, words.starts_within(floor, match.start()))
        if spanned:
            found.append(spanned)
            textual_end = spanned.end
    found.sort(key=lambda date: date.start)
    return tuple(_mark_updates(text, found))


_WORD = re.compile(r"\S+")


class _Spans:
    """Disjoint (start, end) spans in text order, looked up by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlaps(self, span: tuple[int, int]) -> bool:
        before = bisect.bisect_left(self.starts, span[1])  # the spans that start before this one ends
        return before > 0 and self.ends[before - 1] > span[0]

    def last_end_before(self, position: int) -> int:
        """The end of the last span that ends at or before `position` (0: none)."""
        count = bisect.bisect_right(self.ends, position)
        return self.ends[count - 1] if count else 0

    def starts_within(self, floor: int, stop: int) -> list[int]:
        """Where the last few spans (words) between `floor` and `stop` start, a span cut by `floor`
        starting there."""
        last = bisect.bisect_left(self.starts, stop)
        first = max(bisect.bisect_right(self.ends, floor), last - LIMITS.date_words_before_year)
        return [max(start, floor) for start in self.starts[first:last]]


def _textual_date(text: str, year: re.Match, language: str, word_starts: list[int]) -> FoundDate | None:
    """The shortest run of the words starting at `word_starts` (the last few before `year`) and ending
    at `year` that dateparser reads as a full date in that year, widened while the wider run still reads
    as the same date ("Thursday", "le")."""
    best: FoundDate | None = None
    for count in range(1, min(LIMITS.date_words_before_year, len(word_starts)) + 1):
        start = word_starts[-count]
        value = _parse(text[start: year.end()], language)
        if value and value.year == int(year.group(1)):
            if best is None or value == best.value:
                best = FoundDate(start, year.end(), value)
                continue
        if best:
            break
    return best


_BEFORE_SEPARATORS = re.compile(r"[|｜·•,，;；(（]")
_AFTER_SEPARATORS = re.compile(r"[|｜·•,，;；)）]")
_ANY_SEPARATOR = re.compile(r"[|｜·•,，;；()（）]")


def _mark_updates(text: str, dates: list[FoundDate]) -> list[FoundDate]:
    """A date is a revision when an update marker stands in its own part of the line: between the
    separator before it and the date, or after it before the next separator or date.

    Between two dates with no separator between them, a marker belongs to the nearest FOLLOWING date
    ("August 24, 2022 9:12 PM UTC Updated August 25, 2022": the second is the revision), unless it is
    glued to the time before it ("…10:32更新 …"), the way languages that write the marker after the
    date attach it."""
    marked = []
    for n, date in enumerate(dates):
        gap_before = text[dates[n - 1].end if n else 0: date.start]
        before = _BEFORE_SEPARATORS.split(gap_before)[-1]
        shared_before = n > 0 and not _ANY_SEPARATOR.search(gap_before)  # nothing parts it from the previous date
        has_next = n + 1 < len(dates)
        gap_after = text[date.end: dates[n + 1].start if has_next else len(text)]
        after = _AFTER_SEPARATORS.split(gap_after)[0]
        shared_after = has_next and not _ANY_SEPARATOR.search(gap_after)
        update = any(
            not (shared_before and glued) for glued in _update_markers(before)
        ) or any(
            glued or not shared_after for glued in _update_markers(after)
        )
        marked.append(FoundDate(date.start, date.end, date.value, update))
    return marked


def _update_markers(text: str) -> list[bool]:
    """The update markers in `text`, each as whether it is glued to what precedes it: no space between,
    or at the very start of `text` (right after a date, or a separator)."""
    folded = text.casefold()
    found = []
    for marker in VOCABULARY.update_markers:
        start = folded.find(marker)
        while start >= 0:
            found.append(start == 0 or not folded[start - 1].isspace())
            start = folded.find(marker, start + len(marker))
    return found


# --- day and month order --------------------------------------------------------------------------------

# Spellings that tell Commonwealth English (day first: 09/02/2024 is 9 February) from American English
# (month first), each pair one word in its two spellings.
_ENGLISH_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"\w+(?<!v)isations?", r"\w+izations?"),  # not improvisation, spelled so everywhere
    (r"(?:colo|behavio|favo|hono|neighbo|flavo|humo|harbo|rumo|endeavo|vapo|odo|armo|tumo)urs?",
     r"(?:colo|behavio|favo|hono|neighbo|flavo|humo|harbo|rumo|endeavo|vapo|odo|armo|tumo)rs?"),
    (r"(?:cent|fib|theat|lit)res?", r"(?:cent|fib|theat|lit)ers?"),
    (r"apnoea|oedema|oestrogen|diarrhoea|foet(?:us|al)|anaemi[ac]|leukaemia|haemo\w+|haemat\w+|haemorrh\w+|"
     r"paediatric\w*|orthopaedic\w*|anaesthe\w*|gynaecolog\w*|oesophag\w*",
     r"apnea|edema|estrogen|diarrhea|fet(?:us|al)|anemi[ac]|leukemia|hemo(?:globin|philia|dialysis)|hemat\w+|"
     r"hemorrh\w+|pediatric\w*|orthopedic\w*|anesthe\w*|gynecolog\w*|esophag\w*"),
    (r"defence|offence|licence|programmes?|analys(?:e|ed|ing)|catalogue|aluminium",
     r"defense|offense|analyz(?:e|ed|ing)|catalog|aluminum"),
    (r"(?:travel|cancel|model|label|fuel|signal)l(?:ed|ing)", r"(?:travel|cancel|model|label|fuel|signal)(?:ed|ing)"),
    (r"enrolments?|fulfilments?", r"enrollments?|fulfillments?"),
)


def english_order(text: str) -> str | None:
    """The day/month order English text implies by its spelling: "DMY" for Commonwealth spelling
    (authorisation, apnoea, colour, centre), "MDY" for American (authorization, apnea, color, center),
    None when it does not lean either way. American forms count only in lowercase: Commonwealth text
    keeps them in proper names (World Health Organization, Stanford Medical Center)."""
    commonwealth = american = 0
    for ours, theirs in _ENGLISH_SPELLINGS:
        commonwealth += len(re.findall(rf"\b(?:{ours})\b", text, re.I))
        american += sum(1 for found in re.findall(rf"\b(?:{theirs})\b", text, re.I) if found[0].islower())
    if commonwealth > american:
        return "DMY"
    if american > commonwealth:
        return "MDY"
    return None


def date_order(texts, language: str = "und") -> str | None:
    """How the page orders day and month in numeric dates with the year last (09/02/2024): "DMY",
    "MDY", or None (then the language's own convention holds, as it does where no such date is
    ambiguous).

    In order of strength: another numeric date on the same page that only one order can read (a day
    above 12: 25/08/2022 settles 09/02/2024 as 9 February); the order of the page's dates written with
    month names (9 February 2024 vs February 9, 2024); for English, the spelling (Commonwealth or
    American)."""
    texts = [text for text in texts if text]
    votes = {"DMY": 0, "MDY": 0}
    ambiguous = False
    for text in texts:
        for match in _YEAR_LAST.finditer(text):
            if match.group(2) == ".":
                continue  # dotted dates are day first everywhere
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second >= 1:
                votes["DMY"] += 1
            elif second > 12 >= first >= 1:
                votes["MDY"] += 1
            elif first != second:
                ambiguous = True
    if not ambiguous:
        return None
    if votes["DMY"] != votes["MDY"]:
        return max(votes, key=votes.get)
    for text in texts:
        for found in find_dates(text, language):
            written = text[found.start: found.end]
            if not re.search(r"[^\W\d_]", re.sub(r"[年月日년월일]", "", written)):
                continue  # all numerals: says nothing of the order
            before_year = re.sub(r"(?:19|20)\d{2}\W*$", "", written).rstrip(" ,.")
            votes["MDY" if re.search(r"\d(?:st|nd|rd|th)?$", before_year) else "DMY"] += 1  # "March 1st"
    if votes["DMY"] != votes["MDY"]:
        return max(votes, key=votes.get)
    if language.split("-")[0] == "en":
        return english_order("\n".join(texts))
    return None


# --- datelines -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dateline:
    """A line that is one or more dates and little else; `parts` is what else it says, in order."""

    dates: tuple[FoundDate, ...]
    parts: tuple[str, ...]

    @property
    def published(self) -> datetime.date | None:
        """The first date that is not marked as a revision."""
        return next((date.value for date in self.dates if not date.update), None)


def dateline(text: str, language: str = "und", order: str | None = None) -> Dateline | None:
    """`text` as a dateline: some date, and a remainder short enough to be a place, a name, an outlet
    or a marker word (never a sentence that happens to mention a date, never a link)."""
    text = text.strip()
    if width(text) > LIMITS.meta_line_max_chars or _URL_OR_EMAIL.search(text):
        return None
    dates = find_dates(text, language, order)
    if not dates:
        return None
    remainder, last = [], 0
    for date in dates:
        remainder.append(text[last: date.start])
        last = date.end
    remainder.append(text[last:])
    rest = " | ".join(_TIME.sub(" | ", part) for part in remainder)
    words = [word for word in re.split(r"[\s|｜·•–—,，;；()（）]+", rest) if re.search(r"\w", word)]
    cjk_chars = len(_CJK_CHAR.findall(rest))
    if len(words) > LIMITS.dateline_max_words and cjk_chars == 0:
        return None
    if re.search(r"[，。！？；]", rest):
        return None  # a sentence of CJK prose that mentions a date
    if width(" ".join(words)) > LIMITS.dateline_max_chars:
        return None
    return Dateline(dates, tuple(_dateline_parts(rest)))


def _dateline_parts(rest: str) -> list[str]:
    """The remainder's parts, without marker words, labels, time zones and numbers: what may be a name
    or an outlet. Parts of CJK text divided by single spaces are separate parts."""
    parts: list[str] = []
    for part in segments(rest):
        pieces = part.split() if _CJK_CHAR.search(part) else [part]
        for piece in pieces:
            piece = piece.strip(" ·・•-–—|")
            if _opens_with(piece, VOCABULARY.published_markers + VOCABULARY.update_markers):
                continue  # "发表于北京", "Atualizado há 2 anos"
            if piece in VOCABULARY.labels or piece.casefold() in VOCABULARY.date_fillers:
                continue
            if _digit_share(piece) >= 0.4 or not re.search(r"\w", piece) or re.fullmatch(r"[A-Z]{1,5}", piece):
                continue  # an issue number, a time zone (CET, ET)
            parts.append(piece)
    return parts


def _opens_with(piece: str, markers: tuple[str, ...]) -> bool:
    folded = piece.casefold()
    return any(folded.startswith(marker) for marker in markers)


def _digit_share(text: str) -> float:
    chars = [ch for ch in text if not ch.isspace()]
    return sum(ch.isdigit() for ch in chars) / len(chars) if chars else 0.0


# --- names -----------------------------------------------------------------------------------------------

_LATIN_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:[-'’][^\W\d_]+)*\.?$")


def person_name(text: str) -> bool:
    """Shaped like one person's name: 2-6 capitalized words (particles allowed inside), or a Chinese,
    Japanese or Korean name of the usual length. Never an outlet ("The …", "…網"), a role, a handle."""
    text = text.strip()
    if not text or _URL_OR_EMAIL.search(text) or any(ch.isdigit() for ch in text):
        return False
    if _CJK_CHAR.search(text):
        return _cjk_person(text)
    words = text.split()
    low, high = LIMITS.latin_name_words
    if not low <= len(words) <= high or len(text) > LIMITS.latin_name_max_chars:
        return False
    if text.isupper() or words[0].casefold() in VOCABULARY.articles:
        return False
    if any(word.casefold().strip(".") in VOCABULARY.role_words for word in words):
        return False
    for n, word in enumerate(words):
        if not _LATIN_WORD.match(word) and word != "&":
            return False
        if word[0].isupper():
            continue
        if 0 < n < len(words) - 1 and word.casefold() in VOCABULARY.name_particles:
            continue
        return False
    return True


def _cjk_person(text: str) -> bool:
    if _is_role(text) or text.endswith(VOCABULARY.outlet_endings):
        return False
    parts = text.split()
    compact = "".join(parts)
    if re.fullmatch(f"[{_HANGUL}]+", compact):  # Korean: 김민준
        low, high = LIMITS.hangul_name_chars
        return len(parts) == 1 and low <= len(compact) <= high
    if re.fullmatch(f"[{_HAN}]+(?:[·・][{_HAN}]+)+", compact):  # transliterated: 拉里·埃里森
        return len(parts) == 1 and len(compact) <= 12
    if re.fullmatch(f"[{_HAN}]+", compact) and len(parts) == 1:  # Chinese: 叶知秋, 韓璐
        low, high = LIMITS.han_name_chars
        return low <= len(compact) <= high
    if len(parts) <= 2 and all(re.fullmatch(f"[{_HAN}][{_HAN}\u3040-\u309f]*", part) for part in parts):
        low, high = LIMITS.japanese_name_chars  # Japanese: 佐藤 健太, 山田さくら
        return low <= len(compact) <= high and (len(parts) == 2 or len(compact) <= LIMITS.han_name_chars[1])
    return False


def _is_role(text: str) -> bool:
    folded = text.casefold().strip()
    return folded in VOCABULARY.role_words or folded in VOCABULARY.labels


def marked_name(text: str) -> bool:
    """What may follow an explicit byline marker: a person's name, or (in CJK) any short name, since
    the marker already says it is the writer ("文｜動脈網" names an agency as the author)."""
    text = text.strip()
    if person_name(text) or (text.isupper() and person_name(text.title())):  # "By JOHN SMITH"
        return True
    compact = text.replace(" ", "")
    low, high = LIMITS.marked_cjk_name_chars
    return (
        bool(re.fullmatch(f"[{_CJK}·・]+", compact))
        and low <= len(compact) <= high
        and not _is_role(compact)
    )


_BRACKETED = re.compile(r"[【\[［(（]\s*[^＝=】\]］)）]{1,20}\s*[＝=]\s*([^＝=】\]］)）]{2,30})\s*[】\]］)）]")
_NAME_STOP = re.compile(
    r"\s*(?:[,，、|｜·•–—/／(（\[【<＜:：;；]|\s-\s|\u3000|\s{2,}|\s(?=\d)|(?<=[^\W\d_])(?=\d))"
)


def byline_name(text: str) -> str | None:
    """The name a byline gives, if `text` is one: "Von Katharina Wendt, 21.07.2022" → Katharina Wendt;
    "文｜叶知秋", "記者陳怡君／綜合報導", "김민준 기자 | 입력 …", "【ニューヨーク＝佐藤健太】"."""
    text = text.strip()
    if width(text) > LIMITS.meta_line_max_chars:
        return None
    bracketed = _bracketed_name(text)
    if bracketed:
        return bracketed
    for part in [text, *segments_keeping_colons(text)]:  # the whole line first: "文|林一川"
        name = _after_prefix(part) or _before_suffix(part)
        if name:
            return name
    return None


def _bracketed_name(text: str, at_start: bool = False) -> str | None:
    """The name in a "【place＝name】" or "[outlet=name 기자]" byline."""
    found = _BRACKETED.match(text.lstrip()) if at_start else _BRACKETED.search(text)
    if not found:
        return None
    inside = found.group(1).strip()  # a person's, never "[사진=카카오 제공]" (a photo credit)
    return _before_suffix(inside) or (inside if person_name(inside) else None)


_LEAD_BRACKET = re.compile(r"\s*[〔【\[［(（]([^〔〕【】\[\]［］()（）]{2,30})[〕】\]］)）]")


def lead_byline(text: str) -> str | None:
    """A byline that opens a paragraph in brackets: "[헬스경제=김민수 기자] 카카오가 …",
    "【ワシントン＝山田太郎】米…", or any byline (a marker and a name, a name and a role word) between
    brackets at the paragraph's start ("〔記者王小明／台北報導〕…", "(Por Ana Ruiz) …")."""
    bracketed = _bracketed_name(text, at_start=True)
    if bracketed:
        return bracketed
    found = _LEAD_BRACKET.match(text)
    return byline_name(found.group(1)) if found else None


def _prefixes(part: str):
    """The byline markers `part` opens with, and the text after each."""
    folded = part.casefold()
    for marker in VOCABULARY.byline_prefixes:
        if not folded.startswith(marker):
            continue
        rest = part[len(marker):]
        latin = not _CJK_CHAR.search(marker)
        if latin and not re.match(r"\s*[:：]?\s+|\s*[:：]", rest):
            continue  # "Bythe…", "Vondel": not the marker word
        if not latin and len(marker) == 1 and not re.match(r"\s*[|｜:：/／]|\s", rest):
            continue  # 文 opens many words; as a marker it stands apart ("文｜", "文：")
        yield marker, rest


def opens_with_byline_marker(text: str) -> bool:
    """Whether the line reads as a byline's start ("By …", "文｜…"), whatever follows."""
    return any(True for _ in _prefixes(text.strip()))


def _after_prefix(part: str) -> str | None:
    for _marker, rest in _prefixes(part):
        rest = rest.lstrip(" :：|｜/／")
        words = _NAME_STOP.split(rest, maxsplit=1)[0].split()
        while words and _is_role(words[-1]):
            words.pop()  # "记者 张三 报道": the name, not the verb
        name = " ".join(words)
        if name and marked_name(name):
            return name
    return None


def _before_suffix(part: str) -> str | None:
    words = part.split()
    for n, word in enumerate(words):
        for suffix in VOCABULARY.byline_suffixes:
            if word == suffix and n >= 1:
                name = words[n - 1]
            elif word.endswith(suffix) and len(word) > len(suffix) and _CJK_CHAR.match(word):
                name = word[: -len(suffix)]
            else:
                continue
            if person_name(name):
                return name
    return None


def bio_name(line: str, following: str) -> str | None:
    """The author a name line and the bio under it give: a line that is only a person's name, followed
    by a paragraph that opens with that name ("Jane Doe" / "Jane Doe covers health policy for …")."""
    name = line.strip()
    if not person_name(name) or not is_prose(following):
        return None
    rest = following.strip()
    return name if rest.startswith(name) and rest[len(name): len(name) + 1] in (" ", ",") else None


_TRAILING_CREDIT = re.compile(r"\s*[(（][^()（）]{1,40}[)）]\s*$")


def sign_off_name(text: str, page_text: str = "") -> str | None:
    """The name a sign-off gives: a line after the article's last paragraph that is a person's name,
    with perhaps the source it drew on in brackets ("Jana Horák (podle agentur)"). Never a name all of
    whose words the page also writes in lowercase ("Related Articles", "Read More": ordinary words; a
    name may share one word with the language, as Vietnamese and Spanish given names do)."""
    name = _TRAILING_CREDIT.sub("", text.strip())
    if not person_name(name) or _CJK_CHAR.search(name):
        return None
    words = [word.strip(".") for word in name.split() if word[:1].isupper()]
    if all(re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", page_text) for word in words):
        return None
    return name


# --- outlets ---------------------------------------------------------------------------------------------


def outlet_name(text: str) -> bool:
    """Shaped like an outlet's name: short, no sentence, no link, no markup, mostly not digits."""
    text = text.strip()
    if not text or _URL_OR_EMAIL.search(text) or re.search(r"[<>{}=@#›»\[\]]", text):
        return False
    if re.search(r"[:：]", text) or text.endswith(tuple("。!！?？…;；,，")) or re.search(r"[.!?。！？,，;；]\s", text):
        return False  # a label ("Suscríbete: …", "来源：…"), a sentence, a list
    if _digit_share(text) >= 0.4 or _is_role(text):
        return False
    if _CJK_CHAR.search(text):
        low, high = LIMITS.cjk_outlet_chars
        return low <= len(text) <= high
    words = text.split()
    return (
        1 <= len(words) <= LIMITS.outlet_max_words
        and len(text) <= LIMITS.outlet_max_chars
        and any(ch.isalpha() for ch in text)
    )


def title_case(text: str) -> bool:
    """Every word that is not a short particle starts with a capital (The Civic Wire, Le Fil Tech; not
    "Skip to content")."""
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    return bool(words) and all(
        not w[0].isalpha() or w[0].isupper() or len(w) <= 3 or w.casefold() in VOCABULARY.articles for w in words
    ) and words[0][0].isupper()


_OUTLET_STOP = re.compile(_NAME_STOP.pattern + rf"|(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SOURCE_MARKER = re.compile(
    # at the start or after a separator ("图片来源：" is a photo credit), then a colon
    r"(?:^|(?<=[\s|｜·•,，;；(（【\[]))(?:" + "|".join(map(re.escape, VOCABULARY.source_markers)) + r")\s*[:：]\s*",
    re.I,
)


def source_name(text: str) -> str | None:
    """The outlet a source marker names: "2021-12-21 10:05:33 來源：醫訊網" → 醫訊網."""
    for found in _SOURCE_MARKER.finditer(text):
        name = _OUTLET_STOP.split(text[found.end():], maxsplit=1)[0].strip()
        if outlet_name(name):
            return name
    return None


_COLON_KEEPING_SEPARATORS = re.compile(
    rf"\s*(?:[|｜·•–—,，;；]|\s-\s|\u3000|\s{{2,}})\s*|(?<=[{_CJK}])\s+(?=[{_CJK}])"
)


def segments_keeping_colons(text: str) -> list[str]:
    """Like `segments`, but a "label: value" part stays whole; in CJK text a space separates parts
    ("来源：南方快讯 作者：王小明")."""
    return [part.strip() for part in _COLON_KEEPING_SEPARATORS.split(text) if part and part.strip()]


_YEARS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?!\d)")


def is_rights_line(text: str) -> bool:
    folded = text.casefold()
    return width(text) <= LIMITS.meta_line_max_chars and any(m in folded for m in VOCABULARY.rights_markers)


def rights_holder(text: str) -> str | None:
    """Who a copyright line names: "© 2022 Handelsbote Verlag GmbH" → Handelsbote Verlag;
    "저작권자 ⓒ 헬스IT신문 무단전재 및 재배포 금지" → 헬스IT신문. None when it names no one."""
    if not is_rights_line(text):
        return None
    rest = text
    for marker in VOCABULARY.rights_markers:
        rest = re.sub(re.escape(marker), " | ", rest, flags=re.I)
    rest = _YEARS.sub(" | ", rest)
    names = [part for part in (_strip_legal_form(p) for p in segments(rest)) if part]
    names = [name for name in names if outlet_name(name)]
    return names[0] if len(names) == 1 else None


def _strip_legal_form(name: str) -> str:
    name = name.strip(" .,-–")
    changed = True
    while changed:
        changed = False
        folded = name.casefold()
        for form in VOCABULARY.legal_forms:
            form = form.rstrip(".")
            if folded.endswith(" " + form) or (not form.isascii() and folded.endswith(form) and folded != form):
                name = name[: -len(form)].strip(" .,-–")
                changed = True
                break
    return name


def site_name(text: str) -> str | None:
    """The outlet a masthead line names: its first part ("Handelsbote – Nachrichten aus …" →
    Handelsbote; "匯流科技報　首頁 | 即時 | …" → 匯流科技報), when that is shaped like an outlet's name."""
    text = text.strip()
    if re.search(r"[>›»]", text) or width(text) > LIMITS.meta_line_max_chars:
        return None  # a breadcrumb, or prose
    if len(re.findall(r"[,，、]", text)) >= 2:
        return None  # a keyword list
    first = segments_keeping_colons(text)
    if not first:
        return None
    name = first[0]
    return name if outlet_name(name) else None


def plain_word(name: str) -> bool:
    """A single ordinary word ("Fermer", "Menu", "STARTSEITE"): one word of letters, capitalized at its
    start or throughout. Outlet names that are one word usually show more (TechCrunch, Salutecon.it,
    9to5Mac); a plain one is an outlet only when the page repeats it."""
    name = name.strip()
    return bool(re.fullmatch(r"[^\W\d_][^\W\d_’'-]*", name)) and not _CJK_CHAR.search(name) \
        and (name[1:] == name[1:].lower() or name.isupper())


def script_of(text: str) -> str | None:
    """The writing system most of the text's letters belong to: "cjk" (Han, kana, hangul), or the first
    word of the letters' Unicode names ("LATIN", "CYRILLIC", "GREEK", "ARABIC"…); None without letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        if _CJK_CHAR.match(ch):
            key = "cjk"
        else:
            key = unicodedata.name(ch, "UNKNOWN").split()[0]
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _mixed_script_name(name: str) -> bool:
    return bool(re.fullmatch(f"\\S*[{_CJK}]\\S*(?: [A-Za-z][\\w.&'-]*)+", name))


def native_form(name: str, language: str) -> str:
    """A bilingual masthead in a CJK article ("科技點睇 TechTalk HK") by its name in the article's script."""
    if language.split("-")[0] in ("zh", "ja", "ko") and _mixed_script_name(name):
        return name.split(" ")[0]
    return name


def names_agree(a: str, b: str) -> bool:
    """Two forms of one outlet's name: one inside the other, or sharing two words."""
    fa, fb = _fold(a), _fold(b)
    if not fa or not fb:
        return False
    if fa in fb or fb in fa:
        return True
    wa = {w for w in fa.split() if len(w) >= 3 and w not in VOCABULARY.articles}
    wb = {w for w in fb.split() if len(w) >= 3 and w not in VOCABULARY.articles}
    return len(wa & wb) >= 2


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
