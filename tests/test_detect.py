"""detect: language as BCP 47, and the Chinese script by what OpenCC would change."""

from dataclasses import replace

import pytest

from dossier.chinese import SIMPLIFIED, TRADITIONAL, dominant_script
from dossier.detect import (
    detect,
    detect_language,
    has_letters,
    headline_language,
    load_identifiers,
    prose_sample,
    quick_language,
    with_script,
)
from dossier.records import Block, CleanText, Inline
from dossier.thresholds import DETECTION


@pytest.mark.parametrize(
    "prefix, language",
    [("000", "zh-Hant"), ("001", "zh-Hans"), ("002", "de"), ("003", "zh-Hant"), ("004", "fr")],
)
def test_seed_languages(cleaned, prefix, language):
    assert detect(cleaned[prefix]).language == language


def test_mixed_script_text_goes_to_its_majority():
    # Traditional text with Simplified leftovers (于, 后, 么), as in seed 000.
    assert dominant_script("對于亞馬遜來說,Amazon Care的失敗或許沒有那么難以接受。之后,這一服務擴大") == TRADITIONAL
    assert dominant_script("对于亚马逊来说，失败或许没有那么难以接受。") == SIMPLIFIED


def test_languages_beyond_the_seeds():
    assert detect_language("Amazon cerrará Amazon Care, su servicio de salud virtual, a finales de este año.") == "es"
    assert detect_language("アマゾンは遠隔医療サービスを年内に終了すると発表した。") == "ja"
    assert detect_language("   ") == "und"


# --- Fixtures of our own: an article body in each language, and the ways a scrape muddles it ------------

def article(title: str, *paragraphs: str) -> CleanText:
    blocks = tuple(Block("paragraph", (Inline(text),), line) for line, text in enumerate(paragraphs, start=3))
    return CleanText("x.txt", "0" * 64, "plain", title, blocks, (), (), sum(map(len, paragraphs)), title_line=1)


BODIES = {
    "zh-Hans": (
        "京东健康今年上半年收入同比增长，线上药房仍是最主要的业务。公司表示，将继续与医院和药企合作，扩大互联网医院的在线问诊服务。",
        "分析人士认为，疫情期间形成的网上买药习惯还在延续，但处方药政策和行业竞争让未来增长存在不确定性。",
    ),
    "zh-Hant": (
        "微軟宣布完成對語音辨識公司的收購，這筆交易是微軟近年來規模第二大的併購案。該公司的技術被廣泛用於醫院，醫師看診時可由系統自動整理病歷。",
        "市場人士認為，雲端服務與醫療資料的結合，將是科技巨頭下一階段競爭的重點，但個資保護仍是各界關注的問題。",
    ),
    "ja": (
        "アマゾンは、会員制の診療所を運営する企業の買収を完了したと発表した。利用者はスマートフォンのアプリから予約し、オンラインで医師に相談できる。",
        "専門家は、買い物の履歴と医療の情報が結び付くことに懸念を示しており、個人情報の扱いについて丁寧な説明が必要だと指摘している。",
    ),
    "ko": (
        "카카오의 헬스케어 자회사가 인공지능 기반 혈당 관리 서비스를 선보였다. 이용자는 스마트폰 앱으로 혈당 변화를 확인하고 조언을 받을 수 있다.",
        "업계에서는 네이버와 삼성전자도 디지털 헬스 시장에 뛰어들면서 경쟁이 더욱 치열해질 것으로 보고 있다.",
    ),
    "de": (
        "Amazon stellt seinen Gesundheitsdienst für Mitarbeiter zum Jahresende ein. Das Angebot sei für große"
        " Arbeitgeber nicht vollständig genug gewesen, heißt es in einer internen Mitteilung.",
        "Die meisten Beschäftigten sollen innerhalb des Konzerns neue Aufgaben übernehmen.",
    ),
    "fr": (
        "Amazon fermera son service de télémédecine à la fin de l'année. Selon un courriel interne, l'offre "
        "n'était pas assez complète pour les grandes entreprises.",
        "La plupart des salariés concernés se verront proposer un autre poste au sein du groupe.",
    ),
    "es": (
        "Amazon cerrará a finales de año el servicio de telemedicina que creó para sus empleados. Según un "
        "correo interno, la oferta no era lo bastante completa para las grandes empresas.",
        "La mayoría de los trabajadores afectados serán reubicados en otros equipos de la compañía.",
    ),
    "it": (
        "Amazon chiuderà entro la fine dell'anno il servizio di telemedicina nato per i propri dipendenti. "
        "Secondo una nota interna, l'offerta non era abbastanza completa per le grandi aziende.",
        "La maggior parte dei lavoratori coinvolti sarà ricollocata in altri gruppi dell'azienda.",
    ),
    "pt": (
        "A Amazon vai encerrar no fim do ano o serviço de telemedicina que criou para os seus funcionários. "
        "Segundo uma nota interna, a oferta não era suficientemente completa para as grandes empresas.",
        "A maioria dos trabalhadores afetados será transferida para outras equipas da empresa.",
    ),
    "en": (
        "Amazon will shut down the telehealth service it built for its own employees at the end of the year. "
        "An internal memo said the offer was not complete enough for large employers.",
        "Most of the affected staff will move to other teams within the company.",
    ),
}
TITLES = {
    "zh-Hans": "京东健康上半年收入增长", "zh-Hant": "微軟完成收購語音辨識公司", "ja": "アマゾン、診療所の買収を完了",
    "ko": "카카오헬스케어, 혈당 관리 서비스 출시", "de": "Amazon schließt seinen Gesundheitsdienst",
    "fr": "Amazon ferme son service de santé", "es": "Amazon cierra su servicio de salud",
    "it": "Amazon chiude il servizio sanitario", "pt": "Amazon encerra serviço de saúde",
    "en": "Amazon closes its health service",
}
ENGLISH_TITLE = "Amazon to shut down its telehealth service for employees at the end of the year"


