//! The developer pages under `/oauth/applications/`, on both stores: registering through the
//! form shows the secret once (never on the detail page) and the secret works at the token
//! endpoint; editing keeps errors next to the fields with the input; deleting and rotating
//! through their forms; CSRF on every form; another user's app is a 404; login is required.

#[path = "apps/fapi_page.rs"]
mod fapi_page;
#[path = "apps/key_page.rs"]
mod key_page;

use crate::helpers::accounts::location;
use crate::helpers::{Backend, TestApp};
use auth_center::service::app_input::AppInput;
use auth_center::service::apps;

const PW: &str = "a long enough password";
const CB: &str = "http://127.0.0.1:9/callback";

/// The `value` of the input with this `id`.
fn input_value(html: &str, id: &str) -> Option<String> {
    let marker = format!("id=\"{id}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

async fn logged_in_app(b: Backend, username: &str) -> TestApp {
    let app = TestApp::spawn(b).await;
    app.create_user(username, &format!("{username}@example.com"), PW)
        .await;
    assert_eq!(app.login(username, PW).await.status(), 303);
    app
}

/// An app of `owner`, arranged through the service layer.
async fn app_of(app: &TestApp, owner: &str) -> String {
    let svc = app.services().await;
    let user = app.stored_user(owner).await;
    let input = AppInput {
        name: "Arranged app".into(),
        redirect_uris: vec![CB.into()],
        ..AppInput::default()
    };
    let owner = auth_center::service::access::Principal::session(user, "arranged");
    let created = apps::register_app(&svc, &owner, input).await.unwrap();
    created.app.client_id
}

async fn post(app: &TestApp, page: &str, action: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.submit(page, action, form).await
}

async fn registering_through_the_form_shows_the_secret_once_and_never_again(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    let form = app.get("/oauth/applications/register/").await;
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    assert!(
        html.contains(r#"value="implicit">"#),
        "implicit is unchecked"
    );
    assert!(
        html.contains(r#"value="password">"#),
        "password is unchecked"
    );
    assert!(html.contains(r#"value="authorization_code" checked>"#));
    assert!(html.contains("Not recommended"));
    assert!(!html.contains("first_party"), "only administrators see it");
    let page = "/oauth/applications/register/";
    let fields = [
        ("name", "Dave's printer"),
        (
            "redirect_uris",
            "https://printer.example/cb\nhttp://localhost:8400/cb",
        ),
        ("client_type", "confidential"),
        ("grant_types", "client_credentials"),
        ("grant_types", "authorization_code"),
        ("scopes", "profile"),
    ];
    let resp = post(&app, page, page, &fields).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("script-src 'self'"));
    let html = resp.text().await.unwrap();
    let id = input_value(&html, "client-id").expect("client id shown");
    let secret = input_value(&html, "client-secret").expect("secret shown");
    assert!(html.contains(r#"<script src="/static/apps.js"></script>"#));
    assert!(html.contains("readonly"));
    let js = app.get("/static/apps.js").await;
    assert!(js.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let token = app
        .client
        .post(app.url("/oauth2/token"))
        .basic_auth(&id, Some(&secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        token.status(),
        200,
        "the shown secret authenticates the app"
    );
    let detail = app.get(&format!("/oauth/applications/{id}/")).await;
    assert_eq!(detail.status(), 200);
    let html = detail.text().await.unwrap();
    assert!(html.contains(&id) && html.contains("https:&#x2f;&#x2f;printer.example&#x2f;cb"));
    assert!(
        !html.contains(&secret),
        "the detail page never shows the secret"
    );
    let list = app.get("/oauth/applications/").await.text().await.unwrap();
    assert!(list.contains("Dave&#x27;s printer"), "{list}");
    app.stop().await;
}

async fn editing_keeps_errors_next_to_the_fields_and_saves_a_valid_change(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    let id = app_of(&app, "dave").await;
    let page = format!("/oauth/applications/{id}/update/");
    let bad = [
        ("name", "Renamed"),
        ("redirect_uris", "http://printer.example/cb"),
        ("access_token_ttl_secs", "soon"),
    ];
    let resp = post(&app, &page, &page, &bad).await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap();
    assert!(
        html.contains(r#"id="access_token_ttl_secs-error""#),
        "{html}"
    );
    assert!(html.contains(r#"value="Renamed""#), "the input is kept");
    let bad = [("name", ""), ("redirect_uris", "http://printer.example/cb")];
    let html = post(&app, &page, &page, &bad).await.text().await.unwrap();
    assert!(html.contains(r#"id="name-error""#) && html.contains(r#"id="redirect_uris-error""#));
    assert!(html.contains("http:&#x2f;&#x2f;printer.example&#x2f;cb</textarea>"));
    let svc = app.services().await;
    assert_eq!(
        svc.stores.clients.get_client(&id).await.unwrap().name,
        "Arranged app"
    );
    let good = [
        ("name", "Renamed"),
        ("redirect_uris", "https://printer.example/cb"),
    ];
    let resp = post(&app, &page, &page, &good).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        format!("/oauth/applications/{id}/?done=updated")
    );
    let stored = svc.stores.clients.get_client(&id).await.unwrap();
    assert_eq!(
        (stored.name.as_str(), stored.redirect_uris.as_slice()),
        (
            "Renamed",
            ["https://printer.example/cb".to_owned()].as_slice()
        )
    );
    app.stop().await;
}

async fn deleting_and_rotating_through_their_forms_take_effect(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    let id = app_of(&app, "dave").await;
    let detail = format!("/oauth/applications/{id}/");
    let rotate = format!("/oauth/applications/{id}/rotate-secret/");
    let resp = post(&app, &detail, &rotate, &[]).await;
    assert_eq!(resp.status(), 200);
    let secret = input_value(&resp.text().await.unwrap(), "client-secret").unwrap();
    let svc = app.services().await;
    let stored = svc.stores.clients.get_client(&id).await.unwrap();
    assert_eq!(stored.secrets.len(), 2);
    assert!(stored
        .secrets
        .iter()
        .any(|s| s.digest == auth_center::crypto::digest(&secret)));
    let confirm = format!("/oauth/applications/{id}/delete/");
    assert!(app
        .get(&confirm)
        .await
        .text()
        .await
        .unwrap()
        .contains("Arranged app"));
    let resp = post(&app, &confirm, &confirm, &[]).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/oauth/applications/?done=deleted");
    assert!(svc.stores.clients.get_client(&id).await.is_err());
    assert_eq!(app.get(&detail).await.status(), 404);
    app.stop().await;
}

async fn rotating_with_the_revoke_checkbox_keeps_only_the_new_secret(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    let id = app_of(&app, "dave").await;
    let detail = format!("/oauth/applications/{id}/");
    assert!(app
        .get(&detail)
        .await
        .text()
        .await
        .unwrap()
        .contains(r#"name="revoke_previous""#));
    let rotate = format!("/oauth/applications/{id}/rotate-secret/");
    let resp = post(&app, &detail, &rotate, &[("revoke_previous", "1")]).await;
    assert_eq!(resp.status(), 200);
    let secret = input_value(&resp.text().await.unwrap(), "client-secret").unwrap();
    let stored = app
        .services()
        .await
        .stores
        .clients
        .get_client(&id)
        .await
        .unwrap();
    assert_eq!(stored.secrets.len(), 1, "the previous secret ended at once");
    assert_eq!(
        stored.secrets[0].digest,
        auth_center::crypto::digest(&secret)
    );
    app.stop().await;
}

async fn a_form_without_its_csrf_token_is_refused_and_changes_nothing(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    let id = app_of(&app, "dave").await;
    let forged = |path: String, form: Vec<(&'static str, &'static str)>| {
        let req = app.client.post(app.url(&path)).form(&form);
        async move { req.send().await.unwrap().status() }
    };
    let register = vec![
        ("name", "Sneaky"),
        ("redirect_uris", CB),
        ("csrf_token", "forged"),
    ];
    assert_eq!(
        forged("/oauth/applications/register/".into(), register).await,
        403
    );
    let update = vec![("name", "Sneaky"), ("redirect_uris", CB)];
    assert_eq!(
        forged(format!("/oauth/applications/{id}/update/"), update).await,
        403
    );
    assert_eq!(
        forged(format!("/oauth/applications/{id}/rotate-secret/"), vec![]).await,
        403
    );
    assert_eq!(
        forged(format!("/oauth/applications/{id}/delete/"), vec![]).await,
        403
    );
    let svc = app.services().await;
    let user = app.stored_user("dave").await;
    let all = svc
        .stores
        .clients
        .list_clients_by_owner(&user.id, Default::default())
        .await
        .unwrap();
    assert_eq!(all.total, 1);
    let kept = &all.items[0];
    assert_eq!(
        (kept.name.as_str(), kept.secrets.len()),
        ("Arranged app", 1)
    );
    app.stop().await;
}

async fn another_users_app_is_a_404_page_and_the_pages_need_a_login(b: Backend) {
    let app = logged_in_app(b, "dave").await;
    app.create_user("erin", "erin@example.com", PW).await;
    let erins = app_of(&app, "erin").await;
    for tail in ["", "update/", "delete/"] {
        let path = format!("/oauth/applications/{erins}/{tail}");
        assert_eq!(app.get(&path).await.status(), 404, "{path}");
    }
    let mine = "/oauth/applications/";
    let csrf = app.csrf_token(mine).await;
    for tail in ["update/", "delete/", "rotate-secret/"] {
        let path = format!("/oauth/applications/{erins}/{tail}");
        let form = [
            ("csrf_token", csrf.as_str()),
            ("name", "Taken over"),
            ("redirect_uris", CB),
        ];
        let resp = app
            .client
            .post(app.url(&path))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 404, "{path}");
    }
    let svc = app.services().await;
    assert_eq!(
        svc.stores.clients.get_client(&erins).await.unwrap().name,
        "Arranged app"
    );
    let anonymous = app.new_browser();
    let resp = anonymous.get(app.url(mine)).send().await.unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(
        location(&resp),
        "/accounts/login/?next=%2Foauth%2Fapplications%2F"
    );
    app.stop().await;
}

on_both_stores!(
    registering_through_the_form_shows_the_secret_once_and_never_again,
    editing_keeps_errors_next_to_the_fields_and_saves_a_valid_change,
    deleting_and_rotating_through_their_forms_take_effect,
    rotating_with_the_revoke_checkbox_keeps_only_the_new_secret,
    a_form_without_its_csrf_token_is_refused_and_changes_nothing,
    another_users_app_is_a_404_page_and_the_pages_need_a_login,
);
