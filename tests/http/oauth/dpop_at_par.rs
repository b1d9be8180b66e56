//! A DPoP proof at the PAR endpoint (RFC 9449 §10.1) for any app, on both stores: it binds the
//! authorization code to the proof's key as `dpop_jkt` does, so the code is exchanged only with
//! a proof of that key (`invalid_grant` without one or with another key's); a `dpop_jkt` of
//! another key beside the proof is `invalid_request`, a broken proof `invalid_dpop_proof`, and
//! neither stores a request.

use oauth2::PkceCodeChallenge;
use serde_json::json;

use super::{authorize, par_form, post_par};
use crate::helpers::dpop::*;
use crate::helpers::oauth::{world, World, REDIRECT_URI};
use crate::helpers::Backend;

fn basic(w: &World) -> Option<(&str, &str)> {
    Some((
        w.web.client.client_id.as_str(),
        w.web.secret.as_deref().unwrap(),
    ))
}

/// A code of the world's confidential app, pushed with a DPoP proof of `key`.
async fn code_pushed_with(w: &World, key: &DpopKey) -> (String, String) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let form = par_form(challenge.as_str(), &[]);
    let proof = key.proof("POST", &w.app.url("/oauth2/par"));
    let (status, _, body) = post_par(w, basic(w), &form, Some(&proof)).await;
    assert_eq!(status, 201, "{body}");
    let request_uri = body["request_uri"].as_str().unwrap();
    let q = authorize(w, &w.web.client.client_id, request_uri).await;
    (q["code"].clone(), verifier.secret().clone())
}

async fn exchange(w: &World, (code, verifier): &(String, String), proofs: &[&str]) -> Answer {
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.as_str()),
    ];
    token_request(&w.app, basic(w), &form, proofs).await
}

async fn a_dpop_proof_at_par_binds_the_code_to_its_key(backend: Backend) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let token_url = w.app.url("/oauth2/token");
    let other = DpopKey::eddsa();
    let refusals: [(&str, Vec<String>); 2] = [
        ("no proof", vec![]),
        ("another key", vec![other.proof("POST", &token_url)]),
    ];
    for (why, proofs) in refusals {
        let code = code_pushed_with(&w, &key).await;
        let proofs: Vec<&str> = proofs.iter().map(String::as_str).collect();
        let (status, _, body) = exchange(&w, &code, &proofs).await;
        assert_eq!(
            (status, &body["error"]),
            (400, &json!("invalid_grant")),
            "{why}: {body}"
        );
    }
    let code = code_pushed_with(&w, &key).await;
    let (status, _, body) = exchange(&w, &code, &[&key.proof("POST", &token_url)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "DPoP");
    let token = body["access_token"].as_str().unwrap();
    assert_eq!(jwt_claims(token)["cnf"]["jkt"], key.thumbprint());
    w.app.stop().await;
}

async fn a_dpop_jkt_of_another_key_or_a_broken_proof_at_par_is_refused(backend: Backend) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let par_url = w.app.url("/oauth2/par");
    let (challenge, _) = PkceCodeChallenge::new_random_sha256();
    let other_jkt = vec![("dpop_jkt", DpopKey::eddsa().thumbprint())];
    let form = par_form(challenge.as_str(), &other_jkt);
    let proof = key.proof("POST", &par_url);
    let (status, _, body) = post_par(&w, basic(&w), &form, Some(&proof)).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_request")),
        "{body}"
    );
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("dpop_jkt"),
        "{body}"
    );
    // A proof for the token endpoint is not a proof for PAR (htu).
    let form = par_form(challenge.as_str(), &[]);
    let wrong_htu = key.proof("POST", &w.app.url("/oauth2/token"));
    let (status, _, body) = post_par(&w, basic(&w), &form, Some(&wrong_htu)).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_dpop_proof")),
        "{body}"
    );
    // The same thumbprint as dpop_jkt and in the proof is accepted.
    let same_jkt = vec![("dpop_jkt", key.thumbprint())];
    let form = par_form(challenge.as_str(), &same_jkt);
    let proof = key.proof("POST", &par_url);
    let (status, _, body) = post_par(&w, basic(&w), &form, Some(&proof)).await;
    assert_eq!(status, 201, "{body}");
    w.app.stop().await;
}

on_both_stores!(
    a_dpop_proof_at_par_binds_the_code_to_its_key,
    a_dpop_jkt_of_another_key_or_a_broken_proof_at_par_is_refused,
);
