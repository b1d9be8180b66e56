//! The one JSON error shape of every non-OAuth error, and the single mapping from service
//! errors and framework errors to HTTP. A 500 never carries internals: the cause is logged.

use poem::http::StatusCode;
use poem::{IntoResponse, Response};
use poem_openapi::Object;

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
    /// `forbidden`, `not_found`, `method_not_allowed`, `conflict`, `unsupported_media_type`,
    /// `too_many_requests`, `internal_error`, `service_unavailable`.
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
                tracing::warn!(error = %format!("{cause:#}"), "dependency unavailable");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    Self::new(
                        "service_unavailable",
                        "the store is unavailable; retry later",
                    ),
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
    let status = err.status();
    let message = if status.is_server_error() {
        tracing::error!(error = %err, "unhandled error");
        "internal server error".to_owned()
    } else {
        err.to_string()
    };
    let mut resp = ApiError::new(ApiError::code_for(status), message).into_response_with(status);
    if status == StatusCode::UNAUTHORIZED {
        // RFC 6750 §3: a 401 names the scheme the client should use.
        resp.headers_mut().insert(
            "www-authenticate",
            poem::http::HeaderValue::from_static("Bearer realm=\"auth-center\""),
        );
    }
    resp
}

/// The response for a panic caught by `CatchPanic`: the JSON shape, nothing of the panic.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    ApiError::new("internal_error", "internal server error")
        .into_response_with(StatusCode::INTERNAL_SERVER_ERROR)
}
