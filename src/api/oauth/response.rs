//! The response shape shared by the OAuth endpoints and the one mapping of `OAuthError` to
//! HTTP: 400 for request errors, 401 + `WWW-Authenticate` for `invalid_client` (Basic, RFC 6749
//! §5.2) and `invalid_token` (Bearer, RFC 6750 §3), 403 for `insufficient_scope`, 500/503 for
//! server trouble. Every answer carries `Cache-Control: no-store` (successes `Pragma: no-cache`
//! too). Operations return [`OAuthResult`], so a handler ends in `Ok(ok(call(..).await?))`.

use poem_openapi::payload::Json;
use poem_openapi::types::{ParseFromJSON, ToJSON};
use poem_openapi::{ApiResponse, Object};

use crate::api::response::{basic_challenge, bearer_challenge};
use crate::service::oauth::dpop::resource::{answers_with_dpop, Scheme};
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

/// A successful OAuth answer, never cached.
#[derive(ApiResponse)]
pub enum OAuthOk<T: ParseFromJSON + ToJSON + Send + Sync> {
    /// Success.
    #[oai(status = 200)]
    Ok(
        Json<T>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "Pragma")] String,
    ),
}

/// An OAuth error answer.
#[derive(ApiResponse)]
pub enum OAuthFailure {
    /// The request is malformed, or the grant, scope or grant type is not acceptable.
    #[oai(status = 400)]
    BadRequest(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
        /// With `use_dpop_nonce`: the nonce the next DPoP proof must carry (RFC 9449 §8).
        #[oai(header = "DPoP-Nonce")]
        Option<String>,
    ),
    /// Client authentication failed (`invalid_client`) or the bearer token is not valid
    /// (`invalid_token`); `WWW-Authenticate` names the scheme to use.
    #[oai(status = 401)]
    Unauthorized(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "WWW-Authenticate")] String,
        /// With `use_dpop_nonce`: the nonce the next DPoP proof must carry (RFC 9449 §9).
        #[oai(header = "DPoP-Nonce")]
        Option<String>,
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

/// What every OAuth operation returns.
pub type OAuthResult<T> = Result<OAuthOk<T>, OAuthFailure>;

/// The success answer of `body`, for `Ok(..)` or `.map(..)`.
pub fn ok<T: ParseFromJSON + ToJSON + Send + Sync>(body: impl Into<T>) -> OAuthOk<T> {
    OAuthOk::Ok(Json(body.into()), NO_STORE.into(), NO_CACHE.into())
}

impl From<OAuthError> for OAuthFailure {
    /// Bearer challenges for token errors (RFC 6750 §3), Basic for client authentication.
    fn from(e: OAuthError) -> Self {
        let code = e.code.as_str();
        let bearer = || bearer_challenge(&[("error", code), ("error_description", &e.description)]);
        let body = Json(OAuthErrorBody {
            error: code.to_owned(),
            error_description: Some(e.description.clone()),
        });
        match e.code {
            OAuthErrorCode::InvalidClient => {
                Self::Unauthorized(body, NO_STORE.into(), basic_challenge(), None)
            }
            OAuthErrorCode::InvalidToken => {
                Self::Unauthorized(body, NO_STORE.into(), bearer(), None)
            }
            OAuthErrorCode::InsufficientScope => Self::Forbidden(body, NO_STORE.into(), bearer()),
            OAuthErrorCode::ServerError => Self::ServerError(body, NO_STORE.into()),
            OAuthErrorCode::TemporarilyUnavailable => Self::Unavailable(body, NO_STORE.into()),
            _ => Self::BadRequest(body, NO_STORE.into(), e.dpop_nonce),
        }
    }
}

/// The refusal of a token at a protected resource (userinfo): as [`OAuthFailure::from`], but
/// a 401 with a `DPoP` challenge for a request that used the DPoP scheme and for proof errors
/// (RFC 9449 §7.1), with `DPoP-Nonce` when a nonce is asked for.
pub fn resource_refusal(scheme: Option<Scheme>, e: OAuthError) -> OAuthFailure {
    let dpop_error = matches!(
        e.code,
        OAuthErrorCode::InvalidToken
            | OAuthErrorCode::InvalidDpopProof
            | OAuthErrorCode::UseDpopNonce
    );
    if !(dpop_error && answers_with_dpop(scheme, &e)) {
        return e.into();
    }
    let code = e.code.as_str();
    let challenge = crate::api::response::dpop_challenge(&[
        ("error", code),
        ("error_description", &e.description),
    ]);
    let body = Json(OAuthErrorBody {
        error: code.to_owned(),
        error_description: Some(e.description.clone()),
    });
    OAuthFailure::Unauthorized(body, NO_STORE.into(), challenge, e.dpop_nonce)
}
