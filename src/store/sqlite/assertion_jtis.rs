//! Client assertion ids in SQLite: the `assertion_jtis` table. Recording is one upsert that
//! replaces only an expired row, so of N concurrent uses exactly one changes a row.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{ms, SqliteStore};
use crate::store::{AssertionJtiStore, StoreResult};

const RECORD: &str = "INSERT INTO assertion_jtis (key, expires_at) VALUES (?1, ?2) \
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at \
     WHERE assertion_jtis.expires_at <= ?3";

#[async_trait]
impl AssertionJtiStore for SqliteStore {
    async fn record_assertion_jti(
        &self,
        key: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let key = key.to_owned();
        self.call(move |c| {
            let changed =
                c.prepare_cached(RECORD)?
                    .execute(params![key, ms(expires_at), ms(now)])?;
            Ok(changed == 1)
        })
        .await
    }
}
