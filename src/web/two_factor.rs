//! The second step of a login (`/accounts/login/two-factor/`): after a correct password, an
//! account with two-step verification on is shown a form asking for the code of its
//! authenticator app or one of its recovery codes. The form carries the sealed pending login
//! (`service::two_factor::login`), `next` and the language chosen on the login page; the
//! session starts only when the code passes. A wrong code re-renders the form (401), a
//! throttled one says when to retry (429 with `Retry-After`), an expired or foreign pending
//! login sends the person back to the login page.

use poem::handler;
use poem::http::StatusCode;
use poem::web::Form;
use poem::Response;
use serde::Deserialize;

use super::context::{retry_args, see_other, with_retry_after, Ctx};
use super::login::finish_login;
use crate::domain::User;
use crate::metrics::{metrics, SignInOutcome, SignInStep};
use crate::service::two_factor::login::{pending_login, second_step, SecondStepError};

/// What the login form carried that the second step keeps.
pub struct Carried<'a> {
    pub next: &'a str,
    pub lang: &'a str,
}

/// The page asking for the code, with a new pending login for `user` in this browser (`csrf`).
pub fn ask_for_code(ctx: &Ctx<'_>, user: &User, csrf: &str, carried: Carried<'_>) -> Response {
    match pending_login(ctx.svc, user, csrf) {
        Ok(pending) => code_page(ctx, StatusCode::OK, &pending, carried, None),
        Err(e) => ctx.service_error_page(&e),
    }
}

fn code_page(
    ctx: &Ctx<'_>,
    status: StatusCode,
    pending: &str,
    carried: Carried<'_>,
    error: Option<String>,
) -> Response {
    let Carried { next, lang } = carried;
    let passkey = super::login_passkey::second_step_challenge(ctx, pending);
    let page = minijinja::context! { pending, next, chosen_lang => lang, error, passkey };
    ctx.render(status, "login_two_factor.html", page)
}

#[derive(Default, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pending: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    csrf_token: String,
}

/// A GET of the form's address has no pending login: the login starts over.
#[handler]
pub async fn code_form() -> Response {
    see_other("/accounts/login/")
}

#[handler]
pub async fn code_submit(mut ctx: Ctx<'_>, Form(f): Form<CodeForm>) -> Response {
    ctx.page_at("/accounts/login/");
    ctx.keep(&[("next", &f.next)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let carried = || Carried {
        next: &f.next,
        lang: &f.lang,
    };
    let tr = ctx.templates.translations();
    let refuse = |status, key: &str, args: &[(&str, &str)]| {
        let error = Some(tr.format(ctx.lang, key, args));
        code_page(&ctx, status, &f.pending, carried(), error)
    };
    if f.code.trim().is_empty() {
        return refuse(StatusCode::BAD_REQUEST, "two_factor_login.required", &[]);
    }
    let client = ctx.client();
    let passed = second_step(ctx.svc, &f.pending, &f.csrf_token, &f.code, &client).await;
    let step = SignInStep::SecondFactor;
    if let Err(e) = &passed {
        metrics().sign_in(step, refused(e));
    }
    let passed = match passed {
        Ok(p) => p,
        Err(SecondStepError::Expired) => {
            let to = super::journey::with_next("/accounts/login/", &f.next);
            return see_other(&to);
        }
        Err(SecondStepError::WrongCode) => {
            return refuse(StatusCode::UNAUTHORIZED, "two_factor_login.wrong", &[]);
        }
        Err(SecondStepError::Throttled(secs)) => {
            let args = retry_args(ctx.svc.now(), secs);
            let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
            let page = refuse(StatusCode::TOO_MANY_REQUESTS, "login.throttled", &args);
            return with_retry_after(page, secs);
        }
        Err(SecondStepError::Service(e)) => return ctx.service_error_page(&e),
    };
    let amr = crate::domain::amr_of_login(true);
    finish_login(&mut ctx, (&passed.user, step), amr, (&f.lang, &f.next)).await
}

/// How a second step that did not pass ended, for the metrics.
fn refused(e: &SecondStepError) -> SignInOutcome {
    match e {
        SecondStepError::Expired => SignInOutcome::Expired,
        SecondStepError::WrongCode => SignInOutcome::BadCode,
        SecondStepError::Throttled(_) => SignInOutcome::Throttled,
        SecondStepError::Service(_) => SignInOutcome::Error,
    }
}
