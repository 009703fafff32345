"""line_shape: a line's weight, its words, and the language its stopwords tell."""

import textwrap
from itertools import pairwise

from dossier.line_shape import stopword_language, weight, words, wrap_width

FRENCH = "La compagnie a indiqué que la décision n’avait aucun lien avec ses autres acquisitions récentes."
CHINESE = "去年该平台的在线问诊量增长了三倍，其中超过一半来自三四线城市的用户，医生资源仍然集中在大城市。"
HINDI = ("अमेजन ने कहा कि वह इस साल देश के कई और शहरों में अपनी ऑनलाइन फार्मेसी सेवा शुरू करेगी और इसके लिए "
         "स्थानीय दवा दुकानों के साथ काम करेगी।")


def test_the_language_of_stopwords_is_the_one_that_covers_the_text():
    assert stopword_language(FRENCH * 4) == "fr"
    assert stopword_language(CHINESE * 4) is None  # unspaced: told by script instead


def test_words_keep_the_marks_written_on_their_letters():
    # A vowel sign is not a word break: "में" is one word, so a Hindi text is told by its stopwords.
    assert words("अमेरिका में अमेजन है") == ["अमेरिका", "में", "अमेजन", "है"]
    assert words("l'homme d’affaires, Jean-Luc") == ["l'homme", "d’affaires", "jean-luc"]
    assert stopword_language(HINDI * 3) == "hi"


def test_weight_counts_wide_characters_twice():
    assert weight("ab") == 2 and weight("中文") == 4 and weight("한국") == 4


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
