# Set-up and the main jobs. `make maps` and `make test` are the two commands in
# README.md; both install what they need, Graphviz included, on a fresh Debian.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup system maps test lint-code bench clean

setup: system $(STAMP)

# System packages: Graphviz (the dot executable) and venv support for Python.
system:
	@command -v dot >/dev/null 2>&1 && $(PYTHON) -c "import ensurepip, venv" 2>/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz python3-venv >/dev/null; }

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The main job: check the bundled maps, draw them into rendered/ (SVG and DOT,
# mirroring maps/; unchanged maps are skipped), and print their lint report. The
# findings are the point (what the authors left unanswered or unsourced), so they
# do not fail it.
maps: setup
	$(BIN)/argmap check maps/
	$(BIN)/argmap render
	$(BIN)/argmap lint maps/ --exit-zero

test: setup
	$(BIN)/python -m pytest -q

# Benchmarks, argmap side by side with its peers; writes docs/performance.md.
# The Argdown peer needs Node.js and npm (it is skipped, and says so, without them).
bench: setup
	@if command -v npm >/dev/null 2>&1; then cd benchmarks && npm ci --silent --no-audit --no-fund; \
	  else echo "npm not found: the Argdown peer will be skipped"; fi
	$(BIN)/python benchmarks/run.py --write docs/performance.md

lint-code: setup
	$(BIN)/ruff check argmap tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
