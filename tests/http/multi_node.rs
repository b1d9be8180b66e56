//! Two nodes on one MongoDB database are one service: what one node caches (client records,
//! signing keys) follows a change made through the other within a second, through the
//! store's change feed, also after the feed broke. MongoDB only: a SQLite database belongs
//! to one process, so it has no second node to tell. The measured delays are printed (run
//! with `--no-capture` to see them).

use std::future::Future;
use std::time::{Duration, Instant};

use auth_center::service::access::Principal;
use auth_center::service::apps;
use secrecy::SecretString;

use crate::helpers::oauth::{post_form, world_on, World};
use crate::helpers::{test_settings, Backend, TestApp};

/// The bound the service promises for a change to reach every node.
const BOUND: Duration = Duration::from_secs(1);

/// Node A (with the world's user and apps) and node B, a second application on A's database
/// with the same key-encryption key, each with its own clock, both feeds open.
async fn two_nodes(settings: impl Fn(&mut auth_center::config::Settings)) -> (World, TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = test_settings(Backend::Mongo, dir.path());
    s.oauth.key_encryption_key = Some(SecretString::from("one secret for every node"));
    settings(&mut s);
    let a = TestApp::spawn_with(s.clone(), dir).await;
    let dir_b = tempfile::tempdir().unwrap();
    s.store.data_dir = dir_b.path().to_path_buf();
    let b = TestApp::spawn_with(s, dir_b).await;
    let w = world_on(a).await;
    for node in [&w.app, &b] {
        let feed = node
            .services
            .stores
            .feed
            .clone()
            .expect("MongoDB has a feed");
        within(Duration::from_secs(10), || async { feed.is_live() }).await;
    }
    (w, b)
}

/// Polls `check` until it holds; how long that took. Fails after `limit`.
async fn within<F, Fut>(limit: Duration, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if check().await {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The status of a client_credentials request at `node`.
async fn token_status(node: &TestApp, client_id: &str, secret: &str) -> u16 {
    let form = [("grant_type", "client_credentials")];
    post_form(node, "/oauth2/token", Some((client_id, secret)), &form)
        .await
        .0
}

/// Median and maximum, in milliseconds.
fn summary(delays: &mut [Duration]) -> (u128, u128) {
    delays.sort();
    let ms = |d: Duration| d.as_millis();
    (ms(delays[delays.len() / 2]), ms(delays[delays.len() - 1]))
}

/// Rotates the world's app secret at node A (revoking the previous one) `n` times; after each,
/// node B had the old record cached and must accept the new secret and refuse the old one.
async fn rotations_seen_by(w: &World, b: &TestApp, n: usize) -> Vec<Duration> {
    let owner = Principal::session(w.user.clone(), "arranged");
    let id = w.web.client.client_id.clone();
    let mut secret = w.web.secret.clone().unwrap();
    let mut delays = Vec::new();
    for _ in 0..n {
        assert_eq!(token_status(b, &id, &secret).await, 200, "B caches the app");
        let rotated = apps::rotate_secret(&w.app.services, &owner, &id, true)
            .await
            .unwrap();
        let (old, new) = (secret, rotated.secret);
        delays.push(
            within(BOUND, || async {
                token_status(b, &id, &new).await == 200 && token_status(b, &id, &old).await == 401
            })
            .await,
        );
        secret = new;
    }
    delays
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_rotated_or_an_app_deleted_on_one_node_is_seen_by_the_other_within_a_second() {
    let (w, b) = two_nodes(|_| {}).await;
    let mut delays = rotations_seen_by(&w, &b, 10).await;

    let (id, secret) = (&w.web.client.client_id, w.web.secret.clone().unwrap());
    // The world's secret was rotated away; delete an app whose secret B still accepts.
    let spa_owner = Principal::session(w.user.clone(), "arranged");
    let other =
        crate::helpers::oauth::new_client(&w.app, &w.user.id, &["client_credentials"], false).await;
    let (other_id, other_secret) = (&other.client.client_id, other.secret.unwrap());
    assert_eq!(token_status(&b, other_id, &other_secret).await, 200);
    apps::delete_app(&w.app.services, &spa_owner, other_id)
        .await
        .unwrap();
    delays.push(
        within(BOUND, || async {
            token_status(&b, other_id, &other_secret).await == 401
        })
        .await,
    );
    assert_eq!(token_status(&b, id, &secret).await, 401);

    let (median, max) = summary(&mut delays);
    println!(
        "cross-node invalidation of client records: median {median} ms, max {max} ms over {} \
         changes",
        delays.len()
    );
    b.stop().await;
    w.app.stop().await;
}
