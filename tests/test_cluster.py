"""cluster: the per-article stages, unchanged, on a Dask cluster (here a local one: a scheduler in this
process, two worker processes), turned on by `cluster:` in mkdocs.yml."""

from __future__ import annotations

import pytest
from distributed import LocalCluster

from conftest import (
    FOUNDING_CURATION,
    FOUNDING_REGISTRY,
    UNCURATED_NAME,
    UNCURATED_TEXT,
    founding_articles,
    make_project,
    mkdocs_build,
)
from dossier.project_config import write_config


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def site_files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_a_site_built_on_a_cluster_is_the_site_built_here(tmp_path, cluster, founding_site):
    files = {**founding_articles(), UNCURATED_NAME: UNCURATED_TEXT.encode()}
    make_project(tmp_path, files, FOUNDING_CURATION, FOUNDING_REGISTRY)
    config = write_config(tmp_path / "mkdocs.yml", tmp_path / "seeds",
                          dossier={"cluster": cluster.scheduler_address, "cache_dir": str(tmp_path / "shared-cache")})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.log[-3000:]
    # Every file went through the three phases on the cluster's workers, none in this process.
    # Every file went through the three phases on the cluster's workers (a task each), none in this process.
    assert cluster.scheduler.task_prefixes["run_unit"].state_counts["memory"] == 3 * len(files)
    built_here = site_files(founding_site.site)
    on_cluster = site_files(tmp_path / "site")
    assert sorted(on_cluster) == sorted(built_here)
    assert [name for name in built_here if on_cluster[name] != built_here[name]] == []
