//! Security emails through the real SMTP sink, on both stores: a sign-in from a device not
//! seen before (not the account's first sign-in, not a known device again), a password changed
//! or reset, the email address changed (to the OLD address), two-step verification turned on
//! or off, recovery codes drawn anew and one used; each in the person's language, naming the
//! device and address, and linking to the password reset and sessions pages.

use serde_json::json;

use super::{browser, sign_in, signed_in, CHROME_WINDOWS, FIREFOX_LINUX, PASSWORD};
use crate::helpers::accounts::location;
use crate::helpers::mail::{mails_to, sink, spawn_with_smtp, unique_address, wait_for_text};
use crate::helpers::two_factor::{enrol_at, enrol_signed_in, password_step, post, second_step};
use crate::helpers::{extract_hidden, link_param, Backend, TestApp};

const NEW_DEVICE: &str = "signed in to from a device we have not seen before";

/// What every security email carries besides its news.
fn assert_tells_where_and_what_to_do(text: &str, device: &str) {
    assert!(text.contains(device), "{text}");
    assert!(text.contains("127.0.0.1"), "{text}");
    assert!(text.contains("/accounts/password_reset/"), "{text}");
    assert!(text.contains("/accounts/sessions/"), "{text}");
    assert!(
        !text.contains("token="),
        "nothing in it opens anything: {text}"
    );
}

pub async fn a_sign_in_from_a_new_device_is_mailed_but_not_the_first_nor_a_known_one(
    backend: Backend,
) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("jane");
    app.create_user("jane", &email, PASSWORD).await;
    let laptop = browser(FIREFOX_LINUX);
    sign_in(&app, &laptop, "jane").await;
    sign_in(&app, &laptop, "jane").await;
    let desktop = browser(CHROME_WINDOWS);
    sign_in(&app, &desktop, "jane").await;
    let mail = wait_for_text(&dir, &email, NEW_DEVICE).await;
    assert!(mail.raw.contains("Subject: New sign-in to your account"));
    assert_tells_where_and_what_to_do(&mail.text, "Chrome on Windows");
    assert!(mail.html.contains("href=\"http"), "{}", mail.html);

    // The desktop again (known), then a third device (new): only the third is mailed.
    sign_in(&app, &desktop, "jane").await;
    let phone = browser("Mozilla/5.0 (Linux; Android 14) Chrome/131.0.0.0 Mobile Safari/537.36");
    sign_in(&app, &phone, "jane").await;
    wait_for_text(&dir, &email, "Chrome on Android").await;
    let told = mails_to(&dir, &email);
    assert_eq!(
        told.len(),
        2,
        "the first and known devices are not mailed: {told:#?}"
    );
    app.stop().await;
}

