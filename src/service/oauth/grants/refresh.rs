//! The refresh token grant (RFC 6749 §6) with rotation and reuse detection (RFC 9700 §4.14):
//! the old token is consumed atomically and a new one issued; a replayed one revokes its whole
//! family. A refresh never widens: it keeps the original scope within what the app still has
//! registered (or, for resources, what they still permit) and the user may still be granted,
//! and may narrow it, and its resources (RFC 8707 §2.2). An `openid` grant gets a new
//! id_token with the original `auth_time` (OIDC Core §12.2).

use super::{required, TokenRequest};
use crate::crypto;
use crate::domain::{Client, Grant, RefreshToken, ResourceServer, ScopeSet};
use crate::service::audit::{Entry, Kind};
use crate::service::oauth::grant_state::{active_grant, authorization_ended};
use crate::service::oauth::introspect::touch_if_stale;
use crate::service::oauth::issue::{self, IdTokenInput, Subject, TokenSet};
use crate::service::oauth::resources::{permitted_scopes, within};
use crate::service::oauth::scopes::narrow;
use crate::service::oauth::OAuthError;
use crate::service::{access, Services};
use crate::store::{RefreshRotation, StoreError};

/// Revokes the family of a reused refresh token.
async fn reuse_detected(svc: &Services, old: &RefreshToken) -> OAuthError {
    tracing::warn!(client_id = %old.client_id, grant_id = %old.grant_id,
        "refresh token reused; its grant is revoked");
    let mut entry = Entry::system(Kind::RefreshReuseDetected).app(&old.client_id);
    if let Some(user) = &old.user_id {
        entry = entry.subject(user);
    }
    svc.audit.record(entry.detail("grant_revoked", true));
    match svc
        .stores
        .grants
        .revoke_grant(&old.grant_id, svc.now())
        .await
    {
        Ok(()) | Err(StoreError::NotFound) => {
            OAuthError::invalid_grant("the refresh token was already used; its grant is revoked")
        }
        Err(e) => e.into(),
    }
}

/// RFC 6749 §6 with rotation: the old token is consumed atomically and a new one issued
/// (except for FAPI 2.0 apps, whose refresh token stays).
pub(super) async fn exchange(
    svc: &Services,
    client: &Client,
    req: &TokenRequest,
    jkt: Option<&str>,
) -> Result<TokenSet, OAuthError> {
    let digest = crypto::digest(required(&req.refresh_token, "refresh_token")?);
    let old = match svc.stores.grants.get_refresh(&digest).await {
        Ok(r) if r.client_id == client.client_id => r,
        Ok(_) | Err(StoreError::NotFound) => {
            return Err(OAuthError::invalid_grant("unknown refresh token"))
        }
        Err(e) => return Err(e.into()),
    };
    if old.used {
        return Err(reuse_detected(svc, &old).await);
    }
    if !old.is_usable(svc.now()) {
        return Err(OAuthError::invalid_grant(
            "the refresh token was revoked or has expired",
        ));
    }
    if old.dpop_jkt.is_some() && old.dpop_jkt.as_deref() != jkt {
        // RFC 9449 §5: checked before the token is spent, so the client may retry.
        return Err(OAuthError::invalid_grant(
            "this refresh token is bound to a DPoP key: send a proof of that key",
        ));
    }
    let grant = active_grant(svc, &old.grant_id).await?;
    // What the access token is for: the authorized resources, or the ones asked of them; the
    // refresh token keeps all of them.
    let servers = within(svc, &old.resources, &req.resources).await?;
    let authorized = if req.resources.is_empty() {
        servers.clone()
    } else {
        within(svc, &old.resources, &[]).await?
    };
    let kept = still_allowed(svc, client, &grant, &old, &authorized).await?;
    let kept_for_asked = kept.intersection(&permitted_for(client, &servers, &kept)?);
    let scopes = narrow(&kept_for_asked, req.scope.as_deref(), || {
        "a refresh may only narrow the scope originally granted"
    })?;
    let refresh_token = if client.fapi2 {
        // FAPI 2.0 §5.3.2.1: no rotation. The client is confidential, authenticates with
        // private_key_jwt at each use and its access tokens are sender-constrained; the refresh
        // token it holds stays valid (RFC 6749 §6: a new one MAY be issued).
        None
    } else {
        Some(rotate(svc, client, &grant, &digest, &kept, jkt).await?)
    };
    touch_if_stale(svc, &grant, svc.now()).await;
    let who = Subject {
        client,
        user_id: grant.user_id.as_deref(),
        grant_id: Some(&grant.id),
        auth_time: grant.auth_time,
        acr: None,
        resources: &servers,
        jkt,
    };
    let (access_token, expires_in) = issue::access_token(svc, &who, &scopes).await?;
    let id_token = refreshed_id_token(svc, &who, &scopes, &access_token).await?;
    Ok(TokenSet {
        access_token,
        expires_in,
        refresh_token,
        scope: scopes.to_string(),
        id_token,
        token_type: who.token_type(),
    })
}

