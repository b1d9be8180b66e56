//! private_key_jwt with the keys at a `jwks_uri`, fetched through the outbound-fetch module:
//! from an HTTPS server on loopback with a test CA (allowed by `outbound.*`), cached, fetched
//! again for an unknown `kid` at most once per interval (once among concurrent callers); the
//! same URL refused at connect time when private addresses are not allowed (the server never sees a request); an oversized
//! document, a redirect (not followed) and a slow server refused; a failing key set fetched once
//! for many concurrent assertions and its failure remembered. Each refusal is a 401
//! `invalid_client`.

use std::time::Duration;

use serde_json::json;

use crate::helpers::client_keys::*;
use crate::helpers::jwks_server::{Answer, JwksServer};
use crate::helpers::{test_settings, Backend, TestApp};

const PATH: &str = "/jwks.json";

/// An app on `backend` whose outbound fetches trust the server's CA, with private addresses
/// allowed or not, and a client registered with the server's `jwks_uri`.
async fn arrange(
    backend: Backend,
    server: &JwksServer,
    allow_private: bool,
    path: &str,
) -> (TestApp, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.outbound.allow_private_addresses = allow_private;
    settings.outbound.extra_root_ca_file = Some(server.ca_file.clone());
    settings.outbound.timeout = Duration::from_millis(1500);
    let app = TestApp::spawn_with(settings, dir).await;
    let owner = app
        .create_user("keyholder", "keys@example.com", "a long enough password")
        .await;
    let client_id = register(&app, &owner, None, Some(server.url(path))).await;
    (app, client_id)
}

fn assert_invalid_client((status, body): (u16, serde_json::Value), why: &str) {
    assert_eq!(status, 401, "{why}: {body}");
    assert_eq!(body["error"], "invalid_client", "{why}: {body}");
}

