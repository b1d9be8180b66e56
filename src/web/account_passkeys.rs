//! Passkeys on the account (`/accounts/profile/passkeys/`): the person's passkeys (name, when
//! added, when last used), adding one (the page's challenge in data attributes for
//! `/static/passkeys.js`, the name, and the password or a current two-step code) and removing
//! one. Every POST needs the session and its CSRF token; the service decides the rest.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, status_for, FieldErrors};
use crate::domain::User;
use crate::service::passkeys::{self, NewPasskey};

const PAGE: &str = "/accounts/profile/passkeys/";
const LOGIN_FIRST: &str = "/accounts/login/?next=/accounts/profile/passkeys/";

#[derive(Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

/// The page: the list, and the form of a new passkey with a fresh challenge.
async fn page(
    ctx: &Ctx<'_>,
    user: &User,
    status: StatusCode,
    (done, name): (&str, &str),
    errors: FieldErrors,
) -> Response {
    let listed = match passkeys::list(ctx.svc, user).await {
        Ok(l) => l,
        Err(e) => return ctx.service_error_page(&e),
    };
    let registration = match passkeys::begin(ctx.svc, user, &ctx.csrf_token()).await {
        Ok(r) => r,
        Err(e) => return ctx.service_error_page(&e),
    };
    let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
    let listed: Vec<_> = listed
        .iter()
        .map(|p| {
            minijinja::context! {
                id => &p.credential_id, name => &p.name, created_at => when(p.created_at),
                last_used_at => p.last_used_at.map(when),
            }
        })
        .collect();
    let ceremony = minijinja::context! {
        challenge => &registration.issued.challenge, token => &registration.issued.token,
        rp_id => &registration.issued.rp_id, user_handle => &registration.user_handle,
        user_name => user.username.as_str(), exclude => registration.exclude.join(" "),
    };
    let notice = matches!(done, "added" | "removed").then(|| {
        let key = format!("passkeys.done_{done}");
        ctx.templates.translations().get(ctx.lang, &key).to_owned()
    });
    let page = minijinja::context! { passkeys => listed, ceremony, notice, errors, name };
    ctx.render(status, "passkeys.html", page)
}

#[handler]
pub async fn show(ctx: Ctx<'_>, Query(q): Query<DoneQuery>) -> Response {
    match ctx.signed_in(LOGIN_FIRST) {
        Ok((_, user)) => {
            let errors = FieldErrors::new();
            page(&ctx, user, StatusCode::OK, (&q.done, ""), errors).await
        }
        Err(resp) => resp,
    }
}

#[derive(Default, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    passkey_name: String,
    #[serde(default)]
    proof: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    credential: String,
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn add(mut ctx: Ctx<'_>, Form(f): Form<AddForm>) -> Response {
    ctx.page_at(PAGE);
    let (_, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    let input = NewPasskey {
        name: &f.passkey_name,
        proof: &f.proof,
        token: &f.token,
        browser: &f.csrf_token,
        credential: &f.credential,
    };
    match passkeys::register(ctx.svc, user, input, &ctx.client()).await {
        Ok(_) => see_other("/accounts/profile/passkeys/?done=added"),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => page(&ctx, user, status_for(&e), ("", &f.passkey_name), errors).await,
            None => ctx.service_error_page(&e),
        },
    }
}

#[derive(Default, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn remove(mut ctx: Ctx<'_>, Path(id): Path<String>, Form(f): Form<CsrfForm>) -> Response {
    ctx.page_at(PAGE);
    let (_, user) = match ctx.posted(&f.csrf_token, LOGIN_FIRST) {
        Ok(v) => v,
        Err(resp) => return resp,
    };
    match passkeys::remove(ctx.svc, user, &id, &ctx.client()).await {
        Ok(()) => see_other("/accounts/profile/passkeys/?done=removed"),
        Err(e) => ctx.service_error_page(&e),
    }
}
