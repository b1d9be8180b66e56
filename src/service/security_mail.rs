//! Security emails: the person hears about what happened to their account — a sign-in from a
//! device not seen before, a password changed or reset, the email address changed (told to the
//! OLD address), two-step verification turned on or off, recovery codes drawn anew or one of
//! them used. Each says what happened, when, from which device and address, and what to do if
//! it was not them (links to the password reset page and the sessions page). They are written
//! in the person's language and go through the durable outbox; a failure to queue one is
//! logged and never fails the request that caused it.
//!
//! A device is recognised by a long-lived random cookie (`ac_device`, a year, renewed at each
//! sign-in) of which the store keeps, per person, only the digest salted with the person's id
//! (`SessionStore::remember_device`), so the stored value neither opens anything nor links one
//! person's devices to another's. A sign-in from a browser without a known cookie is a new
//! device — except the first one an account ever makes (right after registration, or the first
//! after this was introduced), which mails nothing. Must not import poem.

use super::email::{self, EmailKind, EmailVars};
use super::Services;
use crate::crypto;
use crate::domain::{ClientInfo, User};

/// How long a device stays known after its last sign-in.
pub const DEVICE_DAYS: i64 = 365;

/// What happened, as told in a security email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityEvent {
    NewDevice,
    PasswordChanged,
    PasswordReset,
    EmailChanged,
    SecondFactorOn,
    SecondFactorOff,
    RecoveryCodesRegenerated,
    RecoveryCodeUsed,
    PasskeyAdded,
    PasskeyRemoved,
}

impl SecurityEvent {
    /// The email's name: its i18n section (`email.{name}`) and what the logs call it.
    pub fn name(self) -> &'static str {
        match self {
            Self::NewDevice => "security_new_device",
            Self::PasswordChanged => "security_password_changed",
            Self::PasswordReset => "security_password_reset",
            Self::EmailChanged => "security_email_changed",
            Self::SecondFactorOn => "security_second_factor_on",
            Self::SecondFactorOff => "security_second_factor_off",
            Self::RecoveryCodesRegenerated => "security_recovery_codes_regenerated",
            Self::RecoveryCodeUsed => "security_recovery_code_used",
            Self::PasskeyAdded => "security_passkey_added",
            Self::PasskeyRemoved => "security_passkey_removed",
        }
    }
}

/// Where the person sees and ends their sessions (linked from every security email).
pub const SESSIONS_PATH: &str = "/accounts/sessions/";

/// Tells the person about `event` at their account's address.
pub async fn notify(svc: &Services, user: &User, event: SecurityEvent, client: &ClientInfo) {
    notify_at(svc, user, event, client, user.email.as_str(), "").await;
}

/// Tells the person about `event` at `to` (the old address after a change of email, which
/// `new_email` names, masked).
pub async fn notify_at(
    svc: &Services,
    user: &User,
    event: SecurityEvent,
    client: &ClientInfo,
    to: &str,
    new_email: &str,
) {
    let device = crate::domain::Device::of(client.user_agent.as_deref());
    let vars = EmailVars {
        username: user.username.to_string(),
        link: format!("{}{}", svc.public_url, email::RESET_REQUEST_PATH),
        new_email: if new_email.is_empty() {
            String::new()
        } else {
            email::mask_address(new_email)
        },
        when: svc.now().format("%Y-%m-%d %H:%M UTC").to_string(),
        browser: device.browser.to_owned(),
        os: device.os.to_owned(),
        ip: client.ip.map(|ip| ip.to_string()).unwrap_or_default(),
        sessions_link: format!("{}{}", svc.public_url, SESSIONS_PATH),
        ..EmailVars::default()
    };
    let kind = EmailKind::Security(event);
    if let Err(e) = email::send(svc, user, kind, to, &vars).await {
        tracing::warn!(user_id = %user.id, kind = event.name(), error = %e, "security email not queued");
    }
}

/// After a sign-in: recognises the device by its cookie value (`None` or a malformed value: a
/// new device), remembers it for the person, mails them when it is new and not their first,
/// and returns the cookie value to (re)set. Never fails the sign-in.
pub async fn signed_in_from(
    svc: &Services,
    user: &User,
    device_cookie: Option<&str>,
    client: &ClientInfo,
) -> String {
    let value = device_cookie
        .filter(|v| (32..=128).contains(&v.len()) && v.bytes().all(is_token_byte))
        .map_or_else(crypto::random_token, str::to_owned);
    let digest = crypto::digest(&format!("{}:{value}", user.id));
    let (now, store) = (svc.now(), &svc.stores.sessions);
    let until = now + chrono::Duration::days(DEVICE_DAYS);
    let new = match store.remember_device(&user.id, &digest, now, until).await {
        Ok(new) => new,
        Err(e) => {
            tracing::warn!(user_id = %user.id, error = %e, "device not remembered");
            return value;
        }
    };
    if new {
        match store.count_devices(&user.id).await {
            Ok(n) if n > 1 => notify(svc, user, SecurityEvent::NewDevice, client).await,
            Ok(_) => {}
            Err(e) => tracing::warn!(user_id = %user.id, error = %e, "devices not counted"),
        }
    }
    value
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}
