use std::net::IpAddr;

use super::redact::debug_redacted;
use chrono::{DateTime, Utc};

/// A server-side browser session. The cookie carries a random value; the store keeps only its
/// SHA-256 digest (`id`). `expires_at` is the earlier of the idle and absolute deadlines.
/// `public_id` is a second random value that names the session to its person (the sessions
/// page, the API): it grants nothing, so it may be shown where the cookie value never is.
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
    /// The session's public name (empty on MongoDB sessions from before it was recorded).
    pub public_id: String,
    /// The client's address at sign-in (`client_ip`'s rules), as text.
    pub ip: Option<String>,
}

debug_redacted!(Session, redact id, show user_id, expires_at);

impl Session {
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        now < self.expires_at && now < self.absolute_expires_at
    }
}

/// Where a request comes from, as a person would recognise it in a list of sessions or a
/// security email: the client's address and its User-Agent header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientInfo {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

/// The longest User-Agent kept, in characters (the header has no bound of its own).
pub const MAX_USER_AGENT: usize = 256;

impl ClientInfo {
    pub fn new(ip: Option<IpAddr>, user_agent: Option<&str>) -> Self {
        Self {
            ip,
            user_agent: user_agent.map(|ua| ua.chars().take(MAX_USER_AGENT).collect()),
        }
    }
}
