#!/usr/bin/env bash
# Installs what building and testing the toolkit needs. Idempotent: each step checks first and
# is skipped, quickly, when the right version is already there.
#
#   scripts/setup.sh          build tools: wasm32 target, trunk, wasm-bindgen, npm tools, xz
#   scripts/setup.sh --test   the same, plus Chromium, chromedriver, poppler-utils and qpdf
#
# Run by `make setup` / `make setup-test` (and so by `make run`, `make dist`, `make test`).
set -euo pipefail

TRUNK_VERSION="0.21.14"
TEST_APT_PACKAGES=(chromium chromium-driver poppler-utils qpdf)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

with_test_tools=false
for arg in "$@"; do
  case "$arg" in
    --test) with_test_tools=true ;;
    *) echo "setup: unknown option $arg (expected --test)" >&2; exit 2 ;;
  esac
done

step() { printf 'setup: %-34s %s\n' "$1" "$2"; }
need() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "setup: $1 is not installed. $2" >&2
    exit 1
  }
}

# Installs Debian packages with apt-get, through sudo unless run as root.
apt_install() {
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    need sudo "Run as root, or install sudo, to install: $*."
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

need cargo "Install Rust with rustup (https://rustup.rs), then run make again."
need rustup "Install Rust with rustup (https://rustup.rs), then run make again."
need npm "Install Node.js 18 or newer with npm (Debian: apt-get install nodejs npm), then run make again."

# 1. The WebAssembly target.
if rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  step "rust target wasm32-unknown-unknown" "present"
else
  step "rust target wasm32-unknown-unknown" "installing…"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, at the version Trunk.toml expects.
if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
  step "trunk $TRUNK_VERSION" "present"
else
  step "trunk $TRUNK_VERSION" "installing with cargo (about 10 minutes on 2 cores)…"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen CLI, at exactly the version of the wasm-bindgen crate in Cargo.lock.
bindgen_version="$(bash scripts/locked-version.sh wasm-bindgen)"
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $bindgen_version" ]]; then
  step "wasm-bindgen $bindgen_version" "present"
else
  step "wasm-bindgen $bindgen_version" "installing with cargo (about 5 minutes)…"
  # Installed without --locked: that is the form tested with this toolchain (Rust 1.95).
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# 3b. The wasm splitter (scripts/build-app.sh cuts the app into a first module and later parts):
#     the published 0.2.4 with the toolkit's change to how chunks are merged, from vendor/
#     (vendor/wasm-split-cli/README.md says what changed and why).
WASM_SPLIT_VERSION="0.2.4+mhsw.2"
# (The tool has no --version; cargo's list of installed crates says which one is there.)
if cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION " \
    && command -v wasm-split-cli >/dev/null 2>&1; then
  step "wasm-split-cli $WASM_SPLIT_VERSION" "present"
else
  step "wasm-split-cli $WASM_SPLIT_VERSION" "installing with cargo from vendor/ (about 3 minutes)…"
  cargo install --path vendor/wasm-split-cli --features build-binary --locked
fi

# 4. npm tools (wasm-opt from binaryen, axe-core; survey-core and survey-js-ui, the SurveyJS
#    reference page `make bench` compares the app with), exactly as package-lock.json pins them.
stamp="node_modules/.package-lock.sha256"
# The lock file's SHA-256 by node (needed here anyway), not GNU sha256sum, which macOS lacks.
lock_sum="$(node -e 'const fs = require("fs"); const crypto = require("crypto");
  process.stdout.write(crypto.createHash("sha256").update(fs.readFileSync("package-lock.json")).digest("hex"))')"
if [[ -x node_modules/.bin/wasm-opt && -f node_modules/axe-core/axe.min.js && -f node_modules/terser/package.json \
      && -f node_modules/survey-core/survey.core.min.js \
      && -f node_modules/survey-js-ui/survey-js-ui.min.js && -f "$stamp" \
      && "$(cat "$stamp")" == "$lock_sum" ]]; then
  step "npm tools (binaryen, terser, csso, axe-core, SurveyJS)" "present"
else
  step "npm tools (binaryen, terser, csso, axe-core, SurveyJS)" "installing with npm ci…"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > "$stamp"
fi
step "wasm-opt" "$(node_modules/.bin/wasm-opt --version)"

# 4b. xz, which packs what a first visit to a section fetches (scripts/finish-dist.mjs). Part of
#     almost every system (Debian's xz-utils, macOS's Homebrew xz); installed here if it is not.
if command -v xz >/dev/null 2>&1; then
  step "xz" "present"
elif command -v apt-get >/dev/null 2>&1; then
  step "xz" "installing xz-utils…"
  apt_install xz-utils
else
  need xz "Install xz (Debian: apt-get install xz-utils; macOS: brew install xz), then run make again."
fi

# 5. Browser and PDF tools for the tests, from Debian's packages.
if $with_test_tools; then
  missing=()
  for pkg in "${TEST_APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep "install ok installed" >/dev/null; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    step "test packages (apt)" "present: ${TEST_APT_PACKAGES[*]}"
  else
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "setup: the tests need ${missing[*]} (Chromium, chromedriver, pdftotext/pdftoppm and qpdf)," \
           "and apt-get is not available here: install them with your package manager," \
           "make sure chromium and chromedriver are on PATH, then run make test again." >&2
      exit 1
    fi
    step "test packages (apt)" "installing ${missing[*]}…"
    apt_install "${missing[@]}"
  fi
fi

echo "setup: done"
