//! The change feed: how a process learns that another process changed something it caches
//! (client records, signing keys, accounts, grants, revoked access tokens), so that several processes on one MongoDB database behave as
//! one service. A [`ChangeSource`] (MongoDB: a change stream) announces every change; the
//! [`ChangeFeed`] hands each one to the caches subscribed to it ([`ChangeSink`]), and when the
//! source breaks it tells them that anything may be stale, every [`POLL_INTERVAL`], until the
//! source is open again — so a cache either hears of a change or stops trusting itself. The
//! embedded SQLite store has no feed: one process owns its database file, and that process's
//! own caches see its own writes. Must not import the service or web layers; the service's
//! caches subscribe through [`ChangeSink`].

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures_util::stream::BoxStream;
use futures_util::StreamExt;

use super::StoreResult;

/// While the source is down, caches are told "stale" this often, and the source is reopened.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// A change made by some process (this one included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The client record with this id was inserted, updated or deleted.
    Client(String),
    /// A signing key was inserted, sealed or deleted.
    SigningKeys,
    /// The account with this id was inserted, updated or deleted (its enabled status may have
    /// changed).
    User(String),
    /// The grant with this id was inserted, touched, revoked or deleted.
    Grant(String),
    /// An access token was revoked (an entry of the deny-list, `store::revoked`).
    RevokedToken {
        jti: String,
        expires_at: DateTime<Utc>,
    },
    /// Something that may touch any cached record (a dropped collection or database).
    Everything,
}

/// The stream of changes of a source: errors end it.
pub type ChangeStream = BoxStream<'static, StoreResult<Change>>;

#[async_trait]
pub trait ChangeSource: Send + Sync {
    /// Starts announcing the changes committed from now on. What was committed before the
    /// stream opened is not announced: subscribers drop their caches when it opens.
    async fn open_changes(&self) -> StoreResult<ChangeStream>;
}

/// A cache in front of the store that must hear of changes made elsewhere.
#[async_trait]
pub trait ChangeSink: Send + Sync {
    /// `change` was committed.
    async fn changed(&self, change: &Change);
    /// Anything cached may be stale. `feed_live` false: changes are not being announced, so
    /// nothing should be trusted until a later call says true (repeated every
    /// [`POLL_INTERVAL`] meanwhile).
    async fn stale(&self, feed_live: bool);
}

/// Distributes a source's changes to the subscribed caches; [`ChangeFeed::run`] keeps the
/// source open for the process's lifetime.
pub struct ChangeFeed {
    source: Arc<dyn ChangeSource>,
    sinks: Mutex<Vec<Arc<dyn ChangeSink>>>,
    live: AtomicBool,
    /// How many times the source was opened (the first time included).
    opened: AtomicU64,
}

impl ChangeFeed {
    pub fn new(source: Arc<dyn ChangeSource>) -> Self {
        Self {
            source,
            sinks: Mutex::new(Vec::new()),
            live: AtomicBool::new(false),
            opened: AtomicU64::new(0),
        }
    }

    /// Adds a cache to tell about changes.
    pub fn subscribe(&self, sink: Arc<dyn ChangeSink>) {
        self.sinks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(sink);
    }

    /// Whether changes are being announced right now.
    pub fn is_live(&self) -> bool {
        self.live.load(Ordering::Acquire)
    }

    /// How many times the source was opened: more than once means it broke and was reopened.
    pub fn times_opened(&self) -> u64 {
        self.opened.load(Ordering::Acquire)
    }

    fn sinks(&self) -> Vec<Arc<dyn ChangeSink>> {
        self.sinks.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    async fn tell_stale(&self, feed_live: bool) {
        for sink in self.sinks() {
            sink.stale(feed_live).await;
        }
    }

    /// Keeps the source open and distributes its changes; never returns (abort the task).
    pub async fn run(self: Arc<Self>) {
        let mut was_down = false;
        loop {
            match self.source.open_changes().await {
                Ok(stream) => {
                    if was_down {
                        tracing::info!("change feed reopened; caches dropped");
                    }
                    self.opened.fetch_add(1, Ordering::AcqRel);
                    self.live.store(true, Ordering::Release);
                    // Changes committed before the stream opened were not announced.
                    self.tell_stale(true).await;
                    let reason = self.distribute(stream).await;
                    self.live.store(false, Ordering::Release);
                    tracing::warn!(
                        reason = %reason,
                        "change feed broke; caches are bypassed until it reopens"
                    );
                    was_down = true;
                }
                Err(e) if !was_down => {
                    tracing::warn!(error = %e, "change feed cannot open; caches are bypassed");
                    was_down = true;
                }
                Err(_) => {}
            }
            self.tell_stale(false).await;
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// Hands each change to every sink until the stream ends; returns why it ended.
    async fn distribute(&self, mut stream: ChangeStream) -> String {
        while let Some(item) = stream.next().await {
            match item {
                Ok(change) => {
                    for sink in self.sinks() {
                        sink.changed(&change).await;
                    }
                }
                Err(e) => return e.to_string(),
            }
        }
        "the stream ended".to_owned()
    }
}