@pytest.mark.parametrize("language", sorted(BODIES))
def test_each_language_is_named(language):
    assert detect(article(TITLES[language], *BODIES[language])).language == language


@pytest.mark.parametrize("language", sorted(BODIES))
def test_an_english_title_above_a_translated_body_does_not_decide(language):
    # The body is the article; the headline is one line, often left in the source language.
    assert detect(article(ENGLISH_TITLE, *BODIES[language])).language == language
    assert detect(article(ENGLISH_TITLE, BODIES[language][0])).language == language


def test_the_title_decides_only_when_the_body_is_too_short():
    assert detect(article("Amazon schließt seinen Gesundheitsdienst für Mitarbeiter", "Foto: dpa")).language == "de"


def test_machine_converted_traditional_with_simplified_leftovers_stays_traditional():
    # Converted from Simplified by machine: the converter left 于, 后, 么, 里, 台, 发 (one-to-many
    # characters) in place. The script is the majority of the characters that tell the two apart.
    leftovers = (
        "對于亞馬遜來說，這項服務的失敗或許沒有那么難以接受。之后，公司把重心轉向線上藥房，並在美國各地開設診所。",
        "報導指出，該公司在台灣的合作夥伴也將調整計畫，發言人表示，員工將在公司里轉任其他職務，相關細節會另行公布。",
    )
    assert detect(article("亞馬遜關閉遠距醫療服務", *leftovers)).language == "zh-Hant"
    assert dominant_script("".join(leftovers)) == TRADITIONAL


def test_chinese_and_korean_full_of_latin_names_keep_their_language():
    chinese = ("亚马逊以39亿美元收购One Medical，并通过Amazon Pharmacy和PillPack把线上问诊、处方和送药连成闭环，"
               "与CVS Health、Walgreens和UnitedHealth Group竞争。")
    korean = ("아마존은 One Medical 인수를 마무리하고 Amazon Pharmacy, PillPack과 함께 Prime 회원에게 "
              "온라인 진료를 제공한다. CVS Health와 Walgreens도 경쟁에 나섰다.")
    assert detect(article("", chinese)).language == "zh-Hans"
    assert detect(article("", korean)).language == "ko"


RAW_PORTUGUESE = """Saúde Digital | Economia | Tecnologia
Início > Tecnologia > Saúde
Oracle closes $28.3 billion Cerner deal
We use cookies and similar technologies to improve your experience and to analyse traffic. Accept all
Por Redação — 8 de junho de 2022, 10h15
Partilhar: Facebook | Twitter | LinkedIn | Email
A Oracle concluiu a aquisição da Cerner, empresa de registos clínicos eletrónicos, por cerca de 28,3 mil milhões de dólares, a maior operação da sua história.
Segundo a direção, os hospitais terão acesso a uma plataforma única na nuvem, e os médicos passarão menos tempo em tarefas administrativas.
Read more: Microsoft completes Nuance acquisition
Publicidade
Os críticos lembram que a integração de sistemas hospitalares costuma demorar anos e que a proteção de dados exige cuidados redobrados.
Tags: Oracle, Cerner, saúde digital
© 2022 Saúde Digital. All rights reserved.
"""


def test_raw_text_with_its_furniture_is_named_by_its_prose():
    # The clean stage may leave furniture behind (or run before it is finished): the longest lines,
    # the article's prose, decide.
    assert detect_language(RAW_PORTUGUESE) == "pt"
    raw_korean = "\n".join(["Home | News | Health", "Login  Sign up", TITLES["ko"], "2023-03-02 09:00",
                            *BODIES["ko"], "Copyright © 2023 Health IT News. All rights reserved."])
    assert detect_language(raw_korean) == "ko"
    raw_german = "\n".join(["Skip to content", "Home > Business > Health", ENGLISH_TITLE, *BODIES["de"],
                            "Share: Facebook | X | LinkedIn", "Related: Amazon buys One Medical"])
    assert detect_language(raw_german) == "de"


