"""The timeline and the relationship graph, laid out at build time so the pages need no JavaScript.

Layout only: positions and labels. The SVG markup is in templates/timeline.md.j2 and graph.md.j2.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

import networkx

from .records import Article
from .registry import Registry

LINE_HEIGHT = 22  # vertical space of one timeline label


@dataclass(frozen=True)
class Mark:
    """One point on the timeline: a dated event of a profile, or an article's publication."""

    date: str
    kind: str  # "event" | "publication"
    label: str
    url: str  # site-root relative
    detail: str
    y: float = 0.0  # where the date falls on the axis
    label_y: float = 0.0  # where its label is drawn (pushed down to avoid overlaps)


@dataclass(frozen=True)
class Timeline:
    marks: tuple[Mark, ...]
    years: tuple[tuple[int, float], ...]  # (year, y) ticks
    height: float


def _decimal_year(date: str) -> float:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a fraction of years; partial dates sit mid-period."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    day = datetime.date(*parts)
    return parts[0] + (day.timetuple().tm_yday - 0.5) / 366


def timeline(registry: Registry, articles: list[Article], entity_url, article_url, top: float = 40) -> Timeline:
    marks = []
    for entity in registry.entities:
        for event in entity.events:
            marks.append(Mark(event.date, "event", f"{entity.name}: {event.type}", entity_url(entity.id),
                              event.description))
    for article in articles:
        if article.published.value:
            marks.append(Mark(article.published.value, "publication", f"Article: {article.title_en}",
                              article_url(article), article.clean.title))
    marks.sort(key=lambda m: (_decimal_year(m.date), m.label))
    if not marks:
        return Timeline((), (), top * 2)
    # Each year is as tall as its marks need, so busy years spread out and empty ones stay short.
    first, last = int(_decimal_year(marks[0].date)), int(_decimal_year(marks[-1].date))
    per_year = Counter(int(_decimal_year(m.date)) for m in marks)
    year_top, y = {}, top
    for year in range(first, last + 2):
        year_top[year] = y
        y += max(32, LINE_HEIGHT * per_year[year] + 8)
    placed, next_free = [], top
    for mark in marks:
        when = _decimal_year(mark.date)
        year = int(when)
        axis_y = year_top[year] + (when - year) * (year_top[year + 1] - year_top[year])
        label_y = max(axis_y, next_free)
        next_free = label_y + LINE_HEIGHT
        placed.append(Mark(mark.date, mark.kind, mark.label, mark.url, mark.detail, round(axis_y, 1), round(label_y, 1)))
    years = tuple((year, round(y, 1)) for year, y in year_top.items())
    height = max(next_free, years[-1][1]) + top
    return Timeline(tuple(placed), years, round(height, 1))


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    url: str
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    label: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int
    height: int


def relationship_graph(registry: Registry, entity_url, width: int = 1100, margin: int = 70) -> Graph:
    """Entities that take part in a relation. Each connected group is laid out on its own by a seeded
    spring layout (the same every build): the largest across the top, the others in rows below."""
    graph = networkx.DiGraph()
    for entity in registry.entities:
        for relation in entity.relations:
            graph.add_edge(entity.id, relation.target, label=relation.type, sources=relation.sources)
    if not graph:
        return Graph((), (), width, 2 * margin)
    groups = sorted(networkx.weakly_connected_components(graph), key=lambda g: (-len(g), min(g)))
    boxes = _boxes([len(g) for g in groups], width)
    nodes: dict[str, Node] = {}
    for group, (left, top, box_width, box_height) in zip(groups, boxes):
        # The seeded layout places nodes in the graph's node order: sorted, since a component is a set,
        # whose order follows PYTHONHASHSEED.
        sub = networkx.Graph()
        sub.add_nodes_from(sorted(group))
        sub.add_edges_from(sorted(graph.subgraph(group).edges()))
        positions = networkx.spring_layout(sub, seed=7, k=2.2 / len(sub) ** 0.5, iterations=500)
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        for entity_id in sorted(group):
            entity = registry.get(entity_id)
            x, y = positions[entity_id]
            nodes[entity_id] = Node(
                entity_id, entity.name, entity.type, entity_url(entity_id),
                _place(x, min(xs), max(xs), left + margin, box_width - 2 * margin),
                _place(y, min(ys), max(ys), top + margin, box_height - 2 * margin),
            )
    edges = tuple(
        Edge(nodes[a], nodes[b], data["label"], tuple(data["sources"])) for a, b, data in sorted(graph.edges(data=True))
    )
    height = max(top + box_height for left, top, box_width, box_height in boxes)
    return Graph(tuple(sorted(nodes.values(), key=lambda n: n.id)), edges, width, int(height))


def _place(value: float, low: float, high: float, start: float, size: float) -> float:
    if high == low:
        return round(start + size / 2, 1)
    return round(start + (value - low) / (high - low) * size, 1)


def _boxes(sizes: list[int], width: int) -> list[tuple[float, float, float, float]]:
    """(left, top, width, height) for each group: the first gets the full width, sized to its node
    count; the rest share rows of up to four."""
    boxes = [(0.0, 0.0, float(width), float(max(300, 34 * sizes[0])))]
    top = boxes[0][3]
    rest = sizes[1:]
    for row in range(0, len(rest), 4):
        members = rest[row : row + 4]
        row_height = float(max(240, 40 * max(members)))
        left = 0.0
        for size in members:  # wider boxes for bigger groups
            box_width = width * (size + 1) / sum(m + 1 for m in members)
            boxes.append((left, top, box_width, row_height))
            left += box_width
        top += row_height
    return boxes
