//! OpenID Connect beyond the code flow, on both stores, through the real login and consent
//! pages and the independent `openidconnect` crate: implicit and hybrid response types with
//! tokens in the fragment (id_token validated against our JWKS, `at_hash`, `c_hash`, nonce),
//! and the errors those response types must answer; id_tokens on refresh (`oidc/refresh.rs`);
//! EdDSA signing (`oidc/eddsa.rs`); the client-record cache (`oidc/client_cache.rs`).

#[path = "oidc/browser.rs"]
pub(crate) mod browser;
#[path = "oidc/client_cache.rs"]
mod client_cache;
#[path = "oidc/eddsa.rs"]
mod eddsa;
#[path = "oidc/refresh.rs"]
mod refresh;

use std::str::FromStr;

use crate::helpers::oauth::*;
use crate::helpers::Backend;
use browser::*;
use client_cache::*;
use eddsa::*;
use openidconnect::core::{
    CoreIdToken, CoreJwsSigningAlgorithm, CoreResponseType, CoreTokenResponse,
};
use openidconnect::{
    AccessToken, AccessTokenHash, AuthenticationFlow, AuthorizationCode, AuthorizationCodeHash,
    CsrfToken, Nonce, OAuth2TokenResponse, PkceCodeChallenge, Scope,
};
use refresh::*;

const ES256: CoreJwsSigningAlgorithm = CoreJwsSigningAlgorithm::EcdsaP256Sha256;

/// A confidential client that may use the code flow, implicit and refresh.
async fn hybrid_client(w: &World) -> auth_center::service::clients::CreatedClient {
    let grants = ["authorization_code", "implicit", "refresh_token"];
    new_client(&w.app, &w.user.id, &grants, false).await
}

/// The claims of a JWT, read without verification (for claims the library does not expose).
fn payload(jwt: &str) -> serde_json::Value {
    use base64::Engine;
    let part = jwt.split('.').nth(1).unwrap();
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .unwrap();
    serde_json::from_slice(&raw).unwrap()
}

/// Checks an implicit access token: `at_hash` of the id_token (when there is one), a bearer
/// token userinfo accepts, and no refresh token.
async fn check_access(w: &World, f: &std::collections::HashMap<String, String>) {
    assert_eq!(f["token_type"], "Bearer");
    assert!(f["expires_in"].parse::<i64>().unwrap() > 0);
    assert!(!f.contains_key("refresh_token"), "implicit never refreshes");
    let (status, _, info) = userinfo(&w.app, &f["access_token"]).await;
    assert_eq!(
        (status, info["sub"].as_str()),
        (200, Some(w.user.id.as_str()))
    );
}

async fn implicit_response_types_return_tokens_in_the_fragment_that_the_library_validates(
    b: Backend,
) {
    let w = world(b).await;
    let c = hybrid_client(&w).await;
    let client = oidc_client(&w, &c).await;
    let verifier = verifier_for(&client, ES256);
    for with_token in [false, true] {
        let flow = AuthenticationFlow::<CoreResponseType>::Implicit(with_token);
        let (url, state, nonce) = client
            .authorize_url(flow, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("profile".into()))
            .url();
        let f = fragment_of(&authorize(&w, url.as_str()).await);
        assert_eq!((&f["state"], &f["iss"]), (state.secret(), &w.app.address));
        assert!(!f.contains_key("code"));
        let id_token = CoreIdToken::from_str(&f["id_token"]).unwrap();
        let claims = id_token
            .claims(&verifier, &nonce)
            .expect("a valid id_token");
        assert_eq!(claims.subject().as_str(), w.user.id);
        assert!(claims.auth_time().is_some());
        let azp = claims.authorized_party().map(|a| a.as_str().to_owned());
        assert_eq!(azp.as_deref(), Some(c.client.client_id.as_str()));
        assert!(payload(&f["id_token"])["sid"].is_string());
        let key = id_token.signing_key(&verifier).unwrap();
        let alg = id_token.signing_alg().unwrap();
        if with_token {
            let at = AccessToken::new(f["access_token"].clone());
            let expected = AccessTokenHash::from_token(&at, alg, key).unwrap();
            assert_eq!(claims.access_token_hash(), Some(&expected));
            check_access(&w, &f).await;
        } else {
            assert!(!f.contains_key("access_token"));
            assert!(claims.access_token_hash().is_none());
        }
    }
    // Plain OAuth implicit: an access token and no id_token, consent already remembered.
    let url = raw_authorize_url(
        &w,
        &c,
        &[
            ("response_type", "token"),
            ("scope", "profile"),
            ("state", "s1"),
        ],
    );
    let f = fragment_of(&authorize(&w, &url).await);
    assert!(!f.contains_key("id_token"));
    assert_eq!(
        (f["state"].as_str(), f["scope"].as_str()),
        ("s1", "profile")
    );
    assert_eq!(introspect(&w, &f["access_token"]).await["active"], true);
    w.app.stop().await;
}

