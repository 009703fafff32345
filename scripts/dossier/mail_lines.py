"""An article that reached the corpus by e-mail: the header's fields, and a forward's note above the message it
forwards. Two line rules, run before the others on plain text and Markdown alike."""

from __future__ import annotations

from itertools import groupby

from .cleaning_vocabulary import CleaningVocabulary
from .line_rules import LineRuleFunction, Lines, is_prose
from .thresholds import CLEANING
from .web_addresses import EMAIL_ADDRESS


def remove_forwarded_note(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """A forwarded e-mail ("---------- Forwarded message ---------", "Begin forwarded message:"): what stands
    above its last marker is the forwarder's (their note, their signature, their own header), when the marker
    stands near the top and the forwarded message below it holds more prose than the note (an article that
    quotes a forwarded e-mail in its middle keeps its text)."""
    kept = lines.kept_nonblank()
    head = kept[: CLEANING.forward_marker_max_line]
    markers = [n for n, i in enumerate(head) if vocabulary.is_forward_marker(lines.text(i))]
    if not markers:
        return
    note = sum(len(lines.text(i)) for i in kept[: markers[-1]])
    forwarded = sum(len(text) for i in kept[markers[-1] + 1 :] if is_prose(text := lines.text(i)))
    if forwarded > note:
        lines.remove("forwarded_note", kept[: markers[-1] + 1])


def remove_mail_headers(lines: Lines, vocabulary: CleaningVocabulary) -> None:
    """An e-mail's header: a run of two or more lines that each open with a field's name ("From:", "Betreff:",
    "件名："), an address among them. Its subject and date are said again by the message ("Subject:" over an
    interview's "A:" is no header)."""
    fields = [i for i in lines.kept_nonblank() if vocabulary.is_mail_header(lines.text(i))]
    for _, numbered in groupby(enumerate(fields), key=lambda item: item[1] - item[0]):  # runs of adjacent lines
        run = [i for _, i in numbered]
        # (with a sender's or a recipient's address: a memo an article quotes, "Date: … / To: all members", has none)
        if len(run) >= CLEANING.mail_header_min_fields and any(EMAIL_ADDRESS.search(lines.text(i)) for i in run):
            lines.remove("mail_header", run)


MAIL_RULES: tuple[LineRuleFunction, ...] = (remove_forwarded_note, remove_mail_headers)
