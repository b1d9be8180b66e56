//! The durable mail outbox: every email is first written to the store (`OutboxStore`) by the
//! request that causes it, then delivered by a sender that claims it with a lease, and deleted
//! once the mail server took it. A mail server that is down loses nothing: the message waits,
//! retried with a doubling pause (`mail.retry_min_ms` .. `mail.retry_max_secs`), until it is
//! delivered or its links expire (`accounts.email_token_ttl_secs`, when it is dropped).
//!
//! Two senders share the work: the request's own background task tries at once (so a working
//! server delivers as fast as before), and every node's worker polls the shared outbox every
//! `mail.outbox_poll_ms` for retries and for messages a dead node left behind. The atomic claim
//! makes them exclusive: a message is delivered once. The exception is a node that dies (or
//! stops) after the server accepted a message and before the acknowledgement: its lease
//! (`mail.send_lease_secs`) ends and the message is sent again — at least once, in that case.
//! Clocks of nodes sharing a store should agree to well within the lease.
//!
//! Bodies carry one-time links, which are secrets: they are stored sealed (AES-256-GCM under a
//! key derived from the key-encryption key every node shares) and never logged; logs name the
//! message id, kind and account only.

use std::time::Duration;

use super::{ServiceError, Services};
use crate::config::units::to_chrono;
use crate::crypto::keys::KeyEncryption;
use crate::mail::{MailError, OutgoingEmail};
use crate::metrics::{metrics, MailOutcome};
use crate::store::{OutboxMessage, StoreError};

/// How the outbox is worked, and the key of its bodies.
#[derive(Clone)]
pub struct Outbox {
    pub policy: OutboxPolicy,
    /// Seals the text and HTML bodies at rest (`KeyEncryption::for_mail`).
    pub seal: KeyEncryption,
}

/// How the outbox is worked (`mail.*`).
#[derive(Debug, Clone, Copy)]
pub struct OutboxPolicy {
    /// The pause after the first failed attempt; it doubles with each further one...
    pub retry_min: Duration,
    /// ... up to this.
    pub retry_max: Duration,
    /// How often the worker looks for due messages.
    pub poll: Duration,
    /// How long a sender holds a claimed message.
    pub lease: Duration,
}

impl OutboxPolicy {
    /// The pause after `attempts` failed attempts (1 = the first).
    pub fn backoff(&self, attempts: u32) -> Duration {
        let doublings = attempts.saturating_sub(1).min(30);
        self.retry_min
            .saturating_mul(1 << doublings)
            .min(self.retry_max)
    }
}

/// Writes `email` to the outbox (it is durable when this returns) and starts delivering it in
/// the background. Its links expire with the email tokens, and so does the message. `kind`
/// names the email for the logs (`EmailKind::name`).
pub async fn enqueue(
    svc: &Services,
    email: OutgoingEmail,
    kind: &'static str,
    user_id: &str,
) -> Result<(), ServiceError> {
    let now = svc.now();
    let message = OutboxMessage {
        id: uuid::Uuid::new_v4().simple().to_string(),
        kind: kind.to_owned(),
        user_id: user_id.to_owned(),
        to: email.to,
        subject: email.subject,
        text: seal(svc, &email.text)?,
        html: seal(svc, &email.html)?,
        created_at: now,
        expires_at: now + svc.accounts.email_token_ttl,
        due_at: now,
        attempts: 0,
    };
    svc.stores.outbox.enqueue_mail(&message).await?;
    let (svc, id) = (svc.clone(), message.id);
    tokio::spawn(async move {
        if let Err(e) = deliver_one(&svc, Some(&id)).await {
            tracing::warn!(message_id = %id, error = %e, "email queued; delivery left to the outbox worker");
        }
    });
    Ok(())
}

fn seal(svc: &Services, body: &str) -> Result<String, ServiceError> {
    svc.outbox.seal.seal(body).map_err(ServiceError::Internal)
}

/// Runs for the life of the server: every `poll`, delivers every message that is due.
pub fn spawn_worker(svc: Services) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(svc.outbox.policy.poll);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = deliver_due(&svc).await {
                tracing::warn!(error = %e, "the mail outbox could not be read; trying again later");
            }
        }
    })
}

