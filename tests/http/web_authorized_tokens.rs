//! The authorized-apps page (`/oauth/authorized_tokens/`) on both stores: login required; it
//! lists each authorization with its app, scopes and dates; the revoke form (CSRF-protected)
//! ends the app's tokens and redirects back with a message; a form without the CSRF token, or
//! for another user's authorization, changes nothing.

use crate::helpers::authz;

use crate::helpers::accounts::location;
use crate::helpers::oauth::world;
use crate::helpers::{extract_hidden, Backend, TestApp};
use authz::*;
use reqwest::Method;

const PAGE: &str = "/oauth/authorized_tokens/";

async fn page(app: &TestApp, browser: &reqwest::Client) -> String {
    let resp = browser.get(app.url(PAGE)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    resp.text().await.unwrap()
}

/// The revoke form's action for the entry of `client_id`.
fn revoke_action(html: &str, client_id: &str) -> String {
    let start = html
        .find(&format!("data-client-id=\"{client_id}\""))
        .expect("the app is listed");
    let marker = "action=\"";
    let from = html[start..].find(marker).unwrap() + start + marker.len();
    let to = html[from..].find('"').unwrap() + from;
    unescape(&html[from..to])
}

async fn the_page_requires_login(b: Backend) {
    let w = world(b).await;
    let resp = w.app.get(PAGE).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        "/accounts/login/?next=/oauth/authorized_tokens/"
    );
    let csrf = w.app.csrf_token("/accounts/login/").await;
    let resp = w
        .app
        .client
        .post(w.app.url("/oauth/authorized_tokens/x/delete/"))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert!(location(&resp).starts_with("/accounts/login/"));
    w.app.stop().await;
}

async fn the_page_lists_the_apps_and_its_form_revokes_one(b: Backend) {
    let w = world(b).await;
    let app = password_app(&w.app, &w.user.id).await;
    let t = access(&password_tokens(&w.app, &app, "alice", PW, "profile email").await);
    let browser = TestApp::spawn_client_session(&w.app, "alice", PW).await;
    let html = page(&w.app, &browser).await;
    assert!(html.contains(&app.client.name), "{html}");
    assert!(html.contains("email profile"));
    assert!(unescape(&html).contains(HOMEPAGE));
    let action = revoke_action(&html, &app.client.client_id);
    assert!(action.starts_with("/oauth/authorized_tokens/") && action.ends_with("/delete/"));
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let resp = browser
        .post(w.app.url(&action))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/oauth/authorized_tokens/?done=revoked");
    let after = browser
        .get(w.app.url("/oauth/authorized_tokens/?done=revoked"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(after.contains("Access revoked"), "{after}");
    assert!(!after.contains(&app.client.name));
    let r = raw(&w.app, Method::GET, "/api/v1/me", Some(&t), None).await;
    assert_eq!(r.status, 401, "the app's token died with the form");
    w.app.stop().await;
}

async fn a_form_without_csrf_or_for_another_user_changes_nothing(b: Backend) {
    let w = world(b).await;
    bob(&w).await;
    let app = password_app(&w.app, &w.user.id).await;
    let alice_token = access(&password_tokens(&w.app, &app, "alice", PW, "profile").await);
    let bob_token = access(&password_tokens(&w.app, &app, "bob", PW, "profile").await);
    let browser = TestApp::spawn_client_session(&w.app, "alice", PW).await;
    let html = page(&w.app, &browser).await;
    let action = revoke_action(&html, &app.client.client_id);
    let resp = browser
        .post(w.app.url(&action))
        .form(&[("csrf_token", "")])
        .send()
        .await;
    assert_eq!(resp.unwrap().status(), 403);
    let bob_browser = TestApp::spawn_client_session(&w.app, "bob", PW).await;
    let bob_html = page(&w.app, &bob_browser).await;
    let bob_action = revoke_action(&bob_html, &app.client.client_id);
    let csrf = extract_hidden(&html, "csrf_token").unwrap();
    let resp = browser
        .post(w.app.url(&bob_action))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404, "another user's authorization");
    for t in [&alice_token, &bob_token] {
        let r = raw(&w.app, Method::GET, "/api/v1/me", Some(t), None).await;
        assert_eq!(r.status, 200, "nothing was revoked");
    }
    assert!(page(&w.app, &browser).await.contains(&app.client.name));
    w.app.stop().await;
}

on_both_stores!(
    the_page_requires_login,
    the_page_lists_the_apps_and_its_form_revokes_one,
    a_form_without_csrf_or_for_another_user_changes_nothing,
);
