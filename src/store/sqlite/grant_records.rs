//! How `grants.rs` stores grants and tokens in SQLite: the INSERT statements of the `grants`,
//! `refresh_tokens` and `access_tokens` tables and the reading of their rows into the domain.

use rusqlite::{params, Connection, Row};

use super::{execute, json, ms, opt_ms, opt_time, time, to_json};
use crate::domain::{AccessTokenRecord, Grant, RefreshToken};
use crate::store::StoreResult;

const INSERT_GRANT: &str = "INSERT INTO grants (id, user_id, client_id, scopes, created_at, \
     last_used_at, expires_at, revoked_at, auth_time, resources) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
pub(super) const INSERT_REFRESH: &str =
    "INSERT INTO refresh_tokens (digest, grant_id, client_id, user_id, \
     scopes, created_at, expires_at, used, revoked, resources, dpop_jkt) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
pub(super) const INSERT_ACCESS: &str =
    "INSERT INTO access_tokens (jti, grant_id, client_id, user_id, \
     scopes, issued_at, expires_at, revoked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

pub(super) fn insert_grant(c: &Connection, g: &Grant) -> StoreResult<()> {
    let p = params![
        g.id,
        g.user_id,
        g.client_id,
        to_json(&g.scopes)?,
        ms(g.created_at),
        ms(g.last_used_at),
        ms(g.expires_at),
        opt_ms(g.revoked_at),
        opt_ms(g.auth_time),
        to_json(&g.resources)?,
    ];
    execute(c, INSERT_GRANT, p).map(drop)
}

pub(super) fn insert_refresh(c: &Connection, t: &RefreshToken) -> StoreResult<()> {
    let p = params![
        t.digest,
        t.grant_id,
        t.client_id,
        t.user_id,
        to_json(&t.scopes)?,
        ms(t.created_at),
        ms(t.expires_at),
        t.used,
        t.revoked,
        to_json(&t.resources)?,
        t.dpop_jkt,
    ];
    execute(c, INSERT_REFRESH, p).map(drop)
}

pub(super) fn grant_from_row(r: &Row<'_>) -> StoreResult<Grant> {
    Ok(Grant {
        id: r.get("id")?,
        user_id: r.get("user_id")?,
        client_id: r.get("client_id")?,
        scopes: json(r, "scopes")?,
        created_at: time(r, "created_at")?,
        last_used_at: time(r, "last_used_at")?,
        expires_at: time(r, "expires_at")?,
        revoked_at: opt_time(r, "revoked_at")?,
        auth_time: opt_time(r, "auth_time")?,
        resources: json(r, "resources")?,
    })
}

pub(super) fn refresh_from_row(r: &Row<'_>) -> StoreResult<RefreshToken> {
    Ok(RefreshToken {
        digest: r.get("digest")?,
        grant_id: r.get("grant_id")?,
        client_id: r.get("client_id")?,
        user_id: r.get("user_id")?,
        scopes: json(r, "scopes")?,
        created_at: time(r, "created_at")?,
        expires_at: time(r, "expires_at")?,
        used: r.get("used")?,
        revoked: r.get("revoked")?,
        resources: json(r, "resources")?,
        dpop_jkt: r.get("dpop_jkt")?,
    })
}

pub(super) fn access_from_row(r: &Row<'_>) -> StoreResult<AccessTokenRecord> {
    Ok(AccessTokenRecord {
        jti: r.get("jti")?,
        grant_id: r.get("grant_id")?,
        client_id: r.get("client_id")?,
        user_id: r.get("user_id")?,
        scopes: json(r, "scopes")?,
        issued_at: time(r, "issued_at")?,
        expires_at: time(r, "expires_at")?,
        revoked: r.get("revoked")?,
    })
}