/// Spends the refresh token `digest` for a new one, which keeps what is still allowed of the
/// original scope (RFC 6749 §6); only the access token narrows to the requested one.
async fn rotate(
    svc: &Services,
    client: &Client,
    grant: &Grant,
    digest: &str,
    kept: &ScopeSet,
    jkt: Option<&str>,
) -> Result<String, OAuthError> {
    let (value, new) = issue::new_refresh(svc, client, grant, &kept.to_vec(), jkt);
    match svc.stores.grants.rotate_refresh(digest, &new).await? {
        RefreshRotation::Rotated(_) => Ok(value),
        RefreshRotation::Reused(r) => Err(reuse_detected(svc, &r).await),
        RefreshRotation::NotFound => Err(OAuthError::invalid_grant("unknown refresh token")),
    }
}

/// What the narrowed resources permit of `kept`: all of it without resources.
fn permitted_for(
    client: &Client,
    servers: &[ResourceServer],
    kept: &ScopeSet,
) -> Result<ScopeSet, OAuthError> {
    if servers.is_empty() {
        return Ok(kept.clone());
    }
    permitted_scopes(client, servers)
}

/// What a refresh may still carry: the original scope, within the app's CURRENT registered
/// scopes (for resources: what they permit now), and without `admin` once the user is no
/// longer an administrator. The user must still exist and be enabled.
async fn still_allowed(
    svc: &Services,
    client: &Client,
    grant: &Grant,
    old: &RefreshToken,
    authorized: &[ResourceServer],
) -> Result<ScopeSet, OAuthError> {
    let internal = |e: crate::domain::DomainError| OAuthError::internal(e.into());
    let original = ScopeSet::from_strings(&old.scopes).map_err(internal)?;
    let registered = permitted_scopes(client, authorized)?;
    let kept = original.intersection(&registered);
    if kept.is_empty() {
        return Err(OAuthError::invalid_grant(
            "the app no longer has any of the scopes this authorization granted",
        ));
    }
    let Some(user_id) = grant.user_id.as_deref() else {
        return Ok(kept);
    };
    match svc.stores.users.get_user(user_id).await {
        Ok(u) if !u.disabled => Ok(access::grantable(&u, kept.iter())),
        Ok(_) | Err(StoreError::NotFound) => Err(authorization_ended()),
        Err(e) => Err(e.into()),
    }
}

/// OIDC Core §12.2: a refresh of an `openid` grant returns a new id_token for the same user
/// with the original `auth_time` and no `nonce`.
async fn refreshed_id_token(
    svc: &Services,
    who: &Subject<'_>,
    scopes: &ScopeSet,
    access_token: &str,
) -> Result<Option<String>, OAuthError> {
    if !scopes.contains("openid") || who.user_id.is_none() {
        return Ok(None);
    }
    let input = IdTokenInput {
        nonce: None,
        session_id: None,
        amr: None,
        access_token: Some(access_token),
        code: None,
    };
    Ok(Some(issue::id_token(svc, who, &input).await?))
}
