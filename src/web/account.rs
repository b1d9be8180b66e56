//! The account page (`/accounts/profile/`, after login): display name, the language for pages
//! and emails (remembered on the account, see `i18n`), email address (a change
//! is confirmed from the NEW address) and password (this session stays; the other sessions end
//! and the apps' grants are revoked; the check is throttled like a login). Each section is its
//! own form posting to its own path; success redirects back with `?done=...` (PRG).

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, FieldErrors};
use super::i18n::Lang;
use crate::domain::User;
use crate::service::{profile, ServiceError};

const LOGIN_FIRST: &str = "/accounts/login/?next=/accounts/profile/";
/// The account page, which the POST-only forms of this module re-render with their errors.
const ACCOUNT_PAGE: &str = "/accounts/profile/";

#[derive(Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

/// What the page shows besides the account: the form that failed, its errors and values.
#[derive(Default)]
struct Failed<'a> {
    errors: FieldErrors,
    display_name: Option<&'a str>,
    new_email: &'a str,
}

fn account_page(
    ctx: &Ctx<'_>,
    user: &User,
    status: StatusCode,
    done: &str,
    failed: Failed<'_>,
) -> Response {
    let notice = match done {
        "profile" | "email" | "password" => {
            let key = format!("account.done_{done}");
            Some(ctx.templates.translations().get(ctx.lang, &key).to_owned())
        }
        "language" => {
            let key = "account_language.done";
            Some(ctx.templates.translations().get(ctx.lang, key).to_owned())
        }
        _ => None,
    };
    let account = minijinja::context! {
        username => user.username.as_str(),
        email => user.email.as_str(),
        email_verified => user.email_verified,
        display_name => failed.display_name.or(user.display_name.as_deref()).unwrap_or(""),
        locale => user.locale.as_deref().and_then(Lang::parse).unwrap_or(ctx.lang).code(),
    };
    let languages: Vec<_> = Lang::ALL
        .iter()
        .map(|l| minijinja::context! { code => l.code(), label => l.label() })
        .collect();
    let errors = failed.errors;
    let values = minijinja::context! { new_email => failed.new_email };
    ctx.render(
        status,
        "account.html",
        minijinja::context! { account, languages, notice, errors, values },
    )
}

fn failure<'f>(
    ctx: &Ctx<'_>,
    user: &User,
    e: &ServiceError,
    failed: impl FnOnce(FieldErrors) -> Failed<'f>,
) -> Response {
    match field_errors(ctx, e) {
        Some(errors) => {
            let status = super::forms::status_for(e);
            account_page(ctx, user, status, "", failed(errors))
        }
        None => ctx.service_error_page(e),
    }
}

#[handler]
pub async fn show(ctx: Ctx<'_>, Query(q): Query<DoneQuery>) -> Response {
    match ctx.signed_in(LOGIN_FIRST) {
        Ok((_, user)) => account_page(&ctx, user, StatusCode::OK, &q.done, Failed::default()),
        Err(resp) => resp,
    }
}

#[derive(Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn update_profile(mut ctx: Ctx<'_>, Form(f): Form<ProfileForm>) -> Response {
    ctx.page_at(ACCOUNT_PAGE);
    let (_, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    match profile::update_display_name(ctx.svc, &user.id, Some(&f.display_name)).await {
        Ok(_) => see_other("/accounts/profile/?done=profile"),
        Err(e) => failure(&ctx, user, &e, |errors| Failed {
            errors,
            display_name: Some(&f.display_name),
            ..Failed::default()
        }),
    }
}

#[derive(Default, Deserialize)]
pub struct EmailChangeForm {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn change_email(mut ctx: Ctx<'_>, Form(f): Form<EmailChangeForm>) -> Response {
    ctx.page_at(ACCOUNT_PAGE);
    let (_, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    match profile::request_email_change(ctx.svc, user, &f.new_email, ctx.client_ip).await {
        Ok(()) => see_other("/accounts/profile/?done=email"),
        Err(e) => failure(&ctx, user, &e, |errors| Failed {
            errors: errors
                .into_iter()
                .map(|(k, v)| (if k == "email" { "new_email" } else { k }, v))
                .collect(),
            new_email: &f.new_email,
            ..Failed::default()
        }),
    }
}

#[derive(Default, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn change_password(mut ctx: Ctx<'_>, Form(f): Form<PasswordForm>) -> Response {
    ctx.page_at(ACCOUNT_PAGE);
    let (session, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    let client = ctx.client();
    let change = profile::PasswordChange {
        current: &f.current_password,
        new: &f.password,
        confirm: Some(&f.password_confirm),
        keep_session: Some(&session.id),
        client_ip: ctx.client_ip,
        user_agent: client.user_agent.as_deref(),
    };
    match profile::change_password(ctx.svc, user, change).await {
        Ok(()) => see_other("/accounts/profile/?done=password"),
        Err(e) => failure(&ctx, user, &e, |errors| Failed {
            errors,
            ..Failed::default()
        }),
    }
}

#[derive(Default, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    locale: String,
    #[serde(default)]
    csrf_token: String,
}

/// "Language for pages and emails": remembered on the account and used at once for the pages.
#[handler]
pub async fn change_language(mut ctx: Ctx<'_>, Form(f): Form<LanguageForm>) -> Response {
    ctx.page_at(ACCOUNT_PAGE);
    let user = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok((_, user)) => user.clone(),
        Err(resp) => return resp,
    };
    match profile::set_locale(ctx.svc, &user.id, &f.locale).await {
        Ok(stored) => {
            if let Some(lang) = stored.locale.as_deref().and_then(Lang::parse) {
                ctx.use_lang(lang);
            }
            see_other("/accounts/profile/?done=language")
        }
        Err(e) => failure(&ctx, &user, &e, |errors| Failed {
            errors,
            ..Failed::default()
        }),
    }
}
