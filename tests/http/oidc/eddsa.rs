//! `oauth.signing_alg = "EdDSA"` on both stores: the JWKS publishes an `OKP` Ed25519 key,
//! discovery says EdDSA, and the `openidconnect` crate verifies our id_tokens (with `at_hash`
//! and `c_hash` over SHA-512) through the JWKS; switching an ES256 server to EdDSA keeps the
//! ES256 tokens it already issued valid.

use std::str::FromStr;

use openidconnect::core::{CoreIdToken, CoreJwsSigningAlgorithm, CoreResponseType};
use openidconnect::{
    AccessToken, AccessTokenHash, AuthenticationFlow, AuthorizationCode, AuthorizationCodeHash,
    CsrfToken, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
};

use super::browser::*;
use crate::helpers::oauth::*;
use crate::helpers::{test_settings, Backend, TestApp};

const EDDSA: CoreJwsSigningAlgorithm = CoreJwsSigningAlgorithm::EdDsa;

async fn eddsa_world(b: Backend) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.oauth.signing_alg = auth_center::crypto::keys::SigningAlg::EdDsa;
    world_on(TestApp::spawn_with(settings, dir).await).await
}

async fn jwks(app: &TestApp) -> Vec<serde_json::Value> {
    let body: serde_json::Value = app.get("/oauth2/jwks").await.json().await.unwrap();
    body["keys"].as_array().unwrap().clone()
}

pub async fn an_eddsa_server_signs_tokens_the_library_verifies_through_the_jwks(b: Backend) {
    let w = eddsa_world(b).await;
    let keys = jwks(&w.app).await;
    assert_eq!(keys.len(), 1);
    assert_eq!(
        (&keys[0]["kty"], &keys[0]["crv"]),
        (&"OKP".into(), &"Ed25519".into())
    );
    assert_eq!(keys[0]["alg"], "EdDSA");
    assert!(keys[0].get("y").is_none());
    let meta = metadata(&w.app).await;
    assert_eq!(
        meta["id_token_signing_alg_values_supported"],
        serde_json::json!(["EdDSA"])
    );
    let grants = ["authorization_code", "implicit", "refresh_token"];
    let c = new_client(&w.app, &w.user.id, &grants, false).await;
    let client = oidc_client(&w, &c).await;
    let verifier = verifier_for(&client, EDDSA);
    use CoreResponseType::{Code, IdToken, Token};
    let (challenge, pkce) = PkceCodeChallenge::new_random_sha256();
    let (url, _, nonce) = client
        .authorize_url(
            AuthenticationFlow::Hybrid(vec![Code, IdToken, Token]),
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge)
        .url();
    let f = fragment_of(&authorize(&w, url.as_str()).await);
    let id_token = CoreIdToken::from_str(&f["id_token"]).unwrap();
    let claims = id_token
        .claims(&verifier, &nonce)
        .expect("an EdDSA id_token");
    assert_eq!(id_token.signing_alg().unwrap(), &EDDSA);
    let key = id_token.signing_key(&verifier).unwrap();
    let code = AuthorizationCode::new(f["code"].clone());
    let c_hash = AuthorizationCodeHash::from_code(&code, &EDDSA, key).unwrap();
    assert_eq!(claims.code_hash(), Some(&c_hash));
    let at = AccessToken::new(f["access_token"].clone());
    let at_hash = AccessTokenHash::from_token(&at, &EDDSA, key).unwrap();
    assert_eq!(claims.access_token_hash(), Some(&at_hash));
    assert_eq!(userinfo(&w.app, at.secret()).await.0, 200);
    let tokens = client
        .exchange_code(code)
        .unwrap()
        .set_pkce_verifier(pkce)
        .request_async(&http())
        .await
        .unwrap();
    let id_token = tokens.extra_fields().id_token().unwrap();
    id_token
        .claims(&verifier, &nonce)
        .expect("the token endpoint's id_token");
    assert_eq!(
        introspect(&w, tokens.access_token().secret()).await["active"],
        true
    );
    w.app.stop().await;
}

/// Introspects `token` at `app` as the world's confidential client.
async fn active_at(app: &TestApp, w: &World, token: &str) -> serde_json::Value {
    let basic = (
        w.web.client.client_id.as_str(),
        w.web.secret.as_deref().unwrap(),
    );
    let (_, _, body) = post_form(app, "/oauth2/introspect", Some(basic), &[("token", token)]).await;
    body["active"].clone()
}

pub async fn switching_to_eddsa_keeps_the_es256_tokens_already_issued_valid(b: Backend) {
    let w = world(b).await;
    let (code, pkce) = code_for(&w, &w.web, "openid profile", Some("n1")).await;
    let before = oidc_client(&w, &w.web)
        .await
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(pkce)
        .request_async(&http())
        .await
        .unwrap();
    // The same store and issuer, restarted with the other algorithm.
    let mut settings = w.app.settings.clone();
    settings.oauth.signing_alg = auth_center::crypto::keys::SigningAlg::EdDsa;
    settings.server.public_url = Some(w.app.address.parse().unwrap());
    let switched = TestApp::spawn_with(settings, tempfile::tempdir().unwrap()).await;
    let algs: Vec<_> = jwks(&switched)
        .await
        .iter()
        .map(|k| k["alg"].clone())
        .collect();
    assert_eq!(
        algs,
        ["EdDSA", "ES256"],
        "the new key first, the old one still published"
    );
    let old = before.access_token().secret();
    assert_eq!(active_at(&switched, &w, old).await, true);
    assert_eq!(userinfo(&switched, old).await.0, 200);
    let basic = (
        w.web.client.client_id.as_str(),
        w.web.secret.as_deref().unwrap(),
    );
    let form = [("grant_type", "client_credentials"), ("scope", "apps")];
    let (status, _, body) = post_form(&switched, "/oauth2/token", Some(basic), &form).await;
    assert_eq!(status, 200, "{body}");
    let new = body["access_token"].as_str().unwrap();
    let header = jsonwebtoken::decode_header(new).unwrap();
    assert_eq!(header.alg, jsonwebtoken::Algorithm::EdDSA);
    assert_eq!(active_at(&switched, &w, new).await, true);
    switched.stop().await;
    w.app.stop().await;
}
