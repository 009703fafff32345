"""pattern_words: a pattern searched through prose is tried only on a text that holds one of its words, and
the test never spares a search that would have matched."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.pattern_words import WordGatedPattern, fold, required_words, word_gated


@pytest.mark.parametrize(("pattern", "words"), [
    ("cookie", ("cookie",)),
    ("not (an? )?(investment|financial) advice", ("financial", "investment")),  # the set whose shortest is longest
    ("newsletter|投资有风险", ("newsletter", "投资有风险")),  # one word per alternative
    (r"\b(has|have|holds?) (no )?positions? in", ("position",)),  # an optional part needs nothing
    ("(?:sign|log)-?in to comment", ("in to comment",)),
    ("(打开|下载).{0,10}(app|客户端)", ("app", "客户端")),
    ("©|ⓒ", ("©", "ⓒ")),  # one character, but no ASCII letter: a word worth testing
    ("(?-i:Reuters) photo", ("reuters",)),  # folded, as every word
    ("(ab)+c", ("ab",)),  # repeated at least once: needed
])
def test_a_pattern_needs_one_of_its_words(pattern, words):
    assert required_words(pattern) == words


@pytest.mark.parametrize("pattern", [
    r"cookie|\d+",  # an alternative without a word
    "a|bc",  # a word of one ASCII letter spares nothing
    "\u212a|bc",  # nor one that folds to an ASCII letter (the Kelvin sign, a k)
    "(ab)*c",  # an optional repeat: no word needed
    "[a-z]{5,}",  # a set of characters is no word
    "(?=cookie)",  # a lookahead takes no character
])
def test_a_pattern_that_may_match_without_a_word_is_searched_in_every_text(pattern):
    gated = word_gated(re.compile(pattern, re.IGNORECASE))
    assert gated.words is None
    assert gated.found_in("x cookie y" if "cookie" in pattern else "bc ccccc") is True


@pytest.mark.parametrize(("pattern", "text", "found"), [
    ("newsletter", "Subscribe to our NEWSLETTER today", True),
    ("newsletter", "A letter to the editor", False),
    ("straße", "STRASSE", False),  # the engine matches no two letters for one: neither does the test
    ("straße", "STRAẞE", True),  # capital sharp s
    ("kosten", "KOſTEN", True),  # the long s is an s to the engine
    ("ayarlar", "AYARLAR", True),
    ("tavsiyesi", "TAVSİYESİ", True),  # Turkish dotted capital I, lower-cased with its dot
    ("ıslak", "ISLAK", True),  # dotless i and I: the same letter to the engine
    ("σοφος", "ΣΟΦΟΣ", True),  # a final sigma, lower-cased as ς
])
def test_the_words_are_compared_as_the_engine_compares_letters(pattern, text, found):
    compiled = re.compile(pattern, re.IGNORECASE)
    assert (compiled.search(text) is not None) is found
    assert word_gated(compiled).found_in(text) is found


def test_every_letter_the_engine_matches_for_another_folds_to_the_same():
    """For every cased character of Unicode, each of its case forms that the engine matches for it folds
    to a text that holds the character's fold: the test of words can only spare a failing search."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.lower() == char and char.upper() == char:
            continue
        engine = re.compile(re.escape(char), re.IGNORECASE)
        for other in {char.lower(), char.upper(), char.title(), char.casefold()}:
            if len(other) == 1 and engine.fullmatch(other):
                assert fold(char) in fold(other), (char, other)


_LETTERS = st.sampled_from("aAeEiIıİsSſσςΣkKKßẞ ©cookienwsltr投资有风险")
_PATTERNS = ["cookies?", "newsletter", "ıs", "is", "ſe", "σς", "straße", "k©", "投资有风险", r"\bsie\b|kiss"]


@given(st.lists(_LETTERS, max_size=40).map("".join), st.sampled_from(_PATTERNS))
def test_the_gated_search_answers_as_the_engine_does(text, pattern):
    compiled = re.compile(pattern, re.IGNORECASE)
    assert word_gated(compiled).found_in(text) is (compiled.search(text) is not None)


def test_the_vocabularys_prose_lists_are_gated_and_answer_as_their_patterns(vocabulary):
    """The notice, cookie and disclosure lists each need a word (else the gate would spare nothing), and
    answer on real lines as their alternations do."""
    lines = ["Subscribe to our newsletter", "We use cookies to improve your experience.",
             "The author holds no positions in the stocks mentioned.", "本文不构成投资建议。",
             "Amazon opened its first clinics in Seattle.", "亚马逊关闭诊所", "© 2024 Example Media", ""]
    for gated in (vocabulary.notice, vocabulary.cookie, vocabulary.disclosure):
        assert isinstance(gated, WordGatedPattern) and gated.words
        assert [gated.found_in(line) for line in lines] == [gated.compiled.search(line) is not None for line in lines]
