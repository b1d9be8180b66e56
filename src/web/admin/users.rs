//! The console's accounts: the list (search by username, email or name; numbered pages), one
//! account (profile, flags, second factor, groups, apps owned, a link to its audit events) and
//! its actions: disable / enable, make / remove administrator, remove the second factor, send
//! a new verification link, delete after a confirmation page. The rules (not one's own
//! account, never the last enabled administrator) are `service::admin`'s, shared with the
//! admin JSON API; a refusal is shown on the account's page with a 409.

use poem::handler;
use poem::http::StatusCode;
use poem::web::{Form, Path, Query};
use poem::Response;
use serde::Deserialize;

use super::{
    admin_only, admin_posted, confirm_page, done, notice, page_of, pager, posted_flag, text,
};
use crate::domain::User;
use crate::service::admin::{self, PageRequest};
use crate::service::{apps, email_verification, groups, two_factor, ServiceError};
use crate::web::context::{see_other, Ctx};
use crate::web::forms::{field_errors, FieldErrors};

const LIST: &str = "/admin/users/";
const DONE: [&str; 7] = [
    "disabled",
    "enabled",
    "promoted",
    "demoted",
    "second_factor",
    "verification",
    "deleted",
];

#[derive(Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    search: String,
    #[serde(default)]
    page: String,
    #[serde(default)]
    done: String,
}

#[derive(Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

#[derive(Default, Deserialize)]
pub struct FlagForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    value: String,
}

#[derive(Default, Deserialize)]
pub struct PlainForm {
    #[serde(default)]
    csrf_token: String,
}

fn row(u: &User) -> minijinja::Value {
    minijinja::context! {
        id => u.id, username => u.username.as_str(), email => u.email.as_str(),
        display_name => u.display_name, is_admin => u.is_admin, disabled => u.disabled,
        email_verified => u.email_verified,
    }
}

fn user_path(id: &str) -> String {
    format!("{LIST}{id}/")
}

#[handler]
pub async fn list(ctx: Ctx<'_>, Query(q): Query<ListQuery>) -> Response {
    if let Err(resp) = admin_only(&ctx, LIST) {
        return resp;
    }
    let result = match page_of(&q.page) {
        Ok((n, paging)) => admin::list_users(ctx.svc, Some(q.search.clone()), paging)
            .await
            .map(|l| (n, l)),
        Err(e) => Err(e),
    };
    let (rows, paging, errors, status) = match result {
        Ok((n, l)) => {
            let search = q.search.trim().to_owned();
            let href = |p: u64| {
                let mut url = url::form_urlencoded::Serializer::new(String::new());
                if !search.is_empty() {
                    url.append_pair("search", &search);
                }
                format!(
                    "{LIST}?{}",
                    url.append_pair("page", &p.to_string()).finish()
                )
            };
            let rows: Vec<_> = l.items.iter().map(row).collect();
            (
                rows,
                Some(pager(n, l.total, href)),
                FieldErrors::new(),
                StatusCode::OK,
            )
        }
        Err(e) => match field_errors(&ctx, &e) {
            Some(errors) => (vec![], None, errors, StatusCode::UNPROCESSABLE_ENTITY),
            None => return ctx.service_error_page(&e),
        },
    };
    let page = minijinja::context! {
        rows, pager => paging, errors, search => q.search, notice => notice(&ctx, &q.done, &DONE),
    };
    ctx.render(status, "admin_users.html", page)
}

/// The account's page: `problem` is a refused action's message (shown with `status`).
async fn user_page(
    ctx: &Ctx<'_>,
    id: &str,
    status: StatusCode,
    problem: Option<String>,
    done: &str,
) -> Response {
    let user = match admin::get_user(ctx.svc, id).await {
        Ok(u) => u,
        Err(e) => return ctx.service_error_page(&e),
    };
    let all = PageRequest {
        offset: None,
        limit: Some(200),
    };
    let details = async {
        let member_of = groups::list_user_groups(ctx.svc, id, all).await?;
        let owned = apps::list_my_apps(ctx.svc, &user, all).await?;
        let second_factor = two_factor::is_on(ctx.svc, id).await?;
        Ok::<_, ServiceError>((member_of, owned, second_factor))
    };
    let (member_of, owned, second_factor) = match details.await {
        Ok(d) => d,
        Err(e) => return ctx.service_error_page(&e),
    };
    let group_rows: Vec<_> = member_of
        .items
        .iter()
        .map(|g| minijinja::context! { id => g.id, name => g.name.as_str() })
        .collect();
    let app_rows: Vec<_> = owned
        .items
        .iter()
        .map(|a| minijinja::context! { id => a.client_id, name => a.name })
        .collect();
    let mut audit = url::form_urlencoded::Serializer::new(String::new());
    let page = minijinja::context! {
        account => row(&user),
        created_at => user.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        second_factor, groups => group_rows, apps => app_rows,
        audit_href => format!("/admin/audit/?{}", audit.append_pair("user", &user.id).finish()),
        problem, notice => notice(ctx, done, &DONE),
    };
    ctx.render(status, "admin_user.html", page)
}

