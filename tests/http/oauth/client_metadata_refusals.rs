//! URL client ids that must not become clients: a document naming another `client_id`, one
//! with a `client_secret`, one over 5 KiB, a redirect URI the document does not list, an http
//! URL, a document at a private address when those are not allowed (never connected to), and
//! the feature switched off (discovery then has no `client_id_metadata_document_supported`).
//! At the authorization endpoint each is an error page that redirects nowhere (RFC 6749
//! §4.1.2.1); at the token endpoint an `invalid_client`.

use serde_json::json;

use super::{arrange, authorize_url, document, token_error, DOC};
use crate::helpers::jwks_server::{Answer, JwksServer};
use crate::helpers::oauth::{metadata, World};
use crate::helpers::Backend;

/// Asserts that `client_id` gets an error page at authorize and `invalid_client` at token.
async fn assert_refused(w: &World, client_id: &str, why: &str) {
    let (url, _, _) = authorize_url(w, client_id, "openid");
    let page = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 400, "{why}");
    assert!(page.headers().get("location").is_none(), "{why}");
    let (status, error) = token_error(w, client_id).await;
    assert_eq!((status, error.as_str()), (401, "invalid_client"), "{why}");
}

async fn mismatching_secret_bearing_and_oversized_documents_are_refused(backend: Backend) {
    let server = JwksServer::start().await;
    let w = arrange(backend, &server, true, true).await;

    let mismatch = server.url("/mismatch.json");
    let mut doc = document(&mismatch);
    doc["client_id"] = json!(server.url(DOC));
    server.answer("/mismatch.json", Answer::json(&doc));
    assert_refused(&w, &mismatch, "another client_id").await;

    let secret = server.url("/secret.json");
    let mut doc = document(&secret);
    doc["client_secret"] = json!("a shared secret in a public document");
    server.answer("/secret.json", Answer::json(&doc));
    assert_refused(&w, &secret, "a client_secret").await;

    let big = server.url("/big.json");
    let mut doc = document(&big);
    doc["padding"] = json!("x".repeat(5 * 1024));
    server.answer("/big.json", Answer::json(&doc));
    assert_refused(&w, &big, "over 5 KiB").await;
    assert!(
        server.hits("/big.json") >= 1,
        "the oversized document was fetched"
    );

    // Just under the bound, the same client is fine.
    let fits = server.url("/fits.json");
    let mut doc = document(&fits);
    let room = 5 * 1024 - doc.to_string().len() - r#","padding":"""#.len();
    doc["padding"] = json!("x".repeat(room));
    assert_eq!(doc.to_string().len(), 5 * 1024);
    server.answer("/fits.json", Answer::json(&doc));
    let (status, error) = token_error(&w, &fits).await;
    assert_eq!((status, error.as_str()), (400, "invalid_grant"));
    w.app.stop().await;
}

async fn a_redirect_uri_the_document_does_not_list_gets_an_error_page(backend: Backend) {
    let server = JwksServer::start().await;
    let client_id = server.url(DOC);
    server.answer(DOC, Answer::json(&document(&client_id)));
    let w = arrange(backend, &server, true, true).await;
    let (url, _, _) = authorize_url(&w, &client_id, "openid");
    let evil = url.replace("127.0.0.1%3A9%2Fcallback", "evil.example%2Fcallback");
    assert_ne!(evil, url);
    let page = w.app.client.get(&evil).send().await.unwrap();
    assert_eq!(page.status(), 400);
    assert!(page.headers().get("location").is_none());
    assert!(page.text().await.unwrap().contains("redirect_uri"));
    w.app.stop().await;
}

async fn http_urls_and_private_addresses_are_refused_without_a_connection(backend: Backend) {
    let server = JwksServer::start().await;
    let client_id = server.url(DOC);
    server.answer(DOC, Answer::json(&document(&client_id)));
    let w = arrange(backend, &server, true, false).await;
    assert_refused(&w, &client_id, "a loopback document").await;
    let http = client_id.replacen("https://", "http://", 1);
    assert_refused(&w, &http, "an http URL").await;
    let dotted = server.url("/oauth/../oauth/client.json");
    assert_refused(&w, &dotted, "a dot segment").await;
    assert_eq!(server.hits(DOC), 0, "no connection reached the server");
    w.app.stop().await;
}

async fn switched_off_a_url_client_id_is_unknown_and_not_advertised(backend: Backend) {
    let server = JwksServer::start().await;
    let client_id = server.url(DOC);
    server.answer(DOC, Answer::json(&document(&client_id)));
    let w = arrange(backend, &server, false, true).await;
    assert_refused(&w, &client_id, "the feature is off").await;
    assert_eq!(server.hits(DOC), 0);
    let m = metadata(&w.app).await;
    assert!(
        m.get("client_id_metadata_document_supported").is_none(),
        "{m}"
    );
    w.app.stop().await;
}

on_both_stores!(
    mismatching_secret_bearing_and_oversized_documents_are_refused,
    a_redirect_uri_the_document_does_not_list_gets_an_error_page,
    http_urls_and_private_addresses_are_refused_without_a_connection,
    switched_off_a_url_client_id_is_unknown_and_not_advertised,
);
