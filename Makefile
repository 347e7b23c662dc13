# Kết nối Zalo an ninh — every entry point a user needs. `make run` and `make test` install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Lambdas run python3.13: use it when this machine has it (pyenv or PATH), else 3.12, else python3 (>= 3.11).
# Each candidate is run once, so a pyenv shim for a version that is not active is skipped.
PYTHON ?= $(shell for c in "$$(pyenv prefix 3.13.0 2>/dev/null)/bin/python3" python3.13 "$$(pyenv prefix 3.12.1 2>/dev/null)/bin/python3" python3; do \
	  if "$$c" -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1; then command -v "$$c"; break; fi; done)
SAM_PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
SAM_VENV := .venv-sam
CHECKOV_VENV := .venv-checkov
PY := $(VENV)/bin/python
SAM := $(SAM_VENV)/bin/sam
PORT ?= 3000
STACK ?= anninh-dev
PYTEST_WORKERS ?= 2

export SAM_CLI_TELEMETRY := 0
export AWS_DEFAULT_REGION ?= ap-southeast-1

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements-dev.txt layers/anninh/requirements.txt pyproject.toml
	@echo "==> creating $(VENV) with $(PYTHON)"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(SAM_VENV)/.installed: requirements-sam.txt
	@echo "==> creating $(SAM_VENV) (SAM CLI, kept apart from the project's pins)"
	test -x $(SAM_VENV)/bin/python || $(SAM_PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SAM_VENV)/bin/python -m pip install --quiet -r requirements-sam.txt
	touch $@

$(CHECKOV_VENV)/.installed: requirements-checkov.txt
	@echo "==> creating $(CHECKOV_VENV) (checkov, kept apart from the project's pins)"
	test -x $(CHECKOV_VENV)/bin/python || $(SAM_PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(CHECKOV_VENV)/bin/python -m pip install --quiet -r requirements-checkov.txt
	touch $@

.PHONY: venv
venv: $(VENV)/.installed ## create the project environment (.venv, with the `anninh` CLI)

.PHONY: browser
browser: ## install headless Chromium + chromedriver (Debian) for the browser test, when missing
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "==> installing chromium and chromium-driver"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "chromium/chromedriver missing and cannot install them (need root + apt-get)" >&2; fi

.PHONY: run
run: venv ## start the whole system locally on http://127.0.0.1:$(PORT) (moto + fake Zalo)
	PORT=$(PORT) $(PY) -m localrun

.PHONY: lint
lint: venv $(SAM_VENV)/.installed $(CHECKOV_VENV)/.installed ## ruff, mypy (layer, functions, local stack, test helpers), cfn-lint, sam validate --lint, checkov
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/cfn-lint template.yaml
	$(SAM) validate --lint --template template.yaml
	@# Every suppression is in the template beside its resource (Metadata: checkov: skip:, with the reason).
	$(CHECKOV_VENV)/bin/checkov --file template.yaml --framework cloudformation --quiet --compact --skip-download

.PHONY: test
test: venv $(SAM_VENV)/.installed browser ## the whole suite: lint, template checks, unit, integration, e2e
	@# tests/run_suite.sh: e2e (two workers, a local stack each) in the background beside lint, build and
	@# the unit stage, which run in this order and stop at the first failure.
	VENV=$(VENV) MAKE="$(MAKE)" PYTEST_WORKERS=$(PYTEST_WORKERS) bash tests/run_suite.sh

.PHONY: build
build: $(SAM_VENV)/.installed ## sam build (python3.13 first on PATH, arm64 wheels), then bytecode
	PATH="$(dir $(PYTHON)):$$PATH" $(SAM) build --template template.yaml
	@# Lambda cannot write __pycache__: ship bytecode so no cold start compiles a module (checked-free:
	@# the built artifacts never change after this).
	$(PYTHON) -m compileall -q -j 0 --invalidation-mode unchecked-hash .aws-sam/build

.PHONY: deploy
deploy: build ## sam deploy (first time: make deploy-guided)
	$(SAM) deploy --config-env $${CONFIG_ENV:-default}

.PHONY: deploy-guided
deploy-guided: build
	$(SAM) deploy --guided

.PHONY: bench
bench: venv ## benchmarks: webhook cold start, warm cost and memory, FAQ, local stack, broadcast rate, media memory, cost
	$(PY) tests/bench/webhook_bench.py
	$(PY) tests/bench/faq_bench.py
	$(PY) tests/bench/classifier_profile.py
	$(PY) tests/bench/local_stack_bench.py
	$(PY) tests/bench/broadcast_bench.py
	$(PY) tests/bench/memory_bench.py
	$(PY) tests/bench/cost_bench.py

.PHONY: clean
clean:
	rm -rf .aws-sam .pytest_cache .mypy_cache .ruff_cache .local-state

.PHONY: which-python
which-python:
	@echo $(PYTHON)
