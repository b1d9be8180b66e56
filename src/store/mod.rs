//! Storage: one small async trait per aggregate, and two adapters that mirror each other file
//! for file, `mongo` (production) and `sqlite` (the embedded zero-configuration default).
//!
//! Rules every adapter keeps (the contract suite in `tests/store_contract/` checks them):
//! - Secrets are stored as digests only; this layer never sees a raw code, token or password.
//! - One-time credentials are consumed by ONE atomic method (`take_code`, `rotate_refresh`,
//!   `consume_email_token`): never get-then-delete.
//! - Expiry is decided by the domain against `now`; TTL indexes (Mongo) and the sweeper (SQLite)
//!   only collect garbage.
//! - Timestamps keep millisecond precision.
//! - Errors say what happened: not found, a unique conflict naming the field, or the backend
//!   being unavailable.
//!
//! Must not import poem, the service or the web layers.

mod assertion_jtis;
mod audit;
pub mod cache;
pub mod feed;
mod grant_cache;
pub mod mongo;
mod outbox;
pub mod owner_cache;
mod passkeys;
mod pushed_requests;
mod registrations;
mod resource_servers;
pub mod revoked;
mod scope_rows;
mod second_factor;
pub mod sqlite;
mod stores;
mod ttl_cache;

pub use assertion_jtis::AssertionJtiStore;
pub use audit::AuditStore;
pub use outbox::{OutboxMessage, OutboxStore};
pub use passkeys::PasskeyStore;
pub use pushed_requests::PushedRequestStore;
pub use registrations::RegistrationStore;
pub use resource_servers::ResourceServerStore;
pub use second_factor::SecondFactorStore;
pub use stores::Stores;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::domain::{
    AccessTokenRecord, AuthorizationCode, Client, Consent, DeviceCode, DeviceDecision, EmailToken,
    EmailTokenPurpose, Grant, Group, LoginAttempts, Page, Paged, RefreshToken, Session, SigningKey,
    User,
};
use crate::metrics::{StoreBackend, StoreErrorKind};

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint was violated; the value names the field (`username`, `email`,
    /// `client_id`, `name`, `id`, `user_code`...).
    #[error("{0} is already taken")]
    Conflict(&'static str),
    /// The backend could not be reached or timed out; the request may succeed later.
    #[error("store unavailable: {0}")]
    Unavailable(#[source] anyhow::Error),
    /// Anything else: corrupt data, a bug, an unexpected backend answer.
    #[error("store error: {0}")]
    Internal(#[source] anyhow::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// Counts this error in the store metrics of `backend`, unless it is an answer (not found,
    /// a conflict).
    pub(crate) fn count(&self, backend: StoreBackend) {
        let kind = match self {
            Self::Unavailable(_) => StoreErrorKind::Unavailable,
            Self::Internal(_) => StoreErrorKind::Internal,
            Self::NotFound | Self::Conflict(_) => return,
        };
        crate::metrics::metrics().store_error(backend, kind);
    }
}

/// Outcome of [`CodeStore::take_code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeTake {
    /// This call consumed the code (the returned record has `used == false`, as it was before).
    Taken(AuthorizationCode),
    /// The code exists but was consumed before: a replay. The record says which grant to revoke.
    AlreadyUsed(AuthorizationCode),
    NotFound,
}

/// Outcome of [`GrantStore::rotate_refresh`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshRotation {
    /// The old token was unused and is now used; the new one is stored.
    Rotated(RefreshToken),
    /// The old token had already been rotated (or revoked): reuse. Nothing was stored.
    Reused(RefreshToken),
    NotFound,
}

/// Listing filter for users (admin pages and API).
#[derive(Debug, Clone, Default)]
pub struct UserQuery {
    /// Case-insensitive substring of username, email or display name.
    pub search: Option<String>,
    pub page: Page,
}

#[async_trait]
pub trait UserStore: Send + Sync {
    /// Fails with `Conflict("username")` or `Conflict("email")` (case-insensitive uniqueness).
    async fn insert_user(&self, user: &User) -> StoreResult<()>;
    async fn get_user(&self, id: &str) -> StoreResult<User>;
    /// Look-up by the case-folded username (`Username::key`).
    async fn find_user_by_username(&self, username_key: &str) -> StoreResult<User>;
    /// Look-up by the case-folded email (`EmailAddress::key`).
    async fn find_user_by_email(&self, email_key: &str) -> StoreResult<User>;
    /// Replaces every field but `id` and `created_at`; same conflicts as insert.
    async fn update_user(&self, user: &User) -> StoreResult<()>;
    async fn delete_user(&self, id: &str) -> StoreResult<()>;
    /// Ordered by username key.
    async fn list_users(&self, query: &UserQuery) -> StoreResult<Paged<User>>;
    async fn count_users(&self) -> StoreResult<u64>;
    /// Accounts that are administrators and not disabled (last-admin protection).
    async fn count_enabled_admins(&self) -> StoreResult<u64>;
    /// Whether the account exists and is not disabled (an app's owner, asked on every token
    /// request: `owner_cache` answers it from memory).
    async fn user_enabled(&self, id: &str) -> StoreResult<bool> {
        match self.get_user(id).await {
            Ok(user) => Ok(!user.disabled),
            Err(StoreError::NotFound) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

#[async_trait]
pub trait GroupStore: Send + Sync {
    /// Fails with `Conflict("name")` (case-insensitive).
    async fn insert_group(&self, group: &Group) -> StoreResult<()>;
    async fn get_group(&self, id: &str) -> StoreResult<Group>;
    async fn find_group_by_name(&self, name_key: &str) -> StoreResult<Group>;
    /// Replaces name, description and updated_at (not members).
    async fn update_group(&self, group: &Group) -> StoreResult<()>;
    async fn delete_group(&self, id: &str) -> StoreResult<()>;
    /// Ordered by name key.
    async fn list_groups(&self, page: Page) -> StoreResult<Paged<Group>>;
    /// Groups the user belongs to, ordered by name key.
    async fn list_groups_for_user(&self, user_id: &str) -> StoreResult<Vec<Group>>;
    /// Idempotent; `NotFound` when the group does not exist.
    async fn add_member(&self, group_id: &str, user_id: &str) -> StoreResult<()>;
    /// Idempotent; `NotFound` when the group does not exist.
    async fn remove_member(&self, group_id: &str, user_id: &str) -> StoreResult<()>;
    /// Removes the user from every group (account deletion).
    async fn remove_user_everywhere(&self, user_id: &str) -> StoreResult<()>;
}

#[async_trait]
pub trait ClientStore: Send + Sync {
    /// Fails with `Conflict("client_id")`.
    async fn insert_client(&self, client: &Client) -> StoreResult<()>;
    async fn get_client(&self, client_id: &str) -> StoreResult<Client>;
    /// Replaces every field but `client_id` and `created_at`.
    async fn update_client(&self, client: &Client) -> StoreResult<()>;
    async fn delete_client(&self, client_id: &str) -> StoreResult<()>;
    /// Ordered by creation time, then client_id.
    async fn list_clients_by_owner(&self, owner_id: &str, page: Page)
        -> StoreResult<Paged<Client>>;
    /// Every client id owned by the user (account deletion).
    async fn list_client_ids_by_owner(&self, owner_id: &str) -> StoreResult<Vec<String>>;
    /// Every client of every owner (the administrators' listing), ordered by creation time,
    /// then client_id.
    async fn list_clients(&self, page: Page) -> StoreResult<Paged<Client>>;
}

#[async_trait]
pub trait CodeStore: Send + Sync {
    /// Fails with `Conflict("code")` when the digest exists.
    async fn insert_code(&self, code: &AuthorizationCode) -> StoreResult<()>;
    /// Atomically marks the code used. Exactly one of N concurrent callers gets `Taken`.
    /// Expiry is not checked here: the caller decides with the returned record.
    async fn take_code(&self, digest: &str) -> StoreResult<CodeTake>;
}

#[async_trait]
pub trait GrantStore: Send + Sync {
    async fn insert_grant(&self, grant: &Grant) -> StoreResult<()>;
    async fn get_grant(&self, id: &str) -> StoreResult<Grant>;
    /// Grants of a user that are not revoked and not past `expires_at`, newest first.
    async fn list_active_grants_for_user(
        &self,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<Grant>>;
    async fn touch_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()>;
    /// Marks the grant revoked and revokes every refresh token and access token of it, at once.
    /// Idempotent; `NotFound` when the grant does not exist.
    async fn revoke_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()>;
    /// Revokes every grant of a client (app deletion) and its tokens; returns how many grants.
    async fn revoke_grants_for_client(
        &self,
        client_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<u64>;
    /// Revokes every grant of a user (account deletion, password reset); returns how many.
    async fn revoke_grants_for_user(&self, user_id: &str, now: DateTime<Utc>) -> StoreResult<u64>;

    /// Fails with `Conflict("refresh_token")` when the digest exists.
    async fn insert_refresh(&self, token: &RefreshToken) -> StoreResult<()>;
    /// Stores a new grant, then its first refresh token: `Conflict("id")` (and nothing stored)
    /// when the grant exists. A backend that can stores both in one call, all or nothing; the
    /// others store the grant first, so a refresh token never exists without its grant.
    async fn insert_grant_with_refresh(
        &self,
        grant: &Grant,
        token: &RefreshToken,
    ) -> StoreResult<()> {
        self.insert_grant(grant).await?;
        self.insert_refresh(token).await
    }
    async fn get_refresh(&self, digest: &str) -> StoreResult<RefreshToken>;
    /// Atomically marks `old_digest` used and stores `new`. Exactly one of N concurrent callers
    /// with the same old token gets `Rotated`; the others get `Reused` and nothing is stored.
    async fn rotate_refresh(
        &self,
        old_digest: &str,
        new: &RefreshToken,
    ) -> StoreResult<RefreshRotation>;
    /// Marks one refresh token revoked (RFC 7009). Returns whether it existed.
    async fn revoke_refresh(&self, digest: &str) -> StoreResult<bool>;

    async fn insert_access(&self, token: &AccessTokenRecord) -> StoreResult<()>;
    async fn get_access(&self, jti: &str) -> StoreResult<AccessTokenRecord>;
    /// Marks one access token revoked. Returns whether it existed.
    async fn revoke_access(&self, jti: &str) -> StoreResult<bool>;
}

#[async_trait]
pub trait ConsentStore: Send + Sync {
    async fn get_consent(&self, user_id: &str, client_id: &str) -> StoreResult<Consent>;
    /// Inserts or replaces the consent of (user, client).
    async fn put_consent(&self, consent: &Consent) -> StoreResult<()>;
    /// Idempotent: deleting a missing consent is not an error.
    async fn delete_consent(&self, user_id: &str, client_id: &str) -> StoreResult<()>;
    async fn delete_consents_for_client(&self, client_id: &str) -> StoreResult<()>;
    async fn delete_consents_for_user(&self, user_id: &str) -> StoreResult<()>;
    async fn list_consents_for_user(&self, user_id: &str) -> StoreResult<Vec<Consent>>;
}

#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn insert_session(&self, session: &Session) -> StoreResult<()>;
    async fn get_session(&self, id: &str) -> StoreResult<Session>;
    /// Records activity: sets `last_seen_at` and `expires_at`.
    async fn touch_session(
        &self,
        id: &str,
        last_seen_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Idempotent.
    async fn delete_session(&self, id: &str) -> StoreResult<()>;
    /// Deletes every session of the user except `keep`; returns how many were deleted.
    async fn delete_sessions_for_user(&self, user_id: &str, keep: Option<&str>)
        -> StoreResult<u64>;
    /// Every session of the user, active or not (expiry is the domain's decision).
    async fn list_sessions_for_user(&self, user_id: &str) -> StoreResult<Vec<Session>>;
    /// Deletes the user's session named `public_id`; false when the user has none by that name
    /// (another person's session is never touched).
    async fn delete_user_session(&self, user_id: &str, public_id: &str) -> StoreResult<bool>;
    /// Records that the user signed in from the device whose cookie has `digest` (one atomic
    /// upsert, kept until `expires_at`); true when the device was not known for the user.
    async fn remember_device(
        &self,
        user_id: &str,
        digest: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// How many devices are known for the user.
    async fn count_devices(&self, user_id: &str) -> StoreResult<u64>;
    /// Forgets every device known for the user (their account is deleted); returns how many.
    async fn forget_devices(&self, user_id: &str) -> StoreResult<u64>;
}

#[async_trait]
pub trait EmailTokenStore: Send + Sync {
    async fn insert_email_token(&self, token: &EmailToken) -> StoreResult<()>;
    /// Atomically removes and returns the token if it exists with that purpose. Exactly one of
    /// N concurrent callers gets it. Expiry is the caller's decision.
    async fn consume_email_token(
        &self,
        digest: &str,
        purpose: EmailTokenPurpose,
    ) -> StoreResult<Option<EmailToken>>;
    /// Removes every token of the user for that purpose (a newer one supersedes them).
    async fn delete_email_tokens_for_user(
        &self,
        user_id: &str,
        purpose: EmailTokenPurpose,
    ) -> StoreResult<()>;
    /// Removes every token of the user, whatever its purpose (account recovery: no link mailed
    /// before a reset, a password change, a change of address or a disable may be redeemed
    /// after it); returns how many there were.
    async fn delete_all_email_tokens_for_user(&self, user_id: &str) -> StoreResult<u64>;
}

/// Device authorization requests (RFC 8628), keyed by the digest of the device code and
/// unique by the digest of the user code.
#[async_trait]
pub trait DeviceCodeStore: Send + Sync {
    /// Stores a new, pending code. Fails with `Conflict("user_code")` when the user code is
    /// taken (draw another) or `Conflict("device_code")`.
    async fn insert_device_code(&self, code: &DeviceCode) -> StoreResult<()>;
    /// Look-up by the digest of the normalised user code (the verification page).
    async fn find_device_code_by_user_code(
        &self,
        user_code_digest: &str,
    ) -> StoreResult<DeviceCode>;
    /// Atomically records a poll at `now` as `DeviceCode::after_poll` describes (the interval
    /// grows when it came too fast) and returns the record as it was BEFORE, or `None` when
    /// the device code is unknown.
    async fn record_device_poll(
        &self,
        digest: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DeviceCode>>;
    /// Atomically approves or denies a code that is pending and not expired at `now`.
    /// Returns whether this call decided it (false: unknown, expired or already decided).
    async fn decide_device_code(
        &self,
        user_code_digest: &str,
        decision: &DeviceDecision,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Atomically turns an approved code into a consumed one and returns it as it was (with
    /// its approval). Exactly one of N concurrent callers gets `Some`.
    async fn take_approved_device_code(&self, digest: &str) -> StoreResult<Option<DeviceCode>>;
}

/// Fixed-window counters shared by every process using the store: failed password checks and
/// wrong device codes (`service::throttle`), emails sent (`service::mail_limits`). Limits
/// reserve first: one atomic increment returns the new count, the caller decides from it.
#[async_trait]
pub trait LoginAttemptStore: Send + Sync {
    /// Atomically counts one under `key` and returns the counter. A counter whose window has
    /// ended (`expires_at <= now`), or none, restarts at 1 with a window `[now, expires_at)`.
    async fn record_login_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<LoginAttempts>;
    /// The counter of `key`, if any (expired or not: the caller decides).
    async fn get_login_attempts(&self, key: &str) -> StoreResult<Option<LoginAttempts>>;
    /// Idempotent.
    async fn clear_login_attempts(&self, key: &str) -> StoreResult<()>;
    /// Atomically takes back one count of `key`, only while the counter is still in the window
    /// that began at `window_start` and above 0 (a reservation that turned out not to be a
    /// failure). Returns whether a count was taken back.
    async fn release_login_attempt(
        &self,
        key: &str,
        window_start: DateTime<Utc>,
    ) -> StoreResult<bool>;
}

#[async_trait]
pub trait SigningKeyStore: Send + Sync {
    /// Fails with `Conflict("kid")`.
    async fn insert_key(&self, key: &SigningKey) -> StoreResult<()>;
    /// Every stored key, newest first.
    async fn list_keys(&self) -> StoreResult<Vec<SigningKey>>;
    async fn delete_key(&self, kid: &str) -> StoreResult<()>;
    /// Replaces the private key of `kid` with `sealed` if it is still `plaintext` (one atomic
    /// compare-and-set); false when it was not (sealed by another process meanwhile, or gone).
    async fn seal_key(&self, kid: &str, plaintext: &str, sealed: &str) -> StoreResult<bool>;
}

/// Backend-wide operations.
#[async_trait]
pub trait StoreAdmin: Send + Sync {
    /// Cheap round trip proving the backend answers.
    async fn ping(&self) -> StoreResult<()>;
    /// Deletes what expired before `now` (SQLite sweeper; a no-op where TTL indexes do it).
    /// Codes, refresh tokens and access-token records are kept until they have been expired
    /// for `domain::TOKEN_PURGE_GRACE_SECS`, so replays of expired ones stay detectable.
    async fn sweep_expired(&self, now: DateTime<Utc>) -> StoreResult<u64>;
    /// "sqlite" or "mongodb".
    fn backend_name(&self) -> &'static str;
    /// Ends the backend's connections for a process about to exit (MongoDB ends its server
    /// sessions and closes its pool; SQLite needs nothing). Nothing is lost if it is not
    /// called; the store must not be used after it.
    async fn close(&self);
}
