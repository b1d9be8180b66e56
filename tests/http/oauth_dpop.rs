//! DPoP (RFC 9449) on both stores, proofs signed by the independent `jsonwebtoken` crate
//! (`helpers/dpop.rs`): a proof at the token endpoint binds the access token (`cnf.jkt`,
//! `token_type: DPoP`), which userinfo and the JSON API then take only with the DPoP scheme and
//! a proof of that key for the very request (`htm`, `htu`, `ath`); as Bearer it is refused.
//! Every broken rule of a proof is `invalid_dpop_proof` (400 at the token endpoint, 401 with a
//! `DPoP` challenge at resources) and issues nothing; server nonces are asked for and accepted
//! on the retry; introspection, discovery and the resource metadata say what is served.

#[path = "oauth/dpop_binding.rs"]
mod dpop_binding;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::dpop::*;
use crate::helpers::oauth::REDIRECT_URI;
use crate::helpers::oauth::{code_for, introspect, metadata, world, world_on, World};
use crate::helpers::{test_settings, Backend, TestApp};

/// Exchanges a fresh code of the public client with `proofs`.
async fn exchange_code(w: &World, scope: &str, proofs: &[&str]) -> Answer {
    let (code, verifier) = code_for(w, &w.spa, scope, None).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.secret().as_str()),
        ("client_id", w.spa.client.client_id.as_str()),
    ];
    token_request(&w.app, None, &form, proofs).await
}

/// A client_credentials request of the confidential client with `proofs`.
async fn app_token(w: &World, proofs: &[&str]) -> Answer {
    let secret = w.web.secret.as_deref().unwrap();
    let basic = Some((w.web.client.client_id.as_str(), secret));
    token_request(
        &w.app,
        basic,
        &[("grant_type", "client_credentials")],
        proofs,
    )
    .await
}

fn token_proof(w: &World, key: &DpopKey) -> String {
    key.proof("POST", &w.app.url("/oauth2/token"))
}

fn assert_dpop_refusal((status, headers, body): &Answer, error: &str, why: &str) {
    assert_eq!(*status, 401, "{why}: {body}");
    assert_eq!(body["error"], error, "{why}: {body}");
    let challenge = headers["www-authenticate"].to_str().unwrap();
    assert!(challenge.starts_with("DPoP "), "{why}: {challenge}");
    assert!(
        challenge.contains("algs=\"ES256 EdDSA PS256 RS256\""),
        "{why}: {challenge}"
    );
    assert!(
        challenge.contains(&format!("error=\"{error}\"")),
        "{why}: {challenge}"
    );
}

async fn a_proof_binds_the_token_which_works_only_with_the_dpop_scheme_and_its_key(
    backend: Backend,
) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let (status, _, body) = exchange_code(&w, "openid profile", &[&token_proof(&w, &key)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "DPoP");
    let token = body["access_token"].as_str().unwrap().to_owned();
    assert_eq!(
        jwt_claims(&token)["cnf"],
        json!({ "jkt": key.thumbprint() })
    );

    let me = format!("/api/v1/users/{}", w.user.id);
    for path in ["/oauth2/userinfo", "/api/v1/me", me.as_str()] {
        let (status, _, body) = dpop_get(&w.app, &key, path, &token).await;
        assert_eq!(status, 200, "{path}: {body}");
        // As a bearer token it is refused (RFC 9449 §7.2), proof or not.
        let proof = key.resource_proof("GET", &w.app.url(path), &token);
        let (status, _, body) = get_with(&w.app, path, "Bearer", &token, Some(&proof)).await;
        assert_eq!(status, 401, "{path} as Bearer: {body}");
        assert_eq!(body["error"], "invalid_token", "{path}: {body}");
        // A proof of another key is refused.
        let other = DpopKey::eddsa();
        let answer = dpop_get(&w.app, &other, path, &token).await;
        assert_dpop_refusal(&answer, "invalid_token", path);
        // The DPoP scheme without a proof is refused.
        let answer = get_with(&w.app, path, "DPoP", &token, None).await;
        assert_eq!(answer.0, 401, "{path} without a proof: {}", answer.2);
    }

    let found = introspect(&w, &token).await;
    assert_eq!(found["active"], true, "{found}");
    assert_eq!(found["token_type"], "DPoP");
    assert_eq!(found["cnf"], json!({ "jkt": key.thumbprint() }));
    w.app.stop().await;
}

