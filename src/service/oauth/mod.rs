//! The authorization server's use cases: client authentication, the token endpoint grants,
//! revocation, introspection, bearer-token verification, userinfo and the
//! signing-key ring; the device authorization grant. RFC 6749, RFC 6750, RFC 7009, RFC 7636,
//! RFC 7662, RFC 8628, RFC 9068,
//! OIDC Core 1.0.
//!
//! Must not import poem or a concrete store backend.

mod assurance;
mod authorization_response;
pub mod authorize;
pub mod builtin;
mod client_assertion;
pub mod client_auth;
pub mod codes;
pub mod device;
pub mod device_verify;
pub mod dpop;
mod error;
mod fapi;
mod grant_state;
pub mod grants;
pub mod introspect;
mod issue;
pub mod keyring;
pub mod logout;
pub mod par;
pub mod password;
pub mod refusal;
pub mod resources;
mod scopes;
mod token_request;
pub mod userinfo;
mod valid_request;

use chrono::Duration;

pub use client_assertion::{ASSERTION_TYPE, MAX_JWKS_BYTES};
pub use error::{OAuthError, OAuthErrorCode};
pub use keyring::KeyRing;

/// Lifetimes of what the authorization server issues (from `config::OAuthSettings`, where
/// their defaults are).
#[derive(Debug, Clone)]
pub struct OAuthPolicy {
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    pub grant_ttl: Duration,
    pub code_ttl: Duration,
    pub id_token_ttl: Duration,
    /// Lifetime of a device code (RFC 8628 §3.2 `expires_in`).
    pub device_code_ttl: Duration,
    /// The polling interval a device is told to keep (RFC 8628 §3.2 `interval`).
    pub device_poll_interval: Duration,
    /// The longest access-token lifetime an app may register.
    pub max_access_token_ttl: Duration,
    /// The longest refresh-token lifetime an app may register.
    pub max_refresh_token_ttl: Duration,
    /// How long a rotated-out client secret keeps working.
    pub secret_rotation_grace: Duration,
    /// Lifetime of a pushed authorization request (RFC 9126 §2.2 `expires_in`).
    pub par_lifetime: Duration,
    /// Every authorization request must be pushed first (RFC 9126 §5).
    pub require_par: bool,
    /// DPoP proofs must carry a nonce of this server (RFC 9449 §8).
    pub dpop_nonce: bool,
    /// How far a DPoP proof's `iat` may be from now; its `jti` is remembered this long.
    pub dpop_proof_window: Duration,
    /// Who may register clients at `/oauth2/register` (RFC 7591).
    pub dynamic_registration: crate::domain::RegistrationPolicy,
    /// Open registrations per client address (`oauth.registration_max_per_ip_per_hour`).
    pub registrations_per_ip: crate::service::throttle::Limit,
    /// URL-shaped client ids are resolved as Client ID Metadata Documents.
    pub client_id_metadata_documents: bool,
}

/// The authorization server's state shared by every request: its policy and the key ring.
pub struct OAuthContext {
    pub policy: OAuthPolicy,
    pub keys: std::sync::Arc<KeyRing>,
    /// The JWK sets of apps that registered a `jwks_uri`, fetched through `outbound`.
    pub client_jwks: std::sync::Arc<crate::outbound::DocumentCache>,
    /// Client ID Metadata Documents, fetched through `outbound` (at most
    /// [`crate::service::client_metadata::MAX_DOCUMENT_BYTES`] each).
    pub client_metadata: std::sync::Arc<crate::outbound::DocumentCache>,
}
