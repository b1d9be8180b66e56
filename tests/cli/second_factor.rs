//! `user reset-second-factor` on both stores: it removes the person's second factor and ends
//! their sessions (checked through the stores); a person without one, or no such person, is one
//! clear line and changes nothing.

use std::process::Output;

use auth_center::domain::{SecondFactor, Session};
use auth_center::store::Stores;
use chrono::{Duration, Utc};

use crate::helpers::{bin, json, mongo_args, sqlite_stores, unique_db_name};

fn run(store_args: &[String], args: &[&str]) -> Output {
    bin()
        .args(store_args)
        .args(args)
        .output()
        .expect("binary runs")
}

const RESET: [&str; 4] = ["user", "reset-second-factor", "--username", "jane"];

/// Jane, created by the binary, with a confirmed second factor and a session.
async fn jane_with_a_second_factor(
    store_args: &[String],
    stores: impl AsyncFnOnce() -> Stores,
) -> (String, Stores) {
    let args = [
        "user",
        "create",
        "--username",
        "jane",
        "--email",
        "jane@example.com",
    ];
    let out = run(
        store_args,
        &[&args[..], &["--password", "a long enough password"]].concat(),
    );
    let id = json(&out)["id"].as_str().unwrap().to_owned();
    let s = stores().await;
    let now = Utc::now();
    let factor = SecondFactor {
        user_id: id.clone(),
        secret: "sealed".into(),
        confirmed_at: None,
        last_step: 0,
        recovery_codes: vec![],
        created_at: now,
    };
    assert!(s.second_factors.put_enrolment(&factor).await.unwrap());
    let confirmed = s
        .second_factors
        .confirm_enrolment(&id, "sealed", 1, &[], now);
    assert!(confirmed.await.unwrap());
    let session = Session {
        id: format!("session-{id}"),
        user_id: id.clone(),
        auth_time: now,
        created_at: now,
        last_seen_at: now,
        expires_at: now + Duration::hours(1),
        absolute_expires_at: now + Duration::hours(2),
        user_agent: None,
        amr: vec!["pwd".into(), "otp".into(), "mfa".into()],
        public_id: format!("public-{id}"),
        ip: None,
    };
    s.sessions.insert_session(&session).await.unwrap();
    (id, s)
}

async fn reset_removes_the_factor_and_the_sessions(store_args: &[String], s: &Stores, id: &str) {
    let out = run(store_args, &RESET);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s
        .second_factors
        .get_second_factor(id)
        .await
        .unwrap()
        .is_none());
    assert!(s
        .sessions
        .list_sessions_for_user(id)
        .await
        .unwrap()
        .is_empty());
    let again = run(store_args, &RESET);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success());
    assert!(
        err.trim().starts_with("error: --username:") && err.contains("no second factor"),
        "{err}"
    );
    let nobody = run(
        store_args,
        &["user", "reset-second-factor", "--username", "nobody"],
    );
    let err = String::from_utf8_lossy(&nobody.stderr);
    assert!(!nobody.status.success());
    assert!(err.contains("--username: no user 'nobody'"), "{err}");
}

#[tokio::test]
async fn reset_second_factor_on_sqlite_removes_it_and_ends_the_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let args = vec!["--data-dir".to_string(), dir.path().display().to_string()];
    let (id, s) = jane_with_a_second_factor(&args, async || sqlite_stores(&dir).await).await;
    reset_removes_the_factor_and_the_sessions(&args, &s, &id).await;
}

#[tokio::test]
async fn reset_second_factor_on_mongodb_removes_it_and_ends_the_sessions() {
    let db = unique_db_name("cli-2fa");
    let args = mongo_args(&db);
    let uri = crate::helpers::mongo_uri();
    let store = auth_center::store::mongo::connect(&uri, &db).await.unwrap();
    let backend = std::sync::Arc::new(store.clone());
    let (id, s) = jane_with_a_second_factor(&args, async || Stores::from_backend(backend)).await;
    reset_removes_the_factor_and_the_sessions(&args, &s, &id).await;
    store.drop_database().await.unwrap();
}
