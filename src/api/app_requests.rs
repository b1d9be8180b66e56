//! The request bodies of the Apps API, with their examples: every field (register, replace)
//! and some fields (patch, where `null` clears an optional one).
//!
//! Must not import a concrete store backend.

use poem_openapi::types::{Example, MaybeUndefined};
use poem_openapi::Object;

use crate::service::app_input::{AppInput, AppPatch};

/// Every field of an app (register, and replace with PUT). Omitted optional fields take their
/// default.
#[derive(Debug, Object)]
#[oai(example, skip_serializing_if_is_none)]
pub struct AppRequest {
    /// 1–100 characters (trimmed).
    pub name: String,
    /// At most 1000 characters.
    pub description: Option<String>,
    /// https (or http on localhost / a loopback address).
    pub homepage_url: Option<String>,
    /// https (or http on localhost / a loopback address).
    pub logo_url: Option<String>,
    /// Exact redirect URIs: https, or http only for localhost / loopback; no fragment; at most
    /// 20. At least one for the authorization_code and implicit grants.
    pub redirect_uris: Option<Vec<String>>,
    /// Where RP-initiated logout may return to; same rules as `redirect_uris`.
    pub post_logout_redirect_uris: Option<Vec<String>>,
    /// `confidential` (default) or `public`; cannot change after registration.
    pub client_type: Option<String>,
    /// Any of `authorization_code`, `refresh_token`, `client_credentials`, `password`,
    /// `implicit`, `urn:ietf:params:oauth:grant-type:device_code`. Default:
    /// authorization_code and refresh_token. Only administrators may enable `password`
    /// (confidential apps only) and `implicit` (RFC 9700 §2.4, §2.1.2).
    pub grant_types: Option<Vec<String>>,
    /// Scopes the app may ask for: `openid profile profile:write email groups offline_access
    /// apps authorizations` (`admin` only for administrators' apps, added through their session
    /// or an `admin` token). Default: openid profile email.
    pub scopes: Option<Vec<String>>,
    /// 60 s up to `oauth.max_access_token_ttl_secs`; absent: the server default.
    pub access_token_ttl_secs: Option<i64>,
    /// 60 s up to `oauth.max_refresh_token_ttl_secs`; absent: the server default.
    pub refresh_token_ttl_secs: Option<i64>,
    /// Skips the consent page; only administrators may set or change it.
    pub first_party: Option<bool>,
    /// May introspect other apps' tokens (a resource server); only administrators may set or
    /// change it.
    pub introspection: Option<bool>,
    /// Authorization requests must be pushed to `/oauth2/par` first (RFC 9126). Default: false.
    pub require_pushed_authorization_requests: Option<bool>,
    /// Every authorization request needs a sign-in with a second factor (acr
    /// `urn:auth-center:acr:mfa`); not with the password grant, which cannot ask for one.
    /// Default: false.
    pub require_mfa: Option<bool>,
    /// Every token request must carry a DPoP proof (RFC 9449 §5.2): without one the token
    /// endpoint answers `invalid_request`. Default: false.
    pub dpop_bound_access_tokens: Option<bool>,
    /// Enforce the FAPI 2.0 Security Profile for this app: pushed requests only, `code` with
    /// PKCE S256, `private_key_jwt` (set `jwks` or `jwks_uri`) signed with PS256, ES256 or
    /// EdDSA, DPoP-bound tokens, codes valid 60 s; no implicit, password or device code grant.
    /// Default: false.
    pub fapi2: Option<bool>,
    /// How the app authenticates at the token endpoint: `client_secret_basic` (default for a
    /// confidential app; `client_secret_post` works too), `private_key_jwt` (signed assertions,
    /// RFC 7523: set `jwks` or `jwks_uri`; the app then has no secret) or `none` (public apps).
    pub token_endpoint_auth_method: Option<String>,
    /// private_key_jwt: a JWK set of public keys (`{"keys": [...]}`; EC P-256, OKP Ed25519 or
    /// RSA of 2048 bits or more; a key with a private member is refused).
    pub jwks: Option<serde_json::Value>,
    /// private_key_jwt: the https URL of the app's JWK set, fetched when the app authenticates.
    pub jwks_uri: Option<String>,
}

impl From<AppRequest> for AppInput {
    fn from(r: AppRequest) -> Self {
        Self {
            name: r.name,
            description: r.description.unwrap_or_default(),
            homepage_url: r.homepage_url,
            logo_url: r.logo_url,
            redirect_uris: r.redirect_uris.unwrap_or_default(),
            post_logout_redirect_uris: r.post_logout_redirect_uris.unwrap_or_default(),
            client_type: r.client_type.unwrap_or_else(|| "confidential".into()),
            grant_types: r.grant_types.unwrap_or_default(),
            scopes: r.scopes.unwrap_or_default(),
            access_token_ttl_secs: r.access_token_ttl_secs,
            refresh_token_ttl_secs: r.refresh_token_ttl_secs,
            first_party: r.first_party.unwrap_or(false),
            introspection: r.introspection.unwrap_or(false),
            require_pushed_authorization_requests: r
                .require_pushed_authorization_requests
                .unwrap_or(false),
            require_mfa: r.require_mfa.unwrap_or(false),
            dpop_bound_access_tokens: r.dpop_bound_access_tokens.unwrap_or(false),
            fapi2: r.fapi2.unwrap_or(false),
            token_endpoint_auth_method: r.token_endpoint_auth_method,
            jwks: r.jwks.map(|j| j.to_string()),
            jwks_uri: r.jwks_uri,
        }
    }
}

