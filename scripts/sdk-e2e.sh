#!/usr/bin/env bash
# End-to-end tests of the three generated SDKs against ONE live server on MongoDB:
#   sdk-e2e.sh MONGODB_URI        (scripts/test.sh calls it with its test mongod)
# Starts the debug binary on a free port with a fresh database (sdk_e2e_<random>) and a known
# admin password, creates with the CLI what the SDK quickstarts need (an app allowing
# client_credentials and password, a second app whose authorization is revoked, a web app for
# the authorization code flow of the READMEs, one user per SDK), then tests each SDK as the
# package a user installs, one after the other:
#   Rust        tests/sdk_e2e/rust (its own crate and Cargo.lock, depends on sdk/rust by path;
#               `cargo package --list` of sdk/rust first)
#   Python      the wheel of sdk/python (`python -m build`, tools in a venv under .cache/)
#               installed into a fresh venv, running sdk/python/tests (unittest)
#   TypeScript  the tarball of sdk/typescript (`npm pack`, compiled by the pinned tsc of
#               scripts/sdk) installed into a fresh project made from tests/sdk_e2e/typescript,
#               compiled there and run with `node --test`
# The sign-in example of each SDK's README (after `<!-- example: FILE -->`) is taken from the
# README and run as written. Each receives the server URL, the apps' ids and secrets and its
# user's credentials through AUTH_CENTER_E2E_* variables. Exits non-zero when any of them
# failed (all three always run).
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
# The web app of the READMEs' sign-in examples: authorization code with PKCE, refresh tokens.
redirect_uri="https://app.example/signed-in"
web_json="$("$BIN" "${store[@]}" client create --name "SDK e2e web" --owner admin \
  --redirect-uri "$redirect_uri" --grant-type authorization_code --grant-type refresh_token \
  --scope "openid profile offline_access")"
web_id="$(json_field client_id <<<"$web_json")"
web_secret="$(json_field client_secret <<<"$web_json")"
for sdk in rust python typescript; do
  AUTH_CENTER_NEW_USER_PASSWORD="$user_password" "$BIN" "${store[@]}" user create \
    --username "e2e-$sdk" --email "e2e-$sdk@example.com" >/dev/null
done

export AUTH_CENTER_E2E_URL="$base" AUTH_CENTER_E2E_CLIENT_ID="$client_id"
export AUTH_CENTER_E2E_CLIENT_SECRET="$client_secret" AUTH_CENTER_E2E_PASSWORD="$user_password"
export AUTH_CENTER_E2E_OTHER_CLIENT_ID="$other_id" AUTH_CENTER_E2E_OTHER_CLIENT_SECRET="$other_secret"
export AUTH_CENTER_E2E_ADMIN_USERNAME=admin AUTH_CENTER_E2E_ADMIN_PASSWORD="$admin_password"
export AUTH_CENTER_E2E_WEB_CLIENT_ID="$web_id" AUTH_CENTER_E2E_WEB_CLIENT_SECRET="$web_secret"
export AUTH_CENTER_E2E_REDIRECT_URI="$redirect_uri"

# The fenced code block after `<!-- example: NAME -->` in a README, as written there.
readme_example() {
  awk -v marker="<!-- example: $2 -->" '$0 == marker { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$1" >"$3"
  [ -s "$3" ] || { echo "no example $2 in $1" >&2; return 1; }
}
# The built packages, whose sizes the run prints.
artifacts="$work/artifacts"
mkdir -p "$artifacts"

run_rust() {
  # The crate as `cargo package` packs it (manifest checked, files listed), from a copy of
  # sdk/rust so that no Cargo.lock or target/ appears in the tree; the e2e depends on it by path.
  local crate="$work/rust-crate"
  mkdir -p "$crate"
  tar -C sdk/rust --exclude=target --exclude=Cargo.lock -cf - . | tar -C "$crate" -xf - &&
    (cd "$crate" && cargo package --quiet --list >/dev/null &&
      CARGO_TARGET_DIR="$crate/target" cargo package --quiet --no-verify) &&
    cp "$crate"/target/package/auth-center-sdk-*.crate "$artifacts/" &&
    CARGO_TARGET_DIR="$TARGET" cargo run --quiet --locked \
      --manifest-path tests/sdk_e2e/rust/Cargo.toml
}

run_python() {
  # The build tools live in a venv under .cache/ (kept between runs); the wheel is built from a
  # copy of sdk/python, so nothing is written into the tree.
  local tools="$ROOT/.cache/sdk-e2e-python-build" src="$work/py-source" project="$work/py-project"
  local venv="$work/py-venv"
  if [ ! -x "$tools/bin/python" ]; then python3 -m venv "$tools" || return 1; fi
  "$tools/bin/pip" install --quiet --disable-pip-version-check \
    -r tests/sdk_e2e/python-build-requirements.txt || return 1
  mkdir -p "$src" "$project"
  tar -C sdk/python --exclude=dist --exclude=build --exclude=__pycache__ -cf - . |
    tar -C "$src" -xf - || return 1
  PATH="$tools/bin:$PATH" "$tools/bin/python" -m build --wheel --no-isolation \
    --outdir "$artifacts" "$src" >/dev/null || return 1
  local wheel
  wheel="$(echo "$artifacts"/auth_center_client-*.whl)"
  # A fresh venv with the wheel and the pinned packages; the tests and the README's example
  # run from a directory of their own, so `auth_center_client` is the installed package.
  python3 -m venv --without-pip "$venv" &&
    "$tools/bin/pip" --python "$venv/bin/python" install --quiet \
      --disable-pip-version-check -r tests/sdk_e2e/python-requirements.txt "$wheel" &&
    cp sdk/python/tests/*.py "$project/" &&
    readme_example sdk/python/README.md authorization_code.py "$project/authorization_code.py" &&
    (cd "$project" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m unittest discover -v \
      -s . -p 'test_*.py')
}

run_typescript() {
  local tsc="$ROOT/scripts/sdk/node_modules/.bin/tsc"
  if [ ! -x "$tsc" ]; then
    (cd scripts/sdk && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || return 1
  fi
  # The package as it would be published: `npm pack` (its prepack runs tsc) of sdk/typescript.
  local pkg="$work/ts-package" project="$work/ts-project"
  mkdir -p "$pkg" "$project"
  tar -C sdk/typescript --exclude=node_modules --exclude=dist --exclude='*.tgz' -cf - . |
    tar -C "$pkg" -xf - || return 1
  (cd "$pkg" && PATH="$ROOT/scripts/sdk/node_modules/.bin:$PATH" \
    npm pack --silent --pack-destination "$artifacts") || return 1
  local tarball
  tarball="$(echo "$artifacts"/auth-center-sdk-*.tgz)"
  # A fresh project: openid-client as locked there and the tarball, imported by name.
  cp tests/sdk_e2e/typescript/{package.json,package-lock.json,tsconfig.json,*.ts} "$project/" &&
    readme_example sdk/typescript/README.md authorization-code.ts "$project/authorization-code.ts" &&
    (cd "$project" && npm install --silent --no-save --no-audit --no-fund "$tarball") &&
    "$tsc" -p "$project/tsconfig.json" &&
    node --test "$project"/dist/*.test.js
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

echo "--- packages built:"
(cd "$artifacts" && ls -l | awk 'NR > 1 { print "    " $NF ": " $5 " bytes" }')
if [ "${#failed[@]}" != 0 ]; then
  echo "--- server log"; cat "$work/server.log"
  echo "SDK e2e failed: ${failed[*]}" >&2
  exit 1
fi
echo "SDK e2e passed: rust python typescript"
