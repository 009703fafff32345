# Big Tech in Health: every command a maintainer or CI needs. A fresh clone needs only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: venv chromium build serve test clean

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

## serve: build and serve with live reload at http://127.0.0.1:8000 (rebuilds when seeds/ changes)
serve: venv
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The browser tests drive the system Chromium (Playwright never downloads a browser): install it from
# Debian when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

## test: everything CI checks (unit tests per stage, strict builds, data contracts, browser tests)
test: venv chromium
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

clean:
	rm -rf site .cache .pytest_cache
