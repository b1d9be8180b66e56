//! `[accounts]` and `[admin]`: the rules of accounts (passwords, email links, verification,
//! login throttling) and the administrator created on first start.

use std::time::Duration;

use secrecy::SecretString;
use serde::Deserialize;

use super::units;
use super::ConfigError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccountSettings {
    /// Shortest password accepted at registration, reset and change.
    pub min_password_length: usize,
    /// Lifetime of verification, reset and change-of-email links.
    #[serde(rename = "email_token_ttl_secs", deserialize_with = "units::secs")]
    pub email_token_ttl: Duration,
    /// When true, an account whose email is not verified cannot log in.
    pub require_email_verification: bool,
    /// Failed password checks for one account before further attempts are refused.
    pub login_max_failures: u32,
    /// Failed password checks from one client IP, on any accounts, before every attempt from
    /// it is refused (password spraying).
    pub login_max_failures_per_ip: u32,
    /// The window in which failures are counted, and how long a refusal lasts at most.
    #[serde(rename = "login_failure_window_secs", deserialize_with = "units::secs")]
    pub login_failure_window: Duration,
    /// Accounts one client IP may register in an hour (self-service registration, page and
    /// API); past it a registration is refused with 429 and nothing is created.
    pub max_registrations_per_ip_per_hour: u32,
    /// When true, an administrator without two-step verification is sent to set it up and
    /// acts as an administrator nowhere (pages, admin API, `admin` tokens) until they have.
    pub require_second_factor_for_admins: bool,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            min_password_length: 10,
            email_token_ttl: Duration::from_secs(1800),
            require_email_verification: false,
            login_max_failures: 5,
            login_max_failures_per_ip: 100,
            login_failure_window: Duration::from_secs(900),
            max_registrations_per_ip_per_hour: 20,
            require_second_factor_for_admins: false,
        }
    }
}

impl AccountSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if !(6..=128).contains(&self.min_password_length) {
            return Err(ConfigError::at(
                "accounts.min_password_length",
                "must be 6 to 128",
            ));
        }
        if self.email_token_ttl < Duration::from_secs(60) || self.login_max_failures == 0 {
            return Err(ConfigError::at(
                "accounts.*",
                "email_token_ttl_secs must be >= 60 and login_max_failures >= 1",
            ));
        }
        if self.login_max_failures_per_ip < self.login_max_failures {
            return Err(ConfigError::at(
                "accounts.login_max_failures_per_ip",
                "must be >= accounts.login_max_failures",
            ));
        }
        if self.max_registrations_per_ip_per_hour == 0 {
            return Err(ConfigError::at(
                "accounts.max_registrations_per_ip_per_hour",
                "must be >= 1",
            ));
        }
        if self.login_failure_window.is_zero() {
            return Err(ConfigError::at(
                "accounts.login_failure_window_secs",
                "must be > 0",
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdminSettings {
    /// Account created on first start when the store has no user.
    pub username: String,
    pub email: String,
    /// Its password; unset: a random one is generated and printed once.
    pub password: Option<SecretString>,
}

impl Default for AdminSettings {
    fn default() -> Self {
        Self {
            username: "admin".into(),
            email: "admin@localhost".into(),
            password: None,
        }
    }
}
