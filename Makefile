# hvp-desktop: `make run` opens the app on a demo file; `make test` runs the whole suite headless.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_DIR := demo
DEMO := $(DEMO_DIR)/demo.hvpdb
# A pristine demo, built again only when the code or resources that make it change; `make run`
# copies it, so every run starts on a fresh demo in about a second.
PRISTINE := $(DEMO_DIR)/.pristine.hvpdb
DEMO_SOURCES := $(shell find hvp_desktop resources -type f \( -name '*.py' -o -name '*.sql' -o -name '*.json' \) 2>/dev/null)
QM := resources/translations/hvp_desktop_zh_CN.qm
APT_PACKAGES := libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 fonts-wqy-zenhei \
	xvfb libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	poppler-utils gcc libssl-dev libreoffice-calc-nogui

.PHONY: run test system-deps venv translations demo sqlcipher-shell bench constraints clean

run: venv translations $(PRISTINE)
	@$(PY) -m hvp_desktop demo $(DEMO) --force --copy-of $(PRISTINE)
	@echo "已签名的导出示例 (signed examples: sheets, result, assessment report, audit pack): $(DEMO_DIR)/signed"
	HVP_PASSWORD=hvp-demo-2026 $(PY) -m hvp_desktop $(DEMO)

$(PRISTINE): $(DEMO_SOURCES) | $(VENV)/.installed
	@mkdir -p $(DEMO_DIR)
	@$(PY) -m hvp_desktop demo $@ --force --exports $(DEMO_DIR)/signed >/dev/null

test: venv translations sqlcipher-shell
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

# Debian/Ubuntu packages Qt, the CJK font, Xvfb and the PDF checks need. Installed when root,
# otherwise the exact command is printed and make stops.
system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then echo "Not a Debian/Ubuntu system: install the equivalent of: $$missing (see README)"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Missing system packages. Run:"; echo "  sudo apt-get install -y $$missing"; exit 1; \
	fi

$(VENV)/.installed: pyproject.toml constraints.txt | system-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	@touch $@

venv: system-deps $(VENV)/.installed

translations: $(QM)

$(QM): resources/translations/hvp_desktop_zh_CN.ts $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# A SQLCipher 4 shell for checking files by hand (Debian 12's sqlcipher is 3.4 and cannot).
sqlcipher-shell:
	@bash tools/build-sqlcipher-shell.sh >/dev/null || echo "sqlcipher shell not built: its test will be skipped"

bench: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

# Refresh the exact versions after changing dependencies in pyproject.toml.
constraints:
	$(PY) -m pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) $(DEMO_DIR) tools/sqlcipher-shell $(QM)
