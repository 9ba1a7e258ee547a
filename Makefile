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

.PHONY: demo test lint fmt typecheck bench install services clean help

help:
	@echo "make demo | test | lint | fmt | typecheck | bench | clean"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(UV): $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"

# Reinstall whenever a lock file or the project metadata changes.
$(STAMP): $(UV) requirements/dev.lock pyproject.toml
	$(UV) pip sync --quiet --python $(BIN)/python requirements/dev.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

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
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

fmt: install
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

typecheck: install
	$(BIN)/mypy

test: install services lint typecheck
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	@echo "no benchmarks yet: the issues that name them add them here"

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
