//! Floods of password grants against the bounded hashing queue, on both stores, from one
//! address while a person logs in from another (both given in `X-Forwarded-For` by the
//! loopback peer, a trusted proxy here, as behind a reverse proxy):
//! - a burst of 500 at once: what the queue cannot take is refused at once with 503
//!   `temporarily_unavailable`, the person gets in, and the server's resident size
//!   (read from /proc: the server runs in this process) stays below idle + hash_concurrency ×
//!   argon2 memory + 64 MiB and is back within 10 % of idle once the flood is answered (the
//!   flood's clients write and read raw HTTP/1.1 with small buffers, so they add little);
//! - a sustained flood (64 clients retrying at once for 3 s): a person who starts logging in
//!   while it is at full strength gets in.
//!
//! The requirement's 2 s for the login is measured on a release build by
//! `scripts/hash-flood.sh` (10 s of sustained flood); this debug build has an allowance.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;

use crate::helpers::oauth::{new_client, post_form, world_on, World};
use crate::helpers::{extract_hidden, test_settings, Backend, TestApp};

const MIB: u64 = 1024 * 1024;
const FLOOD: usize = 500;
/// Concurrent guesses of the warm-up, before the resting size is taken.
const WARM_UP_BURST: usize = 100;
const SUSTAINED_CLIENTS: usize = 64;
const SUSTAINED_FOR: Duration = Duration::from_secs(3);
const ARGON2_MEMORY_KIB: u32 = 16 * 1024;
const HASH_CONCURRENCY: usize = 2;
const FLOOD_IP: &str = "203.0.113.7";
const PERSON_IP: &str = "198.51.100.20";
/// A real login gets in within this long of starting, in the burst and in the sustained flood.
/// Release (`scripts/hash-flood.sh`): 0.2-0.7 s, and 1.1-5.8 s before the flood's guesses were
/// kept out of the places held for a person and refused grants stopped reading the store. This
/// debug build, where the server, the flood's clients and the store share two cores (and CPU
/// time, not the queue, is the limit): 0.4-1.9 s, up to 4.5 s while other builds ran.
const LOGIN_WITHIN: Duration = Duration::from_secs(5);
/// The median time to a 503 and the time to answer the whole flood, client side, with the same
/// allowance (release figures: tens to hundreds of milliseconds). Without the bound every
/// request waited for its hash: the flood took 26-30 s here and no request was refused.
const REFUSED_WITHIN: Duration = Duration::from_millis(2500);
const FLOOD_ANSWERED_WITHIN: Duration = Duration::from_secs(6);

/// The resident size is back within this fraction of idle once the flood is answered (it grew
/// 13 % on SQLite and 47 % on MongoDB in release while every refused grant still read the
/// store, and stayed there).
const BACK_WITHIN: f64 = 0.10;

fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap()
        * 1024
}

/// Samples the resident size every 10 ms into `peak` until `stop` is set.
fn watch_peak(peak: Arc<AtomicU64>, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            peak.fetch_max(rss(), Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(10));
        }
    })
}

