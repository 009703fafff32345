"""Bylines and the names of people: who wrote the article, as the page says it.

- `byline_name`: the person a byline names, by a byline marker before the name ("By", "Von", "Oleh",
  "文｜"…), a role word after it ("기자", "記者"…), or the Japanese "【place＝name】" form;
  `lead_byline`, one in brackets opening a paragraph ("〔記者王小明／台北報導〕…").
Names on lines of their own (a name line, a handle, a bio's name, a sign-off) are in `name_lines`; the shape of
a person's name, per script, in `person_names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from .characters import CAPITALS_UNUSED, DIGIT, HAN, KANA, char_class, unicode_script, without_leading_symbols
from .meta_lines import CJK_CHAR, NAME_STOP, is_role, segments_keeping_colons, width
from .meta_vocabulary import DATE_MARKERS, VOCABULARY
from .person_names import marked_name, person_name
from .places import is_place
from .thresholds import META_LINES

_BRACKETED = re.compile(r"[【\[［(（]\s*[^＝=】\]］)）]{1,20}\s*[＝=]\s*([^＝=】\]］)）]{2,30})\s*[】\]］)）]")


_ENCLOSED = re.compile(r"[【〔\[［(（]([^【】〔〕\[\]［］()（）]{2,40})[】〕\]］)）]")


def byline_name(text: str, language: str = "und") -> str | None:
    """The name a byline gives, if `text` is one: "Von Katharina Wendt, 21.07.2022" → Katharina Wendt;
    "文｜叶知秋", "記者陳怡君／綜合報導", "김민준 기자 | 입력 …", "【ニューヨーク＝佐藤健太】",
    "【本報記者 鄧卓恒 報道】". `language` (BCP 47, the page's) tells how names are spaced: "执笔：何建国 郑雪"
    are two people, "執筆：小林 直樹" on a Japanese page is one."""
    text = without_leading_symbols(text.strip())  # "✍️ Por Mariana Costa"
    if width(text) > META_LINES.meta_line_max_chars:
        return None
    bracketed = _bracketed_name(text)
    if bracketed:
        return bracketed
    enclosed = _ENCLOSED.fullmatch(text)
    text = enclosed.group(1).strip() if enclosed else text  # "【本報記者 鄧卓恒 報道】": the byline inside
    # The whole line first ("文|林一川"), then its parts, unless it runs on from one sentence into another (a
    # channel's blurb: "Notícias de saúde digital, de São Paulo à Amazônia. Contato: …" names no writer).
    parts = [text] if _SENTENCE_INSIDE.search(text) else [text, *segments_keeping_colons(text)]
    for part in parts:
        name = _after_prefix(part, whole=part == text, language=language) or _before_suffix(part)
        if name:
            return name
    at_outlet = name_at_outlet(text)  # "森田 拓海＝メディカルITジャーナル"
    if at_outlet:
        return at_outlet
    wrote = _LABELLED_WRITER.match(text)  # "كتب - محمود عبد الرحمن" ("wrote"): a byline only with its mark
    if wrote and marked_name(wrote.group(1)):
        return wrote.group(1).strip()
    # "纵面新闻记者 | 林思远", "本网记者　何建国　郑雪", "健康时报 记者 张三": the outlet's reporters
    found = _OUTLET_REPORTER.match(text)
    names = found.group(2).split() if found and found.group(1).endswith(VOCABULARY.outlet_endings) else []
    # (up to a role word, without a place: "中新网记者 张三 北京 摄影")
    names = _without_places_after(list(takewhile(lambda word: not is_role(word), names)))
    if names and all(map(person_name, names)):
        return ", ".join(names)
    # "【張家豪／台北報導】" (the name, then where the report is from), "[山口悠人，PC Wave]" (then the outlet);
    # never a desk ("【生活中心／台北報導】") or a place ("[北京，新华社电]")
    dispatch = _NAME_OVER_PLACE.fullmatch(text) or (_NAME_BEFORE_OUTLET.fullmatch(text) if enclosed else None)
    name = dispatch.group(1) if dispatch else ""
    place = dispatch is not None and dispatch.re is _NAME_BEFORE_OUTLET and is_place(name)  # "[北京，新华社电]"
    return name if person_name(name) and not place and not name.endswith(_DESK_ENDINGS) else None


# "… à Amazônia. Contato": two letters, a stop, a capital: one sentence ends and another begins
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2}[.!?]\s+[A-ZÀ-ÖØ-Þ]")
# Words that name the writer only as a label, with its colon or dash: Arabic and Hebrew "wrote" (كتب, כתב),
# Greek "editing" (Επιμέλεια), Thai "story" (เรื่อง); as words in a sentence they are none.
_LABELLED_WRITER = re.compile(r"^(?:كتبت?|כתב|כתבת|(?i:επιμέλεια)|เรื่อง)\s*[:：\-–—]\s*(\S.*)$")
_OUTLET_REPORTER = re.compile(
    r"^(\S{2,12}?)\s*(?:记者|記者|通讯员|通訊員)\s*[|｜/／:：]?\s*(\S{2,4}(?:\s+\S{2,4}){0,3})$")
_NAME_OVER_PLACE = re.compile(r"(\S{2,4})\s*[／/]\s*\S{1,8}?(?:報導|報道|报道)")
_NAME_BEFORE_OUTLET = re.compile(r"([^\s，,]{2,4})\s*[，,]\s*\S[^，,]{0,24}")
_CHINESE_NAME = re.compile(f"[{char_class(HAN)}]{{2,4}}")  # 何建国, 郑雪
_DESK_ENDINGS = ("中心", "频道", "頻道", "组", "組", "部", *VOCABULARY.outlet_endings)  # a desk's, an outlet's


# A Japanese writer's name, then the outlet after an equals sign ("森田 拓海＝メディカルITジャーナル"); a place,
# then the correspondent's name ("ニューヨーク＝佐藤健一"), as a dispatch gives it without its brackets.
_NAME_EQUALS_OUTLET = re.compile(r"([^\s＝=]{1,5}(?:[ 　][^\s＝=]{1,5})?)\s*[＝=]\s*([^＝=\s][^＝=]{1,30})")
_PLACE_EQUALS_NAME = re.compile(r"([^\s＝]{1,12})\s*＝\s*([^\s＝]{1,5}(?:[ 　][^\s＝]{1,5})?)")


def name_at_outlet(text: str) -> str | None:
    """The writer of a "name＝outlet" line, as Japanese trade and business papers credit their staff, or of a
    "place＝name" dispatch; not a figure's ("売上高＝2兆円")."""
    text = text.strip()
    found = _NAME_EQUALS_OUTLET.fullmatch(text)
    name = " ".join(found.group(1).split()) if found and not DIGIT.search(found.group(2)) else ""
    if name and person_name(name) and not is_place(name):
        return name
    dispatch = _PLACE_EQUALS_NAME.fullmatch(text)
    if dispatch and is_place(dispatch.group(1)):
        name = " ".join(dispatch.group(2).split())
        return name if person_name(name) else None
    return None


def _without_places_after(names: list[str]) -> list[str]:
    """The names, without a place after the first ("张三 北京"): the first is the reporter's, whatever city
    shares it ("金峰")."""
    return names[:1] + [name for name in names[1:] if not is_place(name)]


def _bracketed_name(text: str, at_start: bool = False) -> str | None:
    """The name in a "【place＝name】" or "[outlet=name 기자]" byline."""
    found = _BRACKETED.match(text.lstrip()) if at_start else _BRACKETED.search(text)
    if not found:
        return None
    inside = found.group(1).strip()  # a person's, never "[사진=카카오 제공]" (a photo credit)
    return _before_suffix(inside) or (inside if person_name(inside) else None)


# A Chinese dispatch's opening, before the reporter's bracket: "本报讯", "鹭江财经讯", "新华社北京5月4日电".
_LEAD_BRACKET = re.compile(r"\s*(?:[^\s〔【\[［(（。，,]{1,24}?[讯訊电電]\s*)?"
                           r"[〔【\[［(（]([^〔〕【】\[\]［］()（）]{2,30})[〕】\]］)）]")


# A news agency's dispatch in brackets: "（寶島社記者沈佩瑜台北30日電）" — the reporter, then a place, then the day.
_AGENCY_DISPATCH = re.compile(r"\s*[（(][^（）()]{0,12}?(?:記者|记者)\s*([^\s（）()\d]{2,8}?)\d{1,2}日[電电][）)]")


def lead_byline(text: str, language: str = "und") -> str | None:
    """A byline that opens a paragraph in brackets: "[헬스경제=김민수 기자] 카카오가 …",
    "【ワシントン＝山田太郎】米…", or any byline (a marker and a name, a name and a role word) between
    brackets at the paragraph's start ("〔記者王小明／台北報導〕…", "(Por Ana Ruiz) …"), perhaps after a Chinese
    dispatch's opening ("本报讯（记者 陈思远）…")."""
    bracketed = _bracketed_name(text, at_start=True)
    if bracketed:
        return bracketed
    dispatch = _AGENCY_DISPATCH.match(text)
    if dispatch:  # the name and the place run together: the place is told by name, else no name is sure
        run = dispatch.group(1)
        place = max((place for place in VOCABULARY.dispatch_places if run.endswith(place)), key=len, default="")
        name = run[: len(run) - len(place)]
        return name if place and person_name(name) else None
    found = _LEAD_BRACKET.match(text)
    return byline_name(found.group(1), language) if found else None


# Each byline marker with its case-folded form ("της" folds to "τησ", as "Της" does) and whether it is
# written in a script with spaces between words; folded once, as a line is tested against all of them.
_MARKERS = tuple((marker, marker.casefold(), not CJK_CHAR.search(marker)) for marker in VOCABULARY.byline_prefixes)
_FOLDED_MARKERS = tuple(folded for _, folded, _ in _MARKERS)
_WORD_MARKER_END = re.compile(r"\s*[:：՝]?\s+|\s*[:：՝]")  # ՝: Armenian sets a label apart with it
_CJK_MARKER_END = re.compile(r"\s*[|｜:：/／]|\s")


def _prefixes(part: str) -> Iterator[tuple[str, str]]:
    """The byline markers `part` opens with, and the text after each."""
    folded = part.casefold()
    if not folded.startswith(_FOLDED_MARKERS):  # most lines open with none: one test for all of them
        return
    for marker, folded_marker, spaced in _MARKERS:
        if not folded.startswith(folded_marker):
            continue
        rest = part[len(marker):]
        if spaced and not _WORD_MARKER_END.match(rest):
            continue  # "Bythe…", "Vondel": not the marker word
        if not spaced and len(marker) == 1 and not _CJK_MARKER_END.match(rest):
            continue  # 文 opens many words; as a marker it stands apart ("文｜", "文：")
        yield marker, rest


def is_cjk_byline(text: str) -> bool:
    """A line that a CJK byline marker opens, perhaps after the outlet's name, and a person's name follows
    ("執筆：小林 直樹（本誌編集部）", "撰稿｜周晓东", "寰宇財訊 記者林佳蓉／綜合報導"), each name of a person's
    shape or of two words (a Japanese name, family and given): after a sentence the marker opens
    ("记者了解到，…", "筆者は…") no name stands, only words run together."""
    openings = [text, *text.split(None, 1)[1:]]
    if not any(CJK_CHAR.match(marker) for opening in openings for marker, _ in _prefixes(opening.strip())):
        return False  # (the marker opens the line, or follows the outlet's name: "寰宇財訊 記者林佳蓉／綜合報導")
    name = byline_name(text)
    return name is not None and all(person_name(part) or len(part.split()) == META_LINES.japanese_name_parts
                                    for part in name.split(", "))


def opens_with_byline_marker(text: str) -> bool:
    """Whether the line reads as a byline's start ("By …", "文｜…"), whatever follows."""
    return any(True for _ in _prefixes(text.strip()))


def _after_prefix(part: str, whole: bool = True, language: str = "und") -> str | None:
    """The name after a byline marker `part` opens with (`whole`: `part` is the whole line, not a segment)."""
    spaced_names = language.split("-", 1)[0].casefold() in _SPACED_FULL_NAMES
    for marker, rest in _prefixes(part):
        after = rest.lstrip(" :：՝|｜/／")
        if spaced_names:  # "小林　直樹": the space inside one name, not between two
            after = _SPACE_IN_NAME.sub(" ", after)
        words = NAME_STOP.split(after, maxsplit=1)[0].split()
        words = _name_words(words, rest)
        if words:
            words[-1] = _without_glued_role(words[-1])  # "記者陳家豪報道", unspaced
        # Chinese reporters after their marker, spaced apart ("记者 何建国 郑雪"), are two people; a place
        # after them is where they report from ("记者 张三 北京报道")
        if CJK_CHAR.match(marker):
            words = _without_places_after(words)
        reporters = len(words) > 1 and CJK_CHAR.match(marker) and not spaced_names \
            and all(_CHINESE_NAME.fullmatch(word) for word in words)
        name = (", " if reporters else " ").join(words)
        if marker in VOCABULARY.opinion_prefixes and not (whole and rest.strip().endswith(name)):
            continue  # a subheading that names someone ("A column by Warren Buffett, 46 years on")
        if name and all(map(marked_name, name.split(", "))):
            return name
    return None


# Languages whose pages space a full name of Han characters between family and given name ("小林 直樹",
# "小林　直樹") and set people apart with "、" or "・": there spaced words after a byline marker are one person.
_SPACED_FULL_NAMES = frozenset({"ja"})
_SPACE_IN_NAME = re.compile(f"(?<=[{char_class(HAN)}])\u3000(?=[{char_class(HAN + KANA)}])")

_DATE_MARKERS = frozenset(DATE_MARKERS)  # (looked up for every word of a byline)


def _joins(word: str) -> bool:
    """A word that joins two people's names ("and", "und", "y", "&")."""
    return word == "&" or word.casefold() in VOCABULARY.people_conjunctions


def _name_words(words: list[str], rest: str) -> list[str]:
    """The words of a name among those after a byline's marker (`rest`, what follows the marker): up to where
    the name ends."""
    # A name ends at a word in lower case that is no particle of one ("Iris Cheung in Hong Kong"), in a
    # script that writes names with capitals (Georgian's letters are all lower case).
    words = words[: next((n for n, word in enumerate(words) if n and word.islower()
                          and unicode_script(word[0]) not in CAPITALS_UNUSED
                          and word not in VOCABULARY.name_particles), len(words))]
    # The name ends at a role word: "记者 张三 报道" (the verb), "记者 周晓东 通讯员 李婷婷" (the reporter)
    role = next((n for n, word in enumerate(words) if is_role(word)), len(words))
    desk = role < len(words)  # "… and Health Desk", "… & Reuters Staff": what the role word ends is a desk
    words = words[:role]
    words = words[: _outlet_start(words)]  # "By Jordan Pell The Associated Press": the comma lost
    # "By Jane Doe Updated 25 January 2023": a date's marker before the date ends the name (not the name's own
    # word: "Nguyễn Hải Đăng"). An agency after the conjunction is no second person: "By Jane Doe and AFP",
    # "Von Max Müller und Agenturen" and "By Jane Doe and Health Desk" (cut at their role words above), not
    # "José Ortega y Gasset".
    words = words[: next((n for n, word in enumerate(words) if n and word.casefold() in _DATE_MARKERS
                          and re.search(rf"{re.escape(word)}\s*[:：]?\s*\d", rest)), len(words))]
    if len(words) > 2 and _joins(words[-2]) and (desk or (words[-1].isupper() and len(words[-1]) > 1)):  # noqa: PLR2004
        words = words[:-1]
    while words and _joins(words[-1]):
        words.pop()
    while len(words) > 2 and words[0].casefold() in VOCABULARY.honorifics:  # noqa: PLR2004 (a title, a name of two words)
        words.pop(0)  # "Dr. Anna Schmidt": her name
    while len(words) > 1 and CJK_CHAR.match(words[0]) and words[0].endswith(VOCABULARY.outlet_endings):
        words.pop(0)  # "文/瞭望者网 齐晗": the outlet's name before the writer's
    return words


def _outlet_start(words: list[str]) -> int:
    """Where an outlet's name starts after a writer's name of two words or more: at an article capitalized
    that no name holds ("The", "Die", "Los"; not "de", "La", "Van"), with two words after it at least
    ("Jordan Pell The Associated Press"); else the end."""
    for n in range(2, len(words) - 2):
        word = words[n]
        if len(word) > 1 and word[0].isupper() and word.casefold() in VOCABULARY.articles \
                and word.casefold() not in VOCABULARY.name_particles \
                and words[n - 1].casefold() not in VOCABULARY.name_particles:  # "Ana De Los Ríos"
            return n
    return len(words)


def _without_glued_role(word: str) -> str:
    """A CJK word without the role word written onto its end, when a person's name is left ("陳家豪報道"
    → "陳家豪"): CJK puts no space between a name and the verb or title after it."""
    if not CJK_CHAR.match(word):
        return word
    for role in sorted(VOCABULARY.role_words, key=len, reverse=True):
        if word.endswith(role) and CJK_CHAR.match(role) and person_name(word[: -len(role)]):
            return word[: -len(role)]
    return word


def _before_suffix(part: str) -> str | None:
    words = part.split()
    for n, word in enumerate(words):
        if not word.endswith(VOCABULARY.byline_suffixes):  # most words end with none: one test for all
            continue
        for suffix in VOCABULARY.byline_suffixes:
            if word == suffix and n >= 1:
                name = words[n - 1]
            elif word.endswith(suffix) and len(word) > len(suffix) and CJK_CHAR.match(word):
                name = word[: -len(suffix)]
            else:
                continue
            if person_name(name):
                return name
    return None
