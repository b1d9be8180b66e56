//! Registration and email verification through the pages, on both stores: field-level errors,
//! duplicates, the password policy, CSRF, the emailed link (single use), the emails' language,
//! and the switch that requires a verified address to log in.

use crate::helpers::accounts::location;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::{
    escape_attr, extract_hidden, lang_link, link_param, unescape_attr, with_next, Backend, TestApp,
};

const PASSWORD: &str = "correct horse battery staple";

async fn registering_emails_a_verification_link_that_works_exactly_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app.register("jane", "jane@example.com", PASSWORD).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/accounts/register/done/");
    assert!(!app.stored_user("jane").await.email_verified);
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    let link = mail.link("/accounts/verify-email/");
    assert!(
        link.starts_with(&app.address),
        "absolute link from public_url: {link}"
    );
    let raw_token = link.split("token=").nth(1).unwrap();
    assert!(
        mail.html.contains(raw_token),
        "the HTML part has the link too"
    );
    let page = mail.link_path("/accounts/verify-email/");
    let html = app.get(&page).await.text().await.unwrap();
    let token = crate::helpers::extract_hidden(&html, "token").expect("the page asks to confirm");
    assert!(
        !app.stored_user("jane").await.email_verified,
        "GET alone verifies nothing"
    );
    let fields = [("token", token.as_str())];
    let resp = app.submit(&page, "/accounts/verify-email/", &fields).await;
    assert_eq!(location(&resp), "/accounts/verify-email/done/");
    assert!(app.stored_user("jane").await.email_verified);
    let again = app.submit(&page, "/accounts/verify-email/", &fields).await;
    assert_eq!(again.status(), 400);
    assert!(again
        .text()
        .await
        .unwrap()
        .contains("already been used or has expired"));
    app.stop().await;
}

/// `next` rides through the registration form, the emailed link, the verify page (whose
/// language switch keeps the token) and the page after it, which leads to the login with it.
async fn a_registration_keeps_next_and_the_verify_page_keeps_its_token_across_a_language_switch(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let next = "/device?user_code=WXYZ-1234";
    let enc: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
    let form = format!("/accounts/register/?next={enc}");
    let html = app.get(&form).await.text().await.unwrap();
    assert_eq!(unescape_attr(&extract_hidden(&html, "next").unwrap()), next);
    let fields = [
        ("username", "jane"),
        ("email", "jane@example.com"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
        ("next", next),
    ];
    let resp = app.submit(&form, "/accounts/register/", &fields).await;
    assert_eq!(
        location(&resp),
        format!("/accounts/register/done/?next={enc}")
    );
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    let page = mail.link_path("/accounts/verify-email/");
    assert_eq!(link_param(&page, "next").as_deref(), Some(next), "{page}");
    let html = app.get(&page).await.text().await.unwrap();
    let zh = lang_link(&html, "zh-CN");
    assert_eq!(link_param(&zh, "token"), link_param(&page, "token"), "{zh}");
    let zh_page = format!("/accounts/verify-email/{zh}");
    let html = app.get(&zh_page).await.text().await.unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"));
    let token = extract_hidden(&html, "token").expect("the token survived the switch");
    assert_eq!(unescape_attr(&extract_hidden(&html, "next").unwrap()), next);
    let fields = [("token", token.as_str()), ("next", next)];
    let resp = app
        .submit(&zh_page, "/accounts/verify-email/", &fields)
        .await;
    assert_eq!(
        location(&resp),
        format!("/accounts/verify-email/done/?next={enc}")
    );
    assert!(app.stored_user("jane").await.email_verified);
    let done = app.get(&location(&resp)).await.text().await.unwrap();
    let login = escape_attr(&with_next("/accounts/login/", next));
    assert!(done.contains(&format!("href=\"{login}\"")), "{done}");
    app.stop().await;
}

async fn registration_errors_sit_next_to_their_fields_and_keep_the_input_but_not_the_password(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let fields = [
        ("username", "j"),
        ("email", "not-an-email"),
        ("password", "secret-short"),
        ("password_confirm", "different"),
    ];
    let resp = app
        .submit("/accounts/register/", "/accounts/register/", &fields)
        .await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    for id in ["username-error", "email-error", "password_confirm-error"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "missing {id}");
    }
    assert!(html.contains("Use 3 to 32 characters."));
    assert!(html.contains("Enter a valid email address."));
    assert!(html.contains("The passwords do not match."));
    assert!(html.contains("value=\"not-an-email\""), "input kept");
    assert!(!html.contains("secret-short"), "password never echoed");
    app.stop().await;
}