/// Logs in through the page with a fresh browser, retrying on 503, until `deadline`.
async fn login_until(app: &TestApp, deadline: Instant) -> Option<Duration> {
    let start = Instant::now();
    while Instant::now() < deadline {
        let mut from = reqwest::header::HeaderMap::new();
        from.insert("x-forwarded-for", PERSON_IP.parse().unwrap());
        let browser = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .default_headers(from)
            .build()
            .unwrap();
        let html = browser
            .get(app.url("/accounts/login/"))
            .send()
            .await
            .unwrap();
        let csrf = extract_hidden(&html.text().await.unwrap(), "csrf_token").unwrap();
        let resp = browser
            .post(app.url("/accounts/login/"))
            .form(&[
                ("username", "alice"),
                ("password", "a long enough password"),
                ("csrf_token", csrf.as_str()),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        match resp.status().as_u16() {
            303 => return Some(start.elapsed()),
            503 => tokio::time::sleep(Duration::from_millis(20)).await,
            other => panic!("login answered {other}"),
        }
    }
    None
}

/// A password grant for `username` (unknown) from the flooding address, as an app that allows
/// the password grant sends it: one HTTP/1.1 request per connection, written and read with a
/// small buffer, so that the flood's clients (in this process) add little to the resident size
/// measured for the server.
#[derive(Clone)]
struct Guesser {
    addr: std::net::SocketAddr,
    basic: String,
}

/// What a guess got: status, `Cache-Control: no-store`, the error code, the time it took.
type Answer = (u16, bool, String, Duration);

impl Guesser {
    async fn guess(&self, username: &str) -> Answer {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let sent = Instant::now();
        let body = format!("grant_type=password&username={username}&password=guess");
        let request = format!(
            "POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
             Authorization: Basic {}\r\nX-Forwarded-For: {FLOOD_IP}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            self.basic,
            body.len()
        );
        let mut conn = tokio::net::TcpStream::connect(self.addr).await.unwrap();
        conn.write_all(request.as_bytes()).await.unwrap();
        let mut response = Vec::with_capacity(1024);
        conn.read_to_end(&mut response).await.unwrap();
        let response = String::from_utf8(response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let no_store = head
            .lines()
            .any(|l| l.eq_ignore_ascii_case("cache-control: no-store"));
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        let error = body["error"].as_str().unwrap_or("").to_owned();
        (status, no_store, error, sent.elapsed())
    }
}

/// The app under flood: small argon2 memory, two hashing slots, the loopback a trusted proxy,
/// the throttle's limits lifted (the flood guesses on unknown accounts: the queue is under
/// test, not the throttle), an app allowed the password grant, and a warm-up (first
/// connections, first hashes, a first burst) so that the resident size taken next is the resting
/// one.
async fn flood_app(b: Backend) -> (World, Guesser) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.security.argon2_memory_kib = ARGON2_MEMORY_KIB;
    settings.security.argon2_iterations = 2;
    settings.security.hash_concurrency = HASH_CONCURRENCY;
    settings.accounts.login_max_failures = 100_000;
    settings.accounts.login_max_failures_per_ip = 100_000;
    settings.server.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    let w = world_on(TestApp::spawn_with(settings, dir).await).await;
    let legacy = new_client(&w.app, &w.user.id, &["password"], false).await;
    let secret = legacy.secret.clone().unwrap();
    let credentials = format!("{}:{secret}", legacy.client.client_id);
    let url = url::Url::parse(&w.app.address).unwrap();
    let guesser = Guesser {
        addr: url.socket_addrs(|| None).unwrap()[0],
        basic: base64::engine::general_purpose::STANDARD.encode(credentials),
    };
    for _ in 0..3 {
        let basic = Some((legacy.client.client_id.as_str(), secret.as_str()));
        let form = [
            ("grant_type", "password"),
            ("username", "nobody"),
            ("password", "x"),
        ];
        post_form(&w.app, "/oauth2/token", basic, &form).await;
        assert_eq!(guesser.guess("nobody").await.0, 400);
    }
    // And a first burst of concurrent connections: what it leaves in the allocator's free lists
    // (connection buffers, tasks) is reused by the next burst, not kept per request, so it
    // belongs to the resting size.
    let burst: Vec<_> = (0..WARM_UP_BURST)
        .map(|i| {
            let guesser = guesser.clone();
            tokio::spawn(async move { guesser.guess(&format!("warm{i}")).await.0 })
        })
        .collect();
    for b in burst {
        assert!(matches!(b.await.unwrap(), 400 | 503));
    }
    (w, guesser)
}

async fn a_burst_of_password_grants_is_refused_fast_in_bounded_memory_and_a_real_login_gets_in(
    b: Backend,
) {
    let (w, guesser) = flood_app(b).await;
    let idle = rss();
    let peak = Arc::new(AtomicU64::new(idle));
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = watch_peak(peak.clone(), stop.clone());
    let start = Instant::now();
    let flood: Vec<_> = (0..FLOOD)
        .map(|i| {
            let guesser = guesser.clone();
            tokio::spawn(async move { guesser.guess(&format!("ghost{i}")).await })
        })
        .collect();
    let login = login_until(&w.app, start + LOGIN_WITHIN).await;
    let mut refused = vec![];
    for f in flood {
        let (status, no_store, error, took) = f.await.unwrap();
        match status {
            503 => {
                assert_eq!(error, "temporarily_unavailable");
                assert!(no_store);
                refused.push(took);
            }
            400 => assert_eq!(error, "invalid_grant"),
            other => panic!("a flooding grant answered {other}"),
        }
    }
    let flood_took = start.elapsed();
    // The flood's connections are closed: the server is at rest again.
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, Ordering::Relaxed);
    watcher.join().unwrap();
    let (peak, after) = (peak.load(Ordering::Relaxed), rss());
    refused.sort();
    eprintln!(
        "burst of {FLOOD}: {} refused (503), median refusal {:?}, slowest {:?}; answered in \
         {flood_took:?}; login in {login:?}; RSS idle {:.1} MiB, peak {:.1} MiB, after {:.1} MiB",
        refused.len(),
        refused.get(refused.len() / 2),
        refused.last(),
        idle as f64 / MIB as f64,
        peak as f64 / MIB as f64,
        after as f64 / MIB as f64
    );
    assert!(
        login.is_some_and(|t| t < LOGIN_WITHIN),
        "a real login got in within {LOGIN_WITHIN:?} of the flood's start: {login:?}"
    );
    assert!(
        refused.len() >= FLOOD / 2,
        "most of the flood is refused: {}",
        refused.len()
    );
    assert!(
        refused[refused.len() / 2] < REFUSED_WITHIN,
        "refusals are fast"
    );
    assert!(
        flood_took < FLOOD_ANSWERED_WITHIN,
        "the flood is answered fast"
    );
    let bound = idle + HASH_CONCURRENCY as u64 * u64::from(ARGON2_MEMORY_KIB) * 1024 + 64 * MIB;
    assert!(
        peak < bound,
        "peak {} MiB over the bound {} MiB",
        peak / MIB,
        bound / MIB
    );
    assert!(
        after as f64 <= idle as f64 * (1.0 + BACK_WITHIN),
        "the resident size is back within {BACK_WITHIN} of idle after the flood"
    );
    w.app.stop().await;
}

async fn under_a_sustained_flood_a_real_login_gets_in(b: Backend) {
    let (w, guesser) = flood_app(b).await;
    let until = Instant::now() + SUSTAINED_FOR;
    let clients: Vec<_> = (0..SUSTAINED_CLIENTS)
        .map(|c| {
            let guesser = guesser.clone();
            tokio::spawn(async move {
                let mut statuses = vec![];
                while Instant::now() < until {
                    let name = format!("ghost-{c}-{}", statuses.len());
                    statuses.push(guesser.guess(&name).await.0);
                }
                statuses
            })
        })
        .collect();
    // The person starts once the flood is at full strength: the queue full, its address failing.
    tokio::time::sleep(SUSTAINED_FOR / 3).await;
    let login = login_until(&w.app, Instant::now() + LOGIN_WITHIN).await;
    let mut statuses = vec![];
    for c in clients {
        statuses.extend(c.await.unwrap());
    }
    let refused = statuses.iter().filter(|s| **s == 503).count();
    eprintln!(
        "sustained flood: {SUSTAINED_CLIENTS} clients for {SUSTAINED_FOR:?}, {} grants, \
         {refused} refused (503); login in {login:?}",
        statuses.len()
    );
    assert!(
        login.is_some_and(|t| t < LOGIN_WITHIN),
        "a real login got in within {LOGIN_WITHIN:?} under the flood: {login:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 400 || *s == 503),
        "only wrong guesses and refusals"
    );
    assert!(
        refused * 2 >= statuses.len(),
        "the queue was full: {refused} of {} refused",
        statuses.len()
    );
    w.app.stop().await;
}

on_both_stores!(
    a_burst_of_password_grants_is_refused_fast_in_bounded_memory_and_a_real_login_gets_in,
    under_a_sustained_flood_a_real_login_gets_in,
);
