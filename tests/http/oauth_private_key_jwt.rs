//! private_key_jwt client authentication (RFC 7523 §2.2 and §3, OIDC Core §9) on both stores:
//! assertions signed with ES256, EdDSA, PS256 and RS256 by the independent `jsonwebtoken` crate
//! authenticate an app that registered public keys, at the token, introspection, revocation,
//! PAR and device authorization endpoints; every broken rule (replayed `jti`, expired, too long
//! lived, wrong audience, `iss` ≠ `sub`, `alg: none`, HMAC with the client id, unknown `kid`, a
//! secret instead) is a 401 `invalid_client` that issues nothing; a key set with a private key
//! is refused at registration; discovery advertises the method and its algorithms. Keys at a
//! `jwks_uri` are in `oauth/jwks_uri.rs`.

#[path = "oauth/jwks_uri.rs"]
mod jwks_uri;

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

use crate::helpers::caller::{fields, Caller};
use crate::helpers::client_keys::*;
use crate::helpers::oauth::{metadata, post_form};
use crate::helpers::{Backend, TestApp};

/// An app with an ES256, an EdDSA and an RSA key registered inline.
struct Signer {
    app: TestApp,
    client_id: String,
    es256: ClientKey,
    eddsa: ClientKey,
    rs256: ClientKey,
    ps256: ClientKey,
}

impl Signer {
    fn claims(&self) -> Value {
        claims(&self.client_id, &self.app.url(""))
    }
}

async fn signer(backend: Backend) -> Signer {
    let app = TestApp::spawn(backend).await;
    let owner = app
        .create_user("keyholder", "keys@example.com", "a long enough password")
        .await;
    let (es256, eddsa) = (ClientKey::es256("ec-1"), ClientKey::eddsa("ed-1"));
    let rs256 = ClientKey::rsa("rsa-1", Algorithm::RS256);
    let ps256 = ClientKey::rsa("rsa-1", Algorithm::PS256);
    let set = jwks(&[&es256, &eddsa, &rs256]);
    let client_id = register(&app, &owner, Some(set), None).await;
    Signer {
        app,
        client_id,
        es256,
        eddsa,
        rs256,
        ps256,
    }
}

fn assert_invalid_client((status, body): (u16, Value), why: &str) {
    assert_eq!(status, 401, "{why}: {body}");
    assert_eq!(body["error"], "invalid_client", "{why}: {body}");
}

async fn assertions_signed_with_es256_eddsa_ps256_and_rs256_get_tokens(backend: Backend) {
    let s = signer(backend).await;
    let issuer = s.app.url("");
    let token_endpoint = s.app.url("/oauth2/token");
    for (key, aud) in [
        (&s.es256, json!(issuer)),
        (&s.eddsa, json!(token_endpoint)),
        (&s.ps256, json!([issuer, "https://elsewhere.example"])),
        (&s.rs256, json!(token_endpoint)),
    ] {
        let mut claims = s.claims();
        claims["aud"] = aud;
        let (status, body) = token_with(&s.app, &key.sign(&claims)).await;
        assert_eq!(status, 200, "{:?}: {body}", key.alg);
        assert_eq!(body["token_type"], "Bearer");
        assert_eq!(body["scope"], "profile");
    }
    // Without a kid, each key fitting the algorithm is tried.
    let (status, body) = token_with(&s.app, &s.eddsa.sign_without_kid(&s.claims())).await;
    assert_eq!(status, 200, "{body}");
    s.app.stop().await;
}

async fn a_replayed_assertion_is_refused(backend: Backend) {
    let s = signer(backend).await;
    let assertion = s.es256.sign(&s.claims());
    assert_eq!(token_with(&s.app, &assertion).await.0, 200);
    assert_invalid_client(token_with(&s.app, &assertion).await, "replayed jti");
    // The same jti in a freshly signed assertion is a replay too.
    let mut again = s.claims();
    again["jti"] = json!("fixed-id");
    assert_eq!(token_with(&s.app, &s.eddsa.sign(&again)).await.0, 200);
    again["exp"] = json!(unix_now() + 90);
    assert_invalid_client(
        token_with(&s.app, &s.es256.sign(&again)).await,
        "jti reused",
    );
    s.app.stop().await;
}

