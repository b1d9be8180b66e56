//! Arrangement for the OAuth suites: an app with a user and registered clients, an HTTP client
//! for the independent `oauth2` / `openidconnect` libraries, and helpers for raw form posts.
#![allow(dead_code)]

use auth_center::domain::{CodeChallenge, ScopeSet, User};
use auth_center::service::accounts::{create_user, NewUser};
use auth_center::service::clients::{create_client, CreatedClient, NewClient};
use auth_center::service::oauth::codes::{issue_code, CodeRequest};
use auth_center::service::sessions::start_session;
use oauth2::basic::BasicClient;
use oauth2::{
    AuthType, ClientId, ClientSecret, EndpointNotSet, EndpointSet, PkceCodeChallenge,
    PkceCodeVerifier, TokenUrl,
};

use crate::helpers::{consent_form, extract_hidden, unescape_attr, Backend, TestApp};

pub const REDIRECT_URI: &str = "http://127.0.0.1:9/callback";
pub const ALL_SCOPES: &str = "openid profile email groups offline_access apps";

pub type Oauth2Client =
    BasicClient<EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

pub struct World {
    pub app: TestApp,
    pub user: User,
    /// Confidential; authorization_code, refresh_token, client_credentials.
    pub web: CreatedClient,
    /// Public; authorization_code, refresh_token.
    pub spa: CreatedClient,
}

pub async fn new_client(
    app: &TestApp,
    owner: &str,
    grants: &[&str],
    public: bool,
) -> CreatedClient {
    let new = NewClient {
        name: format!("app {}", uuid::Uuid::new_v4().simple()),
        description: "an app under test".into(),
        owner_id: owner.to_owned(),
        homepage_url: None,
        redirect_uris: vec![REDIRECT_URI.into()],
        grant_types: grants.iter().map(|g| (*g).to_owned()).collect(),
        scopes: ALL_SCOPES.into(),
        public,
        first_party: false,
        introspection: !public,
    };
    create_client(&app.services, new)
        .await
        .expect("client registered")
}

pub async fn world(backend: Backend) -> World {
    let app = TestApp::spawn(backend).await;
    world_on(app).await
}

pub async fn world_on(app: TestApp) -> World {
    let user = create_user(
        &app.services,
        NewUser {
            username: "alice".into(),
            email: "alice@example.com".into(),
            password: "a long enough password".into(),
            display_name: Some("Alice Liddell".into()),
            is_admin: false,
            email_verified: true,
        },
    )
    .await
    .expect("user created");
    let web = new_client(
        &app,
        &user.id,
        &["authorization_code", "refresh_token", "client_credentials"],
        false,
    )
    .await;
    let spa = new_client(
        &app,
        &user.id,
        &["authorization_code", "refresh_token"],
        true,
    )
    .await;
    World {
        app,
        user,
        web,
        spa,
    }
}

/// An HTTP client that never follows redirects (RFC 9700 §4.11).
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The `oauth2` crate's client for `c`, authenticating with HTTP Basic when it has a secret.
pub fn oauth2_client(app: &TestApp, c: &CreatedClient) -> Oauth2Client {
    let mut client = BasicClient::new(ClientId::new(c.client.client_id.clone()))
        .set_token_uri(TokenUrl::new(app.url("/oauth2/token")).unwrap());
    if let Some(secret) = &c.secret {
        client = client.set_client_secret(ClientSecret::new(secret.clone()));
    } else {
        client = client.set_auth_type(AuthType::RequestBody);
    }
    client
}

/// A code the user authorized for `c`, as the authorize endpoint issues it, with PKCE.
pub async fn code_for(
    w: &World,
    c: &CreatedClient,
    scope: &str,
    nonce: Option<&str>,
) -> (String, PkceCodeVerifier) {
    code_for_key(w, c, scope, nonce, None).await
}

/// The same, for an authorization request that named a DPoP key (`dpop_jkt`, RFC 9449 §10).
pub async fn code_for_key(
    w: &World,
    c: &CreatedClient,
    scope: &str,
    nonce: Option<&str>,
    dpop_jkt: Option<String>,
) -> (String, PkceCodeVerifier) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    // The browser session the user authorized in; the exchange requires it to be alive.
    let client = auth_center::domain::ClientInfo::default();
    let session = start_session(&w.app.services, &w.user, None, &client)
        .await
        .expect("session started");
    let req = CodeRequest {
        client_id: c.client.client_id.clone(),
        user_id: w.user.id.clone(),
        redirect_uri: REDIRECT_URI.into(),
        scopes: ScopeSet::parse(scope).unwrap(),
        code_challenge: Some(CodeChallenge::parse(challenge.as_str(), Some("S256")).unwrap()),
        nonce: nonce.map(str::to_owned),
        auth_time: w.app.services.now(),
        session_id: Some(session.session.id),
        resources: vec![],
        dpop_jkt,
    };
    let code = issue_code(&w.app.services, req).await.expect("code issued");
    (code, verifier)
}

/// The server's metadata document (RFC 8414; the OpenID configuration is the same document).
pub async fn metadata(app: &TestApp) -> serde_json::Value {
    let resp = app.get("/.well-known/oauth-authorization-server").await;
    assert_eq!(resp.status(), 200);
    resp.json().await.expect("metadata JSON")
}

/// POSTs a form and returns status, headers and JSON body.
pub async fn post_form(
    app: &TestApp,
    path: &str,
    basic: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, serde_json::Value) {
    let mut req = http().post(app.url(path)).form(form);
    if let Some((id, secret)) = basic {
        req = req.basic_auth(id, Some(secret));
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.json().await.unwrap_or(serde_json::Value::Null);
    (status, headers, body)
}

/// Introspects `token` as the confidential client of the world.
pub async fn introspect(w: &World, token: &str) -> serde_json::Value {
    let secret = w.web.secret.as_deref().unwrap();
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/introspect",
        Some((&w.web.client.client_id, secret)),
        &[("token", token)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// Calls userinfo with a bearer token.
pub async fn userinfo(
    app: &TestApp,
    token: &str,
) -> (u16, reqwest::header::HeaderMap, serde_json::Value) {
    let resp = http()
        .get(app.url("/oauth2/userinfo"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, headers, resp.json().await.unwrap_or_default())
}

/// Submits the consent page `html` from `browser` with `decision` (`allow` or `deny`): the
/// request's hidden fields as the page carries them, and its CSRF token.
pub async fn submit_consent(
    app: &TestApp,
    browser: &reqwest::Client,
    html: &str,
    decision: &str,
) -> reqwest::Response {
    let form = consent_form(html, decision);
    browser
        .post(app.url("/oauth2/authorize"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

/// Logs the world's user in on the login page at `login_path` (the test client's cookie jar)
/// and follows the redirect back to the authorize URL.
pub async fn log_in_and_return(w: &World, login_path: &str) -> reqwest::Response {
    let html = w.app.get(login_path).await.text().await.unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let next = unescape_attr(&extract_hidden(&html, "next").unwrap());
    let resp = w
        .app
        .client
        .post(w.app.url("/accounts/login/"))
        .form(&[
            ("username", "alice"),
            ("password", "a long enough password"),
            ("csrf_token", &csrf),
            ("next", &next),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    w.app
        .client
        .get(w.app.url(&super::accounts::location(&resp)))
        .send()
        .await
        .unwrap()
}
