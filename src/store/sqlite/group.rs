//! Group commit: the writes of one scheduler turn share one transaction and one commit.
//!
//! Every commit writes each page it changed to the WAL as a 4 KiB frame, and a table's or
//! index's last page is changed by every insert into it: a code exchange that commits its three
//! writes one by one writes about a dozen frames. Here a call runs in a transaction that stays
//! open when the call wrote something: the calls that come while it is open (on this turn of the
//! scheduler) join it, each inside a savepoint of its own, and a task commits them all once the
//! turn is over. A call whose transaction wrote returns only after that commit: no answer ever
//! rests on data that is not in the WAL, and when the commit fails every call in it fails, as
//! their own commits would have. A call that only read commits at once and does not wait; one
//! that comes while writes are pending may have read them, so it waits for their commit too.

use std::sync::{Arc, Mutex};

use anyhow::anyhow;
use rusqlite::Connection;
use tokio::sync::watch;

use crate::store::{StoreError, StoreResult};

/// The connection and the group transaction open on it, if any.
pub(super) struct Conn {
    db: Connection,
    /// Set while a transaction with writes is open; its commit is announced here.
    group: Option<watch::Receiver<Option<Committed>>>,
}

/// How a group's commit ended; the error is shared by every call of the group.
type Committed = Result<(), Arc<str>>;

impl Conn {
    pub(super) fn new(db: Connection) -> Self {
        Self { db, group: None }
    }
}

/// What a call must wait for before its result may be used: the commit of its group.
pub(super) struct Pending(Option<watch::Receiver<Option<Committed>>>);

impl Pending {
    /// Nothing to wait for.
    pub(super) fn none() -> Self {
        Self(None)
    }

    /// Waits for the commit; its failure (or the store shutting down first) fails the call.
    pub(super) async fn committed(self) -> StoreResult<()> {
        let Some(mut rx) = self.0 else {
            return Ok(());
        };
        let outcome = rx.wait_for(Option::is_some).await.map(|v| v.clone());
        match outcome {
            Ok(Some(Ok(()))) => Ok(()),
            Ok(Some(Err(e))) => Err(StoreError::Unavailable(anyhow!(
                "the SQLite commit failed: {e}"
            ))),
            Ok(None) | Err(_) => Err(StoreError::Unavailable(anyhow!(
                "the store stopped before the write was committed"
            ))),
        }
    }
}

/// Runs `f` in the open group (inside a savepoint) or in a transaction of its own, which becomes
/// the group when `f` wrote. `immediate` takes the write lock before `f` runs, for calls that
/// read then write and must not find another process's commit in between.
pub(super) fn run<T, F>(
    shared: &Arc<Mutex<Conn>>,
    conn: &mut Conn,
    immediate: bool,
    f: F,
) -> (StoreResult<T>, Pending)
where
    F: FnOnce(&mut Connection) -> StoreResult<T>,
{
    if let Some(rx) = conn.group.clone() {
        return (in_savepoint(&mut conn.db, f), Pending(Some(rx)));
    }
    if !conn.db.is_autocommit() {
        // Not ours: a transaction left open cannot be trusted; start clean.
        let _ = conn.db.execute_batch("ROLLBACK");
    }
    let begin = if immediate {
        "BEGIN IMMEDIATE"
    } else {
        "BEGIN"
    };
    if let Err(e) = conn.db.execute_batch(begin) {
        return (Err(e.into()), Pending(None));
    }
    let before = conn.db.total_changes();
    let result = guarded(&mut conn.db, f);
    if result.is_err() || conn.db.total_changes() == before {
        // Nothing to keep (or nothing kept): end the transaction now, nobody waits.
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        return match conn.db.execute_batch(end) {
            Ok(()) => (result, Pending(None)),
            Err(e) => {
                let _ = conn.db.execute_batch("ROLLBACK");
                (result.and(Err(e.into())), Pending(None))
            }
        };
    }
    let (tx, rx) = watch::channel(None);
    conn.group = Some(rx.clone());
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => {
            handle.spawn(commit_after_turn(Arc::clone(shared), tx));
        }
        // Outside a runtime there is no turn to share: commit now.
        Err(_) => {
            let _ = tx.send(Some(commit(conn)));
        }
    }
    (result, Pending(Some(rx)))
}

/// `f` inside a savepoint of the open group: its error or panic undoes its writes only.
fn in_savepoint<T, F>(db: &mut Connection, f: F) -> StoreResult<T>
where
    F: FnOnce(&mut Connection) -> StoreResult<T>,
{
    if db.is_autocommit() {
        // An error (a full disk, an I/O error) made SQLite roll the whole group back: a
        // savepoint now would open and commit a transaction of its own, outside the group
        // whose commit this call waits for.
        return Err(StoreError::Unavailable(anyhow!(
            "the SQLite transaction of this turn was rolled back"
        )));
    }
    db.execute_batch("SAVEPOINT call")?;
    let result = guarded(db, f);
    let end = if result.is_ok() {
        "RELEASE call"
    } else {
        "ROLLBACK TO call; RELEASE call"
    };
    match db.execute_batch(end) {
        Ok(()) => result,
        Err(e) => result.and(Err(e.into())),
    }
}

/// A panic in `f` fails this call only.
pub(super) fn guarded<T, F>(db: &mut Connection, f: F) -> StoreResult<T>
where
    F: FnOnce(&mut Connection) -> StoreResult<T>,
{
    let run = std::panic::AssertUnwindSafe(|| f(db));
    std::panic::catch_unwind(run)
        .unwrap_or_else(|_| Err(StoreError::Internal(anyhow!("a SQLite call panicked"))))
}

/// Lets every task that is ready on this turn run (and join the group), then commits.
async fn commit_after_turn(shared: Arc<Mutex<Conn>>, tx: watch::Sender<Option<Committed>>) {
    tokio::task::yield_now().await;
    let inline = match shared.try_lock() {
        Ok(mut conn) => Some(commit(&mut conn)),
        Err(_) => None,
    };
    let outcome = match inline {
        Some(done) => done,
        None => tokio::task::spawn_blocking(move || match super::calls::lock(&shared) {
            Ok(mut conn) => commit(&mut conn),
            Err(e) => Err(Arc::from(e.to_string())),
        })
        .await
        .unwrap_or_else(|e| Err(Arc::from(e.to_string()))),
    };
    if let Err(e) = &outcome {
        tracing::error!(error = %e, "SQLite group commit failed; its calls fail");
    }
    let _ = tx.send(Some(outcome));
}

/// Commits the group; on failure rolls it back so the connection is clean for the next call.
fn commit(conn: &mut Conn) -> Committed {
    conn.group = None;
    match conn.db.execute_batch("COMMIT") {
        Ok(()) => Ok(()),
        Err(e) => {
            if !conn.db.is_autocommit() {
                let _ = conn.db.execute_batch("ROLLBACK");
            }
            Err(Arc::from(e.to_string()))
        }
    }
}
