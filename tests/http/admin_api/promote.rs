//! Making and removing administrators through the admin API: the person's session gains and
//! loses the administration at once; nobody demotes themself; two administrators demoting each
//! other at once leave one.

use super::fixtures;
use crate::helpers::caller::Caller;
use crate::helpers::{Backend, TestApp};
use auth_center::service::admin;
use serde_json::json;

const PW: &str = "a long enough password";

async fn an_administrator_makes_and_removes_administrators_through_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    let as_jane = Caller::login(&app, "jane", PW).await;
    let promote = format!("/api/v1/admin/users/{}/promote", jane.id);
    let demote = format!("/api/v1/admin/users/{}/demote", jane.id);
    // A person cannot make themself an administrator.
    assert_eq!(as_jane.post(&promote, json!({})).await.0, 403);
    assert_eq!(as_jane.get("/api/v1/admin/users").await.0, 403);

    let (status, body) = admin.post(&promote, json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["is_admin"], true);
    assert_eq!(as_jane.get("/api/v1/admin/users").await.0, 200);
    // Again: nothing changes.
    assert_eq!(admin.post(&promote, json!({})).await.1["is_admin"], true);

    // Jane may not demote herself; the other administrator may.
    let own = format!("/api/v1/admin/users/{}/demote", jane.id);
    let (status, body) = as_jane.post(&own, json!({})).await;
    assert_eq!(status, 409, "{body}");
    let (status, body) = admin.post(&demote, json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["is_admin"], false);
    assert_eq!(as_jane.get("/api/v1/admin/users").await.0, 403);

    let svc = app.services().await;
    assert!(!svc.stores.users.get_user(&jane.id).await.unwrap().is_admin);
    let unknown = "/api/v1/admin/users/no-such-account/promote";
    assert_eq!(admin.post(unknown, json!({})).await.0, 404);
    app.stop().await;
}

/// An administrator's token promotes and demotes only with the `admin` scope: without it, 403
/// `insufficient_scope` and the account keeps its flag.
async fn an_admins_token_without_the_admin_scope_promotes_no_one(backend: Backend) {
    use crate::helpers::authz::{access, password_app, password_tokens};

    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PW).await;
    let admin = app.stored_user("admin").await;
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    let client = password_app(&app, &admin.id).await;
    let http = reqwest::Client::new();
    let svc = app.services().await;
    for (scope, status, is_admin) in [("profile", 403, false), ("admin", 200, true)] {
        let token = access(&password_tokens(&app, &client, "admin", &pw, scope).await);
        let url = app.url(&format!("/api/v1/admin/users/{}/promote", jane.id));
        let resp = http.post(url).bearer_auth(&token).send().await.unwrap();
        assert_eq!(resp.status(), status, "promote with {scope}");
        if status == 403 {
            let body: serde_json::Value = resp.json().await.unwrap();
            assert_eq!(body["error"], "insufficient_scope", "{body}");
        }
        let stored = svc.stores.users.get_user(&jane.id).await.unwrap();
        assert_eq!(stored.is_admin, is_admin, "after promote with {scope}");
    }
    app.stop().await;
}

async fn two_administrators_demoting_each_other_at_once_leave_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let svc = app.services().await;
    let first = svc
        .stores
        .users
        .find_user_by_username("admin")
        .await
        .unwrap();
    let second = fixtures::admin_user(&svc, "root2").await;
    let (a, b) = tokio::join!(
        admin::set_user_admin(&svc, &first, &second.id, false),
        admin::set_user_admin(&svc, &second, &first.id, false),
    );
    assert!(a.is_err() || b.is_err(), "both demotions succeeded");
    assert!(svc.stores.users.count_enabled_admins().await.unwrap() >= 1);
    app.stop().await;
}

on_both_stores!(
    an_administrator_makes_and_removes_administrators_through_the_api,
    an_admins_token_without_the_admin_scope_promotes_no_one,
    two_administrators_demoting_each_other_at_once_leave_one,
);
