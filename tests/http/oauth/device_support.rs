//! Arrangement for the device flow suite (RFC 8628): an app with a "TV" client allowed the
//! device grant, the `oauth2` crate's client for it, raw token polls, and a person driving the
//! `/device` page with the test client's cookie jar.
#![allow(dead_code)]

use auth_center::config::Settings;
use auth_center::service::clients::CreatedClient;
use oauth2::basic::BasicClient;
use oauth2::StandardDeviceAuthorizationResponse;
use oauth2::{DeviceAuthorizationUrl, EndpointNotSet, EndpointSet, Scope};

use crate::helpers::oauth::*;
use crate::helpers::{extract_hidden, test_settings, Backend, TestApp};

pub const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";
pub const PASSWORD: &str = "a long enough password";

pub type DeviceClient =
    BasicClient<EndpointNotSet, EndpointSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

pub struct DeviceWorld {
    pub w: World,
    /// Public; the device grant and refresh_token.
    pub tv: CreatedClient,
}

/// An app whose devices poll every second (so the suite is quick), adjusted by `tweak`.
pub async fn device_world(b: Backend, tweak: impl FnOnce(&mut Settings)) -> DeviceWorld {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.oauth.device_poll_interval = std::time::Duration::from_secs(1);
    tweak(&mut settings);
    let w = world_on(TestApp::spawn_with(settings, dir).await).await;
    let tv = new_client(&w.app, &w.user.id, &[DEVICE_GRANT, "refresh_token"], true).await;
    DeviceWorld { w, tv }
}

pub fn device_client(app: &TestApp, c: &CreatedClient) -> DeviceClient {
    let url = DeviceAuthorizationUrl::new(app.url("/oauth2/device_authorization")).unwrap();
    oauth2_client(app, c).set_device_authorization_url(url)
}

/// Starts a device authorization with the `oauth2` crate.
pub async fn start(
    app: &TestApp,
    c: &CreatedClient,
    scope: &str,
) -> StandardDeviceAuthorizationResponse {
    let client = device_client(app, c);
    let mut req = client.exchange_device_code();
    for s in scope.split(' ') {
        req = req.add_scope(Scope::new(s.into()));
    }
    req.request_async(&http())
        .await
        .expect("device authorization")
}

/// One raw poll of the token endpoint by a public client.
pub async fn poll(
    app: &TestApp,
    c: &CreatedClient,
    device_code: &str,
) -> (u16, reqwest::header::HeaderMap, serde_json::Value) {
    let form = [
        ("grant_type", DEVICE_GRANT),
        ("device_code", device_code),
        ("client_id", c.client.client_id.as_str()),
    ];
    post_form(app, "/oauth2/token", None, &form).await
}

/// The error code of a poll that must fail with 400 and `Cache-Control: no-store`.
pub async fn poll_error(app: &TestApp, c: &CreatedClient, device_code: &str) -> String {
    let (status, headers, body) = poll(app, c, device_code).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(headers["cache-control"], "no-store");
    body["error"].as_str().unwrap().to_owned()
}

/// Status and body of a page response.
pub async fn page(resp: reqwest::Response) -> (u16, String) {
    let status = resp.status().as_u16();
    (status, resp.text().await.unwrap())
}

/// Logs the person in with the test client's cookie jar.
pub async fn log_in(app: &TestApp) {
    let resp = app.login("alice", PASSWORD).await;
    assert_eq!(resp.status(), 303);
}

/// Types `user_code` into the `/device` form.
pub async fn enter_code(app: &TestApp, user_code: &str) -> (u16, String) {
    let csrf = app.csrf_token("/device").await;
    let form = [("user_code", user_code), ("csrf_token", csrf.as_str())];
    page(
        app.client
            .post(app.url("/device"))
            .form(&form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// Answers the consent step of `/device` with `decision` (`allow` or `deny`).
pub async fn decide(app: &TestApp, consent_html: &str, decision: &str) -> (u16, String) {
    let csrf = extract_hidden(consent_html, "csrf_token").unwrap();
    let code = extract_hidden(consent_html, "user_code").unwrap();
    let form = [
        ("user_code", code.as_str()),
        ("csrf_token", csrf.as_str()),
        ("decision", decision),
    ];
    page(
        app.client
            .post(app.url("/device"))
            .form(&form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// The person logs in, enters the code and answers.
pub async fn answer(app: &TestApp, user_code: &str, decision: &str) -> String {
    log_in(app).await;
    let (status, consent) = enter_code(app, user_code).await;
    assert_eq!(status, 200, "{consent}");
    let (status, result) = decide(app, &consent, decision).await;
    assert_eq!(status, 200, "{result}");
    result
}
