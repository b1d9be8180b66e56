//! The token endpoint (RFC 6749 §3.2, §4.1.3, §4.4, §6): authorization_code with PKCE (RFC 7636
//! §4.6), password (§4.3, only for apps that enable it), refresh_token with rotation and reuse detection (RFC 9700 §4.14), client_credentials,
//! and the device code grant (RFC 8628 §3.4, in `device`).
//! A replayed code revokes every token issued from it (RFC 6749 §4.1.2); a replayed refresh
//! token revokes its whole family; a refresh may only narrow the scope, and returns a new
//! id_token with the original `auth_time` when the grant has `openid` (OIDC Core §12.2).

use super::client_auth::{authenticate_client, AuthenticatedClient, ClientCredentials};
use super::codes;
use super::issue::{self, IdTokenInput, Subject, TokenSet};
use super::password::password_grant;
use super::{OAuthError, OAuthErrorCode};
use crate::crypto;
use crate::domain::{
    AuthorizationCode, Client, ClientType, CodeVerifier, Grant, GrantType, RefreshToken, ScopeSet,
};
use crate::service::Services;
use crate::store::{CodeTake, RefreshRotation, StoreError};

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
}

impl std::fmt::Debug for TokenRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenRequest")
            .field("grant_type", &self.grant_type)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// Scopes a client may never get for itself (client_credentials has no user).
const USER_ONLY_SCOPES: [&str; 3] = ["openid", "offline_access", "admin"];

/// Authenticates the client and runs the grant it asked for.
pub async fn exchange(
    svc: &Services,
    creds: &ClientCredentials,
    req: &TokenRequest,
) -> Result<TokenSet, OAuthError> {
    let grant_type = required(&req.grant_type, "grant_type")?;
    let auth = authenticate_client(svc, creds).await?;
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
        GrantType::AuthorizationCode => authorization_code(svc, &auth, req).await,
        GrantType::RefreshToken => refresh(svc, &auth.client, req).await,
        GrantType::ClientCredentials => client_credentials(svc, &auth, req).await,
        GrantType::Password => {
            let (user, pass) = (req.username.as_deref(), req.password.as_deref());
            password_grant(svc, &auth.client, user, pass, req.scope.as_deref()).await
        }
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

fn required<'a>(v: &'a Option<String>, name: &str) -> Result<&'a str, OAuthError> {
    v.as_deref()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| OAuthError::invalid_request(format!("{name} is required")))
}

fn parse_scope(s: &str) -> Result<ScopeSet, OAuthError> {
    ScopeSet::parse(s).map_err(|e| OAuthError::invalid_scope(e.message))
}

/// RFC 6749 §4.4: the client acts for itself, with the scopes it registered (or fewer).
async fn client_credentials(
    svc: &Services,
    auth: &AuthenticatedClient,
    req: &TokenRequest,
) -> Result<TokenSet, OAuthError> {
    let client = &auth.client;
    if client.client_type != ClientType::Confidential {
        return Err(OAuthError::unauthorized_client(
            "client_credentials needs a confidential client",
        ));
    }
    let registered = ScopeSet::from_strings(
        client
            .scopes
            .iter()
            .filter(|s| !USER_ONLY_SCOPES.contains(&s.as_str())),
    )
    .map_err(|e| OAuthError::internal(e.into()))?;
    let scopes = match req.scope.as_deref() {
        None => registered,
        Some(s) => {
            let asked = parse_scope(s)?;
            if !asked.is_subset(&registered) {
                return Err(OAuthError::invalid_scope(
                    "the requested scope is not registered for this client, or needs a user",
                ));
            }
            asked
        }
    };
    let who = Subject {
        client,
        user_id: None,
        grant_id: None,
        auth_time: None,
    };
    let (access_token, expires_in) = issue::access_token(svc, &who, &scopes).await?;
    Ok(TokenSet {
        access_token,
        expires_in,
        refresh_token: None,
        scope: scopes.to_string(),
        id_token: None,
    })
}

/// Consumes the code; a replay revokes the grant it started.
async fn take_code(svc: &Services, code: &str) -> Result<AuthorizationCode, OAuthError> {
    match svc.stores.codes.take_code(&crypto::digest(code)).await? {
        CodeTake::Taken(c) => Ok(c),
        CodeTake::NotFound => Err(OAuthError::invalid_grant("unknown authorization code")),
        CodeTake::AlreadyUsed(c) => {
            revoke_code_grant(svc, &c).await?;
            tracing::warn!(client_id = %c.client_id, grant_id = %c.grant_id,
                "authorization code replayed; its grant is revoked");
            Err(OAuthError::invalid_grant(
                "the authorization code was already used; the tokens issued from it are revoked",
            ))
        }
    }
}

