# Sourced by scripts/mongo-test-server.sh and scripts/mongo-cluster.sh: what both need to know
# about a mongod process they started.

# Prints the pid recorded in PIDFILE if that process is alive and is a mongod.
mongod_pid_from() {
    local pf="$1" pid
    [[ -f "$pf" ]] || return 1
    pid="$(tr -dc '0-9' <"$pf")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    # A stale pid file may name a recycled pid: never signal anything but a mongod.
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "mongod" ]] || return 1
    echo "$pid"
}

# Prints the last LINES lines of LOGFILE to stderr, if it exists.
mongod_log_tail() {
    local log="$1" lines="$2"
    [[ -f "$log" ]] || return 0
    echo "---- last lines of $log ----" >&2
    tail -n "$lines" "$log" >&2
}
