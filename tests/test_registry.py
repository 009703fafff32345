"""The entity registry: validated on load, every error naming file, line and field."""

import pytest

from conftest import ROOT, SEEDS
from dossier.curated_yaml import CurationError
from dossier.entity_names import stands_alone
from dossier.registry import LANGUAGES
from dossier.registry_loader import load_registry

ARTICLE = "000_8c560dd54438cdbd.txt"
BASE = """entities:
  amazon:
    type: company
    name: Amazon
    description: An online retailer.
    names: {en: [Amazon], zh-Hans: [亚马逊]}
  pillpack:
    type: pharmacy
    name: PillPack
    description: An online pharmacy.
    names: {en: [PillPack]}
"""


def test_the_real_registry_covers_the_field():
    registry = load_registry(ROOT / "seeds" / "entities.yml", {p.name for p in SEEDS.iterdir()})
    ids = {e.id for e in registry.entities}
    assert len(ids) >= 100
    assert {"amazon", "amazon-care", "haven", "pillpack", "amazon-pharmacy", "one-medical", "ali-health", "alibaba",
            "jd-health", "tencent", "baidu", "bytedance", "ping-an-good-doctor", "google", "verily", "apple",
            "microsoft", "meta", "unitedhealth", "cvs-health", "epic", "cerner", "teladoc", "oracle",
            "samsung-electronics", "samsung-health", "huawei", "sony", "m3", "line", "line-healthcare", "kakao",
            "kakao-healthcare", "naver", "babylon-health", "ada-health", "doctolib", "walmart", "livongo",
            "hillhouse", "amazon-prime"} <= ids
    amazon = registry.get("amazon")
    assert amazon.names["zh-Hant"] == ("亞馬遜", "亞馬遜公司")  # derived from zh-Hans through OpenCC
    assert {"en", "zh-Hans", "zh-Hant", "ja", "ko"} <= set(amazon.names)
    assert "アマゾン川" in amazon.not_names
    assert registry.get("samsung-electronics").names["ko"] == ("삼성전자", "삼성")
    assert "甲骨文" in registry.get("oracle").names["zh-Hant"]
    assert {"غوغل", "גוגל", "گوگل", "गूगल"} <= set(registry.get("google").aliases)  # scripts without a names field
    # the companies most written about, in the scripts of South Asia and in Cyrillic; the river is not the company
    assert {"Амазон", "অ্যামাজন", "அமேசான்"} <= set(amazon.aliases) and "река Амазон" in amazon.not_names
    assert {"એમેઝોન", "ਐਮਾਜ਼ਾਨ", "అమెజాన్", "ॲमेझॉन", "ಅಮೆಜಾನ್", "ആമസോൺ"} <= set(amazon.aliases)
    assert {"అమెజాన్ నది", "ആമസോൺ നദി"} <= set(amazon.not_names)
    assert {"অ্যাপল", "एप्पल", "ایپل"} <= set(registry.get("apple").aliases)
    assert {"மைக்ரோசாஃப்ட்", "মাইক্রোসফট"} <= set(registry.get("microsoft").aliases)


