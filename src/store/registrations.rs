//! Dynamic client registration (RFC 7591, RFC 7592): the trait both backends implement for
//! initial access tokens and the registration records of dynamically registered apps. A use
//! of an initial access token and a change of registration access token are each ONE atomic
//! method, so of any number of concurrent callers only those the counts allow succeed.
//!
//! Must not import poem, the service or the web layers.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::{ClientRegistration, InitialAccessToken, Page, Paged};

#[async_trait]
pub trait RegistrationStore: Send + Sync {
    /// Fails with `Conflict("initial_access_token")` when the digest exists.
    async fn insert_initial_token(&self, token: &InitialAccessToken) -> StoreResult<()>;
    /// The token under `digest`, without using it (expired or used up: the caller decides).
    async fn get_initial_token(&self, digest: &str) -> StoreResult<Option<InitialAccessToken>>;
    /// Atomically counts one use of the token when it has a use left and is not expired at
    /// `now`; returns it as it is after this use, or `None` (unknown, used up or expired). Of
    /// N concurrent callers at most `uses_left` get `Some`.
    async fn use_initial_token(
        &self,
        digest: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<InitialAccessToken>>;

    /// The tokens not expired at `now` (used up or not), newest first (`created_at`, then
    /// `id`, descending), one page.
    async fn list_initial_tokens(
        &self,
        now: DateTime<Utc>,
        page: Page,
    ) -> StoreResult<Paged<InitialAccessToken>>;
    /// Deletes the token `id`: no registration can use it any more. False when there is none.
    async fn revoke_initial_token(&self, id: &str) -> StoreResult<bool>;

    /// Fails with `Conflict("client_id")` when the app already has a registration record.
    async fn insert_registration(&self, registration: &ClientRegistration) -> StoreResult<()>;
    async fn get_registration(&self, client_id: &str) -> StoreResult<ClientRegistration>;
    /// Atomically replaces the record of `new.client_id` (token digest, metadata, updated_at)
    /// when its token digest is still `old_digest`; false when it is not (another request
    /// changed it first) or the record is gone.
    async fn replace_registration(
        &self,
        old_digest: &str,
        new: &ClientRegistration,
    ) -> StoreResult<bool>;
    /// Idempotent: deleting a missing record is not an error.
    async fn delete_registration(&self, client_id: &str) -> StoreResult<()>;
}
