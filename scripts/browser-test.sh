#!/usr/bin/env bash
# The browser suite: installs Debian Chromium (apt) and playwright-core (npm ci, pinned by
# tests/browser/package-lock.json), starts the debug server binary on a free port with a fresh
# SQLite data dir and its mail going to the SMTP sink, and runs `node --test` on every `*.test.mjs` in tests/browser.
# Screenshots land in test-artifacts/browser/ (git-ignored).
#   browser-test.sh SMTP_PORT SMTP_DIR      (scripts/test.sh calls it with its sink)
set -euo pipefail
cd "$(dirname "$0")/.."
SMTP_PORT="$1"; SMTP_DIR="$2"

if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi"; then
  echo "installing Debian chromium and a CJK font (for the zh-CN pages)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei >/dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent)

cargo build --locked --bin auth-center
work="$(mktemp -d)"
BIN="$work/auth-center"   # a copy: another build into a shared target dir cannot swap it mid-run
cp "${CARGO_TARGET_DIR:-target}/debug/auth-center" "$BIN"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
# A person and an app of theirs for authorized-tokens.test.mjs, registered before the server starts.
export AUTHZ_USERNAME=apptester AUTHZ_PASSWORD="correct horse battery staple"
"$BIN" user create --data-dir "$work/data" --username "$AUTHZ_USERNAME" \
  --email apptester@example.com --password "$AUTHZ_PASSWORD" >/dev/null
authz_app="$("$BIN" client create --data-dir "$work/data" --name "Browser Test App" \
  --owner "$AUTHZ_USERNAME" --redirect-uri http://127.0.0.1:59999/callback --scope "profile email")"
json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
AUTHZ_CLIENT_ID="$(json_field "$authz_app" client_id)"
AUTHZ_CLIENT_SECRET="$(json_field "$authz_app" client_secret)"
export AUTHZ_CLIENT_ID AUTHZ_CLIENT_SECRET
# A person and a third-party app for the OAuth suites, created through the CLI on the same store
# before the server starts (the callback is never served: the tests read it from the browser).
export BROWSER_USER=browser-user BROWSER_PASSWORD="browser user passphrase 42"
"$BIN" --data-dir "$work/data" user create --username "$BROWSER_USER" \
  --email browser-user@example.com --password "$BROWSER_PASSWORD" >/dev/null
OAUTH_APP_JSON="$("$BIN" --data-dir "$work/data" client create --name "Browser test app" \
  --owner "$BROWSER_USER" --redirect-uri http://127.0.0.1:8765/callback --scope "openid profile")"
export OAUTH_APP_JSON
# A test CA and a certificate for localhost: client-id-metadata.test.mjs serves a client's
# metadata document over HTTPS on loopback, which the server trusts and may reach.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=auth-center test CA" \
  -keyout "$work/ca.key" -out "$work/ca.pem" >/dev/null 2>&1
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
  -keyout "$work/localhost.key" -out "$work/localhost.csr" >/dev/null 2>&1
openssl x509 -req -in "$work/localhost.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial \
  -days 2 -extfile <(printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE') \
  -out "$work/localhost.pem" >/dev/null 2>&1
export CIMD_TLS_KEY="$work/localhost.key" CIMD_TLS_CERT="$work/localhost.pem"
# dpop.test.mjs's own app of the same person, so that its consent is never remembered for another suite.
DPOP_APP_JSON="$("$BIN" --data-dir "$work/data" client create --name "DPoP test app" \
  --owner "$BROWSER_USER" --redirect-uri http://127.0.0.1:8765/callback --scope "openid profile")"
export DPOP_APP_JSON
# An administrator and an app of another person for admin-console.test.mjs (its first-party
# flag is set there, so no other suite uses the app).
export CONSOLE_ADMIN=console-admin CONSOLE_ADMIN_PASSWORD="console admin passphrase 42"
"$BIN" --data-dir "$work/data" user create --username "$CONSOLE_ADMIN" \
  --email console-admin@example.com --password "$CONSOLE_ADMIN_PASSWORD" --admin >/dev/null
CONSOLE_APP_JSON="$("$BIN" --data-dir "$work/data" client create --name "Console test app" \
  --owner "$BROWSER_USER" --redirect-uri http://127.0.0.1:8765/callback --scope "openid profile")"
export CONSOLE_APP_JSON
# An initial access token for dynamic-registration.test.mjs (one registration), minted by the
# operator command; the server allows registration with such tokens.
REGISTRATION_TOKEN="$(json_field "$("$BIN" --data-dir "$work/data" registration-token create \
  --uses 1 --expires-in 1h)" initial_access_token)"
