#!/usr/bin/env bash
# Regenerates the client SDKs in sdk/ from openapi.yaml, offline, with pinned generators:
#   sdk/rust        progenitor 0.15.1 (scripts/sdkgen, Cargo.lock committed)
#   sdk/python      openapi-python-client (scripts/sdk/python-requirements.txt)
#   sdk/typescript  @hey-api/openapi-ts (scripts/sdk/package-lock.json), with the package.json,
#                   tsconfig.json and .gitignore of scripts/sdk/typescript-package.mjs
# Generated code is committed and never edited by hand; each SDK's README.md is hand-written and
# kept. `scripts/test.sh` runs this and fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
TOOLS="$ROOT/.cache/sdk-tools"
mkdir -p "$TOOLS"

# --- Rust ---------------------------------------------------------------------------------
gen_rust() {
  # scripts/sdkgen wraps progenitor's library (pinned, with its own Cargo.lock).
  CARGO_TARGET_DIR="$ROOT/target" cargo run --quiet --locked \
    --manifest-path scripts/sdkgen/Cargo.toml -- openapi.yaml sdk/rust
  # The crate is a path dependency of the tests, so `cargo fmt --all` checks it too.
  rustfmt --edition 2021 sdk/rust/src/lib.rs
}

# --- Python -------------------------------------------------------------------------------
gen_python() {
  if [ ! -x "$TOOLS/pyenv/bin/openapi-python-client" ]; then
    python3 -m venv "$TOOLS/pyenv"
    "$TOOLS/pyenv/bin/pip" install --quiet --disable-pip-version-check \
      -r scripts/sdk/python-requirements.txt
  fi
  local tmp; tmp="$(mktemp -d)"
  PATH="$TOOLS/pyenv/bin:$PATH" openapi-python-client generate --path openapi.yaml \
    --output-path "$tmp/out" --config scripts/sdk/python-config.yaml --meta uv >/dev/null
  find sdk/python -mindepth 1 -maxdepth 1 ! -name README.md ! -name tests -exec rm -rf {} + 2>/dev/null || true
  rm -rf "$tmp/out/.ruff_cache"
  mkdir -p sdk/python
  (cd "$tmp/out" && tar cf - --exclude=README.md .) | (cd sdk/python && tar xf -)
  rm -rf "$tmp"
}

# --- TypeScript ---------------------------------------------------------------------------
gen_typescript() {
  (cd scripts/sdk && npm ci --silent --no-audit --no-fund >/dev/null 2>&1)
  rm -rf sdk/typescript/src
  mkdir -p sdk/typescript
  (cd scripts/sdk && npx openapi-ts -f openapi-ts.config.mjs)
  # The npm package around src/: an ES module build with type declarations (tsc, on `npm pack`).
  node scripts/sdk/typescript-package.mjs "$(spec_version)" sdk/typescript
}

# info.version of openapi.yaml: the version of every SDK package.
spec_version() {
  awk '/^info:/ { inside = 1; next } inside && /^[^ ]/ { exit }
       inside && /^  version:/ { gsub(/["\047]/, "", $2); print $2; exit }' openapi.yaml
}

gen_rust
gen_python
gen_typescript
echo "SDKs regenerated from openapi.yaml"
