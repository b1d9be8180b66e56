//! Apps (OAuth clients) in SQLite: the `clients` table and [`ClientStore`]. List fields are JSON
//! text columns; secrets are stored as `{digest, created_at, expires_at}` with millisecond
//! integers (the same precision as every other timestamp), grant types by their wire names.

use async_trait::async_trait;
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};

use super::{
    count, execute_one, json, limit_offset, ms, query_all, query_one, time, to_json, SqliteStore,
};
use crate::domain::{Client, ClientSecret, ClientType, GrantType, Page, Paged};
use crate::store::{ClientStore, StoreError, StoreResult};

const INSERT: &str = "INSERT INTO clients (client_id, owner_id, name, description, homepage_url, \
     logo_url, redirect_uris, post_logout_redirect_uris, client_type, secrets, grant_types, \
     scopes, access_token_ttl_secs, refresh_token_ttl_secs, first_party, created_at, updated_at, \
     introspection, require_par, jwks, jwks_uri, require_mfa, dpop_bound_access_tokens, fapi2) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, \
     ?20, ?21, ?22, ?23, ?24)";

// Binds the same 24 parameters as INSERT so both share `write_client`; ?16 (created_at) is
// deliberately unused because an update never changes it.
const UPDATE: &str = "UPDATE clients SET owner_id = ?2, name = ?3, description = ?4, \
     homepage_url = ?5, logo_url = ?6, redirect_uris = ?7, post_logout_redirect_uris = ?8, \
     client_type = ?9, secrets = ?10, grant_types = ?11, scopes = ?12, \
     access_token_ttl_secs = ?13, refresh_token_ttl_secs = ?14, first_party = ?15, \
     updated_at = ?17, introspection = ?18, require_par = ?19, jwks = ?20, jwks_uri = ?21, \
     require_mfa = ?22, dpop_bound_access_tokens = ?23, fapi2 = ?24 WHERE client_id = ?1";

/// How a [`ClientSecret`] is kept inside the `secrets` JSON column.
#[derive(Serialize, Deserialize)]
struct SecretRow {
    digest: String,
    created_at: i64,
    expires_at: Option<i64>,
}

#[async_trait]
impl ClientStore for SqliteStore {
    async fn insert_client(&self, client: &Client) -> StoreResult<()> {
        let client = client.clone();
        self.call(move |c| write_client(c, INSERT, &client).map(drop))
            .await
    }

    async fn get_client(&self, client_id: &str) -> StoreResult<Client> {
        let id = client_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT * FROM clients WHERE client_id = ?1";
            query_one(c, sql, [id], client_from_row)
        })
        .await
    }

    async fn update_client(&self, client: &Client) -> StoreResult<()> {
        let client = client.clone();
        self.call(move |c| match write_client(c, UPDATE, &client)? {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        })
        .await
    }

    async fn delete_client(&self, client_id: &str) -> StoreResult<()> {
        let id = client_id.to_owned();
        self.call(move |c| execute_one(c, "DELETE FROM clients WHERE client_id = ?1", [id]))
            .await
    }

    async fn list_clients_by_owner(
        &self,
        owner_id: &str,
        page: Page,
    ) -> StoreResult<Paged<Client>> {
        let owner = owner_id.to_owned();
        let (limit, offset) = limit_offset(page);
        self.call_read(move |c| {
            let total = count(
                c,
                "SELECT COUNT(*) FROM clients WHERE owner_id = ?1",
                [&owner],
            )?;
            let sql = "SELECT * FROM clients WHERE owner_id = ?1 \
                       ORDER BY created_at, client_id LIMIT ?2 OFFSET ?3";
            let items = query_all(c, sql, params![owner, limit, offset], client_from_row)?;
            Ok(Paged { items, total })
        })
        .await
    }

    async fn list_client_ids_by_owner(&self, owner_id: &str) -> StoreResult<Vec<String>> {
        let owner = owner_id.to_owned();
        self.call_read(move |c| {
            let sql = "SELECT client_id FROM clients WHERE owner_id = ?1 \
                       ORDER BY created_at, client_id";
            query_all(c, sql, [owner], |r| Ok(r.get(0)?))
        })
        .await
    }

    async fn list_clients(&self, page: Page) -> StoreResult<Paged<Client>> {
        let (limit, offset) = limit_offset(page);
        self.call_read(move |c| {
            let total = count(c, "SELECT COUNT(*) FROM clients", [])?;
            let sql = "SELECT * FROM clients ORDER BY created_at, client_id LIMIT ?1 OFFSET ?2";
            let items = query_all(c, sql, params![limit, offset], client_from_row)?;
            Ok(Paged { items, total })
        })
        .await
    }
}

