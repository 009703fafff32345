"""`make bench`: build synthetic corpora of 100, 1,000, 5,000 and 10,000 articles and measure.

For each size: the time of each pipeline stage, the whole build (cold cache) beside MkDocs with
Material alone on the same article texts as Markdown pages (the floor: kept out of the navigation; the
naive build: all in it) and the ratios, a plain `mkdocs build` of the dossier's own generated pages
(what MkDocs costs of our build), peak memory, the size of site/ and of the search index; then, in a
process that serves as `mkdocs serve --dirty` does, two live-reload rebuilds (an edited article, an
edited YAML entry) and that process's peak memory. Up to 1,000 articles, the ratio to the floor again as
the median of three cold builds and three floors run in turns (the machine's speed drifts over the minutes
between the first build and the first floor).
Then search, side by side: the site's own engine (the dossier's chunked index) and stock Material
search (the plain build's lunr index, behind the dossier's lunr wrapper, fixed): the index on disk, the
bytes a fresh browser downloads for the home page plus one query, and the time from typing the query
to its first result once the page has loaded and gone quiet, in headless Chromium (search_probe.py;
the median of five fresh browsers for the dossier, three for lunr, which takes minutes at 10,000).
Prints a table and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from corpus import generate
from dossier.project_config import write_config
from dossier.search_worker import WORKER, worker_scripts
from search_probe import index_bytes
from search_probe import measure as probe_search

ROOT = Path(__file__).resolve().parent.parent
STAGES = ["ingest", "clean", "duplicates", "detect", "normalize", "metadata", "link", "quote", "attention"]
QUERY = "Amazon Care"  # a company's name: its profile, then the articles that mention it
RUNS = {"dossier": 5, "material": 3}  # fresh browsers per engine (stock lunr takes minutes at 10,000)
# The naive build is not run above this: every page carries the whole navigation, so it grows with the
# square of the pages (hours at 10,000).
MAX_NAIVE_PAGES = 2_000
# The ratio to the floor again, from cold builds and floors run in turns, the order alternating:
# the machine's speed drifts over the minutes between the first build and the first floor, by more than a
# session's change to the build. Run at the sizes the 3x target is set for, not above (minutes each).
PAIRS = 3
MAX_PAIRED_SIZE = 1_000


def project(root: Path, size: int, jobs: int) -> Path:
    """A dossier project with the real seeds, registry and curation, plus synthetic articles."""
    seeds = root / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    generate(max(0, size - 5), seeds / "articles")
    return write_config(root / "mkdocs.yml", seeds, site_dir=str(root / "site"),
                        dossier={"jobs": jobs, "cache_dir": str(root / ".cache")})


def plain_project(root: Path, pages: Path) -> Path:
    """The same pages as ordinary Markdown files, with the same theme, search and navigation."""
    shutil.copytree(ROOT / "docs", pages, dirs_exist_ok=True)
    # Not strict: the data files and the search worker the pages link to are the pipeline's, not here.
    return write_config(root / "plain.yml", None, docs_dir=str(pages), site_dir=str(root / "plain-site"),
                        strict=False)


def texts_project(root: Path, articles: Path, name: str, in_nav: bool) -> Path:
    """MkDocs with Material alone, on the corpus's own texts: each article file one Markdown page, kept
    out of the navigation (the floor: what any site of these texts costs) or every one listed in it (the
    naive build, which copies the whole navigation into every page)."""
    docs = root / f"{name}-docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "index.md").write_text("# Articles\n", encoding="utf-8")
    pages = []
    for path in sorted(articles.iterdir()):
        page = f"articles/{path.stem}.md"
        (docs / page).write_text(path.read_text(encoding="utf-8", errors="replace"), encoding="utf-8")
        pages.append(page)
    config = {"site_name": name, "docs_dir": str(docs), "site_dir": str(root / f"{name}-site"),
              "theme": {"name": "material", "font": False}, "plugins": ["search"],
              "nav": ["index.md", *pages] if in_nav else ["index.md"]}
    if not in_nav:
        config["not_in_nav"] = "/articles/**"
    path = root / f"{name}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def run_json(*command: str) -> dict:
    result = subprocess.run([sys.executable, *command], capture_output=True, text=True, cwd=ROOT / "bench",
                            env={**os.environ, "CI": "1"}, check=False)
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}{result.stdout[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def stock_material(site: Path) -> None:
    """Make the plain build's site search as Material does: the theme override points Material's UI at
    the dossier's worker, which the plain build does not write; the lunr wrapper (Material's worker, with
    the query fixes) takes its place, with the Simplified table of the index's texts."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    scripts = worker_scripts("lunr", ROOT / "templates", (doc["title"] + doc["text"] for doc in docs))
    (site / WORKER).write_text(scripts[WORKER], encoding="utf-8")


