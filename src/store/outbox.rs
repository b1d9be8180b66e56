//! The durable mail outbox every process using the store shares (`service::email_outbox`
//! delivers from it): the message as stored and the store trait its two adapters implement.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;

/// An email waiting in the outbox. Its body holds live one-time links: `Debug` prints neither
/// the address nor the body, and no adapter logs them.
#[derive(Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: String,
    /// What kind of email (`reset_password`...) and for which account: for logs.
    pub kind: String,
    pub user_id: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub created_at: DateTime<Utc>,
    /// Past it the message is never delivered (its link has expired) and is collected.
    pub expires_at: DateTime<Utc>,
    /// Not claimable before: when it is queued, the next retry; while claimed, the lease end.
    pub due_at: DateTime<Utc>,
    /// Delivery attempts started (claims), including a claim in progress.
    pub attempts: u32,
}

impl std::fmt::Debug for OutboxMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxMessage")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

/// The durable mail outbox shared by every process using the store. A sender claims a due
/// message with a lease (one atomic update); the lease hides it from other claimers until the
/// sender acknowledges it (deleted), releases it for a later retry, or dies (the lease ends and
/// another claimer takes it: the one case where a message may be delivered twice).
#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Queues a message. Fails with `Conflict("id")` when the id exists.
    async fn enqueue_mail(&self, message: &OutboxMessage) -> StoreResult<()>;
    /// Atomically claims the message `id` (or, with `None`, the due message with the earliest
    /// `due_at`) if it is due (`due_at <= now`) and not expired: sets `due_at` to `lease_until`,
    /// records `claim` as its holder and counts an attempt. Returns it as updated. Exactly one
    /// of N concurrent claimers gets a given message.
    async fn claim_mail(
        &self,
        id: Option<&str>,
        claim: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> StoreResult<Option<OutboxMessage>>;
    /// Delivered (or given up): deletes the message if `claim` still holds it. Returns whether
    /// it did (false: the lease ended and another claimer took it over).
    async fn ack_mail(&self, id: &str, claim: &str) -> StoreResult<bool>;
    /// Not delivered: makes the message due again at `retry_at` if `claim` still holds it.
    async fn release_mail(
        &self,
        id: &str,
        claim: &str,
        retry_at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Messages in the outbox, due or not (operators and tests).
    async fn count_mail(&self) -> StoreResult<u64>;
}