@pytest.mark.parametrize(
    "addition, line, field, message",
    [
        (f"    relations:\n      - {{type: acquired by, target: amazn, sources: [{ARTICLE}]}}\n", 13,
         "entities.pillpack.relations.0.target", "unknown entity id 'amazn'"),
        ("    aliases: [亞馬遜]\n", 12, "entities.pillpack.aliases.0", "already belongs to entity 'amazon'"),
        # One name to the linker, which reads text character by character in Simplified script (乾 → 干).
        ("    aliases: [乾隆健康]\n  other:\n    type: company\n    name: Other\n    description: d\n"
         "    names: {en: [Other], zh-Hans: [干隆健康]}\n", 17, "entities.other.names.zh-Hans.0", "already belongs to entity 'pillpack'"),
        (f"    events:\n      - {{date: 2018-13, type: acquired, description: d, sources: [{ARTICLE}]}}\n", 13,
         "entities.pillpack.events.0.date", "not a calendar date"),
        (f"    events:\n      - {{date: 18 June 2018, type: acquired, description: d, sources: [{ARTICLE}]}}\n", 13,
         "entities.pillpack.events.0.date", "does not match"),
        ("    events:\n      - {date: '2018', type: acquired, description: d, sources: [nope.txt]}\n", 13,
         "entities.pillpack.events.0.sources.0", "no such article"),
        (f"    relations:\n      - {{type: friend, target: amazon, sources: [{ARTICLE}]}}\n", 13,
         "entities.pillpack.relations.0.type", "is not one of"),
        ("    context: [nobody]\n", 12, "entities.pillpack.context.0", "unknown entity id"),
        ("    unambiguous: [Pill Pack]\n", 12, "entities.pillpack.unambiguous.0", "not one of its names"),
        ("    given_names: [Pill]\n", 12, "entities.pillpack.given_names.0", "not one of its names"),
        ("    aliases: ['&']\n", 12, "entities.pillpack.aliases.0", "holds no letter or digit"),
        ("    aliases: ['\u200b']\n", 12, "entities.pillpack.aliases.0", "holds no letter or digit"),
        ("    colour: blue\n", 12, "entities.pillpack.colour", "unknown field"),
        ("    not_names: [pill box]\n", 12, "entities.pillpack.not_names.0", "holds none of the entity's names"),
        ("    not_names: [PillPackage]\n", 12, "entities.pillpack.not_names.0", "holds none of the entity's names"),
        ("    not_names:\n      - PillPack box\n      - 亚马逊河\n", 14, "entities.pillpack.not_names.1",
         "holds none of the entity's names"),
        ("    not_names: [pillpack]\n", 12, "entities.pillpack.not_names.0", "is one of the entity's own names"),
        ("    not_names: ['']\n", 12, "entities.pillpack.not_names.0", "should be non-empty"),
        (f"    relations:\n      - {{type: acquired by, target: amazon, date: '2018-02-30', sources: [{ARTICLE}]}}\n",
         13, "entities.pillpack.relations.0.date", "not a calendar date"),
        ("    people:\n      - {name: T. J. Parker, role: co-founder, sources: [nope.txt]}\n", 13,
         "entities.pillpack.people.0.sources.0", "no such article"),
        (f"    people:\n      - {{name: T. J. Parker, sources: [{ARTICLE}]}}\n", 13, "entities.pillpack.people.0",
         "'role' is a required property"),
        (f"    headquarters: {{place: Boston, city: Boston, sources: [{ARTICLE}]}}\n", 12,
         "entities.pillpack.headquarters.city", "unknown field"),
        ("    overview: ''\n", 12, "entities.pillpack.overview", "should be non-empty"),
    ],
    ids=["unknown relation target", "duplicate alias", "one name to the linker", "impossible date", "malformed date", "unknown source",
         "unknown relation type", "unknown context", "unambiguous name not its own", "given name not its own",
         "a name of no letter",
         "a name of an invisible character", "unknown field", "not_name without the name",
         "not_name with the name inside a word", "not_name of another entity", "not_name that is the name",
         "empty not_name", "impossible relation date", "person from an unknown source", "person without a role",
         "unknown headquarters field", "empty overview"],
)
def test_broken_registry_names_file_line_and_field(tmp_path, addition, line, field, message):
    path = tmp_path / "entities.yml"
    path.write_text(BASE + addition, encoding="utf-8")
    with pytest.raises(CurationError) as error:
        load_registry(path, {ARTICLE})
    text = str(error.value)
    assert text.startswith(f"{path}:{line}: field '{field}'"), text
    assert message in text