async fn keys_at_a_loopback_jwks_uri_authenticate_when_private_addresses_are_allowed(
    backend: Backend,
) {
    let server = JwksServer::start().await;
    let first = ClientKey::es256("first");
    server.answer(PATH, Answer::json(&jwks(&[&first])));
    let (app, client_id) = arrange(backend, &server, true, PATH).await;
    let aud = app.url("");
    for _ in 0..2 {
        let (status, body) = token_with(&app, &first.sign(&claims(&client_id, &aud))).await;
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(server.hits(PATH), 1, "the key set is cached (max-age=300)");

    // The client rotates its keys: an unknown kid fetches the set again, but not more often
    // than once per refetch interval.
    let second = ClientKey::eddsa("second");
    server.answer(PATH, Answer::json(&jwks(&[&first, &second])));
    let early = token_with(&app, &second.sign(&claims(&client_id, &aud))).await;
    assert_invalid_client(early, "unknown kid within the refetch interval");
    assert_eq!(server.hits(PATH), 1, "no refetch within the interval");
    app.advance(Duration::from_secs(31));
    let (status, body) = token_with(&app, &second.sign(&claims(&client_id, &aud))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(server.hits(PATH), 2);
    app.stop().await;
}

/// Assertions with an unknown `kid` arriving together make one refetch between them, not one
/// each (the refetch is reserved atomically).
async fn concurrent_unknown_kids_make_one_refetch(backend: Backend) {
    let server = JwksServer::start().await;
    let first = ClientKey::es256("first");
    server.answer(PATH, Answer::json(&jwks(&[&first])));
    let (app, client_id) = arrange(backend, &server, true, PATH).await;
    let aud = app.url("");
    let (status, body) = token_with(&app, &first.sign(&claims(&client_id, &aud))).await;
    assert_eq!(status, 200, "{body}");
    app.advance(Duration::from_secs(31));
    let unknown = ClientKey::eddsa("unknown");
    let signed: Vec<String> = (0..8)
        .map(|_| unknown.sign(&claims(&client_id, &aud)))
        .collect();
    let racers: Vec<_> = signed.iter().map(|a| token_with(&app, a)).collect();
    for refused in futures_util::future::join_all(racers).await {
        assert_invalid_client(refused, "a kid the set does not have");
    }
    assert_eq!(server.hits(PATH), 2, "the first fetch and one refetch");
    app.stop().await;
}

async fn the_same_jwks_uri_is_refused_when_private_addresses_are_not_allowed(backend: Backend) {
    let server = JwksServer::start().await;
    let key = ClientKey::es256("k");
    server.answer(PATH, Answer::json(&jwks(&[&key])));
    let (app, client_id) = arrange(backend, &server, false, PATH).await;
    let answer = token_with(&app, &key.sign(&claims(&client_id, &app.url("")))).await;
    assert_invalid_client(answer, "loopback jwks_uri");
    assert_eq!(server.hits(PATH), 0, "no connection reached the server");
    app.stop().await;
}

async fn an_oversized_a_redirecting_and_a_slow_jwks_uri_are_refused(backend: Backend) {
    let server = JwksServer::start().await;
    let key = ClientKey::es256("k");
    server.answer(PATH, Answer::json(&jwks(&[&key])));
    let padding = "x".repeat(70 * 1024);
    server.answer(
        "/big",
        Answer::json(&json!({ "keys": [key.jwk], "padding": padding })),
    );
    server.answer("/moved", Answer::redirect(&server.url(PATH)));
    let mut slow = Answer::json(&jwks(&[&key]));
    slow.delay = Duration::from_secs(4);
    server.answer("/slow", slow);
    for path in ["/big", "/moved", "/slow"] {
        let (app, client_id) = arrange(backend, &server, true, path).await;
        let started = std::time::Instant::now();
        let answer = token_with(&app, &key.sign(&claims(&client_id, &app.url("")))).await;
        assert_invalid_client(answer, path);
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "{path}: bounded by the timeout"
        );
        assert_eq!(server.hits(path), 1, "{path} was asked once");
        app.stop().await;
    }
    assert_eq!(server.hits(PATH), 0, "the redirect was not followed");
}

/// A key set that cannot be fetched: assertions arriving together make one fetch between them,
/// and the failure is remembered, so the next assertion fetches nothing until it expires.
async fn concurrent_assertions_for_a_failing_jwks_uri_make_one_fetch(backend: Backend) {
    let server = JwksServer::start().await;
    let key = ClientKey::es256("k");
    let mut failing = Answer::json(&json!({}));
    failing.status = 503;
    failing.delay = Duration::from_millis(500);
    server.answer("/down", failing);
    let (app, client_id) = arrange(backend, &server, true, "/down").await;
    let aud = app.url("");
    let signed: Vec<String> = (0..12)
        .map(|_| key.sign(&claims(&client_id, &aud)))
        .collect();
    let racers: Vec<_> = signed.iter().map(|a| token_with(&app, a)).collect();
    for refused in futures_util::future::join_all(racers).await {
        assert_invalid_client(refused, "an unreachable key set");
    }
    assert_eq!(server.hits("/down"), 1, "twelve assertions, one fetch");
    server.answer("/down", Answer::json(&jwks(&[&key])));
    let answer = token_with(&app, &key.sign(&claims(&client_id, &aud))).await;
    assert_invalid_client(answer, "the failure is remembered");
    assert_eq!(server.hits("/down"), 1);
    app.advance(Duration::from_secs(61));
    let (status, body) = token_with(&app, &key.sign(&claims(&client_id, &aud))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(server.hits("/down"), 2);
    app.stop().await;
}

on_both_stores!(
    concurrent_assertions_for_a_failing_jwks_uri_make_one_fetch,
    keys_at_a_loopback_jwks_uri_authenticate_when_private_addresses_are_allowed,
    the_same_jwks_uri_is_refused_when_private_addresses_are_not_allowed,
    an_oversized_a_redirecting_and_a_slow_jwks_uri_are_refused,
    concurrent_unknown_kids_make_one_refetch,
);
