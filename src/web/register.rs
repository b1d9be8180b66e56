//! Registration (`/accounts/register/`, the original path) and email verification
//! (`/accounts/verify-email/?token=...`, plus a form to ask for a new link). The verification
//! link shows a confirmation button rather than acting on GET, so that mail scanners which
//! prefetch links cannot use up the token. A local `next` (the app's authorization request) is
//! carried through the form, the emailed link and the pages that follow, to the login that
//! leads back to it.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, message_page, required, status_for, FieldErrors};
use super::journey::{app_asking, local_next, with_next, NextQuery};
use crate::service::{email_verification, registration};

#[derive(Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    csrf_token: String,
}

async fn register_page(
    ctx: &Ctx<'_>,
    status: StatusCode,
    f: &RegisterForm,
    errors: FieldErrors,
) -> Response {
    let values = minijinja::context! { username => f.username, email => f.email };
    let page = minijinja::context! {
        values, errors, next => local_next(&f.next), app => app_asking(ctx.svc, &f.next).await,
        login_href => with_next("/accounts/login/", &f.next),
    };
    ctx.render(status, "register.html", page)
}

#[handler]
pub async fn register_form(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let form = RegisterForm {
        next: q.next,
        ..RegisterForm::default()
    };
    register_page(&ctx, StatusCode::OK, &form, FieldErrors::new()).await
}

#[handler]
pub async fn register_submit(mut ctx: Ctx<'_>, Form(f): Form<RegisterForm>) -> Response {
    ctx.keep(&[("next", &f.next)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let reg = registration::Registration {
        username: f.username.clone(),
        email: f.email.clone(),
        password: f.password.clone(),
        password_confirm: Some(f.password_confirm.clone()),
        locale: Some(ctx.lang.code().to_owned()),
        client_ip: ctx.client_ip,
        next: local_next(&f.next).map(str::to_owned),
    };
    match registration::register(ctx.svc, reg).await {
        Ok(_) => see_other(&with_next("/accounts/register/done/", &f.next)),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => register_page(&ctx, status_for(&e), &f, errors).await,
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn register_done(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let login = with_next("/accounts/login/", &q.next);
    message_page(&ctx, "register.done", Some((&login, "nav.login")))
}

#[derive(Default, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub next: String,
}

#[handler]
pub async fn verify_form(ctx: Ctx<'_>, Query(q): Query<TokenQuery>) -> Response {
    if q.token.is_empty() {
        return ctx.error_page(StatusCode::BAD_REQUEST, "fields.token.invalid");
    }
    let page = minijinja::context! { token => q.token, next => local_next(&q.next) };
    ctx.render(StatusCode::OK, "verify.html", page)
}

#[derive(Default, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn verify_submit(mut ctx: Ctx<'_>, Form(f): Form<TokenForm>) -> Response {
    ctx.keep(&[("token", &f.token), ("next", &f.next)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    match email_verification::verify_email(ctx.svc, &f.token, &ctx.client()).await {
        Ok(_) => see_other(&with_next("/accounts/verify-email/done/", &f.next)),
        Err(e) if field_errors(&ctx, &e).is_some() => {
            ctx.error_page(StatusCode::BAD_REQUEST, "fields.token.invalid")
        }
        Err(e) => ctx.service_error_page(&e),
    }
}

/// After verification: back to the app through the login when the flow started at one.
#[handler]
pub async fn verify_done(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let link = match (local_next(&q.next), ctx.user()) {
        (Some(next), Some(_)) => (next.to_owned(), "verify.continue"),
        (Some(_), None) => (with_next("/accounts/login/", &q.next), "nav.login"),
        (None, _) => ("/accounts/profile/".to_owned(), "account.title"),
    };
    message_page(&ctx, "verify.done", Some((&link.0, link.1)))
}

#[derive(Default, Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub next: String,
    #[serde(default)]
    pub csrf_token: String,
}

/// A one-field (email) form page: resend verification, forgot password.
pub(super) fn email_page(
    ctx: &Ctx<'_>,
    template: &str,
    status: StatusCode,
    f: &EmailForm,
    errors: FieldErrors,
) -> Response {
    let values = minijinja::context! { email => f.email };
    let page = minijinja::context! {
        values, errors, next => local_next(&f.next),
        login_href => with_next("/accounts/login/", &f.next),
    };
    ctx.render(status, template, page)
}

#[handler]
pub async fn resend_form(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let f = EmailForm {
        next: q.next,
        ..EmailForm::default()
    };
    email_page(&ctx, "resend.html", StatusCode::OK, &f, FieldErrors::new())
}

#[handler]
pub async fn resend_submit(mut ctx: Ctx<'_>, Form(f): Form<EmailForm>) -> Response {
    ctx.keep(&[("next", &f.next)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    if f.email.trim().is_empty() {
        let errors = required(&ctx, "email");
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return email_page(&ctx, "resend.html", status, &f, errors);
    }
    let next = local_next(&f.next);
    match email_verification::resend_verification(ctx.svc, &f.email, ctx.client_ip, next).await {
        Ok(()) => see_other(&with_next("/accounts/verify-email/resend/done/", &f.next)),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => email_page(&ctx, "resend.html", status_for(&e), &f, errors),
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn resend_done(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let login = with_next("/accounts/login/", &q.next);
    message_page(&ctx, "resend.done", Some((&login, "nav.login")))
}