impl Example for AppRequest {
    fn example() -> Self {
        Self {
            name: "Photo printer".into(),
            description: Some("Prints the photos you choose.".into()),
            homepage_url: Some("https://printer.example".into()),
            logo_url: None,
            redirect_uris: Some(vec!["https://printer.example/callback".into()]),
            post_logout_redirect_uris: None,
            client_type: Some("confidential".into()),
            grant_types: Some(vec!["authorization_code".into(), "refresh_token".into()]),
            scopes: Some(vec!["openid".into(), "profile".into(), "email".into()]),
            access_token_ttl_secs: None,
            refresh_token_ttl_secs: None,
            first_party: None,
            introspection: None,
            require_pushed_authorization_requests: None,
            require_mfa: None,
            dpop_bound_access_tokens: None,
            fapi2: None,
            token_endpoint_auth_method: None,
            jwks: None,
            jwks_uri: None,
        }
    }
}

/// Some fields of an app (PATCH); omitted fields keep their value, `null` clears an optional
/// one. Same rules as `AppRequest`.
#[derive(Debug, Object)]
#[oai(example, skip_serializing_if_is_none)]
pub struct AppPatchRequest {
    pub name: Option<String>,
    pub description: Option<String>,
    pub homepage_url: MaybeUndefined<String>,
    pub logo_url: MaybeUndefined<String>,
    pub redirect_uris: Option<Vec<String>>,
    pub post_logout_redirect_uris: Option<Vec<String>>,
    pub client_type: Option<String>,
    pub grant_types: Option<Vec<String>>,
    pub scopes: Option<Vec<String>>,
    pub access_token_ttl_secs: MaybeUndefined<i64>,
    pub refresh_token_ttl_secs: MaybeUndefined<i64>,
    pub first_party: Option<bool>,
    pub introspection: Option<bool>,
    pub require_pushed_authorization_requests: Option<bool>,
    pub require_mfa: Option<bool>,
    pub dpop_bound_access_tokens: Option<bool>,
    pub fapi2: Option<bool>,
    /// A method other than `private_key_jwt` drops the keys (rotate the secret to get one).
    pub token_endpoint_auth_method: Option<String>,
    /// New keys; `jwks` or `jwks_uri` replaces both, `null` clears.
    pub jwks: MaybeUndefined<serde_json::Value>,
    pub jwks_uri: MaybeUndefined<String>,
}

fn maybe<T>(m: MaybeUndefined<T>) -> Option<Option<T>> {
    match m {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

impl From<AppPatchRequest> for AppPatch {
    fn from(r: AppPatchRequest) -> Self {
        Self {
            name: r.name,
            description: r.description,
            homepage_url: maybe(r.homepage_url),
            logo_url: maybe(r.logo_url),
            redirect_uris: r.redirect_uris,
            post_logout_redirect_uris: r.post_logout_redirect_uris,
            client_type: r.client_type,
            grant_types: r.grant_types,
            scopes: r.scopes,
            access_token_ttl_secs: maybe(r.access_token_ttl_secs),
            refresh_token_ttl_secs: maybe(r.refresh_token_ttl_secs),
            first_party: r.first_party,
            introspection: r.introspection,
            require_pushed_authorization_requests: r.require_pushed_authorization_requests,
            require_mfa: r.require_mfa,
            dpop_bound_access_tokens: r.dpop_bound_access_tokens,
            fapi2: r.fapi2,
            token_endpoint_auth_method: r.token_endpoint_auth_method,
            jwks: maybe(r.jwks).map(|j| j.map(|j| j.to_string())),
            jwks_uri: maybe(r.jwks_uri),
        }
    }
}

impl Example for AppPatchRequest {
    fn example() -> Self {
        Self {
            name: None,
            description: None,
            homepage_url: MaybeUndefined::Undefined,
            logo_url: MaybeUndefined::Undefined,
            redirect_uris: Some(vec![
                "https://printer.example/callback".into(),
                "http://127.0.0.1:8400/callback".into(),
            ]),
            post_logout_redirect_uris: None,
            client_type: None,
            grant_types: None,
            scopes: None,
            access_token_ttl_secs: MaybeUndefined::Value(900),
            refresh_token_ttl_secs: MaybeUndefined::Undefined,
            first_party: None,
            introspection: None,
            require_pushed_authorization_requests: None,
            require_mfa: None,
            dpop_bound_access_tokens: None,
            fapi2: None,
            token_endpoint_auth_method: None,
            jwks: MaybeUndefined::Undefined,
            jwks_uri: MaybeUndefined::Undefined,
        }
    }
}
