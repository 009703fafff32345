"""link: every mention in every language and script, the source's own words, and no false links."""

from pathlib import Path

import pytest

from dossier.clean import clean
from dossier.detect import detect
from dossier.ingest import ingest
from dossier.link import Linker, link, sentence_around, sentence_ends
from dossier.metadata import build_article
from dossier.normalize import normalize
from dossier.records import SourceFile
from dossier.registry import load_registry

from conftest import ROOT, SEEDS


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
