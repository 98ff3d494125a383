#!/usr/bin/env bash
# Builds the wasm with function names kept and lists what takes the bytes, by crate and by
# function (scripts/wasm-sizes.mjs). Use it before keeping a new crate or a large component.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
OUT="$ROOT/target/sizes/named"
cargo build --release --target wasm32-unknown-unknown --target-dir target/sizes
wasm-bindgen --target web --out-dir "$OUT" target/sizes/wasm32-unknown-unknown/release/mlops-governance-workbench.wasm
wasm-opt -Oz --debuginfo "$OUT/mlops-governance-workbench_bg.wasm" -o "$OUT/named.wasm"
node scripts/wasm-sizes.mjs "$OUT/named.wasm" "${1:-30}"
