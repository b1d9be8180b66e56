//! Pure domain model of auth-center: accounts, groups, apps (OAuth clients), grants and their
//! tokens, consents, browser sessions, one-time email tokens, signing keys and the resource
//! servers that accept our tokens.
//!
//! This module must not import anything else of the crate, nor poem, mongodb, rusqlite or tokio.
//! Functions that depend on time take `now`; nothing here reads a clock. Newtypes validate on
//! parse (`Username`, `EmailAddress`, `Scope`, ...), so an invalid value cannot be constructed.
//!
//! Timestamps are `chrono::DateTime<Utc>` with millisecond precision, the precision both stores
//! keep (use [`truncate_millis`] when creating one).

mod audit;
mod authorize;
mod client;
mod client_metadata;
mod consent;
mod device;
mod device_code;
mod email_token;
mod error;
mod fapi;
mod group;
mod login_attempts;
mod passkey;
mod pkce;
mod pushed_request;
mod redact;
mod redirect_uri;
mod registration;
mod resource_server;
mod second_factor;
mod session;
mod signing_key;
mod token;
mod user;
pub mod webauthn;

pub use audit::{
    AuditCursor, AuditEvent, AuditEventType, AuditQuery, AuditTypePrefix, ANONYMOUS_ACTOR,
    MAX_DETAIL_LEN, SYSTEM_ACTOR,
};
pub use authorize::{oversized_param, redirect_uri_matches, Prompt, MAX_PARAM_BYTES};
pub use authorize::{ResponseMode, ResponseType};
pub use client::{Client, ClientSecret, ClientType, GrantType};
pub use client_metadata::{
    is_url_client_id, parse_client_id_url, MAX_CLIENT_ID_URL_LEN, METADATA_DOCUMENT_OWNER,
};
pub use consent::Consent;
pub use device::Device;
pub use device_code::{
    format_user_code, normalize_user_code, DeviceApproval, DeviceCode, DeviceDecision,
    DeviceStatus, PollOutcome, SLOW_DOWN_STEP_SECS, USER_CODE_ALPHABET, USER_CODE_LEN,
};
pub use email_token::{EmailToken, EmailTokenPurpose};
pub use error::DomainError;
pub use fapi::{
    fapi2_registration_errors, FAPI2_CODE_LIFETIME_SECS, FAPI2_REFUSED_GRANTS, FAPI2_SIGNING_ALGS,
};
pub use group::{Group, GroupName};
pub use login_attempts::LoginAttempts;
pub use passkey::{parse_passkey_name, Passkey, MAX_PASSKEYS_PER_USER, MAX_PASSKEY_NAME};
pub use pkce::{CodeChallenge, CodeVerifier};
pub use pushed_request::{request_uri_reference, PushedRequest, REQUEST_URI_PREFIX};
pub use redirect_uri::{is_loopback, RedirectUri};
pub use registration::{
    ClientRegistration, InitialAccessToken, RegisteredMetadata, RegistrationPolicy, DYNAMIC_OWNER,
    MAX_TOKEN_LABEL_LEN,
};
pub use resource_server::{
    parse_resource_name, ResourceIdentifier, ResourceScope, ResourceServer, BUILT_IN_RESOURCE_ID,
    MAX_IDENTIFIER_LEN, MAX_RESOURCE_SCOPES, RESOURCE_TTL_RANGE,
};
pub use second_factor::{
    acr_of, acr_values_require_mfa, amr_has_second_factor, amr_of_login, base32,
    format_recovery_code, normalize_recovery_code, normalize_totp_code, otpauth_uri,
    totp_matching_step, totp_step_at, SecondFactor, ACR_MFA, ACR_PASSWORD, AMR_MFA, AMR_OTP,
    AMR_PASSWORD, RECOVERY_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LEN, TOTP_SECRET_BYTES,
};
pub use session::{ClientInfo, Session, MAX_USER_AGENT};
pub use signing_key::SigningKey;
pub use token::{
    token_purge_at, AccessTokenRecord, AuthorizationCode, Grant, RefreshToken, Scope, ScopeSet,
    SUPPORTED_SCOPES, TOKEN_PURGE_GRACE_SECS,
};
pub use user::{parse_locale, EmailAddress, User, Username, LOCALES};

use chrono::{DateTime, TimeZone, Utc};

/// Drops the sub-millisecond part of a timestamp, the precision every store keeps.
pub fn truncate_millis(t: DateTime<Utc>) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(t.timestamp_millis())
        .single()
        .unwrap_or(t)
}

/// Offset/limit paging shared by every listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: u64,
    pub limit: u64,
}

impl Page {
    pub const MAX_LIMIT: u64 = 200;

    pub fn new(offset: u64, limit: u64) -> Self {
        Self {
            offset,
            limit: limit.clamp(1, Self::MAX_LIMIT),
        }
    }
}

impl Default for Page {
    fn default() -> Self {
        Self::new(0, 50)
    }
}

/// One page of a listing and the total number of matching items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: u64,
}
