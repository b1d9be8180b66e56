//! What the server knows about a token it issued: bearer verification of JWT access tokens
//! (signature, `typ: at+jwt`, issuer, audience, expiry, `jti` not on the deny-list, app and
//! owner still active, grant still active: RFC 6750, RFC 9068 §4), introspection (RFC 7662)
//! and revocation (RFC 7009: an access token's `jti` goes to the deny-list). Access tokens are
//! not stored when issued; those issued before that was so (no `atv` claim) are still checked
//! against their stored record until they expire.

use crate::service::audit::{Entry, Kind};
use chrono::{DateTime, Utc};

use super::client_auth::{authenticate_client, ClientCredentials};
use super::issue::{AccessClaims, Confirmation, UNRECORDED};
use super::resources::Audience;
use super::{OAuthError, OAuthErrorCode};
use crate::crypto::{self, jwt};
use crate::domain::{AccessTokenRecord, ClientType, Grant, RefreshToken};
use crate::service::Services;
use crate::store::StoreError;

/// A verified access token: who it acts for and what it may do.
#[derive(Debug, Clone)]
pub struct VerifiedAccess {
    pub claims: AccessClaims,
    pub record: AccessTokenRecord,
}

impl VerifiedAccess {
    pub fn has_scope(&self, scope: &str) -> bool {
        self.record.scopes.iter().any(|s| s == scope)
    }
}

/// Verifies the signature and claims of an access token; `check_exp` off reports expired tokens
/// too (introspection answers `active: false` for them). `for_own_api` asks that the token be
/// for the issuer, the identifier of the built-in resource API: a token for another resource
/// server (RFC 8707 `aud`) is refused there, while introspection and revocation take any.
async fn decode_access(
    svc: &Services,
    token: &str,
    check_exp: bool,
    for_own_api: bool,
) -> Result<AccessClaims, OAuthError> {
    let invalid = || OAuthError::invalid_token("the access token is invalid");
    let now = svc.now();
    let expect = jwt::Expect {
        typ: "at+jwt",
        issuer: &svc.public_url,
        audience: for_own_api.then_some(svc.public_url.as_str()),
        check_exp,
        now: now.timestamp(),
    };
    let keys = &svc.oauth.keys;
    keys.verify(token, &expect, now)
        .await
        .map_err(|_| invalid())
}

/// How long a grant's `last_used_at` may lag behind its use: bearer calls and refreshes touch
/// the grant at most once per interval, so neither writes it on every request.
pub const GRANT_TOUCH_INTERVAL_SECS: i64 = 60;

/// The grant of a token, as far as the token's validity is concerned.
enum GrantState {
    /// The token has no grant (client_credentials).
    None,
    Active(Grant),
    /// Revoked, expired or gone: the token is dead.
    Inactive,
}

