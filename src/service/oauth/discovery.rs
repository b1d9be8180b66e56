//! Server metadata (RFC 8414 §2, OIDC Discovery 1.0 §3): advertises exactly what this server
//! implements, one list per capability, derived from the same constants the endpoints use.

use crate::domain::{GrantType, ResponseMode, ResponseType, SUPPORTED_SCOPES};
use crate::service::Services;

/// The metadata document, without serialization concerns.
#[derive(Debug, Clone)]
pub struct ServerMetadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    pub userinfo_endpoint: String,
    pub revocation_endpoint: String,
    pub introspection_endpoint: String,
    pub end_session_endpoint: String,
    pub scopes_supported: Vec<String>,
    pub response_types_supported: Vec<String>,
    pub response_modes_supported: Vec<String>,
    pub grant_types_supported: Vec<String>,
    pub token_endpoint_auth_methods_supported: Vec<String>,
    pub revocation_endpoint_auth_methods_supported: Vec<String>,
    pub introspection_endpoint_auth_methods_supported: Vec<String>,
    pub code_challenge_methods_supported: Vec<String>,
    pub subject_types_supported: Vec<String>,
    pub id_token_signing_alg_values_supported: Vec<String>,
    pub claims_supported: Vec<String>,
    /// RFC 9207: authorization responses carry `iss`.
    pub authorization_response_iss_parameter_supported: bool,
    /// RFC 8628 §4.
    pub device_authorization_endpoint: String,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The metadata of this server, with absolute URLs under its issuer.
pub fn metadata(svc: &Services) -> ServerMetadata {
    let base = &svc.public_url;
    let url = |path: &str| format!("{base}{path}");
    let client_auth = ["client_secret_basic", "client_secret_post", "none"];
    ServerMetadata {
        issuer: base.clone(),
        authorization_endpoint: url("/oauth2/authorize"),
        token_endpoint: url("/oauth2/token"),
        jwks_uri: url("/oauth2/jwks"),
        userinfo_endpoint: url("/oauth2/userinfo"),
        revocation_endpoint: url("/oauth2/revoke"),
        introspection_endpoint: url("/oauth2/introspect"),
        end_session_endpoint: url("/oauth2/logout"),
        scopes_supported: strings(&SUPPORTED_SCOPES),
        response_types_supported: strings(&ResponseType::SUPPORTED),
        response_modes_supported: strings(&ResponseMode::SUPPORTED),
        grant_types_supported: strings(&[
            "authorization_code",
            "refresh_token",
            "client_credentials",
            "password",
            GrantType::DeviceCode.as_str(),
            "implicit",
        ]),
        token_endpoint_auth_methods_supported: strings(&client_auth),
        revocation_endpoint_auth_methods_supported: strings(&client_auth),
        introspection_endpoint_auth_methods_supported: strings(&client_auth[..2]),
        code_challenge_methods_supported: strings(&["S256"]),
        subject_types_supported: strings(&["public"]),
        id_token_signing_alg_values_supported: strings(&[svc.oauth.keys.alg().as_str()]),
        authorization_response_iss_parameter_supported: true,
        device_authorization_endpoint: url("/oauth2/device_authorization"),
        claims_supported: strings(&[
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "azp",
            "at_hash",
            "c_hash",
            "sid",
            "name",
            "preferred_username",
            "locale",
            "updated_at",
            "email",
            "email_verified",
            "groups",
        ]),
    }
}
