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
        `forbidden`, `not_found`, `method_not_allowed`, `conflict`, `unsupported_media_type`,
        `too_many_requests`, `internal_error`, `service_unavailable`.*/
        pub error: ::std::string::String,
        ///Field-level problems (validation and conflicts); empty otherwise.
        pub fields: ::std::vec::Vec<FieldError>,
        ///A human-readable explanation.
        pub message: ::std::string::String,
    }
    ///A change of password.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct ChangePasswordRequest {
        pub current_password: ::std::string::String,
        pub new_password: ::std::string::String,
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
    ///An email address to which a link may be sent.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct EmailRequest {
        pub email: ::std::string::String,
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
        ///Whether the token is valid now: issued here, not expired, not revoked.
        pub active: bool,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub aud: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub client_id: ::std::option::Option<::std::string::String>,
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
        ///`Bearer` or `refresh_token`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub token_type: ::std::option::Option<::std::string::String>,
    }
    ///One public signing key (RFC 7517 §4, RFC 7518 §6.2).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Jwk {
        ///`ES256`.
        pub alg: ::std::string::String,
        ///`P-256`.
        pub crv: ::std::string::String,
        ///The key id, as in the `kid` header of the tokens it signed.
        pub kid: ::std::string::String,
        ///`EC`.
        pub kty: ::std::string::String,
        ///`sig`.
        #[serde(rename = "use")]
        pub use_: ::std::string::String,
        pub x: ::std::string::String,
        pub y: ::std::string::String,
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
    ///A person's own account, as they see it.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct Me {
        pub created_at: ::chrono::DateTime<::chrono::offset::Utc>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub display_name: ::std::option::Option<::std::string::String>,
        pub email: ::std::string::String,
        pub email_verified: bool,
        pub id: ::std::string::String,
        pub is_admin: bool,
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
        pub authorization_endpoint: ::std::string::String,
        ///RFC 9207: authorization responses carry `iss`.
        pub authorization_response_iss_parameter_supported: bool,
        pub claims_supported: ::std::vec::Vec<::std::string::String>,
        pub code_challenge_methods_supported: ::std::vec::Vec<::std::string::String>,
        ///RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).
        pub end_session_endpoint: ::std::string::String,
        pub grant_types_supported: ::std::vec::Vec<::std::string::String>,
        pub id_token_signing_alg_values_supported: ::std::vec::Vec<::std::string::String>,
        pub introspection_endpoint: ::std::string::String,
        pub introspection_endpoint_auth_methods_supported: ::std::vec::Vec<::std::string::String>,
        pub issuer: ::std::string::String,
        pub jwks_uri: ::std::string::String,
        pub response_modes_supported: ::std::vec::Vec<::std::string::String>,
        pub response_types_supported: ::std::vec::Vec<::std::string::String>,
        pub revocation_endpoint: ::std::string::String,
        pub revocation_endpoint_auth_methods_supported: ::std::vec::Vec<::std::string::String>,
        pub scopes_supported: ::std::vec::Vec<::std::string::String>,
        pub subject_types_supported: ::std::vec::Vec<::std::string::String>,
        pub token_endpoint: ::std::string::String,
        pub token_endpoint_auth_methods_supported: ::std::vec::Vec<::std::string::String>,
        pub userinfo_endpoint: ::std::string::String,
    }
    ///An OAuth error (RFC 6749 §5.2).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct OAuthErrorBody {
        /**The registered error code: `invalid_request`, `invalid_client`, `invalid_grant`,
        `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`, `invalid_token`,
        `insufficient_scope`, `server_error` or `temporarily_unavailable`.*/
        pub error: ::std::string::String,
        ///What went wrong, for the developer of the client.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub error_description: ::std::option::Option<::std::string::String>,
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
    ///The answer of a revocation.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct RevokedBody {
        ///Always true: unknown tokens and tokens of other clients are ignored (RFC 7009 §2.2).
        pub revoked: bool,
    }
    ///Tokens issued by a successful request (RFC 6749 §5.1).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    pub struct TokenBody {
        ///A JWT access token (RFC 9068), to send as `Authorization: Bearer`.
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
        ///Always `Bearer`.
        pub token_type: ::std::string::String,
    }
    ///A token request; which fields are needed depends on `grant_type`.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    pub struct TokenForm {
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
        /**`authorization_code`, `refresh_token`, `client_credentials` or `password` (only for
        apps that enable it).*/
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

    Returns the account of the person the credential belongs to. Needs the `profile` scope.

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

    Changes the display name of the caller's account. Needs the `profile` scope.

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
    account ends. Answers the account. Needs the `profile` scope.

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
    (`client_secret_post`), or send only `client_id` for a public client. Errors follow
    RFC 6749 §5.2; a failed client authentication answers 401 with `WWW-Authenticate`.

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

    Send an access token with the `openid` scope as `Authorization: Bearer`. Claims are
    released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    401 with `WWW-Authenticate: Bearer error="invalid_token"`.

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

    The JSON Web Key Set (RFC 7517) of the ES256 keys that sign access tokens and id_tokens.
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
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    #[allow(unused_imports)]
    pub use super::Client;
}
