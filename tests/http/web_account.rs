//! The account page after login, on both stores: the login redirect, display name, change of
//! password (other sessions end), change of email (confirmed from the new address), the JSON
//! twins `PATCH /api/v1/me` and `POST /api/v1/me/password`, and login throttling (shared by
//! every server on one store). Recovery (security findings 3 and 4): a password change or a
//! confirmed change of email deletes the account's other email links, a password change
//! revokes the apps' grants and counts against the login throttle, and the old address hears
//! of a change of email. The language remembered on the account (`account/language.rs`).

#[path = "account/language.rs"]
mod language;
#[path = "account/recovery.rs"]
mod recovery;
#[path = "account/two_factor.rs"]
mod two_factor;

use crate::helpers::accounts::location;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::{extract_hidden, lang_link, Backend, TestApp};
use language::*;
use recovery::*;
use serde_json::{json, Value};

const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "a brand new passphrase";
const PROFILE: &str = "/accounts/profile/";

async fn the_account_page_needs_a_login_which_leads_back_to_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let resp = app.get(PROFILE).await;
    assert_eq!(location(&resp), "/accounts/login/?next=/accounts/profile/");
    let fields = [("username", "jane"), ("password", PASSWORD)];
    let resp = app
        .submit("/accounts/login/", "/accounts/login/", &fields)
        .await;
    assert_eq!(
        location(&resp),
        PROFILE,
        "the account page is the default target"
    );
    let resp = app.get(PROFILE).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let html = resp.text().await.unwrap();
    assert!(html.contains("jane@example.com") && html.contains("name=\"display_name\""));
    app.stop().await;
}

async fn the_display_name_is_changed_on_the_page_and_through_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let resp = app
        .submit(PROFILE, PROFILE, &[("display_name", "Jane Doe")])
        .await;
    assert_eq!(location(&resp), "/accounts/profile/?done=profile");
    assert_eq!(
        app.stored_user("jane").await.display_name.as_deref(),
        Some("Jane Doe")
    );
    let long = "x".repeat(65);
    let resp = app
        .submit(PROFILE, PROFILE, &[("display_name", &long)])
        .await;
    assert_eq!(resp.status(), 422);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("id=\"display_name-error\""));

    let csrf = app.csrf_token(PROFILE).await;
    let patch = |csrf: &str| {
        app.client
            .patch(app.url("/api/v1/me"))
            .header("x-csrf-token", csrf.to_owned())
            .json(&json!({"display_name": "J. Doe"}))
    };
    assert_eq!(patch("wrong").send().await.unwrap().status(), 403);
    let resp = patch(&csrf).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let me: Value = resp.json().await.unwrap();
    assert_eq!(me["display_name"], "J. Doe");
    app.stop().await;
}

async fn changing_the_password_needs_the_current_one_and_ends_the_other_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let other = TestApp::spawn_client_session(&app, "jane", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let action = "/accounts/profile/password/";
    let wrong = [
        ("current_password", "not my password"),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(PROFILE, action, &wrong).await;
    assert_eq!(resp.status(), 422);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("The current password is not correct."));
    let right = [
        ("current_password", PASSWORD),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(PROFILE, action, &right).await;
    assert_eq!(location(&resp), "/accounts/profile/?done=password");
    assert_eq!(
        app.get("/api/v1/me").await.status(),
        200,
        "this session stays"
    );
    let me = other.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(me.status(), 401, "the other session ended");
    assert_eq!(app.login("jane", NEW_PASSWORD).await.status(), 303);
    app.stop().await;
}

async fn a_new_email_address_takes_effect_only_from_its_own_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.create_user("bob", "bob@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let action = "/accounts/profile/email/";
    let resp = app
        .submit(PROFILE, action, &[("new_email", "bob@example.com")])
        .await;
    assert_eq!(resp.status(), 409);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("id=\"new_email-error\""));
    let resp = app
        .submit(PROFILE, action, &[("new_email", "jane@new.example")])
        .await;
    assert_eq!(location(&resp), "/accounts/profile/?done=email");
    assert_eq!(
        app.stored_user("jane").await.email.as_str(),
        "jane@example.com"
    );
    let mail = wait_for_mail(&app.mail_dir(), "jane@new.example", 1).await;
    let page = mail.link_path("/accounts/verify-email/");
    let token = extract_hidden(&app.get(&page).await.text().await.unwrap(), "token").unwrap();
    let resp = app
        .submit(&page, "/accounts/verify-email/", &[("token", &token)])
        .await;
    assert_eq!(location(&resp), "/accounts/verify-email/done/");
    let user = app.stored_user("jane").await;
    assert_eq!(user.email.as_str(), "jane@new.example");
    assert!(user.email_verified);
    app.stop().await;
}

/// A form of the account page answered with its errors by a POST-only path: the language
/// links lead to the account page, not to the path that only takes a POST.
async fn the_language_links_of_a_refused_account_form_lead_to_the_account_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let wrong = [("current_password", "not my password"), ("password", "x")];
    let resp = app
        .submit(PROFILE, "/accounts/profile/password/", &wrong)
        .await;
    assert_eq!(resp.status(), 422);
    let zh = lang_link(&resp.text().await.unwrap(), "zh-CN");
    assert_eq!(zh, "/accounts/profile/?lang=zh-CN");
    let resp = app.get(&zh).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains("<html lang=\"zh-CN\">"));
    app.stop().await;
}

