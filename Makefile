# The verbs a person types. Everything installs itself into .venv on first use.
#   make serve           preview the internal site on http://127.0.0.1:8000 with live reload
#   make serve-customer  preview the customer site on http://127.0.0.1:8001
#   make build           build both sites into site/internal/ and site/customer/
#   make customer-bundle site/customer-bundle.zip: the customer site, readable from disk
#   make teams-app       site/teams-app.zip: the Teams app with the playbook and customer guide tabs
#   make kit PROJECT=<id> site/projects/<id>/: the kickoff deck, SOW appendix, calendar and
#                        customer project site of one project (make kits: every project)
#   make status PROJECT=<id> site/status/<id>/: the week's status report (HTML for e-mail, .docx)
#   make test            install everything the tests need and run them all
#   make audit           Lighthouse scores of every kind of page of both sites (a report)
#   make bench           speed at handbook scale against plain Material (PAGES=1000 RUNS=3)
#   make try-zensical    a report: the staged trees rendered with Zensical, and what differs
#   make new-process ID=<id>                 scaffold a process: data file + page, ready to edit
#   make new-checklist ID=<id> PROCESS=<id>  scaffold a checklist for a process
#   make check-freshness fail if any page is past its review date (a normal build never does)
#   make clean           remove built sites and caches (keeps .venv)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
# Material prints an end-of-life banner for MkDocs 2 on every build; we know, and pin MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve serve-customer build customer-bundle test test-fast chromium office browser-tools audit \
        new-process new-checklist check-freshness bench lock clean hosting-tools teams-app kit kits status try-zensical \
        vendor-stemmer faketime teams-tools

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

# The preview restages the site from the sources on every save and re-renders only what
# changed; a mistake shows in the browser as a page listing each problem (playbook/serve/).
serve: install
	$(PY) -m playbook serve --audience internal

serve-customer: install
	$(PY) -m playbook serve --audience customer

# load -> stage (build/<site>/) -> render -> publish: both sites switch together or not at all.
build: install
	$(PY) -m playbook build

customer-bundle: install
	$(PY) -m playbook bundle