def test_the_sample_is_the_longest_lines_in_order_and_bounded():
    a, b, c = ("aa " * 200).strip(), ("bb " * 100).strip(), ("cc " * 167).strip()
    text = "\n".join(["Menu", a, "short line", b, c])
    sample = prose_sample(text)
    first, second = sample.split("\n")
    assert first == a and set(second) <= set("c ")  # the budget (1,000 characters) cuts the last one
    assert len(sample) <= 1000
    assert len(prose_sample("word " * 100_000)) <= 1000  # detection time stays bounded on long articles


@pytest.mark.parametrize("junk", ["Source: https://news.example.com/story?ref=" + "x" * 1000, "-" * 1000,
                                  "a" * 3000, "“" * 2000, ". " * 3000])
def test_a_long_line_of_no_words_does_not_decide(junk):
    # A tracking address, a rule of dashes, a word of a thousand letters: longer than any paragraph, yet
    # no language's words.
    assert detect_language("\n".join(["Amazon expands its clinic network", *BODIES["en"], junk])) == "en"


def test_a_long_run_of_short_furniture_lines_before_the_body_does_not_decide():
    # A portal page: dozens of English menu and headline links above the article, more text in all than
    # the sample holds; the article's paragraphs are the longest lines.
    links = [f"Related: Oracle, Cerner and the cloud, part {n} of our series on health tech" for n in range(30)]
    raw = "\n".join([*links, *BODIES["pt"], *BODIES["pt"]])
    assert detect_language(raw) == "pt"
    assert detect(article(ENGLISH_TITLE, *links, *BODIES["it"])).language == "it"


@pytest.mark.parametrize(
    "text, wanted, enough",
    [
        ("", 1, False),
        ("", 0, True),
        ("ab", 2, True),
        ("a1b", 3, False),
        ("亚", 2, True),  # a CJK character counts twice
        ("1" * 10_000 + "ab", 2, True),  # letters far into the text are found
        ("1" * 10_000 + "a", 2, False),
    ],
)
def test_has_letters_counts_until_there_are_enough(text, wanted, enough):
    assert has_letters(text, wanted) is enough


# --- two identifiers: fastText for a long sample it is sure of, Lingua for the rest ------------------------

BRETON = ("Amazon a serro e servij yec'hed evit e implijidi e dibenn ar bloaz. Hervez ur postel diabarzh, ne oa "
          "ket klok a-walc'h ar c'hinnig evit an embregerezhioù bras. Al lodenn vrasañ eus an implijidi a vo "
          "kinniget dezho ul labour all.")
NORWEGIAN = ("Amazon legger ned helsetjenesten selskapet bygde for sine egne ansatte ved utgangen av året. Ifølge "
             "et internt notat var tilbudet ikke fullstendig nok for store arbeidsgivere. De fleste berørte "
             "ansatte får tilbud om nye oppgaver i konsernet. Analytikere mener at selskapet nå vil satse på "
             "nettapoteket og klinikkene det kjøpte i fjor, der pasientene kan bestille time fra mobilen og "
             "snakke med en lege uten å forlate hjemmet.")
MALAYALAM = ("ആമസോൺ തങ്ങളുടെ ജീവനക്കാർക്കായി ആരംഭിച്ച ടെലിമെഡിസിൻ സേവനം ഈ വർഷാവസാനം അവസാനിപ്പിക്കും. വലിയ കമ്പനികൾക്ക് "
             "ഈ സേവനം പര്യാപ്തമല്ലെന്ന് ആഭ്യന്തര കുറിപ്പിൽ പറയുന്നു. ബാധിക്കപ്പെട്ട ജീവനക്കാരിൽ ഭൂരിഭാഗം പേർക്കും കമ്പനിയിൽ മറ്റ് "
             "ജോലികൾ നൽകും.")
ZULU = ("I-Amazon izovala insizakalo yezempilo eyayakhele abasebenzi bayo ekupheleni konyaka. Ngokwencwadi "
        "yangaphakathi, lo mnikelo wawungaphelele ngokwanele ezinkampanini ezinkulu. Iningi labasebenzi "
        "abathintekayo lizothola omunye umsebenzi enkampanini.")
MIXED = " ".join(part for pair in zip(BODIES["de"], BODIES["fr"], strict=True) for part in pair)


