//! DPoP proofs (RFC 9449): the check of the `DPoP` header of a token request (§5) or of a
//! request to a protected resource (§7), and the key thumbprint (RFC 7638) tokens are bound
//! to (`cnf.jkt`, §6.1). Checked (§4.3), each failure `invalid_dpop_proof` changing nothing:
//!
//! - exactly one `DPoP` header, a compact JWS of at most [`MAX_PROOF_LEN`] bytes;
//! - `typ: dpop+jwt`; `alg` one of [`DPOP_ALGS`] (never `none` nor HMAC);
//! - `jwk` a public key (a private or symmetric member is refused) that verifies the signature;
//! - `htm` the request's method, `htu` its URL under our configured public URL, compared
//!   without query and fragment, scheme and host case-insensitively, default ports implied;
//! - `iat` within `oauth.dpop_proof_window_secs` of now, either way;
//! - with `oauth.dpop_nonce`, `nonce` one this server issued and still valid (`nonce`; else
//!   `use_dpop_nonce` with a fresh one, §8);
//! - at a resource, `ath` the base64url SHA-256 of the access token (§7.1);
//! - `jti` never seen before within the window: recorded atomically in the store every node
//!   shares (`assertion_jtis`, under a key of its own namespace), so a replay fails anywhere.
//!
//! Must not import poem or a concrete store backend.

mod nonce;
pub mod resource;

use chrono::DateTime;
use serde::Deserialize;

use super::{OAuthError, OAuthErrorCode};
use crate::crypto::{self, client_keys, jws, thumbprint};
use crate::service::Services;

pub use nonce::issue as new_nonce;

/// The algorithms a proof may be signed with, as advertised (`dpop_signing_alg_values_supported`).
pub const DPOP_ALGS: [&str; 4] = client_keys::ASSERTION_ALGS;
/// The `typ` of a proof (§4.2).
const PROOF_TYP: &str = "dpop+jwt";
/// Longest proof accepted (an RSA-8192 key and signature fit).
pub const MAX_PROOF_LEN: usize = 8 * 1024;
/// Longest `jti` accepted.
const MAX_JTI_LEN: usize = 256;

/// What a request offers for a proof check: every `DPoP` header value, the method and the path
/// (under the public URL) of the request.
#[derive(Debug, Clone, Default)]
pub struct ProofInput {
    pub proofs: Vec<String>,
    pub method: String,
    pub path: String,
}

/// A proof that passed every check: the thumbprint of its key, and its algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    pub jkt: String,
    pub alg: String,
}

#[derive(Deserialize)]
struct Header {
    typ: Option<String>,
    alg: String,
    jwk: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Claims {
    jti: Option<String>,
    htm: Option<String>,
    htu: Option<String>,
    iat: Option<i64>,
    ath: Option<String>,
    nonce: Option<String>,
}

/// `invalid_dpop_proof` with why.
pub fn invalid(why: impl Into<String>) -> OAuthError {
    OAuthError::new(OAuthErrorCode::InvalidDpopProof, why)
}

/// Checks the proof of a request, if it has one (`None` without a `DPoP` header). `access_token`
/// is the token presented with it at a resource, whose hash `ath` must carry.
pub async fn check(
    svc: &Services,
    input: &ProofInput,
    access_token: Option<&str>,
) -> Result<Option<Proof>, OAuthError> {
    let proof = match input.proofs.as_slice() {
        [] => return Ok(None),
        [one] => one.trim(),
        _ => return Err(invalid("send exactly one DPoP header")),
    };
    if proof.is_empty() || proof.len() > MAX_PROOF_LEN {
        return Err(invalid(format!(
            "the DPoP proof must be a JWT of at most {MAX_PROOF_LEN} bytes"
        )));
    }
    let (jwk, claims, alg) = verified(proof)?;
    check_request(svc, input, &claims)?;
    if let Some(token) = access_token {
        let expected = crypto::digest(token);
        if claims.ath.as_deref() != Some(expected.as_str()) {
            return Err(invalid(
                "ath must be the base64url SHA-256 of the access token",
            ));
        }
    }
    if svc.oauth.policy.dpop_nonce {
        nonce::require(svc, claims.nonce.as_deref()).await?;
    }
    let jkt = thumbprint::sha256(&jwk).ok_or_else(|| invalid("the jwk has no thumbprint"))?;
    record_jti(svc, &jkt, &claims).await?;
    Ok(Some(Proof { jkt, alg }))
}

/// The header's key, the claims and the algorithm, once the signature verifies with that key.
fn verified(proof: &str) -> Result<(serde_json::Value, Claims, String), OAuthError> {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let malformed = || invalid("the DPoP proof is not a signed JWT");
    let parts = jws::split(proof).ok_or_else(malformed)?;
    let (signing_input, _, _) = parts.raw();
    let encoded = signing_input.split('.').next().ok_or_else(malformed)?;
    let bytes = URL_SAFE_NO_PAD.decode(encoded).map_err(|_| malformed())?;
    let header: Header = serde_json::from_slice(&bytes).map_err(|_| malformed())?;
    if !header
        .typ
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case(PROOF_TYP))
    {
        return Err(invalid(format!("the proof's typ must be {PROOF_TYP}")));
    }
    if !DPOP_ALGS.contains(&header.alg.as_str()) {
        return Err(invalid(format!(
            "the proof's alg must be one of {}",
            DPOP_ALGS.join(", ")
        )));
    }
    let jwk = header
        .jwk
        .filter(serde_json::Value::is_object)
        .ok_or_else(|| invalid("the proof's header has no jwk"))?;
    // The set parser refuses private and symmetric keys and keys of other algorithms.
    let keys = client_keys::parse_jwk_set(&serde_json::json!({ "keys": [jwk] }))
        .map_err(|e| invalid(format!("the proof's jwk: {e}")))?;
    let payload =
        client_keys::verify(proof, &keys).map_err(|e| invalid(format!("the DPoP proof: {e}")))?;
    let claims = serde_json::from_slice(&payload).map_err(|_| malformed())?;
    Ok((jwk, claims, header.alg))
}

