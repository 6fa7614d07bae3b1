# casegate: `make demo` runs the example end to end; `make test` runs every test, services included.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-sqlite test-postgres lint bench schemas clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@bash scripts/demo.sh

test: $(STAMP)
	@bash scripts/system-deps.sh
	@bash scripts/test.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/mypy src

bench: $(STAMP)
	@bash scripts/bench.sh

schemas: $(STAMP)
	$(BIN)/casegate schema --write schemas

clean:
	rm -rf $(VENV) out .casegate bench/results
