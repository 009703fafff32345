"""metadata: what the text states is extracted; the rest comes from validated curation."""

import pytest

from dossier.curation import CurationError
from dossier.metadata import article_id, extract, load_curation
from dossier.records import Block, Inline


def block(text):
    return Block("paragraph", (Inline(text),), 1)


def test_003_dateline_publication_and_author_come_from_the_text(articles):
    article = articles["003"]
    assert (article.published.value, article.published.provenance) == ("2020-04-29", "text")
    assert article.publisher.value == "21世紀商業評論"
    assert (article.author.value, article.author.provenance) == ("韓璐", "text")


def test_001_original_url_comes_from_the_text(articles):
    article = articles["001"]
    assert article.original_url.value.startswith("https://medium.datadriveninvestor.com/the-wellcare-new-trail")
    assert article.original_url.provenance == "text"
    assert article.translated_from.language == "en"


def test_000_byline_names_the_source_outlet(articles):
    assert (articles["000"].author.value, articles["000"].author.provenance) == ("動脈網", "text")
    assert articles["000"].publisher.provenance == "curated"


def test_004_english_headline_marks_a_translation(articles):
    translated = articles["004"].translated_from
    assert translated.language == "en"
    assert translated.title == "Amazon to shut down its telehealth offering"


def test_every_seed_has_an_english_title_and_summary(articles):
    for article in articles.values():
        assert article.title_en and len(article.summary_en) > 80


def test_extract_ignores_impossible_dates():
    assert extract((block("2020-02-30 08:00 某報"),)).published is None


def test_article_ids_are_url_safe():
    assert article_id("seeds/articles/000_8c560dd54438cdbd.txt") == "000_8c560dd54438cdbd"
    assert article_id("seeds/articles/Über uns (2).TXT") == "ber-uns-2"


@pytest.mark.parametrize(
    "yaml_text, line, field",
    [
        ("articles:\n  a.txt:\n    title_en: T\n    summary_en: S\n    colour: red\n", 5, "articles.a.txt.colour"),
        ("articles:\n  a.txt:\n    title_en: T\n", 3, "articles.a.txt"),
        ("articles:\n  a.txt:\n    title_en: T\n    summary_en: S\n    published: 2022-13-45\n", 5,
         "articles.a.txt.published"),
        ("articles:\n  a.txt:\n    title_en: T\n    summary_en: S\n    published: 24.08.2022\n", 5,
         "articles.a.txt.published"),
        ("articles:\n  b.txt:\n    title_en: T\n    summary_en: S\n", 3, "articles.b.txt"),
        ("articles:\n  a.txt:\n    title_en: [unclosed\n", 4, None),
        ("articles:\n  a.txt:\n    title_en: T\n    title_en: U\n    summary_en: S\n", 4, None),
    ],
    ids=["unknown field", "missing field", "impossible date", "malformed date", "unknown article",
         "syntax error", "duplicate key"],
)
def test_malformed_curation_names_file_line_and_field(tmp_path, yaml_text, line, field):
    path = tmp_path / "articles.yml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(CurationError) as error:
        load_curation(path, {"a.txt"})
    message = str(error.value)
    assert message.startswith(f"{path}:{line}:")
    if field:
        assert f"field '{field}'" in message
