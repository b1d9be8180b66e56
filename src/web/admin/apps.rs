//! The console's apps: every app of every owner (numbered pages), one app (owner, type,
//! redirect URIs, grants, scopes) with the settings only administrators may change — the
//! first-party flag (no consent page), introspection of other apps' tokens, the password and
//! implicit grants — and delete after a confirmation page. Changes go through
//! `service::apps::update_app` as a patch, the path of the Apps API's PATCH: the same
//! validation (e.g. the implicit grant needs a redirect URI), answered with field errors and
//! nothing changed.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path, Query};
use poem::Response;
use serde::Deserialize;

use super::{admin_only, admin_posted, confirm_page, done, notice, page_of, pager};
use crate::domain::{Client, GrantType, Session, User};
use crate::service::access::Principal;
use crate::service::app_input::AppPatch;
use crate::service::apps::{self, AppChange};
use crate::service::{admin, ServiceError};
use crate::web::context::{see_other, Ctx};
use crate::web::forms::{field_errors, status_for, FieldErrors};

const LIST: &str = "/admin/apps/";
const DONE: [&str; 2] = ["saved", "deleted"];
/// The grants only administrators may enable, as the settings form names them.
const ADMIN_GRANTS: [(&str, GrantType); 2] = [
    ("grant_password", GrantType::Password),
    ("grant_implicit", GrantType::Implicit),
];

#[derive(Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    page: String,
    #[serde(default)]
    done: String,
}

/// The settings form: a checked box is present, an unchecked one absent.
#[derive(Default, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    csrf_token: String,
    first_party: Option<String>,
    introspection: Option<String>,
    grant_password: Option<String>,
    grant_implicit: Option<String>,
}

#[derive(Default, Deserialize)]
pub struct PlainForm {
    #[serde(default)]
    csrf_token: String,
}

fn app_path(id: &str) -> String {
    format!("{LIST}{id}/")
}

fn principal(session: &Session, user: &User) -> Principal {
    Principal::session(user.clone(), session.id.clone())
}

/// The owner's username, or the owner id itself (a built-in or dynamically registered app).
async fn owner_name(ctx: &Ctx<'_>, app: &Client) -> Result<String, ServiceError> {
    match admin::get_user(ctx.svc, &app.owner_id).await {
        Ok(u) => Ok(u.username.to_string()),
        Err(ServiceError::NotFound) => Ok(app.owner_id.clone()),
        Err(e) => Err(e),
    }
}

async fn row(ctx: &Ctx<'_>, app: &Client) -> Result<minijinja::Value, ServiceError> {
    let grants: Vec<&str> = app.grant_types.iter().map(|g| g.as_str()).collect();
    Ok(minijinja::context! {
        id => app.client_id, name => app.name, owner => owner_name(ctx, app).await?,
        owner_id => app.owner_id, client_type => app.client_type.as_str(),
        first_party => app.first_party, introspection => app.introspection,
        grants, scopes => app.scopes.join(" "), redirect_uris => app.redirect_uris,
        built_in => apps::is_builtin(app),
        created_at => app.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
    })
}

#[handler]
pub async fn list(ctx: Ctx<'_>, Query(q): Query<ListQuery>) -> Response {
    if let Err(resp) = admin_only(&ctx, LIST) {
        return resp;
    }
    let listed = match page_of(&q.page) {
        Ok((n, paging)) => apps::list_all_apps(ctx.svc, paging).await.map(|l| (n, l)),
        Err(e) => Err(e),
    };
    let (number, listed) = match listed {
        Ok(l) => l,
        Err(e) => {
            let Some(errors) = field_errors(&ctx, &e) else {
                return ctx.service_error_page(&e);
            };
            let page = minijinja::context! { rows => Vec::<()>::new(), errors };
            return ctx.render(StatusCode::UNPROCESSABLE_ENTITY, "admin_apps.html", page);
        }
    };
    let mut rows = Vec::with_capacity(listed.items.len());
    for app in &listed.items {
        match row(&ctx, app).await {
            Ok(r) => rows.push(r),
            Err(e) => return ctx.service_error_page(&e),
        }
    }
    let href = |p: u64| format!("{LIST}?page={p}");
    let page = minijinja::context! {
        rows, pager => pager(number, listed.total, href), errors => FieldErrors::new(),
        notice => notice(&ctx, &q.done, &DONE),
    };
    ctx.render(StatusCode::OK, "admin_apps.html", page)
}

