//! `/device` (RFC 8628 §3.3): the verification page of the device authorization grant. A
//! logged-in person types the user code the device shows (form field `user_code`;
//! `verification_uri_complete` pre-fills it), sees the app and the scopes it asks for in plain
//! words, and answers with `decision=allow|deny`. Every form carries the CSRF token; wrong codes
//! are shown next to the field and throttled (see `service::oauth::device_verify`).

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::consent_view::consent_lists;
use super::context::{retry_args, see_other, with_retry_after, Ctx};
use crate::domain::{Session, User};
use crate::service::oauth::device_verify::{self, PendingDevice, VerifyError};

#[derive(Debug, Default, Deserialize)]
pub struct DeviceQuery {
    #[serde(default)]
    user_code: String,
}

#[derive(Default, Deserialize)]
pub struct DeviceForm {
    #[serde(default)]
    user_code: String,
    decision: Option<String>,
    #[serde(default)]
    csrf_token: String,
}

/// The login page, then back here with the code typed so far.
fn login_redirect(user_code: &str) -> Response {
    let mut next = String::from("/device");
    if !user_code.is_empty() {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("user_code", user_code);
        next = format!("{next}?{}", q.finish());
    }
    let mut login = url::form_urlencoded::Serializer::new(String::new());
    login.append_pair("next", &next);
    see_other(&format!("/accounts/login/?{}", login.finish()))
}

/// The form asking for the user code, with an error next to the field when there is one.
fn code_form(
    ctx: &Ctx<'_>,
    status: StatusCode,
    user_code: &str,
    error: Option<String>,
) -> Response {
    let page = minijinja::context! { step => "enter", user_code, error };
    ctx.render(status, "device.html", page)
}

fn consent(ctx: &Ctx<'_>, p: &PendingDevice) -> Response {
    let (scopes, resources) = consent_lists(ctx, &p.scopes, &p.resources);
    let page = minijinja::context! {
        step => "consent", user_code => p.user_code, app => p.client.name,
        description => p.client.description, homepage => p.client.homepage_url, scopes,
        resources,
    };
    ctx.render(StatusCode::OK, "device.html", page)
}

fn refused(ctx: &Ctx<'_>, user_code: &str, e: &VerifyError) -> Response {
    let t = ctx.templates.translations();
    match e {
        VerifyError::InvalidCode => {
            let error = t.get(ctx.lang, "device.invalid").to_owned();
            code_form(ctx, StatusCode::BAD_REQUEST, user_code, Some(error))
        }
        VerifyError::Throttled(secs) => {
            let args = retry_args(ctx.svc.now(), *secs);
            let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
            let error = t.format(ctx.lang, "device.throttled", &args);
            let form = code_form(ctx, StatusCode::TOO_MANY_REQUESTS, user_code, Some(error));
            with_retry_after(form, *secs)
        }
        VerifyError::Service(e) => ctx.service_error_page(e),
    }
}

/// The logged-in session, or the response to give instead.
fn session_or<'c>(ctx: &'c Ctx<'_>, user_code: &str) -> Result<&'c (Session, User), Box<Response>> {
    match &ctx.session {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(Box::new(login_redirect(user_code))),
        Err(_) => Err(Box::new(
            ctx.error_page(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable"),
        )),
    }
}

#[handler]
pub async fn device_form(ctx: Ctx<'_>, Query(q): Query<DeviceQuery>) -> Response {
    if let Err(resp) = session_or(&ctx, &q.user_code) {
        return *resp;
    }
    code_form(&ctx, StatusCode::OK, &q.user_code, None)
}

#[handler]
pub async fn device_submit(mut ctx: Ctx<'_>, Form(f): Form<DeviceForm>) -> Response {
    ctx.keep(&[("user_code", &f.user_code)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let session = match session_or(&ctx, &f.user_code) {
        Ok(s) => s,
        Err(resp) => return *resp,
    };
    let ip = ctx.client_ip;
    let Some(decision) = f.decision.as_deref() else {
        return match device_verify::find_pending(ctx.svc, &session.1, ip, &f.user_code).await {
            Ok(p) => consent(&ctx, &p),
            Err(e) => refused(&ctx, &f.user_code, &e),
        };
    };
    let allow = decision == "allow";
    match device_verify::answer(ctx.svc, session, ip, &f.user_code, allow).await {
        Ok(p) => {
            let step = if allow { "approved" } else { "denied" };
            let page = minijinja::context! { step, app => p.client.name };
            ctx.render(StatusCode::OK, "device.html", page)
        }
        Err(e) => refused(&ctx, &f.user_code, &e),
    }
}
