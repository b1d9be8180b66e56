//! Login throttling: after `max_failures` failed logins for one account, or from one client IP,
//! within `window`, further attempts are refused until the window (counted from the first
//! failure) has passed. The real owner is therefore never locked out for longer than one
//! window, and a success clears the account's count.
//!
//! Counts live in the store (`LoginAttemptStore`), so every process sharing it enforces the
//! same limits. Keys are `account:{login, lower-cased}` and `ip:{address}`.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};

use super::ServiceError;
use crate::store::Stores;

/// The limits; the counts are in the store.
#[derive(Debug, Clone, Copy)]
pub struct LoginThrottle {
    max_failures: u32,
    window: Duration,
}

impl LoginThrottle {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures: max_failures.max(1),
            window,
        }
    }

    fn keys(login: &str, ip: Option<IpAddr>) -> Vec<String> {
        let mut keys = vec![format!("account:{}", login.trim().to_lowercase())];
        if let Some(ip) = ip {
            keys.push(format!("ip:{ip}"));
        }
        keys
    }

    /// `Ok(Some(seconds))` when an attempt must be refused, with how long until it may be
    /// retried; `Ok(None)` when it may go ahead.
    pub async fn check(
        &self,
        stores: &Stores,
        login: &str,
        ip: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, ServiceError> {
        let mut wait = None;
        for key in Self::keys(login, ip) {
            if let Some(a) = stores.login_attempts.get_login_attempts(&key).await? {
                wait = wait.max(a.refusal(self.max_failures, now));
            }
        }
        Ok(wait)
    }

    /// Counts a failed attempt against the account and the IP.
    pub async fn record_failure(
        &self,
        stores: &Stores,
        login: &str,
        ip: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<(), ServiceError> {
        for key in Self::keys(login, ip) {
            stores
                .login_attempts
                .record_login_failure(&key, now, now + self.window)
                .await?;
        }
        Ok(())
    }

    /// A successful login clears the account's count (not the IP's).
    pub async fn record_success(&self, stores: &Stores, login: &str) -> Result<(), ServiceError> {
        for key in Self::keys(login, None) {
            stores.login_attempts.clear_login_attempts(&key).await?;
        }
        Ok(())
    }
}
