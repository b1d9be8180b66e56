//! WAL checkpoints off the request path.
//!
//! SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that commit
//! copies the WAL into the database file and waits for `fsync`, holding the store's one
//! connection (and, when the call ran on an async worker, that worker) for as long as the disk
//! takes. Instead the request connection's automatic checkpoint is off and a thread of its own,
//! with its own connection, runs a PASSIVE checkpoint a few times a second: it never blocks a
//! writer, and the `fsync` waits on that thread only. The thread ends when the last handle to
//! the store is dropped. Durability is unchanged: with `synchronous=NORMAL` a commit is in the
//! WAL when it returns, and the WAL is replayed on the next open after a crash.

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use anyhow::Context;
use rusqlite::Connection;

/// How often the WAL is copied back into the database file.
const INTERVAL: Duration = Duration::from_millis(250);

/// A WAL larger than this is truncated back to it once checkpointed, so one burst of writes
/// does not keep its disk space.
pub(super) const WAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

/// Stops the checkpoint thread when dropped.
pub(super) struct Checkpointer {
    _stop: mpsc::Sender<()>,
}

/// Starts the checkpoint thread for the database at `path` (already in WAL mode).
pub(super) fn start(path: &Path) -> anyhow::Result<Checkpointer> {
    let conn = Connection::open(path).context("the checkpoint connection cannot open")?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let (stop, stopped) = mpsc::channel::<()>();
    std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || run(&conn, &stopped))
        .context("the checkpoint thread cannot start")?;
    Ok(Checkpointer { _stop: stop })
}

fn run(conn: &Connection, stopped: &mpsc::Receiver<()>) {
    let mut failing = false;
    loop {
        match stopped.recv_timeout(INTERVAL) {
            Err(RecvTimeoutError::Timeout) => {}
            Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
        }
        // PASSIVE copies what no reader still needs and never waits for a lock; the busy column
        // (1 when another process held the checkpoint) needs no action: the next round retries.
        let result = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        match (result, failing) {
            (Err(e), false) => {
                tracing::warn!(error = %e, "SQLite WAL checkpoint failed; retrying");
                failing = true;
            }
            (Ok(()), true) => {
                tracing::info!("SQLite WAL checkpoint works again");
                failing = false;
            }
            _ => {}
        }
    }
}
