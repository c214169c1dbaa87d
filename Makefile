# Backbone: `make run` and `make test` set everything up on a fresh machine (Python 3.11 + pip).
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.synced
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
EXAMPLE := --days 3 --minutes 45 --equipment dumbbell,bench,pullup_bar,band --level novice --goal hypertrophy --back-pain history

.PHONY: help run test lint typecheck contracts pytest bench clean

help:
	@echo "make run     plan for an example profile (make run ARGS=\"--days 2 --equipment band\")"
	@echo "make test    lint, format check, mypy strict, import contracts, pytest (+ PostgreSQL)"
	@echo "make bench   planner and training-log benchmarks (bench/plan.py, bench/log.py)"

$(STAMP): pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) sync --frozen --compile-bytecode --python 3.11 --quiet
	@touch $@

run: $(STAMP)
	@$(BIN)/backbone plan $(if $(ARGS),$(ARGS),$(EXAMPLE))
	@echo
	@echo "Your own profile: make run ARGS=\"--days 2 --minutes 30 --equipment band --back-pain current\""
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
pytest: $(STAMP)
	scripts/with-postgres.sh $(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/plan.py && $(BIN)/python bench/log.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
