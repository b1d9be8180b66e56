//! An authorization request that passed validation (RFC 6749 §4.1.1, OIDC Core §3.1.2.1):
//! what `authorize` decides on and what `authorization_response` answers with. It sits below
//! both so that neither imports the other's module for it.

use crate::domain::{
    Client, CodeChallenge, Prompt, ResourceServer, ResponseMode, ResponseType, ScopeSet,
};

/// A request that passed validation.
#[derive(Debug, Clone)]
pub struct ValidRequest {
    pub client: Client,
    pub response_type: ResponseType,
    pub response_mode: ResponseMode,
    pub redirect_uri: String,
    pub scopes: ScopeSet,
    pub state: Option<String>,
    pub nonce: Option<String>,
    pub challenge: Option<CodeChallenge>,
    pub prompt: Prompt,
    pub max_age: Option<i64>,
    /// A sign-in with a second factor is needed: `acr_values` asked only for
    /// `domain::ACR_MFA`, or the app requires it.
    pub require_mfa: bool,
    /// The resource servers named with `resource` (RFC 8707); empty: the issuer.
    pub resources: Vec<ResourceServer>,
    /// The DPoP key thumbprint the code is bound to (RFC 9449 §10).
    pub dpop_jkt: Option<String>,
}
