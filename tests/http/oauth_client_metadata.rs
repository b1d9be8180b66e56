//! Clients without registration (Client ID Metadata Documents): a `client_id` that is an https
//! URL, its document served from an HTTPS server on loopback with a test CA (private addresses
//! allowed by `outbound.*`). The full code flow with PKCE through the login and consent pages
//! with the independent `oauth2` crate, the refresh and revocation, the authorized-apps page, consent asked
//! again, the cache honouring `max-age` on the app's clock, and discovery. The refusals are in
//! `oauth/client_metadata_refusals.rs`.

#[path = "oauth/outbound_bounds.rs"]
mod outbound_bounds;
#[path = "oauth/client_metadata_refusals.rs"]
mod refusals;

use std::time::Duration;

use oauth2::basic::BasicClient;
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, CsrfToken, PkceCodeChallenge, RedirectUrl,
    RefreshToken, Scope, TokenResponse, TokenUrl,
};
use serde_json::{json, Value};

use crate::helpers::accounts::location;
use crate::helpers::jwks_server::{Answer, JwksServer};
use crate::helpers::oauth::*;
use crate::helpers::{test_settings, Backend, TestApp};

pub const DOC: &str = "/oauth/client.json";
pub const NAME: &str = "Helper Agent";

/// The document of a public client published at `url`.
pub fn document(url: &str) -> Value {
    json!({
        "client_id": url,
        "client_name": NAME,
        "client_uri": "https://agent.example/",
        "redirect_uris": [REDIRECT_URI],
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "token_endpoint_auth_method": "none",
        "scope": "openid profile offline_access"
    })
}

/// A world (alice and two registered apps) on an app whose outbound fetches trust `server`'s
/// CA, with metadata documents on or off and private addresses allowed or not.
pub async fn arrange(
    backend: Backend,
    server: &JwksServer,
    enabled: bool,
    allow_private: bool,
) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.oauth.client_id_metadata_documents = enabled;
    settings.outbound.allow_private_addresses = allow_private;
    settings.outbound.extra_root_ca_file = Some(server.ca_file.clone());
    settings.outbound.timeout = Duration::from_millis(1500);
    world_on(TestApp::spawn_with(settings, dir).await).await
}

/// The authorization URL for the client `client_id` with PKCE, and its verifier and state.
pub fn authorize_url(
    w: &World,
    client_id: &str,
    scope: &str,
) -> (String, oauth2::PkceCodeVerifier, String) {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = BasicClient::new(ClientId::new(client_id.into()))
        .set_auth_uri(AuthUrl::new(w.app.url("/oauth2/authorize")).unwrap())
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap());
    let mut req = client
        .authorize_url(CsrfToken::new_random)
        .set_pkce_challenge(challenge);
    for s in scope.split(' ') {
        req = req.add_scope(Scope::new(s.into()));
    }
    let (url, state) = req.url();
    (url.to_string(), verifier, state.secret().clone())
}

fn token_client(w: &World, client_id: &str) -> Oauth2Client {
    BasicClient::new(ClientId::new(client_id.into()))
        .set_token_uri(TokenUrl::new(w.app.url("/oauth2/token")).unwrap())
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .set_auth_type(AuthType::RequestBody)
}

/// The consent page of `url` after logging in through the login page.
async fn consent_page(w: &World, url: &str) -> String {
    let first = w.app.client.get(url).send().await.unwrap();
    assert_eq!(first.status(), 303);
    let page = log_in_and_return(w, &location(&first)).await;
    assert_eq!(page.status(), 200);
    page.text().await.unwrap()
}

fn param(url: &str, name: &str) -> Option<String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

