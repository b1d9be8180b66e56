//! The page of the apps a person has authorized (`/oauth/authorized_tokens/`, the original
//! system's path), after login: one entry per authorization with its app, scopes and dates,
//! and a revoke button per entry (a CSRF-protected form POSTing to
//! `/oauth/authorized_tokens/{id}/delete/`, whose DELETE is the JSON API's). Success redirects
//! back with `?done=revoked` (PRG).

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use crate::service::authorizations::{self, Authorization};
use crate::service::ServiceError;

const PAGE: &str = "/oauth/authorized_tokens/";
const LOGIN_FIRST: &str = "/accounts/login/?next=/oauth/authorized_tokens/";

#[derive(Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

#[derive(Default, Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    csrf_token: String,
}

fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn entry(a: &Authorization) -> minijinja::Value {
    minijinja::context! {
        id => a.grant.id,
        client_id => a.grant.client_id,
        name => a.client_name,
        // A client named by a metadata document's URL is shown with that URL's host too.
        host => crate::domain::is_url_client_id(&a.grant.client_id)
            .then(|| url::Url::parse(&a.grant.client_id).ok())
            .flatten()
            .and_then(|u| u.host_str().map(str::to_owned)),
        homepage => a.client_homepage_url,
        scopes => a.grant.scopes.join(" "),
        created_at => when(a.grant.created_at),
        last_used_at => when(a.grant.last_used_at),
        expires_at => when(a.grant.expires_at),
    }
}

#[handler]
pub async fn list(ctx: Ctx<'_>, Query(q): Query<DoneQuery>) -> Response {
    let user = match ctx.signed_in(LOGIN_FIRST).map(|(_, u)| u) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    let entries = match authorizations::list_for_user(ctx.svc, &user.id).await {
        Ok(list) => list.iter().map(entry).collect::<Vec<_>>(),
        Err(e) => return ctx.service_error_page(&e),
    };
    let notice = (q.done == "revoked").then(|| {
        let tr = ctx.templates.translations();
        tr.get(ctx.lang, "authorized_tokens.done_revoked")
            .to_owned()
    });
    ctx.render(
        StatusCode::OK,
        "authorized_tokens.html",
        minijinja::context! { entries, notice },
    )
}

#[handler]
pub async fn revoke_submit(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<RevokeForm>,
) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    let user = match ctx.signed_in(LOGIN_FIRST).map(|(_, u)| u) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    match authorizations::revoke_for_user(ctx.svc, &user.id, &id).await {
        Ok(()) => see_other(&format!("{PAGE}?done=revoked")),
        Err(ServiceError::NotFound) => ctx.error_page(StatusCode::NOT_FOUND, "error.not_found"),
        Err(e) => ctx.service_error_page(&e),
    }
}
