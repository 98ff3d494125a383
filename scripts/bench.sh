#!/usr/bin/env bash
# Sets up everything, builds the release app and runs the benchmark (scripts/bench.mjs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release
node scripts/bench.mjs
echo
echo "Native core benchmark (cargo bench --bench debt):"
cargo bench --locked --bench debt 2>/dev/null
