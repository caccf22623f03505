# The index of Oogst's commands. Needs Python 3.11 (python3.11 or python3) and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export OOGST_DATA_DIR ?= $(CURDIR)/data

.PHONY: demo install install-test check-deploy test test-fast lint api-lint messages benchmark ci clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

PORT ?= 8000

## demo: install, migrate, load the demo register and serve it at http://127.0.0.1:$(PORT)
## with a background worker beside it that makes frozen rounds' documents
demo: install
	DEBUG=true $(BIN)/oogst migrate --no-input
	DEBUG=true $(BIN)/oogst loaddemo
	DEBUG=true $(BIN)/oogst db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=true $(BIN)/oogst runserver 127.0.0.1:$(PORT)

## test: install everything and run every test (browser tests need Debian's chromium)
test: install-test
	bash scripts/check-system-packages.sh
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	DEBUG=true $(BIN)/oogst makemigrations --check --dry-run
	$(MAKE) check-deploy
	$(MAKE) api-lint
	$(BIN)/python -m pytest -n auto

## check-deploy: Django's deployment checks with the documented production settings
check-deploy: install
	DEBUG=false ALLOWED_HOSTS=oogst.example.nl \
	SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	$(BIN)/oogst check --deploy --fail-level WARNING

## api-lint: the OpenAPI document against the NL API Design Rules (Spectral from npm, the
## ruleset in tools/api-lint; needs node and npm)
api-lint: install
	cd tools/api-lint && npm ci --no-audit --no-fund --silent
	DEBUG=true $(BIN)/oogst spectacular --format openapi-json --validate --fail-on-warn \
		--file tools/api-lint/openapi.json
	cd tools/api-lint && ./node_modules/.bin/spectral lint --fail-severity=warn \
		-r adr-ruleset.yaml openapi.json

## test-fast: everything but the browser tests
test-fast: install-test
	$(BIN)/python -m pytest -n auto -m "not browser"

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## messages: refresh the translation catalogues after changing UI strings
messages: install-test
	cd src/oogst && DEBUG=true ../../$(BIN)/oogst makemessages -l nl --no-obsolete
	cd src/oogst && DEBUG=true ../../$(BIN)/oogst compilemessages

## benchmark: the register with 2,000 pilots, a 500-pilot round's pages and appendix,
## participant figures, imports and XLSX, the framework floor (a logged-in page against bare Django)
## and the API's pilot list (20,000 pilots, pages of 100)
benchmark: install-test
	$(BIN)/python benchmarks/register_overview.py
	$(BIN)/python benchmarks/round_page.py
	$(BIN)/python benchmarks/appendix_render.py
	$(BIN)/python benchmarks/participant_figures.py
	$(BIN)/python benchmarks/framework_floor.py  # needs Debian's wrk
	$(BIN)/python benchmarks/import_export.py
	$(BIN)/python benchmarks/harvest_search.py --sizes 2000
	$(BIN)/python benchmarks/dashboard.py
	$(BIN)/python benchmarks/api.py  # 20,000 pilots: slow on a shared machine

clean:
	rm -rf $(VENV) data build *.egg-info
