//! The console's apps: every owner's apps in pages, one app's page, the first-party flag and
//! the grants only administrators may enable (saved through the Apps API's rules: a refused
//! combination answered with the field's error and nothing changed), delete after confirming.

use super::{admin_browser, get, post, PW};
use crate::helpers::{escape_attr, Backend, TestApp};
use auth_center::domain::GrantType;
use auth_center::service::access::Principal;
use auth_center::service::app_input::AppInput;
use auth_center::service::apps;

/// An app of `owner` registered through the service layer.
async fn app_of(app: &TestApp, owner: &str, input: AppInput) -> String {
    let user = app.stored_user(owner).await;
    let owner = Principal::session(user, "arranged");
    let created = apps::register_app(&app.services, &owner, input)
        .await
        .unwrap();
    created.app.client_id
}

fn web_app(name: &str) -> AppInput {
    AppInput {
        name: name.into(),
        redirect_uris: vec!["http://127.0.0.1:9/callback".into()],
        ..AppInput::default()
    }
}

async fn every_owners_apps_are_listed_and_their_admin_settings_saved(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PW).await;
    app.create_user("joe", "joe@example.com", PW).await;
    let janes = app_of(&app, "jane", web_app("Jane's notes")).await;
    let machine = AppInput {
        name: "Joe's batch job".into(),
        grant_types: vec!["client_credentials".into()],
        ..AppInput::default()
    };
    let joes = app_of(&app, "joe", machine).await;
    let (browser, csrf) = admin_browser(&app).await;
    let (status, html) = get(&app, &browser, "/admin/apps/").await;
    assert_eq!(status, 200);
    for id in [&janes, &joes] {
        assert!(html.contains(&format!("data-client-id=\"{id}\"")), "{html}");
    }
    let (status, _) = get(&app, &browser, "/admin/apps/?page=0").await;
    assert_eq!(status, 422);

    let page = format!("/admin/apps/{janes}/");
    let (status, html) = get(&app, &browser, &page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Jane&#x27;s notes") || html.contains("Jane's notes"),
        "{html}"
    );
    let settings = format!("{page}settings/");
    let form = [("first_party", "true"), ("grant_password", "true")];
    let (status, ..) = post(&app, &browser, &settings, "", &form).await;
    assert_eq!(status, 403, "no CSRF token");
    let (status, to, _) = post(&app, &browser, &settings, &csrf, &form).await;
    assert_eq!((status, to), (303, format!("{page}?done=saved")));
    let stored = app
        .services
        .stores
        .clients
        .get_client(&janes)
        .await
        .unwrap();
    assert!(stored.first_party);
    assert!(stored.grant_types.contains(&GrantType::Password));
    assert!(
        stored.grant_types.contains(&GrantType::AuthorizationCode),
        "kept"
    );

    // The implicit grant needs a redirect URI: refused with the grants' error, nothing saved.
    let joe_settings = format!("/admin/apps/{joes}/settings/");
    let form = [("first_party", "true"), ("grant_implicit", "true")];
    let (status, _, html) = post(&app, &browser, &joe_settings, &csrf, &form).await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"grant_types-error\""), "{html}");
    let stored = app.services.stores.clients.get_client(&joes).await.unwrap();
    assert!(!stored.first_party);
    assert_eq!(stored.grant_types, [GrantType::ClientCredentials]);
    app.stop().await;
}

async fn an_app_is_deleted_after_its_confirmation_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.create_user("jane", "jane@example.com", PW).await;
    let janes = app_of(&app, "jane", web_app("Jane's notes")).await;
    let (browser, csrf) = admin_browser(&app).await;
    let confirm = format!("/admin/apps/{janes}/delete/");
    let (status, html) = get(&app, &browser, &confirm).await;
    assert_eq!(status, 200);
    let action = format!("action=\"{}\"", escape_attr(&confirm));
    assert!(html.contains(&action), "{html}");
    let (status, ..) = post(&app, &browser, &confirm, "", &[]).await;
    assert_eq!(status, 403, "no CSRF token");
    assert!(app.services.stores.clients.get_client(&janes).await.is_ok());
    let (status, to, _) = post(&app, &browser, &confirm, &csrf, &[]).await;
    assert_eq!((status, to.as_str()), (303, "/admin/apps/?done=deleted"));
    assert!(app
        .services
        .stores
        .clients
        .get_client(&janes)
        .await
        .is_err());
    app.stop().await;
}

on_both_stores!(
    every_owners_apps_are_listed_and_their_admin_settings_saved,
    an_app_is_deleted_after_its_confirmation_page,
);
