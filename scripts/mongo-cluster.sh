#!/usr/bin/env bash
# A real three-member MongoDB replica set (rs3) on 127.0.0.1, for the multi-node and failover
# tests and for trying several auth-center nodes by hand.
#
#   mongo-cluster.sh start BASEPORT         start members on BASEPORT, BASEPORT+1, BASEPORT+2,
#                                           initiate rs3 once, wait for a primary (idempotent)
#   mongo-cluster.sh uri BASEPORT           print the replica-set URI (the driver discovers members)
#   mongo-cluster.sh primary BASEPORT       print the port of the current primary (waits for one)
#   mongo-cluster.sh kill BASEPORT PORT     SIGKILL the member on PORT and wait until it is gone
#   mongo-cluster.sh restart BASEPORT PORT  start the member on PORT again on its data, wait until
#                                           it is back in the set (PRIMARY or SECONDARY)
#   mongo-cluster.sh status BASEPORT        print each member's port and state
#   mongo-cluster.sh stop BASEPORT          shut every member down cleanly
#
# The mongod binary and pymongo are those of scripts/mongo-test-server.sh (installed by its
# `install` step, under MONGO_TEST_CACHE). Member data lives in MONGO_CLUSTER_DIR (default
# .cache/mongo-cluster)/BASEPORT/data-PORT and survives kill and restart. Elections are short
# (electionTimeoutMillis 2000, heartbeats every 500 ms) so a failover fits in a test, and each
# member has a small cache and oplog so the set fits a 2-core machine. Commands that change the
# set take a lock, so concurrent test processes may all call `start`.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/mongod-process.sh
source "$REPO/scripts/lib/mongod-process.sh"
CACHE="${MONGO_TEST_CACHE:-$REPO/.cache/mongodb}"
PY="$CACHE/venv/bin/python"
CLUSTER_DIR="${MONGO_CLUSTER_DIR:-$REPO/.cache/mongo-cluster}"
WAIT_SECS="${MONGO_CLUSTER_WAIT_SECS:-60}"
SET_NAME="rs3"

die() {
    echo "mongo-cluster: $*" >&2
    exit 1
}

usage() {
    die "usage: $0 start|uri|primary|status|stop BASEPORT | kill|restart BASEPORT PORT"
}

number() {
    [[ "${1:-}" =~ ^[0-9]+$ ]] || usage
    echo "$1"
}

members() { echo "$1" "$(($1 + 1))" "$(($1 + 2))"; }

member_arg() {
    local base="$1" port="$2" m
    for m in $(members "$base"); do
        [[ "$m" == "$port" ]] && return 0
    done
    die "port $port is not a member of the set on $base..$((base + 2))"
}

dir_of() { echo "$CLUSTER_DIR/$1"; }
pid_file() { echo "$(dir_of "$1")/mongod-$2.pid"; }
log_file() { echo "$(dir_of "$1")/mongod-$2.log"; }

mongod_bin() {
    local found
    found="$(find "$CACHE/venv/lib" -path '*/fiftyone/db/bin/mongod' -type f 2>/dev/null | head -n 1)"
    [[ -n "$found" ]] || die "mongod is not installed; run: scripts/mongo-test-server.sh install"
    echo "$found"
}

# The pid of the mongod serving PORT, if alive (a recycled pid is never taken for it).
running_pid() { mongod_pid_from "$(pid_file "$1" "$2")"; }

log_tail() { mongod_log_tail "$(log_file "$1" "$2")" 15; }

# Serialises the commands that change the set (several test processes may start it at once).
with_lock() {
    local base="$1"
    shift
    mkdir -p "$(dir_of "$base")"
    exec 9>"$(dir_of "$base")/lock"
    flock -w "$WAIT_SECS" 9 || die "another mongo-cluster.sh held the lock for ${WAIT_SECS}s"
    "$@"
}

start_member() {
    local base="$1" port="$2" bin data pf
    running_pid "$base" "$port" >/dev/null && return 0
    bin="$(mongod_bin)"
    data="$(dir_of "$base")/data-$port"
    pf="$(pid_file "$base" "$port")"
    mkdir -p "$data"
    rm -f "$pf"
    if ! "$bin" --dbpath "$data" --logpath "$(log_file "$base" "$port")" --logappend \
        --pidfilepath "$pf" --bind_ip 127.0.0.1 --port "$port" --replSet "$SET_NAME" \
        --wiredTigerCacheSizeGB 0.25 --oplogSize 128 \
        --wiredTigerEngineConfigString 'log=(prealloc=false,file_max=20MB)' \
        --setParameter ttlMonitorSleepSecs=1 \
        --setParameter wiredTigerFileHandleCloseIdleTime=20 \
        --setParameter wiredTigerFileHandleCloseScanInterval=5 \
        --fork >/dev/null 9>&-; then
        log_tail "$base" "$port"
        die "mongod failed to start on port $port"
    fi
}

