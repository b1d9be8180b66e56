//! The stored shape of a resource server's scopes, shared by both adapters (a JSON text column
//! in SQLite, an array of sub-documents in MongoDB).
//!
//! Must not import poem, the service or the web layers.

use serde::{Deserialize, Serialize};

use crate::domain::{DomainError, ResourceScope};

/// One scope of a resource server as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ScopeRow {
    pub name: String,
    pub description: String,
    pub description_zh: String,
}

pub(crate) fn scope_rows(scopes: &[ResourceScope]) -> Vec<ScopeRow> {
    scopes
        .iter()
        .map(|s| ScopeRow {
            name: s.name.as_str().to_owned(),
            description: s.description.clone(),
            description_zh: s.description_zh.clone(),
        })
        .collect()
}

pub(crate) fn parse_scope_rows(rows: Vec<ScopeRow>) -> Result<Vec<ResourceScope>, DomainError> {
    rows.iter()
        .map(|r| ResourceScope::parse(&r.name, &r.description, &r.description_zh))
        .collect()
}
