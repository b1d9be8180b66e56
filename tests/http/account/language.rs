//! The person's language remembered on the account: chosen on the account page, by switching
//! language while logged in, or on the login page; used for the pages (on any browser, from
//! the login on) and for every email; read and written through `/api/v1/me`.

use serde_json::{json, Value};

use crate::helpers::accounts::location;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::{extract_hidden, Backend, TestApp};

const PASSWORD: &str = "correct horse battery staple";
const PROFILE: &str = "/accounts/profile/";
const LANGUAGE: &str = "/accounts/profile/language/";

fn page_lang(html: &str) -> &str {
    let start = html.find("<html lang=\"").expect("html lang") + 12;
    let end = start + html[start..].find('"').expect("closing quote");
    &html[start..end]
}

pub async fn the_language_chosen_on_the_account_page_is_used_by_pages_and_the_next_email(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let resp = app.submit(PROFILE, LANGUAGE, &[("locale", "zh-CN")]).await;
    assert_eq!(location(&resp), "/accounts/profile/?done=language");
    assert_eq!(
        app.stored_user("jane").await.locale.as_deref(),
        Some("zh-CN")
    );
    let html = app
        .get("/accounts/profile/?done=language")
        .await
        .text()
        .await;
    let html = html.unwrap();
    assert_eq!(page_lang(&html), "zh-CN");
    assert!(
        html.contains("您的语言已保存"),
        "the notice is in the new language"
    );

    let fields = [("new_email", "jane@new.example")];
    let resp = app
        .submit(PROFILE, "/accounts/profile/email/", &fields)
        .await;
    assert_eq!(location(&resp), "/accounts/profile/?done=email");
    let mail = wait_for_mail(&app.mail_dir(), "jane@new.example", 1).await;
    assert!(mail.text.contains("jane，您好"), "{}", mail.text);
    let notice = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    assert!(notice.text.contains("jane，您好"), "{}", notice.text);
    app.stop().await;
}

pub async fn a_login_on_another_browser_shows_the_pages_in_the_accounts_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    app.submit(PROFILE, LANGUAGE, &[("locale", "zh-CN")]).await;

    let other = app.new_browser();
    let english = |path: &str| {
        other
            .get(app.url(path))
            .header("accept-language", "en-GB,en;q=0.9")
    };
    let html = english("/accounts/login/")
        .send()
        .await
        .unwrap()
        .text()
        .await;
    let html = html.unwrap();
    assert_eq!(page_lang(&html), "en", "logged out, the browser's language");
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [
        ("username", "jane"),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
    ];
    let resp = other.post(app.url("/accounts/login/")).form(&form).send();
    assert_eq!(resp.await.unwrap().status(), 303);
    let html = english(PROFILE).send().await.unwrap().text().await.unwrap();
    assert_eq!(
        page_lang(&html),
        "zh-CN",
        "logged in, the account's language"
    );
    app.stop().await;
}

pub async fn switching_language_while_logged_in_is_remembered_on_the_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    assert_eq!(app.stored_user("jane").await.locale, None);
    app.get("/?lang=zh-CN").await;
    assert_eq!(
        app.stored_user("jane").await.locale,
        None,
        "a logged-out switch stays in the browser"
    );
    app.login("jane", PASSWORD).await;
    let html = app
        .get("/oauth/authorized_tokens/?lang=en")
        .await
        .text()
        .await;
    assert_eq!(page_lang(&html.unwrap()), "en");
    assert_eq!(app.stored_user("jane").await.locale.as_deref(), Some("en"));
    app.stop().await;
}

