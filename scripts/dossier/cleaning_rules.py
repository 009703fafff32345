"""Loads `seeds/cleaning.yml`, the vocabulary of the clean stage, and compiles it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .curation import load_validated

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["chrome", "spam_terms"],
    "properties": {
        "chrome": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "spam_terms": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}


@dataclass(frozen=True)
class CleaningVocabulary:
    chrome: tuple[re.Pattern[str], ...]
    spam_terms: re.Pattern[str]

    def is_chrome(self, line: str) -> bool:
        return any(pattern.fullmatch(line) for pattern in self.chrome)

    def has_spam_term(self, line: str) -> bool:
        return bool(self.spam_terms.search(line))


def load_vocabulary(path: Path) -> CleaningVocabulary:
    data = load_validated(path, SCHEMA, regex_fields=("chrome", "spam_terms"))
    return CleaningVocabulary(
        chrome=tuple(re.compile(p, re.IGNORECASE) for p in data["chrome"]),
        spam_terms=re.compile("|".join(f"(?:{p})" for p in data["spam_terms"]), re.IGNORECASE),
    )
