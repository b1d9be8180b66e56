//! Arrangement for the authorized-tokens and resource suites: apps with chosen grants and
//! scopes, user tokens from the real token endpoint (the password grant, or the code flow
//! through the login and consent pages) with the independent `oauth2` crate, the generated
//! Rust SDK authenticated by a bearer token, and raw requests for headers and HTML.
#![allow(dead_code)]

use auth_center::service::clients::{create_client, CreatedClient, NewClient};
use oauth2::basic::BasicTokenResponse;
use oauth2::{
    AuthorizationCode, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    ResourceOwnerPassword, ResourceOwnerUsername, Scope,
};

use crate::helpers::accounts::location;
use crate::helpers::oauth::{http, oauth2_client, submit_consent, World, REDIRECT_URI};
pub use crate::helpers::unescape_attr as unescape;
use crate::helpers::TestApp;

pub const PW: &str = "a long enough password";
pub const HOMEPAGE: &str = "https://app.example/";

/// A confidential app of `owner` with these grants and registered scopes, and a homepage.
pub async fn app_with(app: &TestApp, owner: &str, grants: &[&str], scopes: &str) -> CreatedClient {
    let new = NewClient {
        name: format!("App {}", &uuid::Uuid::new_v4().simple().to_string()[..8]),
        description: "an app under test".into(),
        owner_id: owner.to_owned(),
        homepage_url: Some(HOMEPAGE.into()),
        redirect_uris: vec![REDIRECT_URI.into()],
        grant_types: grants.iter().map(|g| (*g).to_owned()).collect(),
        scopes: scopes.into(),
        public: false,
        first_party: false,
        introspection: false,
    };
    create_client(&app.services, new)
        .await
        .expect("client registered")
}

/// An app that may use the password grant (and refresh), with every scope but `openid`.
pub async fn password_app(app: &TestApp, owner: &str) -> CreatedClient {
    app_with(
        app,
        owner,
        &["password", "refresh_token", "client_credentials"],
        "profile email groups authorizations admin apps",
    )
    .await
}

/// Tokens for `username` from the token endpoint's password grant.
pub async fn password_tokens(
    app: &TestApp,
    c: &CreatedClient,
    username: &str,
    password: &str,
    scope: &str,
) -> BasicTokenResponse {
    let client = oauth2_client(app, c);
    let (user, pass) = (
        ResourceOwnerUsername::new(username.into()),
        ResourceOwnerPassword::new(password.into()),
    );
    let mut req = client.exchange_password(&user, &pass);
    for s in scope.split(' ') {
        req = req.add_scope(Scope::new(s.into()));
    }
    req.request_async(&http()).await.expect("password grant")
}

/// The access token of a `BasicTokenResponse`.
pub fn access(t: &BasicTokenResponse) -> String {
    oauth2::TokenResponse::access_token(t).secret().clone()
}

/// The generated SDK, sending `token` as `Authorization: Bearer`.
pub fn sdk(app: &TestApp, token: &str) -> auth_center_sdk::Client {
    let mut headers = sdk_reqwest::header::HeaderMap::new();
    let value = format!("Bearer {token}").parse().expect("header value");
    headers.insert(sdk_reqwest::header::AUTHORIZATION, value);
    let client = sdk_reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("sdk http client");
    auth_center_sdk::Client::new_with_client(&app.address, client)
}

/// The status of an SDK error (panics on a transport error).
pub fn sdk_status<E: std::fmt::Debug>(e: auth_center_sdk::Error<E>) -> u16 {
    match e {
        auth_center_sdk::Error::ErrorResponse(r) => r.status().as_u16(),
        auth_center_sdk::Error::UnexpectedResponse(r) => r.status().as_u16(),
        other => panic!("expected an error response, got {other:?}"),
    }
}

/// A raw response: status, headers, body text.
pub struct Raw {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Raw {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }

    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }
}

/// Sends `method path` with an optional bearer token and `Accept`.
pub async fn raw(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    accept: Option<&str>,
) -> Raw {
    let mut req = http().request(method, app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(a) = accept {
        req = req.header("accept", a);
    }
    let resp = req.send().await.expect("request");
    Raw {
        status: resp.status().as_u16(),
        headers: resp.headers().clone(),
        body: resp.text().await.unwrap_or_default(),
    }
}

/// The `code` of a redirect to the app's callback.
fn code_of(callback: &str) -> String {
    assert!(callback.starts_with(REDIRECT_URI), "{callback}");
    url::Url::parse(callback)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("a code in the callback")
}

/// Runs `/oauth2/authorize` in a logged-in `browser`, allowing on the consent page when it is
/// shown; returns whether consent was asked, and the code with its PKCE verifier.
pub async fn authorize_in(
    app: &TestApp,
    browser: &reqwest::Client,
    c: &CreatedClient,
    scope: &str,
) -> (bool, String, PkceCodeVerifier) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = oauth2_client(app, c)
        .set_auth_uri(oauth2::AuthUrl::new(app.url("/oauth2/authorize")).unwrap())
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let mut req = client
        .authorize_url(CsrfToken::new_random)
        .set_pkce_challenge(challenge);
    for s in scope.split(' ') {
        req = req.add_scope(Scope::new(s.into()));
    }
    let (url, _) = req.url();
    let first = browser.get(url.as_str()).send().await.unwrap();
    if first.status() == 303 {
        return (false, code_of(&location(&first)), verifier);
    }
    assert_eq!(first.status(), 200, "the consent page");
    let html = first.text().await.unwrap();
    assert!(html.contains("name=\"decision\" value=\"allow\""), "{html}");
    let back = submit_consent(app, browser, &html, "allow").await;
    assert_eq!(back.status(), 303);
    (true, code_of(&location(&back)), verifier)
}

/// Exchanges a code from [`authorize_in`] with the `oauth2` crate.
pub async fn exchange(
    app: &TestApp,
    c: &CreatedClient,
    code: String,
    verifier: PkceCodeVerifier,
) -> BasicTokenResponse {
    oauth2_client(app, c)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("code exchanged")
}

/// A second, plain user of the world.
pub async fn bob(w: &World) -> auth_center::domain::User {
    let new = auth_center::service::accounts::NewUser {
        username: "bob".into(),
        email: "bob@example.com".into(),
        password: PW.into(),
        display_name: None,
        is_admin: false,
        email_verified: true,
    };
    auth_center::service::accounts::create_user(&w.app.services, new)
        .await
        .expect("bob")
}
