#!/usr/bin/env bash
# Builds one of the app's Web Workers into <dist>/<folder>/. Run by scripts/build-code.sh (Trunk's
# post_build hook), which sets TRUNK_STAGING_DIR and TRUNK_PROFILE; by hand:
#   TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release scripts/build-worker.sh pdf
#
# The workers (nothing here is fetched on first load; the app creates each on demand):
#   pdf     package mhsw-pdf-worker:    PDF reports        (assets/pdf-worker.js)
#   import  package mhsw-import-worker: reading imports    (assets/import-worker.js)
# Output for each, in <dist>/<folder>/:
#   <folder>-worker.js        the hand-written worker: its message contract (unique names:
#                             release names are made from file names)
#   mhsw-<folder>-worker.js   wasm-bindgen glue, --target no-modules (global `wasm_bindgen`)
#   mhsw-<folder>-worker_bg.wasm   its code, wasm-opt -Oz in release builds (-O3 for the import
#                             worker, built for speed)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

folder="${1:?which worker: pdf or import}"
package="mhsw-$folder-worker"
staging="${TRUNK_STAGING_DIR:?TRUNK_STAGING_DIR is not set: run this through trunk, or set it by hand}"
profile="${TRUNK_PROFILE:-debug}"
# Prefer the pinned npm tools (wasm-opt 132) over anything else on PATH.
export PATH="$here/node_modules/.bin:$PATH"

target_dir="$(cargo metadata --format-version 1 --no-deps --offline | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
target_dir="${target_dir:-$here/target}"

cargo_args=(build --offline -p "$package" --bin "$package" --target wasm32-unknown-unknown)
# The cargo profile's folder under target/: release builds of the import worker use their own
# profile, built for speed (Cargo.toml, [profile.import-worker]); everything else is built for size.
built="$profile"
optimise=-Oz
if [[ "$profile" == "release" && "$folder" == "import" ]]; then
  built=import-worker
  optimise=-O3
  cargo_args+=(--profile import-worker)
elif [[ "$profile" == "release" ]]; then
  cargo_args+=(--release)
fi
echo "$folder worker: cargo ${cargo_args[*]}"
cargo "${cargo_args[@]}"

wasm="$target_dir/wasm32-unknown-unknown/$built/$package.wasm"
out="$staging/$folder"
mkdir -p "$out"
echo "$folder worker: wasm-bindgen --target no-modules -> $out"
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" --out-name "$package" "$wasm"

if [[ "$profile" == "release" ]]; then
  # printpdf exports a JavaScript API (functions named Pdf_*) that would keep about 1 MB of
  # code alive; drop those exports first, then the code only they used, then optimise, and
  # leave out the linker's `target_features` section (browsers never read it).
  echo "$folder worker: wasm-opt $(wasm-opt --version)"
  wasm-opt "$out/${package}_bg.wasm" -o "$out/${package}_bg.wasm" \
    --remove-exports='Pdf_*' --remove-unused-module-elements "$optimise" --strip-target-features
fi

cp "assets/$folder-worker.js" "$out/$folder-worker.js"
if [[ "$folder" == "pdf" ]]; then
  # The script faces (scripts/subset-noto.sh), fetched by the worker only for a report that
  # has their script, with their licence.
  mkdir -p "$out/fonts"
  cp assets/fonts/Noto*-subset.ttf assets/fonts/LICENSE-Noto.txt "$out/fonts/"
fi
echo "$folder worker: done ($(du -sh "$out" | cut -f1) in $out)"
