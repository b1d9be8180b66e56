//! Security findings 2, 5, 6 and 7 (SECURITY.md): what a token can do is bounded by its scopes
//! and by the state of its app and user now, not when it was issued.
//! - a `profile` token cannot change the password or the name, nor read the email;
//! - a disabled owner's apps are refused and their tokens inactive until the owner is enabled;
//! - a refresh drops scopes the app no longer has, and `admin` from a demoted user;
//! - an app introspects only its own tokens unless it is a resource server.

use auth_center::service::accounts::{create_user, NewUser};
use auth_center::service::admin::set_user_disabled;
use oauth2::basic::BasicTokenResponse;
use oauth2::TokenResponse;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::authz::*;
use crate::helpers::oauth::{http, oauth2_client, post_form, world, World};
use crate::helpers::Backend;

async fn person(w: &World, username: &str, is_admin: bool) -> auth_center::domain::User {
    let new = NewUser {
        username: username.into(),
        email: format!("{username}@example.com"),
        password: PW.into(),
        display_name: None,
        is_admin,
        email_verified: true,
    };
    create_user(&w.app.services, new).await.expect("user")
}

/// `POST /api/v1/me/password` or `PATCH /api/v1/me` with a bearer token: status and body.
async fn call_me(w: &World, method: Method, path: &str, token: &str, body: Value) -> (u16, Value) {
    let resp = http()
        .request(method, w.app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or_default())
}

async fn a_profile_token_cannot_change_the_password_the_name_or_the_language_nor_read_the_email(
    b: Backend,
) {
    let w = world(b).await;
    let app = app_with(
        &w.app,
        &w.user.id,
        &["password"],
        "profile profile:write email",
    )
    .await;
    let profile = access(&password_tokens(&w.app, &app, "alice", PW, "profile").await);

    let me = raw(&w.app, Method::GET, "/api/v1/me", Some(&profile), None).await;
    assert_eq!(me.status, 200);
    let me = me.json();
    assert_eq!(me["username"], "alice");
    for hidden in ["email", "email_verified", "is_admin"] {
        assert!(
            me.get(hidden).is_none(),
            "{hidden} shown to a profile token: {me}"
        );
    }
    let with_email = access(&password_tokens(&w.app, &app, "alice", PW, "profile email").await);
    let me = raw(&w.app, Method::GET, "/api/v1/me", Some(&with_email), None)
        .await
        .json();
    assert_eq!(
        (me["email"].as_str(), me["email_verified"].as_bool()),
        (Some("alice@example.com"), Some(true))
    );
    assert!(me.get("is_admin").is_none());

    // No password change through a token, right or wrong current password: no oracle either.
    for current in ["not the password", PW] {
        let body = json!({"current_password": current, "new_password": "a brand new passphrase"});
        let (status, err) =
            call_me(&w, Method::POST, "/api/v1/me/password", &with_email, body).await;
        assert_eq!(
            (status, err["error"].as_str()),
            (403, Some("forbidden")),
            "{err}"
        );
    }
    password_tokens(&w.app, &app, "alice", PW, "profile").await; // the password is unchanged

    let rename = json!({"display_name": "Mallory"});
    let (status, err) = call_me(&w, Method::PATCH, "/api/v1/me", &profile, rename.clone()).await;
    assert_eq!(
        (status, err["error"].as_str()),
        (403, Some("insufficient_scope"))
    );
    let relocale = json!({"locale": "zh-CN"});
    let (status, err) = call_me(&w, Method::PATCH, "/api/v1/me", &profile, relocale).await;
    assert_eq!(
        (status, err["error"].as_str()),
        (403, Some("insufficient_scope"))
    );
    let writer = access(&password_tokens(&w.app, &app, "alice", PW, "profile profile:write").await);
    let (status, me) = call_me(&w, Method::PATCH, "/api/v1/me", &writer, rename).await;
    assert_eq!(
        (status, me["display_name"].as_str(), me["locale"].as_str()),
        (200, Some("Mallory"), None),
        "neither the name nor the language changed under the profile-only token"
    );
    w.app.stop().await;
}

async fn client_credentials(w: &World, id: &str, secret: &str) -> (u16, Value) {
    let form = [("grant_type", "client_credentials")];
    let (status, _, body) = post_form(&w.app, "/oauth2/token", Some((id, secret)), &form).await;
    (status, body)
}

