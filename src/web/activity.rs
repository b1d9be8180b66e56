//! The audit log as pages: "Security activity" (`/accounts/activity/`), where a signed-in
//! person sees their own events (what, when, device and address, app), and the
//! administrators' viewer (`/admin/audit/`) with the admin API's filters (person, app, type,
//! from and to dates). Both are GET only (nothing changes), newest first, an "Older" link
//! carrying the cursor. Anyone but an administrator gets a 403 page on the viewer; a visitor
//! without a session is sent to the login page first.

use chrono::{DateTime, Days, NaiveDate, Utc};
use poem::handler;
use poem::http::StatusCode;
use poem::web::Query;
use poem::Response;
use serde::Deserialize;

use super::context::Ctx;
use super::forms::{field_errors, FieldErrors};
use crate::domain::{AuditEvent, Device, DomainError};
use crate::service::audit::{self, AuditFilter, AuditPage};
use crate::service::ServiceError;

const OWN_LOGIN_FIRST: &str = "/accounts/login/?next=/accounts/activity/";
const ADMIN_LOGIN_FIRST: &str = "/accounts/login/?next=/admin/audit/";
const PER_PAGE: u32 = 50;

/// The filters of the pages, as typed (dates as `YYYY-MM-DD`).
#[derive(Debug, Default, Deserialize)]
pub struct FilterQuery {
    #[serde(default)]
    user: String,
    #[serde(default)]
    app: String,
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    since: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    next: String,
}

fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// A day's start (`since`), or the next day's start (`until`, so the day is included).
fn day(field: &'static str, text: &str, next: bool) -> Result<Option<DateTime<Utc>>, DomainError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let invalid = || DomainError::new(field, "must be a date (YYYY-MM-DD)").with_code("invalid");
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| invalid())?;
    let date = if next {
        date.checked_add_days(Days::new(1))
    } else {
        Some(date)
    };
    let start = date
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .ok_or_else(invalid)?;
    Ok(Some(start.and_utc()))
}

fn filter_of(q: &FilterQuery) -> Result<AuditFilter, ServiceError> {
    let since = day("since", &q.since, false);
    let until = day("until", &q.until, true);
    let errors: Vec<DomainError> = [&since, &until]
        .into_iter()
        .filter_map(|r| r.as_ref().err().cloned())
        .collect();
    if !errors.is_empty() {
        return Err(ServiceError::Invalid(errors));
    }
    Ok(AuditFilter {
        user: Some(q.user.trim().to_owned()),
        app: Some(q.app.trim().to_owned()),
        kind: Some(q.kind.trim().to_owned()),
        since: since.ok().flatten(),
        until: until.ok().flatten(),
        cursor: Some(q.next.clone()),
        limit: Some(PER_PAGE),
    })
}

fn entry(ctx: &Ctx<'_>, e: &AuditEvent) -> minijinja::Value {
    let tr = ctx.templates.translations();
    let device = Device::of(e.user_agent.as_deref());
    let args = [("browser", device.browser), ("os", device.os)];
    let what_key = format!("audit_types.{}", e.kind.as_str().replace('.', "_"));
    let reason = e.reason.as_deref().map(|r| {
        tr.lookup(ctx.lang, &format!("audit_reasons.{r}"))
            .unwrap_or(r)
            .to_owned()
    });
    minijinja::context! {
        id => e.id,
        time => when(e.time),
        kind => e.kind.as_str(),
        what => tr.get(ctx.lang, &what_key),
        reason,
        device => e.user_agent.as_ref().map(|_| tr.format(ctx.lang, "sessions.device", &args)),
        ip => e.ip,
        app => e.app,
        actor => e.actor,
        subject => e.subject,
    }
}

/// The link to the page after `page`, keeping the filters.
fn older_link(path: &str, q: &FilterQuery, page: &AuditPage) -> Option<String> {
    let next = page.next.as_ref()?;
    let mut url = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("user", &q.user),
        ("app", &q.app),
        ("type", &q.kind),
        ("since", &q.since),
        ("until", &q.until),
    ] {
        if !v.is_empty() {
            url.append_pair(k, v);
        }
    }
    url.append_pair("next", next);
    Some(format!("{path}?{}", url.finish()))
}

async fn render(
    ctx: &Ctx<'_>,
    template: &str,
    path: &str,
    q: &FilterQuery,
    result: Result<AuditPage, ServiceError>,
) -> Response {
    let values = minijinja::context! {
        user => q.user, app => q.app, kind => q.kind, since => q.since, until => q.until,
    };
    let (page, errors, status) = match result {
        Ok(page) => (page, FieldErrors::new(), StatusCode::OK),
        Err(e) => match field_errors(ctx, &e) {
            Some(errors) => (empty_page(), errors, StatusCode::UNPROCESSABLE_ENTITY),
            None => return ctx.service_error_page(&e),
        },
    };
    let entries: Vec<_> = page.events.iter().map(|e| entry(ctx, e)).collect();
    let older = older_link(path, q, &page);
    ctx.render(
        status,
        template,
        minijinja::context! {
            entries, older, errors, values, show_people => template == "admin_audit.html",
        },
    )
}

fn empty_page() -> AuditPage {
    AuditPage {
        events: Vec::new(),
        next: None,
    }
}

#[handler]
pub async fn own(ctx: Ctx<'_>, Query(q): Query<FilterQuery>) -> Response {
    let user_id = match ctx.signed_in(OWN_LOGIN_FIRST) {
        Ok((_, u)) => u.id.clone(),
        Err(resp) => return resp,
    };
    let q = FilterQuery {
        next: q.next,
        ..FilterQuery::default()
    };
    let result = match filter_of(&q) {
        Ok(filter) => audit::list_own_events(ctx.svc, &user_id, filter).await,
        Err(e) => Err(e),
    };
    render(&ctx, "activity.html", "/accounts/activity/", &q, result).await
}

#[handler]
pub async fn admin(ctx: Ctx<'_>, Query(q): Query<FilterQuery>) -> Response {
    if let Err(resp) = ctx.admin(ADMIN_LOGIN_FIRST, "admin_audit.forbidden") {
        return resp;
    }
    let result = match filter_of(&q) {
        Ok(filter) => audit::list_events(ctx.svc, filter).await,
        Err(e) => Err(e),
    };
    render(&ctx, "admin_audit.html", "/admin/audit/", &q, result).await
}
