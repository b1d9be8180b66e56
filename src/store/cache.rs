//! A short-TTL, in-process cache of client records in front of any `ClientStore`: the token
//! endpoint reads the client on every request, and its record rarely changes. Changes made
//! through this decorator (update, delete, insert) invalidate the entry at once; a change made
//! by another process is announced by the store's change feed (MongoDB) and invalidates the
//! entry when it arrives. While the feed is down the cache is bypassed, so it never serves what
//! it could not hear about; the TTL (`oauth.client_cache_ttl_secs`; 0 turns the cache off)
//! stays as a backstop. Only found clients are cached, so unknown client ids cost no memory,
//! and the map is bounded. A generation counter keeps a read that raced an invalidation from
//! caching the old record. Must not import the service or web layers.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use tokio::sync::RwLock;

use super::feed::{Change, ChangeSink};
use super::{ClientStore, StoreResult, Stores};
use crate::domain::{Client, Page, Paged};

/// At most this many records are kept; a full cache drops its expired entries, then everything.
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
struct State {
    entries: HashMap<String, (Client, Instant)>,
    /// Bumped by every invalidation.
    generation: u64,
}

/// A `ClientStore` that caches `get_client` for `ttl`.
pub struct CachedClientStore {
    inner: Arc<dyn ClientStore>,
    ttl: Duration,
    state: RwLock<State>,
    /// Set while the change feed is down: reads go to the store and nothing is remembered.
    bypass: AtomicBool,
}

impl CachedClientStore {
    pub fn new(inner: Arc<dyn ClientStore>, ttl: Duration) -> Self {
        Self {
            inner,
            ttl,
            state: RwLock::new(State::default()),
            bypass: AtomicBool::new(false),
        }
    }

    async fn invalidate_all(&self) {
        let mut state = self.state.write().await;
        state.entries.clear();
        state.generation += 1;
    }

    async fn invalidate(&self, client_id: &str) {
        let mut state = self.state.write().await;
        state.entries.remove(client_id);
        state.generation += 1;
    }

    async fn remember(&self, client: &Client, seen_generation: u64) {
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
        state
            .entries
            .insert(client.client_id.clone(), (client.clone(), now));
    }
}

/// `stores` with its client store wrapped in the cache, unless `ttl` is zero; the cache and
/// the deny-list of revoked access tokens hear of other processes' changes through the stores'
/// feed, when they have one.
pub fn with_caches(mut stores: Stores, ttl: Duration) -> Stores {
    if let Some(feed) = &stores.feed {
        stores.revoked.follow(feed);
    }
    if !ttl.is_zero() {
        let cache = Arc::new(CachedClientStore::new(stores.clients, ttl));
        if let Some(feed) = &stores.feed {
            feed.subscribe(cache.clone());
        }
        stores.clients = cache;
    }
    stores
}

#[async_trait]
impl ChangeSink for CachedClientStore {
    async fn changed(&self, change: &Change) {
        match change {
            Change::Client(id) => self.invalidate(id).await,
            Change::Everything => self.invalidate_all().await,
            Change::SigningKeys | Change::User(_) | Change::RevokedToken { .. } => {}
        }
    }

    async fn stale(&self, feed_live: bool) {
        // Bypass first: a read that starts after this does not consult the entries dropped
        // next, and one that started before carries an old generation and remembers nothing.
        self.bypass.store(!feed_live, Ordering::Release);
        self.invalidate_all().await;
    }
}

#[async_trait]
impl ClientStore for CachedClientStore {
    async fn insert_client(&self, client: &Client) -> StoreResult<()> {
        let r = self.inner.insert_client(client).await;
        self.invalidate(&client.client_id).await;
        r
    }

    async fn get_client(&self, client_id: &str) -> StoreResult<Client> {
        if self.bypass.load(Ordering::Acquire) {
            return self.inner.get_client(client_id).await;
        }
        let generation = {
            let state = self.state.read().await;
            if let Some((c, at)) = state.entries.get(client_id) {
                if at.elapsed() < self.ttl {
                    return Ok(c.clone());
                }
            }
            state.generation
        };
        let client = self.inner.get_client(client_id).await?;
        self.remember(&client, generation).await;
        Ok(client)
    }

    async fn update_client(&self, client: &Client) -> StoreResult<()> {
        let r = self.inner.update_client(client).await;
        self.invalidate(&client.client_id).await;
        r
    }

    async fn delete_client(&self, client_id: &str) -> StoreResult<()> {
        let r = self.inner.delete_client(client_id).await;
        self.invalidate(client_id).await;
        r
    }

    async fn list_clients_by_owner(
        &self,
        owner_id: &str,
        page: Page,
    ) -> StoreResult<Paged<Client>> {
        self.inner.list_clients_by_owner(owner_id, page).await
    }

    async fn list_client_ids_by_owner(&self, owner_id: &str) -> StoreResult<Vec<String>> {
        self.inner.list_client_ids_by_owner(owner_id).await
    }
}
