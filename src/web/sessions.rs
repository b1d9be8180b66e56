//! The sessions page (`/accounts/sessions/`, after login): every active browser session of the
//! person with its device, address, signed-in and last-seen times, "this device" marked; a
//! "Sign out" form per session (POST `/accounts/sessions/{public id}/end/`) and "Sign out
//! everywhere else" (POST `/accounts/sessions/end-others/`), both CSRF-protected. Ending the
//! current session here is a logout. Success redirects back with `?done=...` (PRG).

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::session;
use crate::domain::{Device, Session};
use crate::service::{sessions, ServiceError};

const PAGE: &str = "/accounts/sessions/";
const LOGIN_FIRST: &str = "/accounts/login/?next=/accounts/sessions/";

#[derive(Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

#[derive(Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf_token: String,
}

fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn entry(ctx: &Ctx<'_>, s: &Session, current: &Session) -> minijinja::Value {
    let device = Device::of(s.user_agent.as_deref());
    let tr = ctx.templates.translations();
    let args = [("browser", device.browser), ("os", device.os)];
    minijinja::context! {
        id => s.public_id,
        device => tr.format(ctx.lang, "sessions.device", &args),
        ip => s.ip,
        signed_in => when(s.created_at),
        last_seen => when(s.last_seen_at),
        current => s.id == current.id,
    }
}

#[handler]
pub async fn list(ctx: Ctx<'_>, Query(q): Query<DoneQuery>) -> Response {
    let (current, user) = match ctx.signed_in(LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    let all = match sessions::list_for_user(ctx.svc, &user.id).await {
        Ok(all) => all,
        Err(e) => return ctx.service_error_page(&e),
    };
    let entries: Vec<_> = all.iter().map(|s| entry(&ctx, s, current)).collect();
    let others = all.iter().any(|s| s.id != current.id);
    let notice = matches!(q.done.as_str(), "ended" | "others").then(|| {
        let key = format!("sessions.done_{}", q.done);
        ctx.templates.translations().get(ctx.lang, &key).to_owned()
    });
    ctx.render(
        StatusCode::OK,
        "sessions.html",
        minijinja::context! { entries, others, notice },
    )
}

#[handler]
pub async fn end_submit(ctx: Ctx<'_>, Path(id): Path<String>, Form(f): Form<CsrfForm>) -> Response {
    let (current, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    match sessions::end_for_user(ctx.svc, &user.id, &id).await {
        Ok(()) if id == current.public_id => {
            session::clear_cookie(ctx.jar);
            see_other("/accounts/login/")
        }
        Ok(()) => see_other(&format!("{PAGE}?done=ended")),
        Err(ServiceError::NotFound) => ctx.error_page(StatusCode::NOT_FOUND, "error.not_found"),
        Err(e) => ctx.service_error_page(&e),
    }
}

#[handler]
pub async fn end_others_submit(ctx: Ctx<'_>, Form(f): Form<CsrfForm>) -> Response {
    let (current, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    match sessions::end_others(ctx.svc, &user.id, &current.id).await {
        Ok(_) => see_other(&format!("{PAGE}?done=others")),
        Err(e) => ctx.service_error_page(&e),
    }
}
