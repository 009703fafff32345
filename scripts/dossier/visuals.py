"""The timeline and the relationship graph, laid out at build time so the pages need no JavaScript.

Layout only: positions, label lines and boxes. The SVG markup is in templates/timeline.md.j2 and
graph.md.j2, the colours in docs/assets/figures.css. Both figures are drawn at their natural size (never
shrunk: a figure wider than the column scrolls inside its own box), so the font sizes below are the sizes
a reader sees. Text widths are estimated from character counts (East Asian wide characters count double),
on the generous side, so that label boxes computed here contain the rendered text.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import networkx

from .records import Article
from .registry import Registry, merged_events

# --- the thresholds: every size a reader sees is set here --------------------------------------------

TIMELINE_FONT_PX = 14  # event and publication labels
TIMELINE_YEAR_FONT_PX = 16
GRAPH_NODE_FONT_PX = 14  # entity names
GRAPH_EDGE_FONT_PX = 13  # relation labels
MIN_LABEL_PX = {1280: 12, 390: 11}  # screen width → the smallest label a reader may be shown there (issue 13)

NARROW_CHAR_EM = 0.6  # estimated advance of a Latin character, in em (generous: Arial/Liberation average ~0.5)
WIDE_CHAR_EM = 1.0  # CJK and other East Asian wide or fullwidth characters
ASCENT_EM, DESCENT_EM = 0.95, 0.3  # how far a text's box reaches above and below its baseline

TIMELINE_WIDTH = 350  # fits a 390 px phone's column at natural size
TIMELINE_AXIS_X = 10
TIMELINE_TEXT_X = 26
TIMELINE_LINE_PX = 19
TIMELINE_ROW_GAP = 10
TIMELINE_YEAR_ROW = 34
TIMELINE_DOT_R = 5

GRAPH_MARKER_R = 7  # half the size of a node's shape
GRAPH_LABEL_GAP = 6  # between a node's shape and its name
GRAPH_ROW_PITCH = 36  # vertical distance between two nodes of a column
GRAPH_MIN_COLUMN_GAP = 90
GRAPH_GAP_PAD = 10  # clear space between a column and an edge label in the gap after it
GRAPH_LABEL_PAD = 2  # clear space kept around every label box (the halo drawn behind edge labels)
GRAPH_COMPONENT_GAP = 40
GRAPH_MARGIN = 16
GRAPH_GAP_STEP = 12  # how much a gap grows when an edge label finds no place in it
GRAPH_MAX_ATTEMPTS = 100  # layouts tried before giving up
# Where along its segment an edge label may sit (0: at the gap's left, 1: at its right), tried nearest
# the preferred place first: the middle, or, where several edges share one end, towards the other end.
LABEL_FRACTIONS = tuple(k / 32 for k in range(33))
LABEL_PREFERRED = {"middle": 0.5, "shared start": 0.8, "shared end": 0.2}


# --- text --------------------------------------------------------------------------------------------


def text_width(text: str, font_px: float) -> float:
    """Estimated width of `text` at `font_px`: East Asian wide characters at 1 em, others at 0.6 em."""
    return font_px * sum(WIDE_CHAR_EM if unicodedata.east_asian_width(c) in "WF" else NARROW_CHAR_EM for c in text)


def wrap(text: str, first_width: float, width: float, font_px: float) -> tuple[str, ...]:
    """`text` in lines that fit: the first `first_width` wide, the others `width`. Lines break after a
    space, or inside a word too long for a line of its own (CJK text has no spaces). Each line keeps its
    trailing space, so the lines joined are the text again."""
    lines: list[str] = []
    line = ""
    for word in re.findall(r"\S+\s*|\s+", text):
        limit = first_width if not lines else width
        if line and text_width((line + word).rstrip(), font_px) > limit:
            lines.append(line)
            line, limit = "", width
        for char in word:  # a word longer than a whole line is cut where the line is full
            if line.strip() and text_width((line + char).rstrip(), font_px) > limit:
                lines.append(line)
                line, limit = "", width
            line += char
    return tuple(lines + [line]) if line else tuple(lines)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom

    def padded(self, pad: float) -> Box:
        return Box(self.left - pad, self.top - pad, self.right + pad, self.bottom + pad)


def text_box(x: float, baseline: float, width: float, font_px: float, lines: int = 1, line_px: float = 0) -> Box:
    """The box of left-aligned text starting at `x` on `baseline` (and `lines - 1` more lines below)."""
    return Box(x, baseline - ASCENT_EM * font_px, x + width, baseline + (lines - 1) * line_px + DESCENT_EM * font_px)


# --- the timeline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A source as the figures' tables name it: an article (title, site-root relative url) or, for a
    file that is not published, its file name without a link."""

    title: str
    url: str | None


