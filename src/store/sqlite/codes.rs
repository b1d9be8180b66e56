//! Authorization codes (RFC 6749 §4.1.2) in SQLite: the `codes` table, keyed by the code's
//! SHA-256 digest, and [`CodeStore`]. `take_code` flips `used` with one conditional
//! `UPDATE ... RETURNING`, so of N concurrent exchanges exactly one sees the row change; the
//! others read the already-used record, which tells the caller which grant to revoke (§4.1.2:
//! a replayed code should revoke the tokens issued from it).

use async_trait::async_trait;
use rusqlite::{params, Connection, Row};

use super::{json, ms, query_opt, time, to_json, SqliteStore};
use crate::domain::AuthorizationCode;
use crate::store::{CodeStore, CodeTake, StoreResult};

const INSERT: &str = "INSERT INTO codes (digest, grant_id, client_id, user_id, redirect_uri, \
     scopes, code_challenge, nonce, auth_time, session_id, created_at, expires_at, used, resources, \
     dpop_jkt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

const TAKE: &str = "UPDATE codes SET used = 1 WHERE digest = ?1 AND used = 0 RETURNING *";
const SELECT: &str = "SELECT * FROM codes WHERE digest = ?1";

#[async_trait]
impl CodeStore for SqliteStore {
    async fn insert_code(&self, code: &AuthorizationCode) -> StoreResult<()> {
        let k = code.clone();
        self.call(move |c| {
            c.prepare_cached(INSERT)?.execute(params![
                k.digest,
                k.grant_id,
                k.client_id,
                k.user_id,
                k.redirect_uri,
                to_json(&k.scopes)?,
                k.code_challenge,
                k.nonce,
                ms(k.auth_time),
                k.session_id,
                ms(k.created_at),
                ms(k.expires_at),
                k.used,
                to_json(&k.resources)?,
                k.dpop_jkt,
            ])?;
            Ok(())
        })
        .await
    }

    async fn take_code(&self, digest: &str) -> StoreResult<CodeTake> {
        let digest = digest.to_owned();
        self.call_immediate(move |c| {
            // The UPDATE alone decides the winner; the savepoint only makes the fallback read
            // see the same state the UPDATE saw.
            let tx = c.savepoint()?;
            let outcome = take(&tx, &digest)?;
            tx.commit()?;
            Ok(outcome)
        })
        .await
    }
}

/// Marks the code used if it was not; the caller holds the savepoint.
fn take(c: &Connection, digest: &str) -> StoreResult<CodeTake> {
    Ok(match query_opt(c, TAKE, [digest], code_from_row)? {
        // RETURNING shows the row after the update; report it as it was before.
        Some(code) => CodeTake::Taken(AuthorizationCode {
            used: false,
            ..code
        }),
        None => match query_opt(c, SELECT, [digest], code_from_row)? {
            Some(code) => CodeTake::AlreadyUsed(code),
            None => CodeTake::NotFound,
        },
    })
}

fn code_from_row(r: &Row<'_>) -> StoreResult<AuthorizationCode> {
    Ok(AuthorizationCode {
        digest: r.get("digest")?,
        grant_id: r.get("grant_id")?,
        client_id: r.get("client_id")?,
        user_id: r.get("user_id")?,
        redirect_uri: r.get("redirect_uri")?,
        scopes: json(r, "scopes")?,
        code_challenge: r.get("code_challenge")?,
        nonce: r.get("nonce")?,
        auth_time: time(r, "auth_time")?,
        session_id: r.get("session_id")?,
        created_at: time(r, "created_at")?,
        expires_at: time(r, "expires_at")?,
        used: r.get("used")?,
        resources: json(r, "resources")?,
        dpop_jkt: r.get("dpop_jkt")?,
    })
}
