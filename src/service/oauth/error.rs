//! OAuth protocol errors (RFC 6749 §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1, RFC 8628 §3.5): a registered error
//! code and a description for developers. Store failures become `server_error` or
//! `temporarily_unavailable` with the cause logged, never shown.

use crate::store::StoreError;

/// The error codes this server answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OAuthErrorCode {
    InvalidRequest,
    InvalidClient,
    InvalidGrant,
    UnauthorizedClient,
    UnsupportedGrantType,
    InvalidScope,
    InvalidToken,
    InsufficientScope,
    ServerError,
    TemporarilyUnavailable,
    UnsupportedResponseType,
    AccessDenied,
    LoginRequired,
    ConsentRequired,
    AuthorizationPending,
    SlowDown,
    ExpiredToken,
    /// RFC 8707 §2: a `resource` that is malformed or not one of ours.
    InvalidTarget,
    /// RFC 9449 §5.1, §7.1: the DPoP proof is missing where required, malformed or invalid.
    InvalidDpopProof,
    /// RFC 9449 §8: the proof lacks the server's current nonce (`DPoP-Nonce` names it).
    UseDpopNonce,
    /// OpenID Connect Core Error Code unmet_authentication_requirements 1.0: the sign-in the
    /// request asked for (a second factor) cannot be performed for this person.
    UnmetAuthenticationRequirements,
}

impl OAuthErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::InvalidClient => "invalid_client",
            Self::InvalidGrant => "invalid_grant",
            Self::UnauthorizedClient => "unauthorized_client",
            Self::UnsupportedGrantType => "unsupported_grant_type",
            Self::InvalidScope => "invalid_scope",
            Self::InvalidToken => "invalid_token",
            Self::InsufficientScope => "insufficient_scope",
            Self::ServerError => "server_error",
            Self::TemporarilyUnavailable => "temporarily_unavailable",
            Self::UnsupportedResponseType => "unsupported_response_type",
            Self::AccessDenied => "access_denied",
            Self::LoginRequired => "login_required",
            Self::ConsentRequired => "consent_required",
            Self::AuthorizationPending => "authorization_pending",
            Self::SlowDown => "slow_down",
            Self::ExpiredToken => "expired_token",
            Self::InvalidTarget => "invalid_target",
            Self::InvalidDpopProof => "invalid_dpop_proof",
            Self::UseDpopNonce => "use_dpop_nonce",
            Self::UnmetAuthenticationRequirements => "unmet_authentication_requirements",
        }
    }
}

/// An OAuth error: the code decides the HTTP status at the edge; the description is for the
/// developer of the client and never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {description}", code.as_str())]
pub struct OAuthError {
    pub code: OAuthErrorCode,
    pub description: String,
    /// A fresh DPoP nonce for the client to use (RFC 9449 §8: the `DPoP-Nonce` header).
    pub dpop_nonce: Option<String>,
}

impl OAuthError {
    pub fn new(code: OAuthErrorCode, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
            dpop_nonce: None,
        }
    }

    pub fn invalid_request(d: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidRequest, d)
    }

    pub fn invalid_client(d: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidClient, d)
    }

    pub fn invalid_grant(d: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidGrant, d)
    }

    pub fn invalid_target(d: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidTarget, d)
    }

    pub fn invalid_scope(d: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidScope, d)
    }

    pub fn invalid_token(d: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::InvalidToken, d)
    }

    pub fn unauthorized_client(d: impl Into<String>) -> Self {
        Self::new(OAuthErrorCode::UnauthorizedClient, d)
    }

    /// An unexpected failure: logged with its cause chain, reported without it.
    pub fn internal(cause: anyhow::Error) -> Self {
        tracing::error!(error = %format!("{cause:#}"), "oauth internal error");
        Self::new(OAuthErrorCode::ServerError, "internal server error")
    }
}

impl From<StoreError> for OAuthError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(cause) => {
                tracing::warn!(error = %format!("{cause:#}"), "store unavailable");
                Self::new(
                    OAuthErrorCode::TemporarilyUnavailable,
                    "the store is unavailable; retry later",
                )
            }
            other => Self::internal(anyhow::Error::new(other)),
        }
    }
}

impl From<crate::service::ServiceError> for OAuthError {
    fn from(e: crate::service::ServiceError) -> Self {
        use crate::crypto::HashError;
        match e {
            crate::service::ServiceError::Unavailable(cause) => {
                if let Some(HashError::Busy) = cause.downcast_ref::<HashError>() {
                    return Self::new(
                        OAuthErrorCode::TemporarilyUnavailable,
                        "too many passwords are being checked; retry shortly",
                    );
                }
                tracing::warn!(error = %format!("{cause:#}"), "dependency unavailable");
                Self::new(
                    OAuthErrorCode::TemporarilyUnavailable,
                    "the store is unavailable; retry later",
                )
            }
            other => Self::internal(anyhow::Error::new(other)),
        }
    }
}
