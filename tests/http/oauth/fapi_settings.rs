//! The per-app settings `fapi2` and `dpop_bound_access_tokens` through the Apps API (the
//! generated Rust SDK), on both stores: `fapi2` on an app without keys, a public app or an app
//! with a grant the profile forbids is a 422 naming `fapi2` and registers nothing; an app that
//! requires DPoP-bound access tokens gets none without a proof (`invalid_request` naming the
//! setting) and a DPoP-bound one with a proof.

use auth_center_sdk::types;
use serde_json::json;

use crate::helpers::authz;
use crate::helpers::client_keys::{jwks, ClientKey};
use crate::helpers::dpop::*;
use crate::helpers::oauth::{world, World, REDIRECT_URI};
use crate::helpers::Backend;

/// The SDK as the world's user, with an `apps` token.
async fn apps_api(w: &World) -> auth_center_sdk::Client {
    let tokens_app = authz::password_app(&w.app, &w.user.id).await;
    let t = authz::password_tokens(&w.app, &tokens_app, "alice", authz::PW, "apps").await;
    authz::sdk(&w.app, &authz::access(&t))
}

fn fapi_app(
    client_type: &str,
    keys: Option<serde_json::Value>,
    grants: &[&str],
) -> types::AppRequest {
    types::AppRequest {
        name: "FAPI through the API".into(),
        description: None,
        homepage_url: None,
        logo_url: None,
        redirect_uris: vec![REDIRECT_URI.into()],
        post_logout_redirect_uris: vec![],
        client_type: Some(client_type.into()),
        grant_types: grants.iter().map(|g| (*g).into()).collect(),
        scopes: vec!["openid".into(), "profile".into()],
        access_token_ttl_secs: None,
        refresh_token_ttl_secs: None,
        first_party: None,
        introspection: None,
        require_pushed_authorization_requests: None,
        require_mfa: None,
        dpop_bound_access_tokens: None,
        fapi2: Some(true),
        token_endpoint_auth_method: keys.as_ref().map(|_| "private_key_jwt".into()),
        jwks: keys,
        jwks_uri: None,
    }
}

async fn fapi2_needs_a_confidential_app_with_keys_and_no_front_channel_grant(backend: Backend) {
    let w = world(backend).await;
    let api = apps_api(&w).await;
    let keys = jwks(&[&ClientKey::es256("api-key")]);
    let total = || async { api.list_apps(None, None).await.unwrap().into_inner().total };
    let before = total().await;
    let code = ["authorization_code", "refresh_token"];
    let device = [
        "authorization_code",
        "urn:ietf:params:oauth:grant-type:device_code",
    ];
    for (why, body) in [
        ("a secret", fapi_app("confidential", None, &code)),
        ("public", fapi_app("public", None, &code)),
        (
            "device grant",
            fapi_app("confidential", Some(keys.clone()), &device),
        ),
    ] {
        match api.create_app(&body).await {
            Err(auth_center_sdk::Error::ErrorResponse(resp)) => {
                assert_eq!(resp.status().as_u16(), 422, "{why}");
                let err = resp.into_inner();
                let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
                assert!(fields.contains(&"fapi2"), "{why}: {err:?}");
                let said = err.fields.iter().find(|f| f.field == "fapi2").unwrap();
                assert!(said.message.contains("FAPI 2.0"), "{why}: {err:?}");
            }
            other => panic!("{why}: expected a 422, got {other:?}"),
        }
    }
    assert_eq!(total().await, before, "nothing was registered");
    let created = api
        .create_app(&fapi_app("confidential", Some(keys), &code))
        .await
        .expect("a FAPI 2.0 app with keys")
        .into_inner();
    assert!(created.app.fapi2);
    assert!(created.client_secret.is_none(), "{created:?}");
    w.app.stop().await;
}

async fn an_app_that_requires_dpop_bound_access_tokens_gets_none_without_a_proof(backend: Backend) {
    let w = world(backend).await;
    let api = apps_api(&w).await;
    let patch = types::AppPatchRequest {
        dpop_bound_access_tokens: Some(true),
        ..Default::default()
    };
    let id = &w.web.client.client_id;
    let updated = api.update_app(id, &patch).await.unwrap().into_inner();
    assert!(updated.dpop_bound_access_tokens && !updated.fapi2);
    let secret = w.web.secret.as_deref().unwrap();
    let form = [("grant_type", "client_credentials")];
    let (status, _, body) = token_request(&w.app, Some((id, secret)), &form, &[]).await;
    assert_eq!(
        (status, &body["error"]),
        (400, &json!("invalid_request")),
        "{body}"
    );
    let why = body["error_description"].as_str().unwrap();
    assert!(why.contains("dpop_bound_access_tokens"), "{why}");
    let key = DpopKey::es256();
    let proof = key.proof("POST", &w.app.url("/oauth2/token"));
    let (status, _, body) = token_request(&w.app, Some((id, secret)), &form, &[&proof]).await;
    assert_eq!(
        (status, &body["token_type"]),
        (200, &json!("DPoP")),
        "{body}"
    );
    w.app.stop().await;
}

on_both_stores!(
    fapi2_needs_a_confidential_app_with_keys_and_no_front_channel_grant,
    an_app_that_requires_dpop_bound_access_tokens_gets_none_without_a_proof,
);
