//! "Sign in with a passkey" (`POST /accounts/login/passkey/`): the login page's form posts the
//! credential `/static/passkeys.js` got from the browser for the page's challenge; no username
//! is asked (discoverable credentials). A refused passkey re-renders the login page (401), a
//! throttled one says when to retry (429), an expired challenge asks to try again.

use poem::handler;
use poem::http::StatusCode;
use poem::web::Form;
use poem::Response;
use serde::Deserialize;

use super::context::{retry_args, with_retry_after, Ctx};
use super::login::{finish_login, login_page, Carried};
use crate::metrics::{metrics, SignInOutcome, SignInStep};
use crate::service::passkeys::ceremony::{issue, Purpose};
use crate::service::passkeys::sign_in::{second_step, sign_in, PasskeySignInError, SignedIn};
use crate::service::two_factor::login::pending_user;

#[derive(Default, Deserialize)]
pub struct PasskeyForm {
    /// The pending login, when a passkey finishes a login instead of a code.
    #[serde(default)]
    pending: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    credential: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    csrf_token: String,
}

/// A passkey sign-in alone, or the second step of the pending login the form carries.
async fn signed_in(ctx: &Ctx<'_>, f: &PasskeyForm) -> Result<SignedIn, PasskeySignInError> {
    let (svc, ip) = (ctx.svc, ctx.client_ip);
    if f.pending.is_empty() {
        sign_in(svc, &f.token, &f.csrf_token, &f.credential, ip).await
    } else {
        second_step(svc, &f.pending, &f.token, &f.csrf_token, &f.credential, ip).await
    }
}

/// The challenge of the second-step page's passkey form, for the account of `pending`.
pub(super) fn second_step_challenge(ctx: &Ctx<'_>, pending: &str) -> Option<minijinja::Value> {
    let browser = ctx.csrf_token();
    let user = pending_user(ctx.svc, pending, &browser)?;
    let issued = issue(ctx.svc, Purpose::SignIn, Some(&user), &browser).ok()?;
    Some(minijinja::context! {
        challenge => issued.challenge, token => issued.token, rp_id => issued.rp_id,
    })
}

#[handler]
pub async fn submit(mut ctx: Ctx<'_>, Form(f): Form<PasskeyForm>) -> Response {
    ctx.page_at("/accounts/login/");
    ctx.keep(&[("next", &f.next)]);
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let carried = || Carried {
        next: &f.next,
        lang: &f.lang,
    };
    let step = SignInStep::Passkey;
    let signed_in = signed_in(&ctx, &f).await;
    if matches!(signed_in, Err(PasskeySignInError::Expired)) && !f.pending.is_empty() {
        metrics().sign_in(step, SignInOutcome::Expired);
        let to = super::journey::with_next("/accounts/login/", &f.next);
        return super::context::see_other(&to);
    }
    let (status, key) = match signed_in {
        Ok(s) => return finish_login(&mut ctx, (&s.user, step), s.amr, (&f.lang, &f.next)).await,
        Err(PasskeySignInError::Service(e)) => {
            metrics().sign_in(step, SignInOutcome::Error);
            return ctx.service_error_page(&e);
        }
        Err(PasskeySignInError::Throttled(secs)) => {
            metrics().sign_in(step, SignInOutcome::Throttled);
            let args = retry_args(ctx.svc.now(), secs);
            let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
            let error = Some(("login.throttled", &args[..]));
            let status = StatusCode::TOO_MANY_REQUESTS;
            let page = login_page(&ctx, status, "", carried(), error).await;
            return with_retry_after(page, secs);
        }
        Err(PasskeySignInError::Expired) => (StatusCode::BAD_REQUEST, "passkey_login.expired"),
        Err(PasskeySignInError::Refused) => (StatusCode::UNAUTHORIZED, "passkey_login.refused"),
        Err(PasskeySignInError::NotVerified) => {
            (StatusCode::UNAUTHORIZED, "passkey_login.not_verified")
        }
        Err(PasskeySignInError::Disabled) => (StatusCode::FORBIDDEN, "login.disabled"),
        Err(PasskeySignInError::Unverified) => (StatusCode::FORBIDDEN, "login.unverified"),
    };
    let outcome = match status {
        StatusCode::BAD_REQUEST => SignInOutcome::Expired,
        StatusCode::FORBIDDEN => SignInOutcome::Disabled,
        _ => SignInOutcome::BadCredentials,
    };
    metrics().sign_in(step, outcome);
    login_page(&ctx, status, "", carried(), Some((key, &[][..]))).await
}
