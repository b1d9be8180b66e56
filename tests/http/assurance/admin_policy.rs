//! `accounts.require_second_factor_for_admins`: an administrator without a second factor is
//! sent to enrolment from every page and acts as an administrator nowhere until enrolled; and
//! an administrator removing a person's second factor (the admin API).

use crate::helpers::authz::{access, password_app, password_tokens};
use crate::helpers::caller::Caller;
use crate::helpers::mail::{sink, spawn_with_smtp, unique_address, wait_for_text};
use crate::helpers::two_factor::{enrol_at, enrol_signed_in, signed_in, PASSWORD};
use crate::helpers::{test_settings, Backend, TestApp};

const ENROL: &str = "/accounts/profile/two-factor/";

async fn admin_get(app: &TestApp, bearer: Option<&str>) -> (u16, serde_json::Value) {
    let url = app.url("/api/v1/admin/users");
    let req = match bearer {
        Some(t) => crate::helpers::oauth::http().get(url).bearer_auth(t),
        None => app.client.get(url),
    };
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or_default())
}

async fn an_admin_without_a_second_factor_is_sent_to_enrol_and_acts_as_admin_nowhere_until_then(
    backend: Backend,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(backend, dir.path());
    settings.accounts.require_second_factor_for_admins = true;
    let app = TestApp::spawn_with(settings, dir).await;
    let pw = app
        .admin_password
        .clone()
        .expect("generated admin password");
    // A token with the admin scope, asked for before the policy could be met.
    let admin = app.stored_user("admin").await;
    let c = password_app(&app, &admin.id).await;
    let token = access(&password_tokens(&app, &c, "admin", &pw, "admin profile").await);

    let signed = app.login("admin", &pw).await;
    assert_eq!(signed.status(), 303);
    for page in [
        "/",
        "/accounts/profile/",
        "/oauth/applications/",
        "/accounts/sessions/",
    ] {
        let resp = app.get(page).await;
        assert_eq!(resp.status(), 303, "{page}");
        assert_eq!(resp.headers()["location"], ENROL, "{page}");
    }
    assert_eq!(app.get(ENROL).await.status(), 200);
    for bearer in [None, Some(token.as_str())] {
        let (status, body) = admin_get(&app, bearer).await;
        assert_eq!(status, 403, "{bearer:?} {body}");
        assert_eq!(body["error"], "second_factor_required", "{body}");
    }
    // Not an administrator's business: their own profile through the token still works.
    let me = crate::helpers::oauth::http()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token);
    assert_eq!(me.send().await.unwrap().status(), 200);

    enrol_signed_in(&app).await;
    assert_eq!(app.get("/accounts/profile/").await.status(), 200);
    for bearer in [None, Some(token.as_str())] {
        let (status, body) = admin_get(&app, bearer).await;
        assert_eq!(status, 200, "{bearer:?} {body}");
    }
    app.stop().await;
}

async fn an_admin_removes_a_second_factor_ending_the_persons_sessions_and_mailing_them(
    backend: Backend,
) {
    let (port, dir) = sink();
    let app = spawn_with_smtp(backend, port).await;
    let email = unique_address("jane");
    enrol_at(&app, &email).await;
    assert!(signed_in(&app, &app.client).await);
    let jane = app.stored_user("jane").await;
    let path = format!("/api/v1/admin/users/{}/second-factor", jane.id);

    app.create_user("bob", &unique_address("bob"), PASSWORD)
        .await;
    let bob = Caller::login(&app, "bob", PASSWORD).await;
    let (status, body) = bob.delete(&path).await;
    assert_eq!(status, 403, "{body}");
    assert!(signed_in(&app, &app.client).await, "nothing changed");

    let admin = Caller::admin(&app).await;
    let (status, body) = admin.delete(&path).await;
    assert_eq!(status, 204, "{body}");
    assert!(!signed_in(&app, &app.client).await, "her sessions ended");
    let svc = app.services().await;
    let factor = svc.stores.second_factors.get_second_factor(&jane.id).await;
    assert!(factor.unwrap().is_none());
    let mail = wait_for_text(&dir, &email, "Two-step verification was turned off").await;
    assert!(
        mail.raw
            .contains("Subject: Two-step verification was turned off"),
        "{}",
        mail.raw
    );
    let (status, _) = admin.delete(&path).await;
    assert_eq!(status, 404, "none left to remove");
    let (status, _) = admin
        .delete("/api/v1/admin/users/nobody/second-factor")
        .await;
    assert_eq!(status, 404);
    // Her password alone signs her in again.
    assert_eq!(app.login("jane", PASSWORD).await.status(), 303);
    assert!(signed_in(&app, &app.client).await);
    app.stop().await;
}

on_both_stores!(
    an_admin_without_a_second_factor_is_sent_to_enrol_and_acts_as_admin_nowhere_until_then,
    an_admin_removes_a_second_factor_ending_the_persons_sessions_and_mailing_them,
);
