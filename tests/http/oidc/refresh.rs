//! OIDC Core §12.2 on both stores: a refresh of an `openid` grant returns a new id_token the
//! library validates, with the ORIGINAL `auth_time` and no nonce, for grants from the code flow
//! and from the password grant.

use openidconnect::core::{CoreAuthenticationFlow, CoreJwsSigningAlgorithm, CoreTokenResponse};
use openidconnect::{
    AuthorizationCode, CsrfToken, Nonce, OAuth2TokenResponse, PkceCodeChallenge, Scope,
};

use super::browser::*;
use crate::helpers::oauth::*;
use crate::helpers::Backend;

const ES256: CoreJwsSigningAlgorithm = CoreJwsSigningAlgorithm::EcdsaP256Sha256;

/// The `auth_time` and `iat` of a refresh response's id_token, validated by the library
/// (no nonce expected).
fn refreshed_times(client: &OidcClient, tokens: &CoreTokenResponse) -> (i64, i64) {
    let verifier = verifier_for(client, ES256);
    let id_token = tokens
        .extra_fields()
        .id_token()
        .expect("a refreshed id_token");
    let no_nonce = |n: Option<&Nonce>| match n {
        None => Ok(()),
        Some(_) => Err("a refreshed id_token carries no nonce".to_owned()),
    };
    let claims = id_token
        .claims(&verifier, no_nonce)
        .expect("a valid id_token");
    let auth_time = claims.auth_time().expect("auth_time").timestamp();
    (auth_time, claims.issue_time().timestamp())
}

async fn refresh(client: &OidcClient, tokens: &CoreTokenResponse) -> CoreTokenResponse {
    client
        .exchange_refresh_token(tokens.refresh_token().unwrap())
        .unwrap()
        .request_async(&http())
        .await
        .expect("refreshed")
}

pub async fn a_refresh_returns_an_id_token_with_the_original_auth_time(b: Backend) {
    let w = world(b).await;
    let client = oidc_client(&w, &w.web).await;
    let (challenge, pkce) = PkceCodeChallenge::new_random_sha256();
    let (url, _, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge)
        .add_scope(Scope::new("offline_access".into()))
        .url();
    let q = query_of(&authorize(&w, url.as_str()).await);
    let first = client
        .exchange_code(AuthorizationCode::new(q["code"].clone()))
        .unwrap()
        .set_pkce_verifier(pkce)
        .request_async(&http())
        .await
        .unwrap();
    let verifier = verifier_for(&client, ES256);
    let original = first.extra_fields().id_token().unwrap();
    let original = original.claims(&verifier, &nonce).unwrap().auth_time();
    let original = original.unwrap().timestamp();
    // `auth_time` and `iat` are whole seconds: move the server's clock past one so "original"
    // is observable (the client checks `exp` with its own clock: still an hour away).
    w.app.advance(std::time::Duration::from_millis(1100));
    let second = refresh(&client, &first).await;
    let (auth_time, iat) = refreshed_times(&client, &second);
    assert_eq!(auth_time, original);
    assert!(iat > auth_time, "a new id_token, issued later");
    let third = refresh(&client, &second).await;
    assert_eq!(refreshed_times(&client, &third).0, original);
    // Without openid, a refresh carries no id_token.
    let narrowed = client
        .exchange_refresh_token(third.refresh_token().unwrap())
        .unwrap()
        .add_scope(Scope::new("offline_access".into()))
        .request_async(&http())
        .await
        .unwrap();
    assert!(narrowed.extra_fields().id_token().is_none());
    w.app.stop().await;
}

pub async fn a_password_grant_records_auth_time_for_refreshed_id_tokens(b: Backend) {
    let w = world(b).await;
    let c = new_client(&w.app, &w.user.id, &["password", "refresh_token"], false).await;
    let before = w.app.services.now().timestamp();
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/token",
        Some((&c.client.client_id, c.secret.as_deref().unwrap())),
        &[
            ("grant_type", "password"),
            ("username", "alice"),
            ("password", PASSWORD),
            ("scope", "openid offline_access"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let tokens: CoreTokenResponse = serde_json::from_value(body).unwrap();
    w.app.advance(std::time::Duration::from_millis(1100));
    let client = oidc_client(&w, &c).await;
    let (auth_time, iat) = refreshed_times(&client, &refresh(&client, &tokens).await);
    assert!(
        auth_time >= before && auth_time < iat,
        "{before} {auth_time} {iat}"
    );
    w.app.stop().await;
}
