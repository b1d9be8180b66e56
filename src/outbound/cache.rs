//! A bounded in-memory cache of fetched JSON documents, keyed by URL. An entry lives for its
//! `Cache-Control: max-age` clamped to `[min_ttl, max_ttl]` (`no-store` / `no-cache` count as
//! 0, so the minimum); a full cache drops expired entries, then the oldest. A forced refetch
//! (an unknown key id) happens at most once per `refetch_interval` per URL, so a client cannot
//! make the server fetch on every request. A failed fetch is kept too, for `failure_ttl` (a
//! negative cache), unless a fresh document of the URL is already held; refusals of the
//! per-host bounds are not kept (nothing was fetched). Callers that want the same URL at once
//! share one fetch (single flight): the first one's, and should it be cancelled, the next
//! waiter's. Time is passed in, so tests can move it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, CACHE_CONTROL};
use tokio::sync::OnceCell;

use super::{FetchError, Fetcher};

/// The cache's bounds, from `[outbound]`.
#[derive(Debug, Clone, Copy)]
pub struct CachePolicy {
    pub entries: usize,
    pub min_ttl: Duration,
    pub max_ttl: Duration,
    pub refetch_interval: Duration,
    pub failure_ttl: Duration,
}

/// What a fetch of a URL gave: its document, or why there is none.
type Outcome = Result<Arc<serde_json::Value>, FetchError>;

struct Entry {
    outcome: Outcome,
    fetched_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

/// The fetch of one URL that callers arriving meanwhile wait for.
type Flight = Arc<OnceCell<Outcome>>;

/// Fetched documents of one size limit (one kind of document).
pub struct DocumentCache {
    fetcher: Fetcher,
    policy: CachePolicy,
    max_bytes: usize,
    entries: Mutex<HashMap<String, Entry>>,
    in_flight: Mutex<HashMap<String, Flight>>,
}

impl DocumentCache {
    pub fn new(fetcher: Fetcher, policy: CachePolicy, max_bytes: usize) -> Self {
        Self {
            fetcher,
            policy,
            max_bytes,
            entries: Mutex::new(HashMap::new()),
            in_flight: Mutex::new(HashMap::new()),
        }
    }

    /// The document at `url`: the cached one while fresh (or the remembered failure), else
    /// fetched, once among concurrent callers.
    pub async fn get(&self, url: &str, now: DateTime<Utc>) -> Outcome {
        if let Some(outcome) = self.cached(url, now) {
            return outcome;
        }
        self.shared_fetch(url, now, true).await
    }

    /// The document fetched again, unless it was fetched less than `refetch_interval` ago:
    /// then `None`, and the caller keeps what it had.
    pub async fn refetch(
        &self,
        url: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Arc<serde_json::Value>>, FetchError> {
        if !self.reserve_refetch(url, now) {
            return Ok(None);
        }
        self.shared_fetch(url, now, false).await.map(Some)
    }

    /// Joins the fetch of `url` in flight, or starts it. The one that runs first looks at the
    /// cache again when `recheck` (a flight that ended just before may have filled it), so a
    /// caller that missed the cache moments before still does not fetch twice.
    async fn shared_fetch(&self, url: &str, now: DateTime<Utc>, recheck: bool) -> Outcome {
        let flight = {
            let mut flights = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
            flights.entry(url.to_owned()).or_default().clone()
        };
        let outcome = flight
            .get_or_init(|| async {
                match self.cached(url, now).filter(|_| recheck) {
                    Some(outcome) => outcome,
                    None => self.fetch(url, now).await,
                }
            })
            .await
            .clone();
        let mut flights = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        if flights.get(url).is_some_and(|f| Arc::ptr_eq(f, &flight)) {
            flights.remove(url);
        }
        outcome
    }

    /// Takes the one refetch of a cached `url` allowed per interval, under the lock: of callers
    /// arriving together one fetches, the others keep what they had. A failed refetch still
    /// counts, so a client cannot make the server fetch on every request.
    fn reserve_refetch(&self, url: &str, now: DateTime<Utc>) -> bool {
        let interval = to_chrono(self.policy.refetch_interval);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        match entries.get_mut(url) {
            Some(e) if now < e.fetched_at + interval => false,
            Some(e) => {
                e.fetched_at = now;
                true
            }
            None => true,
        }
    }

    /// The unexpired outcome kept for `url`.
    fn cached(&self, url: &str, now: DateTime<Utc>) -> Option<Outcome> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(url)
            .filter(|e| now < e.expires_at)
            .map(|e| e.outcome.clone())
    }

    async fn fetch(&self, url: &str, now: DateTime<Utc>) -> Outcome {
        let (outcome, ttl) = match self.fetcher.fetch_bounded(url, self.max_bytes, now).await {
            Ok(fetched) => {
                let ttl = fetched
                    .max_age
                    .unwrap_or(Duration::ZERO)
                    .clamp(self.policy.min_ttl, self.policy.max_ttl);
                (Ok(Arc::new(fetched.document)), ttl)
            }
            Err(e) if e.is_remembered() && !self.policy.failure_ttl.is_zero() => {
                (Err(e), self.policy.failure_ttl)
            }
            Err(e) => return Err(e),
        };
        let entry = Entry {
            outcome: outcome.clone(),
            fetched_at: now,
            expires_at: now + to_chrono(ttl),
        };
        self.keep(url, entry, now);
        outcome
    }

    /// Stores `entry`, making room if the cache is full. A failure never replaces a fresh
    /// document (a failed refetch leaves the keys the caller already had).
    fn keep(&self, url: &str, entry: Entry, now: DateTime<Utc>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let holds_fresh_document = entries
            .get(url)
            .is_some_and(|e| e.outcome.is_ok() && now < e.expires_at);
        if entry.outcome.is_err() && holds_fresh_document {
            return;
        }
        if entries.len() >= self.policy.entries && !entries.contains_key(url) {
            entries.retain(|_, e| now < e.expires_at);
            if entries.len() >= self.policy.entries {
                let oldest = entries
                    .iter()
                    .min_by_key(|(_, e)| e.fetched_at)
                    .map(|(k, _)| k.clone());
                if let Some(k) = oldest {
                    entries.remove(&k);
                }
            }
        }
        if self.policy.entries > 0 {
            entries.insert(url.to_owned(), entry);
        }
    }
}

fn to_chrono(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

/// `max-age` of a `Cache-Control` header; `no-store` and `no-cache` are 0.
pub(super) fn max_age(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(CACHE_CONTROL)?.to_str().ok()?;
    let mut age = None;
    for directive in value.split(',').map(str::trim) {
        let lower = directive.to_ascii_lowercase();
        if lower == "no-store" || lower == "no-cache" {
            return Some(Duration::ZERO);
        }
        if let Some(n) = lower.strip_prefix("max-age=") {
            age = n
                .trim_matches('"')
                .parse::<u64>()
                .ok()
                .map(Duration::from_secs);
        }
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(CACHE_CONTROL, v.parse().unwrap());
        h
    }

    #[test]
    fn max_age_is_read_and_no_store_is_zero() {
        assert_eq!(
            max_age(&headers("public, max-age=300")),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            max_age(&headers("max-age=60, no-store")),
            Some(Duration::ZERO)
        );
        assert_eq!(max_age(&headers("no-cache")), Some(Duration::ZERO));
        assert_eq!(max_age(&headers("private")), None);
        assert_eq!(max_age(&HeaderMap::new()), None);
    }
}
