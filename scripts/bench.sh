#!/usr/bin/env bash
# Throughput of the hot endpoints, side by side with node-oidc-provider, on one core each.
#
# Builds the release binary, then starts auth-center on SQLite, auth-center on MongoDB (a mongod
# of its own from scripts/mongo-test-server.sh, on the server's core: its CPU counts against the
# server) and node-oidc-provider (in-memory adapter, opaque tokens), one after the other, each
# pinned to one core with wrk pinned to another. Scenarios, each at every concurrency:
#   client_credentials   POST /oauth2/token, client_secret_basic, signed JWT access token
#   introspection        POST /oauth2/introspect of that JWT (the client's own token)
#   resource_api         GET /api/v1/users/{id} with a user's bearer token
#   userinfo             GET /oauth2/userinfo with that token
#   code_exchange        POST /oauth2/token, authorization_code (codes minted beforehand through
#                        /oauth2/authorize with a signed-in session, each sent once)
#   refresh              POST /oauth2/token, refresh_token (each answer's token is sent next)
# The peer runs the first two. The table gives req/s, p50/p99 latency, server CPU-seconds per
# 1,000 requests (utime+stime from /proc, mongod included), the server's RSS after the point,
# and the ratio of req/s to the peer's at the same concurrency. Loopback only; bounded (about
# 6 minutes at the default 5 s per point, after the build); stops everything it started.
#
# Usage: scripts/bench.sh
# Env:   BENCH_DURATION=5            seconds per point
#        BENCH_CONCURRENCY="1 8 64"  wrk connections per point
#        BENCH_TARGETS="sqlite mongodb peer"
#        BENCH_SCENARIOS="client_credentials introspection resource_api userinfo code_exchange refresh"
#        BENCH_PORT=18080 BENCH_MONGO_PORT=27317
#        BENCH_BIN=path/to/auth-center   a release binary built already (no cargo build)
#        BENCH_PERF=DIR              record `perf` on the server's core during each point, with
#                                    DWARF call graphs, into DIR/TARGET-SCENARIO-C.data
# Installs what is missing: wrk (apt), Node 22 and oidc-provider (npm, into .cache/bench-peer).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
DURATION="${BENCH_DURATION:-5}"
CONCURRENCY="${BENCH_CONCURRENCY:-1 8 64}"
TARGETS="${BENCH_TARGETS:-sqlite mongodb peer}"
SCENARIOS="${BENCH_SCENARIOS:-client_credentials introspection resource_api userinfo code_exchange refresh}"
PORT="${BENCH_PORT:-18080}"
MONGO_PORT="${BENCH_MONGO_PORT:-27317}"
PEER_DIR="$REPO/.cache/bench-peer"
PEER_PACKAGES=(node@22.23.3 oidc-provider@9.13.3)
LUA="$REPO/scripts/bench/load.lua"
BASE="http://127.0.0.1:$PORT"
CB="http://127.0.0.1/cb"
CB_ENC="http%3A%2F%2F127.0.0.1%2Fcb"
# The server gets the last core, wrk the first; with one core both share it (said in the header).
CPUS="$(nproc)"
SERVER_CPU=$((CPUS - 1))
LOAD_CPU=0
TICK="$(getconf CLK_TCK)"
WORK="$(mktemp -d)"
RESULTS="$WORK/results"
SERVER=""
MONGO_STARTED=""
# The command-line commands that arrange the fixtures log at info otherwise.
export AUTH_CENTER__LOG__LEVEL=warn

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

