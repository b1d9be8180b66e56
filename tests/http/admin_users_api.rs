//! The admin API for accounts, through HTTP against a spawned app on both stores: only
//! administrators get in; listing pages and searches; disabling ends sessions and grants;
//! deleting removes everything that belonged to the account (checked through the stores); an
//! administrator cannot remove themself, and the last enabled administrator stays.

use crate::helpers::caller;
#[path = "admin_api/fixtures.rs"]
mod fixtures;
#[path = "admin_api/promote.rs"]
mod promote;

use crate::helpers::{Backend, TestApp};
use auth_center::service::admin;
use auth_center::service::ServiceError;
use auth_center::store::StoreError;
use caller::{fields, names, Caller};
use serde_json::json;

const PW: &str = "a long enough password";

async fn a_non_admin_is_refused_and_an_anonymous_caller_is_unauthorized(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "jane@example.com", PW).await;
    let caller = Caller::login(&app, "jane", PW).await;
    let (status, body) = caller.get("/api/v1/admin/users").await;
    assert_eq!(status, 403);
    assert_eq!(body["error"], "insufficient_scope");
    let www = caller.www_authenticate("/api/v1/admin/groups").await;
    assert!(
        www.contains("error=\"insufficient_scope\", scope=\"admin\""),
        "{www}"
    );
    let (status, _) = caller
        .post("/api/v1/admin/groups", json!({"name": "x"}))
        .await;
    assert_eq!(status, 403);
    let (status, _) = caller
        .post(
            &format!("/api/v1/admin/users/{}/disable", jane.id),
            json!({}),
        )
        .await;
    assert_eq!(status, 403);
    let svc = app.services().await;
    assert!(!svc.stores.users.get_user(&jane.id).await.unwrap().disabled);
    assert_eq!(
        svc.stores
            .groups
            .list_groups(Default::default())
            .await
            .unwrap()
            .total,
        0
    );
    assert_eq!(app.get("/api/v1/admin/users").await.status(), 401);
    // An administrator's session call without the CSRF header is refused, changing nothing.
    let admin = Caller::admin(&app).await;
    let path = format!("/api/v1/admin/users/{}/disable", jane.id);
    assert_eq!(admin.post_without_csrf(&path).await, 403);
    assert!(!svc.stores.users.get_user(&jane.id).await.unwrap().disabled);
    app.stop().await;
}

async fn users_are_listed_by_username_in_pages_and_found_by_search(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (u, e) in [
        ("dave", "dave@corp.example"),
        ("alice", "alice@example.com"),
        ("Carol", "carol@corp.example"),
        ("bob", "bob@example.com"),
    ] {
        app.create_user(u, e, PW).await;
    }
    let admin = Caller::admin(&app).await;
    let (status, page) = admin.get("/api/v1/admin/users?limit=2").await;
    assert_eq!(status, 200);
    assert_eq!(names(&page, "username"), ["admin", "alice"]);
    assert_eq!(
        (page["total"].as_u64(), page["offset"].as_u64()),
        (Some(5), Some(0))
    );
    assert_eq!(page["limit"], 2);
    let (_, page) = admin.get("/api/v1/admin/users?offset=2&limit=2").await;
    assert_eq!(names(&page, "username"), ["bob", "Carol"]);
    let (_, page) = admin.get("/api/v1/admin/users?offset=4&limit=2").await;
    assert_eq!(names(&page, "username"), ["dave"]);
    assert_eq!(page["total"], 5);
    let (_, found) = admin.get("/api/v1/admin/users?search=CAR").await;
    assert_eq!(names(&found, "username"), ["Carol"]);
    assert_eq!(found["total"], 1);
    let (_, found) = admin.get("/api/v1/admin/users?search=corp.EXAMPLE").await;
    assert_eq!(names(&found, "username"), ["Carol", "dave"]);
    assert!(found["items"][0].get("password_hash").is_none());
    for (query, field) in [("limit=0", "limit"), ("limit=201", "limit")] {
        let (status, body) = admin.get(&format!("/api/v1/admin/users?{query}")).await;
        assert_eq!(status, 422, "{query}");
        assert_eq!(fields(&body), [field]);
    }
    let long = "x".repeat(101);
    let (status, body) = admin
        .get(&format!("/api/v1/admin/users?search={long}"))
        .await;
    assert_eq!(
        (status.as_u16(), fields(&body)),
        (422, vec!["search".to_owned()])
    );
    app.stop().await;
}

