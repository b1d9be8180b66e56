//! The one JSON error shape of every non-OAuth error, and the single mapping from service
//! errors and framework errors to HTTP. A 500 never carries internals: the cause is logged.
//!
//! The spec is checked against the live server by schemathesis (`scripts/schemathesis.sh`, run
//! by `scripts/test.sh`): every response must be one the operation documents. What every
//! operation must do to stay clean:
//! - Declare a typed response variant for every status it can answer, including 401/403 when it
//!   takes [`super::auth::ApiAuth`], 404 for a path id, 409 for conflicts, 500 and 503.
//! - An operation with parameters or a request body documents **422** with [`ApiError`]: input
//!   the framework cannot parse (a non-integer `offset`, a missing or wrong `Content-Type`, a
//!   body that is not the declared JSON) is answered by [`reject_unparsable`] as 422
//!   `validation_failed` naming the field, never poem-openapi's bare 400/415. OAuth endpoints
//!   (`/oauth2/…`) document **400** instead and get RFC 6749 §5.2 `invalid_request`.
//! - Put every bound the server enforces into the spec (`#[oai(validator(...))]`: `minimum`,
//!   `maximum`, `max_length`...), so generated data that the server refuses is documented input.
//! - Optional response fields are `#[oai(skip_serializing_if_is_none)]`: the spec does not say
//!   `nullable`, so a `null` would violate it.
//! - Unknown methods on a known path answer 405 with an `Allow` header (done here, from the
//!   spec); nothing to do per operation.

use std::sync::Arc;

use poem::http::{HeaderValue, StatusCode};
use poem::{Endpoint, IntoResponse, Request, Response};
use poem_openapi::error::{
    ContentTypeError, ParseMultipartError, ParseParamError, ParsePathError,
    ParseRequestPayloadError,
};
use poem_openapi::Object;

use super::spec_index;
use crate::service::ServiceError;

/// A field that failed validation.
#[derive(Debug, Clone, Object)]
pub struct FieldError {
    /// The input field, e.g. `username`.
    pub field: String,
    /// What is wrong with it, for people.
    pub message: String,
}

/// The error body of every non-OAuth error response.
#[derive(Debug, Clone, Object)]
#[oai(example)]
pub struct ApiError {
    /// A stable machine-readable code: `bad_request`, `validation_failed`, `unauthorized`,
    /// `forbidden`, `not_found`, `method_not_allowed`, `request_timeout`, `conflict`,
    /// `payload_too_large`, `unsupported_media_type`, `too_many_requests`, `internal_error`,
    /// `service_unavailable`.
    pub error: String,
    /// A human-readable explanation.
    pub message: String,
    /// Field-level problems (validation and conflicts); empty otherwise.
    pub fields: Vec<FieldError>,
}

impl ApiError {
    pub fn new(error: &str, message: impl Into<String>) -> Self {
        Self {
            error: error.to_owned(),
            message: message.into(),
            fields: vec![],
        }
    }
}

impl poem_openapi::types::Example for ApiError {
    fn example() -> Self {
        Self {
            error: "validation_failed".into(),
            message: "the request has invalid fields".into(),
            fields: vec![FieldError {
                field: "username".into(),
                message: "must be 3 to 32 characters long".into(),
            }],
        }
    }
}

