# Two commands set everything up on a fresh machine: `make lab` and `make test`.
# The virtual environment lives in .venv; uv (bootstrapped into it) makes installs fast.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8888

.PHONY: lab test unit notebooks install clean bench

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed-app: pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -e '.[test]'
	touch $@ $(VENV)/.installed-app

install: $(VENV)/.installed-app

## Start JupyterLab on notebooks/, with the journal in data/journal.db.
lab: $(VENV)/.installed-app
	$(BIN)/workbook lab --port $(PORT)

## Run the whole test suite: lint, unit and browser tests, then every notebook under nbval.
## tests/netguard refuses every network connection that is not loopback, in every process.
test: $(VENV)/.installed-test
	$(BIN)/ruff check workbook tests benchmarks
	$(BIN)/ruff format --check workbook tests benchmarks
	PYTHONPATH=tests/netguard $(BIN)/python -m pytest tests
	PYTHONPATH=tests/netguard $(BIN)/python tests/run_notebooks.py

## Run every benchmark on a generated 10-year journal and write benchmarks/RESULTS.md (about 10 minutes).
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
