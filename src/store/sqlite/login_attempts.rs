//! Fixed-window counters in SQLite (failed logins, wrong device codes, emails sent): the
//! `login_attempts` table keyed by counter key, and [`LoginAttemptStore`]. Counting is ONE
//! upsert statement (`... RETURNING`), so concurrent reservations never lose a count and each
//! sees its own; a counter whose window ended restarts in the same statement (SET expressions
//! see the row as it was). A release is one conditional UPDATE.

use async_trait::async_trait;
use rusqlite::{params, Row};

use super::{execute, ms, query_one, query_opt, time, SqliteStore};
use crate::domain::LoginAttempts;
use crate::store::{LoginAttemptStore, StoreResult};

const RECORD: &str = "INSERT INTO login_attempts (key, count, window_start, expires_at) \
     VALUES (?1, 1, ?2, ?3) ON CONFLICT(key) DO UPDATE SET \
     count = CASE WHEN expires_at <= ?2 THEN 1 ELSE count + 1 END, \
     window_start = CASE WHEN expires_at <= ?2 THEN ?2 ELSE window_start END, \
     expires_at = CASE WHEN expires_at <= ?2 THEN ?3 ELSE expires_at END \
     RETURNING *";

#[async_trait]
impl LoginAttemptStore for SqliteStore {
    async fn record_login_failure(
        &self,
        key: &str,
        now: chrono::DateTime<chrono::Utc>,
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<LoginAttempts> {
        let key = key.to_owned();
        self.call(move |c| query_one(c, RECORD, params![key, ms(now), ms(expires_at)], from_row))
            .await
    }

    async fn get_login_attempts(&self, key: &str) -> StoreResult<Option<LoginAttempts>> {
        let key = key.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM login_attempts WHERE key = ?1";
            query_opt(c, sql, [key.as_str()], from_row)
        })
        .await
    }

    async fn release_login_attempt(
        &self,
        key: &str,
        window_start: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<bool> {
        let key = key.to_owned();
        self.call(move |c| {
            let sql = "UPDATE login_attempts SET count = count - 1 \
                       WHERE key = ?1 AND window_start = ?2 AND count > 0";
            execute(c, sql, params![key, ms(window_start)]).map(|n| n == 1)
        })
        .await
    }

    async fn clear_login_attempts(&self, key: &str) -> StoreResult<()> {
        let key = key.to_owned();
        self.call(move |c| {
            execute(
                c,
                "DELETE FROM login_attempts WHERE key = ?1",
                [key.as_str()],
            )
            .map(drop)
        })
        .await
    }
}

fn from_row(r: &Row<'_>) -> StoreResult<LoginAttempts> {
    let count: i64 = r.get("count")?;
    Ok(LoginAttempts {
        key: r.get("key")?,
        count: u32::try_from(count).map_err(|e| super::corrupt("count", e))?,
        window_start: time(r, "window_start")?,
        expires_at: time(r, "expires_at")?,
    })
}
