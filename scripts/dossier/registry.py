"""The entity registry (`seeds/entities.yml`): companies, ventures and products, their names in every
language and script, the phrases in which a name means something else, and the dated events and
relations the articles state. Validated on load: an unknown id, a name claimed by two entities, a
`not_names` phrase that holds none of the entity's names or a malformed date fails with file, line and
field.

What counts as one name occurrence is defined here too (`match_key`, `stands_alone`), since validation
and the link stage must agree on it."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .chinese import SIMPLIFIED, TRADITIONAL, convert
from .curation import YamlDocument, load_yaml, validate

ENTITY_TYPES = ["company", "venture", "joint venture", "product", "health system", "insurer", "pharmacy",
                "EHR vendor", "telehealth"]
RELATION_TYPES = ["parent", "acquired by", "joint venture of", "partner", "competitor", "customer", "built on"]
LANGUAGES = ["en", "zh-Hans", "zh-Hant", "ja", "ko", "de", "fr", "es", "it", "pt"]
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_NAMES = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SOURCES = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
_TEXT = {"type": "string", "minLength": 1}

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["entities"],
    "properties": {
        "entities": {
            "type": "object",
            "propertyNames": {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["type", "name", "description", "names"],
                "properties": {
                    "type": {"enum": ENTITY_TYPES},
                    "name": {"type": "string", "minLength": 1},
                    "description": {"type": "string", "minLength": 1},
                    "names": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["en"],
                        "properties": {language: {**_NAMES, "minItems": 1} for language in LANGUAGES},
                    },
                    "aliases": _NAMES,
                    "mistranslations": _NAMES,
                    "context": _NAMES,
                    "not_names": _NAMES,
                    "overview": _TEXT,
                    "headquarters": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["place", "sources"],
                        "properties": {"place": _TEXT, "as_written": _TEXT, "sources": _SOURCES},
                    },
                    "people": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["name", "role", "sources"],
                            "properties": {"name": _TEXT, "role": _TEXT, "as_written": _TEXT, "sources": _SOURCES},
                        },
                    },
                    "events": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["date", "type", "description", "sources"],
                            "properties": {
                                "date": {"type": "string", "pattern": _DATE},
                                "type": {"type": "string", "minLength": 1},
                                "description": {"type": "string", "minLength": 1},
                                "sources": _SOURCES,
                            },
                        },
                    },
                    "relations": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["type", "target", "sources"],
                            "properties": {
                                "type": {"enum": RELATION_TYPES},
                                "target": {"type": "string"},
                                "date": {"type": "string", "pattern": _DATE},
                                "amount": _TEXT,
                                "announced": {"type": "boolean"},
                                "sources": _SOURCES,
                            },
                        },
                    },
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Event:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    type: str
    description: str
    sources: tuple[str, ...]  # article file names


@dataclass(frozen=True)
class Relation:
    type: str
    target: str
    sources: tuple[str, ...]
    date: str | None = None
    amount: str | None = None  # as the sources give it, in English ("753 million US dollars")
    announced: bool = False  # agreed or announced; the sources do not say it was completed


@dataclass(frozen=True)
class Sourced:
    """A fact about an entity (a place, a person), with the articles that state it. `as_written` is how
    those articles write it, when not as `value` is (a Chinese name), so that its paragraph is found."""

    value: str
    sources: tuple[str, ...]
    role: str | None = None
    as_written: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    description: str
    names: dict[str, tuple[str, ...]]  # language -> names, zh-Hant derived when not curated
    aliases: tuple[str, ...]
    mistranslations: tuple[str, ...]
    context: tuple[str, ...]
    events: tuple[Event, ...]
    relations: tuple[Relation, ...]
    not_names: tuple[str, ...] = ()  # phrases holding one of the names that mean something else
    overview: str | None = None  # a short account in our own words
    headquarters: Sourced | None = None
    people: tuple[Sourced, ...] = ()  # key people: name as value, with their role

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every string that names this entity in a text."""
        forms = [name for names in self.names.values() for name in names]
        return tuple(dict.fromkeys(forms + list(self.aliases) + list(self.mistranslations)))


@dataclass(frozen=True)
class Registry:
    entities: tuple[Entity, ...]

    def __post_init__(self):
        object.__setattr__(self, "_by_id", {entity.id: entity for entity in self.entities})

    def get(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]


