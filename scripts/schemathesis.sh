#!/usr/bin/env bash
# Checks the live server against openapi.yaml with schemathesis (pinned in
# scripts/schemathesis/requirements.txt, installed once into .cache/schemathesis-venv): the
# debug binary on a fresh MongoDB database, a fixed seed, every operation, three passes (as the
# administrator with every scope, without credentials, with a token lacking the scopes, the
# administrator against the built-in app), the
# checks below with zero failures, and then every documented status must have been answered or
# be listed with its reason in scripts/schemathesis/excluded-statuses.txt.
#   schemathesis.sh        (needs AUTH_CENTER_TEST_MONGODB_URI; scripts/test.sh runs it)
# Reports (ndjson, and the console output) land in test-artifacts/schemathesis/.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${AUTH_CENTER_TEST_MONGODB_URI:?set AUTH_CENTER_TEST_MONGODB_URI (scripts/mongo-test-server.sh uri PORT)}"
SEED="${SCHEMATHESIS_SEED:-20261202}"
EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-60}"
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,negative_data_rejection

VENV="$PWD/.cache/schemathesis-venv"
REQS=scripts/schemathesis/requirements.txt
if [ ! -x "$VENV/bin/schemathesis" ] || ! cmp -s "$REQS" "$VENV/requirements.txt"; then
  echo "installing schemathesis into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS"
  cp "$REQS" "$VENV/requirements.txt"
fi

cargo build --locked --quiet --bin auth-center
work="$(mktemp -d)"
# A copy, so that another build into a shared target dir cannot swap the binary mid-run.
BIN="$work/auth-center"
cp "${CARGO_TARGET_DIR:-target}/debug/auth-center" "$BIN"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}"
store=(--mongodb-uri "$AUTH_CENTER_TEST_MONGODB_URI" --mongodb-database "schemathesis_$(date +%s)_$$"
       --data-dir "$work/data" --public-url "$base")
admin_password="St-Admin-Password-7291"
password="St-User-Password-5820"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The accounts, the app and the groups go into the store before the server starts, through the
# CLI on the same store flags.
cli() { AUTH_CENTER__LOG__LEVEL=warn "$BIN" "${store[@]}" "$@"; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
admin_id="$(cli user create --username admin --email admin@localhost --password "$admin_password" --admin | field id)"
target_id="$(cli user create --username st-target --email st-target@example.com --password "$password" | field id)"
victim_id="$(cli user create --username st-victim --email st-victim@example.com --password "$password" | field id)"
cli user create --username st-limited --email st-limited@example.com --password "$password" >/dev/null
cli user create --username st-reset --email st-reset@example.com --password "$password" >/dev/null
cli client create --name schemathesis --owner admin --redirect-uri http://127.0.0.1/callback \
  --grant-type password --grant-type client_credentials \
  --scope "openid profile profile:write email groups offline_access apps authorizations admin" >"$work/client.json"
# Apps of the administrator: one to read and change, one to delete per delete operation, and one
# with the device grant (its credentials authenticate the device authorization requests).
app_id="$(cli client create --name st-app --owner admin --grant-type client_credentials | field client_id)"
victim_app_id="$(cli client create --name st-victim-app --owner admin --grant-type client_credentials | field client_id)"
legacy_victim_app_id="$(cli client create --name st-legacy-victim-app --owner admin \
  --grant-type client_credentials | field client_id)"
cli client create --name st-device --owner admin --grant-type urn:ietf:params:oauth:grant-type:device_code \
  --scope "openid profile" >"$work/device-client.json"
group_id="$(cli group create --name st-group --member st-target | field id)"
victim_group_id="$(cli group create --name st-victim-group --member st-victim | field id)"
cli group create --name st-other-group >/dev/null
python3 - "$work/ids.json" <<PY
import json, sys
json.dump({"admin_id": "$admin_id", "target_id": "$target_id", "victim_id": "$victim_id",
           "group_id": "$group_id", "victim_group_id": "$victim_group_id",
           "app_id": "$app_id", "victim_app_id": "$victim_app_id",
           "legacy_victim_app_id": "$legacy_victim_app_id",
           "admin_password": "$admin_password", "password": "$password"}, open(sys.argv[1], "w"))
PY

AUTH_CENTER__LOG__LEVEL=warn "$BIN" "${store[@]}" serve --bind "127.0.0.1:${port}" \
  --admin-password "$admin_password" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fsS "$base/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }

eval "$(python3 scripts/schemathesis/prepare.py "$base" "$work" "$work/data/mail" "$work/client.json" "$work/ids.json" \
  "$work/device-client.json")"
export ST_ADMIN_TOKEN ST_LIMITED_TOKEN ST_CLIENT_ID ST_CLIENT_SECRET ST_DEVICE_CLIENT_ID ST_DEVICE_CLIENT_SECRET

out="$PWD/test-artifacts/schemathesis"
rm -rf "$out"; mkdir -p "$out"
status=0
pass() { # NAME MAX_EXAMPLES PHASES [extra args]
  local name="$1" examples="$2" phases="$3"; shift 3
  echo "schemathesis pass '$name': seed $SEED, at most $examples examples per operation, phases $phases"
  if ! "$VENV/bin/schemathesis" --config-file "$work/$name.toml" run openapi.yaml --url "$base" \
      --seed "$SEED" --max-examples "$examples" --phases "$phases" --checks "$CHECKS" \
      --workers 1 --request-timeout 20 --no-color \
      --report ndjson --report-ndjson-path "$out/$name.ndjson" "$@" >"$out/$name.txt" 2>&1; then
    status=1
    cat "$out/$name.txt"
  else
    tail -n 12 "$out/$name.txt"
  fi
}
# The administrator's pass last: it changes accounts (disables, deletes, new passwords).
# The examples phase sends every operation's documented example, so the statuses of a
# well-formed request (401 without credentials, 403 for missing scopes) are reached on every
# run, not only when the random draws happen to build one.
pass anonymous 20 examples,fuzzing
pass limited 5 examples,fuzzing
pass builtin 2 examples,fuzzing --include-operation-id-regex \
  '^(replaceApp|updateApp|deleteApp|rotateAppSecret|legacyUpdateApp|legacyDeleteApp)$'
pass admin "$EXAMPLES" examples,coverage,fuzzing
"$VENV/bin/python" scripts/schemathesis/check-statuses.py openapi.yaml \
  scripts/schemathesis/excluded-statuses.txt "$out"/*.ndjson || status=1
if [ "$status" != 0 ]; then echo "--- server log"; tail -n 50 "$work/server.log"; fi
exit "$status"
