//! A short-TTL, in-process cache of accounts in front of any `UserStore`, for the token hot
//! path: every client authentication and every token verification asks whether the app's
//! owner is still enabled (`UserStore::user_enabled`), and every bearer call on the resource
//! API and userinfo reads the token's user (`get_user`); both rarely change. Look-ups by
//! username or email (sign-in, password reset) always read the store. A change made through this decorator
//! (insert, update, delete) drops the entry at once, so a disabled owner's app is refused by
//! the very next request on the same process; a change made by another process is announced
//! by the change feed (`Change::User`, MongoDB) and drops it when it arrives. While the feed is
//! down the cache is bypassed; the TTL (`oauth.client_cache_ttl_secs`, shared with the client
//! cache) stays as a backstop. Must not import the service or web layers.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use super::feed::{Change, ChangeSink};
use super::ttl_cache::{Lookup, TtlCache};
use super::{StoreResult, UserQuery, UserStore};
use crate::domain::{Paged, User};
use crate::metrics::CacheName;

/// A `UserStore` that caches `user_enabled` and `get_user` for `ttl`.
pub struct CachedUserStore {
    inner: Arc<dyn UserStore>,
    cache: TtlCache<bool>,
    records: TtlCache<User>,
}

impl CachedUserStore {
    pub fn new(inner: Arc<dyn UserStore>, ttl: Duration) -> Self {
        Self {
            inner,
            cache: TtlCache::new(ttl, CacheName::Owner),
            records: TtlCache::new(ttl, CacheName::User),
        }
    }

    /// Forgets what is cached of account `id` (`None`: of every account).
    async fn forget(&self, id: Option<&str>) {
        match id {
            Some(id) => {
                self.cache.invalidate(id).await;
                self.records.invalidate(id).await;
            }
            None => {
                self.cache.invalidate_all().await;
                self.records.invalidate_all().await;
            }
        }
    }
}

#[async_trait]
impl ChangeSink for CachedUserStore {
    async fn changed(&self, change: &Change) {
        match change {
            Change::User(id) => self.forget(Some(id)).await,
            Change::Everything => self.forget(None).await,
            _ => {}
        }
    }

    async fn stale(&self, feed_live: bool) {
        self.cache.stale(feed_live).await;
        self.records.stale(feed_live).await;
    }
}

#[async_trait]
impl UserStore for CachedUserStore {
    async fn user_enabled(&self, id: &str) -> StoreResult<bool> {
        let generation = match self.cache.lookup(id).await {
            Lookup::Hit(enabled) => return Ok(enabled),
            Lookup::Miss(generation) => Some(generation),
            Lookup::Bypass => None,
        };
        let enabled = self.inner.user_enabled(id).await?;
        if let Some(generation) = generation {
            self.cache.remember(id, enabled, generation).await;
        }
        Ok(enabled)
    }

    async fn insert_user(&self, user: &User) -> StoreResult<()> {
        let r = self.inner.insert_user(user).await;
        self.forget(Some(&user.id)).await;
        r
    }

    async fn get_user(&self, id: &str) -> StoreResult<User> {
        let generation = match self.records.lookup(id).await {
            Lookup::Hit(user) => return Ok(user),
            Lookup::Miss(generation) => Some(generation),
            Lookup::Bypass => None,
        };
        let user = self.inner.get_user(id).await?;
        if let Some(generation) = generation {
            self.records.remember(id, user.clone(), generation).await;
        }
        Ok(user)
    }

    async fn find_user_by_username(&self, username_key: &str) -> StoreResult<User> {
        self.inner.find_user_by_username(username_key).await
    }

    async fn find_user_by_email(&self, email_key: &str) -> StoreResult<User> {
        self.inner.find_user_by_email(email_key).await
    }

    async fn update_user(&self, user: &User) -> StoreResult<()> {
        let r = self.inner.update_user(user).await;
        self.forget(Some(&user.id)).await;
        r
    }

    async fn delete_user(&self, id: &str) -> StoreResult<()> {
        let r = self.inner.delete_user(id).await;
        self.forget(Some(id)).await;
        r
    }

    async fn list_users(&self, query: &UserQuery) -> StoreResult<Paged<User>> {
        self.inner.list_users(query).await
    }

    async fn count_users(&self) -> StoreResult<u64> {
        self.inner.count_users().await
    }

    async fn count_enabled_admins(&self) -> StoreResult<u64> {
        self.inner.count_enabled_admins().await
    }
}
