# detente: the two set-up commands of the README, and a few helpers.
#   make demo   installs everything in .venv and runs the main job on examples/
#   make test   installs the test tools and runs ruff, mypy and pytest (what CI runs)

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= examples.duckdb

.PHONY: install demo test-install test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

demo: install
	rm -f $(DB)
	$(BIN)/detente ingest examples/ --db $(DB)
	$(BIN)/detente events --db $(DB) --limit 0
	$(BIN)/detente dyads --db $(DB) --top 8

test-install: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

test: test-install
	$(BIN)/ruff check detente tests tools
	$(BIN)/mypy detente
	$(BIN)/pytest -q

eval: install
	$(BIN)/detente eval ../shared/benchmarks/plover_gsr.jsonl --report reports/eval-plover.json
	$(BIN)/detente eval tests/fixtures/gold/cameo_dev.jsonl --report reports/eval-cameo-dev.json

# The figures of docs/benchmarks.md: about 45 minutes on 2 cores (BENCH_ARGS= for a quick run
# of the 1x corpus on one process).
BENCH_ARGS ?= --repeat 10 --workers 2 --synthetic-events 10000000
bench: install
	$(BIN)/detente bench ../shared/benchmarks/fakes_syria.jsonl $(BENCH_ARGS) --report reports/bench-fakes.json

clean:
	rm -rf $(VENV) *.egg-info .mypy_cache .ruff_cache .pytest_cache $(DB)
