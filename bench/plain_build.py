"""The floor: a plain `mkdocs build` of already-written Markdown pages, same theme and search, no
pipeline. Prints its wall time and peak memory as JSON. Used by bench/run.py."""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

if __name__ == "__main__":
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(sys.argv[1])
    started = time.perf_counter()
    build(config)
    print(json.dumps({"build_seconds": time.perf_counter() - started,
                      "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
