# The two commands that do everything on a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/clarity-report

# `make install [PREFIX=/usr/local] [DESTDIR=]`: what it puts, and `make uninstall` removes, is exactly these files.
PREFIX ?= /usr/local
DESTDIR ?=
RELEASE_BIN := .build/release/clarity-report
MANUAL := .build/plugins/GenerateManual/outputs/clarity-report/clarity-report.1
INSTALLED_BIN := $(DESTDIR)$(PREFIX)/bin/clarity-report
INSTALLED_MAN := $(DESTDIR)$(PREFIX)/share/man/man1/clarity-report.1
INSTALLED_BASH := $(DESTDIR)$(PREFIX)/share/bash-completion/completions/clarity-report
INSTALLED_ZSH := $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_clarity-report
INSTALLED_FISH := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/clarity-report.fish
INSTALLED := $(INSTALLED_BIN) $(INSTALLED_MAN) $(INSTALLED_BASH) $(INSTALLED_ZSH) $(INSTALLED_FISH)

.PHONY: demo test deps build templates release install uninstall check-install format

# Formats the tree with the toolchain's swift-format and .swift-format (`make test` lints it with --strict).
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product clarity-report

demo: build
	$(BIN) demo

# The browser tests need Chromium, so `make test` installs it too.
test:
	@CLARITY_WITH_BROWSER=1 scripts/install-deps.sh
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift
	$(SWIFT) build --build-tests
	$(SWIFT) test
	scripts/check-reports.sh $(BIN)

# Regenerates Sources/ClarityRender/Templates/BuiltInTemplates.swift from templates/ (rebuild afterwards).
templates:
	$(SWIFT) build --build-tests
	CLARITY_RECORD_GOLDENS=1 $(SWIFT) test --skip-build --filter BuiltInTemplatesTests

# The release binary, with the Swift runtime linked in, and its manual page from ArgumentParser's generate-manual plugin.
# The plugin builds the package to read its help; a debug build has the same help and is the one `make build` keeps
# up to date, so the release build is done once, with --static-swift-stdlib.
release: deps
	$(SWIFT) package plugin generate-manual --configuration debug
	$(SWIFT) build -c release --product clarity-report --static-swift-stdlib

install: release
	install -d $(dir $(INSTALLED))
	install -s -m 755 $(RELEASE_BIN) $(INSTALLED_BIN)
	install -m 644 $(MANUAL) $(INSTALLED_MAN)
	$(RELEASE_BIN) --generate-completion-script bash > $(INSTALLED_BASH)
	$(RELEASE_BIN) --generate-completion-script zsh > $(INSTALLED_ZSH)
	$(RELEASE_BIN) --generate-completion-script fish > $(INSTALLED_FISH)
	@echo "Installed: $(INSTALLED)"

uninstall:
	rm -f $(INSTALLED)

# Installs into a scratch DESTDIR and checks the result (a release build: several minutes, so not part of `make test`).
check-install:
	scripts/check-install.sh
