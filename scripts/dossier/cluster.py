"""The per-article stages on a Dask cluster instead of this machine's processes: an option for a corpus
one machine is too small for (`cluster` in mkdocs.yml: the address of a Dask scheduler).

The units of work are the same pure functions (work_units.py), unchanged: Dask moves them, their inputs
and their results. Their tools (the cleaning vocabulary, the linker) reach each worker once, scattered
before the first task. The result cache stays with the build; point `cache_dir` at shared storage to
share it between the machines that build. Dask (the `distributed` package) is imported only here, only
when a build names a cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .collector import paused
from .parallel import Item, Mapped, Tools, WorkerPool


def run_unit(item: Item, fn: Callable[[Tools, Item], Mapped], tools: Tools) -> Mapped:
    return fn(tools, item)


class ClusterPool(WorkerPool[Tools]):
    """A WorkerPool whose work runs on the Dask cluster at `address`, every item there whatever their
    number (the cluster is there because the maintainer chose it)."""

    def __init__(self, address: str, tools: Tools):
        super().__init__(jobs=1, files=0, tools=tools)
        self.address = address
        self.client: Any = None  # distributed ships no types
        self.scattered: Any = None

    def __enter__(self) -> ClusterPool[Tools]:
        from distributed import Client  # an optional dependency: imported by a build that uses it, only

        self.collector.enter_context(paused())  # this process only gathers results, as with a local pool
        self.client = Client(self.address, set_as_default=False)  # type: ignore[no-untyped-call]  # distributed, partly typed
        self.scattered = self.client.scatter(self.tools, broadcast=True, hash=False)
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.collector.close()

    def map(self, fn: Callable[[Tools, Item], Mapped], items: list[Item]) -> Iterable[Mapped]:
        futures = self.client.map(run_unit, items, fn=fn, tools=self.scattered, pure=False)
        return (future.result() for future in futures)  # in order, each as soon as it and those before are done
