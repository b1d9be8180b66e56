//! The login and device pages keep the person's place when the language is switched: `next`
//! (and the registration and reset links that carry it) on the login page, the user code on
//! `/device`, also on the pages re-rendered after a refused POST.

use super::{urlencode, PASSWORD};
use crate::helpers::{
    escape_attr, extract_hidden, lang_link, link_param, unescape_attr, with_next, Backend, TestApp,
};

/// The hidden `next` of a login page, unescaped.
fn hidden_next(html: &str) -> String {
    unescape_attr(&extract_hidden(html, "next").expect("the form carries next"))
}

pub async fn the_language_switch_of_the_login_page_keeps_next_and_the_login_returns_there(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    let next = "/device?user_code=WXYZ-1234&x=a%26b";
    let page = format!("/accounts/login/?next={}", urlencode(next));
    let html = app.get(&page).await.text().await.unwrap();
    let zh = lang_link(&html, "zh-CN");
    assert_eq!(link_param(&zh, "next").as_deref(), Some(next), "{zh}");
    assert_eq!(link_param(&zh, "lang").as_deref(), Some("zh-CN"));
    for link in ["/accounts/register/", "/accounts/password_reset/"] {
        let href = format!("href=\"{}\"", escape_attr(&with_next(link, next)));
        assert!(html.contains(&href), "{href} in {html}");
    }
    let html = app
        .get(&format!("/accounts/login/{zh}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert_eq!(hidden_next(&html), next);
    // A refused login keeps next in its own language links too.
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let wrong = [
        ("username", "jane"),
        ("password", "not the password"),
        ("csrf_token", &csrf),
        ("next", next),
    ];
    let resp = app.client.post(app.url("/accounts/login/")).form(&wrong);
    let html = resp.send().await.unwrap().text().await.unwrap();
    let en = lang_link(&html, "en");
    assert_eq!(link_param(&en, "next").as_deref(), Some(next), "{en}");
    let html = app.get(&format!("/accounts/login/{en}")).await;
    let html = html.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    let form = [
        ("username", "jane"),
        ("password", PASSWORD),
        ("csrf_token", &csrf),
        ("next", &hidden_next(&html)),
    ];
    let resp = app.client.post(app.url("/accounts/login/")).form(&form);
    let resp = resp.send().await.unwrap();
    assert_eq!(resp.headers()["location"], next);
    app.stop().await;
}

pub async fn the_language_switch_of_the_device_page_keeps_the_user_code(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PASSWORD).await;
    app.login("jane", PASSWORD).await;
    let html = app
        .get("/device?user_code=WXYZ-1234")
        .await
        .text()
        .await
        .unwrap();
    let zh = lang_link(&html, "zh-CN");
    assert_eq!(link_param(&zh, "user_code").as_deref(), Some("WXYZ-1234"));
    let html = app.get(&format!("/device{zh}")).await.text().await.unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(html.contains("value=\"WXYZ-1234\""), "{html}");
    // A code refused after a POST keeps it as well.
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let form = [("user_code", "WXYZ-1234"), ("csrf_token", &csrf)];
    let resp = app.client.post(app.url("/device")).form(&form);
    let html = resp.send().await.unwrap().text().await.unwrap();
    let en = lang_link(&html, "en");
    assert_eq!(link_param(&en, "user_code").as_deref(), Some("WXYZ-1234"));
    app.stop().await;
}
