#!/usr/bin/env bash
# Sets up everything, builds the release app and serves it at http://127.0.0.1:${PORT:-8080}/
# (precompressed, with cache headers: scripts/serve.mjs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
node scripts/build.mjs
# Sends the build's precompressed copies (.br, .gz) and cache headers; see scripts/serve.mjs.
exec node scripts/serve.mjs "$ROOT/dist" "${PORT:-8080}"
