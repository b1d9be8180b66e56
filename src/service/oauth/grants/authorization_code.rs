//! The authorization code grant (RFC 6749 §4.1.3) with PKCE (RFC 7636 §4.6): the code is
//! consumed atomically; a replay revokes every token issued from it (RFC 6749 §4.1.2); the grant
//! is stored when the code is first exchanged, only while its user is still enabled and signed
//! in to the session the code came from.

use super::{required, TokenRequest};
use crate::crypto;
use crate::domain::acr_of;
use crate::domain::{
    AuthorizationCode, Client, ClientType, CodeVerifier, Grant, ResourceServer, ScopeSet,
};
use crate::service::audit::{Entry, Kind};
use crate::service::oauth::client_auth::AuthenticatedClient;
use crate::service::oauth::codes;
use crate::service::oauth::grant_state::{
    active_grant, issue_refresh, new_user_refresh, still_authorized, tokens_with_refresh,
};
use crate::service::oauth::issue::{Subject, TokenSet};
use crate::service::oauth::resources::{still_permitted, within};
use crate::service::oauth::OAuthError;
use crate::service::Services;
use crate::store::{CodeTake, StoreError};

/// Consumes the code; a replay revokes the grant it started.
async fn take_code(svc: &Services, digest: &str) -> Result<AuthorizationCode, OAuthError> {
    match svc.stores.codes.take_code(digest).await? {
        CodeTake::Taken(c) => Ok(c),
        CodeTake::NotFound => Err(unknown_code()),
        CodeTake::AlreadyUsed(c) => Err(replayed(svc, &c).await),
    }
}

fn unknown_code() -> OAuthError {
    OAuthError::invalid_grant("unknown authorization code")
}

/// A code used twice (RFC 6749 §4.1.2): the grant it started is revoked.
async fn replayed(svc: &Services, c: &AuthorizationCode) -> OAuthError {
    if let Err(e) = revoke_code_grant(svc, c).await {
        return e;
    }
    tracing::warn!(client_id = %c.client_id, grant_id = %c.grant_id,
        "authorization code replayed; its grant is revoked");
    let entry = Entry::system(Kind::GrantRevoked).subject(&c.user_id);
    svc.audit
        .record(entry.app(&c.client_id).reason("code_replayed"));
    OAuthError::invalid_grant(
        "the authorization code was already used; the tokens issued from it are revoked",
    )
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

/// The grant a code starts, stored now with its refresh token (when it carries one): one write,
/// no read, for the usual exchange. When the id is taken, the hybrid flow stored the grant with
/// its first tokens (it must still be active), or a replay of the code stored it revoked
/// ([`revoke_code_grant`]); the refresh token is then issued for the stored grant.
async fn store_grant(
    svc: &Services,
    code: &AuthorizationCode,
    auth: &AuthenticatedClient,
    checked: &Checked,
    jkt: Option<&str>,
) -> Result<(Grant, Option<String>), OAuthError> {
    let (client, scopes) = (&auth.client, &checked.scopes);
    let grant = codes::grant_of(code, svc.now(), svc.oauth.policy.grant_ttl);
    let grants = &svc.stores.grants;
    let (stored, refresh) = match new_user_refresh(svc, client, &grant, scopes, jkt) {
        Some((value, record)) => (
            grants.insert_grant_with_refresh(&grant, &record).await,
            Some(value),
        ),
        None => (grants.insert_grant(&grant).await, None),
    };
    match stored {
        Ok(()) => Ok((grant, refresh)),
        Err(StoreError::Conflict("id")) => {
            let grant = active_grant(svc, &code.grant_id).await?;
            let refresh = issue_refresh(svc, client, &grant, scopes, jkt).await?;
            Ok((grant, refresh))
        }
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

/// What the request may have of the code, found before anything is stored.
struct Checked {
    servers: Vec<ResourceServer>,
    amr: Option<Vec<String>>,
    scopes: ScopeSet,
}

/// Every check of the request against the code (its client, expiry, redirect URI, PKCE, DPoP
/// key, resources), and whether the authorization still stands; reads only.
async fn check(
    svc: &Services,
    auth: &AuthenticatedClient,
    req: &TokenRequest,
    jkt: Option<&str>,
    code: &AuthorizationCode,
) -> Result<Checked, OAuthError> {
    check_code(code, &auth.client, req, svc.now())?;
    if code.dpop_jkt.is_some() && code.dpop_jkt.as_deref() != jkt {
        // RFC 9449 §10: the code is for the key its authorization request named.
        return Err(OAuthError::invalid_grant(
            "the authorization request named a DPoP key (dpop_jkt): send a proof of that key",
        ));
    }
    let servers = within(svc, &code.resources, &req.resources).await?;
    let amr = still_authorized(svc, &code.user_id, code.session_id.as_deref()).await?;
    let scopes =
        ScopeSet::from_strings(&code.scopes).map_err(|e| OAuthError::internal(e.into()))?;
    let scopes = still_permitted(&auth.client, &servers, scopes)?;
    Ok(Checked {
        servers,
        amr,
        scopes,
    })
}

/// RFC 6749 §4.1.3: the code is taken first, so a failed exchange spends it.
pub(super) async fn exchange(
    svc: &Services,
    auth: &AuthenticatedClient,
    req: &TokenRequest,
    jkt: Option<&str>,
) -> Result<TokenSet, OAuthError> {
    if let Some(v) = req.code_verifier.as_deref() {
        // Malformed (RFC 7636 §4.1: 43-128 characters): refused before the code is spent.
        CodeVerifier::parse(v).map_err(|e| OAuthError::invalid_request(e.message))?;
    }
    let digest = crypto::digest(required(&req.code, "code")?);
    let code = take_code(svc, &digest).await?;
    let checked = check(svc, auth, req, jkt, &code).await?;
    let (grant, refresh) = store_grant(svc, &code, auth, &checked, jkt).await?;
    issue(svc, auth, jkt, &code, &checked, &grant, refresh).await
}

/// The tokens of an exchanged code, around its refresh token already stored (or none).
async fn issue(
    svc: &Services,
    auth: &AuthenticatedClient,
    jkt: Option<&str>,
    code: &AuthorizationCode,
    checked: &Checked,
    grant: &Grant,
    refresh: Option<String>,
) -> Result<TokenSet, OAuthError> {
    let amr = checked.amr.as_deref();
    let who = Subject {
        client: &auth.client,
        user_id: Some(&code.user_id),
        grant_id: Some(&grant.id),
        auth_time: Some(code.auth_time),
        acr: amr.map(|a| acr_of(a).to_owned()),
        resources: &checked.servers,
        jkt,
    };
    let session = (code.session_id.as_deref(), amr);
    let nonce = code.nonce.as_deref();
    tokens_with_refresh(svc, &who, &checked.scopes, nonce, session, refresh).await
}
