"""Profiles: facts with their sources, events without doubles, relations read from the profile's side,
quotes that are whole sentences of prose, and the index that keeps unmentioned profiles apart."""

from collections import Counter
from dataclasses import replace

import pytest

from conftest import FOUNDING
from dossier.profiles import profile, profile_index, quotes_of, type_label
from dossier.quotations import quotations
from dossier.registry import Event, merged_events
from dossier.registry_loader import load_registry
from dossier.thresholds import QUOTES

MEMO, REPORT = "002_28d1916b4c7a27ba.txt", "004_dd2d94cc94ac1fc7.txt"
LIST = "001_05f2a6e073801e21.txt"

# A registry over the founding articles with the facts the profiles show; every fact is one the cited
# article states (the memo names Amazon's home town and Andy Jassy; the report, One Medical's deal).
REGISTRY = f"""entities:
  amazon:
    type: company
    name: Amazon
    description: An online retailer.
    names: {{en: [Amazon], zh-Hans: [亚马逊]}}
    headquarters: {{place: Seattle, sources: [{MEMO}]}}
    people:
      - {{name: Andy Jassy, role: chief executive, sources: [{MEMO}]}}
  amazon-care:
    type: venture
    name: Amazon Care
    description: Amazon's clinic service.
    names: {{en: [Amazon Care]}}
    events:
      - {{date: "2019", type: launched, description: A pilot., sources: [{MEMO}]}}
      - {{date: "2019-09", type: launched, description: A pilot for staff., sources: [{LIST}]}}
      - {{date: "2022-08-24", type: closure announced, description: A memo., sources: [{MEMO}, {REPORT}]}}
    relations:
      - {{type: parent, target: amazon, sources: [{MEMO}]}}
  one-medical:
    type: health system
    name: One Medical
    description: A primary care chain.
    names: {{en: [One Medical]}}
    relations:
      - {{type: acquired by, target: amazon, date: "2022-07-21", amount: 3.9 billion US dollars, announced: true, sources: [{REPORT}]}}
  epic:
    type: EHR vendor
    name: Epic Systems
    description: A maker of health records software.
    names: {{en: [Epic Systems]}}
"""


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "entities.yml"
    path.write_text(REGISTRY, encoding="utf-8")
    return load_registry(path, {p.name for p in (FOUNDING / "articles").iterdir()})


@pytest.fixture(scope="module")
def by_file(articles):
    return {article.clean.source_file.rsplit("/", 1)[-1]: article for article in articles.values()}


def _event(date, kind="acquired", source="a.txt"):
    return Event(date, kind, f"{kind} at {date}", (source,))


@pytest.mark.parametrize("events, expected", [
    ([_event("2018", source="a"), _event("2018-09", source="b")], [("2018-09", "acquired", ("b", "a"))]),
    ([_event("2022-08"), _event("2022-08-24")], [("2022-08-24", "acquired", ("a.txt",))]),
    ([_event("2018"), _event("2019-09")], [("2018", "acquired", ("a.txt",)), ("2019-09", "acquired", ("a.txt",))]),
    ([_event("2018", "founded"), _event("2018-01", "closed")],
     [("2018", "founded", ("a.txt",)), ("2018-01", "closed", ("a.txt",))]),
], ids=["year and month", "month and day", "other year", "other type"])
def test_a_year_and_a_month_of_one_event_are_one_event(events, expected):
    assert [(e.date, e.type, e.sources) for e in merged_events(tuple(events))] == expected


@pytest.mark.parametrize("kind, label", [("EHR vendor", "EHR vendor"), ("joint venture", "Joint venture"),
                                         ("company", "Company")])
def test_type_labels_keep_acronyms(kind, label):
    assert type_label(kind) == label


def test_relations_read_from_the_profiles_side_with_date_and_amount(registry, by_file):
    care = profile(registry.get("amazon-care"), registry, by_file)
    assert [(r.phrase, r.other.id) for r in care.relations] == [("operated by", "amazon")]
    amazon = profile(registry.get("amazon"), registry, by_file)
    lines = {r.other.id: r for r in amazon.relations}
    assert lines["amazon-care"].phrase == "operates"
    deal = lines["one-medical"]
    assert (deal.phrase, deal.date, deal.amount) == ("agreed to acquire", "2022-07-21", "3.9 billion US dollars")
    medical = profile(registry.get("one-medical"), registry, by_file)
    assert medical.relations[0].phrase == "agreed to be acquired by"


