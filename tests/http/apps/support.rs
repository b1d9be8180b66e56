//! Arrangement for the Apps suites: a user's `apps`-scoped token and the generated SDK that
//! carries it, app bodies, and the authorization code flow through the real login and consent
//! pages, redeemed with the independent `oauth2` crate.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use auth_center::domain::{CodeChallenge, ScopeSet};
use auth_center::service::oauth::codes::{issue_code, CodeRequest};
use auth_center_sdk::types;
use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, PkceCodeChallenge, RedirectUrl,
    Scope, TokenResponse, TokenUrl,
};

use crate::helpers::accounts::location;
use crate::helpers::oauth::{http, oauth2_client, submit_consent, world_on, World, REDIRECT_URI};
use crate::helpers::{Backend, TestApp};

pub const PASSWORD: &str = "a long enough password";

/// An access token of `user_id` for the world's confidential client, with `scope`.
pub async fn user_token(w: &World, user_id: &str, scope: &str) -> String {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let req = CodeRequest {
        client_id: w.web.client.client_id.clone(),
        user_id: user_id.to_owned(),
        redirect_uri: REDIRECT_URI.into(),
        scopes: ScopeSet::parse(scope).unwrap(),
        code_challenge: Some(CodeChallenge::parse(challenge.as_str(), Some("S256")).unwrap()),
        nonce: None,
        auth_time: w.app.services.now(),
        session_id: None,
        resources: vec![],
        dpop_jkt: None,
    };
    let code = issue_code(&w.app.services, req).await.expect("code issued");
    let token = oauth2_client(&w.app, &w.web)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("token");
    token.access_token().secret().clone()
}

/// The generated SDK, authenticated with a bearer token.
pub fn sdk(app: &TestApp, token: &str) -> auth_center_sdk::Client {
    let mut headers = sdk_reqwest::header::HeaderMap::new();
    let value = format!("Bearer {token}").parse().unwrap();
    headers.insert(sdk_reqwest::header::AUTHORIZATION, value);
    let client = sdk_reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap();
    auth_center_sdk::Client::new_with_client(&app.address, client)
}

/// A confidential app body with one redirect URI and the given grants.
pub fn app_body(name: &str, redirect: &str, grants: &[&str]) -> types::AppRequest {
    types::AppRequest {
        name: name.into(),
        description: Some("an app under test".into()),
        homepage_url: Some("https://app.example".into()),
        logo_url: None,
        redirect_uris: vec![redirect.into()],
        post_logout_redirect_uris: vec![],
        client_type: Some("confidential".into()),
        grant_types: grants.iter().map(|g| (*g).into()).collect(),
        scopes: vec!["openid".into(), "profile".into(), "groups".into()],
        access_token_ttl_secs: None,
        refresh_token_ttl_secs: None,
        first_party: None,
        introspection: None,
        require_pushed_authorization_requests: None,
        require_mfa: None,
        dpop_bound_access_tokens: None,
        fapi2: None,
        token_endpoint_auth_method: None,
        jwks: None,
        jwks_uri: None,
    }
}

/// The status and body of an SDK error.
pub fn failure<T: std::fmt::Debug>(
    r: Result<T, auth_center_sdk::Error<types::ApiError>>,
) -> (u16, types::ApiError) {
    match r {
        Err(auth_center_sdk::Error::ErrorResponse(resp)) => {
            (resp.status().as_u16(), resp.into_inner())
        }
        other => panic!("expected an error response, got {other:?}"),
    }
}

/// The field names of an error body.
pub fn fields(e: &types::ApiError) -> Vec<String> {
    e.fields.iter().map(|f| f.field.clone()).collect()
}

/// Gets a client_credentials token (`Ok(token)`) or the token endpoint's error code.
pub async fn client_credentials(app: &TestApp, id: &str, secret: &str) -> Result<String, String> {
    let (status, _, body) = crate::helpers::oauth::post_form(
        app,
        "/oauth2/token",
        Some((id, secret)),
        &[("grant_type", "client_credentials")],
    )
    .await;
    match status {
        200 => Ok(body["access_token"].as_str().unwrap().to_owned()),
        _ => Err(body["error"].as_str().unwrap_or_default().to_owned()),
    }
}

/// The authorize URL for an app, its PKCE verifier.
pub fn authorize_url(
    app: &TestApp,
    client_id: &str,
    redirect: &str,
) -> (String, oauth2::PkceCodeVerifier) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = BasicClient::new(ClientId::new(client_id.into()))
        .set_auth_uri(AuthUrl::new(app.url("/oauth2/authorize")).unwrap())
        .set_redirect_uri(RedirectUrl::new(redirect.into()).unwrap());
    let (url, _) = client
        .authorize_url(CsrfToken::new_random)
        .add_scope(Scope::new("openid".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    (url.to_string(), verifier)
}

/// Logs `username` in through the login page (the test client's cookie jar).
pub async fn log_in(app: &TestApp, username: &str) {
    let resp = app.login(username, PASSWORD).await;
    assert_eq!(resp.status(), 303, "login of {username}");
}

/// Runs the code flow of an app for the logged-in user (through the consent page unless the
/// consent is remembered) and redeems the code with the `oauth2` crate. Returns the access
/// token.
pub async fn code_flow(app: &TestApp, client_id: &str, secret: &str, redirect: &str) -> String {
    let (url, verifier) = authorize_url(app, client_id, redirect);
    let first = app.client.get(&url).send().await.unwrap();
    let back = match first.status().as_u16() {
        200 => submit_consent(app, &app.client, &first.text().await.unwrap(), "allow").await,
        _ => first,
    };
    assert_eq!(back.status(), 303);
    let cb = url::Url::parse(&location(&back)).unwrap();
    assert!(cb.as_str().starts_with(redirect), "{cb}");
    let code = cb
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("a code");
    let token = BasicClient::new(ClientId::new(client_id.into()))
        .set_client_secret(ClientSecret::new(secret.into()))
        .set_token_uri(TokenUrl::new(app.url("/oauth2/token")).unwrap())
        .set_redirect_uri(RedirectUrl::new(redirect.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("the code is redeemed");
    token.access_token().secret().clone()
}

/// A developer with no app yet (the world's clients belong to alice) and the SDK acting for them.
pub async fn developer(w: &World) -> (auth_center::domain::User, auth_center_sdk::Client) {
    let carol = w
        .app
        .create_user("carol", "carol@example.com", PASSWORD)
        .await;
    let client = sdk(&w.app, &user_token(w, &carol.id, "apps").await);
    (carol, client)
}

pub async fn world_with_grace(b: Backend, grace_secs: i64) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(b, dir.path());
    let grace = u64::try_from(grace_secs).expect("a grace of 0 s or more");
    settings.oauth.secret_rotation_grace = std::time::Duration::from_secs(grace);
    world_on(TestApp::spawn_with(settings, dir).await).await
}

/// Awaits the end of a rotated secret's grace period: the old secret is refused.
pub async fn await_refusal(app: &TestApp, id: &str, secret: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        match client_credentials(app, id, secret).await {
            Err(e) => return assert_eq!(e, "invalid_client"),
            Ok(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(200)).await
            }
            Ok(_) => panic!("the old secret still works after its grace period"),
        }
    }
}
