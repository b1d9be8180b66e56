//! Passkeys (WebAuthn credentials): the trait both backends implement. A credential id is
//! unique across all people. A use is recorded by ONE conditional write that also checks the
//! signature counter, so of two uses presenting the same counter at most one is accepted.
//!
//! Must not import poem, the service or the web layers.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::Passkey;

#[async_trait]
pub trait PasskeyStore: Send + Sync {
    /// Fails with `Conflict("credential_id")` when the credential is registered already.
    async fn insert_passkey(&self, passkey: &Passkey) -> StoreResult<()>;
    /// The passkey with this credential id, whoever holds it.
    async fn find_passkey(&self, credential_id: &str) -> StoreResult<Option<Passkey>>;
    /// The person's passkeys, oldest first.
    async fn list_passkeys(&self, user_id: &str) -> StoreResult<Vec<Passkey>>;
    /// Atomically records a use with signature counter `counter` at `now`, when the counter
    /// advances (strictly greater, or 0 where 0 is stored). Returns whether it was recorded.
    async fn record_passkey_use(
        &self,
        credential_id: &str,
        counter: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Renames the person's passkey; false when they hold none with this id.
    async fn rename_passkey(
        &self,
        user_id: &str,
        credential_id: &str,
        name: &str,
    ) -> StoreResult<bool>;
    /// Removes the person's passkey; false when they hold none with this id (another person's
    /// is never touched).
    async fn delete_passkey(&self, user_id: &str, credential_id: &str) -> StoreResult<bool>;
    /// Removes every passkey of the person (their account is deleted); returns how many.
    async fn delete_passkeys_for_user(&self, user_id: &str) -> StoreResult<u64>;
}