async fn a_token_issued_without_a_proof_stays_a_bearer_token(backend: Backend) {
    let w = world(backend).await;
    let (status, _, body) = exchange_code(&w, "openid profile", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    let token = body["access_token"].as_str().unwrap();
    assert!(jwt_claims(token).get("cnf").is_none());
    let (status, _, body) = get_with(&w.app, "/oauth2/userinfo", "Bearer", token, None).await;
    assert_eq!(status, 200, "{body}");
    // With the DPoP scheme there is no key for the proof to match: refused.
    let key = DpopKey::es256();
    let answer = dpop_get(&w.app, &key, "/oauth2/userinfo", token).await;
    assert_dpop_refusal(&answer, "invalid_token", "unbound token as DPoP");
    let found = introspect(&w, token).await;
    assert_eq!(found["token_type"], "Bearer");
    assert!(found.get("cnf").is_none(), "{found}");
    w.app.stop().await;
}

/// A header and payload signed by nobody (`alg: none`).
fn unsigned(header: Value, claims: &Value) -> String {
    let h = URL_SAFE_NO_PAD.encode(header.to_string());
    let p = URL_SAFE_NO_PAD.encode(claims.to_string());
    format!("{h}.{p}.")
}

/// An HMAC-signed proof (the key "is" a shared secret: never accepted).
fn hmac_signed(key: &DpopKey, claims: &Value) -> String {
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    header.typ = Some("dpop+jwt".into());
    header.jwk = Some(serde_json::from_value(key.public_jwk()).unwrap());
    let secret = jsonwebtoken::EncodingKey::from_secret(b"a shared secret");
    jsonwebtoken::encode(&header, claims, &secret).unwrap()
}

async fn proofs_breaking_a_rule_are_invalid_dpop_proof_and_issue_nothing(backend: Backend) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let htu = w.app.url("/oauth2/token");
    let with = |name: &str, value: Value| {
        let mut c = key.claims("POST", &htu);
        c[name] = value;
        key.sign(&c)
    };
    let without = |name: &str| {
        let mut c = key.claims("POST", &htu);
        c.as_object_mut().unwrap().remove(name);
        key.sign(&c)
    };
    let mut private = key.public_jwk();
    private["d"] = json!("AAAA");
    let good = key.claims("POST", &htu);
    let typed_jwt = {
        let header = json!({"typ": "JWT", "alg": "ES256", "jwk": key.public_jwk()});
        key.0.sign_with_header(&header, &good)
    };
    let now = chrono::Utc::now().timestamp();
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("wrong htm", vec![with("htm", json!("GET"))]),
        (
            "htu of another endpoint",
            vec![with("htu", json!(w.app.url("/oauth2/revoke")))],
        ),
        (
            "htu of another host",
            vec![with("htu", json!("https://elsewhere.example/oauth2/token"))],
        ),
        ("iat too old", vec![with("iat", json!(now - 300))]),
        ("iat in the future", vec![with("iat", json!(now + 300))]),
        ("no jti", vec![without("jti")]),
        ("no iat", vec![without("iat")]),
        (
            "private key in the jwk",
            vec![key.sign_with_jwk(&good, private)],
        ),
        (
            "jwk of another key",
            vec![key.sign_with_jwk(&good, DpopKey::es256().public_jwk())],
        ),
        (
            "alg none",
            vec![unsigned(
                json!({"typ": "dpop+jwt", "alg": "none", "jwk": key.public_jwk()}),
                &good,
            )],
        ),
        ("HMAC", vec![hmac_signed(&key, &good)]),
        ("typ JWT", vec![typed_jwt]),
        (
            "two DPoP headers",
            vec![key.sign(&good), key.proof("POST", &htu)],
        ),
        ("not a JWT", vec!["not-a-jwt".into()]),
    ];
    for (why, proofs) in cases {
        let proofs: Vec<&str> = proofs.iter().map(String::as_str).collect();
        let (status, _, body) = app_token(&w, &proofs).await;
        assert_eq!(status, 400, "{why}: {body}");
        assert_eq!(body["error"], "invalid_dpop_proof", "{why}: {body}");
    }
    // A replayed proof is refused, the first use having succeeded.
    let proof = token_proof(&w, &key);
    let (status, _, body) = app_token(&w, &[&proof]).await;
    assert_eq!(
        (status, &body["token_type"]),
        (200, &json!("DPoP")),
        "{body}"
    );
    let (status, _, body) = app_token(&w, &[&proof]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_dpop_proof")),
        "replay: {body}"
    );
    // An EdDSA proof is as good as an ES256 one.
    let ed = DpopKey::eddsa();
    let (status, _, body) = app_token(&w, &[&token_proof(&w, &ed)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        jwt_claims(body["access_token"].as_str().unwrap())["cnf"]["jkt"],
        ed.thumbprint()
    );
    w.app.stop().await;
}

