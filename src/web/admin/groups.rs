//! The console's groups: the list with a form to create one (numbered pages), one group
//! (rename, members with a remove button each, a form adding a member by username) and delete
//! after a confirmation page. Every action is `service::groups`'s, as the admin JSON API's;
//! bad input is answered with the page again, its field errors and nothing changed.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path, Query};
use poem::Response;
use serde::Deserialize;

use super::{admin_only, admin_posted, confirm_page, done, notice, page_of, pager};
use crate::domain::Group;
use crate::service::admin::PageRequest;
use crate::service::groups::{self, GroupPatch, NewGroup};
use crate::service::ServiceError;
use crate::web::context::Ctx;
use crate::web::forms::{field_errors, status_for, FieldErrors};

const LIST: &str = "/admin/groups/";
const DONE: [&str; 5] = [
    "created",
    "renamed",
    "deleted",
    "member_added",
    "member_removed",
];

#[derive(Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    page: String,
    #[serde(default)]
    done: String,
}

#[derive(Default, Deserialize)]
pub struct NameForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    name: String,
}

#[derive(Default, Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    csrf_token: String,
    /// The username of the account to add.
    #[serde(default)]
    member: String,
}

#[derive(Default, Deserialize)]
pub struct PlainForm {
    #[serde(default)]
    csrf_token: String,
}

fn group_path(id: &str) -> String {
    format!("{LIST}{id}/")
}

/// The list page; `errors` and `name` are a failed creation's.
async fn list_page(
    ctx: &Ctx<'_>,
    q: &ListQuery,
    status: StatusCode,
    errors: FieldErrors,
    name: &str,
) -> Response {
    let (number, paging) = match page_of(&q.page) {
        Ok(p) => p,
        Err(e) => {
            let errors = field_errors(ctx, &e).unwrap_or_default();
            let page = minijinja::context! { rows => Vec::<()>::new(), errors, name };
            return ctx.render(StatusCode::UNPROCESSABLE_ENTITY, "admin_groups.html", page);
        }
    };
    let listed = match groups::list_groups(ctx.svc, paging).await {
        Ok(l) => l,
        Err(e) => return ctx.service_error_page(&e),
    };
    let rows: Vec<_> = listed
        .items
        .iter()
        .map(|g| minijinja::context! { id => g.id, name => g.name.as_str(), members => g.members.len() })
        .collect();
    let href = |p: u64| format!("{LIST}?page={p}");
    let page = minijinja::context! {
        rows, pager => pager(number, listed.total, href), errors, name,
        notice => notice(ctx, &q.done, &DONE),
    };
    ctx.render(status, "admin_groups.html", page)
}

#[handler]
pub async fn list(ctx: Ctx<'_>, Query(q): Query<ListQuery>) -> Response {
    if let Err(resp) = admin_only(&ctx, LIST) {
        return resp;
    }
    list_page(&ctx, &q, StatusCode::OK, FieldErrors::new(), "").await
}

#[handler]
pub async fn create(mut ctx: Ctx<'_>, Form(f): Form<NameForm>) -> Response {
    if let Err(resp) = admin_posted(&ctx, &f.csrf_token, LIST) {
        return resp;
    }
    ctx.page_at(LIST);
    let new = NewGroup {
        name: f.name.clone(),
        ..NewGroup::default()
    };
    match groups::create_group(ctx.svc, new).await {
        Ok(g) => done(&group_path(&g.id), "created"),
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => {
                let q = ListQuery::default();
                list_page(&ctx, &q, status_for(&e), errors, &f.name).await
            }
            None => ctx.service_error_page(&e),
        },
    }
}

/// One group's page; `errors` and `values` are a failed rename's or addition's.
async fn group_page(
    ctx: &Ctx<'_>,
    group: Result<Group, ServiceError>,
    status: StatusCode,
    errors: FieldErrors,
    values: minijinja::Value,
    done_what: &str,
) -> Response {
    let group = match group {
        Ok(g) => g,
        Err(e) => return ctx.service_error_page(&e),
    };
    let all = PageRequest {
        offset: None,
        limit: Some(200),
    };
    let members = match groups::list_members(ctx.svc, &group.id, all).await {
        Ok(l) => l,
        Err(e) => return ctx.service_error_page(&e),
    };
    let members: Vec<_> = members
        .items
        .iter()
        .map(|m| minijinja::context! { id => m.id, username => m.username })
        .collect();
    let page = minijinja::context! {
        group => minijinja::context! { id => group.id, name => group.name.as_str() },
        members, total => group.members.len(), errors, values,
        notice => notice(ctx, done_what, &DONE),
    };
    ctx.render(status, "admin_group.html", page)
}

