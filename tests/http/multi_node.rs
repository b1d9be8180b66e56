//! Two nodes on one MongoDB database are one service: what one node caches (client records,
//! signing keys, revoked access tokens) follows a change made through the other within a second, through the
//! store's change feed, also after the feed broke. MongoDB only: a SQLite database belongs
//! to one process, so it has no second node to tell. The measured delays are printed (run
//! with `--no-capture` to see them).

use std::future::Future;
use std::time::{Duration, Instant};

use auth_center::service::access::Principal;
use auth_center::service::apps;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use secrecy::SecretString;

use crate::helpers::oauth::{post_form, world_on, World};

#[path = "multi_node_cases/revocation.rs"]
mod revocation;
use crate::helpers::{test_settings, Backend, TestApp};

/// The bound the service promises for a change to reach every node.
const BOUND: Duration = Duration::from_secs(1);

/// Node A (with the world's user and apps) and node B, a second application on A's database
/// with the same key-encryption key and public URL (A's address, as a load balancer's would
/// be: the issuer of the tokens), each with its own clock, both feeds open.
async fn two_nodes(settings: impl Fn(&mut auth_center::config::Settings)) -> (World, TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = test_settings(Backend::Mongo, dir.path());
    s.oauth.key_encryption_key = Some(SecretString::from("one secret for every node"));
    settings(&mut s);
    let a = TestApp::spawn_with(s.clone(), dir).await;
    let dir_b = tempfile::tempdir().unwrap();
    s.store.data_dir = dir_b.path().to_path_buf();
    s.server.public_url = Some(a.address.parse().unwrap());
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
    let mut delays = rotations_seen_by(&w, &b, 20).await;

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

/// The kids of `node`'s JWKS, the signing key first.
async fn jwks_kids(node: &TestApp) -> Vec<String> {
    let jwks: serde_json::Value = node.get("/oauth2/jwks").await.json().await.unwrap();
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

/// The kid of an access token the world's confidential app gets at `node`.
async fn signing_kid(w: &World, node: &TestApp) -> String {
    let secret = w.web.secret.as_deref().unwrap();
    let form = [("grant_type", "client_credentials")];
    let auth = Some((w.web.client.client_id.as_str(), secret));
    let (status, _, body) = post_form(node, "/oauth2/token", auth, &form).await;
    assert_eq!(status, 200, "{body}");
    let token = body["access_token"].as_str().unwrap();
    jsonwebtoken::decode_header(token).unwrap().kid.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_rotated_on_one_node_is_in_every_nodes_jwks_before_any_node_signs_with_it() {
    let rotation = Duration::from_secs(4 * 3600);
    let (w, b) = two_nodes(|s| s.oauth.key_rotation = rotation).await;
    let first = jwks_kids(&w.app).await;
    assert_eq!(first.len(), 1);
    assert_eq!(jwks_kids(&b).await, first);

    // Node A enters the signer's last hour: it stores the successor, which signs only later.
    w.app.advance(rotation - Duration::from_secs(1800));
    let at_a = jwks_kids(&w.app).await;
    assert_eq!(at_a.len(), 2, "{at_a:?}");
    let next = at_a.iter().find(|k| **k != first[0]).unwrap().clone();
    let delay = within(BOUND, || async { jwks_kids(&b).await.contains(&next) }).await;
    println!(
        "cross-node propagation of a signing key: {} ms",
        delay.as_millis()
    );
    assert_eq!(signing_kid(&w, &w.app).await, first[0]);
    assert_eq!(signing_kid(&w, &b).await, first[0]);

    // Past the retirement both nodes sign with the successor and verify each other's tokens.
    w.app.advance(Duration::from_secs(3600));
    b.advance(rotation + Duration::from_secs(1800));
    for (signer, verifier) in [(&w.app, &b), (&b, &w.app)] {
        let secret = w.web.secret.as_deref().unwrap();
        let auth = Some((w.web.client.client_id.as_str(), secret));
        let (_, _, body) = post_form(
            signer,
            "/oauth2/token",
            auth,
            &[("grant_type", "client_credentials")],
        )
        .await;
        let token = body["access_token"].as_str().unwrap();
        assert_eq!(
            jsonwebtoken::decode_header(token).unwrap().kid.as_deref(),
            Some(next.as_str())
        );
        let (_, _, answer) =
            post_form(verifier, "/oauth2/introspect", auth, &[("token", token)]).await;
        assert_eq!(answer["active"], true, "{answer}");
    }
    assert_eq!(jwks_kids(&b).await.len(), 2, "the old key stays published");
    b.stop().await;
    w.app.stop().await;
}

/// Kills the change streams' `getMore` operations on database `db` (both nodes'), as an
/// operator's `killOp` or a failing connection would; how many were killed.
async fn kill_stream_operations(db: &str) -> usize {
    let admin = mongodb::Client::with_uri_str(crate::helpers::mongo_uri())
        .await
        .unwrap()
        .database("admin");
    let mut killed = std::collections::HashSet::new();
    let start = Instant::now();
    while killed.len() < 2 && start.elapsed() < Duration::from_secs(5) {
        let pipeline = [
            doc! { "$currentOp": { "allUsers": true } },
            doc! { "$match": { "op": "getmore", "ns": format!("{db}.$cmd") } },
        ];
        let ops: Vec<_> = admin
            .aggregate(pipeline)
            .await
            .unwrap()
            .try_collect()
            .await
            .unwrap();
        for op in ops {
            let opid = op.get("opid").unwrap().clone();
            admin
                .run_command(doc! { "killOp": 1, "op": opid.clone() })
                .await
                .unwrap();
            killed.insert(opid.to_string());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    killed.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_stream_whose_operation_is_killed_resumes_and_still_invalidates() {
    let (w, b) = two_nodes(|_| {}).await;
    let killed = kill_stream_operations(&w.app.settings.store.mongodb_database).await;
    assert!(killed >= 1, "no change stream operation found to kill");
    let mut delays = rotations_seen_by(&w, &b, 3).await;
    let (median, max) = summary(&mut delays);
    println!("after {killed} killed stream operations: median {median} ms, max {max} ms");
    b.stop().await;
    w.app.stop().await;
}

/// A mongod of this test's own, restarted under the nodes (the shared one must stay up).
const RESTARTED_PORT: &str = "27131";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_stream_broken_by_a_mongodb_restart_falls_back_and_still_invalidates() {
    use crate::mongo_outage::script;
    crate::helpers::mongo_uri();
    script(&["start", RESTARTED_PORT]);
    let uri = script(&["uri", RESTARTED_PORT]);
    let (w, b) = two_nodes(|s| {
        s.store.mongodb_uri = Some(SecretString::from(uri.clone()));
        s.store.mongodb_database = crate::helpers::unique_db_name("restart");
    })
    .await;
    let feed = b.services.stores.feed.clone().unwrap();
    let owner = Principal::session(w.user.clone(), "arranged");
    let other =
        crate::helpers::oauth::new_client(&w.app, &w.user.id, &["client_credentials"], false).await;
    let (id, secret) = (&other.client.client_id, other.secret.unwrap());
    assert_eq!(token_status(&b, id, &secret).await, 200, "B caches the app");

    script(&["stop", RESTARTED_PORT]);
    within(Duration::from_secs(30), || async { !feed.is_live() }).await;
    script(&["start", RESTARTED_PORT]);
    // Deleted as soon as A can write again, whether or not B's feed has reopened yet: B
    // bypasses its cache until it has, and drops it when it does.
    within(Duration::from_secs(60), || async {
        apps::delete_app(&w.app.services, &owner, id).await.is_ok()
    })
    .await;
    let delay = within(BOUND, || async {
        token_status(&b, id, &secret).await == 401
    })
    .await;
    within(Duration::from_secs(30), || async { feed.is_live() }).await;
    assert!(feed.times_opened() >= 2, "the feed was reopened");
    let mut delays = rotations_seen_by(&w, &b, 2).await;
    delays.push(delay);
    let (median, max) = summary(&mut delays);
    println!("around a MongoDB restart: median {median} ms, max {max} ms");
    b.stop().await;
    w.app.stop().await;
    script(&["stop", RESTARTED_PORT]);
}