/// Delivers due messages one by one until none is left; returns how many were claimed.
pub async fn deliver_due(svc: &Services) -> Result<u64, StoreError> {
    let mut claimed = 0;
    while deliver_one(svc, None).await? {
        claimed += 1;
    }
    Ok(claimed)
}

/// Claims the message `id` (or any due one) and tries to send it; false when there was none
/// to claim (not due, held by another sender, delivered or expired).
async fn deliver_one(svc: &Services, id: Option<&str>) -> Result<bool, StoreError> {
    let claim = uuid::Uuid::new_v4().simple().to_string();
    let now = svc.now();
    let lease_until = now + to_chrono(svc.outbox.policy.lease);
    let outbox = &svc.stores.outbox;
    let Some(m) = outbox.claim_mail(id, &claim, now, lease_until).await? else {
        return Ok(false);
    };
    let (message_id, kind, user_id, attempt) = (&m.id, &m.kind, &m.user_id, m.attempts);
    let opened = open(&svc.outbox.seal, &m);
    let sent = match &opened {
        Ok(email) => svc.mailer.send(email).await,
        // Another key-encryption key than the node that queued it: a node that has the right
        // one may still deliver it, so it is retried like a failed delivery.
        Err(e) => Err(MailError::Transport(format!("{e:#}"))),
    };
    match sent {
        Ok(()) => {
            outbox.ack_mail(&m.id, &claim).await?;
            metrics().mail(MailOutcome::Sent);
            tracing::info!(%message_id, %kind, %user_id, attempt, "email sent");
        }
        Err(e) if !e.is_retryable() => {
            outbox.ack_mail(&m.id, &claim).await?;
            metrics().mail(MailOutcome::Refused);
            tracing::error!(%message_id, %kind, %user_id, attempt, error = %e, "email refused; dropped (the person can ask again)");
        }
        Err(e) => {
            let retry_at = svc.now() + to_chrono(svc.outbox.policy.backoff(attempt));
            if retry_at >= m.expires_at {
                outbox.ack_mail(&m.id, &claim).await?;
                metrics().mail(MailOutcome::Expired);
                tracing::error!(%message_id, %kind, %user_id, attempt, error = %e, "email delivery failed until its links expired; dropped");
            } else {
                outbox.release_mail(&m.id, &claim, retry_at).await?;
                metrics().mail(MailOutcome::Retry);
                tracing::warn!(%message_id, %kind, %user_id, attempt, error = %e, %retry_at, "email delivery failed; will retry");
            }
        }
    }
    Ok(true)
}

/// The message as queued, its bodies unsealed.
fn open(key: &KeyEncryption, m: &OutboxMessage) -> anyhow::Result<OutgoingEmail> {
    Ok(OutgoingEmail {
        to: m.to.clone(),
        subject: m.subject.clone(),
        text: key.open_sealed(&m.text)?,
        html: key.open_sealed(&m.html)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_between_attempts_doubles_up_to_the_maximum() {
        let p = OutboxPolicy {
            retry_min: Duration::from_millis(500),
            retry_max: Duration::from_secs(3),
            poll: Duration::from_secs(1),
            lease: Duration::from_secs(60),
        };
        let pauses: Vec<u128> = (1..=6).map(|n| p.backoff(n).as_millis()).collect();
        assert_eq!(pauses, [500, 1000, 2000, 3000, 3000, 3000]);
        assert_eq!(p.backoff(u32::MAX), Duration::from_secs(3));
    }

    #[test]
    fn a_queued_message_prints_neither_its_address_nor_its_links() {
        let now = chrono::Utc::now();
        let m = OutboxMessage {
            id: "m1".into(),
            kind: "reset_password".into(),
            user_id: "u1".into(),
            to: "jane@example.com".into(),
            subject: "Reset".into(),
            text: "https://id.example/accounts/reset/?token=s3cret".into(),
            html: "<a href=\"https://id.example/accounts/reset/?token=s3cret\">".into(),
            created_at: now,
            expires_at: now,
            due_at: now,
            attempts: 1,
        };
        let printed = format!("{m:?}");
        assert!(printed.contains("m1") && printed.contains("reset_password"));
        assert!(
            !printed.contains("s3cret") && !printed.contains("jane"),
            "{printed}"
        );
    }
}
