#!/usr/bin/env bash
# Measures client_credentials tokens/s at POST /oauth2/token on a release build, with wrk as a
# bounded load generator (fixed duration and connection count) on 127.0.0.1. Each request
# authenticates with client_secret_basic (SHA-256 digest compare), signs an ES256 JWT and stores
# its access-token record. Not part of the test command.
#
# Usage: scripts/bench-token.sh [duration=20s] [connections=16] [wrk-threads=1]
# Env:   BENCH_MONGODB_URI=mongodb://...  benchmark on MongoDB instead of SQLite
#        BENCH_PORT=18080                 port to listen on
# Needs: wrk (apt-get install wrk), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20s}"
CONNECTIONS="${2:-16}"
THREADS="${3:-1}"
PORT="${BENCH_PORT:-18080}"
command -v wrk >/dev/null || { echo "wrk is required: apt-get install wrk" >&2; exit 1; }

cargo build --release --locked --quiet
BIN="$PWD/target/release/auth-center"
DATA="$(mktemp -d)"
ARGS=(--data-dir "$DATA" --bind "127.0.0.1:$PORT" --admin-password "bench-admin-password")
if [ -n "${BENCH_MONGODB_URI:-}" ]; then
  ARGS+=(--mongodb-uri "$BENCH_MONGODB_URI" --mongodb-database "bench_$(date +%s)")
fi
export AUTH_CENTER__LOG__LEVEL=warn

"$BIN" "${ARGS[@]}" serve >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  sleep 0.1
done

CLIENT_JSON="$("$BIN" "${ARGS[@]}" client create --name bench --owner admin \
  --grant-type client_credentials --scope apps)"
read -r ID SECRET < <(python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["client_id"], c["client_secret"])' <<<"$CLIENT_JSON")
export BENCH_AUTH="Basic $(printf '%s:%s' "$ID" "$SECRET" | base64 -w0)"

cat >"$DATA/token.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "grant_type=client_credentials&scope=apps"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
LUA

echo "client_credentials on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), store: $([ -n "${BENCH_MONGODB_URI:-}" ] && echo mongodb || echo sqlite)"
# One request first: it must succeed, or the figure would measure errors.
curl -sf -X POST -H "Authorization: $BENCH_AUTH" -d 'grant_type=client_credentials&scope=apps' \
  "http://127.0.0.1:$PORT/oauth2/token" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$DATA/token.lua" \
  "http://127.0.0.1:$PORT/oauth2/token"
