"""detect: language as BCP 47, and the Chinese script by what OpenCC would change."""

import pytest

from dossier.chinese import SIMPLIFIED, TRADITIONAL, dominant_script
from dossier.detect import detect, detect_language


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
