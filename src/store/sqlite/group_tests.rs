//! Group commit ([`super::group`]): a write is in the database file's WAL when its call returns,
//! the writes of one scheduler turn share one commit, a failed commit fails every call in it
//! and keeps none of their writes, and the store works again for the next call.

use super::tests::code;
use super::{open, SqliteStore, DB_FILE};
use crate::store::{CodeStore, CodeTake, StoreError};

/// What another connection (another process) sees: only what was committed.
fn committed_codes(dir: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(dir.join(DB_FILE)).unwrap();
    c.query_row("SELECT count(*) FROM codes", [], |r| r.get(0))
        .unwrap()
}

/// A write that only fails when its transaction commits: with deferred foreign keys, the
/// missing group is found at COMMIT, not at the INSERT.
async fn write_failing_at_commit(store: &SqliteStore) -> Result<(), StoreError> {
    store
        .call(|c| {
            c.pragma_update(None, "defer_foreign_keys", true)?;
            c.execute(
                "INSERT INTO group_members (group_id, user_id) VALUES ('no-such-group', 'u')",
                [],
            )?;
            Ok(())
        })
        .await
}

#[tokio::test(flavor = "current_thread")]
async fn concurrent_writes_are_committed_when_their_calls_return() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let codes: Vec<_> = (0..40).map(|_| code()).collect();
    let writes = codes.iter().map(|c| {
        let store = store.clone();
        async move {
            store.insert_code(c).await.unwrap();
            // Returned: another connection sees it, whatever the other calls are doing.
            let seen: i64 = rusqlite::Connection::open(store.path())
                .unwrap()
                .query_row(
                    "SELECT count(*) FROM codes WHERE digest = ?1",
                    [&c.digest],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(seen, 1, "a returned write must be committed");
        }
    });
    futures_util::future::join_all(writes).await;
    assert_eq!(committed_codes(dir.path()), 40);
    // Two takes of one code on the same turn: exactly one wins, the other sees it used.
    let digest = codes[0].digest.clone();
    let (a, b) = tokio::join!(store.take_code(&digest), store.take_code(&digest));
    let taken = [a.unwrap(), b.unwrap()]
        .iter()
        .filter(|t| matches!(t, CodeTake::Taken(_)))
        .count();
    assert_eq!(taken, 1);
}

#[tokio::test(flavor = "current_thread")]
async fn a_failed_commit_fails_every_call_of_its_turn_and_keeps_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let (first, second) = (code(), code());
    // Both calls run on this turn: they share the transaction, so the second one's commit
    // failure is the first one's too, and neither write is kept.
    let (ok_alone, bad) = tokio::join!(store.insert_code(&first), write_failing_at_commit(&store));
    assert!(
        matches!(ok_alone, Err(StoreError::Unavailable(_))),
        "{ok_alone:?}"
    );
    assert!(matches!(bad, Err(StoreError::Unavailable(_))), "{bad:?}");
    assert_eq!(committed_codes(dir.path()), 0);
    assert!(matches!(
        store.take_code(&first.digest).await,
        Ok(CodeTake::NotFound)
    ));
    // The connection is clean again: the next writes work and are kept.
    store.insert_code(&first).await.unwrap();
    store.insert_code(&second).await.unwrap();
    assert_eq!(committed_codes(dir.path()), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn a_failed_call_in_a_turn_undoes_only_its_own_writes() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let (kept, other) = (code(), code());
    let failing = store.call({
        let digest = other.digest.clone();
        move |c| {
            c.execute("UPDATE codes SET used = 1 WHERE digest = ?1", [&digest])?;
            c.execute("INSERT INTO no_such_table VALUES (1)", [])?;
            Ok(())
        }
    });
    store.insert_code(&other).await.unwrap();
    let (stored, failed) = tokio::join!(store.insert_code(&kept), failing);
    stored.unwrap();
    assert!(matches!(failed, Err(StoreError::Internal(_))), "{failed:?}");
    assert_eq!(committed_codes(dir.path()), 2);
    // The failed call's UPDATE was undone with it: the other code is still unused.
    assert!(matches!(
        store.take_code(&other.digest).await,
        Ok(CodeTake::Taken(_))
    ));
}

#[tokio::test(flavor = "current_thread")]
async fn a_panicking_call_fails_alone_and_the_store_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let first = code();
    let panics = store.call(|c| -> Result<(), StoreError> {
        c.execute("DELETE FROM codes", [])?;
        panic!("a bug in a store call");
    });
    let (stored, panicked) = tokio::join!(store.insert_code(&first), panics);
    stored.unwrap();
    assert!(matches!(panicked, Err(StoreError::Internal(_))));
    assert_eq!(committed_codes(dir.path()), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn a_read_sees_only_committed_writes_and_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).await.unwrap();
    let count = || {
        store.call_read(|c| {
            Ok(c.query_row("SELECT count(*) FROM codes", [], |r| r.get::<_, i64>(0))?)
        })
    };
    // On the same turn as a write: the read runs before the write's commit and does not see it
    // (nor wait for it); once the write returned, it is seen.
    let first = code();
    let (stored, seen) = tokio::join!(store.insert_code(&first), count());
    stored.unwrap();
    assert_eq!(seen.unwrap(), 0);
    assert_eq!(count().await.unwrap(), 1);
    let write = store
        .call_read(|c| Ok(c.execute("DELETE FROM codes", [])?))
        .await;
    assert!(matches!(write, Err(StoreError::Internal(_))), "{write:?}");
    assert_eq!(count().await.unwrap(), 1);
}
