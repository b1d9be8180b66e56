#!/usr/bin/env bash
# End-to-end tests of the three generated SDKs against ONE live server on MongoDB:
#   sdk-e2e.sh MONGODB_URI        (scripts/test.sh calls it with its test mongod)
# Starts the debug binary on a free port with a fresh database (sdk_e2e_<random>) and a known
# admin password, creates with the CLI what the SDK quickstarts need (an app allowing
# client_credentials and password, a second app whose authorization is revoked, one user per
# SDK), then runs, one after the other:
#   Rust        tests/sdk_e2e/rust (its own crate and Cargo.lock, depends on sdk/rust)
#   Python      sdk/python/tests (unittest) in a venv under .cache/ with `pip install ./sdk/python`
#   TypeScript  tests/sdk_e2e/typescript compiled with sdk/typescript/src by the pinned tsc
#               (scripts/sdk), run with `node --test`
# Each receives the server URL, the app's id and secret and its user's credentials through
# AUTH_CENTER_E2E_* variables. Exits non-zero when any of them failed (all three always run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
MONGODB_URI="${1:-${AUTH_CENTER_TEST_MONGODB_URI:?usage: sdk-e2e.sh MONGODB_URI}}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

cargo build --locked --bin auth-center
work="$(mktemp -d)"
BIN="$work/auth-center"   # a copy: another build into a shared target dir cannot swap it mid-run
cp "$TARGET/debug/auth-center" "$BIN"
db="sdk_e2e_$(python3 -c 'import secrets; print(secrets.token_hex(6))')"
admin_password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
user_password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
store=(--mongodb-uri "$MONGODB_URI" --mongodb-database "$db" --data-dir "$work/data")

export AUTH_CENTER__LOG__LEVEL=warn
AUTH_CENTER_ADMIN_PASSWORD="$admin_password" "$BIN" serve \
  --bind "127.0.0.1:${port}" --public-url "$base" "${store[@]}" >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  if curl -fsS "$base/readyz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fsS "$base/readyz" >/dev/null || { cat "$work/server.log"; exit 1; }

# The app of the quickstarts, owned by the admin the server created on first start.
app_json="$("$BIN" "${store[@]}" client create --name "SDK e2e" --owner admin \
  --redirect-uri "https://app.example/callback" \
  --grant-type client_credentials --grant-type password --grant-type authorization_code \
  --scope "openid profile profile:write email groups apps authorizations admin")"
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
client_id="$(json_field client_id <<<"$app_json")"
client_secret="$(json_field client_secret <<<"$app_json")"
# A second app, the one whose authorization each user revokes.
other_json="$("$BIN" "${store[@]}" client create --name "SDK e2e other" --owner admin \
  --grant-type password --scope "profile")"
other_id="$(json_field client_id <<<"$other_json")"
other_secret="$(json_field client_secret <<<"$other_json")"
for sdk in rust python typescript; do
  AUTH_CENTER_NEW_USER_PASSWORD="$user_password" "$BIN" "${store[@]}" user create \
    --username "e2e-$sdk" --email "e2e-$sdk@example.com" >/dev/null
done

export AUTH_CENTER_E2E_URL="$base" AUTH_CENTER_E2E_CLIENT_ID="$client_id"
export AUTH_CENTER_E2E_CLIENT_SECRET="$client_secret" AUTH_CENTER_E2E_PASSWORD="$user_password"
export AUTH_CENTER_E2E_OTHER_CLIENT_ID="$other_id" AUTH_CENTER_E2E_OTHER_CLIENT_SECRET="$other_secret"
export AUTH_CENTER_E2E_ADMIN_USERNAME=admin AUTH_CENTER_E2E_ADMIN_PASSWORD="$admin_password"

run_rust() {
  CARGO_TARGET_DIR="$TARGET" cargo run --quiet --locked \
    --manifest-path tests/sdk_e2e/rust/Cargo.toml
}

run_python() {
  local venv="$ROOT/.cache/sdk-e2e-python"
  if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv" || return 1; fi
  # Reinstalled every run: the package is whatever sdk/python holds now.
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    -r tests/sdk_e2e/python-requirements.txt &&
    PATH="$venv/bin:$PATH" "$venv/bin/pip" install --quiet --disable-pip-version-check \
      --no-deps --no-build-isolation --force-reinstall ./sdk/python &&
    PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m unittest discover -v \
    -s sdk/python/tests -p 'test_*.py'
}

run_typescript() {
  if [ ! -x scripts/sdk/node_modules/.bin/tsc ]; then
    (cd scripts/sdk && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || return 1
  fi
  local out="$ROOT/.cache/sdk-e2e-typescript"
  rm -rf "$out"
  scripts/sdk/node_modules/.bin/tsc -p tests/sdk_e2e/typescript/tsconfig.json --outDir "$out" &&
    node --test "$out/tests/sdk_e2e/typescript/"*.test.js
}

failed=()
for sdk in rust python typescript; do
  printf '\n--- %s SDK e2e\n' "$sdk"
  start=$SECONDS
  if AUTH_CENTER_E2E_USERNAME="e2e-$sdk" "run_$sdk"; then
    echo "--- $sdk SDK e2e passed in $((SECONDS - start)) s"
  else
    echo "--- $sdk SDK e2e FAILED after $((SECONDS - start)) s"
    failed+=("$sdk")
  fi
done

if [ "${#failed[@]}" != 0 ]; then
  echo "--- server log"; cat "$work/server.log"
  echo "SDK e2e failed: ${failed[*]}" >&2
  exit 1
fi
echo "SDK e2e passed: rust python typescript"
