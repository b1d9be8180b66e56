//! Server-rendered pages (minijinja templates from `templates/`, embedded in the binary and
//! overridable by an operator's directory; strings from `templates/i18n/`), the browser session
//! cookie, CSRF protection, and the security headers every page carries.
//!
//! Handlers extract a [`context::Ctx`], call one service function and render.
//! Must not import a store backend.

mod authorize;
pub mod context;
pub mod csrf;
pub mod docs;
pub mod i18n;
mod login;
mod pages;
pub mod session;
mod templates;

pub use context::WebConfig;
pub use templates::Templates;

use poem::endpoint::make_sync;
use poem::http::header;
use poem::{get, IntoResponse, Route};

/// Adds the page routes to `route` (the JSON API is mounted beside them by `startup`, which
/// also provides `Templates`, `WebConfig` and `Services` as endpoint data).
pub fn mount(route: Route) -> Route {
    route
        .at("/", get(pages::index))
        .at(
            "/accounts/login/",
            get(login::login_form).post(login::login_submit),
        )
        .at(
            "/oauth2/authorize",
            get(authorize::authorize_get).post(authorize::authorize_post),
        )
        .at("/oauth2/logout", get(authorize::rp_logout))
        .at(
            "/accounts/logout/",
            get(login::logout_form).post(login::logout_submit),
        )
        .at(
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