export REGISTRATION_TOKEN
# Its second test registers two clients (one manages its registration, the other's token must
# not reach it).
REGISTRATION_MANAGEMENT_TOKEN="$(json_field "$("$BIN" --data-dir "$work/data" registration-token create \
  --uses 2 --expires-in 1h)" initial_access_token)"
export REGISTRATION_MANAGEMENT_TOKEN
# mcp.test.mjs: its MCP server's port and resource identifier, registered as a resource server
# with the scope its tools need; another resource server (defining that scope too) whose tokens
# it must refuse; and an initial access token of its own for the SDK's dynamic registration.
MCP_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
MCP_OTHER_RESOURCE="http://127.0.0.1:${MCP_PORT}/other-api"
"$BIN" --data-dir "$work/data" resource create --identifier "http://127.0.0.1:${MCP_PORT}/mcp" \
  --name "MCP test server" --scope "mcp:tools=Call the tools of the MCP test server" >/dev/null
"$BIN" --data-dir "$work/data" resource create --identifier "$MCP_OTHER_RESOURCE" \
  --name "Another API" --scope "other:read=Read the other API" \
  --scope "mcp:tools=Call the tools of the other API" >/dev/null
MCP_REGISTRATION_TOKEN="$(json_field "$("$BIN" --data-dir "$work/data" registration-token create \
  --uses 1 --expires-in 1h)" initial_access_token)"
export MCP_PORT MCP_OTHER_RESOURCE MCP_REGISTRATION_TOKEN
# resource-indicators.test.mjs's own app, so that no other suite's consent is remembered for it.
RESOURCE_APP_JSON="$("$BIN" --data-dir "$work/data" client create --name "Resource indicators app" \
  --owner "$BROWSER_USER" --redirect-uri http://127.0.0.1:8768/callback --scope "profile")"
export RESOURCE_APP_JSON
# Every person of every suite registers and resets from 127.0.0.1: the per-address mail limit
# (tested in the HTTP suites) is raised so that the suites' own mails never reach it, and so is
# the per-address registration limit. DPoP proofs must carry a server nonce (dpop.test.mjs
# drives the retry; bearer clients never meet it).
server_env=(
  AUTH_CENTER__LOG__LEVEL=warn
  AUTH_CENTER__MAIL__MAX_PER_IP_PER_HOUR=1000
  AUTH_CENTER__ACCOUNTS__MAX_REGISTRATIONS_PER_IP_PER_HOUR=1000
  AUTH_CENTER__OAUTH__DPOP_NONCE=true
  AUTH_CENTER__OAUTH__DYNAMIC_REGISTRATION=initial_access_token
  AUTH_CENTER__OAUTH__CLIENT_ID_METADATA_DOCUMENTS=true
  AUTH_CENTER__OUTBOUND__ALLOW_PRIVATE_ADDRESSES=true
  AUTH_CENTER__OUTBOUND__EXTRA_ROOT_CA_FILE="$work/ca.pem"
)
env "${server_env[@]}" "$BIN" serve --bind "127.0.0.1:${port}" \
  --public-url "$base" --data-dir "$work/data" --smtp-url "smtp://127.0.0.1:${SMTP_PORT}" \
  >"$work/server.log" 2>&1 &
server=$!
# passkeys.test.mjs: WebAuthn needs a relying-party id that is a domain, never an IP address,
# so a second server of its own answers at http://localhost (a secure context, like https).
passkey_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export PASSKEY_BASE_URL="http://localhost:${passkey_port}"
AUTH_CENTER__LOG__LEVEL=warn "$BIN" serve --bind "127.0.0.1:${passkey_port}" \
  --public-url "$PASSKEY_BASE_URL" --data-dir "$work/passkey-data" \
  --smtp-url "smtp://127.0.0.1:${SMTP_PORT}" >"$work/passkey-server.log" 2>&1 &
passkey_server=$!
cleanup() {
  kill "$server" "$passkey_server" 2>/dev/null || true
  wait "$server" "$passkey_server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for url in "$base" "$PASSKEY_BASE_URL"; do
  for _ in $(seq 1 100); do
    if curl -fsS "$url/healthz" >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  curl -fsS "$url/healthz" >/dev/null || { cat "$work/server.log" "$work/passkey-server.log"; exit 1; }
done

mkdir -p test-artifacts/browser
status=0
(cd tests/browser && BASE_URL="$base" MAIL_DIR="$SMTP_DIR" ARTIFACTS_DIR="$PWD/../../test-artifacts/browser" \
  node --test --test-concurrency=1 ./*.test.mjs) || status=$?
if [ "$status" != 0 ]; then
  echo "--- server log"; cat "$work/server.log"
  echo "--- passkey server log"; cat "$work/passkey-server.log"
fi
ls -1 test-artifacts/browser/*.png 2>/dev/null || true
exit "$status"
