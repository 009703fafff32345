"""link: every mention in every language and script, the source's own words, and no false links."""


import pytest

from conftest import ROOT, SEEDS
from dossier.clean import clean
from dossier.detect import detect
from dossier.entity_names import fold_case
from dossier.ingest import ingest
from dossier.link import Linker, link, resolve_context, sentence_around, sentence_ends
from dossier.metadata import build_article
from dossier.normalize import normalize
from dossier.records import SourceFile
from dossier.registry_loader import load_registry


@pytest.mark.parametrize(
    "text, folded",
    [
        ("An Apple a Day", "an apple a day"),
        ("ΟΔΟΣ ΣΑΣ", "οδοσ σασ"),  # each Σ on its own is σ: no final ς from its neighbours
        ("İSTANBUL", "İstanbul"),  # İ lowers to two characters: kept as it is
        ("ÄRZTE und AMAZON", "ärzte und amazon"),
    ],
)
def test_fold_case_lowers_character_by_character_so_offsets_carry_over(text, folded):
    assert fold_case(text) == folded and len(fold_case(text)) == len(text)


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "seeds" / "entities.yml", {p.name for p in SEEDS.iterdir()})


@pytest.fixture(scope="module")
def linker(registry):
    return Linker(registry)


def links(article, rendition=0):
    """(entity, link text) for every linked run of a rendition."""
    blocks = article.normalized.renditions[rendition].blocks
    return [(i.entity, i.text) for b in blocks for i in b.inlines if i.entity]


def article_from(text: str, vocabulary, linker):
    body = text + "\n\n" + "Dies ist ein gewöhnlicher Absatz, damit der Text lang genug für einen Artikel ist. " * 3
    decoded = ingest(SourceFile("x.txt", body.encode()))
    return link(build_article(normalize(detect(clean(decoded, vocabulary))), None), linker)


@pytest.mark.parametrize(
    "prefix, entity, words",
    [
        ("001", "pillpack", "药丸包"),
        ("001", "haven", "天堂医疗保健公司"),
        ("001", "haven", "Heaven health care"),
        ("001", "haven", "Heaven Healthcare"),
        ("001", "amazon-care", "亚马逊关爱"),
        ("001", "health-navigator", "health navigator"),
        ("001", "meta", "脸书"),
        ("000", "amazon", "亞馬遜"),
        ("000", "berkshire-hathaway", "伯克希爾·哈撒韋"),
        ("000", "bytedance", "字節跳動"),
        ("000", "pillpack", "Pillpack"),
        ("000", "haven", "Haven"),
        ("003", "ali-health", "阿里健康"),
        ("003", "cainiao", "菜鳥"),
        ("003", "sf-express", "順豐"),
        ("003", "jointown", "九州通"),
        ("002", "pillpack", "PillPack"),
        ("002", "one-medical", "One Medical"),
        ("004", "pillpack", "Pillpack"),
        ("004", "haven", "Haven"),
        ("004", "ginger", "Ginger"),
    ],
)
def test_seed_mentions_link_with_the_sources_own_words(articles, prefix, entity, words):
    assert (entity, words) in links(articles[prefix])


def test_mentions_are_linked_in_both_scripts(articles):
    assert ("amazon", "亚马逊") in links(articles["000"], rendition=1)
    assert ("pillpack", "藥丸包") in links(articles["001"], rendition=1)
    assert ("ali-health", "阿里健康") in links(articles["003"], rendition=1)


def test_longest_name_wins(linker):
    found = linker.candidates("Amazon Care startete, Amazon Web Services auch; Amazon allein.")
    assert [(c.entity, c.start, c.end) for c in found] == [
        ("amazon-care", 0, 11), ("aws", 22, 41), ("amazon", 48, 54)
    ]


def test_names_match_whole_words_only(linker):
    assert linker.candidates("Amazonas, Amazonian, AWSome, Teladocs") == []
    assert [c.entity for c in linker.candidates("d’Amazon, Amazon-CEO, 亞馬遜的")] == ["amazon", "amazon", "amazon"]


def test_common_words_are_not_companies(linker):
    assert linker.candidates("a safe haven, taking care, ginger tea, heaven on earth, an apple a day") == []