#[handler]
pub async fn show(ctx: Ctx<'_>, Path(id): Path<String>, Query(q): Query<ListQuery>) -> Response {
    if let Err(resp) = admin_only(&ctx, LIST) {
        return resp;
    }
    let group = groups::get_group(ctx.svc, &id).await;
    let values = minijinja::context! {};
    group_page(
        &ctx,
        group,
        StatusCode::OK,
        FieldErrors::new(),
        values,
        &q.done,
    )
    .await
}

/// The group's page again with the field errors of a failed action, or the error page.
async fn refused(ctx: &Ctx<'_>, id: &str, e: &ServiceError, values: minijinja::Value) -> Response {
    let Some(errors) = field_errors(ctx, e) else {
        return ctx.service_error_page(e);
    };
    let group = groups::get_group(ctx.svc, id).await;
    group_page(ctx, group, status_for(e), errors, values, "").await
}

#[handler]
pub async fn rename(mut ctx: Ctx<'_>, Path(id): Path<String>, Form(f): Form<NameForm>) -> Response {
    if let Err(resp) = admin_posted(&ctx, &f.csrf_token, LIST) {
        return resp;
    }
    let patch = GroupPatch {
        name: Some(f.name.clone()),
        description: None,
    };
    match groups::update_group(ctx.svc, &id, patch).await {
        Ok(_) => done(&group_path(&id), "renamed"),
        Err(e) => {
            ctx.page_at(LIST);
            refused(&ctx, &id, &e, minijinja::context! { name => f.name }).await
        }
    }
}

#[handler]
pub async fn add_member(
    mut ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<MemberForm>,
) -> Response {
    if let Err(resp) = admin_posted(&ctx, &f.csrf_token, LIST) {
        return resp;
    }
    let values = minijinja::context! { member => f.member };
    let user = match groups::find_user(ctx.svc, &f.member).await {
        Ok(u) => u,
        Err(ServiceError::NotFound) => {
            ctx.page_at(LIST);
            let e = crate::domain::DomainError::new("member", "no account has this username")
                .with_code("unknown");
            return refused(&ctx, &id, &ServiceError::Invalid(vec![e]), values).await;
        }
        Err(e) => return ctx.service_error_page(&e),
    };
    match groups::add_member(ctx.svc, &id, &user.id).await {
        Ok(_) => done(&group_path(&id), "member_added"),
        Err(e) => ctx.service_error_page(&e),
    }
}

#[handler]
pub async fn remove_member(
    ctx: Ctx<'_>,
    Path((id, user_id)): Path<(String, String)>,
    Form(f): Form<PlainForm>,
) -> Response {
    if let Err(resp) = admin_posted(&ctx, &f.csrf_token, LIST) {
        return resp;
    }
    match groups::remove_member(ctx.svc, &id, &user_id).await {
        Ok(()) => done(&group_path(&id), "member_removed"),
        Err(e) => ctx.service_error_page(&e),
    }
}

#[handler]
pub async fn delete_form(ctx: Ctx<'_>, Path(id): Path<String>) -> Response {
    if let Err(resp) = admin_only(&ctx, LIST) {
        return resp;
    }
    let group = match groups::get_group(ctx.svc, &id).await {
        Ok(g) => g,
        Err(e) => return ctx.service_error_page(&e),
    };
    confirm_page(
        &ctx,
        "group",
        ("name", group.name.as_str()),
        &group_path(&id),
    )
}

#[handler]
pub async fn delete_submit(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<PlainForm>,
) -> Response {
    if let Err(resp) = admin_posted(&ctx, &f.csrf_token, LIST) {
        return resp;
    }
    match groups::delete_group(ctx.svc, &id).await {
        Ok(()) => done(LIST, "deleted"),
        Err(e) => ctx.service_error_page(&e),
    }
}
