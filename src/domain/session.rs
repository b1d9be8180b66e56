use super::redact::debug_redacted;
use chrono::{DateTime, Utc};

/// A server-side browser session. The cookie carries a random value; the store keeps only its
/// SHA-256 digest (`id`). `expires_at` is the earlier of the idle and absolute deadlines.
#[derive(Clone, PartialEq, Eq)]
pub struct Session {
    pub id: String,
    pub user_id: String,
    pub auth_time: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub absolute_expires_at: DateTime<Utc>,
    pub user_agent: Option<String>,
    /// How the person signed in (RFC 8176 values: `pwd`, and `otp` `mfa` after a second step).
    pub amr: Vec<String>,
}

debug_redacted!(Session, redact id, show user_id, expires_at);

impl Session {
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        now < self.expires_at && now < self.absolute_expires_at
    }
}
