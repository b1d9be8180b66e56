//! Active sessions, on both stores: the sessions page lists every session of the person with
//! its device and address and marks this one; "Sign out" ends any one of the person's own and
//! "Sign out everywhere else" all the others, each refused at its very next request; another
//! person's session answers 404 and stays; the JSON twins (`/api/v1/me/sessions`) serve the
//! person's own browser session only, never a bearer token; last-seen is written at most every
//! five minutes; a password change or turning on two-step verification ends the other
//! sessions. Last-seen and the idle deadline in `sessions/activity.rs`, security emails through
//! the SMTP sink in `sessions/security_mail.rs`.

#[path = "sessions/activity.rs"]
mod activity;
#[path = "sessions/security_mail.rs"]
mod security_mail;

use std::time::Duration;

use serde_json::Value;

use crate::helpers::accounts::location;
use crate::helpers::authz::{access, password_app, password_tokens, sdk, sdk_status};
use crate::helpers::caller::Caller;
use crate::helpers::{extract_hidden, Backend, TestApp};
use activity::*;
use security_mail::*;

pub const PASSWORD: &str = "correct horse battery staple";
pub const FIREFOX_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
pub const CHROME_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 \
     (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PAGE: &str = "/accounts/sessions/";

/// A browser (own cookie jar, no redirects followed) that calls itself `user_agent`.
pub fn browser(user_agent: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .user_agent(user_agent)
        .build()
        .unwrap()
}

/// Logs `username` in on `b` through the login page.
pub async fn sign_in(app: &TestApp, b: &reqwest::Client, username: &str) {
    let html = get(app, b, "/accounts/login/").await.text().await.unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [
        ("username", username),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
        ("next", "/"),
    ];
    let resp = b.post(app.url("/accounts/login/")).form(&form);
    assert_eq!(
        resp.send().await.unwrap().status(),
        303,
        "{username} signs in"
    );
}

pub async fn get(app: &TestApp, b: &reqwest::Client, path: &str) -> reqwest::Response {
    b.get(app.url(path)).send().await.unwrap()
}

/// Whether `b` is still signed in (the account page answers instead of leading to the login).
pub async fn signed_in(app: &TestApp, b: &reqwest::Client) -> bool {
    get(app, b, "/accounts/profile/").await.status() == 200
}

/// The sessions page of `b` and its CSRF token.
async fn page(app: &TestApp, b: &reqwest::Client) -> (String, String) {
    let html = get(app, b, PAGE).await.text().await.unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    (html, csrf)
}

/// The public ids of the sessions listed on a sessions page, in order.
fn listed_ids(html: &str) -> Vec<String> {
    html.split("data-session-id=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

/// The listed entry of the session `id` on a sessions page.
fn entry_of<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html.find(&format!("data-session-id=\"{id}\"")).unwrap();
    let end = html[start..].find("</li>").unwrap();
    &html[start..start + end]
}

async fn post(app: &TestApp, b: &reqwest::Client, path: &str, csrf: &str) -> reqwest::Response {
    let form = [("csrf_token", csrf)];
    b.post(app.url(path)).form(&form).send().await.unwrap()
}

/// The public id of the session `b` is signed in with, read from its own sessions page.
async fn own_id(app: &TestApp, b: &reqwest::Client) -> String {
    let (html, _) = page(app, b).await;
    let at = html
        .find("class=\"session current\"")
        .expect("this device is marked");
    listed_ids(&html[at..])[0].clone()
}

async fn the_sessions_page_lists_each_session_and_marks_this_device(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let (laptop, desktop) = (browser(FIREFOX_LINUX), browser(CHROME_WINDOWS));
    sign_in(&app, &laptop, "jane").await;
    app.advance(Duration::from_secs(1));
    sign_in(&app, &desktop, "jane").await;
    let (html, _) = page(&app, &laptop).await;
    let ids = listed_ids(&html);
    assert_eq!(ids.len(), 2, "{html}");
    let (newest, oldest) = (entry_of(&html, &ids[0]), entry_of(&html, &ids[1]));
    assert!(newest.contains("Chrome on Windows") && !newest.contains("This device"));
    assert!(oldest.contains("Firefox on Linux") && oldest.contains("This device"));
    for e in [newest, oldest] {
        assert!(e.contains("127.0.0.1"), "{e}");
    }
    assert!(html.contains("action=\"/accounts/sessions/end-others/\""));
    assert!(
        html.contains("href=\"/accounts/sessions/\""),
        "in the navigation"
    );
    let zh = get(&app, &laptop, "/accounts/sessions/?lang=zh-CN").await;
    let zh = zh.text().await.unwrap();
    assert!(
        zh.contains("Linux 上的 Firefox") && zh.contains("本设备"),
        "{zh}"
    );
    let account = get(&app, &laptop, "/accounts/profile/").await;
    let account = account.text().await.unwrap();
    assert!(
        account.contains("href=\"/accounts/sessions/\""),
        "{account}"
    );
    app.stop().await;
}

async fn signing_out_another_session_refuses_it_at_its_next_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let (laptop, desktop) = (browser(FIREFOX_LINUX), browser(CHROME_WINDOWS));
    sign_in(&app, &laptop, "jane").await;
    sign_in(&app, &desktop, "jane").await;
    let target = own_id(&app, &desktop).await;
    let (_, csrf) = page(&app, &laptop).await;
    let path = format!("/accounts/sessions/{target}/end/");
    let without_csrf = post(&app, &laptop, &path, "forged").await;
    assert_eq!(without_csrf.status(), 403);
    assert!(
        signed_in(&app, &desktop).await,
        "a forged form ends nothing"
    );
    let resp = post(&app, &laptop, &path, &csrf).await;
    assert_eq!(location(&resp), "/accounts/sessions/?done=ended");
    let jane = app.stored_user("jane").await;
    let ended = crate::audit_log::event(&Caller::admin(&app).await, "session.ended", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    crate::audit_log::assert_event(&ended, &jane.id, Some(&jane.id), None);
    assert_eq!(ended["details"]["sessions"], "1");
    assert_eq!(
        location(&get(&app, &desktop, "/accounts/profile/").await),
        "/accounts/login/?next=/accounts/profile/"
    );
    let api = get(&app, &desktop, "/api/v1/me").await;
    assert_eq!(api.status(), 401);
    assert!(signed_in(&app, &laptop).await);
    let html = get(&app, &laptop, "/accounts/sessions/?done=ended").await;
    let html = html.text().await.unwrap();
    assert_eq!(listed_ids(&html).len(), 1);
    assert!(html.contains("The session has been signed out."), "{html}");
    let again = post(&app, &laptop, &path, &csrf).await;
    assert_eq!(
        again.status(),
        404,
        "an ended session cannot be ended again"
    );
    app.stop().await;
}

async fn sign_out_everywhere_else_keeps_only_this_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let browsers = [
        browser(FIREFOX_LINUX),
        browser(CHROME_WINDOWS),
        browser("curl/8.5.0"),
    ];
    for b in &browsers {
        sign_in(&app, b, "jane").await;
    }
    let (_, csrf) = page(&app, &browsers[0]).await;
    let resp = post(&app, &browsers[0], "/accounts/sessions/end-others/", &csrf).await;
    assert_eq!(location(&resp), "/accounts/sessions/?done=others");
    assert!(signed_in(&app, &browsers[0]).await);
    for b in &browsers[1..] {
        assert!(!signed_in(&app, b).await);
    }
    let (html, _) = page(&app, &browsers[0]).await;
    assert_eq!(listed_ids(&html).len(), 1);
    assert!(
        html.contains("You are signed in on this device only."),
        "{html}"
    );
    app.stop().await;
}

async fn another_persons_session_answers_404_and_stays(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.create_user("bob", "bob@example.com", PASSWORD).await;
    let (jane, bob) = (browser(FIREFOX_LINUX), browser(CHROME_WINDOWS));
    sign_in(&app, &jane, "jane").await;
    sign_in(&app, &bob, "bob").await;
    let bobs = own_id(&app, &bob).await;
    let (_, csrf) = page(&app, &jane).await;
    let resp = post(
        &app,
        &jane,
        &format!("/accounts/sessions/{bobs}/end/"),
        &csrf,
    )
    .await;
    assert_eq!(resp.status(), 404);
    let caller = Caller::login(&app, "jane", PASSWORD).await;
    let (status, body) = caller.delete(&format!("/api/v1/me/sessions/{bobs}")).await;
    assert_eq!(status, 404, "{body}");
    assert!(signed_in(&app, &bob).await, "bob's session stays");
    let (_, csrf) = page(&app, &jane).await;
    for odd in ["x", "%00", &"a".repeat(300)] {
        let resp = post(
            &app,
            &jane,
            &format!("/accounts/sessions/{odd}/end/"),
            &csrf,
        )
        .await;
        assert_eq!(resp.status(), 404, "{odd}");
    }
    assert!(signed_in(&app, &jane).await && signed_in(&app, &bob).await);
    app.stop().await;
}

/// The `items` of `GET /api/v1/me/sessions`.
async fn api_sessions(caller: &Caller) -> Vec<Value> {
    let (status, body) = caller.get("/api/v1/me/sessions").await;
    assert_eq!(status, 200, "{body}");
    body["items"].as_array().unwrap().clone()
}

async fn the_json_api_lists_and_ends_the_persons_own_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let first = Caller::login(&app, "jane", PASSWORD).await;
    app.advance(Duration::from_secs(1));
    let second = Caller::login(&app, "jane", PASSWORD).await;
    app.advance(Duration::from_secs(1));
    let third = Caller::login(&app, "jane", PASSWORD).await;
    let items = api_sessions(&first).await;
    assert_eq!(items.len(), 3);
    let current: Vec<_> = items.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(
        items[2]["current"], true,
        "the oldest is the caller's: {items:?}"
    );
    assert_eq!(items[0]["ip"], "127.0.0.1");
    assert!(items[0]["signed_in_at"].is_string() && items[0]["last_seen_at"].is_string());
    for s in &items {
        let id = s["id"].as_str().unwrap();
        assert_eq!(
            id.len(),
            32,
            "a public id, not the cookie or its digest: {id}"
        );
    }
    let newest = items[0]["id"].as_str().unwrap();
    let (status, _) = first.delete(&format!("/api/v1/me/sessions/{newest}")).await;
    assert_eq!(status, 204);
    assert_eq!(third.get("/api/v1/me").await.0, 401, "refused at once");
    let (status, body) = first
        .post("/api/v1/me/sessions/end-others", Value::Null)
        .await;
    assert_eq!(
        (status.as_u16(), body["ended"].as_u64()),
        (200, Some(1)),
        "{body}"
    );
    assert_eq!(second.get("/api/v1/me").await.0, 401);
    assert_eq!(api_sessions(&first).await.len(), 1);
    assert_eq!(
        first
            .post_without_csrf("/api/v1/me/sessions/end-others")
            .await,
        403
    );
    app.stop().await;
}

