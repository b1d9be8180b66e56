//! The store trait of resource servers (the APIs that accept our tokens, RFC 8707): one record
//! per identifier URI, which is unique (`Conflict("identifier")`). The built-in resource API is
//! not stored here (see `domain::ResourceServer::built_in`).
//!
//! Must not import poem, the service or the web layers.

use async_trait::async_trait;

use super::StoreResult;
use crate::domain::{Page, Paged, ResourceServer};

#[async_trait]
pub trait ResourceServerStore: Send + Sync {
    /// Fails with `Conflict("identifier")` when another record has the identifier.
    async fn insert_resource_server(&self, server: &ResourceServer) -> StoreResult<()>;
    async fn get_resource_server(&self, id: &str) -> StoreResult<ResourceServer>;
    /// Look-up by the exact identifier URI (what `resource` parameters and `aud` carry).
    async fn find_resource_server(&self, identifier: &str) -> StoreResult<ResourceServer>;
    /// Replaces name, scopes, token lifetime, introspection and `updated_at` (the identifier
    /// is what tokens were issued for, so it never changes).
    async fn update_resource_server(&self, server: &ResourceServer) -> StoreResult<()>;
    async fn delete_resource_server(&self, id: &str) -> StoreResult<()>;
    /// Ordered by identifier.
    async fn list_resource_servers(&self, page: Page) -> StoreResult<Paged<ResourceServer>>;
}
