//! RP-initiated logout through the pages (OpenID Connect RP-Initiated Logout 1.0): only
//! registered return URIs, the hint's own session leaves at once, and (security finding 10)
//! any other request asks first, naming the destination's host, and goes on only after a
//! confirmation with CSRF. Part of the `oauth_authorize` suite (both stores).

use super::{id_token_through_pages, location, unescape, PASSWORD};
use crate::helpers::oauth::{world, World};
use crate::helpers::{extract_hidden, Backend, TestApp};

/// Registers `https://app.example/logged-out` as the web client's post-logout URI.
async fn allow_post_logout_uri(w: &World) -> auth_center::domain::Client {
    let clients = &w.app.services.stores.clients;
    let mut c = clients.get_client(&w.web.client.client_id).await.unwrap();
    c.post_logout_redirect_uris = vec!["https://app.example/logged-out".into()];
    clients.update_client(&c).await.unwrap();
    c
}

pub async fn rp_initiated_logout_returns_only_to_registered_uris(b: Backend) {
    let w = world(b).await;
    let c = allow_post_logout_uri(&w).await;
    let id_token = id_token_through_pages(&w).await;
    let open_redirect = format!(
        "/oauth2/logout?client_id={}&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F",
        c.client_id
    );
    let resp = w.app.get(&open_redirect).await;
    assert_eq!(resp.status(), 400);
    assert!(resp.headers().get("location").is_none());
    let no_hint = w.app.get("/oauth2/logout").await;
    assert_eq!(
        location(&no_hint),
        "/accounts/logout/",
        "without a hint the user confirms"
    );
    assert_eq!(
        w.app.get("/api/v1/me").await.status(),
        200,
        "still logged in"
    );
    let logout = format!(
        "/oauth2/logout?id_token_hint={id_token}&post_logout_redirect_uri=https%3A%2F%2Fapp.example%2Flogged-out&state=s1"
    );
    let resp = w.app.get(&logout).await;
    assert_eq!(location(&resp), "https://app.example/logged-out?state=s1");
    assert_eq!(
        w.app.get("/api/v1/me").await.status(),
        401,
        "the session has ended"
    );
    w.app.stop().await;
}

/// The fields of the logout confirmation form in `html`, CSRF token included.
fn logout_confirmation(html: &str) -> Vec<(String, String)> {
    assert!(html.contains("action=\"/oauth2/logout\""), "{html}");
    [
        "csrf_token",
        "id_token_hint",
        "post_logout_redirect_uri",
        "state",
        "client_id",
    ]
    .iter()
    .filter_map(|k| extract_hidden(html, k).map(|v| ((*k).to_owned(), unescape(&v))))
    .collect()
}

/// Security finding 10: a valid `id_token_hint` is easy to get for any self-registered app, so
/// with no session of the hint's user the server must not bounce the browser straight on: it
/// asks, naming the destination's host, and redirects only after a confirmation with CSRF.
pub async fn finding_10_a_logout_hint_without_its_session_asks_before_redirecting(b: Backend) {
    let w = world(b).await;
    allow_post_logout_uri(&w).await;
    let id_token = id_token_through_pages(&w).await;
    let logout = format!(
        "/oauth2/logout?id_token_hint={id_token}&post_logout_redirect_uri=https%3A%2F%2Fapp.example%2Flogged-out&state=s1"
    );
    let target = "https://app.example/logged-out?state=s1";
    let stranger = w.app.new_browser();
    let resp = stranger.get(w.app.url(&logout)).send().await.unwrap();
    assert_eq!(resp.status(), 200, "no redirect without a session");
    assert!(resp.headers().get("location").is_none());
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("app.example"),
        "the page names the host: {html}"
    );
    let mut form = logout_confirmation(&html);
    let confirm = |browser: &reqwest::Client, form: Vec<(String, String)>| {
        browser.post(w.app.url("/oauth2/logout")).form(&form).send()
    };
    let forged: Vec<_> = form
        .iter()
        .filter(|(k, _)| k != "csrf_token")
        .cloned()
        .collect();
    let resp = confirm(&stranger, forged).await.unwrap();
    assert_eq!(resp.status(), 403, "a confirmation needs the CSRF token");
    assert!(resp.headers().get("location").is_none());
    let resp = confirm(&stranger, form.clone()).await.unwrap();
    assert_eq!(location(&resp), target, "confirmed: on to the app");
    // A tampered destination is checked again on confirmation.
    for (k, v) in form.iter_mut() {
        if k == "post_logout_redirect_uri" {
            *v = "https://evil.example/".into();
        }
    }
    let resp = confirm(&stranger, form).await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.headers().get("location").is_none());

    // Another person's session: asked too, and signed out only once they confirm.
    let new = auth_center::service::accounts::NewUser {
        username: "bob".into(),
        email: "bob@example.com".into(),
        password: PASSWORD.into(),
        display_name: None,
        is_admin: false,
        email_verified: true,
    };
    auth_center::service::accounts::create_user(&w.app.services, new)
        .await
        .unwrap();
    let bob = TestApp::spawn_client_session(&w.app, "bob", PASSWORD).await;
    let me = || bob.get(w.app.url("/api/v1/me")).send();
    let html = bob.get(w.app.url(&logout)).send().await.unwrap();
    assert_eq!(html.status(), 200);
    assert_eq!(me().await.unwrap().status(), 200, "not signed out yet");
    let form = logout_confirmation(&html.text().await.unwrap());
    let resp = confirm(&bob, form).await.unwrap();
    assert_eq!(location(&resp), target);
    assert_eq!(
        me().await.unwrap().status(),
        401,
        "signed out on confirmation"
    );

    // The hint's own session: logged out and redirected at once, as before.
    let resp = w.app.get(&logout).await;
    assert_eq!(location(&resp), target);
    assert_eq!(w.app.get("/api/v1/me").await.status(), 401);
    w.app.stop().await;
}
