# The README's two commands: `make demo` and `make test`. Each installs what is missing.
# `make corpus` (network) fetches the corpus of real decision records into .build/corpus; `make test`
# never fetches it and skips the corpus suites when there is none.
SHELL := /bin/bash
SWIFT ?= swift
# shellcheck: the tests check the shell of the GitHub Action and the CI recipes with it.
APT_PACKAGES := libcmark-gfm-dev cmark-gfm git python3 shellcheck
# Only `make bench` needs these (the Hugo peer of `bearing build`); `make test` does not.
BENCH_APT_PACKAGES := hugo
BIN_DEBUG := .build/debug/bearing
BIN_RELEASE := .build/release/bearing
DEMO_KB := examples/northwind
DEMO_TODAY := 2027-02-17

.PHONY: deps bench-deps build release demo test lsp-test bench bench-quick bench-pathological clean templates-list man corpus fuzz fuzz-smoke dist dist-test

# SwiftPM re-embeds templates/ when a known file changes, not always when one is added or
# removed: when the list of files changes, drop the generated file so the next build remakes it.
templates-list:
	@list="$$(find templates -type f | LC_ALL=C sort)"; mkdir -p .build; \
	if [ "$$list" != "$$(cat .build/templates.list 2>/dev/null)" ]; then \
	  rm -f .build/plugins/outputs/*/BearingCore/destination/EmbedTemplates/EmbeddedTemplates.swift; \
	  printf '%s' "$$list" > .build/templates.list; \
	fi

# Installs Debian packages only when one is missing (apt-get needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The same for the benchmark's extra peers.
bench-deps:
	@missing=""; for p in $(BENCH_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps templates-list
	$(SWIFT) build

release: deps templates-list
	$(SWIFT) build -c release

demo: build
	@echo "== bearing check $(DEMO_KB) --today $(DEMO_TODAY)"
	@$(BIN_DEBUG) check $(DEMO_KB) --today $(DEMO_TODAY) || true
	@echo
	@echo "== bearing report $(DEMO_KB) --today $(DEMO_TODAY)"
	@echo
	@$(BIN_DEBUG) report $(DEMO_KB) --today $(DEMO_TODAY)
	@echo
	@echo "== bearing build $(DEMO_KB) -o _site --today $(DEMO_TODAY)"
	@rm -rf _site  # the demo's own output (bearing build refuses to replace a folder it did not build)
	@$(BIN_DEBUG) build $(DEMO_KB) -o _site --today $(DEMO_TODAY)
	@$(BIN_DEBUG) report $(DEMO_KB) --today $(DEMO_TODAY) --format html -o _site/alignment-report.html
	@$(BIN_DEBUG) export $(DEMO_KB) --today $(DEMO_TODAY) -o _site/northwind.json
	@echo
	@# The digest needs git history. The example reads none in place (`history: off`: this repository's
	@# commits are not its history); examples/make-history.sh builds its own, ending with its files.
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	echo "== bearing digest $$tmp --today $(DEMO_TODAY) (the history of $(DEMO_KB), made by examples/make-history.sh)"; \
	examples/make-history.sh "$$tmp" && echo && $(BIN_DEBUG) digest "$$tmp" --today $(DEMO_TODAY)
	@echo
	@echo "The site: $(CURDIR)/_site/index.html (open it in a browser; it works from disk)."
	@echo "The HTML report (one self-contained file): $(CURDIR)/_site/alignment-report.html (bearing report --format html)."
	@echo "The whole model of $(DEMO_KB): $(CURDIR)/_site/northwind.json (bearing export --format json)."

# After the Swift tests, the built site in a real browser (installs chromium, chromium-driver
# and a Python venv when missing; see scripts/browser-tests.sh), then the language server over
# stdio and in headless Neovim (installs neovim and a venv with pytest-lsp; scripts/lsp-tests.sh).
# The server's tests run in a process of their own: the server they start shares Swift's
# cooperative threads with the tests around it, and the rest of the suite (synchronous work on
# those few threads) would starve it past the clients' waits on a loaded two-core machine.
test: deps templates-list
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip BearingServerTests
	$(SWIFT) test --skip-build --filter BearingServerTests
	scripts/browser-tests.sh
	scripts/lsp-tests.sh
	$(MAKE) dist-test

# The language-server suite alone (Tests/lsp), on a fresh debug build.
lsp-test: deps templates-list
	$(SWIFT) build
	scripts/lsp-tests.sh

# The corpus the corpus tests read when neither $$BEARING_CORPUS nor ../shared/corpus is there:
# clones each public repository at its pinned commit and checks out the files of
# Tests/BearingCoreTests/Fixtures/corpus/expected/ into .build/corpus (see scripts/fetch-corpus.sh).
# Needs GitHub; where it is out of reach it names each repository it could not fetch, fails, and
# leaves .build/corpus as it was. Not part of `make test`.
corpus:
	scripts/fetch-corpus.sh

# libFuzzer on the document pipeline, front matter and YAML, and the query language (docs/security.md):
# FUZZ_SECONDS per target (default 600); crashes go to .build-fuzz/artifacts/. Not part of `make test`
# (its first build alone takes longer than the suite); CI runs `make fuzz-smoke` after it.
fuzz: deps templates-list
	scripts/fuzz.sh

# A fixed number of inputs per target from a fixed seed: deterministic, so CI runs it (.ci/run).
fuzz-smoke: deps templates-list
	FUZZ_SMOKE=1 scripts/fuzz.sh

# Every row of scripts/bench.py (serve and the 100k scale row included): prints the results and
# writes bench/results/latest.md. About 15 min on 2 cores, more on a loaded machine; the first run also
# generates .bench/kb-100k (about 8 min of CPU). See docs/performance.md.
bench: release bench-deps
	python3 scripts/bench.py

# The main rows only, 3 runs each, into bench/results/quick.md (not committed).
bench-quick: release bench-deps
	python3 scripts/bench.py --runs 3 --disk-runs 0 --only cmark,check,build,hugo,rebuild,serve,lsp --results bench/results/quick.md

# One file of each pathological shape (8 MiB) through check and build: median time and peak memory
# against the per-file target of SPEC §9 (docs/security.md). A benchmark, not a test.
bench-pathological: release
	python3 scripts/bench_pathological.py

# The man page, from the command line's own help (swift-argument-parser's generate-manual plugin):
# writes .build/plugins/GenerateManual/outputs/bearing/bearing.1 (`man -l` it, or copy it to a man1 folder).
man: deps templates-list
	$(SWIFT) package generate-manual --configuration debug --date 2027-01-01 --authors "The Bearing team"
	@echo "man page: $(CURDIR)/.build/plugins/GenerateManual/outputs/bearing/bearing.1"

# The self-contained Linux tarball and its SHA-256 in dist/ (scripts/dist.sh, docs/install.md):
# the release binary with the Swift runtime and Foundation static, cmark-gfm's shared libraries
# beside it, the version and commit stamped. No network once the dependencies are checked out.
# About 10 min on 2 cores from a clean .build (the static release build); `make test` ends with it.
dist: deps templates-list
	scripts/dist.sh

# The tarball's binary run alone (empty environment, no toolchain library loaded, cmark-gfm from
# the tarball): --version, check, build and serve on the example. The last step of `make test`.
dist-test: dist
	scripts/dist-test.sh

clean:
	rm -rf .build .build-fuzz _site .bench
