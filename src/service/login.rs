//! Checking a password for a login, as the login page and the OAuth password grant do it: a
//! place in the hashing queue is taken first (before any store work, so a flood is refused
//! before it costs a read; first in line unless the name or the address has been failing, see
//! `throttle`), the account is looked up, an attempt is reserved in the throttle (per account
//! and per client IP), and only then is the password verified (against a dummy hash for an
//! unknown account, so the time taken does not reveal whether it exists). Then the
//! verification requirement is applied.

use std::net::IpAddr;

use super::accounts::find_by_login;
use super::audit::{Entry, Kind};
use super::throttle::{Account, Check, ThrottleError};
use super::{ServiceError, Services};
use crate::crypto::Admission;
use crate::domain::User;

/// Why a login was refused. Unknown account and wrong password are ONE case on purpose.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("invalid username or password")]
    InvalidCredentials,
    #[error("the account is disabled")]
    Disabled,
    /// `accounts.require_email_verification` is on and the address is not verified yet.
    #[error("the email address is not verified")]
    Unverified,
    /// Too many failures for the account or the client; retry after this many seconds.
    #[error("too many failed attempts; retry in {0} seconds")]
    Throttled(i64),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<ThrottleError> for LoginError {
    fn from(e: ThrottleError) -> Self {
        match e {
            ThrottleError::Throttled(secs) => Self::Throttled(secs),
            ThrottleError::Service(e) => Self::Service(e),
        }
    }
}

/// A place in the hashing queue for a login by `login` from `client_ip`; no store work. Busy
/// (503) when the places its priority may take are full.
pub fn admit(
    svc: &Services,
    login: &str,
    client_ip: Option<IpAddr>,
) -> Result<Admission, ServiceError> {
    let priority = svc.login_throttle.priority(login, client_ip, svc.now());
    Ok(svc.hasher.admit(priority)?)
}

/// Verifies a username-or-email and password from `client_ip`, counting failures.
pub async fn login(
    svc: &Services,
    login: &str,
    password: &str,
    client_ip: Option<IpAddr>,
) -> Result<User, LoginError> {
    let admission = admit(svc, login, client_ip)?;
    login_admitted(svc, admission, login, password, client_ip).await
}

/// [`login`] in a place of the hashing queue taken with [`admit`].
pub async fn login_admitted(
    svc: &Services,
    admission: Admission,
    login: &str,
    password: &str,
    client_ip: Option<IpAddr>,
) -> Result<User, LoginError> {
    let failed = || {
        let throttle = &svc.login_throttle;
        throttle.remember_failure(Some(login), client_ip, svc.now());
    };
    let user = find_by_login(svc, login).await?;
    let account = match &user {
        Some(u) => Account::User(&u.id),
        None => Account::UnknownLogin(login),
    };
    let user_id = user.as_ref().map(|u| u.id.clone());
    let user_id = user_id.as_deref();
    let attempt = svc
        .login_throttle
        .reserve(&svc.stores, Check::Password, account, client_ip, svc.now())
        .await
        .inspect_err(|e| {
            if matches!(e, ThrottleError::Throttled(_)) {
                failed();
                let entry = Entry::attempt(Kind::ThrottleRefused, user_id).reason("throttled");
                svc.audit.record(entry.detail("check", "password"));
            }
        })?;
    let hash = user.as_ref().map(|u| u.password_hash.as_str());
    let ok = admission
        .verify(password, hash)
        .await
        .map_err(ServiceError::from)?;
    let user = match user {
        Some(u) if ok => u,
        _ => {
            attempt.failed();
            failed();
            let reason = if user.is_some() {
                "bad_password"
            } else {
                "unknown_user"
            };
            svc.audit
                .record(Entry::attempt(Kind::LoginFailed, user_id).reason(reason));
            tracing::info!(ip = ?client_ip, "login failed");
            return Err(LoginError::InvalidCredentials);
        }
    };
    attempt.succeeded(&svc.stores).await?;
    if user.disabled {
        svc.audit
            .record(Entry::user(Kind::LoginFailed, &user.id).reason("disabled"));
        return Err(LoginError::Disabled);
    }
    if svc.accounts.require_email_verification && !user.email_verified {
        svc.audit
            .record(Entry::user(Kind::LoginFailed, &user.id).reason("unverified"));
        return Err(LoginError::Unverified);
    }
    Ok(user)
}
