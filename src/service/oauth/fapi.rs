//! What the authorization server enforces for an app with the `fapi2` switch (FAPI 2.0
//! Security Profile, final, §5.3.2 and §5.4), and for an app that set
//! `dpop_bound_access_tokens` (RFC 9449 §5.2). Every refusal carries the RFC 6749 / RFC 9449
//! error code and a description naming the rule:
//!
//! - §5.3.2.2: authorization requests are pushed (RFC 9126), with `redirect_uri`,
//!   `response_type=code` only and PKCE with S256; the response carries `iss` (RFC 9207, for
//!   every app); codes live at most 60 s (`domain::fapi`); a pushed request lives at most
//!   `oauth.par_lifetime_secs`, which is capped at 60 s, under the profile's 600 s;
//! - §5.3.2.1: confidential clients authenticating with `private_key_jwt` (checked at
//!   registration, `domain::fapi`); access tokens sender-constrained with DPoP: every token
//!   request carries a proof;
//! - §5.4.1: client assertions and DPoP proofs signed with PS256, ES256 or EdDSA.
//!
//! Must not import poem or a concrete store backend.

use super::authorize::AuthorizeParams;
use super::client_auth::{AuthMethod, AuthenticatedClient};
use super::dpop::Proof;
use super::{OAuthError, OAuthErrorCode};
use crate::crypto::jws;
use crate::domain::{Client, FAPI2_SIGNING_ALGS};

/// An authorization request must be pushed first.
pub fn push_required(client: &Client) -> Option<OAuthError> {
    client.fapi2.then(|| {
        OAuthError::invalid_request(
            "FAPI 2.0 (§5.3.2.2): this client must push its authorization requests to \
             /oauth2/par first",
        )
    })
}

/// The authorization request's parameters for a FAPI 2.0 app, checked before any other rule
/// at the PAR endpoint and again when the pushed request is used.
pub fn check_request(client: &Client, p: &AuthorizeParams) -> Result<(), OAuthError> {
    if !client.fapi2 {
        return Ok(());
    }
    let response_type = p.response_type.as_deref().unwrap_or_default();
    if response_type.split_whitespace().ne(["code"]) {
        return Err(OAuthError::new(
            OAuthErrorCode::UnsupportedResponseType,
            "FAPI 2.0 (§5.3.2.2): only response_type=code is allowed",
        ));
    }
    let pkce = p.code_challenge.as_deref().is_some_and(|c| !c.is_empty())
        && p.code_challenge_method.as_deref() == Some("S256");
    if !pkce {
        return Err(OAuthError::invalid_request(
            "FAPI 2.0 (§5.3.2.2): PKCE is required (code_challenge with code_challenge_method=S256)",
        ));
    }
    if p.redirect_uri.as_deref().is_none_or(str::is_empty) {
        return Err(OAuthError::invalid_request(
            "FAPI 2.0 (§5.3.2.2): the pushed request must carry redirect_uri",
        ));
    }
    Ok(())
}

/// A client assertion of a FAPI 2.0 app is signed with one of the profile's algorithms.
pub fn check_assertion_alg(client: &Client, assertion: &str) -> Result<(), OAuthError> {
    if !client.fapi2 {
        return Ok(());
    }
    let alg = jws::split(assertion).map(|p| p.header.alg.clone());
    match alg {
        Some(a) if FAPI2_SIGNING_ALGS.contains(&a.as_str()) => Ok(()),
        _ => Err(OAuthError::invalid_client(format!(
            "FAPI 2.0 (§5.4.1): the client assertion must be signed with {}",
            FAPI2_SIGNING_ALGS.join(", ")
        ))),
    }
}

/// A token request of an app that needs DPoP-bound access tokens carries a proof, for a
/// FAPI 2.0 app signed with one of the profile's algorithms, by a client that authenticated
/// with `private_key_jwt`.
pub fn check_token_request(
    auth: &AuthenticatedClient,
    proof: Option<&Proof>,
) -> Result<(), OAuthError> {
    let client = &auth.client;
    if client.fapi2 && auth.method != AuthMethod::PrivateKeyJwt {
        return Err(OAuthError::invalid_client(
            "FAPI 2.0 (§5.3.2.1): the client must authenticate with private_key_jwt",
        ));
    }
    let Some(proof) = proof else {
        return match (client.fapi2, client.dpop_bound_access_tokens) {
            (true, _) => Err(OAuthError::invalid_request(
                "FAPI 2.0 (§5.3.2.1): access tokens must be sender-constrained: send a DPoP proof",
            )),
            (false, true) => Err(OAuthError::invalid_request(
                "this client's access tokens must be DPoP-bound (dpop_bound_access_tokens): \
                 send a DPoP proof",
            )),
            (false, false) => Ok(()),
        };
    };
    if client.fapi2 && !FAPI2_SIGNING_ALGS.contains(&proof.alg.as_str()) {
        return Err(super::dpop::invalid(format!(
            "FAPI 2.0 (§5.4.1): the DPoP proof must be signed with {}",
            FAPI2_SIGNING_ALGS.join(", ")
        )));
    }
    Ok(())
}
