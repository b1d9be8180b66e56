//! A bounded in-memory cache of fetched JSON documents, keyed by URL. An entry lives for its
//! `Cache-Control: max-age` clamped to `[min_ttl, max_ttl]` (`no-store` / `no-cache` count as
//! 0, so the minimum); a full cache drops expired entries, then the oldest. A forced refetch
//! (an unknown key id) happens at most once per `refetch_interval` per URL, so a client cannot
//! make the server fetch on every request. Time is passed in, so tests can move it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, CACHE_CONTROL};

use super::{FetchError, Fetcher};

/// The cache's bounds, from `[outbound]`.
#[derive(Debug, Clone, Copy)]
pub struct CachePolicy {
    pub entries: usize,
    pub min_ttl: Duration,
    pub max_ttl: Duration,
    pub refetch_interval: Duration,
}

struct Entry {
    document: Arc<serde_json::Value>,
    fetched_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

/// Fetched documents of one size limit (one kind of document).
pub struct DocumentCache {
    fetcher: Fetcher,
    policy: CachePolicy,
    max_bytes: usize,
    entries: Mutex<HashMap<String, Entry>>,
}

impl DocumentCache {
    pub fn new(fetcher: Fetcher, policy: CachePolicy, max_bytes: usize) -> Self {
        Self {
            fetcher,
            policy,
            max_bytes,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The document at `url`: the cached one while fresh, else fetched.
    pub async fn get(
        &self,
        url: &str,
        now: DateTime<Utc>,
    ) -> Result<Arc<serde_json::Value>, FetchError> {
        if let Some(doc) = self.cached(url, |e| now < e.expires_at) {
            return Ok(doc);
        }
        self.fetch(url, now).await
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
        self.fetch(url, now).await.map(Some)
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

    fn cached(&self, url: &str, keep: impl Fn(&Entry) -> bool) -> Option<Arc<serde_json::Value>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(url)
            .filter(|e| keep(e))
            .map(|e| e.document.clone())
    }

    async fn fetch(
        &self,
        url: &str,
        now: DateTime<Utc>,
    ) -> Result<Arc<serde_json::Value>, FetchError> {
        let fetched = self.fetcher.fetch_json(url, self.max_bytes).await?;
        let ttl = fetched
            .max_age
            .unwrap_or(Duration::ZERO)
            .clamp(self.policy.min_ttl, self.policy.max_ttl);
        let document = Arc::new(fetched.document);
        let entry = Entry {
            document: document.clone(),
            fetched_at: now,
            expires_at: now + to_chrono(ttl),
        };
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
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
        Ok(document)
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
