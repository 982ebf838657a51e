# One entry point for building, testing, linting and benchmarking tipsom.
# `make help` lists the targets.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: help install install-test develop test test-rust test-python lint format bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install:  ## build the release core and install tipsom
	$(PIP) install .

install-test:  ## install tipsom (editable, release core) with everything the tests need
	rm -f python/tipsom/_core*.so
	$(PIP) install -q -e ".[test]"

develop:  ## fast debug build of the core for iterating (editable install)
	rm -f python/tipsom/_core*.so
	$(PIP) install -q -e . --no-deps --config-settings=build-args="--profile=dev"

test: install-test test-rust test-python  ## install and run every test (Rust and Python)

test-rust:  ## Rust unit tests of the pure core (no Python)
	cargo test --quiet

test-python:  ## Python tests, doctests, README and notebooks
	$(PYTHON) -m pytest -q

lint:  ## rustfmt, clippy, ruff, and the _core stub against the built module (after install-test)
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --features python -- -D warnings
	$(PYTHON) -m ruff check python tests benches scripts notebooks
	$(PYTHON) -m ruff format --check python tests benches scripts
	$(PYTHON) -m mypy.stubtest tipsom._core

format:  ## format Rust and Python
	cargo fmt
	$(PYTHON) -m ruff format python tests benches scripts
	$(PYTHON) -m ruff check --fix python tests benches scripts

bench:  ## every benchmark at small sizes (a few minutes; release core); results in bench-results/
	$(PYTHON) benches/run_all.py $(BENCH_ARGS)

clean:
	rm -rf target python/tipsom/_core*.so
