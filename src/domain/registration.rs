//! Dynamic client registration (RFC 7591, RFC 7592): the initial access tokens administrators
//! mint (single or multi-use, with an expiry, kept as digests) and, for each client registered
//! dynamically, the record of its registration (the digest of its registration access token,
//! bound to that one client, and the metadata the app record does not keep).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The owner of every app registered at `/oauth2/register`: no person owns it; it answers to
/// its registration access token and to administrators.
pub const DYNAMIC_OWNER: &str = "dynamic-registration";

/// Who may register a client at `/oauth2/register` (`oauth.dynamic_registration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegistrationPolicy {
    /// Nobody: the endpoint answers 404 and discovery does not name it.
    #[default]
    Off,
    /// A bearer of an initial access token an administrator minted.
    InitialAccessToken,
    /// Anyone, within a number of registrations per client address.
    Open,
}

impl RegistrationPolicy {
    /// The configuration value: `off`, `initial_access_token` or `open`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "off" => Some(Self::Off),
            "initial_access_token" => Some(Self::InitialAccessToken),
            "open" => Some(Self::Open),
            _ => None,
        }
    }
}

/// The longest label of an initial access token, in characters.
pub const MAX_TOKEN_LABEL_LEN: usize = 100;

/// An initial access token (RFC 7591 §3): lets its bearer register `uses_left` more clients
/// until `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitialAccessToken {
    /// Names it in listings and revocations: random, unrelated to the token.
    pub id: String,
    /// SHA-256 of the token.
    pub digest: String,
    /// What the administrator wrote to recognise it (at most [`MAX_TOKEN_LABEL_LEN`]
    /// characters).
    pub label: Option<String>,
    /// How many registrations it allowed when minted.
    pub max_uses: u32,
    /// How many registrations it still allows.
    pub uses_left: u32,
    /// The administrator who minted it (`operator` from the command line).
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl InitialAccessToken {
    /// Whether it may register a client at `now`.
    pub fn is_usable(&self, now: DateTime<Utc>) -> bool {
        self.uses_left > 0 && now < self.expires_at
    }
}

/// Client metadata of RFC 7591 §2 that an app record does not hold, kept as registered so the
/// client configuration endpoint (RFC 7592) returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredMetadata {
    /// As the client registered it (`client_secret_post` and `client_secret_basic` both work
    /// for any app with a secret).
    pub token_endpoint_auth_method: String,
    #[serde(default)]
    pub contacts: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tos_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software_version: Option<String>,
}

/// How one app was registered dynamically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRegistration {
    pub client_id: String,
    /// SHA-256 of the current registration access token (RFC 7592 §3), which changes on every
    /// read and update.
    pub token_digest: String,
    pub metadata: RegisteredMetadata,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_initial_access_token_is_usable_while_it_has_uses_left_and_has_not_expired() {
        let now = Utc::now();
        let t = InitialAccessToken {
            id: "i".into(),
            digest: "d".into(),
            label: None,
            max_uses: 2,
            uses_left: 1,
            created_by: "admin".into(),
            created_at: now,
            expires_at: now + chrono::Duration::hours(1),
        };
        assert!(t.is_usable(now));
        assert!(!t.is_usable(t.expires_at));
        let used = InitialAccessToken { uses_left: 0, ..t };
        assert!(!used.is_usable(now));
    }
}