async fn at_a_resource_the_proof_must_hash_the_token_and_name_this_request(backend: Backend) {
    let w = world(backend).await;
    let key = DpopKey::es256();
    let (_, _, body) = exchange_code(&w, "openid profile", &[&token_proof(&w, &key)]).await;
    let token = body["access_token"].as_str().unwrap().to_owned();
    let url = w.app.url("/oauth2/userinfo");
    let proof_of = |claims: Value| key.sign(&claims);
    let mut no_ath = key.claims("GET", &url);
    no_ath.as_object_mut().unwrap().remove("ath");
    let mut wrong_ath = key.claims("GET", &url);
    wrong_ath["ath"] = json!(ath("another token"));
    let mut wrong_htm = key.claims("POST", &url);
    wrong_htm["ath"] = json!(ath(&token));
    let mut wrong_htu = key.claims("GET", &w.app.url("/api/v1/me"));
    wrong_htu["ath"] = json!(ath(&token));
    for (why, proof) in [
        ("no ath", proof_of(no_ath)),
        ("wrong ath", proof_of(wrong_ath)),
        ("wrong htm", proof_of(wrong_htm)),
        ("wrong htu", proof_of(wrong_htu)),
    ] {
        for path in ["/oauth2/userinfo", "/api/v1/me"] {
            let answer = get_with(&w.app, path, "DPoP", &token, Some(&proof)).await;
            if why == "wrong htu" && path == "/api/v1/me" {
                // That proof names /api/v1/me: it is good there, once.
                assert_eq!(answer.0, 200, "{why} {path}: {}", answer.2);
                continue;
            }
            assert_dpop_refusal(&answer, "invalid_dpop_proof", &format!("{why} at {path}"));
        }
    }
    let proof = key.resource_proof("GET", &url, &token);
    let first = get_with(&w.app, "/oauth2/userinfo", "DPoP", &token, Some(&proof)).await;
    assert_eq!(first.0, 200, "{}", first.2);
    let replay = get_with(&w.app, "/oauth2/userinfo", "DPoP", &token, Some(&proof)).await;
    assert_dpop_refusal(&replay, "invalid_dpop_proof", "replayed at userinfo");
    w.app.stop().await;
}

