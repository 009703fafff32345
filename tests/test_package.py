"""The package's shape, as a new engineer meets it: modules small enough to read whole, and imports that
run one way (a module never needs, through others, the module that needs it)."""

import networkx as nx
import pytest

from conftest import LONGEST_FILES, ROOT
from dossier.result_cache import package_imports

PACKAGE = ROOT / "scripts" / "dossier"
MAX_MODULE_LINES = 350  # the bound README "How it is built" states
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")


def import_graph(modules: list[str]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    graph.add_edges_from((module, imported) for module in modules
                         for imported in package_imports(module, PACKAGE) if imported in modules)
    return graph


@pytest.mark.parametrize("module", MODULES)
def test_no_module_is_longer_than_the_bound(module):
    lines = len((PACKAGE / f"{module}.py").read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{module}.py has {lines} lines: split it by concern"


def test_the_package_has_no_import_cycle():
    graph = import_graph(MODULES)
    assert graph.number_of_edges() > len(MODULES)  # the imports were read: the stages import each other
    assert nx.is_directed_acyclic_graph(graph), nx.find_cycle(graph)


def test_a_cycle_would_be_found(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_text("from .b import x\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from . import a\n", encoding="utf-8")
    monkeypatch.setattr("test_package.PACKAGE", tmp_path)
    assert not nx.is_directed_acyclic_graph(import_graph(["a", "b"]))


def test_the_files_started_first_exist():
    """conftest starts the longest test files first: a name there that no longer exists would start
    nothing, and its file would be back at xdist's place for it."""
    assert [name for name in LONGEST_FILES if not (ROOT / "tests" / name).is_file()] == []
