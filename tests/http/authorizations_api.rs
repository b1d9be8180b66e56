//! The apps a user has authorized, through the generated Rust SDK and raw HTTP on both stores:
//! one entry per grant with its app, scopes and dates (client_credentials never appear);
//! revoking one takes effect on the very next request (bearer 401 `invalid_token`, refresh
//! `invalid_grant`, introspection inactive) and consent is asked again; another user's grant is
//! 404; the original DELETE path works; bearer use records `last_used_at` at most once a minute.

use crate::helpers::authz;
#[path = "authz/token_limits.rs"]
mod token_limits;

use crate::helpers::oauth::{http, introspect, oauth2_client, world};
use crate::helpers::Backend;
use authz::*;
use oauth2::basic::BasicErrorResponseType;
use oauth2::{RequestTokenError, TokenResponse};
use reqwest::Method;

async fn each_grant_is_listed_with_its_app_scopes_and_dates(b: Backend) {
    let w = world(b).await;
    let app = password_app(&w.app, &w.user.id).await;
    let mine = password_tokens(&w.app, &app, "alice", PW, "profile authorizations").await;
    let other = password_tokens(&w.app, &app, "alice", PW, "email").await;
    // An app acting for itself holds no grant of the user: never listed.
    oauth2_client(&w.app, &app)
        .exchange_client_credentials()
        .request_async(&http())
        .await
        .expect("client_credentials token");
    let list = sdk(&w.app, &access(&mine))
        .list_my_authorizations()
        .await
        .expect("listMyAuthorizations")
        .into_inner();
    assert_eq!(list.items.len(), 2, "{list:?}");
    let newest = &list.items[0];
    assert_eq!(newest.scopes, ["email"], "newest first");
    let first = &list.items[1];
    assert_eq!(first.client_id, app.client.client_id);
    assert_eq!(first.client_name, app.client.name);
    assert_eq!(first.client_homepage_url.as_deref(), Some(HOMEPAGE));
    assert_eq!(first.scopes, ["authorizations", "profile"]);
    assert!(first.created_at <= first.last_used_at);
    assert!(first.expires_at > first.created_at + chrono::Duration::days(1));
    assert!(other.refresh_token().is_some());
    w.app.stop().await;
}

async fn a_token_without_the_authorizations_scope_is_refused_naming_it(b: Backend) {
    let w = world(b).await;
    let app = password_app(&w.app, &w.user.id).await;
    let t = password_tokens(&w.app, &app, "alice", PW, "profile").await;
    let r = raw(
        &w.app,
        Method::GET,
        "/api/v1/me/authorizations",
        Some(&access(&t)),
        None,
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"], "insufficient_scope");
    let www = r.header("www-authenticate");
    assert!(
        www.contains("error=\"insufficient_scope\", scope=\"authorizations\""),
        "{www}"
    );
    let anonymous = raw(&w.app, Method::GET, "/api/v1/me/authorizations", None, None).await;
    assert_eq!(anonymous.status, 401);
    w.app.stop().await;
}

fn invalid_grant<T: std::fmt::Debug, E: std::error::Error + 'static>(
    r: Result<T, RequestTokenError<E, oauth2::basic::BasicErrorResponse>>,
) -> bool {
    matches!(r, Err(RequestTokenError::ServerResponse(e))
        if *e.error() == BasicErrorResponseType::InvalidGrant)
}

async fn revoking_ends_its_tokens_on_the_next_request_and_consent_is_asked_again(b: Backend) {
    let w = world(b).await;
    let app = app_with(
        &w.app,
        &w.user.id,
        &["authorization_code", "refresh_token"],
        "profile authorizations",
    )
    .await;
    let browser = crate::helpers::TestApp::spawn_client_session(&w.app, "alice", PW).await;
    let (asked, code, verifier) = authorize_in(&w.app, &browser, &app, "profile").await;
    assert!(asked, "the first authorization asks for consent");
    let tokens = exchange(&w.app, &app, code, verifier).await;
    let (asked, _, _) = authorize_in(&w.app, &browser, &app, "profile").await;
    assert!(!asked, "consent is remembered");
    let at = access(&tokens);
    assert_eq!(
        raw(&w.app, Method::GET, "/api/v1/me", Some(&at), None)
            .await
            .status,
        200
    );
    // The user revokes with a token of another app holding the `authorizations` scope.
    let manager = password_app(&w.app, &w.user.id).await;
    let own = access(&password_tokens(&w.app, &manager, "alice", PW, "authorizations").await);
    let list = sdk(&w.app, &own)
        .list_my_authorizations()
        .await
        .unwrap()
        .into_inner();
    // The second authorization's code was never exchanged: the app is listed once.
    let of_app: Vec<_> = list
        .items
        .iter()
        .filter(|a| a.client_id == app.client.client_id)
        .collect();
    assert_eq!(of_app.len(), 1, "{list:?}");
    let entry = of_app[0];
    sdk(&w.app, &own)
        .revoke_my_authorization(&entry.id)
        .await
        .expect("revokeMyAuthorization");
    let next = raw(&w.app, Method::GET, "/api/v1/me", Some(&at), None).await;
    assert_eq!(next.status, 401);
    assert!(next
        .header("www-authenticate")
        .contains("error=\"invalid_token\""));
    assert_eq!(
        introspect(&w, &at).await,
        serde_json::json!({"active": false})
    );
    let refresh = oauth2_client(&w.app, &app)
        .exchange_refresh_token(tokens.refresh_token().unwrap())
        .request_async(&http())
        .await;
    assert!(
        invalid_grant(refresh),
        "the refresh token died with its grant"
    );
    let (asked, _, _) = authorize_in(&w.app, &browser, &app, "profile").await;
    assert!(asked, "consent is asked again after a revocation");
    // The revoking token's own grant is untouched; the revoked one is gone from the list.
    let list = sdk(&w.app, &own)
        .list_my_authorizations()
        .await
        .unwrap()
        .into_inner();
    assert!(list.items.iter().all(|a| a.id != entry.id));
    w.app.stop().await;
}

