#!/usr/bin/env bash
# End-to-end tests of the generated SDKs against a live server (the debug binary on a fresh
# MongoDB database): tests/sdk/python (sdk/python on PYTHONPATH, its run-time dependencies
# pinned in tests/sdk/python/requirements.txt and installed once into .cache/sdk-e2e-venv) and
# tests/sdk/typescript (compiled with the pinned typescript of scripts/sdk, run with node --test).
# The Rust SDK quickstart is tests/sdk_quickstart.rs, run with the other suites (both stores).
#   sdk-e2e.sh        (needs AUTH_CENTER_TEST_MONGODB_URI; scripts/test.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${AUTH_CENTER_TEST_MONGODB_URI:?set AUTH_CENTER_TEST_MONGODB_URI (scripts/mongo-test-server.sh uri PORT)}"

VENV="$PWD/.cache/sdk-e2e-venv"
REQS=tests/sdk/python/requirements.txt
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQS" "$VENV/requirements.txt"; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS"
  cp "$REQS" "$VENV/requirements.txt"
fi
(cd scripts/sdk && npm ci --silent --no-audit --no-fund >/dev/null 2>&1)

cargo build --locked --quiet --bin auth-center
work="$(mktemp -d)"
BIN="$work/auth-center"   # a copy: another build into a shared target dir cannot swap it mid-run
cp "${CARGO_TARGET_DIR:-target}/debug/auth-center" "$BIN"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
store=(--mongodb-uri "$AUTH_CENTER_TEST_MONGODB_URI" --mongodb-database "sdk_e2e_$(date +%s)_$$"
       --data-dir "$work/data" --public-url "$base")
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export AUTH_CENTER_URL="$base" E2E_USERNAME=admin E2E_PASSWORD="sdk e2e admin passphrase"
cli() { AUTH_CENTER__LOG__LEVEL=warn "$BIN" "${store[@]}" "$@"; }
cli user create --username "$E2E_USERNAME" --email admin@localhost --password "$E2E_PASSWORD" --admin >/dev/null
cli client create --name "SDK e2e" --owner "$E2E_USERNAME" --redirect-uri http://127.0.0.1:8765/callback \
  --grant-type client_credentials --grant-type password --scope "openid profile email admin" >"$work/app.json"
E2E_CLIENT_ID="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["client_id"])' "$work/app.json")"
E2E_CLIENT_SECRET="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["client_secret"])' "$work/app.json")"
export E2E_CLIENT_ID E2E_CLIENT_SECRET

AUTH_CENTER__LOG__LEVEL=warn "$BIN" "${store[@]}" serve --bind "127.0.0.1:${port}" \
  --admin-password "$E2E_PASSWORD" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fsS "$base/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }

status=0
echo "--- Python SDK (sdk/python)"
PYTHONPATH="$PWD/sdk/python" "$VENV/bin/python" tests/sdk/python/quickstart_e2e.py || status=1
echo "--- TypeScript SDK (sdk/typescript)"
scripts/sdk/node_modules/.bin/tsc -p tests/sdk/typescript/tsconfig.json --outDir "$work/ts"
node --test "$work/ts/tests/sdk/typescript/quickstart.test.js" || status=1
if [ "$status" != 0 ]; then echo "--- server log"; cat "$work/server.log"; fi
exit "$status"
