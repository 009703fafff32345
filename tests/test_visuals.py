"""The timeline and the relationship graph, checked geometrically on their layout (timeline.py, graph.py): no two
labels overlap, no edge passes through a node, every label is drawn at a readable size, and the same
inputs give the same figure whatever the hash seed. On the founding corpus and on made-up registries
with what the founding one lacks (cycles, parallel relations, relations to oneself, CJK names)."""

from __future__ import annotations

import dataclasses
import itertools
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.figure_text import ASCENT_EM, DESCENT_EM, MIN_LABEL_PX, NARROW_CHAR_EM, WIDE_CHAR_EM, Box, text_width, wrap
from dossier.graph import relationship_graph
from dossier.graph_layout import GRAPH_EDGE_FONT_PX, GRAPH_NODE_FONT_PX
from dossier.registry import Entity, Registry, Relation, merged_events
from dossier.timeline import TIMELINE_FONT_PX, TIMELINE_YEAR_FONT_PX, decimal_year, timeline
from dossier.urls import article_url, entity_url

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def entity(entity_id: str, name: str, type_: str = "company", relations=()) -> Entity:
    return Entity(id=entity_id, type=type_, name=name, description="", names={"en": (name,)}, aliases=(),
                  mistranslations=(), context=(), events=(),
                  relations=tuple(Relation(kind, target, ("a.txt",)) for kind, target in relations))


def made_up_registry(seed: int, size: int = 30) -> Registry:
    """`size` entities with random relations: hubs, long chains, cycles, parallel relations, a relation
    to oneself, names long and short, Latin and CJK."""
    rng = random.Random(seed)
    names = ["Amazon", "Berkshire Hathaway Inc.", "阿里健康信息技术有限公司", "One Medical", "X", "JPMorgan Chase & Co.",
             "Teladoc Health", "天猫医药馆", "Health Navigator", "Whole Foods Market"]
    types = ["company", "venture", "joint venture", "product", "pharmacy", "insurer"]
    kinds = ["parent", "acquired by", "joint venture of", "partner", "customer", "built on", "competitor"]
    ids = [f"e{n:02d}" for n in range(size)]
    relations = {entity_id: [] for entity_id in ids}
    for n, entity_id in enumerate(ids[1:], 1):
        relations[entity_id].append((rng.choice(kinds), ids[rng.randrange(min(n, 4))]))  # hubs among the first
    for _ in range(size):
        source, target = rng.sample(ids, 2)
        relations[source].append((rng.choice(kinds), target))
    relations[ids[0]].append(("partner", ids[0]))
    relations[ids[1]].append(("partner", ids[2]))
    relations[ids[2]].append(("partner", ids[1]))
    relations[ids[3]] += [("customer", ids[1]), ("partner", ids[1])]
    return Registry(tuple(
        entity(entity_id, f"{rng.choice(names)} {n}", rng.choice(types), relations[entity_id])
        for n, entity_id in enumerate(ids)
    ))


def crosses(start: tuple[float, float], end: tuple[float, float], box: Box) -> bool:
    """Whether the segment from `start` to `end` has a point inside `box` (Liang–Barsky clipping)."""
    (x0, y0), (x1, y1) = start, end
    low, high = 0.0, 1.0
    for delta, distance in ((-(x1 - x0), x0 - box.left), (x1 - x0, box.right - x0),
                            (-(y1 - y0), y0 - box.top), (y1 - y0, box.bottom - y0)):
        if delta == 0:
            if distance <= 0:
                return False
            continue
        t = distance / delta
        if delta < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def test_the_segment_test_sees_a_crossing_and_a_miss():
    box = Box(10, 10, 20, 20)
    assert crosses((0, 15), (30, 15), box)  # straight through
    assert crosses((0, 0), (30, 30), box)  # through a corner region
    assert not crosses((0, 25), (30, 25), box)  # below it
    assert not crosses((0, 0), (9, 30), box)  # beside it
    assert not crosses((0, 10), (30, 10), box)  # along its edge only


def graph_labels(graph) -> list[tuple[str, Box]]:
    return ([(f"node {node.id}", node.label_box) for node in graph.nodes]
            + [(f"edge {edge.source.id}→{edge.target.id} {edge.label}", edge.label_box) for edge in graph.edges if edge.route])


def overlapping(labels: list[tuple[str, Box]]) -> list[tuple[str, str]]:
    return [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(labels, 2) if box_a.overlaps(box_b)]


def edges_through_nodes(graph) -> list[tuple[str, str]]:
    """(edge, node) for every segment of a drawn edge that passes through a node's shape or name."""
    found = []
    for edge in graph.edges:
        for start, end in itertools.pairwise(edge.route):
            found += [(f"{edge.source.id}→{edge.target.id}", node.id) for node in graph.nodes if crosses(start, end, node.box)]
    return found


@pytest.fixture(scope="module")
def founding_graph(corpus):
    return relationship_graph(corpus.registry, entity_url)


@pytest.fixture(scope="module")
def founding_timeline(corpus):
    return timeline(corpus.registry, list(corpus.articles), entity_url, article_url)


def test_graph_has_every_related_entity_and_relation(founding_graph, corpus):
    relations = [(e.id, r.target, r.type) for e in corpus.registry.entities for r in e.relations]
    assert sorted((e.source.id, e.target.id, e.label) for e in founding_graph.edges) == sorted(relations)
    assert {n.id for n in founding_graph.nodes} == {end for s, t, _ in relations for end in (s, t)}
    assert all(edge.route for edge in founding_graph.edges)


def test_graph_labels_do_not_overlap(founding_graph):
    assert overlapping(graph_labels(founding_graph)) == []


