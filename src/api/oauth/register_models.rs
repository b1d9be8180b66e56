//! The JSON shapes of dynamic client registration (RFC 7591 §2, §3.2.1; RFC 7592 §3): the
//! client metadata a client sends, and the client information it gets back.

use poem_openapi::Object;

use crate::service::dynamic_registration::metadata::{self, ClientMetadata};
use crate::service::dynamic_registration::{ClientInformation, UpdateRequest};

/// Client metadata (RFC 7591 §2). Omitted members take the server's defaults on registration
/// and are cleared on an update (RFC 7592 §2.2). Unknown members are ignored.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
pub struct ClientMetadataRequest {
    /// Exact redirect URIs: https, or http only on a loopback host; no fragment; at most 20.
    /// Required for the authorization_code grant.
    pub redirect_uris: Option<Vec<String>>,
    /// `client_secret_basic` (default), `client_secret_post`, `private_key_jwt` (with `jwks`
    /// or `jwks_uri`) or `none` (a public client, which uses PKCE).
    pub token_endpoint_auth_method: Option<String>,
    /// Any of `authorization_code`, `refresh_token`, `client_credentials`,
    /// `urn:ietf:params:oauth:grant-type:device_code`. Default: authorization_code and
    /// refresh_token. `password` and `implicit` are for apps an administrator sets up.
    pub grant_types: Option<Vec<String>>,
    /// `code` (the only one without the implicit grant). Default: `code`.
    pub response_types: Option<Vec<String>>,
    /// Shown on the consent page, 1–100 characters. Default: "App at" the host of
    /// `client_uri` or the first redirect URI.
    pub client_name: Option<String>,
    pub client_uri: Option<String>,
    pub logo_uri: Option<String>,
    /// Space-delimited scopes the client may ask for. Default: `openid profile email`.
    pub scope: Option<String>,
    /// At most 10, each at most 200 characters.
    pub contacts: Option<Vec<String>>,
    pub tos_uri: Option<String>,
    pub policy_uri: Option<String>,
    /// private_key_jwt: a JWK set of public keys.
    pub jwks: Option<serde_json::Value>,
    /// private_key_jwt: the https URL of the client's JWK set.
    pub jwks_uri: Option<String>,
    /// At most 200 characters.
    pub software_id: Option<String>,
    /// At most 200 characters.
    pub software_version: Option<String>,
    /// Ignored: software statements are not supported (RFC 7591 §2.3 lets a server ignore
    /// them).
    pub software_statement: Option<String>,
    /// Where RP-initiated logout may return to; same rules as `redirect_uris`.
    pub post_logout_redirect_uris: Option<Vec<String>>,
    /// Authorization requests must be pushed to `/oauth2/par` first (RFC 9126).
    pub require_pushed_authorization_requests: Option<bool>,
    /// RFC 9449 §5.2: every token request must carry a DPoP proof, so that each access token
    /// is bound to a key. Default: false.
    pub dpop_bound_access_tokens: Option<bool>,
    /// Update only: the client's own client id (RFC 7592 §2.2).
    pub client_id: Option<String>,
    /// Update only: when given, the client's current secret (it cannot be chosen).
    pub client_secret: Option<String>,
}

impl ClientMetadataRequest {
    /// The metadata, and what an update carries besides.
    pub fn split(self) -> (ClientMetadata, UpdateRequest) {
        let m = ClientMetadata {
            redirect_uris: self.redirect_uris,
            token_endpoint_auth_method: self.token_endpoint_auth_method,
            grant_types: self.grant_types,
            response_types: self.response_types,
            client_name: self.client_name,
            client_uri: self.client_uri,
            logo_uri: self.logo_uri,
            scope: self.scope,
            contacts: self.contacts,
            tos_uri: self.tos_uri,
            policy_uri: self.policy_uri,
            jwks: self.jwks.map(|j| j.to_string()),
            jwks_uri: self.jwks_uri,
            software_id: self.software_id,
            software_version: self.software_version,
            post_logout_redirect_uris: self.post_logout_redirect_uris,
            require_pushed_authorization_requests: self.require_pushed_authorization_requests,
            dpop_bound_access_tokens: self.dpop_bound_access_tokens,
        };
        let update = UpdateRequest {
            client_id: self.client_id,
            client_secret: self.client_secret,
        };
        (m, update)
    }
}

/// A registered client (RFC 7591 §3.2.1, RFC 7592 §3): its credentials and its metadata as
/// registered.
#[derive(Debug, Object)]
#[oai(skip_serializing_if_is_none)]
pub struct ClientInformationResponse {
    pub client_id: String,
    /// Only in the answer to the registration of a confidential client that uses a secret:
    /// the server keeps a digest and cannot show it again.
    pub client_secret: Option<String>,
    /// Seconds since the epoch.
    pub client_id_issued_at: i64,
    /// 0: the secret does not expire. Present when the client has a secret.
    pub client_secret_expires_at: Option<i64>,
    /// Authorizes reading, changing and deleting this registration at
    /// `registration_client_uri`. A new one is issued with every read and update: keep the
    /// latest.
    pub registration_access_token: String,
    pub registration_client_uri: String,
    pub redirect_uris: Vec<String>,
    pub token_endpoint_auth_method: String,
    pub grant_types: Vec<String>,
    pub response_types: Vec<String>,
    pub client_name: String,
    pub client_uri: Option<String>,
    pub logo_uri: Option<String>,
    pub scope: String,
    pub contacts: Option<Vec<String>>,
    pub tos_uri: Option<String>,
    pub policy_uri: Option<String>,
    pub jwks: Option<serde_json::Value>,
    pub jwks_uri: Option<String>,
    pub software_id: Option<String>,
    pub software_version: Option<String>,
    pub post_logout_redirect_uris: Option<Vec<String>>,
    pub require_pushed_authorization_requests: bool,
    pub dpop_bound_access_tokens: bool,
}

impl ClientInformationResponse {
    /// The answer for `info`, whose configuration endpoint is under `issuer`.
    pub fn new(info: ClientInformation, issuer: &str) -> Self {
        let app = &info.app;
        let m = info.metadata;
        let has_secret = !app.secrets.is_empty();
        let nonempty = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
        Self {
            client_id: app.client_id.clone(),
            client_id_issued_at: app.created_at.timestamp(),
            client_secret_expires_at: has_secret.then_some(0),
            client_secret: info.client_secret,
            registration_access_token: info.registration_access_token,
            registration_client_uri: format!("{issuer}/oauth2/register/{}", app.client_id),
            redirect_uris: app.redirect_uris.clone(),
            token_endpoint_auth_method: metadata::registered_method(
                app,
                &m.token_endpoint_auth_method,
            ),
            grant_types: app.grant_types.iter().map(|g| g.as_str().into()).collect(),
            response_types: metadata::response_types(app),
            client_name: app.name.clone(),
            client_uri: app.homepage_url.clone(),
            logo_uri: app.logo_url.clone(),
            scope: app.scopes.join(" "),
            contacts: nonempty(&m.contacts),
            tos_uri: m.tos_uri,
            policy_uri: m.policy_uri,
            jwks: app
                .jwks
                .as_deref()
                .and_then(|j| serde_json::from_str(j).ok()),
            jwks_uri: app.jwks_uri.clone(),
            software_id: m.software_id,
            software_version: m.software_version,
            post_logout_redirect_uris: nonempty(&app.post_logout_redirect_uris),
            require_pushed_authorization_requests: app.require_pushed_authorization_requests,
            dpop_bound_access_tokens: app.dpop_bound_access_tokens,
        }
    }
}