async fn assertions_breaking_a_rule_are_invalid_client_and_issue_nothing(backend: Backend) {
    let s = signer(backend).await;
    let now = unix_now();
    let with = |name: &str, value: Value| {
        let mut c = s.claims();
        c[name] = value;
        c
    };
    let without = |name: &str| {
        let mut c = s.claims();
        c.as_object_mut().unwrap().remove(name);
        c
    };
    let cases: Vec<(&str, String)> = vec![
        ("expired", s.es256.sign(&with("exp", json!(now - 120)))),
        (
            "exp too far ahead",
            s.es256.sign(&with("exp", json!(now + 3600))),
        ),
        ("no exp", s.es256.sign(&without("exp"))),
        ("no jti", s.es256.sign(&without("jti"))),
        (
            "iat in the future",
            s.es256.sign(&with("iat", json!(now + 600))),
        ),
        (
            "wrong aud",
            s.es256.sign(&with("aud", json!("https://other.example"))),
        ),
        ("no aud", s.es256.sign(&without("aud"))),
        (
            "iss differs from sub",
            s.es256.sign(&with("iss", json!("someone-else"))),
        ),
        ("alg none", unsigned(&s.claims())),
        ("HS256 with the client id as secret", {
            let key = EncodingKey::from_secret(s.client_id.as_bytes());
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &s.claims(), &key).unwrap()
        }),
        (
            "unknown kid",
            ClientKey::es256("not-registered").sign(&s.claims()),
        ),
        (
            "signed by another key with a known kid",
            ClientKey::es256("ec-1").sign(&s.claims()),
        ),
        ("not a JWT", "not.a.jwt".into()),
    ];
    for (why, assertion) in &cases {
        assert_invalid_client(token_with(&s.app, assertion).await, why);
    }
    // A subject that is not the app named by client_id.
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", "other-app"),
    ];
    let assertion = s.es256.sign(&s.claims());
    let answer = post_with_assertion(&s.app, "/oauth2/token", &assertion, &form).await;
    assert_invalid_client(answer, "client_id differs from sub");
    // Nothing was recorded by the refusals: a valid assertion with a new jti still works.
    assert_eq!(token_with(&s.app, &s.es256.sign(&s.claims())).await.0, 200);
    s.app.stop().await;
}

