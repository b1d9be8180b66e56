#!/usr/bin/env bash
# Measures the bounded password-hashing queue on a release build, on 127.0.0.1 only, with a
# bounded load (fixed request counts and durations): a burst of concurrent password grants for
# unknown accounts, then a sustained flood, while a person logs in through the login page.
# The flood comes from one address and the person from another (both given in X-Forwarded-For
# by 127.0.0.1, listed as a trusted proxy), as from the internet behind a reverse proxy.
# Reports the server's resident size (VmRSS from /proc, sampled every 10 ms) before, at the peak
# and 2 s and 12 s after (past the blocking pool's idle-thread lifetime), its thread count, the
# time to a 503, the 503 rate and how long the real login took.
# Default argon2 parameters (19 MiB, t=2) unless AUTH_CENTER__SECURITY__* say otherwise.
# Not part of the test command.
#
# Usage: scripts/hash-flood.sh [burst=500] [sustained-workers=64] [sustained-seconds=10]
# Env:   FLOOD_MONGODB_URI=mongodb://...  run on MongoDB instead of SQLite
#        FLOOD_PORT=18081                 port to listen on
#        FLOOD_BIN=path/to/auth-center    measure this build instead of building one
# Needs: python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
BURST="${1:-500}"
WORKERS="${2:-64}"
SECONDS_="${3:-10}"
PORT="${FLOOD_PORT:-18081}"

DATA="$(mktemp -d)"
# A copy: the target directory may be shared with other builds.
BIN="$DATA/auth-center"
if [ -z "${FLOOD_BIN:-}" ]; then
  cargo build --release --locked --quiet
  FLOOD_BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/auth-center"
fi
cp "$FLOOD_BIN" "$BIN"
ARGS=(--data-dir "$DATA" --bind "127.0.0.1:$PORT" --admin-password "flood-admin-password")
if [ -n "${FLOOD_MONGODB_URI:-}" ]; then
  ARGS+=(--mongodb-uri "$FLOOD_MONGODB_URI" --mongodb-database "flood_$(date +%s)")
fi
export AUTH_CENTER__LOG__LEVEL=error
# The flood guesses on unknown accounts from one address: the login throttle is not measured.
export AUTH_CENTER__ACCOUNTS__LOGIN_MAX_FAILURES=1000000
export AUTH_CENTER__ACCOUNTS__LOGIN_MAX_FAILURES_PER_IP=1000000
export AUTH_CENTER__SERVER__TRUSTED_PROXIES='["127.0.0.1"]'

"$BIN" "${ARGS[@]}" serve >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  sleep 0.1
done

AUTH_CENTER_NEW_USER_PASSWORD="a long enough password" \
  "$BIN" "${ARGS[@]}" user create --username alice --email alice@example.com >/dev/null
CLIENT_JSON="$("$BIN" "${ARGS[@]}" client create --name flood --owner admin --grant-type password)"

echo "password-grant flood on $(nproc) CPUs, store: $([ -n "${FLOOD_MONGODB_URI:-}" ] && echo mongodb || echo sqlite)"
python3 - "$SERVER" "$PORT" "$BURST" "$WORKERS" "$SECONDS_" "$CLIENT_JSON" <<'PY'
import asyncio, base64, json, re, statistics, sys, time, urllib.parse

pid, port, burst, workers, seconds, client = sys.argv[1:7]
port, burst, workers, seconds = int(port), int(burst), int(workers), float(seconds)
client = json.loads(client)
basic = base64.b64encode(f"{client['client_id']}:{client['client_secret']}".encode()).decode()

FLOOD_IP, PERSON_IP = "203.0.113.7", "198.51.100.20"

def status_field(name):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(name + r":\s+(\d+)", f.read()).group(1))

def rss_mib():
    return status_field("VmRSS") / 1024

def state():
    return f"{rss_mib():.1f} MiB ({status_field('Threads')} threads)"

