use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::redact::debug_redacted;
use super::DomainError;

/// One scope token (RFC 6749 §3.3: `%x21 / %x23-5B / %x5D-7E`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope(String);

impl Scope {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let ok = !s.is_empty()
            && s.len() <= 128
            && s.bytes()
                .all(|b| b == 0x21 || (0x23..=0x5B).contains(&b) || (0x5D..=0x7E).contains(&b));
        if ok {
            Ok(Self(s.to_string()))
        } else {
            Err(DomainError::new(
                "scope",
                format!("invalid scope token '{s}'"),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A set of scopes, ordered, without duplicates; parsed from a space-delimited list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopeSet(BTreeSet<Scope>);

impl ScopeSet {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        s.split(' ')
            .filter(|p| !p.is_empty())
            .map(Scope::parse)
            .collect::<Result<BTreeSet<_>, _>>()
            .map(Self)
    }

    pub fn from_strings<I: IntoIterator<Item = S>, S: AsRef<str>>(
        it: I,
    ) -> Result<Self, DomainError> {
        it.into_iter()
            .map(|s| Scope::parse(s.as_ref()))
            .collect::<Result<BTreeSet<_>, _>>()
            .map(Self)
    }

    pub fn contains(&self, s: &str) -> bool {
        self.0.iter().any(|x| x.as_str() == s)
    }

    pub fn is_subset(&self, other: &ScopeSet) -> bool {
        self.0.is_subset(&other.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.0.iter().map(|s| s.0.clone()).collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(Scope::as_str)
    }

    /// The scopes in both sets.
    pub fn intersection(&self, other: &ScopeSet) -> ScopeSet {
        Self(self.0.intersection(&other.0).cloned().collect())
    }

    /// What a token request gets (RFC 6749 §3.3): the `allowed` set when `scope` is absent or
    /// blank (one rule for every grant and the authorization endpoint), else exactly the asked
    /// scopes, which must all be allowed (`None` when one is not: `invalid_scope`).
    pub fn narrow(
        allowed: &ScopeSet,
        asked: Option<&str>,
    ) -> Result<Option<ScopeSet>, DomainError> {
        match asked.map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(Some(allowed.clone())),
            Some(s) => {
                let asked = Self::parse(s)?;
                Ok(asked.is_subset(allowed).then_some(asked))
            }
        }
    }
}

impl std::fmt::Display for ScopeSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_vec().join(" "))
    }
}

/// One authorization a user gave an app (or an app obtained for itself): the family that its
/// refresh tokens and access tokens belong to. Revoking it revokes them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub id: String,
    pub user_id: Option<String>,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
    /// The absolute lifetime of the family: no refresh after this.
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// When the user authenticated for this authorization (OIDC `auth_time`): a refreshed
    /// id_token repeats it (OIDC Core §12.2). None for grants without a user, and for grants
    /// stored before it was recorded.
    pub auth_time: Option<DateTime<Utc>>,
    /// The resource identifiers (RFC 8707) the authorization is for; empty: the issuer, as
    /// before resource indicators (and for grants stored before they were recorded).
    pub resources: Vec<String>,
}

impl Grant {
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && now < self.expires_at
    }
}

/// An authorization code (RFC 6749 §4.1.2), stored under the SHA-256 digest of its value.
/// `used` flips once; a second use is detected and revokes `grant_id`.
#[derive(Clone, PartialEq, Eq)]
pub struct AuthorizationCode {
    pub digest: String,
    pub grant_id: String,
    pub client_id: String,
    pub user_id: String,
    pub redirect_uri: String,
    pub scopes: Vec<String>,
    pub code_challenge: Option<String>,
    pub nonce: Option<String>,
    pub auth_time: DateTime<Utc>,
    pub session_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used: bool,
    /// The resources (RFC 8707) authorized with the code; empty: none was asked for.
    pub resources: Vec<String>,
    /// The `dpop_jkt` of the authorization request (RFC 9449 §10): the exchange must present
    /// a DPoP proof of that key.
    pub dpop_jkt: Option<String>,
}

