"""corpus_lines: the lines that stand on several pages of the corpus are the sites' own furniture."""

from dossier.corpus_lines import page_lines, shared_lines


def test_lines_on_several_pages_are_shared_furniture():
    pages = [page_lines(f"Share on X\nHeadline {n}\nA sentence of article {n}.") for n in range(3)]
    assert shared_lines(pages) == {"Share on X"}
    assert shared_lines(pages[:2]) == frozenset()  # two pages are not yet a pattern


def test_only_short_lines_that_are_no_sentence_are_counted():
    assert page_lines("Home | News\nAmazon closed the clinics it ran for its own staff.\n\n  Menu  ") == {
        "Home | News", "Menu"}
