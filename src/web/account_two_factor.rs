//! Two-step verification on the account (`/accounts/profile/two-factor/`): its state, setting
//! it up (a QR code drawn here as inline SVG, no external service, and the secret as text,
//! confirmed by a first code), the recovery codes (shown once, on the page answering the POST
//! that made them), drawing new ones, and turning it off (both after the password or a
//! current code). Every POST needs the session and its CSRF token.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use qrcode::render::svg;
use qrcode::QrCode;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, status_for, FieldErrors};
use crate::domain::User;
use crate::service::two_factor::{self, Status};
use crate::service::ServiceError;

const PAGE: &str = "/accounts/profile/two-factor/";
const LOGIN_FIRST: &str = "/accounts/login/?next=/accounts/profile/two-factor/";

#[derive(Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

/// The QR code of an `otpauth://` URI as inline SVG (presentation attributes only, so the
/// page's content security policy needs no inline styles), labelled for screen readers.
fn qr_svg(uri: &str) -> Option<String> {
    let code = QrCode::new(uri.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let start = image.find("<svg")?;
    Some(image[start..].replacen(
        "<svg ",
        "<svg role=\"img\" aria-labelledby=\"qr-label\" ",
        1,
    ))
}

async fn page(
    ctx: &Ctx<'_>,
    user: &User,
    status: StatusCode,
    done: &str,
    errors: FieldErrors,
) -> Response {
    let state = match two_factor::status(ctx.svc, user).await {
        Ok(s) => s,
        Err(e) => return ctx.service_error_page(&e),
    };
    let (state, setup, codes_left) = match state {
        Status::Off => ("off", None, 0),
        Status::Enrolling(e) => {
            let setup = minijinja::context! {
                secret => e.secret_base32, uri => &e.uri,
                qr => qr_svg(&e.uri).map(minijinja::Value::from_safe_string),
            };
            ("enrolling", Some(setup), 0)
        }
        Status::On {
            recovery_codes_left,
        } => ("on", None, recovery_codes_left),
    };
    let notice = matches!(done, "on" | "off").then(|| {
        ctx.templates
            .translations()
            .get(ctx.lang, &format!("two_factor.done_{done}"))
            .to_owned()
    });
    let page = minijinja::context! { state, setup, codes_left, notice, errors };
    ctx.render(status, "two_factor.html", page)
}

/// The page again with the failure's field errors, or the error page.
async fn failure(ctx: &Ctx<'_>, user: &User, e: &ServiceError) -> Response {
    match field_errors(ctx, e) {
        Some(errors) => page(ctx, user, status_for(e), "", errors).await,
        None if matches!(e, ServiceError::Refused(_)) => see_other(PAGE),
        None => ctx.service_error_page(e),
    }
}

/// The recovery codes, shown this once.
fn codes_page(ctx: &Ctx<'_>, codes: &[String], first: bool) -> Response {
    let page = minijinja::context! { codes, first };
    ctx.render(StatusCode::OK, "two_factor_codes.html", page)
}

#[handler]
pub async fn show(ctx: Ctx<'_>, Query(q): Query<DoneQuery>) -> Response {
    match ctx.signed_in(LOGIN_FIRST) {
        Ok((_, user)) => page(&ctx, user, StatusCode::OK, &q.done, FieldErrors::new()).await,
        Err(resp) => resp,
    }
}

#[derive(Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf_token: String,
}

/// Starts setting it up: a new secret, shown on the page until confirmed.
#[handler]
pub async fn begin(mut ctx: Ctx<'_>, Form(f): Form<CsrfForm>) -> Response {
    ctx.page_at(PAGE);
    let (_, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    match two_factor::begin(ctx.svc, user).await {
        Ok(_) => see_other(PAGE),
        Err(e) => failure(&ctx, user, &e).await,
    }
}

#[derive(Default, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn confirm(mut ctx: Ctx<'_>, Form(f): Form<CodeForm>) -> Response {
    ctx.page_at(PAGE);
    let (session, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    let client = ctx.client();
    match two_factor::confirm(ctx.svc, user, &f.code, Some(session.id.as_str()), &client).await {
        Ok(codes) => codes_page(&ctx, &codes, true),
        Err(e) => failure(&ctx, user, &e).await,
    }
}

#[derive(Default, Deserialize)]
pub struct ProofForm {
    #[serde(default)]
    proof: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn regenerate(mut ctx: Ctx<'_>, Form(f): Form<ProofForm>) -> Response {
    ctx.page_at(PAGE);
    let (_, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    let client = ctx.client();
    match two_factor::regenerate_recovery_codes(ctx.svc, user, &f.proof, &client).await {
        Ok(codes) => codes_page(&ctx, &codes, false),
        Err(e) => failure(&ctx, user, &e).await,
    }
}

#[handler]
pub async fn disable(mut ctx: Ctx<'_>, Form(f): Form<ProofForm>) -> Response {
    ctx.page_at(PAGE);
    let (_, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    match two_factor::disable(ctx.svc, user, &f.proof, &ctx.client()).await {
        Ok(()) => see_other("/accounts/profile/two-factor/?done=off"),
        Err(e) => failure(&ctx, user, &e).await,
    }
}
