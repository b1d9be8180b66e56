//! "Forgot password" through the pages, on both stores: the same answer for known and unknown
//! addresses, the emailed link, the policy on the new password, single use, expiry, every
//! session of the account ending, every other emailed link of the account dying with it
//! (security finding 3), and the mail limits (per address and per client IP).

use std::time::Instant;

use crate::helpers::accounts::location;
use crate::helpers::mail::{mails_to, wait_for_mail};
use crate::helpers::{
    escape_attr, extract_hidden, lang_link, link_param, unescape_attr, with_next, Backend, TestApp,
};
use auth_center::domain::{EmailToken, EmailTokenPurpose};

const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "a brand new passphrase";
const FORGOT: &str = "/accounts/password_reset/";

async fn a_reset_link_sets_a_new_password_and_ends_every_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    assert_eq!(app.get("/api/v1/me").await.status(), 200);

    let resp = app
        .submit(FORGOT, FORGOT, &[("email", "JANE@example.com")])
        .await;
    assert_eq!(location(&resp), "/accounts/password_reset/done/");
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    let page = mail.link_path("/accounts/reset/");
    let html = app.get(&page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").expect("the form carries the token");

    let weak = [
        ("token", token.as_str()),
        ("password", "jane"),
        ("password_confirm", "jane"),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &weak).await;
    assert_eq!(resp.status(), 422);
    assert!(resp.text().await.unwrap().contains("id=\"password-error\""));

    let good = [
        ("token", token.as_str()),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &good).await;
    assert_eq!(
        location(&resp),
        "/accounts/reset/done/",
        "the token survived the weak try"
    );
    assert_eq!(
        app.get("/api/v1/me").await.status(),
        401,
        "the old session ended"
    );
    assert_eq!(app.login("jane", PASSWORD).await.status(), 401);
    assert_eq!(app.login("jane", NEW_PASSWORD).await.status(), 303);

    let again = app.submit(&page, "/accounts/reset/", &good).await;
    assert_eq!(again.status(), 422, "a reset link works once");
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("already been used or has expired"));
    app.stop().await;
}

/// From the login page of a flow (`next`) to a new password, switching language on the way:
/// the token and `next` survive every step, and the last page leads to the login with `next`.
async fn a_reset_keeps_its_token_and_next_across_a_language_switch(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let next = "/device?user_code=WXYZ-1234";
    let enc: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    let ask = format!("{FORGOT}?next={enc}");
    let html = app.get(&ask).await.text().await.unwrap();
    let hidden = extract_hidden(&html, "next").expect("the form carries next");
    assert_eq!(unescape_attr(&hidden), next);
    let fields = [("email", "jane@example.com"), ("next", next)];
    let resp = app.submit(&ask, FORGOT, &fields).await;
    assert_eq!(location(&resp), format!("{FORGOT}done/?next={enc}"));
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    let page = mail.link_path("/accounts/reset/");
    assert_eq!(link_param(&page, "next").as_deref(), Some(next), "{page}");
    let html = app.get(&page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").unwrap();
    let zh = lang_link(&html, "zh-CN");
    assert_eq!(link_param(&zh, "token"), link_param(&page, "token"));
    assert_eq!(link_param(&zh, "next").as_deref(), Some(next));
    let zh_page = format!("/accounts/reset/{zh}");
    let html = app.get(&zh_page).await.text().await.unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert_eq!(
        extract_hidden(&html, "token").as_deref(),
        Some(token.as_str())
    );
    assert_eq!(unescape_attr(&extract_hidden(&html, "next").unwrap()), next);
    // A refused password keeps them in the language links of the re-rendered form.
    let weak = [
        ("token", token.as_str()),
        ("password", "jane"),
        ("next", next),
    ];
    let resp = app.submit(&zh_page, "/accounts/reset/", &weak).await;
    assert_eq!(resp.status(), 422);
    let en = lang_link(&resp.text().await.unwrap(), "en");
    assert_eq!(link_param(&en, "token").as_deref(), Some(token.as_str()));
    assert_eq!(link_param(&en, "next").as_deref(), Some(next));
    let good = [
        ("token", token.as_str()),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
        ("next", next),
    ];
    let resp = app.submit(&zh_page, "/accounts/reset/", &good).await;
    assert_eq!(location(&resp), format!("/accounts/reset/done/?next={enc}"));
    let done = app.get(&location(&resp)).await.text().await.unwrap();
    let login = escape_attr(&with_next("/accounts/login/", next));
    assert!(done.contains(&format!("href=\"{login}\"")), "{done}");
    app.stop().await;
}

async fn asking_for_a_reset_answers_alike_for_known_and_unknown_addresses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let mut answers = Vec::new();
    for email in ["jane@example.com", "nobody@example.com"] {
        let csrf = app.csrf_token(FORGOT).await;
        let started = Instant::now();
        let resp = app
            .client
            .post(app.url(FORGOT))
            .form(&[("email", email), ("csrf_token", &csrf)])
            .send()
            .await
            .unwrap();
        let took = started.elapsed();
        let status = resp.status();
        let loc = location(&resp);
        let done = app.get(&loc).await.text().await.unwrap();
        answers.push((status, loc, done, took));
    }
    let (known, unknown) = (&answers[0], &answers[1]);
    assert_eq!(
        (known.0, &known.1, &known.2),
        (unknown.0, &unknown.1, &unknown.2)
    );
    assert!(
        known.3.as_millis() < 500 && unknown.3.as_millis() < 500,
        "{answers:?}"
    );
    wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    assert!(mails_to(&app.mail_dir(), "nobody@example.com").is_empty());
    app.stop().await;
}

