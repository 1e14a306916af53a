# briefing: `make brief` builds the flagship brief (HTML and PDF); `make test` runs the tests.
# Both create .venv and install the project into it when needed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEX_PACKAGES := latexmk texlive-xetex texlive-latex-recommended texlive-latex-extra \
	texlive-fonts-recommended fonts-freefont-otf lmodern fonts-texgyre poppler-utils \
	fonts-texgyre-math fonts-droid-fallback fonts-dejavu-core

.PHONY: brief html pdf test check serve tex browser bench clean

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

serve: $(STAMP)
	$(BIN)/briefing serve

# Timings and memory into benchmarks/RESULTS.md (about ten minutes; `--quick` for one).
bench: $(STAMP) tex
	$(BIN)/python benchmarks/run.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,serve]'
	touch $(STAMP)

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
