//! Resource servers (RFC 8707): the APIs that accept our access tokens. Administrators create,
//! change, list and delete them (admin API, CLI, admin page); the authorization and token
//! endpoints look them up by identifier. The built-in resource API is one of them, identified
//! by the issuer URL, defining today's scopes; it is not stored and cannot be changed.
//!
//! Must not import poem or a concrete store backend.

use std::collections::BTreeSet;

use crate::domain::{
    parse_resource_name, DomainError, ResourceIdentifier, ResourceScope, ResourceServer,
    BUILT_IN_RESOURCE_ID, MAX_RESOURCE_SCOPES, RESOURCE_TTL_RANGE,
};
use crate::store::StoreError;

use super::admin::{Listed, PageRequest};
use super::audit::{Entry, Kind};
use super::{ServiceError, Services, Validation};

/// Scopes about the authorization server itself, never defined by a resource server.
pub const SERVER_SCOPES: [&str; 2] = ["openid", "offline_access"];

/// A scope as an administrator writes it.
#[derive(Debug, Clone, Default)]
pub struct ScopeInput {
    pub name: String,
    pub description: Option<String>,
    pub description_zh: Option<String>,
}

/// What it takes to create a resource server.
#[derive(Debug, Clone, Default)]
pub struct NewResourceServer {
    pub identifier: String,
    pub name: String,
    pub scopes: Vec<ScopeInput>,
    pub access_token_ttl_secs: Option<u32>,
    pub introspection: bool,
}

/// A change; `None` keeps the current value. The identifier never changes.
#[derive(Debug, Clone, Default)]
pub struct ResourceServerPatch {
    pub name: Option<String>,
    pub scopes: Option<Vec<ScopeInput>>,
    pub access_token_ttl_secs: Option<u32>,
    pub introspection: Option<bool>,
}

/// The built-in resource API of this server.
pub fn built_in(svc: &Services) -> Result<ResourceServer, ServiceError> {
    ResourceServer::built_in(&svc.public_url, svc.now())
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("built-in resource: {e}")))
}

fn check_scopes(v: &mut Validation, given: &[ScopeInput]) -> Vec<ResourceScope> {
    if given.len() > MAX_RESOURCE_SCOPES {
        let msg = format!("at most {MAX_RESOURCE_SCOPES} scopes");
        v.push(DomainError::new("scopes", msg));
    }
    let mut seen = BTreeSet::new();
    let mut scopes = Vec::with_capacity(given.len());
    for s in given {
        let parsed = ResourceScope::parse(
            &s.name,
            s.description.as_deref().unwrap_or_default(),
            s.description_zh.as_deref().unwrap_or_default(),
        );
        let Some(scope) = v.check(parsed) else {
            continue;
        };
        let name = scope.name.as_str().to_owned();
        if SERVER_SCOPES.contains(&name.as_str()) {
            let msg = format!("'{name}' belongs to the authorization server itself");
            v.push(DomainError::new("scopes", msg).with_code("reserved"));
        } else if !seen.insert(name.clone()) {
            let msg = format!("'{name}' is listed twice");
            v.push(DomainError::new("scopes", msg).with_code("duplicate"));
        } else {
            scopes.push(scope);
        }
    }
    scopes
}

fn check_ttl(v: &mut Validation, ttl: Option<u32>) {
    if ttl.is_some_and(|t| !RESOURCE_TTL_RANGE.contains(&t)) {
        let (lo, hi) = (RESOURCE_TTL_RANGE.start(), RESOURCE_TTL_RANGE.end());
        let msg = format!("must be between {lo} and {hi} seconds");
        v.push(DomainError::new("access_token_ttl_secs", msg));
    }
}

/// Records who changed `server` and how (its id and identifier, never its secrets).
fn record(svc: &Services, kind: Kind, server: &ResourceServer) {
    let entry = Entry::acting(kind).detail("resource_server", &server.id);
    svc.audit
        .record(entry.detail("resource", &server.identifier));
}

