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

## bench: tietopankki against Hugo 0.111 on generated corpora of 1,000 and 5,000 files (BENCH_LARGE=1 adds
## 20,000); prints the table and writes bench/results.md. See "Benchmark" in README.md.
bench: build
	bench/run.sh --tool $(RELEASE_BIN)

clean:
	rm -rf .build output/*/ output/index.html
