//! `[oauth]`: lifetimes of what the authorization server issues (RFC 6749, RFC 8628, RFC 9068,
//! OIDC Core), the signing keys' algorithm, rotation and encryption, and the client cache.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer};

use super::units;
use super::ConfigError;
use crate::crypto::keys::SigningAlg;
use crate::domain::RegistrationPolicy;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OAuthSettings {
    /// Lifetime of JWT access tokens (an app may override it).
    #[serde(rename = "access_token_ttl_secs", deserialize_with = "units::secs")]
    pub access_token_ttl: Duration,
    /// Lifetime of one refresh token (an app may override it); each use rotates it.
    #[serde(rename = "refresh_token_ttl_secs", deserialize_with = "units::secs")]
    pub refresh_token_ttl: Duration,
    /// Absolute lifetime of a grant (a refresh-token family): no refresh after it.
    #[serde(rename = "grant_ttl_secs", deserialize_with = "units::secs")]
    pub grant_ttl: Duration,
    /// Lifetime of an authorization code.
    #[serde(rename = "code_ttl_secs", deserialize_with = "units::secs")]
    pub code_ttl: Duration,
    /// Lifetime of an id_token.
    #[serde(rename = "id_token_ttl_secs", deserialize_with = "units::secs")]
    pub id_token_ttl: Duration,
    /// A signing key signs for this long, then a new one is generated; the old one stays in
    /// the JWKS until every token it signed has expired.
    #[serde(rename = "key_rotation_secs", deserialize_with = "units::secs")]
    pub key_rotation: Duration,
    /// When set, private signing keys are stored encrypted with a key derived from it.
    pub key_encryption_key: Option<SecretString>,
    /// Lifetime of a device code and its user code (RFC 8628).
    #[serde(rename = "device_code_ttl_secs", deserialize_with = "units::secs")]
    pub device_code_ttl: Duration,
    /// Minimum time between two polls of the token endpoint by a device (RFC 8628 §3.5).
    #[serde(rename = "device_poll_interval_secs", deserialize_with = "units::secs")]
    pub device_poll_interval: Duration,
    /// The algorithm of new signing keys: `ES256` or `EdDSA` (Ed25519). Switching generates a
    /// key of the new algorithm; the old keys keep verifying until they expire.
    #[serde(deserialize_with = "signing_alg")]
    pub signing_alg: SigningAlg,
    /// How long a process keeps a client record in memory; 0 disables the cache. Changes made
    /// by this process are seen at once; by another process, after at most this long.
    #[serde(rename = "client_cache_ttl_secs", deserialize_with = "units::secs")]
    pub client_cache_ttl: Duration,
    /// The longest access-token lifetime an app may register for itself.
    #[serde(rename = "max_access_token_ttl_secs", deserialize_with = "units::secs")]
    pub max_access_token_ttl: Duration,
    /// The longest refresh-token lifetime an app may register for itself.
    #[serde(
        rename = "max_refresh_token_ttl_secs",
        deserialize_with = "units::secs"
    )]
    pub max_refresh_token_ttl: Duration,
    /// After an app's secret is rotated, the previous secret keeps working this long (0: dies
    /// at once).
    #[serde(
        rename = "secret_rotation_grace_secs",
        deserialize_with = "units::secs"
    )]
    pub secret_rotation_grace: Duration,
    /// How long a `request_uri` from the PAR endpoint stays usable (RFC 9126 §2.2); at most
    /// 60 s, since it only has to survive one redirect to this server.
    #[serde(rename = "par_lifetime_secs", deserialize_with = "units::secs")]
    pub par_lifetime: Duration,
    /// Every app must push its authorization requests first (RFC 9126 §5); an app can also
    /// require it for itself.
    pub require_pushed_authorization_requests: bool,
    /// DPoP (RFC 9449 §8): proofs must carry a nonce this server issued (`use_dpop_nonce`
    /// tells the client the current one).
    pub dpop_nonce: bool,
    /// How far a DPoP proof's `iat` may be from now, either way; its `jti` is remembered
    /// this long (RFC 9449 §11.1).
    #[serde(rename = "dpop_proof_window_secs", deserialize_with = "units::secs")]
    pub dpop_proof_window: Duration,
    /// Dynamic client registration at `/oauth2/register` (RFC 7591): `off`, `initial_access_token`
    /// (a bearer initial access token an administrator minted) or `open` (anyone, limited per
    /// client address).
    #[serde(deserialize_with = "registration_policy")]
    pub dynamic_registration: RegistrationPolicy,
    /// With `open` registration: registrations per client address per hour.
    pub registration_max_per_ip_per_hour: u32,
    /// A `client_id` that is an https URL names a Client ID Metadata Document, fetched through
    /// `[outbound]` and used as the client's registration (off: such ids are unknown clients).
    pub client_id_metadata_documents: bool,
}

