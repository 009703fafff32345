"""wrapping: the width a page was wrapped at, told by where its long lines break."""

import textwrap
from itertools import pairwise

from dossier.wrapping import is_wrapped_prose, wrap_width

FRENCH = "La compagnie a indiqué que la décision n’avait aucun lien avec ses autres acquisitions récentes."


LONG_PARAGRAPHS = [FRENCH * 3, FRENCH[:60] * 4, FRENCH * 2 + FRENCH[:40]]


def pairs(lines):
    return list(pairwise(lines))


def test_a_text_wrapped_at_one_width_is_told_by_where_its_lines_break():
    wrapped = [line for paragraph in LONG_PARAGRAPHS for line in [*textwrap.wrap(paragraph, 72), ""]]
    width = wrap_width(pairs(wrapped))
    assert width is not None and all(len(line) <= width for line in wrapped)
    assert width < 72 + 1 + max(map(len, FRENCH.split()))


def test_a_text_of_one_paragraph_a_line_is_wrapped_at_no_width():
    assert wrap_width(pairs([FRENCH * n for n in (1, 2, 3, 1, 2)] + [FRENCH])) is None
    # paragraphs of about one length, a line each: longer than any width text is wrapped at
    assert wrap_width(pairs([FRENCH * 2 + "." * (n % 2) for n in range(7)])) is None
    headlines = ["Amazon adds video visits to its Prime membership in the US", "Alibaba Health widens its pharmacy",
                 "Ping An Good Doctor reports a loss for the first half of the year", "Verily raises $1 billion",
                 "One Medical opens four new clinics in Chicago and Boston this month"]
    assert wrap_width(pairs(headlines)) is None  # a list of headlines, each its own length


def test_a_narrow_column_breaks_even_its_shorter_lines_at_the_width():
    # A newspaper page's text out of a PDF: a column of about sixty characters, where a line the wrap broke
    # may be lighter than a wrapped line needs to be on a wider page, and the next opens in lower case.
    column = ["Oracle Corp. said Wednesday it had closed its $28.3 billion",
              "purchase of Cerner Corp., the Kansas City-area maker of elec-",
              "tronic health records and its largest acquisition ever."]
    assert is_wrapped_prose(column[0], column[1], "en", at_width=True)
    assert not is_wrapped_prose(column[0], column[1], "en")  # on no width: too light to tell