async fn a_secret_is_refused_and_the_app_has_none(backend: Backend) {
    let s = signer(backend).await;
    let basic = Some((s.client_id.as_str(), "any-secret"));
    let (status, _, body) = post_form(
        &s.app,
        "/oauth2/token",
        basic,
        &[("grant_type", "client_credentials")],
    )
    .await;
    assert_invalid_client((status, body), "a secret for a private_key_jwt app");
    // Two methods at once are a malformed request.
    let assertion = s.es256.sign(&s.claims());
    let form = [
        ("grant_type", "client_credentials"),
        ("client_assertion_type", ASSERTION_TYPE),
        ("client_assertion", assertion.as_str()),
    ];
    let (status, _, body) = post_form(&s.app, "/oauth2/token", basic, &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    // A wrong assertion type is refused.
    let form = [
        ("grant_type", "client_credentials"),
        ("client_assertion_type", "urn:example:other"),
        ("client_assertion", assertion.as_str()),
    ];
    let (status, _, _) = post_form(&s.app, "/oauth2/token", None, &form).await;
    assert_eq!(status, 400);
    s.app.stop().await;
}

async fn assertions_authenticate_at_introspection_revocation_par_and_device_authorization(
    backend: Backend,
) {
    let s = signer(backend).await;
    let (_, body) = token_with(&s.app, &s.es256.sign(&s.claims())).await;
    let token = body["access_token"].as_str().unwrap().to_owned();
    let form = [("token", token.as_str())];
    let (status, info) = post_with_assertion(
        &s.app,
        "/oauth2/introspect",
        &s.eddsa.sign(&s.claims()),
        &form,
    )
    .await;
    assert_eq!((status, &info["active"]), (200, &json!(true)), "{info}");
    assert_eq!(info["client_id"], json!(s.client_id));
    let (status, _) =
        post_with_assertion(&s.app, "/oauth2/revoke", &s.rs256.sign(&s.claims()), &form).await;
    assert_eq!(status, 200);
    let (_, info) = post_with_assertion(
        &s.app,
        "/oauth2/introspect",
        &s.ps256.sign(&s.claims()),
        &form,
    )
    .await;
    assert_eq!(info["active"], json!(false), "revoked: {info}");
    let par = [
        ("response_type", "code"),
        ("redirect_uri", crate::helpers::oauth::REDIRECT_URI),
        ("scope", "openid profile"),
        (
            "code_challenge",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        ),
        ("code_challenge_method", "S256"),
    ];
    let (status, pushed) =
        post_with_assertion(&s.app, "/oauth2/par", &s.es256.sign(&s.claims()), &par).await;
    assert_eq!(status, 201, "{pushed}");
    assert!(pushed["request_uri"].as_str().is_some());
    let device = [("scope", "profile")];
    let (status, codes) = post_with_assertion(
        &s.app,
        "/oauth2/device_authorization",
        &s.eddsa.sign(&s.claims()),
        &device,
    )
    .await;
    assert_eq!(status, 200, "{codes}");
    assert!(codes["device_code"].as_str().is_some());
    // A replay at another endpoint is still a replay.
    let used = s.es256.sign(&s.claims());
    assert_eq!(token_with(&s.app, &used).await.0, 200);
    let again = post_with_assertion(&s.app, "/oauth2/introspect", &used, &form).await;
    assert_invalid_client(again, "replay at introspection");
    s.app.stop().await;
}

async fn the_apps_api_registers_keys_instead_of_a_secret_and_refuses_private_keys(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    app.create_user("owner", "owner@example.com", "a long enough password")
        .await;
    let owner = Caller::login(&app, "owner", "a long enough password").await;
    let key = ClientKey::es256("k1");
    let body = json!({
        "name": "signed", "grant_types": ["client_credentials"], "scopes": ["profile"],
        "token_endpoint_auth_method": "private_key_jwt", "jwks": jwks(&[&key]),
    });
    let (status, created) = owner.post("/api/v1/apps", body).await;
    assert_eq!(status, 201, "{created}");
    assert!(created["client_secret"].is_null(), "{created}");
    let client_id = created["app"]["client_id"].as_str().unwrap().to_owned();
    assert_eq!(
        created["app"]["token_endpoint_auth_method"],
        "private_key_jwt"
    );
    assert_eq!(created["app"]["jwks"]["keys"][0]["kid"], "k1");
    assert_eq!(created["app"]["secrets"], json!([]));
    let assertion = key.sign(&claims(&client_id, &app.url("")));
    assert_eq!(token_with(&app, &assertion).await.0, 200);
    let path = format!("/api/v1/apps/{client_id}/rotate-secret");
    let (status, _) = owner.post(&path, json!({})).await;
    assert_eq!(status, 409, "no secret to rotate");

    let mut private = key.jwk.clone();
    private["d"] = json!("c2VjcmV0LXNjYWxhci1vZi10aGUtdGVzdC1rZXktMzI");
    let refused = [
        (json!({ "jwks": { "keys": [private] } }), "jwks"),
        (
            json!({ "jwks": { "keys": [{ "kty": "oct", "k": "c2VjcmV0" }] } }),
            "jwks",
        ),
        (
            json!({ "jwks_uri": "http://keys.example/jwks.json" }),
            "jwks_uri",
        ),
        (
            json!({ "jwks": jwks(&[&key]), "jwks_uri": "https://keys.example/jwks.json" }),
            "jwks_uri",
        ),
        (json!({}), "jwks"),
    ];
    for (extra, field) in refused {
        let mut body = json!({
            "name": "refused", "token_endpoint_auth_method": "private_key_jwt",
            "grant_types": ["client_credentials"], "scopes": ["profile"],
        });
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let (status, answer) = owner.post("/api/v1/apps", body).await;
        assert_eq!(status, 422, "{answer}");
        assert_eq!(fields(&answer), vec![field.to_owned()], "{answer}");
    }
    let (_, list) = owner.get("/api/v1/apps").await;
    assert_eq!(list["total"], 1, "nothing else was registered: {list}");
    app.stop().await;
}

async fn discovery_advertises_private_key_jwt_and_its_algorithms(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let meta = metadata(&app).await;
    let algs = json!(["ES256", "EdDSA", "PS256", "RS256"]);
    for endpoint in ["token", "revocation", "introspection"] {
        let methods = &meta[format!("{endpoint}_endpoint_auth_methods_supported")];
        assert!(
            methods
                .as_array()
                .unwrap()
                .contains(&json!("private_key_jwt")),
            "{endpoint}: {methods}"
        );
        assert_eq!(
            meta[format!("{endpoint}_endpoint_auth_signing_alg_values_supported")],
            algs
        );
    }
    app.stop().await;
}

on_both_stores!(
    assertions_signed_with_es256_eddsa_ps256_and_rs256_get_tokens,
    a_replayed_assertion_is_refused,
    assertions_breaking_a_rule_are_invalid_client_and_issue_nothing,
    a_secret_is_refused_and_the_app_has_none,
    assertions_authenticate_at_introspection_revocation_par_and_device_authorization,
    the_apps_api_registers_keys_instead_of_a_secret_and_refuses_private_keys,
    discovery_advertises_private_key_jwt_and_its_algorithms,
);