def test_the_parent_lists_the_events_of_what_it_owns_once(registry, by_file):
    events = profile(registry.get("amazon"), registry, by_file).events
    assert [(e.date, e.subject.id, e.type) for e in events] == [
        ("2019-09", "amazon-care", "launched"), ("2022-08-24", "amazon-care", "closure announced")]
    launch = events[0]
    assert [c.file for c in launch.cites] == [LIST, MEMO]


def test_facts_cite_the_paragraph_that_states_them(registry, by_file):
    facts = {f.label: f for f in profile(registry.get("amazon"), registry, by_file).facts}
    assert facts["Type"].value == "Company"
    seattle = facts["Headquarters"].cites[0]
    assert seattle.file == MEMO
    paragraph = seattle.article.normalized.renditions[0].blocks[seattle.block - 1].text
    assert "Seattle" in paragraph and "Amazon" in paragraph
    jassy = facts["Key people"]
    assert jassy.value == "Andy Jassy, chief executive"
    assert "Andy Jassy" in by_file[MEMO].normalized.renditions[0].blocks[jassy.cites[0].block - 1].text


def test_facts_box_gives_parent_founding_and_status_with_dates(registry, by_file):
    facts = {f.label: f for f in profile(registry.get("amazon-care"), registry, by_file).facts}
    assert (facts["Parent"].value, facts["Parent"].link) == ("Amazon", "amazon")
    assert facts["Founded"].value == "2019-09 (launched)"
    assert facts["Status"].value == "closure announced, 2022-08-24"
    assert {c.file for c in facts["Status"].cites} == {MEMO, REPORT}
    owner = {f.label: f for f in profile(registry.get("one-medical"), registry, by_file).facts}["Owner"]
    assert owner.value == "Amazon"


def test_a_fact_no_paragraph_states_is_cited_to_the_article(registry, by_file):
    # The report never writes "2022" beside One Medical's deal: no paragraph is claimed for it.
    deal = next(r for r in profile(registry.get("amazon"), registry, by_file).relations if r.other.id == "one-medical")
    assert [(c.file, c.block) for c in deal.cites] == [(REPORT, None)]


def test_quotes_are_whole_sentences_across_german_ordinals(articles):
    quotes = quotes_of(articles["002"])["one-medical"]
    texts = [sentence["de"] for _, sentence in quotes.sentences]
    assert any("am 21. Juli bekannt gegebenen Vereinbarung" in text for text in texts)
    assert not any(text.startswith("Juli") or text.endswith("am 21.") for text in texts)
    assert all(text[-1] in ".!?”\"" for text in texts)


def test_quotes_skip_blocks_that_are_not_prose(articles):
    article = articles["004"]
    blocks = article.normalized.renditions[0].blocks
    headline = next(n for n, b in enumerate(blocks, 1) if b.text.startswith("Entreprise de soins de santé"))
    assert any(m.entity == "berkshire-hathaway" and m.block == headline for m in article.mentions)
    quoted = quotes_of(article)["berkshire-hathaway"].sentences
    assert quoted and headline not in [block for block, _ in quoted]


def test_chinese_quotes_come_in_both_scripts_own_first(articles):
    quote = quotes_of(articles["003"])["ali-health"]
    _, sentence = quote.sentences[0]
    assert list(sentence) == ["zh-Hant", "zh-Hans"]
    assert "阿里健康" in sentence["zh-Hant"] and "阿里健康" in sentence["zh-Hans"]
    assert len(quote.sentences) == QUOTES.per_article
    naming = {m.block for m in articles["003"].mentions if m.entity == "ali-health"}
    assert 0 < quote.more <= len(naming) - len({number for number, _ in quote.sentences})


def test_the_index_keeps_unmentioned_profiles_apart(registry):
    index = profile_index(registry.entities, [], Counter({"amazon": 3, "amazon-care": 1}))
    assert [(kind, [e.id for e in group]) for kind, group in index["groups"]] == [
        ("company", ["amazon"]), ("venture", ["amazon-care"])]
    assert [e.id for e in index["unmentioned"]] == ["epic", "one-medical"]


def test_quotations_are_cut_with_the_per_article_stages_as_a_profile_would_cut_them(articles):
    """The pipeline cuts each article's quotations in its worker processes (cached with the article);
    a profile shows the same sentences it would cut itself."""
    for prefix, article in articles.items():
        assert article.quotations is not None, prefix
        assert article.quotations == quotations(replace(article, quotations=None)), prefix
        shown = {entity: (q.sentences, q.surfaces, q.mistranslated, q.more) for entity, q in quotes_of(article).items()}
        cut_now = quotes_of(replace(article, quotations=None))
        assert shown == {entity: (q.sentences, q.surfaces, q.mistranslated, q.more) for entity, q in cut_now.items()}
    assert any(q.sentences for article in articles.values() for q in article.quotations)