def test_no_graph_edge_passes_through_a_node(founding_graph):
    assert edges_through_nodes(founding_graph) == []


def test_graph_edges_run_from_source_to_target(founding_graph):
    """Each route starts beside its source and ends beside its target (the arrowhead's end)."""
    for edge in founding_graph.edges:
        for node, (x, y) in ((edge.source, edge.route[0]), (edge.target, edge.route[-1])):
            box = node.box
            assert box.top <= y <= box.bottom and (abs(x - box.left) <= 2 or abs(x - box.right) <= 3), (edge, node)


def test_graph_fits_its_drawing_area(founding_graph):
    boxes = [box for _, box in graph_labels(founding_graph)] + [node.box for node in founding_graph.nodes]
    assert all(b.left >= 0 and b.right <= founding_graph.width and b.top >= 0 and b.bottom <= founding_graph.height
               for b in boxes)


def test_graph_legend_names_every_type_drawn_once(founding_graph):
    legend_types = [t for entry in founding_graph.legend for t in entry.types]
    assert sorted(legend_types) == sorted({node.type for node in founding_graph.nodes})
    assert len({entry.icon for entry in founding_graph.legend}) == len(founding_graph.legend)  # one shape each


@pytest.mark.parametrize("seed", range(6))
def test_made_up_graphs_keep_labels_apart_and_edges_off_nodes(seed):
    graph = relationship_graph(made_up_registry(seed), entity_url)
    assert overlapping(graph_labels(graph)) == []
    assert edges_through_nodes(graph) == []
    assert [e for e in graph.edges if not e.route] == [e for e in graph.edges if e.source.id == e.target.id]


def test_timeline_rows_do_not_overlap_and_fit_the_width(founding_timeline):
    timeline_ = founding_timeline
    labels = [(f"{m.date} {m.label}", m.box) for m in timeline_.marks]
    labels += [(str(year), Box(timeline_.text_x, y - ASCENT_EM * timeline_.year_font_px,
                               timeline_.text_x + text_width(str(year), timeline_.year_font_px),
                               y + DESCENT_EM * timeline_.year_font_px)) for year, y in timeline_.years]
    assert overlapping(labels) == []
    assert all(box.right <= timeline_.width and box.bottom <= timeline_.height for _, box in labels)


def test_timeline_is_in_date_order_with_every_event_once_and_every_publication(founding_timeline, corpus):
    marks = founding_timeline.marks
    events = sum(len(merged_events(e.events)) for e in corpus.registry.entities)  # a year and a month of one event: one
    assert len(marks) == events + sum(1 for a in corpus.articles if a.published.value)
    assert [m.dot_y for m in marks] == sorted(m.dot_y for m in marks)
    assert [decimal_year(m.date) for m in marks] == sorted(decimal_year(m.date) for m in marks)
    assert all("".join(m.lines) == m.label for m in marks)
    assert all(m.sources for m in marks)  # every row names where it comes from


def test_labels_are_drawn_at_a_readable_size():
    """Drawn at natural size (the figures are never shrunk), these are the sizes a reader sees."""
    sizes = [TIMELINE_FONT_PX, TIMELINE_YEAR_FONT_PX, GRAPH_NODE_FONT_PX, GRAPH_EDGE_FONT_PX]
    assert min(sizes) >= max(MIN_LABEL_PX.values())


def test_text_width_counts_wide_characters_double():
    assert text_width("阿里健康", 10) == pytest.approx(4 * 10 * WIDE_CHAR_EM)
    assert text_width("Ali ", 10) == pytest.approx(4 * 10 * NARROW_CHAR_EM)
    assert WIDE_CHAR_EM >= 1.5 * NARROW_CHAR_EM


@pytest.mark.parametrize("text", [
    "Article: Internal memo: Amazon Care to close, not a complete enough offering for employers",
    "互聯網巨頭再次折戟醫療：亞馬遜關閉其遠程醫療服務亞馬遜關愛，員工福利計劃將於年底結束",
    "Supercalifragilisticexpialidocious-and-then-some-more-without-any-space at all",
])
def test_wrapped_lines_fit_and_keep_the_text(text):
    lines = wrap(text, 120, 200, 14)
    assert "".join(lines) == text
    assert text_width(lines[0].rstrip(), 14) <= 120
    assert all(text_width(line.rstrip(), 14) <= 200 for line in lines[1:])
    assert len(lines) > 1


DETERMINISM = """
import sys
sys.path[:0] = [{scripts!r}, {tests!r}]
from test_visuals import made_up_registry
from dossier.graph import relationship_graph
print(repr(relationship_graph(made_up_registry(3), lambda entity_id: entity_id)))
"""


def test_graph_is_the_same_whatever_the_hash_seed():
    script = DETERMINISM.format(scripts=str(SCRIPTS), tests=str(Path(__file__).parent))
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "1", "4242")
    }
    assert len(outputs) == 1 and "Node(" in outputs.pop()


def test_a_relation_stated_twice_is_one_edge_with_its_date_amount_and_both_sources():
    buyer, bought = entity("buyer", "Buyer"), entity("bought", "Bought")
    stated = (Relation("acquired by", "buyer", ("a.txt",), date="2018-06", amount="753 million US dollars"),
              Relation("acquired by", "buyer", ("b.txt", "a.txt")))
    bought = dataclasses.replace(bought, relations=stated)
    graph = relationship_graph(Registry((buyer, bought)), entity_url)
    assert [(e.label, e.sources, e.date, e.amount) for e in graph.edges] == [
        ("acquired by", ("a.txt", "b.txt"), "2018-06", "753 million US dollars")]