async fn a_third_party_bearer_token_may_not_see_or_end_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PASSWORD).await;
    let signed = browser(FIREFOX_LINUX);
    sign_in(&app, &signed, "jane").await;
    let id = own_id(&app, &signed).await;
    let c = password_app(&app, &jane.id).await;
    let all = "profile email groups authorizations apps";
    let token = access(&password_tokens(&app, &c, "jane", PASSWORD, all).await);
    let api = sdk(&app, &token);
    assert_eq!(sdk_status(api.list_my_sessions().await.unwrap_err()), 403);
    assert_eq!(sdk_status(api.end_my_session(&id).await.unwrap_err()), 403);
    assert_eq!(
        sdk_status(api.end_my_other_sessions().await.unwrap_err()),
        403
    );
    let anonymous = auth_center_sdk::Client::new(&app.address);
    assert_eq!(
        sdk_status(anonymous.list_my_sessions().await.unwrap_err()),
        401
    );
    assert!(signed_in(&app, &signed).await, "nothing ended");
    app.stop().await;
}

async fn a_password_change_ends_the_other_sessions_and_says_so(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let (laptop, desktop) = (browser(FIREFOX_LINUX), browser(CHROME_WINDOWS));
    sign_in(&app, &laptop, "jane").await;
    sign_in(&app, &desktop, "jane").await;
    let html = get(&app, &laptop, "/accounts/profile/")
        .await
        .text()
        .await
        .unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let new = "an entirely new passphrase";
    let form = [
        ("current_password", PASSWORD),
        ("password", new),
        ("password_confirm", new),
        ("csrf_token", &csrf),
    ];
    let resp = laptop
        .post(app.url("/accounts/profile/password/"))
        .form(&form);
    let resp = resp.send().await.unwrap();
    assert_eq!(location(&resp), "/accounts/profile/?done=password");
    let done = get(&app, &laptop, "/accounts/profile/?done=password").await;
    assert!(done
        .text()
        .await
        .unwrap()
        .contains("your other sessions have ended"));
    assert!(!signed_in(&app, &desktop).await);
    let (html, _) = page(&app, &laptop).await;
    assert_eq!(listed_ids(&html).len(), 1);
    app.stop().await;
}

on_both_stores!(
    the_sessions_page_lists_each_session_and_marks_this_device,
    signing_out_another_session_refuses_it_at_its_next_request,
    sign_out_everywhere_else_keeps_only_this_session,
    another_persons_session_answers_404_and_stays,
    the_json_api_lists_and_ends_the_persons_own_sessions,
    a_third_party_bearer_token_may_not_see_or_end_sessions,
    last_seen_is_written_at_most_every_five_minutes,
    a_session_in_use_outlives_a_short_idle_timeout,
    a_password_change_ends_the_other_sessions_and_says_so,
    turning_on_two_step_verification_ends_the_other_sessions,
    a_sign_in_from_a_new_device_is_mailed_but_not_the_first_nor_a_known_one,
    password_and_address_changes_are_mailed_in_the_persons_language,
    two_step_changes_and_a_used_recovery_code_are_mailed,
);
