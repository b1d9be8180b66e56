//! Typed, layered configuration: defaults → optional TOML file → environment
//! (`AUTH_CENTER__SECTION__KEY`) → command-line flags (and their `AUTH_CENTER_FLAG` variables).
//!
//! One file per section; each section's `Default` is the one place its defaults are written,
//! and its values are typed (addresses, URLs, enums, `Duration`s read from the documented `_secs`
//! and `_ms` keys), so a bad value is refused at start with the key it was read for, never
//! later where it is used. Every key is documented in the README with its default. Secrets are
//! `SecretString`s, so they never reach a log line. Must not import the service, store or web
//! layers.

mod accounts;
mod audit;
mod log;
mod mail;
mod metrics;
mod oauth;
mod outbound;
mod security;
mod server;
mod store;
#[cfg(test)]
mod tests;
pub mod units;
mod web;

use std::path::Path;

use figment::providers::{Env, Format, Serialized, Toml};
use figment::value::Value;
use figment::Figment;
use serde::{Deserialize, Serialize};

pub use accounts::{AccountSettings, AdminSettings};
pub use audit::AuditSettings;
pub use log::{LogFormat, LogSettings};
pub use mail::{MailSettings, MailTransport};
pub use metrics::MetricsSettings;
pub use oauth::OAuthSettings;
pub use outbound::OutboundSettings;
pub use security::{SecuritySettings, SessionSettings};
pub use server::{PublicUrl, ServerSettings};
pub use store::StoreSettings;
pub use web::WebSettings;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub server: ServerSettings,
    pub store: StoreSettings,
    pub mail: MailSettings,
    pub admin: AdminSettings,
    pub security: SecuritySettings,
    pub session: SessionSettings,
    pub accounts: AccountSettings,
    pub web: WebSettings,
    pub log: LogSettings,
    pub oauth: OAuthSettings,
    pub metrics: MetricsSettings,
    pub outbound: OutboundSettings,
    pub audit: AuditSettings,
}

/// Values given on the command line (or their `AUTH_CENTER_*` variables), by the key each one
/// sets. They win over the file and the `AUTH_CENTER__*` variables, and are read and checked
/// exactly like them, so a bad flag is reported with its key.
#[derive(Default)]
pub struct Overrides(Vec<(&'static str, Result<Value, String>)>);

impl Overrides {
    /// Sets `key` (`section.key`) to `value` when one was given.
    pub fn set<T: Serialize>(&mut self, key: &'static str, value: Option<&T>) -> &mut Self {
        if let Some(v) = value {
            let v = Value::serialize(v).map_err(|e| e.kind.to_string());
            self.0.push((key, v));
        }
        self
    }
}

/// A configuration problem, worded for the operator: it names the key and what is allowed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

impl ConfigError {
    fn at(key: &str, allowed: &str) -> Self {
        Self(format!("{key}: {allowed}"))
    }
}

impl Settings {
    /// Loads defaults → `file` → `AUTH_CENTER__*` environment → `overrides`, then validates.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Settings, ConfigError> {
        Self::load_layers(file, "AUTH_CENTER__", overrides)
    }

    /// `load` with the environment variables of `env_prefix` (tests give each its own).
    fn load_layers(
        file: Option<&Path>,
        env_prefix: &str,
        overrides: &Overrides,
    ) -> Result<Settings, ConfigError> {
        let mut fig = Figment::new();
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError(format!(
                    "config file {} does not exist or is not a file",
                    path.display()
                )));
            }
            fig = fig.merge(Toml::file_exact(path));
        }
        fig = fig.merge(Env::prefixed(env_prefix).split("__"));
        for (key, value) in &overrides.0 {
            let value = value.clone().map_err(|e| ConfigError::at(key, &e))?;
            fig = fig.merge(Serialized::default(key, value));
        }
        let settings: Settings = fig.extract().map_err(describe_figment_error)?;
        settings.validate()?;
        Ok(settings)
    }

    /// Checks the rules a value's type cannot say alone (ranges, one key against another).
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.server.validate()?;
        self.store.validate()?;
        self.mail.validate()?;
        self.web.validate()?;
        self.session.validate()?;
        self.accounts.validate()?;
        self.security.validate()?;
        self.oauth.validate()?;
        self.metrics.validate()?;
        self.outbound.validate()?;
        self.audit.validate()
    }

    /// Whether cookies must carry `Secure` (the public URL is https).
    pub fn secure_cookies(&self) -> bool {
        self.public_url().starts_with("https://")
    }

    /// The issuer URL without a trailing slash.
    pub fn public_url(&self) -> String {
        self.server.public_url()
    }
}

fn describe_figment_error(e: figment::Error) -> ConfigError {
    let key = e.path.join(".");
    let msg = e.kind.to_string();
    if key.is_empty() {
        ConfigError(format!("configuration: {msg}"))
    } else {
        ConfigError(format!("{key}: {msg}"))
    }
}
