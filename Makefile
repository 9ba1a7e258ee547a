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
DEMO_INDEX ?= var/demo-search-index
PYTEST_ARGS ?=

.PHONY: demo test lint fmt typecheck bench bench-tools eval install services clean help

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
	KYUJIN_DATABASE_URL=$(DEMO_DB) KYUJIN_SEARCH_INDEX_PATH=$(DEMO_INDEX) $(BIN)/kyujin index rebuild
	KYUJIN_DATABASE_URL=$(DEMO_DB) KYUJIN_SEARCH_INDEX_PATH=$(DEMO_INDEX) KYUJIN_LOG_FORMAT=console \
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

# Scale benchmarks (issue 4): postings per backend (imported base + SQL replicas, kept in
# var/bench and reused), postings imported for the import rate, server workers for wrk.
# A quick run: make bench BENCH_PG_POSTINGS=50000 BENCH_SQLITE_POSTINGS=20000 \
#   BENCH_IMPORT_POSTINGS=2000 BENCH_BASE=5000
BENCH_PG_POSTINGS ?= 1000000
BENCH_SQLITE_POSTINGS ?= 200000
BENCH_IMPORT_POSTINGS ?= 20000
BENCH_BASE ?= 20000
BENCH_HTTP_WORKERS ?= 2

# wrk (the HTTP load generator) from Debian's package, installed only when missing.
bench-tools:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  echo "bench tools: installing wrk"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null; }

bench: $(BENCH_STAMP) services bench-tools
	$(BIN)/python -m bench.extract_speed
	$(BIN)/python -m bench.import_rate --postings $(BENCH_IMPORT_POSTINGS) --option processes=2
	$(BIN)/python -m bench.search_scale --backend postgresql \
		--postings $(BENCH_PG_POSTINGS) --base $(BENCH_BASE)
	$(BIN)/python -m bench.search_scale --backend sqlite \
		--postings $(BENCH_SQLITE_POSTINGS) --base $(BENCH_BASE)
	$(BIN)/python -m bench.search_scale --backend postgresql --index \
		--postings $(BENCH_PG_POSTINGS) --base $(BENCH_BASE)
	$(BIN)/python -m bench.search_scale --backend sqlite --index \
		--postings $(BENCH_SQLITE_POSTINGS) --base $(BENCH_BASE)
	$(BIN)/python -m bench.http_load --backend postgresql \
		--postings $(BENCH_PG_POSTINGS) --base $(BENCH_BASE) --workers $(BENCH_HTTP_WORKERS) \
		--search
	$(BIN)/python -m bench.http_load --backend sqlite \
		--postings $(BENCH_SQLITE_POSTINGS) --base $(BENCH_BASE) --workers $(BENCH_HTTP_WORKERS) \
		--search
	$(BIN)/python -m bench.analytics_scale --backend postgresql \
		--postings $(BENCH_PG_POSTINGS) --base $(BENCH_BASE)

# Extraction quality: SkillSpan tech dev (../shared/data) and the held-out Japan-facts set.
eval: install
	$(BIN)/python -m evaluation.skillspan
	$(BIN)/python -m evaluation.japan_facts

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
