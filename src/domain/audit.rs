//! The audit log's records: what happened ([`AuditEventType`], a closed set serialised as dotted
//! names such as `login.succeeded`), who did it, to whom, through which app, from where, and a
//! few small facts of the kind. Never a secret, password, token, code or digest: the types here
//! take ids, names and closed reason codes only.
//!
//! Listing is newest first, `(time, id)` descending, with an opaque cursor naming the last
//! event of a page ([`AuditCursor`]), so both stores page the same way.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

/// Every kind of event the audit log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditEventType {
    LoginSucceeded,
    LoginFailed,
    Logout,
    ThrottleRefused,
    PasswordChanged,
    PasswordReset,
    EmailChanged,
    SecondFactorEnabled,
    SecondFactorDisabled,
    RecoveryCodeUsed,
    ConsentGranted,
    ConsentRevoked,
    TokenRevoked,
    GrantRevoked,
    RefreshReuseDetected,
    AppCreated,
    AppChanged,
    AppDeleted,
    AppSecretRotated,
    AdminUserChanged,
    AdminUserDeleted,
    AdminGroupCreated,
    AdminGroupChanged,
    AdminGroupDeleted,
    AdminGroupMemberAdded,
    AdminGroupMemberRemoved,
    KeyRotated,
    SessionEnded,
    AccountRegistered,
    EmailVerified,
    RecoveryCodesRegenerated,
    AdminSecondFactorReset,
    AdminResourceServerCreated,
    AdminResourceServerChanged,
    AdminResourceServerDeleted,
    AdminRegistrationTokenCreated,
    AdminRegistrationTokenRevoked,
}

impl AuditEventType {
    pub const ALL: [AuditEventType; 37] = [
        Self::LoginSucceeded,
        Self::LoginFailed,
        Self::Logout,
        Self::ThrottleRefused,
        Self::PasswordChanged,
        Self::PasswordReset,
        Self::EmailChanged,
        Self::SecondFactorEnabled,
        Self::SecondFactorDisabled,
        Self::RecoveryCodeUsed,
        Self::ConsentGranted,
        Self::ConsentRevoked,
        Self::TokenRevoked,
        Self::GrantRevoked,
        Self::RefreshReuseDetected,
        Self::AppCreated,
        Self::AppChanged,
        Self::AppDeleted,
        Self::AppSecretRotated,
        Self::AdminUserChanged,
        Self::AdminUserDeleted,
        Self::AdminGroupCreated,
        Self::AdminGroupChanged,
        Self::AdminGroupDeleted,
        Self::AdminGroupMemberAdded,
        Self::AdminGroupMemberRemoved,
        Self::KeyRotated,
        Self::SessionEnded,
        Self::AccountRegistered,
        Self::EmailVerified,
        Self::RecoveryCodesRegenerated,
        Self::AdminSecondFactorReset,
        Self::AdminResourceServerCreated,
        Self::AdminResourceServerChanged,
        Self::AdminResourceServerDeleted,
        Self::AdminRegistrationTokenCreated,
        Self::AdminRegistrationTokenRevoked,
    ];

    /// The dotted name stored, listed and filtered by.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LoginSucceeded => "login.succeeded",
            Self::LoginFailed => "login.failed",
            Self::Logout => "logout",
            Self::ThrottleRefused => "throttle.refused",
            Self::PasswordChanged => "password.changed",
            Self::PasswordReset => "password.reset",
            Self::EmailChanged => "email.changed",
            Self::SecondFactorEnabled => "second_factor.enabled",
            Self::SecondFactorDisabled => "second_factor.disabled",
            Self::RecoveryCodeUsed => "recovery_code.used",
            Self::ConsentGranted => "consent.granted",
            Self::ConsentRevoked => "consent.revoked",
            Self::TokenRevoked => "token.revoked",
            Self::GrantRevoked => "grant.revoked",
            Self::RefreshReuseDetected => "refresh.reuse_detected",
            Self::AppCreated => "app.created",
            Self::AppChanged => "app.changed",
            Self::AppDeleted => "app.deleted",
            Self::AppSecretRotated => "app.secret_rotated",
            Self::AdminUserChanged => "admin.user_changed",
            Self::AdminUserDeleted => "admin.user_deleted",
            Self::AdminGroupCreated => "admin.group_created",
            Self::AdminGroupChanged => "admin.group_changed",
            Self::AdminGroupDeleted => "admin.group_deleted",
            Self::AdminGroupMemberAdded => "admin.group_member_added",
            Self::AdminGroupMemberRemoved => "admin.group_member_removed",
            Self::KeyRotated => "key.rotated",
            Self::SessionEnded => "session.ended",
            Self::AccountRegistered => "account.registered",
            Self::EmailVerified => "email.verified",
            Self::RecoveryCodesRegenerated => "recovery_codes.regenerated",
            Self::AdminSecondFactorReset => "admin.second_factor_reset",
            Self::AdminResourceServerCreated => "admin.resource_server_created",
            Self::AdminResourceServerChanged => "admin.resource_server_changed",
            Self::AdminResourceServerDeleted => "admin.resource_server_deleted",
            Self::AdminRegistrationTokenCreated => "admin.registration_token_created",
            Self::AdminRegistrationTokenRevoked => "admin.registration_token_revoked",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl std::fmt::Display for AuditEventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who did it: a person, an app (by client id), or the server itself.
pub const SYSTEM_ACTOR: &str = "system";

/// The actor of an attempt by someone not known (a sign-in to an unknown account).
pub const ANONYMOUS_ACTOR: &str = "anonymous";

/// The longest value of a detail, in characters (details are small facts: a scope list, a
/// field name, a count).
pub const MAX_DETAIL_LEN: usize = 200;

/// One recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub id: String,
    pub time: DateTime<Utc>,
    pub kind: AuditEventType,
    /// Why it ended as it did, from a closed set (`bad_password`, `unknown_user`, `throttled`,
    /// `second_factor_failed`, ...).
    pub reason: Option<String>,
    /// A user id, a client id, or [`SYSTEM_ACTOR`].
    pub actor: String,
    /// The person the event is about.
    pub subject: Option<String>,
    /// The app (client id) involved.
    pub app: Option<String>,
    pub ip: Option<String>,
    /// Bounded to `MAX_USER_AGENT` characters.
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    pub details: BTreeMap<String, String>,
    /// When the retention period ends (a TTL index and the sweeper collect it after that).
    pub expires_at: DateTime<Utc>,
}

