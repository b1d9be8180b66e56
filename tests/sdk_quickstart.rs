//! End-to-end test of the Rust SDK (`auth_center_sdk`, sdk/rust) on both stores: the quickstart
//! of sdk/rust/README.md. An app token with client_credentials (the form encoded by the SDK,
//! client_secret_basic), a typed OAuth error for a wrong secret, a user token through the
//! password grant, the caller's account and an admin listing, and a typed `ApiError`. A new API
//! gets one more case here (apps: create and list my apps with the user token; authorizations:
//! list and revoke; resource API: read the user's profile with an app token).

mod common;

use auth_center::service::clients::{create_client, CreatedClient, NewClient};
use auth_center_sdk::{types, Client, Error};
use base64::Engine as _;
use common::{Backend, TestApp};
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

fn basic(c: &CreatedClient, secret: &str) -> String {
    let pair = format!("{}:{secret}", c.client.client_id);
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
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
        scopes: "openid profile admin".into(),
        public: false,
        first_party: false,
    };
    create_client(&app.services, new).await.unwrap()
}

async fn user_token(app: &TestApp, c: &CreatedClient) -> String {
    let sdk = with_auth(app, &basic(c, c.secret.as_deref().unwrap()));
    let form = types::TokenForm {
        grant_type: Some("password".into()),
        username: Some("admin".into()),
        password: app.admin_password.clone(),
        scope: Some("openid profile admin".into()),
        ..Default::default()
    };
    sdk.create_token(&form)
        .await
        .unwrap()
        .into_inner()
        .access_token
}

async fn the_rust_sdk_quickstart_works_against_the_live_server(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = quickstart_app(&app).await;
    let secret = c.secret.clone().unwrap();
    let sdk = with_auth(&app, &basic(&c, &secret));
    let form = types::TokenForm {
        grant_type: Some("client_credentials".into()),
        ..Default::default()
    };
    let token = sdk.create_token(&form).await.unwrap().into_inner();
    assert_eq!(token.token_type.to_lowercase(), "bearer");
    assert!(token.expires_in > 0);
    assert_eq!(token.access_token.split('.').count(), 3);

    match with_auth(&app, &basic(&c, "wrong"))
        .create_token(&form)
        .await
    {
        Err(Error::ErrorResponse(resp)) => {
            assert_eq!(resp.status().as_u16(), 401);
            assert_eq!(resp.into_inner().error, "invalid_client");
        }
        other => panic!("expected invalid_client, got {other:?}"),
    }

    let api = with_auth(&app, &format!("Bearer {}", user_token(&app, &c).await));
    assert_eq!(api.get_me().await.unwrap().into_inner().username, "admin");
    let users = api.list_users(None, None, None).await.unwrap().into_inner();
    assert!(users.items.iter().any(|u| u.username == "admin"));
    match api.get_user("01a00000-0000-7000-8000-000000000000").await {
        Err(Error::ErrorResponse(resp)) => {
            assert_eq!(resp.status().as_u16(), 404);
            assert_eq!(resp.into_inner().error, "not_found");
        }
        other => panic!("expected not_found, got {other:?}"),
    }
    app.stop().await;
}

on_both_stores!(the_rust_sdk_quickstart_works_against_the_live_server);
