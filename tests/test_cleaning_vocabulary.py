"""cleaning_vocabulary: seeds/cleaning.yml compiled, and the answers the clean stage asks for again."""

import re

import pytest

from conftest import ROOT
from dossier.cleaning_vocabulary import NOTICE_ANSWERS_KEPT, load_vocabulary
from dossier.result_cache import data_digest


def test_a_line_asked_about_again_gets_the_patterns_answer(vocabulary):
    lines = ["Subscribe to our newsletter", "© 2023 Example Media. All rights reserved.", "Jetzt anmelden",
             "Amazon opened its first clinics in Seattle.", "亚马逊关闭诊所", ""]
    expected = [bool(vocabulary.notice.compiled.search(line)) for line in lines]
    assert expected[:3] == [True, True, True] and expected[3:] == [False, False, False]
    assert [vocabulary.has_notice_words(line) for line in lines * 2] == expected * 2


def test_the_answers_kept_stay_within_their_bound(vocabulary):
    lines = [f"Line {n} of a long page" for n in range(NOTICE_ANSWERS_KEPT + 10)] + ["Sign in to comment"]
    assert [vocabulary.has_notice_words(line) for line in lines] == [False] * (NOTICE_ANSWERS_KEPT + 10) + [True]
    assert 0 < len(vocabulary._notice_answers) <= NOTICE_ANSWERS_KEPT


def test_the_answers_kept_are_no_part_of_the_vocabularys_cache_key(vocabulary):
    """Every cleaned article is keyed on the vocabulary's digest: a digest that followed the answers kept
    would clean every article again on the next rebuild of `mkdocs serve`."""
    before = data_digest(vocabulary)
    vocabulary.has_notice_words("A line asked about for the first time, to subscribe to a newsletter")
    assert vocabulary._notice_answers and data_digest(vocabulary) == before


def test_loading_the_vocabulary_again_compiles_none_of_its_patterns_again(tmp_path):
    """A test process or `mkdocs serve` loads the vocabulary at every build: its patterns, more than the
    512 that `re` keeps, are compiled once per process, not again each time (a build's other patterns
    would have pushed them out of `re`'s cache)."""
    path = tmp_path / "cleaning.yml"
    path.write_bytes((ROOT / "seeds" / "cleaning.yml").read_bytes())
    first = load_vocabulary(path)
    re.purge()
    again = load_vocabulary(path)
    assert again.notice is first.notice and again.byline is first.byline and again.cookie is first.cookie
    assert all(a.compiled is b.compiled for a, b in zip(first.chrome.every, again.chrome.every, strict=True))


@pytest.mark.parametrize("line, notice", [
    ("Marcus Delahunt has positions in Amazon.", True),  # a finance page's disclosure
    ("This article was generated with AI assistance and reviewed by an editor.", True),
    ("Follow us on Google News", True),
    ("Women hold positions in fewer than a third of hospital boards, the report found.", False),
    ("Clinicians who used AI assistance finished their notes 30 percent faster.", False),
    ("Patients want to keep reading their records on paper.", False),
    ("The clinic earns a commission on each prescription it fills.", False),
])
def test_finance_and_platform_notices_are_told_from_sentences_that_use_their_words(vocabulary, line, notice):
    assert vocabulary.has_notice_words(line) is notice
