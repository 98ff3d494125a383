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
step "core tests (native)"
cargo test --locked
step "exported READMEs read by the Hub's own client (huggingface_hub)"
if [ -d "$ROOT/../shared/corpus/hf" ]; then
  "$PY_VENV/bin/python" scripts/check_hf_roundtrip.py "$ROOT/../shared/corpus/hf" target/corpus-readmes
else
  echo "SKIPPED: ../shared/corpus/hf/ is not there; no real README was checked with huggingface_hub."
fi
step "release build"
trunk build --release
step "panic-drill build (test only: adds a button that panics)"
trunk build --release --features panic-drill --dist target/panic-drill-dist
step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