async def request(method, path, body=b"", headers=()):
    r, w = await asyncio.open_connection("127.0.0.1", port)
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers)
    if body:
        head += f"Content-Length: {len(body)}\r\n"
    w.write(head.encode() + b"\r\n" + body)
    await w.drain()
    raw = await r.read()
    w.close()
    head, _, rest = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    hdrs = [tuple(x.strip() for x in l.split(":", 1)) for l in lines[1:] if ":" in l]
    return status, hdrs, rest

async def grant(username, password):
    body = urllib.parse.urlencode({"grant_type": "password", "username": username,
                                   "password": password}).encode()
    start = time.monotonic()
    status, _, _ = await request("POST", "/oauth2/token", body, [
        ("Authorization", f"Basic {basic}"), ("X-Forwarded-For", FLOOD_IP),
        ("Content-Type", "application/x-www-form-urlencoded")])
    return status, time.monotonic() - start

async def page_login(deadline):
    """The login page, as a browser does it; retried on 503 until the deadline."""
    start = time.monotonic()
    while time.monotonic() < deadline:
        status, hdrs, page = await request("GET", "/accounts/login/",
                                           headers=[("X-Forwarded-For", PERSON_IP)])
        cookies = "; ".join(v.split(";")[0] for k, v in hdrs if k.lower() == "set-cookie")
        csrf = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"username": "alice", "password": "a long enough password",
                                       "csrf_token": csrf, "next": "/"}).encode()
        status, _, _ = await request("POST", "/accounts/login/", body, [
            ("Cookie", cookies), ("Content-Type", "application/x-www-form-urlencoded"),
            ("X-Forwarded-For", PERSON_IP)])
        if status == 303:
            return time.monotonic() - start
        if status != 503:
            raise SystemExit(f"login answered {status}")
        await asyncio.sleep(0.02)
    return None

async def sample(peak, stop):
    while not stop.is_set():
        peak[0] = max(peak[0], rss_mib())
        await asyncio.sleep(0.01)

def report(name, results):
    refused = sorted(t for s, t in results if s == 503)
    other = [s for s, _ in results if s not in (400, 503)]
    rate = 100 * len(refused) / len(results)
    line = f"{name}: {len(results)} grants, {len(refused)} refused 503 ({rate:.0f} %)"
    if refused:
        p95 = refused[int(0.95 * (len(refused) - 1))]
        line += f", time to 503 median {1000 * statistics.median(refused):.1f} ms, p95 {1000 * p95:.1f} ms"
    if other:
        line += f", unexpected statuses {sorted(set(other))}"
    print(line)

async def sustained(results, until):
    i = 0
    while time.monotonic() < until:
        i += 1
        results.append(await grant(f"ghost-s{i}-{id(results)}", "guess"))

async def main():
    for _ in range(3):
        await grant("warm-up", "x")
    await asyncio.sleep(0.5)
    idle, idle_state = rss_mib(), state()
    peak, stop = [idle], asyncio.Event()
    sampler = asyncio.create_task(sample(peak, stop))
    start = time.monotonic()
    burst_tasks = [asyncio.create_task(grant(f"ghost{i}", "guess")) for i in range(burst)]
    login = asyncio.create_task(page_login(start + 10))
    results = await asyncio.gather(*burst_tasks)
    took = await login
    report(f"burst of {burst} at once", results)
    print(f"  real login through the page during the burst: "
          + (f"{1000 * took:.0f} ms" if took is not None else "did not get in within 10 s"))
    until = time.monotonic() + seconds
    per_worker = [[] for _ in range(workers)]
    login = asyncio.create_task(page_login(until))
    await asyncio.gather(*(sustained(r, until) for r in per_worker))
    took = await login
    report(f"sustained: {workers} clients for {seconds:.0f} s", [x for r in per_worker for x in r])
    print(f"  real login through the page during the sustained flood: "
          + (f"{1000 * took:.0f} ms" if took is not None else "did not get in"))
    stop.set()
    await sampler
    await asyncio.sleep(2)
    after = state()
    await asyncio.sleep(10)
    print(f"server RSS: before {idle_state}, peak {peak[0]:.1f} MiB, 2 s after {after}, "
          f"12 s after {state()}")

asyncio.run(main())
PY
