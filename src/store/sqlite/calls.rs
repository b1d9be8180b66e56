//! How a call reaches the connections: right on the calling thread when its connection is
//! free, else on tokio's blocking pool; writes through the group commit ([`super::group`]),
//! reads on the read-only connection. Every call is measured here.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use anyhow::anyhow;
use rusqlite::Connection;

use super::{group, SqliteStore};
use crate::metrics::{metrics, StoreBackend};
use crate::store::{StoreError, StoreResult};

impl SqliteStore {
    /// Runs `f` with the connection: right here when the connection is free (a point read or
    /// write takes microseconds, less than the two thread switches of a hop to the blocking
    /// pool), else on the blocking pool, which waits for the lock there. The lock is never held
    /// across an await; a panic in `f` fails this call only.
    /// When `f` wrote, the call returns once the group it joined is committed ([`group`]).
    ///
    /// Every store operation passes here, so this is where the store metrics are taken: the
    /// time of the call (waiting for the connection and the commit included) and the errors
    /// that are not answers.
    pub(super) async fn call<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        self.measured(false, f).await
    }

    /// Like [`call`](Self::call), with the write lock taken before `f` runs: for calls that
    /// read, then write what they read, inside one savepoint.
    pub(super) async fn call_immediate<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        self.measured(true, f).await
    }

    /// Like [`call`](Self::call) for a call that only reads, on the read-only connection (a
    /// write fails there at once): it sees the committed data and never waits for a commit.
    pub(super) async fn call_read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let start = Instant::now();
        let inline = match self.reader.try_lock() {
            Ok(mut guard) => Ok(group::guarded(&mut guard, f)),
            Err(_) => Err(f),
        };
        let result = match inline {
            Ok(done) => done,
            Err(f) => {
                let reader = Arc::clone(&self.reader);
                tokio::task::spawn_blocking(move || group::guarded(&mut *lock(&reader)?, f))
                    .await
                    .map_err(|e| StoreError::Internal(anyhow!("SQLite task failed: {e}")))?
            }
        };
        observed(start, result)
    }

    async fn measured<T, F>(&self, immediate: bool, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let start = Instant::now();
        observed(start, self.run(immediate, f).await)
    }

    async fn run<T, F>(&self, immediate: bool, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let inline = match self.conn.try_lock() {
            Ok(mut guard) => Ok(group::run(&self.conn, &mut guard, immediate, f)),
            Err(_) => Err(f),
        };
        let (result, pending) = match inline {
            Ok(done) => done,
            Err(f) => {
                let conn = Arc::clone(&self.conn);
                tokio::task::spawn_blocking(move || match lock(&conn) {
                    Ok(mut guard) => group::run(&conn, &mut guard, immediate, f),
                    Err(e) => (Err(e), group::Pending::none()),
                })
                .await
                .map_err(|e| StoreError::Internal(anyhow!("SQLite task failed: {e}")))?
            }
        };
        pending.committed().await?;
        result
    }
}

/// Records a call's time and, unless it is an answer, its error.
fn observed<T>(start: Instant, result: StoreResult<T>) -> StoreResult<T> {
    metrics().sqlite_call(start.elapsed());
    if let Err(e) = &result {
        e.count(StoreBackend::Sqlite);
    }
    result
}

/// A connection, whatever a panic left.
pub(super) fn lock<C>(conn: &Mutex<C>) -> StoreResult<MutexGuard<'_, C>> {
    conn.lock().map_err(|_| {
        // Panics in calls are caught ([`group::guarded`]), so this is a panic in the store's
        // own code while holding the lock: clearing the flag lets the next calls work instead
        // of the whole store failing until restart.
        conn.clear_poison();
        StoreError::Internal(anyhow!("SQLite connection lock was poisoned by a panic"))
    })
}
