//! `private_key_jwt` client authentication (RFC 7523 §2.2 and §3, OIDC Core §9): the client
//! signs a short-lived JWT with a key whose public half it registered, inline (`jwks`) or at a
//! `jwks_uri` (fetched through `outbound`, with its SSRF bounds and cache). Checked, each
//! failure an `invalid_client` that changes nothing:
//!
//! - the signature, with the key the header's `kid` names (an unknown `kid` with a `jwks_uri`
//!   fetches the set again, at most once per `outbound.refetch_interval_secs`) or any key
//!   fitting the algorithm; ES256, EdDSA, PS256 and RS256 only;
//! - `iss` = `sub` = the client id (and the form's `client_id`, when sent);
//! - `aud` names our issuer or our token endpoint;
//! - `exp` present, not past, at most [`MAX_LIFETIME_SECS`] (+ skew) ahead; `iat` and `nbf`,
//!   when present, not in the future;
//! - `jti` present and never seen before for this client while the assertion lives: recorded
//!   atomically in the store every node shares, so a replay fails on any node.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::client_auth::{AuthMethod, AuthenticatedClient};
use super::OAuthError;
use crate::crypto::client_keys::{self, ClientKey, KeyError};
use crate::domain::Client;
use crate::service::Services;
use crate::store::StoreError;

/// `client_assertion_type` of a JWT client assertion (RFC 7523 §2.2).
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// The largest JWK set document fetched from a `jwks_uri`.
pub const MAX_JWKS_BYTES: usize = 64 * 1024;
/// The longest an assertion may be valid for, from now.
pub const MAX_LIFETIME_SECS: i64 = 300;
/// Clock difference tolerated between the client and us.
const SKEW_SECS: i64 = 60;
/// Longest `jti` accepted.
const MAX_JTI_LEN: usize = 256;
/// Longest assertion accepted (an RSA-8192 signature is ~1.4 KB of base64).
const MAX_ASSERTION_LEN: usize = 8 * 1024;

#[derive(Deserialize)]
struct Claims {
    iss: Option<String>,
    sub: Option<String>,
    aud: Option<Audience>,
    exp: Option<i64>,
    iat: Option<i64>,
    nbf: Option<i64>,
    jti: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    fn contains_any(&self, wanted: &[&str]) -> bool {
        match self {
            Self::One(a) => wanted.contains(&a.as_str()),
            Self::Many(v) => v.iter().any(|a| wanted.contains(&a.as_str())),
        }
    }
}

fn refused(why: impl Into<String>) -> OAuthError {
    OAuthError::invalid_client(why)
}

/// Authenticates the client of `assertion`; `client_id` is the form's, when sent.
pub(super) async fn authenticate(
    svc: &Services,
    assertion_type: Option<&str>,
    assertion: Option<&str>,
    client_id: Option<&str>,
) -> Result<AuthenticatedClient, OAuthError> {
    if assertion_type != Some(ASSERTION_TYPE) {
        return Err(OAuthError::invalid_request(format!(
            "client_assertion_type must be {ASSERTION_TYPE}"
        )));
    }
    let assertion = assertion
        .filter(|a| !a.is_empty())
        .ok_or_else(|| OAuthError::invalid_request("client_assertion is missing"))?;
    if assertion.len() > MAX_ASSERTION_LEN {
        return Err(refused("the client assertion is too long"));
    }
    let subject = unverified_subject(assertion)?;
    if client_id.is_some_and(|c| c != subject) {
        return Err(refused("client_id differs from the assertion's subject"));
    }
    let client = match crate::service::clients::active_client(svc, &subject).await {
        Ok(c) => c,
        Err(StoreError::NotFound) => return Err(refused("unknown client")),
        Err(e) => return Err(e.into()),
    };
    if !client.uses_private_key_jwt() {
        return Err(refused(
            "this client does not authenticate with private_key_jwt",
        ));
    }
    super::fapi::check_assertion_alg(&client, assertion)?;
    let payload = verified_payload(svc, &client, assertion).await?;
    let claims: Claims =
        serde_json::from_slice(&payload).map_err(|_| refused("malformed assertion claims"))?;
    check_claims(svc, &client, &claims)?;
    record_jti(svc, &client, &claims).await?;
    Ok(AuthenticatedClient {
        client,
        method: AuthMethod::PrivateKeyJwt,
    })
}

/// The `sub` of the assertion before anything is verified: it names the client whose keys
/// verify it.
fn unverified_subject(assertion: &str) -> Result<String, OAuthError> {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let malformed = || refused("the client assertion is not a signed JWT");
    let payload = assertion.split('.').nth(1).ok_or_else(malformed)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload).map_err(|_| malformed())?;
    let claims: Claims = serde_json::from_slice(&bytes).map_err(|_| malformed())?;
    claims
        .sub
        .filter(|s| !s.is_empty())
        .ok_or_else(|| refused("the client assertion has no sub"))
}

