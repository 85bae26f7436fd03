# Two commands on a fresh machine:
#   make demo   set up .venv and write the demo day's reports (offline, no network, no key)
#   make test   set up .venv, then lint, type-check and run the tests (as root on Debian it
#               first installs jekyll and chromium for the site tests: scripts/system_deps.sh)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint system-deps bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/theme-research demo

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy src

# Never fails: without the packages the site tests skip and say why.
system-deps:
	@bash scripts/system_deps.sh

test: lint system-deps
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	PYTHONPATH=. $(BIN)/python scripts/bench_llm.py

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
