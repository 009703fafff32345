"""Synthetic corpora for the benchmark: articles recombined from the seeds' paragraphs.

Each synthetic article has a new title and a main language (one seed's), and recombines paragraphs
across languages: a little over half of them from its main seed, the rest from the other seeds, in a
shuffled order. No earlier article, seed or synthetic, then holds 80% of its sentences, so duplicate
detection does not collapse them, while the text stays realistic (chrome and spam lines included).
"""

from __future__ import annotations

import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles"


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]


def generate(count: int, directory: Path, seed: int = 2026) -> list[Path]:
    """Write `count` article files into `directory` and return their paths."""
    rng = random.Random(seed)
    pools = {path.name[:3]: _paragraphs(path) for path in sorted(SEEDS.iterdir())}
    prefixes = sorted(pools)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        family = prefixes[n % len(prefixes)]
        own = rng.sample(pools[family], k=min(len(pools[family]), rng.randint(5, 8)))
        strangers = [p for p in prefixes if p != family]
        others = [rng.choice(pools[rng.choice(strangers)]) for _ in range(len(own) - 1)]
        body = own + others
        rng.shuffle(body)
        title = f"Synthetic report {n:05d}: {rng.choice(['Amazon', 'Ali Health', 'Haven', 'PillPack', 'One Medical'])}"
        if family == "001":
            title = f"# {title}"
        text = "\n\n".join([title, *body, f"Closing line of report {n} about health care ventures {rng.random():.6f}."])
        path = directory / f"synthetic-{n:05d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written
