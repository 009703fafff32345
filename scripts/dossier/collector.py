"""Python's cyclic garbage collector, told which objects outlive a build.

The articles' records and the rendered pages live to the end of a build, and under `mkdocs serve` from
one build to the next. Every full pass of the collector walks all of them again, though none of them is
garbage: at 1,000 articles a build made nine such passes (1.8 s), at 10,000 a reload spent up to 4 s in
one. `settle()`, called once they are made, moves every object alive then out of the collector's sight
(`gc.freeze`); objects freed by their reference count are still freed.

What a frozen object cannot be is collected as part of a cycle. A cycle of the last build that dies in
this one (its navigation, its template environment) stays in memory until the collector sees it again:
when the frozen objects have grown by `GROWTH` since they were last sorted, one full pass sorts them.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

GROWTH = 0.25  # the frozen objects may grow by this share before a full pass looks at them again


@dataclass
class LongLivedObjects:
    """How many objects are frozen, and how many were when a full pass last saw them (None: never)."""

    frozen: int = 0
    sorted_count: int | None = None

    def settle(self) -> None:
        """Freeze what is alive now; first let one full pass see the frozen objects again if they have
        grown by more than `GROWTH` since it last did (cycles of earlier builds, freed at last)."""
        self.frozen += _tracked()
        if self.sorted_count is not None and self.frozen > self.sorted_count * (1 + GROWTH):
            gc.unfreeze()
            gc.collect()
            self.frozen = _tracked()
            self.sorted_count = None
        gc.freeze()
        if self.sorted_count is None:
            self.sorted_count = self.frozen

    def release(self) -> None:
        """Give every frozen object back to the collector (the command ends)."""
        gc.unfreeze()
        self.frozen, self.sorted_count = 0, None


def _tracked() -> int:
    """The objects the collector tracks, frozen ones aside: those `gc.freeze` would freeze now. (Counted
    so, not with gc.get_freeze_count(), which walks every frozen object: 0.4 s at 10,000 articles.)"""
    return sum(len(gc.get_objects(generation)) for generation in range(3))
