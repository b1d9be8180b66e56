//! Server-provided DPoP nonces (RFC 9449 §8), stateless and the same on every node: a nonce is
//! a JWS of this server's current signing key (`typ: dpop-nonce+jwt`, so it never passes for
//! any other token) whose `exp` ends its use. Any node verifies it with the published keys; no
//! store is read or written. A nonce lives [`NONCE_LIFETIME_SECS`]: a client that keeps the
//! newest `DPoP-Nonce` it was given never meets `use_dpop_nonce` twice in a row.

use serde::{Deserialize, Serialize};

use super::super::{OAuthError, OAuthErrorCode};
use crate::crypto::jwt;
use crate::service::Services;

const NONCE_TYP: &str = "dpop-nonce+jwt";
/// How long a nonce is accepted after it was issued.
pub const NONCE_LIFETIME_SECS: i64 = 300;
/// Longest nonce read.
const MAX_NONCE_LEN: usize = 1024;

#[derive(Serialize, Deserialize)]
struct NonceClaims {
    iss: String,
    sub: String,
    exp: i64,
}

/// A fresh nonce.
pub async fn issue(svc: &Services) -> Result<String, OAuthError> {
    let now = svc.now();
    let signer = svc
        .oauth
        .keys
        .signer(now)
        .await
        .map_err(OAuthError::internal)?;
    let claims = NonceClaims {
        iss: svc.public_url.clone(),
        sub: "dpop-nonce".into(),
        exp: now.timestamp() + NONCE_LIFETIME_SECS,
    };
    jwt::sign(&claims, &signer.key, signer.alg, &signer.kid, NONCE_TYP)
        .map_err(OAuthError::internal)
}

/// `use_dpop_nonce` carrying a fresh nonce unless `nonce` is one of ours and still valid.
pub(super) async fn require(svc: &Services, nonce: Option<&str>) -> Result<(), OAuthError> {
    if let Some(n) = nonce.filter(|n| n.len() <= MAX_NONCE_LEN) {
        let now = svc.now();
        let expect = jwt::Expect {
            typ: NONCE_TYP,
            issuer: &svc.public_url,
            audience: None,
            check_exp: true,
            now: now.timestamp(),
        };
        let valid: Result<NonceClaims, _> = svc.oauth.keys.verify(n, &expect, now).await;
        if valid.is_ok_and(|c| c.sub == "dpop-nonce") {
            return Ok(());
        }
    }
    let mut refusal = OAuthError::new(
        OAuthErrorCode::UseDpopNonce,
        "the DPoP proof must carry the nonce of the DPoP-Nonce header",
    );
    refusal.dpop_nonce = Some(issue(svc).await?);
    Err(refusal)
}
