//! The form parameters of a token request (RFC 6749 §3.2, RFC 8628 §3.4), shared by the
//! grants under `grants/` and the password grant beside them; it sits below both so that the
//! dispatcher and the grants it calls do not import each other.

/// The form parameters of a token request (every grant's, all optional here: what each grant
/// needs is checked by that grant).
#[derive(Clone, Default)]
pub struct TokenRequest {
    pub grant_type: Option<String>,
    pub code: Option<String>,
    pub redirect_uri: Option<String>,
    pub code_verifier: Option<String>,
    pub refresh_token: Option<String>,
    pub scope: Option<String>,
    pub username: Option<String>,
    pub password: Option<String>,
    /// urn:ietf:params:oauth:grant-type:device_code (RFC 8628 §3.4).
    pub device_code: Option<String>,
    /// `resource` (RFC 8707 §2), repeatable: the resource servers the access token is for.
    pub resources: Vec<String>,
    /// The address the request came from (the password grant is throttled per client IP).
    pub client_ip: Option<std::net::IpAddr>,
    /// The request's DPoP proof (RFC 9449 §5), if any, with its method and path.
    pub dpop: super::dpop::ProofInput,
}

impl std::fmt::Debug for TokenRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenRequest")
            .field("grant_type", &self.grant_type)
            .field("scope", &self.scope)
            .field("resources", &self.resources)
            .finish_non_exhaustive()
    }
}
