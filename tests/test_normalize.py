"""normalize: each Chinese article in both scripts, the source's own untouched."""

from dossier.detect import detect
from dossier.normalize import normalize


def renditions(cleaned, prefix):
    return {r.language: r for r in normalize(detect(cleaned[prefix])).renditions}


def test_003_title_exists_in_both_scripts(cleaned):
    both = renditions(cleaned, "003")
    assert both["zh-Hant"].title == "阿里健康謀局" and not both["zh-Hant"].converted
    assert both["zh-Hans"].title == "阿里健康谋局" and both["zh-Hans"].converted


def test_001_simplified_original_gets_a_traditional_rendition(cleaned):
    both = renditions(cleaned, "001")
    assert "藥丸包" in "".join(b.text for b in both["zh-Hant"].blocks)
    assert "药丸包" in "".join(b.text for b in both["zh-Hans"].blocks)


def test_canonical_rendition_keeps_source_characters_and_structure(cleaned):
    both = renditions(cleaned, "000")
    assert both["zh-Hant"].blocks == cleaned["000"].blocks  # leftovers such as 于 stay as written
    converted = both["zh-Hans"].blocks
    assert [b.kind for b in converted] == [b.kind for b in cleaned["000"].blocks]
    assert "亚马逊" in converted[0].text


def test_non_chinese_articles_have_one_rendition(cleaned):
    assert list(renditions(cleaned, "002")) == ["de"]
