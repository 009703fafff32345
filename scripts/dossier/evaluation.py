"""Measures the pipeline against a gold-annotated corpus (`eval/devset/`, see its README).

The corpus is built exactly as a maintainer would build it: its raw files dropped into a project beside
the real seeds, with the real cleaning vocabulary, registry and curation. Each measure is read off what
the article page shows: the title, the blocks of the source's own rendition, the metadata fields and the
links. `python -m dossier.evaluation` (`make eval`) prints them per file and overall.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from .block_parsing import markdown_shown
from .line_rules import BULLET, without_link_numbers
from .people import people
from .pipeline import build_corpus
from .records import Article, Corpus, file_name
from .registry import Registry
from .sources import Paths


class GoldCompany(TypedDict):
    name: str  # as the registry names the entity in English (its name, an English name or an alias)
    surface: list[str]  # the words the page should link to it


GoldTrap = TypedDict("GoldTrap", {"text": str, "not": str})  # words that must not link to company `not`


class Gold(TypedDict):
    """One file's gold annotation (eval/devset/gold.json, see its README)."""

    language: str
    encoding: str
    title: str | None  # None: the page has no headline
    published: str | None
    publisher: str | None
    author: str | None
    body: list[str]
    drop: list[str]
    companies: list[GoldCompany]
    not_companies: list[GoldTrap]


MEASURES = ("body", "furniture", "title", "facts", "language", "links", "traps")


@dataclass
class Score:
    """One file's counts (or, summed, the corpus's): hits out of totals, per measure."""

    body_kept: int = 0
    body_total: int = 0
    files_losing_body: int = 0
    furniture_shown: int = 0
    furniture_total: int = 0
    title_right: int = 0
    title_total: int = 0
    untitled_said: int = 0
    untitled_total: int = 0
    facts_right: int = 0
    facts_total: int = 0
    language_right: int = 0
    language_total: int = 0
    links_right: int = 0
    links_total: int = 0
    traps_linked: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)

    @property
    def body_share(self) -> float:
        return self.body_kept / self.body_total if self.body_total else 1.0

    @property
    def links_share(self) -> float:
        return self.links_right / self.links_total if self.links_total else 1.0


def _norm(text: str | None) -> str:
    """How lines are compared: NFC, whitespace collapsed (pages join and strip lines)."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def same_fact(found: str | None, gold: str, key: str) -> bool:
    """Facts compare as written, but for case and spaces; authors as the people they name, whatever joins
    them ("Louise Perrin et Hugo Castaing" is "Louise Perrin, Hugo Castaing")."""
    def written(text: str) -> str:
        return _norm(text).casefold()
    if key == "author" and found:
        return [written(person) for person in people(found)] == [written(person) for person in people(gold)]
    return written(str(found or "")) == written(gold)


def page_lines(article: Article) -> list[str]:
    """What the article's page shows of the source's text: its title, then each block."""
    own = article.normalized.renditions[0]
    return [_norm(own.title)] + [_norm(block.text) for block in own.blocks]


def entity_ids_named(registry: Registry, name: str) -> set[str]:
    """The registry entities a gold company name stands for (by English name, English names, aliases)."""
    key = name.casefold()
    return {
        entity.id for entity in registry.entities
        if key in {n.casefold() for n in (entity.name, *entity.names.get("en", ()), *entity.aliases)}
    }


def as_a_reader_sees(gold: Gold, source_format: str) -> tuple[list[str], list[str]]:
    """The gold's body and drop lines as a reader of the page sees them (the page shows them so): a
    Markdown line's text ("**Lead**", "## Heading"), a text browser's dump without its links' numbers."""
    written = [*gold["body"], *gold["drop"]]
    if source_format == "markdown":
        seen = [markdown_shown(line) for line in written]
    else:
        seen = without_link_numbers(written) or written
    return seen[: len(gold["body"])], seen[len(gold["body"]) :]