#[handler]
pub async fn show(ctx: Ctx<'_>, Path(id): Path<String>, Query(q): Query<DoneQuery>) -> Response {
    if let Err(resp) = admin_only(&ctx, LIST) {
        return resp;
    }
    user_page(&ctx, &id, StatusCode::OK, None, &q.done).await
}

/// The answer to an action: back to the account's page with `what` done, or the page again
/// with the refusal (409), or the error page.
async fn answer(
    ctx: &Ctx<'_>,
    actor: &User,
    id: &str,
    result: Result<(), ServiceError>,
    what: &str,
) -> Response {
    match result {
        Ok(()) => done(&user_path(id), what),
        Err(ServiceError::Refused(_)) => {
            let key = match actor.id == id {
                true => "own_account",
                false => "last_admin",
            };
            user_page(ctx, id, StatusCode::CONFLICT, Some(text(ctx, key)), "").await
        }
        Err(e) => ctx.service_error_page(&e),
    }
}

#[handler]
pub async fn set_disabled(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<FlagForm>,
) -> Response {
    let (actor, disabled) = match posted_flag(&ctx, &f.csrf_token, &f.value, LIST) {
        Ok(a) => a,
        Err(resp) => return resp,
    };
    let result = admin::set_user_disabled(ctx.svc, &actor, &id, disabled).await;
    let what = if disabled { "disabled" } else { "enabled" };
    answer(&ctx, &actor, &id, result.map(drop), what).await
}

#[handler]
pub async fn set_admin(ctx: Ctx<'_>, Path(id): Path<String>, Form(f): Form<FlagForm>) -> Response {
    let (actor, is_admin) = match posted_flag(&ctx, &f.csrf_token, &f.value, LIST) {
        Ok(a) => a,
        Err(resp) => return resp,
    };
    let result = admin::set_user_admin(ctx.svc, &actor, &id, is_admin).await;
    let what = if is_admin { "promoted" } else { "demoted" };
    answer(&ctx, &actor, &id, result.map(drop), what).await
}

#[handler]
pub async fn reset_second_factor(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<PlainForm>,
) -> Response {
    let actor = match admin_posted(&ctx, &f.csrf_token, LIST) {
        Ok((_, u)) => u.clone(),
        Err(resp) => return resp,
    };
    let client = ctx.client();
    let result = two_factor::admin_reset::reset_second_factor(ctx.svc, &id, &client).await;
    answer(&ctx, &actor, &id, result.map(drop), "second_factor").await
}

#[handler]
pub async fn resend_verification(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<PlainForm>,
) -> Response {
    if let Err(resp) = admin_posted(&ctx, &f.csrf_token, LIST) {
        return resp;
    }
    match email_verification::resend_verification_for(ctx.svc, &id, ctx.client_ip).await {
        Ok(()) => done(&user_path(&id), "verification"),
        Err(ServiceError::Refused(_)) => {
            let problem = Some(text(&ctx, "already_verified"));
            user_page(&ctx, &id, StatusCode::CONFLICT, problem, "").await
        }
        Err(e) => ctx.service_error_page(&e),
    }
}

#[handler]
pub async fn delete_form(ctx: Ctx<'_>, Path(id): Path<String>) -> Response {
    if let Err(resp) = admin_only(&ctx, LIST) {
        return resp;
    }
    let user = match admin::get_user(ctx.svc, &id).await {
        Ok(u) => u,
        Err(e) => return ctx.service_error_page(&e),
    };
    let arg = ("username", user.username.as_str());
    confirm_page(&ctx, "user", arg, &user_path(&id))
}

#[handler]
pub async fn delete_submit(
    ctx: Ctx<'_>,
    Path(id): Path<String>,
    Form(f): Form<PlainForm>,
) -> Response {
    let actor = match admin_posted(&ctx, &f.csrf_token, LIST) {
        Ok((_, u)) => u.clone(),
        Err(resp) => return resp,
    };
    match admin::delete_user(ctx.svc, &actor, &id).await {
        Ok(()) => see_other(&format!("{LIST}?done=deleted")),
        result => answer(&ctx, &actor, &id, result, "deleted").await,
    }
}
