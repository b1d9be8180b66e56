//! Each kind of account event through the pages and the JSON API, read back through the admin
//! API with its actor, subject, app and address: sign-ins (succeeded, failed with a reason,
//! throttled), sign-outs, ended sessions, password changes and resets, a changed email
//! address, two-step verification on and off, a recovery code used and a wrong second-step
//! code, administrators' actions on accounts and groups, and the signing key generated at
//! start-up.

use reqwest::Method;
use serde_json::json;

use super::{assert_event, event, sign_in, PW};
use crate::helpers::caller::Caller;
use crate::helpers::mail::wait_for_text;
use crate::helpers::two_factor::{self, password_step, second_step};
use crate::helpers::{test_settings, Backend, TestApp};

const AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

async fn sign_ins_and_sign_outs_are_recorded_with_the_request_they_came_in(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.accounts.login_max_failures = 3;
    let app = TestApp::spawn_with(settings, dir).await;
    let alice = app.create_user("alice", "alice@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .user_agent(AGENT)
        .build()
        .unwrap();
    let signed_in = sign_in(&app, &browser, "alice", PW).await;
    assert_eq!(signed_in.status(), 303);
    let request_id = signed_in.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let ok = event(&admin, "login.succeeded", |e| {
        e["subject"] == alice.id.as_str()
    })
    .await;
    assert_event(&ok, &alice.id, Some(&alice.id), None);
    assert_eq!(ok["user_agent"], AGENT);
    assert_eq!(ok["request_id"], request_id.as_str());
    assert_eq!(ok["details"]["amr"], "pwd");
    let csrf = app_csrf(&app, &browser).await;
    let out = browser
        .post(app.url("/accounts/logout/"))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let logout = event(&admin, "logout", |e| e["subject"] == alice.id.as_str()).await;
    assert_event(&logout, &alice.id, Some(&alice.id), None);

    assert_eq!(sign_in(&app, &browser, "nobody", PW).await.status(), 401);
    let unknown = event(&admin, "login.failed", |e| e["reason"] == "unknown_user").await;
    assert_event(&unknown, "anonymous", None, None);
    for _ in 0..3 {
        assert_eq!(
            sign_in(&app, &browser, "alice", "not it").await.status(),
            401
        );
    }
    let bad = event(&admin, "login.failed", |e| e["reason"] == "bad_password").await;
    assert_event(&bad, &alice.id, Some(&alice.id), None);
    assert_eq!(sign_in(&app, &browser, "alice", PW).await.status(), 429);
    let refused = event(&admin, "throttle.refused", |e| {
        e["subject"] == alice.id.as_str()
    })
    .await;
    assert_event(&refused, &alice.id, Some(&alice.id), None);
    assert_eq!(refused["reason"], "throttled");
    assert_eq!(refused["details"]["check"], "password");
    app.stop().await;
}

/// The CSRF token of the signed-in `browser` (from its profile page).
async fn app_csrf(app: &TestApp, browser: &reqwest::Client) -> String {
    let html = browser
        .get(app.url("/accounts/profile/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    crate::helpers::extract_hidden(&html, "csrf_token").unwrap()
}

async fn credential_and_address_changes_and_ended_sessions_are_recorded(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app
        .create_user("jane", "jane@example.com", two_factor::PASSWORD)
        .await;
    let admin = Caller::admin(&app).await;
    let other = Caller::login(&app, "jane", two_factor::PASSWORD).await;
    let me = Caller::login(&app, "jane", two_factor::PASSWORD).await;
    let change = json!({
        "current_password": two_factor::PASSWORD,
        "new_password": "another long passphrase",
    });
    let (status, body) = me
        .call(Method::POST, "/api/v1/me/password", Some(change))
        .await;
    assert_eq!(status, 200, "{body}");
    let changed = event(&admin, "password.changed", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&changed, &jane.id, Some(&jane.id), None);
    let (status, _) = me
        .call(Method::POST, "/api/v1/me/sessions/end-others", None)
        .await;
    assert_eq!(status, 200);
    let ended = event(&admin, "session.ended", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&ended, &jane.id, Some(&jane.id), None);
    drop(other);

    let reset = app
        .client
        .post(app.url("/api/v1/users/password-reset"))
        .json(&json!({"email": "jane@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 204);
    let mail = wait_for_text(&app.mail_dir(), "jane@example.com", "/accounts/reset/").await;
    let link = mail.link("/accounts/reset/");
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let confirmed = app
        .client
        .post(app.url("/api/v1/users/password-reset/confirm"))
        .json(&json!({"token": token, "new_password": two_factor::PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), 204);
    let reset = event(&admin, "password.reset", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&reset, &jane.id, Some(&jane.id), None);

    assert_eq!(app.login("jane", two_factor::PASSWORD).await.status(), 303);
    let fields = [("new_email", "jane@new.example")];
    let asked = app
        .submit("/accounts/profile/", "/accounts/profile/email/", &fields)
        .await;
    assert_eq!(asked.status(), 303);
    let new_address = "/accounts/verify-email/";
    let mail = wait_for_text(&app.mail_dir(), "jane@new.example", new_address).await;
    let page = mail.link_path(new_address);
    let html = app.get(&page).await.text().await.unwrap();
    let token = crate::helpers::extract_hidden(&html, "token").unwrap();
    let verified = app.submit(&page, new_address, &[("token", &token)]).await;
    assert_eq!(verified.status(), 303);
    let changed = event(&admin, "email.changed", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&changed, &jane.id, Some(&jane.id), None);
    assert!(
        !changed.to_string().contains(&token),
        "no link token in the event"
    );
    app.stop().await;
}

async fn two_step_verification_on_off_and_its_codes_are_recorded(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (secret, codes) = two_factor::enrol(&app).await;
    let jane = app.stored_user("jane").await;
    let admin = Caller::admin(&app).await;
    let on = event(&admin, "second_factor.enabled", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&on, &jane.id, Some(&jane.id), None);
    let browser = app.new_browser();
    let (pending, csrf) = password_step(&app, &browser).await;
    let wrong = second_step(&app, &browser, &pending, &csrf, "000000").await;
    assert_eq!(wrong.status(), 401);
    let failed = event(&admin, "login.failed", |e| {
        e["reason"] == "second_factor_failed"
    })
    .await;
    assert_event(&failed, &jane.id, Some(&jane.id), None);
    let used = second_step(&app, &browser, &pending, &csrf, &codes[0]).await;
    assert_eq!(used.status(), 303);
    let recovery = event(&admin, "recovery_code.used", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&recovery, &jane.id, Some(&jane.id), None);
    let signed_in = event(&admin, "login.succeeded", |e| {
        e["subject"] == jane.id.as_str()
            && e["details"]["amr"].as_str().unwrap_or("").contains("mfa")
    })
    .await;
    assert_event(&signed_in, &jane.id, Some(&jane.id), None);
    let code = crate::helpers::totp::code_at_step(&secret, two_factor::step_now(&app) + 1);
    let csrf = app.csrf_token("/accounts/profile/two-factor/").await;
    let off = two_factor::post(
        &app.client,
        &app,
        "/accounts/profile/two-factor/disable/",
        &[("proof", &code), ("csrf_token", &csrf)],
    )
    .await;
    assert_eq!(off.status(), 303);
    let off = event(&admin, "second_factor.disabled", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&off, &jane.id, Some(&jane.id), None);
    app.stop().await;
}

async fn administrators_actions_and_the_first_signing_key_are_recorded(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let alice = app.create_user("alice", "alice@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    let admin_id = app.stored_user("admin").await.id;
    let key = event(&admin, "key.rotated", |_| true).await;
    assert_eq!(
        key["actor"], "system",
        "generated at start-up, by no request"
    );
    assert!(key["details"]["kid"].is_string());
    let path = format!("/api/v1/admin/users/{}/disable", alice.id);
    assert_eq!(admin.call(Method::POST, &path, None).await.0, 200);
    let disabled = event(&admin, "admin.user_changed", |e| {
        e["details"]["disabled"] == "true"
    })
    .await;
    assert_event(&disabled, &admin_id, Some(&alice.id), None);
    let path = format!("/api/v1/admin/users/{}/enable", alice.id);
    assert_eq!(admin.call(Method::POST, &path, None).await.0, 200);
    event(&admin, "admin.user_changed", |e| {
        e["details"]["disabled"] == "false"
    })
    .await;
    let (status, group) = admin
        .call(
            Method::POST,
            "/api/v1/admin/groups",
            Some(json!({"name": "auditors"})),
        )
        .await;
    assert_eq!(status, 201, "{group}");
    let gid = group["id"].as_str().unwrap().to_owned();
    let created = event(&admin, "admin.group_created", |e| {
        e["details"]["group"] == gid.as_str()
    })
    .await;
    assert_event(&created, &admin_id, None, None);
    let member = format!("/api/v1/admin/groups/{gid}/members/{}", alice.id);
    assert_eq!(admin.call(Method::PUT, &member, None).await.0, 200);
    let added = event(&admin, "admin.group_member_added", |_| true).await;
    assert_event(&added, &admin_id, Some(&alice.id), None);
    assert_eq!(admin.call(Method::DELETE, &member, None).await.0, 204);
    let removed = event(&admin, "admin.group_member_removed", |_| true).await;
    assert_event(&removed, &admin_id, Some(&alice.id), None);
    let group_path = format!("/api/v1/admin/groups/{gid}");
    assert_eq!(admin.call(Method::DELETE, &group_path, None).await.0, 204);
    event(&admin, "admin.group_deleted", |e| {
        e["actor"] == admin_id.as_str()
    })
    .await;
    let path = format!("/api/v1/admin/users/{}", alice.id);
    assert_eq!(admin.call(Method::DELETE, &path, None).await.0, 204);
    let deleted = event(&admin, "admin.user_deleted", |_| true).await;
    assert_event(&deleted, &admin_id, Some(&alice.id), None);
    app.stop().await;
}

on_both_stores!(
    sign_ins_and_sign_outs_are_recorded_with_the_request_they_came_in,
    credential_and_address_changes_and_ended_sessions_are_recorded,
    two_step_verification_on_off_and_its_codes_are_recorded,
    administrators_actions_and_the_first_signing_key_are_recorded,
);
