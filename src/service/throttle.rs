//! Throttling of credential checks (login page, password grant, password change, device user
//! codes), one design for all: an attempt RESERVES first (one atomic store increment that
//! returns the new count), is decided from that count, and only then is the slow check run.
//! N concurrent guesses therefore evaluate at most `max` of them, whatever the timing.
//!
//! Two budgets per attempt, with their own limits:
//! - the account, keyed by the resolved user id (username and email share it; an unknown login
//!   is keyed by itself, lower-cased): `accounts.login_max_failures` in the window;
//! - the client IP, counting failures on ANY account (password spraying):
//!   `accounts.login_max_failures_per_ip`, far higher, so that people behind one address (a
//!   NAT, a campus) are not refused because of each other's typos below it.
//!
//! A reservation that turns out to be a success clears the account's count and gives the IP's
//! count back, so the IP counter counts failures (plus attempts in flight) only. A refusal by
//! the IP gives the account's reservation back. Windows are fixed from their first count, so a
//! refusal never lasts longer than one window. Counts live in the store
//! (`LoginAttemptStore`), shared by every process on it.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};

use super::ServiceError;
use crate::domain::LoginAttempts;
use crate::store::Stores;

/// At most `max` counts per `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: u32,
    pub window: Duration,
}

impl Limit {
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            max: max.max(1),
            window,
        }
    }
}

/// What a credential check is counted against: an account by its id, or a login that names
/// no account.
#[derive(Debug, Clone, Copy)]
pub enum Account<'a> {
    User(&'a str),
    UnknownLogin(&'a str),
}

/// Which credential: passwords (login page, password grant, password change) share one
/// budget; device user codes have their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Password,
    DeviceCode,
}

impl Check {
    fn account_key(self, account: Account<'_>) -> String {
        match (self, account) {
            (Self::Password, Account::User(id)) => format!("account:{id}"),
            (Self::Password, Account::UnknownLogin(l)) => {
                format!("login:{}", l.trim().to_lowercase())
            }
            (Self::DeviceCode, Account::User(id)) => format!("device-user:{id}"),
            (Self::DeviceCode, Account::UnknownLogin(l)) => {
                format!("device-login:{}", l.trim().to_lowercase())
            }
        }
    }

    fn ip_key(self, ip: IpAddr) -> String {
        match self {
            Self::Password => format!("ip:{ip}"),
            Self::DeviceCode => format!("device-ip:{ip}"),
        }
    }
}

/// Why an attempt may not be made.
#[derive(Debug, thiserror::Error)]
pub enum ThrottleError {
    /// Too many failures for the account or from the client IP; retry after this many seconds.
    #[error("too many failed attempts; retry in {0} seconds")]
    Throttled(i64),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<crate::store::StoreError> for ThrottleError {
    fn from(e: crate::store::StoreError) -> Self {
        Self::Service(e.into())
    }
}

/// The limits; the counts are in the store.
#[derive(Debug, Clone, Copy)]
pub struct LoginThrottle {
    account: Limit,
    ip: Limit,
}

/// One reserved attempt. Dropped (or [`Reservation::failed`]) it stays counted as a failure;
/// [`Reservation::succeeded`] clears the account's count and gives the IP's back.
#[must_use = "an attempt must end as succeeded or failed"]
#[derive(Debug)]
pub struct Reservation {
    account_key: String,
    ip: Option<(String, DateTime<Utc>)>,
}

impl LoginThrottle {
    pub fn new(account: Limit, ip: Limit) -> Self {
        Self { account, ip }
    }

    /// Reserves one attempt at `check` for `account` from `ip`, or refuses it with the seconds
    /// until it may be retried. Run the slow check only after this returned `Ok`.
    pub async fn reserve(
        &self,
        stores: &Stores,
        check: Check,
        account: Account<'_>,
        ip: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<Reservation, ThrottleError> {
        let account_key = check.account_key(account);
        let counted = count(stores, &account_key, self.account, now).await?;
        if let Some(wait) = counted.refusal(self.account.max, now) {
            return Err(ThrottleError::Throttled(wait));
        }
        let Some(ip) = ip else {
            return Ok(Reservation {
                account_key,
                ip: None,
            });
        };
        let ip_key = check.ip_key(ip);
        let by_ip = count(stores, &ip_key, self.ip, now).await?;
        if let Some(wait) = by_ip.refusal(self.ip.max, now) {
            // Not evaluated, so not a failure of the account's.
            let attempts = &stores.login_attempts;
            attempts
                .release_login_attempt(&account_key, counted.window_start)
                .await?;
            return Err(ThrottleError::Throttled(wait));
        }
        Ok(Reservation {
            account_key,
            ip: Some((ip_key, by_ip.window_start)),
        })
    }
}

async fn count(
    stores: &Stores,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<LoginAttempts, ThrottleError> {
    Ok(stores
        .login_attempts
        .record_login_failure(key, now, now + limit.window)
        .await?)
}

impl Reservation {
    /// The check passed: the account's failures are forgiven and the IP's reservation is
    /// given back (the IP counts failures only).
    pub async fn succeeded(self, stores: &Stores) -> Result<(), ServiceError> {
        let attempts = &stores.login_attempts;
        attempts.clear_login_attempts(&self.account_key).await?;
        if let Some((key, window_start)) = &self.ip {
            attempts.release_login_attempt(key, *window_start).await?;
        }
        Ok(())
    }

    /// The check failed: the reservation stays counted against the account and the IP.
    pub fn failed(self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn username_and_email_share_a_key_and_unknown_logins_key_by_themselves() {
        let p = Check::Password;
        assert_eq!(p.account_key(Account::User("u1")), "account:u1");
        assert_eq!(
            p.account_key(Account::UnknownLogin(" Nobody@X.io ")),
            "login:nobody@x.io"
        );
        let d = Check::DeviceCode;
        assert_ne!(d.account_key(Account::User("u1")), "account:u1");
        assert_ne!(d.ip_key("192.0.2.1".parse().unwrap()), "ip:192.0.2.1");
    }
}
