#!/usr/bin/env bash
# The SMTP sink of the test suites (aiosmtpd, pinned, in a venv under .cache/).
#   smtp-test-server.sh install      create the venv and install aiosmtpd
#   smtp-test-server.sh start PORT   start the sink in the background; messages go to .cache/smtp-PORT/mail
#   smtp-test-server.sh dir PORT     print that directory
#   smtp-test-server.sh stop PORT    stop it
set -euo pipefail
cd "$(dirname "$0")/.."
AIOSMTPD_VERSION="1.4.6"
VENV=".cache/smtp-venv"
cmd="${1:-}"; port="${2:-2525}"
base=".cache/smtp-${port}"
case "$cmd" in
  install)
    if ! "$VENV/bin/python" -c "import aiosmtpd, sys; sys.exit(aiosmtpd.__version__ != '$AIOSMTPD_VERSION')" 2>/dev/null; then
      python3 -m venv "$VENV"
      "$VENV/bin/pip" install --quiet "aiosmtpd==${AIOSMTPD_VERSION}"
    fi ;;
  start)
    mkdir -p "$base/mail"
    if [ -f "$base/pid" ] && kill -0 "$(cat "$base/pid")" 2>/dev/null; then exit 0; fi
    "$VENV/bin/python" scripts/smtp-sink.py "$port" "$PWD/$base/mail" >"$base/log" 2>&1 &
    echo $! >"$base/pid"
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then exit 0; fi
      sleep 0.1
    done
    echo "smtp sink did not start; see $base/log" >&2; exit 1 ;;
  dir) echo "$PWD/$base/mail" ;;
  stop)
    if [ -f "$base/pid" ]; then kill "$(cat "$base/pid")" 2>/dev/null || true; rm -f "$base/pid"; fi ;;
  *) echo "usage: $0 install|start|dir|stop [PORT]" >&2; exit 2 ;;
esac