/// An authorization is listed once its code has been exchanged for tokens; a code whose
/// browser session has ended (logout, password reset, a disabled account) yields none.
async fn only_exchanged_codes_are_listed_and_an_ended_session_voids_its_code(b: Backend) {
    let w = world(b).await;
    let app = app_with(
        &w.app,
        &w.user.id,
        &["authorization_code", "refresh_token"],
        "profile",
    )
    .await;
    let manager = password_app(&w.app, &w.user.id).await;
    let own = access(&password_tokens(&w.app, &manager, "alice", PW, "authorizations").await);
    let listed = |client_id: String| {
        let (app, own) = (&w.app, own.clone());
        async move {
            let list = sdk(app, &own)
                .list_my_authorizations()
                .await
                .expect("listMyAuthorizations")
                .into_inner();
            list.items
                .iter()
                .filter(|a| a.client_id == client_id)
                .count()
        }
    };
    let browser = crate::helpers::TestApp::spawn_client_session(&w.app, "alice", PW).await;
    let (_, code, verifier) = authorize_in(&w.app, &browser, &app, "profile").await;
    assert_eq!(
        listed(app.client.client_id.clone()).await,
        0,
        "not exchanged yet"
    );
    exchange(&w.app, &app, code, verifier).await;
    assert_eq!(listed(app.client.client_id.clone()).await, 1, "exchanged");

    let (asked, code, verifier) = authorize_in(&w.app, &browser, &app, "profile").await;
    assert!(!asked, "consent is remembered");
    w.app
        .services
        .stores
        .sessions
        .delete_sessions_for_user(&w.user.id, None)
        .await
        .unwrap();
    let r = oauth2_client(&w.app, &app)
        .set_redirect_uri(
            oauth2::RedirectUrl::new(crate::helpers::oauth::REDIRECT_URI.into()).unwrap(),
        )
        .exchange_code(oauth2::AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await;
    assert!(invalid_grant(r), "the session the code came from has ended");
    assert_eq!(listed(app.client.client_id.clone()).await, 1);
    w.app.stop().await;
}

async fn another_users_grant_is_not_found_and_stays_active(b: Backend) {
    let w = world(b).await;
    bob(&w).await;
    let app = password_app(&w.app, &w.user.id).await;
    let bobs = password_tokens(&w.app, &app, "bob", PW, "authorizations profile").await;
    let bob_list = sdk(&w.app, &access(&bobs))
        .list_my_authorizations()
        .await
        .unwrap()
        .into_inner();
    let bob_grant = bob_list.items[0].id.clone();
    let alice = access(&password_tokens(&w.app, &app, "alice", PW, "authorizations").await);
    let err = sdk(&w.app, &alice)
        .revoke_my_authorization(&bob_grant)
        .await
        .expect_err("another user's grant");
    assert_eq!(sdk_status(err), 404);
    let err = sdk(&w.app, &alice)
        .revoke_my_authorization("no-such-grant")
        .await
        .expect_err("an unknown grant");
    assert_eq!(sdk_status(err), 404);
    let alive = raw(
        &w.app,
        Method::GET,
        "/api/v1/me",
        Some(&access(&bobs)),
        None,
    )
    .await;
    assert_eq!(alive.status, 200, "bob's token still works");
    w.app.stop().await;
}

async fn the_original_delete_path_revokes_like_the_api(b: Backend) {
    let w = world(b).await;
    let app = password_app(&w.app, &w.user.id).await;
    let own = access(&password_tokens(&w.app, &app, "alice", PW, "authorizations").await);
    let victims = [
        password_tokens(&w.app, &app, "alice", PW, "profile").await,
        password_tokens(&w.app, &app, "alice", PW, "profile").await,
    ];
    let list = sdk(&w.app, &own)
        .list_my_authorizations()
        .await
        .unwrap()
        .into_inner();
    let ids: Vec<String> = list.items.iter().take(2).map(|a| a.id.clone()).collect();
    for (id, path) in ids.iter().zip([
        "/oauth/authorized_tokens/{}/delete/",
        "/oauth/authorized_tokens/{}/delete",
    ]) {
        let path = path.replace("{}", id);
        let r = raw(&w.app, Method::DELETE, &path, Some(&own), None).await;
        assert_eq!(r.status, 204, "{path}: {}", r.body);
        let again = raw(&w.app, Method::DELETE, &path, Some(&own), None).await;
        assert_eq!(again.status, 404, "{path}");
        assert_eq!(again.json()["error"], "not_found");
    }
    for t in &victims {
        let r = raw(&w.app, Method::GET, "/api/v1/me", Some(&access(t)), None).await;
        assert_eq!(r.status, 401);
    }
    w.app.stop().await;
}

async fn a_session_revokes_with_its_csrf_header_only(b: Backend) {
    let w = world(b).await;
    let app = password_app(&w.app, &w.user.id).await;
    let t = password_tokens(&w.app, &app, "alice", PW, "profile").await;
    // The serving process's own stores: its grant cache hears of changes made through them
    // (another process on SQLite would not be heard of before the cache's TTL).
    let svc = w.app.services.clone();
    let grant = svc
        .stores
        .grants
        .list_active_grants_for_user(&w.user.id, svc.now())
        .await
        .unwrap()
        .remove(0);
    let browser = crate::helpers::TestApp::spawn_client_session(&w.app, "alice", PW).await;
    let html = browser
        .get(w.app.url("/oauth/authorized_tokens/"))
        .send()
        .await
        .unwrap();
    let csrf = crate::helpers::extract_hidden(&html.text().await.unwrap(), "csrf_token").unwrap();
    let path = w
        .app
        .url(&format!("/api/v1/me/authorizations/{}", grant.id));
    let refused = browser.delete(&path).send().await.unwrap();
    assert_eq!(refused.status(), 403, "no X-CSRF-Token");
    let listed = browser
        .get(w.app.url("/api/v1/me/authorizations"))
        .send()
        .await
        .unwrap();
    let listed: serde_json::Value = listed.json().await.unwrap();
    assert_eq!(listed["items"][0]["id"], grant.id.as_str());
    let done = browser
        .delete(&path)
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 204);
    let r = raw(&w.app, Method::GET, "/api/v1/me", Some(&access(&t)), None).await;
    assert_eq!(r.status, 401);
    w.app.stop().await;
}

