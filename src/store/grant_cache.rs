//! A short-TTL, in-process cache of grant records in front of any `GrantStore`: every bearer
//! call with a user's token asks whether its grant is still active (`get_grant`), and a grant
//! changes only when it is revoked, or touched once a minute at most. Every change made through
//! this decorator (insert, touch, revoke, the revocations of a client's or a user's grants)
//! drops what it may have changed at once, so a revoked grant is refused by the very next
//! request on the same process; a change made by another process is announced by the change
//! feed (`Change::Grant`, MongoDB) and drops the entry when it arrives. While the feed is down
//! the cache is bypassed; the TTL (`oauth.client_cache_ttl_secs`, shared with the other caches)
//! stays as a backstop. Only found grants are cached. Must not import the service or web layers.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::feed::{Change, ChangeSink};
use super::ttl_cache::{Lookup, TtlCache};
use super::{GrantStore, RefreshRotation, StoreResult};
use crate::domain::{AccessTokenRecord, Grant, RefreshToken};
use crate::metrics::CacheName;

/// A `GrantStore` that caches `get_grant` for `ttl`.
pub struct CachedGrantStore {
    inner: Arc<dyn GrantStore>,
    cache: TtlCache<Grant>,
}

impl CachedGrantStore {
    pub fn new(inner: Arc<dyn GrantStore>, ttl: Duration) -> Self {
        Self {
            inner,
            cache: TtlCache::new(ttl, CacheName::Grant),
        }
    }
}

#[async_trait]
impl ChangeSink for CachedGrantStore {
    async fn changed(&self, change: &Change) {
        match change {
            Change::Grant(id) => self.cache.invalidate(id).await,
            Change::Everything => self.cache.invalidate_all().await,
            _ => {}
        }
    }

    async fn stale(&self, feed_live: bool) {
        self.cache.stale(feed_live).await;
    }
}

#[async_trait]
impl GrantStore for CachedGrantStore {
    async fn insert_grant(&self, grant: &Grant) -> StoreResult<()> {
        let r = self.inner.insert_grant(grant).await;
        self.cache.invalidate(&grant.id).await;
        r
    }

    async fn get_grant(&self, id: &str) -> StoreResult<Grant> {
        let generation = match self.cache.lookup(id).await {
            Lookup::Hit(grant) => return Ok(grant),
            Lookup::Miss(generation) => Some(generation),
            Lookup::Bypass => None,
        };
        let grant = self.inner.get_grant(id).await?;
        if let Some(generation) = generation {
            self.cache.remember(id, grant.clone(), generation).await;
        }
        Ok(grant)
    }

    async fn list_active_grants_for_user(
        &self,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<Grant>> {
        self.inner.list_active_grants_for_user(user_id, now).await
    }

    async fn touch_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let r = self.inner.touch_grant(id, now).await;
        self.cache.invalidate(id).await;
        r
    }

    async fn revoke_grant(&self, id: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let r = self.inner.revoke_grant(id, now).await;
        self.cache.invalidate(id).await;
        r
    }

    async fn revoke_grants_for_client(
        &self,
        client_id: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<u64> {
        let r = self.inner.revoke_grants_for_client(client_id, now).await;
        self.cache.invalidate_all().await;
        r
    }

    async fn revoke_grants_for_user(&self, user_id: &str, now: DateTime<Utc>) -> StoreResult<u64> {
        let r = self.inner.revoke_grants_for_user(user_id, now).await;
        self.cache.invalidate_all().await;
        r
    }

    async fn insert_refresh(&self, token: &RefreshToken) -> StoreResult<()> {
        self.inner.insert_refresh(token).await
    }

    async fn insert_grant_with_refresh(
        &self,
        grant: &Grant,
        token: &RefreshToken,
    ) -> StoreResult<()> {
        let r = self.inner.insert_grant_with_refresh(grant, token).await;
        self.cache.invalidate(&grant.id).await;
        r
    }

    async fn get_refresh(&self, digest: &str) -> StoreResult<RefreshToken> {
        self.inner.get_refresh(digest).await
    }

    async fn rotate_refresh(
        &self,
        old_digest: &str,
        new: &RefreshToken,
    ) -> StoreResult<RefreshRotation> {
        self.inner.rotate_refresh(old_digest, new).await
    }

    async fn revoke_refresh(&self, digest: &str) -> StoreResult<bool> {
        self.inner.revoke_refresh(digest).await
    }

    async fn insert_access(&self, token: &AccessTokenRecord) -> StoreResult<()> {
        self.inner.insert_access(token).await
    }

    async fn get_access(&self, jti: &str) -> StoreResult<AccessTokenRecord> {
        self.inner.get_access(jti).await
    }

    async fn revoke_access(&self, jti: &str) -> StoreResult<bool> {
        self.inner.revoke_access(jti).await
    }
}