/// Checks that the code belongs to this client and request (RFC 6749 §4.1.3, RFC 7636 §4.6).
fn check_code(
    code: &AuthorizationCode,
    client: &Client,
    req: &TokenRequest,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), OAuthError> {
    if code.client_id != client.client_id {
        return Err(OAuthError::invalid_grant(
            "the code was issued to another client",
        ));
    }
    if code.is_expired(now) {
        return Err(OAuthError::invalid_grant(
            "the authorization code has expired",
        ));
    }
    if !code.redirect_uri.is_empty() && req.redirect_uri.as_deref() != Some(&code.redirect_uri) {
        return Err(OAuthError::invalid_grant(
            "redirect_uri does not match the authorization request",
        ));
    }
    match (&code.code_challenge, req.code_verifier.as_deref()) {
        (Some(challenge), Some(v)) => {
            let verifier =
                CodeVerifier::parse(v).map_err(|e| OAuthError::invalid_grant(e.message))?;
            if !verifier.matches(challenge) {
                return Err(OAuthError::invalid_grant("code_verifier does not match"));
            }
        }
        (Some(_), None) => return Err(OAuthError::invalid_grant("code_verifier is required")),
        (None, Some(_)) => {
            return Err(OAuthError::invalid_grant(
                "code_verifier sent but the authorization request had no code_challenge",
            ))
        }
        (None, None) if client.client_type == ClientType::Public => {
            return Err(OAuthError::invalid_grant("public clients must use PKCE"))
        }
        (None, None) => {}
    }
    Ok(())
}