impl ApiError {
    /// The code that goes with a status, for framework-generated errors.
    pub fn code_for(status: StatusCode) -> &'static str {
        match status.as_u16() {
            400 => "bad_request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            405 => "method_not_allowed",
            408 => "request_timeout",
            409 => "conflict",
            413 => "payload_too_large",
            415 => "unsupported_media_type",
            422 => "validation_failed",
            429 => "too_many_requests",
            503 => "service_unavailable",
            s if s >= 500 => "internal_error",
            _ => "bad_request",
        }
    }

    /// Maps a service error to a status and body, logging what must not be shown.
    pub fn from_service(e: &ServiceError) -> (StatusCode, Self) {
        match e {
            // A check refused by the login throttle, not a wrong value (as on the pages).
            ServiceError::Invalid(errs) if errs.iter().any(|d| d.code == "throttled") => (
                StatusCode::TOO_MANY_REQUESTS,
                Self {
                    error: "too_many_requests".into(),
                    message: errs
                        .iter()
                        .find(|d| d.code == "throttled")
                        .map_or_else(String::new, |d| d.message.clone()),
                    fields: errs
                        .iter()
                        .map(|d| FieldError {
                            field: d.field.into(),
                            message: d.message.clone(),
                        })
                        .collect(),
                },
            ),
            ServiceError::Invalid(errs) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Self {
                    error: "validation_failed".into(),
                    message: "the request has invalid fields".into(),
                    fields: errs
                        .iter()
                        .map(|d| FieldError {
                            field: d.field.into(),
                            message: d.message.clone(),
                        })
                        .collect(),
                },
            ),
            ServiceError::Conflict(field) => (
                StatusCode::CONFLICT,
                Self {
                    error: "conflict".into(),
                    message: format!("{field} is already taken"),
                    fields: vec![FieldError {
                        field: (*field).into(),
                        message: "is already taken".into(),
                    }],
                },
            ),
            ServiceError::NotFound => (StatusCode::NOT_FOUND, Self::new("not_found", "not found")),
            ServiceError::Refused(why) => {
                (StatusCode::CONFLICT, Self::new("conflict", why.clone()))
            }
            ServiceError::Unavailable(cause) => {
                let busy = matches!(
                    cause.downcast_ref::<crate::crypto::HashError>(),
                    Some(crate::crypto::HashError::Busy)
                );
                let message = if busy {
                    "too many passwords are being checked; retry shortly"
                } else {
                    tracing::warn!(error = %format!("{cause:#}"), "dependency unavailable");
                    "the store is unavailable; retry later"
                };
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    Self::new("service_unavailable", message),
                )
            }
            ServiceError::Internal(cause) => {
                tracing::error!(error = %format!("{cause:#}"), "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Self::new("internal_error", "internal server error"),
                )
            }
        }
    }

    pub fn into_response_with(self, status: StatusCode) -> Response {
        let body = serde_json::json!({
            "error": self.error,
            "message": self.message,
            "fields": self.fields.iter().map(|f| serde_json::json!({
                "field": f.field, "message": f.message,
            })).collect::<Vec<_>>(),
        });
        poem::web::Json(body)
            .with_status(status)
            .with_header("cache-control", "no-store")
            .into_response()
    }
}

/// Converts any error that reached the top of the app (framework 4xx, handler errors) into the
/// JSON error shape. Used with `EndpointExt::catch_all_error`.
pub async fn into_json_error(err: poem::Error) -> Response {
    // An answer a handler or an extractor built whole (a page's redirect) is kept as it is.
    if err.is_from_response() {
        return err.into_response();
    }
    let status = err.status();
    let message = if status.is_server_error() {
        tracing::error!(error = %err, "unhandled error");
        "internal server error".to_owned()
    } else {
        err.to_string()
    };
    let mut resp = ApiError::new(ApiError::code_for(status), message).into_response_with(status);
    // The route the router matched stays on the answer, for the request metrics.
    if let Some(route) = err.data::<poem::PathPattern>() {
        resp.set_data(route.clone());
    }
    if status == StatusCode::UNAUTHORIZED {
        // RFC 6750 §3: a 401 names the scheme the client should use.
        let challenge = super::response::bearer_challenge(&[]);
        if let Ok(value) = HeaderValue::from_str(&challenge) {
            resp.headers_mut().insert("www-authenticate", value);
        }
    }
    resp
}

/// The response for a panic caught by `CatchPanic`: the JSON shape, nothing of the panic.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    ApiError::new("internal_error", "internal server error")
        .into_response_with(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Whether a `Content-Type` may be JSON (`application/json`, `…+json`, in any case).
fn names_json(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|ct| {
        ct.as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"json"))
    })
}