def test_ambiguous_names_need_their_context(vocabulary, linker):
    spice = article_from("Ingwer\n\nGinger ist eine Gewürzpflanze. Die Knolle heißt auf Englisch Ginger.", vocabulary, linker)
    assert "ginger" not in spice.entities
    startup = article_from("Amazon und Ginger\n\nAmazon Care arbeitet mit Ginger zusammen.", vocabulary, linker)
    assert {"ginger", "amazon-care"} <= set(startup.entities)
    fruit = article_from("苹果\n\n今年的苹果收成很好,果农们都很高兴。苹果的价格也上涨了。", vocabulary, linker)
    assert "apple" not in fruit.entities


def test_matching_is_script_insensitive(linker):
    assert [c.entity for c in linker.candidates("藥丸包和亞馬遜關愛")] == ["pillpack", "amazon-care"]


def test_articles_list_only_what_they_mention(articles):
    assert "amazon" not in articles["003"].entities
    assert "ali-health" not in articles["002"].entities
    assert "alibaba" in articles["003"].entities


def test_mentions_carry_their_sentence_and_paragraph(articles):
    mention = next(m for m in articles["001"].mentions if m.surface == "药丸包")
    assert mention.mistranslation
    assert "7.53 亿美元收购网上药店药丸包" in mention.sentence
    block = articles["001"].normalized.renditions[0].blocks[mention.block - 1]
    assert "药丸包" in block.text


def test_sentence_around_stays_readable_on_a_huge_line():
    text = "x" * 5000 + " Amazon Care " + "y" * 5000
    sentence = sentence_around(text, sentence_ends(text), 5001, 5012)
    assert "Amazon Care" in sentence and len(sentence) <= 400 + len("Amazon Care") + 2  # window, mention, ellipses


# --- word boundaries, not_names and context, on a small registry of our own -------------------------------