@pytest.mark.parametrize(
    "sample, answer",
    [
        (" ".join(BODIES["de"]), "de"),  # long, one language: fastText's
        (" ".join(BODIES["pt"]), "pt"),
        (BRETON, "br"),  # a language Lingua does not know (it says Tagalog)
        (MALAYALAM, "ml"),  # a script Lingua does not know (it says nothing)
        (BODIES["de"][1], None),  # too short to take fastText's word for it
        (MIXED, None),  # two languages: fastText is unsure
        (NORWEGIAN, None),  # fastText is unsure between Norwegian and Danish (its "no" would go to Lingua too)
        (ZULU, None),  # a language fastText does not know: its best guess is unsure
        (BODIES["de"][0] + " " + BODIES["zh-Hans"][0], None),  # CJK characters weigh too little for fastText
    ],
    ids=["German", "Portuguese", "Breton", "Malayalam", "short", "mixed", "Norwegian", "Zulu", "with CJK"],
)
def test_fasttext_answers_only_for_a_long_sample_it_is_sure_of(sample, answer):
    assert quick_language(load_identifiers(), sample) == answer


def test_lingua_decides_what_fasttext_leaves():
    assert detect_language(NORWEGIAN) == "nb"
    assert detect_language(ZULU) == "zu"
    assert detect_language(MIXED) in ("de", "fr")
    assert detect_language(BODIES["de"][1]) == "de"


def test_a_language_only_fasttext_knows_is_named():
    assert detect(article("", BRETON)).language == "br"  # Lingua alone says Tagalog


class SureOfOneLabel:
    """A stand-in for fastText's model, always giving one label with one probability."""

    def __init__(self, label: str, probability: float):
        self.label, self.probability = label, probability

    def predict(self, text: str, k: int = 1):
        if self.label is None:  # fastText's answer when it has none
            return (), ()
        return (f"__label__{self.label}",), (self.probability,)


@pytest.mark.parametrize(
    "label, probability, answer",
    [
        ("de", 0.95, "de"),
        ("de", DETECTION.quick_min_confidence, "de"),  # the confidence fastText's answer needs, exactly
        ("de", 0.85, None),  # below it: Lingua decides
        # a language Lingua does not know: fastText's answer stands on less (Lingua would name another)
        ("gl", DETECTION.quick_min_confidence_unknown_to_lingua, "gl"),
        ("gl", 0.4, None),
        (None, 0.0, None),  # no answer at all
        ("bh", 0.99, None),  # a retired collective code (Bihari languages)
        ("no", 0.99, None),  # a macrolanguage Lingua splits (Bokmål, Nynorsk)
        ("sh", 0.99, None),  # likewise (Bosnian, Croatian, Serbian)
        ("als", 0.99, None),  # lid.176's Alemannic, not ISO 639-3's Tosk Albanian
    ],
)
def test_which_of_fasttexts_answers_stand(label, probability, answer):
    identifiers = replace(load_identifiers(), quick=SureOfOneLabel(label, probability))
    assert quick_language(identifiers, " ".join(BODIES["de"])) == answer


BRETON_HEADLINE = "Amazon a serr e servij yec'hed"  # Lingua, which names headlines, does not know Breton


@pytest.mark.parametrize(
    "title, body_language, language",
    [
        (ENGLISH_TITLE, "de", "en"),
        (BRETON_HEADLINE, "de", "und"),  # Lingua's guess (Basque), which fastText (Breton) does not share
        (BRETON_HEADLINE, "br", "und"),  # against a body only fastText names: it cannot be told
        (ENGLISH_TITLE, "ml", "und"),
    ],
)
def test_a_headline_is_named_only_against_a_body_language_lingua_knows(title, body_language, language):
    assert headline_language(title, body_language) == language


@pytest.mark.parametrize(("language", "sample", "tagged"), [
    ("sr", "Влада је у уторак одобрила реформу здравства.", "sr-Cyrl"),  # Serbian is written in both
    ("sr", "Vlada je u utorak odobrila reformu zdravstva.", "sr-Latn"),
    ("uz", "Hukumat seshanba kuni sogʻliqni saqlash islohotini maʼqulladi.", "uz-Latn"),
    ("de", "Die Regierung hat die Reform am Dienstag gebilligt.", "de"),  # one script: no subtag
    ("ru", "Правительство одобрило реформу во вторник.", "ru"),
])
def test_a_language_written_in_several_scripts_is_tagged_with_its_script(language, sample, tagged):
    assert with_script(language, sample) == tagged


def test_a_language_lingua_does_not_know_is_named_by_fasttext_on_less_certainty():
    # Galician: fastText names it, less than surely (Spanish and Portuguese are close); Lingua, which has
    # no Galician, would call it Spanish.
    galician = ("A Xunta anunciou onte que as consultas por vídeo chegarán a todos os centros de saúde de "
                "Galicia no próximo ano, despois dunha proba en dúas áreas sanitarias. Os médicos de familia "
                "valoran a medida, aínda que lembran que moitos pacientes maiores prefiren ir ao centro.")
    assert detect_language(galician) == "gl"
