//! DPoP binding beyond the access token (RFC 9449 §5, §10), on both stores: a public client's
//! refresh token is bound to its proof key (a refresh without a proof of it is `invalid_grant`
//! and spends nothing), a confidential client's is not, and a code whose authorization request
//! named `dpop_jkt` is exchanged only with a proof of that key; a malformed `dpop_jkt` is an
//! `invalid_request` redirected to the app.

use serde_json::json;

use super::{exchange_code, token_proof};
use crate::helpers::dpop::*;
use crate::helpers::oauth::{code_for, code_for_key, world, World, REDIRECT_URI};
use crate::helpers::Backend;

/// A refresh of `client_id`'s `refresh` token with `proofs` (and HTTP Basic when `basic`).
async fn refresh_with(
    w: &World,
    basic: Option<(&str, &str)>,
    refresh: &str,
    proofs: &[&str],
) -> Answer {
    let client_id = basic.map_or(w.spa.client.client_id.as_str(), |b| b.0);
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh),
        ("client_id", client_id),
    ];
    token_request(&w.app, basic, &form, proofs).await
}

async fn a_public_clients_refresh_token_is_bound_to_its_dpop_key(backend: Backend) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let scope = "openid profile offline_access";
    let (status, _, body) = exchange_code(&w, scope, &[&token_proof(&w, &key)]).await;
    assert_eq!(status, 200, "{body}");
    let refresh = body["refresh_token"].as_str().unwrap().to_owned();
    let other = DpopKey::eddsa();
    for (why, proofs) in [
        ("no proof", vec![]),
        ("another key", vec![token_proof(&w, &other)]),
    ] {
        let proofs: Vec<&str> = proofs.iter().map(String::as_str).collect();
        let (status, _, body) = refresh_with(&w, None, &refresh, &proofs).await;
        assert_eq!(
            (status, &body["error"]),
            (400, &json!("invalid_grant")),
            "{why}: {body}"
        );
    }
    // Those refusals did not spend it: with its key it refreshes, and the new one is bound too.
    let (status, _, body) = refresh_with(&w, None, &refresh, &[&token_proof(&w, &key)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "DPoP");
    let access = body["access_token"].as_str().unwrap();
    assert_eq!(jwt_claims(access)["cnf"]["jkt"], key.thumbprint());
    let next = body["refresh_token"].as_str().unwrap();
    let (status, _, body) = refresh_with(&w, None, next, &[]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_grant")),
        "{body}"
    );
    w.app.stop().await;
}

async fn a_confidential_clients_refresh_token_is_not_bound(backend: Backend) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let (code, verifier) = code_for(&w, &w.web, "profile", None).await;
    let secret = w.web.secret.as_deref().unwrap();
    let basic = Some((w.web.client.client_id.as_str(), secret));
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.secret().as_str()),
    ];
    let (status, _, body) = token_request(&w.app, basic, &form, &[&token_proof(&w, &key)]).await;
    assert_eq!(
        (status, &body["token_type"]),
        (200, &json!("DPoP")),
        "{body}"
    );
    let refresh = body["refresh_token"].as_str().unwrap();
    // RFC 9449 §5: the client authenticates, so its refresh token stays unbound; without a
    // proof the new access token is a bearer token.
    let (status, _, body) = refresh_with(&w, basic, refresh, &[]).await;
    assert_eq!(
        (status, &body["token_type"]),
        (200, &json!("Bearer")),
        "{body}"
    );
    w.app.stop().await;
}

/// Exchanges a fresh code whose authorization request named `jkt` (`dpop_jkt`).
async fn exchange_for_key(w: &World, jkt: &str, proofs: &[&str]) -> Answer {
    let (code, verifier) = code_for_key(w, &w.spa, "profile", None, Some(jkt.into())).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.secret().as_str()),
        ("client_id", w.spa.client.client_id.as_str()),
    ];
    token_request(&w.app, None, &form, proofs).await
}

async fn a_code_for_a_dpop_jkt_is_exchanged_only_with_a_proof_of_that_key(backend: Backend) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let jkt = key.thumbprint();
    let (status, _, body) = exchange_for_key(&w, &jkt, &[]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_grant")),
        "no proof: {body}"
    );
    let other = DpopKey::eddsa();
    let (status, _, body) = exchange_for_key(&w, &jkt, &[&token_proof(&w, &other)]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_grant")),
        "other key: {body}"
    );
    let (status, _, body) = exchange_for_key(&w, &jkt, &[&token_proof(&w, &key)]).await;
    assert_eq!(
        (status, &body["token_type"]),
        (200, &json!("DPoP")),
        "{body}"
    );
    w.app.stop().await;
}

async fn a_malformed_dpop_jkt_is_an_invalid_request(backend: Backend) {
    let w = world(backend).await;
    let query = format!(
        "/oauth2/authorize?response_type=code&client_id={}&redirect_uri={}&scope=profile\
         &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256\
         &dpop_jkt=not-a-thumbprint",
        w.spa.client.client_id,
        url::form_urlencoded::byte_serialize(REDIRECT_URI.as_bytes()).collect::<String>(),
    );
    let resp = crate::helpers::oauth::http()
        .get(w.app.url(&query))
        .send()
        .await
        .unwrap();
    let location = resp.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(REDIRECT_URI), "{location}");
    assert!(location.contains("error=invalid_request"), "{location}");
    assert!(location.contains("dpop_jkt"), "{location}");
    w.app.stop().await;
}

on_both_stores!(
    a_public_clients_refresh_token_is_bound_to_its_dpop_key,
    a_confidential_clients_refresh_token_is_not_bound,
    a_code_for_a_dpop_jkt_is_exchanged_only_with_a_proof_of_that_key,
    a_malformed_dpop_jkt_is_an_invalid_request,
);