cleanup() {
  [ -n "$SERVER" ] && stop_server
  if [ -n "$MONGO_STARTED" ]; then
    bash scripts/mongo-test-server.sh stop "$MONGO_PORT" >/dev/null 2>&1 || true
    rm -rf "$REPO/.cache/mongodb/data-$MONGO_PORT" "$REPO/.cache/mongodb/mongod-$MONGO_PORT.log"
  fi
  # The servers' logs outlive the run, for the failures the table counts.
  mkdir -p "$REPO/.cache/bench-logs"
  cp "$WORK"/*.log "$REPO/.cache/bench-logs/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_server() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}

peer_installed() {
  [ -x "$PEER_DIR/node_modules/.bin/node" ] && [ -d "$PEER_DIR/node_modules/oidc-provider" ]
}

install_tools() {
  if ! command -v wrk >/dev/null; then
    log "installing wrk"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get install -y -qq wrk >&2
  fi
  if [[ " $TARGETS " == *" peer "* ]] && ! peer_installed; then
    log "installing ${PEER_PACKAGES[*]} into $PEER_DIR"
    mkdir -p "$PEER_DIR"
    (cd "$PEER_DIR" && npm install --no-audit --no-fund --silent "${PEER_PACKAGES[@]}" >&2)
  fi
  BIN="${BENCH_BIN:-}"
  if [ -z "$BIN" ]; then
    log "building the release binary"
    cargo build --release --locked --quiet --bin auth-center
    BIN="${CARGO_TARGET_DIR:-$REPO/target}/release/auth-center"
  fi
  [ -x "$BIN" ] || die "no binary at $BIN"
}

# utime + stime of the given pids, in clock ticks (fields 14 and 15 after the command name).
cpu_ticks() {
  local total=0 pid fields
  for pid in "$@"; do
    fields="$(sed 's/^.*) //' "/proc/$pid/stat")"
    total=$((total + $(awk '{print $12 + $13}' <<<"$fields")))
  done
  echo "$total"
}

rss_mib() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# Starts "$@" pinned to the server core; waits until URL answers; sets SERVER and COLD (seconds).
start_server() {
  local url="$1" log_file="$2"
  shift 2
  local t0
  t0="$(date +%s.%N)"
  taskset -c "$SERVER_CPU" "$@" >"$log_file" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 500); do
    if curl -m 10 -sf -o /dev/null "$url"; then
      COLD="$(echo "$(date +%s.%N) - $t0" | bc)"
      return 0
    fi
    kill -0 "$SERVER" 2>/dev/null || { cat "$log_file" >&2; die "the server exited"; }
    sleep 0.01
  done
  die "the server did not answer $url within 5 s"
}

# One point: wrk with load.lua (configured through BENCH_* variables set by the caller), the
# CPU time of CPU_PIDS around it. Appends a result line; echoes how many requests completed.
point() {
  local target="$1" scenario="$2" c="$3" url="$4"
  local before after out line
  local perf_pid=""
  if [ -n "${BENCH_PERF:-}" ]; then
    mkdir -p "$BENCH_PERF"
    perf record -q -C "$SERVER_CPU" -F 999 --call-graph dwarf,16384 \
      -o "$BENCH_PERF/$target-$scenario-$c.data" -- sleep "$DURATION" >/dev/null 2>&1 &
    perf_pid=$!
  fi
  before="$(cpu_ticks $CPU_PIDS)"
  out="$(taskset -c "$LOAD_CPU" wrk -t1 -c"$c" -d"${DURATION}s" --timeout 5s -s "$LUA" "$url")"
  after="$(cpu_ticks $CPU_PIDS)"
  [ -z "$perf_pid" ] || wait "$perf_pid" || true
  line="$(grep '^BENCH ' <<<"$out")" || die "wrk printed no result: $out"
  read -r _ rps p50 p99 non2xx errors dry requests <<<"$line"
  local cpu_k
  cpu_k="$(echo "scale=4; ($after - $before) / $TICK * 1000 / ($requests + 0.0001)" | bc)"
  echo "$target $scenario $c $rps $p50 $p99 $cpu_k $(rss_mib "$SERVER") $non2xx $errors $dry" >>"$RESULTS"
  printf 'bench: %-8s %-18s c=%-3s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %s CPU-s/1k  %s non-2xx\n' \
    "$target" "$scenario" "$c" "$rps" "$(echo "$p50/1000" | bc -l)" "$(echo "$p99/1000" | bc -l)" \
    "$cpu_k" "$non2xx" >&2
  echo "$requests"
}

# Runs SCENARIO at every concurrency with the BENCH_* variables already exported.
sweep() {
  local target="$1" scenario="$2" url="$3" c
  for c in $CONCURRENCY; do point "$target" "$scenario" "$c" "$url" >/dev/null; done
}

clear_lua_env() {
  unset BENCH_METHOD BENCH_PATH BENCH_BODY BENCH_AUTH BENCH_COOKIE BENCH_POOL BENCH_POOL_FROM \
    BENCH_POOL_TO BENCH_CAPTURE BENCH_OUT BENCH_CHAIN
}

wanted() { [[ " $SCENARIOS " == *" $1 "* ]]; }

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }

# Signs the bench user in through the login form; prints the Cookie header of the session.
sign_in() {
  local jar="$WORK/jar" page csrf status
  rm -f "$jar"
  page="$(curl -m 10 -sf -c "$jar" -b "$jar" "$BASE/accounts/login/")"
  csrf="$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)"
  status="$(curl -m 10 -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "csrf_token=$csrf" --data-urlencode "username=bench" \
    --data-urlencode "password=$USER_PASSWORD" --data-urlencode "next=/" "$BASE/accounts/login/")"
  [ "$status" = 303 ] || [ "$status" = 302 ] || die "signing in answered $status"
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}'
}

# Mints codes through /oauth2/authorize for DURATION seconds at c=64 and appends them to $1.
mint_codes() {
  clear_lua_env
  export BENCH_COOKIE="$COOKIE" BENCH_CAPTURE='[?&]code=([^&]+)' BENCH_OUT="$1"
  taskset -c "$LOAD_CPU" wrk -t1 -c64 -d"${DURATION}s" -s "$LUA" "$AUTHORIZE" >/dev/null
}

# Arranges the clients, the user, a session and the tokens the scenarios send.
arrange_auth_center() {
  local cc web out
  cc="$("$BIN" "${ARGS[@]}" client create --name bench-service --owner admin \
    --grant-type client_credentials --scope apps)"
  CC_AUTH="$(basic "$(json_field client_id <<<"$cc")" "$(json_field client_secret <<<"$cc")")"
  web="$("$BIN" "${ARGS[@]}" client create --name bench-web --owner admin --first-party \
    --redirect-uri "$CB" --grant-type authorization_code --grant-type refresh_token \
    --scope "openid profile offline_access")"
  WEB_ID="$(json_field client_id <<<"$web")"
  WEB_AUTH="$(basic "$WEB_ID" "$(json_field client_secret <<<"$web")")"
  AUTH_CENTER_NEW_USER_PASSWORD="$USER_PASSWORD" "$BIN" "${ARGS[@]}" user create \
    --username bench --email bench@example.com >/dev/null
  COOKIE="$(sign_in)"
  AUTHORIZE="$BASE/oauth2/authorize?response_type=code&client_id=$WEB_ID&redirect_uri=$CB_ENC&scope=openid%20profile%20offline_access&state=s"
  out="$(curl -m 10 -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $COOKIE" "$AUTHORIZE")"
  local code="${out##*code=}"
  code="${code%%&*}"
  [[ "$out" == "$CB"* && -n "$code" ]] || die "authorize did not redirect with a code: $out"
  out="$(curl -m 10 -sf -H "Authorization: $WEB_AUTH" \
    -d "grant_type=authorization_code&code=$code&redirect_uri=$CB_ENC" "$BASE/oauth2/token")"
  USER_TOKEN="$(json_field access_token <<<"$out")"
  USER_ID="$(curl -m 10 -sf -H "Authorization: Bearer $USER_TOKEN" "$BASE/oauth2/userinfo" | json_field sub)"
  CC_TOKEN="$(curl -m 10 -sf -H "Authorization: $CC_AUTH" -d 'grant_type=client_credentials' \
    "$BASE/oauth2/token" | json_field access_token)"
}

run_auth_center() {
  local target="$1" data="$WORK/$1" uri
  mkdir -p "$data"
  USER_PASSWORD="bench-user-password-$RANDOM$RANDOM"
  ARGS=(--data-dir "$data" --bind "127.0.0.1:$PORT" --admin-password "bench-admin-$RANDOM$RANDOM")
  CPU_PIDS=""
  if [ "$target" = mongodb ]; then
    uri="$(bash scripts/mongo-test-server.sh uri "$MONGO_PORT")"
    ARGS+=(--mongodb-uri "$uri" --mongodb-database "bench_$$")
    CPU_PIDS="$(tr -dc '0-9' <"$REPO/.cache/mongodb/mongod-$MONGO_PORT.pid")"
  fi
  # First start (empty data directory: schema, signing key, the admin's password hash), then a
  # restart on that data, which is what a node joining or coming back pays.
  start_server "$BASE/readyz" "$WORK/$target.log" "$BIN" "${ARGS[@]}" serve
  local first="$COLD"
  stop_server
  start_server "$BASE/readyz" "$WORK/$target-restart.log" "$BIN" "${ARGS[@]}" serve
  CPU_PIDS="$SERVER $CPU_PIDS"
  echo "$target cold_start $first idle_rss $(rss_mib "$SERVER") restart $COLD" >>"$WORK/servers"
  arrange_auth_center
  # One second of warm-up so the first point does not pay for first touches.
  clear_lua_env
  export BENCH_METHOD=POST BENCH_BODY="grant_type=client_credentials" BENCH_AUTH="$CC_AUTH"
  taskset -c "$LOAD_CPU" wrk -t1 -c8 -d1s -s "$LUA" "$BASE/oauth2/token" >/dev/null
  if wanted client_credentials; then
    sweep "$target" client_credentials "$BASE/oauth2/token"
  fi
  if wanted introspection; then
    clear_lua_env
    export BENCH_METHOD=POST BENCH_BODY="token=$CC_TOKEN" BENCH_AUTH="$CC_AUTH"
    sweep "$target" introspection "$BASE/oauth2/introspect"
  fi
  clear_lua_env
  export BENCH_AUTH="Bearer $USER_TOKEN"
  if wanted resource_api; then sweep "$target" resource_api "$BASE/api/v1/users/$USER_ID"; fi
  if wanted userinfo; then sweep "$target" userinfo "$BASE/oauth2/userinfo"; fi
  if wanted code_exchange || wanted refresh; then exchange_and_refresh "$target"; fi
  stop_server
}

# Code exchange from minted codes (each sent once, the refresh tokens kept), then refresh
# rotation from disjoint slices of those refresh tokens.
exchange_and_refresh() {
  local target="$1" codes="$WORK/codes" refresh="$WORK/refresh" used=0 c n
  : >"$codes"
  : >"$refresh"
  for c in $CONCURRENCY; do
    mint_codes "$codes"
    clear_lua_env
    export BENCH_METHOD=POST BENCH_AUTH="$WEB_AUTH" BENCH_POOL="$codes" \
      BENCH_POOL_FROM=$((used + 1)) BENCH_CAPTURE='"refresh_token":"([^"]+)"' BENCH_OUT="$refresh" \
      BENCH_BODY="grant_type=authorization_code&code={}&redirect_uri=$CB_ENC"
    n="$(point "$target" code_exchange "$c" "$BASE/oauth2/token")"
    # wrk stops counting with up to c requests in flight: their codes are spent too.
    used=$((used + n + c))
  done
  if ! wanted refresh; then return 0; fi
  local total slice from=1
  total="$(wc -l <"$refresh")"
  slice=$((total / $(wc -w <<<"$CONCURRENCY")))
  for c in $CONCURRENCY; do
    [ "$slice" -ge "$c" ] || die "only $total refresh tokens for the refresh scenario"
    clear_lua_env
    export BENCH_METHOD=POST BENCH_AUTH="$WEB_AUTH" BENCH_POOL="$refresh" BENCH_POOL_FROM="$from" \
      BENCH_POOL_TO=$((from + slice - 1)) BENCH_CAPTURE='"refresh_token":"([^"]+)"' BENCH_CHAIN=1 \
      BENCH_BODY="grant_type=refresh_token&refresh_token={}"
    point "$target" refresh "$c" "$BASE/oauth2/token" >/dev/null
    from=$((from + slice))
  done
}

run_peer() {
  local id=bench secret="peer-secret-$RANDOM$RANDOM$RANDOM" token
  cp scripts/bench/peer.mjs "$PEER_DIR/peer.mjs"
  start_server "$BASE/.well-known/openid-configuration" "$WORK/peer.log" \
    "$PEER_DIR/node_modules/.bin/node" "$PEER_DIR/peer.mjs" "$PORT" "$id" "$secret"
  CPU_PIDS="$SERVER"
  echo "peer cold_start $COLD idle_rss $(rss_mib "$SERVER")" >>"$WORK/servers"
  local auth
  auth="$(basic "$id" "$secret")"
  clear_lua_env
  export BENCH_METHOD=POST BENCH_BODY="grant_type=client_credentials&scope=api" BENCH_AUTH="$auth"
  taskset -c "$LOAD_CPU" wrk -t1 -c8 -d1s -s "$LUA" "$BASE/token" >/dev/null
  if wanted client_credentials; then sweep peer client_credentials "$BASE/token"; fi
  token="$(curl -m 10 -sf -H "Authorization: $auth" -d 'grant_type=client_credentials&scope=api' \
    "$BASE/token" | json_field access_token)"
  clear_lua_env
  export BENCH_METHOD=POST BENCH_BODY="token=$token" BENCH_AUTH="$auth"
  if wanted introspection; then sweep peer introspection "$BASE/token/introspection"; fi
  stop_server
}

print_table() {
  echo
  echo "auth-center $(git -C "$REPO" describe --always --dirty) vs node-oidc-provider 9 (in-memory, opaque tokens)"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $CPUS CPUs; server on CPU $SERVER_CPU, wrk on CPU $LOAD_CPU; ${DURATION} s per point"
  while read -r target _ cold _ rss _ restart; do
    printf '%-8s cold start %.3f s' "$target" "$cold"
    [ -n "$restart" ] && printf ' (first start), restart %.3f s' "$restart"
    printf ', idle RSS %s MiB\n' "$rss"
  done <"$WORK/servers"
  echo
  python3 - "$RESULTS" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
peer = {(r[1], r[2]): float(r[3]) for r in rows if r[0] == "peer"}
print("| server | scenario | c | req/s | p50 ms | p99 ms | CPU-s / 1k req | RSS MiB | × peer | failed |")
print("|---|---|---|---|---|---|---|---|---|---|")
for t, s, c, rps, p50, p99, cpu, rss, non2xx, errs, dry in rows:
    ratio = f"{float(rps) / peer[(s, c)]:.2f}" if t != "peer" and (s, c) in peer else ""
    failed = int(non2xx) + int(errs)
    flag = f"{failed}" + (" (pool dry)" if int(dry) else "")
    print(f"| {t} | {s} | {c} | {float(rps):,.0f} | {int(p50)/1000:.2f} | {int(p99)/1000:.2f} "
          f"| {float(cpu):.3f} | {rss} | {ratio} | {flag} |")
PY
}

install_tools
: >"$RESULTS"
: >"$WORK/servers"
for target in $TARGETS; do
  case "$target" in
    sqlite) run_auth_center sqlite ;;
    mongodb)
      bash scripts/mongo-test-server.sh install >/dev/null
      if bash scripts/mongo-test-server.sh uri "$MONGO_PORT" >/dev/null 2>&1 &&
        [ -f "$REPO/.cache/mongodb/mongod-$MONGO_PORT.pid" ] &&
        kill -0 "$(tr -dc '0-9' <"$REPO/.cache/mongodb/mongod-$MONGO_PORT.pid")" 2>/dev/null; then
        die "a mongod already runs on port $MONGO_PORT; choose another BENCH_MONGO_PORT"
      fi
      MONGO_STARTED=1
      taskset -c "$SERVER_CPU" bash scripts/mongo-test-server.sh start "$MONGO_PORT" >/dev/null
      run_auth_center mongodb
      bash scripts/mongo-test-server.sh stop "$MONGO_PORT" >/dev/null
      ;;
    peer) run_peer ;;
    *) die "unknown target $target" ;;
  esac
done
print_table
