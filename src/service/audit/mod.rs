//! The audit log: every security-relevant event (sign-ins, account and app changes,
//! revocations, administration, key rotation) recorded with who, whom, which app, where from
//! and when, never a secret. A use case records with one line, `svc.audit.record(Entry::...)`;
//! the request's id, address and User-Agent come from [`context`].
//!
//! Recording never fails nor slows the request: the event goes into a bounded queue (tokio
//! mpsc, `audit.queue_size`) that one background task ([`writer`]) drains into the store in
//! batches. When the queue is full the event is dropped and counted
//! (`auth_center_audit_events_dropped_total`), with a warning at most once a minute. Each event
//! is also a structured log line of target `audit`. On shutdown the queue is drained within a
//! bounded time. Listings (the admin API and pages, a person's own activity) are newest first
//! with a cursor.
//!
//! Must not import poem or a concrete store backend.

pub mod context;
mod writer;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{mpsc, Notify};
use tokio::task::JoinHandle;

use super::clock::Clock;
use super::{ServiceError, Services};
use crate::domain::{
    truncate_millis, AuditCursor, AuditEvent, AuditEventType, AuditQuery, AuditTypePrefix,
    DomainError, ANONYMOUS_ACTOR, MAX_DETAIL_LEN, SYSTEM_ACTOR,
};
use crate::metrics::metrics;
use crate::store::AuditStore;

pub use crate::domain::AuditEventType as Kind;
pub use context::RequestContext;

/// What a use case says about an event; [`Audit::record`] adds the time, the request and an id.
#[derive(Debug, Clone)]
pub struct Entry {
    kind: AuditEventType,
    actor: String,
    subject: Option<String>,
    app: Option<String>,
    reason: Option<&'static str>,
    details: BTreeMap<String, String>,
}

impl Entry {
    /// A person acting on their own account: actor and subject are `user_id`.
    pub fn user(kind: AuditEventType, user_id: &str) -> Self {
        Self::by(kind, user_id).subject(user_id)
    }

    /// Done by `actor` (a user id or a client id); add the subject if a person is concerned.
    pub fn by(kind: AuditEventType, actor: &str) -> Self {
        Self {
            kind,
            actor: actor.to_owned(),
            subject: None,
            app: None,
            reason: None,
            details: BTreeMap::new(),
        }
    }

    /// An attempt on the account `user` (None: an unknown account, by someone unknown).
    pub fn attempt(kind: AuditEventType, user: Option<&str>) -> Self {
        match user {
            Some(id) => Self::user(kind, id),
            None => Self::by(kind, ANONYMOUS_ACTOR),
        }
    }

    /// Done by whoever the current request acts for (an administrator through the API or the
    /// pages); the server itself outside a request (the operator's CLI, start-up).
    pub fn acting(kind: AuditEventType) -> Self {
        match context::actor() {
            Some(actor) => Self::by(kind, &actor),
            None => Self::system(kind),
        }
    }

    /// Asked for by whoever sent the current request: the person it acts for once identified,
    /// else `anonymous` (a request with no credential, such as a registration).
    pub fn requester(kind: AuditEventType) -> Self {
        match context::actor() {
            Some(actor) => Self::by(kind, &actor),
            None => Self::by(kind, ANONYMOUS_ACTOR),
        }
    }

    /// Done by the server itself (key rotation, detected reuse).
    pub fn system(kind: AuditEventType) -> Self {
        Self::by(kind, SYSTEM_ACTOR)
    }

    pub fn subject(mut self, user_id: &str) -> Self {
        self.subject = Some(user_id.to_owned());
        self
    }

    pub fn app(mut self, client_id: &str) -> Self {
        self.app = Some(client_id.to_owned());
        self
    }

    /// Why it ended so, from a closed set of codes (`bad_password`, `throttled`...).
    pub fn reason(mut self, reason: &'static str) -> Self {
        self.reason = Some(reason);
        self
    }

    /// A small fact of this kind of event (a scope list, a field name). Never a secret.
    pub fn detail(mut self, key: &'static str, value: impl std::fmt::Display) -> Self {
        let value: String = value.to_string().chars().take(MAX_DETAIL_LEN).collect();
        self.details.insert(key.to_owned(), value);
        self
    }
}

/// The handle use cases record through; cheap to clone.
#[derive(Clone)]
pub struct Audit {
    inner: Arc<Inner>,
}

struct Inner {
    tx: mpsc::Sender<AuditEvent>,
    clock: Arc<dyn Clock>,
    retention: chrono::Duration,
    shutdown: Arc<Notify>,
    worker: Mutex<Option<JoinHandle<()>>>,
    /// When the last "queue full" warning was logged (unix seconds).
    last_warning: AtomicI64,
}

