//! What the MongoDB store promises several processes on one replica set: the durability it
//! asks of every operation (journaled majority writes, majority reads from the primary,
//! retries), that it still works on the single-node set the tests use, and the change feed
//! that tells each process what another changed. SQLite has neither: one process owns it.

use std::time::{Duration, Instant};

use auth_center::store::feed::{Change, ChangeSource, ChangeStream};
use auth_center::store::mongo::{connect, MongoStore};
use futures_util::StreamExt;
use mongodb::bson::Document;
use mongodb::options::{Acknowledgment, ReadConcern, ReadPreference, SelectionCriteria};

use crate::fixtures::*;
use crate::harness::{run_mongo, MongoCtx};

/// Every collection the store uses.
const COLLECTIONS: &[&str] = &[
    "users",
    "groups",
    "apps",
    "tokens",
    "grants",
    "consents",
    "sessions",
    "email_tokens",
    "signing_keys",
    "login_attempts",
    "device_codes",
    "revoked_tokens",
];

async fn second_handle(ctx: &MongoCtx) -> MongoStore {
    connect(&ctx.uri, &ctx.database).await.unwrap()
}

/// The next change announced within a second.
async fn next_change(stream: &mut ChangeStream) -> (Change, Duration) {
    let start = Instant::now();
    let item = tokio::time::timeout(Duration::from_secs(1), stream.next())
        .await
        .expect("a change announced within a second")
        .expect("the stream is open");
    (item.unwrap(), start.elapsed())
}

async fn concerns_are_majority_from_the_primary(ctx: MongoCtx) {
    let store = second_handle(&ctx).await;
    for name in COLLECTIONS {
        let coll = store.database().collection::<Document>(name);
        let wc = coll.write_concern().expect("a write concern");
        assert_eq!(wc.w, Some(Acknowledgment::Majority), "{name}");
        assert_eq!(wc.journal, Some(true), "{name}");
        assert_eq!(wc.w_timeout, Some(Duration::from_secs(5)), "{name}");
        assert_eq!(
            coll.read_concern(),
            Some(&ReadConcern::majority()),
            "{name}"
        );
        assert!(
            matches!(
                coll.selection_criteria(),
                Some(SelectionCriteria::ReadPreference(ReadPreference::Primary))
            ),
            "{name}"
        );
    }
}

async fn majority_writes_are_read_back_at_once(ctx: MongoCtx) {
    let s = &ctx.stores;
    let owner = sample_user(1);
    s.users.insert_user(&owner).await.unwrap();
    for n in 0..30 {
        let mut client = sample_client(&owner.id, n);
        s.clients.insert_client(&client).await.unwrap();
        assert_eq!(
            s.clients.get_client(&client.client_id).await.unwrap(),
            client
        );
        client.name = format!("renamed {n}");
        s.clients.update_client(&client).await.unwrap();
        assert_eq!(
            s.clients.get_client(&client.client_id).await.unwrap().name,
            client.name
        );
        s.clients.delete_client(&client.client_id).await.unwrap();
        assert_not_found(s.clients.get_client(&client.client_id).await);
    }
}

async fn the_feed_announces_what_another_handle_changes(ctx: MongoCtx) {
    let watcher = second_handle(&ctx).await;
    let mut stream = watcher.open_changes().await.unwrap();
    let s = &ctx.stores;
    let client = sample_client("owner", 1);
    s.clients.insert_client(&client).await.unwrap();
    let mut delays = Vec::new();
    let expected = Change::Client(client.client_id.clone());
    let (change, delay) = next_change(&mut stream).await;
    assert_eq!(change, expected);
    delays.push(delay);
    s.clients.delete_client(&client.client_id).await.unwrap();
    let (change, delay) = next_change(&mut stream).await;
    assert_eq!(change, expected);
    delays.push(delay);
    s.keys.insert_key(&sample_key(now())).await.unwrap();
    let (change, delay) = next_change(&mut stream).await;
    assert_eq!(change, Change::SigningKeys);
    delays.push(delay);
    let user = sample_user(2);
    s.users.insert_user(&user).await.unwrap();
    let (change, delay) = next_change(&mut stream).await;
    assert_eq!(change, Change::User(user.id.clone()));
    delays.push(delay);
    let (jti, expires_at) = (id(), now() + secs(600));
    let revoked = s.revoked.store();
    revoked.insert_revoked(&jti, expires_at).await.unwrap();
    let (change, delay) = next_change(&mut stream).await;
    assert_eq!(change, Change::RevokedToken { jti, expires_at });
    delays.push(delay);
    // A new grant is not announced (no cache can hold it yet; every code exchange stores one),
    // a change of a stored one is.
    let grant = sample_grant(Some(&user.id), "app");
    s.grants.insert_grant(&grant).await.unwrap();
    s.grants.revoke_grant(&grant.id, now()).await.unwrap();
    let (change, delay) = next_change(&mut stream).await;
    assert_eq!(change, Change::Grant(grant.id.clone()));
    delays.push(delay);
    // Writes elsewhere are not announced: refresh tokens change on every exchange.
    s.grants
        .insert_refresh(&sample_refresh(&grant))
        .await
        .unwrap();
    let fresh = sample_grant(Some(&user.id), "app");
    s.grants.insert_grant(&fresh).await.unwrap();
    let other = sample_client(&user.id, 2);
    s.clients.insert_client(&other).await.unwrap();
    let (change, _) = next_change(&mut stream).await;
    assert_eq!(change, Change::Client(other.client_id));
    println!("change feed delays: {delays:?}");
}

mod mongo {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn every_collection_writes_with_journaled_majority_and_reads_majority_from_the_primary() {
        run_mongo(concerns_are_majority_from_the_primary).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn majority_writes_are_read_back_at_once_on_the_single_node_replica_set() {
        run_mongo(majority_writes_are_read_back_at_once).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_change_feed_announces_app_key_account_grant_and_revocation_changes_made_through_another_handle(
    ) {
        run_mongo(the_feed_announces_what_another_handle_changes).await;
    }
}
