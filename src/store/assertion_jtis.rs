//! Client assertion ids (`jti`, RFC 7523 §3 item 7): the trait both backends implement. An id
//! is recorded by ONE atomic method, so of any number of concurrent uses of one assertion, on
//! any node, exactly one is accepted. An entry lives until the assertion expires; after that
//! the assertion's `exp` refuses it anyway, and the entry is garbage (TTL index, sweeper).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;

#[async_trait]
pub trait AssertionJtiStore: Send + Sync {
    /// Records `key` (a digest of the client id and the `jti`) until `expires_at`. `true` when
    /// this call recorded it; `false` when it is recorded and not expired at `now` (a replay).
    async fn record_assertion_jti(
        &self,
        key: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
}
