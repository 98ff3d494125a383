#!/usr/bin/env bash
# Builds the release app (scripts/build.mjs) and lists what takes the bytes of one of its
# modules, by crate and by function (scripts/wasm-sizes.mjs), from a copy optimized as the
# build does but with function names kept. Use it before keeping a new crate or a large
# component.
#   scripts/wasm-sizes.sh                     the main module (what the first page needs)
#   scripts/wasm-sizes.sh split_cards.wasm 40 a feature's module (or a chunk), top 40
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
MODULE="${1:-app.wasm}"
OUT="$ROOT/target/sizes/named"
SPLIT="$ROOT/target/split-build/split"
node scripts/build.mjs
rm -rf "$OUT" && mkdir -p "$OUT"
INPUT="$SPLIT/$MODULE"
if [ "$MODULE" = app.wasm ]; then
  # The main module gets its JS glue first, as in the build (names demangled here).
  wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$OUT" --out-name app "$INPUT"
  INPUT="$OUT/app_bg.wasm"
fi
wasm-opt -Oz --debuginfo --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$INPUT" -o "$OUT/named.wasm"
node scripts/wasm-sizes.mjs "$OUT/named.wasm" "${2:-30}"
