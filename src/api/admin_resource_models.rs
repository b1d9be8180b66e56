//! Shapes of the resource-server administration (`admin_resources`): the JSON object, the
//! listing and the request bodies.
//!
//! Must not import a concrete store backend.

use chrono::{DateTime, Utc};
use poem_openapi::Object;

use crate::domain::{ResourceScope, ResourceServer, BUILT_IN_RESOURCE_ID};
use crate::service::admin::Listed;
use crate::service::resource_servers::ScopeInput;

/// A scope a resource server defines, with the consent page's texts.
#[derive(Debug, Object)]
pub struct ResourceScopeObject {
    /// An OAuth scope token (RFC 6749 §3.3), unique within the resource server.
    pub name: String,
    /// What the consent page says about it in English (at most 200 characters).
    #[oai(default)]
    pub description: String,
    /// The same in Simplified Chinese; the English text is shown when empty.
    #[oai(default)]
    pub description_zh: String,
}

impl From<ResourceScope> for ResourceScopeObject {
    fn from(s: ResourceScope) -> Self {
        Self {
            name: s.name.as_str().to_owned(),
            description: s.description,
            description_zh: s.description_zh,
        }
    }
}

impl From<ResourceScopeObject> for ScopeInput {
    fn from(s: ResourceScopeObject) -> Self {
        Self {
            name: s.name,
            description: Some(s.description),
            description_zh: Some(s.description_zh),
        }
    }
}

/// An API that accepts this server's access tokens (RFC 8707 resource server).
#[derive(Debug, Object)]
#[oai(rename = "ResourceServer")]
pub struct ResourceServerObject {
    /// The record id (`built-in` for this server's own API).
    pub id: String,
    /// The URI clients send as `resource` and tokens carry as `aud`.
    pub identifier: String,
    pub name: String,
    pub scopes: Vec<ResourceScopeObject>,
    /// Lifetime of access tokens for it; absent: the server's default.
    #[oai(skip_serializing_if_is_none)]
    pub access_token_ttl_secs: Option<u32>,
    /// Whether it may call the introspection endpoint.
    pub introspection: bool,
    /// True for this server's own API, which cannot be changed or deleted.
    pub built_in: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ResourceServer> for ResourceServerObject {
    fn from(r: ResourceServer) -> Self {
        Self {
            built_in: r.id == BUILT_IN_RESOURCE_ID,
            id: r.id,
            identifier: r.identifier.to_string(),
            name: r.name,
            scopes: r.scopes.into_iter().map(Into::into).collect(),
            access_token_ttl_secs: r.access_token_ttl_secs,
            introspection: r.introspection,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// One page of resource servers.
#[derive(Debug, Object)]
pub struct ResourceServerList {
    /// This page of items.
    pub items: Vec<ResourceServerObject>,
    /// How many items match, on every page.
    pub total: u64,
    /// The index of the first item of this page.
    pub offset: u64,
    /// The page size used.
    pub limit: u64,
}

impl From<Listed<ResourceServer>> for ResourceServerList {
    fn from(l: Listed<ResourceServer>) -> Self {
        Self {
            items: l.items.into_iter().map(Into::into).collect(),
            total: l.total,
            offset: l.page.offset,
            limit: l.page.limit,
        }
    }
}

/// A new resource server.
#[derive(Debug, Object)]
pub struct CreateResourceServerRequest {
    /// An absolute https URI (http only on a loopback host), without a fragment; unique.
    pub identifier: String,
    /// 1–100 printable characters, shown on the consent page.
    pub name: String,
    /// The scopes it defines (at most 100).
    #[oai(default)]
    pub scopes: Vec<ResourceScopeObject>,
    /// Lifetime of its access tokens, 60–86400 seconds; absent: the server's default.
    pub access_token_ttl_secs: Option<u32>,
    /// Whether it may call the introspection endpoint.
    #[oai(default)]
    pub introspection: bool,
}

/// A change to a resource server; omitted fields keep their value. The identifier never
/// changes.
#[derive(Debug, Object)]
pub struct UpdateResourceServerRequest {
    pub name: Option<String>,
    /// Replaces every scope.
    pub scopes: Option<Vec<ResourceScopeObject>>,
    pub access_token_ttl_secs: Option<u32>,
    pub introspection: Option<bool>,
}
