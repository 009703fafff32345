"""The entity registry: validated on load, every error naming file, line and field."""

import pytest

from dossier.curation import CurationError
from dossier.registry import load_registry

from conftest import ROOT, SEEDS

ARTICLE = "000_8c560dd54438cdbd.txt"
BASE = """entities:
  amazon:
    type: company
    name: Amazon
    description: An online retailer.
    names: {en: [Amazon], zh-Hans: [亚马逊]}
  pillpack:
    type: pharmacy
    name: PillPack
    description: An online pharmacy.
    names: {en: [PillPack]}
"""


def test_the_real_registry_covers_the_field():
    registry = load_registry(ROOT / "seeds" / "entities.yml", {p.name for p in SEEDS.iterdir()})
    ids = {e.id for e in registry.entities}
    assert len(ids) >= 60
    assert {"amazon", "amazon-care", "haven", "pillpack", "amazon-pharmacy", "one-medical", "ali-health", "alibaba",
            "jd-health", "tencent", "baidu", "bytedance", "ping-an-good-doctor", "google", "verily", "apple",
            "microsoft", "meta", "unitedhealth", "cvs-health", "epic", "cerner", "teladoc"} <= ids
    amazon = registry.get("amazon")
    assert amazon.names["zh-Hant"] == ("亞馬遜",)  # derived from zh-Hans through OpenCC
    assert {"en", "zh-Hans", "zh-Hant", "ja"} <= set(amazon.names)


@pytest.mark.parametrize(
    "addition, line, field, message",
    [
        ("    relations:\n      - {type: acquired by, target: amazn, sources: [%s]}\n" % ARTICLE, 13,
         "entities.pillpack.relations.0.target", "unknown entity id 'amazn'"),
        ("    aliases: [亞馬遜]\n", 12, "entities.pillpack.aliases.0", "already belongs to entity 'amazon'"),
        ("    events:\n      - {date: 2018-13, type: acquired, description: d, sources: [%s]}\n" % ARTICLE, 13,
         "entities.pillpack.events.0.date", "not a calendar date"),
        ("    events:\n      - {date: 18 June 2018, type: acquired, description: d, sources: [%s]}\n" % ARTICLE, 13,
         "entities.pillpack.events.0.date", "does not match"),
        ("    events:\n      - {date: '2018', type: acquired, description: d, sources: [nope.txt]}\n", 13,
         "entities.pillpack.events.0.sources.0", "no such article"),
        ("    relations:\n      - {type: friend, target: amazon, sources: [%s]}\n" % ARTICLE, 13,
         "entities.pillpack.relations.0.type", "is not one of"),
        ("    context: [nobody]\n", 12, "entities.pillpack.context.0", "unknown entity id"),
        ("    colour: blue\n", 12, "entities.pillpack.colour", "unknown field"),
    ],
    ids=["unknown relation target", "duplicate alias", "impossible date", "malformed date", "unknown source",
         "unknown relation type", "unknown context", "unknown field"],
)
def test_broken_registry_names_file_line_and_field(tmp_path, addition, line, field, message):
    path = tmp_path / "entities.yml"
    path.write_text(BASE + addition, encoding="utf-8")
    with pytest.raises(CurationError) as error:
        load_registry(path, {ARTICLE})
    text = str(error.value)
    assert text.startswith(f"{path}:{line}: field '{field}'"), text
    assert message in text
