# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run run-proxy nginx-deps setup install install-dev staff editor first-admin test test-fast lint browser-deps bench soak backup restore

run: setup ## Install, migrate, load the clinic's pages and serve on 127.0.0.1:$(PORT)
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py treatment_site.wsgi

# The same site behind the shipped nginx configuration (deploy/nginx/), as production
# runs it: nginx on PORT, gunicorn behind it on a loopback port of its own.
run-proxy: setup nginx-deps ## make run, behind Debian's nginx with the shipped front-door configuration
	PORT=$(PORT) $(BIN)/python -m devtools.front_door run

# Debian's nginx for the front door, and wrk, which the front-door tests load it with.
nginx-deps:
	@if ! test -x /usr/sbin/nginx || ! command -v wrk >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx wrk >/dev/null; \
		else echo "Install Debian's nginx and wrk (sudo apt-get install nginx wrk)"; exit 1; fi; \
	fi

setup: install .env
	$(MANAGE) migrate --no-input
	$(MANAGE) collectstatic --no-input -v 0
	$(MANAGE) load_site_content

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

# A random secret key, made once and kept out of git (.gitignore).
.env:
	@cp .env.example .env
	@sed -i "s|^DJANGO_SECRET_KEY=.*|DJANGO_SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')|" .env
	@echo "Wrote .env with a new local secret key."

# Staff accounts are never superusers: one role each (README, "Staff roles").
# USERNAME must be given on the command line, not picked up from the environment.
STAFF_USAGE := Usage: make staff ROLE=editor|reviewer|administrator USERNAME=dana [EMAIL=… FULL_NAME="Dana Ortiz" CREDENTIALS="MD, …"]
staff: install .env ## Create a staff account in one role: make staff ROLE=editor|reviewer|administrator USERNAME=… (asks for a password)
	@if [ -z "$(ROLE)" ] || [ "$(origin USERNAME)" != "command line" ] || [ -z "$(USERNAME)" ]; then echo '$(STAFF_USAGE)'; exit 2; fi
	$(MANAGE) migrate --no-input
	$(MANAGE) add_staff "$(USERNAME)" --role "$(ROLE)" $(if $(EMAIL),--email "$(EMAIL)") \
		$(if $(FULL_NAME),--full-name "$(FULL_NAME)") $(if $(CREDENTIALS),--credentials "$(CREDENTIALS)")

editor: ## Create an Editor account: make editor USERNAME=… (the same as make staff ROLE=editor)
	@$(MAKE) --no-print-directory staff ROLE=editor $(if $(filter command line,$(origin USERNAME)),USERNAME="$(USERNAME)")

# A superuser can do everything, publishing included: only for the clinic's first
# administrator, who then adds everyone else with `make staff`.
first-admin: install .env ## The clinic's FIRST administrator only: a superuser (asks for name and password); refused once one exists
	$(MANAGE) migrate --no-input
	@$(MANAGE) shell --no-imports -c "import sys; from django.contrib.auth import get_user_model; sys.exit(get_user_model().objects.filter(is_superuser=True).exists())" \
		|| { echo "A superuser exists already: add everyone else with make staff ROLE=… USERNAME=…"; exit 1; }
	@echo "Creating the first administrator (a superuser). Everyone else: make staff ROLE=… USERNAME=…"
	$(MANAGE) createsuperuser

# Browser tests use Debian's Chromium and the Nu Html Checker needs a JRE; no tool
# downloads a browser of its own.
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium default-jre-headless >/dev/null; \
		else echo "Install Debian's chromium and default-jre-headless (sudo apt-get install chromium default-jre-headless)"; exit 1; fi; \
	fi

# The Nu Html Checker (vnu.jar), axe-core and Lighthouse come from npm, pinned in
# package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: install-dev .env browser-deps nginx-deps node_modules/.installed ## The whole suite (SQLite unless DATABASE_URL is set)
	$(BIN)/python -m pytest

# No PostgreSQL, Redis, gunicorn or browser: the tests not marked for them, on SQLite.
test-fast: install-dev .env ## Everything but the postgres, redis, server and browser tests, on SQLite, no services
	env DATABASE_URL= CACHE_URL= REDIS_URL= $(BIN)/python -m pytest -m "not (postgres or redis or server or browser)"

backup: install .env ## A consistent backup of the database into backups/
	$(MANAGE) backup_site

restore: install .env ## make restore FILE=backups/… into an empty database
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/clinic-….dump"; exit 1; }
	$(MANAGE) restore_site "$(FILE)"

bench: install-dev .env nginx-deps ## Throughput and latency under wrk, written to bench/results.md
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "Install wrk (apt-get install wrk)"; exit 1; }
	$(BIN)/python bench/run.py

soak: install-dev .env ## 60 s at 32 connections while pages are published
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "Install wrk (apt-get install wrk)"; exit 1; }
	$(BIN)/python bench/soak.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