def test_profile_facts_load(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text(BASE + f"""    overview: An online pharmacy Amazon bought.
    headquarters: {{place: Boston, sources: [{ARTICLE}]}}
    people:
      - {{name: Zhu Shunyan, role: chief executive, as_written: 朱順炎, sources: [{ARTICLE}]}}
    relations:
      - {{type: acquired by, target: amazon, date: "2018-09", amount: 753 million US dollars, announced: true, sources: [{ARTICLE}]}}
""", encoding="utf-8")
    pillpack = load_registry(path, {ARTICLE}).get("pillpack")
    assert pillpack.overview == "An online pharmacy Amazon bought."
    assert (pillpack.headquarters.value, pillpack.headquarters.sources) == ("Boston", (ARTICLE,))
    person = pillpack.people[0]
    assert (person.value, person.role, person.as_written) == ("Zhu Shunyan", "chief executive", "朱順炎")
    relation = pillpack.relations[0]
    assert (relation.date, relation.amount, relation.announced) == ("2018-09", "753 million US dollars", True)
    amazon = load_registry(path, {ARTICLE}).get("amazon")
    assert (amazon.overview, amazon.headquarters, amazon.people) == (None, None, ())


def test_curated_strings_take_the_form_of_article_text(tmp_path):
    """An escaped control character in a curated name is dropped, and the name composed (NFC), as in
    article text: the profile, the JSON and the search index all show the same string."""
    path = tmp_path / "entities.yml"
    path.write_text(_replace_pillpack_names('{en: ["Pill\\x02Pack", "Pill Pack Pharmacie\\u0301"]}'), encoding="utf-8")
    assert load_registry(path, set()).get("pillpack").names["en"] == ("PillPack", "Pill Pack Pharmaci\u00e9")


def _replace_pillpack_names(names: str) -> str:
    return BASE.replace("    names: {en: [PillPack]}\n", f"    names: {names}\n")


def test_names_in_every_language_the_site_reads(tmp_path):
    assert LANGUAGES == ["en", "zh-Hans", "zh-Hant", "ja", "ko", "de", "fr", "es", "it", "pt"]
    path = tmp_path / "entities.yml"
    path.write_text(_replace_pillpack_names("{en: [PillPack], ko: [필팩], it: [PillPack], pt: [PillPack], ja: [ピルパック]}"),
                    encoding="utf-8")
    pillpack = load_registry(path, set()).get("pillpack")
    assert pillpack.names == {"en": ("PillPack",), "ja": ("ピルパック",), "ko": ("필팩",), "it": ("PillPack",),
                              "pt": ("PillPack",)}


@pytest.mark.parametrize(
    "names, field, message",
    [
        ("{ko: [필팩]}", "entities.pillpack.names", "'en' is a required property"),
        ("{en: [PillPack], nl: [PillPack]}", "entities.pillpack.names.nl", "unknown field"),
        ("{en: [PillPack], pt: []}", "entities.pillpack.names.pt", "should be non-empty"),
    ],
    ids=["without English", "unknown language", "empty language"],
)
def test_broken_names_name_file_line_and_field(tmp_path, names, field, message):
    path = tmp_path / "entities.yml"
    path.write_text(_replace_pillpack_names(names), encoding="utf-8")
    with pytest.raises(CurationError) as error:
        load_registry(path, set())
    assert str(error.value).startswith(f"{path}:11: field '{field}'"), str(error.value)
    assert message in str(error.value)


@pytest.mark.parametrize(
    "phrases",
    [["PillPack box"], ["pillpack box"], ["PILLPACK BOX", "die PillPack-Dose"], ["ピルパック川"], ["필팩강"]],
    ids=["same case", "other case", "upper case and hyphen", "katakana then kanji", "hangul then hangul"],
)
def test_valid_not_names_load(tmp_path, phrases):
    path = tmp_path / "entities.yml"
    text = _replace_pillpack_names("{en: [PillPack], ja: [ピルパック], ko: [필팩]}")
    path.write_text(text + "    not_names: [" + ", ".join(phrases) + "]\n", encoding="utf-8")
    assert load_registry(path, set()).get("pillpack").not_names == tuple(phrases)


@pytest.mark.parametrize(
    "phrase",
    ["PillPackage box", "ピルパックス", "슈퍼필팩"],  # no case ending makes "PillPackage"
    ids=["latin inside a word", "katakana inside a word", "hangul inside a word"],
)
def test_not_names_must_hold_the_name_as_a_word(tmp_path, phrase):
    path = tmp_path / "entities.yml"
    text = _replace_pillpack_names("{en: [PillPack], ja: [ピルパック], ko: [필팩]}")
    path.write_text(text + f"    not_names: [{phrase}]\n", encoding="utf-8")
    with pytest.raises(CurationError, match="holds none of the entity's names as a word"):
        load_registry(path, set())


@pytest.mark.parametrize(
    "text, start, end, alone",
    [
        ("Amazon", 0, 6, True),
        ("Amazonas", 0, 6, False),
        ("PanAmazon", 3, 9, False),
        ("l'Amazon-Aktie", 2, 8, True),
        ("Amazonía", 0, 6, False),  # accented Latin letters continue a word
        ("M30", 0, 2, False),
        ("アマゾンの", 0, 4, True),
        ("アマゾンプライム", 0, 4, False),
        ("スーパーアマゾン", 4, 8, False),
        ("アマゾン・ケア", 0, 4, True),
        ("ソニー", 0, 2, False),  # the length mark ー belongs to the word
        ("ｱﾏｿﾞﾝｽ", 0, 5, False),  # half-width katakana too
        ("라인은", 0, 2, True),
        ("온라인", 1, 3, False),
        ("삼성전자", 0, 2, True),  # the end stays open (Korean particles and compounds)
        ("美 아마존", 2, 5, True),
        ("亚马逊河", 0, 3, True),  # no boundaries between Chinese characters
        ("ソニーは", 0, 3, True),  # its length mark ends the katakana word
        # the other scripts written with spaces: between non-letters
        ("компания Гугл объявила", 9, 13, True),
        ("Гуглом", 0, 4, False),  # a case ending: another word to the linker
        ("أعلنت غوغل أمس", 6, 10, True),
        ("कंपनी गूगल ने", 6, 10, True),
        ("गूगली", 0, 4, False),  # a vowel sign continues the word
        # Arabic and Hebrew write "and", "at", "for" onto the name: one or two such letters at a word's start
        ("قالت أمازون وغوغل", 13, 17, True),  # و: and Google
        ("وبغوغل", 2, 6, True),  # and with Google
        ("עובדים במיקרוסופט", 8, 17, True),  # ב: at Microsoft
        ("مغوغل", 1, 5, False),  # م is no proclitic: another word
        ("أبغوغل", 2, 6, False),  # proclitics, but not at the word's start
        ("للغوغل", 2, 6, False),  # a preposition and the article: "for the …", no company's name
        ("הגוגל", 1, 5, False),  # the article: "the …"
        ("ובגוגל", 2, 6, True),  # a conjunction before a preposition: "and at Google"
    ],
)
def test_stands_alone_per_script(text, start, end, alone):
    assert stands_alone(text, start, end) is alone
