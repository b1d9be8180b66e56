//! Driving two-step verification through the pages: turning it on for `jane` (the key read
//! from the page, codes from `totp`), the password step of a login that then asks for a code,
//! and the second step.

use super::totp::{base32_decode, code_at_step};
use super::{extract_hidden, unescape_attr, TestApp};

/// The password of the account `enrol` creates.
pub const PASSWORD: &str = "correct horse battery staple";

/// The current TOTP step of the app's clock.
pub fn step_now(app: &TestApp) -> i64 {
    app.services.now().timestamp().div_euclid(30)
}

pub async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .expect("request")
}

/// Logs `jane` in on `app.client`, turns two-step verification on through the account page,
/// and returns the key and the recovery codes the pages showed.
pub async fn enrol(app: &TestApp) -> (Vec<u8>, Vec<String>) {
    enrol_at(app, "jane@example.com").await
}

/// [`enrol`] for a `jane` whose address is `email`.
pub async fn enrol_at(app: &TestApp, email: &str) -> (Vec<u8>, Vec<String>) {
    app.create_user("jane", email, PASSWORD).await;
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    enrol_signed_in(app).await
}

/// Turns two-step verification on for the person signed in on `app.client`.
pub async fn enrol_signed_in(app: &TestApp) -> (Vec<u8>, Vec<String>) {
    let csrf = app.csrf_token("/accounts/profile/two-factor/").await;
    let begun = post(
        &app.client,
        app,
        "/accounts/profile/two-factor/",
        &[("csrf_token", &csrf)],
    )
    .await;
    assert_eq!(begun.status(), 303);
    let html = app
        .get("/accounts/profile/two-factor/")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<svg role=\"img\" aria-labelledby=\"qr-label\""),
        "{html}"
    );
    let start = html
        .find("<code id=\"totp-secret\">")
        .expect("the key is shown")
        + 23;
    let key = &html[start..start + html[start..].find('<').unwrap()];
    let secret = base32_decode(key);
    assert_eq!(secret.len(), 20, "160-bit key");
    let wrong = code_at_step(&secret, step_now(app) + 5);
    let form = [("code", wrong.as_str()), ("csrf_token", &csrf)];
    let refused = post(
        &app.client,
        app,
        "/accounts/profile/two-factor/confirm/",
        &form,
    )
    .await;
    assert_eq!(
        refused.status(),
        422,
        "a code of another time does not confirm"
    );
    let code = code_at_step(&secret, step_now(app));
    let form = [("code", code.as_str()), ("csrf_token", &csrf)];
    let shown = post(
        &app.client,
        app,
        "/accounts/profile/two-factor/confirm/",
        &form,
    )
    .await;
    assert_eq!(shown.status(), 200);
    let html = shown.text().await.unwrap();
    let codes: Vec<String> = html
        .split("<li><code>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_owned())
        .collect();
    assert_eq!(codes.len(), 10, "{html}");
    (secret, codes)
}

/// Jane's password typed on the login page of `browser`, leading to `next`.
pub async fn submit_password(
    app: &TestApp,
    browser: &reqwest::Client,
    next: &str,
) -> reqwest::Response {
    let html = browser
        .get(app.url("/accounts/login/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [
        ("username", "jane"),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
        ("next", next),
    ];
    post(browser, app, "/accounts/login/", &form).await
}

/// A new browser's password step: the second-step page, and its form's hidden fields.
pub async fn password_step(app: &TestApp, browser: &reqwest::Client) -> (String, String) {
    let resp = submit_password(app, browser, "/accounts/profile/").await;
    assert_eq!(resp.status(), 200, "the password alone starts no session");
    let cookies: Vec<_> = resp.headers().get_all("set-cookie").iter().collect();
    assert!(
        !cookies
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("ac_session=")),
        "{cookies:?}"
    );
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("action=\"/accounts/login/two-factor/\""),
        "{html}"
    );
    (
        unescape_attr(&extract_hidden(&html, "pending").unwrap()),
        extract_hidden(&html, "csrf_token").unwrap(),
    )
}

pub async fn second_step(
    app: &TestApp,
    browser: &reqwest::Client,
    pending: &str,
    csrf: &str,
    code: &str,
) -> reqwest::Response {
    let form = [
        ("pending", pending),
        ("code", code),
        ("csrf_token", csrf),
        ("next", "/accounts/profile/"),
    ];
    post(browser, app, "/accounts/login/two-factor/", &form).await
}

pub async fn signed_in(app: &TestApp, browser: &reqwest::Client) -> bool {
    let resp = browser
        .get(app.url("/accounts/profile/"))
        .send()
        .await
        .unwrap();
    resp.status() == 200
}
