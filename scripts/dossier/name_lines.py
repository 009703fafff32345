"""Names on lines of their own, as a page sets its writer apart from a byline's marker: a name line, perhaps with
the person's role or handle after it (`name_line`); a handle alone (`HANDLE_LINE`); the name over a bio that
opens with it (`bio_name`); a sign-off after the last paragraph (`sign_off_name`). The shape of a person's name,
per script, is in `person_names`; bylines with their markers, in `bylines`.
"""

from __future__ import annotations

import re

from .meta_lines import CJK_CHAR, is_prose, is_role
from .meta_vocabulary import VOCABULARY
from .people import people
from .person_names import person_name
from .places import is_place
from .thresholds import META_LINES


def name_line(text: str) -> str | None:
    """The name a line of a name gives: the line, when it is a person's name or several people's; the name,
    when it gives a credential after it ("Marisa Okafor, PharmD") or the person's role ("Danny Reeve, Consumer
    Tech Reporter", "Harriet Ashdown Health policy editor": two or three words of a name, then a few words that
    end in a role word)."""
    if person_name(text):  # (words of a script without capitals are a name only after a byline's marker)
        return text.strip()
    names = people(text)  # "Kadri Tamm, Mart Lepik", "Hennie Botha en Marelize van der Merwe": several
    if len(names) > 1 and not any(map(is_place, names)):  # (never "New York, Los Angeles")
        return text.strip()
    if names != [text.strip()] and person_name(names[0]):  # "Marisa Okafor, PharmD": without the credential
        return names[0]
    handle = _SOCIAL_HANDLE.search(text)  # "Ravi Dhaliwal @ravidhal": the name, then where to follow them
    if handle and person_name(text[: handle.start()]):
        return text[: handle.start()].strip()
    head, comma, role = text.partition(",")
    if comma and person_name(head) and is_role_phrase(role):
        return head.strip()
    words = text.split()
    for size in (2, 3):  # "Harriet Ashdown" before "Harriet Ashdown Health"
        name, role_words = " ".join(words[:size]), words[size:]
        # Without a comma, a role of two words at least, one in lower case: "Amazon Fires Its Health Editor"
        # is a headline in title case.
        if len(role_words) > 1 and any(word.islower() for word in role_words) and person_name(name) \
                and is_role_phrase(" ".join(role_words)):
            return name
    return None


# (from where a run of spaces starts, a bar only after it: one way to read a run of spaces, linear)
_SOCIAL_HANDLE = re.compile(r"(?<!\s)\s+(?:[|·•]\s*)?@\w{1,30}\s*$")
# A writer's handle on a line of its own, under their name, perhaps in brackets ("@miriamkessler", "(@DWhitcombeNCI)").
HANDLE_LINE = re.compile(r"[(（]?@(\w[\w.]{0,29})[)）]?")


def is_role_phrase(text: str) -> bool:
    """A role ("Consumer Tech Reporter", "Director of Clinical Programs") or a desk ("dział Firmy"): a few
    words, the last a role, or the first a desk's, or a title in capitals as a byline gives it ("Director",
    not a caption's "chief executive of Amazon")."""
    words = text.split()
    if not 0 < len(words) <= META_LINES.role_phrase_max_words:
        return False
    first = words[0].casefold()
    return is_role(words[-1]) or first in VOCABULARY.desk_words or (
        words[0][:1].isupper() and first in VOCABULARY.role_openers)


def bio_name(line: str, following: str) -> str | None:
    """The author a name line and the bio under it give: a line that is only a person's name, followed
    by a paragraph that opens with that name ("Jane Doe" / "Jane Doe covers health policy for …")."""
    name = line.strip()
    if not person_name(name) or not is_prose(following):
        return None
    rest = following.strip()
    return name if rest.startswith(name) and rest[len(name): len(name) + 1] in (" ", ",") else None


_TRAILING_CREDIT = re.compile(r"\s*[(（][^()（）]{1,40}[)）]\s*$")


def sign_off_name(text: str, page_text: str = "") -> str | None:
    """The name a sign-off gives: a line after the article's last paragraph that is a person's name,
    with perhaps the source it drew on in brackets ("Jana Horák (podle agentur)"). Never a name all of
    whose words the page also writes in lowercase ("Related Articles", "Read More": ordinary words; a
    name may share one word with the language, as Vietnamese and Spanish given names do)."""
    name = _TRAILING_CREDIT.sub("", text.strip())
    if not person_name(name) or CJK_CHAR.search(name):
        return None
    words = [word.strip(".") for word in name.split() if word[:1].isupper()]
    if all(re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", page_text) for word in words):
        return None
    return name