async fn with_nonces_on_a_proof_without_one_is_told_the_nonce_and_the_retry_succeeds(
    backend: Backend,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.oauth.dpop_nonce = true;
    let w = world_on(TestApp::spawn_with(settings, dir).await).await;
    let key = DpopKey::es256();
    let (status, headers, body) = app_token(&w, &[&token_proof(&w, &key)]).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"], "use_dpop_nonce");
    let nonce = headers["dpop-nonce"].to_str().unwrap().to_owned();
    let mut claims = key.claims("POST", &w.app.url("/oauth2/token"));
    claims["nonce"] = json!("made-up");
    let (status, _, body) = app_token(&w, &[&key.sign(&claims)]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("use_dpop_nonce")),
        "{body}"
    );
    claims["nonce"] = json!(nonce);
    claims["jti"] = json!("retry");
    let (status, _, body) = exchange_code(&w, "openid profile", &[&key.sign(&claims)]).await;
    assert_eq!(status, 200, "{body}");
    let token = body["access_token"].as_str().unwrap().to_owned();

    for path in ["/oauth2/userinfo", "/api/v1/me"] {
        let answer = dpop_get(&w.app, &key, path, &token).await;
        assert_dpop_refusal(&answer, "use_dpop_nonce", path);
        let nonce = answer.1["dpop-nonce"].to_str().unwrap().to_owned();
        let mut claims = key.claims("GET", &w.app.url(path));
        claims["ath"] = json!(ath(&token));
        claims["nonce"] = json!(nonce);
        let (status, _, body) =
            get_with(&w.app, path, "DPoP", &token, Some(&key.sign(&claims))).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    // A nonce outlives its use only so long.
    w.app.advance(std::time::Duration::from_secs(400));
    let mut claims = key.claims("POST", &w.app.url("/oauth2/token"));
    claims["iat"] = json!(w.app.services.now().timestamp());
    claims["nonce"] = json!(nonce);
    let (status, _, body) = app_token(&w, &[&key.sign(&claims)]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("use_dpop_nonce")),
        "{body}"
    );
    w.app.stop().await;
}

async fn discovery_and_the_resource_metadata_advertise_the_proof_algorithms(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let algs = json!(["ES256", "EdDSA", "PS256", "RS256"]);
    assert_eq!(
        metadata(&app).await["dpop_signing_alg_values_supported"],
        algs
    );
    let resource: Value = app
        .get("/.well-known/oauth-protected-resource")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(resource["dpop_signing_alg_values_supported"], algs);
    assert_eq!(resource["dpop_bound_access_tokens_required"], false);
    app.stop().await;
}

async fn a_proof_sent_sixteen_times_at_once_gets_one_token(backend: Backend) {
    let w = world(backend).await;
    let proof = token_proof(&w, &DpopKey::es256());
    let proofs = [proof.as_str()];
    let answers = futures_util::future::join_all((0..16).map(|_| app_token(&w, &proofs))).await;
    let issued = answers
        .iter()
        .filter(|(status, _, _)| *status == 200)
        .count();
    assert_eq!(
        issued,
        1,
        "{:?}",
        answers.iter().map(|a| &a.2).collect::<Vec<_>>()
    );
    for (status, _, body) in answers.iter().filter(|a| a.0 != 200) {
        assert_eq!(
            (*status, &body["error"]),
            (400, &json!("invalid_dpop_proof")),
            "{body}"
        );
    }
    w.app.stop().await;
}

on_both_stores!(
    a_proof_sent_sixteen_times_at_once_gets_one_token,
    a_proof_binds_the_token_which_works_only_with_the_dpop_scheme_and_its_key,
    a_token_issued_without_a_proof_stays_a_bearer_token,
    proofs_breaking_a_rule_are_invalid_dpop_proof_and_issue_nothing,
    at_a_resource_the_proof_must_hash_the_token_and_name_this_request,
    with_nonces_on_a_proof_without_one_is_told_the_nonce_and_the_retry_succeeds,
    discovery_and_the_resource_metadata_advertise_the_proof_algorithms,
);
