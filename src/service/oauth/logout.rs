//! RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2–3). A request with a valid
//! `id_token_hint` for the browser's current session logs out at once and may return to a
//! `post_logout_redirect_uri` registered by that client (exact match; anything else is an error
//! page, never a redirect: no open redirect). Every other request (no hint, or a hint that
//! matches no session of this browser) goes to the logout confirmation page, so a third-party
//! page can neither log people out nor use this server as a redirector: any self-registered
//! app can get an id_token for itself, so a bare hint must not bounce a browser on. The page
//! names the destination's host and redirects only once the person confirms (§3: the OP
//! SHOULD ask). The confirmation posts the parameters back; they are checked again.

use serde::Deserialize;

use super::{refusal, OAuthError};
use crate::crypto::{digest, jwt};
use crate::domain::{Session, User};
use crate::service::Services;
use crate::store::StoreError;

/// The parameters of a logout request.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LogoutParams {
    pub id_token_hint: Option<String>,
    pub post_logout_redirect_uri: Option<String>,
    pub state: Option<String>,
    pub client_id: Option<String>,
}

/// What the logout endpoint does.
#[derive(Debug, PartialEq, Eq)]
pub enum LogoutDecision {
    /// Refuse with an error page (no redirect).
    ErrorPage(String),
    /// Ask the user on the logout page; once confirmed, end the session and go to this URL
    /// (or the login page).
    Confirm(Option<String>),
    /// End the session, then go to this URL (or the login page).
    LogoutAndRedirect(Option<String>),
}

/// A request whose parameters hold together: the verified hint, and the registered URI to
/// return to (with `state`).
struct Checked {
    hint: Option<HintClaims>,
    target: Option<String>,
}

#[derive(Debug, Deserialize)]
struct HintClaims {
    sub: String,
    aud: String,
    #[serde(default)]
    sid: Option<String>,
}

/// The `sid` claim of a session: a digest of its store key, never the key itself.
pub fn session_sid(session_id: &str) -> String {
    digest(&format!("sid:{session_id}"))
}

/// Verifies an id_token this server issued; expired hints are accepted (OIDC RP-Initiated
/// Logout §2: the hint identifies, it does not authorize).
async fn verify_hint(svc: &Services, token: &str) -> Result<HintClaims, OAuthError> {
    let bad = || OAuthError::invalid_request(refusal::BAD_HINT);
    let now = svc.now();
    let expect = jwt::Expect {
        typ: "JWT",
        issuer: &svc.public_url,
        audience: None,
        check_exp: false,
        now: now.timestamp(),
    };
    let keys = &svc.oauth.keys;
    keys.verify(token, &expect, now).await.map_err(|_| bad())
}

/// The registered post-logout URI with `state`, or why it is refused.
async fn return_url(svc: &Services, client_id: &str, p: &LogoutParams) -> Result<String, String> {
    let uri = p.post_logout_redirect_uri.as_deref().unwrap_or_default();
    let client = match svc.stores.clients.get_client(client_id).await {
        Ok(c) => c,
        Err(StoreError::NotFound) => return Err(refusal::UNKNOWN_CLIENT.into()),
        Err(e) => {
            let cause = OAuthError::from(e).description;
            return Err(format!("{}: {cause}", refusal::UNAVAILABLE));
        }
    };
    if !client.post_logout_redirect_uris.iter().any(|r| r == uri) {
        return Err(refusal::POST_LOGOUT_UNREGISTERED.into());
    }
    let mut url = url::Url::parse(uri).map_err(|_| refusal::POST_LOGOUT_INVALID)?;
    if let Some(state) = &p.state {
        url.query_pairs_mut().append_pair("state", state);
    }
    Ok(url.into())
}

/// Verifies the hint, that `client_id` agrees with it, and the return URI; or why not.
async fn check(svc: &Services, p: &LogoutParams) -> Result<Checked, String> {
    let hint = match p.id_token_hint.as_deref() {
        Some(t) => Some(verify_hint(svc, t).await.map_err(|e| e.description)?),
        None => None,
    };
    let client_id = match (
        p.client_id.as_deref(),
        hint.as_ref().map(|h| h.aud.as_str()),
    ) {
        (Some(a), Some(b)) if a != b => return Err(refusal::CLIENT_ID_MISMATCH.into()),
        (a, b) => a.or(b).map(str::to_owned),
    };
    let target = match (&p.post_logout_redirect_uri, client_id) {
        (None, _) => None,
        (Some(_), None) => return Err(refusal::POST_LOGOUT_NEEDS_CLIENT.into()),
        (Some(_), Some(id)) => Some(return_url(svc, &id, p).await?),
    };
    Ok(Checked { hint, target })
}

/// Decides a logout request for the browser's session.
pub async fn decide_logout(
    svc: &Services,
    p: &LogoutParams,
    session: Option<&(Session, User)>,
) -> LogoutDecision {
    let Checked { hint, target } = match check(svc, p).await {
        Ok(c) => c,
        Err(reason) => return LogoutDecision::ErrorPage(reason),
    };
    let Some(hint) = hint else {
        return LogoutDecision::Confirm(target);
    };
    // Only the hint's own session leaves at once: without one, nothing vouches that the
    // person wants to go to the app, and the redirect would serve any registered app.
    let its_session = session.is_some_and(|(s, u)| {
        u.id == hint.sub
            && hint
                .sid
                .as_ref()
                .is_none_or(|sid| *sid == session_sid(&s.id))
    });
    if its_session {
        LogoutDecision::LogoutAndRedirect(target)
    } else {
        LogoutDecision::Confirm(target)
    }
}

/// The person confirmed on the logout page (the web layer checked the CSRF token): checks
/// the posted parameters again, as a new request, and answers where to go after the session
/// ends (`None`: the login page), or why it is refused.
pub async fn confirmed_logout(svc: &Services, p: &LogoutParams) -> Result<Option<String>, String> {
    check(svc, p).await.map(|c| c.target)
}
