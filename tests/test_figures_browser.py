"""The timeline and the relationship graph as a reader sees them, in Chromium at a desktop's and a
phone's width: label sizes measured from the rendered SVG (computed font size times the SVG's scale, and
the text boxes' own heights), no overlapping labels, no page wider than the screen (a figure may scroll
inside its own box), and the legend and the table with the same information under each figure."""

from __future__ import annotations

import itertools

import pytest

from browsing import checked
from dossier.figure_text import (
    MIN_LABEL_PX,  # screen width → the smallest label shown there
)

SCREEN_HEIGHT = 900
OVERLAP_TOLERANCE_PX = 0.5  # sub-pixel rounding of adjacent boxes is not an overlap

# Every label of a figure: its text, rendered font size, the SVG's scale, its box on the screen.
MEASURE = """svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll("text")].map(text => {
        const box = text.getBoundingClientRect();
        return {text: text.textContent, fontPx: parseFloat(getComputedStyle(text).fontSize) * scale,
                left: box.left, top: box.top, right: box.right, bottom: box.bottom};
    });
}"""

FIGURES = {"timeline/": "svg.timeline", "graph/": "svg.graph"}


@pytest.fixture
def visit(tabs, founding_url):
    yield from checked(tabs.open(founding_url))


def open_at(visit, path: str, width: int):
    visit.page.set_viewport_size({"width": width, "height": SCREEN_HEIGHT})
    return visit.open(path)


def overlaps(a: dict, b: dict) -> bool:
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > OVERLAP_TOLERANCE_PX
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > OVERLAP_TOLERANCE_PX)


def labels_are_readable_and_apart(page, path: str, width: int) -> None:
    labels = page.eval_on_selector(FIGURES[path], MEASURE)
    assert len(labels) > 10
    smallest = min(labels, key=lambda label: label["fontPx"])
    assert smallest["fontPx"] >= MIN_LABEL_PX[width], (width, smallest)
    # The boxes the text takes on screen confirm it: a box is at least as tall as its font.
    assert min(label["bottom"] - label["top"] for label in labels) >= MIN_LABEL_PX[width], width
    crowded = [(a["text"], b["text"]) for a, b in itertools.combinations(labels, 2) if overlaps(a, b)]
    assert crowded == [], width


def page_is_never_wider_than_the_screen(page, path: str, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # A figure wider than the column scrolls in its own box, at its natural size.
    figure = page.eval_on_selector(FIGURES[path], """svg => ({
        drawn: svg.getBoundingClientRect().width, natural: svg.viewBox.baseVal.width,
        box: svg.parentElement.clientWidth, scrolls: getComputedStyle(svg.parentElement).overflowX})""")
    assert figure["drawn"] == pytest.approx(figure["natural"], abs=0.5), width
    assert figure["drawn"] <= figure["box"] or figure["scrolls"] == "auto", (width, figure)


def labels_stay_inside_the_figure(page, path: str) -> None:
    """No label is cut off at the SVG's edge (the layout's width estimate holds for the real font)."""
    svg = page.locator(FIGURES[path]).bounding_box()
    for label in page.eval_on_selector(FIGURES[path], MEASURE):
        assert svg["x"] <= label["left"] and label["right"] <= svg["x"] + svg["width"], (path, label["text"])


@pytest.mark.parametrize("path", sorted(FIGURES))
def test_figure_is_readable_and_fits_the_screen_at_every_width(visit, path):
    """At a phone's and a desktop's width (a page load each, in one tab): the labels are readable and
    apart, the page is never wider than the screen, and at the desktop's no label is cut off."""
    for width in sorted(MIN_LABEL_PX):
        page = open_at(visit, path, width)
        labels_are_readable_and_apart(page, path, width)
        page_is_never_wider_than_the_screen(page, path, width)
        if width == 1280:
            labels_stay_inside_the_figure(page, path)


def test_timeline_has_a_legend_and_a_table_of_every_event(visit):
    page = open_at(visit, "timeline/", 390)
    legend = page.eval_on_selector_all(".figure-legend li", "items => items.map(li => li.textContent)")
    assert any("event" in item for item in legend) and any("publication" in item for item in legend)
    marks = page.eval_on_selector_all("svg.timeline .mark", "marks => marks.length")
    rows = page.eval_on_selector_all(".dossier-timeline table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert len(rows) == marks > 10
    assert any(row[0] == "2022-08-24" and row[1].startswith("Amazon Care: closure announced") for row in rows)
    assert all(row[2].strip() for row in rows)  # every event names its source
    assert page.locator(".dossier-timeline table tbody tr a[href*='articles/']").count() >= len(rows)


def test_graph_has_a_legend_of_shapes_and_a_table_of_every_relation(visit):
    page = open_at(visit, "graph/", 390)
    legend = page.eval_on_selector_all(".figure-legend li", "items => items.map(li => li.textContent.trim())")
    assert "company" in legend and any("venture" in item for item in legend) and any("relation" in item for item in legend)
    # Each kind of node is drawn in the shape and colour its legend entry shows.
    for kind in ("company", "venture"):
        legend_fill = page.eval_on_selector(f".figure-legend .shape-{kind}", "p => getComputedStyle(p).fill")
        node_fill = page.eval_on_selector(f"svg.graph .shape-{kind}", "p => getComputedStyle(p).fill")
        assert legend_fill == node_fill
    edges = page.eval_on_selector_all("svg.graph .edge", "edges => edges.length")
    rows = page.eval_on_selector_all(".dossier-graph table tbody tr", "rows => rows.map(r => r.textContent)")
    assert len(rows) == edges > 10
    assert any("PillPack" in row and "acquired by" in row and "Amazon" in row for row in rows)
