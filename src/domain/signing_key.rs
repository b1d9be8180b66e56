use chrono::{DateTime, Utc};

/// A token-signing key pair. It signs until `retire_at`, then stays published in the JWKS until
/// `expires_at` so tokens it signed still verify. `private_key` is a PKCS#8 PEM, possibly
/// encrypted with the configured key-encryption key.
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKey {
    pub kid: String,
    pub alg: String,
    pub private_key: String,
    pub public_jwk: String,
    /// When it starts signing. A successor is stored ahead of that, so that every node
    /// publishes it before any node signs with it.
    pub created_at: DateTime<Utc>,
    pub retire_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("kid", &self.kid)
            .field("alg", &self.alg)
            .field("private_key", &"<redacted>")
            .field("retire_at", &self.retire_at)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    pub fn signs_at(&self, now: DateTime<Utc>) -> bool {
        self.created_at <= now && now < self.retire_at
    }

    pub fn published_at(&self, now: DateTime<Utc>) -> bool {
        now < self.expires_at
    }
}