async fn grant_state(
    svc: &Services,
    grant_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<GrantState, OAuthError> {
    let Some(id) = grant_id else {
        return Ok(GrantState::None);
    };
    match svc.stores.grants.get_grant(id).await {
        Ok(g) if g.is_active(now) => Ok(GrantState::Active(g)),
        Ok(_) | Err(StoreError::NotFound) => Ok(GrantState::Inactive),
        Err(e) => Err(e.into()),
    }
}

/// Whether the grant a token belongs to is still active (client_credentials tokens have none).
async fn grant_active(
    svc: &Services,
    grant_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, OAuthError> {
    let state = grant_state(svc, grant_id, now).await?;
    Ok(!matches!(state, GrantState::Inactive))
}

/// What a token not stored when issued says of itself, as a record (`None`: malformed times).
fn record_of(claims: &AccessClaims) -> Option<AccessTokenRecord> {
    Some(AccessTokenRecord {
        jti: claims.jti.clone(),
        grant_id: claims.grant_id.clone(),
        client_id: claims.client_id.clone(),
        // Only a user's token has a grant (`issue::access_token`).
        user_id: claims.grant_id.as_ref().map(|_| claims.sub.clone()),
        scopes: claims.scope.split_whitespace().map(str::to_owned).collect(),
        issued_at: DateTime::from_timestamp(claims.iat, 0)?,
        expires_at: DateTime::from_timestamp(claims.exp, 0)?,
        revoked: false,
    })
}

/// The record of a token: from its claims, or stored for a token issued before they sufficed.
async fn record(
    svc: &Services,
    claims: &AccessClaims,
) -> Result<Option<AccessTokenRecord>, OAuthError> {
    if claims.atv == UNRECORDED {
        return Ok(record_of(claims));
    }
    match svc.stores.grants.get_access(&claims.jti).await {
        Ok(r) => Ok(Some(r)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The record of an access token if it is active at `now`, with its grant (if any). Cheapest
/// first: the deny-list and the app are held in memory, the grant is read.
async fn active_record(
    svc: &Services,
    claims: &AccessClaims,
    now: DateTime<Utc>,
) -> Result<Option<(AccessTokenRecord, Option<Grant>)>, OAuthError> {
    if svc.stores.revoked.is_revoked(&claims.jti, now).await? {
        return Ok(None);
    }
    let Some(record) = record(svc, claims).await? else {
        return Ok(None);
    };
    if !record.is_active(now) || !client_active(svc, &record.client_id).await? {
        return Ok(None);
    }
    Ok(
        match grant_state(svc, record.grant_id.as_deref(), now).await? {
            GrantState::None => Some((record, None)),
            GrantState::Active(g) => Some((record, Some(g))),
            GrantState::Inactive => None,
        },
    )
}

/// Whether the app a token was issued to may still act (a disabled owner's apps may not).
async fn client_active(svc: &Services, client_id: &str) -> Result<bool, OAuthError> {
    match crate::service::clients::active_client(svc, client_id).await {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Records that the grant was used, unless it was within the last interval. A failure is only
/// logged: the bearer call (or refresh) itself is valid.
pub(crate) async fn touch_if_stale(svc: &Services, grant: &Grant, now: DateTime<Utc>) {
    if (now - grant.last_used_at).num_seconds() < GRANT_TOUCH_INTERVAL_SECS {
        return;
    }
    if let Err(e) = svc.stores.grants.touch_grant(&grant.id, now).await {
        tracing::warn!(grant_id = %grant.id, error = %e, "recording the grant's use failed");
    }
}

/// Verifies a bearer access token for a protected resource (RFC 6750 §3.1: `invalid_token`),
/// and records the use on its grant (the user's list of authorized apps shows it).
pub async fn verify_access_token(
    svc: &Services,
    token: &str,
) -> Result<VerifiedAccess, OAuthError> {
    let claims = decode_access(svc, token, true, true).await?;
    let now = svc.now();
    match active_record(svc, &claims, now).await? {
        Some((record, grant)) => {
            if let Some(g) = &grant {
                touch_if_stale(svc, g, now).await;
            }
            Ok(VerifiedAccess { claims, record })
        }
        None => Err(OAuthError::invalid_token(
            "the access token was revoked or has expired",
        )),
    }
}

/// The answer of the introspection endpoint (RFC 7662 §2.2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Introspection {
    pub active: bool,
    pub scope: Option<String>,
    pub client_id: Option<String>,
    pub sub: Option<String>,
    pub token_type: Option<String>,
    pub exp: Option<i64>,
    pub iat: Option<i64>,
    pub iss: Option<String>,
    /// As issued: the issuer, or the resource identifier(s) (RFC 8707).
    pub aud: Option<Audience>,
    pub jti: Option<String>,
    /// The key a DPoP-bound token is bound to (RFC 9449 §6.2).
    pub cnf: Option<Confirmation>,
    /// When and how the person signed in (RFC 9470 §6.1), for a resource server deciding on
    /// a step-up; access tokens only.
    pub auth_time: Option<i64>,
    pub acr: Option<String>,
}

fn looks_like_jwt(token: &str) -> bool {
    token.bytes().filter(|b| *b == b'.').count() == 2
}

async fn introspect_access(svc: &Services, token: &str) -> Result<Introspection, OAuthError> {
    let Ok(claims) = decode_access(svc, token, false, false).await else {
        return Ok(Introspection::default());
    };
    let Some((record, _)) = active_record(svc, &claims, svc.now()).await? else {
        return Ok(Introspection::default());
    };
    Ok(Introspection {
        active: true,
        scope: Some(record.scopes.join(" ")),
        client_id: Some(record.client_id),
        sub: Some(claims.sub),
        token_type: Some(
            if claims.cnf.is_some() {
                "DPoP"
            } else {
                "Bearer"
            }
            .into(),
        ),
        exp: Some(claims.exp),
        iat: Some(claims.iat),
        iss: Some(claims.iss),
        aud: Some(claims.aud),
        jti: Some(claims.jti),
        cnf: claims.cnf,
        auth_time: claims.auth_time,
        acr: claims.acr,
    })
}

async fn find_refresh(svc: &Services, token: &str) -> Result<Option<RefreshToken>, OAuthError> {
    match svc.stores.grants.get_refresh(&crypto::digest(token)).await {
        Ok(r) => Ok(Some(r)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

async fn introspect_refresh(svc: &Services, token: &str) -> Result<Introspection, OAuthError> {
    let now = svc.now();
    let Some(r) = find_refresh(svc, token).await? else {
        return Ok(Introspection::default());
    };
    if !r.is_usable(now)
        || !grant_active(svc, Some(&r.grant_id), now).await?
        || !client_active(svc, &r.client_id).await?
    {
        return Ok(Introspection::default());
    }
    Ok(Introspection {
        active: true,
        scope: Some(r.scopes.join(" ")),
        sub: Some(r.user_id.unwrap_or_else(|| r.client_id.clone())),
        client_id: Some(r.client_id),
        token_type: Some("refresh_token".into()),
        exp: Some(r.expires_at.timestamp()),
        iat: Some(r.created_at.timestamp()),
        iss: Some(svc.public_url.clone()),
        ..Introspection::default()
    })
}

/// RFC 7662: only authenticated confidential clients may ask; unknown, expired and revoked
/// tokens are all simply `active: false`. An app learns only about tokens issued to itself,
/// unless an administrator marked it as a resource server (`introspection`): anything else is
/// `active: false` too, so no app can scan other apps' tokens (RFC 7662 §4).
pub async fn introspect(
    svc: &Services,
    creds: &ClientCredentials,
    token: Option<&str>,
) -> Result<Introspection, OAuthError> {
    let auth = authenticate_client(svc, creds).await?;
    if auth.client.client_type != ClientType::Confidential {
        return Err(OAuthError::new(
            OAuthErrorCode::UnauthorizedClient,
            "only confidential clients may introspect tokens",
        ));
    }
    let token = token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| OAuthError::invalid_request("token is required"))?;
    let found = if looks_like_jwt(token) {
        introspect_access(svc, token).await?
    } else {
        introspect_refresh(svc, token).await?
    };
    let own = found.client_id.as_deref() == Some(auth.client.client_id.as_str());
    if found.active && !own && !auth.client.introspection {
        return Ok(Introspection::default());
    }
    Ok(found)
}

/// RFC 7009: revokes an access token (by `jti`) or a refresh token (and with it the whole grant,
/// §2.1). Tokens of other clients and unknown tokens are ignored: the answer is the same.
pub async fn revoke(
    svc: &Services,
    creds: &ClientCredentials,
    token: Option<&str>,
) -> Result<(), OAuthError> {
    let auth = authenticate_client(svc, creds).await?;
    let token = token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| OAuthError::invalid_request("token is required"))?;
    let client_id = &auth.client.client_id;
    if looks_like_jwt(token) {
        if let Ok(claims) = decode_access(svc, token, false, false).await {
            if &claims.client_id == client_id {
                revoke_access(svc, &claims).await?;
                let mut entry = Entry::by(Kind::TokenRevoked, client_id).app(client_id);
                if &claims.sub != client_id {
                    entry = entry.subject(&claims.sub);
                }
                svc.audit.record(entry.detail("token_type", "access_token"));
            }
        }
        return Ok(());
    }
    if let Some(r) = find_refresh(svc, token).await? {
        if &r.client_id == client_id {
            svc.stores.grants.revoke_refresh(&r.digest).await?;
            match svc.stores.grants.revoke_grant(&r.grant_id, svc.now()).await {
                Ok(()) | Err(StoreError::NotFound) => {}
                Err(e) => return Err(e.into()),
            }
            let mut entry = Entry::by(Kind::TokenRevoked, client_id).app(client_id);
            if let Some(user) = &r.user_id {
                entry = entry.subject(user);
            }
            svc.audit
                .record(entry.detail("token_type", "refresh_token"));
        }
    }
    Ok(())
}

/// Puts an access token on the deny-list until it expires: every node refuses it from the next
/// request on (this one at once, the others when the change feed announces it).
async fn revoke_access(svc: &Services, claims: &AccessClaims) -> Result<(), OAuthError> {
    let now = svc.now();
    let Some(expires_at) = DateTime::from_timestamp(claims.exp, 0) else {
        return Ok(());
    };
    if expires_at <= now {
        return Ok(());
    }
    svc.stores
        .revoked
        .revoke(&claims.jti, expires_at, now)
        .await?;
    Ok(())
}
