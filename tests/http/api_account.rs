//! The account JSON API without a credential, on both stores: register (201, 409 naming the
//! field, 422 listing fields), verify email, request and confirm a password reset (the same
//! answer for unknown addresses).

use crate::helpers::mail::{mails_to, wait_for_mail};
use crate::helpers::{Backend, TestApp};
use serde_json::{json, Value};

const PASSWORD: &str = "correct horse battery staple";

async fn post(app: &TestApp, path: &str, body: Value) -> (u16, Value) {
    let resp = app
        .client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn token_of(link: &str) -> String {
    link.split("token=").nth(1).unwrap().to_owned()
}

async fn the_api_registers_and_verifies_an_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let body = json!({"username": "jane", "email": "jane@example.com", "password": PASSWORD, "locale": "zh-CN"});
    let (status, me) = post(&app, "/api/v1/users/register", body.clone()).await;
    assert_eq!(status, 201, "{me}");
    assert_eq!(me["email_verified"], false);
    let (status, _) = post(&app, "/api/v1/users/register", body.clone()).await;
    assert_eq!(status, 409);
    for (username, email, field) in [
        ("JANE", "other@example.com", "username"),
        ("other", "Jane@Example.com", "email"),
    ] {
        let body = json!({"username": username, "email": email, "password": PASSWORD});
        let (status, err) = post(&app, "/api/v1/users/register", body).await;
        assert_eq!(status, 409);
        assert_eq!(err["fields"][0]["field"], field);
    }
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    assert!(mail.text.contains("您好"), "the email follows the locale");
    let token = token_of(&mail.link("/accounts/verify-email/"));
    let (status, _) = post(&app, "/api/v1/users/verify-email", json!({"token": token})).await;
    assert_eq!(status, 204);
    assert!(app.stored_user("jane").await.email_verified);
    let (status, err) = post(&app, "/api/v1/users/verify-email", json!({"token": token})).await;
    assert_eq!(status, 422);
    assert_eq!(err["fields"][0]["field"], "token");
    app.stop().await;
}

async fn registration_errors_name_every_bad_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let body = json!({"username": "x", "email": "nope", "password": "password"});
    let (status, err) = post(&app, "/api/v1/users/register", body).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = err["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["username", "email", "password"]);
    app.stop().await;
}

async fn the_api_resets_a_password_without_revealing_who_exists(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let known = post(
        &app,
        "/api/v1/users/password-reset",
        json!({"email": "jane@example.com"}),
    )
    .await;
    let unknown = post(
        &app,
        "/api/v1/users/password-reset",
        json!({"email": "who@example.com"}),
    )
    .await;
    assert_eq!(known, unknown);
    assert_eq!(known.0, 204);
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    assert!(mails_to(&app.mail_dir(), "who@example.com").is_empty());
    let token = token_of(&mail.link("/accounts/reset/"));
    let confirm = |password: &str| json!({"token": token, "new_password": password});
    let (status, _) = post(
        &app,
        "/api/v1/users/password-reset/confirm",
        confirm("jane"),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = post(
        &app,
        "/api/v1/users/password-reset/confirm",
        confirm("a brand new passphrase"),
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(
        app.login("jane", "a brand new passphrase").await.status(),
        303
    );
    app.stop().await;
}

on_both_stores!(
    the_api_registers_and_verifies_an_account,
    registration_errors_name_every_bad_field,
    the_api_resets_a_password_without_revealing_who_exists,
);
