#!/usr/bin/env bash
# The optional nightly toolchain that builds the app's release wasm with panics that stop at once.
#
#   scripts/nightly-abort.sh install   (scripts/setup.sh) where a nightly toolchain is already
#                                      installed, add its standard library's source (rust-src)
#                                      and fetch the crates that source needs, so release builds
#                                      can rebuild the standard library offline
#   scripts/nightly-abort.sh check     succeeds when a release build can use it
#
# Nothing here installs a toolchain: a machine without nightly builds the app with stable, the
# same app with panic messages formatted as ever (about 40 kB more to download; README, "Where
# the bytes go"). `install` never fails the setup; it says what it could not do.
set -euo pipefail

export PATH="$HOME/.cargo/bin:$PATH"

# The nightly this was measured with (rustc 1.97.0-nightly, 19 May 2026) or any later one
# that still has `-Cpanic=immediate-abort`; `check` builds nothing, so a nightly without it
# fails in the build, which then falls back to stable (scripts/build-app.sh).
has_nightly() { rustc +nightly --version >/dev/null 2>&1; }
library() { echo "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library"; }

case "${1:-}" in
  check)
    has_nightly && [[ -f "$(library)/Cargo.lock" ]] && [[ "${MHSW_STABLE_ONLY:-}" != 1 ]]
    ;;
  install)
    if ! has_nightly; then
      printf 'setup: %-34s %s\n' "nightly toolchain" "absent: release builds use stable (panic messages kept)"
      exit 0
    fi
    if [[ ! -f "$(library)/Cargo.lock" ]]; then
      printf 'setup: %-34s %s\n' "nightly rust-src" "installing…"
      rustup component add rust-src --toolchain nightly ||
        echo "setup: nightly rust-src could not be installed: release builds use stable (panic messages kept)"
    fi
    if [[ -f "$(library)/Cargo.lock" ]]; then
      if cargo +nightly fetch --manifest-path "$(library)/Cargo.toml" --quiet; then
        printf 'setup: %-34s %s\n' "rust $(rustc +nightly --version | cut -d' ' -f2)" "present, with rust-src (release builds: panics abort at once)"
      else
        echo "setup: the standard library's crates could not be fetched: release builds use stable"
      fi
    fi
    ;;
  *)
    echo "usage: scripts/nightly-abort.sh check|install" >&2
    exit 2
    ;;
esac