/// Exchanges a hybrid flow's code with PKCE through the library.
async fn exchange(
    client: &OidcClient,
    code: &str,
    pkce: openidconnect::PkceCodeVerifier,
) -> CoreTokenResponse {
    client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .unwrap()
        .set_pkce_verifier(pkce)
        .request_async(&http())
        .await
        .expect("the hybrid flow's code is exchanged")
}

async fn hybrid_response_types_return_a_code_and_tokens_bound_to_it_by_c_hash(b: Backend) {
    let w = world(b).await;
    let c = hybrid_client(&w).await;
    let client = oidc_client(&w, &c).await;
    let verifier = verifier_for(&client, ES256);
    use CoreResponseType::{Code, IdToken, Token};
    for extra in [vec![IdToken], vec![Token], vec![IdToken, Token]] {
        let (challenge, pkce) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                AuthenticationFlow::Hybrid([vec![Code], extra.clone()].concat()),
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge)
            .add_scope(Scope::new("offline_access".into()))
            .url();
        let f = fragment_of(&authorize(&w, url.as_str()).await);
        assert_eq!(&f["state"], state.secret());
        let code = f["code"].clone();
        if extra.contains(&IdToken) {
            let id_token = CoreIdToken::from_str(&f["id_token"]).unwrap();
            let claims = id_token
                .claims(&verifier, &nonce)
                .expect("a valid id_token");
            let (alg, key) = (
                id_token.signing_alg().unwrap(),
                id_token.signing_key(&verifier).unwrap(),
            );
            let c_hash =
                AuthorizationCodeHash::from_code(&AuthorizationCode::new(code.clone()), alg, key);
            assert_eq!(claims.code_hash(), Some(&c_hash.unwrap()));
            let at_hash = f.get("access_token").map(|t| {
                AccessTokenHash::from_token(&AccessToken::new(t.clone()), alg, key).unwrap()
            });
            assert_eq!(claims.access_token_hash(), at_hash.as_ref());
        } else {
            assert!(!f.contains_key("id_token"));
        }
        if extra.contains(&Token) {
            check_access(&w, &f).await;
        }
        let tokens = exchange(&client, &code, pkce).await;
        let id_token = tokens.extra_fields().id_token().expect("an id_token");
        let claims = id_token.claims(&verifier, &nonce).unwrap();
        assert_eq!(claims.subject().as_str(), w.user.id);
        assert!(tokens.refresh_token().is_some());
    }
    w.app.stop().await;
}

