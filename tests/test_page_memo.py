"""The page memo's Jinja environment: kept while the templates are unchanged, made anew after an edit,
and then compiling only the template that changed when it is given a place for compiled templates."""

from __future__ import annotations

import os

from jinja2 import Environment, FileSystemLoader

from dossier.page_memo import PageMemo
from dossier.plugin import CompiledTemplates


class CountedCompiles(CompiledTemplates):
    """Compiled templates, with the names of those compiled (Jinja stores a template once compiled)."""

    def __init__(self) -> None:
        super().__init__()
        self.compiled: list[str] = []

    def dump_bytecode(self, bucket) -> None:
        self.compiled.append(bucket.key)
        super().dump_bytecode(bucket)


def environment(templates) -> Environment:
    return Environment(loader=FileSystemLoader(templates))


def render_all(env: Environment) -> list[str]:
    return [env.get_template(name).render(n=1) for name in ("a.j2", "b.j2")]


def test_the_environment_is_kept_until_a_template_changes_and_then_compiles_that_one_alone(tmp_path):
    (tmp_path / "a.j2").write_text("A{{ n }}", encoding="utf-8")
    (tmp_path / "b.j2").write_text("B{{ n }}", encoding="utf-8")
    compiled = CountedCompiles()
    memo = PageMemo(compiled)
    first = memo.start(tmp_path, environment)
    assert render_all(first) == ["A1", "B1"]
    assert len(compiled.compiled) == 2
    assert memo.start(tmp_path, environment) is first  # nothing changed: the same environment

    (tmp_path / "b.j2").write_text("B edited {{ n }}", encoding="utf-8")
    os.utime(tmp_path / "b.j2", ns=(1, 1))  # a different time stamp, whatever the clock's resolution
    second = memo.start(tmp_path, environment)
    assert second is not first
    assert render_all(second) == ["A1", "B edited 1"]
    assert len(compiled.compiled) == 3  # b.j2 again; a.j2 came from what was compiled
    assert compiled.compiled[2] == compiled.compiled[1]
