#!/usr/bin/env bash
# A soak: mixed load at a fixed rate for N minutes against a release build, on SQLite and on
# MongoDB, one store after the other; not part of scripts/test.sh (it takes 2 × N minutes).
#
#   soak.sh [-m MINUTES] [-r RATE] [-s sqlite|mongo|both] [-u MONGODB_URI]
#
#   -m  minutes per store (default 10); the first is the warm-up the RSS growth is counted from
#   -r  operations started per second (default 50; an operation is one request, or the five or
#       six of an authorization-code flow); choose about half the capacity scripts/bench.sh measures
#   -s  which store (default both)
#   -u  the MongoDB server (default $AUTH_CENTER_TEST_MONGODB_URI); each run uses a database of
#       its own and drops it at the end
#
# Prints, per store and minute, requests, failures, p50/p99 latency and the server's RSS, then
# the RSS growth after warm-up. AUTH_CENTER_BIN chooses the binary (default: built here with
# `cargo build --release`). Exit status 1 when any request failed.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=10
RATE=50
STORES=both
MONGO_URI="${AUTH_CENTER_TEST_MONGODB_URI:-}"
while getopts "m:r:s:u:" opt; do
    case "$opt" in
    m) MINUTES="$OPTARG" ;;
    r) RATE="$OPTARG" ;;
    s) STORES="$OPTARG" ;;
    u) MONGO_URI="$OPTARG" ;;
    *) sed -n '2,16p' "$0" >&2; exit 2 ;;
    esac
done
case "$STORES" in
both) STORES="sqlite mongo" ;;
sqlite | mongo) ;;
*) echo "soak: -s must be sqlite, mongo or both" >&2; exit 2 ;;
esac
if [[ "$STORES" == *mongo* && -z "$MONGO_URI" ]]; then
    echo "soak: no MongoDB: give -u URI or set AUTH_CENTER_TEST_MONGODB_URI" >&2
    exit 2
fi

BIN="${AUTH_CENTER_BIN:-}"
if [[ -z "$BIN" ]]; then
    cargo build --release --locked --bin auth-center >&2
    BIN="${CARGO_TARGET_DIR:-target}/release/auth-center"
fi
PASSWORD="soak password $(date +%s)"
AUTH_CENTER__OAUTH__KEY_ENCRYPTION_KEY="$(head -c 24 /dev/urandom | base64)"
export AUTH_CENTER__OAUTH__KEY_ENCRYPTION_KEY
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Runs the binary on the store of this run (the flags in STORE_ARGS), logging only warnings.
ac() { AUTH_CENTER__LOG__LEVEL=warn "$BIN" "${STORE_ARGS[@]}" "$@"; }

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

soak_one() {
    local store="$1" db="soak_$(date +%s)_$$" status=0
    STORE_ARGS=(--data-dir "$WORK/$store")
    [[ "$store" == mongo ]] && STORE_ARGS+=(--mongodb-uri "$MONGO_URI" --mongodb-database "$db")
    ac user create --username soaker --email soaker@example.com --password "$PASSWORD" >/dev/null
    local app
    app="$(ac client create --name soak --owner soaker --redirect-uri http://127.0.0.1:9/callback \
        --grant-type authorization_code --grant-type refresh_token --grant-type client_credentials \
        --scope "openid profile offline_access" --introspection)"
    # The binary itself in the background (not through `ac`), so that $! is the server's pid.
    AUTH_CENTER__LOG__LEVEL=warn "$BIN" "${STORE_ARGS[@]}" --bind 127.0.0.1:0 \
        --admin-password "$PASSWORD" serve >"$WORK/$store.out" 2>"$WORK/$store.err" &
    SERVER_PID=$!
    local url="" i
    for ((i = 0; i < 300; i++)); do
        url="$(sed -n 's/^auth-center listening on //p' "$WORK/$store.out")"
        [[ -n "$url" ]] && break
        sleep 0.1
    done
    [[ -n "$url" ]] || { cat "$WORK/$store.err" >&2; echo "soak: the server did not start" >&2; exit 1; }
    echo "== $store: $MINUTES min at $RATE operations/s against $url ($BIN)"
    python3 scripts/soak.py "$url" "$(json_field client_id <<<"$app")" \
        "$(json_field client_secret <<<"$app")" soaker "$PASSWORD" "$SERVER_PID" "$MINUTES" "$RATE" ||
        status=1
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    if [[ "$store" == mongo ]]; then
        local py=".cache/mongodb/venv/bin/python"
        [[ -x "$py" ]] || py="${MONGO_TEST_CACHE:-}/venv/bin/python"
        "$py" -c "import pymongo,sys; pymongo.MongoClient(sys.argv[1]).drop_database(sys.argv[2])" \
            "$MONGO_URI" "$db" 2>/dev/null || echo "soak: database $db left on the server" >&2
    fi
    return "$status"
}

result=0
for store in $STORES; do
    soak_one "$store" || result=1
done
exit "$result"
