//! Resource servers in SQLite: the `resource_servers` table (schema v8) and
//! [`ResourceServerStore`]. The identifier is UNIQUE; the scopes are one JSON column, read and
//! written with the record as a whole.

use async_trait::async_trait;
use rusqlite::{params, Row};

use super::{
    count, execute_one, json, limit_offset, ms, query_all, query_one, time, to_json, SqliteStore,
};
use crate::domain::{Page, Paged, ResourceIdentifier, ResourceServer};
use crate::store::scope_rows::{parse_scope_rows, scope_rows};
use crate::store::{ResourceServerStore, StoreResult};

const INSERT: &str = "INSERT INTO resource_servers (id, identifier, name, scopes, \
     access_token_ttl_secs, introspection, created_at, updated_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
const UPDATE: &str = "UPDATE resource_servers SET name = ?2, scopes = ?3, \
     access_token_ttl_secs = ?4, introspection = ?5, updated_at = ?6 WHERE id = ?1";

#[async_trait]
impl ResourceServerStore for SqliteStore {
    async fn insert_resource_server(&self, server: &ResourceServer) -> StoreResult<()> {
        let r = server.clone();
        let scopes = to_json(&scope_rows(&r.scopes))?;
        self.call(move |c| {
            c.prepare_cached(INSERT)?.execute(params![
                r.id,
                r.identifier.as_str(),
                r.name,
                scopes,
                r.access_token_ttl_secs,
                r.introspection,
                ms(r.created_at),
                ms(r.updated_at),
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_resource_server(&self, id: &str) -> StoreResult<ResourceServer> {
        let id = id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM resource_servers WHERE id = ?1";
            query_one(c, sql, [id], server_from_row)
        })
        .await
    }

    async fn find_resource_server(&self, identifier: &str) -> StoreResult<ResourceServer> {
        let identifier = identifier.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM resource_servers WHERE identifier = ?1";
            query_one(c, sql, [identifier], server_from_row)
        })
        .await
    }

    async fn update_resource_server(&self, server: &ResourceServer) -> StoreResult<()> {
        let r = server.clone();
        let scopes = to_json(&scope_rows(&r.scopes))?;
        self.call(move |c| {
            let p = params![
                r.id,
                r.name,
                scopes,
                r.access_token_ttl_secs,
                r.introspection,
                ms(r.updated_at)
            ];
            execute_one(c, UPDATE, p)
        })
        .await
    }

    async fn delete_resource_server(&self, id: &str) -> StoreResult<()> {
        let id = id.to_owned();
        self.call(move |c| execute_one(c, "DELETE FROM resource_servers WHERE id = ?1", [id]))
            .await
    }

    async fn list_resource_servers(&self, page: Page) -> StoreResult<Paged<ResourceServer>> {
        let (limit, offset) = limit_offset(page);
        self.call_read(move |c| {
            let total = count(c, "SELECT COUNT(*) FROM resource_servers", [])?;
            let sql = "SELECT * FROM resource_servers ORDER BY identifier LIMIT ?1 OFFSET ?2";
            let items = query_all(c, sql, [limit, offset], server_from_row)?;
            Ok(Paged { items, total })
        })
        .await
    }
}

fn server_from_row(r: &Row<'_>) -> StoreResult<ResourceServer> {
    let identifier: String = r.get("identifier")?;
    let corrupt = |e| super::corrupt("resource server", e);
    Ok(ResourceServer {
        id: r.get("id")?,
        identifier: ResourceIdentifier::parse(&identifier).map_err(corrupt)?,
        name: r.get("name")?,
        scopes: parse_scope_rows(json(r, "scopes")?).map_err(corrupt)?,
        access_token_ttl_secs: r.get("access_token_ttl_secs")?,
        introspection: r.get("introspection")?,
        created_at: time(r, "created_at")?,
        updated_at: time(r, "updated_at")?,
    })
}
