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
//!
//! Besides the budgets, the throttle remembers (in this process, bounded) the login names and
//! client addresses that failed recently, to give a login its place in the hashing queue
//! BEFORE any store work: one from a name and an address that are not failing goes first
//! ([`Priority::First`]), so a flood of guesses cannot keep a real person out. Names are
//! remembered as typed, never as resolved accounts, so the priority (and the time a login
//! takes) says nothing about whether an account exists.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

use super::ServiceError;
use crate::crypto::Priority;
use crate::domain::LoginAttempts;
use crate::metrics::{metrics, ThrottleLimit};
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
/// budget; device user codes have their own; so do second-step codes (TOTP and recovery
/// codes), whose account budget a correct password must not reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Password,
    DeviceCode,
    SecondFactor,
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
            (Self::SecondFactor, Account::User(id)) => format!("second-factor:{id}"),
            (Self::SecondFactor, Account::UnknownLogin(l)) => {
                format!("second-factor-login:{}", l.trim().to_lowercase())
            }
        }
    }

    /// The check's name in the metrics.
    fn label(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::DeviceCode => "device_code",
            Self::SecondFactor => "second_factor",
        }
    }

    fn ip_key(self, ip: IpAddr) -> String {
        match self {
            // A guessed code is a failed credential check from that address like a password.
            Self::Password | Self::SecondFactor => format!("ip:{ip}"),
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

/// The limits (the counts are in the store) and the recent failures seen by this process.
#[derive(Debug, Clone)]
pub struct LoginThrottle {
    account: Limit,
    ip: Limit,
    recent: Arc<RecentFailures>,
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
        let recent = Arc::new(RecentFailures::new(account.window));
        Self {
            account,
            ip,
            recent,
        }
    }

    /// The place in the hashing queue of a login by `login` from `ip`: shared places only once
    /// either has failed [`FAILING_AFTER`] times in the account window. No store work.
    pub fn priority(&self, login: &str, ip: Option<IpAddr>, now: DateTime<Utc>) -> Priority {
        let failing = |key| self.recent.count(key, now) >= FAILING_AFTER;
        if failing(self.recent.login_key(login))
            || ip.is_some_and(|ip| failing(self.recent.ip_key(ip)))
        {
            Priority::Shared
        } else {
            Priority::First
        }
    }

    /// Remembers a failed or refused attempt by `login` (when the request named one) from `ip`.
    pub fn remember_failure(&self, login: Option<&str>, ip: Option<IpAddr>, now: DateTime<Utc>) {
        let keys = [
            login.map(|l| self.recent.login_key(l)),
            ip.map(|ip| self.recent.ip_key(ip)),
        ];
        for key in keys.into_iter().flatten() {
            self.recent.add(key, now);
        }
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
            metrics().throttled(check.label(), ThrottleLimit::Account);
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
            metrics().throttled(check.label(), ThrottleLimit::Ip);
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

/// Failures a login name or address may have in the window and keep [`Priority::First`]: one
/// typo does not put a person behind a flood.
pub const FAILING_AFTER: u32 = 2;
/// Names and addresses remembered at most (about 32 bytes each); beyond, the oldest half goes.
const REMEMBERED: usize = 16_384;

/// Failure counts per login name and client address in fixed windows, in memory. Keys are
/// keyed hashes (a name of any length costs 8 bytes, and cannot be chosen to collide), and the
/// map is bounded: under more distinct sources than it holds, the oldest are forgotten, which
/// only costs them their place in line (the store's budgets decide refusals).
#[derive(Debug)]
struct RecentFailures {
    window: Duration,
    hasher: RandomState,
    seen: Mutex<HashMap<u64, (DateTime<Utc>, u32)>>,
}

impl RecentFailures {
    fn new(window: Duration) -> Self {
        Self {
            window,
            hasher: RandomState::new(),
            seen: Mutex::new(HashMap::new()),
        }
    }

    fn login_key(&self, login: &str) -> u64 {
        self.hasher.hash_one(("login", login.trim().to_lowercase()))
    }

    /// An IPv6 client is one /64 (what one subscriber is given), so it cannot rotate out of
    /// its failures within its own prefix.
    fn ip_key(&self, ip: IpAddr) -> u64 {
        match ip {
            IpAddr::V4(v4) => self.hasher.hash_one(("ip", v4)),
            IpAddr::V6(v6) => self.hasher.hash_one(("ip6", v6.to_bits() >> 64)),
        }
    }

    fn count(&self, key: u64, now: DateTime<Utc>) -> u32 {
        let seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        match seen.get(&key) {
            Some((start, n)) if now < *start + self.window => *n,
            _ => 0,
        }
    }

    fn add(&self, key: u64, now: DateTime<Utc>) {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.len() >= REMEMBERED && !seen.contains_key(&key) {
            seen.retain(|_, (start, _)| now < *start + self.window);
            if seen.len() > REMEMBERED / 2 {
                let mut starts: Vec<_> = seen.values().map(|(start, _)| *start).collect();
                let mid = starts.len() / 2;
                let median = *starts.select_nth_unstable(mid).1;
                seen.retain(|_, (start, _)| *start > median);
            }
        }
        let entry = seen.entry(key).or_insert((now, 0));
        if now >= entry.0 + self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }
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

    fn throttle() -> LoginThrottle {
        let limit = Limit::new(5, Duration::minutes(15));
        LoginThrottle::new(limit, limit)
    }

    #[test]
    fn a_name_or_an_address_goes_behind_after_its_second_failure_until_the_window_ends() {
        let t = throttle();
        let now = Utc::now();
        let (ip, other_ip) = ("192.0.2.1".parse().ok(), "192.0.2.2".parse().ok());
        t.remember_failure(Some("Alice"), ip, now);
        assert_eq!(t.priority("alice", ip, now), Priority::First, "one typo");
        t.remember_failure(Some("alice "), ip, now);
        assert_eq!(t.priority("ALICE", other_ip, now), Priority::Shared);
        assert_eq!(t.priority("bob", ip, now), Priority::Shared);
        assert_eq!(t.priority("bob", other_ip, now), Priority::First);
        assert_eq!(t.priority("bob", None, now), Priority::First);
        let later = now + Duration::minutes(15);
        assert_eq!(t.priority("alice", ip, later), Priority::First);
    }

    #[test]
    fn an_ipv6_client_is_remembered_by_its_64_prefix() {
        let t = throttle();
        let now = Utc::now();
        t.remember_failure(None, "2001:db8:1:2::1".parse().ok(), now);
        t.remember_failure(None, "2001:db8:1:2::ffff".parse().ok(), now);
        let same_prefix = "2001:db8:1:2:aaaa::1".parse().ok();
        assert_eq!(t.priority("x", same_prefix, now), Priority::Shared);
        let next_prefix = "2001:db8:1:3::1".parse().ok();
        assert_eq!(t.priority("x", next_prefix, now), Priority::First);
    }

    #[test]
    fn the_memory_of_failures_stays_bounded_and_keeps_the_newest() {
        let t = throttle();
        let start = Utc::now();
        for i in 0..3 * REMEMBERED as i64 {
            let at = start + Duration::milliseconds(i);
            t.remember_failure(Some(&format!("guess{i}")), None, at);
            t.remember_failure(Some(&format!("guess{i}")), None, at);
        }
        let held = t.recent.seen.lock().unwrap().len();
        assert!(held <= REMEMBERED, "{held} remembered");
        let now = start + Duration::milliseconds(3 * REMEMBERED as i64);
        let newest = format!("guess{}", 3 * REMEMBERED - 1);
        assert_eq!(t.priority(&newest, None, now), Priority::Shared);
        assert_eq!(t.priority("guess0", None, now), Priority::First);
    }
}