FIXTURE = """entities:
  amazon:
    type: company
    name: Amazon
    description: d.
    names: {en: [Amazon], zh-Hans: [亚马逊], ja: [アマゾン], ko: [아마존]}
    not_names: [Amazon River, 亚马逊河, アマゾン川, 아마존강]
  amazon-pharmacy:
    type: venture
    name: Amazon Pharmacy
    description: d.
    names: {en: [Amazon Pharmacy], ja: [アマゾン・ファーマシー]}
  naver:
    type: company
    name: Naver
    description: d.
    names: {en: [Naver], ko: [네이버]}
  line:
    type: company
    name: LINE
    description: d.
    names: {en: [LINE, LINE Corporation], ko: [라인]}
    context: [naver]
  m3:
    type: company
    name: M3
    description: d.
    names: {en: [M3], ko: [엠스리]}
    context: [line]
  kakao:
    type: company
    name: Kakao
    description: d.
    names: {en: [Kakao], ko: [카카오]}
  cerner:
    type: company
    name: Cerner
    description: d.
    names: {en: [Cerner]}
  epic:
    type: company
    name: Epic Systems
    description: d.
    names: {en: [Epic Systems, Epic]}
    context: [cerner]
    not_names: [Epic failures]
  meta:
    type: company
    name: Meta Platforms
    description: d.
    names: {en: [Meta Platforms, Meta, Facebook], ja: [メタ]}
    context: [any]
    unambiguous: [Facebook]
    not_names: [Meta-analysis, Meta分析, メタ分析]
  apple:
    type: company
    name: Apple
    description: d.
    names: {en: [Apple], zh-Hans: [苹果公司, 苹果]}
    context: [any]
    not_names: [an apple a day, 一日一苹果]
  bytedance:
    type: company
    name: ByteDance
    description: d.
    names: {en: [ByteDance], zh-Hans: [字节跳动]}
  alexa:
    type: product
    name: Alexa
    description: d.
    names: {en: [Alexa]}
    given_names: [Alexa]
  xiaohe:
    type: venture
    name: Xiaohe Health
    description: d.
    names: {en: [Xiaohe Health], zh-Hans: [小荷健康, 小荷]}
    context: [bytedance]
    not_names: [小荷才露]
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "entities.yml"
    path.write_text(FIXTURE, encoding="utf-8")
    registry = load_registry(path, set())
    return registry, Linker(registry)


def found(small, text):
    """(surface, entity) for every candidate, context not yet applied."""
    return [(text[c.start : c.end], c.entity) for c in small[1].candidates(text)]


def linked(small, *lines):
    """The entities an article made of `lines` links, context applied."""
    registry, linker = small
    return resolve_context((c for line in lines for c in linker.candidates(line)), registry)


@pytest.mark.parametrize("text, expected", [
    ("Amazon's assistant Alexa answers questions.", [("Amazon", "amazon"), ("Alexa", "alexa")]),
    ("Alexa, book me a doctor.", [("Alexa", "alexa")]),
    ("said Alexa Ramírez, an analyst", []),  # a person: her first name, then her surname
    ("Alexa J. Lindqvist", []),
    ("posted by Alexa88 and Alexa_R", []),  # user names
    ("Amazon Brings Alexa To Hospitals", [("Amazon", "amazon"), ("Alexa", "alexa")]),  # a headline in title case
    ("Alexa Smart Properties for hospitals", [("Alexa", "alexa")]),  # a product's name
])
def test_a_name_that_is_also_a_first_name_is_a_persons_before_a_surname(small, text, expected):
    assert found(small, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("sv", "Amazons apotek", [("Amazons", "amazon")]),  # the genitive
    ("sv", "Apples klocka", []),  # a name the registry guards with context is a common word: declined, it is
    # that word ("Havens", harbours); with its ending after a hyphen, a foreign name's
    ("ro", "Apple-ului", [("Apple-ului", "apple")]), ("ro", "Appleului", []),
    ("fi", "Amazonin alueella", []),  # Finnish: "Amazonin" names the river's region as often as the company
    ("cs", "akcie Amazonu", [("Amazonu", "amazon")]),
    ("pl", "w Amazonie", [("Amazonie", "amazon")]),
    ("pl", "nad Amazonką", []),  # the river: a longer word than any case ending makes
    ("pt", "o rio Amazonas", []),  # Portuguese writes no case endings on names
    ("en", "Amazons and Apples", []),  # nor does English: a plural is another word
    ("nl", "Amazons apotheek", []),  # nor Dutch, whose loanwords take a plural in -s ("Nuances")
    ("sv", "Amazonas", []),  # an ending the language does not write
    ("hu", "az Amazonnál és a Cernerrel", [("Amazonnál", "amazon"), ("Cernerrel", "cerner")]),  # the
    # instrumental doubles the name's last consonant
    ("hu", "a ByteDance-nél", [("ByteDance-nél", "bytedance")]),  # Hungarian joins an ending with a hyphen
    ("ro", "acțiunile ByteDance-ului", [("ByteDance-ului", "bytedance")]),  # where the spelling is foreign;
    ("ro", "acțiunile Amazonului", [("Amazonului", "amazon")]),  # so does Romanian, or writes it on
    ("hu", "a ByteDance-csapat", [("ByteDance", "bytedance")]),  # a compound, no ending, after the hyphen
    ("tr", "Amazon'un eczanesi Amazon Pharmacy'de", [("Amazon", "amazon"), ("Amazon Pharmacy", "amazon-pharmacy")]),
    # (Turkish's apostrophe marks where the name ends, as English's does)
    ("en", "Amazon's clinic, an Amazon-owned chain", [("Amazon", "amazon")] * 2),  # English: the name alone
    ("en", "Amazon’t", []),  # "Haven't": a contraction, the word a verb
    # Basque's cases, after a hyphen where the spelling is foreign; never the river's adjective
    ("eu", "Amazonek eta ByteDance-ren", [("Amazonek", "amazon"), ("ByteDance-ren", "bytedance")]),
    ("eu", "Amazoniako oihana", []),
])
def test_a_name_with_its_languages_case_ending_is_the_name(small, language, text, expected):
    assert [(text[c.start : c.end], c.entity) for c in small[1].candidates(text, language)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Latin: a name must not continue a word on either side
        ("Amazonas, Amazonian, PanAmazon", []),
        ("d’Amazon, Amazon-Chef, (Amazon)", [("Amazon", "amazon")] * 3),
        ("Epic and Epic Systems", [("Epic", "epic"), ("Epic Systems", "epic")]),
        ("M3, M30, BM3", [("M3", "m3")]),
        # katakana: a name must not continue a katakana word; the middle dot separates words
        ("米アマゾンは", [("アマゾン", "amazon")]),
        ("アマゾンプライムの会員", []),
        ("スーパーアマゾン", []),
        ("アマゾン・ジャパン", [("アマゾン", "amazon")]),
        ("アマゾン・ファーマシーを開設", [("アマゾン・ファーマシー", "amazon-pharmacy")]),
        ("メタバースとメタデータ", []),
        ("メタは", [("メタ", "meta")]),
        # Hangul: a name must begin a word, its end stays open for particles
        ("온라인 진료 가이드라인", []),
        ("라인은 네이버 계열", [("라인", "line"), ("네이버", "naver")]),
        ("아마존이 인수", [("아마존", "amazon")]),
        ("카카오톡과 초코카카오", [("카카오", "kakao")]),
        # Chinese: no word boundaries, either script
        ("亚马逊的药房和亞馬遜的", [("亚马逊", "amazon"), ("亞馬遜", "amazon")]),
    ],
    ids=["latin inside words", "latin beside punctuation", "latin longest", "latin digits",
         "katakana after kanji", "katakana followed by katakana", "katakana preceded by katakana",
         "katakana middle dot", "katakana longest", "katakana compounds", "katakana particle",
         "hangul inside words", "hangul particles", "hangul particle", "hangul compound start only",
         "chinese both scripts"],
)
def test_names_stand_as_words_of_their_script(small, text, expected):
    assert found(small, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Amazon River is long; Amazon is a retailer.", [("Amazon", "amazon")]),
        ("the Amazon river", []),  # not_names match regardless of case
        ("Amazon Riverside Park", [("Amazon", "amazon")]),  # ... but as whole words
        ("亚马逊河流域", []),
        ("亞馬遜河", []),  # and in either Chinese script
        ("アマゾン川のように", []),
        ("아마존강을 따라", []),
        ("Meta分析显示", []),
        ("メタ分析によると", []),
        ("A Meta-analysis of Meta data", [("Meta", "meta")]),
        ("Epic failures of Epic", [("Epic", "epic")]),
        ("An Apple a Day", []),
        ("一日一蘋果，醫生遠離我", []),
        ("小荷才露尖尖角，小荷健康", [("小荷健康", "xiaohe")]),
    ],
    ids=["english", "case", "whole words", "simplified", "traditional", "japanese", "korean",
         "chinese meta", "japanese meta", "hyphen", "epic", "title case", "proverb", "poem"],
)
def test_names_inside_their_not_names_do_not_link(small, text, expected):
    assert found(small, text) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["LINE과 라인"], set()),  # an ambiguous name without its context
        (["네이버 계열 라인(LINE)"], {"naver", "line"}),
        (["LINE Corporation and LINE"], {"line"}),  # a longer name holding the short one is context enough
        (["네이버", "라인과 엠스리"], {"naver", "line", "m3"}),  # entities let in by context vouch for others
        (["엠스리와 라인"], set()),  # ... but ambiguous names do not vouch for each other alone
        (["Epic won a contract."], set()),
        (["Epic won a contract.", "Cerner lost it."], {"epic", "cerner"}),
        (["Epic Systems won; Epic said so."], {"epic"}),
        (["苹果很好吃"], set()),
        (["Apple and Meta"], set()),  # "any" needs another entity that links on its own
        (["Apple and Meta", "Cerner"], {"apple", "meta", "cerner"}),
        (["Facebook said Meta would"], {"meta"}),  # a name listed as unambiguous needs no context
        (["Facebook and Apple"], {"meta", "apple"}),  # ... and vouches for others
        (["苹果公司的手表"], {"apple"}),
        (["小荷才露尖尖角", "小荷"], set()),
        (["字节跳动旗下的小荷"], {"bytedance", "xiaohe"}),
    ],
)
def test_ambiguous_names_link_with_context_or_a_full_name(small, lines, expected):
    assert linked(small, *lines) == expected


def test_not_names_stop_only_their_own_entity(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text(FIXTURE + """  river:
    type: company
    name: River
    description: d.
    names: {en: [River]}
