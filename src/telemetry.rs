//! Structured logs with `tracing`, and the per-request middleware that gives every request an
//! id (`x-request-id`, echoed back), logs method, path, status and latency, and counts it in
//! the HTTP metrics (`metrics::endpoint`).
//!
//! Never logged: query strings, headers, bodies, cookies (they may carry codes, tokens or
//! passwords). Only the path is logged, and no credential is ever put in a path.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use poem::{Endpoint, Request, Response};
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; logs go to stderr so stdout stays for command output.
/// Safe to call more than once (later calls do nothing).
pub fn init(format: &str, level: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

/// A request id from the caller's `x-request-id` when it is short and plain, else a new one.
fn request_id(req: &Request) -> String {
    req.header("x-request-id")
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map_or_else(new_request_id, str::to_owned)
}

/// 32 hex digits, unique per process: a random prefix drawn once, then a counter. Ids only
/// correlate log lines, they guard nothing, so a system call for fresh randomness (what a
/// random UUID costs) on every request buys nothing.
fn new_request_id() -> String {
    static PREFIX: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let prefix = PREFIX.get_or_init(|| uuid::Uuid::new_v4().as_u64_pair().0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix:016x}{n:016x}")
}

/// The id of the request being served (request data set by [`trace_request`]).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// `EndpointExt::around` middleware: request id + one access-log line per request.
pub async fn trace_request<E: Endpoint>(next: E, mut req: Request) -> poem::Result<Response> {
    let id = request_id(&req);
    req.set_data(RequestId(id.clone()));
    let method = crate::metrics::endpoint::method_label(req.method());
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %req.method(),
        path = %req.uri().path(),
    );
    async move {
        let start = Instant::now();
        let mut resp = next.get_response(req).await;
        let took = start.elapsed();
        crate::metrics::endpoint::record_request(method, &resp, took);
        let status = resp.status().as_u16();
        let latency_ms = took.as_secs_f64() * 1000.0;
        if status >= 500 {
            tracing::warn!(status, latency_ms, "request failed");
        } else {
            tracing::info!(status, latency_ms, "request");
        }
        if let Ok(v) = id.parse() {
            resp.headers_mut().insert("x-request-id", v);
        }
        Ok(resp)
    }
    .instrument(span)
    .await
}

/// `EndpointExt::around` middleware, inside the one that attaches the trusted proxies: the
/// request's id, client address and User-Agent become the context of the audit events that
/// its handling records.
pub async fn audit_context<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    let ctx = crate::service::audit::RequestContext::new(
        req.data::<RequestId>().map(|r| r.0.clone()),
        crate::client_ip::client_info(&req),
    );
    let handled = crate::service::audit::context::within(ctx, next.call(req)).await;
    handled.map(poem::IntoResponse::into_response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_request_ids_are_distinct_32_hex_digits() {
        let (a, b) = (new_request_id(), new_request_id());
        assert_ne!(a, b);
        for id in [a, b] {
            assert_eq!(id.len(), 32);
            assert!(id.bytes().all(|c| c.is_ascii_hexdigit()));
        }
    }
}
