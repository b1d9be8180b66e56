//! Client for the auth-center JSON API, generated from openapi.yaml by progenitor.
//! Do not edit: run scripts/gen-sdk.sh.

#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///An account as administrators see it. Never carries the password hash.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct AdminUser {
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///A disabled account cannot log in and holds no sessions or tokens.
        pub disabled: bool,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub display_name: ::std::option::Option<::std::string::String>,
        pub email: ::std::string::String,
        pub email_verified: bool,
        pub id: ::std::string::String,
        pub is_admin: bool,
        pub updated_at: ::chrono::DateTime<::chrono::offset::Utc>,
        pub username: ::std::string::String,
    }
    ///The error body of every non-OAuth error response.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ApiError {
        /**A stable machine-readable code: `bad_request`, `validation_failed`, `unauthorized`,
        `forbidden`, `not_found`, `method_not_allowed`, `request_timeout`, `conflict`,
        `payload_too_large`, `unsupported_media_type`, `too_many_requests`, `internal_error`,
        `service_unavailable`.*/
        pub error: ::std::string::String,
        ///Field-level problems (validation and conflicts); empty otherwise.
        pub fields: ::std::vec::Vec<FieldError>,
        ///A human-readable explanation.
        pub message: ::std::string::String,
    }
    ///A registered app (OAuth client) as its owner sees it. Carries no secret.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct App {
        ///The app's access-token lifetime; absent: the server's default.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub access_token_ttl_secs: ::std::option::Option<i64>,
        ///The OAuth `client_id`.
        pub client_id: ::std::string::String,
        ///`confidential` (has a secret) or `public` (cannot keep one: SPAs, native apps).
        pub client_type: ::std::string::String,
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        pub description: ::std::string::String,
        /**Every token request must carry a DPoP proof (RFC 9449 §5.2, `dpop_bound_access_tokens`):
        each access token is bound to the app's key.*/
        pub dpop_bound_access_tokens: bool,
        /**The FAPI 2.0 Security Profile is enforced for the app (see the README's "FAPI 2.0
        Security Profile" section).*/
        pub fapi2: bool,
        ///First-party apps skip the consent page (set by administrators only).
        pub first_party: bool,
        pub grant_types: ::std::vec::Vec<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub homepage_url: ::std::option::Option<::std::string::String>,
        /**A resource server: may introspect tokens issued to other apps (RFC 7662 §4); set by
        administrators only. Any other app learns only about its own tokens.*/
        pub introspection: bool,
        ///private_key_jwt: the registered JWK set of public keys.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks: ::std::option::Option<::serde_json::Value>,
        ///private_key_jwt: where the JWK set is fetched from.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks_uri: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub logo_url: ::std::option::Option<::std::string::String>,
        pub name: ::std::string::String,
        ///The id of the user who registered it.
        pub owner_id: ::std::string::String,
        pub post_logout_redirect_uris: ::std::vec::Vec<::std::string::String>,
        ///Exact redirect URIs accepted at `/oauth2/authorize`.
        pub redirect_uris: ::std::vec::Vec<::std::string::String>,
        ///The app's refresh-token lifetime; absent: the server's default.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub refresh_token_ttl_secs: ::std::option::Option<i64>,
        /**Every authorization request needs a sign-in with a second factor (acr
        `urn:auth-center:acr:mfa`): a person signed in with a password only is asked for it.*/
        pub require_mfa: bool,
        /**Authorization requests must be pushed to `/oauth2/par` first (RFC 9126); a plain
        request to `/oauth2/authorize` is refused.*/
        pub require_pushed_authorization_requests: bool,
        pub scopes: ::std::vec::Vec<::std::string::String>,
        ///The secrets that currently authenticate the app (none for a public app).
        pub secrets: ::std::vec::Vec<AppSecretInfo>,
        /**`client_secret_basic` (a secret, also accepted as `client_secret_post`),
        `private_key_jwt` (signed assertions with the keys below) or `none` (public).*/
        pub token_endpoint_auth_method: ::std::string::String,
        pub updated_at: ::chrono::DateTime<::chrono::offset::Utc>,
    }
    ///One page of the caller's apps.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct AppList {
        ///This page of apps, oldest first.
        pub items: ::std::vec::Vec<App>,
        ///The page size used.
        pub limit: u64,
        ///The index of the first item of this page.
        pub offset: u64,
        ///How many apps the caller has, on every page.
        pub total: u64,
    }
    /**Some fields of an app (PATCH); omitted fields keep their value, `null` clears an optional
    one. Same rules as `AppRequest`.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct AppPatchRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub access_token_ttl_secs: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_type: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub dpop_bound_access_tokens: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub fapi2: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub first_party: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub grant_types: ::std::vec::Vec<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub homepage_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub introspection: ::std::option::Option<bool>,
        ///New keys; `jwks` or `jwks_uri` replaces both, `null` clears.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks: ::std::option::Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks_uri: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub logo_url: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub post_logout_redirect_uris: ::std::vec::Vec<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub redirect_uris: ::std::vec::Vec<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub refresh_token_ttl_secs: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub require_mfa: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub require_pushed_authorization_requests: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub scopes: ::std::vec::Vec<::std::string::String>,
        ///A method other than `private_key_jwt` drops the keys (rotate the secret to get one).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token_endpoint_auth_method: ::std::option::Option<::std::string::String>,
    }
    /**Every field of an app (register, and replace with PUT). Omitted optional fields take their
    default.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct AppRequest {
        ///60 s up to `oauth.max_access_token_ttl_secs`; absent: the server default.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub access_token_ttl_secs: ::std::option::Option<i64>,
        ///`confidential` (default) or `public`; cannot change after registration.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_type: ::std::option::Option<::std::string::String>,
        ///At most 1000 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        /**Every token request must carry a DPoP proof (RFC 9449 §5.2): without one the token
        endpoint answers `invalid_request`. Default: false.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub dpop_bound_access_tokens: ::std::option::Option<bool>,
        /**Enforce the FAPI 2.0 Security Profile for this app: pushed requests only, `code` with
        PKCE S256, `private_key_jwt` (set `jwks` or `jwks_uri`) signed with PS256, ES256 or
        EdDSA, DPoP-bound tokens, codes valid 60 s; no implicit, password or device code grant.
        Default: false.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub fapi2: ::std::option::Option<bool>,
        ///Skips the consent page; only administrators may set or change it.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub first_party: ::std::option::Option<bool>,
        /**Any of `authorization_code`, `refresh_token`, `client_credentials`, `password`,
        `implicit`, `urn:ietf:params:oauth:grant-type:device_code`. Default:
        authorization_code and refresh_token. Only administrators may enable `password`
        (confidential apps only) and `implicit` (RFC 9700 §2.4, §2.1.2).*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub grant_types: ::std::vec::Vec<::std::string::String>,
        ///https (or http on localhost / a loopback address).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub homepage_url: ::std::option::Option<::std::string::String>,
        /**May introspect other apps' tokens (a resource server); only administrators may set or
        change it.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub introspection: ::std::option::Option<bool>,
        /**private_key_jwt: a JWK set of public keys (`{"keys": [...]}`; EC P-256, OKP Ed25519 or
        RSA of 2048 bits or more; a key with a private member is refused).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks: ::std::option::Option<::serde_json::Value>,
        ///private_key_jwt: the https URL of the app's JWK set, fetched when the app authenticates.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks_uri: ::std::option::Option<::std::string::String>,
        ///https (or http on localhost / a loopback address).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub logo_url: ::std::option::Option<::std::string::String>,
        ///1–100 characters (trimmed).
        pub name: ::std::string::String,
        ///Where RP-initiated logout may return to; same rules as `redirect_uris`.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub post_logout_redirect_uris: ::std::vec::Vec<::std::string::String>,
        /**Exact redirect URIs: https, or http only for localhost / loopback; no fragment; at most
        20. At least one for the authorization_code and implicit grants.*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub redirect_uris: ::std::vec::Vec<::std::string::String>,
        ///60 s up to `oauth.max_refresh_token_ttl_secs`; absent: the server default.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub refresh_token_ttl_secs: ::std::option::Option<i64>,
        /**Every authorization request needs a sign-in with a second factor (acr
        `urn:auth-center:acr:mfa`); not with the password grant, which cannot ask for one.
        Default: false.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub require_mfa: ::std::option::Option<bool>,
        ///Authorization requests must be pushed to `/oauth2/par` first (RFC 9126). Default: false.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub require_pushed_authorization_requests: ::std::option::Option<bool>,
        /**Scopes the app may ask for: `openid profile profile:write email groups offline_access
        apps authorizations` (`admin` only for administrators' apps, added through their session
        or an `admin` token). Default: openid profile email.*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub scopes: ::std::vec::Vec<::std::string::String>,
        /**How the app authenticates at the token endpoint: `client_secret_basic` (default for a
        confidential app; `client_secret_post` works too), `private_key_jwt` (signed assertions,
        RFC 7523: set `jwks` or `jwks_uri`; the app then has no secret) or `none` (public apps).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token_endpoint_auth_method: ::std::option::Option<::std::string::String>,
    }
    /**When a stored secret was issued and, for a rotated-out one, when it stops working. The
    secret itself is never shown again.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct AppSecretInfo {
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///Set on a previous secret during its rotation grace period; absent on the current one.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expires_at: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
    }
    ///One page of events, newest first.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct AuditEventList {
        pub items: ::std::vec::Vec<AuditEventObject>,
        ///Pass as `next` to get the following (older) page; absent on the last page.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next: ::std::option::Option<::std::string::String>,
    }
    ///One recorded event. Never carries a secret, password, token, code or digest.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct AuditEventObject {
        ///A user id, an app's client id, `anonymous` (an unknown account) or `system`.
        pub actor: ::std::string::String,
        ///The app (client id) involved.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub app: ::std::option::Option<::std::string::String>,
        ///Small facts of the kind (a scope list, a key id, a count).
        pub details: ::std::collections::HashMap<::std::string::String, ::std::string::String>,
        pub id: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ip: ::std::option::Option<::std::string::String>,
        /**Why it ended so (`bad_password`, `unknown_user`, `throttled`, `second_factor_failed`,
        `disabled`, `unverified`, `code_replayed`).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub reason: ::std::option::Option<::std::string::String>,
        ///The `x-request-id` of the request that caused it.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_id: ::std::option::Option<::std::string::String>,
        ///The person the event is about.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub subject: ::std::option::Option<::std::string::String>,
        pub time: ::chrono::DateTime<::chrono::offset::Utc>,
        /**What happened, a dotted name: `login.succeeded`, `login.failed`, `logout`,
        `throttle.refused`, `password.changed`, `password.reset`, `email.changed`,
        `second_factor.enabled`, `second_factor.disabled`, `recovery_code.used`,
        `consent.granted`, `consent.revoked`, `token.revoked`, `grant.revoked`,
        `refresh.reuse_detected`, `app.created`, `app.changed`, `app.deleted`,
        `app.secret_rotated`, `admin.*`, `key.rotated`, `session.ended`, `account.registered`,
        `email.verified`, `recovery_codes.regenerated`.*/
        #[serde(rename = "type")]
        pub type_: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_agent: ::std::option::Option<::std::string::String>,
    }
    ///One authorization the caller gave an app (a grant).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Authorization {
        ///The app's homepage, when it registered one.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_homepage_url: ::std::option::Option<::std::string::String>,
        ///The app's client_id.
        pub client_id: ::std::string::String,
        ///The app's name.
        pub client_name: ::std::string::String,
        ///When the user first authorized it.
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///When it ends: no refresh after this.
        pub expires_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The grant's id: pass it to `revokeMyAuthorization`.
        pub id: ::std::string::String,
        /**When the app last used it (refreshing, or calling this server with its access tokens;
        recorded at most once a minute).*/
        pub last_used_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///What the app may do.
        pub scopes: ::std::vec::Vec<::std::string::String>,
    }
    ///The caller's active authorizations, newest first.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct AuthorizationList {
        pub items: ::std::vec::Vec<Authorization>,
    }
    ///A change of password.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ChangePasswordRequest {
        pub current_password: ::std::string::String,
        pub new_password: ::std::string::String,
    }
    /**A registered client (RFC 7591 §3.2.1, RFC 7592 §3): its credentials and its metadata as
    registered.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ClientInformationResponse {
        pub client_id: ::std::string::String,
        ///Seconds since the epoch.
        pub client_id_issued_at: i64,
        pub client_name: ::std::string::String,
        /**Only in the answer to the registration of a confidential client that uses a secret:
        the server keeps a digest and cannot show it again.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret: ::std::option::Option<::std::string::String>,
        ///0: the secret does not expire. Present when the client has a secret.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret_expires_at: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_uri: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub contacts: ::std::vec::Vec<::std::string::String>,
        pub dpop_bound_access_tokens: bool,
        pub grant_types: ::std::vec::Vec<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks: ::std::option::Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks_uri: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub logo_uri: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub policy_uri: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub post_logout_redirect_uris: ::std::vec::Vec<::std::string::String>,
        pub redirect_uris: ::std::vec::Vec<::std::string::String>,
        /**Authorizes reading, changing and deleting this registration at
        `registration_client_uri`. A new one is issued with every read and update: keep the
        latest.*/
        pub registration_access_token: ::std::string::String,
        pub registration_client_uri: ::std::string::String,
        pub require_pushed_authorization_requests: bool,
        pub response_types: ::std::vec::Vec<::std::string::String>,
        pub scope: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub software_id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub software_version: ::std::option::Option<::std::string::String>,
        pub token_endpoint_auth_method: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tos_uri: ::std::option::Option<::std::string::String>,
    }
    /**Client metadata (RFC 7591 §2). Omitted members take the server's defaults on registration
    and are cleared on an update (RFC 7592 §2.2). Unknown members are ignored.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct ClientMetadataRequest {
        ///Update only: the client's own client id (RFC 7592 §2.2).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id: ::std::option::Option<::std::string::String>,
        /**Shown on the consent page, 1–100 characters. Default: "App at" the host of
        `client_uri` or the first redirect URI.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_name: ::std::option::Option<::std::string::String>,
        ///Update only: when given, the client's current secret (it cannot be chosen).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_uri: ::std::option::Option<::std::string::String>,
        ///At most 10, each at most 200 characters.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub contacts: ::std::vec::Vec<::std::string::String>,
        /**RFC 9449 §5.2: every token request must carry a DPoP proof, so that each access token
        is bound to a key. Default: false.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub dpop_bound_access_tokens: ::std::option::Option<bool>,
        /**Any of `authorization_code`, `refresh_token`, `client_credentials`,
        `urn:ietf:params:oauth:grant-type:device_code`. Default: authorization_code and
        refresh_token. `password` and `implicit` are for apps an administrator sets up.*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub grant_types: ::std::vec::Vec<::std::string::String>,
        ///private_key_jwt: a JWK set of public keys.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks: ::std::option::Option<::serde_json::Value>,
        ///private_key_jwt: the https URL of the client's JWK set.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jwks_uri: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub logo_uri: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub policy_uri: ::std::option::Option<::std::string::String>,
        ///Where RP-initiated logout may return to; same rules as `redirect_uris`.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub post_logout_redirect_uris: ::std::vec::Vec<::std::string::String>,
        /**Exact redirect URIs: https, or http only on a loopback host; no fragment; at most 20.
        Required for the authorization_code grant.*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub redirect_uris: ::std::vec::Vec<::std::string::String>,
        ///Authorization requests must be pushed to `/oauth2/par` first (RFC 9126).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub require_pushed_authorization_requests: ::std::option::Option<bool>,
        ///`code` (the only one without the implicit grant). Default: `code`.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub response_types: ::std::vec::Vec<::std::string::String>,
        ///Space-delimited scopes the client may ask for. Default: `openid profile email`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
        ///At most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub software_id: ::std::option::Option<::std::string::String>,
        /**Ignored: software statements are not supported (RFC 7591 §2.3 lets a server ignore
        them).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub software_statement: ::std::option::Option<::std::string::String>,
        ///At most 200 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub software_version: ::std::option::Option<::std::string::String>,
        /**`client_secret_basic` (default), `client_secret_post`, `private_key_jwt` (with `jwks`
        or `jwks_uri`) or `none` (a public client, which uses PKCE).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token_endpoint_auth_method: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub tos_uri: ::std::option::Option<::std::string::String>,
    }
    ///A password reset: the emailed token and the new password.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ConfirmResetRequest {
        pub new_password: ::std::string::String,
        pub token: ::std::string::String,
    }
    ///A new group.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct CreateGroupRequest {
        ///Free text, at most 1000 characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        ///1–64 printable characters, unique case-insensitively.
        pub name: ::std::string::String,
    }
    ///What an initial access token allows.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct CreateRegistrationTokenRequest {
        ///Seconds it stays valid (60 up to a year).
        pub expires_in: i64,
        ///To recognise it in the listing: at most 100 characters, no control characters.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub label: ::std::option::Option<::std::string::String>,
        ///How many clients it may register (1–10000).
        pub uses: ::std::num::NonZeroU32,
    }
    ///A new resource server.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct CreateResourceServerRequest {
        ///Lifetime of its access tokens, 60–86400 seconds; absent: the server's default.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub access_token_ttl_secs: ::std::option::Option<u32>,
        ///An absolute https URI (http only on a loopback host), without a fragment; unique.
        pub identifier: ::std::string::String,
        ///Whether it may call the introspection endpoint.
        #[serde(default)]
        pub introspection: bool,
        ///1–100 printable characters, shown on the consent page.
        pub name: ::std::string::String,
        ///The scopes it defines (at most 100).
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub scopes: ::std::vec::Vec<ResourceScopeObject>,
    }
    ///A newly registered app and its secret. The secret is shown this once: store it now.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct CreatedApp {
        pub app: App,
        /**The client secret of a confidential app (absent for a public one). Only its digest is
        kept by the server: it cannot be shown again, only rotated.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret: ::std::option::Option<::std::string::String>,
    }
    ///The codes of a device authorization (RFC 8628 §3.2).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct DeviceAuthorizationBody {
        ///The device's secret: poll the token endpoint with it.
        pub device_code: ::std::string::String,
        ///Seconds until both codes expire.
        pub expires_in: i64,
        ///Seconds to wait between two polls of the token endpoint.
        pub interval: i64,
        ///The code to show to the person, `XXXX-XXXX` (case and dashes do not matter).
        pub user_code: ::std::string::String,
        ///Where the person enters the user code.
        pub verification_uri: ::std::string::String,
        ///`verification_uri` with the user code filled in (e.g. for a QR code).
        pub verification_uri_complete: ::std::string::String,
    }
    ///A device authorization request.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct DeviceAuthorizationForm {
        ///private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion: ::std::option::Option<::std::string::String>,
        ///private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion_type: ::std::option::Option<::std::string::String>,
        ///client_secret_post and public clients: the client id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id: ::std::option::Option<::std::string::String>,
        ///client_secret_post: the client secret (prefer HTTP Basic).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret: ::std::option::Option<::std::string::String>,
        /**RFC 8707: the resource server(s) the access token is for, each an absolute URI
        registered here; repeat the field for several. The token's `aud` is exactly these.*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub resource: ::std::vec::Vec<::std::string::String>,
        ///Space-delimited scopes; the app's registered scopes when absent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
    }
    ///An email address to which a link may be sent.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct EmailRequest {
        pub email: ::std::string::String,
    }
    ///How many sessions ended.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct EndedSessions {
        pub ended: u64,
    }
    ///A field that failed validation.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct FieldError {
        ///The input field, e.g. `username`.
        pub field: ::std::string::String,
        ///What is wrong with it, for people.
        pub message: ::std::string::String,
    }
    ///A named set of users.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Group {
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        pub description: ::std::string::String,
        pub id: ::std::string::String,
        pub member_count: u64,
        ///1–64 printable characters, unique case-insensitively.
        pub name: ::std::string::String,
        pub updated_at: ::chrono::DateTime<::chrono::offset::Utc>,
    }
    ///One page of groups.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct GroupList {
        ///This page of items.
        pub items: ::std::vec::Vec<Group>,
        ///The page size used.
        pub limit: u64,
        ///The index of the first item of this page.
        pub offset: u64,
        ///How many items match, on every page.
        pub total: u64,
    }
    ///A member of a group.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct GroupMember {
        ///The user id.
        pub id: ::std::string::String,
        pub username: ::std::string::String,
    }
    ///A group and its members.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct GroupResource {
        pub description: ::std::string::String,
        pub id: ::std::string::String,
        pub members: ::std::vec::Vec<GroupResourceMember>,
        pub name: ::std::string::String,
    }
    ///A member of a group.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct GroupResourceMember {
        pub id: ::std::string::String,
        pub username: ::std::string::String,
    }
    ///Liveness status.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Health {
        ///Always `ok`.
        pub status: ::std::string::String,
        ///The server version.
        pub version: ::std::string::String,
    }
    ///The state of a token (RFC 7662 §2.2); only `active` is present for inactive tokens.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct IntrospectionBody {
        /**How the person signed in: `urn:auth-center:acr:password` or `urn:auth-center:acr:mfa`
        (RFC 9470 §6.1); absent for tokens that were refreshed or are an app's own.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub acr: ::std::option::Option<::std::string::String>,
        ///Whether the token is valid now: issued here, not expired, not revoked.
        pub active: bool,
        /**The audience as issued: the issuer, or the resource identifier (a string) or
        identifiers (an array) the token was requested for (RFC 8707).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub aud: ::std::option::Option<::serde_json::Value>,
        ///When the person signed in (seconds since the epoch), for a user's access token.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub auth_time: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id: ::std::option::Option<::std::string::String>,
        /**The confirmation of a DPoP-bound token: `{"jkt": <JWK SHA-256 thumbprint>}`
        (RFC 9449 §6.2).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub cnf: ::std::option::Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub exp: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub iat: ::std::option::Option<i64>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub iss: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub jti: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
        ///The user id, or the client id for client_credentials tokens.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub sub: ::std::option::Option<::std::string::String>,
        ///`Bearer`, `DPoP` (a token bound to a key, RFC 9449 §6.2) or `refresh_token`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token_type: ::std::option::Option<::std::string::String>,
    }
    ///One public signing key (RFC 7517 §4; RFC 7518 §6.2 for `EC`, RFC 8037 §2 for `OKP`).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Jwk {
        ///`ES256` or `EdDSA`: the only algorithm this key verifies.
        pub alg: ::std::string::String,
        ///`P-256` or `Ed25519`.
        pub crv: ::std::string::String,
        ///The key id, as in the `kid` header of the tokens it signed.
        pub kid: ::std::string::String,
        ///`EC` (ES256) or `OKP` (EdDSA).
        pub kty: ::std::string::String,
        ///`sig`.
        #[serde(rename = "use")]
        pub use_: ::std::string::String,
        ///The x coordinate (EC) or the public key (OKP), base64url.
        pub x: ::std::string::String,
        ///The y coordinate; EC keys only.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub y: ::std::option::Option<::std::string::String>,
    }
    /**The public keys that verify this server's tokens: the current one and those retired but
    still verifying unexpired tokens.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Jwks {
        pub keys: ::std::vec::Vec<Jwk>,
    }
    ///`ListUsersSearch`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct ListUsersSearch(::std::string::String);
    impl ::std::ops::Deref for ListUsersSearch {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<ListUsersSearch> for ::std::string::String {
        fn from(value: ListUsersSearch) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for ListUsersSearch {
        type Err = self::error::ConversionError;
        fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 100usize {
                return Err("longer than 100 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for ListUsersSearch {
        type Error = self::error::ConversionError;
        fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for ListUsersSearch {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ListUsersSearch {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /**A person's own account, as they see it. Through an access token, `email` and
    `email_verified` come only with the `email` scope and `is_admin` only with `admin`; the
    browser session sees them all.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Me {
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub display_name: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email_verified: ::std::option::Option<bool>,
        pub id: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub is_admin: ::std::option::Option<bool>,
        ///The language of the person's pages and emails (`en`, `zh-CN`), once chosen.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub locale: ::std::option::Option<::std::string::String>,
        pub username: ::std::string::String,
    }
    ///One page of group members.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct MemberList {
        ///This page of items.
        pub items: ::std::vec::Vec<GroupMember>,
        ///The page size used.
        pub limit: u64,
        ///The index of the first item of this page.
        pub offset: u64,
        ///How many items match, on every page.
        pub total: u64,
    }
    ///Authorization server metadata (RFC 8414 §2 and OIDC Discovery §3).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Metadata {
        /**OIDC Discovery §3: the `acr` values this server signs people in with, which
        `acr_values` may ask for (the second one needs a second factor).*/
        pub acr_values_supported: ::std::vec::Vec<::std::string::String>,
        pub authorization_endpoint: ::std::string::String,
        ///RFC 9207: authorization responses carry `iss`.
        pub authorization_response_iss_parameter_supported: bool,
        pub claims_supported: ::std::vec::Vec<::std::string::String>,
        /**draft-ietf-oauth-client-id-metadata-document: an https URL is accepted as `client_id`
        and its document fetched. Present (true) only when `oauth.client_id_metadata_documents`
        is on.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id_metadata_document_supported: ::std::option::Option<bool>,
        pub code_challenge_methods_supported: ::std::vec::Vec<::std::string::String>,
        ///RFC 8628 §4: where devices start the device authorization grant.
        pub device_authorization_endpoint: ::std::string::String,
        ///RFC 9449 §5.1: the algorithms a DPoP proof may be signed with.
        pub dpop_signing_alg_values_supported: ::std::vec::Vec<::std::string::String>,
        ///RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).
        pub end_session_endpoint: ::std::string::String,
        pub grant_types_supported: ::std::vec::Vec<::std::string::String>,
        pub id_token_signing_alg_values_supported: ::std::vec::Vec<::std::string::String>,
        pub introspection_endpoint: ::std::string::String,
        pub introspection_endpoint_auth_methods_supported: ::std::vec::Vec<::std::string::String>,
        ///The same algorithms, at the introspection endpoint.
        pub introspection_endpoint_auth_signing_alg_values_supported:
            ::std::vec::Vec<::std::string::String>,
        pub issuer: ::std::string::String,
        pub jwks_uri: ::std::string::String,
        /**RFC 9728 §4: the protected resources this server issues tokens for (its own API,
        identified by the issuer URL; its metadata is at `/.well-known/oauth-protected-resource`).*/
        pub protected_resources: ::std::vec::Vec<::std::string::String>,
        ///RFC 9126 §5: where clients push authorization requests.
        pub pushed_authorization_request_endpoint: ::std::string::String,
        /**RFC 8414 §2 / RFC 7591 §3: where clients register themselves; absent when dynamic
        registration is turned off (`oauth.dynamic_registration`).*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub registration_endpoint: ::std::option::Option<::std::string::String>,
        /**RFC 9126 §5: whether every client must push its authorization requests (apps may
        require it for themselves too).*/
        pub require_pushed_authorization_requests: bool,
        pub response_modes_supported: ::std::vec::Vec<::std::string::String>,
        pub response_types_supported: ::std::vec::Vec<::std::string::String>,
        pub revocation_endpoint: ::std::string::String,
        pub revocation_endpoint_auth_methods_supported: ::std::vec::Vec<::std::string::String>,
        ///The same algorithms, at the revocation endpoint.
        pub revocation_endpoint_auth_signing_alg_values_supported:
            ::std::vec::Vec<::std::string::String>,
        pub scopes_supported: ::std::vec::Vec<::std::string::String>,
        pub subject_types_supported: ::std::vec::Vec<::std::string::String>,
        pub token_endpoint: ::std::string::String,
        pub token_endpoint_auth_methods_supported: ::std::vec::Vec<::std::string::String>,
        /**RFC 8414 §2: the algorithms a `private_key_jwt` client assertion may be signed with (at
        the token endpoint, and so at PAR and device authorization too).*/
        pub token_endpoint_auth_signing_alg_values_supported:
            ::std::vec::Vec<::std::string::String>,
        pub userinfo_endpoint: ::std::string::String,
    }
    ///An OAuth error (RFC 6749 §5.2).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct OAuthErrorBody {
        /**The registered error code: `invalid_request`, `invalid_client`, `invalid_grant`,
        `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`, `invalid_token`,
        `insufficient_scope`, `server_error` or `temporarily_unavailable`; while a device polls
        (RFC 8628 §3.5): `authorization_pending`, `slow_down`, `expired_token`, `access_denied`.*/
        pub error: ::std::string::String,
        ///What went wrong, for the developer of the client.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_description: ::std::option::Option<::std::string::String>,
    }
    ///Where the pushed request is kept (RFC 9126 §2.2).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ParBody {
        ///Seconds until `request_uri` expires.
        pub expires_in: i64,
        /**`urn:ietf:params:oauth:request_uri:…`: send it to `/oauth2/authorize` as `request_uri`
        with `client_id`, once.*/
        pub request_uri: ::std::string::String,
    }
    /**An authorization request, pushed: the parameters of `/oauth2/authorize`, plus client
    authentication.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct ParForm {
        /**Space-separated `acr` values (OIDC Core §3.1.2.1); naming only
        `urn:auth-center:acr:mfa` requires a sign-in with a second factor.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub acr_values: ::std::option::Option<::std::string::String>,
        ///private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion: ::std::option::Option<::std::string::String>,
        ///private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion_type: ::std::option::Option<::std::string::String>,
        ///The app's client id; with HTTP Basic it may be left out.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id: ::std::option::Option<::std::string::String>,
        ///client_secret_post: the client secret (prefer HTTP Basic).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret: ::std::option::Option<::std::string::String>,
        ///PKCE (RFC 7636); required for public apps.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code_challenge: ::std::option::Option<::std::string::String>,
        ///`S256`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code_challenge_method: ::std::option::Option<::std::string::String>,
        ///RFC 9449 §10: the JWK SHA-256 thumbprint of the DPoP key the code's exchange will prove.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub dpop_jkt: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub login_hint: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub max_age: ::std::option::Option<::std::string::String>,
        ///Required when an id_token is returned from the authorization endpoint.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub nonce: ::std::option::Option<::std::string::String>,
        ///`none`, `login`, `consent` (OIDC Core §3.1.2.1).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prompt: ::std::option::Option<::std::string::String>,
        ///One of the app's registered redirect URIs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub redirect_uri: ::std::option::Option<::std::string::String>,
        ///Refused here (RFC 9126 §2.1): a pushed request cannot point to another.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub request_uri: ::std::option::Option<::std::string::String>,
        /**RFC 8707: the resource server(s) the access token is for, each an absolute URI
        registered here; repeat the field for several. The token's `aud` is exactly these.*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub resource: ::std::vec::Vec<::std::string::String>,
        ///`query` or `fragment`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub response_mode: ::std::option::Option<::std::string::String>,
        ///`code` (or an implicit/hybrid type the app may use).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub response_type: ::std::option::Option<::std::string::String>,
        ///Space-delimited scopes.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub state: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ui_locales: ::std::option::Option<::std::string::String>,
    }
    ///Protected resource metadata (RFC 9728 §2).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ProtectedResourceMetadata {
        ///The authorization servers that issue tokens for it: this server.
        pub authorization_servers: ::std::vec::Vec<::std::string::String>,
        ///Tokens are sent in the `Authorization` header only (RFC 6750 §2.1).
        pub bearer_methods_supported: ::std::vec::Vec<::std::string::String>,
        ///Bearer tokens are accepted too: DPoP-bound tokens are not required (RFC 9728 §2).
        pub dpop_bound_access_tokens_required: bool,
        ///RFC 9449 §5.2 / RFC 9728 §2: the algorithms a DPoP proof may be signed with here.
        pub dpop_signing_alg_values_supported: ::std::vec::Vec<::std::string::String>,
        ///Where the keys that verify its tokens are (the authorization server's JWKS).
        pub jwks_uri: ::std::string::String,
        ///The resource identifier: the issuer URL, which tokens for this API carry as `aud`.
        pub resource: ::std::string::String,
        pub resource_documentation: ::std::string::String,
        pub resource_name: ::std::string::String,
        ///The scopes this API understands.
        pub scopes_supported: ::std::vec::Vec<::std::string::String>,
    }
    ///Readiness status.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Readiness {
        ///`ready`.
        pub status: ::std::string::String,
        ///The store backend: `sqlite` or `mongodb`.
        pub store: ::std::string::String,
    }
    ///A new account.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct RegisterRequest {
        ///Unique case-insensitively; a verification link is sent to it.
        pub email: ::std::string::String,
        ///Language of the emails sent to the account: `en` or `zh-CN`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub locale: ::std::option::Option<::std::string::String>,
        /**At least `accounts.min_password_length` (10) characters, not the username or email,
        not a common password.*/
        pub password: ::std::string::String,
        ///3–32 letters, digits, `_`, `.`, `-`; unique case-insensitively.
        pub username: ::std::string::String,
    }
    ///A new initial access token, shown this once.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct RegistrationToken {
        pub expires_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///Names it in the listing and for revocation.
        pub id: ::std::string::String,
        ///Send it as `Authorization: Bearer` to `/oauth2/register`. Only its digest is kept.
        pub initial_access_token: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub label: ::std::option::Option<::std::string::String>,
        pub uses: u32,
    }
    ///One page of initial access tokens, newest first.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct RegistrationTokenList {
        ///This page of items.
        pub items: ::std::vec::Vec<RegistrationTokenObject>,
        ///The page size used.
        pub limit: u64,
        ///The index of the first item of this page.
        pub offset: u64,
        ///How many items match, on every page.
        pub total: u64,
    }
    ///An initial access token as administrators list it: never the token, nor its digest.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct RegistrationTokenObject {
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The administrator's user id, or `operator` for the command line.
        pub created_by: ::std::string::String,
        pub expires_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///Names it for revocation; unrelated to the token.
        pub id: ::std::string::String,
        ///What the administrator wrote to recognise it.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub label: ::std::option::Option<::std::string::String>,
        ///How many registrations it allowed when minted.
        pub uses: u32,
        ///How many registrations it still allows (0: used up).
        pub uses_left: u32,
    }
    ///A scope a resource server defines, with the consent page's texts.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ResourceScopeObject {
        ///What the consent page says about it in English (at most 200 characters).
        #[serde(default)]
        pub description: ::std::string::String,
        ///The same in Simplified Chinese; the English text is shown when empty.
        #[serde(default)]
        pub description_zh: ::std::string::String,
        ///An OAuth scope token (RFC 6749 §3.3), unique within the resource server.
        pub name: ::std::string::String,
    }
    ///An API that accepts this server's access tokens (RFC 8707 resource server).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ResourceServer {
        ///Lifetime of access tokens for it; absent: the server's default.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub access_token_ttl_secs: ::std::option::Option<u32>,
        ///True for this server's own API, which cannot be changed or deleted.
        pub built_in: bool,
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The record id (`built-in` for this server's own API).
        pub id: ::std::string::String,
        ///The URI clients send as `resource` and tokens carry as `aud`.
        pub identifier: ::std::string::String,
        ///Whether it may call the introspection endpoint.
        pub introspection: bool,
        pub name: ::std::string::String,
        pub scopes: ::std::vec::Vec<ResourceScopeObject>,
        pub updated_at: ::chrono::DateTime<::chrono::offset::Utc>,
    }
    ///One page of resource servers.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ResourceServerList {
        ///This page of items.
        pub items: ::std::vec::Vec<ResourceServer>,
        ///The page size used.
        pub limit: u64,
        ///The index of the first item of this page.
        pub offset: u64,
        ///How many items match, on every page.
        pub total: u64,
    }
    ///The answer of a revocation.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct RevokedBody {
        ///Always true: unknown tokens and tokens of other clients are ignored (RFC 7009 §2.2).
        pub revoked: bool,
    }
    ///A new secret, shown this once, and when the previous one stops working.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct RotatedAppSecret {
        pub client_id: ::std::string::String,
        pub client_secret: ::std::string::String,
        ///The end of the previous secret's grace period (`oauth.secret_rotation_grace_secs`).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub previous_secret_expires_at:
            ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
    }
    ///One browser session of the caller.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct SessionInfo {
        ///The browser family, from the User-Agent at sign-in (`Other` when not recognised).
        pub browser: ::std::string::String,
        ///Whether this is the session making the call.
        pub current: bool,
        ///The session's public id: pass it to `endMySession`. It grants nothing.
        pub id: ::std::string::String,
        ///The client's address at sign-in, when known.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub ip: ::std::option::Option<::std::string::String>,
        ///When the session was last used (recorded at most every five minutes).
        pub last_seen_at: ::chrono::DateTime<::chrono::offset::Utc>,
        ///The operating system family, from the same header.
        pub os: ::std::string::String,
        ///When the person signed in.
        pub signed_in_at: ::chrono::DateTime<::chrono::offset::Utc>,
    }
    ///The caller's active sessions, most recently started first.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct SessionList {
        pub items: ::std::vec::Vec<SessionInfo>,
    }
    ///Tokens issued by a successful request (RFC 6749 §5.1).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct TokenBody {
        /**A JWT access token (RFC 9068), to send as `Authorization: Bearer`, or, when
        `token_type` is `DPoP`, as `Authorization: DPoP` with a proof (RFC 9449 §7.1).*/
        pub access_token: ::std::string::String,
        ///Seconds until the access token expires.
        pub expires_in: i64,
        ///An OpenID Connect id_token, when `openid` was granted with a code.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id_token: ::std::option::Option<::std::string::String>,
        /**A refresh token, when the client may refresh (and, with `openid`, `offline_access` was
        granted). Single use: each refresh returns a new one.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub refresh_token: ::std::option::Option<::std::string::String>,
        ///The granted scopes, space-delimited.
        pub scope: ::std::string::String,
        /**`Bearer`, or `DPoP` when the request carried a DPoP proof: the access token is then
        bound to the proof's key (`cnf.jkt`).*/
        pub token_type: ::std::string::String,
    }
    ///A token request; which fields are needed depends on `grant_type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct TokenForm {
        ///private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion: ::std::option::Option<::std::string::String>,
        ///private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion_type: ::std::option::Option<::std::string::String>,
        ///client_secret_post and public clients: the client id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id: ::std::option::Option<::std::string::String>,
        ///client_secret_post: the client secret (prefer HTTP Basic).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret: ::std::option::Option<::std::string::String>,
        ///authorization_code: the code received at the redirect URI.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code: ::std::option::Option<::std::string::String>,
        ///authorization_code: the PKCE verifier (RFC 7636); required when a challenge was sent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub code_verifier: ::std::option::Option<::std::string::String>,
        ///device_code: the device code from `/oauth2/device_authorization` (RFC 8628).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub device_code: ::std::option::Option<::std::string::String>,
        /**`authorization_code`, `refresh_token`, `client_credentials`, `password` (only for
        apps that enable it) or `urn:ietf:params:oauth:grant-type:device_code`.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub grant_type: ::std::option::Option<::std::string::String>,
        ///password: the user's password.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub password: ::std::option::Option<::std::string::String>,
        ///authorization_code: the redirect_uri of the authorization request, exactly.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub redirect_uri: ::std::option::Option<::std::string::String>,
        ///refresh_token: the refresh token; it is rotated, so keep the new one from the answer.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub refresh_token: ::std::option::Option<::std::string::String>,
        /**RFC 8707: the resource server(s) the access token is for, each an absolute URI
        registered here; repeat the field for several. A code exchange or
        refresh may name a subset of what was authorized. The token's `aud` is exactly these.*/
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub resource: ::std::vec::Vec<::std::string::String>,
        ///Space-delimited scopes: for refresh_token only a subset of the original grant.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub scope: ::std::option::Option<::std::string::String>,
        ///password: the user's username or email.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub username: ::std::option::Option<::std::string::String>,
    }
    ///A token to revoke or introspect.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct TokenHintForm {
        ///private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion: ::std::option::Option<::std::string::String>,
        ///private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_assertion_type: ::std::option::Option<::std::string::String>,
        ///client_secret_post and public clients: the client id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id: ::std::option::Option<::std::string::String>,
        ///client_secret_post: the client secret (prefer HTTP Basic).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_secret: ::std::option::Option<::std::string::String>,
        ///The access token or refresh token.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token: ::std::option::Option<::std::string::String>,
        ///`access_token` or `refresh_token`; optional, the server recognises the kind itself.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token_type_hint: ::std::option::Option<::std::string::String>,
    }
    ///A one-time token from an emailed link (the `token` query parameter).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct TokenRequest {
        pub token: ::std::string::String,
    }
    ///A change to a group; omitted fields keep their value.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct UpdateGroupRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub description: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
    }
    ///Profile fields to change; absent fields stay as they are.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct UpdateMeRequest {
        ///Up to 64 characters; an empty string removes it.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub display_name: ::std::option::Option<::std::string::String>,
        ///The language of the person's pages and emails: `en` or `zh-CN`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub locale: ::std::option::Option<::std::string::String>,
    }
    /**A change to a resource server; omitted fields keep their value. The identifier never
    changes.*/
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct UpdateResourceServerRequest {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub access_token_ttl_secs: ::std::option::Option<u32>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub introspection: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///Replaces every scope.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub scopes: ::std::vec::Vec<ResourceScopeObject>,
    }
    ///Claims about the user (OIDC Core §5.1); absent when the token's scope does not cover them.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct UserInfoBody {
        ///`email`: the email address.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email: ::std::option::Option<::std::string::String>,
        ///`email`: whether the address was verified.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email_verified: ::std::option::Option<bool>,
        ///`groups`: names of the user's groups.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub groups: ::std::vec::Vec<::std::string::String>,
        ///`profile`: preferred language (BCP 47).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub locale: ::std::option::Option<::std::string::String>,
        ///`profile`: display name (the username when none is set).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<::std::string::String>,
        ///`profile`: the username.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub preferred_username: ::std::option::Option<::std::string::String>,
        ///The user's stable id.
        pub sub: ::std::string::String,
        ///`profile`: last update of the profile, seconds since the epoch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub updated_at: ::std::option::Option<i64>,
    }
    ///One page of accounts.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct UserList {
        ///This page of items.
        pub items: ::std::vec::Vec<AdminUser>,
        ///The page size used.
        pub limit: u64,
        ///The index of the first item of this page.
        pub offset: u64,
        ///How many items match, on every page.
        pub total: u64,
    }
    ///A user's public profile.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct UserResource {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub display_name: ::std::option::Option<::std::string::String>,
        ///Only when the token carries the `email` scope.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email: ::std::option::Option<::std::string::String>,
        /**Whether the person proved they read `email` (followed a link sent to it). Anyone can
        register with an address they do not own: never treat an unverified email as an
        identity. Present exactly when `email` is.*/
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub email_verified: ::std::option::Option<bool>,
        pub id: ::std::string::String,
        pub username: ::std::string::String,
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for auth-center

