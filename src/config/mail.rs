//! `[mail]`: how emails leave (an SMTP server, or `.eml` files in the data directory) and how
//! many one recipient and one client IP may cause.

use std::path::{Path, PathBuf};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

use super::{units, ConfigError};

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
    /// Pause after a failed delivery; it doubles with each failure up to `retry_max`.
    #[serde(rename = "retry_min_ms", deserialize_with = "units::millis")]
    pub retry_min: Duration,
    #[serde(rename = "retry_max_secs", deserialize_with = "units::secs")]
    pub retry_max: Duration,
    /// How often each node looks for messages due for a (re)try in the shared outbox.
    #[serde(rename = "outbox_poll_ms", deserialize_with = "units::millis")]
    pub outbox_poll: Duration,
    /// How long a node holds a message while sending it; a node that dies meanwhile leaves it
    /// to another once this has passed. Longer than one delivery attempt can take.
    #[serde(rename = "send_lease_secs", deserialize_with = "units::secs")]
    pub send_lease: Duration,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            smtp_url: None,
            from: "auth-center <no-reply@localhost>".into(),
            max_per_recipient_per_minute: 1,
            max_per_recipient_per_hour: 5,
            max_per_ip_per_hour: 30,
            retry_min: Duration::from_secs(2),
            retry_max: Duration::from_secs(300),
            outbox_poll: Duration::from_secs(2),
            send_lease: Duration::from_secs(60),
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
        if self.retry_min < Duration::from_millis(10)
            || self.retry_max < self.retry_min
            || self.outbox_poll < Duration::from_millis(10)
        {
            return Err(ConfigError::at(
                "mail.retry_*",
                "retry_min_ms and outbox_poll_ms must be >= 10 ms, retry_max >= retry_min",
            ));
        }
        if self.send_lease < crate::mail::SEND_TIMEOUT * 2 {
            return Err(ConfigError::at(
                "mail.send_lease_secs",
                "must be at least twice the SMTP timeout (20 s)",
            ));
        }
        Ok(())
    }
}
