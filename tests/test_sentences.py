"""The sentence segmenter: whole sentences in every language the dossier reads, and nothing lost."""

import pytest

from dossier import sentences as segmenting
from dossier.sentences import WINDOW, ends_like_question, ends_like_sentence, goes_on_below, pysbd_language, sentences

CASES = [
    # German: ordinals and dates, abbreviations
    ("de", "Die Übernahme wurde am 21. Juli bekannt gegeben. Danach kam nichts.",
     ["Die Übernahme wurde am 21. Juli bekannt gegeben. ", "Danach kam nichts."]),
    ("de", "Dr. Müller sagt z. B. nichts. Es kostet 3,9 Mrd. Dollar.",
     ["Dr. Müller sagt z. B. nichts. ", "Es kostet 3,9 Mrd. Dollar."]),
    ("de", "Am 1. Januar 2023 endete der Dienst. Das war bekannt.",
     ["Am 1. Januar 2023 endete der Dienst. ", "Das war bekannt."]),
    # French and Spanish abbreviations
    ("fr", "M. Dupont a dit bonjour. Mme Martin est partie, etc. Puis il est revenu.",
     ["M. Dupont a dit bonjour. ", "Mme Martin est partie, etc. ", "Puis il est revenu."]),
    ("es", "El Sr. García llegó a las 5 p. m. a la oficina. La Dra. López no.",
     ["El Sr. García llegó a las 5 p. m. a la oficina. ", "La Dra. López no."]),
    ("es", "La Sra. Pérez habló. EE. UU. respondió.", ["La Sra. Pérez habló. ", "EE. UU. respondió."]),
    # Chinese (both scripts) and Japanese sentence marks, with no space after them
    ("zh-Hans", "亚马逊关闭了健康服务。它在2019年推出！真的吗？是的。",
     ["亚马逊关闭了健康服务。", "它在2019年推出！", "真的吗？", "是的。"]),
    ("zh-Hant", "亞馬遜關閉了。真的嗎？是的！", ["亞馬遜關閉了。", "真的嗎？", "是的！"]),
    ("ja", "アマゾンは閉鎖した。本当ですか？はい！", ["アマゾンは閉鎖した。", "本当ですか？", "はい！"]),
    # languages pysbd lacks fall back to rules that end sentences at . ! ?
    ("ko", "아마존은 닫았다. 정말?", ["아마존은 닫았다. ", "정말?"]),
    ("pt", "O Sr. Silva chegou. Depois saiu.", ["O Sr. Silva chegou. ", "Depois saiu."]),
    ("en", "Mr. Smith said on Aug. 24 that it would close. It did.",
     ["Mr. Smith said on Aug. 24 that it would close. ", "It did."]),
    # a closing mark stays with its sentence (pysbd cut it off after the 。)
    ("zh-Hant", "他說:“亞馬遜關閉了。”", ["他說:“亞馬遜關閉了。”"]),
    ("zh-Hans", "他说:“亚马逊关闭了。”它在2019年推出。", ["他说:“亚马逊关闭了。”", "它在2019年推出。"]),
    # ...but a quote that opens the next sentence stays with it
    ("zh-Hans", '亚马逊关闭了诊所。"这是错误的"，他说。', ["亚马逊关闭了诊所。", '"这是错误的"，他说。']),
    ("de", "Amazon schloss die Kliniken.»Falsch«, sagte er.", ["Amazon schloss die Kliniken.", "»Falsch«, sagte er."]),
    # the items of a list without sentence marks
    ("en", "Steps: 1) open the app 2) book a visit 3) pay", ["Steps: ", "1) open the app ", "2) book a visit ", "3) pay"]),
    # the sentence marks of each language pysbd knows: Hindi ends them with ।, Armenian with ։
    ("hi", "अमेज़न ने क्लिनिक बंद किया। कंपनी ने कुछ नहीं कहा।", ["अमेज़न ने क्लिनिक बंद किया। ", "कंपनी ने कुछ नहीं कहा।"]),
    ("hy", "Ամազոնը փակեց կլինիկան։ Ընկերությունը ոչինչ չասաց։",
     ["Ամազոնը փակեց կլինիկան։ ", "Ընկերությունը ոչինչ չասաց։"]),
    # one sentence, with or without its mark, and with its closers and spacing
    ("en", "Amazon said it would close the clinics by the end of the year.”  ",
     ["Amazon said it would close the clinics by the end of the year.”  "]),
    ("en", "Amazon said it would close the clinics", ["Amazon said it would close the clinics"]),
]


@pytest.mark.parametrize("language, text, expected", CASES)
def test_sentences(language, text, expected):
    assert sentences(text, language) == expected


@pytest.mark.parametrize("language, text", [(language, text) for language, text, _ in CASES] + [
    ("de", "  Zwei Leerzeichen.  Dann mehr.\n"),
    ("und", "   "),
    ("en", ""),
])
def test_sentences_join_back_into_the_text(language, text):
    assert "".join(sentences(text, language)) == text


@pytest.mark.parametrize("tag, code", [("zh-Hans", "zh"), ("zh-Hant", "zh"), ("de-AT", "de"), ("ja", "ja"),
                                       ("ko", "en"), ("und", "en")])
def test_language_tags_map_to_pysbd(tag, code):
    assert pysbd_language(tag) == code


