//! Minting what the token endpoint returns: JWT access tokens per RFC 9068 (`typ: at+jwt`,
//! ES256 or EdDSA, `kid`; nothing is stored: the token names its grant, and a revoked `jti`
//! goes to the deny-list, `store::revoked`), opaque
//! refresh tokens stored as digests, and OIDC id_tokens (OIDC Core §2, §3.1.3.6 `at_hash`, §3.3.2.11 `c_hash`).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::resources::{audience, ttl_of, Audience};
use super::OAuthError;
use crate::crypto::{self, jwt};
use crate::domain::{Client, Grant, RefreshToken, ResourceServer, ScopeSet};
use crate::service::Services;

/// The claims of an access token (RFC 9068 §2.2).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    /// The user, or the client itself for client_credentials.
    pub sub: String,
    /// The issuer, or the requested resource identifier(s) (RFC 8707).
    pub aud: Audience,
    pub client_id: String,
    pub scope: String,
    pub jti: String,
    pub iat: i64,
    pub exp: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_time: Option<i64>,
    /// How the person signed in (`domain::ACR_PASSWORD`, `domain::ACR_MFA`; RFC 9068 §2.2.1,
    /// RFC 9470 §6.1), so a resource server can ask for a step-up; absent when not known
    /// (client_credentials, refreshed tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acr: Option<String>,
    /// The grant the token belongs to (none for client_credentials): it dies with the grant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_id: Option<String>,
    /// [`UNRECORDED`] in tokens that were not stored when issued; absent (0) in tokens issued
    /// before that, which are still checked against their stored record until they expire.
    #[serde(default, skip_serializing_if = "is_recorded")]
    pub atv: u8,
    /// The key the token is bound to (RFC 9449 §6.1): only a DPoP proof of it may present it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cnf: Option<Confirmation>,
}

/// The confirmation claim of a DPoP-bound token (RFC 7800 §3.1, RFC 9449 §6.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// The JWK SHA-256 thumbprint (RFC 7638) of the proof's key.
    pub jkt: String,
}

/// The `atv` of access tokens verified by their claims alone (and the deny-list).
pub const UNRECORDED: u8 = 1;

fn is_recorded(atv: &u8) -> bool {
    *atv == 0
}

/// What a successful token request returns (RFC 6749 §5.1).
#[derive(Clone)]
pub struct TokenSet {
    pub access_token: String,
    pub expires_in: i64,
    pub refresh_token: Option<String>,
    pub scope: String,
    pub id_token: Option<String>,
    /// `Bearer`, or `DPoP` for an access token bound to a key (RFC 9449 §5).
    pub token_type: &'static str,
}

impl std::fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSet")
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// Who a token is for and under which grant.
pub struct Subject<'a> {
    pub client: &'a Client,
    pub user_id: Option<&'a str>,
    pub grant_id: Option<&'a str>,
    pub auth_time: Option<DateTime<Utc>>,
    /// The `acr` of the sign-in behind the token, when known (from its session's `amr`).
    pub acr: Option<String>,
    /// The resource servers the token is for (RFC 8707); empty: the issuer.
    pub resources: &'a [ResourceServer],
    /// The thumbprint of the DPoP key the access token is bound to (RFC 9449 §6.1).
    pub jkt: Option<&'a str>,
}

impl Subject<'_> {
    /// The `token_type` of the access token issued for this subject (RFC 9449 §5).
    pub fn token_type(&self) -> &'static str {
        if self.jkt.is_some() {
            "DPoP"
        } else {
            "Bearer"
        }
    }
}

/// The access-token lifetime: the resource servers' own (the shortest), else the client's
/// override, else the policy's.
pub(super) fn access_ttl(
    svc: &Services,
    client: &Client,
    resources: &[ResourceServer],
) -> Duration {
    ttl_of(resources).unwrap_or_else(|| {
        client
            .access_token_ttl_secs
            .map_or(svc.oauth.policy.access_token_ttl, Duration::seconds)
    })
}

/// Signs an access token; returns the JWT and its lifetime in seconds. Nothing is written:
/// what verification needs is in the claims (`introspect` checks the deny-list, the grant and
/// the app).
pub async fn access_token(
    svc: &Services,
    who: &Subject<'_>,
    scopes: &ScopeSet,
) -> Result<(String, i64), OAuthError> {
    if who.user_id.is_some() && who.grant_id.is_none() {
        // A user's token dies with its grant (revocation, sign-out everywhere, account
        // changes): without one, nothing could end it before it expires.
        return Err(OAuthError::internal(anyhow::anyhow!(
            "a user's access token without a grant"
        )));
    }
    let now = svc.now();
    let ttl = access_ttl(svc, who.client, who.resources);
    let claims = AccessClaims {
        iss: svc.public_url.clone(),
        sub: who.user_id.unwrap_or(&who.client.client_id).to_owned(),
        aud: audience(svc, who.resources),
        client_id: who.client.client_id.clone(),
        scope: scopes.to_string(),
        jti: crypto::random_string(18),
        iat: now.timestamp(),
        exp: (now + ttl).timestamp(),
        auth_time: who.auth_time.map(|t| t.timestamp()),
        acr: who.acr.clone(),
        grant_id: who.grant_id.map(str::to_owned),
        atv: UNRECORDED,
        cnf: who.jkt.map(|jkt| Confirmation {
            jkt: jkt.to_owned(),
        }),
    };
    let signer = svc
        .oauth
        .keys
        .signer(now)
        .await
        .map_err(OAuthError::internal)?;
    let token = jwt::sign(&claims, &signer.key, signer.alg, &signer.kid, "at+jwt")
        .map_err(OAuthError::internal)?;
    Ok((token, ttl.num_seconds()))
}

