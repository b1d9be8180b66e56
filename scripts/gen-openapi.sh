#!/usr/bin/env bash
# Rewrites openapi.yaml from the code (the committed contract). A test fails when it is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --locked -- openapi > openapi.yaml.tmp
mv openapi.yaml.tmp openapi.yaml
echo "openapi.yaml regenerated"
