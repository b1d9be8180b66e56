//! `GET /metrics` (plain text for Prometheus, not a JSON API operation: it is not in the spec),
//! and the recording of every HTTP request by the route template the router matched.
//!
//! `/metrics` is mounted only when `metrics.enabled` is true. With `metrics.token` set, a
//! request must carry `Authorization: Bearer <token>` (compared in constant time, as digests,
//! so neither the content nor the length leaks); anything else is a 401 that says nothing.

use std::time::Duration;

use poem::http::{header, Method, StatusCode};
use poem::{handler, IntoResponse, PathPattern, Request, Response};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::{metrics, render, secs};

/// The route label of a request no route matched (never the raw path).
pub const UNMATCHED: &str = "unmatched";

/// The content type of the Prometheus text exposition format.
const TEXT_FORMAT: &str = "text/plain; version=0.0.4; charset=utf-8";

/// What `/metrics` needs: the token, when one is configured.
#[derive(Clone)]
pub struct MetricsAccess {
    token: Option<[u8; 32]>,
}

impl MetricsAccess {
    pub fn new(token: Option<&SecretString>) -> Self {
        Self {
            token: token.map(|t| Sha256::digest(t.expose_secret().trim().as_bytes()).into()),
        }
    }

    fn allows(&self, req: &Request) -> bool {
        let Some(expected) = &self.token else {
            return true;
        };
        let given = req
            .header(header::AUTHORIZATION)
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| Sha256::digest(t.trim().as_bytes()));
        given.is_some_and(|g| bool::from(g[..].ct_eq(&expected[..])))
    }
}

/// `GET /metrics`: the registry, or 401 without the configured token.
#[handler]
pub fn scrape(req: &Request, access: poem::web::Data<&MetricsAccess>) -> Response {
    if !access.allows(req) {
        return StatusCode::UNAUTHORIZED
            .with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")
            .with_header(header::CACHE_CONTROL, "no-store")
            .into_response();
    }
    render()
        .with_content_type(TEXT_FORMAT)
        .with_header(header::CACHE_CONTROL, "no-store")
        .into_response()
}

/// Counts an answered request (its method as [`method_label`] named it) under the route
/// template the router left on the response.
pub fn record_request(method: &'static str, resp: &Response, took: Duration) {
    let route = resp
        .data::<PathPattern>()
        .map_or(UNMATCHED, |p| p.0.as_ref());
    let m = metrics();
    m.http_requests
        .with_label_values(&[route, method, resp.status().as_str()])
        .inc();
    m.http_duration
        .with_label_values(&[route, method])
        .observe(secs(took));
}

/// The standard methods by name; anything else (extension methods are any token a client
/// sends) is `other`, so a client cannot add labels.
pub fn method_label(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(auth: Option<&str>) -> Request {
        let mut b = Request::builder();
        if let Some(a) = auth {
            b = b.header(header::AUTHORIZATION, a);
        }
        b.finish()
    }

    #[test]
    fn only_the_configured_bearer_token_is_let_in() {
        let access = MetricsAccess::new(Some(&SecretString::from("s3cret-scrape-token")));
        assert!(access.allows(&request(Some("Bearer s3cret-scrape-token"))));
        for wrong in [
            None,
            Some("Bearer s3cret-scrape-toke"),
            Some("Bearer s3cret-scrape-token2"),
            Some("Basic s3cret-scrape-token"),
            Some("s3cret-scrape-token"),
            Some("Bearer "),
        ] {
            assert!(!access.allows(&request(wrong)), "{wrong:?}");
        }
        assert!(MetricsAccess::new(None).allows(&request(None)));
    }

    #[test]
    fn unknown_methods_do_not_become_labels() {
        let custom = Method::from_bytes(b"PROPFIND-1234").unwrap();
        assert_eq!(method_label(&custom), "other");
        assert_eq!(method_label(&Method::POST), "POST");
    }
}