/// Runs INSERT or UPDATE with the client's 21 parameters; returns the rows touched.
fn write_client(c: &Connection, sql: &str, cl: &Client) -> StoreResult<usize> {
    let secrets: Vec<SecretRow> = cl
        .secrets
        .iter()
        .map(|s| SecretRow {
            digest: s.digest.clone(),
            created_at: ms(s.created_at),
            expires_at: s.expires_at.map(ms),
        })
        .collect();
    let grant_types: Vec<&str> = cl.grant_types.iter().map(|g| g.as_str()).collect();
    Ok(c.prepare_cached(sql)?.execute(params![
        cl.client_id,
        cl.owner_id,
        cl.name,
        cl.description,
        cl.homepage_url,
        cl.logo_url,
        to_json(&cl.redirect_uris)?,
        to_json(&cl.post_logout_redirect_uris)?,
        cl.client_type.as_str(),
        to_json(&secrets)?,
        to_json(&grant_types)?,
        to_json(&cl.scopes)?,
        cl.access_token_ttl_secs,
        cl.refresh_token_ttl_secs,
        cl.first_party,
        ms(cl.created_at),
        ms(cl.updated_at),
        cl.introspection,
        cl.require_pushed_authorization_requests,
        cl.jwks,
        cl.jwks_uri,
        cl.require_mfa,
        cl.dpop_bound_access_tokens,
        cl.fapi2,
    ])?)
}

fn client_from_row(r: &Row<'_>) -> StoreResult<Client> {
    let client_type: String = r.get("client_type")?;
    Ok(Client {
        client_id: r.get("client_id")?,
        owner_id: r.get("owner_id")?,
        name: r.get("name")?,
        description: r.get("description")?,
        homepage_url: r.get("homepage_url")?,
        logo_url: r.get("logo_url")?,
        redirect_uris: json(r, "redirect_uris")?,
        post_logout_redirect_uris: json(r, "post_logout_redirect_uris")?,
        client_type: ClientType::parse(&client_type)
            .map_err(|e| super::corrupt("client_type", e))?,
        secrets: secrets_from_row(r)?,
        grant_types: grant_types_from_row(r)?,
        scopes: json(r, "scopes")?,
        access_token_ttl_secs: r.get("access_token_ttl_secs")?,
        refresh_token_ttl_secs: r.get("refresh_token_ttl_secs")?,
        first_party: r.get("first_party")?,
        introspection: r.get("introspection")?,
        require_pushed_authorization_requests: r.get("require_par")?,
        require_mfa: r.get("require_mfa")?,
        dpop_bound_access_tokens: r.get("dpop_bound_access_tokens")?,
        fapi2: r.get("fapi2")?,
        jwks: r.get("jwks")?,
        jwks_uri: r.get("jwks_uri")?,
        created_at: time(r, "created_at")?,
        updated_at: time(r, "updated_at")?,
    })
}

fn secrets_from_row(r: &Row<'_>) -> StoreResult<Vec<ClientSecret>> {
    let rows: Vec<SecretRow> = json(r, "secrets")?;
    rows.into_iter()
        .map(|s| {
            Ok(ClientSecret {
                digest: s.digest,
                created_at: super::from_ms(s.created_at)?,
                expires_at: s.expires_at.map(super::from_ms).transpose()?,
            })
        })
        .collect()
}

fn grant_types_from_row(r: &Row<'_>) -> StoreResult<Vec<GrantType>> {
    let names: Vec<String> = json(r, "grant_types")?;
    names
        .iter()
        .map(|n| GrantType::parse(n).map_err(|e| super::corrupt("grant_types", e)))
        .collect()
}