/// An active grant, or `invalid_grant`.
async fn active_grant(svc: &Services, id: &str) -> Result<Grant, OAuthError> {
    stored_grant(svc, id).await?.ok_or_else(authorization_ended)
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

/// The grant a code starts, stored now unless the hybrid flow stored it already. When the id
/// is taken meanwhile, a replay of the code stored it revoked ([`revoke_code_grant`]).
async fn code_grant(svc: &Services, code: &AuthorizationCode) -> Result<Grant, OAuthError> {
    if let Some(g) = stored_grant(svc, &code.grant_id).await? {
        return Ok(g);
    }
    still_authorized(svc, &code.user_id, code.session_id.as_deref()).await?;
    let grant = codes::grant_of(code, svc.now(), svc.oauth.policy.grant_ttl);
    match svc.stores.grants.insert_grant(&grant).await {
        Ok(()) => Ok(grant),
        Err(StoreError::Conflict(_)) => active_grant(svc, &code.grant_id).await,
        Err(e) => Err(e.into()),
    }
}

/// Revokes the grant of a replayed code (RFC 6749 §4.1.2). The exchange that used the code may
/// not have stored the grant yet; it is then stored revoked (for the code's lifetime), so that
/// exchange finds it taken and revoked and issues nothing.
async fn revoke_code_grant(svc: &Services, code: &AuthorizationCode) -> Result<(), OAuthError> {
    let now = svc.now();
    let grants = &svc.stores.grants;
    match grants.revoke_grant(&code.grant_id, now).await {
        Err(StoreError::NotFound) => {}
        done => return done.map_err(Into::into),
    }
    let revoked = Grant {
        revoked_at: Some(now),
        ..codes::grant_of(code, now, svc.oauth.policy.code_ttl)
    };
    match grants.insert_grant(&revoked).await {
        Err(StoreError::Conflict(_)) => grants.revoke_grant(&code.grant_id, now).await?,
        done => done?,
    }
    Ok(())
}

fn authorization_ended() -> OAuthError {
    OAuthError::invalid_grant("the authorization was revoked or has expired")
}

/// Before the grant of an authorization is stored (code exchange, device poll): the user must
/// still be enabled and, when they authorized in a browser session, still signed in to it. A
/// password reset, a disabled or deleted account and a logout end the sessions, so what was
/// authorized before them yields nothing, as they revoke the grants that already exist.
pub(super) async fn still_authorized(
    svc: &Services,
    user_id: &str,
    session_id: Option<&str>,
) -> Result<(), OAuthError> {
    match svc.stores.users.get_user(user_id).await {
        Ok(u) if !u.disabled => {}
        Ok(_) | Err(StoreError::NotFound) => return Err(authorization_ended()),
        Err(e) => return Err(e.into()),
    }
    let Some(sid) = session_id else {
        return Ok(());
    };
    match svc.stores.sessions.get_session(sid).await {
        Ok(s) if s.user_id == user_id && s.is_active(svc.now()) => Ok(()),
        Ok(_) | Err(StoreError::NotFound) => Err(authorization_ended()),
        Err(e) => Err(e.into()),
    }
}

/// RFC 6749 §4.1.3.
async fn authorization_code(
    svc: &Services,
    auth: &AuthenticatedClient,
    req: &TokenRequest,
) -> Result<TokenSet, OAuthError> {
    if let Some(v) = req.code_verifier.as_deref() {
        // Malformed (RFC 7636 §4.1: 43-128 characters): refused before the code is spent.
        CodeVerifier::parse(v).map_err(|e| OAuthError::invalid_request(e.message))?;
    }
    let code = take_code(svc, required(&req.code, "code")?).await?;
    check_code(&code, &auth.client, req, svc.now())?;
    let grant = code_grant(svc, &code).await?;
    let scopes =
        ScopeSet::from_strings(&code.scopes).map_err(|e| OAuthError::internal(e.into()))?;
    let who = Subject {
        client: &auth.client,
        user_id: Some(&code.user_id),
        grant_id: Some(&grant.id),
        auth_time: Some(code.auth_time),
    };
    let (access_token, expires_in) = issue::access_token(svc, &who, &scopes).await?;
    let refresh_token = issue_refresh(svc, &auth.client, &grant, &scopes).await?;
    let id_token = if scopes.contains("openid") {
        let input = IdTokenInput {
            nonce: code.nonce.as_deref(),
            session_id: code.session_id.as_deref(),
            access_token: Some(&access_token),
            code: None,
        };
        Some(issue::id_token(svc, &who, &input).await?)
    } else {
        None
    };
    Ok(TokenSet {
        access_token,
        expires_in,
        refresh_token,
        scope: scopes.to_string(),
        id_token,
    })
}

/// A refresh token when the client may refresh and, for OIDC requests, `offline_access` was
/// granted (OIDC Core §11).
pub(super) async fn issue_refresh(
    svc: &Services,
    client: &Client,
    grant: &Grant,
    scopes: &ScopeSet,
) -> Result<Option<String>, OAuthError> {
    let offline_ok = !scopes.contains("openid") || scopes.contains("offline_access");
    if !client.allows_grant(GrantType::RefreshToken) || !offline_ok {
        return Ok(None);
    }
    let (value, record) = issue::new_refresh(svc, client, grant, &scopes.to_vec());
    svc.stores.grants.insert_refresh(&record).await?;
    Ok(Some(value))
}

/// Revokes the family of a reused refresh token.
async fn reuse_detected(svc: &Services, old: &RefreshToken) -> OAuthError {
    tracing::warn!(client_id = %old.client_id, grant_id = %old.grant_id,
        "refresh token reused; its grant is revoked");
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

/// RFC 6749 §6 with rotation: the old token is consumed atomically and a new one issued.
async fn refresh(
    svc: &Services,
    client: &Client,
    req: &TokenRequest,
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
    let original =
        ScopeSet::from_strings(&old.scopes).map_err(|e| OAuthError::internal(e.into()))?;
    let scopes = match req.scope.as_deref() {
        None => original,
        Some(s) => {
            let asked = parse_scope(s)?;
            if !asked.is_subset(&original) {
                return Err(OAuthError::invalid_scope(
                    "a refresh may only narrow the scope originally granted",
                ));
            }
            asked
        }
    };
    let grant = active_grant(svc, &old.grant_id).await?;
    // The new refresh token keeps the original scope (RFC 6749 §6); only the access token narrows.
    let (value, new) = issue::new_refresh(svc, client, &grant, &old.scopes);
    match svc.stores.grants.rotate_refresh(&digest, &new).await? {
        RefreshRotation::Rotated(_) => {}
        RefreshRotation::Reused(r) => return Err(reuse_detected(svc, &r).await),
        RefreshRotation::NotFound => {
            return Err(OAuthError::invalid_grant("unknown refresh token"))
        }
    }
    svc.stores.grants.touch_grant(&grant.id, svc.now()).await?;
    let who = Subject {
        client,
        user_id: grant.user_id.as_deref(),
        grant_id: Some(&grant.id),
        auth_time: grant.auth_time,
    };
    let (access_token, expires_in) = issue::access_token(svc, &who, &scopes).await?;
    let id_token = refreshed_id_token(svc, &who, &scopes, &access_token).await?;
    Ok(TokenSet {
        access_token,
        expires_in,
        refresh_token: Some(value),
        scope: scopes.to_string(),
        id_token,
    })
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
        access_token: Some(access_token),
        code: None,
    };
    Ok(Some(issue::id_token(svc, who, &input).await?))
}
