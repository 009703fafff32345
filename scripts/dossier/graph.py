"""The relationship graph, laid out at build time so its page needs no JavaScript: entities that take
part in a relation, each connected group in layers (graph_layout.py), one group after another.

Layout only: positions, label lines and boxes. The SVG markup is in templates/graph.md.j2, the colours
in docs/assets/figures.css; text is measured by figure_text.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import networkx

from .figure_text import MIDLINE_EM, Box, text_box, text_width
from .graph_layout import (
    GRAPH_EDGE_FONT_PX,
    GRAPH_LABEL_GAP,
    GRAPH_MARKER_R,
    GRAPH_NODE_FONT_PX,
    GroupRelation,
    Layout,
    Route,
    layered,
)
from .registry import Registry, Relation

GRAPH_COMPONENT_GAP = 40
GRAPH_MARGIN = 16
SQUARE_HALF = 0.85  # a square's half side, of r: it looks as large as the circle and diamond
TRIANGLE_BASE = 0.8  # a triangle's base below its centre, of r: its area balanced around the centre

NodeKind = Literal["company", "venture", "product", "other"]
Shape = Literal["circle", "diamond", "square", "triangle"]
# Node shapes by kind of entity; any type not named here is "other". Colours: figures.css, by kind.
NODE_KINDS: dict[str, NodeKind] = {"company": "company", "venture": "venture", "joint venture": "venture",
                                   "product": "product"}
KIND_SHAPES: dict[NodeKind, Shape] = {"company": "circle", "venture": "diamond", "product": "square",
                                      "other": "triangle"}


def shape_path(shape: Shape, x: float, y: float, r: float = GRAPH_MARKER_R) -> str:
    """SVG path data of a node's shape centred on (x, y), within a 2r × 2r square."""
    if shape == "circle":
        return f"M{x - r:g} {y:g}a{r:g} {r:g} 0 1 0 {2 * r:g} 0a{r:g} {r:g} 0 1 0 {-2 * r:g} 0z"
    if shape == "diamond":
        return f"M{x:g} {y - r:g}L{x + r:g} {y:g}L{x:g} {y + r:g}L{x - r:g} {y:g}z"
    if shape == "square":
        s = round(r * SQUARE_HALF, 1)
        return f"M{x - s:g} {y - s:g}H{x + s:g}V{y + s:g}H{x - s:g}z"
    return f"M{x:g} {y - r:g}L{x + r:g} {y + r * TRIANGLE_BASE:g}L{x - r:g} {y + r * TRIANGLE_BASE:g}z"


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    kind: NodeKind  # its shape and colour
    url: str
    x: float  # centre of its shape
    y: float

    @property
    def label_x(self) -> float:
        return round(self.x + GRAPH_MARKER_R + GRAPH_LABEL_GAP, 1)

    @property
    def baseline(self) -> float:
        return round(self.y + GRAPH_NODE_FONT_PX * MIDLINE_EM, 1)

    @property
    def label_box(self) -> Box:
        return text_box(self.label_x, self.baseline, text_width(self.name, GRAPH_NODE_FONT_PX), GRAPH_NODE_FONT_PX)

    @property
    def box(self) -> Box:
        """Its shape and its name: what an edge must not cross."""
        label = self.label_box
        return Box(self.x - GRAPH_MARKER_R, min(self.y - GRAPH_MARKER_R, label.top), label.right,
                   max(self.y + GRAPH_MARKER_R, label.bottom))

    @property
    def path(self) -> str:
        return shape_path(KIND_SHAPES[self.kind], self.x, self.y)


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    label: str
    sources: tuple[str, ...]
    route: Route
    label_x: float  # centre of its label
    label_baseline: float
    date: str | None = None  # when, and for how much, where the sources say it
    amount: str | None = None

    @property
    def points(self) -> str:
        return " ".join(f"{x:g},{y:g}" for x, y in self.route)

    @property
    def label_box(self) -> Box:
        width = text_width(self.label, GRAPH_EDGE_FONT_PX)
        return text_box(self.label_x - width / 2, self.label_baseline, width, GRAPH_EDGE_FONT_PX)


@dataclass(frozen=True)
class LegendEntry:
    kind: NodeKind
    icon: str  # path data of its shape, centred on (0, 0)
    types: tuple[str, ...]  # the entity types drawn so


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    legend: tuple[LegendEntry, ...]
    width: float
    height: float
    node_font_px: int = GRAPH_NODE_FONT_PX
    edge_font_px: int = GRAPH_EDGE_FONT_PX


