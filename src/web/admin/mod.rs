//! The administrators' console under `/admin/`: accounts (`users`), groups (`groups`) and
//! every app (`apps`), beside the resource-server page (`admin_resources`) and the audit log
//! viewer (`activity`), all under one navigation. Every page and action needs an
//! administrator's session (anyone else: a 403 page; no session: the login page, which leads
//! back); every action is a CSRF-protected POST answered with a redirect (PRG) or its page
//! again with the error. Each action calls the service function the admin JSON API calls, so
//! one set of rules holds for both.
//!
//! Must not import a store backend.

pub mod apps;
pub mod groups;
pub mod users;

use poem::http::StatusCode;
use poem::Response;

use super::context::{see_other, Ctx};
use super::journey::with_next;
use crate::domain::{DomainError, Session, User};
use crate::service::admin::PageRequest;
use crate::service::ServiceError;

/// Rows per page of the console's listings.
pub const PER_PAGE: u64 = 20;
/// Highest page number accepted (far beyond any real listing).
const MAX_PAGE: u64 = 1_000_000;

/// The administrator's session and user, or the answer: the login page leading back to
/// `section`, or a 403 page.
#[allow(clippy::result_large_err)] // a page answer, built once per request
pub fn admin_only<'c>(
    ctx: &'c Ctx<'_>,
    section: &str,
) -> Result<(&'c Session, &'c User), Response> {
    let (session, user) = ctx.signed_in(&with_next("/accounts/login/", section))?;
    if !user.is_admin {
        return Err(ctx.error_page(StatusCode::FORBIDDEN, "admin_console.forbidden"));
    }
    Ok((session, user))
}

/// [`admin_only`] for a posted form: the CSRF token is checked first (403, nothing changes).
#[allow(clippy::result_large_err)] // a page answer, built once per request
pub fn admin_posted<'c>(
    ctx: &'c Ctx<'_>,
    csrf: &str,
    section: &str,
) -> Result<(&'c Session, &'c User), Response> {
    if !ctx.csrf_ok(csrf) {
        return Err(ctx.error_page(StatusCode::FORBIDDEN, "error.csrf"));
    }
    admin_only(ctx, section)
}

/// The page of a listing from its `page` query value (1 when empty): the service's paging,
/// or the field error for `page`.
pub fn page_of(text: &str) -> Result<(u64, PageRequest), ServiceError> {
    let text = text.trim();
    let number = match text {
        "" => Some(1),
        t => t.parse::<u64>().ok().filter(|n| (1..=MAX_PAGE).contains(n)),
    };
    let Some(number) = number else {
        let e = DomainError::new(
            "page",
            format!("must be a whole number from 1 to {MAX_PAGE}"),
        );
        return Err(ServiceError::Invalid(vec![e]));
    };
    let paging = PageRequest {
        offset: Some((number - 1) * PER_PAGE),
        limit: Some(PER_PAGE),
    };
    Ok((number, paging))
}

/// The links of a listing's pager: `href(n)` builds the address of page `n`.
pub fn pager(number: u64, total: u64, href: impl Fn(u64) -> String) -> minijinja::Value {
    let pages = total.div_ceil(PER_PAGE).max(1);
    minijinja::context! {
        number, pages,
        previous => (number > 1).then(|| href(number - 1)),
        next => (number < pages).then(|| href(number + 1)),
    }
}

/// The translated notice of a `?done=` redirect, when `done` is one of `known`.
pub fn notice(ctx: &Ctx<'_>, done: &str, known: &[&str]) -> Option<String> {
    known.contains(&done).then(|| {
        let key = format!("admin_console.done_{done}");
        ctx.templates.translations().get(ctx.lang, &key).to_owned()
    })
}

/// A translated message of the console.
pub fn text(ctx: &Ctx<'_>, key: &str) -> String {
    let key = format!("admin_console.{key}");
    ctx.templates.translations().get(ctx.lang, &key).to_owned()
}

/// `true` or `false` as a form sends it; anything else is refused with a 422 page.
#[allow(clippy::result_large_err)] // a page answer, built once per request
fn flag(ctx: &Ctx<'_>, value: &str) -> Result<bool, Response> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ctx.error_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            "admin_console.bad_request",
        )),
    }
}

/// The confirmation page of deleting a `what` (`user`, `group`, `app`) named by `arg` (the
/// message's placeholder and its value), with the form that deletes it and the way back
/// (`back`, the record's page; the form posts to its `delete/`).
pub fn confirm_page(ctx: &Ctx<'_>, what: &str, arg: (&str, &str), back: &str) -> Response {
    let tr = ctx.templates.translations();
    let key = format!("admin_console.delete_{what}_confirm");
    let page = minijinja::context! {
        title => text(ctx, &format!("delete_{what}_title")),
        message => tr.format(ctx.lang, &key, &[arg]),
        action => format!("{back}delete/"),
        back,
    };
    ctx.render(StatusCode::OK, "admin_confirm.html", page)
}

/// The administrator and the `value` (`true` or `false`) of a posted flag form, or the answer
/// (403 for a bad CSRF token or another person, 422 for another value).
#[allow(clippy::result_large_err)] // a page answer, built once per request
pub fn posted_flag(
    ctx: &Ctx<'_>,
    csrf: &str,
    value: &str,
    section: &str,
) -> Result<(User, bool), Response> {
    let (_, actor) = admin_posted(ctx, csrf, section)?;
    Ok((actor.clone(), flag(ctx, value)?))
}

/// A 303 to `path` with `?done=what`.
pub fn done(path: &str, what: &str) -> Response {
    see_other(&format!("{path}?done={what}"))
}
