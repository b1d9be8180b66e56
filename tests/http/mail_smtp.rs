//! Email through a REAL SMTP server (the aiosmtpd sink of `scripts/smtp-test-server.sh`), on both
//! stores: the delivered verification and reset messages are read from the sink's directory and
//! their links followed to the end. A missing sink FAILS these tests; it never skips them.

use std::path::PathBuf;

use crate::helpers::accounts::location;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::{extract_hidden, Backend, TestApp};
use secrecy::SecretString;

const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "a brand new passphrase";

fn sink() -> (u16, PathBuf) {
    let get = |k: &str| {
        std::env::var(k).unwrap_or_else(|_| {
            panic!("{k} is not set: run scripts/test.sh, or `scripts/smtp-test-server.sh start 2525` and export AUTH_CENTER_TEST_SMTP_PORT=2525 AUTH_CENTER_TEST_SMTP_DIR=$(scripts/smtp-test-server.sh dir 2525)")
        })
    };
    let port = get("AUTH_CENTER_TEST_SMTP_PORT").parse().expect("a port");
    (port, PathBuf::from(get("AUTH_CENTER_TEST_SMTP_DIR")))
}

async fn spawn_with_smtp(backend: Backend, port: u16) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.mail.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
    TestApp::spawn_with(settings, dir).await
}

fn unique_address(name: &str) -> String {
    format!("{name}-{}@example.com", uuid::Uuid::new_v4().simple())
}

async fn a_verification_email_delivered_over_smtp_verifies_the_account(backend: Backend) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("jane");
    assert_eq!(app.register("jane", &email, PASSWORD).await.status(), 303);
    let mail = wait_for_mail(&dir, &email, 1).await;
    assert!(mail.raw.contains("Subject: Verify your email address"));
    let page = mail.link_path("/accounts/verify-email/");
    let token = extract_hidden(&app.get(&page).await.text().await.unwrap(), "token").unwrap();
    let resp = app
        .submit(&page, "/accounts/verify-email/", &[("token", &token)])
        .await;
    assert_eq!(location(&resp), "/accounts/verify-email/done/");
    assert!(app.stored_user("jane").await.email_verified);
    app.stop().await;
}

async fn a_reset_email_delivered_over_smtp_sets_a_new_password(backend: Backend) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("bob");
    app.create_user("bob", &email, PASSWORD).await;
    let forgot = "/accounts/password_reset/";
    app.submit(forgot, forgot, &[("email", &email)]).await;
    let mail = wait_for_mail(&dir, &email, 1).await;
    let page = mail.link_path("/accounts/reset/");
    let token = extract_hidden(&app.get(&page).await.text().await.unwrap(), "token").unwrap();
    let fields = [
        ("token", token.as_str()),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &fields).await;
    assert_eq!(location(&resp), "/accounts/reset/done/");
    assert_eq!(app.login("bob", NEW_PASSWORD).await.status(), 303);
    app.stop().await;
}

async fn an_unreachable_mail_server_loses_no_request(backend: Backend) {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let app = spawn_with_smtp(backend, port).await;
    assert_eq!(
        app.register("jane", "jane@example.com", PASSWORD)
            .await
            .status(),
        303
    );
    assert!(
        !app.stored_user("jane").await.email_verified,
        "the account exists"
    );
    let resend = "/accounts/verify-email/resend/";
    let resp = app
        .submit(resend, resend, &[("email", "jane@example.com")])
        .await;
    assert_eq!(
        location(&resp),
        "/accounts/verify-email/resend/done/",
        "asking again works"
    );
    app.stop().await;
}

on_both_stores!(
    a_verification_email_delivered_over_smtp_verifies_the_account,
    a_reset_email_delivered_over_smtp_sets_a_new_password,
    an_unreachable_mail_server_loses_no_request,
);
