//! A short-TTL, in-process cache of client records in front of any `ClientStore`: the token
//! endpoint reads the client on every request, and its record rarely changes. Changes made
//! through this decorator (update, delete, insert) invalidate the entry at once; a change made
//! by another process is announced by the store's change feed (MongoDB) and invalidates the
//! entry when it arrives. While the feed is down the cache is bypassed, so it never serves what
//! it could not hear about; the TTL (`oauth.client_cache_ttl_secs`; 0 turns the cache off)
//! stays as a backstop. Only found clients are cached, so unknown client ids cost no memory,
//! and the map is bounded. A generation counter keeps a read that raced an invalidation from
//! caching the old record. Must not import the service or web layers.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use super::feed::{Change, ChangeSink};
use super::grant_cache::CachedGrantStore;
use super::owner_cache::CachedUserStore;
use super::ttl_cache::{Lookup, TtlCache};
use super::{ClientStore, StoreResult, Stores};
use crate::domain::{Client, Page, Paged};
use crate::metrics::CacheName;

/// A `ClientStore` that caches `get_client` for `ttl`.
pub struct CachedClientStore {
    inner: Arc<dyn ClientStore>,
    cache: TtlCache<Client>,
}

impl CachedClientStore {
    pub fn new(inner: Arc<dyn ClientStore>, ttl: Duration) -> Self {
        Self {
            inner,
            cache: TtlCache::new(ttl, CacheName::Client),
        }
    }
}

/// `stores` with its client, account and grant stores wrapped in caches, unless
/// `ttl` is zero; the caches and the deny-list of revoked access tokens hear of other
/// processes' changes through the stores' feed, when they have one.
pub fn with_caches(mut stores: Stores, ttl: Duration) -> Stores {
    if let Some(feed) = &stores.feed {
        stores.revoked.follow(feed);
    }
    if !ttl.is_zero() {
        let clients = Arc::new(CachedClientStore::new(stores.clients, ttl));
        let users = Arc::new(CachedUserStore::new(stores.users, ttl));
        let grants = Arc::new(CachedGrantStore::new(stores.grants, ttl));
        if let Some(feed) = &stores.feed {
            feed.subscribe(clients.clone());
            feed.subscribe(users.clone());
            feed.subscribe(grants.clone());
        }
        stores.clients = clients;
        stores.users = users;
        stores.grants = grants;
    }
    stores
}

#[async_trait]
impl ChangeSink for CachedClientStore {
    async fn changed(&self, change: &Change) {
        match change {
            Change::Client(id) => self.cache.invalidate(id).await,
            Change::Everything => self.cache.invalidate_all().await,
            Change::SigningKeys
            | Change::User(_)
            | Change::Grant(_)
            | Change::RevokedToken { .. } => {}
        }
    }

    async fn stale(&self, feed_live: bool) {
        self.cache.stale(feed_live).await;
    }
}

#[async_trait]
impl ClientStore for CachedClientStore {
    async fn insert_client(&self, client: &Client) -> StoreResult<()> {
        let r = self.inner.insert_client(client).await;
        self.cache.invalidate(&client.client_id).await;
        r
    }

    async fn get_client(&self, client_id: &str) -> StoreResult<Client> {
        let generation = match self.cache.lookup(client_id).await {
            Lookup::Hit(client) => return Ok(client),
            Lookup::Miss(generation) => Some(generation),
            Lookup::Bypass => None,
        };
        let client = self.inner.get_client(client_id).await?;
        if let Some(generation) = generation {
            self.cache
                .remember(client_id, client.clone(), generation)
                .await;
        }
        Ok(client)
    }

    async fn update_client(&self, client: &Client) -> StoreResult<()> {
        let r = self.inner.update_client(client).await;
        self.cache.invalidate(&client.client_id).await;
        r
    }

    async fn delete_client(&self, client_id: &str) -> StoreResult<()> {
        let r = self.inner.delete_client(client_id).await;
        self.cache.invalidate(client_id).await;
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

    async fn list_clients(&self, page: Page) -> StoreResult<Paged<Client>> {
        self.inner.list_clients(page).await
    }
}
