"""attention: the maintainer's "needs attention" list, each check on a project written here."""

from pathlib import Path

from conftest import write_seeds
from dossier.attention import KINDS, organisation_names
from dossier.pipeline import build_corpus
from dossier.sources import Paths

PROSE = ("The hospital group said on Monday that its new telehealth service had signed up more than forty "
         "thousand patients in its first six months, most of them in rural counties.")
DATED = "\n".join(["Hospital group expands its telehealth service", "March 3, 2022", PROSE, PROSE.replace("six", "nine")])
UNDATED = "\n".join([
    PROSE.replace("Monday", "Tuesday"),
    "Northwind Health and Contoso Medical Group also run clinics in the region, and Contoso Medical Group "
    "plans two more next year.",
    "Subscribe to our newsletter",
    PROSE.replace("forty", "fifty"),
    "Northwind Health declined to comment on the plans of its competitor for the coming year.",
])
CURATION = """articles:
  dated.txt:
    title_en: A hospital group's telehealth service grows
    summary_en: Our summary of the report.
"""


def attention(tmp_path: Path):
    write_seeds(tmp_path / "seeds", {"dated.txt": DATED.encode(), "undated.txt": UNDATED.encode()}, CURATION)
    corpus = build_corpus(Paths.for_project(tmp_path))
    return {(item.kind, item.source_file or item.detail): item for item in corpus.attention}


def test_the_list_names_what_a_person_should_look_at(tmp_path):
    items = attention(tmp_path)
    assert ("no_headline", "seeds/articles/undated.txt") in items
    assert ("date_unknown", "seeds/articles/undated.txt") in items
    assert ("date_unknown", "seeds/articles/dated.txt") not in items
    assert items[("not_curated", "seeds/articles/undated.txt")].detail == "title_en, summary_en"
    assert ("not_curated", "seeds/articles/dated.txt") not in items
    assert {kind for kind, _ in items} <= set(KINDS)


def test_files_of_one_name_in_different_folders_are_pointed_out(tmp_path):
    other = DATED.replace("Hospital group", "Insurer").replace("telehealth", "claims")
    write_seeds(tmp_path / "seeds", {"a/same.txt": DATED.encode(), "b/same.txt": other.encode(),
                                     "dated.txt": UNDATED.encode()}, "articles: {}\n")
    items = {(item.kind, item.source_file): item.detail for item in build_corpus(Paths.for_project(tmp_path)).attention}
    assert items[("shared_file_name", "seeds/articles/a/same.txt")] == "seeds/articles/b/same.txt"
    assert items[("shared_file_name", "seeds/articles/b/same.txt")] == "seeds/articles/a/same.txt"
    assert ("shared_file_name", "seeds/articles/dated.txt") not in items


def test_recurring_organisations_missing_from_the_registry_are_candidates(tmp_path):
    items = attention(tmp_path)
    assert items[("organisation_candidate", "Contoso Medical Group")].count == 2
    assert ("organisation_candidate", "Northwind Health") in items


def test_organisation_shapes_in_several_scripts():
    assert organisation_names("Shares of Oak Street Health rose.") == ["Oak Street Health"]
    assert "VillageMD" in organisation_names("the clinic chain VillageMD said")
    assert organisation_names("示例医药集团今日公告") == ["示例医药集团"]
    assert organisation_names("예시헬스케어는 밝혔다") == ["예시헬스케어"]
    assert organisation_names("The weather was fine on Monday.") == []
