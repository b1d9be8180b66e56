//! `POST /oauth2/token` (RFC 6749 §3.2), `POST /oauth2/revoke` (RFC 7009) and
//! `POST /oauth2/introspect` (RFC 7662): form-encoded requests, client authentication by
//! `client_secret_basic` (the `Authorization` header), `client_secret_post` (form fields),
//! `private_key_jwt` (`client_assertion`, RFC 7523) or `none` (public clients send only
//! `client_id`).

use poem::web::Data;
use poem::Request;
use poem_openapi::payload::Form;
use poem_openapi::{Object, OpenApi};
use serde::Deserialize;

use super::resource_form::{Resourced, TakesResources};
use super::response::{ok, OAuthResult};
use crate::api::ApiTags;
use crate::service::oauth::client_auth::ClientCredentials;
use crate::service::oauth::grants::{self, TokenRequest};
use crate::service::oauth::introspect::{self, Introspection};
use crate::service::Services;

#[derive(Default)]
pub struct TokenApi;

/// A token request; which fields are needed depends on `grant_type`.
#[derive(Clone, Default, Object, Deserialize)]
#[oai(example, skip_serializing_if_is_none)]
pub struct TokenForm {
    /// `authorization_code`, `refresh_token`, `client_credentials`, `password` (only for
    /// apps that enable it) or `urn:ietf:params:oauth:grant-type:device_code`.
    pub grant_type: Option<String>,
    /// authorization_code: the code received at the redirect URI.
    pub code: Option<String>,
    /// authorization_code: the redirect_uri of the authorization request, exactly.
    pub redirect_uri: Option<String>,
    /// authorization_code: the PKCE verifier (RFC 7636); required when a challenge was sent.
    pub code_verifier: Option<String>,
    /// refresh_token: the refresh token; it is rotated, so keep the new one from the answer.
    pub refresh_token: Option<String>,
    /// Space-delimited scopes: for refresh_token only a subset of the original grant.
    pub scope: Option<String>,
    /// password: the user's username or email.
    pub username: Option<String>,
    /// password: the user's password.
    pub password: Option<String>,
    /// client_secret_post and public clients: the client id.
    pub client_id: Option<String>,
    /// client_secret_post: the client secret (prefer HTTP Basic).
    pub client_secret: Option<String>,
    /// private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
    pub client_assertion_type: Option<String>,
    /// private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
    pub client_assertion: Option<String>,
    /// device_code: the device code from `/oauth2/device_authorization` (RFC 8628).
    pub device_code: Option<String>,
    /// RFC 8707: the resource server(s) the access token is for, each an absolute URI
    /// registered here; repeat the field for several. A code exchange or
    /// refresh may name a subset of what was authorized. The token's `aud` is exactly these.
    #[serde(skip)]
    #[oai(default, skip_serializing_if_is_empty)]
    pub resource: Vec<String>,
}

impl TakesResources for TokenForm {
    fn set_resources(&mut self, resources: Vec<String>) {
        self.resource = resources;
    }
}

impl poem_openapi::types::Example for TokenForm {
    /// The simplest request: an app's own token, authenticated with HTTP Basic.
    fn example() -> Self {
        Self {
            grant_type: Some("client_credentials".into()),
            ..Default::default()
        }
    }
}

/// A token to revoke or introspect.
#[derive(Clone, Object, Deserialize)]
#[oai(example, skip_serializing_if_is_none)]
pub struct TokenHintForm {
    /// The access token or refresh token.
    pub token: Option<String>,
    /// `access_token` or `refresh_token`; optional, the server recognises the kind itself.
    pub token_type_hint: Option<String>,
    /// client_secret_post and public clients: the client id.
    pub client_id: Option<String>,
    /// client_secret_post: the client secret (prefer HTTP Basic).
    pub client_secret: Option<String>,
    /// private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
    pub client_assertion_type: Option<String>,
    /// private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
    pub client_assertion: Option<String>,
}

impl poem_openapi::types::Example for TokenHintForm {
    /// A token only; the app authenticates with HTTP Basic.
    fn example() -> Self {
        Self {
            token: Some("eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiYXQrand0In0.e30.c2ln".into()),
            token_type_hint: Some("access_token".into()),
            client_id: None,
            client_secret: None,
            client_assertion_type: None,
            client_assertion: None,
        }
    }
}

