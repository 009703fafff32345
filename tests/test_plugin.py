"""The MkDocs plugin's own parts that live across the rebuilds of `mkdocs serve`, and what it gives MkDocs."""

from __future__ import annotations

import gc
import json
from types import SimpleNamespace

import mkdocs.commands.build
import pytest
from jinja2 import DictLoader, Environment
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FOUNDING_FILES, UNCURATED_NAME, UNCURATED_TEXT, make_project, names_only_registry
from dossier.parallel import MIN_PARALLEL_FILES
from dossier.plugin import CompiledTemplates, search_index_kind
from dossier.search_site import IndexProcess, SiteIndex


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


def test_the_page_templates_are_compiled_into_a_cache_apart_from_the_themes(tmp_path):
    """The page memo's environments keep what they compile for the life of the command, in a cache of
    their own: Jinja keys a compiled template on its file, not on the options of the environment."""
    config = load_config(str(make_project(tmp_path, {})), strict=False)
    config.plugins.on_startup(command="build", dirty=False)
    plugin = config.plugins["dossier"]
    try:
        assert isinstance(plugin.pages.compiled, CompiledTemplates)
        assert plugin.pages.compiled is not plugin.compiled_templates
    finally:
        config.plugins.on_shutdown()


def _indexed_urls(site):
    """The pages the site's search index holds."""
    index = site / "search" / "dossier"
    documents = json.loads((index / "manifest.json").read_text(encoding="utf-8"))["documents"]
    return {json.loads((index / "f" / f"{n}.json").read_text(encoding="utf-8"))["u"] for n in range(documents)}


def test_under_serve_dirty_mkdocs_is_given_only_the_pages_an_edit_changed(tmp_path):
    """And the pages it is not given stay served, and in the search index, as they were."""
    # One file named in Chinese: its page's URL is percent-encoded, as MkDocs writes it.
    files = {name: FOUNDING_FILES[prefix].read_bytes() for prefix, name in (("000", "a.txt"), ("003", "中文.txt"))}
    config_file = make_project(tmp_path, {**files, UNCURATED_NAME: UNCURATED_TEXT.encode()},
                               entities=names_only_registry("amazon", "amazon-care", "jpmorgan"))
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=False)  # as make serve
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = config.plugins["dossier"]
    try:
        build(config, dirty=True)
        assert plugin.generated.held_back == []  # the first build: every page
        given = dict(plugin.generated.page_files)  # the Files MkDocs was given, the Page it made of each let go
        assert given["articles/a/index.md"].page is None and given["index.md"].page is None
        pages = sorted(str(p.relative_to(tmp_path / "site")) for p in (tmp_path / "site").rglob("index.html"))
        indexed = _indexed_urls(tmp_path / "site")
        edited = tmp_path / "seeds" / "articles" / UNCURATED_NAME
        edited.write_text(UNCURATED_TEXT + "\nOne more closing sentence, added by a maintainer.\n", encoding="utf-8")
        build(config, dirty=True)
        held = {file.src_uri for file in plugin.generated.held_back}
        # An unchanged page held back is the File the first build gave MkDocs (its paths not worked out anew).
        assert next(f for f in plugin.generated.held_back if f.src_uri == "articles/a/index.md") is given["articles/a/index.md"]
        assert "articles/a/index.md" in held and any(uri.startswith("articles/中文") for uri in held)
        assert not any(uri.startswith(f"articles/{edited.stem}/") for uri in held)  # the edited article
        assert not held & {"index.md", "catalogue/index.md", "entities/index.md", "report/index.md"}  # the nav
        after = sorted(str(p.relative_to(tmp_path / "site")) for p in (tmp_path / "site").rglob("index.html"))
        assert after == pages  # nothing held back was removed as stale
        assert _indexed_urls(tmp_path / "site") == indexed and "articles/a/" in indexed  # the search index too
        # Another edit: an unchanged page held back again is the same File (its paths not worked out anew),
        # while a page held back under another site folder is not.
        before = {file.src_uri: file for file in plugin.generated.held_back}
        edited.write_text(UNCURATED_TEXT + "\nAnd a second one, the next day.\n", encoding="utf-8")
        build(config, dirty=True)
        assert next(f for f in plugin.generated.held_back if f.src_uri == "articles/a/index.md") is before["articles/a/index.md"]
        config["site_dir"] = str(tmp_path / "elsewhere")
        build(config, dirty=True)
        moved = next(f for f in plugin.generated.held_back if f.src_uri == "articles/a/index.md")
        assert moved.abs_dest_path == str(tmp_path / "elsewhere" / "articles" / "a" / "index.html")
        assert gc.get_freeze_count() > 0  # the records and pages, out of the garbage collector's walks
    finally:
        config.plugins.on_shutdown()
    assert gc.get_freeze_count() == 0  # given back when the command ends


