//! Security findings 1 and 8 (SECURITY.md): an administrator's token is a plain user's token
//! unless it carries `admin` (another owner's app is 404; no `first_party`, `admin` scope or
//! discouraged grant can be added through it), and only an administrator acting as one enables
//! the password or implicit grant, the password grant only for a confidential app.

use auth_center_sdk::types;

use super::apps_support::*;
use crate::helpers::oauth::REDIRECT_URI;
use crate::helpers::Backend;

/// Asserts a 422 naming exactly `field`.
fn refused_field<T: std::fmt::Debug>(
    r: Result<T, auth_center_sdk::Error<types::ApiError>>,
    field: &str,
) {
    let (status, err) = failure(r);
    assert_eq!(
        (status, fields(&err)),
        (422, vec![field.to_owned()]),
        "{err:?}"
    );
}

async fn an_admins_apps_token_without_admin_cannot_touch_another_owners_app(b: Backend) {
    let w = world_with_grace(b, 60).await;
    let (carol, carol_sdk) = developer(&w).await;
    let body = app_body("Carol's", REDIRECT_URI, &[]);
    let id = carol_sdk
        .create_app(&body)
        .await
        .unwrap()
        .into_inner()
        .app
        .client_id;
    let admin_user = w.app.stored_user("admin").await;
    let apps_only = sdk(&w.app, &user_token(&w, &admin_user.id, "apps").await);
    let patch = types::AppPatchRequest {
        name: Some("Taken over".into()),
        ..Default::default()
    };
    assert_eq!(failure(apps_only.get_app(&id).await).0, 404);
    assert_eq!(failure(apps_only.replace_app(&id, &body).await).0, 404);
    assert_eq!(failure(apps_only.update_app(&id, &patch).await).0, 404);
    assert_eq!(
        failure(apps_only.legacy_update_app(&id, &body).await).0,
        404
    );
    assert_eq!(failure(apps_only.rotate_app_secret(&id, None).await).0, 404);
    assert_eq!(failure(apps_only.delete_app(&id).await).0, 404);
    assert_eq!(failure(apps_only.legacy_delete_app(&id).await).0, 404);
    let kept = carol_sdk.get_app(&id).await.unwrap().into_inner();
    assert_eq!(
        (kept.name.as_str(), kept.owner_id.as_str()),
        ("Carol's", carol.id.as_str())
    );
    assert_eq!(kept.secrets.len(), 1, "no secret was rotated");

    // Nor can it register what only an administrator acting as one may.
    let ok = || app_body("Tool", REDIRECT_URI, &[]);
    let first_party = types::AppRequest {
        first_party: Some(true),
        ..ok()
    };
    refused_field(apps_only.create_app(&first_party).await, "first_party");
    let admin_scope = types::AppRequest {
        scopes: vec!["admin".into()],
        ..ok()
    };
    refused_field(apps_only.create_app(&admin_scope).await, "scopes");
    let resource_server = types::AppRequest {
        introspection: Some(true),
        ..ok()
    };
    refused_field(
        apps_only.create_app(&resource_server).await,
        "introspection",
    );
    let own = apps_only
        .create_app(&ok())
        .await
        .expect("its own plain app")
        .into_inner();
    assert_eq!(own.app.owner_id, admin_user.id);

    // With `admin` the same person's token acts as an administrator.
    let admin = sdk(&w.app, &user_token(&w, &admin_user.id, "apps admin").await);
    assert_eq!(
        admin.get_app(&id).await.unwrap().into_inner().owner_id,
        carol.id
    );
    let flagged = admin.create_app(&first_party).await.unwrap().into_inner();
    assert!(flagged.app.first_party);
    w.app.stop().await;
}

async fn only_an_administrator_enables_the_password_and_implicit_grants(b: Backend) {
    let w = world_with_grace(b, 60).await;
    let (_carol, carol_sdk) = developer(&w).await;
    for grant in ["password", "implicit"] {
        let body = app_body("Legacy", REDIRECT_URI, &["authorization_code", grant]);
        refused_field(carol_sdk.create_app(&body).await, "grant_types");
    }
    let id = carol_sdk
        .create_app(&app_body("Mine", REDIRECT_URI, &[]))
        .await
        .unwrap()
        .into_inner()
        .app
        .client_id;
    let add_password = types::AppPatchRequest {
        grant_types: vec!["authorization_code".into(), "password".into()],
        ..Default::default()
    };
    refused_field(
        carol_sdk.update_app(&id, &add_password).await,
        "grant_types",
    );

    let admin_user = w.app.stored_user("admin").await;
    let admin = sdk(&w.app, &user_token(&w, &admin_user.id, "apps admin").await);
    let public_password = types::AppRequest {
        client_type: Some("public".into()),
        ..app_body("Public", REDIRECT_URI, &["authorization_code", "password"])
    };
    refused_field(admin.create_app(&public_password).await, "grant_types");
    let enabled = admin
        .update_app(&id, &add_password)
        .await
        .expect("an administrator enables it");
    assert!(enabled
        .into_inner()
        .grant_types
        .contains(&"password".to_owned()));
    // The owner keeps what an administrator enabled while changing something else.
    let rename = types::AppPatchRequest {
        name: Some("Renamed".into()),
        ..Default::default()
    };
    let renamed = carol_sdk
        .update_app(&id, &rename)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(renamed.name, "Renamed");
    assert!(renamed.grant_types.contains(&"password".to_owned()));
    w.app.stop().await;
}

on_both_stores!(
    an_admins_apps_token_without_admin_cannot_touch_another_owners_app,
    only_an_administrator_enables_the_password_and_implicit_grants,
);
