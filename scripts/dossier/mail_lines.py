"""An article that reached the corpus by e-mail: the header's fields, and a forward's note above the message it
forwards. Two line rules, run before the others on plain text and Markdown alike."""

from __future__ import annotations

import re

from .cleaning_vocabulary import CleaningVocabulary
from .line_rules import LineRuleFunction, Lines, is_prose
from .thresholds import CLEANING

_EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def remove_forwarded_note(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """A forwarded e-mail ("---------- Forwarded message ---------", "Begin forwarded message:"): what stands
    above its last marker is the forwarder's (their note, their signature, their own header), when the
    forwarded message below it holds prose."""
    kept = lines.kept_nonblank()
    markers = [n for n, i in enumerate(kept) if vocabulary.is_forward_marker(lines.text(i))]
    if markers and any(is_prose(lines.text(i)) for i in kept[markers[-1] + 1 :]):
        lines.remove("forwarded_note", kept[: markers[-1] + 1])


def remove_mail_headers(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """An e-mail's header: a run of lines that each open with a field's name ("From:", "Betreff:", "件名："),
    two or more with a sender's address among them, or more than two. Its subject and date are said again
    by the message ("Subject:" over an interview's "A:" is no header)."""
    kept = lines.kept_nonblank()
    run: list[int] = []
    for i in [*kept, None]:
        if i is not None and vocabulary.is_mail_header(lines.text(i)) and (not run or i == run[-1] + 1):
            run.append(i)
            continue
        addressed = any(_EMAIL_ADDRESS.search(lines.text(j)) for j in run)
        if len(run) > CLEANING.mail_header_min_fields or (len(run) == CLEANING.mail_header_min_fields and addressed):
            lines.remove("mail_header", run)
        run = [i] if i is not None and vocabulary.is_mail_header(lines.text(i)) else []


MAIL_RULES: tuple[LineRuleFunction, ...] = (remove_forwarded_note, remove_mail_headers)
