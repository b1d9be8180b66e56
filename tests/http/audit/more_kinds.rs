//! The kinds of event added after the first set, each caused through the pages or the JSON
//! API and read back through the admin API with its actor, subject, app and address: an
//! account registered (page and API) and its address verified, refusals by the mail and
//! registration limits (without the address), new recovery codes, an administrator removing a
//! second factor, and resource servers created, changed and deleted.

use serde_json::json;

use super::{assert_event, event, events_until, PW};
use crate::helpers::caller::Caller;
use crate::helpers::mail::wait_for_mail;
use crate::helpers::two_factor::{self, post};
use crate::helpers::{extract_hidden, test_settings, Backend, TestApp};

async fn registrations_and_verified_addresses_are_recorded_as_the_new_persons_own(b: Backend) {
    let app = TestApp::spawn(b).await;
    let admin = Caller::admin(&app).await;
    assert_eq!(
        app.register("jane", "jane@example.com", PW).await.status(),
        303
    );
    let jane = app.stored_user("jane").await;
    let registered = event(&admin, "account.registered", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&registered, &jane.id, Some(&jane.id), None);

    let mail = wait_for_mail(&app.mail_dir(), "jane@example.com", 1).await;
    let page = mail.link_path("/accounts/verify-email/");
    let html = app.get(&page).await.text().await.unwrap();
    let token = extract_hidden(&html, "token").unwrap();
    let verify = app
        .submit(&page, "/accounts/verify-email/", &[("token", &token)])
        .await;
    assert_eq!(verify.status(), 303);
    let verified = event(&admin, "email.verified", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&verified, &jane.id, Some(&jane.id), None);

    let body = json!({"username": "ann", "email": "ann@example.com", "password": PW});
    let resp = app
        .client
        .post(app.url("/api/v1/users/register"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let ann = app.stored_user("ann").await;
    let registered = event(&admin, "account.registered", |e| {
        e["subject"] == ann.id.as_str()
    })
    .await;
    assert_event(&registered, &ann.id, Some(&ann.id), None);
    let all = events_until(&admin, "limit=100", |_| true).await;
    for e in &all {
        let text = e.to_string();
        assert!(!text.contains(&token) && !text.contains(PW), "{text}");
    }
    app.stop().await;
}

async fn refusals_by_the_mail_and_registration_limits_are_recorded_without_the_address(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.mail.max_per_recipient_per_minute = 1;
    settings.accounts.max_registrations_per_ip_per_hour = 1;
    let app = TestApp::spawn_with(settings, dir).await;
    app.create_user("jane", "jane@example.com", PW).await;
    let admin = Caller::admin(&app).await;
    for _ in 0..2 {
        let resp = app
            .client
            .post(app.url("/api/v1/users/password-reset"))
            .json(&json!({"email": "jane@example.com"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 204, "answered alike, sent or not");
    }
    let mail = event(&admin, "throttle.refused", |e| {
        e["details"]["check"] == "mail"
    })
    .await;
    assert_event(&mail, "anonymous", None, None);
    assert_eq!(mail["reason"], "throttled");
    assert_eq!(mail["details"]["mail"], "reset_password");
    assert_eq!(mail["details"]["limit"], "recipient_minute");
    assert!(!mail.to_string().contains("jane@example.com"), "{mail}");

    for (name, status) in [("ann", 201), ("ben", 429)] {
        let body =
            json!({"username": name, "email": format!("{name}@example.com"), "password": PW});
        let resp = app
            .client
            .post(app.url("/api/v1/users/register"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), status, "{name}");
    }
    let refused = event(&admin, "throttle.refused", |e| {
        e["details"]["check"] == "registration"
    })
    .await;
    assert_event(&refused, "anonymous", None, None);
    assert_eq!(refused["reason"], "throttled");
    assert!(
        !refused.to_string().contains("ben@example.com"),
        "{refused}"
    );
    app.stop().await;
}

async fn new_recovery_codes_and_an_administrators_removal_of_a_second_factor_are_recorded(
    b: Backend,
) {
    let app = TestApp::spawn(b).await;
    let (_, codes) = two_factor::enrol(&app).await;
    let jane = app.stored_user("jane").await;
    let admin = Caller::admin(&app).await;
    let admin_id = app.stored_user("admin").await.id;
    let csrf = app.csrf_token("/accounts/profile/two-factor/").await;
    let form = [("proof", two_factor::PASSWORD), ("csrf_token", &csrf)];
    let path = "/accounts/profile/two-factor/recovery-codes/";
    assert_eq!(post(&app.client, &app, path, &form).await.status(), 200);
    let renewed = event(&admin, "recovery_codes.regenerated", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&renewed, &jane.id, Some(&jane.id), None);

    let path = format!("/api/v1/admin/users/{}/second-factor", jane.id);
    let (status, body) = admin.delete(&path).await;
    assert_eq!(status, 204, "{body}");
    let reset = event(&admin, "admin.second_factor_reset", |e| {
        e["subject"] == jane.id.as_str()
    })
    .await;
    assert_event(&reset, &admin_id, Some(&jane.id), None);
    assert_eq!(reset["details"]["sessions_ended"], "1", "{reset}");
    let all = events_until(&admin, &format!("user={}", jane.id), |_| true).await;
    for e in &all {
        let text = e.to_string();
        for code in &codes {
            assert!(!text.contains(code.as_str()), "{text}");
        }
        assert!(!text.contains(two_factor::PASSWORD), "{text}");
    }
    app.stop().await;
}

async fn resource_servers_created_changed_and_deleted_are_recorded(b: Backend) {
    let app = TestApp::spawn(b).await;
    let admin = Caller::admin(&app).await;
    let admin_id = app.stored_user("admin").await.id;
    let orders = "https://orders.example/api";
    let body = json!({"identifier": orders, "name": "Orders", "scopes": [{"name": "orders:read"}]});
    let (status, created) = admin.post("/api/v1/admin/resources", body).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    let e = event(&admin, "admin.resource_server_created", |e| {
        e["details"]["resource_server"] == id.as_str()
    })
    .await;
    assert_event(&e, &admin_id, None, None);
    assert_eq!(e["details"]["resource"], orders);
    let path = format!("/api/v1/admin/resources/{id}");
    let (status, changed) = admin.patch(&path, json!({"name": "Order book"})).await;
    assert_eq!(status, 200, "{changed}");
    let e = event(&admin, "admin.resource_server_changed", |e| {
        e["details"]["resource_server"] == id.as_str()
    })
    .await;
    assert_event(&e, &admin_id, None, None);
    let (status, body) = admin.delete(&path).await;
    assert_eq!(status, 204, "{body}");
    let e = event(&admin, "admin.resource_server_deleted", |e| {
        e["details"]["resource_server"] == id.as_str()
    })
    .await;
    assert_event(&e, &admin_id, None, None);
    let (status, _) = admin.delete(&path).await;
    assert_eq!(status, 404);
    let deleted = events_until(&admin, "type=admin.resource_server_deleted", |_| true).await;
    assert_eq!(deleted.len(), 1, "a refused deletion records nothing");
    app.stop().await;
}

on_both_stores!(
    registrations_and_verified_addresses_are_recorded_as_the_new_persons_own,
    refusals_by_the_mail_and_registration_limits_are_recorded_without_the_address,
    new_recovery_codes_and_an_administrators_removal_of_a_second_factor_are_recorded,
    resource_servers_created_changed_and_deleted_are_recorded,
);
