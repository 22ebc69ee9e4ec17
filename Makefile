# Two commands set everything up on a fresh machine: `make lab` and `make test`.
# The virtual environment lives in .venv; uv (bootstrapped into it) makes installs fast.
# Installs write compiled bytecode: where PYTHONDONTWRITEBYTECODE is set, Python never writes
# .pyc files itself, so without this every process would compile pandas (and workbook) from source.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8888
# --compile-bytecode covers site-packages only: the editable install runs workbook/ from the
# source tree, which would otherwise be compiled on every start. Only changed files recompile.
COMPILE_OWN := $(BIN)/python -m compileall -q workbook

.PHONY: lab test unit notebooks install clean bench

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed-app: pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -e .
	$(COMPILE_OWN)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -e '.[test]'
	$(COMPILE_OWN)
	touch $@ $(VENV)/.installed-app

install: $(VENV)/.installed-app

## Start JupyterLab on notebooks/, with the journal in data/journal.db.
lab: $(VENV)/.installed-app
	$(COMPILE_OWN)
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
	$(COMPILE_OWN)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
