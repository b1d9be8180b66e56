//! The administrators' page of resource servers (`/admin/resources/`): the built-in one and
//! every registered one, a form to add one (scopes one per line, `name | English | Chinese`)
//! and a delete button per record, each a CSRF-protected POST answered with a redirect
//! (`?done=created|deleted`, PRG) or the form again with its field errors. Anyone else gets a
//! 403 page; a visitor without a session is sent to the login page first.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path, Query};
use poem::Response;
use serde::Deserialize;

use super::context::{see_other, Ctx};
use super::forms::{field_errors, status_for, FieldErrors};
use crate::domain::ResourceServer;
use crate::service::admin::PageRequest;
use crate::service::resource_servers::{self, NewResourceServer, ScopeInput};
use crate::service::ServiceError;

const PAGE: &str = "/admin/resources/";
const LOGIN_FIRST: &str = "/accounts/login/?next=/admin/resources/";

#[derive(Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

#[derive(Default, Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    scopes: String,
    #[serde(default)]
    access_token_ttl_secs: String,
    #[serde(default)]
    introspection: Option<String>,
}

#[derive(Default, Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf_token: String,
}

/// `Ok` for an administrator's session; else the answer (login first, or 403).
#[allow(clippy::result_large_err)] // a page answer, built once per request
fn admin_only(ctx: &Ctx<'_>) -> Result<(), Response> {
    ctx.admin(LOGIN_FIRST, "admin_resources.forbidden")
        .map(drop)
}

fn entry(r: ResourceServer) -> minijinja::Value {
    let scopes: Vec<&str> = r.scopes.iter().map(|s| s.name.as_str()).collect();
    minijinja::context! {
        id => r.id,
        built_in => r.id == crate::domain::BUILT_IN_RESOURCE_ID,
        identifier => r.identifier.as_str(),
        name => r.name,
        scopes => scopes.join(" "),
    }
}

/// Renders the page: the built-in resource server first, then the stored ones (first 200).
async fn page(ctx: &Ctx<'_>, status: StatusCode, extra: minijinja::Value) -> Response {
    let paging = PageRequest {
        offset: None,
        limit: Some(200),
    };
    let stored = match resource_servers::list_resource_servers(ctx.svc, paging).await {
        Ok(l) => l.items,
        Err(e) => return ctx.service_error_page(&e),
    };
    let built_in = match resource_servers::built_in(ctx.svc) {
        Ok(b) => b,
        Err(e) => return ctx.service_error_page(&e),
    };
    let servers: Vec<_> = std::iter::once(built_in).chain(stored).map(entry).collect();
    let page = minijinja::context! { servers, ..extra };
    ctx.render(status, "admin_resources.html", page)
}

#[handler]
pub async fn list(ctx: Ctx<'_>, Query(q): Query<DoneQuery>) -> Response {
    if let Err(resp) = admin_only(&ctx) {
        return resp;
    }
    let notice = matches!(q.done.as_str(), "created" | "deleted").then(|| {
        let key = format!("admin_resources.done_{}", q.done);
        ctx.templates.translations().get(ctx.lang, &key).to_owned()
    });
    let empty = FieldErrors::new();
    let extra = minijinja::context! { notice, errors => empty, values => minijinja::context! {} };
    page(&ctx, StatusCode::OK, extra).await
}

/// One scope per non-empty line: `name | English text | Chinese text`.
fn scope_lines(text: &str) -> Vec<ScopeInput> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(3, '|').map(|p| p.trim().to_owned());
            ScopeInput {
                name: parts.next().unwrap_or_default(),
                description: parts.next(),
                description_zh: parts.next(),
            }
        })
        .collect()
}

#[handler]
pub async fn create_submit(mut ctx: Ctx<'_>, Form(f): Form<CreateForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    if let Err(resp) = admin_only(&ctx) {
        return resp;
    }
    ctx.page_at(PAGE);
    let ttl = f.access_token_ttl_secs.trim();
    // Text that is not a number is out of range too: the service reports it with the rest.
    let ttl = (!ttl.is_empty()).then(|| ttl.parse::<u32>().unwrap_or(0));
    let new = NewResourceServer {
        identifier: f.identifier.clone(),
        name: f.name.clone(),
        scopes: scope_lines(&f.scopes),
        access_token_ttl_secs: ttl,
        introspection: f.introspection.is_some(),
    };
    let result = resource_servers::create_resource_server(ctx.svc, new).await;
    let e = match result {
        Ok(_) => return see_other(&format!("{PAGE}?done=created")),
        Err(e) => e,
    };
    let Some(errors) = field_errors(&ctx, &e) else {
        return ctx.service_error_page(&e);
    };
    let values = minijinja::context! {
        identifier => f.identifier, name => f.name, scopes => f.scopes,
        access_token_ttl_secs => f.access_token_ttl_secs, introspection => f.introspection.is_some(),
    };
    let extra = minijinja::context! { errors, values };
    page(&ctx, status_for(&e), extra).await
}

#[handler]
pub async fn delete_submit(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<DeleteForm>,
) -> Response {
    if !ctx.csrf_ok(&f.csrf_token) {
        return ctx.error_page(StatusCode::FORBIDDEN, "error.csrf");
    }
    if let Err(resp) = admin_only(&ctx) {
        return resp;
    }
    match resource_servers::delete_resource_server(ctx.svc, &id).await {
        Ok(()) => see_other(&format!("{PAGE}?done=deleted")),
        Err(ServiceError::Refused(_)) => {
            ctx.error_page(StatusCode::CONFLICT, "admin_resources.built_in")
        }
        Err(e) => ctx.service_error_page(&e),
    }
}
