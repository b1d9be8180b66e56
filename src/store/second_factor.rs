//! The store trait of people's second factors (`domain::SecondFactor`): the sealed TOTP secret,
//! the step of the last accepted code, and the digests of unused recovery codes. Every write
//! that decides whether a code counts is ONE atomic operation (a conditional update or a
//! single-row delete), so two requests with the same code cannot both pass.
//!
//! Must not import poem, the service or the web layers.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::SecondFactor;

#[async_trait]
pub trait SecondFactorStore: Send + Sync {
    /// The person's second factor, confirmed or still being enrolled.
    async fn get_second_factor(&self, user_id: &str) -> StoreResult<Option<SecondFactor>>;
    /// Stores a new enrolment (unconfirmed, no recovery codes), replacing an unconfirmed one.
    /// Returns false, changing nothing, when a confirmed factor exists.
    async fn put_enrolment(&self, factor: &SecondFactor) -> StoreResult<bool>;
    /// Atomically confirms the enrolment whose sealed secret is `secret`, recording `step` as
    /// used and storing `recovery_codes`. Exactly one of concurrent callers gets true.
    async fn confirm_enrolment(
        &self,
        user_id: &str,
        secret: &str,
        step: i64,
        recovery_codes: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Atomically records `step` as used when the factor is confirmed and its last used step
    /// is earlier. Returns whether it was recorded (false: a replay, or no active factor).
    async fn use_totp_step(&self, user_id: &str, step: i64) -> StoreResult<bool>;
    /// Atomically removes one unused recovery code of a confirmed factor. Exactly one of N
    /// concurrent callers with the same digest gets true.
    async fn take_recovery_code(&self, user_id: &str, digest: &str) -> StoreResult<bool>;
    /// Replaces every recovery code of a confirmed factor; false when there is none.
    async fn replace_recovery_codes(&self, user_id: &str, digests: &[String]) -> StoreResult<bool>;
    /// Removes the factor and its recovery codes; returns whether there was one.
    async fn delete_second_factor(&self, user_id: &str) -> StoreResult<bool>;
}
