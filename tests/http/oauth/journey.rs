//! Pages that keep the person's place in an authorization flow: the language switch on the
//! consent, login and error pages keeps the request; the app's `ui_locales` chooses the
//! language (after the person's own choice); a person who registers from an app is told which
//! app it is and gets back to it after verifying and logging in.

use super::*;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::{escape_attr, lang_link, link_param, with_next, TestApp};

/// The consent page of `url` after logging in, and its HTML.
async fn consent_html(w: &World, url: &str) -> String {
    let resp = login_through(w, url).await;
    assert_eq!(resp.status(), 200);
    resp.text().await.unwrap()
}

pub async fn switching_language_on_the_consent_page_keeps_the_request_and_the_flow_finishes(
    b: Backend,
) {
    let w = world(b).await;
    let (url, verifier, state) = auth_url(&w, &w.spa, "openid profile", &[("nonce", "n1")]);
    let html = consent_html(&w, &url).await;
    let zh = lang_link(&html, "zh-CN");
    let id = w.spa.client.client_id.as_str();
    assert_eq!(link_param(&zh, "client_id").as_deref(), Some(id), "{zh}");
    assert_eq!(link_param(&zh, "state").as_deref(), Some(state.as_str()));
    let resp = w.app.get(&format!("/oauth2/authorize{zh}")).await;
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">") && html.contains(&w.spa.client.name));
    let back = decide(&w, &html, "allow").await;
    let q = query_of(&location(&back));
    assert_eq!(q["state"], state);
    let token = oauth2_client(&w.app, &w.spa)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(q["code"].clone()))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap();
    assert!(!token.access_token().secret().is_empty());
    // A form-posted request (OIDC Core §3.1.2.1): its links repeat it as a GET request.
    let (url, _, state) = auth_url(&w, &w.web, "profile", &[]);
    let form: Vec<(String, String)> = query_of(&url).into_iter().collect();
    let resp = w
        .app
        .client
        .post(w.app.url("/oauth2/authorize"))
        .form(&form);
    let html = resp.send().await.unwrap().text().await.unwrap();
    assert!(html.contains(&w.web.client.name), "{html}");
    let zh = lang_link(&html, "zh-CN");
    assert_eq!(link_param(&zh, "state").as_deref(), Some(state.as_str()));
    let resp = w.app.get(&format!("/oauth2/authorize{zh}")).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains(&w.web.client.name));
    w.app.stop().await;
}

pub async fn ui_locales_choose_the_language_of_the_login_and_consent_pages(b: Backend) {
    let w = world(b).await;
    let hint = [("ui_locales", "fr-CA zh-CN en")];
    let (url, _, _) = auth_url(&w, &w.spa, "profile", &hint);
    let first = w.app.client.get(&url).send().await.unwrap();
    let login = w.app.get(&location(&first)).await.text().await.unwrap();
    assert!(login.contains("<html lang=\"zh-CN\">"), "{login}");
    let html = consent_html(&w, &url).await;
    assert!(html.contains("<html lang=\"zh-CN\">"), "{html}");
    // Form-posted, the hint is in the body.
    let (url, _, _) = auth_url(&w, &w.web, "profile", &hint);
    let form: Vec<(String, String)> = query_of(&url).into_iter().collect();
    let resp = w
        .app
        .client
        .post(w.app.url("/oauth2/authorize"))
        .form(&form);
    let html = resp.send().await.unwrap().text().await.unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"), "{html}");
    // The person's own choice comes first.
    let en = lang_link(&html, "en");
    let html = w.app.get(&format!("/oauth2/authorize{en}")).await;
    assert!(html.text().await.unwrap().contains("<html lang=\"en\">"));
    let html = w.app.client.get(&url).send().await.unwrap();
    assert!(html.text().await.unwrap().contains("<html lang=\"en\">"));
    w.app.stop().await;
}

pub async fn the_error_page_language_switch_keeps_its_query(b: Backend) {
    let w = world(b).await;
    let page = "/oauth2/authorize?client_id=no-such-client&state=s1";
    let html = w.app.get(page).await.text().await.unwrap();
    let zh = lang_link(&html, "zh-CN");
    assert_eq!(
        link_param(&zh, "client_id").as_deref(),
        Some("no-such-client")
    );
    assert_eq!(link_param(&zh, "state").as_deref(), Some("s1"));
    let resp = w.app.get(&format!("/oauth2/authorize{zh}")).await;
    assert_eq!(resp.status(), 400);
    assert!(resp.text().await.unwrap().contains("<html lang=\"zh-CN\">"));
    w.app.stop().await;
}

/// Registers `bob` through the register page of `next`, verifies the address through the
/// emailed link, and returns the page the verification ends on.
async fn register_and_verify(app: &TestApp, next: &str) -> String {
    let form = with_next("/accounts/register/", next);
    let fields = [
        ("username", "bob"),
        ("email", "bob@example.com"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
        ("next", next),
    ];
    let resp = app.submit(&form, "/accounts/register/", &fields).await;
    assert_eq!(location(&resp), with_next("/accounts/register/done/", next));
    let mail = wait_for_mail(&app.mail_dir(), "bob@example.com", 1).await;
    let page = mail.link_path("/accounts/verify-email/");
    let html = app.get(&page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").unwrap();
    let fields = [("token", token.as_str()), ("next", next)];
    let resp = app.submit(&page, "/accounts/verify-email/", &fields).await;
    assert_eq!(
        location(&resp),
        with_next("/accounts/verify-email/done/", next)
    );
    app.get(&location(&resp)).await.text().await.unwrap()
}

pub async fn a_person_who_registers_from_an_app_is_told_its_name_and_returns_to_it(b: Backend) {
    let w = world(b).await;
    let app_name = &w.spa.client.name;
    let (url, _, _) = auth_url(&w, &w.spa, "profile", &[]);
    let login = location(&w.app.client.get(&url).send().await.unwrap());
    let next = link_param(&login, "next").expect("the login carries the request");
    let html = w.app.get(&login).await.text().await.unwrap();
    assert!(html.contains(&format!("Log in to continue to {app_name}.")));
    let register = with_next("/accounts/register/", &next);
    assert!(html.contains(&format!("href=\"{}\"", escape_attr(&register))));
    let zh = w.app.get(&format!("{register}&lang=zh-CN")).await;
    let zh = zh.text().await.unwrap();
    assert!(
        zh.contains(&format!("创建账号以继续使用 {app_name}。")),
        "{zh}"
    );
    let html = w.app.get(&format!("{register}&lang=en")).await;
    assert!(html
        .text()
        .await
        .unwrap()
        .contains(&format!("continue to {app_name}")));

    let done = register_and_verify(&w.app, &next).await;
    let login = with_next("/accounts/login/", &next);
    assert!(
        done.contains(&format!("href=\"{}\"", escape_attr(&login))),
        "{done}"
    );
    let csrf = w.app.csrf_token(&login).await;
    let form = [
        ("username", "bob"),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
        ("next", &next),
    ];
    let resp = w.app.client.post(w.app.url("/accounts/login/")).form(&form);
    let resp = resp.send().await.unwrap();
    assert_eq!(location(&resp), next);
    let consent = w.app.get(&next).await.text().await.unwrap();
    assert!(consent.contains("name=\"decision\" value=\"allow\"") && consent.contains(app_name));
    // A crafted request the endpoint would refuse names no app.
    let evil = next.replace("127.0.0.1%3A9", "evil.example");
    assert_ne!(evil, next);
    let html = w.app.get(&with_next("/accounts/login/", &evil)).await;
    assert!(!html.text().await.unwrap().contains("continue to"));
    w.app.stop().await;
}