impl std::fmt::Debug for TokenForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenForm")
            .field("grant_type", &self.grant_type)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for TokenHintForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenHintForm")
            .field("token_type_hint", &self.token_type_hint)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// Tokens issued by a successful request (RFC 6749 §5.1).
#[derive(Clone, Object)]
#[oai(skip_serializing_if_is_none)]
pub struct TokenBody {
    /// A JWT access token (RFC 9068), to send as `Authorization: Bearer`, or, when
    /// `token_type` is `DPoP`, as `Authorization: DPoP` with a proof (RFC 9449 §7.1).
    pub access_token: String,
    /// `Bearer`, or `DPoP` when the request carried a DPoP proof: the access token is then
    /// bound to the proof's key (`cnf.jkt`).
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// A refresh token, when the client may refresh (and, with `openid`, `offline_access` was
    /// granted). Single use: each refresh returns a new one.
    pub refresh_token: Option<String>,
    /// The granted scopes, space-delimited.
    pub scope: String,
    /// An OpenID Connect id_token, when `openid` was granted with a code.
    pub id_token: Option<String>,
}

/// The state of a token (RFC 7662 §2.2); only `active` is present for inactive tokens.
#[derive(Debug, Clone, Object)]
pub struct IntrospectionBody {
    /// Whether the token is valid now: issued here, not expired, not revoked.
    pub active: bool,
    #[oai(skip_serializing_if_is_none)]
    pub scope: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub client_id: Option<String>,
    /// The user id, or the client id for client_credentials tokens.
    #[oai(skip_serializing_if_is_none)]
    pub sub: Option<String>,
    /// `Bearer`, `DPoP` (a token bound to a key, RFC 9449 §6.2) or `refresh_token`.
    #[oai(skip_serializing_if_is_none)]
    pub token_type: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub exp: Option<i64>,
    #[oai(skip_serializing_if_is_none)]
    pub iat: Option<i64>,
    #[oai(skip_serializing_if_is_none)]
    pub iss: Option<String>,
    /// The audience as issued: the issuer, or the resource identifier (a string) or
    /// identifiers (an array) the token was requested for (RFC 8707).
    #[oai(skip_serializing_if_is_none)]
    pub aud: Option<serde_json::Value>,
    #[oai(skip_serializing_if_is_none)]
    pub jti: Option<String>,
    /// The confirmation of a DPoP-bound token: `{"jkt": <JWK SHA-256 thumbprint>}`
    /// (RFC 9449 §6.2).
    #[oai(skip_serializing_if_is_none)]
    pub cnf: Option<serde_json::Value>,
    /// When the person signed in (seconds since the epoch), for a user's access token.
    #[oai(skip_serializing_if_is_none)]
    pub auth_time: Option<i64>,
    /// How the person signed in: `urn:auth-center:acr:password` or `urn:auth-center:acr:mfa`
    /// (RFC 9470 §6.1); absent for tokens that were refreshed or are an app's own.
    #[oai(skip_serializing_if_is_none)]
    pub acr: Option<String>,
}

/// The answer of a revocation.
#[derive(Debug, Clone, Object)]
pub struct RevokedBody {
    /// Always true: unknown tokens and tokens of other clients are ignored (RFC 7009 §2.2).
    pub revoked: bool,
}

impl From<Introspection> for IntrospectionBody {
    fn from(i: Introspection) -> Self {
        Self {
            active: i.active,
            scope: i.scope,
            client_id: i.client_id,
            sub: i.sub,
            token_type: i.token_type,
            exp: i.exp,
            iat: i.iat,
            iss: i.iss,
            aud: i.aud.and_then(|a| serde_json::to_value(a).ok()),
            jti: i.jti,
            cnf: i.cnf.and_then(|c| serde_json::to_value(c).ok()),
            auth_time: i.auth_time,
            acr: i.acr,
        }
    }
}

/// The client credentials of a request. A form field sent without a value counts as omitted
/// (RFC 6749 §3.2), so `client_secret=` beside HTTP Basic is not a second method.
pub(super) fn credentials(
    req: &Request,
    client_id: Option<String>,
    secret: Option<String>,
) -> ClientCredentials {
    let client_id = client_id.filter(|s| !s.is_empty());
    let secret = secret.filter(|s| !s.is_empty());
    ClientCredentials {
        authorization: req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        client_id,
        client_secret: secret,
        ..ClientCredentials::default()
    }
}

