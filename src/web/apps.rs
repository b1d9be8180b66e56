//! The developer pages under the original paths: my apps (`/oauth/applications/`), register
//! (`register/`, the client id and secret shown once on the answer to the POST), detail
//! (`{id}/`, never the secret), edit (`{id}/update/`), delete with a confirmation
//! (`{id}/delete/`) and secret rotation (`{id}/rotate-secret/`, the new secret shown once).
//!
//! Login is required (a redirect to the login page that comes back), every form carries the
//! CSRF token, and another user's app is a 404 page. The same paths' `PUT` and `DELETE` are
//! JSON API operations (`web::mount` routes them). Must not import a store backend.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Path, Query};
use poem::Response;
use serde::Deserialize;

use super::app_form::{form_errors, grant_choices, scope_choices, to_input};
use super::app_form::{FormValues, Read, Submitted};
use super::context::{see_other, Ctx};
use super::forms::{status_for, FieldErrors};
use crate::domain::{Client, User};
use crate::service::access::Principal;
use crate::service::admin::PageRequest;
use crate::service::apps::{self, AppChange};
use crate::service::ServiceError;

const LIST: &str = "/oauth/applications/";

/// The logged-in user, or the answer to send instead (login redirect, 503 page).
#[allow(clippy::result_large_err)] // a page answer, built once per request
fn logged_in(ctx: &Ctx<'_>, here: &str) -> Result<Principal, Response> {
    match &ctx.session {
        Ok(Some((s, u))) => Ok(Principal::session(u.clone(), s.id.clone())),
        Ok(None) => {
            let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
            Err(see_other(&format!("/accounts/login/?next={next}")))
        }
        Err(_) => Err(ctx.error_page(StatusCode::SERVICE_UNAVAILABLE, "error.unavailable")),
    }
}

/// The person behind a posted form: its CSRF token checked first, then the session.
#[allow(clippy::result_large_err)] // a page answer, built once per request
fn posted(ctx: &Ctx<'_>, csrf: &str, here: &str) -> Result<Principal, Response> {
    if !ctx.csrf_ok(csrf) {
        return Err(ctx.error_page(StatusCode::FORBIDDEN, "error.csrf"));
    }
    logged_in(ctx, here)
}

fn app_path(id: &str, tail: &str) -> String {
    let id: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
    format!("{LIST}{id}/{tail}")
}

