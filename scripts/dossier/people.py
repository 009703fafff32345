"""The people an author's line names: "Lucía Ferrer y Andrés Molina", "Marcus Lee and Hannah Brandt",
"Ana Ruiz, Tom Baker & Li Wei" are two or three people, written on the site as a list ("Marcus Lee, Hannah
Brandt", whatever the page's language joined them with) and to BibTeX one by one. A name is split only when
every part is a person's name of two words or more: "José Ortega y Gasset", "Research and Markets" and
"Reuters, Health desk" stay one author each."""

from __future__ import annotations

import re

from .meta_vocabulary import VOCABULARY
from .person_names import person_name_in_any_case

_CONJUNCTION = "|".join(map(re.escape, VOCABULARY.people_conjunctions))
# ", ", " and ", ", and " (a serial comma), " & "; the parts are stripped, so the spaces around a separator
# need no matching, and a conjunction's are matched from where their run starts (linear on a run of spaces)
# (and a middle dot, as research notes list their analysts: "Wei Lin Tan, CFA · Marco De Santis")
_BETWEEN_PEOPLE = re.compile(rf",\s*(?:(?:{_CONJUNCTION})\s+)?|(?<!\s)\s+(?:{_CONJUNCTION})\s+|&|·")
SEPARATOR = ", "


def people(author: str) -> list[str]:
    """The people `author` names, in its order, without the credentials after their names ("Jane Doe, MD");
    `[author]` when it names one with none (or they cannot be told apart)."""
    parts = [part.strip() for part in _BETWEEN_PEOPLE.split(author.strip())]
    names = [part for part in parts if part.casefold() not in VOCABULARY.credentials]
    credentialed = len(names) < len(parts)
    # (a wire's byline in capitals, "MARGARET OYELARAN and DEVIN KOWALCZYK", is read as its names)
    if names and (len(names) > 1 or credentialed) \
            and all(len(name.split()) > 1 and person_name_in_any_case(name) for name in names):
        return names
    return [author.strip()]


def listed(author: str | None) -> str | None:
    """`author` as the site writes it: its people joined by `SEPARATOR`."""
    return SEPARATOR.join(people(author)) if author else author
