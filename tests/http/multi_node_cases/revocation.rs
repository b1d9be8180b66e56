//! Revocation across nodes: an access token revoked through one node (RFC 7009) is refused by
//! the other within the bound, at introspection and at the resource API, though neither node
//! reads the store to verify it (each holds the deny-list in memory, fed by the change feed);
//! an app owner disabled or enabled again through one node is seen by the other within the
//! bound too (each caches the owner's status, dropped by the feed); so are a revoked grant and
//! a changed account, which each node caches for its bearer calls.

use serde_json::Value;

use super::{summary, two_nodes, within, BOUND};
use crate::helpers::oauth::{code_for, post_form, World, REDIRECT_URI};
use crate::helpers::TestApp;

async fn client_credentials(w: &World) -> String {
    let (id, secret) = (&w.web.client.client_id, w.web.secret.as_deref().unwrap());
    let form = [("grant_type", "client_credentials")];
    let (status, _, body) = post_form(&w.app, "/oauth2/token", Some((id, secret)), &form).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

/// Introspects or revokes `token` at `node` as the world's confidential app.
async fn as_app(w: &World, node: &TestApp, path: &str, token: &str) -> Value {
    let (id, secret) = (&w.web.client.client_id, w.web.secret.as_deref().unwrap());
    let (status, _, body) = post_form(node, path, Some((id, secret)), &[("token", token)]).await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn active_at(w: &World, node: &TestApp, token: &str) -> bool {
    as_app(w, node, "/oauth2/introspect", token).await["active"] == true
}

async fn me_status(node: &TestApp, token: &str) -> u16 {
    let resp = crate::helpers::oauth::http()
        .get(node.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    resp.status().as_u16()
}

/// A user's access token from the code flow at node A.
async fn user_token(w: &World) -> String {
    let (code, verifier) = code_for(w, &w.web, "profile", None).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", verifier.secret().as_str()),
    ];
    let (id, secret) = (&w.web.client.client_id, w.web.secret.as_deref().unwrap());
    let (status, _, body) = post_form(&w.app, "/oauth2/token", Some((id, secret)), &form).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_access_token_revoked_on_one_node_is_refused_by_the_other_within_a_second() {
    let (w, b) = two_nodes(|_| {}).await;
    let mut delays = Vec::new();
    for _ in 0..10 {
        let token = client_credentials(&w).await;
        assert!(active_at(&w, &b, &token).await, "B accepts the new token");
        as_app(&w, &w.app, "/oauth2/revoke", &token).await;
        assert!(!active_at(&w, &w.app, &token).await, "A refuses it at once");
        delays.push(within(BOUND, || async { !active_at(&w, &b, &token).await }).await);
    }
    let token = user_token(&w).await;
    assert_eq!(me_status(&b, &token).await, 200);
    as_app(&w, &w.app, "/oauth2/revoke", &token).await;
    assert_eq!(me_status(&w.app, &token).await, 401);
    delays.push(within(BOUND, || async { me_status(&b, &token).await == 401 }).await);

    let (median, max) = summary(&mut delays);
    println!(
        "cross-node revocation of access tokens: median {median} ms, max {max} ms over {} tokens",
        delays.len()
    );
    b.stop().await;
    w.app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_disabled_on_one_node_has_their_apps_refused_by_the_other_within_a_second() {
    use auth_center::service::admin::set_user_disabled;

    let (w, b) = two_nodes(|_| {}).await;
    let (id, secret) = (&w.web.client.client_id, w.web.secret.as_deref().unwrap());
    let admin = w.app.stored_user("admin").await;
    let mut delays = Vec::new();
    for _ in 0..5 {
        assert_eq!(
            super::token_status(&b, id, secret).await,
            200,
            "B caches the owner"
        );
        set_user_disabled(&w.app.services, &admin, &w.user.id, true)
            .await
            .unwrap();
        assert_eq!(
            super::token_status(&w.app, id, secret).await,
            401,
            "A at once"
        );
        delays.push(
            within(BOUND, || async {
                super::token_status(&b, id, secret).await == 401
            })
            .await,
        );
        set_user_disabled(&w.app.services, &admin, &w.user.id, false)
            .await
            .unwrap();
        delays.push(
            within(BOUND, || async {
                super::token_status(&b, id, secret).await == 200
            })
            .await,
        );
    }
    let (median, max) = summary(&mut delays);
    println!(
        "cross-node owner status: median {median} ms, max {max} ms over {} changes",
        delays.len()
    );
    b.stop().await;
    w.app.stop().await;
}

/// The display name `node`'s resource API shows for the token's user.
async fn shown_name(node: &TestApp, token: &str) -> Option<String> {
    let resp = crate::helpers::oauth::http()
        .get(node.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let body: Value = resp.json().await.ok()?;
    body["display_name"].as_str().map(str::to_owned)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_grant_revoked_or_an_account_changed_on_one_node_is_seen_by_the_other_within_a_second() {
    use auth_center::service::admin::set_user_disabled;

    let (w, b) = two_nodes(|_| {}).await;
    let stores = &w.app.services.stores;
    let mut delays = Vec::new();
    // The account record: B caches it at its first bearer call, and follows A's changes.
    let token = user_token(&w).await;
    for n in 0..3 {
        assert!(shown_name(&b, &token).await.is_some(), "B caches the user");
        let mut user = stores.users.get_user(&w.user.id).await.unwrap();
        let name = format!("Alice the {n}th");
        user.display_name = Some(name.clone());
        stores.users.update_user(&user).await.unwrap();
        assert_eq!(shown_name(&w.app, &token).await.as_deref(), Some(&*name));
        delays.push(
            within(BOUND, || async {
                shown_name(&b, &token).await.as_deref() == Some(&*name)
            })
            .await,
        );
    }
    let admin = w.app.stored_user("admin").await;
    set_user_disabled(&w.app.services, &admin, &w.user.id, true)
        .await
        .unwrap();
    assert_eq!(me_status(&w.app, &token).await, 401, "A at once");
    delays.push(within(BOUND, || async { me_status(&b, &token).await == 401 }).await);
    set_user_disabled(&w.app.services, &admin, &w.user.id, false)
        .await
        .unwrap();
    // The grant: B caches it at a bearer call, and refuses the token once A revokes it.
    for _ in 0..3 {
        let token = user_token(&w).await;
        within(BOUND, || async { me_status(&b, &token).await == 200 }).await;
        let grants = stores
            .grants
            .list_active_grants_for_user(&w.user.id, w.app.services.now())
            .await
            .unwrap();
        for g in grants {
            stores
                .grants
                .revoke_grant(&g.id, w.app.services.now())
                .await
                .unwrap();
        }
        assert_eq!(me_status(&w.app, &token).await, 401, "A at once");
        delays.push(within(BOUND, || async { me_status(&b, &token).await == 401 }).await);
    }
    let (median, max) = summary(&mut delays);
    println!(
        "cross-node account and grant changes: median {median} ms, max {max} ms over {} changes",
        delays.len()
    );
    b.stop().await;
    w.app.stop().await;
}
