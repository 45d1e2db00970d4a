# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
KG := $(VENV)/bin/kg
STORE ?= kg-store
OUT ?= out
OXIGRAPH_PORT ?= 7878

.PHONY: demo test install install-test browser virtuoso lint bench reliability clean

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (kg needs Python 3.11+); run make PYTHON=python3" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

install: $(VENV)/bin/python
	$(PIP) install --quiet -e .

install-test: $(VENV)/bin/python
	$(PIP) install --quiet -e '.[test]'

# Debian's chromium for the browser tests (never `playwright install`: it downloads a browser).
browser:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: /usr/bin/chromium"; \
	elif [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "warning: could not install chromium; browser tests will skip with that reason" >&2; \
	else echo "warning: not root and no /usr/bin/chromium; run: sudo apt-get install chromium" >&2; fi

# Debian's Virtuoso 7.2 for the second remote-engine tests.  The packaged service is kept from
# starting (policy-rc.d exit 101, then disabled): the pytest fixtures start a private instance on a
# free loopback port with a throwaway database and a per-run password (tests/conftest.py).
virtuoso:
	@if command -v virtuoso-t >/dev/null 2>&1; then echo "virtuoso: $$(command -v virtuoso-t)"; \
	elif [ "$$(id -u)" = 0 ]; then \
	    ( policy=/usr/sbin/policy-rc.d; created=; \
	      if [ ! -e $$policy ]; then printf '#!/bin/sh\nexit 101\n' > $$policy && chmod +x $$policy && created=1; fi; \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	          virtuoso-opensource >/dev/null; rc=$$?; \
	      [ -n "$$created" ] && rm -f $$policy; \
	      update-rc.d virtuoso-opensource-7 disable >/dev/null 2>&1; exit $$rc ) \
	    || echo "warning: could not install virtuoso-opensource; Virtuoso tests will skip with that reason" >&2; \
	else echo "warning: not root and no virtuoso-t; Virtuoso tests skip (run: sudo apt-get install virtuoso-opensource)" >&2; fi

demo: install
	$(KG) --store $(STORE) demo --out $(OUT)

# The Oxigraph server for the remote-store tests is started by the pytest fixtures
# (tests/conftest.py) from the `oxigraph` package installed here, on a free loopback port;
# Virtuoso (target `virtuoso`) likewise.
test: install-test browser virtuoso
	$(VENV)/bin/ruff check kg tests scripts
	$(VENV)/bin/ruff format --check kg tests scripts
	$(PY) -m pytest -q -p no:cacheprovider

lint: install-test
	$(VENV)/bin/ruff check kg tests scripts
	$(VENV)/bin/ruff format --check kg tests scripts

bench: install-test
	$(PY) scripts/bench.py

reliability: install-test
	$(PY) scripts/reliability.py

clean:
	rm -rf $(VENV) $(STORE) $(STORE).snapshots $(OUT) build *.egg-info
