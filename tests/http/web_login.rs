//! Logging in and out through the pages, on both stores: CSRF, the session cookie and its
//! rotation, no open redirect, the JSON API seeing the session, the page languages, and the
//! throttle (atomic per account, per client IP only past the spraying limit, trusted proxies).

#[path = "login/journey.rs"]
mod journey;
#[path = "login/two_factor.rs"]
mod two_factor;

use crate::helpers::{extract_hidden, Backend, TestApp};
use journey::*;
use serde_json::Value;

const PASSWORD: &str = "correct horse battery staple";

fn set_cookie_named<'a>(resp: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
}

async fn the_login_page_has_the_documented_fields_and_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app.get("/accounts/login/").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    assert_eq!(resp.headers()["x-frame-options"], "DENY");
    let csp = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
    let html = resp.text().await.unwrap();
    for field in [
        "name=\"username\"",
        "name=\"password\"",
        "name=\"csrf_token\"",
    ] {
        assert!(html.contains(field), "missing {field}");
    }
    assert!(html.contains("<label for=\"username\">"));
    app.stop().await;
}

async fn a_login_without_a_valid_csrf_token_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.get("/accounts/login/").await; // obtains the CSRF cookie
    let resp = app
        .client
        .post(app.url("/accounts/login/"))
        .form(&[
            ("username", "jane"),
            ("password", PASSWORD),
            ("csrf_token", "forged"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    assert!(set_cookie_named(&resp, "ac_session").is_none());
    assert_eq!(app.get("/api/v1/me").await.status(), 401);
    app.stop().await;
}

async fn a_wrong_password_keeps_the_username_but_never_the_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let csrf = app.csrf_token("/accounts/login/").await;
    let resp = app
        .client
        .post(app.url("/accounts/login/"))
        .form(&[
            ("username", "jane"),
            ("password", "wrong password 123"),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let html = resp.text().await.unwrap();
    assert!(html.contains("Invalid username or password."));
    assert!(html.contains("value=\"jane\""));
    assert!(!html.contains("wrong password 123"));
    // An unknown account gets the very same answer.
    let resp = app
        .client
        .post(app.url("/accounts/login/"))
        .form(&[
            ("username", "nobody"),
            ("password", "wrong password 123"),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("Invalid username or password."));
    app.stop().await;
}

async fn logging_in_by_email_sets_a_safe_session_cookie_the_api_accepts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "Jane@Example.com", PASSWORD).await;
    let resp = app.login("jane@example.com", PASSWORD).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(resp.headers()["location"], "/");
    let cookie = set_cookie_named(&resp, "ac_session")
        .expect("session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    let me: Value = app.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["username"], "jane");
    assert_eq!(me["email"], "Jane@Example.com");
    app.stop().await;
}

async fn each_login_rotates_the_session_and_the_old_one_dies(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let first = app.login("jane", PASSWORD).await;
    let first = set_cookie_named(&first, "ac_session")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let second = app.login("jane", PASSWORD).await;
    let second = set_cookie_named(&second, "ac_session")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(first, second);
    let plain = reqwest::Client::new();
    let with = |c: &str| {
        plain
            .get(app.url("/api/v1/me"))
            .header("cookie", c.to_owned())
            .send()
    };
    assert_eq!(with(&first).await.unwrap().status(), 401);
    assert_eq!(with(&second).await.unwrap().status(), 200);
    app.stop().await;
}

async fn next_must_be_a_local_path(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    for (next, expected) in [
        ("//evil.example/x", "/accounts/profile/"),
        ("https://evil.example/", "/accounts/profile/"),
        ("/docs", "/docs"),
    ] {
        let csrf = app
            .csrf_token(&format!("/accounts/login/?next={}", urlencode(next)))
            .await;
        let resp = app
            .client
            .post(app.url("/accounts/login/"))
            .form(&[
                ("username", "jane"),
                ("password", PASSWORD),
                ("csrf_token", &csrf),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.headers()["location"], expected, "next={next}");
    }
    app.stop().await;
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

async fn logout_ends_the_session_for_pages_and_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    assert_eq!(app.get("/api/v1/me").await.status(), 200);
    let html = app.get("/accounts/logout/").await.text().await.unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let resp = app
        .client
        .post(app.url("/accounts/logout/"))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let resp = app.get("/api/v1/me").await;
    assert_eq!(resp.status(), 401);
    assert!(resp.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Bearer"));
    let body: Value = resp.json().await.unwrap();
    assert!(body["error"].is_string() && body["message"].is_string());
    app.stop().await;
}

async fn pages_speak_chinese_when_asked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let html = app
        .get("/accounts/login/?lang=zh-CN")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(html.contains("用户名或邮箱"));
    // The choice is remembered by cookie.
    let html = app.get("/accounts/login/").await.text().await.unwrap();
    assert!(html.contains("用户名或邮箱"));
    // Without a choice, Accept-Language decides.
    let fresh = reqwest::Client::new();
    let html = fresh
        .get(app.url("/accounts/login/"))
        .header("accept-language", "zh-CN,zh;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("密码"));
    let html = fresh
        .get(app.url("/accounts/login/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Username or email"));
    app.stop().await;
}

/// Posts the login form from `client` (which holds the CSRF cookie of `csrf`), optionally as
/// forwarded for `xff`.
async fn post_login(
    app: &TestApp,
    csrf: &str,
    (username, password): (&str, &str),
    xff: Option<&str>,
) -> reqwest::Response {
    let mut req = app.client.post(app.url("/accounts/login/")).form(&[
        ("username", username),
        ("password", password),
        ("csrf_token", csrf),
    ]);
    if let Some(x) = xff {
        req = req.header("x-forwarded-for", x);
    }
    req.send().await.unwrap()
}

async fn sixty_concurrent_wrong_guesses_for_one_account_evaluate_at_most_five(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    // A check that takes as long as a real one, so the guesses overlap.
    settings.security.argon2_memory_kib = 19456;
    settings.security.argon2_iterations = 2;
    // Every guess gets a place in the hashing queue, also among the places shared by names
    // that are failing (half of them): the throttle alone must refuse them.
    settings.security.hash_queue_length = 200;
    settings.security.hash_wait_timeout = std::time::Duration::from_secs(60);
    let app = TestApp::spawn_with(settings, dir).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let csrf = app.csrf_token("/accounts/login/").await;
    let guesses = (0..60).map(|i| {
        let (app, csrf) = (&app, csrf.clone());
        async move {
            let guess = format!("wrong guess {i}");
            post_login(app, &csrf, ("jane", &guess), None)
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let evaluated = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((evaluated, throttled), (5, 55), "{statuses:?}");
    app.stop().await;
}

async fn five_people_failing_from_one_address_do_not_lock_out_a_sixth(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let people = ["ann", "ben", "cat", "dan", "eve", "fay"];
    for p in people {
        app.create_user(p, &format!("{p}@example.com"), PASSWORD)
            .await;
    }
    let csrf = app.csrf_token("/accounts/login/").await;
    for p in &people[..5] {
        for _ in 0..5 {
            let resp = post_login(&app, &csrf, (p, "a typo in it"), None).await;
            assert_eq!(resp.status(), 401, "{p}");
        }
        let resp = post_login(&app, &csrf, (p, PASSWORD), None).await;
        assert_eq!(resp.status(), 429, "{p}'s own account is locked");
    }
    let resp = post_login(&app, &csrf, ("fay", PASSWORD), None).await;
    assert_eq!(
        resp.status(),
        303,
        "25 failures on other accounts are no reason"
    );
    app.stop().await;
}

async fn a_spraying_run_past_the_ip_limit_is_refused_with_the_time_to_retry(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let csrf = app.csrf_token("/accounts/login/").await;
    // One guess on each of 100 accounts: the default per-IP limit.
    for i in 0..100 {
        let resp = post_login(&app, &csrf, (&format!("user{i}"), "Winter2026!"), None).await;
        assert_eq!(resp.status(), 401, "guess {i}");
    }
    let resp = post_login(&app, &csrf, ("user100", "Winter2026!"), None).await;
    assert_eq!(resp.status(), 429);
    let resp = post_login(&app, &csrf, ("jane", PASSWORD), None).await;
    assert_eq!(resp.status(), 429, "past the limit the whole address waits");
    let retry: i64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((840..=900).contains(&retry), "{retry}");
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("Try again at ") && html.contains(" UTC (in 15 minutes)."),
        "{html}"
    );
    app.stop().await;
}

async fn forwarded_addresses_count_only_behind_a_trusted_proxy(backend: Backend) {
    for trusted in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = crate::helpers::test_settings(backend, dir.path());
        if trusted {
            settings.server.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()];
        }
        settings.accounts.login_max_failures = 2;
        settings.accounts.login_max_failures_per_ip = 3;
        let app = TestApp::spawn_with(settings, dir).await;
        app.create_user("jane", "jane@example.com", PASSWORD).await;
        let csrf = app.csrf_token("/accounts/login/").await;
        for i in 0..3 {
            let xff = format!("198.51.100.{i}, 203.0.113.7");
            let resp = post_login(&app, &csrf, (&format!("u{i}"), "guess"), Some(&xff)).await;
            assert_eq!(resp.status(), 401);
        }
        let from = |ip: &'static str| post_login(&app, &csrf, ("jane", PASSWORD), Some(ip));
        let same = from("203.0.113.7").await.status().as_u16();
        let other = from("203.0.113.8").await.status().as_u16();
        if trusted {
            assert_eq!(
                (same, other),
                (429, 303),
                "the client is the proxy's last hop"
            );
        } else {
            assert_eq!(
                (same, other),
                (429, 429),
                "an untrusted peer's header is ignored"
            );
        }
        app.stop().await;
    }
}

on_both_stores!(
    the_login_page_has_the_documented_fields_and_headers,
    a_login_without_a_valid_csrf_token_is_refused,
    a_wrong_password_keeps_the_username_but_never_the_password,
    logging_in_by_email_sets_a_safe_session_cookie_the_api_accepts,
    each_login_rotates_the_session_and_the_old_one_dies,
    next_must_be_a_local_path,
    logout_ends_the_session_for_pages_and_api,
    pages_speak_chinese_when_asked,
    the_language_switch_of_the_login_page_keeps_next_and_the_login_returns_there,
    the_language_switch_of_the_device_page_keeps_the_user_code,
    sixty_concurrent_wrong_guesses_for_one_account_evaluate_at_most_five,
    five_people_failing_from_one_address_do_not_lock_out_a_sixth,
    a_spraying_run_past_the_ip_limit_is_refused_with_the_time_to_retry,
    forwarded_addresses_count_only_behind_a_trusted_proxy,
);
