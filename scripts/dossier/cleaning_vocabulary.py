"""Loads `seeds/cleaning.yml`, the vocabulary of the clean stage's signals, and compiles it."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from .curated_yaml import load_validated

_PATTERNS = {"type": "array", "items": {"type": "string", "minLength": 1}}
# Each list and how its patterns are used: "line" lists match whole lines, the others anywhere.
_LISTS = ("chrome", "notice", "byline", "credit", "credit_word", "advertising", "ad_prefix", "related",
          "related_prefix", "share_verb", "share_platform", "spam_terms")
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": list(_LISTS),
    "properties": dict.fromkeys(_LISTS, _PATTERNS),
}


@dataclass(frozen=True)
class CleaningVocabulary:
    """One compiled alternation per list of `seeds/cleaning.yml` (see its comments for each list)."""

    chrome: re.Pattern[str]
    notice: re.Pattern[str]
    byline: re.Pattern[str]
    credit: re.Pattern[str]
    credit_word: re.Pattern[str]
    advertising: re.Pattern[str]
    ad_prefix: re.Pattern[str]
    related: re.Pattern[str]
    related_prefix: re.Pattern[str]
    share_verb: re.Pattern[str]
    share_platform: re.Pattern[str]
    spam_terms: re.Pattern[str]

    def is_chrome(self, line: str) -> bool:
        return bool(self.chrome.fullmatch(line))

    def has_spam_term(self, line: str) -> bool:
        return bool(self.spam_terms.search(line))


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


def load_vocabulary(path: Path) -> CleaningVocabulary:
    data = load_validated(path, SCHEMA, regex_fields=_LISTS)
    return CleaningVocabulary(**{f.name: _alternation(data[f.name]) for f in fields(CleaningVocabulary)})
