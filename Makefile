# The README's two commands: `make demo` and `make test`. Both work on a fresh machine with only
# Python ≥ 3.11 and the package registries: they create .venv and install the project into it.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

# In this workplace the raw sources are mirrored beside the checkout; point the data layer there.
SHARED_DATA := $(abspath $(CURDIR)/../shared/data)
ifneq ($(wildcard $(SHARED_DATA)/README.md),)
export UNSCLAB_DATA ?= $(SHARED_DATA)
endif

.PHONY: demo test install install-test chromium lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

# the demo installs every extra the README's tour uses: figures and reports (plot), the web app
# (web), the design explorer's local Dask cluster (explore)
$(VENV)/.installed-demo: pyproject.toml Makefile | $(PY)
	$(PIP) install -e ".[plot,web,explore]"
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e ".[test]"
	@touch $@ $(VENV)/.installed $(VENV)/.installed-demo

# Headless Chromium for the browser tests: Debian's package (never a browser download by a test
# tool). Installed when missing and apt-get can run (as root, as in CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium is not installed and cannot be installed here; browser tests will be skipped"; fi; }

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## make demo: the main job on the built-in catalogue
demo: $(VENV)/.installed-demo
	@mkdir -p out
	$(VENV)/bin/unsclab compare --state KAZ --plot out/compare.png

## make test: install with the test extras and run the whole suite
test: $(VENV)/.installed-test chromium
	@[ -n "$$UNSCLAB_DATA" ] || $(VENV)/bin/unsclab data fetch >/dev/null 2>&1 || \
	  echo "note: raw data sources not available (set UNSCLAB_DATA or allow 'unsclab data fetch'); tests that need them are skipped"
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(PIP) install ruff
	$(VENV)/bin/ruff check src tests

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