impl Default for OAuthSettings {
    fn default() -> Self {
        let secs = Duration::from_secs;
        const DAY: u64 = 86_400;
        Self {
            access_token_ttl: secs(3_600),
            refresh_token_ttl: secs(10 * DAY),
            grant_ttl: secs(90 * DAY),
            code_ttl: secs(600),
            id_token_ttl: secs(3_600),
            key_rotation: secs(30 * DAY),
            key_encryption_key: None,
            device_code_ttl: secs(600),
            device_poll_interval: secs(5),
            signing_alg: SigningAlg::Es256,
            client_cache_ttl: secs(30),
            max_access_token_ttl: secs(DAY),
            max_refresh_token_ttl: secs(90 * DAY),
            secret_rotation_grace: secs(DAY),
            par_lifetime: secs(60),
            require_pushed_authorization_requests: false,
            dpop_nonce: false,
            dpop_proof_window: secs(60),
            dynamic_registration: RegistrationPolicy::Off,
            registration_max_per_ip_per_hour: 10,
            client_id_metadata_documents: false,
        }
    }
}

fn signing_alg<'de, D: Deserializer<'de>>(d: D) -> Result<SigningAlg, D::Error> {
    units::parsed(d, SigningAlg::parse, "must be ES256 or EdDSA")
}

fn registration_policy<'de, D: Deserializer<'de>>(d: D) -> Result<RegistrationPolicy, D::Error> {
    let allowed = "must be off, initial_access_token or open";
    units::parsed(d, RegistrationPolicy::parse, allowed)
}

impl OAuthSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        let positive = [
            ("access_token_ttl_secs", self.access_token_ttl),
            ("refresh_token_ttl_secs", self.refresh_token_ttl),
            ("grant_ttl_secs", self.grant_ttl),
            ("code_ttl_secs", self.code_ttl),
            ("id_token_ttl_secs", self.id_token_ttl),
            ("key_rotation_secs", self.key_rotation),
            ("device_code_ttl_secs", self.device_code_ttl),
            ("device_poll_interval_secs", self.device_poll_interval),
            ("max_access_token_ttl_secs", self.max_access_token_ttl),
            ("max_refresh_token_ttl_secs", self.max_refresh_token_ttl),
        ];
        if let Some((key, _)) = positive.iter().find(|(_, v)| v.is_zero()) {
            return Err(ConfigError::at(
                &format!("oauth.{key}"),
                "must be a positive number of seconds",
            ));
        }
        if self.registration_max_per_ip_per_hour == 0 {
            return Err(ConfigError::at(
                "oauth.registration_max_per_ip_per_hour",
                "must be at least 1",
            ));
        }
        if self.par_lifetime.is_zero() || self.par_lifetime > Duration::from_secs(60) {
            return Err(ConfigError::at(
                "oauth.par_lifetime_secs",
                "must be between 1 and 60 seconds",
            ));
        }
        if self.dpop_proof_window.is_zero() || self.dpop_proof_window > Duration::from_secs(300) {
            return Err(ConfigError::at(
                "oauth.dpop_proof_window_secs",
                "must be between 1 and 300 seconds",
            ));
        }
        if self
            .key_encryption_key
            .as_ref()
            .is_some_and(|k| k.expose_secret().len() < 16)
        {
            return Err(ConfigError::at(
                "oauth.key_encryption_key",
                "must be at least 16 characters",
            ));
        }
        Ok(())
    }
}