async fn the_api_changes_the_password_with_the_current_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let csrf = app.csrf_token(PROFILE).await;
    let change = |current: &str, new: &str| {
        app.client
            .post(app.url("/api/v1/me/password"))
            .header("x-csrf-token", csrf.clone())
            .json(&json!({"current_password": current, "new_password": new}))
    };
    let resp = change("wrong password!", NEW_PASSWORD)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "current_password");
    let resp = change(PASSWORD, "qwertyuiop").send().await.unwrap();
    assert_eq!(resp.status(), 422);
    let resp = change(PASSWORD, NEW_PASSWORD).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["username"], "jane");
    assert_eq!(
        app.get("/api/v1/me").await.status(),
        200,
        "the calling session stays"
    );
    assert_eq!(app.login("jane", NEW_PASSWORD).await.status(), 303);
    app.stop().await;
}

/// The API's password change is refused with 429 once wrong current passwords reach the
/// login limit, as the page's is, and the refused change changes nothing.
async fn the_api_answers_429_while_the_password_check_is_throttled(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.login_max_failures = 3;
    let app = TestApp::spawn_with(settings, dir).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let csrf = app.csrf_token(PROFILE).await;
    let change = |current: &'static str| {
        app.client
            .post(app.url("/api/v1/me/password"))
            .header("x-csrf-token", csrf.clone())
            .json(&json!({"current_password": current, "new_password": NEW_PASSWORD}))
            .send()
    };
    for _ in 0..3 {
        assert_eq!(change("wrong password!").await.unwrap().status(), 422);
    }
    let resp = change(PASSWORD).await.unwrap();
    assert_eq!(resp.status(), 429, "even the right password waits");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "too_many_requests");
    assert_eq!(body["fields"][0]["field"], "current_password");
    assert!(body["message"].as_str().unwrap().contains("try again in"));
    let stored = app.stored_user("jane").await;
    let svc = app.services().await;
    assert!(
        svc.hasher
            .verify(PASSWORD, Some(&stored.password_hash))
            .await
            .unwrap(),
        "the refused change changed nothing"
    );
    app.stop().await;
}

async fn repeated_login_failures_are_refused_until_the_window_passes(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.login_max_failures = 3;
    let app = TestApp::spawn_with(settings, dir).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    for _ in 0..3 {
        assert_eq!(app.login("jane", "wrong password 123").await.status(), 401);
    }
    let resp = app.login("jane", PASSWORD).await;
    assert_eq!(resp.status(), 429, "even the right password waits");
    assert!(resp.text().await.unwrap().contains(" UTC (in 15 minutes)."));
    let resp = app.login("JANE@example.com", PASSWORD).await;
    assert_eq!(
        resp.status(),
        429,
        "username and email share the account's budget"
    );
    app.stop().await;
}

async fn two_servers_on_one_store_share_the_failure_counts(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.login_max_failures = 2;
    let first = TestApp::spawn_with(settings.clone(), dir).await;
    let second = TestApp::spawn_with(settings, tempfile::tempdir().unwrap()).await;
    first
        .create_user("jane", "jane@example.com", PASSWORD)
        .await;
    assert_eq!(
        first.login("jane", "wrong password 123").await.status(),
        401
    );
    assert_eq!(
        second.login("jane", "wrong password 123").await.status(),
        401
    );
    assert_eq!(first.login("jane", PASSWORD).await.status(), 429);
    assert_eq!(second.login("jane", PASSWORD).await.status(), 429);
    second.stop().await;
    first.stop().await;
}

async fn change_of_email_links_to_one_address_are_limited_and_answered_alike(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let action = "/accounts/profile/email/";
    for _ in 0..3 {
        let fields = [("new_email", "victim@other.example")];
        let resp = app.submit(PROFILE, action, &fields).await;
        assert_eq!(location(&resp), "/accounts/profile/?done=email");
    }
    // Asked for after the three, so delivered after whatever they sent.
    let fields = [("new_email", "jane@new.example")];
    app.submit(PROFILE, action, &fields).await;
    wait_for_mail(&app.mail_dir(), "jane@new.example", 1).await;
    wait_for_mail(&app.mail_dir(), "victim@other.example", 1).await;
    let sent = crate::helpers::mail::mails_to(&app.mail_dir(), "victim@other.example");
    assert_eq!(sent.len(), 1, "one link a minute to one address");
    app.stop().await;
}

on_both_stores!(
    the_language_links_of_a_refused_account_form_lead_to_the_account_page,
    the_account_page_needs_a_login_which_leads_back_to_it,
    the_display_name_is_changed_on_the_page_and_through_the_api,
    changing_the_password_needs_the_current_one_and_ends_the_other_sessions,
    a_new_email_address_takes_effect_only_from_its_own_link,
    change_of_email_links_to_one_address_are_limited_and_answered_alike,
    the_api_changes_the_password_with_the_current_one,
    the_api_answers_429_while_the_password_check_is_throttled,
    repeated_login_failures_are_refused_until_the_window_passes,
    two_servers_on_one_store_share_the_failure_counts,
    finding_3_a_password_change_deletes_a_pending_email_change_link,
    finding_3_confirming_a_new_address_deletes_the_links_sent_before,
    finding_3_a_change_of_email_is_announced_to_the_old_address,
    finding_4_a_password_change_revokes_the_grants_and_keeps_this_session,
    a_password_change_goes_through_the_login_throttle,
    the_language_chosen_on_the_account_page_is_used_by_pages_and_the_next_email,
    a_login_on_another_browser_shows_the_pages_in_the_accounts_language,
    switching_language_while_logged_in_is_remembered_on_the_account,
    a_language_link_on_another_site_shows_the_page_but_changes_nothing,
    a_language_chosen_on_the_login_page_is_kept_and_remembered,
    an_unsupported_language_is_refused_on_its_field_and_changes_nothing,
    an_account_registered_from_an_apps_request_gets_the_language_its_ui_locales_chose,
);
