"""Pages rendered in earlier builds, reused while the content they show and the templates are unchanged
(the plugin keeps the memo across `mkdocs serve` rebuilds: an edit to one article renders again its
pages, the profiles it mentions and the pages that list or count it, nothing else). Values are keyed on
content hashes the pipeline already computes: an article's key (`Corpus.article_keys`), the registry's
digest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from jinja2 import BytecodeCache, Environment

Value = TypeVar("Value")
Depends = tuple[object, ...]  # anything else a value shows (content keys, counts), compared by equality


class Memo(Generic[Value]):
    """Values by (content key, part), kept while what else they show (`depends`) is equal; not to `keep`:
    computed every time (a one-off build, which has no later build to keep them for)."""

    def __init__(self, *, keep: bool = True) -> None:
        self.keep = keep
        self.entries: dict[tuple[str, str], tuple[Depends, Value]] = {}
        self._used: set[tuple[str, str]] = set()

    def get(self, content: str | None, part: str, compute: Callable[[], Value], depends: Depends = ()) -> Value:
        """What `compute` made last time for the content that hashes to `content`, while `depends` is
        equal. Content without a key (a corpus made by hand) is computed every time."""
        if content is None or not self.keep:
            return compute()
        key = (content, part)
        self._used.add(key)
        known = self.entries.get(key)
        if known and known[0] == depends:
            return known[1]
        value = compute()
        self.entries[key] = (depends, value)
        return value

    def start(self, *, forget: bool) -> None:
        """A new build: nothing asked for yet; `forget`: nothing known either."""
        self._used = set()
        if forget:
            self.entries = {}

    def prune(self) -> None:
        """Forget what this build did not ask for."""
        self.entries = {key: value for key, value in self.entries.items() if key in self._used}


class PageMemo:
    """The pages (Markdown) of the last build, and its Jinja environment. With `compiled`, every
    environment it makes keeps its compiled templates there: after an edit to one template, the next
    environment compiles that one alone."""

    def __init__(self, compiled: BytecodeCache | None = None) -> None:
        self.templates = ""  # fingerprint of the templates folder the environment was made from
        self.environment: Environment | None = None
        self.compiled = compiled
        self.pages: Memo[str] = Memo()

    def start(self, templates: Path, environment: Callable[[Path], Environment]) -> Environment:
        """The Jinja environment for this build: the last one (templates compiled) while unchanged."""
        fingerprint = repr(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in templates.rglob("*")))
        current = self.environment
        changed = current is None or fingerprint != self.templates
        if current is None or changed:
            current = self.environment = environment(templates)
            current.bytecode_cache = self.compiled
            self.templates = fingerprint
        self.pages.start(forget=changed)
        return current

    def prune(self) -> None:
        self.pages.prune()
