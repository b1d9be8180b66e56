//! `GET /oauth2/jwks` (RFC 7517 key set), `GET /.well-known/openid-configuration` (OIDC
//! Discovery 1.0 §4) and `GET /.well-known/oauth-authorization-server` (RFC 8414 §3). The
//! metadata document is built here from configuration and the domain's constants: there is no
//! use case behind it, only what this server implements.

use poem::web::Data;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};

use crate::api::{ApiError, ApiTags};
use crate::domain::{GrantType, ResponseMode, ResponseType, SUPPORTED_SCOPES};
use crate::service::Services;

#[derive(Default)]
pub struct DiscoveryApi;

/// One public signing key (RFC 7517 §4; RFC 7518 §6.2 for `EC`, RFC 8037 §2 for `OKP`).
#[derive(Debug, Clone, Object)]
pub struct Jwk {
    /// `EC` (ES256) or `OKP` (EdDSA).
    pub kty: String,
    /// `P-256` or `Ed25519`.
    pub crv: String,
    /// The x coordinate (EC) or the public key (OKP), base64url.
    pub x: String,
    /// The y coordinate; EC keys only.
    #[oai(skip_serializing_if_is_none)]
    pub y: Option<String>,
    /// The key id, as in the `kid` header of the tokens it signed.
    pub kid: String,
    /// `sig`.
    #[oai(rename = "use")]
    pub use_: String,
    /// `ES256` or `EdDSA`: the only algorithm this key verifies.
    pub alg: String,
}

/// The public keys that verify this server's tokens: the current one and those retired but
/// still verifying unexpired tokens.
#[derive(Debug, Clone, Object)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

/// Authorization server metadata (RFC 8414 §2 and OIDC Discovery §3).
#[derive(Debug, Clone, Object)]
pub struct Metadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    pub userinfo_endpoint: String,
    pub revocation_endpoint: String,
    pub introspection_endpoint: String,
    /// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).
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
    /// RFC 8628 §4: where devices start the device authorization grant.
    pub device_authorization_endpoint: String,
    /// RFC 9728 §4: the protected resources this server issues tokens for (its own API,
    /// identified by the issuer URL; its metadata is at `/.well-known/oauth-protected-resource`).
    pub protected_resources: Vec<String>,
    /// RFC 9126 §5: where clients push authorization requests.
    pub pushed_authorization_request_endpoint: String,
    /// RFC 9126 §5: whether every client must push its authorization requests (apps may
    /// require it for themselves too).
    pub require_pushed_authorization_requests: bool,
    /// RFC 8414 §2: the algorithms a `private_key_jwt` client assertion may be signed with (at
    /// the token endpoint, and so at PAR and device authorization too).
    pub token_endpoint_auth_signing_alg_values_supported: Vec<String>,
    /// The same algorithms, at the revocation endpoint.
    pub revocation_endpoint_auth_signing_alg_values_supported: Vec<String>,
    /// The same algorithms, at the introspection endpoint.
    pub introspection_endpoint_auth_signing_alg_values_supported: Vec<String>,
    /// RFC 9449 §5.1: the algorithms a DPoP proof may be signed with.
    pub dpop_signing_alg_values_supported: Vec<String>,
    /// RFC 8414 §2 / RFC 7591 §3: where clients register themselves; absent when dynamic
    /// registration is turned off (`oauth.dynamic_registration`).
    #[oai(skip_serializing_if_is_none)]
    pub registration_endpoint: Option<String>,
    /// draft-ietf-oauth-client-id-metadata-document: an https URL is accepted as `client_id`
    /// and its document fetched. Present (true) only when `oauth.client_id_metadata_documents`
    /// is on.
    #[oai(skip_serializing_if_is_none)]
    pub client_id_metadata_document_supported: Option<bool>,
    /// OIDC Discovery §3: the `acr` values this server signs people in with, which
    /// `acr_values` may ask for (the second one needs a second factor).
    pub acr_values_supported: Vec<String>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The metadata of this server, with absolute URLs under its issuer: exactly what it
