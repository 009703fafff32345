"""cluster: the per-article stages, unchanged, on a Dask cluster (here a local one: a scheduler in this
process, two worker processes), turned on by `cluster:` in mkdocs.yml; and the clusters a build refuses,
each with an error that says why."""

from __future__ import annotations

import gc
import os

import pytest
from distributed import LocalCluster, SchedulerPlugin

from conftest import founding_site_files, make_founding_project, mkdocs_build, site_entries
from dossier.cluster import ClusterError, ClusterPool
from dossier.pipeline import pipeline_code
from dossier.project_config import write_config


class UnitsRun(SchedulerPlugin):
    """Counts the units of work the cluster's workers finish."""

    def __init__(self):
        self.count = 0

    def transition(self, key, start, finish, *args, **kwargs):
        if finish == "memory" and str(key).startswith("run_unit-"):
            self.count += 1


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        local.scheduler.add_plugin(UnitsRun(), name="units-run")
        yield local


def units_run(cluster) -> int:
    return cluster.scheduler.plugins["units-run"].count


def test_a_site_built_on_a_cluster_is_the_site_built_here(tmp_path, cluster, founding_site):
    files = founding_site_files()
    make_founding_project(tmp_path)
    config = write_config(tmp_path / "mkdocs.yml", tmp_path / "seeds",
                          dossier={"cluster": cluster.scheduler_address, "cache_dir": str(tmp_path / "shared-cache")})
    before = units_run(cluster)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.log[-3000:]
    # Every file went through the three phases on the cluster's workers (a task each), none in this process.
    assert units_run(cluster) - before == 3 * len(files)
    built_here = site_entries(founding_site.site)
    on_cluster = site_entries(tmp_path / "site")
    assert sorted(on_cluster) == sorted(built_here)
    assert [name for name in built_here if on_cluster[name] != built_here[name]] == []


def process_id() -> str:
    return str(os.getpid())


def nothing() -> None:
    pass


@pytest.mark.parametrize(
    "make_pool, why",
    [
        (lambda address: ClusterPool("tcp://127.0.0.1:9", None, nothing, pipeline_code, connect_seconds=0.5),
         r"no Dask scheduler answers at tcp://127\.0\.0\.1:9"),  # nothing listens there
        (lambda address: ClusterPool(address, None, nothing, process_id),  # each worker's differs from ours
         r"cannot be used: these workers run other code or library versions than this build"),
    ],
    ids=["no scheduler", "other code"],
)
def test_a_cluster_that_cannot_be_used_is_refused_with_the_reason(cluster, make_pool, why):
    before = units_run(cluster)
    with pytest.raises(ClusterError, match=why), make_pool(cluster.scheduler_address):
        pass
    assert units_run(cluster) == before  # nothing was sent
    assert gc.isenabled()  # the collector is not left paused


def test_workers_with_several_threads_are_refused():
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0") as threaded:
        pool = ClusterPool(threaded.scheduler_address, None, nothing, pipeline_code)
        with pytest.raises(ClusterError, match=r"one thread each \(`dask worker --nthreads 1`\)"), pool:
            pass
    assert gc.isenabled()


def test_a_cluster_failing_mid_build_is_a_cluster_error(cluster):
    def fails(_tools, _item):
        raise MemoryError("the worker ran out")  # a unit catches its own errors: this one stands for Dask's

    with ClusterPool(cluster.scheduler_address, None, nothing, pipeline_code) as pool:
        assert list(pool.map(fails, [])) == []
        with pytest.raises(ClusterError, match="failed: MemoryError: the worker ran out"):
            list(pool.map(fails, [1]))