/// The app's page; `errors` are a failed change's (the form shows what was submitted).
async fn app_page(
    ctx: &Ctx<'_>,
    app: &Client,
    status: StatusCode,
    errors: FieldErrors,
    submitted: Option<&SettingsForm>,
    done_what: &str,
) -> Response {
    let row = match row(ctx, app).await {
        Ok(r) => r,
        Err(e) => return ctx.service_error_page(&e),
    };
    let has = |g: GrantType| app.grant_types.contains(&g);
    let values = match submitted {
        Some(f) => minijinja::context! {
            first_party => f.first_party.is_some(), introspection => f.introspection.is_some(),
            grant_password => f.grant_password.is_some(), grant_implicit => f.grant_implicit.is_some(),
        },
        None => minijinja::context! {
            first_party => app.first_party, introspection => app.introspection,
            grant_password => has(GrantType::Password), grant_implicit => has(GrantType::Implicit),
        },
    };
    let page = minijinja::context! {
        app => row, values, errors, notice => notice(ctx, done_what, &DONE),
    };
    ctx.render(status, "admin_app.html", page)
}

#[handler]
pub async fn show(ctx: Ctx<'_>, Path(id): Path<String>, Query(q): Query<ListQuery>) -> Response {
    let actor = match admin_only(&ctx, LIST) {
        Ok((s, u)) => principal(s, u),
        Err(resp) => return resp,
    };
    match apps::get_app(ctx.svc, &actor, &id).await {
        Ok(app) => {
            app_page(
                &ctx,
                &app,
                StatusCode::OK,
                FieldErrors::new(),
                None,
                &q.done,
            )
            .await
        }
        Err(e) => ctx.service_error_page(&e),
    }
}

/// The app's grants with the administrators' ones as the form says (others kept, in order).
fn grants_of(app: &Client, f: &SettingsForm) -> Vec<String> {
    let checked = |name: &str| match name {
        "grant_password" => f.grant_password.is_some(),
        _ => f.grant_implicit.is_some(),
    };
    let mut grants: Vec<String> = app
        .grant_types
        .iter()
        .filter(|g| !ADMIN_GRANTS.iter().any(|(_, a)| a == *g))
        .map(|g| g.as_str().to_owned())
        .collect();
    for (name, grant) in ADMIN_GRANTS {
        if checked(name) {
            grants.push(grant.as_str().to_owned());
        }
    }
    grants
}

#[handler]
pub async fn settings(
    mut ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<SettingsForm>,
) -> Response {
    let actor = match admin_posted(&ctx, &f.csrf_token, LIST) {
        Ok((s, u)) => principal(s, u),
        Err(resp) => return resp,
    };
    let app = match apps::get_app(ctx.svc, &actor, &id).await {
        Ok(a) => a,
        Err(e) => return ctx.service_error_page(&e),
    };
    let patch = AppPatch {
        first_party: Some(f.first_party.is_some()),
        introspection: Some(f.introspection.is_some()),
        grant_types: Some(grants_of(&app, &f)),
        ..AppPatch::default()
    };
    let e = match apps::update_app(ctx.svc, &actor, &id, AppChange::Patch(patch)).await {
        Ok(_) => return done(&app_path(&id), "saved"),
        Err(e) => e,
    };
    if let ServiceError::Refused(_) = e {
        return ctx.error_page(StatusCode::CONFLICT, "admin_console.built_in_app");
    }
    let Some(mut errors) = field_errors(&ctx, &e) else {
        return ctx.service_error_page(&e);
    };
    // The implicit grant's need of a redirect URI is the grants' error on this form.
    if let Some(message) = errors.remove("redirect_uris") {
        errors.entry("grant_types").or_insert(message);
    }
    ctx.page_at(LIST);
    app_page(&ctx, &app, status_for(&e), errors, Some(&f), "").await
}

#[handler]
pub async fn delete_form(ctx: Ctx<'_>, Path(id): Path<String>) -> Response {
    let actor = match admin_only(&ctx, LIST) {
        Ok((s, u)) => principal(s, u),
        Err(resp) => return resp,
    };
    let app = match apps::get_app(ctx.svc, &actor, &id).await {
        Ok(a) => a,
        Err(e) => return ctx.service_error_page(&e),
    };
    confirm_page(&ctx, "app", ("name", app.name.as_str()), &app_path(&id))
}

#[handler]
pub async fn delete_submit(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<PlainForm>,
) -> Response {
    let actor = match admin_posted(&ctx, &f.csrf_token, LIST) {
        Ok((s, u)) => principal(s, u),
        Err(resp) => return resp,
    };
    match apps::delete_app(ctx.svc, &actor, &id).await {
        Ok(()) => see_other(&format!("{LIST}?done=deleted")),
        Err(ServiceError::Refused(_)) => {
            ctx.error_page(StatusCode::CONFLICT, "admin_console.built_in_app")
        }
        Err(e) => ctx.service_error_page(&e),
    }
}
