//! Server-rendered pages (minijinja templates from `templates/`, embedded in the binary and
//! overridable by an operator's directory; strings from `templates/i18n/`), the browser session
//! cookie, CSRF protection, and the security headers every page carries.
//!
//! Handlers extract a [`context::Ctx`], call one service function and render.
//! Must not import a store backend.

mod account;
mod account_passkeys;
mod account_two_factor;
mod activity;
mod admin;
mod admin_resources;
mod app_form;
mod apps;
mod authorize;
mod authorized_tokens;
mod consent_view;
pub mod context;
pub mod csrf;
mod device;
pub mod docs;
mod emails;
mod forms;
pub mod https;
pub mod i18n;
mod journey;
mod legacy;
mod login;
mod login_passkey;
mod pages;
mod register;
mod reset;
mod rp_logout;
pub mod session;
mod sessions;
mod templates;
mod two_factor;

pub use context::WebConfig;
pub use templates::Templates;

use std::sync::Arc;

use poem::endpoint::{make_sync, BoxEndpoint};
use poem::http::header;
use poem::{get, Endpoint, IntoResponse, Response, Route};

/// The whole JSON API as one endpoint. Paths of the original system that answer pages for some
/// methods and JSON API operations for others (see `api::LEGACY_PATHS`) route those methods to
/// it, so one path serves both.
pub type ApiEndpoint = Arc<BoxEndpoint<'static, poem::Response>>;

/// Adds the page routes to `route` (the JSON API is mounted beside them by `startup`, which
/// also provides `Templates`, `WebConfig` and `Services` as endpoint data). `api` serves the
/// API methods of the paths in `api::LEGACY_PATHS`.
pub fn mount(route: Route, api: ApiEndpoint) -> Route {
    let route = admin_console(admin_pages(accounts(route)));
    developer_apps(authorized_apps(route, api.clone()), api)
        .at("/", get(pages::index))
        .at(
            "/accounts/login/",
            get(login::login_form).post(login::login_submit),
        )
        .at(
            "/oauth2/authorize",
            get(authorize::authorize_get).post(authorize::authorize_post),
        )
        .at(
            "/oauth2/logout",
            get(rp_logout::rp_logout).post(rp_logout::rp_logout_confirm),
        )
        .at(
            "/device",
            get(device::device_form).post(device::device_submit),
        )
        .at(
            "/accounts/logout/",
            get(login::logout_form).post(login::logout_submit),
        )
        .at(
            "/static/style.css",
            asset(templates::STYLE_CSS, "text/css; charset=utf-8"),
        )
        .at(
            "/static/forms.js",
            asset(templates::FORMS_JS, "text/javascript; charset=utf-8"),
        )
        .at(
            "/static/password.js",
            asset(templates::PASSWORD_JS, "text/javascript; charset=utf-8"),
        )
        .at(
            "/static/form_post.js",
            asset(templates::FORM_POST_JS, "text/javascript; charset=utf-8"),
        )
        .at(
            "/static/passkeys.js",
            asset(templates::PASSKEYS_JS, "text/javascript; charset=utf-8"),
        )
}

/// An embedded static file, cached for an hour.
fn asset(body: &'static str, content_type: &'static str) -> impl Endpoint<Output = Response> {
    get(make_sync(move |_| {
        body.with_content_type(content_type)
            .with_header(header::CACHE_CONTROL, "public, max-age=3600")
            .into_response()
    }))
}

/// The self-service account pages: registration, email verification, password reset, profile.
fn accounts(route: Route) -> Route {
    two_factor_routes(route)
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
        .at(
            "/accounts/profile/language/",
            poem::post(account::change_language),
        )
        .at("/accounts/sessions/", get(sessions::list))
        .at(
            "/accounts/sessions/end-others/",
            poem::post(sessions::end_others_submit),
        )
        .at(
            "/accounts/sessions/:id/end/",
            poem::post(sessions::end_submit),
        )
        .at("/accounts/activity/", get(activity::own))
}

/// The administrators' pages: resource servers, the audit log, and the console's accounts,
/// groups and apps.
fn admin_pages(route: Route) -> Route {
    route
        .at(
            "/admin/resources/",
            get(admin_resources::list).post(admin_resources::create_submit),
        )
        .at(
            "/admin/resources/:id/delete/",
            poem::post(admin_resources::delete_submit),
        )
        .at("/admin/audit/", get(activity::admin))
        .at(
            "/admin/",
            get(make_sync(|_| context::see_other("/admin/users/"))),
        )
}

