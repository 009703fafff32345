"""The entity registry's file (`seeds/entities.yml`), loaded into `registry.Registry` records and
validated on load: an unknown id, a name claimed by two entities, a `not_names` phrase that holds none of
the entity's names or a malformed date fails with file, line and field."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Literal, Required, TypedDict

from .chinese import TRADITIONAL, convert
from .curated_yaml import YamlDocument, load_yaml, validate
from .entity_names import CASE_ENDINGS, fold_case, link_key, word_end
from .registry import (
    ENTITY_TYPES,
    LANGUAGES,
    RELATION_TYPES,
    Entity,
    EntityType,
    Event,
    Language,
    Registry,
    Relation,
    RelationType,
    Sourced,
)

FieldPath = list[str | int]  # where a value stands in the file: keys and list positions


class EventSpec(TypedDict):
    date: str
    type: str
    description: str
    sources: list[str]


class RelationSpec(TypedDict, total=False):
    type: Required[RelationType]
    target: Required[str]
    sources: Required[list[str]]
    date: str
    amount: str
    announced: bool


class SourcedSpec(TypedDict, total=False):
    """A headquarters (its `place`) or a person (their `name` and `role`), with the articles stating it."""

    place: str
    name: str
    role: str
    as_written: str
    sources: Required[list[str]]


class EntitySpec(TypedDict, total=False):
    """One entity as the file writes it, once SCHEMA has checked it."""

    type: Required[EntityType]
    name: Required[str]
    description: Required[str]
    names: Required[dict[Language, list[str]]]
    aliases: list[str]
    mistranslations: list[str]
    context: list[str]
    unambiguous: list[str]
    given_names: list[str]
    not_names: list[str]
    overview: str
    headquarters: SourcedSpec
    people: list[SourcedSpec]
    events: list[EventSpec]
    relations: list[RelationSpec]


_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z"  # ASCII digits: \d would take any script's ("٢٠٢٢")
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
            "propertyNames": {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*\Z"},
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
                    "unambiguous": _NAMES,
                    "given_names": _NAMES,
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


def load_registry(path: Path, article_files: set[str]) -> Registry:
    """The registry in `path`, validated against the schema and the articles' file names
    (`Registry.digest` names its content: caches and the page memo key on it)."""
    document = load_yaml(path)
    validate(document, SCHEMA)
    raw: dict[str, EntitySpec] = document.data["entities"] or {}  # the shape SCHEMA checked
    _check_references(document, raw, article_files)
    _check_names_unique(document, raw)
    _check_not_names(document, raw)
    return Registry(tuple(_entity(entity_id, spec) for entity_id, spec in raw.items()))


def _check_references(document: YamlDocument, raw: dict[str, EntitySpec], article_files: set[str]) -> None:
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
        own_names = {name for names in spec["names"].values() for name in names} | set(spec.get("aliases", []))
        named = {"unambiguous": spec.get("unambiguous", []), "given_names": spec.get("given_names", [])}
        for field, listed in named.items():
            for n, name in enumerate(listed):
                if name not in own_names:
                    raise document.error(["entities", entity_id, field, n], f"not one of its names: '{name}'")


def _check_date(document: YamlDocument, field: FieldPath, value: str) -> None:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise document.error(field, f"not a calendar date: {value}") from None


def _check_sources(document: YamlDocument, field: FieldPath, sources: list[str], article_files: set[str]) -> None:
    for n, source in enumerate(sources):
        if source not in article_files:
            raise document.error([*field, "sources", n], f"no such article under seeds/articles/: {source}")


_WORD_CHAR = re.compile(r"[^\W_]")


def _check_names_unique(document: YamlDocument, raw: dict[str, EntitySpec]) -> None:
    owner: dict[str, str] = {}
    for entity_id, spec in raw.items():
        fields: list[tuple[str, str | None, list[str]]] = [
            ("names", language, names) for language, names in spec["names"].items()]
        fields += [("aliases", None, spec.get("aliases", [])),
                   ("mistranslations", None, spec.get("mistranslations", []))]
        for field, language, names in fields:
            for n, name in enumerate(names):
                key = link_key(name)  # as the linker tells names apart
                path: FieldPath = ["entities", entity_id, field, *([language] if language else []), n]
                if not _WORD_CHAR.search(name):  # "." or "&" would link every full stop or ampersand
                    raise document.error(path, f"name '{name}' holds no letter or digit")
                if owner.setdefault(key, entity_id) != entity_id:
                    raise document.error(path, f"name '{name}' already belongs to entity '{owner[key]}'")


def _check_not_names(document: YamlDocument, raw: dict[str, EntitySpec]) -> None:
    """Each phrase must hold one of its entity's names, standing as a word there (else it could never
    stop a link), and must not be one of those names itself (else it would stop them all)."""
    for entity_id, spec in raw.items():
        names = [name for names in spec["names"].values() for name in names]
        names += spec.get("aliases", []) + spec.get("mistranslations", [])
        keys = {fold_case(link_key(name)) for name in names}
        for n, phrase in enumerate(spec.get("not_names", [])):
            key = fold_case(link_key(phrase))
            field: FieldPath = ["entities", entity_id, "not_names", n]
            if key in keys:
                raise document.error(field, f"'{phrase}' is one of the entity's own names")
            if not any(_holds_word(key, name) for name in keys):
                raise document.error(field, f"'{phrase}' holds none of the entity's names as a word")


def _holds_word(phrase: str, name: str) -> bool:
    """Whether `name` stands in `phrase` as a word, or with a case ending some language writes onto it
    ("Amazonin sademetsä", the Amazon rainforest in Finnish)."""
    start = phrase.find(name)
    while start >= 0:
        if any(word_end(phrase, start, start + len(name), language) is not None for language in ("und", *CASE_ENDINGS)):
            return True
        start = phrase.find(name, start + 1)
    return False


def _entity(entity_id: str, spec: EntitySpec) -> Entity:
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
        unambiguous=tuple(spec.get("unambiguous", [])),
        given_names=tuple(spec.get("given_names", [])),
        events=tuple(Event(e["date"], e["type"], e["description"], tuple(e["sources"]))
                     for e in spec.get("events", [])),
        relations=tuple(Relation(r["type"], r["target"], tuple(r["sources"]), r.get("date"), r.get("amount"),
                                 r.get("announced", False)) for r in spec.get("relations", [])),
        not_names=tuple(spec.get("not_names", [])),
        overview=spec.get("overview"),
        headquarters=_sourced(spec["headquarters"], "place") if "headquarters" in spec else None,
        people=tuple(_sourced(person, "name") for person in spec.get("people", [])),
    )


def _sourced(spec: SourcedSpec, value: Literal["place", "name"]) -> Sourced:
    return Sourced(spec[value], tuple(spec["sources"]), spec.get("role"), spec.get("as_written"))
