//! Access tokens presented at a protected resource (RFC 9449 §7): a token bound to a key
//! (`cnf.jkt`) is accepted only with the `DPoP` scheme and a proof of that key for this very
//! request (`htm`, `htu`, `ath`); presented as `Bearer` it is refused (§7.2: no downgrade). A
//! token without `cnf` sent with the `DPoP` scheme is refused too: there is no key for the
//! proof to match (§7.1 "the public key to which the access token is bound").

use super::{check, invalid, ProofInput};
use crate::service::oauth::introspect::{verify_access_token, VerifiedAccess};
use crate::service::oauth::{OAuthError, OAuthErrorCode};
use crate::service::Services;

/// The `Authorization` scheme a token came with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Bearer,
    Dpop,
}

/// A token and how it was presented.
pub struct Presented<'a> {
    pub scheme: Scheme,
    pub token: &'a str,
    pub proof: &'a ProofInput,
}

impl<'a> Presented<'a> {
    /// The token and scheme of an `Authorization` header value (`Bearer` or `DPoP`, the scheme
    /// name case-insensitive, RFC 9110 §11.1).
    pub fn parse(header: &'a str, proof: &'a ProofInput) -> Option<Self> {
        let (scheme, token) = header.split_once(' ')?;
        let token = token.trim();
        if token.is_empty() {
            return None;
        }
        let scheme = if scheme.eq_ignore_ascii_case("bearer") {
            Scheme::Bearer
        } else if scheme.eq_ignore_ascii_case("dpop") {
            Scheme::Dpop
        } else {
            return None;
        };
        Some(Self {
            scheme,
            token,
            proof,
        })
    }
}

/// Verifies the token as [`verify_access_token`] does, then its binding: see the module.
pub async fn verify_presented(
    svc: &Services,
    p: &Presented<'_>,
) -> Result<VerifiedAccess, OAuthError> {
    let access = verify_access_token(svc, p.token).await?;
    let bound = access.claims.cnf.as_ref().map(|c| c.jkt.as_str());
    match (p.scheme, bound) {
        (Scheme::Bearer, None) => Ok(access),
        (Scheme::Bearer, Some(_)) => Err(OAuthError::invalid_token(
            "this access token is bound to a DPoP key: send it with the DPoP scheme and a proof",
        )),
        (Scheme::Dpop, None) => Err(OAuthError::invalid_token(
            "this access token is not DPoP-bound: send it with the Bearer scheme",
        )),
        (Scheme::Dpop, Some(jkt)) => {
            let proof = check(svc, p.proof, Some(p.token))
                .await?
                .ok_or_else(|| invalid("the DPoP scheme needs a DPoP proof header"))?;
            if proof.jkt != jkt {
                return Err(OAuthError::invalid_token(
                    "the access token is bound to another key than the DPoP proof's",
                ));
            }
            Ok(access)
        }
    }
}

/// Whether a refusal answers with a `DPoP` challenge (RFC 9449 §7.1): for every request that
/// used the scheme, and for the proof's own errors.
pub fn answers_with_dpop(scheme: Option<Scheme>, e: &OAuthError) -> bool {
    scheme == Some(Scheme::Dpop)
        || matches!(
            e.code,
            OAuthErrorCode::InvalidDpopProof | OAuthErrorCode::UseDpopNonce
        )
}