@dataclass(frozen=True)
class _Group:
    members: list[str]
    relations: list[GroupRelation]
    layout: Layout


def _shelves(groups: list[_Group]) -> tuple[list[tuple[float, float]], float, float]:
    """Groups on shelves: left to right while they fit the widest group's width, then a new shelf.
    Each group's offset, the widest width, and the bottom of the last shelf."""
    width = max(group.layout.width for group in groups)
    offsets: list[tuple[float, float]] = []
    x, y, shelf_height = float(GRAPH_MARGIN), float(GRAPH_MARGIN), 0.0
    for group in groups:
        if x > GRAPH_MARGIN and x + group.layout.width > width + GRAPH_MARGIN:
            x, y, shelf_height = float(GRAPH_MARGIN), y + shelf_height + GRAPH_COMPONENT_GAP, 0.0
        offsets.append((x, y))
        x += group.layout.width + GRAPH_COMPONENT_GAP
        shelf_height = max(shelf_height, group.layout.height)
    return offsets, width, y + shelf_height


def relationship_graph(registry: Registry, entity_url: Callable[[str], str]) -> Graph:
    """Entities that take part in a relation, each connected group in layers from left to right (a
    relation's target left of its holder where the relations allow it), one group after another."""
    merged: dict[GroupRelation, tuple[str, ...]] = {}  # a relation stated twice is one edge, with both sources
    first_statement: dict[GroupRelation, Relation] = {}  # its date and amount: as the first statement gives them
    for entity in registry.entities:
        for relation in entity.relations:
            key: GroupRelation = (entity.id, relation.target, relation.type)
            known = merged.get(key, ())
            merged[key] = known + tuple(s for s in relation.sources if s not in known)
            first_statement.setdefault(key, relation)
    relations = [(source, target, label, sources) for (source, target, label), sources in merged.items()]
    if not relations:
        return Graph((), (), (), 2 * GRAPH_MARGIN, 2 * GRAPH_MARGIN)
    kinds = {entity.id: NODE_KINDS.get(entity.type, "other") for entity in registry.entities}
    names = {entity.id: entity.name for entity in registry.entities}
    linked = networkx.Graph()
    linked.add_edges_from((source, target) for source, target, _, _ in relations)
    groups = []
    for component in sorted((sorted(component) for component in networkx.connected_components(linked)),
                            key=lambda c: (-len(c), c[0])):
        members = set(component)
        group_relations = [(source, target, label) for source, target, label, _ in relations if source in members]
        groups.append(_Group(component, group_relations, layered(component, group_relations, names)))
    offsets, width, bottom = _shelves(groups)

    nodes: dict[str, Node] = {}
    placed_edges: dict[GroupRelation, tuple[Route, float, float]] = {}
    for group, (dx, dy) in zip(groups, offsets, strict=True):
        layout = group.layout
        for entity_id in group.members:
            cx, cy = layout.centres[entity_id]
            entity = registry.get(entity_id)
            nodes[entity_id] = Node(entity_id, entity.name, entity.type, kinds[entity_id], entity_url(entity_id),
                                    round(cx + dx, 1), round(cy + dy, 1))
        for key, route, (lx, ly) in zip(group.relations, layout.routes, layout.labels, strict=True):
            placed_edges[key] = (tuple((round(px + dx, 1), round(py + dy, 1)) for px, py in route),
                                 round(lx + dx, 1), round(ly + dy, 1))
    edges = []
    for source, target, label, sources in relations:
        route, lx, ly = placed_edges[source, target, label]
        stated = first_statement[source, target, label]
        edges.append(Edge(nodes[source], nodes[target], label, sources, route, lx, ly, stated.date, stated.amount))
    edges.sort(key=lambda e: (e.source.id, e.target.id, e.label))
    present = sorted({(node.kind, node.type) for node in nodes.values()})
    legend = tuple(
        LegendEntry(kind, shape_path(KIND_SHAPES[kind], 0, 0), tuple(t for k, t in present if k == kind))
        for kind in KIND_SHAPES if any(k == kind for k, _ in present)
    )
    return Graph(tuple(sorted(nodes.values(), key=lambda n: n.id)), tuple(edges), legend,
                 round(width + 2 * GRAPH_MARGIN, 1), round(bottom + GRAPH_MARGIN, 1))