""", encoding="utf-8")
    linker = Linker(load_registry(path, set()))
    text = "the Amazon River"  # Amazon's phrase; River's name inside it still links
    assert [(text[c.start : c.end], c.entity) for c in linker.candidates(text)] == [("River", "river")]


@pytest.mark.parametrize(
    "text, entity",
    [
        ("The Prime Minister visited the hospital.", "amazon-prime"),
        ("東証プライム市場に上場する", "amazon-prime"),
        ("アマゾン川の流域", "amazon"),
        ("亚马逊河流域的雨林", "amazon"),
        ("아마존강 유역", "amazon"),
        ("an Apple a Day keeps the doctor away", "apple"),
        ("一日一苹果", "apple"),
        ("多项Meta分析显示", "meta"),
        ("メタ分析の結果", "meta"),
        ("메타버스 플랫폼", "meta"),
        ("A Meta-analysis found", "meta"),
        ("온라인 진료 가이드라인", "line"),
        ("제품 라인업", "line"),
        ("영문 알파벳 약자로 쓴다", "alphabet"),
        ("ABC はアルファベット順", "alphabet"),
        ("Ada Lovelace was a mathematician", "ada-health"),
        ("Epic failures of design", "epic"),
        ("Epic Games makes Fortnite", "epic"),
        ("a Safe Haven from the storm", "haven"),
        ("Yale New Haven Hospital", "haven"),
        ("众里寻他千百度", "baidu"),
        ("小荷才露尖尖角", "xiaohe-health"),
        ("这份病历像在读甲骨文一样", "oracle"),
        ("甲骨文字的研究", "oracle"),
        ("塞纳河畔", "cerner"),
        ("三星级酒店", "samsung-electronics"),
        ("Bayer Leverkusen won", "bayer"),
        ("모바일 애플리케이션", "apple"),
        ("蘋果日報報道", "apple"),
        ("上海南京东路", "jd"),
        ("阿里山的日出", "alibaba"),
        ("라인강 유역", "line"),
    ],
)
def test_the_real_registry_knows_common_words(linker, text, entity):
    assert entity not in [c.entity for c in linker.candidates(text)]


@pytest.mark.parametrize(
    "text, surface, entity",
    [
        ("米アマゾン・ドット・コムは24日", "アマゾン・ドット・コム", "amazon"),
        ("オンライン薬局「アマゾン・ファーマシー」", "アマゾン・ファーマシー", "amazon-pharmacy"),
        ("有料会員サービス「プライム」", "プライム", "amazon-prime"),
        ("카카오헬스케어는", "카카오헬스케어", "kakao-healthcare"),
        ("삼성전자도 스마트워치", "삼성전자", "samsung-electronics"),
        ("라인헬스케어가", "라인헬스케어", "line-healthcare"),
        ("甲骨文（Oracle）宣布", "甲骨文", "oracle"),
        ("收購Cerner（塞納）", "塞納", "cerner"),
        ("高瓴资本领投", "高瓴资本", "hillhouse"),
        ("ウォルグリーンが", "ウォルグリーン", "walgreens"),
        ("CVSヘルスや", "CVSヘルス", "cvs-health"),
        ("알파벳 산하 베릴리", "알파벳", "alphabet"),
        ("Le prime reazioni degli analisti", None, "amazon-prime"),
        ("Die Apple Watch erkennt Schlafapnoe", "Apple Watch", "apple"),  # the watch names its maker
        ("애플워치로 심전도를 잰다", "애플워치", "apple"),
    ],
)
def test_the_real_registry_names_companies_in_every_script(linker, text, surface, entity):
    found_here = [(text[c.start : c.end], c.entity) for c in linker.candidates(text)]
    if surface is None:
        assert entity not in [e for _, e in found_here]
    else:
        assert (surface, entity) in found_here


def test_a_declined_not_name_still_guards_the_name(linker):
    assert [c.entity for c in linker.candidates("Paris Hiltons nya parfym", "sv")] == []  # Paris Hilton's
    assert [c.entity for c in linker.candidates("Hiltons hotellkedja", "sv")] == ["hilton"]
