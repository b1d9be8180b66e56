//! Dynamic client registration: `POST /oauth2/register` (RFC 7591 §3) and the client
//! configuration endpoint `GET`/`PUT`/`DELETE /oauth2/register/{client_id}` (RFC 7592 §2).
//! JSON in and out; errors in the OAuth shape: RFC 7591 §3.2.2 `invalid_redirect_uri` and
//! `invalid_client_metadata` (400), RFC 6750 `invalid_token` (401 with a Bearer challenge), 403
//! when registration is turned off, 429 past the per-address limit of open registration.

use poem::web::Data;
use poem::Request;
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::register_models::{ClientInformationResponse, ClientMetadataRequest};
use super::response::OAuthErrorBody;
use crate::api::response::bearer_challenge;
use crate::api::ApiTags;
use crate::service::dynamic_registration::{self as dcr, RegisterRequest, RegistrationError};
use crate::service::oauth::{OAuthError, OAuthErrorCode};
use crate::service::Services;

#[derive(Default)]
pub struct RegisterApi;

const NO_STORE: &str = "no-store";
const NO_CACHE: &str = "no-cache";

/// A registered client.
#[derive(ApiResponse)]
pub enum Registered {
    /// The client is registered; `client_secret` and `registration_access_token` are shown in
    /// this answer only.
    #[oai(status = 201)]
    Created(
        Json<ClientInformationResponse>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "Pragma")] String,
    ),
}

/// A client's registration, read or changed.
#[derive(ApiResponse)]
pub enum ClientConfiguration {
    /// The registration as it is now, with a new `registration_access_token`: the one sent
    /// no longer works.
    #[oai(status = 200)]
    Ok(
        Json<ClientInformationResponse>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "Pragma")] String,
    ),
}

/// A deleted client.
#[derive(ApiResponse)]
pub enum ClientDeleted {
    /// The client is gone; every grant and token it held is revoked.
    #[oai(status = 204)]
    Deleted,
}

/// A refused registration request.
#[derive(ApiResponse)]
pub enum RegistrationFailure {
    /// `invalid_redirect_uri` or `invalid_client_metadata` (RFC 7591 §3.2.2): the description
    /// names every member at fault. Nothing was stored or changed.
    #[oai(status = 400)]
    BadRequest(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
    ),
    /// `invalid_token`: the initial access token (registration) or registration access token
    /// (configuration endpoint) is missing, unknown, used up or expired, or belongs to another
    /// client.
    #[oai(status = 401)]
    Unauthorized(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "WWW-Authenticate")] String,
    ),
    /// `access_denied`: dynamic registration is turned off on this server.
    #[oai(status = 403)]
    Forbidden(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
    ),
    /// `temporarily_unavailable`: too many open registrations from this address; retry after
    /// `Retry-After` seconds.
    #[oai(status = 429)]
    TooManyRequests(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
        #[oai(header = "Retry-After")] String,
    ),
    /// `server_error`; details are only in the server's logs.
    #[oai(status = 500)]
    ServerError(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
    ),
    /// `temporarily_unavailable`: the store is unavailable; retry later.
    #[oai(status = 503)]
    Unavailable(
        Json<OAuthErrorBody>,
        #[oai(header = "Cache-Control")] String,
    ),
}

fn body(error: &str, description: String) -> Json<OAuthErrorBody> {
    Json(OAuthErrorBody {
        error: error.to_owned(),
        error_description: Some(description),
    })
}

impl From<RegistrationError> for RegistrationFailure {
    fn from(e: RegistrationError) -> Self {
        let no_store = || NO_STORE.to_owned();
        match e {
            RegistrationError::Disabled => Self::Forbidden(
                body("access_denied", RegistrationError::Disabled.to_string()),
                no_store(),
            ),
            RegistrationError::InvalidToken(d) => {
                let challenge =
                    bearer_challenge(&[("error", "invalid_token"), ("error_description", &d)]);
                Self::Unauthorized(body("invalid_token", d), no_store(), challenge)
            }
            RegistrationError::Metadata(m) => {
                Self::BadRequest(body(m.code, m.description), no_store())
            }
            RegistrationError::Throttled(wait) => Self::TooManyRequests(
                body("temporarily_unavailable", e.to_string()),
                no_store(),
                wait.to_string(),
            ),
            RegistrationError::Service(e) => OAuthError::from(e).into(),
        }
    }
}

