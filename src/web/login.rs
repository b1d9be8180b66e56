//! Login and logout pages (`/accounts/login/`, `/accounts/logout/`; the original paths).
//! The login form has two fields, `username` (username or email) and `password`; a successful
//! login starts a new session and redirects (303) to `next` when it is a local path. The page
//! names the app when `next` is its authorization request, and its links to registration and
//! password reset carry `next`, so a person who signs up or resets gets back to the app.
//!
//! A login sets the page language to the one remembered on the account, unless the person
//! switched language on the login page itself: that fresh choice is kept and remembered on
//! the account (for their pages elsewhere and their emails).
//!
//! An account with two-step verification on gets no session from the password: the page asks
//! for the code instead (`two_factor`), and the session starts when it passes. The session
//! records the device (User-Agent) and address; a sign-in from a device not seen before is
//! told to the person by email (`service::security_mail`).

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{retry_args, see_other, with_retry_after, Ctx};
use super::i18n::Lang;
use super::journey::is_local_path;
use super::journey::{app_asking, with_next};
use super::session;
use crate::domain::User;
use crate::metrics::{metrics, SignInOutcome, SignInStep};
use crate::service::login::{login, LoginError};
use crate::service::{profile, security_mail, sessions, two_factor};

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
    /// Set by the language switch of the login page: the person's choice while logging in.
    #[serde(default)]
    lang: String,
}

#[derive(Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
    /// The language chosen on the login page (empty when none was).
    #[serde(default)]
    lang: String,
    #[serde(default)]
    csrf_token: String,
}

/// Where a login leads: `next` when it is a local path, else the account page.
pub(super) fn target(next: &str) -> &str {
    if is_local_path(next) {
        next
    } else {
        "/accounts/profile/"
    }
}

/// What the login form carries from page to submit besides the fields: `next` and the
/// language chosen on the page.
pub(super) struct Carried<'a> {
    pub(super) next: &'a str,
    pub(super) lang: &'a str,
}

pub(super) async fn login_page(
    ctx: &Ctx<'_>,
    status: StatusCode,
    username: &str,
    carried: Carried<'_>,
    error: Option<(&str, &[(&str, &str)])>,
) -> Response {
    let Carried { next, lang } = carried;
    let chosen_lang = Lang::parse(lang).map(Lang::code);
    let unverified = matches!(error, Some(("login.unverified", _)));
    let error = error.map(|(k, args)| ctx.templates.translations().format(ctx.lang, k, args));
    let app = app_asking(ctx.svc, next).await;
    let passkey = passkey_challenge(ctx);
    let page = minijinja::context! {
        username, next => target(next), chosen_lang, error, unverified, app, passkey,
        register_href => with_next("/accounts/register/", next),
        reset_href => with_next("/accounts/password_reset/", next),
        resend_href => with_next("/accounts/verify-email/resend/", next),
    };
    ctx.render(status, "login.html", page)
}

/// The challenge of the page's "Sign in with a passkey" form (none when it cannot be made:
/// the password form still works).
fn passkey_challenge(ctx: &Ctx<'_>) -> Option<minijinja::Value> {
    let purpose = crate::service::passkeys::ceremony::Purpose::SignIn;
    let issued =
        crate::service::passkeys::ceremony::issue(ctx.svc, purpose, None, &ctx.csrf_token());
    match issued {
        Ok(i) => Some(minijinja::context! {
            challenge => i.challenge, token => i.token, rp_id => i.rp_id,
        }),
        Err(e) => {
            tracing::warn!(error = %e, "no passkey challenge for the login page");
            None
        }
    }
}

/// The status and message of a refused login.
fn refusal(e: &LoginError) -> Option<(StatusCode, &'static str)> {
    match e {
        LoginError::InvalidCredentials => Some((StatusCode::UNAUTHORIZED, "login.invalid")),
        LoginError::Disabled => Some((StatusCode::FORBIDDEN, "login.disabled")),
        LoginError::Unverified => Some((StatusCode::FORBIDDEN, "login.unverified")),
        LoginError::Throttled(_) => Some((StatusCode::TOO_MANY_REQUESTS, "login.throttled")),
        LoginError::Service(_) => None,
    }
}

#[handler]
pub async fn login_form(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    let carried = Carried {
        next: &q.next,
        lang: &q.lang,
    };
    login_page(&ctx, StatusCode::OK, "", carried, None).await
}

/// After a login: the language chosen on the login page is remembered on the account and
/// kept; without one, the account's language becomes the page language.
async fn apply_account_lang(ctx: &mut Ctx<'_>, user: &User, chosen: &str) {
    if let Some(lang) = Lang::parse(chosen) {
        if let Err(e) = profile::set_locale(ctx.svc, &user.id, lang.code()).await {
            tracing::warn!(user_id = %user.id, error = %e, "language not remembered on the account");
        }
        ctx.use_lang(lang);
    } else if let Some(lang) = user.locale.as_deref().and_then(Lang::parse) {
        ctx.use_lang(lang);
    }
}

