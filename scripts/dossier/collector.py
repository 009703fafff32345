"""Python's cyclic garbage collector, told which objects outlive a build.

The articles' records and the rendered pages live to the end of a build, and under `mkdocs serve` from
one build to the next. Every full pass of the collector walks all of them again, though none of them is
garbage: at 10,000 articles a reload spent up to 4 s in such passes over 3 million live objects.
`settle()`, called once they are made, moves every object alive then out of the collector's sight
(`gc.freeze`); objects freed by their reference count are still freed.

What a frozen object cannot be is collected as part of a cycle. So each settle after the first collects
first what was made since the last one (the last build's navigation and template environment die as
cycles when the next build starts): a pass over those objects only. And the few frozen objects that
die later stay in memory until the frozen objects have grown by `GROWTH`: then one full pass sorts
them all.

While the pipeline gathers the worker processes' results, no pass runs at all (`paused`).

`gc.freeze` holds for the whole process: one LongLivedObjects per process (the plugin's; MkDocs runs one
instance of a plugin per command).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

GROWTH = 0.25  # the frozen objects may grow by this share before a full pass looks at them again


@dataclass
class LongLivedObjects:
    """What this process froze: `frozen`, the objects frozen since a full pass last saw them all, counted
    as they were frozen (those freed since are still counted); `at_full_pass`, how many of them were
    frozen right after that pass (None: nothing frozen yet)."""

    frozen: int = 0
    at_full_pass: int | None = None

    def settle(self) -> None:
        """Freeze what is alive now, once what died since the last settle is collected; first let one
        full pass see the frozen objects again if they have grown by more than `GROWTH` since it last
        did."""
        if self.at_full_pass is not None:
            gc.collect()  # the objects made since the last settle: the others are frozen
        self.frozen += _tracked()
        if self.at_full_pass is not None and self.frozen > self.at_full_pass * (1 + GROWTH):
            gc.unfreeze()
            gc.collect()
            self.frozen = _tracked()
            self.at_full_pass = None
        gc.freeze()
        if self.at_full_pass is None:
            self.at_full_pass = self.frozen

    def between_builds(self) -> None:
        """Collect what the build that has just ended let go: its pages, navigation and templates die as
        cycles once it returns. Under `mkdocs serve`, once, while the server starts (`on_serve`), rather
        than in the first reload (about 0.3 s of it at 10,000 articles)."""
        gc.collect()

    def release(self) -> None:
        """Give every frozen object back to the collector (the command ends)."""
        gc.unfreeze()
        self.frozen, self.at_full_pass = 0, None


def _tracked() -> int:
    """The objects the collector tracks, frozen ones aside: those `gc.freeze` would freeze now. (Counted
    so, not with gc.get_freeze_count(), which walks every frozen object: 0.4 s at 10,000 articles.)"""
    return sum(len(gc.get_objects(generation)) for generation in range(3))


@contextmanager
def paused() -> Iterator[None]:
    """No automatic pass while records come in by the thousand from the worker processes: they are all
    alive, so a pass finds nothing, and each full pass walks again every record that came before (in
    the 1,000-article build's own process, 1.9 s of passes that collected nothing). What dies meanwhile by
    its reference count is freed as ever; a cycle waits for the first pass after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
