//! The device authorization grant (RFC 8628): a [`DeviceCode`] aggregate and the pure decisions
//! around it. The device code (high entropy) is stored as its SHA-256 digest; the user code is
//! short enough to type (8 letters from an alphabet without vowels or look-alikes, §6.1), so it
//! is normalised on input ([`normalize_user_code`]) and also stored as a digest; its low entropy
//! is compensated by the short lifetime and by throttling wrong entries on the `/device` page.
//!
//! [`DeviceCode::poll`] decides what one token request gets (§3.5): `authorization_pending`,
//! `slow_down` (polling faster than the interval, which then grows by 5 s), `expired_token`,
//! `access_denied`, or the tokens, exactly once. No IO and no clock: `now` is a parameter.

use chrono::{DateTime, Duration, Utc};

/// The characters of a user code: consonants only (no words, no 0/O or 1/I confusion).
pub const USER_CODE_ALPHABET: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ";
/// Letters in a user code (20^8 ≈ 2^34.6 values).
pub const USER_CODE_LEN: usize = 8;
/// How much the polling interval grows on each `slow_down` (RFC 8628 §3.5).
pub const SLOW_DOWN_STEP_SECS: i64 = 5;

/// The canonical form of what a person typed: upper case, dashes and white space dropped.
/// `None` unless it is exactly [`USER_CODE_LEN`] letters of [`USER_CODE_ALPHABET`].
pub fn normalize_user_code(input: &str) -> Option<String> {
    // Eight letters with a few separators: anything much longer is not a user code.
    if input.len() > 8 * USER_CODE_LEN {
        return None;
    }
    let code: String = input
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let ok = code.len() == USER_CODE_LEN && code.bytes().all(|b| USER_CODE_ALPHABET.contains(&b));
    ok.then_some(code)
}

/// How a normalised user code is shown: `XXXX-XXXX`.
pub fn format_user_code(normalized: &str) -> String {
    match normalized.split_at_checked(USER_CODE_LEN / 2) {
        Some((a, b)) if !b.is_empty() => format!("{a}-{b}"),
        _ => normalized.to_owned(),
    }
}

/// Where a device authorization stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceStatus {
    /// Waiting for the user at the verification page.
    Pending,
    /// The user allowed it; tokens are handed out on the next poll.
    Approved(DeviceApproval),
    /// The user refused.
    Denied,
    /// The tokens were issued; the device code is spent.
    Consumed,
}

impl DeviceStatus {
    /// The stored name of the status.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved(_) => "approved",
            Self::Denied => "denied",
            Self::Consumed => "consumed",
        }
    }
}

/// Who approved, and what: the tokens are issued for this user and these scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceApproval {
    pub user_id: String,
    /// Scopes granted (the requested ones a user may be given).
    pub scopes: Vec<String>,
    pub auth_time: DateTime<Utc>,
    pub session_id: Option<String>,
}

/// The user's answer on the verification page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceDecision {
    Approve(DeviceApproval),
    Deny,
}

/// A device authorization request (RFC 8628 §3.2).
#[derive(Clone, PartialEq, Eq)]
pub struct DeviceCode {
    /// SHA-256 digest of the device code.
    pub digest: String,
    /// SHA-256 digest of the normalised user code.
    pub user_code_digest: String,
    pub client_id: String,
    /// Scopes the device asked for.
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// Minimum seconds between two polls.
    pub interval_secs: i64,
    pub last_polled_at: Option<DateTime<Utc>>,
    pub status: DeviceStatus,
    /// The resources (RFC 8707) the device asked for; empty: none.
    pub resources: Vec<String>,
}

impl std::fmt::Debug for DeviceCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceCode")
            .field("digest", &"<redacted>")
            .field("client_id", &self.client_id)
            .field("expires_at", &self.expires_at)
            .field("interval_secs", &self.interval_secs)
            .field("status", &self.status.as_str())
            .finish_non_exhaustive()
    }
}

/// What one poll of the token endpoint gets (RFC 8628 §3.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollOutcome {
    AuthorizationPending,
    SlowDown,
    ExpiredToken,
    AccessDenied,
    /// Approved: the caller consumes the code atomically and issues the tokens.
    Approved,
    /// The tokens were already issued (a second use).
    AlreadyUsed,
}