#[handler]
pub async fn login_submit(mut ctx: Ctx<'_>, Form(f): Form<LoginForm>) -> Response {
    ctx.keep(&[("next", &f.next)]);
    let carried = || Carried {
        next: &f.next,
        lang: &f.lang,
    };
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    if f.username.trim().is_empty() || f.password.is_empty() {
        let error = Some(("login.required", &[][..]));
        return login_page(&ctx, StatusCode::BAD_REQUEST, &f.username, carried(), error).await;
    }
    let user = login(ctx.svc, &f.username, &f.password, ctx.client_ip).await;
    let step = SignInStep::Password;
    if let Err(e) = &user {
        metrics().sign_in(step, refused(e));
    }
    let user = match user {
        Ok(u) => u,
        Err(LoginError::Service(e)) => return ctx.service_error_page(&e),
        Err(LoginError::Throttled(secs)) => {
            let args = retry_args(ctx.svc.now(), secs);
            let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
            let error = Some(("login.throttled", &args[..]));
            let page = login_page(
                &ctx,
                StatusCode::TOO_MANY_REQUESTS,
                &f.username,
                carried(),
                error,
            )
            .await;
            return with_retry_after(page, secs);
        }
        Err(e) => {
            let (status, key) = refusal(&e).unwrap_or((StatusCode::UNAUTHORIZED, "login.invalid"));
            let error = Some((key, &[][..]));
            return login_page(&ctx, status, &f.username, carried(), error).await;
        }
    };
    match two_factor::is_on(ctx.svc, &user.id).await {
        Ok(true) => {
            metrics().sign_in(step, SignInOutcome::SecondStep);
            let carried = super::two_factor::Carried {
                next: &f.next,
                lang: &f.lang,
            };
            return super::two_factor::ask_for_code(&ctx, &user, &f.csrf_token, carried);
        }
        Ok(false) => {}
        Err(e) => {
            metrics().sign_in(step, SignInOutcome::Error);
            return ctx.service_error_page(&e);
        }
    }
    let amr = crate::domain::amr_of_login(false);
    finish_login(&mut ctx, (&user, step), amr, (&f.lang, &f.next)).await
}

/// Starts the session of a person who proved who they are (password, and the second step
/// when it is on) and leads them to `next`.
pub(super) async fn finish_login(
    ctx: &mut Ctx<'_>,
    (user, step): (&User, SignInStep),
    amr: Vec<String>,
    (lang, next): (&str, &str),
) -> Response {
    let previous = session::cookie_value(ctx.jar);
    let client = ctx.client();
    match sessions::start_session_with(ctx.svc, user, previous.as_deref(), &client, amr).await {
        Ok(started) => {
            let secure = ctx.cfg.secure_cookies;
            session::set_cookie(ctx.jar, &started.cookie_value, secure);
            let known = session::device_value(ctx.jar);
            let device = security_mail::signed_in_from(ctx.svc, user, known.as_deref(), &client);
            session::set_device_cookie(ctx.jar, &device.await, secure);
            apply_account_lang(ctx, user, lang).await;
            tracing::info!(user_id = %user.id, "logged in");
            metrics().sign_in(step, SignInOutcome::Success);
            see_other(target(next))
        }
        Err(e) => {
            metrics().sign_in(step, SignInOutcome::Error);
            ctx.service_error_page(&e)
        }
    }
}

/// How a password step that did not pass ended, for the metrics.
fn refused(e: &LoginError) -> SignInOutcome {
    match e {
        LoginError::InvalidCredentials => SignInOutcome::BadCredentials,
        LoginError::Disabled => SignInOutcome::Disabled,
        LoginError::Unverified => SignInOutcome::Unverified,
        LoginError::Throttled(_) => SignInOutcome::Throttled,
        LoginError::Service(_) => SignInOutcome::Error,
    }
}

#[derive(Default, Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    next: String,
}

#[handler]
pub async fn logout_form(ctx: Ctx<'_>, Query(q): Query<NextQuery>) -> Response {
    ctx.render(
        StatusCode::OK,
        "logout.html",
        minijinja::context! { next => target(&q.next) },
    )
}

#[handler]
pub async fn logout_submit(ctx: Ctx<'_>, Form(f): Form<LogoutForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    if let Some(v) = session::cookie_value(ctx.jar) {
        if let Err(e) = sessions::end_session(ctx.svc, &v).await {
            return ctx.service_error_page(&e);
        }
    }
    session::clear_cookie(ctx.jar);
    let next = if is_local_path(&f.next) {
        f.next.as_str()
    } else {
        "/accounts/login/"
    };
    see_other(next)
}
