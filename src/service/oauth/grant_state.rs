//! What every grant that acts for a user checks and issues, shared by the token endpoint's
//! grants and the device code grant: whether an authorization still stands (its grant active,
//! its user enabled and, for a browser authorization, still signed in) and the refresh token it
//! may carry. Below both, so that neither imports the other.

use crate::domain::{Client, Grant, GrantType, RefreshToken, ScopeSet};
use crate::service::oauth::issue::{self, IdTokenInput, Subject, TokenSet};
use crate::service::oauth::OAuthError;
use crate::service::Services;
use crate::store::StoreError;

pub(crate) fn authorization_ended() -> OAuthError {
    OAuthError::invalid_grant("the authorization was revoked or has expired")
}

/// An active grant, or `invalid_grant`.
pub(crate) async fn active_grant(svc: &Services, id: &str) -> Result<Grant, OAuthError> {
    stored_grant(svc, id).await?.ok_or_else(authorization_ended)
}

/// Before the grant of an authorization is stored (code exchange, device poll): the user must
/// still be enabled and, when they authorized in a browser session, still signed in to it. A
/// password reset, a disabled or deleted account and a logout end the sessions, so what was
/// authorized before them yields nothing, as they revoke the grants that already exist. The
/// enabled status usually comes from memory (`store::owner_cache`, dropped by every change).
/// Answers how the person signed in to that session (its `amr`, none without a session), so
/// the tokens issued next need not read the session again.
pub(crate) async fn still_authorized(
    svc: &Services,
    user_id: &str,
    session_id: Option<&str>,
) -> Result<Option<Vec<String>>, OAuthError> {
    if !svc.stores.users.user_enabled(user_id).await? {
        return Err(authorization_ended());
    }
    let Some(sid) = session_id else {
        return Ok(None);
    };
    match svc.stores.sessions.get_session(sid).await {
        Ok(s) if s.user_id == user_id && s.is_active(svc.now()) => Ok(Some(s.amr)),
        Ok(_) | Err(StoreError::NotFound) => Err(authorization_ended()),
        Err(e) => Err(e.into()),
    }
}

/// A refresh token when the client may refresh and, for OIDC requests, `offline_access` was
/// granted (OIDC Core §11): its value and its record, not stored yet.
pub(crate) fn new_user_refresh(
    svc: &Services,
    client: &Client,
    grant: &Grant,
    scopes: &ScopeSet,
    jkt: Option<&str>,
) -> Option<(String, RefreshToken)> {
    let offline_ok = !scopes.contains("openid") || scopes.contains("offline_access");
    if !client.allows_grant(GrantType::RefreshToken) || !offline_ok {
        return None;
    }
    Some(issue::new_refresh(
        svc,
        client,
        grant,
        &scopes.to_vec(),
        jkt,
    ))
}

/// [`new_user_refresh`], stored.
pub(crate) async fn issue_refresh(
    svc: &Services,
    client: &Client,
    grant: &Grant,
    scopes: &ScopeSet,
    jkt: Option<&str>,
) -> Result<Option<String>, OAuthError> {
    let Some((value, record)) = new_user_refresh(svc, client, grant, scopes, jkt) else {
        return Ok(None);
    };
    svc.stores.grants.insert_refresh(&record).await?;
    Ok(Some(value))
}

/// The grant with this id if it is stored and active; `None` if none is stored yet.
async fn stored_grant(svc: &Services, id: &str) -> Result<Option<Grant>, OAuthError> {
    match svc.stores.grants.get_grant(id).await {
        Ok(g) if g.is_active(svc.now()) => Ok(Some(g)),
        Ok(_) => Err(authorization_ended()),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The tokens of a user's authorization (code exchange, device poll): an access token, a refresh
/// token when allowed ([`issue_refresh`]) and, with `openid`, an id_token carrying the request's
/// `nonce`, the session it came from and how the person signed in to it (`amr`, as
/// [`still_authorized`] read it) (OIDC Core §3.1.3.3).
pub(crate) async fn user_token_set(
    svc: &Services,
    who: &Subject<'_>,
    grant: &Grant,
    scopes: &ScopeSet,
    nonce: Option<&str>,
    session: (Option<&str>, Option<&[String]>),
) -> Result<TokenSet, OAuthError> {
    let refresh_token = issue_refresh(svc, who.client, grant, scopes, who.jkt).await?;
    tokens_with_refresh(svc, who, scopes, nonce, session, refresh_token).await
}

/// [`user_token_set`] around a refresh token already stored (or none).
pub(crate) async fn tokens_with_refresh(
    svc: &Services,
    who: &Subject<'_>,
    scopes: &ScopeSet,
    nonce: Option<&str>,
    session: (Option<&str>, Option<&[String]>),
    refresh_token: Option<String>,
) -> Result<TokenSet, OAuthError> {
    let (session_id, amr) = session;
    let (access_token, expires_in) = issue::access_token(svc, who, scopes).await?;
    let id_token = if scopes.contains("openid") {
        let input = IdTokenInput {
            nonce,
            session_id,
            amr,
            access_token: Some(&access_token),
            code: None,
        };
        Some(issue::id_token(svc, who, &input).await?)
    } else {
        None
    };
    Ok(TokenSet {
        access_token,
        expires_in,
        refresh_token,
        scope: scopes.to_string(),
        id_token,
        token_type: who.token_type(),
    })
}
