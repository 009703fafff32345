"""The floor: a plain `mkdocs build` of already-written Markdown pages, same theme and search, no
pipeline. Prints its wall time and peak memory as JSON. Used by bench/run.py.

A navigation of more than MAX_NAV_PAGES pages is not built (its time is NaN): every page carries the
whole navigation, so such a build grows with the square of the pages (hours at 10,000)."""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

MAX_NAV_PAGES = 2_000

if __name__ == "__main__":
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(sys.argv[1])
    if config.nav and len(config.nav) > MAX_NAV_PAGES:
        print(json.dumps({"build_seconds": math.nan, "peak_memory_mb": math.nan}))
        sys.exit(0)
    started = time.perf_counter()
    build(config)
    print(json.dumps({"build_seconds": time.perf_counter() - started,
                      "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
