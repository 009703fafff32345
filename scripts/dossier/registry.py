"""The entity registry as records: companies, ventures and products (`Entity`), their names in every
language and script, the phrases in which a name means something else, and the dated events and
relations the articles state. `registry_loader` reads them from `seeds/entities.yml`, validated;
`entity_names` says what counts as one occurrence of a name."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_args

EntityType = Literal["company", "venture", "joint venture", "product", "health system", "insurer", "pharmacy",
                     "EHR vendor", "telehealth"]
RelationType = Literal["parent", "acquired by", "joint venture of", "partner", "competitor", "customer",
                       "built on"]
# The languages and scripts (BCP 47) in which an entity's names are curated, in the order pages list them.
Language = Literal["en", "zh-Hans", "zh-Hant", "ja", "ko", "de", "fr", "es", "it", "pt"]

ENTITY_TYPES: list[EntityType] = list(get_args(EntityType))
RELATION_TYPES: list[RelationType] = list(get_args(RelationType))
LANGUAGES: list[Language] = list(get_args(Language))


@dataclass(frozen=True)
class Event:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    type: str  # free text: "acquired", "launched", "closed" …
    description: str
    sources: tuple[str, ...]  # article file names


@dataclass(frozen=True)
class Relation:
    type: RelationType
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
    type: EntityType
    name: str
    description: str
    names: dict[Language, tuple[str, ...]]  # zh-Hant derived when not curated
    aliases: tuple[str, ...]
    mistranslations: tuple[str, ...]
    context: tuple[str, ...]  # entity ids, or "any"
    events: tuple[Event, ...]
    relations: tuple[Relation, ...]
    not_names: tuple[str, ...] = ()  # phrases holding one of the names that mean something else
    unambiguous: tuple[str, ...] = ()  # names that need no context though the entity has one
    given_names: tuple[str, ...] = ()  # names that are also people's first names ("Alexa", "Ada")
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

    @cached_property
    def _by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}

    def get(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    @cached_property
    def digest(self) -> str:
        """What the registry holds, as a SHA-256 (hex) of a canonical JSON dump of its entities: equal
        registries have equal digests whatever object holds them, so a cache can key on it."""
        entities = [dataclasses.asdict(entity) for entity in self.entities]
        dump = json.dumps(entities, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(dump.encode("utf-8")).hexdigest()


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
