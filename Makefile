# tietopankki: the two commands a fresh Debian machine needs are `make site` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build needs (system libraries behind the CCmarkGFM and CLibXML2 targets).
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/tietopankki
# The build moment for `make site`; empty means "now".
NOW ?=

.PHONY: deps build site test golden serve check check-site bench clean

## deps: install the Debian packages the build needs, when missing
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## build: release build of the tool
build: deps
	$(SWIFT) build -c release --product tietopankki

## site: build the tool and the sample site into output/
site: build
	$(RELEASE_BIN) build $(if $(NOW),--now $(NOW))

## test: every test (unit, golden files, invalid input, end to end)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## golden: re-record the golden files after an intended change of output (review the diff!)
golden: deps
	TIETOPANKKI_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenSiteTests

## check: validate content without writing output/
check: build
	$(RELEASE_BIN) check

serve:
	@echo "tietopankki serve: not yet (issue 8)"

check-site:
	@echo "make check-site: not yet (issue 3)"

bench:
	@echo "make bench: not yet (issue 9)"

clean:
	rm -rf .build output/*/ output/index.html

# Installation: the release binary, its man page and shell completion for bash and zsh.
# `make build && sudo make install`, or without root: `make install PREFIX=$HOME/.local`.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/zsh/site-functions

.PHONY: install uninstall

# The release binary, rebuilt when a source changed since it was made.
$(RELEASE_BIN): Package.swift $(shell find Sources -type f 2>/dev/null)
	$(SWIFT) build -c release --product tietopankki

## install: tietopankki, man page and bash/zsh completion under PREFIX (default /usr/local)
install: $(RELEASE_BIN)
	install -d $(BINDIR) $(MANDIR) $(BASH_COMPLETIONS) $(ZSH_COMPLETIONS)
	install -m 755 $(RELEASE_BIN) $(BINDIR)/tietopankki
	install -m 644 docs/tietopankki.1 $(MANDIR)/tietopankki.1
	$(RELEASE_BIN) --generate-completion-script bash > $(BASH_COMPLETIONS)/tietopankki
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSH_COMPLETIONS)/_tietopankki
	@echo "Installed tietopankki in $(BINDIR) (man tietopankki; completion for bash and zsh)"

## uninstall: remove what install installed
uninstall:
	rm -f $(BINDIR)/tietopankki $(MANDIR)/tietopankki.1 $(BASH_COMPLETIONS)/tietopankki $(ZSH_COMPLETIONS)/_tietopankki
