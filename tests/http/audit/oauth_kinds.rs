//! Each kind of OAuth and app event, caused through the authorization and token endpoints
//! (with the independent `oauth2` crate) and the apps API, and read back through the admin
//! API: consent granted, a refresh token replayed, a token revoked by its app (RFC 7009), an
//! authorization revoked by its person, an app created, changed, its secret rotated, deleted;
//! and no secret (password, token, code, client secret, cookie) in any event recorded.

use oauth2::{RefreshToken, TokenResponse};
use reqwest::Method;
use serde_json::json;

use super::{assert_event, event, events_until};
use crate::helpers::authz::{authorize_in, exchange, PW};
use crate::helpers::caller::Caller;
use crate::helpers::oauth::{http, oauth2_client, world};
use crate::helpers::Backend;

async fn consents_refresh_reuse_and_revocations_are_recorded_and_carry_no_secret(backend: Backend) {
    let w = world(backend).await;
    let (app, alice, web) = (&w.app, &w.user, &w.web);
    let client_id = web.client.client_id.as_str();
    let admin = Caller::admin(app).await;
    assert_eq!(app.login("alice", PW).await.status(), 303);
    let scope = "openid profile offline_access";
    let (asked, code, verifier) = authorize_in(app, &app.client, web, scope).await;
    assert!(asked);
    let granted = event(&admin, "consent.granted", |e| e["app"] == client_id).await;
    assert_event(&granted, &alice.id, Some(&alice.id), Some(client_id));
    assert!(granted["details"]["scope"]
        .as_str()
        .unwrap()
        .contains("offline_access"));
    let first = exchange(app, web, code.clone(), verifier).await;
    let r1 = first.refresh_token().unwrap().secret().clone();
    let client = oauth2_client(app, web);
    let second = client
        .exchange_refresh_token(&RefreshToken::new(r1.clone()))
        .request_async(&http())
        .await
        .expect("refreshed");
    let replay = client
        .exchange_refresh_token(&RefreshToken::new(r1.clone()))
        .request_async(&http())
        .await;
    assert!(replay.is_err(), "a used refresh token is refused");
    let reuse = event(&admin, "refresh.reuse_detected", |e| e["app"] == client_id).await;
    assert_event(&reuse, "system", Some(&alice.id), Some(client_id));

    let (asked, code2, verifier) = authorize_in(app, &app.client, web, scope).await;
    assert!(!asked, "the consent is remembered");
    let third = exchange(app, web, code2.clone(), verifier).await;
    let r3 = third.refresh_token().unwrap().secret().clone();
    let revoked = http()
        .post(app.url("/oauth2/revoke"))
        .basic_auth(client_id, web.secret.as_deref())
        .form(&[("token", r3.as_str()), ("token_type_hint", "refresh_token")])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 200);
    let token = event(&admin, "token.revoked", |e| e["app"] == client_id).await;
    assert_event(&token, client_id, Some(&alice.id), Some(client_id));
    assert_eq!(token["details"]["token_type"], "refresh_token");

    let (_, code3, verifier) = authorize_in(app, &app.client, web, scope).await;
    let fourth = exchange(app, web, code3.clone(), verifier).await;
    let person = Caller::login(app, "alice", PW).await;
    let (status, list) = person
        .call(Method::GET, "/api/v1/me/authorizations", None)
        .await;
    assert_eq!(status, 200, "{list}");
    let grant = list["items"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/me/authorizations/{grant}");
    assert_eq!(person.call(Method::DELETE, &path, None).await.0, 204);
    let gone = event(&admin, "grant.revoked", |e| e["actor"] == alice.id.as_str()).await;
    assert_event(&gone, &alice.id, Some(&alice.id), Some(client_id));
    let forgotten = event(&admin, "consent.revoked", |e| e["app"] == client_id).await;
    assert_event(&forgotten, &alice.id, Some(&alice.id), Some(client_id));

    let secrets = [
        PW.to_owned(),
        code,
        code2,
        code3,
        r1,
        r3,
        first.access_token().secret().clone(),
        second.access_token().secret().clone(),
        fourth.access_token().secret().clone(),
        web.secret.clone().unwrap(),
        app.admin_password.clone().unwrap(),
    ];
    let all = events_until(&admin, "limit=100", |_| true).await;
    assert!(all.len() >= 8, "{all:?}");
    for e in &all {
        let text = e.to_string();
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "a secret in {text}");
        }
    }
    w.app.stop().await;
}

async fn an_apps_life_is_recorded(backend: Backend) {
    let w = world(backend).await;
    let (app, alice) = (&w.app, &w.user);
    let admin = Caller::admin(app).await;
    let person = Caller::login(app, "alice", PW).await;
    let body = json!({"name": "Audited app", "redirect_uris": ["https://app.example/cb"]});
    let (status, created) = person.call(Method::POST, "/api/v1/apps", Some(body)).await;
    assert_eq!(status, 201, "{created}");
    let id = created["app"]["client_id"].as_str().unwrap().to_owned();
    let secret = created["client_secret"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let e = event(&admin, "app.created", |e| e["app"] == id.as_str()).await;
    assert_event(&e, &alice.id, Some(&alice.id), Some(&id));
    let path = format!("/api/v1/apps/{id}");
    let (status, body) = person
        .call(Method::PATCH, &path, Some(json!({"name": "Renamed app"})))
        .await;
    assert_eq!(status, 200, "{body}");
    let e = event(&admin, "app.changed", |e| e["app"] == id.as_str()).await;
    assert_event(&e, &alice.id, Some(&alice.id), Some(&id));
    let rotate = format!("/api/v1/apps/{id}/rotate-secret?revoke_previous=true");
    let (status, rotated) = person.call(Method::POST, &rotate, None).await;
    assert_eq!(status, 200, "{rotated}");
    let e = event(&admin, "app.secret_rotated", |e| e["app"] == id.as_str()).await;
    assert_event(&e, &alice.id, Some(&alice.id), Some(&id));
    assert_eq!(e["details"]["previous_revoked"], "true");
    assert_eq!(person.call(Method::DELETE, &path, None).await.0, 204);
    let e = event(&admin, "app.deleted", |e| e["app"] == id.as_str()).await;
    assert_event(&e, &alice.id, Some(&alice.id), Some(&id));
    let new_secret = rotated["client_secret"].as_str().unwrap_or_default();
    let all = events_until(&admin, &format!("app={id}"), |_| true).await;
    assert_eq!(all.len(), 4, "{all:?}");
    for e in all {
        let text = e.to_string();
        assert!(secret.is_empty() || !text.contains(&secret), "{text}");
        assert!(
            new_secret.is_empty() || !text.contains(new_secret),
            "{text}"
        );
    }
    w.app.stop().await;
}

on_both_stores!(
    consents_refresh_reuse_and_revocations_are_recorded_and_carry_no_secret,
    an_apps_life_is_recorded,
);
