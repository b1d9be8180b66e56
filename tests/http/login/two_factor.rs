//! Two-step verification through the pages, on both stores, with codes computed by the tests'
//! own RFC 6238 implementation (`helpers::totp`): enrolment on the account page (QR code and
//! key, confirmed by a first code, ten recovery codes shown once), the second login step
//! (no session before it passes, a code never accepted twice, recovery codes single use even
//! under a race, throttled), turning it off, and the password grant refusing such accounts.

use crate::helpers::authz::password_app;
use crate::helpers::oauth::post_form;
use crate::helpers::totp::{base32_decode, code_at_step};
use crate::helpers::{extract_hidden, unescape_attr, Backend, TestApp};

const PASSWORD: &str = "correct horse battery staple";

/// The current TOTP step of the app's clock.
fn step_now(app: &TestApp) -> i64 {
    app.services.now().timestamp().div_euclid(30)
}

async fn post(
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
async fn enrol(app: &TestApp) -> (Vec<u8>, Vec<String>) {
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
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

/// A new browser's password step: the second-step page, and its form's hidden fields.
async fn password_step(app: &TestApp, browser: &reqwest::Client) -> (String, String) {
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
        ("next", "/accounts/profile/"),
    ];
    let resp = post(browser, app, "/accounts/login/", &form).await;
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
        csrf,
    )
}

async fn second_step(
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

async fn signed_in(app: &TestApp, browser: &reqwest::Client) -> bool {
    let resp = browser
        .get(app.url("/accounts/profile/"))
        .send()
        .await
        .unwrap();
    resp.status() == 200
}

async fn a_person_turns_on_two_step_verification_and_signs_in_with_a_code_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (secret, _) = enrol(&app).await;
    let browser = app.new_browser();
    let (pending, csrf) = password_step(&app, &browser).await;
    assert!(!signed_in(&app, &browser).await);
    // The confirming code's step is used: replaying it is refused.
    let used = code_at_step(&secret, step_now(&app));
    assert_eq!(
        second_step(&app, &browser, &pending, &csrf, &used)
            .await
            .status(),
        401
    );
    let next = code_at_step(&secret, step_now(&app) + 1);
    let resp = second_step(&app, &browser, &pending, &csrf, &next).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(resp.headers()["location"], "/accounts/profile/");
    assert!(signed_in(&app, &browser).await);
    // The same code from another browser, within its window, is a replay.
    let other = app.new_browser();
    let (pending, csrf) = password_step(&app, &other).await;
    assert_eq!(
        second_step(&app, &other, &pending, &csrf, &next)
            .await
            .status(),
        401
    );
    assert!(!signed_in(&app, &other).await);
    app.stop().await;
}

async fn a_pending_login_is_bound_to_its_browser_and_short_lived(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (secret, _) = enrol(&app).await;
    let (browser, thief) = (app.new_browser(), app.new_browser());
    let (pending, _) = password_step(&app, &browser).await;
    let html = thief
        .get(app.url("/accounts/login/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let thief_csrf = extract_hidden(&html, "csrf_token").unwrap();
    let code = code_at_step(&secret, step_now(&app) + 1);
    let resp = second_step(&app, &thief, &pending, &thief_csrf, &code).await;
    assert_eq!(resp.status(), 303);
    assert!(resp.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/accounts/login/"));
    assert!(!signed_in(&app, &thief).await);
    let (pending, csrf) = password_step(&app, &browser).await;
    app.advance(std::time::Duration::from_secs(301));
    let code = code_at_step(&secret, step_now(&app));
    let resp = second_step(&app, &browser, &pending, &csrf, &code).await;
    assert_eq!(resp.status(), 303, "expired: back to the login page");
    assert!(!signed_in(&app, &browser).await);
    app.stop().await;
}

async fn a_recovery_code_signs_in_once_even_when_raced(backend: Backend) {
    // Room in the throttle for every racer, so each one's code is evaluated.
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.login_max_failures = 50;
    let app = TestApp::spawn_with(settings, dir).await;
    let (_, codes) = enrol(&app).await;
    let mut tries = Vec::new();
    for _ in 0..8 {
        let browser = app.new_browser();
        let (pending, csrf) = password_step(&app, &browser).await;
        tries.push((browser, pending, csrf));
    }
    let code = codes[3].to_uppercase();
    let results = futures_util::future::join_all(
        tries
            .iter()
            .map(|(b, p, c)| second_step(&app, b, p, c, &code)),
    )
    .await;
    let statuses: Vec<u16> = results.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 401).count(),
        7,
        "{statuses:?}"
    );
    let browser = app.new_browser();
    let (pending, csrf) = password_step(&app, &browser).await;
    assert_eq!(
        second_step(&app, &browser, &pending, &csrf, &codes[3])
            .await
            .status(),
        401
    );
    assert_eq!(
        second_step(&app, &browser, &pending, &csrf, &codes[4])
            .await
            .status(),
        303
    );
    let html = app
        .get("/accounts/profile/two-factor/")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Recovery codes left: 8."), "{html}");
    app.stop().await;
}

async fn wrong_second_step_codes_are_throttled_and_a_password_does_not_reset_the_count(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (secret, _) = enrol(&app).await;
    let browser = app.new_browser();
    for _ in 0..5 {
        let (pending, csrf) = password_step(&app, &browser).await;
        let resp = second_step(&app, &browser, &pending, &csrf, "000000").await;
        assert_eq!(resp.status(), 401);
    }
    let (pending, csrf) = password_step(&app, &browser).await;
    let right = code_at_step(&secret, step_now(&app) + 1);
    let resp = second_step(&app, &browser, &pending, &csrf, &right).await;
    assert_eq!(resp.status(), 429);
    assert!(resp.headers().contains_key("retry-after"));
    assert!(!signed_in(&app, &browser).await);
    app.stop().await;
}

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
        ("next", "/"),
    ];
    assert_eq!(
        post(&browser, &app, "/accounts/login/", &form)
            .await
            .status(),
        303
    );
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

on_both_stores!(
    a_person_turns_on_two_step_verification_and_signs_in_with_a_code_once,
    a_pending_login_is_bound_to_its_browser_and_short_lived,
    a_recovery_code_signs_in_once_even_when_raced,
    wrong_second_step_codes_are_throttled_and_a_password_does_not_reset_the_count,
    turning_it_off_needs_the_password_or_a_current_code,
    the_password_grant_refuses_an_account_with_two_step_verification,
);
