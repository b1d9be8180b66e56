//! The store trait of the audit log (`domain::AuditEvent`): events are appended in batches by
//! the one background writer (`service::audit`) and listed newest first, `(time, id)`
//! descending, with the same filters and order on every backend. An event is kept until its
//! `expires_at` (the retention): a TTL index (MongoDB) or the sweeper (SQLite) collects it,
//! and listings leave out what has expired but is not collected yet.
//!
//! Must not import poem, the service or the web layers.

use async_trait::async_trait;

use super::StoreResult;
use crate::domain::{AuditEvent, AuditQuery};

#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends events (ids are unique: a batch written twice is not duplicated).
    async fn insert_audit_events(&self, events: &[AuditEvent]) -> StoreResult<()>;
    /// At most `query.limit` events matching the query, newest first.
    async fn list_audit_events(&self, query: &AuditQuery) -> StoreResult<Vec<AuditEvent>>;
}