def match_key(name: str) -> str:
    """How a name is compared: in Simplified script, spacing unified (case is kept: "Haven" is not
    "haven")."""
    return re.sub(r"\s+", " ", convert(name, SIMPLIFIED)).strip()


def fold_case(text: str) -> str:
    """`text` in lower case, character by character, so that offsets carry over (how `not_names`
    phrases are compared: "An Apple a Day" is "an apple a day")."""
    return "".join(_fold_char(ch) for ch in text)


def _fold_char(ch: str) -> str:
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "\u00c0" <= ch <= "\u024f"


def _is_katakana(ch: str) -> bool:
    """A katakana letter or length mark; the middle dot ・ separates words and is not one."""
    return ("\u30a1" <= ch <= "\u30fa" or "\u30fc" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff"
            or "\uff66" <= ch <= "\uff9f")


def _is_hangul(ch: str) -> bool:
    return ("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
            or "\ua960" <= ch <= "\ua97f" or "\ud7b0" <= ch <= "\ud7ff")


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a word of its own script, so may be a name there.

    Latin letters and digits: the name must not continue a word on either side ("Amazon" is not in
    "Amazonas", "Haven" is not in "Bremerhaven"). Katakana: the name must not continue a katakana word
    on either side (アマゾン is not in a longer katakana word; the middle dot ・ separates words, so
    アマゾン・ジャパン holds アマゾン). Hangul: the name must begin a word, while its end stays open,
    since Korean attaches particles after a name (카카오는 holds 카카오, 온라인 does not hold 라인).
    Chinese characters have no word boundaries: `not_names` and `context` guard those names."""
    first, last = text[start], text[end - 1]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _is_latin(first) and before and _is_latin(before):
        return False
    if _is_latin(last) and after and _is_latin(after):
        return False
    if _is_katakana(first) and before and _is_katakana(before):
        return False
    if _is_katakana(last) and after and _is_katakana(after):
        return False
    if _is_hangul(first) and before and _is_hangul(before):
        return False
    return True


_LOADED: dict[tuple[bytes, frozenset[str]], Registry] = {}


def load_registry(path: Path, article_files: set[str]) -> Registry:
    """The registry in `path`, validated. The same file and articles give the very same object, so
    that pages built from it are reused across `mkdocs serve` rebuilds."""
    try:
        key = (hashlib.sha256(path.read_bytes()).digest(), frozenset(article_files))
    except OSError:
        return _load_registry(path, article_files)  # which names the file in its error
    if key not in _LOADED:
        _LOADED.clear()  # keep only the latest
        _LOADED[key] = _load_registry(path, article_files)
    return _LOADED[key]


def _load_registry(path: Path, article_files: set[str]) -> Registry:
    document = load_yaml(path)
    validate(document, SCHEMA)
    raw = document.data["entities"] or {}
    _check_references(document, raw, article_files)
    _check_names_unique(document, raw)
    _check_not_names(document, raw)
    return Registry(tuple(_entity(entity_id, spec) for entity_id, spec in raw.items()))


def _check_references(document: YamlDocument, raw: dict, article_files: set[str]) -> None:
    for entity_id, spec in raw.items():
        for n, event in enumerate(spec.get("events", [])):
            _check_date(document, ["entities", entity_id, "events", n, "date"], event["date"])
            _check_sources(document, ["entities", entity_id, "events", n], event["sources"], article_files)
        for n, relation in enumerate(spec.get("relations", [])):
            if relation["target"] not in raw:
                raise document.error(["entities", entity_id, "relations", n, "target"],
                                     f"unknown entity id '{relation['target']}'")
            _check_sources(document, ["entities", entity_id, "relations", n], relation["sources"], article_files)
            if "date" in relation:
                _check_date(document, ["entities", entity_id, "relations", n, "date"], relation["date"])
        for n, person in enumerate(spec.get("people", [])):
            _check_sources(document, ["entities", entity_id, "people", n], person["sources"], article_files)
        if "headquarters" in spec:
            _check_sources(document, ["entities", entity_id, "headquarters"], spec["headquarters"]["sources"],
                           article_files)
        for n, context in enumerate(spec.get("context", [])):
            if context != "any" and context not in raw:
                raise document.error(["entities", entity_id, "context", n], f"unknown entity id '{context}'")


def _check_date(document: YamlDocument, field: list, value: str) -> None:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise document.error(field, f"not a calendar date: {value}") from None


def _check_sources(document: YamlDocument, field: list, sources: list[str], article_files: set[str]) -> None:
    for n, source in enumerate(sources):
        if source not in article_files:
            raise document.error(field + ["sources", n], f"no such article under seeds/articles/: {source}")


def _check_names_unique(document: YamlDocument, raw: dict) -> None:
    owner: dict[str, str] = {}
    for entity_id, spec in raw.items():
        fields = [("names", language, names) for language, names in spec["names"].items()]
        fields += [(field, None, spec.get(field, [])) for field in ("aliases", "mistranslations")]
        for field, language, names in fields:
            for n, name in enumerate(names):
                key = match_key(name)
                if owner.setdefault(key, entity_id) != entity_id:
                    path = ["entities", entity_id, field] + ([language] if language else []) + [n]
                    raise document.error(path, f"name '{name}' already belongs to entity '{owner[key]}'")


def _check_not_names(document: YamlDocument, raw: dict) -> None:
    """Each phrase must hold one of its entity's names, standing as a word there (else it could never
    stop a link), and must not be one of those names itself (else it would stop them all)."""
    for entity_id, spec in raw.items():
        names = [name for names in spec["names"].values() for name in names]
        names += spec.get("aliases", []) + spec.get("mistranslations", [])
        keys = {fold_case(match_key(name)) for name in names}
        for n, phrase in enumerate(spec.get("not_names", [])):
            key = fold_case(match_key(phrase))
            field = ["entities", entity_id, "not_names", n]
            if key in keys:
                raise document.error(field, f"'{phrase}' is one of the entity's own names")
            if not any(_holds_word(key, name) for name in keys):
                raise document.error(field, f"'{phrase}' holds none of the entity's names as a word")


def _holds_word(phrase: str, name: str) -> bool:
    start = phrase.find(name)
    while start >= 0:
        if stands_alone(phrase, start, start + len(name)):
            return True
        start = phrase.find(name, start + 1)
    return False


def _entity(entity_id: str, spec: dict) -> Entity:
    names = {language: tuple(values) for language, values in spec["names"].items()}
    if "zh-Hans" in names and "zh-Hant" not in names:
        names["zh-Hant"] = tuple(dict.fromkeys(convert(name, TRADITIONAL) for name in names["zh-Hans"]))
    return Entity(
        id=entity_id,
        type=spec["type"],
        name=spec["name"],
        description=spec["description"],
        names={language: names[language] for language in LANGUAGES if language in names},
        aliases=tuple(spec.get("aliases", [])),
        mistranslations=tuple(spec.get("mistranslations", [])),
        context=tuple(spec.get("context", [])),
        events=tuple(Event(e["date"], e["type"], e["description"], tuple(e["sources"])) for e in spec.get("events", [])),
        relations=tuple(Relation(r["type"], r["target"], tuple(r["sources"]), r.get("date"), r.get("amount"),
                                 r.get("announced", False)) for r in spec.get("relations", [])),
        not_names=tuple(spec.get("not_names", [])),
        overview=spec.get("overview"),
        headquarters=_sourced(spec["headquarters"], "place") if "headquarters" in spec else None,
        people=tuple(_sourced(person, "name") for person in spec.get("people", [])),
    )


def _sourced(spec: dict, value: str) -> Sourced:
    return Sourced(spec[value], tuple(spec["sources"]), spec.get("role"), spec.get("as_written"))


def merged_events(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events without doubles: one event of a type at a year and at a month of that year (or a month
    and a day of it) is one event, kept at the more precise date, with the sources of both."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: (e.type, -len(e.date), e.date)):
        same = next((k for k in kept if k.type == event.type and k.date.startswith(event.date)), None)
        if same:
            kept[kept.index(same)] = Event(same.date, same.type, same.description,
                                           tuple(dict.fromkeys(same.sources + event.sources)))
        else:
            kept.append(event)
    return tuple(sorted(kept, key=lambda e: (e.date, e.type)))