#[OpenApi(tag = "ApiTags::OAuth2")]
impl TokenApi {
    /// Obtain tokens
    ///
    /// The OAuth 2.0 token endpoint. Grants: `authorization_code` (with PKCE S256; required
    /// for public clients), `password` (only for apps that enable it), `refresh_token` (rotating: every use returns a new refresh token,
    /// and reusing an old one revokes the whole grant) and `client_credentials`. Authenticate
    /// with HTTP Basic (`client_secret_basic`), with `client_id` + `client_secret` in the form
    /// (`client_secret_post`), with a signed `client_assertion` (`private_key_jwt`, for apps that
    /// registered keys), or send only `client_id` for a public client. Errors follow
    /// RFC 6749 §5.2; a failed client authentication answers 401 with `WWW-Authenticate`.
    /// Devices poll with `urn:ietf:params:oauth:grant-type:device_code` and `device_code`
    /// (RFC 8628 §3.4): `authorization_pending`, `slow_down` (wait 5 s longer from now on),
    /// `expired_token` and `access_denied` are 400 errors until the tokens come.
    /// With a `DPoP` header (RFC 9449 §5) the access token is bound to the proof's key and
    /// `token_type` is `DPoP`; an invalid proof is `invalid_dpop_proof`, and a proof without
    /// the server's nonce (when it asks for one) `use_dpop_nonce` with a `DPoP-Nonce` header.
    #[oai(path = "/oauth2/token", method = "post", operation_id = "createToken")]
    async fn token(
        &self,
        svc: Data<&Services>,
        req: &Request,
        form: Form<Resourced<TokenForm>>,
    ) -> OAuthResult<TokenBody> {
        let Form(Resourced(f)) = form;
        let creds = credentials(req, f.client_id, f.client_secret)
            .with_assertion(f.client_assertion_type, f.client_assertion);
        let request = TokenRequest {
            grant_type: f.grant_type,
            code: f.code,
            redirect_uri: f.redirect_uri,
            code_verifier: f.code_verifier,
            refresh_token: f.refresh_token,
            scope: f.scope,
            username: f.username,
            password: f.password,
            device_code: f.device_code,
            resources: f.resource,
            client_ip: crate::client_ip::of(req),
            dpop: crate::api::dpop::proof_input(req),
        };
        let t = grants::exchange(&svc, &creds, &request).await?;
        Ok(ok(TokenBody {
            access_token: t.access_token,
            token_type: t.token_type.into(),
            expires_in: t.expires_in,
            refresh_token: t.refresh_token,
            scope: t.scope,
            id_token: t.id_token,
        }))
    }

    /// Revoke a token
    ///
    /// RFC 7009. Revoking a refresh token revokes its whole grant (every token issued from the
    /// same authorization); revoking an access token rejects it everywhere this server checks
    /// it. Answers 200 for unknown tokens too, so it cannot be used to probe tokens.
    #[oai(path = "/oauth2/revoke", method = "post", operation_id = "revokeToken")]
    async fn revoke(
        &self,
        svc: Data<&Services>,
        req: &Request,
        form: Form<TokenHintForm>,
    ) -> OAuthResult<RevokedBody> {
        let Form(f) = form;
        let creds = credentials(req, f.client_id, f.client_secret)
            .with_assertion(f.client_assertion_type, f.client_assertion);
        introspect::revoke(&svc, &creds, f.token.as_deref()).await?;
        Ok(ok(RevokedBody { revoked: true }))
    }

    /// Introspect a token
    ///
    /// RFC 7662, for confidential clients (resource servers). Answers `{"active": false}` for
    /// unknown, expired and revoked tokens, and the token's scope, client, subject and times
    /// for active ones.
    #[oai(
        path = "/oauth2/introspect",
        method = "post",
        operation_id = "introspectToken"
    )]
    async fn introspect(
        &self,
        svc: Data<&Services>,
        req: &Request,
        form: Form<TokenHintForm>,
    ) -> OAuthResult<IntrospectionBody> {
        let Form(f) = form;
        let creds = credentials(req, f.client_id, f.client_secret)
            .with_assertion(f.client_assertion_type, f.client_assertion);
        Ok(ok(
            introspect::introspect(&svc, &creds, f.token.as_deref()).await?
        ))
    }
}
