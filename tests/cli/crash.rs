//! The SQLite store survives the process being killed in the middle of writing: `serve` on a
//! data directory takes a burst of concurrent revocations (each one a write: the deny-list
//! entry of an access token; issuing one writes nothing), is SIGKILLed while they are in
//! flight, and starts again on the same directory. The database passes `PRAGMA
//! integrity_check`, and every revocation the server acknowledged before the kill is still
//! there: the token is inactive at the introspection endpoint and its entry is in the file,
//! while a token that was never revoked is still active.

use std::io::{BufRead, BufReader, Read as _};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::Value;

use crate::helpers::{bin, json};

/// Tokens acknowledged before the kill; enough for the kill to land mid-burst.
const ACKNOWLEDGED_BEFORE_KILL: usize = 300;
const CONCURRENCY: usize = 8;

/// `auth-center serve` on `dir`, port 0, one fixed public URL; returns the child and its base URL.
fn serve(dir: &Path) -> (Child, String) {
    let mut child = bin()
        .args([
            "--data-dir",
            &dir.display().to_string(),
            "--bind",
            "127.0.0.1:0",
        ])
        // One issuer across restarts on different ports, or the old tokens are another's.
        .args(["--public-url", "http://localhost:8080"])
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let Some(line) = lines.next() else {
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            panic!(
                "the server stopped before listening: {:?}\n{err}",
                child.wait()
            );
        };
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("auth-center listening on ") {
            break rest.to_owned();
        }
    };
    // Keep reading: a closed pipe would fail the server's next line of output.
    std::thread::spawn(move || lines.for_each(drop));
    let err = BufReader::new(child.stderr.take().unwrap()).lines();
    std::thread::spawn(move || err.for_each(drop));
    (child, addr)
}

/// A confidential app allowed the client_credentials grant, created by the operator command.
fn create_app(dir: &Path) -> (String, String) {
    let store = ["--data-dir".to_owned(), dir.display().to_string()];
    json(
        &bin()
            .args(&store)
            .args(["user", "create", "--username", "ops"])
            .args([
                "--email",
                "ops@example.com",
                "--password",
                "a long enough password",
            ])
            .output()
            .unwrap(),
    );
    let app = json(
        &bin()
            .args(&store)
            .args(["client", "create", "--name", "Burst", "--owner", "ops"])
            .args(["--redirect-uri", "https://app.example/cb"])
            .args(["--grant-type", "client_credentials", "--scope", "profile"])
            .output()
            .unwrap(),
    );
    let field = |k: &str| app[k].as_str().unwrap().to_owned();
    (field("client_id"), field("client_secret"))
}

/// A new access token of `app`; `None` once the server stops answering.
async fn token(http: &reqwest::Client, base: &str, app: &(String, String)) -> Option<String> {
    let resp = http
        .post(format!("{base}/oauth2/token"))
        .basic_auth(&app.0, Some(&app.1))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .ok()?;
    assert_eq!(resp.status(), 200, "the burst is refused");
    let body = resp.json::<Value>().await.ok()?;
    Some(body["access_token"].as_str().unwrap().to_owned())
}

/// Revokes `token` (RFC 7009); whether the server acknowledged it.
async fn revoke(http: &reqwest::Client, base: &str, app: &(String, String), token: &str) -> bool {
    let sent = http
        .post(format!("{base}/oauth2/revoke"))
        .basic_auth(&app.0, Some(&app.1))
        .form(&[("token", token)])
        .send()
        .await;
    let Ok(resp) = sent else { return false };
    assert_eq!(resp.status(), 200, "a revocation is refused");
    resp.bytes().await.is_ok()
}

/// Gets and revokes tokens from `CONCURRENCY` tasks until the server stops answering; every
/// token whose revocation it acknowledged is pushed to `acked` as soon as the answer arrives.
async fn burst(base: &str, app: &(String, String), acked: Arc<Mutex<Vec<String>>>) {
    let http = reqwest::Client::new();
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let (http, acked, base) = (http.clone(), acked.clone(), base.to_owned());
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            while let Some(t) = token(&http, &base, &app).await {
                if !revoke(&http, &base, &app, &t).await {
                    return;
                }
                acked.lock().unwrap().push(t);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
}

/// The `jti` claim of an access token (a JWT), read without verifying it.
fn jti(token: &str) -> String {
    let payload = token.split('.').nth(1).expect("a JWT");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap();
    let claims: Value = serde_json::from_slice(&bytes).unwrap();
    claims["jti"].as_str().unwrap().to_owned()
}

async fn introspect(base: &str, app: &(String, String), token: &str) -> bool {
    let resp = reqwest::Client::new()
        .post(format!("{base}/oauth2/introspect"))
        .basic_auth(&app.0, Some(&app.1))
        .form(&[("token", token)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.json::<Value>().await.unwrap()["active"] == true
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_sqlite_server_killed_during_a_write_burst_restarts_intact_with_every_acknowledged_write()
{
    let dir = tempfile::tempdir().unwrap();
    let app = create_app(dir.path());
    let (mut server, base) = serve(dir.path());
    let kept = token(&reqwest::Client::new(), &base, &app).await.unwrap();
    let acked = Arc::new(Mutex::new(Vec::new()));
    let load = tokio::spawn({
        let (base, app, acked) = (base.clone(), app.clone(), acked.clone());
        async move { burst(&base, &app, acked).await }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    while acked.lock().unwrap().len() < ACKNOWLEDGED_BEFORE_KILL {
        assert!(Instant::now() < deadline, "the burst is too slow");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    server.wait().unwrap();
    load.await.unwrap();
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= ACKNOWLEDGED_BEFORE_KILL);

    let (mut server, base) = serve(dir.path());
    for token in &acked {
        assert!(
            !introspect(&base, &app, token).await,
            "an acknowledged revocation was lost"
        );
    }
    assert!(
        introspect(&base, &app, &kept).await,
        "a token never revoked"
    );
    let term = std::process::Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    assert!(server.wait().unwrap().success());

    let db = rusqlite::Connection::open_with_flags(
        dir.path().join(auth_center::store::sqlite::DB_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut stored = db
        .prepare("SELECT 1 FROM revoked_tokens WHERE jti = ?1")
        .unwrap();
    for token in &acked {
        assert!(stored.exists([jti(token)]).unwrap(), "not in the file");
    }
    let rows: usize = db
        .query_row("SELECT COUNT(*) FROM revoked_tokens", [], |r| r.get(0))
        .unwrap();
    // Writes committed after the last answer was sent may be there too, unacknowledged.
    eprintln!(
        "{} revocations acknowledged before the kill, {rows} stored",
        acked.len()
    );
    assert!(rows >= acked.len());
}
