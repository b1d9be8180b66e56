//! MongoDB lost while running: requests that need it answer 503 in the JSON error shape, nothing
//! panics, and service resumes by itself when the server returns. Uses a real mongod of its own,
//! stopped and started through scripts/mongo-test-server.sh.

use std::process::Command;
use std::time::{Duration, Instant};

use secrecy::SecretString;

const PORT: &str = "27118";

pub(crate) fn script(args: &[&str]) -> String {
    let out = Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/mongo-test-server.sh"
        ))
        .args(args)
        .output()
        .expect("mongo-test-server.sh runs");
    assert!(
        out.status.success(),
        "mongo-test-server.sh {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

async fn wait_for_status(app: &crate::helpers::TestApp, path: &str, status: u16, within: Duration) {
    let start = Instant::now();
    loop {
        let got = app.get(path).await.status().as_u16();
        if got == status {
            return;
        }
        assert!(
            start.elapsed() < within,
            "{path} still answers {got}, expected {status}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn losing_mongodb_gives_503_and_service_resumes_when_it_returns() {
    // Fails (never skips) when the test mongod is not installed: scripts/test.sh installs it.
    crate::helpers::mongo_uri();
    script(&["start", PORT]);
    let uri = script(&["uri", PORT]);
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(crate::helpers::Backend::Sqlite, dir.path());
    settings.store.mongodb_uri = Some(SecretString::from(uri));
    settings.store.mongodb_database = crate::helpers::unique_db_name("outage");
    let app = crate::helpers::TestApp::spawn_with(settings, dir).await;
    assert_eq!(app.get("/readyz").await.status(), 200);

    script(&["stop", PORT]);
    let resp = app.get("/readyz").await;
    assert_eq!(resp.status(), 503);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "service_unavailable");
    assert_eq!(
        app.get("/healthz").await.status(),
        200,
        "liveness does not need the store"
    );

    script(&["start", PORT]);
    wait_for_status(&app, "/readyz", 200, Duration::from_secs(60)).await;
    let stores = auth_center::startup::open_stores(&app.settings)
        .await
        .unwrap();
    assert_eq!(
        stores.users.count_users().await.unwrap(),
        1,
        "the admin survived the outage"
    );
    app.stop().await;
    script(&["stop", PORT]);
}
