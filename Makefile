# Quick start: `make demo` judges the seed page, `make test` runs lint and the tests.
# Each target creates its own virtual environment in .venv from pyproject.toml.
VENV ?= .venv
PY := $(VENV)/bin/python
SEED := ../shared/seed/000_9824f43910e82243.txt

# setup.py and the .pyx files build the compiled parts: a change to any reinstalls, which rebuilds them.
# The train extras are pinned (constraints/train.txt), so that `make train` reproduces the shipped weights.
$(VENV)/.installed-%: pyproject.toml setup.py constraints/train.txt $(wildcard src/spamsift/*/*.pyx src/spamsift/*/*.pxd)
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[$*]' $(if $(filter train,$*),-c constraints/train.txt)
	touch $@

.PHONY: demo test train bench browser
# The web page's tests drive Debian's Chromium (Playwright's own browser download does not work everywhere).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

demo: $(VENV)/.installed-test
	$(VENV)/bin/spamsift check $(SEED) || [ $$? -eq 1 ]

test: $(VENV)/.installed-test browser
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/pytest -q

train: $(VENV)/.installed-train
	$(PY) scripts/train.py

bench: $(VENV)/.installed-bench
	$(PY) benchmarks/quality.py
	$(PY) benchmarks/speed.py
