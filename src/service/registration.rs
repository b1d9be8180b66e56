//! Self-service registration: a person creates an account with a username, an email address
//! and a password (checked against the password policy), and receives an email with a link to
//! verify the address. Duplicates are reported on the field (`username` or `email`). The
//! verification email is subject to the mail limits (`mail_limits`, per client IP and address):
//! over them the account is created all the same and the person can ask for the link later.
//! Registrations themselves are limited per client IP
//! (`accounts.max_registrations_per_ip_per_hour`): past it a registration is refused as
//! throttled and nothing is created. The count is reserved atomically in the store shared by
//! every node before anything else, so concurrent registrations cannot pass it together.

use std::net::IpAddr;

use super::accounts::{create_user_in, NewUser};
use super::audit::{Entry, Kind};
use super::email::{send_link, EmailKind};
use super::{ServiceError, Services, Validation};
use crate::domain::{DomainError, User};
use crate::metrics::{metrics, ThrottleLimit};

/// What a person types on the registration page (or sends to the API).
pub struct Registration {
    pub username: String,
    pub email: String,
    pub password: String,
    /// The repeated password of the page; the API has none.
    pub password_confirm: Option<String>,
    /// The language the person used (`en`, `zh-CN`), kept for the emails they will receive.
    pub locale: Option<String>,
    /// Where the request came from, for the mail limits.
    pub client_ip: Option<IpAddr>,
    /// The local path the person goes on to after verifying (checked by the caller), carried
    /// in the verification link.
    pub next: Option<String>,
}

impl std::fmt::Debug for Registration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("username", &self.username)
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

/// Creates the account (unverified) and sends the verification email. A failed delivery does
/// not fail the registration: the person can ask for the link again.
pub async fn register(svc: &Services, reg: Registration) -> Result<User, ServiceError> {
    reserve_registration(svc, reg.client_ip).await?;
    let mut v = Validation::default();
    if let Some(confirm) = &reg.password_confirm {
        if *confirm != reg.password {
            v.push(
                DomainError::new("password_confirm", "does not match the password")
                    .with_code("mismatch"),
            );
        }
    }
    let new = NewUser {
        username: reg.username,
        email: reg.email,
        password: reg.password,
        display_name: None,
        is_admin: false,
        email_verified: false,
    };
    let user = create_user_in(svc, new, reg.locale, v).await?;
    tracing::info!(user_id = %user.id, "account registered");
    svc.audit
        .record(Entry::user(Kind::AccountRegistered, &user.id));
    let kind = EmailKind::VerifyEmail;
    let to = user.email.key();
    let now = svc.now();
    if svc
        .mail_limits
        .reserve(svc, kind, &to, reg.client_ip, now)
        .await?
    {
        let next = reg.next.as_deref();
        send_link(svc, &user, kind, user.email.as_str(), next).await?;
    }
    Ok(user)
}

/// Counts a registration from `ip` against the per-IP limit; past it, `throttled` (429) naming
/// when to retry. Requests without a known client IP are not counted.
async fn reserve_registration(svc: &Services, ip: Option<IpAddr>) -> Result<(), ServiceError> {
    let Some(ip) = ip else {
        return Ok(());
    };
    let limit = svc.accounts.registrations_per_ip;
    let now = svc.now();
    let counted = svc
        .stores
        .login_attempts
        .record_login_failure(&format!("register-ip:{ip}"), now, now + limit.window)
        .await?;
    let Some(secs) = counted.refusal(limit.max, now) else {
        return Ok(());
    };
    metrics().throttled("registration", ThrottleLimit::Ip);
    let entry = Entry::requester(Kind::ThrottleRefused).reason("throttled");
    svc.audit.record(entry.detail("check", "registration"));
    let minutes = (secs + 59) / 60;
    Err(DomainError::new(
        "username",
        format!("too many accounts registered from this address; try again in {minutes} minutes"),
    )
    .with_code("throttled")
    .into())
}