async fn an_admin_gets_an_account_and_an_unknown_id_is_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let jane = app.create_user("jane", "Jane@Example.com", PW).await;
    let admin = Caller::admin(&app).await;
    let (status, user) = admin.get(&format!("/api/v1/admin/users/{}", jane.id)).await;
    assert_eq!(status, 200);
    assert_eq!(user["username"], "jane");
    assert_eq!(user["email"], "Jane@Example.com");
    assert_eq!(
        (user["is_admin"].as_bool(), user["disabled"].as_bool()),
        (Some(false), Some(false))
    );
    assert!(user.get("password_hash").is_none());
    let (status, body) = admin.get("/api/v1/admin/users/no-such-id").await;
    assert_eq!(
        (status.as_u16(), body["error"].as_str()),
        (404, Some("not_found"))
    );
    app.stop().await;
}

async fn disabling_an_account_ends_its_sessions_and_grants_until_it_is_enabled(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let svc = app.services().await;
    let jane = app.create_user("jane", "jane@example.com", PW).await;
    let jane_session = Caller::login(&app, "jane", PW).await;
    assert_eq!(jane_session.get("/api/v1/me").await.0, 200);
    let app_id = fixtures::app_owned_by(&svc, "admin").await;
    let grant = fixtures::grant(&svc, &jane.id, &app_id).await;
    let admin = Caller::admin(&app).await;
    let (status, user) = admin
        .post(
            &format!("/api/v1/admin/users/{}/disable", jane.id),
            json!({}),
        )
        .await;
    assert_eq!(
        (status.as_u16(), user["disabled"].as_bool()),
        (200, Some(true))
    );
    assert_eq!(jane_session.get("/api/v1/me").await.0, 401);
    let g = svc.stores.grants.get_grant(&grant).await.unwrap();
    assert!(g.revoked_at.is_some(), "the grant is revoked");
    assert_ne!(fixtures::login_status(&app, "jane", PW).await, 303);
    let (status, user) = admin
        .post(
            &format!("/api/v1/admin/users/{}/enable", jane.id),
            json!({}),
        )
        .await;
    assert_eq!(
        (status.as_u16(), user["disabled"].as_bool()),
        (200, Some(false))
    );
    let back = Caller::login(&app, "jane", PW).await;
    assert_eq!(back.get("/api/v1/me").await.0, 200);
    let (status, _) = admin
        .post("/api/v1/admin/users/no-such-id/disable", json!({}))
        .await;
    assert_eq!(status, 404);
    app.stop().await;
}

async fn deleting_an_account_removes_everything_that_belongs_to_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let svc = app.services().await;
    let world = fixtures::World::build(&app, &svc).await;
    let admin = Caller::admin(&app).await;
    let (status, _) = admin
        .delete(&format!("/api/v1/admin/users/{}", world.jane))
        .await;
    assert_eq!(status, 204);
    world.assert_jane_is_gone_and_bob_keeps_his_own(&svc).await;
    let (status, _) = admin
        .delete(&format!("/api/v1/admin/users/{}", world.jane))
        .await;
    assert_eq!(status, 404);
    app.stop().await;
}

async fn an_admin_cannot_disable_or_delete_their_own_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let svc = app.services().await;
    let me = svc
        .stores
        .users
        .find_user_by_username("admin")
        .await
        .unwrap();
    let admin = Caller::admin(&app).await;
    let (status, body) = admin
        .post(&format!("/api/v1/admin/users/{}/disable", me.id), json!({}))
        .await;
    assert_eq!(
        (status.as_u16(), body["error"].as_str()),
        (409, Some("conflict"))
    );
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("your own account"));
    let (status, _) = admin
        .delete(&format!("/api/v1/admin/users/{}", me.id))
        .await;
    assert_eq!(status, 409);
    let still = svc.stores.users.get_user(&me.id).await.unwrap();
    assert!(!still.disabled);
    assert_eq!(
        admin.get("/api/v1/me").await.0,
        200,
        "the session is intact"
    );
    app.stop().await;
}

