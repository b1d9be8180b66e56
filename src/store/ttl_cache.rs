//! The entries of an in-process cache in front of a store, shared by the caches of `cache.rs`
//! (client records) and `owner_cache.rs` (accounts' enabled status): a bounded map of values
//! kept for a TTL, a generation counter so that a read which raced an invalidation does not
//! cache the old value, and a bypass switch for while the change feed is down (nothing is
//! served from, or remembered in, a cache that cannot hear of changes). Must not import the
//! service or web layers.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::RwLock;

use crate::metrics::{metrics, CacheName};

/// At most this many values are kept; a full cache drops its expired entries, then everything.
const MAX_ENTRIES: usize = 10_000;

struct State<V> {
    entries: HashMap<String, (V, Instant)>,
    /// Bumped by every invalidation.
    generation: u64,
}

/// What a look-up found.
pub enum Lookup<V> {
    Hit(V),
    /// Not cached: read the store, then `remember` with this generation.
    Miss(u64),
    /// The cache is bypassed: read the store and remember nothing.
    Bypass,
}

pub struct TtlCache<V> {
    name: CacheName,
    ttl: Duration,
    state: RwLock<State<V>>,
    bypass: AtomicBool,
}

impl<V: Clone> TtlCache<V> {
    /// A cache counted in the metrics as `name`.
    pub fn new(ttl: Duration, name: CacheName) -> Self {
        Self {
            name,
            ttl,
            state: RwLock::new(State {
                entries: HashMap::new(),
                generation: 0,
            }),
            bypass: AtomicBool::new(false),
        }
    }

    pub async fn lookup(&self, key: &str) -> Lookup<V> {
        if self.bypass.load(Ordering::Acquire) {
            metrics().cache(self.name, false);
            return Lookup::Bypass;
        }
        let state = self.state.read().await;
        let found = match state.entries.get(key) {
            Some((v, at)) if at.elapsed() < self.ttl => Lookup::Hit(v.clone()),
            _ => Lookup::Miss(state.generation),
        };
        metrics().cache(self.name, matches!(found, Lookup::Hit(_)));
        found
    }

    /// Caches `value` read from the store, unless an invalidation happened since the look-up
    /// that returned `seen_generation`.
    pub async fn remember(&self, key: &str, value: V, seen_generation: u64) {
        let mut state = self.state.write().await;
        if state.generation != seen_generation {
            return;
        }
        let now = Instant::now();
        if state.entries.len() >= MAX_ENTRIES {
            let ttl = self.ttl;
            state
                .entries
                .retain(|_, (_, at)| now.duration_since(*at) < ttl);
            if state.entries.len() >= MAX_ENTRIES {
                state.entries.clear();
            }
        }
        state.entries.insert(key.to_owned(), (value, now));
    }

    pub async fn invalidate(&self, key: &str) {
        let mut state = self.state.write().await;
        state.entries.remove(key);
        state.generation += 1;
    }

    pub async fn invalidate_all(&self) {
        let mut state = self.state.write().await;
        state.entries.clear();
        state.generation += 1;
    }

    /// The feed's word that anything may be stale (`feed_live` false: and changes are not
    /// being announced, so bypass the cache until a later call says true).
    pub async fn stale(&self, feed_live: bool) {
        // Bypass first: a read that starts after this does not consult the entries dropped
        // next, and one that started before carries an old generation and remembers nothing.
        self.bypass.store(!feed_live, Ordering::Release);
        self.invalidate_all().await;
    }
}
