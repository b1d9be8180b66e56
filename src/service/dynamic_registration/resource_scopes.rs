//! Scopes of resource servers in a registration's `scope`. An app registers the built-in
//! scopes; a resource server's scopes are granted through `resource` (RFC 8707) to any app,
//! never registered per app (`oauth::resources`). A client that registers for an API it found
//! through RFC 9728 metadata (as MCP clients do) asks for that API's `scopes_supported`: such
//! a scope is set aside rather than refused, as RFC 7591 §2 lets the server replace requested
//! values, so the registration answers with the scopes the app holds. A scope that neither we
//! nor any registered resource server define is still refused by `app_input`.
//!
//! Must not import poem or a store backend.

use std::collections::BTreeSet;

use super::metadata::ClientMetadata;
use crate::domain::SUPPORTED_SCOPES;
use crate::service::admin::PageRequest;
use crate::service::resource_servers::list_resource_servers;
use crate::service::{ServiceError, Services};

/// Resource servers read per page while looking for the scopes.
const PAGE: u64 = 200;

/// Drops from `m.scope` the scopes a registered resource server defines.
pub(super) async fn set_aside(svc: &Services, m: &mut ClientMetadata) -> Result<(), ServiceError> {
    let Some(scope) = m.scope.as_deref() else {
        return Ok(());
    };
    let foreign: BTreeSet<&str> = scope
        .split(' ')
        .filter(|s| !s.is_empty() && !SUPPORTED_SCOPES.contains(s))
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    let defined = defined_by_resource_servers(svc, &foreign).await?;
    if defined.is_empty() {
        return Ok(());
    }
    let kept: Vec<&str> = scope
        .split(' ')
        .filter(|s| !s.is_empty() && !defined.contains(*s))
        .collect();
    m.scope = Some(kept.join(" "));
    Ok(())
}

/// Which of `scopes` some registered resource server defines.
async fn defined_by_resource_servers(
    svc: &Services,
    scopes: &BTreeSet<&str>,
) -> Result<BTreeSet<String>, ServiceError> {
    let mut defined = BTreeSet::new();
    let mut offset = 0;
    loop {
        let paging = PageRequest {
            offset: Some(offset),
            limit: Some(PAGE),
        };
        let page = list_resource_servers(svc, paging).await?;
        for s in scopes {
            if page.items.iter().any(|r| r.defines(s)) {
                defined.insert((*s).to_owned());
            }
        }
        offset += page.items.len() as u64;
        if page.items.is_empty() || offset >= page.total || defined.len() == scopes.len() {
            return Ok(defined);
        }
    }
}
