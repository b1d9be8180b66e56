//! The administrators' console under `/admin/` (accounts, groups, apps), on both stores: every
//! page and action as an administrator, bad input answered with field errors and nothing
//! changed, the last-administrator rule, forms without the CSRF token refused, a non-admin's
//! 403 on every page and POST, the login first for a visitor, and the pages in Chinese.

mod access;
mod apps;
mod groups;
mod users;

use crate::helpers::accounts::location;
use crate::helpers::{extract_hidden, TestApp};

pub const PW: &str = "a long enough password";

/// A browser signed in as the generated administrator, and its CSRF token.
pub async fn admin_browser(app: &TestApp) -> (reqwest::Client, String) {
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    let browser = TestApp::spawn_client_session(app, "admin", &pw).await;
    let csrf = csrf_of(app, &browser).await;
    (browser, csrf)
}

/// A browser signed in as a new ordinary account `username`, and its CSRF token.
pub async fn person_browser(app: &TestApp, username: &str) -> (reqwest::Client, String) {
    app.create_user(username, &format!("{username}@example.com"), PW)
        .await;
    let browser = TestApp::spawn_client_session(app, username, PW).await;
    let csrf = csrf_of(app, &browser).await;
    (browser, csrf)
}

async fn csrf_of(app: &TestApp, browser: &reqwest::Client) -> String {
    let (_, html) = get(app, browser, "/accounts/profile/").await;
    extract_hidden(&html, "csrf_token").expect("a CSRF token")
}

pub async fn get(app: &TestApp, browser: &reqwest::Client, path: &str) -> (u16, String) {
    let resp = browser.get(app.url(path)).send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// POSTs `form` with the CSRF token `csrf` (none when empty); returns the status and the
/// `Location` (empty for an answer that is not a redirect) and the body.
pub async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    csrf: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let mut fields = form.to_vec();
    if !csrf.is_empty() {
        fields.push(("csrf_token", csrf));
    }
    let resp = browser
        .post(app.url(path))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let to = if status == 303 {
        location(&resp)
    } else {
        String::new()
    };
    (status, to, resp.text().await.unwrap())
}
