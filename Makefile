# kyujin — two commands on a fresh machine with Python 3.11 and make:
#   make demo   set up, load the sample postings into SQLite, serve on localhost:8000
#   make test   install test services (PostgreSQL 15, Redis), lint, type-check, run the suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
UV     := $(BIN)/uv
UV_VERSION := 0.13.8
STAMP  := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_DB ?= sqlite:///./var/demo.db
PYTEST_ARGS ?=

.PHONY: demo test lint fmt typecheck bench eval install services clean help

help:
	@echo "make demo | test | lint | fmt | typecheck | bench | eval | clean"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(UV): $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"

# Reinstall whenever a lock file or the project metadata changes.
$(STAMP): $(UV) requirements/dev.lock pyproject.toml
	rm -f $(VENV)/.installed-bench
	$(UV) pip sync --quiet --python $(BIN)/python requirements/dev.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Benchmarks add the baseline libraries (spaCy) on top of the dev set.
BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP) requirements/bench.lock
	$(UV) pip sync --quiet --python $(BIN)/python requirements/bench.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(BENCH_STAMP)

demo: install
	mkdir -p var
	KYUJIN_DATABASE_URL=$(DEMO_DB) $(BIN)/kyujin db upgrade
	KYUJIN_DATABASE_URL=$(DEMO_DB) $(BIN)/kyujin import samples/postings.jsonl --source kyujin-sample
	KYUJIN_DATABASE_URL=$(DEMO_DB) KYUJIN_LOG_FORMAT=console \
		$(BIN)/kyujin serve --host $(HOST) --port $(PORT)

# PostgreSQL 15 and redis-server from Debian's packages, installed only when missing.
services:
	@scripts/install-test-services.sh

lint: install
	$(BIN)/ruff check src tests evaluation bench
	$(BIN)/ruff format --check src tests evaluation bench

fmt: install
	$(BIN)/ruff check --fix src tests evaluation bench
	$(BIN)/ruff format src tests evaluation bench

typecheck: install
	$(BIN)/mypy

test: install services lint typecheck
	$(BIN)/pytest $(PYTEST_ARGS)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.extract_speed

# Extraction quality: SkillSpan tech dev (../shared/data) and the held-out Japan-facts set.
eval: install
	$(BIN)/python -m evaluation.skillspan
	$(BIN)/python -m evaluation.japan_facts

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
