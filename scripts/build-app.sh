#!/usr/bin/env bash
# Builds the browser app (package mhsw-app) into <dist>/, split into a small first module and
# parts fetched later. Run by Trunk as a post_build hook (Trunk.toml), which sets
# TRUNK_STAGING_DIR and TRUNK_PROFILE; by hand:
#   TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release scripts/build-app.sh
#
# Why not Trunk's own Rust pipeline: the app marks its later parts with `#[wasm_split]` (Leptos'
# split points, in app/src/later.rs), and splitting has to happen between `cargo build` and
# `wasm-bindgen`, a step Trunk 0.21 does not have. So this script runs the same tools Trunk
# would, plus the splitter:
#
#   cargo rustc        the app's wasm, linked with --emit-relocs, which the splitter reads to see
#                      which code each split point reaches (passed to the app's link step only,
#                      so dependencies and the PDF worker build as usual)
#   wasm-split-cli     (crate wasm_split_cli_support, patched in vendor/wasm-split-cli) cuts it into:
#                        mhsw-app.wasm          what the first screen needs
#                        split_<name>_<n>.wasm  one per split point, fetched on first use
#                        chunk_<n>.wasm         code shared by several split points
#                        __wasm_split.js        the loader those use
#   wasm-bindgen       JS glue for the first module (mhsw-app.js, mhsw-app_bg.wasm)
#   trim-glue.mjs      wasm-streams' unused classes out of both, and shorter import names
#   wasm-opt -Oz       every module (release builds)
#   drop-placeholders  the splitter's null table entries out of the first module
#
# assets/boot.js starts mhsw-app.js; nothing else is fetched until the app asks for it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

staging="${TRUNK_STAGING_DIR:?TRUNK_STAGING_DIR is not set: run this through trunk, or set it by hand}"
profile="${TRUNK_PROFILE:-debug}"
# The pinned npm wasm-opt (132) before anything else on PATH; Debian's older one breaks the app.
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Read with a JSON parser (node, which the build already needs for finish-dist.mjs), not sed.
target_dir="$(cargo metadata --format-version 1 --no-deps --offline | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
target_dir="${target_dir:-$here/target}"

cargo_args=(rustc --offline -p mhsw-app --bin mhsw-app --target wasm32-unknown-unknown)
if [[ "$profile" == "release" ]]; then
  cargo_args+=(--release)
fi
cargo_args+=(-- -C link-arg=--emit-relocs)
echo "app: cargo ${cargo_args[*]}"
cargo "${cargo_args[@]}"
wasm="$target_dir/wasm32-unknown-unknown/$profile/mhsw-app.wasm"

split="$target_dir/wasm-split/$profile"
rm -rf "$split"
mkdir -p "$split"
echo "app: wasm-split-cli -> $split"
# Every part but the home page's is loaded after `later`, so the chunks `later` needs are
# merged into two (those it shares with the home page, and the rest): fewer modules, and fewer
# calls between them (vendor/wasm-split-cli/README.md).
wasm-split-cli "$wasm" "$split" --out-name mhsw-app --merge-chunks-of later --apart home

echo "app: wasm-bindgen --target web -> $staging"
# --keep-lld-exports: the later parts share the first module's function table, so it stays exported.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$staging" --out-name mhsw-app "$split/mhsw-app.wasm"
# wasm-streams' unused classes out, and the imports' names without their hashes (before
# wasm-opt, which then drops what only those classes reached).
node scripts/trim-glue.mjs "$staging"
cp "$split"/__wasm_split.js "$staging/"
parts=("$staging/mhsw-app_bg.wasm")
for part in "$split"/*.wasm; do
  [[ "$(basename "$part")" == mhsw-app.wasm ]] && continue
  cp "$part" "$staging/"
  parts+=("$staging/$(basename "$part")")
done

if [[ "$profile" == "release" ]]; then
  echo "app: wasm-opt $(wasm-opt --version) -Oz on ${#parts[@]} modules"
  for part in "${parts[@]}"; do
    # The features rustc's wasm32 target enables; wasm-opt must be told, as the modules carry
    # no feature section. The `target_features` custom section the linker writes is left out
    # (browsers never read it: about 150 bytes in each of the ~90 files).
    # --low-memory-unused: the first kilobyte of memory is never used (Rust's stack grows down
    # from 1 MB towards it), so wasm-opt may fold a pointer's constant offset into its load or
    # store. --converge: the passes again until the module stops shrinking. Both measured on the
    # section's pack (7 December 2026): 204.8 -> 203.2 kB; wasm-opt takes twice as long.
    wasm-opt -Oz --low-memory-unused --converge \
      --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
      --strip-debug --strip-producers --strip-target-features "$part" -o "$part"
  done
  # The splitter's placeholders in the function table out of the first module, now that
  # nothing will move anything into their slots (scripts/drop-placeholders.mjs).
  node scripts/drop-placeholders.mjs "$staging"
fi
for part in "${parts[@]}"; do
  # wc -c, not GNU stat -c: the same on macOS and the BSDs.
  printf 'app:   %-60s %8d bytes\n' "$(basename "$part")" "$(wc -c <"$part" | tr -d ' ')"
done
# Trunk leaves the (skipped) rust <link> in the page; browsers ignore it, but it is noise.
if [[ -f "$staging/index.html" ]]; then
  # Through a temporary file: `sed -i` takes its argument differently in GNU and BSD sed.
  grep -v 'data-trunk-skip' "$staging/index.html" >"$staging/index.html.tmp"
  mv "$staging/index.html.tmp" "$staging/index.html"
fi