impl DeviceCode {
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.expires_at
    }

    /// Whether a poll at `now` comes sooner than the interval after the previous one.
    pub fn polled_too_fast(&self, now: DateTime<Utc>) -> bool {
        self.last_polled_at
            .is_some_and(|t| now - t < Duration::seconds(self.interval_secs))
    }

    /// The record after a poll at `now`: the poll time is kept, and the interval grows by
    /// [`SLOW_DOWN_STEP_SECS`] when the poll came too fast. Stores apply exactly this.
    pub fn after_poll(&self, now: DateTime<Utc>) -> DeviceCode {
        let step = if self.polled_too_fast(now) {
            SLOW_DOWN_STEP_SECS
        } else {
            0
        };
        DeviceCode {
            interval_secs: self.interval_secs + step,
            last_polled_at: Some(now),
            ..self.clone()
        }
    }

    /// What a poll at `now` gets, given the record as it was before this poll was recorded.
    pub fn poll(&self, now: DateTime<Utc>) -> PollOutcome {
        if self.is_expired(now) {
            return PollOutcome::ExpiredToken;
        }
        match self.status {
            DeviceStatus::Denied => PollOutcome::AccessDenied,
            DeviceStatus::Consumed => PollOutcome::AlreadyUsed,
            DeviceStatus::Approved(_) => PollOutcome::Approved,
            DeviceStatus::Pending if self.polled_too_fast(now) => PollOutcome::SlowDown,
            DeviceStatus::Pending => PollOutcome::AuthorizationPending,
        }
    }

    /// Whether the user can still answer it at `now`.
    pub fn awaits_user(&self, now: DateTime<Utc>) -> bool {
        self.status == DeviceStatus::Pending && !self.is_expired(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(now: DateTime<Utc>) -> DeviceCode {
        DeviceCode {
            digest: "d".into(),
            user_code_digest: "u".into(),
            client_id: "tv".into(),
            scopes: vec!["openid".into()],
            created_at: now,
            expires_at: now + Duration::seconds(600),
            interval_secs: 5,
            last_polled_at: None,
            status: DeviceStatus::Pending,
            resources: vec![],
        }
    }

    #[test]
    fn user_codes_are_normalised_ignoring_case_dashes_and_spaces() {
        assert_eq!(
            normalize_user_code("bcdf-ghjk").as_deref(),
            Some("BCDFGHJK")
        );
        assert_eq!(
            normalize_user_code(" BCDF GHJK ").as_deref(),
            Some("BCDFGHJK")
        );
        assert_eq!(normalize_user_code("BCDFGHJ"), None);
        assert_eq!(
            normalize_user_code("ABCDEFGH"),
            None,
            "vowels are not in the alphabet"
        );
        assert_eq!(normalize_user_code("BCDFGHJKL"), None);
        assert_eq!(normalize_user_code("ßCDFGHJK"), None);
        assert_eq!(format_user_code("BCDFGHJK"), "BCDF-GHJK");
    }

    #[test]
    fn a_pending_code_answers_pending_then_slow_down_when_polled_too_fast() {
        let now = Utc::now();
        let code = pending(now);
        assert_eq!(code.poll(now), PollOutcome::AuthorizationPending);
        let polled = code.after_poll(now);
        assert_eq!(polled.interval_secs, 5);
        let soon = now + Duration::seconds(2);
        assert_eq!(polled.poll(soon), PollOutcome::SlowDown);
        let slowed = polled.after_poll(soon);
        assert_eq!(
            slowed.interval_secs, 10,
            "RFC 8628 §3.5: +5 s per slow_down"
        );
        let later = soon + Duration::seconds(10);
        assert_eq!(slowed.poll(later), PollOutcome::AuthorizationPending);
        assert_eq!(slowed.after_poll(later).interval_secs, 10);
    }

    #[test]
    fn expiry_denial_approval_and_consumption_decide_the_outcome() {
        let now = Utc::now();
        let mut code = pending(now);
        assert_eq!(
            code.poll(now + Duration::seconds(600)),
            PollOutcome::ExpiredToken
        );
        code.status = DeviceStatus::Denied;
        assert_eq!(code.poll(now), PollOutcome::AccessDenied);
        assert!(!code.awaits_user(now));
        code.status = DeviceStatus::Approved(DeviceApproval {
            user_id: "u1".into(),
            scopes: vec![],
            auth_time: now,
            session_id: None,
        });
        assert_eq!(code.after_poll(now).poll(now), PollOutcome::Approved);
        code.status = DeviceStatus::Consumed;
        assert_eq!(code.poll(now), PollOutcome::AlreadyUsed);
    }
}
