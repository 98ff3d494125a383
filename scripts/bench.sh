#!/usr/bin/env bash
# Sets up everything, builds the release app and runs the benchmarks: the browser one
# (scripts/bench.mjs) and the native ones of the core (benches/debt.rs, benches/card.rs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
node scripts/build.mjs
node scripts/bench.mjs
echo
echo "Native core benchmark (cargo bench --bench debt):"
cargo bench --locked --bench debt 2>/dev/null
echo
echo "Native core benchmark (cargo bench --bench card):"
cargo bench --locked --bench card 2>/dev/null