def search_figures(site: Path, index: Path, runs_wanted: int) -> dict:
    """The index on disk; bytes downloaded and time to the first result, median of fresh browsers."""
    runs = sorted((probe_search(site, QUERY) for _ in range(runs_wanted)), key=lambda r: r["first_result_ms"] or 1e12)
    median = runs[len(runs) // 2]
    return {"index_mb": round(index_bytes(index) / 1e6, 2), "download_kb": round(median["bytes_sent"] / 1e3, 1),
            "download_uncompressed_kb": round(median["bytes_uncompressed"] / 1e3, 1),
            "first_result_ms": median["first_result_ms"], "first_result_ms_runs": [r["first_result_ms"] for r in runs],
            "requests": median["requests"], "shown": median["meta"], "ready_ms": median["ready_ms"]}


def machine_stalls(seconds: float = 5.0, threshold_ms: float = 50.0) -> dict:
    """How often this machine stops a running process (a virtual CPU descheduled by its host): the gaps
    over `threshold_ms` between two readings of the clock in a busy loop. Every time below is at their
    mercy; a figure of 100 ms can read 500."""
    gaps, end = [], time.perf_counter() + seconds
    last = time.perf_counter()
    while (now := time.perf_counter()) < end:
        if (now - last) * 1000 > threshold_ms:
            gaps.append((now - last) * 1000)
        last = now
    return {"per_second": round(len(gaps) / seconds, 1), "longest_ms": round(max(gaps, default=0.0)),
            "lost_share": round(sum(gaps) / 1000 / seconds, 3)}


def paired_ratios(root: Path, config: Path, floor_config: Path, pairs: int) -> list[dict]:
    """`pairs` cold builds of the project and as many floors, in turns: their times and ratios. Each pair
    runs in the other order than the one before, and each run starts once the writes before it are on disk
    (the kernel's work for a deleted or written site would otherwise fall on the run after it)."""
    found = []
    for n in range(pairs):
        for left in (".cache", "site", "floor-site"):  # cold, into no site, as the first build and floor
            shutil.rmtree(root / left, ignore_errors=True)
        timed = {"build": ("build_once.py", "build", str(config), str(root / "pages")),
                 "floor": ("plain_build.py", str(floor_config))}
        seconds = {}
        for name in sorted(timed, reverse=n % 2 == 1):
            os.sync()
            seconds[name] = run_json(*timed[name])["build_seconds"]
        build, floor = seconds["build"], seconds["floor"]
        found.append({"build_seconds": round(build, 3), "floor_seconds": round(floor, 3),
                      "ratio": round(build / floor, 2)})
    return found


def measure(size: int, jobs: int, keep: Path | None = None, pairs: int = PAIRS) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as directory:
        root = Path(directory)
        if keep:  # the sites stay, to look at or measure again
            root = keep / f"bench-{size}"
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
        config = project(root, size, jobs)
        build = run_json("build_once.py", "build", str(config), str(root / "pages"))
        serve = run_json("build_once.py", "serve", str(config), str(root / "pages"))
        plain = run_json("plain_build.py", str(plain_project(root, root / "pages")))
        articles = root / "seeds" / "articles"
        floor_config = texts_project(root, articles, "floor", in_nav=False)
        floor = run_json("plain_build.py", str(floor_config))
        naive = (run_json("plain_build.py", str(texts_project(root, articles, "naive", in_nav=True)))
                 if size <= MAX_NAIVE_PAGES else None)
        pipeline = build["phases"]["total"] + build["phases"]["render"]
        paired = paired_ratios(root, config, floor_config, pairs if size <= MAX_PAIRED_SIZE else 0)
        print(f"bench: {size} articles, search in Chromium …", file=sys.stderr, flush=True)
        stock_material(root / "plain-site")
        search = {"dossier": search_figures(root / "site", root / "site" / "search" / "dossier", RUNS["dossier"]),
                  "material": search_figures(root / "plain-site", root / "plain-site" / "search" / "search_index.json",
                                             RUNS["material"])}
        return {
            "articles": size,
            "jobs": jobs,
            "published": build["published"],
            "pages": build["pages"],
            "stages": {stage: round(build["stages"].get(stage, 0.0), 3) for stage in STAGES},
            "phases": {phase: round(seconds, 3) for phase, seconds in build["phases"].items()},
            "render_seconds": round(build["phases"]["render"], 3),
            "pipeline_seconds": round(pipeline, 3),
            "build_seconds": round(build["build_seconds"], 3),
            "plain_mkdocs_seconds": round(plain["build_seconds"], 3),
            "floor_seconds": round(floor["build_seconds"], 3),
            "naive_seconds": round(naive["build_seconds"], 3) if naive else None,
            "build_to_floor_ratio": round(build["build_seconds"] / floor["build_seconds"], 2),
            "build_to_naive_ratio": round(build["build_seconds"] / naive["build_seconds"], 2) if naive else None,
            "paired": paired,
            "build_to_floor_ratio_paired": round(statistics.median(p["ratio"] for p in paired), 2) if paired else None,
            "floor_peak_memory_mb": round(floor["peak_memory_mb"], 1),
            "mkdocs_share_seconds": round(build["build_seconds"] - pipeline, 3),
            "pipeline_to_plain_ratio": round(pipeline / plain["build_seconds"], 3),
            "seconds_per_article": round(build["build_seconds"] / size, 4),
            "peak_memory_mb": round(build["peak_memory_mb"], 1),
            "helper_peak_memory_mb": round(build["helper_peak_memory_mb"], 1),
            "helper_private_memory_mb": round(build["helper_private_memory_mb"], 1),
            "serve_peak_memory_mb": round(serve["serve_peak_memory_mb"], 1),
            "plain_peak_memory_mb": round(plain["peak_memory_mb"], 1),
            "site_mb": round(build["site_mb"], 1),
            "search_index_mb": round(build["search_index_mb"], 2),
            "reload_article_seconds": round(serve["reload_article_seconds"], 3),
            "reload_article_pipeline_seconds": round(serve["reload_article_pipeline_seconds"], 3),
            "reload_yaml_seconds": round(serve["reload_yaml_seconds"], 3),
            "reload_yaml_pipeline_seconds": round(serve["reload_yaml_pipeline_seconds"], 3),
            "search": search,
            "machine_stalls": machine_stalls(),
        }


def table(results: list[dict]) -> str:
    rows = [
        ("articles", "articles"), ("published (not duplicates)", "published"), ("pages", "pages"), ("jobs", "jobs"),
        *((f"  {stage} (s, summed over jobs)", f"stage:{stage}") for stage in STAGES),
        ("  render pages (s)", "render_seconds"),
        ("pipeline, wall (s)", "pipeline_seconds"),
        ("whole build (s)", "build_seconds"),
        ("floor: mkdocs, the articles' texts out of the nav (s)", "floor_seconds"),
        (f"naive: mkdocs, the articles' texts all in the nav (s; None above {MAX_NAIVE_PAGES:,})", "naive_seconds"),
        ("whole build / floor", "build_to_floor_ratio"),
        (f"  the same, median of builds and floors run in turns (None above {MAX_PAIRED_SIZE:,})",
         "build_to_floor_ratio_paired"),
        ("whole build / naive", "build_to_naive_ratio"),
        ("plain mkdocs build of the dossier's generated pages (s)", "plain_mkdocs_seconds"),
        ("pipeline / plain mkdocs", "pipeline_to_plain_ratio"),
        ("build seconds per article", "seconds_per_article"),
        ("peak memory, mkdocs build (MB)", "peak_memory_mb"),
        ("  its search index's helper process: peak, shared pages counted (MB)", "helper_peak_memory_mb"),
        ("  the same, its own pages at the end of the build (MB)", "helper_private_memory_mb"),
        ("peak memory, mkdocs serve (first build from the cache), two reloads (MB)", "serve_peak_memory_mb"),
        ("plain mkdocs peak memory (MB)", "plain_peak_memory_mb"),
        ("floor peak memory (MB)", "floor_peak_memory_mb"),
        ("site/ (MB)", "site_mb"),
        ("search index (MB)", "search_index_mb"),
        ("reload after editing an article (s)", "reload_article_seconds"),
        ("  of which pipeline (s)", "reload_article_pipeline_seconds"),
        ("reload after editing a YAML entry (s)", "reload_yaml_seconds"),
        ("  of which pipeline (s)", "reload_yaml_pipeline_seconds"),
        (f"search for {QUERY!r}: dossier index / Material (lunr)", None),
        ("  index on disk (MB)", "search:index_mb"),
        ("  home page + one query, downloaded (KB, gzip)", "search:download_kb"),
        ("  the same, uncompressed (KB)", "search:download_uncompressed_kb"),
        ("  search ready after navigation (ms)", "search:ready_ms"),
        ("  first result after typing (ms)", "search:first_result_ms"),
        ("machine stalls over 50 ms, a second", "stalls:per_second"),
        ("  the longest (ms)", "stalls:longest_ms"),
        ("  share of the time lost", "stalls:lost_share"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = []
    for label, key in rows:
        if key is None:
            lines.append(label)
        else:
            lines.append(f"{label:<{width}}  " + "  ".join(f"{cell(r, key)!s:>20}" for r in results))
    return "\n".join(lines)


def cell(result: dict, key: str) -> object:
    """One figure of a size's results: "group:field" within a group, else a top-level field."""
    group, _, field = key.rpartition(":")
    if group == "search":
        return f"{result['search']['dossier'][field]} / {result['search']['material'][field]}"
    return result[{"stage": "stages", "stalls": "machine_stalls"}[group]][field] if group else result[field]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--keep", type=Path, help="keep each size's project and sites under this directory")
    parser.add_argument("--pairs", type=int, default=PAIRS,
                        help=f"builds and floors in turns, for the paired ratio (up to {MAX_PAIRED_SIZE:,} articles)")
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        print(f"bench: {size} articles …", file=sys.stderr, flush=True)
        results.append(measure(size, args.jobs, args.keep, args.pairs))
        # Written after each size: a run stopped at the largest keeps the others.
        args.out.write_text(json.dumps({"machine": {"cores": os.cpu_count()}, "results": results}, indent=2) + "\n")
        print(table(results[-1:]), file=sys.stderr, flush=True)
    print(table(results))
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
