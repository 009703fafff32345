"""Whole-line patterns indexed by what a line may open with answer as the one alternation of them would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.line_patterns import LinePatterns, key, opening_keys

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("pattern", "opens_with"), [
    ("share|tweet", "st"),
    ("(?:follow|print)( this)?", "fp"),
    ("(a )?story", "as"),  # an optional start: what follows it may open the line too
    (r"\bcomments?", "c"),  # an anchor takes no character
    (r"[(（]\d+[)）]", "(（"),
    (r"\d+ views", "0"),  # any digit: one key
    ("[a-c]x", "abcABC"),
    ("(?-i:Reporting) by", "r"),  # case-sensitive inside: indexed as if not (a wider index, never a narrower)
])
def test_a_pattern_is_indexed_by_the_characters_it_can_open_with(pattern, opens_with):
    keys, _longest = opening_keys(pattern)
    assert keys == frozenset(map(key, opens_with))


@pytest.mark.parametrize("pattern", [".{0,12}をシェア", "[^.!?]{0,30}automatically", r"\w+ said", "(?:a|.)b"])
def test_a_pattern_that_may_open_with_anything_is_tried_on_every_line(pattern):
    assert opening_keys(pattern)[0] is None
    assert LinePatterns.of([pattern]).anywhere


@pytest.mark.parametrize(("first", "same"), [
    ("s", "S"), ("s", "ſ"),  # the long s matches s, as the engine reads it
    ("i", "I"), ("i", "ı"), ("i", "İ"),  # Turkish dotless and dotted i
    ("k", "K"),  # the Kelvin sign
    ("σ", "ς"), ("1", "٣"), ("1", "９"),  # final sigma; any decimal digit
])
def test_characters_the_engine_matches_for_each_other_share_a_key(first, same):
    assert key(first) == key(same)
    assert LinePatterns.of([f"{first}x"]).fullmatch(f"{same}x") == bool(re.fullmatch(f"{first}x", f"{same}x", re.I))


@pytest.mark.parametrize(("pattern", "line", "matches"), [
    ("share", "SHARE", True),
    ("share", "share this", False),  # the whole line, not its start
    (".{0,3}x", "abx", True),
    (".{0,3}x", "abcdex", False),  # longer than the pattern can match: not tried
    ("(?=a)abc", "abc", True),
    (r"\d+ min read", "٥ min read", True),
    ("a+", "", False),
])
def test_a_line_matches_as_it_would_the_pattern_alone(pattern, line, matches):
    assert LinePatterns.of(["zzz", pattern]).fullmatch(line) is matches
    assert bool(re.fullmatch(f"zzz|(?:{pattern})", line, re.IGNORECASE)) is matches


VOCABULARY = yaml.safe_load((ROOT / "seeds" / "cleaning.yml").read_text(encoding="utf-8"))
INDEXED = {name: LinePatterns.of(VOCABULARY[name]) for name in ("chrome", "consent_button")}
JOINED = {name: re.compile("|".join(f"(?:{pattern})" for pattern in VOCABULARY[name]), re.IGNORECASE)
          for name in INDEXED}
SAMPLE_LINES = ["Share", "Teilen", "ſhare", "İmprimir", "12 min read", "Comments (12)", "分享到：", "Read more",
                "The clinic closed on Tuesday.", "Facebook", "Skip to main content", "阅读原文", "3.2K views",
                "Accept all", "Alle akzeptieren", "Tout refuser", "Manage cookies"]


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(SAMPLE_LINES),
                 st.builds(lambda line, upper: line.upper() if upper else line.lower(), st.sampled_from(SAMPLE_LINES),
                           st.booleans()),
                 st.text(alphabet=st.sampled_from("aAsSſiIıİkK٣1 .:|分享()"), max_size=14)))
def test_the_vocabularys_whole_line_lists_answer_as_their_one_alternation_does(line):
    for name, indexed in INDEXED.items():
        assert indexed.fullmatch(line) == bool(JOINED[name].fullmatch(line)), name
