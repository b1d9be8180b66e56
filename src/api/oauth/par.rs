//! `POST /oauth2/par` (RFC 9126): the pushed authorization request endpoint. Form-encoded,
//! client authentication as at the token endpoint, RFC 6749 §5.2 error answers (§2.3); a
//! success is 201 with the `request_uri` to send to `/oauth2/authorize` with `client_id`.

use poem::web::Data;
use poem::Request;
use poem_openapi::payload::{Form, Json};
use poem_openapi::{ApiResponse, Object, OpenApi};
use serde::Deserialize;

use super::resource_form::{Resourced, TakesResources};
use super::response::OAuthFailure;
use super::token::credentials;
use crate::api::ApiTags;
use crate::service::oauth::authorize::AuthorizeParams;
use crate::service::oauth::par::{push, Pushed};
use crate::service::Services;

#[derive(Default)]
pub struct ParApi;

/// An authorization request, pushed: the parameters of `/oauth2/authorize`, plus client
/// authentication.
#[derive(Clone, Default, Object, Deserialize)]
#[oai(skip_serializing_if_is_none)]
pub struct ParForm {
    /// `code` (or an implicit/hybrid type the app may use).
    pub response_type: Option<String>,
    /// The app's client id; with HTTP Basic it may be left out.
    pub client_id: Option<String>,
    /// client_secret_post: the client secret (prefer HTTP Basic).
    pub client_secret: Option<String>,
    /// private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
    pub client_assertion_type: Option<String>,
    /// private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523 §2.2).
    pub client_assertion: Option<String>,
    /// One of the app's registered redirect URIs.
    pub redirect_uri: Option<String>,
    /// Space-delimited scopes.
    pub scope: Option<String>,
    pub state: Option<String>,
    /// Required when an id_token is returned from the authorization endpoint.
    pub nonce: Option<String>,
    /// PKCE (RFC 7636); required for public apps.
    pub code_challenge: Option<String>,
    /// `S256`.
    pub code_challenge_method: Option<String>,
    /// `none`, `login`, `consent` (OIDC Core §3.1.2.1).
    pub prompt: Option<String>,
    pub max_age: Option<String>,
    /// Space-separated `acr` values (OIDC Core §3.1.2.1); naming only
    /// `urn:auth-center:acr:mfa` requires a sign-in with a second factor.
    pub acr_values: Option<String>,
    pub login_hint: Option<String>,
    pub ui_locales: Option<String>,
    /// `query` or `fragment`.
    pub response_mode: Option<String>,
    /// Refused here (RFC 9126 §2.1): a pushed request cannot point to another.
    pub request_uri: Option<String>,
    /// RFC 9449 §10: the JWK SHA-256 thumbprint of the DPoP key the code's exchange will prove.
    pub dpop_jkt: Option<String>,
    /// RFC 8707: the resource server(s) the access token is for, each an absolute URI
    /// registered here; repeat the field for several. The token's `aud` is exactly these.
    #[serde(skip)]
    #[oai(default, skip_serializing_if_is_empty)]
    pub resource: Vec<String>,
}

impl TakesResources for ParForm {
    fn set_resources(&mut self, resources: Vec<String>) {
        self.resource = resources;
    }
}

impl std::fmt::Debug for ParForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParForm")
            .field("client_id", &self.client_id)
            .field("response_type", &self.response_type)
            .finish_non_exhaustive()
    }
}

impl ParForm {
    fn into_params(self) -> AuthorizeParams {
        AuthorizeParams {
            response_type: self.response_type,
            client_id: self.client_id,
            redirect_uri: self.redirect_uri,
            scope: self.scope,
            state: self.state,
            nonce: self.nonce,
            code_challenge: self.code_challenge,
            code_challenge_method: self.code_challenge_method,
            prompt: self.prompt,
            max_age: self.max_age,
            acr_values: self.acr_values,
            login_hint: self.login_hint,
            ui_locales: self.ui_locales,
            response_mode: self.response_mode,
            request_uri: self.request_uri,
            resource: self.resource,
            dpop_jkt: self.dpop_jkt,
        }
    }
}

/// Where the pushed request is kept (RFC 9126 §2.2).
#[derive(Debug, Clone, Object)]
pub struct ParBody {
    /// `urn:ietf:params:oauth:request_uri:…`: send it to `/oauth2/authorize` as `request_uri`
    /// with `client_id`, once.
    pub request_uri: String,
    /// Seconds until `request_uri` expires.
    pub expires_in: i64,
}

impl From<Pushed> for ParBody {
    fn from(p: Pushed) -> Self {
        Self {
            request_uri: p.request_uri,
            expires_in: p.expires_in,
        }
    }
}

/// A stored pushed request.
#[derive(ApiResponse)]
pub enum ParCreated {
    /// The request was validated and stored.
    #[oai(status = 201)]
    Created(
        Json<ParBody>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "Pragma")] String,
    ),
}

#[OpenApi(tag = "ApiTags::OAuth2")]
impl ParApi {
    /// Push an authorization request
    ///
    /// RFC 9126. Send every authorization parameter here, authenticated as at the token
    /// endpoint, then send the browser to `/oauth2/authorize?client_id=…&request_uri=…`: the
    /// parameters cannot be read or changed on the way. They are checked exactly as the
    /// authorization endpoint checks them; errors follow RFC 6749 §5.2 (`invalid_request`,
    /// `invalid_scope`, `unauthorized_client`, `unsupported_response_type`; 401
    /// `invalid_client`). The `request_uri` is good for one authorization and `expires_in`
    /// seconds. A `DPoP` header (RFC 9449 §10.1) binds the authorization code to the proof's
    /// key, as `dpop_jkt` does: the code's exchange must then prove the same key.
    #[oai(
        path = "/oauth2/par",
        method = "post",
        operation_id = "pushAuthorizationRequest"
    )]
    async fn par(
        &self,
        svc: Data<&Services>,
        req: &Request,
        form: Form<Resourced<ParForm>>,
    ) -> Result<ParCreated, OAuthFailure> {
        let Form(Resourced(mut f)) = form;
        let creds = credentials(req, f.client_id.clone(), f.client_secret.take())
            .with_assertion(f.client_assertion_type.take(), f.client_assertion.take());
        let dpop = crate::api::dpop::proof_input(req);
        let pushed = push(&svc, &creds, f.into_params(), &dpop).await?;
        Ok(ParCreated::Created(
            Json(pushed.into()),
            "no-store".into(),
            "no-cache".into(),
        ))
    }
}