impl Audit {
    /// Starts the writer over `store` (on the current tokio runtime; without one, events are
    /// only logged). Events are kept for `retention`; at most `queue_size` wait.
    pub fn start(
        store: Arc<dyn AuditStore>,
        clock: Arc<dyn Clock>,
        retention: chrono::Duration,
        queue_size: usize,
    ) -> Self {
        let (tx, rx) = mpsc::channel(queue_size.max(1));
        let shutdown = Arc::new(Notify::new());
        let worker = tokio::runtime::Handle::try_current()
            .ok()
            .map(|rt| rt.spawn(writer::run(store, rx, shutdown.clone())));
        Self {
            inner: Arc::new(Inner {
                tx,
                clock,
                retention,
                shutdown,
                worker: Mutex::new(worker),
                last_warning: AtomicI64::new(i64::MIN),
            }),
        }
    }

    /// Records an event of the current request. Never waits and never fails: a full queue
    /// drops the event (counted, and logged at most once a minute).
    pub fn record(&self, entry: Entry) {
        let event = self.event(entry);
        tracing::info!(
            target: "audit",
            id = %event.id,
            kind = event.kind.as_str(),
            reason = event.reason.as_deref(),
            actor = %event.actor,
            subject = event.subject.as_deref(),
            app = event.app.as_deref(),
            ip = event.ip.as_deref(),
            request_id = event.request_id.as_deref(),
            details = ?event.details,
            "audit event"
        );
        if self.inner.tx.try_send(event).is_err() {
            metrics().audit_dropped();
            self.warn_dropped();
        }
    }

    fn event(&self, e: Entry) -> AuditEvent {
        let ctx = context::current();
        let time = truncate_millis(self.inner.clock.now());
        AuditEvent {
            id: uuid::Uuid::now_v7().to_string(),
            time,
            kind: e.kind,
            reason: e.reason.map(str::to_owned),
            actor: e.actor,
            subject: e.subject,
            app: e.app,
            ip: ctx.client.ip.map(|ip| ip.to_string()),
            user_agent: ctx.client.user_agent,
            request_id: ctx.request_id,
            details: e.details,
            expires_at: time + self.inner.retention,
        }
    }

    fn warn_dropped(&self) {
        let now = chrono::Utc::now().timestamp();
        let last = self.inner.last_warning.load(Ordering::Relaxed);
        if now.saturating_sub(last) >= 60
            && self
                .inner
                .last_warning
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            tracing::warn!(
                dropped_total = metrics().audit_dropped_count(),
                "the audit queue is full: events are dropped (audit.queue_size)"
            );
        }
    }

    /// Stops taking events and writes what is queued, waiting at most `within`.
    pub async fn shutdown(&self, within: Duration) {
        let worker = self.inner.worker.lock().ok().and_then(|mut w| w.take());
        let Some(worker) = worker else { return };
        self.inner.shutdown.notify_one();
        if tokio::time::timeout(within, worker).await.is_err() {
            tracing::warn!("audit events still queued at shutdown were not all written");
        }
    }
}

/// What a listing asks for, as the API and the pages receive it.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub user: Option<String>,
    pub app: Option<String>,
    pub kind: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// The previous page's `next`.
    pub cursor: Option<String>,
    /// 1 to 100; 50 when absent.
    pub limit: Option<u32>,
}

/// One page of events, newest first, and the cursor of the next page if there is one.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub events: Vec<AuditEvent>,
    pub next: Option<String>,
}

/// Events matching `filter` (the caller has checked that it may see them).
pub async fn list_events(svc: &Services, filter: AuditFilter) -> Result<AuditPage, ServiceError> {
    let mut errors = Vec::new();
    let kind = match filter.kind.as_deref().filter(|k| !k.is_empty()) {
        None => None,
        Some(k) => AuditTypePrefix::parse(k).or_else(|| {
            errors.push(DomainError::new(
                "type",
                "must be an event type or a prefix of one",
            ));
            None
        }),
    };
    let after = match filter.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => AuditCursor::parse(c).or_else(|| {
            errors.push(DomainError::new("next", "is not a cursor this server gave"));
            None
        }),
    };
    let limit = filter.limit.unwrap_or(50);
    if !(1..=AuditQuery::MAX_LIMIT).contains(&limit) {
        errors.push(DomainError::new("limit", "must be 1 to 100"));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    let query = AuditQuery {
        user: filter.user.filter(|u| !u.is_empty()),
        app: filter.app.filter(|a| !a.is_empty()),
        kind,
        since: filter.since,
        until: filter.until,
        after,
        limit: limit + 1,
        now: svc.now(),
    };
    let mut events = svc.stores.audit.list_audit_events(&query).await?;
    let next = if events.len() > limit as usize {
        events.truncate(limit as usize);
        events.last().map(|e| AuditCursor::of(e).encode())
    } else {
        None
    };
    Ok(AuditPage { events, next })
}

/// The person's own events (the subject is them), whatever else the filter says.
pub async fn list_own_events(
    svc: &Services,
    user_id: &str,
    mut filter: AuditFilter,
) -> Result<AuditPage, ServiceError> {
    filter.user = Some(user_id.to_owned());
    list_events(svc, filter).await
}
