//! The deny-list of revoked access tokens: JWT access tokens are not stored when they are
//! issued (their signature and claims say everything verification needs), so revoking one by
//! `jti` (RFC 7009) is the only thing that writes, into `revoked_tokens` (jti + expiry, purged
//! by the TTL index or the sweeper once the token has expired anyway). Tokens of a grant also
//! die with their grant, and tokens of an app with the app, without an entry here.
//!
//! [`DenyList`] is the in-process copy every node checks on the token hot path: the node that
//! revokes adds the entry at once; other nodes hear of it through the change feed
//! ([`Change::RevokedToken`]). It is trusted only while it is known to be complete: loaded
//! from the store after the feed (re)opened, or once at first use where there is no feed (the
//! SQLite database belongs to one process). While the feed is down, or the copy grew past its
//! bound, every check reads the store instead, so a revocation is never missed, only slower.
//! Must not import the service or web layers.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tokio::sync::{Mutex, RwLock};

use super::feed::{Change, ChangeFeed, ChangeSink};
use super::StoreResult;
use crate::metrics::{metrics, CacheName};

/// The stored deny-list: one entry per revoked `jti`.
#[async_trait]
pub trait RevokedTokenStore: Send + Sync {
    /// Records that `jti` is revoked until `expires_at` (when the token dies anyway).
    /// Idempotent.
    async fn insert_revoked(&self, jti: &str, expires_at: DateTime<Utc>) -> StoreResult<()>;
    /// Whether `jti` has an entry (expired or not: the caller checks the token's own expiry).
    async fn is_revoked(&self, jti: &str) -> StoreResult<bool>;
    /// Every entry, with its expiry.
    async fn list_revoked(&self) -> StoreResult<Vec<(String, DateTime<Utc>)>>;
}

/// At most this many entries are held in memory; beyond, checks read the store. Entries live
/// only as long as the tokens they revoke (minutes), so this is reached only by mass revocation.
const MAX_ENTRIES: usize = 200_000;

#[derive(Default)]
struct Entries {
    by_jti: HashMap<String, DateTime<Utc>>,
}

impl Entries {
    /// Adds an entry; false when the bound is reached even after dropping expired ones.
    fn add(&mut self, jti: &str, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        if self.by_jti.len() >= MAX_ENTRIES {
            self.by_jti.retain(|_, exp| *exp > now);
            if self.by_jti.len() >= MAX_ENTRIES {
                return false;
            }
        }
        self.by_jti.insert(jti.to_owned(), expires_at);
        true
    }
}

/// The in-memory deny-list in front of a [`RevokedTokenStore`].
pub struct DenyList {
    inner: Arc<dyn RevokedTokenStore>,
    entries: RwLock<Entries>,
    /// Whether `entries` holds every revocation: checks answer from memory only then.
    trusted: AtomicBool,
    /// Without a change feed, this list loads itself once; with one, the feed reloads it.
    self_loading: AtomicBool,
    /// Serialises loads.
    loading: Mutex<()>,
}

impl DenyList {
    /// A list that loads itself from `inner` at first use (one process owns the store).
    pub fn new(inner: Arc<dyn RevokedTokenStore>) -> Self {
        Self {
            inner,
            entries: RwLock::new(Entries::default()),
            trusted: AtomicBool::new(false),
            self_loading: AtomicBool::new(true),
            loading: Mutex::new(()),
        }
    }

    /// Hears of other processes' revocations through `feed` from now on; until the feed has
    /// opened (and this list reloaded), checks read the store.
    pub fn follow(self: &Arc<Self>, feed: &ChangeFeed) {
        self.self_loading.store(false, Ordering::Release);
        self.trusted.store(false, Ordering::Release);
        feed.subscribe(self.clone());
    }

    /// The stored deny-list behind this copy.
    pub fn store(&self) -> &dyn RevokedTokenStore {
        self.inner.as_ref()
    }

    /// Revokes `jti`: stored first (so other nodes and restarts see it), then remembered here
    /// so the very next request on this node is refused.
    pub async fn revoke(
        &self,
        jti: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.inner.insert_revoked(jti, expires_at).await?;
        self.remember(jti, expires_at, now).await;
        Ok(())
    }

    /// Whether `jti` was revoked.
    pub async fn is_revoked(&self, jti: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        if !self.trusted.load(Ordering::Acquire) && self.self_loading.load(Ordering::Acquire) {
            self.load(now).await?;
        }
        let trusted = self.trusted.load(Ordering::Acquire);
        metrics().cache(CacheName::DenyList, trusted);
        if trusted {
            return Ok(self.entries.read().await.by_jti.contains_key(jti));
        }
        self.inner.is_revoked(jti).await
    }

    async fn remember(&self, jti: &str, expires_at: DateTime<Utc>, now: DateTime<Utc>) {
        if !self.entries.write().await.add(jti, expires_at, now) {
            self.overflowed();
        }
    }

    fn overflowed(&self) {
        if self.trusted.swap(false, Ordering::AcqRel) {
            tracing::warn!(
                max = MAX_ENTRIES,
                "too many revoked access tokens to hold in memory; checks read the store"
            );
        }
    }

    /// Adds every stored entry (entries are only ever added, so merging is enough) and trusts
    /// the copy. Entries announced meanwhile are kept.
    async fn load(&self, now: DateTime<Utc>) -> StoreResult<()> {
        let _one_at_a_time = self.loading.lock().await;
        if self.trusted.load(Ordering::Acquire) {
            return Ok(());
        }
        let stored = self.inner.list_revoked().await?;
        let mut entries = self.entries.write().await;
        for (jti, expires_at) in stored {
            if !entries.add(&jti, expires_at, now) {
                drop(entries);
                self.overflowed();
                return Ok(());
            }
        }
        self.trusted.store(true, Ordering::Release);
        Ok(())
    }
}

#[async_trait]
impl ChangeSink for DenyList {
    async fn changed(&self, change: &Change) {
        match change {
            Change::RevokedToken { jti, expires_at } => {
                self.remember(jti, *expires_at, Utc::now()).await;
            }
            Change::Everything => {
                self.trusted.store(false, Ordering::Release);
                self.reload().await;
            }
            _ => {}
        }
    }

    async fn stale(&self, feed_live: bool) {
        self.trusted.store(false, Ordering::Release);
        if feed_live {
            self.reload().await;
        }
    }
}

impl DenyList {
    /// Reloads after the feed (re)opened; a failure leaves checks reading the store until the
    /// feed reopens.
    async fn reload(&self) {
        if let Err(e) = self.load(Utc::now()).await {
            tracing::warn!(error = %e, "loading the revoked access tokens failed; checks read the store");
        }
    }
}
