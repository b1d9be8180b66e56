//! The Apps API through the generated Rust SDK, on both stores: the complete life of an app
//! (register → client_credentials → code flow through the pages → new redirect URIs → secret
//! rotation with its grace period → deletion killing its tokens), isolation between owners,
//! the administrator's view, bad input refused field by field with nothing stored, and the
//! original system's PUT/DELETE paths.

#[path = "apps/admin_token.rs"]
mod admin_token;
#[path = "apps/support.rs"]
mod apps_support;

use crate::helpers::oauth::introspect;
use crate::helpers::Backend;
use apps_support::*;
use auth_center_sdk::types;

const OTHER_REDIRECT: &str = "http://127.0.0.1:9/other";

async fn an_app_lives_from_registration_to_deletion_and_its_tokens_die_with_it(b: Backend) {
    let w = world_with_grace(b, 2).await;
    let alice = sdk(&w.app, &user_token(&w, &w.user.id, "apps").await);
    let grants = ["authorization_code", "refresh_token", "client_credentials"];
    let body = app_body("Printer", crate::helpers::oauth::REDIRECT_URI, &grants);
    let created = alice
        .create_app(&body)
        .await
        .expect("createApp")
        .into_inner();
    let (id, secret) = (
        created.app.client_id.clone(),
        created.client_secret.unwrap(),
    );
    assert_eq!(created.app.owner_id, w.user.id);
    assert_eq!(
        created.app.redirect_uris,
        [crate::helpers::oauth::REDIRECT_URI]
    );
    // The app's own view never carries a secret or digest.
    let raw = w
        .app
        .client
        .get(w.app.url(&format!("/api/v1/apps/{id}")))
        .bearer_auth(user_token(&w, &w.user.id, "apps").await)
        .send()
        .await
        .unwrap();
    let text = raw.text().await.unwrap();
    assert!(
        !text.contains(&secret) && !text.contains("digest") && !text.contains("\"client_secret\""),
        "{text}"
    );

    let cc_token = client_credentials(&w.app, &id, &secret)
        .await
        .expect("client_credentials");
    log_in(&w.app, "alice").await;
    let user_token = code_flow(&w.app, &id, &secret, crate::helpers::oauth::REDIRECT_URI).await;
    assert_eq!(
        crate::helpers::oauth::userinfo(&w.app, &user_token).await.0,
        200
    );

    // New redirect URIs: the old one is refused at the authorization endpoint, with no redirect.
    let patch = types::AppPatchRequest {
        redirect_uris: vec![OTHER_REDIRECT.into()],
        ..Default::default()
    };
    let updated = alice
        .update_app(&id, &patch)
        .await
        .expect("updateApp")
        .into_inner();
    assert_eq!(updated.redirect_uris, [OTHER_REDIRECT]);
    let (old_url, _) = authorize_url(&w.app, &id, crate::helpers::oauth::REDIRECT_URI);
    let refused = w.app.client.get(&old_url).send().await.unwrap();
    assert_eq!(refused.status(), 400);
    assert!(refused.headers().get("location").is_none());
    code_flow(&w.app, &id, &secret, OTHER_REDIRECT).await;

    // Rotation: both secrets work during the grace period, then only the new one.
    let rotated = alice
        .rotate_app_secret(&id, None)
        .await
        .expect("rotateAppSecret")
        .into_inner();
    assert_ne!(rotated.client_secret, secret);
    assert!(rotated.previous_secret_expires_at.is_some());
    assert!(
        client_credentials(&w.app, &id, &secret).await.is_ok(),
        "old secret in grace"
    );
    assert!(client_credentials(&w.app, &id, &rotated.client_secret)
        .await
        .is_ok());
    await_refusal(&w.app, &id, &secret).await;
    assert!(client_credentials(&w.app, &id, &rotated.client_secret)
        .await
        .is_ok());

    alice.delete_app(&id).await.expect("deleteApp");
    for token in [&cc_token, &user_token] {
        assert_eq!(introspect(&w, token).await["active"], false);
    }
    assert_eq!(
        crate::helpers::oauth::userinfo(&w.app, &user_token).await.0,
        401
    );
    assert_eq!(failure(alice.get_app(&id).await).0, 404);
    let svc = w.app.services().await;
    assert!(svc
        .stores
        .consents
        .get_consent(&w.user.id, &id)
        .await
        .is_err());
    w.app.stop().await;
}

