//! Server-rendered pages (minijinja templates from `templates/`, embedded in the binary and
//! overridable by an operator's directory; strings from `templates/i18n/`), the browser session
//! cookie, CSRF protection, and the security headers every page carries.
//!
//! Handlers extract a [`context::Ctx`], call one service function and render.
//! Must not import a store backend.

mod account;
mod authorize;
pub mod context;
pub mod csrf;
pub mod docs;
mod emails;
mod forms;
pub mod i18n;
mod login;
mod pages;
mod register;
mod reset;
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
    accounts(route)
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

/// The self-service account pages: registration, email verification, password reset, profile.
fn accounts(route: Route) -> Route {
    route
        .at(
            "/accounts/register/",
            get(register::register_form).post(register::register_submit),
        )
        .at("/accounts/register/done/", get(register::register_done))
        .at(
            "/accounts/verify-email/",
            get(register::verify_form).post(register::verify_submit),
        )
        .at("/accounts/verify-email/done/", get(register::verify_done))
        .at(
            "/accounts/verify-email/resend/",
            get(register::resend_form).post(register::resend_submit),
        )
        .at(
            "/accounts/verify-email/resend/done/",
            get(register::resend_done),
        )
        .at(
            "/accounts/password_reset/",
            get(reset::request_form).post(reset::request_submit),
        )
        .at("/accounts/password_reset/done/", get(reset::request_done))
        .at(
            "/accounts/reset/",
            get(reset::reset_form).post(reset::reset_submit),
        )
        .at("/accounts/reset/done/", get(reset::reset_done))
        .at(
            "/accounts/profile/",
            get(account::show).post(account::update_profile),
        )
        .at(
            "/accounts/profile/email/",
            poem::post(account::change_email),
        )
        .at(
            "/accounts/profile/password/",
            poem::post(account::change_password),
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
