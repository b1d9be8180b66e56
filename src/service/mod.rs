//! Use cases of auth-center. Each public function is one thing a person, an app or an operator
//! does (create a user, register an app, ...). Handlers in `api` and `web` call exactly one of
//! them and map the result.
//!
//! Must not import poem or a concrete store backend: it sees `store::Stores` (traits),
//! `mail::Mailer`, `crypto` and `domain`.

pub mod access;
pub mod accounts;
pub mod admin;
pub mod app_input;
pub mod app_keys;
mod app_patch;
mod app_switches;
pub mod apps;
pub mod audit;
pub mod authorizations;
pub mod bootstrap;
pub mod client_metadata;
pub mod clients;
pub mod clock;
pub mod dynamic_registration;
pub mod email;
pub mod email_outbox;
pub mod email_verification;
pub mod groups;
pub mod login;
pub mod mail_limits;
pub mod oauth;
pub mod passkeys;
pub mod password_policy;
pub mod password_reset;
pub mod policy;
pub mod profile;
pub mod registration;
pub mod resource_servers;
pub mod resources;
pub mod security_mail;
pub mod sessions;
pub mod throttle;
pub mod two_factor;

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::crypto::PasswordHasher;
use crate::domain::{truncate_millis, DomainError};
use crate::mail::Mailer;
use crate::store::{StoreError, Stores};

/// Everything a use case needs; cheap to clone.
#[derive(Clone)]
pub struct Services {
    pub stores: Stores,
    pub hasher: PasswordHasher,
    pub mailer: Arc<dyn Mailer>,
    /// Retries, polling and leases of the mail outbox (`mail.*`), and the key its bodies are
    /// sealed with.
    pub outbox: email_outbox::Outbox,
    /// The issuer URL, without a trailing slash.
    pub public_url: String,
    /// The authorization server: lifetimes and signing keys.
    pub oauth: Arc<oauth::OAuthContext>,
    pub session_policy: sessions::SessionPolicy,
    /// Password length, email link lifetime, verification requirement (`accounts.*`).
    pub accounts: policy::AccountPolicy,
    /// Writes the emails that carry one-time links (templates, in the person's language).
    pub emails: Arc<dyn email::EmailRenderer>,
    /// Credential-check limits per account and per client IP (login, password grant, device
    /// user codes, password change).
    pub login_throttle: throttle::LoginThrottle,
    /// Emails per recipient and per client IP (`mail.max_per_*`).
    pub mail_limits: mail_limits::MailLimits,
    /// The keys of two-step verification (TOTP secrets at rest, pending logins).
    pub two_factor: two_factor::Keys,
    /// The time every use case decides against (the system's, except in tests of expiry).
    pub clock: Arc<dyn clock::Clock>,
    /// Records security-relevant events in the audit log (`audit.*`).
    pub audit: audit::Audit,
}

impl Services {
    /// The current time at the precision the stores keep.
    pub fn now(&self) -> DateTime<Utc> {
        truncate_millis(self.clock.now())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Field-level validation failures, all of them at once.
    #[error("invalid input: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<DomainError>),
    #[error("{0} is already taken")]
    Conflict(&'static str),
    #[error("not found")]
    NotFound,
    /// The request is valid but the current state forbids it (e.g. deleting the last admin).
    #[error("{0}")]
    Refused(String),
    #[error("a dependency is unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::NotFound,
            StoreError::Conflict(field) => Self::Conflict(field),
            StoreError::Unavailable(e) => Self::Unavailable(e),
            StoreError::Internal(e) => Self::Internal(e),
        }
    }
}

impl From<crate::crypto::HashError> for ServiceError {
    fn from(e: crate::crypto::HashError) -> Self {
        use crate::crypto::HashError;
        match e {
            HashError::Busy => Self::Unavailable(e.into()),
            HashError::TooLong => Self::Invalid(vec![DomainError::new(
                "password",
                format!(
                    "must be at most {} bytes long",
                    crate::crypto::MAX_PASSWORD_BYTES
                ),
            )
            .with_code("too_long")]),
            HashError::Params(_) | HashError::Hash(_) => Self::Internal(e.into()),
        }
    }
}

impl From<DomainError> for ServiceError {
    fn from(e: DomainError) -> Self {
        Self::Invalid(vec![e])
    }
}

/// Collects the errors of several independent validations into one `Invalid`.
#[derive(Default)]
pub struct Validation(Vec<DomainError>);

impl Validation {
    pub fn check<T>(&mut self, r: Result<T, DomainError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, e: DomainError) {
        self.0.push(e);
    }

    pub fn finish(self) -> Result<(), ServiceError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ServiceError::Invalid(self.0))
        }
    }
}
