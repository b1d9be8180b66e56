//! Issuing authorization codes (RFC 6749 §4.1.2) once a user has authorized an app: a random,
//! single-use code stored as its digest, bound to client, redirect_uri, PKCE challenge, nonce,
//! scopes and auth_time, and the id of the grant (the family of every token the code will
//! produce). The grant itself is stored when the code is exchanged, so an authorization whose
//! code never reaches the token endpoint leaves nothing the user would see as an authorized
//! app; only when tokens are issued beside the code (the hybrid flow) is it stored at once.
//! The authorize endpoint calls this after login and consent.

use chrono::{DateTime, Utc};

use super::OAuthError;
use crate::crypto;
use crate::domain::{AuthorizationCode, ClientType, CodeChallenge, Grant, ScopeSet};
use crate::service::Services;

/// An authorization the user gave, to be turned into a code.
#[derive(Debug, Clone)]
pub struct CodeRequest {
    pub client_id: String,
    pub user_id: String,
    pub redirect_uri: String,
    pub scopes: ScopeSet,
    pub code_challenge: Option<CodeChallenge>,
    pub nonce: Option<String>,
    pub auth_time: DateTime<Utc>,
    pub session_id: Option<String>,
    /// The resources (RFC 8707) authorized.
    pub resources: Vec<String>,
    /// The authorization request's `dpop_jkt` (RFC 9449 §10).
    pub dpop_jkt: Option<String>,
}

/// Stores a new code; returns it (the only time it exists in clear). Its grant is stored when
/// the code is exchanged ([`grant_of`]).
pub async fn issue_code(svc: &Services, req: CodeRequest) -> Result<String, OAuthError> {
    Ok(issue(svc, req, false).await?.0)
}

/// Like `issue_code`, and stores the grant now, so that tokens issued alongside the code (the
/// hybrid flow) join its family and are revoked with it on a code replay.
pub async fn issue_code_and_grant(
    svc: &Services,
    req: CodeRequest,
) -> Result<(String, Grant), OAuthError> {
    issue(svc, req, true).await
}

async fn issue(
    svc: &Services,
    req: CodeRequest,
    store_grant: bool,
) -> Result<(String, Grant), OAuthError> {
    let client = crate::service::clients::active_client(svc, &req.client_id).await?;
    if client.client_type == ClientType::Public && req.code_challenge.is_none() {
        return Err(OAuthError::invalid_request(
            "public clients must use PKCE (code_challenge with S256)",
        ));
    }
    let now = svc.now();
    let lifetime = client.code_lifetime(svc.oauth.policy.code_ttl);
    let code = crypto::random_token();
    let record = AuthorizationCode {
        digest: crypto::digest(&code),
        grant_id: uuid::Uuid::now_v7().to_string(),
        client_id: client.client_id,
        user_id: req.user_id,
        redirect_uri: req.redirect_uri,
        scopes: req.scopes.to_vec(),
        code_challenge: req.code_challenge.map(|c| c.as_str().to_owned()),
        nonce: req.nonce,
        auth_time: req.auth_time,
        session_id: req.session_id,
        created_at: now,
        expires_at: now + lifetime,
        used: false,
        resources: req.resources,
        dpop_jkt: req.dpop_jkt,
    };
    let grant = grant_of(&record, now, svc.oauth.policy.grant_ttl);
    if store_grant {
        svc.stores.grants.insert_grant(&grant).await?;
    }
    svc.stores.codes.insert_code(&record).await?;
    Ok((code, grant))
}

/// The grant a code starts: first granted when the user authorized, its absolute lifetime
/// counted from `now` (the exchange).
pub fn grant_of(code: &AuthorizationCode, now: DateTime<Utc>, ttl: chrono::Duration) -> Grant {
    Grant {
        id: code.grant_id.clone(),
        user_id: Some(code.user_id.clone()),
        client_id: code.client_id.clone(),
        scopes: code.scopes.clone(),
        created_at: code.created_at,
        last_used_at: now,
        expires_at: now + ttl,
        revoked_at: None,
        auth_time: Some(code.auth_time),
        resources: code.resources.clone(),
    }
}
