//! The audit log, on both stores: each kind of event caused through the real HTTP surface and
//! read back through the admin API (`kinds`), the API's filters and cursor paging, who may read
//! what (administrators everything, a person their own "Security activity" page), no secret in
//! any event, a full queue that drops and counts without failing requests, and retention
//! (`queue`).

#[path = "audit/kinds.rs"]
mod kinds;
#[path = "audit/more_kinds.rs"]
mod more_kinds;
#[path = "audit/oauth_kinds.rs"]
mod oauth_kinds;
#[path = "audit/queue.rs"]
mod queue;

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::Value;

use crate::helpers::caller::Caller;
use crate::helpers::{Backend, TestApp};

pub const PW: &str = "a long enough password";
pub const EVENTS: &str = "/api/v1/admin/audit-events";

/// The events `query` selects, read again until `done` holds for them (events are written by
/// a background task, a moment after the request that caused them answered) or 10 s passed.
pub async fn events_until(
    admin: &Caller,
    query: &str,
    done: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = admin
            .call(Method::GET, &format!("{EVENTS}?{query}"), None)
            .await;
        assert_eq!(status, 200, "{body}");
        let items = body["items"].as_array().cloned().unwrap_or_default();
        if done(&items) || Instant::now() > deadline {
            return items;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// The newest event of `kind` for which `matches` holds (waiting for it to be written).
pub async fn event(admin: &Caller, kind: &str, matches: impl Fn(&Value) -> bool) -> Value {
    let query = format!("type={kind}&limit=100");
    let found = events_until(admin, &query, |items| items.iter().any(&matches)).await;
    found
        .into_iter()
        .find(|e| matches(e))
        .unwrap_or_else(|| panic!("no {kind} event matched"))
}

/// Checks the who / whom / which app / where of an event.
pub fn assert_event(e: &Value, actor: &str, subject: Option<&str>, app: Option<&str>) {
    assert_eq!(e["actor"], actor, "{e}");
    assert_eq!(e["subject"].as_str(), subject, "{e}");
    assert_eq!(e["app"].as_str(), app, "{e}");
    assert_eq!(e["ip"], "127.0.0.1", "{e}");
}

/// Signs `username` in through the login page of `browser`; the response (303 on success).
pub async fn sign_in(
    app: &TestApp,
    browser: &reqwest::Client,
    username: &str,
    password: &str,
) -> reqwest::Response {
    app.login_in(browser, username, password).await
}

async fn pages_of_three_walk_every_event_newest_first_with_the_same_order_as_one_page(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    app.create_user("alice", "alice@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    for _ in 0..4 {
        let browser = app.new_browser();
        assert_eq!(
            sign_in(&app, &browser, "alice", "wrong password")
                .await
                .status(),
            401
        );
    }
    let all = events_until(&admin, "type=login.failed&limit=100", |i| i.len() >= 4).await;
    assert_eq!(all.len(), 4);
    let mut paged = Vec::new();
    let mut query = "type=login.&limit=3".to_owned();
    loop {
        let (status, body) = admin
            .call(Method::GET, &format!("{EVENTS}?{query}"), None)
            .await;
        assert_eq!(status, 200, "{body}");
        let items = body["items"].as_array().unwrap();
        assert!(items.len() <= 3);
        paged.extend(items.iter().cloned());
        match body["next"].as_str() {
            Some(next) => query = format!("type=login.&limit=3&next={next}"),
            None => break,
        }
    }
    let all_login = events_until(&admin, "type=login.&limit=100", |_| true).await;
    assert_eq!(paged, all_login, "pages are the one listing cut in threes");
    let times: Vec<&str> = all_login
        .iter()
        .map(|e| e["time"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    assert!(all_login.iter().any(|e| e["type"] == "login.succeeded"));
    app.stop().await;
}

async fn filters_select_by_person_app_type_and_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let alice = app.create_user("alice", "alice@example.com", PW).await;
    let bob = app.create_user("bob", "bob@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    assert_eq!(
        sign_in(&app, &app.new_browser(), "alice", PW)
            .await
            .status(),
        303
    );
    assert_eq!(
        sign_in(&app, &app.new_browser(), "bob", "nope")
            .await
            .status(),
        401
    );
    let mine = events_until(&admin, &format!("user={}", alice.id), |i| !i.is_empty()).await;
    assert!(!mine.is_empty());
    assert!(
        mine.iter().all(|e| e["subject"] == alice.id.as_str()),
        "{mine:?}"
    );
    let bobs = events_until(&admin, &format!("user={}&type=login.failed", bob.id), |i| {
        !i.is_empty()
    })
    .await;
    assert_eq!(bobs.len(), 1, "{bobs:?}");
    assert_eq!(bobs[0]["reason"], "bad_password");
    let exact = events_until(&admin, "type=login.succeeded", |_| true).await;
    assert!(exact.iter().all(|e| e["type"] == "login.succeeded"));
    let (_, none) = admin
        .call(Method::GET, &format!("{EVENTS}?app=no-such-app"), None)
        .await;
    assert_eq!(none["items"].as_array().unwrap().len(), 0);
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let earlier = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let enc = |t: &str| url::form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>();
    let (_, future) = admin
        .call(
            Method::GET,
            &format!("{EVENTS}?since={}", enc(&later)),
            None,
        )
        .await;
    assert_eq!(future["items"].as_array().unwrap().len(), 0);
    let (_, past) = admin
        .call(
            Method::GET,
            &format!("{EVENTS}?until={}", enc(&earlier)),
            None,
        )
        .await;
    assert_eq!(past["items"].as_array().unwrap().len(), 0);
    let window = format!("{EVENTS}?since={}&until={}", enc(&earlier), enc(&later));
    let (_, now) = admin.call(Method::GET, &window, None).await;
    assert!(!now["items"].as_array().unwrap().is_empty());
    for bad in ["type=login.$gt", "next=nonsense", "limit=101", "limit=0"] {
        let (status, body) = admin
            .call(Method::GET, &format!("{EVENTS}?{bad}"), None)
            .await;
        assert!(status == 400 || status == 422, "{bad}: {status} {body}");
    }
    app.stop().await;
}

async fn only_administrators_read_the_log_and_a_person_sees_only_their_own_activity(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    app.create_user("alice", "alice@example.com", PW).await;
    app.create_user("bob", "bob@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    assert_eq!(
        sign_in(&app, &app.new_browser(), "bob", "wrong for bob")
            .await
            .status(),
        401
    );
    let alice = Caller::login(&app, "alice", PW).await;
    let (status, body) = alice.call(Method::GET, EVENTS, None).await;
    assert_eq!(status, 403, "{body}");
    let unauthenticated = app.new_browser().get(app.url(EVENTS)).send().await.unwrap();
    assert_eq!(unauthenticated.status(), 401);
    assert_eq!(app.login("alice", PW).await.status(), 303);
    assert_eq!(app.get("/admin/audit/").await.status(), 403);
    let bob_failed = event(&admin, "login.failed", |e| e["reason"] == "bad_password").await;
    let page = app.get("/accounts/activity/").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("data-type=\"login.succeeded\""), "{html}");
    assert!(
        !html.contains("data-type=\"login.failed\""),
        "bob's failure is not hers"
    );
    assert!(!html.contains(bob_failed["id"].as_str().unwrap()));
    assert!(html.contains("127.0.0.1"));
    let zh = app
        .get("/accounts/activity/?lang=zh-CN")
        .await
        .text()
        .await
        .unwrap();
    assert!(zh.contains("安全动态"), "{zh}");
    let anonymous = app
        .new_browser()
        .get(app.url("/accounts/activity/"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 303);
    let admin_browser = app.new_browser();
    let pw = app.admin_password.clone().unwrap();
    assert_eq!(
        sign_in(&app, &admin_browser, "admin", &pw).await.status(),
        303
    );
    let viewer = admin_browser
        .get(app.url("/admin/audit/?type=login.failed"))
        .send()
        .await
        .unwrap();
    assert_eq!(viewer.status(), 200);
    let html = viewer.text().await.unwrap();
    assert!(html.contains(bob_failed["id"].as_str().unwrap()), "{html}");
    assert!(!html.contains("data-type=\"login.succeeded\""));
    let bad = admin_browser
        .get(app.url("/admin/audit/?since=yesterday"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    app.stop().await;
}

/// An administrator's token reads the log and removes a person's second factor only with the
/// `admin` scope: without it, 403 `insufficient_scope` and nothing changes.
async fn an_admins_token_without_the_admin_scope_reads_no_events_and_resets_nothing(b: Backend) {
    use crate::helpers::authz::{access, password_app, password_tokens};

    let app = TestApp::spawn(b).await;
    app.create_user("jane", "jane@example.com", PW).await;
    let jane = app.stored_user("jane").await;
    let admin = app.stored_user("admin").await;
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    let client = password_app(&app, &admin.id).await;
    let http = reqwest::Client::new();
    let reset = app.url(&format!("/api/v1/admin/users/{}/second-factor", jane.id));
    // Jane has no second factor: the administrator's answer is 404, the scope-less one 403.
    for (scope, read, removed) in [("profile", 403, 403), ("admin", 200, 404)] {
        let token = access(&password_tokens(&app, &client, "admin", &pw, scope).await);
        let resp = http
            .get(app.url(EVENTS))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), read, "read with {scope}");
        if read == 403 {
            let body: Value = resp.json().await.unwrap();
            assert_eq!(body["error"], "insufficient_scope", "{body}");
        }
        let resp = http
            .delete(reset.clone())
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), removed, "reset with {scope}");
    }
    app.stop().await;
}

on_both_stores!(
    an_admins_token_without_the_admin_scope_reads_no_events_and_resets_nothing,
    pages_of_three_walk_every_event_newest_first_with_the_same_order_as_one_page,
    filters_select_by_person_app_type_and_time,
    only_administrators_read_the_log_and_a_person_sees_only_their_own_activity,
);
