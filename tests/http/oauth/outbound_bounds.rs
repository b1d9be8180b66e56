//! The outbound fetch's own bounds, seen through URL client ids (Client ID Metadata Documents)
//! whose documents fail: many concurrent requests naming one failing URL make one fetch (single
//! flight) and the failure is remembered for `outbound.failure_cache_secs` on the app's clock
//! (negative cache), so further requests fetch nothing until then; one host gets at most
//! `outbound.max_fetches_in_flight_per_host` fetches at once and
//! `outbound.max_fetches_per_host_per_minute` per minute, the rest refused without a request.
//! Every refusal is an `invalid_client` at the token endpoint and an error page at
//! `/oauth2/authorize`. The document server counts the requests that reached it.

use std::time::Duration;

use futures_util::future::join_all;

use super::{authorize_url, document, token_error};
use crate::helpers::jwks_server::{Answer, JwksServer};
use crate::helpers::oauth::{world_on, World};
use crate::helpers::{test_settings, Backend, TestApp};

/// An app trusting `server`'s CA, metadata documents on, private addresses allowed, with the
/// per-host bounds given.
async fn arrange(
    server: &JwksServer,
    backend: Backend,
    in_flight: usize,
    per_minute: u32,
) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.oauth.client_id_metadata_documents = true;
    settings.outbound.allow_private_addresses = true;
    settings.outbound.extra_root_ca_file = Some(server.ca_file.clone());
    settings.outbound.timeout = Duration::from_millis(3000);
    settings.outbound.failure_cache = Duration::from_secs(60);
    settings.outbound.max_fetches_in_flight_per_host = in_flight;
    settings.outbound.max_fetches_per_host_per_minute = per_minute;
    world_on(TestApp::spawn_with(settings, dir).await).await
}

/// A 404 answered after `delay`.
fn missing(delay: Duration) -> Answer {
    Answer {
        status: 404,
        headers: vec![],
        body: String::new(),
        delay,
    }
}

fn refused() -> (u16, String) {
    (401, "invalid_client".to_owned())
}

async fn many_requests_naming_one_failing_document_make_one_fetch_until_its_failure_expires(
    backend: Backend,
) {
    let server = JwksServer::start().await;
    let path = "/missing.json";
    let client_id = server.url(path);
    server.answer(path, missing(Duration::from_millis(500)));
    let w = arrange(&server, backend, 4, 60).await;

    let answers = join_all((0..24).map(|_| token_error(&w, &client_id))).await;
    assert!(answers.iter().all(|a| *a == refused()), "{answers:?}");
    assert_eq!(
        server.hits(path),
        1,
        "24 concurrent requests shared one fetch"
    );

    // Remembered: neither endpoint fetches again while the failure is kept.
    for _ in 0..3 {
        assert_eq!(token_error(&w, &client_id).await, refused());
    }
    let (url, _, _) = authorize_url(&w, &client_id, "openid");
    let page = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 400);
    assert!(page.headers().get("location").is_none());
    assert_eq!(server.hits(path), 1, "the failure is remembered");

    // The document appears; it is fetched once the failure has expired, not before.
    server.answer(path, Answer::json(&document(&client_id)));
    w.app.advance(Duration::from_secs(50));
    assert_eq!(token_error(&w, &client_id).await, refused());
    assert_eq!(server.hits(path), 1);
    w.app.advance(Duration::from_secs(11));
    let known = (400, "invalid_grant".to_owned());
    assert_eq!(token_error(&w, &client_id).await, known);
    assert_eq!(server.hits(path), 2);
    w.app.stop().await;
}

async fn a_host_gets_a_bounded_number_of_fetches_at_once_and_per_minute(backend: Backend) {
    let server = JwksServer::start().await;
    let w = arrange(&server, backend, 2, 5).await;
    let slow: Vec<String> = (0..8).map(|i| format!("/slow-{i}.json")).collect();
    for p in &slow {
        server.answer(p, missing(Duration::from_millis(1500)));
    }
    let urls: Vec<String> = slow.iter().map(|p| server.url(p)).collect();
    let answers = join_all(urls.iter().map(|u| token_error(&w, u))).await;
    assert!(answers.iter().all(|a| *a == refused()), "{answers:?}");
    let fetched: usize = slow.iter().map(|p| server.hits(p)).sum();
    assert_eq!(
        fetched, 2,
        "two fetches in flight to the host, the others refused"
    );

    // Two of the five fetches of this minute are spent: three more, then none.
    let quick: Vec<String> = (0..5).map(|i| format!("/quick-{i}.json")).collect();
    for p in &quick {
        server.answer(p, missing(Duration::ZERO));
        assert_eq!(token_error(&w, &server.url(p)).await, refused());
    }
    let hits: Vec<usize> = quick.iter().map(|p| server.hits(p)).collect();
    assert_eq!(hits, [1, 1, 1, 0, 0], "the per-minute bound");

    // A refusal by the bound is not remembered: the next minute, the URL is fetched.
    let last = &quick[4];
    server.answer(last, Answer::json(&document(&server.url(last))));
    w.app.advance(Duration::from_secs(61));
    let known = (400, "invalid_grant".to_owned());
    assert_eq!(token_error(&w, &server.url(last)).await, known);
    assert_eq!(server.hits(last), 1);
    w.app.stop().await;
}

on_both_stores!(
    many_requests_naming_one_failing_document_make_one_fetch_until_its_failure_expires,
    a_host_gets_a_bounded_number_of_fetches_at_once_and_per_minute,
);
