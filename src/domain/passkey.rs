//! A person's passkey (a discoverable WebAuthn credential): its id and COSE public key as the
//! authenticator made them (base64url), the signature counter last seen, the name the person
//! gave it, and whether it is a synced passkey (backup eligible). Must not import anything else
//! of the crate.

use chrono::{DateTime, Utc};

/// Longest name of a passkey, in characters.
pub const MAX_PASSKEY_NAME: usize = 64;
/// Passkeys one person may hold.
pub const MAX_PASSKEYS_PER_USER: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passkey {
    /// base64url of the credential id (unique across all people).
    pub credential_id: String,
    pub user_id: String,
    /// base64url of the COSE_Key.
    pub public_key: String,
    /// The signature counter of the last accepted use (0: the authenticator keeps none).
    pub counter: i64,
    pub name: String,
    /// A synced passkey (RFC 8176 `swk`) rather than one bound to a device (`hwk`).
    pub backup_eligible: bool,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A passkey's name as given, trimmed, when it is one: 1 to [`MAX_PASSKEY_NAME`] characters
/// without control characters.
pub fn parse_passkey_name(input: &str) -> Option<String> {
    let name = input.trim();
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_PASSKEY_NAME
        && !name.chars().any(char::is_control);
    ok.then(|| name.to_owned())
}
