"""Loads `seeds/cleaning.yml`, the vocabulary of the clean stage's signals, and compiles it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .characters import CJK, DIGIT, SUBHEADING_MARKS, char_class
from .curated_yaml import compiled_pattern, load_validated
from .line_patterns import LinePatterns
from .pattern_words import WordGatedPattern, fold, word_gated

NOTICE_ANSWERS_KEPT = 10_000  # lines: more than one article's, a few MB at most
_PATTERNS = {"type": "array", "items": {"type": "string", "minLength": 1}}
# Each list and how its patterns are used: "line" lists match whole lines, the others anywhere.
_LISTS = ("chrome", "consent_button", "cookie", "notice", "disclosure", "byline", "credit", "credit_word",
          "advertising", "ad_prefix", "related", "related_prefix", "share_verb", "share_platform", "share_joiner",
          "spam_terms", "article_end", "about_prefix", "about_suffix", "comments_header", "bio_verb", "bio_header",
          "relative_time", "mail_header", "forward_marker", "follow_button")
# The lists every line is tested against whole, indexed by what a line may open with (line_patterns.py).
_INDEXED = ("chrome", "consent_button")
# The lists searched through every paragraph of prose, tried only on one that holds their words (pattern_words.py).
_WORD_GATED = ("cookie", "notice", "disclosure")
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": list(_LISTS),
    "properties": dict.fromkeys(_LISTS, _PATTERNS),
}


@dataclass(frozen=True)
class CleaningVocabulary:
    """Each list of `seeds/cleaning.yml` compiled (see its comments for each list): one alternation, or, for
    the lists a whole line is tested against, its patterns indexed by what a line may open with."""

    chrome: LinePatterns
    consent_button: LinePatterns
    cookie: WordGatedPattern
    notice: WordGatedPattern
    disclosure: WordGatedPattern
    byline: re.Pattern[str]
    credit: re.Pattern[str]
    credit_word: re.Pattern[str]
    advertising: re.Pattern[str]
    ad_prefix: re.Pattern[str]
    related: re.Pattern[str]
    related_prefix: re.Pattern[str]
    share_verb: re.Pattern[str]
    share_platform: re.Pattern[str]
    share_joiner: re.Pattern[str]
    spam_terms: re.Pattern[str]
    article_end: re.Pattern[str]
    about_prefix: re.Pattern[str]
    about_suffix: re.Pattern[str]
    comments_header: re.Pattern[str]
    bio_verb: re.Pattern[str]
    bio_header: re.Pattern[str]
    relative_time: re.Pattern[str]
    mail_header: re.Pattern[str]
    forward_marker: re.Pattern[str]
    follow_button: re.Pattern[str]
    # The clean stage asks again about the same short lines (as headline candidates, as lines outside the
    # article, as prose), and the notice alternation is its dearest pattern: each line's answer is kept,
    # for the last lines asked about.
    _notice_answers: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    def is_chrome(self, line: str) -> bool:
        return self.chrome.fullmatch(line) or self.consent_button.fullmatch(line)

    def is_consent_button(self, line: str) -> bool:
        return self.consent_button.fullmatch(line)

    def speaks_of_cookies(self, line: str) -> bool:
        return self.cookie.found_in(line)

    def is_mail_header(self, line: str) -> bool:
        """A field of an e-mail's header, with its value ("From: Jane Doe <jane@example.org>", "件名：…")."""
        return bool(self.mail_header.match(line))

    def is_forward_marker(self, line: str) -> bool:
        return bool(self.forward_marker.fullmatch(line.strip()))

    def is_article_end(self, line: str) -> bool:
        return bool(self.article_end.fullmatch(line))

    def is_comments_header(self, line: str) -> bool:
        """A comments header, alone or, with its count, first among the thread's controls ("163 comments | sort:
        top | new"; "Comments | More than 16,000" is a table's row)."""
        first = _FIRST_PART.split(line, maxsplit=1)[0]
        counted = bool(DIGIT.search(first)) and bool(self.comments_header.fullmatch(first))
        return counted or bool(self.comments_header.fullmatch(line))

    def is_follow_button(self, line: str) -> bool:
        """A button to follow the writer ("Follow", "+ Follow", "Seguir"), which stands beside their name."""
        return bool(self.follow_button.fullmatch(line.strip(" +＋")))

    def is_bio_header(self, line: str) -> bool:
        return bool(self.bio_header.fullmatch(line.strip("*#▍■●◆[]【】:： ")))

    def about_whom(self, line: str) -> str | None:
        """The name an "About <name>" header names ("About Microsoft" → Microsoft, "关于京东健康" → 京东健康,
        "■ LINE株式会社について" → LINE株式会社), or None."""
        line = line.strip().lstrip(SUBHEADING_MARKS + " ")
        found = self.about_prefix.match(line)
        name = line[found.end():].strip(" :：") if found else ""
        if not found:
            after = next((match for match in self.about_suffix.finditer(line) if match.end() == len(line)), None)
            name = line[: after.start()].strip() if after else ""
        return name if name[:1].isupper() or _UNCASED_NAME.match(name) else None

    def opens_with_bio_verb(self, text: str) -> bool:
        """Whether `text` opens with a verb a bio uses after the author's name ("covers", "ist")."""
        words = text.split(maxsplit=2)
        return any(self.bio_verb.fullmatch(" ".join(words[:n])) for n in (1, 2))  # "covers", "has covered"

    def has_spam_term(self, line: str) -> bool:
        return bool(self.spam_terms.search(line))

    def has_notice_words(self, line: str) -> bool:
        """Whether a notice's words (cookie, newsletter, subscription, copyright …) are in `line`."""
        answers = self._notice_answers
        answer = answers.get(line)
        if answer is None:
            if len(answers) >= NOTICE_ANSWERS_KEPT:
                answers.clear()
            folded = fold(line)
            answer = answers[line] = (self.notice.found_in(line, folded) or self.cookie.found_in(line, folded)
                                      or self.disclosure.found_in(line, folded))
        return answer

    def is_disclosure(self, line: str) -> bool:
        """A finance page's disclosure: positions held, no advice given, risk borne by the reader."""
        return self.disclosure.found_in(line)


_UNCASED_NAME = re.compile(f"[{char_class(CJK)}]")  # a CJK name opens with no capital
_FIRST_PART = re.compile(r"\s[|·•]\s")  # the separators between a line's controls


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return compiled_pattern("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


def _compiled(name: str, patterns: list[str]) -> LinePatterns | WordGatedPattern | re.Pattern[str]:
    if name in _INDEXED:
        return LinePatterns.of(patterns)
    return word_gated(_alternation(patterns)) if name in _WORD_GATED else _alternation(patterns)


def load_vocabulary(path: Path) -> CleaningVocabulary:
    data = load_validated(path, SCHEMA, regex_fields=_LISTS, joined=_alternation)
    compiled: dict[str, Any] = {name: _compiled(name, data[name])
                                for name in (f.name for f in fields(CleaningVocabulary) if f.init)}
    return CleaningVocabulary(**compiled)
