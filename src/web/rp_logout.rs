//! `GET /oauth2/logout` (OpenID Connect RP-Initiated Logout 1.0) and `POST /oauth2/logout`, the
//! confirmation of the logout page it may show. The decisions are `service::oauth::logout`'s:
//! a hint for this browser's own session logs out and returns to the app at once; anything else
//! shows the confirmation page, naming the host the person will be sent to, whose form posts
//! the request's parameters back with the CSRF token. The posted parameters are checked again
//! (the form is not trusted), then the session ends and the browser goes on.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::session;
use crate::service::oauth::logout::{
    confirmed_logout, decide_logout, LogoutDecision, LogoutParams,
};
use crate::service::sessions;

/// The confirmation form: the logout request's parameters and the CSRF token.
#[derive(Default, Deserialize)]
pub struct ConfirmForm {
    id_token_hint: Option<String>,
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
    client_id: Option<String>,
    #[serde(default)]
    csrf_token: String,
}

impl ConfirmForm {
    fn params(self) -> LogoutParams {
        let given = |v: Option<String>| v.filter(|s| !s.is_empty());
        LogoutParams {
            id_token_hint: given(self.id_token_hint),
            post_logout_redirect_uri: given(self.post_logout_redirect_uri),
            state: given(self.state),
            client_id: given(self.client_id),
        }
    }
}

/// `GET /oauth2/logout`: RP-initiated logout.
#[handler]
pub async fn rp_logout(ctx: Ctx<'_>, Query(p): Query<LogoutParams>) -> Response {
    let session = match &ctx.session {
        Ok(s) => s.as_ref(),
        Err(_) => return ctx.error_page(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable"),
    };
    match decide_logout(ctx.svc, &p, session).await {
        LogoutDecision::ErrorPage(reason) => ctx.refused_request_page(&reason),
        LogoutDecision::Confirm(None) => see_other("/accounts/logout/"),
        LogoutDecision::Confirm(Some(target)) => confirmation_page(&ctx, &p, &target),
        LogoutDecision::LogoutAndRedirect(target) => log_out_to(&ctx, target.as_deref()).await,
    }
}

/// `POST /oauth2/logout`: the person confirmed on the page `rp_logout` showed.
#[handler]
pub async fn rp_logout_confirm(ctx: Ctx<'_>, Form(f): Form<ConfirmForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    match confirmed_logout(ctx.svc, &f.params()).await {
        Ok(target) => log_out_to(&ctx, target.as_deref()).await,
        Err(reason) => ctx.refused_request_page(&reason),
    }
}

/// The logout page, whose form posts the request back here; it names where it leads.
fn confirmation_page(ctx: &Ctx<'_>, p: &LogoutParams, target: &str) -> Response {
    let host = url::Url::parse(target)
        .ok()
        .and_then(|u| {
            let host = u.host_str()?.to_owned();
            Some(match u.port() {
                Some(port) => format!("{host}:{port}"),
                None => host,
            })
        })
        .unwrap_or_default();
    let rp = minijinja::context! {
        id_token_hint => p.id_token_hint,
        post_logout_redirect_uri => p.post_logout_redirect_uri,
        state => p.state,
        client_id => p.client_id,
        host,
    };
    ctx.render(
        StatusCode::OK,
        "logout.html",
        minijinja::context! { rp, next => "/accounts/login/" },
    )
}

/// Ends this browser's session (if any) and goes to `target`, or to the login page.
async fn log_out_to(ctx: &Ctx<'_>, target: Option<&str>) -> Response {
    if let Some(v) = session::cookie_value(ctx.jar) {
        if let Err(e) = sessions::end_session(ctx.svc, &v).await {
            return ctx.service_error_page(&e);
        }
    }
    session::clear_cookie(ctx.jar);
    see_other(target.unwrap_or("/accounts/login/"))
}
