"""mail_lines: an article that came by e-mail, without its header or the forwarder's note."""

import pytest

from dossier.clean import clean
from dossier.line_rules import Lines
from dossier.mail_lines import remove_forwarded_note, remove_mail_headers
from dossier.records import DecodedText

ARTICLE = [
    "Amazon closes its purchase of One Medical",
    "Amazon said on Wednesday that it had closed its purchase of One Medical, the primary care chain, for about "
    "3.9 billion dollars including debt, seven months after it agreed to buy it.",
    "The company said One Medical would keep its name and its chief executive.",
]


def kept(lines: Lines) -> list[str]:
    return [lines.raw[i] for i in lines.kept_nonblank()]


def test_the_forwarders_note_above_the_forwarded_message_is_removed(vocabulary):
    lines = Lines.of("\n".join(["From: Priya Raman <praman@example.org>", "Subject: Fwd: the One Medical deal", "",
                                "Oscar - this is the piece I mentioned on the call.", "", "Priya", "--",
                                "---------- Forwarded message ---------", *ARTICLE]))
    remove_forwarded_note(lines, vocabulary)
    assert kept(lines) == ARTICLE
    assert {r.rule for r in lines.removals} == {"forwarded_note"}


@pytest.mark.parametrize("marker", ["Begin forwarded message:", "-------- Ursprüngliche Nachricht --------",
                                    "----- Message transféré -----"])
def test_forward_markers_in_more_mail_programs_and_languages(vocabulary, marker):
    lines = Lines.of("\n".join(["My note on this one.", marker, *ARTICLE]))
    remove_forwarded_note(lines, vocabulary)
    assert kept(lines) == ARTICLE


def test_a_forwarded_email_an_article_quotes_in_its_middle_leaves_the_article_whole(vocabulary):
    page = [*ARTICLE, "The e-mail, which the paper has seen, reads in full:", "-----Original Message-----",
            "From: J. Doe", "We will close the clinics at the end of the year."]
    lines = Lines.of("\n".join(page))
    remove_forwarded_note(lines, vocabulary)
    assert kept(lines) == page


def test_a_marker_with_no_prose_under_it_leaves_the_page_as_it_is(vocabulary):
    # The article above, a forward's marker at the foot with only its header under it: nothing was forwarded.
    page = [*ARTICLE, "---------- Forwarded message ---------", "From: Jane <jane@example.org>"]
    lines = Lines.of("\n".join(page))
    remove_forwarded_note(lines, vocabulary)
    assert kept(lines) == page


@pytest.mark.parametrize("header, removed", [
    (["From: Harbor Examiner <news@example.org>", "Date: Wed, Feb 22, 2023 at 6:41 PM"], True),
    (["Von: Redaktion <redaktion@example.de>", "Gesendet: Mittwoch, 22. Februar 2023", "Betreff: Amazon"], True),
    (["差出人: 編集部 <henshu@example.jp>", "件名: アマゾン", "日時: 2023年2月22日"], True),
    # an interview's question and answer, a memo an article quotes (no address), a line that names a date
    (["Subject: what patients want", "A: Lower prices, and a doctor who calls back."], False),
    (["Date: 14 March 2023", "To: all Ohio members", "Subject: video visits"], False),
    (["Date: 22 February 2023"], False),
])
def test_an_email_header_is_a_run_of_fields(vocabulary, header, removed):
    lines = Lines.of("\n".join([*header, *ARTICLE]))
    remove_mail_headers(lines, vocabulary)
    assert kept(lines) == (ARTICLE if removed else [*header, *ARTICLE])


def test_a_forwarded_newsletter_is_its_article(vocabulary):
    text = "\n".join(["From: Priya Raman <praman@example.org>", "Sent: Thursday, February 23, 2023 8:14 AM",
                      "Subject: Fwd: Amazon closes its purchase of One Medical", "",
                      "Oscar - this is the piece I mentioned. Read the bit about the FTC before Monday.", "",
                      "---------- Forwarded message ---------", "From: Harbor Examiner <news@example.org>",
                      "Date: Wed, Feb 22, 2023 at 6:41 PM", "Subject: Amazon closes its purchase of One Medical", "",
                      *ARTICLE])
    result = clean(DecodedText("seeds/articles/mail.txt", "0" * 64, text, "utf-8"), vocabulary)
    assert result.title == ARTICLE[0]
    assert [block.text for block in result.blocks] == ARTICLE[1:]
