//! Registration (`/accounts/register/`, the original path) and email verification
//! (`/accounts/verify-email/?token=...`, plus a form to ask for a new link). The verification
//! link shows a confirmation button rather than acting on GET, so that mail scanners which
//! prefetch links cannot use up the token.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, message_page, required, status_for, FieldErrors};
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
    csrf_token: String,
}

fn register_page(
    ctx: &Ctx<'_>,
    status: StatusCode,
    f: &RegisterForm,
    errors: FieldErrors,
) -> Response {
    let values = minijinja::context! { username => f.username, email => f.email };
    ctx.render(
        status,
        "register.html",
        minijinja::context! { values, errors },
    )
}

#[handler]
pub async fn register_form(ctx: Ctx<'_>) -> Response {
    register_page(
        &ctx,
        StatusCode::OK,
        &RegisterForm::default(),
        FieldErrors::new(),
    )
}

#[handler]
pub async fn register_submit(ctx: Ctx<'_>, Form(f): Form<RegisterForm>) -> Response {
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
    };
    match registration::register(ctx.svc, reg).await {
        Ok(_) => see_other("/accounts/register/done/"),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => register_page(&ctx, status_for(&e), &f, errors),
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn register_done(ctx: Ctx<'_>) -> Response {
    message_page(
        &ctx,
        "register.done",
        Some(("/accounts/login/", "nav.login")),
    )
}

#[derive(Default, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    pub token: String,
}

#[handler]
pub async fn verify_form(ctx: Ctx<'_>, Query(q): Query<TokenQuery>) -> Response {
    if q.token.is_empty() {
        return ctx.error_page(StatusCode::BAD_REQUEST, "fields.token.invalid");
    }
    ctx.render(
        StatusCode::OK,
        "verify.html",
        minijinja::context! { token => q.token },
    )
}

#[derive(Default, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn verify_submit(ctx: Ctx<'_>, Form(f): Form<TokenForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    match email_verification::verify_email(ctx.svc, &f.token).await {
        Ok(_) => see_other("/accounts/verify-email/done/"),
        Err(e) if field_errors(&ctx, &e).is_some() => {
            ctx.error_page(StatusCode::BAD_REQUEST, "fields.token.invalid")
        }
        Err(e) => ctx.service_error_page(&e),
    }
}

#[handler]
pub async fn verify_done(ctx: Ctx<'_>) -> Response {
    message_page(
        &ctx,
        "verify.done",
        Some(("/accounts/profile/", "account.title")),
    )
}

#[derive(Default, Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub csrf_token: String,
}

/// A one-field (email) form page: resend verification, forgot password.
pub(super) fn email_page(
    ctx: &Ctx<'_>,
    template: &str,
    status: StatusCode,
    email: &str,
    errors: FieldErrors,
) -> Response {
    let values = minijinja::context! { email };
    ctx.render(status, template, minijinja::context! { values, errors })
}

#[handler]
pub async fn resend_form(ctx: Ctx<'_>) -> Response {
    email_page(&ctx, "resend.html", StatusCode::OK, "", FieldErrors::new())
}

#[handler]
pub async fn resend_submit(ctx: Ctx<'_>, Form(f): Form<EmailForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    if f.email.trim().is_empty() {
        let errors = required(&ctx, "email");
        return email_page(
            &ctx,
            "resend.html",
            StatusCode::UNPROCESSABLE_ENTITY,
            &f.email,
            errors,
        );
    }
    match email_verification::resend_verification(ctx.svc, &f.email, ctx.client_ip).await {
        Ok(()) => see_other("/accounts/verify-email/resend/done/"),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => email_page(&ctx, "resend.html", status_for(&e), &f.email, errors),
            None => ctx.service_error_page(&e),
        },
    }
}

#[handler]
pub async fn resend_done(ctx: Ctx<'_>) -> Response {
    message_page(&ctx, "resend.done", Some(("/accounts/login/", "nav.login")))
}
