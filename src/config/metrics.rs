//! `[metrics]`: whether `/metrics` is served, and the bearer token it then requires.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::ConfigError;

/// Off by default: counts of sign-in failures and routes are for the operator, not for anyone
/// who can reach the server. Turn it on with a token, or keep `/metrics` off the public
/// listener at the reverse proxy (see the README).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsSettings {
    /// Serve `/metrics` on the main listener.
    pub enabled: bool,
    /// When set, `/metrics` requires `Authorization: Bearer <token>`.
    pub token: Option<SecretString>,
}

impl MetricsSettings {
    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        match &self.token {
            Some(_) if !self.enabled => Err(ConfigError::at(
                "metrics.token",
                "is set but metrics.enabled is false: set metrics.enabled = true to serve /metrics",
            )),
            Some(t) if t.expose_secret().trim().len() < 16 => Err(ConfigError::at(
                "metrics.token",
                "must be at least 16 characters",
            )),
            _ => Ok(()),
        }
    }
}
