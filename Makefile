# presslens — every target creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.presslens-installed
CORPUS ?= seeds
OUT    ?= outputs
BENCH_CORPUS ?= ../shared/corpora/bbc
REALWORLD ?= ../shared/corpora/realworld
LAB_ARGS ?=

.PHONY: reports test lab bench bench-scale setup browser clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "presslens needs Python 3.11 or newer: run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	@touch $(STAMP)

setup: $(STAMP)
	$(BIN)/presslens setup

reports: setup
	$(BIN)/presslens report --corpus $(CORPUS) --out $(OUT)

test: setup browser
	$(BIN)/python -m pytest

# JupyterLab on notebooks/, with this environment registered as the notebooks' kernel (python3).
# Extra options: make lab LAB_ARGS="--no-browser --port 8899"; as root (containers), --allow-root is added.
lab: setup
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (presslens)" >/dev/null
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

bench: setup
	$(BIN)/python bench/run.py --corpus $(BENCH_CORPUS)
	$(BIN)/python bench/loading.py --realworld $(REALWORLD)

bench-scale: setup
	$(BIN)/python bench/scale.py --corpus $(BENCH_CORPUS)

# Headless Chromium and a font with Chinese characters (Noto CJK) for the browser tests: installed with
# apt-get when we are root on Debian/Ubuntu, otherwise those tests are skipped with the reason.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    echo "installing Chromium for the browser tests (apt-get)" && \
	    apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; } || \
	  echo "Chromium not available: browser tests will be skipped"
	@fc-list :lang=zh family 2>/dev/null | grep -q . || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    echo "installing Noto CJK fonts for the browser tests (apt-get)" && \
	    apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1; } || \
	  echo "No font with Chinese characters: the browser test of Chinese labels will be skipped"

clean:
	rm -rf $(OUT)/html $(OUT)/notebooks $(OUT)/articles $(OUT)/exports $(OUT)/cache $(OUT)/index.html $(OUT)/run.json