JSON API of auth-center. Errors that are not OAuth errors share one shape, `ApiError`: `{"error": code, "message": text, "fields": [...]}`.

Version: 0.1.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new()
                .connect_timeout(dur)
                .timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap())
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(baseurl: &str, client: reqwest::Client) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
        }
    }
}
impl ClientInfo<()> for Client {
    fn api_version() -> &'static str {
        "0.1.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &() {
        &()
    }
}
impl ClientHooks<()> for &Client {}
#[allow(clippy::all)]
impl Client {
    /**Liveness probe

    Answers 200 while the process is alive and able to serve requests. It does not touch
    the store, so it stays green while the database is down (see `getReadiness`).

    Sends a `GET` request to `/healthz`

    */
    pub async fn get_health<'a>(&'a self) -> Result<ResponseValue<types::Health>, Error<()>> {
        let url = format!("{}/healthz", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_health",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Readiness probe

    Answers 200 when the store (SQLite or MongoDB) answers a round trip, 503 with a JSON
    reason otherwise. Route traffic to this instance only while it is ready.

    Sends a `GET` request to `/readyz`

    */
    pub async fn get_readiness<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::Readiness>, Error<types::ApiError>> {
        let url = format!("{}/readyz", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_readiness",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List accounts

    Returns accounts ordered by username, `limit` (1–200, default 50) at a time from
    `offset` (default 0), with the `total` that match. `search` keeps the accounts whose
    username, email or display name contains it, ignoring case. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/users`

    */
    pub async fn list_users<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        offset: Option<u64>,
        search: Option<&'a types::ListUsersSearch>,
    ) -> Result<ResponseValue<types::UserList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/users", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .query(&progenitor_client::QueryParam::new("search", &search))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_users",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get an account

    Returns one account by id. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/users/{id}`

    */
    pub async fn get_user<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::AdminUser>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_user",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete an account

    Deletes the account and everything that belongs to it: its sessions, pending email
    tokens, consents, grants (revoked with their tokens), the apps it owns (their grants
    revoked, their consents deleted) and its group memberships. You cannot delete your own
    account, nor the last enabled administrator. Needs the `admin` scope.

    Sends a `DELETE` request to `/api/v1/admin/users/{id}`

    */
    pub async fn delete_user<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "delete_user",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Disable an account

    The account can no longer log in; its browser sessions end and every grant it gave
    apps is revoked with its tokens. Disabling a disabled account changes nothing. You
    cannot disable your own account, nor the last enabled administrator. Needs the `admin`
    scope.

    Sends a `POST` request to `/api/v1/admin/users/{id}/disable`

    */
    pub async fn disable_user<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::AdminUser>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}/disable",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "disable_user",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Enable an account

    Lets a disabled account log in again. Enabling an enabled account changes nothing.
    Needs the `admin` scope.

    Sends a `POST` request to `/api/v1/admin/users/{id}/enable`

    */
    pub async fn enable_user<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::AdminUser>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}/enable",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "enable_user",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Make an account an administrator

    The person gets the administrators' pages and may authorize tokens with the `admin`
    scope. Making an administrator of an administrator changes nothing. Needs the `admin`
    scope.

    Sends a `POST` request to `/api/v1/admin/users/{id}/promote`

    */
    pub async fn promote_user<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::AdminUser>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}/promote",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "promote_user",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Stop an account being an administrator

    The person loses the administrators' pages; tokens with the `admin` scope they hold stop
    working for administration at once. You cannot demote your own account, nor the last
    enabled administrator. Needs the `admin` scope.

    Sends a `POST` request to `/api/v1/admin/users/{id}/demote`

    */
    pub async fn demote_user<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::AdminUser>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}/demote",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "demote_user",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Remove the second factor of an account

    For a person who lost their authenticator app and their recovery codes: removes their
    two-step verification (or an enrolment in progress), ends every session of theirs, and
    sends them the "two-step verification was turned off" email. They sign in with their
    password alone and can set it up again. Needs the `admin` scope.

    Sends a `DELETE` request to `/api/v1/admin/users/{id}/second-factor`

    */
    pub async fn reset_second_factor<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}/second-factor",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "reset_second_factor",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List the groups of an account

    Returns the groups the account belongs to, ordered by name, `limit` (1–200, default
    50) at a time from `offset`. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/users/{id}/groups`

    */
    pub async fn list_user_groups<'a>(
        &'a self,
        id: &'a str,
        limit: Option<::std::num::NonZeroU64>,
        offset: Option<u64>,
    ) -> Result<ResponseValue<types::GroupList>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/users/{}/groups",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_user_groups",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List groups

    Returns groups ordered by name, `limit` (1–200, default 50) at a time from `offset`
    (default 0), with the `total`. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/groups`

    */
    pub async fn list_groups<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        offset: Option<u64>,
    ) -> Result<ResponseValue<types::GroupList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/groups", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_groups",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Create a group

    Creates an empty group. Its name (1–64 printable characters) must be unique ignoring
    case. Needs the `admin` scope.

    Sends a `POST` request to `/api/v1/admin/groups`

    */
    pub async fn create_group<'a>(
        &'a self,
        body: &'a types::CreateGroupRequest,
    ) -> Result<ResponseValue<types::Group>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/groups", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_group",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get a group

    Returns one group by id, with its member count. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/groups/{id}`

    */
    pub async fn get_group<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::Group>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/groups/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_group",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete a group

    Deletes the group and its memberships; the accounts stay. Needs the `admin` scope.

    Sends a `DELETE` request to `/api/v1/admin/groups/{id}`

    */
    pub async fn delete_group<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/groups/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "delete_group",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Rename or describe a group

    Changes the name and/or the description; omitted fields keep their value. The new name
    must be unique ignoring case. Needs the `admin` scope.

    Sends a `PATCH` request to `/api/v1/admin/groups/{id}`

    */
    pub async fn update_group<'a>(
        &'a self,
        id: &'a str,
        body: &'a types::UpdateGroupRequest,
    ) -> Result<ResponseValue<types::Group>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/groups/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .patch(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_group",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List the members of a group

    Returns the members (user id and username) in the order they joined, `limit` (1–200,
    default 50) at a time from `offset`. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/groups/{id}/members`

    */
    pub async fn list_group_members<'a>(
        &'a self,
        id: &'a str,
        limit: Option<::std::num::NonZeroU64>,
        offset: Option<u64>,
    ) -> Result<ResponseValue<types::MemberList>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/groups/{}/members",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_group_members",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Add a member to a group

    Adds the account to the group and returns the group. Adding a member twice changes
    nothing. Needs the `admin` scope.

    Sends a `PUT` request to `/api/v1/admin/groups/{id}/members/{user_id}`

    */
    pub async fn add_group_member<'a>(
        &'a self,
        id: &'a str,
        user_id: &'a str,
    ) -> Result<ResponseValue<types::Group>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/groups/{}/members/{}",
            self.baseurl,
            encode_path(&id.to_string()),
            encode_path(&user_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .put(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "add_group_member",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Remove a member from a group

    Removes the account from the group. Removing an account that is not a member changes
    nothing. Needs the `admin` scope.

    Sends a `DELETE` request to `/api/v1/admin/groups/{id}/members/{user_id}`

    */
    pub async fn remove_group_member<'a>(
        &'a self,
        id: &'a str,
        user_id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/groups/{}/members/{}",
            self.baseurl,
            encode_path(&id.to_string()),
            encode_path(&user_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "remove_group_member",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List resource servers

    Returns the registered resource servers ordered by identifier, `limit` (1–200, default
    50) at a time from `offset` (default 0), with the `total`. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/resources`

    */
    pub async fn list_resource_servers<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        offset: Option<u64>,
    ) -> Result<ResponseValue<types::ResourceServerList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/resources", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_resource_servers",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Create a resource server

    Registers an API that accepts this server's access tokens: clients then name it with
    the `resource` parameter (RFC 8707) and get tokens whose `aud` is its identifier,
    carrying only scopes it defines. Needs the `admin` scope.

    Sends a `POST` request to `/api/v1/admin/resources`

    */
    pub async fn create_resource_server<'a>(
        &'a self,
        body: &'a types::CreateResourceServerRequest,
    ) -> Result<ResponseValue<types::ResourceServer>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/resources", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_resource_server",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get a resource server

    Returns one resource server by id; `built-in` is this server's own API. Needs the
    `admin` scope.

    Sends a `GET` request to `/api/v1/admin/resources/{id}`

    */
    pub async fn get_resource_server<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::ResourceServer>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/resources/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_resource_server",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete a resource server

    Deletes the record: a `resource` naming it is then `invalid_target`. Tokens already
    issued for it stay valid until they expire. Needs the `admin` scope.

    Sends a `DELETE` request to `/api/v1/admin/resources/{id}`

    */
    pub async fn delete_resource_server<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/resources/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "delete_resource_server",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Change a resource server

    Changes the name, the scopes (replaced as a whole), the token lifetime or whether it
    may introspect; omitted fields keep their value. Needs the `admin` scope.

    Sends a `PATCH` request to `/api/v1/admin/resources/{id}`

    */
    pub async fn update_resource_server<'a>(
        &'a self,
        id: &'a str,
        body: &'a types::UpdateResourceServerRequest,
    ) -> Result<ResponseValue<types::ResourceServer>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/resources/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .patch(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_resource_server",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List initial access tokens

    The initial access tokens that have not expired, used up or not, newest first, `limit`
    (1–200, default 50) at a time from `offset`: each with its id, label, creation,
    expiry, uses left and creator. The token itself is never shown again. Needs the
    `admin` scope.

    Sends a `GET` request to `/api/v1/admin/registration-tokens`

    */
    pub async fn list_registration_tokens<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        offset: Option<u64>,
    ) -> Result<ResponseValue<types::RegistrationTokenList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/registration-tokens", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_registration_tokens",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Mint an initial access token

    With `oauth.dynamic_registration = "initial_access_token"`, a client registers at
    `/oauth2/register` with one of these (RFC 7591 §3). It allows `uses` registrations
    until `expires_in` seconds have passed. Needs the `admin` scope.

    Sends a `POST` request to `/api/v1/admin/registration-tokens`

    */
    pub async fn create_registration_token<'a>(
        &'a self,
        body: &'a types::CreateRegistrationTokenRequest,
    ) -> Result<ResponseValue<types::RegistrationToken>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/registration-tokens", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_registration_token",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Revoke an initial access token

    Deletes the token `id`: `/oauth2/register` refuses it from now on (`invalid_token`).
    Clients it registered already stay registered. Needs the `admin` scope.

    Sends a `DELETE` request to `/api/v1/admin/registration-tokens/{id}`

    */
    pub async fn revoke_registration_token<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/admin/registration-tokens/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "revoke_registration_token",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List dynamically registered apps

    The apps clients registered themselves at `/oauth2/register`, oldest first, `limit`
    (1–200, default 50) at a time from `offset`. Their `owner_id` is
    `dynamic-registration`; change or delete them through the Apps API. Needs the `admin`
    scope.

    Sends a `GET` request to `/api/v1/admin/registered-apps`

    */
    pub async fn list_registered_apps<'a>(
        &'a self,
        limit: Option<::std::num::NonZeroU64>,
        offset: Option<u64>,
    ) -> Result<ResponseValue<types::AppList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/registered-apps", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_registered_apps",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List audit events

    Returns security-relevant events (sign-ins, account and app changes, revocations,
    administration, key rotation), newest first, `limit` (1–100, default 50) at a time.
    Filters: `user` (the person concerned), `app` (a client id), `type` (a dotted name or
    a prefix ending in `.`, such as `login.`), `since` (inclusive) and `until` (exclusive).
    Pass the `next` of a page to get the following one. Needs the `admin` scope.

    Sends a `GET` request to `/api/v1/admin/audit-events`

    */
    pub async fn list_audit_events<'a>(
        &'a self,
        app: Option<&'a str>,
        limit: Option<::std::num::NonZeroU32>,
        next: Option<&'a str>,
        since: Option<&'a ::chrono::DateTime<::chrono::offset::Utc>>,
        type_: Option<&'a str>,
        until: Option<&'a ::chrono::DateTime<::chrono::offset::Utc>>,
        user: Option<&'a str>,
    ) -> Result<ResponseValue<types::AuditEventList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/admin/audit-events", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("app", &app))
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("next", &next))
            .query(&progenitor_client::QueryParam::new("since", &since))
            .query(&progenitor_client::QueryParam::new("type", &type_))
            .query(&progenitor_client::QueryParam::new("until", &until))
            .query(&progenitor_client::QueryParam::new("user", &user))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_audit_events",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Register an account

    Creates an unverified account and emails a verification link to its address. Needs no
    credential.

    Sends a `POST` request to `/api/v1/users/register`

    */
    pub async fn register_user<'a>(
        &'a self,
        body: &'a types::RegisterRequest,
    ) -> Result<ResponseValue<types::Me>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/users/register", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "register_user",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            429u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Verify an email address

    Consumes the token of a verification (or change-of-email) link and marks the address
    verified (or moves the account to the new address).

    Sends a `POST` request to `/api/v1/users/verify-email`

    */
    pub async fn verify_email<'a>(
        &'a self,
        body: &'a types::TokenRequest,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/users/verify-email", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "verify_email",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Request a password reset

    Emails a reset link when an account has this address. The answer is the same whether or
    not one does.

    Sends a `POST` request to `/api/v1/users/password-reset`

    */
    pub async fn request_password_reset<'a>(
        &'a self,
        body: &'a types::EmailRequest,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/users/password-reset", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "request_password_reset",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Confirm a password reset

    Sets a new password with the token of a reset link. Every session of the account ends
    and its OAuth grants are revoked.

    Sends a `POST` request to `/api/v1/users/password-reset/confirm`

    */
    pub async fn confirm_password_reset<'a>(
        &'a self,
        body: &'a types::ConfirmResetRequest,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/users/password-reset/confirm", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "confirm_password_reset",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get my account

    Returns the account of the person the credential belongs to. Needs the `profile` scope;
    `email` and `email_verified` come only with the `email` scope, `is_admin` only with
    `admin` (the browser session sees all); `locale` once the person chose a language.

    Sends a `GET` request to `/api/v1/me`

    */
    pub async fn get_me<'a>(&'a self) -> Result<ResponseValue<types::Me>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/me", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_me",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Update my profile

    Changes the display name and the language (of the person's pages and emails) of the
    caller's account; absent fields stay. Needs the `profile:write` scope (the browser
    session has it). Every invalid field is reported at once and nothing changes.

    Sends a `PATCH` request to `/api/v1/me`

    */
    pub async fn update_me<'a>(
        &'a self,
        body: &'a types::UpdateMeRequest,
    ) -> Result<ResponseValue<types::Me>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/me", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .patch(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_me",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Change my password

    Checks the current password and sets the new one; every other browser session of the
    account ends and every app's access to it is revoked. Answers the account. Only the
    person's own browser session may call it (with `X-CSRF-Token`); an access token gets
    403 whatever its scopes. Wrong current passwords count against the login throttle.

    Sends a `POST` request to `/api/v1/me/password`

    */
    pub async fn change_my_password<'a>(
        &'a self,
        body: &'a types::ChangePasswordRequest,
    ) -> Result<ResponseValue<types::Me>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/me/password", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "change_my_password",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            429u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List my sessions

    The caller's active browser sessions: device (browser and system families), address,
    signed-in and last-seen times, and which one is making the call. Only the person's own
    browser session may call it; an access token gets 403 whatever its scopes.

    Sends a `GET` request to `/api/v1/me/sessions`

    */
    pub async fn list_my_sessions<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::SessionList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/me/sessions", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_my_sessions",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**End one of my sessions

    Signs out the caller's session with this id (the calling one too: that is a logout); it
    is refused from its very next request, on every node. An id that is not one of the
    caller's sessions answers 404 and ends nothing. Browser session only (with
    `X-CSRF-Token`).

    Sends a `DELETE` request to `/api/v1/me/sessions/{id}`

    Arguments:
    - `id`: The session's public id (`SessionInfo.id`).
    */
    pub async fn end_my_session<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/me/sessions/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "end_my_session",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**End my other sessions

    Signs out every session of the caller but the calling one ("sign out everywhere
    else"). Browser session only (with `X-CSRF-Token`).

    Sends a `POST` request to `/api/v1/me/sessions/end-others`

    */
    pub async fn end_my_other_sessions<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::EndedSessions>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/me/sessions/end-others", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "end_my_other_sessions",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Obtain tokens

    The OAuth 2.0 token endpoint. Grants: `authorization_code` (with PKCE S256; required
    for public clients), `password` (only for apps that enable it), `refresh_token` (rotating: every use returns a new refresh token,
    and reusing an old one revokes the whole grant) and `client_credentials`. Authenticate
    with HTTP Basic (`client_secret_basic`), with `client_id` + `client_secret` in the form
    (`client_secret_post`), with a signed `client_assertion` (`private_key_jwt`, for apps that
    registered keys), or send only `client_id` for a public client. Errors follow
    RFC 6749 §5.2; a failed client authentication answers 401 with `WWW-Authenticate`.
    Devices poll with `urn:ietf:params:oauth:grant-type:device_code` and `device_code`
    (RFC 8628 §3.4): `authorization_pending`, `slow_down` (wait 5 s longer from now on),
    `expired_token` and `access_denied` are 400 errors until the tokens come.
    With a `DPoP` header (RFC 9449 §5) the access token is bound to the proof's key and
    `token_type` is `DPoP`; an invalid proof is `invalid_dpop_proof`, and a proof without
    the server's nonce (when it asks for one) `use_dpop_nonce` with a `DPoP-Nonce` header.

    Sends a `POST` request to `/oauth2/token`

    */
    pub async fn create_token<'a>(
        &'a self,
        body: &'a types::TokenForm,
    ) -> Result<ResponseValue<types::TokenBody>, Error<types::OAuthErrorBody>> {
        let url = format!("{}/oauth2/token", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .form_urlencoded(&body)?
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_token",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Revoke a token

    RFC 7009. Revoking a refresh token revokes its whole grant (every token issued from the
    same authorization); revoking an access token rejects it everywhere this server checks
    it. Answers 200 for unknown tokens too, so it cannot be used to probe tokens.

    Sends a `POST` request to `/oauth2/revoke`

    */
    pub async fn revoke_token<'a>(
        &'a self,
        body: &'a types::TokenHintForm,
    ) -> Result<ResponseValue<types::RevokedBody>, Error<types::OAuthErrorBody>> {
        let url = format!("{}/oauth2/revoke", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .form_urlencoded(&body)?
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "revoke_token",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Introspect a token

    RFC 7662, for confidential clients (resource servers). Answers `{"active": false}` for
    unknown, expired and revoked tokens, and the token's scope, client, subject and times
    for active ones.

    Sends a `POST` request to `/oauth2/introspect`

    */
    pub async fn introspect_token<'a>(
        &'a self,
        body: &'a types::TokenHintForm,
    ) -> Result<ResponseValue<types::IntrospectionBody>, Error<types::OAuthErrorBody>> {
        let url = format!("{}/oauth2/introspect", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .form_urlencoded(&body)?
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "introspect_token",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get the user's claims

    Send an access token with the `openid` scope as `Authorization: Bearer`, or a
    DPoP-bound one as `Authorization: DPoP` with a `DPoP` proof (RFC 9449 §7.1). Claims are
    released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    401 with `WWW-Authenticate: Bearer error="invalid_token"` (`DPoP ...` for the DPoP
    scheme and for proof errors).

    Sends a `GET` request to `/oauth2/userinfo`

    */
    pub async fn get_userinfo<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::UserInfoBody>, Error<types::OAuthErrorBody>> {
        let url = format!("{}/oauth2/userinfo", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_userinfo",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get the signing keys

    The JSON Web Key Set (RFC 7517) of the keys (ES256, or EdDSA when configured) that sign
    access tokens and id_tokens.
    During a key rotation the previous key stays listed until its tokens have expired.

    Sends a `GET` request to `/oauth2/jwks`

    */
    pub async fn get_jwks<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::Jwks>, Error<types::ApiError>> {
        let url = format!("{}/oauth2/jwks", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_jwks",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get the OpenID Provider configuration

    OpenID Connect Discovery 1.0: endpoints, scopes, grant types, client authentication
    methods and algorithms this server supports.

    Sends a `GET` request to `/.well-known/openid-configuration`

    */
    pub async fn get_openid_configuration<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::Metadata>, Error<()>> {
        let url = format!("{}/.well-known/openid-configuration", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_openid_configuration",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get the authorization server metadata

    RFC 8414: the same document as the OpenID configuration, for OAuth 2.0 clients.

    Sends a `GET` request to `/.well-known/oauth-authorization-server`

    */
    pub async fn get_authorization_server_metadata<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::Metadata>, Error<()>> {
        let url = format!("{}/.well-known/oauth-authorization-server", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_authorization_server_metadata",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get the protected resource metadata

    RFC 9728: the resource identifier of this server's own API (the issuer URL), the
    authorization server that issues its tokens, and the scopes it understands.

    Sends a `GET` request to `/.well-known/oauth-protected-resource`

    */
    pub async fn get_protected_resource_metadata<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::ProtectedResourceMetadata>, Error<types::ApiError>> {
        let url = format!("{}/.well-known/oauth-protected-resource", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_protected_resource_metadata",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get the protected resource metadata (path-suffixed form)

    RFC 9728 §3.1: the metadata of the resource whose identifier has this path, which is
    the issuer URL's path when this server is published under one (of one segment, such as
    `https://example.com/auth`).

    Sends a `GET` request to `/.well-known/oauth-protected-resource/{suffix}`

    */
    pub async fn get_protected_resource_metadata_for_path<'a>(
        &'a self,
        suffix: &'a str,
    ) -> Result<ResponseValue<types::ProtectedResourceMetadata>, Error<types::ApiError>> {
        let url = format!(
            "{}/.well-known/oauth-protected-resource/{}",
            self.baseurl,
            encode_path(&suffix.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_protected_resource_metadata_for_path",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Start a device authorization

    RFC 8628 device authorization for apps whose grant types include
    `urn:ietf:params:oauth:grant-type:device_code` (others get `unauthorized_client`).
    Show `user_code` and `verification_uri` to the person, then poll `/oauth2/token` with
    `grant_type=urn:ietf:params:oauth:grant-type:device_code` and `device_code` every
    `interval` seconds. Confidential clients authenticate as at the token endpoint; public
    clients send `client_id`. Unregistered scopes answer `invalid_scope`.

    Sends a `POST` request to `/oauth2/device_authorization`

    */
    pub async fn create_device_authorization<'a>(
        &'a self,
        body: &'a types::DeviceAuthorizationForm,
    ) -> Result<ResponseValue<types::DeviceAuthorizationBody>, Error<types::OAuthErrorBody>> {
        let url = format!("{}/oauth2/device_authorization", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .form_urlencoded(&body)?
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_device_authorization",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Push an authorization request

    RFC 9126. Send every authorization parameter here, authenticated as at the token
    endpoint, then send the browser to `/oauth2/authorize?client_id=…&request_uri=…`: the
    parameters cannot be read or changed on the way. They are checked exactly as the
    authorization endpoint checks them; errors follow RFC 6749 §5.2 (`invalid_request`,
    `invalid_scope`, `unauthorized_client`, `unsupported_response_type`; 401
    `invalid_client`). The `request_uri` is good for one authorization and `expires_in`
    seconds. A `DPoP` header (RFC 9449 §10.1) binds the authorization code to the proof's
    key, as `dpop_jkt` does: the code's exchange must then prove the same key.

    Sends a `POST` request to `/oauth2/par`

    */
    pub async fn push_authorization_request<'a>(
        &'a self,
        body: &'a types::ParForm,
    ) -> Result<ResponseValue<types::ParBody>, Error<types::OAuthErrorBody>> {
        let url = format!("{}/oauth2/par", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .form_urlencoded(&body)?
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "push_authorization_request",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Register a client

    RFC 7591 dynamic client registration, when the server allows it
    (`oauth.dynamic_registration`): with `initial_access_token`, send
    `Authorization: Bearer <initial access token>` (administrators mint them); with `open`,
    anyone may register, a limited number of times per address. The metadata passes the
    same rules as an app registered by a person. The answer carries the `client_id`, the
    `client_secret` of a confidential client (shown once), and the
    `registration_access_token` for `registration_client_uri` (RFC 7592).

    Sends a `POST` request to `/oauth2/register`

    */
    pub async fn register_client<'a>(
        &'a self,
        body: &'a types::ClientMetadataRequest,
    ) -> Result<ResponseValue<types::ClientInformationResponse>, Error<types::OAuthErrorBody>> {
        let url = format!("{}/oauth2/register", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "register_client",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            429u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Read a client's registration

    RFC 7592 §2.1, with `Authorization: Bearer <registration access token>`. The answer
    carries a new registration access token; the one sent stops working.

    Sends a `GET` request to `/oauth2/register/{client_id}`

    */
    pub async fn get_client_registration<'a>(
        &'a self,
        client_id: &'a str,
    ) -> Result<ResponseValue<types::ClientInformationResponse>, Error<types::OAuthErrorBody>> {
        let url = format!(
            "{}/oauth2/register/{}",
            self.baseurl,
            encode_path(&client_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_client_registration",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            429u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Replace a client's registration

    RFC 7592 §2.2, with `Authorization: Bearer <registration access token>`: send every
    member (omitted ones are cleared) and `client_id`; the same rules as a registration.
    The answer carries a new registration access token; the one sent stops working.

    Sends a `PUT` request to `/oauth2/register/{client_id}`

    */
    pub async fn update_client_registration<'a>(
        &'a self,
        client_id: &'a str,
        body: &'a types::ClientMetadataRequest,
    ) -> Result<ResponseValue<types::ClientInformationResponse>, Error<types::OAuthErrorBody>> {
        let url = format!(
            "{}/oauth2/register/{}",
            self.baseurl,
            encode_path(&client_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .put(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_client_registration",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            429u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete a client

    RFC 7592 §2.3, with `Authorization: Bearer <registration access token>`: the client is
    deleted and every grant and token it holds is revoked.

    Sends a `DELETE` request to `/oauth2/register/{client_id}`

    */
    pub async fn delete_client_registration<'a>(
        &'a self,
        client_id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::OAuthErrorBody>> {
        let url = format!(
            "{}/oauth2/register/{}",
            self.baseurl,
            encode_path(&client_id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "delete_client_registration",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            400u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            429u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List the apps I have authorized

    One entry per authorization (grant) the caller gave an app that is neither revoked nor
    expired, newest first: the app, the scopes, when it was granted, last used and ends.
    Needs the `authorizations` scope.

    Sends a `GET` request to `/api/v1/me/authorizations`

    */
    pub async fn list_my_authorizations<'a>(
        &'a self,
    ) -> Result<ResponseValue<types::AuthorizationList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/me/authorizations", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_my_authorizations",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Revoke an authorization

    Ends the authorization: its refresh tokens and every access token issued from it are
    rejected from the very next request (introspection reports them inactive), and the
    remembered consent is forgotten, so the app must ask again. Another person's
    authorization answers 404. Needs the `authorizations` scope.

    Sends a `DELETE` request to `/api/v1/me/authorizations/{id}`

    Arguments:
    - `id`: The authorization's id (`Authorization.id`).
    */
    pub async fn revoke_my_authorization<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/me/authorizations/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "revoke_my_authorization",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Revoke an authorization (original path)

    The original system's path for `revokeMyAuthorization`,
    `/oauth/authorized_tokens/{id}/delete/` (served with and without the trailing slash),
    kept for existing integrations; it answers exactly the same. (The page's form POSTs to
    this path too.)

    Sends a `DELETE` request to `/oauth/authorized_tokens/{id}/delete`

    Arguments:
    - `id`: The authorization's id (`Authorization.id`).
    */
    pub async fn legacy_revoke_authorization<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/oauth/authorized_tokens/{}/delete",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "legacy_revoke_authorization",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Read a user's profile

    The profile of the token's user (id, username, display name; the email only when the
    token carries the `email` scope). Other users answer 404, unless the token is an
    administrator's and carries the `admin` scope. Needs a bearer token with the `profile`
    scope. JSON by default; `text/html` when `Accept` prefers it or the id ends in `.html`
    (`.json` forces JSON; any other suffix is 404).

    Sends a `GET` request to `/api/v1/users/{id}`

    Arguments:
    - `id`: The user's id, optionally followed by `.json` or `.html` (e.g. `42.html`).
    */
    pub async fn get_user_resource<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::UserResource>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/users/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_user_resource",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Read a group

    A group the token's user belongs to: id, name, description and its members' ids and
    usernames. Other groups answer 404, unless the token is an administrator's and carries
    the `admin` scope. Needs a bearer token with the `groups` scope. JSON by default;
    `text/html` when `Accept` prefers it or the id ends in `.html` (`.json` forces JSON;
    any other suffix is 404).

    Sends a `GET` request to `/api/v1/groups/{id}`

    Arguments:
    - `id`: The group's id, optionally followed by `.json` or `.html` (e.g. `7.html`).
    */
    pub async fn get_group_resource<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::GroupResource>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/groups/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_group_resource",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Read a user's profile (original path)

    The original system's path for `getUserResource`, kept for existing integrations:
    `/accounts/resource/user/42/`, `/accounts/resource/user/42.json/` or
    `/accounts/resource/user/42.html/` (served with and without the trailing slash). Same
    rules and answers.

    Sends a `GET` request to `/accounts/resource/user/{id}`

    Arguments:
    - `id`: The user's id, optionally followed by `.json` or `.html` (e.g. `42.html`).
    */
    pub async fn legacy_get_user_resource<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::UserResource>, Error<types::ApiError>> {
        let url = format!(
            "{}/accounts/resource/user/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "legacy_get_user_resource",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Read a group (original path)

    The original system's path for `getGroupResource`, kept for existing integrations:
    `/accounts/resource/group/7/`, `/accounts/resource/group/7.json/` or
    `/accounts/resource/group/7.html/` (served with and without the trailing slash). Same
    rules and answers.

    Sends a `GET` request to `/accounts/resource/group/{id}`

    Arguments:
    - `id`: The group's id, optionally followed by `.json` or `.html` (e.g. `7.html`).
    */
    pub async fn legacy_get_group_resource<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::GroupResource>, Error<types::ApiError>> {
        let url = format!(
            "{}/accounts/resource/group/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "legacy_get_group_resource",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**List my apps

    Returns the apps the caller registered, oldest first, `limit` (1–200, default 50) at a
    time from `offset` (default 0), with their `total`. Needs the `apps` scope.

    Sends a `GET` request to `/api/v1/apps`

    */
    pub async fn list_apps<'a>(
        &'a self,
        limit: Option<u64>,
        offset: Option<u64>,
    ) -> Result<ResponseValue<types::AppList>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/apps", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new("limit", &limit))
            .query(&progenitor_client::QueryParam::new("offset", &offset))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "list_apps",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Register an app

    Registers an OAuth client owned by the caller. A confidential app's `client_secret` is
    in this answer only: the server keeps a digest of it. Needs the `apps` scope.

    Sends a `POST` request to `/api/v1/apps`

    */
    pub async fn create_app<'a>(
        &'a self,
        body: &'a types::AppRequest,
    ) -> Result<ResponseValue<types::CreatedApp>, Error<types::ApiError>> {
        let url = format!("{}/api/v1/apps", self.baseurl,);
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "create_app",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            201u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Get an app

    Returns one of the caller's apps (administrators see every app). Needs the `apps`
    scope.

    Sends a `GET` request to `/api/v1/apps/{id}`

    */
    pub async fn get_app<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<types::App>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/apps/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .get(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "get_app",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Replace an app

    Sets every field of the app from the body (omitted optional fields take their
    default). The client id, owner, secrets and client type stay. Needs the `apps` scope.

    Sends a `PUT` request to `/api/v1/apps/{id}`

    */
    pub async fn replace_app<'a>(
        &'a self,
        id: &'a str,
        body: &'a types::AppRequest,
    ) -> Result<ResponseValue<types::App>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/apps/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .put(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "replace_app",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete an app

    Deletes the app, revokes every grant and token it holds (its access tokens stop
    working at once) and forgets the consents users gave it. Needs the `apps` scope.

    Sends a `DELETE` request to `/api/v1/apps/{id}`

    */
    pub async fn delete_app<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/apps/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "delete_app",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Update some fields of an app

    Changes the fields present in the body; `null` clears an optional one. Needs the
    `apps` scope.

    Sends a `PATCH` request to `/api/v1/apps/{id}`

    */
    pub async fn update_app<'a>(
        &'a self,
        id: &'a str,
        body: &'a types::AppPatchRequest,
    ) -> Result<ResponseValue<types::App>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/apps/{}",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .patch(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "update_app",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Rotate an app's secret

    Issues a new client secret, shown in this answer only. The previous secret keeps
    working until `previous_secret_expires_at` (the server's
    `oauth.secret_rotation_grace_secs`), then stops; with `revoke_previous=true` (a leaked
    secret) it stops at once. Needs the `apps` scope.

    Sends a `POST` request to `/api/v1/apps/{id}/rotate-secret`

    Arguments:
    - `id`
    - `revoke_previous`: End every previous secret at once instead of after the grace period.
    */
    pub async fn rotate_app_secret<'a>(
        &'a self,
        id: &'a str,
        revoke_previous: Option<bool>,
    ) -> Result<ResponseValue<types::RotatedAppSecret>, Error<types::ApiError>> {
        let url = format!(
            "{}/api/v1/apps/{}/rotate-secret",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .post(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .query(&progenitor_client::QueryParam::new(
                "revoke_previous",
                &revoke_previous,
            ))
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "rotate_app_secret",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Replace an app (original path)

    The original system's update URL, kept for existing integrations: the same as
    `replaceApp`. Also answers with the original trailing slash,
    `PUT /oauth/applications/{id}/update/`. Needs the `apps` scope.

    Sends a `PUT` request to `/oauth/applications/{id}/update`

    */
    pub async fn legacy_update_app<'a>(
        &'a self,
        id: &'a str,
        body: &'a types::AppRequest,
    ) -> Result<ResponseValue<types::App>, Error<types::ApiError>> {
        let url = format!(
            "{}/oauth/applications/{}/update",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .put(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .json(&body)
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "legacy_update_app",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            200u16 => ResponseValue::from_response(response).await,
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            422u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
    /**Delete an app (original path)

    The original system's delete URL, kept for existing integrations: the same as
    `deleteApp`. Also answers with the original trailing slash,
    `DELETE /oauth/applications/{id}/delete/`. Needs the `apps` scope.

    Sends a `DELETE` request to `/oauth/applications/{id}/delete`

    */
    pub async fn legacy_delete_app<'a>(
        &'a self,
        id: &'a str,
    ) -> Result<ResponseValue<()>, Error<types::ApiError>> {
        let url = format!(
            "{}/oauth/applications/{}/delete",
            self.baseurl,
            encode_path(&id.to_string()),
        );
        let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
        header_map.append(
            ::reqwest::header::HeaderName::from_static("api-version"),
            ::reqwest::header::HeaderValue::from_static(Self::api_version()),
        );
        #[allow(unused_mut)]
        let mut request = self
            .client
            .delete(url)
            .header(
                ::reqwest::header::ACCEPT,
                ::reqwest::header::HeaderValue::from_static("application/json"),
            )
            .headers(header_map)
            .build()?;
        let info = OperationInfo {
            operation_id: "legacy_delete_app",
        };
        self.pre(&mut request, &info).await?;
        let result = self.exec(request, &info).await;
        self.post(&result, &info).await?;
        let response = result?;
        match response.status().as_u16() {
            204u16 => Ok(ResponseValue::empty(response)),
            401u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            403u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            404u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            409u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            500u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            503u16 => Err(Error::ErrorResponse(
                ResponseValue::from_response(response).await?,
            )),
            _ => Err(Error::UnexpectedResponse(response)),
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    #[allow(unused_imports)]
    pub use super::Client;
}