def test_a_long_text_is_cut_in_windows_without_losing_a_boundary():
    text = "Amazon hat am 21. Juli etwas gesagt. " * (3 * WINDOW // 30)
    result = sentences(text, "de")
    assert "".join(result) == text
    assert set(result) == {"Amazon hat am 21. Juli etwas gesagt. "}


@pytest.mark.parametrize(("language", "text", "asked"), [
    ("en", "Amazon said on Tuesday that it would close the clinics.", False),
    ("zh-Hans", "亚马逊表示将关闭诊所。”", False),
    ("en", "Amazon said on Tuesday that it would close the clinics. It did.", True),
    ("en", "Amazon said on Tuesday\nthat it would close the clinics.", True),  # a line break: pysbd's rules
    ("hi", "अमेज़न ने क्लिनिक बंद किया। कंपनी ने कुछ नहीं कहा।", True),
    ("en", "Amazon said it would 1) close the clinics 2) keep the pharmacy", True),  # a list, maybe
], ids=["one English sentence", "one Chinese sentence with its closer", "two sentences", "a line break",
        "two Hindi sentences", "a closing parenthesis"])
def test_pysbd_is_asked_only_when_a_sentence_could_end_inside_the_text(monkeypatch, language, text, asked):
    calls = []
    segmented = segmenting._segmented
    monkeypatch.setattr(segmenting, "_segmented", lambda *args: calls.append(args) or segmented(*args))
    assert "".join(sentences(text, language)) == text
    assert bool(calls) == asked


@pytest.mark.parametrize("language, text", [(language, text) for language, text, _ in CASES] + [
    ("en", "He met Mr. Jones at 3 p.m. on Jan. 5.  Then he left!\nA new line. And “a quote.” Done."),
    ("de", "Die Kasse zahlt ca. 40 Mio. Euro, d. h. mehr als 2022. Das sagte Prof. Dr. Weber am 3. Mai."),
    ("fr", "Le 1er janv., M. Durand (PDG) a dit « non ». Il part... Ou pas ?"),
])
def test_the_processors_sentences_are_those_pysbd_finds_in_the_text(language, text):
    """pysbd's sentences are taken from its processor, without `Segmenter.segment`'s search for each one
    in the text (a regular expression compiled per sentence): the slices of the text are the same."""
    segmenter = segmenting._segmenter(pysbd_language(language))
    assert segmenting._pieces(text, segmenting._split(text, segmenter)) == \
        segmenting._pieces(text, segmenter.segment(text))


def test_a_sentence_ending_by_one_of_pysbds_own_placeholders_is_kept_apart():
    """pysbd stands characters of its own for the marks it protects (☝ among them) and drops them from
    its sentences; `Segmenter.segment`, looking for each sentence in the text again, then lost the
    boundary before one that holds such a character. Mapped back with `str.find`, it stays."""
    text = 'He said "Stop." Then he left☝ '
    assert sentences(text, "en") == ['He said "Stop." ', "Then he left☝ "]


@pytest.mark.parametrize("text", [
    "अमेजन ने कहा कि वह इस साल कई और शहरों में अपनी ऑनलाइन फार्मेसी सेवा शुरू करेगी।",  # Devanagari danda
    "ایمیزون نے کہا کہ وہ اس سال اپنی آن لائن فارمیسی سروس شروع کرے گی۔",  # Urdu full stop
    "Ինչպե՞ս է աշխատում հավելվածը։",  # Armenian full stop
    "هل تعمل الخدمة في مصر؟",  # Arabic question mark
    "Τι σημαίνει αυτό για τους ασθενείς στην Ευρώπη;",  # Greek question mark (a semicolon once composed)
    # a quotation closed in its language's marks after the full stop
    "Der Sprecher sagte: „Wir prüfen das Angebot.“",
    "Der Sprecher sagte: »Wir prüfen das Angebot.«",
    "Le porte-parole a déclaré : « Nous étudions l’offre. »",  # French sets the guillemet apart
    "ماہر کا کہنا ہے: ’صارفین کو خود بھی دیکھنا چاہیے۔‘",  # Urdu closes with ‘
])
def test_a_sentence_ends_with_its_scripts_own_full_stop_or_question_mark(text):
    assert ends_like_sentence(text)


@pytest.mark.parametrize(("text", "question"), [
    ("Can AI checkers be trusted?", True), ("هل تعمل الخدمة في مصر؟", True),
    ("Τι σημαίνει αυτό για τους ασθενείς;", True), ("Amazon said so.", False), ("Wait; then go", False),
])
def test_a_question_ends_with_a_question_mark_in_any_script(text, question):
    assert ends_like_question(text) is question


@pytest.mark.parametrize(("text", "below", "goes_on"), [
    ("to about 1,200 physicians, nurse practitioners and phy-", "sician assistants across its hospitals", True),
    ("Cascade Valley Health today announced that it has begun", "deploying the tool across its clinics", True),
    ("Amazon closes its clinics", "By Jane Doe", False),  # a headline over its byline
    ("Apple Watch gets sleep apnoea alerts in its biggest update in years", "watchOS 11 will warn users.", False),
    ("The service closes at the end of the year.", "then the next story", False),
    ("Microsoft-ი და ჯანდაცვის სამინისტრო ელექტრონულ რეცეპტებს", "ჯანდაცვა", False),  # Georgian: no capitals used
])
def test_a_line_a_wrap_breaks_goes_on_in_the_line_below(text, below, goes_on):
    assert goes_on_below(text, below) is goes_on