async fn with_no_grace_period_a_rotated_secret_stops_working_at_once(b: Backend) {
    let w = world_with_grace(b, 0).await;
    let alice = sdk(&w.app, &user_token(&w, &w.user.id, "apps").await);
    let body = app_body(
        "Batch job",
        crate::helpers::oauth::REDIRECT_URI,
        &["client_credentials"],
    );
    let created = alice.create_app(&body).await.unwrap().into_inner();
    let (id, secret) = (created.app.client_id, created.client_secret.unwrap());
    assert!(client_credentials(&w.app, &id, &secret).await.is_ok());
    let rotated = alice
        .rotate_app_secret(&id, None)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        client_credentials(&w.app, &id, &secret).await,
        Err("invalid_client".into())
    );
    assert!(client_credentials(&w.app, &id, &rotated.client_secret)
        .await
        .is_ok());
    w.app.stop().await;
}

async fn a_secret_rotated_with_revoke_previous_stops_working_at_once_despite_the_grace(b: Backend) {
    let w = world_with_grace(b, 3600).await;
    let alice = sdk(&w.app, &user_token(&w, &w.user.id, "apps").await);
    let body = app_body(
        "Leaky job",
        crate::helpers::oauth::REDIRECT_URI,
        &["client_credentials"],
    );
    let created = alice.create_app(&body).await.unwrap().into_inner();
    let (id, leaked) = (created.app.client_id, created.client_secret.unwrap());
    assert!(client_credentials(&w.app, &id, &leaked).await.is_ok());
    let kept = alice
        .rotate_app_secret(&id, None)
        .await
        .unwrap()
        .into_inner();
    assert!(
        client_credentials(&w.app, &id, &leaked).await.is_ok(),
        "in grace"
    );
    let rotated = alice
        .rotate_app_secret(&id, Some(true))
        .await
        .unwrap()
        .into_inner();
    assert!(rotated.previous_secret_expires_at.is_some());
    for old in [&leaked, &kept.client_secret] {
        assert_eq!(
            client_credentials(&w.app, &id, old).await,
            Err("invalid_client".into())
        );
    }
    assert!(client_credentials(&w.app, &id, &rotated.client_secret)
        .await
        .is_ok());
    let stored = w
        .app
        .services()
        .await
        .stores
        .clients
        .get_client(&id)
        .await
        .unwrap();
    assert_eq!(stored.secrets.len(), 1, "only the new secret is kept");
    w.app.stop().await;
}

