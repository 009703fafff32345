"""ingest: bytes -> text, or a rejection with a reason a maintainer understands."""

import hashlib

import pytest

from dossier.ingest import MIN_ARTICLE_CHARS, decode, ingest, normalize_text
from dossier.records import DecodedText, Rejection, SourceFile

from conftest import SEED_FILES

PROSE = "Amazon Care startete 2019 als Pilotprogramm für Mitarbeiter in der Region Seattle. " * 5


@pytest.mark.parametrize("prefix", sorted(SEED_FILES))
def test_every_seed_decodes_as_utf8_and_keeps_its_raw_sha256(prefix):
    path = SEED_FILES[prefix]
    decoded = ingest(SourceFile(path.name, path.read_bytes()))
    assert isinstance(decoded, DecodedText)
    assert decoded.encoding == "utf-8"
    assert decoded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_newlines_are_unified_and_unicode_composed():
    text, removals = normalize_text("A\r\nB\rCe\u0301")
    assert text.split("\n") == ["A", "B", "Cé"]
    assert removals == []


def test_control_characters_are_removed_and_recorded_by_line():
    text, removals = normalize_text("clean line\nbad\x00li\x07ne")
    assert text == "clean line\nbadline"
    assert [(r.rule, r.line_start, r.chars) for r in removals] == [("control_characters", 2, 2)]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t \r\n", "whitespace only"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"short note", "too short"),
    ],
)
def test_junk_is_rejected_with_a_reason(data, reason):
    result = ingest(SourceFile("x.txt", data))
    assert isinstance(result, Rejection)
    assert reason in result.reason


def test_minimum_length_counts_visible_characters():
    assert isinstance(ingest(SourceFile("x.txt", ("a " * (MIN_ARTICLE_CHARS - 1)).encode())), Rejection)
    assert isinstance(ingest(SourceFile("x.txt", ("a " * MIN_ARTICLE_CHARS).encode())), DecodedText)


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + PROSE.encode("utf-8"),
        b"\xff\xfe" + PROSE.encode("utf-16-le"),
        b"\xfe\xff" + PROSE.encode("utf-16-be"),
    ],
)
def test_byte_order_marks_are_trusted(data):
    text, used = decode(data)
    assert text == PROSE
    assert used.startswith("utf-")


def test_legacy_encodings_are_read_without_mojibake():
    german = "Die Krankenversicherung für Mitarbeiter: Überblick, Gebühren und Maßnahmen. " * 4
    assert decode(german.encode("cp1252")) == (german, decode(german.encode("cp1252"))[1])
    assert "ü" in decode(german.encode("cp1252"))[0]
