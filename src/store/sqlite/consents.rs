//! Consents in SQLite: the `consents` table, keyed by (user, client), and [`ConsentStore`].
//! `put_consent` is an upsert that replaces the whole record, `created_at` included, so what
//! is read back is exactly what was last put (as a Mongo `replace_one` with upsert would).

use async_trait::async_trait;
use rusqlite::{params, Row};

use super::{execute, json, ms, query_all, query_one, time, to_json, SqliteStore};
use crate::domain::Consent;
use crate::store::{ConsentStore, StoreResult};

const UPSERT: &str = "INSERT INTO consents (user_id, client_id, scopes, created_at, updated_at, \
     resources) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (user_id, client_id) DO UPDATE SET \
     scopes = excluded.scopes, created_at = excluded.created_at, \
     updated_at = excluded.updated_at, resources = excluded.resources";

#[async_trait]
impl ConsentStore for SqliteStore {
    async fn get_consent(&self, user_id: &str, client_id: &str) -> StoreResult<Consent> {
        let (user_id, client_id) = (user_id.to_owned(), client_id.to_owned());
        self.call_read(move |c| {
            let sql = "SELECT * FROM consents WHERE user_id = ?1 AND client_id = ?2";
            query_one(c, sql, [user_id, client_id], consent_from_row)
        })
        .await
    }

    async fn put_consent(&self, consent: &Consent) -> StoreResult<()> {
        let k = consent.clone();
        self.call(move |c| {
            let p = params![
                k.user_id,
                k.client_id,
                to_json(&k.scopes)?,
                ms(k.created_at),
                ms(k.updated_at),
                to_json(&k.resources)?,
            ];
            execute(c, UPSERT, p).map(drop)
        })
        .await
    }

    async fn delete_consent(&self, user_id: &str, client_id: &str) -> StoreResult<()> {
        let (user_id, client_id) = (user_id.to_owned(), client_id.to_owned());
        self.call(move |c| {
            let sql = "DELETE FROM consents WHERE user_id = ?1 AND client_id = ?2";
            execute(c, sql, [user_id, client_id]).map(drop)
        })
        .await
    }

    async fn delete_consents_for_client(&self, client_id: &str) -> StoreResult<()> {
        let client_id = client_id.to_owned();
        self.call(move |c| {
            execute(c, "DELETE FROM consents WHERE client_id = ?1", [client_id]).map(drop)
        })
        .await
    }

    async fn delete_consents_for_user(&self, user_id: &str) -> StoreResult<()> {
        let user_id = user_id.to_owned();
        self.call(move |c| {
            execute(c, "DELETE FROM consents WHERE user_id = ?1", [user_id]).map(drop)
        })
        .await
    }

    async fn list_consents_for_user(&self, user_id: &str) -> StoreResult<Vec<Consent>> {
        let user_id = user_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM consents WHERE user_id = ?1 ORDER BY created_at, client_id";
            query_all(c, sql, [user_id], consent_from_row)
        })
        .await
    }
}

fn consent_from_row(r: &Row<'_>) -> StoreResult<Consent> {
    Ok(Consent {
        user_id: r.get("user_id")?,
        client_id: r.get("client_id")?,
        scopes: json(r, "scopes")?,
        created_at: time(r, "created_at")?,
        updated_at: time(r, "updated_at")?,
        resources: json(r, "resources")?,
    })
}
