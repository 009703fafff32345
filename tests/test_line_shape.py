"""line_shape: a line's weight, its words, and the language its stopwords tell."""

import pytest

from dossier.line_shape import stopword_language, tab_title_parts, weight, words

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


@pytest.mark.parametrize("line, parts", [
    ("(1) Amazon opens a clinic | by Renata Osei | Quillpost", ["Amazon opens a clinic", "by Renata Osei", "Quillpost"]),
    ("Amazon opens a clinic - The Daily Ledger", ["Amazon opens a clinic", "The Daily Ledger"]),
    ("字节跳动全资收购美中宜和_新浪财经", ["字节跳动全资收购美中宜和", "新浪财经"]),
    ("亚马逊关闭诊所｜鼎富財經網", ["亚马逊关闭诊所", "鼎富財經網"]),
    ("Клиника в Санкт-Петербурге закрылась", ["Клиника в Санкт-Петербурге закрылась"]),  # a hyphen inside a word
])
def test_a_tab_titles_parts_are_its_headline_and_the_sites_name(line, parts):
    assert tab_title_parts(line) == parts