async fn an_expired_reset_link_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = app.create_user("jane", "jane@example.com", PASSWORD).await;
    let svc = app.services().await;
    let now = svc.now();
    let raw = "an-expired-reset-token-with-enough-characters";
    let token = EmailToken {
        digest: auth_center::crypto::digest(raw),
        user_id: user.id,
        purpose: EmailTokenPurpose::ResetPassword,
        email: "jane@example.com".into(),
        created_at: now - chrono::Duration::minutes(31),
        expires_at: now - chrono::Duration::minutes(1),
    };
    svc.stores
        .email_tokens
        .insert_email_token(&token)
        .await
        .unwrap();
    let page = format!("/accounts/reset/?token={raw}");
    let fields = [
        ("token", raw),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &fields).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        app.login("jane", PASSWORD).await.status(),
        303,
        "password unchanged"
    );
    app.stop().await;
}

async fn a_reset_request_without_a_csrf_token_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.get(FORGOT).await;
    let resp = app
        .client
        .post(app.url(FORGOT))
        .form(&[("email", "jane@example.com"), ("csrf_token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    assert!(mails_to(&app.mail_dir(), "jane@example.com").is_empty());
    app.stop().await;
}

/// Security finding 3: someone who briefly held the session asked to move the account to their
/// own address and waits for the owner's reset to redeem the link: the reset must kill it.
async fn finding_3_a_password_reset_deletes_a_pending_email_change_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let profile = "/accounts/profile/";
    let fields = [("new_email", "mallory@evil.example")];
    let resp = app
        .submit(profile, "/accounts/profile/email/", &fields)
        .await;
    assert_eq!(location(&resp), "/accounts/profile/?done=email");
    let change = wait_for_mail(&app.mail_dir(), "mallory@evil.example", 1).await;
    let change_page = change.link_path("/accounts/verify-email/");
    let html = app.get(&change_page).await.text().await.unwrap();
    let change_token = extract_hidden(&html, "token").unwrap();

    let resp = app
        .submit(FORGOT, FORGOT, &[("email", "jane@example.com")])
        .await;
    assert_eq!(location(&resp), "/accounts/password_reset/done/");
    let reset = mails_for_link(&app, "jane@example.com", "/accounts/reset/").await;
    let page = reset.link_path("/accounts/reset/");
    let html = app.get(&page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").unwrap();
    let good = [
        ("token", token.as_str()),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
    ];
    let resp = app.submit(&page, "/accounts/reset/", &good).await;
    assert_eq!(location(&resp), "/accounts/reset/done/");

    let fields = [("token", change_token.as_str())];
    let resp = app
        .submit(&change_page, "/accounts/verify-email/", &fields)
        .await;
    assert_eq!(resp.status(), 400, "the change-of-email link died");
    let user = app.stored_user("jane").await;
    assert_eq!(user.email.as_str(), "jane@example.com");
    app.stop().await;
}

/// The first message to `to` that carries a link to `path` (waits for it).
async fn mails_for_link(app: &TestApp, to: &str, path: &str) -> crate::helpers::mail::Mail {
    for _ in 0..300 {
        let found = mails_to(&app.mail_dir(), to)
            .into_iter()
            .find(|m| m.text.contains(path));
        if let Some(m) = found {
            return m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no message to {to} with a {path} link");
}

/// Asks for a reset link for `email` through the page; the answer as the person sees it.
async fn ask_reset(app: &TestApp, email: &str) -> (u16, String, String) {
    let resp = app.submit(FORGOT, FORGOT, &[("email", email)]).await;
    let (status, loc) = (resp.status().as_u16(), location(&resp));
    (status, loc, resp.text().await.unwrap())
}

async fn ten_reset_requests_for_one_address_in_a_minute_send_one_mail_and_answer_alike(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.create_user("bob", "bob@example.com", PASSWORD).await;
    // Ten at once per address: the per-recipient limit is one atomic count, so a race of
    // requests still sends one mail. The browser's CSRF cookie is set first, as a person's is.
    app.csrf_token(FORGOT).await;
    let mut answers = Vec::new();
    for email in ["jane@example.com", "nobody@example.com"] {
        let asks = (0..10).map(|_| ask_reset(&app, email));
        answers.extend(futures_util::future::join_all(asks).await);
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    assert_eq!(answers[0].1, "/accounts/password_reset/done/");
    // Every email asked for before bob's was sent (or not) before bob's arrives.
    ask_reset(&app, "bob@example.com").await;
    wait_for_mail(&app.mail_dir(), "bob@example.com", 1).await;
    wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    assert_eq!(mails_to(&app.mail_dir(), "jane@example.com").len(), 1);
    app.stop().await;
}

async fn one_address_asking_for_many_accounts_is_limited_per_hour(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.mail.max_per_ip_per_hour = 3;
    let app = TestApp::spawn_with(settings, dir).await;
    let people = ["ann", "ben", "cat", "dan"];
    for p in people {
        app.create_user(p, &format!("{p}@example.com"), PASSWORD)
            .await;
    }
    let mut answers = Vec::new();
    for p in people {
        answers.push(ask_reset(&app, &format!("{p}@example.com")).await);
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    for p in &people[..3] {
        wait_for_mail(&app.mail_dir(), &format!("{p}@example.com"), 1).await;
    }
    assert!(mails_to(&app.mail_dir(), "dan@example.com").is_empty());
    app.stop().await;
}

on_both_stores!(
    finding_3_a_password_reset_deletes_a_pending_email_change_link,
    a_reset_link_sets_a_new_password_and_ends_every_session,
    a_reset_keeps_its_token_and_next_across_a_language_switch,
    asking_for_a_reset_answers_alike_for_known_and_unknown_addresses,
    an_expired_reset_link_is_refused,
    a_reset_request_without_a_csrf_token_is_refused,
    ten_reset_requests_for_one_address_in_a_minute_send_one_mail_and_answer_alike,
    one_address_asking_for_many_accounts_is_limited_per_hour,
);