/// A failure that is not about the input: 404, 409 (built-in or public app), 503, 500.
fn app_error(ctx: &Ctx<'_>, e: &ServiceError) -> Response {
    match e {
        ServiceError::Refused(_) => ctx.error_page(StatusCode::CONFLICT, "apps.refused"),
        other => ctx.service_error_page(other),
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    offset: Option<u64>,
    done: Option<String>,
}

#[handler]
pub async fn list(ctx: Ctx<'_>, Query(q): Query<ListQuery>) -> Response {
    let actor = match logged_in(&ctx, LIST) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    let paging = PageRequest {
        offset: q.offset,
        limit: Some(50),
    };
    let listed = match apps::list_my_apps(ctx.svc, &actor.user, paging).await {
        Ok(l) => l,
        Err(e) => return app_error(&ctx, &e),
    };
    let next = listed.page.offset + listed.page.limit;
    let notice = (q.done.as_deref() == Some("deleted")).then(|| {
        ctx.templates
            .translations()
            .get(ctx.lang, "apps.deleted")
            .to_owned()
    });
    let items: Vec<_> = listed.items.iter().map(summary).collect();
    ctx.render(
        StatusCode::OK,
        "apps.html",
        minijinja::context! {
            items, notice, total => listed.total,
            next_offset => (next < listed.total).then_some(next),
        },
    )
}

fn summary(c: &Client) -> minijinja::Value {
    minijinja::context! {
        client_id => c.client_id, name => c.name, client_type => c.client_type.as_str(),
        created_at => c.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        href => app_path(&c.client_id, ""),
    }
}

/// The register or edit form, with the values and errors of a failed POST.
fn form_page(
    ctx: &Ctx<'_>,
    user: &User,
    status: StatusCode,
    app: Option<&Client>,
    values: &FormValues,
    errors: FieldErrors,
) -> Response {
    let action = app.map_or_else(
        || format!("{LIST}register/"),
        |a| app_path(&a.client_id, "update/"),
    );
    ctx.render(
        status,
        "app_form.html",
        minijinja::context! {
            editing => app.map(|a| minijinja::context! {
                client_id => a.client_id, href => app_path(&a.client_id, ""),
            }),
            action, values, errors,
            grants => grant_choices(ctx, values),
            scopes => scope_choices(ctx, values, user.is_admin),
            is_admin => user.is_admin,
        },
    )
}

#[handler]
pub async fn register_form(ctx: Ctx<'_>) -> Response {
    match logged_in(&ctx, &format!("{LIST}register/")) {
        Ok(actor) => form_page(
            &ctx,
            &actor.user,
            StatusCode::OK,
            None,
            &FormValues::default(),
            FieldErrors::new(),
        ),
        Err(resp) => resp,
    }
}

/// The page that shows a secret once (after registering or rotating).
fn secret_page(ctx: &Ctx<'_>, app: &Client, secret: Option<&str>, rotated: bool) -> Response {
    ctx.render(
        StatusCode::OK,
        "app_secret.html",
        minijinja::context! {
            client_id => app.client_id, name => app.name, secret, rotated,
            private_key_jwt => app.uses_private_key_jwt(),
            href => app_path(&app.client_id, ""),
        },
    )
}

#[handler]
pub async fn register_submit(ctx: Ctx<'_>, body: String) -> Response {
    let form = Submitted::parse(&body);
    let actor = match posted(&ctx, form.csrf(), &format!("{LIST}register/")) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    let values = FormValues::from(&form);
    let Read { input, unreadable } = to_input(&values);
    match apps::register_app_read(ctx.svc, &actor, input, &unreadable).await {
        Ok(r) => secret_page(&ctx, &r.app, r.secret.as_deref(), false),
        Err(e) => match form_errors(&ctx, &e, &unreadable) {
            Some(errors) => form_page(&ctx, &actor.user, status_for(&e), None, &values, errors),
            None => app_error(&ctx, &e),
        },
    }
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

#[handler]
pub async fn detail(ctx: Ctx<'_>, Path(id): Path<String>, Query(q): Query<DoneQuery>) -> Response {
    let actor = match logged_in(&ctx, &app_path(&id, "")) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    let app = match apps::get_app(ctx.svc, &actor, &id).await {
        Ok(a) => a,
        Err(e) => return app_error(&ctx, &e),
    };
    let tr = ctx.templates.translations();
    let notice =
        (q.done.as_deref() == Some("updated")).then(|| tr.get(ctx.lang, "apps.updated").to_owned());
    let fmt = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    let secrets: Vec<_> = app
        .secrets
        .iter()
        .map(|s| minijinja::context! { created_at => fmt(s.created_at), expires_at => s.expires_at.map(fmt) })
        .collect();
    ctx.render(
        StatusCode::OK,
        "app_detail.html",
        minijinja::context! {
            app => view(&app), secrets, notice,
            builtin => apps::is_builtin(&app),
            confidential => app.client_type == crate::domain::ClientType::Confidential
                && !app.uses_private_key_jwt(),
            edit_href => app_path(&id, "update/"), delete_href => app_path(&id, "delete/"),
            rotate_href => app_path(&id, "rotate-secret/"),
        },
    )
}

/// What the detail page shows of an app (never a secret or digest).
fn view(c: &Client) -> minijinja::Value {
    minijinja::context! {
        client_id => c.client_id, name => c.name, description => c.description,
        homepage_url => c.homepage_url, logo_url => c.logo_url,
        redirect_uris => c.redirect_uris, post_logout_redirect_uris => c.post_logout_redirect_uris,
        client_type => c.client_type.as_str(),
        grant_types => c.grant_types.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
        scopes => c.scopes, first_party => c.first_party, introspection => c.introspection,
        access_token_ttl_secs => c.access_token_ttl_secs,
        refresh_token_ttl_secs => c.refresh_token_ttl_secs,
        require_pushed_authorization_requests => c.require_pushed_authorization_requests,
        require_mfa => c.require_mfa,
        dpop_bound_access_tokens => c.dpop_bound_access_tokens,
        fapi2 => c.fapi2,
        private_key_jwt => c.uses_private_key_jwt(), jwks_uri => c.jwks_uri,
    }
}

#[handler]
pub async fn edit_form(ctx: Ctx<'_>, Path(id): Path<String>) -> Response {
    let actor = match logged_in(&ctx, &app_path(&id, "update/")) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    match apps::get_app(ctx.svc, &actor, &id).await {
        Ok(app) if !apps::is_builtin(&app) => form_page(
            &ctx,
            &actor.user,
            StatusCode::OK,
            Some(&app),
            &FormValues::from(&app),
            FieldErrors::new(),
        ),
        Ok(_) => ctx.error_page(StatusCode::CONFLICT, "apps.refused"),
        Err(e) => app_error(&ctx, &e),
    }
}

#[handler]
pub async fn update_submit(ctx: Ctx<'_>, Path(id): Path<String>, body: String) -> Response {
    let form = Submitted::parse(&body);
    let actor = match posted(&ctx, form.csrf(), &app_path(&id, "update/")) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    let app = match apps::get_app(ctx.svc, &actor, &id).await {
        Ok(a) => a,
        Err(e) => return app_error(&ctx, &e),
    };
    let mut values = FormValues::from(&form);
    // The type is fixed and the administrators' flags are not on anyone else's form.
    values.client_type = app.client_type.as_str().into();
    if !actor.acts_as_admin() {
        values.first_party = app.first_party;
        values.introspection = app.introspection;
    }
    let Read { input, unreadable } = to_input(&values);
    let change = AppChange::Replace(input);
    match apps::update_app_read(ctx.svc, &actor, &id, change, &unreadable).await {
        Ok(_) => see_other(&format!("{}?done=updated", app_path(&id, ""))),
        Err(e) => match form_errors(&ctx, &e, &unreadable) {
            Some(errors) => form_page(
                &ctx,
                &actor.user,
                status_for(&e),
                Some(&app),
                &values,
                errors,
            ),
            None => app_error(&ctx, &e),
        },
    }
}

#[handler]
pub async fn delete_form(ctx: Ctx<'_>, Path(id): Path<String>) -> Response {
    let actor = match logged_in(&ctx, &app_path(&id, "delete/")) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    match apps::get_app(ctx.svc, &actor, &id).await {
        Ok(app) => ctx.render(
            StatusCode::OK,
            "app_delete.html",
            minijinja::context! {
                name => app.name, action => app_path(&id, "delete/"), back => app_path(&id, ""),
            },
        ),
        Err(e) => app_error(&ctx, &e),
    }
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf_token: String,
}

#[handler]
pub async fn delete_submit(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    poem::web::Form(f): poem::web::Form<CsrfOnly>,
) -> Response {
    let actor = match posted(&ctx, &f.csrf_token, &app_path(&id, "delete/")) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    match apps::delete_app(ctx.svc, &actor, &id).await {
        Ok(()) => see_other(&format!("{LIST}?done=deleted")),
        Err(e) => app_error(&ctx, &e),
    }
}

/// The rotation form: the CSRF token and the "end the previous secret now" checkbox.
#[derive(serde::Deserialize)]
pub struct RotateForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    revoke_previous: Option<String>,
}

#[handler]
pub async fn rotate_submit(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    poem::web::Form(f): poem::web::Form<RotateForm>,
) -> Response {
    let actor = match posted(&ctx, &f.csrf_token, &app_path(&id, "")) {
        Ok(u) => u,
        Err(resp) => return resp,
    };
    let revoke = f.revoke_previous.is_some();
    match apps::rotate_secret(ctx.svc, &actor, &id, revoke).await {
        Ok(r) => secret_page(&ctx, &r.app, Some(&r.secret), true),
        Err(e) => app_error(&ctx, &e),
    }
}