async fn another_users_app_is_not_found_and_an_admin_sees_every_app(b: Backend) {
    let w = world_with_grace(b, 60).await;
    let (carol, alice) = developer(&w).await;
    let bob_user = w.app.create_user("bob", "bob@example.com", PASSWORD).await;
    let bob = sdk(&w.app, &user_token(&w, &bob_user.id, "apps").await);
    let mut ids = vec![];
    for n in 0..3 {
        let body = app_body(
            &format!("App {n}"),
            crate::helpers::oauth::REDIRECT_URI,
            &[],
        );
        ids.push(
            alice
                .create_app(&body)
                .await
                .unwrap()
                .into_inner()
                .app
                .client_id,
        );
    }
    let page = alice.list_apps(Some(2), None).await.unwrap().into_inner();
    assert_eq!((page.items.len(), page.total, page.limit), (2, 3, 2));
    let rest = alice
        .list_apps(Some(2), Some(2))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(rest.items[0].client_id, ids[2]);
    assert_eq!(
        bob.list_apps(None, None).await.unwrap().into_inner().total,
        0
    );

    let id = &ids[0];
    let body = app_body("Mine now", crate::helpers::oauth::REDIRECT_URI, &[]);
    assert_eq!(failure(bob.get_app(id).await).0, 404);
    assert_eq!(failure(bob.replace_app(id, &body).await).0, 404);
    assert_eq!(
        failure(bob.update_app(id, &Default::default()).await).0,
        404
    );
    assert_eq!(failure(bob.rotate_app_secret(id, None).await).0, 404);
    assert_eq!(failure(bob.delete_app(id).await).0, 404);
    assert_eq!(failure(bob.legacy_delete_app(id).await).0, 404);
    assert_eq!(alice.get_app(id).await.unwrap().into_inner().name, "App 0");

    // An administrator's token sees every app only when it carries `admin` (tests/http/apps/
    // admin_token.rs: with `apps` alone it is a plain user's token).
    let admin_user = w.app.stored_user("admin").await;
    let admin = sdk(&w.app, &user_token(&w, &admin_user.id, "apps admin").await);
    assert_eq!(
        admin.get_app(id).await.unwrap().into_inner().owner_id,
        carol.id
    );
    // The built-in Swagger UI client is invisible to users and unchangeable by administrators.
    assert_eq!(failure(alice.get_app("swagger-ui").await).0, 404);
    assert_eq!(failure(admin.delete_app("swagger-ui").await).0, 409);
    // A token without the `apps` scope is refused.
    let profile_only = sdk(&w.app, &user_token(&w, &w.user.id, "profile").await);
    assert_eq!(failure(profile_only.list_apps(None, None).await).0, 403);
    w.app.stop().await;
}

async fn bad_input_is_refused_field_by_field_and_nothing_is_stored(b: Backend) {
    let w = world_with_grace(b, 60).await;
    let (_carol, alice) = developer(&w).await;
    let ok = || app_body("Fine", crate::helpers::oauth::REDIRECT_URI, &[]);
    let cases: Vec<(types::AppRequest, &str)> = vec![
        (app_body("x", "http://app.example/cb", &[]), "redirect_uris"),
        (
            app_body("x", "https://app.example/cb#frag", &[]),
            "redirect_uris",
        ),
        (
            app_body("x", crate::helpers::oauth::REDIRECT_URI, &["magic"]),
            "grant_types",
        ),
        (
            app_body("", crate::helpers::oauth::REDIRECT_URI, &[]),
            "name",
        ),
        (
            app_body("   ", crate::helpers::oauth::REDIRECT_URI, &[]),
            "name",
        ),
        (
            app_body(
                &"n".repeat(10_000),
                crate::helpers::oauth::REDIRECT_URI,
                &[],
            ),
            "name",
        ),
        (
            types::AppRequest {
                scopes: vec!["admin".into()],
                ..ok()
            },
            "scopes",
        ),
        (
            types::AppRequest {
                scopes: vec!["everything".into()],
                ..ok()
            },
            "scopes",
        ),
        (
            types::AppRequest {
                first_party: Some(true),
                ..ok()
            },
            "first_party",
        ),
        (
            types::AppRequest {
                homepage_url: Some("javascript:alert(1)".into()),
                ..ok()
            },
            "homepage_url",
        ),
        (
            types::AppRequest {
                access_token_ttl_secs: Some(10 * 86_400),
                ..ok()
            },
            "access_token_ttl_secs",
        ),
    ];
    for (body, field) in &cases {
        let (status, err) = failure(alice.create_app(body).await);
        assert_eq!(
            (status, fields(&err)),
            (422, vec![(*field).to_owned()]),
            "{field}"
        );
    }
    assert_eq!(
        alice
            .list_apps(None, None)
            .await
            .unwrap()
            .into_inner()
            .total,
        0
    );
    let id = alice
        .create_app(&ok())
        .await
        .unwrap()
        .into_inner()
        .app
        .client_id;
    let bad = types::AppPatchRequest {
        redirect_uris: vec!["ftp://x".into()],
        name: Some(String::new()),
        ..Default::default()
    };
    let (status, err) = failure(alice.update_app(&id, &bad).await);
    assert_eq!(
        (status, fields(&err)),
        (422, vec!["name".to_owned(), "redirect_uris".to_owned()])
    );
    let public = types::AppRequest {
        client_type: Some("public".into()),
        ..ok()
    };
    assert_eq!(
        fields(&failure(alice.replace_app(&id, &public).await).1),
        ["client_type"]
    );
    let kept = alice.get_app(&id).await.unwrap().into_inner();
    assert_eq!(
        (kept.name.as_str(), kept.redirect_uris.as_slice()),
        (
            "Fine",
            [crate::helpers::oauth::REDIRECT_URI.to_owned()].as_slice()
        )
    );
    w.app.stop().await;
}

