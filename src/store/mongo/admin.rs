//! Backend-wide operations: a `ping` round trip for health checks, and `sweep_expired`, which
//! has nothing to do here because the TTL indexes on `expires_at` already delete expired codes,
//! tokens, grants, sessions, email tokens and signing keys (the server's TTL monitor runs every
//! minute by default, so documents may outlive their deadline briefly; the domain's expiry
//! checks make that harmless).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use mongodb::bson::doc;

use super::{MongoResultExt, MongoStore};
use crate::store::{StoreAdmin, StoreResult};

#[async_trait]
impl StoreAdmin for MongoStore {
    async fn ping(&self) -> StoreResult<()> {
        self.db.run_command(doc! { "ping": 1 }).await.or_store()?;
        Ok(())
    }

    /// Always `Ok(0)`: the TTL indexes do the sweeping on the server.
    async fn sweep_expired(&self, _now: DateTime<Utc>) -> StoreResult<u64> {
        Ok(0)
    }

    fn backend_name(&self) -> &'static str {
        "mongodb"
    }

    /// `Client::shutdown`, bounded: a client merely dropped while the runtime shuts down
    /// spawns its session clean-up onto a dying runtime, which the driver answers with a panic.
    async fn close(&self) {
        let shutdown = self.db.client().clone().shutdown();
        if tokio::time::timeout(CLOSE_TIMEOUT, shutdown).await.is_err() {
            tracing::warn!("the MongoDB client did not shut down within {CLOSE_TIMEOUT:?}");
        }
    }
}

const CLOSE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
