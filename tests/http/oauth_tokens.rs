//! What happens to issued tokens, on both stores: revocation (RFC 7009) and its effect on
//! introspection (RFC 7662), userinfo and the JSON API's bearer authentication; expiry; claims
//! by scope; discovery and JWKS; signing keys encrypted at rest and rotated.

#[path = "tokens/unrecorded.rs"]
mod unrecorded;

use crate::helpers::oauth::*;
use crate::helpers::{test_settings, Backend, TestApp};
use auth_center::crypto::digest;
use auth_center::store::CodeTake;
use oauth2::{AuthorizationCode, RedirectUrl, TokenResponse};

/// Tokens for the world's user through the code flow, for the confidential client.
async fn user_tokens(w: &World, scope: &str) -> oauth2::basic::BasicTokenResponse {
    let (code, verifier) = code_for(w, &w.web, scope, None).await;
    oauth2_client(&w.app, &w.web)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap()
}

async fn revoke(w: &World, token: &str) -> u16 {
    let secret = w.web.secret.as_deref().unwrap();
    let id = w.web.client.client_id.as_str();
    post_form(
        &w.app,
        "/oauth2/revoke",
        Some((id, secret)),
        &[("token", token)],
    )
    .await
    .0
}

async fn me(app: &TestApp, token: &str) -> u16 {
    let resp = http()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    resp.status().as_u16()
}

async fn a_revoked_access_token_is_inactive_and_rejected_by_userinfo_and_the_api(b: Backend) {
    let w = world(b).await;
    let t = user_tokens(&w, "openid profile offline_access").await;
    let access = t.access_token().secret();
    assert_eq!(introspect(&w, access).await["active"], true);
    assert_eq!(me(&w.app, access).await, 200);
    assert_eq!(userinfo(&w.app, access).await.0, 200);
    assert_eq!(revoke(&w, access).await, 200);
    assert_eq!(
        introspect(&w, access).await,
        serde_json::json!({"active": false})
    );
    let (status, headers, body) = userinfo(&w.app, access).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_token"))
    );
    assert!(headers["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Bearer"));
    assert_eq!(me(&w.app, access).await, 401);
    // The refresh token of the same grant still works: only that access token was revoked.
    assert_eq!(
        introspect(&w, t.refresh_token().unwrap().secret()).await["active"],
        true
    );
    w.app.stop().await;
}

async fn revoking_a_refresh_token_revokes_its_whole_grant(b: Backend) {
    let w = world(b).await;
    let t = user_tokens(&w, "profile").await;
    assert_eq!(revoke(&w, t.refresh_token().unwrap().secret()).await, 200);
    assert_eq!(
        introspect(&w, t.refresh_token().unwrap().secret()).await["active"],
        false
    );
    assert_eq!(
        introspect(&w, t.access_token().secret()).await["active"],
        false
    );
    assert_eq!(
        revoke(&w, "an-unknown-token").await,
        200,
        "unknown tokens are not an error"
    );
    w.app.stop().await;
}

async fn an_expired_access_token_is_inactive_and_rejected(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.oauth.access_token_ttl = std::time::Duration::from_secs(60);
    let w = world_on(TestApp::spawn_with(settings, dir).await).await;
    let t = user_tokens(&w, "openid").await;
    let access = t.access_token().secret();
    assert_eq!(introspect(&w, access).await["active"], true);
    // Expiry is the passage of time itself: move the server's clock past it. The lifetime is
    // long enough that a slow machine still introspects the fresh token before it expires
    // (with a 1 s lifetime and whole-second `exp`, a token issued late in a second lived only
    // a few milliseconds).
    w.app.advance(std::time::Duration::from_secs(61));
    assert_eq!(
        introspect(&w, access).await,
        serde_json::json!({"active": false})
    );
    assert_eq!(userinfo(&w.app, access).await.0, 401);
    w.app.stop().await;
}

async fn userinfo_releases_claims_by_scope(b: Backend) {
    let w = world(b).await;
    let narrow = user_tokens(&w, "openid").await;
    let (_, _, body) = userinfo(&w.app, narrow.access_token().secret()).await;
    assert_eq!(body, serde_json::json!({"sub": w.user.id}));
    let wide = user_tokens(&w, "openid profile email groups").await;
    let (_, _, body) = userinfo(&w.app, wide.access_token().secret()).await;
    assert_eq!(body["name"], "Alice Liddell");
    assert_eq!(body["email"], "alice@example.com");
    assert_eq!(body["email_verified"], true);
    assert_eq!(body["groups"], serde_json::json!([]));
    let no_openid = user_tokens(&w, "profile").await;
    let (status, _, body) = userinfo(&w.app, no_openid.access_token().secret()).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("insufficient_scope"))
    );
    w.app.stop().await;
}

