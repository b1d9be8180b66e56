//! End-to-end test of the Rust SDK (`auth_center_sdk`, sdk/rust) on both stores: the quickstart
//! of sdk/rust/README.md. An app token with client_credentials (the form encoded by the SDK,
//! client_secret_basic), a typed OAuth error for a wrong secret, a user token through the
//! password grant, the caller's account and an admin listing, and a typed `ApiError`; then the
//! caller's apps managed with a user token (`apps`: create, list, get, the new app's own
//! client_credentials token, delete), the resource API (`profile`, `email`: the token's user's
//! profile, another user's a 404), and an authorization revoked (`authorizations`: listed,
//! revoked, its token refused at once). A new API gets one more case here.

use crate::helpers::{Backend, TestApp};
use auth_center::service::clients::{create_client, CreatedClient, NewClient};
use auth_center_sdk::{types, Client, Error};
use base64::Engine as _;
use sdk_reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

fn with_auth(app: &TestApp, value: &str) -> Client {
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_str(value).unwrap());
    let http = sdk_reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap();
    Client::new_with_client(&app.address, http)
}

fn basic(client_id: &str, secret: &str) -> String {
    let pair = format!("{client_id}:{secret}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

fn app_client(app: &TestApp, c: &CreatedClient) -> Client {
    with_auth(
        app,
        &basic(&c.client.client_id, c.secret.as_deref().unwrap()),
    )
}

/// The status and typed `ApiError` code of a documented error answer.
fn api_error<T: std::fmt::Debug>(r: Result<T, Error<types::ApiError>>) -> (u16, String) {
    match r {
        Err(Error::ErrorResponse(resp)) => (resp.status().as_u16(), resp.into_inner().error),
        other => panic!("expected an ApiError, got {other:?}"),
    }
}

async fn quickstart_app(app: &TestApp) -> CreatedClient {
    let admin = app
        .services
        .stores
        .users
        .find_user_by_username("admin")
        .await
        .unwrap();
    let new = NewClient {
        name: "SDK quickstart".into(),
        description: String::new(),
        owner_id: admin.id,
        homepage_url: None,
        redirect_uris: vec!["http://127.0.0.1:8765/callback".into()],
        grant_types: vec!["client_credentials".into(), "password".into()],
        scopes: "openid profile email groups apps authorizations admin".into(),
        public: false,
        first_party: false,
        introspection: false,
    };
    create_client(&app.services, new).await.unwrap()
}

async fn user_token(app: &TestApp, c: &CreatedClient, scope: &str) -> String {
    let form = types::TokenForm {
        grant_type: Some("password".into()),
        username: Some("admin".into()),
        password: app.admin_password.clone(),
        scope: Some(scope.into()),
        ..Default::default()
    };
    app_client(app, c)
        .create_token(&form)
        .await
        .unwrap()
        .into_inner()
        .access_token
}

async fn bearer(app: &TestApp, c: &CreatedClient, scope: &str) -> Client {
    with_auth(app, &format!("Bearer {}", user_token(app, c, scope).await))
}

async fn the_rust_sdk_quickstart_works_against_the_live_server(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = quickstart_app(&app).await;
    let secret = c.secret.clone().unwrap();
    let sdk = with_auth(&app, &basic(&c.client.client_id, &secret));
    let form = types::TokenForm {
        grant_type: Some("client_credentials".into()),
        ..Default::default()
    };
    let token = sdk.create_token(&form).await.unwrap().into_inner();
    assert_eq!(token.token_type.to_lowercase(), "bearer");
    assert!(token.expires_in > 0);
    assert_eq!(token.access_token.split('.').count(), 3);

    match with_auth(&app, &basic(&c.client.client_id, "wrong"))
        .create_token(&form)
        .await
    {
        Err(Error::ErrorResponse(resp)) => {
            assert_eq!(resp.status().as_u16(), 401);
            assert_eq!(resp.into_inner().error, "invalid_client");
        }
        other => panic!("expected invalid_client, got {other:?}"),
    }

    let api = bearer(&app, &c, "openid profile admin").await;
    assert_eq!(api.get_me().await.unwrap().into_inner().username, "admin");
    let users = api.list_users(None, None, None).await.unwrap().into_inner();
    assert!(users.items.iter().any(|u| u.username == "admin"));
    let unknown = api.get_user("01a00000-0000-7000-8000-000000000000").await;
    assert_eq!(api_error(unknown), (404, "not_found".into()));
    app.stop().await;
}

async fn my_apps_are_managed_through_the_rust_sdk_with_a_user_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = quickstart_app(&app).await;
    let api = bearer(&app, &c, "profile apps").await;
    let me = api.get_me().await.unwrap().into_inner();
    let body = types::AppRequest {
        name: "Photo printer".into(),
        description: Some("Prints the photos you choose.".into()),
        grant_types: vec!["client_credentials".into()],
        scopes: vec!["profile".into()],
        redirect_uris: vec![],
        post_logout_redirect_uris: vec![],
        homepage_url: None,
        logo_url: None,
        client_type: None,
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
    };
    let created = api.create_app(&body).await.unwrap().into_inner();
    let (id, secret) = (created.app.client_id, created.client_secret.unwrap());
    assert!(!id.is_empty() && secret.len() >= 32, "{id} / {secret}");
    assert_eq!(created.app.owner_id, me.id);
    assert_eq!(created.app.client_type, "confidential");

    let mine = api.list_apps(None, None).await.unwrap().into_inner();
    assert!(mine.items.iter().any(|a| a.client_id == id));
    let got = api.get_app(&id).await.unwrap().into_inner();
    assert_eq!(got.name, "Photo printer");
    assert_eq!(got.grant_types, ["client_credentials"]);
    assert_eq!(got.secrets.len(), 1);

    let cc = types::TokenForm {
        grant_type: Some("client_credentials".into()),
        ..Default::default()
    };
    let printer = with_auth(&app, &basic(&id, &secret));
    let token = printer.create_token(&cc).await.unwrap().into_inner();
    assert_eq!(token.access_token.split('.').count(), 3);

    api.delete_app(&id).await.unwrap();
    assert_eq!(api_error(api.get_app(&id).await), (404, "not_found".into()));
    match printer.create_token(&cc).await {
        Err(Error::ErrorResponse(resp)) => assert_eq!(resp.status().as_u16(), 401),
        other => panic!("a deleted app got a token: {other:?}"),
    }
    app.stop().await;
}

async fn the_resource_api_reads_the_token_users_profile_through_the_rust_sdk(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = quickstart_app(&app).await;
    let bob = app
        .create_user("bob", "bob@example.com", "bob's long passphrase")
        .await;
    let api = bearer(&app, &c, "profile email").await;
    let me = api.get_me().await.unwrap().into_inner();
    let profile = api.get_user_resource(&me.id).await.unwrap().into_inner();
    assert_eq!(
        (profile.id.as_str(), profile.username.as_str()),
        (me.id.as_str(), "admin")
    );
    assert_eq!(profile.email.as_deref(), me.email.as_deref());
    assert!(profile.email.is_some());
    let no_email = bearer(&app, &c, "profile").await;
    let profile = no_email
        .get_user_resource(&me.id)
        .await
        .unwrap()
        .into_inner();
    assert_eq!((profile.username.as_str(), profile.email), ("admin", None));
    let other = api.get_user_resource(&bob.id).await;
    assert_eq!(api_error(other), (404, "not_found".into()));
    app.stop().await;
}

async fn a_revoked_authorization_is_listed_then_gone_and_its_token_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = quickstart_app(&app).await;
    let manager = bearer(&app, &c, "authorizations").await;
    let known: Vec<String> = (manager.list_my_authorizations().await.unwrap())
        .into_inner()
        .items
        .into_iter()
        .map(|a| a.id)
        .collect();
    // A second token of the same app: the password grant creates a new authorization for it.
    let session = bearer(&app, &c, "profile authorizations").await;
    let listed = session.list_my_authorizations().await.unwrap().into_inner();
    let grant = listed
        .items
        .into_iter()
        .find(|a| a.client_id == c.client.client_id && !known.contains(&a.id))
        .expect("the new token's authorization is listed");
    assert_eq!(grant.client_name, "SDK quickstart");
    assert!(grant.scopes.iter().any(|s| s == "profile"));

    manager.revoke_my_authorization(&grant.id).await.unwrap();
    assert_eq!(api_error(session.get_me().await).0, 401);
    let left = manager.list_my_authorizations().await.unwrap().into_inner();
    assert!(left.items.iter().all(|a| a.id != grant.id));
    assert!(left.items.iter().any(|a| known.contains(&a.id)));
    app.stop().await;
}

on_both_stores!(
    the_rust_sdk_quickstart_works_against_the_live_server,
    my_apps_are_managed_through_the_rust_sdk_with_a_user_token,
    the_resource_api_reads_the_token_users_profile_through_the_rust_sdk,
    a_revoked_authorization_is_listed_then_gone_and_its_token_refused,
);