/// Wraps the API endpoint: refuses a JSON body whose fields do not have the declared types
/// (see [`super::spec_index`]), answers input the framework could not parse as a documented
/// error (422 naming the field; 400 `invalid_request` on the OAuth endpoints) and gives a 405
/// its `Allow` header. Other errors pass through to [`into_json_error`].
pub async fn reject_unparsable<E: Endpoint>(
    ep: Arc<E>,
    mut req: Request,
) -> poem::Result<Response> {
    let path = req.uri().path().to_owned();
    // RFC 7591 §3.2.2: a registration's metadata of the wrong type is client metadata error.
    let oauth = match path.starts_with("/oauth2/register") {
        true => Some("invalid_client_metadata"),
        false => path.starts_with("/oauth2/").then_some("invalid_request"),
    };
    // Only a JSON content type reaches the framework's JSON parsing (others are 415 there):
    // form posts, such as every OAuth request, skip the schema lookup.
    if names_json(req.content_type()) && spec_index::takes_json_body(req.method(), &path) {
        let bytes = req.take_body().into_bytes().await?;
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            let fields = spec_index::check_json_body(req.method(), &path, &value);
            if !fields.is_empty() {
                return Ok(invalid_input(oauth, fields));
            }
        }
        req.set_body(bytes);
    }
    let err = match ep.call(req).await {
        Ok(r) => return Ok(r.into_response()),
        // An operation's documented failure (`Result<_, Failure>`): already the answer.
        Err(e) if e.is_from_response() => return Ok(e.into_response()),
        Err(e) => e,
    };
    if let Some((field, message)) = unparsable_field(&err) {
        return Ok(invalid_input(oauth, vec![FieldError { field, message }]));
    }
    if err.status() == StatusCode::METHOD_NOT_ALLOWED {
        let mut resp = into_json_error(err).await;
        let allow = spec_index::allowed_methods(&path).and_then(|a| HeaderValue::from_str(&a).ok());
        if let Some(allow) = allow {
            resp.headers_mut().insert("allow", allow);
        }
        return Ok(resp);
    }
    Err(err)
}

/// 422 `validation_failed` listing the fields, or on the OAuth endpoints 400 `invalid_request`.
fn invalid_input(oauth: Option<&str>, fields: Vec<FieldError>) -> Response {
    if let Some(code) = oauth {
        let described: Vec<String> = fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect();
        return oauth_error(code, &described.join("; "));
    }
    let mut body = ApiError::new("validation_failed", "the request has invalid fields");
    body.fields = fields;
    body.into_response_with(StatusCode::UNPROCESSABLE_ENTITY)
}

/// The input field a framework parse error is about, and what is wrong with it.
fn unparsable_field(err: &poem::Error) -> Option<(String, String)> {
    if let Some(e) = err.downcast_ref::<ParseParamError>() {
        return Some((e.name.to_owned(), e.reason.clone()));
    }
    if let Some(e) = err.downcast_ref::<ParsePathError>() {
        return Some((e.name.to_owned(), e.reason.clone()));
    }
    if let Some(e) = err.downcast_ref::<ParseRequestPayloadError>() {
        return Some(("body".to_owned(), e.reason.clone()));
    }
    if let Some(e) = err.downcast_ref::<ParseMultipartError>() {
        return Some(("body".to_owned(), e.reason.clone()));
    }
    if let Some(e) = err.downcast_ref::<ContentTypeError>() {
        return Some(("Content-Type".to_owned(), e.to_string()));
    }
    None
}

/// RFC 6749 §5.2 `invalid_request`, with the headers every OAuth answer carries.
pub(crate) fn oauth_invalid_request(description: &str) -> Response {
    oauth_error("invalid_request", description)
}

/// An OAuth error answer (400) with `code`, with the headers every OAuth answer carries.
fn oauth_error(code: &str, description: &str) -> Response {
    let body = serde_json::json!({
        "error": code,
        "error_description": description,
    });
    poem::web::Json(body)
        .with_status(StatusCode::BAD_REQUEST)
        .with_header("cache-control", "no-store")
        .with_header("pragma", "no-cache")
        .into_response()
}
