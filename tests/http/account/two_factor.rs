//! Two-step verification on the account, on both stores: linked from the account page, its
//! pages in Chinese, turning it off only with the password or a current code, and the
//! password grant refusing an account that has it on.

use crate::helpers::authz::password_app;
use crate::helpers::oauth::post_form;
use crate::helpers::totp::code_at_step;
use crate::helpers::two_factor::*;
use crate::helpers::{extract_hidden, Backend, TestApp};

async fn turning_it_off_needs_the_password_or_a_current_code(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (secret, _) = enrol(&app).await;
    let csrf = app.csrf_token("/accounts/profile/two-factor/").await;
    let off = "/accounts/profile/two-factor/disable/";
    let resp = post(
        &app.client,
        &app,
        off,
        &[("proof", "not my password"), ("csrf_token", &csrf)],
    )
    .await;
    assert_eq!(resp.status(), 422);
    let resp = post(
        &app.client,
        &app,
        off,
        &[("proof", ""), ("csrf_token", &csrf)],
    )
    .await;
    assert_eq!(resp.status(), 422);
    let no_csrf = post(&app.client, &app, off, &[("proof", PASSWORD)]).await;
    assert_eq!(no_csrf.status(), 403);
    let html = app
        .get("/accounts/profile/two-factor/")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Two-step verification is on"), "still on");
    let code = code_at_step(&secret, step_now(&app) + 1);
    let resp = post(
        &app.client,
        &app,
        off,
        &[("proof", &code), ("csrf_token", &csrf)],
    )
    .await;
    assert_eq!(resp.status(), 303);
    let browser = app.new_browser();
    let resp = submit_password(&app, &browser, "/").await;
    assert_eq!(resp.status(), 303, "the password alone signs in again");
    app.stop().await;
}

async fn the_password_grant_refuses_an_account_with_two_step_verification(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    enrol(&app).await;
    let user = app.stored_user("jane").await;
    let c = password_app(&app, &user.id).await;
    let secret = c.secret.clone().unwrap();
    let form = [
        ("grant_type", "password"),
        ("username", "jane"),
        ("password", PASSWORD),
    ];
    let basic = Some((c.client.client_id.as_str(), secret.as_str()));
    let (status, _, body) = post_form(&app, "/oauth2/token", basic, &form).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"], "invalid_grant");
    let why = body["error_description"].as_str().unwrap();
    assert!(why.contains("two-step verification"), "{why}");
    app.stop().await;
}

async fn the_two_step_pages_speak_chinese_when_asked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    enrol(&app).await;
    let html = app.get("/accounts/profile/").await.text().await.unwrap();
    assert!(
        html.contains("href=\"/accounts/profile/two-factor/\""),
        "linked from the account page"
    );
    let html = app
        .get("/accounts/profile/two-factor/?lang=zh-CN")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(
        html.contains("两步验证已开启") && html.contains("剩余恢复码：10 个"),
        "{html}"
    );
    let browser = app.new_browser();
    let page = browser
        .get(app.url("/accounts/login/"))
        .header("accept-language", "zh-CN");
    let html = page.send().await.unwrap().text().await.unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [
        ("username", "jane"),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
    ];
    let resp = browser
        .post(app.url("/accounts/login/"))
        .header("accept-language", "zh-CN");
    let html = resp.form(&form).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains("<h1>两步验证</h1>") && html.contains("恢复码"),
        "{html}"
    );
    app.stop().await;
}

/// The two-step pages belong to the signed-in person: without a session the page leads to the
/// login page, and a form posted with the account's password changes nothing.
async fn without_a_session_the_two_step_pages_lead_to_the_login_and_change_nothing(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    enrol(&app).await;
    let stranger = app.new_browser();
    let page = stranger
        .get(app.url("/accounts/profile/two-factor/"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 303);
    let to = page.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/accounts/login/"), "{to}");
    let html = stranger
        .get(app.url("/accounts/login/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let off = "/accounts/profile/two-factor/disable/";
    let form = [("proof", PASSWORD), ("csrf_token", csrf.as_str())];
    let resp = post(&stranger, &app, off, &form).await;
    assert_ne!(resp.status(), 200, "no account to change");
    let (pending, _) = password_step(&app, &app.new_browser()).await;
    assert!(!pending.is_empty(), "two-step verification is still on");
    app.stop().await;
}

on_both_stores!(
    without_a_session_the_two_step_pages_lead_to_the_login_and_change_nothing,
    turning_it_off_needs_the_password_or_a_current_code,
    the_password_grant_refuses_an_account_with_two_step_verification,
    the_two_step_pages_speak_chinese_when_asked,
);
