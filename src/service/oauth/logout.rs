//! RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2–3). A request with a valid
//! `id_token_hint` for the current user (or for no session at all) logs out at once and may
//! return to a `post_logout_redirect_uri` registered by that client (exact match; anything else
//! is an error page, never a redirect: no open redirect). Without a valid hint the user is sent
//! to the logout confirmation page, so a third-party page cannot log people out.

use serde::Deserialize;

use super::OAuthError;
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
    /// Ask the user on the logout page.
    Confirm,
    /// End the session, then go to this URL (or the login page).
    LogoutAndRedirect(Option<String>),
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
    let bad = || OAuthError::invalid_request("id_token_hint is not an id_token of this server");
    let expect = jwt::Expect {
        typ: "JWT",
        issuer: &svc.public_url,
        audience: None,
        check_exp: false,
    };
    let keys = &svc.oauth.keys;
    keys.verify(token, &expect, svc.now())
        .await
        .map_err(|_| bad())
}

/// The registered post-logout URI with `state`, or why it is refused.
async fn return_url(svc: &Services, client_id: &str, p: &LogoutParams) -> Result<String, String> {
    let uri = p.post_logout_redirect_uri.as_deref().unwrap_or_default();
    let client = match svc.stores.clients.get_client(client_id).await {
        Ok(c) => c,
        Err(StoreError::NotFound) => return Err("unknown client".into()),
        Err(e) => return Err(OAuthError::from(e).description),
    };
    if !client.post_logout_redirect_uris.iter().any(|r| r == uri) {
        return Err("post_logout_redirect_uri is not registered for this client".into());
    }
    let mut url = url::Url::parse(uri).map_err(|_| "invalid post_logout_redirect_uri")?;
    if let Some(state) = &p.state {
        url.query_pairs_mut().append_pair("state", state);
    }
    Ok(url.into())
}

/// Decides a logout request for the browser's session.
pub async fn decide_logout(
    svc: &Services,
    p: &LogoutParams,
    session: Option<&(Session, User)>,
) -> LogoutDecision {
    let hint = match p.id_token_hint.as_deref() {
        Some(t) => match verify_hint(svc, t).await {
            Ok(h) => Some(h),
            Err(e) => return LogoutDecision::ErrorPage(e.description),
        },
        None => None,
    };
    let client_id = match (
        p.client_id.as_deref(),
        hint.as_ref().map(|h| h.aud.as_str()),
    ) {
        (Some(a), Some(b)) if a != b => {
            return LogoutDecision::ErrorPage("client_id differs from the id_token_hint".into())
        }
        (a, b) => a.or(b).map(str::to_owned),
    };
    let target = match (&p.post_logout_redirect_uri, client_id) {
        (None, _) => None,
        (Some(_), None) => {
            return LogoutDecision::ErrorPage(
                "post_logout_redirect_uri needs client_id or id_token_hint".into(),
            )
        }
        (Some(_), Some(id)) => match return_url(svc, &id, p).await {
            Ok(u) => Some(u),
            Err(reason) => return LogoutDecision::ErrorPage(reason),
        },
    };
    let Some(hint) = hint else {
        return LogoutDecision::Confirm;
    };
    let same_user = session.is_none_or(|(s, u)| {
        u.id == hint.sub
            && hint
                .sid
                .as_ref()
                .is_none_or(|sid| *sid == session_sid(&s.id))
    });
    if same_user {
        LogoutDecision::LogoutAndRedirect(target)
    } else {
        LogoutDecision::Confirm
    }
}
