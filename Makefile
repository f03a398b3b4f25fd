# neurobalance — developer commands.  Every target creates .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test
# Worker count for pytest-xdist is not used: the suite is small and CPU-bound.

.PHONY: demo test validate bench lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,jax,dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/neurobalance run chronic-stress-plus-escitalopram --out demo_output

test: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -q
	$(BIN)/neurobalance validate --fast

validate: $(STAMP)
	$(BIN)/python -m pytest validation -q
	$(BIN)/python -m pytest -m slow tests -q
	$(BIN)/neurobalance validate

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --out bench.json

lint: $(STAMP)
	$(BIN)/ruff check src tests validation benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo_output bench.json .pytest_cache
