#!/usr/bin/env bash
# Builds the PDF worker (package mhsw-pdf-worker) into <dist>/pdf/. Run by Trunk as a
# post_build hook (Trunk.toml), which sets TRUNK_STAGING_DIR and TRUNK_PROFILE; it can also be
# run by hand: TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release scripts/build-pdf-worker.sh
#
# Output (nothing here is fetched on first load; the app creates the worker on demand):
#   pdf/worker.js                 hand-written worker (assets/pdf-worker.js): message contract
#   pdf/mhsw-pdf-worker.js        wasm-bindgen glue, --target no-modules (global `wasm_bindgen`)
#   pdf/mhsw-pdf-worker_bg.wasm   the worker's code, wasm-opt -Oz in release builds
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

staging="${TRUNK_STAGING_DIR:?TRUNK_STAGING_DIR is not set: run this through trunk, or set it by hand}"
profile="${TRUNK_PROFILE:-debug}"
# Prefer the pinned npm tools (wasm-opt 132) over anything else on PATH.
export PATH="$here/node_modules/.bin:$PATH"

target_dir="$(cargo metadata --format-version 1 --no-deps --offline | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
target_dir="${target_dir:-$here/target}"

cargo_args=(build --offline -p mhsw-pdf-worker --bin mhsw-pdf-worker --target wasm32-unknown-unknown)
if [[ "$profile" == "release" ]]; then
  cargo_args+=(--release)
fi
echo "pdf-worker: cargo ${cargo_args[*]}"
cargo "${cargo_args[@]}"

wasm="$target_dir/wasm32-unknown-unknown/$profile/mhsw-pdf-worker.wasm"
out="$staging/pdf"
mkdir -p "$out"
echo "pdf-worker: wasm-bindgen --target no-modules -> $out"
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" --out-name mhsw-pdf-worker "$wasm"

if [[ "$profile" == "release" ]]; then
  # printpdf exports a JavaScript API (functions named Pdf_*) that would keep about 1 MB of
  # code alive; drop those exports first, then the code only they used, then optimise.
  echo "pdf-worker: wasm-opt $(wasm-opt --version)"
  wasm-opt "$out/mhsw-pdf-worker_bg.wasm" -o "$out/mhsw-pdf-worker_bg.wasm" \
    --remove-exports='Pdf_*' --remove-unused-module-elements -Oz
fi

cp assets/pdf-worker.js "$out/worker.js"
echo "pdf-worker: done ($(du -sh "$out" | cut -f1) in $out)"
