"""The MkDocs plugin's own parts that live across the rebuilds of `mkdocs serve`."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from dossier.plugin import CompiledTemplates


def _environment(sources: dict[str, str], compiled: CompiledTemplates) -> Environment:
    """As MkDocs makes one for each build: new, with the plugin's compiled templates."""
    return Environment(loader=DictLoader(sources), bytecode_cache=compiled)


def _never_compiles(env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def compile_(*args, **kwargs):
        raise AssertionError("compiled again")
    monkeypatch.setattr(env, "compile", compile_)


def test_a_rebuild_reuses_the_templates_compiled_by_the_last_build(monkeypatch):
    compiled = CompiledTemplates()
    sources = {"main.html": "{% for x in items %}<b>{{ x }}</b>{% endfor %}"}
    assert _environment(sources, compiled).get_template("main.html").render(items=[1, 2]) == "<b>1</b><b>2</b>"
    rebuild = _environment(sources, compiled)
    _never_compiles(rebuild, monkeypatch)
    assert rebuild.get_template("main.html").render(items=[3]) == "<b>3</b>"


def test_an_edited_template_is_compiled_again():
    compiled = CompiledTemplates()
    _environment({"main.html": "old {{ x }}"}, compiled).get_template("main.html")
    assert _environment({"main.html": "new {{ x }}"}, compiled).get_template("main.html").render(x=1) == "new 1"