def test_after_a_failed_build_serve_hands_mkdocs_every_page_again(tmp_path, monkeypatch):
    """A build that fails after staging its pages may not have written them: none is held back next time."""
    config_file = make_project(tmp_path, {"a.txt": FOUNDING_FILES["000"].read_bytes(),
                                          UNCURATED_NAME: UNCURATED_TEXT.encode()},
                               entities=names_only_registry("amazon", "amazon-care"))
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=False)  # as make serve
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = config.plugins["dossier"]
    try:
        build(config, dirty=True)
        edited = tmp_path / "seeds" / "articles" / UNCURATED_NAME
        edited.write_text(UNCURATED_TEXT + "\nA sentence the failed build never showed.\n", encoding="utf-8")
        with monkeypatch.context() as patched:  # fails after on_files has staged the pages
            patched.setattr(mkdocs.commands.build, "get_navigation", lambda *args, **kwargs: 1 / 0)
            with pytest.raises(ZeroDivisionError):
                build(config, dirty=True)
        build(config, dirty=True)
        assert plugin.generated.held_back == []
        page = (tmp_path / "site" / "articles" / edited.stem.lower() / "index.html").read_text(encoding="utf-8")
        assert "A sentence the failed build never showed." in page
    finally:
        config.plugins.on_shutdown()


@pytest.mark.parametrize(("command", "keeps"), [("serve", True), ("build", False)])
def test_only_a_server_keeps_the_results_and_pages_of_a_build(tmp_path, command, keeps):
    """`mkdocs serve` keeps every article's results and rendered pages for its next rebuild; a one-off
    `mkdocs build` keeps neither: each page is written out as it is rendered."""
    config_file = make_project(tmp_path, {"a.txt": FOUNDING_FILES["000"].read_bytes(),
                                          UNCURATED_NAME: UNCURATED_TEXT.encode()},
                               entities=names_only_registry("amazon", "amazon-care"))
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True)
    config.plugins.on_startup(command=command, dirty=False)
    plugin = config.plugins["dossier"]
    try:
        build(config)
        assert (tmp_path / "site" / "articles" / "a" / "index.html").is_file()
        assert bool(plugin.cache.memory) == keeps
        assert bool(plugin.pages.pages.entries) == keeps
    finally:
        config.plugins.on_shutdown()


def test_serve_clean_keeps_them_from_its_first_reload(tmp_path):
    """`mkdocs serve --clean` starts its plugins as a one-off build does, then serves: from then on it keeps
    what its rebuilds reuse."""
    config_file = make_project(tmp_path, {"a.txt": FOUNDING_FILES["000"].read_bytes(),
                                          UNCURATED_NAME: UNCURATED_TEXT.encode()},
                               entities=names_only_registry("amazon", "amazon-care"))
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)  # as mkdocs serve --clean starts them
    plugin = config.plugins["dossier"]
    try:
        build(config)
        assert not plugin.cache.memory and not plugin.pages.pages.entries
        server = SimpleNamespace(_inject_js_into_html=lambda content: content)
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        build(config)
        assert plugin.cache.memory and plugin.pages.pages.entries
    finally:
        config.plugins.on_shutdown()


@pytest.mark.parametrize(("search", "jobs", "files", "folders", "kind"), [
    ("dossier", 2, MIN_PARALLEL_FILES, False, IndexProcess),
    ("dossier", 2, MIN_PARALLEL_FILES, True, IndexProcess),  # articles in folders count too
    ("dossier", 2, MIN_PARALLEL_FILES - 1, False, SiteIndex),  # too few to be worth a process
    ("dossier", 1, MIN_PARALLEL_FILES, False, SiteIndex),  # one job: one process
    ("lunr", 2, MIN_PARALLEL_FILES, False, None),  # Material's index: none of ours
], ids=["many articles, two jobs", "many articles in folders", "few articles", "one job", "lunr"])
def test_the_search_index_is_made_in_a_helper_only_when_it_pays(tmp_path, search, jobs, files, folders, kind):
    for n in range(files):
        path = tmp_path / (f"{n % 3}/{n}.txt" if folders else f"{n}.txt")
        path.parent.mkdir(exist_ok=True)
        path.write_text("text", encoding="utf-8")
    assert search_index_kind(search, jobs, tmp_path) is kind
    assert search_index_kind("dossier", 2, tmp_path / "missing") is SiteIndex
