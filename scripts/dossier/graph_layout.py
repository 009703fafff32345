"""The relationship graph's layout: one connected group of entities in layers, edges routed between
the columns and their labels placed where no other label is (graph.py draws the whole figure from it).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import networkx

from .figure_text import MIDLINE_EM, Box, text_box, text_width

GRAPH_NODE_FONT_PX = 14  # entity names
GRAPH_EDGE_FONT_PX = 13  # relation labels
GRAPH_MARKER_R = 7  # half the size of a node's shape
GRAPH_LABEL_GAP = 6  # between a node's shape and its name
GRAPH_NAME_PAD = 2  # clear space after a name, before an edge leaves it
GRAPH_COLUMN_PAD = 4  # clear space after a column's longest name
GRAPH_ROW_PITCH = 36  # vertical distance between two nodes of a column
GRAPH_MIN_COLUMN_GAP = 90
GRAPH_GAP_PAD = 10  # clear space between a column and an edge label in the gap after it
GRAPH_LABEL_PAD = 2  # clear space kept around every label box (the halo drawn behind edge labels)
GRAPH_GAP_STEP = 12  # how much a gap grows when an edge label finds no place in it
GRAPH_MAX_ATTEMPTS = 100  # layouts tried before giving up
GRAPH_SWEEPS = 4  # rounds of row ordering (right, then back): enough for groups of this size to settle
# Where along its segment an edge label may sit (0: at the gap's left, 1: at its right), tried nearest
# the preferred place first: the middle, or, where several edges share one end, towards the other end.
LABEL_FRACTIONS = tuple(k / 32 for k in range(33))
Crowding = Literal["middle", "shared start", "shared end"]
LABEL_PREFERRED: dict[Crowding, float] = {"middle": 0.5, "shared start": 0.8, "shared end": 0.2}

Point = tuple[float, float]
Route = tuple[Point, ...]  # polyline from a relation's source to its target; empty for a relation to itself
GroupRelation = tuple[str, str, str]  # (source, target, label)
# A place in a column: an entity, or the slot a relation takes in a column it crosses (relation, column).
Slot = str | tuple[int, int]
Crossing = tuple[int, Point, Point]  # a segment across a gap: (the gap, its start, its end)


@dataclass(frozen=True)
class _Chain:
    """The slots a relation passes through, from its left end to its right."""

    left: str
    between: tuple[tuple[int, int], ...]  # a placeholder slot (relation, column) in each column it crosses
    right: str

    @property
    def slots(self) -> tuple[Slot, ...]:
        return (self.left, *self.between, self.right)


@dataclass(frozen=True)
class Layout:
    """One connected group laid out in its own coordinates."""

    centres: dict[str, Point]
    routes: list[Route]  # by relation, in the order given
    labels: list[Point]  # (centre x, baseline) by relation
    width: float
    height: float


def _columns(group: list[str], relations: list[GroupRelation]) -> tuple[list[tuple[str, str] | None], dict[str, int]]:
    """Each relation oriented (left, right), or None for a relation to itself, and each node's column."""
    layout_dag = networkx.DiGraph()
    layout_dag.add_nodes_from(group)
    oriented: list[tuple[str, str] | None] = []
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
    return oriented, column


def layered(group: list[str], relations: list[GroupRelation], names: dict[str, str]) -> Layout:
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
    oriented, column = _columns(group, relations)
    # Chains of slots: a relation's nodes and one placeholder slot per column it crosses.
    chains = [None if pair is None else
              _Chain(pair[0], tuple((index, c) for c in range(column[pair[0]] + 1, column[pair[1]])), pair[1])
              for index, pair in enumerate(oriented)]
    columns: list[list[Slot]] = [[] for _ in range(max(column.values()) + 1)]
    for node in group:
        columns[column[node]].append(node)
    slot_column: dict[Slot, int] = {}
    slot_column.update(column)
    for chain in chains:
        for placeholder in chain.between if chain else ():
            columns[placeholder[1]].append(placeholder)
            slot_column[placeholder] = placeholder[1]
    neighbours: dict[Slot, list[Slot]] = {slot: [] for slots in columns for slot in slots}
    for chain in chains:
        for a, b in itertools.pairwise(chain.slots if chain else ()):
            neighbours[a].append(b)
            neighbours[b].append(a)
    _order_rows(columns, neighbours, slot_column)

    label_widths = [text_width(label, GRAPH_EDGE_FONT_PX) for _, _, label in relations]
    column_widths = [
        max((2 * GRAPH_MARKER_R + GRAPH_LABEL_GAP + text_width(names[s], GRAPH_NODE_FONT_PX) + GRAPH_COLUMN_PAD
             for s in slots if isinstance(s, str)), default=2 * GRAPH_MARKER_R)
        for slots in columns
    ]
    rows = max(len(slots) for slots in columns)
    gaps = [float(GRAPH_MIN_COLUMN_GAP)] * (len(columns) - 1)
    for pair, width in zip(oriented, label_widths, strict=True):
        if pair:
            gaps[column[pair[0]]] = max(gaps[column[pair[0]]], width + 2 * GRAPH_GAP_PAD)
    position: dict[Slot, list[float]] = {}
    for slots in columns:
        offset = (rows - len(slots)) / 2
        for index, slot in enumerate(slots):
            position[slot] = [0.0, (index + offset + 0.5) * GRAPH_ROW_PITCH]
    for _ in range(GRAPH_MAX_ATTEMPTS):
        lefts = [0.0]
        for c in range(1, len(columns)):
            lefts.append(lefts[-1] + column_widths[c - 1] + gaps[c - 1])
        for slot, xy in position.items():
            xy[0] = lefts[slot_column[slot]] + GRAPH_MARKER_R
        edges = _EdgePlacer(position, column, lefts, column_widths, names)
        placed = edges.place(chains, relations)
        if isinstance(placed, int):
            gaps[placed] += GRAPH_GAP_STEP
            continue
        routes, labels = placed
        centres = {node: (position[node][0], position[node][1]) for node in group}
        return Layout(centres, routes, labels, lefts[-1] + column_widths[-1], rows * GRAPH_ROW_PITCH)
    raise RuntimeError(f"edge labels of the group of {group[0]} find no place after {GRAPH_MAX_ATTEMPTS} layouts")


