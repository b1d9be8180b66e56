//! The administrators' page of resource servers (`/admin/resources/`) on both stores: login
//! first, administrators only; it lists the built-in API and the registered ones; its form adds
//! one (scopes one per line) or answers bad input with field errors and stores nothing; each
//! entry's delete button removes it; a form without the CSRF token changes nothing. In English
//! and in Chinese.

use crate::helpers::accounts::location;
use crate::helpers::{escape_attr, extract_hidden, Backend, TestApp};

const PAGE: &str = "/admin/resources/";
const PW: &str = "a long enough password";
const ORDERS: &str = "https://orders.example/api";

async fn admin_browser(app: &TestApp) -> reqwest::Client {
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    TestApp::spawn_client_session(app, "admin", &pw).await
}

async fn get(app: &TestApp, browser: &reqwest::Client, path: &str) -> (u16, String) {
    let resp = browser.get(app.url(path)).send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    browser.post(app.url(path)).form(form).send().await.unwrap()
}

async fn the_page_adds_lists_and_deletes_resource_servers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = admin_browser(&app).await;
    let (status, html) = get(&app, &browser, PAGE).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!(
            "data-identifier=\"{}\"",
            escape_attr(&app.address)
        )),
        "the built-in API is listed"
    );
    let csrf = extract_hidden(&html, "csrf_token").expect("a CSRF token");
    let scopes = "orders:read | Read your orders | 读取您的订单\norders:write";
    let form = [
        ("csrf_token", csrf.as_str()),
        ("identifier", ORDERS),
        ("name", "Orders"),
        ("scopes", scopes),
        ("access_token_ttl_secs", "600"),
    ];
    let resp = post(&app, &browser, PAGE, &form).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/admin/resources/?done=created");
    let stored = app
        .services
        .stores
        .resource_servers
        .find_resource_server(ORDERS)
        .await
        .unwrap();
    assert_eq!(stored.scopes[0].description_zh, "读取您的订单");
    assert_eq!(stored.access_token_ttl_secs, Some(600));
    let (_, html) = get(&app, &browser, "/admin/resources/?done=created").await;
    assert!(
        html.contains(&format!("data-identifier=\"{}\"", escape_attr(ORDERS)))
            && html.contains("orders:read orders:write")
    );

    // Without the CSRF token nothing is deleted; with it, the record goes.
    let action = format!("/admin/resources/{}/delete/", stored.id);
    assert_eq!(post(&app, &browser, &action, &[]).await.status(), 403);
    let resp = post(&app, &browser, &action, &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(location(&resp), "/admin/resources/?done=deleted");
    assert!(app
        .services
        .stores
        .resource_servers
        .find_resource_server(ORDERS)
        .await
        .is_err());
    let built_in = post(
        &app,
        &browser,
        "/admin/resources/built-in/delete/",
        &[("csrf_token", csrf.as_str())],
    )
    .await;
    assert_eq!(built_in.status(), 409);
    app.stop().await;
}

async fn bad_input_is_answered_with_field_errors_in_the_pages_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = admin_browser(&app).await;
    let (_, html) = get(&app, &browser, PAGE).await;
    let csrf = extract_hidden(&html, "csrf_token").expect("a CSRF token");
    let form = [
        ("csrf_token", csrf.as_str()),
        ("identifier", "http://orders.example"),
        ("name", ""),
        ("scopes", "openid"),
        ("access_token_ttl_secs", "soon"),
    ];
    let resp = post(&app, &browser, PAGE, &form).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    for field in ["identifier", "name", "scopes", "access_token_ttl_secs"] {
        assert!(
            html.contains(&format!("id=\"{field}-error\"")),
            "{field}: {html}"
        );
    }
    assert!(
        html.contains(&escape_attr("http://orders.example")),
        "the values are kept"
    );
    let listed = app
        .services
        .stores
        .resource_servers
        .list_resource_servers(Default::default());
    assert_eq!(listed.await.unwrap().total, 0);

    let zh = browser
        .get(app.url("/admin/resources/?lang=zh-CN"))
        .send()
        .await
        .unwrap();
    let zh = zh.text().await.unwrap();
    assert!(zh.contains("资源服务器"), "{zh}");
    app.stop().await;
}

async fn only_administrators_see_the_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let resp = app.get(PAGE).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/accounts/login/?next=/admin/resources/");
    app.create_user("jane", "jane@example.com", PW).await;
    let jane = TestApp::spawn_client_session(&app, "jane", PW).await;
    let (status, _) = get(&app, &jane, PAGE).await;
    assert_eq!(status, 403);
    let (_, html) = get(&app, &jane, "/accounts/profile/").await;
    let csrf = extract_hidden(&html, "csrf_token").expect("a CSRF token");
    let form = [
        ("csrf_token", csrf.as_str()),
        ("identifier", ORDERS),
        ("name", "Orders"),
    ];
    assert_eq!(post(&app, &jane, PAGE, &form).await.status(), 403);
    assert!(app
        .services
        .stores
        .resource_servers
        .find_resource_server(ORDERS)
        .await
        .is_err());
    app.stop().await;
}

on_both_stores!(
    the_page_adds_lists_and_deletes_resource_servers,
    bad_input_is_answered_with_field_errors_in_the_pages_language,
    only_administrators_see_the_page,
);