async fn discovery_and_jwks_describe_exactly_what_is_served(b: Backend) {
    let w = world(b).await;
    for path in [
        "/.well-known/openid-configuration",
        "/.well-known/oauth-authorization-server",
    ] {
        let meta: serde_json::Value = w.app.get(path).await.json().await.unwrap();
        assert_eq!(meta["issuer"], w.app.address.as_str());
        assert_eq!(
            meta["code_challenge_methods_supported"],
            serde_json::json!(["S256"])
        );
        assert_eq!(
            meta["response_types_supported"],
            serde_json::json!([
                "code",
                "token",
                "id_token",
                "id_token token",
                "code id_token",
                "code token",
                "code id_token token"
            ])
        );
        assert_eq!(
            meta["response_modes_supported"],
            serde_json::json!(["query", "fragment", "form_post"])
        );
        assert!(meta["grant_types_supported"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("implicit")));
        assert_eq!(
            meta["id_token_signing_alg_values_supported"],
            serde_json::json!(["ES256"])
        );
    }
    let jwks: serde_json::Value = w.app.get("/oauth2/jwks").await.json().await.unwrap();
    let keys = jwks["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 1);
    let t = user_tokens(&w, "profile").await;
    let header = jsonwebtoken::decode_header(t.access_token().secret()).unwrap();
    assert_eq!(header.typ.as_deref(), Some("at+jwt"));
    assert_eq!(header.kid.as_deref(), keys[0]["kid"].as_str());
    w.app.stop().await;
}

async fn signing_keys_are_stored_encrypted_and_rotation_keeps_the_old_key_published(b: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.oauth.key_encryption_key = Some("a key-encryption secret".to_owned().into());
    settings.oauth.key_rotation = std::time::Duration::from_secs(1);
    let w = world_on(TestApp::spawn_with(settings, dir).await).await;
    let stored = w.app.services.stores.keys.list_keys().await.unwrap();
    assert!(stored.iter().all(|k| k.private_key.starts_with("enc:v1:")));
    let first = user_tokens(&w, "profile").await;
    w.app.advance(std::time::Duration::from_millis(1100));
    let second = user_tokens(&w, "profile").await;
    let kid = |t: &oauth2::basic::BasicTokenResponse| {
        jsonwebtoken::decode_header(t.access_token().secret())
            .unwrap()
            .kid
            .unwrap()
    };
    assert_ne!(
        kid(&first),
        kid(&second),
        "a new key signs after the rotation period"
    );
    let jwks: serde_json::Value = w.app.get("/oauth2/jwks").await.json().await.unwrap();
    let kids: Vec<_> = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        kids.contains(&kid(&first)) && kids.contains(&kid(&second)),
        "{kids:?}"
    );
    assert_eq!(
        introspect(&w, first.access_token().secret()).await["active"],
        true
    );
    w.app.stop().await;
}

/// Exchanges of one code at once: one takes it and the others are replays, so whatever their
/// order nothing issued from the code stays usable (RFC 6749 §4.1.2), also when a replay comes
/// before the exchange that took the code has stored its grant: the replay stores the grant
/// revoked, as it does for a code whose exchange never got that far.
async fn a_code_exchanged_concurrently_leaves_no_usable_token(b: Backend) {
    let w = world(b).await;
    let (code, verifier) = code_for(&w, &w.web, "profile", None).await;
    let (id, secret) = (w.web.client.client_id.as_str(), w.web.secret.as_deref());
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.secret().as_str()),
    ];
    let exchanges =
        (0..8).map(|_| post_form(&w.app, "/oauth2/token", Some((id, secret.unwrap())), &form));
    let answers = futures_util::future::join_all(exchanges).await;
    let issued: Vec<_> = answers
        .iter()
        .filter(|(status, _, _)| *status == 200)
        .collect();
    assert!(issued.len() <= 1, "{answers:?}");
    for (status, _, body) in answers.iter().filter(|(status, _, _)| *status != 200) {
        assert_eq!(
            (*status, body["error"].as_str()),
            (400, Some("invalid_grant")),
            "{body}"
        );
    }
    for (_, _, body) in issued {
        let access = body["access_token"].as_str().unwrap();
        assert_eq!(
            introspect(&w, access).await,
            serde_json::json!({"active": false})
        );
        let refresh = body["refresh_token"].as_str().unwrap();
        let form = [("grant_type", "refresh_token"), ("refresh_token", refresh)];
        let (status, _, body) =
            post_form(&w.app, "/oauth2/token", Some((id, secret.unwrap())), &form).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("invalid_grant")),
            "{body}"
        );
    }

    // A replay after an exchange took the code but before it stored the grant.
    let (code, _) = code_for(&w, &w.web, "profile", None).await;
    let taken = match w
        .app
        .services
        .stores
        .codes
        .take_code(&digest(&code))
        .await
        .unwrap()
    {
        CodeTake::Taken(c) => c,
        other => panic!("the code was not taken: {other:?}"),
    };
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
    ];
    let (status, _, body) =
        post_form(&w.app, "/oauth2/token", Some((id, secret.unwrap())), &form).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    let grant = w
        .app
        .services
        .stores
        .grants
        .get_grant(&taken.grant_id)
        .await
        .unwrap();
    assert!(grant.revoked_at.is_some(), "{grant:?}");
    w.app.stop().await;
}

on_both_stores!(
    a_revoked_access_token_is_inactive_and_rejected_by_userinfo_and_the_api,
    revoking_a_refresh_token_revokes_its_whole_grant,
    an_expired_access_token_is_inactive_and_rejected,
    userinfo_releases_claims_by_scope,
    discovery_and_jwks_describe_exactly_what_is_served,
    signing_keys_are_stored_encrypted_and_rotation_keeps_the_old_key_published,
    a_code_exchanged_concurrently_leaves_no_usable_token,
);