async fn a_disabled_owners_apps_are_refused_and_their_tokens_inactive_until_enabled(b: Backend) {
    let w = world(b).await;
    let bob = person(&w, "bob", false).await;
    let app = app_with(
        &w.app,
        &bob.id,
        &["password", "client_credentials"],
        "profile",
    )
    .await;
    let (id, secret) = (app.client.client_id.clone(), app.secret.clone().unwrap());
    let alice_token = access(&password_tokens(&w.app, &app, "alice", PW, "profile").await);
    let (status, cc) = client_credentials(&w, &id, &secret).await;
    assert_eq!(status, 200, "{cc}");
    let cc_token = cc["access_token"].as_str().unwrap().to_owned();

    let admin = w.app.stored_user("admin").await;
    set_user_disabled(&w.app.services, &admin, &bob.id, true)
        .await
        .unwrap();
    let (status, err) = client_credentials(&w, &id, &secret).await;
    assert_eq!(
        (status, err["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let me = raw(&w.app, Method::GET, "/api/v1/me", Some(&alice_token), None).await;
    assert_eq!(
        me.status, 401,
        "a disabled owner's app cannot act for its users"
    );
    for t in [&alice_token, &cc_token] {
        assert_eq!(
            crate::helpers::oauth::introspect(&w, t).await["active"],
            false
        );
    }

    set_user_disabled(&w.app.services, &admin, &bob.id, false)
        .await
        .unwrap();
    assert_eq!(client_credentials(&w, &id, &secret).await.0, 200);
    let me = raw(&w.app, Method::GET, "/api/v1/me", Some(&alice_token), None).await;
    assert_eq!(me.status, 200, "enabling the owner restores the app");
    w.app.stop().await;
}

async fn refresh(
    w: &World,
    app: &auth_center::service::clients::CreatedClient,
    rt: &BasicTokenResponse,
) -> String {
    let fresh = oauth2_client(&w.app, app)
        .exchange_refresh_token(rt.refresh_token().unwrap())
        .request_async(&http())
        .await
        .expect("refresh");
    let scopes: Vec<String> = fresh
        .scopes()
        .unwrap()
        .iter()
        .map(|s| s.to_string())
        .collect();
    scopes.join(" ")
}

async fn a_refresh_drops_scopes_the_app_lost_and_admin_from_a_demoted_user(b: Backend) {
    let w = world(b).await;
    let root = person(&w, "root", true).await;
    let app = app_with(
        &w.app,
        &root.id,
        &["password", "refresh_token"],
        "profile email admin",
    )
    .await;
    let first = password_tokens(&w.app, &app, "root", PW, "profile email admin").await;

    let stores = &w.app.services.stores;
    let mut client = app.client.clone();
    client.scopes = vec!["admin".into(), "profile".into()];
    stores.clients.update_client(&client).await.unwrap();
    assert_eq!(refresh(&w, &app, &first).await, "admin profile");

    let again = password_tokens(&w.app, &app, "root", PW, "profile admin").await;
    let mut demoted = stores.users.get_user(&root.id).await.unwrap();
    demoted.is_admin = false;
    stores.users.update_user(&demoted).await.unwrap();
    assert_eq!(refresh(&w, &app, &again).await, "profile");
    w.app.stop().await;
}

async fn introspect_as(
    w: &World,
    app: &auth_center::service::clients::CreatedClient,
    token: &str,
) -> Value {
    let creds = (
        app.client.client_id.as_str(),
        app.secret.as_deref().unwrap(),
    );
    let (status, _, body) = post_form(
        &w.app,
        "/oauth2/introspect",
        Some(creds),
        &[("token", token)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn an_app_introspects_only_its_own_tokens_unless_it_is_a_resource_server(b: Backend) {
    let w = world(b).await;
    let scanner = app_with(
        &w.app,
        &w.user.id,
        &["client_credentials", "password"],
        "profile",
    )
    .await;
    let other = app_with(
        &w.app,
        &w.user.id,
        &["password", "refresh_token"],
        "profile",
    )
    .await;
    let own = password_tokens(&w.app, &scanner, "alice", PW, "profile").await;
    let theirs = password_tokens(&w.app, &other, "alice", PW, "profile").await;
    assert_eq!(
        introspect_as(&w, &scanner, &access(&own)).await["active"],
        true
    );
    for t in [
        access(&theirs),
        theirs.refresh_token().unwrap().secret().clone(),
    ] {
        assert_eq!(
            introspect_as(&w, &scanner, &t).await,
            json!({"active": false})
        );
    }
    // A resource server (flagged by an administrator) learns about every app's tokens.
    let mut flagged = scanner.client.clone();
    flagged.introspection = true;
    w.app
        .services
        .stores
        .clients
        .update_client(&flagged)
        .await
        .unwrap();
    let body = introspect_as(&w, &scanner, &access(&theirs)).await;
    assert_eq!(
        (body["active"].as_bool(), body["client_id"].as_str()),
        (Some(true), Some(other.client.client_id.as_str()))
    );
    w.app.stop().await;
}

/// One rule for every grant: an empty `scope=` means every scope the request may have, as at
/// `/oauth2/authorize` (it used to mean NO scope at three grants).
async fn an_empty_scope_means_every_allowed_scope_at_every_grant(b: Backend) {
    let w = world(b).await;
    let grants = ["password", "refresh_token", "client_credentials"];
    let app = app_with(&w.app, &w.user.id, &grants, "profile email").await;
    let creds = Some((
        app.client.client_id.as_str(),
        app.secret.as_deref().unwrap(),
    ));
    let app_ref = &w.app;
    let token = |form: Vec<(&'static str, String)>| async move {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, _, body) = post_form(app_ref, "/oauth2/token", creds, &pairs).await;
        assert_eq!(status, 200, "{body}");
        body
    };
    let cc = token(vec![
        ("grant_type", "client_credentials".into()),
        ("scope", String::new()),
    ])
    .await;
    assert_eq!(cc["scope"], "email profile");
    let pw = token(vec![
        ("grant_type", "password".into()),
        ("username", "alice".into()),
        ("password", PW.into()),
        ("scope", " ".into()),
    ])
    .await;
    assert_eq!(pw["scope"], "email profile");
    let rt = pw["refresh_token"].as_str().unwrap().to_owned();
    let refreshed = token(vec![
        ("grant_type", "refresh_token".into()),
        ("refresh_token", rt),
        ("scope", String::new()),
    ])
    .await;
    assert_eq!(refreshed["scope"], "email profile");
    w.app.stop().await;
}

on_both_stores!(
    an_empty_scope_means_every_allowed_scope_at_every_grant,
    a_profile_token_cannot_change_the_password_the_name_or_the_language_nor_read_the_email,
    a_disabled_owners_apps_are_refused_and_their_tokens_inactive_until_enabled,
    a_refresh_drops_scopes_the_app_lost_and_admin_from_a_demoted_user,
    an_app_introspects_only_its_own_tokens_unless_it_is_a_resource_server,
);