def _order_rows(columns: list[list[Slot]], neighbours: dict[Slot, list[Slot]], slot_column: dict[Slot, int]) -> None:
    """Each column's slots sorted by the mean row of their neighbours in the column before, sweeping
    right and then back."""
    row = {slot: index for slots in columns for index, slot in enumerate(slots)}
    for _ in range(GRAPH_SWEEPS):
        for order in (range(1, len(columns)), range(len(columns) - 2, -1, -1)):
            for c in order:
                side = c - 1 if order.step == 1 else c + 1

                def barycentre(slot: Slot, side: int = side) -> float:
                    near = [row[n] for n in neighbours[slot] if slot_column[n] == side]
                    return sum(near) / len(near) if near else row[slot]

                columns[c].sort(key=lambda slot: (barycentre(slot), row[slot]))
                row.update({slot: index for index, slot in enumerate(columns[c])})


@dataclass(frozen=True)
class _EdgePlacer:
    """Routes and label places of a group's relations, in one layout of its columns."""

    position: dict[Slot, list[float]]
    column: dict[str, int]
    lefts: list[float]
    column_widths: list[float]
    names: dict[str, str]

    def _label_right(self, node: str) -> float:
        x, _ = self.position[node]
        return x + GRAPH_MARKER_R + GRAPH_LABEL_GAP + text_width(self.names[node], GRAPH_NODE_FONT_PX) + GRAPH_NAME_PAD

    def place(self, chains: list[_Chain | None],
              relations: list[GroupRelation]) -> int | tuple[list[Route], list[Point]]:
        """Each relation's route (from its source to its target) and label position; or, if some label
        finds no free place, the gap (its column) where it failed. A label may sit in any gap its edge
        crosses; edges with fewer choices are labelled first."""
        position, column, lefts, widths = self.position, self.column, self.lefts, self.column_widths
        routes: list[Route] = []
        crossings: list[list[Crossing]] = []
        for chain, (source, _, _) in zip(chains, relations, strict=True):
            if chain is None:
                routes.append(())
                crossings.append([])
                continue
            left, right = chain.left, chain.right
            points = [(self._label_right(left), position[left][1]),
                      (lefts[column[left]] + widths[column[left]], position[left][1])]
            for placeholder in chain.between:
                _, y = position[placeholder]
                points += [(lefts[placeholder[1]], y), (lefts[placeholder[1]] + widths[placeholder[1]], y)]
            points.append((lefts[column[right]] - 1, position[right][1]))
            route = tuple(p for i, p in enumerate(points) if i == 0 or p != points[i - 1])
            routes.append(route if left == source else route[::-1])
            crossings.append([(column[left] + k, points[2 * k + 1], points[2 * k + 2])
                              for k in range(len(chain.between) + 1)])

        starts = Counter(start for segments in crossings for _, start, _ in segments)
        ends = Counter(end for segments in crossings for _, _, end in segments)
        labels: list[Point] = [(0.0, 0.0)] * len(relations)  # a relation to itself has no label drawn
        taken: list[Box] = []
        for index in sorted(range(len(relations)), key=lambda i: (len(crossings[i]), i)):
            if not crossings[index]:
                continue
            width = text_width(relations[index][2], GRAPH_EDGE_FONT_PX)
            place = _free_place(crossings[index], width, taken, starts, ends)
            if place is None:
                return crossings[index][0][0]
            labels[index] = place
        return routes, labels


def _free_place(crossings: list[Crossing], width: float, taken: list[Box], starts: Counter[Point],
                ends: Counter[Point]) -> Point | None:
    """Where along one of its segments a label `width` wide fits inside the gap without touching a label
    in `taken` (to which it is then added): (centre x, baseline), or None. `starts` and `ends` count the
    segments that leave and reach each point: a label is best away from a crowded end."""
    for _, start, end in crossings:
        (x0, y0), (x1, y1) = start, end
        low, high = x0 + GRAPH_GAP_PAD + width / 2, x1 - GRAPH_GAP_PAD - width / 2
        if high < low:
            continue
        crowding: Crowding = ("shared start" if starts[start] > ends[end]
                              else "shared end" if ends[end] > starts[start] else "middle")
        preferred = LABEL_PREFERRED[crowding]
        for fraction in sorted(LABEL_FRACTIONS, key=lambda f: (abs(f - preferred), f)):
            cx = low + (high - low) * fraction
            baseline = y0 + (y1 - y0) * (cx - x0) / (x1 - x0) + GRAPH_EDGE_FONT_PX * MIDLINE_EM
            box = text_box(cx - width / 2, baseline, width, GRAPH_EDGE_FONT_PX).padded(GRAPH_LABEL_PAD)
            if not any(box.overlaps(other) for other in taken):
                taken.append(box)
                return cx, baseline
    return None
