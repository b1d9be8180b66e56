//! Pushed authorization requests (RFC 9126) in SQLite: the `pushed_requests` table, keyed by
//! the SHA-256 digest of the `request_uri`, parameters as a JSON object. `take` is one
//! `DELETE ... RETURNING`, so of N concurrent uses exactly one sees the row.

use std::collections::BTreeMap;

use async_trait::async_trait;
use rusqlite::{params, Row};

use super::{json, ms, query_opt, time, to_json, SqliteStore};
use crate::domain::PushedRequest;
use crate::store::{PushedRequestStore, StoreResult};

const INSERT: &str = "INSERT INTO pushed_requests (digest, client_id, params, created_at, \
     expires_at) VALUES (?1, ?2, ?3, ?4, ?5)";

#[async_trait]
impl PushedRequestStore for SqliteStore {
    async fn insert_pushed_request(&self, request: &PushedRequest) -> StoreResult<()> {
        let r = request.clone();
        self.call(move |c| {
            c.prepare_cached(INSERT)?.execute(params![
                r.digest,
                r.client_id,
                to_json(&r.params)?,
                ms(r.created_at),
                ms(r.expires_at),
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_pushed_request(&self, digest: &str) -> StoreResult<Option<PushedRequest>> {
        let digest = digest.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM pushed_requests WHERE digest = ?1";
            query_opt(c, sql, [&digest], from_row)
        })
        .await
    }

    async fn take_pushed_request(&self, digest: &str) -> StoreResult<Option<PushedRequest>> {
        let digest = digest.to_owned();
        self.call(move |c| {
            let sql = "DELETE FROM pushed_requests WHERE digest = ?1 RETURNING *";
            query_opt(c, sql, [&digest], from_row)
        })
        .await
    }
}

fn from_row(r: &Row<'_>) -> StoreResult<PushedRequest> {
    let params: BTreeMap<String, String> = json(r, "params")?;
    Ok(PushedRequest {
        digest: r.get("digest")?,
        client_id: r.get("client_id")?,
        params,
        created_at: time(r, "created_at")?,
        expires_at: time(r, "expires_at")?,
    })
}
