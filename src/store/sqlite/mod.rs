//! Embedded SQLite adapter: the zero-configuration store for one machine, mirroring
//! `store::mongo` file for file. This module owns opening the database file, the schema and its
//! migrations (`PRAGMA user_version`), the single connection and how its errors map to
//! [`StoreError`]; one sibling file per aggregate implements that aggregate's trait.
//!
//! rusqlite is blocking: one `Connection` (WAL, `synchronous=NORMAL`) sits behind a mutex; a
//! call ([`SqliteStore::call`]) runs on the calling thread when the mutex is free and on tokio's
//! blocking pool when it is not, and never holds the mutex across an await. The writes of one
//! scheduler turn share one commit ([`group`]); a call that wrote returns once it is committed.
//! One-time credentials are consumed by one statement or one savepoint that took the write lock
//! first ([`SqliteStore::call_immediate`]), never get-then-delete. Timestamps are INTEGER unix
//! milliseconds.
//!
//! Must not import poem, the service or web layers, nor the mongo adapter.

mod admin;
mod assertion_jtis;
mod audit;
mod calls;
mod checkpoint;
mod clients;
mod codes;
mod consents;
mod device_codes;
mod email_tokens;
mod errors;
mod grant_records;
mod grants;
mod group;
#[cfg(test)]
mod group_tests;
mod groups;
mod keys;
mod login_attempts;
mod outbox;
mod passkeys;
mod pushed_requests;
mod registrations;
mod resource_servers;
mod revoked;
mod second_factors;
mod sessions;
#[cfg(test)]
mod tests;
mod users;

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{anyhow, bail, Context};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Params, Row, TransactionBehavior};
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::Page;
use crate::store::{StoreError, StoreResult};

/// The database file inside the data directory.
pub const DB_FILE: &str = "auth-center.db";

/// How long a statement waits for a lock held by another process before `Unavailable`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Schema migrations; entry `i` takes the database from `user_version` i to i + 1. Append only:
/// a released entry is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_v6.sql"),
    include_str!("schema_v7.sql"),
    include_str!("schema_v8.sql"),
    include_str!("schema_v9.sql"),
    include_str!("schema_v10.sql"),
    include_str!("schema_v11.sql"),
    include_str!("schema_v12.sql"),
    include_str!("schema_v13.sql"),
    include_str!("schema_v14.sql"),
    include_str!("schema_v15.sql"),
    include_str!("schema_v16.sql"),
    include_str!("schema_v17.sql"),
    include_str!("schema_v18.sql"),
    include_str!("schema_v19.sql"),
    include_str!("schema_v20.sql"),
];

/// The SQLite backend: every store trait over one database file.
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<group::Conn>>,
    /// A second, read-only connection for the calls that only read: they see what is
    /// committed and never wait for a group's commit.
    reader: Arc<Mutex<Connection>>,
    path: Arc<PathBuf>,
    /// `None` when the database is not in WAL mode (SQLite then checkpoints nothing).
    _checkpointer: Option<Arc<checkpoint::Checkpointer>>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Opens (creating if needed) `dir/auth-center.db` and brings its schema up to date.
pub async fn open(dir: &Path) -> anyhow::Result<SqliteStore> {
    let dir = dir.to_path_buf();
    tokio::task::spawn_blocking(move || open_blocking(&dir))
        .await
        .context("the task opening the SQLite database failed")?
}

impl SqliteStore {
    /// Same as [`open`].
    pub async fn open(dir: &Path) -> anyhow::Result<Self> {
        open(dir).await
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn open_blocking(dir: &Path) -> anyhow::Result<SqliteStore> {
    ensure_writable_dir(dir)?;
    let path = dir.join(DB_FILE);
    restrict_db_files(&path)?;
    let mut conn = Connection::open(&path)
        .with_context(|| format!("cannot open SQLite database {}", path.display()))?;
    let wal = configure(&conn).with_context(|| format!("cannot configure {}", path.display()))?;
    migrate(&mut conn).with_context(|| format!("cannot migrate {}", path.display()))?;
    let checkpointer = if wal {
        let checkpointer = checkpoint::start(&path)?;
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Some(Arc::new(checkpointer))
    } else {
        None
    };
    let reader = Connection::open(&path)
        .with_context(|| format!("cannot open SQLite database {}", path.display()))?;
    reader.busy_timeout(BUSY_TIMEOUT)?;
    reader.pragma_update(None, "query_only", true)?;
    Ok(SqliteStore {
        conn: Arc::new(Mutex::new(group::Conn::new(conn))),
        reader: Arc::new(Mutex::new(reader)),
        path: Arc::new(path),
        _checkpointer: checkpointer,
    })
}

/// The database holds password hashes, sessions and signing keys: it is created `0600` (SQLite
/// gives its `-wal` and `-shm` files the database's mode), and existing files are narrowed to it.
fn restrict_db_files(db: &Path) -> anyhow::Result<()> {
    let cannot =
        |p: &Path, e: std::io::Error| anyhow!("{} cannot be made private: {e}", p.display());
    match crate::data_dir::private_file_options()
        .create_new(true)
        .open(db)
    {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(cannot(db, e)),
    }
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            crate::data_dir::restrict_file(&p).map_err(|e| cannot(&p, e))?;
        }
    }
    Ok(())
}

