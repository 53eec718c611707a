# A Cold Business Deal: the single entry point. Needs only Python 3.11+ to start.
#   make lab        set up and open the course in JupyterLab
#   make lab-nl     the same, in Dutch: the Dutch edition, JupyterLab's menus in Dutch
#   make test       set up and run every test (what CI runs)
#   make execute    re-run every notebook in place so stored outputs are fresh
#   make student    rebuild the student edition student/ from notebooks/ (commit it)
#   make readme     rewrite the README's table of notebooks from course.toml
#   make handouts   offline HTML and PDF handouts under build/handouts/
#   make bench      time the notebooks, widgets, handouts and tests
#   make classroom  one JupyterHub for a whole class on this machine (as root; deploy/README.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The notebooks nbval runs: what is in notebooks/ and teacher/, both editions (nl/: Dutch)
# (tests/test_course.py checks that
# this is exactly what course.toml lists).
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb teacher/*.ipynb notebooks/nl/*.ipynb teacher/nl/*.ipynb))

.PHONY: setup lab lab-nl test lint execute student readme handouts bench bench-browser clean
.PHONY: classroom classroom-publish classroom-remove-students classroom-bench

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,classroom,hub]'
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@cp tools/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

# As root (containers), JupyterLab refuses to start without --allow-root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/notebooks/01-reading-the-article.ipynb

# The Dutch edition, with JupyterLab's menus in Dutch: the same settings as `make lab` plus
# the Dutch locale, in a settings folder of its own under build/ (English `make lab` stays English).
LAB_NL := build/lab-nl
lab-nl: setup
	@$(BIN)/python tools/classroom.py lab-settings nl "$(LAB_NL)"
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.app_settings_dir="$(CURDIR)/$(LAB_NL)" \
		--LabApp.default_url=/lab/tree/notebooks/nl/01-het-artikel-lezen.ipynb

lint: setup
	$(BIN)/ruff check helpers tests tools deploy/jupyterhub_config.py benchmarks/classroom_bench.py
	$(BIN)/ruff format --check helpers tests tools deploy/jupyterhub_config.py benchmarks/classroom_bench.py

test: lint
	$(BIN)/python -m pytest --nbval --nbval-current-env \
		--nbval-sanitize-with tests/sanitize.cfg tests helpers $(NOTEBOOKS)

execute: setup
	$(BIN)/python tools/execute_notebooks.py

student: setup
	$(BIN)/python tools/student.py

readme: setup
	$(BIN)/python tools/readme.py

handouts: setup
	$(BIN)/python tools/handouts.py

bench: setup
	$(BIN)/python benchmarks/bench.py

bench-browser: setup
	$(BIN)/python -m pytest -q -s -p no:cacheprovider benchmarks/browser_latency.py

# Mutation testing of the formula and checker modules (not part of `make test`; slow: 70-80
# minutes, one worker): writes tests/mutation/REPORT.md. CONTRIBUTING.md says when to rerun.
.PHONY: mutants
mutants: setup
	$(BIN)/python tools/mutants.py

clean:
	rm -rf $(VENV) build

# A class on one server (deploy/README.md): JupyterHub, one system user per student, the student
# edition pulled into each home by nbgitpuller. Needs root.
#   make classroom [ROSTER=file] [PORT=8000] [HOST=0.0.0.0 AUTH_CONFIG=file] [COURSE_REPO=url BRANCH=name]
ROSTER ?= deploy/roster-demo.txt
PORT   ?= 8000
STUDENTS ?= 5 10 20 30

classroom: setup
	@$(BIN)/python tools/classroom.py start --roster "$(ROSTER)" --port "$(PORT)" \
		$(if $(HOST),--host "$(HOST)") $(if $(AUTH_CONFIG),--auth-config "$(AUTH_CONFIG)") \
		$(if $(COURSE_REPO),--course-repo "$(COURSE_REPO)") $(if $(BRANCH),--branch "$(BRANCH)") \
		$(if $(LANGUAGE),--language "$(LANGUAGE)")

# Put the current student/ into the class's course repository (students get it next time).
classroom-publish: setup
	$(BIN)/python tools/classroom.py publish

# Delete the accounts and homes of the students on ROSTER (their work too).
classroom-remove-students: setup
	$(BIN)/python tools/classroom.py remove-students --roster "$(ROSTER)"

# A simulated class on the real hub: make classroom-bench STUDENTS="5 10 20 30"
classroom-bench: setup
	$(BIN)/python benchmarks/classroom_bench.py --students $(STUDENTS)
