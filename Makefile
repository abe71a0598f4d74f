# Every target bootstraps .venv itself: `make demo` and `make test` work on a fresh machine.
# Python 3.12 is preferred (the default spaCy model, en_core_web_md, is packaged for it);
# any Python >= 3.11 works, with en_core_web_sm on 3.11.
PYTHON ?= $(or $(shell python3.12 -c 'import sys; print(sys.executable)' 2>/dev/null),$(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12)),python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SAMPLE := src/dateline/samples/wikinews

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ray,postgres]'
	# Build the offline gazetteer index once now, so no extraction pays for it.
	$(BIN)/python -m dateline.gazetteer.build
	touch $@

install: $(STAMP)

# Ingest the bundled sample into the embedded store (a rerun skips what is done), print
# what the corpus holds, then one article's whole record as a reader would check it.
demo: $(STAMP)
	$(BIN)/dateline ingest $(SAMPLE) --db dateline.db --report
	$(BIN)/dateline extract --format text $(firstword $(sort $(wildcard $(SAMPLE)/*.txt)))

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