@dataclass(frozen=True)
class Mark:
    """One row of the timeline: a dated event of a profile, or an article's publication."""

    date: str
    kind: str  # "event" | "publication"
    label: str
    url: str  # site-root relative
    detail: str
    sources: tuple[Citation, ...]
    dot_y: float  # centre of its dot on the axis
    baseline: float  # of its first line
    lines: tuple[str, ...]  # the label after the date, wrapped

    @property
    def box(self) -> Box:
        width = max(text_width(self.date + " " + self.lines[0], TIMELINE_FONT_PX),
                    *(text_width(line, TIMELINE_FONT_PX) for line in self.lines))
        return text_box(TIMELINE_TEXT_X, self.baseline, width, TIMELINE_FONT_PX, len(self.lines), TIMELINE_LINE_PX)


@dataclass(frozen=True)
class Timeline:
    marks: tuple[Mark, ...]
    years: tuple[tuple[int, float], ...]  # (year, baseline of its heading)
    width: int
    height: float
    font_px: int = TIMELINE_FONT_PX
    year_font_px: int = TIMELINE_YEAR_FONT_PX
    line_px: int = TIMELINE_LINE_PX
    axis_x: int = TIMELINE_AXIS_X
    text_x: int = TIMELINE_TEXT_X
    dot_r: int = TIMELINE_DOT_R


def _decimal_year(date: str) -> float:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a fraction of years; partial dates sit mid-period."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    day = datetime.date(*parts)
    return parts[0] + (day.timetuple().tm_yday - 0.5) / 366


def timeline(registry: Registry, articles: list[Article], entity_url, article_url) -> Timeline:
    """Every dated event and every publication, one per row in date order, under a heading per year."""
    by_file = {article.clean.source_file.rsplit("/", 1)[-1]: article for article in articles}

    def cited(source: str) -> Citation:
        article = by_file.get(source)
        if article is None:
            return Citation(source, None)
        return Citation(article.title_en or article.clean.title, article_url(article))

    rows = []  # (date, kind, label, url, detail, sources)
    for entity in registry.entities:
        for event in merged_events(entity.events):
            rows.append((event.date, "event", f"{entity.name}: {event.type}", entity_url(entity.id), event.description,
                         tuple(cited(source) for source in event.sources)))
    for article in articles:
        if article.dated:
            title = article.title_en or article.clean.title
            publisher = article.publisher.value or "publisher not named"
            rows.append((article.dated, "publication", f"Article: {title}", article_url(article),
                         article.clean.title, (Citation(str(publisher), article_url(article)),)))
    rows.sort(key=lambda row: (_decimal_year(row[0]), row[2], row[3]))

    marks, years, y = [], [], 0.0
    for date, kind, label, url, detail, sources in rows:
        year = int(date[:4])
        if not years or years[-1][0] != year:
            years.append((year, round(y + TIMELINE_YEAR_FONT_PX + 6, 1)))
            y += TIMELINE_YEAR_ROW
        text_width_available = TIMELINE_WIDTH - TIMELINE_TEXT_X - 4
        lines = wrap(label, text_width_available - text_width(date + " ", TIMELINE_FONT_PX),
                     text_width_available, TIMELINE_FONT_PX)
        baseline = y + TIMELINE_FONT_PX
        marks.append(Mark(date, kind, label, url, detail, sources, round(baseline - TIMELINE_FONT_PX * 0.35, 1),
                          round(baseline, 1), lines))
        y += len(lines) * TIMELINE_LINE_PX + TIMELINE_ROW_GAP
    return Timeline(tuple(marks), tuple(years), TIMELINE_WIDTH, round(y + TIMELINE_ROW_GAP, 1))


# --- the relationship graph --------------------------------------------------------------------------

