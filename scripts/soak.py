#!/usr/bin/env python3
"""Mixed load at a fixed rate against one running auth-center, for scripts/soak.sh.

    soak.py URL CLIENT_ID CLIENT_SECRET USERNAME PASSWORD PID MINUTES RATE

Every second RATE operations start (open loop: a slow server does not slow the schedule, so
queueing shows in the latencies): 6 in 10 a client_credentials token, 2 an introspection of a
recent token, 1 its revocation, 1 an authorization-code flow (login, authorize + consent,
exchange, refresh), each request timed on its own. Each minute prints the requests, failures,
p50/p99 latency and the server's RSS; the end prints the RSS growth after the first (warm-up)
minute. Standard library only. Exit status 1 when any request failed.
"""
import base64
import hashlib
import html
import http.client
import os
import queue
import random
import re
import secrets
import sys
import threading
import time
import urllib.parse

URL, CLIENT_ID, SECRET, USER, PASSWORD = sys.argv[1:6]
PID, MINUTES, RATE = int(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8])
HOST = urllib.parse.urlsplit(URL).netloc
REDIRECT = "http://127.0.0.1:9/callback"
BASIC = "Basic " + base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
THREADS = 32
LAST_MINUTE = max(0, -(-int(MINUTES * 60) // 60) - 1)

lock = threading.Lock()
samples = []  # (minute, seconds, ok, what)
failures = []
recent = []  # recent access tokens to introspect and revoke
start = time.monotonic()


def rss_kib():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Conn:
    """One keep-alive connection with a cookie jar."""

    def __init__(self):
        self.c = http.client.HTTPConnection(HOST, timeout=30)
        self.cookies = {}

    def request(self, what, method, path, body=None, headers=None, ok=(200,)):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        t0 = time.monotonic()
        try:
            self.c.request(method, path, body=body, headers=headers)
            r = self.c.getresponse()
            data = r.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as e:
            self.c.close()
            record(what, time.monotonic() - t0, False, f"{what}: no answer: {e}")
            return None, "", ""
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        good = r.status in ok
        record(what, time.monotonic() - t0, good, None if good else f"{what}: {r.status} {data[:200]}")
        return (r.status if good else None), data, r.getheader("Location", "")


def record(what, secs, ok, failure):
    with lock:
        # Requests still finishing after the last second count in the last minute.
        minute = min(int((time.monotonic() - start) // 60), LAST_MINUTE)
        samples.append((minute, secs, ok, what))
        if failure and len(failures) < 1000:
            failures.append(failure)


def token_op(conn):
    status, data, _ = conn.request("token", "POST", "/oauth2/token", {"grant_type": "client_credentials"},
                                   {"Authorization": BASIC})
    if status:
        tok = re.search(r'"access_token":"([^"]+)"', data).group(1)
        with lock:
            recent.append(tok)
            del recent[:-200]


def pick_token():
    with lock:
        return random.choice(recent) if recent else None


def introspect_op(conn):
    tok = pick_token()
    if tok:
        conn.request("introspect", "POST", "/oauth2/introspect", {"token": tok}, {"Authorization": BASIC})


def revoke_op(conn):
    tok = pick_token()
    if tok:
        conn.request("revoke", "POST", "/oauth2/revoke", {"token": tok}, {"Authorization": BASIC})


def hidden(page, name):
    m = re.search(rf'name="{name}" value="([^"]*)"', page)
    return html.unescape(m.group(1)) if m else None


def code_flow(_):
    b = Conn()  # a fresh browser
    try:
        status, page, _ = b.request("login page", "GET", "/accounts/login/")
        if not status:
            return
        form = {"username": USER, "password": PASSWORD, "csrf_token": hidden(page, "csrf_token"), "next": "/"}
        if not b.request("login", "POST", "/accounts/login/", form, ok=(303,))[0]:
            return
        verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        q = urllib.parse.urlencode({"response_type": "code", "client_id": CLIENT_ID, "redirect_uri": REDIRECT,
                                    "scope": "openid profile offline_access", "state": "s",
                                    "code_challenge": challenge, "code_challenge_method": "S256"})
        status, page, loc = b.request("authorize", "GET", f"/oauth2/authorize?{q}", ok=(200, 303))
        if status == 200:
            keys = ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
                    "code_challenge_method", "csrf_token"]
            form = {k: hidden(page, k) for k in keys if hidden(page, k) is not None}
            form["decision"] = "allow"
            status, _, loc = b.request("consent", "POST", "/oauth2/authorize", form, ok=(303,))
        code = urllib.parse.parse_qs(urllib.parse.urlsplit(loc).query).get("code", [None])[0] if status else None
        if not code:
            return
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier}
        status, data, _ = b.request("exchange", "POST", "/oauth2/token", form, {"Authorization": BASIC})
        if status:
            rt = re.search(r'"refresh_token":"([^"]+)"', data).group(1)
            b.request("refresh", "POST", "/oauth2/token", {"grant_type": "refresh_token", "refresh_token": rt},
                      {"Authorization": BASIC})
    finally:
        b.c.close()


MIX = [token_op] * 6 + [introspect_op] * 2 + [revoke_op, code_flow]


def worker(jobs):
    conn = Conn()
    while True:
        op = jobs.get()
        if op is None:
            return
        op(conn)


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else 0.0


def minute_report(m):
    with lock:
        mine = [s for s in samples if s[0] == m]
    lat = [s[1] for s in mine]
    bad = sum(1 for s in mine if not s[2])
    print(f"minute {m + 1}: {len(mine)} requests, {bad} failed, p50 {percentile(lat, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(lat, 0.99) * 1000:.1f} ms, RSS {rss_kib() / 1024:.1f} MiB", flush=True)


def main():
    jobs = queue.Queue(maxsize=THREADS * 50)
    threads = [threading.Thread(target=worker, args=(jobs,), daemon=True) for _ in range(THREADS)]
    for t in threads:
        t.start()
    total_ops = int(MINUTES * 60 * RATE)
    warm_rss, reported = None, 0
    for i in range(total_ops):
        due = start + i / RATE
        time.sleep(max(0.0, due - time.monotonic()))
        jobs.put(MIX[i % len(MIX)])
        minute = int((time.monotonic() - start) // 60)
        while reported < minute:
            minute_report(reported)
            if reported == 0:
                warm_rss = rss_kib()
            reported += 1
    for _ in threads:
        jobs.put(None)
    for t in threads:
        t.join()
    while reported <= LAST_MINUTE:
        minute_report(reported)
        reported += 1
    end_rss = rss_kib()
    lat = [s[1] for s in samples]
    bad = sum(1 for s in samples if not s[2])
    rss = f"at the end {end_rss / 1024:.1f} MiB"
    if warm_rss:
        rss = f"after warm-up {warm_rss / 1024:.1f} MiB, {rss} ({(end_rss - warm_rss) / warm_rss * 100:+.1f} %)"
    print(f"total: {len(samples)} requests in {time.monotonic() - start:.0f} s, {bad} failed, "
          f"p99 {percentile(lat, 0.99) * 1000:.1f} ms; RSS {rss}")
    for f in failures[:10]:
        print("  failed:", f)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
