"""dedupe: a later article whose text lies inside an earlier one is its duplicate, whichever earlier article had
each of its sentences first."""

from dossier.dedupe import DuplicateIndex


def prints(*sentences: str) -> dict[bytes, int]:
    """Fingerprints as `fingerprints` gives them: one per sentence, with its length."""
    return {sentence.encode(): 40 for sentence in sentences}


def test_a_copy_is_the_duplicate_of_the_article_it_copies():
    index = DuplicateIndex()
    index.add("a.txt", prints("s1", "s2", "s3", "s4", "s5"))
    found = index.find(prints("s1", "s2", "s3", "s4", "s5"))
    assert found is not None and (found.original, found.share) == ("a.txt", 1.0)
    assert index.find(prints("s1", "s2", "s9", "s8", "s7")) is None  # two sentences of five: another article


def test_a_copy_is_caught_though_an_earlier_article_had_some_of_its_sentences_first():
    index = DuplicateIndex()
    index.add("a0-background.txt", prints("s2", "s3", "s6", "s7", "s8"))
    index.add("a1-original.txt", prints("s1", "s2", "s3", "s4", "s5"))
    found = index.find(prints("s1", "s2", "s3", "s4", "s5"))
    assert found is not None and found.original == "a1-original.txt"


def test_a_copy_is_caught_though_earlier_articles_had_all_of_its_sentences_first():
    index = DuplicateIndex()
    index.add("a0.txt", prints("s1", "s2", "s3", "x1", "x2"))
    index.add("b0.txt", prints("s4", "s5", "y1", "y2", "y3"))
    assert index.find(prints("s1", "s2", "s3", "s4", "s5")) is None  # three fifths of a0, two of b0: its own
    index.add("a1.txt", prints("s1", "s2", "s3", "s4", "s5"))
    found = index.find(prints("s1", "s2", "s3", "s4", "s5"))
    assert found is not None and (found.original, found.share) == ("a1.txt", 1.0)
