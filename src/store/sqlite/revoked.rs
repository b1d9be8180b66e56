//! The deny-list of revoked access tokens in SQLite: the `revoked_tokens` table (jti, expiry),
//! and [`RevokedTokenStore`]. The sweeper deletes an entry once its token has expired.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{execute, ms, query_all, query_opt, time, SqliteStore};
use crate::store::revoked::RevokedTokenStore;
use crate::store::StoreResult;

#[async_trait]
impl RevokedTokenStore for SqliteStore {
    async fn insert_revoked(&self, jti: &str, expires_at: DateTime<Utc>) -> StoreResult<()> {
        let jti = jti.to_owned();
        self.call(move |c| {
            let sql = "INSERT INTO revoked_tokens (jti, expires_at) VALUES (?1, ?2) \
                       ON CONFLICT (jti) DO NOTHING";
            execute(c, sql, params![jti, ms(expires_at)]).map(drop)
        })
        .await
    }

    async fn is_revoked(&self, jti: &str) -> StoreResult<bool> {
        let jti = jti.to_owned();
        self.call(move |c| {
            let sql = "SELECT 1 FROM revoked_tokens WHERE jti = ?1";
            Ok(query_opt(c, sql, [jti], |_| Ok(()))?.is_some())
        })
        .await
    }

    async fn list_revoked(&self) -> StoreResult<Vec<(String, DateTime<Utc>)>> {
        self.call_read(|c| {
            let sql = "SELECT jti, expires_at FROM revoked_tokens";
            query_all(c, sql, [], |r| Ok((r.get("jti")?, time(r, "expires_at")?)))
        })
        .await
    }
}
