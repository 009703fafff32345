"""Crafted articles that make a per-article stage rescan what it has seen, at any size.

Shared by `test_linear_time.py` (each stage's function calls at n and 4n: a count no load can change) and
`bench/linear_time.py` (`make bench-linear`: each stage's CPU time at n and 4n, which also shows work
inside one call, such as a regular expression that backtracks). Each entry makes the file's text for a
size; the inputs that took quadratic time before are among them.
"""

from __future__ import annotations

from collections.abc import Callable

from dossier.clean import clean
from dossier.cleaning_vocabulary import CleaningVocabulary
from dossier.detect import detect, load_identifiers
from dossier.ingest import ingest
from dossier.link import Linker, link
from dossier.metadata import build_article
from dossier.normalize import normalize
from dossier.records import DecodedText, SourceFile
from dossier.registry import Registry

Stage = Callable[[object], object]

HEADLINE = "Amazon closes the clinic it ran for its own employees\n\n"
PROSE = (
    "Amazon said on Wednesday that it would wind down the clinic it had run for its own staff since 2019. "
    "The company told employees the service had not drawn enough interest from outside employers.\n\n"
)
ARTICLE_END = PROSE * 2


def _case_variants(word: str, n: int) -> list[str]:
    """n spellings of `word` that differ in case only: lines a page repeats would be taken out as a
    repeated body at once, these go through every signal."""
    letters = [k for k, ch in enumerate(word) if ch.isalpha()]
    variants = []
    for i in range(n):
        chars = list(word)
        for bit, k in enumerate(letters):
            if i >> bit & 1:
                chars[k] = chars[k].swapcase()
        variants.append("".join(chars))
    return variants


def _number(i: int) -> str:
    """A number that no size turns into a year (1999 would send the line to the date parser)."""
    return f"{i:06d}"