# pymongo does the talking (there is no mongo shell): `py ACTION BASEPORT [PORT]`.
py() {
    [[ -x "$PY" ]] || die "pymongo is not installed; run: scripts/mongo-test-server.sh install"
    "$PY" - "$WAIT_SECS" "$SET_NAME" "$@" <<'PYEOF'
import sys, time
from pymongo import MongoClient
from pymongo.errors import OperationFailure, PyMongoError

budget, set_name, action, base = float(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
ports = [base, base + 1, base + 2]
deadline = time.monotonic() + budget
last = None

def node(port):
    return MongoClient("127.0.0.1", port, directConnection=True,
                       serverSelectionTimeoutMS=500, connectTimeoutMS=500, socketTimeoutMS=2000)

def until(what, step):
    global last
    while time.monotonic() < deadline:
        for port in ports:
            try:
                got = step(port)
                if got is not None:
                    return got
            except PyMongoError as e:
                last = f"{port}: {e}"
        time.sleep(0.1)
    sys.exit(f"mongo-cluster: {what} within {budget:.0f}s (last error: {last})")

def initiate(port):
    c = node(port)
    try:
        c.admin.command("replSetGetStatus")
        return True
    except OperationFailure as e:
        if e.code != 94:  # NotYetInitialized
            raise
    config = {"_id": set_name,
              "members": [{"_id": i, "host": f"127.0.0.1:{p}"} for i, p in enumerate(ports)],
              "settings": {"electionTimeoutMillis": 2000, "heartbeatIntervalMillis": 500}}
    try:
        c.admin.command("replSetInitiate", config)
    except OperationFailure as e:
        if e.code != 23:  # AlreadyInitialized
            raise
    return True

def primary(port):
    hello = node(port).admin.command("hello")
    if hello.get("isWritablePrimary"):
        return port
    return None

def states(port):
    status = node(port).admin.command("replSetGetStatus")
    return {int(m["name"].rsplit(":", 1)[1]): m["stateStr"] for m in status["members"]}

def all_healthy(port):
    s = states(port)
    ok = sorted(s.values()).count("SECONDARY") == 2 and "PRIMARY" in s.values()
    return True if ok else None

if action == "start":
    until("no member answered", lambda p: node(p).admin.command("ping") and initiate(p))
    until("no primary was elected", primary)
    until("not every member joined the set", all_healthy)
elif action == "primary":
    print(until("no primary was elected", primary))
elif action == "rejoined":
    member = int(sys.argv[5])
    until(f"member {member} did not rejoin the set",
          lambda p: True if states(p).get(member) in ("PRIMARY", "SECONDARY") else None)
elif action == "status":
    s = until("no member answered", states)
    for port in ports:
        print(port, s.get(port, "UNKNOWN"))
PYEOF
}

cmd_start() {
    local base="$1" port
    for port in $(members "$base"); do
        start_member "$base" "$port"
    done
    if ! py start "$base"; then
        for port in $(members "$base"); do log_tail "$base" "$port"; done
        die "the replica set on $base..$((base + 2)) did not come up"
    fi
}

cmd_kill() {
    local base="$1" port="$2" pid i
    pid="$(running_pid "$base" "$port")" || return 0
    kill -KILL "$pid"
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -0 "$pid" 2>/dev/null && die "mongod (pid $pid) survived SIGKILL for 5s"
    rm -f "$(pid_file "$base" "$port")"
}

cmd_restart() {
    local base="$1" port="$2"
    start_member "$base" "$port"
    if ! py rejoined "$base" "$port"; then
        log_tail "$base" "$port"
        die "member $port did not rejoin"
    fi
}

cmd_stop() {
    local base="$1" port pid i
    for port in $(members "$base"); do
        pid="$(running_pid "$base" "$port")" || continue
        kill -TERM "$pid"
        for ((i = 0; i < 300; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            log_tail "$base" "$port"
            die "mongod (pid $pid) did not exit within 30s"
        fi
        rm -f "$(pid_file "$base" "$port")"
    done
}

[[ $# -ge 2 ]] || usage
sub="$1"
base="$(number "$2")"
case "$sub" in
start) with_lock "$base" cmd_start "$base" ;;
stop) with_lock "$base" cmd_stop "$base" ;;
uri)
    echo "mongodb://127.0.0.1:$base,127.0.0.1:$((base + 1)),127.0.0.1:$((base + 2))/?replicaSet=$SET_NAME"
    ;;
primary) py primary "$base" ;;
status) py status "$base" ;;
kill | restart)
    port="$(number "${3:-}")"
    member_arg "$base" "$port"
    with_lock "$base" "cmd_$sub" "$base" "$port"
    ;;
*) usage ;;
esac
