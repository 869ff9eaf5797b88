#!/usr/bin/env bash
# Prints the version of a crate as pinned in Cargo.lock: scripts/locked-version.sh wasm-bindgen
# Fails if the crate is missing or locked at more than one version.
set -euo pipefail
crate="${1:?usage: locked-version.sh CRATE}"
lock="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Cargo.lock"
versions="$(awk -v name="$crate" '
  $0 == "[[package]]" { in_pkg = 1; found = 0; next }
  in_pkg && $1 == "name" { found = ($3 == "\"" name "\"") }
  in_pkg && found && $1 == "version" { gsub(/"/, "", $3); print $3; found = 0 }
' "$lock" | sort -u)"
count="$(printf '%s' "$versions" | grep -c . || true)"
if [[ "$count" != 1 ]]; then
  echo "locked-version: expected one version of $crate in Cargo.lock, found ${count}: ${versions//$'\n'/ }" >&2
  exit 1
fi
echo "$versions"
