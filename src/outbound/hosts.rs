//! Per-host bounds on outbound fetches, so that requests naming many URLs of one host (many
//! `client_id` documents or key sets) cannot turn the server into a load generator against it:
//! at most `max_in_flight` fetches to a host at once, and at most `per_minute` fetches started
//! per host in a fixed one-minute window of the app's clock. A fetch past either bound is
//! refused at once (no waiting queue to fill). The table forgets idle hosts whose window has
//! passed when it grows, so it stays bounded by the hosts active in the last minute.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use super::FetchError;

/// The bounds, from `[outbound]`.
#[derive(Debug, Clone, Copy)]
pub struct HostPolicy {
    pub max_in_flight: usize,
    pub per_minute: u32,
}

struct HostState {
    in_flight: usize,
    window_start: DateTime<Utc>,
    started: u32,
}

/// Hosts above this many entries are swept of idle ones.
const SWEEP_ABOVE: usize = 1024;

pub struct HostLimits {
    policy: HostPolicy,
    hosts: Mutex<HashMap<String, HostState>>,
}

/// A fetch's place among its host's in-flight fetches, given back on drop.
pub struct HostSlot {
    limits: Arc<HostLimits>,
    host: String,
}

impl HostLimits {
    pub fn new(policy: HostPolicy) -> Arc<Self> {
        Arc::new(Self {
            policy,
            hosts: Mutex::new(HashMap::new()),
        })
    }

    /// Takes a slot for one fetch to `host` at `now`, or says which bound refused it.
    pub fn acquire(
        self: &Arc<Self>,
        host: &str,
        now: DateTime<Utc>,
    ) -> Result<HostSlot, FetchError> {
        let minute = chrono::Duration::minutes(1);
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        if hosts.len() > SWEEP_ABOVE {
            hosts.retain(|_, h| h.in_flight > 0 || now < h.window_start + minute);
        }
        let state = hosts.entry(host.to_owned()).or_insert(HostState {
            in_flight: 0,
            window_start: now,
            started: 0,
        });
        if now >= state.window_start + minute || now < state.window_start {
            state.window_start = now;
            state.started = 0;
        }
        if state.in_flight >= self.policy.max_in_flight {
            return Err(FetchError::HostBusy);
        }
        if state.started >= self.policy.per_minute {
            return Err(FetchError::HostRateLimited);
        }
        state.in_flight += 1;
        state.started += 1;
        Ok(HostSlot {
            limits: self.clone(),
            host: host.to_owned(),
        })
    }
}

impl Drop for HostSlot {
    fn drop(&mut self) {
        let mut hosts = self.limits.hosts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(h) = hosts.get_mut(&self.host) {
            h.in_flight = h.in_flight.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_gets_at_most_its_in_flight_and_per_minute_fetches() {
        let limits = HostLimits::new(HostPolicy {
            max_in_flight: 2,
            per_minute: 3,
        });
        let t0 = Utc::now();
        let a = limits.acquire("a.example", t0).unwrap();
        let _b = limits.acquire("a.example", t0).unwrap();
        assert_eq!(
            limits.acquire("a.example", t0).err(),
            Some(FetchError::HostBusy)
        );
        // Another host is counted apart.
        assert!(limits.acquire("b.example", t0).is_ok());
        drop(a);
        let _c = limits.acquire("a.example", t0).unwrap();
        drop(_c);
        assert_eq!(
            limits.acquire("a.example", t0).err(),
            Some(FetchError::HostRateLimited)
        );
        let next_minute = t0 + chrono::Duration::seconds(61);
        assert!(limits.acquire("a.example", next_minute).is_ok());
    }
}
