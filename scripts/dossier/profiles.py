"""Profiles: what the dossier knows of one entity, as an encyclopedia entry with sources.

A profile holds a facts box (type, parent, founded, status, headquarters, key people), the curated
overview, the dated events of the entity and of the ventures it owns, its relations phrased from its
own side, and what the sources say: whole sentences of the prose paragraphs that name it (cut with
the per-article stages, `quotations`). Every fact cites the articles that state it, down to the
paragraph where one names all it is about (and, for a dated fact, its year)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TypedDict

from .chinese import SIMPLIFIED, convert
from .quotations import quotations
from .records import Article, Quotation
from .registry import ENTITY_TYPES, Entity, Event, Registry, Relation, Sourced, merged_events

# How a relation reads from each side: (from the entity that holds it, from its target).
RELATION_PHRASES = {
    "parent": ("operated by", "operates"),
    "acquired by": ("acquired by", "acquired"),
    "joint venture of": ("joint venture of", "co-founder of the joint venture"),
    "partner": ("partner of", "partner of"),
    "competitor": ("competitor of", "competitor of"),
    "customer": ("customer of", "provider to"),
    "built on": ("built on", "the basis of"),
}
ANNOUNCED_PHRASES = {"acquired by": ("agreed to be acquired by", "agreed to acquire")}
# Relations that make the target the owner: its profile shows the owned entity's events too.
OWNERSHIP = ("parent", "acquired by", "joint venture of")
PARENT_LABELS = {"parent": "Parent", "acquired by": "Owner", "joint venture of": "Joint venture of"}
FOUNDING_EVENTS = ("founded", "launched")
STATUS_EVENTS = ("closed", "closure announced", "acquired", "acquisition announced")


def type_label(kind: str) -> str:
    """An entity type as a heading: first letter up, acronyms kept ("EHR vendor", "Joint venture")."""
    return kind[:1].upper() + kind[1:]


# --- citations ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    """One source of a fact: an article, and the paragraph that states it when one can be told."""

    article: Article | None
    file: str
    block: int | None = None


def _paragraph(article: Article, entities: tuple[str, ...], hint: str | None) -> int | None:
    """The first paragraph that names every one of `entities` (and holds `hint`, when given)."""
    blocks: dict[int, set[str]] = defaultdict(set)
    for mention in article.mentions:
        blocks[mention.block].add(mention.entity)
    own = article.normalized.renditions[0].blocks
    key = convert(hint, SIMPLIFIED) if hint else None
    for number in sorted(blocks):
        if set(entities) <= blocks[number] and (key is None or key in convert(own[number - 1].text, SIMPLIFIED)):
            return number
    return None


def cite(sources: tuple[str, ...], by_file: dict[str, Article], entities: tuple[str, ...],
         hint: str | None = None) -> tuple[Cite, ...]:
    """`sources` (article files) as citations, each to its paragraph where one states the fact."""
    cites = []
    for source in sources:
        article = by_file.get(source)
        block = _paragraph(article, entities, hint) if article else None
        cites.append(Cite(article, source, block))
    return tuple(cites)


def cited_files(entity: Entity, registry: Registry) -> tuple[str, ...]:
    """Every article file the profile of `entity` cites (what its page shows, besides quotes)."""
    owned = [other for other, _ in _incoming(entity, registry, OWNERSHIP)]
    items: list[Event | Relation | Sourced] = [
        *entity.events, *entity.relations, *entity.people, *(e for o in owned for e in o.events),
        *(r for _, r in _incoming(entity, registry)), *([entity.headquarters] if entity.headquarters else [])]
    return tuple(dict.fromkeys(source for item in items for source in item.sources))


# --- the profile ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    cites: tuple[Cite, ...] = ()
    link: str | None = None  # an entity id the value names


@dataclass(frozen=True)
class DatedEvent:
    date: str
    type: str
    description: str
    cites: tuple[Cite, ...]
    subject: Entity | None = None  # an owned entity the event is about; None: the profile's own


@dataclass(frozen=True)
class RelationLine:
    """A relation as the profile reads it: "<entity> — <phrase> <other>"."""

    phrase: str
    other: Entity
    date: str | None
    amount: str | None
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Profile:
    entity: Entity
    facts: tuple[Fact, ...]
    events: tuple[DatedEvent, ...]
    relations: tuple[RelationLine, ...]


def _incoming(entity: Entity, registry: Registry,
              types: tuple[str, ...] | None = None) -> list[tuple[Entity, Relation]]:
    return [(other, r) for other in registry.entities for r in other.relations
            if r.target == entity.id and (types is None or r.type in types)]


def profile(entity: Entity, registry: Registry, by_file: dict[str, Article]) -> Profile:
    events = merged_events(entity.events)
    return Profile(
        entity,
        _facts(entity, registry, by_file, events),
        _timeline(entity, registry, by_file, events),
        _relations(entity, registry, by_file),
    )


def _event_cites(event: Event, subject: Entity, by_file: dict[str, Article]) -> tuple[Cite, ...]:
    return cite(event.sources, by_file, (subject.id,), event.date[:4])


def _facts(entity: Entity, registry: Registry, by_file: dict[str, Article],
           events: tuple[Event, ...]) -> tuple[Fact, ...]:
    facts = [Fact("Type", type_label(entity.type))]
    for relation in entity.relations:
        if relation.type in OWNERSHIP:
            target = registry.get(relation.target)
            facts.append(Fact(PARENT_LABELS[relation.type], target.name,
                              _relation_cites(entity, relation, by_file), link=target.id))
    founding = events[0] if events and events[0].type in FOUNDING_EVENTS else None  # a later launch is a product's
    if founding:
        facts.append(Fact("Founded", f"{founding.date} ({founding.type})", _event_cites(founding, entity, by_file)))
    status = [e for e in events if e.type in STATUS_EVENTS]
    if status:
        latest = status[-1]
        facts.append(Fact("Status", f"{latest.type}, {latest.date}", _event_cites(latest, entity, by_file)))
    if entity.headquarters:
        facts.append(_sourced_fact("Headquarters", entity.headquarters, entity, by_file))
    facts += [_sourced_fact("Key people", person, entity, by_file) for person in entity.people]
    return tuple(facts)


def _sourced_fact(label: str, fact: Sourced, entity: Entity, by_file: dict[str, Article]) -> Fact:
    value = f"{fact.value}, {fact.role}" if fact.role else fact.value
    return Fact(label, value, cite(fact.sources, by_file, (entity.id,), fact.as_written or fact.value))


def _timeline(entity: Entity, registry: Registry, by_file: dict[str, Article],
              events: tuple[Event, ...]) -> tuple[DatedEvent, ...]:
    """The entity's own events and those of the entities it owns, by date."""
    dated = [DatedEvent(e.date, e.type, e.description, _event_cites(e, entity, by_file)) for e in events]
    owned = {other.id: other for other, _ in _incoming(entity, registry, OWNERSHIP)}
    for other in owned.values():
        dated += [DatedEvent(e.date, e.type, e.description, _event_cites(e, other, by_file), other)
                  for e in merged_events(other.events)]
    return tuple(sorted(dated, key=lambda d: (d.date, d.subject.name if d.subject else "", d.type)))