debug_redacted!(AuthorizationCode, redact digest, show grant_id, client_id, user_id, expires_at, used);

impl AuthorizationCode {
    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.expires_at
    }
}

/// A refresh token, stored under the SHA-256 digest of its value. Rotation marks it `used`;
/// presenting a used one is reuse and revokes the family (`grant_id`).
#[derive(Clone, PartialEq, Eq)]
pub struct RefreshToken {
    pub digest: String,
    pub grant_id: String,
    pub client_id: String,
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used: bool,
    pub revoked: bool,
    /// The resources (RFC 8707) a refresh may name (or a subset); empty: none was asked for.
    pub resources: Vec<String>,
    /// The DPoP key (RFC 7638 thumbprint) a public client's refresh token is bound to
    /// (RFC 9449 §5): a refresh must present a proof of it.
    pub dpop_jkt: Option<String>,
}

debug_redacted!(RefreshToken, redact digest, show grant_id, client_id, expires_at, used, revoked);

impl RefreshToken {
    pub fn is_usable(&self, now: DateTime<Utc>) -> bool {
        !self.used && !self.revoked && now < self.expires_at
    }
}

/// What the server remembers of an issued JWT access token, keyed by its `jti`, so that it can
/// be revoked and introspected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessTokenRecord {
    pub jti: String,
    pub grant_id: Option<String>,
    pub client_id: String,
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked: bool,
}

impl AccessTokenRecord {
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        !self.revoked && now < self.expires_at
    }
}

/// How long a code or token record is kept after it expires (24 h), so that a replayed expired
/// code or refresh token is still recognised as a replay, and revokes its grant, instead of
/// looking unknown. Garbage collection (Mongo TTL on `purge_at`, the SQLite sweeper) honours it.
pub const TOKEN_PURGE_GRACE_SECS: i64 = 86_400;

/// When a code or token record that expires at `expires_at` may be deleted.
pub fn token_purge_at(expires_at: DateTime<Utc>) -> DateTime<Utc> {
    expires_at + chrono::Duration::seconds(TOKEN_PURGE_GRACE_SECS)
}

/// Every scope this server knows. OIDC: `openid profile email offline_access`; resource API:
/// `groups`; the account API: `apps` (manage my apps), `authorizations` (see and revoke what I
/// granted); `admin` (only grantable to admin users).
pub const SUPPORTED_SCOPES: [&str; 9] = [
    "openid",
    "profile",
    "profile:write",
    "email",
    "groups",
    "offline_access",
    "apps",
    "authorizations",
    "admin",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_or_blank_scope_means_every_allowed_scope_and_a_wider_one_is_refused() {
        let allowed = ScopeSet::parse("openid profile email").unwrap();
        for blank in [None, Some(""), Some("  ")] {
            assert_eq!(
                ScopeSet::narrow(&allowed, blank).unwrap(),
                Some(allowed.clone())
            );
        }
        let some = ScopeSet::narrow(&allowed, Some("email openid")).unwrap();
        assert_eq!(some.unwrap().to_string(), "email openid");
        assert_eq!(
            ScopeSet::narrow(&allowed, Some("openid admin")).unwrap(),
            None
        );
        assert!(ScopeSet::narrow(&allowed, Some("bad\"scope")).is_err());
    }

    #[test]
    fn scope_sets_parse_space_delimited_lists_without_duplicates() {
        let s = ScopeSet::parse("openid  profile openid").unwrap();
        assert_eq!(s.to_vec(), vec!["openid", "profile"]);
        assert!(ScopeSet::parse("bad\"scope").is_err());
        assert!(ScopeSet::parse("a\\b").is_err());
        let narrow = ScopeSet::parse("openid").unwrap();
        assert!(narrow.is_subset(&s));
        assert!(!s.is_subset(&narrow));
    }
}
