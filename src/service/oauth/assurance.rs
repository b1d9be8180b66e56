//! Whether a browser session meets the assurance an authorization request needs (OIDC Core
//! §3.1.2.1 `acr_values`, an app's `require_mfa`): a sign-in with a second factor. A person who
//! has one is asked for it (a step-up); one who has none cannot meet the request
//! (`unmet_authentication_requirements`, OpenID Connect Core Error Code
//! unmet_authentication_requirements 1.0); with `prompt=none` nothing may be asked. Remembered
//! consent never skips this. Must not import poem.

use super::valid_request::ValidRequest;
use super::{OAuthError, OAuthErrorCode};
use crate::domain::{amr_has_second_factor, Session, User};
use crate::service::Services;

/// What the session lacks for the request.
#[derive(Debug)]
pub enum Shortfall {
    /// Nothing: the request proceeds.
    None,
    /// Ask the person for their second factor, then resume.
    StepUp,
    /// The person has no second factor: tell them, and give the client this error.
    Missing(OAuthError),
    /// Answer the client with this error at once (`prompt=none`).
    Refused(OAuthError),
}

pub async fn shortfall(
    svc: &Services,
    v: &ValidRequest,
    session: &Session,
    user: &User,
) -> Result<Shortfall, OAuthError> {
    if !v.require_mfa || amr_has_second_factor(&session.amr) {
        return Ok(Shortfall::None);
    }
    let has_factor = crate::service::two_factor::is_on(svc, &user.id).await?;
    Ok(match (has_factor, v.prompt.none) {
        (true, false) => Shortfall::StepUp,
        (true, true) => Shortfall::Refused(OAuthError::new(
            OAuthErrorCode::LoginRequired,
            "a sign-in with a second factor is needed and prompt=none forbids asking",
        )),
        (false, none) => {
            let e = OAuthError::new(
                OAuthErrorCode::UnmetAuthenticationRequirements,
                "this request needs a second factor and the person has not set one up",
            );
            if none {
                Shortfall::Refused(e)
            } else {
                Shortfall::Missing(e)
            }
        }
    })
}
