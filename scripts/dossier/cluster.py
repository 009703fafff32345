"""The per-article stages on a Dask cluster instead of this machine's processes: an option for a corpus
one machine is too small for (`cluster` in mkdocs.yml: the address of a Dask scheduler).

The units of work are the same pure functions (work_units.py), unchanged: Dask moves them, their inputs
and their results. Their tools (the cleaning vocabulary, the linker) reach each worker once, scattered
before the first task. The result cache stays with the build; point `cache_dir` at shared storage to
share it between the machines that build. Dask (the `distributed` package) is imported only here, only
when a build names a cluster.

Before any work is sent, every worker must run the code this build runs (the same digest of the stages'
source and libraries, as the cache keys use: a result computed elsewhere is cached under this build's
key) and one thread: the stages are CPU-bound Python, which threads share, and a sentence segmenter
(pysbd) is one object per process, not safe to share between threads.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from .collector import paused
from .parallel import Item, Mapped, Tools, WorkerPool

CONNECT_SECONDS = 30  # how long a scheduler has to answer, as Dask's own default


class ClusterError(RuntimeError):
    """The cluster a build names cannot be used, or failed while it worked."""


def run_unit(item: Item, fn: Callable[[Tools, Item], Mapped], tools: Tools) -> Mapped:
    return fn(tools, item)


def set_up_worker(preload: Callable[[], object], code: Callable[[], str]) -> str:
    """What a worker runs before any unit: the build's preload (the language models), then the digest
    of the code it would run."""
    preload()
    return code()


class ClusterPool(WorkerPool[Tools]):
    """A WorkerPool whose work runs on the Dask cluster at `address`, every item there whatever their
    number (the cluster is there because the maintainer chose it). `preload` runs on each worker first;
    `code` is the digest of the code the units run, which each worker's must equal."""

    def __init__(self, address: str, tools: Tools, preload: Callable[[], object], code: Callable[[], str],
                 connect_seconds: float = CONNECT_SECONDS):
        super().__init__(jobs=1, files=0, tools=tools)
        self.address = address
        self.set_up = (preload, code)
        self.connect_seconds = connect_seconds
        self.client: Any = None  # distributed is only partly typed
        self.scattered: Any = None

    def __enter__(self) -> ClusterPool[Tools]:
        try:  # an optional dependency: imported by a build that names a cluster, only
            from distributed import Client
        except ImportError as error:
            raise ClusterError(f"mkdocs.yml names a cluster ({self.address}), but Dask cannot be imported here "
                               f"({error}): install the project's `cluster` dependency group") from error
        try:
            self.client = Client(self.address, timeout=self.connect_seconds,  # type: ignore[no-untyped-call]
                                 set_as_default=False)  # distributed is only partly typed
        except (OSError, TimeoutError, ValueError) as error:
            raise ClusterError(f"no Dask scheduler answers at {self.address}: {error}") from error
        self.collector.callback(self.client.close)  # closed with the pool (WorkerPool.__exit__), and last
        try:
            self._check_workers()
            self.collector.enter_context(paused())  # this process only gathers results, as with a local pool
            self.scattered = self.client.scatter(self.tools, broadcast=True, hash=False)
        except Exception as error:  # the workers' own errors among them (a model missing there)
            self.collector.close()
            raise ClusterError(f"the Dask cluster at {self.address} cannot be used: {error}") from error
        except BaseException:
            self.collector.close()
            raise
        return self

    def _check_workers(self) -> None:
        threads = self.client.nthreads()
        if not threads:
            raise ClusterError("it has no workers")
        if any(count != 1 for count in threads.values()):
            raise ClusterError(f"its workers must run one thread each (`dask worker --nthreads 1`): {threads}")
        expected = self.set_up[1]()
        differing = {worker: code for worker, code in self.client.run(set_up_worker, *self.set_up).items()
                     if code != expected}
        if differing:
            raise ClusterError(f"these workers run other code or library versions than this build: {sorted(differing)}")

    def elsewhere(self, count: int) -> bool:
        return True

    def map(self, fn: Callable[[Tools, Item], Mapped], items: list[Item]) -> Iterator[Mapped]:
        if not items:
            return iter(())
        pending = deque(self.client.map(run_unit, items, fn=fn, tools=self.scattered, pure=False))
        return self._results(pending)

    def _results(self, pending: deque[Any]) -> Iterator[Mapped]:
        """The results in order, each future let go of once read (the cluster then frees its result). The
        units catch their own errors (a bad file is an outcome), so an error here is the cluster's."""
        while pending:
            future = pending.popleft()
            try:
                result: Mapped = future.result()
            except Exception as error:
                failure = f"{type(error).__name__}: {error}"
                raise ClusterError(f"the Dask cluster at {self.address} failed: {failure}") from error
            yield result
