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
use super::dpop;
use super::issue::TokenSet;
use super::password::{self, password_grant};
pub use super::token_request::TokenRequest;
use super::{OAuthError, OAuthErrorCode};
use crate::domain::GrantType;
use crate::service::Services;

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
    // RFC 9449 §5: a valid proof binds the access token to its key.
    let proof = dpop::check(svc, &req.dpop, None).await?;
    super::fapi::check_token_request(&auth, proof.as_ref())?;
    let jkt = proof.as_ref().map(|p| p.jkt.as_str());
    let issued = match grant {
        GrantType::AuthorizationCode => authorization_code::exchange(svc, &auth, req, jkt).await,
        GrantType::RefreshToken => refresh::exchange(svc, &auth.client, req, jkt).await,
        GrantType::ClientCredentials => client_credentials::exchange(svc, &auth, req, jkt).await,
        GrantType::Password => password_grant(svc, &auth.client, req, place, jkt).await,
        GrantType::DeviceCode => {
            let code = req.device_code.as_deref();
            super::device::device_grant(svc, &auth.client, code, &req.resources, jkt).await
        }
        other => Err(OAuthError::new(
            OAuthErrorCode::UnsupportedGrantType,
            format!(
                "the {} grant is not available at this endpoint",
                other.as_str()
            ),
        )),
    }?;
    crate::metrics::metrics().token_issued(grant);
    Ok(issued)
}

pub(super) fn required<'a>(v: &'a Option<String>, name: &str) -> Result<&'a str, OAuthError> {
    v.as_deref()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| OAuthError::invalid_request(format!("{name} is required")))
}
