//! The audit queue and retention: with a queue of one, a flood of events drops (and counts)
//! what does not fit while every request is answered as usual; an event past its retention is
//! no longer listed, the SQLite sweeper deletes it and MongoDB has the TTL index that does.

use std::time::Duration;

use reqwest::Method;

use super::{event, events_until, sign_in, EVENTS, PW};
use crate::helpers::caller::Caller;
use crate::helpers::{test_settings, Backend, TestApp};
use auth_center::service::audit::{Entry, Kind};

async fn a_full_queue_drops_and_counts_events_and_requests_are_answered_as_usual(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.audit.queue_size = 1;
    settings.metrics.enabled = true;
    let app = TestApp::spawn_with(settings, dir).await;
    let dropped_before = auth_center::metrics::metrics().audit_dropped_count();
    let flood = {
        let audit = app.services.audit.clone();
        tokio::spawn(async move {
            for _ in 0..2000 {
                audit.record(Entry::system(Kind::KeyRotated).detail("flood", "yes"));
            }
        })
    };
    let target = &app;
    // Fewer than the hashing queue's places, which refuse a flood of passwords by themselves.
    let logins = (0..4).map(|i| {
        let (app, browser) = (target, target.new_browser());
        async move {
            sign_in(app, &browser, &format!("nobody{i}"), "wrong")
                .await
                .status()
        }
    });
    let statuses = futures_util::future::join_all(logins).await;
    flood.await.unwrap();
    for s in statuses {
        assert!(s == 401 || s == 429, "answered {s}");
    }
    let dropped = auth_center::metrics::metrics().audit_dropped_count() - dropped_before;
    assert!(dropped > 0, "a queue of one cannot hold a flood");
    let text = app.get("/metrics").await.text().await.unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("auth_center_audit_events_dropped_total "))
        .unwrap_or_else(|| panic!("{text}"));
    let total: u64 = line.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(total >= dropped, "{line}");
    assert!(text.contains("auth_center_audit_events_written_total "));
    // The queue drains: a later event is written.
    app.create_user("alice", "alice@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    assert_eq!(
        sign_in(&app, &app.new_browser(), "alice", PW)
            .await
            .status(),
        303
    );
    event(&admin, "login.succeeded", |e| e["actor"] != "system").await;
    app.stop().await;
}

async fn events_past_their_retention_are_gone(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.audit.retention = Duration::from_secs(3600);
    let app = TestApp::spawn_with(settings, dir).await;
    let alice = app.create_user("alice", "alice@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    assert_eq!(
        sign_in(&app, &app.new_browser(), "alice", PW)
            .await
            .status(),
        303
    );
    let query = format!("user={}", alice.id);
    let kept = events_until(&admin, &query, |i| !i.is_empty()).await;
    assert_eq!(kept.len(), 1, "{kept:?}");
    app.advance(Duration::from_secs(3601));
    let admin = Caller::admin(&app).await;
    let (status, body) = admin
        .call(Method::GET, &format!("{EVENTS}?{query}"), None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["items"].as_array().unwrap().len(), 0, "{body}");
    match backend {
        Backend::Sqlite => {
            let swept = app
                .services
                .stores
                .admin
                .sweep_expired(app.services.now())
                .await
                .unwrap();
            assert!(swept >= 1, "the sweeper deletes expired events");
        }
        Backend::Mongo => {
            let uri = secrecy::ExposeSecret::expose_secret(
                app.settings.store.mongodb_uri.as_ref().unwrap(),
            )
            .to_owned();
            let db = &app.settings.store.mongodb_database;
            let store = auth_center::store::mongo::connect(&uri, db).await.unwrap();
            let names = store
                .database()
                .collection::<mongodb::bson::Document>("audit_events")
                .list_index_names()
                .await
                .unwrap();
            assert!(names.contains(&"expires_at_ttl".to_owned()), "{names:?}");
        }
    }
    app.stop().await;
}

on_both_stores!(
    a_full_queue_drops_and_counts_events_and_requests_are_answered_as_usual,
    events_past_their_retention_are_gone,
);