async fn a_url_client_id_signs_in_through_login_and_consent_and_refreshes(backend: Backend) {
    let server = JwksServer::start().await;
    let client_id = server.url(DOC);
    server.answer(DOC, Answer::json(&document(&client_id)));
    let w = arrange(backend, &server, true, true).await;
    assert_eq!(
        metadata(&w.app).await["client_id_metadata_document_supported"],
        true
    );

    let (url, verifier, state) = authorize_url(&w, &client_id, "openid profile offline_access");
    let html = consent_page(&w, &url).await;
    assert!(html.contains("Authorize the app at localhost"), "{html}");
    assert!(
        html.contains(&format!("It calls itself “{NAME}” (stated by the app")),
        "{html}"
    );
    let back = submit_consent(&w.app, &w.app.client, &html, "allow").await;
    assert_eq!(back.status(), 303);
    let callback = location(&back);
    assert!(callback.starts_with(REDIRECT_URI), "{callback}");
    assert_eq!(param(&callback, "state").as_deref(), Some(state.as_str()));
    let code = param(&callback, "code").expect("a code");
    let tokens = token_client(&w, &client_id)
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .expect("the code is exchanged");
    let (status, _, info) = userinfo(&w.app, tokens.access_token().secret()).await;
    assert_eq!(
        (status, info["preferred_username"].as_str()),
        (200, Some("alice"))
    );

    let refresh = tokens.refresh_token().expect("a refresh token").secret();
    let refreshed = token_client(&w, &client_id)
        .exchange_refresh_token(&RefreshToken::new(refresh.clone()))
        .request_async(&http())
        .await
        .expect("the refresh token is exchanged");
    assert_ne!(
        refreshed.access_token().secret(),
        tokens.access_token().secret()
    );

    // The person sees the app by its name and its host.
    let page = w
        .app
        .get("/oauth/authorized_tokens/")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(NAME), "{page}");
    assert!(
        page.contains("An app at localhost, not registered here"),
        "{page}"
    );

    // Consent is asked again: a remembered consent never lets such a client straight through.
    let (url, _, _) = authorize_url(&w, &client_id, "openid profile offline_access");
    let again = w.app.client.get(&url).send().await.unwrap();
    assert_eq!(again.status(), 200, "the consent page, not a redirect");
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("Authorize the app at localhost"));
    // The client revokes its refresh token (RFC 7009), identifying itself by its URL.
    let latest = refreshed
        .refresh_token()
        .expect("a rotated refresh token")
        .secret();
    let form = [
        ("token", latest.as_str()),
        ("client_id", client_id.as_str()),
    ];
    let (status, _, _) = post_form(&w.app, "/oauth2/revoke", None, &form).await;
    assert_eq!(status, 200);
    let revoked = token_client(&w, &client_id)
        .exchange_refresh_token(&RefreshToken::new(latest.clone()))
        .request_async(&http())
        .await;
    assert!(revoked.is_err(), "a revoked refresh token is refused");
    assert_eq!(server.hits(DOC), 1, "the document is cached (max-age=300)");
    w.app.stop().await;
}

/// A token request for a made-up code: the client is identified first, so a fetchable, valid
/// document gives `invalid_grant` and an unusable one `invalid_client`.
pub async fn token_error(w: &World, client_id: &str) -> (u16, String) {
    let form = [
        ("grant_type", "authorization_code"),
        ("code", "no-such-code"),
        ("redirect_uri", REDIRECT_URI),
        ("client_id", client_id),
        ("code_verifier", &"v".repeat(43)),
    ];
    let (status, _, body) = post_form(&w.app, "/oauth2/token", None, &form).await;
    (
        status,
        body["error"].as_str().unwrap_or_default().to_owned(),
    )
}

async fn the_document_is_kept_for_its_max_age_on_the_apps_clock(backend: Backend) {
    let server = JwksServer::start().await;
    let client_id = server.url(DOC);
    let mut answer = Answer::json(&document(&client_id));
    answer.headers[1].1 = "max-age=120".into();
    server.answer(DOC, answer);
    let w = arrange(backend, &server, true, true).await;
    let known = (400, "invalid_grant".to_owned());
    assert_eq!(token_error(&w, &client_id).await, known);
    assert_eq!(token_error(&w, &client_id).await, known);
    assert_eq!(server.hits(DOC), 1);

    // The client publishes a document that no longer names it: used once the copy expires.
    let mut changed = document(&client_id);
    changed["client_id"] = json!("https://elsewhere.example/client.json");
    server.answer(DOC, Answer::json(&changed));
    w.app.advance(Duration::from_secs(119));
    assert_eq!(token_error(&w, &client_id).await, known);
    assert_eq!(server.hits(DOC), 1, "still fresh at 119 s");
    w.app.advance(Duration::from_secs(2));
    assert_eq!(
        token_error(&w, &client_id).await,
        (401, "invalid_client".to_owned())
    );
    assert_eq!(server.hits(DOC), 2, "fetched again after 120 s");
    w.app.stop().await;
}

on_both_stores!(
    a_url_client_id_signs_in_through_login_and_consent_and_refreshes,
    the_document_is_kept_for_its_max_age_on_the_apps_clock,
);
