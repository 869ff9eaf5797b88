#!/usr/bin/env bash
# The one post_build hook (Trunk.toml): builds the code into Trunk's staging folder, then
# finishes it for offline use. Trunk starts all hooks of a stage at the same time, so steps
# that must follow others are chained here rather than listed as separate hooks.
#
#   scripts/build-app.sh         the app, split into a first module and later parts
#   scripts/build-worker.sh pdf  the PDF worker, into pdf/          (these three side by side)
#   scripts/build-worker.sh import  the import worker, into import/
#   scripts/finish-dist.mjs      boot.js's list of the later part's files (from the splitter's
#                                loader), release names for the code files, and sw.js with the
#                                list of every file to keep offline (needs all of the above in place)
#
# By hand: TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release scripts/build-code.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

bash scripts/build-app.sh &
app=$!
bash scripts/build-worker.sh pdf &
pdf=$!
bash scripts/build-worker.sh import &
import=$!
status=0
wait "$app" || status=$?
wait "$pdf" || status=$?
wait "$import" || status=$?
if [[ "$status" -ne 0 ]]; then
  echo "build-code: a build step failed (exit $status)" >&2
  exit "$status"
fi
node scripts/finish-dist.mjs
