//! "Forgot password" (`/accounts/password_reset/`, the original path): ask for a link by email
//! (always the same answer, registered or not), then set a new password on
//! `/accounts/reset/?token=...`. Success ends every session of the account. A local `next`
//! travels with the form, the emailed link and the pages that follow, to the login.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, message_page, required, status_for, FieldErrors};
use super::journey::{local_next, with_next, NextQuery};
use super::register::{email_page, EmailForm, TokenQuery};
use crate::service::password_reset;

#[handler]
pub async fn request_form(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let f = EmailForm {
        next: q.next,
        ..EmailForm::default()
    };
    email_page(
        &ctx,
        "password_reset.html",
        StatusCode::OK,
        &f,
        FieldErrors::new(),
    )
}

#[handler]
pub async fn request_submit(mut ctx: Ctx<'_>, Form(f): Form<EmailForm>) -> Response {
    ctx.keep(&[("next", &f.next)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let page = |status, errors| email_page(&ctx, "password_reset.html", status, &f, errors);
    if f.email.trim().is_empty() {
        return page(StatusCode::UNPROCESSABLE_ENTITY, required(&ctx, "email"));
    }
    let next = local_next(&f.next);
    match password_reset::request_reset(ctx.svc, &f.email, ctx.client_ip, next).await {
        Ok(()) => see_other(&with_next("/accounts/password_reset/done/", &f.next)),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => page(status_for(&e), errors),
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn request_done(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let login = with_next("/accounts/login/", &q.next);
    message_page(&ctx, "reset.requested", Some((&login, "nav.login")))
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
    next: String,
    #[serde(default)]
    csrf_token: String,
}

fn reset_page(ctx: &Ctx<'_>, status: StatusCode, q: &TokenQuery, errors: FieldErrors) -> Response {
    let page = minijinja::context! {
        token => q.token, next => local_next(&q.next), errors,
        ask_again_href => with_next("/accounts/password_reset/", &q.next),
    };
    ctx.render(status, "reset.html", page)
}

#[handler]
pub async fn reset_form(ctx: Ctx<'_>, Query(q): Query<TokenQuery>) -> Response {
    reset_page(&ctx, StatusCode::OK, &q, FieldErrors::new())
}

#[handler]
pub async fn reset_submit(mut ctx: Ctx<'_>, Form(f): Form<ResetForm>) -> Response {
    ctx.keep(&[("token", &f.token), ("next", &f.next)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let confirm = Some(f.password_confirm.as_str());
    let client = ctx.client();
    match password_reset::confirm_reset(ctx.svc, &f.token, &f.password, confirm, &client).await {
        Ok(()) => see_other(&with_next("/accounts/reset/done/", &f.next)),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => {
                let q = TokenQuery {
                    token: f.token.clone(),
                    next: f.next.clone(),
                };
                reset_page(&ctx, status_for(&e), &q, errors)
            }
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn reset_done(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let login = with_next("/accounts/login/", &q.next);
    message_page(&ctx, "reset.done", Some((&login, "nav.login")))
}