pub async fn a_language_link_on_another_site_shows_the_page_but_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let visit = |site: &'static str| {
        app.client
            .get(app.url("/oauth/authorized_tokens/?lang=zh-CN"))
            .header("sec-fetch-site", site)
            .send()
    };
    for site in ["cross-site", "same-site"] {
        let resp = visit(site).await.unwrap();
        let cookies: Vec<_> = resp.headers().get_all("set-cookie").iter().collect();
        assert!(
            !cookies
                .iter()
                .any(|c| c.to_str().unwrap().starts_with("ac_lang=")),
            "{site}: the browser is not told to remember it: {cookies:?}"
        );
        assert_eq!(page_lang(&resp.text().await.unwrap()), "zh-CN", "{site}");
        assert_eq!(app.stored_user("jane").await.locale, None, "{site}");
        let html = app.get(PROFILE).await.text().await.unwrap();
        assert_eq!(page_lang(&html), "en", "{site}: the next page is as before");
    }
    let resp = visit("same-origin").await.unwrap();
    assert_eq!(page_lang(&resp.text().await.unwrap()), "zh-CN");
    assert_eq!(
        app.stored_user("jane").await.locale.as_deref(),
        Some("zh-CN"),
        "the person's own switch is remembered"
    );
    app.stop().await;
}

pub async fn a_language_chosen_on_the_login_page_is_kept_and_remembered(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let svc = app.services().await;
    let user = app.stored_user("jane").await;
    auth_center::service::profile::set_locale(&svc, &user.id, "zh-CN")
        .await
        .unwrap();
    let html = app
        .get("/accounts/login/?lang=en")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(extract_hidden(&html, "lang").as_deref(), Some("en"));
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [
        ("username", "jane"),
        ("password", PASSWORD),
        ("lang", "en"),
        ("csrf_token", &csrf),
    ];
    let resp = app.client.post(app.url("/accounts/login/")).form(&form);
    assert_eq!(resp.send().await.unwrap().status(), 303);
    assert_eq!(app.stored_user("jane").await.locale.as_deref(), Some("en"));
    let html = app.get(PROFILE).await.text().await.unwrap();
    assert_eq!(page_lang(&html), "en");
    app.stop().await;
}

pub async fn an_unsupported_language_is_refused_on_its_field_and_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let resp = app.submit(PROFILE, LANGUAGE, &[("locale", "fr")]).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(html.contains("id=\"locale-error\""), "a field-level error");
    assert!(html.contains("Choose one of the listed languages."));
    assert_eq!(app.stored_user("jane").await.locale, None);

    let csrf = app.csrf_token(PROFILE).await;
    let patch = |body: Value| {
        app.client
            .patch(app.url("/api/v1/me"))
            .header("x-csrf-token", csrf.clone())
            .json(&body)
            .send()
    };
    let bad = json!({"locale": "fr", "display_name": "x".repeat(65)});
    let resp = patch(bad).await.unwrap();
    assert_eq!(resp.status(), 422);
    let body: Value = resp.json().await.unwrap();
    let fields = crate::helpers::caller::fields(&body);
    assert_eq!(fields, ["display_name", "locale"], "every error at once");
    let stored = app.stored_user("jane").await;
    assert_eq!((stored.locale, stored.display_name), (None, None));

    let resp = patch(json!({"locale": "zh-cn"})).await.unwrap();
    assert_eq!(resp.status(), 200);
    let me: Value = app.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["locale"], "zh-CN", "stored in its canonical spelling");
    app.stop().await;
}

pub async fn an_account_registered_from_an_apps_request_gets_the_language_its_ui_locales_chose(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let next = "/oauth2/authorize?client_id=some-app&ui_locales=zh-CN";
    let page = crate::helpers::with_next("/accounts/register/", next);
    let html = app.get(&page).await.text().await.unwrap();
    assert_eq!(page_lang(&html), "zh-CN");
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [
        ("username", "liwei"),
        ("email", "liwei@example.com"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
        ("next", next),
        ("csrf_token", &csrf),
    ];
    let resp = app
        .client
        .post(app.url("/accounts/register/"))
        .header("accept-language", "en")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    let stored = app.stored_user("liwei").await;
    assert_eq!(stored.locale.as_deref(), Some("zh-CN"));
    let mail = wait_for_mail(&app.mail_dir(), "liwei@example.com", 1).await;
    assert!(mail.text.contains("liwei，您好"), "{}", mail.text);
    app.stop().await;
}