/// The console's accounts, groups and apps.
fn admin_console(route: Route) -> Route {
    use admin::{apps, groups, users};
    route
        .at("/admin/users/", get(users::list))
        .at("/admin/users/:id/", get(users::show))
        .at(
            "/admin/users/:id/disabled/",
            poem::post(users::set_disabled),
        )
        .at("/admin/users/:id/admin/", poem::post(users::set_admin))
        .at(
            "/admin/users/:id/second-factor/",
            poem::post(users::reset_second_factor),
        )
        .at(
            "/admin/users/:id/verification/",
            poem::post(users::resend_verification),
        )
        .at(
            "/admin/users/:id/delete/",
            get(users::delete_form).post(users::delete_submit),
        )
        .at("/admin/groups/", get(groups::list).post(groups::create))
        .at("/admin/groups/:id/", get(groups::show))
        .at("/admin/groups/:id/rename/", poem::post(groups::rename))
        .at("/admin/groups/:id/members/", poem::post(groups::add_member))
        .at(
            "/admin/groups/:id/members/:user_id/remove/",
            poem::post(groups::remove_member),
        )
        .at(
            "/admin/groups/:id/delete/",
            get(groups::delete_form).post(groups::delete_submit),
        )
        .at("/admin/apps/", get(apps::list))
        .at("/admin/apps/:id/", get(apps::show))
        .at("/admin/apps/:id/settings/", poem::post(apps::settings))
        .at(
            "/admin/apps/:id/delete/",
            get(apps::delete_form).post(apps::delete_submit),
        )
}

/// The second step of a login and two-step verification on the account page.
fn two_factor_routes(route: Route) -> Route {
    passkey_routes(route)
        .at(
            "/accounts/login/two-factor/",
            get(two_factor::code_form).post(two_factor::code_submit),
        )
        .at(
            "/accounts/profile/two-factor/",
            get(account_two_factor::show).post(account_two_factor::begin),
        )
        .at(
            "/accounts/profile/two-factor/confirm/",
            poem::post(account_two_factor::confirm),
        )
        .at(
            "/accounts/profile/two-factor/recovery-codes/",
            poem::post(account_two_factor::regenerate),
        )
        .at(
            "/accounts/profile/two-factor/disable/",
            poem::post(account_two_factor::disable),
        )
}

/// Passkeys: signing in with one, and the account's passkeys.
fn passkey_routes(route: Route) -> Route {
    route
        .at(
            "/accounts/login/passkey/",
            poem::post(login_passkey::submit),
        )
        .at(
            "/accounts/profile/passkeys/",
            get(account_passkeys::show).post(account_passkeys::add),
        )
        .at(
            "/accounts/profile/passkeys/:id/delete/",
            poem::post(account_passkeys::remove),
        )
}

/// The authorized-apps page and the resource API under the original paths (API only; their
/// trailing-slash spelling reaches the operations, which poem-openapi declares without it).
fn authorized_apps(route: Route, api: ApiEndpoint) -> Route {
    route
        .at("/oauth/authorized_tokens/", get(authorized_tokens::list))
        .at(
            "/oauth/authorized_tokens/:id/delete/",
            poem::delete(legacy::trailing_slash_to_api(api.clone()))
                .post(authorized_tokens::revoke_submit),
        )
        .at(
            "/oauth/authorized_tokens/:id/delete",
            poem::delete(legacy::to_api(api.clone())),
        )
        .at(
            "/accounts/resource/user/:id/",
            get(legacy::trailing_slash_to_api(api.clone())),
        )
        .at(
            "/accounts/resource/group/:id/",
            get(legacy::trailing_slash_to_api(api.clone())),
        )
}

/// The developer pages (the original paths). Their `PUT` and `DELETE` are API operations, which
/// poem-openapi declares without the trailing slash: both spellings reach them.
fn developer_apps(route: Route, api: ApiEndpoint) -> Route {
    route
        .at("/oauth/applications/", get(apps::list))
        .at(
            "/oauth/applications/register/",
            get(apps::register_form).post(apps::register_submit),
        )
        .at("/oauth/applications/:id/", get(apps::detail))
        .at(
            "/oauth/applications/:id/update/",
            get(apps::edit_form)
                .post(apps::update_submit)
                .put(legacy::trailing_slash_to_api(api.clone())),
        )
        .at(
            "/oauth/applications/:id/update",
            poem::put(legacy::to_api(api.clone())),
        )
        .at(
            "/oauth/applications/:id/delete/",
            get(apps::delete_form)
                .post(apps::delete_submit)
                .delete(legacy::trailing_slash_to_api(api.clone())),
        )
        .at(
            "/oauth/applications/:id/delete",
            poem::delete(legacy::to_api(api)),
        )
        .at(
            "/oauth/applications/:id/rotate-secret/",
            poem::post(apps::rotate_submit),
        )
        .at(
            "/static/apps.js",
            asset(templates::APPS_JS, "text/javascript; charset=utf-8"),
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
