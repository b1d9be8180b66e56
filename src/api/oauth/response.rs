//! The response shape shared by the OAuth endpoints and the one mapping of `OAuthError` to
//! HTTP: 400 for request errors, 401 + `WWW-Authenticate` for `invalid_client` (Basic, RFC 6749
//! §5.2) and `invalid_token` (Bearer, RFC 6750 §3), 403 for `insufficient_scope`, 500/503 for
//! server trouble. Every answer carries `Cache-Control: no-store` and `Pragma: no-cache`.

use poem_openapi::payload::Json;
use poem_openapi::types::{ParseFromJSON, ToJSON};
use poem_openapi::{ApiResponse, Object};

use crate::service::oauth::{OAuthError, OAuthErrorCode};

/// An OAuth error (RFC 6749 §5.2).
#[derive(Debug, Clone, Object)]
pub struct OAuthErrorBody {
    /// The registered error code: `invalid_request`, `invalid_client`, `invalid_grant`,
    /// `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`, `invalid_token`,
    /// `insufficient_scope`, `server_error` or `temporarily_unavailable`; while a device polls
    /// (RFC 8628 §3.5): `authorization_pending`, `slow_down`, `expired_token`, `access_denied`.
    pub error: String,
    /// What went wrong, for the developer of the client.
    #[oai(skip_serializing_if_is_none)]
    pub error_description: Option<String>,
}

const NO_STORE: &str = "no-store";
const NO_CACHE: &str = "no-cache";

/// A successful OAuth answer or an OAuth error.
#[derive(ApiResponse)]
pub enum OAuthResponse<T: ParseFromJSON + ToJSON + Send + Sync> {
    /// Success.
    #[oai(status = 200)]
    Ok(
        Json<T>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "Pragma")] String,
    ),
    /// The request is malformed, or the grant, scope or grant type is not acceptable.
    #[oai(status = 400)]
    BadRequest(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
    ),
    /// Client authentication failed (`invalid_client`) or the bearer token is not valid
    /// (`invalid_token`); `WWW-Authenticate` names the scheme to use.
    #[oai(status = 401)]
    Unauthorized(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "WWW-Authenticate")] String,
    ),
    /// The bearer token lacks a scope this endpoint needs (`insufficient_scope`).
    #[oai(status = 403)]
    Forbidden(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "WWW-Authenticate")] String,
    ),
    /// An unexpected server error (`server_error`); details are only in the server's logs.
    #[oai(status = 500)]
    ServerError(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
    ),
    /// The store is unavailable (`temporarily_unavailable`); retry later.
    #[oai(status = 503)]
    Unavailable(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
    ),
}

/// Quotes a value for an auth-param (RFC 9110 §5.6.4).
fn quoted(s: &str) -> String {
    s.replace(['"', '\\'], "'")
}

impl<T: ParseFromJSON + ToJSON + Send + Sync> OAuthResponse<T> {
    pub fn ok(body: T) -> Self {
        Self::Ok(Json(body), NO_STORE.into(), NO_CACHE.into())
    }

    /// Maps an OAuth error; bearer challenges are used for token errors, Basic otherwise.
    pub fn error(e: OAuthError) -> Self {
        let code = e.code.as_str();
        let body = Json(OAuthErrorBody {
            error: code.to_owned(),
            error_description: Some(e.description.clone()),
        });
        let bearer = format!(
            "Bearer realm=\"auth-center\", error=\"{code}\", error_description=\"{}\"",
            quoted(&e.description)
        );
        match e.code {
            OAuthErrorCode::InvalidClient => {
                Self::Unauthorized(body, NO_STORE.into(), "Basic realm=\"auth-center\"".into())
            }
            OAuthErrorCode::InvalidToken => Self::Unauthorized(body, NO_STORE.into(), bearer),
            OAuthErrorCode::InsufficientScope => Self::Forbidden(body, NO_STORE.into(), bearer),
            OAuthErrorCode::ServerError => Self::ServerError(body, NO_STORE.into()),
            OAuthErrorCode::TemporarilyUnavailable => Self::Unavailable(body, NO_STORE.into()),
            _ => Self::BadRequest(body, NO_STORE.into()),
        }
    }

    pub fn from_result<U: Into<T>>(r: Result<U, OAuthError>) -> Self {
        match r {
            Ok(v) => Self::ok(v.into()),
            Err(e) => Self::error(e),
        }
    }
}
