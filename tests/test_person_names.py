"""person_names: the shape of a person's name in each script; places, outlets, roles, chrome are none."""

import pytest

from dossier.person_names import person_name, unmarked_name


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe", True), ("Daniel Ruiz de la Cruz", True), ("Siobhán O’Neill", True), ("J. K. Lane", True),
    ("叶知秋", True), ("韓璐", True), ("佐藤 健太", True), ("이서연", True), ("拉里·埃里森", True),
    ("Madrid", False), ("The Civic Post", False), ("Le Fil Santé", False), ("Skip to content", False),
    ("PM ET", False), ("Traduzido do inglês", False), ("中国健康商报网", False), ("新华网", False),
    ("健康產業觀察", False), ("기자", False), ("编辑", False), ("news@example.com", False), ("Jane 2", False),
    # a link's words, an agency's: two capitalized words are no name with one of them
    ("Privacy Policy", False), ("Getty Images", False), ("Bloomberg News", False), ("Contact Us", False),
    ("Editorial Board", False),
    # a father's initial run on to the name, as Mongolian writes it; not an abbreviation
    ("Б.Сарнай", True), ("U.S.", False), ("e.g.", False),
])
def test_person_name(text, expected):
    assert person_name(text) is expected


@pytest.mark.parametrize(("name", "unmarked"), [
    ("张伟", True), ("張偉", True), ("欧阳娜娜", True), ("歐陽娜娜", True),  # a common surname, either script
    ("健康", False), ("科技", False), ("健康频道", False), ("経済", False),  # a section's word
    ("佐藤 健太", True),  # a Japanese name set apart in two
    ("Jane Doe", True),  # other names as they are
    # a Korean name: three syllables after a common surname, four after a compound one; not a section's word
    ("김민준", True), ("남궁민수", True), ("기업분석", False), ("정치", False), ("스포츠", False),
])
def test_a_cjk_name_no_byline_marks_opens_with_a_surname(name, unmarked):
    assert unmarked_name(name) is unmarked
