//! Server-rendered pages (minijinja templates from `templates/`, embedded in the binary and
//! overridable by an operator's directory) and the security headers every page carries.
//!
//! Handlers extract, call one service function and render. Must not import a store backend.

mod pages;
mod templates;

pub use templates::Templates;

use poem::endpoint::make_sync;
use poem::http::header;
use poem::{get, IntoResponse, Route};

/// Adds the page routes to `route` (the JSON API is mounted beside them by `startup`, and the
/// `Templates` are provided as endpoint data there).
pub fn mount(route: Route) -> Route {
    route.at("/", get(pages::index)).at(
        "/static/style.css",
        get(make_sync(|_| {
            templates::STYLE_CSS
                .with_content_type("text/css; charset=utf-8")
                .with_header(header::CACHE_CONTROL, "public, max-age=3600")
        })),
    )
}

/// Adds the headers every page carries: no framing, no referrer, a script-free CSP.
pub fn with_security_headers(resp: poem::Response) -> poem::Response {
    let mut resp = resp;
    let h = resp.headers_mut();
    let set = |h: &mut poem::http::HeaderMap, k: &'static str, v: &'static str| {
        h.entry(k)
            .or_insert(poem::http::HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; \
         form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "no-referrer");
    set(h, "x-content-type-options", "nosniff");
    resp
}
