"""chinese: the one place that talks to OpenCC; the script checks built on it."""

import pytest

from dossier.chinese import FIRST_CONVERTED, SIMPLIFIED, TRADITIONAL, convert, dominant_script, simplify_chars


@pytest.mark.parametrize(
    "text, simplified",
    [
        ("亞馬遜關愛", "亚马逊关爱"),
        ("Amazon 發布 One Medical", "Amazon 发布 One Medical"),
        ("亚马逊", "亚马逊"),  # Simplified already
        ("", ""),
    ],
)
def test_simplify_chars_maps_each_character_and_keeps_offsets(text, simplified):
    assert simplify_chars(text) == simplified
    assert len(simplify_chars(text)) == len(text)


def test_simplify_chars_is_the_character_by_character_conversion_of_a_long_text():
    text = "對于亞馬遜來說，這項服務的失敗或許沒有那么難以接受。乾隆 Amazon Care 2022\n" * 2000
    one_by_one = "".join(c if len(c := convert(ch, SIMPLIFIED)) == 1 else ch for ch in text)
    assert simplify_chars(text) == one_by_one


@pytest.mark.parametrize("target", [SIMPLIFIED, TRADITIONAL])
def test_opencc_leaves_every_character_before_the_cjk_ones_as_it_is(target):
    """simplify_chars looks up only the characters from FIRST_CONVERTED on: an OpenCC whose tables
    convert one before it fails here."""
    below = [chr(code) for code in range(ord(FIRST_CONVERTED))]
    assert [ch for ch in below if convert(ch, target) != ch] == []
    assert simplify_chars("".join(below)) == "".join(below)


@pytest.mark.parametrize(
    "text, script",
    [
        ("對于亞馬遜來說,Amazon Care的失敗或許沒有那么難以接受。之后,這一服務擴大", TRADITIONAL),
        ("对于亚马逊来说，失败或许没有那么难以接受。", SIMPLIFIED),
        # Phrase conversions change the length (乾隆 stays, 于 has several Traditional forms): counted per character.
        ("於是他們搬到了一個很遠的地方，乾隆年間的舊屋裡只剩下書。" * 50, TRADITIONAL),
    ],
)
def test_dominant_script_is_the_script_more_characters_are_written_in(text, script):
    assert dominant_script(text) == script
