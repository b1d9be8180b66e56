//! Backend-wide operations for SQLite ([`StoreAdmin`]): the liveness ping and the sweeper that
//! stands in for MongoDB's TTL indexes. The sweeper only collects garbage (expiry itself is
//! decided by the domain against `now`), so it may lag; it deletes in bounded batches, each in
//! its own blocking call, so request traffic interleaves instead of waiting for one long lock.

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

use super::{execute, ms, query_one, SqliteStore};
use crate::domain::TOKEN_PURGE_GRACE_SECS;
use crate::store::{StoreAdmin, StoreResult};

/// Rows deleted per statement per batch.
const BATCH: u32 = 1000;

/// Each statement deletes at most `?2` rows expired at `?1`. Codes and tokens are kept for the
/// purge grace (`domain::TOKEN_PURGE_GRACE_SECS`): their statements get `?1` = now - grace, so a
/// replayed expired code or refresh token is still recognised and revokes its grant. Tokens go
/// before grants so a grant whose last token is purged in this sweep goes in the same sweep.
const TOKEN_SWEEPS: &[&str] = &[
    "DELETE FROM codes WHERE rowid IN \
     (SELECT rowid FROM codes WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM refresh_tokens WHERE rowid IN \
     (SELECT rowid FROM refresh_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM access_tokens WHERE rowid IN \
     (SELECT rowid FROM access_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM device_codes WHERE rowid IN \
     (SELECT rowid FROM device_codes WHERE expires_at <= ?1 LIMIT ?2)",
];

const SWEEPS: &[&str] = &[
    "DELETE FROM sessions WHERE rowid IN \
     (SELECT rowid FROM sessions WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM email_tokens WHERE rowid IN \
     (SELECT rowid FROM email_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM signing_keys WHERE rowid IN \
     (SELECT rowid FROM signing_keys WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM login_attempts WHERE rowid IN \
     (SELECT rowid FROM login_attempts WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM pushed_requests WHERE rowid IN \
     (SELECT rowid FROM pushed_requests WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM known_devices WHERE rowid IN \
     (SELECT rowid FROM known_devices WHERE expires_at <= ?1 LIMIT ?2)",
    // Mail whose links expired before it could be delivered.
    "DELETE FROM outbox WHERE rowid IN \
     (SELECT rowid FROM outbox WHERE expires_at <= ?1 LIMIT ?2)",
    // A deny-list entry is useless once the token it revokes has expired.
    "DELETE FROM revoked_tokens WHERE rowid IN \
     (SELECT rowid FROM revoked_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    // An assertion id is only needed while its assertion could still be accepted.
    "DELETE FROM assertion_jtis WHERE rowid IN \
     (SELECT rowid FROM assertion_jtis WHERE expires_at <= ?1 LIMIT ?2)",
    // An initial access token past its expiry registers nothing (RFC 7591 §3).
    "DELETE FROM initial_access_tokens WHERE rowid IN \
     (SELECT rowid FROM initial_access_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    // An audit event past its retention period.
    "DELETE FROM audit_events WHERE rowid IN \
     (SELECT rowid FROM audit_events WHERE expires_at <= ?1 LIMIT ?2)",
    // A grant that expired or was revoked is kept while any code or token still points at it,
    // so replay detection (`take_code`, `rotate_refresh`) can still revoke by grant id.
    "DELETE FROM grants WHERE rowid IN (SELECT g.rowid FROM grants g \
     WHERE (g.expires_at <= ?1 OR g.revoked_at IS NOT NULL) \
     AND NOT EXISTS (SELECT 1 FROM codes c WHERE c.grant_id = g.id) \
     AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.grant_id = g.id) \
     AND NOT EXISTS (SELECT 1 FROM access_tokens a WHERE a.grant_id = g.id) \
     LIMIT ?2)",
];

impl SqliteStore {
    /// Runs one sweep statement in batches until a batch deletes fewer than `BATCH` rows.
    async fn sweep_batches(&self, sql: &'static str, before: i64) -> StoreResult<u64> {
        let mut total = 0;
        loop {
            let n = self
                .call(move |c| execute(c, sql, params![before, BATCH]))
                .await?;
            total += n;
            if n < u64::from(BATCH) {
                return Ok(total);
            }
        }
    }
}

#[async_trait]
impl StoreAdmin for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        self.call(|c| query_one(c, "SELECT 1", [], |_| Ok(())))
            .await
    }

    /// Returns the total number of rows deleted, across every table.
    async fn sweep_expired(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let purge_before = ms(now - Duration::seconds(TOKEN_PURGE_GRACE_SECS));
        let mut total = 0;
        for sql in TOKEN_SWEEPS {
            total += self.sweep_batches(sql, purge_before).await?;
        }
        for sql in SWEEPS {
            total += self.sweep_batches(sql, ms(now)).await?;
        }
        Ok(total)
    }

    fn backend_name(&self) -> &'static str {
        "sqlite"
    }

    /// Nothing to do: the connection closes when the store is dropped.
    async fn close(&self) {}
}