/// Where a page of events ended: the `(time, id)` of its last event. Written as
/// `<millis>.<id>`; the next page holds the events strictly older in that order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditCursor {
    pub time: DateTime<Utc>,
    pub id: String,
}

impl AuditCursor {
    pub fn of(event: &AuditEvent) -> Self {
        Self {
            time: event.time,
            id: event.id.clone(),
        }
    }

    pub fn encode(&self) -> String {
        format!("{}.{}", self.time.timestamp_millis(), self.id)
    }

    pub fn parse(s: &str) -> Option<Self> {
        let (ms, id) = s.split_once('.')?;
        let time = DateTime::from_timestamp_millis(ms.parse().ok()?)?;
        let plain = |c: char| c.is_ascii_alphanumeric() || c == '-';
        (!id.is_empty() && id.len() <= 64 && id.chars().all(plain)).then(|| Self {
            time,
            id: id.to_owned(),
        })
    }
}

/// A type filter: one dotted name or a prefix of names (`login.`). Only the characters of the
/// names are allowed, so a prefix can be matched as a range in either store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditTypePrefix(String);

impl AuditTypePrefix {
    pub fn parse(s: &str) -> Option<Self> {
        let ok = |c: char| c.is_ascii_lowercase() || c == '.' || c == '_';
        (!s.is_empty() && s.len() <= 64 && s.chars().all(ok)).then(|| Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first string after every name starting with the prefix (names are `[a-z._]`).
    pub fn upper_bound(&self) -> String {
        format!("{}\u{7f}", self.0)
    }
}

/// What an audit listing selects. `limit` is at most [`AuditQuery::MAX_LIMIT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditQuery {
    /// Events whose subject is this user.
    pub user: Option<String>,
    pub app: Option<String>,
    pub kind: Option<AuditTypePrefix>,
    /// Inclusive.
    pub since: Option<DateTime<Utc>>,
    /// Exclusive.
    pub until: Option<DateTime<Utc>>,
    /// Events older than this one (the previous page's `next`).
    pub after: Option<AuditCursor>,
    pub limit: u32,
    /// Events retained at this time (an expired one may not be collected yet).
    pub now: DateTime<Utc>,
}

impl AuditQuery {
    pub const MAX_LIMIT: u32 = 100;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_name_parses_back_and_is_unique() {
        let mut seen = std::collections::HashSet::new();
        for t in AuditEventType::ALL {
            assert_eq!(AuditEventType::parse(t.as_str()), Some(t));
            assert!(seen.insert(t.as_str()));
            assert!(AuditTypePrefix::parse(t.as_str()).is_some(), "{t}");
        }
    }

    #[test]
    fn cursors_round_trip_and_refuse_what_they_did_not_write() {
        let c = AuditCursor {
            time: DateTime::from_timestamp_millis(1_700_000_000_123).unwrap(),
            id: "0190a1b2-c3d4".into(),
        };
        assert_eq!(AuditCursor::parse(&c.encode()), Some(c));
        for bad in ["", "12", "x.abc", "12.", "12.a'b", "12.a b"] {
            assert_eq!(AuditCursor::parse(bad), None, "{bad}");
        }
        assert_eq!(AuditTypePrefix::parse("login.$ne"), None);
    }
}