/// Fails early, naming the directory, rather than with SQLite's vague "unable to open".
fn ensure_writable_dir(dir: &Path) -> anyhow::Result<()> {
    crate::data_dir::create_private_dir(dir)
        .map_err(|e| anyhow!("data directory {} cannot be created: {e}", dir.display()))?;
    let probe = dir.join(format!(".write-probe-{}", uuid::Uuid::new_v4()));
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .map_err(|e| anyhow!("data directory {} is not writable: {e}", dir.display()))?;
    std::fs::remove_file(&probe)
        .map_err(|e| anyhow!("data directory {} is not writable: {e}", dir.display()))
}

/// Sets the connection up; true when the database is in WAL mode.
fn configure(conn: &Connection) -> anyhow::Result<bool> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // Some file systems (network mounts) cannot do WAL; SQLite then keeps its rollback
        // journal, which is slower under concurrency but correct.
        tracing::warn!(journal_mode = %mode, "SQLite could not enable WAL mode");
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "journal_size_limit", checkpoint::WAL_SIZE_LIMIT)?;
    Ok(mode.eq_ignore_ascii_case("wal"))
}

/// Applies pending migrations, each in its own IMMEDIATE transaction that re-reads the version,
/// so two processes starting on the same file cannot both apply one.
fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    let target = MIGRATIONS.len();
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let version = usize::try_from(version).context("negative schema version")?;
        if version > target {
            bail!("schema version {version} is newer than this auth-center supports ({target})");
        }
        let Some(sql) = MIGRATIONS.get(version) else {
            return Ok(());
        };
        tx.execute_batch(sql)
            .with_context(|| format!("migration to schema version {}", version + 1))?;
        tx.pragma_update(None, "user_version", i64::try_from(version + 1)?)?;
        tx.commit()?;
        tracing::info!(version = version + 1, "migrated the SQLite schema");
    }
}

// ---- shared row helpers -------------------------------------------------------------------

/// A stored value that does not parse back: corrupt data or a bug, never the caller's fault.
fn corrupt(what: &str, e: impl Display) -> StoreError {
    StoreError::Internal(anyhow!("stored {what} is invalid: {e}"))
}

fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn opt_ms(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(ms)
}

fn from_ms(v: i64) -> StoreResult<DateTime<Utc>> {
    DateTime::from_timestamp_millis(v).ok_or_else(|| corrupt("timestamp", v))
}

/// Reads an INTEGER milliseconds column.
fn time(r: &Row<'_>, column: &str) -> StoreResult<DateTime<Utc>> {
    from_ms(r.get(column)?)
}

fn opt_time(r: &Row<'_>, column: &str) -> StoreResult<Option<DateTime<Utc>>> {
    r.get::<_, Option<i64>>(column)?.map(from_ms).transpose()
}

fn to_json<T: Serialize + ?Sized>(v: &T) -> StoreResult<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Internal(e.into()))
}

/// Reads a JSON text column.
fn json<T: DeserializeOwned>(r: &Row<'_>, column: &str) -> StoreResult<T> {
    let text: String = r.get(column)?;
    serde_json::from_str(&text).map_err(|e| corrupt(column, e))
}

/// The first row mapped by `f`, if any. For `UPDATE/DELETE ... RETURNING` on a unique key every
/// change happens on the first step, so reading one row is enough.
fn query_opt<T>(
    c: &Connection,
    sql: &str,
    params: impl Params,
    f: impl FnOnce(&Row<'_>) -> StoreResult<T>,
) -> StoreResult<Option<T>> {
    let mut stmt = c.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    rows.next()?.map(f).transpose()
}

/// Like [`query_opt`], `NotFound` when there is no row.
fn query_one<T>(
    c: &Connection,
    sql: &str,
    params: impl Params,
    f: impl FnOnce(&Row<'_>) -> StoreResult<T>,
) -> StoreResult<T> {
    query_opt(c, sql, params, f)?.ok_or(StoreError::NotFound)
}

fn query_all<T>(
    c: &Connection,
    sql: &str,
    params: impl Params,
    mut f: impl FnMut(&Row<'_>) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let mut stmt = c.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(f(row)?);
    }
    Ok(out)
}

/// Runs a statement whose first column is a count.
fn count(c: &Connection, sql: &str, params: impl Params) -> StoreResult<u64> {
    let n: i64 = c.prepare_cached(sql)?.query_row(params, |r| r.get(0))?;
    u64::try_from(n).map_err(|e| corrupt("count", e))
}

/// Executes a write that must touch a row: `NotFound` when none matched.
fn execute_one(c: &Connection, sql: &str, params: impl Params) -> StoreResult<()> {
    match c.prepare_cached(sql)?.execute(params)? {
        0 => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

/// Executes a write and returns how many rows it touched.
fn execute(c: &Connection, sql: &str, params: impl Params) -> StoreResult<u64> {
    let n = c.prepare_cached(sql)?.execute(params)?;
    Ok(u64::try_from(n).unwrap_or(u64::MAX))
}

/// `(LIMIT, OFFSET)` for a page; values beyond `i64` saturate.
fn limit_offset(page: Page) -> (i64, i64) {
    let clamp = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    (clamp(page.limit), clamp(page.offset))
}
