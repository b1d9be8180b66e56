//! `[mail]`: how emails leave (an SMTP server, or `.eml` files in the data directory) and how
//! many one recipient and one client IP may cause.

use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

use super::ConfigError;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailSettings {
    /// `smtp://`, `smtps://` or `smtp://...?tls=required` (STARTTLS), with optional user:pass@.
    /// Unset: emails are written as .eml files under `{data_dir}/mail`.
    pub smtp_url: Option<SecretString>,
    pub from: String,
    /// Emails of one kind (verification, reset, change of email) to one address per minute.
    pub max_per_recipient_per_minute: u32,
    /// ... and per hour.
    pub max_per_recipient_per_hour: u32,
    /// Requests that may send an email (registration, verification resend, reset, change of
    /// email) from one client IP per hour.
    pub max_per_ip_per_hour: u32,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            smtp_url: None,
            from: "auth-center <no-reply@localhost>".into(),
            max_per_recipient_per_minute: 1,
            max_per_recipient_per_hour: 5,
            max_per_ip_per_hour: 30,
        }
    }
}

/// Where emails go.
pub enum MailTransport<'a> {
    /// Sent through this SMTP server URL.
    Smtp(&'a SecretString),
    /// Written as `.eml` files into this directory.
    Files(PathBuf),
}

impl MailSettings {
    /// The transport: SMTP when a URL is set, else files under `{data_dir}/mail`.
    pub fn transport(&self, data_dir: &Path) -> MailTransport<'_> {
        match &self.smtp_url {
            Some(url) => MailTransport::Smtp(url),
            None => MailTransport::Files(data_dir.join("mail")),
        }
    }

    pub(super) fn validate(&self) -> Result<(), ConfigError> {
        if let Some(url) = &self.smtp_url {
            match Url::parse(url.expose_secret()) {
                Ok(u) if matches!(u.scheme(), "smtp" | "smtps") => {}
                _ => {
                    return Err(ConfigError::at(
                        "mail.smtp_url",
                        "must be an smtp:// or smtps:// URL",
                    ))
                }
            }
        }
        if self.max_per_recipient_per_minute == 0
            || self.max_per_recipient_per_hour < self.max_per_recipient_per_minute
            || self.max_per_ip_per_hour == 0
        {
            return Err(ConfigError::at(
                "mail.max_per_*",
                "must be >= 1, and per hour >= per minute",
            ));
        }
        Ok(())
    }
}
