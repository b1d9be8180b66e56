//! The second step of a login, on both stores, with codes computed by the tests' own RFC 6238
//! implementation (`helpers::totp`): no session before it passes, a code never accepted
//! twice, the pending login bound to its browser and short-lived, recovery codes single use
//! even under a race, wrong codes throttled apart from passwords; id_tokens saying how the
//! session was signed in (`amr`, `acr`).

use crate::helpers::accounts::location;
use crate::helpers::authz::app_with;
use crate::helpers::oauth::{post_form, submit_consent, REDIRECT_URI};
use crate::helpers::totp::code_at_step;
use crate::helpers::two_factor::*;
use crate::helpers::{extract_hidden, Backend, TestApp};
use serde_json::json;

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

/// The claims of the id_token an `openid` code flow in `browser` yields for app `c`.
async fn id_token_claims(
    app: &TestApp,
    browser: &reqwest::Client,
    c: &auth_center::service::clients::CreatedClient,
) -> serde_json::Value {
    use base64::Engine;
    let client_id = c.client.client_id.as_str();
    let query = [
        ("response_type", "code"),
        ("client_id", client_id),
        ("redirect_uri", REDIRECT_URI),
        ("scope", "openid"),
        ("state", "s1"),
    ];
    let authorize = browser.get(app.url("/oauth2/authorize")).query(&query);
    let resp = authorize.send().await.unwrap();
    // Straight back with a code when nothing needs consent (`openid` alone), else via consent.
    let to = if resp.status() == 303 {
        location(&resp)
    } else {
        let html = resp.text().await.unwrap();
        location(&submit_consent(app, browser, &html, "allow").await)
    };
    let code = url::Url::parse(&to).unwrap_or_else(|e| panic!("{e}: {to}"));
    let code = code.query_pairs().find(|(k, _)| k == "code").unwrap().1;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", &code),
        ("redirect_uri", REDIRECT_URI),
    ];
    let basic = Some((client_id, c.secret.as_deref().unwrap()));
    let (status, _, body) = post_form(app, "/oauth2/token", basic, &form).await;
    assert_eq!(status, 200, "{body}");
    let payload = body["id_token"]
        .as_str()
        .unwrap()
        .split('.')
        .nth(1)
        .unwrap();
    let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap();
    serde_json::from_slice(&json).unwrap()
}

async fn id_tokens_say_whether_the_session_passed_a_second_step(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // `enrol` signed `app.client` in with the password alone, before turning it on.
    let (secret, _) = enrol(&app).await;
    let user = app.stored_user("jane").await;
    let c = app_with(&app, &user.id, &["authorization_code"], "openid profile").await;
    let claims = id_token_claims(&app, &app.client, &c).await;
    assert_eq!(claims["amr"], json!(["pwd"]), "{claims}");
    assert_eq!(claims["acr"], "urn:auth-center:acr:password");
    let browser = app.new_browser();
    let (pending, csrf) = password_step(&app, &browser).await;
    let code = code_at_step(&secret, step_now(&app) + 1);
    let passed = second_step(&app, &browser, &pending, &csrf, &code).await;
    assert_eq!(passed.status(), 303);
    let claims = id_token_claims(&app, &browser, &c).await;
    assert_eq!(claims["amr"], json!(["pwd", "otp", "mfa"]), "{claims}");
    assert_eq!(claims["acr"], "urn:auth-center:acr:mfa");
    app.stop().await;
}

on_both_stores!(
    a_person_turns_on_two_step_verification_and_signs_in_with_a_code_once,
    a_pending_login_is_bound_to_its_browser_and_short_lived,
    a_recovery_code_signs_in_once_even_when_raced,
    wrong_second_step_codes_are_throttled_and_a_password_does_not_reset_the_count,
    id_tokens_say_whether_the_session_passed_a_second_step,
);
