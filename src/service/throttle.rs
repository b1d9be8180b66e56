//! Login throttling: after `max_failures` failed logins for one account, or from one client IP,
//! within `window`, further attempts are refused until the window (counted from the first
//! failure) has passed. The real owner is therefore never locked out for longer than one
//! window, and a success clears the account's count.
//!
//! Counts live in memory, per process: with several processes behind a load balancer the
//! effective limit is multiplied by their number (documented in the README). They are bounded:
//! stale entries are dropped as the map grows.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// Failures counted under one key, and when the first of them happened.
type Counts = HashMap<String, (u32, DateTime<Utc>)>;

/// Failure counts per account and per client IP.
#[derive(Clone)]
pub struct LoginThrottle {
    max_failures: u32,
    window: Duration,
    counts: Arc<Mutex<Counts>>,
}

/// Entries kept before stale ones are swept.
const SWEEP_ABOVE: usize = 10_000;

impl LoginThrottle {
    pub fn new(max_failures: u32, window: Duration) -> Self {
        Self {
            max_failures: max_failures.max(1),
            window,
            counts: Arc::default(),
        }
    }

    fn keys(login: &str, ip: Option<IpAddr>) -> Vec<String> {
        let mut keys = vec![format!("account:{}", login.trim().to_lowercase())];
        if let Some(ip) = ip {
            keys.push(format!("ip:{ip}"));
        }
        keys
    }

    /// `Err(seconds)` when an attempt must be refused, with how long until it may be retried.
    pub fn check(&self, login: &str, ip: Option<IpAddr>, now: DateTime<Utc>) -> Result<(), i64> {
        let counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = 0;
        for key in Self::keys(login, ip) {
            if let Some((n, first)) = counts.get(&key) {
                let ends = *first + self.window;
                if *n >= self.max_failures && now < ends {
                    wait = wait.max((ends - now).num_seconds().max(1));
                }
            }
        }
        if wait > 0 {
            Err(wait)
        } else {
            Ok(())
        }
    }

    /// Counts a failed attempt against the account and the IP.
    pub fn record_failure(&self, login: &str, ip: Option<IpAddr>, now: DateTime<Utc>) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if counts.len() > SWEEP_ABOVE {
            let window = self.window;
            counts.retain(|_, (_, first)| now < *first + window);
        }
        for key in Self::keys(login, ip) {
            let entry = counts.entry(key).or_insert((0, now));
            if now >= entry.1 + self.window {
                *entry = (0, now);
            }
            entry.0 += 1;
        }
    }

    /// A successful login clears the account's count (not the IP's).
    pub fn record_success(&self, login: &str) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        for key in Self::keys(login, None) {
            counts.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_beyond_the_limit_are_refused_until_the_window_passes() {
        let t = LoginThrottle::new(3, Duration::minutes(15));
        let now = Utc::now();
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..3 {
            assert!(t.check("Jane", Some(ip), now).is_ok());
            t.record_failure("jane", Some(ip), now);
        }
        let wait = t.check("JANE", None, now).unwrap_err();
        assert!(wait > 800 && wait <= 900, "{wait}");
        assert!(
            t.check("bob", Some(ip), now).is_err(),
            "the IP is limited too"
        );
        assert!(t.check("bob", None, now).is_ok());
        let later = now + Duration::minutes(15);
        assert!(t.check("jane", Some(ip), later).is_ok());
    }

    #[test]
    fn a_success_clears_the_account_count() {
        let t = LoginThrottle::new(2, Duration::minutes(15));
        let now = Utc::now();
        t.record_failure("jane", None, now);
        t.record_success("jane");
        t.record_failure("jane", None, now);
        assert!(t.check("jane", None, now).is_ok());
    }
}