async fn the_last_enabled_administrator_cannot_be_disabled_or_deleted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let svc = app.services().await;
    let first = svc
        .stores
        .users
        .find_user_by_username("admin")
        .await
        .unwrap();
    let second = fixtures::admin_user(&svc, "root2").await;
    // Another administrator may disable the second one: the first stays enabled.
    let admin = Caller::admin(&app).await;
    let (status, _) = admin
        .post(
            &format!("/api/v1/admin/users/{}/disable", second.id),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    // Now the first is the last enabled administrator: nobody may remove it.
    let refused = admin::set_user_disabled(&svc, &second, &first.id, true).await;
    assert!(matches!(refused, Err(ServiceError::Refused(ref m)) if m.contains("last enabled")));
    let refused = admin::delete_user(&svc, &second, &first.id).await;
    assert!(
        matches!(refused, Err(ServiceError::Refused(_))),
        "{refused:?}"
    );
    assert!(!svc.stores.users.get_user(&first.id).await.unwrap().disabled);
    assert_eq!(svc.stores.users.count_enabled_admins().await.unwrap(), 1);
    // A disabled administrator is not counted and may go.
    admin::delete_user(&svc, &first, &second.id).await.unwrap();
    assert!(matches!(
        svc.stores.users.get_user(&second.id).await,
        Err(StoreError::NotFound)
    ));
    app.stop().await;
}

async fn two_administrators_removing_each_other_at_once_leave_one_enabled(backend: Backend) {
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
        admin::delete_user(&svc, &first, &second.id),
        admin::delete_user(&svc, &second, &first.id),
    );
    assert!(a.is_err() || b.is_err(), "both deletions succeeded");
    assert!(svc.stores.users.count_enabled_admins().await.unwrap() >= 1);
    app.stop().await;
}

/// Security finding 3: disabling an account kills every link it was mailed (all purposes), so
/// enabling it again does not bring a pending change of email back.
async fn finding_3_disabling_an_account_deletes_its_email_links(backend: Backend) {
    use auth_center::domain::EmailTokenPurpose::{ChangeEmail, ResetPassword, VerifyEmail};
    let app = TestApp::spawn(backend).await;
    let svc = app.services().await;
    let jane = app.create_user("jane", "jane@example.com", PW).await;
    let mut tokens = Vec::new();
    for purpose in [VerifyEmail, ResetPassword, ChangeEmail] {
        tokens.push((
            fixtures::email_token(&svc, &jane.id, purpose).await,
            purpose,
        ));
    }
    let admin = Caller::admin(&app).await;
    for verb in ["disable", "enable"] {
        let path = format!("/api/v1/admin/users/{}/{verb}", jane.id);
        assert_eq!(admin.post(&path, json!({})).await.0, 200);
    }
    for (digest, purpose) in tokens {
        let left = svc
            .stores
            .email_tokens
            .consume_email_token(&digest, purpose);
        assert_eq!(left.await.unwrap(), None, "{purpose:?}");
    }
    app.stop().await;
}

/// Security finding 3: a link of a disabled account verifies nothing (the same answer as an
/// invalid link), so a disabled account cannot be moved to another address.
async fn finding_3_a_disabled_account_cannot_follow_an_email_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let svc = app.services().await;
    let jane = app.create_user("jane", "jane@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    let path = format!("/api/v1/admin/users/{}/disable", jane.id);
    assert_eq!(admin.post(&path, json!({})).await.0, 200);
    let raw = "a-change-of-email-token-of-a-disabled-account";
    let now = svc.now();
    let token = auth_center::domain::EmailToken {
        digest: auth_center::crypto::digest(raw),
        user_id: jane.id.clone(),
        purpose: auth_center::domain::EmailTokenPurpose::ChangeEmail,
        email: "mallory@evil.example".into(),
        created_at: now,
        expires_at: now + chrono::Duration::minutes(30),
    };
    svc.stores
        .email_tokens
        .insert_email_token(&token)
        .await
        .unwrap();
    let page = format!("/accounts/verify-email/?token={raw}");
    let resp = app
        .submit(&page, "/accounts/verify-email/", &[("token", raw)])
        .await;
    assert_eq!(resp.status(), 400, "the answer of an invalid link");
    let html = resp.text().await.unwrap();
    assert!(
        html.contains("has already been used or has expired"),
        "{html}"
    );
    let stored = svc.stores.users.get_user(&jane.id).await.unwrap();
    assert_eq!(stored.email.as_str(), "jane@example.com");
    app.stop().await;
}

on_both_stores!(
    finding_3_disabling_an_account_deletes_its_email_links,
    finding_3_a_disabled_account_cannot_follow_an_email_link,
    a_non_admin_is_refused_and_an_anonymous_caller_is_unauthorized,
    users_are_listed_by_username_in_pages_and_found_by_search,
    an_admin_gets_an_account_and_an_unknown_id_is_not_found,
    disabling_an_account_ends_its_sessions_and_grants_until_it_is_enabled,
    deleting_an_account_removes_everything_that_belongs_to_it,
    an_admin_cannot_disable_or_delete_their_own_account,
    the_last_enabled_administrator_cannot_be_disabled_or_deleted,
    two_administrators_removing_each_other_at_once_leave_one_enabled,
);