/// The payload, verified with the client's registered keys.
async fn verified_payload(
    svc: &Services,
    client: &Client,
    assertion: &str,
) -> Result<Vec<u8>, OAuthError> {
    let now = svc.now();
    let keys = client_keys(svc, client, false, now).await?;
    match client_keys::verify(assertion, &keys) {
        Err(KeyError::UnknownKid) if client.jwks_uri.is_some() => {
            // The client may have rotated its keys since we fetched them.
            let fresh = client_keys(svc, client, true, now).await?;
            client_keys::verify(assertion, &fresh).map_err(key_refusal)
        }
        r => r.map_err(key_refusal),
    }
}

fn key_refusal(e: KeyError) -> OAuthError {
    refused(e.to_string())
}

/// The client's keys: inline, or from its `jwks_uri` (cached; `refetch` asks for a new copy).
async fn client_keys(
    svc: &Services,
    client: &Client,
    refetch: bool,
    now: DateTime<Utc>,
) -> Result<Vec<ClientKey>, OAuthError> {
    let set = match (&client.jwks, &client.jwks_uri) {
        (Some(inline), _) => {
            serde_json::from_str(inline).map_err(|_| refused("the registered keys are unusable"))?
        }
        (None, Some(uri)) => {
            let cache = &svc.oauth.client_jwks;
            let fetched = if refetch {
                cache
                    .refetch(uri, now)
                    .await
                    .map(|d| d.map(|d| (*d).clone()))
            } else {
                cache.get(uri, now).await.map(|d| Some((*d).clone()))
            };
            match fetched {
                Ok(Some(doc)) => doc,
                // Fetched moments ago: the key is not there.
                Ok(None) => return Err(key_refusal(KeyError::UnknownKid)),
                Err(e) => {
                    tracing::warn!(client_id = %client.client_id, error = %e, "jwks_uri fetch failed");
                    return Err(refused(format!(
                        "the client's jwks_uri could not be used: {e}"
                    )));
                }
            }
        }
        (None, None) => return Err(refused("the client has no registered keys")),
    };
    client_keys::parse_jwk_set(&set).map_err(|e| refused(format!("the client's key set: {e}")))
}

fn check_claims(svc: &Services, client: &Client, c: &Claims) -> Result<(), OAuthError> {
    let id = client.client_id.as_str();
    if c.iss.as_deref() != Some(id) || c.sub.as_deref() != Some(id) {
        return Err(refused("iss and sub must both be the client id"));
    }
    let issuer = svc.public_url.as_str();
    let token_endpoint = format!("{issuer}/oauth2/token");
    if !c
        .aud
        .as_ref()
        .is_some_and(|a| a.contains_any(&[issuer, &token_endpoint]))
    {
        return Err(refused("aud must name this issuer or its token endpoint"));
    }
    let now = svc.now().timestamp();
    let exp = c.exp.ok_or_else(|| refused("the assertion has no exp"))?;
    if exp <= now - SKEW_SECS {
        return Err(refused("the assertion has expired"));
    }
    if exp > now + MAX_LIFETIME_SECS + SKEW_SECS {
        return Err(refused(format!(
            "exp is more than {MAX_LIFETIME_SECS} seconds ahead"
        )));
    }
    if c.iat.is_some_and(|t| t > now + SKEW_SECS) || c.nbf.is_some_and(|t| t > now + SKEW_SECS) {
        return Err(refused(
            "the assertion is not valid yet (iat or nbf in the future)",
        ));
    }
    Ok(())
}

/// Records the `jti` until the assertion could no longer be accepted; a second use fails.
async fn record_jti(svc: &Services, client: &Client, c: &Claims) -> Result<(), OAuthError> {
    let jti = c
        .jti
        .as_deref()
        .filter(|j| !j.is_empty() && j.len() <= MAX_JTI_LEN)
        .ok_or_else(|| {
            refused(format!(
                "jti is required (at most {MAX_JTI_LEN} characters)"
            ))
        })?;
    let exp = c.exp.unwrap_or_default() + SKEW_SECS;
    let expires_at =
        DateTime::from_timestamp(exp, 0).ok_or_else(|| refused("exp is out of range"))?;
    let key = crate::crypto::digest(&serde_json::json!([client.client_id, jti]).to_string());
    let recorded = svc
        .stores
        .assertion_jtis
        .record_assertion_jti(&key, expires_at, svc.now())
        .await?;
    if !recorded {
        tracing::info!(client_id = %client.client_id, "replayed client assertion refused");
        return Err(refused("the client assertion was used before (jti)"));
    }
    Ok(())
}
