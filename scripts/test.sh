#!/usr/bin/env bash
# Sets up everything and runs every test: formatting and lints, the core's native tests, the
# release build, and the end-to-end tests in headless Chromium against that build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check
step "lints (native, and the web shell for wasm32)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --locked --features split -- -D warnings
step "core tests (native)"
# The card tests write their exports here for the checks below.
rm -rf target/corpus-readmes target/fixture-readmes target/mct-exports target/bom-exports
cargo test --locked
step "exported cards checked with their users' tools (huggingface_hub, the formats' JSON schemas)"
PY="$PY_VENV/bin/python"
CORPUS="$ROOT/../shared/corpus"
"$PY" scripts/check_hf_roundtrip.py tests/fixtures/readme target/fixture-readmes
if [ -d "$CORPUS" ]; then
  "$PY" scripts/check_hf_roundtrip.py "$CORPUS/hf" target/corpus-readmes
  "$PY" scripts/check_schemas.py mct "$CORPUS/mct/schema/v0.0.2/model_card.schema.json" target/mct-exports/*.json
  "$PY" scripts/check_schemas.py cyclonedx "$CORPUS/cyclonedx/schema" target/bom-exports/*.json
else
  echo "SKIPPED: ../shared/corpus/ is not there; no real README was read with huggingface_hub and no MCT or CycloneDX export was checked against its schema (the schemas are in the corpus)."
fi
step "release build"
node scripts/build.mjs
step "panic-drill build (test only: adds a button that panics)"
node scripts/build.mjs --features panic-drill --dist target/panic-drill-dist
step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