# name: (how the file is made for a size, the smaller size)
CRAFTED: dict[str, tuple[Callable[[int], str], int]] = {
    # The four shapes the issue measured.
    "a dateline followed by spaces": (
        lambda n: HEADLINE + "25 January 2023" + " " * n + "Berlin\n\n" + PROSE + ARTICLE_END, 25_000),
    "[a]( and a run of letters": (lambda n: HEADLINE + PROSE + "[a](" + "a" * n + "\n\n" + ARTICLE_END, 25_000),
    "card-like Markdown lines": (
        lambda n: "# Cards\n\n" + PROSE + "".join(f"[](https://x.example/{_number(i)}) [## Card {_number(i)}\n" for i in range(n))
        + "\n" + ARTICLE_END, 250),
    "Views: N lines": (lambda n: HEADLINE + PROSE + "".join(f"Views: {_number(i)}\n" for i in range(n)) + "\n" + ARTICLE_END,
                       1_000),
    # Runs that a pattern opening with a repeatable part would scan again from each of its positions.
    "a run of opening brackets": (lambda n: HEADLINE + PROSE + "[" * n + "\n\n" + ARTICLE_END, 25_000),
    "a run of ]( pairs": (lambda n: HEADLINE + PROSE + "[a](b" * n + "\n\n" + ARTICLE_END, 10_000),
    "a run of image openings": (lambda n: HEADLINE + PROSE + "![a](" * n + "\n\n" + ARTICLE_END, 10_000),
    # A run of spaces inside a name over the dateline: a handle's and a place's patterns read it one way.
    "a run of spaces in a name over a dateline": (
        lambda n: HEADLINE + "Jane Doe," + " " * n + "x,\n25 January 2023\n\n" + PROSE + ARTICLE_END, 5_000),
    "a numbering label's run of spaces": (
        lambda n: HEADLINE + "Episode" + " " * n + "#\nThe episode's title in a few words\n\n" + PROSE + ARTICLE_END,
        5_000),
    "spaces between menu items": (lambda n: HEADLINE + "Home" + " " * n + "News\n\n" + PROSE + ARTICLE_END, 25_000),
    "a count over a run of spaces": (lambda n: HEADLINE + PROSE + "1" + " " * n + "x\n\n" + ARTICLE_END, 25_000),
    "a tab title's bar after a run of spaces": (lambda n: HEADLINE + "x" + " " * n + "｜y\n\n" + PROSE + ARTICLE_END, 25_000),
    "a word run without its e-mail domain": (lambda n: HEADLINE + "By " + "a" * n + "@\n\n" + PROSE + ARTICLE_END,
                                            25_000),
    # Markdown: markdown-it is quadratic on some runs inside one block, so a long block is read as plain text.
    "Markdown with a paragraph of emphasis marks": (
        lambda n: "# Title\n\nSee [a](https://a.example).\n\n" + "*a " * n + "\n\n" + ARTICLE_END, 5_000),
    "Markdown with many short paragraphs": (
        lambda n: "# Title\n\nSee [a](https://a.example).\n\n" + "*a " * 500 + "\n\n" + ("*b _c [d " * 50 + "\n\n") * n
        + ARTICLE_END, 100),
    # Rules that look at a line's neighbours or at the whole page.
    "headlines among notices": (
        lambda n: "".join(f"Subscribe to our newsletter\nAmazon closes another clinic in city {_number(i)}\n" for i in range(n))
        + "\n" + PROSE + ARTICLE_END, 250),
    "related headers": (lambda n: HEADLINE + PROSE + "\n".join(_case_variants("Related articles", n)) + "\n\n"
                        + ARTICLE_END, 1_000),
    "related headers and their lists": (
        lambda n: HEADLINE + PROSE + "".join(f"Related\nAmazon opens clinic number {_number(i)}\n" for i in range(n)) + "\n"
        + ARTICLE_END, 250),
    "photo credits under captions": (
        lambda n: HEADLINE + PROSE + "".join(f"The clinic in city {_number(i)}\nFoto: dpa\n" for i in range(n)) + "\n"
        + ARTICLE_END, 250),
    "bylines and datelines": (
        lambda n: HEADLINE + "".join(f"By Jane Doe {_number(i)}\n2{i % 10} January 2023\n" for i in range(n)) + "\n" + PROSE
        + ARTICLE_END, 250),
    # a byline over thousands of toolbar rows: the walk up to the headline passes each row once
    "toolbar rows under a byline": (
        lambda n: HEADLINE + "By Jane Doe\n" + "".join(f"Share | Tweet | Copy link {_number(i)}\n" for i in range(n))
        + "\n" + PROSE + ARTICLE_END, 250),
    "short prose lines": (lambda n: HEADLINE + "".join(f"The clinic closed in city {_number(i)}.\n" for i in range(n))
                          + "\n" + ARTICLE_END, 500),
    "Chinese without punctuation": (lambda n: "亚马逊关闭诊所\n\n" + "亚马逊医疗服务" * n + "。\n\n" + "阿里健康表示将继续投资。" * 20,
                                    2_500),
    "a cp1252 file": (lambda n: HEADLINE + "Die Krankenkasse übernimmt die Kosten für Ärzte. " * n + "\n", 500),
}



def encoding_of(name: str) -> str:
    """The encoding a crafted file is written in (its name says when it is not UTF-8)."""
    return "cp1252" if "cp1252" in name else "utf-8"


def per_article_stages(vocabulary: CleaningVocabulary, registry: Registry) -> dict[str, Stage]:
    """The per-article stages in order, each a function of the previous one's output."""
    linker = Linker(registry)
    load_identifiers()
    return {
        "ingest": ingest,
        "clean": lambda decoded: clean(decoded, vocabulary),
        "detect": detect,
        "normalize": normalize,
        "metadata": lambda normalized: build_article(normalized, None),
        "link": lambda article: link(article, linker),
    }


def stage_inputs(stages: dict[str, Stage], name: str, size: int,
                 run: Callable[[str, Stage, object], object] | None = None) -> dict[str, object]:
    """What each stage receives for the crafted file `name` at `size`: the output of the stages before it.
    `run(stage_name, stage, value)` runs each stage on its input (by default, it is called)."""
    make, _ = CRAFTED[name]
    value: object = SourceFile("seeds/articles/crafted.txt", make(size).encode(encoding_of(name)))
    inputs = {}
    for stage_name, stage in stages.items():
        inputs[stage_name] = value
        value = run(stage_name, stage, value) if run else stage(value)
        if stage_name == "ingest" and not isinstance(value, DecodedText):
            raise ValueError(f"{name} at {size:,}: ingest rejected it ({value})")
    return inputs
