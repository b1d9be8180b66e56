#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine with the Rust toolchain: installs and starts
# what the tests need (a real mongod, a real SMTP server, promtool, Chromium for the browser suite), checks formatting, lints, builds the test binaries once
# and runs every suite against both stores.
set -euo pipefail
cd "$(dirname "$0")/.."

MONGO_PORT="${AUTH_CENTER_TEST_MONGO_PORT:-27117}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n==> %s\n' "$*"; }

step "installing and starting mongod on 127.0.0.1:${MONGO_PORT}"
bash scripts/mongo-test-server.sh install
bash scripts/mongo-test-server.sh start "$MONGO_PORT"
trap 'bash scripts/mongo-test-server.sh stop "$MONGO_PORT" || true' EXIT
export AUTH_CENTER_TEST_MONGODB_URI
AUTH_CENTER_TEST_MONGODB_URI="$(bash scripts/mongo-test-server.sh uri "$MONGO_PORT")"

SMTP_PORT="${AUTH_CENTER_TEST_SMTP_PORT:-$((MONGO_PORT - 25000))}"
step "installing and starting the SMTP sink (aiosmtpd) on 127.0.0.1:${SMTP_PORT}"
bash scripts/smtp-test-server.sh install
bash scripts/smtp-test-server.sh start "$SMTP_PORT"
trap 'bash scripts/mongo-test-server.sh stop "$MONGO_PORT" || true; bash scripts/smtp-test-server.sh stop "$SMTP_PORT" || true' EXIT
export AUTH_CENTER_TEST_SMTP_PORT="$SMTP_PORT"

# The metrics suite checks the /metrics exposition with promtool (Debian package prometheus);
# without it that suite fails, it does not skip.
if ! command -v promtool >/dev/null; then
  step "installing promtool (Debian package prometheus)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

# The multi-node and failover tests (cli binary, cluster::) run auth-center processes on a
# three-member replica set; they would start it themselves, started here it is stopped at exit.
CLUSTER_PORT="${AUTH_CENTER_TEST_CLUSTER_PORT:-$((MONGO_PORT + 100))}"
step "starting the three-member replica set rs3 on 127.0.0.1:${CLUSTER_PORT}-$((CLUSTER_PORT + 2))"
bash scripts/mongo-cluster.sh start "$CLUSTER_PORT"
trap 'bash scripts/mongo-test-server.sh stop "$MONGO_PORT" || true; bash scripts/smtp-test-server.sh stop "$SMTP_PORT" || true; bash scripts/mongo-cluster.sh stop "$CLUSTER_PORT" || true' EXIT
export AUTH_CENTER_TEST_CLUSTER_PORT="$CLUSTER_PORT"
export AUTH_CENTER_TEST_SMTP_DIR
AUTH_CENTER_TEST_SMTP_DIR="$(bash scripts/smtp-test-server.sh dir "$SMTP_PORT")"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings

step "regenerating the SDKs from openapi.yaml (they must match the committed ones)"
bash scripts/gen-sdk.sh
if ! git diff --quiet -- sdk || [ -n "$(git ls-files --others --exclude-standard -- sdk)" ]; then
  git diff --stat -- sdk
  git ls-files --others --exclude-standard -- sdk
  echo "sdk/ is stale: run scripts/gen-sdk.sh and commit the result" >&2
  exit 1
fi

step "building the server and the test binaries"
cargo build --locked --bins
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --locked --no-run
  step "running every suite (both stores)"
  cargo nextest run --locked --no-fail-fast --failure-output final
else
  cargo test --locked --no-run
  step "running every suite (both stores)"
  cargo test --locked --no-fail-fast
fi

step "SDK end-to-end tests (Rust, Python, TypeScript) against a live server on MongoDB"
bash scripts/sdk-e2e.sh "$AUTH_CENTER_TEST_MONGODB_URI"

step "schemathesis against the live server (MongoDB): reports in test-artifacts/schemathesis/"
bash scripts/schemathesis.sh

step "browser suite (Debian chromium + playwright-core): screenshots in test-artifacts/browser/"
bash scripts/browser-test.sh "$SMTP_PORT" "$AUTH_CENTER_TEST_SMTP_DIR"
