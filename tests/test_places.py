"""places: a city's name in any of its languages and scripts, a country's, a state's is a place; people's names
are not."""

import pytest

from dossier.places import is_place, without_place


@pytest.mark.parametrize(("line", "place"), [
    ("Barcelona", True), ("São Paulo", True), ("Nueva York", True), ("Нью-Йорк", True), ("ঢাকা", True),
    ("New York,", True),  # as a dateline sets it out
    ("United States", True), ("Kenya", True), ("New Jersey", True),  # a country, a state of the United States
    ("Laia Ferrer i Puig", False), ("Rafael Bittencourt", False), ("Thijs van Dam", False), ("Health Tech", False),
])
def test_a_citys_countrys_or_states_name_is_a_place(line, place):
    assert is_place(line) is place


@pytest.mark.parametrize(("name", "without"), [
    ("Carlos Méndez Vila. Nueva York", "Carlos Méndez Vila"), ("Jane Doe, Seattle", "Jane Doe"),
    ("Reuters, Health desk", "Reuters, Health desk"), ("Jane Doe", "Jane Doe"),
    ("Ana M. Santos", "Ana M. Santos"),  # an initial's full stop, before a surname that is also a city's
])
def test_a_bylines_place_is_not_part_of_the_name(name, without):
    assert without_place(name) == without
