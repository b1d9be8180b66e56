//! Logging in with a password, as pages (and the OAuth password grant) do it: the throttle
//! (counts in the store, shared by every process) is asked first, then the credentials are verified (`accounts::authenticate`, constant-time with
//! respect to the account existing), then the verification requirement is applied.

use std::net::IpAddr;

use super::accounts::{authenticate, AuthError};
use super::{ServiceError, Services};
use crate::domain::User;

/// Why a login was refused.
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

/// Verifies a username-or-email and password from `client_ip`, counting failures.
pub async fn login(
    svc: &Services,
    login: &str,
    password: &str,
    client_ip: Option<IpAddr>,
) -> Result<User, LoginError> {
    let throttle = &svc.login_throttle;
    if let Some(wait) = throttle
        .check(&svc.stores, login, client_ip, svc.now())
        .await?
    {
        return Err(LoginError::Throttled(wait));
    }
    let user = match authenticate(svc, login, password).await {
        Ok(u) => u,
        Err(AuthError::InvalidCredentials) => {
            let now = svc.now();
            throttle
                .record_failure(&svc.stores, login, client_ip, now)
                .await?;
            tracing::info!(ip = ?client_ip, "login failed");
            return Err(LoginError::InvalidCredentials);
        }
        Err(AuthError::Disabled) => return Err(LoginError::Disabled),
        Err(AuthError::Service(e)) => return Err(LoginError::Service(e)),
    };
    throttle.record_success(&svc.stores, login).await?;
    if svc.accounts.require_email_verification && !user.email_verified {
        return Err(LoginError::Unverified);
    }
    Ok(user)
}
