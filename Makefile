# Set-up and everyday commands. `make demo` and `make test` work on a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= claimledger.db
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test lint bench train clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test,dev]"
	touch $@

# The examples are about a fictional world; examples/gazetteer.json teaches claimledger its places and sources.
demo: export CLAIMLEDGER_GAZETTEER := examples/gazetteer.json
demo: $(STAMP)
	$(BIN)/claimledger --db $(DB) ingest examples/reports
	$(BIN)/claimledger --db $(DB) reports
	$(BIN)/claimledger --db $(DB) attributions

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/seed.py
	$(BIN)/python bench/throughput.py

# Learns src/claimledger/data/cue_lexicon.json from PolNeAR train (shared/data/polnear; offline).
train: $(STAMP)
	$(BIN)/python scripts/train_cues.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
