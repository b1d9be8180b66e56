//! Limits on the emails anyone can make the server send (registration, verification resend,
//! password reset, change of email), so that it cannot be used to flood an inbox:
//! - per client IP: `mail.max_per_ip_per_hour` requests that may send an email, counted
//!   whether or not an account has the address (so the count reveals nothing);
//! - per recipient address and kind: `mail.max_per_recipient_per_minute` and
//!   `mail.max_per_recipient_per_hour` emails.
//!
//! The counters are the throttle's (`LoginAttemptStore`): reserve first, decide from the count
//! the store returns. A request over a limit is answered exactly like one that sent an email;
//! the email is just not sent.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};

use super::audit::{Entry, Kind};
use super::email::EmailKind;
use super::throttle::Limit;
use super::{ServiceError, Services};
use crate::metrics::{metrics, ThrottleLimit};

/// The limits; the counts are in the store.
#[derive(Debug, Clone, Copy)]
pub struct MailLimits {
    pub per_ip: Limit,
    pub per_recipient_minute: Limit,
    pub per_recipient_hour: Limit,
}

impl MailLimits {
    pub fn new(per_minute: u32, per_hour: u32, per_ip_per_hour: u32) -> Self {
        Self {
            per_ip: Limit::new(per_ip_per_hour, Duration::hours(1)),
            per_recipient_minute: Limit::new(per_minute, Duration::minutes(1)),
            per_recipient_hour: Limit::new(per_hour, Duration::hours(1)),
        }
    }

    /// Reserves one email of `kind` to `address_key` (the lower-cased address) asked for from
    /// `ip`. False: a limit is reached and the email must not be sent (the caller answers as
    /// if it had been); the refusal is in the audit log (`throttle.refused`, `check` `mail`),
    /// without the address.
    pub async fn reserve(
        &self,
        svc: &Services,
        kind: EmailKind,
        address_key: &str,
        ip: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<bool, ServiceError> {
        let mut counters = vec![];
        if let Some(ip) = ip {
            counters.push((format!("mail-ip:{ip}"), self.per_ip, ThrottleLimit::Ip));
        }
        let to = format!("{}:{address_key}", kind.name());
        let (minute, hour) = (ThrottleLimit::RecipientMinute, ThrottleLimit::RecipientHour);
        counters.push((format!("mail-min:{to}"), self.per_recipient_minute, minute));
        counters.push((format!("mail-hour:{to}"), self.per_recipient_hour, hour));
        for (key, limit, which) in counters {
            let counted = svc
                .stores
                .login_attempts
                .record_login_failure(&key, now, now + limit.window)
                .await?;
            if counted.refusal(limit.max, now).is_some() {
                metrics().throttled("mail", which);
                tracing::info!(
                    kind = kind.name(),
                    limit = key.split(':').next(),
                    "email not sent: limit reached"
                );
                let entry = Entry::requester(Kind::ThrottleRefused).reason("throttled");
                let entry = entry.detail("check", "mail").detail("mail", kind.name());
                svc.audit.record(entry.detail("limit", which.as_str()));
                return Ok(false);
            }
        }
        Ok(true)
    }
}
