# Backbone: `make run` and `make test` set everything up on a fresh machine (Python 3.11 + pip).
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.synced
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
EXAMPLE := --days 3 --minutes 45 --equipment dumbbell,bench,pullup_bar,band --level novice --goal hypertrophy --back-pain history

.PHONY: help run plan test lint typecheck contracts pytest bench clean pdf-libs browser

help:
	@echo "make run     serve the web app and REST API on the local SQLite database (HOST=127.0.0.1 PORT=8000)"
	@echo "make plan    plan for an example profile (make plan ARGS=\"--days 2 --equipment band\")"
	@echo "make test    lint, format check, mypy strict, import contracts, pytest (+ PostgreSQL)"
	@echo "make bench   planner, cold-command, training-log, analytics, import, API and web benchmarks (bench/*.py)"

$(STAMP): pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) sync --frozen --compile-bytecode --python 3.11 --quiet
	@$(MAKE) --no-print-directory pdf-libs
	@touch $@

# WeasyPrint (PDF reports) needs Pango, HarfBuzz and a font from the system: installed with
# apt-get only when missing, so a machine that has them is left alone.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-libs:
	@if ! ldconfig -p | grep -q libpango-1.0 || ! ldconfig -p | grep -q libpangoft2-1.0 \
		|| ! ldconfig -p | grep -q libharfbuzz-subset; then \
		echo "Installing WeasyPrint's system libraries: $(PDF_PACKAGES)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		{ $$SUDO apt-get update -qq >/dev/null 2>&1 \
			&& DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
				$(PDF_PACKAGES) >/dev/null 2>&1; } \
			|| { echo "apt-get install $(PDF_PACKAGES) failed: PDF reports need them" >&2; exit 1; }; \
	fi

# The browser tests (Playwright) drive Debian's Chromium at /usr/bin/chromium: installed with
# apt-get only when missing. Playwright's own browser download is never used.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's Chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		{ $$SUDO apt-get update -qq >/dev/null 2>&1 \
			&& DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
				chromium >/dev/null 2>&1; } \
			|| { echo "apt-get install chromium failed: the browser tests need it" >&2; exit 1; }; \
	fi

HOST ?= 127.0.0.1
PORT ?= 8000

# The server on the embedded SQLite default (BACKBONE_DATABASE_URL for PostgreSQL); it prints its URL.
run: $(STAMP)
	@$(BIN)/backbone serve --host $(HOST) --port $(PORT)

plan: $(STAMP)
	@$(BIN)/backbone plan $(if $(ARGS),$(ARGS),$(EXAMPLE))
	@echo
	@echo "Your own profile: make plan ARGS=\"--days 2 --minutes 30 --equipment band --back-pain current\""
	@echo "All options: $(BIN)/backbone plan --help"

test: lint typecheck contracts pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

# The contract tests also run against PostgreSQL: the script starts a throwaway server on loopback
# (installing Debian's postgresql first if needed) unless BACKBONE_TEST_DATABASE_URL is set.
pytest: $(STAMP) browser
	scripts/with-postgres.sh $(BIN)/pytest -q -n auto --dist loadfile

bench: $(STAMP)
	$(BIN)/python bench/plan.py && $(BIN)/python bench/cold.py && $(BIN)/python bench/log.py \
		&& $(BIN)/python bench/analytics.py && $(BIN)/python bench/import.py \
		&& scripts/with-postgres.sh $(BIN)/python bench/api.py && $(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
