//! Cases that hold for one backend only: the name each reports, and how each collects expired
//! records (the SQLite sweeper deletes them; MongoDB TTL indexes delete them by themselves).

use std::time::Duration;

use auth_center::store::{CodeTake, Stores};
use mongodb::bson::{doc, Document};
use mongodb::Database;

use crate::cases::{assert_all_present, seed_expiring};
use crate::fixtures::*;
use crate::harness::{run_mongo, run_sqlite, MongoCtx};
use crate::keys_and_admin::{assert_recently_expired_kept, seed_recently_expired};

mod sqlite {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_sqlite_backend_names_itself_sqlite() {
        run_sqlite(|s| async move { assert_eq!(s.admin.backend_name(), "sqlite") }).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn sweeping_deletes_expired_codes_sessions_email_tokens_and_refresh_tokens() {
        run_sqlite(|s| async move { sweep_deletes_what_expired(&s).await }).await;
    }
}

async fn sweep_deletes_what_expired(s: &Stores) {
    let (expired, live) = seed_expiring(s).await;
    assert_eq!(s.admin.sweep_expired(now()).await.unwrap(), 4);
    let taken = s.codes.take_code(&expired.code.digest).await.unwrap();
    assert_eq!(taken, CodeTake::NotFound);
    assert_not_found(s.sessions.get_session(&expired.session.id).await);
    let token = &expired.email_token;
    assert_eq!(consume(s, &token.digest, token.purpose).await, None);
    assert_not_found(s.grants.get_refresh(&expired.refresh.digest).await);
    assert_all_present(s, &live).await;
    assert_eq!(s.admin.sweep_expired(now()).await.unwrap(), 0);
}

mod mongo {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_mongo_backend_names_itself_mongodb() {
        run_mongo(|ctx| async move { assert_eq!(ctx.stores.admin.backend_name(), "mongodb") })
            .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn an_expired_session_document_disappears_by_itself() {
        run_mongo(expired_session_disappears).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_ttl_monitor_keeps_expired_codes_and_tokens_for_the_purge_grace() {
        run_mongo(recently_expired_tokens_survive_the_ttl_monitor).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn documents_stored_before_resource_indicators_read_as_naming_no_resource() {
        run_mongo(documents_without_resources_read_as_none).await;
    }
}

/// Documents written before RFC 8707 resources were recorded have no `resources` field; a
/// fresh connection (no cache) reads them as naming none.
async fn documents_without_resources_read_as_none(ctx: MongoCtx) {
    let s = &ctx.stores;
    let grant = sample_grant(Some(&id()), &unique("app"));
    s.grants.insert_grant(&grant).await.unwrap();
    let (code, refresh) = (sample_code(&grant), sample_refresh(&grant));
    s.codes.insert_code(&code).await.unwrap();
    s.grants.insert_refresh(&refresh).await.unwrap();
    let consent = sample_consent(&id(), &unique("app"));
    s.consents.put_consent(&consent).await.unwrap();
    let device = crate::device_codes::sample_device_code();
    s.device_codes.insert_device_code(&device).await.unwrap();
    let client = mongodb::Client::with_uri_str(&ctx.uri).await.unwrap();
    let db = client.database(&ctx.database);
    for name in ["grants", "tokens", "consents", "device_codes"] {
        let unset = doc! { "$unset": { "resources": "" } };
        let changed = db
            .collection::<Document>(name)
            .update_many(doc! {}, unset)
            .await;
        assert!(changed.unwrap().modified_count >= 1, "{name}");
    }
    let fresh = auth_center::store::mongo::connect(&ctx.uri, &ctx.database)
        .await
        .unwrap();
    let fresh = Stores::from_backend(std::sync::Arc::new(fresh));
    assert_eq!(fresh.grants.get_grant(&grant.id).await.unwrap(), grant);
    assert_eq!(
        fresh.grants.get_refresh(&refresh.digest).await.unwrap(),
        refresh
    );
    let read = fresh
        .consents
        .get_consent(&consent.user_id, &consent.client_id);
    assert_eq!(read.await.unwrap(), consent);
    let found = fresh
        .device_codes
        .find_device_code_by_user_code(&device.user_code_digest);
    assert_eq!(found.await.unwrap(), device);
    let taken = fresh.codes.take_code(&code.digest).await.unwrap();
    assert_eq!(taken, CodeTake::Taken(code));
}

/// An expired session is the witness that the TTL monitor has run; the code and refresh token
/// that expired at the same time must still be there afterwards.
async fn recently_expired_tokens_survive_the_ttl_monitor(ctx: MongoCtx) {
    let s = &ctx.stores;
    let (code, refresh) = seed_recently_expired(s).await;
    let t = now();
    let witness = auth_center::domain::Session {
        expires_at: t - secs(3_600),
        absolute_expires_at: t - secs(3_600),
        ..sample_session(&id())
    };
    s.sessions.insert_session(&witness).await.unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    while s.sessions.get_session(&witness.id).await.is_ok() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the TTL monitor never ran"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_recently_expired_kept(s, &code, &refresh).await;
}

/// Every document of the test database, whatever the collection: what TTL deletes is gone from
/// the server, not merely hidden by the store.
async fn count_documents(db: &Database) -> u64 {
    let mut total = 0;
    for name in db.list_collection_names().await.unwrap() {
        let collection = db.collection::<Document>(&name);
        total += collection.count_documents(doc! {}).await.unwrap();
    }
    total
}

async fn expired_session_disappears(ctx: MongoCtx) {
    let s = &ctx.stores;
    let client = mongodb::Client::with_uri_str(&ctx.uri).await.unwrap();
    let db = client.database(&ctx.database);
    let before = count_documents(&db).await;
    let user = id();
    let t = now();
    let expired = auth_center::domain::Session {
        expires_at: t - secs(120),
        absolute_expires_at: t - secs(60),
        ..sample_session(&user)
    };
    let live = sample_session(&user);
    s.sessions.insert_session(&expired).await.unwrap();
    s.sessions.insert_session(&live).await.unwrap();

    // No sweep: the server collects it alone. The test server runs the TTL monitor every
    // second, so 90 s is generous. The store reads majority-committed data, which may trail
    // this raw client's local reads by a moment: wait until the store no longer finds it too.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    let mut remaining = count_documents(&db).await;
    while (remaining > before + 1 || s.sessions.get_session(&expired.id).await.is_ok())
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(250)).await;
        remaining = count_documents(&db).await;
    }
    assert_eq!(
        remaining,
        before + 1,
        "documents before the sessions: {before}; the expired one should be gone, the live one kept"
    );
    assert_not_found(s.sessions.get_session(&expired.id).await);
    assert_eq!(s.sessions.get_session(&live.id).await.unwrap(), live);
}