/// A new refresh token of `grant` (not stored yet), for the grant's resources; it never
/// outlives the grant. A public client's is bound to the DPoP key `jkt` of the request
/// (RFC 9449 §5); a confidential client's is not, since it authenticates anyway.
pub fn new_refresh(
    svc: &Services,
    client: &Client,
    grant: &Grant,
    scopes: &[String],
    jkt: Option<&str>,
) -> (String, RefreshToken) {
    let now = svc.now();
    let ttl = client
        .refresh_token_ttl_secs
        .map_or(svc.oauth.policy.refresh_token_ttl, Duration::seconds);
    let value = crypto::random_token();
    let record = RefreshToken {
        digest: crypto::digest(&value),
        grant_id: grant.id.clone(),
        client_id: grant.client_id.clone(),
        user_id: grant.user_id.clone(),
        scopes: scopes.to_vec(),
        created_at: now,
        expires_at: (now + ttl).min(grant.expires_at),
        used: false,
        revoked: false,
        // What a refresh may name: everything the authorization was for (RFC 8707 §2.2).
        resources: grant.resources.clone(),
        dpop_jkt: jkt
            .filter(|_| client.client_type == crate::domain::ClientType::Public)
            .map(str::to_owned),
    };
    (value, record)
}

/// The claims of an id_token (OIDC Core §2).
#[derive(Debug, Serialize, Deserialize)]
pub struct IdClaims {
    pub iss: String,
    pub sub: String,
    pub aud: String,
    pub azp: String,
    pub exp: i64,
    pub iat: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_time: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub c_hash: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// How the person signed in to the session behind this id_token (RFC 8176), and the class
    /// it amounts to (`domain::ACR_PASSWORD`, `domain::ACR_MFA`); absent without a session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amr: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acr: Option<String>,
}

/// What an id_token says beyond the subject.
pub struct IdTokenInput<'a> {
    pub nonce: Option<&'a str>,
    pub session_id: Option<&'a str>,
    /// How the person signed in to that session, when the caller has read it already (the
    /// session is read otherwise).
    pub amr: Option<&'a [String]>,
    pub access_token: Option<&'a str>,
    /// The code issued alongside (hybrid flow), for `c_hash` (OIDC Core §3.3.2.11).
    pub code: Option<&'a str>,
}

/// How the person signed in to the session `session_id` names (none when there is no session,
/// or it has ended meanwhile).
async fn session_amr(
    svc: &Services,
    session_id: Option<&str>,
) -> Result<Option<Vec<String>>, OAuthError> {
    let Some(id) = session_id else {
        return Ok(None);
    };
    match svc.stores.sessions.get_session(id).await {
        Ok(s) => Ok(Some(s.amr)),
        Err(crate::store::StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Signs an id_token for the user of `who`.
pub async fn id_token(
    svc: &Services,
    who: &Subject<'_>,
    input: &IdTokenInput<'_>,
) -> Result<String, OAuthError> {
    let now = svc.now();
    let user_id = who
        .user_id
        .ok_or_else(|| OAuthError::internal(anyhow::anyhow!("id_token without a user")))?;
    let signer = svc
        .oauth
        .keys
        .signer(now)
        .await
        .map_err(OAuthError::internal)?;
    let amr = match input.amr {
        Some(amr) => Some(amr.to_vec()),
        None => session_amr(svc, input.session_id).await?,
    };
    let claims = IdClaims {
        iss: svc.public_url.clone(),
        sub: user_id.to_owned(),
        aud: who.client.client_id.clone(),
        azp: who.client.client_id.clone(),
        exp: (now + svc.oauth.policy.id_token_ttl).timestamp(),
        iat: now.timestamp(),
        auth_time: who.auth_time.map(|t| t.timestamp()),
        nonce: input.nonce.map(str::to_owned),
        at_hash: input
            .access_token
            .map(|t| jwt::left_half_hash(signer.alg, t)),
        c_hash: input.code.map(|c| jwt::left_half_hash(signer.alg, c)),
        sid: input.session_id.map(super::logout::session_sid),
        acr: amr.as_deref().map(|a| crate::domain::acr_of(a).to_owned()),
        amr,
    };
    jwt::sign(&claims, &signer.key, signer.alg, &signer.kid, "JWT").map_err(OAuthError::internal)
}