async fn the_password_policy_refuses_short_personal_and_common_passwords(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (password, message) in [
        ("abc", "Use at least 10 characters."),
        ("janedoe-x1", "must differ from your username"),
        ("1234567890", "This password is too common."),
        ("Password123", "This password is too common."),
    ] {
        let resp = app
            .register("janedoe-x1", "jane@example.com", password)
            .await;
        assert_eq!(resp.status(), 422, "{password}");
        assert!(resp.text().await.unwrap().contains(message), "{password}");
    }
    app.stop().await;
}

async fn a_taken_username_or_email_is_reported_on_its_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let resp = app.register("JANE", "other@example.com", PASSWORD).await;
    assert_eq!(resp.status(), 409);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("This username is already taken."));
    let resp = app.register("other", "Jane@Example.com", PASSWORD).await;
    assert_eq!(resp.status(), 409);
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"email-error\"") && html.contains("already exists"));
    app.stop().await;
}

async fn registering_without_a_valid_csrf_token_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.get("/accounts/register/").await;
    let resp = app
        .client
        .post(app.url("/accounts/register/"))
        .form(&[
            ("username", "jane"),
            ("email", "jane@example.com"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
            ("csrf_token", "forged"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    let svc = app.services().await;
    assert!(svc
        .stores
        .users
        .find_user_by_username("jane")
        .await
        .is_err());
    app.stop().await;
}

async fn a_chinese_registration_gets_chinese_pages_and_emails(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app
        .get("/accounts/register/?lang=zh-CN")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("创建账号") && page.contains("<html lang=\"zh-CN\">"));
    let resp = app.register("liwei", "li@example.com", PASSWORD).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        app.stored_user("liwei").await.locale.as_deref(),
        Some("zh-CN")
    );
    let mail = wait_for_mail(&app.mail_dir(), "li@example.com", 1).await;
    assert!(mail.text.contains("liwei，您好"), "{}", mail.text);
    assert!(mail.html.contains("验证我的邮箱地址"));
    app.stop().await;
}

async fn when_verification_is_required_an_unverified_account_cannot_log_in(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.require_email_verification = true;
    // The link is asked for again at once: allow a second email in the minute.
    settings.mail.max_per_recipient_per_minute = 2;
    let app = TestApp::spawn_with(settings, dir).await;
    app.register("jane", "jane@example.com", PASSWORD).await;
    let resp = app.login("jane", PASSWORD).await;
    assert_eq!(resp.status(), 403);
    let html = resp.text().await.unwrap();
    let resend_link = escape_attr("/accounts/verify-email/resend/");
    assert!(html.contains("not verified") && html.contains(&resend_link));
    let fields = [("email", "jane@example.com")];
    let resend = "/accounts/verify-email/resend/";
    let resp = app.submit(resend, resend, &fields).await;
    assert_eq!(location(&resp), "/accounts/verify-email/resend/done/");
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 2).await;
    let page = mail.link_path("/accounts/verify-email/");
    let token =
        crate::helpers::extract_hidden(&app.get(&page).await.text().await.unwrap(), "token")
            .unwrap();
    app.submit(&page, "/accounts/verify-email/", &[("token", &token)])
        .await;
    let resp = app.login("jane", PASSWORD).await;
    assert_eq!(resp.status(), 303);
    app.stop().await;
}

/// An unverified person on their way to `next` asks for the link again from the login page: the
/// new link carries `next` too; the header's links of a page with `next` carry it as well.
async fn the_link_asked_for_again_from_the_login_page_keeps_next(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.require_email_verification = true;
    settings.mail.max_per_recipient_per_minute = 2;
    let app = TestApp::spawn_with(settings, dir).await;
    app.register("jane", "jane@example.com", PASSWORD).await;
    let next = "/device?user_code=WXYZ-1234";
    let login = with_next("/accounts/login/", next);
    let html = app.get(&login).await.text().await.unwrap();
    let register = escape_attr(&with_next("/accounts/register/", next));
    assert!(
        html.contains(&format!("class=\"nav\" href=\"{register}\"")),
        "{html}"
    );
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [
        ("username", "jane"),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
        ("next", next),
    ];
    let resp = app.client.post(app.url("/accounts/login/")).form(&form);
    let html = resp.send().await.unwrap().text().await.unwrap();
    let resend = with_next("/accounts/verify-email/resend/", next);
    assert!(
        html.contains(&format!("href=\"{}\"", escape_attr(&resend))),
        "{html}"
    );
    let page = app.get(&resend).await.text().await.unwrap();
    assert_eq!(unescape_attr(&extract_hidden(&page, "next").unwrap()), next);
    let fields = [("email", "jane@example.com"), ("next", next)];
    let resp = app
        .submit(&resend, "/accounts/verify-email/resend/", &fields)
        .await;
    assert_eq!(
        location(&resp),
        with_next("/accounts/verify-email/resend/done/", next)
    );
    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 2).await;
    let link = mail.link_path("/accounts/verify-email/");
    assert_eq!(link_param(&link, "next").as_deref(), Some(next), "{link}");
    app.stop().await;
}

