//! "Forgot password" (`/accounts/password_reset/`, the original path): ask for a link by email
//! (always the same answer, registered or not), then set a new password on
//! `/accounts/reset/?token=...`. Success ends every session of the account.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, message_page, required, status_for, FieldErrors};
use super::register::{email_page, EmailForm, TokenQuery};
use crate::service::password_reset;

#[handler]
pub async fn request_form(ctx: Ctx<'_>) -> Response {
    email_page(
        &ctx,
        "password_reset.html",
        StatusCode::OK,
        "",
        FieldErrors::new(),
    )
}

#[handler]
pub async fn request_submit(ctx: Ctx<'_>, Form(f): Form<EmailForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let page = |status, errors| email_page(&ctx, "password_reset.html", status, &f.email, errors);
    if f.email.trim().is_empty() {
        return page(StatusCode::UNPROCESSABLE_ENTITY, required(&ctx, "email"));
    }
    match password_reset::request_reset(ctx.svc, &f.email, ctx.client_ip).await {
        Ok(()) => see_other("/accounts/password_reset/done/"),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => page(status_for(&e), errors),
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn request_done(ctx: Ctx<'_>) -> Response {
    message_page(
        &ctx,
        "reset.requested",
        Some(("/accounts/login/", "nav.login")),
    )
}

#[derive(Default, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    #[serde(default)]
    csrf_token: String,
}

fn reset_page(ctx: &Ctx<'_>, status: StatusCode, token: &str, errors: FieldErrors) -> Response {
    ctx.render(status, "reset.html", minijinja::context! { token, errors })
}

#[handler]
pub async fn reset_form(ctx: Ctx<'_>, Query(q): Query<TokenQuery>) -> Response {
    reset_page(&ctx, StatusCode::OK, &q.token, FieldErrors::new())
}

#[handler]
pub async fn reset_submit(ctx: Ctx<'_>, Form(f): Form<ResetForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let confirm = Some(f.password_confirm.as_str());
    match password_reset::confirm_reset(ctx.svc, &f.token, &f.password, confirm).await {
        Ok(()) => see_other("/accounts/reset/done/"),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => reset_page(&ctx, status_for(&e), &f.token, errors),
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn reset_done(ctx: Ctx<'_>) -> Response {
    message_page(&ctx, "reset.done", Some(("/accounts/login/", "nav.login")))
}