def score_article(article: Article | None, gold: Gold, registry: Registry) -> Score:
    """One file's measures; `article` is None when the file was not published."""
    score = Score(language_total=1)
    body = [_norm(line) for line in gold["body"]]
    score.body_total = len(body)
    score.furniture_total = len(gold["drop"])
    if gold["title"] is None:
        score.untitled_total = 1
    else:
        score.title_total = 1
    facts = {key: value for key in ("published", "publisher", "author") for value in [gold[key]] if value is not None}
    score.facts_total = len(facts)
    score.links_total = sum(len(company["surface"]) for company in gold["companies"])
    if article is None:
        score.files_losing_body = 1
        score.problems.append("not published")
        return score

    shown = page_lines(article)
    seen_body, seen_drops = as_a_reader_sees(gold, article.clean.source_format)
    body = [_norm(line) for line in seen_body]
    for line in body:
        # A list item is shown as one, its marker drawn by the page rather than written in the text.
        if any(line in unit or BULLET.sub("", line) in unit for unit in shown):
            score.body_kept += 1
        else:
            score.problems.append(f"body lost: {line[:70]}")
    score.files_losing_body = int(score.body_kept < score.body_total)

    unavoidable = {_norm(gold["title"])} | set(body)
    as_metadata = {_norm(str(article.publisher.value or "")), _norm(str(article.author.value or ""))}
    for line in map(_norm, seen_drops):
        if line in as_metadata or any(line in part for part in unavoidable):
            continue
        if any(line in unit for unit in shown):
            score.furniture_shown += 1
            score.problems.append(f"furniture shown: {line[:70]}")

    title = shown[0]
    if gold["title"] is None:
        score.untitled_said = int(not title)
        if title:
            score.problems.append(f"title invented: {title[:70]}")
    elif title in {_norm(gold["title"]), _norm(markdown_shown(gold["title"]))}:
        score.title_right = 1
    else:
        score.problems.append(f"title: {title[:60]!r} (gold {gold['title'][:60]!r})")

    found = {"published": article.published.value, "publisher": article.publisher.value,
             "author": article.author.value}
    for key, value in facts.items():
        if same_fact(found[key], value, key):
            score.facts_right += 1
        else:
            score.problems.append(f"{key}: {found[key]!r} (gold {value!r})")

    if article.language == gold["language"]:
        score.language_right = 1
    else:
        score.problems.append(f"language: {article.language} (gold {gold['language']})")

    linked = {(mention.surface, mention.entity) for mention in article.mentions}
    for company in gold["companies"]:
        ids = entity_ids_named(registry, company["name"])
        for surface in company["surface"]:
            if any((surface, entity) in linked for entity in ids):
                score.links_right += 1
            else:
                score.problems.append(f"not linked: {surface} -> {company['name']}"
                                      + ("" if ids else " (not in the registry)"))

    for trap in gold["not_companies"]:
        if _trap_linked(article, trap["text"], entity_ids_named(registry, trap["not"])):
            score.traps_linked += 1
            score.problems.append(f"trap linked: {trap['text']} -> {trap['not']}")
    return score


def _trap_linked(article: Article, text: str, wrong: set[str]) -> bool:
    """Whether a link to one of `wrong` lies inside an occurrence of `text` on the page."""
    own = article.normalized.renditions[0]
    for block in own.blocks:
        spans, offset = [], 0
        for inline in block.inlines:
            if inline.entity in wrong:
                spans.append((offset, offset + len(inline.text)))
            offset += len(inline.text)
        start = block.text.find(text)
        while start >= 0:
            if any(start <= s and e <= start + len(text) for s, e in spans):
                return True
            start = block.text.find(text, start + 1)
    return False


def build_devset_corpus(devset: Path, project: Path, work: Path, jobs: int | None = 1) -> Corpus:
    """The devset's files dropped into a copy of the project's seeds, built as the site builds them."""
    seeds = work / "seeds"
    shutil.copytree(project / "seeds", seeds)
    for path in sorted((devset / "articles").iterdir()):
        shutil.copyfile(path, seeds / "articles" / path.name)
    return build_corpus(Paths(work, seeds, project / "templates"), jobs=jobs)


def evaluate(devset: Path, project: Path, jobs: int | None = 1) -> tuple[dict[str, Score], Score]:
    """Per-file scores and their sum."""
    gold: dict[str, Gold] = json.loads((devset / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        corpus = build_devset_corpus(devset, project, Path(work), jobs)
    by_name = {file_name(a.clean.source_file): a for a in corpus.articles}
    assert corpus.registry is not None
    scores = {name: score_article(by_name.get(name), gold[name], corpus.registry) for name in sorted(gold)}
    total = Score()
    for score in scores.values():
        total.add(score)
    return scores, total


def table(scores: dict[str, Score], total: Score) -> str:
    header = f"{'file':24} {'body':>9} {'furn':>7} {'title':>5} {'facts':>5} {'lang':>4} {'links':>7} {'traps':>5}"
    rows = [header, "-" * len(header)]
    for name, s in [*scores.items(), ("overall", total)]:
        title = f"{s.title_right}/{s.title_total}" if s.title_total else f"{s.untitled_said}/{s.untitled_total}*"
        rows.append(f"{name[:24]:24} {s.body_kept:>4}/{s.body_total:<4} {s.furniture_shown:>3}/{s.furniture_total:<3} "
                    f"{title:>5} {s.facts_right:>2}/{s.facts_total:<2} {s.language_right:>2}/{s.language_total:<1} "
                    f"{s.links_right:>3}/{s.links_total:<3} {s.traps_linked:>5}")
    rows.append("")
    rows.append(f"body lines kept whole: {total.body_share:.3f} ({total.body_kept} of {total.body_total}); "
                f"files losing a body line: {total.files_losing_body} of {len(scores)}")
    rows.append(f"furniture lines shown: {total.furniture_shown} of {total.furniture_total}")
    rows.append(f"titles right: {total.title_right} of {total.title_total}; "
                f"files without a headline left untitled: {total.untitled_said} of {total.untitled_total} (*)")
    rows.append(f"date / publisher / author right: {total.facts_right} of {total.facts_total}")
    rows.append(f"language right: {total.language_right} of {total.language_total}")
    rows.append(f"company mentions linked right: {total.links_share:.2f} ({total.links_right} of {total.links_total})")
    rows.append(f"traps linked: {total.traps_linked}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", nargs="?", default="eval/devset", type=Path)
    parser.add_argument("--project", default=".", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list each file's problems")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per core)")
    args = parser.parse_args(argv)
    scores, total = evaluate(args.devset, args.project.resolve(), args.jobs or None)
    print(table(scores, total))
    if args.verbose:
        for name, score in scores.items():
            for problem in score.problems:
                print(f"{name}: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
