//! The client-record cache (`oauth.client_cache_ttl_secs`) on both stores: a change made by the
//! serving process is seen at once. One made by another view of the same store is seen on
//! SQLite only after the TTL, which proves records really are cached (a SQLite database has one
//! serving process, so nothing announces such a change), and on MongoDB within a second, through
//! the change feed (`multi_node.rs` measures it between two applications).

use crate::helpers::oauth::*;
use crate::helpers::{test_settings, Backend, TestApp};

/// The status and `error` of a client_credentials request by `c` at `app`.
async fn token_status(
    app: &TestApp,
    c: &auth_center::service::clients::CreatedClient,
) -> (u16, String) {
    let basic = (c.client.client_id.as_str(), c.secret.as_deref().unwrap());
    let form = [("grant_type", "client_credentials"), ("scope", "apps")];
    let (status, _, body) = post_form(app, "/oauth2/token", Some(basic), &form).await;
    (
        status,
        body["error"].as_str().unwrap_or_default().to_owned(),
    )
}

/// Sets the grant types of `client_id` through `svc`'s client store.
async fn set_grants(svc: &auth_center::service::Services, client_id: &str, grants: &[&str]) {
    let mut c = svc.stores.clients.get_client(client_id).await.unwrap();
    c.grant_types = grants
        .iter()
        .map(|g| auth_center::domain::GrantType::parse(g).unwrap())
        .collect();
    svc.stores.clients.update_client(&c).await.unwrap();
}

pub async fn a_client_change_is_seen_at_once_here_and_elsewhere_after_the_ttl_or_through_the_feed(
    b: Backend,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(b, dir.path());
    settings.oauth.client_cache_ttl = std::time::Duration::from_secs(3);
    let w = world_on(TestApp::spawn_with(settings, dir).await).await;
    let id = w.web.client.client_id.clone();
    assert_eq!(token_status(&w.app, &w.web).await, (200, String::new()));
    // This process: the update goes through its cache, which forgets the old record.
    set_grants(&w.app.services, &id, &["authorization_code"]).await;
    let refused = (400, "unauthorized_client".to_owned());
    assert_eq!(token_status(&w.app, &w.web).await, refused);
    let elsewhere = w.app.services().await;
    set_grants(&elsewhere, &id, &["client_credentials"]).await;
    let deadline = match b {
        // The serving process keeps its cached record until the TTL passes.
        Backend::Sqlite => {
            assert_eq!(token_status(&w.app, &w.web).await, refused, "cached");
            std::time::Instant::now() + std::time::Duration::from_secs(10)
        }
        Backend::Mongo => std::time::Instant::now() + std::time::Duration::from_secs(1),
    };
    while token_status(&w.app, &w.web).await != (200, String::new()) {
        assert!(
            std::time::Instant::now() < deadline,
            "the change never reached the serving process"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    // A deletion by this process is seen at once too.
    w.app
        .services
        .stores
        .clients
        .delete_client(&id)
        .await
        .unwrap();
    assert_eq!(
        token_status(&w.app, &w.web).await,
        (401, "invalid_client".to_owned())
    );
    w.app.stop().await;
}