async fn registrations_past_the_per_ip_mail_limit_answer_alike_without_an_email(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.mail.max_per_ip_per_hour = 2;
    let app = TestApp::spawn_with(settings, dir).await;
    for p in ["ann", "ben", "cat"] {
        let resp = app.register(p, &format!("{p}@example.com"), PASSWORD).await;
        assert_eq!(location(&resp), "/accounts/register/done/", "{p}");
    }
    wait_for_mail(&app.mail_dir(), "ann@example.com", 1).await;
    wait_for_mail(&app.mail_dir(), "ben@example.com", 1).await;
    let resend = "/accounts/verify-email/resend/";
    let resp = app
        .submit(resend, resend, &[("email", "cat@example.com")])
        .await;
    assert_eq!(location(&resp), "/accounts/verify-email/resend/done/");
    assert!(crate::helpers::mail::mails_to(&app.mail_dir(), "cat@example.com").is_empty());
    app.stop().await;
}

/// The per-IP registration limit is atomic: of concurrent registrations from one address,
/// exactly the limit's number create accounts, the others are refused with 429 and create
/// nothing; the page then says so on its form, in the page's language.
async fn registrations_past_the_per_ip_limit_are_refused_and_create_nothing(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::helpers::test_settings(backend, dir.path());
    settings.accounts.max_registrations_per_ip_per_hour = 3;
    let app = TestApp::spawn_with(settings, dir).await;
    let users_before = app.services.stores.users.count_users().await.unwrap();
    let attempts = (0..8).map(|i| {
        let body = serde_json::json!({
            "username": format!("racer{i}"),
            "email": format!("racer{i}@example.com"),
            "password": PASSWORD,
        });
        app.client
            .post(app.url("/api/v1/users/register"))
            .json(&body)
            .send()
    });
    let mut statuses = Vec::new();
    for resp in futures_util::future::join_all(attempts).await {
        let resp = resp.unwrap();
        let status = resp.status().as_u16();
        if status == 429 {
            let body: serde_json::Value = resp.json().await.unwrap();
            assert_eq!(body["error"], "too_many_requests", "{body}");
        }
        statuses.push(status);
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 201, 201, 429, 429, 429, 429, 429]);
    let users = app.services.stores.users.count_users().await.unwrap();
    assert_eq!(users, users_before + 3, "the refused ones created nothing");
    let page = "/accounts/register/?lang=zh-CN";
    let fields = [
        ("username", "late"),
        ("email", "late@example.com"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ];
    let resp = app.submit(page, "/accounts/register/", &fields).await;
    assert_eq!(resp.status(), 429);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("id=\"username-error\""),
        "on the form: {html}"
    );
    assert!(html.contains("您所在网络注册的账号过多"), "{html}");
    assert_eq!(
        app.services.stores.users.count_users().await.unwrap(),
        users
    );
    app.stop().await;
}

on_both_stores!(
    registrations_past_the_per_ip_limit_are_refused_and_create_nothing,
    registering_emails_a_verification_link_that_works_exactly_once,
    a_registration_keeps_next_and_the_verify_page_keeps_its_token_across_a_language_switch,
    registration_errors_sit_next_to_their_fields_and_keep_the_input_but_not_the_password,
    the_password_policy_refuses_short_personal_and_common_passwords,
    a_taken_username_or_email_is_reported_on_its_field,
    registering_without_a_valid_csrf_token_is_refused,
    a_chinese_registration_gets_chinese_pages_and_emails,
    when_verification_is_required_an_unverified_account_cannot_log_in,
    the_link_asked_for_again_from_the_login_page_keeps_next,
    registrations_past_the_per_ip_mail_limit_answer_alike_without_an_email,
);
