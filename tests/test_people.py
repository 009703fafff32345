"""The people an author's line names, and how the site lists them."""

import pytest

from dossier.people import listed, people


@pytest.mark.parametrize(("author", "named"), [
    ("Marcus Lee and Hannah Brandt", ["Marcus Lee", "Hannah Brandt"]),
    ("Katrin Vollmer und Jonas Reiter", ["Katrin Vollmer", "Jonas Reiter"]),
    ("Lucía Ferrer y Andrés Molina", ["Lucía Ferrer", "Andrés Molina"]),
    ("Tomáš Hrubeš a Jana Nová", ["Tomáš Hrubeš", "Jana Nová"]),
    ("Ana Ruiz, Tom Baker, and Li Wei", ["Ana Ruiz", "Tom Baker", "Li Wei"]),  # a serial comma
    ("Ana Ruiz, Tom Baker & Li Wei", ["Ana Ruiz", "Tom Baker", "Li Wei"]),
    ("MARGARET OYELARAN and DEVIN KOWALCZYK", ["MARGARET OYELARAN", "DEVIN KOWALCZYK"]),  # a wire's capitals
    # a research note's analysts between middle dots; credentials after a name are no part of it
    ("Wei Lin Tan, CFA · Marco De Santis", ["Wei Lin Tan", "Marco De Santis"]), ("Jane Doe, MD", ["Jane Doe"]),
    ("Anna Schmidt, PhD, and Jonas Reiter, MBA", ["Anna Schmidt", "Jonas Reiter"]),
    # one author each: a name with a particle, a company, a desk, "Last, First", a name in Han
    ("José Ortega y Gasset", ["José Ortega y Gasset"]),
    ("Research and Markets", ["Research and Markets"]),
    ("Reuters, Health desk", ["Reuters, Health desk"]),
    ("Lee, Marcus", ["Lee, Marcus"]),
    ("陈思远", ["陈思远"]),
])
def test_people(author, named):
    assert people(author) == named


def test_the_site_lists_people_whatever_joined_them():
    assert listed("Lucía Ferrer y Andrés Molina") == "Lucía Ferrer, Andrés Molina"
    assert listed("Research and Markets") == "Research and Markets"
    assert listed(None) is None