/// `htm`, `htu` and `iat` against the request and the clock.
fn check_request(svc: &Services, input: &ProofInput, c: &Claims) -> Result<(), OAuthError> {
    if c.htm.as_deref() != Some(input.method.as_str()) {
        return Err(invalid("htm must be the request's method"));
    }
    let expected = format!("{}{}", svc.public_url, input.path);
    if !c
        .htu
        .as_deref()
        .is_some_and(|htu| same_target(htu, &expected))
    {
        return Err(invalid(format!("htu must be {expected}")));
    }
    let iat = c.iat.ok_or_else(|| invalid("the proof has no iat"))?;
    let window = svc.oauth.policy.dpop_proof_window.num_seconds();
    if (iat - svc.now().timestamp()).abs() > window {
        return Err(invalid(format!(
            "iat must be within {window} seconds of the server's time"
        )));
    }
    Ok(())
}

/// RFC 9449 §4.3 item 9: the URIs equal without query and fragment, after the syntax-based
/// normalization of RFC 3986 §6.2.2 (case of scheme and host, default port, dot segments).
fn same_target(htu: &str, expected: &str) -> bool {
    let (Ok(a), Ok(b)) = (url::Url::parse(htu), url::Url::parse(expected)) else {
        return false;
    };
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
        && a.path() == b.path()
        && a.username().is_empty()
        && a.password().is_none()
}

/// `dpop_jkt` (RFC 9449 §10): a JWK SHA-256 thumbprint, 43 base64url characters.
pub fn parse_jkt(value: Option<&str>) -> Result<Option<String>, OAuthError> {
    match value.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(j)
            if j.len() == 43
                && j.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            Ok(Some(j.to_owned()))
        }
        Some(_) => Err(OAuthError::invalid_request(
            "dpop_jkt must be the base64url SHA-256 JWK thumbprint of the DPoP key (RFC 7638)",
        )),
    }
}

/// Records the `jti` for as long as the proof's `iat` could be accepted; a second use fails.
async fn record_jti(svc: &Services, jkt: &str, c: &Claims) -> Result<(), OAuthError> {
    let jti = c
        .jti
        .as_deref()
        .filter(|j| !j.is_empty() && j.len() <= MAX_JTI_LEN)
        .ok_or_else(|| {
            invalid(format!(
                "jti is required (at most {MAX_JTI_LEN} characters)"
            ))
        })?;
    let window = svc.oauth.policy.dpop_proof_window.num_seconds();
    let until = c.iat.unwrap_or_default() + window + 1;
    let expires_at =
        DateTime::from_timestamp(until, 0).ok_or_else(|| invalid("iat is out of range"))?;
    // Namespaced apart from client assertion ids, which share the store.
    let key = crypto::digest(&serde_json::json!(["dpop", jkt, jti]).to_string());
    let recorded = svc
        .stores
        .assertion_jtis
        .record_assertion_jti(&key, expires_at, svc.now())
        .await?;
    if !recorded {
        tracing::info!("replayed DPoP proof refused");
        return Err(invalid("the DPoP proof was used before (jti)"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::same_target;

    #[test]
    fn htu_is_compared_without_query_and_fragment_and_after_normalization() {
        let ours = "https://id.example/oauth2/token";
        for same in [
            ours,
            "HTTPS://ID.example/oauth2/token",
            "https://id.example:443/oauth2/token",
            "https://id.example/oauth2/token?x=1",
            "https://id.example/oauth2/token#frag",
            "https://id.example/oauth2/./token",
        ] {
            assert!(same_target(same, ours), "{same}");
        }
        for other in [
            "http://id.example/oauth2/token",
            "https://id.example:8443/oauth2/token",
            "https://id.example/oauth2/token/",
            "https://other.example/oauth2/token",
            "https://id.example/oauth2/Token",
            "https://u@id.example/oauth2/token",
            "/oauth2/token",
        ] {
            assert!(!same_target(other, ours), "{other}");
        }
    }
}
