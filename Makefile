# The toolkit's commands. Start with `make run` (try the app) or `make test` (check everything).
# Each target prints what it does. Tools are installed by scripts/setup.sh, idempotently.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The pinned npm tools first (wasm-opt 132: Debian's older wasm-opt breaks the app), then cargo's.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Cargo already runs one job per core (CARGO_BUILD_JOBS overrides it); on a 2-core machine
# the browser tests run two headless Chromiums at once, which is fine.

say = @printf '\n==> %s\n' "$(1)"

.PHONY: help setup setup-test fetch run dist test bench clean

help:
	@echo "make run         build the app and serve it at http://127.0.0.1:8080/"
	@echo "make test        formatting, lints, docs, native tests, release build, browser tests"
	@echo "make dist        release build into dist/ (deploy that folder to any static host)"
	@echo "make bench       performance figures (table + target/bench.json)"
	@echo "make setup       install the build tools (run by the targets above)"
	@echo "make setup-test  install the build tools and the browser/PDF test tools"
	@echo "make clean       remove dist/ and cargo's target/"

setup:
	$(call say,setup: build tools)
	bash scripts/setup.sh

setup-test:
	$(call say,setup: build and test tools)
	bash scripts/setup.sh --test

fetch:
	$(call say,cargo fetch (builds run offline))
	cargo fetch

run: setup fetch
	$(call say,trunk serve --release on http://127.0.0.1:8080/ (Ctrl-C to stop))
	trunk serve --release --address 127.0.0.1 --port 8080

dist: setup fetch
	$(call say,trunk build --release into dist/)
	trunk build --release
	@du -sh dist dist/pdf | sed 's/^/    /'

test: setup-test fetch
	$(call say,1/8 cargo fmt --all --check)
	cargo fmt --all --check
	$(call say,2/8 cargo clippy (native, all targets))
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	$(call say,3/8 cargo clippy (wasm32: the app and its workers))
	cargo clippy -p mhsw-app -p mhsw-pdf-worker -p mhsw-import-worker --target wasm32-unknown-unknown -- -D warnings
	$(call say,4/8 cargo doc --workspace --no-deps (warnings are errors))
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps
	$(call say,5/8 native tests: cargo test --workspace (the core, the command line, the workers; the app's own unit tests))
	cargo test --workspace --exclude mhsw-app
	cargo test -p mhsw-app --lib
	$(call say,6/8 trunk build --release into dist/)
	trunk build --release
	$(call say,7/8 build the browser tests)
	cargo test -p mhsw-toolkit --features browser-tests --test browser --no-run
	$(call say,8/8 browser tests: dist/ in headless Chromium)
	cargo test -p mhsw-toolkit --features browser-tests --test browser

bench: dist
	$(call say,cargo bench --profile native --bench bench)
	@# The native profile (speed, fat LTO): about 10 minutes the first time on 2 cores, then
	@# about 20 seconds after a change.
	cargo bench --profile native --bench bench

clean:
	$(call say,remove dist/ and target/)
	rm -rf dist
	cargo clean