def _relation_cites(holder: Entity, relation: Relation, by_file: dict[str, Article]) -> tuple[Cite, ...]:
    return cite(relation.sources, by_file, (holder.id, relation.target), relation.date[:4] if relation.date else None)


def _phrase(relation: Relation, side: int) -> str:
    phrases = ANNOUNCED_PHRASES if relation.announced and relation.type in ANNOUNCED_PHRASES else RELATION_PHRASES
    return phrases[relation.type][side]


def _relations(entity: Entity, registry: Registry, by_file: dict[str, Article]) -> tuple[RelationLine, ...]:
    outgoing = [RelationLine(_phrase(r, 0), registry.get(r.target), r.date, r.amount,
                             _relation_cites(entity, r, by_file)) for r in entity.relations]
    incoming = [RelationLine(_phrase(r, 1), other, r.date, r.amount, _relation_cites(other, r, by_file))
                for other, r in _incoming(entity, registry)]
    return tuple(outgoing + incoming)


# --- what the sources say ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceQuote:
    """What one article says about an entity: the sentences that name it, with their anchors."""

    article: Article
    quotation: Quotation

    # Read when a page shows the quote: a build wraps every article's quotations and renders few of them
    # again (wrapping them all eagerly was a sixth of a reload at 1,000 articles).
    @cached_property
    def sentences(self) -> tuple[tuple[int, dict[str, str]], ...]:
        """(block number, {script: sentence}), the article's own script first."""
        return tuple((number, dict(shown)) for number, shown in self.quotation.sentences)

    @property
    def surfaces(self) -> tuple[str, ...]:
        return self.quotation.surfaces

    @property
    def mistranslated(self) -> tuple[str, ...]:
        return self.quotation.mistranslated

    @property
    def more(self) -> int:
        """Further paragraphs that name the entity, beyond those quoted."""
        return self.quotation.more

    @property
    def in_two_scripts(self) -> bool:
        return len(self.article.normalized.renditions) > 1

    @property
    def titles(self) -> dict[str, str]:
        """The article's title in each of its scripts, its own first."""
        return {r.language: r.title for r in self.article.normalized.renditions}


def quotes_of(article: Article) -> dict[str, SourceQuote]:
    """The article's quotations (cut with the per-article stages, or now if they were not), by entity."""
    found = article.quotations if article.quotations is not None else quotations(article)
    return {q.entity: SourceQuote(article, q) for q in found}


# --- the index ------------------------------------------------------------------------------------------


class ProfileIndex(TypedDict):
    """What templates/entities.md.j2 shows."""

    groups: list[tuple[str, list[Entity]]]  # (entity type, its entities)
    unmentioned: list[Entity]
    counts: Counter[str]  # entity id -> mentions
    article_counts: Counter[str]  # entity id -> articles that mention it


def profile_index(registry: tuple[Entity, ...], articles: list[Article], counts: Counter[str]) -> ProfileIndex:
    """The profiles index: the entities some article mentions, grouped by type, most mentioned first;
    then, apart, those no article mentions yet."""
    groups: defaultdict[str, list[Entity]] = defaultdict(list)
    for entity in sorted(registry, key=lambda e: (-counts[e.id], e.name.casefold())):
        if counts[entity.id]:
            groups[entity.type].append(entity)
    return {
        "groups": [(kind, groups[kind]) for kind in ENTITY_TYPES if kind in groups],
        "unmentioned": sorted((e for e in registry if not counts[e.id]), key=lambda e: e.name.casefold()),
        "counts": counts,
        "article_counts": Counter(e for a in articles for e in a.entities),
    }