# Node shapes by kind of entity; any type not named here is "other". Colours: figures.css, by kind.
NODE_KINDS = {"company": "company", "venture": "venture", "joint venture": "venture", "product": "product"}
KIND_SHAPES = {"company": "circle", "venture": "diamond", "product": "square", "other": "triangle"}


def shape_path(shape: str, x: float, y: float, r: float = GRAPH_MARKER_R) -> str:
    """SVG path data of a node's shape centred on (x, y), within a 2r × 2r square."""
    if shape == "circle":
        return f"M{x - r:g} {y:g}a{r:g} {r:g} 0 1 0 {2 * r:g} 0a{r:g} {r:g} 0 1 0 {-2 * r:g} 0z"
    if shape == "diamond":
        return f"M{x:g} {y - r:g}L{x + r:g} {y:g}L{x:g} {y + r:g}L{x - r:g} {y:g}z"
    if shape == "square":
        s = round(r * 0.85, 1)
        return f"M{x - s:g} {y - s:g}H{x + s:g}V{y + s:g}H{x - s:g}z"
    return f"M{x:g} {y - r:g}L{x + r:g} {y + r * 0.8:g}L{x - r:g} {y + r * 0.8:g}z"


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    kind: str  # "company" | "venture" | "product" | "other": its shape and colour
    url: str
    x: float  # centre of its shape
    y: float

    @property
    def label_x(self) -> float:
        return round(self.x + GRAPH_MARKER_R + GRAPH_LABEL_GAP, 1)

    @property
    def baseline(self) -> float:
        return round(self.y + GRAPH_NODE_FONT_PX * 0.35, 1)

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
    route: tuple[tuple[float, float], ...]  # polyline from source to target; empty for a relation to itself
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
    kind: str
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
class _Layout:
    """One connected group laid out in its own coordinates."""

    centres: dict[str, tuple[float, float]]
    routes: list[tuple[tuple[float, float], ...]]  # by relation, in the order given
    labels: list[tuple[float, float]]  # (centre x, baseline) by relation
    width: float
    height: float


def relationship_graph(registry: Registry, entity_url) -> Graph:
    """Entities that take part in a relation, each connected group in layers from left to right (a
    relation's target left of its holder where the relations allow it), one group after another."""
    merged: dict[tuple[str, str, str], tuple[str, ...]] = {}  # a relation stated twice is one edge, with both sources
    first_statement = {}  # its date and amount: as the first statement gives them
    for entity in registry.entities:
        for relation in entity.relations:
            key = (entity.id, relation.target, relation.type)
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
    groups = sorted((sorted(group) for group in networkx.connected_components(linked)), key=lambda g: (-len(g), g[0]))
    layouts = []
    for group in groups:
        members = set(group)
        group_relations = [(source, target, label) for source, target, label, _ in relations if source in members]
        layouts.append((group, group_relations, _layered(group, group_relations, names)))

    # Groups on shelves: left to right while they fit the widest group's width, then a new shelf.
    width = max(layout.width for _, _, layout in layouts)
    offsets, x, y, shelf_height = [], float(GRAPH_MARGIN), float(GRAPH_MARGIN), 0.0
    for _, _, layout in layouts:
        if x > GRAPH_MARGIN and x + layout.width > width + GRAPH_MARGIN:
            x, y, shelf_height = float(GRAPH_MARGIN), y + shelf_height + GRAPH_COMPONENT_GAP, 0.0
        offsets.append((x, y))
        x += layout.width + GRAPH_COMPONENT_GAP
        shelf_height = max(shelf_height, layout.height)

    nodes: dict[str, Node] = {}
    placed_edges: dict[tuple[str, str, str], tuple] = {}
    for (group, group_relations, layout), (dx, dy) in zip(layouts, offsets):
        for entity_id in group:
            cx, cy = layout.centres[entity_id]
            entity = registry.get(entity_id)
            nodes[entity_id] = Node(entity_id, entity.name, entity.type, kinds[entity_id], entity_url(entity_id),
                                    round(cx + dx, 1), round(cy + dy, 1))
        for (source, target, label), route, (lx, ly) in zip(group_relations, layout.routes, layout.labels):
            placed_edges[source, target, label] = (
                tuple((round(px + dx, 1), round(py + dy, 1)) for px, py in route), round(lx + dx, 1), round(ly + dy, 1))
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
                 round(width + 2 * GRAPH_MARGIN, 1), round(y + shelf_height + GRAPH_MARGIN, 1))


