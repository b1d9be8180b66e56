//! Backend-wide operations for SQLite ([`StoreAdmin`]): the liveness ping and the sweeper that
//! stands in for MongoDB's TTL indexes. The sweeper only collects garbage (expiry itself is
//! decided by the domain against `now`), so it may lag; it deletes in bounded batches, each in
//! its own blocking call, so request traffic interleaves instead of waiting for one long lock.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{execute, ms, query_one, SqliteStore};
use crate::store::{StoreAdmin, StoreResult};

/// Rows deleted per statement per batch.
const BATCH: u32 = 1000;

/// Each statement deletes at most `?2` rows expired at `?1`. Tokens go before grants so a grant
/// whose last token expires in this sweep goes in the same sweep.
const SWEEPS: &[&str] = &[
    "DELETE FROM codes WHERE rowid IN \
     (SELECT rowid FROM codes WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM refresh_tokens WHERE rowid IN \
     (SELECT rowid FROM refresh_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM access_tokens WHERE rowid IN \
     (SELECT rowid FROM access_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM sessions WHERE rowid IN \
     (SELECT rowid FROM sessions WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM email_tokens WHERE rowid IN \
     (SELECT rowid FROM email_tokens WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM signing_keys WHERE rowid IN \
     (SELECT rowid FROM signing_keys WHERE expires_at <= ?1 LIMIT ?2)",
    "DELETE FROM login_attempts WHERE rowid IN \
     (SELECT rowid FROM login_attempts WHERE expires_at <= ?1 LIMIT ?2)",
    // A grant that expired or was revoked is kept while any code or token still points at it,
    // so replay detection (`take_code`, `rotate_refresh`) can still revoke by grant id.
    "DELETE FROM grants WHERE rowid IN (SELECT g.rowid FROM grants g \
     WHERE (g.expires_at <= ?1 OR g.revoked_at IS NOT NULL) \
     AND NOT EXISTS (SELECT 1 FROM codes c WHERE c.grant_id = g.id) \
     AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.grant_id = g.id) \
     AND NOT EXISTS (SELECT 1 FROM access_tokens a WHERE a.grant_id = g.id) \
     LIMIT ?2)",
];

#[async_trait]
impl StoreAdmin for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        self.call(|c| query_one(c, "SELECT 1", [], |_| Ok(())))
            .await
    }

    /// Returns the total number of rows deleted, across every table.
    async fn sweep_expired(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let now = ms(now);
        let mut total = 0;
        for sql in SWEEPS {
            loop {
                let n = self
                    .call(move |c| execute(c, sql, params![now, BATCH]))
                    .await?;
                total += n;
                if n < u64::from(BATCH) {
                    break;
                }
            }
        }
        Ok(total)
    }

    fn backend_name(&self) -> &'static str {
        "sqlite"
    }
}
