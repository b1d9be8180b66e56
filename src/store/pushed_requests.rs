//! Pushed authorization requests (RFC 9126): the trait both backends implement. A request is
//! consumed by ONE atomic method, so of any number of concurrent uses of one `request_uri`
//! exactly one gets it (§4: a `request_uri` is used once). Expiry and the client binding are
//! the caller's decisions, made with the returned record.

use async_trait::async_trait;

use super::StoreResult;
use crate::domain::PushedRequest;

#[async_trait]
pub trait PushedRequestStore: Send + Sync {
    /// Fails with `Conflict("request_uri")` when the digest exists.
    async fn insert_pushed_request(&self, request: &PushedRequest) -> StoreResult<()>;
    /// The request under `digest`, without consuming it (the login and consent pages come
    /// before the answer that uses it up).
    async fn get_pushed_request(&self, digest: &str) -> StoreResult<Option<PushedRequest>>;
    /// Atomically removes and returns the request. Exactly one of N concurrent callers gets
    /// `Some`.
    async fn take_pushed_request(&self, digest: &str) -> StoreResult<Option<PushedRequest>>;
}