async fn a_replayed_hybrid_code_revokes_the_access_token_issued_with_it(b: Backend) {
    let w = world(b).await;
    let c = hybrid_client(&w).await;
    let (challenge, pkce) = PkceCodeChallenge::new_random_sha256();
    let params = [
        ("response_type", "code token"),
        ("scope", "profile"),
        ("state", "s7"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let f = fragment_of(&authorize(&w, &raw_authorize_url(&w, &c, &params)).await);
    assert_eq!(introspect(&w, &f["access_token"]).await["active"], true);
    let client = oidc_client(&w, &c).await;
    let secret = pkce.secret().clone();
    exchange(&client, &f["code"], pkce).await;
    let replay = client
        .exchange_code(AuthorizationCode::new(f["code"].clone()))
        .unwrap()
        .set_pkce_verifier(openidconnect::PkceCodeVerifier::new(secret))
        .request_async(&http())
        .await;
    assert!(replay.is_err(), "a code is single use");
    let info = introspect(&w, &f["access_token"]).await;
    assert_eq!(info, serde_json::json!({"active": false}));
    w.app.stop().await;
}

async fn an_id_token_from_the_authorization_endpoint_requires_a_nonce(b: Backend) {
    let w = world(b).await;
    let c = hybrid_client(&w).await;
    for rt in [
        "id_token",
        "id_token token",
        "code id_token",
        "code id_token token",
    ] {
        let url = raw_authorize_url(
            &w,
            &c,
            &[("response_type", rt), ("scope", "openid"), ("state", "s2")],
        );
        let resp = w.app.client.get(&url).send().await.unwrap();
        let f = fragment_of(&location(&resp));
        assert_eq!(f["error"], "invalid_request", "{rt}");
        assert!(f["error_description"].contains("nonce"), "{rt}");
        assert_eq!(
            (f["state"].as_str(), f["iss"].as_str()),
            ("s2", w.app.address.as_str())
        );
    }
    w.app.stop().await;
}

async fn tokens_from_the_authorization_endpoint_need_the_implicit_grant(b: Backend) {
    let w = world(b).await;
    let implicit_only = new_client(&w.app, &w.user.id, &["implicit"], false).await;
    let cases = [
        (&w.web, "token"),
        (&w.web, "id_token"),
        (&w.web, "code id_token"),
        (&w.spa, "code token"),
        (&implicit_only, "code id_token"),
    ];
    for (c, rt) in cases {
        let params = [
            ("response_type", rt),
            ("scope", "openid"),
            ("nonce", "n"),
            ("state", "s3"),
            (
                "code_challenge",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ),
            ("code_challenge_method", "S256"),
        ];
        let resp = w
            .app
            .client
            .get(raw_authorize_url(&w, c, &params))
            .send()
            .await
            .unwrap();
        let f = fragment_of(&location(&resp));
        assert_eq!(
            (f["error"].as_str(), f["state"].as_str()),
            ("unauthorized_client", "s3"),
            "{rt}"
        );
    }
    w.app.stop().await;
}

async fn the_query_never_carries_tokens_but_a_code_may_use_the_fragment(b: Backend) {
    let w = world(b).await;
    let c = hybrid_client(&w).await;
    for rt in ["token", "id_token token", "code id_token"] {
        let params = [
            ("response_type", rt),
            ("response_mode", "query"),
            ("scope", "openid"),
            ("nonce", "n"),
            ("state", "s4"),
        ];
        let resp = w
            .app
            .client
            .get(raw_authorize_url(&w, &c, &params))
            .send()
            .await
            .unwrap();
        let f = fragment_of(&location(&resp));
        assert_eq!(f["error"], "invalid_request", "{rt}");
    }
    // A mode this server does not offer (form_post is offered: see oauth_form_post).
    let params = [
        ("response_mode", "web_message"),
        ("response_type", "code"),
        ("state", "s5"),
    ];
    let resp = w
        .app
        .client
        .get(raw_authorize_url(&w, &c, &params))
        .send()
        .await
        .unwrap();
    assert_eq!(query_of(&location(&resp))["error"], "invalid_request");
    let (challenge, pkce) = PkceCodeChallenge::new_random_sha256();
    let params = [
        ("response_type", "code"),
        ("response_mode", "fragment"),
        ("scope", "openid"),
        ("state", "s6"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let f = fragment_of(&authorize(&w, &raw_authorize_url(&w, &c, &params)).await);
    assert_eq!(f["state"], "s6");
    let client = oidc_client(&w, &c).await;
    let tokens = exchange(&client, &f["code"], pkce).await;
    assert!(tokens.extra_fields().id_token().is_some());
    w.app.stop().await;
}

on_both_stores!(
    implicit_response_types_return_tokens_in_the_fragment_that_the_library_validates,
    hybrid_response_types_return_a_code_and_tokens_bound_to_it_by_c_hash,
    a_replayed_hybrid_code_revokes_the_access_token_issued_with_it,
    an_id_token_from_the_authorization_endpoint_requires_a_nonce,
    tokens_from_the_authorization_endpoint_need_the_implicit_grant,
    the_query_never_carries_tokens_but_a_code_may_use_the_fragment,
    a_refresh_returns_an_id_token_with_the_original_auth_time,
    a_password_grant_records_auth_time_for_refreshed_id_tokens,
    an_eddsa_server_signs_tokens_the_library_verifies_through_the_jwks,
    switching_to_eddsa_keeps_the_es256_tokens_already_issued_valid,
    a_client_change_is_seen_at_once_here_and_elsewhere_after_the_ttl_or_through_the_feed,
);
