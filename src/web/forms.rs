//! What the account forms share: field-level error messages translated from the service's
//! validation codes (`fields.{field}.{code}` in the i18n files), the values kept between a
//! failed POST and its re-rendered page (never passwords), and the one-message result pages
//! that follow a successful POST (Post/Redirect/Get).

use std::collections::BTreeMap;

use poem::http::StatusCode;
use poem::Response;

use super::context::Ctx;
use crate::service::ServiceError;

/// Field name → translated message, for the template's `errors`.
pub type FieldErrors = BTreeMap<&'static str, String>;

/// The field errors in a service failure (validation or a duplicate), or `None` for a failure
/// that is not about the input.
pub fn field_errors(ctx: &Ctx<'_>, e: &ServiceError) -> Option<FieldErrors> {
    let pairs: Vec<(&'static str, &'static str)> = match e {
        ServiceError::Invalid(errs) => errs.iter().map(|d| (d.field, d.code)).collect(),
        ServiceError::Conflict(field) => vec![(*field, "taken")],
        _ => return None,
    };
    let min = ctx.svc.accounts.min_password_len.to_string();
    let tr = ctx.templates.translations();
    let mut out = FieldErrors::new();
    for (field, code) in pairs {
        let key = [format!("fields.{field}.{code}"), format!("fields.{code}")]
            .into_iter()
            .find(|k| tr.lookup(ctx.lang, k).is_some())
            .unwrap_or_else(|| "fields.invalid".to_owned());
        out.entry(field)
            .or_insert_with(|| tr.format(ctx.lang, &key, &[("min", &min)]));
    }
    Some(out)
}

/// A field error for a required field left empty.
pub fn required(ctx: &Ctx<'_>, field: &'static str) -> FieldErrors {
    let msg = ctx
        .templates
        .translations()
        .get(ctx.lang, "fields.required");
    FieldErrors::from([(field, msg.to_owned())])
}

/// A page with a title and one message (`{prefix}.title`, `{prefix}.message`), and a link.
pub fn message_page(ctx: &Ctx<'_>, prefix: &str, link: Option<(&str, &str)>) -> Response {
    let tr = ctx.templates.translations();
    let link = link.map(|(href, key)| minijinja::context! { href, label => tr.get(ctx.lang, key) });
    ctx.render(
        StatusCode::OK,
        "message.html",
        minijinja::context! {
            title => tr.get(ctx.lang, &format!("{prefix}.title")),
            message => tr.get(ctx.lang, &format!("{prefix}.message")),
            link,
        },
    )
}

/// The status of a re-rendered form: 409 for a duplicate, 429 for a throttled check, 422 for
/// other bad input.
pub fn status_for(e: &ServiceError) -> StatusCode {
    match e {
        ServiceError::Conflict(_) => StatusCode::CONFLICT,
        // A check refused by the login throttle, not a wrong value.
        ServiceError::Invalid(errs) if errs.iter().any(|d| d.code == "throttled") => {
            StatusCode::TOO_MANY_REQUESTS
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}
