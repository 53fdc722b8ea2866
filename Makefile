# Set-up and everyday commands. `make demo` and `make test` work on a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= claimledger.db
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test lint bench train clean chromium

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
	$(BIN)/claimledger --db $(DB) claims --min-origins 3
	@echo "dashboard: http://127.0.0.1:8000/ (Ctrl-C stops it)"
	$(BIN)/claimledger --db $(DB) serve

# The browser tests drive Debian's Chromium (Playwright's own download does not work everywhere).
# Without apt-get they are skipped, unless CI=true, where they must run.
chromium:
	@command -v chromium >/dev/null || { \
	  if command -v apt-get >/dev/null; then apt-get update && apt-get install -y chromium; \
	  elif [ "$$CI" = "true" ]; then echo "chromium is missing and apt-get is not here; CI needs it" >&2; exit 1; \
	  else echo "chromium is missing and apt-get is not here: the browser tests will be skipped" >&2; fi; }

test: $(STAMP) chromium
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/seed.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/api_latency.py

# Learns, offline from the train splits in ../shared/data: src/claimledger/data/cue_lexicon.json, then the
# span model (data/spans_*.crfsuite, whose features read the lexicon) from PolNeAR train (a few minutes on CPU;
# parses cached in /tmp/polnear-cache), and data/factuality_weights.json from UW and MEANTIME train.
train: $(STAMP)
	$(BIN)/python scripts/train_cues.py
	$(BIN)/python scripts/train_spans.py
	$(BIN)/python scripts/train_factuality.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