/// implements, one list per capability, derived from the same constants the endpoints use.
fn metadata(svc: &Services) -> Metadata {
    let base = &svc.public_url;
    let url = |path: &str| format!("{base}{path}");
    let client_auth = [
        "client_secret_basic",
        "client_secret_post",
        "private_key_jwt",
        "none",
    ];
    let assertion_algs = strings(&crate::crypto::client_keys::ASSERTION_ALGS);
    Metadata {
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
        introspection_endpoint_auth_methods_supported: strings(&client_auth[..3]),
        code_challenge_methods_supported: strings(&["S256"]),
        subject_types_supported: strings(&["public"]),
        id_token_signing_alg_values_supported: strings(&[svc.oauth.keys.alg().as_str()]),
        authorization_response_iss_parameter_supported: true,
        device_authorization_endpoint: url("/oauth2/device_authorization"),
        protected_resources: vec![base.clone()],
        pushed_authorization_request_endpoint: url("/oauth2/par"),
        require_pushed_authorization_requests: svc.oauth.policy.require_par,
        token_endpoint_auth_signing_alg_values_supported: assertion_algs.clone(),
        revocation_endpoint_auth_signing_alg_values_supported: assertion_algs.clone(),
        introspection_endpoint_auth_signing_alg_values_supported: assertion_algs,
        dpop_signing_alg_values_supported: strings(&crate::service::oauth::dpop::DPOP_ALGS),
        registration_endpoint: (svc.oauth.policy.dynamic_registration
            != crate::domain::RegistrationPolicy::Off)
            .then(|| url("/oauth2/register")),
        client_id_metadata_document_supported: svc
            .oauth
            .policy
            .client_id_metadata_documents
            .then_some(true),
        acr_values_supported: strings(&[crate::domain::ACR_PASSWORD, crate::domain::ACR_MFA]),
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
            "amr",
            "acr",
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

#[derive(ApiResponse)]
pub enum JwksResponse {
    /// The key set; cache it briefly and refetch on an unknown `kid`.
    #[oai(status = 200)]
    Ok(Json<Jwks>, #[oai(header = "Cache-Control")] String),
    /// The keys could not be read; retry later.
    #[oai(status = 503)]
    Unavailable(Json<ApiError>),
}

#[derive(ApiResponse)]
pub enum MetadataResponse {
    /// The metadata document.
    #[oai(status = 200)]
    Ok(Json<Metadata>),
}

fn jwk_of(v: &serde_json::Value) -> Jwk {
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    Jwk {
        kty: s("kty"),
        crv: s("crv"),
        x: s("x"),
        y: v["y"].as_str().map(str::to_owned),
        kid: s("kid"),
        use_: s("use"),
        alg: s("alg"),
    }
}

#[OpenApi(tag = "ApiTags::OAuth2")]
impl DiscoveryApi {
    /// Get the signing keys
    ///
    /// The JSON Web Key Set (RFC 7517) of the keys (ES256, or EdDSA when configured) that sign
    /// access tokens and id_tokens.
    /// During a key rotation the previous key stays listed until its tokens have expired.
    #[oai(path = "/oauth2/jwks", method = "get", operation_id = "getJwks")]
    async fn jwks(&self, svc: Data<&Services>) -> JwksResponse {
        match svc.oauth.keys.jwks(svc.now()).await {
            Ok(keys) => JwksResponse::Ok(
                Json(Jwks {
                    keys: keys.iter().map(jwk_of).collect(),
                }),
                "public, max-age=300".into(),
            ),
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), "JWKS unavailable");
                JwksResponse::Unavailable(Json(ApiError::new(
                    "service_unavailable",
                    "the signing keys are unavailable; retry later",
                )))
            }
        }
    }

    /// Get the OpenID Provider configuration
    ///
    /// OpenID Connect Discovery 1.0: endpoints, scopes, grant types, client authentication
    /// methods and algorithms this server supports.
    #[oai(
        path = "/.well-known/openid-configuration",
        method = "get",
        operation_id = "getOpenidConfiguration"
    )]
    async fn openid_configuration(&self, svc: Data<&Services>) -> MetadataResponse {
        MetadataResponse::Ok(Json(metadata(&svc)))
    }

    /// Get the authorization server metadata
    ///
    /// RFC 8414: the same document as the OpenID configuration, for OAuth 2.0 clients.
    #[oai(
        path = "/.well-known/oauth-authorization-server",
        method = "get",
        operation_id = "getAuthorizationServerMetadata"
    )]
    async fn authorization_server(&self, svc: Data<&Services>) -> MetadataResponse {
        MetadataResponse::Ok(Json(metadata(&svc)))
    }
}