async fn the_original_put_and_delete_paths_update_and_delete_an_app(b: Backend) {
    let w = world_with_grace(b, 60).await;
    let carol = w
        .app
        .create_user("carol", "carol@example.com", PASSWORD)
        .await;
    let token = user_token(&w, &carol.id, "apps").await;
    let alice = sdk(&w.app, &token);
    let id = alice
        .create_app(&app_body("Old", crate::helpers::oauth::REDIRECT_URI, &[]))
        .await
        .unwrap()
        .into_inner()
        .app
        .client_id;
    let replaced = alice
        .legacy_update_app(&id, &app_body("Through the SDK", OTHER_REDIRECT, &[]))
        .await;
    assert_eq!(replaced.unwrap().into_inner().name, "Through the SDK");
    // With the original trailing slash, as existing integrations call it.
    let url = w.app.url(&format!("/oauth/applications/{id}/update/"));
    let body = serde_json::json!({"name": "Original path", "redirect_uris": [OTHER_REDIRECT]});
    let resp = w
        .app
        .client
        .put(&url)
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let json: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(json["name"], "Original path");
    assert!(json.get("client_secret").is_none());
    let url = w.app.url(&format!("/oauth/applications/{id}/delete/"));
    let resp = w
        .app
        .client
        .delete(&url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(failure(alice.get_app(&id).await).0, 404);
    let other = alice
        .create_app(&app_body("Other", crate::helpers::oauth::REDIRECT_URI, &[]))
        .await
        .unwrap()
        .into_inner()
        .app
        .client_id;
    alice
        .legacy_delete_app(&other)
        .await
        .expect("legacyDeleteApp");
    assert_eq!(
        alice
            .list_apps(None, None)
            .await
            .unwrap()
            .into_inner()
            .total,
        0
    );
    w.app.stop().await;
}

/// The browser session works too; its unsafe calls must repeat the CSRF token in a header (raw
/// HTTP here: the point is the header the SDK would not leave out).
async fn a_session_call_needs_its_csrf_header_and_then_registers_an_app(b: Backend) {
    let w = world_with_grace(b, 60).await;
    log_in(&w.app, "alice").await;
    let csrf = w.app.csrf_token("/oauth/applications/").await;
    let body = serde_json::json!({"name": "From the page", "redirect_uris": [crate::helpers::oauth::REDIRECT_URI]});
    let url = w.app.url("/api/v1/apps");
    let refused = w.app.client.post(&url).json(&body).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    let created = w
        .app
        .client
        .post(&url)
        .header("X-CSRF-Token", &csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let json: serde_json::Value = created.json().await.unwrap();
    assert!(json["client_secret"]
        .as_str()
        .is_some_and(|s| s.len() >= 43));
    let listed = w
        .app
        .client
        .get(&url)
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(listed["total"], 3, "the world's two apps and this one");
    w.app.stop().await;
}

on_both_stores!(
    a_session_call_needs_its_csrf_header_and_then_registers_an_app,
    an_app_lives_from_registration_to_deletion_and_its_tokens_die_with_it,
    with_no_grace_period_a_rotated_secret_stops_working_at_once,
    a_secret_rotated_with_revoke_previous_stops_working_at_once_despite_the_grace,
    another_users_app_is_not_found_and_an_admin_sees_every_app,
    bad_input_is_refused_field_by_field_and_nothing_is_stored,
    the_original_put_and_delete_paths_update_and_delete_an_app,
);