async fn bearer_use_and_refresh_record_when_the_grant_was_last_used(b: Backend) {
    let w = world(b).await;
    let app = password_app(&w.app, &w.user.id).await;
    let t = password_tokens(&w.app, &app, "alice", PW, "profile").await;
    // The serving process's own stores: its grant cache hears of changes made through them
    // (another process on SQLite would not be heard of before the cache's TTL).
    let svc = w.app.services.clone();
    let grant = svc
        .stores
        .grants
        .list_active_grants_for_user(&w.user.id, svc.now())
        .await
        .unwrap()
        .remove(0);
    let last_used = |svc: auth_center::service::Services, id: String| async move {
        svc.stores.grants.get_grant(&id).await.unwrap().last_used_at
    };
    let long_ago = svc.now() - chrono::Duration::minutes(5);
    svc.stores
        .grants
        .touch_grant(&grant.id, long_ago)
        .await
        .unwrap();
    let r = raw(&w.app, Method::GET, "/api/v1/me", Some(&access(&t)), None).await;
    assert_eq!(r.status, 200);
    let after = last_used(svc.clone(), grant.id.clone()).await;
    assert!(after > svc.now() - chrono::Duration::minutes(1), "{after}");
    // Within the minute, a use writes nothing.
    let recent = svc.now() - chrono::Duration::seconds(30);
    svc.stores
        .grants
        .touch_grant(&grant.id, recent)
        .await
        .unwrap();
    raw(&w.app, Method::GET, "/api/v1/me", Some(&access(&t)), None).await;
    assert_eq!(last_used(svc.clone(), grant.id.clone()).await, recent);
    svc.stores
        .grants
        .touch_grant(&grant.id, long_ago)
        .await
        .unwrap();
    let t = oauth2_client(&w.app, &app)
        .exchange_refresh_token(t.refresh_token().unwrap())
        .request_async(&http())
        .await
        .expect("refresh");
    assert!(last_used(svc.clone(), grant.id.clone()).await > long_ago);
    // Within the minute, a refresh writes nothing to the grant either.
    svc.stores
        .grants
        .touch_grant(&grant.id, recent)
        .await
        .unwrap();
    oauth2_client(&w.app, &app)
        .exchange_refresh_token(t.refresh_token().unwrap())
        .request_async(&http())
        .await
        .expect("refresh");
    assert_eq!(last_used(svc.clone(), grant.id.clone()).await, recent);
    w.app.stop().await;
}

on_both_stores!(
    each_grant_is_listed_with_its_app_scopes_and_dates,
    a_token_without_the_authorizations_scope_is_refused_naming_it,
    revoking_ends_its_tokens_on_the_next_request_and_consent_is_asked_again,
    only_exchanged_codes_are_listed_and_an_ended_session_voids_its_code,
    another_users_grant_is_not_found_and_stays_active,
    the_original_delete_path_revokes_like_the_api,
    a_session_revokes_with_its_csrf_header_only,
    bearer_use_and_refresh_record_when_the_grant_was_last_used,
);
