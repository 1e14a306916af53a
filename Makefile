# briefing: `make brief` builds the flagship brief (HTML and PDF); `make test` runs the tests.
# Both create .venv and install into it, when needed, exactly what requirements.lock names
# (with hashes); `make lock` re-resolves the lock, `make test-latest` tries the newest releases.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEX_PACKAGES := latexmk texlive-xetex texlive-latex-recommended texlive-latex-extra \
	texlive-fonts-recommended fonts-freefont-otf lmodern fonts-texgyre poppler-utils \
	fonts-texgyre-math fonts-droid-fallback fonts-dejavu-core

.PHONY: brief html pdf test test-latest lock lint check serve tex browser bench clean

brief: $(STAMP) tex
	$(BIN)/briefing build

html: $(STAMP)
	$(BIN)/briefing build --no-pdf

pdf: $(STAMP) tex
	$(BIN)/briefing build --no-html

check: $(STAMP)
	$(BIN)/briefing check

test: $(STAMP) tex browser
	$(BIN)/python -m pytest -q

# The layout kept: ruff (lint and format) and mypy --strict over the package.
lint: $(STAMP)
	$(BIN)/ruff check briefing tests benchmarks
	$(BIN)/ruff format --check briefing tests benchmarks
	$(BIN)/mypy briefing

serve: $(STAMP)
	$(BIN)/briefing serve

# Timings and memory into benchmarks/RESULTS.md (about ten minutes; `--quick` for one).
bench: $(STAMP) tex
	$(BIN)/python benchmarks/run.py

# The environment this repository builds and tests with: every package, the build backend
# included, from the lock with its hashes; then the project itself, built with that backend.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Re-resolve the lock to the newest releases that pyproject.toml's ranges allow (for every
# platform and Python >= 3.11), then install it. Review the diff, run `make test`, commit.
LOCK_INPUTS := pyproject.toml --extra test --extra serve --group build --group dev
lock: $(STAMP)
	$(BIN)/uv pip compile $(LOCK_INPUTS) --universal --python-version 3.11 \
	    --generate-hashes --upgrade --custom-compile-command "make lock" -o requirements.lock
	$(MAKE) $(STAMP)

# The test suite against a fresh, unlocked resolve of the newest releases, in its own
# environment: a new release's breakage seen on purpose. Not part of CI.
LATEST := .venv-latest
test-latest: tex browser
	rm -rf $(LATEST) && $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet -e '.[test,serve]'
	$(LATEST)/bin/python -m pip freeze --exclude-editable > $(LATEST)/resolved.txt
	$(LATEST)/bin/python -m pytest -q

# TeX Live from Debian's packages, when missing and when we can install it.
tex:
	@if command -v xelatex >/dev/null && command -v latexmk >/dev/null \
	    && fc-list | grep -q "TeX Gyre Pagella" && fc-list | grep -q FreeSerif \
	    && fc-list | grep -q "Droid Sans Fallback" && fc-list | grep -q "DejaVu Sans" \
	    && command -v pdftotext >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing TeX Live (about a minute)..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEX_PACKAGES) >/dev/null; \
	else \
	    echo "The PDF needs TeX Live. Install it with:"; \
	    echo "  sudo apt-get install $(TEX_PACKAGES)"; exit 1; \
	fi

# Chromium from Debian's packages for the browser tests (tests/browser), when missing and when
# we can install it; without it those tests are skipped. Playwright never downloads a browser.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	    echo "The browser tests need Chromium at /usr/bin/chromium; they are skipped. Install it with:"; \
	    echo "  sudo apt-get install chromium"; \
	fi

clean:
	rm -rf _build docs/_generated
