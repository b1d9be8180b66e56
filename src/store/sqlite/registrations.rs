//! Dynamic client registration in SQLite: the `initial_access_tokens` table (keyed by the
//! token's digest, named by its random `id` in listings and revocations) and `client_registrations` (one row per dynamically registered app, deleted
//! with it). A use of an initial access token is one `UPDATE ... RETURNING` that only matches
//! while a use is left and the token is live; a change of registration access token is one
//! `UPDATE` that only matches the digest it replaces.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Row};

use super::{
    count, execute, json, limit_offset, ms, query_all, query_one, query_opt, time, to_json,
    SqliteStore,
};
use crate::domain::{ClientRegistration, InitialAccessToken, Page, Paged};
use crate::store::{RegistrationStore, StoreResult};

const INSERT_TOKEN: &str = "INSERT INTO initial_access_tokens (digest, max_uses, uses_left, \
     created_by, created_at, expires_at, id, label) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

const LIST_TOKENS: &str = "SELECT * FROM initial_access_tokens WHERE expires_at > ?1 \
     ORDER BY created_at DESC, id DESC LIMIT ?2 OFFSET ?3";

const USE_TOKEN: &str = "UPDATE initial_access_tokens SET uses_left = uses_left - 1 \
     WHERE digest = ?1 AND uses_left > 0 AND expires_at > ?2 RETURNING *";

const INSERT_REGISTRATION: &str = "INSERT INTO client_registrations (client_id, token_digest, \
     metadata, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)";

const REPLACE_REGISTRATION: &str = "UPDATE client_registrations SET token_digest = ?3, \
     metadata = ?4, updated_at = ?5 WHERE client_id = ?1 AND token_digest = ?2";

#[async_trait]
impl RegistrationStore for SqliteStore {
    async fn insert_initial_token(&self, token: &InitialAccessToken) -> StoreResult<()> {
        let t = token.clone();
        self.call(move |c| {
            c.prepare_cached(INSERT_TOKEN)?.execute(params![
                t.digest,
                t.max_uses,
                t.uses_left,
                t.created_by,
                ms(t.created_at),
                ms(t.expires_at),
                t.id,
                t.label,
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_initial_token(&self, digest: &str) -> StoreResult<Option<InitialAccessToken>> {
        let digest = digest.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM initial_access_tokens WHERE digest = ?1";
            query_opt(c, sql, [&digest], token_from_row)
        })
        .await
    }

    async fn use_initial_token(
        &self,
        digest: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<InitialAccessToken>> {
        let digest = digest.to_owned();
        self.call(move |c| query_opt(c, USE_TOKEN, params![digest, ms(now)], token_from_row))
            .await
    }

    async fn list_initial_tokens(
        &self,
        now: DateTime<Utc>,
        page: Page,
    ) -> StoreResult<Paged<InitialAccessToken>> {
        let (limit, offset) = limit_offset(page);
        self.call_read(move |c| {
            let sql = "SELECT COUNT(*) FROM initial_access_tokens WHERE expires_at > ?1";
            let total = count(c, sql, [ms(now)])?;
            let items = query_all(
                c,
                LIST_TOKENS,
                params![ms(now), limit, offset],
                token_from_row,
            )?;
            Ok(Paged { items, total })
        })
        .await
    }

    async fn revoke_initial_token(&self, id: &str) -> StoreResult<bool> {
        let id = id.to_owned();
        self.call(move |c| {
            let sql = "DELETE FROM initial_access_tokens WHERE id = ?1";
            Ok(execute(c, sql, [id])? == 1)
        })
        .await
    }

    async fn insert_registration(&self, registration: &ClientRegistration) -> StoreResult<()> {
        let r = registration.clone();
        self.call(move |c| {
            c.prepare_cached(INSERT_REGISTRATION)?.execute(params![
                r.client_id,
                r.token_digest,
                to_json(&r.metadata)?,
                ms(r.created_at),
                ms(r.updated_at),
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_registration(&self, client_id: &str) -> StoreResult<ClientRegistration> {
        let id = client_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM client_registrations WHERE client_id = ?1";
            query_one(c, sql, [&id], registration_from_row)
        })
        .await
    }

    async fn replace_registration(
        &self,
        old_digest: &str,
        new: &ClientRegistration,
    ) -> StoreResult<bool> {
        let (old, r) = (old_digest.to_owned(), new.clone());
        self.call(move |c| {
            let n = execute(
                c,
                REPLACE_REGISTRATION,
                params![
                    r.client_id,
                    old,
                    r.token_digest,
                    to_json(&r.metadata)?,
                    ms(r.updated_at)
                ],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn delete_registration(&self, client_id: &str) -> StoreResult<()> {
        let id = client_id.to_owned();
        self.call(move |c| {
            let sql = "DELETE FROM client_registrations WHERE client_id = ?1";
            execute(c, sql, [id]).map(drop)
        })
        .await
    }
}

fn token_from_row(r: &Row<'_>) -> StoreResult<InitialAccessToken> {
    Ok(InitialAccessToken {
        id: r.get("id")?,
        digest: r.get("digest")?,
        label: r.get("label")?,
        max_uses: r.get("max_uses")?,
        uses_left: r.get("uses_left")?,
        created_by: r.get("created_by")?,
        created_at: time(r, "created_at")?,
        expires_at: time(r, "expires_at")?,
    })
}

fn registration_from_row(r: &Row<'_>) -> StoreResult<ClientRegistration> {
    Ok(ClientRegistration {
        client_id: r.get("client_id")?,
        token_digest: r.get("token_digest")?,
        metadata: json(r, "metadata")?,
        created_at: time(r, "created_at")?,
        updated_at: time(r, "updated_at")?,
    })
}