pub async fn password_and_address_changes_are_mailed_in_the_persons_language(backend: Backend) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("jane");
    let jane = app.create_user("jane", &email, PASSWORD).await;
    auth_center::service::profile::set_locale(&app.services, &jane.id, "zh-CN")
        .await
        .unwrap();
    let laptop = browser(FIREFOX_LINUX);
    sign_in(&app, &laptop, "jane").await;

    let html = laptop
        .get(app.url("/accounts/profile/"))
        .send()
        .await
        .unwrap();
    let csrf = extract_hidden(&html.text().await.unwrap(), "csrf_token").unwrap();
    let new_password = "an entirely new passphrase";
    let form = [
        ("current_password", PASSWORD),
        ("password", new_password),
        ("password_confirm", new_password),
        ("csrf_token", &csrf),
    ];
    let resp = laptop
        .post(app.url("/accounts/profile/password/"))
        .form(&form);
    assert_eq!(resp.send().await.unwrap().status(), 303);
    let mail = wait_for_text(&dir, &email, "您账号的密码已更改").await;
    assert_tells_where_and_what_to_do(&mail.text, "Linux 上的 Firefox");
    assert!(mail.text.contains("jane，您好"), "{}", mail.text);

    let moved = unique_address("moved");
    let form = [("new_email", moved.as_str()), ("csrf_token", &csrf)];
    let resp = laptop.post(app.url("/accounts/profile/email/")).form(&form);
    assert_eq!(resp.send().await.unwrap().status(), 303);
    let link = wait_for_text(&dir, &moved, "/accounts/verify-email/").await;
    let token = link_param(&link.link("/accounts/verify-email/"), "token").unwrap();
    let verify = reqwest::Client::new().post(app.url("/api/v1/users/verify-email"));
    let verify = verify.header("user-agent", CHROME_WINDOWS);
    let resp = verify
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let mail = wait_for_text(&dir, &email, "您账号的邮箱地址已更改为 m***@example.com").await;
    assert_tells_where_and_what_to_do(&mail.text, "Windows 上的 Chrome");
    assert!(mails_to(&dir, &moved)
        .iter()
        .all(|m| !m.text.contains("已更改为")));

    // A reset, in English for another person, through the JSON API.
    let bob_email = unique_address("bob");
    app.create_user("bob", &bob_email, PASSWORD).await;
    let api = reqwest::Client::builder()
        .user_agent(FIREFOX_LINUX)
        .build()
        .unwrap();
    let asked = api.post(app.url("/api/v1/users/password-reset"));
    let asked = asked
        .json(&json!({ "email": bob_email }))
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), 204);
    let link = wait_for_text(&dir, &bob_email, "/accounts/reset/").await;
    let token = link_param(&link.link("/accounts/reset/"), "token").unwrap();
    let body = json!({ "token": token, "new_password": new_password });
    let confirm = api.post(app.url("/api/v1/users/password-reset/confirm"));
    assert_eq!(confirm.json(&body).send().await.unwrap().status(), 204);
    let mail = wait_for_text(&dir, &bob_email, "The password of your account was reset").await;
    assert!(mail.raw.contains("Subject: Your password was reset"));
    assert_tells_where_and_what_to_do(&mail.text, "Firefox on Linux");
    app.stop().await;
}

pub async fn two_step_changes_and_a_used_recovery_code_are_mailed(backend: Backend) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("jane");
    let (_, codes) = enrol_at(&app, &email).await;
    let on = wait_for_text(&dir, &email, "Two-step verification was turned on").await;
    assert!(on
        .raw
        .contains("Subject: Two-step verification was turned on"));
    assert!(
        on.text.contains("Other on Other"),
        "no User-Agent: {}",
        on.text
    );

    let phone = browser(CHROME_WINDOWS);
    let (pending, csrf) = password_step(&app, &phone).await;
    let resp = second_step(&app, &phone, &pending, &csrf, &codes[0]).await;
    assert_eq!(location(&resp), "/accounts/profile/");
    let used = wait_for_text(&dir, &email, "with one of its recovery codes").await;
    assert_tells_where_and_what_to_do(&used.text, "Chrome on Windows");

    let csrf = app.csrf_token("/accounts/profile/two-factor/").await;
    let form = [("proof", PASSWORD), ("csrf_token", &csrf)];
    let path = "/accounts/profile/two-factor/recovery-codes/";
    assert_eq!(post(&app.client, &app, path, &form).await.status(), 200);
    wait_for_text(&dir, &email, "New recovery codes were made").await;
    let path = "/accounts/profile/two-factor/disable/";
    assert_eq!(post(&app.client, &app, path, &form).await.status(), 303);
    wait_for_text(&dir, &email, "Two-step verification was turned off").await;
    app.stop().await;
}

pub async fn turning_on_two_step_verification_ends_the_other_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let other = browser(CHROME_WINDOWS);
    sign_in(&app, &other, "jane").await;
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    enrol_signed_in(&app).await;
    assert!(!signed_in(&app, &other).await, "the other session ended");
    assert!(signed_in(&app, &app.client).await, "this one stays");
    app.stop().await;
}
