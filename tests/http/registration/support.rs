//! Arrangement for the registration suites: an app with a registration policy, requests to
//! `/oauth2/register` as a client sends them, and initial access tokens minted by the
//! administrator through the admin API.
#![allow(dead_code)]

use auth_center::domain::RegistrationPolicy;
use auth_center::service::clients::CreatedClient;
use serde_json::{json, Value};

use crate::helpers::caller::Caller;
use crate::helpers::oauth::{http, REDIRECT_URI};
use crate::helpers::{test_settings, Backend, TestApp};

/// An app whose `oauth.dynamic_registration` is `policy`, with `per_ip` open registrations
/// per address per hour.
pub async fn app_with(b: Backend, policy: RegistrationPolicy, per_ip: u32) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.oauth.dynamic_registration = policy;
    settings.oauth.registration_max_per_ip_per_hour = per_ip;
    TestApp::spawn_with(settings, dir).await
}

/// A web client's metadata: confidential, code flow and client credentials.
pub fn web_metadata() -> Value {
    json!({
        "client_name": "Registered web app",
        "redirect_uris": [REDIRECT_URI],
        "grant_types": ["authorization_code", "refresh_token", "client_credentials"],
        "response_types": ["code"],
        "scope": "openid profile email",
        "contacts": ["ops@client.example"],
        "tos_uri": "https://client.example/tos",
        "software_id": "4NRB1-0XZABZI9E6-5SM3R",
        "software_version": "2.1",
        "software_statement": "eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
    })
}

/// A request to `method path` with `bearer` and a JSON `body`: status, headers and JSON body.
pub async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    bearer: Option<&str>,
    body: Option<&Value>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let mut req = http().request(method, app.url(path));
    if let Some(t) = bearer {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap();
    (
        status,
        headers,
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

/// POSTs `metadata` to `/oauth2/register` with `bearer`: status and JSON body.
pub async fn register(app: &TestApp, bearer: Option<&str>, metadata: &Value) -> (u16, Value) {
    let (status, _, body) = send(
        app,
        reqwest::Method::POST,
        "/oauth2/register",
        bearer,
        Some(metadata),
    )
    .await;
    (status, body)
}

/// An initial access token for `uses` registrations within `expires_in` seconds, minted by
/// the administrator through the admin API.
pub async fn initial_token(app: &TestApp, uses: u32, expires_in: i64) -> String {
    let admin = Caller::admin(app).await;
    let body = json!({ "uses": uses, "expires_in": expires_in });
    let (status, minted) = admin.post("/api/v1/admin/registration-tokens", body).await;
    assert_eq!(status, 201, "{minted}");
    assert_eq!(minted["uses"], uses);
    minted["initial_access_token"].as_str().unwrap().to_owned()
}

/// The registered client as the `oauth` helpers take it: the stored app and its secret.
pub async fn created(app: &TestApp, registered: &Value) -> CreatedClient {
    let id = registered["client_id"].as_str().unwrap();
    let client = app.services.stores.clients.get_client(id).await.unwrap();
    CreatedClient {
        client,
        secret: registered["client_secret"].as_str().map(str::to_owned),
    }
}

/// The path of the client configuration endpoint in a registration answer.
pub fn config_path(registered: &Value) -> String {
    let uri = registered["registration_client_uri"].as_str().unwrap();
    let path = uri.split_once("/oauth2/").unwrap().1;
    format!("/oauth2/{path}")
}