/// Creates a resource server. Its identifier must be unique and not the issuer's.
pub async fn create_resource_server(
    svc: &Services,
    new: NewResourceServer,
) -> Result<ResourceServer, ServiceError> {
    let mut v = Validation::default();
    let identifier = v.check(ResourceIdentifier::parse(new.identifier.trim()));
    let name = v.check(parse_resource_name(&new.name));
    let scopes = check_scopes(&mut v, &new.scopes);
    check_ttl(&mut v, new.access_token_ttl_secs);
    v.finish()?;
    let (Some(identifier), Some(name)) = (identifier, name) else {
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "validated input missing"
        )));
    };
    if identifier == built_in(svc)?.identifier {
        return Err(ServiceError::Conflict("identifier"));
    }
    let now = svc.now();
    let server = ResourceServer {
        id: uuid::Uuid::now_v7().to_string(),
        identifier,
        name,
        scopes,
        access_token_ttl_secs: new.access_token_ttl_secs,
        introspection: new.introspection,
        created_at: now,
        updated_at: now,
    };
    svc.stores
        .resource_servers
        .insert_resource_server(&server)
        .await?;
    tracing::info!(resource_server_id = %server.id, "resource server created");
    record(svc, Kind::AdminResourceServerCreated, &server);
    Ok(server)
}

/// One resource server by id (`built-in` names the built-in one).
pub async fn get_resource_server(svc: &Services, id: &str) -> Result<ResourceServer, ServiceError> {
    if id == BUILT_IN_RESOURCE_ID {
        return built_in(svc);
    }
    Ok(svc.stores.resource_servers.get_resource_server(id).await?)
}

fn refuse_built_in(id: &str) -> Result<(), ServiceError> {
    if id == BUILT_IN_RESOURCE_ID {
        return Err(ServiceError::Refused(
            "the built-in resource server is part of this server and cannot be changed".into(),
        ));
    }
    Ok(())
}

/// Changes name, scopes, token lifetime or introspection; returns the record as stored.
pub async fn update_resource_server(
    svc: &Services,
    id: &str,
    patch: ResourceServerPatch,
) -> Result<ResourceServer, ServiceError> {
    refuse_built_in(id)?;
    let mut v = Validation::default();
    let name = patch.name.and_then(|n| v.check(parse_resource_name(&n)));
    let scopes = patch.scopes.map(|s| check_scopes(&mut v, &s));
    check_ttl(&mut v, patch.access_token_ttl_secs);
    v.finish()?;
    let store = &svc.stores.resource_servers;
    let mut server = store.get_resource_server(id).await?;
    if let Some(name) = name {
        server.name = name;
    }
    if let Some(scopes) = scopes {
        server.scopes = scopes;
    }
    if let Some(ttl) = patch.access_token_ttl_secs {
        server.access_token_ttl_secs = Some(ttl);
    }
    if let Some(introspection) = patch.introspection {
        server.introspection = introspection;
    }
    server.updated_at = svc.now();
    store.update_resource_server(&server).await?;
    record(svc, Kind::AdminResourceServerChanged, &server);
    Ok(server)
}

/// Deletes a resource server: no new token names it; tokens already issued for it run out.
pub async fn delete_resource_server(svc: &Services, id: &str) -> Result<(), ServiceError> {
    refuse_built_in(id)?;
    svc.stores
        .resource_servers
        .delete_resource_server(id)
        .await?;
    tracing::info!(resource_server_id = %id, "resource server deleted");
    let entry = Entry::acting(Kind::AdminResourceServerDeleted);
    svc.audit.record(entry.detail("resource_server", id));
    Ok(())
}

/// The stored resource servers ordered by identifier (the built-in one is not listed).
pub async fn list_resource_servers(
    svc: &Services,
    paging: PageRequest,
) -> Result<Listed<ResourceServer>, ServiceError> {
    let mut v = Validation::default();
    let page = paging.validate(&mut v);
    v.finish()?;
    let found = svc
        .stores
        .resource_servers
        .list_resource_servers(page)
        .await?;
    Ok(Listed {
        items: found.items,
        total: found.total,
        page,
    })
}

/// A resource server by id, else by identifier: how operators name them on the CLI.
pub async fn find_resource_server(
    svc: &Services,
    id_or_identifier: &str,
) -> Result<ResourceServer, ServiceError> {
    let store = &svc.stores.resource_servers;
    match store.get_resource_server(id_or_identifier).await {
        Err(StoreError::NotFound) => {}
        other => return Ok(other?),
    }
    Ok(store.find_resource_server(id_or_identifier).await?)
}
