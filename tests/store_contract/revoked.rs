//! The deny-list of revoked access tokens (`store::revoked`): an entry per revoked `jti`,
//! stored idempotently, found and listed with its expiry; the in-memory copy in front of it
//! refuses a revoked `jti` at once and starts from what was stored before it existed; an entry
//! is collected once its token has expired (the SQLite sweeper, MongoDB's TTL index).

use std::time::Duration;

use auth_center::store::Stores;

use crate::fixtures::*;
use crate::harness::{run_mongo, run_sqlite, MongoCtx};

pub async fn a_revoked_jti_is_stored_once_found_and_listed_with_its_expiry(s: &Stores) {
    let stored = s.revoked.store();
    let (jti, other) = (id(), id());
    let expires_at = now() + secs(600);
    assert!(!stored.is_revoked(&jti).await.unwrap());
    stored.insert_revoked(&jti, expires_at).await.unwrap();
    stored.insert_revoked(&jti, expires_at).await.unwrap();
    assert!(stored.is_revoked(&jti).await.unwrap());
    assert!(!stored.is_revoked(&other).await.unwrap());
    assert_eq!(
        stored.list_revoked().await.unwrap(),
        vec![(jti, expires_at)]
    );
}

pub async fn the_deny_list_refuses_a_revoked_jti_at_once_and_knows_what_was_stored_before(
    s: &Stores,
) {
    let t = now();
    let earlier = id();
    s.revoked
        .store()
        .insert_revoked(&earlier, t + secs(600))
        .await
        .unwrap();
    assert!(s.revoked.is_revoked(&earlier, t).await.unwrap());
    let jti = id();
    assert!(!s.revoked.is_revoked(&jti, t).await.unwrap());
    s.revoked.revoke(&jti, t + secs(600), t).await.unwrap();
    assert!(s.revoked.is_revoked(&jti, t).await.unwrap());
    assert!(s.revoked.store().is_revoked(&jti).await.unwrap());
}

/// One entry whose token expired a minute ago and one still live.
async fn seed_entries(s: &Stores) -> (String, String) {
    let (expired, live) = (id(), id());
    let stored = s.revoked.store();
    stored
        .insert_revoked(&expired, now() - secs(60))
        .await
        .unwrap();
    stored
        .insert_revoked(&live, now() + secs(600))
        .await
        .unwrap();
    (expired, live)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_sqlite_sweeper_deletes_a_deny_list_entry_once_its_token_has_expired() {
    run_sqlite(|s| async move {
        let (expired, live) = seed_entries(&s).await;
        assert_eq!(s.admin.sweep_expired(now()).await.unwrap(), 1);
        assert!(!s.revoked.store().is_revoked(&expired).await.unwrap());
        assert!(s.revoked.store().is_revoked(&live).await.unwrap());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn mongodb_deletes_a_deny_list_entry_by_itself_once_its_token_has_expired() {
    run_mongo(|ctx: MongoCtx| async move {
        let s = &ctx.stores;
        let (expired, live) = seed_entries(s).await;
        // The test server runs the TTL monitor every second: 90 s is generous.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
        while s.revoked.store().is_revoked(&expired).await.unwrap() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the expired entry is still there"
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        assert!(s.revoked.store().is_revoked(&live).await.unwrap());
    })
    .await;
}
