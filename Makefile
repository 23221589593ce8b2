# tietopankki: the two commands a fresh Debian machine needs are `make site` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build needs (system libraries behind the CCmarkGFM, CLibXML2, CStemmer, CVoikko and
# CVips targets; voikko-fi is Voikko's Finnish dictionary), and exiftool, which the picture tests read metadata with.
DEB_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libmimalloc-dev libstemmer-dev libvoikko-dev voikko-fi libvips-dev \
	libimage-exiftool-perl pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/tietopankki
# The build moment for `make site`; empty means "now" (`make check-site` then uses its fixed moment).
NOW ?=
# The site checks' tools (issue 3): Debian packages and a virtualenv of pinned PyPI packages.
CHECK_DEB_PACKAGES := chromium chromium-driver default-jre-headless libxml2-utils fonts-dejavu-core nginx poppler-utils
PYTHON ?= python3
CHECK_VENV := .venv
CHECK_VENV_STAMP := $(CHECK_VENV)/.check-tools-installed
# The binary the site checks judge, and the target that makes it: the release build by default. CI passes
# the debug build `make test` has just made (CHECK_BINARY=.build/debug/tietopankki CHECK_BUILD=debug-build):
# the same output bytes, without compiling everything a second time with optimisations (4 of CI's minutes).
CHECK_BINARY ?= $(RELEASE_BIN)
CHECK_BUILD ?= build

.PHONY: deps build debug-build site test golden serve check check-site check-site-selftest check-specializing check-tools bench fuzz clean

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

## debug-build: debug build of the tool and the tests (what `make test` builds)
debug-build: deps
	$(SWIFT) build --build-tests

## site: build the tool and the sample site into output/
site: build
	$(RELEASE_BIN) build $(if $(NOW),--now $(NOW))

## test: every test (unit, golden files, invalid input, end to end)
test: debug-build
	$(SWIFT) test --skip-build

## golden: re-record the golden files after an intended change of output (review the diff!)
golden: deps
	TIETOPANKKI_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenSiteTests

## check: validate content without writing output/
check: build
	$(RELEASE_BIN) check

## serve: preview the sample site on http://127.0.0.1:8080/ (drafts shown, reloads on save)
serve: build
	$(RELEASE_BIN) serve

## check-tools: the third-party site checkers — Debian packages when missing, and a virtualenv in .venv/
## (git-ignored) with the pinned PyPI packages of checks/requirements.txt. See README, "Site checks".
check-tools: $(CHECK_VENV_STAMP)
	@missing=""; for p in $(CHECK_DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the site checks:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(CHECK_VENV_STAMP): checks/requirements.txt
	rm -rf $(CHECK_VENV)
	$(PYTHON) -m venv $(CHECK_VENV) || { rm -rf $(CHECK_VENV); echo "Installing python3-venv"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv && \
		$(PYTHON) -m venv $(CHECK_VENV); }
	$(CHECK_VENV)/bin/pip install --quiet --disable-pip-version-check --no-input -r checks/requirements.txt
	touch $@

## check-site: build the sample site (fixed --now; again with --drafts --future) with the release binary
## and judge the output: vnu, axe-core in Chromium (+ reflow, text size, screenshots/), links and
## anchors, feeds and sitemap, calendars.
check-site: $(CHECK_BUILD) check-tools
	$(CHECK_VENV)/bin/python checks/run.py --binary $(CHECK_BINARY) $(if $(NOW),--now $(NOW))

## check-site-selftest: proves each checker fails, with a readable message, on one deliberate break
check-site-selftest: $(CHECK_BUILD) check-tools
	$(CHECK_VENV)/bin/python checks/selftest.py --binary $(CHECK_BINARY)

## check-specializing: a generated 1,000-file corpus (fixed seed; also --drafts --future) built with and
## without the template fast path (TIETOPANKKI_NO_SPECIALIZING=1); fails on any byte of difference.
check-specializing: $(CHECK_BUILD)
	checks/specializing.sh $(CHECK_BINARY)

## bench: tietopankki against Hugo 0.111 on generated corpora of 1,000 and 5,000 files (BENCH_LARGE=1 adds
## 20,000); prints the table and writes bench/results.md. See "Benchmark" in README.md.
bench: build
	bench/run.sh --tool $(RELEASE_BIN)


## fuzz: run the libFuzzer targets (fuzz-item: front matter + YAML + fields; fuzz-markdown: cmark, links,
## heading ids) for FUZZ_SECONDS each, seeded with the fixtures and the sample content (docs/fuzzing.md).
## Findings are written to .build-fuzz/findings/; replay one with .build/debug/fuzz-markdown FILE.
FUZZ_SECONDS ?= 180
FUZZ_TARGETS ?= fuzz-item fuzz-markdown
fuzz: deps
	@set -e; for target in $(FUZZ_TARGETS); do \
		$(SWIFT) build -c release --product $$target --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address \
			-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING; \
		mkdir -p .build-fuzz/corpus/$$target .build-fuzz/seeds .build-fuzz/findings; \
		find Tests/Fixtures content -name '*.md' -exec cp {} .build-fuzz/seeds/ \; ; \
		echo "== $$target for $(FUZZ_SECONDS) s"; \
		.build-fuzz/release/$$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
			-artifact_prefix=.build-fuzz/findings/$$target- -print_final_stats=1 \
			.build-fuzz/corpus/$$target .build-fuzz/seeds; \
	done
clean:
	rm -rf .build output/*/ output/index.html .checks screenshots

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
