//! Passkeys in SQLite: the `passkeys` table and [`PasskeyStore`]. A use is one conditional
//! `UPDATE` that checks the counter in its `WHERE`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Row};

use super::{execute, ms, opt_ms, opt_time, query_all, query_opt, time, SqliteStore};
use crate::domain::Passkey;
use crate::store::{PasskeyStore, StoreResult};

const INSERT: &str = "INSERT INTO passkeys (credential_id, user_id, public_key, counter, name, \
     backup_eligible, created_at, last_used_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
const USE: &str = "UPDATE passkeys SET counter = ?2, last_used_at = ?3 WHERE credential_id = ?1 \
     AND (counter < ?2 OR (counter = 0 AND ?2 = 0))";

#[async_trait]
impl PasskeyStore for SqliteStore {
    async fn insert_passkey(&self, passkey: &Passkey) -> StoreResult<()> {
        let p = passkey.clone();
        self.call(move |c| {
            let values = params![
                p.credential_id,
                p.user_id,
                p.public_key,
                p.counter,
                p.name,
                p.backup_eligible,
                ms(p.created_at),
                opt_ms(p.last_used_at)
            ];
            execute(c, INSERT, values).map(|_| ())
        })
        .await
    }

    async fn find_passkey(&self, credential_id: &str) -> StoreResult<Option<Passkey>> {
        let id = credential_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM passkeys WHERE credential_id = ?1";
            query_opt(c, sql, [&id], from_row)
        })
        .await
    }

    async fn list_passkeys(&self, user_id: &str) -> StoreResult<Vec<Passkey>> {
        let user_id = user_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM passkeys WHERE user_id = ?1 \
                 ORDER BY created_at, credential_id";
            query_all(c, sql, [&user_id], from_row)
        })
        .await
    }

    async fn record_passkey_use(
        &self,
        credential_id: &str,
        counter: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let id = credential_id.to_owned();
        self.call(move |c| Ok(execute(c, USE, params![id, counter, ms(now)])? == 1))
            .await
    }

    async fn rename_passkey(
        &self,
        user_id: &str,
        credential_id: &str,
        name: &str,
    ) -> StoreResult<bool> {
        let (user_id, id, name) = (
            user_id.to_owned(),
            credential_id.to_owned(),
            name.to_owned(),
        );
        self.call(move |c| {
            let sql = "UPDATE passkeys SET name = ?3 WHERE user_id = ?1 AND credential_id = ?2";
            Ok(execute(c, sql, params![user_id, id, name])? == 1)
        })
        .await
    }

    async fn delete_passkey(&self, user_id: &str, credential_id: &str) -> StoreResult<bool> {
        let (user_id, id) = (user_id.to_owned(), credential_id.to_owned());
        self.call(move |c| {
            let sql = "DELETE FROM passkeys WHERE user_id = ?1 AND credential_id = ?2";
            Ok(execute(c, sql, params![user_id, id])? == 1)
        })
        .await
    }

    async fn delete_passkeys_for_user(&self, user_id: &str) -> StoreResult<u64> {
        let user_id = user_id.to_owned();
        self.call(move |c| execute(c, "DELETE FROM passkeys WHERE user_id = ?1", [&user_id]))
            .await
    }
}

fn from_row(r: &Row<'_>) -> StoreResult<Passkey> {
    Ok(Passkey {
        credential_id: r.get("credential_id")?,
        user_id: r.get("user_id")?,
        public_key: r.get("public_key")?,
        counter: r.get("counter")?,
        name: r.get("name")?,
        backup_eligible: r.get("backup_eligible")?,
        created_at: time(r, "created_at")?,
        last_used_at: opt_time(r, "last_used_at")?,
    })
}