impl From<OAuthError> for RegistrationFailure {
    /// The server's own trouble, mapped (and its cause logged) as at every OAuth endpoint:
    /// `temporarily_unavailable` is a 503, anything else a 500 `server_error`.
    fn from(e: OAuthError) -> Self {
        let unavailable = e.code == OAuthErrorCode::TemporarilyUnavailable;
        let b = body(e.code.as_str(), e.description);
        match unavailable {
            true => Self::Unavailable(b, NO_STORE.to_owned()),
            false => Self::ServerError(b, NO_STORE.to_owned()),
        }
    }
}

/// The token of `Authorization: Bearer <token>`, if one was sent (RFC 6750 §2.1).
fn bearer(req: &Request) -> Option<&str> {
    let header = req.headers().get("authorization")?.to_str().ok()?;
    let (scheme, token) = header.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

fn information(svc: &Services, info: dcr::ClientInformation) -> Json<ClientInformationResponse> {
    Json(ClientInformationResponse::new(info, &svc.public_url))
}

type Result<T> = std::result::Result<T, RegistrationFailure>;

#[OpenApi(tag = "ApiTags::OAuth2")]
impl RegisterApi {
    /// Register a client
    ///
    /// RFC 7591 dynamic client registration, when the server allows it
    /// (`oauth.dynamic_registration`): with `initial_access_token`, send
    /// `Authorization: Bearer <initial access token>` (administrators mint them); with `open`,
    /// anyone may register, a limited number of times per address. The metadata passes the
    /// same rules as an app registered by a person. The answer carries the `client_id`, the
    /// `client_secret` of a confidential client (shown once), and the
    /// `registration_access_token` for `registration_client_uri` (RFC 7592).
    #[oai(
        path = "/oauth2/register",
        method = "post",
        operation_id = "registerClient"
    )]
    async fn register(
        &self,
        svc: Data<&Services>,
        req: &Request,
        body: Json<ClientMetadataRequest>,
    ) -> Result<Registered> {
        let (m, _) = body.0.split();
        let request = RegisterRequest {
            bearer: bearer(req),
            ip: crate::client_ip::of(req),
        };
        let info = dcr::register(&svc, request, m).await?;
        Ok(Registered::Created(
            information(&svc, info),
            NO_STORE.into(),
            NO_CACHE.into(),
        ))
    }

    /// Read a client's registration
    ///
    /// RFC 7592 §2.1, with `Authorization: Bearer <registration access token>`. The answer
    /// carries a new registration access token; the one sent stops working.
    #[oai(
        path = "/oauth2/register/:client_id",
        method = "get",
        operation_id = "getClientRegistration"
    )]
    async fn read(
        &self,
        svc: Data<&Services>,
        req: &Request,
        client_id: Path<String>,
    ) -> Result<ClientConfiguration> {
        let info = dcr::read(&svc, &client_id, bearer(req)).await?;
        Ok(ClientConfiguration::Ok(
            information(&svc, info),
            NO_STORE.into(),
            NO_CACHE.into(),
        ))
    }

    /// Replace a client's registration
    ///
    /// RFC 7592 §2.2, with `Authorization: Bearer <registration access token>`: send every
    /// member (omitted ones are cleared) and `client_id`; the same rules as a registration.
    /// The answer carries a new registration access token; the one sent stops working.
    #[oai(
        path = "/oauth2/register/:client_id",
        method = "put",
        operation_id = "updateClientRegistration"
    )]
    async fn update(
        &self,
        svc: Data<&Services>,
        req: &Request,
        client_id: Path<String>,
        body: Json<ClientMetadataRequest>,
    ) -> Result<ClientConfiguration> {
        let (m, update) = body.0.split();
        let info = dcr::update(&svc, &client_id, bearer(req), update, m).await?;
        Ok(ClientConfiguration::Ok(
            information(&svc, info),
            NO_STORE.into(),
            NO_CACHE.into(),
        ))
    }

    /// Delete a client
    ///
    /// RFC 7592 §2.3, with `Authorization: Bearer <registration access token>`: the client is
    /// deleted and every grant and token it holds is revoked.
    #[oai(
        path = "/oauth2/register/:client_id",
        method = "delete",
        operation_id = "deleteClientRegistration"
    )]
    async fn delete(
        &self,
        svc: Data<&Services>,
        req: &Request,
        client_id: Path<String>,
    ) -> Result<ClientDeleted> {
        dcr::delete(&svc, &client_id, bearer(req)).await?;
        Ok(ClientDeleted::Deleted)
    }
}
