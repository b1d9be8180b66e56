//! A CPU regression guard for the token endpoint that a loaded machine cannot flake, on both
//! stores: a ratio of CPU times, never a wall-clock time. The app runs in this process on a
//! runtime of its own whose threads (workers and blocking pool) carry one name, so the CPU they
//! spend on client_credentials requests (authenticate the client, sign an ES256 access token,
//! store what revocation needs, answer) is told apart from the client's; the unit is the CPU
//! time of signing a JWT of the same shape with the same code, measured in the same test. Both
//! are thread CPU time (`/proc/.../schedstat`, nanoseconds), which neighbours on the machine
//! slow down alike. A token costing more than [`max_signatures`] signatures fails.
//!
//! MongoDB's own CPU (another process) is not counted: on that store this guards the server's
//! side of each round trip.

use std::time::{Duration, Instant};

use auth_center::crypto::{jwt, keys};
use tokio::sync::oneshot;

use crate::helpers::oauth::world;
use crate::helpers::Backend;

/// At most this many signatures per token. Debug build, where the server's own code is
/// unoptimised and the signature is not (ring is built with opt-level 3 in every profile), on a
/// 2-core machine with two or three other builds running: 17-35 on SQLite, 70-104 on MongoDB
/// (the driver and BSON unoptimised). SQLite's bound leaves about 1.5 times the worst figure,
/// MongoDB's twice, so a regression of the order of a password hash, a per-request key parse
/// at debug speed or a scan of the store fails. In a release build the SQLite token costs
/// about 0.2 ms of server CPU (`scripts/bench.sh`, c=8).
fn max_signatures(b: Backend) -> f64 {
    match b {
        Backend::Sqlite => 50.0,
        Backend::Mongo => 200.0,
    }
}

/// The threads of the app's runtime (a thread name keeps 15 bytes).
const SERVER_THREADS: &str = "token-cpu-srv";
/// Enough CPU time on each side that the scheduler's accounting granularity (a tick) is noise.
const SERVER_CPU_AT_LEAST: Duration = Duration::from_millis(400);
const SIGN_CPU_AT_LEAST: Duration = Duration::from_millis(200);

/// Nanoseconds a thread has run: the first field of its schedstat.
fn schedstat_ns(path: &std::path::Path) -> Option<u64> {
    let text = std::fs::read_to_string(path).ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// CPU time of every live thread of the app's runtime.
fn server_cpu() -> Duration {
    let mut ns = 0;
    for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if comm.trim_end() == SERVER_THREADS {
            ns += schedstat_ns(&task.path().join("schedstat")).unwrap_or(0);
        }
    }
    Duration::from_nanos(ns)
}

fn own_cpu() -> Duration {
    let ns = schedstat_ns("/proc/thread-self/schedstat".as_ref()).expect("schedstat");
    Duration::from_nanos(ns)
}

/// CPU time per JWT signed with ES256 through `jwt::sign`, claims shaped like an access token.
fn one_signature() -> Duration {
    let key = keys::generate_es256("guard").unwrap();
    let key = jwt::signing_key_from_pem(keys::SigningAlg::Es256, &key.private_pem).unwrap();
    let claims = serde_json::json!({
        "iss": "http://127.0.0.1:40000", "sub": "Zk3mQ0aV1xYtWc8rLp2sHn7d",
        "aud": "http://127.0.0.1:40000", "client_id": "Zk3mQ0aV1xYtWc8rLp2sHn7d",
        "scope": "apps", "jti": "8cQm1rTzXw2yVb4nLk6pHs0d", "iat": 1_800_000_000_i64,
        "exp": 1_800_003_600_i64,
    });
    let start = own_cpu();
    let mut n = 0u32;
    while own_cpu() - start < SIGN_CPU_AT_LEAST {
        for _ in 0..50 {
            let token = jwt::sign(&claims, &key, keys::SigningAlg::Es256, "guard", "at+jwt");
            assert!(token.unwrap().len() > 100);
        }
        n += 50;
    }
    (own_cpu() - start) / n
}

async fn a_client_credentials_token_costs_a_bounded_number_of_signatures(b: Backend) {
    // The app lives on its own named runtime, in a thread of its own.
    let (ready_tx, ready_rx) = oneshot::channel();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let server = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name(SERVER_THREADS)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let w = world(b).await;
            let secret = w.web.secret.clone().unwrap();
            let _ = ready_tx.send((
                w.app.url("/oauth2/token"),
                w.web.client.client_id.clone(),
                secret,
            ));
            let _ = stop_rx.await;
            w.app.stop().await;
        });
    });
    let (url, id, secret) = ready_rx.await.unwrap();
    let client = reqwest::Client::new();
    let token = || async {
        let resp = client
            .post(&url)
            .basic_auth(&id, Some(&secret))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap();
        (resp.status().as_u16(), resp.text().await.unwrap())
    };
    // The first token generates the signing key; the next ones warm the caches.
    for _ in 0..20 {
        assert_eq!(token().await.0, 200);
    }
    let (start, started) = (server_cpu(), Instant::now());
    let mut requests = 0u32;
    while server_cpu() - start < SERVER_CPU_AT_LEAST && started.elapsed() < Duration::from_secs(60)
    {
        for _ in 0..25 {
            let (status, body) = token().await;
            assert_eq!(status, 200, "{body}");
        }
        requests += 25;
    }
    let per_token = (server_cpu() - start) / requests;
    let per_signature = one_signature();
    let ratio = per_token.as_secs_f64() / per_signature.as_secs_f64();
    eprintln!(
        "{b:?}: {requests} tokens, {per_token:?} server CPU each; a signature {per_signature:?}; \
         a token costs {ratio:.1} signatures"
    );
    let _ = stop_tx.send(());
    tokio::task::spawn_blocking(move || server.join().unwrap())
        .await
        .unwrap();
    let max = max_signatures(b);
    assert!(
        ratio <= max,
        "a client_credentials token costs {ratio:.1} ES256 signatures of CPU (at most {max})"
    );
}

on_both_stores!(a_client_credentials_token_costs_a_bounded_number_of_signatures);
