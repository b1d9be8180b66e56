//! The edge on an https public URL, on both stores: `__Host-` cookies that are `Secure`, HSTS on
//! every answer, a tossed unprefixed session cookie ignored; on http nothing changes. And
//! Swagger UI (whose built-in client skips consent) refuses to be framed.

use reqwest::header::{COOKIE, SET_COOKIE};

use crate::helpers::{extract_hidden, test_settings, Backend, TestApp};

fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn set_cookies(resp: &reqwest::Response) -> Vec<String> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

/// The value of the cookie `name` among `Set-Cookie` headers.
fn cookie_value(set: &[String], name: &str) -> Option<String> {
    set.iter().find_map(|c| {
        let (pair, _) = c.split_once(';').unwrap_or((c, ""));
        let (n, v) = pair.split_once('=')?;
        (n == name).then(|| v.to_owned())
    })
}

async fn on_https_cookies_are_host_prefixed_and_secure_and_hsts_is_sent(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.server.public_url = Some("https://id.example.test".parse().unwrap());
    let app = TestApp::spawn_with(settings, dir).await;
    app.create_user("jane", "jane@example.com", "a long enough password")
        .await;
    let http = plain_client();
    let page = http.get(app.url("/accounts/login/")).send().await.unwrap();
    assert_eq!(
        page.headers()["strict-transport-security"],
        "max-age=63072000"
    );
    let set = set_cookies(&page);
    assert!(!set.is_empty());
    for c in &set {
        assert!(c.starts_with("__Host-ac_"), "{c}");
        assert!(c.contains("Secure") && c.contains("Path=/"), "{c}");
    }
    let csrf_cookie = cookie_value(&set, "__Host-ac_csrf").expect("a CSRF cookie");
    let csrf = extract_hidden(&page.text().await.unwrap(), "csrf_token").unwrap();
    let login = http
        .post(app.url("/accounts/login/"))
        .header(COOKIE, format!("__Host-ac_csrf={csrf_cookie}"))
        .form(&[
            ("username", "jane"),
            ("password", "a long enough password"),
            ("csrf_token", &csrf),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    let session = cookie_value(&set_cookies(&login), "__Host-ac_session").expect("a session");
    let me = |cookie: String| {
        let req = http.get(app.url("/api/v1/me")).header(COOKIE, cookie);
        async move { req.send().await.unwrap() }
    };
    let resp = me(format!("__Host-ac_session={session}")).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers().contains_key("strict-transport-security"));
    // A cookie planted without the prefix (from a sibling host) is not a session.
    assert_eq!(me(format!("ac_session={session}")).await.status(), 401);
    // Errors carry HSTS too.
    let missing = http.get(app.url("/no/such/path")).send().await.unwrap();
    assert!(missing.headers().contains_key("strict-transport-security"));
    app.stop().await;
}

async fn on_http_cookie_names_stay_plain_and_no_hsts_is_sent(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = plain_client()
        .get(app.url("/accounts/login/"))
        .send()
        .await
        .unwrap();
    assert!(!page.headers().contains_key("strict-transport-security"));
    let set = set_cookies(&page);
    assert!(cookie_value(&set, "ac_csrf").is_some(), "{set:?}");
    app.stop().await;
}

async fn swagger_ui_refuses_to_be_framed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in ["/docs", "/docs/oauth-receiver.html"] {
        let resp = app.get(path).await;
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(resp.headers()["x-frame-options"], "DENY", "{path}");
        assert_eq!(
            resp.headers()["content-security-policy"],
            "frame-ancestors 'none'",
            "{path}"
        );
    }
    app.stop().await;
}

on_both_stores!(
    on_https_cookies_are_host_prefixed_and_secure_and_hsts_is_sent,
    on_http_cookie_names_stay_plain_and_no_hsts_is_sent,
    swagger_ui_refuses_to_be_framed,
);
