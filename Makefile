# The two commands that do everything on a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/clarity-report

.PHONY: demo test deps build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product clarity-report

demo: build
	$(BIN) demo

# The browser tests need Chromium, so `make test` installs it too.
test:
	@CLARITY_WITH_BROWSER=1 scripts/install-deps.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/check-reports.sh $(BIN)
