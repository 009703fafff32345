"""The evaluation: its measures on a small gold set written here, and the pipeline's figures on the
development set (eval/devset/, the project's evaluation corpus) held at the targets of the README."""

import json
from pathlib import Path

import pytest

from conftest import ROOT
from dossier.evaluation import evaluate, same_fact, table

PARAGRAPHS = [
    "Amazon said on Tuesday that it would close Amazon Care at the end of the year, after the service "
    "failed to win enough large employers as customers.",
    "The company will keep its pharmacy business, which it built on the purchase of PillPack in 2018, and "
    "said it would look for other ways to reach patients.",
]
PAGE = "\n".join([
    "Example Times",
    "Home > Business > Health",
    "Amazon to close its Amazon Care service",
    "By Jane Doe · March 3, 2022",
    "Share on Facebook",
    *PARAGRAPHS,
    "© 2022 Example Times. All rights reserved.",
])


def write_devset(root: Path, gold: dict) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "page.txt").write_text(PAGE, encoding="utf-8")
    (root / "gold.json").write_text(json.dumps({"page.txt": gold}), encoding="utf-8")
    return root


GOLD = {
    "language": "en", "encoding": "utf-8", "title": "Amazon to close its Amazon Care service",
    "published": "2022-03-03", "publisher": "Example Times", "author": "Jane Doe",
    "body": PARAGRAPHS,
    "drop": ["Example Times", "Home > Business > Health", "By Jane Doe · March 3, 2022", "Share on Facebook",
             "© 2022 Example Times. All rights reserved."],
    "companies": [{"name": "Amazon Care", "surface": ["Amazon Care"]}, {"name": "PillPack", "surface": ["PillPack"]}],
    "not_companies": [{"text": "Share on Facebook", "not": "Meta"}],
}


def test_a_page_cleaned_as_its_gold_says_scores_full_marks(tmp_path):
    scores, total = evaluate(write_devset(tmp_path, GOLD), ROOT)
    assert (total.body_kept, total.body_total, total.furniture_shown) == (2, 2, 0)
    assert (total.title_right, total.language_right, total.traps_linked) == (1, 1, 0)
    assert total.links_right == total.links_total == 2
    assert total.facts_right == total.facts_total == 3
    assert scores["page.txt"].problems == []


def test_a_markdown_pages_gold_lines_are_compared_as_a_reader_sees_them(tmp_path):
    linked = PARAGRAPHS[1].replace("PillPack", "[PillPack][1]")
    page = "\n\n".join(["# Amazon to close its Amazon Care service", f"**{PARAGRAPHS[0]}**",
                         "By [Jane Doe](/authors/jane) · March 3, 2022", linked, "[1]: https://example.org/pillpack"])
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "page.md").write_text(page, encoding="utf-8")
    gold = {**GOLD, "body": [f"**{PARAGRAPHS[0]}**", linked],
            "drop": ["By [Jane Doe](/authors/jane) · March 3, 2022", "[1]: https://example.org/pillpack"]}
    (tmp_path / "gold.json").write_text(json.dumps({"page.md": gold}), encoding="utf-8")
    scores, total = evaluate(tmp_path, ROOT)
    assert (total.body_kept, total.body_total, total.furniture_shown) == (2, 2, 0), scores["page.md"].problems


def test_each_measure_counts_what_the_page_gets_wrong(tmp_path):
    wrong = {**GOLD, "title": "Another headline", "language": "de",
             "body": [*PARAGRAPHS, "A paragraph the page does not have."],
             "drop": [*GOLD["drop"], PARAGRAPHS[1][:40]],  # as if part of the body were furniture
             "companies": [{"name": "No Such Company", "surface": ["Amazon"]}]}
    scores, total = evaluate(write_devset(tmp_path, wrong), ROOT)
    assert total.title_right == 0 and total.language_right == 0
    assert total.body_kept == 2 and total.body_total == 3 and total.files_losing_body == 1
    assert total.links_right == 0
    assert any("body lost" in problem for problem in scores["page.txt"].problems)
    assert "overall" in table(scores, total)


@pytest.mark.parametrize(("key", "found", "gold", "same"), [
    ("publisher", "example times", "Example  Times", True),  # case and spaces aside, as written
    ("publisher", "Example Times Group", "Example Times", False),
    ("author", "Louise Perrin, Hugo Castaing", "Louise Perrin et Hugo Castaing", True),  # the same people
    ("author", "Louise Perrin", "Louise Perrin et Hugo Castaing", False),
    ("author", "Hugo Castaing, Louise Perrin", "Louise Perrin et Hugo Castaing", False),  # in the page's order
    ("author", None, "Louise Perrin", False),
])
def test_facts_compare_as_written_and_authors_as_the_people_they_name(key, found, gold, same):
    assert same_fact(found, gold, key) is same


@pytest.fixture(scope="module")
def devset_scores():
    return evaluate(ROOT / "eval" / "devset", ROOT)


def test_the_development_set_stays_at_its_targets(devset_scores):
    _, total = devset_scores
    assert total.body_share >= 0.99 and total.files_losing_body <= 2
    assert total.furniture_shown <= 4
    assert total.title_right >= 24 and total.untitled_said == total.untitled_total
    assert total.facts_right >= 71
    assert total.language_right == total.language_total == 27
    assert total.links_share >= 0.95
    assert total.traps_linked == 0
