//! Where the request that causes an event comes from: its id (`telemetry`), the client's
//! address (`client_ip`'s rules) and User-Agent, and who it acts for once its credential was
//! resolved ([`identify`], called where a session or token becomes a principal). The HTTP
//! layer sets it once per request ([`within`]) and [`super::Audit::record`] reads it, so a
//! hook in a use case is one line and no use case takes these as arguments. Outside a request
//! (the CLI, start-up) it is empty.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use crate::domain::ClientInfo;

/// The request an event happens in.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    pub request_id: Option<String>,
    pub client: ClientInfo,
    /// The user the request acts for, once known.
    actor: Arc<OnceLock<String>>,
}

impl RequestContext {
    pub fn new(request_id: Option<String>, client: ClientInfo) -> Self {
        Self {
            request_id,
            client,
            actor: Arc::default(),
        }
    }
}

tokio::task_local! {
    static REQUEST: RequestContext;
}

/// Runs `f` (a request's handling) with `ctx` as the context of the events it records.
pub async fn within<F: Future>(ctx: RequestContext, f: F) -> F::Output {
    REQUEST.scope(ctx, f).await
}

/// Records that the current request acts for `user_id` (the first principal resolved wins).
pub fn identify(user_id: &str) {
    let _ = REQUEST.try_with(|c| c.actor.set(user_id.to_owned()));
}

/// Who the current request acts for, if it was identified.
pub(super) fn actor() -> Option<String> {
    REQUEST.try_with(|c| c.actor.get().cloned()).ok().flatten()
}

/// The context of the current request, if any.
pub(super) fn current() -> RequestContext {
    REQUEST.try_with(Clone::clone).unwrap_or_default()
}
