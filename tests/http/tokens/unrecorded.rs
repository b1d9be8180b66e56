//! Access tokens are not stored when they are issued: issuing one writes nothing, revoking one
//! (RFC 7009) puts its `jti` on the deny-list and the very next request refuses it, and a
//! token issued before (with a stored record, no `atv` claim) is still checked against its
//! record until it expires. Both stores.

use auth_center::crypto::jwt;
use auth_center::domain::AccessTokenRecord;
use auth_center::store::StoreError;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::helpers::oauth::*;
use crate::helpers::Backend;

async fn client_credentials(w: &World) -> String {
    let (id, secret) = (&w.web.client.client_id, w.web.secret.as_deref().unwrap());
    let form = [("grant_type", "client_credentials"), ("scope", "profile")];
    let (status, _, body) = post_form(&w.app, "/oauth2/token", Some((id, secret)), &form).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

async fn revoke(w: &World, token: &str) {
    let (id, secret) = (&w.web.client.client_id, w.web.secret.as_deref().unwrap());
    let form = [("token", token)];
    let (status, _, body) = post_form(&w.app, "/oauth2/revoke", Some((id, secret)), &form).await;
    assert_eq!(status, 200, "{body}");
}

/// The claims of a JWT, read without verifying it.
fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("a JWT");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

async fn issuing_a_client_credentials_token_writes_nothing_and_a_revoked_one_is_refused_at_once(
    b: Backend,
) {
    let w = world(b).await;
    let token = client_credentials(&w).await;
    let jti = claims(&token)["jti"].as_str().unwrap().to_owned();
    let stores = &w.app.services.stores;
    assert!(
        matches!(
            stores.grants.get_access(&jti).await,
            Err(StoreError::NotFound)
        ),
        "no access-token record is written"
    );
    assert!(!stores.revoked.store().is_revoked(&jti).await.unwrap());
    assert_eq!(introspect(&w, &token).await["active"], true);

    revoke(&w, &token).await;
    assert_eq!(introspect(&w, &token).await, json!({"active": false}));
    assert!(stores.revoked.store().is_revoked(&jti).await.unwrap());
    // Another token of the same app is untouched.
    let other = client_credentials(&w).await;
    assert_eq!(introspect(&w, &other).await["active"], true);
    w.app.stop().await;
}

async fn a_user_token_names_its_grant_and_dies_with_it(b: Backend) {
    let w = world(b).await;
    let (code, verifier) = code_for(&w, &w.web, "profile", None).await;
    let (id, secret) = (&w.web.client.client_id, w.web.secret.as_deref().unwrap());
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.secret().as_str()),
    ];
    let (status, _, body) = post_form(&w.app, "/oauth2/token", Some((id, secret)), &form).await;
    assert_eq!(status, 200, "{body}");
    let access = body["access_token"].as_str().unwrap();
    let grant_id = claims(access)["grant_id"].as_str().unwrap().to_owned();
    let svc = &w.app.services;
    assert_eq!(introspect(&w, access).await["sub"], w.user.id.as_str());
    svc.stores
        .grants
        .revoke_grant(&grant_id, svc.now())
        .await
        .unwrap();
    assert_eq!(introspect(&w, access).await, json!({"active": false}));
    w.app.stop().await;
}

/// A token as the server issued them before: no `atv` nor `grant_id` claim, and a stored
/// record unless `stored` is false.
async fn recorded_token(w: &World, stored: bool) -> (String, AccessTokenRecord) {
    let svc = &w.app.services;
    let now = svc.now();
    let record = AccessTokenRecord {
        jti: uuid::Uuid::new_v4().simple().to_string(),
        grant_id: None,
        client_id: w.web.client.client_id.clone(),
        user_id: None,
        scopes: vec!["profile".into()],
        issued_at: now,
        expires_at: now + chrono::Duration::minutes(5),
        revoked: false,
    };
    if stored {
        svc.stores.grants.insert_access(&record).await.unwrap();
    }
    let claims = json!({
        "iss": svc.public_url, "aud": svc.public_url, "sub": record.client_id,
        "client_id": record.client_id, "scope": "profile", "jti": record.jti,
        "iat": now.timestamp(), "exp": record.expires_at.timestamp(),
    });
    let signer = svc.oauth.keys.signer(now).await.unwrap();
    let token = jwt::sign(&claims, &signer.key, signer.alg, &signer.kid, "at+jwt").unwrap();
    (token, record)
}

async fn a_token_issued_with_a_record_is_still_checked_against_it(b: Backend) {
    let w = world(b).await;
    let grants = &w.app.services.stores.grants;
    let (token, record) = recorded_token(&w, true).await;
    assert_eq!(introspect(&w, &token).await["active"], true);
    grants.revoke_access(&record.jti).await.unwrap();
    assert_eq!(introspect(&w, &token).await, json!({"active": false}));

    let (token, _) = recorded_token(&w, false).await;
    assert_eq!(
        introspect(&w, &token).await,
        json!({"active": false}),
        "without its record, such a token is unknown"
    );

    let (token, _) = recorded_token(&w, true).await;
    assert_eq!(introspect(&w, &token).await["active"], true);
    revoke(&w, &token).await;
    assert_eq!(introspect(&w, &token).await, json!({"active": false}));
    w.app.stop().await;
}

on_both_stores!(
    issuing_a_client_credentials_token_writes_nothing_and_a_revoked_one_is_refused_at_once,
    a_user_token_names_its_grant_and_dies_with_it,
    a_token_issued_with_a_record_is_still_checked_against_it,
);
