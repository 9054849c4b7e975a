# Two commands set everything up on a fresh machine: `make serve` and `make test`.
# Each creates what it needs: the virtual environment (with a Python 3.12+ found by
# tools/find-python), the npm packages, and the Debian packages the browser tests drive:
# Chromium, WebKitGTK (through WebKitWebDriver, under Xvfb), Firefox ESR, nginx with the
# brotli-static module and Caddy (the server configurations the HR guide publishes).

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP_PY  := $(VENV)/.installed
STAMP_NPM := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: all build serve test quick lint pytest bench bench-web chromium browsers clean working-days

all: build

# --- set-up -----------------------------------------------------------------------------
$(STAMP_PY): pyproject.toml tools/find-python
	@python=$$(tools/find-python) || exit 1; \
	  echo "Using $$python"; \
	  rm -rf $(VENV) && "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

$(STAMP_NPM): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium (Playwright cannot download its own browser here).
chromium:
	@$(MAKE) --no-print-directory apt-install \
	  NEEDS="/usr/bin/chromium" PACKAGES="chromium fonts-noto-cjk"

# Every engine and server the browser tests drive, installed from Debian when missing.
browsers: chromium
	@$(MAKE) --no-print-directory apt-install \
	  NEEDS="/usr/bin/WebKitWebDriver /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser \
	         /usr/bin/Xvfb /usr/bin/firefox-esr /usr/sbin/nginx \
	         /usr/lib/nginx/modules/ngx_http_brotli_static_module.so /usr/bin/caddy" \
	  PACKAGES="webkit2gtk-driver xvfb firefox-esr nginx libnginx-mod-http-brotli-static caddy"

# apt-get install PACKAGES unless every file in NEEDS is there.
.PHONY: apt-install
apt-install:
	@for need in $(NEEDS); do [ -e "$$need" ] || missing=1; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian's $(PACKAGES) for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
	    $(PACKAGES) >/dev/null; \
	fi

# --- site -------------------------------------------------------------------------------
# Everything the build reads; the site is rebuilt only when one of them changed (a failed
# build removes site/index.html, so the next make builds again).
.DELETE_ON_ERROR:
# A file moved or added keeps its old time, so the list of inputs is an input too: its hash
# names a stamp file, and a new list means a new stamp and a build.
SITE_FILES  := $(shell git ls-files docs overrides hooks checker tools 2>/dev/null)
SITE_INPUTS := mkdocs.yml pyproject.toml package-lock.json $(wildcard $(SITE_FILES))
SITE_LIST   := build/site-inputs-$(shell echo "$(SITE_FILES)" | md5sum | cut -c1-12)
SITE_STAMP  := site/index.html

build: $(SITE_STAMP)

$(SITE_LIST):
	@mkdir -p build && rm -f build/site-inputs-* && touch $@

$(SITE_STAMP): $(STAMP_PY) $(STAMP_NPM) $(SITE_INPUTS) $(SITE_LIST)
	$(VENV)/bin/mkdocs build --strict --site-dir site

serve: build
	$(PY) tools/serve.py --root site --port $${PORT:-8000} --frame-ancestors "$${FRAME_ANCESTORS:-}"

# --- data -------------------------------------------------------------------------------
# China's working days (checker/working_days.toml) from the `holidays` package: run after
# upgrading it; tests/engine/test_working_days_data.py fails until the file is regenerated.
working-days: $(STAMP_PY)
	$(PY) tools/gen_working_days.py

# --- checks -----------------------------------------------------------------------------
# The page's scripts too: their JSDoc types (tsc: checkJs, strict; one config for the page,
# one for the worker), ESLint, and node's unit tests of their pure modules (tests/js/).
lint: $(STAMP_PY) $(STAMP_NPM)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy --strict checker hooks tools
	$(VENV)/bin/lint-imports --no-cache
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json
	node_modules/.bin/eslint .
	node --test tests/js/

pytest: $(STAMP_PY) $(STAMP_NPM) browsers build
	$(PY) -m pytest

test: lint pytest

# The edit-test loop: the engine and the site's build and pages, no browser, no Pyodide
# (under a minute once the site is built; the build reruns only when its inputs changed).
quick: $(STAMP_PY) build
	$(PY) -m pytest -q -m "(engine or site) and not pyodide"

# --- benchmarks (print figures; never part of `make test`) -------------------------------
bench: $(STAMP_PY)
	$(PY) tools/bench.py

# Start-up is compared with the last good build's (caecf60, the figures issue 19 quotes), in
# the same rounds: `make bench-web BENCH_COMPARE=<commit>` for another.
BENCH_COMPARE ?= caecf60
bench-web: build chromium
	$(PY) tools/bench_web.py --compare $(BENCH_COMPARE) $(BENCH_ARGS)

clean:
	rm -rf site build dist .mypy_cache .ruff_cache .pytest_cache