# Browser tests drive Debian's Chromium (never a downloaded browser); install it when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The Azure Static Web Apps CLI the hosting tests serve both sites with (npm, pinned in
# tests/hosting/package-lock.json). --ignore-scripts: its optional keytar dependency otherwise
# downloads a prebuilt binary, which nothing here needs.
hosting-tools:
	@test -x tests/hosting/node_modules/.bin/swa || \
	  (cd tests/hosting && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# axe-core for the accessibility tests (npm, pinned in tests/browser/package-lock.json), installed
# before the test passes start, so the two never install it at once.
browser-tools:
	@test -f tests/browser/node_modules/axe-core/axe.min.js || \
	  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

# The Teams app package (site/teams-app.zip): manifest and icons from mkdocs.yml, checked against
# Microsoft's manifest schema (npm, pinned in tools/teams/package-lock.json) before it is published.
teams-app: install teams-tools
	$(PY) -m playbook.hosting.teams

# Microsoft's manifest schema and the Teams JavaScript library, from npm as tools/teams pins them
# (the tests compare the library the Teams tab serves with the pinned package's file).
teams-tools:
	@test -f tools/teams/node_modules/@microsoft/app-manifest/package.json -a \
	      -f tools/teams/node_modules/@microsoft/teams-js/package.json || \
	  (cd tools/teams && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# The kit tests open every document in a real office suite: Debian's LibreOffice (Impress and
# Writer) converts them to PDF and poppler-utils reads the PDF's text; install them when missing.
office:
	@dpkg -s libreoffice-impress libreoffice-writer poppler-utils >/dev/null 2>&1 || { \
	  echo "Installing Debian's LibreOffice (impress, writer) and poppler-utils for the kit tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    libreoffice-impress libreoffice-writer poppler-utils >/dev/null; }

# First the code's own checks: the layers import only downwards (lint-imports, the contract in
# pyproject.toml) and the dependencies declared are the ones imported (deptry). Then two passes,
# each with the clock moved (libfaketime) to a day of its own:
#   - every test, on MkDocs, on a 5th;
#   - on ProperDocs (PLAYBOOK_ENGINE picks the engine the staged trees are rendered with), on a 31st
#     at half past eleven at night: the site builds, every mistake of the failure catalogue that
#     reaches an engine, the content tests, and the browser tests that build a site of their own
#     or read the clock in the browser (print headers, checklists, every page type). The other
#     browser tests read the real sites, which the two engines write byte for byte alike but for
#     the engine's name (tests/engines compares every file in the first pass); `make serve`
#     always renders with MkDocs, in its own process, so its tests run in the first pass only.
# Every build a test makes is made as of the day SOURCE_DATE_EPOCH names (tests/frozen_day.py), so
# a test that still read the machine's clock, or compared it with a file's time, fails here. The
# passes run at the same time: one alone leaves a core idle while it waits on a browser, an engine
# or a process starting. The second pass's report follows the first's.
TEST_DAY_ONE ?= @2027-02-05 09:30:00
TEST_DAY_TWO ?= @2027-03-31 23:30:00
SECOND_PASS = tests/site_builds tests/content tests/browser/test_print.py tests/browser/test_checklists.py \
              tests/browser/test_every_page_type.py tests/browser/test_hostile_input.py \
              --ignore=tests/site_builds/test_serve.py
test: install chromium office hosting-tools teams-tools browser-tools faketime
	$(VENV)/bin/lint-imports
	$(VENV)/bin/deptry .
	@mkdir -p build
	@faketime -f '$(TEST_DAY_TWO)' env PLAYBOOK_ENGINE=properdocs $(PY) -m pytest $(SECOND_PASS) -q -p no:cacheprovider \
	   > build/test-properdocs.log 2>&1 & second=$$!; \
	 faketime -f '$(TEST_DAY_ONE)' $(PY) -m pytest; first=$$?; \
	 wait $$second; second=$$?; \
	 echo; echo "== Second pass: ProperDocs, clock at $(TEST_DAY_TWO) =="; cat build/test-properdocs.log; \
	 test $$first = 0 && test $$second = 0

# libfaketime, which `make test` moves the clock with; installed from Debian when missing.
faketime:
	@command -v faketime >/dev/null 2>&1 || { \
	  echo "Installing Debian's faketime for the tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq faketime >/dev/null; }

# The browser's Snowball stemmer (npm porter2, pinned in tools/stemmer/) copied unchanged into
# overrides/assets/playbook/vendor/; a test fails when the copy differs from the pinned package.
vendor-stemmer: install
	$(PY) tools/vendor_stemmer.py

# Unit tests only: the pure modules, in about a second.
test-fast: install
	$(PY) -m pytest tests/unit -q

# Project kits: site/projects/<id>/ for one project (PROJECT=<id>) or for every project file in
# extra.projects.folder (default projects/). A project whose inputs did not change is not rebuilt.
kit: install
	@test -n "$(PROJECT)" || { echo "Say which project: make kit PROJECT=<id> (the project file's name without .yml)"; exit 2; }
	$(PY) -m playbook kit $(PROJECT)

kits: install
	$(PY) -m playbook kits

# The week's status report of one project (site/status/<id>/): e-mail-ready HTML and .docx, from
# its project file (what is done, the status, risks, what is needed from the customer).
status: install
	@test -n "$(PROJECT)" || { echo "Say which project: make status PROJECT=<id> (the project file's name without .yml)"; exit 2; }
	$(PY) -m playbook status $(PROJECT)

# A report, not a gate: the staged trees rendered with Zensical (in .venv-zensical, made on
# first use) against MkDocs: pages only one engine wrote, the least alike, macros left unrendered.
try-zensical: install
	$(PY) tools/try_zensical.py

# Speed at handbook scale: a synthetic playbook in a temporary folder, plain Material against
# both our sites. PAGES (1000) and RUNS (3) change it; SERVE=0 and SEARCH=0 skip those parts.
# The last line is the ratio. Not part of `make test`: CI times nothing.
PAGES ?= 1000
RUNS  ?= 3
bench: install chromium
	PAGES=$(PAGES) RUNS=$(RUNS) $(PY) tools/bench/run.py

# A new process (data file + page, added to the end of the nav) or checklist, ready to edit.
new-process: install
	$(PY) tools/scaffold.py process $(ID) $(if $(PAGE),--page $(PAGE))

new-checklist: install
	$(PY) tools/scaffold.py checklist $(ID) --process $(PROCESS)

# Fails while any page is past its review date; stale pages never block a normal build.
check-freshness: install
	$(PY) tools/check_freshness.py

# Lighthouse (npm, pinned 12.2.3) on every kind of page of both sites (home, phase, role,
# matrix- and table-heavy pages, template, FAQ, glossary, what we need from the customer),
# driving Debian's Chromium: prints the four scores of each. A report, not a gate.
audit: install chromium
	$(PY) tools/audit.py

# Re-pin every package after changing a pin in pyproject.toml: requirements.txt is written by
# pip-compile (pip-tools, pinned here, in a venv of its own) with the hashes of every file, so
# `make install` installs exactly the files locked. Pins already in requirements.txt are kept.
PIP_TOOLS := pip-tools==7.7.0
lock:
	rm -rf $(VENV).lock && $(PYTHON) -m venv $(VENV).lock
	$(VENV).lock/bin/pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	$(VENV).lock/bin/pip-compile --quiet --generate-hashes --all-extras --all-build-deps --strip-extras \
	  --allow-unsafe --no-emit-index-url --no-emit-find-links --output-file requirements.txt pyproject.toml
	rm -rf $(VENV).lock

clean:
	rm -rf site .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
