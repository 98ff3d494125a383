#!/usr/bin/env bash
# Installs every tool the workbench needs, at pinned versions, and puts them on PATH.
# Idempotent and quick when everything is there. Sourced by scripts/serve.sh and scripts/test.sh;
# can also be run alone. Needs: Debian, rustup, node/npm, and the package registries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The splitter of the release build (scripts/build.mjs); 0.2.3 or later for wasm-bindgen 0.2.130.
WASM_SPLIT_VERSION="0.2.4"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or trunk fails.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. The wasm32 target of the one installed Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian's Chromium and ChromeDriver for the browser tests (never a downloaded browser).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 3. Trunk, built from crates.io at a pinned version (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli. Without --locked: its lockfile names a crate version the registry lacks.
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 4b. wasm-split-cli, which cuts the release wasm into a main module and feature chunks.
# (It has no --version; cargo's list of installed packages tells the version.)
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# 5. npm packages from the lockfile: wasm-opt (binaryen), playwright-core, axe-core.
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Debian's binaryen (wasm-opt 108) builds an app that crashes at load: make sure ours is first.
if [ "$(command -v wasm-opt)" != "$ROOT/node_modules/.bin/wasm-opt" ]; then
  echo "wasm-opt on PATH is $(command -v wasm-opt), expected the npm one" >&2
  exit 1
fi

# 6. A Python virtual environment with the pinned test clients (huggingface_hub).
VENV="$ROOT/target/py-venv"
if [ ! -x "$VENV/bin/python" ] || [ "$ROOT/scripts/requirements.txt" -nt "$VENV/.installed" ]; then
  say "creating the Python test environment (huggingface_hub) in target/py-venv"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$VENV"
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/scripts/requirements.txt"
  touch "$VENV/.installed"
fi
export PY_VENV="$VENV"

# 7. Crates, fetched once so trunk's offline build finds them.
(cd "$ROOT" && cargo fetch --locked --quiet)
