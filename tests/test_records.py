"""records: the typed records every stage passes on, and the names they are known by."""

import pytest

from dossier.records import file_name


@pytest.mark.parametrize(("source_file", "name"), [
    ("seeds/articles/000_8c560dd54438cdbd.txt", "000_8c560dd54438cdbd.txt"),
    ("seeds/articles/enc/中文.txt", "中文.txt"),  # in a subfolder: the curation names the file alone
    ("seeds/articles/.hidden.md", ".hidden.md"),
    ("article.txt", "article.txt"),
    ("seeds/articles/cafe\u0301-news.txt", "caf\u00e9-news.txt"),  # decomposed on disk, composed as curated
])
def test_a_source_file_is_named_by_the_last_part_of_its_path(source_file, name):
    assert file_name(source_file) == name