def _layered(group: list[str], relations: list[tuple[str, str, str]], names: dict[str, str]) -> _Layout:
    """A layered layout of one connected group (Sugiyama's scheme, kept small):

    1. a relation's target is left of its holder (the parent or acquirer before what it holds; the
       arrows point left), unless that would close a cycle (then the other way round);
    2. columns by longest path, a node without predecessors moved next to its nearest successor;
    3. a relation spanning several columns passes through an empty row slot of each column between;
    4. rows ordered by the mean row of their neighbours, sweeping right and back;
    5. every column left-aligned, as wide as its longest name: so between two columns lie only edges,
       and an edge meets a node only at its ends.
    Edge labels sit on the edge in the gap after its first column, where no other label is; if one
    cannot be placed, the spacing grows and the group is laid out again.
    """
    layout_dag = networkx.DiGraph()
    layout_dag.add_nodes_from(group)
    oriented = []  # per relation: (left, right) in the layout, or None for a relation to itself
    for source, target, _ in relations:
        if source == target:
            oriented.append(None)
        else:
            pair = (source, target) if networkx.has_path(layout_dag, source, target) else (target, source)
            layout_dag.add_edge(*pair)
            oriented.append(pair)

    column: dict[str, int] = {}
    for node in networkx.lexicographical_topological_sort(layout_dag):
        column[node] = max((column[p] + 1 for p in layout_dag.predecessors(node)), default=0)
    for node in group:
        if layout_dag.in_degree(node) == 0 and layout_dag.out_degree(node):
            column[node] = min(column[s] for s in layout_dag.successors(node)) - 1

    # Chains of slots: a relation's nodes and one placeholder slot per column it crosses.
    chains = []
    for index, pair in enumerate(oriented):
        if pair is None:
            chains.append(None)
            continue
        left, right = pair
        chains.append([left, *((index, c) for c in range(column[left] + 1, column[right])), right])
    columns: list[list] = [[] for _ in range(max(column.values()) + 1)]
    for node in group:
        columns[column[node]].append(node)
    slot_column = dict(column)
    for chain in chains:
        for slot in (chain or [])[1:-1]:
            columns[slot[1]].append(slot)
            slot_column[slot] = slot[1]
    neighbours: dict[object, list] = {slot: [] for slots in columns for slot in slots}
    for chain in chains:
        for a, b in zip(chain or [], (chain or [])[1:]):
            neighbours[a].append(b)
            neighbours[b].append(a)

    row = {slot: index for slots in columns for index, slot in enumerate(slots)}
    for _ in range(4):
        for order in (range(1, len(columns)), range(len(columns) - 2, -1, -1)):
            for c in order:
                side = c - 1 if order.step == 1 else c + 1

                def barycentre(slot, side=side):
                    near = [row[n] for n in neighbours[slot] if slot_column[n] == side]
                    return sum(near) / len(near) if near else row[slot]

                columns[c].sort(key=lambda slot: (barycentre(slot), row[slot]))
                row.update({slot: index for index, slot in enumerate(columns[c])})

    label_widths = [text_width(label, GRAPH_EDGE_FONT_PX) for _, _, label in relations]
    column_widths = [
        max((2 * GRAPH_MARKER_R + GRAPH_LABEL_GAP + text_width(names[s], GRAPH_NODE_FONT_PX) + 4
             for s in slots if isinstance(s, str)), default=2 * GRAPH_MARKER_R)
        for slots in columns
    ]
    rows = max(len(slots) for slots in columns)
    gaps = [float(GRAPH_MIN_COLUMN_GAP)] * (len(columns) - 1)
    for pair, width in zip(oriented, label_widths):
        if pair:
            gaps[column[pair[0]]] = max(gaps[column[pair[0]]], width + 2 * GRAPH_GAP_PAD)
    position = {}
    for c, slots in enumerate(columns):
        offset = (rows - len(slots)) / 2
        for index, slot in enumerate(slots):
            position[slot] = [0.0, (index + offset + 0.5) * GRAPH_ROW_PITCH]
    for _ in range(GRAPH_MAX_ATTEMPTS):
        lefts = [0.0]
        for c in range(1, len(columns)):
            lefts.append(lefts[-1] + column_widths[c - 1] + gaps[c - 1])
        for slot, xy in position.items():
            xy[0] = lefts[slot_column[slot]] + GRAPH_MARKER_R
        placed = _place_edges(chains, oriented, relations, position, column, lefts, column_widths, names)
        if isinstance(placed, int):
            gaps[placed] += GRAPH_GAP_STEP
            continue
        routes, labels = placed
        centres = {node: tuple(position[node]) for node in group}
        return _Layout(centres, routes, labels, lefts[-1] + column_widths[-1], rows * GRAPH_ROW_PITCH)
    raise RuntimeError(f"edge labels of the group of {group[0]} find no place after {GRAPH_MAX_ATTEMPTS} layouts")


