"""The build report's pages: what became of every input file, and what a maintainer should look at, cut
into pages so that no page grows with the corpus (at 10,000 inputs the report was one page of 4.8 MB, and
every edit under `mkdocs serve` sent all of it through Markdown again).

`report/` opens with the counts and a summary of the needs-attention list, then lists the inputs:
rejected first, then duplicates, then published, each kind in path order (what needs acting on comes
first), `per_page` to a page (`report/2/`, ...). The needs-attention list has pages of its own
(`report/attention/`, ...), kind after kind. A page is rendered again only when what it shows changes:
an edit to one article renders one page of the report again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import groupby

from jinja2 import Environment

from .attention import KINDS
from .front_matter import render_page
from .listings import paged
from .page_memo import Memo
from .records import AttentionItem, Corpus, OutcomeStatus
from .urls import article_url, attention_url, href_from, removed_url, report_url

STATUS_ORDER: dict[OutcomeStatus, int] = {"rejected": 0, "duplicate": 1, "published": 2}
_MEMO_KEY = "build report"  # one report per site: its pages are told apart by what they show


@dataclass(frozen=True)
class InputRow:
    """One input file as the report shows it."""

    source_file: str
    status: OutcomeStatus
    reason: str | None  # why it was rejected, or whose duplicate it is
    article_title: str | None  # the published article: its English title, else its id
    article_url: str | None
    removed_url: str | None  # the article's list of what cleaning removed
    kept_chars: int | None  # None: never cleaned (refused unread, or not text)
    removals: tuple[tuple[str, int], ...]  # characters removed, by cleaning rule


@dataclass(frozen=True)
class AttentionSummary:
    """One kind of the needs-attention list, on the report's first page."""

    kind: str
    meaning: str
    count: int
    url: str  # the page of the list where the kind starts, and its anchor


def input_rows(corpus: Corpus) -> list[InputRow]:
    """Every input, in the report's order."""
    articles = {a.id: a for a in corpus.articles}
    rows = []
    for outcome in corpus.outcomes:
        article = articles.get(outcome.article) if outcome.article else None
        clean = corpus.cleaned.get(outcome.source_file)
        removed = Counter[str]()
        for removal in clean.removals if clean else ():
            removed[removal.rule] += removal.chars
        rows.append(InputRow(
            outcome.source_file, outcome.status, outcome.reason,
            (article.title_en or article.id) if article else None,
            article_url(article) if article else None,
            removed_url(article) if article else None,
            clean.kept_chars if clean else None,
            tuple(sorted(removed.items())),
        ))
    return sorted(rows, key=lambda row: (STATUS_ORDER[row.status], row.source_file))


@dataclass(frozen=True)
class AttentionSection:
    """The items of one kind on one page of the needs-attention list, each with its article's URL."""

    kind: str
    meaning: str
    total: int  # items of the kind in all
    continued: bool  # the kind started on the page before
    items: tuple[tuple[AttentionItem, str | None], ...]

    @property
    def anchor(self) -> str:
        return _anchor(self.kind)


def report_pages(env: Environment, corpus: Corpus, memo: Memo[str], per_page: int) -> dict[str, str]:
    """The report's pages (Markdown) by their docs-relative path."""
    rows = input_rows(corpus)
    order: dict[str, int] = {kind: n for n, kind in enumerate(KINDS)}
    attention = sorted(corpus.attention, key=lambda item: (order[item.kind], item.source_file or ""))
    statuses = Counter(row.status for row in rows)
    counts = {status: statuses[status] for status in STATUS_ORDER}
    totals = Counter(item.kind for item in attention)
    summary = _attention_summary(totals, per_page)
    pages = {}
    for page, shown in paged(rows, per_page, report_url):
        on_first = (counts, tuple(summary)) if page.number == 1 else None
        pages[page.url + "index.md"] = memo.get(
            _MEMO_KEY, page.url, partial(render_page, env, "report.md.j2", page=page, rows=shown, counts=counts,
                                         attention=summary, href=href_from(page.url)),
            depends=(page, tuple(shown), on_first))
    if attention:
        urls = {a.id: article_url(a) for a in corpus.articles}
        for page, items in paged(attention, per_page, attention_url):
            sections = _sections(items, urls, totals, continued=page.number > 1 and
                                 attention[page.first - 2].kind == items[0].kind)
            pages[page.url + "index.md"] = memo.get(
                _MEMO_KEY, page.url, partial(render_page, env, "report_attention.md.j2", page=page,
                                             sections=sections, href=href_from(page.url)),
                depends=(page, tuple(sections)))
    return pages


def _attention_summary(counts: Counter[str], per_page: int) -> list[AttentionSummary]:
    """Each kind's count, and where its items start in the list's pages (kinds in KINDS order)."""
    summary, position = [], 0
    for kind, meaning in KINDS.items():
        if counts[kind]:
            url = attention_url(position // per_page + 1) + "#" + _anchor(kind)
            summary.append(AttentionSummary(kind, meaning, counts[kind], url))
            position += counts[kind]
    return summary


def _anchor(kind: str) -> str:
    return "attention-" + kind.replace("_", "-")


def _sections(items: Sequence[AttentionItem], urls: dict[str, str], totals: Counter[str],
              continued: bool) -> list[AttentionSection]:
    """A page's items by kind; the first section `continued` from the page before."""
    sections = []
    for n, (kind, group) in enumerate(groupby(items, key=lambda item: item.kind)):
        shown = tuple((item, urls.get(item.article) if item.article else None) for item in group)
        sections.append(AttentionSection(kind, KINDS[kind], totals[kind], continued and n == 0, shown))
    return sections
