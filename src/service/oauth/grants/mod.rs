//! The token endpoint (RFC 6749 §3.2): authenticates the client and runs the grant it asked
//! for, one file per grant: `authorization_code` (with PKCE, RFC 7636 §4.6), `refresh`
//! (rotation with reuse detection, RFC 9700 §4.14), `client_credentials` (§4.4); the password
//! grant (§4.3, only for apps an administrator enabled it on) and the device code grant
//! (RFC 8628 §3.4) live beside it in `password` and `device`. Every grant narrows the requested
//! scope with the one rule `ScopeSet::narrow` (absent or blank: all that is allowed).

mod authorization_code;
mod client_credentials;
mod refresh;

use super::client_auth::{authenticate_client, ClientCredentials};
use super::issue::TokenSet;
use super::password::{self, password_grant};
use super::{OAuthError, OAuthErrorCode};
use crate::domain::{GrantType, ScopeSet};
use crate::service::Services;

/// The form parameters of a token request (every grant's, all optional here: what each grant
/// needs is checked by that grant).
#[derive(Clone, Default)]
pub struct TokenRequest {
    pub grant_type: Option<String>,
    pub code: Option<String>,
    pub redirect_uri: Option<String>,
    pub code_verifier: Option<String>,
    pub refresh_token: Option<String>,
    pub scope: Option<String>,
    pub username: Option<String>,
    pub password: Option<String>,
    /// urn:ietf:params:oauth:grant-type:device_code (RFC 8628 §3.4).
    pub device_code: Option<String>,
    /// The address the request came from (the password grant is throttled per client IP).
    pub client_ip: Option<std::net::IpAddr>,
}

impl std::fmt::Debug for TokenRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenRequest")
            .field("grant_type", &self.grant_type)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// Authenticates the client and runs the grant it asked for.
pub async fn exchange(
    svc: &Services,
    creds: &ClientCredentials,
    req: &TokenRequest,
) -> Result<TokenSet, OAuthError> {
    let grant_type = required(&req.grant_type, "grant_type")?;
    // A password grant's place in the hashing queue comes before any store work, so a flood
    // of them is refused before it costs a read.
    let place = match grant_type {
        "password" => Some(password::admit(svc, req)?),
        _ => None,
    };
    let auth = authenticate_client(svc, creds).await.inspect_err(|_| {
        if place.is_some() {
            password::client_refused(svc, req);
        }
    })?;
    let grant = GrantType::parse(grant_type).map_err(|_| {
        OAuthError::new(
            OAuthErrorCode::UnsupportedGrantType,
            format!("grant_type '{grant_type}' is not supported"),
        )
    })?;
    if !auth.client.allows_grant(grant) {
        return Err(OAuthError::unauthorized_client(format!(
            "this client may not use the {} grant",
            grant.as_str()
        )));
    }
    match grant {
        GrantType::AuthorizationCode => authorization_code::exchange(svc, &auth, req).await,
        GrantType::RefreshToken => refresh::exchange(svc, &auth.client, req).await,
        GrantType::ClientCredentials => client_credentials::exchange(svc, &auth, req).await,
        GrantType::Password => password_grant(svc, &auth.client, req, place).await,
        GrantType::DeviceCode => {
            super::device::device_grant(svc, &auth.client, req.device_code.as_deref()).await
        }
        other => Err(OAuthError::new(
            OAuthErrorCode::UnsupportedGrantType,
            format!(
                "the {} grant is not available at this endpoint",
                other.as_str()
            ),
        )),
    }
}

pub(super) fn required<'a>(v: &'a Option<String>, name: &str) -> Result<&'a str, OAuthError> {
    v.as_deref()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| OAuthError::invalid_request(format!("{name} is required")))
}

/// The requested scope narrowed within `allowed` (absent or blank: all of it), or
/// `invalid_scope` with `why`.
pub(super) fn narrow(
    allowed: &ScopeSet,
    asked: Option<&str>,
    why: impl FnOnce() -> &'static str,
) -> Result<ScopeSet, OAuthError> {
    ScopeSet::narrow(allowed, asked)
        .map_err(|e| OAuthError::invalid_scope(e.message))?
        .ok_or_else(|| OAuthError::invalid_scope(why()))
}
