//! How `grants.rs` stores grants and tokens in MongoDB: the documents of the `grants`
//! collection and of the `tokens` collection (`kind: "refresh"` / `"access"`, keyed
//! `<kind>:<digest or jti>`), their conversion from and to the domain, and the keys that find
//! one token.

use mongodb::bson::{self, doc, Document};
use serde::{Deserialize, Serialize};

use super::{from_bson_dt, from_bson_opt, to_bson_dt, to_bson_opt, token_id};
use crate::domain::{token_purge_at, AccessTokenRecord, Grant, RefreshToken};
use crate::store::StoreResult;

pub(super) const REFRESH: &str = "refresh";
pub(super) const ACCESS: &str = "access";
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct GrantDoc {
    #[serde(rename = "_id")]
    pub(super) id: String,
    pub(super) user_id: Option<String>,
    pub(super) client_id: String,
    pub(super) scopes: Vec<String>,
    pub(super) created_at: bson::DateTime,
    pub(super) last_used_at: bson::DateTime,
    pub(super) expires_at: bson::DateTime,
    pub(super) revoked_at: Option<bson::DateTime>,
    /// Absent in documents stored before it was recorded.
    #[serde(default)]
    pub(super) auth_time: Option<bson::DateTime>,
    /// The resources (RFC 8707); absent in documents stored before they were recorded.
    #[serde(default)]
    pub(super) resources: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct RefreshDoc {
    /// `refresh:<digest>`.
    #[serde(rename = "_id")]
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) digest: String,
    pub(super) grant_id: String,
    pub(super) client_id: String,
    pub(super) user_id: Option<String>,
    pub(super) scopes: Vec<String>,
    pub(super) created_at: bson::DateTime,
    pub(super) expires_at: bson::DateTime,
    /// `expires_at` + the grace period: the TTL index collects on this.
    pub(super) purge_at: bson::DateTime,
    pub(super) used: bool,
    pub(super) revoked: bool,
    /// The resources (RFC 8707); absent in documents stored before they were recorded.
    #[serde(default)]
    pub(super) resources: Vec<String>,
    /// The DPoP key thumbprint a public client's token is bound to (RFC 9449 §5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) dpop_jkt: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct AccessDoc {
    /// `access:<jti>`.
    #[serde(rename = "_id")]
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) jti: String,
    pub(super) grant_id: Option<String>,
    pub(super) client_id: String,
    pub(super) user_id: Option<String>,
    pub(super) scopes: Vec<String>,
    pub(super) issued_at: bson::DateTime,
    pub(super) expires_at: bson::DateTime,
    /// `expires_at` + the grace period: the TTL index collects on this.
    pub(super) purge_at: bson::DateTime,
    pub(super) revoked: bool,
}

#[derive(Debug, Deserialize)]
pub(super) struct IdDoc {
    #[serde(rename = "_id")]
    pub(super) id: String,
}

impl GrantDoc {
    pub(super) fn from_domain(g: &Grant) -> Self {
        Self {
            id: g.id.clone(),
            user_id: g.user_id.clone(),
            client_id: g.client_id.clone(),
            scopes: g.scopes.clone(),
            created_at: to_bson_dt(g.created_at),
            last_used_at: to_bson_dt(g.last_used_at),
            expires_at: to_bson_dt(g.expires_at),
            revoked_at: to_bson_opt(g.revoked_at),
            auth_time: to_bson_opt(g.auth_time),
            resources: g.resources.clone(),
        }
    }

    pub(super) fn into_domain(self) -> StoreResult<Grant> {
        Ok(Grant {
            id: self.id,
            user_id: self.user_id,
            client_id: self.client_id,
            scopes: self.scopes,
            created_at: from_bson_dt(self.created_at)?,
            last_used_at: from_bson_dt(self.last_used_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            revoked_at: from_bson_opt(self.revoked_at)?,
            auth_time: from_bson_opt(self.auth_time)?,
            resources: self.resources,
        })
    }
}

impl RefreshDoc {
    pub(super) fn from_domain(t: &RefreshToken) -> Self {
        Self {
            id: token_id(REFRESH, &t.digest),
            kind: REFRESH.to_string(),
            digest: t.digest.clone(),
            grant_id: t.grant_id.clone(),
            client_id: t.client_id.clone(),
            user_id: t.user_id.clone(),
            scopes: t.scopes.clone(),
            created_at: to_bson_dt(t.created_at),
            expires_at: to_bson_dt(t.expires_at),
            purge_at: to_bson_dt(token_purge_at(t.expires_at)),
            used: t.used,
            revoked: t.revoked,
            resources: t.resources.clone(),
            dpop_jkt: t.dpop_jkt.clone(),
        }
    }

    pub(super) fn into_domain(self) -> StoreResult<RefreshToken> {
        Ok(RefreshToken {
            digest: self.digest,
            grant_id: self.grant_id,
            client_id: self.client_id,
            user_id: self.user_id,
            scopes: self.scopes,
            created_at: from_bson_dt(self.created_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            used: self.used,
            revoked: self.revoked,
            resources: self.resources,
            dpop_jkt: self.dpop_jkt,
        })
    }
}

impl AccessDoc {
    pub(super) fn from_domain(t: &AccessTokenRecord) -> Self {
        Self {
            id: token_id(ACCESS, &t.jti),
            kind: ACCESS.to_string(),
            jti: t.jti.clone(),
            grant_id: t.grant_id.clone(),
            client_id: t.client_id.clone(),
            user_id: t.user_id.clone(),
            scopes: t.scopes.clone(),
            issued_at: to_bson_dt(t.issued_at),
            expires_at: to_bson_dt(t.expires_at),
            purge_at: to_bson_dt(token_purge_at(t.expires_at)),
            revoked: t.revoked,
        }
    }

    pub(super) fn into_domain(self) -> StoreResult<AccessTokenRecord> {
        Ok(AccessTokenRecord {
            jti: self.jti,
            grant_id: self.grant_id,
            client_id: self.client_id,
            user_id: self.user_id,
            scopes: self.scopes,
            issued_at: from_bson_dt(self.issued_at)?,
            expires_at: from_bson_dt(self.expires_at)?,
            revoked: self.revoked,
        })
    }
}

pub(super) fn refresh_key(digest: &str) -> Document {
    doc! { "_id": token_id(REFRESH, digest), "kind": REFRESH }
}

pub(super) fn access_key(jti: &str) -> Document {
    doc! { "_id": token_id(ACCESS, jti), "kind": ACCESS }
}