def _place_edges(chains, oriented, relations, position, column, lefts, column_widths, names):
    """Each relation's route (from its source to its target) and label position; or, if some label
    finds no free place, the gap (its column) where it failed. A label may sit in any gap its edge
    crosses; edges with fewer choices are labelled first."""
    def label_right(node):
        x, _ = position[node]
        return x + GRAPH_MARKER_R + GRAPH_LABEL_GAP + text_width(names[node], GRAPH_NODE_FONT_PX) + 2

    routes, crossings = [], []  # crossings: per relation, its segments across gaps, (gap, start, end)
    for chain, pair, (source, _, _) in zip(chains, oriented, relations):
        if chain is None:
            routes.append(())
            crossings.append([])
            continue
        left, right = pair
        points = [(label_right(left), position[left][1]), (lefts[column[left]] + column_widths[column[left]], position[left][1])]
        for slot in chain[1:-1]:
            _, y = position[slot]
            points += [(lefts[slot[1]], y), (lefts[slot[1]] + column_widths[slot[1]], y)]
        points.append((lefts[column[right]] - 1, position[right][1]))
        route = tuple(p for i, p in enumerate(points) if i == 0 or p != points[i - 1])
        routes.append(route if left == source else route[::-1])
        crossings.append([(column[left] + k, points[2 * k + 1], points[2 * k + 2]) for k in range(len(chain) - 1)])

    starts = Counter(start for segments in crossings for _, start, _ in segments)
    ends = Counter(end for segments in crossings for _, _, end in segments)
    labels: list[tuple[float, float]] = [(0.0, 0.0)] * len(relations)  # a relation to itself has no label drawn
    taken: list[Box] = []
    for index in sorted(range(len(relations)), key=lambda i: (len(crossings[i]), i)):
        if not crossings[index]:
            continue
        width = text_width(relations[index][2], GRAPH_EDGE_FONT_PX)
        labels[index] = _free_place(crossings[index], width, taken, starts, ends)
        if labels[index] is None:
            return crossings[index][0][0]
    return routes, labels


def _free_place(crossings, width: float, taken: list[Box], starts: Counter, ends: Counter) -> tuple[float, float] | None:
    """Where along one of its segments a label `width` wide fits inside the gap without touching a label
    in `taken` (to which it is then added): (centre x, baseline), or None. `starts` and `ends` count the
    segments that leave and reach each point: a label is best away from a crowded end."""
    for _, start, end in crossings:
        (x0, y0), (x1, y1) = start, end
        low, high = x0 + GRAPH_GAP_PAD + width / 2, x1 - GRAPH_GAP_PAD - width / 2
        if high < low:
            continue
        crowding = "shared start" if starts[start] > ends[end] else "shared end" if ends[end] > starts[start] else "middle"
        preferred = LABEL_PREFERRED[crowding]
        for fraction in sorted(LABEL_FRACTIONS, key=lambda f: (abs(f - preferred), f)):
            cx = low + (high - low) * fraction
            baseline = y0 + (y1 - y0) * (cx - x0) / (x1 - x0) + GRAPH_EDGE_FONT_PX * 0.35
            box = text_box(cx - width / 2, baseline, width, GRAPH_EDGE_FONT_PX).padded(GRAPH_LABEL_PAD)
            if not any(box.overlaps(other) for other in taken):
                taken.append(box)
                return cx, baseline
    return None
